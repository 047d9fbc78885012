/*
 * gvir-driver-events-private.h: lifecycle events a driver collects under
 * its lock and delivers after dropping it
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Internal: never installed, never in a GIR. Events must reach the public
 * layer without a driver lock held (it may call back into the driver), so
 * drivers gather them while they change their state and deliver them once
 * the lock is dropped, to the connections they pinned under it.
 */
#pragma once

#include "gvir-driver-core-private.h"

G_BEGIN_DECLS

typedef struct _GVirDriverEvents GVirDriverEvents;

GVirDriverEvents *gvir_driver_events_new (void);
void gvir_driver_events_free (GVirDriverEvents *events);

/* Adds a lifecycle event; @domain (taken) describes the domain after the
 * change. */
void gvir_driver_events_add (GVirDriverEvents *events, GVirDriverDomain *domain,
                             int event, int detail);
gboolean gvir_driver_events_is_empty (const GVirDriverEvents *events);

/* Takes a reference to @conn for a later delivery, unless it is closing;
 * call under the lock that keeps @conn alive. */
void gvir_driver_events_pin (GPtrArray *pinned, GVirDriverConnection *conn);
/* A container for gvir_driver_events_pin(): it unreferences them. */
GPtrArray *gvir_driver_events_pinned_new (void);

/* Delivers every event, in order, to every connection in @pinned. Never
 * with a driver lock held. */
void gvir_driver_events_deliver (const GVirDriverEvents *events, GPtrArray *pinned);

/* The connection an entry of a driver's list of listeners stands for. */
typedef GVirDriverConnection *(*GVirDriverConnectionOf) (gpointer listener);

/* Delivers @events to the connections in @listeners (through @conn_of,
 * or the entries themselves when it is NULL), pinned under @lock, which
 * guards @listeners and is not held by the caller. */
void gvir_driver_events_emit (const GVirDriverEvents *events, GMutex *lock,
                              GPtrArray *listeners, GVirDriverConnectionOf conn_of);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GVirDriverEvents, gvir_driver_events_free)

G_END_DECLS
