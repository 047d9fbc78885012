/*
 * libvirt-gconfig-capabilities-host.h: the host part of capabilities
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
#include <libvirt-gconfig/libvirt-gconfig-capabilities-cpu.h>
#include <libvirt-gconfig/libvirt-gconfig-capabilities-cell.h>
#include <libvirt-gconfig/libvirt-gconfig-capabilities-host-secmodel.h>

G_BEGIN_DECLS

/**
 * GVIR_CONFIG_TYPE_CAPABILITIES_HOST:
 *
 * The #GType of #GVirConfigCapabilitiesHost.
 */
#define GVIR_CONFIG_TYPE_CAPABILITIES_HOST (gvir_config_capabilities_host_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigCapabilitiesHost, gvir_config_capabilities_host,
                      GVIR_CONFIG, CAPABILITIES_HOST, GVirConfigObject)

GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_capabilities_host_get_uuid (GVirConfigCapabilitiesHost *host);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigCapabilitiesCpu *gvir_config_capabilities_host_get_cpu (GVirConfigCapabilitiesHost *host);
GVIR_CONFIG_AVAILABLE_IN_ALL
GList *gvir_config_capabilities_host_get_secmodels (GVirConfigCapabilitiesHost *host);
GVIR_CONFIG_AVAILABLE_IN_ALL
GList *gvir_config_capabilities_host_get_cells (GVirConfigCapabilitiesHost *host);

G_END_DECLS
