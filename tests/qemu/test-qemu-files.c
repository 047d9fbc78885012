/*
 * test-qemu-files.c: the QEMU driver's folders, root lock and files
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
#include <sys/stat.h>
#include <unistd.h>

#include "libvirt-gobject-error.h"
#include "drivers/qemu/gvir-qemu-files-private.h"
#include "drivers/qemu/gvir-qemu-paths-private.h"
#include "drivers/qemu/gvir-qemu-root-lock-private.h"
#include "../common/gvir-test-files.h"
#include "../common/gvir-test-wait.h"

/* A fresh temporary folder, removed with its contents by the test. */
static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("gvir-qemu-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static guint
count_entries (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* ---- layouts -------------------------------------------------------------- */

static void
test_paths_embed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirQemuPaths) paths = gvir_qemu_paths_new_embed ("/r", &error);
  g_autofree char *config = NULL, *status = NULL, *pid = NULL, *save = NULL, *log = NULL;
  g_autofree char *autostart = NULL, *dir = NULL, *cut = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (paths->root, ==, "/r");
  g_assert_cmpstr (paths->config_dir, ==, "/r/etc/qemu");
  g_assert_cmpstr (paths->autostart_dir, ==, "/r/etc/qemu/autostart");
  g_assert_cmpstr (paths->state_dir, ==, "/r/run/qemu");
  g_assert_cmpstr (paths->lib_dir, ==, "/r/lib/qemu");
  g_assert_cmpstr (paths->save_dir, ==, "/r/lib/qemu/save");
  g_assert_cmpstr (paths->log_dir, ==, "/r/log/qemu");
  g_assert_cmpstr (paths->cache_dir, ==, "/r/cache/qemu");

  config = gvir_qemu_paths_config_file (paths, "tiny");
  autostart = gvir_qemu_paths_autostart_link (paths, "tiny");
  status = gvir_qemu_paths_status_file (paths, "tiny");
  pid = gvir_qemu_paths_pid_file (paths, "tiny");
  save = gvir_qemu_paths_save_file (paths, "tiny");
  log = gvir_qemu_paths_log_file (paths, "tiny");
  dir = gvir_qemu_paths_domain_dir (paths, 7, "tiny");
  g_assert_cmpstr (config, ==, "/r/etc/qemu/tiny.xml");
  g_assert_cmpstr (autostart, ==, "/r/etc/qemu/autostart/tiny.xml");
  g_assert_cmpstr (status, ==, "/r/run/qemu/tiny.status");
  g_assert_cmpstr (pid, ==, "/r/run/qemu/tiny.pid");
  g_assert_cmpstr (save, ==, "/r/lib/qemu/save/tiny.save");
  g_assert_cmpstr (log, ==, "/r/log/qemu/tiny.log");
  g_assert_cmpstr (dir, ==, "/r/lib/qemu/domain-7-tiny");

  /* Cut to 20 characters, whole UTF-8 characters (each 'é' is 2 bytes). */
  cut = gvir_qemu_paths_domain_dir (paths, 12, "ééééééééééééééééééééééé-tail");
  g_assert_cmpstr (cut, ==, "/r/lib/qemu/domain-12-éééééééééééééééééééé");
}

