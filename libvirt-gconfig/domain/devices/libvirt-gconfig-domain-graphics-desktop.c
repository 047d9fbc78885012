/*
 * libvirt-gconfig-domain-graphics-desktop.c: a host desktop window
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
 * SECTION:libvirt-gconfig-domain-graphics-desktop
 * @title: GVirConfigDomainGraphicsDesktop
 * @short_description: A host desktop window
 *
 * A `<graphics type="desktop">`: the display is shown in a window of the host desktop (VirtualBox).
 */

/**
 * GVirConfigDomainGraphicsDesktop:
 *
 * A host desktop window.
 */
struct _GVirConfigDomainGraphicsDesktop
{
  GVirConfigDomainGraphics parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigDomainGraphicsDesktop, gvir_config_domain_graphics_desktop, GVIR_CONFIG_TYPE_DOMAIN_GRAPHICS)

/* A fresh element (made by g_object_new() too) needs its kind. */
static void
gvir_config_domain_graphics_desktop_constructed (GObject *object)
{
  GVirConfigObject *self = GVIR_CONFIG_OBJECT (object);

  G_OBJECT_CLASS (gvir_config_domain_graphics_desktop_parent_class)->constructed (object);

  if (gvir_config_object_get_attribute (self, NULL, "type") == NULL)
    gvir_config_object_set_attribute (self, NULL, "type", "desktop");
}

static void
gvir_config_domain_graphics_desktop_class_init (GVirConfigDomainGraphicsDesktopClass *klass)
{
  G_OBJECT_CLASS (klass)->constructed = gvir_config_domain_graphics_desktop_constructed;
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "graphics", NULL);
}

static void
gvir_config_domain_graphics_desktop_init (GVirConfigDomainGraphicsDesktop *self)
{
}

/**
 * gvir_config_domain_graphics_desktop_new:
 *
 * Creates a #GVirConfigDomainGraphicsDesktop holding an empty `<graphics>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigDomainGraphicsDesktop *
gvir_config_domain_graphics_desktop_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_DOMAIN_GRAPHICS_DESKTOP, NULL);
}

/**
 * gvir_config_domain_graphics_desktop_new_from_xml:
 * @xml: an XML document whose root element is `<graphics>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigDomainGraphicsDesktop. Malformed XML or another root element gives a
 * #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigDomainGraphicsDesktop *
gvir_config_domain_graphics_desktop_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigDomainGraphicsDesktop *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN_GRAPHICS_DESKTOP, "graphics", NULL, xml, error);
}

/**
 * gvir_config_domain_graphics_desktop_get_display:
 * @graphics: a #GVirConfigDomainGraphicsDesktop
 *
 * Gets the X display (the `display` attribute).
 *
 * Returns: (transfer none) (nullable): the value, or %NULL if unset
 */
const gchar *
gvir_config_domain_graphics_desktop_get_display (GVirConfigDomainGraphicsDesktop *graphics)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_GRAPHICS_DESKTOP (graphics), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (graphics), NULL, "display");
}

/**
 * gvir_config_domain_graphics_desktop_set_display:
 * @graphics: a #GVirConfigDomainGraphicsDesktop
 * @disp: (nullable): the X display, or %NULL to remove it
 *
 * Sets the X display (the `display` attribute).
 */
void
gvir_config_domain_graphics_desktop_set_display (GVirConfigDomainGraphicsDesktop *graphics, const gchar *disp)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_GRAPHICS_DESKTOP (graphics));

  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (graphics), NULL, "display", disp);
}

/**
 * gvir_config_domain_graphics_desktop_get_fullscreen:
 * @graphics: a #GVirConfigDomainGraphicsDesktop
 *
 * Gets whether the window is full screen (the `fullscreen` attribute).
 *
 * Returns: the value; %FALSE if unset
 */
gboolean
gvir_config_domain_graphics_desktop_get_fullscreen (GVirConfigDomainGraphicsDesktop *graphics)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_GRAPHICS_DESKTOP (graphics), FALSE);

  return gvir_config_object_get_attribute_boolean (GVIR_CONFIG_OBJECT (graphics), NULL, "fullscreen", FALSE);
}

/**
 * gvir_config_domain_graphics_desktop_set_fullscreen:
 * @graphics: a #GVirConfigDomainGraphicsDesktop
 * @fullscreen: the new value
 *
 * Sets whether the window is full screen, written as "yes" or "no" in the `fullscreen` attribute.
 */
void
gvir_config_domain_graphics_desktop_set_fullscreen (GVirConfigDomainGraphicsDesktop *graphics, gboolean fullscreen)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_GRAPHICS_DESKTOP (graphics));

  gvir_config_object_set_attribute_boolean (GVIR_CONFIG_OBJECT (graphics), NULL, "fullscreen", fullscreen);
}
