/*
 * gvir-qemu-process.c: one QEMU process and its monitor
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
#include <fcntl.h>
#include <gio/gunixsocketaddress.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "libvirt-gobject/libvirt-gobject-error.h"
#include "gvir-qemu-command-private.h"
#include "gvir-qemu-process-private.h"
#include "gvir-qemu-status-private.h"
#include "gvir-qmp-private.h"

/* The descriptor number QEMU finds its monitor socket under. */
#define MONITOR_CHILD_FD 3
/* How much of QEMU's log an error quotes. */
#define LOG_TAIL_BYTES 2048
/* After SIGKILL, how long a process may take to go. */
#define KILL_WAIT_MS 10000

struct _GVirQemuProcess
{
  GSubprocess *subprocess;
  gint64 pid;
  guint64 start_time;
  char *domain_dir;
  char *monitor_path;
  char *log_path;
  GVirQmp *qmp;
  GArray *vcpu_threads;
  GVirQemuProcessCallbacks callbacks;
  gpointer user_data;
  gint ended;             /* atomic: the ended callback ran */
};

/* ---- monitor callbacks (I/O thread) ------------------------------------------ */

static void
on_qmp_event (GVirQmp    *qmp,
              const char *name,
              JsonObject *data,
              gint64      timestamp_us,
              gpointer    user_data)
{
  GVirQemuProcess *proc = user_data;

  if (proc->callbacks.event != NULL)
    proc->callbacks.event (proc, name, data, proc->user_data);
}

static void
on_qmp_closed (GVirQmp      *qmp,
               const GError *reason,
               gpointer      user_data)
{
  GVirQemuProcess *proc = user_data;

  g_debug ("monitor of QEMU %" G_GINT64_FORMAT " ended: %s", proc->pid, reason->message);
  if (g_atomic_int_compare_and_exchange (&proc->ended, FALSE, TRUE) &&
      proc->callbacks.ended != NULL)
    proc->callbacks.ended (proc, proc->user_data);
}

static const GVirQmpCallbacks qmp_callbacks = { on_qmp_event, on_qmp_closed };

/* ---- start ---------------------------------------------------------------------- */

/* The last lines of @path, for an error about a QEMU that failed. */
static char *
log_tail (const char *path)
{
  g_autofree char *text = NULL;
  gsize len = 0;
  const char *start;

  if (!g_file_get_contents (path, &text, &len, NULL) || len == 0)
    return g_strdup ("(QEMU wrote nothing)");
  start = len > LOG_TAIL_BYTES ? text + len - LOG_TAIL_BYTES : text;
  return g_strstrip (g_strdup (start));
}

static GSocket *
listen_on (const char  *path,
           GError     **error)
{
  g_autoptr(GSocket) sock = NULL;
  g_autoptr(GSocketAddress) address = NULL;

  if (!gvir_qemu_check_socket_path (path, error))
    return NULL;
  g_unlink (path);
  sock = g_socket_new (G_SOCKET_FAMILY_UNIX, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_DEFAULT,
                       error);
  if (sock == NULL)
    return NULL;
  address = g_unix_socket_address_new (path);
  if (!g_socket_bind (sock, address, FALSE, error) || !g_socket_listen (sock, error))
    {
      g_prefix_error (error, "cannot listen on the monitor socket '%s': ", path);
      g_unlink (path);
      return NULL;
    }
  return g_steal_pointer (&sock);
}

static int
open_log (const char  *path,
          GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);

  if (fd < 0)
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_FAILED, "cannot open the log file '%s': %s", path,
                 g_strerror (errno));
  return fd;
}

static void
log_command_line (int          fd,
                  const char  *name,
                  char       **argv)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format_iso8601 (now);
  g_autofree char *line = g_strjoinv (" ", argv);
  g_autofree char *text = g_strdup_printf ("%s: starting domain '%s'\n%s\n", stamp, name, line);

  if (write (fd, text, strlen (text)) < 0)
    g_debug ("cannot write to the domain's log: %s", g_strerror (errno));
}

