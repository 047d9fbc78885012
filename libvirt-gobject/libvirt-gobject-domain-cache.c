/*
 * libvirt-gobject-domain-cache.c: a connection's open state, its domain
 * cache and the routing of driver events
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

#include "libvirt-gobject/libvirt-gobject-error.h"
#include "libvirt-gobject/libvirt-gobject-domain-cache-private.h"
#include "libvirt-gobject/libvirt-gobject-domain-private.h"

/* The cache owns one lock, and nothing outside this file takes it. It
 * guards the open state and the cache together, because a driver answer
 * may enter the cache only while its driver connection is still the open
 * one (a close in between empties the cache for good). */
struct _GVirDomainCache
{
  GVirConnection *owner;      /* not a reference: the owner frees the cache */
  GVirDomainCacheSignals signals;

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
};

/* ---- sessions: how driver events find their cache ------------------------- */

/* Driver events carry only a session number. Looking it up under this lock
 * either finds the live cache (and takes a reference to its connection) or
 * finds nothing; unregistering happens in close, which the connection's
 * dispose runs, so an event can never reach a finalised connection. */
static GMutex sessions_lock;
static GHashTable *sessions;
static guint last_session;
/* Numbers every driver event in arrival order (under sessions_lock). */
static guint64 last_event_seq;

static guint
session_register (GVirDomainCache *self)
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

/* Finds the cache of an arriving event, with a reference to its owner
 * (release it with g_object_unref (cache->owner)), and numbers the event. */
static GVirDomainCache *
session_lookup (guint session, guint64 *seq)
{
  GVirDomainCache *self = NULL;

  g_mutex_lock (&sessions_lock);
  if (sessions != NULL)
    self = g_hash_table_lookup (sessions, GUINT_TO_POINTER (session));
  if (self != NULL)
    g_object_ref (self->owner);
  *seq = ++last_event_seq;
  g_mutex_unlock (&sessions_lock);
  return self;
}

/* Every event numbered up to now happened before a query starting now. */
guint64
_gvir_domain_cache_current_event_seq (void)
{
  guint64 seq;

  g_mutex_lock (&sessions_lock);
  seq = last_event_seq;
  g_mutex_unlock (&sessions_lock);
  return seq;
}

static gboolean
session_is_current (GVirDomainCache *self, guint session)
{
  gboolean current;

  g_mutex_lock (&self->lock);
  current = self->session != 0 && self->session == session;
  g_mutex_unlock (&self->lock);
  return current;
}

/* ---- emitting signals in the connection's context ------------------------- */

typedef struct
{
  GObject *owner;       /* a reference to the connection, which keeps cache alive */
  GVirDomainCache *cache;
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

  g_object_unref (e->owner);
  g_object_unref (e->target);
  g_clear_object (&e->arg);
  g_free (e);
}

static gboolean
emission_dispatch (gpointer data)
{
  Emission *e = data;

  if (e->session != 0 && !session_is_current (e->cache, e->session))
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
emission_new (GVirDomainCache *self, guint session, gpointer target, guint signal_id,
              GQuark detail, gpointer arg)
{
  Emission *e = g_new0 (Emission, 1);

  e->owner = g_object_ref (G_OBJECT (self->owner));
  e->cache = self;
  e->session = session;
  e->target = g_object_ref (target);
  e->signal_id = signal_id;
  e->detail = detail;
  e->arg = arg != NULL ? g_object_ref (arg) : NULL;
  return e;
}

static Emission *
emission_new_notify (GVirDomainCache *self, guint session, gpointer target, const char *name)
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

/* Called with the cache's lock held, once the cache has changed.
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

/* Releases the cache's lock and sends @emissions. */
static void
unlock_and_send (GVirDomainCache *self, GMainContext *context, GPtrArray *emissions)
{
  gboolean acquired;
  gboolean emit_here = emissions_prepare_locked (context, emissions, &acquired);

  g_mutex_unlock (&self->lock);
  if (emit_here)
    emissions_emit (context, emissions, acquired);
}

/* ---- the domain cache ----------------------------------------------------- */

static void
set_not_open_error (GVirDomainCache *self, GError **error)
{
  const char *uri = gvir_connection_get_uri (self->owner);

  g_set_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED,
               "connection to '%s' is not open", uri != NULL ? uri : "");
}

