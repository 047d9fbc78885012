/*
 * libvirt-gconfig-domain-interface.c: base class of network interfaces
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

/**
 * SECTION:libvirt-gconfig-domain-interface
 * @title: GVirConfigDomainInterface
 * @short_description: Base class of network interfaces
 *
 * The `<interface>` element of a domain: MAC address, device model, host
 * interface name and link state. Subclasses set where the interface is
 * connected: #GVirConfigDomainInterfaceNetwork,
 * #GVirConfigDomainInterfaceBridge and #GVirConfigDomainInterfaceUser.
 */

/**
 * GVirConfigDomainInterface:
 *
 * Base class of network interfaces.
 */
G_DEFINE_ABSTRACT_TYPE (GVirConfigDomainInterface, gvir_config_domain_interface, GVIR_CONFIG_TYPE_DOMAIN_DEVICE)

static void
gvir_config_domain_interface_class_init (GVirConfigDomainInterfaceClass *klass)
{
}

static void
gvir_config_domain_interface_init (GVirConfigDomainInterface *self)
{
}

/**
 * gvir_config_domain_interface_get_mac:
 * @interface: a #GVirConfigDomainInterface
 *
 * Gets the MAC address.
 *
 * Returns: (transfer none) (nullable): the MAC address, or %NULL if unset
 */
const gchar *
gvir_config_domain_interface_get_mac (GVirConfigDomainInterface *interface)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_INTERFACE (interface), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (interface), "mac", "address");
}

/* Six two-digit hex bytes separated by colons, as libvirt requires. */
static gboolean
mac_is_valid (const char *mac)
{
  if (strlen (mac) != 17)
    return FALSE;
  for (guint i = 0; i < 17; i++)
    {
      if (i % 3 == 2 ? mac[i] != ':' : !g_ascii_isxdigit (mac[i]))
        return FALSE;
    }
  return TRUE;
}

/**
 * gvir_config_domain_interface_set_mac:
 * @interface: a #GVirConfigDomainInterface
 * @mac_address: (nullable): the MAC address, such as "52:54:00:12:34:56",
 *   or %NULL to remove it
 *
 * Sets the MAC address. A malformed address is refused.
 */
void
gvir_config_domain_interface_set_mac (GVirConfigDomainInterface *interface, const gchar *mac_address)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_INTERFACE (interface));
  g_return_if_fail (mac_address == NULL || mac_is_valid (mac_address));

  if (mac_address == NULL)
    gvir_config_object_delete_children (GVIR_CONFIG_OBJECT (interface), "mac");
  else
    gvir_config_xml_node_set_attribute (gvir_config_object_replace_child (GVIR_CONFIG_OBJECT (interface), "mac"),
                                        "address", mac_address);
}

/**
 * gvir_config_domain_interface_get_model:
 * @interface: a #GVirConfigDomainInterface
 *
 * Gets the device model, such as "virtio".
 *
 * Returns: (transfer none) (nullable): the model, or %NULL if unset
 */
const gchar *
gvir_config_domain_interface_get_model (GVirConfigDomainInterface *interface)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_INTERFACE (interface), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (interface), "model", "type");
}

/**
 * gvir_config_domain_interface_set_model:
 * @interface: a #GVirConfigDomainInterface
 * @model: (nullable): the model, or %NULL to remove it
 *
 * Sets the device model.
 */
void
gvir_config_domain_interface_set_model (GVirConfigDomainInterface *interface, const gchar *model)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_INTERFACE (interface));

  if (model == NULL)
    gvir_config_object_delete_children (GVIR_CONFIG_OBJECT (interface), "model");
  else
    gvir_config_xml_node_set_attribute (gvir_config_object_replace_child (GVIR_CONFIG_OBJECT (interface), "model"),
                                        "type", model);
}

/**
 * gvir_config_domain_interface_get_ifname:
 * @interface: a #GVirConfigDomainInterface
 *
 * Gets the name of the host-side interface, such as "vnet0".
 *
 * Returns: (transfer none) (nullable): the interface name, or %NULL if unset
 */
const gchar *
gvir_config_domain_interface_get_ifname (GVirConfigDomainInterface *interface)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_INTERFACE (interface), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (interface), "target", "dev");
}

