/*
 * libvirt-gconfig-domain-channel.c: a guest communication channel
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
 * SECTION:libvirt-gconfig-domain-channel
 * @title: GVirConfigDomainChannel
 * @short_description: A guest communication channel
 *
 * A `<channel>` device: a named channel between host and guest, such as the
 * SPICE agent (`com.redhat.spice.0`) or the QEMU guest agent.
 *
 * |[<!-- language="C" -->
 * g_autoptr(GVirConfigDomainChannel) channel = gvir_config_domain_channel_new ();
 * g_autoptr(GVirConfigDomainChardevSourceSpiceVmc) vmc = gvir_config_domain_chardev_source_spicevmc_new ();
 * gvir_config_domain_channel_set_target_type (channel, GVIR_CONFIG_DOMAIN_CHANNEL_TARGET_VIRTIO);
 * gvir_config_domain_channel_set_target_name (channel, "com.redhat.spice.0");
 * gvir_config_domain_chardev_set_source (GVIR_CONFIG_DOMAIN_CHARDEV (channel),
 *                                        GVIR_CONFIG_DOMAIN_CHARDEV_SOURCE (vmc));
 * ]|
 */

/**
 * GVirConfigDomainChannel:
 *
 * A guest communication channel.
 */
struct _GVirConfigDomainChannel
{
  GVirConfigDomainChardev parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigDomainChannel, gvir_config_domain_channel, GVIR_CONFIG_TYPE_DOMAIN_CHARDEV)

static void
gvir_config_domain_channel_class_init (GVirConfigDomainChannelClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "channel", NULL);
}

static void
gvir_config_domain_channel_init (GVirConfigDomainChannel *self)
{
}

/**
 * gvir_config_domain_channel_new:
 *
 * Creates a #GVirConfigDomainChannel holding an empty `<channel>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigDomainChannel *
gvir_config_domain_channel_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_DOMAIN_CHANNEL, NULL);
}

/**
 * gvir_config_domain_channel_new_from_xml:
 * @xml: an XML document whose root element is `<channel>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigDomainChannel. Malformed XML or another root element gives a
 * #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigDomainChannel *
gvir_config_domain_channel_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigDomainChannel *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN_CHANNEL, "channel", NULL, xml, error);
}

/**
 * gvir_config_domain_channel_get_target_type:
 * @channel: a #GVirConfigDomainChannel
 *
 * Gets the kind of channel target (the `type` attribute of `<target>`).
 *
 * Returns: the value; %GVIR_CONFIG_DOMAIN_CHANNEL_TARGET_VIRTIO if unset or unknown
 */
GVirConfigDomainChannelTargetType
gvir_config_domain_channel_get_target_type (GVirConfigDomainChannel *channel)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_CHANNEL (channel), GVIR_CONFIG_DOMAIN_CHANNEL_TARGET_VIRTIO);

  return gvir_config_object_get_attribute_genum (GVIR_CONFIG_OBJECT (channel), "target", "type",
                                                 GVIR_CONFIG_TYPE_DOMAIN_CHANNEL_TARGET_TYPE, GVIR_CONFIG_DOMAIN_CHANNEL_TARGET_VIRTIO);
}

/**
 * gvir_config_domain_channel_set_target_type:
 * @channel: a #GVirConfigDomainChannel
 * @type: the kind of channel target
 *
 * Sets the kind of channel target (the `type` attribute of `<target>`).
 */
void
gvir_config_domain_channel_set_target_type (GVirConfigDomainChannel *channel, GVirConfigDomainChannelTargetType type)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_CHANNEL (channel));
  g_return_if_fail (gvir_config_genum_get_nick (GVIR_CONFIG_TYPE_DOMAIN_CHANNEL_TARGET_TYPE, type) != NULL);

  gvir_config_object_set_attribute_genum (GVIR_CONFIG_OBJECT (channel), "target", "type",
                                          GVIR_CONFIG_TYPE_DOMAIN_CHANNEL_TARGET_TYPE, type);
}

/**
 * gvir_config_domain_channel_get_target_name:
 * @channel: a #GVirConfigDomainChannel
 *
 * Gets the channel name the guest sees (the `name` attribute of `<target>`).
 *
 * Returns: (transfer none) (nullable): the value, or %NULL if unset
 */
const gchar *
gvir_config_domain_channel_get_target_name (GVirConfigDomainChannel *channel)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_CHANNEL (channel), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (channel), "target", "name");
}

/**
 * gvir_config_domain_channel_set_target_name:
 * @channel: a #GVirConfigDomainChannel
 * @name: (nullable): the channel name the guest sees, or %NULL to remove it
 *
 * Sets the channel name the guest sees (the `name` attribute of `<target>`).
 */
void
gvir_config_domain_channel_set_target_name (GVirConfigDomainChannel *channel, const gchar *name)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_CHANNEL (channel));

  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (channel), "target", "name", name);
}
