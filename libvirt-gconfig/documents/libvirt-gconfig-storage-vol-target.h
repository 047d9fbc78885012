/*
 * libvirt-gconfig-storage-vol-target.h: where a storage volume lives and its format
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
 * GVirConfigStorageVolTargetFeatures:
 * @GVIR_CONFIG_STORAGE_VOL_TARGET_FEATURE_LAZY_REFCOUNT: qcow2 lazy reference counts
 *
 * Optional format features of a volume, written under `<features>`
 * (`<lazy_refcounts/>`). The nick, and so the name in language bindings,
 * is libvirt-glib's (`REFCOUNT`).
 */
typedef enum /*< flags >*/
{
  GVIR_CONFIG_STORAGE_VOL_TARGET_FEATURE_LAZY_REFCOUNT = 1 << 0, /*< nick=refcount >*/
} GVirConfigStorageVolTargetFeatures;

/**
 * GVIR_CONFIG_TYPE_STORAGE_VOL_TARGET:
 *
 * The #GType of #GVirConfigStorageVolTarget.
 */
#define GVIR_CONFIG_TYPE_STORAGE_VOL_TARGET (gvir_config_storage_vol_target_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigStorageVolTarget, gvir_config_storage_vol_target,
                      GVIR_CONFIG, STORAGE_VOL_TARGET, GVirConfigObject)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigStorageVolTarget *gvir_config_storage_vol_target_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigStorageVolTarget *gvir_config_storage_vol_target_new_from_xml (const gchar *xml, GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_storage_vol_target_get_path (GVirConfigStorageVolTarget *target);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_storage_vol_target_set_path (GVirConfigStorageVolTarget *target, const gchar *path);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_storage_vol_target_get_format (GVirConfigStorageVolTarget *target);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_storage_vol_target_set_format (GVirConfigStorageVolTarget *target, const gchar *format);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_storage_vol_target_get_compat (GVirConfigStorageVolTarget *target);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_storage_vol_target_set_compat (GVirConfigStorageVolTarget *target, const gchar *compat);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigStoragePermissions *gvir_config_storage_vol_target_get_permissions (GVirConfigStorageVolTarget *target);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_storage_vol_target_set_permissions (GVirConfigStorageVolTarget *target, GVirConfigStoragePermissions *permissions);
GVIR_CONFIG_AVAILABLE_IN_ALL
guint64 gvir_config_storage_vol_target_get_features (GVirConfigStorageVolTarget *target);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_storage_vol_target_set_features (GVirConfigStorageVolTarget *target,
                                                  guint64 features);

G_END_DECLS
