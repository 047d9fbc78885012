/*
 * libvirt-gconfig-domain-interface-filterref-parameter.c: a network filter parameter
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
 * SECTION:libvirt-gconfig-domain-interface-filterref-parameter
 * @title: GVirConfigDomainInterfaceFilterrefParameter
 * @short_description: A network filter parameter
 *
 * A `<parameter name="..." value="...">` passed to a network filter by a
 * #GVirConfigDomainInterfaceFilterref.
 */

/**
 * GVirConfigDomainInterfaceFilterrefParameter:
 *
 * A network filter parameter.
 */
struct _GVirConfigDomainInterfaceFilterrefParameter
{
  GVirConfigObject parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigDomainInterfaceFilterrefParameter, gvir_config_domain_interface_filterref_parameter, GVIR_CONFIG_TYPE_OBJECT)

static void
gvir_config_domain_interface_filterref_parameter_class_init (GVirConfigDomainInterfaceFilterrefParameterClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "parameter", NULL);
}

static void
gvir_config_domain_interface_filterref_parameter_init (GVirConfigDomainInterfaceFilterrefParameter *self)
{
}

/**
 * gvir_config_domain_interface_filterref_parameter_new:
 *
 * Creates a #GVirConfigDomainInterfaceFilterrefParameter holding an empty `<parameter>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigDomainInterfaceFilterrefParameter *
gvir_config_domain_interface_filterref_parameter_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_DOMAIN_INTERFACE_FILTERREF_PARAMETER, NULL);
}

/**
 * gvir_config_domain_interface_filterref_parameter_new_from_xml:
 * @xml: an XML document whose root element is `<parameter>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigDomainInterfaceFilterrefParameter. Malformed XML or another root element gives a
 * #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigDomainInterfaceFilterrefParameter *
gvir_config_domain_interface_filterref_parameter_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigDomainInterfaceFilterrefParameter *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN_INTERFACE_FILTERREF_PARAMETER, "parameter", NULL, xml, error);
}

/**
 * gvir_config_domain_interface_filterref_parameter_get_name:
 * @parameter: a #GVirConfigDomainInterfaceFilterrefParameter
 *
 * Gets the parameter name (the `name` attribute).
 *
 * Returns: (transfer none) (nullable): the value, or %NULL if unset
 */
const gchar *
gvir_config_domain_interface_filterref_parameter_get_name (GVirConfigDomainInterfaceFilterrefParameter *parameter)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_INTERFACE_FILTERREF_PARAMETER (parameter), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (parameter), NULL, "name");
}

/**
 * gvir_config_domain_interface_filterref_parameter_set_name:
 * @parameter: a #GVirConfigDomainInterfaceFilterrefParameter
 * @name: the parameter name
 *
 * Sets the parameter name (the `name` attribute).
 */
void
gvir_config_domain_interface_filterref_parameter_set_name (GVirConfigDomainInterfaceFilterrefParameter *parameter, const gchar *name)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_INTERFACE_FILTERREF_PARAMETER (parameter));
  g_return_if_fail (name != NULL);

  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (parameter), NULL, "name", name);
}

/**
 * gvir_config_domain_interface_filterref_parameter_get_value:
 * @parameter: a #GVirConfigDomainInterfaceFilterrefParameter
 *
 * Gets the parameter value (the `value` attribute).
 *
 * Returns: (transfer none) (nullable): the value, or %NULL if unset
 */
const gchar *
gvir_config_domain_interface_filterref_parameter_get_value (GVirConfigDomainInterfaceFilterrefParameter *parameter)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_INTERFACE_FILTERREF_PARAMETER (parameter), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (parameter), NULL, "value");
}

/**
 * gvir_config_domain_interface_filterref_parameter_set_value:
 * @parameter: a #GVirConfigDomainInterfaceFilterrefParameter
 * @value: the parameter value
 *
 * Sets the parameter value (the `value` attribute).
 */
void
gvir_config_domain_interface_filterref_parameter_set_value (GVirConfigDomainInterfaceFilterrefParameter *parameter, const gchar *value)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_INTERFACE_FILTERREF_PARAMETER (parameter));
  g_return_if_fail (value != NULL);

  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (parameter), NULL, "value", value);
}
