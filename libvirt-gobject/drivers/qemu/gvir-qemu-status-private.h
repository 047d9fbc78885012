/*
 * gvir-qemu-status-private.h: what the QEMU driver records of a running domain
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Internal: never installed, never in a GIR. QEMU processes outlive the
 * process that started them; the status file is what a later process
 * needs to find a running domain again: its QEMU (pid plus the process's
 * start time, so that a reused pid is not mistaken for it), its monitor,
 * its vCPU threads and its live definition. The file is JSON, rewritten
 * atomically on every change (gvir_qemu_write_file_atomic()).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  int id;                 /* the domain's id while it runs */
  int state;              /* GVIR_DRIVER_STATE_* */
  int reason;             /* the reason for @state, libvirt's numbers */
  gint64 pid;             /* QEMU's pid */
  guint64 start_time;     /* QEMU's start time, in clock ticks since boot */
  char *monitor_path;     /* QEMU's QMP socket */
  GArray *vcpu_threads;   /* gint64 thread ids, vCPU 0 first */
  char *live_xml;         /* the definition the domain runs with */
} GVirQemuStatus;

GVirQemuStatus *gvir_qemu_status_new (void);
void gvir_qemu_status_free (GVirQemuStatus *status);

/* The status as the text of a status file. */
char *gvir_qemu_status_to_json (const GVirQemuStatus *status);
/* Reads a status file's text; @what names it in errors (its path). Every
 * field is checked (types, ranges, a state libvirt defines, a pid above
 * 0): GVIR_ERROR_FAILED naming the field, never a half-read status. */
GVirQemuStatus *gvir_qemu_status_from_json (const char *text, const char *what, GError **error);

/* Field @field (counted from 1, at least 3: 14 utime, 15 stime, 22 start
 * time) of /proc/PID/stat. GVIR_ERROR_NOT_FOUND when there is no such
 * process. */
gboolean gvir_qemu_process_stat_field (gint64 pid, guint field, guint64 *value, GError **error);
/* The start time of process @pid (field 22 of /proc/PID/stat).
 * GVIR_ERROR_NOT_FOUND when there is no such process. */
gboolean gvir_qemu_process_start_time (gint64 pid, guint64 *start_time, GError **error);
/* TRUE when process @pid runs, started at @start_time (a zombie has
 * ended and does not count). */
gboolean gvir_qemu_process_is_running (gint64 pid, guint64 start_time);
/* TRUE when the process @status records is still the one running under
 * its pid: alive, and started when it was recorded to have started. */
gboolean gvir_qemu_status_process_matches (const GVirQemuStatus *status);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GVirQemuStatus, gvir_qemu_status_free)

G_END_DECLS
