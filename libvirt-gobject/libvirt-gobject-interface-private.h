/*
 * libvirt-gobject-interface-private.h: GVirInterface inside the library
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
#include "libvirt-gobject/libvirt-gobject-interface.h"
#include "libvirt-gobject/drivers/gvir-driver-private.h"

G_BEGIN_DECLS

/* A new interface object for @iface, attached to @conn (weakly). */
GVirInterface *_gvir_interface_new (GVirConnection *conn, const GVirDriverInterface *iface);
/* Refreshes the cached MAC address. */
void _gvir_interface_update (GVirInterface *self, const GVirDriverInterface *iface);

G_END_DECLS
