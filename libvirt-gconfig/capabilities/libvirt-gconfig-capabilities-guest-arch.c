/*
 * libvirt-gconfig-capabilities-guest-arch.c: a guest architecture
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
 * SECTION:libvirt-gconfig-capabilities-guest-arch
 * @title: GVirConfigCapabilitiesGuestArch
 * @short_description: A guest architecture
 *
 * The `<arch name="...">` element of a guest in capabilities: word size,
 * default emulator and the domain types offered.
 */

/**
 * GVirConfigCapabilitiesGuestArch:
 *
 * A guest architecture.
 */
struct _GVirConfigCapabilitiesGuestArch
{
  GVirConfigObject parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigCapabilitiesGuestArch, gvir_config_capabilities_guest_arch, GVIR_CONFIG_TYPE_OBJECT)

static void
gvir_config_capabilities_guest_arch_class_init (GVirConfigCapabilitiesGuestArchClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "arch", NULL);
}

static void
gvir_config_capabilities_guest_arch_init (GVirConfigCapabilitiesGuestArch *self)
{
}

/**
 * gvir_config_capabilities_guest_arch_get_name:
 * @arch: a #GVirConfigCapabilitiesGuestArch
 *
 * Gets the architecture name, such as "x86_64".
 *
 * Returns: (transfer none) (nullable): the name, or %NULL if missing
 */
const gchar *
gvir_config_capabilities_guest_arch_get_name (GVirConfigCapabilitiesGuestArch *arch)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_CAPABILITIES_GUEST_ARCH (arch), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (arch), NULL, "name");
}

/**
 * gvir_config_capabilities_guest_arch_get_emulator:
 * @arch: a #GVirConfigCapabilitiesGuestArch
 *
 * Gets the default emulator for the architecture.
 *
 * Returns: (transfer none) (nullable): the emulator path, or %NULL if missing
 */
const gchar *
gvir_config_capabilities_guest_arch_get_emulator (GVirConfigCapabilitiesGuestArch *arch)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_CAPABILITIES_GUEST_ARCH (arch), NULL);

  return gvir_config_object_get_node_content (GVIR_CONFIG_OBJECT (arch), "emulator");
}

/**
 * gvir_config_capabilities_guest_arch_get_wordsize:
 * @arch: a #GVirConfigCapabilitiesGuestArch
 *
 * Gets the word size of the architecture in bits.
 *
 * Returns: the word size, or 0 if missing or invalid
 */
guint
gvir_config_capabilities_guest_arch_get_wordsize (GVirConfigCapabilitiesGuestArch *arch)
{
  guint64 value;

  g_return_val_if_fail (GVIR_CONFIG_IS_CAPABILITIES_GUEST_ARCH (arch), 0);

  value = gvir_config_object_get_node_content_uint64 (GVIR_CONFIG_OBJECT (arch), "wordsize", 0);
  return value > G_MAXUINT ? 0 : (guint) value;
}

/**
 * gvir_config_capabilities_guest_arch_get_domains:
 * @arch: a #GVirConfigCapabilitiesGuestArch
 *
 * Gets views of the domain types offered for the architecture.
 *
 * Returns: (transfer full) (element-type LibvirtGConfig.CapabilitiesGuestDomain):
 *   the domain types, in document order
 */
GList *
gvir_config_capabilities_guest_arch_get_domains (GVirConfigCapabilitiesGuestArch *arch)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_CAPABILITIES_GUEST_ARCH (arch), NULL);

  return gvir_config_object_get_children_with_type (GVIR_CONFIG_OBJECT (arch), NULL, "domain",
                                                    GVIR_CONFIG_TYPE_CAPABILITIES_GUEST_DOMAIN);
}
