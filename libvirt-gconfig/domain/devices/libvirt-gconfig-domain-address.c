/*
 * libvirt-gconfig-domain-address.c: base class of device addresses
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
 * SECTION:libvirt-gconfig-domain-address
 * @title: GVirConfigDomainAddress
 * @short_description: Base class of device addresses
 *
 * An `<address>` element: where a device sits on its bus. The subclasses
 * #GVirConfigDomainAddressPci and #GVirConfigDomainAddressUsb set its type
 * attribute and fields.
 */

/**
 * GVirConfigDomainAddress:
 *
 * Base class of device addresses.
 */
G_DEFINE_ABSTRACT_TYPE (GVirConfigDomainAddress, gvir_config_domain_address, GVIR_CONFIG_TYPE_OBJECT)

static void
gvir_config_domain_address_class_init (GVirConfigDomainAddressClass *klass)
{
}

static void
gvir_config_domain_address_init (GVirConfigDomainAddress *self)
{
}

GVirConfigDomainAddress *
gvir_config_domain_address_new_view (GVirConfigObject *parent, xmlNodePtr node)
{
  const char *type;

  if (node == NULL)
    return NULL;
  type = gvir_config_xml_node_get_attribute (node, "type");
  if (g_strcmp0 (type, "pci") == 0)
    return (GVirConfigDomainAddress *) gvir_config_object_new_view (parent, GVIR_CONFIG_TYPE_DOMAIN_ADDRESS_PCI, node);
  if (g_strcmp0 (type, "usb") == 0)
    return (GVirConfigDomainAddress *) gvir_config_object_new_view (parent, GVIR_CONFIG_TYPE_DOMAIN_ADDRESS_USB, node);
  /* Other buses (drive, virtio-serial, ...) have no class of their own. */
  return NULL;
}
