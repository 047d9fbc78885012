/*
 * libvirt-gconfig-domain-address-usb.c: a USB device address
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include <errno.h>

#include "libvirt-gconfig/libvirt-gconfig.h"
#include "libvirt-gconfig/libvirt-gconfig-object-private.h"

/**
 * SECTION:libvirt-gconfig-domain-address-usb
 * @title: GVirConfigDomainAddressUsb
 * @short_description: A USB device address
 *
 * An `<address type="usb">`: the USB bus (written as `bus="0x000"`) and the
 * port, a dotted path through hubs such as "1.2".
 */

/**
 * GVirConfigDomainAddressUsb:
 *
 * A USB device address.
 */
struct _GVirConfigDomainAddressUsb
{
  GVirConfigDomainAddress parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigDomainAddressUsb, gvir_config_domain_address_usb, GVIR_CONFIG_TYPE_DOMAIN_ADDRESS)

/* A fresh element (made by g_object_new() too) needs its kind. */
static void
gvir_config_domain_address_usb_constructed (GObject *object)
{
  GVirConfigObject *self = GVIR_CONFIG_OBJECT (object);

  G_OBJECT_CLASS (gvir_config_domain_address_usb_parent_class)->constructed (object);

  if (gvir_config_object_get_attribute (self, NULL, "type") == NULL)
    gvir_config_object_set_attribute (self, NULL, "type", "usb");
}

static void
gvir_config_domain_address_usb_class_init (GVirConfigDomainAddressUsbClass *klass)
{
  G_OBJECT_CLASS (klass)->constructed = gvir_config_domain_address_usb_constructed;
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "address", NULL);
}

static void
gvir_config_domain_address_usb_init (GVirConfigDomainAddressUsb *self)
{
}

/* Address fields are written in hex ("0x1f") but read in any base that
 * libvirt accepts. Gives -1 when missing, malformed or above @max. */
static int
parse_number (const char *text, guint64 max, int fallback)
{
  guint64 value;
  char *end = NULL;

  if (text == NULL || *text == '\0' || *text == '-' || *text == '+')
    return fallback;
  errno = 0;
  value = g_ascii_strtoull (text, &end, 0);
  if (errno != 0 || end == text || *end != '\0' || value > max)
    return fallback;
  return (int) value;
}

/* "1" or "1.2.3": hub ports down to the device. */
static gboolean
usb_port_is_valid (const char *port)
{
  g_auto(GStrv) parts = g_strsplit (port, ".", -1);

  if (parts[0] == NULL)
    return FALSE;
  for (guint i = 0; parts[i] != NULL; i++)
    if (!g_ascii_string_to_unsigned (parts[i], 10, 0, G_MAXUINT8, NULL, NULL))
      return FALSE;
  return TRUE;
}

/**
 * gvir_config_domain_address_usb_new:
 *
 * Creates a #GVirConfigDomainAddressUsb holding an empty `<address>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigDomainAddressUsb *
gvir_config_domain_address_usb_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_DOMAIN_ADDRESS_USB, NULL);
}

/**
 * gvir_config_domain_address_usb_new_from_xml:
 * @xml: an XML document whose root element is `<address>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigDomainAddressUsb. Malformed XML or another root element gives a
 * #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigDomainAddressUsb *
gvir_config_domain_address_usb_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigDomainAddressUsb *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN_ADDRESS_USB, "address", NULL, xml, error);
}

/**
 * gvir_config_domain_address_usb_get_bus:
 * @address: a #GVirConfigDomainAddressUsb
 *
 * Gets the USB bus (the `bus` attribute).
 *
 * Returns: the value, or -1 if unset or invalid
 */
int
gvir_config_domain_address_usb_get_bus (GVirConfigDomainAddressUsb *address)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_ADDRESS_USB (address), -1);

  return parse_number (gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (address), NULL, "bus"), G_MAXUINT16, -1);
}

/**
 * gvir_config_domain_address_usb_set_bus:
 * @address: a #GVirConfigDomainAddressUsb
 * @bus: the new value
 *
 * Sets the USB bus (the `bus` attribute).
 */
void
gvir_config_domain_address_usb_set_bus (GVirConfigDomainAddressUsb *address, guint16 bus)
{
  char buf[32];

  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_ADDRESS_USB (address));

  g_snprintf (buf, sizeof buf, "0x%03x", (guint) bus);
  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (address), NULL, "bus", buf);
}

/**
 * gvir_config_domain_address_usb_get_port:
 * @address: a #GVirConfigDomainAddressUsb
 *
 * Gets the port, a dotted path through hubs such as "1.2".
 *
 * Returns: (transfer none) (nullable): the port, or %NULL if unset
 */
const gchar *
gvir_config_domain_address_usb_get_port (GVirConfigDomainAddressUsb *address)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_ADDRESS_USB (address), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (address), NULL, "port");
}

/**
 * gvir_config_domain_address_usb_set_port:
 * @address: a #GVirConfigDomainAddressUsb
 * @port: (nullable): the port, such as "1" or "1.2", or %NULL to remove it
 *
 * Sets the port. Anything but dot-separated numbers is refused.
 */
void
gvir_config_domain_address_usb_set_port (GVirConfigDomainAddressUsb *address, const char *port)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_ADDRESS_USB (address));
  g_return_if_fail (port == NULL || usb_port_is_valid (port));

  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (address), NULL, "port", port);
}