/* In the child, before exec: a session of its own, so that QEMU neither
 * gets the terminal's signals nor dies with the process that started it. */
static void
child_setup (gpointer data)
{
  setsid ();
}

static GSubprocess *
spawn (char       **argv,
       GSocket     *monitor,
       int          log_fd,
       GError     **error)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  int null_fd = g_open ("/dev/null", O_RDONLY | O_CLOEXEC, 0);
  int out_fd = dup (log_fd);
  int monitor_fd = dup (g_socket_get_fd (monitor));

  if (null_fd < 0 || out_fd < 0 || monitor_fd < 0)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_FAILED, "cannot prepare QEMU's descriptors: %s",
                   g_strerror (errno));
      if (null_fd >= 0)
        close (null_fd);
      if (out_fd >= 0)
        close (out_fd);
      if (monitor_fd >= 0)
        close (monitor_fd);
      return NULL;
    }
  g_subprocess_launcher_take_stdin_fd (launcher, null_fd);
  g_subprocess_launcher_take_stdout_fd (launcher, out_fd);
  g_subprocess_launcher_take_stderr_fd (launcher, dup (log_fd));
  g_subprocess_launcher_take_fd (launcher, monitor_fd, MONITOR_CHILD_FD);
  g_subprocess_launcher_set_child_setup (launcher, child_setup, NULL, NULL);
  return g_subprocess_launcher_spawnv (launcher, (const char * const *) argv, error);
}

typedef struct
{
  const GVirQemuProcessSpec *spec;
  char **argv;
  GSocket *monitor;
  int log_fd;
  GError *error;
} SpawnJob;

static gpointer
spawn_thread (gpointer data)
{
  SpawnJob *job = data;

  if (!job->spec->spawn_setup (job->spec->spawn_data, &job->error))
    return NULL;
  return spawn (job->argv, job->monitor, job->log_fd, &job->error);
}

/* Spawns QEMU from a short-lived thread that first runs the spec's setup,
 * so that what the setup changes stays off the caller's threads. */
static GSubprocess *
spawn_with_setup (const GVirQemuProcessSpec  *spec,
                  char                      **argv,
                  GSocket                    *monitor,
                  int                         log_fd,
                  GError                    **error)
{
  SpawnJob job = { spec, argv, monitor, log_fd, NULL };
  GSubprocess *subprocess;

  if (spec->spawn_setup == NULL)
    return spawn (argv, monitor, log_fd, error);
  subprocess = g_thread_join (g_thread_new ("qemu-spawn", spawn_thread, &job));
  if (subprocess == NULL)
    g_propagate_error (error, job.error);
  return subprocess;
}

static GVirQmp *
connect_monitor (const char    *path,
                 gpointer       user_data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketAddress) address = g_unix_socket_address_new (path);
  g_autoptr(GSocketConnection) connection = NULL;

  connection = g_socket_client_connect (client, G_SOCKET_CONNECTABLE (address), cancellable,
                                        error);
  if (connection == NULL)
    return NULL;
  return gvir_qmp_new (connection, &qmp_callbacks, user_data, NULL, cancellable, error);
}

static gboolean
read_vcpu_threads (GVirQemuProcess  *proc,
                   GCancellable     *cancellable,
                   GError          **error)
{
  g_autoptr(JsonNode) reply = NULL;
  JsonArray *cpus;
  guint i;

  if (!gvir_qmp_command (proc->qmp, "query-cpus-fast", NULL, &reply, cancellable, error))
    return FALSE;
  if (!JSON_NODE_HOLDS_ARRAY (reply))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_PROTOCOL, "query-cpus-fast: not an array");
      return FALSE;
    }
  cpus = json_node_get_array (reply);
  for (i = 0; i < json_array_get_length (cpus); i++)
    {
      JsonNode *item = json_array_get_element (cpus, i);
      gint64 tid = 0;

      if (!JSON_NODE_HOLDS_OBJECT (item) ||
          !gvir_qmp_json_get_int (json_node_get_object (item), "thread-id", &tid))
        {
          g_set_error (error, GVIR_ERROR, GVIR_ERROR_PROTOCOL,
                       "query-cpus-fast: vCPU %u has no thread id", i);
          return FALSE;
        }
      g_array_append_val (proc->vcpu_threads, tid);
    }
  return TRUE;
}

