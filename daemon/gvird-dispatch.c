/*
 * gvird-dispatch.c: sessions, the worker pool and the remote program's
 * procedures on top of the driver layer
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * A session is a client's view of the drivers: its driver connection
 * (after CONNECT_OPEN), whether it is read-only, and its event callbacks.
 * Calls run on workers, several at a time for one client, so the session
 * is guarded by its lock; a call holds its own reference on the driver
 * connection while it runs.
 *
 * Access rules, before any argument is decoded: an unknown procedure gets
 * libvirt's "unknown procedure" RPC error (clients turn it into "not
 * supported" and fall back); on a SASL socket, until the client has
 * authenticated (gvird-sasl.c), only the table's PRE_AUTH procedures run
 * and the others get libvirt's "authentication required"; before
 * CONNECT_OPEN only the table's NO_AUTH procedures run; a read-only
 * session runs only the table's READ_ONLY procedures, everything else
 * gets libvirt's OPERATION_DENIED.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "gvird-dispatch-private.h"
#include "gvird-stream-private.h"
#include "libvirt-gconfig/libvirt-gconfig.h"

/* virErrorDomain VIR_FROM_DOMAIN, what libvirt's API checks report. */
#define ERR_DOMAIN_DOMAIN 20
/* virErrorDomain of libvirt's drivers: libvirtd reports a driver's error
 * with its driver's domain (libvirt's Python binding and virsh show it). */
#define ERR_DOMAIN_QEMU 10
#define ERR_DOMAIN_TEST 12

typedef struct
{
  gint32 id;
  gint32 event_id;
  gboolean has_dom;
  char uuid[37];
} Callback;

struct _GvirdSession
{
  GMutex lock;
  GvirdClient *client;          /* owns the session */
  gboolean read_only;
  GVirDriverConnection *conn;   /* NULL before CONNECT_OPEN and after close */
  gboolean closed;
  gboolean keepalive;           /* the client asked feature 10 */
  GvirdSasl *sasl;              /* NULL: the socket does not use SASL */
  GArray *callbacks;            /* Callback */
  gint32 next_callback_id;
};

typedef GvirdCall Call;

typedef struct _ExtraProc ExtraProc;

/* A call read from a client; its procedure is looked up once, when it is
 * read, for both the choice of thread and the dispatch. */
typedef struct
{
  GvirdClient *client;
  GVirRpcHeader header;
  GBytes *payload;
  const ExtraProc *extra;       /* NULL: a procedure of the generated table */
  const GVirRpcProcInfo *info;  /* NULL: no such procedure */
} Job;

/* Live sessions: a driver event may race with a session's end, so the
 * event function looks its session up here (under the lock) before
 * touching it. */
static GMutex live_lock;
static GHashTable *live_sessions;

/* ---- sessions --------------------------------------------------------------- */

GvirdSession *
gvird_session_new (GvirdClient *client,
                   gboolean     read_only,
                   GvirdSasl   *sasl)
{
  GvirdSession *session = g_new0 (GvirdSession, 1);

  g_mutex_init (&session->lock);
  session->client = client;
  session->read_only = read_only;
  session->sasl = sasl;
  session->callbacks = g_array_new (FALSE, TRUE, sizeof (Callback));
  g_mutex_lock (&live_lock);
  if (live_sessions == NULL)
    live_sessions = g_hash_table_new (NULL, NULL);
  g_hash_table_add (live_sessions, session);
  g_mutex_unlock (&live_lock);
  return session;
}

void
gvird_session_close (GvirdSession *session)
{
  GVirDriverConnection *conn;

  g_mutex_lock (&session->lock);
  session->closed = TRUE;
  conn = g_steal_pointer (&session->conn);
  g_array_set_size (session->callbacks, 0);
  g_mutex_unlock (&session->lock);
  if (conn != NULL)
    {
      gvir_driver_connection_close (conn);
      gvir_driver_connection_unref (conn);
    }
}

void
gvird_session_free (GvirdSession *session)
{
  if (session == NULL)
    return;
  g_mutex_lock (&live_lock);
  g_hash_table_remove (live_sessions, session);
  g_mutex_unlock (&live_lock);
  gvird_session_close (session);
  g_array_unref (session->callbacks);
  gvird_sasl_free (session->sasl);
  g_mutex_clear (&session->lock);
  g_free (session);
}

GvirdSasl *
gvird_session_get_sasl (GvirdSession *session)
{
  return session->sasl;
}

gboolean
gvird_session_wants_keepalive (GvirdSession *session)
{
  gboolean wants;

  g_mutex_lock (&session->lock);
  wants = session->keepalive;
  g_mutex_unlock (&session->lock);
  return wants;
}

/* ---- events ----------------------------------------------------------------- */

void
gvird_rpc_domain_fill (GVirRpcDomain          *out,
                       const GVirDriverDomain *dom)
{
  out->name = g_strdup (dom->name);
  if (!gvir_rpc_uuid_parse (dom->uuid, out->uuid))
    memset (out->uuid, 0, sizeof out->uuid);
  out->id = dom->id;
}

static GBytes *
encode_message (gint32            proc,
                const GByteArray *payload)
{
  GVirRpcHeader header = {
    .prog = GVIR_RPC_REMOTE_PROGRAM,
    .vers = GVIR_RPC_REMOTE_VERSION,
    .proc = proc,
    .type = GVIR_RPC_TYPE_MESSAGE,
    .serial = 1,  /* what libvirtd sends; clients ignore it */
    .status = GVIR_RPC_STATUS_OK,
  };

  return gvir_rpc_packet_encode (&header, payload->data, payload->len, NULL);
}

static void
session_send_lifecycle (GvirdSession          *session,
                        const GVirDriverEvent *event)
{
  guint i;

  for (i = 0; i < session->callbacks->len; i++)
    {
      const Callback *cb = &g_array_index (session->callbacks, Callback, i);
      g_auto (GVirRpcDomainEventCallbackLifecycleMsg) msg = { 0 };
      g_autoptr (GByteArray) payload = NULL;
      g_autoptr (GBytes) packet = NULL;

      if (cb->event_id != 0 || (cb->has_dom && !g_str_equal (cb->uuid, event->domain->uuid)))
        continue;
      msg.callback_id = cb->id;
      gvird_rpc_domain_fill (&msg.msg.dom, event->domain);
      msg.msg.event = event->event;
      msg.msg.detail = event->detail;
      payload = gvir_rpc_encode_domain_event_callback_lifecycle_msg (&msg, NULL);
      if (payload != NULL)
        packet = encode_message (GVIR_RPC_PROC_DOMAIN_EVENT_CALLBACK_LIFECYCLE, payload);
      if (packet != NULL)
        gvird_client_post (session->client, packet, FALSE);
    }
}

static void
session_on_event (const GVirDriverEvent *event,
                  gpointer               data)
{
  GvirdSession *session = data;

  if (event->kind != GVIR_DRIVER_EVENT_DOMAIN_LIFECYCLE)
    return;
  g_mutex_lock (&live_lock);
  if (live_sessions != NULL && g_hash_table_contains (live_sessions, session))
    {
      g_mutex_lock (&session->lock);
      if (!session->closed)
        session_send_lifecycle (session, event);
      g_mutex_unlock (&session->lock);
    }
  g_mutex_unlock (&live_lock);
}

/* ---- helpers for handlers ----------------------------------------------------- */

char *
gvird_uuid_string (const guint8 *uuid)
{
  return gvir_rpc_uuid_format (uuid);
}

static char *
uuid_of (const GVirRpcDomain *dom)
{
  return gvird_uuid_string (dom->uuid);
}

/* Fills a domain reply from a driver domain, which it frees. */
static gboolean
domain_reply (GVirDriverDomain *dom,
              GVirRpcDomainRet *ret)
{
  if (dom == NULL)
    return FALSE;
  gvird_rpc_domain_fill (&ret->dom, dom);
  gvir_driver_domain_free (dom);
  return TRUE;
}

static gboolean
string_reply (char             *value,
              GVirRpcStringRet *ret)
{
  ret->value = value;
  return value != NULL;
}

