/*
 * libvirt-gobject-node-cell-private.h: building GVirNodeCell objects
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Not installed, not scanned for the GIR.
 */
#pragma once

#include <libvirt-gconfig/libvirt-gconfig.h>

#include "libvirt-gobject/libvirt-gobject-node-cell.h"

G_BEGIN_DECLS

/* A cell holding the values of a capabilities <cell> (converted to
 * bytes) and the free memory reported for it, in bytes. */
GVirNodeCell *_gvir_node_cell_new_from_config (GVirConfigCapabilitiesCell *conf,
                                               guint64 free_bytes);

G_END_DECLS
