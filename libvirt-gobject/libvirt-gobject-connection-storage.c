/*
 * libvirt-gobject-connection-storage.c: the storage pools of a connection
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

/* The pool cache hangs off the connection as object data, created on
 * first use; it holds the one object of each pool (by UUID). It is
 * emptied when the connection closes, so lookups after a close answer
 * nothing instead of stale pools. */
#define POOL_CACHE_KEY "gvir-storage-pool-cache"

typedef struct
{
  GMutex lock;
  GHashTable *pools;          /* uuid -> GVirStoragePool (owned) */
} PoolCache;

static void
pool_cache_free (gpointer data)
{
  PoolCache *cache = data;

  g_hash_table_unref (cache->pools);
  g_mutex_clear (&cache->lock);
  g_free (cache);
}

static void
pool_cache_clear (GVirConnection *conn, gpointer data)
{
  PoolCache *cache = data;

  g_mutex_lock (&cache->lock);
  g_hash_table_remove_all (cache->pools);
  g_mutex_unlock (&cache->lock);
}

static PoolCache *
pool_cache_get (GVirConnection *conn)
{
  static GMutex create_lock;
  PoolCache *cache;

  g_mutex_lock (&create_lock);
  cache = g_object_get_data (G_OBJECT (conn), POOL_CACHE_KEY);
  if (cache == NULL)
    {
      cache = g_new0 (PoolCache, 1);
      g_mutex_init (&cache->lock);
      cache->pools = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
      g_object_set_data_full (G_OBJECT (conn), POOL_CACHE_KEY, cache, pool_cache_free);
      g_signal_connect (conn, "connection-closed", G_CALLBACK (pool_cache_clear), cache);
    }
  g_mutex_unlock (&create_lock);
  return cache;
}

/* Adds or updates the pool @desc: a new reference to the one object of
 * that UUID (a new object when the one cached is gone). */
static GVirStoragePool *
pool_cache_remember (GVirConnection *conn, const GVirDriverStoragePool *desc)
{
  PoolCache *cache = pool_cache_get (conn);
  GVirStoragePool *pool;

  g_mutex_lock (&cache->lock);
  pool = g_hash_table_lookup (cache->pools, desc->uuid);
  if (pool != NULL && !_gvir_storage_pool_is_gone (pool))
    _gvir_storage_pool_update (pool, desc);
  else
    {
      pool = _gvir_storage_pool_new (conn, desc);
      g_hash_table_replace (cache->pools, g_strdup (desc->uuid), pool);
    }
  g_object_ref (pool);
  g_mutex_unlock (&cache->lock);
  return pool;
}

/* Makes the cache hold exactly the pools of @list (GVirDriverStoragePool),
 * keeping the objects of pools that remain. */
static void
pool_cache_replace (GVirConnection *conn, GPtrArray *list)
{
  PoolCache *cache = pool_cache_get (conn);
  GHashTable *fresh = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  guint i;

  g_mutex_lock (&cache->lock);
  for (i = 0; i < list->len; i++)
    {
      const GVirDriverStoragePool *desc = list->pdata[i];
      GVirStoragePool *pool = g_hash_table_lookup (cache->pools, desc->uuid);

      if (pool != NULL && !_gvir_storage_pool_is_gone (pool))
        {
          _gvir_storage_pool_update (pool, desc);
          g_object_ref (pool);
        }
      else
        pool = _gvir_storage_pool_new (conn, desc);
      g_hash_table_replace (fresh, g_strdup (desc->uuid), pool);
    }
  g_hash_table_unref (cache->pools);
  cache->pools = fresh;
  g_mutex_unlock (&cache->lock);
}

static gboolean
fetch_pools_on (GVirConnection *conn, GVirDriverConnection *drv, GCancellable *cancellable,
                GError **error)
{
  g_autoptr(GPtrArray) list = gvir_driver_connection_list_pools (drv, cancellable, error);

  if (list == NULL)
    return FALSE;
  pool_cache_replace (conn, list);
  return TRUE;
}

/**
 * gvir_connection_fetch_storage_pools:
 * @conn: a #GVirConnection
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @err: return location for a #GError, or %NULL
 *
 * Reads the connection's storage pools into its pool list
 * (gvir_connection_get_storage_pools()). The object of a pool that
 * remains stays the same; pools gone from the driver leave the list.
 *
 * Returns: %TRUE on success, %FALSE with @err set
 */
gboolean
gvir_connection_fetch_storage_pools (GVirConnection *conn, GCancellable *cancellable,
                                     GError **err)
{
  g_autoptr(GVirDriverConnection) drv = NULL;

  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (err == NULL || *err == NULL, FALSE);

  drv = _gvir_connection_dup_driver (conn, err);
  return drv != NULL && fetch_pools_on (conn, drv, cancellable, err);
}

static gboolean
fetch_pools_worker (GVirDriverConnection *drv, gpointer data, gpointer *result,
                    GCancellable *cancellable, GError **error)
{
  return fetch_pools_on (data, drv, cancellable, error);
}

