/*
 * libvirt-gconfig-storage-pool.c: a storage pool
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
 * SECTION:libvirt-gconfig-storage-pool
 * @title: GVirConfigStoragePool
 * @short_description: A storage pool
 *
 * A `<pool>` document: a pool's type, name, UUID, sizes, where its
 * storage comes from (`<source>`) and where it appears (`<target>`).
 * Sizes are in bytes; getters convert any unit libvirt accepts.
 *
 * |[<!-- language="C" -->
 * g_autoptr(GVirConfigStoragePool) pool = gvir_config_storage_pool_new ();
 * g_autoptr(GVirConfigStoragePoolTarget) target = gvir_config_storage_pool_target_new ();
 * gvir_config_storage_pool_set_pool_type (pool, GVIR_CONFIG_STORAGE_POOL_TYPE_DIR);
 * gvir_config_storage_pool_set_name (pool, "default");
 * gvir_config_storage_pool_target_set_path (target, "/var/lib/libvirt/images");
 * gvir_config_storage_pool_set_target (pool, target);
 * ]|
 */

/**
 * GVirConfigStoragePool:
 *
 * A storage pool description.
 */
struct _GVirConfigStoragePool
{
  GVirConfigObject parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigStoragePool, gvir_config_storage_pool, GVIR_CONFIG_TYPE_OBJECT)

static void
gvir_config_storage_pool_class_init (GVirConfigStoragePoolClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "pool",
                                     GVIR_CONFIG_SCHEMA_DIR "/storagepool.rng");
}

static void
gvir_config_storage_pool_init (GVirConfigStoragePool *self)
{
}

/**
 * gvir_config_storage_pool_new:
 *
 * Creates a #GVirConfigStoragePool holding an empty `<pool>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigStoragePool *
gvir_config_storage_pool_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_STORAGE_POOL, NULL);
}

/**
 * gvir_config_storage_pool_new_from_xml:
 * @xml: an XML document whose root element is `<pool>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigStoragePool. Malformed XML or another root element
 * gives a #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigStoragePool *
gvir_config_storage_pool_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigStoragePool *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_STORAGE_POOL, "pool", NULL,
                                                                    xml, error);
}

/**
 * gvir_config_storage_pool_get_pool_type:
 * @pool: a #GVirConfigStoragePool
 *
 * Gets the pool type.
 *
 * Returns: the pool type; %GVIR_CONFIG_STORAGE_POOL_TYPE_DIR if unset or unknown
 */
GVirConfigStoragePoolType
gvir_config_storage_pool_get_pool_type (GVirConfigStoragePool *pool)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_STORAGE_POOL (pool), GVIR_CONFIG_STORAGE_POOL_TYPE_DIR);

  return gvir_config_object_get_attribute_genum (GVIR_CONFIG_OBJECT (pool), NULL, "type",
                                                 GVIR_CONFIG_TYPE_STORAGE_POOL_TYPE, GVIR_CONFIG_STORAGE_POOL_TYPE_DIR);
}

/**
 * gvir_config_storage_pool_set_pool_type:
 * @pool: a #GVirConfigStoragePool
 * @pool_type: the pool type
 *
 * Sets the pool type.
 */
void
gvir_config_storage_pool_set_pool_type (GVirConfigStoragePool *pool, GVirConfigStoragePoolType pool_type)
{
  g_return_if_fail (GVIR_CONFIG_IS_STORAGE_POOL (pool));
  g_return_if_fail (gvir_config_genum_get_nick (GVIR_CONFIG_TYPE_STORAGE_POOL_TYPE, pool_type) != NULL);

  gvir_config_object_set_attribute_genum (GVIR_CONFIG_OBJECT (pool), NULL, "type", GVIR_CONFIG_TYPE_STORAGE_POOL_TYPE, pool_type);
}

/**
 * gvir_config_storage_pool_get_name:
 * @pool: a #GVirConfigStoragePool
 *
 * Gets the pool name.
 *
 * Returns: (transfer none) (nullable): the pool name, or %NULL if unset
 */
