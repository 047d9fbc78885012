/*
 * libvirt-gconfig-domain-console.c: a text console
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
 * SECTION:libvirt-gconfig-domain-console
 * @title: GVirConfigDomainConsole
 * @short_description: A text console
 *
 * A `<console>` device: the guest's text console and the bus it is reached through.
 */

/**
 * GVirConfigDomainConsole:
 *
 * A text console.
 */
struct _GVirConfigDomainConsole
{
  GVirConfigDomainChardev parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigDomainConsole, gvir_config_domain_console, GVIR_CONFIG_TYPE_DOMAIN_CHARDEV)

static void
gvir_config_domain_console_class_init (GVirConfigDomainConsoleClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "console", NULL);
}

static void
gvir_config_domain_console_init (GVirConfigDomainConsole *self)
{
}

/**
 * gvir_config_domain_console_new:
 *
 * Creates a #GVirConfigDomainConsole holding an empty `<console>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigDomainConsole *
gvir_config_domain_console_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_DOMAIN_CONSOLE, NULL);
}

/**
 * gvir_config_domain_console_new_from_xml:
 * @xml: an XML document whose root element is `<console>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigDomainConsole. Malformed XML or another root element gives a
 * #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigDomainConsole *
gvir_config_domain_console_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigDomainConsole *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN_CONSOLE, "console", NULL, xml, error);
}

/**
 * gvir_config_domain_console_get_target_type:
 * @console: a #GVirConfigDomainConsole
 *
 * Gets the kind of console (the `type` attribute of `<target>`).
 *
 * Returns: the value; %GVIR_CONFIG_DOMAIN_CONSOLE_TARGET_SERIAL if unset or unknown
 */
GVirConfigDomainConsoleTargetType
gvir_config_domain_console_get_target_type (GVirConfigDomainConsole *console)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_CONSOLE (console), GVIR_CONFIG_DOMAIN_CONSOLE_TARGET_SERIAL);

  return gvir_config_object_get_attribute_genum (GVIR_CONFIG_OBJECT (console), "target", "type",
                                                 GVIR_CONFIG_TYPE_DOMAIN_CONSOLE_TARGET_TYPE, GVIR_CONFIG_DOMAIN_CONSOLE_TARGET_SERIAL);
}

/**
 * gvir_config_domain_console_set_target_type:
 * @console: a #GVirConfigDomainConsole
 * @type: the kind of console
 *
 * Sets the kind of console (the `type` attribute of `<target>`).
 */
void
gvir_config_domain_console_set_target_type (GVirConfigDomainConsole *console, GVirConfigDomainConsoleTargetType type)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_CONSOLE (console));
  g_return_if_fail (gvir_config_genum_get_nick (GVIR_CONFIG_TYPE_DOMAIN_CONSOLE_TARGET_TYPE, type) != NULL);

  gvir_config_object_set_attribute_genum (GVIR_CONFIG_OBJECT (console), "target", "type",
                                          GVIR_CONFIG_TYPE_DOMAIN_CONSOLE_TARGET_TYPE, type);
}
