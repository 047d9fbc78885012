/*
 * gvir-driver-storage.c: dispatch of the storage table, and the values it
 * hands out
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
#include "gvir-driver-storage-private.h"

/* The storage table of @conn's driver, NULL when it has none. */
#define STORAGE_TABLE (gvir_driver_connection_get_driver (conn)->storage)

/* Admits, runs and ends a call to the storage slot @slot. */
#define STORAGE_DISPATCH(failed, slot, operation, mutates, ...) \
  GVIR_DRIVER_DISPATCH (failed, STORAGE_TABLE, slot, operation, mutates, __VA_ARGS__)

/* ---- values ------------------------------------------------------------------ */

GVirDriverStoragePool *
gvir_driver_storage_pool_copy (const GVirDriverStoragePool *pool)
{
  GVirDriverStoragePool *copy = g_new0 (GVirDriverStoragePool, 1);

  copy->name = g_strdup (pool->name);
  copy->uuid = g_strdup (pool->uuid);
  copy->active = pool->active;
  copy->persistent = pool->persistent;
  copy->autostart = pool->autostart;
  copy->type = g_strdup (pool->type);
  return copy;
}

void
gvir_driver_storage_pool_free (GVirDriverStoragePool *pool)
{
  if (pool == NULL)
    return;
  g_free (pool->name);
  g_free (pool->uuid);
  g_free (pool->type);
  g_free (pool);
}

GVirDriverStorageVol *
gvir_driver_storage_vol_copy (const GVirDriverStorageVol *vol)
{
  GVirDriverStorageVol *copy = g_new0 (GVirDriverStorageVol, 1);

  *copy = *vol;
  copy->name = g_strdup (vol->name);
  copy->path = g_strdup (vol->path);
  copy->key = g_strdup (vol->key);
  return copy;
}

void
gvir_driver_storage_vol_free (GVirDriverStorageVol *vol)
{
  if (vol == NULL)
    return;
  g_free (vol->name);
  g_free (vol->path);
  g_free (vol->key);
  g_free (vol);
}

/* ---- argument checks ------------------------------------------------------------ */

static gboolean
check_pool (const char *uuid, const char *operation, GError **error)
{
  return gvir_driver_check_arg (uuid != NULL, operation, "no pool UUID given", error);
}

static gboolean
check_volume (const char *pool_uuid, const char *name, const char *operation, GError **error)
{
  return check_pool (pool_uuid, operation, error) &&
         gvir_driver_check_arg (name != NULL, operation, "no volume name given", error);
}

/* ---- pools ------------------------------------------------------------------------ */

GPtrArray *
gvir_driver_connection_list_pools (GVirDriverConnection  *conn,
                                   GCancellable          *cancellable,
                                   GError               **error)
{
  g_return_val_if_fail (conn != NULL, NULL);

  STORAGE_DISPATCH (NULL, list_pools, "list storage pools", FALSE, cancellable, error);
}

GVirDriverStoragePool *
gvir_driver_connection_define_pool (GVirDriverConnection  *conn,
                                    const char            *xml,
                                    guint                  flags,
                                    GCancellable          *cancellable,
                                    GError               **error)
{
  const char *op = "define storage pool";

  g_return_val_if_fail (conn != NULL, NULL);

  if (!gvir_driver_check_arg (xml != NULL, op, "no XML given", error))
    return NULL;
  STORAGE_DISPATCH (NULL, define_pool, op, TRUE, xml, flags, cancellable, error);
}

GVirDriverStoragePool *
gvir_driver_connection_create_pool (GVirDriverConnection  *conn,
                                    const char            *xml,
                                    guint                  flags,
                                    GCancellable          *cancellable,
                                    GError               **error)
{
  const char *op = "create storage pool";

  g_return_val_if_fail (conn != NULL, NULL);

  if (!gvir_driver_check_arg (xml != NULL, op, "no XML given", error))
    return NULL;
  STORAGE_DISPATCH (NULL, create_pool, op, TRUE, xml, flags, cancellable, error);
}

GVirDriverStoragePool *
gvir_driver_connection_lookup_pool_by_uuid (GVirDriverConnection  *conn,
                                            const char            *uuid,
                                            GCancellable          *cancellable,
                                            GError               **error)
{
  const char *op = "look up storage pool by UUID";

  g_return_val_if_fail (conn != NULL, NULL);

  if (!check_pool (uuid, op, error))
    return NULL;
  STORAGE_DISPATCH (NULL, lookup_pool_by_uuid, op, FALSE, uuid, cancellable, error);
}

gboolean
gvir_driver_connection_undefine_pool (GVirDriverConnection  *conn,
                                      const char            *uuid,
                                      GCancellable          *cancellable,
                                      GError               **error)
{
  const char *op = "undefine storage pool";

  g_return_val_if_fail (conn != NULL, FALSE);

  if (!check_pool (uuid, op, error))
    return FALSE;
  STORAGE_DISPATCH (FALSE, undefine_pool, op, TRUE, uuid, cancellable, error);
}

