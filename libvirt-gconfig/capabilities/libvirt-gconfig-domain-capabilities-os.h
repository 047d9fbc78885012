/*
 * libvirt-gconfig-domain-capabilities-os.h: the OS part of domain capabilities
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
 * GVIR_CONFIG_TYPE_DOMAIN_CAPABILITIES_OS:
 *
 * The #GType of #GVirConfigDomainCapabilitiesOs.
 */
#define GVIR_CONFIG_TYPE_DOMAIN_CAPABILITIES_OS (gvir_config_domain_capabilities_os_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigDomainCapabilitiesOs, gvir_config_domain_capabilities_os,
                      GVIR_CONFIG, DOMAIN_CAPABILITIES_OS, GVirConfigObject)

GVIR_CONFIG_AVAILABLE_IN_ALL
GList *gvir_config_domain_capabilities_os_get_firmwares (GVirConfigDomainCapabilitiesOs *os);
GVIR_CONFIG_AVAILABLE_IN_ALL
gboolean gvir_config_domain_capabilities_os_get_supported (GVirConfigDomainCapabilitiesOs *os);

G_END_DECLS