/* A domain's current record (libvirt's handlers look the domain up by
 * UUID first, so a stale name or id in the arguments does not matter). */
GVirDriverDomain *
gvird_call_lookup_domain (GvirdCall            *call,
                          const GVirRpcDomain  *dom,
                          GError              **error)
{
  g_autofree char *uuid = uuid_of (dom);

  return gvir_driver_connection_lookup_domain_by_uuid (call->conn, uuid, NULL, error);
}

/* ---- the connection ---------------------------------------------------------- */

static gboolean
h_connect_open (gpointer                      data,
                const GVirRpcConnectOpenArgs *args,
                GError                      **error)
{
  Call *call = data;
  GvirdSession *s = call->session;
  g_autoptr (GVirDriverUri) uri = NULL;
  GVirDriverConnection *conn;
  gboolean read_only;

  if (args->name == NULL || args->name[0] == '\0')
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                   "no URI given: this daemon has no default driver, open test:///default "
                   "or another local URI");
      return FALSE;
    }
  uri = gvir_driver_uri_parse (args->name, error);
  if (uri == NULL)
    return FALSE;
  /* A transport or host would make the daemon a client of itself. */
  if (uri->transport != NULL || uri->host != NULL)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                   "the daemon serves local drivers only, not '%s'", args->name);
      return FALSE;
    }
  g_mutex_lock (&s->lock);
  read_only = s->read_only || (args->flags & GVIR_RPC_OPEN_RO) != 0;
  g_mutex_unlock (&s->lock);
  conn = gvir_driver_connection_open (args->name, read_only, session_on_event, s, NULL, error);
  if (conn == NULL)
    return FALSE;
  g_mutex_lock (&s->lock);
  if (s->conn == NULL && !s->closed)
    {
      s->conn = conn;
      s->read_only = read_only;
      conn = NULL;
    }
  g_mutex_unlock (&s->lock);
  if (conn != NULL)
    {
      /* Another CONNECT_OPEN won, or the client left meanwhile. */
      gvir_driver_connection_close (conn);
      gvir_driver_connection_unref (conn);
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_FAILED, "internal error: connection already open");
      return FALSE;
    }
  gvird_idle_hold_uri (uri);
  return TRUE;
}

static gboolean
h_connect_close (gpointer   data,
                 GError   **error)
{
  Call *call = data;
  GvirdSession *s = call->session;
  GVirDriverConnection *conn;

  g_mutex_lock (&s->lock);
  conn = g_steal_pointer (&s->conn);
  g_array_set_size (s->callbacks, 0);
  g_mutex_unlock (&s->lock);
  if (conn != NULL)
    {
      gvir_driver_connection_close (conn);
      gvir_driver_connection_unref (conn);
    }
  return TRUE;
}

static gboolean
h_auth_list (gpointer            data,
             GVirRpcAuthListRet *ret,
             GError            **error)
{
  GvirdSession *s = ((Call *) data)->session;

  ret->n_types = 1;
  ret->types = g_new0 (gint32, 1);
  ret->types[0] = s->sasl != NULL ? GVIR_RPC_AUTH_SASL : GVIR_RPC_AUTH_NONE;
  return TRUE;
}

static gboolean
h_supports_feature (gpointer             data,
                    const GVirRpcIntArgs *args,
                    GVirRpcIntRet       *ret,
                    GError             **error)
{
  GvirdSession *s = ((Call *) data)->session;

  switch (args->value)
    {
    case GVIR_RPC_FEATURE_PROGRAM_KEEPALIVE:
      /* Asking is what enables the daemon's pings, as with libvirtd. */
      g_mutex_lock (&s->lock);
      s->keepalive = TRUE;
      g_mutex_unlock (&s->lock);
      ret->value = 1;
      break;
    case GVIR_RPC_FEATURE_TYPED_PARAM_STRING:
    case GVIR_RPC_FEATURE_REMOTE_EVENT_CALLBACK:
    case GVIR_RPC_FEATURE_REMOTE_CLOSE_CALLBACK:
      ret->value = 1;
      break;
    default:
      ret->value = 0;
    }
  return TRUE;
}

/* Our driver connections never die under a client, so a close callback
 * never fires; registering it only needs to succeed. */
static gboolean
h_close_callback (gpointer   data,
                  GError   **error)
{
  return TRUE;
}

static gboolean
h_get_type (gpointer data, GVirRpcStringRet *ret, GError **error)
{
  return string_reply (gvir_driver_connection_get_type (((Call *) data)->conn, NULL, error), ret);
}

static gboolean
h_get_version (gpointer data, GVirRpcConnectGetVersionRet *ret, GError **error)
{
  gulong version = 0;

  if (!gvir_driver_connection_get_version (((Call *) data)->conn, &version, NULL, error))
    return FALSE;
  ret->hv_ver = version;
  return TRUE;
}

static gboolean
h_get_hostname (gpointer data, GVirRpcStringRet *ret, GError **error)
{
  return string_reply (gvir_driver_connection_get_hostname (((Call *) data)->conn, NULL, error),
                       ret);
}

static gboolean
h_get_capabilities (gpointer data, GVirRpcStringRet *ret, GError **error)
{
  return string_reply (gvir_driver_connection_get_capabilities (((Call *) data)->conn, NULL, error),
                       ret);
}

static gboolean
h_get_domain_capabilities (gpointer                                      data,
                           const GVirRpcConnectGetDomainCapabilitiesArgs *args,
                           GVirRpcStringRet                              *ret,
                           GError                                       **error)
{
  return string_reply (gvir_driver_connection_get_domain_capabilities (((Call *) data)->conn,
                                                                       args->emulatorbin, args->arch,
                                                                       args->machine, args->virttype,
                                                                       args->flags, NULL, error),
                       ret);
}

/* A C string as libvirt's char<N> array: one int per byte, its NUL too. */
static void
char_array_reply (const char *text, guint32 *n_out, gint32 **out)
{
  gsize i, len = strlen (text) + 1;

  *out = g_new (gint32, len);
  for (i = 0; i < len; i++)
    (*out)[i] = (guchar) text[i];
  *n_out = len;
}

static gboolean
h_node_get_security_model (gpointer data, GVirRpcNodeGetSecurityModelRet *ret, GError **error)
{
  const char *model = gvir_driver_connection_get_security_model (((Call *) data)->conn);

  /* libvirt's DOI of the "none" model is "0"; no model, no DOI. */
  char_array_reply (model != NULL ? model : "", &ret->n_model, &ret->model);
  char_array_reply (model != NULL ? "0" : "", &ret->n_doi, &ret->doi);
  return TRUE;
}

/* Our drivers label nothing: an empty label, not enforcing, as libvirt
 * answers for an unconfined domain. */
static gboolean
h_domain_get_security_label (gpointer                           data,
                             const GVirRpcDomainArgs           *args,
                             GVirRpcDomainGetSecurityLabelRet  *ret,
                             GError                           **error)
{
  g_autoptr (GVirDriverDomain) dom = gvird_call_lookup_domain (data, &args->dom, error);

  if (dom == NULL)
    return FALSE;
  char_array_reply ("", &ret->n_label, &ret->label);
  ret->enforcing = 0;
  return TRUE;
}

static gboolean
h_node_get_info (gpointer         data,
                 GVirRpcNodeInfo *ret,
                 GError         **error)
{
  GVirDriverNodeInfo info = { 0 };

  if (!gvir_driver_connection_get_node_info (((Call *) data)->conn, &info, NULL, error))
    return FALSE;
  g_strlcpy (ret->model, info.model != NULL ? info.model : "", sizeof ret->model);
  ret->memory_kib = info.memory_kib;
  ret->cpus = info.cpus;
  ret->mhz = info.mhz;
  ret->nodes = info.nodes;
  ret->sockets = info.sockets;
  ret->cores = info.cores;
  ret->threads = info.threads;
  gvir_driver_node_info_clear (&info);
  return TRUE;
}

