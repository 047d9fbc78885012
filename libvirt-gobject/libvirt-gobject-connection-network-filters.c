/*
 * libvirt-gobject-connection-network-filters.c: GVirConnection's network filters
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * libvirt-glib has GVirNetworkFilter but no way to obtain one: these
 * functions are ours, in our own symbol version node.
 */
#include "config.h"

#include "libvirt-gobject/libvirt-gobject-connection.h"
#include "libvirt-gobject/libvirt-gobject-connection-call-private.h"
#include "libvirt-gobject/libvirt-gobject-object-cache-private.h"
#include "libvirt-gobject/libvirt-gobject-network-filter-private.h"

/* ---- the cache ------------------------------------------------------------- */

/* Each filter keeps one GVirNetworkFilter, by UUID, for the life of the
 * connection; libvirt never renames a filter (a definition with a known
 * UUID and another name is refused), so there is nothing to update. */

static const char *
network_filter_key (gconstpointer desc)
{
  return ((const GVirDriverNetworkFilter *) desc)->uuid;
}

static gpointer
network_filter_create (GVirConnection *conn, gconstpointer desc)
{
  return _gvir_network_filter_new (conn, desc);
}

static void
network_filter_update (gpointer object, gconstpointer desc)
{
}

static const GVirObjectCacheKind network_filter_kind = {
  .data_key = "gvir-connection-network-filter-cache",
  .list = gvir_driver_connection_list_network_filters,
  .key = network_filter_key,
  .create = network_filter_create,
  .update = network_filter_update,
};

/* ---- the calls --------------------------------------------------------------- */

/**
 * gvir_connection_fetch_network_filters:
 * @conn: a #GVirConnection
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @err: return location for a #GError, or %NULL
 *
 * Lists the network filters into the connection's cache. Filters already
 * known keep their #GVirNetworkFilter object. Not in libvirt-glib.
 *
 * Returns: %TRUE on success, %FALSE with @err set on failure
 *   (%GVIR_ERROR_NOT_SUPPORTED when the driver has no network filters,
 *   as libvirt's test driver)
 */
gboolean
gvir_connection_fetch_network_filters (GVirConnection *conn, GCancellable *cancellable,
                                       GError **err)
{
  g_autoptr(ConnCall) call = conn_call_new (_gvir_object_cache_fetch,
                                            (gpointer) &network_filter_kind, NULL);

  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (err == NULL || *err == NULL, FALSE);

  return _gvir_object_cache_fetch (conn, call, cancellable, err);
}

/**
 * gvir_connection_fetch_network_filters_async:
 * @conn: a #GVirConnection
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the cache is up to date
 * @user_data: (closure): data for @callback
 *
 * Lists the network filters without blocking; see
 * gvir_connection_fetch_network_filters().
 */
void
gvir_connection_fetch_network_filters_async (GVirConnection *conn, GCancellable *cancellable,
                                             GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIR_IS_CONNECTION (conn));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  conn_call_start (conn,
                   conn_call_new (_gvir_object_cache_fetch, (gpointer) &network_filter_kind, NULL),
                   gvir_connection_fetch_network_filters_async, cancellable, callback, user_data);
}

/**
 * gvir_connection_fetch_network_filters_finish:
 * @conn: a #GVirConnection
 * @result: the #GAsyncResult passed to the callback
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_connection_fetch_network_filters_async().
 *
 * Returns: %TRUE on success, %FALSE with @err set on failure
 */
gboolean
gvir_connection_fetch_network_filters_finish (GVirConnection *conn, GAsyncResult *result,
                                              GError **err)
{
  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), FALSE);

  return conn_call_finish (conn, result, gvir_connection_fetch_network_filters_async, err) != NULL;
}

static gint
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (gvir_network_filter_get_name ((GVirNetworkFilter *) a),
                    gvir_network_filter_get_name ((GVirNetworkFilter *) b));
}

/**
 * gvir_connection_get_network_filters:
 * @conn: a #GVirConnection
 *
 * Gets the network filters in the connection's cache (see
 * gvir_connection_fetch_network_filters()), sorted by name. Empty while the
 * connection is closed. Does not block.
 *
 * Returns: (transfer full) (element-type GVirNetworkFilter): the filters
 */
GList *
gvir_connection_get_network_filters (GVirConnection *conn)
{
  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);

  return _gvir_object_cache_list (conn, &network_filter_kind, compare_names);
}

static gboolean
match_name (gpointer filter, gconstpointer data)
{
  return g_strcmp0 (gvir_network_filter_get_name (filter), data) == 0;
}

/**
 * gvir_connection_get_network_filter:
 * @conn: a #GVirConnection
 * @name: the name of the filter
 *
 * Looks a network filter up in the connection's cache by name. Does not
 * block.
 *
 * Returns: (transfer full) (nullable): the filter, or %NULL
 */
GVirNetworkFilter *
gvir_connection_get_network_filter (GVirConnection *conn, const gchar *name)
{
  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return _gvir_object_cache_find (conn, &network_filter_kind, match_name, name);
}
