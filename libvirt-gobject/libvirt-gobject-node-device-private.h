/*
 * libvirt-gobject-node-device-private.h: GVirNodeDevice inside the library
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
#include "libvirt-gobject/libvirt-gobject-node-device.h"
#include "libvirt-gobject/drivers/gvir-driver-private.h"

G_BEGIN_DECLS

/* A new device object for @device, attached to @conn (weakly). */
GVirNodeDevice *_gvir_node_device_new (GVirConnection *conn, const GVirDriverNodeDevice *device);

G_END_DECLS
