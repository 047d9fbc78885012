/*
 * libvirt-gconfig-network-filter-rule.h: a rule of a network filter
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#pragma once

#if !defined(__LIBVIRT_GCONFIG_H__) && !defined(LIBVIRT_GCONFIG_BUILD)
#error "Only <libvirt-gconfig/libvirt-gconfig.h> can be included directly."
#endif

#include <libvirt-gconfig/libvirt-gconfig-object.h>

G_BEGIN_DECLS

/**
 * GVirConfigNetworkFilterRuleAction:
 * @GVIR_CONFIG_NETWORK_FILTER_RULE_ACTION_DROP: drop the packet silently
 * @GVIR_CONFIG_NETWORK_FILTER_RULE_ACTION_REJECT: drop the packet and tell the sender
 * @GVIR_CONFIG_NETWORK_FILTER_RULE_ACTION_ACCEPT: accept the packet
 * @GVIR_CONFIG_NETWORK_FILTER_RULE_ACTION_RETURN: stop this filter, go on with the caller
 * @GVIR_CONFIG_NETWORK_FILTER_RULE_ACTION_CONTINUE: go on with the next rule
 *
 * What a rule does with matching traffic, written as its action attribute.
 */
typedef enum
{
  GVIR_CONFIG_NETWORK_FILTER_RULE_ACTION_DROP,
  GVIR_CONFIG_NETWORK_FILTER_RULE_ACTION_REJECT,
  GVIR_CONFIG_NETWORK_FILTER_RULE_ACTION_ACCEPT,
  GVIR_CONFIG_NETWORK_FILTER_RULE_ACTION_RETURN,
  GVIR_CONFIG_NETWORK_FILTER_RULE_ACTION_CONTINUE,
} GVirConfigNetworkFilterRuleAction;

/**
 * GVirConfigNetworkFilterRuleDirection:
 * @GVIR_CONFIG_NETWORK_FILTER_RULE_DIRECTION_IN: traffic to the guest
 * @GVIR_CONFIG_NETWORK_FILTER_RULE_DIRECTION_OUT: traffic from the guest
 * @GVIR_CONFIG_NETWORK_FILTER_RULE_DIRECTION_INOUT: traffic both ways
 *
 * The traffic a rule applies to, written as its direction attribute.
 */
typedef enum
{
  GVIR_CONFIG_NETWORK_FILTER_RULE_DIRECTION_IN,
  GVIR_CONFIG_NETWORK_FILTER_RULE_DIRECTION_OUT,
  GVIR_CONFIG_NETWORK_FILTER_RULE_DIRECTION_INOUT,
} GVirConfigNetworkFilterRuleDirection;

/**
 * GVIR_CONFIG_TYPE_NETWORK_FILTER_RULE:
 *
 * The #GType of #GVirConfigNetworkFilterRule.
 */
#define GVIR_CONFIG_TYPE_NETWORK_FILTER_RULE (gvir_config_network_filter_rule_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigNetworkFilterRule, gvir_config_network_filter_rule,
                      GVIR_CONFIG, NETWORK_FILTER_RULE, GVirConfigObject)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigNetworkFilterRule *gvir_config_network_filter_rule_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigNetworkFilterRule *gvir_config_network_filter_rule_new_from_xml (const gchar *xml, GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigNetworkFilterRuleAction gvir_config_network_filter_rule_get_action (GVirConfigNetworkFilterRule *rule);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_network_filter_rule_set_action (GVirConfigNetworkFilterRule *rule, GVirConfigNetworkFilterRuleAction action);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigNetworkFilterRuleDirection gvir_config_network_filter_rule_get_direction (GVirConfigNetworkFilterRule *rule);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_network_filter_rule_set_direction (GVirConfigNetworkFilterRule *rule, GVirConfigNetworkFilterRuleDirection direction);
GVIR_CONFIG_AVAILABLE_IN_ALL
gint gvir_config_network_filter_rule_get_priority (GVirConfigNetworkFilterRule *rule);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_network_filter_rule_set_priority (GVirConfigNetworkFilterRule *rule,
                                                   gint priority);

G_END_DECLS
