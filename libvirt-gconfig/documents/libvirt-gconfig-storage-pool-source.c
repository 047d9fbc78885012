/*
 * libvirt-gconfig-storage-pool-source.c: where a storage pool gets its storage
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
 * SECTION:libvirt-gconfig-storage-pool-source
 * @title: GVirConfigStoragePoolSource
 * @short_description: Where a storage pool gets its storage
 *
 * A storage pool's `<source>`: the device, directory, host, adapter,
 * volume group name or format, according to the pool type.
 *
 * |[<!-- language="C" -->
 * g_autoptr(GVirConfigStoragePoolSource) source = gvir_config_storage_pool_source_new ();
 * gvir_config_storage_pool_source_set_host (source, "nfs.example.org");
 * gvir_config_storage_pool_source_set_directory (source, "/exports/images");
 * gvir_config_storage_pool_set_source (pool, source);
 * ]|
 */

/**
 * GVirConfigStoragePoolSource:
 *
 * The `<source>` of a storage pool.
 */
struct _GVirConfigStoragePoolSource
{
  GVirConfigObject parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigStoragePoolSource, gvir_config_storage_pool_source, GVIR_CONFIG_TYPE_OBJECT)

static void
gvir_config_storage_pool_source_class_init (GVirConfigStoragePoolSourceClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "source",
                                     NULL);
}

static void
gvir_config_storage_pool_source_init (GVirConfigStoragePoolSource *self)
{
}

/**
 * gvir_config_storage_pool_source_new:
 *
 * Creates a #GVirConfigStoragePoolSource holding an empty `<source>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigStoragePoolSource *
gvir_config_storage_pool_source_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_STORAGE_POOL_SOURCE, NULL);
}

/**
 * gvir_config_storage_pool_source_new_from_xml:
 * @xml: an XML document whose root element is `<source>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigStoragePoolSource. Malformed XML or another root element
 * gives a #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigStoragePoolSource *
gvir_config_storage_pool_source_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigStoragePoolSource *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_STORAGE_POOL_SOURCE, "source", NULL,
                                                                          xml, error);
}

/**
 * gvir_config_storage_pool_source_get_adapter:
 * @source: a #GVirConfigStoragePoolSource
 *
 * Gets the SCSI adapter name.
 *
 * Returns: (transfer none) (nullable): the SCSI adapter name, or %NULL if unset
 */
const gchar *
gvir_config_storage_pool_source_get_adapter (GVirConfigStoragePoolSource *source)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_STORAGE_POOL_SOURCE (source), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (source), "adapter", "name");
}

/**
 * gvir_config_storage_pool_source_set_adapter:
 * @source: a #GVirConfigStoragePoolSource
 * @adapter: (nullable): the SCSI adapter name, or %NULL
 *
 * Sets the SCSI adapter name; it replaces the whole `<adapter>` element; %NULL removes the element.
 */
void
gvir_config_storage_pool_source_set_adapter (GVirConfigStoragePoolSource *source, const gchar *adapter)
{
  g_return_if_fail (GVIR_CONFIG_IS_STORAGE_POOL_SOURCE (source));

  gvir_config_doc_set_single_attribute (GVIR_CONFIG_OBJECT (source), "adapter", "name", adapter);
}

/**
 * gvir_config_storage_pool_source_get_device_path:
 * @source: a #GVirConfigStoragePoolSource
 *
 * Gets the path of the source device.
 *
 * Returns: (transfer none) (nullable): the path of the source device, or %NULL if unset
 */
const gchar *
gvir_config_storage_pool_source_get_device_path (GVirConfigStoragePoolSource *source)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_STORAGE_POOL_SOURCE (source), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (source), "device", "path");
}

/**
 * gvir_config_storage_pool_source_set_device_path:
 * @source: a #GVirConfigStoragePoolSource
 * @device_path: (nullable): the path of the source device, or %NULL
 *
 * Sets the path of the source device; it replaces the whole `<device>` element; %NULL removes the element.
 */
void
gvir_config_storage_pool_source_set_device_path (GVirConfigStoragePoolSource *source, const gchar *device_path)
{
  g_return_if_fail (GVIR_CONFIG_IS_STORAGE_POOL_SOURCE (source));

  gvir_config_doc_set_single_attribute (GVIR_CONFIG_OBJECT (source), "device", "path", device_path);
}

/**
 * gvir_config_storage_pool_source_get_directory:
 * @source: a #GVirConfigStoragePoolSource
 *
 * Gets the source directory.
 *
 * Returns: (transfer none) (nullable): the source directory, or %NULL if unset
 */
const gchar *
gvir_config_storage_pool_source_get_directory (GVirConfigStoragePoolSource *source)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_STORAGE_POOL_SOURCE (source), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (source), "dir", "path");
}

/**
 * gvir_config_storage_pool_source_set_directory:
 * @source: a #GVirConfigStoragePoolSource
 * @directory: (nullable): the source directory, or %NULL
 *
 * Sets the source directory; it replaces the whole `<dir>` element; %NULL removes the element.
 */
void
gvir_config_storage_pool_source_set_directory (GVirConfigStoragePoolSource *source, const gchar *directory)
{
  g_return_if_fail (GVIR_CONFIG_IS_STORAGE_POOL_SOURCE (source));

  gvir_config_doc_set_single_attribute (GVIR_CONFIG_OBJECT (source), "dir", "path", directory);
}

