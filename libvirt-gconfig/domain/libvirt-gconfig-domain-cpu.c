/*
 * libvirt-gconfig-domain-cpu.c: the CPU of a domain
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include "libvirt-gconfig/libvirt-gconfig.h"
#include "libvirt-gconfig/libvirt-gconfig-object-private.h"

/**
 * SECTION:libvirt-gconfig-domain-cpu
 * @title: GVirConfigDomainCpu
 * @short_description: The CPU of a domain
 *
 * The `<cpu>` element of a domain. On top of the model, features and
 * topology inherited from #GVirConfigCapabilitiesCpu, it has a mode and a
 * match policy.
 */

/**
 * GVirConfigDomainCpu:
 *
 * The CPU of a domain.
 */
struct _GVirConfigDomainCpu
{
  GVirConfigCapabilitiesCpu parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigDomainCpu, gvir_config_domain_cpu, GVIR_CONFIG_TYPE_CAPABILITIES_CPU)

static void
gvir_config_domain_cpu_class_init (GVirConfigDomainCpuClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "cpu", NULL);
}

static void
gvir_config_domain_cpu_init (GVirConfigDomainCpu *self)
{
}

/**
 * gvir_config_domain_cpu_new:
 *
 * Creates a #GVirConfigDomainCpu holding an empty `<cpu>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigDomainCpu *
gvir_config_domain_cpu_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_DOMAIN_CPU, NULL);
}

/**
 * gvir_config_domain_cpu_new_from_xml:
 * @xml: an XML document whose root element is `<cpu>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigDomainCpu. Malformed XML or another root element gives a
 * #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigDomainCpu *
gvir_config_domain_cpu_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigDomainCpu *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN_CPU, "cpu", NULL, xml, error);
}

/**
 * gvir_config_domain_cpu_get_match_policy:
 * @cpu: a #GVirConfigDomainCpu
 *
 * Gets how strictly the CPU must match the host.
 *
 * Returns: the policy; %GVIR_CONFIG_DOMAIN_CPU_MATCH_POLICY_EXACT if unset
 */
GVirConfigDomainCpuMatchPolicy
gvir_config_domain_cpu_get_match_policy (GVirConfigDomainCpu *cpu)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_CPU (cpu), GVIR_CONFIG_DOMAIN_CPU_MATCH_POLICY_EXACT);

  return gvir_config_object_get_attribute_genum (GVIR_CONFIG_OBJECT (cpu), NULL, "match",
                                                 GVIR_CONFIG_TYPE_DOMAIN_CPU_MATCH_POLICY,
                                                 GVIR_CONFIG_DOMAIN_CPU_MATCH_POLICY_EXACT);
}

/**
 * gvir_config_domain_cpu_set_match_policy:
 * @cpu: a #GVirConfigDomainCpu
 * @policy: the match policy
 *
 * Sets how strictly the CPU must match the host.
 */
void
gvir_config_domain_cpu_set_match_policy (GVirConfigDomainCpu *cpu,
                                         GVirConfigDomainCpuMatchPolicy policy)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_CPU (cpu));

  gvir_config_object_set_attribute_genum (GVIR_CONFIG_OBJECT (cpu), NULL, "match",
                                          GVIR_CONFIG_TYPE_DOMAIN_CPU_MATCH_POLICY, policy);
}

/**
 * gvir_config_domain_cpu_get_mode:
 * @cpu: a #GVirConfigDomainCpu
 *
 * Gets how the guest CPU is chosen.
 *
 * Returns: the mode; %GVIR_CONFIG_DOMAIN_CPU_MODE_CUSTOM if unset
 */
GVirConfigDomainCpuMode
gvir_config_domain_cpu_get_mode (GVirConfigDomainCpu *cpu)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_CPU (cpu), GVIR_CONFIG_DOMAIN_CPU_MODE_CUSTOM);

  return gvir_config_object_get_attribute_genum (GVIR_CONFIG_OBJECT (cpu), NULL, "mode",
                                                 GVIR_CONFIG_TYPE_DOMAIN_CPU_MODE,
                                                 GVIR_CONFIG_DOMAIN_CPU_MODE_CUSTOM);
}

/**
 * gvir_config_domain_cpu_set_mode:
 * @cpu: a #GVirConfigDomainCpu
 * @mode: the CPU mode
 *
 * Sets how the guest CPU is chosen.
 */
void
gvir_config_domain_cpu_set_mode (GVirConfigDomainCpu *cpu, GVirConfigDomainCpuMode mode)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_CPU (cpu));

  gvir_config_object_set_attribute_genum (GVIR_CONFIG_OBJECT (cpu), NULL, "mode",
                                          GVIR_CONFIG_TYPE_DOMAIN_CPU_MODE, mode);
}

/**
 * gvir_config_domain_cpu_set_model:
 * @cpu: a #GVirConfigDomainCpu
 * @model: (nullable): the model, or %NULL to remove it
 *
 * Replaces the CPU model. @model becomes part of @cpu's document.
 */
void
gvir_config_domain_cpu_set_model (GVirConfigDomainCpu *cpu, GVirConfigDomainCpuModel *model)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_CPU (cpu));
  g_return_if_fail (model == NULL || GVIR_CONFIG_IS_DOMAIN_CPU_MODEL (model));

  gvir_config_object_attach_replace (GVIR_CONFIG_OBJECT (cpu), "model", (GVirConfigObject *) model);
}

/**
 * gvir_config_domain_cpu_get_domain_model:
 * @cpu: a #GVirConfigDomainCpu
 *
 * Gets a live view of the CPU model as a #GVirConfigDomainCpuModel, the
 * getter matching gvir_config_domain_cpu_set_model().
 *
 * Returns: (transfer full) (nullable): the model, or %NULL if there is none
 */
GVirConfigDomainCpuModel *
gvir_config_domain_cpu_get_domain_model (GVirConfigDomainCpu *cpu)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_CPU (cpu), NULL);

  return (GVirConfigDomainCpuModel *)
    gvir_config_object_get_child_with_type (GVIR_CONFIG_OBJECT (cpu), "model",
                                            GVIR_CONFIG_TYPE_DOMAIN_CPU_MODEL);
}

/**
 * gvir_config_domain_cpu_get_domain_features:
 * @cpu: a #GVirConfigDomainCpu
 *
 * Gets live views of the `<feature>` elements as #GVirConfigDomainCpuFeature,
 * so that their policy can be read and changed.
 *
 * Returns: (transfer full) (element-type LibvirtGConfig.DomainCpuFeature):
 *   the features, in document order
 */
GList *
gvir_config_domain_cpu_get_domain_features (GVirConfigDomainCpu *cpu)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_CPU (cpu), NULL);

  return gvir_config_object_get_children_with_type (GVIR_CONFIG_OBJECT (cpu), NULL, "feature",
                                                    GVIR_CONFIG_TYPE_DOMAIN_CPU_FEATURE);
}
