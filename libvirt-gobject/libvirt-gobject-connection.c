/*
 * libvirt-gobject-connection.c: a connection to a hypervisor
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

#include "libvirt-gobject/libvirt-gobject-connection.h"
#include "libvirt-gobject/libvirt-gobject-error.h"
#include "libvirt-gobject/libvirt-gobject-connection-private.h"
#include "libvirt-gobject/libvirt-gobject-domain-private.h"
#include "libvirt-gobject/libvirt-gobject-node-cell-private.h"
#include "libvirt-gobject/libvirt-gobject-nodeset-private.h"
#include "libvirt-gobject/util/gvir-numa-private.h"

/**
 * SECTION:libvirt-gobject-connection
 * @title: GVirConnection
 * @short_description: A connection to a hypervisor
 *
 * A #GVirConnection opens a hypervisor URI such as `test:///default` or
 * `qemu:///system`, lists its domains and creates new ones.
 *
 * The connection remembers the thread-default main context in which it
 * was opened (for gvir_connection_open_async(), the context of the
 * caller) and emits every signal there: #GVirConnection::connection-opened,
 * #GVirConnection::connection-closed, #GVirConnection::domain-added,
 * #GVirConnection::domain-removed and the lifecycle signals of its
 * domains. It keeps one #GVirDomain per domain UUID for its whole life,
 * so handlers connected once keep working across
 * gvir_connection_fetch_domains() calls.
 *
 * Events from the hypervisor wait for that context to run. If it does not
 * run for a long time, at most 1024 events (and 16 MiB of their data) wait;
 * beyond that the oldest are dropped with a warning, their signals are
 * lost, and once the context runs the connection reads its domains again
 * (as gvir_connection_fetch_domains_async() does), so that the cache is
 * right. Strings from the hypervisor (host name, domain names) are
 * returned as valid UTF-8: invalid sequences are replaced by U+FFFD.
 *
 * After gvir_connection_close() lookups return nothing and calls fail
 * with %GVIR_ERROR_CONNECTION_CLOSED; the connection can be opened again.
 *
 * The host's NUMA topology is available as #GVirNodeCell objects
 * (gvir_connection_get_node_cells()), as current free memory per cell
 * (gvir_connection_get_cells_free_memory(), in bytes) and as the
 * #GVirNodeset of the host's nodes (gvir_connection_get_host_nodeset(),
 * gvir_connection_nodeset_is_available()).
 *
 * |[<!-- language="C" -->
 * g_autoptr(GVirConnection) conn = gvir_connection_new ("test:///default");
 * g_autoptr(GError) error = NULL;
 * GList *domains;
 *
 * if (!gvir_connection_open (conn, NULL, &error) ||
 *     !gvir_connection_fetch_domains (conn, NULL, &error))
 *   g_error ("%s", error->message);
 * domains = gvir_connection_get_domains (conn);
 * for (GList *l = domains; l != NULL; l = l->next)
 *   g_print ("%s\n", gvir_domain_get_name (l->data));
 * g_list_free_full (domains, g_object_unref);
 * ]|
 */

typedef struct
{
  char *uri;                  /* construct-only */

  GMutex lock;                /* guards everything below */
  GVirDriverConnection *drv;  /* NULL while closed */
  gboolean read_only;
  /* Identifies one open: events and queued signals of an earlier open
   * carry another value and are dropped. 0 while closed. */
  guint session;
  GMainContext *context;      /* where signals are emitted */
  GHashTable *domains;        /* uuid -> GVirDomain (strong): the cache */
  /* uuid -> GWeakRef to every GVirDomain handed out, so that a domain that
   * leaves the cache and comes back (or an event about it) reuses the
   * object the application may still hold. */
  GHashTable *known;
  /* uuid -> event sequence number (guint64) at which a direct query last
   * updated the cache; driver events older than that are stale and only
   * produce their signal. */
  GHashTable *marks;
  /* Driver events of the current session not yet handled in the context,
   * oldest first, at most PENDING_EVENTS_MAX of them: a peer can send
   * events faster than a context that does not run handles them. */
  GQueue pending;
  gsize pending_bytes;        /* what the queued events hold, roughly */
  guint pending_high_water;   /* the longest the queue has been */
  gsize pending_bytes_high_water;
  guint pending_dropped;      /* events dropped since the last drain */
  gboolean drain_scheduled;   /* this session's drain source is attached */
  /* The driver reported the connection closed; the close itself happens
   * in the context, but is_open() says FALSE from now on. */
  gboolean dead;
} GVirConnectionPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (GVirConnection, gvir_connection, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_URI,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_CONNECTION_OPENED,
  SIGNAL_CONNECTION_CLOSED,
  SIGNAL_DOMAIN_ADDED,
  SIGNAL_DOMAIN_REMOVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- sessions: how driver events find their connection -------------------- */

/* Driver events carry only a session number. Looking it up under this lock
 * either finds the live connection (and takes a reference) or finds
 * nothing; unregistering happens in close and dispose, so an event can
 * never reach a finalised connection. */
static GMutex sessions_lock;
static GHashTable *sessions;
static guint last_session;
/* Numbers every driver event in arrival order (under sessions_lock). */
static guint64 last_event_seq;

static guint
session_register (GVirConnection *self)
{
  guint session;

  g_mutex_lock (&sessions_lock);
  if (sessions == NULL)
    sessions = g_hash_table_new (NULL, NULL);
  do
    session = ++last_session;
  while (session == 0 || g_hash_table_contains (sessions, GUINT_TO_POINTER (session)));
  g_hash_table_insert (sessions, GUINT_TO_POINTER (session), self);
  g_mutex_unlock (&sessions_lock);
  return session;
}

static void
session_unregister (guint session)
{
  g_mutex_lock (&sessions_lock);
  if (sessions != NULL)
    g_hash_table_remove (sessions, GUINT_TO_POINTER (session));
  g_mutex_unlock (&sessions_lock);
}

/* Finds the connection of an arriving event and numbers the event. */
static GVirConnection *
session_lookup (guint session, guint64 *seq)
{
  GVirConnection *self = NULL;

  g_mutex_lock (&sessions_lock);
  if (sessions != NULL)
    self = g_hash_table_lookup (sessions, GUINT_TO_POINTER (session));
  if (self != NULL)
    g_object_ref (self);
  *seq = ++last_event_seq;
  g_mutex_unlock (&sessions_lock);
  return self;
}

/* Every event numbered up to now happened before a query starting now. */
static guint64
current_event_seq (void)
{
  guint64 seq;

  g_mutex_lock (&sessions_lock);
  seq = last_event_seq;
  g_mutex_unlock (&sessions_lock);
  return seq;
}

static gboolean
session_is_current (GVirConnection *self, guint session)
{
  GVirConnectionPrivate *priv = gvir_connection_get_instance_private (self);
  gboolean current;

  g_mutex_lock (&priv->lock);
  current = priv->session != 0 && priv->session == session;
  g_mutex_unlock (&priv->lock);
  return current;
}

/* ---- emitting signals in the connection's context ------------------------- */

typedef struct
{
  GVirConnection *conn;
  guint session;        /* 0: emit even if the connection closed meanwhile */
  GObject *target;
  guint signal_id;
  GQuark detail;
  GObject *arg;         /* the one object argument, or NULL */
  const char *notify;   /* a property to notify instead of a signal */
} Emission;

static void
emission_free (gpointer data)
{
  Emission *e = data;

  g_object_unref (e->conn);
  g_object_unref (e->target);
  g_clear_object (&e->arg);
  g_free (e);
}

static gboolean
emission_dispatch (gpointer data)
{
  Emission *e = data;

  if (e->session != 0 && !session_is_current (e->conn, e->session))
    return G_SOURCE_REMOVE;

  if (e->notify != NULL)
    g_object_notify (e->target, e->notify);
  else if (e->arg != NULL)
    g_signal_emit (e->target, e->signal_id, e->detail, e->arg);
  else
    g_signal_emit (e->target, e->signal_id, e->detail);
  return G_SOURCE_REMOVE;
}

static Emission *
emission_new (GVirConnection *self, guint session, gpointer target, guint signal_id,
              GQuark detail, gpointer arg)
{
  Emission *e = g_new0 (Emission, 1);

  e->conn = g_object_ref (self);
  e->session = session;
  e->target = g_object_ref (target);
  e->signal_id = signal_id;
  e->detail = detail;
  e->arg = arg != NULL ? g_object_ref (arg) : NULL;
  return e;
}

static Emission *
emission_new_notify (GVirConnection *self, guint session, gpointer target, const char *name)
{
  Emission *e = emission_new (self, session, target, 0, 0, NULL);

  e->notify = name;
  return e;
}

/* Queues the emission behind everything already queued in @context. */
static void
emission_queue (GMainContext *context, Emission *e)
{
  g_autoptr(GSource) source = g_idle_source_new ();

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_static_name (source, "[libvirt-gobject] signal");
  g_source_set_callback (source, emission_dispatch, e, emission_free);
  g_source_attach (source, context);
}

/* Whether this thread may emit in @context now: it runs @context already,
 * or @context is its thread-default and free, and then it is acquired
 * (*@acquired: release it afterwards). Unlike g_main_context_invoke(),
 * never acquires a free global default context from a worker thread,
 * whose thread-default context is that global one too. */
static gboolean
context_enter (GMainContext *context, gboolean *acquired)
{
  *acquired = FALSE;
  if (g_main_context_is_owner (context))
    return TRUE;
  *acquired = g_main_context_get_thread_default () == context
              && g_main_context_acquire (context);
  return *acquired;
}

/* Emits at once when the calling thread may run @context, otherwise
 * queues the emission there. */
static void
emission_send (GMainContext *context, Emission *e)
{
  gboolean acquired;

  if (!context_enter (context, &acquired))
    {
      emission_queue (context, e);
      return;
    }
  emission_dispatch (e);
  if (acquired)
    g_main_context_release (context);
  emission_free (e);
}

/* Called with the connection's lock held, once the cache has changed.
 * What this thread cannot emit at once is queued now, under the lock: a
 * driver event that the context handles meanwhile sees the change and
 * queues its own signal, which must come after these (domain-added before
 * the new domain's first lifecycle signal). Returns TRUE when this thread
 * runs @context (it owns it, or could acquire it: *@acquired), and then
 * emits the emissions itself with emissions_emit() after unlocking. */
static gboolean
emissions_prepare_locked (GMainContext *context, GPtrArray *emissions, gboolean *acquired)
{
  g_autofree gpointer *queued = NULL;
  gsize n_queued = 0;

  *acquired = FALSE;
  if (emissions->len == 0)
    return FALSE;
  if (context_enter (context, acquired))
    return TRUE;
  queued = g_ptr_array_steal (emissions, &n_queued);
  for (gsize i = 0; i < n_queued; i++)
    emission_queue (context, queued[i]);
  return FALSE;
}

/* Emits, in this thread, what emissions_prepare_locked() left. */
static void
emissions_emit (GMainContext *context, GPtrArray *emissions, gboolean acquired)
{
  for (guint i = 0; i < emissions->len; i++)
    emission_dispatch (g_ptr_array_index (emissions, i));
  if (acquired)
    g_main_context_release (context);
}

/* Releases the connection's lock and sends @emissions. */
static void
unlock_and_send (GVirConnectionPrivate *priv, GMainContext *context, GPtrArray *emissions)
{
  gboolean acquired;
  gboolean emit_here = emissions_prepare_locked (context, emissions, &acquired);

  g_mutex_unlock (&priv->lock);
  if (emit_here)
    emissions_emit (context, emissions, acquired);
}

/* ---- the domain cache ----------------------------------------------------- */

static void
weak_ref_free (gpointer data)
{
  GWeakRef *ref = data;

  g_weak_ref_clear (ref);
  g_free (ref);
}

/* Called with priv->lock held. */
static GVirDomain *
known_lookup_locked (GVirConnectionPrivate *priv, const char *uuid)
{
  GWeakRef *ref = g_hash_table_lookup (priv->known, uuid);
  GVirDomain *dom;

  if (ref == NULL)
    return NULL;
  dom = g_weak_ref_get (ref);
  if (dom == NULL)
    g_hash_table_remove (priv->known, uuid);
  return dom;
}

/* Called with priv->lock held. */
static void
mark_locked (GVirConnectionPrivate *priv, const char *uuid, guint64 mark)
{
  if (mark != 0)
    g_hash_table_replace (priv->marks, g_strdup (uuid), g_memdup2 (&mark, sizeof mark));
}

/* Called with priv->lock held. */
static gboolean
is_stale_locked (GVirConnectionPrivate *priv, const char *uuid, guint64 seq)
{
  const guint64 *mark = g_hash_table_lookup (priv->marks, uuid);

  return mark != NULL && seq <= *mark;
}

/* Called with priv->lock held. Puts @domain in the cache, reusing the
 * object the connection made for that UUID before if it is still alive.
 * Returns the cached object (borrowed) and queues domain-added and
 * notify::persistent into @emissions as needed. */
static GVirDomain *
track_locked (GVirConnection *self, const GVirDriverDomain *domain, GPtrArray *emissions,
              guint64 mark)
{
  GVirConnectionPrivate *priv = gvir_connection_get_instance_private (self);
  GVirDomain *dom = g_hash_table_lookup (priv->domains, domain->uuid);
  gboolean persistent_changed = FALSE;
  gboolean added = FALSE;

  mark_locked (priv, domain->uuid, mark);
  if (dom == NULL)
    {
      dom = known_lookup_locked (priv, domain->uuid);
      if (dom != NULL)
        {
          _gvir_domain_attach (dom, self);
          persistent_changed = _gvir_domain_update (dom, domain);
        }
      else
        {
          GWeakRef *ref = g_new0 (GWeakRef, 1);

          dom = _gvir_domain_new (self, domain);
          g_weak_ref_init (ref, dom);
          g_hash_table_replace (priv->known, g_strdup (domain->uuid), ref);
        }
      g_hash_table_insert (priv->domains, g_strdup (domain->uuid), dom);
      added = TRUE;
    }
  else
    persistent_changed = _gvir_domain_update (dom, domain);

  if (persistent_changed && !added)
    g_ptr_array_add (emissions, emission_new_notify (self, priv->session, dom, "persistent"));
  if (added)
    g_ptr_array_add (emissions, emission_new (self, priv->session, self,
                                              signals[SIGNAL_DOMAIN_ADDED], 0, dom));
  return dom;
}

/* Called with priv->lock held. */
static void
untrack_locked (GVirConnection *self, const char *uuid, GPtrArray *emissions, guint64 mark)
{
  GVirConnectionPrivate *priv = gvir_connection_get_instance_private (self);
  GVirDomain *dom = g_hash_table_lookup (priv->domains, uuid);

  mark_locked (priv, uuid, mark);
  if (dom == NULL)
    return;
  g_ptr_array_add (emissions, emission_new (self, priv->session, self,
                                            signals[SIGNAL_DOMAIN_REMOVED], 0, dom));
  g_hash_table_remove (priv->domains, uuid);
}

/* Takes the lock if @drv is still the open driver; returns the context to
 * emit in (a new reference) or NULL, in which case the lock is not held. */
static GMainContext *
lock_if_current (GVirConnection *self, GVirDriverConnection *drv)
{
  GVirConnectionPrivate *priv = gvir_connection_get_instance_private (self);

  g_mutex_lock (&priv->lock);
  if (priv->drv == NULL || priv->drv != drv)
    {
      g_mutex_unlock (&priv->lock);
      return NULL;
    }
  return g_main_context_ref (priv->context);
}

GVirDomain *
_gvir_connection_track_domain (GVirConnection *self, GVirDriverConnection *drv,
                               const GVirDriverDomain *domain)
{
  GVirConnectionPrivate *priv = gvir_connection_get_instance_private (self);
  g_autoptr(GPtrArray) emissions = g_ptr_array_new_with_free_func (emission_free);
  guint64 mark = current_event_seq ();
  g_autoptr(GMainContext) context = lock_if_current (self, drv);
  GVirDomain *dom;

  if (context == NULL)
    return NULL;
  dom = g_object_ref (track_locked (self, domain, emissions, mark));
  unlock_and_send (priv, context, emissions);
  return dom;
}

void
_gvir_connection_refresh_domain (GVirConnection *self, GVirDriverConnection *drv,
                                 const char *uuid)
{
  GVirConnectionPrivate *priv = gvir_connection_get_instance_private (self);
  g_autoptr(GPtrArray) emissions = g_ptr_array_new_with_free_func (emission_free);
  g_autoptr(GVirDriverDomain) domain = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainContext) context = NULL;
  guint64 mark = current_event_seq ();

  domain = gvir_driver_connection_lookup_domain_by_uuid (drv, uuid, NULL, &error);
  if (domain == NULL && !g_error_matches (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND))
    return;

  context = lock_if_current (self, drv);
  if (context == NULL)
    return;
  if (domain != NULL)
    track_locked (self, domain, emissions, mark);
  else
    untrack_locked (self, uuid, emissions, mark);
  unlock_and_send (priv, context, emissions);
}

