/*
 * libvirt-gconfig-capabilities-cpu.c: a CPU description
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
 * SECTION:libvirt-gconfig-capabilities-cpu
 * @title: GVirConfigCapabilitiesCpu
 * @short_description: A CPU description
 *
 * The `<cpu>` element of host capabilities: architecture, model, features
 * and topology. #GVirConfigDomainCpu extends it for domains.
 *
 * |[<!-- language="C" -->
 * g_autoptr(GVirConfigCapabilitiesCpuTopology) topo =
 *   gvir_config_capabilities_cpu_get_topology (cpu);
 * if (topo != NULL)
 *   g_print ("%" G_GUINT64_FORMAT " sockets\n",
 *            gvir_config_capabilities_cpu_topology_get_sockets (topo));
 * ]|
 */

/**
 * GVirConfigCapabilitiesCpu:
 *
 * A CPU description.
 */
G_DEFINE_TYPE (GVirConfigCapabilitiesCpu, gvir_config_capabilities_cpu, GVIR_CONFIG_TYPE_OBJECT)

static void
gvir_config_capabilities_cpu_class_init (GVirConfigCapabilitiesCpuClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "cpu", NULL);
}

static void
gvir_config_capabilities_cpu_init (GVirConfigCapabilitiesCpu *self)
{
}

/**
 * gvir_config_capabilities_cpu_new:
 *
 * Creates a #GVirConfigCapabilitiesCpu holding an empty `<cpu>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigCapabilitiesCpu *
gvir_config_capabilities_cpu_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_CAPABILITIES_CPU, NULL);
}

/**
 * gvir_config_capabilities_cpu_new_from_xml:
 * @xml: an XML document whose root element is `<cpu>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigCapabilitiesCpu. Malformed XML or another root element gives a
 * #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigCapabilitiesCpu *
gvir_config_capabilities_cpu_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigCapabilitiesCpu *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_CAPABILITIES_CPU, "cpu", NULL, xml, error);
}

/**
 * gvir_config_capabilities_cpu_get_arch:
 * @cpu: a #GVirConfigCapabilitiesCpu
 *
 * Gets the CPU architecture, the content of `<arch>`.
 *
 * Returns: (transfer none) (nullable): the architecture, or %NULL if unset
 */
const gchar *
gvir_config_capabilities_cpu_get_arch (GVirConfigCapabilitiesCpu *cpu)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_CAPABILITIES_CPU (cpu), NULL);

  return gvir_config_object_get_node_content (GVIR_CONFIG_OBJECT (cpu), "arch");
}

/**
 * gvir_config_capabilities_cpu_set_arch:
 * @cpu: a #GVirConfigCapabilitiesCpu
 * @arch: (nullable): the architecture, or %NULL to remove it
 *
 * Sets the CPU architecture.
 */
void
gvir_config_capabilities_cpu_set_arch (GVirConfigCapabilitiesCpu *cpu, const gchar *arch)
{
  g_return_if_fail (GVIR_CONFIG_IS_CAPABILITIES_CPU (cpu));

  gvir_config_object_set_node_content (GVIR_CONFIG_OBJECT (cpu), "arch", arch);
}

/**
 * gvir_config_capabilities_cpu_get_model:
 * @cpu: a #GVirConfigCapabilitiesCpu
 *
 * Gets a live view of the CPU model.
 *
 * Returns: (transfer full) (nullable): the model, or %NULL if there is none
 */
GVirConfigCapabilitiesCpuModel *
gvir_config_capabilities_cpu_get_model (GVirConfigCapabilitiesCpu *cpu)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_CAPABILITIES_CPU (cpu), NULL);

  return (GVirConfigCapabilitiesCpuModel *)
    gvir_config_object_get_child_with_type (GVIR_CONFIG_OBJECT (cpu), "model",
                                            GVIR_CONFIG_TYPE_CAPABILITIES_CPU_MODEL);
}

/**
 * gvir_config_capabilities_cpu_set_model:
 * @cpu: a #GVirConfigCapabilitiesCpu
 * @model: (nullable): the model, or %NULL to remove it
 *
 * Replaces the CPU model. @model becomes part of @cpu's document.
 */
