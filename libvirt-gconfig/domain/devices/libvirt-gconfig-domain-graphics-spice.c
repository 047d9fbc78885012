/*
 * libvirt-gconfig-domain-graphics-spice.c: a SPICE display
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
 * SECTION:libvirt-gconfig-domain-graphics-spice
 * @title: GVirConfigDomainGraphicsSpice
 * @short_description: A SPICE display
 *
 * A `<graphics type="spice">`: the display is served over SPICE, with optional
 * TLS port, image compression and OpenGL.
 *
 * |[<!-- language="C" -->
 * g_autoptr(GVirConfigDomainGraphicsSpice) spice = gvir_config_domain_graphics_spice_new ();
 * gvir_config_domain_graphics_spice_set_autoport (spice, TRUE);
 * gvir_config_domain_graphics_spice_set_image_compression (spice, GVIR_CONFIG_DOMAIN_GRAPHICS_SPICE_IMAGE_COMPRESSION_AUTO_GLZ);
 * ]|
 */

/**
 * GVirConfigDomainGraphicsSpice:
 *
 * A SPICE display.
 */
struct _GVirConfigDomainGraphicsSpice
{
  GVirConfigDomainGraphics parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigDomainGraphicsSpice, gvir_config_domain_graphics_spice, GVIR_CONFIG_TYPE_DOMAIN_GRAPHICS)

/* A fresh element (made by g_object_new() too) needs its kind. */
static void
gvir_config_domain_graphics_spice_constructed (GObject *object)
{
  GVirConfigObject *self = GVIR_CONFIG_OBJECT (object);

  G_OBJECT_CLASS (gvir_config_domain_graphics_spice_parent_class)->constructed (object);

  if (gvir_config_object_get_attribute (self, NULL, "type") == NULL)
    gvir_config_object_set_attribute (self, NULL, "type", "spice");
}

static void
gvir_config_domain_graphics_spice_class_init (GVirConfigDomainGraphicsSpiceClass *klass)
{
  G_OBJECT_CLASS (klass)->constructed = gvir_config_domain_graphics_spice_constructed;
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "graphics", NULL);
}

static void
gvir_config_domain_graphics_spice_init (GVirConfigDomainGraphicsSpice *self)
{
}

/**
 * gvir_config_domain_graphics_spice_new:
 *
 * Creates a #GVirConfigDomainGraphicsSpice holding an empty `<graphics>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigDomainGraphicsSpice *
gvir_config_domain_graphics_spice_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_DOMAIN_GRAPHICS_SPICE, NULL);
}

/**
 * gvir_config_domain_graphics_spice_new_from_xml:
 * @xml: an XML document whose root element is `<graphics>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigDomainGraphicsSpice. Malformed XML or another root element gives a
 * #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigDomainGraphicsSpice *
gvir_config_domain_graphics_spice_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigDomainGraphicsSpice *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN_GRAPHICS_SPICE, "graphics", NULL, xml, error);
}

/**
 * gvir_config_domain_graphics_spice_get_autoport:
 * @graphics: a #GVirConfigDomainGraphicsSpice
 *
 * Gets whether the hypervisor picks the port (the `autoport` attribute).
 *
 * Returns: the value; %FALSE if unset
 */
gboolean
gvir_config_domain_graphics_spice_get_autoport (GVirConfigDomainGraphicsSpice *graphics)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_GRAPHICS_SPICE (graphics), FALSE);

  return gvir_config_object_get_attribute_boolean (GVIR_CONFIG_OBJECT (graphics), NULL, "autoport", FALSE);
}

/**
 * gvir_config_domain_graphics_spice_set_autoport:
 * @graphics: a #GVirConfigDomainGraphicsSpice
 * @autoport: the new value
 *
 * Sets whether the hypervisor picks the port, written as "yes" or "no" in the `autoport` attribute.
 */
void
gvir_config_domain_graphics_spice_set_autoport (GVirConfigDomainGraphicsSpice *graphics, gboolean autoport)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_GRAPHICS_SPICE (graphics));

  gvir_config_object_set_attribute_boolean (GVIR_CONFIG_OBJECT (graphics), NULL, "autoport", autoport);
}

/**
 * gvir_config_domain_graphics_spice_get_port:
 * @graphics: a #GVirConfigDomainGraphicsSpice
 *
 * Gets the TCP port (-1: chosen by the hypervisor) (the `port` attribute).
 *
 * Returns: the value, or -1 if unset or invalid
 */
gint
gvir_config_domain_graphics_spice_get_port (GVirConfigDomainGraphicsSpice *graphics)
{
  const char *text;
  gint64 value;

  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_GRAPHICS_SPICE (graphics), -1);

  text = gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (graphics), NULL, "port");
  if (text == NULL || !g_ascii_string_to_signed (text, 10, -1, 65535, &value, NULL))
    return -1;
  return value;
}

/**
 * gvir_config_domain_graphics_spice_set_port:
 * @graphics: a #GVirConfigDomainGraphicsSpice
 * @port: the new value, from -1 to 65535
 *
 * Sets the TCP port (-1: chosen by the hypervisor) (the `port` attribute).
 */
void
gvir_config_domain_graphics_spice_set_port (GVirConfigDomainGraphicsSpice *graphics, gint port)
{
  char buf[32];

  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_GRAPHICS_SPICE (graphics));
  g_return_if_fail (port >= -1 && port <= 65535);

  g_snprintf (buf, sizeof buf, "%d", port);
  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (graphics), NULL, "port", buf);
}

