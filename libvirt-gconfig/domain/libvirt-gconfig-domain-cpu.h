/*
 * libvirt-gconfig-domain-cpu.h: the CPU of a domain
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
#include <libvirt-gconfig/libvirt-gconfig-domain-cpu-model.h>
#include <libvirt-gconfig/libvirt-gconfig-domain-cpu-feature.h>

G_BEGIN_DECLS

/**
 * GVirConfigDomainCpuMatchPolicy:
 * @GVIR_CONFIG_DOMAIN_CPU_MATCH_POLICY_MINIMUM: the host CPU may offer more features
 * @GVIR_CONFIG_DOMAIN_CPU_MATCH_POLICY_EXACT: the guest sees exactly the given CPU
 * @GVIR_CONFIG_DOMAIN_CPU_MATCH_POLICY_STRICT: the host CPU must match exactly
 *
 * How strictly the requested CPU must match the host, `<cpu match=...>`.
 */
typedef enum
{
  GVIR_CONFIG_DOMAIN_CPU_MATCH_POLICY_MINIMUM,
  GVIR_CONFIG_DOMAIN_CPU_MATCH_POLICY_EXACT,
  GVIR_CONFIG_DOMAIN_CPU_MATCH_POLICY_STRICT,
} GVirConfigDomainCpuMatchPolicy;

/**
 * GVirConfigDomainCpuMode:
 * @GVIR_CONFIG_DOMAIN_CPU_MODE_CUSTOM: the CPU described by the model and features
 * @GVIR_CONFIG_DOMAIN_CPU_MODE_HOST_MODEL: a model close to the host CPU
 * @GVIR_CONFIG_DOMAIN_CPU_MODE_HOST_PASSTHROUGH: the host CPU itself
 *
 * How the guest CPU is chosen, `<cpu mode=...>`.
 */
typedef enum
{
  GVIR_CONFIG_DOMAIN_CPU_MODE_CUSTOM,
  GVIR_CONFIG_DOMAIN_CPU_MODE_HOST_MODEL,
  GVIR_CONFIG_DOMAIN_CPU_MODE_HOST_PASSTHROUGH,
} GVirConfigDomainCpuMode;

/**
 * GVIR_CONFIG_TYPE_DOMAIN_CPU:
 *
 * The #GType of #GVirConfigDomainCpu.
 */
#define GVIR_CONFIG_TYPE_DOMAIN_CPU (gvir_config_domain_cpu_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigDomainCpu, gvir_config_domain_cpu,
                      GVIR_CONFIG, DOMAIN_CPU, GVirConfigCapabilitiesCpu)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainCpu *gvir_config_domain_cpu_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainCpu *gvir_config_domain_cpu_new_from_xml (const gchar *xml, GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainCpuMatchPolicy gvir_config_domain_cpu_get_match_policy (GVirConfigDomainCpu *cpu);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_cpu_set_match_policy (GVirConfigDomainCpu *cpu,
                                              GVirConfigDomainCpuMatchPolicy policy);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainCpuMode gvir_config_domain_cpu_get_mode (GVirConfigDomainCpu *cpu);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_cpu_set_mode (GVirConfigDomainCpu *cpu, GVirConfigDomainCpuMode mode);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_cpu_set_model (GVirConfigDomainCpu *cpu, GVirConfigDomainCpuModel *model);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainCpuModel *gvir_config_domain_cpu_get_domain_model (GVirConfigDomainCpu *cpu);
GVIR_CONFIG_AVAILABLE_IN_ALL
GList *gvir_config_domain_cpu_get_domain_features (GVirConfigDomainCpu *cpu);

G_END_DECLS
