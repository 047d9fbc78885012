/*
 * gvir-remote-driver.c: the remote driver (libvirt's RPC protocol)
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
#include <unistd.h>

#include "gvir-remote-driver-private.h"
#include "libvirt-gobject/rpc/gvir-rpc-client-private.h"
#include "libvirt-gobject/rpc/gvir-rpc-remote-private.h"

#define REMOTE_TCP_PORT 16509
#define REMOTE_TLS_PORT 16514
#define REMOTE_SYSTEM_SOCKET "/run/libvirt/libvirt-sock"
#define REMOTE_SYSTEM_SOCKET_RO "/run/libvirt/libvirt-sock-ro"
/* libvirt's client defaults: ping after 5 s of silence, give up after 5. */
#define REMOTE_KEEPALIVE_INTERVAL 5
#define REMOTE_KEEPALIVE_COUNT 5
/* VIR_TYPED_PARAM_STRING_OKAY: we can receive string parameters. */
#define REMOTE_TYPED_PARAM_STRING_OKAY 4
#define REMOTE_EVENT_ID_LIFECYCLE 0

typedef struct
{
  GVirDriverConnection *conn;   /* not owned: close() runs before it goes */
  GVirRpcClient *client;
  GThreadPool *events;          /* one thread: events keep their order */
  gboolean callback_events;     /* server has callback-style events (316/318) */
  gint32 callback_id;           /* our lifecycle registration, -1 when none */
  gboolean legacy_events;       /* registered with 105, receive 107 */
  gboolean close_callback;      /* registered with 360 */
  gint opened;                  /* atomic: open() succeeded, events may flow */

  GMutex lock;                  /* guards names */
  GHashTable *names;            /* uuid string -> domain name */
} RemoteHandle;

/* An event queued from the reader thread to the event thread. */
typedef struct
{
  GVirDriverEventKind kind;
  GVirRpcDomain dom;
  int event;
  int detail;
  int close_reason;
} RemoteEvent;

static void
remote_event_free (RemoteEvent *ev)
{
  gvir_rpc_domain_clear (&ev->dom);
  g_free (ev);
}

/* ---- URIs ----------------------------------------------------------------- */

/* Parameters only the client side uses; never forwarded to the server. */
static const char *const client_params[] = {
  "name", "socket", "mode", "proxy", "auth", "pkipath", "no_verify", "no_sanity",
  "no_tty", "keyfile", "known_hosts", "known_hosts_verify", "tls_priority",
  "command", "netcat", "sshauth", NULL
};

char *
gvir_remote_uri_open_name (const GVirDriverUri *uri)
{
  g_autoptr(GString) name = NULL;
  g_autofree char *escaped_path = NULL;
  g_autoptr(GList) keys = NULL;
  const char *explicit_name;
  gboolean first = TRUE;
  GList *l;

  g_return_val_if_fail (uri != NULL, NULL);

  explicit_name = gvir_driver_uri_get_param (uri, "name");
  if (explicit_name != NULL)
    return g_strdup (explicit_name);

  name = g_string_new (uri->driver);
  escaped_path = g_uri_escape_string (uri->path, "/", FALSE);
  g_string_append_printf (name, "://%s", escaped_path);

  /* Sorted, so that the same URI always opens the same name. */
  keys = g_list_sort (g_hash_table_get_keys (uri->params), (GCompareFunc) strcmp);
  for (l = keys; l != NULL; l = l->next)
    {
      const char *key = l->data;
      g_autofree char *k = NULL;
      g_autofree char *v = NULL;

      if (g_strv_contains (client_params, key))
        continue;
      k = g_uri_escape_string (key, NULL, FALSE);
      v = g_uri_escape_string (g_hash_table_lookup (uri->params, key), "/", FALSE);
      g_string_append_printf (name, "%c%s=%s", first ? '?' : '&', k, v);
      first = FALSE;
    }
  return g_string_free (g_steal_pointer (&name), FALSE);
}

static gboolean
remote_accepts (const GVirDriverUri *uri)
{
  /* Every URI with a transport or a host is ours; unsupported transports
   * are refused at open with a message that names them. */
  return uri->transport != NULL || uri->host != NULL;
}

static char *
default_unix_socket (const GVirDriverUri *uri,
                     gboolean             read_only)
{
  if (g_str_equal (uri->path, "/session"))
    return g_build_filename (g_get_user_runtime_dir (), "libvirt", "libvirt-sock", NULL);
  return g_strdup (read_only ? REMOTE_SYSTEM_SOCKET_RO : REMOTE_SYSTEM_SOCKET);
}

/* libvirt's layout: pkipath= holds everything; otherwise per-user files
 * under ~/.pki/libvirt when they exist, else the system ones. */
static void
tls_config_for_uri (const GVirDriverUri *uri,
                    GVirRpcTlsConfig    *config)
{
  const char *pkipath = gvir_driver_uri_get_param (uri, "pkipath");
  const char *no_verify = gvir_driver_uri_get_param (uri, "no_verify");
  g_autofree char *user_dir = g_build_filename (g_get_home_dir (), ".pki", "libvirt", NULL);
  g_autofree char *user_ca = g_build_filename (user_dir, "cacert.pem", NULL);

  memset (config, 0, sizeof *config);
  if (pkipath == NULL && getuid () != 0 && g_file_test (user_ca, G_FILE_TEST_EXISTS))
    pkipath = user_dir;

  if (pkipath != NULL)
    {
      config->ca_file = g_build_filename (pkipath, "cacert.pem", NULL);
      config->crl_file = g_build_filename (pkipath, "cacrl.pem", NULL);
      config->cert_file = g_build_filename (pkipath, "clientcert.pem", NULL);
      config->key_file = g_build_filename (pkipath, "clientkey.pem", NULL);
    }
  else
    {
      config->ca_file = g_strdup ("/etc/pki/CA/cacert.pem");
      config->crl_file = g_strdup ("/etc/pki/CA/cacrl.pem");
      config->cert_file = g_strdup ("/etc/pki/libvirt/clientcert.pem");
      config->key_file = g_strdup ("/etc/pki/libvirt/private/clientkey.pem");
    }
  config->no_verify = no_verify != NULL && g_str_equal (no_verify, "1");
  config->priority = g_strdup (gvir_driver_uri_get_param (uri, "tls_priority"));
}

static GVirRpcTransport *
connect_transport (const GVirDriverUri  *uri,
                   gboolean              read_only,
                   GCancellable         *cancellable,
                   GError              **error)
{
  const char *transport = uri->transport;
  const char *host = uri->host != NULL ? uri->host : "localhost";
  g_autoptr(GVirRpcTransport) t = NULL;

  if (transport == NULL)
    transport = uri->host != NULL ? "tls" : "unix";

  if (g_str_equal (transport, "unix"))
    {
      g_autofree char *path = g_strdup (gvir_driver_uri_get_param (uri, "socket"));

      if (path == NULL)
        path = default_unix_socket (uri, read_only);
      return gvir_rpc_transport_connect_unix (path, cancellable, error);
    }
  if (g_str_equal (transport, "tcp"))
    return gvir_rpc_transport_connect_tcp (host, uri->port > 0 ? uri->port : REMOTE_TCP_PORT,
                                           cancellable, error);
  if (g_str_equal (transport, "tls"))
    {
      GVirRpcTlsConfig config;
      gboolean ok;

      t = gvir_rpc_transport_connect_tcp (host, uri->port > 0 ? uri->port : REMOTE_TLS_PORT,
                                          cancellable, error);
      if (t == NULL)
        return NULL;
      tls_config_for_uri (uri, &config);
      ok = gvir_rpc_transport_start_tls (t, &config, host, error);
      gvir_rpc_tls_config_clear (&config);
      return ok ? g_steal_pointer (&t) : NULL;
    }

  g_set_error (error, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED,
               "transport '%s' of URI '%s' is not supported (use unix, tcp or tls)",
               transport, uri->original);
  return NULL;
}

