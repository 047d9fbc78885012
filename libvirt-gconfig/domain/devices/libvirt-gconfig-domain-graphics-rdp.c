/*
 * libvirt-gconfig-domain-graphics-rdp.c: an RDP display
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
 * SECTION:libvirt-gconfig-domain-graphics-rdp
 * @title: GVirConfigDomainGraphicsRdp
 * @short_description: An RDP display
 *
 * A `<graphics type="rdp">`: the display is served over RDP (VirtualBox).
 */

/**
 * GVirConfigDomainGraphicsRdp:
 *
 * An RDP display.
 */
struct _GVirConfigDomainGraphicsRdp
{
  GVirConfigDomainGraphics parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigDomainGraphicsRdp, gvir_config_domain_graphics_rdp, GVIR_CONFIG_TYPE_DOMAIN_GRAPHICS)

/* A fresh element (made by g_object_new() too) needs its kind. */
static void
gvir_config_domain_graphics_rdp_constructed (GObject *object)
{
  GVirConfigObject *self = GVIR_CONFIG_OBJECT (object);

  G_OBJECT_CLASS (gvir_config_domain_graphics_rdp_parent_class)->constructed (object);

  if (gvir_config_object_get_attribute (self, NULL, "type") == NULL)
    gvir_config_object_set_attribute (self, NULL, "type", "rdp");
}

static void
gvir_config_domain_graphics_rdp_class_init (GVirConfigDomainGraphicsRdpClass *klass)
{
  G_OBJECT_CLASS (klass)->constructed = gvir_config_domain_graphics_rdp_constructed;
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "graphics", NULL);
}

static void
gvir_config_domain_graphics_rdp_init (GVirConfigDomainGraphicsRdp *self)
{
}

/**
 * gvir_config_domain_graphics_rdp_new:
 *
 * Creates a #GVirConfigDomainGraphicsRdp holding an empty `<graphics>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigDomainGraphicsRdp *
gvir_config_domain_graphics_rdp_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_DOMAIN_GRAPHICS_RDP, NULL);
}

/**
 * gvir_config_domain_graphics_rdp_new_from_xml:
 * @xml: an XML document whose root element is `<graphics>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigDomainGraphicsRdp. Malformed XML or another root element gives a
 * #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigDomainGraphicsRdp *
gvir_config_domain_graphics_rdp_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigDomainGraphicsRdp *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN_GRAPHICS_RDP, "graphics", NULL, xml, error);
}

/**
 * gvir_config_domain_graphics_rdp_get_autoport:
 * @graphics: a #GVirConfigDomainGraphicsRdp
 *
 * Gets whether the hypervisor picks the port (the `autoport` attribute).
 *
 * Returns: the value; %FALSE if unset
 */
gboolean
gvir_config_domain_graphics_rdp_get_autoport (GVirConfigDomainGraphicsRdp *graphics)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_GRAPHICS_RDP (graphics), FALSE);

  return gvir_config_object_get_attribute_boolean (GVIR_CONFIG_OBJECT (graphics), NULL, "autoport", FALSE);
}

/**
 * gvir_config_domain_graphics_rdp_set_autoport:
 * @graphics: a #GVirConfigDomainGraphicsRdp
 * @autoport: the new value
 *
 * Sets whether the hypervisor picks the port, written as "yes" or "no" in the `autoport` attribute.
 */
void
gvir_config_domain_graphics_rdp_set_autoport (GVirConfigDomainGraphicsRdp *graphics, gboolean autoport)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_GRAPHICS_RDP (graphics));

  gvir_config_object_set_attribute_boolean (GVIR_CONFIG_OBJECT (graphics), NULL, "autoport", autoport);
}

/**
 * gvir_config_domain_graphics_rdp_get_port:
 * @graphics: a #GVirConfigDomainGraphicsRdp
 *
 * Gets the TCP port (-1: chosen by the hypervisor) (the `port` attribute).
 *
 * Returns: the value, or -1 if unset or invalid
 */
gint
gvir_config_domain_graphics_rdp_get_port (GVirConfigDomainGraphicsRdp *graphics)
{
  const char *text;
  gint64 value;

  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_GRAPHICS_RDP (graphics), -1);

  text = gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (graphics), NULL, "port");
  if (text == NULL || !g_ascii_string_to_signed (text, 10, -1, 65535, &value, NULL))
    return -1;
  return value;
}

/**
 * gvir_config_domain_graphics_rdp_set_port:
 * @graphics: a #GVirConfigDomainGraphicsRdp
 * @port: the new value, from -1 to 65535
 *
 * Sets the TCP port (-1: chosen by the hypervisor) (the `port` attribute).
 */
void
gvir_config_domain_graphics_rdp_set_port (GVirConfigDomainGraphicsRdp *graphics, gint port)
{
  char buf[32];

  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_GRAPHICS_RDP (graphics));
  g_return_if_fail (port >= -1 && port <= 65535);

  g_snprintf (buf, sizeof buf, "%d", port);
  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (graphics), NULL, "port", buf);
}

/**
 * gvir_config_domain_graphics_rdp_get_multi_user:
 * @graphics: a #GVirConfigDomainGraphicsRdp
 *
 * Gets whether several clients may connect at once (the `multiUser` attribute).
 *
 * Returns: the value; %FALSE if unset
 */
gboolean
gvir_config_domain_graphics_rdp_get_multi_user (GVirConfigDomainGraphicsRdp *graphics)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_GRAPHICS_RDP (graphics), FALSE);

  return gvir_config_object_get_attribute_boolean (GVIR_CONFIG_OBJECT (graphics), NULL, "multiUser", FALSE);
}

/**
 * gvir_config_domain_graphics_rdp_set_multi_user:
 * @graphics: a #GVirConfigDomainGraphicsRdp
 * @multi_user: the new value
 *
 * Sets whether several clients may connect at once, written as "yes" or "no" in the `multiUser` attribute.
 */
void
gvir_config_domain_graphics_rdp_set_multi_user (GVirConfigDomainGraphicsRdp *graphics, gboolean multi_user)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_GRAPHICS_RDP (graphics));

  gvir_config_object_set_attribute_boolean (GVIR_CONFIG_OBJECT (graphics), NULL, "multiUser", multi_user);
}

/**
 * gvir_config_domain_graphics_rdp_get_replace_user:
 * @graphics: a #GVirConfigDomainGraphicsRdp
 *
 * Gets whether a new client replaces the connected one (the `replaceUser` attribute).
 *
 * Returns: the value; %FALSE if unset
 */
gboolean
gvir_config_domain_graphics_rdp_get_replace_user (GVirConfigDomainGraphicsRdp *graphics)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_GRAPHICS_RDP (graphics), FALSE);

  return gvir_config_object_get_attribute_boolean (GVIR_CONFIG_OBJECT (graphics), NULL, "replaceUser", FALSE);
}

/**
 * gvir_config_domain_graphics_rdp_set_replace_user:
 * @graphics: a #GVirConfigDomainGraphicsRdp
 * @replace_user: the new value
 *
 * Sets whether a new client replaces the connected one, written as "yes" or "no" in the `replaceUser` attribute.
 */
void
gvir_config_domain_graphics_rdp_set_replace_user (GVirConfigDomainGraphicsRdp *graphics, gboolean replace_user)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_GRAPHICS_RDP (graphics));

  gvir_config_object_set_attribute_boolean (GVIR_CONFIG_OBJECT (graphics), NULL, "replaceUser", replace_user);
}
