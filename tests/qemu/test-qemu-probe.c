/*
 * test-qemu-probe.c: the emulator probe and a QMP session with a real QEMU
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Needs qemu-system-x86_64 (Debian's qemu-system-x86, 7.2 here): the tests
 * skip with a reason without it, and fail under GVIR_TESTS_REQUIRE_ALL=1.
 * QEMU always runs through a wrapper script in the test's directory, which
 * counts every start of the emulator in a file (a probe answered from the
 * cache leaves the count alone). The wrapper's file is named `sh`: the
 * valgrind test setup skips executables whose path ends in /sh, so QEMU runs
 * natively instead of under valgrind (which reports QEMU's own errors and
 * makes its exit status 9). Every QEMU a test starts itself is killed
 * and reaped by pid in the fixture's teardown, whatever the test did.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib-unix.h>
#include <glib/gstdio.h>

#include "gvir-test-files.h"
#include "gvir-test-wait.h"
#include "libvirt-gobject/libvirt-gobject-error.h"
#include "drivers/qemu/gvir-qemu-probe-private.h"
#include "drivers/qemu/gvir-qmp-private.h"

typedef struct
{
  char *qemu;               /* the real emulator, NULL when missing */
  char *dir;                /* the test's own directory */
  char *cache_dir;
  char *wrapper;            /* counts its starts, then runs qemu */
  char *spawns;             /* the count: one line per start */

  /* The QMP session test's QEMU. */
  GPid pid;
  GVirQmp *qmp;
  GMutex lock;
  GCond cond;
  GPtrArray *events;        /* names, in order */
  guint closed_count;
} Fixture;

static gboolean
need_qemu (Fixture *f)
{
  if (f->qemu != NULL)
    return TRUE;
  if (g_strcmp0 (g_getenv ("GVIR_TESTS_REQUIRE_ALL"), "1") == 0)
    g_error ("qemu-system-x86_64 (Debian's qemu-system-x86) is missing: the probe tests need it");
  g_test_skip ("qemu-system-x86_64 is not installed (Debian's qemu-system-x86)");
  return FALSE;
}

static void
write_script (const char *path,
              const char *body)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, body, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, 0755), ==, 0);
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->qemu = gvir_qemu_find_emulator ("x86_64", NULL);
  f->dir = g_dir_make_tmp ("gvir-test-probe-XXXXXX", &error);
  g_assert_no_error (error);
  f->cache_dir = g_build_filename (f->dir, "cache", NULL);
  f->wrapper = g_build_filename (f->dir, "sh", NULL);
  f->spawns = g_build_filename (f->dir, "spawns", NULL);
  if (f->qemu != NULL)
    {
      g_autofree char *body = g_strdup_printf ("#!/bin/sh\necho start >> '%s'\nexec '%s' \"$@\"\n",
                                               f->spawns, f->qemu);

      write_script (f->wrapper, body);
    }
  f->events = g_ptr_array_new_with_free_func (g_free);
  g_mutex_init (&f->lock);
  g_cond_init (&f->cond);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  g_clear_pointer (&f->qmp, gvir_qmp_free);
  if (f->pid > 0)
    {
      int status;

      kill (f->pid, SIGKILL);
      while (waitpid (f->pid, &status, 0) < 0 && errno == EINTR)
        ;
    }
  gvir_test_remove_tree (f->dir);
  g_free (f->qemu);
  g_free (f->dir);
  g_free (f->cache_dir);
  g_free (f->wrapper);
  g_free (f->spawns);
  g_ptr_array_unref (f->events);
  g_mutex_clear (&f->lock);
  g_cond_clear (&f->cond);
}

/* How many times the wrapper started the emulator. */
static guint
spawn_count (Fixture *f)
{
  g_autofree char *text = NULL;
  guint count = 0;

  if (!g_file_get_contents (f->spawns, &text, NULL, NULL))
    return 0;
  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\n')
      count++;
  return count;
}