/* ---- calls ---------------------------------------------------------------- */

static gboolean
remote_call (RemoteHandle  *h,
             gint32         proc,
             GByteArray    *args,
             GBytes       **reply,
             GCancellable  *cancellable,
             GError       **error)
{
  return gvir_rpc_client_call (h->client, GVIR_RPC_REMOTE_PROGRAM, proc, args, reply,
                               cancellable, error);
}

/* A call whose reply must be empty. */
static gboolean
remote_call_void (RemoteHandle  *h,
                  gint32         proc,
                  GByteArray    *args,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GBytes) reply = NULL;
  GVirXdrReader reader;

  if (!remote_call (h, proc, args, &reply, cancellable, error))
    return FALSE;
  gvir_xdr_reader_init (&reader, g_bytes_get_data (reply, NULL), g_bytes_get_size (reply));
  return gvir_xdr_reader_finish (&reader, "reply", error);
}

static gboolean
reply_reader (GBytes        *reply,
              GVirXdrReader *reader)
{
  gvir_xdr_reader_init (reader, g_bytes_get_data (reply, NULL), g_bytes_get_size (reply));
  return TRUE;
}

static char *
remote_call_string (RemoteHandle  *h,
                    gint32         proc,
                    GByteArray    *args,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GBytes) reply = NULL;
  g_autofree char *str = NULL;
  GVirXdrReader reader;

  if (!remote_call (h, proc, args, &reply, cancellable, error))
    return NULL;
  reply_reader (reply, &reader);
  if (!gvir_xdr_get_string (&reader, GVIR_RPC_STRING_MAX, &str, error) ||
      !gvir_xdr_reader_finish (&reader, "reply", error))
    return NULL;
  return g_steal_pointer (&str);
}

static gboolean
remote_call_int (RemoteHandle  *h,
                 gint32         proc,
                 GByteArray    *args,
                 gint32        *value,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GBytes) reply = NULL;
  GVirXdrReader reader;

  if (!remote_call (h, proc, args, &reply, cancellable, error))
    return FALSE;
  reply_reader (reply, &reader);
  return gvir_xdr_get_i32 (&reader, value, error) &&
         gvir_xdr_reader_finish (&reader, "reply", error);
}

static gboolean
remote_supports_feature (RemoteHandle  *h,
                         gint32         feature,
                         gboolean      *supported,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GByteArray) args = g_byte_array_new ();
  gint32 ret;

  gvir_xdr_put_i32 (args, feature);
  if (!remote_call_int (h, GVIR_RPC_PROC_CONNECT_SUPPORTS_FEATURE, args, &ret, cancellable, error))
    return FALSE;
  *supported = ret != 0;
  return TRUE;
}

/* ---- domains -------------------------------------------------------------- */

static void
remember_name (RemoteHandle        *h,
               const GVirRpcDomain *dom)
{
  g_mutex_lock (&h->lock);
  g_hash_table_replace (h->names, gvir_rpc_uuid_format (dom->uuid), g_strdup (dom->name));
  g_mutex_unlock (&h->lock);
}

static gboolean
get_domain_reply (GBytes         *reply,
                  GVirRpcDomain  *dom,
                  GError        **error)
{
  GVirXdrReader reader;

  reply_reader (reply, &reader);
  if (!gvir_rpc_get_domain (&reader, dom, error))
    return FALSE;
  if (!gvir_xdr_reader_finish (&reader, "reply", error))
    {
      gvir_rpc_domain_clear (dom);
      return FALSE;
    }
  return TRUE;
}

static gboolean
lookup_by_uuid_raw (RemoteHandle   *h,
                    const guint8    uuid[GVIR_RPC_UUID_LEN],
                    GVirRpcDomain  *dom,
                    GCancellable   *cancellable,
                    GError        **error)
{
  g_autoptr(GByteArray) args = g_byte_array_new ();
  g_autoptr(GBytes) reply = NULL;

  gvir_xdr_put_opaque_fixed (args, uuid, GVIR_RPC_UUID_LEN);
  if (!remote_call (h, GVIR_RPC_PROC_DOMAIN_LOOKUP_BY_UUID, args, &reply, cancellable, error) ||
      !get_domain_reply (reply, dom, error))
    return FALSE;
  remember_name (h, dom);
  return TRUE;
}

/* Starts the wire reference of a domain known by UUID: the UUID, and the
 * name when we have seen it (else dom->name stays NULL). */
static gboolean
domain_ref_from_cache (RemoteHandle   *h,
                       const char     *uuid,
                       GVirRpcDomain  *dom,
                       GError        **error)
{
  g_autofree char *canon = NULL;

  memset (dom, 0, sizeof *dom);
  if (uuid == NULL || !gvir_rpc_uuid_parse (uuid, dom->uuid))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                   "invalid domain UUID '%s'", uuid ? uuid : "(null)");
      return FALSE;
    }
  canon = gvir_rpc_uuid_format (dom->uuid);
  dom->id = -1;

  g_mutex_lock (&h->lock);
  dom->name = g_strdup (g_hash_table_lookup (h->names, canon));
  g_mutex_unlock (&h->lock);
  return TRUE;
}

/* Builds the wire reference of a domain known by UUID. The server finds
 * domains by UUID; the name comes from what we saw, or from a lookup. */
static gboolean
domain_ref (RemoteHandle   *h,
            const char     *uuid,
            GVirRpcDomain  *dom,
            GCancellable   *cancellable,
            GError        **error)
{
  if (!domain_ref_from_cache (h, uuid, dom, error))
    return FALSE;
  if (dom->name != NULL)
    return TRUE;
  return lookup_by_uuid_raw (h, dom->uuid, dom, cancellable, error);
}

static void
put_domain_ref (GByteArray    *args,
                GVirRpcDomain *dom)
{
  gvir_rpc_put_domain (args, dom);
  gvir_rpc_domain_clear (dom);
}

/* Starts the arguments of a call on one domain. */
static GByteArray *
domain_args (RemoteHandle  *h,
             const char    *uuid,
             GCancellable  *cancellable,
             GError       **error)
{
  GVirRpcDomain dom;
  GByteArray *args;

  if (!domain_ref (h, uuid, &dom, cancellable, error))
    return NULL;
  args = g_byte_array_new ();
  put_domain_ref (args, &dom);
  return args;
}

static gboolean
domain_query_int (RemoteHandle        *h,
                  gint32               proc,
                  const GVirRpcDomain *dom,
                  gboolean             with_flags,
                  gint32              *value,
                  GCancellable        *cancellable,
                  GError             **error)
{
  g_autoptr(GByteArray) args = g_byte_array_new ();

  gvir_rpc_put_domain (args, dom);
  if (with_flags)
    gvir_xdr_put_u32 (args, 0);
  return remote_call_int (h, proc, args, value, cancellable, error);
}

/* The arguments of the two domain queries that have a non-blocking form:
 * GET_INFO takes the domain, GET_STATE the domain and flags. */
static GByteArray *
domain_query_args (gint32               proc,
                   const GVirRpcDomain *dom)
{
  GByteArray *args = g_byte_array_new ();

  gvir_rpc_put_domain (args, dom);
  if (proc == GVIR_RPC_PROC_DOMAIN_GET_STATE)
    gvir_xdr_put_u32 (args, 0);
  return args;
}

