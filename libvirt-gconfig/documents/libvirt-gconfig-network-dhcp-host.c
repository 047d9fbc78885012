/*
 * libvirt-gconfig-network-dhcp-host.c: a fixed DHCP lease of a network
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
 * SECTION:libvirt-gconfig-network-dhcp-host
 * @title: GVirConfigNetworkDhcpHost
 * @short_description: A fixed dhcp lease of a network
 *
 * A `<host>` under a network's `<ip><dhcp>`: the address and name the
 * DHCP server always gives to one MAC address.
 *
 * |[<!-- language="C" -->
 * g_autoptr(GVirConfigNetworkDhcpHost) host = gvir_config_network_dhcp_host_new ();
 * gvir_config_network_dhcp_host_set_mac (host, "52:54:00:6c:3c:01");
 * gvir_config_network_dhcp_host_set_name (host, "web");
 * gvir_config_network_dhcp_host_set_ip (host, "192.168.122.10");
 * gvir_config_network_add_dhcp_host (network, host);
 * ]|
 */

/**
 * GVirConfigNetworkDhcpHost:
 *
 * A DHCP `<host>` of a virtual network.
 */
struct _GVirConfigNetworkDhcpHost
{
  GVirConfigObject parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigNetworkDhcpHost, gvir_config_network_dhcp_host, GVIR_CONFIG_TYPE_OBJECT)

static void
gvir_config_network_dhcp_host_class_init (GVirConfigNetworkDhcpHostClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "host",
                                     NULL);
}

static void
gvir_config_network_dhcp_host_init (GVirConfigNetworkDhcpHost *self)
{
}

/**
 * gvir_config_network_dhcp_host_new:
 *
 * Creates a #GVirConfigNetworkDhcpHost holding an empty `<host>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigNetworkDhcpHost *
gvir_config_network_dhcp_host_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_NETWORK_DHCP_HOST, NULL);
}

/**
 * gvir_config_network_dhcp_host_new_from_xml:
 * @xml: an XML document whose root element is `<host>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigNetworkDhcpHost. Malformed XML or another root element
 * gives a #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigNetworkDhcpHost *
gvir_config_network_dhcp_host_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigNetworkDhcpHost *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_NETWORK_DHCP_HOST, "host", NULL,
                                                                        xml, error);
}

/**
 * gvir_config_network_dhcp_host_get_mac:
 * @host: a #GVirConfigNetworkDhcpHost
 *
 * Gets the MAC address of the guest interface.
 *
 * Returns: (transfer none) (nullable): the MAC address of the guest interface, or %NULL if unset
 */
const gchar *
gvir_config_network_dhcp_host_get_mac (GVirConfigNetworkDhcpHost *host)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_NETWORK_DHCP_HOST (host), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (host), NULL, "mac");
}

/**
 * gvir_config_network_dhcp_host_set_mac:
 * @host: a #GVirConfigNetworkDhcpHost
 * @mac: (nullable): the MAC address of the guest interface, or %NULL
 *
 * Sets the MAC address of the guest interface; %NULL removes the attribute. @mac must be six colon-separated hex pairs.
 */
void
gvir_config_network_dhcp_host_set_mac (GVirConfigNetworkDhcpHost *host, const gchar *mac)
{
  g_return_if_fail (GVIR_CONFIG_IS_NETWORK_DHCP_HOST (host));
  g_return_if_fail (mac == NULL || gvir_config_doc_mac_is_valid (mac));

  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (host), NULL, "mac", mac);
}

/**
 * gvir_config_network_dhcp_host_get_name:
 * @host: a #GVirConfigNetworkDhcpHost
 *
 * Gets the host name given to the guest.
 *
 * Returns: (transfer none) (nullable): the host name given to the guest, or %NULL if unset
 */
const gchar *
gvir_config_network_dhcp_host_get_name (GVirConfigNetworkDhcpHost *host)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_NETWORK_DHCP_HOST (host), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (host), NULL, "name");
}

/**
 * gvir_config_network_dhcp_host_set_name:
 * @host: a #GVirConfigNetworkDhcpHost
 * @name: (nullable): the host name given to the guest, or %NULL
 *
 * Sets the host name given to the guest; %NULL removes the attribute.
 */
void
gvir_config_network_dhcp_host_set_name (GVirConfigNetworkDhcpHost *host, const gchar *name)
{
  g_return_if_fail (GVIR_CONFIG_IS_NETWORK_DHCP_HOST (host));

  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (host), NULL, "name", name);
}

/**
 * gvir_config_network_dhcp_host_get_ip:
 * @host: a #GVirConfigNetworkDhcpHost
 *
 * Gets the address given to the guest.
 *
 * Returns: (transfer none) (nullable): the address given to the guest, or %NULL if unset
 */
const gchar *
gvir_config_network_dhcp_host_get_ip (GVirConfigNetworkDhcpHost *host)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_NETWORK_DHCP_HOST (host), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (host), NULL, "ip");
}

/**
 * gvir_config_network_dhcp_host_set_ip:
 * @host: a #GVirConfigNetworkDhcpHost
 * @ip: (nullable): the address given to the guest, or %NULL
 *
 * Sets the address given to the guest; %NULL removes the attribute. @ip must be an IPv4 or IPv6 address.
 */
void
gvir_config_network_dhcp_host_set_ip (GVirConfigNetworkDhcpHost *host, const gchar *ip)
{
  g_return_if_fail (GVIR_CONFIG_IS_NETWORK_DHCP_HOST (host));
  g_return_if_fail (ip == NULL || gvir_config_doc_ip_is_valid (ip));

  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (host), NULL, "ip", ip);
}
