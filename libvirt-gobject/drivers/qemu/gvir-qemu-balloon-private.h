/*
 * gvir-qemu-balloon-private.h: the memory balloon of a QEMU domain
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Internal to the QEMU driver. Like libvirt, every domain has a virtio
 * balloon (balloon0) unless its XML says <memballoon model='none'/>; the
 * balloon's target is <currentMemory>, set over QMP before the guest runs
 * and by set_memory. Without a guest balloon driver QEMU accepts the
 * target and changes nothing, so the live <currentMemory> (and "actual")
 * stays where it was until the guest reports a change (BALLOON_CHANGE),
 * as with libvirt.
 */
#pragma once

#include "gvir-qemu-state-private.h"

G_BEGIN_DECLS

/* Whether @def has a balloon device. */
gboolean gvir_qemu_def_has_balloon (GVirConfigDomain *def);

/* Before the guest runs: sets @proc's balloon target to @def's
 * <currentMemory> when @def has a balloon (a no-op otherwise). */
gboolean gvir_qemu_balloon_setup (GVirQemuProcess *proc, GVirConfigDomain *def,
                                  GCancellable *cancellable, GError **error);

/* The driver's set_memory and get_memory_stats slots (see
 * gvir-driver-domain-private.h). */
gboolean gvir_qemu_set_memory (gpointer handle, const char *uuid, guint64 kib, guint flags,
                               GCancellable *cancellable, GError **error);
int gvir_qemu_get_memory_stats (gpointer handle, const char *uuid, GVirDriverMemoryStat *stats,
                                guint max_stats, guint flags,
                                GCancellable *cancellable, GError **error);

G_END_DECLS