static gboolean
decode_state_reply (GBytes  *reply,
                    int     *state,
                    int     *reason,
                    GError **error)
{
  GVirXdrReader reader;
  gint32 s, r;

  reply_reader (reply, &reader);
  if (!gvir_xdr_get_i32 (&reader, &s, error) ||
      !gvir_xdr_get_i32 (&reader, &r, error) ||
      !gvir_xdr_reader_finish (&reader, "reply", error))
    return FALSE;
  *state = s;
  *reason = r;
  return TRUE;
}

static gboolean
decode_info_reply (GBytes                *reply,
                   GVirDriverDomainInfo  *info,
                   GError               **error)
{
  GVirXdrReader reader;
  GVirRpcDomainInfo di;

  reply_reader (reply, &reader);
  if (!gvir_rpc_get_domain_info (&reader, &di, error) ||
      !gvir_xdr_reader_finish (&reader, "reply", error))
    return FALSE;
  info->state = (int) di.state;
  info->max_mem_kib = di.max_mem_kib;
  info->memory_kib = di.memory_kib;
  info->nr_virt_cpu = di.nr_virt_cpu;
  info->cpu_time_ns = di.cpu_time_ns;
  return TRUE;
}

static gboolean
domain_get_state_raw (RemoteHandle        *h,
                      const GVirRpcDomain *dom,
                      int                 *state,
                      int                 *reason,
                      GCancellable        *cancellable,
                      GError             **error)
{
  g_autoptr(GByteArray) args = domain_query_args (GVIR_RPC_PROC_DOMAIN_GET_STATE, dom);
  g_autoptr(GBytes) reply = NULL;

  return remote_call (h, GVIR_RPC_PROC_DOMAIN_GET_STATE, args, &reply, cancellable, error) &&
         decode_state_reply (reply, state, reason, error);
}

/* Completes what a GVirDriverDomain holds beyond the wire identity. */
static GVirDriverDomain *
describe_domain (RemoteHandle         *h,
                 const GVirRpcDomain  *dom,
                 GCancellable         *cancellable,
                 GError              **error)
{
  g_autoptr(GVirDriverDomain) out = g_new0 (GVirDriverDomain, 1);
  gint32 persistent, managed_save;

  remember_name (h, dom);
  out->name = g_strdup (dom->name);
  out->uuid = gvir_rpc_uuid_format (dom->uuid);
  out->id = dom->id;

  if (!domain_query_int (h, GVIR_RPC_PROC_DOMAIN_IS_PERSISTENT, dom, FALSE, &persistent,
                         cancellable, error) ||
      !domain_get_state_raw (h, dom, &out->state, &out->reason, cancellable, error) ||
      !domain_query_int (h, GVIR_RPC_PROC_DOMAIN_HAS_MANAGED_SAVE_IMAGE, dom, TRUE,
                         &managed_save, cancellable, error))
    return NULL;
  out->persistent = persistent != 0;
  out->has_managed_save = managed_save != 0;
  return g_steal_pointer (&out);
}

/* For calls whose reply is one remote_nonnull_domain. */
static GVirDriverDomain *
remote_call_domain (RemoteHandle  *h,
                    gint32         proc,
                    GByteArray    *args,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GBytes) reply = NULL;
  GVirRpcDomain dom;
  GVirDriverDomain *out;

  if (!remote_call (h, proc, args, &reply, cancellable, error) ||
      !get_domain_reply (reply, &dom, error))
    return NULL;
  out = describe_domain (h, &dom, cancellable, error);
  gvir_rpc_domain_clear (&dom);
  return out;
}

/* ---- events --------------------------------------------------------------- */

/* The state an event leaves a domain in, when the event implies one: the
 * state and reason libvirt's drivers set together with each event. Details
 * with no matching reason give reason 0 (unknown). */
static gboolean
state_after_event (int  event,
                   int  detail,
                   int *state,
                   int *reason)
{
  /* Indexed by detail. */
  static const int started[] = { GVIR_DRIVER_RUNNING_BOOTED, GVIR_DRIVER_RUNNING_MIGRATED,
                                 GVIR_DRIVER_RUNNING_RESTORED, GVIR_DRIVER_RUNNING_FROM_SNAPSHOT,
                                 GVIR_DRIVER_RUNNING_WAKEUP };
  static const int suspended[] = { GVIR_DRIVER_PAUSED_USER, GVIR_DRIVER_PAUSED_MIGRATION,
                                   GVIR_DRIVER_PAUSED_IOERROR, GVIR_DRIVER_PAUSED_WATCHDOG,
                                   0 /* restored */, GVIR_DRIVER_PAUSED_FROM_SNAPSHOT,
                                   0 /* API error */, GVIR_DRIVER_PAUSED_POSTCOPY,
                                   GVIR_DRIVER_PAUSED_POSTCOPY_FAILED };
  static const int resumed[] = { GVIR_DRIVER_RUNNING_UNPAUSED, GVIR_DRIVER_RUNNING_MIGRATED,
                                 GVIR_DRIVER_RUNNING_FROM_SNAPSHOT, GVIR_DRIVER_RUNNING_POSTCOPY,
                                 GVIR_DRIVER_RUNNING_POSTCOPY_FAILED };
  static const int stopped[] = { GVIR_DRIVER_SHUTOFF_SHUTDOWN, GVIR_DRIVER_SHUTOFF_DESTROYED,
                                 GVIR_DRIVER_SHUTOFF_CRASHED, GVIR_DRIVER_SHUTOFF_MIGRATED,
                                 GVIR_DRIVER_SHUTOFF_SAVED, GVIR_DRIVER_SHUTOFF_FAILED,
                                 GVIR_DRIVER_SHUTOFF_FROM_SNAPSHOT };
#define REASON(table) (detail >= 0 && detail < (int) G_N_ELEMENTS (table) ? table[detail] : 0)

  switch (event)
    {
    case GVIR_DRIVER_EVENT_STARTED:
      *state = GVIR_DRIVER_STATE_RUNNING;
      *reason = REASON (started);
      return TRUE;
    case GVIR_DRIVER_EVENT_SUSPENDED:
      *state = GVIR_DRIVER_STATE_PAUSED;
      *reason = REASON (suspended);
      return TRUE;
    case GVIR_DRIVER_EVENT_RESUMED:
      *state = GVIR_DRIVER_STATE_RUNNING;
      *reason = REASON (resumed);
      return TRUE;
    case GVIR_DRIVER_EVENT_STOPPED:
      *state = GVIR_DRIVER_STATE_SHUTOFF;
      *reason = REASON (stopped);
      return TRUE;
    case GVIR_DRIVER_EVENT_SHUTDOWN:
      /* The guest shut down and the domain is on its way off. */
      *state = GVIR_DRIVER_STATE_SHUTDOWN;
      *reason = GVIR_DRIVER_SHUTDOWN_USER;
      return TRUE;
    case GVIR_DRIVER_EVENT_PMSUSPENDED:
      *state = GVIR_DRIVER_STATE_PMSUSPENDED;
      *reason = 0;
      return TRUE;
    case GVIR_DRIVER_EVENT_CRASHED:
      /* A guest that loaded its crash kernel keeps running. */
      if (detail == GVIR_DRIVER_CRASHED_EVENT_CRASHLOADED)
        {
          *state = GVIR_DRIVER_STATE_RUNNING;
          *reason = GVIR_DRIVER_RUNNING_CRASHED;
          return TRUE;
        }
      *state = GVIR_DRIVER_STATE_CRASHED;
      *reason = detail == GVIR_DRIVER_CRASHED_EVENT_PANICKED ? GVIR_DRIVER_CRASHED_PANICKED : 0;
      return TRUE;
    default:
      return FALSE;
    }
#undef REASON
}

