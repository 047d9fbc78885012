/*
 * libvirt-gobject-node-cell.c: one NUMA cell of a host
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include "libvirt-gobject/libvirt-gobject-node-cell.h"
#include "libvirt-gobject/libvirt-gobject-node-cell-private.h"

/**
 * SECTION:libvirt-gobject-node-cell
 * @title: GVirNodeCell
 * @short_description: A NUMA cell of the host
 *
 * A #GVirNodeCell describes one NUMA cell (node) of the host a
 * #GVirConnection talks to: its CPUs, its memory and free memory, the
 * sizes and numbers of its memory pages and its distances to the other
 * cells. Every amount of memory is in bytes.
 *
 * Cells come from gvir_connection_get_node_cells(). A cell is an
 * immutable snapshot taken when it was fetched: ask the connection again
 * for current free memory.
 *
 * |[<!-- language="C" -->
 * g_autoptr(GError) error = NULL;
 * GList *cells = gvir_connection_get_node_cells (conn, NULL, &error);
 *
 * for (GList *l = cells; l != NULL; l = l->next)
 *   {
 *     GVirNodeCell *cell = l->data;
 *     gsize n_cpus;
 *
 *     gvir_node_cell_get_cpus (cell, &n_cpus);
 *     g_print ("cell %u: %zu CPUs, %" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT
 *              " bytes free, distance to cell 0: %u\n",
 *              gvir_node_cell_get_id (cell), n_cpus,
 *              gvir_node_cell_get_free_memory (cell),
 *              gvir_node_cell_get_memory (cell),
 *              gvir_node_cell_get_distance (cell, 0));
 *   }
 * g_list_free_full (cells, g_object_unref);
 * ]|
 */

struct _GVirNodeCell
{
  GObject parent_instance;

  guint id;
  guint64 memory;          /* bytes */
  guint64 free_memory;     /* bytes */
  GArray *cpus;            /* guint, in the order the host lists them */
  GArray *sibling_ids;     /* guint */
  GArray *distances;       /* guint, parallel to sibling_ids */
  GArray *page_sizes;      /* guint64, bytes */
  GArray *page_counts;     /* guint64, parallel to page_sizes */
};

