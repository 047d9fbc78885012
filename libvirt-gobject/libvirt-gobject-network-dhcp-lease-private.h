/*
 * libvirt-gobject-network-dhcp-lease-private.h: GVirNetworkDHCPLease inside
 * the library
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

#include "libvirt-gobject/libvirt-gobject-network-dhcp-lease.h"
#include "libvirt-gobject/drivers/gvir-driver-private.h"

G_BEGIN_DECLS

/* A new lease object holding a copy of @lease. */
GVirNetworkDHCPLease *_gvir_network_dhcp_lease_new (const GVirDriverDHCPLease *lease);

G_END_DECLS
