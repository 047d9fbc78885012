/*
 * libvirt-gconfig-storage-vol.c: a storage volume
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
 * SECTION:libvirt-gconfig-storage-vol
 * @title: GVirConfigStorageVol
 * @short_description: A storage volume
 *
 * A `<volume>` document: name, sizes in bytes, the target (path and
 * format) and, for copy-on-write images, the backing store.
 *
 * |[<!-- language="C" -->
 * g_autoptr(GVirConfigStorageVol) vol = gvir_config_storage_vol_new ();
 * gvir_config_storage_vol_set_name (vol, "demo.qcow2");
 * gvir_config_storage_vol_set_capacity (vol, 10 * G_GUINT64_CONSTANT (1073741824));
 * gvir_config_storage_vol_set_allocation (vol, 0);
 * ]|
 */

/**
 * GVirConfigStorageVol:
 *
 * A storage volume description.
 */
struct _GVirConfigStorageVol
{
  GVirConfigObject parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigStorageVol, gvir_config_storage_vol, GVIR_CONFIG_TYPE_OBJECT)

static void
gvir_config_storage_vol_class_init (GVirConfigStorageVolClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "volume",
                                     GVIR_CONFIG_SCHEMA_DIR "/storagevol.rng");
}

static void
gvir_config_storage_vol_init (GVirConfigStorageVol *self)
{
}

/**
 * gvir_config_storage_vol_new:
 *
 * Creates a #GVirConfigStorageVol holding an empty `<volume>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigStorageVol *
gvir_config_storage_vol_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_STORAGE_VOL, NULL);
}

/**
 * gvir_config_storage_vol_new_from_xml:
 * @xml: an XML document whose root element is `<volume>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigStorageVol. Malformed XML or another root element
 * gives a #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigStorageVol *
gvir_config_storage_vol_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigStorageVol *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_STORAGE_VOL, "volume", NULL,
                                                                   xml, error);
}

/**
 * gvir_config_storage_vol_get_name:
 * @vol: a #GVirConfigStorageVol
 *
 * Gets the volume name.
 *
 * Returns: (transfer none) (nullable): the volume name, or %NULL if unset
 */
const gchar *
gvir_config_storage_vol_get_name (GVirConfigStorageVol *vol)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_STORAGE_VOL (vol), NULL);

  return gvir_config_object_get_node_content (GVIR_CONFIG_OBJECT (vol), "name");
}

/**
 * gvir_config_storage_vol_set_name:
 * @vol: a #GVirConfigStorageVol
 * @name: (nullable): the volume name, or %NULL to remove it
 *
 * Sets the volume name.
 */
void
gvir_config_storage_vol_set_name (GVirConfigStorageVol *vol, const gchar *name)
{
  g_return_if_fail (GVIR_CONFIG_IS_STORAGE_VOL (vol));

  gvir_config_object_set_node_content (GVIR_CONFIG_OBJECT (vol), "name", name);
}

/**
 * gvir_config_storage_vol_get_key:
 * @vol: a #GVirConfigStorageVol
 *
 * Gets the key that identifies the volume on the host.
 *
 * Returns: (transfer none) (nullable): the key that identifies the volume on the host, or %NULL if unset
 */
const gchar *
gvir_config_storage_vol_get_key (GVirConfigStorageVol *vol)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_STORAGE_VOL (vol), NULL);

  return gvir_config_object_get_node_content (GVIR_CONFIG_OBJECT (vol), "key");
}

/**
 * gvir_config_storage_vol_set_key:
 * @vol: a #GVirConfigStorageVol
 * @key: (nullable): the key that identifies the volume on the host, or %NULL to remove it
 *
 * Sets the key that identifies the volume on the host.
 */
void
gvir_config_storage_vol_set_key (GVirConfigStorageVol *vol, const gchar *key)
{
  g_return_if_fail (GVIR_CONFIG_IS_STORAGE_VOL (vol));

  gvir_config_object_set_node_content (GVIR_CONFIG_OBJECT (vol), "key", key);
}

/**
 * gvir_config_storage_vol_get_capacity:
 * @vol: a #GVirConfigStorageVol
 *
 * Gets the volume capacity in bytes, converted from the element's unit.
 *
 * Returns: the volume capacity in bytes, or 0 if unset or invalid
 */
guint64
gvir_config_storage_vol_get_capacity (GVirConfigStorageVol *vol)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_STORAGE_VOL (vol), 0);

  return gvir_config_doc_get_bytes (GVIR_CONFIG_OBJECT (vol), "capacity");
}

