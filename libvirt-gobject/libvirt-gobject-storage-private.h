/*
 * libvirt-gobject-storage-private.h: the storage pool objects, for the
 * connection's pool list
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
#include "libvirt-gobject/drivers/gvir-driver-private.h"
#include "libvirt-gobject/drivers/gvir-driver-storage-private.h"

G_BEGIN_DECLS

/* A pool object of @conn (which it does not keep alive) for @desc. */
GVirStoragePool *_gvir_storage_pool_new (GVirConnection *conn, const GVirDriverStoragePool *desc);
/* Takes the state in @desc (same UUID) as the pool's. */
void _gvir_storage_pool_update (GVirStoragePool *pool, const GVirDriverStoragePool *desc);
/* Whether the driver no longer has the pool (undefined, or a transient
 * pool stopped): the connection's pool list skips it. */
gboolean _gvir_storage_pool_is_gone (GVirStoragePool *pool);

G_END_DECLS
