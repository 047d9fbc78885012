/*
 * libvirt-gconfig-domain-disk.h: a disk device
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
#include <libvirt-gconfig/libvirt-gconfig-domain-device.h>
#include <libvirt-gconfig/libvirt-gconfig-domain-disk-driver.h>

G_BEGIN_DECLS

/**
 * GVirConfigDomainDiskType:
 * @GVIR_CONFIG_DOMAIN_DISK_FILE: backed by a file
 * @GVIR_CONFIG_DOMAIN_DISK_BLOCK: backed by a block device
 * @GVIR_CONFIG_DOMAIN_DISK_DIR: backed by a directory
 * @GVIR_CONFIG_DOMAIN_DISK_NETWORK: backed by a network protocol
 * @GVIR_CONFIG_DOMAIN_DISK_VOLUME: backed by a storage pool volume
 *
 * Kinds of disk backing, written as the disk's type attribute.
 */
typedef enum
{
  GVIR_CONFIG_DOMAIN_DISK_FILE,
  GVIR_CONFIG_DOMAIN_DISK_BLOCK,
  GVIR_CONFIG_DOMAIN_DISK_DIR,
  GVIR_CONFIG_DOMAIN_DISK_NETWORK,
  GVIR_CONFIG_DOMAIN_DISK_VOLUME,
} GVirConfigDomainDiskType;

/**
 * GVirConfigDomainDiskGuestDeviceType:
 * @GVIR_CONFIG_DOMAIN_DISK_GUEST_DEVICE_DISK: a hard disk
 * @GVIR_CONFIG_DOMAIN_DISK_GUEST_DEVICE_FLOPPY: a floppy drive
 * @GVIR_CONFIG_DOMAIN_DISK_GUEST_DEVICE_CDROM: a CD-ROM drive
 * @GVIR_CONFIG_DOMAIN_DISK_GUEST_DEVICE_LUN: a SCSI LUN passed through
 *
 * What the guest sees, written as the disk's device attribute.
 */
typedef enum
{
  GVIR_CONFIG_DOMAIN_DISK_GUEST_DEVICE_DISK,
  GVIR_CONFIG_DOMAIN_DISK_GUEST_DEVICE_FLOPPY,
  GVIR_CONFIG_DOMAIN_DISK_GUEST_DEVICE_CDROM,
  GVIR_CONFIG_DOMAIN_DISK_GUEST_DEVICE_LUN,
} GVirConfigDomainDiskGuestDeviceType;

/**
 * GVirConfigDomainDiskBus:
 * @GVIR_CONFIG_DOMAIN_DISK_BUS_IDE: IDE
 * @GVIR_CONFIG_DOMAIN_DISK_BUS_FDC: floppy controller
 * @GVIR_CONFIG_DOMAIN_DISK_BUS_SCSI: SCSI
 * @GVIR_CONFIG_DOMAIN_DISK_BUS_VIRTIO: virtio
 * @GVIR_CONFIG_DOMAIN_DISK_BUS_XEN: Xen paravirtual
 * @GVIR_CONFIG_DOMAIN_DISK_BUS_USB: USB
 * @GVIR_CONFIG_DOMAIN_DISK_BUS_UML: User Mode Linux
 * @GVIR_CONFIG_DOMAIN_DISK_BUS_SATA: SATA
 *
 * Buses a disk can be attached to in the guest.
 */
typedef enum
{
  GVIR_CONFIG_DOMAIN_DISK_BUS_IDE,
  GVIR_CONFIG_DOMAIN_DISK_BUS_FDC,
  GVIR_CONFIG_DOMAIN_DISK_BUS_SCSI,
  GVIR_CONFIG_DOMAIN_DISK_BUS_VIRTIO,
  GVIR_CONFIG_DOMAIN_DISK_BUS_XEN,
  GVIR_CONFIG_DOMAIN_DISK_BUS_USB,
  GVIR_CONFIG_DOMAIN_DISK_BUS_UML,
  GVIR_CONFIG_DOMAIN_DISK_BUS_SATA,
} GVirConfigDomainDiskBus;

/**
 * GVIR_CONFIG_TYPE_DOMAIN_DISK:
 *
 * The #GType of #GVirConfigDomainDisk.
 */
/**
 * GVirConfigDomainDiskSnapshotType:
 * @GVIR_CONFIG_DOMAIN_DISK_SNAPSHOT_NO: the disk is left out of snapshots
 * @GVIR_CONFIG_DOMAIN_DISK_SNAPSHOT_INTERNAL: snapshots are kept inside the image
 * @GVIR_CONFIG_DOMAIN_DISK_SNAPSHOT_EXTERNAL: snapshots go to separate files
 *
 * How snapshots treat the disk, written as the disk's snapshot attribute.
 */
