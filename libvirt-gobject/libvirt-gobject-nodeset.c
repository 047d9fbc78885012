/*
 * libvirt-gobject-nodeset.c: a set of NUMA node ids
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include "libvirt-gobject/libvirt-gobject-error.h"
#include "libvirt-gobject/libvirt-gobject-nodeset.h"
#include "libvirt-gobject/libvirt-gobject-nodeset-private.h"

/**
 * SECTION:libvirt-gobject-nodeset
 * @title: GVirNodeset
 * @short_description: A set of NUMA node ids in libvirt's nodeset syntax
 *
 * #GVirNodeset is an immutable set of NUMA node ids, such as the nodes a
 * domain's memory may be allocated from. It reads and writes libvirt's
 * nodeset syntax: comma-separated items, each a node `N`, a range `N-M`, or
 * an exclusion `^N` that removes a node from what the items before it
 * selected. Items apply from left to right, so order matters for `^`:
 * `0-3,^2,5` selects nodes 0, 1, 3 and 5, while `^2,0-3` selects 0 to 3.
 * Whitespace around numbers, `-` and `,` is ignored, as is one trailing
 * comma; as in libvirt, `^` must be followed directly by a single number
 * (`^ 2` and `^1-2` are refused). Node ids run from 0 to %GVIR_NODESET_MAX_NODES - 1.
 *
 * Formatting always gives the canonical form, with ranges and without `^`:
 *
 * |[<!-- language="C" -->
 * g_autoptr(GError) error = NULL;
 * g_autoptr(GVirNodeset) set = gvir_nodeset_new_from_string ("0-3,^2,5", &error);
 * g_autofree gchar *text = gvir_nodeset_to_string (set);   // "0-1,3,5"
 * ]|
 *
 * |[<!-- language="Python" -->
 * a = LibvirtGObject.Nodeset.new_from_string("0-3")
 * b = LibvirtGObject.Nodeset.new_from_string("2-5")
 * print(a.intersect(b).to_string())   # 2-3
 * ]|
 *
 * The combining functions (gvir_nodeset_union(), gvir_nodeset_intersect(),
 * gvir_nodeset_difference()) return new sets and may return an empty one;
 * only parsing refuses a string that selects no node, as libvirt does.
 */


/* The ids themselves live in util's set type, which every layer shares;
 * this class gives it a GType, immutability and the public names. */
G_STATIC_ASSERT (GVIR_NODESET_MAX_NODES == GVIR_ID_SET_LIMIT);

struct _GVirNodeset
{
  GObject parent_instance;

  GVirIdSet *ids;   /* never changed after construction */
};

G_DEFINE_FINAL_TYPE (GVirNodeset, gvir_nodeset, G_TYPE_OBJECT)

static void
gvir_nodeset_finalize (GObject *object)
{
  GVirNodeset *self = GVIR_NODESET (object);

  gvir_id_set_free (self->ids);

  G_OBJECT_CLASS (gvir_nodeset_parent_class)->finalize (object);
}

static void
gvir_nodeset_class_init (GVirNodesetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gvir_nodeset_finalize;
}

static void
gvir_nodeset_init (GVirNodeset *self)
{
}

GVirNodeset *
gvir_nodeset_new_take_ids (GVirIdSet *ids)
{
  GVirNodeset *self;

  g_return_val_if_fail (ids != NULL, NULL);
  g_return_val_if_fail (gvir_id_set_get_max_ids (ids) <= GVIR_NODESET_MAX_NODES, NULL);

  self = g_object_new (GVIR_TYPE_NODESET, NULL);
  self->ids = ids;
  return self;
}

const GVirIdSet *
gvir_nodeset_peek_ids (GVirNodeset *nodeset)
{
  g_return_val_if_fail (GVIR_IS_NODESET (nodeset), NULL);

  return nodeset->ids;
}

/* ---- parsing ------------------------------------------------------------ */

