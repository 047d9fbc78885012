/*
 * libvirt-gconfig-capabilities-guest-feature.c: a feature of a guest type
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
 * SECTION:libvirt-gconfig-capabilities-guest-feature
 * @title: GVirConfigCapabilitiesGuestFeature
 * @short_description: A feature of a guest type
 *
 * One element inside a guest's `<features>` in capabilities, such as
 * `<pae/>` or `<acpi default="on" toggle="yes"/>`.
 */

/**
 * GVirConfigCapabilitiesGuestFeature:
 *
 * A feature of a guest type.
 */
struct _GVirConfigCapabilitiesGuestFeature
{
  GVirConfigObject parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigCapabilitiesGuestFeature, gvir_config_capabilities_guest_feature, GVIR_CONFIG_TYPE_OBJECT)

static void
gvir_config_capabilities_guest_feature_class_init (GVirConfigCapabilitiesGuestFeatureClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "feature", NULL);
}

static void
gvir_config_capabilities_guest_feature_init (GVirConfigCapabilitiesGuestFeature *self)
{
}

/**
 * gvir_config_capabilities_guest_feature_get_name:
 * @feature: a #GVirConfigCapabilitiesGuestFeature
 *
 * Gets the feature name, the element name.
 *
 * Returns: (transfer none): the name
 */
const gchar *
gvir_config_capabilities_guest_feature_get_name (GVirConfigCapabilitiesGuestFeature *feature)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_CAPABILITIES_GUEST_FEATURE (feature), NULL);

  return (const gchar *) gvir_config_object_get_xml_node (GVIR_CONFIG_OBJECT (feature))->name;
}
