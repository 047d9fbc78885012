/*
 * gvir-qemu-paths-private.h: where the QEMU driver keeps its files
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Internal: never installed, never in a GIR. The driver's directory roots
 * are a parameter of its state, so that the same code serves
 * qemu:///embed?root=DIR (in the calling process), qemu:///session and
 * qemu:///system (in a daemon). The layouts are libvirt's.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* UNIX socket paths (monitor, VNC, serial) must fit in sun_path. */
#define GVIR_QEMU_SOCKET_PATH_MAX 107

/* Where the files of one driver instance live. */
typedef struct
{
  char *root;           /* the embed root; NULL for session and system */
  char *config_dir;     /* persistent definitions, NAME.xml */
  char *autostart_dir;  /* links to the definitions to start with the driver */
  char *state_dir;      /* status files NAME.xml, NAME.pid, the lock driver.pid */
  char *lib_dir;        /* one folder per running domain (monitor socket, ...) */
  char *save_dir;       /* managed-save images, NAME.save */
  char *log_dir;        /* QEMU's stderr, NAME.log */
  char *cache_dir;      /* the emulator probe cache */
} GVirQemuPaths;

/* libvirt's embed layout under @root (R/etc/qemu, R/run/qemu, R/lib/qemu,
 * R/log/qemu, R/cache/qemu). @root must be absolute and short enough for
 * the shortest per-domain socket path (GVIR_ERROR_INVALID_URI otherwise);
 * longer domain names are checked when the domain starts. */
GVirQemuPaths *gvir_qemu_paths_new_embed (const char *root, GError **error);
/* qemu:///session: the user's XDG config, runtime and cache folders. */
GVirQemuPaths *gvir_qemu_paths_new_session (void);
/* qemu:///system: /etc, /run, /var/lib, /var/log and /var/cache as libvirt's. */
GVirQemuPaths *gvir_qemu_paths_new_system (void);
void gvir_qemu_paths_free (GVirQemuPaths *paths);

/* Creates every folder that is missing (mode 0700), naming the one that
 * could not be made. */
gboolean gvir_qemu_paths_create (const GVirQemuPaths *paths, GError **error);

/* Refuses a domain name that cannot be part of a file name: empty, "." or
 * "..", a '/', a control character, or longer than 200 bytes
 * (GVIR_ERROR_INVALID_ARGUMENT naming it). */
gboolean gvir_qemu_check_domain_name (const char *name, GError **error);

/* The files of the domain @name (a name gvir_qemu_check_domain_name() accepts). */
char *gvir_qemu_paths_config_file (const GVirQemuPaths *paths, const char *name);
char *gvir_qemu_paths_autostart_link (const GVirQemuPaths *paths, const char *name);
char *gvir_qemu_paths_status_file (const GVirQemuPaths *paths, const char *name);
char *gvir_qemu_paths_pid_file (const GVirQemuPaths *paths, const char *name);
char *gvir_qemu_paths_save_file (const GVirQemuPaths *paths, const char *name);
char *gvir_qemu_paths_log_file (const GVirQemuPaths *paths, const char *name);
/* The private folder of a running domain, "domain-ID-NAME" with the name cut
 * to its first 20 characters (whole UTF-8 characters), as libvirt does to
 * keep socket paths short. */
char *gvir_qemu_paths_domain_dir (const GVirQemuPaths *paths, int id, const char *name);

/* Refuses a socket path longer than sun_path allows, naming it
 * (GVIR_ERROR_INVALID_ARGUMENT). */
gboolean gvir_qemu_check_socket_path (const char *path, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GVirQemuPaths, gvir_qemu_paths_free)

G_END_DECLS
