/*
 * gvird-main.c: gvird, the management daemon: serves our drivers over
 * libvirt's RPC protocol
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Takes libvirtd's flags (--config, --pid-file, --timeout, --listen) and
 * libvirtd.conf's keys for what it supports. SIGTERM and SIGINT stop it
 * cleanly: clients are closed, running calls finish, the sockets and the
 * pid file are removed; domains are left as they are.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/un.h>

#include <glib-unix.h>
#include <glib/gstdio.h>

#include "gvird-server-private.h"
#include "libvirt-gobject/drivers/gvir-driver-private.h"

static gboolean
quit_on_signal (gpointer data)
{
  GvirdServer *server = data;

  g_message ("stopping on a signal");
  g_main_loop_quit (server->loop);
  return G_SOURCE_CONTINUE;
}

/* --timeout: no client for that long. As libvirtd, running domains keep
 * the daemon alive: look again after another timeout. */
static gboolean
quit_when_idle (gpointer data)
{
  GvirdServer *server = data;
  guint running = gvird_idle_count_running ();

  if (running > 0)
    {
      g_debug ("no client for %u s but %u domain(s) running: staying", server->idle_timeout,
               running);
      return G_SOURCE_CONTINUE;
    }
  g_message ("no client for %u s and no running domain (--timeout): stopping",
             server->idle_timeout);
  g_clear_pointer (&server->idle_source, g_source_unref);
  g_main_loop_quit (server->loop);
  return G_SOURCE_REMOVE;
}

static void
arm_idle_timeout (GvirdServer *server)
{
  if (server->idle_timeout == 0 || server->idle_source != NULL)
    return;
  server->idle_source = g_timeout_source_new_seconds (server->idle_timeout);
  g_source_set_callback (server->idle_source, quit_when_idle, server, NULL);
  g_source_attach (server->idle_source, server->context);
}

void
gvird_server_client_gone (GvirdServer *server,
                          GvirdClient *client)
{
  server->clients = g_list_remove (server->clients, client);
  server->n_clients--;
  if (server->n_clients == 0)
    arm_idle_timeout (server);
}

static char *
default_sock_dir (void)
{
  if (getuid () == 0)
    return g_strdup ("/run/libvirt");
  return g_build_filename (g_get_user_runtime_dir (), "libvirt", NULL);
}

static char *
default_config_path (void)
{
  if (getuid () == 0)
    return g_strdup ("/etc/libvirt/libvirtd.conf");
  return g_build_filename (g_get_user_config_dir (), "libvirt", "libvirtd.conf", NULL);
}

/* Writes our pid, refusing a file another live gvird holds (its lock). */
static int
write_pid_file (const char  *path,
                GError     **error)
{
  g_autofree char *text = g_strdup_printf ("%d\n", (int) getpid ());
  g_autofree char *dir = g_path_get_dirname (path);
  struct flock lock = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
  int fd;

  /* The session's runtime folder may not exist yet, as libvirtd makes it. */
  g_mkdir_with_parents (dir, 0700);
  fd = open (path, O_WRONLY | O_CREAT | O_CLOEXEC, 0644);

  if (fd < 0 || fcntl (fd, F_SETLK, &lock) != 0 || ftruncate (fd, 0) != 0 ||
      write (fd, text, strlen (text)) != (ssize_t) strlen (text))
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "pid file %s: %s%s", path, g_strerror (saved),
                   saved == EAGAIN || saved == EACCES ? " (another daemon holds it)" : "");
      if (fd >= 0)
        close (fd);
      return -1;
    }
  return fd;
}

typedef struct
{
  char *config_file;
  char *pid_file;
  int timeout;
  gboolean listen;
} Options;

static void
options_clear (Options *opts)
{
  g_clear_pointer (&opts->config_file, g_free);
  g_clear_pointer (&opts->pid_file, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static gboolean
parse_options (int       *argc,
               char    ***argv,
               Options   *opts,
               GError   **error)
{
  g_autoptr (GOptionContext) ctx = g_option_context_new ("- serve virtualization drivers");
  GOptionEntry entries[] = {
    { "config", 'f', 0, G_OPTION_ARG_FILENAME, &opts->config_file,
      "Configuration file (libvirtd.conf syntax)", "FILE" },
    { "pid-file", 'p', 0, G_OPTION_ARG_FILENAME, &opts->pid_file, "Write the pid to FILE", "FILE" },
    { "timeout", 't', 0, G_OPTION_ARG_INT, &opts->timeout,
      "Exit after SECONDS without clients", "SECONDS" },
    { "listen", 'l', 0, G_OPTION_ARG_NONE, &opts->listen,
      "Listen on TCP/TLS as listen_tcp and listen_tls say", NULL },
    { NULL }
  };

  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!g_option_context_parse (ctx, argc, argv, error))
    return FALSE;
  if (opts->timeout < 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "--timeout must be 0 or more seconds");
      return FALSE;
    }
  return TRUE;
}

static GvirdConfig *
load_config (const Options  *opts,
             GError        **error)
{
  g_autoptr (GvirdConfig) config = gvird_config_new_default ();
  g_autofree char *path = opts->config_file != NULL ? g_strdup (opts->config_file)
                                                    : default_config_path ();

  if (opts->config_file != NULL || g_file_test (path, G_FILE_TEST_EXISTS))
    if (!gvird_config_load_file (config, path, error))
      return NULL;
  return g_steal_pointer (&config);
}

