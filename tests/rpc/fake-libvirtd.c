/*
 * fake-libvirtd.c: a scripted libvirtd peer on a UNIX socket, for tests
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <gio/gunixsocketaddress.h>
#include <glib/gstdio.h>

#include "fake-libvirtd.h"
#include "gvir-test-wait.h"
#include "libvirt-gobject/rpc/gvir-rpc-packet-private.h"
#include "libvirt-gobject/rpc/gvir-rpc-remote-private.h"
#include "libvirt-gobject/rpc/gvir-rpc-transport-private.h"

typedef struct
{
  char *name;
  guint8 uuid[GVIR_RPC_UUID_LEN];
  int id;
  gboolean persistent;
  int state;
  int reason;
  gboolean managed_save;
  int numa_mode;
  char *numa_nodeset;
} FakeDomain;

typedef struct
{
  int code;
  char *message;
} FakeFailure;

/* A network filter: its wire reference and what NWFILTER_GET_XML_DESC
 * answers for it. */
typedef struct
{
  GVirRpcNwfilter ref;
  char *xml;
} FakeNwfilter;

typedef struct
{
  int proc;
  GBytes *args;
} FakeCall;

/* A secret: its listed identity and the XML its GET_XML_DESC answers. */
typedef struct
{
  GVirRpcSecret id;
  char *xml;
} FakeSecret;

struct _FakeLibvirtd
{
  char *dir;
  char *socket_path;
  GSocket *listener;
  GCancellable *stop;
  GVirTestThread *thread;

  GMutex lock;                  /* guards everything below */
  GVirRpcTransport *client;     /* the connected client, NULL between clients */
  GMutex write_lock;            /* one packet at a time on the client stream */
  GPtrArray *domains;           /* FakeDomain */
  GPtrArray *secrets;           /* FakeSecret */
  GPtrArray *nwfilters;         /* FakeNwfilter */
  GHashTable *features;         /* feature -> supported + 1 */
  GHashTable *failures;         /* proc -> FakeFailure */
  GHashTable *silent;           /* procs recorded but never answered */
  GPtrArray *calls;             /* FakeCall */
  int auth_type;
  int callback_id;
  gboolean callback_registered;
  gboolean legacy_registered;
  char *open_name;
  guint32 open_flags;
  char *saved_image_xml;
  char *hostname;             /* NULL: "fake-host.example" */
  GBytes *screenshot;           /* what DOMAIN_SCREENSHOT streams */
  gsize screenshot_chunk;
  FakeStreamEnd screenshot_end;
  guint stream_packets[GVIR_RPC_STATUS_LAST + 1];   /* the client's, by status */
  GByteArray *uploaded;         /* the data of the last STORAGE_VOL_UPLOAD */
  gsize upload_fail_after;      /* G_MAXSIZE: never */
  gboolean upload_failed;       /* the STREAM ERROR went out */
};

static void
fake_domain_free (FakeDomain *d)
{
  g_free (d->name);
  g_free (d->numa_nodeset);
  g_free (d);
}

static void
fake_nwfilter_free (FakeNwfilter *f)
{
  gvir_rpc_nwfilter_clear (&f->ref);
  g_free (f->xml);
  g_free (f);
}

static void
fake_failure_free (FakeFailure *f)
{
  g_free (f->message);
  g_free (f);
}

static void
fake_secret_free (FakeSecret *secret)
{
  gvir_rpc_secret_clear (&secret->id);
  g_free (secret->xml);
  g_free (secret);
}

static void
fake_call_free (FakeCall *c)
{
  g_bytes_unref (c->args);
  g_free (c);
}

/* ---- sending ---------------------------------------------------------------- */

static void
write_packet (GVirRpcTransport *t,
              guint32           prog,
              gint32            proc,
              GVirRpcType       type,
              guint32           serial,
              GVirRpcStatus     status,
              GByteArray       *payload)
{
  GVirRpcHeader h = { .prog = prog, .vers = 1, .proc = proc, .type = type,
                      .serial = serial, .status = status };
  g_autoptr(GBytes) pkt = gvir_rpc_packet_encode (&h, payload ? payload->data : NULL,
                                                  payload ? payload->len : 0, NULL);

  g_assert_nonnull (pkt);
  /* A client that went away makes this fail; the reader sees it too. */
  gvir_rpc_transport_write_all (t, g_bytes_get_data (pkt, NULL), g_bytes_get_size (pkt), NULL);
}

static void
send_packet (FakeLibvirtd     *fake,
             GVirRpcTransport *t,
             guint32           prog,
             gint32            proc,
             GVirRpcType       type,
             guint32           serial,
             GVirRpcStatus     status,
             GByteArray       *payload)
{
  g_mutex_lock (&fake->write_lock);
  write_packet (t, prog, proc, type, serial, status, payload);
  g_mutex_unlock (&fake->write_lock);
}

static void
reply_error (FakeLibvirtd        *fake,
             GVirRpcTransport    *t,
             const GVirRpcHeader *call,
             int                  code,
             const char          *message)
{
  g_autoptr(GByteArray) payload = g_byte_array_new ();
  GVirRpcError err = { .code = code, .domain = 12, .message = (char *) message,
                       .level = GVIR_RPC_ERR_LEVEL_ERROR, .int1 = -1, .int2 = -1 };

  gvir_rpc_put_error (payload, &err);
  send_packet (fake, t, call->prog, call->proc, GVIR_RPC_TYPE_REPLY, call->serial,
               GVIR_RPC_STATUS_ERROR, payload);
}

/* ---- the domain table --------------------------------------------------------- */

static FakeDomain *
find_by_uuid_locked (FakeLibvirtd *fake,
                     const guint8  uuid[GVIR_RPC_UUID_LEN])
{
  guint i;

  for (i = 0; i < fake->domains->len; i++)
    {
      FakeDomain *d = fake->domains->pdata[i];

      if (memcmp (d->uuid, uuid, GVIR_RPC_UUID_LEN) == 0)
        return d;
    }
  return NULL;
}

static void
put_fake_domain (GByteArray       *buf,
                 const FakeDomain *d)
{
  GVirRpcDomain dom = { .name = d->name, .id = d->id };

  memcpy (dom.uuid, d->uuid, GVIR_RPC_UUID_LEN);
  gvir_rpc_put_domain (buf, &dom);
}

static char *
xml_element (const char *xml,
             const char *element)
{
  g_autofree char *open = g_strdup_printf ("<%s>", element);
  g_autofree char *close = g_strdup_printf ("</%s>", element);
  const char *start = strstr (xml, open);
  const char *end;

  if (start == NULL)
    return NULL;
  start += strlen (open);
  end = strstr (start, close);
  return end != NULL ? g_strndup (start, end - start) : NULL;
}

/* A domain from an XML description (name and uuid elements). */
static FakeDomain *
domain_from_xml_locked (FakeLibvirtd *fake,
                        const char   *xml,
                        int           id)
{
  g_autofree char *name = xml_element (xml, "name");
  g_autofree char *uuid = xml_element (xml, "uuid");
  guint8 raw[GVIR_RPC_UUID_LEN];
  FakeDomain *d;

  if (name == NULL || uuid == NULL || !gvir_rpc_uuid_parse (g_strstrip (uuid), raw))
    return NULL;
  d = find_by_uuid_locked (fake, raw);
  if (d == NULL)
    {
      d = g_new0 (FakeDomain, 1);
      d->name = g_steal_pointer (&name);
      memcpy (d->uuid, raw, GVIR_RPC_UUID_LEN);
      d->numa_nodeset = g_strdup ("");
      g_ptr_array_add (fake->domains, d);
    }
  d->id = id;
  d->state = id >= 0 ? 1 : 5;
  d->reason = 1;
  return d;
}

