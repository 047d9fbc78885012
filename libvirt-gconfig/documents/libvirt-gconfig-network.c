/*
 * libvirt-gconfig-network.c: a virtual network
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
 * SECTION:libvirt-gconfig-network
 * @title: GVirConfigNetwork
 * @short_description: A virtual network
 *
 * A `<network>` document: name, UUID, the bridge device, how traffic
 * leaves the network (`<forward>`), its DNS domain, MTU and its first
 * `<ip>` element with the DHCP ranges and fixed hosts under it.
 *
 * |[<!-- language="C" -->
 * g_autoptr(GVirConfigNetwork) network = gvir_config_network_new ();
 * gvir_config_network_set_name (network, "default");
 * gvir_config_network_set_forward_mode (network, GVIR_CONFIG_NETWORK_FORWARD_NAT);
 * gvir_config_network_set_bridge_name (network, "virbr0");
 * gvir_config_network_set_ip_address (network, "192.168.122.1");
 * gvir_config_network_set_ip_netmask (network, "255.255.255.0");
 * ]|
 */

/**
 * GVirConfigNetwork:
 *
 * A virtual network description.
 */
struct _GVirConfigNetwork
{
  GVirConfigObject parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigNetwork, gvir_config_network, GVIR_CONFIG_TYPE_OBJECT)

static void
gvir_config_network_class_init (GVirConfigNetworkClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "network",
                                     GVIR_CONFIG_SCHEMA_DIR "/network.rng");
}

static void
gvir_config_network_init (GVirConfigNetwork *self)
{
}

/**
 * gvir_config_network_new:
 *
 * Creates a #GVirConfigNetwork holding an empty `<network>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigNetwork *
gvir_config_network_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_NETWORK, NULL);
}

/**
 * gvir_config_network_new_from_xml:
 * @xml: an XML document whose root element is `<network>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigNetwork. Malformed XML or another root element
 * gives a #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigNetwork *
gvir_config_network_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigNetwork *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_NETWORK, "network", NULL,
                                                                xml, error);
}

/**
 * gvir_config_network_get_name:
 * @network: a #GVirConfigNetwork
 *
 * Gets the network name.
 *
 * Returns: (transfer none) (nullable): the network name, or %NULL if unset
 */
const gchar *
gvir_config_network_get_name (GVirConfigNetwork *network)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_NETWORK (network), NULL);

  return gvir_config_object_get_node_content (GVIR_CONFIG_OBJECT (network), "name");
}

/**
 * gvir_config_network_set_name:
 * @network: a #GVirConfigNetwork
 * @name: (nullable): the network name, or %NULL to remove it
 *
 * Sets the network name.
 */
void
gvir_config_network_set_name (GVirConfigNetwork *network, const gchar *name)
{
  g_return_if_fail (GVIR_CONFIG_IS_NETWORK (network));

  gvir_config_object_set_node_content (GVIR_CONFIG_OBJECT (network), "name", name);
}

/**
 * gvir_config_network_get_uuid:
 * @network: a #GVirConfigNetwork
 *
 * Gets the network UUID.
 *
 * Returns: (transfer none) (nullable): the network UUID, or %NULL if unset
 */
const gchar *
gvir_config_network_get_uuid (GVirConfigNetwork *network)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_NETWORK (network), NULL);

  return gvir_config_object_get_node_content (GVIR_CONFIG_OBJECT (network), "uuid");
}

/**
 * gvir_config_network_set_uuid:
 * @network: a #GVirConfigNetwork
 * @uuid: (nullable): the network UUID, or %NULL to remove it
 *
 * Sets the network UUID. @uuid must be a UUID such as
 * "c7a5fdbd-cdaf-9455-926a-d65c16db1809".
 */
void
gvir_config_network_set_uuid (GVirConfigNetwork *network, const gchar *uuid)
{
  g_return_if_fail (GVIR_CONFIG_IS_NETWORK (network));
  g_return_if_fail (uuid == NULL || gvir_config_doc_uuid_is_valid (uuid));

  gvir_config_object_set_node_content (GVIR_CONFIG_OBJECT (network), "uuid", uuid);
}

/**
 * gvir_config_network_get_forward_dev:
 * @network: a #GVirConfigNetwork
 *
 * Gets the host device traffic is forwarded through.
 *
 * Returns: (transfer none) (nullable): the host device traffic is forwarded through, or %NULL if unset
 */
