/*
 * libvirt-gconfig-network-filter.c: a network filter
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
#include "libvirt-gconfig/libvirt-gconfig-document-helpers-private.h"

/**
 * SECTION:libvirt-gconfig-network-filter
 * @title: GVirConfigNetworkFilter
 * @short_description: A network filter
 *
 * A `<filter>` document: name, UUID, the chain it belongs to, its
 * priority, its rules and references to other filters.
 *
 * |[<!-- language="C" -->
 * g_autoptr(GVirConfigNetworkFilter) filter = gvir_config_network_filter_new ();
 * gvir_config_network_filter_set_name (filter, "no-ip-spoofing");
 * gvir_config_network_filter_set_chain (filter, "ipv4-ip");
 * ]|
 */

/**
 * GVirConfigNetworkFilter:
 *
 * A network filter description.
 */
struct _GVirConfigNetworkFilter
{
  GVirConfigObject parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigNetworkFilter, gvir_config_network_filter, GVIR_CONFIG_TYPE_OBJECT)

static void
gvir_config_network_filter_class_init (GVirConfigNetworkFilterClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "filter",
                                     GVIR_CONFIG_SCHEMA_DIR "/nwfilter.rng");
}

static void
gvir_config_network_filter_init (GVirConfigNetworkFilter *self)
{
}

/**
 * gvir_config_network_filter_new:
 *
 * Creates a #GVirConfigNetworkFilter holding an empty `<filter>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigNetworkFilter *
gvir_config_network_filter_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_NETWORK_FILTER, NULL);
}

/**
 * gvir_config_network_filter_new_from_xml:
 * @xml: an XML document whose root element is `<filter>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigNetworkFilter. Malformed XML or another root element
 * gives a #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigNetworkFilter *
gvir_config_network_filter_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigNetworkFilter *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_NETWORK_FILTER, "filter", NULL,
                                                                      xml, error);
}

/**
 * gvir_config_network_filter_get_name:
 * @filter: a #GVirConfigNetworkFilter
 *
 * Gets the filter name.
 *
 * Returns: (transfer none) (nullable): the filter name, or %NULL if unset
 */
const gchar *
gvir_config_network_filter_get_name (GVirConfigNetworkFilter *filter)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_NETWORK_FILTER (filter), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (filter), NULL, "name");
}

/**
 * gvir_config_network_filter_set_name:
 * @filter: a #GVirConfigNetworkFilter
 * @name: (nullable): the filter name, or %NULL
 *
 * Sets the filter name; %NULL removes the attribute.
 */
void
gvir_config_network_filter_set_name (GVirConfigNetworkFilter *filter, const gchar *name)
{
  g_return_if_fail (GVIR_CONFIG_IS_NETWORK_FILTER (filter));

  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (filter), NULL, "name", name);
}

/**
 * gvir_config_network_filter_get_uuid:
 * @filter: a #GVirConfigNetworkFilter
 *
 * Gets the filter UUID.
 *
 * Returns: (transfer none) (nullable): the filter UUID, or %NULL if unset
 */
const gchar *
gvir_config_network_filter_get_uuid (GVirConfigNetworkFilter *filter)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_NETWORK_FILTER (filter), NULL);

  return gvir_config_object_get_node_content (GVIR_CONFIG_OBJECT (filter), "uuid");
}

/**
 * gvir_config_network_filter_set_uuid:
 * @filter: a #GVirConfigNetworkFilter
 * @uuid: (nullable): the filter UUID, or %NULL to remove it
 *
 * Sets the filter UUID. @uuid must be a UUID such as
 * "c7a5fdbd-cdaf-9455-926a-d65c16db1809".
 */
void
gvir_config_network_filter_set_uuid (GVirConfigNetworkFilter *filter, const gchar *uuid)
{
  g_return_if_fail (GVIR_CONFIG_IS_NETWORK_FILTER (filter));
  g_return_if_fail (uuid == NULL || gvir_config_doc_uuid_is_valid (uuid));

  gvir_config_object_set_node_content (GVIR_CONFIG_OBJECT (filter), "uuid", uuid);
}

/**
 * gvir_config_network_filter_get_chain:
 * @filter: a #GVirConfigNetworkFilter
 *
 * Gets the chain the filter belongs to, such as "root" or "ipv4".
 *
 * Returns: (transfer none) (nullable): the chain the filter belongs to, such as "root" or "ipv4", or %NULL if unset
 */
const gchar *
gvir_config_network_filter_get_chain (GVirConfigNetworkFilter *filter)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_NETWORK_FILTER (filter), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (filter), NULL, "chain");
}

/**
 * gvir_config_network_filter_set_chain:
 * @filter: a #GVirConfigNetworkFilter
 * @chain: (nullable): the chain the filter belongs to, such as "root" or "ipv4", or %NULL
 *
 * Sets the chain the filter belongs to, such as "root" or "ipv4"; %NULL removes the attribute.
 */
