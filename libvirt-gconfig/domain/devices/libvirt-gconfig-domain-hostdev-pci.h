/*
 * libvirt-gconfig-domain-hostdev-pci.h: a host PCI device
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
#include <libvirt-gconfig/libvirt-gconfig-domain-hostdev.h>
#include <libvirt-gconfig/libvirt-gconfig-domain-address-pci.h>

G_BEGIN_DECLS

/**
 * GVIR_CONFIG_TYPE_DOMAIN_HOSTDEV_PCI:
 *
 * The #GType of #GVirConfigDomainHostdevPci.
 */
#define GVIR_CONFIG_TYPE_DOMAIN_HOSTDEV_PCI (gvir_config_domain_hostdev_pci_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigDomainHostdevPci, gvir_config_domain_hostdev_pci,
                      GVIR_CONFIG, DOMAIN_HOSTDEV_PCI, GVirConfigDomainHostdev)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainHostdevPci *gvir_config_domain_hostdev_pci_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainHostdevPci *gvir_config_domain_hostdev_pci_new_from_xml (const gchar *xml,
                                                                         GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainAddressPci *gvir_config_domain_hostdev_pci_get_address (GVirConfigDomainHostdevPci *hostdev);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_hostdev_pci_set_address (GVirConfigDomainHostdevPci *hostdev,
                                                 GVirConfigDomainAddressPci *address);
GVIR_CONFIG_AVAILABLE_IN_ALL
gboolean gvir_config_domain_hostdev_pci_get_managed (GVirConfigDomainHostdevPci *hostdev);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_hostdev_pci_set_managed (GVirConfigDomainHostdevPci *hostdev,
                                                 gboolean managed);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_domain_hostdev_pci_get_rom_file (GVirConfigDomainHostdevPci *hostdev);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_hostdev_pci_set_rom_file (GVirConfigDomainHostdevPci *hostdev,
                                                  const gchar *file);
GVIR_CONFIG_AVAILABLE_IN_ALL
gboolean gvir_config_domain_hostdev_pci_get_rom_bar (GVirConfigDomainHostdevPci *hostdev);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_hostdev_pci_set_rom_bar (GVirConfigDomainHostdevPci *hostdev,
                                                 gboolean bar);

G_END_DECLS