/* Runs in the event thread: may call the server, unlike the reader. */
static void
deliver_lifecycle (RemoteHandle *h,
                   RemoteEvent  *ev)
{
  GVirDriverDomain domain = { 0 };
  g_autofree char *uuid = gvir_rpc_uuid_format (ev->dom.uuid);
  GVirDriverEvent event = {
    .kind = GVIR_DRIVER_EVENT_DOMAIN_LIFECYCLE,
    .domain = &domain,
    .event = ev->event,
    .detail = ev->detail,
  };
  gint32 value;

  domain.name = ev->dom.name;
  domain.uuid = uuid;
  domain.id = ev->dom.id;

  /* A domain that is gone can be asked nothing: it was not persistent
   * any more, and its state follows from the event or its id. */
  if (ev->event != GVIR_DRIVER_EVENT_UNDEFINED)
    {
      if (domain_query_int (h, GVIR_RPC_PROC_DOMAIN_IS_PERSISTENT, &ev->dom, FALSE, &value,
                            NULL, NULL))
        domain.persistent = value != 0;
      if (domain_query_int (h, GVIR_RPC_PROC_DOMAIN_HAS_MANAGED_SAVE_IMAGE, &ev->dom, TRUE,
                            &value, NULL, NULL))
        domain.has_managed_save = value != 0;
    }
  /* The state comes from the event, never from a query: by the time we
   * could ask, later changes may already have happened. Events that imply
   * no state (defined, undefined) carry the id of that moment. */
  if (!state_after_event (ev->event, ev->detail, &domain.state, &domain.reason))
    {
      domain.state = ev->dom.id >= 0 ? GVIR_DRIVER_STATE_RUNNING : GVIR_DRIVER_STATE_SHUTOFF;
      domain.reason = 0;
    }

  gvir_driver_connection_emit_event (h->conn, &event);
}

static void
event_thread_func (gpointer data,
                   gpointer user_data)
{
  RemoteEvent *ev = data;
  RemoteHandle *h = user_data;

  if (ev->kind == GVIR_DRIVER_EVENT_DOMAIN_LIFECYCLE)
    deliver_lifecycle (h, ev);
  else
    {
      GVirDriverEvent event = {
        .kind = GVIR_DRIVER_EVENT_CONNECTION_CLOSED,
        .close_reason = ev->close_reason,
      };

      gvir_driver_connection_emit_event (h->conn, &event);
    }
  remote_event_free (ev);
}

static void
queue_close_event (RemoteHandle *h,
                   int           reason)
{
  RemoteEvent *ev = g_new0 (RemoteEvent, 1);

  ev->kind = GVIR_DRIVER_EVENT_CONNECTION_CLOSED;
  ev->close_reason = reason;
  g_thread_pool_push (h->events, ev, NULL);
}

/* Reader thread: decode, then hand over to the event thread. */
static void
on_rpc_event (GVirRpcClient       *client,
              const GVirRpcHeader *header,
              const guint8        *payload,
              gsize                len,
              gpointer             user_data)
{
  RemoteHandle *h = user_data;
  g_autoptr(GError) error = NULL;
  GVirXdrReader reader;
  GVirRpcLifecycleEvent msg;
  RemoteEvent *ev;
  gboolean with_id;
  gint32 reason;

  gvir_xdr_reader_init (&reader, payload, len);
  switch (header->proc)
    {
    case GVIR_RPC_PROC_DOMAIN_EVENT_CALLBACK_LIFECYCLE:
    case GVIR_RPC_PROC_DOMAIN_EVENT_LIFECYCLE:
      with_id = header->proc == GVIR_RPC_PROC_DOMAIN_EVENT_CALLBACK_LIFECYCLE;
      if (!gvir_rpc_get_lifecycle_event (&reader, &msg, with_id, &error))
        {
          g_warning ("ignoring a malformed lifecycle event: %s", error->message);
          return;
        }
      if (with_id && msg.callback_id != h->callback_id)
        {
          gvir_rpc_domain_clear (&msg.dom);
          return;
        }
      remember_name (h, &msg.dom);
      ev = g_new0 (RemoteEvent, 1);
      ev->kind = GVIR_DRIVER_EVENT_DOMAIN_LIFECYCLE;
      ev->dom = msg.dom;
      ev->event = msg.event;
      ev->detail = msg.detail;
      g_thread_pool_push (h->events, ev, NULL);
      return;
    case GVIR_RPC_PROC_CONNECT_EVENT_CONNECTION_CLOSED:
      if (gvir_xdr_get_i32 (&reader, &reason, NULL))
        queue_close_event (h, reason);
      return;
    default:
      /* Events we never registered for: nothing to do. */
      return;
    }
}

static void
on_rpc_close (GVirRpcClient *client,
              int            reason,
              const GError  *error,
              gpointer       user_data)
{
  RemoteHandle *h = user_data;

  /* A failure during open() is reported by open() itself. */
  if (g_atomic_int_get (&h->opened))
    queue_close_event (h, reason);
}

/* ---- open and close ------------------------------------------------------- */

static gboolean
authenticate (RemoteHandle  *h,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GBytes) reply = NULL;
  GVirXdrReader reader;
  guint32 n, i;
  gint32 type = GVIR_RPC_AUTH_NONE;
  gint32 complete;

  if (!remote_call (h, GVIR_RPC_PROC_AUTH_LIST, NULL, &reply, cancellable, error))
    return FALSE;
  reply_reader (reply, &reader);
  if (!gvir_xdr_get_array_count (&reader, GVIR_RPC_AUTH_TYPE_LIST_MAX, 4, &n, error))
    return FALSE;
  /* The server lists the one type its socket uses; take the first. */
  for (i = 0; i < n; i++)
    {
      gint32 t;

      if (!gvir_xdr_get_i32 (&reader, &t, error))
        return FALSE;
      if (i == 0)
        type = t;
    }
  if (!gvir_xdr_reader_finish (&reader, "reply", error))
    return FALSE;

  switch (type)
    {
    case GVIR_RPC_AUTH_NONE:
      return TRUE;
    case GVIR_RPC_AUTH_POLKIT:
      return remote_call_int (h, GVIR_RPC_PROC_AUTH_POLKIT, NULL, &complete, cancellable, error);
    case GVIR_RPC_AUTH_SASL:
      g_set_error_literal (error, GVIR_ERROR, GVIR_ERROR_AUTH_FAILED,
                           "the server requires SASL authentication, which is not supported; "
                           "configure it with auth_tcp/auth_unix_rw \"none\" or use TLS");
      return FALSE;
    default:
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_AUTH_FAILED,
                   "the server requires unknown authentication type %d", type);
      return FALSE;
    }
}

static gboolean
connect_open (RemoteHandle         *h,
              const GVirDriverUri  *uri,
              gboolean              read_only,
              GCancellable         *cancellable,
              GError              **error)
{
  g_autoptr(GByteArray) args = g_byte_array_new ();
  g_autofree char *name = gvir_remote_uri_open_name (uri);

  gvir_xdr_put_opt_string (args, name);
  gvir_xdr_put_u32 (args, read_only ? GVIR_RPC_OPEN_RO : 0);
  return remote_call_void (h, GVIR_RPC_PROC_CONNECT_OPEN, args, cancellable, error);
}

static gboolean
register_events (RemoteHandle  *h,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GByteArray) args = g_byte_array_new ();

  if (!remote_supports_feature (h, GVIR_RPC_FEATURE_REMOTE_EVENT_CALLBACK, &h->callback_events,
                                cancellable, error))
    return FALSE;

  if (!h->callback_events)
    {
      if (!remote_call_void (h, GVIR_RPC_PROC_CONNECT_DOMAIN_EVENT_REGISTER, NULL,
                             cancellable, error))
        return FALSE;
      h->legacy_events = TRUE;
      return TRUE;
    }

  gvir_xdr_put_i32 (args, REMOTE_EVENT_ID_LIFECYCLE);
  gvir_xdr_put_bool (args, FALSE);   /* no domain filter */
  return remote_call_int (h, GVIR_RPC_PROC_CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY, args,
                          &h->callback_id, cancellable, error);
}

