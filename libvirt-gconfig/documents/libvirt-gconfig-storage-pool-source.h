/*
 * libvirt-gconfig-storage-pool-source.h: where a storage pool gets its storage
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
 * GVIR_CONFIG_TYPE_STORAGE_POOL_SOURCE:
 *
 * The #GType of #GVirConfigStoragePoolSource.
 */
#define GVIR_CONFIG_TYPE_STORAGE_POOL_SOURCE (gvir_config_storage_pool_source_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigStoragePoolSource, gvir_config_storage_pool_source,
                      GVIR_CONFIG, STORAGE_POOL_SOURCE, GVirConfigObject)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigStoragePoolSource *gvir_config_storage_pool_source_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigStoragePoolSource *gvir_config_storage_pool_source_new_from_xml (const gchar *xml, GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_storage_pool_source_get_adapter (GVirConfigStoragePoolSource *source);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_storage_pool_source_set_adapter (GVirConfigStoragePoolSource *source, const gchar *adapter);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_storage_pool_source_get_device_path (GVirConfigStoragePoolSource *source);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_storage_pool_source_set_device_path (GVirConfigStoragePoolSource *source, const gchar *device_path);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_storage_pool_source_get_directory (GVirConfigStoragePoolSource *source);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_storage_pool_source_set_directory (GVirConfigStoragePoolSource *source, const gchar *directory);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_storage_pool_source_get_format (GVirConfigStoragePoolSource *source);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_storage_pool_source_set_format (GVirConfigStoragePoolSource *source, const gchar *format);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_storage_pool_source_get_host (GVirConfigStoragePoolSource *source);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_storage_pool_source_set_host (GVirConfigStoragePoolSource *source, const gchar *host);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_storage_pool_source_get_name (GVirConfigStoragePoolSource *source);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_storage_pool_source_set_name (GVirConfigStoragePoolSource *source, const gchar *name);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_storage_pool_source_get_product (GVirConfigStoragePoolSource *source);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_storage_pool_source_set_product (GVirConfigStoragePoolSource *source, const gchar *product);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_storage_pool_source_get_vendor (GVirConfigStoragePoolSource *source);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_storage_pool_source_set_vendor (GVirConfigStoragePoolSource *source, const gchar *vendor);

G_END_DECLS
