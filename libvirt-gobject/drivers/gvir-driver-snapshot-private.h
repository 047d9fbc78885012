/*
 * gvir-driver-snapshot-private.h: the snapshot table and its dispatch
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

/* libvirt's flag values (virDomainSnapshot*Flags), which the public enums
 * share, for the flags a driver acts on. */
enum
{
  GVIR_DRIVER_SNAPSHOT_CREATE_REDEFINE = 1 << 0,
  GVIR_DRIVER_SNAPSHOT_CREATE_CURRENT = 1 << 1,
  GVIR_DRIVER_SNAPSHOT_CREATE_NO_METADATA = 1 << 2,
  GVIR_DRIVER_SNAPSHOT_CREATE_HALT = 1 << 3,
  GVIR_DRIVER_SNAPSHOT_CREATE_DISK_ONLY = 1 << 4,
};

enum
{
  GVIR_DRIVER_SNAPSHOT_LIST_ROOTS = 1 << 0,
  GVIR_DRIVER_SNAPSHOT_LIST_METADATA = 1 << 1,
  GVIR_DRIVER_SNAPSHOT_LIST_LEAVES = 1 << 2,
  GVIR_DRIVER_SNAPSHOT_LIST_NO_LEAVES = 1 << 3,
  GVIR_DRIVER_SNAPSHOT_LIST_NO_METADATA = 1 << 4,
  GVIR_DRIVER_SNAPSHOT_LIST_INACTIVE = 1 << 5,
  GVIR_DRIVER_SNAPSHOT_LIST_ACTIVE = 1 << 6,
  GVIR_DRIVER_SNAPSHOT_LIST_DISK_ONLY = 1 << 7,
  GVIR_DRIVER_SNAPSHOT_LIST_INTERNAL = 1 << 8,
  GVIR_DRIVER_SNAPSHOT_LIST_EXTERNAL = 1 << 9,
};

enum
{
  GVIR_DRIVER_SNAPSHOT_DELETE_CHILDREN = 1 << 0,
  GVIR_DRIVER_SNAPSHOT_DELETE_METADATA_ONLY = 1 << 1,
  GVIR_DRIVER_SNAPSHOT_DELETE_CHILDREN_ONLY = 1 << 2,
};

enum
{
  GVIR_DRIVER_SNAPSHOT_REVERT_RUNNING = 1 << 0,
  GVIR_DRIVER_SNAPSHOT_REVERT_PAUSED = 1 << 1,
  GVIR_DRIVER_SNAPSHOT_REVERT_FORCE = 1 << 2,
};

/* Snapshots of one domain (addressed by its UUID string), each addressed
 * by its name. XML is libvirt's <domainsnapshot> format. Every callback
 * gets the driver's own handle. */
struct _GVirDriverSnapshotFuncs
{
  /* The names of the domain's snapshots that match @flags (libvirt's list
   * flags), NULL-terminated. */
  GStrv (*list_snapshots) (gpointer handle, const char *uuid, guint flags,
                           GCancellable *cancellable, GError **error);
  /* Creates (or with REDEFINE, defines again) a snapshot; returns its name. */
  char *(*create_snapshot) (gpointer handle, const char *uuid, const char *xml, guint flags,
                            GCancellable *cancellable, GError **error);
  char *(*get_snapshot_xml) (gpointer handle, const char *uuid, const char *name, guint flags,
                             GCancellable *cancellable, GError **error);
  gboolean (*delete_snapshot) (gpointer handle, const char *uuid, const char *name, guint flags,
                               GCancellable *cancellable, GError **error);
  gboolean (*revert_to_snapshot) (gpointer handle, const char *uuid, const char *name,
                                  guint flags, GCancellable *cancellable, GError **error);
  gboolean (*snapshot_is_current) (gpointer handle, const char *uuid, const char *name,
                                   guint flags, gboolean *is_current,
                                   GCancellable *cancellable, GError **error);
  gboolean (*has_current_snapshot) (gpointer handle, const char *uuid, guint flags,
                                    gboolean *has_current,
                                    GCancellable *cancellable, GError **error);
  /* The name of the domain's current snapshot; GVIR_ERROR_NOT_FOUND when
   * it has none. */
  char *(*dup_current_snapshot) (gpointer handle, const char *uuid, guint flags,
                                 GCancellable *cancellable, GError **error);
};

/* ---- dispatch: the only callers of the snapshot table ---------------------- */

GStrv gvir_driver_connection_list_snapshots (GVirDriverConnection *conn, const char *uuid, guint flags, GCancellable *cancellable, GError **error);
char *gvir_driver_connection_create_snapshot (GVirDriverConnection *conn, const char *uuid, const char *xml, guint flags, GCancellable *cancellable, GError **error);
char *gvir_driver_connection_get_snapshot_xml (GVirDriverConnection *conn, const char *uuid, const char *name, guint flags, GCancellable *cancellable, GError **error);
gboolean gvir_driver_connection_delete_snapshot (GVirDriverConnection *conn, const char *uuid, const char *name, guint flags, GCancellable *cancellable, GError **error);
gboolean gvir_driver_connection_revert_to_snapshot (GVirDriverConnection *conn, const char *uuid, const char *name, guint flags, GCancellable *cancellable, GError **error);
gboolean gvir_driver_connection_snapshot_is_current (GVirDriverConnection *conn, const char *uuid, const char *name, guint flags, gboolean *is_current, GCancellable *cancellable, GError **error);
gboolean gvir_driver_connection_has_current_snapshot (GVirDriverConnection *conn, const char *uuid, guint flags, gboolean *has_current, GCancellable *cancellable, GError **error);
char *gvir_driver_connection_dup_current_snapshot (GVirDriverConnection *conn, const char *uuid, guint flags, GCancellable *cancellable, GError **error);

G_END_DECLS
