/*
 * libvirt-gconfig-domain-numa-cell.c: a guest NUMA cell
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
#include "libvirt-gconfig/libvirt-gconfig-nodeset-private.h"
#include "libvirt-gconfig/libvirt-gconfig-tuning-private.h"

/**
 * SECTION:libvirt-gconfig-domain-numa-cell
 * @title: GVirConfigDomainNumaCell
 * @short_description: A guest NUMA cell
 *
 * A `<cell>` of `<cpu><numa>`: the guest CPUs and memory of one guest NUMA
 * node, how its memory is mapped, and its distances to the other cells.
 * Cell ids must be 0 to n-1; gvir_config_domain_validate_numa() checks
 * the cells together.
 *
 * |[<!-- language="C" -->
 * g_autoptr(GError) error = NULL;
 * g_autoptr(GVirConfigDomainNumaCell) cell = gvir_config_domain_numa_cell_new ();
 * gvir_config_domain_numa_cell_set_id (cell, 0);
 * gvir_config_domain_numa_cell_set_cpus (cell, "0-1", &error);
 * gvir_config_domain_numa_cell_set_memory (cell, 1024 * 1024);
 * gvir_config_domain_numa_cell_set_distance (cell, 1, 21);
 * gvir_config_domain_cpu_add_numa_cell (cpu, cell);
 * ]|
 */

/**
 * GVirConfigDomainNumaCell:
 *
 * A guest NUMA cell.
 */
struct _GVirConfigDomainNumaCell
{
  GVirConfigObject parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigDomainNumaCell, gvir_config_domain_numa_cell, GVIR_CONFIG_TYPE_OBJECT)

static void
gvir_config_domain_numa_cell_class_init (GVirConfigDomainNumaCellClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "cell", NULL);
}

static void
gvir_config_domain_numa_cell_init (GVirConfigDomainNumaCell *self)
{
}

/**
 * gvir_config_domain_numa_cell_new:
 *
 * Creates a #GVirConfigDomainNumaCell holding an empty `<cell>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigDomainNumaCell *
gvir_config_domain_numa_cell_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_DOMAIN_NUMA_CELL, NULL);
}

/**
 * gvir_config_domain_numa_cell_new_from_xml:
 * @xml: an XML document whose root element is `<cell>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigDomainNumaCell. Malformed XML or another root element gives a
 * #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigDomainNumaCell *
gvir_config_domain_numa_cell_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigDomainNumaCell *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN_NUMA_CELL, "cell", NULL, xml, error);
}

/**
 * gvir_config_domain_numa_cell_get_id:
 * @cell: a #GVirConfigDomainNumaCell
 *
 * Gets the cell id.
 *
 * Returns: the id, or -1 if unset or invalid (libvirt then uses the
 *   cell's position)
 */
gint
gvir_config_domain_numa_cell_get_id (GVirConfigDomainNumaCell *cell)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_NUMA_CELL (cell), -1);

  return gvir_config_object_get_attribute_id (GVIR_CONFIG_OBJECT (cell), NULL, "id");
}

/**
 * gvir_config_domain_numa_cell_set_id:
 * @cell: a #GVirConfigDomainNumaCell
 * @id: the cell id
 *
 * Sets the cell id.
 */
void
gvir_config_domain_numa_cell_set_id (GVirConfigDomainNumaCell *cell, guint id)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_NUMA_CELL (cell));
  g_return_if_fail (id <= G_MAXINT);

  gvir_config_object_set_attribute_uint64 (GVIR_CONFIG_OBJECT (cell), NULL, "id", id);
}

/**
 * gvir_config_domain_numa_cell_get_cpus:
 * @cell: a #GVirConfigDomainNumaCell
 *
 * Gets the guest CPUs of the cell, in libvirt's cpuset syntax.
 *
 * Returns: (transfer none) (nullable): the CPUs, or %NULL for a cell
 *   without CPUs
 */
const gchar *
gvir_config_domain_numa_cell_get_cpus (GVirConfigDomainNumaCell *cell)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_NUMA_CELL (cell), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (cell), NULL, "cpus");
}

