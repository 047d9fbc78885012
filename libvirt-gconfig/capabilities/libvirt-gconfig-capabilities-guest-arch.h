/*
 * libvirt-gconfig-capabilities-guest-arch.h: an architecture of a guest in capabilities
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
#include <libvirt-gconfig/libvirt-gconfig-capabilities-guest-domain.h>

G_BEGIN_DECLS

/**
 * GVIR_CONFIG_TYPE_CAPABILITIES_GUEST_ARCH:
 *
 * The #GType of #GVirConfigCapabilitiesGuestArch.
 */
#define GVIR_CONFIG_TYPE_CAPABILITIES_GUEST_ARCH (gvir_config_capabilities_guest_arch_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigCapabilitiesGuestArch, gvir_config_capabilities_guest_arch,
                      GVIR_CONFIG, CAPABILITIES_GUEST_ARCH, GVirConfigObject)

GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_capabilities_guest_arch_get_name (GVirConfigCapabilitiesGuestArch *arch);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_capabilities_guest_arch_get_emulator (GVirConfigCapabilitiesGuestArch *arch);
GVIR_CONFIG_AVAILABLE_IN_ALL
guint gvir_config_capabilities_guest_arch_get_wordsize (GVirConfigCapabilitiesGuestArch *arch);
GVIR_CONFIG_AVAILABLE_IN_ALL
GList *gvir_config_capabilities_guest_arch_get_domains (GVirConfigCapabilitiesGuestArch *arch);

G_END_DECLS
