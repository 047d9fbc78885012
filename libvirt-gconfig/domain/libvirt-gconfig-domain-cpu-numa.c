/*
 * libvirt-gconfig-domain-cpu-numa.c: the guest NUMA topology of a domain CPU
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
#include "libvirt-gconfig/libvirt-gconfig-tuning-private.h"

/**
 * SECTION:libvirt-gconfig-domain-cpu-numa
 * @section_id: libvirt-gconfig-domain-cpu-numa
 * @title: Guest NUMA topology
 * @short_description: The NUMA cells of a domain CPU
 *
 * The guest NUMA topology lives in `<cpu><numa>` as a list of
 * #GVirConfigDomainNumaCell. These functions read and edit it on a
 * #GVirConfigDomainCpu.
 *
 * |[<!-- language="C" -->
 * g_autoptr(GVirConfigDomainCpu) cpu = gvir_config_domain_get_cpu (domain);
 * g_autolist(GVirConfigDomainNumaCell) cells = gvir_config_domain_cpu_get_numa_cells (cpu);
 * for (GList *l = cells; l != NULL; l = l->next)
 *   g_print ("cell %d: cpus %s\n", gvir_config_domain_numa_cell_get_id (l->data),
 *            gvir_config_domain_numa_cell_get_cpus (l->data));
 * ]|
 */

/**
 * gvir_config_domain_cpu_get_numa_cells:
 * @cpu: a #GVirConfigDomainCpu
 *
 * Gets live views of the guest NUMA cells.
 *
 * Returns: (transfer full) (element-type LibvirtGConfig.DomainNumaCell):
 *   the cells in document order; %NULL if there is no `<numa>`
 */
GList *
gvir_config_domain_cpu_get_numa_cells (GVirConfigDomainCpu *cpu)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_CPU (cpu), NULL);

  return gvir_config_object_get_children_with_type (GVIR_CONFIG_OBJECT (cpu), "numa", "cell",
                                                    GVIR_CONFIG_TYPE_DOMAIN_NUMA_CELL);
}

/**
 * gvir_config_domain_cpu_set_numa_cells:
 * @cpu: a #GVirConfigDomainCpu
 * @cells: (nullable) (element-type LibvirtGConfig.DomainNumaCell): the new
 *   cells, or %NULL to remove `<numa>`
 *
 * Replaces the guest NUMA cells. The cells become part of @cpu's document;
 * they may be the ones gvir_config_domain_cpu_get_numa_cells() returned.
 * Other children of `<numa>` are kept.
 */
void
gvir_config_domain_cpu_set_numa_cells (GVirConfigDomainCpu *cpu, GList *cells)
{
  GVirConfigObject *self;

  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_CPU (cpu));
  for (GList *l = cells; l != NULL; l = l->next)
    g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_NUMA_CELL (l->data));

  self = GVIR_CONFIG_OBJECT (cpu);
  if (cells == NULL)
    {
      gvir_config_object_delete_children (self, "numa");
      return;
    }
  gvir_config_object_replace_children_list (self, gvir_config_object_ensure_child (self, "numa"),
                                            "cell", cells);
}

/**
 * gvir_config_domain_cpu_add_numa_cell:
 * @cpu: a #GVirConfigDomainCpu
 * @cell: the cell to add
 *
 * Appends a guest NUMA cell, creating `<numa>` if needed. @cell becomes
 * part of @cpu's document.
 */
void
gvir_config_domain_cpu_add_numa_cell (GVirConfigDomainCpu *cpu, GVirConfigDomainNumaCell *cell)
{
  GVirConfigObject *self;

  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_CPU (cpu));
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_NUMA_CELL (cell));

  self = GVIR_CONFIG_OBJECT (cpu);
  gvir_config_object_attach_to_node (self, gvir_config_object_ensure_child (self, "numa"),
                                     GVIR_CONFIG_OBJECT (cell));
}
