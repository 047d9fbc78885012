/*
 * libvirt-gconfig-capabilities-cpu-topology.c: cPU topology
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
 * SECTION:libvirt-gconfig-capabilities-cpu-topology
 * @title: GVirConfigCapabilitiesCpuTopology
 * @short_description: CPU topology
 *
 * The `<topology sockets="..." cores="..." threads="..."/>` element of a
 * `<cpu>` description.
 */

/**
 * GVirConfigCapabilitiesCpuTopology:
 *
 * CPU topology.
 */
struct _GVirConfigCapabilitiesCpuTopology
{
  GVirConfigObject parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigCapabilitiesCpuTopology, gvir_config_capabilities_cpu_topology, GVIR_CONFIG_TYPE_OBJECT)

static void
gvir_config_capabilities_cpu_topology_class_init (GVirConfigCapabilitiesCpuTopologyClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "topology", NULL);
}

static void
gvir_config_capabilities_cpu_topology_init (GVirConfigCapabilitiesCpuTopology *self)
{
}

/**
 * gvir_config_capabilities_cpu_topology_new:
 *
 * Creates a #GVirConfigCapabilitiesCpuTopology holding an empty `<topology>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigCapabilitiesCpuTopology *
gvir_config_capabilities_cpu_topology_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_CAPABILITIES_CPU_TOPOLOGY, NULL);
}

/**
 * gvir_config_capabilities_cpu_topology_new_from_xml:
 * @xml: an XML document whose root element is `<topology>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigCapabilitiesCpuTopology. Malformed XML or another root element gives a
 * #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigCapabilitiesCpuTopology *
gvir_config_capabilities_cpu_topology_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigCapabilitiesCpuTopology *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_CAPABILITIES_CPU_TOPOLOGY, "topology", NULL, xml, error);
}

/**
 * gvir_config_capabilities_cpu_topology_get_sockets:
 * @topology: a #GVirConfigCapabilitiesCpuTopology
 *
 * Gets the number of sockets.
 *
 * Returns: the number of sockets, or 0 if unset or invalid
 */
guint64
gvir_config_capabilities_cpu_topology_get_sockets (GVirConfigCapabilitiesCpuTopology *topology)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_CAPABILITIES_CPU_TOPOLOGY (topology), 0);

  return gvir_config_object_get_attribute_uint64 (GVIR_CONFIG_OBJECT (topology), NULL, "sockets", 0);
}

/**
 * gvir_config_capabilities_cpu_topology_set_sockets:
 * @topology: a #GVirConfigCapabilitiesCpuTopology
 * @sockets: the number of sockets
 *
 * Sets the number of sockets.
 */
void
gvir_config_capabilities_cpu_topology_set_sockets (GVirConfigCapabilitiesCpuTopology *topology,
                                              guint64 sockets)
{
  g_return_if_fail (GVIR_CONFIG_IS_CAPABILITIES_CPU_TOPOLOGY (topology));

  gvir_config_object_set_attribute_uint64 (GVIR_CONFIG_OBJECT (topology), NULL, "sockets", sockets);
}

/**
 * gvir_config_capabilities_cpu_topology_get_cores:
 * @topology: a #GVirConfigCapabilitiesCpuTopology
 *
 * Gets the number of cores.
 *
 * Returns: the number of cores, or 0 if unset or invalid
 */
guint64
gvir_config_capabilities_cpu_topology_get_cores (GVirConfigCapabilitiesCpuTopology *topology)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_CAPABILITIES_CPU_TOPOLOGY (topology), 0);

  return gvir_config_object_get_attribute_uint64 (GVIR_CONFIG_OBJECT (topology), NULL, "cores", 0);
}

/**
 * gvir_config_capabilities_cpu_topology_set_cores:
 * @topology: a #GVirConfigCapabilitiesCpuTopology
 * @cores: the number of cores
 *
 * Sets the number of cores.
 */
void
gvir_config_capabilities_cpu_topology_set_cores (GVirConfigCapabilitiesCpuTopology *topology,
                                              guint64 cores)
{
  g_return_if_fail (GVIR_CONFIG_IS_CAPABILITIES_CPU_TOPOLOGY (topology));

  gvir_config_object_set_attribute_uint64 (GVIR_CONFIG_OBJECT (topology), NULL, "cores", cores);
}

/**
 * gvir_config_capabilities_cpu_topology_get_threads:
 * @topology: a #GVirConfigCapabilitiesCpuTopology
 *
 * Gets the number of threads.
 *
 * Returns: the number of threads, or 0 if unset or invalid
 */
guint64
gvir_config_capabilities_cpu_topology_get_threads (GVirConfigCapabilitiesCpuTopology *topology)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_CAPABILITIES_CPU_TOPOLOGY (topology), 0);

  return gvir_config_object_get_attribute_uint64 (GVIR_CONFIG_OBJECT (topology), NULL, "threads", 0);
}

/**
 * gvir_config_capabilities_cpu_topology_set_threads:
 * @topology: a #GVirConfigCapabilitiesCpuTopology
 * @threads: the number of threads
 *
 * Sets the number of threads.
 */
void
gvir_config_capabilities_cpu_topology_set_threads (GVirConfigCapabilitiesCpuTopology *topology,
                                              guint64 threads)
{
  g_return_if_fail (GVIR_CONFIG_IS_CAPABILITIES_CPU_TOPOLOGY (topology));

  gvir_config_object_set_attribute_uint64 (GVIR_CONFIG_OBJECT (topology), NULL, "threads", threads);
}
