/*
 * gvir-remote-storage-private.h: the remote driver's storage table
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#pragma once

#include "../gvir-driver-storage-private.h"
#include "libvirt-gobject/rpc/gvir-rpc-client-private.h"
#include "gvir-remote-driver-private.h"

G_BEGIN_DECLS

/* Pools and volumes through libvirt's storage procedures. */
extern const GVirDriverStorageFuncs gvir_remote_storage_funcs;

G_END_DECLS