static void
weak_ref_free (gpointer data)
{
  GWeakRef *ref = data;

  g_weak_ref_clear (ref);
  g_free (ref);
}

/* Called with self->lock held. */
static GVirDomain *
known_lookup_locked (GVirDomainCache *self, const char *uuid)
{
  GWeakRef *ref = g_hash_table_lookup (self->known, uuid);
  GVirDomain *dom;

  if (ref == NULL)
    return NULL;
  dom = g_weak_ref_get (ref);
  if (dom == NULL)
    g_hash_table_remove (self->known, uuid);
  return dom;
}

/* Called with self->lock held. */
static void
mark_locked (GVirDomainCache *self, const char *uuid, guint64 mark)
{
  if (mark != 0)
    g_hash_table_replace (self->marks, g_strdup (uuid), g_memdup2 (&mark, sizeof mark));
}

/* Called with self->lock held. */
static gboolean
is_stale_locked (GVirDomainCache *self, const char *uuid, guint64 seq)
{
  const guint64 *mark = g_hash_table_lookup (self->marks, uuid);

  return mark != NULL && seq <= *mark;
}

/* Called with self->lock held. Puts @domain in the cache, reusing the
 * object the connection made for that UUID before if it is still alive.
 * Returns the cached object (borrowed) and queues domain-added and
 * notify::persistent into @emissions as needed. */
static GVirDomain *
track_locked (GVirDomainCache *self, const GVirDriverDomain *domain, GPtrArray *emissions,
              guint64 mark)
{
  GVirDomain *dom = g_hash_table_lookup (self->domains, domain->uuid);
  gboolean persistent_changed = FALSE;
  gboolean added = FALSE;

  mark_locked (self, domain->uuid, mark);
  if (dom == NULL)
    {
      dom = known_lookup_locked (self, domain->uuid);
      if (dom != NULL)
        {
          _gvir_domain_attach (dom, self->owner, self);
          persistent_changed = _gvir_domain_update (dom, domain);
        }
      else
        {
          GWeakRef *ref = g_new0 (GWeakRef, 1);

          dom = _gvir_domain_new (self->owner, self, domain);
          g_weak_ref_init (ref, dom);
          g_hash_table_replace (self->known, g_strdup (domain->uuid), ref);
        }
      g_hash_table_insert (self->domains, g_strdup (domain->uuid), dom);
      added = TRUE;
    }
  else
    persistent_changed = _gvir_domain_update (dom, domain);

  if (persistent_changed && !added)
    g_ptr_array_add (emissions, emission_new_notify (self, self->session, dom, "persistent"));
  if (added)
    g_ptr_array_add (emissions, emission_new (self, self->session, self->owner,
                                              self->signals.domain_added, 0, dom));
  return dom;
}

/* Called with self->lock held. */
static void
untrack_locked (GVirDomainCache *self, const char *uuid, GPtrArray *emissions, guint64 mark)
{
  GVirDomain *dom = g_hash_table_lookup (self->domains, uuid);

  mark_locked (self, uuid, mark);
  if (dom == NULL)
    return;
  g_ptr_array_add (emissions, emission_new (self, self->session, self->owner,
                                            self->signals.domain_removed, 0, dom));
  g_hash_table_remove (self->domains, uuid);
}

/* Takes the lock if @drv is still the open driver; returns the context to
 * emit in (a new reference) or NULL, in which case the lock is not held. */
static GMainContext *
lock_if_current (GVirDomainCache *self, GVirDriverConnection *drv)
{
  g_mutex_lock (&self->lock);
  if (self->drv == NULL || self->drv != drv)
    {
      g_mutex_unlock (&self->lock);
      return NULL;
    }
  return g_main_context_ref (self->context);
}