static GVirQemuProcess *
process_new (const GVirQemuProcessSpec      *spec,
             const GVirQemuProcessCallbacks *callbacks,
             gpointer                        user_data)
{
  GVirQemuProcess *proc = g_new0 (GVirQemuProcess, 1);

  proc->domain_dir = gvir_qemu_paths_domain_dir (spec->paths, spec->id, spec->name);
  proc->monitor_path = g_build_filename (proc->domain_dir, "monitor.sock", NULL);
  proc->log_path = gvir_qemu_paths_log_file (spec->paths, spec->name);
  proc->vcpu_threads = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (callbacks != NULL)
    proc->callbacks = *callbacks;
  proc->user_data = user_data;
  return proc;
}

/* Removes what a start left behind: the process, the socket, the folder. */
static void
process_discard (GVirQemuProcess *proc)
{
  if (proc->qmp != NULL)
    gvir_qmp_close (proc->qmp);
  g_clear_pointer (&proc->qmp, gvir_qmp_free);
  if (proc->subprocess != NULL)
    {
      g_subprocess_force_exit (proc->subprocess);
      g_subprocess_wait (proc->subprocess, NULL, NULL);
    }
  g_unlink (proc->monitor_path);
  g_rmdir (proc->domain_dir);
  gvir_qemu_process_free (proc);
}

/* Runs the emulator; fills @proc's process fields. */
static gboolean
launch (GVirQemuProcess            *proc,
        const GVirQemuProcessSpec  *spec,
        GError                    **error)
{
  GVirQemuCommandContext ctx = {
    .emulator = spec->caps->binary,
    .monitor_fd = MONITOR_CHILD_FD,
    .domain_dir = proc->domain_dir,
    .kvm_usable = spec->caps->kvm_usable,
    .host_nodes = spec->host_nodes,
    .default_machine = gvir_qemu_caps_get_default_machine (spec->caps),
    .incoming_defer = spec->incoming_defer,
    .hugepages_dir = spec->hugepages_dir,
  };
  g_auto(GStrv) argv = NULL;
  g_autoptr(GSocket) monitor = NULL;
  int log_fd;

  argv = gvir_qemu_command_build (spec->def, &ctx, NULL, error);
  if (argv == NULL)
    return FALSE;
  if (g_mkdir_with_parents (proc->domain_dir, 0700) < 0)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_FAILED, "cannot create '%s': %s",
                   proc->domain_dir, g_strerror (errno));
      return FALSE;
    }
  monitor = listen_on (proc->monitor_path, error);
  if (monitor == NULL)
    return FALSE;
  log_fd = open_log (proc->log_path, error);
  if (log_fd < 0)
    return FALSE;
  log_command_line (log_fd, spec->name, argv);
  proc->subprocess = spawn_with_setup (spec, argv, monitor, log_fd, error);
  close (log_fd);
  if (proc->subprocess == NULL)
    return FALSE;
  proc->pid = g_ascii_strtoll (g_subprocess_get_identifier (proc->subprocess), NULL, 10);
  return TRUE;
}

GVirQemuProcess *
gvir_qemu_process_start (const GVirQemuProcessSpec      *spec,
                         const GVirQemuProcessCallbacks *callbacks,
                         gpointer                        user_data,
                         GCancellable                   *cancellable,
                         GError                        **error)
{
  GVirQemuProcess *proc = process_new (spec, callbacks, user_data);
  g_autoptr(GError) local = NULL;

  if (!launch (proc, spec, error))
    {
      process_discard (proc);
      return NULL;
    }
  proc->qmp = connect_monitor (proc->monitor_path, proc, cancellable, &local);
  if (proc->qmp == NULL)
    {
      g_autofree char *tail = NULL;

      /* A QEMU that refused its command line has exited by now. */
      g_subprocess_wait (proc->subprocess, NULL, NULL);
      tail = log_tail (proc->log_path);
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_FAILED,
                   "QEMU for domain '%s' did not start: %s\n%s", spec->name, local->message, tail);
      process_discard (proc);
      return NULL;
    }
  if (!gvir_qemu_process_start_time (proc->pid, &proc->start_time, error) ||
      !read_vcpu_threads (proc, cancellable, error))
    {
      process_discard (proc);
      return NULL;
    }
  return proc;
}