static gboolean
h_cells_free_memory (gpointer                                 data,
                     const GVirRpcNodeGetCellsFreeMemoryArgs *args,
                     GVirRpcNodeGetCellsFreeMemoryRet        *ret,
                     GError                                 **error)
{
  g_autoptr (GArray) cells = NULL;

  cells = gvir_driver_connection_get_cells_free_memory (((Call *) data)->conn, args->start_cell,
                                                        args->max_cells, NULL, error);
  if (cells == NULL)
    return FALSE;
  ret->n_cells = MIN (cells->len, (guint) GVIR_RPC_NODE_MAX_CELLS);
  ret->cells = g_memdup2 (cells->data, ret->n_cells * sizeof (guint64));
  return TRUE;
}

/* ---- domains: lookups and lists ------------------------------------------------ */

static gboolean
h_lookup_by_name (gpointer data, const GVirRpcDomainLookupByNameArgs *args,
                  GVirRpcDomainRet *ret, GError **error)
{
  return domain_reply (gvir_driver_connection_lookup_domain_by_name (((Call *) data)->conn,
                                                                     args->name, NULL, error),
                       ret);
}

static gboolean
h_lookup_by_uuid (gpointer data, const GVirRpcDomainLookupByUuidArgs *args,
                  GVirRpcDomainRet *ret, GError **error)
{
  g_autofree char *uuid = gvir_rpc_uuid_format (args->uuid);

  return domain_reply (gvir_driver_connection_lookup_domain_by_uuid (((Call *) data)->conn, uuid,
                                                                     NULL, error),
                       ret);
}

static gboolean
h_lookup_by_id (gpointer data, const GVirRpcIntArgs *args, GVirRpcDomainRet *ret, GError **error)
{
  return domain_reply (gvir_driver_connection_lookup_domain_by_id (((Call *) data)->conn,
                                                                   args->value, NULL, error),
                       ret);
}

/* Whether @dom passes the autostart group of @flags. The domain list does
 * not carry the flag, so it costs one driver call, made only when asked; a
 * domain gone meanwhile passes no filter. */
static gboolean
autostart_filter_accepts (GVirDriverConnection   *conn,
                          const GVirDriverDomain *dom,
                          guint32                 flags)
{
  guint32 group = flags & (GVIR_RPC_LIST_DOMAINS_AUTOSTART | GVIR_RPC_LIST_DOMAINS_NO_AUTOSTART);
  gboolean autostart = FALSE;

  if (group == 0)
    return TRUE;
  if (!gvir_driver_connection_get_domain_autostart (conn, dom->uuid, &autostart, NULL, NULL))
    return FALSE;
  return (group & (autostart ? GVIR_RPC_LIST_DOMAINS_AUTOSTART
                             : GVIR_RPC_LIST_DOMAINS_NO_AUTOSTART)) != 0;
}

/* Whether @dom passes libvirt's CONNECT_LIST_ALL_DOMAINS filter @flags:
 * within each group of flags, no flag set means "any". */
static gboolean
list_filter_accepts (GVirDriverConnection   *conn,
                     const GVirDriverDomain *dom,
                     guint32                 flags)
{
  gboolean active = dom->id >= 0;
  guint32 group;

  group = flags & (GVIR_RPC_LIST_DOMAINS_ACTIVE | GVIR_RPC_LIST_DOMAINS_INACTIVE);
  if (group != 0 && !(group & (active ? GVIR_RPC_LIST_DOMAINS_ACTIVE
                                      : GVIR_RPC_LIST_DOMAINS_INACTIVE)))
    return FALSE;
  group = flags & (GVIR_RPC_LIST_DOMAINS_PERSISTENT | GVIR_RPC_LIST_DOMAINS_TRANSIENT);
  if (group != 0 && !(group & (dom->persistent ? GVIR_RPC_LIST_DOMAINS_PERSISTENT
                                               : GVIR_RPC_LIST_DOMAINS_TRANSIENT)))
    return FALSE;
  group = flags & (GVIR_RPC_LIST_DOMAINS_RUNNING | GVIR_RPC_LIST_DOMAINS_PAUSED |
                   GVIR_RPC_LIST_DOMAINS_SHUTOFF | GVIR_RPC_LIST_DOMAINS_OTHER);
  if (group != 0)
    {
      guint32 mine = dom->state == GVIR_DRIVER_STATE_RUNNING ? GVIR_RPC_LIST_DOMAINS_RUNNING
                   : dom->state == GVIR_DRIVER_STATE_PAUSED  ? GVIR_RPC_LIST_DOMAINS_PAUSED
                   : dom->state == GVIR_DRIVER_STATE_SHUTOFF ? GVIR_RPC_LIST_DOMAINS_SHUTOFF
                                                             : GVIR_RPC_LIST_DOMAINS_OTHER;
      if (!(group & mine))
        return FALSE;
    }
  group = flags & (GVIR_RPC_LIST_DOMAINS_MANAGEDSAVE | GVIR_RPC_LIST_DOMAINS_NO_MANAGEDSAVE);
  if (group != 0 && !(group & (dom->has_managed_save ? GVIR_RPC_LIST_DOMAINS_MANAGEDSAVE
                                                     : GVIR_RPC_LIST_DOMAINS_NO_MANAGEDSAVE)))
    return FALSE;
  return autostart_filter_accepts (conn, dom, flags);
}

static gboolean
h_list_all_domains (gpointer                                data,
                    const GVirRpcConnectListAllDomainsArgs *args,
                    GVirRpcConnectListAllDomainsRet        *ret,
                    GError                                **error)
{
  g_autoptr (GPtrArray) all = NULL;
  guint i, n = 0;

  all = gvir_driver_connection_list_domains (((Call *) data)->conn, NULL, error);
  if (all == NULL)
    return FALSE;
  ret->domains = g_new0 (GVirRpcDomain, MAX (all->len, 1));
  for (i = 0; i < all->len && n < GVIR_RPC_DOMAIN_LIST_MAX; i++)
    {
      const GVirDriverDomain *dom = all->pdata[i];

      if (list_filter_accepts (((Call *) data)->conn, dom, args->flags))
        gvird_rpc_domain_fill (&ret->domains[n++], dom);
    }
  ret->ret = n;
  ret->n_domains = args->need_results ? n : 0;
  if (!args->need_results)
    {
      for (i = 0; i < n; i++)
        gvir_rpc_domain_clear (&ret->domains[i]);
      g_clear_pointer (&ret->domains, g_free);
    }
  return TRUE;
}

/* The older list calls (python's listDomainsID and numOfDomains, virsh's
 * fallback when LIST_ALL_DOMAINS is unsupported): ids of the running
 * domains, names of the inactive persistent ones. */
static GPtrArray *
list_matching (Call      *call,
               guint32    flags,
               GError   **error)
{
  g_autoptr (GPtrArray) all = gvir_driver_connection_list_domains (call->conn, NULL, error);
  GPtrArray *matching;
  guint i;

  if (all == NULL)
    return NULL;
  matching = g_ptr_array_new_with_free_func ((GDestroyNotify) gvir_driver_domain_free);
  for (i = 0; i < all->len; i++)
    if (list_filter_accepts (call->conn, all->pdata[i], flags))
      g_ptr_array_add (matching, g_steal_pointer (&all->pdata[i]));
  return matching;
}

/* libvirtd's bound check of a list call's maximum count. */
static gboolean
check_list_max (gint32       max,
                const char  *what,
                GError     **error)
{
  if (max < 0 || max > GVIR_RPC_DOMAIN_LIST_MAX)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_PROTOCOL, "%s > REMOTE_DOMAIN_LIST_MAX", what);
      return FALSE;
    }
  return TRUE;
}

static gboolean
h_list_domains (gpointer                              data,
                const GVirRpcConnectListDomainsArgs  *args,
                GVirRpcConnectListDomainsRet         *ret,
                GError                              **error)
{
  g_autoptr (GPtrArray) active = NULL;
  guint i;

  if (!check_list_max (args->maxids, "maxids", error))
    return FALSE;
  active = list_matching (data, GVIR_RPC_LIST_DOMAINS_ACTIVE, error);
  if (active == NULL)
    return FALSE;
  ret->n_ids = MIN (active->len, (guint) args->maxids);
  ret->ids = g_new0 (gint32, MAX (ret->n_ids, 1));
  for (i = 0; i < ret->n_ids; i++)
    ret->ids[i] = ((const GVirDriverDomain *) active->pdata[i])->id;
  return TRUE;
}

