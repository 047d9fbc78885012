/*
 * libvirt-gconfig-capabilities-cell.c: a host NUMA cell
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include "libvirt-gconfig/libvirt-gconfig.h"
#include "libvirt-gconfig/libvirt-gconfig-object-private.h"

/**
 * SECTION:libvirt-gconfig-capabilities-cell
 * @title: GVirConfigCapabilitiesCell
 * @short_description: A host NUMA cell
 *
 * A `<cell>` of the host topology in capabilities: its memory, free page
 * pools, distances to the other cells and its CPUs.
 *
 * |[<!-- language="C" -->
 * GList *cells = gvir_config_capabilities_host_get_cells (host);
 * for (GList *l = cells; l != NULL; l = l->next)
 *   {
 *     GVirConfigCapabilitiesCell *cell = l->data;
 *     g_print ("cell %u: %" G_GUINT64_FORMAT " KiB, distance to 0: %u\n",
 *              gvir_config_capabilities_cell_get_id (cell),
 *              gvir_config_capabilities_cell_get_memory (cell),
 *              gvir_config_capabilities_cell_get_distance (cell, 0));
 *   }
 * g_list_free_full (cells, g_object_unref);
 * ]|
 */

/**
 * GVirConfigCapabilitiesCell:
 *
 * A host NUMA cell.
 */
struct _GVirConfigCapabilitiesCell
{
  GVirConfigObject parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigCapabilitiesCell, gvir_config_capabilities_cell, GVIR_CONFIG_TYPE_OBJECT)

static void
gvir_config_capabilities_cell_class_init (GVirConfigCapabilitiesCellClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "cell", NULL);
}

static void
gvir_config_capabilities_cell_init (GVirConfigCapabilitiesCell *self)
{
}

/**
 * gvir_config_capabilities_cell_get_id:
 * @cell: a #GVirConfigCapabilitiesCell
 *
 * Gets the NUMA node number of the cell.
 *
 * Returns: the cell id, or 0 if missing or invalid
 */
guint
gvir_config_capabilities_cell_get_id (GVirConfigCapabilitiesCell *cell)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_CAPABILITIES_CELL (cell), 0);

  return (guint) gvir_config_object_get_attribute_uint64 (GVIR_CONFIG_OBJECT (cell), NULL, "id", 0);
}

/**
 * gvir_config_capabilities_cell_get_memory:
 * @cell: a #GVirConfigCapabilitiesCell
 *
 * Gets the memory of the cell, converted to KiB from the element's unit.
 *
 * Returns: the memory in KiB, or 0 if missing or invalid
 */
guint64
gvir_config_capabilities_cell_get_memory (GVirConfigCapabilitiesCell *cell)
{
  GVirConfigObject *self;
  guint64 kib;

  g_return_val_if_fail (GVIR_CONFIG_IS_CAPABILITIES_CELL (cell), 0);

  self = GVIR_CONFIG_OBJECT (cell);
  if (!gvir_config_parse_kib (gvir_config_object_get_node_content (self, "memory"),
                              gvir_config_object_get_attribute (self, "memory", "unit"),
                              &kib))
    return 0;
  return kib;
}

/**
 * gvir_config_capabilities_cell_get_cpus:
 * @cell: a #GVirConfigCapabilitiesCell
 *
 * Gets live views of the CPUs listed in the cell's `<cpus>`.
 *
 * Returns: (transfer full) (element-type LibvirtGConfig.CapabilitiesCellCpu):
 *   the CPUs, in document order
 */
GList *
gvir_config_capabilities_cell_get_cpus (GVirConfigCapabilitiesCell *cell)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_CAPABILITIES_CELL (cell), NULL);

  return gvir_config_object_get_children_with_type (GVIR_CONFIG_OBJECT (cell), "cpus", "cpu",
                                                    GVIR_CONFIG_TYPE_CAPABILITIES_CELL_CPU);
}

/* The numeric @attr of each @child_name element under @parent_name;
 * elements whose value does not parse are skipped. */
static GArray *
cell_collect_uint (GVirConfigCapabilitiesCell *cell,
                   const char *parent_name,
                   const char *child_name,
                   const char *attr)
{
  xmlNodePtr parent = gvir_config_xml_get_element (gvir_config_object_get_xml_node (GVIR_CONFIG_OBJECT (cell)),
                                                   parent_name);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (guint));

  for (xmlNodePtr child = parent ? parent->children : NULL; child != NULL; child = child->next)
    {
      const char *text;
      guint64 value;

      if (child->type != XML_ELEMENT_NODE || g_strcmp0 ((const char *) child->name, child_name) != 0)
        continue;
      text = gvir_config_xml_node_get_attribute (child, attr);
      if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT, &value, NULL))
        continue;
      g_array_append_vals (ids, &(guint) { (guint) value }, 1);
    }
  return ids;
}

/**
 * gvir_config_capabilities_cell_get_cpu_ids:
 * @cell: a #GVirConfigCapabilitiesCell
 * @n_ids: (out): return location for the number of ids
 *
 * Gets the ids of the host CPUs in the cell.
 *
 * Returns: (transfer full) (array length=n_ids): the CPU ids, in document order
 */
guint *
gvir_config_capabilities_cell_get_cpu_ids (GVirConfigCapabilitiesCell *cell, gsize *n_ids)
{
  GArray *ids;

  g_return_val_if_fail (GVIR_CONFIG_IS_CAPABILITIES_CELL (cell), NULL);
  g_return_val_if_fail (n_ids != NULL, NULL);

  ids = cell_collect_uint (cell, "cpus", "cpu", "id");
  *n_ids = ids->len;
  return (guint *) g_array_free (ids, FALSE);
}

