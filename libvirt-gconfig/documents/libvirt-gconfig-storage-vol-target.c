/*
 * libvirt-gconfig-storage-vol-target.c: where a storage volume lives and its format
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
 * SECTION:libvirt-gconfig-storage-vol-target
 * @title: GVirConfigStorageVolTarget
 * @short_description: Where a storage volume lives and its format
 *
 * A volume's `<target>`: its path, format, qcow2 compatibility level and
 * features, and the permissions of the volume file.
 *
 * |[<!-- language="C" -->
 * g_autoptr(GVirConfigStorageVolTarget) target = gvir_config_storage_vol_target_new ();
 * gvir_config_storage_vol_target_set_format (target, "qcow2");
 * gvir_config_storage_vol_target_set_compat (target, "1.1");
 * gvir_config_storage_vol_set_target (vol, target);
 * ]|
 */

/**
 * GVirConfigStorageVolTarget:
 *
 * The `<target>` of a storage volume.
 */
struct _GVirConfigStorageVolTarget
{
  GVirConfigObject parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigStorageVolTarget, gvir_config_storage_vol_target, GVIR_CONFIG_TYPE_OBJECT)

static void
gvir_config_storage_vol_target_class_init (GVirConfigStorageVolTargetClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "target",
                                     NULL);
}

static void
gvir_config_storage_vol_target_init (GVirConfigStorageVolTarget *self)
{
}

/**
 * gvir_config_storage_vol_target_new:
 *
 * Creates a #GVirConfigStorageVolTarget holding an empty `<target>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigStorageVolTarget *
gvir_config_storage_vol_target_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_STORAGE_VOL_TARGET, NULL);
}

/**
 * gvir_config_storage_vol_target_new_from_xml:
 * @xml: an XML document whose root element is `<target>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigStorageVolTarget. Malformed XML or another root element
 * gives a #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigStorageVolTarget *
gvir_config_storage_vol_target_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigStorageVolTarget *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_STORAGE_VOL_TARGET, "target", NULL,
                                                                         xml, error);
}

/**
 * gvir_config_storage_vol_target_get_path:
 * @target: a #GVirConfigStorageVolTarget
 *
 * Gets the path of the volume.
 *
 * Returns: (transfer none) (nullable): the path of the volume, or %NULL if unset
 */
const gchar *
gvir_config_storage_vol_target_get_path (GVirConfigStorageVolTarget *target)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_STORAGE_VOL_TARGET (target), NULL);

  return gvir_config_object_get_node_content (GVIR_CONFIG_OBJECT (target), "path");
}

/**
 * gvir_config_storage_vol_target_set_path:
 * @target: a #GVirConfigStorageVolTarget
 * @path: (nullable): the path of the volume, or %NULL to remove it
 *
 * Sets the path of the volume.
 */
void
gvir_config_storage_vol_target_set_path (GVirConfigStorageVolTarget *target, const gchar *path)
{
  g_return_if_fail (GVIR_CONFIG_IS_STORAGE_VOL_TARGET (target));

  gvir_config_object_set_node_content (GVIR_CONFIG_OBJECT (target), "path", path);
}

/**
 * gvir_config_storage_vol_target_get_format:
 * @target: a #GVirConfigStorageVolTarget
 *
 * Gets the volume format, such as "qcow2" or "raw".
 *
 * Returns: (transfer none) (nullable): the volume format, such as "qcow2" or "raw", or %NULL if unset
 */
const gchar *
gvir_config_storage_vol_target_get_format (GVirConfigStorageVolTarget *target)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_STORAGE_VOL_TARGET (target), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (target), "format", "type");
}

/**
 * gvir_config_storage_vol_target_set_format:
 * @target: a #GVirConfigStorageVolTarget
 * @format: (nullable): the volume format, such as "qcow2" or "raw", or %NULL
 *
 * Sets the volume format, such as "qcow2" or "raw"; it replaces the whole `<format>` element; %NULL removes the element.
 */
void
gvir_config_storage_vol_target_set_format (GVirConfigStorageVolTarget *target, const gchar *format)
{
  g_return_if_fail (GVIR_CONFIG_IS_STORAGE_VOL_TARGET (target));

  gvir_config_doc_set_single_attribute (GVIR_CONFIG_OBJECT (target), "format", "type", format);
}

/**
 * gvir_config_storage_vol_target_get_compat:
 * @target: a #GVirConfigStorageVolTarget
 *
 * Gets the qcow2 compatibility level, such as "1.1".
 *
 * Returns: (transfer none) (nullable): the qcow2 compatibility level, such as "1.1", or %NULL if unset
 */
const gchar *
gvir_config_storage_vol_target_get_compat (GVirConfigStorageVolTarget *target)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_STORAGE_VOL_TARGET (target), NULL);

  return gvir_config_object_get_node_content (GVIR_CONFIG_OBJECT (target), "compat");
}

