/*
 * libvirt-gconfig-domain-console.h: a text console
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
#include <libvirt-gconfig/libvirt-gconfig-domain-chardev.h>

G_BEGIN_DECLS

/**
 * GVirConfigDomainConsoleTargetType:
 * @GVIR_CONFIG_DOMAIN_CONSOLE_TARGET_XEN: Xen paravirtual console
 * @GVIR_CONFIG_DOMAIN_CONSOLE_TARGET_SERIAL: the first serial port
 * @GVIR_CONFIG_DOMAIN_CONSOLE_TARGET_UML: User Mode Linux console
 * @GVIR_CONFIG_DOMAIN_CONSOLE_TARGET_VIRTIO: virtio console
 * @GVIR_CONFIG_DOMAIN_CONSOLE_TARGET_LXC: LXC console
 * @GVIR_CONFIG_DOMAIN_CONSOLE_TARGET_OPENVZ: OpenVZ console
 *
 * Kinds of console targets, the type attribute of `<target>`.
 */
typedef enum
{
  GVIR_CONFIG_DOMAIN_CONSOLE_TARGET_XEN,
  GVIR_CONFIG_DOMAIN_CONSOLE_TARGET_SERIAL,
  GVIR_CONFIG_DOMAIN_CONSOLE_TARGET_UML,
  GVIR_CONFIG_DOMAIN_CONSOLE_TARGET_VIRTIO,
  GVIR_CONFIG_DOMAIN_CONSOLE_TARGET_LXC,
  GVIR_CONFIG_DOMAIN_CONSOLE_TARGET_OPENVZ,
} GVirConfigDomainConsoleTargetType;

/**
 * GVIR_CONFIG_TYPE_DOMAIN_CONSOLE:
 *
 * The #GType of #GVirConfigDomainConsole.
 */
#define GVIR_CONFIG_TYPE_DOMAIN_CONSOLE (gvir_config_domain_console_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigDomainConsole, gvir_config_domain_console,
                      GVIR_CONFIG, DOMAIN_CONSOLE, GVirConfigDomainChardev)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainConsole *gvir_config_domain_console_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainConsole *gvir_config_domain_console_new_from_xml (const gchar *xml,
                                                                  GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainConsoleTargetType gvir_config_domain_console_get_target_type (GVirConfigDomainConsole *console);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_console_set_target_type (GVirConfigDomainConsole *console,
                                                 GVirConfigDomainConsoleTargetType type);

G_END_DECLS