/* Makes the cache hold exactly @listed (GVirDriverDomain elements). */
static void
sync_domains (GVirConnection *self, GVirDriverConnection *drv, GPtrArray *listed,
              guint64 mark)
{
  GVirConnectionPrivate *priv = gvir_connection_get_instance_private (self);
  g_autoptr(GPtrArray) emissions = g_ptr_array_new_with_free_func (emission_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GMainContext) context = lock_if_current (self, drv);
  g_autoptr(GPtrArray) vanished = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key;

  if (context == NULL)
    return;
  for (guint i = 0; i < listed->len; i++)
    {
      const GVirDriverDomain *domain = g_ptr_array_index (listed, i);

      track_locked (self, domain, emissions, mark);
      g_hash_table_add (seen, domain->uuid);
    }
  g_hash_table_iter_init (&iter, priv->domains);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (seen, key))
      g_ptr_array_add (vanished, g_strdup (key));
  for (guint i = 0; i < vanished->len; i++)
    untrack_locked (self, g_ptr_array_index (vanished, i), emissions, mark);
  unlock_and_send (priv, context, emissions);
}

/* ---- driver events -------------------------------------------------------- */

/* The bound of the pending-event queue: enough for bursts of a few hundred
 * domains changing state at once, small next to what a peer could push. */
#define PENDING_EVENTS_MAX 1024
/* ... and of the memory they hold: a peer chooses the length of names. */
#define PENDING_EVENTS_MAX_BYTES (16 * 1024 * 1024)

typedef struct
{
  gsize size;           /* bytes held, counted in pending_bytes */
  guint session;
  guint64 seq;
  GVirDriverEventKind kind;
  GVirDriverDomain *domain;
  int event;
  int detail;
} PendingEvent;

static void
pending_event_free (gpointer data)
{
  PendingEvent *pe = data;

  g_clear_pointer (&pe->domain, gvir_driver_domain_free);
  g_free (pe);
}

static gboolean connection_close_internal (GVirConnection *self, gboolean emit);

/* In the connection's context: update the cache and emit the signals. */
static void
handle_lifecycle (GVirConnection *self, PendingEvent *pe)
{
  GVirConnectionPrivate *priv = gvir_connection_get_instance_private (self);
  g_autoptr(GPtrArray) emissions = g_ptr_array_new_with_free_func (emission_free);
  g_autoptr(GMainContext) context = NULL;
  g_autoptr(GVirDomain) target = NULL;
  const GVirDriverDomain *domain = pe->domain;
  /* The domain no longer exists at all: undefined while shut off, or a
   * transient domain that stopped. */
  gboolean gone = (pe->event == GVIR_DRIVER_EVENT_UNDEFINED && domain->id < 0)
                  || (pe->event == GVIR_DRIVER_EVENT_STOPPED && !domain->persistent);
  guint signal_id;
  GQuark detail;

  g_mutex_lock (&priv->lock);
  if (priv->session != pe->session)
    {
      g_mutex_unlock (&priv->lock);
      return;
    }
  context = g_main_context_ref (priv->context);
  if (is_stale_locked (priv, domain->uuid, pe->seq))
    {
      /* A direct query already saw a later state: keep the cache, but
       * still tell the domain what happened to it. */
      target = g_hash_table_lookup (priv->domains, domain->uuid);
      target = target != NULL ? g_object_ref (target) : known_lookup_locked (priv, domain->uuid);
    }
  else if (gone)
    {
      target = g_hash_table_lookup (priv->domains, domain->uuid);
      if (target != NULL)
        {
          g_object_ref (target);
          untrack_locked (self, domain->uuid, emissions, 0);
        }
      else
        target = known_lookup_locked (priv, domain->uuid);
      if (target != NULL)
        _gvir_domain_update (target, domain);
    }
  else
    target = g_object_ref (track_locked (self, domain, emissions, 0));

  unlock_and_send (priv, context, emissions);

  /* The call that caused the event may have queued domain-added for a new
   * domain after the event (it learnt of the domain from the driver's
   * answer); going behind it keeps domain-added first, so that handlers
   * connected there see every lifecycle signal of the domain. Queued in
   * event order, the lifecycle signals keep their own order. */
  if (target != NULL
      && _gvir_domain_lifecycle_signal (pe->event, pe->detail, &signal_id, &detail))
    emission_queue (context, emission_new (self, 0, target, signal_id, detail, NULL));
}

static void
pending_event_handle (GVirConnection *self, PendingEvent *pe)
{
  if (!session_is_current (self, pe->session))
    return;
  if (pe->kind == GVIR_DRIVER_EVENT_CONNECTION_CLOSED)
    connection_close_internal (self, TRUE);
  else if (pe->domain != NULL)
    handle_lifecycle (self, pe);
}

/* Called with the lock held when the queue is over its bound: drops the
 * oldest lifecycle event, never the newest one nor a connection-closed
 * event. Returns FALSE when there is none to drop. */
static gboolean
pending_drop_oldest_locked (GVirConnectionPrivate *priv)
{
  for (GList *l = priv->pending.head; l != NULL && l->next != NULL; l = l->next)
    {
      PendingEvent *pe = l->data;

      if (pe->kind == GVIR_DRIVER_EVENT_CONNECTION_CLOSED)
        continue;
      g_queue_delete_link (&priv->pending, l);
      priv->pending_bytes -= pe->size;
      pending_event_free (pe);
      priv->pending_dropped++;
      return TRUE;
    }
  return FALSE;
}

static gboolean
pending_over_bound_locked (GVirConnectionPrivate *priv)
{
  return priv->pending.length > PENDING_EVENTS_MAX
         || priv->pending_bytes > PENDING_EVENTS_MAX_BYTES;
}

/* The source that drains one open's pending events. */
typedef struct
{
  GVirConnection *conn;
  guint session;        /* a drain of an earlier open does nothing */
} Drain;

static void
drain_free (gpointer data)
{
  Drain *drain = data;

  g_object_unref (drain->conn);
  g_free (drain);
}

/* In the connection's context: handles every queued event in arrival
 * order. When some were dropped, the cache is read again from the driver
 * afterwards, since a dropped event may have been the last word about a
 * domain; its lifecycle signals are lost, which the warning says. */
static gboolean
pending_drain (gpointer data)
{
  Drain *drain = data;
  GVirConnection *self = drain->conn;
  GVirConnectionPrivate *priv = gvir_connection_get_instance_private (self);
  GQueue batch = G_QUEUE_INIT;
  guint dropped;
  guint session;
  PendingEvent *pe;

  g_mutex_lock (&priv->lock);
  if (priv->session == 0 || priv->session != drain->session)
    {
      g_mutex_unlock (&priv->lock);
      return G_SOURCE_REMOVE;
    }
  batch = priv->pending;
  g_queue_init (&priv->pending);
  priv->pending_bytes = 0;
  dropped = priv->pending_dropped;
  priv->pending_dropped = 0;
  priv->drain_scheduled = FALSE;
  session = priv->session;
  g_mutex_unlock (&priv->lock);

  while ((pe = g_queue_pop_head (&batch)) != NULL)
    {
      pending_event_handle (self, pe);
      pending_event_free (pe);
    }

  if (dropped > 0)
    {
      g_warning ("connection to '%s': %u events dropped because more than %d events or "
                 "%d bytes were waiting for the main context; reading the domains again",
                 priv->uri, dropped, PENDING_EVENTS_MAX, PENDING_EVENTS_MAX_BYTES);
      if (session_is_current (self, session))
        gvir_connection_fetch_domains_async (self, NULL, NULL, NULL);
    }
  return G_SOURCE_REMOVE;
}

