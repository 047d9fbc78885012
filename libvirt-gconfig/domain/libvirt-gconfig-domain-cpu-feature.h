/*
 * libvirt-gconfig-domain-cpu-feature.h: a CPU feature of a domain
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

G_BEGIN_DECLS

/**
 * GVirConfigDomainCpuFeaturePolicy:
 * @GVIR_CONFIG_DOMAIN_CPU_FEATURE_POLICY_FORCE: enabled whatever the host supports
 * @GVIR_CONFIG_DOMAIN_CPU_FEATURE_POLICY_REQUIRE: enabled; the domain fails to start without host support
 * @GVIR_CONFIG_DOMAIN_CPU_FEATURE_POLICY_OPTIONAL: enabled if the host supports it
 * @GVIR_CONFIG_DOMAIN_CPU_FEATURE_POLICY_DISABLE: disabled
 * @GVIR_CONFIG_DOMAIN_CPU_FEATURE_POLICY_FORBID: disabled; the domain fails to start if the host has it
 *
 * How a CPU feature is treated, the policy attribute.
 */
typedef enum
{
  GVIR_CONFIG_DOMAIN_CPU_FEATURE_POLICY_FORCE,
  GVIR_CONFIG_DOMAIN_CPU_FEATURE_POLICY_REQUIRE,
  GVIR_CONFIG_DOMAIN_CPU_FEATURE_POLICY_OPTIONAL,
  GVIR_CONFIG_DOMAIN_CPU_FEATURE_POLICY_DISABLE,
  GVIR_CONFIG_DOMAIN_CPU_FEATURE_POLICY_FORBID,
} GVirConfigDomainCpuFeaturePolicy;

/**
 * GVIR_CONFIG_TYPE_DOMAIN_CPU_FEATURE:
 *
 * The #GType of #GVirConfigDomainCpuFeature.
 */
#define GVIR_CONFIG_TYPE_DOMAIN_CPU_FEATURE (gvir_config_domain_cpu_feature_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigDomainCpuFeature, gvir_config_domain_cpu_feature,
                      GVIR_CONFIG, DOMAIN_CPU_FEATURE, GVirConfigCapabilitiesCpuFeature)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainCpuFeature *gvir_config_domain_cpu_feature_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainCpuFeature *gvir_config_domain_cpu_feature_new_from_xml (const gchar *xml,
                                                                         GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainCpuFeaturePolicy gvir_config_domain_cpu_feature_get_policy (GVirConfigDomainCpuFeature *feature);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_cpu_feature_set_policy (GVirConfigDomainCpuFeature *feature,
                                                GVirConfigDomainCpuFeaturePolicy policy);

G_END_DECLS
