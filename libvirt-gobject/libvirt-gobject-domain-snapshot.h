/*
 * libvirt-gobject-domain-snapshot.h: a snapshot of a domain
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
 * GVirDomainSnapshotDeleteFlags:
 * @GVIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN: also delete the snapshot's descendants
 * @GVIR_DOMAIN_SNAPSHOT_DELETE_METADATA_ONLY: delete only the metadata, not the saved data
 * @GVIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN_ONLY: delete the descendants, keep the snapshot
 *
 * Flags for gvir_domain_snapshot_delete(). The values are libvirt's.
 */
typedef enum /*< flags >*/
{
  GVIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN = 1,
  GVIR_DOMAIN_SNAPSHOT_DELETE_METADATA_ONLY = 2,
  GVIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN_ONLY = 4,
} GVirDomainSnapshotDeleteFlags;

/**
 * GVirDomainSnapshotRevertFlags:
 * @GVIR_DOMAIN_SNAPSHOT_REVERT_RUNNING: leave the domain running after the revert
 * @GVIR_DOMAIN_SNAPSHOT_REVERT_PAUSED: leave the domain paused after the revert
 * @GVIR_DOMAIN_SNAPSHOT_REVERT_FORCE: allow risky reverts
 *
 * Flags for gvir_domain_snapshot_revert_to(). The values are libvirt's.
 */
typedef enum /*< flags >*/
{
  GVIR_DOMAIN_SNAPSHOT_REVERT_RUNNING = 1,
  GVIR_DOMAIN_SNAPSHOT_REVERT_PAUSED = 2,
  GVIR_DOMAIN_SNAPSHOT_REVERT_FORCE = 4,
} GVirDomainSnapshotRevertFlags;

/**
 * GVIR_TYPE_DOMAIN_SNAPSHOT:
 *
 * The #GType of #GVirDomainSnapshot.
 */
#define GVIR_TYPE_DOMAIN_SNAPSHOT (gvir_domain_snapshot_get_type ())

/**
 * GVirDomainSnapshot:
 *
 * A snapshot of a #GVirDomain. All its fields are private.
 */
GVIR_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirDomainSnapshot, gvir_domain_snapshot, GVIR, DOMAIN_SNAPSHOT, GObject)

GVIR_AVAILABLE_IN_ALL
const gchar *gvir_domain_snapshot_get_name (GVirDomainSnapshot *snapshot);
GVIR_AVAILABLE_IN_ALL
GVirConfigDomainSnapshot *gvir_domain_snapshot_get_config (GVirDomainSnapshot *snapshot,
                                                           guint flags, GError **err);
GVIR_AVAILABLE_IN_ALL
gboolean gvir_domain_snapshot_set_config (GVirDomainSnapshot *snapshot,
                                          GVirConfigDomainSnapshot *conf, GError **error);
GVIR_AVAILABLE_IN_ALL
gboolean gvir_domain_snapshot_get_is_current (GVirDomainSnapshot *snapshot, guint flags,
                                              gboolean *is_current, GError **error);

GVIR_AVAILABLE_IN_ALL
gboolean gvir_domain_snapshot_delete (GVirDomainSnapshot *snapshot, guint flags,
                                      GError **error);
GVIR_AVAILABLE_IN_ALL
void gvir_domain_snapshot_delete_async (GVirDomainSnapshot *snapshot, guint flags,
                                        GCancellable *cancellable,
                                        GAsyncReadyCallback callback, gpointer user_data);
GVIR_AVAILABLE_IN_ALL
gboolean gvir_domain_snapshot_delete_finish (GVirDomainSnapshot *snapshot, GAsyncResult *res,
                                             GError **error);

GVIR_AVAILABLE_IN_ALL
gboolean gvir_domain_snapshot_revert_to (GVirDomainSnapshot *snapshot, guint flags,
                                         GError **error);
GVIR_AVAILABLE_IN_ALL
void gvir_domain_snapshot_revert_to_async (GVirDomainSnapshot *snapshot, guint flags,
                                           GCancellable *cancellable,
                                           GAsyncReadyCallback callback, gpointer user_data);
GVIR_AVAILABLE_IN_ALL
gboolean gvir_domain_snapshot_revert_to_finish (GVirDomainSnapshot *snapshot,
                                                GAsyncResult *result, GError **error);

G_END_DECLS
