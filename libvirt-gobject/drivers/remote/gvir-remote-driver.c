/*
 * gvir-remote-driver.c: the remote driver (libvirt's RPC protocol)
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Every message goes through the stubs generated from the protocol table
 * (gvir_rpc_call_*()). What a GVirDriverDomain holds beyond the wire
 * identity (persistence, managed save) is kept per UUID as it is learnt,
 * so that lifecycle events are described without asking the server.
 */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include <libvirt-gconfig/libvirt-gconfig.h>

#include "gvir-remote-driver-private.h"
#include "gvir-remote-spawn-private.h"
#include "gvir-remote-snapshot-private.h"
#include "gvir-remote-storage-private.h"
#include "gvir-remote-stream-private.h"
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

/* What we know of one domain beyond its UUID. */
typedef struct
{
  char *name;
  gboolean facts_known;         /* the two below were learnt */
  gboolean persistent;
  gboolean has_managed_save;
} RemoteDomainFacts;

static void
remote_domain_facts_free (RemoteDomainFacts *facts)
{
  g_free (facts->name);
  g_free (facts);
}

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

  GMutex lock;                  /* guards domains */
  GHashTable *domains;          /* uuid string -> RemoteDomainFacts */

  /* How many events the reader queued and the event thread delivered, so
   * that a call returns after the events that came before its reply. */
  GMutex events_lock;
  GCond events_cond;
  guint64 events_queued;
  guint64 events_delivered;
  gpointer event_thread;        /* atomic: the GThread delivering them */
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

/* As libvirt's client: a non-root user's "/session" is the session
 * daemon's; root has none and uses the system daemon. */
static gboolean
is_session (const GVirDriverUri *uri)
{
  return g_str_equal (uri->path, "/session") && getuid () != 0;
}

static gboolean
remote_accepts (const GVirDriverUri *uri)
{
  /* Every URI with a transport or a host is ours; unsupported transports
   * are refused at open with a message that names them. Without either,
   * the registry asks us only when no local driver took the URI: then
   * "/session" and "/system" mean a daemon's socket, as in libvirt. */
  if (uri->transport != NULL || uri->host != NULL)
    return TRUE;
  return g_str_equal (uri->path, "/session") || g_str_equal (uri->path, "/system");
}

