/*
 * gvir-numa-private.h: the host NUMA layer (libnuma, or a single-node stub)
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Internal: never installed, never in a GIR. The GVIR_MOCKABLE functions
 * are the host queries that tests/numa/gvir-numa-mock.c replaces; every
 * other function here is built on them, so a mock's answers flow through.
 */
#pragma once

#include <glib.h>

#include "libvirt-gobject/util/gvir-id-set-private.h"
#include "libvirt-gobject/util/gvir-mockable-private.h"

G_BEGIN_DECLS

/* Memory policies, numbered like libvirt's numatune modes. */
typedef enum
{
  GVIR_NUMA_POLICY_STRICT = 0,      /* bind: allocate only from the nodes */
  GVIR_NUMA_POLICY_PREFERRED = 1,   /* prefer one node, fall back to others */
  GVIR_NUMA_POLICY_INTERLEAVE = 2,  /* spread pages over the nodes */
} GVirNumaPolicy;

/* ---- host queries (mockable) ------------------------------------------ */

/* Whether the host reports NUMA information at all. */
GVIR_MOCKABLE gboolean gvir_numa_is_available (void);
/* The highest node id, or -1 when NUMA is unavailable. */
GVIR_MOCKABLE int gvir_numa_get_max_node (void);
/* Whether node @node exists (node ids may be sparse). */
GVIR_MOCKABLE gboolean gvir_numa_node_is_available (int node);
/* Size and free memory of @node in bytes; FALSE if the node is absent. */
GVIR_MOCKABLE gboolean gvir_numa_get_node_memory (int node, guint64 *size, guint64 *free_bytes);
/* CPU ids of @node (element type guint, ascending), or NULL if absent. */
GVIR_MOCKABLE GArray *gvir_numa_get_node_cpus (int node);
/* The node holding CPU @cpu, or -1 if unknown. */
GVIR_MOCKABLE int gvir_numa_get_node_of_cpu (int cpu);
/* Distance from @node to node i at index i (element type guint; 0 where a
 * node is absent), or NULL when the host gives no distances. */
GVIR_MOCKABLE GArray *gvir_numa_get_distances (int node);

/* ---- built on the queries ------------------------------------------------ */

/* The nodes that exist on the host (never NULL; at least node 0). */
GVIR_PRIVATE_EXPORT GVirIdSet *gvir_numa_get_host_nodes (void);

/* Checks that every node of @wanted is in @host; otherwise fails with
 * GVIR_ERROR_NUMA_UNAVAILABLE naming the lowest missing node: "NUMA node 4
 * is unavailable: host has nodes 0-3". The one wording the drivers and the
 * public API share, whatever the host's nodes come from. */
gboolean gvir_numa_check_nodes_on_host (const GVirIdSet *wanted, const GVirIdSet *host, GError **error);

/* Checks that every node of @nodes exists on the host; otherwise fails
 * with GVIR_ERROR_NUMA_UNAVAILABLE, e.g. "NUMA node 4 is unavailable: host
 * has nodes 0-3". */
GVIR_PRIVATE_EXPORT gboolean gvir_numa_nodeset_is_available (const GVirIdSet *nodes, GError **error);

/* Applies a memory policy to the calling process (for spawning QEMU):
 * checks availability first; PREFERRED takes exactly one node. Without
 * libnuma only node 0 can be named and the policy is a no-op. */
GVIR_PRIVATE_EXPORT gboolean gvir_numa_set_memory_policy (GVirNumaPolicy policy, const GVirIdSet *nodes,
                                                         GError **error);

G_END_DECLS
