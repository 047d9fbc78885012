/*
 * libvirt-gobject-storage-pool.c: a storage pool known to a connection
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include "libvirt-gobject/libvirt-gobject-error.h"
#include "libvirt-gobject/libvirt-gobject-connection-private.h"
#include "libvirt-gobject/libvirt-gobject-storage-private.h"
#include "libvirt-gobject/libvirt-gobject-storage-vol-private.h"

/**
 * SECTION:libvirt-gobject-storage-pool
 * @title: GVirStoragePool
 * @short_description: a storage pool and its volumes
 *
 * A #GVirStoragePool is a storage pool of a #GVirConnection, found with
 * gvir_connection_fetch_storage_pools() and gvir_connection_get_storage_pool()
 * or defined with gvir_connection_create_storage_pool(). There is one
 * object per pool and connection. gvir_storage_pool_refresh() reads its
 * volumes, which gvir_storage_pool_get_volumes() then returns.
 *
 * The object holds no reference to its connection: once the connection
 * is closed or gone, every call that asks the driver fails with
 * %GVIR_ERROR_CONNECTION_CLOSED.
 *
 * Volume upload and download (which need data streams) are not
 * available yet.
 */

typedef struct
{
  GWeakRef conn;
  char *uuid;                 /* immutable */
  char *name;                 /* immutable */

  GMutex lock;                /* guards what follows */
  gboolean active;
  gboolean persistent;
  gboolean gone;              /* the driver no longer has the pool */
  GHashTable *volumes;        /* name -> GVirStorageVol (owned), filled by refresh */
} GVirStoragePoolPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (GVirStoragePool, gvir_storage_pool, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (GVirStoragePoolInfo, gvir_storage_pool_info,
                     gvir_storage_pool_info_copy, gvir_storage_pool_info_free)

/**
 * gvir_storage_pool_info_copy:
 * @info: a #GVirStoragePoolInfo
 *
 * Makes a copy of @info.
 *
 * Returns: (transfer full): a copy of @info, free with gvir_storage_pool_info_free()
 */
GVirStoragePoolInfo *
gvir_storage_pool_info_copy (const GVirStoragePoolInfo *info)
{
  g_return_val_if_fail (info != NULL, NULL);

  return g_memdup2 (info, sizeof (GVirStoragePoolInfo));
}

/**
 * gvir_storage_pool_info_free:
 * @info: (nullable): a #GVirStoragePoolInfo
 *
 * Frees @info.
 */
void
gvir_storage_pool_info_free (GVirStoragePoolInfo *info)
{
  g_free (info);
}

static GVirStoragePoolPrivate *
pool_priv (GVirStoragePool *pool)
{
  return gvir_storage_pool_get_instance_private (pool);
}

static void
gvir_storage_pool_finalize (GObject *object)
{
  GVirStoragePoolPrivate *priv = pool_priv (GVIR_STORAGE_POOL (object));

  g_weak_ref_clear (&priv->conn);
  g_free (priv->uuid);
  g_free (priv->name);
  g_hash_table_unref (priv->volumes);
  g_mutex_clear (&priv->lock);
  G_OBJECT_CLASS (gvir_storage_pool_parent_class)->finalize (object);
}

static void
gvir_storage_pool_class_init (GVirStoragePoolClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gvir_storage_pool_finalize;
}

static void
gvir_storage_pool_init (GVirStoragePool *pool)
{
  GVirStoragePoolPrivate *priv = pool_priv (pool);

  g_weak_ref_init (&priv->conn, NULL);
  g_mutex_init (&priv->lock);
  priv->volumes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

GVirStoragePool *
_gvir_storage_pool_new (GVirConnection *conn, const GVirDriverStoragePool *desc)
{
  GVirStoragePool *pool = g_object_new (GVIR_TYPE_STORAGE_POOL, NULL);
  GVirStoragePoolPrivate *priv = pool_priv (pool);

  g_weak_ref_set (&priv->conn, conn);
  priv->uuid = g_strdup (desc->uuid);
  priv->name = g_strdup (desc->name);
  priv->active = desc->active;
  priv->persistent = desc->persistent;
  return pool;
}

void
_gvir_storage_pool_update (GVirStoragePool *pool, const GVirDriverStoragePool *desc)
{
  GVirStoragePoolPrivate *priv = pool_priv (pool);

  g_mutex_lock (&priv->lock);
  priv->active = desc->active;
  priv->persistent = desc->persistent;
  g_mutex_unlock (&priv->lock);
}

gboolean
_gvir_storage_pool_is_gone (GVirStoragePool *pool)
{
  GVirStoragePoolPrivate *priv = pool_priv (pool);
  gboolean gone;

  g_mutex_lock (&priv->lock);
  gone = priv->gone;
  g_mutex_unlock (&priv->lock);
  return gone;
}

/* ---- talking to the driver ----------------------------------------------------- */

static GVirDriverConnection *
pool_dup_driver (GVirStoragePool *pool, GVirConnection **conn, GError **error)
{
  return _gvir_storage_dup_driver (&pool_priv (pool)->conn, conn, error);
}

/* Reads the pool's state again after a change: a pool the driver no
 * longer has (undefined, or a transient one stopped) is marked gone, and
 * the connection's pool list skips it from then on. */
static void
pool_reread (GVirStoragePool *pool, GVirConnection *conn, GVirDriverConnection *drv)
{
  GVirStoragePoolPrivate *priv = pool_priv (pool);
  g_autoptr(GVirDriverStoragePool) desc = NULL;
  g_autoptr(GError) error = NULL;

  desc = gvir_driver_connection_lookup_pool_by_uuid (drv, priv->uuid, NULL, &error);
  if (desc != NULL)
    _gvir_storage_pool_update (pool, desc);
  else if (g_error_matches (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND))
    {
      g_mutex_lock (&priv->lock);
      priv->active = FALSE;
      priv->persistent = FALSE;
      priv->gone = TRUE;
      g_hash_table_remove_all (priv->volumes);
      g_mutex_unlock (&priv->lock);
    }
}

/* Replaces the volume cache with @list (GVirDriverStorageVol), keeping
 * the objects of volumes that remain. */
static void
pool_merge_volumes (GVirStoragePool *pool, GVirConnection *conn, GPtrArray *list)
{
  GVirStoragePoolPrivate *priv = pool_priv (pool);
  GHashTable *fresh = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  guint i;

  g_mutex_lock (&priv->lock);
  for (i = 0; i < list->len; i++)
    {
      const GVirDriverStorageVol *desc = list->pdata[i];
      GVirStorageVol *vol = g_hash_table_lookup (priv->volumes, desc->name);

      if (vol != NULL && _gvir_storage_vol_is_deleted (vol))
        vol = NULL;
      vol = vol ? g_object_ref (vol) : _gvir_storage_vol_new (conn, pool, desc);
      g_hash_table_replace (fresh, g_strdup (desc->name), vol);
    }
  g_hash_table_unref (priv->volumes);
  priv->volumes = fresh;
  g_mutex_unlock (&priv->lock);
}

/* One operation on the pool: runs in the caller's thread for the
 * blocking API, in a worker for the async one. */
typedef gboolean (*PoolOpFunc) (GVirStoragePool *pool, GVirConnection *conn,
                                GVirDriverConnection *drv, guint flags,
                                GCancellable *cancellable, GError **error);

static gboolean
pool_op_run_on (GVirStoragePool *pool, GVirConnection *conn, GVirDriverConnection *drv,
                PoolOpFunc func, guint flags, GCancellable *cancellable, GError **error)
{
  if (!func (pool, conn, drv, flags, cancellable, error))
    return FALSE;
  pool_reread (pool, conn, drv);
  return TRUE;
}

static gboolean
pool_op_sync (GVirStoragePool *pool, PoolOpFunc func, guint flags, GCancellable *cancellable,
              GError **error)
{
  g_autoptr(GVirConnection) conn = NULL;
  g_autoptr(GVirDriverConnection) drv = pool_dup_driver (pool, &conn, error);

  return drv != NULL && pool_op_run_on (pool, conn, drv, func, flags, cancellable, error);
}

typedef struct
{
  GVirStoragePool *pool;
  GVirConnection *conn;
  PoolOpFunc func;
  guint flags;
} PoolOp;

static void
pool_op_free (gpointer data)
{
  PoolOp *op = data;

  g_object_unref (op->pool);
  g_object_unref (op->conn);
  g_free (op);
}

static gboolean
pool_op_worker (GVirDriverConnection *drv, gpointer data, gpointer *result,
                GCancellable *cancellable, GError **error)
{
  PoolOp *op = data;

  return pool_op_run_on (op->pool, op->conn, drv, op->func, op->flags, cancellable, error);
}

static void
pool_op_done (GObject *source, GAsyncResult *res, gpointer data)
{
  g_autoptr(GTask) task = data;
  GError *error = NULL;

  if (!gvir_driver_connection_call_finish (res, NULL, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
pool_op_start (GVirStoragePool *pool, PoolOpFunc func, guint flags, gpointer source_tag,
               GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (pool, cancellable, callback, user_data);
  g_autoptr(GVirConnection) conn = NULL;
  g_autoptr(GVirDriverConnection) drv = NULL;
  GError *error = NULL;
  PoolOp *op;

  g_task_set_source_tag (task, source_tag);
  if (g_task_return_error_if_cancelled (task))
    return;
  drv = pool_dup_driver (pool, &conn, &error);
  if (drv == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  op = g_new0 (PoolOp, 1);
  op->pool = g_object_ref (pool);
  op->conn = g_steal_pointer (&conn);
  op->func = func;
  op->flags = flags;
  gvir_driver_connection_call_async (drv, pool_op_worker, op, pool_op_free, NULL, cancellable,
                                     pool_op_done, g_steal_pointer (&task));
}

static gboolean
pool_op_finish (GVirStoragePool *pool, GAsyncResult *result, gpointer source_tag,
                GError **error)
{
  g_return_val_if_fail (GVIR_IS_STORAGE_POOL (pool), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, pool), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- the operations --------------------------------------------------------------- */

static gboolean
do_refresh (GVirStoragePool *pool, GVirConnection *conn, GVirDriverConnection *drv,
            guint flags, GCancellable *cancellable, GError **error)
{
  const char *uuid = pool_priv (pool)->uuid;
  g_autoptr(GPtrArray) list = NULL;

  if (!gvir_driver_connection_refresh_pool (drv, uuid, 0, cancellable, error))
    return FALSE;
  list = gvir_driver_connection_list_volumes (drv, uuid, cancellable, error);
  if (list == NULL)
    return FALSE;
  pool_merge_volumes (pool, conn, list);
  return TRUE;
}

static gboolean
do_build (GVirStoragePool *pool, GVirConnection *conn, GVirDriverConnection *drv,
          guint flags, GCancellable *cancellable, GError **error)
{
  return gvir_driver_connection_build_pool (drv, pool_priv (pool)->uuid, flags, cancellable, error);
}

static gboolean
do_start (GVirStoragePool *pool, GVirConnection *conn, GVirDriverConnection *drv,
          guint flags, GCancellable *cancellable, GError **error)
{
  return gvir_driver_connection_start_pool (drv, pool_priv (pool)->uuid, flags, cancellable, error);
}

static gboolean
do_stop (GVirStoragePool *pool, GVirConnection *conn, GVirDriverConnection *drv,
         guint flags, GCancellable *cancellable, GError **error)
{
  GVirStoragePoolPrivate *priv = pool_priv (pool);

  if (!gvir_driver_connection_stop_pool (drv, priv->uuid, cancellable, error))
    return FALSE;
  /* The volumes of a stopped pool are out of reach. */
  g_mutex_lock (&priv->lock);
  g_hash_table_remove_all (priv->volumes);
  g_mutex_unlock (&priv->lock);
  return TRUE;
}

static gboolean
do_undefine (GVirStoragePool *pool, GVirConnection *conn, GVirDriverConnection *drv,
             guint flags, GCancellable *cancellable, GError **error)
{
  return gvir_driver_connection_undefine_pool (drv, pool_priv (pool)->uuid, cancellable, error);
}

static gboolean
do_delete (GVirStoragePool *pool, GVirConnection *conn, GVirDriverConnection *drv,
           guint flags, GCancellable *cancellable, GError **error)
{
  return gvir_driver_connection_delete_pool (drv, pool_priv (pool)->uuid, flags, cancellable, error);
}

/* ---- identity ---------------------------------------------------------------------- */

/**
 * gvir_storage_pool_get_name:
 * @pool: a #GVirStoragePool
 *
 * Gets the name of the pool.
 *
 * Returns: (transfer none): the name
 */
const gchar *
gvir_storage_pool_get_name (GVirStoragePool *pool)
{
  g_return_val_if_fail (GVIR_IS_STORAGE_POOL (pool), NULL);

  return pool_priv (pool)->name;
}

/**
 * gvir_storage_pool_get_uuid:
 * @pool: a #GVirStoragePool
 *
 * Gets the UUID of the pool, in its canonical lower-case form.
 *
 * Returns: (transfer none): the UUID
 */
const gchar *
gvir_storage_pool_get_uuid (GVirStoragePool *pool)
{
  g_return_val_if_fail (GVIR_IS_STORAGE_POOL (pool), NULL);

  return pool_priv (pool)->uuid;
}

/* Asks the driver for the pool's state; when it cannot answer (closed
 * connection), the state last known stands. */
static void
pool_query_state (GVirStoragePool *pool, gboolean *active, gboolean *persistent)
{
  GVirStoragePoolPrivate *priv = pool_priv (pool);
  g_autoptr(GVirConnection) conn = NULL;
  g_autoptr(GVirDriverConnection) drv = pool_dup_driver (pool, &conn, NULL);

  if (drv != NULL)
    pool_reread (pool, conn, drv);
  g_mutex_lock (&priv->lock);
  *active = priv->active;
  *persistent = priv->persistent;
  g_mutex_unlock (&priv->lock);
}

/**
 * gvir_storage_pool_get_active:
 * @pool: a #GVirStoragePool
 *
 * Whether the pool is running. Asks the driver; when the connection is
 * closed, answers what was last known.
 *
 * Returns: %TRUE if the pool is active
 */
gboolean
gvir_storage_pool_get_active (GVirStoragePool *pool)
{
  gboolean active, persistent;

  g_return_val_if_fail (GVIR_IS_STORAGE_POOL (pool), FALSE);

  pool_query_state (pool, &active, &persistent);
  return active;
}

/**
 * gvir_storage_pool_get_persistent:
 * @pool: a #GVirStoragePool
 *
 * Whether the pool has a persistent definition (a transient one ends when
 * it stops). Asks the driver; when the connection is closed, answers what
 * was last known.
 *
 * Returns: %TRUE if the pool is persistent
 */
gboolean
gvir_storage_pool_get_persistent (GVirStoragePool *pool)
{
  gboolean active, persistent;

  g_return_val_if_fail (GVIR_IS_STORAGE_POOL (pool), FALSE);

  pool_query_state (pool, &active, &persistent);
  return persistent;
}

/**
 * gvir_storage_pool_get_config:
 * @pool: a #GVirStoragePool
 * @flags: libvirt's virStorageXMLFlags (0, or 1 for the inactive definition)
 * @err: return location for a #GError, or %NULL
 *
 * Gets the pool's definition, with its current sizes. Drivers without a
 * separate inactive definition refuse flag 1 with
 * %GVIR_ERROR_INVALID_ARGUMENT, as libvirt's test driver does.
 *
 * Returns: (transfer full): the definition, or %NULL with @err set
 */
GVirConfigStoragePool *
gvir_storage_pool_get_config (GVirStoragePool *pool, guint flags, GError **err)
{
  g_autoptr(GVirConnection) conn = NULL;
  g_autoptr(GVirDriverConnection) drv = NULL;
  g_autofree char *xml = NULL;

  g_return_val_if_fail (GVIR_IS_STORAGE_POOL (pool), NULL);
  g_return_val_if_fail (err == NULL || *err == NULL, NULL);

  drv = pool_dup_driver (pool, &conn, err);
  if (drv != NULL)
    xml = gvir_driver_connection_get_pool_xml (drv, pool_priv (pool)->uuid, flags, NULL, err);
  return xml ? gvir_config_storage_pool_new_from_xml (xml, err) : NULL;
}

/**
 * gvir_storage_pool_get_info:
 * @pool: a #GVirStoragePool
 * @err: return location for a #GError, or %NULL
 *
 * Gets the pool's state and sizes.
 *
 * Returns: (transfer full): the information, free with
 *   gvir_storage_pool_info_free(), or %NULL with @err set
 */
GVirStoragePoolInfo *
gvir_storage_pool_get_info (GVirStoragePool *pool, GError **err)
{
  g_autoptr(GVirConnection) conn = NULL;
  g_autoptr(GVirDriverConnection) drv = NULL;
  GVirDriverStoragePoolInfo raw = { 0 };
  GVirStoragePoolInfo *info;

  g_return_val_if_fail (GVIR_IS_STORAGE_POOL (pool), NULL);
  g_return_val_if_fail (err == NULL || *err == NULL, NULL);

  drv = pool_dup_driver (pool, &conn, err);
  if (drv == NULL ||
      !gvir_driver_connection_get_pool_info (drv, pool_priv (pool)->uuid, &raw, NULL, err))
    return NULL;
  info = g_new0 (GVirStoragePoolInfo, 1);
  info->state = (GVirStoragePoolState) raw.state;
  info->capacity = raw.capacity;
  info->allocation = raw.allocation;
  info->available = raw.available;
  return info;
}

/* ---- volumes ----------------------------------------------------------------------- */

/**
 * gvir_storage_pool_refresh:
 * @pool: a #GVirStoragePool
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @err: return location for a #GError, or %NULL
 *
 * Has the driver scan the pool again, then reads its volumes into the
 * pool's volume list (gvir_storage_pool_get_volumes()). The object of a
 * volume that remains stays the same. The pool must be active.
 *
 * Returns: %TRUE on success, %FALSE with @err set
 */
gboolean
gvir_storage_pool_refresh (GVirStoragePool *pool, GCancellable *cancellable, GError **err)
{
  g_return_val_if_fail (GVIR_IS_STORAGE_POOL (pool), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (err == NULL || *err == NULL, FALSE);

  return pool_op_sync (pool, do_refresh, 0, cancellable, err);
}

/**
 * gvir_storage_pool_refresh_async:
 * @pool: a #GVirStoragePool
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the refresh is done
 * @user_data: (closure): data for @callback
 *
 * Starts gvir_storage_pool_refresh() without blocking; @callback runs in
 * the caller's thread-default main context.
 */
void
gvir_storage_pool_refresh_async (GVirStoragePool *pool, GCancellable *cancellable,
                                 GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIR_IS_STORAGE_POOL (pool));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  pool_op_start (pool, do_refresh, 0, gvir_storage_pool_refresh_async, cancellable, callback,
                 user_data);
}

/**
 * gvir_storage_pool_refresh_finish:
 * @pool: a #GVirStoragePool
 * @result: the #GAsyncResult passed to the callback
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_storage_pool_refresh_async().
 *
 * Returns: %TRUE on success, %FALSE with @err set
 */
gboolean
gvir_storage_pool_refresh_finish (GVirStoragePool *pool, GAsyncResult *result, GError **err)
{
  return pool_op_finish (pool, result, gvir_storage_pool_refresh_async, err);
}

/**
 * gvir_storage_pool_get_volumes:
 * @pool: a #GVirStoragePool
 *
 * Gets the volumes read by the last gvir_storage_pool_refresh() (and
 * those created since).
 *
 * Returns: (transfer full) (element-type LibvirtGObject.StorageVol): the
 *   volumes; free with g_list_free_full() and g_object_unref()
 */
GList *
gvir_storage_pool_get_volumes (GVirStoragePool *pool)
{
  GVirStoragePoolPrivate *priv;
  GList *list = NULL;
  GHashTableIter iter;
  gpointer vol;

  g_return_val_if_fail (GVIR_IS_STORAGE_POOL (pool), NULL);

  priv = pool_priv (pool);
  g_mutex_lock (&priv->lock);
  g_hash_table_iter_init (&iter, priv->volumes);
  while (g_hash_table_iter_next (&iter, NULL, &vol))
    if (!_gvir_storage_vol_is_deleted (vol))
      list = g_list_prepend (list, g_object_ref (vol));
  g_mutex_unlock (&priv->lock);
  return list;
}

/**
 * gvir_storage_pool_get_volume:
 * @pool: a #GVirStoragePool
 * @name: the name of a volume
 *
 * Gets the volume @name from the pool's volume list.
 *
 * Returns: (transfer full) (nullable): the volume, or %NULL when the list
 *   has none of that name
 */
GVirStorageVol *
gvir_storage_pool_get_volume (GVirStoragePool *pool, const gchar *name)
{
  GVirStoragePoolPrivate *priv;
  GVirStorageVol *vol;

  g_return_val_if_fail (GVIR_IS_STORAGE_POOL (pool), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  priv = pool_priv (pool);
  g_mutex_lock (&priv->lock);
  vol = g_hash_table_lookup (priv->volumes, name);
  if (vol != NULL && !_gvir_storage_vol_is_deleted (vol))
    g_object_ref (vol);
  else
    vol = NULL;
  g_mutex_unlock (&priv->lock);
  return vol;
}

/**
 * gvir_storage_pool_create_volume:
 * @pool: a #GVirStoragePool
 * @conf: the definition of the new volume
 * @err: return location for a #GError, or %NULL
 *
 * Creates a volume in the pool, which must be active, and adds it to the
 * pool's volume list.
 *
 * Returns: (transfer full): the new volume, or %NULL with @err set
 */
GVirStorageVol *
gvir_storage_pool_create_volume (GVirStoragePool *pool, GVirConfigStorageVol *conf,
                                 GError **err)
{
  g_autoptr(GVirConnection) conn = NULL;
  g_autoptr(GVirDriverConnection) drv = NULL;
  g_autoptr(GVirDriverStorageVol) desc = NULL;
  g_autofree char *xml = NULL;
  GVirStoragePoolPrivate *priv;
  GVirStorageVol *vol;

  g_return_val_if_fail (GVIR_IS_STORAGE_POOL (pool), NULL);
  g_return_val_if_fail (GVIR_CONFIG_IS_STORAGE_VOL (conf), NULL);
  g_return_val_if_fail (err == NULL || *err == NULL, NULL);

  priv = pool_priv (pool);
  drv = pool_dup_driver (pool, &conn, err);
  if (drv == NULL)
    return NULL;
  xml = gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (conf));
  desc = gvir_driver_connection_create_volume (drv, priv->uuid, xml, 0, NULL, err);
  if (desc == NULL)
    return NULL;

  g_mutex_lock (&priv->lock);
  vol = g_hash_table_lookup (priv->volumes, desc->name);
  if (vol == NULL || _gvir_storage_vol_is_deleted (vol))
    {
      vol = _gvir_storage_vol_new (conn, pool, desc);
      g_hash_table_replace (priv->volumes, g_strdup (desc->name), vol);
    }
  g_object_ref (vol);
  g_mutex_unlock (&priv->lock);
  return vol;
}

/* ---- lifecycle ----------------------------------------------------------------- */

/**
 * gvir_storage_pool_build:
 * @pool: a #GVirStoragePool
 * @flags: libvirt's virStoragePoolBuildFlags (0 for a plain build)
 * @err: return location for a #GError, or %NULL
 *
 * Builds the pool's underlying storage (a directory, a file system, ...). The pool must be inactive.
 *
 * Returns: %TRUE on success, %FALSE with @err set
 */
gboolean
gvir_storage_pool_build (GVirStoragePool *pool, guint flags, GError **err)
{
  g_return_val_if_fail (GVIR_IS_STORAGE_POOL (pool), FALSE);
  g_return_val_if_fail (err == NULL || *err == NULL, FALSE);

  return pool_op_sync (pool, do_build, flags, NULL, err);
}

/**
 * gvir_storage_pool_build_async:
 * @pool: a #GVirStoragePool
 * @flags: libvirt's virStoragePoolBuildFlags (0 for a plain build)
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the operation is done
 * @user_data: (closure): data for @callback
 *
 * Starts gvir_storage_pool_build() without blocking; @callback runs in
 * the caller's thread-default main context.
 */
void
gvir_storage_pool_build_async (GVirStoragePool *pool, guint flags, GCancellable *cancellable,
                               GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIR_IS_STORAGE_POOL (pool));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  pool_op_start (pool, do_build, flags, gvir_storage_pool_build_async, cancellable, callback,
                 user_data);
}

/**
 * gvir_storage_pool_build_finish:
 * @pool: a #GVirStoragePool
 * @result: the #GAsyncResult passed to the callback
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_storage_pool_build_async().
 *
 * Returns: %TRUE on success, %FALSE with @err set
 */
gboolean
gvir_storage_pool_build_finish (GVirStoragePool *pool, GAsyncResult *result, GError **err)
{
  return pool_op_finish (pool, result, gvir_storage_pool_build_async, err);
}

/**
 * gvir_storage_pool_start:
 * @pool: a #GVirStoragePool
 * @flags: libvirt's virStoragePoolCreateFlags (0 for a plain start)
 * @err: return location for a #GError, or %NULL
 *
 * Starts the pool, which must be inactive.
 *
 * Returns: %TRUE on success, %FALSE with @err set
 */
gboolean
gvir_storage_pool_start (GVirStoragePool *pool, guint flags, GError **err)
{
  g_return_val_if_fail (GVIR_IS_STORAGE_POOL (pool), FALSE);
  g_return_val_if_fail (err == NULL || *err == NULL, FALSE);

  return pool_op_sync (pool, do_start, flags, NULL, err);
}

/**
 * gvir_storage_pool_start_async:
 * @pool: a #GVirStoragePool
 * @flags: libvirt's virStoragePoolCreateFlags (0 for a plain start)
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the operation is done
 * @user_data: (closure): data for @callback
 *
 * Starts gvir_storage_pool_start() without blocking; @callback runs in
 * the caller's thread-default main context.
 */
void
gvir_storage_pool_start_async (GVirStoragePool *pool, guint flags, GCancellable *cancellable,
                               GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIR_IS_STORAGE_POOL (pool));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  pool_op_start (pool, do_start, flags, gvir_storage_pool_start_async, cancellable, callback,
                 user_data);
}

/**
 * gvir_storage_pool_start_finish:
 * @pool: a #GVirStoragePool
 * @result: the #GAsyncResult passed to the callback
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_storage_pool_start_async().
 *
 * Returns: %TRUE on success, %FALSE with @err set
 */
gboolean
gvir_storage_pool_start_finish (GVirStoragePool *pool, GAsyncResult *result, GError **err)
{
  return pool_op_finish (pool, result, gvir_storage_pool_start_async, err);
}

/**
 * gvir_storage_pool_stop:
 * @pool: a #GVirStoragePool
 * @err: return location for a #GError, or %NULL
 *
 * Stops the pool, which must be active; a transient pool ends (it leaves the connection's pool list). Its volume list is emptied.
 *
 * Returns: %TRUE on success, %FALSE with @err set
 */
gboolean
gvir_storage_pool_stop (GVirStoragePool *pool, GError **err)
{
  g_return_val_if_fail (GVIR_IS_STORAGE_POOL (pool), FALSE);
  g_return_val_if_fail (err == NULL || *err == NULL, FALSE);

  return pool_op_sync (pool, do_stop, 0, NULL, err);
}

/**
 * gvir_storage_pool_stop_async:
 * @pool: a #GVirStoragePool
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the operation is done
 * @user_data: (closure): data for @callback
 *
 * Starts gvir_storage_pool_stop() without blocking; @callback runs in
 * the caller's thread-default main context.
 */
void
gvir_storage_pool_stop_async (GVirStoragePool *pool, GCancellable *cancellable,
                              GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIR_IS_STORAGE_POOL (pool));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  pool_op_start (pool, do_stop, 0, gvir_storage_pool_stop_async, cancellable, callback,
                 user_data);
}

/**
 * gvir_storage_pool_stop_finish:
 * @pool: a #GVirStoragePool
 * @result: the #GAsyncResult passed to the callback
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_storage_pool_stop_async().
 *
 * Returns: %TRUE on success, %FALSE with @err set
 */
gboolean
gvir_storage_pool_stop_finish (GVirStoragePool *pool, GAsyncResult *result, GError **err)
{
  return pool_op_finish (pool, result, gvir_storage_pool_stop_async, err);
}

/**
 * gvir_storage_pool_undefine:
 * @pool: a #GVirStoragePool
 * @err: return location for a #GError, or %NULL
 *
 * Removes the pool's persistent definition (the pool leaves the connection's pool list). The pool must be inactive.
 *
 * Returns: %TRUE on success, %FALSE with @err set
 */
gboolean
gvir_storage_pool_undefine (GVirStoragePool *pool, GError **err)
{
  g_return_val_if_fail (GVIR_IS_STORAGE_POOL (pool), FALSE);
  g_return_val_if_fail (err == NULL || *err == NULL, FALSE);

  return pool_op_sync (pool, do_undefine, 0, NULL, err);
}

/**
 * gvir_storage_pool_undefine_async:
 * @pool: a #GVirStoragePool
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the operation is done
 * @user_data: (closure): data for @callback
 *
 * Starts gvir_storage_pool_undefine() without blocking; @callback runs in
 * the caller's thread-default main context.
 */
void
gvir_storage_pool_undefine_async (GVirStoragePool *pool, GCancellable *cancellable,
                                  GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIR_IS_STORAGE_POOL (pool));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  pool_op_start (pool, do_undefine, 0, gvir_storage_pool_undefine_async, cancellable, callback,
                 user_data);
}

/**
 * gvir_storage_pool_undefine_finish:
 * @pool: a #GVirStoragePool
 * @result: the #GAsyncResult passed to the callback
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_storage_pool_undefine_async().
 *
 * Returns: %TRUE on success, %FALSE with @err set
 */
gboolean
gvir_storage_pool_undefine_finish (GVirStoragePool *pool, GAsyncResult *result, GError **err)
{
  return pool_op_finish (pool, result, gvir_storage_pool_undefine_async, err);
}

/**
 * gvir_storage_pool_delete:
 * @pool: a #GVirStoragePool
 * @flags: libvirt's virStoragePoolDeleteFlags (0 for a plain delete)
 * @err: return location for a #GError, or %NULL
 *
 * Deletes the pool's underlying storage; the definition stays. The pool must be inactive.
 *
 * Returns: %TRUE on success, %FALSE with @err set
 */
gboolean
gvir_storage_pool_delete (GVirStoragePool *pool, guint flags, GError **err)
{
  g_return_val_if_fail (GVIR_IS_STORAGE_POOL (pool), FALSE);
  g_return_val_if_fail (err == NULL || *err == NULL, FALSE);

  return pool_op_sync (pool, do_delete, flags, NULL, err);
}

/**
 * gvir_storage_pool_delete_async:
 * @pool: a #GVirStoragePool
 * @flags: libvirt's virStoragePoolDeleteFlags (0 for a plain delete)
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the operation is done
 * @user_data: (closure): data for @callback
 *
 * Starts gvir_storage_pool_delete() without blocking; @callback runs in
 * the caller's thread-default main context.
 */
void
gvir_storage_pool_delete_async (GVirStoragePool *pool, guint flags, GCancellable *cancellable,
                                GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIR_IS_STORAGE_POOL (pool));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  pool_op_start (pool, do_delete, flags, gvir_storage_pool_delete_async, cancellable, callback,
                 user_data);
}

/**
 * gvir_storage_pool_delete_finish:
 * @pool: a #GVirStoragePool
 * @result: the #GAsyncResult passed to the callback
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_storage_pool_delete_async().
 *
 * Returns: %TRUE on success, %FALSE with @err set
 */
gboolean
gvir_storage_pool_delete_finish (GVirStoragePool *pool, GAsyncResult *result, GError **err)
{
  return pool_op_finish (pool, result, gvir_storage_pool_delete_async, err);
}

/* ---- autostart ------------------------------------------------------------------ */

/**
 * gvir_storage_pool_get_autostart:
 * @pool: a #GVirStoragePool
 * @err: return location for a #GError, or %NULL
 *
 * Whether the pool starts when the host does. On failure, returns %FALSE
 * with @err set.
 *
 * Returns: %TRUE if the pool starts with the host
 */
gboolean
gvir_storage_pool_get_autostart (GVirStoragePool *pool, GError **err)
{
  g_autoptr(GVirConnection) conn = NULL;
  g_autoptr(GVirDriverConnection) drv = NULL;
  gboolean autostart = FALSE;

  g_return_val_if_fail (GVIR_IS_STORAGE_POOL (pool), FALSE);
  g_return_val_if_fail (err == NULL || *err == NULL, FALSE);

  drv = pool_dup_driver (pool, &conn, err);
  if (drv == NULL ||
      !gvir_driver_connection_get_pool_autostart (drv, pool_priv (pool)->uuid, &autostart,
                                                  NULL, err))
    return FALSE;
  return autostart;
}

/**
 * gvir_storage_pool_set_autostart:
 * @pool: a #GVirStoragePool
 * @autostart: whether the pool starts when the host does
 * @err: return location for a #GError, or %NULL
 *
 * Sets whether the pool starts when the host does. The pool must be
 * persistent.
 *
 * Returns: %TRUE on success, %FALSE with @err set
 */
gboolean
gvir_storage_pool_set_autostart (GVirStoragePool *pool, gboolean autostart, GError **err)
{
  g_autoptr(GVirConnection) conn = NULL;
  g_autoptr(GVirDriverConnection) drv = NULL;

  g_return_val_if_fail (GVIR_IS_STORAGE_POOL (pool), FALSE);
  g_return_val_if_fail (err == NULL || *err == NULL, FALSE);

  drv = pool_dup_driver (pool, &conn, err);
  return drv != NULL &&
         gvir_driver_connection_set_pool_autostart (drv, pool_priv (pool)->uuid, autostart,
                                                    NULL, err);
}