void
gvir_config_network_filter_set_chain (GVirConfigNetworkFilter *filter, const gchar *chain)
{
  g_return_if_fail (GVIR_CONFIG_IS_NETWORK_FILTER (filter));

  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (filter), NULL, "chain", chain);
}

/**
 * gvir_config_network_filter_get_priority:
 * @filter: a #GVirConfigNetworkFilter
 *
 * Gets the priority of the filter within its chain.
 *
 * Returns: the priority, between -1000 and 1000, or 0 if unset or invalid
 */
gint
gvir_config_network_filter_get_priority (GVirConfigNetworkFilter *filter)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_NETWORK_FILTER (filter), 0);

  return gvir_config_doc_get_priority (GVIR_CONFIG_OBJECT (filter), 0);
}

/**
 * gvir_config_network_filter_set_priority:
 * @filter: a #GVirConfigNetworkFilter
 * @priority: the priority, between -1000 and 1000
 *
 * Sets the priority of the filter within its chain.
 */
void
gvir_config_network_filter_set_priority (GVirConfigNetworkFilter *filter, gint priority)
{
  g_return_if_fail (GVIR_CONFIG_IS_NETWORK_FILTER (filter));
  g_return_if_fail (priority >= -1000 && priority <= 1000);

  gvir_config_doc_set_priority (GVIR_CONFIG_OBJECT (filter), priority);
}

/**
 * gvir_config_network_filter_get_rules:
 * @filter: a #GVirConfigNetworkFilter
 *
 * Gets live views of the rules of the filter, in document order.
 *
 * Returns: (transfer full) (element-type LibvirtGConfig.NetworkFilterRule):
 *   the rules, possibly empty
 */
GList *
gvir_config_network_filter_get_rules (GVirConfigNetworkFilter *filter)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_NETWORK_FILTER (filter), NULL);

  return gvir_config_object_get_children_with_type (GVIR_CONFIG_OBJECT (filter), NULL, "rule",
                                                    GVIR_CONFIG_TYPE_NETWORK_FILTER_RULE);
}

/**
 * gvir_config_network_filter_add_rule:
 * @filter: a #GVirConfigNetworkFilter
 * @rule: the rule to append
 *
 * Appends @rule to the filter. @rule becomes part of @filter's document.
 */
void
gvir_config_network_filter_add_rule (GVirConfigNetworkFilter *filter,
                                     GVirConfigNetworkFilterRule *rule)
{
  g_return_if_fail (GVIR_CONFIG_IS_NETWORK_FILTER (filter));
  g_return_if_fail (GVIR_CONFIG_IS_NETWORK_FILTER_RULE (rule));

  gvir_config_object_attach_add (GVIR_CONFIG_OBJECT (filter), GVIR_CONFIG_OBJECT (rule));
}

/**
 * gvir_config_network_filter_get_filterrefs:
 * @filter: a #GVirConfigNetworkFilter
 *
 * Gets the names of the filters this one includes through `<filterref>`.
 *
 * Returns: (transfer full) (array zero-terminated=1): the filter names,
 *   possibly empty
 */
gchar **
gvir_config_network_filter_get_filterrefs (GVirConfigNetworkFilter *filter)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  xmlNodePtr node;

  g_return_val_if_fail (GVIR_CONFIG_IS_NETWORK_FILTER (filter), NULL);

  builder = g_strv_builder_new ();
  node = gvir_config_object_get_xml_node (GVIR_CONFIG_OBJECT (filter));
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      const char *name;

      if (child->type != XML_ELEMENT_NODE || g_strcmp0 ((const char *) child->name, "filterref") != 0)
        continue;
      name = gvir_config_xml_node_get_attribute (child, "filter");
      if (name != NULL)
        g_strv_builder_add (builder, name);
    }
  return g_strv_builder_end (builder);
}

/**
 * gvir_config_network_filter_add_filterref:
 * @filter: a #GVirConfigNetworkFilter
 * @name: the name of the filter to include
 *
 * Appends a `<filterref>` that includes the filter @name.
 */
void
gvir_config_network_filter_add_filterref (GVirConfigNetworkFilter *filter, const gchar *name)
{
  xmlNodePtr node;
  xmlNodePtr ref;

  g_return_if_fail (GVIR_CONFIG_IS_NETWORK_FILTER (filter));
  g_return_if_fail (name != NULL && *name != '\0');

  node = gvir_config_object_get_xml_node (GVIR_CONFIG_OBJECT (filter));
  ref = xmlNewChild (node, NULL, (const xmlChar *) "filterref", NULL);
  gvir_config_xml_node_set_attribute (ref, "filter", name);
}
