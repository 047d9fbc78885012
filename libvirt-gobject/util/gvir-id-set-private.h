/*
 * gvir-id-set-private.h: a set of small unsigned ids (NUMA nodes, CPUs)
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Internal: never installed, never in a GIR. Every layer uses this type for
 * sets of node or CPU ids; the public GVirNodeset wraps one.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The bound libvirt applies to nodesets and cpusets: ids run from 0 to
 * GVIR_ID_SET_LIMIT - 1. */
#define GVIR_ID_SET_LIMIT 16384

/* A bitmap of the ids below its bound (max_ids). Mutable through add and
 * remove; the combining functions return new sets. */
typedef struct _GVirIdSet GVirIdSet;

/* An empty set that can hold ids 0 .. @max_ids - 1 (1 <= @max_ids <= GVIR_ID_SET_LIMIT). */
GVirIdSet *gvir_id_set_new (guint max_ids);
GVirIdSet *gvir_id_set_copy (const GVirIdSet *set);
void gvir_id_set_free (GVirIdSet *set);

/* Parses libvirt's syntax: comma-separated items "N", "N-M" or "^N",
 * applied left to right; blanks around numbers, '-' and ',' and one
 * trailing comma are allowed. Fails with GVIR_ERROR_INVALID_ARGUMENT and
 * "Invalid WHAT 'TEXT': REASON" on malformed input, on an id of @max_ids or
 * more, and when the text selects no id at all. */
GVirIdSet *gvir_id_set_parse (const char *text, const char *what, guint max_ids, GError **error);
/* Canonical form: ascending, runs of two or more ids as "N-M", no '^'.
 * An empty set gives "". */
char *gvir_id_set_format (const GVirIdSet *set);

/* The bound given at creation: every id of the set is below it. */
guint gvir_id_set_get_max_ids (const GVirIdSet *set);
/* Adds @id; FALSE (and the set unchanged) when @id is not below the bound. */
gboolean gvir_id_set_add (GVirIdSet *set, guint id);
void gvir_id_set_remove (GVirIdSet *set, guint id);

gboolean gvir_id_set_contains (const GVirIdSet *set, guint id);
guint gvir_id_set_count (const GVirIdSet *set);
gboolean gvir_id_set_is_empty (const GVirIdSet *set);
/* Members compared, whatever the bounds. */
gboolean gvir_id_set_equal (const GVirIdSet *set, const GVirIdSet *other);

/* Iteration in ascending order: the lowest id, the lowest id above @id,
 * the highest id; -1 when there is none. */
gint gvir_id_set_first (const GVirIdSet *set);
gint gvir_id_set_next (const GVirIdSet *set, guint id);
gint gvir_id_set_last (const GVirIdSet *set);

typedef void (*GVirIdSetFunc) (guint id, gpointer user_data);
void gvir_id_set_foreach (const GVirIdSet *set, GVirIdSetFunc func, gpointer user_data);
/* The ids in ascending order (element type guint). */
GArray *gvir_id_set_to_array (const GVirIdSet *set);

/* New sets. The union's bound is the larger of the two; the intersection's
 * and the difference's are @set's. */
GVirIdSet *gvir_id_set_union (const GVirIdSet *set, const GVirIdSet *other);
GVirIdSet *gvir_id_set_intersect (const GVirIdSet *set, const GVirIdSet *other);
GVirIdSet *gvir_id_set_subtract (const GVirIdSet *set, const GVirIdSet *other);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GVirIdSet, gvir_id_set_free)

G_END_DECLS
