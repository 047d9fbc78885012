/*
 * libvirt-gobject-nodeset-private.h: GVirNodeset and util's id set
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#pragma once

#include "libvirt-gobject/libvirt-gobject-nodeset.h"
#include "libvirt-gobject/util/gvir-id-set-private.h"

G_BEGIN_DECLS

/* A nodeset owning @ids, whose bound must not exceed GVIR_NODESET_MAX_NODES. */
GVirNodeset *gvir_nodeset_new_take_ids (GVirIdSet *ids);
/* The ids of @nodeset, owned by it; a nodeset never changes them. */
const GVirIdSet *gvir_nodeset_peek_ids (GVirNodeset *nodeset);

G_END_DECLS
