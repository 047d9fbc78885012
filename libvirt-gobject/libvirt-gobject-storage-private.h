/*
 * libvirt-gobject-storage-private.h: what the storage pool, volume and
 * connection files share
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#pragma once

#include "libvirt-gobject/libvirt-gobject-connection.h"
#include "libvirt-gobject/libvirt-gobject-storage-pool.h"
#include "libvirt-gobject/libvirt-gobject-storage-vol.h"
#include "libvirt-gobject/drivers/gvir-driver-private.h"
#include "libvirt-gobject/drivers/gvir-driver-storage-private.h"

G_BEGIN_DECLS

/* A pool object of @conn (which it does not keep alive) for @desc. */
GVirStoragePool *_gvir_storage_pool_new (GVirConnection *conn, const GVirDriverStoragePool *desc);
/* Takes the state in @desc (same UUID) as the pool's. */
void _gvir_storage_pool_update (GVirStoragePool *pool, const GVirDriverStoragePool *desc);
/* Drops the volume @name from the pool's volume cache. */
void _gvir_storage_pool_forget_volume (GVirStoragePool *pool, const char *name);

/* A volume object of @pool (kept weakly) on @conn (kept weakly). */
GVirStorageVol *_gvir_storage_vol_new (GVirConnection *conn, GVirStoragePool *pool,
                                       const GVirDriverStorageVol *desc);

/* The connection's pool cache: adds or updates the pool @desc (a new
 * reference to the one object of that UUID), or drops the pool @uuid. */
GVirStoragePool *_gvir_connection_storage_remember (GVirConnection *conn,
                                                    const GVirDriverStoragePool *desc);
void _gvir_connection_storage_forget (GVirConnection *conn, const char *uuid);

/* The open driver connection of @weak_conn, or NULL with
 * GVIR_ERROR_CONNECTION_CLOSED (also when the connection is gone); sets
 * *@conn to a new reference to the connection, or NULL. */
GVirDriverConnection *_gvir_storage_dup_driver (GWeakRef *weak_conn, GVirConnection **conn,
                                                GError **error);

G_END_DECLS
