/*
 * libvirt-gconfig-interface.c: a host network interface
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include <string.h>

#include "libvirt-gconfig/libvirt-gconfig.h"
#include "libvirt-gconfig/libvirt-gconfig-object-private.h"
#include "libvirt-gconfig/libvirt-gconfig-document-helpers-private.h"

/**
 * SECTION:libvirt-gconfig-interface
 * @title: GVirConfigInterface
 * @short_description: A host network interface
 *
 * An `<interface>` document describing a host interface (not a guest
 * one): name, type, MAC address, MTU, when it is started and the
 * addresses configured on it.
 *
 * |[<!-- language="C" -->
 * g_autoptr(GVirConfigInterface) iface = gvir_config_interface_new ();
 * gvir_config_interface_set_interface_type (iface, GVIR_CONFIG_INTERFACE_TYPE_ETHERNET);
 * gvir_config_interface_set_name (iface, "eth0");
 * gvir_config_interface_set_start_mode (iface, GVIR_CONFIG_INTERFACE_START_MODE_ONBOOT);
 * gvir_config_interface_add_address (iface, "192.168.0.5", 24);
 * ]|
 */

/**
 * GVirConfigInterface:
 *
 * A host network interface description.
 */
struct _GVirConfigInterface
{
  GVirConfigObject parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigInterface, gvir_config_interface, GVIR_CONFIG_TYPE_OBJECT)

static void
gvir_config_interface_class_init (GVirConfigInterfaceClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "interface",
                                     GVIR_CONFIG_SCHEMA_DIR "/interface.rng");
}

static void
gvir_config_interface_init (GVirConfigInterface *self)
{
}

/**
 * gvir_config_interface_new:
 *
 * Creates a #GVirConfigInterface holding an empty `<interface>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigInterface *
gvir_config_interface_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_INTERFACE, NULL);
}

/**
 * gvir_config_interface_new_from_xml:
 * @xml: an XML document whose root element is `<interface>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigInterface. Malformed XML or another root element
 * gives a #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigInterface *
gvir_config_interface_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigInterface *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_INTERFACE, "interface", NULL,
                                                                  xml, error);
}

/**
 * gvir_config_interface_get_interface_type:
 * @iface: a #GVirConfigInterface
 *
 * Gets the interface type.
 *
 * Returns: the interface type; %GVIR_CONFIG_INTERFACE_TYPE_ETHERNET if unset or unknown
 */
GVirConfigInterfaceType
gvir_config_interface_get_interface_type (GVirConfigInterface *iface)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_INTERFACE (iface), GVIR_CONFIG_INTERFACE_TYPE_ETHERNET);

  return gvir_config_object_get_attribute_genum (GVIR_CONFIG_OBJECT (iface), NULL, "type",
                                                 GVIR_CONFIG_TYPE_INTERFACE_TYPE, GVIR_CONFIG_INTERFACE_TYPE_ETHERNET);
}

/**
 * gvir_config_interface_set_interface_type:
 * @iface: a #GVirConfigInterface
 * @interface_type: the interface type
 *
 * Sets the interface type.
 */
void
gvir_config_interface_set_interface_type (GVirConfigInterface *iface, GVirConfigInterfaceType interface_type)
{
  g_return_if_fail (GVIR_CONFIG_IS_INTERFACE (iface));
  g_return_if_fail (gvir_config_genum_get_nick (GVIR_CONFIG_TYPE_INTERFACE_TYPE, interface_type) != NULL);

  gvir_config_object_set_attribute_genum (GVIR_CONFIG_OBJECT (iface), NULL, "type", GVIR_CONFIG_TYPE_INTERFACE_TYPE, interface_type);
}

/**
 * gvir_config_interface_get_name:
 * @iface: a #GVirConfigInterface
 *
 * Gets the interface name.
 *
 * Returns: (transfer none) (nullable): the interface name, or %NULL if unset
 */
const gchar *
gvir_config_interface_get_name (GVirConfigInterface *iface)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_INTERFACE (iface), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (iface), NULL, "name");
}

