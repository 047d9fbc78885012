/*
 * libvirt-gconfig-network.h: a virtual network
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
#include <libvirt-gconfig/libvirt-gconfig-network-dhcp-range.h>
#include <libvirt-gconfig/libvirt-gconfig-network-dhcp-host.h>

G_BEGIN_DECLS

/**
 * GVirConfigNetworkForwardMode:
 * @GVIR_CONFIG_NETWORK_FORWARD_NONE: an isolated network, without `<forward>`
 * @GVIR_CONFIG_NETWORK_FORWARD_NAT: traffic leaves through NAT
 * @GVIR_CONFIG_NETWORK_FORWARD_ROUTE: traffic is routed without NAT
 * @GVIR_CONFIG_NETWORK_FORWARD_OPEN: routed, without any firewall rules
 * @GVIR_CONFIG_NETWORK_FORWARD_BRIDGE: an existing host bridge is used
 * @GVIR_CONFIG_NETWORK_FORWARD_PRIVATE: macvtap in private mode
 * @GVIR_CONFIG_NETWORK_FORWARD_VEPA: macvtap in VEPA mode
 * @GVIR_CONFIG_NETWORK_FORWARD_PASSTHROUGH: macvtap in passthrough mode
 * @GVIR_CONFIG_NETWORK_FORWARD_HOSTDEV: SR-IOV functions are assigned to guests
 *
 * How traffic leaves a virtual network, written as `<forward mode>`.
 */
typedef enum
{
  GVIR_CONFIG_NETWORK_FORWARD_NONE,
  GVIR_CONFIG_NETWORK_FORWARD_NAT,
  GVIR_CONFIG_NETWORK_FORWARD_ROUTE,
  GVIR_CONFIG_NETWORK_FORWARD_OPEN,
  GVIR_CONFIG_NETWORK_FORWARD_BRIDGE,
  GVIR_CONFIG_NETWORK_FORWARD_PRIVATE,
  GVIR_CONFIG_NETWORK_FORWARD_VEPA,
  GVIR_CONFIG_NETWORK_FORWARD_PASSTHROUGH,
  GVIR_CONFIG_NETWORK_FORWARD_HOSTDEV,
} GVirConfigNetworkForwardMode;

/**
 * GVIR_CONFIG_TYPE_NETWORK:
 *
 * The #GType of #GVirConfigNetwork.
 */
#define GVIR_CONFIG_TYPE_NETWORK (gvir_config_network_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigNetwork, gvir_config_network,
                      GVIR_CONFIG, NETWORK, GVirConfigObject)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigNetwork *gvir_config_network_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigNetwork *gvir_config_network_new_from_xml (const gchar *xml, GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_network_get_name (GVirConfigNetwork *network);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_network_set_name (GVirConfigNetwork *network, const gchar *name);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_network_get_uuid (GVirConfigNetwork *network);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_network_set_uuid (GVirConfigNetwork *network, const gchar *uuid);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_network_get_forward_dev (GVirConfigNetwork *network);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_network_set_forward_dev (GVirConfigNetwork *network, const gchar *forward_dev);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_network_get_bridge_name (GVirConfigNetwork *network);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_network_set_bridge_name (GVirConfigNetwork *network, const gchar *bridge_name);
GVIR_CONFIG_AVAILABLE_IN_ALL
guint gvir_config_network_get_bridge_delay (GVirConfigNetwork *network);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_network_set_bridge_delay (GVirConfigNetwork *network, guint bridge_delay);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_network_get_domain_name (GVirConfigNetwork *network);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_network_set_domain_name (GVirConfigNetwork *network, const gchar *domain_name);
GVIR_CONFIG_AVAILABLE_IN_ALL
guint gvir_config_network_get_mtu (GVirConfigNetwork *network);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_network_set_mtu (GVirConfigNetwork *network, guint mtu);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigNetworkForwardMode gvir_config_network_get_forward_mode (GVirConfigNetwork *network);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_network_set_forward_mode (GVirConfigNetwork *network,
                                           GVirConfigNetworkForwardMode mode);
GVIR_CONFIG_AVAILABLE_IN_ALL
gboolean gvir_config_network_get_bridge_stp (GVirConfigNetwork *network);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_network_set_bridge_stp (GVirConfigNetwork *network, gboolean stp);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_network_get_ip_address (GVirConfigNetwork *network);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_network_set_ip_address (GVirConfigNetwork *network, const gchar *address);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_network_get_ip_netmask (GVirConfigNetwork *network);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_network_set_ip_netmask (GVirConfigNetwork *network, const gchar *netmask);
GVIR_CONFIG_AVAILABLE_IN_ALL
guint gvir_config_network_get_ip_prefix (GVirConfigNetwork *network);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_network_set_ip_prefix (GVirConfigNetwork *network, guint prefix);
GVIR_CONFIG_AVAILABLE_IN_ALL
GList *gvir_config_network_get_dhcp_ranges (GVirConfigNetwork *network);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_network_add_dhcp_range (GVirConfigNetwork *network,
                                         GVirConfigNetworkDhcpRange *range);
GVIR_CONFIG_AVAILABLE_IN_ALL
GList *gvir_config_network_get_dhcp_hosts (GVirConfigNetwork *network);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_network_add_dhcp_host (GVirConfigNetwork *network,
                                        GVirConfigNetworkDhcpHost *host);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_network_clear_dhcp (GVirConfigNetwork *network);

G_END_DECLS
