/*
 * libvirt-gconfig-domain-hostdev-pci.c: a host PCI device
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
 * SECTION:libvirt-gconfig-domain-hostdev-pci
 * @title: GVirConfigDomainHostdevPci
 * @short_description: A host PCI device
 *
 * A `<hostdev mode="subsystem" type="pci">`: a host PCI device assigned to
 * the guest, named by its host address in `<source>`.
 *
 * |[<!-- language="C" -->
 * g_autoptr(GVirConfigDomainHostdevPci) hostdev = gvir_config_domain_hostdev_pci_new ();
 * g_autoptr(GVirConfigDomainAddressPci) address = gvir_config_domain_address_pci_new ();
 * gvir_config_domain_address_pci_set_bus (address, 1);
 * gvir_config_domain_hostdev_pci_set_address (hostdev, address);
 * gvir_config_domain_hostdev_pci_set_managed (hostdev, TRUE);
 * ]|
 */

/**
 * GVirConfigDomainHostdevPci:
 *
 * A host PCI device.
 */
struct _GVirConfigDomainHostdevPci
{
  GVirConfigDomainHostdev parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigDomainHostdevPci, gvir_config_domain_hostdev_pci, GVIR_CONFIG_TYPE_DOMAIN_HOSTDEV)

/* A fresh element (made by g_object_new() too) needs its kind. */
static void
gvir_config_domain_hostdev_pci_constructed (GObject *object)
{
  GVirConfigObject *self = GVIR_CONFIG_OBJECT (object);

  G_OBJECT_CLASS (gvir_config_domain_hostdev_pci_parent_class)->constructed (object);

  if (gvir_config_object_get_attribute (self, NULL, "mode") == NULL)
    gvir_config_object_set_attribute (self, NULL, "mode", "subsystem");
  if (gvir_config_object_get_attribute (self, NULL, "type") == NULL)
    gvir_config_object_set_attribute (self, NULL, "type", "pci");
}

static void
gvir_config_domain_hostdev_pci_class_init (GVirConfigDomainHostdevPciClass *klass)
{
  G_OBJECT_CLASS (klass)->constructed = gvir_config_domain_hostdev_pci_constructed;
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "hostdev", NULL);
}

static void
gvir_config_domain_hostdev_pci_init (GVirConfigDomainHostdevPci *self)
{
}

/**
 * gvir_config_domain_hostdev_pci_new:
 *
 * Creates a #GVirConfigDomainHostdevPci holding an empty `<hostdev>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigDomainHostdevPci *
gvir_config_domain_hostdev_pci_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_DOMAIN_HOSTDEV_PCI, NULL);
}

/**
 * gvir_config_domain_hostdev_pci_new_from_xml:
 * @xml: an XML document whose root element is `<hostdev>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigDomainHostdevPci. Malformed XML or another root element gives a
 * #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigDomainHostdevPci *
gvir_config_domain_hostdev_pci_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigDomainHostdevPci *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN_HOSTDEV_PCI, "hostdev", NULL, xml, error);
}

/**
 * gvir_config_domain_hostdev_pci_get_address:
 * @hostdev: a #GVirConfigDomainHostdevPci
 *
 * Gets a live view of the host address of the device (`<source><address>`).
 *
 * Returns: (transfer full) (nullable): the address, or %NULL if unset
 */
GVirConfigDomainAddressPci *
gvir_config_domain_hostdev_pci_get_address (GVirConfigDomainHostdevPci *hostdev)
{
  GVirConfigObject *self;
  xmlNodePtr source, address;

  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_HOSTDEV_PCI (hostdev), NULL);

  self = GVIR_CONFIG_OBJECT (hostdev);
  source = gvir_config_xml_get_element (gvir_config_object_get_xml_node (self), "source");
  address = source ? gvir_config_xml_get_element (source, "address") : NULL;
  if (address == NULL)
    return NULL;
  return (GVirConfigDomainAddressPci *) gvir_config_object_new_view (self, GVIR_CONFIG_TYPE_DOMAIN_ADDRESS_PCI, address);
}

/**
 * gvir_config_domain_hostdev_pci_set_address:
 * @hostdev: a #GVirConfigDomainHostdevPci
 * @address: the host PCI address of the device
 *
 * Sets the host address of the device. Its fields are copied into
 * `<source><address>`, without the type attribute that host addresses
 * do not carry; @address is not modified.
 */
