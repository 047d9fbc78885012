/*
 * test-daemon-session.c: gvird as the session daemon: --timeout, socket
 * activation, autospawn by the remote driver, the QEMU driver in the
 * daemon
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * The program runs as a user (nobody when started as root) with a private
 * XDG_RUNTIME_DIR (and config, cache and
 * data folders), set before GLib reads them, so the session socket is
 * $XDG_RUNTIME_DIR/libvirt/libvirt-sock of this test alone. Every daemon
 * and QEMU a case starts is stopped by that case by its pid; a failed
 * assertion kills them too (SIGABRT, SIGTRAP) before the test dies.
 */
#include "config.h"

#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "gvir-test-files.h"
#include "gvir-test-wait.h"
#include "gvird-runner.h"
#include "libvirt-gobject/drivers/gvir-driver-private.h"

#define TINY_UUID "c7a5fdbd-cdaf-9455-926a-d65c16db1809"

static char *test_root;       /* the private XDG folders */
static char *sock_dir;        /* $XDG_RUNTIME_DIR/libvirt */
static char *session_socket;
static char *session_pid_file;

/* Pids this program started (daemons, QEMU), killed on a failed assertion. */
#define MAX_STARTED 8
static volatile pid_t started[MAX_STARTED];

static void
remember_started (pid_t pid)
{
  guint i;

  for (i = 0; i < MAX_STARTED; i++)
    if (started[i] == 0 || started[i] == pid)
      {
        started[i] = pid;
        return;
      }
  g_error ("more than %d processes to remember", MAX_STARTED);
}

static void
forget_started (pid_t pid)
{
  guint i;

  for (i = 0; i < MAX_STARTED; i++)
    if (started[i] == pid)
      started[i] = 0;
}

static void
kill_started_and_die (int sig)
{
  guint i;

  for (i = 0; i < MAX_STARTED; i++)
    if (started[i] > 0)
      kill (started[i], SIGKILL);
  signal (sig, SIG_DFL);
  raise (sig);
}

/* Whether @pid is gone: no such process, or a zombie that its new parent
 * (init here reaps late) has not reaped yet. */
static gboolean
process_gone (pid_t pid)
{
  g_autofree char *stat_path = g_strdup_printf ("/proc/%d/stat", (int) pid);
  g_autofree char *stat = NULL;
  const char *end;

  if (kill (pid, 0) != 0 && errno == ESRCH)
    return TRUE;
  if (!g_file_get_contents (stat_path, &stat, NULL, NULL))
    return TRUE;
  end = strrchr (stat, ')');
  return end != NULL && end[1] == ' ' && end[2] == 'Z';
}

static void
wait_process_gone (pid_t       pid,
                   const char *what)
{
  gint64 deadline = gvir_test_wait_deadline ();

  while (!process_gone (pid))
    {
      if (g_get_monotonic_time () > deadline)
        gvir_test_wait_timed_out (what);
      g_usleep (20000);
    }
  forget_started (pid);
}

/* The exit status of our child @pid, waited for with the bound. */
static int
wait_child_exit (GPid        pid,
                 const char *what)
{
  gint64 deadline = gvir_test_wait_deadline ();
  int status = 0;

  while (waitpid (pid, &status, WNOHANG) == 0)
    {
      if (g_get_monotonic_time () > deadline)
        gvir_test_wait_timed_out (what);
      g_usleep (20000);
    }
  forget_started (pid);
  return status;
}

static gboolean
socket_answers (const char *path)
{
  g_autoptr(GSocketAddress) addr = g_unix_socket_address_new (path);
  g_autoptr(GSocket) probe = g_socket_new (G_SOCKET_FAMILY_UNIX, G_SOCKET_TYPE_STREAM,
                                           G_SOCKET_PROTOCOL_DEFAULT, NULL);

  return probe != NULL && g_socket_connect (probe, addr, NULL, NULL);
}

static void
wait_socket (const char *path,
             GPid        pid)
{
  gint64 deadline = gvir_test_wait_deadline ();

  while (!socket_answers (path))
    {
      g_assert_cmpint (waitpid (pid, NULL, WNOHANG), ==, 0);
      if (g_get_monotonic_time () > deadline)
        gvir_test_wait_timed_out ("the daemon's socket");
      g_usleep (10000);
    }
}

/* Starts gvird with @args after its name, on the session socket folder
 * unless the args say otherwise; @fds (n_fds of them) become its fds 3...
 * with LISTEN_PID set to its pid, as systemd passes sockets. */