static char *
cache_file (Fixture *f)
{
  g_autoptr(GDir) dir = g_dir_open (f->cache_dir, 0, NULL);
  const char *name;
  char *found = NULL;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_assert_null (found);  /* one binary, one file, no temporary left */
      found = g_build_filename (f->cache_dir, name, NULL);
    }
  g_assert_nonnull (found);
  return found;
}

static char *
read_file (const char *path)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

/* ---- the probe's values ------------------------------------------------------------ */

static void
check_values (Fixture            *f,
              const GVirQemuCaps *caps)
{
  const GVirQemuMachine *pc, *q35;
  int kvm_fd;
  gboolean kvm_opens;

  g_assert_cmpuint (caps->version_major, ==, 7);
  g_assert_cmpuint (caps->version_minor, ==, 2);
  g_assert_true (g_str_has_prefix (caps->package, "Debian"));

  pc = gvir_qemu_caps_find_machine (caps, "pc-i440fx-7.2");
  g_assert_nonnull (pc);
  g_assert_cmpstr (pc->name, ==, "pc-i440fx-7.2");
  g_assert_cmpstr (pc->alias, ==, "pc");
  g_assert_true (pc->is_default);
  g_assert_cmpuint (pc->max_cpus, ==, 255);
  g_assert_false (pc->deprecated);
  g_assert_true (gvir_qemu_caps_find_machine (caps, "pc") == pc);
  g_assert_cmpstr (gvir_qemu_caps_get_default_machine (caps), ==, "pc-i440fx-7.2");

  q35 = gvir_qemu_caps_find_machine (caps, "q35");
  g_assert_nonnull (q35);
  g_assert_cmpstr (q35->name, ==, "pc-q35-7.2");
  g_assert_cmpstr (q35->alias, ==, "q35");
  g_assert_false (q35->is_default);
  g_assert_cmpuint (q35->max_cpus, ==, 288);
  g_assert_null (gvir_qemu_caps_find_machine (caps, "no-such-machine"));

  g_assert_true (gvir_qemu_caps_has_cpu_model (caps, "qemu64"));
  g_assert_true (gvir_qemu_caps_has_cpu_model (caps, "Skylake-Client"));
  g_assert_false (gvir_qemu_caps_has_cpu_model (caps, "no-such-cpu"));

  /* Debian's QEMU is built with KVM; whether it is usable is /dev/kvm's
   * say (missing on some of these machines, root-only on others). */
  g_assert_true (caps->kvm_present);
  kvm_fd = open ("/dev/kvm", O_RDWR | O_CLOEXEC);
  kvm_opens = kvm_fd >= 0;
  if (kvm_fd >= 0)
    close (kvm_fd);
  g_assert_cmpint (caps->kvm_usable, ==, kvm_opens);
  if (!g_file_test ("/dev/kvm", G_FILE_TEST_EXISTS))
    g_assert_false (caps->kvm_usable);
}

static void
test_values (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirQemuCaps) caps = NULL;

  if (!need_qemu (f))
    return;
  caps = gvir_qemu_probe (f->wrapper, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (caps->binary, ==, f->wrapper);
  g_assert_false (caps->from_cache);
  g_assert_cmpuint (spawn_count (f), ==, 1);
  check_values (f, caps);
}

/* ---- the cache -------------------------------------------------------------------- */

