/*
 * libvirt-gconfig-domain-chardev-source-pty.c: a pseudo-terminal character device source
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
 * SECTION:libvirt-gconfig-domain-chardev-source-pty
 * @title: GVirConfigDomainChardevSourcePty
 * @short_description: A pseudo-terminal character device source
 *
 * A `type="pty"` source: the host end is a pseudo-terminal, whose path the
 * hypervisor reports in `<source path="...">` once the domain runs.
 */

/**
 * GVirConfigDomainChardevSourcePty:
 *
 * A pseudo-terminal character device source.
 */
struct _GVirConfigDomainChardevSourcePty
{
  GVirConfigDomainChardevSource parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigDomainChardevSourcePty, gvir_config_domain_chardev_source_pty, GVIR_CONFIG_TYPE_DOMAIN_CHARDEV_SOURCE)

/* A fresh element (made by g_object_new() too) needs its kind. */
static void
gvir_config_domain_chardev_source_pty_constructed (GObject *object)
{
  GVirConfigObject *self = GVIR_CONFIG_OBJECT (object);

  G_OBJECT_CLASS (gvir_config_domain_chardev_source_pty_parent_class)->constructed (object);

  if (gvir_config_object_get_attribute (self, NULL, "type") == NULL)
    gvir_config_object_set_attribute (self, NULL, "type", "pty");
}

static void
gvir_config_domain_chardev_source_pty_class_init (GVirConfigDomainChardevSourcePtyClass *klass)
{
  G_OBJECT_CLASS (klass)->constructed = gvir_config_domain_chardev_source_pty_constructed;
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "source", NULL);
}

static void
gvir_config_domain_chardev_source_pty_init (GVirConfigDomainChardevSourcePty *self)
{
}

/**
 * gvir_config_domain_chardev_source_pty_new:
 *
 * Creates a #GVirConfigDomainChardevSourcePty holding an empty `<source>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigDomainChardevSourcePty *
gvir_config_domain_chardev_source_pty_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_DOMAIN_CHARDEV_SOURCE_PTY, NULL);
}

/**
 * gvir_config_domain_chardev_source_pty_new_from_xml:
 * @xml: an XML document whose root element is `<source>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigDomainChardevSourcePty. Malformed XML or another root element gives a
 * #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigDomainChardevSourcePty *
gvir_config_domain_chardev_source_pty_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigDomainChardevSourcePty *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN_CHARDEV_SOURCE_PTY, "source", NULL, xml, error);
}

/**
 * gvir_config_domain_chardev_source_pty_get_path:
 * @pty: a #GVirConfigDomainChardevSourcePty
 *
 * Gets the pseudo-terminal path (the `path` attribute of `<source>`).
 *
 * Returns: (transfer none) (nullable): the value, or %NULL if unset
 */
const gchar *
gvir_config_domain_chardev_source_pty_get_path (GVirConfigDomainChardevSourcePty *pty)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_CHARDEV_SOURCE_PTY (pty), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (pty), "source", "path");
}

/**
 * gvir_config_domain_chardev_source_pty_set_path:
 * @pty: a #GVirConfigDomainChardevSourcePty
 * @path: (nullable): the pseudo-terminal path, or %NULL to remove it
 *
 * Sets the pseudo-terminal path (the `path` attribute of `<source>`).
 */
void
gvir_config_domain_chardev_source_pty_set_path (GVirConfigDomainChardevSourcePty *pty, const gchar *path)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_CHARDEV_SOURCE_PTY (pty));

  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (pty), "source", "path", path);
}