static void
fetch_pools_done (GObject *source, GAsyncResult *res, gpointer data)
{
  g_autoptr(GTask) task = data;
  GError *error = NULL;

  if (!gvir_driver_connection_call_finish (res, NULL, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * gvir_connection_fetch_storage_pools_async:
 * @conn: a #GVirConnection
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the pools are read
 * @user_data: (closure): data for @callback
 *
 * Starts gvir_connection_fetch_storage_pools() without blocking;
 * @callback runs in the caller's thread-default main context.
 */
void
gvir_connection_fetch_storage_pools_async (GVirConnection *conn, GCancellable *cancellable,
                                           GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GVirDriverConnection) drv = NULL;
  GError *error = NULL;

  g_return_if_fail (GVIR_IS_CONNECTION (conn));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (conn, cancellable, callback, user_data);
  g_task_set_source_tag (task, gvir_connection_fetch_storage_pools_async);
  if (g_task_return_error_if_cancelled (task))
    return;
  drv = _gvir_connection_dup_driver (conn, &error);
  if (drv == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  gvir_driver_connection_call_async (drv, fetch_pools_worker, g_object_ref (conn),
                                     g_object_unref, NULL, cancellable, fetch_pools_done,
                                     g_steal_pointer (&task));
}

/**
 * gvir_connection_fetch_storage_pools_finish:
 * @conn: a #GVirConnection
 * @result: the #GAsyncResult passed to the callback
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_connection_fetch_storage_pools_async().
 *
 * Returns: %TRUE on success, %FALSE with @err set
 */
gboolean
gvir_connection_fetch_storage_pools_finish (GVirConnection *conn, GAsyncResult *result,
                                            GError **err)
{
  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, conn), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        gvir_connection_fetch_storage_pools_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), err);
}

/**
 * gvir_connection_get_storage_pools:
 * @conn: a #GVirConnection
 *
 * Gets the pools read by the last gvir_connection_fetch_storage_pools()
 * (and those defined since); none after the connection is closed.
 *
 * Returns: (transfer full) (element-type LibvirtGObject.StoragePool): the
 *   pools; free with g_list_free_full() and g_object_unref()
 */
GList *
gvir_connection_get_storage_pools (GVirConnection *conn)
{
  PoolCache *cache;
  GList *list = NULL;
  GHashTableIter iter;
  gpointer pool;

  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);

  cache = pool_cache_get (conn);
  g_mutex_lock (&cache->lock);
  g_hash_table_iter_init (&iter, cache->pools);
  while (g_hash_table_iter_next (&iter, NULL, &pool))
    if (!_gvir_storage_pool_is_gone (pool))
      list = g_list_prepend (list, g_object_ref (pool));
  g_mutex_unlock (&cache->lock);
  return list;
}

/**
 * gvir_connection_get_storage_pool:
 * @conn: a #GVirConnection
 * @uuid: the UUID of a pool
 *
 * Gets the pool @uuid from the connection's pool list.
 *
 * Returns: (transfer full) (nullable): the pool, or %NULL when the list
 *   has none with that UUID
 */
GVirStoragePool *
gvir_connection_get_storage_pool (GVirConnection *conn, const gchar *uuid)
{
  PoolCache *cache;
  GVirStoragePool *pool;

  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  cache = pool_cache_get (conn);
  g_mutex_lock (&cache->lock);
  pool = g_hash_table_lookup (cache->pools, uuid);
  if (pool != NULL && !_gvir_storage_pool_is_gone (pool))
    g_object_ref (pool);
  else
    pool = NULL;
  g_mutex_unlock (&cache->lock);
  return pool;
}

/**
 * gvir_connection_find_storage_pool_by_name:
 * @conn: a #GVirConnection
 * @name: the name of a pool
 *
 * Gets the pool named @name from the connection's pool list.
 *
 * Returns: (transfer full) (nullable): the pool, or %NULL when the list
 *   has none of that name
 */
GVirStoragePool *
gvir_connection_find_storage_pool_by_name (GVirConnection *conn, const gchar *name)
{
  PoolCache *cache;
  GVirStoragePool *found = NULL;
  GHashTableIter iter;
  gpointer pool;

  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  cache = pool_cache_get (conn);
  g_mutex_lock (&cache->lock);
  g_hash_table_iter_init (&iter, cache->pools);
  while (found == NULL && g_hash_table_iter_next (&iter, NULL, &pool))
    if (g_str_equal (gvir_storage_pool_get_name (pool), name) &&
        !_gvir_storage_pool_is_gone (pool))
      found = g_object_ref (pool);
  g_mutex_unlock (&cache->lock);
  return found;
}

/**
 * gvir_connection_create_storage_pool:
 * @conn: a #GVirConnection
 * @conf: the definition of the new pool
 * @flags: libvirt's virStoragePoolDefineFlags (0)
 * @err: return location for a #GError, or %NULL
 *
 * Defines a persistent storage pool (inactive until started) and adds it
 * to the connection's pool list.
 *
 * Returns: (transfer full): the new pool, or %NULL with @err set
 */
GVirStoragePool *
gvir_connection_create_storage_pool (GVirConnection *conn, GVirConfigStoragePool *conf,
                                     guint flags, GError **err)
{
  g_autoptr(GVirDriverConnection) drv = NULL;
  g_autoptr(GVirDriverStoragePool) desc = NULL;
  g_autofree char *xml = NULL;

  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);
  g_return_val_if_fail (GVIR_CONFIG_IS_STORAGE_POOL (conf), NULL);
  g_return_val_if_fail (err == NULL || *err == NULL, NULL);

  drv = _gvir_connection_dup_driver (conn, err);
  if (drv == NULL)
    return NULL;
  xml = gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (conf));
  desc = gvir_driver_connection_define_pool (drv, xml, flags, NULL, err);
  return desc ? pool_cache_remember (conn, desc) : NULL;
}