static GPid
start_gvird (const char *const *args,
             const int          *fds,
             guint               n_fds,
             const char         *fd_names)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int targets[4] = { 3, 4, 5, 6 };
  GPid pid;

  g_assert_cmpuint (n_fds, <=, G_N_ELEMENTS (targets));
  if (n_fds > 0)
    {
      g_autofree char *count = g_strdup_printf ("%u", n_fds);

      /* The shell's pid is the daemon's after exec. */
      g_ptr_array_add (argv, (char *) "/bin/sh");
      g_ptr_array_add (argv, (char *) "-c");
      g_ptr_array_add (argv, (char *) "LISTEN_PID=$$; export LISTEN_PID; exec \"$0\" \"$@\"");
      envp = g_environ_setenv (envp, "LISTEN_FDS", count, TRUE);
      if (fd_names != NULL)
        envp = g_environ_setenv (envp, "LISTEN_FDNAMES", fd_names, TRUE);
    }
  g_ptr_array_add (argv, (char *) g_getenv ("GVIRD"));
  for (; args != NULL && *args != NULL; args++)
    g_ptr_array_add (argv, (char *) *args);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_async_with_pipes_and_fds (NULL, (const char *const *) argv->pdata,
                                                   (const char *const *) envp,
                                                   G_SPAWN_DO_NOT_REAP_CHILD,
                                                   gvird_runner_child_setup, NULL, -1, -1, -1,
                                                   fds, targets, n_fds, &pid, NULL, NULL, NULL,
                                                   &error));
  g_assert_no_error (error);
  remember_started (pid);
  return pid;
}

static void
stop_gvird (GPid pid)
{
  int status;

  kill (pid, SIGTERM);
  status = wait_child_exit (pid, "gvird to stop after SIGTERM");
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
}

