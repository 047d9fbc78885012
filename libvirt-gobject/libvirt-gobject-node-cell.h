/*
 * libvirt-gobject-node-cell.h: one NUMA cell of a host
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

G_BEGIN_DECLS

/**
 * GVIR_TYPE_NODE_CELL:
 *
 * The #GType of #GVirNodeCell.
 */
#define GVIR_TYPE_NODE_CELL (gvir_node_cell_get_type ())

/**
 * GVirNodeCell:
 *
 * One NUMA cell of a host. An opaque, immutable object; see the
 * functions below.
 */
GVIR_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirNodeCell, gvir_node_cell, GVIR, NODE_CELL, GObject)

GVIR_AVAILABLE_IN_ALL
guint gvir_node_cell_get_id (GVirNodeCell *cell);
GVIR_AVAILABLE_IN_ALL
guint64 gvir_node_cell_get_memory (GVirNodeCell *cell);
GVIR_AVAILABLE_IN_ALL
guint64 gvir_node_cell_get_free_memory (GVirNodeCell *cell);
GVIR_AVAILABLE_IN_ALL
const guint *gvir_node_cell_get_cpus (GVirNodeCell *cell, gsize *n_cpus);
GVIR_AVAILABLE_IN_ALL
gboolean gvir_node_cell_has_cpu (GVirNodeCell *cell, guint cpu);
GVIR_AVAILABLE_IN_ALL
const guint *gvir_node_cell_get_sibling_ids (GVirNodeCell *cell, gsize *n_ids);
GVIR_AVAILABLE_IN_ALL
guint gvir_node_cell_get_distance (GVirNodeCell *cell, guint other_id);
GVIR_AVAILABLE_IN_ALL
const guint64 *gvir_node_cell_get_page_sizes (GVirNodeCell *cell, gsize *n_sizes);
GVIR_AVAILABLE_IN_ALL
guint64 gvir_node_cell_get_page_count (GVirNodeCell *cell, guint64 page_size);

G_END_DECLS
