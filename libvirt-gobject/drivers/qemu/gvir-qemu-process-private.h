/*
 * gvir-qemu-process-private.h: one QEMU process and its monitor
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Internal: never installed, never in a GIR. Starts QEMU for a domain
 * (argv from gvir_qemu_command_build(), the monitor socket bound and
 * listening before QEMU runs and handed to it as a descriptor, stderr to
 * the domain's log file), negotiates QMP, and reports QMP events and the
 * monitor's end through callbacks that run in the monitor's I/O thread.
 * QEMU runs in a session of its own, so it survives the process that
 * started it.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <libvirt-gconfig/libvirt-gconfig.h>

#include "gvir-qemu-paths-private.h"
#include "gvir-qemu-probe-private.h"
#include "gvir-qemu-status-private.h"

G_BEGIN_DECLS

typedef struct _GVirQemuProcess GVirQemuProcess;

/* Both run in the monitor's I/O thread: they must not block, issue
 * monitor commands or free the process. */
typedef struct
{
  void (*event) (GVirQemuProcess *proc, const char *name, JsonObject *data, gpointer user_data);
  /* The monitor ended: QEMU exited, or is about to. Exactly once, unless
   * gvir_qemu_process_free() came first. */
  void (*ended) (GVirQemuProcess *proc, gpointer user_data);
} GVirQemuProcessCallbacks;

/* Runs in the thread that spawns QEMU, just before: what it sets on that
 * thread (memory policy, CPU affinity) QEMU inherits. */
typedef gboolean (*GVirQemuSpawnSetup) (gpointer data, GError **error);

typedef struct
{
  GVirConfigDomain *def;            /* the definition to run */
  const char *name;
  int id;
  const GVirQemuPaths *paths;
  const GVirQemuCaps *caps;         /* of the emulator to run */
  const GVirIdSet *host_nodes;
  gboolean incoming_defer;          /* wait for a migration stream (restore) */
  const char *hugepages_dir;        /* hugetlbfs for the memory backends, or NULL */
  GVirQemuSpawnSetup spawn_setup;   /* optional; QEMU is then spawned from a thread of its own */
  gpointer spawn_data;
} GVirQemuProcessSpec;

/* Runs QEMU for @spec, stopped (-S), with the monitor negotiated. On
 * failure nothing is left behind (no process, no socket) and the error
 * quotes the end of QEMU's log when QEMU exited early. */
GVirQemuProcess *gvir_qemu_process_start (const GVirQemuProcessSpec      *spec,
                                          const GVirQemuProcessCallbacks *callbacks,
                                          gpointer                        user_data,
                                          GCancellable                   *cancellable,
                                          GError                        **error);

/* The user data given to gvir_qemu_process_start(). */
/* Takes over a QEMU started earlier, maybe by another process, that
 * @status describes: connects to its monitor again. QEMU is not ours to
 * reap then: its end is seen through /proc. Fails (leaving QEMU alone)
 * when the monitor does not answer. */
GVirQemuProcess *gvir_qemu_process_attach (const GVirQemuStatus           *status,
                                           const char                     *name,
                                           const GVirQemuPaths            *paths,
                                           const GVirQemuProcessCallbacks *callbacks,
                                           gpointer                        user_data,
                                           GCancellable                   *cancellable,
                                           GError                        **error);

/* The record of a running process for its status file (without the
 * domain's state, reason and live definition, which the caller adds). */
GVirQemuStatus *gvir_qemu_process_to_status (GVirQemuProcess *proc, int id);

gpointer gvir_qemu_process_get_user_data (GVirQemuProcess *proc);
gint64 gvir_qemu_process_get_pid (GVirQemuProcess *proc);
guint64 gvir_qemu_process_get_start_time (GVirQemuProcess *proc);
const char *gvir_qemu_process_get_monitor_path (GVirQemuProcess *proc);
/* The vCPU thread ids QEMU reported at start (gint64, vCPU 0 first). */
GArray *gvir_qemu_process_get_vcpu_threads (GVirQemuProcess *proc);
/* CPU time QEMU used, from /proc; 0 once it is gone. */
guint64 gvir_qemu_process_get_cpu_time_ns (GVirQemuProcess *proc);
/* QEMU's resident memory in KiB, from /proc; 0 once it is gone. */
guint64 gvir_qemu_process_get_rss_kib (GVirQemuProcess *proc);

/* One monitor command (see gvir_qmp_command()). */
gboolean gvir_qemu_process_command (GVirQemuProcess  *proc,
                                    const char       *name,
                                    JsonObject       *args,
                                    JsonNode        **reply,
                                    GCancellable     *cancellable,
                                    GError          **error);

/* The same, passing @fd (borrowed) along with it, for `getfd`. */
gboolean gvir_qemu_process_command_with_fd (GVirQemuProcess  *proc,
                                            const char       *name,
                                            JsonObject       *args,
                                            int               fd,
                                            JsonNode        **reply,
                                            GCancellable     *cancellable,
                                            GError          **error);

/* Ends QEMU: SIGTERM, then SIGKILL after @grace_ms; returns when the
 * process is gone (reaped), or FALSE with an error after a bound. */
gboolean gvir_qemu_process_kill (GVirQemuProcess *proc, guint grace_ms, GError **error);
/* Sends SIGTERM and returns at once (from a callback). */
void gvir_qemu_process_terminate (GVirQemuProcess *proc);

/* Closes the monitor (no callback after this returns) and frees; QEMU
 * itself is left alone. Not from a callback. */
void gvir_qemu_process_free (GVirQemuProcess *proc);

G_END_DECLS