GVirDomain *
_gvir_domain_cache_track (GVirDomainCache *self, GVirDriverConnection *drv,
                          const GVirDriverDomain *domain, GError **error)
{
  g_autoptr(GPtrArray) emissions = g_ptr_array_new_with_free_func (emission_free);
  guint64 mark = _gvir_domain_cache_current_event_seq ();
  g_autoptr(GMainContext) context = lock_if_current (self, drv);
  GVirDomain *dom;

  if (context == NULL)
    {
      set_not_open_error (self, error);
      return NULL;
    }
  dom = g_object_ref (track_locked (self, domain, emissions, mark));
  unlock_and_send (self, context, emissions);
  return dom;
}

void
_gvir_domain_cache_refresh (GVirDomainCache *self, GVirDriverConnection *drv,
                            const char *uuid)
{
  g_autoptr(GPtrArray) emissions = g_ptr_array_new_with_free_func (emission_free);
  g_autoptr(GVirDriverDomain) domain = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainContext) context = NULL;
  guint64 mark = _gvir_domain_cache_current_event_seq ();

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
  unlock_and_send (self, context, emissions);
}

/* Makes the cache hold exactly @listed (GVirDriverDomain elements). */
void
_gvir_domain_cache_sync (GVirDomainCache *self, GVirDriverConnection *drv, GPtrArray *listed,
                         guint64 mark)
{
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
  g_hash_table_iter_init (&iter, self->domains);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (seen, key))
      g_ptr_array_add (vanished, g_strdup (key));
  for (guint i = 0; i < vanished->len; i++)
    untrack_locked (self, g_ptr_array_index (vanished, i), emissions, mark);
  unlock_and_send (self, context, emissions);
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