static gboolean
register_close_callback (RemoteHandle  *h,
                         GCancellable  *cancellable,
                         GError       **error)
{
  gboolean supported;

  if (!remote_supports_feature (h, GVIR_RPC_FEATURE_REMOTE_CLOSE_CALLBACK, &supported,
                                cancellable, error))
    return FALSE;
  if (!supported)
    return TRUE;
  if (!remote_call_void (h, GVIR_RPC_PROC_CONNECT_REGISTER_CLOSE_CALLBACK, NULL,
                         cancellable, error))
    return FALSE;
  h->close_callback = TRUE;
  return TRUE;
}

static void remote_close (gpointer data);
static gboolean remote_get_domain_state (gpointer data, const char *uuid, int *state,
                                         int *reason, GCancellable *cancellable,
                                         GError **error);

static gpointer
remote_open (GVirDriverConnection  *conn,
             GCancellable          *cancellable,
             GError               **error)
{
  const GVirDriverUri *uri = gvir_driver_connection_get_uri (conn);
  gboolean read_only = gvir_driver_connection_is_read_only (conn);
  GVirRpcTransport *transport;
  RemoteHandle *h;
  gboolean keepalive = FALSE;

  transport = connect_transport (uri, read_only, cancellable, error);
  if (transport == NULL)
    return NULL;

  h = g_new0 (RemoteHandle, 1);
  h->conn = conn;
  h->callback_id = -1;
  g_mutex_init (&h->lock);
  h->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  h->events = g_thread_pool_new (event_thread_func, h, 1, FALSE, NULL);
  h->client = gvir_rpc_client_new (transport);
  gvir_rpc_client_set_event_func (h->client, on_rpc_event, h);
  gvir_rpc_client_set_close_func (h->client, on_rpc_close, h);
  gvir_rpc_client_start (h->client);

  /* libvirt's order: authenticate, ask for keepalive, open, then events. */
  if (!authenticate (h, cancellable, error) ||
      !remote_supports_feature (h, GVIR_RPC_FEATURE_PROGRAM_KEEPALIVE, &keepalive,
                                cancellable, error))
    goto fail;
  if (keepalive)
    gvir_rpc_client_set_keepalive (h->client, REMOTE_KEEPALIVE_INTERVAL, REMOTE_KEEPALIVE_COUNT);
  if (!connect_open (h, uri, read_only, cancellable, error))
    {
      g_prefix_error (error, "cannot open '%s' on the server: ", uri->original);
      goto fail;
    }
  if (!register_events (h, cancellable, error) ||
      !register_close_callback (h, cancellable, error))
    goto fail;
  g_atomic_int_set (&h->opened, 1);
  return h;

fail:
  remote_close (h);
  return NULL;
}

/* Best effort: the server forgets everything when the stream ends anyway. */
static void
unregister_all (RemoteHandle *h)
{
  g_autoptr(GByteArray) args = g_byte_array_new ();

  if (!gvir_rpc_client_is_open (h->client))
    return;
  if (h->close_callback)
    remote_call_void (h, GVIR_RPC_PROC_CONNECT_UNREGISTER_CLOSE_CALLBACK, NULL, NULL, NULL);
  if (h->callback_id >= 0)
    {
      gvir_xdr_put_i32 (args, h->callback_id);
      remote_call_void (h, GVIR_RPC_PROC_CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY, args,
                        NULL, NULL);
    }
  if (h->legacy_events)
    remote_call_void (h, GVIR_RPC_PROC_CONNECT_DOMAIN_EVENT_DEREGISTER, NULL, NULL, NULL);
  remote_call_void (h, GVIR_RPC_PROC_CONNECT_CLOSE, NULL, NULL, NULL);
}

static void
remote_close (gpointer data)
{
  RemoteHandle *h = data;

  unregister_all (h);
  /* The reader stops first, so nothing is queued after the pool drains. */
  gvir_rpc_client_close (h->client);
  g_thread_pool_free (h->events, FALSE, TRUE);
  gvir_rpc_client_free (h->client);
  g_hash_table_destroy (h->names);
  g_mutex_clear (&h->lock);
  g_free (h);
}

/* ---- host ----------------------------------------------------------------- */

static char *
remote_get_type (gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  return remote_call_string (data, GVIR_RPC_PROC_CONNECT_GET_TYPE, NULL, cancellable, error);
}

static gboolean
remote_get_version (gpointer       data,
                    gulong        *version,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GBytes) reply = NULL;
  GVirXdrReader reader;
  guint64 v;

  if (!remote_call (data, GVIR_RPC_PROC_CONNECT_GET_VERSION, NULL, &reply, cancellable, error))
    return FALSE;
  reply_reader (reply, &reader);
  if (!gvir_xdr_get_u64 (&reader, &v, error) ||
      !gvir_xdr_reader_finish (&reader, "reply", error))
    return FALSE;
  *version = (gulong) v;
  return TRUE;
}

static char *
remote_get_hostname (gpointer       data,
                     GCancellable  *cancellable,
                     GError       **error)
{
  return remote_call_string (data, GVIR_RPC_PROC_CONNECT_GET_HOSTNAME, NULL, cancellable, error);
}

static gboolean
remote_get_node_info (gpointer             data,
                      GVirDriverNodeInfo  *info,
                      GCancellable        *cancellable,
                      GError             **error)
{
  g_autoptr(GBytes) reply = NULL;
  GVirXdrReader reader;
  GVirRpcNodeInfo ni;

  if (!remote_call (data, GVIR_RPC_PROC_NODE_GET_INFO, NULL, &reply, cancellable, error))
    return FALSE;
  reply_reader (reply, &reader);
  if (!gvir_rpc_get_node_info (&reader, &ni, error) ||
      !gvir_xdr_reader_finish (&reader, "reply", error))
    return FALSE;

  memset (info, 0, sizeof *info);
  info->model = g_strdup (ni.model);
  info->memory_kib = ni.memory_kib;
  info->cpus = MAX (ni.cpus, 0);
  info->mhz = MAX (ni.mhz, 0);
  info->nodes = MAX (ni.nodes, 0);
  info->sockets = MAX (ni.sockets, 0);
  info->cores = MAX (ni.cores, 0);
  info->threads = MAX (ni.threads, 0);
  return TRUE;
}

static char *
remote_get_capabilities (gpointer       data,
                         GCancellable  *cancellable,
                         GError       **error)
{
  return remote_call_string (data, GVIR_RPC_PROC_CONNECT_GET_CAPABILITIES, NULL,
                             cancellable, error);
}

static char *
remote_get_domain_capabilities (gpointer       data,
                                const char    *emulatorbin,
                                const char    *arch,
                                const char    *machine,
                                const char    *virttype,
                                guint          flags,
                                GCancellable  *cancellable,
                                GError       **error)
{
  g_autoptr(GByteArray) args = g_byte_array_new ();

  gvir_xdr_put_opt_string (args, emulatorbin);
  gvir_xdr_put_opt_string (args, arch);
  gvir_xdr_put_opt_string (args, machine);
  gvir_xdr_put_opt_string (args, virttype);
  gvir_xdr_put_u32 (args, flags);
  return remote_call_string (data, GVIR_RPC_PROC_CONNECT_GET_DOMAIN_CAPABILITIES, args,
                             cancellable, error);
}