/**
 * gvir_config_domain_interface_set_ifname:
 * @interface: a #GVirConfigDomainInterface
 * @ifname: (nullable): the interface name, or %NULL to remove it
 *
 * Sets the name of the host-side interface.
 */
void
gvir_config_domain_interface_set_ifname (GVirConfigDomainInterface *interface, const gchar *ifname)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_INTERFACE (interface));

  if (ifname == NULL)
    gvir_config_object_delete_children (GVIR_CONFIG_OBJECT (interface), "target");
  else
    gvir_config_xml_node_set_attribute (gvir_config_object_replace_child (GVIR_CONFIG_OBJECT (interface), "target"),
                                        "dev", ifname);
}

/**
 * gvir_config_domain_interface_get_link_state:
 * @interface: a #GVirConfigDomainInterface
 *
 * Gets the link state.
 *
 * Returns: the link state; %GVIR_CONFIG_DOMAIN_INTERFACE_LINK_STATE_DEFAULT if unset
 */
GVirConfigDomainInterfaceLinkState
gvir_config_domain_interface_get_link_state (GVirConfigDomainInterface *interface)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_INTERFACE (interface),
                        GVIR_CONFIG_DOMAIN_INTERFACE_LINK_STATE_DEFAULT);

  return gvir_config_object_get_attribute_genum (GVIR_CONFIG_OBJECT (interface), "link", "state",
                                                 GVIR_CONFIG_TYPE_DOMAIN_INTERFACE_LINK_STATE,
                                                 GVIR_CONFIG_DOMAIN_INTERFACE_LINK_STATE_DEFAULT);
}

/**
 * gvir_config_domain_interface_set_link_state:
 * @interface: a #GVirConfigDomainInterface
 * @state: the link state; %GVIR_CONFIG_DOMAIN_INTERFACE_LINK_STATE_DEFAULT removes `<link>`
 *
 * Sets the link state.
 */
void
gvir_config_domain_interface_set_link_state (GVirConfigDomainInterface *interface,
                                             GVirConfigDomainInterfaceLinkState state)
{
  GVirConfigObject *self;

  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_INTERFACE (interface));

  self = GVIR_CONFIG_OBJECT (interface);
  if (state == GVIR_CONFIG_DOMAIN_INTERFACE_LINK_STATE_DEFAULT)
    gvir_config_object_delete_children (self, "link");
  else
    gvir_config_object_set_attribute_genum (self, "link", "state",
                                            GVIR_CONFIG_TYPE_DOMAIN_INTERFACE_LINK_STATE, state);
}

/**
 * gvir_config_domain_interface_get_filterref:
 * @interface: a #GVirConfigDomainInterface
 *
 * Gets a live view of the network filter applied to the interface.
 *
 * Returns: (transfer full) (nullable): the filter reference, or %NULL if there is none
 */
GVirConfigDomainInterfaceFilterref *
gvir_config_domain_interface_get_filterref (GVirConfigDomainInterface *interface)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_INTERFACE (interface), NULL);

  return (GVirConfigDomainInterfaceFilterref *)
    gvir_config_object_get_child_with_type (GVIR_CONFIG_OBJECT (interface), "filterref",
                                            GVIR_CONFIG_TYPE_DOMAIN_INTERFACE_FILTERREF);
}

/**
 * gvir_config_domain_interface_set_filterref:
 * @interface: a #GVirConfigDomainInterface
 * @filterref: (nullable): the filter reference, or %NULL to remove it
 *
 * Replaces the network filter applied to the interface. @filterref becomes
 * part of @interface's document.
 */
void
gvir_config_domain_interface_set_filterref (GVirConfigDomainInterface *interface,
                                            GVirConfigDomainInterfaceFilterref *filterref)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_INTERFACE (interface));
  g_return_if_fail (filterref == NULL || GVIR_CONFIG_IS_DOMAIN_INTERFACE_FILTERREF (filterref));

  gvir_config_object_attach_replace (GVIR_CONFIG_OBJECT (interface), "filterref",
                                     (GVirConfigObject *) filterref);
}
