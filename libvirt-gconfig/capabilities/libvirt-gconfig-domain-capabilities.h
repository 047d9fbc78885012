/*
 * libvirt-gconfig-domain-capabilities.h: what a hypervisor offers one domain type
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
#include <libvirt-gconfig/libvirt-gconfig-domain.h>
#include <libvirt-gconfig/libvirt-gconfig-domain-capabilities-os.h>

G_BEGIN_DECLS

/**
 * GVIR_CONFIG_TYPE_DOMAIN_CAPABILITIES:
 *
 * The #GType of #GVirConfigDomainCapabilities.
 */
#define GVIR_CONFIG_TYPE_DOMAIN_CAPABILITIES (gvir_config_domain_capabilities_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigDomainCapabilities, gvir_config_domain_capabilities,
                      GVIR_CONFIG, DOMAIN_CAPABILITIES, GVirConfigObject)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainCapabilities *gvir_config_domain_capabilities_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainCapabilities *gvir_config_domain_capabilities_new_from_xml (const gchar *xml,
                                                                            GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainCapabilitiesOs *gvir_config_domain_capabilities_get_os (GVirConfigDomainCapabilities *domain_caps);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_domain_capabilities_get_path (GVirConfigDomainCapabilities *domain_caps);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainVirtType gvir_config_domain_capabilities_get_virt_type (GVirConfigDomainCapabilities *domain_caps);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_domain_capabilities_get_machine (GVirConfigDomainCapabilities *domain_caps);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_domain_capabilities_get_arch (GVirConfigDomainCapabilities *domain_caps);
GVIR_CONFIG_AVAILABLE_IN_ALL
guint gvir_config_domain_capabilities_get_max_vcpus (GVirConfigDomainCapabilities *domain_caps);

G_END_DECLS
