/*
 * libvirt-gconfig-storage-pool.h: a storage pool
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
#include <libvirt-gconfig/libvirt-gconfig-storage-pool-source.h>
#include <libvirt-gconfig/libvirt-gconfig-storage-pool-target.h>

G_BEGIN_DECLS

/**
 * GVirConfigStoragePoolType:
 * @GVIR_CONFIG_STORAGE_POOL_TYPE_DIR: a directory of image files
 * @GVIR_CONFIG_STORAGE_POOL_TYPE_FS: a mounted block device
 * @GVIR_CONFIG_STORAGE_POOL_TYPE_NETFS: a mounted network file system
 * @GVIR_CONFIG_STORAGE_POOL_TYPE_LOGICAL: an LVM volume group
 * @GVIR_CONFIG_STORAGE_POOL_TYPE_DISK: the partitions of a disk
 * @GVIR_CONFIG_STORAGE_POOL_TYPE_ISCSI: an iSCSI target
 * @GVIR_CONFIG_STORAGE_POOL_TYPE_SCSI: a SCSI host adapter
 * @GVIR_CONFIG_STORAGE_POOL_TYPE_MPATH: multipath devices
 *
 * Kinds of storage pool, written as the pool's type attribute.
 */
typedef enum
{
  GVIR_CONFIG_STORAGE_POOL_TYPE_DIR,
  GVIR_CONFIG_STORAGE_POOL_TYPE_FS,
  GVIR_CONFIG_STORAGE_POOL_TYPE_NETFS,
  GVIR_CONFIG_STORAGE_POOL_TYPE_LOGICAL,
  GVIR_CONFIG_STORAGE_POOL_TYPE_DISK,
  GVIR_CONFIG_STORAGE_POOL_TYPE_ISCSI,
  GVIR_CONFIG_STORAGE_POOL_TYPE_SCSI,
  GVIR_CONFIG_STORAGE_POOL_TYPE_MPATH,
} GVirConfigStoragePoolType;

/**
 * GVIR_CONFIG_TYPE_STORAGE_POOL:
 *
 * The #GType of #GVirConfigStoragePool.
 */
#define GVIR_CONFIG_TYPE_STORAGE_POOL (gvir_config_storage_pool_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigStoragePool, gvir_config_storage_pool,
                      GVIR_CONFIG, STORAGE_POOL, GVirConfigObject)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigStoragePool *gvir_config_storage_pool_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigStoragePool *gvir_config_storage_pool_new_from_xml (const gchar *xml, GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigStoragePoolType gvir_config_storage_pool_get_pool_type (GVirConfigStoragePool *pool);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_storage_pool_set_pool_type (GVirConfigStoragePool *pool, GVirConfigStoragePoolType pool_type);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_storage_pool_get_name (GVirConfigStoragePool *pool);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_storage_pool_set_name (GVirConfigStoragePool *pool, const gchar *name);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_storage_pool_get_uuid (GVirConfigStoragePool *pool);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_storage_pool_set_uuid (GVirConfigStoragePool *pool, const gchar *uuid);
GVIR_CONFIG_AVAILABLE_IN_ALL
guint64 gvir_config_storage_pool_get_capacity (GVirConfigStoragePool *pool);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_storage_pool_set_capacity (GVirConfigStoragePool *pool, guint64 capacity);
GVIR_CONFIG_AVAILABLE_IN_ALL
guint64 gvir_config_storage_pool_get_allocation (GVirConfigStoragePool *pool);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_storage_pool_set_allocation (GVirConfigStoragePool *pool, guint64 allocation);
GVIR_CONFIG_AVAILABLE_IN_ALL
guint64 gvir_config_storage_pool_get_available (GVirConfigStoragePool *pool);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_storage_pool_set_available (GVirConfigStoragePool *pool, guint64 available);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigStoragePoolSource *gvir_config_storage_pool_get_source (GVirConfigStoragePool *pool);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_storage_pool_set_source (GVirConfigStoragePool *pool, GVirConfigStoragePoolSource *source);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigStoragePoolTarget *gvir_config_storage_pool_get_target (GVirConfigStoragePool *pool);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_storage_pool_set_target (GVirConfigStoragePool *pool, GVirConfigStoragePoolTarget *target);

G_END_DECLS
