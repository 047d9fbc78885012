/*
 * libvirt-gconfig-domain-smartcard.c: base class of smartcard readers
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
 * SECTION:libvirt-gconfig-domain-smartcard
 * @title: GVirConfigDomainSmartcard
 * @short_description: Base class of smartcard readers
 *
 * A `<smartcard>` device: a smartcard reader. The mode attribute is set by
 * the subclass: host, host certificates or passthrough.
 */

/**
 * GVirConfigDomainSmartcard:
 *
 * Base class of smartcard readers.
 */
G_DEFINE_ABSTRACT_TYPE (GVirConfigDomainSmartcard, gvir_config_domain_smartcard, GVIR_CONFIG_TYPE_DOMAIN_DEVICE)

static void
gvir_config_domain_smartcard_class_init (GVirConfigDomainSmartcardClass *klass)
{
}

static void
gvir_config_domain_smartcard_init (GVirConfigDomainSmartcard *self)
{
}

/**
 * gvir_config_domain_smartcard_get_address:
 * @smartcard: a #GVirConfigDomainSmartcard
 *
 * Gets a live view of the guest address of the reader.
 *
 * Returns: (transfer full) (nullable): the address, or %NULL if there is none
 *   or its type has no class
 */
GVirConfigDomainAddress *
gvir_config_domain_smartcard_get_address (GVirConfigDomainSmartcard *smartcard)
{
  GVirConfigObject *self;

  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_SMARTCARD (smartcard), NULL);

  self = GVIR_CONFIG_OBJECT (smartcard);
  return gvir_config_domain_address_new_view (self, gvir_config_xml_get_element (gvir_config_object_get_xml_node (self), "address"));
}

/**
 * gvir_config_domain_smartcard_set_address:
 * @smartcard: a #GVirConfigDomainSmartcard
 * @address: (nullable): the address, or %NULL to remove it
 *
 * Replaces the guest address of the reader. @address becomes part of
 * @smartcard's document.
 */
void
gvir_config_domain_smartcard_set_address (GVirConfigDomainSmartcard *smartcard,
                                          GVirConfigDomainAddress *address)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_SMARTCARD (smartcard));
  g_return_if_fail (address == NULL || GVIR_CONFIG_IS_DOMAIN_ADDRESS (address));

  gvir_config_object_attach_replace (GVIR_CONFIG_OBJECT (smartcard), "address",
                                     (GVirConfigObject *) address);
}
