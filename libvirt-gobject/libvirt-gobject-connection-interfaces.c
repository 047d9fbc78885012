/*
 * libvirt-gobject-connection-interfaces.c: GVirConnection's host network
 * interfaces
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
#include "libvirt-gobject/libvirt-gobject-connection-call-private.h"
#include "libvirt-gobject/libvirt-gobject-object-cache-private.h"
#include "libvirt-gobject/libvirt-gobject-interface-private.h"

/* ---- the cache ------------------------------------------------------------- */

/* Each interface keeps one GVirInterface, by name (libvirt's key for
 * interfaces), for the life of the connection. */

static const char *
interface_key (gconstpointer desc)
{
  return ((const GVirDriverInterface *) desc)->name;
}

static gpointer
interface_create (GVirConnection *conn, gconstpointer desc)
{
  return _gvir_interface_new (conn, desc);
}

static void
interface_update (gpointer object, gconstpointer desc)
{
  _gvir_interface_update (object, desc);
}

static const GVirObjectCacheKind interface_kind = {
  .data_key = "gvir-connection-interface-cache",
  .list = gvir_driver_connection_list_interfaces,
  .key = interface_key,
  .create = interface_create,
  .update = interface_update,
};

/* ---- the calls --------------------------------------------------------------- */

/**
 * gvir_connection_fetch_interfaces:
 * @conn: a #GVirConnection
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @err: return location for a #GError, or %NULL
 *
 * Lists the network interfaces of the host into the connection's cache.
 * Interfaces already known keep their #GVirInterface object.
 *
 * Returns: %TRUE on success, %FALSE with @err set on failure
 */
gboolean
gvir_connection_fetch_interfaces (GVirConnection *conn, GCancellable *cancellable, GError **err)
{
  g_autoptr(ConnCall) call = conn_call_new (_gvir_object_cache_fetch, (gpointer) &interface_kind,
                                            NULL);

  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (err == NULL || *err == NULL, FALSE);

  return _gvir_object_cache_fetch (conn, call, cancellable, err);
}

/**
 * gvir_connection_fetch_interfaces_async:
 * @conn: a #GVirConnection
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the cache is up to date
 * @user_data: (closure): data for @callback
 *
 * Lists the host's interfaces without blocking; see
 * gvir_connection_fetch_interfaces().
 */
void
gvir_connection_fetch_interfaces_async (GVirConnection *conn, GCancellable *cancellable,
                                        GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIR_IS_CONNECTION (conn));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  conn_call_start (conn, conn_call_new (_gvir_object_cache_fetch, (gpointer) &interface_kind, NULL),
                   gvir_connection_fetch_interfaces_async, cancellable, callback, user_data);
}

/**
 * gvir_connection_fetch_interfaces_finish:
 * @conn: a #GVirConnection
 * @result: the #GAsyncResult passed to the callback
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_connection_fetch_interfaces_async().
 *
 * Returns: %TRUE on success, %FALSE with @err set on failure
 */
gboolean
gvir_connection_fetch_interfaces_finish (GVirConnection *conn, GAsyncResult *result,
                                         GError **err)
{
  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), FALSE);

  return conn_call_finish (conn, result, gvir_connection_fetch_interfaces_async, err) != NULL;
}

static gint
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (gvir_interface_get_name ((GVirInterface *) a),
                    gvir_interface_get_name ((GVirInterface *) b));
}

/**
 * gvir_connection_get_interfaces:
 * @conn: a #GVirConnection
 *
 * Gets the interfaces in the connection's cache (see
 * gvir_connection_fetch_interfaces()), sorted by name. Empty while the
 * connection is closed. Does not block.
 *
 * Returns: (transfer full) (element-type GVirInterface): the interfaces
 */
GList *
gvir_connection_get_interfaces (GVirConnection *conn)
{
  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);

  return _gvir_object_cache_list (conn, &interface_kind, compare_names);
}

static gboolean
match_name (gpointer iface, gconstpointer data)
{
  return g_strcmp0 (gvir_interface_get_name (iface), data) == 0;
}

static gboolean
match_mac (gpointer iface, gconstpointer data)
{
  return g_ascii_strcasecmp (gvir_interface_get_mac (iface), data) == 0;
}

/**
 * gvir_connection_get_interface:
 * @conn: a #GVirConnection
 * @name: the name of the interface
 *
 * Looks an interface up in the connection's cache by name. Does not block.
 *
 * Returns: (transfer full) (nullable): the interface, or %NULL
 */
GVirInterface *
gvir_connection_get_interface (GVirConnection *conn, const gchar *name)
{
  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return _gvir_object_cache_find (conn, &interface_kind, match_name, name);
}

/**
 * gvir_connection_find_interface_by_mac:
 * @conn: a #GVirConnection
 * @macaddr: a MAC address, in any letter case
 *
 * Looks an interface up in the connection's cache by MAC address. When
 * several interfaces share it (a bond and its slaves), any one of them is
 * returned; look them up by name to choose. Does not block.
 *
 * Returns: (transfer full) (nullable): the interface, or %NULL
 */
GVirInterface *
gvir_connection_find_interface_by_mac (GVirConnection *conn, const gchar *macaddr)
{
  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);
  g_return_val_if_fail (macaddr != NULL, NULL);

  return _gvir_object_cache_find (conn, &interface_kind, match_mac, macaddr);
}
