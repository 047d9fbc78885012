/*
 * gvir-qemu-placement-private.h: host placement of a QEMU domain (CPU
 * pinning, the restrictive memory mode, hugepages) and its NUMA parameters
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Internal to the QEMU driver. A start reads the placement from the
 * definition before anything runs (gvir_qemu_placement_new(), which
 * refuses what the host cannot honour), applies the memory policy and the
 * emulator's CPUs in the thread that spawns QEMU (inherited by QEMU), and
 * pins every thread once the monitor is up, before `cont`.
 *
 * Differences from libvirt, which uses cgroups: mode='restrictive' is
 * applied as a bind memory policy on the whole QEMU process (libvirt sets
 * cpuset.mems and leaves the kernel's default policy); threads QEMU
 * creates after the start inherit the emulator's CPUs from the main
 * thread rather than from a cgroup.
 */
#pragma once

#include <libvirt-gconfig/libvirt-gconfig.h>

#include "libvirt-gobject/util/gvir-id-set-private.h"
#include "gvir-qemu-process-private.h"

G_BEGIN_DECLS

/* The mounts table searched for hugetlbfs. */
#define GVIR_QEMU_MOUNTS_FILE "/proc/mounts"

typedef struct _GVirQemuPlacement GVirQemuPlacement;

/* Reads and checks the placement of @def against the host: the CPU sets
 * of <vcpu cpuset>, <vcpupin> and <emulatorpin> must name host CPUs
 * (GVIR_ERROR_INVALID_ARGUMENT otherwise), a restrictive nodeset must name
 * host nodes (@host_nodes; GVIR_ERROR_NUMA_UNAVAILABLE), hugepages need a
 * hugetlbfs mount of the host's default page size in @mounts_file
 * (GVIR_ERROR_NOT_SUPPORTED "no hugetlbfs mount for page size N KiB"). */
GVirQemuPlacement *gvir_qemu_placement_new (GVirConfigDomain *def,
                                            const GVirIdSet  *host_nodes,
                                            const char       *mounts_file,
                                            GError          **error);
void gvir_qemu_placement_free (GVirQemuPlacement *placement);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GVirQemuPlacement, gvir_qemu_placement_free)

/* The hugetlbfs directory for the memory backends, or NULL. */
const char *gvir_qemu_placement_get_hugepages_dir (const GVirQemuPlacement *placement);

/* A GVirQemuSpawnSetup: in the thread that spawns QEMU, sets the memory
 * policy (restrictive mode) and the CPUs (the emulator's) QEMU inherits. */
gboolean gvir_qemu_placement_setup_spawn (gpointer placement, GError **error);

/* Pins QEMU's vCPU threads and every other thread (the emulator's) of
 * @proc; before the guest runs. */
gboolean gvir_qemu_placement_apply (const GVirQemuPlacement *placement,
                                    GVirQemuProcess         *proc,
                                    GError                 **error);

/* The mount point of a hugetlbfs of @page_kib KiB pages in @mounts_file
 * (/proc/mounts syntax), where a mount without pagesize= has
 * @default_page_kib pages; NULL with GVIR_ERROR_NOT_SUPPORTED when none. */
char *gvir_qemu_find_hugetlbfs (const char *mounts_file, guint64 page_kib,
                                guint64 default_page_kib, GError **error);

/* The host's default hugepage size in KiB (/proc/meminfo), 2048 when it
 * does not say. */
guint64 gvir_qemu_default_hugepage_kib (void);

/* The driver's get/set_numa_parameters slots (see
 * gvir-driver-domain-private.h): persistent changes are written
 * atomically; a running domain's memory placement cannot change. */
gboolean gvir_qemu_get_numa_parameters (gpointer handle, const char *uuid, guint flags,
                                        int *mode, char **nodeset,
                                        GCancellable *cancellable, GError **error);
gboolean gvir_qemu_set_numa_parameters (gpointer handle, const char *uuid, int mode,
                                        const char *nodeset, guint flags,
                                        GCancellable *cancellable, GError **error);

G_END_DECLS