/* Called by the driver in any thread. Copies the event and queues it for
 * the connection's context. It is always queued, never run on the spot,
 * because the driver may be inside the call that caused the event and
 * signal handlers are free to call back into the driver. */
static void
on_driver_event (const GVirDriverEvent *event, gpointer user_data)
{
  guint session = GPOINTER_TO_UINT (user_data);
  guint64 seq;
  g_autoptr(GVirConnection) self = session_lookup (session, &seq);
  GVirConnectionPrivate *priv;
  g_autoptr(GMainContext) context = NULL;
  g_autoptr(GSource) source = NULL;
  PendingEvent *pe;
  Drain *drain;

  if (self == NULL)
    return;
  priv = gvir_connection_get_instance_private (self);

  pe = g_new0 (PendingEvent, 1);
  pe->session = session;
  pe->seq = seq;
  pe->kind = event->kind;
  pe->event = event->event;
  pe->detail = event->detail;
  pe->size = sizeof *pe;
  if (event->domain != NULL)
    {
      pe->domain = gvir_driver_domain_copy (event->domain);
      pe->size += sizeof *pe->domain + (pe->domain->name != NULL ? strlen (pe->domain->name) : 0)
                  + (pe->domain->uuid != NULL ? strlen (pe->domain->uuid) : 0);
    }

  g_mutex_lock (&priv->lock);
  if (priv->session != session)
    {
      g_mutex_unlock (&priv->lock);
      pending_event_free (pe);
      return;
    }
  if (pe->kind == GVIR_DRIVER_EVENT_CONNECTION_CLOSED)
    priv->dead = TRUE;
  g_queue_push_tail (&priv->pending, pe);
  priv->pending_bytes += pe->size;
  while (pending_over_bound_locked (priv) && pending_drop_oldest_locked (priv))
    ;
  priv->pending_high_water = MAX (priv->pending_high_water, priv->pending.length);
  priv->pending_bytes_high_water = MAX (priv->pending_bytes_high_water, priv->pending_bytes);
  if (!priv->drain_scheduled)
    {
      priv->drain_scheduled = TRUE;
      context = g_main_context_ref (priv->context);
    }
  g_mutex_unlock (&priv->lock);
  if (context == NULL)
    return;

  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_static_name (source, "[libvirt-gobject] driver events");
  drain = g_new0 (Drain, 1);
  drain->conn = g_object_ref (self);
  drain->session = session;
  g_source_set_callback (source, pending_drain, drain, drain_free);
  g_source_attach (source, context);
}

static void
pending_clear_locked (GVirConnectionPrivate *priv)
{
  g_queue_clear_full (&priv->pending, pending_event_free);
  priv->pending_bytes = 0;
  priv->pending_dropped = 0;
  priv->drain_scheduled = FALSE;
}

guint
_gvir_connection_get_pending_events_max (void)
{
  return PENDING_EVENTS_MAX;
}

gsize
_gvir_connection_get_pending_events_max_bytes (void)
{
  return PENDING_EVENTS_MAX_BYTES;
}

guint
_gvir_connection_get_pending_events_high_water (GVirConnection *self)
{
  GVirConnectionPrivate *priv = gvir_connection_get_instance_private (self);
  guint high_water;

  g_mutex_lock (&priv->lock);
  high_water = priv->pending_high_water;
  g_mutex_unlock (&priv->lock);
  return high_water;
}

gsize
_gvir_connection_get_pending_bytes_high_water (GVirConnection *self)
{
  GVirConnectionPrivate *priv = gvir_connection_get_instance_private (self);
  gsize high_water;

  g_mutex_lock (&priv->lock);
  high_water = priv->pending_bytes_high_water;
  g_mutex_unlock (&priv->lock);
  return high_water;
}

guint
_gvir_connection_get_pending_events (GVirConnection *self)
{
  GVirConnectionPrivate *priv = gvir_connection_get_instance_private (self);
  guint n;

  g_mutex_lock (&priv->lock);
  n = priv->pending.length;
  g_mutex_unlock (&priv->lock);
  return n;
}

/* ---- open and close -------------------------------------------------------- */

static void
set_not_open_error (GVirConnection *self, GError **error)
{
  GVirConnectionPrivate *priv = gvir_connection_get_instance_private (self);

  g_set_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED,
               "connection to '%s' is not open", priv->uri != NULL ? priv->uri : "");
}

GVirDriverConnection *
_gvir_connection_dup_driver (GVirConnection *self, GError **error)
{
  GVirConnectionPrivate *priv = gvir_connection_get_instance_private (self);
  GVirDriverConnection *drv = NULL;

  g_mutex_lock (&priv->lock);
  if (priv->drv != NULL)
    drv = gvir_driver_connection_ref (priv->drv);
  g_mutex_unlock (&priv->lock);
  if (drv == NULL)
    set_not_open_error (self, error);
  return drv;
}

static gboolean
check_not_open (GVirConnection *self, GError **error)
{
  if (!gvir_connection_is_open (self))
    return TRUE;
  g_set_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID,
               "connection to '%s' is already open", gvir_connection_get_uri (self));
  return FALSE;
}

/* The driver said the connection is closed, but the context has not
 * closed it yet. */
static gboolean
connection_is_dead (GVirConnection *self)
{
  GVirConnectionPrivate *priv = gvir_connection_get_instance_private (self);
  gboolean dead;

  g_mutex_lock (&priv->lock);
  dead = priv->drv != NULL && priv->dead;
  g_mutex_unlock (&priv->lock);
  return dead;
}

/* Opens the driver and installs it; signals are emitted in @context from
 * then on. Safe to call in a worker thread. */
static gboolean
connection_open_internal (GVirConnection *self, gboolean read_only, GMainContext *context,
                          GCancellable *cancellable, GError **error)
{
  GVirConnectionPrivate *priv = gvir_connection_get_instance_private (self);
  GVirDriverConnection *drv;
  guint session;

  if (connection_is_dead (self))
    connection_close_internal (self, TRUE);
  if (!check_not_open (self, error))
    return FALSE;
  if (priv->uri == NULL)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_URI,
                   "no URI was given for the connection");
      return FALSE;
    }

  session = session_register (self);
  drv = gvir_driver_connection_open (priv->uri, read_only, on_driver_event,
                                     GUINT_TO_POINTER (session), cancellable, error);
  if (drv == NULL)
    {
      session_unregister (session);
      return FALSE;
    }

  g_mutex_lock (&priv->lock);
  if (priv->drv != NULL)
    {
      /* Another thread opened the connection meanwhile. */
      g_mutex_unlock (&priv->lock);
      session_unregister (session);
      gvir_driver_connection_close (drv);
      gvir_driver_connection_unref (drv);
      return check_not_open (self, error);
    }
  priv->drv = drv;
  priv->read_only = read_only;
  priv->session = session;
  priv->dead = FALSE;
  g_clear_pointer (&priv->context, g_main_context_unref);
  priv->context = g_main_context_ref (context);
  g_mutex_unlock (&priv->lock);
  return TRUE;
}

static void
emit_opened (GVirConnection *self)
{
  GVirConnectionPrivate *priv = gvir_connection_get_instance_private (self);
  g_autoptr(GMainContext) context = NULL;
  guint session;

  g_mutex_lock (&priv->lock);
  session = priv->session;
  if (session != 0)
    context = g_main_context_ref (priv->context);
  g_mutex_unlock (&priv->lock);
  if (context != NULL)
    emission_send (context, emission_new (self, session, self,
                                          signals[SIGNAL_CONNECTION_OPENED], 0, NULL));
}

/* Returns whether the connection was open. */
static gboolean
connection_close_internal (GVirConnection *self, gboolean emit)
{
  GVirConnectionPrivate *priv = gvir_connection_get_instance_private (self);
  g_autoptr(GHashTable) domains = NULL;
  g_autoptr(GMainContext) context = NULL;
  GVirDriverConnection *drv;
  GHashTableIter iter;
  gpointer value;
  guint session;

  g_mutex_lock (&priv->lock);
  drv = g_steal_pointer (&priv->drv);
  session = priv->session;
  priv->session = 0;
  priv->dead = FALSE;
  pending_clear_locked (priv);
  if (drv != NULL)
    {
      domains = g_steal_pointer (&priv->domains);
      priv->domains = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
      context = g_main_context_ref (priv->context);
    }
  g_mutex_unlock (&priv->lock);

  if (drv == NULL)
    return FALSE;
  session_unregister (session);
  gvir_driver_connection_close (drv);
  gvir_driver_connection_unref (drv);

  g_hash_table_iter_init (&iter, domains);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    _gvir_domain_detach (value);

  if (emit)
    emission_send (context, emission_new (self, 0, self,
                                          signals[SIGNAL_CONNECTION_CLOSED], 0, NULL));
  return TRUE;
}

/* ---- GObject --------------------------------------------------------------- */