static char *
default_unix_socket (const GVirDriverUri *uri,
                     gboolean             read_only)
{
  if (is_session (uri))
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

      /* Only the default session socket is ours to start a daemon on. */
      if (path == NULL && is_session (uri))
        {
          path = default_unix_socket (uri, read_only);
          return gvir_remote_connect_session (path, cancellable, error);
        }
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

/* ---- what we know of each domain ------------------------------------------ */

/* Called with h->lock held. */
static RemoteDomainFacts *
facts_for_locked (RemoteHandle  *h,
                  const guint8   uuid[GVIR_RPC_UUID_LEN])
{
  g_autofree char *key = gvir_rpc_uuid_format (uuid);
  RemoteDomainFacts *facts = g_hash_table_lookup (h->domains, key);

  if (facts == NULL)
    {
      facts = g_new0 (RemoteDomainFacts, 1);
      g_hash_table_insert (h->domains, g_steal_pointer (&key), facts);
    }
  return facts;
}

static void
remember_name (RemoteHandle        *h,
               const GVirRpcDomain *dom)
{
  RemoteDomainFacts *facts;

  g_mutex_lock (&h->lock);
  facts = facts_for_locked (h, dom->uuid);
  g_free (facts->name);
  facts->name = g_strdup (dom->name);
  g_mutex_unlock (&h->lock);
}

static void
remember_facts (RemoteHandle           *h,
                const GVirRpcDomain    *dom,
                const GVirDriverDomain *described)
{
  RemoteDomainFacts *facts;

  g_mutex_lock (&h->lock);
  facts = facts_for_locked (h, dom->uuid);
  g_free (facts->name);
  facts->name = g_strdup (dom->name);
  facts->facts_known = TRUE;
  facts->persistent = described->persistent;
  facts->has_managed_save = described->has_managed_save;
  g_mutex_unlock (&h->lock);
}

/* ---- calls ---------------------------------------------------------------- */

static gboolean
remote_supports_feature (RemoteHandle  *h,
                         gint32         feature,
                         gboolean      *supported,
                         GCancellable  *cancellable,
                         GError       **error)
{
  GVirRpcIntArgs args = { .value = feature };
  GVirRpcIntRet ret;

  if (!gvir_rpc_call_connect_supports_feature (h->client, &args, &ret, cancellable, error))
    return FALSE;
  *supported = ret.value != 0;
  return TRUE;
}

/* A string reply handed to the caller. */
static char *
steal_string (gboolean         ok,
              GVirRpcStringRet *ret)
{
  return ok ? g_steal_pointer (&ret->value) : NULL;
}

/* ---- for the area files (gvir-remote-driver-private.h) ------------------------ */

GVirRpcClient *
gvir_remote_handle_get_client (gpointer handle)
{
  return ((RemoteHandle *) handle)->client;
}

/* ---- domain references ---------------------------------------------------- */

static gboolean
lookup_by_uuid_raw (RemoteHandle   *h,
                    const guint8    uuid[GVIR_RPC_UUID_LEN],
                    GVirRpcDomain  *dom,
                    GCancellable   *cancellable,
                    GError        **error)
{
  GVirRpcDomainLookupByUuidArgs args;
  GVirRpcDomainRet ret;

  memcpy (args.uuid, uuid, GVIR_RPC_UUID_LEN);
  if (!gvir_rpc_call_domain_lookup_by_uuid (h->client, &args, &ret, cancellable, error))
    return FALSE;
  *dom = ret.dom;
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
  RemoteDomainFacts *facts;
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
  facts = g_hash_table_lookup (h->domains, canon);
  dom->name = facts != NULL ? g_strdup (facts->name) : NULL;
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
state_from_reply (const GVirRpcDomainGetStateRet *ret,
                  int                            *state,
                  int                            *reason)
{
  *state = ret->state;
  *reason = ret->reason;
}

static void
info_from_reply (const GVirRpcDomainInfo *di,
                 GVirDriverDomainInfo    *info)
{
  info->state = (int) di->state;
  info->max_mem_kib = di->max_mem_kib;
  info->memory_kib = di->memory_kib;
  info->nr_virt_cpu = di->nr_virt_cpu;
  info->cpu_time_ns = di->cpu_time_ns;
}

static gboolean
domain_get_state_raw (RemoteHandle        *h,
                      const GVirRpcDomain *dom,
                      int                 *state,
                      int                 *reason,
                      GCancellable        *cancellable,
                      GError             **error)
{
  GVirRpcDomainFlagsArgs args = { .dom = *dom, .flags = 0 };
  GVirRpcDomainGetStateRet ret;

  if (!gvir_rpc_call_domain_get_state (h->client, &args, &ret, cancellable, error))
    return FALSE;
  state_from_reply (&ret, state, reason);
  return TRUE;
}

static GVirDriverDomain *
driver_domain_new (const GVirRpcDomain *dom)
{
  GVirDriverDomain *out = g_new0 (GVirDriverDomain, 1);

  out->name = g_strdup (dom->name);
  out->uuid = gvir_rpc_uuid_format (dom->uuid);
  out->id = dom->id;
  return out;
}

/* Completes what a GVirDriverDomain holds beyond the wire identity, for
 * one domain: three calls. */
static GVirDriverDomain *
describe_domain (RemoteHandle         *h,
                 const GVirRpcDomain  *dom,
                 GCancellable         *cancellable,
                 GError              **error)
{
  g_autoptr(GVirDriverDomain) out = driver_domain_new (dom);
  GVirRpcDomainArgs args = { .dom = *dom };
  GVirRpcDomainFlagsArgs flags_args = { .dom = *dom, .flags = 0 };
  GVirRpcIntRet persistent, managed_save;

  if (!gvir_rpc_call_domain_is_persistent (h->client, &args, &persistent, cancellable, error) ||
      !domain_get_state_raw (h, dom, &out->state, &out->reason, cancellable, error) ||
      !gvir_rpc_call_domain_has_managed_save_image (h->client, &flags_args, &managed_save,
                                                    cancellable, error))
    return NULL;
  out->persistent = persistent.value != 0;
  out->has_managed_save = managed_save.value != 0;
  remember_facts (h, dom, out);
  return g_steal_pointer (&out);
}

/* For calls whose reply is one remote_nonnull_domain: clears @ret. */
static gboolean after_events (RemoteHandle *h, gboolean ok);

static GVirDriverDomain *
describe_domain_ret (RemoteHandle      *h,
                     gboolean           ok,
                     GVirRpcDomainRet  *ret,
                     GCancellable      *cancellable,
                     GError           **error)
{
  GVirDriverDomain *out;

  if (!after_events (h, ok))
    return NULL;
  out = describe_domain (h, &ret->dom, cancellable, error);
  gvir_rpc_domain_ret_clear (ret);
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

/* What an event itself says of persistence and the managed save image:
 * libvirt defines and undefines only with DEFINED and UNDEFINED events, a
 * domain just added has no managed save image (only a persistent domain
 * can have one), a start consumes the image and an undefine removes it.
 * Returns FALSE when the event cannot tell: a domain seen for the first
 * time, or stopped by a save, which is a managed save or a save to a file. */
static gboolean
facts_after_event_locked (RemoteDomainFacts *facts,
                          int                event,
                          int                detail)
{
  switch (event)
    {
    case GVIR_DRIVER_EVENT_DEFINED:
      facts->persistent = TRUE;
      if (detail != GVIR_DRIVER_DEFINED_ADDED)
        break;
      facts->has_managed_save = FALSE;
      return TRUE;
    case GVIR_DRIVER_EVENT_UNDEFINED:
      facts->persistent = FALSE;
      facts->has_managed_save = FALSE;
      return TRUE;
    case GVIR_DRIVER_EVENT_STARTED:
      facts->has_managed_save = FALSE;
      break;
    case GVIR_DRIVER_EVENT_STOPPED:
      if (detail == GVIR_DRIVER_STOPPED_SAVED)
        return FALSE;
      break;
    default:
      break;
    }
  return facts->facts_known;
}

/* Asks the server what the event could not tell. Runs in the event
 * thread, which may call the server, unlike the reader. */
static void
ask_facts (RemoteHandle        *h,
           const GVirRpcDomain *dom,
           GVirDriverDomain    *domain)
{
  GVirRpcDomainArgs args = { .dom = *dom };
  GVirRpcDomainFlagsArgs flags_args = { .dom = *dom, .flags = 0 };
  GVirRpcIntRet ret;

  if (gvir_rpc_call_domain_is_persistent (h->client, &args, &ret, NULL, NULL))
    domain->persistent = ret.value != 0;
  if (gvir_rpc_call_domain_has_managed_save_image (h->client, &flags_args, &ret, NULL, NULL))
    domain->has_managed_save = ret.value != 0;
  remember_facts (h, dom, domain);
}

static void
describe_event_domain (RemoteHandle     *h,
                       RemoteEvent      *ev,
                       GVirDriverDomain *domain)
{
  RemoteDomainFacts *facts;
  gboolean known;

  g_mutex_lock (&h->lock);
  facts = facts_for_locked (h, ev->dom.uuid);
  g_free (facts->name);
  facts->name = g_strdup (ev->dom.name);
  known = facts_after_event_locked (facts, ev->event, ev->detail);
  if (known)
    facts->facts_known = TRUE;
  domain->persistent = facts->persistent;
  domain->has_managed_save = facts->has_managed_save;
  g_mutex_unlock (&h->lock);

  if (!known)
    ask_facts (h, &ev->dom, domain);

  /* The state comes from the event, never from a query: by the time we
   * could ask, later changes may already have happened. Events that imply
   * no state (defined, undefined) carry the id of that moment. */
  if (!state_after_event (ev->event, ev->detail, &domain->state, &domain->reason))
    {
      domain->state = ev->dom.id >= 0 ? GVIR_DRIVER_STATE_RUNNING : GVIR_DRIVER_STATE_SHUTOFF;
      domain->reason = 0;
    }
}

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

  domain.name = ev->dom.name;
  domain.uuid = uuid;
  domain.id = ev->dom.id;
  describe_event_domain (h, ev, &domain);
  gvir_driver_connection_emit_event (h->conn, &event);
}

static void
event_thread_func (gpointer data,
                   gpointer user_data)
{
  RemoteEvent *ev = data;
  RemoteHandle *h = user_data;

  g_atomic_pointer_set (&h->event_thread, g_thread_self ());
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
  g_mutex_lock (&h->events_lock);
  h->events_delivered++;
  g_cond_broadcast (&h->events_cond);
  g_mutex_unlock (&h->events_lock);
}

static void
push_event (RemoteHandle *h,
            RemoteEvent  *ev)
{
  g_mutex_lock (&h->events_lock);
  h->events_queued++;
  g_mutex_unlock (&h->events_lock);
  g_thread_pool_push (h->events, ev, NULL);
}

/* The in-process drivers emit a change's events before the call that made
 * it returns; callers (and the public layer's signals) may rely on that.
 * Here they come from the server ahead of the call's reply, and the event
 * thread delivers them: wait until it delivered every event queued so far.
 * Not from the event thread itself (a handler calling the driver), and
 * bounded, as the event thread may be waiting for the server. */
static void
wait_events_delivered (RemoteHandle *h)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  guint64 target;

  if (g_atomic_pointer_get (&h->event_thread) == (gpointer) g_thread_self ())
    return;
  g_mutex_lock (&h->events_lock);
  target = h->events_queued;
  while (h->events_delivered < target &&
         g_cond_wait_until (&h->events_cond, &h->events_lock, deadline))
    ;
  g_mutex_unlock (&h->events_lock);
}

/* Returns @ok once the events that came before the reply are delivered. */
static gboolean
after_events (RemoteHandle *h,
              gboolean      ok)
{
  wait_events_delivered (h);
  return ok;
}

static void
queue_close_event (RemoteHandle *h,
                   int           reason)
{
  RemoteEvent *ev = g_new0 (RemoteEvent, 1);

  ev->kind = GVIR_DRIVER_EVENT_CONNECTION_CLOSED;
  ev->close_reason = reason;
  push_event (h, ev);
}

/* Takes @msg's domain. */
static void
queue_lifecycle_event (RemoteHandle                     *h,
                       GVirRpcDomainEventLifecycleMsg   *msg)
{
  RemoteEvent *ev = g_new0 (RemoteEvent, 1);

  remember_name (h, &msg->dom);
  ev->kind = GVIR_DRIVER_EVENT_DOMAIN_LIFECYCLE;
  ev->dom = msg->dom;
  memset (&msg->dom, 0, sizeof msg->dom);
  ev->event = msg->event;
  ev->detail = msg->detail;
  push_event (h, ev);
}

static void
on_callback_lifecycle (RemoteHandle *h,
                       const guint8 *payload,
                       gsize         len)
{
  g_autoptr(GError) error = NULL;
  g_auto(GVirRpcDomainEventCallbackLifecycleMsg) msg = { 0 };

  if (!gvir_rpc_decode_domain_event_callback_lifecycle_msg (payload, len, &msg, &error))
    {
      g_warning ("ignoring a malformed lifecycle event: %s", error->message);
      return;
    }
  if (msg.callback_id == h->callback_id)
    queue_lifecycle_event (h, &msg.msg);
}

static void
on_legacy_lifecycle (RemoteHandle *h,
                     const guint8 *payload,
                     gsize         len)
{
  g_autoptr(GError) error = NULL;
  g_auto(GVirRpcDomainEventLifecycleMsg) msg = { 0 };

  if (!gvir_rpc_decode_domain_event_lifecycle_msg (payload, len, &msg, &error))
    {
      g_warning ("ignoring a malformed lifecycle event: %s", error->message);
      return;
    }
  queue_lifecycle_event (h, &msg);
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
  GVirRpcConnectEventConnectionClosedMsg closed;

  switch (header->proc)
    {
    case GVIR_RPC_PROC_DOMAIN_EVENT_CALLBACK_LIFECYCLE:
      on_callback_lifecycle (h, payload, len);
      return;
    case GVIR_RPC_PROC_DOMAIN_EVENT_LIFECYCLE:
      on_legacy_lifecycle (h, payload, len);
      return;
    case GVIR_RPC_PROC_CONNECT_EVENT_CONNECTION_CLOSED:
      if (gvir_rpc_decode_connect_event_connection_closed_msg (payload, len, &closed, NULL))
        queue_close_event (h, closed.reason);
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
  g_auto(GVirRpcAuthListRet) list = { 0 };
  GVirRpcIntRet complete;
  gint32 type = GVIR_RPC_AUTH_NONE;

  if (!gvir_rpc_call_auth_list (h->client, &list, cancellable, error))
    return FALSE;
  /* The server lists the one type its socket uses; take the first. */
  if (list.n_types > 0)
    type = list.types[0];

  switch (type)
    {
    case GVIR_RPC_AUTH_NONE:
      return TRUE;
    case GVIR_RPC_AUTH_POLKIT:
      return gvir_rpc_call_auth_polkit (h->client, &complete, cancellable, error);
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
  g_autofree char *name = gvir_remote_uri_open_name (uri);
  GVirRpcConnectOpenArgs args = { .name = name, .flags = read_only ? GVIR_RPC_OPEN_RO : 0 };

  return gvir_rpc_call_connect_open (h->client, &args, cancellable, error);
}

static gboolean
register_events (RemoteHandle  *h,
                 GCancellable  *cancellable,
                 GError       **error)
{
  GVirRpcConnectDomainEventCallbackRegisterAnyArgs args = {
    .event_id = REMOTE_EVENT_ID_LIFECYCLE,
    .dom = NULL,   /* no domain filter */
  };
  GVirRpcIntRet ret;

  if (!remote_supports_feature (h, GVIR_RPC_FEATURE_REMOTE_EVENT_CALLBACK, &h->callback_events,
                                cancellable, error))
    return FALSE;

  if (!h->callback_events)
    {
      if (!gvir_rpc_call_connect_domain_event_register (h->client, cancellable, error))
        return FALSE;
      h->legacy_events = TRUE;
      return TRUE;
    }

  if (!gvir_rpc_call_connect_domain_event_callback_register_any (h->client, &args, &ret,
                                                                 cancellable, error))
    return FALSE;
  h->callback_id = ret.value;
  return TRUE;
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
  if (!gvir_rpc_call_connect_register_close_callback (h->client, cancellable, error))
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
  g_mutex_init (&h->events_lock);
  g_cond_init (&h->events_cond);
  h->domains = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify) remote_domain_facts_free);
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
  GVirRpcIntArgs args = { .value = h->callback_id };

  if (!gvir_rpc_client_is_open (h->client))
    return;
  if (h->close_callback)
    gvir_rpc_call_connect_unregister_close_callback (h->client, NULL, NULL);
  if (h->callback_id >= 0)
    gvir_rpc_call_connect_domain_event_callback_deregister_any (h->client, &args, NULL, NULL);
  if (h->legacy_events)
    gvir_rpc_call_connect_domain_event_deregister (h->client, NULL, NULL);
  gvir_rpc_call_connect_close (h->client, NULL, NULL);
}

/* Calls in flight fail at once; close() follows when they have returned. */
static void
remote_interrupt (gpointer data)
{
  RemoteHandle *h = data;

  gvir_rpc_client_interrupt (h->client);
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
  g_hash_table_destroy (h->domains);
  g_mutex_clear (&h->lock);
  g_mutex_clear (&h->events_lock);
  g_cond_clear (&h->events_cond);
  g_free (h);
}

/* ---- host ----------------------------------------------------------------- */

static char *
remote_get_type (gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  RemoteHandle *h = data;
  g_auto(GVirRpcStringRet) ret = { 0 };

  return steal_string (gvir_rpc_call_connect_get_type (h->client, &ret, cancellable, error),
                       &ret);
}

static gboolean
remote_get_version (gpointer       data,
                    gulong        *version,
                    GCancellable  *cancellable,
                    GError       **error)
{
  RemoteHandle *h = data;
  GVirRpcConnectGetVersionRet ret;

  if (!gvir_rpc_call_connect_get_version (h->client, &ret, cancellable, error))
    return FALSE;
  *version = (gulong) ret.hv_ver;
  return TRUE;
}

static char *
remote_get_hostname (gpointer       data,
                     GCancellable  *cancellable,
                     GError       **error)
{
  RemoteHandle *h = data;
  g_auto(GVirRpcStringRet) ret = { 0 };

  return steal_string (gvir_rpc_call_connect_get_hostname (h->client, &ret, cancellable, error),
                       &ret);
}

static gboolean
remote_get_node_info (gpointer             data,
                      GVirDriverNodeInfo  *info,
                      GCancellable        *cancellable,
                      GError             **error)
{
  RemoteHandle *h = data;
  GVirRpcNodeInfo ni;

  if (!gvir_rpc_call_node_get_info (h->client, &ni, cancellable, error))
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
  RemoteHandle *h = data;
  g_auto(GVirRpcStringRet) ret = { 0 };

  return steal_string (gvir_rpc_call_connect_get_capabilities (h->client, &ret, cancellable,
                                                               error),
                       &ret);
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
  RemoteHandle *h = data;
  GVirRpcConnectGetDomainCapabilitiesArgs args = {
    .emulatorbin = (char *) emulatorbin,
    .arch = (char *) arch,
    .machine = (char *) machine,
    .virttype = (char *) virttype,
    .flags = flags,
  };
  g_auto(GVirRpcStringRet) ret = { 0 };

  return steal_string (gvir_rpc_call_connect_get_domain_capabilities (h->client, &args, &ret,
                                                                      cancellable, error),
                       &ret);
}

static GArray *
remote_get_cells_free_memory (gpointer       data,
                              int            start_cell,
                              int            max_cells,
                              GCancellable  *cancellable,
                              GError       **error)
{
  RemoteHandle *h = data;
  GVirRpcNodeGetCellsFreeMemoryArgs args = { .start_cell = start_cell, .max_cells = max_cells };
  g_auto(GVirRpcNodeGetCellsFreeMemoryRet) ret = { 0 };
  g_autoptr(GError) local = NULL;
  GArray *cells;

  if (!gvir_rpc_call_node_get_cells_free_memory (h->client, &args, &ret, cancellable, &local))
    {
      /* libvirt calls a range beyond the host's cells an invalid argument;
       * our contract calls it "not found". */
      if (g_error_matches (local, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT))
        local->code = GVIR_ERROR_NOT_FOUND;
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  cells = g_array_sized_new (FALSE, FALSE, sizeof (guint64), ret.n_cells);
  g_array_append_vals (cells, ret.cells, ret.n_cells);
  return cells;
}

/* The ids of the capabilities' host cells, which may have gaps that a
 * count cannot show. A host that lists no cells has the nodes
 * 0 .. node_info.nodes - 1, at least node 0 (libvirt's own rule). */
static GVirIdSet *
remote_get_host_nodes (gpointer       data,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autofree char *xml = remote_get_capabilities (data, cancellable, error);
  g_autoptr(GVirConfigCapabilities) caps = NULL;
  g_autoptr(GVirConfigCapabilitiesHost) host = NULL;
  g_autoptr(GVirIdSet) nodes = gvir_id_set_new (GVIR_ID_SET_LIMIT);
  g_autoptr(GError) local = NULL;
  GVirDriverNodeInfo info = { 0 };
  GList *cells = NULL;
  guint count;

  if (xml == NULL)
    return NULL;
  caps = gvir_config_capabilities_new_from_xml (xml, &local);
  if (caps == NULL)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML,
                   "cannot read the host's NUMA nodes from its capabilities: %s", local->message);
      return NULL;
    }
  host = gvir_config_capabilities_get_host (caps);
  if (host != NULL)
    cells = gvir_config_capabilities_host_get_cells (host);
  for (GList *l = cells; l != NULL && local == NULL; l = l->next)
    {
      guint id = gvir_config_capabilities_cell_get_id (l->data);

      if (!gvir_id_set_add (nodes, id))
        g_set_error (&local, GVIR_ERROR, GVIR_ERROR_XML,
                     "the host's capabilities name NUMA cell %u, beyond the largest node id %u",
                     id, GVIR_ID_SET_LIMIT - 1);
    }
  if (cells != NULL)
    {
      g_list_free_full (cells, g_object_unref);
      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      return g_steal_pointer (&nodes);
    }

  if (!remote_get_node_info (data, &info, cancellable, error))
    return NULL;
  count = MIN (MAX (info.nodes, 1), GVIR_ID_SET_LIMIT);
  gvir_driver_node_info_clear (&info);
  for (guint id = 0; id < count; id++)
    gvir_id_set_add (nodes, id);
  return g_steal_pointer (&nodes);
}