gboolean
gvir_driver_connection_build_pool (GVirDriverConnection  *conn,
                                   const char            *uuid,
                                   guint                  flags,
                                   GCancellable          *cancellable,
                                   GError               **error)
{
  const char *op = "build storage pool";

  g_return_val_if_fail (conn != NULL, FALSE);

  if (!check_pool (uuid, op, error))
    return FALSE;
  STORAGE_DISPATCH (FALSE, build_pool, op, TRUE, uuid, flags, cancellable, error);
}

gboolean
gvir_driver_connection_start_pool (GVirDriverConnection  *conn,
                                   const char            *uuid,
                                   guint                  flags,
                                   GCancellable          *cancellable,
                                   GError               **error)
{
  const char *op = "start storage pool";

  g_return_val_if_fail (conn != NULL, FALSE);

  if (!check_pool (uuid, op, error))
    return FALSE;
  STORAGE_DISPATCH (FALSE, start_pool, op, TRUE, uuid, flags, cancellable, error);
}

gboolean
gvir_driver_connection_stop_pool (GVirDriverConnection  *conn,
                                  const char            *uuid,
                                  GCancellable          *cancellable,
                                  GError               **error)
{
  const char *op = "stop storage pool";

  g_return_val_if_fail (conn != NULL, FALSE);

  if (!check_pool (uuid, op, error))
    return FALSE;
  STORAGE_DISPATCH (FALSE, stop_pool, op, TRUE, uuid, cancellable, error);
}

gboolean
gvir_driver_connection_delete_pool (GVirDriverConnection  *conn,
                                    const char            *uuid,
                                    guint                  flags,
                                    GCancellable          *cancellable,
                                    GError               **error)
{
  const char *op = "delete storage pool";

  g_return_val_if_fail (conn != NULL, FALSE);

  if (!check_pool (uuid, op, error))
    return FALSE;
  STORAGE_DISPATCH (FALSE, delete_pool, op, TRUE, uuid, flags, cancellable, error);
}

gboolean
gvir_driver_connection_refresh_pool (GVirDriverConnection  *conn,
                                     const char            *uuid,
                                     guint                  flags,
                                     GCancellable          *cancellable,
                                     GError               **error)
{
  const char *op = "refresh storage pool";

  g_return_val_if_fail (conn != NULL, FALSE);

  if (!check_pool (uuid, op, error))
    return FALSE;
  STORAGE_DISPATCH (FALSE, refresh_pool, op, FALSE, uuid, flags, cancellable, error);
}

gboolean
gvir_driver_connection_set_pool_autostart (GVirDriverConnection  *conn,
                                           const char            *uuid,
                                           gboolean               autostart,
                                           GCancellable          *cancellable,
                                           GError               **error)
{
  const char *op = "set storage pool autostart";

  g_return_val_if_fail (conn != NULL, FALSE);

  if (!check_pool (uuid, op, error))
    return FALSE;
  STORAGE_DISPATCH (FALSE, set_pool_autostart, op, TRUE, uuid, autostart, cancellable, error);
}

gboolean
gvir_driver_connection_get_pool_info (GVirDriverConnection       *conn,
                                      const char                 *uuid,
                                      GVirDriverStoragePoolInfo  *info,
                                      GCancellable               *cancellable,
                                      GError                    **error)
{
  const char *op = "get storage pool info";

  g_return_val_if_fail (conn != NULL, FALSE);

  if (!check_pool (uuid, op, error))
    return FALSE;
  if (!gvir_driver_check_arg (info != NULL, op, "no info given", error))
    return FALSE;
  STORAGE_DISPATCH (FALSE, get_pool_info, op, FALSE, uuid, info, cancellable, error);
}

char *
gvir_driver_connection_get_pool_xml (GVirDriverConnection  *conn,
                                     const char            *uuid,
                                     guint                  flags,
                                     GCancellable          *cancellable,
                                     GError               **error)
{
  const char *op = "get storage pool XML";

  g_return_val_if_fail (conn != NULL, NULL);

  if (!check_pool (uuid, op, error))
    return NULL;
  STORAGE_DISPATCH (NULL, get_pool_xml, op, FALSE, uuid, flags, cancellable, error);
}

gboolean
gvir_driver_connection_get_pool_autostart (GVirDriverConnection  *conn,
                                           const char            *uuid,
                                           gboolean              *autostart,
                                           GCancellable          *cancellable,
                                           GError               **error)
{
  const char *op = "get storage pool autostart";

  g_return_val_if_fail (conn != NULL, FALSE);

  if (!check_pool (uuid, op, error))
    return FALSE;
  if (!gvir_driver_check_arg (autostart != NULL, op, "no autostart given", error))
    return FALSE;
  STORAGE_DISPATCH (FALSE, get_pool_autostart, op, FALSE, uuid, autostart, cancellable, error);
}