static void
gvir_connection_get_property (GObject *object, guint prop_id, GValue *value,
                              GParamSpec *pspec)
{
  GVirConnection *self = GVIR_CONNECTION (object);

  switch (prop_id)
    {
    case PROP_URI:
      g_value_set_string (value, gvir_connection_get_uri (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gvir_connection_set_property (GObject *object, guint prop_id, const GValue *value,
                              GParamSpec *pspec)
{
  GVirConnectionPrivate *priv = gvir_connection_get_instance_private (GVIR_CONNECTION (object));

  switch (prop_id)
    {
    case PROP_URI:
      priv->uri = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gvir_connection_dispose (GObject *object)
{
  GVirConnection *self = GVIR_CONNECTION (object);
  GVirConnectionPrivate *priv = gvir_connection_get_instance_private (self);

  /* A dying connection closes quietly: handlers may not expect to see an
   * object in dispose. */
  connection_close_internal (self, FALSE);
  g_mutex_lock (&priv->lock);
  g_hash_table_remove_all (priv->domains);
  g_hash_table_remove_all (priv->known);
  g_hash_table_remove_all (priv->marks);
  g_mutex_unlock (&priv->lock);
  G_OBJECT_CLASS (gvir_connection_parent_class)->dispose (object);
}

static void
gvir_connection_finalize (GObject *object)
{
  GVirConnectionPrivate *priv = gvir_connection_get_instance_private (GVIR_CONNECTION (object));

  g_free (priv->uri);
  g_clear_pointer (&priv->context, g_main_context_unref);
  g_hash_table_unref (priv->domains);
  g_hash_table_unref (priv->known);
  g_hash_table_unref (priv->marks);
  g_mutex_clear (&priv->lock);
  G_OBJECT_CLASS (gvir_connection_parent_class)->finalize (object);
}

static void
gvir_connection_class_init (GVirConnectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = gvir_connection_get_property;
  object_class->set_property = gvir_connection_set_property;
  object_class->dispose = gvir_connection_dispose;
  object_class->finalize = gvir_connection_finalize;

  /**
   * GVirConnection:uri:
   *
   * The URI of the hypervisor, for example `test:///default`.
   */
  properties[PROP_URI] =
    g_param_spec_string ("uri", "URI", "The hypervisor URI", NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GVirConnection::connection-opened:
   * @conn: the connection
   *
   * Emitted when the connection has been opened.
   */
  signals[SIGNAL_CONNECTION_OPENED] =
    g_signal_new ("connection-opened", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_FIRST | G_SIGNAL_NO_RECURSE | G_SIGNAL_NO_HOOKS,
                  G_STRUCT_OFFSET (GVirConnectionClass, connection_opened),
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * GVirConnection::connection-closed:
   * @conn: the connection
   *
   * Emitted once when the connection is closed, by gvir_connection_close()
   * or because the hypervisor went away.
   */
  signals[SIGNAL_CONNECTION_CLOSED] =
    g_signal_new ("connection-closed", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_FIRST | G_SIGNAL_NO_RECURSE | G_SIGNAL_NO_HOOKS,
                  G_STRUCT_OFFSET (GVirConnectionClass, connection_closed),
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * GVirConnection::domain-added:
   * @conn: the connection
   * @dom: the domain that appeared
   *
   * Emitted when a domain enters the connection's cache: found by
   * gvir_connection_fetch_domains(), created through this connection, or
   * reported by the hypervisor. It comes before any lifecycle signal of
   * the new domain (such as #GVirDomain::started of a domain created with
   * gvir_connection_start_domain_async()), so a handler can connect to
   * those here and miss none.
   */
  signals[SIGNAL_DOMAIN_ADDED] =
    g_signal_new ("domain-added", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_FIRST | G_SIGNAL_NO_RECURSE | G_SIGNAL_NO_HOOKS,
                  G_STRUCT_OFFSET (GVirConnectionClass, domain_added),
                  NULL, NULL, NULL, G_TYPE_NONE, 1, GVIR_TYPE_DOMAIN);

  /**
   * GVirConnection::domain-removed:
   * @conn: the connection
   * @dom: the domain that went away
   *
   * Emitted when a domain leaves the connection's cache because it no
   * longer exists (deleted while shut off, or a transient domain that
   * stopped).
   */
  signals[SIGNAL_DOMAIN_REMOVED] =
    g_signal_new ("domain-removed", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_FIRST | G_SIGNAL_NO_RECURSE | G_SIGNAL_NO_HOOKS,
                  G_STRUCT_OFFSET (GVirConnectionClass, domain_removed),
                  NULL, NULL, NULL, G_TYPE_NONE, 1, GVIR_TYPE_DOMAIN);
}

static void
gvir_connection_init (GVirConnection *self)
{
  GVirConnectionPrivate *priv = gvir_connection_get_instance_private (self);

  g_mutex_init (&priv->lock);
  priv->domains = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  priv->known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, weak_ref_free);
  priv->marks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_queue_init (&priv->pending);
}

/* ---- calls into the driver ------------------------------------------------ */

typedef struct _ConnCall ConnCall;

/* One driver call on behalf of the connection, run in the caller's thread
 * for the blocking API and in a GTask worker for the async one. */
typedef gboolean (*ConnCallFunc) (GVirConnection *self, ConnCall *call,
                                  GCancellable *cancellable, GError **error);

struct _ConnCall
{
  ConnCallFunc func;
  guint flags;
  gboolean read_only;
  GMainContext *context;      /* open: where the connection will emit */
  char *filename;
  char *emulatorbin;
  char *arch;
  char *machine;
  char *virttype;
  GVirConfigDomain *conf;
  GVirNodeset *nodeset;
  gint start_cell;
  gint max_cells;
  gpointer result;
  GDestroyNotify result_free;
  gulong number;
};

static ConnCall *
conn_call_new (ConnCallFunc func)
{
  ConnCall *call = g_new0 (ConnCall, 1);

  call->func = func;
  return call;
}

static void
conn_call_free (ConnCall *call)
{
  g_clear_pointer (&call->context, g_main_context_unref);
  g_free (call->filename);
  g_free (call->emulatorbin);
  g_free (call->arch);
  g_free (call->machine);
  g_free (call->virttype);
  g_clear_object (&call->conf);
  g_clear_object (&call->nodeset);
  if (call->result != NULL && call->result_free != NULL)
    call->result_free (call->result);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConnCall, conn_call_free)

static void
conn_call_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  ConnCall *call = task_data;
  g_autoptr(GError) error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (!call->func (GVIR_CONNECTION (source), call, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static GTask *
conn_call_task_new (GVirConnection *self, ConnCall *call, gpointer source_tag,
                    GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, call, (GDestroyNotify) conn_call_free);
  return task;
}

static void
conn_call_start (GVirConnection *self, ConnCall *call, gpointer source_tag,
                 GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = conn_call_task_new (self, call, source_tag, cancellable,
                                              callback, user_data);

  g_task_run_in_thread (task, conn_call_thread);
}

/* The finished call (owned by the task), or NULL with @error set. */
static ConnCall *
conn_call_finish (GVirConnection *self, GAsyncResult *result, gpointer source_tag,
                  GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  return g_task_get_task_data (G_TASK (result));
}

static gboolean
conn_call_sync (GVirConnection *self, ConnCall *call, GError **error)
{
  return call->func (self, call, NULL, error);
}

/* ---- open ------------------------------------------------------------------ */

static gboolean
op_open (GVirConnection *self, ConnCall *call, GCancellable *cancellable, GError **error)
{
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  return connection_open_internal (self, call->read_only, call->context, cancellable, error);
}

static gboolean
connection_open_sync (GVirConnection *self, gboolean read_only, GCancellable *cancellable,
                      GError **error)
{
  g_autoptr(ConnCall) call = conn_call_new (op_open);

  call->read_only = read_only;
  call->context = g_main_context_ref_thread_default ();
  if (!op_open (self, call, cancellable, error))
    return FALSE;
  emit_opened (self);
  return TRUE;
}

static void
open_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (!op_open (GVIR_CONNECTION (source), task_data, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* Queued into the caller's context ahead of the task's completion, so
   * connection-opened is emitted there before the callback runs. */
  emit_opened (GVIR_CONNECTION (source));
  g_task_return_boolean (task, TRUE);
}

static void
connection_open_async (GVirConnection *self, gboolean read_only, gpointer source_tag,
                       GCancellable *cancellable, GAsyncReadyCallback callback,
                       gpointer user_data)
{
  ConnCall *call = conn_call_new (op_open);
  g_autoptr(GTask) task = NULL;

  call->read_only = read_only;
  call->context = g_main_context_ref_thread_default ();
  task = conn_call_task_new (self, call, source_tag, cancellable, callback, user_data);
  g_task_run_in_thread (task, open_thread);
}

static gboolean
connection_open_finish (GVirConnection *self, GAsyncResult *result, gpointer source_tag,
                        GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * gvir_connection_new:
 * @uri: (nullable): the hypervisor URI, for example `test:///default`
 *
 * Creates a connection object for @uri. It is not open yet; call
 * gvir_connection_open() or one of its variants.
 *
 * Returns: (transfer full): a new #GVirConnection
 */
GVirConnection *
gvir_connection_new (const gchar *uri)
{
  return g_object_new (GVIR_TYPE_CONNECTION, "uri", uri, NULL);
}

/**
 * gvir_connection_open:
 * @conn: a #GVirConnection
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @err: return location for a #GError, or %NULL
 *
 * Opens the connection for reading and writing. The thread-default main
 * context of the calling thread becomes the context in which the
 * connection emits its signals. #GVirConnection::connection-opened is
 * emitted on success.
 *
 * Returns: %TRUE on success, %FALSE with @err set on failure
 */
gboolean
gvir_connection_open (GVirConnection *conn, GCancellable *cancellable, GError **err)
{
  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (err == NULL || *err == NULL, FALSE);

  return connection_open_sync (conn, FALSE, cancellable, err);
}

/**
 * gvir_connection_open_async:
 * @conn: a #GVirConnection
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the connection is open
 * @user_data: (closure): data for @callback
 *
 * Opens the connection for reading and writing without blocking. The
 * thread-default main context of the caller becomes the context in which
 * the connection emits its signals; #GVirConnection::connection-opened is
 * emitted there before @callback runs.
 */
void
gvir_connection_open_async (GVirConnection *conn, GCancellable *cancellable,
                            GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIR_IS_CONNECTION (conn));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  connection_open_async (conn, FALSE, gvir_connection_open_async, cancellable,
                         callback, user_data);
}

/**
 * gvir_connection_open_finish:
 * @conn: a #GVirConnection
 * @result: the #GAsyncResult passed to the callback
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_connection_open_async().
 *
 * Returns: %TRUE on success, %FALSE with @err set on failure
 */
gboolean
gvir_connection_open_finish (GVirConnection *conn, GAsyncResult *result, GError **err)
{
  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), FALSE);

  return connection_open_finish (conn, result, gvir_connection_open_async, err);
}

/**
 * gvir_connection_open_read_only:
 * @conn: a #GVirConnection
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @err: return location for a #GError, or %NULL
 *
 * Opens the connection read-only: queries work, every call that would
 * change something fails with %GVIR_ERROR_READ_ONLY. Otherwise like
 * gvir_connection_open().
 *
 * Returns: %TRUE on success, %FALSE with @err set on failure
 */
gboolean
gvir_connection_open_read_only (GVirConnection *conn, GCancellable *cancellable, GError **err)
{
  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (err == NULL || *err == NULL, FALSE);

  return connection_open_sync (conn, TRUE, cancellable, err);
}

/**
 * gvir_connection_open_read_only_async:
 * @conn: a #GVirConnection
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the connection is open
 * @user_data: (closure): data for @callback
 *
 * Opens the connection read-only without blocking; see
 * gvir_connection_open_read_only() and gvir_connection_open_async().
 */
void
gvir_connection_open_read_only_async (GVirConnection *conn, GCancellable *cancellable,
                                      GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIR_IS_CONNECTION (conn));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  connection_open_async (conn, TRUE, gvir_connection_open_read_only_async, cancellable,
                         callback, user_data);
}

/**
 * gvir_connection_open_read_only_finish:
 * @conn: a #GVirConnection
 * @result: the #GAsyncResult passed to the callback
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_connection_open_read_only_async().
 *
 * Returns: %TRUE on success, %FALSE with @err set on failure
 */
gboolean
gvir_connection_open_read_only_finish (GVirConnection *conn, GAsyncResult *result,
                                       GError **err)
{
  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), FALSE);

  return connection_open_finish (conn, result, gvir_connection_open_read_only_async, err);
}

/**
 * gvir_connection_is_open:
 * @conn: a #GVirConnection
 *
 * Whether the connection is open. %FALSE as soon as the driver knows the
 * connection is dead (the peer closed it, or sent something that broke
 * the protocol), even before #GVirConnection::connection-closed is
 * emitted in the connection's main context.
 *
 * Returns: %TRUE if the connection is open
 */
gboolean
gvir_connection_is_open (GVirConnection *conn)
{
  GVirConnectionPrivate *priv;
  gboolean open;

  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), FALSE);

  priv = gvir_connection_get_instance_private (conn);
  g_mutex_lock (&priv->lock);
  open = priv->drv != NULL && !priv->dead;
  g_mutex_unlock (&priv->lock);
  return open;
}

/**
 * gvir_connection_is_read_only:
 * @conn: a #GVirConnection
 *
 * Whether the connection is open read-only.
 *
 * Returns: %TRUE if the connection is open and read-only
 */
gboolean
gvir_connection_is_read_only (GVirConnection *conn)
{
  GVirConnectionPrivate *priv;
  gboolean read_only;

  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), FALSE);

  priv = gvir_connection_get_instance_private (conn);
  g_mutex_lock (&priv->lock);
  read_only = priv->drv != NULL && priv->read_only;
  g_mutex_unlock (&priv->lock);
  return read_only;
}

/**
 * gvir_connection_close:
 * @conn: a #GVirConnection
 *
 * Closes the connection and empties its domain cache. The domains it
 * handed out stay valid objects, but their calls fail with
 * %GVIR_ERROR_CONNECTION_CLOSED. #GVirConnection::connection-closed is
 * emitted if the connection was open. Closing a closed connection does
 * nothing. The connection may be opened again.
 */
void
gvir_connection_close (GVirConnection *conn)
{
  g_return_if_fail (GVIR_IS_CONNECTION (conn));

  connection_close_internal (conn, TRUE);
}

/**
 * gvir_connection_get_uri:
 * @conn: a #GVirConnection
 *
 * Gets the URI the connection was created for.
 *
 * Returns: (transfer none) (nullable): the URI
 */
const gchar *
gvir_connection_get_uri (GVirConnection *conn)
{
  GVirConnectionPrivate *priv;

  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);

  priv = gvir_connection_get_instance_private (conn);
  return priv->uri;
}

/* ---- queries ---------------------------------------------------------------- */

/* Strings from the peer reach bindings, which need UTF-8: invalid
 * sequences are replaced by U+FFFD rather than failing the call, so that
 * a host with a mis-encoded name stays usable. Takes @str. */
static char *
make_valid_utf8 (char *str)
{
  char *valid;

  if (str == NULL || g_utf8_validate (str, -1, NULL))
    return str;
  valid = g_utf8_make_valid (str, -1);
  g_free (str);
  return valid;
}

