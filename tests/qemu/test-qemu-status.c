/*
 * test-qemu-status.c: the QEMU driver's status records and process checks
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "libvirt-gobject-error.h"
#include "drivers/gvir-driver-types-private.h"
#include "drivers/qemu/gvir-qemu-status-private.h"
#include "../common/gvir-test-wait.h"

static GVirQemuStatus *
sample_status (void)
{
  GVirQemuStatus *status = gvir_qemu_status_new ();
  gint64 tids[] = { 4101, 4102 };

  status->id = 3;
  status->state = GVIR_DRIVER_STATE_PAUSED;
  status->reason = 2;
  status->pid = 4100;
  status->start_time = G_GUINT64_CONSTANT (18446744073709551000);
  status->monitor_path = g_strdup ("/r/lib/qemu/domain-3-tiny/monitor.sock");
  g_array_append_vals (status->vcpu_threads, tids, G_N_ELEMENTS (tids));
  status->live_xml = g_strdup ("<domain type='qemu' id='3'>\n  <name>tiny \"é\"</name>\n</domain>\n");
  return status;
}

static void
test_round_trip (void)
{
  g_autoptr(GVirQemuStatus) status = sample_status ();
  g_autofree char *json = gvir_qemu_status_to_json (status);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirQemuStatus) back = gvir_qemu_status_from_json (json, "tiny.status", &error);

  g_assert_no_error (error);
  g_assert_cmpint (back->id, ==, 3);
  g_assert_cmpint (back->state, ==, GVIR_DRIVER_STATE_PAUSED);
  g_assert_cmpint (back->reason, ==, 2);
  g_assert_cmpint (back->pid, ==, 4100);
  g_assert_cmpuint (back->start_time, ==, G_GUINT64_CONSTANT (18446744073709551000));
  g_assert_cmpstr (back->monitor_path, ==, status->monitor_path);
  g_assert_cmpuint (back->vcpu_threads->len, ==, 2);
  g_assert_cmpint (g_array_index (back->vcpu_threads, gint64, 0), ==, 4101);
  g_assert_cmpint (g_array_index (back->vcpu_threads, gint64, 1), ==, 4102);
  g_assert_cmpstr (back->live_xml, ==, status->live_xml);
  /* The file says which format it is. */
  g_assert_nonnull (strstr (json, "\"version\" : 1"));
}

/* The sample's text with @member's value replaced by @value (NULL: the
 * member removed). */
static char *
sample_with (const char *member,
             const char *value)
{
  g_autoptr(GVirQemuStatus) status = sample_status ();
  g_autofree char *json = gvir_qemu_status_to_json (status);
  g_autofree char *key = g_strdup_printf ("\"%s\" : ", member);
  const char *start = strstr (json, key);
  const char *end;

  g_assert_nonnull (start);
  end = start + strlen (key);
  if (*end == '[')
    end = strchr (end, ']') + 1;
  else if (*end == '"')
    {
      /* Past the closing quote, over escaped ones. */
      for (end++; *end != '"'; end++)
        if (*end == '\\')
          end++;
      end++;
    }
  else
    end += strspn (end, "-0123456789");
  if (value == NULL)
    {
      /* Drop the member and its comma: every member but the last has one. */
      if (*end == ',')
        end++;
      return g_strdup_printf ("%.*s%s", (int) (start - json), json, end);
    }
  return g_strdup_printf ("%.*s%s%s%s", (int) (start - json), json, key, value, end);
}