/* ---- serving one call ------------------------------------------------------------ */

typedef struct
{
  FakeLibvirtd *fake;
  GVirRpcTransport *t;
  const GVirRpcHeader *call;
  GVirXdrReader args;
  GByteArray *ret;     /* the reply payload */
  gboolean failed;     /* reply with this error instead */
  gboolean rest_unread;  /* arguments the test checks itself */
  int error_code;
  const char *error_message;
} Serve;

static FakeDomain *
arg_domain_locked (Serve *s)
{
  GVirRpcDomain dom;
  FakeDomain *d;

  g_assert_true (gvir_rpc_get_domain (&s->args, &dom, NULL));
  d = find_by_uuid_locked (s->fake, dom.uuid);
  gvir_rpc_domain_clear (&dom);
  if (d == NULL)
    {
      s->error_code = GVIR_RPC_ERR_NO_DOMAIN;
      s->error_message = "Domain not found: no domain with matching uuid";
    }
  return d;
}

static guint32
arg_u32 (Serve *s)
{
  guint32 v = 0;

  g_assert_true (gvir_xdr_get_u32 (&s->args, &v, NULL));
  return v;
}

static gint32
arg_i32 (Serve *s)
{
  gint32 v = 0;

  g_assert_true (gvir_xdr_get_i32 (&s->args, &v, NULL));
  return v;
}

static char *
arg_string (Serve *s)
{
  char *v = NULL;

  g_assert_true (gvir_xdr_get_string (&s->args, GVIR_RPC_STRING_MAX, &v, NULL));
  return v;
}

static char *
arg_opt_string (Serve *s)
{
  char *v = NULL;

  g_assert_true (gvir_xdr_get_opt_string (&s->args, GVIR_RPC_STRING_MAX, &v, NULL));
  return v;
}

/* ---- secrets -------------------------------------------------------------------- */

static FakeSecret *
find_secret_locked (FakeLibvirtd *fake,
                    const guint8  uuid[GVIR_RPC_UUID_LEN])
{
  guint i;

  for (i = 0; i < fake->secrets->len; i++)
    {
      FakeSecret *secret = fake->secrets->pdata[i];

      if (memcmp (secret->id.uuid, uuid, GVIR_RPC_UUID_LEN) == 0)
        return secret;
    }
  return NULL;
}

static void
serve_list_all_secrets_locked (Serve *s)
{
  guint i;

  arg_i32 (s);   /* need_results */
  arg_u32 (s);   /* flags */
  gvir_xdr_put_u32 (s->ret, s->fake->secrets->len);
  for (i = 0; i < s->fake->secrets->len; i++)
    gvir_rpc_put_secret (s->ret, &((FakeSecret *) s->fake->secrets->pdata[i])->id);
  gvir_xdr_put_u32 (s->ret, s->fake->secrets->len);
}

/* Like libvirtd, the secret is found by its UUID alone. */
static void
serve_secret_get_xml_desc_locked (Serve *s)
{
  GVirRpcSecret id;
  FakeSecret *secret;

  g_assert_true (gvir_rpc_get_secret (&s->args, &id, NULL));
  arg_u32 (s);   /* flags */
  secret = find_secret_locked (s->fake, id.uuid);
  gvir_rpc_secret_clear (&id);
  if (secret == NULL)
    {
      s->error_code = GVIR_RPC_ERR_NO_SECRET;
      s->error_message = "Secret not found: no secret with matching uuid";
      return;
    }
  gvir_xdr_put_string (s->ret, secret->xml);
}

/* The filters the remote driver uses. */
static gboolean
list_filter_matches (const FakeDomain *d,
                     guint32           flags)
{
  if ((flags & GVIR_RPC_LIST_DOMAINS_MANAGEDSAVE) && !d->managed_save)
    return FALSE;
  if ((flags & GVIR_RPC_LIST_DOMAINS_NO_MANAGEDSAVE) && d->managed_save)
    return FALSE;
  if ((flags & GVIR_RPC_LIST_DOMAINS_PERSISTENT) && !d->persistent)
    return FALSE;
  if ((flags & GVIR_RPC_LIST_DOMAINS_TRANSIENT) && d->persistent)
    return FALSE;
  if ((flags & GVIR_RPC_LIST_DOMAINS_ACTIVE) && d->id < 0)
    return FALSE;
  return (flags & GVIR_RPC_LIST_DOMAINS_INACTIVE) == 0 || d->id < 0;
}

static void
serve_list_all_domains_locked (Serve *s)
{
  GVirRpcConnectListAllDomainsArgs args;
  g_autoptr(GPtrArray) matching = g_ptr_array_new ();
  guint i;

  g_assert_true (gvir_rpc_get_connect_list_all_domains_args (&s->args, &args, NULL));
  g_assert_cmpint (args.need_results, ==, 1);
  for (i = 0; i < s->fake->domains->len; i++)
    if (list_filter_matches (s->fake->domains->pdata[i], args.flags))
      g_ptr_array_add (matching, s->fake->domains->pdata[i]);
  gvir_xdr_put_u32 (s->ret, matching->len);
  for (i = 0; i < matching->len; i++)
    put_fake_domain (s->ret, matching->pdata[i]);
  gvir_xdr_put_u32 (s->ret, matching->len);
}

/* The "state" group for every domain: state.state and state.reason. */
static void
serve_get_all_domain_stats_locked (Serve *s)
{
  g_auto(GVirRpcConnectGetAllDomainStatsArgs) args = { 0 };
  guint i;

  g_assert_true (gvir_rpc_get_connect_get_all_domain_stats_args (&s->args, &args, NULL));
  g_assert_cmpuint (args.n_doms, ==, 0);
  g_assert_cmpuint (args.stats, ==, GVIR_RPC_DOMAIN_STATS_STATE);
  gvir_xdr_put_u32 (s->ret, s->fake->domains->len);
  for (i = 0; i < s->fake->domains->len; i++)
    {
      const FakeDomain *d = s->fake->domains->pdata[i];
      GVirRpcTypedParam params[2] = {
        { .field = (char *) "state.state", .type = GVIR_RPC_PARAM_INT, .value.i = d->state },
        { .field = (char *) "state.reason", .type = GVIR_RPC_PARAM_INT, .value.i = d->reason },
      };
      GVirRpcDomainStatsRecord record = { .n_params = 2, .params = params };

      record.dom.name = d->name;
      record.dom.id = d->id;
      memcpy (record.dom.uuid, d->uuid, GVIR_RPC_UUID_LEN);
      gvir_rpc_put_domain_stats_record (s->ret, &record);
    }
}

