/*
 * libvirt-gobject-object-cache.c: a connection's cache of the objects of
 * one kind
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include "libvirt-gobject/libvirt-gobject-connection-private.h"
#include "libvirt-gobject/libvirt-gobject-object-cache-private.h"

/* The objects of one kind of one connection, attached to it as object
 * data so that it lives exactly as long as the connection. */
typedef struct
{
  GMutex lock;
  GHashTable *by_key;         /* key -> object (owned) */
} ObjectCache;

/* Creation of a connection's caches, which two threads may race to do. */
static GMutex cache_creation_lock;

static void
object_cache_free (gpointer data)
{
  ObjectCache *cache = data;

  g_hash_table_unref (cache->by_key);
  g_mutex_clear (&cache->lock);
  g_free (cache);
}

static GHashTable *
new_table (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

static ObjectCache *
get_cache (GVirConnection *conn, const GVirObjectCacheKind *kind)
{
  ObjectCache *cache;

  g_mutex_lock (&cache_creation_lock);
  cache = g_object_get_data (G_OBJECT (conn), kind->data_key);
  if (cache == NULL)
    {
      cache = g_new0 (ObjectCache, 1);
      g_mutex_init (&cache->lock);
      cache->by_key = new_table ();
      g_object_set_data_full (G_OBJECT (conn), kind->data_key, cache, object_cache_free);
    }
  g_mutex_unlock (&cache_creation_lock);
  return cache;
}

/* Makes the cache hold exactly the objects of @listed, keeping the object
 * of each key that is still there. */
static void
cache_sync (GVirConnection *conn, const GVirObjectCacheKind *kind, GPtrArray *listed)
{
  ObjectCache *cache = get_cache (conn, kind);
  GHashTable *fresh = new_table ();
  guint i;

  g_mutex_lock (&cache->lock);
  for (i = 0; i < listed->len; i++)
    {
      gconstpointer desc = listed->pdata[i];
      const char *key = kind->key (desc);
      gpointer object = g_hash_table_lookup (cache->by_key, key);

      if (object != NULL)
        {
          g_object_ref (object);
          kind->update (object, desc);
        }
      else
        object = kind->create (conn, desc);
      g_hash_table_replace (fresh, g_strdup (key), object);
    }
  g_hash_table_unref (cache->by_key);
  cache->by_key = fresh;
  g_mutex_unlock (&cache->lock);
}

gboolean
_gvir_object_cache_fetch (GVirConnection  *conn,
                          ConnCall        *call,
                          GCancellable    *cancellable,
                          GError         **error)
{
  const GVirObjectCacheKind *kind = call->args;
  g_autoptr(GVirDriverConnection) drv = _gvir_connection_dup_driver (conn, error);
  g_autoptr(GPtrArray) listed = NULL;

  if (drv == NULL)
    return FALSE;
  listed = kind->list (drv, cancellable, error);
  if (listed == NULL)
    return FALSE;
  /* Do not touch the cache for a call the caller gave up on. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  cache_sync (conn, kind, listed);
  return TRUE;
}

gpointer
_gvir_object_cache_find (GVirConnection            *conn,
                         const GVirObjectCacheKind *kind,
                         GVirObjectCacheMatchFunc   match,
                         gconstpointer              data)
{
  ObjectCache *cache;
  GHashTableIter iter;
  gpointer value;
  gpointer found = NULL;

  if (!gvir_connection_is_open (conn))
    return NULL;
  cache = get_cache (conn, kind);
  g_mutex_lock (&cache->lock);
  g_hash_table_iter_init (&iter, cache->by_key);
  while (found == NULL && g_hash_table_iter_next (&iter, NULL, &value))
    if (match (value, data))
      found = g_object_ref (value);
  g_mutex_unlock (&cache->lock);
  return found;
}

GList *
_gvir_object_cache_list (GVirConnection            *conn,
                         const GVirObjectCacheKind *kind,
                         GCompareFunc               compare)
{
  ObjectCache *cache;
  GList *list;

  if (!gvir_connection_is_open (conn))
    return NULL;
  cache = get_cache (conn, kind);
  g_mutex_lock (&cache->lock);
  list = g_hash_table_get_values (cache->by_key);
  g_list_foreach (list, (GFunc) (void (*) (void)) g_object_ref, NULL);
  g_mutex_unlock (&cache->lock);
  return g_list_sort (list, compare);
}
