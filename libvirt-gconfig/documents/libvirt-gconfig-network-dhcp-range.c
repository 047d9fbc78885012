/*
 * libvirt-gconfig-network-dhcp-range.c: a range of addresses a network hands out
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
 * SECTION:libvirt-gconfig-network-dhcp-range
 * @title: GVirConfigNetworkDhcpRange
 * @short_description: A range of addresses a network hands out
 *
 * A `<range>` under a network's `<ip><dhcp>`: the first and last
 * address the DHCP server hands out.
 *
 * |[<!-- language="C" -->
 * g_autoptr(GVirConfigNetworkDhcpRange) range = gvir_config_network_dhcp_range_new ();
 * gvir_config_network_dhcp_range_set_start (range, "192.168.122.2");
 * gvir_config_network_dhcp_range_set_end (range, "192.168.122.254");
 * gvir_config_network_add_dhcp_range (network, range);
 * ]|
 */

/**
 * GVirConfigNetworkDhcpRange:
 *
 * A DHCP `<range>` of a virtual network.
 */
struct _GVirConfigNetworkDhcpRange
{
  GVirConfigObject parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigNetworkDhcpRange, gvir_config_network_dhcp_range, GVIR_CONFIG_TYPE_OBJECT)

static void
gvir_config_network_dhcp_range_class_init (GVirConfigNetworkDhcpRangeClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "range",
                                     NULL);
}

static void
gvir_config_network_dhcp_range_init (GVirConfigNetworkDhcpRange *self)
{
}

/**
 * gvir_config_network_dhcp_range_new:
 *
 * Creates a #GVirConfigNetworkDhcpRange holding an empty `<range>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigNetworkDhcpRange *
gvir_config_network_dhcp_range_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_NETWORK_DHCP_RANGE, NULL);
}

/**
 * gvir_config_network_dhcp_range_new_from_xml:
 * @xml: an XML document whose root element is `<range>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigNetworkDhcpRange. Malformed XML or another root element
 * gives a #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigNetworkDhcpRange *
gvir_config_network_dhcp_range_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigNetworkDhcpRange *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_NETWORK_DHCP_RANGE, "range", NULL,
                                                                         xml, error);
}

/**
 * gvir_config_network_dhcp_range_get_start:
 * @range: a #GVirConfigNetworkDhcpRange
 *
 * Gets the first address of the range.
 *
 * Returns: (transfer none) (nullable): the first address of the range, or %NULL if unset
 */
const gchar *
gvir_config_network_dhcp_range_get_start (GVirConfigNetworkDhcpRange *range)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_NETWORK_DHCP_RANGE (range), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (range), NULL, "start");
}

/**
 * gvir_config_network_dhcp_range_set_start:
 * @range: a #GVirConfigNetworkDhcpRange
 * @start: (nullable): the first address of the range, or %NULL
 *
 * Sets the first address of the range; %NULL removes the attribute. @start must be an IPv4 or IPv6 address.
 */
void
gvir_config_network_dhcp_range_set_start (GVirConfigNetworkDhcpRange *range, const gchar *start)
{
  g_return_if_fail (GVIR_CONFIG_IS_NETWORK_DHCP_RANGE (range));
  g_return_if_fail (start == NULL || gvir_config_doc_ip_is_valid (start));

  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (range), NULL, "start", start);
}

/**
 * gvir_config_network_dhcp_range_get_end:
 * @range: a #GVirConfigNetworkDhcpRange
 *
 * Gets the last address of the range.
 *
 * Returns: (transfer none) (nullable): the last address of the range, or %NULL if unset
 */
const gchar *
gvir_config_network_dhcp_range_get_end (GVirConfigNetworkDhcpRange *range)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_NETWORK_DHCP_RANGE (range), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (range), NULL, "end");
}

/**
 * gvir_config_network_dhcp_range_set_end:
 * @range: a #GVirConfigNetworkDhcpRange
 * @end: (nullable): the last address of the range, or %NULL
 *
 * Sets the last address of the range; %NULL removes the attribute. @end must be an IPv4 or IPv6 address.
 */
void
gvir_config_network_dhcp_range_set_end (GVirConfigNetworkDhcpRange *range, const gchar *end)
{
  g_return_if_fail (GVIR_CONFIG_IS_NETWORK_DHCP_RANGE (range));
  g_return_if_fail (end == NULL || gvir_config_doc_ip_is_valid (end));

  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (range), NULL, "end", end);
}