const gchar *
gvir_config_network_get_forward_dev (GVirConfigNetwork *network)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_NETWORK (network), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (network), "forward", "dev");
}

/**
 * gvir_config_network_set_forward_dev:
 * @network: a #GVirConfigNetwork
 * @forward_dev: (nullable): the host device traffic is forwarded through, or %NULL
 *
 * Sets the host device traffic is forwarded through; %NULL removes the attribute.
 */
void
gvir_config_network_set_forward_dev (GVirConfigNetwork *network, const gchar *forward_dev)
{
  g_return_if_fail (GVIR_CONFIG_IS_NETWORK (network));

  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (network), "forward", "dev", forward_dev);
}

/**
 * gvir_config_network_get_bridge_name:
 * @network: a #GVirConfigNetwork
 *
 * Gets the name of the bridge device.
 *
 * Returns: (transfer none) (nullable): the name of the bridge device, or %NULL if unset
 */
const gchar *
gvir_config_network_get_bridge_name (GVirConfigNetwork *network)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_NETWORK (network), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (network), "bridge", "name");
}

/**
 * gvir_config_network_set_bridge_name:
 * @network: a #GVirConfigNetwork
 * @bridge_name: (nullable): the name of the bridge device, or %NULL
 *
 * Sets the name of the bridge device; %NULL removes the attribute.
 */
void
gvir_config_network_set_bridge_name (GVirConfigNetwork *network, const gchar *bridge_name)
{
  g_return_if_fail (GVIR_CONFIG_IS_NETWORK (network));

  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (network), "bridge", "name", bridge_name);
}

/**
 * gvir_config_network_get_bridge_delay:
 * @network: a #GVirConfigNetwork
 *
 * Gets the bridge forward delay in seconds.
 *
 * Returns: the bridge forward delay in seconds, or 0 if unset or invalid
 */
guint
gvir_config_network_get_bridge_delay (GVirConfigNetwork *network)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_NETWORK (network), 0);

  return (guint) MIN (gvir_config_object_get_attribute_uint64 (GVIR_CONFIG_OBJECT (network), "bridge", "delay", 0),
                    G_MAXUINT);
}

/**
 * gvir_config_network_set_bridge_delay:
 * @network: a #GVirConfigNetwork
 * @bridge_delay: the bridge forward delay in seconds, or 0 to remove it
 *
 * Sets the bridge forward delay in seconds.
 */
void
gvir_config_network_set_bridge_delay (GVirConfigNetwork *network, guint bridge_delay)
{
  g_return_if_fail (GVIR_CONFIG_IS_NETWORK (network));

  gvir_config_doc_set_uint_attribute (GVIR_CONFIG_OBJECT (network), "bridge", "delay", bridge_delay);
}

/**
 * gvir_config_network_get_domain_name:
 * @network: a #GVirConfigNetwork
 *
 * Gets the DNS domain of the network.
 *
 * Returns: (transfer none) (nullable): the DNS domain of the network, or %NULL if unset
 */
const gchar *
gvir_config_network_get_domain_name (GVirConfigNetwork *network)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_NETWORK (network), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (network), "domain", "name");
}

/**
 * gvir_config_network_set_domain_name:
 * @network: a #GVirConfigNetwork
 * @domain_name: (nullable): the DNS domain of the network, or %NULL
 *
 * Sets the DNS domain of the network; it replaces the whole `<domain>` element; %NULL removes the element.
 */
void
gvir_config_network_set_domain_name (GVirConfigNetwork *network, const gchar *domain_name)
{
  g_return_if_fail (GVIR_CONFIG_IS_NETWORK (network));

  gvir_config_doc_set_single_attribute (GVIR_CONFIG_OBJECT (network), "domain", "name", domain_name);
}

/**
 * gvir_config_network_get_mtu:
 * @network: a #GVirConfigNetwork
 *
 * Gets the MTU of the network.
 *
 * Returns: the MTU of the network, or 0 if unset or invalid
 */
guint
gvir_config_network_get_mtu (GVirConfigNetwork *network)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_NETWORK (network), 0);

  return (guint) MIN (gvir_config_object_get_attribute_uint64 (GVIR_CONFIG_OBJECT (network), "mtu", "size", 0),
                    G_MAXUINT);
}