const gchar *
gvir_config_storage_pool_get_name (GVirConfigStoragePool *pool)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_STORAGE_POOL (pool), NULL);

  return gvir_config_object_get_node_content (GVIR_CONFIG_OBJECT (pool), "name");
}

/**
 * gvir_config_storage_pool_set_name:
 * @pool: a #GVirConfigStoragePool
 * @name: (nullable): the pool name, or %NULL to remove it
 *
 * Sets the pool name.
 */
void
gvir_config_storage_pool_set_name (GVirConfigStoragePool *pool, const gchar *name)
{
  g_return_if_fail (GVIR_CONFIG_IS_STORAGE_POOL (pool));

  gvir_config_object_set_node_content (GVIR_CONFIG_OBJECT (pool), "name", name);
}

/**
 * gvir_config_storage_pool_get_uuid:
 * @pool: a #GVirConfigStoragePool
 *
 * Gets the pool UUID.
 *
 * Returns: (transfer none) (nullable): the pool UUID, or %NULL if unset
 */
const gchar *
gvir_config_storage_pool_get_uuid (GVirConfigStoragePool *pool)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_STORAGE_POOL (pool), NULL);

  return gvir_config_object_get_node_content (GVIR_CONFIG_OBJECT (pool), "uuid");
}

/**
 * gvir_config_storage_pool_set_uuid:
 * @pool: a #GVirConfigStoragePool
 * @uuid: (nullable): the pool UUID, or %NULL to remove it
 *
 * Sets the pool UUID. @uuid must be a UUID such as
 * "c7a5fdbd-cdaf-9455-926a-d65c16db1809".
 */
void
gvir_config_storage_pool_set_uuid (GVirConfigStoragePool *pool, const gchar *uuid)
{
  g_return_if_fail (GVIR_CONFIG_IS_STORAGE_POOL (pool));
  g_return_if_fail (uuid == NULL || gvir_config_doc_uuid_is_valid (uuid));

  gvir_config_object_set_node_content (GVIR_CONFIG_OBJECT (pool), "uuid", uuid);
}

/**
 * gvir_config_storage_pool_get_capacity:
 * @pool: a #GVirConfigStoragePool
 *
 * Gets the pool capacity in bytes, converted from the element's unit.
 *
 * Returns: the pool capacity in bytes, or 0 if unset or invalid
 */
guint64
gvir_config_storage_pool_get_capacity (GVirConfigStoragePool *pool)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_STORAGE_POOL (pool), 0);

  return gvir_config_doc_get_bytes (GVIR_CONFIG_OBJECT (pool), "capacity");
}

/**
 * gvir_config_storage_pool_set_capacity:
 * @pool: a #GVirConfigStoragePool
 * @capacity: the pool capacity in bytes
 *
 * Sets the pool capacity, in bytes.
 */
void
gvir_config_storage_pool_set_capacity (GVirConfigStoragePool *pool, guint64 capacity)
{
  g_return_if_fail (GVIR_CONFIG_IS_STORAGE_POOL (pool));

  gvir_config_doc_set_bytes (GVIR_CONFIG_OBJECT (pool), "capacity", capacity);
}

/**
 * gvir_config_storage_pool_get_allocation:
 * @pool: a #GVirConfigStoragePool
 *
 * Gets the space allocated in the pool in bytes, converted from the element's unit.
 *
 * Returns: the space allocated in the pool in bytes, or 0 if unset or invalid
 */
guint64
gvir_config_storage_pool_get_allocation (GVirConfigStoragePool *pool)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_STORAGE_POOL (pool), 0);

  return gvir_config_doc_get_bytes (GVIR_CONFIG_OBJECT (pool), "allocation");
}

/**
 * gvir_config_storage_pool_set_allocation:
 * @pool: a #GVirConfigStoragePool
 * @allocation: the space allocated in the pool in bytes
 *
 * Sets the space allocated in the pool, in bytes.
 */
