/*
 * libvirt-gobject-connection.c: a connection to a hypervisor
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
#include "libvirt-gobject/libvirt-gobject-domain-cache-private.h"
/**
 * SECTION:libvirt-gobject-connection
 * @title: GVirConnection
 * @short_description: A connection to a hypervisor
 *
 * A #GVirConnection opens a hypervisor URI such as `test:///default` or
 * `qemu:///system`, lists its domains and creates new ones.
 *
 * The connection remembers the thread-default main context in which it
 * was opened (for gvir_connection_open_async(), the context of the
 * caller) and emits every signal there: #GVirConnection::connection-opened,
 * #GVirConnection::connection-closed, #GVirConnection::domain-added,
 * #GVirConnection::domain-removed and the lifecycle signals of its
 * domains. It keeps one #GVirDomain per domain UUID for its whole life,
 * so handlers connected once keep working across
 * gvir_connection_fetch_domains() calls.
 *
 * Events from the hypervisor wait for that context to run. If it does not
 * run for a long time, at most 1024 events (and 16 MiB of their data) wait;
 * beyond that the oldest are dropped with a warning, their signals are
 * lost, and once the context runs the connection reads its domains again
 * (as gvir_connection_fetch_domains_async() does), so that the cache is
 * right. Strings from the hypervisor (host name, domain names) are
 * returned as valid UTF-8: invalid sequences are replaced by U+FFFD.
 *
 * After gvir_connection_close() lookups return nothing and calls fail
 * with %GVIR_ERROR_CONNECTION_CLOSED; the connection can be opened again.
 *
 * The host's NUMA topology is available as #GVirNodeCell objects
 * (gvir_connection_get_node_cells()), as current free memory per cell
 * (gvir_connection_get_cells_free_memory(), in bytes) and as the
 * #GVirNodeset of the host's nodes (gvir_connection_get_host_nodeset(),
 * gvir_connection_nodeset_is_available()).
 *
 * |[<!-- language="C" -->
 * g_autoptr(GVirConnection) conn = gvir_connection_new ("test:///default");
 * g_autoptr(GError) error = NULL;
 * GList *domains;
 *
 * if (!gvir_connection_open (conn, NULL, &error) ||
 *     !gvir_connection_fetch_domains (conn, NULL, &error))
 *   g_error ("%s", error->message);
 * domains = gvir_connection_get_domains (conn);
 * for (GList *l = domains; l != NULL; l = l->next)
 *   g_print ("%s\n", gvir_domain_get_name (l->data));
 * g_list_free_full (domains, g_object_unref);
 * ]|
 */
