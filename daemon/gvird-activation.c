/*
 * gvird-activation.c: listening sockets passed by systemd
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * systemd's protocol (sd_listen_fds(3)), read by hand: LISTEN_PID is our
 * pid, LISTEN_FDS the count of sockets from fd 3, LISTEN_FDNAMES their
 * names separated by ':' (FileDescriptorName=, by default the socket
 * unit's name). The variables are removed so that no child (QEMU) takes
 * them for its own.
 */
#include "config.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gvird-server-private.h"

#define LISTEN_FDS_START 3
/* More than the rw and ro sockets (and a few future ones) is a mistake. */
#define LISTEN_FDS_MAX 16

static gboolean
name_is_read_only (const char *name)
{
  return g_str_has_suffix (name, "-ro") || g_str_has_suffix (name, "-ro.socket");
}

/* The count of passed sockets, 0 when they are not for us. */
static int
passed_fd_count (GError **error)
{
  const char *pid = g_getenv ("LISTEN_PID");
  const char *fds = g_getenv ("LISTEN_FDS");
  guint64 value;

  if (pid == NULL || fds == NULL)
    return 0;
  if (!g_ascii_string_to_unsigned (pid, 10, 1, G_MAXINT, &value, NULL) ||
      (pid_t) value != getpid ())
    return 0;
  if (!g_ascii_string_to_unsigned (fds, 10, 0, LISTEN_FDS_MAX, &value, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "LISTEN_FDS='%s' from systemd: expected a count of 0 to %d sockets", fds,
                   LISTEN_FDS_MAX);
      return -1;
    }
  return (int) value;
}

/* What systemd passed, read once before any thread exists. */
static int passed_count;
static char **passed_names;

gboolean
gvird_activation_read_env (GError **error)
{
  const char *names = g_getenv ("LISTEN_FDNAMES");

  passed_count = passed_fd_count (error);
  passed_names = g_strsplit (names != NULL ? names : "", ":", -1);
  g_unsetenv ("LISTEN_PID");
  g_unsetenv ("LISTEN_FDS");
  g_unsetenv ("LISTEN_FDNAMES");
  return passed_count >= 0;
}

gboolean
gvird_activation_listen (GvirdServer  *server,
                         gboolean     *activated,
                         GError      **error)
{
  g_auto(GStrv) names = g_steal_pointer (&passed_names);
  int n = passed_count;
  gboolean named = names != NULL && g_strv_length (names) == (guint) n;
  int i;

  *activated = n > 0;
  for (i = 0; i < n; i++)
    {
      int fd = LISTEN_FDS_START + i;
      g_autofree char *name = named ? g_strdup (names[i]) : g_strdup_printf ("socket %d", i);
      gboolean read_only = named ? name_is_read_only (name) : i == 1;

      fcntl (fd, F_SETFD, FD_CLOEXEC);
      if (!gvird_listen_adopt (server, fd, name, read_only, error))
        return FALSE;
    }
  return TRUE;
}