/* ---- fetching every domain ------------------------------------------------ */

/* The three calls of a fetch, sent together: every domain with its state
 * and reason (CONNECT_GET_ALL_DOMAIN_STATS, "state" group), and two
 * CONNECT_LIST_ALL_DOMAINS filters that select what is usually a few
 * domains: the transient ones (the others are persistent; an inactive
 * domain always is) and those with a managed save image. */
enum
{
  FETCH_STATES,
  FETCH_TRANSIENT,
  FETCH_MANAGED_SAVE,
  N_FETCH_CALLS
};

/* Raw UUIDs as hash keys, pointing into a decoded reply: no copy. */
static guint
raw_uuid_hash (gconstpointer key)
{
  const guint8 *uuid = key;
  guint32 h;

  /* UUIDs are random enough that four of their bytes spread well. */
  memcpy (&h, uuid + GVIR_RPC_UUID_LEN - sizeof h, sizeof h);
  return h;
}

static gboolean
raw_uuid_equal (gconstpointer a,
                gconstpointer b)
{
  return memcmp (a, b, GVIR_RPC_UUID_LEN) == 0;
}

/* The UUIDs of a LIST_ALL_DOMAINS reply, as a set borrowing from @ret. */
static GHashTable *
uuid_set_new (const GVirRpcConnectListAllDomainsRet *ret)
{
  GHashTable *set = g_hash_table_new (raw_uuid_hash, raw_uuid_equal);
  guint32 i;

  for (i = 0; i < ret->n_domains; i++)
    g_hash_table_add (set, ret->domains[i].uuid);
  return set;
}