typedef struct
{
  char *uri;                  /* construct-only */
  /* The open state, the domains and the signals sent to the context the
   * connection was opened in: created with the object, freed with it. */
  GVirDomainCache *cache;
} GVirConnectionPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (GVirConnection, gvir_connection, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_URI,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_CONNECTION_OPENED,
  SIGNAL_CONNECTION_CLOSED,
  SIGNAL_DOMAIN_ADDED,
  SIGNAL_DOMAIN_REMOVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- GObject --------------------------------------------------------------- */

static void
gvir_connection_get_property (GObject *object, guint prop_id, GValue *value,
                              GParamSpec *pspec)
{
  GVirConnection *self = GVIR_CONNECTION (object);

  switch (prop_id)
    {
    case PROP_URI:
      g_value_set_string (value, gvir_connection_get_uri (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gvir_connection_set_property (GObject *object, guint prop_id, const GValue *value,
                              GParamSpec *pspec)
{
  GVirConnectionPrivate *priv = gvir_connection_get_instance_private (GVIR_CONNECTION (object));

  switch (prop_id)
    {
    case PROP_URI:
      priv->uri = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gvir_connection_dispose (GObject *object)
{
  GVirConnection *self = GVIR_CONNECTION (object);
  GVirConnectionPrivate *priv = gvir_connection_get_instance_private (self);

  /* A dying connection closes quietly: handlers may not expect to see an
   * object in dispose. */
  _gvir_domain_cache_close (priv->cache, FALSE);
  _gvir_domain_cache_clear (priv->cache);
  G_OBJECT_CLASS (gvir_connection_parent_class)->dispose (object);
}

static void
gvir_connection_finalize (GObject *object)
{
  GVirConnectionPrivate *priv = gvir_connection_get_instance_private (GVIR_CONNECTION (object));

  g_free (priv->uri);
  _gvir_domain_cache_free (priv->cache);
  G_OBJECT_CLASS (gvir_connection_parent_class)->finalize (object);
}

/* The default stream_new: a plain GVirStream. */
static GVirStream *
gvir_connection_stream_new (GVirConnection *conn,
                            gpointer        handle)
{
  return g_object_new (GVIR_TYPE_STREAM, "handle", handle, NULL);
}

static void
gvir_connection_class_init (GVirConnectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = gvir_connection_get_property;
  object_class->set_property = gvir_connection_set_property;
  object_class->dispose = gvir_connection_dispose;
  object_class->finalize = gvir_connection_finalize;
  klass->stream_new = gvir_connection_stream_new;

  /**
   * GVirConnection:uri:
   *
   * The URI of the hypervisor, for example `test:///default`.
   */
  properties[PROP_URI] =
    g_param_spec_string ("uri", "URI", "The hypervisor URI", NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GVirConnection::connection-opened:
   * @conn: the connection
   *
   * Emitted when the connection has been opened.
   */
  signals[SIGNAL_CONNECTION_OPENED] =
    g_signal_new ("connection-opened", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_FIRST | G_SIGNAL_NO_RECURSE | G_SIGNAL_NO_HOOKS,
                  G_STRUCT_OFFSET (GVirConnectionClass, connection_opened),
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * GVirConnection::connection-closed:
   * @conn: the connection
   *
   * Emitted once when the connection is closed, by gvir_connection_close()
   * or because the hypervisor went away.
   */
  signals[SIGNAL_CONNECTION_CLOSED] =
    g_signal_new ("connection-closed", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_FIRST | G_SIGNAL_NO_RECURSE | G_SIGNAL_NO_HOOKS,
                  G_STRUCT_OFFSET (GVirConnectionClass, connection_closed),
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * GVirConnection::domain-added:
   * @conn: the connection
   * @dom: the domain that appeared
   *
   * Emitted when a domain enters the connection's cache: found by
   * gvir_connection_fetch_domains(), created through this connection, or
   * reported by the hypervisor. It comes before any lifecycle signal of
   * the new domain (such as #GVirDomain::started of a domain created with
   * gvir_connection_start_domain_async()), so a handler can connect to
   * those here and miss none.
   */
  signals[SIGNAL_DOMAIN_ADDED] =
    g_signal_new ("domain-added", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_FIRST | G_SIGNAL_NO_RECURSE | G_SIGNAL_NO_HOOKS,
                  G_STRUCT_OFFSET (GVirConnectionClass, domain_added),
                  NULL, NULL, NULL, G_TYPE_NONE, 1, GVIR_TYPE_DOMAIN);

  /**
   * GVirConnection::domain-removed:
   * @conn: the connection
   * @dom: the domain that went away
   *
   * Emitted when a domain leaves the connection's cache because it no
   * longer exists (deleted while shut off, or a transient domain that
   * stopped).
   */
  signals[SIGNAL_DOMAIN_REMOVED] =
    g_signal_new ("domain-removed", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_FIRST | G_SIGNAL_NO_RECURSE | G_SIGNAL_NO_HOOKS,
                  G_STRUCT_OFFSET (GVirConnectionClass, domain_removed),
                  NULL, NULL, NULL, G_TYPE_NONE, 1, GVIR_TYPE_DOMAIN);
}

static void
gvir_connection_init (GVirConnection *self)
{
  GVirConnectionPrivate *priv = gvir_connection_get_instance_private (self);
  const GVirDomainCacheSignals cache_signals = {
    .connection_opened = signals[SIGNAL_CONNECTION_OPENED],
    .connection_closed = signals[SIGNAL_CONNECTION_CLOSED],
    .domain_added = signals[SIGNAL_DOMAIN_ADDED],
    .domain_removed = signals[SIGNAL_DOMAIN_REMOVED],
  };

  priv->cache = _gvir_domain_cache_new (self, &cache_signals);
}

/* ---- open ------------------------------------------------------------------ */

/* What an open needs; the async form runs it in a worker thread, since
 * there is no driver connection yet to make a driver call on. */
typedef struct
{
  gboolean read_only;
  GMainContext *context;      /* where the connection will emit */
} OpenArgs;

static OpenArgs *
open_args_new (gboolean read_only)
{
  OpenArgs *args = g_new0 (OpenArgs, 1);

  args->read_only = read_only;
  args->context = g_main_context_ref_thread_default ();
  return args;
}

static void
open_args_free (OpenArgs *args)
{
  g_main_context_unref (args->context);
  g_free (args);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpenArgs, open_args_free)

static gboolean
open_with (GVirConnection *self, OpenArgs *args, GCancellable *cancellable, GError **error)
{
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  return _gvir_domain_cache_open (_gvir_connection_get_domain_cache (self), args->read_only,
                                  args->context, cancellable, error);
}

static gboolean
connection_open_sync (GVirConnection *self, gboolean read_only, GCancellable *cancellable,
                      GError **error)
{
  g_autoptr(OpenArgs) args = open_args_new (read_only);

  if (!open_with (self, args, cancellable, error))
    return FALSE;
  _gvir_domain_cache_emit_opened (_gvir_connection_get_domain_cache (self));
  return TRUE;
}

static void
open_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (!open_with (GVIR_CONNECTION (source), task_data, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* Queued into the caller's context ahead of the task's completion, so
   * connection-opened is emitted there before the callback runs. */
  _gvir_domain_cache_emit_opened (_gvir_connection_get_domain_cache (source));
  g_task_return_boolean (task, TRUE);
}

static void
connection_open_async (GVirConnection *self, gboolean read_only, gpointer source_tag,
                       GCancellable *cancellable, GAsyncReadyCallback callback,
                       gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, open_args_new (read_only), (GDestroyNotify) open_args_free);
  g_task_run_in_thread (task, open_thread);
}

static gboolean
connection_open_finish (GVirConnection *self, GAsyncResult *result, gpointer source_tag,
                        GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * gvir_connection_new:
 * @uri: (nullable): the hypervisor URI, for example `test:///default`
 *
 * Creates a connection object for @uri. It is not open yet; call
 * gvir_connection_open() or one of its variants.
 *
 * Returns: (transfer full): a new #GVirConnection
 */
GVirConnection *
gvir_connection_new (const gchar *uri)
{
  return g_object_new (GVIR_TYPE_CONNECTION, "uri", uri, NULL);
}

/**
 * gvir_connection_open:
 * @conn: a #GVirConnection
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @err: return location for a #GError, or %NULL
 *
 * Opens the connection for reading and writing. The thread-default main
 * context of the calling thread becomes the context in which the
 * connection emits its signals. #GVirConnection::connection-opened is
 * emitted on success.
 *
 * Returns: %TRUE on success, %FALSE with @err set on failure
 */
gboolean
gvir_connection_open (GVirConnection *conn, GCancellable *cancellable, GError **err)
{
  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (err == NULL || *err == NULL, FALSE);

  return connection_open_sync (conn, FALSE, cancellable, err);
}

/**
 * gvir_connection_open_async:
 * @conn: a #GVirConnection
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the connection is open
 * @user_data: (closure): data for @callback
 *
 * Opens the connection for reading and writing without blocking. The
 * thread-default main context of the caller becomes the context in which
 * the connection emits its signals; #GVirConnection::connection-opened is
 * emitted there before @callback runs.
 */
void
gvir_connection_open_async (GVirConnection *conn, GCancellable *cancellable,
                            GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIR_IS_CONNECTION (conn));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  connection_open_async (conn, FALSE, gvir_connection_open_async, cancellable,
                         callback, user_data);
}

/**
 * gvir_connection_open_finish:
 * @conn: a #GVirConnection
 * @result: the #GAsyncResult passed to the callback
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_connection_open_async().
 *
 * Returns: %TRUE on success, %FALSE with @err set on failure
 */
gboolean
gvir_connection_open_finish (GVirConnection *conn, GAsyncResult *result, GError **err)
{
  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), FALSE);

  return connection_open_finish (conn, result, gvir_connection_open_async, err);
}

/**
 * gvir_connection_open_read_only:
 * @conn: a #GVirConnection
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @err: return location for a #GError, or %NULL
 *
 * Opens the connection read-only: queries work, every call that would
 * change something fails with %GVIR_ERROR_READ_ONLY. Otherwise like
 * gvir_connection_open().
 *
 * Returns: %TRUE on success, %FALSE with @err set on failure
 */
gboolean
gvir_connection_open_read_only (GVirConnection *conn, GCancellable *cancellable, GError **err)
{
  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (err == NULL || *err == NULL, FALSE);

  return connection_open_sync (conn, TRUE, cancellable, err);
}

/**
 * gvir_connection_open_read_only_async:
 * @conn: a #GVirConnection
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the connection is open
 * @user_data: (closure): data for @callback
 *
 * Opens the connection read-only without blocking; see
 * gvir_connection_open_read_only() and gvir_connection_open_async().
 */
void
gvir_connection_open_read_only_async (GVirConnection *conn, GCancellable *cancellable,
                                      GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIR_IS_CONNECTION (conn));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  connection_open_async (conn, TRUE, gvir_connection_open_read_only_async, cancellable,
                         callback, user_data);
}

/**
 * gvir_connection_open_read_only_finish:
 * @conn: a #GVirConnection
 * @result: the #GAsyncResult passed to the callback
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_connection_open_read_only_async().
 *
 * Returns: %TRUE on success, %FALSE with @err set on failure
 */
gboolean
gvir_connection_open_read_only_finish (GVirConnection *conn, GAsyncResult *result,
                                       GError **err)
{
  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), FALSE);

  return connection_open_finish (conn, result, gvir_connection_open_read_only_async, err);
}

/**
 * gvir_connection_is_open:
 * @conn: a #GVirConnection
 *
 * Whether the connection is open. %FALSE as soon as the driver knows the
 * connection is dead (the peer closed it, or sent something that broke
 * the protocol), even before #GVirConnection::connection-closed is
 * emitted in the connection's main context.
 *
 * Returns: %TRUE if the connection is open
 */
gboolean
gvir_connection_is_open (GVirConnection *conn)
{
  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), FALSE);

  return _gvir_domain_cache_is_open (_gvir_connection_get_domain_cache (conn));
}

/**
 * gvir_connection_is_read_only:
 * @conn: a #GVirConnection
 *
 * Whether the connection is open read-only.
 *
 * Returns: %TRUE if the connection is open and read-only
 */
gboolean
gvir_connection_is_read_only (GVirConnection *conn)
{
  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), FALSE);

  return _gvir_domain_cache_is_read_only (_gvir_connection_get_domain_cache (conn));
}

/**
 * gvir_connection_close:
 * @conn: a #GVirConnection
 *
 * Closes the connection and empties its domain cache. The domains it
 * handed out stay valid objects, but their calls fail with
 * %GVIR_ERROR_CONNECTION_CLOSED. #GVirConnection::connection-closed is
 * emitted if the connection was open. Closing a closed connection does
 * nothing. The connection may be opened again.
 */
void
gvir_connection_close (GVirConnection *conn)
{
  g_return_if_fail (GVIR_IS_CONNECTION (conn));

  _gvir_domain_cache_close (_gvir_connection_get_domain_cache (conn), TRUE);
}

/**
 * gvir_connection_get_uri:
 * @conn: a #GVirConnection
 *
 * Gets the URI the connection was created for.
 *
 * Returns: (transfer none) (nullable): the URI
 */
const gchar *
gvir_connection_get_uri (GVirConnection *conn)
{
  GVirConnectionPrivate *priv;

  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);

  priv = gvir_connection_get_instance_private (conn);
  return priv->uri;
}

