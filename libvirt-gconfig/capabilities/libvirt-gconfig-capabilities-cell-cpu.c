/*
 * libvirt-gconfig-capabilities-cell-cpu.c: a CPU of a host NUMA cell
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
 * SECTION:libvirt-gconfig-capabilities-cell-cpu
 * @title: GVirConfigCapabilitiesCellCpu
 * @short_description: A CPU of a host NUMA cell
 *
 * A `<cpu id="..." socket_id="..." core_id="..." siblings="..."/>` element
 * listed under a cell of the host topology.
 */

/**
 * GVirConfigCapabilitiesCellCpu:
 *
 * A CPU of a host NUMA cell.
 */
struct _GVirConfigCapabilitiesCellCpu
{
  GVirConfigObject parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigCapabilitiesCellCpu, gvir_config_capabilities_cell_cpu, GVIR_CONFIG_TYPE_OBJECT)

static void
gvir_config_capabilities_cell_cpu_class_init (GVirConfigCapabilitiesCellCpuClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "cpu", NULL);
}

static void
gvir_config_capabilities_cell_cpu_init (GVirConfigCapabilitiesCellCpu *self)
{
}

/**
 * gvir_config_capabilities_cell_cpu_get_id:
 * @cpu: a #GVirConfigCapabilitiesCellCpu
 *
 * Gets the host CPU number.
 *
 * Returns: the CPU id, or 0 if missing or invalid
 */
guint
gvir_config_capabilities_cell_cpu_get_id (GVirConfigCapabilitiesCellCpu *cpu)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_CAPABILITIES_CELL_CPU (cpu), 0);

  return (guint) gvir_config_object_get_attribute_uint64 (GVIR_CONFIG_OBJECT (cpu), NULL, "id", 0);
}

static gint
cell_cpu_get_signed (GVirConfigCapabilitiesCellCpu *cpu, const char *attr)
{
  guint64 value = gvir_config_object_get_attribute_uint64 (GVIR_CONFIG_OBJECT (cpu), NULL,
                                                           attr, G_MAXUINT64);

  return value > G_MAXINT ? -1 : (gint) value;
}

/**
 * gvir_config_capabilities_cell_cpu_get_socket_id:
 * @cpu: a #GVirConfigCapabilitiesCellCpu
 *
 * Gets the socket the CPU belongs to.
 *
 * Returns: the socket id, or -1 if unknown
 */
gint
gvir_config_capabilities_cell_cpu_get_socket_id (GVirConfigCapabilitiesCellCpu *cpu)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_CAPABILITIES_CELL_CPU (cpu), -1);

  return cell_cpu_get_signed (cpu, "socket_id");
}

/**
 * gvir_config_capabilities_cell_cpu_get_core_id:
 * @cpu: a #GVirConfigCapabilitiesCellCpu
 *
 * Gets the core the CPU belongs to.
 *
 * Returns: the core id, or -1 if unknown
 */
gint
gvir_config_capabilities_cell_cpu_get_core_id (GVirConfigCapabilitiesCellCpu *cpu)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_CAPABILITIES_CELL_CPU (cpu), -1);

  return cell_cpu_get_signed (cpu, "core_id");
}

/**
 * gvir_config_capabilities_cell_cpu_get_siblings:
 * @cpu: a #GVirConfigCapabilitiesCellCpu
 *
 * Gets the CPUs sharing the core with this one, in libvirt's CPU list
 * syntax (such as "0,4" or "0-1").
 *
 * Returns: (transfer none) (nullable): the sibling list, or %NULL if unknown
 */
const gchar *
gvir_config_capabilities_cell_cpu_get_siblings (GVirConfigCapabilitiesCellCpu *cpu)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_CAPABILITIES_CELL_CPU (cpu), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (cpu), NULL, "siblings");
}
