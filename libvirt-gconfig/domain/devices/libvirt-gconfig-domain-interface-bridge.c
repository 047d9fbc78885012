/*
 * libvirt-gconfig-domain-interface-bridge.c: a network interface on a host bridge
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
 * SECTION:libvirt-gconfig-domain-interface-bridge
 * @title: GVirConfigDomainInterfaceBridge
 * @short_description: A network interface on a host bridge
 *
 * An `<interface type="bridge">` connected to the host bridge named by `<source bridge="...">`.
 */

/**
 * GVirConfigDomainInterfaceBridge:
 *
 * A network interface on a host bridge.
 */
struct _GVirConfigDomainInterfaceBridge
{
  GVirConfigDomainInterface parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigDomainInterfaceBridge, gvir_config_domain_interface_bridge, GVIR_CONFIG_TYPE_DOMAIN_INTERFACE)

/* A fresh <interface> (made by g_object_new() too) needs its type. */
static void
gvir_config_domain_interface_bridge_constructed (GObject *object)
{
  GVirConfigObject *self = GVIR_CONFIG_OBJECT (object);

  G_OBJECT_CLASS (gvir_config_domain_interface_bridge_parent_class)->constructed (object);

  if (gvir_config_object_get_attribute (self, NULL, "type") == NULL)
    gvir_config_object_set_attribute (self, NULL, "type", "bridge");
}

static void
gvir_config_domain_interface_bridge_class_init (GVirConfigDomainInterfaceBridgeClass *klass)
{
  G_OBJECT_CLASS (klass)->constructed = gvir_config_domain_interface_bridge_constructed;
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "interface", NULL);
}

static void
gvir_config_domain_interface_bridge_init (GVirConfigDomainInterfaceBridge *self)
{
}

/**
 * gvir_config_domain_interface_bridge_new:
 *
 * Creates a #GVirConfigDomainInterfaceBridge holding an empty `<interface>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigDomainInterfaceBridge *
gvir_config_domain_interface_bridge_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_DOMAIN_INTERFACE_BRIDGE, NULL);
}

/**
 * gvir_config_domain_interface_bridge_new_from_xml:
 * @xml: an XML document whose root element is `<interface>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigDomainInterfaceBridge. Malformed XML or another root element gives a
 * #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigDomainInterfaceBridge *
gvir_config_domain_interface_bridge_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigDomainInterfaceBridge *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN_INTERFACE_BRIDGE, "interface", NULL, xml, error);
}

/**
 * gvir_config_domain_interface_bridge_get_source:
 * @interface: a #GVirConfigDomainInterfaceBridge
 *
 * Gets the bridge the interface is connected to.
 *
 * Returns: (transfer none) (nullable): the bridge name, or %NULL if unset
 */
const gchar *
gvir_config_domain_interface_bridge_get_source (GVirConfigDomainInterfaceBridge *interface)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_INTERFACE_BRIDGE (interface), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (interface), "source", "bridge");
}

/**
 * gvir_config_domain_interface_bridge_set_source:
 * @interface: a #GVirConfigDomainInterfaceBridge
 * @source: the bridge name
 *
 * Sets the bridge the interface is connected to.
 */
void
gvir_config_domain_interface_bridge_set_source (GVirConfigDomainInterfaceBridge *interface,
                                              const gchar *source)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_INTERFACE_BRIDGE (interface));
  g_return_if_fail (source != NULL);

  gvir_config_xml_node_set_attribute (gvir_config_object_replace_child (GVIR_CONFIG_OBJECT (interface), "source"),
                                      "bridge", source);
}