/**
 * gvir_config_network_set_mtu:
 * @network: a #GVirConfigNetwork
 * @mtu: the MTU of the network, or 0 to remove it
 *
 * Sets the MTU of the network.
 */
void
gvir_config_network_set_mtu (GVirConfigNetwork *network, guint mtu)
{
  g_return_if_fail (GVIR_CONFIG_IS_NETWORK (network));

  gvir_config_doc_set_uint_attribute (GVIR_CONFIG_OBJECT (network), "mtu", "size", mtu);
}

/**
 * gvir_config_network_get_forward_mode:
 * @network: a #GVirConfigNetwork
 *
 * Gets how traffic leaves the network. A `<forward>` element without a
 * mode means NAT, as in libvirt.
 *
 * Returns: the forward mode; %GVIR_CONFIG_NETWORK_FORWARD_NONE without
 *   `<forward>` or with an unknown mode
 */
GVirConfigNetworkForwardMode
gvir_config_network_get_forward_mode (GVirConfigNetwork *network)
{
  GVirConfigObject *self;

  g_return_val_if_fail (GVIR_CONFIG_IS_NETWORK (network), GVIR_CONFIG_NETWORK_FORWARD_NONE);

  self = GVIR_CONFIG_OBJECT (network);
  if (!gvir_config_object_has_child (self, "forward"))
    return GVIR_CONFIG_NETWORK_FORWARD_NONE;
  if (gvir_config_object_get_attribute (self, "forward", "mode") == NULL)
    return GVIR_CONFIG_NETWORK_FORWARD_NAT;
  return gvir_config_object_get_attribute_genum (self, "forward", "mode",
                                                 GVIR_CONFIG_TYPE_NETWORK_FORWARD_MODE,
                                                 GVIR_CONFIG_NETWORK_FORWARD_NONE);
}

/**
 * gvir_config_network_set_forward_mode:
 * @network: a #GVirConfigNetwork
 * @mode: the forward mode
 *
 * Sets how traffic leaves the network. %GVIR_CONFIG_NETWORK_FORWARD_NONE
 * removes `<forward>`, making the network isolated.
 */
void
gvir_config_network_set_forward_mode (GVirConfigNetwork *network,
                                      GVirConfigNetworkForwardMode mode)
{
  GVirConfigObject *self;

  g_return_if_fail (GVIR_CONFIG_IS_NETWORK (network));
  g_return_if_fail (gvir_config_genum_get_nick (GVIR_CONFIG_TYPE_NETWORK_FORWARD_MODE, mode) != NULL);

  self = GVIR_CONFIG_OBJECT (network);
  if (mode == GVIR_CONFIG_NETWORK_FORWARD_NONE)
    {
      gvir_config_object_delete_children (self, "forward");
      return;
    }
  gvir_config_object_set_attribute_genum (self, "forward", "mode",
                                          GVIR_CONFIG_TYPE_NETWORK_FORWARD_MODE, mode);
}

/**
 * gvir_config_network_get_bridge_stp:
 * @network: a #GVirConfigNetwork
 *
 * Gets whether the bridge runs the Spanning Tree Protocol.
 *
 * Returns: %TRUE if STP is on, which is libvirt's default when unset
 */
gboolean
gvir_config_network_get_bridge_stp (GVirConfigNetwork *network)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_NETWORK (network), TRUE);

  return gvir_config_object_get_attribute_boolean (GVIR_CONFIG_OBJECT (network), "bridge", "stp", TRUE);
}

/**
 * gvir_config_network_set_bridge_stp:
 * @network: a #GVirConfigNetwork
 * @stp: whether the bridge runs the Spanning Tree Protocol
 *
 * Sets whether the bridge runs STP, written as "on" or "off" like libvirt
 * writes it.
 */
void
gvir_config_network_set_bridge_stp (GVirConfigNetwork *network, gboolean stp)
{
  g_return_if_fail (GVIR_CONFIG_IS_NETWORK (network));

  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (network), "bridge", "stp", stp ? "on" : "off");
}

/* The first <ip> element, which holds the address most users mean. */
static xmlNodePtr
network_get_ip (GVirConfigNetwork *network, gboolean create)
{
  GVirConfigObject *self = GVIR_CONFIG_OBJECT (network);

  if (create)
    return gvir_config_object_ensure_child (self, "ip");
  return gvir_config_xml_get_element (gvir_config_object_get_xml_node (self), "ip");
}