/**
 * gvir_config_storage_vol_set_capacity:
 * @vol: a #GVirConfigStorageVol
 * @capacity: the volume capacity in bytes
 *
 * Sets the volume capacity, in bytes.
 */
void
gvir_config_storage_vol_set_capacity (GVirConfigStorageVol *vol, guint64 capacity)
{
  g_return_if_fail (GVIR_CONFIG_IS_STORAGE_VOL (vol));

  gvir_config_doc_set_bytes (GVIR_CONFIG_OBJECT (vol), "capacity", capacity);
}

/**
 * gvir_config_storage_vol_get_allocation:
 * @vol: a #GVirConfigStorageVol
 *
 * Gets the space allocated to the volume in bytes, converted from the element's unit.
 *
 * Returns: the space allocated to the volume in bytes, or 0 if unset or invalid
 */
guint64
gvir_config_storage_vol_get_allocation (GVirConfigStorageVol *vol)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_STORAGE_VOL (vol), 0);

  return gvir_config_doc_get_bytes (GVIR_CONFIG_OBJECT (vol), "allocation");
}

/**
 * gvir_config_storage_vol_set_allocation:
 * @vol: a #GVirConfigStorageVol
 * @allocation: the space allocated to the volume in bytes
 *
 * Sets the space allocated to the volume, in bytes.
 */
void
gvir_config_storage_vol_set_allocation (GVirConfigStorageVol *vol, guint64 allocation)
{
  g_return_if_fail (GVIR_CONFIG_IS_STORAGE_VOL (vol));

  gvir_config_doc_set_bytes (GVIR_CONFIG_OBJECT (vol), "allocation", allocation);
}

/**
 * gvir_config_storage_vol_get_target:
 * @vol: a #GVirConfigStorageVol
 *
 * Gets a live view of the volume target.
 *
 * Returns: (transfer full) (nullable): the volume target, or %NULL if missing
 */
GVirConfigStorageVolTarget *
gvir_config_storage_vol_get_target (GVirConfigStorageVol *vol)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_STORAGE_VOL (vol), NULL);

  return (GVirConfigStorageVolTarget *) gvir_config_object_get_child_with_type (GVIR_CONFIG_OBJECT (vol), "target",
      GVIR_CONFIG_TYPE_STORAGE_VOL_TARGET);
}

/**
 * gvir_config_storage_vol_set_target:
 * @vol: a #GVirConfigStorageVol
 * @target: (nullable): the volume target, or %NULL to remove it
 *
 * Replaces the volume target. @target becomes part of @vol's document.
 */
void
gvir_config_storage_vol_set_target (GVirConfigStorageVol *vol, GVirConfigStorageVolTarget *target)
{
  g_return_if_fail (GVIR_CONFIG_IS_STORAGE_VOL (vol));
  g_return_if_fail (target == NULL || GVIR_CONFIG_IS_STORAGE_VOL_TARGET (target));

  gvir_config_object_attach_replace (GVIR_CONFIG_OBJECT (vol), "target", (GVirConfigObject *) target);
}

/**
 * gvir_config_storage_vol_get_backing_store:
 * @vol: a #GVirConfigStorageVol
 *
 * Gets a live view of the backing store.
 *
 * Returns: (transfer full) (nullable): the backing store, or %NULL if missing
 */
GVirConfigStorageVolBackingStore *
gvir_config_storage_vol_get_backing_store (GVirConfigStorageVol *vol)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_STORAGE_VOL (vol), NULL);

  return (GVirConfigStorageVolBackingStore *) gvir_config_object_get_child_with_type (GVIR_CONFIG_OBJECT (vol), "backingStore",
      GVIR_CONFIG_TYPE_STORAGE_VOL_BACKING_STORE);
}

/**
 * gvir_config_storage_vol_set_backing_store:
 * @vol: a #GVirConfigStorageVol
 * @backing_store: (nullable): the backing store, or %NULL to remove it
 *
 * Replaces the backing store. @backing_store becomes part of @vol's document.
 */
void
gvir_config_storage_vol_set_backing_store (GVirConfigStorageVol *vol, GVirConfigStorageVolBackingStore *backing_store)
{
  g_return_if_fail (GVIR_CONFIG_IS_STORAGE_VOL (vol));
  g_return_if_fail (backing_store == NULL || GVIR_CONFIG_IS_STORAGE_VOL_BACKING_STORE (backing_store));

  gvir_config_object_attach_replace (GVIR_CONFIG_OBJECT (vol), "backingStore", (GVirConfigObject *) backing_store);
}
