/*
 * libvirt-gobject-connection-domains.c: GVirConnection's domain calls
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
#include "libvirt-gobject/libvirt-gobject-domain-cache-private.h"
#include "libvirt-gobject/libvirt-gobject-domain-private.h"

/* ---- domains ---------------------------------------------------------------- */

static gboolean
op_fetch_domains (GVirConnection *self, ConnCall *call, GCancellable *cancellable,
                  GError **error)
{
  g_autoptr(GVirDriverConnection) drv = _gvir_connection_dup_driver (self, error);
  g_autoptr(GPtrArray) listed = NULL;
  guint64 mark = _gvir_domain_cache_current_event_seq ();

  if (drv == NULL)
    return FALSE;
  listed = gvir_driver_connection_list_domains (drv, cancellable, error);
  if (listed == NULL)
    return FALSE;
  /* Do not touch the cache for a call the caller gave up on. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  _gvir_domain_cache_sync (_gvir_connection_get_domain_cache (self), drv, listed, mark);
  return TRUE;
}

/**
 * gvir_connection_fetch_domains:
 * @conn: a #GVirConnection
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @err: return location for a #GError, or %NULL
 *
 * Lists the domains of the hypervisor into the connection's cache.
 * Domains already known keep their #GVirDomain object and are updated in
 * place; #GVirConnection::domain-added is emitted for new ones and
 * #GVirConnection::domain-removed for those that vanished.
 *
 * Returns: %TRUE on success, %FALSE with @err set on failure
 */
gboolean
gvir_connection_fetch_domains (GVirConnection *conn, GCancellable *cancellable, GError **err)
{
  g_autoptr(ConnCall) call = conn_call_new (op_fetch_domains, NULL, NULL);

  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (err == NULL || *err == NULL, FALSE);

  return op_fetch_domains (conn, call, cancellable, err);
}

/**
 * gvir_connection_fetch_domains_async:
 * @conn: a #GVirConnection
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the cache is up to date
 * @user_data: (closure): data for @callback
 *
 * Lists the domains without blocking; see gvir_connection_fetch_domains().
 */
void
gvir_connection_fetch_domains_async (GVirConnection *conn, GCancellable *cancellable,
                                     GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIR_IS_CONNECTION (conn));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  conn_call_start (conn, conn_call_new (op_fetch_domains, NULL, NULL),
                   gvir_connection_fetch_domains_async, cancellable, callback, user_data);
}

/**
 * gvir_connection_fetch_domains_finish:
 * @conn: a #GVirConnection
 * @result: the #GAsyncResult passed to the callback
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_connection_fetch_domains_async().
 *
 * Returns: %TRUE on success, %FALSE with @err set on failure
 */
gboolean
gvir_connection_fetch_domains_finish (GVirConnection *conn, GAsyncResult *result,
                                      GError **err)
{
  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), FALSE);

  return conn_call_finish (conn, result, gvir_connection_fetch_domains_async, err) != NULL;
}

/**
 * gvir_connection_get_domains:
 * @conn: a #GVirConnection
 *
 * Gets the domains in the connection's cache (see
 * gvir_connection_fetch_domains()). Empty while the connection is closed.
 *
 * Returns: (transfer full) (element-type GVirDomain): the domains
 */
GList *
gvir_connection_get_domains (GVirConnection *conn)
{
  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);

  return _gvir_domain_cache_list (_gvir_connection_get_domain_cache (conn));
}

/**
 * gvir_connection_get_domain:
 * @conn: a #GVirConnection
 * @uuid: the UUID of the domain
 *
 * Looks a domain up in the connection's cache by UUID (in any letter
 * case). Does not block.
 *
 * Returns: (transfer full) (nullable): the domain, or %NULL
 */
GVirDomain *
gvir_connection_get_domain (GVirConnection *conn, const gchar *uuid)
{
  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  return _gvir_domain_cache_lookup (_gvir_connection_get_domain_cache (conn), uuid);
}

static GVirDomain *
find_domain (GVirConnection *self, GVirDomainCacheMatchFunc match, gconstpointer data)
{
  return _gvir_domain_cache_find (_gvir_connection_get_domain_cache (self), match, data);
}

