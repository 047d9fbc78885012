/*
 * libvirt-gobject-storage-vol-private.h: the storage volume objects, for
 * their pools; what every storage object needs of its connection
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

/* A volume object of @pool (kept weakly) on @conn (kept weakly). */
GVirStorageVol *_gvir_storage_vol_new (GVirConnection *conn, GVirStoragePool *pool,
                                       const GVirDriverStorageVol *desc);
/* Whether gvir_storage_vol_delete() deleted the volume: its pool's volume
 * list skips it. */
gboolean _gvir_storage_vol_is_deleted (GVirStorageVol *vol);

/* The open driver connection of @weak_conn, or NULL with
 * GVIR_ERROR_CONNECTION_CLOSED (also when the connection is gone); sets
 * *@conn to a new reference to the connection, or NULL. */
GVirDriverConnection *_gvir_storage_dup_driver (GWeakRef *weak_conn, GVirConnection **conn,
                                                GError **error);

G_END_DECLS
