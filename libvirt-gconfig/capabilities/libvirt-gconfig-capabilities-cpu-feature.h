/*
 * libvirt-gconfig-capabilities-cpu-feature.h: a CPU feature in capabilities
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
 * GVIR_CONFIG_TYPE_CAPABILITIES_CPU_FEATURE:
 *
 * The #GType of #GVirConfigCapabilitiesCpuFeature.
 */
#define GVIR_CONFIG_TYPE_CAPABILITIES_CPU_FEATURE (gvir_config_capabilities_cpu_feature_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_DERIVABLE_TYPE (GVirConfigCapabilitiesCpuFeature, gvir_config_capabilities_cpu_feature,
                          GVIR_CONFIG, CAPABILITIES_CPU_FEATURE, GVirConfigObject)

/**
 * GVirConfigCapabilitiesCpuFeatureClass:
 * @parent_class: the parent class
 *
 * The class of #GVirConfigCapabilitiesCpuFeature.
 */
struct _GVirConfigCapabilitiesCpuFeatureClass
{
  GVirConfigObjectClass parent_class;

  /*< private >*/
  gpointer padding[20];
};

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigCapabilitiesCpuFeature *gvir_config_capabilities_cpu_feature_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigCapabilitiesCpuFeature *gvir_config_capabilities_cpu_feature_new_from_xml (const gchar *xml,
                                                                                     GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_capabilities_cpu_feature_get_name (GVirConfigCapabilitiesCpuFeature *feature);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_capabilities_cpu_feature_set_name (GVirConfigCapabilitiesCpuFeature *feature,
                                                    const gchar *name);

G_END_DECLS