/**
 * gvir_nodeset_new_from_string:
 * @str: a nodeset in libvirt's syntax, such as "0-3,^2,5"
 * @error: return location for a #GError, or %NULL
 *
 * Parses @str. Malformed input (an empty string, a stray character, a
 * reversed range, an exclusion of a range, a node id of
 * %GVIR_NODESET_MAX_NODES or more) and input that selects no node at all
 * (such as "1,^1") fail with %GVIR_ERROR_INVALID_ARGUMENT and a message that
 * quotes @str.
 *
 * Returns: (transfer full): the new nodeset, or %NULL on error
 */
GVirNodeset *
gvir_nodeset_new_from_string (const gchar *str, GError **error)
{
  GVirIdSet *ids;

  g_return_val_if_fail (str != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  ids = gvir_id_set_parse (str, "nodeset", GVIR_NODESET_MAX_NODES, error);
  return ids != NULL ? gvir_nodeset_new_take_ids (ids) : NULL;
}

/**
 * gvir_nodeset_new_from_nodes:
 * @nodes: (array length=n_nodes) (nullable): node ids, in any order, duplicates allowed
 * @n_nodes: the number of ids in @nodes
 * @error: return location for a #GError, or %NULL
 *
 * Creates a nodeset holding @nodes. An empty array gives an empty set. A
 * node id of %GVIR_NODESET_MAX_NODES or more fails with
 * %GVIR_ERROR_INVALID_ARGUMENT.
 *
 * Returns: (transfer full): the new nodeset, or %NULL on error
 */
GVirNodeset *
gvir_nodeset_new_from_nodes (const guint *nodes, gsize n_nodes, GError **error)
{
  g_autoptr(GVirIdSet) ids = NULL;

  g_return_val_if_fail (nodes != NULL || n_nodes == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  ids = gvir_id_set_new (GVIR_NODESET_MAX_NODES);
  for (gsize i = 0; i < n_nodes; i++)
    if (!gvir_id_set_add (ids, nodes[i]))
      {
        g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                     "Invalid NUMA node %u: node ids must be below %d",
                     nodes[i], GVIR_NODESET_MAX_NODES);
        return NULL;
      }
  return gvir_nodeset_new_take_ids (g_steal_pointer (&ids));
}

/* ---- queries ------------------------------------------------------------ */

/**
 * gvir_nodeset_contains:
 * @nodeset: a #GVirNodeset
 * @node: a node id
 *
 * Tells whether @node is in the set.
 *
 * Returns: %TRUE if @nodeset holds @node
 */
gboolean
gvir_nodeset_contains (GVirNodeset *nodeset, guint node)
{
  g_return_val_if_fail (GVIR_IS_NODESET (nodeset), FALSE);

  return gvir_id_set_contains (nodeset->ids, node);
}

/**
 * gvir_nodeset_get_nodes:
 * @nodeset: a #GVirNodeset
 * @n_nodes: (out): return location for the number of ids
 *
 * Lists the node ids in ascending order.
 *
 * Returns: (array length=n_nodes) (transfer full): the ids; free with g_free()
 */
guint *
gvir_nodeset_get_nodes (GVirNodeset *nodeset, gsize *n_nodes)
{
  GArray *ids;

  g_return_val_if_fail (GVIR_IS_NODESET (nodeset), NULL);
  g_return_val_if_fail (n_nodes != NULL, NULL);

  ids = gvir_id_set_to_array (nodeset->ids);
  *n_nodes = ids->len;
  return (guint *) g_array_free (ids, FALSE);
}

/**
 * gvir_nodeset_count:
 * @nodeset: a #GVirNodeset
 *
 * Counts the nodes in the set.
 *
 * Returns: the number of node ids in @nodeset
 */
guint
gvir_nodeset_count (GVirNodeset *nodeset)
{
  g_return_val_if_fail (GVIR_IS_NODESET (nodeset), 0);

  return gvir_id_set_count (nodeset->ids);
}

/**
 * gvir_nodeset_is_empty:
 * @nodeset: a #GVirNodeset
 *
 * Tells whether the set holds no node.
 *
 * Returns: %TRUE if @nodeset is empty
 */
gboolean
gvir_nodeset_is_empty (GVirNodeset *nodeset)
{
  g_return_val_if_fail (GVIR_IS_NODESET (nodeset), TRUE);

  return gvir_id_set_is_empty (nodeset->ids);
}

/**
 * gvir_nodeset_get_last:
 * @nodeset: a #GVirNodeset
 *
 * Gives the highest node id in the set.
 *
 * Returns: the highest node id, or -1 if @nodeset is empty
 */
gint
gvir_nodeset_get_last (GVirNodeset *nodeset)
{
  g_return_val_if_fail (GVIR_IS_NODESET (nodeset), -1);

  return gvir_id_set_last (nodeset->ids);
}

/**
 * gvir_nodeset_equal:
 * @nodeset: a #GVirNodeset
 * @other: another #GVirNodeset
 *
 * Compares two sets by their members.
 *
 * Returns: %TRUE if both hold the same node ids
 */
gboolean
gvir_nodeset_equal (GVirNodeset *nodeset, GVirNodeset *other)
{
  g_return_val_if_fail (GVIR_IS_NODESET (nodeset), FALSE);
  g_return_val_if_fail (GVIR_IS_NODESET (other), FALSE);

  return gvir_id_set_equal (nodeset->ids, other->ids);
}

/* ---- combining ---------------------------------------------------------- */

/**
 * gvir_nodeset_union:
 * @nodeset: a #GVirNodeset
 * @other: another #GVirNodeset
 *
 * Combines two sets.
 *
 * Returns: (transfer full): a new set with the nodes of either set
 */
GVirNodeset *
gvir_nodeset_union (GVirNodeset *nodeset, GVirNodeset *other)
{
  g_return_val_if_fail (GVIR_IS_NODESET (nodeset), NULL);
  g_return_val_if_fail (GVIR_IS_NODESET (other), NULL);

  return gvir_nodeset_new_take_ids (gvir_id_set_union (nodeset->ids, other->ids));
}

/**
 * gvir_nodeset_intersect:
 * @nodeset: a #GVirNodeset
 * @other: another #GVirNodeset
 *
 * Keeps what two sets share.
 *
 * Returns: (transfer full): a new set with the nodes in both sets (possibly empty)
 */
GVirNodeset *
gvir_nodeset_intersect (GVirNodeset *nodeset, GVirNodeset *other)
{
  g_return_val_if_fail (GVIR_IS_NODESET (nodeset), NULL);
  g_return_val_if_fail (GVIR_IS_NODESET (other), NULL);

  return gvir_nodeset_new_take_ids (gvir_id_set_intersect (nodeset->ids, other->ids));
}

/**
 * gvir_nodeset_difference:
 * @nodeset: a #GVirNodeset
 * @other: the nodes to take away
 *
 * Removes the nodes of @other from @nodeset.
 *
 * Returns: (transfer full): a new set with the nodes of @nodeset that are not in @other (possibly empty)
 */
GVirNodeset *
gvir_nodeset_difference (GVirNodeset *nodeset, GVirNodeset *other)
{
  g_return_val_if_fail (GVIR_IS_NODESET (nodeset), NULL);
  g_return_val_if_fail (GVIR_IS_NODESET (other), NULL);

  return gvir_nodeset_new_take_ids (gvir_id_set_subtract (nodeset->ids, other->ids));
}

/**
 * gvir_nodeset_to_string:
 * @nodeset: a #GVirNodeset
 *
 * Formats the set in libvirt's canonical syntax: ascending, runs of two or
 * more consecutive nodes written as `N-M`, no `^` (so "0-3,^2,5" is written
 * "0-1,3,5"). An empty set gives "".
 *
 * Returns: (transfer full): the nodeset string
 */
gchar *
gvir_nodeset_to_string (GVirNodeset *nodeset)
{
  g_return_val_if_fail (GVIR_IS_NODESET (nodeset), NULL);

  return gvir_id_set_format (nodeset->ids);
}