static void
test_paths_embed_refused (void)
{
  g_autoptr(GError) relative = NULL;
  g_autoptr(GError) missing = NULL;
  g_autoptr(GError) too_long = NULL;
  g_autofree char *long_root = g_strnfill (90, 'x');
  g_autofree char *long_path = g_strconcat ("/", long_root, NULL);
  g_autofree char *fits = g_strnfill (107 - strlen ("/lib/qemu/domain-1-a/monitor.sock") - 1, 'y');
  g_autofree char *fits_path = g_strconcat ("/", fits, NULL);
  g_autoptr(GVirQemuPaths) ok = NULL;

  g_assert_null (gvir_qemu_paths_new_embed ("rel/dir", &relative));
  g_assert_error (relative, GVIR_ERROR, GVIR_ERROR_INVALID_URI);
  g_assert_cmpstr (relative->message, ==,
                   "the QEMU driver's embed root must be an absolute path, not 'rel/dir'");
  g_assert_null (gvir_qemu_paths_new_embed (NULL, &missing));
  g_assert_error (missing, GVIR_ERROR, GVIR_ERROR_INVALID_URI);

  g_assert_null (gvir_qemu_paths_new_embed (long_path, &too_long));
  g_assert_error (too_long, GVIR_ERROR, GVIR_ERROR_INVALID_URI);
  g_assert_nonnull (strstr (too_long->message, "is too long"));
  g_assert_nonnull (strstr (too_long->message, long_path));

  /* Exactly at the limit: accepted. */
  ok = gvir_qemu_paths_new_embed (fits_path, NULL);
  g_assert_nonnull (ok);
}

static void
test_paths_session_system (void)
{
  g_autoptr(GVirQemuPaths) session = gvir_qemu_paths_new_session ();
  g_autoptr(GVirQemuPaths) system = gvir_qemu_paths_new_system ();
  g_autofree char *config = g_build_filename (g_get_user_config_dir (), "libvirt", "qemu", NULL);
  g_autofree char *state = g_build_filename (g_get_user_runtime_dir (), "libvirt", "qemu", "run",
                                             NULL);
  g_autofree char *log = g_build_filename (g_get_user_cache_dir (), "libvirt", "qemu", "log", NULL);
  g_autofree char *lib = g_build_filename (config, "lib", NULL);

  g_assert_null (session->root);
  g_assert_cmpstr (session->config_dir, ==, config);
  g_assert_cmpstr (session->state_dir, ==, state);
  g_assert_cmpstr (session->lib_dir, ==, lib);
  g_assert_cmpstr (session->log_dir, ==, log);

  g_assert_null (system->root);
  g_assert_cmpstr (system->config_dir, ==, "/etc/libvirt/qemu");
  g_assert_cmpstr (system->autostart_dir, ==, "/etc/libvirt/qemu/autostart");
  g_assert_cmpstr (system->state_dir, ==, "/run/libvirt/qemu");
  g_assert_cmpstr (system->lib_dir, ==, "/var/lib/libvirt/qemu");
  g_assert_cmpstr (system->save_dir, ==, "/var/lib/libvirt/qemu/save");
  g_assert_cmpstr (system->log_dir, ==, "/var/log/libvirt/qemu");
  g_assert_cmpstr (system->cache_dir, ==, "/var/cache/libvirt/qemu");
}

static void
test_paths_create (void)
{
  g_autofree char *tmp = make_temp_dir ();
  g_autofree char *root = g_build_filename (tmp, "root", NULL);
  g_autofree char *blocker = NULL;
  g_autoptr(GVirQemuPaths) paths = gvir_qemu_paths_new_embed (root, NULL);
  g_autoptr(GError) error = NULL;
  const char *dirs[] = { paths->config_dir, paths->autostart_dir, paths->state_dir,
                         paths->lib_dir, paths->save_dir, paths->log_dir, paths->cache_dir };
  GStatBuf st;
  guint i;

  g_assert_true (gvir_qemu_paths_create (paths, &error));
  g_assert_no_error (error);
  for (i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_assert_cmpint (g_stat (dirs[i], &st), ==, 0);
      g_assert_true (S_ISDIR (st.st_mode));
      g_assert_cmpint (st.st_mode & 0777, ==, 0700);
    }
  /* Again: nothing to do, no error. */
  g_assert_true (gvir_qemu_paths_create (paths, &error));
  g_assert_true (gvir_test_remove_tree (root));

  /* A file where a folder should be. */
  g_assert_cmpint (g_mkdir (root, 0700), ==, 0);
  blocker = g_build_filename (root, "etc", NULL);
  g_assert_true (g_file_set_contents (blocker, "", 0, NULL));
  g_assert_false (gvir_qemu_paths_create (paths, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, paths->config_dir));
  g_assert_true (gvir_test_remove_tree (tmp));
}

