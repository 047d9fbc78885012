/*
 * libvirt-gobject-manager.h: a set of connections
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#pragma once

#if !defined(__LIBVIRT_GOBJECT_H__) && !defined(LIBVIRT_GOBJECT_BUILD)
#error "Only <libvirt-gobject/libvirt-gobject.h> can be included directly."
#endif

#include <glib-object.h>
#include <libvirt-gobject/libvirt-gobject-visibility.h>
#include <libvirt-gobject/libvirt-gobject-connection.h>

G_BEGIN_DECLS

/**
 * GVIR_TYPE_MANAGER:
 *
 * The #GType of #GVirManager.
 */
#define GVIR_TYPE_MANAGER (gvir_manager_get_type ())

/**
 * GVirManager:
 *
 * A set of #GVirConnection objects that an application keeps together.
 */
GVIR_AVAILABLE_IN_ALL
G_DECLARE_DERIVABLE_TYPE (GVirManager, gvir_manager, GVIR, MANAGER, GObject)

/**
 * GVirManagerClass:
 * @parent_class: the parent class
 * @connection_added: class handler of #GVirManager::connection-added
 * @connection_removed: class handler of #GVirManager::connection-removed
 *
 * The class of #GVirManager.
 */
struct _GVirManagerClass
{
  GObjectClass parent_class;

  void (*connection_added) (GVirManager *man, GVirConnection *conn);
  void (*connection_removed) (GVirManager *man, GVirConnection *conn);

  /*< private >*/
  gpointer padding[20];
};

GVIR_AVAILABLE_IN_ALL
GVirManager *gvir_manager_new (void);
GVIR_AVAILABLE_IN_ALL
void gvir_manager_add_connection (GVirManager *man, GVirConnection *conn);
GVIR_AVAILABLE_IN_ALL
void gvir_manager_remove_connection (GVirManager *man, GVirConnection *conn);
GVIR_AVAILABLE_IN_ALL
GList *gvir_manager_get_connections (GVirManager *man);
GVIR_AVAILABLE_IN_ALL
GVirConnection *gvir_manager_find_connection_by_uri (GVirManager *man, const gchar *uri);

G_END_DECLS
