/*
 * libvirt-gconfig-domain-cpu-feature.c: a CPU feature of a domain
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
 * SECTION:libvirt-gconfig-domain-cpu-feature
 * @title: GVirConfigDomainCpuFeature
 * @short_description: A CPU feature of a domain
 *
 * A `<feature>` of a domain CPU: a CPU flag and the policy that applies to it.
 */

/**
 * GVirConfigDomainCpuFeature:
 *
 * A CPU feature of a domain.
 */
struct _GVirConfigDomainCpuFeature
{
  GVirConfigCapabilitiesCpuFeature parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigDomainCpuFeature, gvir_config_domain_cpu_feature, GVIR_CONFIG_TYPE_CAPABILITIES_CPU_FEATURE)

static void
gvir_config_domain_cpu_feature_class_init (GVirConfigDomainCpuFeatureClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "feature", NULL);
}

static void
gvir_config_domain_cpu_feature_init (GVirConfigDomainCpuFeature *self)
{
}

/**
 * gvir_config_domain_cpu_feature_new:
 *
 * Creates a #GVirConfigDomainCpuFeature holding an empty `<feature>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigDomainCpuFeature *
gvir_config_domain_cpu_feature_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_DOMAIN_CPU_FEATURE, NULL);
}

/**
 * gvir_config_domain_cpu_feature_new_from_xml:
 * @xml: an XML document whose root element is `<feature>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigDomainCpuFeature. Malformed XML or another root element gives a
 * #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigDomainCpuFeature *
gvir_config_domain_cpu_feature_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigDomainCpuFeature *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN_CPU_FEATURE, "feature", NULL, xml, error);
}

/**
 * gvir_config_domain_cpu_feature_get_policy:
 * @feature: a #GVirConfigDomainCpuFeature
 *
 * Gets the feature policy (the `policy` attribute).
 *
 * Returns: the value; %GVIR_CONFIG_DOMAIN_CPU_FEATURE_POLICY_REQUIRE if unset or unknown
 */
GVirConfigDomainCpuFeaturePolicy
gvir_config_domain_cpu_feature_get_policy (GVirConfigDomainCpuFeature *feature)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_CPU_FEATURE (feature), GVIR_CONFIG_DOMAIN_CPU_FEATURE_POLICY_REQUIRE);

  return gvir_config_object_get_attribute_genum (GVIR_CONFIG_OBJECT (feature), NULL, "policy",
                                                 GVIR_CONFIG_TYPE_DOMAIN_CPU_FEATURE_POLICY, GVIR_CONFIG_DOMAIN_CPU_FEATURE_POLICY_REQUIRE);
}

/**
 * gvir_config_domain_cpu_feature_set_policy:
 * @feature: a #GVirConfigDomainCpuFeature
 * @policy: the feature policy
 *
 * Sets the feature policy (the `policy` attribute).
 */
void
gvir_config_domain_cpu_feature_set_policy (GVirConfigDomainCpuFeature *feature, GVirConfigDomainCpuFeaturePolicy policy)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_CPU_FEATURE (feature));
  g_return_if_fail (gvir_config_genum_get_nick (GVIR_CONFIG_TYPE_DOMAIN_CPU_FEATURE_POLICY, policy) != NULL);

  gvir_config_object_set_attribute_genum (GVIR_CONFIG_OBJECT (feature), NULL, "policy",
                                          GVIR_CONFIG_TYPE_DOMAIN_CPU_FEATURE_POLICY, policy);
}