static gboolean
match_id (GVirDomain *dom, gconstpointer data)
{
  return _gvir_domain_get_cached_id (dom) == *(const gint *) data;
}

static gboolean
match_name (GVirDomain *dom, gconstpointer data)
{
  return g_strcmp0 (gvir_domain_get_name (dom), data) == 0;
}

/**
 * gvir_connection_find_domain_by_id:
 * @conn: a #GVirConnection
 * @id: the id of a running domain
 *
 * Looks a running domain up in the connection's cache by id. Does not
 * block.
 *
 * Returns: (transfer full) (nullable): the domain, or %NULL
 */
GVirDomain *
gvir_connection_find_domain_by_id (GVirConnection *conn, gint id)
{
  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);

  if (id < 0)
    return NULL;
  return find_domain (conn, match_id, &id);
}

/**
 * gvir_connection_find_domain_by_name:
 * @conn: a #GVirConnection
 * @name: the name of the domain
 *
 * Looks a domain up in the connection's cache by name. Does not block.
 *
 * Returns: (transfer full) (nullable): the domain, or %NULL
 */
GVirDomain *
gvir_connection_find_domain_by_name (GVirConnection *conn, const gchar *name)
{
  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return find_domain (conn, match_name, name);
}

/* Shared by create, start and restore: the driver returns the new domain,
 * which enters the cache at once. */
static gboolean
track_result (GVirConnection *self, GVirDriverConnection *drv, GVirDriverDomain *domain,
              ConnCall *call, GError **error)
{
  if (domain == NULL)
    return FALSE;
  call->result = _gvir_domain_cache_track (_gvir_connection_get_domain_cache (self), drv, domain,
                                           error);
  call->result_free = g_object_unref;
  gvir_driver_domain_free (domain);
  return call->result != NULL;
}

/* The only argument of create is the GVirConfigDomain to define. */
static gboolean
op_create_domain (GVirConnection *self, ConnCall *call, GCancellable *cancellable,
                  GError **error)
{
  g_autoptr(GVirDriverConnection) drv = _gvir_connection_dup_driver (self, error);
  GVirConfigDomain *conf = call->args;
  g_autofree char *xml = NULL;

  if (drv == NULL)
    return FALSE;
  xml = gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (conf));
  return track_result (self, drv,
                       gvir_driver_connection_define_domain (drv, xml, 0, cancellable, error),
                       call, error);
}

static ConnCall *
create_call_new (GVirConfigDomain *conf)
{
  return conn_call_new (op_create_domain, g_object_ref (conf), g_object_unref);
}

typedef struct
{
  GVirConfigDomain *conf;
  guint flags;
} StartDomainArgs;

static void
start_domain_args_free (gpointer data)
{
  StartDomainArgs *args = data;

  g_object_unref (args->conf);
  g_free (args);
}

static gboolean
op_start_domain (GVirConnection *self, ConnCall *call, GCancellable *cancellable,
                 GError **error)
{
  g_autoptr(GVirDriverConnection) drv = _gvir_connection_dup_driver (self, error);
  StartDomainArgs *args = call->args;
  g_autofree char *xml = NULL;

  if (drv == NULL)
    return FALSE;
  xml = gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (args->conf));
  return track_result (self, drv,
                       gvir_driver_connection_create_domain (drv, xml, args->flags,
                                                             cancellable, error),
                       call, error);
}

static ConnCall *
start_call_new (GVirConfigDomain *conf, guint flags)
{
  StartDomainArgs *args = g_new0 (StartDomainArgs, 1);

  args->conf = g_object_ref (conf);
  args->flags = flags;
  return conn_call_new (op_start_domain, args, start_domain_args_free);
}

typedef struct
{
  char *filename;
  GVirConfigDomain *custom_conf;  /* NULL: the configuration in the file */
  guint flags;
} RestoreDomainArgs;

static void
restore_domain_args_free (gpointer data)
{
  RestoreDomainArgs *args = data;

  g_free (args->filename);
  g_clear_object (&args->custom_conf);
  g_free (args);
}

