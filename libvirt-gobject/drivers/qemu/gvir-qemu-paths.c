/*
 * gvir-qemu-paths.c: where the QEMU driver keeps its files
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "libvirt-gobject/libvirt-gobject-error.h"
#include "gvir-qemu-paths-private.h"

/* libvirt cuts names in per-domain folder names to this many characters. */
#define DOMAIN_DIR_NAME_CHARS 20
/* The longest name a domain may have: its files are NAME.xml, NAME.save, ... */
#define DOMAIN_NAME_MAX_BYTES 200

/* The three layouts differ only in their roots; @config, @runtime, @lib,
 * @log and @cache are the folders the qemu/ subfolders hang from. */
static GVirQemuPaths *
paths_new (const char *root,
           const char *config,
           const char *state,
           const char *lib,
           const char *log,
           const char *cache)
{
  GVirQemuPaths *paths = g_new0 (GVirQemuPaths, 1);

  paths->root = g_strdup (root);
  paths->config_dir = g_strdup (config);
  paths->autostart_dir = g_build_filename (config, "autostart", NULL);
  paths->state_dir = g_strdup (state);
  paths->lib_dir = g_strdup (lib);
  paths->save_dir = g_build_filename (lib, "save", NULL);
  paths->log_dir = g_strdup (log);
  paths->cache_dir = g_strdup (cache);
  return paths;
}

GVirQemuPaths *
gvir_qemu_paths_new_embed (const char  *root,
                           GError     **error)
{
  g_autoptr(GVirQemuPaths) paths = NULL;
  g_autofree char *config = NULL, *state = NULL, *lib = NULL, *log = NULL, *cache = NULL;
  g_autofree char *shortest_socket = NULL;

  if (root == NULL || !g_path_is_absolute (root))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_URI,
                   "the QEMU driver's embed root must be an absolute path, not '%s'",
                   root != NULL ? root : "");
      return NULL;
    }
  config = g_build_filename (root, "etc", "qemu", NULL);
  state = g_build_filename (root, "run", "qemu", NULL);
  lib = g_build_filename (root, "lib", "qemu", NULL);
  log = g_build_filename (root, "log", "qemu", NULL);
  cache = g_build_filename (root, "cache", "qemu", NULL);
  paths = paths_new (root, config, state, lib, log, cache);

  /* A one-letter domain with id 1: if even its monitor cannot be bound, no
   * domain can ever start under this root. */
  shortest_socket = g_build_filename (lib, "domain-1-a", "monitor.sock", NULL);
  if (strlen (shortest_socket) > GVIR_QEMU_SOCKET_PATH_MAX)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_URI,
                   "the QEMU driver's embed root '%s' is too long: its monitor sockets would "
                   "exceed the %d bytes of a UNIX socket path", root, GVIR_QEMU_SOCKET_PATH_MAX);
      return NULL;
    }
  return g_steal_pointer (&paths);
}

GVirQemuPaths *
gvir_qemu_paths_new_session (void)
{
  g_autofree char *config = g_build_filename (g_get_user_config_dir (), "libvirt", "qemu", NULL);
  g_autofree char *state = g_build_filename (g_get_user_runtime_dir (), "libvirt", "qemu", "run",
                                             NULL);
  g_autofree char *lib = g_build_filename (config, "lib", NULL);
  g_autofree char *cache = g_build_filename (g_get_user_cache_dir (), "libvirt", "qemu", NULL);
  g_autofree char *log = g_build_filename (cache, "log", NULL);
  g_autofree char *probe_cache = g_build_filename (cache, "cache", NULL);

  return paths_new (NULL, config, state, lib, log, probe_cache);
}

GVirQemuPaths *
gvir_qemu_paths_new_system (void)
{
  return paths_new (NULL, "/etc/libvirt/qemu", "/run/libvirt/qemu", "/var/lib/libvirt/qemu",
                    "/var/log/libvirt/qemu", "/var/cache/libvirt/qemu");
}

void
gvir_qemu_paths_free (GVirQemuPaths *paths)
{
  if (paths == NULL)
    return;
  g_free (paths->root);
  g_free (paths->config_dir);
  g_free (paths->autostart_dir);
  g_free (paths->state_dir);
  g_free (paths->lib_dir);
  g_free (paths->save_dir);
  g_free (paths->log_dir);
  g_free (paths->cache_dir);
  g_free (paths);
}