G_DEFINE_FINAL_TYPE (GVirNodeCell, gvir_node_cell, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_MEMORY,
  PROP_FREE_MEMORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gvir_node_cell_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  GVirNodeCell *self = GVIR_NODE_CELL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_uint (value, self->id);
      break;
    case PROP_MEMORY:
      g_value_set_uint64 (value, self->memory);
      break;
    case PROP_FREE_MEMORY:
      g_value_set_uint64 (value, self->free_memory);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gvir_node_cell_finalize (GObject *object)
{
  GVirNodeCell *self = GVIR_NODE_CELL (object);

  g_array_unref (self->cpus);
  g_array_unref (self->sibling_ids);
  g_array_unref (self->distances);
  g_array_unref (self->page_sizes);
  g_array_unref (self->page_counts);
  G_OBJECT_CLASS (gvir_node_cell_parent_class)->finalize (object);
}

static void
gvir_node_cell_class_init (GVirNodeCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = gvir_node_cell_get_property;
  object_class->finalize = gvir_node_cell_finalize;

  /**
   * GVirNodeCell:id:
   *
   * The NUMA node number of the cell.
   */
  properties[PROP_ID] =
    g_param_spec_uint ("id", "Id", "The NUMA node number of the cell",
                       0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * GVirNodeCell:memory:
   *
   * The memory of the cell, in bytes.
   */
  properties[PROP_MEMORY] =
    g_param_spec_uint64 ("memory", "Memory", "The memory of the cell in bytes",
                         0, G_MAXUINT64, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * GVirNodeCell:free-memory:
   *
   * The free memory of the cell when it was fetched, in bytes.
   */
  properties[PROP_FREE_MEMORY] =
    g_param_spec_uint64 ("free-memory", "Free memory", "The free memory of the cell in bytes",
                         0, G_MAXUINT64, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gvir_node_cell_init (GVirNodeCell *self)
{
  self->cpus = g_array_new (FALSE, FALSE, sizeof (guint));
  self->sibling_ids = g_array_new (FALSE, FALSE, sizeof (guint));
  self->distances = g_array_new (FALSE, FALSE, sizeof (guint));
  self->page_sizes = g_array_new (FALSE, FALSE, sizeof (guint64));
  self->page_counts = g_array_new (FALSE, FALSE, sizeof (guint64));
}

/* Saturates instead of wrapping: a cell claiming more than 16 EiB is
 * nonsense, but must not turn into a small number. */
static guint64
kib_to_bytes (guint64 kib)
{
  return kib > G_MAXUINT64 / 1024 ? G_MAXUINT64 : kib * 1024;
}

static void
copy_distances (GVirNodeCell *self, GVirConfigCapabilitiesCell *conf)
{
  gsize n_ids = 0;
  g_autofree guint *ids = gvir_config_capabilities_cell_get_sibling_ids (conf, &n_ids);

  for (gsize i = 0; i < n_ids; i++)
    {
      guint distance = gvir_config_capabilities_cell_get_distance (conf, ids[i]);

      g_array_append_val (self->sibling_ids, ids[i]);
      g_array_append_val (self->distances, distance);
    }
}

static void
copy_pages (GVirNodeCell *self, GVirConfigCapabilitiesCell *conf)
{
  gsize n_sizes = 0;
  g_autofree guint64 *sizes_kib = gvir_config_capabilities_cell_get_page_sizes (conf, &n_sizes);

  for (gsize i = 0; i < n_sizes; i++)
    {
      guint64 bytes = kib_to_bytes (sizes_kib[i]);
      guint64 count = gvir_config_capabilities_cell_get_page_count (conf, sizes_kib[i]);

      g_array_append_val (self->page_sizes, bytes);
      g_array_append_val (self->page_counts, count);
    }
}

GVirNodeCell *
_gvir_node_cell_new_from_config (GVirConfigCapabilitiesCell *conf, guint64 free_bytes)
{
  GVirNodeCell *self;
  g_autofree guint *cpus = NULL;
  gsize n_cpus = 0;

  g_return_val_if_fail (GVIR_CONFIG_IS_CAPABILITIES_CELL (conf), NULL);

  self = g_object_new (GVIR_TYPE_NODE_CELL, NULL);
  self->id = gvir_config_capabilities_cell_get_id (conf);
  self->memory = kib_to_bytes (gvir_config_capabilities_cell_get_memory (conf));
  self->free_memory = free_bytes;
  cpus = gvir_config_capabilities_cell_get_cpu_ids (conf, &n_cpus);
  g_array_append_vals (self->cpus, cpus, n_cpus);
  copy_distances (self, conf);
  copy_pages (self, conf);
  return self;
}

/**
 * gvir_node_cell_get_id:
 * @cell: a #GVirNodeCell
 *
 * Gets the NUMA node number of the cell, as used in a #GVirNodeset.
 *
 * Returns: the cell id
 */
guint
gvir_node_cell_get_id (GVirNodeCell *cell)
{
  g_return_val_if_fail (GVIR_IS_NODE_CELL (cell), 0);

  return cell->id;
}

/**
 * gvir_node_cell_get_memory:
 * @cell: a #GVirNodeCell
 *
 * Gets the memory of the cell in bytes (libvirt's capabilities state it
 * in KiB).
 *
 * Returns: the memory in bytes, or 0 if the host does not say
 */
guint64
gvir_node_cell_get_memory (GVirNodeCell *cell)
{
  g_return_val_if_fail (GVIR_IS_NODE_CELL (cell), 0);

  return cell->memory;
}

/**
 * gvir_node_cell_get_free_memory:
 * @cell: a #GVirNodeCell
 *
 * Gets the free memory of the cell in bytes, as it was when the cell was
 * fetched. gvir_connection_get_cells_free_memory() gives current values.
 *
 * Returns: the free memory in bytes
 */
guint64
gvir_node_cell_get_free_memory (GVirNodeCell *cell)
{
  g_return_val_if_fail (GVIR_IS_NODE_CELL (cell), 0);

  return cell->free_memory;
}

/**
 * gvir_node_cell_get_cpus:
 * @cell: a #GVirNodeCell
 * @n_cpus: (out): return location for the number of CPUs
 *
 * Gets the ids of the host CPUs in the cell, in the order the host lists
 * them.
 *
 * Returns: (transfer none) (array length=n_cpus): the CPU ids, owned by
 *   @cell
 */
const guint *
gvir_node_cell_get_cpus (GVirNodeCell *cell, gsize *n_cpus)
{
  g_return_val_if_fail (GVIR_IS_NODE_CELL (cell), NULL);
  g_return_val_if_fail (n_cpus != NULL, NULL);

  *n_cpus = cell->cpus->len;
  return (const guint *) cell->cpus->data;
}

/**
 * gvir_node_cell_has_cpu:
 * @cell: a #GVirNodeCell
 * @cpu: a host CPU id
 *
 * Whether host CPU @cpu belongs to the cell.
 *
 * Returns: %TRUE if @cpu is one of the cell's CPUs
 */
gboolean
gvir_node_cell_has_cpu (GVirNodeCell *cell, guint cpu)
{
  g_return_val_if_fail (GVIR_IS_NODE_CELL (cell), FALSE);

  for (guint i = 0; i < cell->cpus->len; i++)
    if (g_array_index (cell->cpus, guint, i) == cpu)
      return TRUE;
  return FALSE;
}

/**
 * gvir_node_cell_get_sibling_ids:
 * @cell: a #GVirNodeCell
 * @n_ids: (out): return location for the number of ids
 *
 * Gets the ids of the cells the host gives a distance to (usually every
 * cell, this one included). Empty when the host reports no distances.
 *
 * Returns: (transfer none) (array length=n_ids): the cell ids, owned by
 *   @cell
 */
const guint *
gvir_node_cell_get_sibling_ids (GVirNodeCell *cell, gsize *n_ids)
{
  g_return_val_if_fail (GVIR_IS_NODE_CELL (cell), NULL);
  g_return_val_if_fail (n_ids != NULL, NULL);

  *n_ids = cell->sibling_ids->len;
  return (const guint *) cell->sibling_ids->data;
}

/**
 * gvir_node_cell_get_distance:
 * @cell: a #GVirNodeCell
 * @other_id: the id of another cell, or of this one
 *
 * Gets the NUMA distance from this cell to cell @other_id: a relative
 * cost of memory access where 10 means local.
 *
 * Returns: the distance, or 0 when the host gives none for @other_id
 */
guint
gvir_node_cell_get_distance (GVirNodeCell *cell, guint other_id)
{
  g_return_val_if_fail (GVIR_IS_NODE_CELL (cell), 0);

  for (guint i = 0; i < cell->sibling_ids->len; i++)
    if (g_array_index (cell->sibling_ids, guint, i) == other_id)
      return g_array_index (cell->distances, guint, i);
  return 0;
}

/**
 * gvir_node_cell_get_page_sizes:
 * @cell: a #GVirNodeCell
 * @n_sizes: (out): return location for the number of sizes
 *
 * Gets the sizes, in bytes, of the memory page pools of the cell (for
 * example 4096 and 2097152). Empty when the host reports no pages.
 *
 * Returns: (transfer none) (array length=n_sizes): the page sizes in
 *   bytes, owned by @cell
 */
const guint64 *
gvir_node_cell_get_page_sizes (GVirNodeCell *cell, gsize *n_sizes)
{
  g_return_val_if_fail (GVIR_IS_NODE_CELL (cell), NULL);
  g_return_val_if_fail (n_sizes != NULL, NULL);

  *n_sizes = cell->page_sizes->len;
  return (const guint64 *) cell->page_sizes->data;
}

/**
 * gvir_node_cell_get_page_count:
 * @cell: a #GVirNodeCell
 * @page_size: a page size in bytes, as returned by
 *   gvir_node_cell_get_page_sizes()
 *
 * Gets the number of pages of @page_size bytes in the cell's pool.
 *
 * Returns: the number of pages, or 0 when the cell has no pool of that size
 */
guint64
gvir_node_cell_get_page_count (GVirNodeCell *cell, guint64 page_size)
{
  g_return_val_if_fail (GVIR_IS_NODE_CELL (cell), 0);

  for (guint i = 0; i < cell->page_sizes->len; i++)
    if (g_array_index (cell->page_sizes, guint64, i) == page_size)
      return g_array_index (cell->page_counts, guint64, i);
  return 0;
}
