/*
 * gvir-host-private.h: host facts that libnuma does not give (CPU
 * topology, clock, memory, hugepages, the host's UUID), from /proc and /sys
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Internal: never installed, never in a GIR. The readers take the root of
 * the tree they read (GVIR_HOST_SYSFS, GVIR_HOST_PROCFS on a real host),
 * so that tests can hand them a fake tree; the parsers take the text.
 */
#pragma once

#include <glib.h>

#include "libvirt-gobject/util/gvir-id-set-private.h"

G_BEGIN_DECLS

#define GVIR_HOST_SYSFS "/sys"
#define GVIR_HOST_PROCFS "/proc"

/* Where a CPU sits, from /sys/devices/system/cpu/cpuN/topology. */
typedef struct
{
  guint socket_id;          /* physical_package_id */
  guint die_id;             /* 0 where the kernel has no dies */
  guint core_id;
  GVirIdSet *siblings;      /* the CPUs sharing its core, itself included */
} GVirHostCpu;

void gvir_host_cpu_clear (GVirHostCpu *cpu);

/* The topology of CPU @cpu under @sysfs_root; FALSE with an error naming
 * the file that could not be read or parsed. */
gboolean gvir_host_read_cpu (const char   *sysfs_root,
                             guint         cpu,
                             GVirHostCpu  *out,
                             GError      **error);

/* The online CPUs (/sys/devices/system/cpu/online), or NULL with an error. */
GVirIdSet *gvir_host_read_online_cpus (const char  *sysfs_root,
                                       GError     **error);

/* The clock of the first CPU listed in @cpuinfo ("cpu MHz", fraction
 * dropped as libvirt does); 0 when the text gives none. */
guint gvir_host_parse_cpu_mhz (const char *cpuinfo);

/* The value of @key ("MemTotal", "MemFree", ...) of a meminfo text, in
 * KiB; FALSE when the key is missing or malformed. */
gboolean gvir_host_parse_meminfo (const char *meminfo,
                                  const char *key,
                                  guint64    *kib);

/* One huge page size of a NUMA node and how many pages of it the node holds. */
typedef struct
{
  guint64 size_kib;
  guint64 count;
} GVirHostPages;

/* The huge page pools of node @node (element type GVirHostPages, sizes
 * ascending; empty when the node has none or the tree has no pools). */
GArray *gvir_host_read_node_hugepages (const char *sysfs_root,
                                       int         node);

/* Sockets per node, cores per socket and threads per core as libvirt's
 * node info gives them, from every online CPU's topology (@cpus, element
 * type GVirHostCpu) and the number of NUMA nodes. When the CPUs do not
 * fill @nodes * sockets * cores * threads evenly, the answer is libvirt's
 * fallback: one node, one socket, one thread per core, every CPU a core. */
void gvir_host_summarize_topology (GArray *cpus,
                                   guint  *nodes,
                                   guint  *sockets,
                                   guint  *cores,
                                   guint  *threads);

/* The host's UUID in canonical form: the firmware's (DMI product_uuid)
 * when it reads as a UUID that is not all zeros or all ones, otherwise
 * the systemd machine id (/etc/machine-id), otherwise NULL. */
char *gvir_host_read_uuid (const char *sysfs_root,
                           const char *machine_id_path);

G_END_DECLS
