/*
 * test-rpc-protocol.c: XDR codec, packet framing and message shapes
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * The byte-exact samples are libvirt 9.0.0 traffic (virsh <-> libvirtd).
 */
#include "config.h"

#include <string.h>

#include "libvirt-gobject/libvirt-gobject-error.h"
#include "libvirt-gobject/rpc/gvir-rpc-packet-private.h"
#include "libvirt-gobject/rpc/gvir-rpc-remote-private.h"
#include "libvirt-gobject/rpc/gvir-rpc-xdr-private.h"
#include "libvirt-error-numbers.h"

#define TEST_UUID "6695eb01-f6a4-8304-79aa-97f2502e193f"

/* Hex with optional spaces and '|' separators -> bytes. */
static GByteArray *
hex (const char *text)
{
  GByteArray *out = g_byte_array_new ();

  while (*text != '\0')
    {
      guint8 b;

      if (*text == ' ' || *text == '|' || *text == '\n')
        {
          text++;
          continue;
        }
      g_assert_true (g_ascii_isxdigit (text[0]) && g_ascii_isxdigit (text[1]));
      b = (guint8) ((g_ascii_xdigit_value (text[0]) << 4) | g_ascii_xdigit_value (text[1]));
      g_byte_array_append (out, &b, 1);
      text += 2;
    }
  return out;
}

/* Hex of an XDR string: length, bytes, padding. */
static char *
hex_string (const char *s)
{
  gsize len = strlen (s), i;
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "%08x", (guint) len);
  for (i = 0; i < len; i++)
    g_string_append_printf (out, "%02x", (guint8) s[i]);
  for (; i % 4 != 0; i++)
    g_string_append (out, "00");
  return g_string_free (out, FALSE);
}

static void
assert_bytes (const guint8 *got,
              gsize         got_len,
              GByteArray   *want)
{
  g_assert_cmpmem (got, got_len, want->data, want->len);
}

/* ---- XDR primitives ------------------------------------------------------ */

static void
test_xdr_primitives (void)
{
  g_autoptr(GByteArray) buf = g_byte_array_new ();
  g_autoptr(GByteArray) want = NULL;
  GVirXdrReader r;
  guint32 u;
  gint32 i;
  guint64 uh;
  gint64 h;
  double d;
  gboolean b;

  gvir_xdr_put_u32 (buf, 0xdeadbeef);
  gvir_xdr_put_i32 (buf, -1);
  gvir_xdr_put_u64 (buf, G_GUINT64_CONSTANT (0x0102030405060708));
  gvir_xdr_put_i64 (buf, -2);
  gvir_xdr_put_double (buf, 1.5);
  gvir_xdr_put_bool (buf, TRUE);

  want = hex ("deadbeef ffffffff 0102030405060708 fffffffffffffffe 3ff8000000000000 00000001");
  assert_bytes (buf->data, buf->len, want);

  gvir_xdr_reader_init (&r, buf->data, buf->len);
  g_assert_true (gvir_xdr_get_u32 (&r, &u, NULL));
  g_assert_cmphex (u, ==, 0xdeadbeef);
  g_assert_true (gvir_xdr_get_i32 (&r, &i, NULL));
  g_assert_cmpint (i, ==, -1);
  g_assert_true (gvir_xdr_get_u64 (&r, &uh, NULL));
  g_assert_cmphex (uh, ==, G_GUINT64_CONSTANT (0x0102030405060708));
  g_assert_true (gvir_xdr_get_i64 (&r, &h, NULL));
  g_assert_cmpint (h, ==, -2);
  g_assert_true (gvir_xdr_get_double (&r, &d, NULL));
  g_assert_cmpfloat (d, ==, 1.5);
  g_assert_true (gvir_xdr_get_bool (&r, &b, NULL));
  g_assert_true (b);
  g_assert_true (gvir_xdr_reader_finish (&r, "test", NULL));
}

static void
test_xdr_strings (void)
{
  g_autoptr(GByteArray) buf = g_byte_array_new ();
  g_autoptr(GByteArray) want = NULL;
  g_autofree char *s1 = NULL;
  g_autofree char *s2 = NULL;
  g_autofree char *s3 = NULL;
  g_autofree char *absent = NULL;
  guint8 fixed[3];
  const guint8 *var;
  guint32 var_len;
  GVirXdrReader r;

  gvir_xdr_put_string (buf, "test");
  gvir_xdr_put_string (buf, "");
  gvir_xdr_put_opt_string (buf, NULL);
  gvir_xdr_put_opt_string (buf, "abcde");
  gvir_xdr_put_opaque_fixed (buf, (const guint8 *) "xyz", 3);
  gvir_xdr_put_opaque (buf, (const guint8 *) "\x01\x02", 2);

  want = hex ("00000004 74657374 | 00000000 | 00000000 | 00000001 00000005 6162636465 000000 |"
              "78797a 00 | 00000002 0102 0000");
  assert_bytes (buf->data, buf->len, want);

  gvir_xdr_reader_init (&r, buf->data, buf->len);
  g_assert_true (gvir_xdr_get_string (&r, 100, &s1, NULL));
  g_assert_cmpstr (s1, ==, "test");
  g_assert_true (gvir_xdr_get_string (&r, 100, &s2, NULL));
  g_assert_cmpstr (s2, ==, "");
  g_assert_true (gvir_xdr_get_opt_string (&r, 100, &absent, NULL));
  g_assert_null (absent);
  g_assert_true (gvir_xdr_get_opt_string (&r, 100, &s3, NULL));
  g_assert_cmpstr (s3, ==, "abcde");
  g_assert_true (gvir_xdr_get_opaque_fixed (&r, fixed, 3, NULL));
  g_assert_cmpmem (fixed, 3, "xyz", 3);
  g_assert_true (gvir_xdr_get_opaque (&r, 16, &var, &var_len, NULL));
  g_assert_cmpmem (var, var_len, "\x01\x02", 2);
  g_assert_true (gvir_xdr_reader_finish (&r, "test", NULL));
}

