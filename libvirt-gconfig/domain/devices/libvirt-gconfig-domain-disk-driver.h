/*
 * libvirt-gconfig-domain-disk-driver.h: the driver of a domain disk
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
 * GVirConfigDomainDiskFormat:
 * @GVIR_CONFIG_DOMAIN_DISK_FORMAT_RAW: raw image
 * @GVIR_CONFIG_DOMAIN_DISK_FORMAT_DIR: directory
 * @GVIR_CONFIG_DOMAIN_DISK_FORMAT_BOCHS: Bochs image
 * @GVIR_CONFIG_DOMAIN_DISK_FORMAT_CLOOP: compressed loopback image
 * @GVIR_CONFIG_DOMAIN_DISK_FORMAT_COW: User Mode Linux copy-on-write image
 * @GVIR_CONFIG_DOMAIN_DISK_FORMAT_DMG: Mac disk image
 * @GVIR_CONFIG_DOMAIN_DISK_FORMAT_ISO: ISO 9660 image
 * @GVIR_CONFIG_DOMAIN_DISK_FORMAT_QCOW: QEMU copy-on-write v1 image
 * @GVIR_CONFIG_DOMAIN_DISK_FORMAT_QCOW2: QEMU copy-on-write v2 image
 * @GVIR_CONFIG_DOMAIN_DISK_FORMAT_QED: QEMU enhanced disk image
 * @GVIR_CONFIG_DOMAIN_DISK_FORMAT_VMDK: VMware disk image
 * @GVIR_CONFIG_DOMAIN_DISK_FORMAT_VPC: Virtual PC image
 * @GVIR_CONFIG_DOMAIN_DISK_FORMAT_FAT: directory exposed as a FAT disk
 * @GVIR_CONFIG_DOMAIN_DISK_FORMAT_VHD: Virtual Hard Disk image
 * @GVIR_CONFIG_DOMAIN_DISK_FORMAT_VDI: VirtualBox disk image
 *
 * Image formats of a disk, written as the driver's type attribute.
 */
typedef enum
{
  GVIR_CONFIG_DOMAIN_DISK_FORMAT_RAW,
  GVIR_CONFIG_DOMAIN_DISK_FORMAT_DIR,
  GVIR_CONFIG_DOMAIN_DISK_FORMAT_BOCHS,
  GVIR_CONFIG_DOMAIN_DISK_FORMAT_CLOOP,
  GVIR_CONFIG_DOMAIN_DISK_FORMAT_COW,
  GVIR_CONFIG_DOMAIN_DISK_FORMAT_DMG,
  GVIR_CONFIG_DOMAIN_DISK_FORMAT_ISO,
  GVIR_CONFIG_DOMAIN_DISK_FORMAT_QCOW,
  GVIR_CONFIG_DOMAIN_DISK_FORMAT_QCOW2,
  GVIR_CONFIG_DOMAIN_DISK_FORMAT_QED,
  GVIR_CONFIG_DOMAIN_DISK_FORMAT_VMDK,
  GVIR_CONFIG_DOMAIN_DISK_FORMAT_VPC,
  GVIR_CONFIG_DOMAIN_DISK_FORMAT_FAT,
  GVIR_CONFIG_DOMAIN_DISK_FORMAT_VHD,
  GVIR_CONFIG_DOMAIN_DISK_FORMAT_VDI,
} GVirConfigDomainDiskFormat;

/**
 * GVirConfigDomainDiskCacheType:
 * @GVIR_CONFIG_DOMAIN_DISK_CACHE_DEFAULT: the hypervisor's default
 * @GVIR_CONFIG_DOMAIN_DISK_CACHE_NONE: no host cache
 * @GVIR_CONFIG_DOMAIN_DISK_CACHE_WRITETHROUGH: write-through host cache
 * @GVIR_CONFIG_DOMAIN_DISK_CACHE_WRITEBACK: write-back host cache
 * @GVIR_CONFIG_DOMAIN_DISK_CACHE_DIRECTSYNC: direct I/O, synchronous writes
 * @GVIR_CONFIG_DOMAIN_DISK_CACHE_UNSAFE: host cache, flushes ignored
 *
 * Host cache modes of a disk.
 */
typedef enum
{
  GVIR_CONFIG_DOMAIN_DISK_CACHE_DEFAULT,
  GVIR_CONFIG_DOMAIN_DISK_CACHE_NONE,
  GVIR_CONFIG_DOMAIN_DISK_CACHE_WRITETHROUGH,
  GVIR_CONFIG_DOMAIN_DISK_CACHE_WRITEBACK,
  GVIR_CONFIG_DOMAIN_DISK_CACHE_DIRECTSYNC,
  GVIR_CONFIG_DOMAIN_DISK_CACHE_UNSAFE,
} GVirConfigDomainDiskCacheType;