void
gvir_config_capabilities_cpu_set_model (GVirConfigCapabilitiesCpu *cpu,
                                        GVirConfigCapabilitiesCpuModel *model)
{
  g_return_if_fail (GVIR_CONFIG_IS_CAPABILITIES_CPU (cpu));
  g_return_if_fail (model == NULL || GVIR_CONFIG_IS_CAPABILITIES_CPU_MODEL (model));

  gvir_config_object_attach_replace (GVIR_CONFIG_OBJECT (cpu), "model",
                                     (GVirConfigObject *) model);
}

/**
 * gvir_config_capabilities_cpu_add_feature:
 * @cpu: a #GVirConfigCapabilitiesCpu
 * @feature: the feature to add
 *
 * Appends a `<feature>` element. @feature becomes part of @cpu's document.
 */
void
gvir_config_capabilities_cpu_add_feature (GVirConfigCapabilitiesCpu *cpu,
                                          GVirConfigCapabilitiesCpuFeature *feature)
{
  g_return_if_fail (GVIR_CONFIG_IS_CAPABILITIES_CPU (cpu));
  g_return_if_fail (GVIR_CONFIG_IS_CAPABILITIES_CPU_FEATURE (feature));

  gvir_config_object_attach_add (GVIR_CONFIG_OBJECT (cpu), GVIR_CONFIG_OBJECT (feature));
}

/**
 * gvir_config_capabilities_cpu_get_features:
 * @cpu: a #GVirConfigCapabilitiesCpu
 *
 * Gets live views of the CPU features: the `<feature name=...>` elements,
 * and the empty elements inside `<features>` that host capabilities use.
 * For a #GVirConfigDomainCpu they are #GVirConfigDomainCpuFeature objects.
 *
 * Returns: (transfer full) (element-type LibvirtGConfig.CapabilitiesCpuFeature):
 *   the features, in document order
 */
GList *
gvir_config_capabilities_cpu_get_features (GVirConfigCapabilitiesCpu *cpu)
{
  GVirConfigObject *self;
  GList *features;
  GType feature_type;

  g_return_val_if_fail (GVIR_CONFIG_IS_CAPABILITIES_CPU (cpu), NULL);

  self = GVIR_CONFIG_OBJECT (cpu);
  /* A domain's <cpu> has features with a policy: as in libvirt-gconfig,
   * they are GVirConfigDomainCpuFeature objects there. */
  feature_type = GVIR_CONFIG_IS_DOMAIN_CPU (cpu) ? GVIR_CONFIG_TYPE_DOMAIN_CPU_FEATURE
                                                 : GVIR_CONFIG_TYPE_CAPABILITIES_CPU_FEATURE;
  features = gvir_config_object_get_children_with_type (self, NULL, "feature", feature_type);
  return g_list_concat (features,
                        gvir_config_object_get_children_with_type (self, "features", NULL,
                                                                   feature_type));
}

/**
 * gvir_config_capabilities_cpu_get_topology:
 * @cpu: a #GVirConfigCapabilitiesCpu
 *
 * Gets a live view of the CPU topology.
 *
 * Returns: (transfer full) (nullable): the topology, or %NULL if there is none
 */
GVirConfigCapabilitiesCpuTopology *
gvir_config_capabilities_cpu_get_topology (GVirConfigCapabilitiesCpu *cpu)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_CAPABILITIES_CPU (cpu), NULL);

  return (GVirConfigCapabilitiesCpuTopology *)
    gvir_config_object_get_child_with_type (GVIR_CONFIG_OBJECT (cpu), "topology",
                                            GVIR_CONFIG_TYPE_CAPABILITIES_CPU_TOPOLOGY);
}

/**
 * gvir_config_capabilities_cpu_set_topology:
 * @cpu: a #GVirConfigCapabilitiesCpu
 * @topology: (nullable): the topology, or %NULL to remove it
 *
 * Replaces the CPU topology. @topology becomes part of @cpu's document.
 */
void
gvir_config_capabilities_cpu_set_topology (GVirConfigCapabilitiesCpu *cpu,
                                           GVirConfigCapabilitiesCpuTopology *topology)
{
  g_return_if_fail (GVIR_CONFIG_IS_CAPABILITIES_CPU (cpu));
  g_return_if_fail (topology == NULL || GVIR_CONFIG_IS_CAPABILITIES_CPU_TOPOLOGY (topology));

  gvir_config_object_attach_replace (GVIR_CONFIG_OBJECT (cpu), "topology",
                                     (GVirConfigObject *) topology);
}
