/*
 * test-rpc-generated.c: the code generated from remote-protocol.def
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Every struct of the table round-trips filled with samples (compared
 * member by member) and refuses truncation; hand-filled values round-trip
 * field by field; bounds are exact both ways and the
 * errors name the field; a few messages are compared with bytes computed
 * by hand from the protocol's layout (so a generator bug cannot hide
 * behind a matching decoder); the server dispatch skeleton decodes, calls
 * the handler and encodes, and refuses what it cannot serve.
 */
#include "config.h"

#include <string.h>

#include "libvirt-gobject/libvirt-gobject-error.h"
#include "libvirt-gobject/rpc/gvir-rpc-remote-private.h"

#define TEST_UUID "6695eb01-f6a4-8304-79aa-97f2502e193f"
#define TEST_UUID_HEX "6695eb01f6a4830479aa97f2502e193f"

/* Hex with optional spaces -> bytes. */
static GByteArray *
hex (const char *text)
{
  GByteArray *out = g_byte_array_new ();

  for (; *text != '\0'; text++)
    {
      guint8 b;

      if (*text == ' ')
        continue;
      g_assert_true (g_ascii_isxdigit (text[0]) && g_ascii_isxdigit (text[1]));
      b = (guint8) ((g_ascii_xdigit_value (text[0]) << 4) | g_ascii_xdigit_value (text[1]));
      g_byte_array_append (out, &b, 1);
      text++;
    }
  return out;
}

static void
assert_encodes_to (GByteArray *got,
                   const char *want_hex)
{
  g_autoptr(GByteArray) want = hex (want_hex);

  g_assert_cmpmem (got->data, got->len, want->data, want->len);
}

static void
assert_error_names (const GError *error,
                    gint          code,
                    const char   *field)
{
  g_assert_error (error, GVIR_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, field));
}

/* ---- every struct ------------------------------------------------------------ */

/* The smallest encoding of each struct is all zeros (counts, lengths and
 * absent markers zero): it decodes, consumes exactly min_size bytes,
 * passes the bound check and encodes back to the same bytes. One byte
 * fewer is refused. Only a struct with a union at its top refuses zeros:
 * no union arm has the discriminant 0. */