static gboolean
op_get_hypervisor_name (GVirConnection *self, ConnCall *call, GCancellable *cancellable,
                        GError **error)
{
  g_autoptr(GVirDriverConnection) drv = _gvir_connection_dup_driver (self, error);

  if (drv == NULL)
    return FALSE;
  call->result = make_valid_utf8 (gvir_driver_connection_get_type (drv, cancellable, error));
  call->result_free = g_free;
  return call->result != NULL;
}

static gboolean
op_get_hostname (GVirConnection *self, ConnCall *call, GCancellable *cancellable,
                 GError **error)
{
  g_autoptr(GVirDriverConnection) drv = _gvir_connection_dup_driver (self, error);

  if (drv == NULL)
    return FALSE;
  call->result = make_valid_utf8 (gvir_driver_connection_get_hostname (drv, cancellable, error));
  call->result_free = g_free;
  return call->result != NULL;
}

static gboolean
op_get_version (GVirConnection *self, ConnCall *call, GCancellable *cancellable,
                GError **error)
{
  g_autoptr(GVirDriverConnection) drv = _gvir_connection_dup_driver (self, error);

  if (drv == NULL)
    return FALSE;
  return gvir_driver_connection_get_version (drv, &call->number, cancellable, error);
}

static gboolean
op_get_node_info (GVirConnection *self, ConnCall *call, GCancellable *cancellable,
                  GError **error)
{
  g_autoptr(GVirDriverConnection) drv = _gvir_connection_dup_driver (self, error);
  GVirDriverNodeInfo raw = { 0 };
  GVirNodeInfo *info;

  if (drv == NULL || !gvir_driver_connection_get_node_info (drv, &raw, cancellable, error))
    return FALSE;
  info = g_new0 (GVirNodeInfo, 1);
  info->model = g_steal_pointer (&raw.model);
  info->memory = raw.memory_kib;
  info->cpus = raw.cpus;
  info->mhz = raw.mhz;
  info->nodes = raw.nodes;
  info->sockets = raw.sockets;
  info->cores = raw.cores;
  info->threads = raw.threads;
  gvir_driver_node_info_clear (&raw);
  call->result = info;
  call->result_free = (GDestroyNotify) gvir_node_info_free;
  return TRUE;
}

/* The capabilities of @drv, parsed; shared by the capabilities and the
 * NUMA queries. */
static GVirConfigCapabilities *
load_capabilities (GVirConnection *self, GVirDriverConnection *drv,
                   GCancellable *cancellable, GError **error)
{
  g_autoptr(GError) parse_error = NULL;
  g_autofree char *xml = NULL;
  GVirConfigCapabilities *caps;

  xml = gvir_driver_connection_get_capabilities (drv, cancellable, error);
  if (xml == NULL)
    return NULL;
  caps = gvir_config_capabilities_new_from_xml (xml, &parse_error);
  if (caps == NULL)
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML,
                 "cannot parse the capabilities of '%s': %s",
                 gvir_connection_get_uri (self), parse_error->message);
  return caps;
}

static gboolean
op_get_capabilities (GVirConnection *self, ConnCall *call, GCancellable *cancellable,
                     GError **error)
{
  g_autoptr(GVirDriverConnection) drv = _gvir_connection_dup_driver (self, error);

  if (drv == NULL)
    return FALSE;
  call->result = load_capabilities (self, drv, cancellable, error);
  call->result_free = g_object_unref;
  return call->result != NULL;
}

static gboolean
op_get_domain_capabilities (GVirConnection *self, ConnCall *call, GCancellable *cancellable,
                            GError **error)
{
  g_autoptr(GVirDriverConnection) drv = _gvir_connection_dup_driver (self, error);
  g_autoptr(GError) parse_error = NULL;
  g_autofree char *xml = NULL;

  if (drv == NULL)
    return FALSE;
  xml = gvir_driver_connection_get_domain_capabilities (drv, call->emulatorbin, call->arch,
                                                        call->machine, call->virttype,
                                                        call->flags, cancellable, error);
  if (xml == NULL)
    return FALSE;
  call->result = gvir_config_domain_capabilities_new_from_xml (xml, &parse_error);
  call->result_free = g_object_unref;
  if (call->result == NULL)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML,
                   "cannot parse the domain capabilities of '%s': %s",
                   gvir_connection_get_uri (self), parse_error->message);
      return FALSE;
    }
  return TRUE;
}

/* Blocking form of a call whose result is a pointer. */
static gpointer
conn_call_sync_pointer (GVirConnection *self, ConnCall *call, GError **error)
{
  if (!conn_call_sync (self, call, error))
    return NULL;
  return g_steal_pointer (&call->result);
}

static gpointer
conn_call_finish_pointer (GVirConnection *self, GAsyncResult *result, gpointer source_tag,
                          GError **error)
{
  ConnCall *call = conn_call_finish (self, result, source_tag, error);

  return call != NULL ? g_steal_pointer (&call->result) : NULL;
}

/**
 * gvir_connection_get_hypervisor_name:
 * @conn: a #GVirConnection
 * @err: return location for a #GError, or %NULL
 *
 * Gets the name of the hypervisor driver, for example "TEST" or "QEMU".
 *
 * Returns: (transfer full) (nullable): the name, or %NULL with @err set
 */
gchar *
gvir_connection_get_hypervisor_name (GVirConnection *conn, GError **err)
{
  g_autoptr(ConnCall) call = conn_call_new (op_get_hypervisor_name);

  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);
  g_return_val_if_fail (err == NULL || *err == NULL, NULL);

  return conn_call_sync_pointer (conn, call, err);
}

/**
 * gvir_connection_get_hypervisor_name_async:
 * @conn: a #GVirConnection
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the name is known
 * @user_data: (closure): data for @callback
 *
 * Gets the name of the hypervisor driver without blocking; see
 * gvir_connection_get_hypervisor_name().
 */
void
gvir_connection_get_hypervisor_name_async (GVirConnection *conn, GCancellable *cancellable,
                                           GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIR_IS_CONNECTION (conn));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  conn_call_start (conn, conn_call_new (op_get_hypervisor_name),
                   gvir_connection_get_hypervisor_name_async, cancellable, callback, user_data);
}

/**
 * gvir_connection_get_hypervisor_name_finish:
 * @conn: a #GVirConnection
 * @result: the #GAsyncResult passed to the callback
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_connection_get_hypervisor_name_async().
 *
 * Returns: (transfer full) (nullable): the name, or %NULL with @err set
 */
gchar *
gvir_connection_get_hypervisor_name_finish (GVirConnection *conn, GAsyncResult *result,
                                            GError **err)
{
  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);

  return conn_call_finish_pointer (conn, result, gvir_connection_get_hypervisor_name_async,
                                   err);
}

/**
 * gvir_connection_get_version:
 * @conn: a #GVirConnection
 * @err: return location for a #GError, or %NULL
 *
 * Gets the version of the hypervisor, packed as
 * major * 1000000 + minor * 1000 + micro.
 *
 * Returns: the version, or 0 with @err set
 */
gulong
gvir_connection_get_version (GVirConnection *conn, GError **err)
{
  g_autoptr(ConnCall) call = conn_call_new (op_get_version);

  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), 0);
  g_return_val_if_fail (err == NULL || *err == NULL, 0);

  if (!conn_call_sync (conn, call, err))
    return 0;
  return call->number;
}

/**
 * gvir_connection_get_version_async:
 * @conn: a #GVirConnection
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the version is known
 * @user_data: (closure): data for @callback
 *
 * Gets the version of the hypervisor without blocking; see
 * gvir_connection_get_version().
 */
void
gvir_connection_get_version_async (GVirConnection *conn, GCancellable *cancellable,
                                   GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIR_IS_CONNECTION (conn));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  conn_call_start (conn, conn_call_new (op_get_version), gvir_connection_get_version_async,
                   cancellable, callback, user_data);
}

/**
 * gvir_connection_get_version_finish:
 * @conn: a #GVirConnection
 * @result: the #GAsyncResult passed to the callback
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_connection_get_version_async().
 *
 * Returns: the version, or 0 with @err set
 */
gulong
gvir_connection_get_version_finish (GVirConnection *conn, GAsyncResult *result, GError **err)
{
  ConnCall *call;

  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), 0);

  call = conn_call_finish (conn, result, gvir_connection_get_version_async, err);
  return call != NULL ? call->number : 0;
}

/**
 * gvir_connection_get_hostname:
 * @conn: a #GVirConnection
 * @err: return location for a #GError, or %NULL
 *
 * Gets the host name of the machine the hypervisor runs on.
 *
 * Returns: (transfer full) (nullable): the host name, or %NULL with @err set
 */
gchar *
gvir_connection_get_hostname (GVirConnection *conn, GError **err)
{
  g_autoptr(ConnCall) call = conn_call_new (op_get_hostname);

  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);
  g_return_val_if_fail (err == NULL || *err == NULL, NULL);

  return conn_call_sync_pointer (conn, call, err);
}

/**
 * gvir_connection_get_hostname_async:
 * @conn: a #GVirConnection
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the host name is known
 * @user_data: (closure): data for @callback
 *
 * Gets the host name without blocking; see gvir_connection_get_hostname().
 */
void
gvir_connection_get_hostname_async (GVirConnection *conn, GCancellable *cancellable,
                                    GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIR_IS_CONNECTION (conn));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  conn_call_start (conn, conn_call_new (op_get_hostname), gvir_connection_get_hostname_async,
                   cancellable, callback, user_data);
}

/**
 * gvir_connection_get_hostname_finish:
 * @conn: a #GVirConnection
 * @result: the #GAsyncResult passed to the callback
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_connection_get_hostname_async().
 *
 * Returns: (transfer full) (nullable): the host name, or %NULL with @err set
 */
gchar *
gvir_connection_get_hostname_finish (GVirConnection *conn, GAsyncResult *result, GError **err)
{
  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);

  return conn_call_finish_pointer (conn, result, gvir_connection_get_hostname_async, err);
}

/**
 * gvir_connection_get_node_info:
 * @conn: a #GVirConnection
 * @err: return location for a #GError, or %NULL
 *
 * Describes the host hardware: CPU model, memory, CPU and NUMA topology.
 *
 * Returns: (transfer full) (nullable): the host description, free with
 *   gvir_node_info_free(), or %NULL with @err set
 */
GVirNodeInfo *
gvir_connection_get_node_info (GVirConnection *conn, GError **err)
{
  g_autoptr(ConnCall) call = conn_call_new (op_get_node_info);

  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);
  g_return_val_if_fail (err == NULL || *err == NULL, NULL);

  return conn_call_sync_pointer (conn, call, err);
}

/**
 * gvir_connection_get_node_info_async:
 * @conn: a #GVirConnection
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the description is available
 * @user_data: (closure): data for @callback
 *
 * Describes the host hardware without blocking; see
 * gvir_connection_get_node_info().
 */
void
gvir_connection_get_node_info_async (GVirConnection *conn, GCancellable *cancellable,
                                     GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIR_IS_CONNECTION (conn));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  conn_call_start (conn, conn_call_new (op_get_node_info),
                   gvir_connection_get_node_info_async, cancellable, callback, user_data);
}

/**
 * gvir_connection_get_node_info_finish:
 * @conn: a #GVirConnection
 * @result: the #GAsyncResult passed to the callback
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_connection_get_node_info_async().
 *
 * Returns: (transfer full) (nullable): the host description, or %NULL with
 *   @err set
 */
GVirNodeInfo *
gvir_connection_get_node_info_finish (GVirConnection *conn, GAsyncResult *result,
                                      GError **err)
{
  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);

  return conn_call_finish_pointer (conn, result, gvir_connection_get_node_info_async, err);
}

/**
 * gvir_connection_get_capabilities:
 * @conn: a #GVirConnection
 * @err: return location for a #GError, or %NULL
 *
 * Gets the capabilities of the host and hypervisor: host CPU and NUMA
 * topology, and the guest types that can be run.
 *
 * Returns: (transfer full) (nullable): the capabilities, or %NULL with
 *   @err set
 */
GVirConfigCapabilities *
gvir_connection_get_capabilities (GVirConnection *conn, GError **err)
{
  g_autoptr(ConnCall) call = conn_call_new (op_get_capabilities);

  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);
  g_return_val_if_fail (err == NULL || *err == NULL, NULL);

  return conn_call_sync_pointer (conn, call, err);
}

