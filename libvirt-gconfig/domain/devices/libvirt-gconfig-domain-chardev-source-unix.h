/*
 * libvirt-gconfig-domain-chardev-source-unix.h: a UNIX socket character device source
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
#include <libvirt-gconfig/libvirt-gconfig-domain-chardev-source.h>

G_BEGIN_DECLS

/**
 * GVirConfigDomainChardevSourceUnixMode:
 * @GVIR_CONFIG_DOMAIN_CHARDEV_SOURCE_UNIX_MODE_BIND: the hypervisor creates and listens on the socket
 * @GVIR_CONFIG_DOMAIN_CHARDEV_SOURCE_UNIX_MODE_CONNECT: the hypervisor connects to an existing socket
 *
 * Which side of a UNIX socket source creates the socket.
 */
typedef enum
{
  GVIR_CONFIG_DOMAIN_CHARDEV_SOURCE_UNIX_MODE_BIND,
  GVIR_CONFIG_DOMAIN_CHARDEV_SOURCE_UNIX_MODE_CONNECT,
} GVirConfigDomainChardevSourceUnixMode;

/**
 * GVIR_CONFIG_TYPE_DOMAIN_CHARDEV_SOURCE_UNIX:
 *
 * The #GType of #GVirConfigDomainChardevSourceUnix.
 */
#define GVIR_CONFIG_TYPE_DOMAIN_CHARDEV_SOURCE_UNIX (gvir_config_domain_chardev_source_unix_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigDomainChardevSourceUnix, gvir_config_domain_chardev_source_unix,
                      GVIR_CONFIG, DOMAIN_CHARDEV_SOURCE_UNIX, GVirConfigDomainChardevSource)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainChardevSourceUnix *gvir_config_domain_chardev_source_unix_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainChardevSourceUnix *gvir_config_domain_chardev_source_unix_new_from_xml (const gchar *xml,
                                                                                        GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_domain_chardev_source_unix_get_path (GVirConfigDomainChardevSourceUnix *source);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_chardev_source_unix_set_path (GVirConfigDomainChardevSourceUnix *source,
                                                      const gchar *path);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainChardevSourceUnixMode gvir_config_domain_chardev_source_unix_get_mode (GVirConfigDomainChardevSourceUnix *source);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_chardev_source_unix_set_mode (GVirConfigDomainChardevSourceUnix *source,
                                                      GVirConfigDomainChardevSourceUnixMode mode);

G_END_DECLS
