/*
 * libvirt-gobject-connection-node-devices.c: GVirConnection's host devices
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * libvirt-glib has GVirNodeDevice but no way to obtain one: these
 * functions are ours, in our own symbol version node.
 */
#include "config.h"

#include "libvirt-gobject/libvirt-gobject-connection.h"
#include "libvirt-gobject/libvirt-gobject-connection-call-private.h"
#include "libvirt-gobject/libvirt-gobject-object-cache-private.h"
#include "libvirt-gobject/libvirt-gobject-node-device-private.h"

/* ---- the cache ------------------------------------------------------------- */

/* Each device keeps one GVirNodeDevice, by name, for the life of the
 * connection; a device is nothing but its name, so there is nothing to
 * update. */

static const char *
node_device_key (gconstpointer desc)
{
  return ((const GVirDriverNodeDevice *) desc)->name;
}

static gpointer
node_device_create (GVirConnection *conn, gconstpointer desc)
{
  return _gvir_node_device_new (conn, desc);
}

static void
node_device_update (gpointer object, gconstpointer desc)
{
}

static const GVirObjectCacheKind node_device_kind = {
  .data_key = "gvir-connection-node-device-cache",
  .list = gvir_driver_connection_list_node_devices,
  .key = node_device_key,
  .create = node_device_create,
  .update = node_device_update,
};

/* ---- the calls --------------------------------------------------------------- */

/**
 * gvir_connection_fetch_node_devices:
 * @conn: a #GVirConnection
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @err: return location for a #GError, or %NULL
 *
 * Lists the devices of the host into the connection's cache. Devices
 * already known keep their #GVirNodeDevice object. Not in libvirt-glib.
 *
 * Returns: %TRUE on success, %FALSE with @err set on failure
 *   (%GVIR_ERROR_NOT_SUPPORTED when the driver has no node devices)
 */
gboolean
gvir_connection_fetch_node_devices (GVirConnection *conn, GCancellable *cancellable,
                                    GError **err)
{
  g_autoptr(ConnCall) call = conn_call_new (_gvir_object_cache_fetch,
                                            (gpointer) &node_device_kind, NULL);

  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (err == NULL || *err == NULL, FALSE);

  return _gvir_object_cache_fetch (conn, call, cancellable, err);
}

/**
 * gvir_connection_fetch_node_devices_async:
 * @conn: a #GVirConnection
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the cache is up to date
 * @user_data: (closure): data for @callback
 *
 * Lists the host's devices without blocking; see
 * gvir_connection_fetch_node_devices().
 */
void
gvir_connection_fetch_node_devices_async (GVirConnection *conn, GCancellable *cancellable,
                                          GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIR_IS_CONNECTION (conn));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  conn_call_start (conn, conn_call_new (_gvir_object_cache_fetch, (gpointer) &node_device_kind,
                                        NULL),
                   gvir_connection_fetch_node_devices_async, cancellable, callback, user_data);
}

/**
 * gvir_connection_fetch_node_devices_finish:
 * @conn: a #GVirConnection
 * @result: the #GAsyncResult passed to the callback
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_connection_fetch_node_devices_async().
 *
 * Returns: %TRUE on success, %FALSE with @err set on failure
 */
gboolean
gvir_connection_fetch_node_devices_finish (GVirConnection *conn, GAsyncResult *result,
                                           GError **err)
{
  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), FALSE);

  return conn_call_finish (conn, result, gvir_connection_fetch_node_devices_async, err) != NULL;
}

static gint
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (gvir_node_device_get_name ((GVirNodeDevice *) a),
                    gvir_node_device_get_name ((GVirNodeDevice *) b));
}

/**
 * gvir_connection_get_node_devices:
 * @conn: a #GVirConnection
 *
 * Gets the devices in the connection's cache (see
 * gvir_connection_fetch_node_devices()), sorted by name. Empty while the
 * connection is closed. Does not block.
 *
 * Returns: (transfer full) (element-type GVirNodeDevice): the devices
 */
GList *
gvir_connection_get_node_devices (GVirConnection *conn)
{
  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);

  return _gvir_object_cache_list (conn, &node_device_kind, compare_names);
}

static gboolean
match_name (gpointer device, gconstpointer data)
{
  return g_strcmp0 (gvir_node_device_get_name (device), data) == 0;
}

/**
 * gvir_connection_get_node_device:
 * @conn: a #GVirConnection
 * @name: the name of the device
 *
 * Looks a device up in the connection's cache by name. Does not block.
 *
 * Returns: (transfer full) (nullable): the device, or %NULL
 */
GVirNodeDevice *
gvir_connection_get_node_device (GVirConnection *conn, const gchar *name)
{
  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return _gvir_object_cache_find (conn, &node_device_kind, match_name, name);
}
