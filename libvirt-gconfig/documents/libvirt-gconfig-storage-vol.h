/*
 * libvirt-gconfig-storage-vol.h: a storage volume
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
#include <libvirt-gconfig/libvirt-gconfig-storage-vol-backing-store.h>
#include <libvirt-gconfig/libvirt-gconfig-storage-vol-target.h>

G_BEGIN_DECLS

/**
 * GVIR_CONFIG_TYPE_STORAGE_VOL:
 *
 * The #GType of #GVirConfigStorageVol.
 */
#define GVIR_CONFIG_TYPE_STORAGE_VOL (gvir_config_storage_vol_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigStorageVol, gvir_config_storage_vol,
                      GVIR_CONFIG, STORAGE_VOL, GVirConfigObject)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigStorageVol *gvir_config_storage_vol_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigStorageVol *gvir_config_storage_vol_new_from_xml (const gchar *xml, GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_storage_vol_get_name (GVirConfigStorageVol *vol);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_storage_vol_set_name (GVirConfigStorageVol *vol, const gchar *name);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_storage_vol_get_key (GVirConfigStorageVol *vol);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_storage_vol_set_key (GVirConfigStorageVol *vol, const gchar *key);
GVIR_CONFIG_AVAILABLE_IN_ALL
guint64 gvir_config_storage_vol_get_capacity (GVirConfigStorageVol *vol);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_storage_vol_set_capacity (GVirConfigStorageVol *vol, guint64 capacity);
GVIR_CONFIG_AVAILABLE_IN_ALL
guint64 gvir_config_storage_vol_get_allocation (GVirConfigStorageVol *vol);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_storage_vol_set_allocation (GVirConfigStorageVol *vol, guint64 allocation);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigStorageVolTarget *gvir_config_storage_vol_get_target (GVirConfigStorageVol *vol);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_storage_vol_set_target (GVirConfigStorageVol *vol, GVirConfigStorageVolTarget *target);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigStorageVolBackingStore *gvir_config_storage_vol_get_backing_store (GVirConfigStorageVol *vol);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_storage_vol_set_backing_store (GVirConfigStorageVol *vol, GVirConfigStorageVolBackingStore *backing_store);

G_END_DECLS