typedef enum
{
  GVIR_CONFIG_DOMAIN_DISK_SNAPSHOT_NO,
  GVIR_CONFIG_DOMAIN_DISK_SNAPSHOT_INTERNAL,
  GVIR_CONFIG_DOMAIN_DISK_SNAPSHOT_EXTERNAL,
} GVirConfigDomainDiskSnapshotType;

/**
 * GVirConfigDomainDiskStartupPolicy:
 * @GVIR_CONFIG_DOMAIN_DISK_STARTUP_POLICY_MANDATORY: a missing source is an error
 * @GVIR_CONFIG_DOMAIN_DISK_STARTUP_POLICY_REQUISITE: a missing source is an error at boot only
 * @GVIR_CONFIG_DOMAIN_DISK_STARTUP_POLICY_OPTIONAL: a missing source is dropped
 *
 * What happens when the disk source is missing, the startupPolicy
 * attribute of `<source>`.
 */
typedef enum
{
  GVIR_CONFIG_DOMAIN_DISK_STARTUP_POLICY_MANDATORY,
  GVIR_CONFIG_DOMAIN_DISK_STARTUP_POLICY_REQUISITE,
  GVIR_CONFIG_DOMAIN_DISK_STARTUP_POLICY_OPTIONAL,
} GVirConfigDomainDiskStartupPolicy;

#define GVIR_CONFIG_TYPE_DOMAIN_DISK (gvir_config_domain_disk_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigDomainDisk, gvir_config_domain_disk,
                      GVIR_CONFIG, DOMAIN_DISK, GVirConfigDomainDevice)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainDisk *gvir_config_domain_disk_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainDisk *gvir_config_domain_disk_new_from_xml (const gchar *xml,
                                                            GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainDiskType gvir_config_domain_disk_get_disk_type (GVirConfigDomainDisk *disk);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_disk_set_type (GVirConfigDomainDisk *disk,
                                       GVirConfigDomainDiskType type);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainDiskGuestDeviceType gvir_config_domain_disk_get_guest_device_type (GVirConfigDomainDisk *disk);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_disk_set_guest_device_type (GVirConfigDomainDisk *disk,
                                                    GVirConfigDomainDiskGuestDeviceType type);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_domain_disk_get_source (GVirConfigDomainDisk *disk);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_disk_set_source (GVirConfigDomainDisk *disk,
                                         const gchar *source);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_domain_disk_get_target_dev (GVirConfigDomainDisk *disk);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_disk_set_target_dev (GVirConfigDomainDisk *disk,
                                             const gchar *dev);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainDiskBus gvir_config_domain_disk_get_target_bus (GVirConfigDomainDisk *disk);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_disk_set_target_bus (GVirConfigDomainDisk *disk,
                                             GVirConfigDomainDiskBus bus);
GVIR_CONFIG_AVAILABLE_IN_ALL
gboolean gvir_config_domain_disk_get_readonly (GVirConfigDomainDisk *disk);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_disk_set_readonly (GVirConfigDomainDisk *disk,
                                           gboolean readonly);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_domain_disk_get_driver_name (GVirConfigDomainDisk *disk);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_disk_set_driver_name (GVirConfigDomainDisk *disk,
                                              const gchar *driver_name);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainDiskFormat gvir_config_domain_disk_get_driver_format (GVirConfigDomainDisk *disk);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_disk_set_driver_format (GVirConfigDomainDisk *disk,
                                                GVirConfigDomainDiskFormat format);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainDiskDriver *gvir_config_domain_disk_get_driver (GVirConfigDomainDisk *disk);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_disk_set_driver (GVirConfigDomainDisk *disk,
                                         GVirConfigDomainDiskDriver *driver);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainDiskSnapshotType gvir_config_domain_disk_get_snapshot_type (GVirConfigDomainDisk *disk);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_disk_set_snapshot_type (GVirConfigDomainDisk *disk,
                                                GVirConfigDomainDiskSnapshotType type);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainDiskStartupPolicy gvir_config_domain_disk_get_startup_policy (GVirConfigDomainDisk *disk);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_disk_set_startup_policy (GVirConfigDomainDisk *disk,
                                                 GVirConfigDomainDiskStartupPolicy policy);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainDiskCacheType gvir_config_domain_disk_get_driver_cache (GVirConfigDomainDisk *disk);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_disk_set_driver_cache (GVirConfigDomainDisk *disk,
                                               GVirConfigDomainDiskCacheType cache_type);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_domain_disk_get_driver_type (GVirConfigDomainDisk *disk);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_disk_set_driver_type (GVirConfigDomainDisk *disk,
                                              const gchar *driver_type);

G_END_DECLS