static void
check_refused (const char *text,
               const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = g_strdup_printf ("invalid status file 'tiny.status': %s", message);

  g_assert_null (gvir_qemu_status_from_json (text, "tiny.status", &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_FAILED);
  if (message != NULL)
    g_assert_cmpstr (error->message, ==, expected);
  else
    g_assert_true (g_str_has_prefix (error->message, "invalid status file 'tiny.status': "));
}

static void
check_member_refused (const char *member,
                      const char *value,
                      const char *message)
{
  g_autofree char *text = sample_with (member, value);

  check_refused (text, message);
}

static void
test_refused (void)
{
  check_refused ("", NULL);
  check_refused ("{", NULL);
  check_refused ("[1, 2]", "not a JSON object");
  check_refused ("42", "not a JSON object");
  check_member_refused ("version", "2", "version is one this library does not know");
  check_member_refused ("version", "\"1\"", "version is not an integer");
  check_member_refused ("id", "0", "id is out of range");
  check_member_refused ("id", NULL, "id is missing");
  check_member_refused ("state", "8", "state is out of range");
  check_member_refused ("state", "-1", "state is out of range");
  check_member_refused ("state", "1.5", "state is not an integer");
  check_member_refused ("reason", "-2", "reason is out of range");
  check_member_refused ("pid", "0", "pid is out of range");
  check_member_refused ("pid", "4294967296", "pid is out of range");
  check_member_refused ("pid", "null", "pid is not an integer");
  check_member_refused ("start-time", "12", "start-time is not a string");
  check_member_refused ("start-time", "\"12x\"", "start-time is not a number");
  check_member_refused ("start-time", "\"18446744073709551616\"", "start-time is not a number");
  check_member_refused ("monitor", "[]", "monitor is not a string");
  check_member_refused ("vcpu-threads", "{}", "vcpu-threads is not an array");
  check_member_refused ("vcpu-threads", "[1, 0]", "vcpu-threads holds something that is not a thread id");
  check_member_refused ("vcpu-threads", "[\"1\"]", "vcpu-threads holds something that is not a thread id");
  check_member_refused ("xml", "true", "xml is not a string");
  check_member_refused ("monitor", NULL, "monitor is missing");
}

/* ---- processes ------------------------------------------------------------------- */

/* Clock ticks since boot, now: no process here started later than this. */
static guint64
ticks_since_boot (void)
{
  g_autofree char *uptime = NULL;
  double seconds;

  g_assert_true (g_file_get_contents ("/proc/uptime", &uptime, NULL, NULL));
  seconds = g_ascii_strtod (uptime, NULL);
  return (guint64) (seconds * sysconf (_SC_CLK_TCK)) + 1;
}

static void
test_own_start_time (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirQemuStatus) status = gvir_qemu_status_new ();
  guint64 start = 0;

  g_assert_true (gvir_qemu_process_start_time (getpid (), &start, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (start, >, 0);
  g_assert_cmpuint (start, <=, ticks_since_boot ());

  status->pid = getpid ();
  status->start_time = start;
  g_assert_true (gvir_qemu_status_process_matches (status));
  /* The same pid, but a process that started at another time: a reused pid. */
  status->start_time = start + 1;
  g_assert_false (gvir_qemu_status_process_matches (status));
}

static void
test_missing_process (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirQemuStatus) status = gvir_qemu_status_new ();
  guint64 start = 7;

  /* Above the kernel's pid_max, so never a process. */
  g_assert_false (gvir_qemu_process_start_time (G_GINT64_CONSTANT (9999999999), &start, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "no process 9999999999");
  g_assert_cmpuint (start, ==, 7);
  status->pid = G_GINT64_CONSTANT (9999999999);
  g_assert_false (gvir_qemu_status_process_matches (status));
}

/* A process whose name holds spaces and ')' (its executable is a link
 * to sleep with such a name): fields are counted from the last ')'. */
static void
test_odd_process_name (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gvir-qemu-XXXXXX", &error);
  g_autofree char *link = g_build_filename (dir, "x) 1 2 3 4 5", NULL);
  char *argv[] = { link, (char *) "30", NULL };
  guint64 own = 0, child = 0;
  GPid pid;
  int status;

  g_assert_no_error (error);
  g_assert_cmpint (symlink ("/bin/sleep", link), ==, 0);
  g_assert_true (g_spawn_async (NULL, argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid,
                                &error));
  g_assert_no_error (error);

  g_assert_true (gvir_qemu_process_start_time (getpid (), &own, NULL));
  g_assert_true (gvir_qemu_process_start_time (pid, &child, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (child, >=, own);
  g_assert_cmpuint (child, <=, ticks_since_boot ());

  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  g_assert_cmpint (g_unlink (link), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/qemu/status/round-trip", test_round_trip);
  g_test_add_func ("/qemu/status/refused", test_refused);
  g_test_add_func ("/qemu/status/own-start-time", test_own_start_time);
  g_test_add_func ("/qemu/status/missing-process", test_missing_process);
  g_test_add_func ("/qemu/status/odd-process-name", test_odd_process_name);
  return g_test_run ();
}
