/*
 * libvirt-gconfig-domain-redirdev.h: a redirected device
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
#include <libvirt-gconfig/libvirt-gconfig-domain-address.h>

G_BEGIN_DECLS

/**
 * GVirConfigDomainRedirdevBus:
 * @GVIR_CONFIG_DOMAIN_REDIRDEV_BUS_USB: USB
 *
 * Buses a device can be redirected to.
 */
typedef enum
{
  GVIR_CONFIG_DOMAIN_REDIRDEV_BUS_USB, /*< nick=usb >*/
} GVirConfigDomainRedirdevBus;

/**
 * GVIR_CONFIG_TYPE_DOMAIN_REDIRDEV:
 *
 * The #GType of #GVirConfigDomainRedirdev.
 */
#define GVIR_CONFIG_TYPE_DOMAIN_REDIRDEV (gvir_config_domain_redirdev_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigDomainRedirdev, gvir_config_domain_redirdev,
                      GVIR_CONFIG, DOMAIN_REDIRDEV, GVirConfigDomainChardev)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainRedirdev *gvir_config_domain_redirdev_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainRedirdev *gvir_config_domain_redirdev_new_from_xml (const gchar *xml,
                                                                    GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainRedirdevBus gvir_config_domain_redirdev_get_bus (GVirConfigDomainRedirdev *redirdev);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_redirdev_set_bus (GVirConfigDomainRedirdev *redirdev,
                                          GVirConfigDomainRedirdevBus bus);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainAddress *gvir_config_domain_redirdev_get_address (GVirConfigDomainRedirdev *redirdev);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_redirdev_set_address (GVirConfigDomainRedirdev *redirdev,
                                              GVirConfigDomainAddress *address);

G_END_DECLS