void
gvir_config_storage_pool_set_allocation (GVirConfigStoragePool *pool, guint64 allocation)
{
  g_return_if_fail (GVIR_CONFIG_IS_STORAGE_POOL (pool));

  gvir_config_doc_set_bytes (GVIR_CONFIG_OBJECT (pool), "allocation", allocation);
}

/**
 * gvir_config_storage_pool_get_available:
 * @pool: a #GVirConfigStoragePool
 *
 * Gets the free space in the pool in bytes, converted from the element's unit.
 *
 * Returns: the free space in the pool in bytes, or 0 if unset or invalid
 */
guint64
gvir_config_storage_pool_get_available (GVirConfigStoragePool *pool)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_STORAGE_POOL (pool), 0);

  return gvir_config_doc_get_bytes (GVIR_CONFIG_OBJECT (pool), "available");
}

/**
 * gvir_config_storage_pool_set_available:
 * @pool: a #GVirConfigStoragePool
 * @available: the free space in the pool in bytes
 *
 * Sets the free space in the pool, in bytes.
 */
void
gvir_config_storage_pool_set_available (GVirConfigStoragePool *pool, guint64 available)
{
  g_return_if_fail (GVIR_CONFIG_IS_STORAGE_POOL (pool));

  gvir_config_doc_set_bytes (GVIR_CONFIG_OBJECT (pool), "available", available);
}

/**
 * gvir_config_storage_pool_get_source:
 * @pool: a #GVirConfigStoragePool
 *
 * Gets a live view of the pool source.
 *
 * Returns: (transfer full) (nullable): the pool source, or %NULL if missing
 */
GVirConfigStoragePoolSource *
gvir_config_storage_pool_get_source (GVirConfigStoragePool *pool)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_STORAGE_POOL (pool), NULL);

  return (GVirConfigStoragePoolSource *) gvir_config_object_get_child_with_type (GVIR_CONFIG_OBJECT (pool), "source",
      GVIR_CONFIG_TYPE_STORAGE_POOL_SOURCE);
}

/**
 * gvir_config_storage_pool_set_source:
 * @pool: a #GVirConfigStoragePool
 * @source: (nullable): the pool source, or %NULL to remove it
 *
 * Replaces the pool source. @source becomes part of @pool's document.
 */
void
gvir_config_storage_pool_set_source (GVirConfigStoragePool *pool, GVirConfigStoragePoolSource *source)
{
  g_return_if_fail (GVIR_CONFIG_IS_STORAGE_POOL (pool));
  g_return_if_fail (source == NULL || GVIR_CONFIG_IS_STORAGE_POOL_SOURCE (source));

  gvir_config_object_attach_replace (GVIR_CONFIG_OBJECT (pool), "source", (GVirConfigObject *) source);
}

/**
 * gvir_config_storage_pool_get_target:
 * @pool: a #GVirConfigStoragePool
 *
 * Gets a live view of the pool target.
 *
 * Returns: (transfer full) (nullable): the pool target, or %NULL if missing
 */
GVirConfigStoragePoolTarget *
gvir_config_storage_pool_get_target (GVirConfigStoragePool *pool)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_STORAGE_POOL (pool), NULL);

  return (GVirConfigStoragePoolTarget *) gvir_config_object_get_child_with_type (GVIR_CONFIG_OBJECT (pool), "target",
      GVIR_CONFIG_TYPE_STORAGE_POOL_TARGET);
}

/**
 * gvir_config_storage_pool_set_target:
 * @pool: a #GVirConfigStoragePool
 * @target: (nullable): the pool target, or %NULL to remove it
 *
 * Replaces the pool target. @target becomes part of @pool's document.
 */
void
gvir_config_storage_pool_set_target (GVirConfigStoragePool *pool, GVirConfigStoragePoolTarget *target)
{
  g_return_if_fail (GVIR_CONFIG_IS_STORAGE_POOL (pool));
  g_return_if_fail (target == NULL || GVIR_CONFIG_IS_STORAGE_POOL_TARGET (target));

  gvir_config_object_attach_replace (GVIR_CONFIG_OBJECT (pool), "target", (GVirConfigObject *) target);
}
