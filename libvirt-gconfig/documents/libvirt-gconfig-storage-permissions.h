/*
 * libvirt-gconfig-storage-permissions.h: ownership and mode of storage
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#pragma once

#if !defined(__LIBVIRT_GCONFIG_H__) && !defined(LIBVIRT_GCONFIG_BUILD)
#error "Only <libvirt-gconfig/libvirt-gconfig.h> can be included directly."
#endif

#include <libvirt-gconfig/libvirt-gconfig-object.h>

G_BEGIN_DECLS

/**
 * GVIR_CONFIG_TYPE_STORAGE_PERMISSIONS:
 *
 * The #GType of #GVirConfigStoragePermissions.
 */
#define GVIR_CONFIG_TYPE_STORAGE_PERMISSIONS (gvir_config_storage_permissions_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigStoragePermissions, gvir_config_storage_permissions,
                      GVIR_CONFIG, STORAGE_PERMISSIONS, GVirConfigObject)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigStoragePermissions *gvir_config_storage_permissions_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigStoragePermissions *gvir_config_storage_permissions_new_from_xml (const gchar *xml, GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
guint gvir_config_storage_permissions_get_group (GVirConfigStoragePermissions *perms);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_storage_permissions_set_group (GVirConfigStoragePermissions *perms, guint group);
GVIR_CONFIG_AVAILABLE_IN_ALL
guint gvir_config_storage_permissions_get_owner (GVirConfigStoragePermissions *perms);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_storage_permissions_set_owner (GVirConfigStoragePermissions *perms, guint owner);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_storage_permissions_get_label (GVirConfigStoragePermissions *perms);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_storage_permissions_set_label (GVirConfigStoragePermissions *perms, const gchar *label);
GVIR_CONFIG_AVAILABLE_IN_ALL
guint gvir_config_storage_permissions_get_mode (GVirConfigStoragePermissions *perms);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_storage_permissions_set_mode (GVirConfigStoragePermissions *perms, guint mode);

G_END_DECLS