static GVirDriverConnection *
open_uri (const char *uri)
{
  g_autoptr(GError) error = NULL;
  GVirDriverConnection *conn = gvir_driver_connection_open (uri, FALSE, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  return conn;
}

static void
close_conn (GVirDriverConnection *conn)
{
  gvir_driver_connection_close (conn);
  gvir_driver_connection_unref (conn);
}

static char *
unix_uri (const char *driver,
          const char *path,
          const char *socket)
{
  return g_strdup_printf ("%s+unix://%s?socket=%s", driver, path, socket);
}

/* ---- --timeout ------------------------------------------------------------------ */

static void
test_timeout_without_clients (void)
{
  const char *args[] = { "--timeout", "1", "--pid-file", session_pid_file, NULL };
  GPid pid = start_gvird (args, NULL, 0, NULL);
  int status;

  wait_socket (session_socket, pid);
  status = wait_child_exit (pid, "gvird to stop on its --timeout");
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_assert_false (g_file_test (session_socket, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (session_pid_file, G_FILE_TEST_EXISTS));
}

/* A connected client keeps the daemon up well past its timeout; once it
 * leaves, the daemon stops. */
static void
test_timeout_client_keeps_alive (void)
{
  const char *args[] = { "--timeout", "1", NULL };
  g_autofree char *uri = unix_uri ("test", "/default", session_socket);
  GVirDriverConnection *conn;
  GPid pid = start_gvird (args, NULL, 0, NULL);
  int status;

  wait_socket (session_socket, pid);
  conn = open_uri (uri);
  g_usleep (3 * G_USEC_PER_SEC);
  g_assert_cmpint (waitpid (pid, NULL, WNOHANG), ==, 0);
  close_conn (conn);
  status = wait_child_exit (pid, "gvird to stop once its last client left");
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
}

/* ---- socket activation ------------------------------------------------------------ */

static int
listening_socket (const char *path)
{
  struct sockaddr_un addr = { .sun_family = AF_UNIX };
  int fd = socket (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpuint (strlen (path), <, sizeof addr.sun_path);
  strcpy (addr.sun_path, path);
  g_assert_cmpint (bind (fd, (struct sockaddr *) &addr, sizeof addr), ==, 0);
  g_assert_cmpint (listen (fd, 16), ==, 0);
  return fd;
}

/* Destroying test:///default's running "test" works only read-write. */
static void
assert_destroy (const char *socket,
                GQuark      domain,
                int         code)
{
  g_autofree char *uri = unix_uri ("test", "/default", socket);
  g_autoptr(GError) error = NULL;
  GVirDriverConnection *conn = open_uri (uri);
  g_autoptr(GVirDriverDomain) dom = gvir_driver_connection_lookup_domain_by_name (conn, "test",
                                                                                  NULL, &error);
  gboolean ok;

  g_assert_no_error (error);
  ok = gvir_driver_connection_destroy_domain (conn, dom->uuid, 0, NULL, &error);
  if (domain == 0)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
    }
  else
    {
      g_assert_error (error, domain, code);
      g_assert_false (ok);
    }
  close_conn (conn);
}

/* The sockets come in the "wrong" order: their names must decide. */
static void
test_socket_activation (void)
{
  g_autofree char *rw_path = g_build_filename (test_root, "act-sock", NULL);
  g_autofree char *ro_path = g_build_filename (test_root, "act-sock-ro", NULL);
  g_autofree char *pid_file = g_build_filename (test_root, "act.pid", NULL);
  const char *args[] = { "--pid-file", pid_file, NULL };
  int fds[2];
  GPid pid;

  fds[0] = listening_socket (ro_path);
  fds[1] = listening_socket (rw_path);
  pid = start_gvird (args, fds, 2, "gvird-ro.socket:gvird.socket");
  close (fds[0]);
  close (fds[1]);
  wait_socket (rw_path, pid);
  /* Not the session sockets: the daemon made none of its own. */
  g_assert_false (g_file_test (session_socket, G_FILE_TEST_EXISTS));

  assert_destroy (rw_path, 0, 0);
  assert_destroy (ro_path, GVIR_ERROR, GVIR_ERROR_READ_ONLY);

  stop_gvird (pid);
  /* The socket files are systemd's: they stay. */
  g_assert_true (g_file_test (rw_path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (ro_path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (pid_file, G_FILE_TEST_EXISTS));
  g_unlink (rw_path);
  g_unlink (ro_path);
}

/* LISTEN_PID of another process: the sockets are not for us. */
static void
test_socket_activation_other_pid (void)
{
  g_autofree char *path = g_build_filename (test_root, "other-sock", NULL);
  const char *args[] = { NULL };
  int fd = listening_socket (path);
  GPid pid;

  g_setenv ("LISTEN_PID", "1", TRUE);
  g_setenv ("LISTEN_FDS", "1", TRUE);
  pid = start_gvird (args, NULL, 0, NULL);
  g_unsetenv ("LISTEN_PID");
  g_unsetenv ("LISTEN_FDS");
  close (fd);
  wait_socket (session_socket, pid);
  stop_gvird (pid);
  g_unlink (path);
}

/* ---- autospawn ------------------------------------------------------------------- */

static pid_t
read_pid_file (const char *path)
{
  g_autofree char *text = NULL;
  guint64 pid;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_strstrip (text);
  g_assert_true (g_ascii_string_to_unsigned (text, 10, 2, G_MAXINT, &pid, NULL));
  return (pid_t) pid;
}

static gpointer
open_session_thread (gpointer data)
{
  return open_uri ("qemu:///session");
}

static guint
count_domains (GVirDriverConnection *conn)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) domains = gvir_driver_connection_list_domains (conn, NULL, &error);

  g_assert_no_error (error);
  return domains->len;
}

static void
test_autospawn (void)
{
  g_autofree char *log_path = g_build_filename (sock_dir, "gvird.log", NULL);
  g_autofree char *log = NULL;
  GVirTestThread *threads[2];
  GVirDriverConnection *conns[3];
  pid_t pid;
  guint i;

  g_assert_false (socket_answers (session_socket));
  g_setenv ("GVIRD_TIMEOUT", "2", TRUE);
  /* Two clients at once start one daemon and share it. */
  threads[0] = gvir_test_thread_new ("open-1", open_session_thread, NULL);
  threads[1] = gvir_test_thread_new ("open-2", open_session_thread, NULL);
  conns[0] = gvir_test_thread_join (threads[0], "the first qemu:///session open");
  conns[1] = gvir_test_thread_join (threads[1], "the second qemu:///session open");
  pid = read_pid_file (session_pid_file);
  remember_started (pid);
  g_assert_false (process_gone (pid));
  conns[2] = open_uri ("qemu:///session");
  g_assert_cmpint (read_pid_file (session_pid_file), ==, pid);
  for (i = 0; i < G_N_ELEMENTS (conns); i++)
    g_assert_cmpuint (count_domains (conns[i]), ==, 0);

  for (i = 0; i < G_N_ELEMENTS (conns); i++)
    close_conn (conns[i]);
  wait_process_gone (pid, "the autospawned daemon to stop on its timeout");
  g_assert_false (g_file_test (session_socket, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (session_pid_file, G_FILE_TEST_EXISTS));
  /* A second daemon would have failed at once on the taken pid file or
   * socket, with a "gvird: ..." line in the log they share; read it once
   * the first has stopped, when any such line has long been written. */
  g_assert_true (g_file_get_contents (log_path, &log, NULL, NULL));
  g_assert_false (g_str_has_prefix (log, "gvird: "));
  g_assert_null (strstr (log, "\ngvird: "));
  g_unsetenv ("GVIRD_TIMEOUT");
}

/* In the daemon, a URI that only a daemon's socket could serve has no
 * driver: the daemon never connects to a socket (its own) for a client. */
static void
assert_daemon_is_no_client_of_itself (void)
{
  g_autofree char *uri = unix_uri ("lxc", "/session", session_socket);
  g_autoptr(GError) error = NULL;
  GVirDriverConnection *conn = gvir_driver_connection_open (uri, FALSE, NULL, NULL, NULL,
                                                            &error);

  g_assert_null (conn);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "no driver for URI 'lxc:///session'"));
}

/* A daemon already on the socket is used as it is. */
static void
test_autospawn_uses_running_daemon (void)
{
  const char *args[] = { "--pid-file", session_pid_file, NULL };
  GPid pid = start_gvird (args, NULL, 0, NULL);
  GVirDriverConnection *conn;

  wait_socket (session_socket, pid);
  conn = open_uri ("qemu:///session");
  g_assert_cmpint (read_pid_file (session_pid_file), ==, pid);
  g_assert_cmpuint (count_domains (conn), ==, 0);
  close_conn (conn);
  assert_daemon_is_no_client_of_itself ();
  stop_gvird (pid);
}

static void
test_autospawn_missing_daemon (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = g_strdup (g_getenv ("GVIRD"));
  GVirDriverConnection *conn;

  g_setenv ("GVIRD", "/nonexistent/gvird", TRUE);
  conn = gvir_driver_connection_open ("qemu:///session", FALSE, NULL, NULL, NULL, &error);
  g_setenv ("GVIRD", saved, TRUE);
  g_assert_null (conn);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_FAILED);
  g_assert_nonnull (strstr (error->message, "cannot start the session daemon /nonexistent/gvird"));
}

