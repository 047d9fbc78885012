/*
 * libvirt-gconfig-domain-chardev-source-spicevmc.c: a SPICE VMC character device source
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
 * SECTION:libvirt-gconfig-domain-chardev-source-spicevmc
 * @title: GVirConfigDomainChardevSourceSpiceVmc
 * @short_description: A SPICE VMC character device source
 *
 * A `type="spicevmc"` source: the data goes over the SPICE client channel, as
 * for the SPICE agent channel and USB redirection.
 */

/**
 * GVirConfigDomainChardevSourceSpiceVmc:
 *
 * A SPICE VMC character device source.
 */
struct _GVirConfigDomainChardevSourceSpiceVmc
{
  GVirConfigDomainChardevSource parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigDomainChardevSourceSpiceVmc, gvir_config_domain_chardev_source_spicevmc, GVIR_CONFIG_TYPE_DOMAIN_CHARDEV_SOURCE)

/* A fresh element (made by g_object_new() too) needs its kind. */
static void
gvir_config_domain_chardev_source_spicevmc_constructed (GObject *object)
{
  GVirConfigObject *self = GVIR_CONFIG_OBJECT (object);

  G_OBJECT_CLASS (gvir_config_domain_chardev_source_spicevmc_parent_class)->constructed (object);

  if (gvir_config_object_get_attribute (self, NULL, "type") == NULL)
    gvir_config_object_set_attribute (self, NULL, "type", "spicevmc");
}

static void
gvir_config_domain_chardev_source_spicevmc_class_init (GVirConfigDomainChardevSourceSpiceVmcClass *klass)
{
  G_OBJECT_CLASS (klass)->constructed = gvir_config_domain_chardev_source_spicevmc_constructed;
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "source", NULL);
}

static void
gvir_config_domain_chardev_source_spicevmc_init (GVirConfigDomainChardevSourceSpiceVmc *self)
{
}

/**
 * gvir_config_domain_chardev_source_spicevmc_new:
 *
 * Creates a #GVirConfigDomainChardevSourceSpiceVmc holding an empty `<source>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigDomainChardevSourceSpiceVmc *
gvir_config_domain_chardev_source_spicevmc_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_DOMAIN_CHARDEV_SOURCE_SPICE_VMC, NULL);
}

/**
 * gvir_config_domain_chardev_source_spicevmc_new_from_xml:
 * @xml: an XML document whose root element is `<source>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigDomainChardevSourceSpiceVmc. Malformed XML or another root element gives a
 * #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigDomainChardevSourceSpiceVmc *
gvir_config_domain_chardev_source_spicevmc_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigDomainChardevSourceSpiceVmc *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN_CHARDEV_SOURCE_SPICE_VMC, "source", NULL, xml, error);
}
