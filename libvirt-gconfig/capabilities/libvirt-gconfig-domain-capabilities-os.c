/*
 * libvirt-gconfig-domain-capabilities-os.c: the OS part of domain capabilities
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
 * SECTION:libvirt-gconfig-domain-capabilities-os
 * @title: GVirConfigDomainCapabilitiesOs
 * @short_description: The OS part of domain capabilities
 *
 * The `<os supported="yes">` element of domain capabilities, which lists
 * the firmware kinds the hypervisor can boot.
 */

/**
 * GVirConfigDomainCapabilitiesOs:
 *
 * The OS part of domain capabilities.
 */
struct _GVirConfigDomainCapabilitiesOs
{
  GVirConfigObject parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigDomainCapabilitiesOs, gvir_config_domain_capabilities_os, GVIR_CONFIG_TYPE_OBJECT)

static void
gvir_config_domain_capabilities_os_class_init (GVirConfigDomainCapabilitiesOsClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "os", NULL);
}

static void
gvir_config_domain_capabilities_os_init (GVirConfigDomainCapabilitiesOs *self)
{
}

/**
 * gvir_config_domain_capabilities_os_get_supported:
 * @os: a #GVirConfigDomainCapabilitiesOs
 *
 * Gets whether OS booting options are supported at all.
 *
 * Returns: %TRUE if the supported attribute is "yes"
 */
gboolean
gvir_config_domain_capabilities_os_get_supported (GVirConfigDomainCapabilitiesOs *os)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_CAPABILITIES_OS (os), FALSE);

  return gvir_config_object_get_attribute_boolean (GVIR_CONFIG_OBJECT (os), NULL, "supported", FALSE);
}

/**
 * gvir_config_domain_capabilities_os_get_firmwares:
 * @os: a #GVirConfigDomainCapabilitiesOs
 *
 * Gets the firmware kinds listed in `<enum name="firmware">`. Unknown
 * values are skipped.
 *
 * Returns: (transfer container) (element-type LibvirtGConfig.DomainOsFirmware):
 *   the firmware kinds, as GINT_TO_POINTER() values
 */
GList *
gvir_config_domain_capabilities_os_get_firmwares (GVirConfigDomainCapabilitiesOs *os)
{
  xmlNodePtr node;
  GList *firmwares = NULL;

  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_CAPABILITIES_OS (os), NULL);

  node = gvir_config_object_get_xml_node (GVIR_CONFIG_OBJECT (os));
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE || g_strcmp0 ((const char *) child->name, "enum") != 0 ||
          g_strcmp0 (gvir_config_xml_node_get_attribute (child, "name"), "firmware") != 0)
        continue;
      for (xmlNodePtr value = child->children; value != NULL; value = value->next)
        {
          gint fw;

          if (value->type != XML_ELEMENT_NODE || g_strcmp0 ((const char *) value->name, "value") != 0)
            continue;
          fw = gvir_config_genum_get_value (GVIR_CONFIG_TYPE_DOMAIN_OS_FIRMWARE,
                                            gvir_config_xml_node_get_text (value), -1);
          if (fw >= 0)
            firmwares = g_list_prepend (firmwares, GINT_TO_POINTER (fw));
        }
    }
  return g_list_reverse (firmwares);
}
