/*
 * libvirt-gobject-storage-pool.h: a storage pool known to a connection
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

#include <gio/gio.h>
#include <libvirt-gconfig/libvirt-gconfig.h>
#include <libvirt-gobject/libvirt-gobject-visibility.h>
#include <libvirt-gobject/libvirt-gobject-connection.h>
#include <libvirt-gobject/libvirt-gobject-storage-vol.h>

G_BEGIN_DECLS

/**
 * GVirStoragePoolState:
 * @GVIR_STORAGE_POOL_STATE_INACTIVE: not running
 * @GVIR_STORAGE_POOL_STATE_BUILDING: being initialised, not available yet
 * @GVIR_STORAGE_POOL_STATE_RUNNING: running normally
 * @GVIR_STORAGE_POOL_STATE_DEGRADED: running, but degraded
 * @GVIR_STORAGE_POOL_STATE_INACCESSIBLE: running, but not accessible
 *
 * The state of a storage pool. The values are libvirt's
 * (virStoragePoolState).
 */
typedef enum
{
  GVIR_STORAGE_POOL_STATE_INACTIVE = 0,
  GVIR_STORAGE_POOL_STATE_BUILDING = 1,
  GVIR_STORAGE_POOL_STATE_RUNNING = 2,
  GVIR_STORAGE_POOL_STATE_DEGRADED = 3,
  GVIR_STORAGE_POOL_STATE_INACCESSIBLE = 4,
} GVirStoragePoolState;

/**
 * GVIR_TYPE_STORAGE_POOL_INFO:
 *
 * The #GType of the boxed #GVirStoragePoolInfo.
 */
#define GVIR_TYPE_STORAGE_POOL_INFO (gvir_storage_pool_info_get_type ())

/**
 * GVirStoragePoolInfo:
 * @state: the state of the pool
 * @capacity: the logical size of the pool, in bytes
 * @allocation: the bytes its volumes take
 * @available: the bytes left for new volumes
 *
 * A snapshot of a storage pool's state and sizes, as returned by
 * gvir_storage_pool_get_info().
 */
typedef struct _GVirStoragePoolInfo GVirStoragePoolInfo;
struct _GVirStoragePoolInfo
{
  GVirStoragePoolState state;
  guint64 capacity;
  guint64 allocation;
  guint64 available;
};

GVIR_AVAILABLE_IN_ALL
GType gvir_storage_pool_info_get_type (void);
GVIR_AVAILABLE_IN_ALL
GVirStoragePoolInfo *gvir_storage_pool_info_copy (const GVirStoragePoolInfo *info);
GVIR_AVAILABLE_IN_ALL
void gvir_storage_pool_info_free (GVirStoragePoolInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GVirStoragePoolInfo, gvir_storage_pool_info_free)

/**
 * GVIR_TYPE_STORAGE_POOL:
 *
 * The #GType of #GVirStoragePool.
 */
#define GVIR_TYPE_STORAGE_POOL (gvir_storage_pool_get_type ())

/**
 * GVirStoragePool:
 *
 * A storage pool of a #GVirConnection: one object per pool and
 * connection. All its fields are private.
 */
GVIR_AVAILABLE_IN_ALL
G_DECLARE_DERIVABLE_TYPE (GVirStoragePool, gvir_storage_pool, GVIR, STORAGE_POOL, GObject)

/**
 * GVirStoragePoolClass:
 * @parent_class: the parent class
 *
 * The class of #GVirStoragePool. The type is final: the structure is
 * public only so that code written for libvirt-glib keeps compiling.
 */
struct _GVirStoragePoolClass
{
  GObjectClass parent_class;

  /*< private >*/
  gpointer padding[20];
};

GVIR_AVAILABLE_IN_ALL
const gchar *gvir_storage_pool_get_name (GVirStoragePool *pool);
GVIR_AVAILABLE_IN_ALL
const gchar *gvir_storage_pool_get_uuid (GVirStoragePool *pool);
GVIR_AVAILABLE_IN_ALL
gboolean gvir_storage_pool_get_active (GVirStoragePool *pool);
GVIR_AVAILABLE_IN_ALL
gboolean gvir_storage_pool_get_persistent (GVirStoragePool *pool);
GVIR_AVAILABLE_IN_ALL
GVirConfigStoragePool *gvir_storage_pool_get_config (GVirStoragePool *pool, guint flags,
                                                     GError **err);
GVIR_AVAILABLE_IN_ALL
GVirStoragePoolInfo *gvir_storage_pool_get_info (GVirStoragePool *pool, GError **err);

GVIR_AVAILABLE_IN_ALL
gboolean gvir_storage_pool_refresh (GVirStoragePool *pool, GCancellable *cancellable,
                                    GError **err);
GVIR_AVAILABLE_IN_ALL
void gvir_storage_pool_refresh_async (GVirStoragePool *pool, GCancellable *cancellable,
                                      GAsyncReadyCallback callback, gpointer user_data);
GVIR_AVAILABLE_IN_ALL
gboolean gvir_storage_pool_refresh_finish (GVirStoragePool *pool, GAsyncResult *result,
                                           GError **err);

