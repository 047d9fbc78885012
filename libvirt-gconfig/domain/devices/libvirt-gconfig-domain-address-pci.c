/*
 * libvirt-gconfig-domain-address-pci.c: a PCI device address
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
 * SECTION:libvirt-gconfig-domain-address-pci
 * @title: GVirConfigDomainAddressPci
 * @short_description: A PCI device address
 *
 * An `<address type="pci">`: PCI domain, bus, slot and function, written in
 * hexadecimal as libvirt does (`domain="0x0000" bus="0x00" slot="0x1f"
 * function="0x7"`), and the multifunction flag.
 *
 * |[<!-- language="C" -->
 * g_autoptr(GVirConfigDomainAddressPci) address = gvir_config_domain_address_pci_new ();
 * gvir_config_domain_address_pci_set_domain (address, 0);
 * gvir_config_domain_address_pci_set_bus (address, 1);
 * gvir_config_domain_address_pci_set_slot (address, 0x1f);
 * gvir_config_domain_address_pci_set_function (address, 7);
 * ]|
 */

/**
 * GVirConfigDomainAddressPci:
 *
 * A PCI device address.
 */
struct _GVirConfigDomainAddressPci
{
  GVirConfigDomainAddress parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigDomainAddressPci, gvir_config_domain_address_pci, GVIR_CONFIG_TYPE_DOMAIN_ADDRESS)

/* Only an element made from nothing (by _new() or g_object_new()): the
 * root of its own document, without attributes or children. A view of
 * an existing element is left as it is, or reading a hostdev's
 * <source><address> (which has no type in libvirt's format) would write
 * one into the document. */
static gboolean
is_fresh_element (xmlNodePtr node)
{
  return node != NULL && node->properties == NULL && node->children == NULL &&
         (node->parent == NULL || node->parent->type == XML_DOCUMENT_NODE);
}

/* A fresh element needs its kind. */
static void
gvir_config_domain_address_pci_constructed (GObject *object)
{
  GVirConfigObject *self = GVIR_CONFIG_OBJECT (object);

  G_OBJECT_CLASS (gvir_config_domain_address_pci_parent_class)->constructed (object);

  if (is_fresh_element (gvir_config_object_get_xml_node (self)))
    gvir_config_object_set_attribute (self, NULL, "type", "pci");
}

static void
gvir_config_domain_address_pci_class_init (GVirConfigDomainAddressPciClass *klass)
{
  G_OBJECT_CLASS (klass)->constructed = gvir_config_domain_address_pci_constructed;
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "address", NULL);
}

static void
gvir_config_domain_address_pci_init (GVirConfigDomainAddressPci *self)
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

/**
 * gvir_config_domain_address_pci_new:
 *
 * Creates a #GVirConfigDomainAddressPci holding an empty `<address>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigDomainAddressPci *
gvir_config_domain_address_pci_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_DOMAIN_ADDRESS_PCI, NULL);
}

/**
 * gvir_config_domain_address_pci_new_from_xml:
 * @xml: an XML document whose root element is `<address>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigDomainAddressPci. Malformed XML or another root element gives a
 * #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigDomainAddressPci *
gvir_config_domain_address_pci_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigDomainAddressPci *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN_ADDRESS_PCI, "address", NULL, xml, error);
}

/**
 * gvir_config_domain_address_pci_get_domain:
 * @address: a #GVirConfigDomainAddressPci
 *
 * Gets the PCI domain (the `domain` attribute).
 *
 * Returns: the value, or -1 if unset or invalid
 */
int
gvir_config_domain_address_pci_get_domain (GVirConfigDomainAddressPci *address)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_ADDRESS_PCI (address), -1);

  return parse_number (gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (address), NULL, "domain"), G_MAXUINT16, -1);
}

/**
 * gvir_config_domain_address_pci_set_domain:
 * @address: a #GVirConfigDomainAddressPci
 * @pci_domain: the new value
 *
 * Sets the PCI domain (the `domain` attribute).
 */
void
gvir_config_domain_address_pci_set_domain (GVirConfigDomainAddressPci *address, guint16 pci_domain)
{
  char buf[32];

  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_ADDRESS_PCI (address));

  g_snprintf (buf, sizeof buf, "0x%04x", (guint) pci_domain);
  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (address), NULL, "domain", buf);
}

