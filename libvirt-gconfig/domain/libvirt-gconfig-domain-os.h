/*
 * libvirt-gconfig-domain-os.h: the operating system booting part of a domain
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
 * GVirConfigDomainOsType:
 * @GVIR_CONFIG_DOMAIN_OS_TYPE_HVM: fully virtualised guest
 * @GVIR_CONFIG_DOMAIN_OS_TYPE_LINUX: Xen paravirtualised Linux guest (old name)
 * @GVIR_CONFIG_DOMAIN_OS_TYPE_EXE: container running an executable
 * @GVIR_CONFIG_DOMAIN_OS_TYPE_XEN: Xen paravirtualised guest
 * @GVIR_CONFIG_DOMAIN_OS_TYPE_UML: User Mode Linux guest
 *
 * Kinds of guest operating system, the content of `<os><type>`.
 */
typedef enum
{
  GVIR_CONFIG_DOMAIN_OS_TYPE_HVM,
  GVIR_CONFIG_DOMAIN_OS_TYPE_LINUX,
  GVIR_CONFIG_DOMAIN_OS_TYPE_EXE,
  GVIR_CONFIG_DOMAIN_OS_TYPE_XEN,
  GVIR_CONFIG_DOMAIN_OS_TYPE_UML,
} GVirConfigDomainOsType;

/**
 * GVirConfigDomainOsSmBiosMode:
 * @GVIR_CONFIG_DOMAIN_OS_SMBIOS_MODE_EMULATE: the hypervisor's own SMBIOS data
 * @GVIR_CONFIG_DOMAIN_OS_SMBIOS_MODE_HOST: copied from the host
 * @GVIR_CONFIG_DOMAIN_OS_SMBIOS_MODE_SYSINFO: taken from the domain's `<sysinfo>`
 *
 * Sources of the guest's SMBIOS tables.
 */
typedef enum
{
  GVIR_CONFIG_DOMAIN_OS_SMBIOS_MODE_EMULATE,
  GVIR_CONFIG_DOMAIN_OS_SMBIOS_MODE_HOST,
  GVIR_CONFIG_DOMAIN_OS_SMBIOS_MODE_SYSINFO,
} GVirConfigDomainOsSmBiosMode;

/**
 * GVirConfigDomainOsBootDevice:
 * @GVIR_CONFIG_DOMAIN_OS_BOOT_DEVICE_FD: floppy
 * @GVIR_CONFIG_DOMAIN_OS_BOOT_DEVICE_HD: hard disk
 * @GVIR_CONFIG_DOMAIN_OS_BOOT_DEVICE_CDROM: CD-ROM
 * @GVIR_CONFIG_DOMAIN_OS_BOOT_DEVICE_NETWORK: network (PXE)
 *
 * Devices the BIOS may boot from, in `<boot dev=...>`.
 */
typedef enum
{
  GVIR_CONFIG_DOMAIN_OS_BOOT_DEVICE_FD,
  GVIR_CONFIG_DOMAIN_OS_BOOT_DEVICE_HD,
  GVIR_CONFIG_DOMAIN_OS_BOOT_DEVICE_CDROM,
  GVIR_CONFIG_DOMAIN_OS_BOOT_DEVICE_NETWORK,
} GVirConfigDomainOsBootDevice;

/**
 * GVirConfigDomainOsFirmware:
 * @GVIR_CONFIG_DOMAIN_OS_FIRMWARE_BIOS: legacy BIOS
 * @GVIR_CONFIG_DOMAIN_OS_FIRMWARE_EFI: UEFI
 *
 * Firmware kinds, in `<os firmware=...>`.
 */
typedef enum
{
  GVIR_CONFIG_DOMAIN_OS_FIRMWARE_BIOS,
  GVIR_CONFIG_DOMAIN_OS_FIRMWARE_EFI,
} GVirConfigDomainOsFirmware;

/**
 * GVIR_CONFIG_TYPE_DOMAIN_OS:
 *
 * The #GType of #GVirConfigDomainOs.
 */
#define GVIR_CONFIG_TYPE_DOMAIN_OS (gvir_config_domain_os_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigDomainOs, gvir_config_domain_os,
                      GVIR_CONFIG, DOMAIN_OS, GVirConfigObject)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainOs *gvir_config_domain_os_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainOs *gvir_config_domain_os_new_from_xml (const gchar *xml, GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainOsType gvir_config_domain_os_get_os_type (GVirConfigDomainOs *os);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_os_set_os_type (GVirConfigDomainOs *os, GVirConfigDomainOsType type);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_domain_os_get_arch (GVirConfigDomainOs *os);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_os_set_arch (GVirConfigDomainOs *os, const gchar *arch);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_domain_os_get_machine (GVirConfigDomainOs *os);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_os_set_machine (GVirConfigDomainOs *os, const gchar *machine);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_domain_os_get_kernel (GVirConfigDomainOs *os);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_os_set_kernel (GVirConfigDomainOs *os, const gchar *kernel);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_domain_os_get_ramdisk (GVirConfigDomainOs *os);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_os_set_ramdisk (GVirConfigDomainOs *os, const gchar *ramdisk);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_domain_os_get_cmdline (GVirConfigDomainOs *os);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_os_set_cmdline (GVirConfigDomainOs *os, const gchar *cmdline);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_domain_os_get_init (GVirConfigDomainOs *os);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_os_set_init (GVirConfigDomainOs *os, const gchar *init);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_domain_os_get_loader (GVirConfigDomainOs *os);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_os_set_loader (GVirConfigDomainOs *os, const gchar *loader);
GVIR_CONFIG_AVAILABLE_IN_ALL
GList *gvir_config_domain_os_get_boot_devices (GVirConfigDomainOs *os);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_os_set_boot_devices (GVirConfigDomainOs *os, GList *boot_devices);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainOsSmBiosMode gvir_config_domain_os_get_smbios_mode (GVirConfigDomainOs *os);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_os_set_smbios_mode (GVirConfigDomainOs *os,
                                            GVirConfigDomainOsSmBiosMode mode);
GVIR_CONFIG_AVAILABLE_IN_ALL
gboolean gvir_config_domain_os_get_boot_menu_enabled (GVirConfigDomainOs *os);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_os_enable_boot_menu (GVirConfigDomainOs *os, gboolean enable);
GVIR_CONFIG_AVAILABLE_IN_ALL
gboolean gvir_config_domain_os_get_bios_serial_enabled (GVirConfigDomainOs *os);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_os_bios_enable_serial (GVirConfigDomainOs *os, gboolean enable);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainOsFirmware gvir_config_domain_os_get_firmware (GVirConfigDomainOs *os);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_os_set_firmware (GVirConfigDomainOs *os,
                                         GVirConfigDomainOsFirmware firmware);

G_END_DECLS