/**
 * gvir_connection_get_capabilities_async:
 * @conn: a #GVirConnection
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the capabilities are available
 * @user_data: (closure): data for @callback
 *
 * Gets the capabilities without blocking; see
 * gvir_connection_get_capabilities().
 */
void
gvir_connection_get_capabilities_async (GVirConnection *conn, GCancellable *cancellable,
                                        GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIR_IS_CONNECTION (conn));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  conn_call_start (conn, conn_call_new (op_get_capabilities),
                   gvir_connection_get_capabilities_async, cancellable, callback, user_data);
}

/**
 * gvir_connection_get_capabilities_finish:
 * @conn: a #GVirConnection
 * @result: the #GAsyncResult passed to the callback
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_connection_get_capabilities_async().
 *
 * Returns: (transfer full) (nullable): the capabilities, or %NULL with
 *   @err set
 */
GVirConfigCapabilities *
gvir_connection_get_capabilities_finish (GVirConnection *conn, GAsyncResult *result,
                                         GError **err)
{
  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);

  return conn_call_finish_pointer (conn, result, gvir_connection_get_capabilities_async, err);
}

static ConnCall *
domain_capabilities_call_new (const gchar *emulatorbin, const gchar *arch,
                              const gchar *machine, const gchar *virttype, guint flags)
{
  ConnCall *call = conn_call_new (op_get_domain_capabilities);

  call->emulatorbin = g_strdup (emulatorbin);
  call->arch = g_strdup (arch);
  call->machine = g_strdup (machine);
  call->virttype = g_strdup (virttype);
  call->flags = flags;
  return call;
}

/**
 * gvir_connection_get_domain_capabilities:
 * @conn: a #GVirConnection
 * @emulatorbin: (nullable): the emulator binary, or %NULL for the default
 * @arch: (nullable): the guest architecture, or %NULL for the default
 * @machine: (nullable): the machine type, or %NULL for the default
 * @virttype: (nullable): the virtualisation type (such as "kvm"), or %NULL
 *   for the default
 * @flags: unused, pass 0
 * @err: return location for a #GError, or %NULL
 *
 * Gets what a domain of the given kind can be configured with on this
 * host.
 *
 * Returns: (transfer full) (nullable): the domain capabilities, or %NULL
 *   with @err set
 */
GVirConfigDomainCapabilities *
gvir_connection_get_domain_capabilities (GVirConnection *conn, const gchar *emulatorbin,
                                         const gchar *arch, const gchar *machine,
                                         const gchar *virttype, guint flags, GError **err)
{
  g_autoptr(ConnCall) call = NULL;

  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);
  g_return_val_if_fail (err == NULL || *err == NULL, NULL);

  call = domain_capabilities_call_new (emulatorbin, arch, machine, virttype, flags);
  return conn_call_sync_pointer (conn, call, err);
}

/**
 * gvir_connection_get_domain_capabilities_async:
 * @conn: a #GVirConnection
 * @emulatorbin: (nullable): the emulator binary, or %NULL for the default
 * @arch: (nullable): the guest architecture, or %NULL for the default
 * @machine: (nullable): the machine type, or %NULL for the default
 * @virttype: (nullable): the virtualisation type, or %NULL for the default
 * @flags: unused, pass 0
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the capabilities are available
 * @user_data: (closure): data for @callback
 *
 * Gets domain capabilities without blocking; see
 * gvir_connection_get_domain_capabilities().
 */
void
gvir_connection_get_domain_capabilities_async (GVirConnection *conn, const gchar *emulatorbin,
                                               const gchar *arch, const gchar *machine,
                                               const gchar *virttype, guint flags,
                                               GCancellable *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer user_data)
{
  g_return_if_fail (GVIR_IS_CONNECTION (conn));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  conn_call_start (conn, domain_capabilities_call_new (emulatorbin, arch, machine, virttype, flags),
                   gvir_connection_get_domain_capabilities_async, cancellable,
                   callback, user_data);
}

/**
 * gvir_connection_get_domain_capabilities_finish:
 * @conn: a #GVirConnection
 * @result: the #GAsyncResult passed to the callback
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_connection_get_domain_capabilities_async().
 *
 * Returns: (transfer full) (nullable): the domain capabilities, or %NULL
 *   with @err set
 */
GVirConfigDomainCapabilities *
gvir_connection_get_domain_capabilities_finish (GVirConnection *conn, GAsyncResult *result,
                                                GError **err)
{
  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);

  return conn_call_finish_pointer (conn, result,
                                   gvir_connection_get_domain_capabilities_async, err);
}

/* ---- domains ---------------------------------------------------------------- */

static gboolean
op_fetch_domains (GVirConnection *self, ConnCall *call, GCancellable *cancellable,
                  GError **error)
{
  g_autoptr(GVirDriverConnection) drv = _gvir_connection_dup_driver (self, error);
  g_autoptr(GPtrArray) listed = NULL;
  guint64 mark = current_event_seq ();

  if (drv == NULL)
    return FALSE;
  listed = gvir_driver_connection_list_domains (drv, cancellable, error);
  if (listed == NULL)
    return FALSE;
  /* Do not touch the cache for a call the caller gave up on. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  sync_domains (self, drv, listed, mark);
  return TRUE;
}

/**
 * gvir_connection_fetch_domains:
 * @conn: a #GVirConnection
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @err: return location for a #GError, or %NULL
 *
 * Lists the domains of the hypervisor into the connection's cache.
 * Domains already known keep their #GVirDomain object and are updated in
 * place; #GVirConnection::domain-added is emitted for new ones and
 * #GVirConnection::domain-removed for those that vanished.
 *
 * Returns: %TRUE on success, %FALSE with @err set on failure
 */
gboolean
gvir_connection_fetch_domains (GVirConnection *conn, GCancellable *cancellable, GError **err)
{
  g_autoptr(ConnCall) call = conn_call_new (op_fetch_domains);

  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (err == NULL || *err == NULL, FALSE);

  return op_fetch_domains (conn, call, cancellable, err);
}

/**
 * gvir_connection_fetch_domains_async:
 * @conn: a #GVirConnection
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the cache is up to date
 * @user_data: (closure): data for @callback
 *
 * Lists the domains without blocking; see gvir_connection_fetch_domains().
 */
void
gvir_connection_fetch_domains_async (GVirConnection *conn, GCancellable *cancellable,
                                     GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIR_IS_CONNECTION (conn));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  conn_call_start (conn, conn_call_new (op_fetch_domains),
                   gvir_connection_fetch_domains_async, cancellable, callback, user_data);
}

/**
 * gvir_connection_fetch_domains_finish:
 * @conn: a #GVirConnection
 * @result: the #GAsyncResult passed to the callback
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_connection_fetch_domains_async().
 *
 * Returns: %TRUE on success, %FALSE with @err set on failure
 */
gboolean
gvir_connection_fetch_domains_finish (GVirConnection *conn, GAsyncResult *result,
                                      GError **err)
{
  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), FALSE);

  return conn_call_finish (conn, result, gvir_connection_fetch_domains_async, err) != NULL;
}

/**
 * gvir_connection_get_domains:
 * @conn: a #GVirConnection
 *
 * Gets the domains in the connection's cache (see
 * gvir_connection_fetch_domains()). Empty while the connection is closed.
 *
 * Returns: (transfer full) (element-type GVirDomain): the domains
 */
GList *
gvir_connection_get_domains (GVirConnection *conn)
{
  GVirConnectionPrivate *priv;
  GList *domains = NULL;
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);

  priv = gvir_connection_get_instance_private (conn);
  g_mutex_lock (&priv->lock);
  g_hash_table_iter_init (&iter, priv->domains);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    domains = g_list_prepend (domains, g_object_ref (value));
  g_mutex_unlock (&priv->lock);
  return domains;
}

/**
 * gvir_connection_get_domain:
 * @conn: a #GVirConnection
 * @uuid: the UUID of the domain
 *
 * Looks a domain up in the connection's cache by UUID (in any letter
 * case). Does not block.
 *
 * Returns: (transfer full) (nullable): the domain, or %NULL
 */
GVirDomain *
gvir_connection_get_domain (GVirConnection *conn, const gchar *uuid)
{
  GVirConnectionPrivate *priv;
  g_autofree char *key = NULL;
  GVirDomain *dom;

  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  priv = gvir_connection_get_instance_private (conn);
  key = g_ascii_strdown (uuid, -1);
  g_mutex_lock (&priv->lock);
  dom = g_hash_table_lookup (priv->domains, key);
  if (dom != NULL)
    g_object_ref (dom);
  g_mutex_unlock (&priv->lock);
  return dom;
}

typedef gboolean (*DomainMatchFunc) (GVirDomain *dom, gconstpointer data);

static GVirDomain *
find_domain (GVirConnection *self, DomainMatchFunc match, gconstpointer data)
{
  GVirConnectionPrivate *priv = gvir_connection_get_instance_private (self);
  GVirDomain *found = NULL;
  GHashTableIter iter;
  gpointer value;

  g_mutex_lock (&priv->lock);
  g_hash_table_iter_init (&iter, priv->domains);
  while (found == NULL && g_hash_table_iter_next (&iter, NULL, &value))
    if (match (value, data))
      found = g_object_ref (value);
  g_mutex_unlock (&priv->lock);
  return found;
}

static gboolean
match_id (GVirDomain *dom, gconstpointer data)
{
  return _gvir_domain_get_cached_id (dom) == *(const gint *) data;
}

static gboolean
match_name (GVirDomain *dom, gconstpointer data)
{
  return g_strcmp0 (gvir_domain_get_name (dom), data) == 0;
}

/**
 * gvir_connection_find_domain_by_id:
 * @conn: a #GVirConnection
 * @id: the id of a running domain
 *
 * Looks a running domain up in the connection's cache by id. Does not
 * block.
 *
 * Returns: (transfer full) (nullable): the domain, or %NULL
 */
GVirDomain *
gvir_connection_find_domain_by_id (GVirConnection *conn, gint id)
{
  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);

  if (id < 0)
    return NULL;
  return find_domain (conn, match_id, &id);
}

/**
 * gvir_connection_find_domain_by_name:
 * @conn: a #GVirConnection
 * @name: the name of the domain
 *
 * Looks a domain up in the connection's cache by name. Does not block.
 *
 * Returns: (transfer full) (nullable): the domain, or %NULL
 */
GVirDomain *
gvir_connection_find_domain_by_name (GVirConnection *conn, const gchar *name)
{
  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return find_domain (conn, match_name, name);
}

/* Shared by create, start and restore: the driver returns the new domain,
 * which enters the cache at once. */
static gboolean
track_result (GVirConnection *self, GVirDriverConnection *drv, GVirDriverDomain *domain,
              ConnCall *call, GError **error)
{
  if (domain == NULL)
    return FALSE;
  call->result = _gvir_connection_track_domain (self, drv, domain);
  call->result_free = g_object_unref;
  gvir_driver_domain_free (domain);
  if (call->result == NULL)
    {
      set_not_open_error (self, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
op_create_domain (GVirConnection *self, ConnCall *call, GCancellable *cancellable,
                  GError **error)
{
  g_autoptr(GVirDriverConnection) drv = _gvir_connection_dup_driver (self, error);
  g_autofree char *xml = NULL;

  if (drv == NULL)
    return FALSE;
  xml = gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (call->conf));
  return track_result (self, drv,
                       gvir_driver_connection_define_domain (drv, xml, 0, cancellable, error),
                       call, error);
}

static gboolean
op_start_domain (GVirConnection *self, ConnCall *call, GCancellable *cancellable,
                 GError **error)
{
  g_autoptr(GVirDriverConnection) drv = _gvir_connection_dup_driver (self, error);
  g_autofree char *xml = NULL;

  if (drv == NULL)
    return FALSE;
  xml = gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (call->conf));
  return track_result (self, drv,
                       gvir_driver_connection_create_domain (drv, xml, call->flags,
                                                             cancellable, error),
                       call, error);
}

static gboolean
op_restore_domain (GVirConnection *self, ConnCall *call, GCancellable *cancellable,
                   GError **error)
{
  g_autoptr(GVirDriverConnection) drv = _gvir_connection_dup_driver (self, error);
  g_autofree char *custom_xml = NULL;

  if (drv == NULL)
    return FALSE;
  if (call->conf != NULL)
    custom_xml = gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (call->conf));
  return track_result (self, drv,
                       gvir_driver_connection_restore_domain_from_file (drv, call->filename,
                                                                        custom_xml,
                                                                        call->flags,
                                                                        cancellable, error),
                       call, error);
}