/**
 * gvir_config_domain_graphics_spice_get_tls_port:
 * @graphics: a #GVirConfigDomainGraphicsSpice
 *
 * Gets the TLS port (-1: chosen by the hypervisor) (the `tlsPort` attribute).
 *
 * Returns: the value, or -1 if unset or invalid
 */
gint
gvir_config_domain_graphics_spice_get_tls_port (GVirConfigDomainGraphicsSpice *graphics)
{
  const char *text;
  gint64 value;

  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_GRAPHICS_SPICE (graphics), -1);

  text = gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (graphics), NULL, "tlsPort");
  if (text == NULL || !g_ascii_string_to_signed (text, 10, -1, 65535, &value, NULL))
    return -1;
  return value;
}

/**
 * gvir_config_domain_graphics_spice_set_tls_port:
 * @graphics: a #GVirConfigDomainGraphicsSpice
 * @port: the new value, from -1 to 65535
 *
 * Sets the TLS port (-1: chosen by the hypervisor) (the `tlsPort` attribute).
 */
void
gvir_config_domain_graphics_spice_set_tls_port (GVirConfigDomainGraphicsSpice *graphics, gint port)
{
  char buf[32];

  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_GRAPHICS_SPICE (graphics));
  g_return_if_fail (port >= -1 && port <= 65535);

  g_snprintf (buf, sizeof buf, "%d", port);
  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (graphics), NULL, "tlsPort", buf);
}

/**
 * gvir_config_domain_graphics_spice_get_password:
 * @graphics: a #GVirConfigDomainGraphicsSpice
 *
 * Gets the password clients must give (the `passwd` attribute).
 *
 * Returns: (transfer none) (nullable): the value, or %NULL if unset
 */
const gchar *
gvir_config_domain_graphics_spice_get_password (GVirConfigDomainGraphicsSpice *graphics)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_GRAPHICS_SPICE (graphics), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (graphics), NULL, "passwd");
}

/**
 * gvir_config_domain_graphics_spice_set_password:
 * @graphics: a #GVirConfigDomainGraphicsSpice
 * @password: (nullable): the password clients must give, or %NULL to remove it
 *
 * Sets the password clients must give (the `passwd` attribute).
 */
void
gvir_config_domain_graphics_spice_set_password (GVirConfigDomainGraphicsSpice *graphics, const gchar *password)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_GRAPHICS_SPICE (graphics));

  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (graphics), NULL, "passwd", password);
}

/**
 * gvir_config_domain_graphics_spice_get_image_compression:
 * @graphics: a #GVirConfigDomainGraphicsSpice
 *
 * Gets the image compression (the `compression` attribute of `<image>`).
 *
 * Returns: the value; -1 if unset or unknown
 */
int
gvir_config_domain_graphics_spice_get_image_compression (GVirConfigDomainGraphicsSpice *graphics)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_GRAPHICS_SPICE (graphics), -1);

  return gvir_config_object_get_attribute_genum (GVIR_CONFIG_OBJECT (graphics), "image", "compression",
                                                 GVIR_CONFIG_TYPE_DOMAIN_GRAPHICS_SPICE_IMAGE_COMPRESSION, -1);
}

/**
 * gvir_config_domain_graphics_spice_set_image_compression:
 * @graphics: a #GVirConfigDomainGraphicsSpice
 * @compression: the image compression
 *
 * Sets the image compression (the `compression` attribute of `<image>`).
 */
void
gvir_config_domain_graphics_spice_set_image_compression (GVirConfigDomainGraphicsSpice *graphics, GVirConfigDomainGraphicsSpiceImageCompression compression)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_GRAPHICS_SPICE (graphics));
  g_return_if_fail (gvir_config_genum_get_nick (GVIR_CONFIG_TYPE_DOMAIN_GRAPHICS_SPICE_IMAGE_COMPRESSION, compression) != NULL);

  gvir_config_object_set_attribute_genum (GVIR_CONFIG_OBJECT (graphics), "image", "compression",
                                          GVIR_CONFIG_TYPE_DOMAIN_GRAPHICS_SPICE_IMAGE_COMPRESSION, compression);
}

/**
 * gvir_config_domain_graphics_spice_get_gl:
 * @graphics: a #GVirConfigDomainGraphicsSpice
 *
 * Gets whether OpenGL acceleration is enabled (the `enable` attribute of `<gl>`).
 *
 * Returns: the value; %FALSE if unset
 */
gboolean
gvir_config_domain_graphics_spice_get_gl (GVirConfigDomainGraphicsSpice *graphics)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_GRAPHICS_SPICE (graphics), FALSE);

  return gvir_config_object_get_attribute_boolean (GVIR_CONFIG_OBJECT (graphics), "gl", "enable", FALSE);
}

/**
 * gvir_config_domain_graphics_spice_set_gl:
 * @graphics: a #GVirConfigDomainGraphicsSpice
 * @gl: the new value
 *
 * Sets whether OpenGL acceleration is enabled, written as "yes" or "no" in the `enable` attribute of `<gl>`.
 */
void
gvir_config_domain_graphics_spice_set_gl (GVirConfigDomainGraphicsSpice *graphics, gboolean gl)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_GRAPHICS_SPICE (graphics));

  gvir_config_object_set_attribute_boolean (GVIR_CONFIG_OBJECT (graphics), "gl", "enable", gl);
}