static void
serve_domain_call_locked (Serve *s)
{
  FakeDomain *d;

  switch (s->call->proc)
    {
    case GVIR_RPC_PROC_DOMAIN_IS_PERSISTENT:
      if ((d = arg_domain_locked (s)) != NULL)
        gvir_xdr_put_i32 (s->ret, d->persistent);
      return;
    case GVIR_RPC_PROC_DOMAIN_IS_ACTIVE:
      if ((d = arg_domain_locked (s)) != NULL)
        gvir_xdr_put_i32 (s->ret, d->id >= 0);
      return;
    case GVIR_RPC_PROC_DOMAIN_HAS_MANAGED_SAVE_IMAGE:
      if ((d = arg_domain_locked (s)) != NULL)
        gvir_xdr_put_i32 (s->ret, d->managed_save);
      arg_u32 (s);
      return;
    case GVIR_RPC_PROC_DOMAIN_GET_STATE:
      if ((d = arg_domain_locked (s)) != NULL)
        {
          gvir_xdr_put_i32 (s->ret, d->state);
          gvir_xdr_put_i32 (s->ret, d->reason);
        }
      arg_u32 (s);
      return;
    case GVIR_RPC_PROC_DOMAIN_GET_INFO:
      if ((d = arg_domain_locked (s)) != NULL)
        {
          GVirRpcDomainInfo info = { .state = d->state, .max_mem_kib = 8192, .memory_kib = 4096,
                                     .nr_virt_cpu = 2, .cpu_time_ns = 123456789 };

          gvir_rpc_put_domain_info (s->ret, &info);
        }
      return;
    case GVIR_RPC_PROC_DOMAIN_GET_XML_DESC:
      if ((d = arg_domain_locked (s)) != NULL)
        {
          g_autofree char *uuid = gvir_rpc_uuid_format (d->uuid);
          g_autofree char *xml = g_strdup_printf ("<domain type='test'><name>%s</name>"
                                                  "<uuid>%s</uuid><flags>%u</flags></domain>",
                                                  d->name, uuid, arg_u32 (s));

          gvir_xdr_put_string (s->ret, xml);
        }
      return;
    case GVIR_RPC_PROC_DOMAIN_GET_NUMA_PARAMETERS:
      if ((d = arg_domain_locked (s)) != NULL)
        {
          GVirRpcTypedParam params[3] = {
            { .field = (char *) "numa_mode", .type = GVIR_RPC_PARAM_INT,
              .value.i = d->numa_mode },
            { .field = (char *) "numa_nodeset", .type = GVIR_RPC_PARAM_STRING,
              .value.s = d->numa_nodeset },
            /* Unknown fields are ignored by the client. */
            { .field = (char *) "numa_future", .type = GVIR_RPC_PARAM_ULLONG,
              .value.ul = 7 },
          };

          GVirRpcDomainGetNumaParametersRet ret = {
            .n_params = G_N_ELEMENTS (params), .params = params,
            .nparams = G_N_ELEMENTS (params),
          };

          arg_i32 (s);
          arg_u32 (s);
          gvir_rpc_put_domain_get_numa_parameters_ret (s->ret, &ret);
        }
      return;
    case GVIR_RPC_PROC_DOMAIN_SET_NUMA_PARAMETERS:
      if ((d = arg_domain_locked (s)) != NULL)
        {
          guint32 n, i;

          g_assert_true (gvir_xdr_get_array_count (&s->args, GVIR_RPC_NUMA_PARAMETERS_MAX, 12,
                                                   &n, NULL));
          for (i = 0; i < n; i++)
            {
              g_auto(GVirRpcTypedParam) param = { 0 };
              GVirRpcTypedParam *p = &param;

              g_assert_true (gvir_rpc_get_typed_param (&s->args, p, NULL));

              if (g_str_equal (p->field, "numa_mode"))
                d->numa_mode = p->value.i;
              else if (g_str_equal (p->field, "numa_nodeset"))
                {
                  g_free (d->numa_nodeset);
                  d->numa_nodeset = g_strdup (p->value.s);
                }
            }
          arg_u32 (s);
        }
      return;
    case GVIR_RPC_PROC_DOMAIN_CREATE_WITH_FLAGS:
      d = arg_domain_locked (s);
      arg_u32 (s);
      if (d != NULL)
        {
          if (d->id >= 0)
            {
              /* Like some libvirt drivers: an internal error, not "invalid". */
              s->error_code = GVIR_RPC_ERR_INTERNAL_ERROR;
              s->error_message = "domain is already running";
              return;
            }
          d->id = 7;
          d->state = 1;
          d->reason = 1;
          put_fake_domain (s->ret, d);
        }
      return;
    case GVIR_RPC_PROC_DOMAIN_SCREENSHOT:
      if (arg_domain_locked (s) != NULL)
        {
          arg_u32 (s);
          arg_u32 (s);
          gvir_xdr_put_bool (s->ret, TRUE);
          gvir_xdr_put_string (s->ret, "image/png");
        }
      return;
    case GVIR_RPC_PROC_DOMAIN_DESTROY:
    case GVIR_RPC_PROC_DOMAIN_DESTROY_FLAGS:
    case GVIR_RPC_PROC_DOMAIN_SHUTDOWN:
    case GVIR_RPC_PROC_DOMAIN_SHUTDOWN_FLAGS:
    case GVIR_RPC_PROC_DOMAIN_REBOOT:
    case GVIR_RPC_PROC_DOMAIN_SUSPEND:
    case GVIR_RPC_PROC_DOMAIN_RESUME:
    case GVIR_RPC_PROC_DOMAIN_MANAGED_SAVE:
    case GVIR_RPC_PROC_DOMAIN_UNDEFINE_FLAGS:
    case GVIR_RPC_PROC_DOMAIN_SAVE_FLAGS:
      /* Recorded only; the test checks the arguments. */
      arg_domain_locked (s);
      s->rest_unread = TRUE;
      return;
    default:
      g_assert_not_reached ();
    }
}

/* Every filter, whatever the flags (libvirt defines none). */
static void
serve_list_all_nwfilters_locked (Serve *s)
{
  g_auto(GVirRpcConnectListAllNwfiltersArgs) args = { 0 };
  guint i;

  g_assert_true (gvir_rpc_get_connect_list_all_nwfilters_args (&s->args, &args, NULL));
  g_assert_cmpint (args.need_results, ==, 1);
  gvir_xdr_put_u32 (s->ret, s->fake->nwfilters->len);
  for (i = 0; i < s->fake->nwfilters->len; i++)
    gvir_rpc_put_nwfilter (s->ret, &((FakeNwfilter *) s->fake->nwfilters->pdata[i])->ref);
  gvir_xdr_put_u32 (s->ret, s->fake->nwfilters->len);
}

/* Like libvirtd, the filter is found by the UUID of its reference. */
static void
serve_nwfilter_get_xml_locked (Serve *s)
{
  g_auto(GVirRpcNwfilterGetXmlDescArgs) args = { 0 };
  guint i;

  g_assert_true (gvir_rpc_get_nwfilter_get_xml_desc_args (&s->args, &args, NULL));
  for (i = 0; i < s->fake->nwfilters->len; i++)
    {
      FakeNwfilter *f = s->fake->nwfilters->pdata[i];

      if (memcmp (f->ref.uuid, args.nwfilter.uuid, GVIR_RPC_UUID_LEN) == 0)
        {
          gvir_xdr_put_string (s->ret, f->xml);
          return;
        }
    }
  s->error_code = GVIR_RPC_ERR_NO_NWFILTER;
  s->error_message = "Network filter not found: no nwfilter with matching uuid";
}

/* Any pool UUID is the pool "fake-pool"; any volume name is a volume of
 * it keyed by its path: enough for the calls that open volume streams. */
static void
serve_storage_lookup_locked (Serve *s)
{
  if (s->call->proc == GVIR_RPC_PROC_STORAGE_POOL_LOOKUP_BY_UUID)
    {
      g_auto(GVirRpcStoragePoolLookupByUuidArgs) args = { 0 };
      GVirRpcStoragePool pool = { .name = (char *) "fake-pool" };

      g_assert_true (gvir_rpc_get_storage_pool_lookup_by_uuid_args (&s->args, &args, NULL));
      memcpy (pool.uuid, args.uuid, sizeof pool.uuid);
      gvir_rpc_put_storage_pool (s->ret, &pool);
    }
  else
    {
      g_auto(GVirRpcStorageVolLookupByNameArgs) args = { 0 };
      g_autofree char *key = NULL;
      GVirRpcStorageVol vol = { 0 };

      g_assert_true (gvir_rpc_get_storage_vol_lookup_by_name_args (&s->args, &args, NULL));
      key = g_strdup_printf ("/fake-pool/%s", args.name);
      vol.pool = args.pool.name;
      vol.name = args.name;
      vol.key = key;
      gvir_rpc_put_storage_vol (s->ret, &vol);
    }
}