/**
 * GVirConfigDomainDiskDriverErrorPolicy:
 * @GVIR_CONFIG_DOMAIN_DISK_DRIVER_ERROR_POLICY_STOP: pause the guest on a write error
 * @GVIR_CONFIG_DOMAIN_DISK_DRIVER_ERROR_POLICY_REPORT: pass the error to the guest
 * @GVIR_CONFIG_DOMAIN_DISK_DRIVER_ERROR_POLICY_IGNORE: ignore the error
 * @GVIR_CONFIG_DOMAIN_DISK_DRIVER_ERROR_POLICY_ENOSPACE: pause on "no space left", report others
 *
 * What the hypervisor does when writing to a disk fails (the `error_policy`
 * attribute of `<driver>`).
 */
typedef enum
{
  GVIR_CONFIG_DOMAIN_DISK_DRIVER_ERROR_POLICY_STOP,
  GVIR_CONFIG_DOMAIN_DISK_DRIVER_ERROR_POLICY_REPORT,
  GVIR_CONFIG_DOMAIN_DISK_DRIVER_ERROR_POLICY_IGNORE,
  GVIR_CONFIG_DOMAIN_DISK_DRIVER_ERROR_POLICY_ENOSPACE,
} GVirConfigDomainDiskDriverErrorPolicy;

/**
 * GVirConfigDomainDiskDriverIoPolicy:
 * @GVIR_CONFIG_DOMAIN_DISK_DRIVER_IO_POLICY_THREADS: a pool of user-space threads
 * @GVIR_CONFIG_DOMAIN_DISK_DRIVER_IO_POLICY_NATIVE: the kernel's native asynchronous I/O
 *
 * How the hypervisor submits disk I/O (the `io` attribute of `<driver>`).
 */
typedef enum
{
  GVIR_CONFIG_DOMAIN_DISK_DRIVER_IO_POLICY_THREADS,
  GVIR_CONFIG_DOMAIN_DISK_DRIVER_IO_POLICY_NATIVE,
} GVirConfigDomainDiskDriverIoPolicy;

/**
 * GVirConfigDomainDiskDriverDiscard:
 * @GVIR_CONFIG_DOMAIN_DISK_DRIVER_DISCARD_UNMAP: pass discard requests to the image
 * @GVIR_CONFIG_DOMAIN_DISK_DRIVER_DISCARD_IGNORE: drop discard requests
 *
 * What happens to the guest's discard (trim) requests (the `discard`
 * attribute of `<driver>`).
 */
typedef enum
{
  GVIR_CONFIG_DOMAIN_DISK_DRIVER_DISCARD_UNMAP,
  GVIR_CONFIG_DOMAIN_DISK_DRIVER_DISCARD_IGNORE,
} GVirConfigDomainDiskDriverDiscard;

/**
 * GVIR_CONFIG_TYPE_DOMAIN_DISK_DRIVER:
 *
 * The #GType of #GVirConfigDomainDiskDriver.
 */
#define GVIR_CONFIG_TYPE_DOMAIN_DISK_DRIVER (gvir_config_domain_disk_driver_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigDomainDiskDriver, gvir_config_domain_disk_driver,
                      GVIR_CONFIG, DOMAIN_DISK_DRIVER, GVirConfigObject)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainDiskDriver *gvir_config_domain_disk_driver_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainDiskDriver *gvir_config_domain_disk_driver_new_from_xml (const gchar *xml,
                                                                         GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_domain_disk_driver_get_name (GVirConfigDomainDiskDriver *driver);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_disk_driver_set_name (GVirConfigDomainDiskDriver *driver,
                                              const gchar *name);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainDiskFormat gvir_config_domain_disk_driver_get_format (GVirConfigDomainDiskDriver *driver);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_disk_driver_set_format (GVirConfigDomainDiskDriver *driver,
                                                GVirConfigDomainDiskFormat format);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainDiskCacheType gvir_config_domain_disk_driver_get_cache (GVirConfigDomainDiskDriver *driver);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_disk_driver_set_cache (GVirConfigDomainDiskDriver *driver,
                                               GVirConfigDomainDiskCacheType cache_type);
GVIR_CONFIG_AVAILABLE_IN_ALL
gboolean gvir_config_domain_disk_driver_get_copy_on_read (GVirConfigDomainDiskDriver *driver);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_disk_driver_set_copy_on_read (GVirConfigDomainDiskDriver *driver,
                                                      gboolean copy_on_read);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainDiskDriverErrorPolicy gvir_config_domain_disk_driver_get_error_policy (GVirConfigDomainDiskDriver *driver);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_disk_driver_set_error_policy (GVirConfigDomainDiskDriver *driver,
                                                      GVirConfigDomainDiskDriverErrorPolicy policy);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainDiskDriverIoPolicy gvir_config_domain_disk_driver_get_io_policy (GVirConfigDomainDiskDriver *driver);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_disk_driver_set_io_policy (GVirConfigDomainDiskDriver *driver,
                                                   GVirConfigDomainDiskDriverIoPolicy policy);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainDiskDriverDiscard gvir_config_domain_disk_driver_get_discard (GVirConfigDomainDiskDriver *driver);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_disk_driver_set_discard (GVirConfigDomainDiskDriver *driver,
                                                 GVirConfigDomainDiskDriverDiscard discard);

G_END_DECLS
