/*
 * libvirt-gconfig-node-device.c: a host device
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include "libvirt-gconfig/libvirt-gconfig.h"
#include "libvirt-gconfig/libvirt-gconfig-object-private.h"
#include "libvirt-gconfig/libvirt-gconfig-document-helpers-private.h"

/**
 * SECTION:libvirt-gconfig-node-device
 * @title: GVirConfigNodeDevice
 * @short_description: A host device
 *
 * A `<device>` document describing a device of the host: its name, its
 * parent device, its sysfs path and the type of its first
 * `<capability>`. The capability details are kept as they are.
 *
 * |[<!-- language="C" -->
 * g_autoptr(GError) error = NULL;
 * g_autoptr(GVirConfigNodeDevice) dev = gvir_config_node_device_new_from_xml (xml, &error);
 * if (g_strcmp0 (gvir_config_node_device_get_capability_type (dev), "pci") == 0)
 *   g_print ("%s is a PCI device\n", gvir_config_node_device_get_name (dev));
 * ]|
 */

/**
 * GVirConfigNodeDevice:
 *
 * A host device description.
 */
struct _GVirConfigNodeDevice
{
  GVirConfigObject parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigNodeDevice, gvir_config_node_device, GVIR_CONFIG_TYPE_OBJECT)

static void
gvir_config_node_device_class_init (GVirConfigNodeDeviceClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "device",
                                     GVIR_CONFIG_SCHEMA_DIR "/nodedev.rng");
}

static void
gvir_config_node_device_init (GVirConfigNodeDevice *self)
{
}

/**
 * gvir_config_node_device_new:
 *
 * Creates a #GVirConfigNodeDevice holding an empty `<device>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigNodeDevice *
gvir_config_node_device_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_NODE_DEVICE, NULL);
}

/**
 * gvir_config_node_device_new_from_xml:
 * @xml: an XML document whose root element is `<device>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigNodeDevice. Malformed XML or another root element
 * gives a #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigNodeDevice *
gvir_config_node_device_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigNodeDevice *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_NODE_DEVICE, "device", NULL,
                                                                   xml, error);
}

/**
 * gvir_config_node_device_get_name:
 * @device: a #GVirConfigNodeDevice
 *
 * Gets the device name.
 *
 * Returns: (transfer none) (nullable): the device name, or %NULL if unset
 */
const gchar *
gvir_config_node_device_get_name (GVirConfigNodeDevice *device)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_NODE_DEVICE (device), NULL);

  return gvir_config_object_get_node_content (GVIR_CONFIG_OBJECT (device), "name");
}

/**
 * gvir_config_node_device_set_name:
 * @device: a #GVirConfigNodeDevice
 * @name: (nullable): the device name, or %NULL to remove it
 *
 * Sets the device name.
 */
void
gvir_config_node_device_set_name (GVirConfigNodeDevice *device, const gchar *name)
{
  g_return_if_fail (GVIR_CONFIG_IS_NODE_DEVICE (device));

  gvir_config_object_set_node_content (GVIR_CONFIG_OBJECT (device), "name", name);
}

/**
 * gvir_config_node_device_get_path:
 * @device: a #GVirConfigNodeDevice
 *
 * Gets the sysfs path of the device.
 *
 * Returns: (transfer none) (nullable): the sysfs path of the device, or %NULL if unset
 */
const gchar *
gvir_config_node_device_get_path (GVirConfigNodeDevice *device)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_NODE_DEVICE (device), NULL);

  return gvir_config_object_get_node_content (GVIR_CONFIG_OBJECT (device), "path");
}

/**
 * gvir_config_node_device_set_path:
 * @device: a #GVirConfigNodeDevice
 * @path: (nullable): the sysfs path of the device, or %NULL to remove it
 *
 * Sets the sysfs path of the device.
 */
void
gvir_config_node_device_set_path (GVirConfigNodeDevice *device, const gchar *path)
{
  g_return_if_fail (GVIR_CONFIG_IS_NODE_DEVICE (device));

  gvir_config_object_set_node_content (GVIR_CONFIG_OBJECT (device), "path", path);
}

/**
 * gvir_config_node_device_get_parent:
 * @device: a #GVirConfigNodeDevice
 *
 * Gets the name of the parent device.
 *
 * Returns: (transfer none) (nullable): the name of the parent device, or %NULL if unset
 */
const gchar *
gvir_config_node_device_get_parent (GVirConfigNodeDevice *device)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_NODE_DEVICE (device), NULL);

  return gvir_config_object_get_node_content (GVIR_CONFIG_OBJECT (device), "parent");
}

/**
 * gvir_config_node_device_set_parent:
 * @device: a #GVirConfigNodeDevice
 * @parent: (nullable): the name of the parent device, or %NULL to remove it
 *
 * Sets the name of the parent device.
 */
void
gvir_config_node_device_set_parent (GVirConfigNodeDevice *device, const gchar *parent)
{
  g_return_if_fail (GVIR_CONFIG_IS_NODE_DEVICE (device));

  gvir_config_object_set_node_content (GVIR_CONFIG_OBJECT (device), "parent", parent);
}

/**
 * gvir_config_node_device_get_capability_type:
 * @device: a #GVirConfigNodeDevice
 *
 * Gets the type of the first capability, such as "pci" or "net".
 *
 * Returns: (transfer none) (nullable): the type of the first capability, such as "pci" or "net", or %NULL if unset
 */
const gchar *
gvir_config_node_device_get_capability_type (GVirConfigNodeDevice *device)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_NODE_DEVICE (device), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (device), "capability", "type");
}

/**
 * gvir_config_node_device_set_capability_type:
 * @device: a #GVirConfigNodeDevice
 * @capability_type: (nullable): the type of the first capability, such as "pci" or "net", or %NULL
 *
 * Sets the type of the first capability, such as "pci" or "net"; %NULL removes the attribute.
 */
void
gvir_config_node_device_set_capability_type (GVirConfigNodeDevice *device, const gchar *capability_type)
{
  g_return_if_fail (GVIR_CONFIG_IS_NODE_DEVICE (device));

  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (device), "capability", "type", capability_type);
}