static GArray *
remote_get_cells_free_memory (gpointer       data,
                              int            start_cell,
                              int            max_cells,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(GByteArray) args = g_byte_array_new ();
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(GArray) cells = NULL;
  GVirXdrReader reader;

  gvir_xdr_put_i32 (args, start_cell);
  gvir_xdr_put_i32 (args, max_cells);
  if (!remote_call (data, GVIR_RPC_PROC_NODE_GET_CELLS_FREE_MEMORY, args, &reply,
                    cancellable, &local))
    {
      /* libvirt calls a range beyond the host's cells an invalid argument;
       * our contract calls it "not found". */
      if (g_error_matches (local, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT))
        local->code = GVIR_ERROR_NOT_FOUND;
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  reply_reader (reply, &reader);
  if (!gvir_rpc_get_u64_array (&reader, GVIR_RPC_NODE_MAX_CELLS, &cells, error) ||
      !gvir_xdr_reader_finish (&reader, "reply", error))
    return NULL;
  return g_steal_pointer (&cells);
}

/* ---- domain lists and lookups --------------------------------------------- */

static GPtrArray *
remote_list_domains (gpointer       data,
                     GCancellable  *cancellable,
                     GError       **error)
{
  RemoteHandle *h = data;
  g_autoptr(GByteArray) args = g_byte_array_new ();
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(GArray) doms = NULL;
  g_autoptr(GPtrArray) out = NULL;
  GVirXdrReader reader;
  guint32 ret, i;

  gvir_xdr_put_i32 (args, 1);   /* need_results */
  gvir_xdr_put_u32 (args, 0);   /* flags: all domains */
  if (!remote_call (h, GVIR_RPC_PROC_CONNECT_LIST_ALL_DOMAINS, args, &reply, cancellable, error))
    return NULL;
  reply_reader (reply, &reader);
  if (!gvir_rpc_get_domain_list (&reader, &doms, &ret, error) ||
      !gvir_xdr_reader_finish (&reader, "reply", error))
    return NULL;

  out = g_ptr_array_new_with_free_func ((GDestroyNotify) gvir_driver_domain_free);
  for (i = 0; i < doms->len; i++)
    {
      g_autoptr(GError) local = NULL;
      GVirDriverDomain *d = describe_domain (h, &g_array_index (doms, GVirRpcDomain, i),
                                             cancellable, &local);

      /* A domain undefined between the list and the query is skipped. */
      if (d == NULL && g_error_matches (local, GVIR_ERROR, GVIR_ERROR_NOT_FOUND))
        continue;
      if (d == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      g_ptr_array_add (out, d);
    }
  return g_steal_pointer (&out);
}

static GVirDriverDomain *
remote_lookup_domain_by_uuid (gpointer       data,
                              const char    *uuid,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(GByteArray) args = g_byte_array_new ();
  guint8 raw[GVIR_RPC_UUID_LEN];

  if (uuid == NULL || !gvir_rpc_uuid_parse (uuid, raw))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                   "invalid domain UUID '%s'", uuid ? uuid : "(null)");
      return NULL;
    }
  gvir_xdr_put_opaque_fixed (args, raw, sizeof raw);
  return remote_call_domain (data, GVIR_RPC_PROC_DOMAIN_LOOKUP_BY_UUID, args, cancellable, error);
}

static GVirDriverDomain *
remote_lookup_domain_by_name (gpointer       data,
                              const char    *name,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(GByteArray) args = g_byte_array_new ();

  gvir_xdr_put_string (args, name);
  return remote_call_domain (data, GVIR_RPC_PROC_DOMAIN_LOOKUP_BY_NAME, args, cancellable, error);
}

static GVirDriverDomain *
remote_lookup_domain_by_id (gpointer       data,
                            int            id,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GByteArray) args = g_byte_array_new ();

  gvir_xdr_put_i32 (args, id);
  return remote_call_domain (data, GVIR_RPC_PROC_DOMAIN_LOOKUP_BY_ID, args, cancellable, error);
}

/* ---- state changes -------------------------------------------------------- */

static GVirDriverDomain *
remote_define_domain (gpointer       data,
                      const char    *xml,
                      guint          flags,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GByteArray) args = g_byte_array_new ();

  gvir_xdr_put_string (args, xml);
  if (flags == 0)
    return remote_call_domain (data, GVIR_RPC_PROC_DOMAIN_DEFINE_XML, args, cancellable, error);
  gvir_xdr_put_u32 (args, flags);
  return remote_call_domain (data, GVIR_RPC_PROC_DOMAIN_DEFINE_XML_FLAGS, args,
                             cancellable, error);
}

static GVirDriverDomain *
remote_create_domain (gpointer       data,
                      const char    *xml,
                      guint          flags,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GByteArray) args = g_byte_array_new ();

  gvir_xdr_put_string (args, xml);
  gvir_xdr_put_u32 (args, flags);
  return remote_call_domain (data, GVIR_RPC_PROC_DOMAIN_CREATE_XML, args, cancellable, error);
}

/* A call on one domain with optional trailing flags and an ignored reply. */
static gboolean
domain_action (RemoteHandle  *h,
               gint32         proc,
               const char    *uuid,
               gboolean       with_flags,
               guint          flags,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GByteArray) args = domain_args (h, uuid, cancellable, error);

  if (args == NULL)
    return FALSE;
  if (with_flags)
    gvir_xdr_put_u32 (args, flags);
  return remote_call (h, proc, args, NULL, cancellable, error);
}

static gboolean
remote_undefine_domain (gpointer       data,
                        const char    *uuid,
                        guint          flags,
                        GCancellable  *cancellable,
                        GError       **error)
{
  return domain_action (data, GVIR_RPC_PROC_DOMAIN_UNDEFINE_FLAGS, uuid, TRUE, flags,
                        cancellable, error);
}

static gboolean
remote_start_domain (gpointer       data,
                     const char    *uuid,
                     guint          flags,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GError) local = NULL;
  int state, reason;

  if (domain_action (data, GVIR_RPC_PROC_DOMAIN_CREATE_WITH_FLAGS, uuid, TRUE, flags,
                     cancellable, &local))
    return TRUE;

  /* Some libvirt drivers report starting a running domain as an internal
   * error; it is an operation invalid in the domain's state. */
  if (g_error_matches (local, GVIR_ERROR, GVIR_ERROR_FAILED) &&
      remote_get_domain_state (data, uuid, &state, &reason, cancellable, NULL) &&
      state != GVIR_DRIVER_STATE_SHUTOFF)
    local->code = GVIR_ERROR_OPERATION_INVALID;
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

static gboolean
remote_destroy_domain (gpointer       data,
                       const char    *uuid,
                       guint          flags,
                       GCancellable  *cancellable,
                       GError       **error)
{
  if (flags == 0)
    return domain_action (data, GVIR_RPC_PROC_DOMAIN_DESTROY, uuid, FALSE, 0, cancellable, error);
  return domain_action (data, GVIR_RPC_PROC_DOMAIN_DESTROY_FLAGS, uuid, TRUE, flags,
                        cancellable, error);
}

static gboolean
remote_shutdown_domain (gpointer       data,
                        const char    *uuid,
                        guint          flags,
                        GCancellable  *cancellable,
                        GError       **error)
{
  if (flags == 0)
    return domain_action (data, GVIR_RPC_PROC_DOMAIN_SHUTDOWN, uuid, FALSE, 0, cancellable, error);
  return domain_action (data, GVIR_RPC_PROC_DOMAIN_SHUTDOWN_FLAGS, uuid, TRUE, flags,
                        cancellable, error);
}

static gboolean
remote_reboot_domain (gpointer       data,
                      const char    *uuid,
                      guint          flags,
                      GCancellable  *cancellable,
                      GError       **error)
{
  return domain_action (data, GVIR_RPC_PROC_DOMAIN_REBOOT, uuid, TRUE, flags, cancellable, error);
}