static void
serve_call_locked (Serve *s)
{
  FakeLibvirtd *fake = s->fake;
  FakeFailure *failure;
  guint i;

  failure = g_hash_table_lookup (fake->failures, GINT_TO_POINTER (s->call->proc));
  if (failure != NULL)
    {
      s->failed = TRUE;
      s->error_code = failure->code;
      s->error_message = failure->message;
      return;
    }

  switch (s->call->proc)
    {
    case GVIR_RPC_PROC_AUTH_LIST:
      gvir_xdr_put_u32 (s->ret, 1);
      gvir_xdr_put_i32 (s->ret, fake->auth_type);
      return;
    case GVIR_RPC_PROC_AUTH_POLKIT:
      gvir_xdr_put_i32 (s->ret, 1);
      return;
    case GVIR_RPC_PROC_CONNECT_SUPPORTS_FEATURE:
      {
        gpointer v = g_hash_table_lookup (fake->features, GINT_TO_POINTER (arg_i32 (s)));

        gvir_xdr_put_i32 (s->ret, v != NULL ? GPOINTER_TO_INT (v) - 1 : 0);
        return;
      }
    case GVIR_RPC_PROC_CONNECT_OPEN:
      g_free (fake->open_name);
      fake->open_name = arg_opt_string (s);
      if (fake->open_name == NULL)
        fake->open_name = g_strdup ("(absent)");
      fake->open_flags = arg_u32 (s);
      return;
    case GVIR_RPC_PROC_CONNECT_CLOSE:
    case GVIR_RPC_PROC_CONNECT_REGISTER_CLOSE_CALLBACK:
    case GVIR_RPC_PROC_CONNECT_UNREGISTER_CLOSE_CALLBACK:
      return;
    case GVIR_RPC_PROC_CONNECT_DOMAIN_EVENT_REGISTER:
      fake->legacy_registered = TRUE;
      return;
    case GVIR_RPC_PROC_CONNECT_DOMAIN_EVENT_DEREGISTER:
      fake->legacy_registered = FALSE;
      return;
    case GVIR_RPC_PROC_CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY:
      {
        gboolean filter = FALSE;

        g_assert_cmpint (arg_i32 (s), ==, 0);   /* LIFECYCLE */
        g_assert_true (gvir_xdr_get_present (&s->args, &filter, NULL));
        g_assert_false (filter);
        fake->callback_registered = TRUE;
        gvir_xdr_put_i32 (s->ret, fake->callback_id);
        return;
      }
    case GVIR_RPC_PROC_CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY:
      g_assert_cmpint (arg_i32 (s), ==, fake->callback_id);
      fake->callback_registered = FALSE;
      return;
    case GVIR_RPC_PROC_CONNECT_GET_TYPE:
      gvir_xdr_put_string (s->ret, "TEST");
      return;
    case GVIR_RPC_PROC_CONNECT_GET_VERSION:
      gvir_xdr_put_u64 (s->ret, 11003000);
      return;
    case GVIR_RPC_PROC_CONNECT_GET_HOSTNAME:
      gvir_xdr_put_string (s->ret, fake->hostname != NULL ? fake->hostname : "fake-host.example");
      return;
    case GVIR_RPC_PROC_CONNECT_GET_CAPABILITIES:
      gvir_xdr_put_string (s->ret, "<capabilities><host><cpu><arch>i686</arch></cpu></host>"
                                   "</capabilities>");
      return;
    case GVIR_RPC_PROC_CONNECT_GET_DOMAIN_CAPABILITIES:
      {
        g_autofree char *emulator = arg_opt_string (s);
        g_autofree char *arch = arg_opt_string (s);
        g_autofree char *machine = arg_opt_string (s);
        g_autofree char *virttype = arg_opt_string (s);
        g_autofree char *xml = NULL;
        guint32 flags = arg_u32 (s);

        xml = g_strdup_printf ("<domainCapabilities><path>%s</path><arch>%s</arch>"
                               "<machine>%s</machine><domain>%s</domain><flags>%u</flags>"
                               "</domainCapabilities>",
                               emulator ? emulator : "-", arch ? arch : "-",
                               machine ? machine : "-", virttype ? virttype : "-", flags);
        gvir_xdr_put_string (s->ret, xml);
        return;
      }
    case GVIR_RPC_PROC_NODE_GET_INFO:
      {
        GVirRpcNodeInfo info = { .memory_kib = 16777216, .cpus = 16, .mhz = 1400, .nodes = 2,
                                 .sockets = 2, .cores = 2, .threads = 2 };

        g_strlcpy (info.model, "i686", sizeof info.model);
        gvir_rpc_put_node_info (s->ret, &info);
        return;
      }
    case GVIR_RPC_PROC_NODE_GET_CELLS_FREE_MEMORY:
      {
        gint32 start = arg_i32 (s), max = arg_i32 (s);
        gint32 n;

        if (start < 0 || start >= 2)
          {
            s->error_code = GVIR_RPC_ERR_INVALID_ARG;
            s->error_message = "start cell 99 out of range (0-1)";
            return;
          }
        n = MIN (max, 2 - start);
        gvir_xdr_put_u32 (s->ret, n);
        for (i = 0; i < (guint) n; i++)
          gvir_xdr_put_u64 (s->ret, (guint64) (start + i + 1) * 1024 * 1024);
        return;
      }
    case GVIR_RPC_PROC_CONNECT_LIST_ALL_NWFILTERS:
      serve_list_all_nwfilters_locked (s);
      return;
    case GVIR_RPC_PROC_NWFILTER_GET_XML_DESC:
      serve_nwfilter_get_xml_locked (s);
      return;
    case GVIR_RPC_PROC_STORAGE_POOL_LOOKUP_BY_UUID:
    case GVIR_RPC_PROC_STORAGE_VOL_LOOKUP_BY_NAME:
      serve_storage_lookup_locked (s);
      return;
    case GVIR_RPC_PROC_STORAGE_VOL_UPLOAD:
      g_byte_array_set_size (fake->uploaded, 0);
      fake->upload_failed = FALSE;
      s->rest_unread = TRUE;
      return;
    case GVIR_RPC_PROC_STORAGE_VOL_DOWNLOAD:
      s->rest_unread = TRUE;        /* the test decodes the arguments itself */
      return;
    case GVIR_RPC_PROC_CONNECT_LIST_ALL_DOMAINS:
      serve_list_all_domains_locked (s);
      return;
    case GVIR_RPC_PROC_CONNECT_GET_ALL_DOMAIN_STATS:
      serve_get_all_domain_stats_locked (s);
      return;
    case GVIR_RPC_PROC_DOMAIN_LOOKUP_BY_UUID:
    case GVIR_RPC_PROC_DOMAIN_LOOKUP_BY_NAME:
    case GVIR_RPC_PROC_DOMAIN_LOOKUP_BY_ID:
      {
        guint8 uuid[GVIR_RPC_UUID_LEN];
        g_autofree char *name = NULL;
        gint32 id = -2;

        if (s->call->proc == GVIR_RPC_PROC_DOMAIN_LOOKUP_BY_UUID)
          g_assert_true (gvir_xdr_get_opaque_fixed (&s->args, uuid, sizeof uuid, NULL));
        else if (s->call->proc == GVIR_RPC_PROC_DOMAIN_LOOKUP_BY_NAME)
          name = arg_string (s);
        else
          id = arg_i32 (s);
        for (i = 0; i < fake->domains->len; i++)
          {
            FakeDomain *d = fake->domains->pdata[i];

            if ((name != NULL && g_str_equal (name, d->name)) ||
                (id != -2 && name == NULL && d->id == id) ||
                (s->call->proc == GVIR_RPC_PROC_DOMAIN_LOOKUP_BY_UUID &&
                 memcmp (uuid, d->uuid, sizeof uuid) == 0))
              {
                put_fake_domain (s->ret, d);
                return;
              }
          }
        s->error_code = GVIR_RPC_ERR_NO_DOMAIN;
        s->error_message = "Domain not found";
        return;
      }
    case GVIR_RPC_PROC_DOMAIN_CREATE_XML:
    case GVIR_RPC_PROC_DOMAIN_DEFINE_XML:
    case GVIR_RPC_PROC_DOMAIN_DEFINE_XML_FLAGS:
      {
        g_autofree char *xml = arg_string (s);
        gboolean create = s->call->proc == GVIR_RPC_PROC_DOMAIN_CREATE_XML;
        FakeDomain *d;

        if (s->call->proc != GVIR_RPC_PROC_DOMAIN_DEFINE_XML)
          arg_u32 (s);
        d = domain_from_xml_locked (fake, xml, create ? 9 : -1);
        if (d == NULL)
          {
            s->error_code = GVIR_RPC_ERR_XML_ERROR;
            s->error_message = "XML error: missing name or uuid";
            return;
          }
        d->persistent = !create;
        put_fake_domain (s->ret, d);
        return;
      }
    case GVIR_RPC_PROC_CONNECT_LIST_ALL_SECRETS:
      serve_list_all_secrets_locked (s);
      return;
    case GVIR_RPC_PROC_SECRET_GET_XML_DESC:
      serve_secret_get_xml_desc_locked (s);
      return;
    case GVIR_RPC_PROC_DOMAIN_SAVE_IMAGE_GET_XML_DESC:
      g_free (arg_string (s));
      arg_u32 (s);
      if (fake->saved_image_xml == NULL)
        {
          s->error_code = GVIR_RPC_ERR_OPERATION_FAILED;
          s->error_message = "cannot read the saved image";
          return;
        }
      gvir_xdr_put_string (s->ret, fake->saved_image_xml);
      return;
    case GVIR_RPC_PROC_DOMAIN_RESTORE_FLAGS:
      {
        g_autofree char *xml = NULL;
        FakeDomain *d;

        g_free (arg_string (s));   /* the path */
        xml = arg_opt_string (s);
        arg_u32 (s);
        d = domain_from_xml_locked (fake, xml != NULL ? xml : fake->saved_image_xml, 11);
        g_assert_nonnull (d);
        d->persistent = TRUE;
        d->reason = 3;   /* RUNNING_RESTORED */
        return;
      }
    case GVIR_RPC_PROC_DOMAIN_IS_PERSISTENT:
    case GVIR_RPC_PROC_DOMAIN_IS_ACTIVE:
    case GVIR_RPC_PROC_DOMAIN_HAS_MANAGED_SAVE_IMAGE:
    case GVIR_RPC_PROC_DOMAIN_GET_STATE:
    case GVIR_RPC_PROC_DOMAIN_GET_INFO:
    case GVIR_RPC_PROC_DOMAIN_GET_XML_DESC:
    case GVIR_RPC_PROC_DOMAIN_GET_NUMA_PARAMETERS:
    case GVIR_RPC_PROC_DOMAIN_SET_NUMA_PARAMETERS:
    case GVIR_RPC_PROC_DOMAIN_CREATE_WITH_FLAGS:
    case GVIR_RPC_PROC_DOMAIN_DESTROY:
    case GVIR_RPC_PROC_DOMAIN_DESTROY_FLAGS:
    case GVIR_RPC_PROC_DOMAIN_SHUTDOWN:
    case GVIR_RPC_PROC_DOMAIN_SHUTDOWN_FLAGS:
    case GVIR_RPC_PROC_DOMAIN_REBOOT:
    case GVIR_RPC_PROC_DOMAIN_SUSPEND:
    case GVIR_RPC_PROC_DOMAIN_RESUME:
    case GVIR_RPC_PROC_DOMAIN_MANAGED_SAVE:
    case GVIR_RPC_PROC_DOMAIN_UNDEFINE_FLAGS:
    case GVIR_RPC_PROC_DOMAIN_SAVE_FLAGS:
    case GVIR_RPC_PROC_DOMAIN_SCREENSHOT:
      serve_domain_call_locked (s);
      return;
    default:
      s->error_code = GVIR_RPC_ERR_NO_SUPPORT;
      s->error_message = "this function is not supported by the fake peer";
      return;
    }
}

