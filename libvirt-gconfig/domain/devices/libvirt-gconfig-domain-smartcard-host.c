/*
 * libvirt-gconfig-domain-smartcard-host.c: a smartcard reader of the host
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
 * SECTION:libvirt-gconfig-domain-smartcard-host
 * @title: GVirConfigDomainSmartcardHost
 * @short_description: A smartcard reader of the host
 *
 * A `<smartcard mode="host">`: the guest uses the host's smartcard reader through NSS.
 */

/**
 * GVirConfigDomainSmartcardHost:
 *
 * A smartcard reader of the host.
 */
struct _GVirConfigDomainSmartcardHost
{
  GVirConfigDomainSmartcard parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigDomainSmartcardHost, gvir_config_domain_smartcard_host, GVIR_CONFIG_TYPE_DOMAIN_SMARTCARD)

/* A fresh element (made by g_object_new() too) needs its kind. */
static void
gvir_config_domain_smartcard_host_constructed (GObject *object)
{
  GVirConfigObject *self = GVIR_CONFIG_OBJECT (object);

  G_OBJECT_CLASS (gvir_config_domain_smartcard_host_parent_class)->constructed (object);

  if (gvir_config_object_get_attribute (self, NULL, "mode") == NULL)
    gvir_config_object_set_attribute (self, NULL, "mode", "host");
}

static void
gvir_config_domain_smartcard_host_class_init (GVirConfigDomainSmartcardHostClass *klass)
{
  G_OBJECT_CLASS (klass)->constructed = gvir_config_domain_smartcard_host_constructed;
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "smartcard", NULL);
}

static void
gvir_config_domain_smartcard_host_init (GVirConfigDomainSmartcardHost *self)
{
}

/**
 * gvir_config_domain_smartcard_host_new:
 *
 * Creates a #GVirConfigDomainSmartcardHost holding an empty `<smartcard>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigDomainSmartcardHost *
gvir_config_domain_smartcard_host_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_DOMAIN_SMARTCARD_HOST, NULL);
}

/**
 * gvir_config_domain_smartcard_host_new_from_xml:
 * @xml: an XML document whose root element is `<smartcard>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigDomainSmartcardHost. Malformed XML or another root element gives a
 * #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigDomainSmartcardHost *
gvir_config_domain_smartcard_host_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigDomainSmartcardHost *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN_SMARTCARD_HOST, "smartcard", NULL, xml, error);
}