static gboolean
remote_suspend_domain (gpointer       data,
                       const char    *uuid,
                       GCancellable  *cancellable,
                       GError       **error)
{
  return domain_action (data, GVIR_RPC_PROC_DOMAIN_SUSPEND, uuid, FALSE, 0, cancellable, error);
}

static gboolean
remote_resume_domain (gpointer       data,
                      const char    *uuid,
                      GCancellable  *cancellable,
                      GError       **error)
{
  return domain_action (data, GVIR_RPC_PROC_DOMAIN_RESUME, uuid, FALSE, 0, cancellable, error);
}

static gboolean
remote_managed_save_domain (gpointer       data,
                            const char    *uuid,
                            guint          flags,
                            GCancellable  *cancellable,
                            GError       **error)
{
  return domain_action (data, GVIR_RPC_PROC_DOMAIN_MANAGED_SAVE, uuid, TRUE, flags,
                        cancellable, error);
}

static gboolean
remote_save_domain_to_file (gpointer       data,
                            const char    *uuid,
                            const char    *path,
                            const char    *custom_xml,
                            guint          flags,
                            GCancellable  *cancellable,
                            GError       **error)
{
  RemoteHandle *h = data;
  g_autoptr(GByteArray) args = domain_args (h, uuid, cancellable, error);

  if (args == NULL)
    return FALSE;
  gvir_xdr_put_string (args, path);
  gvir_xdr_put_opt_string (args, custom_xml);
  gvir_xdr_put_u32 (args, flags);
  return remote_call (h, GVIR_RPC_PROC_DOMAIN_SAVE_FLAGS, args, NULL, cancellable, error);
}

/* The UUID of a domain XML description, by text: libvirt writes
 * <uuid>...</uuid> once, at the top level of <domain>. */
static gboolean
uuid_from_xml (const char *xml,
               guint8      uuid[GVIR_RPC_UUID_LEN])
{
  const char *start = strstr (xml, "<uuid>");
  const char *end;
  g_autofree char *text = NULL;

  if (start == NULL)
    return FALSE;
  start += strlen ("<uuid>");
  end = strstr (start, "</uuid>");
  if (end == NULL)
    return FALSE;
  text = g_strstrip (g_strndup (start, end - start));
  return gvir_rpc_uuid_parse (text, uuid);
}

static GVirDriverDomain *
remote_restore_domain_from_file (gpointer       data,
                                 const char    *path,
                                 const char    *custom_xml,
                                 guint          flags,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  RemoteHandle *h = data;
  g_autoptr(GByteArray) image_args = g_byte_array_new ();
  g_autoptr(GByteArray) args = g_byte_array_new ();
  g_autofree char *xml = NULL;
  guint8 uuid[GVIR_RPC_UUID_LEN];
  GVirRpcDomain dom;
  GVirDriverDomain *out;

  /* RESTORE replies with nothing: learn which domain it is beforehand. */
  gvir_xdr_put_string (image_args, path);
  gvir_xdr_put_u32 (image_args, 0);
  xml = remote_call_string (h, GVIR_RPC_PROC_DOMAIN_SAVE_IMAGE_GET_XML_DESC, image_args,
                            cancellable, error);
  if (xml == NULL)
    return NULL;
  if (!uuid_from_xml (custom_xml != NULL ? custom_xml : xml, uuid))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML,
                   "the saved image '%s' describes no domain UUID", path);
      return NULL;
    }

  gvir_xdr_put_string (args, path);
  gvir_xdr_put_opt_string (args, custom_xml);
  gvir_xdr_put_u32 (args, flags);
  if (!remote_call_void (h, GVIR_RPC_PROC_DOMAIN_RESTORE_FLAGS, args, cancellable, error) ||
      !lookup_by_uuid_raw (h, uuid, &dom, cancellable, error))
    return NULL;
  out = describe_domain (h, &dom, cancellable, error);
  gvir_rpc_domain_clear (&dom);
  return out;
}

/* ---- domain queries ------------------------------------------------------- */

static gboolean
remote_get_domain_info (gpointer               data,
                        const char            *uuid,
                        GVirDriverDomainInfo  *info,
                        GCancellable          *cancellable,
                        GError               **error)
{
  RemoteHandle *h = data;
  g_autoptr(GByteArray) args = NULL;
  g_autoptr(GBytes) reply = NULL;
  GVirRpcDomain dom;

  if (!domain_ref (h, uuid, &dom, cancellable, error))
    return FALSE;
  args = domain_query_args (GVIR_RPC_PROC_DOMAIN_GET_INFO, &dom);
  gvir_rpc_domain_clear (&dom);
  return remote_call (h, GVIR_RPC_PROC_DOMAIN_GET_INFO, args, &reply, cancellable, error) &&
         decode_info_reply (reply, info, error);
}

static gboolean
remote_get_domain_state (gpointer       data,
                         const char    *uuid,
                         int           *state,
                         int           *reason,
                         GCancellable  *cancellable,
                         GError       **error)
{
  RemoteHandle *h = data;
  GVirRpcDomain dom;
  int s, r;
  gboolean ok;

  if (!domain_ref (h, uuid, &dom, cancellable, error))
    return FALSE;
  ok = domain_get_state_raw (h, &dom, &s, &r, cancellable, error);
  gvir_rpc_domain_clear (&dom);
  if (!ok)
    return FALSE;
  if (state != NULL)
    *state = s;
  if (reason != NULL)
    *reason = r;
  return TRUE;
}

/* ---- non-blocking domain queries ------------------------------------------ */

/* One GET_INFO or GET_STATE call in flight. Its replies arrive in the RPC
 * reader thread, where the driver's callback runs; no other thread waits. */
typedef struct
{
  RemoteHandle *h;            /* kept open by the dispatch layer until we answer */
  gint32 proc;
  GVirDriverDomainInfoFunc info_done;   /* exactly one of the two is set */
  GVirDriverDomainStateFunc state_done;
  gpointer user_data;
} RemoteQuery;

static void
remote_query_answer (RemoteQuery  *q,
                     GBytes       *reply,
                     const GError *error)
{
  g_autoptr(GError) local = NULL;

  if (q->info_done != NULL)
    {
      GVirDriverDomainInfo info = { 0 };

      if (error == NULL && !decode_info_reply (reply, &info, &local))
        error = local;
      q->info_done (error == NULL ? &info : NULL, error, q->user_data);
    }
  else
    {
      int state = GVIR_DRIVER_STATE_NOSTATE, reason = 0;

      if (error == NULL && !decode_state_reply (reply, &state, &reason, &local))
        error = local;
      q->state_done (error == NULL ? state : GVIR_DRIVER_STATE_NOSTATE,
                     error == NULL ? reason : 0, error, q->user_data);
    }
  g_free (q);
}

static void
remote_query_reply (GBytes       *reply,
                    const GError *error,
                    gpointer      data)
{
  remote_query_answer (data, reply, error);
}

/* Sends the query itself; clears @dom. */
static void
remote_query_send (RemoteQuery   *q,
                   GVirRpcDomain *dom)
{
  g_autoptr(GByteArray) args = domain_query_args (q->proc, dom);

  gvir_rpc_domain_clear (dom);
  gvir_rpc_client_call_async (q->h->client, GVIR_RPC_REMOTE_PROGRAM, q->proc, args,
                              remote_query_reply, q);
}

/* The name of the domain was unknown: it is now, or the query fails the
 * way the blocking form would. Sending from the reader thread is fine: the
 * asynchronous call only writes one small packet. */
