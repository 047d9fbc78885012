/*
 * gvir-driver-storage-private.h: the storage table (pools and volumes)
 * and its dispatch
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Nothing in this header is installed or scanned for the GIR.
 */
#pragma once

#include "gvir-driver-core-private.h"

G_BEGIN_DECLS

/* Defined with the stream table (gvir-driver-stream-private.h). */
typedef struct _GVirDriverStream GVirDriverStream;

/* ---- values ----------------------------------------------------------------- */

/* libvirt's virStoragePoolState and virStorageVolType numbers. */
enum
{
  GVIR_DRIVER_POOL_INACTIVE = 0,
  GVIR_DRIVER_POOL_BUILDING = 1,
  GVIR_DRIVER_POOL_RUNNING = 2,
  GVIR_DRIVER_POOL_DEGRADED = 3,
  GVIR_DRIVER_POOL_INACCESSIBLE = 4,
};

enum
{
  GVIR_DRIVER_VOL_FILE = 0,
  GVIR_DRIVER_VOL_BLOCK = 1,
  GVIR_DRIVER_VOL_DIR = 2,
};

/* libvirt's virStorageVolResizeFlags. */
enum
{
  GVIR_DRIVER_VOL_RESIZE_ALLOCATE = 1 << 0,
  GVIR_DRIVER_VOL_RESIZE_DELTA = 1 << 1,
  GVIR_DRIVER_VOL_RESIZE_SHRINK = 1 << 2,
};

/* One pool, by value: its identity and what it was when described. */
typedef struct
{
  char *name;
  char *uuid;             /* canonical lower-case 36-character form */
  gboolean active;
  gboolean persistent;
  gboolean autostart;
  char *type;             /* libvirt's pool type name ("dir", "netfs", ...); NULL when the
                           * driver cannot tell without the pool's XML (remote) */
} GVirDriverStoragePool;

GVirDriverStoragePool *gvir_driver_storage_pool_copy (const GVirDriverStoragePool *pool);
void gvir_driver_storage_pool_free (GVirDriverStoragePool *pool);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GVirDriverStoragePool, gvir_driver_storage_pool_free)

typedef struct
{
  int state;              /* GVIR_DRIVER_POOL_* */
  guint64 capacity;       /* bytes */
  guint64 allocation;
  guint64 available;
} GVirDriverStoragePoolInfo;

/* One volume of a pool, by value. */
typedef struct
{
  char *name;
  char *path;
  char *key;
  int type;               /* GVIR_DRIVER_VOL_* */
  guint64 capacity;       /* bytes */
  guint64 allocation;
} GVirDriverStorageVol;

GVirDriverStorageVol *gvir_driver_storage_vol_copy (const GVirDriverStorageVol *vol);
void gvir_driver_storage_vol_free (GVirDriverStorageVol *vol);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GVirDriverStorageVol, gvir_driver_storage_vol_free)

/* ---- the table ------------------------------------------------------------- */

/* Pools are addressed by their UUID string, volumes by their pool's UUID
 * and their name. Every callback gets the driver's own handle. */
struct _GVirDriverStorageFuncs
{
  /* Element type GVirDriverStoragePool, freed with gvir_driver_storage_pool_free. */
  GPtrArray *(*list_pools) (gpointer handle, GCancellable *cancellable, GError **error);
  GVirDriverStoragePool *(*lookup_pool_by_uuid) (gpointer handle, const char *uuid,
                                                 GCancellable *cancellable, GError **error);

  /* State changes (refused by the dispatch layer on read-only connections). */
  GVirDriverStoragePool *(*define_pool) (gpointer handle, const char *xml, guint flags,
                                         GCancellable *cancellable, GError **error);
  /* A transient pool, started at once; it ends when it stops. */
  GVirDriverStoragePool *(*create_pool) (gpointer handle, const char *xml, guint flags,
                                         GCancellable *cancellable, GError **error);
  gboolean (*undefine_pool) (gpointer handle, const char *uuid,
                             GCancellable *cancellable, GError **error);
  gboolean (*build_pool) (gpointer handle, const char *uuid, guint flags,
                          GCancellable *cancellable, GError **error);
  gboolean (*start_pool) (gpointer handle, const char *uuid, guint flags,
                          GCancellable *cancellable, GError **error);
  gboolean (*stop_pool) (gpointer handle, const char *uuid,
                         GCancellable *cancellable, GError **error);
  gboolean (*delete_pool) (gpointer handle, const char *uuid, guint flags,
                           GCancellable *cancellable, GError **error);
  gboolean (*refresh_pool) (gpointer handle, const char *uuid, guint flags,
                            GCancellable *cancellable, GError **error);
  gboolean (*set_pool_autostart) (gpointer handle, const char *uuid, gboolean autostart,
                                  GCancellable *cancellable, GError **error);

  /* Queries on one pool. */
  gboolean (*get_pool_info) (gpointer handle, const char *uuid, GVirDriverStoragePoolInfo *info,
                             GCancellable *cancellable, GError **error);
  char *(*get_pool_xml) (gpointer handle, const char *uuid, guint flags,
                         GCancellable *cancellable, GError **error);
  gboolean (*get_pool_autostart) (gpointer handle, const char *uuid, gboolean *autostart,
                                  GCancellable *cancellable, GError **error);