static gboolean
decode_list_reply (GBytes                          *reply,
                   GVirRpcConnectListAllDomainsRet *ret,
                   GError                         **error)
{
  return gvir_rpc_decode_connect_list_all_domains_ret (g_bytes_get_data (reply, NULL),
                                                       g_bytes_get_size (reply), ret, error);
}

/* "state.state" and "state.reason" of one stats record; a record without
 * them leaves NOSTATE. */
static void
state_from_stats (const GVirRpcDomainStatsRecord *record,
                  GVirDriverDomain               *out)
{
  guint32 i;

  out->state = GVIR_DRIVER_STATE_NOSTATE;
  out->reason = 0;
  for (i = 0; i < record->n_params; i++)
    {
      const GVirRpcTypedParam *p = &record->params[i];

      if (p->type != GVIR_RPC_PARAM_INT)
        continue;
      if (g_str_equal (p->field, "state.state"))
        out->state = p->value.i;
      else if (g_str_equal (p->field, "state.reason"))
        out->reason = p->value.i;
    }
}

/* Remembers the persistence and managed save of every listed domain,
 * under one lock for the whole list. */
static void
remember_listed (RemoteHandle    *h,
                 const GPtrArray *listed)
{
  guint i;

  g_mutex_lock (&h->lock);
  for (i = 0; i < listed->len; i++)
    {
      const GVirDriverDomain *d = listed->pdata[i];
      RemoteDomainFacts *facts = g_hash_table_lookup (h->domains, d->uuid);

      if (facts == NULL)
        {
          facts = g_new0 (RemoteDomainFacts, 1);
          g_hash_table_insert (h->domains, g_strdup (d->uuid), facts);
        }
      if (g_strcmp0 (facts->name, d->name) != 0)
        {
          g_free (facts->name);
          facts->name = g_strdup (d->name);
        }
      facts->facts_known = TRUE;
      facts->persistent = d->persistent;
      facts->has_managed_save = d->has_managed_save;
    }
  g_mutex_unlock (&h->lock);
}