GVirQemuProcess *
gvir_qemu_process_attach (const GVirQemuStatus           *status,
                          const char                     *name,
                          const GVirQemuPaths            *paths,
                          const GVirQemuProcessCallbacks *callbacks,
                          gpointer                        user_data,
                          GCancellable                   *cancellable,
                          GError                        **error)
{
  GVirQemuProcess *proc = g_new0 (GVirQemuProcess, 1);

  proc->domain_dir = gvir_qemu_paths_domain_dir (paths, status->id, name);
  proc->monitor_path = g_strdup (status->monitor_path);
  proc->log_path = gvir_qemu_paths_log_file (paths, name);
  proc->vcpu_threads = g_array_copy (status->vcpu_threads);
  proc->pid = status->pid;
  proc->start_time = status->start_time;
  if (callbacks != NULL)
    proc->callbacks = *callbacks;
  proc->user_data = user_data;
  proc->qmp = connect_monitor (proc->monitor_path, proc, cancellable, error);
  if (proc->qmp == NULL)
    {
      g_prefix_error (error, "cannot reconnect to the monitor of QEMU %" G_GINT64_FORMAT ": ",
                      proc->pid);
      gvir_qemu_process_free (proc);
      return NULL;
    }
  return proc;
}

GVirQemuStatus *
gvir_qemu_process_to_status (GVirQemuProcess *proc,
                             int              id)
{
  GVirQemuStatus *status = gvir_qemu_status_new ();

  status->id = id;
  status->pid = proc->pid;
  status->start_time = proc->start_time;
  status->monitor_path = g_strdup (proc->monitor_path);
  g_array_append_vals (status->vcpu_threads, proc->vcpu_threads->data, proc->vcpu_threads->len);
  return status;
}

/* ---- queries ---------------------------------------------------------------------- */

gpointer
gvir_qemu_process_get_user_data (GVirQemuProcess *proc)
{
  return proc->user_data;
}

gint64
gvir_qemu_process_get_pid (GVirQemuProcess *proc)
{
  return proc->pid;
}

guint64
gvir_qemu_process_get_start_time (GVirQemuProcess *proc)
{
  return proc->start_time;
}

const char *
gvir_qemu_process_get_monitor_path (GVirQemuProcess *proc)
{
  return proc->monitor_path;
}

GArray *
gvir_qemu_process_get_vcpu_threads (GVirQemuProcess *proc)
{
  return proc->vcpu_threads;
}

guint64
gvir_qemu_process_get_cpu_time_ns (GVirQemuProcess *proc)
{
  guint64 utime, stime;
  long ticks = sysconf (_SC_CLK_TCK);

  if (!gvir_qemu_process_stat_field (proc->pid, 14, &utime, NULL) ||
      !gvir_qemu_process_stat_field (proc->pid, 15, &stime, NULL) || ticks <= 0)
    return 0;
  return (utime + stime) * (G_GUINT64_CONSTANT (1000000000) / (guint64) ticks);
}

guint64
gvir_qemu_process_get_rss_kib (GVirQemuProcess *proc)
{
  long page = sysconf (_SC_PAGESIZE);
  guint64 pages;

  /* Field 24 of /proc/PID/stat counts resident pages, as libvirt reads it. */
  if (page <= 0 || !gvir_qemu_process_stat_field (proc->pid, 24, &pages, NULL))
    return 0;
  return pages * ((guint64) page / 1024);
}

gboolean
gvir_qemu_process_command (GVirQemuProcess  *proc,
                           const char       *name,
                           JsonObject       *args,
                           JsonNode        **reply,
                           GCancellable     *cancellable,
                           GError          **error)
{
  return gvir_qmp_command (proc->qmp, name, args, reply, cancellable, error);
}

