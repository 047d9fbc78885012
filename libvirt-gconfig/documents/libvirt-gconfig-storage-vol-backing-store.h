/*
 * libvirt-gconfig-storage-vol-backing-store.h: the backing file of a storage volume
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
 * GVIR_CONFIG_TYPE_STORAGE_VOL_BACKING_STORE:
 *
 * The #GType of #GVirConfigStorageVolBackingStore.
 */
#define GVIR_CONFIG_TYPE_STORAGE_VOL_BACKING_STORE (gvir_config_storage_vol_backing_store_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigStorageVolBackingStore, gvir_config_storage_vol_backing_store,
                      GVIR_CONFIG, STORAGE_VOL_BACKING_STORE, GVirConfigObject)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigStorageVolBackingStore *gvir_config_storage_vol_backing_store_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigStorageVolBackingStore *gvir_config_storage_vol_backing_store_new_from_xml (const gchar *xml, GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_storage_vol_backing_store_get_path (GVirConfigStorageVolBackingStore *backing_store);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_storage_vol_backing_store_set_path (GVirConfigStorageVolBackingStore *backing_store, const gchar *path);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_storage_vol_backing_store_get_format (GVirConfigStorageVolBackingStore *backing_store);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_storage_vol_backing_store_set_format (GVirConfigStorageVolBackingStore *backing_store, const gchar *format);

G_END_DECLS