GPtrArray *
gvir_driver_connection_list_volumes (GVirDriverConnection  *conn,
                                     const char            *pool_uuid,
                                     GCancellable          *cancellable,
                                     GError               **error)
{
  const char *op = "list storage volumes";

  g_return_val_if_fail (conn != NULL, NULL);

  if (!check_pool (pool_uuid, op, error))
    return NULL;
  STORAGE_DISPATCH (NULL, list_volumes, op, FALSE, pool_uuid, cancellable, error);
}

GVirDriverStorageVol *
gvir_driver_connection_lookup_volume (GVirDriverConnection  *conn,
                                      const char            *pool_uuid,
                                      const char            *name,
                                      GCancellable          *cancellable,
                                      GError               **error)
{
  const char *op = "look up storage volume";

  g_return_val_if_fail (conn != NULL, NULL);

  if (!check_volume (pool_uuid, name, op, error))
    return NULL;
  STORAGE_DISPATCH (NULL, lookup_volume, op, FALSE, pool_uuid, name, cancellable, error);
}

GVirDriverStorageVol *
gvir_driver_connection_create_volume (GVirDriverConnection  *conn,
                                      const char            *pool_uuid,
                                      const char            *xml,
                                      guint                  flags,
                                      GCancellable          *cancellable,
                                      GError               **error)
{
  const char *op = "create storage volume";

  g_return_val_if_fail (conn != NULL, NULL);

  if (!check_pool (pool_uuid, op, error))
    return NULL;
  if (!gvir_driver_check_arg (xml != NULL, op, "no xml given", error))
    return NULL;
  STORAGE_DISPATCH (NULL, create_volume, op, TRUE, pool_uuid, xml, flags, cancellable, error);
}

gboolean
gvir_driver_connection_delete_volume (GVirDriverConnection  *conn,
                                      const char            *pool_uuid,
                                      const char            *name,
                                      guint                  flags,
                                      GCancellable          *cancellable,
                                      GError               **error)
{
  const char *op = "delete storage volume";

  g_return_val_if_fail (conn != NULL, FALSE);

  if (!check_volume (pool_uuid, name, op, error))
    return FALSE;
  STORAGE_DISPATCH (FALSE, delete_volume, op, TRUE, pool_uuid, name, flags, cancellable, error);
}

gboolean
gvir_driver_connection_resize_volume (GVirDriverConnection  *conn,
                                      const char            *pool_uuid,
                                      const char            *name,
                                      guint64                capacity,
                                      guint                  flags,
                                      GCancellable          *cancellable,
                                      GError               **error)
{
  const char *op = "resize storage volume";

  g_return_val_if_fail (conn != NULL, FALSE);

  if (!check_volume (pool_uuid, name, op, error))
    return FALSE;
  STORAGE_DISPATCH (FALSE, resize_volume, op, TRUE, pool_uuid, name, capacity, flags, cancellable, error);
}

char *
gvir_driver_connection_get_volume_xml (GVirDriverConnection  *conn,
                                       const char            *pool_uuid,
                                       const char            *name,
                                       guint                  flags,
                                       GCancellable          *cancellable,
                                       GError               **error)
{
  const char *op = "get storage volume XML";

  g_return_val_if_fail (conn != NULL, NULL);

  if (!check_volume (pool_uuid, name, op, error))
    return NULL;
  STORAGE_DISPATCH (NULL, get_volume_xml, op, FALSE, pool_uuid, name, flags, cancellable, error);
}

gboolean
gvir_driver_connection_upload_volume (GVirDriverConnection  *conn,
                                      const char            *pool_uuid,
                                      const char            *name,
                                      GVirDriverStream      *stream,
                                      guint64                offset,
                                      guint64                length,
                                      guint                  flags,
                                      GCancellable          *cancellable,
                                      GError               **error)
{
  const char *op = "upload to storage volume";

  g_return_val_if_fail (conn != NULL, FALSE);

  if (!check_volume (pool_uuid, name, op, error) ||
      !gvir_driver_stream_check_new (conn, stream, op, error))
    return FALSE;
  STORAGE_DISPATCH (FALSE, upload_volume, op, TRUE, pool_uuid, name, stream, offset, length,
                    flags, cancellable, error);
}

gboolean
gvir_driver_connection_download_volume (GVirDriverConnection  *conn,
                                        const char            *pool_uuid,
                                        const char            *name,
                                        GVirDriverStream      *stream,
                                        guint64                offset,
                                        guint64                length,
                                        guint                  flags,
                                        GCancellable          *cancellable,
                                        GError               **error)
{
  const char *op = "download from storage volume";

  g_return_val_if_fail (conn != NULL, FALSE);

  if (!check_volume (pool_uuid, name, op, error) ||
      !gvir_driver_stream_check_new (conn, stream, op, error))
    return FALSE;
  /* libvirt refuses a download on a read-only connection too. */
  STORAGE_DISPATCH (FALSE, download_volume, op, TRUE, pool_uuid, name, stream, offset, length,
                    flags, cancellable, error);
}