/* Builds the list from the three replies of a fetch. */
static GPtrArray *
domains_from_replies (RemoteHandle      *h,
                      GVirRpcBatchCall   calls[N_FETCH_CALLS],
                      GError           **error)
{
  g_auto(GVirRpcConnectGetAllDomainStatsRet) stats = { 0 };
  g_auto(GVirRpcConnectListAllDomainsRet) transient = { 0 };
  g_auto(GVirRpcConnectListAllDomainsRet) managed_save = { 0 };
  g_autoptr(GHashTable) transient_set = NULL;
  g_autoptr(GHashTable) managed_save_set = NULL;
  GBytes *states = calls[FETCH_STATES].reply;
  GPtrArray *out;
  guint32 i;

  if (!gvir_rpc_decode_connect_get_all_domain_stats_ret (g_bytes_get_data (states, NULL),
                                                         g_bytes_get_size (states), &stats, error) ||
      !decode_list_reply (calls[FETCH_TRANSIENT].reply, &transient, error) ||
      !decode_list_reply (calls[FETCH_MANAGED_SAVE].reply, &managed_save, error))
    return NULL;
  transient_set = uuid_set_new (&transient);
  managed_save_set = uuid_set_new (&managed_save);

  out = g_ptr_array_new_full (stats.n_ret_stats, (GDestroyNotify) gvir_driver_domain_free);
  for (i = 0; i < stats.n_ret_stats; i++)
    {
      const GVirRpcDomainStatsRecord *record = &stats.ret_stats[i];
      GVirDriverDomain *d = driver_domain_new (&record->dom);

      state_from_stats (record, d);
      d->persistent = !g_hash_table_contains (transient_set, record->dom.uuid);
      d->has_managed_save = g_hash_table_contains (managed_save_set, record->dom.uuid);
      g_ptr_array_add (out, d);
    }
  remember_listed (h, out);
  return out;
}

/* Servers without CONNECT_GET_ALL_DOMAIN_STATS: the list, then three
 * calls per domain. */
static GPtrArray *
list_domains_one_by_one (RemoteHandle  *h,
                         GCancellable  *cancellable,
                         GError       **error)
{
  GVirRpcConnectListAllDomainsArgs args = { .need_results = 1, .flags = 0 };
  g_auto(GVirRpcConnectListAllDomainsRet) ret = { 0 };
  g_autoptr(GPtrArray) out = NULL;
  guint32 i;

  if (!gvir_rpc_call_connect_list_all_domains (h->client, &args, &ret, cancellable, error))
    return NULL;

  out = g_ptr_array_new_with_free_func ((GDestroyNotify) gvir_driver_domain_free);
  for (i = 0; i < ret.n_domains; i++)
    {
      g_autoptr(GError) local = NULL;
      GVirDriverDomain *d = describe_domain (h, &ret.domains[i], cancellable, &local);

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

static GByteArray *
list_args_new (guint32 flags)
{
  GVirRpcConnectListAllDomainsArgs args = { .need_results = 1, .flags = flags };
  GByteArray *bytes = g_byte_array_new ();

  gvir_rpc_put_connect_list_all_domains_args (bytes, &args);
  return bytes;
}

static GByteArray *
states_args_new (void)
{
  GVirRpcConnectGetAllDomainStatsArgs args = {
    .n_doms = 0,      /* every domain */
    .stats = GVIR_RPC_DOMAIN_STATS_STATE,
    .flags = 0,
  };
  GByteArray *bytes = g_byte_array_new ();

  gvir_rpc_put_connect_get_all_domain_stats_args (bytes, &args);
  return bytes;
}

static void
fetch_calls_clear (GVirRpcBatchCall calls[N_FETCH_CALLS])
{
  guint i;

  for (i = 0; i < N_FETCH_CALLS; i++)
    {
      g_byte_array_unref (calls[i].args);
      gvir_rpc_batch_call_clear (&calls[i]);
    }
}

/* The first failure among the calls, into @error. */
static gboolean
fetch_calls_succeeded (GVirRpcBatchCall   calls[N_FETCH_CALLS],
                       GError           **error)
{
  guint i;

  for (i = 0; i < N_FETCH_CALLS; i++)
    if (calls[i].error != NULL)
      {
        g_propagate_error (error, g_steal_pointer (&calls[i].error));
        return FALSE;
      }
  return TRUE;
}

/* Three calls in flight at once, whatever the number of domains: one
 * round trip, the server's time for the largest of them. */
static GPtrArray *
remote_list_domains (gpointer       data,
                     GCancellable  *cancellable,
                     GError       **error)
{
  RemoteHandle *h = data;
  GVirRpcBatchCall calls[N_FETCH_CALLS] = {
    [FETCH_STATES] = { GVIR_RPC_PROC_CONNECT_GET_ALL_DOMAIN_STATS, states_args_new () },
    [FETCH_TRANSIENT] = { GVIR_RPC_PROC_CONNECT_LIST_ALL_DOMAINS,
                          list_args_new (GVIR_RPC_LIST_DOMAINS_TRANSIENT) },
    [FETCH_MANAGED_SAVE] = { GVIR_RPC_PROC_CONNECT_LIST_ALL_DOMAINS,
                             list_args_new (GVIR_RPC_LIST_DOMAINS_MANAGEDSAVE) },
  };
  GPtrArray *out = NULL;

  gvir_rpc_client_call_batch (h->client, GVIR_RPC_REMOTE_PROGRAM, calls, N_FETCH_CALLS,
                              cancellable);
  if (g_error_matches (calls[FETCH_STATES].error, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED))
    out = list_domains_one_by_one (h, cancellable, error);
  else if (fetch_calls_succeeded (calls, error))
    out = domains_from_replies (h, calls, error);
  fetch_calls_clear (calls);
  wait_events_delivered (h);
  return out;
}

/* ---- lookups -------------------------------------------------------------- */

static GVirDriverDomain *
remote_lookup_domain_by_uuid (gpointer       data,
                              const char    *uuid,
                              GCancellable  *cancellable,
                              GError       **error)
{
  RemoteHandle *h = data;
  GVirRpcDomainLookupByUuidArgs args;
  GVirRpcDomainRet ret;
  gboolean ok;

  if (uuid == NULL || !gvir_rpc_uuid_parse (uuid, args.uuid))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                   "invalid domain UUID '%s'", uuid ? uuid : "(null)");
      return NULL;
    }
  ok = gvir_rpc_call_domain_lookup_by_uuid (h->client, &args, &ret, cancellable, error);
  return describe_domain_ret (h, ok, &ret, cancellable, error);
}

static GVirDriverDomain *
remote_lookup_domain_by_name (gpointer       data,
                              const char    *name,
                              GCancellable  *cancellable,
                              GError       **error)
{
  RemoteHandle *h = data;
  GVirRpcDomainLookupByNameArgs args = { .name = (char *) name };
  GVirRpcDomainRet ret;
  gboolean ok;

  ok = gvir_rpc_call_domain_lookup_by_name (h->client, &args, &ret, cancellable, error);
  return describe_domain_ret (h, ok, &ret, cancellable, error);
}

static GVirDriverDomain *
remote_lookup_domain_by_id (gpointer       data,
                            int            id,
                            GCancellable  *cancellable,
                            GError       **error)
{
  RemoteHandle *h = data;
  GVirRpcIntArgs args = { .value = id };
  GVirRpcDomainRet ret;
  gboolean ok;

  ok = gvir_rpc_call_domain_lookup_by_id (h->client, &args, &ret, cancellable, error);
  return describe_domain_ret (h, ok, &ret, cancellable, error);
}

/* ---- state changes -------------------------------------------------------- */