/**
 * gvir_config_domain_numa_cell_set_cpus:
 * @cell: a #GVirConfigDomainNumaCell
 * @cpus: (nullable): guest CPUs such as "0-3", or %NULL for a cell without CPUs
 * @error: return location for a #GError, or %NULL
 *
 * Sets the guest CPUs of the cell, written in canonical form. A malformed
 * or empty cpuset gives a #GVIR_CONFIG_ERROR_INVALID error and changes
 * nothing.
 *
 * Returns: %TRUE on success
 */
gboolean
gvir_config_domain_numa_cell_set_cpus (GVirConfigDomainNumaCell *cell,
                                       const gchar *cpus,
                                       GError **error)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_NUMA_CELL (cell), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return gvir_config_object_set_attribute_nodeset (GVIR_CONFIG_OBJECT (cell), NULL, "cpus",
                                                   cpus, "cpus", error);
}

/**
 * gvir_config_domain_numa_cell_get_memory:
 * @cell: a #GVirConfigDomainNumaCell
 *
 * Gets the memory of the cell, converted to KiB from its unit.
 *
 * Returns: the memory in KiB, or 0 if unset or invalid
 */
guint64
gvir_config_domain_numa_cell_get_memory (GVirConfigDomainNumaCell *cell)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_NUMA_CELL (cell), 0);

  return gvir_config_object_get_attribute_kib (GVIR_CONFIG_OBJECT (cell), "memory", "unit");
}

/**
 * gvir_config_domain_numa_cell_set_memory:
 * @cell: a #GVirConfigDomainNumaCell
 * @memory: the memory in KiB
 *
 * Sets the memory of the cell, written as `memory="..." unit="KiB"`.
 */
void
gvir_config_domain_numa_cell_set_memory (GVirConfigDomainNumaCell *cell, guint64 memory)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_NUMA_CELL (cell));

  gvir_config_object_set_attribute_kib (GVIR_CONFIG_OBJECT (cell), "memory", "unit", memory);
}

/**
 * gvir_config_domain_numa_cell_get_mem_access:
 * @cell: a #GVirConfigDomainNumaCell
 *
 * Gets how the cell's memory is mapped.
 *
 * Returns: the access mode; %GVIR_CONFIG_DOMAIN_NUMA_CELL_MEM_ACCESS_DEFAULT
 *   if unset or unknown
 */
GVirConfigDomainNumaCellMemAccess
gvir_config_domain_numa_cell_get_mem_access (GVirConfigDomainNumaCell *cell)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_NUMA_CELL (cell),
                        GVIR_CONFIG_DOMAIN_NUMA_CELL_MEM_ACCESS_DEFAULT);

  return gvir_config_object_get_attribute_genum (GVIR_CONFIG_OBJECT (cell), NULL, "memAccess",
                                                 GVIR_CONFIG_TYPE_DOMAIN_NUMA_CELL_MEM_ACCESS,
                                                 GVIR_CONFIG_DOMAIN_NUMA_CELL_MEM_ACCESS_DEFAULT);
}

/**
 * gvir_config_domain_numa_cell_set_mem_access:
 * @cell: a #GVirConfigDomainNumaCell
 * @access: the access mode; %GVIR_CONFIG_DOMAIN_NUMA_CELL_MEM_ACCESS_DEFAULT
 *   removes the attribute
 *
 * Sets how the cell's memory is mapped.
 */
void
gvir_config_domain_numa_cell_set_mem_access (GVirConfigDomainNumaCell *cell,
                                             GVirConfigDomainNumaCellMemAccess access)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_NUMA_CELL (cell));
  g_return_if_fail (gvir_config_genum_get_nick (GVIR_CONFIG_TYPE_DOMAIN_NUMA_CELL_MEM_ACCESS, access) != NULL);

  if (access == GVIR_CONFIG_DOMAIN_NUMA_CELL_MEM_ACCESS_DEFAULT)
    gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (cell), NULL, "memAccess", NULL);
  else
    gvir_config_object_set_attribute_genum (GVIR_CONFIG_OBJECT (cell), NULL, "memAccess",
                                            GVIR_CONFIG_TYPE_DOMAIN_NUMA_CELL_MEM_ACCESS, access);
}