static void
test_xdr_limits (void)
{
  g_autoptr(GByteArray) buf = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *s = NULL;
  GVirXdrReader r;
  guint32 count;
  gboolean b;

  /* A string longer than its limit. */
  gvir_xdr_put_string (buf, "toolong");
  gvir_xdr_reader_init (&r, buf->data, buf->len);
  g_assert_false (gvir_xdr_get_string (&r, 4, &s, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_PROTOCOL);
  g_assert_null (s);
  g_clear_error (&error);

  /* The limits are exact: a string or opaque of exactly the limit is
   * accepted, one byte more is refused with a message naming both. */
  {
    const guint8 *data = NULL;
    guint32 len = 0;

    g_byte_array_set_size (buf, 0);
    gvir_xdr_put_string (buf, "exact");
    gvir_xdr_reader_init (&r, buf->data, buf->len);
    g_assert_true (gvir_xdr_get_string (&r, 5, &s, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (s, ==, "exact");
    g_clear_pointer (&s, g_free);
    gvir_xdr_reader_init (&r, buf->data, buf->len);
    g_assert_false (gvir_xdr_get_string (&r, 4, &s, &error));
    g_assert_error (error, GVIR_ERROR, GVIR_ERROR_PROTOCOL);
    g_assert_cmpstr (error->message, ==, "malformed message: length 5 exceeds the limit of 4");
    g_assert_null (s);
    g_clear_error (&error);

    g_byte_array_set_size (buf, 0);
    gvir_xdr_put_opaque (buf, (const guint8 *) "12345678", 8);
    gvir_xdr_reader_init (&r, buf->data, buf->len);
    g_assert_true (gvir_xdr_get_opaque (&r, 8, &data, &len, &error));
    g_assert_cmpuint (len, ==, 8);
    g_assert_cmpmem (data, len, "12345678", 8);
    gvir_xdr_reader_init (&r, buf->data, buf->len);
    g_assert_false (gvir_xdr_get_opaque (&r, 7, &data, &len, &error));
    g_assert_error (error, GVIR_ERROR, GVIR_ERROR_PROTOCOL);
    g_assert_cmpstr (error->message, ==, "malformed message: length 8 exceeds the limit of 7");
    g_clear_error (&error);

    /* An array count of exactly its limit is fine, one more is not. */
    g_byte_array_set_size (buf, 0);
    gvir_xdr_put_u32 (buf, 2);
    gvir_xdr_put_u32 (buf, 0);
    gvir_xdr_put_u32 (buf, 0);
    gvir_xdr_reader_init (&r, buf->data, buf->len);
    g_assert_true (gvir_xdr_get_array_count (&r, 2, 4, &count, &error));
    g_assert_cmpuint (count, ==, 2);
    gvir_xdr_reader_init (&r, buf->data, buf->len);
    g_assert_false (gvir_xdr_get_array_count (&r, 1, 4, &count, &error));
    g_assert_error (error, GVIR_ERROR, GVIR_ERROR_PROTOCOL);
    g_clear_error (&error);
  }

  /* A length beyond the bytes present (no allocation of 4 GiB). */
  g_byte_array_set_size (buf, 0);
  gvir_xdr_put_u32 (buf, 0xfffffff0);
  gvir_xdr_reader_init (&r, buf->data, buf->len);
  g_assert_false (gvir_xdr_get_string (&r, G_MAXUINT32, &s, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_PROTOCOL);
  g_clear_error (&error);

  /* An array count over its limit, and one the bytes cannot hold. */
  gvir_xdr_reader_init (&r, buf->data, buf->len);
  g_assert_false (gvir_xdr_get_array_count (&r, 16, 4, &count, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_PROTOCOL);
  g_assert_nonnull (strstr (error->message, "limit"));
  g_clear_error (&error);

  g_byte_array_set_size (buf, 0);
  gvir_xdr_put_u32 (buf, 3);
  gvir_xdr_put_u32 (buf, 0);
  gvir_xdr_reader_init (&r, buf->data, buf->len);
  g_assert_false (gvir_xdr_get_array_count (&r, 16, 4, &count, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_PROTOCOL);
  g_clear_error (&error);

  /* Embedded NUL, bad boolean, truncation, trailing bytes. */
  g_byte_array_set_size (buf, 0);
  gvir_xdr_put_opaque (buf, (const guint8 *) "a\0b", 3);
  gvir_xdr_reader_init (&r, buf->data, buf->len);
  g_assert_false (gvir_xdr_get_string (&r, 100, &s, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_PROTOCOL);
  g_clear_error (&error);

  g_byte_array_set_size (buf, 0);
  gvir_xdr_put_u32 (buf, 2);
  gvir_xdr_reader_init (&r, buf->data, buf->len);
  g_assert_false (gvir_xdr_get_bool (&r, &b, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_PROTOCOL);
  g_clear_error (&error);

  gvir_xdr_reader_init (&r, buf->data, 3);
  g_assert_false (gvir_xdr_get_u32 (&r, &count, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_PROTOCOL);
  g_assert_nonnull (strstr (error->message, "truncated"));
  g_clear_error (&error);

  gvir_xdr_reader_init (&r, buf->data, buf->len);
  g_assert_false (gvir_xdr_reader_finish (&r, "reply", &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_PROTOCOL);
}

/* ---- framing --------------------------------------------------------------- */

static void
test_packet_auth_list (void)
{
  GVirRpcHeader call = {
    .prog = GVIR_RPC_REMOTE_PROGRAM, .vers = 1, .proc = GVIR_RPC_PROC_AUTH_LIST,
    .type = GVIR_RPC_TYPE_CALL, .serial = 0, .status = GVIR_RPC_STATUS_OK,
  };
  g_autoptr(GByteArray) want = hex ("0000001c|20008086|00000001|00000042|00000000|00000000|00000000");
  g_autoptr(GByteArray) reply = hex ("00000024|20008086|00000001|00000042|00000001|00000000|00000000"
                                     "| 00000001 00000000");
  g_autoptr(GBytes) packet = gvir_rpc_packet_encode (&call, NULL, 0, NULL);
  GVirRpcHeader h;
  const guint8 *payload;
  gsize len;
  GVirXdrReader r;
  guint32 n;
  gint32 type;

  assert_bytes (g_bytes_get_data (packet, NULL), g_bytes_get_size (packet), want);

  g_assert_true (gvir_rpc_packet_decode (reply->data, reply->len, &h, &payload, &len, NULL));
  g_assert_cmpuint (h.type, ==, GVIR_RPC_TYPE_REPLY);
  g_assert_cmpint (h.proc, ==, GVIR_RPC_PROC_AUTH_LIST);
  g_assert_true (gvir_rpc_header_check_program (&h, NULL));
  gvir_xdr_reader_init (&r, payload, len);
  g_assert_true (gvir_xdr_get_array_count (&r, GVIR_RPC_AUTH_TYPE_LIST_MAX, 4, &n, NULL));
  g_assert_cmpuint (n, ==, 1);
  g_assert_true (gvir_xdr_get_i32 (&r, &type, NULL));
  g_assert_cmpint (type, ==, GVIR_RPC_AUTH_NONE);
  g_assert_true (gvir_xdr_reader_finish (&r, "reply", NULL));
}

static void
test_packet_connect_open (void)
{
  GVirRpcHeader call = {
    .prog = GVIR_RPC_REMOTE_PROGRAM, .vers = 1, .proc = GVIR_RPC_PROC_CONNECT_OPEN,
    .type = GVIR_RPC_TYPE_CALL, .serial = 2, .status = GVIR_RPC_STATUS_OK,
  };
  g_autoptr(GByteArray) args = g_byte_array_new ();
  g_autoptr(GByteArray) want = hex ("00000001 0000000f 746573743a2f2f2f64656661756c74 00 00000006");
  g_autoptr(GBytes) packet = NULL;

  gvir_xdr_put_opt_string (args, "test:///default");
  gvir_xdr_put_u32 (args, 6);
  assert_bytes (args->data, args->len, want);

  packet = gvir_rpc_packet_encode (&call, args->data, args->len, NULL);
  g_assert_cmpuint (g_bytes_get_size (packet), ==, 56);
}

static void
test_packet_keepalive (void)
{
  g_autoptr(GByteArray) ping = hex ("0000001c 6b656570 00000001 00000001 00000002 00000000 00000000");
  GVirRpcHeader h;
  const guint8 *payload;
  gsize len;

  g_assert_true (gvir_rpc_packet_decode (ping->data, ping->len, &h, &payload, &len, NULL));
  g_assert_cmphex (h.prog, ==, GVIR_RPC_KEEPALIVE_PROGRAM);
  g_assert_cmpint (h.proc, ==, GVIR_RPC_KEEPALIVE_PROC_PING);
  g_assert_cmpuint (h.type, ==, GVIR_RPC_TYPE_MESSAGE);
  g_assert_cmpuint (len, ==, 0);
  g_assert_true (gvir_rpc_header_check_program (&h, NULL));
}

static void
test_packet_length_checks (void)
{
  g_autoptr(GError) error = NULL;
  guint8 word[4];
  guint32 body;

  /* Shorter than a header. */
  memcpy (word, "\x00\x00\x00\x1b", 4);
  g_assert_false (gvir_rpc_packet_check_length (word, &body, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_PROTOCOL);
  g_clear_error (&error);

  /* Exactly the limit passes, one more byte does not. */
  memcpy (word, "\x02\x00\x00\x04", 4);
  g_assert_true (gvir_rpc_packet_check_length (word, &body, NULL));
  g_assert_cmpuint (body, ==, GVIR_RPC_MESSAGE_MAX);
  memcpy (word, "\x02\x00\x00\x05", 4);
  g_assert_false (gvir_rpc_packet_check_length (word, &body, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_PROTOCOL);
  g_assert_nonnull (strstr (error->message, "oversized"));
  g_clear_error (&error);

  memcpy (word, "\xff\xff\xff\xff", 4);
  g_assert_false (gvir_rpc_packet_check_length (word, &body, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_PROTOCOL);
}

static void
test_packet_truncated (void)
{
  g_autoptr(GByteArray) pkt = hex ("00000024|20008086|00000001|00000042|00000001|00000000|00000000"
                                   "| 00000001 00000000");
  GVirRpcHeader h;
  const guint8 *payload;
  gsize len, cut;

  /* Every strict prefix is refused, and so is trailing garbage. */
  for (cut = 0; cut < pkt->len; cut++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (gvir_rpc_packet_decode (pkt->data, cut, &h, &payload, &len, &error));
      g_assert_error (error, GVIR_ERROR, GVIR_ERROR_PROTOCOL);
    }
  g_byte_array_append (pkt, (const guint8 *) "\0\0\0\0", 4);
  g_assert_false (gvir_rpc_packet_decode (pkt->data, pkt->len, &h, &payload, &len, NULL));
}

static void
test_packet_oversized_encode (void)
{
  GVirRpcHeader call = { .prog = GVIR_RPC_REMOTE_PROGRAM, .vers = 1, .proc = 1 };
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *big = g_malloc0 (GVIR_RPC_PAYLOAD_MAX + 1);
  g_autoptr(GBytes) packet = NULL;

  packet = gvir_rpc_packet_encode (&call, big, GVIR_RPC_PAYLOAD_MAX + 1, &error);
  g_assert_null (packet);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
}

static void
test_packet_bad_header (void)
{
  struct { const char *hex; const char *what; } cases[] = {
    { "0000001c 20008086 00000001 00000001 00000007 00000000 00000000", "unknown message type" },
    { "0000001c 20008086 00000001 00000001 00000001 00000000 00000003", "unknown status" },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GByteArray) pkt = hex (cases[i].hex);
      g_autoptr(GError) error = NULL;
      GVirRpcHeader h;
      const guint8 *payload;
      gsize len;

      g_assert_false (gvir_rpc_packet_decode (pkt->data, pkt->len, &h, &payload, &len, &error));
      g_assert_error (error, GVIR_ERROR, GVIR_ERROR_PROTOCOL);
      g_assert_nonnull (strstr (error->message, cases[i].what));
    }
}

static void
test_packet_wrong_program (void)
{
  struct { const char *hex; const char *what; } cases[] = {
    { "0000001c 20008087 00000001 00000001 00000001 00000000 00000000", "unknown program" },
    { "0000001c 20008086 00000002 00000001 00000001 00000000 00000000", "unsupported version" },
    { "0000001c 6b656570 00000003 00000001 00000002 00000000 00000000", "unsupported version" },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GByteArray) pkt = hex (cases[i].hex);
      g_autoptr(GError) error = NULL;
      GVirRpcHeader h;
      const guint8 *payload;
      gsize len;

      g_assert_true (gvir_rpc_packet_decode (pkt->data, pkt->len, &h, &payload, &len, NULL));
      g_assert_false (gvir_rpc_header_check_program (&h, &error));
      g_assert_error (error, GVIR_ERROR, GVIR_ERROR_PROTOCOL);
      g_assert_nonnull (strstr (error->message, cases[i].what));
    }
}

/* ---- message shapes --------------------------------------------------------- */

static void
test_uuid (void)
{
  guint8 raw[16];
  g_autofree char *text = NULL;

  g_assert_true (gvir_rpc_uuid_parse (TEST_UUID, raw));
  text = gvir_rpc_uuid_format (raw);
  g_assert_cmpstr (text, ==, TEST_UUID);
  g_assert_true (gvir_rpc_uuid_parse ("6695EB01F6A4830479AA97F2502E193F", raw));
  g_assert_false (gvir_rpc_uuid_parse ("6695eb01", raw));
  g_assert_false (gvir_rpc_uuid_parse (TEST_UUID "00", raw));
  g_assert_false (gvir_rpc_uuid_parse ("zz95eb01-f6a4-8304-79aa-97f2502e193f", raw));
}

static void
test_domain_list (void)
{
  g_autoptr(GByteArray) want = hex ("00000001 00000004 74657374 6695eb01f6a4830479aa97f2502e193f"
                                    " 00000001 00000001");
  g_autoptr(GByteArray) buf = g_byte_array_new ();
  g_auto(GVirRpcConnectListAllDomainsRet) back = { 0 };
  g_autofree char *uuid = NULL;
  GVirRpcDomain dom = { .name = (char *) "test", .id = 1 };
  GVirRpcConnectListAllDomainsRet list = { .n_domains = 1, .domains = &dom, .ret = 1 };

  g_assert_true (gvir_rpc_uuid_parse (TEST_UUID, dom.uuid));
  gvir_rpc_put_connect_list_all_domains_ret (buf, &list);
  assert_bytes (buf->data, buf->len, want);

  g_assert_true (gvir_rpc_decode_connect_list_all_domains_ret (want->data, want->len, &back,
                                                               NULL));
  g_assert_cmpuint (back.n_domains, ==, 1);
  g_assert_cmpuint (back.ret, ==, 1);
  g_assert_cmpstr (back.domains[0].name, ==, "test");
  g_assert_cmpint (back.domains[0].id, ==, 1);
  uuid = gvir_rpc_uuid_format (back.domains[0].uuid);
  g_assert_cmpstr (uuid, ==, TEST_UUID);
}

static void
test_domain_list_hostile (void)
{
  /* A count of 16384 domains in 8 bytes: refused before allocation. */
  g_autoptr(GByteArray) pkt = hex ("00004000 00000000");
  g_autoptr(GByteArray) over = hex ("00004001 00000000");
  g_autoptr(GError) error = NULL;
  GVirRpcConnectListAllDomainsRet doms;

  g_assert_false (gvir_rpc_decode_connect_list_all_domains_ret (pkt->data, pkt->len, &doms,
                                                                &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_PROTOCOL);
  g_assert_nonnull (strstr (error->message, "connect_list_all_domains_ret.domains"));
  g_assert_null (doms.domains);
  g_assert_cmpuint (doms.n_domains, ==, 0);
  g_clear_error (&error);

  g_assert_false (gvir_rpc_decode_connect_list_all_domains_ret (over->data, over->len, &doms,
                                                                &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_PROTOCOL);
  g_assert_nonnull (strstr (error->message, "limit of 16384"));
}

static void
test_get_state (void)
{
  g_autoptr(GByteArray) reply = hex ("00000001 00000000");
  GVirRpcDomainGetStateRet ret;

  g_assert_true (gvir_rpc_decode_domain_get_state_ret (reply->data, reply->len, &ret, NULL));
  g_assert_cmpint (ret.state, ==, 1);
  g_assert_cmpint (ret.reason, ==, 0);
}

static void
test_lifecycle_event (void)
{
  g_autofree char *name = hex_string ("test");
  g_autofree char *text = g_strdup_printf (
    "00000044 20008086 00000001 0000013e 00000002 00000001 00000000"
    "| 00000000 %s 6695eb01f6a4830479aa97f2502e193f 00000001 00000003 00000000", name);
  g_autoptr(GByteArray) pkt = hex (text);
  g_autoptr(GByteArray) legacy = g_byte_array_new ();
  g_autoptr(GByteArray) again = g_byte_array_new ();
  g_auto(GVirRpcDomainEventCallbackLifecycleMsg) ev = { 0 };
  g_auto(GVirRpcDomainEventLifecycleMsg) ev2 = { 0 };
  GVirRpcHeader h;
  const guint8 *payload;
  gsize len;

  g_assert_cmpuint (pkt->len, ==, 68);
  g_assert_true (gvir_rpc_packet_decode (pkt->data, pkt->len, &h, &payload, &len, NULL));
  g_assert_cmpint (h.proc, ==, GVIR_RPC_PROC_DOMAIN_EVENT_CALLBACK_LIFECYCLE);
  g_assert_cmpuint (h.type, ==, GVIR_RPC_TYPE_MESSAGE);
  g_assert_cmpuint (h.serial, ==, 1);

  g_assert_true (gvir_rpc_decode_domain_event_callback_lifecycle_msg (payload, len, &ev, NULL));
  g_assert_cmpint (ev.callback_id, ==, 0);
  g_assert_cmpstr (ev.msg.dom.name, ==, "test");
  g_assert_cmpint (ev.msg.dom.id, ==, 1);
  g_assert_cmpint (ev.msg.event, ==, 3);
  g_assert_cmpint (ev.msg.detail, ==, 0);

  /* Re-encoding gives the same bytes; the legacy form drops callbackID. */
  gvir_rpc_put_domain_event_callback_lifecycle_msg (again, &ev);
  g_assert_cmpmem (again->data, again->len, payload, len);
  gvir_rpc_put_domain_event_lifecycle_msg (legacy, &ev.msg);
  g_assert_cmpmem (legacy->data, legacy->len, payload + 4, len - 4);
  g_assert_true (gvir_rpc_decode_domain_event_lifecycle_msg (legacy->data, legacy->len, &ev2,
                                                             NULL));
  g_assert_cmpstr (ev2.dom.name, ==, "test");
  g_assert_cmpint (ev2.event, ==, 3);
}

static void
test_node_info (void)
{
  g_autoptr(GByteArray) want = NULL;
  g_autoptr(GByteArray) buf = g_byte_array_new ();
  GString *text = g_string_new ("00000069 00000036 00000038 00000036");
  g_autofree char *text_str = NULL;
  GVirRpcNodeInfo info = { .memory_kib = 3145728, .cpus = 16, .mhz = 1400, .nodes = 2,
                           .sockets = 2, .cores = 2, .threads = 2 };
  GVirRpcNodeInfo back;
  GVirXdrReader r;
  guint i;

  for (i = 0; i < 28; i++)
    g_string_append (text, " 00000000");
  g_string_append (text, " 00000000 00300000 00000010 00000578 00000002 00000002 00000002 00000002");
  text_str = g_string_free (text, FALSE);
  want = hex (text_str);
  g_assert_cmpuint (want->len + 28, ==, 188);

  strcpy (info.model, "i686");
  gvir_rpc_put_node_info (buf, &info);
  assert_bytes (buf->data, buf->len, want);

  gvir_xdr_reader_init (&r, want->data, want->len);
  g_assert_true (gvir_rpc_get_node_info (&r, &back, NULL));
  g_assert_true (gvir_xdr_reader_finish (&r, "reply", NULL));
  g_assert_cmpstr (back.model, ==, "i686");
  g_assert_cmpuint (back.memory_kib, ==, 3145728);
  g_assert_cmpint (back.cpus, ==, 16);
  g_assert_cmpint (back.mhz, ==, 1400);
  g_assert_cmpint (back.nodes, ==, 2);
  g_assert_cmpint (back.threads, ==, 2);
}

static void
test_domain_info (void)
{
  g_autoptr(GByteArray) want = hex ("00000001 0000000000200000 0000000000200000 00000004"
                                    " 000000000000abcd");
  g_autoptr(GByteArray) buf = g_byte_array_new ();
  GVirRpcDomainInfo info = { .state = 1, .max_mem_kib = 0x200000, .memory_kib = 0x200000,
                             .nr_virt_cpu = 4, .cpu_time_ns = 0xabcd };
  GVirRpcDomainInfo back;
  GVirXdrReader r;

  g_assert_cmpuint (want->len, ==, 32);
  gvir_rpc_put_domain_info (buf, &info);
  assert_bytes (buf->data, buf->len, want);
  gvir_xdr_reader_init (&r, want->data, want->len);
  g_assert_true (gvir_rpc_get_domain_info (&r, &back, NULL));
  g_assert_cmpuint (back.state, ==, 1);
  g_assert_cmpuint (back.memory_kib, ==, 0x200000);
  g_assert_cmpuint (back.nr_virt_cpu, ==, 4);
  g_assert_cmpuint (back.cpu_time_ns, ==, 0xabcd);
}

static void
test_numa_parameters (void)
{
  g_autofree char *mode = hex_string ("numa_mode");
  g_autofree char *nodeset = hex_string ("numa_nodeset");
  g_autofree char *text = g_strdup_printf ("00000002 %s 00000001 00000000 %s 00000007 00000000"
                                           " 00000002", mode, nodeset);
  g_autoptr(GByteArray) reply = hex (text);
  g_autoptr(GByteArray) again = g_byte_array_new ();
  g_auto(GVirRpcDomainGetNumaParametersRet) ret = { 0 };
  const GVirRpcTypedParam *p;

  g_assert_nonnull (strstr (mode, "000000")); /* "numa_mode" is padded by 3 */
  g_assert_true (gvir_rpc_decode_domain_get_numa_parameters_ret (reply->data, reply->len, &ret,
                                                                 NULL));
  g_assert_cmpint (ret.nparams, ==, 2);
  g_assert_cmpuint (ret.n_params, ==, 2);
  p = &ret.params[0];
  g_assert_cmpstr (p->field, ==, "numa_mode");
  g_assert_cmpint (p->type, ==, GVIR_RPC_PARAM_INT);
  g_assert_cmpint (p->value.i, ==, 0);
  p = &ret.params[1];
  g_assert_cmpstr (p->field, ==, "numa_nodeset");
  g_assert_cmpint (p->type, ==, GVIR_RPC_PARAM_STRING);
  g_assert_cmpstr (p->value.s, ==, "");

  gvir_rpc_put_domain_get_numa_parameters_ret (again, &ret);
  assert_bytes (again->data, again->len, reply);
}

static void
test_set_numa_parameters (void)
{
  g_autofree char *name = hex_string ("test");
  g_autofree char *field = hex_string ("numa_nodeset");
  g_autofree char *value = hex_string ("0-1,^1");
  g_autofree char *text = g_strdup_printf ("%s 6695eb01f6a4830479aa97f2502e193f 00000001"
                                           " 00000001 %s 00000007 %s 00000002",
                                           name, field, value);
  g_autoptr(GByteArray) want = hex (text);
  g_autoptr(GByteArray) args = g_byte_array_new ();
  GVirRpcTypedParam p = { .field = (char *) "numa_nodeset", .type = GVIR_RPC_PARAM_STRING,
                          .value.s = (char *) "0-1,^1" };
  GVirRpcDomainSetNumaParametersArgs set = {
    .dom = { .name = (char *) "test", .id = 1 }, .n_params = 1, .params = &p, .flags = 2,
  };

  g_assert_true (gvir_rpc_uuid_parse (TEST_UUID, set.dom.uuid));
  gvir_rpc_put_domain_set_numa_parameters_args (args, &set);
  assert_bytes (args->data, args->len, want);
}

static void
test_typed_params_all_types (void)
{
  g_autoptr(GByteArray) buf = g_byte_array_new ();
  g_auto(GVirRpcDomainGetNumaParametersRet) back = { 0 };
  g_autoptr(GError) error = NULL;
  GVirRpcTypedParam params[7] = {
    { .field = (char *) "i", .type = GVIR_RPC_PARAM_INT, .value.i = -5 },
    { .field = (char *) "ui", .type = GVIR_RPC_PARAM_UINT, .value.ui = 5 },
    { .field = (char *) "l", .type = GVIR_RPC_PARAM_LLONG, .value.l = -G_GINT64_CONSTANT (1099511627776) },
    { .field = (char *) "ul", .type = GVIR_RPC_PARAM_ULLONG, .value.ul = G_GUINT64_CONSTANT (1) << 40 },
    { .field = (char *) "d", .type = GVIR_RPC_PARAM_DOUBLE, .value.d = 0.25 },
    { .field = (char *) "b", .type = GVIR_RPC_PARAM_BOOLEAN, .value.b = 1 },
    { .field = (char *) "s", .type = GVIR_RPC_PARAM_STRING, .value.s = (char *) "hello" },
  };
  GVirRpcDomainGetNumaParametersRet ret = { .n_params = 7, .params = params, .nparams = 7 };

  gvir_rpc_put_domain_get_numa_parameters_ret (buf, &ret);
  g_assert_true (gvir_rpc_decode_domain_get_numa_parameters_ret (buf->data, buf->len, &back,
                                                                 NULL));
  g_assert_cmpuint (back.n_params, ==, 7);
  g_assert_cmpint (back.params[0].value.i, ==, -5);
  g_assert_cmpuint (back.params[1].value.ui, ==, 5);
  g_assert_cmpint (back.params[2].value.l, ==, -G_GINT64_CONSTANT (1099511627776));
  g_assert_cmpuint (back.params[3].value.ul, ==, G_GUINT64_CONSTANT (1) << 40);
  g_assert_cmpfloat (back.params[4].value.d, ==, 0.25);
  g_assert_cmpint (back.params[5].value.b, ==, 1);
  g_assert_cmpstr (back.params[6].value.s, ==, "hello");

  /* An unknown value type is refused with its field named. */
  g_byte_array_set_size (buf, 0);
  gvir_xdr_put_u32 (buf, 1);
  gvir_xdr_put_string (buf, "weird");
  gvir_xdr_put_i32 (buf, 99);
  gvir_xdr_put_i32 (buf, 0);
  gvir_xdr_put_i32 (buf, 1);
  gvir_rpc_domain_get_numa_parameters_ret_clear (&back);
  g_assert_false (gvir_rpc_decode_domain_get_numa_parameters_ret (buf->data, buf->len, &back,
                                                                  &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_PROTOCOL);
  g_assert_nonnull (strstr (error->message, "params[0]"));
  g_assert_nonnull (strstr (error->message, "unknown type 99"));
}

static void
test_error_reply (void)
{
  g_autofree char *msg = hex_string ("Domain not found");
  g_autofree char *text = g_strdup_printf (
    "00000070 20008086 00000001 00000017 00000001 00000005 00000001"
    "| 0000002a 0000000c 00000001 %s 00000002 00000000 00000001 %s 00000000 00000000"
    " ffffffff ffffffff 00000000", msg, msg);
  g_autoptr(GByteArray) pkt = hex (text);
  g_autoptr(GByteArray) again = g_byte_array_new ();
  g_autoptr(GError) gerror = NULL;
  GVirRpcHeader h;
  const guint8 *payload;
  gsize len;
  GVirXdrReader r;
  GVirRpcError err;

  g_assert_cmpuint (pkt->len, ==, 112);
  g_assert_true (gvir_rpc_packet_decode (pkt->data, pkt->len, &h, &payload, &len, NULL));
  g_assert_cmpuint (h.status, ==, GVIR_RPC_STATUS_ERROR);
  gvir_xdr_reader_init (&r, payload, len);
  g_assert_true (gvir_rpc_get_error (&r, &err, NULL));
  g_assert_true (gvir_xdr_reader_finish (&r, "error", NULL));
  g_assert_cmpint (err.code, ==, GVIR_RPC_ERR_NO_DOMAIN);
  g_assert_cmpint (err.domain, ==, 12);
  g_assert_cmpstr (err.message, ==, "Domain not found");
  g_assert_cmpstr (err.str1, ==, "Domain not found");
  g_assert_null (err.str2);
  g_assert_cmpint (err.int1, ==, -1);

  gvir_rpc_put_error (again, &err);
  g_assert_cmpmem (again->data, again->len, payload, len);

  gerror = gvir_rpc_error_to_gerror (&err);
  g_assert_error (gerror, GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
  g_assert_cmpstr (gerror->message, ==, "Domain not found");
  gvir_rpc_error_clear (&err);
}

static void
test_error_mapping (void)
{
  guint i;

  for (i = 0; i < G_N_ELEMENTS (libvirt_error_cases); i++)
    {
      GVirRpcError err = { .code = libvirt_error_cases[i].code, .domain = 10,
                           .message = (char *) "server says no" };
      GVirRpcError bare = { .code = libvirt_error_cases[i].code, .domain = 10 };
      GVirRpcError empty = { .code = libvirt_error_cases[i].code, .domain = 10, .message = (char *) "" };
      g_autoptr(GError) error = gvir_rpc_error_to_gerror (&err);
      g_autoptr(GError) bare_error = gvir_rpc_error_to_gerror (&bare);
      g_autoptr(GError) empty_error = gvir_rpc_error_to_gerror (&empty);
      g_autofree char *expected = g_strdup_printf ("the server reported error %d (domain 10) "
                                                   "without a message", libvirt_error_cases[i].code);

      g_test_message ("virErrorNumber %d -> GVirError %d", libvirt_error_cases[i].code, error->code);
      g_assert_error (error, GVIR_ERROR, (gint) libvirt_error_cases[i].expected);
      g_assert_cmpstr (error->message, ==, "server says no");
      /* Without a message, ours names the number. */
      g_assert_error (bare_error, GVIR_ERROR, (gint) libvirt_error_cases[i].expected);
      g_assert_cmpstr (bare_error->message, ==, expected);
      g_assert_error (empty_error, GVIR_ERROR, (gint) libvirt_error_cases[i].expected);
      g_assert_cmpstr (empty_error->message, ==, expected);
    }
}

static void
test_error_with_dom_and_net (void)
{
  g_autoptr(GByteArray) buf = g_byte_array_new ();
  GVirRpcDomain dom = { .name = (char *) "x", .id = 3 };
  GVirRpcError err;
  GVirXdrReader r;

  /* A server may fill the unused dom and net members: they are decoded
   * (and freed by the clear function). */
  gvir_xdr_put_i32 (buf, 42);
  gvir_xdr_put_i32 (buf, 10);
  gvir_xdr_put_opt_string (buf, "gone");
  gvir_xdr_put_i32 (buf, 2);
  gvir_xdr_put_bool (buf, TRUE);
  gvir_rpc_put_domain (buf, &dom);
  gvir_xdr_put_opt_string (buf, NULL);
  gvir_xdr_put_opt_string (buf, NULL);
  gvir_xdr_put_opt_string (buf, NULL);
  gvir_xdr_put_i32 (buf, 0);
  gvir_xdr_put_i32 (buf, 0);
  gvir_xdr_put_bool (buf, TRUE);
  gvir_xdr_put_string (buf, "default");
  gvir_xdr_put_opaque_fixed (buf, dom.uuid, 16);

  gvir_xdr_reader_init (&r, buf->data, buf->len);
  g_assert_true (gvir_rpc_get_error (&r, &err, NULL));
  g_assert_true (gvir_xdr_reader_finish (&r, "error", NULL));
  g_assert_cmpstr (err.message, ==, "gone");
  g_assert_nonnull (err.dom);
  g_assert_cmpstr (err.dom->name, ==, "x");
  g_assert_cmpint (err.dom->id, ==, 3);
  g_assert_nonnull (err.net);
  g_assert_cmpstr (err.net->name, ==, "default");
  gvir_rpc_error_clear (&err);
  g_assert_null (err.dom);
  g_assert_null (err.net);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rpc/xdr/primitives", test_xdr_primitives);
  g_test_add_func ("/rpc/xdr/strings", test_xdr_strings);
  g_test_add_func ("/rpc/xdr/limits", test_xdr_limits);
  g_test_add_func ("/rpc/packet/auth-list", test_packet_auth_list);
  g_test_add_func ("/rpc/packet/connect-open", test_packet_connect_open);
  g_test_add_func ("/rpc/packet/keepalive", test_packet_keepalive);
  g_test_add_func ("/rpc/packet/length-checks", test_packet_length_checks);
  g_test_add_func ("/rpc/packet/truncated", test_packet_truncated);
  g_test_add_func ("/rpc/packet/oversized-encode", test_packet_oversized_encode);
  g_test_add_func ("/rpc/packet/bad-header", test_packet_bad_header);
  g_test_add_func ("/rpc/packet/wrong-program", test_packet_wrong_program);
  g_test_add_func ("/rpc/message/uuid", test_uuid);
  g_test_add_func ("/rpc/message/domain-list", test_domain_list);
  g_test_add_func ("/rpc/message/domain-list-hostile", test_domain_list_hostile);
  g_test_add_func ("/rpc/message/get-state", test_get_state);
  g_test_add_func ("/rpc/message/lifecycle-event", test_lifecycle_event);
  g_test_add_func ("/rpc/message/node-info", test_node_info);
  g_test_add_func ("/rpc/message/domain-info", test_domain_info);
  g_test_add_func ("/rpc/message/numa-parameters", test_numa_parameters);
  g_test_add_func ("/rpc/message/set-numa-parameters", test_set_numa_parameters);
  g_test_add_func ("/rpc/message/typed-params", test_typed_params_all_types);
  g_test_add_func ("/rpc/message/error-reply", test_error_reply);
  g_test_add_func ("/rpc/message/error-mapping", test_error_mapping);
  g_test_add_func ("/rpc/message/error-dom-net", test_error_with_dom_and_net);

  return g_test_run ();
}