static ConnCall *
domain_conf_call_new (ConnCallFunc func, GVirConfigDomain *conf, guint flags)
{
  ConnCall *call = conn_call_new (func);

  if (conf != NULL)
    call->conf = g_object_ref (conf);
  call->flags = flags;
  return call;
}

/**
 * gvir_connection_create_domain:
 * @conn: a #GVirConnection
 * @conf: the configuration of the new domain
 * @err: return location for a #GError, or %NULL
 *
 * Defines a persistent domain from @conf; it stays shut off until
 * gvir_domain_start(). If a domain with the same UUID exists, its
 * definition is replaced. The domain enters the connection's cache and
 * #GVirConnection::domain-added is emitted if it is new.
 *
 * Returns: (transfer full) (nullable): the domain, or %NULL with @err set
 */
GVirDomain *
gvir_connection_create_domain (GVirConnection *conn, GVirConfigDomain *conf, GError **err)
{
  g_autoptr(ConnCall) call = NULL;

  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN (conf), NULL);
  g_return_val_if_fail (err == NULL || *err == NULL, NULL);

  call = domain_conf_call_new (op_create_domain, conf, 0);
  return conn_call_sync_pointer (conn, call, err);
}

/**
 * gvir_connection_create_domain_async:
 * @conn: a #GVirConnection
 * @conf: the configuration of the new domain
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the domain is defined
 * @user_data: (closure): data for @callback
 *
 * Defines a persistent domain without blocking; see
 * gvir_connection_create_domain().
 */
void
gvir_connection_create_domain_async (GVirConnection *conn, GVirConfigDomain *conf,
                                     GCancellable *cancellable, GAsyncReadyCallback callback,
                                     gpointer user_data)
{
  g_return_if_fail (GVIR_IS_CONNECTION (conn));
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN (conf));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  conn_call_start (conn, domain_conf_call_new (op_create_domain, conf, 0),
                   gvir_connection_create_domain_async, cancellable, callback, user_data);
}

/**
 * gvir_connection_create_domain_finish:
 * @conn: a #GVirConnection
 * @result: the #GAsyncResult passed to the callback
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_connection_create_domain_async().
 *
 * Returns: (transfer full) (nullable): the domain, or %NULL with @err set
 */
GVirDomain *
gvir_connection_create_domain_finish (GVirConnection *conn, GAsyncResult *result,
                                      GError **err)
{
  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);

  return conn_call_finish_pointer (conn, result, gvir_connection_create_domain_async, err);
}

/**
 * gvir_connection_start_domain:
 * @conn: a #GVirConnection
 * @conf: the configuration of the new domain
 * @flags: #GVirDomainStartFlags
 * @err: return location for a #GError, or %NULL
 *
 * Creates and starts a transient domain from @conf. It disappears when
 * it stops. The domain enters the connection's cache and
 * #GVirConnection::domain-added is emitted.
 *
 * Returns: (transfer full) (nullable): the domain, or %NULL with @err set
 */
GVirDomain *
gvir_connection_start_domain (GVirConnection *conn, GVirConfigDomain *conf, guint flags,
                              GError **err)
{
  g_autoptr(ConnCall) call = NULL;

  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN (conf), NULL);
  g_return_val_if_fail (err == NULL || *err == NULL, NULL);

  call = domain_conf_call_new (op_start_domain, conf, flags);
  return conn_call_sync_pointer (conn, call, err);
}

/**
 * gvir_connection_start_domain_async:
 * @conn: a #GVirConnection
 * @conf: the configuration of the new domain
 * @flags: #GVirDomainStartFlags
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the domain runs
 * @user_data: (closure): data for @callback
 *
 * Creates and starts a transient domain without blocking; see
 * gvir_connection_start_domain().
 */
void
gvir_connection_start_domain_async (GVirConnection *conn, GVirConfigDomain *conf, guint flags,
                                    GCancellable *cancellable, GAsyncReadyCallback callback,
                                    gpointer user_data)
{
  g_return_if_fail (GVIR_IS_CONNECTION (conn));
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN (conf));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  conn_call_start (conn, domain_conf_call_new (op_start_domain, conf, flags),
                   gvir_connection_start_domain_async, cancellable, callback, user_data);
}

/**
 * gvir_connection_start_domain_finish:
 * @conn: a #GVirConnection
 * @result: the #GAsyncResult passed to the callback
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_connection_start_domain_async().
 *
 * Returns: (transfer full) (nullable): the domain, or %NULL with @err set
 */
GVirDomain *
gvir_connection_start_domain_finish (GVirConnection *conn, GAsyncResult *result,
                                     GError **err)
{
  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);

  return conn_call_finish_pointer (conn, result, gvir_connection_start_domain_async, err);
}

static ConnCall *
restore_call_new (const gchar *filename, GVirConfigDomain *custom_conf, guint flags)
{
  ConnCall *call = domain_conf_call_new (op_restore_domain, custom_conf, flags);

  call->filename = g_strdup (filename);
  return call;
}

/**
 * gvir_connection_restore_domain_from_file:
 * @conn: a #GVirConnection
 * @filename: a file written by gvir_domain_save_to_file()
 * @custom_conf: (nullable): a configuration to use instead of the one
 *   recorded in the file, or %NULL
 * @flags: unused, pass 0
 * @err: return location for a #GError, or %NULL
 *
 * Restores a domain saved to @filename and starts it running.
 *
 * Returns: %TRUE on success, %FALSE with @err set on failure
 */
gboolean
gvir_connection_restore_domain_from_file (GVirConnection *conn, const gchar *filename,
                                          GVirConfigDomain *custom_conf, guint flags,
                                          GError **err)
{
  g_autoptr(ConnCall) call = NULL;

  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);
  g_return_val_if_fail (custom_conf == NULL || GVIR_CONFIG_IS_DOMAIN (custom_conf), FALSE);
  g_return_val_if_fail (err == NULL || *err == NULL, FALSE);

  call = restore_call_new (filename, custom_conf, flags);
  return conn_call_sync (conn, call, err);
}

/**
 * gvir_connection_restore_domain_from_file_async:
 * @conn: a #GVirConnection
 * @filename: a file written by gvir_domain_save_to_file()
 * @custom_conf: (nullable): a configuration to use instead of the one
 *   recorded in the file, or %NULL
 * @flags: unused, pass 0
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the domain runs
 * @user_data: (closure): data for @callback
 *
 * Restores a saved domain without blocking; see
 * gvir_connection_restore_domain_from_file().
 */
void
gvir_connection_restore_domain_from_file_async (GVirConnection *conn, const gchar *filename,
                                                GVirConfigDomain *custom_conf, guint flags,
                                                GCancellable *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer user_data)
{
  g_return_if_fail (GVIR_IS_CONNECTION (conn));
  g_return_if_fail (filename != NULL);
  g_return_if_fail (custom_conf == NULL || GVIR_CONFIG_IS_DOMAIN (custom_conf));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  conn_call_start (conn, restore_call_new (filename, custom_conf, flags),
                   gvir_connection_restore_domain_from_file_async, cancellable,
                   callback, user_data);
}

/**
 * gvir_connection_restore_domain_from_file_finish:
 * @conn: a #GVirConnection
 * @result: the #GAsyncResult passed to the callback
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_connection_restore_domain_from_file_async().
 *
 * Returns: %TRUE on success, %FALSE with @err set on failure
 */
gboolean
gvir_connection_restore_domain_from_file_finish (GVirConnection *conn, GAsyncResult *result,
                                                 GError **err)
{
  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), FALSE);

  return conn_call_finish (conn, result, gvir_connection_restore_domain_from_file_async,
                           err) != NULL;
}

/* ---- host NUMA topology --------------------------------------------------- */

/* The host's capabilities cells (transfer full), possibly NULL when the
 * host lists none. */
static GList *
load_cells (GVirConnection *self, GVirDriverConnection *drv, GCancellable *cancellable,
            GError **error, gboolean *ok)
{
  g_autoptr(GVirConfigCapabilities) caps = load_capabilities (self, drv, cancellable, error);
  g_autoptr(GVirConfigCapabilitiesHost) host = NULL;

  *ok = caps != NULL;
  if (caps == NULL)
    return NULL;
  host = gvir_config_capabilities_get_host (caps);
  return host != NULL ? gvir_config_capabilities_host_get_cells (host) : NULL;
}

static void
cells_free (gpointer cells)
{
  g_list_free_full (cells, g_object_unref);
}

static guint
cells_max_id (GList *cells)
{
  guint max_id = 0;

  for (GList *l = cells; l != NULL; l = l->next)
    max_id = MAX (max_id, gvir_config_capabilities_cell_get_id (l->data));
  return max_id;
}

static gboolean
op_get_node_cells (GVirConnection *self, ConnCall *call, GCancellable *cancellable,
                   GError **error)
{
  g_autoptr(GVirDriverConnection) drv = _gvir_connection_dup_driver (self, error);
  g_autoptr(GArray) free_mem = NULL;
  GList *cells;
  GList *result = NULL;
  gboolean ok = FALSE;

  if (drv == NULL)
    return FALSE;
  cells = load_cells (self, drv, cancellable, error, &ok);
  if (cells == NULL)
    return ok;

  /* Free memory is indexed by node number, as in libvirt, so sparse ids
   * (0, 2) read slots 0 and 2 of one range. */
  free_mem = gvir_driver_connection_get_cells_free_memory (drv, 0, (int) cells_max_id (cells) + 1,
                                                           cancellable, error);
  if (free_mem == NULL)
    {
      cells_free (cells);
      return FALSE;
    }
  for (GList *l = cells; l != NULL; l = l->next)
    {
      guint id = gvir_config_capabilities_cell_get_id (l->data);
      guint64 free_bytes = id < free_mem->len ? g_array_index (free_mem, guint64, id) : 0;

      result = g_list_prepend (result, _gvir_node_cell_new_from_config (l->data, free_bytes));
    }
  cells_free (cells);
  call->result = g_list_reverse (result);
  call->result_free = cells_free;
  return TRUE;
}

/**
 * gvir_connection_get_node_cells:
 * @conn: a #GVirConnection
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @err: return location for a #GError, or %NULL
 *
 * Gets the NUMA cells of the host: their CPUs, memory, free memory,
 * memory pages and distances, from the host's capabilities and its
 * current free memory per cell.
 *
 * A host whose capabilities list no cells (for example a `test:///` URI
 * naming a configuration file, like libvirt's file-based test driver)
 * gives an empty list and no error; the nodes field of #GVirNodeInfo
 * still gives the number of nodes and gvir_connection_get_host_nodeset()
 * their ids.
 *
 * Returns: (transfer full) (element-type GVirNodeCell): the cells, by
 *   increasing id as the host lists them; %NULL when there are none or on
 *   error (then @err is set)
 */
GList *
gvir_connection_get_node_cells (GVirConnection *conn, GCancellable *cancellable, GError **err)
{
  g_autoptr(ConnCall) call = conn_call_new (op_get_node_cells);

  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (err == NULL || *err == NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, err) ||
      !op_get_node_cells (conn, call, cancellable, err))
    return NULL;
  return g_steal_pointer (&call->result);
}

/**
 * gvir_connection_get_node_cells_async:
 * @conn: a #GVirConnection
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the cells are known
 * @user_data: (closure): data for @callback
 *
 * Gets the NUMA cells of the host without blocking; see
 * gvir_connection_get_node_cells().
 */
void
gvir_connection_get_node_cells_async (GVirConnection *conn, GCancellable *cancellable,
                                      GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIR_IS_CONNECTION (conn));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  conn_call_start (conn, conn_call_new (op_get_node_cells),
                   gvir_connection_get_node_cells_async, cancellable, callback, user_data);
}

/**
 * gvir_connection_get_node_cells_finish:
 * @conn: a #GVirConnection
 * @result: the #GAsyncResult passed to the callback
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_connection_get_node_cells_async().
 *
 * Returns: (transfer full) (element-type GVirNodeCell): the cells; %NULL
 *   when there are none or on error (then @err is set)
 */
