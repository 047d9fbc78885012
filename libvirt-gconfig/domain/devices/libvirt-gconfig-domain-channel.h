/*
 * libvirt-gconfig-domain-channel.h: a guest communication channel
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#pragma once

#if !defined(__LIBVIRT_GCONFIG_H__) && !defined(LIBVIRT_GCONFIG_BUILD)
#error "Only <libvirt-gconfig/libvirt-gconfig.h> can be included directly."
#endif

#include <libvirt-gconfig/libvirt-gconfig-object.h>
#include <libvirt-gconfig/libvirt-gconfig-domain-chardev.h>

G_BEGIN_DECLS

/**
 * GVirConfigDomainChannelTargetType:
 * @GVIR_CONFIG_DOMAIN_CHANNEL_TARGET_GUESTFWD: a TCP connection forwarded to the host
 * @GVIR_CONFIG_DOMAIN_CHANNEL_TARGET_VIRTIO: a virtio serial port
 * @GVIR_CONFIG_DOMAIN_CHANNEL_TARGET_SPICEPORT: a SPICE port
 *
 * Kinds of channel targets, the type attribute of `<target>`.
 */
typedef enum
{
  GVIR_CONFIG_DOMAIN_CHANNEL_TARGET_GUESTFWD,
  GVIR_CONFIG_DOMAIN_CHANNEL_TARGET_VIRTIO,
  GVIR_CONFIG_DOMAIN_CHANNEL_TARGET_SPICEPORT,
} GVirConfigDomainChannelTargetType;

/**
 * GVIR_CONFIG_TYPE_DOMAIN_CHANNEL:
 *
 * The #GType of #GVirConfigDomainChannel.
 */
#define GVIR_CONFIG_TYPE_DOMAIN_CHANNEL (gvir_config_domain_channel_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigDomainChannel, gvir_config_domain_channel,
                      GVIR_CONFIG, DOMAIN_CHANNEL, GVirConfigDomainChardev)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainChannel *gvir_config_domain_channel_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainChannel *gvir_config_domain_channel_new_from_xml (const gchar *xml,
                                                                  GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainChannelTargetType gvir_config_domain_channel_get_target_type (GVirConfigDomainChannel *channel);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_channel_set_target_type (GVirConfigDomainChannel *channel,
                                                 GVirConfigDomainChannelTargetType type);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_domain_channel_get_target_name (GVirConfigDomainChannel *channel);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_channel_set_target_name (GVirConfigDomainChannel *channel,
                                                 const gchar *name);

G_END_DECLS
