/*
 * gvir-driver-snapshot.c: dispatch of the snapshot table
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include "gvir-driver-dispatch-private.h"

/* The snapshot table of @conn's driver, NULL when it has none. */
#define SNAPSHOT_TABLE (gvir_driver_connection_get_driver (conn)->snapshot)

#define SNAPSHOT_DISPATCH(failed, slot, operation, mutates, ...) \
  GVIR_DRIVER_DISPATCH (failed, SNAPSHOT_TABLE, slot, operation, mutates, __VA_ARGS__)

/* A domain UUID, and a snapshot name unless @need_name is FALSE. */
static gboolean
check_names (const char  *uuid,
             gboolean     need_name,
             const char  *name,
             const char  *operation,
             GError     **error)
{
  if (!gvir_driver_check_arg (uuid != NULL, operation, "no domain UUID given", error))
    return FALSE;
  return gvir_driver_check_arg (!need_name || (name != NULL && name[0] != '\0'), operation,
                                "no snapshot name given", error);
}

GStrv
gvir_driver_connection_list_snapshots (GVirDriverConnection  *conn,
                                       const char            *uuid,
                                       guint                  flags,
                                       GCancellable          *cancellable,
                                       GError               **error)
{
  const char *op = "list snapshots";

  g_return_val_if_fail (conn != NULL, NULL);

  if (!check_names (uuid, FALSE, NULL, op, error))
    return NULL;
  SNAPSHOT_DISPATCH (NULL, list_snapshots, op, FALSE, uuid, flags, cancellable, error);
}

char *
gvir_driver_connection_create_snapshot (GVirDriverConnection  *conn,
                                        const char            *uuid,
                                        const char            *xml,
                                        guint                  flags,
                                        GCancellable          *cancellable,
                                        GError               **error)
{
  const char *op = "create snapshot";

  g_return_val_if_fail (conn != NULL, NULL);

  if (!check_names (uuid, FALSE, NULL, op, error) ||
      !gvir_driver_check_arg (xml != NULL, op, "no snapshot XML given", error))
    return NULL;
  SNAPSHOT_DISPATCH (NULL, create_snapshot, op, TRUE, uuid, xml, flags, cancellable, error);
}

char *
gvir_driver_connection_get_snapshot_xml (GVirDriverConnection  *conn,
                                         const char            *uuid,
                                         const char            *name,
                                         guint                  flags,
                                         GCancellable          *cancellable,
                                         GError               **error)
{
  const char *op = "get snapshot XML";

  g_return_val_if_fail (conn != NULL, NULL);

  if (!check_names (uuid, TRUE, name, op, error))
    return NULL;
  SNAPSHOT_DISPATCH (NULL, get_snapshot_xml, op, FALSE, uuid, name, flags, cancellable, error);
}

gboolean
gvir_driver_connection_delete_snapshot (GVirDriverConnection  *conn,
                                        const char            *uuid,
                                        const char            *name,
                                        guint                  flags,
                                        GCancellable          *cancellable,
                                        GError               **error)
{
  const char *op = "delete snapshot";

  g_return_val_if_fail (conn != NULL, FALSE);

  if (!check_names (uuid, TRUE, name, op, error))
    return FALSE;
  SNAPSHOT_DISPATCH (FALSE, delete_snapshot, op, TRUE, uuid, name, flags, cancellable, error);
}

gboolean
gvir_driver_connection_revert_to_snapshot (GVirDriverConnection  *conn,
                                           const char            *uuid,
                                           const char            *name,
                                           guint                  flags,
                                           GCancellable          *cancellable,
                                           GError               **error)
{
  const char *op = "revert to snapshot";

  g_return_val_if_fail (conn != NULL, FALSE);

  if (!check_names (uuid, TRUE, name, op, error))
    return FALSE;
  if (!gvir_driver_check_arg ((flags & GVIR_DRIVER_SNAPSHOT_REVERT_RUNNING) == 0 ||
                              (flags & GVIR_DRIVER_SNAPSHOT_REVERT_PAUSED) == 0,
                              op, "running and paused exclude each other", error))
    return FALSE;
  SNAPSHOT_DISPATCH (FALSE, revert_to_snapshot, op, TRUE, uuid, name, flags, cancellable, error);
}

gboolean
gvir_driver_connection_snapshot_is_current (GVirDriverConnection  *conn,
                                            const char            *uuid,
                                            const char            *name,
                                            guint                  flags,
                                            gboolean              *is_current,
                                            GCancellable          *cancellable,
                                            GError               **error)
{
  const char *op = "ask whether a snapshot is current";

  g_return_val_if_fail (conn != NULL, FALSE);
  g_return_val_if_fail (is_current != NULL, FALSE);

  if (!check_names (uuid, TRUE, name, op, error))
    return FALSE;
  SNAPSHOT_DISPATCH (FALSE, snapshot_is_current, op, FALSE, uuid, name, flags, is_current,
                     cancellable, error);
}

gboolean
gvir_driver_connection_has_current_snapshot (GVirDriverConnection  *conn,
                                             const char            *uuid,
                                             guint                  flags,
                                             gboolean              *has_current,
                                             GCancellable          *cancellable,
                                             GError               **error)
{
  const char *op = "ask whether a domain has a current snapshot";

  g_return_val_if_fail (conn != NULL, FALSE);
  g_return_val_if_fail (has_current != NULL, FALSE);

  if (!check_names (uuid, FALSE, NULL, op, error))
    return FALSE;
  SNAPSHOT_DISPATCH (FALSE, has_current_snapshot, op, FALSE, uuid, flags, has_current,
                     cancellable, error);
}

char *
gvir_driver_connection_dup_current_snapshot (GVirDriverConnection  *conn,
                                             const char            *uuid,
                                             guint                  flags,
                                             GCancellable          *cancellable,
                                             GError               **error)
{
  const char *op = "get the current snapshot";

  g_return_val_if_fail (conn != NULL, NULL);

  if (!check_names (uuid, FALSE, NULL, op, error))
    return NULL;
  SNAPSHOT_DISPATCH (NULL, dup_current_snapshot, op, FALSE, uuid, flags, cancellable, error);
}