static xmlNodePtr
network_get_dhcp (GVirConfigNetwork *network, gboolean create)
{
  xmlNodePtr ip = network_get_ip (network, create);
  xmlNodePtr dhcp = gvir_config_xml_get_element (ip, "dhcp");

  if (dhcp == NULL && create)
    dhcp = xmlNewChild (ip, NULL, (const xmlChar *) "dhcp", NULL);
  return dhcp;
}

/**
 * gvir_config_network_get_ip_address:
 * @network: a #GVirConfigNetwork
 *
 * Gets the host's address on the network, from the first `<ip>`.
 *
 * Returns: (transfer none) (nullable): the address, or %NULL if unset
 */
const gchar *
gvir_config_network_get_ip_address (GVirConfigNetwork *network)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_NETWORK (network), NULL);

  return gvir_config_xml_node_get_attribute (network_get_ip (network, FALSE), "address");
}

/**
 * gvir_config_network_set_ip_address:
 * @network: a #GVirConfigNetwork
 * @address: (nullable): an IPv4 or IPv6 address, or %NULL to remove the
 *   first `<ip>` element with its DHCP settings
 *
 * Sets the host's address on the network, creating `<ip>` if needed.
 */
void
gvir_config_network_set_ip_address (GVirConfigNetwork *network, const gchar *address)
{
  xmlNodePtr ip;

  g_return_if_fail (GVIR_CONFIG_IS_NETWORK (network));
  g_return_if_fail (address == NULL || gvir_config_doc_ip_is_valid (address));

  if (address != NULL)
    {
      gvir_config_xml_node_set_attribute (network_get_ip (network, TRUE), "address", address);
      return;
    }
  ip = network_get_ip (network, FALSE);
  if (ip != NULL)
    gvir_config_object_delete_node (GVIR_CONFIG_OBJECT (network), ip);
}

/**
 * gvir_config_network_get_ip_netmask:
 * @network: a #GVirConfigNetwork
 *
 * Gets the IPv4 netmask of the first `<ip>`.
 *
 * Returns: (transfer none) (nullable): the netmask, or %NULL if unset
 */
const gchar *
gvir_config_network_get_ip_netmask (GVirConfigNetwork *network)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_NETWORK (network), NULL);

  return gvir_config_xml_node_get_attribute (network_get_ip (network, FALSE), "netmask");
}

/**
 * gvir_config_network_set_ip_netmask:
 * @network: a #GVirConfigNetwork
 * @netmask: (nullable): an IPv4 netmask such as "255.255.255.0", or %NULL
 *   to remove it
 *
 * Sets the IPv4 netmask of the first `<ip>`, creating it if needed.
 */
void
gvir_config_network_set_ip_netmask (GVirConfigNetwork *network, const gchar *netmask)
{
  xmlNodePtr ip;

  g_return_if_fail (GVIR_CONFIG_IS_NETWORK (network));
  g_return_if_fail (netmask == NULL || gvir_config_doc_ipv4_netmask_is_valid (netmask));

  ip = network_get_ip (network, netmask != NULL);
  if (ip != NULL)
    gvir_config_xml_node_set_attribute (ip, "netmask", netmask);
}

/**
 * gvir_config_network_get_ip_prefix:
 * @network: a #GVirConfigNetwork
 *
 * Gets the prefix length of the first `<ip>`.
 *
 * Returns: the prefix length, or 0 if unset or invalid
 */
guint
gvir_config_network_get_ip_prefix (GVirConfigNetwork *network)
{
  const char *text;
  guint64 prefix;

  g_return_val_if_fail (GVIR_CONFIG_IS_NETWORK (network), 0);

  text = gvir_config_xml_node_get_attribute (network_get_ip (network, FALSE), "prefix");
  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 0, 128, &prefix, NULL))
    return 0;
  return (guint) prefix;
}

/**
 * gvir_config_network_set_ip_prefix:
 * @network: a #GVirConfigNetwork
 * @prefix: the prefix length, at most 128; 0 removes it
 *
 * Sets the prefix length of the first `<ip>`, an alternative to the
 * netmask that IPv6 requires.
 */