gboolean
gvir_qemu_process_command_with_fd (GVirQemuProcess  *proc,
                                   const char       *name,
                                   JsonObject       *args,
                                   int               fd,
                                   JsonNode        **reply,
                                   GCancellable     *cancellable,
                                   GError          **error)
{
  return gvir_qmp_command_with_fd (proc->qmp, name, args, fd, reply, cancellable, error);
}

/* ---- the end ------------------------------------------------------------------------ */

typedef struct
{
  gboolean done;
  gboolean ended;       /* the wait finished: QEMU was reaped */
  gboolean timed_out;
} ExitWait;

static void
exit_waited (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  ExitWait *wait = data;

  wait->ended = g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  wait->done = TRUE;
}

static gboolean
exit_timed_out (gpointer data)
{
  ExitWait *wait = data;

  wait->timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Waits at most @ms for the process to end (and be reaped). */
static gboolean
wait_for_exit (GSubprocess *subprocess,
               guint        ms)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GSource) timeout = g_timeout_source_new (ms);
  ExitWait wait = { FALSE, FALSE, FALSE };

  g_main_context_push_thread_default (context);
  g_subprocess_wait_async (subprocess, cancellable, exit_waited, &wait);
  g_source_set_callback (timeout, exit_timed_out, &wait, NULL);
  g_source_attach (timeout, context);
  while (!wait.done && !wait.timed_out)
    g_main_context_iteration (context, TRUE);
  if (!wait.done)
    {
      /* The wait's callback must run before @wait goes out of scope. */
      g_cancellable_cancel (cancellable);
      while (!wait.done)
        g_main_context_iteration (context, TRUE);
    }
  g_source_destroy (timeout);
  g_main_context_pop_thread_default (context);
  /* Only a finished wait may ask how it ended: before the reaping GLib
   * refuses the question with a critical. */
  return wait.ended;
}

/* For a QEMU that is not our child: polls /proc for its end. */
static gboolean
wait_for_end (GVirQemuProcess *proc,
              guint            ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) ms * 1000;

  while (gvir_qemu_process_is_running (proc->pid, proc->start_time))
    {
      if (g_get_monotonic_time () >= deadline)
        return FALSE;
      g_usleep (5000);
    }
  return TRUE;
}

static void
send_signal (GVirQemuProcess *proc,
             int              sig)
{
  if (proc->subprocess != NULL)
    g_subprocess_send_signal (proc->subprocess, sig);
  else if (gvir_qemu_process_is_running (proc->pid, proc->start_time))
    kill ((pid_t) proc->pid, sig);
}

static gboolean
wait_for (GVirQemuProcess *proc,
          guint            ms)
{
  if (proc->subprocess != NULL)
    return wait_for_exit (proc->subprocess, ms);
  return wait_for_end (proc, ms);
}

gboolean
gvir_qemu_process_kill (GVirQemuProcess  *proc,
                        guint             grace_ms,
                        GError          **error)
{
  send_signal (proc, SIGTERM);
  if (wait_for (proc, grace_ms))
    return TRUE;
  send_signal (proc, SIGKILL);
  if (wait_for (proc, KILL_WAIT_MS))
    return TRUE;
  g_set_error (error, GVIR_ERROR, GVIR_ERROR_FAILED,
               "QEMU process %" G_GINT64_FORMAT " did not end after SIGKILL", proc->pid);
  return FALSE;
}

void
gvir_qemu_process_terminate (GVirQemuProcess *proc)
{
  send_signal (proc, SIGTERM);
}

void
gvir_qemu_process_free (GVirQemuProcess *proc)
{
  if (proc == NULL)
    return;
  if (proc->qmp != NULL)
    gvir_qmp_close (proc->qmp);
  g_clear_pointer (&proc->qmp, gvir_qmp_free);
  g_clear_object (&proc->subprocess);
  g_free (proc->domain_dir);
  g_free (proc->monitor_path);
  g_free (proc->log_path);
  g_array_unref (proc->vcpu_threads);
  g_free (proc);
}