/**
 * gvir_config_storage_vol_target_set_compat:
 * @target: a #GVirConfigStorageVolTarget
 * @compat: (nullable): the qcow2 compatibility level, such as "1.1", or %NULL to remove it
 *
 * Sets the qcow2 compatibility level, such as "1.1".
 */
void
gvir_config_storage_vol_target_set_compat (GVirConfigStorageVolTarget *target, const gchar *compat)
{
  g_return_if_fail (GVIR_CONFIG_IS_STORAGE_VOL_TARGET (target));

  gvir_config_object_set_node_content (GVIR_CONFIG_OBJECT (target), "compat", compat);
}

/**
 * gvir_config_storage_vol_target_get_permissions:
 * @target: a #GVirConfigStorageVolTarget
 *
 * Gets a live view of the permissions of the volume file.
 *
 * Returns: (transfer full) (nullable): the permissions of the volume file, or %NULL if missing
 */
GVirConfigStoragePermissions *
gvir_config_storage_vol_target_get_permissions (GVirConfigStorageVolTarget *target)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_STORAGE_VOL_TARGET (target), NULL);

  return (GVirConfigStoragePermissions *) gvir_config_object_get_child_with_type (GVIR_CONFIG_OBJECT (target), "permissions",
      GVIR_CONFIG_TYPE_STORAGE_PERMISSIONS);
}

/**
 * gvir_config_storage_vol_target_set_permissions:
 * @target: a #GVirConfigStorageVolTarget
 * @permissions: (nullable): the permissions of the volume file, or %NULL to remove it
 *
 * Replaces the permissions of the volume file. @permissions becomes part of @target's document.
 */
void
gvir_config_storage_vol_target_set_permissions (GVirConfigStorageVolTarget *target, GVirConfigStoragePermissions *permissions)
{
  g_return_if_fail (GVIR_CONFIG_IS_STORAGE_VOL_TARGET (target));
  g_return_if_fail (permissions == NULL || GVIR_CONFIG_IS_STORAGE_PERMISSIONS (permissions));

  gvir_config_object_attach_replace (GVIR_CONFIG_OBJECT (target), "permissions", (GVirConfigObject *) permissions);
}

/* Each feature flag and its element under <features>: the flags' nicks are
 * libvirt-glib's (the names bindings see), not libvirt's element names. */
static const struct
{
  GVirConfigStorageVolTargetFeatures flag;
  const char *element;
} vol_target_features[] = {
  { GVIR_CONFIG_STORAGE_VOL_TARGET_FEATURE_LAZY_REFCOUNT, "lazy_refcounts" },
};

/**
 * gvir_config_storage_vol_target_get_features:
 * @target: a #GVirConfigStorageVolTarget
 *
 * Gets the format features that are enabled. Unknown features are ignored.
 *
 * Returns: a mask of #GVirConfigStorageVolTargetFeatures
 */
guint64
gvir_config_storage_vol_target_get_features (GVirConfigStorageVolTarget *target)
{
  xmlNodePtr features;
  guint64 mask = 0;

  g_return_val_if_fail (GVIR_CONFIG_IS_STORAGE_VOL_TARGET (target), 0);

  features = gvir_config_xml_get_element (gvir_config_object_get_xml_node (GVIR_CONFIG_OBJECT (target)),
                                          "features");
  if (features == NULL)
    return 0;
  for (xmlNodePtr child = features->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      for (gsize i = 0; i < G_N_ELEMENTS (vol_target_features); i++)
        if (g_str_equal ((const char *) child->name, vol_target_features[i].element))
          mask |= vol_target_features[i].flag;
    }
  return mask;
}

/**
 * gvir_config_storage_vol_target_set_features:
 * @target: a #GVirConfigStorageVolTarget
 * @features: a mask of #GVirConfigStorageVolTargetFeatures; 0 removes `<features>`
 *
 * Replaces the format features, one empty element per feature.
 */
void
gvir_config_storage_vol_target_set_features (GVirConfigStorageVolTarget *target,
                                             guint64 features)
{
  GVirConfigObject *self;
  guint64 known = 0;
  xmlNodePtr node;

  g_return_if_fail (GVIR_CONFIG_IS_STORAGE_VOL_TARGET (target));

  for (gsize i = 0; i < G_N_ELEMENTS (vol_target_features); i++)
    known |= vol_target_features[i].flag;
  g_return_if_fail ((features & ~known) == 0);

  self = GVIR_CONFIG_OBJECT (target);
  if (features == 0)
    {
      gvir_config_object_delete_children (self, "features");
      return;
    }
  node = gvir_config_object_replace_child (self, "features");
  for (gsize i = 0; i < G_N_ELEMENTS (vol_target_features); i++)
    if ((features & vol_target_features[i].flag) != 0)
      xmlNewChild (node, NULL, (const xmlChar *) vol_target_features[i].element, NULL);
}