void
gvir_config_network_set_ip_prefix (GVirConfigNetwork *network, guint prefix)
{
  xmlNodePtr ip;
  char buf[16];

  g_return_if_fail (GVIR_CONFIG_IS_NETWORK (network));
  g_return_if_fail (prefix <= 128);

  ip = network_get_ip (network, prefix != 0);
  if (ip == NULL)
    return;
  g_snprintf (buf, sizeof buf, "%u", prefix);
  gvir_config_xml_node_set_attribute (ip, "prefix", prefix != 0 ? buf : NULL);
}

static GList *
network_get_dhcp_children (GVirConfigNetwork *network, const char *name, GType type)
{
  xmlNodePtr dhcp = network_get_dhcp (network, FALSE);
  GList *list = NULL;

  if (dhcp == NULL)
    return NULL;
  for (xmlNodePtr child = dhcp->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE && g_strcmp0 ((const char *) child->name, name) == 0)
      list = g_list_prepend (list, gvir_config_object_new_view (GVIR_CONFIG_OBJECT (network),
                                                                type, child));
  return g_list_reverse (list);
}

/**
 * gvir_config_network_get_dhcp_ranges:
 * @network: a #GVirConfigNetwork
 *
 * Gets live views of the DHCP ranges of the first `<ip>`.
 *
 * Returns: (transfer full) (element-type LibvirtGConfig.NetworkDhcpRange):
 *   the ranges, possibly empty
 */
GList *
gvir_config_network_get_dhcp_ranges (GVirConfigNetwork *network)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_NETWORK (network), NULL);

  return network_get_dhcp_children (network, "range", GVIR_CONFIG_TYPE_NETWORK_DHCP_RANGE);
}

/**
 * gvir_config_network_add_dhcp_range:
 * @network: a #GVirConfigNetwork
 * @range: the range to add
 *
 * Appends @range under the first `<ip>`'s `<dhcp>`, creating both if
 * needed. @range becomes part of @network's document.
 */
void
gvir_config_network_add_dhcp_range (GVirConfigNetwork *network,
                                    GVirConfigNetworkDhcpRange *range)
{
  g_return_if_fail (GVIR_CONFIG_IS_NETWORK (network));
  g_return_if_fail (GVIR_CONFIG_IS_NETWORK_DHCP_RANGE (range));

  gvir_config_object_attach_to_node (GVIR_CONFIG_OBJECT (network), network_get_dhcp (network, TRUE),
                                     GVIR_CONFIG_OBJECT (range));
}

/**
 * gvir_config_network_get_dhcp_hosts:
 * @network: a #GVirConfigNetwork
 *
 * Gets live views of the fixed DHCP hosts of the first `<ip>`.
 *
 * Returns: (transfer full) (element-type LibvirtGConfig.NetworkDhcpHost):
 *   the hosts, possibly empty
 */
GList *
gvir_config_network_get_dhcp_hosts (GVirConfigNetwork *network)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_NETWORK (network), NULL);

  return network_get_dhcp_children (network, "host", GVIR_CONFIG_TYPE_NETWORK_DHCP_HOST);
}

/**
 * gvir_config_network_add_dhcp_host:
 * @network: a #GVirConfigNetwork
 * @host: the host to add
 *
 * Appends @host under the first `<ip>`'s `<dhcp>`, creating both if
 * needed. @host becomes part of @network's document.
 */
void
gvir_config_network_add_dhcp_host (GVirConfigNetwork *network,
                                   GVirConfigNetworkDhcpHost *host)
{
  g_return_if_fail (GVIR_CONFIG_IS_NETWORK (network));
  g_return_if_fail (GVIR_CONFIG_IS_NETWORK_DHCP_HOST (host));

  gvir_config_object_attach_to_node (GVIR_CONFIG_OBJECT (network), network_get_dhcp (network, TRUE),
                                     GVIR_CONFIG_OBJECT (host));
}

/**
 * gvir_config_network_clear_dhcp:
 * @network: a #GVirConfigNetwork
 *
 * Removes the `<dhcp>` element of the first `<ip>`, with all its ranges and
 * hosts, turning the DHCP server off.
 */
void
gvir_config_network_clear_dhcp (GVirConfigNetwork *network)
{
  xmlNodePtr dhcp;

  g_return_if_fail (GVIR_CONFIG_IS_NETWORK (network));

  dhcp = network_get_dhcp (network, FALSE);
  if (dhcp != NULL)
    gvir_config_object_delete_node (GVIR_CONFIG_OBJECT (network), dhcp);
}