/**
 * gvir_config_domain_numa_cell_get_discard:
 * @cell: a #GVirConfigDomainNumaCell
 *
 * Gets whether the cell's memory is discarded when the guest stops.
 *
 * Returns: %TRUE if `discard="yes"`
 */
gboolean
gvir_config_domain_numa_cell_get_discard (GVirConfigDomainNumaCell *cell)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_NUMA_CELL (cell), FALSE);

  return gvir_config_object_get_attribute_boolean (GVIR_CONFIG_OBJECT (cell), NULL, "discard", FALSE);
}

/**
 * gvir_config_domain_numa_cell_set_discard:
 * @cell: a #GVirConfigDomainNumaCell
 * @discard: whether to discard the memory
 *
 * Sets whether the cell's memory is discarded when the guest stops.
 */
void
gvir_config_domain_numa_cell_set_discard (GVirConfigDomainNumaCell *cell, gboolean discard)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_NUMA_CELL (cell));

  gvir_config_object_set_attribute_boolean (GVIR_CONFIG_OBJECT (cell), NULL, "discard", discard);
}

static xmlNodePtr
cell_find_sibling (xmlNodePtr distances, guint sibling)
{
  for (xmlNodePtr child = distances ? distances->children : NULL; child != NULL; child = child->next)
    {
      guint64 id;

      if (child->type != XML_ELEMENT_NODE || g_strcmp0 ((const char *) child->name, "sibling") != 0)
        continue;
      if (gvir_config_parse_uint (gvir_config_xml_node_get_attribute (child, "id"), G_MAXUINT, &id) && id == sibling)
        return child;
    }
  return NULL;
}

/**
 * gvir_config_domain_numa_cell_get_distance:
 * @cell: a #GVirConfigDomainNumaCell
 * @sibling: the id of another (or this) cell
 *
 * Gets the distance from this cell to @sibling, `<distances><sibling>`.
 *
 * Returns: the distance, or 0 if unset or invalid
 */
guint
gvir_config_domain_numa_cell_get_distance (GVirConfigDomainNumaCell *cell, guint sibling)
{
  xmlNodePtr distances, node;
  guint64 value;

  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_NUMA_CELL (cell), 0);

  distances = gvir_config_xml_get_element (gvir_config_object_get_xml_node (GVIR_CONFIG_OBJECT (cell)),
                                           "distances");
  node = cell_find_sibling (distances, sibling);
  if (node == NULL ||
      !gvir_config_parse_uint (gvir_config_xml_node_get_attribute (node, "value"), G_MAXUINT, &value))
    return 0;
  return (guint) value;
}

/**
 * gvir_config_domain_numa_cell_set_distance:
 * @cell: a #GVirConfigDomainNumaCell
 * @sibling: the id of another (or this) cell
 * @value: the distance, 10 (local) to 255, or 0 to remove the entry
 *
 * Sets the distance from this cell to @sibling.
 */
void
gvir_config_domain_numa_cell_set_distance (GVirConfigDomainNumaCell *cell, guint sibling, guint value)
{
  GVirConfigObject *self;
  xmlNodePtr distances, node;
  char buf[16];

  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_NUMA_CELL (cell));
  g_return_if_fail (value == 0 || (value >= 10 && value <= 255));

  self = GVIR_CONFIG_OBJECT (cell);
  distances = gvir_config_xml_get_element (gvir_config_object_get_xml_node (self), "distances");
  node = cell_find_sibling (distances, sibling);
  if (value == 0)
    {
      if (node != NULL)
        gvir_config_object_delete_node (self, node);
      return;
    }
  if (node == NULL)
    {
      if (distances == NULL)
        distances = gvir_config_object_ensure_child (self, "distances");
      node = xmlNewChild (distances, NULL, (const xmlChar *) "sibling", NULL);
      g_snprintf (buf, sizeof buf, "%u", sibling);
      gvir_config_xml_node_set_attribute (node, "id", buf);
    }
  g_snprintf (buf, sizeof buf, "%u", value);
  gvir_config_xml_node_set_attribute (node, "value", buf);
}