/**
 * gvir_config_interface_set_name:
 * @iface: a #GVirConfigInterface
 * @name: (nullable): the interface name, or %NULL
 *
 * Sets the interface name; %NULL removes the attribute.
 */
void
gvir_config_interface_set_name (GVirConfigInterface *iface, const gchar *name)
{
  g_return_if_fail (GVIR_CONFIG_IS_INTERFACE (iface));

  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (iface), NULL, "name", name);
}

/**
 * gvir_config_interface_get_mac:
 * @iface: a #GVirConfigInterface
 *
 * Gets the MAC address.
 *
 * Returns: (transfer none) (nullable): the MAC address, or %NULL if unset
 */
const gchar *
gvir_config_interface_get_mac (GVirConfigInterface *iface)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_INTERFACE (iface), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (iface), "mac", "address");
}

/**
 * gvir_config_interface_set_mac:
 * @iface: a #GVirConfigInterface
 * @mac: (nullable): the MAC address, or %NULL
 *
 * Sets the MAC address; it replaces the whole `<mac>` element; %NULL removes the element. @mac must be six colon-separated hex pairs.
 */
void
gvir_config_interface_set_mac (GVirConfigInterface *iface, const gchar *mac)
{
  g_return_if_fail (GVIR_CONFIG_IS_INTERFACE (iface));
  g_return_if_fail (mac == NULL || gvir_config_doc_mac_is_valid (mac));

  gvir_config_doc_set_single_attribute (GVIR_CONFIG_OBJECT (iface), "mac", "address", mac);
}

/**
 * gvir_config_interface_get_mtu:
 * @iface: a #GVirConfigInterface
 *
 * Gets the MTU.
 *
 * Returns: the MTU, or 0 if unset or invalid
 */
guint
gvir_config_interface_get_mtu (GVirConfigInterface *iface)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_INTERFACE (iface), 0);

  return (guint) MIN (gvir_config_object_get_attribute_uint64 (GVIR_CONFIG_OBJECT (iface), "mtu", "size", 0),
                    G_MAXUINT);
}

/**
 * gvir_config_interface_set_mtu:
 * @iface: a #GVirConfigInterface
 * @mtu: the MTU, or 0 to remove it
 *
 * Sets the MTU.
 */
void
gvir_config_interface_set_mtu (GVirConfigInterface *iface, guint mtu)
{
  g_return_if_fail (GVIR_CONFIG_IS_INTERFACE (iface));

  gvir_config_doc_set_uint_attribute (GVIR_CONFIG_OBJECT (iface), "mtu", "size", mtu);
}

/**
 * gvir_config_interface_get_start_mode:
 * @iface: a #GVirConfigInterface
 *
 * Gets when the interface is started.
 *
 * Returns: when the interface is started; %GVIR_CONFIG_INTERFACE_START_MODE_NONE if unset or unknown
 */
GVirConfigInterfaceStartMode
gvir_config_interface_get_start_mode (GVirConfigInterface *iface)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_INTERFACE (iface), GVIR_CONFIG_INTERFACE_START_MODE_NONE);

  return gvir_config_object_get_attribute_genum (GVIR_CONFIG_OBJECT (iface), "start", "mode",
                                                 GVIR_CONFIG_TYPE_INTERFACE_START_MODE, GVIR_CONFIG_INTERFACE_START_MODE_NONE);
}

/**
 * gvir_config_interface_set_start_mode:
 * @iface: a #GVirConfigInterface
 * @start_mode: when the interface is started
 *
 * Sets when the interface is started.
 */
void
gvir_config_interface_set_start_mode (GVirConfigInterface *iface, GVirConfigInterfaceStartMode start_mode)
{
  g_return_if_fail (GVIR_CONFIG_IS_INTERFACE (iface));
  g_return_if_fail (gvir_config_genum_get_nick (GVIR_CONFIG_TYPE_INTERFACE_START_MODE, start_mode) != NULL);

  gvir_config_object_set_attribute_genum (GVIR_CONFIG_OBJECT (iface), "start", "mode", GVIR_CONFIG_TYPE_INTERFACE_START_MODE, start_mode);
}

