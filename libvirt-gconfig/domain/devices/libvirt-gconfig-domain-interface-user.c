/*
 * libvirt-gconfig-domain-interface-user.c: a user-mode network interface
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
 * SECTION:libvirt-gconfig-domain-interface-user
 * @title: GVirConfigDomainInterfaceUser
 * @short_description: A user-mode network interface
 *
 * An `<interface type="user">`: user-mode networking without any host setup.
 */

/**
 * GVirConfigDomainInterfaceUser:
 *
 * A user-mode network interface.
 */
struct _GVirConfigDomainInterfaceUser
{
  GVirConfigDomainInterface parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigDomainInterfaceUser, gvir_config_domain_interface_user, GVIR_CONFIG_TYPE_DOMAIN_INTERFACE)

/* A fresh <interface> (made by g_object_new() too) needs its type. */
static void
gvir_config_domain_interface_user_constructed (GObject *object)
{
  GVirConfigObject *self = GVIR_CONFIG_OBJECT (object);

  G_OBJECT_CLASS (gvir_config_domain_interface_user_parent_class)->constructed (object);

  if (gvir_config_object_get_attribute (self, NULL, "type") == NULL)
    gvir_config_object_set_attribute (self, NULL, "type", "user");
}

static void
gvir_config_domain_interface_user_class_init (GVirConfigDomainInterfaceUserClass *klass)
{
  G_OBJECT_CLASS (klass)->constructed = gvir_config_domain_interface_user_constructed;
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "interface", NULL);
}

static void
gvir_config_domain_interface_user_init (GVirConfigDomainInterfaceUser *self)
{
}

/**
 * gvir_config_domain_interface_user_new:
 *
 * Creates a #GVirConfigDomainInterfaceUser holding an empty `<interface>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigDomainInterfaceUser *
gvir_config_domain_interface_user_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_DOMAIN_INTERFACE_USER, NULL);
}

/**
 * gvir_config_domain_interface_user_new_from_xml:
 * @xml: an XML document whose root element is `<interface>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigDomainInterfaceUser. Malformed XML or another root element gives a
 * #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigDomainInterfaceUser *
gvir_config_domain_interface_user_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigDomainInterfaceUser *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN_INTERFACE_USER, "interface", NULL, xml, error);
}