/**
 * gvir_config_domain_address_pci_get_bus:
 * @address: a #GVirConfigDomainAddressPci
 *
 * Gets the PCI bus (the `bus` attribute).
 *
 * Returns: the value, or -1 if unset or invalid
 */
int
gvir_config_domain_address_pci_get_bus (GVirConfigDomainAddressPci *address)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_ADDRESS_PCI (address), -1);

  return parse_number (gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (address), NULL, "bus"), G_MAXUINT8, -1);
}

/**
 * gvir_config_domain_address_pci_set_bus:
 * @address: a #GVirConfigDomainAddressPci
 * @bus: the new value
 *
 * Sets the PCI bus (the `bus` attribute).
 */
void
gvir_config_domain_address_pci_set_bus (GVirConfigDomainAddressPci *address, guchar bus)
{
  char buf[32];

  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_ADDRESS_PCI (address));

  g_snprintf (buf, sizeof buf, "0x%02x", (guint) bus);
  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (address), NULL, "bus", buf);
}

/**
 * gvir_config_domain_address_pci_get_slot:
 * @address: a #GVirConfigDomainAddressPci
 *
 * Gets the PCI slot (the `slot` attribute).
 *
 * Returns: the value, or -1 if unset or invalid
 */
int
gvir_config_domain_address_pci_get_slot (GVirConfigDomainAddressPci *address)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_ADDRESS_PCI (address), -1);

  return parse_number (gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (address), NULL, "slot"), 0x1f, -1);
}

/**
 * gvir_config_domain_address_pci_set_slot:
 * @address: a #GVirConfigDomainAddressPci
 * @slot: the new value
 *
 * Sets the PCI slot (the `slot` attribute). Slots go from 0 to 0x1f.
 */
void
gvir_config_domain_address_pci_set_slot (GVirConfigDomainAddressPci *address, guchar slot)
{
  char buf[32];

  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_ADDRESS_PCI (address));
  g_return_if_fail (slot <= 0x1f);

  g_snprintf (buf, sizeof buf, "0x%02x", (guint) slot);
  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (address), NULL, "slot", buf);
}

/**
 * gvir_config_domain_address_pci_get_function:
 * @address: a #GVirConfigDomainAddressPci
 *
 * Gets the PCI function (the `function` attribute).
 *
 * Returns: the value, or -1 if unset or invalid
 */
int
gvir_config_domain_address_pci_get_function (GVirConfigDomainAddressPci *address)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_ADDRESS_PCI (address), -1);

  return parse_number (gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (address), NULL, "function"), 7, -1);
}

/**
 * gvir_config_domain_address_pci_set_function:
 * @address: a #GVirConfigDomainAddressPci
 * @function: the new value
 *
 * Sets the PCI function (the `function` attribute). Functions go from 0 to 7.
 */
void
gvir_config_domain_address_pci_set_function (GVirConfigDomainAddressPci *address, guchar function)
{
  char buf[32];

  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_ADDRESS_PCI (address));
  g_return_if_fail (function <= 7);

  g_snprintf (buf, sizeof buf, "0x%x", (guint) function);
  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (address), NULL, "function", buf);
}

/**
 * gvir_config_domain_address_pci_get_multifunction:
 * @address: a #GVirConfigDomainAddressPci
 *
 * Gets whether the device has several functions (the `multifunction` attribute).
 *
 * Returns: the value; %FALSE if unset
 */
gboolean
gvir_config_domain_address_pci_get_multifunction (GVirConfigDomainAddressPci *address)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_ADDRESS_PCI (address), FALSE);

  return gvir_config_object_get_attribute_boolean (GVIR_CONFIG_OBJECT (address), NULL, "multifunction", FALSE);
}

/**
 * gvir_config_domain_address_pci_set_multifunction:
 * @address: a #GVirConfigDomainAddressPci
 * @multifunction: the new value
 *
 * Sets whether the device has several functions, written as "on" or "off" in the `multifunction` attribute.
 */
void
gvir_config_domain_address_pci_set_multifunction (GVirConfigDomainAddressPci *address, gboolean multifunction)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_ADDRESS_PCI (address));

  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (address), NULL, "multifunction", multifunction ? "on" : "off");
}