static void stream_screenshot (FakeLibvirtd *fake, GVirRpcTransport *t,
                               const GVirRpcHeader *call);
static void answer_stream_packet (FakeLibvirtd *fake, GVirRpcTransport *t,
                                  const GVirRpcHeader *packet, const guint8 *payload,
                                  gsize len);

static void
serve_packet (FakeLibvirtd        *fake,
              GVirRpcTransport    *t,
              const GVirRpcHeader *call,
              const guint8        *payload,
              gsize                len)
{
  g_autoptr(GByteArray) ret = g_byte_array_new ();
  Serve s = { .fake = fake, .t = t, .call = call, .ret = ret };
  g_autofree char *error_message = NULL;
  FakeCall *record;

  if (call->prog == GVIR_RPC_KEEPALIVE_PROGRAM)
    {
      if (call->proc == GVIR_RPC_KEEPALIVE_PROC_PING)
        send_packet (fake, t, GVIR_RPC_KEEPALIVE_PROGRAM, GVIR_RPC_KEEPALIVE_PROC_PONG,
                     GVIR_RPC_TYPE_MESSAGE, 0, GVIR_RPC_STATUS_OK, NULL);
      return;
    }
  g_assert_cmphex (call->prog, ==, GVIR_RPC_REMOTE_PROGRAM);
  if (call->type == GVIR_RPC_TYPE_STREAM)
    {
      answer_stream_packet (fake, t, call, payload, len);
      return;
    }
  g_assert_cmpuint (call->type, ==, GVIR_RPC_TYPE_CALL);

  record = g_new0 (FakeCall, 1);
  record->proc = call->proc;
  record->args = g_bytes_new (payload, len);
  gvir_xdr_reader_init (&s.args, payload, len);

  g_mutex_lock (&fake->lock);
  g_ptr_array_add (fake->calls, record);
  if (g_hash_table_contains (fake->silent, GINT_TO_POINTER (call->proc)))
    {
      g_mutex_unlock (&fake->lock);
      return;
    }
  serve_call_locked (&s);
  error_message = g_strdup (s.error_message);
  g_mutex_unlock (&fake->lock);

  if (s.failed || s.error_code != 0)
    {
      reply_error (fake, t, call, s.error_code, error_message);
      return;
    }
  /* Every argument was consumed: the driver sent the right shape. */
  if (!s.rest_unread && gvir_xdr_reader_remaining (&s.args) != 0)
    g_error ("the fake libvirtd got %" G_GSIZE_FORMAT " extra argument bytes in call %d",
             gvir_xdr_reader_remaining (&s.args), call->proc);
  send_packet (fake, t, call->prog, call->proc, GVIR_RPC_TYPE_REPLY, call->serial,
               GVIR_RPC_STATUS_OK, ret);
  if (call->proc == GVIR_RPC_PROC_DOMAIN_SCREENSHOT ||
      call->proc == GVIR_RPC_PROC_STORAGE_VOL_DOWNLOAD)
    stream_screenshot (fake, t, call);
}