/* ---- queries ---------------------------------------------------------------- */
/* ---- internal API ------------------------------------------------------------ */

GVirDomainCache *
_gvir_connection_get_domain_cache (GVirConnection *self)
{
  GVirConnectionPrivate *priv = gvir_connection_get_instance_private (self);

  return priv->cache;
}

GVirDriverConnection *
_gvir_connection_dup_driver (GVirConnection *self, GError **error)
{
  return _gvir_domain_cache_dup_driver (_gvir_connection_get_domain_cache (self), error);
}

guint
_gvir_connection_get_pending_events_max (void)
{
  return _gvir_domain_cache_get_pending_events_max ();
}

gsize
_gvir_connection_get_pending_events_max_bytes (void)
{
  return _gvir_domain_cache_get_pending_events_max_bytes ();
}

guint
_gvir_connection_get_pending_events (GVirConnection *self)
{
  return _gvir_domain_cache_get_pending_events (_gvir_connection_get_domain_cache (self));
}

guint
_gvir_connection_get_pending_events_high_water (GVirConnection *self)
{
  return _gvir_domain_cache_get_pending_events_high_water (
    _gvir_connection_get_domain_cache (self));
}

gsize
_gvir_connection_get_pending_bytes_high_water (GVirConnection *self)
{
  return _gvir_domain_cache_get_pending_bytes_high_water (
    _gvir_connection_get_domain_cache (self));
}
