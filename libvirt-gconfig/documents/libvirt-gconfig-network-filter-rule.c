/*
 * libvirt-gconfig-network-filter-rule.c: a rule of a network filter
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
 * SECTION:libvirt-gconfig-network-filter-rule
 * @title: GVirConfigNetworkFilterRule
 * @short_description: A rule of a network filter
 *
 * A `<rule>` of a network filter: what to do with matching traffic, in
 * which direction, and its priority. The protocol match elements under it
 * are kept as they are.
 *
 * |[<!-- language="C" -->
 * g_autoptr(GVirConfigNetworkFilterRule) rule = gvir_config_network_filter_rule_new ();
 * gvir_config_network_filter_rule_set_action (rule, GVIR_CONFIG_NETWORK_FILTER_RULE_ACTION_DROP);
 * gvir_config_network_filter_rule_set_direction (rule, GVIR_CONFIG_NETWORK_FILTER_RULE_DIRECTION_IN);
 * gvir_config_network_filter_add_rule (filter, rule);
 * ]|
 */

/**
 * GVirConfigNetworkFilterRule:
 *
 * A `<rule>` of a network filter.
 */
struct _GVirConfigNetworkFilterRule
{
  GVirConfigObject parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigNetworkFilterRule, gvir_config_network_filter_rule, GVIR_CONFIG_TYPE_OBJECT)

static void
gvir_config_network_filter_rule_class_init (GVirConfigNetworkFilterRuleClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "rule",
                                     NULL);
}

static void
gvir_config_network_filter_rule_init (GVirConfigNetworkFilterRule *self)
{
}

/**
 * gvir_config_network_filter_rule_new:
 *
 * Creates a #GVirConfigNetworkFilterRule holding an empty `<rule>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigNetworkFilterRule *
gvir_config_network_filter_rule_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_NETWORK_FILTER_RULE, NULL);
}

/**
 * gvir_config_network_filter_rule_new_from_xml:
 * @xml: an XML document whose root element is `<rule>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigNetworkFilterRule. Malformed XML or another root element
 * gives a #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigNetworkFilterRule *
gvir_config_network_filter_rule_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigNetworkFilterRule *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_NETWORK_FILTER_RULE, "rule", NULL,
                                                                          xml, error);
}

/**
 * gvir_config_network_filter_rule_get_action:
 * @rule: a #GVirConfigNetworkFilterRule
 *
 * Gets what happens to matching traffic.
 *
 * Returns: what happens to matching traffic; %GVIR_CONFIG_NETWORK_FILTER_RULE_ACTION_DROP if unset or unknown
 */
GVirConfigNetworkFilterRuleAction
gvir_config_network_filter_rule_get_action (GVirConfigNetworkFilterRule *rule)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_NETWORK_FILTER_RULE (rule), GVIR_CONFIG_NETWORK_FILTER_RULE_ACTION_DROP);

  return gvir_config_object_get_attribute_genum (GVIR_CONFIG_OBJECT (rule), NULL, "action",
                                                 GVIR_CONFIG_TYPE_NETWORK_FILTER_RULE_ACTION, GVIR_CONFIG_NETWORK_FILTER_RULE_ACTION_DROP);
}

/**
 * gvir_config_network_filter_rule_set_action:
 * @rule: a #GVirConfigNetworkFilterRule
 * @action: what happens to matching traffic
 *
 * Sets what happens to matching traffic.
 */
void
gvir_config_network_filter_rule_set_action (GVirConfigNetworkFilterRule *rule, GVirConfigNetworkFilterRuleAction action)
{
  g_return_if_fail (GVIR_CONFIG_IS_NETWORK_FILTER_RULE (rule));
  g_return_if_fail (gvir_config_genum_get_nick (GVIR_CONFIG_TYPE_NETWORK_FILTER_RULE_ACTION, action) != NULL);

  gvir_config_object_set_attribute_genum (GVIR_CONFIG_OBJECT (rule), NULL, "action", GVIR_CONFIG_TYPE_NETWORK_FILTER_RULE_ACTION, action);
}

/**
 * gvir_config_network_filter_rule_get_direction:
 * @rule: a #GVirConfigNetworkFilterRule
 *
 * Gets the direction of traffic the rule applies to.
 *
 * Returns: the direction of traffic the rule applies to; %GVIR_CONFIG_NETWORK_FILTER_RULE_DIRECTION_INOUT if unset or unknown
 */
GVirConfigNetworkFilterRuleDirection
gvir_config_network_filter_rule_get_direction (GVirConfigNetworkFilterRule *rule)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_NETWORK_FILTER_RULE (rule), GVIR_CONFIG_NETWORK_FILTER_RULE_DIRECTION_INOUT);

  return gvir_config_object_get_attribute_genum (GVIR_CONFIG_OBJECT (rule), NULL, "direction",
                                                 GVIR_CONFIG_TYPE_NETWORK_FILTER_RULE_DIRECTION, GVIR_CONFIG_NETWORK_FILTER_RULE_DIRECTION_INOUT);
}

/**
 * gvir_config_network_filter_rule_set_direction:
 * @rule: a #GVirConfigNetworkFilterRule
 * @direction: the direction of traffic the rule applies to
 *
 * Sets the direction of traffic the rule applies to.
 */
void
gvir_config_network_filter_rule_set_direction (GVirConfigNetworkFilterRule *rule, GVirConfigNetworkFilterRuleDirection direction)
{
  g_return_if_fail (GVIR_CONFIG_IS_NETWORK_FILTER_RULE (rule));
  g_return_if_fail (gvir_config_genum_get_nick (GVIR_CONFIG_TYPE_NETWORK_FILTER_RULE_DIRECTION, direction) != NULL);

  gvir_config_object_set_attribute_genum (GVIR_CONFIG_OBJECT (rule), NULL, "direction", GVIR_CONFIG_TYPE_NETWORK_FILTER_RULE_DIRECTION, direction);
}

/**
 * gvir_config_network_filter_rule_get_priority:
 * @rule: a #GVirConfigNetworkFilterRule
 *
 * Gets the priority of the rule; lower values are evaluated first.
 *
 * Returns: the priority, between -1000 and 1000; libvirt's default 500 if
 *   unset or invalid
 */
gint
gvir_config_network_filter_rule_get_priority (GVirConfigNetworkFilterRule *rule)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_NETWORK_FILTER_RULE (rule), 500);

  return gvir_config_doc_get_priority (GVIR_CONFIG_OBJECT (rule), 500);
}

/**
 * gvir_config_network_filter_rule_set_priority:
 * @rule: a #GVirConfigNetworkFilterRule
 * @priority: the priority, between -1000 and 1000
 *
 * Sets the priority of the rule.
 */
void
gvir_config_network_filter_rule_set_priority (GVirConfigNetworkFilterRule *rule, gint priority)
{
  g_return_if_fail (GVIR_CONFIG_IS_NETWORK_FILTER_RULE (rule));
  g_return_if_fail (priority >= -1000 && priority <= 1000);

  gvir_config_doc_set_priority (GVIR_CONFIG_OBJECT (rule), priority);
}
