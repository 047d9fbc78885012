/*
 * libvirt-gconfig-network-dhcp-host.h: a fixed DHCP lease of a network
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
 * GVIR_CONFIG_TYPE_NETWORK_DHCP_HOST:
 *
 * The #GType of #GVirConfigNetworkDhcpHost.
 */
#define GVIR_CONFIG_TYPE_NETWORK_DHCP_HOST (gvir_config_network_dhcp_host_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigNetworkDhcpHost, gvir_config_network_dhcp_host,
                      GVIR_CONFIG, NETWORK_DHCP_HOST, GVirConfigObject)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigNetworkDhcpHost *gvir_config_network_dhcp_host_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigNetworkDhcpHost *gvir_config_network_dhcp_host_new_from_xml (const gchar *xml, GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_network_dhcp_host_get_mac (GVirConfigNetworkDhcpHost *host);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_network_dhcp_host_set_mac (GVirConfigNetworkDhcpHost *host, const gchar *mac);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_network_dhcp_host_get_name (GVirConfigNetworkDhcpHost *host);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_network_dhcp_host_set_name (GVirConfigNetworkDhcpHost *host, const gchar *name);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_network_dhcp_host_get_ip (GVirConfigNetworkDhcpHost *host);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_network_dhcp_host_set_ip (GVirConfigNetworkDhcpHost *host, const gchar *ip);

G_END_DECLS
