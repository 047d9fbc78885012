/*
 * gvir-driver-node-device-private.h: the host device table and its dispatch
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Nothing in this header is installed or scanned for the GIR. Include
 * gvir-driver-private.h, the umbrella of the layer's private API.
 */
#pragma once

#include "gvir-driver-core-private.h"

G_BEGIN_DECLS

/* ---- values ------------------------------------------------------------- */

/* One host device, by value: like libvirt, a device is known by its name
 * ("computer", "pci_0000_00_02_0", ...). */
typedef struct
{
  char *name;
} GVirDriverNodeDevice;

GVirDriverNodeDevice *gvir_driver_node_device_copy (const GVirDriverNodeDevice *device);
void gvir_driver_node_device_free (GVirDriverNodeDevice *device);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GVirDriverNodeDevice, gvir_driver_node_device_free)

/* ---- the table ------------------------------------------------------------- */

/* Host devices, addressed by name. Every callback gets the driver's own
 * handle (what the core table's open() returned). */
struct _GVirDriverNodeDeviceFuncs
{
  /* Element type GVirDriverNodeDevice, with gvir_driver_node_device_free. */
  GPtrArray *(*list_node_devices) (gpointer handle, GCancellable *cancellable, GError **error);
  /* flags: unused by libvirt, pass 0. */
  char *(*get_node_device_xml) (gpointer handle, const char *name, guint flags,
                                GCancellable *cancellable, GError **error);
};

/* ---- dispatch: the only callers of the node device table ------------------- */

GPtrArray *gvir_driver_connection_list_node_devices (GVirDriverConnection *conn,
                                                     GCancellable *cancellable, GError **error);
char *gvir_driver_connection_get_node_device_xml (GVirDriverConnection *conn, const char *name,
                                                  guint flags, GCancellable *cancellable,
                                                  GError **error);

G_END_DECLS
