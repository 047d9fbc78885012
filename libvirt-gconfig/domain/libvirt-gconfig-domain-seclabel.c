/*
 * libvirt-gconfig-domain-seclabel.c: the security label of a domain
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
 * SECTION:libvirt-gconfig-domain-seclabel
 * @title: GVirConfigDomainSeclabel
 * @short_description: The security label of a domain
 *
 * The `<seclabel>` element of a domain: the security driver and the label
 * its processes run with.
 */

/**
 * GVirConfigDomainSeclabel:
 *
 * The security label of a domain.
 */
struct _GVirConfigDomainSeclabel
{
  GVirConfigObject parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigDomainSeclabel, gvir_config_domain_seclabel, GVIR_CONFIG_TYPE_OBJECT)

static void
gvir_config_domain_seclabel_class_init (GVirConfigDomainSeclabelClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "seclabel", NULL);
}

static void
gvir_config_domain_seclabel_init (GVirConfigDomainSeclabel *self)
{
}

/**
 * gvir_config_domain_seclabel_new:
 *
 * Creates a #GVirConfigDomainSeclabel holding an empty `<seclabel>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigDomainSeclabel *
gvir_config_domain_seclabel_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_DOMAIN_SECLABEL, NULL);
}

/**
 * gvir_config_domain_seclabel_new_from_xml:
 * @xml: an XML document whose root element is `<seclabel>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigDomainSeclabel. Malformed XML or another root element gives a
 * #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigDomainSeclabel *
gvir_config_domain_seclabel_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigDomainSeclabel *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN_SECLABEL, "seclabel", NULL, xml, error);
}

/**
 * gvir_config_domain_seclabel_get_label_type:
 * @seclabel: a #GVirConfigDomainSeclabel
 *
 * Gets whether the label is generated or given.
 *
 * Returns: the label type; %GVIR_CONFIG_DOMAIN_SECLABEL_DYNAMIC if unset
 */
GVirConfigDomainSeclabelType
gvir_config_domain_seclabel_get_label_type (GVirConfigDomainSeclabel *seclabel)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_SECLABEL (seclabel), GVIR_CONFIG_DOMAIN_SECLABEL_DYNAMIC);

  return gvir_config_object_get_attribute_genum (GVIR_CONFIG_OBJECT (seclabel), NULL, "type",
                                                 GVIR_CONFIG_TYPE_DOMAIN_SECLABEL_TYPE,
                                                 GVIR_CONFIG_DOMAIN_SECLABEL_DYNAMIC);
}

/**
 * gvir_config_domain_seclabel_set_type:
 * @seclabel: a #GVirConfigDomainSeclabel
 * @type: the label type
 *
 * Sets whether the label is generated or given.
 */
void
gvir_config_domain_seclabel_set_type (GVirConfigDomainSeclabel *seclabel,
                                      GVirConfigDomainSeclabelType type)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_SECLABEL (seclabel));

  gvir_config_object_set_attribute_genum (GVIR_CONFIG_OBJECT (seclabel), NULL, "type",
                                          GVIR_CONFIG_TYPE_DOMAIN_SECLABEL_TYPE, type);
}

/**
 * gvir_config_domain_seclabel_get_model:
 * @seclabel: a #GVirConfigDomainSeclabel
 *
 * Gets the security driver, such as "selinux".
 *
 * Returns: (transfer none) (nullable): the value, or %NULL if unset
 */
const gchar *
gvir_config_domain_seclabel_get_model (GVirConfigDomainSeclabel *seclabel)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_SECLABEL (seclabel), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (seclabel), NULL, "model");
}

/**
 * gvir_config_domain_seclabel_set_model:
 * @seclabel: a #GVirConfigDomainSeclabel
 * @model: (nullable): the new value, or %NULL to remove it
 *
 * Sets the security driver, such as "selinux".
 */
void
gvir_config_domain_seclabel_set_model (GVirConfigDomainSeclabel *seclabel, const gchar *model)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_SECLABEL (seclabel));

  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (seclabel), NULL, "model", model);
}

/**
 * gvir_config_domain_seclabel_get_baselabel:
 * @seclabel: a #GVirConfigDomainSeclabel
 *
 * Gets the base label a dynamic label is derived from.
 *
 * Returns: (transfer none) (nullable): the value, or %NULL if unset
 */
const gchar *
gvir_config_domain_seclabel_get_baselabel (GVirConfigDomainSeclabel *seclabel)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_SECLABEL (seclabel), NULL);

  return gvir_config_object_get_node_content (GVIR_CONFIG_OBJECT (seclabel), "baselabel");
}

/**
 * gvir_config_domain_seclabel_set_baselabel:
 * @seclabel: a #GVirConfigDomainSeclabel
 * @label: (nullable): the new value, or %NULL to remove it
 *
 * Sets the base label a dynamic label is derived from.
 */
void
gvir_config_domain_seclabel_set_baselabel (GVirConfigDomainSeclabel *seclabel, const gchar *label)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_SECLABEL (seclabel));

  gvir_config_object_set_node_content (GVIR_CONFIG_OBJECT (seclabel), "baselabel", label);
}

/**
 * gvir_config_domain_seclabel_get_label:
 * @seclabel: a #GVirConfigDomainSeclabel
 *
 * Gets the label of a static seclabel.
 *
 * Returns: (transfer none) (nullable): the value, or %NULL if unset
 */
const gchar *
gvir_config_domain_seclabel_get_label (GVirConfigDomainSeclabel *seclabel)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_SECLABEL (seclabel), NULL);

  return gvir_config_object_get_node_content (GVIR_CONFIG_OBJECT (seclabel), "label");
}

/**
 * gvir_config_domain_seclabel_set_label:
 * @seclabel: a #GVirConfigDomainSeclabel
 * @label: (nullable): the new value, or %NULL to remove it
 *
 * Sets the label of a static seclabel.
 */
void
gvir_config_domain_seclabel_set_label (GVirConfigDomainSeclabel *seclabel, const gchar *label)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_SECLABEL (seclabel));

  gvir_config_object_set_node_content (GVIR_CONFIG_OBJECT (seclabel), "label", label);
}
