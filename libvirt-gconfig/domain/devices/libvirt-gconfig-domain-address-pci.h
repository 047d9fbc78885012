/*
 * libvirt-gconfig-domain-address-pci.h: a PCI device address
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
 * GVIR_CONFIG_TYPE_DOMAIN_ADDRESS_PCI:
 *
 * The #GType of #GVirConfigDomainAddressPci.
 */
#define GVIR_CONFIG_TYPE_DOMAIN_ADDRESS_PCI (gvir_config_domain_address_pci_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigDomainAddressPci, gvir_config_domain_address_pci,
                      GVIR_CONFIG, DOMAIN_ADDRESS_PCI, GVirConfigDomainAddress)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainAddressPci *gvir_config_domain_address_pci_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainAddressPci *gvir_config_domain_address_pci_new_from_xml (const gchar *xml,
                                                                         GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
int gvir_config_domain_address_pci_get_domain (GVirConfigDomainAddressPci *address);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_address_pci_set_domain (GVirConfigDomainAddressPci *address,
                                                guint16 pci_domain);
GVIR_CONFIG_AVAILABLE_IN_ALL
int gvir_config_domain_address_pci_get_bus (GVirConfigDomainAddressPci *address);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_address_pci_set_bus (GVirConfigDomainAddressPci *address,
                                             guchar bus);
GVIR_CONFIG_AVAILABLE_IN_ALL
int gvir_config_domain_address_pci_get_slot (GVirConfigDomainAddressPci *address);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_address_pci_set_slot (GVirConfigDomainAddressPci *address,
                                              guchar slot);
GVIR_CONFIG_AVAILABLE_IN_ALL
int gvir_config_domain_address_pci_get_function (GVirConfigDomainAddressPci *address);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_address_pci_set_function (GVirConfigDomainAddressPci *address,
                                                  guchar function);
GVIR_CONFIG_AVAILABLE_IN_ALL
gboolean gvir_config_domain_address_pci_get_multifunction (GVirConfigDomainAddressPci *address);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_address_pci_set_multifunction (GVirConfigDomainAddressPci *address,
                                                       gboolean multifunction);

G_END_DECLS