/**
 * gvir_config_storage_pool_source_get_format:
 * @source: a #GVirConfigStoragePoolSource
 *
 * Gets the source format, such as "ext4" or "lvm2".
 *
 * Returns: (transfer none) (nullable): the source format, such as "ext4" or "lvm2", or %NULL if unset
 */
const gchar *
gvir_config_storage_pool_source_get_format (GVirConfigStoragePoolSource *source)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_STORAGE_POOL_SOURCE (source), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (source), "format", "type");
}

/**
 * gvir_config_storage_pool_source_set_format:
 * @source: a #GVirConfigStoragePoolSource
 * @format: (nullable): the source format, such as "ext4" or "lvm2", or %NULL
 *
 * Sets the source format, such as "ext4" or "lvm2"; it replaces the whole `<format>` element; %NULL removes the element.
 */
void
gvir_config_storage_pool_source_set_format (GVirConfigStoragePoolSource *source, const gchar *format)
{
  g_return_if_fail (GVIR_CONFIG_IS_STORAGE_POOL_SOURCE (source));

  gvir_config_doc_set_single_attribute (GVIR_CONFIG_OBJECT (source), "format", "type", format);
}

/**
 * gvir_config_storage_pool_source_get_host:
 * @source: a #GVirConfigStoragePoolSource
 *
 * Gets the host name of a network source.
 *
 * Returns: (transfer none) (nullable): the host name of a network source, or %NULL if unset
 */
const gchar *
gvir_config_storage_pool_source_get_host (GVirConfigStoragePoolSource *source)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_STORAGE_POOL_SOURCE (source), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (source), "host", "name");
}

/**
 * gvir_config_storage_pool_source_set_host:
 * @source: a #GVirConfigStoragePoolSource
 * @host: (nullable): the host name of a network source, or %NULL
 *
 * Sets the host name of a network source; it replaces the whole `<host>` element; %NULL removes the element.
 */
void
gvir_config_storage_pool_source_set_host (GVirConfigStoragePoolSource *source, const gchar *host)
{
  g_return_if_fail (GVIR_CONFIG_IS_STORAGE_POOL_SOURCE (source));

  gvir_config_doc_set_single_attribute (GVIR_CONFIG_OBJECT (source), "host", "name", host);
}

/**
 * gvir_config_storage_pool_source_get_name:
 * @source: a #GVirConfigStoragePoolSource
 *
 * Gets the source name, such as an LVM volume group.
 *
 * Returns: (transfer none) (nullable): the source name, such as an LVM volume group, or %NULL if unset
 */
const gchar *
gvir_config_storage_pool_source_get_name (GVirConfigStoragePoolSource *source)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_STORAGE_POOL_SOURCE (source), NULL);

  return gvir_config_object_get_node_content (GVIR_CONFIG_OBJECT (source), "name");
}

/**
 * gvir_config_storage_pool_source_set_name:
 * @source: a #GVirConfigStoragePoolSource
 * @name: (nullable): the source name, such as an LVM volume group, or %NULL to remove it
 *
 * Sets the source name, such as an LVM volume group.
 */
void
gvir_config_storage_pool_source_set_name (GVirConfigStoragePoolSource *source, const gchar *name)
{
  g_return_if_fail (GVIR_CONFIG_IS_STORAGE_POOL_SOURCE (source));

  gvir_config_object_set_node_content (GVIR_CONFIG_OBJECT (source), "name", name);
}

/**
 * gvir_config_storage_pool_source_get_product:
 * @source: a #GVirConfigStoragePoolSource
 *
 * Gets the product name of the source device.
 *
 * Returns: (transfer none) (nullable): the product name of the source device, or %NULL if unset
 */
const gchar *
gvir_config_storage_pool_source_get_product (GVirConfigStoragePoolSource *source)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_STORAGE_POOL_SOURCE (source), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (source), "product", "name");
}

/**
 * gvir_config_storage_pool_source_set_product:
 * @source: a #GVirConfigStoragePoolSource
 * @product: (nullable): the product name of the source device, or %NULL
 *
 * Sets the product name of the source device; it replaces the whole `<product>` element; %NULL removes the element.
 */
void
gvir_config_storage_pool_source_set_product (GVirConfigStoragePoolSource *source, const gchar *product)
{
  g_return_if_fail (GVIR_CONFIG_IS_STORAGE_POOL_SOURCE (source));

  gvir_config_doc_set_single_attribute (GVIR_CONFIG_OBJECT (source), "product", "name", product);
}

/**
 * gvir_config_storage_pool_source_get_vendor:
 * @source: a #GVirConfigStoragePoolSource
 *
 * Gets the vendor name of the source device.
 *
 * Returns: (transfer none) (nullable): the vendor name of the source device, or %NULL if unset
 */
const gchar *
gvir_config_storage_pool_source_get_vendor (GVirConfigStoragePoolSource *source)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_STORAGE_POOL_SOURCE (source), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (source), "vendor", "name");
}

/**
 * gvir_config_storage_pool_source_set_vendor:
 * @source: a #GVirConfigStoragePoolSource
 * @vendor: (nullable): the vendor name of the source device, or %NULL
 *
 * Sets the vendor name of the source device; it replaces the whole `<vendor>` element; %NULL removes the element.
 */
void
gvir_config_storage_pool_source_set_vendor (GVirConfigStoragePoolSource *source, const gchar *vendor)
{
  g_return_if_fail (GVIR_CONFIG_IS_STORAGE_POOL_SOURCE (source));

  gvir_config_doc_set_single_attribute (GVIR_CONFIG_OBJECT (source), "vendor", "name", vendor);
}