gboolean
gvir_qemu_paths_create (const GVirQemuPaths  *paths,
                        GError              **error)
{
  const char *dirs[] = {
    paths->config_dir, paths->autostart_dir, paths->state_dir, paths->lib_dir,
    paths->save_dir, paths->log_dir, paths->cache_dir,
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (dirs); i++)
    if (g_mkdir_with_parents (dirs[i], 0700) < 0)
      {
        int saved = errno;

        g_set_error (error, GVIR_ERROR, GVIR_ERROR_FAILED,
                     "cannot create the QEMU driver's folder '%s': %s", dirs[i],
                     g_strerror (saved));
        return FALSE;
      }
  return TRUE;
}

gboolean
gvir_qemu_check_domain_name (const char  *name,
                             GError     **error)
{
  const char *reason = NULL;
  const char *p;

  if (name == NULL || *name == '\0')
    reason = "it is empty";
  else if (strcmp (name, ".") == 0 || strcmp (name, "..") == 0)
    reason = "it is a folder name";
  else if (strchr (name, '/') != NULL)
    reason = "it contains '/'";
  else if (strlen (name) > DOMAIN_NAME_MAX_BYTES)
    reason = "it is longer than 200 bytes";
  else if (!g_utf8_validate (name, -1, NULL))
    reason = "it is not valid UTF-8";
  for (p = name; reason == NULL && *p != '\0'; p++)
    if (g_ascii_iscntrl (*p))
      reason = "it contains a control character";
  if (reason == NULL)
    return TRUE;
  g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
               "invalid domain name '%s' for the QEMU driver: %s", name != NULL ? name : "",
               reason);
  return FALSE;
}

gboolean
gvir_qemu_check_socket_path (const char  *path,
                             GError     **error)
{
  if (strlen (path) <= GVIR_QEMU_SOCKET_PATH_MAX)
    return TRUE;
  g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
               "socket path '%s' is %zu bytes long; a UNIX socket path has at most %d",
               path, strlen (path), GVIR_QEMU_SOCKET_PATH_MAX);
  return FALSE;
}

static char *
file_in (const char *dir,
         const char *name,
         const char *suffix)
{
  g_autofree char *base = g_strconcat (name, suffix, NULL);

  return g_build_filename (dir, base, NULL);
}

char *
gvir_qemu_paths_config_file (const GVirQemuPaths *paths,
                             const char          *name)
{
  return file_in (paths->config_dir, name, ".xml");
}

char *
gvir_qemu_paths_autostart_link (const GVirQemuPaths *paths,
                                const char          *name)
{
  return file_in (paths->autostart_dir, name, ".xml");
}

char *
gvir_qemu_paths_status_file (const GVirQemuPaths *paths,
                             const char          *name)
{
  /* Not libvirt's NAME.xml: the record is ours (gvir-qemu-status), and a
   * libvirt tool must not take it for its own. */
  return file_in (paths->state_dir, name, ".status");
}

char *
gvir_qemu_paths_pid_file (const GVirQemuPaths *paths,
                          const char          *name)
{
  return file_in (paths->state_dir, name, ".pid");
}

char *
gvir_qemu_paths_save_file (const GVirQemuPaths *paths,
                           const char          *name)
{
  return file_in (paths->save_dir, name, ".save");
}

char *
gvir_qemu_paths_log_file (const GVirQemuPaths *paths,
                          const char          *name)
{
  return file_in (paths->log_dir, name, ".log");
}

char *
gvir_qemu_paths_domain_dir (const GVirQemuPaths *paths,
                            int                  id,
                            const char          *name)
{
  const char *end = name;
  g_autofree char *short_name = NULL;
  g_autofree char *base = NULL;
  guint i;

  for (i = 0; i < DOMAIN_DIR_NAME_CHARS && *end != '\0'; i++)
    end = g_utf8_next_char (end);
  short_name = g_strndup (name, end - name);
  base = g_strdup_printf ("domain-%d-%s", id, short_name);
  return g_build_filename (paths->lib_dir, base, NULL);
}
