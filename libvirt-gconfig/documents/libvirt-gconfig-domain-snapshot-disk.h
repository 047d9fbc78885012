/*
 * libvirt-gconfig-domain-snapshot-disk.h: a disk of a domain snapshot
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
#include <libvirt-gconfig/libvirt-gconfig-domain-disk-driver.h>
#include <libvirt-gconfig/libvirt-gconfig-domain-disk.h>

G_BEGIN_DECLS

/**
 * GVIR_CONFIG_TYPE_DOMAIN_SNAPSHOT_DISK:
 *
 * The #GType of #GVirConfigDomainSnapshotDisk.
 */
#define GVIR_CONFIG_TYPE_DOMAIN_SNAPSHOT_DISK (gvir_config_domain_snapshot_disk_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigDomainSnapshotDisk, gvir_config_domain_snapshot_disk,
                      GVIR_CONFIG, DOMAIN_SNAPSHOT_DISK, GVirConfigObject)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainSnapshotDisk *gvir_config_domain_snapshot_disk_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainSnapshotDisk *gvir_config_domain_snapshot_disk_new_from_xml (const gchar *xml, GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_domain_snapshot_disk_get_name (GVirConfigDomainSnapshotDisk *disk);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_snapshot_disk_set_name (GVirConfigDomainSnapshotDisk *disk, const gchar *name);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainDiskSnapshotType gvir_config_domain_snapshot_disk_get_snapshot_type (GVirConfigDomainSnapshotDisk *disk);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_snapshot_disk_set_snapshot_type (GVirConfigDomainSnapshotDisk *disk, GVirConfigDomainDiskSnapshotType snapshot_type);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_domain_snapshot_disk_get_source_file (GVirConfigDomainSnapshotDisk *disk);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_snapshot_disk_set_source_file (GVirConfigDomainSnapshotDisk *disk, const gchar *source_file);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainDiskFormat gvir_config_domain_snapshot_disk_get_driver_format (GVirConfigDomainSnapshotDisk *disk);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_snapshot_disk_set_driver_format (GVirConfigDomainSnapshotDisk *disk, GVirConfigDomainDiskFormat driver_format);

G_END_DECLS
