/*
 * libvirt-gconfig-secret.h: a secret
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

G_BEGIN_DECLS

/**
 * GVirConfigSecretUsageType:
 * @GVIR_CONFIG_SECRET_USAGE_TYPE_NONE: not tied to any object
 * @GVIR_CONFIG_SECRET_USAGE_TYPE_VOLUME: the passphrase of an encrypted volume
 * @GVIR_CONFIG_SECRET_USAGE_TYPE_CEPH: a Ceph/RBD client key
 * @GVIR_CONFIG_SECRET_USAGE_TYPE_ISCSI: an iSCSI CHAP password
 * @GVIR_CONFIG_SECRET_USAGE_TYPE_TLS: the passphrase of a TLS key
 * @GVIR_CONFIG_SECRET_USAGE_TYPE_VTPM: the state key of a virtual TPM
 *
 * What uses a secret, written as `<usage type>`.
 */
typedef enum
{
  GVIR_CONFIG_SECRET_USAGE_TYPE_NONE,
  GVIR_CONFIG_SECRET_USAGE_TYPE_VOLUME,
  GVIR_CONFIG_SECRET_USAGE_TYPE_CEPH,
  GVIR_CONFIG_SECRET_USAGE_TYPE_ISCSI,
  GVIR_CONFIG_SECRET_USAGE_TYPE_TLS,
  GVIR_CONFIG_SECRET_USAGE_TYPE_VTPM,
} GVirConfigSecretUsageType;

/**
 * GVIR_CONFIG_TYPE_SECRET:
 *
 * The #GType of #GVirConfigSecret.
 */
#define GVIR_CONFIG_TYPE_SECRET (gvir_config_secret_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigSecret, gvir_config_secret,
                      GVIR_CONFIG, SECRET, GVirConfigObject)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigSecret *gvir_config_secret_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigSecret *gvir_config_secret_new_from_xml (const gchar *xml, GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
gboolean gvir_config_secret_get_ephemeral (GVirConfigSecret *secret);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_secret_set_ephemeral (GVirConfigSecret *secret, gboolean ephemeral);
GVIR_CONFIG_AVAILABLE_IN_ALL
gboolean gvir_config_secret_get_private (GVirConfigSecret *secret);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_secret_set_private (GVirConfigSecret *secret, gboolean private);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_secret_get_description (GVirConfigSecret *secret);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_secret_set_description (GVirConfigSecret *secret, const gchar *description);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_secret_get_uuid (GVirConfigSecret *secret);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_secret_set_uuid (GVirConfigSecret *secret, const gchar *uuid);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigSecretUsageType gvir_config_secret_get_usage_type (GVirConfigSecret *secret);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_secret_set_usage_type (GVirConfigSecret *secret, GVirConfigSecretUsageType usage_type);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_secret_get_usage_volume (GVirConfigSecret *secret);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_secret_set_usage_volume (GVirConfigSecret *secret, const gchar *volume);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_secret_get_usage_name (GVirConfigSecret *secret);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_secret_set_usage_name (GVirConfigSecret *secret, const gchar *name);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_secret_get_usage_target (GVirConfigSecret *secret);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_secret_set_usage_target (GVirConfigSecret *secret, const gchar *target);

G_END_DECLS
