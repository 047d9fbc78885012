/*
 * libvirt-gconfig-domain-address-usb.h: a USB device address
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
#include <libvirt-gconfig/libvirt-gconfig-domain-address.h>

G_BEGIN_DECLS

/**
 * GVIR_CONFIG_TYPE_DOMAIN_ADDRESS_USB:
 *
 * The #GType of #GVirConfigDomainAddressUsb.
 */
#define GVIR_CONFIG_TYPE_DOMAIN_ADDRESS_USB (gvir_config_domain_address_usb_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigDomainAddressUsb, gvir_config_domain_address_usb,
                      GVIR_CONFIG, DOMAIN_ADDRESS_USB, GVirConfigDomainAddress)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainAddressUsb *gvir_config_domain_address_usb_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainAddressUsb *gvir_config_domain_address_usb_new_from_xml (const gchar *xml,
                                                                         GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
int gvir_config_domain_address_usb_get_bus (GVirConfigDomainAddressUsb *address);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_address_usb_set_bus (GVirConfigDomainAddressUsb *address,
                                             guint16 bus);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_domain_address_usb_get_port (GVirConfigDomainAddressUsb *address);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_address_usb_set_port (GVirConfigDomainAddressUsb *address,
                                              const char *port);

G_END_DECLS
