/*
 * libvirt-gobject-nodeset.h: a set of NUMA node ids
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
 * GVIR_NODESET_MAX_NODES:
 *
 * The number of node ids a #GVirNodeset can hold: ids run from 0 to
 * GVIR_NODESET_MAX_NODES - 1, the limit libvirt applies to nodesets and
 * cpusets.
 */
#define GVIR_NODESET_MAX_NODES 16384

/**
 * GVIR_TYPE_NODESET:
 *
 * The #GType of #GVirNodeset.
 */
#define GVIR_TYPE_NODESET (gvir_nodeset_get_type ())

/**
 * GVirNodeset:
 *
 * An immutable set of NUMA node ids; all its fields are private.
 */

GVIR_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirNodeset, gvir_nodeset, GVIR, NODESET, GObject)

GVIR_AVAILABLE_IN_ALL
GVirNodeset *gvir_nodeset_new_from_string (const gchar *str, GError **error);
GVIR_AVAILABLE_IN_ALL
GVirNodeset *gvir_nodeset_new_from_nodes (const guint *nodes, gsize n_nodes, GError **error);

GVIR_AVAILABLE_IN_ALL
gboolean gvir_nodeset_contains (GVirNodeset *nodeset, guint node);
GVIR_AVAILABLE_IN_ALL
guint *gvir_nodeset_get_nodes (GVirNodeset *nodeset, gsize *n_nodes);
GVIR_AVAILABLE_IN_ALL
guint gvir_nodeset_count (GVirNodeset *nodeset);
GVIR_AVAILABLE_IN_ALL
gboolean gvir_nodeset_is_empty (GVirNodeset *nodeset);
GVIR_AVAILABLE_IN_ALL
gint gvir_nodeset_get_last (GVirNodeset *nodeset);
GVIR_AVAILABLE_IN_ALL
gboolean gvir_nodeset_equal (GVirNodeset *nodeset, GVirNodeset *other);
GVIR_AVAILABLE_IN_ALL
GVirNodeset *gvir_nodeset_union (GVirNodeset *nodeset, GVirNodeset *other);
GVIR_AVAILABLE_IN_ALL
GVirNodeset *gvir_nodeset_intersect (GVirNodeset *nodeset, GVirNodeset *other);
GVIR_AVAILABLE_IN_ALL
GVirNodeset *gvir_nodeset_difference (GVirNodeset *nodeset, GVirNodeset *other);
GVIR_AVAILABLE_IN_ALL
gchar *gvir_nodeset_to_string (GVirNodeset *nodeset);

G_END_DECLS