static void
assert_same_caps (const GVirQemuCaps *a,
                  const GVirQemuCaps *b)
{
  g_assert_cmpstr (a->binary, ==, b->binary);
  g_assert_cmpuint (a->version_micro, ==, b->version_micro);
  g_assert_cmpstr (a->package, ==, b->package);
  g_assert_cmpint (a->kvm_present, ==, b->kvm_present);
  g_assert_cmpint (a->kvm_usable, ==, b->kvm_usable);
  g_assert_true (g_strv_equal ((const char * const *) a->cpu_models,
                               (const char * const *) b->cpu_models));
  g_assert_cmpuint (a->machines->len, ==, b->machines->len);
  for (guint i = 0; i < a->machines->len; i++)
    {
      const GVirQemuMachine *ma = a->machines->pdata[i];
      const GVirQemuMachine *mb = b->machines->pdata[i];

      g_assert_cmpstr (ma->name, ==, mb->name);
      g_assert_cmpstr (ma->alias, ==, mb->alias);
      g_assert_cmpint (ma->is_default, ==, mb->is_default);
      g_assert_cmpuint (ma->max_cpus, ==, mb->max_cpus);
      g_assert_cmpint (ma->deprecated, ==, mb->deprecated);
    }
}

static GVirQemuCaps *
probe_wrapper (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GVirQemuCaps *caps = gvir_qemu_probe (f->wrapper, f->cache_dir, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (caps);
  return caps;
}

static void
test_cache_hit (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GVirQemuCaps) first = NULL;
  g_autoptr(GVirQemuCaps) second = NULL;
  g_autofree char *file = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  if (!need_qemu (f))
    return;
  first = probe_wrapper (f);
  g_assert_false (first->from_cache);
  g_assert_cmpuint (spawn_count (f), ==, 1);
  check_values (f, first);
  file = cache_file (f);
  before = read_file (file);

  second = probe_wrapper (f);
  g_assert_true (second->from_cache);
  g_assert_cmpuint (spawn_count (f), ==, 1);
  assert_same_caps (first, second);
  after = read_file (file);
  g_assert_cmpstr (before, ==, after);
}

static void
test_cache_changed_binary (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GVirQemuCaps) caps = NULL;
  g_autofree char *body = NULL;
  g_autofree char *longer = NULL;
  struct stat st;
  struct timespec times[2];

  if (!need_qemu (f))
    return;
  caps = probe_wrapper (f);
  g_assert_cmpuint (spawn_count (f), ==, 1);

  /* The same bytes, another mtime. */
  g_assert_cmpint (stat (f->wrapper, &st), ==, 0);
  times[0] = st.st_atim;
  times[1] = st.st_mtim;
  times[1].tv_sec -= 100;
  g_assert_cmpint (utimensat (AT_FDCWD, f->wrapper, times, 0), ==, 0);
  g_clear_pointer (&caps, gvir_qemu_caps_free);
  caps = probe_wrapper (f);
  g_assert_false (caps->from_cache);
  g_assert_cmpuint (spawn_count (f), ==, 2);
  g_clear_pointer (&caps, gvir_qemu_caps_free);
  caps = probe_wrapper (f);
  g_assert_true (caps->from_cache);
  g_assert_cmpuint (spawn_count (f), ==, 2);

  /* Another size, the same mtime. */
  g_assert_cmpint (stat (f->wrapper, &st), ==, 0);
  body = read_file (f->wrapper);
  longer = g_strconcat (body, "# a rebuilt emulator\n", NULL);
  write_script (f->wrapper, longer);
  times[0] = st.st_atim;
  times[1] = st.st_mtim;
  g_assert_cmpint (utimensat (AT_FDCWD, f->wrapper, times, 0), ==, 0);
  g_clear_pointer (&caps, gvir_qemu_caps_free);
  caps = probe_wrapper (f);
  g_assert_false (caps->from_cache);
  g_assert_cmpuint (spawn_count (f), ==, 3);
  check_values (f, caps);
}

static const char *const corrupt_caches[] = {
  "this is not a key file \x01\x02\n[[[\n",
  "[emulator]\nformat=1\n",
  "",
};

