/*
 * libvirt-gobject-connection-private.h: GVirConnection internals shared by its source files and tests
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Not installed, not scanned for the GIR.
 */
#pragma once

#include "libvirt-gobject/libvirt-gobject-connection.h"
#include "libvirt-gobject/drivers/gvir-driver-private.h"

G_BEGIN_DECLS

typedef struct _GVirDomainCache GVirDomainCache;

/* The connection's open state and domain cache (see
 * libvirt-gobject-domain-cache-private.h); it lives as long as @self. */
GVirDomainCache *_gvir_connection_get_domain_cache (GVirConnection *self);

/* The open driver connection (a new reference), or NULL with
 * GVIR_ERROR_CONNECTION_CLOSED. */
GVirDriverConnection *_gvir_connection_dup_driver (GVirConnection *self, GError **error);

/* Driver events wait in a queue until the connection's context handles
 * them; it holds at most _gvir_connection_get_pending_events_max() events
 * and about _gvir_connection_get_pending_events_max_bytes() bytes (the
 * oldest are dropped beyond). For tests: the bounds, the current length
 * and the longest the queue has been. */
guint _gvir_connection_get_pending_events_max (void);
gsize _gvir_connection_get_pending_events_max_bytes (void);
guint _gvir_connection_get_pending_events (GVirConnection *self);
guint _gvir_connection_get_pending_events_high_water (GVirConnection *self);
gsize _gvir_connection_get_pending_bytes_high_water (GVirConnection *self);

G_END_DECLS
