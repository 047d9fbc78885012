/*
 * gvir-remote-spawn.c: the session daemon, started on demand
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Like libvirt's client for qemu:///session: when nothing listens on
 * $XDG_RUNTIME_DIR/libvirt/libvirt-sock, start the daemon with an idle
 * timeout and connect once its socket answers. The daemon is detached
 * (GLib's intermediate child: it is not our child, never our zombie, and
 * outlives us), in its own session so that a terminal's ^C to the client
 * does not stop it, with its stderr appended to gvird.log beside the socket.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "libvirt-gobject/libvirt-gobject-error.h"
#include "gvir-remote-spawn-private.h"

#define SPAWN_POLL_MS 20

static char *
daemon_path (void)
{
  const char *env = g_getenv ("GVIRD");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return g_build_filename (GVIR_SBINDIR, "gvird", NULL);
}

/* Sleeps one poll step; FALSE when @cancellable fired meanwhile. */
static gboolean
poll_step (GCancellable *cancellable)
{
  g_usleep (SPAWN_POLL_MS * 1000);
  return !g_cancellable_is_cancelled (cancellable);
}

/* Takes the lock file @dir/gvird-spawn.lock, waiting at most
 * GVIR_REMOTE_SPAWN_WAIT_MS for a client that is starting the daemon. */
static int
take_spawn_lock (const char    *dir,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autofree char *path = g_build_filename (dir, "gvird-spawn.lock", NULL);
  int fd = open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  guint waited = 0;

  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_FAILED,
                   "cannot start the session daemon: lock file %s: %s", path,
                   g_strerror (saved));
      return -1;
    }
  while (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      if (waited >= GVIR_REMOTE_SPAWN_WAIT_MS || !poll_step (cancellable))
        {
          g_set_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_FAILED,
                       "cannot start the session daemon: another client held %s for %u ms",
                       path, waited);
          close (fd);
          return -1;
        }
      waited += SPAWN_POLL_MS;
    }
  return fd;
}

static void
detach_child (gpointer data)
{
  setsid ();
}

/* GVIRD_TIMEOUT (seconds) shortens the idle timeout, for tests. */
static char *
daemon_timeout (void)
{
  const char *env = g_getenv ("GVIRD_TIMEOUT");
  guint64 value;

  if (env != NULL && g_ascii_string_to_unsigned (env, 10, 1, G_MAXINT, &value, NULL))
    return g_strdup (env);
  return g_strdup_printf ("%d", GVIR_REMOTE_SPAWN_TIMEOUT_S);
}

static gboolean
spawn_daemon (const char  *dir,
              GError     **error)
{
  g_autofree char *program = daemon_path ();
  g_autofree char *pid_file = g_build_filename (dir, "gvird.pid", NULL);
  g_autofree char *log_file = g_build_filename (dir, "gvird.log", NULL);
  g_autofree char *timeout = daemon_timeout ();
  g_autofree char *runtime_dir = g_path_get_dirname (dir);
  const char *argv[] = { program, "--timeout", timeout, "--pid-file", pid_file, NULL };
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "XDG_RUNTIME_DIR", runtime_dir, TRUE);
  g_autoptr(GError) local = NULL;
  int log_fd = open (log_file, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  gboolean ok;

  ok = g_spawn_async_with_fds (NULL, (char **) argv, envp, G_SPAWN_STDOUT_TO_DEV_NULL,
                               detach_child, NULL, NULL, -1, -1, log_fd, &local);
  if (log_fd >= 0)
    close (log_fd);
  if (!ok)
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_FAILED,
                 "cannot start the session daemon %s: %s", program, local->message);
  return ok;
}

/* Connects to @path until it answers, at most GVIR_REMOTE_SPAWN_WAIT_MS. */
static GVirRpcTransport *
wait_for_socket (const char    *path,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GError) last = NULL;
  guint waited = 0;

  for (;;)
    {
      GVirRpcTransport *t;

      g_clear_error (&last);
      t = gvir_rpc_transport_connect_unix (path, cancellable, &last);
      if (t != NULL)
        return t;
      if (waited >= GVIR_REMOTE_SPAWN_WAIT_MS || !poll_step (cancellable))
        break;
      waited += SPAWN_POLL_MS;
    }
  g_set_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_FAILED,
               "the session daemon started but its socket did not answer within %u ms "
               "(see gvird.log beside it): %s", waited, last->message);
  return NULL;
}

GVirRpcTransport *
gvir_remote_connect_session (const char    *path,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  GVirRpcTransport *t;
  int lock_fd;

  t = gvir_rpc_transport_connect_unix (path, cancellable, NULL);
  if (t != NULL)
    return t;
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_FAILED,
                   "cannot start the session daemon: cannot create %s: %s", dir,
                   g_strerror (saved));
      return NULL;
    }
  lock_fd = take_spawn_lock (dir, cancellable, error);
  if (lock_fd < 0)
    return NULL;
  /* Another client may have started it while we waited for the lock. */
  t = gvir_rpc_transport_connect_unix (path, cancellable, NULL);
  if (t == NULL && spawn_daemon (dir, error))
    t = wait_for_socket (path, cancellable, error);
  close (lock_fd);
  return t;
}