static void
test_cache_corrupt (Fixture       *f,
                    gconstpointer  data)
{
  const char *garbage = corrupt_caches[GPOINTER_TO_UINT (data)];
  g_autoptr(GVirQemuCaps) caps = NULL;
  g_autofree char *file = NULL;
  g_autofree char *good = NULL;
  g_autofree char *rewritten = NULL;

  if (!need_qemu (f))
    return;
  caps = probe_wrapper (f);
  file = cache_file (f);
  good = read_file (file);
  g_assert_true (g_file_set_contents (file, garbage, -1, NULL));

  g_clear_pointer (&caps, gvir_qemu_caps_free);
  caps = probe_wrapper (f);
  g_assert_false (caps->from_cache);
  g_assert_cmpuint (spawn_count (f), ==, 2);
  check_values (f, caps);
  rewritten = read_file (file);
  g_assert_cmpstr (rewritten, ==, good);

  g_clear_pointer (&caps, gvir_qemu_caps_free);
  caps = probe_wrapper (f);
  g_assert_true (caps->from_cache);
  g_assert_cmpuint (spawn_count (f), ==, 2);
}

/* ---- bad binaries ------------------------------------------------------------------- */

static void
test_missing_binary (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = g_build_filename (f->dir, "qemu-system-none", NULL);
  g_autofree char *plain = g_build_filename (f->dir, "not-executable", NULL);
  g_autofree char *want = NULL;
  g_autofree char *found = NULL;

  g_assert_null (gvir_qemu_probe (missing, f->cache_dir, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
  want = g_strdup_printf ("emulator %s cannot be used: No such file or directory", missing);
  g_assert_cmpstr (error->message, ==, want);
  g_clear_error (&error);
  g_clear_pointer (&want, g_free);

  g_assert_true (g_file_set_contents (plain, "#!/bin/sh\n", -1, NULL));
  g_assert_null (gvir_qemu_probe (plain, f->cache_dir, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  want = g_strdup_printf ("emulator %s is not an executable file", plain);
  g_assert_cmpstr (error->message, ==, want);
  g_clear_error (&error);

  g_assert_null (gvir_qemu_probe (f->dir, NULL, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_assert_null (gvir_qemu_find_emulator ("no-such-arch", &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, "no emulator for architecture 'no-such-arch': "
                                   "qemu-system-no-such-arch is not on PATH"));
  g_clear_error (&error);

  /* Nothing was started, nothing cached. */
  g_assert_false (g_file_test (f->cache_dir, G_FILE_TEST_EXISTS));
  if (f->qemu != NULL)
    {
      found = gvir_qemu_check_emulator (f->qemu, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (found, ==, f->qemu);
    }
}

static void
test_not_qemu (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *fake = g_build_filename (f->dir, "not-qemu", NULL);

  write_script (fake, "#!/bin/sh\necho 'qemu-system-x86_64: this is not QEMU' >&2\nexit 1\n");
  g_assert_null (gvir_qemu_probe (fake, f->cache_dir, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_FAILED);
  g_assert_true (g_str_has_prefix (error->message, "probing emulator "));
  g_assert_nonnull (strstr (error->message, fake));
  g_assert_true (g_str_has_suffix (error->message, "; its output: qemu-system-x86_64: this is not QEMU"));
  /* A failed probe is not cached. */
  g_assert_null (g_dir_open (f->cache_dir, 0, NULL));
}

/* ---- a QMP session with a real QEMU ------------------------------------------------- */

static void
die_with_parent (gpointer data)
{
  /* A test that aborts must not leave QEMU behind. */
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

/* Starts `qemu -S -machine none` with a monitor on a listening socket
 * passed as fd 3, and returns a connection made to it. */
static int
start_qemu (Fixture *f)
{
  g_autofree char *path = g_build_filename (f->dir, "mon.sock", NULL);
  g_autofree char *log = g_build_filename (f->dir, "qemu.log", NULL);
  const char *argv[] = {
    f->wrapper, "-S", "-no-user-config", "-nodefaults", "-nographic", "-machine", "none",
    "-chardev", "socket,id=mon,fd=3,server=on,wait=off", "-mon", "chardev=mon,mode=control", NULL
  };
  struct sockaddr_un addr = { .sun_family = AF_UNIX };
  g_autoptr(GError) error = NULL;
  int listen_fd, client_fd, log_fd;
  int source_fds[1], target_fds[1] = { 3 };

  g_assert_cmpuint (strlen (path), <, sizeof addr.sun_path);
  strcpy (addr.sun_path, path);
  listen_fd = socket (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  client_fd = socket (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  g_assert_cmpint (bind (listen_fd, (struct sockaddr *) &addr, sizeof addr), ==, 0);
  g_assert_cmpint (listen (listen_fd, 1), ==, 0);
  g_assert_cmpint (connect (client_fd, (struct sockaddr *) &addr, sizeof addr), ==, 0);
  log_fd = open (log, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  g_assert_cmpint (log_fd, >=, 0);
  source_fds[0] = listen_fd;

  g_assert_true (g_spawn_async_with_pipes_and_fds (NULL, argv, NULL,
                                                   G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDIN_FROM_DEV_NULL,
                                                   die_with_parent, NULL, -1, log_fd, log_fd,
                                                   source_fds, target_fds, 1,
                                                   &f->pid, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  close (listen_fd);
  close (log_fd);
  return client_fd;
}

static void
session_event (GVirQmp    *qmp,
               const char *name,
               JsonObject *data,
               gint64      timestamp_us,
               gpointer    user_data)
{
  Fixture *f = user_data;
  const char *reason = gvir_qmp_json_get_string (data, "reason");

  g_assert_cmpint (timestamp_us, >, 0);
  g_mutex_lock (&f->lock);
  g_ptr_array_add (f->events, reason ? g_strdup_printf ("%s:%s", name, reason) : g_strdup (name));
  g_cond_broadcast (&f->cond);
  g_mutex_unlock (&f->lock);
}

static void
session_closed (GVirQmp      *qmp,
                const GError *reason,
                gpointer      user_data)
{
  Fixture *f = user_data;

  g_mutex_lock (&f->lock);
  f->closed_count++;
  g_cond_broadcast (&f->cond);
  g_mutex_unlock (&f->lock);
}

typedef struct
{
  Fixture *f;
  guint events;
  gboolean closed;
} SessionWait;

static gboolean
session_reached (gpointer data)
{
  SessionWait *w = data;

  return w->f->events->len >= w->events && (!w->closed || w->f->closed_count > 0);
}

static void
wait_session (Fixture    *f,
              guint       events,
              gboolean    closed,
              const char *what)
{
  SessionWait w = { f, events, closed };

  g_mutex_lock (&f->lock);
  gvir_test_cond_wait_until (&f->cond, &f->lock, session_reached, &w, what);
  g_mutex_unlock (&f->lock);
}

static char *
query_status (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) reply = NULL;

  g_assert_true (gvir_qmp_command (f->qmp, "query-status", NULL, &reply, NULL, &error));
  g_assert_no_error (error);
  return g_strdup (gvir_qmp_json_get_string (json_node_get_object (reply), "status"));
}

static void
run (Fixture    *f,
     const char *command)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gvir_qmp_command (f->qmp, command, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* A descriptor passed to QEMU under a name, and the name released. */
static void
check_getfd (Fixture *f)
{
  g_autoptr(JsonObject) args = json_object_new ();
  g_autoptr(GError) error = NULL;
  int fds[2];

  g_assert_true (g_unix_open_pipe (fds, FD_CLOEXEC, NULL));
  json_object_set_string_member (args, "fdname", "test-fd");
  g_assert_true (gvir_qmp_command_with_fd (f->qmp, "getfd", args, fds[1], NULL, NULL, &error));
  g_assert_no_error (error);
  close (fds[0]);
  close (fds[1]);
  g_assert_true (gvir_qmp_command (f->qmp, "closefd", args, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (gvir_qmp_command (f->qmp, "closefd", args, NULL, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, "QEMU command 'closefd' failed: "
                   "File descriptor named 'test-fd' not found (GenericError)");
}

/* Reaps @pid, waiting at most the test bound for it to exit. */
static void
wait_exit (GPid  pid,
           int  *status)
{
  gint64 deadline = gvir_test_wait_deadline ();

  while (waitpid (pid, status, WNOHANG) == 0)
    {
      if (g_get_monotonic_time () > deadline)
        gvir_test_wait_timed_out ("QEMU to exit after quit");
      g_usleep (1000);
    }
}

static void
test_qmp_session (Fixture       *f,
                  gconstpointer  data)
{
  static const GVirQmpCallbacks callbacks = { session_event, session_closed };
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;
  guint major = 0;
  int status_code = -1;

  if (!need_qemu (f))
    return;
  f->qmp = gvir_qmp_new_for_fd (start_qemu (f), &callbacks, f, NULL, NULL, &error);
  g_assert_no_error (error);
  gvir_qmp_get_version (f->qmp, &major, NULL, NULL);
  g_assert_cmpuint (major, ==, 7);

  status = query_status (f);
  g_assert_cmpstr (status, ==, "prelaunch");

  run (f, "cont");
  wait_session (f, 1, FALSE, "RESUME after cont");
  g_clear_pointer (&status, g_free);
  status = query_status (f);
  g_assert_cmpstr (status, ==, "running");

  run (f, "stop");
  wait_session (f, 2, FALSE, "STOP after stop");
  g_clear_pointer (&status, g_free);
  status = query_status (f);
  g_assert_cmpstr (status, ==, "paused");

  /* An unknown command is QEMU's CommandNotFound, and the session goes on. */
  g_assert_false (gvir_qmp_command (f->qmp, "no-such-command", NULL, NULL, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED);
  g_assert_cmpstr (error->message, ==, "QEMU command 'no-such-command' failed: "
                   "The command no-such-command has not been found (CommandNotFound)");
  g_clear_error (&error);

  check_getfd (f);

  run (f, "quit");
  wait_session (f, 3, TRUE, "SHUTDOWN and the end of the monitor after quit");
  g_mutex_lock (&f->lock);
  g_assert_cmpuint (f->events->len, ==, 3);
  g_assert_cmpstr (f->events->pdata[0], ==, "RESUME");
  g_assert_cmpstr (f->events->pdata[1], ==, "STOP");
  g_assert_cmpstr (f->events->pdata[2], ==, "SHUTDOWN:host-qmp-quit");
  g_assert_cmpuint (f->closed_count, ==, 1);
  g_mutex_unlock (&f->lock);
  g_assert_false (gvir_qmp_is_open (f->qmp));

  /* QEMU exits 0 after quit: reaped here, by pid. */
  wait_exit (f->pid, &status_code);
  f->pid = 0;
  g_assert_true (WIFEXITED (status_code));
  g_assert_cmpint (WEXITSTATUS (status_code), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/qemu/probe/" path, Fixture, NULL, setup, func, teardown)
  ADD ("values", test_values);
  ADD ("cache-hit", test_cache_hit);
  ADD ("cache-changed-binary", test_cache_changed_binary);
  g_test_add ("/qemu/probe/cache-corrupt/garbage", Fixture, GUINT_TO_POINTER (0),
              setup, test_cache_corrupt, teardown);
  g_test_add ("/qemu/probe/cache-corrupt/truncated", Fixture, GUINT_TO_POINTER (1),
              setup, test_cache_corrupt, teardown);
  g_test_add ("/qemu/probe/cache-corrupt/empty", Fixture, GUINT_TO_POINTER (2),
              setup, test_cache_corrupt, teardown);
  ADD ("missing-binary", test_missing_binary);
  ADD ("not-qemu", test_not_qemu);
  ADD ("qmp-session", test_qmp_session);
#undef ADD

  return g_test_run ();
}
