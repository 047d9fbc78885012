/*
 * libvirt-gobject-node-device.h: a device of the host known to a connection
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#pragma once

#if !defined(__LIBVIRT_GOBJECT_H__) && !defined(LIBVIRT_GOBJECT_BUILD)
#error "Only <libvirt-gobject/libvirt-gobject.h> can be included directly."
#endif

#include <gio/gio.h>
#include <libvirt-gconfig/libvirt-gconfig.h>
#include <libvirt-gobject/libvirt-gobject-visibility.h>

G_BEGIN_DECLS

/**
 * GVIR_TYPE_NODE_DEVICE:
 *
 * The #GType of #GVirNodeDevice.
 */
#define GVIR_TYPE_NODE_DEVICE (gvir_node_device_get_type ())

/**
 * GVirNodeDevice:
 *
 * A device of the host of a #GVirConnection (a PCI or USB device, a SCSI
 * host, the system itself): one object per device name and connection.
 * All its fields are private.
 */
GVIR_AVAILABLE_IN_ALL
G_DECLARE_DERIVABLE_TYPE (GVirNodeDevice, gvir_node_device, GVIR, NODE_DEVICE, GObject)

/**
 * GVirNodeDeviceClass:
 * @parent_class: the parent class
 *
 * The class of #GVirNodeDevice. The type is final: the structure is public
 * only so that code written for libvirt-glib keeps compiling.
 */
struct _GVirNodeDeviceClass
{
  GObjectClass parent_class;

  /*< private >*/
  gpointer padding[20];
};

GVIR_AVAILABLE_IN_ALL
const gchar *gvir_node_device_get_name (GVirNodeDevice *device);
GVIR_AVAILABLE_IN_ALL
GVirConfigNodeDevice *gvir_node_device_get_config (GVirNodeDevice *device, guint flags,
                                                   GError **err);

G_END_DECLS
