/*
 * libvirt-gobject-domain-cache-private.h: a connection's open state, its
 * domain cache and the routing of driver events
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Not installed, not scanned for the GIR.
 *
 * A GVirConnection owns one GVirDomainCache for its whole life. The cache
 * holds the open driver connection, keeps one GVirDomain per UUID, turns
 * driver events into signals in the context the connection was opened
 * in, and emits the connection's own signals there. The GVirDomain
 * objects it makes reach the driver through it, so neither the
 * connection's nor the domain's source calls into the other.
 */
#pragma once

#include "libvirt-gobject/libvirt-gobject-connection.h"
#include "libvirt-gobject/libvirt-gobject-domain.h"
#include "libvirt-gobject/drivers/gvir-driver-private.h"

G_BEGIN_DECLS

typedef struct _GVirDomainCache GVirDomainCache;

/* The owner's signals that the cache emits. */
typedef struct
{
  guint connection_opened;
  guint connection_closed;
  guint domain_added;
  guint domain_removed;
} GVirDomainCacheSignals;

/* @owner is not referenced: it frees the cache in its finalize. */
GVirDomainCache *_gvir_domain_cache_new (GVirConnection *owner,
                                         const GVirDomainCacheSignals *signals);
/* Drops every domain (the owner's dispose, after a quiet close). */
void _gvir_domain_cache_clear (GVirDomainCache *self);
void _gvir_domain_cache_free (GVirDomainCache *self);

/* Opens the owner's URI and installs the driver connection; signals are
 * emitted in @context from then on. Safe to call in a worker thread. */
gboolean _gvir_domain_cache_open (GVirDomainCache *self, gboolean read_only,
                                  GMainContext *context, GCancellable *cancellable,
                                  GError **error);
/* Emits connection-opened in the context of the current open. */
void _gvir_domain_cache_emit_opened (GVirDomainCache *self);
/* Closes the driver connection, empties the cache and, if @emit, emits
 * connection-closed. Returns whether the connection was open. */
gboolean _gvir_domain_cache_close (GVirDomainCache *self, gboolean emit);

gboolean _gvir_domain_cache_is_open (GVirDomainCache *self);
gboolean _gvir_domain_cache_is_read_only (GVirDomainCache *self);

/* The open driver connection (a new reference), or NULL with
 * GVIR_ERROR_CONNECTION_CLOSED. */
GVirDriverConnection *_gvir_domain_cache_dup_driver (GVirDomainCache *self, GError **error);

/* The sequence number of the last driver event so far: a query that
 * starts now sees every event up to it. Pass it to
 * _gvir_domain_cache_sync(). */
guint64 _gvir_domain_cache_current_event_seq (void);

/* Adds @domain to the cache or updates it there; emits domain-added in
 * the owner's context when it is new. Returns a new reference, or NULL
 * with GVIR_ERROR_CONNECTION_CLOSED when @drv is no longer the open driver
 * connection (closed meanwhile). */
GVirDomain *_gvir_domain_cache_track (GVirDomainCache *self, GVirDriverConnection *drv,
                                      const GVirDriverDomain *domain, GError **error);
/* Re-reads one domain after a state change: updates the cache, or drops
 * the domain and emits domain-removed when the driver no longer has it. */
void _gvir_domain_cache_refresh (GVirDomainCache *self, GVirDriverConnection *drv,
                                 const char *uuid);
/* Makes the cache hold exactly @listed (GVirDriverDomain elements), as the
 * driver listed them after event @mark. */
void _gvir_domain_cache_sync (GVirDomainCache *self, GVirDriverConnection *drv,
                              GPtrArray *listed, guint64 mark);

/* Readers of the cache; they do not block. */
GList *_gvir_domain_cache_list (GVirDomainCache *self);
GVirDomain *_gvir_domain_cache_lookup (GVirDomainCache *self, const char *uuid);
typedef gboolean (*GVirDomainCacheMatchFunc) (GVirDomain *dom, gconstpointer data);
GVirDomain *_gvir_domain_cache_find (GVirDomainCache *self, GVirDomainCacheMatchFunc match,
                                     gconstpointer data);

/* Driver events wait in a queue until the owner's context handles them;
 * it holds at most _gvir_domain_cache_get_pending_events_max() events and
 * about _gvir_domain_cache_get_pending_events_max_bytes() bytes (the
 * oldest are dropped beyond). For tests: the bounds, the current length
 * and the longest the queue has been. */
guint _gvir_domain_cache_get_pending_events_max (void);
gsize _gvir_domain_cache_get_pending_events_max_bytes (void);
guint _gvir_domain_cache_get_pending_events (GVirDomainCache *self);
guint _gvir_domain_cache_get_pending_events_high_water (GVirDomainCache *self);
gsize _gvir_domain_cache_get_pending_bytes_high_water (GVirDomainCache *self);

G_END_DECLS