/**
 * gvir_config_capabilities_cell_get_sibling_ids:
 * @cell: a #GVirConfigCapabilitiesCell
 * @n_ids: (out): return location for the number of ids
 *
 * Gets the ids of the cells listed in this cell's `<distances>` (this cell
 * usually included).
 *
 * Returns: (transfer full) (array length=n_ids): the cell ids, in document order
 */
guint *
gvir_config_capabilities_cell_get_sibling_ids (GVirConfigCapabilitiesCell *cell, gsize *n_ids)
{
  GArray *ids;

  g_return_val_if_fail (GVIR_CONFIG_IS_CAPABILITIES_CELL (cell), NULL);
  g_return_val_if_fail (n_ids != NULL, NULL);

  ids = cell_collect_uint (cell, "distances", "sibling", "id");
  *n_ids = ids->len;
  return (guint *) g_array_free (ids, FALSE);
}

/**
 * gvir_config_capabilities_cell_get_distance:
 * @cell: a #GVirConfigCapabilitiesCell
 * @sibling_id: the id of another (or this) cell
 *
 * Gets the NUMA distance from this cell to cell @sibling_id (10 for the
 * cell itself in libvirt's convention).
 *
 * Returns: the distance, or 0 if none is listed
 */
guint
gvir_config_capabilities_cell_get_distance (GVirConfigCapabilitiesCell *cell, guint sibling_id)
{
  xmlNodePtr distances;

  g_return_val_if_fail (GVIR_CONFIG_IS_CAPABILITIES_CELL (cell), 0);

  distances = gvir_config_xml_get_element (gvir_config_object_get_xml_node (GVIR_CONFIG_OBJECT (cell)),
                                           "distances");
  for (xmlNodePtr child = distances ? distances->children : NULL; child != NULL; child = child->next)
    {
      guint64 id, value;

      if (child->type != XML_ELEMENT_NODE || g_strcmp0 ((const char *) child->name, "sibling") != 0)
        continue;
      if (!g_ascii_string_to_unsigned (gvir_config_xml_node_get_attribute (child, "id") ?: "",
                                       10, 0, G_MAXUINT, &id, NULL) || id != sibling_id)
        continue;
      if (!g_ascii_string_to_unsigned (gvir_config_xml_node_get_attribute (child, "value") ?: "",
                                       10, 0, G_MAXUINT, &value, NULL))
        return 0;
      return (guint) value;
    }
  return 0;
}

/* Page size in KiB of a <pages size=".." unit=".."> element. */
static gboolean
pages_get_size (xmlNodePtr pages, guint64 *size_kib)
{
  return gvir_config_parse_kib (gvir_config_xml_node_get_attribute (pages, "size"),
                                gvir_config_xml_node_get_attribute (pages, "unit"),
                                size_kib);
}

/**
 * gvir_config_capabilities_cell_get_page_sizes:
 * @cell: a #GVirConfigCapabilitiesCell
 * @n_sizes: (out): return location for the number of sizes
 *
 * Gets the sizes of the page pools listed for the cell.
 *
 * Returns: (transfer full) (array length=n_sizes): the page sizes in KiB
 */
guint64 *
gvir_config_capabilities_cell_get_page_sizes (GVirConfigCapabilitiesCell *cell, gsize *n_sizes)
{
  GArray *sizes;
  xmlNodePtr node;

  g_return_val_if_fail (GVIR_CONFIG_IS_CAPABILITIES_CELL (cell), NULL);
  g_return_val_if_fail (n_sizes != NULL, NULL);

  sizes = g_array_new (FALSE, FALSE, sizeof (guint64));
  node = gvir_config_object_get_xml_node (GVIR_CONFIG_OBJECT (cell));
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      guint64 size;

      if (child->type == XML_ELEMENT_NODE && g_strcmp0 ((const char *) child->name, "pages") == 0 &&
          pages_get_size (child, &size))
        g_array_append_val (sizes, size);
    }
  *n_sizes = sizes->len;
  return (guint64 *) g_array_free (sizes, FALSE);
}

/**
 * gvir_config_capabilities_cell_get_page_count:
 * @cell: a #GVirConfigCapabilitiesCell
 * @page_size: a page size in KiB
 *
 * Gets the number of pages of @page_size KiB in the cell's pool.
 *
 * Returns: the number of pages, or 0 if no pool of that size is listed
 */
guint64
gvir_config_capabilities_cell_get_page_count (GVirConfigCapabilitiesCell *cell, guint64 page_size)
{
  xmlNodePtr node;

  g_return_val_if_fail (GVIR_CONFIG_IS_CAPABILITIES_CELL (cell), 0);

  node = gvir_config_object_get_xml_node (GVIR_CONFIG_OBJECT (cell));
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      guint64 size, count;
      g_autofree char *text = NULL;

      if (child->type != XML_ELEMENT_NODE || g_strcmp0 ((const char *) child->name, "pages") != 0 ||
          !pages_get_size (child, &size) || size != page_size)
        continue;
      text = g_strstrip (g_strdup (gvir_config_xml_node_get_text (child) ?: ""));
      if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT64, &count, NULL))
        return 0;
      return count;
    }
  return 0;
}
