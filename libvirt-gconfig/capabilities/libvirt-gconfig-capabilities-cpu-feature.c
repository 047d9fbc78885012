/*
 * libvirt-gconfig-capabilities-cpu-feature.c: a CPU feature
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
 * SECTION:libvirt-gconfig-capabilities-cpu-feature
 * @title: GVirConfigCapabilitiesCpuFeature
 * @short_description: A CPU feature
 *
 * A `<feature name="...">` element of a `<cpu>` description. In host
 * capabilities that list features as empty elements (`<features><pae/></features>`),
 * the feature's name is the element name.
 */

/**
 * GVirConfigCapabilitiesCpuFeature:
 *
 * A CPU feature.
 */
G_DEFINE_TYPE (GVirConfigCapabilitiesCpuFeature, gvir_config_capabilities_cpu_feature, GVIR_CONFIG_TYPE_OBJECT)

static void
gvir_config_capabilities_cpu_feature_class_init (GVirConfigCapabilitiesCpuFeatureClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "feature", NULL);
}

static void
gvir_config_capabilities_cpu_feature_init (GVirConfigCapabilitiesCpuFeature *self)
{
}

/**
 * gvir_config_capabilities_cpu_feature_new:
 *
 * Creates a #GVirConfigCapabilitiesCpuFeature holding an empty `<feature>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigCapabilitiesCpuFeature *
gvir_config_capabilities_cpu_feature_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_CAPABILITIES_CPU_FEATURE, NULL);
}

/**
 * gvir_config_capabilities_cpu_feature_new_from_xml:
 * @xml: an XML document whose root element is `<feature>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigCapabilitiesCpuFeature. Malformed XML or another root element gives a
 * #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigCapabilitiesCpuFeature *
gvir_config_capabilities_cpu_feature_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigCapabilitiesCpuFeature *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_CAPABILITIES_CPU_FEATURE, "feature", NULL, xml, error);
}

/**
 * gvir_config_capabilities_cpu_feature_get_name:
 * @feature: a #GVirConfigCapabilitiesCpuFeature
 *
 * Gets the feature name, such as "vmx".
 *
 * Returns: (transfer none) (nullable): the name, or %NULL if unset
 */
const gchar *
gvir_config_capabilities_cpu_feature_get_name (GVirConfigCapabilitiesCpuFeature *feature)
{
  xmlNodePtr node;

  g_return_val_if_fail (GVIR_CONFIG_IS_CAPABILITIES_CPU_FEATURE (feature), NULL);

  node = gvir_config_object_get_xml_node (GVIR_CONFIG_OBJECT (feature));
  if (g_strcmp0 ((const char *) node->name, "feature") != 0)
    return (const char *) node->name;
  return gvir_config_xml_node_get_attribute (node, "name");
}

/**
 * gvir_config_capabilities_cpu_feature_set_name:
 * @feature: a #GVirConfigCapabilitiesCpuFeature
 * @name: the feature name
 *
 * Sets the feature name.
 */
void
gvir_config_capabilities_cpu_feature_set_name (GVirConfigCapabilitiesCpuFeature *feature,
                                               const gchar *name)
{
  g_return_if_fail (GVIR_CONFIG_IS_CAPABILITIES_CPU_FEATURE (feature));

  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (feature), NULL, "name", name);
}
