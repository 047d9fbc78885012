/*
 * libvirt-gconfig-domain-graphics-dbus.c: a D-Bus display
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
 * SECTION:libvirt-gconfig-domain-graphics-dbus
 * @title: GVirConfigDomainGraphicsDBus
 * @short_description: A D-Bus display
 *
 * A `<graphics type="dbus">`: the display is exported over D-Bus, on the session
 * bus or a given bus address.
 */

/**
 * GVirConfigDomainGraphicsDBus:
 *
 * A D-Bus display.
 */
struct _GVirConfigDomainGraphicsDBus
{
  GVirConfigDomainGraphics parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigDomainGraphicsDBus, gvir_config_domain_graphics_dbus, GVIR_CONFIG_TYPE_DOMAIN_GRAPHICS)

/* A fresh element (made by g_object_new() too) needs its kind. */
static void
gvir_config_domain_graphics_dbus_constructed (GObject *object)
{
  GVirConfigObject *self = GVIR_CONFIG_OBJECT (object);

  G_OBJECT_CLASS (gvir_config_domain_graphics_dbus_parent_class)->constructed (object);

  if (gvir_config_object_get_attribute (self, NULL, "type") == NULL)
    gvir_config_object_set_attribute (self, NULL, "type", "dbus");
}

static void
gvir_config_domain_graphics_dbus_class_init (GVirConfigDomainGraphicsDBusClass *klass)
{
  G_OBJECT_CLASS (klass)->constructed = gvir_config_domain_graphics_dbus_constructed;
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "graphics", NULL);
}

static void
gvir_config_domain_graphics_dbus_init (GVirConfigDomainGraphicsDBus *self)
{
}

/**
 * gvir_config_domain_graphics_dbus_new:
 *
 * Creates a #GVirConfigDomainGraphicsDBus holding an empty `<graphics>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigDomainGraphicsDBus *
gvir_config_domain_graphics_dbus_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_DOMAIN_GRAPHICS_DBUS, NULL);
}

/**
 * gvir_config_domain_graphics_dbus_new_from_xml:
 * @xml: an XML document whose root element is `<graphics>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigDomainGraphicsDBus. Malformed XML or another root element gives a
 * #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigDomainGraphicsDBus *
gvir_config_domain_graphics_dbus_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigDomainGraphicsDBus *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN_GRAPHICS_DBUS, "graphics", NULL, xml, error);
}

/**
 * gvir_config_domain_graphics_dbus_get_address:
 * @graphics: a #GVirConfigDomainGraphicsDBus
 *
 * Gets the D-Bus address (the `address` attribute).
 *
 * Returns: (transfer none) (nullable): the value, or %NULL if unset
 */
const gchar *
gvir_config_domain_graphics_dbus_get_address (GVirConfigDomainGraphicsDBus *graphics)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_GRAPHICS_DBUS (graphics), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (graphics), NULL, "address");
}

/**
 * gvir_config_domain_graphics_dbus_set_address:
 * @graphics: a #GVirConfigDomainGraphicsDBus
 * @address: (nullable): the D-Bus address, or %NULL to remove it
 *
 * Sets the D-Bus address (the `address` attribute).
 */
void
gvir_config_domain_graphics_dbus_set_address (GVirConfigDomainGraphicsDBus *graphics, const gchar *address)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_GRAPHICS_DBUS (graphics));

  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (graphics), NULL, "address", address);
}

/**
 * gvir_config_domain_graphics_dbus_get_gl:
 * @graphics: a #GVirConfigDomainGraphicsDBus
 *
 * Gets whether OpenGL acceleration is enabled (the `enable` attribute of `<gl>`).
 *
 * Returns: the value; %FALSE if unset
 */
gboolean
gvir_config_domain_graphics_dbus_get_gl (GVirConfigDomainGraphicsDBus *graphics)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_GRAPHICS_DBUS (graphics), FALSE);

  return gvir_config_object_get_attribute_boolean (GVIR_CONFIG_OBJECT (graphics), "gl", "enable", FALSE);
}

/**
 * gvir_config_domain_graphics_dbus_set_gl:
 * @graphics: a #GVirConfigDomainGraphicsDBus
 * @gl: the new value
 *
 * Sets whether OpenGL acceleration is enabled, written as "yes" or "no" in the `enable` attribute of `<gl>`.
 */
void
gvir_config_domain_graphics_dbus_set_gl (GVirConfigDomainGraphicsDBus *graphics, gboolean gl)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_GRAPHICS_DBUS (graphics));

  gvir_config_object_set_attribute_boolean (GVIR_CONFIG_OBJECT (graphics), "gl", "enable", gl);
}