static void
check_name_refused (const char *name,
                    const char *reason)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = g_strdup_printf ("invalid domain name '%s' for the QEMU driver: %s",
                                               name != NULL ? name : "", reason);

  g_assert_false (gvir_qemu_check_domain_name (name, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_assert_cmpstr (error->message, ==, expected);
}

static void
test_domain_names (void)
{
  g_autofree char *longest = g_strnfill (200, 'n');
  g_autofree char *too_long = g_strnfill (201, 'n');

  g_assert_true (gvir_qemu_check_domain_name ("tiny", NULL));
  g_assert_true (gvir_qemu_check_domain_name ("a.b-c_d é", NULL));
  g_assert_true (gvir_qemu_check_domain_name (".hidden-ok", NULL));
  g_assert_true (gvir_qemu_check_domain_name (longest, NULL));
  check_name_refused (NULL, "it is empty");
  check_name_refused ("", "it is empty");
  check_name_refused (".", "it is a folder name");
  check_name_refused ("..", "it is a folder name");
  check_name_refused ("a/b", "it contains '/'");
  check_name_refused (too_long, "it is longer than 200 bytes");
  check_name_refused ("tab\there", "it contains a control character");
  check_name_refused ("bad\xff", "it is not valid UTF-8");
}

static void
test_socket_path (void)
{
  g_autofree char *at_limit = g_strnfill (107, 's');
  g_autofree char *over = g_strnfill (108, 's');
  g_autoptr(GError) error = NULL;

  g_assert_true (gvir_qemu_check_socket_path (at_limit, &error));
  g_assert_no_error (error);
  g_assert_false (gvir_qemu_check_socket_path (over, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "is 108 bytes long; a UNIX socket path has at most 107"));
}

/* ---- the root lock ----------------------------------------------------------- */

static char *
read_pid_file (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "driver.pid", NULL);
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static void
test_lock_same_process (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *own = g_strdup_printf ("%ld\n", (long) getpid ());
  g_autofree char *expected = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GVirQemuRootLock *first, *again;

  first = gvir_qemu_root_lock_acquire (dir, "the root '/r'", &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);
  text = read_pid_file (dir);
  g_assert_cmpstr (text, ==, own);
  g_clear_pointer (&text, g_free);

  /* A second acquisition conflicts, even from this process. */
  again = gvir_qemu_root_lock_acquire (dir, "the root '/r'", &error);
  g_assert_null (again);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_FAILED);
  expected = g_strdup_printf ("the root '/r' is in use by process %ld (lock file '%s/driver.pid')",
                              (long) getpid (), dir);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);

  gvir_qemu_root_lock_release (first);
  text = read_pid_file (dir);
  g_assert_cmpstr (text, ==, "");
  again = gvir_qemu_root_lock_acquire (dir, "the root '/r'", &error);
  g_assert_no_error (error);
  gvir_qemu_root_lock_release (again);
  g_assert_true (gvir_test_remove_tree (dir));
}

/* A pid file left by an owner that is gone (no lock held): taken over. */
static void
test_lock_stale_file (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "driver.pid", NULL);
  g_autofree char *own = g_strdup_printf ("%ld\n", (long) getpid ());
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GVirQemuRootLock *lock;

  g_assert_true (g_file_set_contents (path, "999999999 and some junk\n", -1, NULL));
  lock = gvir_qemu_root_lock_acquire (dir, "root", &error);
  g_assert_no_error (error);
  text = read_pid_file (dir);
  g_assert_cmpstr (text, ==, own);
  gvir_qemu_root_lock_release (lock);
  g_assert_true (gvir_test_remove_tree (dir));
}

