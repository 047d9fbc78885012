/*
 * gvir-qemu-files-private.h: the QEMU driver's files on disk
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Internal: never installed, never in a GIR.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The largest definition or status file the driver reads back. */
#define GVIR_QEMU_FILE_MAX_BYTES (16 * 1024 * 1024)

/* Replaces @path with @contents so that a crash at any moment leaves either
 * the old file or the new one, never a mix: a temporary file in the same
 * folder, fsync, rename (mode 0600). GVIR_ERROR_FAILED naming @path. */
gboolean gvir_qemu_write_file_atomic (const char *path, const char *contents, gssize length,
                                      GError **error);

/* Reads a file the driver wrote: a regular file of at most
 * GVIR_QEMU_FILE_MAX_BYTES, opened without blocking on a FIFO.
 * GVIR_ERROR_NOT_FOUND when it is missing, GVIR_ERROR_FAILED otherwise. */
char *gvir_qemu_read_file (const char *path, GError **error);

/* One definition read back from the config folder. */
typedef struct
{
  char *name;   /* the file's name without ".xml" */
  char *xml;
} GVirQemuStoredDefinition;

void gvir_qemu_stored_definition_free (GVirQemuStoredDefinition *def);

/* Reads every NAME.xml of @dir, sorted by name (a missing folder has
 * none). A file that cannot be read is left out, and its path and reason
 * are appended to @problems (strings) when given: one broken file must not
 * hide the other domains. */
GPtrArray *gvir_qemu_read_definitions (const char *dir, GPtrArray *problems);

/* Autostart marks, as libvirt's: a symbolic link @link to the definition
 * @target. Only the link's presence counts (a dangling one too), so that
 * another connection or daemon on the same folder sees the same answer. */
gboolean gvir_qemu_autostart_link_exists (const char *link);
/* Creates (@autostart) or removes the link; either is a no-op when already
 * so. GVIR_ERROR_FAILED naming @link. */
gboolean gvir_qemu_autostart_link_set (const char *link, const char *target, gboolean autostart,
                                       GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GVirQemuStoredDefinition, gvir_qemu_stored_definition_free)

G_END_DECLS
