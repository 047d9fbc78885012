/*
 * libvirt-gconfig-domain-chardev-source-spiceport.c: a SPICE port character device source
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
 * SECTION:libvirt-gconfig-domain-chardev-source-spiceport
 * @title: GVirConfigDomainChardevSourceSpicePort
 * @short_description: A SPICE port character device source
 *
 * A `type="spiceport"` source: the data goes over a named SPICE port channel
 * (`<source channel="org.qemu.console.serial.0"/>`).
 */

/**
 * GVirConfigDomainChardevSourceSpicePort:
 *
 * A SPICE port character device source.
 */
struct _GVirConfigDomainChardevSourceSpicePort
{
  GVirConfigDomainChardevSource parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigDomainChardevSourceSpicePort, gvir_config_domain_chardev_source_spiceport, GVIR_CONFIG_TYPE_DOMAIN_CHARDEV_SOURCE)

/* A fresh element (made by g_object_new() too) needs its kind. */
static void
gvir_config_domain_chardev_source_spiceport_constructed (GObject *object)
{
  GVirConfigObject *self = GVIR_CONFIG_OBJECT (object);

  G_OBJECT_CLASS (gvir_config_domain_chardev_source_spiceport_parent_class)->constructed (object);

  if (gvir_config_object_get_attribute (self, NULL, "type") == NULL)
    gvir_config_object_set_attribute (self, NULL, "type", "spiceport");
}

static void
gvir_config_domain_chardev_source_spiceport_class_init (GVirConfigDomainChardevSourceSpicePortClass *klass)
{
  G_OBJECT_CLASS (klass)->constructed = gvir_config_domain_chardev_source_spiceport_constructed;
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "source", NULL);
}

static void
gvir_config_domain_chardev_source_spiceport_init (GVirConfigDomainChardevSourceSpicePort *self)
{
}

/**
 * gvir_config_domain_chardev_source_spiceport_new:
 *
 * Creates a #GVirConfigDomainChardevSourceSpicePort holding an empty `<source>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigDomainChardevSourceSpicePort *
gvir_config_domain_chardev_source_spiceport_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_DOMAIN_CHARDEV_SOURCE_SPICE_PORT, NULL);
}

/**
 * gvir_config_domain_chardev_source_spiceport_new_from_xml:
 * @xml: an XML document whose root element is `<source>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigDomainChardevSourceSpicePort. Malformed XML or another root element gives a
 * #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigDomainChardevSourceSpicePort *
gvir_config_domain_chardev_source_spiceport_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigDomainChardevSourceSpicePort *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN_CHARDEV_SOURCE_SPICE_PORT, "source", NULL, xml, error);
}

/**
 * gvir_config_domain_chardev_source_spiceport_get_channel:
 * @port: a #GVirConfigDomainChardevSourceSpicePort
 *
 * Gets the SPICE port channel name (the `channel` attribute of `<source>`).
 *
 * Returns: (transfer none) (nullable): the value, or %NULL if unset
 */
const gchar *
gvir_config_domain_chardev_source_spiceport_get_channel (GVirConfigDomainChardevSourceSpicePort *port)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_CHARDEV_SOURCE_SPICE_PORT (port), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (port), "source", "channel");
}

/**
 * gvir_config_domain_chardev_source_spiceport_set_channel:
 * @port: a #GVirConfigDomainChardevSourceSpicePort
 * @channel: (nullable): the SPICE port channel name, or %NULL to remove it
 *
 * Sets the SPICE port channel name (the `channel` attribute of `<source>`).
 */
void
gvir_config_domain_chardev_source_spiceport_set_channel (GVirConfigDomainChardevSourceSpicePort *port, const gchar *channel)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_CHARDEV_SOURCE_SPICE_PORT (port));

  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (port), "source", "channel", channel);
}
