/*
 * libvirt-gconfig-storage-vol-backing-store.c: the backing file of a storage volume
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
 * SECTION:libvirt-gconfig-storage-vol-backing-store
 * @title: GVirConfigStorageVolBackingStore
 * @short_description: The backing file of a storage volume
 *
 * A volume's `<backingStore>`: the image a copy-on-write volume (such as
 * a qcow2 overlay) reads unchanged data from.
 *
 * |[<!-- language="C" -->
 * g_autoptr(GVirConfigStorageVolBackingStore) backing = gvir_config_storage_vol_backing_store_new ();
 * gvir_config_storage_vol_backing_store_set_path (backing, "/var/lib/libvirt/images/base.qcow2");
 * gvir_config_storage_vol_backing_store_set_format (backing, "qcow2");
 * gvir_config_storage_vol_set_backing_store (vol, backing);
 * ]|
 */

/**
 * GVirConfigStorageVolBackingStore:
 *
 * The `<backingStore>` of a storage volume.
 */
struct _GVirConfigStorageVolBackingStore
{
  GVirConfigObject parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigStorageVolBackingStore, gvir_config_storage_vol_backing_store, GVIR_CONFIG_TYPE_OBJECT)

static void
gvir_config_storage_vol_backing_store_class_init (GVirConfigStorageVolBackingStoreClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "backingStore",
                                     NULL);
}

static void
gvir_config_storage_vol_backing_store_init (GVirConfigStorageVolBackingStore *self)
{
}

/**
 * gvir_config_storage_vol_backing_store_new:
 *
 * Creates a #GVirConfigStorageVolBackingStore holding an empty `<backingStore>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigStorageVolBackingStore *
gvir_config_storage_vol_backing_store_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_STORAGE_VOL_BACKING_STORE, NULL);
}

/**
 * gvir_config_storage_vol_backing_store_new_from_xml:
 * @xml: an XML document whose root element is `<backingStore>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigStorageVolBackingStore. Malformed XML or another root element
 * gives a #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigStorageVolBackingStore *
gvir_config_storage_vol_backing_store_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigStorageVolBackingStore *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_STORAGE_VOL_BACKING_STORE, "backingStore", NULL,
                                                                               xml, error);
}

/**
 * gvir_config_storage_vol_backing_store_get_path:
 * @backing_store: a #GVirConfigStorageVolBackingStore
 *
 * Gets the path of the backing image.
 *
 * Returns: (transfer none) (nullable): the path of the backing image, or %NULL if unset
 */
const gchar *
gvir_config_storage_vol_backing_store_get_path (GVirConfigStorageVolBackingStore *backing_store)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_STORAGE_VOL_BACKING_STORE (backing_store), NULL);

  return gvir_config_object_get_node_content (GVIR_CONFIG_OBJECT (backing_store), "path");
}

/**
 * gvir_config_storage_vol_backing_store_set_path:
 * @backing_store: a #GVirConfigStorageVolBackingStore
 * @path: (nullable): the path of the backing image, or %NULL to remove it
 *
 * Sets the path of the backing image.
 */
void
gvir_config_storage_vol_backing_store_set_path (GVirConfigStorageVolBackingStore *backing_store, const gchar *path)
{
  g_return_if_fail (GVIR_CONFIG_IS_STORAGE_VOL_BACKING_STORE (backing_store));

  gvir_config_object_set_node_content (GVIR_CONFIG_OBJECT (backing_store), "path", path);
}

/**
 * gvir_config_storage_vol_backing_store_get_format:
 * @backing_store: a #GVirConfigStorageVolBackingStore
 *
 * Gets the format of the backing image, such as "qcow2".
 *
 * Returns: (transfer none) (nullable): the format of the backing image, such as "qcow2", or %NULL if unset
 */
const gchar *
gvir_config_storage_vol_backing_store_get_format (GVirConfigStorageVolBackingStore *backing_store)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_STORAGE_VOL_BACKING_STORE (backing_store), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (backing_store), "format", "type");
}

/**
 * gvir_config_storage_vol_backing_store_set_format:
 * @backing_store: a #GVirConfigStorageVolBackingStore
 * @format: (nullable): the format of the backing image, such as "qcow2", or %NULL
 *
 * Sets the format of the backing image, such as "qcow2"; it replaces the whole `<format>` element; %NULL removes the element.
 */
void
gvir_config_storage_vol_backing_store_set_format (GVirConfigStorageVolBackingStore *backing_store, const gchar *format)
{
  g_return_if_fail (GVIR_CONFIG_IS_STORAGE_VOL_BACKING_STORE (backing_store));

  gvir_config_doc_set_single_attribute (GVIR_CONFIG_OBJECT (backing_store), "format", "type", format);
}