  /* Volumes of an active pool. Element type GVirDriverStorageVol. */
  GPtrArray *(*list_volumes) (gpointer handle, const char *pool_uuid,
                              GCancellable *cancellable, GError **error);
  GVirDriverStorageVol *(*lookup_volume) (gpointer handle, const char *pool_uuid,
                                          const char *name,
                                          GCancellable *cancellable, GError **error);
  GVirDriverStorageVol *(*create_volume) (gpointer handle, const char *pool_uuid,
                                          const char *xml, guint flags,
                                          GCancellable *cancellable, GError **error);
  gboolean (*delete_volume) (gpointer handle, const char *pool_uuid, const char *name,
                             guint flags, GCancellable *cancellable, GError **error);
  /* @flags: GVIR_DRIVER_VOL_RESIZE_*. */
  gboolean (*resize_volume) (gpointer handle, const char *pool_uuid, const char *name,
                             guint64 capacity, guint flags,
                             GCancellable *cancellable, GError **error);
  char *(*get_volume_xml) (gpointer handle, const char *pool_uuid, const char *name,
                           guint flags, GCancellable *cancellable, GError **error);

  /* Transfers of a volume's bytes: attach a backend to @stream (new,
   * unattached, of this connection) that takes (upload) or gives
   * (download) @length bytes from @offset, 0 meaning up to the end of
   * the volume. @flags: libvirt's virStorageVol{Upload,Download}Flags. */
  gboolean (*upload_volume) (gpointer handle, const char *pool_uuid, const char *name,
                             GVirDriverStream *stream, guint64 offset, guint64 length,
                             guint flags, GCancellable *cancellable, GError **error);
  gboolean (*download_volume) (gpointer handle, const char *pool_uuid, const char *name,
                               GVirDriverStream *stream, guint64 offset, guint64 length,
                               guint flags, GCancellable *cancellable, GError **error);
};

/* ---- dispatch: the only callers of the storage table ----------------------- */

GPtrArray *gvir_driver_connection_list_pools (GVirDriverConnection *conn, GCancellable *cancellable, GError **error);
GVirDriverStoragePool *gvir_driver_connection_lookup_pool_by_uuid (GVirDriverConnection *conn, const char *uuid,
                                                                   GCancellable *cancellable, GError **error);
GVirDriverStoragePool *gvir_driver_connection_define_pool (GVirDriverConnection *conn, const char *xml, guint flags,
                                                           GCancellable *cancellable, GError **error);
GVirDriverStoragePool *gvir_driver_connection_create_pool (GVirDriverConnection *conn, const char *xml, guint flags,
                                                           GCancellable *cancellable, GError **error);
gboolean gvir_driver_connection_undefine_pool (GVirDriverConnection *conn, const char *uuid,
                                               GCancellable *cancellable, GError **error);
gboolean gvir_driver_connection_build_pool (GVirDriverConnection *conn, const char *uuid, guint flags,
                                            GCancellable *cancellable, GError **error);
gboolean gvir_driver_connection_start_pool (GVirDriverConnection *conn, const char *uuid, guint flags,
                                            GCancellable *cancellable, GError **error);
gboolean gvir_driver_connection_stop_pool (GVirDriverConnection *conn, const char *uuid,
                                           GCancellable *cancellable, GError **error);
gboolean gvir_driver_connection_delete_pool (GVirDriverConnection *conn, const char *uuid, guint flags,
                                             GCancellable *cancellable, GError **error);
gboolean gvir_driver_connection_refresh_pool (GVirDriverConnection *conn, const char *uuid, guint flags,
                                              GCancellable *cancellable, GError **error);
gboolean gvir_driver_connection_set_pool_autostart (GVirDriverConnection *conn, const char *uuid, gboolean autostart,
                                                    GCancellable *cancellable, GError **error);
gboolean gvir_driver_connection_get_pool_info (GVirDriverConnection *conn, const char *uuid,
                                               GVirDriverStoragePoolInfo *info,
                                               GCancellable *cancellable, GError **error);
char *gvir_driver_connection_get_pool_xml (GVirDriverConnection *conn, const char *uuid, guint flags,
                                           GCancellable *cancellable, GError **error);
gboolean gvir_driver_connection_get_pool_autostart (GVirDriverConnection *conn, const char *uuid,
                                                    gboolean *autostart,
                                                    GCancellable *cancellable, GError **error);
GPtrArray *gvir_driver_connection_list_volumes (GVirDriverConnection *conn, const char *pool_uuid,
                                                GCancellable *cancellable, GError **error);
GVirDriverStorageVol *gvir_driver_connection_lookup_volume (GVirDriverConnection *conn, const char *pool_uuid,
                                                            const char *name,
                                                            GCancellable *cancellable, GError **error);
GVirDriverStorageVol *gvir_driver_connection_create_volume (GVirDriverConnection *conn, const char *pool_uuid,
                                                            const char *xml, guint flags,
                                                            GCancellable *cancellable, GError **error);
gboolean gvir_driver_connection_delete_volume (GVirDriverConnection *conn, const char *pool_uuid,
                                               const char *name, guint flags,
                                               GCancellable *cancellable, GError **error);
gboolean gvir_driver_connection_resize_volume (GVirDriverConnection *conn, const char *pool_uuid,
                                               const char *name, guint64 capacity, guint flags,
                                               GCancellable *cancellable, GError **error);
char *gvir_driver_connection_get_volume_xml (GVirDriverConnection *conn, const char *pool_uuid,
                                             const char *name, guint flags,
                                             GCancellable *cancellable, GError **error);
gboolean gvir_driver_connection_upload_volume (GVirDriverConnection *conn, const char *pool_uuid,
                                               const char *name, GVirDriverStream *stream,
                                               guint64 offset, guint64 length, guint flags,
                                               GCancellable *cancellable, GError **error);
gboolean gvir_driver_connection_download_volume (GVirDriverConnection *conn, const char *pool_uuid,
                                                 const char *name, GVirDriverStream *stream,
                                                 guint64 offset, guint64 length, guint flags,
                                                 GCancellable *cancellable, GError **error);

G_END_DECLS