static gboolean
h_list_defined_domains (gpointer                                     data,
                        const GVirRpcConnectListDefinedDomainsArgs  *args,
                        GVirRpcConnectListDefinedDomainsRet         *ret,
                        GError                                     **error)
{
  g_autoptr (GPtrArray) inactive = NULL;
  guint i;

  if (!check_list_max (args->maxnames, "maxnames", error))
    return FALSE;
  inactive = list_matching (data, GVIR_RPC_LIST_DOMAINS_INACTIVE, error);
  if (inactive == NULL)
    return FALSE;
  ret->n_names = MIN (inactive->len, (guint) args->maxnames);
  ret->names = g_new0 (char *, MAX (ret->n_names, 1));
  for (i = 0; i < ret->n_names; i++)
    ret->names[i] = g_strdup (((const GVirDriverDomain *) inactive->pdata[i])->name);
  return TRUE;
}

static gboolean
count_domains (Call            *call,
               guint32          flags,
               GVirRpcIntRet   *ret,
               GError         **error)
{
  g_autoptr (GPtrArray) matching = list_matching (call, flags, error);

  if (matching == NULL)
    return FALSE;
  ret->value = matching->len;
  return TRUE;
}

static gboolean
h_num_of_domains (gpointer data, GVirRpcIntRet *ret, GError **error)
{
  return count_domains (data, GVIR_RPC_LIST_DOMAINS_ACTIVE, ret, error);
}

static gboolean
h_num_of_defined_domains (gpointer data, GVirRpcIntRet *ret, GError **error)
{
  return count_domains (data, GVIR_RPC_LIST_DOMAINS_INACTIVE, ret, error);
}

/* ---- domains: queries --------------------------------------------------------- */

static gboolean
h_get_info (gpointer data, const GVirRpcDomainArgs *args, GVirRpcDomainInfo *ret, GError **error)
{
  g_autofree char *uuid = uuid_of (&args->dom);
  GVirDriverDomainInfo info = { 0 };

  if (!gvir_driver_connection_get_domain_info (((Call *) data)->conn, uuid, &info, NULL, error))
    return FALSE;
  ret->state = info.state;
  ret->max_mem_kib = info.max_mem_kib;
  ret->memory_kib = info.memory_kib;
  ret->nr_virt_cpu = info.nr_virt_cpu;
  ret->cpu_time_ns = info.cpu_time_ns;
  return TRUE;
}

static gboolean
h_get_state (gpointer data, const GVirRpcDomainFlagsArgs *args, GVirRpcDomainGetStateRet *ret,
             GError **error)
{
  g_autofree char *uuid = uuid_of (&args->dom);
  int state = 0, reason = 0;

  if (!gvir_driver_connection_get_domain_state (((Call *) data)->conn, uuid, &state, &reason,
                                                NULL, error))
    return FALSE;
  ret->state = state;
  ret->reason = reason;
  return TRUE;
}

static gboolean
h_get_xml_desc (gpointer data, const GVirRpcDomainFlagsArgs *args, GVirRpcStringRet *ret,
                GError **error)
{
  Call *call = data;
  g_autofree char *uuid = uuid_of (&args->dom);

  /* As libvirt: a read-only client never sees secure parts. */
  if (gvir_driver_connection_is_read_only (call->conn) && (args->flags & GVIR_DRIVER_XML_SECURE))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_READ_ONLY,
                   "operation forbidden: virDomainGetXMLDesc with secure flag");
      return FALSE;
    }
  return string_reply (gvir_driver_connection_get_domain_xml (call->conn, uuid, args->flags, NULL,
                                                              error),
                       ret);
}

static gboolean
h_is_active (gpointer data, const GVirRpcDomainArgs *args, GVirRpcIntRet *ret, GError **error)
{
  g_autoptr (GVirDriverDomain) dom = gvird_call_lookup_domain (data, &args->dom, error);

  if (dom == NULL)
    return FALSE;
  ret->value = dom->id >= 0;
  return TRUE;
}

static gboolean
h_is_persistent (gpointer data, const GVirRpcDomainArgs *args, GVirRpcIntRet *ret, GError **error)
{
  g_autoptr (GVirDriverDomain) dom = gvird_call_lookup_domain (data, &args->dom, error);

  if (dom == NULL)
    return FALSE;
  ret->value = dom->persistent;
  return TRUE;
}

static gboolean
h_get_autostart (gpointer data, const GVirRpcDomainArgs *args, GVirRpcIntRet *ret, GError **error)
{
  g_autofree char *uuid = uuid_of (&args->dom);
  gboolean autostart = FALSE;

  if (!gvir_driver_connection_get_domain_autostart (((Call *) data)->conn, uuid, &autostart,
                                                    NULL, error))
    return FALSE;
  ret->value = autostart ? 1 : 0;
  return TRUE;
}

static gboolean
h_has_managed_save (gpointer data, const GVirRpcDomainFlagsArgs *args, GVirRpcIntRet *ret,
                    GError **error)
{
  g_autoptr (GVirDriverDomain) dom = gvird_call_lookup_domain (data, &args->dom, error);

  if (dom == NULL)
    return FALSE;
  ret->value = dom->has_managed_save;
  return TRUE;
}

static gboolean
h_get_vcpus_flags (gpointer data, const GVirRpcDomainFlagsArgs *args, GVirRpcIntRet *ret,
                   GError **error)
{
  Call *call = data;
  g_autoptr (GVirDriverDomain) dom = gvird_call_lookup_domain (call, &args->dom, error);
  gint count;

  if (dom == NULL)
    return FALSE;
  count = gvir_driver_connection_get_domain_vcpus (call->conn, dom->uuid, args->flags, NULL,
                                                   error);
  ret->value = count;
  return count >= 0;
}

/* ---- domains: changes ---------------------------------------------------------- */

static gboolean
h_define_xml (gpointer data, const GVirRpcDomainDefineXmlArgs *args, GVirRpcDomainRet *ret,
              GError **error)
{
  return domain_reply (gvir_driver_connection_define_domain (((Call *) data)->conn, args->xml, 0,
                                                             NULL, error),
                       ret);
}

static gboolean
h_define_xml_flags (gpointer data, const GVirRpcXmlFlagsArgs *args, GVirRpcDomainRet *ret,
                    GError **error)
{
  return domain_reply (gvir_driver_connection_define_domain (((Call *) data)->conn, args->xml,
                                                             args->flags, NULL, error),
                       ret);
}

static gboolean
h_create_xml (gpointer data, const GVirRpcXmlFlagsArgs *args, GVirRpcDomainRet *ret,
              GError **error)
{
  return domain_reply (gvir_driver_connection_create_domain (((Call *) data)->conn, args->xml,
                                                             args->flags, NULL, error),
                       ret);
}

static gboolean
h_create_with_flags (gpointer data, const GVirRpcDomainFlagsArgs *args, GVirRpcDomainRet *ret,
                     GError **error)
{
  Call *call = data;
  g_autofree char *uuid = uuid_of (&args->dom);

  if (!gvir_driver_connection_start_domain (call->conn, uuid, args->flags, NULL, error))
    return FALSE;
  return domain_reply (gvir_driver_connection_lookup_domain_by_uuid (call->conn, uuid, NULL, error),
                       ret);
}

#define UUID_CALL(func, args, ...)                                         \
  G_STMT_START                                                             \
  {                                                                        \
    g_autofree char *uuid_ = uuid_of (&(args)->dom);                       \
    return func (((Call *) data)->conn, uuid_, __VA_ARGS__);               \
  }                                                                        \
  G_STMT_END

static gboolean
h_destroy (gpointer data, const GVirRpcDomainArgs *args, GError **error)
{
  UUID_CALL (gvir_driver_connection_destroy_domain, args, 0, NULL, error);
}

