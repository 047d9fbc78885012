/*
 * libvirt-gconfig-domain-graphics-sdl.c: an SDL window
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
 * SECTION:libvirt-gconfig-domain-graphics-sdl
 * @title: GVirConfigDomainGraphicsSdl
 * @short_description: An SDL window
 *
 * A `<graphics type="sdl">`: the display is shown in an SDL window on the host.
 */

/**
 * GVirConfigDomainGraphicsSdl:
 *
 * An SDL window.
 */
struct _GVirConfigDomainGraphicsSdl
{
  GVirConfigDomainGraphics parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigDomainGraphicsSdl, gvir_config_domain_graphics_sdl, GVIR_CONFIG_TYPE_DOMAIN_GRAPHICS)

/* A fresh element (made by g_object_new() too) needs its kind. */
static void
gvir_config_domain_graphics_sdl_constructed (GObject *object)
{
  GVirConfigObject *self = GVIR_CONFIG_OBJECT (object);

  G_OBJECT_CLASS (gvir_config_domain_graphics_sdl_parent_class)->constructed (object);

  if (gvir_config_object_get_attribute (self, NULL, "type") == NULL)
    gvir_config_object_set_attribute (self, NULL, "type", "sdl");
}

static void
gvir_config_domain_graphics_sdl_class_init (GVirConfigDomainGraphicsSdlClass *klass)
{
  G_OBJECT_CLASS (klass)->constructed = gvir_config_domain_graphics_sdl_constructed;
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "graphics", NULL);
}

static void
gvir_config_domain_graphics_sdl_init (GVirConfigDomainGraphicsSdl *self)
{
}

/**
 * gvir_config_domain_graphics_sdl_new:
 *
 * Creates a #GVirConfigDomainGraphicsSdl holding an empty `<graphics>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigDomainGraphicsSdl *
gvir_config_domain_graphics_sdl_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_DOMAIN_GRAPHICS_SDL, NULL);
}

/**
 * gvir_config_domain_graphics_sdl_new_from_xml:
 * @xml: an XML document whose root element is `<graphics>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigDomainGraphicsSdl. Malformed XML or another root element gives a
 * #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigDomainGraphicsSdl *
gvir_config_domain_graphics_sdl_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigDomainGraphicsSdl *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN_GRAPHICS_SDL, "graphics", NULL, xml, error);
}

/**
 * gvir_config_domain_graphics_sdl_get_xauthority:
 * @graphics: a #GVirConfigDomainGraphicsSdl
 *
 * Gets the X authority file (the `xauth` attribute).
 *
 * Returns: (transfer none) (nullable): the value, or %NULL if unset
 */
const gchar *
gvir_config_domain_graphics_sdl_get_xauthority (GVirConfigDomainGraphicsSdl *graphics)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_GRAPHICS_SDL (graphics), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (graphics), NULL, "xauth");
}

/**
 * gvir_config_domain_graphics_sdl_set_xauthority:
 * @graphics: a #GVirConfigDomainGraphicsSdl
 * @path: (nullable): the X authority file, or %NULL to remove it
 *
 * Sets the X authority file (the `xauth` attribute).
 */
void
gvir_config_domain_graphics_sdl_set_xauthority (GVirConfigDomainGraphicsSdl *graphics, const gchar *path)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_GRAPHICS_SDL (graphics));

  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (graphics), NULL, "xauth", path);
}

/**
 * gvir_config_domain_graphics_sdl_get_display:
 * @graphics: a #GVirConfigDomainGraphicsSdl
 *
 * Gets the X display (the `display` attribute).
 *
 * Returns: (transfer none) (nullable): the value, or %NULL if unset
 */
const gchar *
gvir_config_domain_graphics_sdl_get_display (GVirConfigDomainGraphicsSdl *graphics)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_GRAPHICS_SDL (graphics), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (graphics), NULL, "display");
}

/**
 * gvir_config_domain_graphics_sdl_set_display:
 * @graphics: a #GVirConfigDomainGraphicsSdl
 * @disp: (nullable): the X display, or %NULL to remove it
 *
 * Sets the X display (the `display` attribute).
 */
void
gvir_config_domain_graphics_sdl_set_display (GVirConfigDomainGraphicsSdl *graphics, const gchar *disp)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_GRAPHICS_SDL (graphics));

  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (graphics), NULL, "display", disp);
}

/**
 * gvir_config_domain_graphics_sdl_get_fullscreen:
 * @graphics: a #GVirConfigDomainGraphicsSdl
 *
 * Gets whether the window is full screen (the `fullscreen` attribute).
 *
 * Returns: the value; %FALSE if unset
 */
gboolean
gvir_config_domain_graphics_sdl_get_fullscreen (GVirConfigDomainGraphicsSdl *graphics)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_GRAPHICS_SDL (graphics), FALSE);

  return gvir_config_object_get_attribute_boolean (GVIR_CONFIG_OBJECT (graphics), NULL, "fullscreen", FALSE);
}

/**
 * gvir_config_domain_graphics_sdl_set_fullscreen:
 * @graphics: a #GVirConfigDomainGraphicsSdl
 * @fullscreen: the new value
 *
 * Sets whether the window is full screen, written as "yes" or "no" in the `fullscreen` attribute.
 */
void
gvir_config_domain_graphics_sdl_set_fullscreen (GVirConfigDomainGraphicsSdl *graphics, gboolean fullscreen)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_GRAPHICS_SDL (graphics));

  gvir_config_object_set_attribute_boolean (GVIR_CONFIG_OBJECT (graphics), NULL, "fullscreen", fullscreen);
}