/**
 * gvir_config_interface_get_addresses:
 * @iface: a #GVirConfigInterface
 *
 * Gets the static addresses configured under the interface's `<protocol>`
 * elements, as "address/prefix" strings (just "address" when the prefix
 * is missing).
 *
 * Returns: (transfer full) (array zero-terminated=1): the addresses,
 *   possibly empty
 */
gchar **
gvir_config_interface_get_addresses (GVirConfigInterface *iface)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  xmlNodePtr node;

  g_return_val_if_fail (GVIR_CONFIG_IS_INTERFACE (iface), NULL);

  builder = g_strv_builder_new ();
  node = gvir_config_object_get_xml_node (GVIR_CONFIG_OBJECT (iface));
  for (xmlNodePtr proto = node->children; proto != NULL; proto = proto->next)
    {
      if (proto->type != XML_ELEMENT_NODE || g_strcmp0 ((const char *) proto->name, "protocol") != 0)
        continue;
      for (xmlNodePtr ip = proto->children; ip != NULL; ip = ip->next)
        {
          const char *address;
          const char *prefix;
          g_autofree char *entry = NULL;

          if (ip->type != XML_ELEMENT_NODE || g_strcmp0 ((const char *) ip->name, "ip") != 0)
            continue;
          address = gvir_config_xml_node_get_attribute (ip, "address");
          prefix = gvir_config_xml_node_get_attribute (ip, "prefix");
          if (address == NULL)
            continue;
          entry = prefix ? g_strdup_printf ("%s/%s", address, prefix) : g_strdup (address);
          g_strv_builder_add (builder, entry);
        }
    }
  return g_strv_builder_end (builder);
}

/* The <protocol family=...> element, created when missing. */
static xmlNodePtr
interface_ensure_protocol (GVirConfigInterface *iface, const char *family)
{
  xmlNodePtr node = gvir_config_object_get_xml_node (GVIR_CONFIG_OBJECT (iface));
  xmlNodePtr proto;

  for (proto = node->children; proto != NULL; proto = proto->next)
    if (proto->type == XML_ELEMENT_NODE && g_strcmp0 ((const char *) proto->name, "protocol") == 0 &&
        g_strcmp0 (gvir_config_xml_node_get_attribute (proto, "family"), family) == 0)
      return proto;
  proto = xmlNewChild (node, NULL, (const xmlChar *) "protocol", NULL);
  gvir_config_xml_node_set_attribute (proto, "family", family);
  return proto;
}

/**
 * gvir_config_interface_add_address:
 * @iface: a #GVirConfigInterface
 * @address: an IPv4 or IPv6 address
 * @prefix: the prefix length: at most 32 for IPv4, 128 for IPv6
 *
 * Adds a static address under the `<protocol>` element of the address's
 * family, creating it if needed.
 */
void
gvir_config_interface_add_address (GVirConfigInterface *iface,
                                   const gchar *address,
                                   guint prefix)
{
  gboolean ipv6;
  xmlNodePtr ip;
  char buf[16];

  g_return_if_fail (GVIR_CONFIG_IS_INTERFACE (iface));
  g_return_if_fail (gvir_config_doc_ip_is_valid (address));
  ipv6 = strchr (address, ':') != NULL;
  g_return_if_fail (prefix <= (ipv6 ? 128u : 32u));

  ip = xmlNewChild (interface_ensure_protocol (iface, ipv6 ? "ipv6" : "ipv4"), NULL,
                    (const xmlChar *) "ip", NULL);
  gvir_config_xml_node_set_attribute (ip, "address", address);
  g_snprintf (buf, sizeof buf, "%u", prefix);
  gvir_config_xml_node_set_attribute (ip, "prefix", buf);
}

/**
 * gvir_config_interface_clear_addresses:
 * @iface: a #GVirConfigInterface
 *
 * Removes every `<protocol>` element, with the addresses and DHCP settings
 * under it.
 */
void
gvir_config_interface_clear_addresses (GVirConfigInterface *iface)
{
  g_return_if_fail (GVIR_CONFIG_IS_INTERFACE (iface));

  gvir_config_object_delete_children (GVIR_CONFIG_OBJECT (iface), "protocol");
}
