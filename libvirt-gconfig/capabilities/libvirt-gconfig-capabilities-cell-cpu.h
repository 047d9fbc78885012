/*
 * libvirt-gconfig-capabilities-cell-cpu.h: a CPU of a host NUMA cell
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
 * GVIR_CONFIG_TYPE_CAPABILITIES_CELL_CPU:
 *
 * The #GType of #GVirConfigCapabilitiesCellCpu.
 */
#define GVIR_CONFIG_TYPE_CAPABILITIES_CELL_CPU (gvir_config_capabilities_cell_cpu_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigCapabilitiesCellCpu, gvir_config_capabilities_cell_cpu,
                      GVIR_CONFIG, CAPABILITIES_CELL_CPU, GVirConfigObject)

GVIR_CONFIG_AVAILABLE_IN_ALL
guint gvir_config_capabilities_cell_cpu_get_id (GVirConfigCapabilitiesCellCpu *cpu);
GVIR_CONFIG_AVAILABLE_IN_ALL
gint gvir_config_capabilities_cell_cpu_get_socket_id (GVirConfigCapabilitiesCellCpu *cpu);
GVIR_CONFIG_AVAILABLE_IN_ALL
gint gvir_config_capabilities_cell_cpu_get_core_id (GVirConfigCapabilitiesCellCpu *cpu);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_capabilities_cell_cpu_get_siblings (GVirConfigCapabilitiesCellCpu *cpu);

G_END_DECLS