static gboolean
op_restore_domain (GVirConnection *self, ConnCall *call, GCancellable *cancellable,
                   GError **error)
{
  g_autoptr(GVirDriverConnection) drv = _gvir_connection_dup_driver (self, error);
  RestoreDomainArgs *args = call->args;
  g_autofree char *custom_xml = NULL;

  if (drv == NULL)
    return FALSE;
  if (args->custom_conf != NULL)
    custom_xml = gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (args->custom_conf));
  return track_result (self, drv,
                       gvir_driver_connection_restore_domain_from_file (drv, args->filename,
                                                                        custom_xml,
                                                                        args->flags,
                                                                        cancellable, error),
                       call, error);
}

static ConnCall *
restore_call_new (const gchar *filename, GVirConfigDomain *custom_conf, guint flags)
{
  RestoreDomainArgs *args = g_new0 (RestoreDomainArgs, 1);

  args->filename = g_strdup (filename);
  if (custom_conf != NULL)
    args->custom_conf = g_object_ref (custom_conf);
  args->flags = flags;
  return conn_call_new (op_restore_domain, args, restore_domain_args_free);
}

/**
 * gvir_connection_create_domain:
 * @conn: a #GVirConnection
 * @conf: the configuration of the new domain
 * @err: return location for a #GError, or %NULL
 *
 * Defines a persistent domain from @conf; it stays shut off until
 * gvir_domain_start(). If a domain with the same UUID exists, its
 * definition is replaced. The domain enters the connection's cache and
 * #GVirConnection::domain-added is emitted if it is new.
 *
 * Returns: (transfer full) (nullable): the domain, or %NULL with @err set
 */
GVirDomain *
gvir_connection_create_domain (GVirConnection *conn, GVirConfigDomain *conf, GError **err)
{
  g_autoptr(ConnCall) call = NULL;

  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN (conf), NULL);
  g_return_val_if_fail (err == NULL || *err == NULL, NULL);

  call = create_call_new (conf);
  return conn_call_sync_pointer (conn, call, err);
}

/**
 * gvir_connection_create_domain_async:
 * @conn: a #GVirConnection
 * @conf: the configuration of the new domain
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the domain is defined
 * @user_data: (closure): data for @callback
 *
 * Defines a persistent domain without blocking; see
 * gvir_connection_create_domain().
 */
void
gvir_connection_create_domain_async (GVirConnection *conn, GVirConfigDomain *conf,
                                     GCancellable *cancellable, GAsyncReadyCallback callback,
                                     gpointer user_data)
{
  g_return_if_fail (GVIR_IS_CONNECTION (conn));
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN (conf));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  conn_call_start (conn, create_call_new (conf),
                   gvir_connection_create_domain_async, cancellable, callback, user_data);
}

/**
 * gvir_connection_create_domain_finish:
 * @conn: a #GVirConnection
 * @result: the #GAsyncResult passed to the callback
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_connection_create_domain_async().
 *
 * Returns: (transfer full) (nullable): the domain, or %NULL with @err set
 */
GVirDomain *
gvir_connection_create_domain_finish (GVirConnection *conn, GAsyncResult *result,
                                      GError **err)
{
  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);

  return conn_call_finish_pointer (conn, result, gvir_connection_create_domain_async, err);
}

/**
 * gvir_connection_start_domain:
 * @conn: a #GVirConnection
 * @conf: the configuration of the new domain
 * @flags: #GVirDomainStartFlags
 * @err: return location for a #GError, or %NULL
 *
 * Creates and starts a transient domain from @conf. It disappears when
 * it stops. The domain enters the connection's cache and
 * #GVirConnection::domain-added is emitted.
 *
 * Returns: (transfer full) (nullable): the domain, or %NULL with @err set
 */
GVirDomain *
gvir_connection_start_domain (GVirConnection *conn, GVirConfigDomain *conf, guint flags,
                              GError **err)
{
  g_autoptr(ConnCall) call = NULL;

  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN (conf), NULL);
  g_return_val_if_fail (err == NULL || *err == NULL, NULL);

  call = start_call_new (conf, flags);
  return conn_call_sync_pointer (conn, call, err);
}

