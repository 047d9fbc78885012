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
#include "libvirt-gobject/libvirt-gobject-object-cache-private.h"
#include "libvirt-gobject/libvirt-gobject-network-private.h"
#include "libvirt-gobject/util/gvir-uuid-private.h"

/* ---- the cache ------------------------------------------------------------- */

/* Each network keeps one GVirNetwork, by UUID, for the life of the
 * connection (libvirt-gobject-object-cache.c). */

static const char *
network_key (gconstpointer desc)
{
  return ((const GVirDriverNetwork *) desc)->uuid;
}

static gpointer
network_create (GVirConnection *conn, gconstpointer desc)
{
  return _gvir_network_new (conn, desc);
}

static void
network_update (gpointer object, gconstpointer desc)
{
  _gvir_network_update (object, desc);
}

static const GVirObjectCacheKind network_kind = {
  .data_key = "gvir-connection-network-cache",
  .list = gvir_driver_connection_list_networks,
  .key = network_key,
  .create = network_create,
  .update = network_update,
};

/* ---- the calls --------------------------------------------------------------- */

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
  g_autoptr(ConnCall) call = conn_call_new (_gvir_object_cache_fetch, (gpointer) &network_kind,
                                            NULL);

  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (err == NULL || *err == NULL, FALSE);

  return _gvir_object_cache_fetch (conn, call, cancellable, err);
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

  conn_call_start (conn, conn_call_new (_gvir_object_cache_fetch, (gpointer) &network_kind, NULL),
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
  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);

  return _gvir_object_cache_list (conn, &network_kind, compare_names);
}

static gboolean
match_uuid (gpointer net, gconstpointer data)
{
  return g_str_equal (gvir_network_get_uuid (net), data);
}

static gboolean
match_name (gpointer net, gconstpointer data)
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
  return _gvir_object_cache_find (conn, &network_kind, match_uuid, canon);
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

  return _gvir_object_cache_find (conn, &network_kind, match_name, name);
}