static GVirDriverDomain *
remote_define_domain (gpointer       data,
                      const char    *xml,
                      guint          flags,
                      GCancellable  *cancellable,
                      GError       **error)
{
  RemoteHandle *h = data;
  GVirRpcDomainDefineXmlArgs args = { .xml = (char *) xml };
  GVirRpcXmlFlagsArgs flags_args = { .xml = (char *) xml, .flags = flags };
  GVirRpcDomainRet ret;
  gboolean ok;

  if (flags == 0)
    ok = gvir_rpc_call_domain_define_xml (h->client, &args, &ret, cancellable, error);
  else
    ok = gvir_rpc_call_domain_define_xml_flags (h->client, &flags_args, &ret, cancellable, error);
  return describe_domain_ret (h, ok, &ret, cancellable, error);
}

static GVirDriverDomain *
remote_create_domain (gpointer       data,
                      const char    *xml,
                      guint          flags,
                      GCancellable  *cancellable,
                      GError       **error)
{
  RemoteHandle *h = data;
  GVirRpcXmlFlagsArgs args = { .xml = (char *) xml, .flags = flags };
  GVirRpcDomainRet ret;
  gboolean ok;

  ok = gvir_rpc_call_domain_create_xml (h->client, &args, &ret, cancellable, error);
  return describe_domain_ret (h, ok, &ret, cancellable, error);
}

typedef gboolean (*DomainCallFunc) (GVirRpcClient *client, const GVirRpcDomainArgs *args,
                                    GCancellable *cancellable, GError **error);
typedef gboolean (*DomainFlagsCallFunc) (GVirRpcClient *client,
                                         const GVirRpcDomainFlagsArgs *args,
                                         GCancellable *cancellable, GError **error);

/* A call on one domain whose reply is empty. */
static gboolean
domain_action (RemoteHandle    *h,
               DomainCallFunc   call,
               const char      *uuid,
               GCancellable    *cancellable,
               GError         **error)
{
  g_auto(GVirRpcDomainArgs) args = { 0 };

  return after_events (h, domain_ref (h, uuid, &args.dom, cancellable, error) &&
                          call (h->client, &args, cancellable, error));
}

/* The same with flags. */
static gboolean
domain_flags_action (RemoteHandle         *h,
                     DomainFlagsCallFunc   call,
                     const char           *uuid,
                     guint                 flags,
                     GCancellable         *cancellable,
                     GError              **error)
{
  g_auto(GVirRpcDomainFlagsArgs) args = { .flags = flags };

  return after_events (h, domain_ref (h, uuid, &args.dom, cancellable, error) &&
                          call (h->client, &args, cancellable, error));
}

static gboolean
remote_undefine_domain (gpointer       data,
                        const char    *uuid,
                        guint          flags,
                        GCancellable  *cancellable,
                        GError       **error)
{
  return domain_flags_action (data, gvir_rpc_call_domain_undefine_flags, uuid, flags,
                              cancellable, error);
}

/* CREATE_WITH_FLAGS replies with the domain and its new id. */
static gboolean
start_domain_raw (RemoteHandle  *h,
                  const char    *uuid,
                  guint          flags,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_auto(GVirRpcDomainFlagsArgs) args = { .flags = flags };
  g_auto(GVirRpcDomainRet) ret = { 0 };

  return after_events (h, domain_ref (h, uuid, &args.dom, cancellable, error) &&
                          gvir_rpc_call_domain_create_with_flags (h->client, &args, &ret,
                                                                  cancellable, error));
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

  if (start_domain_raw (data, uuid, flags, cancellable, &local))
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
    return domain_action (data, gvir_rpc_call_domain_destroy, uuid, cancellable, error);
  return domain_flags_action (data, gvir_rpc_call_domain_destroy_flags, uuid, flags,
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
    return domain_action (data, gvir_rpc_call_domain_shutdown, uuid, cancellable, error);
  return domain_flags_action (data, gvir_rpc_call_domain_shutdown_flags, uuid, flags,
                              cancellable, error);
}

static gboolean
remote_reboot_domain (gpointer       data,
                      const char    *uuid,
                      guint          flags,
                      GCancellable  *cancellable,
                      GError       **error)
{
  return domain_flags_action (data, gvir_rpc_call_domain_reboot, uuid, flags, cancellable,
                              error);
}

static gboolean
remote_suspend_domain (gpointer       data,
                       const char    *uuid,
                       GCancellable  *cancellable,
                       GError       **error)
{
  return domain_action (data, gvir_rpc_call_domain_suspend, uuid, cancellable, error);
}

static gboolean
remote_resume_domain (gpointer       data,
                      const char    *uuid,
                      GCancellable  *cancellable,
                      GError       **error)
{
  return domain_action (data, gvir_rpc_call_domain_resume, uuid, cancellable, error);
}

static gboolean
remote_managed_save_domain (gpointer       data,
                            const char    *uuid,
                            guint          flags,
                            GCancellable  *cancellable,
                            GError       **error)
{
  return domain_flags_action (data, gvir_rpc_call_domain_managed_save, uuid, flags,
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
  g_auto(GVirRpcDomainSaveFlagsArgs) args = {
    .to = g_strdup (path),
    .dxml = g_strdup (custom_xml),
    .flags = flags,
  };

  return after_events (h, domain_ref (h, uuid, &args.dom, cancellable, error) &&
                          gvir_rpc_call_domain_save_flags (h->client, &args, cancellable,
                                                           error));
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
  GVirRpcDomainSaveImageGetXmlDescArgs image_args = { .file = (char *) path, .flags = 0 };
  GVirRpcDomainRestoreFlagsArgs args = {
    .from = (char *) path,
    .dxml = (char *) custom_xml,
    .flags = flags,
  };
  g_auto(GVirRpcStringRet) image_xml = { 0 };
  g_auto(GVirRpcDomain) dom = { 0 };
  guint8 uuid[GVIR_RPC_UUID_LEN];

  /* RESTORE replies with nothing: learn which domain it is beforehand. */
  if (!gvir_rpc_call_domain_save_image_get_xml_desc (h->client, &image_args, &image_xml,
                                                     cancellable, error))
    return NULL;
  if (!uuid_from_xml (custom_xml != NULL ? custom_xml : image_xml.value, uuid))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML,
                   "the saved image '%s' describes no domain UUID", path);
      return NULL;
    }

  if (!after_events (h, gvir_rpc_call_domain_restore_flags (h->client, &args, cancellable,
                                                            error)) ||
      !lookup_by_uuid_raw (h, uuid, &dom, cancellable, error))
    return NULL;
  return describe_domain (h, &dom, cancellable, error);
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
  g_auto(GVirRpcDomainArgs) args = { 0 };
  GVirRpcDomainInfo ret;

  if (!domain_ref (h, uuid, &args.dom, cancellable, error) ||
      !gvir_rpc_call_domain_get_info (h->client, &args, &ret, cancellable, error))
    return FALSE;
  info_from_reply (&ret, info);
  return TRUE;
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
  g_auto(GVirRpcDomain) dom = { 0 };
  int s, r;

  if (!domain_ref (h, uuid, &dom, cancellable, error) ||
      !domain_get_state_raw (h, &dom, &s, &r, cancellable, error))
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

static gboolean
decode_info_reply (GBytes                *reply,
                   GVirDriverDomainInfo  *info,
                   GError               **error)
{
  GVirRpcDomainInfo di;

  if (!gvir_rpc_decode_domain_info (g_bytes_get_data (reply, NULL), g_bytes_get_size (reply),
                                    &di, error))
    return FALSE;
  info_from_reply (&di, info);
  return TRUE;
}

static gboolean
decode_state_reply (GBytes  *reply,
                    int     *state,
                    int     *reason,
                    GError **error)
{
  GVirRpcDomainGetStateRet ret;

  if (!gvir_rpc_decode_domain_get_state_ret (g_bytes_get_data (reply, NULL),
                                             g_bytes_get_size (reply), &ret, error))
    return FALSE;
  state_from_reply (&ret, state, reason);
  return TRUE;
}

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

/* The arguments of the two queries: GET_INFO takes the domain, GET_STATE
 * the domain and flags. */
static GByteArray *
domain_query_args (gint32               proc,
                   const GVirRpcDomain *dom)
{
  GByteArray *args = g_byte_array_new ();
  GVirRpcDomainArgs info_args = { .dom = *dom };
  GVirRpcDomainFlagsArgs state_args = { .dom = *dom, .flags = 0 };

  if (proc == GVIR_RPC_PROC_DOMAIN_GET_STATE)
    gvir_rpc_put_domain_flags_args (args, &state_args);
  else
    gvir_rpc_put_domain_args (args, &info_args);
  return args;
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
  GVirRpcDomainRet ret;

  if (error == NULL &&
      gvir_rpc_decode_domain_ret (g_bytes_get_data (reply, NULL), g_bytes_get_size (reply),
                                  &ret, &local))
    {
      remember_name (q->h, &ret.dom);
      remote_query_send (q, &ret.dom);
      return;
    }
  remote_query_answer (q, NULL, error != NULL ? error : local);
}

static void
remote_query_start (RemoteQuery *q,
                    const char  *uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GByteArray) args = g_byte_array_new ();
  GVirRpcDomainLookupByUuidArgs lookup;
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
  memcpy (lookup.uuid, dom.uuid, GVIR_RPC_UUID_LEN);
  gvir_rpc_domain_clear (&dom);
  gvir_rpc_put_domain_lookup_by_uuid_args (args, &lookup);
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
  g_auto(GVirRpcDomainFlagsArgs) args = { .flags = flags };
  g_auto(GVirRpcStringRet) ret = { 0 };

  if (!domain_ref (h, uuid, &args.dom, cancellable, error))
    return NULL;
  return steal_string (gvir_rpc_call_domain_get_xml_desc (h->client, &args, &ret, cancellable,
                                                          error),
                       &ret);
}