static void
remote_query_lookup_reply (GBytes       *reply,
                           const GError *error,
                           gpointer      data)
{
  RemoteQuery *q = data;
  g_autoptr(GError) local = NULL;
  GVirRpcDomain dom;

  if (error == NULL && get_domain_reply (reply, &dom, &local))
    {
      remember_name (q->h, &dom);
      remote_query_send (q, &dom);
      return;
    }
  remote_query_answer (q, NULL, error != NULL ? error : local);
}

static void
remote_query_start (RemoteQuery *q,
                    const char  *uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GByteArray) args = NULL;
  GVirRpcDomain dom;

  if (!domain_ref_from_cache (q->h, uuid, &dom, &error))
    {
      remote_query_answer (q, NULL, error);
      return;
    }
  if (dom.name != NULL)
    {
      remote_query_send (q, &dom);
      return;
    }
  args = g_byte_array_new ();
  gvir_xdr_put_opaque_fixed (args, dom.uuid, GVIR_RPC_UUID_LEN);
  gvir_rpc_domain_clear (&dom);
  gvir_rpc_client_call_async (q->h->client, GVIR_RPC_REMOTE_PROGRAM,
                              GVIR_RPC_PROC_DOMAIN_LOOKUP_BY_UUID, args,
                              remote_query_lookup_reply, q);
}

/* The RPC layer cannot take back a call that was sent, so @cancellable is
 * left to the dispatch layer, which answers a cancelled caller at once. */
static void
remote_get_domain_info_async (gpointer                  data,
                              const char               *uuid,
                              GCancellable             *cancellable,
                              GVirDriverDomainInfoFunc  done,
                              gpointer                  user_data)
{
  RemoteQuery *q = g_new0 (RemoteQuery, 1);

  q->h = data;
  q->proc = GVIR_RPC_PROC_DOMAIN_GET_INFO;
  q->info_done = done;
  q->user_data = user_data;
  remote_query_start (q, uuid);
}

static void
remote_get_domain_state_async (gpointer                   data,
                               const char                *uuid,
                               GCancellable              *cancellable,
                               GVirDriverDomainStateFunc  done,
                               gpointer                   user_data)
{
  RemoteQuery *q = g_new0 (RemoteQuery, 1);

  q->h = data;
  q->proc = GVIR_RPC_PROC_DOMAIN_GET_STATE;
  q->state_done = done;
  q->user_data = user_data;
  remote_query_start (q, uuid);
}

static char *
remote_get_domain_xml (gpointer       data,
                       const char    *uuid,
                       guint          flags,
                       GCancellable  *cancellable,
                       GError       **error)
{
  RemoteHandle *h = data;
  g_autoptr(GByteArray) args = domain_args (h, uuid, cancellable, error);

  if (args == NULL)
    return NULL;
  gvir_xdr_put_u32 (args, flags);
  return remote_call_string (h, GVIR_RPC_PROC_DOMAIN_GET_XML_DESC, args, cancellable, error);
}

static gboolean
remote_get_numa_parameters (gpointer       data,
                            const char    *uuid,
                            guint          flags,
                            int           *mode,
                            char         **nodeset,
                            GCancellable  *cancellable,
                            GError       **error)
{
  RemoteHandle *h = data;
  g_autoptr(GByteArray) args = domain_args (h, uuid, cancellable, error);
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(GArray) params = NULL;
  GVirXdrReader reader;
  gint32 nparams;
  guint i;

  if (args == NULL)
    return FALSE;
  gvir_xdr_put_i32 (args, GVIR_RPC_NUMA_PARAMETERS_MAX);
  gvir_xdr_put_u32 (args, flags | REMOTE_TYPED_PARAM_STRING_OKAY);
  if (!remote_call (h, GVIR_RPC_PROC_DOMAIN_GET_NUMA_PARAMETERS, args, &reply, cancellable, error))
    return FALSE;
  reply_reader (reply, &reader);
  if (!gvir_rpc_get_typed_params (&reader, GVIR_RPC_NUMA_PARAMETERS_MAX, &params, error) ||
      !gvir_xdr_get_i32 (&reader, &nparams, error) ||
      !gvir_xdr_reader_finish (&reader, "reply", error))
    return FALSE;

  if (mode != NULL)
    *mode = 0;
  if (nodeset != NULL)
    *nodeset = g_strdup ("");
  for (i = 0; i < params->len; i++)
    {
      const GVirRpcTypedParam *p = &g_array_index (params, GVirRpcTypedParam, i);

      if (g_str_equal (p->field, "numa_mode") && p->type == GVIR_RPC_PARAM_INT && mode != NULL)
        *mode = p->value.i;
      else if (g_str_equal (p->field, "numa_nodeset") && p->type == GVIR_RPC_PARAM_STRING &&
               nodeset != NULL)
        {
          g_free (*nodeset);
          *nodeset = g_strdup (p->value.s);
        }
    }
  return TRUE;
}

static gboolean
remote_set_numa_parameters (gpointer       data,
                            const char    *uuid,
                            int            mode,
                            const char    *nodeset,
                            guint          flags,
                            GCancellable  *cancellable,
                            GError       **error)
{
  RemoteHandle *h = data;
  g_autoptr(GByteArray) args = domain_args (h, uuid, cancellable, error);
  GVirRpcTypedParam params[2];
  guint n = 0;

  if (args == NULL)
    return FALSE;
  memset (params, 0, sizeof params);
  if (mode >= 0)
    {
      params[n].field = (char *) "numa_mode";
      params[n].type = GVIR_RPC_PARAM_INT;
      params[n].value.i = mode;
      n++;
    }
  if (nodeset != NULL)
    {
      params[n].field = (char *) "numa_nodeset";
      params[n].type = GVIR_RPC_PARAM_STRING;
      params[n].value.s = (char *) nodeset;
      n++;
    }
  gvir_rpc_put_typed_params (args, params, n);
  gvir_xdr_put_u32 (args, flags);
  return remote_call_void (h, GVIR_RPC_PROC_DOMAIN_SET_NUMA_PARAMETERS, args, cancellable, error);
}

static const GVirDriverDomainFuncs remote_domain_funcs = {
  .list_domains = remote_list_domains,
  .lookup_domain_by_uuid = remote_lookup_domain_by_uuid,
  .lookup_domain_by_name = remote_lookup_domain_by_name,
  .lookup_domain_by_id = remote_lookup_domain_by_id,
  .define_domain = remote_define_domain,
  .undefine_domain = remote_undefine_domain,
  .create_domain = remote_create_domain,
  .start_domain = remote_start_domain,
  .destroy_domain = remote_destroy_domain,
  .shutdown_domain = remote_shutdown_domain,
  .reboot_domain = remote_reboot_domain,
  .suspend_domain = remote_suspend_domain,
  .resume_domain = remote_resume_domain,
  .managed_save_domain = remote_managed_save_domain,
  .save_domain_to_file = remote_save_domain_to_file,
  .restore_domain_from_file = remote_restore_domain_from_file,
  .get_domain_info = remote_get_domain_info,
  .get_domain_state = remote_get_domain_state,
  .get_domain_info_async = remote_get_domain_info_async,
  .get_domain_state_async = remote_get_domain_state_async,
  .get_domain_xml = remote_get_domain_xml,
  .get_numa_parameters = remote_get_numa_parameters,
  .set_numa_parameters = remote_set_numa_parameters,
};

const GVirDriver gvir_remote_driver = {
  .name = "remote",
  .accepts = remote_accepts,
  .open = remote_open,
  .close = remote_close,
  .get_type = remote_get_type,
  .get_version = remote_get_version,
  .get_hostname = remote_get_hostname,
  .get_node_info = remote_get_node_info,
  .get_capabilities = remote_get_capabilities,
  .get_domain_capabilities = remote_get_domain_capabilities,
  .get_cells_free_memory = remote_get_cells_free_memory,
  .domain = &remote_domain_funcs,
};
