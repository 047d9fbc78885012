/*
 * libvirt-gconfig-domain-smartcard-passthrough.c: a smartcard passed through a character device
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
 * SECTION:libvirt-gconfig-domain-smartcard-passthrough
 * @title: GVirConfigDomainSmartcardPassthrough
 * @short_description: A smartcard passed through a character device
 *
 * A `<smartcard mode="passthrough">`: the smartcard traffic goes through a
 * character device source, usually a SPICE VMC channel to the client.
 */

/**
 * GVirConfigDomainSmartcardPassthrough:
 *
 * A smartcard passed through a character device.
 */
struct _GVirConfigDomainSmartcardPassthrough
{
  GVirConfigDomainSmartcard parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigDomainSmartcardPassthrough, gvir_config_domain_smartcard_passthrough, GVIR_CONFIG_TYPE_DOMAIN_SMARTCARD)

/* A fresh element (made by g_object_new() too) needs its kind. */
static void
gvir_config_domain_smartcard_passthrough_constructed (GObject *object)
{
  GVirConfigObject *self = GVIR_CONFIG_OBJECT (object);

  G_OBJECT_CLASS (gvir_config_domain_smartcard_passthrough_parent_class)->constructed (object);

  if (gvir_config_object_get_attribute (self, NULL, "mode") == NULL)
    gvir_config_object_set_attribute (self, NULL, "mode", "passthrough");
}

static void
gvir_config_domain_smartcard_passthrough_class_init (GVirConfigDomainSmartcardPassthroughClass *klass)
{
  G_OBJECT_CLASS (klass)->constructed = gvir_config_domain_smartcard_passthrough_constructed;
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "smartcard", NULL);
}

static void
gvir_config_domain_smartcard_passthrough_init (GVirConfigDomainSmartcardPassthrough *self)
{
}

/**
 * gvir_config_domain_smartcard_passthrough_new:
 *
 * Creates a #GVirConfigDomainSmartcardPassthrough holding an empty `<smartcard>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigDomainSmartcardPassthrough *
gvir_config_domain_smartcard_passthrough_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_DOMAIN_SMARTCARD_PASSTHROUGH, NULL);
}

/**
 * gvir_config_domain_smartcard_passthrough_new_from_xml:
 * @xml: an XML document whose root element is `<smartcard>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigDomainSmartcardPassthrough. Malformed XML or another root element gives a
 * #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigDomainSmartcardPassthrough *
gvir_config_domain_smartcard_passthrough_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigDomainSmartcardPassthrough *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN_SMARTCARD_PASSTHROUGH, "smartcard", NULL, xml, error);
}

/**
 * gvir_config_domain_smartcard_passthrough_get_source:
 * @smartcard: a #GVirConfigDomainSmartcardPassthrough
 *
 * Gets a live view of the channel the smartcard traffic goes through.
 *
 * Returns: (transfer full) (nullable): the source, or %NULL if the type is
 *   unset or has no source class
 */
GVirConfigDomainChardevSource *
gvir_config_domain_smartcard_passthrough_get_source (GVirConfigDomainSmartcardPassthrough *smartcard)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_SMARTCARD_PASSTHROUGH (smartcard), NULL);

  return gvir_config_domain_chardev_source_new_view (GVIR_CONFIG_OBJECT (smartcard));
}

/**
 * gvir_config_domain_smartcard_passthrough_set_source:
 * @smartcard: a #GVirConfigDomainSmartcardPassthrough
 * @source: the channel
 *
 * Sets the channel the smartcard traffic goes through, as
 * gvir_config_domain_chardev_set_source() does for character devices.
 */
void
gvir_config_domain_smartcard_passthrough_set_source (GVirConfigDomainSmartcardPassthrough *smartcard,
                                                     GVirConfigDomainChardevSource *source)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_SMARTCARD_PASSTHROUGH (smartcard));
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_CHARDEV_SOURCE (source));

  gvir_config_domain_chardev_source_copy_into (source, GVIR_CONFIG_OBJECT (smartcard));
}
