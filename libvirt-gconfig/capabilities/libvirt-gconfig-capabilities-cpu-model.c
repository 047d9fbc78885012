/*
 * libvirt-gconfig-capabilities-cpu-model.c: a CPU model name
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
 * SECTION:libvirt-gconfig-capabilities-cpu-model
 * @title: GVirConfigCapabilitiesCpuModel
 * @short_description: A CPU model name
 *
 * The `<model>` element of a `<cpu>` description.
 */

/**
 * GVirConfigCapabilitiesCpuModel:
 *
 * A CPU model name.
 */
G_DEFINE_TYPE (GVirConfigCapabilitiesCpuModel, gvir_config_capabilities_cpu_model, GVIR_CONFIG_TYPE_OBJECT)

static void
gvir_config_capabilities_cpu_model_class_init (GVirConfigCapabilitiesCpuModelClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "model", NULL);
}

static void
gvir_config_capabilities_cpu_model_init (GVirConfigCapabilitiesCpuModel *self)
{
}

/**
 * gvir_config_capabilities_cpu_model_new:
 *
 * Creates a #GVirConfigCapabilitiesCpuModel holding an empty `<model>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigCapabilitiesCpuModel *
gvir_config_capabilities_cpu_model_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_CAPABILITIES_CPU_MODEL, NULL);
}

/**
 * gvir_config_capabilities_cpu_model_new_from_xml:
 * @xml: an XML document whose root element is `<model>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigCapabilitiesCpuModel. Malformed XML or another root element gives a
 * #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigCapabilitiesCpuModel *
gvir_config_capabilities_cpu_model_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigCapabilitiesCpuModel *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_CAPABILITIES_CPU_MODEL, "model", NULL, xml, error);
}

/**
 * gvir_config_capabilities_cpu_model_get_name:
 * @model: a #GVirConfigCapabilitiesCpuModel
 *
 * Gets the model name, such as "Skylake-Client".
 *
 * Returns: (transfer none) (nullable): the name, or %NULL if unset
 */
const gchar *
gvir_config_capabilities_cpu_model_get_name (GVirConfigCapabilitiesCpuModel *model)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_CAPABILITIES_CPU_MODEL (model), NULL);

  return gvir_config_object_get_node_content (GVIR_CONFIG_OBJECT (model), NULL);
}

/**
 * gvir_config_capabilities_cpu_model_set_name:
 * @model: a #GVirConfigCapabilitiesCpuModel
 * @name: (nullable): the model name, or %NULL to clear it
 *
 * Sets the model name.
 */
void
gvir_config_capabilities_cpu_model_set_name (GVirConfigCapabilitiesCpuModel *model,
                                             const gchar *name)
{
  g_return_if_fail (GVIR_CONFIG_IS_CAPABILITIES_CPU_MODEL (model));

  gvir_config_object_set_node_content (GVIR_CONFIG_OBJECT (model), NULL, name);
}
