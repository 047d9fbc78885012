/*
 * libvirt-gconfig-storage-pool-target.c: where a storage pool appears on the host
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
 * SECTION:libvirt-gconfig-storage-pool-target
 * @title: GVirConfigStoragePoolTarget
 * @short_description: Where a storage pool appears on the host
 *
 * A storage pool's `<target>`: the host path where its volumes appear
 * and the permissions given to it.
 *
 * |[<!-- language="C" -->
 * g_autoptr(GVirConfigStoragePoolTarget) target = gvir_config_storage_pool_target_new ();
 * gvir_config_storage_pool_target_set_path (target, "/var/lib/libvirt/images");
 * gvir_config_storage_pool_set_target (pool, target);
 * ]|
 */

/**
 * GVirConfigStoragePoolTarget:
 *
 * The `<target>` of a storage pool.
 */
struct _GVirConfigStoragePoolTarget
{
  GVirConfigObject parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigStoragePoolTarget, gvir_config_storage_pool_target, GVIR_CONFIG_TYPE_OBJECT)

static void
gvir_config_storage_pool_target_class_init (GVirConfigStoragePoolTargetClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "target",
                                     NULL);
}

static void
gvir_config_storage_pool_target_init (GVirConfigStoragePoolTarget *self)
{
}

/**
 * gvir_config_storage_pool_target_new:
 *
 * Creates a #GVirConfigStoragePoolTarget holding an empty `<target>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigStoragePoolTarget *
gvir_config_storage_pool_target_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_STORAGE_POOL_TARGET, NULL);
}

/**
 * gvir_config_storage_pool_target_new_from_xml:
 * @xml: an XML document whose root element is `<target>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigStoragePoolTarget. Malformed XML or another root element
 * gives a #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigStoragePoolTarget *
gvir_config_storage_pool_target_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigStoragePoolTarget *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_STORAGE_POOL_TARGET, "target", NULL,
                                                                          xml, error);
}

/**
 * gvir_config_storage_pool_target_get_path:
 * @target: a #GVirConfigStoragePoolTarget
 *
 * Gets the target path.
 *
 * Returns: (transfer none) (nullable): the target path, or %NULL if unset
 */
const gchar *
gvir_config_storage_pool_target_get_path (GVirConfigStoragePoolTarget *target)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_STORAGE_POOL_TARGET (target), NULL);

  return gvir_config_object_get_node_content (GVIR_CONFIG_OBJECT (target), "path");
}

/**
 * gvir_config_storage_pool_target_set_path:
 * @target: a #GVirConfigStoragePoolTarget
 * @path: (nullable): the target path, or %NULL to remove it
 *
 * Sets the target path.
 */
void
gvir_config_storage_pool_target_set_path (GVirConfigStoragePoolTarget *target, const gchar *path)
{
  g_return_if_fail (GVIR_CONFIG_IS_STORAGE_POOL_TARGET (target));

  gvir_config_object_set_node_content (GVIR_CONFIG_OBJECT (target), "path", path);
}

/**
 * gvir_config_storage_pool_target_get_permissions:
 * @target: a #GVirConfigStoragePoolTarget
 *
 * Gets a live view of the permissions of the target.
 *
 * Returns: (transfer full) (nullable): the permissions of the target, or %NULL if missing
 */
GVirConfigStoragePermissions *
gvir_config_storage_pool_target_get_permissions (GVirConfigStoragePoolTarget *target)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_STORAGE_POOL_TARGET (target), NULL);

  return (GVirConfigStoragePermissions *) gvir_config_object_get_child_with_type (GVIR_CONFIG_OBJECT (target), "permissions",
      GVIR_CONFIG_TYPE_STORAGE_PERMISSIONS);
}

/**
 * gvir_config_storage_pool_target_set_permissions:
 * @target: a #GVirConfigStoragePoolTarget
 * @permissions: (nullable): the permissions of the target, or %NULL to remove it
 *
 * Replaces the permissions of the target. @permissions becomes part of @target's document.
 */
void
gvir_config_storage_pool_target_set_permissions (GVirConfigStoragePoolTarget *target, GVirConfigStoragePermissions *permissions)
{
  g_return_if_fail (GVIR_CONFIG_IS_STORAGE_POOL_TARGET (target));
  g_return_if_fail (permissions == NULL || GVIR_CONFIG_IS_STORAGE_PERMISSIONS (permissions));

  gvir_config_object_attach_replace (GVIR_CONFIG_OBJECT (target), "permissions", (GVirConfigObject *) permissions);
}