static void
server_shutdown (GvirdServer *server)
{
  gvird_listen_close_all (server);
  while (server->clients != NULL)
    gvird_client_close (server->clients->data, "the daemon stops");
  gvird_dispatch_stop (server);
  /* Closing them leaves the VMs running, for the next daemon. */
  gvird_idle_release_all ();
  /* Deliver (and so free) what workers posted last. */
  while (g_main_context_iteration (server->context, FALSE))
    ;
  if (server->idle_source != NULL)
    {
      g_source_destroy (server->idle_source);
      g_clear_pointer (&server->idle_source, g_source_unref);
    }
  gvird_sasl_global_done ();
}

/* systemd's readiness notification (sd_notify(3)), by hand: one datagram
 * "READY=1" to the UNIX socket NOTIFY_SOCKET names ('@' starts an
 * abstract name), once the sockets accept clients, so that a
 * Type=notify unit orders its dependents after that. The variable is
 * read and removed at start, before any thread, so that no child (QEMU)
 * takes it for its own. A failure is logged only: the daemon serves
 * anyway, as with sd_notify. */
static char *notify_socket;

static void
notify_read_env (void)
{
  notify_socket = g_strdup (g_getenv ("NOTIFY_SOCKET"));
  g_unsetenv ("NOTIFY_SOCKET");
}

static void
notify_ready (void)
{
  static const char ready[] = "READY=1";
  struct sockaddr_un addr = { .sun_family = AF_UNIX };
  g_autofree char *target = g_steal_pointer (&notify_socket);
  gsize len = target != NULL ? strlen (target) : 0;
  int fd;

  if (target == NULL)
    return;
  if ((target[0] != '/' && target[0] != '@') || len < 2 || len >= sizeof addr.sun_path)
    {
      g_warning ("NOTIFY_SOCKET='%s' is not a UNIX socket address: systemd not notified",
                 target);
      return;
    }
  memcpy (addr.sun_path, target, len);
  if (addr.sun_path[0] == '@')
    addr.sun_path[0] = '\0';
  fd = socket (AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  if (fd < 0 || sendto (fd, ready, sizeof ready - 1, MSG_NOSIGNAL, (struct sockaddr *) &addr,
                        offsetof (struct sockaddr_un, sun_path) + len) < 0)
    g_warning ("cannot notify systemd at %s: %s", target, g_strerror (errno));
  if (fd >= 0)
    close (fd);
}

/* The sockets systemd passed, else our own under @sock_dir. */
static gboolean
start_listening (GvirdServer  *server,
                 const char   *sock_dir,
                 GError      **error)
{
  gboolean activated;

  if (!gvird_activation_listen (server, &activated, error))
    return FALSE;
  return activated || gvird_listen_unix (server, sock_dir, error);
}

/* Whether any socket authenticates its clients with SASL. */
static gboolean
uses_sasl (const GvirdConfig *config)
{
  const char *auths[] = { config->auth_unix_ro, config->auth_unix_rw, config->auth_tls };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (auths); i++)
    if (g_str_equal (auths[i], "sasl"))
      return TRUE;
  return FALSE;
}

/* Listens and serves until a signal or the idle timeout; 0, or 1 with
 * @error set when it could not start. */
static int
serve (GvirdServer    *server,
       const Options  *opts,
       const char     *sock_dir,
       GError        **error)
{
  /* Before the sockets exist: whoever sees them may already stop us. */
  guint sig_term = g_unix_signal_add (SIGTERM, quit_on_signal, server);
  guint sig_int = g_unix_signal_add (SIGINT, quit_on_signal, server);
  gboolean started = gvird_dispatch_start (server, error) &&
                     (!uses_sasl (server->config) || gvird_sasl_global_init (error)) &&
                     start_listening (server, sock_dir, error) &&
                     (!opts->listen || gvird_listen_network (server, error));

  if (started)
    {
      arm_idle_timeout (server);
      notify_ready ();
      gvird_loop_run (server);
    }
  g_source_remove (sig_term);
  g_source_remove (sig_int);
  server_shutdown (server);
  return started ? 0 : 1;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GvirdConfig) config = NULL;
  g_autofree char *sock_dir = NULL;
  g_auto (Options) opts = { 0 };
  GvirdServer server = { 0 };
  int pid_fd = -1;
  int status;

  setlocale (LC_ALL, "");
  notify_read_env ();
  if (!parse_options (&argc, &argv, &opts, &error) || !gvird_activation_read_env (&error))
    {
      g_printerr ("gvird: %s\n", error->message);
      return 1;
    }
  config = load_config (&opts, &error);
  if (config == NULL)
    {
      g_printerr ("gvird: %s\n", error->message);
      return 1;
    }
  gvir_driver_set_daemon_mode ();
  server.config = config;
  server.context = g_main_context_ref_thread_default ();
  /* Running from the start: gvird_loop_run() runs it until it is quit. */
  server.loop = g_main_loop_new (server.context, TRUE);
  server.idle_timeout = opts.timeout;
  sock_dir = config->unix_sock_dir != NULL ? g_strdup (config->unix_sock_dir) : default_sock_dir ();

  if (opts.pid_file != NULL && (pid_fd = write_pid_file (opts.pid_file, &error)) < 0)
    status = 1;
  else
    {
      status = serve (&server, &opts, sock_dir, &error);
      if (opts.pid_file != NULL)
        {
          g_unlink (opts.pid_file);
          close (pid_fd);
        }
    }
  if (status != 0)
    g_printerr ("gvird: %s\n", error->message);
  g_main_loop_unref (server.loop);
  g_main_context_unref (server.context);
  g_clear_pointer (&notify_socket, g_free);
  return status;
}
