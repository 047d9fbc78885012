/*
 * libvirt-gconfig-capabilities-guest.h: a guest type in capabilities
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
#include <libvirt-gconfig/libvirt-gconfig-domain-os.h>
#include <libvirt-gconfig/libvirt-gconfig-capabilities-guest-arch.h>
#include <libvirt-gconfig/libvirt-gconfig-capabilities-guest-feature.h>

G_BEGIN_DECLS

/**
 * GVIR_CONFIG_TYPE_CAPABILITIES_GUEST:
 *
 * The #GType of #GVirConfigCapabilitiesGuest.
 */
#define GVIR_CONFIG_TYPE_CAPABILITIES_GUEST (gvir_config_capabilities_guest_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigCapabilitiesGuest, gvir_config_capabilities_guest,
                      GVIR_CONFIG, CAPABILITIES_GUEST, GVirConfigObject)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainOsType gvir_config_capabilities_guest_get_os_type (GVirConfigCapabilitiesGuest *guest);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigCapabilitiesGuestArch *gvir_config_capabilities_guest_get_arch (GVirConfigCapabilitiesGuest *guest);
GVIR_CONFIG_AVAILABLE_IN_ALL
GList *gvir_config_capabilities_guest_get_features (GVirConfigCapabilitiesGuest *guest);

G_END_DECLS
