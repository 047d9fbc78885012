/*
 * gvir-numa.c: the host NUMA layer (libnuma, or a single-node stub)
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include <unistd.h>

#if HAVE_NUMA
#include <numa.h>
#endif

#include "libvirt-gobject/libvirt-gobject-error.h"
#include "libvirt-gobject/util/gvir-numa-private.h"

#if HAVE_NUMA

/* ---- with libnuma --------------------------------------------------------- */

gboolean
gvir_numa_is_available (void)
{
  return numa_available () != -1;
}

int
gvir_numa_get_max_node (void)
{
  if (!gvir_numa_is_available ())
    return -1;
  return numa_max_node ();
}

gboolean
gvir_numa_node_is_available (int node)
{
  if (node < 0 || !gvir_numa_is_available () || node > numa_max_node ())
    return FALSE;
  /* numa_nodes_ptr knows about sparse node ids. */
  return numa_bitmask_isbitset (numa_nodes_ptr, (unsigned int) node) != 0;
}

gboolean
gvir_numa_get_node_memory (int node, guint64 *size, guint64 *free_bytes)
{
  long long free_ll = 0;
  long long size_ll;

  if (!gvir_numa_node_is_available (node))
    return FALSE;
  size_ll = numa_node_size64 (node, &free_ll);
  if (size_ll < 0)
    return FALSE;
  if (size)
    *size = (guint64) size_ll;
  if (free_bytes)
    *free_bytes = (guint64) MAX (free_ll, 0);
  return TRUE;
}

GArray *
gvir_numa_get_node_cpus (int node)
{
  struct bitmask *mask;
  GArray *cpus;

  if (!gvir_numa_node_is_available (node))
    return NULL;
  mask = numa_allocate_cpumask ();
  if (numa_node_to_cpus (node, mask) < 0)
    {
      numa_free_cpumask (mask);
      return NULL;
    }
  cpus = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint cpu = 0; cpu < mask->size; cpu++)
    if (numa_bitmask_isbitset (mask, cpu))
      g_array_append_val (cpus, cpu);
  numa_free_cpumask (mask);
  return cpus;
}

int
gvir_numa_get_node_of_cpu (int cpu)
{
  if (cpu < 0 || !gvir_numa_is_available ())
    return -1;
  return numa_node_of_cpu (cpu);
}

GArray *
gvir_numa_get_distances (int node)
{
  int max_node = gvir_numa_get_max_node ();
  GArray *distances;

  if (max_node < 0 || !gvir_numa_node_is_available (node))
    return NULL;
  distances = g_array_sized_new (FALSE, TRUE, sizeof (guint), max_node + 1);
  for (int other = 0; other <= max_node; other++)
    {
      guint value = gvir_numa_node_is_available (other)
        ? (guint) MAX (numa_distance (node, other), 0) : 0;
      g_array_append_val (distances, value);
    }
  return distances;
}

static void
set_nodemask_bit (guint node, gpointer user_data)
{
  numa_bitmask_setbit (user_data, node);
}

static void
apply_memory_policy (GVirNumaPolicy policy, const GVirIdSet *nodes)
{
  struct bitmask *mask = numa_allocate_nodemask ();

  gvir_id_set_foreach (nodes, set_nodemask_bit, mask);
  switch (policy)
    {
    case GVIR_NUMA_POLICY_STRICT:
      numa_set_bind_policy (1);
      numa_set_membind (mask);
      numa_set_bind_policy (0);
      break;
    case GVIR_NUMA_POLICY_PREFERRED:
      numa_set_preferred (gvir_id_set_last (nodes));
      break;
    case GVIR_NUMA_POLICY_INTERLEAVE:
      numa_set_interleave_mask (mask);
      break;
    }
  numa_bitmask_free (mask);
}

#else /* !HAVE_NUMA */

/* ---- the stub: one node 0 with every CPU and all memory --------------------- */

gboolean
gvir_numa_is_available (void)
{
  return FALSE;
}

int
gvir_numa_get_max_node (void)
{
  return 0;
}

gboolean
gvir_numa_node_is_available (int node)
{
  return node == 0;
}