/* In the connection's context: update the cache and emit the signals. */
static void
handle_lifecycle (GVirDomainCache *self, PendingEvent *pe)
{
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

  g_mutex_lock (&self->lock);
  if (self->session != pe->session)
    {
      g_mutex_unlock (&self->lock);
      return;
    }
  context = g_main_context_ref (self->context);
  if (is_stale_locked (self, domain->uuid, pe->seq))
    {
      /* A direct query already saw a later state: keep the cache, but
       * still tell the domain what happened to it. */
      target = g_hash_table_lookup (self->domains, domain->uuid);
      target = target != NULL ? g_object_ref (target) : known_lookup_locked (self, domain->uuid);
    }
  else if (gone)
    {
      target = g_hash_table_lookup (self->domains, domain->uuid);
      if (target != NULL)
        {
          g_object_ref (target);
          untrack_locked (self, domain->uuid, emissions, 0);
        }
      else
        target = known_lookup_locked (self, domain->uuid);
      if (target != NULL)
        _gvir_domain_update (target, domain);
    }
  else
    target = g_object_ref (track_locked (self, domain, emissions, 0));

  unlock_and_send (self, context, emissions);

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
pending_event_handle (GVirDomainCache *self, PendingEvent *pe)
{
  if (!session_is_current (self, pe->session))
    return;
  if (pe->kind == GVIR_DRIVER_EVENT_CONNECTION_CLOSED)
    _gvir_domain_cache_close (self, TRUE);
  else if (pe->domain != NULL)
    handle_lifecycle (self, pe);
}

/* Called with the lock held when the queue is over its bound: drops the
 * oldest lifecycle event, never the newest one nor a connection-closed
 * event. Returns FALSE when there is none to drop. */
static gboolean
pending_drop_oldest_locked (GVirDomainCache *self)
{
  for (GList *l = self->pending.head; l != NULL && l->next != NULL; l = l->next)
    {
      PendingEvent *pe = l->data;

      if (pe->kind == GVIR_DRIVER_EVENT_CONNECTION_CLOSED)
        continue;
      g_queue_delete_link (&self->pending, l);
      self->pending_bytes -= pe->size;
      pending_event_free (pe);
      self->pending_dropped++;
      return TRUE;
    }
  return FALSE;
}

static gboolean
pending_over_bound_locked (GVirDomainCache *self)
{
  return self->pending.length > PENDING_EVENTS_MAX
         || self->pending_bytes > PENDING_EVENTS_MAX_BYTES;
}

/* The source that drains one open's pending events. */
typedef struct
{
  GVirConnection *owner;  /* keeps cache alive */
  GVirDomainCache *cache;
  guint session;          /* a drain of an earlier open does nothing */
} Drain;

static void
drain_free (gpointer data)
{
  Drain *drain = data;

  g_object_unref (drain->owner);
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
  GVirDomainCache *self = drain->cache;
  GQueue batch = G_QUEUE_INIT;
  guint dropped;
  guint session;
  PendingEvent *pe;

  g_mutex_lock (&self->lock);
  if (self->session == 0 || self->session != drain->session)
    {
      g_mutex_unlock (&self->lock);
      return G_SOURCE_REMOVE;
    }
  batch = self->pending;
  g_queue_init (&self->pending);
  self->pending_bytes = 0;
  dropped = self->pending_dropped;
  self->pending_dropped = 0;
  self->drain_scheduled = FALSE;
  session = self->session;
  g_mutex_unlock (&self->lock);

  while ((pe = g_queue_pop_head (&batch)) != NULL)
    {
      pending_event_handle (self, pe);
      pending_event_free (pe);
    }

  if (dropped > 0)
    {
      g_warning ("connection to '%s': %u events dropped because more than %d events or "
                 "%d bytes were waiting for the main context; reading the domains again",
                 gvir_connection_get_uri (self->owner), dropped, PENDING_EVENTS_MAX,
                 PENDING_EVENTS_MAX_BYTES);
      if (session_is_current (self, session))
        gvir_connection_fetch_domains_async (self->owner, NULL, NULL, NULL);
    }
  return G_SOURCE_REMOVE;
}

/* Copies @event into the queue and makes sure a drain of this session is
 * attached to the connection's context. */
static void
queue_event (GVirDomainCache *self, guint session, guint64 seq, const GVirDriverEvent *event)
{
  g_autoptr(GMainContext) context = NULL;
  g_autoptr(GSource) source = NULL;
  PendingEvent *pe;
  Drain *drain;

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

  g_mutex_lock (&self->lock);
  if (self->session != session)
    {
      g_mutex_unlock (&self->lock);
      pending_event_free (pe);
      return;
    }
  if (pe->kind == GVIR_DRIVER_EVENT_CONNECTION_CLOSED)
    self->dead = TRUE;
  g_queue_push_tail (&self->pending, pe);
  self->pending_bytes += pe->size;
  while (pending_over_bound_locked (self) && pending_drop_oldest_locked (self))
    ;
  self->pending_high_water = MAX (self->pending_high_water, self->pending.length);
  self->pending_bytes_high_water = MAX (self->pending_bytes_high_water, self->pending_bytes);
  if (!self->drain_scheduled)
    {
      self->drain_scheduled = TRUE;
      context = g_main_context_ref (self->context);
    }
  g_mutex_unlock (&self->lock);
  if (context == NULL)
    return;

  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_static_name (source, "[libvirt-gobject] driver events");
  drain = g_new0 (Drain, 1);
  drain->owner = g_object_ref (self->owner);
  drain->cache = self;
  drain->session = session;
  g_source_set_callback (source, pending_drain, drain, drain_free);
  g_source_attach (source, context);
}

/* Called by the driver in any thread. The event is always queued, never
 * handled on the spot, because the driver may be inside the call that
 * caused the event and signal handlers are free to call back into the
 * driver. */
static void
on_driver_event (const GVirDriverEvent *event, gpointer user_data)
{
  guint session = GPOINTER_TO_UINT (user_data);
  guint64 seq;
  GVirDomainCache *self = session_lookup (session, &seq);

  if (self == NULL)
    return;
  queue_event (self, session, seq, event);
  /* Taken by session_lookup(), it kept the cache alive until now. */
  g_object_unref (self->owner);
}

static void
pending_clear_locked (GVirDomainCache *self)
{
  g_queue_clear_full (&self->pending, pending_event_free);
  self->pending_bytes = 0;
  self->pending_dropped = 0;
  self->drain_scheduled = FALSE;
}

guint
_gvir_domain_cache_get_pending_events_max (void)
{
  return PENDING_EVENTS_MAX;
}

gsize
_gvir_domain_cache_get_pending_events_max_bytes (void)
{
  return PENDING_EVENTS_MAX_BYTES;
}

guint
_gvir_domain_cache_get_pending_events_high_water (GVirDomainCache *self)
{
  guint high_water;

  g_mutex_lock (&self->lock);
  high_water = self->pending_high_water;
  g_mutex_unlock (&self->lock);
  return high_water;
}

gsize
_gvir_domain_cache_get_pending_bytes_high_water (GVirDomainCache *self)
{
  gsize high_water;

  g_mutex_lock (&self->lock);
  high_water = self->pending_bytes_high_water;
  g_mutex_unlock (&self->lock);
  return high_water;
}

guint
_gvir_domain_cache_get_pending_events (GVirDomainCache *self)
{
  guint n;

  g_mutex_lock (&self->lock);
  n = self->pending.length;
  g_mutex_unlock (&self->lock);
  return n;
}

/* ---- open and close -------------------------------------------------------- */

GVirDriverConnection *
_gvir_domain_cache_dup_driver (GVirDomainCache *self, GError **error)
{
  GVirDriverConnection *drv = NULL;

  g_mutex_lock (&self->lock);
  if (self->drv != NULL)
    drv = gvir_driver_connection_ref (self->drv);
  g_mutex_unlock (&self->lock);
  if (drv == NULL)
    set_not_open_error (self, error);
  return drv;
}

static gboolean
check_not_open (GVirDomainCache *self, GError **error)
{
  if (!_gvir_domain_cache_is_open (self))
    return TRUE;
  g_set_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID,
               "connection to '%s' is already open", gvir_connection_get_uri (self->owner));
  return FALSE;
}