/* The server answers for its own driver, which may hot-plug vCPUs or ask
 * a guest agent. */
static gint
remote_get_domain_vcpus (gpointer       data,
                         const char    *uuid,
                         guint          flags,
                         GCancellable  *cancellable,
                         GError       **error)
{
  RemoteHandle *h = data;
  g_auto(GVirRpcDomainFlagsArgs) args = { .flags = flags };
  g_auto(GVirRpcIntRet) ret = { 0 };

  if (!domain_ref (h, uuid, &args.dom, cancellable, error) ||
      !gvir_rpc_call_domain_get_vcpus_flags (h->client, &args, &ret, cancellable, error))
    return -1;
  return ret.value;
}

static gboolean
remote_get_domain_autostart (gpointer       data,
                             const char    *uuid,
                             gboolean      *autostart,
                             GCancellable  *cancellable,
                             GError       **error)
{
  RemoteHandle *h = data;
  g_auto(GVirRpcDomainArgs) args = { 0 };
  GVirRpcIntRet ret;

  if (!domain_ref (h, uuid, &args.dom, cancellable, error) ||
      !gvir_rpc_call_domain_get_autostart (h->client, &args, &ret, cancellable, error))
    return FALSE;
  *autostart = ret.value != 0;
  return TRUE;
}

static gboolean
remote_set_domain_autostart (gpointer       data,
                             const char    *uuid,
                             gboolean       autostart,
                             GCancellable  *cancellable,
                             GError       **error)
{
  RemoteHandle *h = data;
  g_auto(GVirRpcDomainSetAutostartArgs) args = { .autostart = autostart ? 1 : 0 };

  return domain_ref (h, uuid, &args.dom, cancellable, error) &&
         gvir_rpc_call_domain_set_autostart (h->client, &args, cancellable, error);
}

static char *
remote_get_save_image_xml (gpointer       data,
                           const char    *path,
                           guint          flags,
                           GCancellable  *cancellable,
                           GError       **error)
{
  RemoteHandle *h = data;
  GVirRpcDomainSaveImageGetXmlDescArgs args = { .file = (char *) path, .flags = flags };
  g_auto(GVirRpcStringRet) ret = { 0 };

  return steal_string (gvir_rpc_call_domain_save_image_get_xml_desc (h->client, &args, &ret,
                                                                     cancellable, error),
                       &ret);
}

