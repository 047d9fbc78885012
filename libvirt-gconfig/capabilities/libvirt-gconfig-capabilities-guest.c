/*
 * libvirt-gconfig-capabilities-guest.c: a guest type in capabilities
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
 * SECTION:libvirt-gconfig-capabilities-guest
 * @title: GVirConfigCapabilitiesGuest
 * @short_description: A guest type in capabilities
 *
 * A `<guest>` element of capabilities: an OS type, one architecture and
 * the features guests of that kind can use.
 */

/**
 * GVirConfigCapabilitiesGuest:
 *
 * A guest type in capabilities.
 */
struct _GVirConfigCapabilitiesGuest
{
  GVirConfigObject parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigCapabilitiesGuest, gvir_config_capabilities_guest, GVIR_CONFIG_TYPE_OBJECT)

static void
gvir_config_capabilities_guest_class_init (GVirConfigCapabilitiesGuestClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "guest", NULL);
}

static void
gvir_config_capabilities_guest_init (GVirConfigCapabilitiesGuest *self)
{
}

/**
 * gvir_config_capabilities_guest_get_os_type:
 * @guest: a #GVirConfigCapabilitiesGuest
 *
 * Gets the OS type, the content of `<os_type>`.
 *
 * Returns: the OS type; %GVIR_CONFIG_DOMAIN_OS_TYPE_HVM if missing or unknown
 */
GVirConfigDomainOsType
gvir_config_capabilities_guest_get_os_type (GVirConfigCapabilitiesGuest *guest)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_CAPABILITIES_GUEST (guest), GVIR_CONFIG_DOMAIN_OS_TYPE_HVM);

  return gvir_config_object_get_node_content_genum (GVIR_CONFIG_OBJECT (guest), "os_type",
                                                    GVIR_CONFIG_TYPE_DOMAIN_OS_TYPE,
                                                    GVIR_CONFIG_DOMAIN_OS_TYPE_HVM);
}

/**
 * gvir_config_capabilities_guest_get_arch:
 * @guest: a #GVirConfigCapabilitiesGuest
 *
 * Gets a view of the guest architecture.
 *
 * Returns: (transfer full) (nullable): the architecture, or %NULL if missing
 */
GVirConfigCapabilitiesGuestArch *
gvir_config_capabilities_guest_get_arch (GVirConfigCapabilitiesGuest *guest)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_CAPABILITIES_GUEST (guest), NULL);

  return (GVirConfigCapabilitiesGuestArch *)
    gvir_config_object_get_child_with_type (GVIR_CONFIG_OBJECT (guest), "arch",
                                            GVIR_CONFIG_TYPE_CAPABILITIES_GUEST_ARCH);
}

/**
 * gvir_config_capabilities_guest_get_features:
 * @guest: a #GVirConfigCapabilitiesGuest
 *
 * Gets views of the guest features.
 *
 * Returns: (transfer full) (element-type LibvirtGConfig.CapabilitiesGuestFeature):
 *   the features, in document order
 */
GList *
gvir_config_capabilities_guest_get_features (GVirConfigCapabilitiesGuest *guest)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_CAPABILITIES_GUEST (guest), NULL);

  return gvir_config_object_get_children_with_type (GVIR_CONFIG_OBJECT (guest), "features", NULL,
                                                    GVIR_CONFIG_TYPE_CAPABILITIES_GUEST_FEATURE);
}
