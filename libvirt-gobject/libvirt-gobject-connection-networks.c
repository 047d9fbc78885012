/*
 * libvirt-gobject-connection-networks.c: GVirConnection's virtual networks
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include "libvirt-gobject/libvirt-gobject-connection.h"
#include "libvirt-gobject/libvirt-gobject-error.h"
#include "libvirt-gobject/libvirt-gobject-connection-private.h"
#include "libvirt-gobject/libvirt-gobject-connection-call-private.h"
#include "libvirt-gobject/libvirt-gobject-network-private.h"
#include "libvirt-gobject/util/gvir-uuid-private.h"

/* ---- the cache ------------------------------------------------------------- */

/* The networks of one connection, attached to it as object data so that it
 * lives exactly as long as the connection. A fetch updates the objects of
 * networks that are still there in place, so that each network keeps one
 * GVirNetwork for the life of the connection. */
typedef struct
{
  GMutex lock;
  GHashTable *by_uuid;        /* canonical UUID -> GVirNetwork (owned) */
} NetworkCache;

static GQuark
network_cache_quark (void)
{
  return g_quark_from_static_string ("gvir-connection-network-cache");
}

/* Creation of a connection's cache, which two threads may race to do. */
static GMutex cache_creation_lock;

static void
network_cache_free (gpointer data)
{
  NetworkCache *cache = data;

  g_hash_table_unref (cache->by_uuid);
  g_mutex_clear (&cache->lock);
  g_free (cache);
}

static NetworkCache *
get_cache (GVirConnection *self)
{
  NetworkCache *cache;

  g_mutex_lock (&cache_creation_lock);
  cache = g_object_get_qdata (G_OBJECT (self), network_cache_quark ());
  if (cache == NULL)
    {
      cache = g_new0 (NetworkCache, 1);
      g_mutex_init (&cache->lock);
      cache->by_uuid = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
      g_object_set_qdata_full (G_OBJECT (self), network_cache_quark (), cache,
                               network_cache_free);
    }
  g_mutex_unlock (&cache_creation_lock);
  return cache;
}

/* Makes the cache hold exactly the networks of @listed. */
static void
cache_sync (GVirConnection *self, GPtrArray *listed)
{
  NetworkCache *cache = get_cache (self);
  GHashTable *fresh = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  guint i;

  g_mutex_lock (&cache->lock);
  for (i = 0; i < listed->len; i++)
    {
      const GVirDriverNetwork *desc = listed->pdata[i];
      GVirNetwork *net = g_hash_table_lookup (cache->by_uuid, desc->uuid);

      if (net != NULL)
        {
          g_object_ref (net);
          _gvir_network_update (net, desc);
        }
      else
        net = _gvir_network_new (self, desc);
      g_hash_table_replace (fresh, g_strdup (desc->uuid), net);
    }
  g_hash_table_unref (cache->by_uuid);
  cache->by_uuid = fresh;
  g_mutex_unlock (&cache->lock);
}

typedef gboolean (*NetworkMatchFunc) (GVirNetwork *net, gconstpointer data);

/* The first cached network that @match accepts (a new reference), or NULL;
 * nothing while the connection is closed. */
static GVirNetwork *
cache_find (GVirConnection *self, NetworkMatchFunc match, gconstpointer data)
{
  NetworkCache *cache;
  GHashTableIter iter;
  gpointer value;
  GVirNetwork *found = NULL;

  if (!gvir_connection_is_open (self))
    return NULL;
  cache = get_cache (self);
  g_mutex_lock (&cache->lock);
  g_hash_table_iter_init (&iter, cache->by_uuid);
  while (found == NULL && g_hash_table_iter_next (&iter, NULL, &value))
    if (match (value, data))
      found = g_object_ref (value);
  g_mutex_unlock (&cache->lock);
  return found;
}

/* ---- the calls --------------------------------------------------------------- */