gboolean
gvir_numa_get_node_memory (int node, guint64 *size, guint64 *free_bytes)
{
  long page_size = sysconf (_SC_PAGESIZE);

  if (node != 0)
    return FALSE;
  if (size)
    *size = (guint64) sysconf (_SC_PHYS_PAGES) * (guint64) page_size;
  if (free_bytes)
    *free_bytes = (guint64) sysconf (_SC_AVPHYS_PAGES) * (guint64) page_size;
  return TRUE;
}

GArray *
gvir_numa_get_node_cpus (int node)
{
  guint n_cpus = g_get_num_processors ();
  GArray *cpus;

  if (node != 0)
    return NULL;
  cpus = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_cpus);
  for (guint cpu = 0; cpu < n_cpus; cpu++)
    g_array_append_val (cpus, cpu);
  return cpus;
}

int
gvir_numa_get_node_of_cpu (int cpu)
{
  return cpu >= 0 && (guint) cpu < g_get_num_processors () ? 0 : -1;
}

GArray *
gvir_numa_get_distances (int node)
{
  return NULL;
}

static void
apply_memory_policy (GVirNumaPolicy policy, const GVirIdSet *nodes)
{
  /* One node: every policy already holds. */
}

#endif /* HAVE_NUMA */

/* ---- built on the queries: the same code in every build --------------------- */

GVirIdSet *
gvir_numa_get_host_nodes (void)
{
  GVirIdSet *nodes = gvir_id_set_new (GVIR_ID_SET_LIMIT);
  int max_node = gvir_numa_get_max_node ();

  for (int node = 0; node <= max_node && node < GVIR_ID_SET_LIMIT; node++)
    if (gvir_numa_node_is_available (node))
      gvir_id_set_add (nodes, (guint) node);
  /* A host without NUMA information is one node holding everything. */
  if (gvir_id_set_is_empty (nodes))
    gvir_id_set_add (nodes, 0);
  return nodes;
}

gboolean
gvir_numa_check_nodes_on_host (const GVirIdSet *wanted, const GVirIdSet *host, GError **error)
{
  g_autoptr(GVirIdSet) missing = NULL;
  g_autofree char *host_text = NULL;

  g_return_val_if_fail (wanted != NULL, FALSE);
  g_return_val_if_fail (host != NULL, FALSE);

  missing = gvir_id_set_subtract (wanted, host);
  if (gvir_id_set_is_empty (missing))
    return TRUE;

  host_text = gvir_id_set_format (host);
  g_set_error (error, GVIR_ERROR, GVIR_ERROR_NUMA_UNAVAILABLE,
               "NUMA node %d is unavailable: host has node%s %s",
               gvir_id_set_first (missing), gvir_id_set_count (host) == 1 ? "" : "s", host_text);
  return FALSE;
}

gboolean
gvir_numa_nodeset_is_available (const GVirIdSet *nodes, GError **error)
{
  g_autoptr(GVirIdSet) host = NULL;

  g_return_val_if_fail (nodes != NULL, FALSE);

  /* Built on the mockable queries, so an emulated host answers here. */
  host = gvir_numa_get_host_nodes ();
  return gvir_numa_check_nodes_on_host (nodes, host, error);
}

gboolean
gvir_numa_set_memory_policy (GVirNumaPolicy policy, const GVirIdSet *nodes, GError **error)
{
  g_return_val_if_fail (nodes != NULL, FALSE);

  if (policy > GVIR_NUMA_POLICY_INTERLEAVE)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                   "Unknown NUMA memory policy %d", (int) policy);
      return FALSE;
    }
  if (gvir_id_set_is_empty (nodes))
    {
      g_set_error_literal (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                           "A NUMA memory policy needs at least one node");
      return FALSE;
    }
  if (!gvir_numa_nodeset_is_available (nodes, error))
    return FALSE;
  if (policy == GVIR_NUMA_POLICY_PREFERRED && gvir_id_set_count (nodes) != 1)
    {
      g_autofree char *text = gvir_id_set_format (nodes);

      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                   "The 'preferred' NUMA policy takes exactly one node, not '%s'", text);
      return FALSE;
    }
  apply_memory_policy (policy, nodes);
  return TRUE;
}