static gboolean
h_destroy_flags (gpointer data, const GVirRpcDomainFlagsArgs *args, GError **error)
{
  UUID_CALL (gvir_driver_connection_destroy_domain, args, args->flags, NULL, error);
}

static gboolean
h_shutdown (gpointer data, const GVirRpcDomainArgs *args, GError **error)
{
  UUID_CALL (gvir_driver_connection_shutdown_domain, args, 0, NULL, error);
}

static gboolean
h_shutdown_flags (gpointer data, const GVirRpcDomainFlagsArgs *args, GError **error)
{
  UUID_CALL (gvir_driver_connection_shutdown_domain, args, args->flags, NULL, error);
}

static gboolean
h_reboot (gpointer data, const GVirRpcDomainFlagsArgs *args, GError **error)
{
  UUID_CALL (gvir_driver_connection_reboot_domain, args, args->flags, NULL, error);
}

static gboolean
h_suspend (gpointer data, const GVirRpcDomainArgs *args, GError **error)
{
  UUID_CALL (gvir_driver_connection_suspend_domain, args, NULL, error);
}

static gboolean
h_resume (gpointer data, const GVirRpcDomainArgs *args, GError **error)
{
  UUID_CALL (gvir_driver_connection_resume_domain, args, NULL, error);
}

static gboolean
h_undefine_flags (gpointer data, const GVirRpcDomainFlagsArgs *args, GError **error)
{
  UUID_CALL (gvir_driver_connection_undefine_domain, args, args->flags, NULL, error);
}

static gboolean
h_set_autostart (gpointer data, const GVirRpcDomainSetAutostartArgs *args, GError **error)
{
  UUID_CALL (gvir_driver_connection_set_domain_autostart, args, args->autostart != 0, NULL, error);
}

static gboolean
h_managed_save (gpointer data, const GVirRpcDomainFlagsArgs *args, GError **error)
{
  UUID_CALL (gvir_driver_connection_managed_save_domain, args, args->flags, NULL, error);
}

/* virsh save and restore: to and from a file the daemon writes and reads
 * (virsh passes the path as given; libvirtd resolves nothing either). */
static gboolean
h_save (gpointer data, const GVirRpcDomainSaveArgs *args, GError **error)
{
  UUID_CALL (gvir_driver_connection_save_domain_to_file, args, args->to, NULL, 0, NULL, error);
}

static gboolean
h_save_flags (gpointer data, const GVirRpcDomainSaveFlagsArgs *args, GError **error)
{
  UUID_CALL (gvir_driver_connection_save_domain_to_file, args, args->to, args->dxml, args->flags,
             NULL, error);
}

static gboolean
restore_from (Call        *call,
              const char  *from,
              const char  *dxml,
              guint        flags,
              GError     **error)
{
  g_autoptr (GVirDriverDomain) dom = gvir_driver_connection_restore_domain_from_file (call->conn,
                                                                                     from, dxml,
                                                                                     flags, NULL,
                                                                                     error);

  return dom != NULL;
}

static gboolean
h_restore (gpointer data, const GVirRpcDomainRestoreArgs *args, GError **error)
{
  return restore_from (data, args->from, NULL, 0, error);
}

static gboolean
h_restore_flags (gpointer data, const GVirRpcDomainRestoreFlagsArgs *args, GError **error)
{
  return restore_from (data, args->from, args->dxml, args->flags, error);
}

/* virsh save-image-dumpxml, and our remote driver before each restore. */
static gboolean
h_save_image_get_xml_desc (gpointer data, const GVirRpcDomainSaveImageGetXmlDescArgs *args,
                           GVirRpcStringRet *ret, GError **error)
{
  Call *call = data;

  return string_reply (gvir_driver_connection_get_save_image_xml (call->conn, args->file,
                                                                  args->flags, NULL, error),
                       ret);
}

/* virsh save-image-define and save-image-edit. */
static gboolean
h_save_image_define_xml (gpointer data, const GVirRpcDomainSaveImageDefineXmlArgs *args,
                         GError **error)
{
  Call *call = data;

  return gvir_driver_connection_define_save_image_xml (call->conn, args->file, args->dxml,
                                                       args->flags, NULL, error);
}

/* ---- NUMA parameters ------------------------------------------------------------ */

/* virTypedParameterFlags' STRING_OKAY: the client takes string values. Not
 * a driver flag, so it is dropped before the call. */
#define TYPED_PARAM_STRING_OKAY (1u << 2)
#define NUMA_PARAM_COUNT 2

static gboolean
h_get_numa_parameters (gpointer                                 data,
                       const GVirRpcDomainGetNumaParametersArgs *args,
                       GVirRpcDomainGetNumaParametersRet        *ret,
                       GError                                  **error)
{
  g_autofree char *uuid = uuid_of (&args->dom);
  g_autofree char *nodeset = NULL;
  int mode = 0;

  /* As libvirt: nparams 0 asks how many there are. */
  if (args->nparams == 0)
    {
      ret->nparams = NUMA_PARAM_COUNT;
      return TRUE;
    }
  if (!gvir_driver_connection_get_numa_parameters (((Call *) data)->conn, uuid,
                                                   args->flags & ~TYPED_PARAM_STRING_OKAY, &mode,
                                                   &nodeset, NULL, error))
    return FALSE;
  ret->params = g_new0 (GVirRpcTypedParam, NUMA_PARAM_COUNT);
  ret->params[0].field = g_strdup ("numa_mode");
  ret->params[0].type = GVIR_RPC_PARAM_INT;
  ret->params[0].value.i = mode;
  ret->n_params = 1;
  /* A client that takes no strings gets only the mode, as from libvirtd. */
  if (args->nparams >= NUMA_PARAM_COUNT && (args->flags & TYPED_PARAM_STRING_OKAY))
    {
      ret->params[1].field = g_strdup ("numa_nodeset");
      ret->params[1].type = GVIR_RPC_PARAM_STRING;
      ret->params[1].value.s = g_steal_pointer (&nodeset);
      ret->n_params = NUMA_PARAM_COUNT;
    }
  ret->nparams = ret->n_params;
  return TRUE;
}

static gboolean
h_set_numa_parameters (gpointer                                  data,
                       const GVirRpcDomainSetNumaParametersArgs *args,
                       GError                                   **error)
{
  g_autofree char *uuid = uuid_of (&args->dom);
  const char *nodeset = NULL;
  int mode = -1;
  guint32 i;

  for (i = 0; i < args->n_params; i++)
    {
      const GVirRpcTypedParam *p = &args->params[i];

      if (g_str_equal (p->field, "numa_mode") && p->type == GVIR_RPC_PARAM_INT)
        mode = p->value.i;
      else if (g_str_equal (p->field, "numa_nodeset") && p->type == GVIR_RPC_PARAM_STRING)
        nodeset = p->value.s;
      else
        {
          g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                       "invalid argument: parameter '%s' (type %d) is not a NUMA parameter",
                       p->field, p->type);
          return FALSE;
        }
    }
  return gvir_driver_connection_set_numa_parameters (((Call *) data)->conn, uuid, mode, nodeset,
                                                     args->flags, NULL, error);
}

/* ---- events ---------------------------------------------------------------------- */

static gboolean
h_event_register_any (gpointer                                                data,
                      const GVirRpcConnectDomainEventCallbackRegisterAnyArgs *args,
                      GVirRpcIntRet                                          *ret,
                      GError                                                **error)
{
  GvirdSession *s = ((Call *) data)->session;
  Callback cb = { 0 };

  /* Only lifecycle events exist in our drivers; virsh event --all needs
   * just the first registration (lifecycle) to succeed. */
  if (args->event_id != 0)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED,
                   "unsupported configuration: event %d is not supported", args->event_id);
      return FALSE;
    }
  cb.event_id = args->event_id;
  if (args->dom != NULL)
    {
      g_autofree char *uuid = uuid_of (args->dom);

      cb.has_dom = TRUE;
      g_strlcpy (cb.uuid, uuid, sizeof cb.uuid);
    }
  g_mutex_lock (&s->lock);
  cb.id = s->next_callback_id++;
  g_array_append_val (s->callbacks, cb);
  g_mutex_unlock (&s->lock);
  ret->value = cb.id;
  return TRUE;
}

