/*
 * libvirt-gconfig-domain-chardev-source-unix.c: a UNIX socket character device source
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
 * SECTION:libvirt-gconfig-domain-chardev-source-unix
 * @title: GVirConfigDomainChardevSourceUnix
 * @short_description: A UNIX socket character device source
 *
 * A `type="unix"` source: the host end is a UNIX domain socket that the
 * hypervisor listens on (`mode="bind"`) or connects to (`mode="connect"`).
 */

/**
 * GVirConfigDomainChardevSourceUnix:
 *
 * A UNIX socket character device source.
 */
struct _GVirConfigDomainChardevSourceUnix
{
  GVirConfigDomainChardevSource parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigDomainChardevSourceUnix, gvir_config_domain_chardev_source_unix, GVIR_CONFIG_TYPE_DOMAIN_CHARDEV_SOURCE)

/* A fresh element (made by g_object_new() too) needs its kind. */
static void
gvir_config_domain_chardev_source_unix_constructed (GObject *object)
{
  GVirConfigObject *self = GVIR_CONFIG_OBJECT (object);

  G_OBJECT_CLASS (gvir_config_domain_chardev_source_unix_parent_class)->constructed (object);

  if (gvir_config_object_get_attribute (self, NULL, "type") == NULL)
    gvir_config_object_set_attribute (self, NULL, "type", "unix");
}

static void
gvir_config_domain_chardev_source_unix_class_init (GVirConfigDomainChardevSourceUnixClass *klass)
{
  G_OBJECT_CLASS (klass)->constructed = gvir_config_domain_chardev_source_unix_constructed;
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "source", NULL);
}

static void
gvir_config_domain_chardev_source_unix_init (GVirConfigDomainChardevSourceUnix *self)
{
}

/**
 * gvir_config_domain_chardev_source_unix_new:
 *
 * Creates a #GVirConfigDomainChardevSourceUnix holding an empty `<source>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigDomainChardevSourceUnix *
gvir_config_domain_chardev_source_unix_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_DOMAIN_CHARDEV_SOURCE_UNIX, NULL);
}

/**
 * gvir_config_domain_chardev_source_unix_new_from_xml:
 * @xml: an XML document whose root element is `<source>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigDomainChardevSourceUnix. Malformed XML or another root element gives a
 * #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigDomainChardevSourceUnix *
gvir_config_domain_chardev_source_unix_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigDomainChardevSourceUnix *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN_CHARDEV_SOURCE_UNIX, "source", NULL, xml, error);
}

/**
 * gvir_config_domain_chardev_source_unix_get_path:
 * @source: a #GVirConfigDomainChardevSourceUnix
 *
 * Gets the socket path (the `path` attribute of `<source>`).
 *
 * Returns: (transfer none) (nullable): the value, or %NULL if unset
 */
const gchar *
gvir_config_domain_chardev_source_unix_get_path (GVirConfigDomainChardevSourceUnix *source)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_CHARDEV_SOURCE_UNIX (source), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (source), "source", "path");
}

/**
 * gvir_config_domain_chardev_source_unix_set_path:
 * @source: a #GVirConfigDomainChardevSourceUnix
 * @path: (nullable): the socket path, or %NULL to remove it
 *
 * Sets the socket path (the `path` attribute of `<source>`).
 */
void
gvir_config_domain_chardev_source_unix_set_path (GVirConfigDomainChardevSourceUnix *source, const gchar *path)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_CHARDEV_SOURCE_UNIX (source));

  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (source), "source", "path", path);
}

/**
 * gvir_config_domain_chardev_source_unix_get_mode:
 * @source: a #GVirConfigDomainChardevSourceUnix
 *
 * Gets whether the hypervisor listens or connects (the `mode` attribute of `<source>`).
 *
 * Returns: the value; %GVIR_CONFIG_DOMAIN_CHARDEV_SOURCE_UNIX_MODE_BIND if unset or unknown
 */
GVirConfigDomainChardevSourceUnixMode
gvir_config_domain_chardev_source_unix_get_mode (GVirConfigDomainChardevSourceUnix *source)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_CHARDEV_SOURCE_UNIX (source), GVIR_CONFIG_DOMAIN_CHARDEV_SOURCE_UNIX_MODE_BIND);

  return gvir_config_object_get_attribute_genum (GVIR_CONFIG_OBJECT (source), "source", "mode",
                                                 GVIR_CONFIG_TYPE_DOMAIN_CHARDEV_SOURCE_UNIX_MODE, GVIR_CONFIG_DOMAIN_CHARDEV_SOURCE_UNIX_MODE_BIND);
}

/**
 * gvir_config_domain_chardev_source_unix_set_mode:
 * @source: a #GVirConfigDomainChardevSourceUnix
 * @mode: whether the hypervisor listens or connects
 *
 * Sets whether the hypervisor listens or connects (the `mode` attribute of `<source>`).
 */
void
gvir_config_domain_chardev_source_unix_set_mode (GVirConfigDomainChardevSourceUnix *source, GVirConfigDomainChardevSourceUnixMode mode)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_CHARDEV_SOURCE_UNIX (source));
  g_return_if_fail (gvir_config_genum_get_nick (GVIR_CONFIG_TYPE_DOMAIN_CHARDEV_SOURCE_UNIX_MODE, mode) != NULL);

  gvir_config_object_set_attribute_genum (GVIR_CONFIG_OBJECT (source), "source", "mode",
                                          GVIR_CONFIG_TYPE_DOMAIN_CHARDEV_SOURCE_UNIX_MODE, mode);
}
