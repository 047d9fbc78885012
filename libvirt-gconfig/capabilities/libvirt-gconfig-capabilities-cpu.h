/*
 * libvirt-gconfig-capabilities-cpu.h: a CPU description in capabilities
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
#include <libvirt-gconfig/libvirt-gconfig-capabilities-cpu-feature.h>
#include <libvirt-gconfig/libvirt-gconfig-capabilities-cpu-model.h>
#include <libvirt-gconfig/libvirt-gconfig-capabilities-cpu-topology.h>

G_BEGIN_DECLS

/**
 * GVIR_CONFIG_TYPE_CAPABILITIES_CPU:
 *
 * The #GType of #GVirConfigCapabilitiesCpu.
 */
#define GVIR_CONFIG_TYPE_CAPABILITIES_CPU (gvir_config_capabilities_cpu_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_DERIVABLE_TYPE (GVirConfigCapabilitiesCpu, gvir_config_capabilities_cpu,
                          GVIR_CONFIG, CAPABILITIES_CPU, GVirConfigObject)

/**
 * GVirConfigCapabilitiesCpuClass:
 * @parent_class: the parent class
 *
 * The class of #GVirConfigCapabilitiesCpu.
 */
struct _GVirConfigCapabilitiesCpuClass
{
  GVirConfigObjectClass parent_class;

  /*< private >*/
  gpointer padding[20];
};

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigCapabilitiesCpu *gvir_config_capabilities_cpu_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigCapabilitiesCpu *gvir_config_capabilities_cpu_new_from_xml (const gchar *xml,
                                                                      GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_capabilities_cpu_get_arch (GVirConfigCapabilitiesCpu *cpu);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_capabilities_cpu_set_arch (GVirConfigCapabilitiesCpu *cpu,
                                            const gchar *arch);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigCapabilitiesCpuModel *gvir_config_capabilities_cpu_get_model (GVirConfigCapabilitiesCpu *cpu);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_capabilities_cpu_set_model (GVirConfigCapabilitiesCpu *cpu,
                                             GVirConfigCapabilitiesCpuModel *model);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_capabilities_cpu_add_feature (GVirConfigCapabilitiesCpu *cpu,
                                               GVirConfigCapabilitiesCpuFeature *feature);
GVIR_CONFIG_AVAILABLE_IN_ALL
GList *gvir_config_capabilities_cpu_get_features (GVirConfigCapabilitiesCpu *cpu);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigCapabilitiesCpuTopology *gvir_config_capabilities_cpu_get_topology (GVirConfigCapabilitiesCpu *cpu);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_capabilities_cpu_set_topology (GVirConfigCapabilitiesCpu *cpu,
                                                GVirConfigCapabilitiesCpuTopology *topology);

G_END_DECLS