/* ---- the QEMU driver in the daemon ------------------------------------------------- */

static gboolean
qemu_missing (void)
{
  g_autofree char *qemu = g_find_program_in_path ("qemu-system-x86_64");
  g_autofree char *virsh = g_find_program_in_path ("virsh");

  if (qemu != NULL && virsh != NULL)
    return FALSE;
  if (gvird_runner_require_all ())
    g_error ("qemu-system-x86_64 or virsh is missing and GVIR_TESTS_REQUIRE_ALL is set");
  g_test_skip ("qemu-system-x86_64 or virsh is not installed");
  return TRUE;
}

/* virsh -c URI ARGS...; asserts exit status 0 and returns stdout. */
static char *
virsh (const char *uri,
       ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  const char *arg;
  int status;
  va_list ap;

  g_ptr_array_add (argv, (char *) "virsh");
  g_ptr_array_add (argv, (char *) "-q");
  g_ptr_array_add (argv, (char *) "-c");
  g_ptr_array_add (argv, (char *) uri);
  va_start (ap, uri);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("virsh %s failed: %s", (const char *) argv->pdata[4], err);
  return out;
}

/* The QEMU pid in the domain's status file (a JSON object). */
static pid_t
read_status_pid (const char *path)
{
  g_autoptr(GRegex) re = g_regex_new ("\"pid\"\\s*:\\s*([0-9]+)", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *text = NULL;
  g_autofree char *number = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_true (g_regex_match (re, text, 0, &match));
  number = g_match_info_fetch (match, 1);
  return (pid_t) g_ascii_strtoll (number, NULL, 10);
}

static void
test_qemu_session (void)
{
  g_autofree char *uri = NULL;
  g_autofree char *xml_path = g_build_filename (test_root, "tiny.xml", NULL);
  g_autofree char *status_file = NULL;
  g_autofree char *out = NULL;
  const char *args[] = { NULL };
  const char *timeout_args[] = { "--timeout", "1", NULL };
  pid_t qemu;
  GPid pid;
  int status;

  if (qemu_missing ())
    return;
  uri = g_strdup_printf ("qemu+unix:///session?socket=%s", session_socket);
  status_file = g_build_filename (sock_dir, "qemu", "run", "tiny.status", NULL);
  g_assert_true (g_file_set_contents (xml_path,
                                      "<domain type='qemu'>\n"
                                      "  <name>tiny</name>\n"
                                      "  <uuid>" TINY_UUID "</uuid>\n"
                                      "  <memory unit='MiB'>64</memory>\n"
                                      "  <vcpu>1</vcpu>\n"
                                      "  <os><type arch='x86_64' machine='pc'>hvm</type></os>\n"
                                      "</domain>\n", -1, NULL));
  pid = start_gvird (args, NULL, 0, NULL);
  wait_socket (session_socket, pid);
  g_free (virsh (uri, "define", xml_path, NULL));
  g_free (virsh (uri, "start", "tiny", NULL));
  qemu = read_status_pid (status_file);
  g_assert_cmpint (qemu, >, 1);
  remember_started (qemu);
  out = virsh (uri, "list", NULL);
  g_assert_nonnull (strstr (out, "tiny"));
  g_assert_nonnull (strstr (out, "running"));
  g_clear_pointer (&out, g_free);

  /* Stopping the daemon leaves the VM running; the next one finds it. */
  stop_gvird (pid);
  g_assert_false (process_gone (qemu));
  pid = start_gvird (timeout_args, NULL, 0, NULL);
  wait_socket (session_socket, pid);
  out = virsh (uri, "domstate", "tiny", NULL);
  g_assert_cmpstr (g_strstrip (out), ==, "running");
  g_clear_pointer (&out, g_free);

  /* No client, but a running VM: --timeout does not stop the daemon. */
  g_usleep (3 * G_USEC_PER_SEC);
  g_assert_cmpint (waitpid (pid, NULL, WNOHANG), ==, 0);
  /* One virsh for all three: the daemon may stop once the VM is gone. */
  out = virsh (uri, "destroy tiny; domstate tiny; undefine tiny", NULL);
  g_assert_nonnull (strstr (out, "shut off"));
  wait_process_gone (qemu, "QEMU to stop after destroy");
  status = wait_child_exit (pid, "gvird to stop on its --timeout once no VM runs");
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_unlink (xml_path);
}

/* ---- main ------------------------------------------------------------------------- */

/* A session daemon is a user's: as root, libvirt's client sends
 * qemu:///session to the system socket and never autospawns. So as root
 * the program runs as nobody, like a desktop user. */
static void
drop_root (void)
{
  struct passwd *pw;

  if (getuid () != 0)
    return;
  pw = getpwnam ("nobody");
  g_assert_nonnull (pw);
  g_assert_cmpint (setgroups (0, NULL), ==, 0);
  g_assert_cmpint (setgid (pw->pw_gid), ==, 0);
  g_assert_cmpint (setuid (pw->pw_uid), ==, 0);
}

/* Before anything asks GLib for them, which caches them. */
static void
make_private_xdg (void)
{
  const char *names[][2] = {
    { "XDG_RUNTIME_DIR", "run" }, { "XDG_CONFIG_HOME", "config" },
    { "XDG_CACHE_HOME", "cache" }, { "XDG_DATA_HOME", "data" },
  };
  g_autoptr(GError) error = NULL;
  guint i;

  test_root = g_dir_make_tmp ("gvird-session-XXXXXX", &error);
  g_assert_no_error (error);
  for (i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *dir = g_build_filename (test_root, names[i][1], NULL);

      g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
      g_setenv (names[i][0], dir, TRUE);
    }
  g_setenv ("HOME", test_root, TRUE);
  sock_dir = g_build_filename (test_root, "run", "libvirt", NULL);
  session_socket = g_build_filename (sock_dir, "libvirt-sock", NULL);
  session_pid_file = g_build_filename (sock_dir, "gvird.pid", NULL);
}

int
main (int    argc,
      char **argv)
{
  int ret;

  drop_root ();
  make_private_xdg ();
  g_test_init (&argc, &argv, NULL);
  signal (SIGABRT, kill_started_and_die);
  signal (SIGTRAP, kill_started_and_die);

  g_test_add_func ("/gvird/session/timeout/without-clients", test_timeout_without_clients);
  g_test_add_func ("/gvird/session/timeout/client-keeps-alive", test_timeout_client_keeps_alive);
  g_test_add_func ("/gvird/session/activation/named-fds", test_socket_activation);
  g_test_add_func ("/gvird/session/activation/other-pid", test_socket_activation_other_pid);
  g_test_add_func ("/gvird/session/autospawn/once-shared-timeout", test_autospawn);
  g_test_add_func ("/gvird/session/autospawn/uses-running-daemon",
                   test_autospawn_uses_running_daemon);
  g_test_add_func ("/gvird/session/autospawn/missing-daemon", test_autospawn_missing_daemon);
  g_test_add_func ("/gvird/session/qemu/define-start-restart-destroy", test_qemu_session);
  ret = g_test_run ();
  gvir_test_remove_tree (test_root);
  return ret;
}
