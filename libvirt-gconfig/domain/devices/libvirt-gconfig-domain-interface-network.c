/*
 * libvirt-gconfig-domain-interface-network.c: a network interface on a virtual network
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

/**
 * SECTION:libvirt-gconfig-domain-interface-network
 * @title: GVirConfigDomainInterfaceNetwork
 * @short_description: A network interface on a virtual network
 *
 * An `<interface type="network">` connected to the libvirt virtual network named by `<source network="...">`.
 */

/**
 * GVirConfigDomainInterfaceNetwork:
 *
 * A network interface on a virtual network.
 */
struct _GVirConfigDomainInterfaceNetwork
{
  GVirConfigDomainInterface parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigDomainInterfaceNetwork, gvir_config_domain_interface_network, GVIR_CONFIG_TYPE_DOMAIN_INTERFACE)

/* A fresh <interface> (made by g_object_new() too) needs its type. */
static void
gvir_config_domain_interface_network_constructed (GObject *object)
{
  GVirConfigObject *self = GVIR_CONFIG_OBJECT (object);

  G_OBJECT_CLASS (gvir_config_domain_interface_network_parent_class)->constructed (object);

  if (gvir_config_object_get_attribute (self, NULL, "type") == NULL)
    gvir_config_object_set_attribute (self, NULL, "type", "network");
}

static void
gvir_config_domain_interface_network_class_init (GVirConfigDomainInterfaceNetworkClass *klass)
{
  G_OBJECT_CLASS (klass)->constructed = gvir_config_domain_interface_network_constructed;
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "interface", NULL);
}

static void
gvir_config_domain_interface_network_init (GVirConfigDomainInterfaceNetwork *self)
{
}

/**
 * gvir_config_domain_interface_network_new:
 *
 * Creates a #GVirConfigDomainInterfaceNetwork holding an empty `<interface>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigDomainInterfaceNetwork *
gvir_config_domain_interface_network_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_DOMAIN_INTERFACE_NETWORK, NULL);
}

/**
 * gvir_config_domain_interface_network_new_from_xml:
 * @xml: an XML document whose root element is `<interface>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigDomainInterfaceNetwork. Malformed XML or another root element gives a
 * #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigDomainInterfaceNetwork *
gvir_config_domain_interface_network_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigDomainInterfaceNetwork *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN_INTERFACE_NETWORK, "interface", NULL, xml, error);
}

/**
 * gvir_config_domain_interface_network_get_source:
 * @interface: a #GVirConfigDomainInterfaceNetwork
 *
 * Gets the network the interface is connected to.
 *
 * Returns: (transfer none) (nullable): the network name, or %NULL if unset
 */
const gchar *
gvir_config_domain_interface_network_get_source (GVirConfigDomainInterfaceNetwork *interface)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_INTERFACE_NETWORK (interface), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (interface), "source", "network");
}

/**
 * gvir_config_domain_interface_network_set_source:
 * @interface: a #GVirConfigDomainInterfaceNetwork
 * @source: the network name
 *
 * Sets the network the interface is connected to.
 */
void
gvir_config_domain_interface_network_set_source (GVirConfigDomainInterfaceNetwork *interface,
                                              const gchar *source)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_INTERFACE_NETWORK (interface));
  g_return_if_fail (source != NULL);

  gvir_config_xml_node_set_attribute (gvir_config_object_replace_child (GVIR_CONFIG_OBJECT (interface), "source"),
                                      "network", source);
}