static gboolean
h_event_deregister_any (gpointer              data,
                        const GVirRpcIntArgs *args,
                        GError              **error)
{
  GvirdSession *s = ((Call *) data)->session;
  gboolean found = FALSE;
  guint i;

  g_mutex_lock (&s->lock);
  for (i = 0; i < s->callbacks->len && !found; i++)
    if (g_array_index (s->callbacks, Callback, i).id == args->value)
      {
        g_array_remove_index (s->callbacks, i);
        found = TRUE;
      }
  g_mutex_unlock (&s->lock);
  if (!found)
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                 "invalid argument: domain event callback %d not registered", args->value);
  return found;
}

/* The connection's and the domains' handlers; dispatch_handlers() adds
 * those of the other areas, which live in files of their own. */
static GVirRpcServerHandlers handlers = {
  .connect_open = h_connect_open,
  .connect_close = h_connect_close,
  .connect_get_type = h_get_type,
  .connect_get_version = h_get_version,
  .connect_list_domains = h_list_domains,
  .node_get_info = h_node_get_info,
  .node_get_security_model = h_node_get_security_model,
  .domain_get_security_label = h_domain_get_security_label,
  .connect_get_capabilities = h_get_capabilities,
  .domain_create_xml = h_create_xml,
  .domain_define_xml = h_define_xml,
  .domain_destroy = h_destroy,
  .domain_get_xml_desc = h_get_xml_desc,
  .domain_get_info = h_get_info,
  .domain_save = h_save,
  .domain_restore = h_restore,
  .connect_list_defined_domains = h_list_defined_domains,
  .domain_lookup_by_id = h_lookup_by_id,
  .domain_lookup_by_name = h_lookup_by_name,
  .domain_lookup_by_uuid = h_lookup_by_uuid,
  .connect_num_of_defined_domains = h_num_of_defined_domains,
  .domain_reboot = h_reboot,
  .domain_resume = h_resume,
  .domain_shutdown = h_shutdown,
  .domain_suspend = h_suspend,
  .connect_num_of_domains = h_num_of_domains,
  .connect_get_hostname = h_get_hostname,
  .connect_supports_feature = h_supports_feature,
  .auth_list = h_auth_list,
  .node_get_cells_free_memory = h_cells_free_memory,
  .domain_is_active = h_is_active,
  .domain_is_persistent = h_is_persistent,
  .domain_get_autostart = h_get_autostart,
  .domain_set_autostart = h_set_autostart,
  .domain_managed_save = h_managed_save,
  .domain_has_managed_save_image = h_has_managed_save,
  .domain_get_vcpus_flags = h_get_vcpus_flags,
  .domain_create_with_flags = h_create_with_flags,
  .domain_get_state = h_get_state,
  .domain_undefine_flags = h_undefine_flags,
  .domain_save_flags = h_save_flags,
  .domain_restore_flags = h_restore_flags,
  .domain_save_image_get_xml_desc = h_save_image_get_xml_desc,
  .domain_save_image_define_xml = h_save_image_define_xml,
  .domain_destroy_flags = h_destroy_flags,
  .domain_shutdown_flags = h_shutdown_flags,
  .domain_get_numa_parameters = h_get_numa_parameters,
  .domain_set_numa_parameters = h_set_numa_parameters,
  .connect_list_all_domains = h_list_all_domains,
  .connect_domain_event_callback_register_any = h_event_register_any,
  .connect_domain_event_callback_deregister_any = h_event_deregister_any,
  .connect_get_domain_capabilities = h_get_domain_capabilities,
  .domain_define_xml_flags = h_define_xml_flags,
  .connect_register_close_callback = h_close_callback,
  .connect_unregister_close_callback = h_close_callback,
};

static const GVirRpcServerHandlers *
dispatch_handlers (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      gvird_dispatch_add_storage (&handlers);
      gvird_dispatch_add_network (&handlers);
      gvird_dispatch_add_snapshot (&handlers);
      gvird_dispatch_add_devices (&handlers);
      gvird_dispatch_add_host (&handlers);
      gvird_dispatch_add_streams (&handlers);
      gvird_dispatch_add_sasl (&handlers);
      g_once_init_leave (&done, 1);
    }
  return &handlers;
}

/* ---- procedures the generated table lacks ------------------------------------- */

/* virsh needs a few calls our protocol table does not list (the remote
 * driver has its own ways); their shapes reuse the table's structs. */
enum
{
  PROC_DOMAIN_CREATE = 9,
  PROC_DOMAIN_GET_OS_TYPE = 19,
  PROC_DOMAIN_UNDEFINE = 35,
  PROC_CONNECT_GET_LIB_VERSION = 157,
  PROC_DOMAIN_SNAPSHOT_NUM = 187,
};

struct _ExtraProc
{
  GVirRpcProcInfo info;
  gboolean (*run) (Call *call, const guint8 *payload, gsize len, GByteArray *reply,
                   GError **error);
};

static gboolean
x_domain_create (Call *call, const guint8 *payload, gsize len, GByteArray *reply, GError **error)
{
  g_auto (GVirRpcDomainArgs) args = { 0 };
  g_autofree char *uuid = NULL;

  if (!gvir_rpc_decode_domain_args (payload, len, &args, error))
    return FALSE;
  uuid = uuid_of (&args.dom);
  return gvir_driver_connection_start_domain (call->conn, uuid, 0, NULL, error);
}

static gboolean
x_domain_undefine (Call *call, const guint8 *payload, gsize len, GByteArray *reply, GError **error)
{
  g_auto (GVirRpcDomainArgs) args = { 0 };
  g_autofree char *uuid = NULL;

  if (!gvir_rpc_decode_domain_args (payload, len, &args, error))
    return FALSE;
  uuid = uuid_of (&args.dom);
  return gvir_driver_connection_undefine_domain (call->conn, uuid, 0, NULL, error);
}

/* The text of <os><type> in the domain's XML ("hvm" when absent). */
static char *
os_type_of_xml (const char *xml)
{
  const char *os = strstr (xml, "<os");
  const char *type = os != NULL ? strstr (os, "<type") : NULL;
  const char *start = type != NULL ? strchr (type, '>') : NULL;
  const char *end = start != NULL ? strchr (start, '<') : NULL;

  if (end == NULL || end == start + 1)
    return g_strdup ("hvm");
  return g_strndup (start + 1, end - start - 1);
}

static gboolean
x_domain_get_os_type (Call *call, const guint8 *payload, gsize len, GByteArray *reply,
                      GError **error)
{
  g_auto (GVirRpcDomainArgs) args = { 0 };
  g_autofree char *uuid = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *type = NULL;

  if (!gvir_rpc_decode_domain_args (payload, len, &args, error))
    return FALSE;
  uuid = uuid_of (&args.dom);
  xml = gvir_driver_connection_get_domain_xml (call->conn, uuid, 0, NULL, error);
  if (xml == NULL)
    return FALSE;
  type = os_type_of_xml (xml);
  gvir_xdr_put_string (reply, type);
  return TRUE;
}

static gboolean
x_domain_snapshot_num (Call *call, const guint8 *payload, gsize len, GByteArray *reply,
                       GError **error)
{
  g_auto (GVirRpcDomainFlagsArgs) args = { 0 };
  g_autofree char *uuid = NULL;
  g_auto (GStrv) names = NULL;

  if (!gvir_rpc_decode_domain_flags_args (payload, len, &args, error))
    return FALSE;
  uuid = uuid_of (&args.dom);
  names = gvir_driver_connection_list_snapshots (call->conn, uuid, args.flags, NULL, error);
  if (names == NULL)
    return FALSE;
  gvir_xdr_put_i32 (reply, g_strv_length (names));
  return TRUE;
}

