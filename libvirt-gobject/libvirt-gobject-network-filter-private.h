/*
 * libvirt-gobject-network-filter-private.h: GVirNetworkFilter inside the library
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
#include "libvirt-gobject/libvirt-gobject-network-filter.h"
#include "libvirt-gobject/drivers/gvir-driver-private.h"

G_BEGIN_DECLS

/* A new filter object for @filter, attached to @conn (weakly). */
GVirNetworkFilter *_gvir_network_filter_new (GVirConnection *conn,
                                             const GVirDriverNetworkFilter *filter);

G_END_DECLS
