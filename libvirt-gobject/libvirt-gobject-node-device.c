/*
 * libvirt-gobject-node-device.c: a device of the host known to a connection
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include "libvirt-gobject/libvirt-gobject-node-device.h"
#include "libvirt-gobject/libvirt-gobject-error.h"
#include "libvirt-gobject/libvirt-gobject-connection-private.h"
#include "libvirt-gobject/libvirt-gobject-node-device-private.h"

/**
 * SECTION:libvirt-gobject-node-device
 * @title: GVirNodeDevice
 * @short_description: A device of the host
 *
 * A #GVirNodeDevice stands for one device of the host of a
 * #GVirConnection, as libvirt's node device API sees it. libvirt-glib
 * declares the class but gives no way to obtain one; ours come from
 * gvir_connection_fetch_node_devices() (our own addition), which keeps
 * exactly one #GVirNodeDevice per device name. Its definition is read
 * with gvir_node_device_get_config().
 *
 * |[<!-- language="C" -->
 * g_autoptr(GVirNodeDevice) dev = gvir_connection_get_node_device (conn, "computer");
 * g_autoptr(GVirConfigNodeDevice) conf = NULL;
 *
 * if (dev != NULL && (conf = gvir_node_device_get_config (dev, 0, &error)) != NULL)
 *   g_print ("%s\n", gvir_config_node_device_get_capability_type (conf));
 * ]|
 */

typedef struct
{
  GWeakRef connection;
  char *name;                 /* immutable after construction */
} GVirNodeDevicePrivate;

G_DEFINE_FINAL_TYPE_WITH_PRIVATE (GVirNodeDevice, gvir_node_device, G_TYPE_OBJECT)

static void
gvir_node_device_dispose (GObject *object)
{
  GVirNodeDevicePrivate *priv = gvir_node_device_get_instance_private (GVIR_NODE_DEVICE (object));

  g_weak_ref_set (&priv->connection, NULL);
  G_OBJECT_CLASS (gvir_node_device_parent_class)->dispose (object);
}

static void
gvir_node_device_finalize (GObject *object)
{
  GVirNodeDevicePrivate *priv = gvir_node_device_get_instance_private (GVIR_NODE_DEVICE (object));

  g_weak_ref_clear (&priv->connection);
  g_free (priv->name);
  G_OBJECT_CLASS (gvir_node_device_parent_class)->finalize (object);
}

static void
gvir_node_device_class_init (GVirNodeDeviceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gvir_node_device_dispose;
  object_class->finalize = gvir_node_device_finalize;
}

static void
gvir_node_device_init (GVirNodeDevice *self)
{
  GVirNodeDevicePrivate *priv = gvir_node_device_get_instance_private (self);

  g_weak_ref_init (&priv->connection, NULL);
}

GVirNodeDevice *
_gvir_node_device_new (GVirConnection *conn, const GVirDriverNodeDevice *device)
{
  GVirNodeDevice *self = g_object_new (GVIR_TYPE_NODE_DEVICE, NULL);
  GVirNodeDevicePrivate *priv = gvir_node_device_get_instance_private (self);

  g_weak_ref_set (&priv->connection, conn);
  priv->name = g_strdup (device->name);
  return self;
}

/**
 * gvir_node_device_get_name:
 * @device: a #GVirNodeDevice
 *
 * Gets the name of the device ("computer", "pci_0000_00_02_0", ...). Does
 * not block.
 *
 * Returns: (transfer none): the name, valid as long as @device
 */
const gchar *
gvir_node_device_get_name (GVirNodeDevice *device)
{
  g_return_val_if_fail (GVIR_IS_NODE_DEVICE (device), NULL);

  return ((GVirNodeDevicePrivate *) gvir_node_device_get_instance_private (device))->name;
}

/**
 * gvir_node_device_get_config:
 * @device: a #GVirNodeDevice
 * @flags: unused, pass 0
 * @err: return location for a #GError, or %NULL
 *
 * Reads the device's description from the host.
 *
 * Returns: (transfer full): the description, or %NULL with @err set
 *   (%GVIR_ERROR_NOT_FOUND when the device no longer exists,
 *   %GVIR_ERROR_CONNECTION_CLOSED when the connection is closed)
 */
GVirConfigNodeDevice *
gvir_node_device_get_config (GVirNodeDevice *device, guint flags, GError **err)
{
  GVirNodeDevicePrivate *priv;
  g_autoptr(GVirConnection) conn = NULL;
  g_autoptr(GVirDriverConnection) drv = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autofree char *xml = NULL;
  GVirConfigNodeDevice *conf;

  g_return_val_if_fail (GVIR_IS_NODE_DEVICE (device), NULL);
  g_return_val_if_fail (err == NULL || *err == NULL, NULL);

  priv = gvir_node_device_get_instance_private (device);
  conn = g_weak_ref_get (&priv->connection);
  if (conn == NULL)
    {
      g_set_error (err, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED,
                   "node device %s: its connection no longer exists", priv->name);
      return NULL;
    }
  drv = _gvir_connection_dup_driver (conn, err);
  if (drv == NULL)
    return NULL;
  xml = gvir_driver_connection_get_node_device_xml (drv, priv->name, flags, NULL, err);
  if (xml == NULL)
    return NULL;
  conf = gvir_config_node_device_new_from_xml (xml, &parse_error);
  if (conf == NULL)
    g_set_error (err, GVIR_ERROR, GVIR_ERROR_XML,
                 "the description of node device '%s' is not valid XML: %s", priv->name,
                 parse_error->message);
  return conf;
}
