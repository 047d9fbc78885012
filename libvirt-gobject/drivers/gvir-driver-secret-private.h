/*
 * gvir-driver-secret-private.h: the secret table and its dispatch
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Nothing in this header is installed or scanned for the GIR. Include
 * gvir-driver-private.h, the umbrella of the layer's private API.
 */
#pragma once

#include "gvir-driver-core-private.h"

G_BEGIN_DECLS

/* ---- values ------------------------------------------------------------- */

/* One secret, by value: what libvirt's list gives of it. A secret is
 * known by its UUID; its usage says what it unlocks. */
typedef struct
{
  char *uuid;             /* canonical lower-case 36-character form */
  int usage_type;         /* virSecretUsageType: 0 none, 1 volume, 2 ceph, ... */
  char *usage_id;         /* the volume path, Ceph/iSCSI/TLS/vTPM name; "" for none */
} GVirDriverSecret;

GVirDriverSecret *gvir_driver_secret_copy (const GVirDriverSecret *secret);
void gvir_driver_secret_free (GVirDriverSecret *secret);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GVirDriverSecret, gvir_driver_secret_free)

/* ---- the table ------------------------------------------------------------- */

/* Secrets, addressed by their identity as listed. Every callback gets the
 * driver's own handle (what the core table's open() returned). */
struct _GVirDriverSecretFuncs
{
  /* Element type GVirDriverSecret, with gvir_driver_secret_free. */
  GPtrArray *(*list_secrets) (gpointer handle, GCancellable *cancellable, GError **error);
  /* flags: unused by libvirt, pass 0. NOT_FOUND when the secret is gone. */
  char *(*get_secret_xml) (gpointer handle, const GVirDriverSecret *secret, guint flags,
                           GCancellable *cancellable, GError **error);
};

/* ---- dispatch: the only callers of the secret table ------------------------ */

GPtrArray *gvir_driver_connection_list_secrets (GVirDriverConnection *conn,
                                                GCancellable *cancellable, GError **error);
char *gvir_driver_connection_get_secret_xml (GVirDriverConnection *conn,
                                             const GVirDriverSecret *secret, guint flags,
                                             GCancellable *cancellable, GError **error);

G_END_DECLS
