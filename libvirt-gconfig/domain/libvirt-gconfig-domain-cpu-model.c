/*
 * libvirt-gconfig-domain-cpu-model.c: the CPU model of a domain
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
 * SECTION:libvirt-gconfig-domain-cpu-model
 * @title: GVirConfigDomainCpuModel
 * @short_description: The CPU model of a domain
 *
 * The `<model>` of a domain CPU; its name is set with
 * gvir_config_capabilities_cpu_model_set_name().
 */

/**
 * GVirConfigDomainCpuModel:
 *
 * The CPU model of a domain.
 */
struct _GVirConfigDomainCpuModel
{
  GVirConfigCapabilitiesCpuModel parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigDomainCpuModel, gvir_config_domain_cpu_model, GVIR_CONFIG_TYPE_CAPABILITIES_CPU_MODEL)

static void
gvir_config_domain_cpu_model_class_init (GVirConfigDomainCpuModelClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "model", NULL);
}

static void
gvir_config_domain_cpu_model_init (GVirConfigDomainCpuModel *self)
{
}

/**
 * gvir_config_domain_cpu_model_new:
 *
 * Creates a #GVirConfigDomainCpuModel holding an empty `<model>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigDomainCpuModel *
gvir_config_domain_cpu_model_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_DOMAIN_CPU_MODEL, NULL);
}

/**
 * gvir_config_domain_cpu_model_new_from_xml:
 * @xml: an XML document whose root element is `<model>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigDomainCpuModel. Malformed XML or another root element gives a
 * #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigDomainCpuModel *
gvir_config_domain_cpu_model_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigDomainCpuModel *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN_CPU_MODEL, "model", NULL, xml, error);
}