GList *
gvir_connection_get_node_cells_finish (GVirConnection *conn, GAsyncResult *result,
                                       GError **err)
{
  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);

  return conn_call_finish_pointer (conn, result, gvir_connection_get_node_cells_async, err);
}

static gboolean
op_get_cells_free_memory (GVirConnection *self, ConnCall *call, GCancellable *cancellable,
                          GError **error)
{
  g_autoptr(GVirDriverConnection) drv = NULL;

  /* Bindings pass any integer: refuse nonsense before the driver sees it. */
  if (call->start_cell < 0 || call->max_cells < 1)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                   "invalid NUMA cell range: start %d, count %d (need start >= 0, count >= 1)",
                   call->start_cell, call->max_cells);
      return FALSE;
    }
  drv = _gvir_connection_dup_driver (self, error);
  if (drv == NULL)
    return FALSE;
  call->result = gvir_driver_connection_get_cells_free_memory (drv, call->start_cell,
                                                               call->max_cells,
                                                               cancellable, error);
  call->result_free = (GDestroyNotify) g_array_unref;
  return call->result != NULL;
}

static ConnCall *
cells_free_memory_call_new (gint start_cell, gint max_cells)
{
  ConnCall *call = conn_call_new (op_get_cells_free_memory);

  call->start_cell = start_cell;
  call->max_cells = max_cells;
  return call;
}

/* Hands out the array of a finished call as a plain C array. */
static guint64 *
steal_free_memory (ConnCall *call, guint *n_cells)
{
  GArray *array = g_steal_pointer (&call->result);

  if (array == NULL)
    return NULL;
  *n_cells = array->len;
  return (guint64 *) g_array_free (array, FALSE);
}

/**
 * gvir_connection_get_cells_free_memory:
 * @conn: a #GVirConnection
 * @start_cell: the first NUMA cell (node number) to report
 * @max_cells: how many cells to report, at least 1
 * @n_cells: (out): return location for the number of values
 * @err: return location for a #GError, or %NULL
 *
 * Gets the current free memory of the host's NUMA cells @start_cell to
 * @start_cell + @max_cells - 1, **in bytes**. Unlike libvirt's
 * virNodeGetCellsFreeMemory(), no value is in KiB, whatever the driver.
 *
 * As in libvirt, a range reaching past the host's last cell is cut
 * short (@n_cells tells how many values there are), a @start_cell past
 * the last cell fails with %GVIR_ERROR_NOT_FOUND, and a negative start or
 * a count below 1 fails with %GVIR_ERROR_INVALID_ARGUMENT.
 *
 * Returns: (array length=n_cells) (transfer full) (nullable): the free
 *   memory of each cell in bytes, or %NULL with @err set
 */
guint64 *
gvir_connection_get_cells_free_memory (GVirConnection *conn, gint start_cell, gint max_cells,
                                       guint *n_cells, GError **err)
{
  g_autoptr(ConnCall) call = NULL;

  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);
  g_return_val_if_fail (n_cells != NULL, NULL);
  g_return_val_if_fail (err == NULL || *err == NULL, NULL);

  *n_cells = 0;
  call = cells_free_memory_call_new (start_cell, max_cells);
  if (!conn_call_sync (conn, call, err))
    return NULL;
  return steal_free_memory (call, n_cells);
}

/**
 * gvir_connection_get_cells_free_memory_async:
 * @conn: a #GVirConnection
 * @start_cell: the first NUMA cell (node number) to report
 * @max_cells: how many cells to report, at least 1
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the values are known
 * @user_data: (closure): data for @callback
 *
 * Gets the free memory of NUMA cells without blocking; see
 * gvir_connection_get_cells_free_memory().
 */
void
gvir_connection_get_cells_free_memory_async (GVirConnection *conn, gint start_cell,
                                             gint max_cells, GCancellable *cancellable,
                                             GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIR_IS_CONNECTION (conn));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  conn_call_start (conn, cells_free_memory_call_new (start_cell, max_cells),
                   gvir_connection_get_cells_free_memory_async, cancellable,
                   callback, user_data);
}

/**
 * gvir_connection_get_cells_free_memory_finish:
 * @conn: a #GVirConnection
 * @result: the #GAsyncResult passed to the callback
 * @n_cells: (out): return location for the number of values
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_connection_get_cells_free_memory_async().
 *
 * Returns: (array length=n_cells) (transfer full) (nullable): the free
 *   memory of each cell in bytes, or %NULL with @err set
 */
guint64 *
gvir_connection_get_cells_free_memory_finish (GVirConnection *conn, GAsyncResult *result,
                                              guint *n_cells, GError **err)
{
  ConnCall *call;

  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);
  g_return_val_if_fail (n_cells != NULL, NULL);

  *n_cells = 0;
  call = conn_call_finish (conn, result, gvir_connection_get_cells_free_memory_async, err);
  return call != NULL ? steal_free_memory (call, n_cells) : NULL;
}

/* The nodes 0 .. @count - 1. */
static GVirNodeset *
nodeset_new_first (guint count, GError **error)
{
  g_autofree guint *ids = g_new (guint, MAX (count, 1));

  for (guint i = 0; i < count; i++)
    ids[i] = i;
  return gvir_nodeset_new_from_nodes (ids, count, error);
}

/* The host's node ids: the capabilities cells, or when the host lists
 * none, nodes 0 .. node_info.nodes - 1 (at least node 0), the same rule
 * the drivers apply when they check a placement. */
static GVirNodeset *
load_host_nodeset (GVirConnection *self, GVirDriverConnection *drv,
                   GCancellable *cancellable, GError **error)
{
  GVirDriverNodeInfo info = { 0 };
  GList *cells;
  gboolean ok = FALSE;
  guint nodes;

  cells = load_cells (self, drv, cancellable, error, &ok);
  if (!ok)
    return NULL;
  if (cells != NULL)
    {
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (guint));

      for (GList *l = cells; l != NULL; l = l->next)
        g_array_append_vals (ids, &(guint) { gvir_config_capabilities_cell_get_id (l->data) }, 1);
      cells_free (cells);
      return gvir_nodeset_new_from_nodes ((const guint *) ids->data, ids->len, error);
    }
  if (!gvir_driver_connection_get_node_info (drv, &info, cancellable, error))
    return NULL;
  nodes = MIN (MAX (info.nodes, 1), GVIR_NODESET_MAX_NODES);
  gvir_driver_node_info_clear (&info);
  return nodeset_new_first (nodes, error);
}

static gboolean
op_get_host_nodeset (GVirConnection *self, ConnCall *call, GCancellable *cancellable,
                     GError **error)
{
  g_autoptr(GVirDriverConnection) drv = _gvir_connection_dup_driver (self, error);

  if (drv == NULL)
    return FALSE;
  call->result = load_host_nodeset (self, drv, cancellable, error);
  call->result_free = g_object_unref;
  return call->result != NULL;
}

/**
 * gvir_connection_get_host_nodeset:
 * @conn: a #GVirConnection
 * @err: return location for a #GError, or %NULL
 *
 * Gets the NUMA nodes of the host as a #GVirNodeset: the ids of the cells
 * in the host's capabilities, or, for a host that lists no cells, nodes 0
 * to the nodes field of #GVirNodeInfo minus 1. Never empty: a host
 * without NUMA information is node 0.
 *
 * Returns: (transfer full) (nullable): the host's nodes, or %NULL with
 *   @err set
 */
GVirNodeset *
gvir_connection_get_host_nodeset (GVirConnection *conn, GError **err)
{
  g_autoptr(ConnCall) call = conn_call_new (op_get_host_nodeset);

  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);
  g_return_val_if_fail (err == NULL || *err == NULL, NULL);

  return conn_call_sync_pointer (conn, call, err);
}

/**
 * gvir_connection_get_host_nodeset_async:
 * @conn: a #GVirConnection
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the nodes are known
 * @user_data: (closure): data for @callback
 *
 * Gets the NUMA nodes of the host without blocking; see
 * gvir_connection_get_host_nodeset().
 */
void
gvir_connection_get_host_nodeset_async (GVirConnection *conn, GCancellable *cancellable,
                                        GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIR_IS_CONNECTION (conn));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  conn_call_start (conn, conn_call_new (op_get_host_nodeset),
                   gvir_connection_get_host_nodeset_async, cancellable, callback, user_data);
}

/**
 * gvir_connection_get_host_nodeset_finish:
 * @conn: a #GVirConnection
 * @result: the #GAsyncResult passed to the callback
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_connection_get_host_nodeset_async().
 *
 * Returns: (transfer full) (nullable): the host's nodes, or %NULL with
 *   @err set
 */
GVirNodeset *
gvir_connection_get_host_nodeset_finish (GVirConnection *conn, GAsyncResult *result,
                                         GError **err)
{
  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);

  return conn_call_finish_pointer (conn, result, gvir_connection_get_host_nodeset_async, err);
}

static gboolean
op_nodeset_is_available (GVirConnection *self, ConnCall *call, GCancellable *cancellable,
                         GError **error)
{
  g_autoptr(GVirDriverConnection) drv = _gvir_connection_dup_driver (self, error);
  g_autoptr(GVirNodeset) host = NULL;

  if (drv == NULL)
    return FALSE;
  host = load_host_nodeset (self, drv, cancellable, error);
  if (host == NULL)
    return FALSE;
  /* The drivers' wording, so that a caller sees one message whether it
   * asked first or the driver refused the placement. */
  return gvir_numa_check_nodes_on_host (gvir_nodeset_peek_ids (call->nodeset),
                                        gvir_nodeset_peek_ids (host), error);
}

static ConnCall *
nodeset_call_new (GVirNodeset *nodeset)
{
  ConnCall *call = conn_call_new (op_nodeset_is_available);

  call->nodeset = g_object_ref (nodeset);
  return call;
}

/**
 * gvir_connection_nodeset_is_available:
 * @conn: a #GVirConnection
 * @nodeset: the nodes a placement names
 * @err: return location for a #GError, or %NULL
 *
 * Checks that every node of @nodeset exists on the host (see
 * gvir_connection_get_host_nodeset()). Otherwise fails with
 * %GVIR_ERROR_NUMA_UNAVAILABLE and a message naming the lowest missing
 * node, such as "NUMA node 4 is unavailable: host has nodes 0-1" (the
 * message the drivers give when they refuse such a placement). An empty
 * nodeset is available.
 *
 * Returns: %TRUE if the host has every node of @nodeset, %FALSE with @err
 *   set otherwise
 */
gboolean
gvir_connection_nodeset_is_available (GVirConnection *conn, GVirNodeset *nodeset, GError **err)
{
  g_autoptr(ConnCall) call = NULL;

  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), FALSE);
  g_return_val_if_fail (GVIR_IS_NODESET (nodeset), FALSE);
  g_return_val_if_fail (err == NULL || *err == NULL, FALSE);

  call = nodeset_call_new (nodeset);
  return conn_call_sync (conn, call, err);
}

/**
 * gvir_connection_nodeset_is_available_async:
 * @conn: a #GVirConnection
 * @nodeset: the nodes a placement names
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the check is done
 * @user_data: (closure): data for @callback
 *
 * Checks a nodeset against the host without blocking; see
 * gvir_connection_nodeset_is_available().
 */
void
gvir_connection_nodeset_is_available_async (GVirConnection *conn, GVirNodeset *nodeset,
                                            GCancellable *cancellable,
                                            GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIR_IS_CONNECTION (conn));
  g_return_if_fail (GVIR_IS_NODESET (nodeset));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  conn_call_start (conn, nodeset_call_new (nodeset),
                   gvir_connection_nodeset_is_available_async, cancellable,
                   callback, user_data);
}

/**
 * gvir_connection_nodeset_is_available_finish:
 * @conn: a #GVirConnection
 * @result: the #GAsyncResult passed to the callback
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_connection_nodeset_is_available_async().
 *
 * Returns: %TRUE if the host has every node, %FALSE with @err set otherwise
 */
gboolean
gvir_connection_nodeset_is_available_finish (GVirConnection *conn, GAsyncResult *result,
                                             GError **err)
{
  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), FALSE);

  return conn_call_finish (conn, result, gvir_connection_nodeset_is_available_async,
                           err) != NULL;
}
