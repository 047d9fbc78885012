/*
 * gvir-remote-snapshot-private.h: domain snapshots over libvirt's protocol
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#pragma once

#include "../gvir-driver-private.h"
#include "gvir-remote-driver-private.h"
#include "libvirt-gobject/rpc/gvir-rpc-client-private.h"
#include "libvirt-gobject/rpc/gvir-rpc-remote-private.h"

G_BEGIN_DECLS

/* What the driver file lends the snapshot file besides the handle's
 * client: the wire reference of a domain known by UUID. */
gboolean gvir_remote_domain_ref (gpointer handle, const char *uuid, GVirRpcDomain *dom,
                                 GCancellable *cancellable, GError **error);

extern const GVirDriverSnapshotFuncs gvir_remote_snapshot_funcs;

G_END_DECLS