/**
 * gvir_connection_start_domain_async:
 * @conn: a #GVirConnection
 * @conf: the configuration of the new domain
 * @flags: #GVirDomainStartFlags
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the domain runs
 * @user_data: (closure): data for @callback
 *
 * Creates and starts a transient domain without blocking; see
 * gvir_connection_start_domain().
 */
void
gvir_connection_start_domain_async (GVirConnection *conn, GVirConfigDomain *conf, guint flags,
                                    GCancellable *cancellable, GAsyncReadyCallback callback,
                                    gpointer user_data)
{
  g_return_if_fail (GVIR_IS_CONNECTION (conn));
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN (conf));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  conn_call_start (conn, start_call_new (conf, flags),
                   gvir_connection_start_domain_async, cancellable, callback, user_data);
}

/**
 * gvir_connection_start_domain_finish:
 * @conn: a #GVirConnection
 * @result: the #GAsyncResult passed to the callback
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_connection_start_domain_async().
 *
 * Returns: (transfer full) (nullable): the domain, or %NULL with @err set
 */
GVirDomain *
gvir_connection_start_domain_finish (GVirConnection *conn, GAsyncResult *result,
                                     GError **err)
{
  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);

  return conn_call_finish_pointer (conn, result, gvir_connection_start_domain_async, err);
}

/**
 * gvir_connection_restore_domain_from_file:
 * @conn: a #GVirConnection
 * @filename: a file written by gvir_domain_save_to_file()
 * @custom_conf: (nullable): a configuration to use instead of the one
 *   recorded in the file, or %NULL
 * @flags: unused, pass 0
 * @err: return location for a #GError, or %NULL
 *
 * Restores a domain saved to @filename and starts it running.
 *
 * Returns: %TRUE on success, %FALSE with @err set on failure
 */
gboolean
gvir_connection_restore_domain_from_file (GVirConnection *conn, const gchar *filename,
                                          GVirConfigDomain *custom_conf, guint flags,
                                          GError **err)
{
  g_autoptr(ConnCall) call = NULL;

  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);
  g_return_val_if_fail (custom_conf == NULL || GVIR_CONFIG_IS_DOMAIN (custom_conf), FALSE);
  g_return_val_if_fail (err == NULL || *err == NULL, FALSE);

  call = restore_call_new (filename, custom_conf, flags);
  return conn_call_sync (conn, call, err);
}

/**
 * gvir_connection_restore_domain_from_file_async:
 * @conn: a #GVirConnection
 * @filename: a file written by gvir_domain_save_to_file()
 * @custom_conf: (nullable): a configuration to use instead of the one
 *   recorded in the file, or %NULL
 * @flags: unused, pass 0
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the domain runs
 * @user_data: (closure): data for @callback
 *
 * Restores a saved domain without blocking; see
 * gvir_connection_restore_domain_from_file().
 */
void
gvir_connection_restore_domain_from_file_async (GVirConnection *conn, const gchar *filename,
                                                GVirConfigDomain *custom_conf, guint flags,
                                                GCancellable *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer user_data)
{
  g_return_if_fail (GVIR_IS_CONNECTION (conn));
  g_return_if_fail (filename != NULL);
  g_return_if_fail (custom_conf == NULL || GVIR_CONFIG_IS_DOMAIN (custom_conf));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  conn_call_start (conn, restore_call_new (filename, custom_conf, flags),
                   gvir_connection_restore_domain_from_file_async, cancellable,
                   callback, user_data);
}

/**
 * gvir_connection_restore_domain_from_file_finish:
 * @conn: a #GVirConnection
 * @result: the #GAsyncResult passed to the callback
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_connection_restore_domain_from_file_async().
 *
 * Returns: %TRUE on success, %FALSE with @err set on failure
 */
gboolean
gvir_connection_restore_domain_from_file_finish (GVirConnection *conn, GAsyncResult *result,
                                                 GError **err)
{
  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), FALSE);

  return conn_call_finish (conn, result, gvir_connection_restore_domain_from_file_async,
                           err) != NULL;
}

/* ---- host NUMA topology --------------------------------------------------- */