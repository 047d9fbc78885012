/*
 * libvirt-gconfig-capabilities.h: host capabilities
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
#include <libvirt-gconfig/libvirt-gconfig-capabilities-host.h>
#include <libvirt-gconfig/libvirt-gconfig-capabilities-guest.h>

G_BEGIN_DECLS

/**
 * GVIR_CONFIG_TYPE_CAPABILITIES:
 *
 * The #GType of #GVirConfigCapabilities.
 */
#define GVIR_CONFIG_TYPE_CAPABILITIES (gvir_config_capabilities_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigCapabilities, gvir_config_capabilities,
                      GVIR_CONFIG, CAPABILITIES, GVirConfigObject)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigCapabilities *gvir_config_capabilities_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigCapabilities *gvir_config_capabilities_new_from_xml (const gchar *xml,
                                                               GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigCapabilitiesHost *gvir_config_capabilities_get_host (GVirConfigCapabilities *caps);
GVIR_CONFIG_AVAILABLE_IN_ALL
GList *gvir_config_capabilities_get_guests (GVirConfigCapabilities *caps);

G_END_DECLS
