/*
 * libvirt-gconfig-domain-interface-filterref.c: a network filter reference
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
 * SECTION:libvirt-gconfig-domain-interface-filterref
 * @title: GVirConfigDomainInterfaceFilterref
 * @short_description: A network filter reference
 *
 * The `<filterref>` of a network interface: the network filter applied to
 * its traffic and the parameters passed to it.
 *
 * |[<!-- language="C" -->
 * g_autoptr(GVirConfigDomainInterfaceFilterref) filterref = gvir_config_domain_interface_filterref_new ();
 * g_autoptr(GVirConfigDomainInterfaceFilterrefParameter) ip = gvir_config_domain_interface_filterref_parameter_new ();
 * gvir_config_domain_interface_filterref_set_name (filterref, "clean-traffic");
 * gvir_config_domain_interface_filterref_parameter_set_name (ip, "IP");
 * gvir_config_domain_interface_filterref_parameter_set_value (ip, "10.0.0.2");
 * gvir_config_domain_interface_filterref_add_parameter (filterref, ip);
 * ]|
 */

/**
 * GVirConfigDomainInterfaceFilterref:
 *
 * A network filter reference.
 */
struct _GVirConfigDomainInterfaceFilterref
{
  GVirConfigObject parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigDomainInterfaceFilterref, gvir_config_domain_interface_filterref, GVIR_CONFIG_TYPE_OBJECT)

static void
gvir_config_domain_interface_filterref_class_init (GVirConfigDomainInterfaceFilterrefClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "filterref", NULL);
}

static void
gvir_config_domain_interface_filterref_init (GVirConfigDomainInterfaceFilterref *self)
{
}

/**
 * gvir_config_domain_interface_filterref_new:
 *
 * Creates a #GVirConfigDomainInterfaceFilterref holding an empty `<filterref>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigDomainInterfaceFilterref *
gvir_config_domain_interface_filterref_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_DOMAIN_INTERFACE_FILTERREF, NULL);
}

/**
 * gvir_config_domain_interface_filterref_new_from_xml:
 * @xml: an XML document whose root element is `<filterref>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigDomainInterfaceFilterref. Malformed XML or another root element gives a
 * #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigDomainInterfaceFilterref *
gvir_config_domain_interface_filterref_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigDomainInterfaceFilterref *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN_INTERFACE_FILTERREF, "filterref", NULL, xml, error);
}

/**
 * gvir_config_domain_interface_filterref_get_name:
 * @filterref: a #GVirConfigDomainInterfaceFilterref
 *
 * Gets the name of the filter (the `filter` attribute).
 *
 * Returns: (transfer none) (nullable): the value, or %NULL if unset
 */
const gchar *
gvir_config_domain_interface_filterref_get_name (GVirConfigDomainInterfaceFilterref *filterref)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_INTERFACE_FILTERREF (filterref), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (filterref), NULL, "filter");
}

/**
 * gvir_config_domain_interface_filterref_set_name:
 * @filterref: a #GVirConfigDomainInterfaceFilterref
 * @filter: the name of the filter
 *
 * Sets the name of the filter (the `filter` attribute).
 */
void
gvir_config_domain_interface_filterref_set_name (GVirConfigDomainInterfaceFilterref *filterref, const gchar *filter)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_INTERFACE_FILTERREF (filterref));
  g_return_if_fail (filter != NULL);

  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (filterref), NULL, "filter", filter);
}

/**
 * gvir_config_domain_interface_filterref_add_parameter:
 * @filterref: a #GVirConfigDomainInterfaceFilterref
 * @parameter: the parameter to add
 *
 * Appends a `<parameter>`. @parameter becomes part of @filterref's document.
 */
void
gvir_config_domain_interface_filterref_add_parameter (GVirConfigDomainInterfaceFilterref *filterref,
                                                      GVirConfigDomainInterfaceFilterrefParameter *parameter)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_INTERFACE_FILTERREF (filterref));
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_INTERFACE_FILTERREF_PARAMETER (parameter));

  gvir_config_object_attach_add (GVIR_CONFIG_OBJECT (filterref), GVIR_CONFIG_OBJECT (parameter));
}

/**
 * gvir_config_domain_interface_filterref_get_parameters:
 * @filterref: a #GVirConfigDomainInterfaceFilterref
 *
 * Gets live views of the parameters passed to the filter.
 *
 * Returns: (transfer full) (element-type LibvirtGConfig.DomainInterfaceFilterrefParameter):
 *   the parameters, in document order
 */
GList *
gvir_config_domain_interface_filterref_get_parameters (GVirConfigDomainInterfaceFilterref *filterref)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_INTERFACE_FILTERREF (filterref), NULL);

  return gvir_config_object_get_children_with_type (GVIR_CONFIG_OBJECT (filterref), NULL, "parameter",
                                                    GVIR_CONFIG_TYPE_DOMAIN_INTERFACE_FILTERREF_PARAMETER);
}