void
gvir_config_domain_hostdev_pci_set_address (GVirConfigDomainHostdevPci *hostdev,
                                            GVirConfigDomainAddressPci *address)
{
  xmlNodePtr from, source, to;

  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_HOSTDEV_PCI (hostdev));
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_ADDRESS_PCI (address));

  from = gvir_config_object_get_xml_node (GVIR_CONFIG_OBJECT (address));
  source = gvir_config_object_replace_child (GVIR_CONFIG_OBJECT (hostdev), "source");
  to = xmlNewChild (source, NULL, (const xmlChar *) "address", NULL);
  for (xmlAttrPtr attr = from->properties; attr != NULL; attr = attr->next)
    {
      g_autofree char *value = NULL;

      if (g_strcmp0 ((const char *) attr->name, "type") == 0)
        continue;
      value = (char *) xmlNodeGetContent ((xmlNodePtr) attr);
      gvir_config_xml_node_set_attribute (to, (const char *) attr->name, value);
    }
}

/**
 * gvir_config_domain_hostdev_pci_get_managed:
 * @hostdev: a #GVirConfigDomainHostdevPci
 *
 * Gets whether libvirt detaches the device from its host driver (the `managed` attribute).
 *
 * Returns: the value; %FALSE if unset
 */
gboolean
gvir_config_domain_hostdev_pci_get_managed (GVirConfigDomainHostdevPci *hostdev)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_HOSTDEV_PCI (hostdev), FALSE);

  return gvir_config_object_get_attribute_boolean (GVIR_CONFIG_OBJECT (hostdev), NULL, "managed", FALSE);
}

/**
 * gvir_config_domain_hostdev_pci_set_managed:
 * @hostdev: a #GVirConfigDomainHostdevPci
 * @managed: the new value
 *
 * Sets whether libvirt detaches the device from its host driver, written as "yes" or "no" in the `managed` attribute.
 */
void
gvir_config_domain_hostdev_pci_set_managed (GVirConfigDomainHostdevPci *hostdev, gboolean managed)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_HOSTDEV_PCI (hostdev));

  gvir_config_object_set_attribute_boolean (GVIR_CONFIG_OBJECT (hostdev), NULL, "managed", managed);
}

/**
 * gvir_config_domain_hostdev_pci_get_rom_file:
 * @hostdev: a #GVirConfigDomainHostdevPci
 *
 * Gets the ROM image shown to the guest (the `file` attribute of `<rom>`).
 *
 * Returns: (transfer none) (nullable): the value, or %NULL if unset
 */
const gchar *
gvir_config_domain_hostdev_pci_get_rom_file (GVirConfigDomainHostdevPci *hostdev)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_HOSTDEV_PCI (hostdev), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (hostdev), "rom", "file");
}

/**
 * gvir_config_domain_hostdev_pci_set_rom_file:
 * @hostdev: a #GVirConfigDomainHostdevPci
 * @file: (nullable): the ROM image shown to the guest, or %NULL to remove it
 *
 * Sets the ROM image shown to the guest (the `file` attribute of `<rom>`).
 */
void
gvir_config_domain_hostdev_pci_set_rom_file (GVirConfigDomainHostdevPci *hostdev, const gchar *file)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_HOSTDEV_PCI (hostdev));

  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (hostdev), "rom", "file", file);
}

/**
 * gvir_config_domain_hostdev_pci_get_rom_bar:
 * @hostdev: a #GVirConfigDomainHostdevPci
 *
 * Gets whether the device ROM is visible in the guest memory map (the `bar` attribute of `<rom>`).
 *
 * Returns: the value; %FALSE if unset
 */
gboolean
gvir_config_domain_hostdev_pci_get_rom_bar (GVirConfigDomainHostdevPci *hostdev)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_HOSTDEV_PCI (hostdev), FALSE);

  return gvir_config_object_get_attribute_boolean (GVIR_CONFIG_OBJECT (hostdev), "rom", "bar", FALSE);
}

/**
 * gvir_config_domain_hostdev_pci_set_rom_bar:
 * @hostdev: a #GVirConfigDomainHostdevPci
 * @bar: the new value
 *
 * Sets whether the device ROM is visible in the guest memory map, written as "on" or "off" in the `bar` attribute of `<rom>`.
 */
void
gvir_config_domain_hostdev_pci_set_rom_bar (GVirConfigDomainHostdevPci *hostdev, gboolean bar)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_HOSTDEV_PCI (hostdev));

  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (hostdev), "rom", "bar", bar ? "on" : "off");
}
