/*
 * libvirt-gconfig-capabilities-cpu-model.h: a CPU model in capabilities
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
 * GVIR_CONFIG_TYPE_CAPABILITIES_CPU_MODEL:
 *
 * The #GType of #GVirConfigCapabilitiesCpuModel.
 */
#define GVIR_CONFIG_TYPE_CAPABILITIES_CPU_MODEL (gvir_config_capabilities_cpu_model_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_DERIVABLE_TYPE (GVirConfigCapabilitiesCpuModel, gvir_config_capabilities_cpu_model,
                          GVIR_CONFIG, CAPABILITIES_CPU_MODEL, GVirConfigObject)

/**
 * GVirConfigCapabilitiesCpuModelClass:
 * @parent_class: the parent class
 *
 * The class of #GVirConfigCapabilitiesCpuModel.
 */
struct _GVirConfigCapabilitiesCpuModelClass
{
  GVirConfigObjectClass parent_class;

  /*< private >*/
  gpointer padding[20];
};

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigCapabilitiesCpuModel *gvir_config_capabilities_cpu_model_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigCapabilitiesCpuModel *gvir_config_capabilities_cpu_model_new_from_xml (const gchar *xml,
                                                                                 GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_capabilities_cpu_model_get_name (GVirConfigCapabilitiesCpuModel *model);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_capabilities_cpu_model_set_name (GVirConfigCapabilitiesCpuModel *model,
                                                  const gchar *name);

G_END_DECLS
