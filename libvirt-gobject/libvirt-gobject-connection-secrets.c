/*
 * libvirt-gobject-connection-secrets.c: GVirConnection's secrets
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * libvirt-glib has GVirSecret but no way to obtain one: these functions
 * are ours, in our own symbol version node.
 */
#include "config.h"

#include "libvirt-gobject/libvirt-gobject-connection.h"
#include "libvirt-gobject/libvirt-gobject-connection-call-private.h"
#include "libvirt-gobject/libvirt-gobject-object-cache-private.h"
#include "libvirt-gobject/libvirt-gobject-secret-private.h"
#include "libvirt-gobject/util/gvir-uuid-private.h"

/* ---- the cache ------------------------------------------------------------- */

/* Each secret keeps one GVirSecret, by UUID, for the life of the
 * connection; libvirt never changes a secret's usage, so there is nothing
 * to update. */

static const char *
secret_key (gconstpointer desc)
{
  return ((const GVirDriverSecret *) desc)->uuid;
}

static gpointer
secret_create (GVirConnection *conn, gconstpointer desc)
{
  return _gvir_secret_new (conn, desc);
}

static void
secret_update (gpointer object, gconstpointer desc)
{
}

static const GVirObjectCacheKind secret_kind = {
  .data_key = "gvir-connection-secret-cache",
  .list = gvir_driver_connection_list_secrets,
  .key = secret_key,
  .create = secret_create,
  .update = secret_update,
};

/* ---- the calls --------------------------------------------------------------- */

/**
 * gvir_connection_fetch_secrets:
 * @conn: a #GVirConnection
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @err: return location for a #GError, or %NULL
 *
 * Lists the host's secrets into the connection's cache. Secrets already
 * known keep their #GVirSecret object; gone ones leave the cache. Not in
 * libvirt-glib.
 *
 * Returns: %TRUE on success, %FALSE with @err set on failure
 *   (%GVIR_ERROR_NOT_SUPPORTED when the driver keeps no secrets, as
 *   libvirt's test driver)
 */
gboolean
gvir_connection_fetch_secrets (GVirConnection *conn, GCancellable *cancellable, GError **err)
{
  g_autoptr(ConnCall) call = conn_call_new (_gvir_object_cache_fetch, (gpointer) &secret_kind,
                                            NULL);

  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (err == NULL || *err == NULL, FALSE);

  return _gvir_object_cache_fetch (conn, call, cancellable, err);
}

/**
 * gvir_connection_fetch_secrets_async:
 * @conn: a #GVirConnection
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the cache is up to date
 * @user_data: (closure): data for @callback
 *
 * Lists the host's secrets without blocking; see
 * gvir_connection_fetch_secrets().
 */
void
gvir_connection_fetch_secrets_async (GVirConnection *conn, GCancellable *cancellable,
                                     GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIR_IS_CONNECTION (conn));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  conn_call_start (conn, conn_call_new (_gvir_object_cache_fetch, (gpointer) &secret_kind, NULL),
                   gvir_connection_fetch_secrets_async, cancellable, callback, user_data);
}

/**
 * gvir_connection_fetch_secrets_finish:
 * @conn: a #GVirConnection
 * @result: the #GAsyncResult passed to the callback
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_connection_fetch_secrets_async().
 *
 * Returns: %TRUE on success, %FALSE with @err set on failure
 */
gboolean
gvir_connection_fetch_secrets_finish (GVirConnection *conn, GAsyncResult *result, GError **err)
{
  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), FALSE);

  return conn_call_finish (conn, result, gvir_connection_fetch_secrets_async, err) != NULL;
}

static gint
compare_uuids (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (gvir_secret_get_uuid ((GVirSecret *) a),
                    gvir_secret_get_uuid ((GVirSecret *) b));
}

/**
 * gvir_connection_get_secrets:
 * @conn: a #GVirConnection
 *
 * Gets the secrets in the connection's cache (see
 * gvir_connection_fetch_secrets()), sorted by UUID. Empty while the
 * connection is closed. Does not block.
 *
 * Returns: (transfer full) (element-type GVirSecret): the secrets
 */
GList *
gvir_connection_get_secrets (GVirConnection *conn)
{
  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);

  return _gvir_object_cache_list (conn, &secret_kind, compare_uuids);
}

static gboolean
match_uuid (gpointer secret, gconstpointer data)
{
  return g_str_equal (gvir_secret_get_uuid (secret), data);
}

/**
 * gvir_connection_get_secret:
 * @conn: a #GVirConnection
 * @uuid: the UUID of the secret
 *
 * Looks a secret up in the connection's cache by UUID (in any letter
 * case). Does not block.
 *
 * Returns: (transfer full) (nullable): the secret, or %NULL
 */
GVirSecret *
gvir_connection_get_secret (GVirConnection *conn, const gchar *uuid)
{
  char canon[GVIR_UUID_STRING_SIZE];

  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  if (!gvir_uuid_canonicalize (uuid, canon))
    return NULL;
  return _gvir_object_cache_find (conn, &secret_kind, match_uuid, canon);
}