/* ---- streams ------------------------------------------------------------------ */

/* A server's STREAM ERROR on @call's stream: OPERATION_INVALID, "disk on fire". */
static void
send_stream_error (FakeLibvirtd        *fake,
                   GVirRpcTransport    *t,
                   const GVirRpcHeader *call)
{
  g_autoptr(GByteArray) payload = g_byte_array_new ();
  GVirRpcError err = { .code = GVIR_RPC_ERR_OPERATION_INVALID, .domain = 12,
                       .message = (char *) "disk on fire",
                       .level = GVIR_RPC_ERR_LEVEL_ERROR, .int1 = -1, .int2 = -1 };

  gvir_rpc_put_error (payload, &err);
  send_packet (fake, t, call->prog, call->proc, GVIR_RPC_TYPE_STREAM, call->serial,
               GVIR_RPC_STATUS_ERROR, payload);
}

/* Sends the screenshot's data (also what a volume download gives) after
 * the reply to @call, then its end. */
static void
stream_screenshot (FakeLibvirtd        *fake,
                   GVirRpcTransport    *t,
                   const GVirRpcHeader *call)
{
  g_autoptr(GBytes) data = NULL;
  gsize chunk, size = 0, off;
  FakeStreamEnd end;
  const guint8 *bytes = NULL;

  g_mutex_lock (&fake->lock);
  data = fake->screenshot != NULL ? g_bytes_ref (fake->screenshot) : NULL;
  chunk = fake->screenshot_chunk;
  end = fake->screenshot_end;
  g_mutex_unlock (&fake->lock);

  if (data != NULL)
    bytes = g_bytes_get_data (data, &size);
  for (off = 0; off < size; off += chunk)
    {
      g_autoptr(GByteArray) piece = g_byte_array_new ();

      g_byte_array_append (piece, bytes + off, MIN (chunk, size - off));
      send_packet (fake, t, call->prog, call->proc, GVIR_RPC_TYPE_STREAM, call->serial,
                   GVIR_RPC_STATUS_CONTINUE, piece);
    }
  switch (end)
    {
    case FAKE_STREAM_END_OK:
      send_packet (fake, t, call->prog, call->proc, GVIR_RPC_TYPE_STREAM, call->serial,
                   GVIR_RPC_STATUS_OK, NULL);
      return;
    case FAKE_STREAM_END_ERROR:
      send_stream_error (fake, t, call);
      return;
    case FAKE_STREAM_END_WRONG_SERIAL:
      {
        g_autoptr(GByteArray) piece = g_byte_array_new ();

        g_byte_array_append (piece, (const guint8 *) "stray", 5);
        send_packet (fake, t, call->prog, call->proc, GVIR_RPC_TYPE_STREAM, call->serial + 1000,
                     GVIR_RPC_STATUS_CONTINUE, piece);
        return;
      }
    case FAKE_STREAM_END_CLOSE:
      gvir_rpc_transport_shutdown (t);
      return;
    }
}

/* The client's data (an upload: kept, and failed once there is enough of
 * it when the test asked so), finish (OK) or abort (ERROR): counted, and
 * the last two confirmed. */
static void
answer_stream_packet (FakeLibvirtd        *fake,
                      GVirRpcTransport    *t,
                      const GVirRpcHeader *packet,
                      const guint8        *payload,
                      gsize                len)
{
  gboolean fail = FALSE;

  g_mutex_lock (&fake->lock);
  if (packet->status <= GVIR_RPC_STATUS_LAST)
    fake->stream_packets[packet->status]++;
  if (packet->status == GVIR_RPC_STATUS_CONTINUE &&
      packet->proc == GVIR_RPC_PROC_STORAGE_VOL_UPLOAD && !fake->upload_failed)
    {
      g_byte_array_append (fake->uploaded, payload, len);
      fail = fake->uploaded->len >= fake->upload_fail_after;
      fake->upload_failed = fail;
    }
  g_mutex_unlock (&fake->lock);
  if (fail)
    send_stream_error (fake, t, packet);
  if (packet->status != GVIR_RPC_STATUS_CONTINUE)
    send_packet (fake, t, packet->prog, packet->proc, GVIR_RPC_TYPE_REPLY, packet->serial,
                 GVIR_RPC_STATUS_OK, NULL);
}

static gboolean
read_exact (GVirRpcTransport *t,
            guint8           *buf,
            gsize             len)
{
  gsize got = 0;

  while (got < len)
    {
      gssize n = gvir_rpc_transport_read (t, buf + got, len - got, NULL);

      if (n <= 0)
        return FALSE;
      got += n;
    }
  return TRUE;
}

/* Serves one client until it goes away or the peer stops. */
static void
serve_client (FakeLibvirtd     *fake,
              GVirRpcTransport *t)
{
  for (;;)
    {
      guint8 word[GVIR_RPC_LEN_SIZE];
      g_autofree guint8 *body = NULL;
      GVirRpcHeader header;
      guint32 body_len;

      if (!read_exact (t, word, sizeof word))
        return;
      g_assert_true (gvir_rpc_packet_check_length (word, &body_len, NULL));
      body = g_malloc (body_len);
      if (!read_exact (t, body, body_len))
        return;
      g_assert_true (gvir_rpc_header_decode (body, body_len, &header, NULL));
      serve_packet (fake, t, &header, body + GVIR_RPC_HEADER_SIZE,
                    body_len - GVIR_RPC_HEADER_SIZE);
    }
}

static gpointer
server_thread (gpointer data)
{
  FakeLibvirtd *fake = data;

  for (;;)
    {
      g_autoptr(GSocket) sock = g_socket_accept (fake->listener, fake->stop, NULL);
      GVirRpcTransport *t;

      if (sock == NULL)
        return NULL;
      t = gvir_rpc_transport_new_for_socket (sock);
      g_mutex_lock (&fake->lock);
      fake->client = t;
      fake->callback_registered = FALSE;
      fake->legacy_registered = FALSE;
      g_mutex_unlock (&fake->lock);

      serve_client (fake, t);

      g_mutex_lock (&fake->write_lock);
      g_mutex_lock (&fake->lock);
      fake->client = NULL;
      g_mutex_unlock (&fake->lock);
      gvir_rpc_transport_free (t);
      g_mutex_unlock (&fake->write_lock);
    }
}

/* ---- public ------------------------------------------------------------------- */

FakeLibvirtd *
fake_libvirtd_new (void)
{
  FakeLibvirtd *fake = g_new0 (FakeLibvirtd, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocketAddress) address = NULL;

  fake->dir = g_dir_make_tmp ("gvir-fake-libvirtd-XXXXXX", &error);
  g_assert_no_error (error);
  fake->socket_path = g_build_filename (fake->dir, "libvirt-sock", NULL);
  fake->listener = g_socket_new (G_SOCKET_FAMILY_UNIX, G_SOCKET_TYPE_STREAM,
                                 G_SOCKET_PROTOCOL_DEFAULT, &error);
  g_assert_no_error (error);
  address = g_unix_socket_address_new (fake->socket_path);
  g_assert_true (g_socket_bind (fake->listener, address, FALSE, &error));
  g_assert_true (g_socket_listen (fake->listener, &error));
  g_assert_no_error (error);

  g_mutex_init (&fake->lock);
  g_mutex_init (&fake->write_lock);
  fake->stop = g_cancellable_new ();
  fake->domains = g_ptr_array_new_with_free_func ((GDestroyNotify) fake_domain_free);
  fake->secrets = g_ptr_array_new_with_free_func ((GDestroyNotify) fake_secret_free);
  fake->nwfilters = g_ptr_array_new_with_free_func ((GDestroyNotify) fake_nwfilter_free);
  fake->features = g_hash_table_new (NULL, NULL);
  fake->failures = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) fake_failure_free);
  fake->silent = g_hash_table_new (NULL, NULL);
  fake->calls = g_ptr_array_new_with_free_func ((GDestroyNotify) fake_call_free);
  fake->uploaded = g_byte_array_new ();
  fake->upload_fail_after = G_MAXSIZE;
  fake->callback_id = 3;
  fake_libvirtd_set_feature (fake, GVIR_RPC_FEATURE_TYPED_PARAM_STRING, TRUE);
  fake_libvirtd_set_feature (fake, GVIR_RPC_FEATURE_REMOTE_EVENT_CALLBACK, TRUE);
  fake_libvirtd_set_feature (fake, GVIR_RPC_FEATURE_REMOTE_CLOSE_CALLBACK, TRUE);
  fake->thread = gvir_test_thread_new ("fake-libvirtd", server_thread, fake);
  return fake;
}

