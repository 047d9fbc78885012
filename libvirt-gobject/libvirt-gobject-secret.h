/*
 * libvirt-gobject-secret.h: a secret known to a connection
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#pragma once

#if !defined(__LIBVIRT_GOBJECT_H__) && !defined(LIBVIRT_GOBJECT_BUILD)
#error "Only <libvirt-gobject/libvirt-gobject.h> can be included directly."
#endif

#include <gio/gio.h>
#include <libvirt-gconfig/libvirt-gconfig.h>
#include <libvirt-gobject/libvirt-gobject-visibility.h>

G_BEGIN_DECLS

/**
 * GVIR_TYPE_SECRET:
 *
 * The #GType of #GVirSecret.
 */
#define GVIR_TYPE_SECRET (gvir_secret_get_type ())

/**
 * GVirSecret:
 *
 * A secret (a passphrase, a key) kept by the host of a #GVirConnection:
 * one object per secret UUID and connection. All its fields are private.
 */
GVIR_AVAILABLE_IN_ALL
G_DECLARE_DERIVABLE_TYPE (GVirSecret, gvir_secret, GVIR, SECRET, GObject)

/**
 * GVirSecretClass:
 * @parent_class: the parent class
 *
 * The class of #GVirSecret. The type is final: the structure is public
 * only so that code written for libvirt-glib keeps compiling.
 */
struct _GVirSecretClass
{
  GObjectClass parent_class;

  /*< private >*/
  gpointer padding[20];
};

GVIR_AVAILABLE_IN_ALL
const gchar *gvir_secret_get_uuid (GVirSecret *secret);
GVIR_AVAILABLE_IN_ALL
GVirConfigSecret *gvir_secret_get_config (GVirSecret *secret, guint flags, GError **err);
GVIR_AVAILABLE_IN_ALL
GVirConfigSecretUsageType gvir_secret_get_usage_type (GVirSecret *secret);
GVIR_AVAILABLE_IN_ALL
const gchar *gvir_secret_get_usage_id (GVirSecret *secret);

G_END_DECLS