static void
test_lock_missing_dir (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (gvir_qemu_root_lock_acquire ("/nonexistent/gvir/state", "root", &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==,
                   "cannot open the lock file '/nonexistent/gvir/state/driver.pid': "
                   "No such file or directory");
}

/* The child of test_lock_other_process(): the parent holds the lock. */
static void
lock_child_expects_conflict (const char *dir,
                             const char *parent_pid)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = g_strdup_printf ("root is in use by process %s (lock file '%s/driver.pid')",
                                               parent_pid, dir);

  g_assert_null (gvir_qemu_root_lock_acquire (dir, "root", &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_FAILED);
  g_assert_cmpstr (error->message, ==, expected);
}

/* The child of test_lock_other_process(): takes the lock and exits
 * without releasing it. */
static GVirQemuRootLock *lock_held_at_exit;

static void
lock_child_takes_and_dies (const char *dir)
{
  g_autoptr(GError) error = NULL;

  /* Kept reachable, so that leak checkers see no leak at exit. */
  lock_held_at_exit = gvir_qemu_root_lock_acquire (dir, "root", &error);
  g_assert_no_error (error);
  g_assert_nonnull (lock_held_at_exit);
  _exit (0);
}

static void
test_lock_other_process (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *own = NULL;
  g_autofree char *own_line = NULL;
  g_autofree char *text = NULL;
  GVirQemuRootLock *lock;
  guint64 bound = (guint64) gvir_test_wait_bound_usec ();

  if (g_test_subprocess ())
    {
      const char *mode = g_getenv ("GVIR_TEST_LOCK_MODE");

      if (g_strcmp0 (mode, "conflict") == 0)
        lock_child_expects_conflict (g_getenv ("GVIR_TEST_LOCK_DIR"), g_getenv ("GVIR_TEST_LOCK_PID"));
      else
        lock_child_takes_and_dies (g_getenv ("GVIR_TEST_LOCK_DIR"));
      return;
    }

  dir = make_temp_dir ();
  own = g_strdup_printf ("%ld", (long) getpid ());
  own_line = g_strconcat (own, "\n", NULL);
  g_setenv ("GVIR_TEST_LOCK_DIR", dir, TRUE);
  g_setenv ("GVIR_TEST_LOCK_PID", own, TRUE);

  /* Held here: another process is refused and told our pid. */
  lock = gvir_qemu_root_lock_acquire (dir, "root", NULL);
  g_assert_nonnull (lock);
  g_setenv ("GVIR_TEST_LOCK_MODE", "conflict", TRUE);
  g_test_trap_subprocess (NULL, bound, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  gvir_qemu_root_lock_release (lock);

  /* An owner that dies holding it: the kernel drops the lock, we take over. */
  g_setenv ("GVIR_TEST_LOCK_MODE", "die", TRUE);
  g_test_trap_subprocess (NULL, bound, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  lock = gvir_qemu_root_lock_acquire (dir, "root", NULL);
  g_assert_nonnull (lock);
  text = read_pid_file (dir);
  g_assert_cmpstr (text, ==, own_line);
  gvir_qemu_root_lock_release (lock);
  g_assert_true (gvir_test_remove_tree (dir));
}

/* ---- files ---------------------------------------------------------------------- */

static void
test_write_atomic (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "tiny.xml", NULL);
  g_autofree char *missing = g_build_filename (dir, "no", "such.xml", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_true (gvir_qemu_write_file_atomic (path, "<domain/>\n", -1, &error));
  g_assert_no_error (error);
  g_assert_true (gvir_qemu_write_file_atomic (path, "<domain type='qemu'/>\nXX", 22, &error));
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, "<domain type='qemu'/>\n");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  /* Only the file itself: no temporary left behind. */
  g_assert_cmpuint (count_entries (dir), ==, 1);

  g_assert_false (gvir_qemu_write_file_atomic (missing, "x", -1, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_FAILED);
  g_assert_true (g_str_has_prefix (error->message, "cannot write '"));
  g_assert_nonnull (strstr (error->message, missing));
  g_assert_cmpuint (count_entries (dir), ==, 1);
  g_assert_true (gvir_test_remove_tree (dir));
}

static void
test_read_file (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "a.xml", NULL);
  g_autofree char *fifo = g_build_filename (dir, "fifo.xml", NULL);
  g_autofree char *big = g_build_filename (dir, "big.xml", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.xml", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  FILE *f;

  g_assert_true (g_file_set_contents (path, "<domain/>", -1, NULL));
  text = gvir_qemu_read_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "<domain/>");

  g_assert_null (gvir_qemu_read_file (missing, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A FIFO with no writer: refused at once, never waited on. */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_null (gvir_qemu_read_file (fifo, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "not a regular file"));
  g_clear_error (&error);

  g_assert_null (gvir_qemu_read_file (dir, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_FAILED);
  g_clear_error (&error);

  /* One byte over the bound (sparse, so cheap). */
  f = fopen (big, "w");
  g_assert_nonnull (f);
  g_assert_cmpint (fseek (f, GVIR_QEMU_FILE_MAX_BYTES, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc ('x', f), ==, 'x');
  g_assert_cmpint (fclose (f), ==, 0);
  g_assert_null (gvir_qemu_read_file (big, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "of at most 16777216 bytes"));
  g_assert_true (gvir_test_remove_tree (dir));
}

static void
test_read_definitions (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *subdir = g_build_filename (dir, "broken.xml", NULL);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) defs = NULL;
  g_autoptr(GPtrArray) none = NULL;
  const char *files[][2] = {
    { "zeta.xml", "<domain><name>zeta</name></domain>" },
    { "alpha.xml", "<domain><name>alpha</name></domain>" },
    { "alpha.xml.ABC123", "a temporary of an interrupted write" },
    { ".beta.xml", "hidden" },
    { "notes.txt", "not a definition" },
    { ".xml", "no name" },
  };
  GVirQemuStoredDefinition *def;
  guint i;

  for (i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (dir, files[i][0], NULL);

      g_assert_true (g_file_set_contents (path, files[i][1], -1, NULL));
    }
  g_assert_cmpint (g_mkdir (subdir, 0700), ==, 0);

  defs = gvir_qemu_read_definitions (dir, problems);
  g_assert_cmpuint (defs->len, ==, 2);
  def = defs->pdata[0];
  g_assert_cmpstr (def->name, ==, "alpha");
  g_assert_cmpstr (def->xml, ==, "<domain><name>alpha</name></domain>");
  def = defs->pdata[1];
  g_assert_cmpstr (def->name, ==, "zeta");
  g_assert_cmpstr (def->xml, ==, "<domain><name>zeta</name></domain>");
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (problems->pdata[0], subdir));

  /* A missing folder has no definitions, and is no problem. */
  g_assert_cmpint (g_rmdir (subdir), ==, 0);
  g_assert_true (gvir_test_remove_tree (dir));
  none = gvir_qemu_read_definitions (dir, problems);
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (problems->len, ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/qemu/paths/embed", test_paths_embed);
  g_test_add_func ("/qemu/paths/embed-refused", test_paths_embed_refused);
  g_test_add_func ("/qemu/paths/session-system", test_paths_session_system);
  g_test_add_func ("/qemu/paths/create", test_paths_create);
  g_test_add_func ("/qemu/paths/domain-names", test_domain_names);
  g_test_add_func ("/qemu/paths/socket-path", test_socket_path);
  g_test_add_func ("/qemu/lock/same-process", test_lock_same_process);
  g_test_add_func ("/qemu/lock/stale-file", test_lock_stale_file);
  g_test_add_func ("/qemu/lock/missing-dir", test_lock_missing_dir);
  g_test_add_func ("/qemu/lock/other-process", test_lock_other_process);
  g_test_add_func ("/qemu/files/write-atomic", test_write_atomic);
  g_test_add_func ("/qemu/files/read", test_read_file);
  g_test_add_func ("/qemu/files/read-definitions", test_read_definitions);
  return g_test_run ();
}