static gboolean
remote_define_save_image_xml (gpointer       data,
                              const char    *path,
                              const char    *xml,
                              guint          flags,
                              GCancellable  *cancellable,
                              GError       **error)
{
  RemoteHandle *h = data;
  GVirRpcDomainSaveImageDefineXmlArgs args = {
    .file = (char *) path,
    .dxml = (char *) xml,
    .flags = flags,
  };

  return gvir_rpc_call_domain_save_image_define_xml (h->client, &args, cancellable, error);
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
  g_auto(GVirRpcDomainGetNumaParametersArgs) args = {
    .nparams = GVIR_RPC_NUMA_PARAMETERS_MAX,
    .flags = flags | REMOTE_TYPED_PARAM_STRING_OKAY,
  };
  g_auto(GVirRpcDomainGetNumaParametersRet) ret = { 0 };
  guint32 i;

  if (!domain_ref (h, uuid, &args.dom, cancellable, error) ||
      !gvir_rpc_call_domain_get_numa_parameters (h->client, &args, &ret, cancellable, error))
    return FALSE;

  if (mode != NULL)
    *mode = 0;
  if (nodeset != NULL)
    *nodeset = g_strdup ("");
  for (i = 0; i < ret.n_params; i++)
    {
      const GVirRpcTypedParam *p = &ret.params[i];

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
  GVirRpcTypedParam params[2];
  g_auto(GVirRpcDomain) dom = { 0 };
  GVirRpcDomainSetNumaParametersArgs args = { .params = params, .flags = flags };

  if (!domain_ref (h, uuid, &dom, cancellable, error))
    return FALSE;
  memset (params, 0, sizeof params);
  if (mode >= 0)
    {
      params[args.n_params].field = (char *) "numa_mode";
      params[args.n_params].type = GVIR_RPC_PARAM_INT;
      params[args.n_params].value.i = mode;
      args.n_params++;
    }
  if (nodeset != NULL)
    {
      params[args.n_params].field = (char *) "numa_nodeset";
      params[args.n_params].type = GVIR_RPC_PARAM_STRING;
      params[args.n_params].value.s = (char *) nodeset;
      args.n_params++;
    }
  args.dom = dom;
  return gvir_rpc_call_domain_set_numa_parameters (h->client, &args, cancellable, error);
}

/* ---- the memory balloon ------------------------------------------------------ */

static gboolean
remote_set_memory (gpointer       data,
                   const char    *uuid,
                   guint64        kib,
                   guint          flags,
                   GCancellable  *cancellable,
                   GError       **error)
{
  RemoteHandle *h = data;
  g_auto(GVirRpcDomainSetMemoryFlagsArgs) args = { .memory = kib, .flags = flags };

  return domain_ref (h, uuid, &args.dom, cancellable, error) &&
         gvir_rpc_call_domain_set_memory_flags (h->client, &args, cancellable, error);
}

static int
remote_get_memory_stats (gpointer               data,
                         const char            *uuid,
                         GVirDriverMemoryStat  *stats,
                         guint                  max_stats,
                         guint                  flags,
                         GCancellable          *cancellable,
                         GError               **error)
{
  RemoteHandle *h = data;
  g_auto(GVirRpcDomainMemoryStatsArgs) args = { .max_stats = max_stats, .flags = flags };
  g_auto(GVirRpcDomainMemoryStatsRet) ret = { 0 };
  guint i;

  if (!domain_ref (h, uuid, &args.dom, cancellable, error) ||
      !gvir_rpc_call_domain_memory_stats (h->client, &args, &ret, cancellable, error))
    return -1;
  /* A server that answers more than was asked for is cut short. */
  for (i = 0; i < ret.n_stats && i < max_stats; i++)
    {
      stats[i].tag = ret.stats[i].tag;
      stats[i].val = ret.stats[i].val;
    }
  return (int) i;
}

/* ---- for the snapshot file ------------------------------------------------- */

gboolean
gvir_remote_domain_ref (gpointer        handle,
                        const char     *uuid,
                        GVirRpcDomain  *dom,
                        GCancellable   *cancellable,
                        GError        **error)
{
  return domain_ref (handle, uuid, dom, cancellable, error);
}

/* ---- devices and the guest ---------------------------------------------------- */

static gboolean
remote_get_block_stats (gpointer               data,
                        const char            *uuid,
                        const char            *disk,
                        GVirDriverBlockStats  *stats,
                        GCancellable          *cancellable,
                        GError               **error)
{
  RemoteHandle *h = data;
  g_auto(GVirRpcDomainBlockStatsArgs) args = { .path = g_strdup (disk) };
  GVirRpcDomainBlockStatsRet ret;

  if (!domain_ref (h, uuid, &args.dom, cancellable, error) ||
      !gvir_rpc_call_domain_block_stats (h->client, &args, &ret, cancellable, error))
    return FALSE;
  stats->rd_req = ret.rd_req;
  stats->rd_bytes = ret.rd_bytes;
  stats->wr_req = ret.wr_req;
  stats->wr_bytes = ret.wr_bytes;
  stats->errs = ret.errs;
  return TRUE;
}

static gboolean
remote_get_interface_stats (gpointer                   data,
                            const char                *uuid,
                            const char                *device,
                            GVirDriverInterfaceStats  *stats,
                            GCancellable              *cancellable,
                            GError                   **error)
{
  RemoteHandle *h = data;
  g_auto(GVirRpcDomainInterfaceStatsArgs) args = { .path = g_strdup (device) };
  GVirRpcDomainInterfaceStatsRet ret;

  if (!domain_ref (h, uuid, &args.dom, cancellable, error) ||
      !gvir_rpc_call_domain_interface_stats (h->client, &args, &ret, cancellable, error))
    return FALSE;
  stats->rx_bytes = ret.rx_bytes;
  stats->rx_packets = ret.rx_packets;
  stats->rx_errs = ret.rx_errs;
  stats->rx_drop = ret.rx_drop;
  stats->tx_bytes = ret.tx_bytes;
  stats->tx_packets = ret.tx_packets;
  stats->tx_errs = ret.tx_errs;
  stats->tx_drop = ret.tx_drop;
  return TRUE;
}

static gboolean
remote_resize_block (gpointer       data,
                     const char    *uuid,
                     const char    *disk,
                     guint64        size,
                     guint          flags,
                     GCancellable  *cancellable,
                     GError       **error)
{
  RemoteHandle *h = data;
  g_auto(GVirRpcDomainBlockResizeArgs) args = {
    .disk = g_strdup (disk),
    .size = size,
    .flags = flags,
  };

  return domain_ref (h, uuid, &args.dom, cancellable, error) &&
         gvir_rpc_call_domain_block_resize (h->client, &args, cancellable, error);
}

static gboolean
remote_update_device (gpointer       data,
                      const char    *uuid,
                      const char    *xml,
                      guint          flags,
                      GCancellable  *cancellable,
                      GError       **error)
{
  RemoteHandle *h = data;
  g_auto(GVirRpcDomainUpdateDeviceFlagsArgs) args = { .xml = g_strdup (xml), .flags = flags };

  return domain_ref (h, uuid, &args.dom, cancellable, error) &&
         gvir_rpc_call_domain_update_device_flags (h->client, &args, cancellable, error);
}

static gboolean
remote_set_time (gpointer       data,
                 const char    *uuid,
                 gint64         seconds,
                 guint          nseconds,
                 guint          flags,
                 GCancellable  *cancellable,
                 GError       **error)
{
  RemoteHandle *h = data;
  g_auto(GVirRpcDomainSetTimeArgs) args = {
    .seconds = seconds,
    .nseconds = nseconds,
    .flags = flags,
  };

  return domain_ref (h, uuid, &args.dom, cancellable, error) &&
         gvir_rpc_call_domain_set_time (h->client, &args, cancellable, error);
}

static gboolean
remote_pm_wakeup (gpointer       data,
                  const char    *uuid,
                  guint          flags,
                  GCancellable  *cancellable,
                  GError       **error)
{
  return domain_flags_action (data, gvir_rpc_call_domain_pm_wakeup, uuid, flags, cancellable,
                              error);
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
  .get_domain_vcpus = remote_get_domain_vcpus,
  .get_domain_autostart = remote_get_domain_autostart,
  .set_domain_autostart = remote_set_domain_autostart,
  .get_save_image_xml = remote_get_save_image_xml,
  .define_save_image_xml = remote_define_save_image_xml,
  .get_numa_parameters = remote_get_numa_parameters,
  .set_numa_parameters = remote_set_numa_parameters,
  .get_block_stats = remote_get_block_stats,
  .get_interface_stats = remote_get_interface_stats,
  .set_memory = remote_set_memory,
  .get_memory_stats = remote_get_memory_stats,
  .resize_block = remote_resize_block,
  .update_device = remote_update_device,
  .set_time = remote_set_time,
  .pm_wakeup = remote_pm_wakeup,
  .screenshot_domain = gvir_remote_screenshot_domain,
  .open_domain_console = gvir_remote_open_domain_console,
};

const GVirDriver gvir_remote_driver = {
  .name = "remote",
  .accepts = remote_accepts,
  .open = remote_open,
  .close = remote_close,
  .interrupt = remote_interrupt,
  .get_type = remote_get_type,
  .get_version = remote_get_version,
  .get_hostname = remote_get_hostname,
  .get_node_info = remote_get_node_info,
  .get_capabilities = remote_get_capabilities,
  .get_domain_capabilities = remote_get_domain_capabilities,
  .get_cells_free_memory = remote_get_cells_free_memory,
  .get_host_nodes = remote_get_host_nodes,
  .domain = &remote_domain_funcs,
  .snapshot = &gvir_remote_snapshot_funcs,
  .network = &gvir_remote_network_funcs,
  .interface = &gvir_remote_interface_funcs,
  .node_device = &gvir_remote_node_device_funcs,
  .secret = &gvir_remote_secret_funcs,
  .network_filter = &gvir_remote_network_filter_funcs,
  .storage = &gvir_remote_storage_funcs,
  .stream = &gvir_remote_stream_funcs,
};
