/*
 * libvirt-gconfig-domain-power-management.c: guest power management
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
 * SECTION:libvirt-gconfig-domain-power-management
 * @title: GVirConfigDomainPowerManagement
 * @short_description: Guest power management
 *
 * The `<pm>` element of a domain: whether the guest may suspend to memory
 * or to disk.
 */

/**
 * GVirConfigDomainPowerManagement:
 *
 * Guest power management.
 */
struct _GVirConfigDomainPowerManagement
{
  GVirConfigObject parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigDomainPowerManagement, gvir_config_domain_power_management, GVIR_CONFIG_TYPE_OBJECT)

static void
gvir_config_domain_power_management_class_init (GVirConfigDomainPowerManagementClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "pm", NULL);
}

static void
gvir_config_domain_power_management_init (GVirConfigDomainPowerManagement *self)
{
}

/**
 * gvir_config_domain_power_management_new:
 *
 * Creates a #GVirConfigDomainPowerManagement holding an empty `<pm>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigDomainPowerManagement *
gvir_config_domain_power_management_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_DOMAIN_POWER_MANAGEMENT, NULL);
}

/**
 * gvir_config_domain_power_management_new_from_xml:
 * @xml: an XML document whose root element is `<pm>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigDomainPowerManagement. Malformed XML or another root element gives a
 * #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigDomainPowerManagement *
gvir_config_domain_power_management_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigDomainPowerManagement *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN_POWER_MANAGEMENT, "pm", NULL, xml, error);
}

/**
 * gvir_config_domain_power_management_get_mem_suspend_enabled:
 * @pm: a #GVirConfigDomainPowerManagement
 *
 * Gets whether the guest may suspend to memory (the `enabled` attribute of `<suspend-to-mem>`).
 *
 * Returns: the value; %FALSE if unset
 */
gboolean
gvir_config_domain_power_management_get_mem_suspend_enabled (GVirConfigDomainPowerManagement *pm)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_POWER_MANAGEMENT (pm), FALSE);

  return gvir_config_object_get_attribute_boolean (GVIR_CONFIG_OBJECT (pm), "suspend-to-mem", "enabled", FALSE);
}

/**
 * gvir_config_domain_power_management_set_mem_suspend_enabled:
 * @pm: a #GVirConfigDomainPowerManagement
 * @enabled: the new value
 *
 * Sets whether the guest may suspend to memory, written as "yes" or "no" in the `enabled` attribute of `<suspend-to-mem>`.
 */
void
gvir_config_domain_power_management_set_mem_suspend_enabled (GVirConfigDomainPowerManagement *pm, gboolean enabled)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_POWER_MANAGEMENT (pm));

  gvir_config_object_set_attribute_boolean (GVIR_CONFIG_OBJECT (pm), "suspend-to-mem", "enabled", enabled);
}

/**
 * gvir_config_domain_power_management_get_disk_suspend_enabled:
 * @pm: a #GVirConfigDomainPowerManagement
 *
 * Gets whether the guest may suspend to disk (the `enabled` attribute of `<suspend-to-disk>`).
 *
 * Returns: the value; %FALSE if unset
 */
gboolean
gvir_config_domain_power_management_get_disk_suspend_enabled (GVirConfigDomainPowerManagement *pm)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_POWER_MANAGEMENT (pm), FALSE);

  return gvir_config_object_get_attribute_boolean (GVIR_CONFIG_OBJECT (pm), "suspend-to-disk", "enabled", FALSE);
}

/**
 * gvir_config_domain_power_management_set_disk_suspend_enabled:
 * @pm: a #GVirConfigDomainPowerManagement
 * @enabled: the new value
 *
 * Sets whether the guest may suspend to disk, written as "yes" or "no" in the `enabled` attribute of `<suspend-to-disk>`.
 */
void
gvir_config_domain_power_management_set_disk_suspend_enabled (GVirConfigDomainPowerManagement *pm, gboolean enabled)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_POWER_MANAGEMENT (pm));

  gvir_config_object_set_attribute_boolean (GVIR_CONFIG_OBJECT (pm), "suspend-to-disk", "enabled", enabled);
}
