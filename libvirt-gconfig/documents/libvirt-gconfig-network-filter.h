/*
 * libvirt-gconfig-network-filter.h: a network filter
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
#include <libvirt-gconfig/libvirt-gconfig-network-filter-rule.h>

G_BEGIN_DECLS

/**
 * GVIR_CONFIG_TYPE_NETWORK_FILTER:
 *
 * The #GType of #GVirConfigNetworkFilter.
 */
#define GVIR_CONFIG_TYPE_NETWORK_FILTER (gvir_config_network_filter_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigNetworkFilter, gvir_config_network_filter,
                      GVIR_CONFIG, NETWORK_FILTER, GVirConfigObject)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigNetworkFilter *gvir_config_network_filter_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigNetworkFilter *gvir_config_network_filter_new_from_xml (const gchar *xml, GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_network_filter_get_name (GVirConfigNetworkFilter *filter);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_network_filter_set_name (GVirConfigNetworkFilter *filter, const gchar *name);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_network_filter_get_uuid (GVirConfigNetworkFilter *filter);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_network_filter_set_uuid (GVirConfigNetworkFilter *filter, const gchar *uuid);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_network_filter_get_chain (GVirConfigNetworkFilter *filter);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_network_filter_set_chain (GVirConfigNetworkFilter *filter, const gchar *chain);
GVIR_CONFIG_AVAILABLE_IN_ALL
gint gvir_config_network_filter_get_priority (GVirConfigNetworkFilter *filter);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_network_filter_set_priority (GVirConfigNetworkFilter *filter, gint priority);
GVIR_CONFIG_AVAILABLE_IN_ALL
GList *gvir_config_network_filter_get_rules (GVirConfigNetworkFilter *filter);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_network_filter_add_rule (GVirConfigNetworkFilter *filter,
                                          GVirConfigNetworkFilterRule *rule);
GVIR_CONFIG_AVAILABLE_IN_ALL
gchar **gvir_config_network_filter_get_filterrefs (GVirConfigNetworkFilter *filter);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_network_filter_add_filterref (GVirConfigNetworkFilter *filter,
                                               const gchar *name);

G_END_DECLS
