/*
 * libvirt-gconfig-storage-pool-target.h: where a storage pool appears on the host
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
#include <libvirt-gconfig/libvirt-gconfig-storage-permissions.h>

G_BEGIN_DECLS

/**
 * GVIR_CONFIG_TYPE_STORAGE_POOL_TARGET:
 *
 * The #GType of #GVirConfigStoragePoolTarget.
 */
#define GVIR_CONFIG_TYPE_STORAGE_POOL_TARGET (gvir_config_storage_pool_target_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigStoragePoolTarget, gvir_config_storage_pool_target,
                      GVIR_CONFIG, STORAGE_POOL_TARGET, GVirConfigObject)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigStoragePoolTarget *gvir_config_storage_pool_target_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigStoragePoolTarget *gvir_config_storage_pool_target_new_from_xml (const gchar *xml, GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_storage_pool_target_get_path (GVirConfigStoragePoolTarget *target);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_storage_pool_target_set_path (GVirConfigStoragePoolTarget *target, const gchar *path);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigStoragePermissions *gvir_config_storage_pool_target_get_permissions (GVirConfigStoragePoolTarget *target);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_storage_pool_target_set_permissions (GVirConfigStoragePoolTarget *target, GVirConfigStoragePermissions *permissions);

G_END_DECLS
