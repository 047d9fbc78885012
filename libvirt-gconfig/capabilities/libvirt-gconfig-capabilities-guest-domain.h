/*
 * libvirt-gconfig-capabilities-guest-domain.h: a domain type of a guest in capabilities
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

G_BEGIN_DECLS

/**
 * GVIR_CONFIG_TYPE_CAPABILITIES_GUEST_DOMAIN:
 *
 * The #GType of #GVirConfigCapabilitiesGuestDomain.
 */
#define GVIR_CONFIG_TYPE_CAPABILITIES_GUEST_DOMAIN (gvir_config_capabilities_guest_domain_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigCapabilitiesGuestDomain, gvir_config_capabilities_guest_domain,
                      GVIR_CONFIG, CAPABILITIES_GUEST_DOMAIN, GVirConfigObject)

GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_capabilities_guest_domain_get_emulator (GVirConfigCapabilitiesGuestDomain *domain);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainVirtType gvir_config_capabilities_guest_domain_get_virt_type (GVirConfigCapabilitiesGuestDomain *domain);

G_END_DECLS
