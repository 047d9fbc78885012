/*
 * libvirt-gconfig-capabilities-guest-domain.c: a domain type offered for a guest architecture
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
 * SECTION:libvirt-gconfig-capabilities-guest-domain
 * @title: GVirConfigCapabilitiesGuestDomain
 * @short_description: A domain type offered for a guest architecture
 *
 * A `<domain type="...">` element inside a guest architecture in
 * capabilities, with an optional emulator of its own.
 */

/**
 * GVirConfigCapabilitiesGuestDomain:
 *
 * A domain type offered for a guest architecture.
 */
struct _GVirConfigCapabilitiesGuestDomain
{
  GVirConfigObject parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigCapabilitiesGuestDomain, gvir_config_capabilities_guest_domain, GVIR_CONFIG_TYPE_OBJECT)

static void
gvir_config_capabilities_guest_domain_class_init (GVirConfigCapabilitiesGuestDomainClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "domain", NULL);
}

static void
gvir_config_capabilities_guest_domain_init (GVirConfigCapabilitiesGuestDomain *self)
{
}

/**
 * gvir_config_capabilities_guest_domain_get_emulator:
 * @domain: a #GVirConfigCapabilitiesGuestDomain
 *
 * Gets the emulator specific to this domain type.
 *
 * Returns: (transfer none) (nullable): the emulator path, or %NULL if the
 *   architecture's default applies
 */
const gchar *
gvir_config_capabilities_guest_domain_get_emulator (GVirConfigCapabilitiesGuestDomain *domain)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_CAPABILITIES_GUEST_DOMAIN (domain), NULL);

  return gvir_config_object_get_node_content (GVIR_CONFIG_OBJECT (domain), "emulator");
}

/**
 * gvir_config_capabilities_guest_domain_get_virt_type:
 * @domain: a #GVirConfigCapabilitiesGuestDomain
 *
 * Gets the hypervisor type.
 *
 * Returns: the type; %GVIR_CONFIG_DOMAIN_VIRT_QEMU if missing or unknown
 */
GVirConfigDomainVirtType
gvir_config_capabilities_guest_domain_get_virt_type (GVirConfigCapabilitiesGuestDomain *domain)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_CAPABILITIES_GUEST_DOMAIN (domain),
                        GVIR_CONFIG_DOMAIN_VIRT_QEMU);

  return gvir_config_object_get_attribute_genum (GVIR_CONFIG_OBJECT (domain), NULL, "type",
                                                 GVIR_CONFIG_TYPE_DOMAIN_VIRT_TYPE,
                                                 GVIR_CONFIG_DOMAIN_VIRT_QEMU);
}
