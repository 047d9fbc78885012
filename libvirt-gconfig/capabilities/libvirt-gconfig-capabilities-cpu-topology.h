/*
 * libvirt-gconfig-capabilities-cpu-topology.h: CPU topology (sockets, cores, threads)
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
 * GVIR_CONFIG_TYPE_CAPABILITIES_CPU_TOPOLOGY:
 *
 * The #GType of #GVirConfigCapabilitiesCpuTopology.
 */
#define GVIR_CONFIG_TYPE_CAPABILITIES_CPU_TOPOLOGY (gvir_config_capabilities_cpu_topology_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigCapabilitiesCpuTopology, gvir_config_capabilities_cpu_topology,
                      GVIR_CONFIG, CAPABILITIES_CPU_TOPOLOGY, GVirConfigObject)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigCapabilitiesCpuTopology *gvir_config_capabilities_cpu_topology_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigCapabilitiesCpuTopology *gvir_config_capabilities_cpu_topology_new_from_xml (const gchar *xml,
                                                                                       GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
guint64 gvir_config_capabilities_cpu_topology_get_sockets (GVirConfigCapabilitiesCpuTopology *topology);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_capabilities_cpu_topology_set_sockets (GVirConfigCapabilitiesCpuTopology *topology,
                                                        guint64 sockets);
GVIR_CONFIG_AVAILABLE_IN_ALL
guint64 gvir_config_capabilities_cpu_topology_get_cores (GVirConfigCapabilitiesCpuTopology *topology);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_capabilities_cpu_topology_set_cores (GVirConfigCapabilitiesCpuTopology *topology,
                                                      guint64 cores);
GVIR_CONFIG_AVAILABLE_IN_ALL
guint64 gvir_config_capabilities_cpu_topology_get_threads (GVirConfigCapabilitiesCpuTopology *topology);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_capabilities_cpu_topology_set_threads (GVirConfigCapabilitiesCpuTopology *topology,
                                                        guint64 threads);

G_END_DECLS
