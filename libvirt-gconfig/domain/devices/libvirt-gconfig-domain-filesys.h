/*
 * libvirt-gconfig-domain-filesys.h: a shared filesystem
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
 * GVirConfigDomainFilesysType:
 * @GVIR_CONFIG_DOMAIN_FILESYS_MOUNT: a host directory
 * @GVIR_CONFIG_DOMAIN_FILESYS_BLOCK: a host block device
 * @GVIR_CONFIG_DOMAIN_FILESYS_FILE: a host image file
 * @GVIR_CONFIG_DOMAIN_FILESYS_TEMPLATE: an OpenVZ template
 * @GVIR_CONFIG_DOMAIN_FILESYS_RAM: a RAM filesystem
 * @GVIR_CONFIG_DOMAIN_FILESYS_BIND: a directory bind-mounted inside the guest
 *
 * Kinds of filesystem sources, the type attribute.
 */
typedef enum
{
  GVIR_CONFIG_DOMAIN_FILESYS_MOUNT,
  GVIR_CONFIG_DOMAIN_FILESYS_BLOCK,
  GVIR_CONFIG_DOMAIN_FILESYS_FILE,
  GVIR_CONFIG_DOMAIN_FILESYS_TEMPLATE,
  GVIR_CONFIG_DOMAIN_FILESYS_RAM,
  GVIR_CONFIG_DOMAIN_FILESYS_BIND,
} GVirConfigDomainFilesysType;

/**
 * GVirConfigDomainFilesysAccessType:
 * @GVIR_CONFIG_DOMAIN_FILESYS_ACCESS_PASSTHROUGH: host file permissions apply as they are
 * @GVIR_CONFIG_DOMAIN_FILESYS_ACCESS_MAPPED: guest credentials are kept in extended attributes
 * @GVIR_CONFIG_DOMAIN_FILESYS_ACCESS_SQUASHED: like passthrough, failures of privileged operations ignored
 *
 * Security models of a shared directory, the accessmode attribute.
 */
typedef enum
{
  GVIR_CONFIG_DOMAIN_FILESYS_ACCESS_PASSTHROUGH,
  GVIR_CONFIG_DOMAIN_FILESYS_ACCESS_MAPPED,
  GVIR_CONFIG_DOMAIN_FILESYS_ACCESS_SQUASHED, /*< nick=squash >*/
} GVirConfigDomainFilesysAccessType;

/**
 * GVirConfigDomainFilesysDriverType:
 * @GVIR_CONFIG_DOMAIN_FILESYS_DRIVER_DEFAULT: the hypervisor default (no driver type)
 * @GVIR_CONFIG_DOMAIN_FILESYS_DRIVER_PATH: path-based
 * @GVIR_CONFIG_DOMAIN_FILESYS_DRIVER_HANDLE: handle-based
 * @GVIR_CONFIG_DOMAIN_FILESYS_DRIVER_LOOP: loop device
 * @GVIR_CONFIG_DOMAIN_FILESYS_DRIVER_NBD: network block device
 * @GVIR_CONFIG_DOMAIN_FILESYS_DRIVER_PLOOP: Parallels loop device
 *
 * Filesystem drivers, the type attribute of `<driver>`.
 */
typedef enum
{
  GVIR_CONFIG_DOMAIN_FILESYS_DRIVER_DEFAULT,
  GVIR_CONFIG_DOMAIN_FILESYS_DRIVER_PATH,
  GVIR_CONFIG_DOMAIN_FILESYS_DRIVER_HANDLE,
  GVIR_CONFIG_DOMAIN_FILESYS_DRIVER_LOOP,
  GVIR_CONFIG_DOMAIN_FILESYS_DRIVER_NBD,
  GVIR_CONFIG_DOMAIN_FILESYS_DRIVER_PLOOP,
} GVirConfigDomainFilesysDriverType;

/**
 * GVIR_CONFIG_TYPE_DOMAIN_FILESYS:
 *
 * The #GType of #GVirConfigDomainFilesys.
 */
#define GVIR_CONFIG_TYPE_DOMAIN_FILESYS (gvir_config_domain_filesys_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigDomainFilesys, gvir_config_domain_filesys,
                      GVIR_CONFIG, DOMAIN_FILESYS, GVirConfigDomainDevice)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainFilesys *gvir_config_domain_filesys_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainFilesys *gvir_config_domain_filesys_new_from_xml (const gchar *xml,
                                                                  GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainFilesysType gvir_config_domain_filesys_get_filesys_type (GVirConfigDomainFilesys *filesys);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_filesys_set_type (GVirConfigDomainFilesys *filesys,
                                          GVirConfigDomainFilesysType type);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainFilesysAccessType gvir_config_domain_filesys_get_access_type (GVirConfigDomainFilesys *filesys);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_filesys_set_access_type (GVirConfigDomainFilesys *filesys,
                                                 GVirConfigDomainFilesysAccessType type);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainFilesysDriverType gvir_config_domain_filesys_get_driver_type (GVirConfigDomainFilesys *filesys);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_filesys_set_driver_type (GVirConfigDomainFilesys *filesys,
                                                 GVirConfigDomainFilesysDriverType type);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainDiskFormat gvir_config_domain_filesys_get_driver_format (GVirConfigDomainFilesys *filesys);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_filesys_set_driver_format (GVirConfigDomainFilesys *filesys,
                                                   GVirConfigDomainDiskFormat format);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_domain_filesys_get_source (GVirConfigDomainFilesys *filesys);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_filesys_set_source (GVirConfigDomainFilesys *filesys,
                                            const char *source);
GVIR_CONFIG_AVAILABLE_IN_ALL
guint64 gvir_config_domain_filesys_get_ram_usage (GVirConfigDomainFilesys *filesys);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_filesys_set_ram_usage (GVirConfigDomainFilesys *filesys,
                                               guint64 bytes);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_domain_filesys_get_target (GVirConfigDomainFilesys *filesys);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_filesys_set_target (GVirConfigDomainFilesys *filesys,
                                            const gchar *target);
GVIR_CONFIG_AVAILABLE_IN_ALL
gboolean gvir_config_domain_filesys_get_readonly (GVirConfigDomainFilesys *filesys);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_filesys_set_readonly (GVirConfigDomainFilesys *filesys,
                                              gboolean readonly);

G_END_DECLS
