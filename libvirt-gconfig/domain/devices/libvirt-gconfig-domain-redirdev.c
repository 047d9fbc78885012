/*
 * libvirt-gconfig-domain-redirdev.c: a redirected device
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
#include "libvirt-gconfig/libvirt-gconfig-domain-device-private.h"

/**
 * SECTION:libvirt-gconfig-domain-redirdev
 * @title: GVirConfigDomainRedirdev
 * @short_description: A redirected device
 *
 * A `<redirdev>` device: a USB device of the client redirected to the guest,
 * usually over a SPICE VMC channel.
 */

/**
 * GVirConfigDomainRedirdev:
 *
 * A redirected device.
 */
struct _GVirConfigDomainRedirdev
{
  GVirConfigDomainChardev parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigDomainRedirdev, gvir_config_domain_redirdev, GVIR_CONFIG_TYPE_DOMAIN_CHARDEV)

static void
gvir_config_domain_redirdev_class_init (GVirConfigDomainRedirdevClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "redirdev", NULL);
}

static void
gvir_config_domain_redirdev_init (GVirConfigDomainRedirdev *self)
{
}

/**
 * gvir_config_domain_redirdev_new:
 *
 * Creates a #GVirConfigDomainRedirdev holding an empty `<redirdev>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigDomainRedirdev *
gvir_config_domain_redirdev_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_DOMAIN_REDIRDEV, NULL);
}

/**
 * gvir_config_domain_redirdev_new_from_xml:
 * @xml: an XML document whose root element is `<redirdev>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigDomainRedirdev. Malformed XML or another root element gives a
 * #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigDomainRedirdev *
gvir_config_domain_redirdev_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigDomainRedirdev *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN_REDIRDEV, "redirdev", NULL, xml, error);
}

/**
 * gvir_config_domain_redirdev_get_bus:
 * @redirdev: a #GVirConfigDomainRedirdev
 *
 * Gets the bus of the redirected device (the `bus` attribute).
 *
 * Returns: the value; %GVIR_CONFIG_DOMAIN_REDIRDEV_BUS_USB if unset or unknown
 */
GVirConfigDomainRedirdevBus
gvir_config_domain_redirdev_get_bus (GVirConfigDomainRedirdev *redirdev)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_REDIRDEV (redirdev), GVIR_CONFIG_DOMAIN_REDIRDEV_BUS_USB);

  return gvir_config_object_get_attribute_genum (GVIR_CONFIG_OBJECT (redirdev), NULL, "bus",
                                                 GVIR_CONFIG_TYPE_DOMAIN_REDIRDEV_BUS, GVIR_CONFIG_DOMAIN_REDIRDEV_BUS_USB);
}

/**
 * gvir_config_domain_redirdev_set_bus:
 * @redirdev: a #GVirConfigDomainRedirdev
 * @bus: the bus of the redirected device
 *
 * Sets the bus of the redirected device (the `bus` attribute).
 */
void
gvir_config_domain_redirdev_set_bus (GVirConfigDomainRedirdev *redirdev, GVirConfigDomainRedirdevBus bus)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_REDIRDEV (redirdev));
  g_return_if_fail (gvir_config_genum_get_nick (GVIR_CONFIG_TYPE_DOMAIN_REDIRDEV_BUS, bus) != NULL);

  gvir_config_object_set_attribute_genum (GVIR_CONFIG_OBJECT (redirdev), NULL, "bus",
                                          GVIR_CONFIG_TYPE_DOMAIN_REDIRDEV_BUS, bus);
}

/**
 * gvir_config_domain_redirdev_get_address:
 * @redirdev: a #GVirConfigDomainRedirdev
 *
 * Gets a live view of the guest address of the device.
 *
 * Returns: (transfer full) (nullable): the address, or %NULL if there is none
 *   or its type has no class
 */
GVirConfigDomainAddress *
gvir_config_domain_redirdev_get_address (GVirConfigDomainRedirdev *redirdev)
{
  GVirConfigObject *self;

  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_REDIRDEV (redirdev), NULL);

  self = GVIR_CONFIG_OBJECT (redirdev);
  return gvir_config_domain_address_new_view (self, gvir_config_xml_get_element (gvir_config_object_get_xml_node (self), "address"));
}

/**
 * gvir_config_domain_redirdev_set_address:
 * @redirdev: a #GVirConfigDomainRedirdev
 * @address: (nullable): the address, or %NULL to remove it
 *
 * Replaces the guest address of the device. @address becomes part of
 * @redirdev's document.
 */
void
gvir_config_domain_redirdev_set_address (GVirConfigDomainRedirdev *redirdev,
                                         GVirConfigDomainAddress *address)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_REDIRDEV (redirdev));
  g_return_if_fail (address == NULL || GVIR_CONFIG_IS_DOMAIN_ADDRESS (address));

  gvir_config_object_attach_replace (GVIR_CONFIG_OBJECT (redirdev), "address",
                                     (GVirConfigObject *) address);
}
