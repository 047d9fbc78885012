/*
 * libvirt-gconfig-capabilities.c: host capabilities
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
 * SECTION:libvirt-gconfig-capabilities
 * @title: GVirConfigCapabilities
 * @short_description: Host capabilities
 *
 * What a hypervisor connection reports about its host and the guests it
 * can run: libvirt's `<capabilities>` document.
 *
 * |[<!-- language="C" -->
 * g_autoptr(GVirConfigCapabilities) caps =
 *   gvir_config_capabilities_new_from_xml (xml, &error);
 * g_autoptr(GVirConfigCapabilitiesHost) host = gvir_config_capabilities_get_host (caps);
 * g_print ("host %s\n", gvir_config_capabilities_host_get_uuid (host));
 * ]|
 */

/**
 * GVirConfigCapabilities:
 *
 * Host capabilities.
 */
struct _GVirConfigCapabilities
{
  GVirConfigObject parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigCapabilities, gvir_config_capabilities, GVIR_CONFIG_TYPE_OBJECT)

static void
gvir_config_capabilities_class_init (GVirConfigCapabilitiesClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "capabilities", GVIR_CONFIG_SCHEMA_DIR "/capability.rng");
}

static void
gvir_config_capabilities_init (GVirConfigCapabilities *self)
{
}

/**
 * gvir_config_capabilities_new:
 *
 * Creates a #GVirConfigCapabilities holding an empty `<capabilities>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigCapabilities *
gvir_config_capabilities_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_CAPABILITIES, NULL);
}

/**
 * gvir_config_capabilities_new_from_xml:
 * @xml: an XML document whose root element is `<capabilities>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigCapabilities. Malformed XML or another root element gives a
 * #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigCapabilities *
gvir_config_capabilities_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigCapabilities *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_CAPABILITIES, "capabilities", NULL, xml, error);
}

/**
 * gvir_config_capabilities_get_host:
 * @caps: a #GVirConfigCapabilities
 *
 * Gets a view of the host description.
 *
 * Returns: (transfer full) (nullable): the host, or %NULL if missing
 */
GVirConfigCapabilitiesHost *
gvir_config_capabilities_get_host (GVirConfigCapabilities *caps)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_CAPABILITIES (caps), NULL);

  return (GVirConfigCapabilitiesHost *)
    gvir_config_object_get_child_with_type (GVIR_CONFIG_OBJECT (caps), "host",
                                            GVIR_CONFIG_TYPE_CAPABILITIES_HOST);
}

/**
 * gvir_config_capabilities_get_guests:
 * @caps: a #GVirConfigCapabilities
 *
 * Gets views of the guest types the host can run.
 *
 * Returns: (transfer full) (element-type LibvirtGConfig.CapabilitiesGuest):
 *   the guests, in document order
 */
GList *
gvir_config_capabilities_get_guests (GVirConfigCapabilities *caps)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_CAPABILITIES (caps), NULL);

  return gvir_config_object_get_children_with_type (GVIR_CONFIG_OBJECT (caps), NULL, "guest",
                                                    GVIR_CONFIG_TYPE_CAPABILITIES_GUEST);
}