static gboolean
x_get_lib_version (Call *call, const guint8 *payload, gsize len, GByteArray *reply,
                   GError **error)
{
  guint major = 0, minor = 0, micro = 0;

  if (len != 0)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_PROTOCOL, "Unable to decode message payload");
      return FALSE;
    }
  if (sscanf (PACKAGE_VERSION, "%u.%u.%u", &major, &minor, &micro) != 3)
    major = minor = micro = 0;
  gvir_xdr_put_u64 (reply, (guint64) major * 1000000 + minor * 1000 + micro);
  return TRUE;
}

static const ExtraProc extra_procs[] = {
  { { PROC_DOMAIN_CREATE, "domain_create", 0 }, x_domain_create },
  { { PROC_DOMAIN_GET_OS_TYPE, "domain_get_os_type", GVIR_RPC_PROC_READ_ONLY },
    x_domain_get_os_type },
  { { PROC_DOMAIN_UNDEFINE, "domain_undefine", 0 }, x_domain_undefine },
  { { PROC_CONNECT_GET_LIB_VERSION, "connect_get_lib_version", GVIR_RPC_PROC_READ_ONLY },
    x_get_lib_version },
  { { PROC_DOMAIN_SNAPSHOT_NUM, "domain_snapshot_num", GVIR_RPC_PROC_READ_ONLY },
    x_domain_snapshot_num },
};

static const ExtraProc *
extra_proc_lookup (gint32 proc)
{
  guint i;

  for (i = 0; i < G_N_ELEMENTS (extra_procs); i++)
    if (extra_procs[i].info.number == proc)
      return &extra_procs[i];
  return NULL;
}

/* ---- one call ------------------------------------------------------------------- */

/* libvirt's public API name of a procedure: "domain_suspend" ->
 * "virDomainSuspend", "domain_define_xml" -> "virDomainDefineXML", for
 * the messages clients expect. */
static char *
api_name (const char *proc_name)
{
  /* The words libvirt's API names spell in capitals. */
  static const char *const acronyms[] = { "xml", "uuid", "id", "pm", NULL };
  g_auto (GStrv) words = g_strsplit (proc_name, "_", -1);
  GString *s = g_string_new ("vir");
  guint i;

  for (i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (g_strv_contains (acronyms, words[i]))
        {
          g_autofree char *upper = g_ascii_strup (words[i], -1);

          g_string_append (s, upper);
          continue;
        }
      g_string_append_c (s, g_ascii_toupper (words[i][0]));
      g_string_append (s, words[i] + 1);
    }
  return g_string_free (s, FALSE);
}

GBytes *
gvird_dispatch_error_reply (const GVirRpcHeader *call,
                            gint32               code,
                            gint32               domain,
                            const char          *message)
{
  g_auto (GVirRpcError) err = { 0 };
  g_autoptr (GByteArray) payload = NULL;
  GVirRpcHeader header = *call;

  err.code = code;
  err.domain = domain;
  err.message = g_strdup (message);
  err.level = GVIR_RPC_ERR_LEVEL_ERROR;
  err.str1 = g_strdup (message);
  err.int1 = -1;
  err.int2 = -1;
  payload = gvir_rpc_encode_error (&err, NULL);
  if (payload == NULL)
    return NULL;
  header.type = GVIR_RPC_TYPE_REPLY;
  header.status = GVIR_RPC_STATUS_ERROR;
  return gvir_rpc_packet_encode (&header, payload->data, payload->len, NULL);
}

/* The error domain libvirtd gives an error that @conn's driver raised. */
static gint32
driver_error_domain (GVirDriverConnection *conn,
                     gint32                fallback)
{
  const char *driver;

  if (conn == NULL)
    return fallback;
  driver = gvir_driver_connection_get_uri (conn)->driver;
  if (g_str_equal (driver, "test"))
    return ERR_DOMAIN_TEST;
  if (g_str_equal (driver, "qemu"))
    return ERR_DOMAIN_QEMU;
  return fallback;
}

static GBytes *
reply_from_gerror (const GVirRpcHeader *call,
                   const char          *proc_name,
                   const GvirdCall     *handler_call,
                   const GError        *error)
{
  g_auto (GVirRpcError) err = { 0 };

  gvir_rpc_error_from_gerror (error, &err);
  if (err.domain == GVIR_RPC_ERR_DOMAIN_REMOTE)
    err.domain = driver_error_domain (handler_call->conn, err.domain);
  if (handler_call->not_found != 0 && g_error_matches (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND))
    err.code = handler_call->not_found;
  if (handler_call->exists != 0 && g_error_matches (error, GVIR_ERROR, GVIR_ERROR_EXISTS))
    err.code = handler_call->exists;
  if (handler_call->document_domain != 0 &&
      (g_error_matches (error, GVIR_ERROR, GVIR_ERROR_EXISTS) ||
       g_error_matches (error, GVIR_ERROR, GVIR_ERROR_XML) ||
       g_error_matches (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID)))
    err.domain = handler_call->document_domain;
  if (g_error_matches (error, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED) &&
      !g_str_has_prefix (error->message, "this function is not supported") &&
      !g_str_has_prefix (error->message, "unsupported configuration"))
    {
      g_autofree char *api = api_name (proc_name);
      g_autofree char *msg = g_strdup_printf ("this function is not supported by the connection "
                                              "driver: %s", api);

      return gvird_dispatch_error_reply (call, err.code, err.domain, msg);
    }
  return gvird_dispatch_error_reply (call, err.code, err.domain, error->message);
}

/* The access rules of the file's header comment; NULL when the call may
 * run, with @conn set to a reference to the session's connection (NULL
 * before CONNECT_OPEN), else the error reply. */
static GBytes *
check_access (GvirdSession           *session,
              const GVirRpcHeader    *header,
              const GVirRpcProcInfo  *info,
              GVirDriverConnection  **conn)
{
  gboolean read_only;

  *conn = NULL;
  /* An event number is no call either: libvirtd knows no such call. */
  if (info == NULL || (info->flags & GVIR_RPC_PROC_EVENT))
    {
      g_autofree char *msg = g_strdup_printf ("unknown procedure: %d", header->proc);

      return gvird_dispatch_error_reply (header, GVIR_RPC_ERR_RPC, GVIR_RPC_ERR_DOMAIN_RPC, msg);
    }
  /* libvirtd answers this with VIR_ERR_RPC, not AUTH_FAILED, for the
   * sake of old clients. */
  if (!(info->flags & GVIR_RPC_PROC_PRE_AUTH) && session->sasl != NULL &&
      !gvird_sasl_is_done (session->sasl))
    return gvird_dispatch_error_reply (header, GVIR_RPC_ERR_RPC, GVIR_RPC_ERR_DOMAIN_RPC,
                                       "authentication required");
  g_mutex_lock (&session->lock);
  if (session->conn != NULL)
    *conn = gvir_driver_connection_ref (session->conn);
  read_only = session->read_only;
  g_mutex_unlock (&session->lock);
  if (*conn == NULL && !(info->flags & GVIR_RPC_PROC_NO_AUTH))
    return gvird_dispatch_error_reply (header, GVIR_RPC_ERR_INTERNAL_ERROR,
                                       GVIR_RPC_ERR_DOMAIN_RPC,
                                       "internal error: hypervisor connection not open");
  if (read_only && !(info->flags & GVIR_RPC_PROC_READ_ONLY))
    {
      g_autofree char *api = api_name (info->name);
      g_autofree char *msg = g_strdup_printf ("operation forbidden: read only access prevents %s",
                                              api);

      g_clear_pointer (conn, gvir_driver_connection_unref);
      return gvird_dispatch_error_reply (header, GVIR_RPC_ERR_OPERATION_DENIED, ERR_DOMAIN_DOMAIN,
                                         msg);
    }
  return NULL;
}

/* Runs one call: its reply, and in *@stream the data stream it opened
 * (if any). */
