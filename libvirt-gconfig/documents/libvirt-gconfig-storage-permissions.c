/*
 * libvirt-gconfig-storage-permissions.c: ownership and mode of storage
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
 * SECTION:libvirt-gconfig-storage-permissions
 * @title: GVirConfigStoragePermissions
 * @short_description: Ownership and mode of storage
 *
 * A `<permissions>` element: the owner, group, mode and security label
 * given to a pool directory or a volume file.
 *
 * |[<!-- language="C" -->
 * g_autoptr(GVirConfigStoragePermissions) perms = gvir_config_storage_permissions_new ();
 * gvir_config_storage_permissions_set_owner (perms, 107);
 * gvir_config_storage_permissions_set_group (perms, 107);
 * gvir_config_storage_permissions_set_mode (perms, 0640);
 * ]|
 */

/**
 * GVirConfigStoragePermissions:
 *
 * The `<permissions>` of a storage pool or volume target.
 */
struct _GVirConfigStoragePermissions
{
  GVirConfigObject parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigStoragePermissions, gvir_config_storage_permissions, GVIR_CONFIG_TYPE_OBJECT)

static void
gvir_config_storage_permissions_class_init (GVirConfigStoragePermissionsClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "permissions",
                                     NULL);
}

static void
gvir_config_storage_permissions_init (GVirConfigStoragePermissions *self)
{
}

/**
 * gvir_config_storage_permissions_new:
 *
 * Creates a #GVirConfigStoragePermissions holding an empty `<permissions>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigStoragePermissions *
gvir_config_storage_permissions_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_STORAGE_PERMISSIONS, NULL);
}

/**
 * gvir_config_storage_permissions_new_from_xml:
 * @xml: an XML document whose root element is `<permissions>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigStoragePermissions. Malformed XML or another root element
 * gives a #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigStoragePermissions *
gvir_config_storage_permissions_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigStoragePermissions *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_STORAGE_PERMISSIONS, "permissions", NULL,
                                                                           xml, error);
}

/* libvirt writes an unset user or group id as -1 (an uid_t of -1, the
 * "no change" id of chown()). Read back, it is (guint) -1, and that id is
 * written as -1 again, not as 4294967295. */
#define UNSET_ID G_MAXUINT

static guint
get_id (GVirConfigStoragePermissions *perms, const char *node_name)
{
  const char *text = gvir_config_object_get_node_content (GVIR_CONFIG_OBJECT (perms), node_name);
  g_autofree gchar *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (g_strcmp0 (stripped, "-1") == 0)
    return UNSET_ID;
  return gvir_config_doc_get_content_uint (GVIR_CONFIG_OBJECT (perms), node_name, G_MAXUINT);
}

static void
set_id (GVirConfigStoragePermissions *perms, const char *node_name, guint id)
{
  if (id == UNSET_ID)
    gvir_config_object_set_node_content (GVIR_CONFIG_OBJECT (perms), node_name, "-1");
  else
    gvir_config_object_set_node_content_uint64 (GVIR_CONFIG_OBJECT (perms), node_name, id);
}

/**
 * gvir_config_storage_permissions_get_group:
 * @perms: a #GVirConfigStoragePermissions
 *
 * Gets the group id.
 *
 * Returns: the group id; (guint) -1 for libvirt's `-1` (no id set), 0 if
 *   missing or invalid
 */
guint
gvir_config_storage_permissions_get_group (GVirConfigStoragePermissions *perms)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_STORAGE_PERMISSIONS (perms), 0);

  return get_id (perms, "group");
}

/**
 * gvir_config_storage_permissions_set_group:
 * @perms: a #GVirConfigStoragePermissions
 * @group: the group id
 *
 * Sets the group id; (guint) -1 is written as libvirt's `-1` (no id set).
 */
void
gvir_config_storage_permissions_set_group (GVirConfigStoragePermissions *perms, guint group)
{
  g_return_if_fail (GVIR_CONFIG_IS_STORAGE_PERMISSIONS (perms));

  set_id (perms, "group", group);
}

/**
 * gvir_config_storage_permissions_get_owner:
 * @perms: a #GVirConfigStoragePermissions
 *
 * Gets the user id.
 *
 * Returns: the user id; (guint) -1 for libvirt's `-1` (no id set), 0 if
 *   missing or invalid
 */
guint
gvir_config_storage_permissions_get_owner (GVirConfigStoragePermissions *perms)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_STORAGE_PERMISSIONS (perms), 0);

  return get_id (perms, "owner");
}

/**
 * gvir_config_storage_permissions_set_owner:
 * @perms: a #GVirConfigStoragePermissions
 * @owner: the user id
 *
 * Sets the user id; (guint) -1 is written as libvirt's `-1` (no id set).
 */
void
gvir_config_storage_permissions_set_owner (GVirConfigStoragePermissions *perms, guint owner)
{
  g_return_if_fail (GVIR_CONFIG_IS_STORAGE_PERMISSIONS (perms));

  set_id (perms, "owner", owner);
}

/**
 * gvir_config_storage_permissions_get_label:
 * @perms: a #GVirConfigStoragePermissions
 *
 * Gets the security label.
 *
 * Returns: (transfer none) (nullable): the security label, or %NULL if unset
 */
const gchar *
gvir_config_storage_permissions_get_label (GVirConfigStoragePermissions *perms)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_STORAGE_PERMISSIONS (perms), NULL);

  return gvir_config_object_get_node_content (GVIR_CONFIG_OBJECT (perms), "label");
}

/**
 * gvir_config_storage_permissions_set_label:
 * @perms: a #GVirConfigStoragePermissions
 * @label: (nullable): the security label, or %NULL to remove it
 *
 * Sets the security label.
 */
void
gvir_config_storage_permissions_set_label (GVirConfigStoragePermissions *perms, const gchar *label)
{
  g_return_if_fail (GVIR_CONFIG_IS_STORAGE_PERMISSIONS (perms));

  gvir_config_object_set_node_content (GVIR_CONFIG_OBJECT (perms), "label", label);
}

/**
 * gvir_config_storage_permissions_get_mode:
 * @perms: a #GVirConfigStoragePermissions
 *
 * Gets the file mode, which the XML writes in octal.
 *
 * Returns: the mode, such as 0644, or 0 if unset or invalid
 */
guint
gvir_config_storage_permissions_get_mode (GVirConfigStoragePermissions *perms)
{
  g_autofree char *text = NULL;
  guint64 mode;

  g_return_val_if_fail (GVIR_CONFIG_IS_STORAGE_PERMISSIONS (perms), 0);

  text = g_strdup (gvir_config_object_get_node_content (GVIR_CONFIG_OBJECT (perms), "mode"));
  if (text == NULL ||
      !g_ascii_string_to_unsigned (g_strstrip (text), 8, 0, 07777, &mode, NULL))
    return 0;
  return (guint) mode;
}

/**
 * gvir_config_storage_permissions_set_mode:
 * @perms: a #GVirConfigStoragePermissions
 * @mode: the file mode, at most 07777
 *
 * Sets the file mode, written in octal as libvirt expects.
 */
void
gvir_config_storage_permissions_set_mode (GVirConfigStoragePermissions *perms, guint mode)
{
  char buf[16];

  g_return_if_fail (GVIR_CONFIG_IS_STORAGE_PERMISSIONS (perms));
  g_return_if_fail (mode <= 07777);

  g_snprintf (buf, sizeof buf, "%04o", mode);
  gvir_config_object_set_node_content (GVIR_CONFIG_OBJECT (perms), "mode", buf);
}