/* The driver said the connection is closed, but the context has not
 * closed it yet. */
static gboolean
_gvir_domain_cache_is_dead (GVirDomainCache *self)
{
  gboolean dead;

  g_mutex_lock (&self->lock);
  dead = self->drv != NULL && self->dead;
  g_mutex_unlock (&self->lock);
  return dead;
}

gboolean
_gvir_domain_cache_open (GVirDomainCache *self, gboolean read_only, GMainContext *context,
                         GCancellable *cancellable, GError **error)
{
  const char *uri = gvir_connection_get_uri (self->owner);
  GVirDriverConnection *drv;
  guint session;

  if (_gvir_domain_cache_is_dead (self))
    _gvir_domain_cache_close (self, TRUE);
  if (!check_not_open (self, error))
    return FALSE;
  if (uri == NULL)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_URI,
                   "no URI was given for the connection");
      return FALSE;
    }

  session = session_register (self);
  drv = gvir_driver_connection_open (uri, read_only, on_driver_event,
                                     GUINT_TO_POINTER (session), cancellable, error);
  if (drv == NULL)
    {
      session_unregister (session);
      return FALSE;
    }

  g_mutex_lock (&self->lock);
  if (self->drv != NULL)
    {
      /* Another thread opened the connection meanwhile. */
      g_mutex_unlock (&self->lock);
      session_unregister (session);
      gvir_driver_connection_close (drv);
      gvir_driver_connection_unref (drv);
      return check_not_open (self, error);
    }
  self->drv = drv;
  self->read_only = read_only;
  self->session = session;
  self->dead = FALSE;
  g_clear_pointer (&self->context, g_main_context_unref);
  self->context = g_main_context_ref (context);
  g_mutex_unlock (&self->lock);
  return TRUE;
}

void
_gvir_domain_cache_emit_opened (GVirDomainCache *self)
{
  g_autoptr(GMainContext) context = NULL;
  guint session;

  g_mutex_lock (&self->lock);
  session = self->session;
  if (session != 0)
    context = g_main_context_ref (self->context);
  g_mutex_unlock (&self->lock);
  if (context != NULL)
    emission_send (context, emission_new (self, session, self->owner,
                                          self->signals.connection_opened, 0, NULL));
}