void
fake_libvirtd_free (FakeLibvirtd *fake)
{
  if (fake == NULL)
    return;

  g_cancellable_cancel (fake->stop);
  g_mutex_lock (&fake->lock);
  if (fake->client != NULL)
    gvir_rpc_transport_shutdown (fake->client);
  g_mutex_unlock (&fake->lock);
  gvir_test_thread_join (fake->thread, "the fake libvirtd's thread to stop");

  g_socket_close (fake->listener, NULL);
  g_object_unref (fake->listener);
  g_object_unref (fake->stop);
  g_unlink (fake->socket_path);
  g_rmdir (fake->dir);
  g_ptr_array_unref (fake->domains);
  g_ptr_array_unref (fake->secrets);
  g_ptr_array_unref (fake->nwfilters);
  g_hash_table_destroy (fake->features);
  g_hash_table_destroy (fake->failures);
  g_hash_table_destroy (fake->silent);
  g_ptr_array_unref (fake->calls);
  g_mutex_clear (&fake->lock);
  g_mutex_clear (&fake->write_lock);
  g_free (fake->open_name);
  g_free (fake->saved_image_xml);
  g_free (fake->hostname);
  g_clear_pointer (&fake->screenshot, g_bytes_unref);
  g_byte_array_unref (fake->uploaded);
  g_free (fake->socket_path);
  g_free (fake->dir);
  g_free (fake);
}

const char *
fake_libvirtd_get_socket (FakeLibvirtd *fake)
{
  return fake->socket_path;
}

char *
fake_libvirtd_get_uri (FakeLibvirtd *fake)
{
  return g_strdup_printf ("test+unix:///default?socket=%s", fake->socket_path);
}

void
fake_libvirtd_add_domain (FakeLibvirtd *fake,
                          const char   *name,
                          const char   *uuid,
                          int           id,
                          gboolean      persistent,
                          int           state,
                          int           reason)
{
  FakeDomain *d = g_new0 (FakeDomain, 1);

  d->name = g_strdup (name);
  g_assert_true (gvir_rpc_uuid_parse (uuid, d->uuid));
  d->id = id;
  d->persistent = persistent;
  d->state = state;
  d->reason = reason;
  d->numa_nodeset = g_strdup ("");
  g_mutex_lock (&fake->lock);
  g_ptr_array_add (fake->domains, d);
  g_mutex_unlock (&fake->lock);
}

void
fake_libvirtd_add_nwfilter (FakeLibvirtd *fake,
                            const char   *name,
                            const char   *uuid,
                            const char   *xml)
{
  FakeNwfilter *f = g_new0 (FakeNwfilter, 1);

  f->ref.name = g_strdup (name);
  g_assert_true (gvir_rpc_uuid_parse (uuid, f->ref.uuid));
  f->xml = g_strdup (xml);
  g_mutex_lock (&fake->lock);
  g_ptr_array_add (fake->nwfilters, f);
  g_mutex_unlock (&fake->lock);
}

void
fake_libvirtd_set_managed_save (FakeLibvirtd *fake,
                                const char   *uuid,
                                gboolean      managed_save)
{
  guint8 raw[GVIR_RPC_UUID_LEN];
  guint i;

  g_assert_true (gvir_rpc_uuid_parse (uuid, raw));
  g_mutex_lock (&fake->lock);
  for (i = 0; i < fake->domains->len; i++)
    {
      FakeDomain *d = fake->domains->pdata[i];

      if (memcmp (d->uuid, raw, GVIR_RPC_UUID_LEN) == 0)
        d->managed_save = managed_save;
    }
  g_mutex_unlock (&fake->lock);
}

void
fake_libvirtd_set_feature (FakeLibvirtd *fake,
                           int           feature,
                           gboolean      supported)
{
  g_mutex_lock (&fake->lock);
  g_hash_table_insert (fake->features, GINT_TO_POINTER (feature),
                       GINT_TO_POINTER ((supported ? 1 : 0) + 1));
  g_mutex_unlock (&fake->lock);
}

void
fake_libvirtd_set_auth (FakeLibvirtd *fake,
                        int           auth_type)
{
  g_mutex_lock (&fake->lock);
  fake->auth_type = auth_type;
  g_mutex_unlock (&fake->lock);
}

void
fake_libvirtd_set_callback_id (FakeLibvirtd *fake,
                               int           callback_id)
{
  g_mutex_lock (&fake->lock);
  fake->callback_id = callback_id;
  g_mutex_unlock (&fake->lock);
}

void
fake_libvirtd_fail (FakeLibvirtd *fake,
                    int           proc,
                    int           code,
                    const char   *message)
{
  FakeFailure *f = g_new0 (FakeFailure, 1);

  f->code = code;
  f->message = g_strdup (message);
  g_mutex_lock (&fake->lock);
  g_hash_table_insert (fake->failures, GINT_TO_POINTER (proc), f);
  g_mutex_unlock (&fake->lock);
}

void
fake_libvirtd_set_silent (FakeLibvirtd *fake,
                          int           proc)
{
  g_mutex_lock (&fake->lock);
  g_hash_table_add (fake->silent, GINT_TO_POINTER (proc));
  g_mutex_unlock (&fake->lock);
}

void
fake_libvirtd_clear_failures (FakeLibvirtd *fake)
{
  g_mutex_lock (&fake->lock);
  g_hash_table_remove_all (fake->failures);
  g_mutex_unlock (&fake->lock);
}

void
fake_libvirtd_set_hostname (FakeLibvirtd *fake,
                            const char   *hostname)
{
  g_mutex_lock (&fake->lock);
  g_free (fake->hostname);
  fake->hostname = g_strdup (hostname);
  g_mutex_unlock (&fake->lock);
}

void
fake_libvirtd_add_secret (FakeLibvirtd *fake,
                          const char   *uuid,
                          int           usage_type,
                          const char   *usage_id,
                          const char   *xml)
{
  FakeSecret *secret = g_new0 (FakeSecret, 1);

  g_assert_true (gvir_rpc_uuid_parse (uuid, secret->id.uuid));
  secret->id.usage_type = usage_type;
  secret->id.usage_id = g_strdup (usage_id);
  secret->xml = g_strdup (xml);
  g_mutex_lock (&fake->lock);
  g_ptr_array_add (fake->secrets, secret);
  g_mutex_unlock (&fake->lock);
}

void
fake_libvirtd_remove_secret (FakeLibvirtd *fake,
                             const char   *uuid)
{
  guint8 raw[GVIR_RPC_UUID_LEN];

  g_assert_true (gvir_rpc_uuid_parse (uuid, raw));
  g_mutex_lock (&fake->lock);
  g_assert_true (g_ptr_array_remove (fake->secrets, find_secret_locked (fake, raw)));
  g_mutex_unlock (&fake->lock);
}

