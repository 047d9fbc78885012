/*
 * libvirt-gconfig-domain-graphics-vnc.c: a VNC display
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
 * SECTION:libvirt-gconfig-domain-graphics-vnc
 * @title: GVirConfigDomainGraphicsVnc
 * @short_description: A VNC display
 *
 * A `<graphics type="vnc">`: the display is served over VNC, on a TCP port or a
 * UNIX socket.
 *
 * |[<!-- language="C" -->
 * g_autoptr(GVirConfigDomainGraphicsVnc) vnc = gvir_config_domain_graphics_vnc_new ();
 * gvir_config_domain_graphics_vnc_set_autoport (vnc, TRUE);
 * ]|
 */

/**
 * GVirConfigDomainGraphicsVnc:
 *
 * A VNC display.
 */
struct _GVirConfigDomainGraphicsVnc
{
  GVirConfigDomainGraphics parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigDomainGraphicsVnc, gvir_config_domain_graphics_vnc, GVIR_CONFIG_TYPE_DOMAIN_GRAPHICS)

/* A fresh element (made by g_object_new() too) needs its kind. */
static void
gvir_config_domain_graphics_vnc_constructed (GObject *object)
{
  GVirConfigObject *self = GVIR_CONFIG_OBJECT (object);

  G_OBJECT_CLASS (gvir_config_domain_graphics_vnc_parent_class)->constructed (object);

  if (gvir_config_object_get_attribute (self, NULL, "type") == NULL)
    gvir_config_object_set_attribute (self, NULL, "type", "vnc");
}

static void
gvir_config_domain_graphics_vnc_class_init (GVirConfigDomainGraphicsVncClass *klass)
{
  G_OBJECT_CLASS (klass)->constructed = gvir_config_domain_graphics_vnc_constructed;
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "graphics", NULL);
}

static void
gvir_config_domain_graphics_vnc_init (GVirConfigDomainGraphicsVnc *self)
{
}

/**
 * gvir_config_domain_graphics_vnc_new:
 *
 * Creates a #GVirConfigDomainGraphicsVnc holding an empty `<graphics>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigDomainGraphicsVnc *
gvir_config_domain_graphics_vnc_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_DOMAIN_GRAPHICS_VNC, NULL);
}

/**
 * gvir_config_domain_graphics_vnc_new_from_xml:
 * @xml: an XML document whose root element is `<graphics>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigDomainGraphicsVnc. Malformed XML or another root element gives a
 * #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigDomainGraphicsVnc *
gvir_config_domain_graphics_vnc_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigDomainGraphicsVnc *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN_GRAPHICS_VNC, "graphics", NULL, xml, error);
}

/**
 * gvir_config_domain_graphics_vnc_get_autoport:
 * @graphics: a #GVirConfigDomainGraphicsVnc
 *
 * Gets whether the hypervisor picks the port (the `autoport` attribute).
 *
 * Returns: the value; %FALSE if unset
 */
gboolean
gvir_config_domain_graphics_vnc_get_autoport (GVirConfigDomainGraphicsVnc *graphics)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_GRAPHICS_VNC (graphics), FALSE);

  return gvir_config_object_get_attribute_boolean (GVIR_CONFIG_OBJECT (graphics), NULL, "autoport", FALSE);
}

/**
 * gvir_config_domain_graphics_vnc_set_autoport:
 * @graphics: a #GVirConfigDomainGraphicsVnc
 * @autoport: the new value
 *
 * Sets whether the hypervisor picks the port, written as "yes" or "no" in the `autoport` attribute.
 */
void
gvir_config_domain_graphics_vnc_set_autoport (GVirConfigDomainGraphicsVnc *graphics, gboolean autoport)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_GRAPHICS_VNC (graphics));

  gvir_config_object_set_attribute_boolean (GVIR_CONFIG_OBJECT (graphics), NULL, "autoport", autoport);
}

/**
 * gvir_config_domain_graphics_vnc_get_port:
 * @graphics: a #GVirConfigDomainGraphicsVnc
 *
 * Gets the TCP port (-1: chosen by the hypervisor) (the `port` attribute).
 *
 * Returns: the value, or -1 if unset or invalid
 */
gint
gvir_config_domain_graphics_vnc_get_port (GVirConfigDomainGraphicsVnc *graphics)
{
  const char *text;
  gint64 value;

  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_GRAPHICS_VNC (graphics), -1);

  text = gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (graphics), NULL, "port");
  if (text == NULL || !g_ascii_string_to_signed (text, 10, -1, 65535, &value, NULL))
    return -1;
  return value;
}

/**
 * gvir_config_domain_graphics_vnc_set_port:
 * @graphics: a #GVirConfigDomainGraphicsVnc
 * @port: the new value, from -1 to 65535
 *
 * Sets the TCP port (-1: chosen by the hypervisor) (the `port` attribute).
 */
void
gvir_config_domain_graphics_vnc_set_port (GVirConfigDomainGraphicsVnc *graphics, gint port)
{
  char buf[32];

  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_GRAPHICS_VNC (graphics));
  g_return_if_fail (port >= -1 && port <= 65535);

  g_snprintf (buf, sizeof buf, "%d", port);
  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (graphics), NULL, "port", buf);
}

/**
 * gvir_config_domain_graphics_vnc_get_socket:
 * @graphics: a #GVirConfigDomainGraphicsVnc
 *
 * Gets the UNIX socket to listen on (the `socket` attribute).
 *
 * Returns: (transfer none) (nullable): the value, or %NULL if unset
 */
const gchar *
gvir_config_domain_graphics_vnc_get_socket (GVirConfigDomainGraphicsVnc *graphics)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_GRAPHICS_VNC (graphics), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (graphics), NULL, "socket");
}

/**
 * gvir_config_domain_graphics_vnc_set_socket:
 * @graphics: a #GVirConfigDomainGraphicsVnc
 * @socket: (nullable): the UNIX socket to listen on, or %NULL to remove it
 *
 * Sets the UNIX socket to listen on (the `socket` attribute).
 */
void
gvir_config_domain_graphics_vnc_set_socket (GVirConfigDomainGraphicsVnc *graphics, const gchar *socket)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_GRAPHICS_VNC (graphics));

  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (graphics), NULL, "socket", socket);
}

/**
 * gvir_config_domain_graphics_vnc_get_password:
 * @graphics: a #GVirConfigDomainGraphicsVnc
 *
 * Gets the password clients must give (the `passwd` attribute).
 *
 * Returns: (transfer none) (nullable): the value, or %NULL if unset
 */
const gchar *
gvir_config_domain_graphics_vnc_get_password (GVirConfigDomainGraphicsVnc *graphics)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_GRAPHICS_VNC (graphics), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (graphics), NULL, "passwd");
}

/**
 * gvir_config_domain_graphics_vnc_set_password:
 * @graphics: a #GVirConfigDomainGraphicsVnc
 * @password: (nullable): the password clients must give, or %NULL to remove it
 *
 * Sets the password clients must give (the `passwd` attribute).
 */
void
gvir_config_domain_graphics_vnc_set_password (GVirConfigDomainGraphicsVnc *graphics, const gchar *password)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_GRAPHICS_VNC (graphics));

  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (graphics), NULL, "passwd", password);
}
