/*
 * gvir-qemu-probe-private.h: what an emulator binary offers, asked over QMP
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Internal: never installed, never in a GIR.
 *
 * gvir_qemu_probe() starts the emulator with no machine (`-S -machine
 * none`), asks it over QMP for its version, machine types, CPU models and
 * KVM support, makes it quit and reaps it (SIGKILL after a short grace).
 * The answer is cached in a directory the caller chooses, keyed by the
 * binary's absolute path, modification time and size: a binary that
 * changed is probed again, and a cache file that cannot be read is
 * ignored and rewritten. Every function here is thread-safe; two threads
 * probing the same binary at once may both start it, and the cache file
 * ends up whole either way (written to a temporary file, synced, renamed).
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* One machine type, as query-machines describes it. */
typedef struct
{
  char *name;               /* "pc-i440fx-7.2" */
  char *alias;              /* "pc", or NULL */
  gboolean is_default;      /* what QEMU runs without -machine */
  guint max_cpus;
  gboolean deprecated;
} GVirQemuMachine;

typedef struct
{
  char *binary;             /* the emulator's absolute path */
  guint version_major;
  guint version_minor;
  guint version_micro;
  char *package;            /* QEMU's package string, "" when none */
  GPtrArray *machines;      /* GVirQemuMachine, in QEMU's order */
  GStrv cpu_models;         /* names from query-cpu-definitions */
  gboolean kvm_present;     /* query-kvm: the binary can use KVM */
  gboolean kvm_usable;      /* kvm_present, and /dev/kvm opens read-write now */
  gboolean from_cache;      /* answered from the cache, no process started */
} GVirQemuCaps;

/* The absolute path of `qemu-system-@arch` found on PATH; NULL with a
 * GVIR_ERROR_NOT_FOUND error naming the program otherwise. */
char *gvir_qemu_find_emulator (const char  *arch,
                               GError     **error);

/* @path made absolute after checking that it is an executable file; NULL
 * with an error naming the path otherwise (GVIR_ERROR_NOT_FOUND when it
 * does not exist, GVIR_ERROR_INVALID_ARGUMENT when it is not executable). */
char *gvir_qemu_check_emulator (const char  *path,
                                GError     **error);

/* Probes @binary (an explicit path: see gvir_qemu_check_emulator()), or
 * reads the answer from @cache_dir when it holds one for this very
 * binary. @cache_dir may be NULL (no cache); it is created when missing.
 * Errors: the binary is missing or not executable, it is not a QEMU that
 * answers QMP (the error quotes the end of its output), or it did not
 * answer in time. */
GVirQemuCaps *gvir_qemu_probe (const char    *binary,
                               const char    *cache_dir,
                               GCancellable  *cancellable,
                               GError       **error);

/* The machine named or aliased @name (transfer none), or NULL. */
const GVirQemuMachine *gvir_qemu_caps_find_machine (const GVirQemuCaps *caps,
                                                    const char         *name);
/* The default machine type's name (transfer none), or NULL. */
const char *gvir_qemu_caps_get_default_machine (const GVirQemuCaps *caps);
gboolean gvir_qemu_caps_has_cpu_model (const GVirQemuCaps *caps,
                                       const char         *name);

void gvir_qemu_caps_free (GVirQemuCaps *caps);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GVirQemuCaps, gvir_qemu_caps_free)

G_END_DECLS