static gboolean
op_fetch_networks (GVirConnection *self, ConnCall *call, GCancellable *cancellable,
                   GError **error)
{
  g_autoptr(GVirDriverConnection) drv = _gvir_connection_dup_driver (self, error);
  g_autoptr(GPtrArray) listed = NULL;

  if (drv == NULL)
    return FALSE;
  listed = gvir_driver_connection_list_networks (drv, cancellable, error);
  if (listed == NULL)
    return FALSE;
  /* Do not touch the cache for a call the caller gave up on. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  cache_sync (self, listed);
  return TRUE;
}

/**
 * gvir_connection_fetch_networks:
 * @conn: a #GVirConnection
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @err: return location for a #GError, or %NULL
 *
 * Lists the virtual networks of the hypervisor into the connection's
 * cache. Networks already known keep their #GVirNetwork object.
 *
 * Returns: %TRUE on success, %FALSE with @err set on failure
 */
gboolean
gvir_connection_fetch_networks (GVirConnection *conn, GCancellable *cancellable, GError **err)
{
  g_autoptr(ConnCall) call = conn_call_new (op_fetch_networks, NULL, NULL);

  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (err == NULL || *err == NULL, FALSE);

  return op_fetch_networks (conn, call, cancellable, err);
}

/**
 * gvir_connection_fetch_networks_async:
 * @conn: a #GVirConnection
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the cache is up to date
 * @user_data: (closure): data for @callback
 *
 * Lists the networks without blocking; see gvir_connection_fetch_networks().
 */
void
gvir_connection_fetch_networks_async (GVirConnection *conn, GCancellable *cancellable,
                                      GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIR_IS_CONNECTION (conn));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  conn_call_start (conn, conn_call_new (op_fetch_networks, NULL, NULL),
                   gvir_connection_fetch_networks_async, cancellable, callback, user_data);
}

/**
 * gvir_connection_fetch_networks_finish:
 * @conn: a #GVirConnection
 * @result: the #GAsyncResult passed to the callback
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_connection_fetch_networks_async().
 *
 * Returns: %TRUE on success, %FALSE with @err set on failure
 */
gboolean
gvir_connection_fetch_networks_finish (GVirConnection *conn, GAsyncResult *result,
                                       GError **err)
{
  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), FALSE);

  return conn_call_finish (conn, result, gvir_connection_fetch_networks_async, err) != NULL;
}

static gint
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (gvir_network_get_name ((GVirNetwork *) a),
                    gvir_network_get_name ((GVirNetwork *) b));
}

/**
 * gvir_connection_get_networks:
 * @conn: a #GVirConnection
 *
 * Gets the networks in the connection's cache (see
 * gvir_connection_fetch_networks()), sorted by name. Empty while the
 * connection is closed. Does not block.
 *
 * Returns: (transfer full) (element-type GVirNetwork): the networks
 */
GList *
gvir_connection_get_networks (GVirConnection *conn)
{
  NetworkCache *cache;
  GList *list;

  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);

  if (!gvir_connection_is_open (conn))
    return NULL;
  cache = get_cache (conn);
  g_mutex_lock (&cache->lock);
  list = g_hash_table_get_values (cache->by_uuid);
  g_list_foreach (list, (GFunc) (void (*) (void)) g_object_ref, NULL);
  g_mutex_unlock (&cache->lock);
  return g_list_sort (list, compare_names);
}

static gboolean
match_uuid (GVirNetwork *net, gconstpointer data)
{
  return g_str_equal (gvir_network_get_uuid (net), data);
}

static gboolean
match_name (GVirNetwork *net, gconstpointer data)
{
  return g_strcmp0 (gvir_network_get_name (net), data) == 0;
}

/**
 * gvir_connection_get_network:
 * @conn: a #GVirConnection
 * @uuid: the UUID of the network
 *
 * Looks a network up in the connection's cache by UUID (in any letter
 * case). Does not block.
 *
 * Returns: (transfer full) (nullable): the network, or %NULL
 */
GVirNetwork *
gvir_connection_get_network (GVirConnection *conn, const gchar *uuid)
{
  char canon[GVIR_UUID_STRING_SIZE];

  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  if (!gvir_uuid_canonicalize (uuid, canon))
    return NULL;
  return cache_find (conn, match_uuid, canon);
}

/**
 * gvir_connection_find_network_by_name:
 * @conn: a #GVirConnection
 * @name: the name of the network
 *
 * Looks a network up in the connection's cache by name. Does not block.
 *
 * Returns: (transfer full) (nullable): the network, or %NULL
 */
GVirNetwork *
gvir_connection_find_network_by_name (GVirConnection *conn, const gchar *name)
{
  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return cache_find (conn, match_name, name);
}
