/*
 * libvirt-gobject-manager.c: a set of connections
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include "libvirt-gobject/libvirt-gobject-manager.h"

/**
 * SECTION:libvirt-gobject-manager
 * @title: GVirManager
 * @short_description: A set of connections kept together
 *
 * #GVirManager holds a reference to each #GVirConnection added to it, once
 * each, and tells about changes with #GVirManager::connection-added and
 * #GVirManager::connection-removed, emitted in the thread that made the
 * change. It opens and closes nothing itself.
 *
 * |[<!-- language="C" -->
 * g_autoptr(GVirManager) manager = gvir_manager_new ();
 * gvir_manager_add_connection (manager, conn);
 * g_autoptr(GVirConnection) found =
 *   gvir_manager_find_connection_by_uri (manager, "test:///default");
 * ]|
 */

typedef struct
{
  GMutex lock;              /* guards @connections: callers may be on any thread */
  GList *connections;       /* (element-type GVirConnection) (owned), oldest first */
} GVirManagerPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (GVirManager, gvir_manager, G_TYPE_OBJECT)

enum
{
  SIGNAL_CONNECTION_ADDED,
  SIGNAL_CONNECTION_REMOVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
gvir_manager_finalize (GObject *object)
{
  GVirManagerPrivate *priv = gvir_manager_get_instance_private (GVIR_MANAGER (object));

  g_list_free_full (priv->connections, g_object_unref);
  g_mutex_clear (&priv->lock);

  G_OBJECT_CLASS (gvir_manager_parent_class)->finalize (object);
}

static void
gvir_manager_class_init (GVirManagerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gvir_manager_finalize;

  /**
   * GVirManager::connection-added:
   * @man: the manager
   * @conn: the connection just added
   *
   * Emitted after gvir_manager_add_connection() added @conn.
   */
  signals[SIGNAL_CONNECTION_ADDED] =
    g_signal_new ("connection-added", G_OBJECT_CLASS_TYPE (klass),
                  G_SIGNAL_RUN_FIRST,
                  G_STRUCT_OFFSET (GVirManagerClass, connection_added),
                  NULL, NULL, NULL, G_TYPE_NONE, 1, GVIR_TYPE_CONNECTION);

  /**
   * GVirManager::connection-removed:
   * @man: the manager
   * @conn: the connection just removed
   *
   * Emitted after gvir_manager_remove_connection() removed @conn.
   */
  signals[SIGNAL_CONNECTION_REMOVED] =
    g_signal_new ("connection-removed", G_OBJECT_CLASS_TYPE (klass),
                  G_SIGNAL_RUN_FIRST,
                  G_STRUCT_OFFSET (GVirManagerClass, connection_removed),
                  NULL, NULL, NULL, G_TYPE_NONE, 1, GVIR_TYPE_CONNECTION);
}

static void
gvir_manager_init (GVirManager *self)
{
  GVirManagerPrivate *priv = gvir_manager_get_instance_private (self);

  g_mutex_init (&priv->lock);
}

/**
 * gvir_manager_new:
 *
 * Creates an empty manager.
 *
 * Returns: (transfer full): a new #GVirManager
 */
GVirManager *
gvir_manager_new (void)
{
  return g_object_new (GVIR_TYPE_MANAGER, NULL);
}

/**
 * gvir_manager_add_connection:
 * @man: the manager
 * @conn: (transfer none): the connection to add
 *
 * Adds @conn to the manager, which keeps a reference to it, and emits
 * #GVirManager::connection-added. A connection already in the manager is
 * not added again and emits nothing.
 */
void
gvir_manager_add_connection (GVirManager    *man,
                             GVirConnection *conn)
{
  GVirManagerPrivate *priv;
  gboolean added = FALSE;

  g_return_if_fail (GVIR_IS_MANAGER (man));
  g_return_if_fail (GVIR_IS_CONNECTION (conn));

  priv = gvir_manager_get_instance_private (man);
  g_mutex_lock (&priv->lock);
  if (g_list_find (priv->connections, conn) == NULL)
    {
      priv->connections = g_list_append (priv->connections, g_object_ref (conn));
      added = TRUE;
    }
  g_mutex_unlock (&priv->lock);

  /* Outside the lock: a handler may call back into the manager. */
  if (added)
    g_signal_emit (man, signals[SIGNAL_CONNECTION_ADDED], 0, conn);
}

/**
 * gvir_manager_remove_connection:
 * @man: the manager
 * @conn: (transfer none): the connection to remove
 *
 * Removes @conn from the manager, drops the manager's reference to it and
 * emits #GVirManager::connection-removed. A connection not in the manager
 * is ignored and emits nothing.
 */
void
gvir_manager_remove_connection (GVirManager    *man,
                                GVirConnection *conn)
{
  GVirManagerPrivate *priv;
  GList *link;

  g_return_if_fail (GVIR_IS_MANAGER (man));
  g_return_if_fail (GVIR_IS_CONNECTION (conn));

  priv = gvir_manager_get_instance_private (man);
  g_mutex_lock (&priv->lock);
  link = g_list_find (priv->connections, conn);
  if (link != NULL)
    priv->connections = g_list_delete_link (priv->connections, link);
  g_mutex_unlock (&priv->lock);

  if (link == NULL)
    return;
  /* The list's reference keeps @conn alive for the handlers. */
  g_signal_emit (man, signals[SIGNAL_CONNECTION_REMOVED], 0, conn);
  g_object_unref (conn);
}

/**
 * gvir_manager_get_connections:
 * @man: the manager
 *
 * Lists the connections of the manager.
 *
 * Returns: (transfer full) (element-type GVirConnection): the manager's
 *   connections in the order they were added; free with
 *   `g_list_free_full (list, g_object_unref)`
 */
GList *
gvir_manager_get_connections (GVirManager *man)
{
  GVirManagerPrivate *priv;
  GList *copy;

  g_return_val_if_fail (GVIR_IS_MANAGER (man), NULL);

  priv = gvir_manager_get_instance_private (man);
  g_mutex_lock (&priv->lock);
  copy = g_list_copy_deep (priv->connections, (GCopyFunc) (void (*) (void)) g_object_ref, NULL);
  g_mutex_unlock (&priv->lock);

  return copy;
}

/**
 * gvir_manager_find_connection_by_uri:
 * @man: the manager
 * @uri: the URI the connection was created with
 *
 * Finds the first connection of the manager whose URI
 * (gvir_connection_get_uri()) is exactly @uri.
 *
 * Returns: (transfer full) (nullable): the connection, or %NULL when none
 *   has that URI
 */
GVirConnection *
gvir_manager_find_connection_by_uri (GVirManager *man,
                                     const gchar *uri)
{
  GVirManagerPrivate *priv;
  GVirConnection *found = NULL;

  g_return_val_if_fail (GVIR_IS_MANAGER (man), NULL);
  g_return_val_if_fail (uri != NULL, NULL);

  priv = gvir_manager_get_instance_private (man);
  g_mutex_lock (&priv->lock);
  for (GList *l = priv->connections; l != NULL && found == NULL; l = l->next)
    {
      if (g_strcmp0 (gvir_connection_get_uri (l->data), uri) == 0)
        found = g_object_ref (l->data);
    }
  g_mutex_unlock (&priv->lock);

  return found;
}