static GBytes *
session_call (GvirdSession      *session,
              const Job         *job,
              GVirDriverStream **stream)
{
  const GVirRpcHeader *header = &job->header;
  g_autoptr (GByteArray) body = NULL;
  g_autoptr (GError) error = NULL;
  GBytes *denied;
  Call call = { .session = session };
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (job->payload, &len);
  GVirRpcHeader reply = *header;
  gboolean ok;

  denied = check_access (session, header, job->info, &call.conn);
  if (denied != NULL)
    return denied;
  body = g_byte_array_new ();
  if (job->extra != NULL)
    ok = job->extra->run (&call, data, len, body, &error);
  else
    ok = gvir_rpc_server_dispatch (dispatch_handlers (), &call, header->proc, data, len, body,
                                   &error);
  if (!ok)
    {
      GBytes *failed = reply_from_gerror (header, job->info->name, &call, error);

      g_clear_pointer (&call.conn, gvir_driver_connection_unref);
      g_clear_pointer (&call.stream, gvir_driver_stream_unref);
      return failed;
    }
  g_clear_pointer (&call.conn, gvir_driver_connection_unref);
  *stream = g_steal_pointer (&call.stream);
  reply.type = GVIR_RPC_TYPE_REPLY;
  reply.status = GVIR_RPC_STATUS_OK;
  return gvir_rpc_packet_encode (&reply, body->data, body->len, NULL);
}

/* ---- the worker pool --------------------------------------------------------------- */

/* Our own pool rather than a GThreadPool: a call is handed over with one
 * lock and at most one wakeup, sent after the lock is released so that
 * the woken worker does not block on it at once; workers are started as
 * calls need them, up to max_workers, and stay. */
struct _GvirdWorkers
{
  GMutex lock;
  GCond wake;
  GQueue jobs;                  /* Job, waiting for a worker */
  GPtrArray *threads;
  guint max_threads;
  guint idle;                   /* workers waiting for a job */
  gboolean stopping;
};

static void
job_free (Job *job)
{
  gvird_client_unref (job->client);
  g_bytes_unref (job->payload);
  g_free (job);
}

/* A call that opened a stream: the stream is registered before the
 * reply goes out (the client may answer it at once) and started after
 * it (its data must follow the reply). */
static void
job_post_with_stream (Job              *job,
                      GBytes           *reply,
                      GVirDriverStream *stream)
{
  GvirdStreams *streams = gvird_client_get_streams (job->client);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) refused = NULL;

  if (!gvird_streams_register (streams, &job->header, stream, &error))
    {
      refused = gvird_dispatch_error_reply (&job->header, GVIR_RPC_ERR_OPERATION_INVALID,
                                            GVIR_RPC_ERR_DOMAIN_RPC, error->message);
      gvird_client_post (job->client, refused != NULL ? refused : reply, TRUE);
      return;
    }
  gvird_client_post (job->client, reply, TRUE);
  gvird_streams_start (streams, job->header.serial);
}

static void
job_run (Job *job)
{
  g_autoptr (GVirDriverStream) stream = NULL;
  g_autoptr (GBytes) reply = session_call (gvird_client_get_session (job->client), job, &stream);

  if (reply == NULL)
    reply = gvird_dispatch_error_reply (&job->header, GVIR_RPC_ERR_INTERNAL_ERROR,
                                        GVIR_RPC_ERR_DOMAIN_RPC,
                                        "internal error: the reply is too large");
  if (stream != NULL)
    job_post_with_stream (job, reply, stream);
  else
    gvird_client_post (job->client, reply, TRUE);
  job_free (job);
}

/* A worker: runs jobs until the pool stops and none is left. */
static gpointer
worker_main (gpointer data)
{
  GvirdWorkers *workers = data;

  g_mutex_lock (&workers->lock);
  for (;;)
    {
      Job *job = g_queue_pop_head (&workers->jobs);

      if (job != NULL)
        {
          g_mutex_unlock (&workers->lock);
          job_run (job);
          g_mutex_lock (&workers->lock);
          continue;
        }
      if (workers->stopping)
        break;
      workers->idle++;
      g_cond_wait (&workers->wake, &workers->lock);
      workers->idle--;
    }
  g_mutex_unlock (&workers->lock);
  return NULL;
}

gboolean
gvird_dispatch_start (GvirdServer  *server,
                      GError      **error)
{
  GvirdWorkers *workers;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  workers = g_new0 (GvirdWorkers, 1);
  g_mutex_init (&workers->lock);
  g_cond_init (&workers->wake);
  g_queue_init (&workers->jobs);
  workers->threads = g_ptr_array_new ();
  workers->max_threads = MAX (server->config->max_workers, 1);
  server->workers = workers;
  return TRUE;
}

void
gvird_dispatch_stop (GvirdServer *server)
{
  GvirdWorkers *workers = g_steal_pointer (&server->workers);
  guint i;

  if (workers == NULL)
    return;
  /* The jobs still queued run first: their clients get their replies
   * dropped, and their references back. */
  g_mutex_lock (&workers->lock);
  workers->stopping = TRUE;
  g_cond_broadcast (&workers->wake);
  g_mutex_unlock (&workers->lock);
  for (i = 0; i < workers->threads->len; i++)
    g_thread_join (workers->threads->pdata[i]);
  g_ptr_array_unref (workers->threads);
  g_cond_clear (&workers->wake);
  g_mutex_clear (&workers->lock);
  g_free (workers);
}

/* Starts one more worker (under lock); FALSE when none could start. */
static gboolean
workers_grow (GvirdWorkers *workers)
{
  g_autoptr (GError) error = NULL;
  GThread *thread;

  if (workers->threads->len >= workers->max_threads)
    return FALSE;
  thread = g_thread_try_new ("gvird-worker", worker_main, workers, &error);
  if (thread == NULL)
    {
      g_warning ("cannot start a worker thread: %s", error->message);
      return FALSE;
    }
  g_ptr_array_add (workers->threads, thread);
  return TRUE;
}

/* Whether the call can run on the I/O thread that read it: a read-only
 * call of the table (no open, close or authentication step, no extra
 * procedure, none the table marks blocking) on a session whose driver
 * never blocks. Each such call is a few microseconds of in-memory work,
 * less than the two thread switches of a hand-over to a worker; anything
 * that may wait goes to a worker so that the I/O thread keeps serving
 * every other client. */
static gboolean
call_runs_inline (GvirdClient *client,
                  const Job   *job)
{
  GvirdSession *session = gvird_client_get_session (client);
  const GVirRpcProcFlags excluded = GVIR_RPC_PROC_EVENT | GVIR_RPC_PROC_NO_AUTH |
                                    GVIR_RPC_PROC_BLOCKING;
  gboolean inline_ok;

  if (job->extra != NULL || job->info == NULL || (job->info->flags & excluded) ||
      !(job->info->flags & GVIR_RPC_PROC_READ_ONLY))
    return FALSE;
  g_mutex_lock (&session->lock);
  inline_ok = session->conn != NULL && gvir_driver_connection_calls_never_block (session->conn);
  g_mutex_unlock (&session->lock);
  return inline_ok;
}

void
gvird_dispatch_queue (GvirdServer         *server,
                      GvirdClient         *client,
                      const GVirRpcHeader *header,
                      GBytes              *payload)
{
  GvirdWorkers *workers = server->workers;
  Job *job = g_new0 (Job, 1);
  gboolean wake = FALSE;

  job->client = gvird_client_ref (client);
  job->header = *header;
  job->payload = g_bytes_ref (payload);
  job->extra = extra_proc_lookup (header->proc);
  job->info = job->extra != NULL ? &job->extra->info : gvir_rpc_proc_info_lookup (header->proc);
  if (call_runs_inline (client, job))
    {
      job_run (job);
      return;
    }
  g_mutex_lock (&workers->lock);
  g_queue_push_tail (&workers->jobs, job);
  /* An idle worker for each queued job, else one more worker (with none
   * at all, the job waits for a busy one). */
  if (workers->jobs.length <= workers->idle)
    wake = TRUE;
  else if (!workers_grow (workers))
    wake = workers->idle > 0;
  g_mutex_unlock (&workers->lock);
  if (wake)
    g_cond_signal (&workers->wake);
}