GVIR_AVAILABLE_IN_ALL
GList *gvir_storage_pool_get_volumes (GVirStoragePool *pool);
GVIR_AVAILABLE_IN_ALL
GVirStorageVol *gvir_storage_pool_get_volume (GVirStoragePool *pool, const gchar *name);
GVIR_AVAILABLE_IN_ALL
GVirStorageVol *gvir_storage_pool_create_volume (GVirStoragePool *pool,
                                                 GVirConfigStorageVol *conf,
                                                 GError **err);

GVIR_AVAILABLE_IN_ALL
gboolean gvir_storage_pool_build (GVirStoragePool *pool, guint flags, GError **err);
GVIR_AVAILABLE_IN_ALL
void gvir_storage_pool_build_async (GVirStoragePool *pool, guint flags, GCancellable *cancellable,
                                    GAsyncReadyCallback callback, gpointer user_data);
GVIR_AVAILABLE_IN_ALL
gboolean gvir_storage_pool_build_finish (GVirStoragePool *pool, GAsyncResult *result,
                                         GError **err);

GVIR_AVAILABLE_IN_ALL
gboolean gvir_storage_pool_undefine (GVirStoragePool *pool, GError **err);
GVIR_AVAILABLE_IN_ALL
void gvir_storage_pool_undefine_async (GVirStoragePool *pool, GCancellable *cancellable,
                                       GAsyncReadyCallback callback, gpointer user_data);
GVIR_AVAILABLE_IN_ALL
gboolean gvir_storage_pool_undefine_finish (GVirStoragePool *pool, GAsyncResult *result,
                                            GError **err);

GVIR_AVAILABLE_IN_ALL
gboolean gvir_storage_pool_start (GVirStoragePool *pool, guint flags, GError **err);
GVIR_AVAILABLE_IN_ALL
void gvir_storage_pool_start_async (GVirStoragePool *pool, guint flags, GCancellable *cancellable,
                                    GAsyncReadyCallback callback, gpointer user_data);
GVIR_AVAILABLE_IN_ALL
gboolean gvir_storage_pool_start_finish (GVirStoragePool *pool, GAsyncResult *result,
                                         GError **err);

GVIR_AVAILABLE_IN_ALL
gboolean gvir_storage_pool_stop (GVirStoragePool *pool, GError **err);
GVIR_AVAILABLE_IN_ALL
void gvir_storage_pool_stop_async (GVirStoragePool *pool, GCancellable *cancellable,
                                   GAsyncReadyCallback callback, gpointer user_data);
GVIR_AVAILABLE_IN_ALL
gboolean gvir_storage_pool_stop_finish (GVirStoragePool *pool, GAsyncResult *result,
                                        GError **err);

GVIR_AVAILABLE_IN_ALL
gboolean gvir_storage_pool_delete (GVirStoragePool *pool, guint flags, GError **err);
GVIR_AVAILABLE_IN_ALL
void gvir_storage_pool_delete_async (GVirStoragePool *pool, guint flags, GCancellable *cancellable,
                                     GAsyncReadyCallback callback, gpointer user_data);
GVIR_AVAILABLE_IN_ALL
gboolean gvir_storage_pool_delete_finish (GVirStoragePool *pool, GAsyncResult *result,
                                          GError **err);

GVIR_AVAILABLE_IN_ALL
gboolean gvir_storage_pool_get_autostart (GVirStoragePool *pool, GError **err);
GVIR_AVAILABLE_IN_ALL
gboolean gvir_storage_pool_set_autostart (GVirStoragePool *pool, gboolean autostart,
                                          GError **err);

/* The pools of a connection (their functions are in
 * libvirt-gobject-connection-storage.c). */
GVIR_AVAILABLE_IN_ALL
gboolean gvir_connection_fetch_storage_pools (GVirConnection *conn, GCancellable *cancellable,
                                              GError **err);
GVIR_AVAILABLE_IN_ALL
void gvir_connection_fetch_storage_pools_async (GVirConnection *conn, GCancellable *cancellable,
                                                GAsyncReadyCallback callback, gpointer user_data);
GVIR_AVAILABLE_IN_ALL
gboolean gvir_connection_fetch_storage_pools_finish (GVirConnection *conn, GAsyncResult *result,
                                                     GError **err);
GVIR_AVAILABLE_IN_ALL
GList *gvir_connection_get_storage_pools (GVirConnection *conn);
GVIR_AVAILABLE_IN_ALL
GVirStoragePool *gvir_connection_get_storage_pool (GVirConnection *conn, const gchar *uuid);
GVIR_AVAILABLE_IN_ALL
GVirStoragePool *gvir_connection_find_storage_pool_by_name (GVirConnection *conn,
                                                            const gchar *name);
GVIR_AVAILABLE_IN_ALL
GVirStoragePool *gvir_connection_create_storage_pool (GVirConnection *conn,
                                                      GVirConfigStoragePool *conf,
                                                      guint flags, GError **err);

G_END_DECLS
