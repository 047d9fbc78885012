/*
 * libvirt-gconfig-network-dhcp-range.h: a range of addresses a network hands out
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
 * GVIR_CONFIG_TYPE_NETWORK_DHCP_RANGE:
 *
 * The #GType of #GVirConfigNetworkDhcpRange.
 */
#define GVIR_CONFIG_TYPE_NETWORK_DHCP_RANGE (gvir_config_network_dhcp_range_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigNetworkDhcpRange, gvir_config_network_dhcp_range,
                      GVIR_CONFIG, NETWORK_DHCP_RANGE, GVirConfigObject)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigNetworkDhcpRange *gvir_config_network_dhcp_range_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigNetworkDhcpRange *gvir_config_network_dhcp_range_new_from_xml (const gchar *xml, GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_network_dhcp_range_get_start (GVirConfigNetworkDhcpRange *range);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_network_dhcp_range_set_start (GVirConfigNetworkDhcpRange *range, const gchar *start);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_network_dhcp_range_get_end (GVirConfigNetworkDhcpRange *range);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_network_dhcp_range_set_end (GVirConfigNetworkDhcpRange *range, const gchar *end);

G_END_DECLS