static void
test_every_struct_smallest (void)
{
  guint i;

  g_assert_cmpuint (gvir_rpc_n_struct_infos, >=, 38);
  for (i = 0; i < gvir_rpc_n_struct_infos; i++)
    {
      const GVirRpcStructInfo *info = &gvir_rpc_struct_infos[i];
      g_autofree guint8 *zeros = g_malloc0 (info->min_size + 4);
      g_autofree gpointer value = g_malloc0 (info->size);
      g_autoptr(GByteArray) again = g_byte_array_new ();
      g_autoptr(GError) error = NULL;
      GVirXdrReader r;

      g_test_message ("%s: %" G_GSIZE_FORMAT " bytes at least", info->name, info->min_size);
      gvir_xdr_reader_init (&r, zeros, info->min_size);
      if (g_str_equal (info->name, "typed_param"))
        {
          g_assert_false (info->get (&r, value, &error));
          assert_error_names (error, GVIR_ERROR_PROTOCOL, "typed_param.value has unknown type 0");
          continue;
        }
      g_assert_true (info->get (&r, value, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (gvir_xdr_reader_remaining (&r), ==, 0);
      g_assert_true (info->check (value, &error));
      g_assert_no_error (error);
      info->put (again, value);
      g_assert_cmpmem (again->data, again->len, zeros, info->min_size);
      info->clear (value);

      if (info->min_size == 0)
        continue;
      gvir_xdr_reader_init (&r, zeros, info->min_size - 1);
      g_assert_false (info->get (&r, value, &error));
      g_assert_error (error, GVIR_ERROR, GVIR_ERROR_PROTOCOL);
      g_assert_nonnull (strstr (error->message, info->name));
    }
}

/* Every struct, filled with samples (every member non-zero; optional
 * members present and absent; each union arm): encode, decode, compare
 * member by member, and encode again to the same bytes. */
static void
test_every_struct_samples (void)
{
  guint i, seed;

  for (i = 0; i < gvir_rpc_n_struct_infos; i++)
    for (seed = 1; seed <= 8; seed++)
      {
        const GVirRpcStructInfo *info = &gvir_rpc_struct_infos[i];
        g_autofree gpointer value = g_malloc0 (info->size);
        g_autofree gpointer back = g_malloc0 (info->size);
        g_autoptr(GByteArray) bytes = g_byte_array_new ();
        g_autoptr(GByteArray) again = g_byte_array_new ();
        g_autoptr(GError) error = NULL;
        const char *differs;
        GVirXdrReader r;

        gvir_rpc_struct_sample (info, value, seed);
        g_assert_true (info->check (value, &error));
        g_assert_no_error (error);
        info->put (bytes, value);
        g_assert_cmpuint (bytes->len, >=, info->min_size);
        g_assert_cmpuint (bytes->len % 4, ==, 0);
        gvir_xdr_reader_init (&r, bytes->data, bytes->len);
        g_assert_true (info->get (&r, back, &error));
        g_assert_no_error (error);
        g_assert_cmpuint (gvir_xdr_reader_remaining (&r), ==, 0);
        differs = gvir_rpc_struct_diff (info, value, back);
        if (differs != NULL)
          g_error ("%s (seed %u): %s differs after a round trip", info->name, seed, differs);
        info->put (again, back);
        g_assert_cmpmem (again->data, again->len, bytes->data, bytes->len);
        info->clear (value);
        info->clear (back);
      }
}

/* The comparison the round trip relies on sees a change in any member. */
static void
test_samples_differ (void)
{
  guint i;

  for (i = 0; i < gvir_rpc_n_struct_infos; i++)
    {
      const GVirRpcStructInfo *info = &gvir_rpc_struct_infos[i];
      g_autofree gpointer a = g_malloc0 (info->size);
      g_autofree gpointer b = g_malloc0 (info->size);

      gvir_rpc_struct_sample (info, a, 1);
      gvir_rpc_struct_sample (info, b, 1);
      g_assert_null (gvir_rpc_struct_diff (info, a, b));
      info->clear (b);
      gvir_rpc_struct_sample (info, b, 3);
      /* Only a struct without members cannot differ. */
      if (info->min_size > 0)
        g_assert_nonnull (gvir_rpc_struct_diff (info, a, b));
      info->clear (a);
      info->clear (b);
    }
}

/* ---- filled values, field by field ------------------------------------------- */

static GVirRpcDomain
test_domain (const char *name,
             gint32      id)
{
  GVirRpcDomain dom = { .name = (char *) name, .id = id };

  g_assert_true (gvir_rpc_uuid_parse (TEST_UUID, dom.uuid));
  return dom;
}

static void
test_round_trip_stats (void)
{
  GVirRpcTypedParam params[7] = {
    { .field = (char *) "i", .type = GVIR_RPC_PARAM_INT, .value.i = -5 },
    { .field = (char *) "ui", .type = GVIR_RPC_PARAM_UINT, .value.ui = 4000000000u },
    { .field = (char *) "l", .type = GVIR_RPC_PARAM_LLONG, .value.l = -(G_GINT64_CONSTANT (1) << 40) },
    { .field = (char *) "ul", .type = GVIR_RPC_PARAM_ULLONG, .value.ul = G_MAXUINT64 },
    { .field = (char *) "d", .type = GVIR_RPC_PARAM_DOUBLE, .value.d = -0.125 },
    { .field = (char *) "b", .type = GVIR_RPC_PARAM_BOOLEAN, .value.b = 1 },
    { .field = (char *) "s", .type = GVIR_RPC_PARAM_STRING, .value.s = (char *) "text" },
  };
  GVirRpcDomainStatsRecord records[2] = {
    { .dom = test_domain ("one", 3), .n_params = 7, .params = params },
    { .dom = test_domain ("two", -1), .n_params = 0, .params = NULL },
  };
  GVirRpcConnectGetAllDomainStatsRet ret = { .n_ret_stats = 2, .ret_stats = records };
  g_auto(GVirRpcConnectGetAllDomainStatsRet) back = { 0 };
  g_autoptr(GByteArray) buf = NULL;
  g_autoptr(GError) error = NULL;
  const GVirRpcTypedParam *p;

  buf = gvir_rpc_encode_connect_get_all_domain_stats_ret (&ret, &error);
  g_assert_no_error (error);
  g_assert_true (gvir_rpc_decode_connect_get_all_domain_stats_ret (buf->data, buf->len, &back,
                                                                   &error));
  g_assert_no_error (error);
  g_assert_cmpuint (back.n_ret_stats, ==, 2);
  g_assert_cmpstr (back.ret_stats[0].dom.name, ==, "one");
  g_assert_cmpint (back.ret_stats[0].dom.id, ==, 3);
  g_assert_cmpmem (back.ret_stats[0].dom.uuid, 16, records[0].dom.uuid, 16);
  g_assert_cmpstr (back.ret_stats[1].dom.name, ==, "two");
  g_assert_cmpint (back.ret_stats[1].dom.id, ==, -1);
  g_assert_cmpuint (back.ret_stats[1].n_params, ==, 0);
  g_assert_cmpuint (back.ret_stats[0].n_params, ==, 7);
  p = back.ret_stats[0].params;
  g_assert_cmpstr (p[0].field, ==, "i");
  g_assert_cmpint (p[0].type, ==, GVIR_RPC_PARAM_INT);
  g_assert_cmpint (p[0].value.i, ==, -5);
  g_assert_cmpuint (p[1].value.ui, ==, 4000000000u);
  g_assert_cmpint (p[2].value.l, ==, -(G_GINT64_CONSTANT (1) << 40));
  g_assert_cmpuint (p[3].value.ul, ==, G_MAXUINT64);
  g_assert_cmpfloat (p[4].value.d, ==, -0.125);
  g_assert_cmpint (p[5].value.b, ==, 1);
  g_assert_cmpint (p[6].type, ==, GVIR_RPC_PARAM_STRING);
  g_assert_cmpstr (p[6].field, ==, "s");
  g_assert_cmpstr (p[6].value.s, ==, "text");
}

static void
test_round_trip_optionals (void)
{
  GVirRpcDomain dom = test_domain ("filter", 9);
  GVirRpcConnectDomainEventCallbackRegisterAnyArgs with = { .event_id = 4, .dom = &dom };
  GVirRpcConnectDomainEventCallbackRegisterAnyArgs without = { .event_id = 5, .dom = NULL };
  GVirRpcConnectGetDomainCapabilitiesArgs caps = {
    .emulatorbin = NULL, .arch = (char *) "x86_64", .machine = NULL,
    .virttype = (char *) "kvm", .flags = 0x80000001u,
  };
  g_auto(GVirRpcConnectDomainEventCallbackRegisterAnyArgs) back_with = { 0 };
  g_auto(GVirRpcConnectDomainEventCallbackRegisterAnyArgs) back_without = { 0 };
  g_auto(GVirRpcConnectGetDomainCapabilitiesArgs) back_caps = { 0 };
  g_autoptr(GByteArray) buf = g_byte_array_new ();

  gvir_rpc_put_connect_domain_event_callback_register_any_args (buf, &with);
  g_assert_true (gvir_rpc_decode_connect_domain_event_callback_register_any_args (
    buf->data, buf->len, &back_with, NULL));
  g_assert_cmpint (back_with.event_id, ==, 4);
  g_assert_nonnull (back_with.dom);
  g_assert_cmpstr (back_with.dom->name, ==, "filter");
  g_assert_cmpint (back_with.dom->id, ==, 9);

  g_byte_array_set_size (buf, 0);
  gvir_rpc_put_connect_domain_event_callback_register_any_args (buf, &without);
  assert_encodes_to (buf, "00000005 00000000");
  g_assert_true (gvir_rpc_decode_connect_domain_event_callback_register_any_args (
    buf->data, buf->len, &back_without, NULL));
  g_assert_cmpint (back_without.event_id, ==, 5);
  g_assert_null (back_without.dom);

  g_byte_array_set_size (buf, 0);
  gvir_rpc_put_connect_get_domain_capabilities_args (buf, &caps);
  g_assert_true (gvir_rpc_decode_connect_get_domain_capabilities_args (buf->data, buf->len,
                                                                       &back_caps, NULL));
  g_assert_null (back_caps.emulatorbin);
  g_assert_cmpstr (back_caps.arch, ==, "x86_64");
  g_assert_null (back_caps.machine);
  g_assert_cmpstr (back_caps.virttype, ==, "kvm");
  g_assert_cmphex (back_caps.flags, ==, 0x80000001u);
}

static void
test_round_trip_arrays (void)
{
  gint32 types[3] = { 2, 0, 1 };
  guint64 cells[2] = { 1, G_GUINT64_CONSTANT (0x100000000) };
  GVirRpcAuthListRet auth = { .n_types = 3, .types = types };
  GVirRpcNodeGetCellsFreeMemoryRet free_memory = { .n_cells = 2, .cells = cells };
  g_auto(GVirRpcAuthListRet) back_auth = { 0 };
  g_auto(GVirRpcNodeGetCellsFreeMemoryRet) back_cells = { 0 };
  g_autoptr(GByteArray) buf = g_byte_array_new ();

  gvir_rpc_put_auth_list_ret (buf, &auth);
  assert_encodes_to (buf, "00000003 00000002 00000000 00000001");
  g_assert_true (gvir_rpc_decode_auth_list_ret (buf->data, buf->len, &back_auth, NULL));
  g_assert_cmpmem (back_auth.types, back_auth.n_types * sizeof (gint32), types, sizeof types);

  g_byte_array_set_size (buf, 0);
  gvir_rpc_put_node_get_cells_free_memory_ret (buf, &free_memory);
  assert_encodes_to (buf, "00000002 0000000000000001 0000000100000000");
  g_assert_true (gvir_rpc_decode_node_get_cells_free_memory_ret (buf->data, buf->len,
                                                                 &back_cells, NULL));
  g_assert_cmpmem (back_cells.cells, back_cells.n_cells * sizeof (guint64), cells, sizeof cells);
}

/* ---- bounds --------------------------------------------------------------------- */

/* auth_list_ret.types is array<int,20>: 20 decode, 21 are refused before
 * any element is read, with the field named. */
static void
test_bounds_decode_array (void)
{
  g_autoptr(GByteArray) buf = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  GVirRpcAuthListRet ret;
  guint i;

  gvir_xdr_put_u32 (buf, GVIR_RPC_AUTH_TYPE_LIST_MAX);
  for (i = 0; i < GVIR_RPC_AUTH_TYPE_LIST_MAX + 1; i++)
    gvir_xdr_put_i32 (buf, 0);
  g_assert_true (gvir_rpc_decode_auth_list_ret (buf->data, buf->len - 4, &ret, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ret.n_types, ==, 20);
  gvir_rpc_auth_list_ret_clear (&ret);

  buf->data[3] = GVIR_RPC_AUTH_TYPE_LIST_MAX + 1;
  g_assert_false (gvir_rpc_decode_auth_list_ret (buf->data, buf->len, &ret, &error));
  assert_error_names (error, GVIR_ERROR_PROTOCOL, "auth_list_ret.types");
  g_assert_nonnull (strstr (error->message, "21 array elements exceed the limit of 20"));
  g_assert_null (ret.types);
}

/* A string one byte over STRING_MAX is refused on both sides. */
static void
test_bounds_string (void)
{
  gsize over = GVIR_RPC_STRING_MAX + 1;
  g_autofree char *big = g_malloc (over + 1);
  GVirRpcDomainLookupByNameArgs args = { .name = big };
  g_autoptr(GByteArray) buf = g_byte_array_new ();
  g_autoptr(GByteArray) encoded = NULL;
  g_autoptr(GError) error = NULL;
  GVirRpcDomainLookupByNameArgs back;

  memset (big, 'a', over);
  big[over] = '\0';
  encoded = gvir_rpc_encode_domain_lookup_by_name_args (&args, &error);
  g_assert_null (encoded);
  assert_error_names (error, GVIR_ERROR_INVALID_ARGUMENT, "domain_lookup_by_name_args.name");
  g_assert_nonnull (strstr (error->message, "4194305 bytes exceeds the limit of 4194304"));
  g_clear_error (&error);

  gvir_rpc_put_domain_lookup_by_name_args (buf, &args);
  g_assert_false (gvir_rpc_decode_domain_lookup_by_name_args (buf->data, buf->len, &back,
                                                              &error));
  assert_error_names (error, GVIR_ERROR_PROTOCOL, "domain_lookup_by_name_args.name");
  g_clear_error (&error);

  /* At the limit: accepted both ways. */
  big[over - 1] = '\0';
  g_clear_pointer (&encoded, g_byte_array_unref);
  encoded = gvir_rpc_encode_domain_lookup_by_name_args (&args, &error);
  g_assert_no_error (error);
  g_assert_true (gvir_rpc_decode_domain_lookup_by_name_args (encoded->data, encoded->len, &back,
                                                             &error));
  g_assert_cmpuint (strlen (back.name), ==, GVIR_RPC_STRING_MAX);
  gvir_rpc_domain_lookup_by_name_args_clear (&back);
}

/* What the check refuses before anything is sent, nested fields named. */
static void
test_bounds_check (void)
{
  gint32 types[GVIR_RPC_AUTH_TYPE_LIST_MAX + 1] = { 0 };
  GVirRpcAuthListRet auth = { .n_types = GVIR_RPC_AUTH_TYPE_LIST_MAX + 1, .types = types };
  GVirRpcAuthListRet no_array = { .n_types = 2, .types = NULL };
  GVirRpcDomain unnamed = test_domain (NULL, 1);
  GVirRpcTypedParam bad_type = { .field = (char *) "x", .type = 42 };
  GVirRpcDomainStatsRecord record = { .dom = test_domain ("r", 1), .n_params = 1,
                                      .params = &bad_type };
  GVirRpcConnectGetAllDomainStatsRet stats = { .n_ret_stats = 1, .ret_stats = &record };
  GVirRpcDomainFlagsArgs flags_args = { .dom = unnamed };
  g_autoptr(GError) error = NULL;

  g_assert_false (gvir_rpc_check_auth_list_ret (&auth, &error));
  assert_error_names (error, GVIR_ERROR_INVALID_ARGUMENT, "auth_list_ret.types");
  g_clear_error (&error);
  auth.n_types--;
  g_assert_true (gvir_rpc_check_auth_list_ret (&auth, &error));
  g_assert_no_error (error);

  g_assert_false (gvir_rpc_check_auth_list_ret (&no_array, &error));
  assert_error_names (error, GVIR_ERROR_INVALID_ARGUMENT, "auth_list_ret.types");
  g_clear_error (&error);

  g_assert_false (gvir_rpc_check_domain_flags_args (&flags_args, &error));
  assert_error_names (error, GVIR_ERROR_INVALID_ARGUMENT, "domain_flags_args.dom: domain.name");
  g_clear_error (&error);

  g_assert_false (gvir_rpc_check_connect_get_all_domain_stats_ret (&stats, &error));
  assert_error_names (error, GVIR_ERROR_INVALID_ARGUMENT,
                      "connect_get_all_domain_stats_ret.ret_stats[0]: "
                      "domain_stats_record.params[0]: typed_param.value: unknown type 42");
}

/* ---- bytes computed by hand ------------------------------------------------------- */

static void
test_bytes_connect_open (void)
{
  GVirRpcConnectOpenArgs args = { .name = (char *) "test:///default", .flags = 6 };
  GVirRpcConnectOpenArgs absent = { .name = NULL, .flags = 1 };
  g_autoptr(GByteArray) buf = gvir_rpc_encode_connect_open_args (&args, NULL);
  g_autoptr(GByteArray) buf2 = gvir_rpc_encode_connect_open_args (&absent, NULL);

  /* Captured from virsh (protocol reference, 3.8). */
  assert_encodes_to (buf, "00000001 0000000f 746573743a2f2f2f64656661756c74 00 00000006");
  assert_encodes_to (buf2, "00000000 00000001");
}

static void
test_bytes_domain_calls (void)
{
  GVirRpcDomainSaveFlagsArgs save = {
    .dom = test_domain ("test", -1), .to = (char *) "/tmp/a.img", .dxml = NULL, .flags = 4,
  };
  GVirRpcConnectGetAllDomainStatsArgs stats = { .stats = GVIR_RPC_DOMAIN_STATS_STATE };
  GVirRpcConnectListAllDomainsArgs list = { .need_results = 1,
                                            .flags = GVIR_RPC_LIST_DOMAINS_PERSISTENT };
  GVirRpcDomainGetNumaParametersArgs numa = { .dom = test_domain ("vm", 2), .nparams = 16,
                                              .flags = 4 };
  g_autoptr(GByteArray) buf = g_byte_array_new ();

  gvir_rpc_put_domain_save_flags_args (buf, &save);
  assert_encodes_to (buf, "00000004 74657374 " TEST_UUID_HEX " ffffffff"
                          " 0000000a 2f746d702f612e696d67 0000 00000000 00000004");
  g_byte_array_set_size (buf, 0);
  gvir_rpc_put_connect_get_all_domain_stats_args (buf, &stats);
  assert_encodes_to (buf, "00000000 00000001 00000000");
  g_byte_array_set_size (buf, 0);
  gvir_rpc_put_connect_list_all_domains_args (buf, &list);
  assert_encodes_to (buf, "00000001 00000004");
  g_byte_array_set_size (buf, 0);
  gvir_rpc_put_domain_get_numa_parameters_args (buf, &numa);
  assert_encodes_to (buf, "00000002 766d0000 " TEST_UUID_HEX " 00000002 00000010 00000004");
}

/* A stats record with one INT and one ULLONG parameter. */
static void
test_bytes_stats_record (void)
{
  GVirRpcTypedParam params[2] = {
    { .field = (char *) "state.state", .type = GVIR_RPC_PARAM_INT, .value.i = 1 },
    { .field = (char *) "x", .type = GVIR_RPC_PARAM_ULLONG, .value.ul = 2 },
  };
  GVirRpcDomainStatsRecord record = { .dom = test_domain ("t", 1), .n_params = 2,
                                      .params = params };
  g_autoptr(GByteArray) buf = g_byte_array_new ();

  gvir_rpc_put_domain_stats_record (buf, &record);
  assert_encodes_to (buf, "00000001 74000000 " TEST_UUID_HEX " 00000001"
                          " 00000002"
                          " 0000000b 73746174652e737461746500 00000001 00000001"
                          " 00000001 78000000 00000004 0000000000000002");
}

/* ---- the server skeleton -------------------------------------------------------- */

typedef struct
{
  guint calls;
  char *last_name;
} Served;

static gboolean
serve_lookup_by_name (gpointer                              data,
                      const GVirRpcDomainLookupByNameArgs  *args,
                      GVirRpcDomainRet                     *ret,
                      GError                              **error)
{
  Served *served = data;

  served->calls++;
  g_free (served->last_name);
  served->last_name = g_strdup (args->name);
  if (g_str_equal (args->name, "missing"))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND, "no domain '%s'", args->name);
      return FALSE;
    }
  ret->dom.name = g_strdup (args->name);
  ret->dom.id = 7;
  g_assert_true (gvir_rpc_uuid_parse (TEST_UUID, ret->dom.uuid));
  return TRUE;
}

static gboolean
serve_get_type (gpointer           data,
                GVirRpcStringRet  *ret,
                GError           **error)
{
  Served *served = data;

  served->calls++;
  /* A handler that breaks the table's bounds: refused, never sent. */
  ret->value = NULL;
  return TRUE;
}

static gboolean
serve_close (gpointer   data,
             GError   **error)
{
  Served *served = data;

  served->calls++;
  return TRUE;
}

static const GVirRpcServerHandlers handlers = {
  .domain_lookup_by_name = serve_lookup_by_name,
  .connect_get_type = serve_get_type,
  .connect_close = serve_close,
};

static void
test_dispatch_call (void)
{
  Served served = { 0 };
  GVirRpcDomainLookupByNameArgs args = { .name = (char *) "test" };
  g_autoptr(GByteArray) payload = gvir_rpc_encode_domain_lookup_by_name_args (&args, NULL);
  g_autoptr(GByteArray) reply = g_byte_array_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (gvir_rpc_server_dispatch (&handlers, &served,
                                           GVIR_RPC_PROC_DOMAIN_LOOKUP_BY_NAME,
                                           payload->data, payload->len, reply, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (served.calls, ==, 1);
  g_assert_cmpstr (served.last_name, ==, "test");
  assert_encodes_to (reply, "00000004 74657374 " TEST_UUID_HEX " 00000007");

  /* A void call with a void reply. */
  g_byte_array_set_size (reply, 0);
  g_assert_true (gvir_rpc_server_dispatch (&handlers, &served, GVIR_RPC_PROC_CONNECT_CLOSE,
                                           NULL, 0, reply, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (served.calls, ==, 2);
  g_assert_cmpuint (reply->len, ==, 0);
  g_free (served.last_name);
}

static void
assert_dispatch_fails (gint32        proc,
                       const guint8 *payload,
                       gsize         len,
                       gint          code,
                       const char   *message,
                       gint32        wire_code)
{
  Served served = { 0 };
  g_autoptr(GByteArray) reply = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GVirRpcError) err = { 0 };

  g_assert_false (gvir_rpc_server_dispatch (&handlers, &served, proc, payload, len, reply,
                                            &error));
  assert_error_names (error, code, message);
  g_assert_cmpuint (reply->len, ==, 0);
  g_free (served.last_name);

  /* What the server sends back. */
  gvir_rpc_error_from_gerror (error, &err);
  g_assert_cmpint (err.code, ==, wire_code);
  g_assert_cmpint (err.level, ==, GVIR_RPC_ERR_LEVEL_ERROR);
  g_assert_cmpstr (err.message, ==, error->message);
  g_assert_null (err.dom);
}

static void
test_dispatch_refusals (void)
{
  GVirRpcDomainLookupByNameArgs missing = { .name = (char *) "missing" };
  g_autoptr(GByteArray) missing_payload = gvir_rpc_encode_domain_lookup_by_name_args (&missing,
                                                                                      NULL);
  g_autoptr(GByteArray) truncated = hex ("00000008 6d697373");
  g_autoptr(GByteArray) extra = hex ("00000001");

  assert_dispatch_fails (9999, NULL, 0, GVIR_ERROR_PROTOCOL, "unknown procedure: 9999",
                         GVIR_RPC_ERR_RPC);
  assert_dispatch_fails (GVIR_RPC_PROC_DOMAIN_EVENT_CALLBACK_LIFECYCLE, NULL, 0,
                         GVIR_ERROR_PROTOCOL, "is an event, not a call", GVIR_RPC_ERR_RPC);
  assert_dispatch_fails (GVIR_RPC_PROC_DOMAIN_GET_INFO, NULL, 0, GVIR_ERROR_NOT_SUPPORTED,
                         "procedure domain_get_info (16) is not supported",
                         GVIR_RPC_ERR_NO_SUPPORT);
  assert_dispatch_fails (GVIR_RPC_PROC_DOMAIN_LOOKUP_BY_NAME, truncated->data, truncated->len,
                         GVIR_ERROR_PROTOCOL, "domain_lookup_by_name_args.name",
                         GVIR_RPC_ERR_RPC);
  assert_dispatch_fails (GVIR_RPC_PROC_CONNECT_CLOSE, extra->data, extra->len,
                         GVIR_ERROR_PROTOCOL, "4 unexpected trailing bytes", GVIR_RPC_ERR_RPC);
  assert_dispatch_fails (GVIR_RPC_PROC_DOMAIN_LOOKUP_BY_NAME, missing_payload->data,
                         missing_payload->len, GVIR_ERROR_NOT_FOUND, "no domain 'missing'",
                         GVIR_RPC_ERR_NO_DOMAIN);
  assert_dispatch_fails (GVIR_RPC_PROC_CONNECT_GET_TYPE, NULL, 0, GVIR_ERROR_INVALID_ARGUMENT,
                         "string_ret.value: a string is required", GVIR_RPC_ERR_INVALID_ARG);
}

static void
test_proc_info (void)
{
  const GVirRpcProcInfo *info;

  info = gvir_rpc_proc_info_lookup (1);
  g_assert_nonnull (info);
  g_assert_cmpstr (info->name, ==, "connect_open");
  g_assert_cmpint (info->flags, ==, GVIR_RPC_PROC_NO_AUTH | GVIR_RPC_PROC_READ_ONLY);
  info = gvir_rpc_proc_info_lookup (GVIR_RPC_PROC_DOMAIN_DESTROY);
  g_assert_cmpstr (info->name, ==, "domain_destroy");
  g_assert_cmpint (info->flags, ==, 0);
  info = gvir_rpc_proc_info_lookup (318);
  g_assert_cmpstr (info->name, ==, "domain_event_callback_lifecycle");
  g_assert_cmpint (info->flags, ==, GVIR_RPC_PROC_EVENT);
  info = gvir_rpc_proc_info_lookup (GVIR_RPC_PROC_CONNECT_GET_ALL_DOMAIN_STATS);
  g_assert_cmpint (info->number, ==, 344);
  /* A server keeps this one off its I/O thread: it reads a file. */
  info = gvir_rpc_proc_info_lookup (GVIR_RPC_PROC_DOMAIN_SAVE_IMAGE_GET_XML_DESC);
  g_assert_cmpint (info->flags, ==, GVIR_RPC_PROC_READ_ONLY | GVIR_RPC_PROC_BLOCKING);
  g_assert_null (gvir_rpc_proc_info_lookup (0));
  g_assert_null (gvir_rpc_proc_info_lookup (5));
  g_assert_null (gvir_rpc_proc_info_lookup (9999));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rpc/generated/every-struct-smallest", test_every_struct_smallest);
  g_test_add_func ("/rpc/generated/every-struct-samples", test_every_struct_samples);
  g_test_add_func ("/rpc/generated/samples-differ", test_samples_differ);
  g_test_add_func ("/rpc/generated/round-trip/stats", test_round_trip_stats);
  g_test_add_func ("/rpc/generated/round-trip/optionals", test_round_trip_optionals);
  g_test_add_func ("/rpc/generated/round-trip/arrays", test_round_trip_arrays);
  g_test_add_func ("/rpc/generated/bounds/decode-array", test_bounds_decode_array);
  g_test_add_func ("/rpc/generated/bounds/string", test_bounds_string);
  g_test_add_func ("/rpc/generated/bounds/check", test_bounds_check);
  g_test_add_func ("/rpc/generated/bytes/connect-open", test_bytes_connect_open);
  g_test_add_func ("/rpc/generated/bytes/domain-calls", test_bytes_domain_calls);
  g_test_add_func ("/rpc/generated/bytes/stats-record", test_bytes_stats_record);
  g_test_add_func ("/rpc/generated/dispatch/call", test_dispatch_call);
  g_test_add_func ("/rpc/generated/dispatch/refusals", test_dispatch_refusals);
  g_test_add_func ("/rpc/generated/proc-info", test_proc_info);

  return g_test_run ();
}