gboolean
_gvir_domain_cache_close (GVirDomainCache *self, gboolean emit)
{
  g_autoptr(GHashTable) domains = NULL;
  g_autoptr(GMainContext) context = NULL;
  GVirDriverConnection *drv;
  GHashTableIter iter;
  gpointer value;
  guint session;

  g_mutex_lock (&self->lock);
  drv = g_steal_pointer (&self->drv);
  session = self->session;
  self->session = 0;
  self->dead = FALSE;
  pending_clear_locked (self);
  if (drv != NULL)
    {
      domains = g_steal_pointer (&self->domains);
      self->domains = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
      context = g_main_context_ref (self->context);
    }
  g_mutex_unlock (&self->lock);

  if (drv == NULL)
    return FALSE;
  session_unregister (session);
  gvir_driver_connection_close (drv);
  gvir_driver_connection_unref (drv);

  g_hash_table_iter_init (&iter, domains);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    _gvir_domain_detach (value);

  if (emit)
    emission_send (context, emission_new (self, 0, self->owner,
                                          self->signals.connection_closed, 0, NULL));
  return TRUE;
}

/* ---- the cache's life and its readers -------------------------------------- */

GVirDomainCache *
_gvir_domain_cache_new (GVirConnection *owner, const GVirDomainCacheSignals *signals)
{
  GVirDomainCache *self = g_new0 (GVirDomainCache, 1);

  self->owner = owner;
  self->signals = *signals;
  g_mutex_init (&self->lock);
  self->domains = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, weak_ref_free);
  self->marks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_queue_init (&self->pending);
  return self;
}

void
_gvir_domain_cache_clear (GVirDomainCache *self)
{
  g_mutex_lock (&self->lock);
  g_hash_table_remove_all (self->domains);
  g_hash_table_remove_all (self->known);
  g_hash_table_remove_all (self->marks);
  g_mutex_unlock (&self->lock);
}

void
_gvir_domain_cache_free (GVirDomainCache *self)
{
  g_clear_pointer (&self->context, g_main_context_unref);
  g_hash_table_unref (self->domains);
  g_hash_table_unref (self->known);
  g_hash_table_unref (self->marks);
  g_mutex_clear (&self->lock);
  g_free (self);
}

gboolean
_gvir_domain_cache_is_open (GVirDomainCache *self)
{
  gboolean open;

  g_mutex_lock (&self->lock);
  open = self->drv != NULL && !self->dead;
  g_mutex_unlock (&self->lock);
  return open;
}

gboolean
_gvir_domain_cache_is_read_only (GVirDomainCache *self)
{
  gboolean read_only;

  g_mutex_lock (&self->lock);
  read_only = self->drv != NULL && self->read_only;
  g_mutex_unlock (&self->lock);
  return read_only;
}

GList *
_gvir_domain_cache_list (GVirDomainCache *self)
{
  GList *domains = NULL;
  GHashTableIter iter;
  gpointer value;

  g_mutex_lock (&self->lock);
  g_hash_table_iter_init (&iter, self->domains);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    domains = g_list_prepend (domains, g_object_ref (value));
  g_mutex_unlock (&self->lock);
  return domains;
}

GVirDomain *
_gvir_domain_cache_lookup (GVirDomainCache *self, const char *uuid)
{
  g_autofree char *key = g_ascii_strdown (uuid, -1);
  GVirDomain *dom;

  g_mutex_lock (&self->lock);
  dom = g_hash_table_lookup (self->domains, key);
  if (dom != NULL)
    g_object_ref (dom);
  g_mutex_unlock (&self->lock);
  return dom;
}

GVirDomain *
_gvir_domain_cache_find (GVirDomainCache *self, GVirDomainCacheMatchFunc match,
                         gconstpointer data)
{
  GVirDomain *found = NULL;
  GHashTableIter iter;
  gpointer value;

  g_mutex_lock (&self->lock);
  g_hash_table_iter_init (&iter, self->domains);
  while (found == NULL && g_hash_table_iter_next (&iter, NULL, &value))
    if (match (value, data))
      found = g_object_ref (value);
  g_mutex_unlock (&self->lock);
  return found;
}