void
fake_libvirtd_set_saved_image_xml (FakeLibvirtd *fake,
                                   const char   *xml)
{
  g_mutex_lock (&fake->lock);
  g_free (fake->saved_image_xml);
  fake->saved_image_xml = g_strdup (xml);
  g_mutex_unlock (&fake->lock);
}

char *
fake_libvirtd_dup_open_name (FakeLibvirtd *fake,
                             guint32      *flags)
{
  char *name;

  g_mutex_lock (&fake->lock);
  name = g_strdup (fake->open_name);
  if (flags != NULL)
    *flags = fake->open_flags;
  g_mutex_unlock (&fake->lock);
  return name;
}

guint
fake_libvirtd_count_calls (FakeLibvirtd *fake,
                           int           proc)
{
  guint i, n = 0;

  g_mutex_lock (&fake->lock);
  for (i = 0; i < fake->calls->len; i++)
    if (((FakeCall *) fake->calls->pdata[i])->proc == proc)
      n++;
  g_mutex_unlock (&fake->lock);
  return n;
}

GPtrArray *
fake_libvirtd_dup_all_args (FakeLibvirtd *fake,
                            int           proc)
{
  GPtrArray *all = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  guint i;

  g_mutex_lock (&fake->lock);
  for (i = 0; i < fake->calls->len; i++)
    {
      const FakeCall *c = fake->calls->pdata[i];

      if (c->proc == proc)
        g_ptr_array_add (all, g_bytes_ref (c->args));
    }
  g_mutex_unlock (&fake->lock);
  return all;
}

GBytes *
fake_libvirtd_dup_last_args (FakeLibvirtd *fake,
                             int           proc)
{
  GBytes *args = NULL;
  guint i;

  g_mutex_lock (&fake->lock);
  for (i = fake->calls->len; i-- > 0 && args == NULL;)
    if (((FakeCall *) fake->calls->pdata[i])->proc == proc)
      args = g_bytes_ref (((FakeCall *) fake->calls->pdata[i])->args);
  g_mutex_unlock (&fake->lock);
  return args;
}

/* Sends a MESSAGE to the connected client. The server thread frees a
 * client's stream only with the write lock held, so hold it throughout. */
static void
push_message (FakeLibvirtd *fake,
              int           proc,
              GByteArray   *payload)
{
  GVirRpcTransport *t;

  g_mutex_lock (&fake->write_lock);
  g_mutex_lock (&fake->lock);
  t = fake->client;
  g_mutex_unlock (&fake->lock);
  g_assert_nonnull (t);
  /* serial 1 like libvirt's events; the client ignores it */
  write_packet (t, GVIR_RPC_REMOTE_PROGRAM, proc, GVIR_RPC_TYPE_MESSAGE, 1,
                GVIR_RPC_STATUS_OK, payload);
  g_mutex_unlock (&fake->write_lock);
}

static void
push_lifecycle (FakeLibvirtd *fake,
                gboolean      callback_style,
                int           callback_id,
                const char   *name,
                const char   *uuid,
                int           id,
                int           event,
                int           detail)
{
  g_autoptr(GByteArray) payload = g_byte_array_new ();
  GVirRpcDomainEventCallbackLifecycleMsg ev = {
    .callback_id = callback_id,
    .msg = { .dom = { .name = (char *) name, .id = id }, .event = event, .detail = detail },
  };

  g_assert_true (gvir_rpc_uuid_parse (uuid, ev.msg.dom.uuid));
  if (callback_style)
    gvir_rpc_put_domain_event_callback_lifecycle_msg (payload, &ev);
  else
    gvir_rpc_put_domain_event_lifecycle_msg (payload, &ev.msg);
  push_message (fake, callback_style ? GVIR_RPC_PROC_DOMAIN_EVENT_CALLBACK_LIFECYCLE
                                     : GVIR_RPC_PROC_DOMAIN_EVENT_LIFECYCLE, payload);
}

void
fake_libvirtd_push_lifecycle (FakeLibvirtd *fake,
                              const char   *name,
                              const char   *uuid,
                              int           id,
                              int           event,
                              int           detail)
{
  gboolean callback_style, legacy;
  int callback_id;

  g_mutex_lock (&fake->lock);
  callback_style = fake->callback_registered;
  legacy = fake->legacy_registered;
  callback_id = fake->callback_id;
  g_mutex_unlock (&fake->lock);
  g_assert_true (callback_style || legacy);
  push_lifecycle (fake, callback_style, callback_id, name, uuid, id, event, detail);
}

void
fake_libvirtd_push_lifecycle_with_id (FakeLibvirtd *fake,
                                      int           callback_id,
                                      const char   *name,
                                      const char   *uuid,
                                      int           id,
                                      int           event,
                                      int           detail)
{
  push_lifecycle (fake, TRUE, callback_id, name, uuid, id, event, detail);
}

void
fake_libvirtd_push_close (FakeLibvirtd *fake,
                          int           reason)
{
  g_autoptr(GByteArray) payload = g_byte_array_new ();

  gvir_xdr_put_i32 (payload, reason);
  push_message (fake, GVIR_RPC_PROC_CONNECT_EVENT_CONNECTION_CLOSED, payload);
}

void
fake_libvirtd_push_foreign_program (FakeLibvirtd *fake)
{
  GVirRpcTransport *t;

  g_mutex_lock (&fake->write_lock);
  g_mutex_lock (&fake->lock);
  t = fake->client;
  g_mutex_unlock (&fake->lock);
  g_assert_nonnull (t);
  write_packet (t, 0x12345678, 1, GVIR_RPC_TYPE_MESSAGE, 1, GVIR_RPC_STATUS_OK, NULL);
  g_mutex_unlock (&fake->write_lock);
}

void
fake_libvirtd_push_raw (FakeLibvirtd *fake,
                        int           proc,
                        const guint8 *payload,
                        gsize         len)
{
  g_autoptr(GByteArray) buf = g_byte_array_new ();

  g_byte_array_append (buf, payload, len);
  push_message (fake, proc, buf);
}

void
fake_libvirtd_set_screenshot (FakeLibvirtd  *fake,
                              GBytes        *data,
                              gsize          chunk,
                              FakeStreamEnd  end)
{
  g_assert_cmpuint (chunk, >, 0);
  g_mutex_lock (&fake->lock);
  g_clear_pointer (&fake->screenshot, g_bytes_unref);
  fake->screenshot = data != NULL ? g_bytes_ref (data) : NULL;
  fake->screenshot_chunk = chunk;
  fake->screenshot_end = end;
  g_mutex_unlock (&fake->lock);
}

guint
fake_libvirtd_count_stream_packets (FakeLibvirtd *fake,
                                    int           status)
{
  guint n;

  g_assert_cmpint (status, >=, 0);
  g_assert_cmpint (status, <=, GVIR_RPC_STATUS_LAST);
  g_mutex_lock (&fake->lock);
  n = fake->stream_packets[status];
  g_mutex_unlock (&fake->lock);
  return n;
}

GBytes *
fake_libvirtd_dup_uploaded (FakeLibvirtd *fake)
{
  GBytes *data;

  g_mutex_lock (&fake->lock);
  data = g_bytes_new (fake->uploaded->data, fake->uploaded->len);
  g_mutex_unlock (&fake->lock);
  return data;
}

void
fake_libvirtd_fail_upload_after (FakeLibvirtd *fake,
                                 gsize         n)
{
  g_mutex_lock (&fake->lock);
  fake->upload_fail_after = n;
  g_mutex_unlock (&fake->lock);
}
