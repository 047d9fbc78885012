/*
 * test-qemu-driver.c: the QEMU driver with real QEMU processes
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Every case runs in a root folder of its own and stops every domain it
 * started; the fixture's teardown checks that no QEMU process of the case
 * is left (by the pids the driver reported).
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <string.h>
#include <unistd.h>

#include "libvirt-gobject-error.h"
#include "drivers/gvir-driver-private.h"
#include "drivers/qemu/gvir-qemu-driver-private.h"
#include "drivers/qemu/gvir-qemu-paths-private.h"
#include "drivers/qemu/gvir-qemu-status-private.h"
#include "../common/gvir-test-files.h"
#include "../common/gvir-test-wait.h"
#include "qemu-test-children.h"

#define TINY_UUID "c7a5fdbd-cdaf-9455-926a-d65c16db1809"
#define TINY2_UUID "c7a5fdbd-cdaf-9455-926a-d65c16db1810"
#define IDLE_UUID "c7a5fdbd-cdaf-9455-926a-d65c16db1811"

typedef struct
{
  char *root;
  char *uri;
  GVirDriverConnection *conn;
  GAsyncQueue *events;      /* "event/detail" strings */
} Fixture;

static const char *
tiny_xml (void)
{
  return "<domain type='qemu'>\n"
         "  <name>tiny</name>\n"
         "  <uuid>" TINY_UUID "</uuid>\n"
         "  <memory unit='MiB'>64</memory>\n"
         "  <vcpu>2</vcpu>\n"
         "  <os><type arch='x86_64' machine='pc'>hvm</type></os>\n"
         "</domain>\n";
}

static void
collect_event (const GVirDriverEvent *event,
               gpointer               data)
{
  GAsyncQueue *queue = data;

  if (event->kind == GVIR_DRIVER_EVENT_DOMAIN_LIFECYCLE)
    g_async_queue_push (queue, g_strdup_printf ("%s %d/%d", event->domain->name, event->event,
                                                event->detail));
}

static GVirDriverConnection *
open_root (Fixture *f, GError **error)
{
  return gvir_driver_connection_open (f->uri, FALSE, collect_event, f->events, NULL, error);
}

/* The pid of the QEMU running the domain "tiny", 0 when there is none. */
static gint64
find_qemu_pid (Fixture *f)
{
  g_autoptr(GArray) pids = qemu_test_find_children ("guest=tiny,");

  g_assert_cmpuint (pids->len, <=, 1);
  return pids->len == 1 ? g_array_index (pids, gint64, 0) : 0;
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  gvir_driver_register (&gvir_qemu_driver);
  f->root = g_dir_make_tmp ("gvir-qemu-XXXXXX", &error);
  g_assert_no_error (error);
  f->uri = g_strdup_printf ("qemu:///embed?root=%s", f->root);
  f->events = g_async_queue_new_full (g_free);
  f->conn = open_root (f, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_autoptr(GArray) left = NULL;

  g_clear_pointer (&f->conn, gvir_driver_connection_unref);
  /* Every QEMU the case started is gone. */
  left = qemu_test_find_children ("guest=");
  g_assert_cmpuint (left->len, ==, 0);
  gvir_test_remove_tree (f->root);
  g_async_queue_unref (f->events);
  g_free (f->uri);
  g_free (f->root);
}

/* The next event, within the bound. */
static char *
next_event (Fixture *f, const char *what)
{
  char *ev = g_async_queue_timeout_pop (f->events, gvir_test_wait_bound_usec ());

  if (ev == NULL)
    gvir_test_wait_timed_out (what);
  return ev;
}

static void
expect_event (Fixture *f, const char *expected)
{
  g_autofree char *ev = next_event (f, expected);

  g_assert_cmpstr (ev, ==, expected);
}

static void
assert_state (Fixture *f, int state, int reason)
{
  g_autoptr(GError) error = NULL;
  int got_state = -1, got_reason = -1;

  g_assert_true (gvir_driver_connection_get_domain_state (f->conn, TINY_UUID, &got_state,
                                                          &got_reason, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (got_state, ==, state);
  g_assert_cmpint (got_reason, ==, reason);
}

static void
test_lifecycle (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDriverDomain) dom = NULL;
  g_autofree char *config = NULL;
  g_autofree char *xml = NULL;
  GVirDriverDomainInfo info;
  gint64 pid;

  if (qemu_test_emulator_missing ())
    return;
  dom = gvir_driver_connection_define_domain (f->conn, tiny_xml (), 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dom->name, ==, "tiny");
  g_assert_cmpstr (dom->uuid, ==, TINY_UUID);
  g_assert_true (dom->persistent);
  g_assert_cmpint (dom->id, ==, -1);
  expect_event (f, "tiny 0/0");
  config = g_build_filename (f->root, "etc", "qemu", "tiny.xml", NULL);
  g_assert_true (g_file_test (config, G_FILE_TEST_IS_REGULAR));
  assert_state (f, GVIR_DRIVER_STATE_SHUTOFF, GVIR_DRIVER_SHUTOFF_UNKNOWN);

  g_assert_true (gvir_driver_connection_start_domain (f->conn, TINY_UUID, 0, NULL, &error));
  g_assert_no_error (error);
  expect_event (f, "tiny 2/0");
  assert_state (f, GVIR_DRIVER_STATE_RUNNING, GVIR_DRIVER_RUNNING_BOOTED);
  pid = find_qemu_pid (f);
  g_assert_cmpint (pid, >, 0);

  g_assert_true (gvir_driver_connection_get_domain_info (f->conn, TINY_UUID, &info, NULL, &error));
  g_assert_cmpint (info.state, ==, GVIR_DRIVER_STATE_RUNNING);
  g_assert_cmpuint (info.max_mem_kib, ==, 65536);
  g_assert_cmpuint (info.memory_kib, ==, 65536);
  g_assert_cmpuint (info.nr_virt_cpu, ==, 2);

  /* Starting it again is refused; nothing changes. */
  g_assert_false (gvir_driver_connection_start_domain (f->conn, TINY_UUID, 0, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
  g_assert_cmpstr (error->message, ==, "domain 'tiny' is already running");
  g_clear_error (&error);

  g_assert_true (gvir_driver_connection_suspend_domain (f->conn, TINY_UUID, NULL, &error));
  g_assert_no_error (error);
  expect_event (f, "tiny 3/0");
  assert_state (f, GVIR_DRIVER_STATE_PAUSED, GVIR_DRIVER_PAUSED_USER);
  g_assert_true (gvir_driver_connection_resume_domain (f->conn, TINY_UUID, NULL, &error));
  g_assert_no_error (error);
  expect_event (f, "tiny 4/0");
  assert_state (f, GVIR_DRIVER_STATE_RUNNING, GVIR_DRIVER_RUNNING_UNPAUSED);

  xml = gvir_driver_connection_get_domain_xml (f->conn, TINY_UUID, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (xml, "<name>tiny</name>"));

  g_assert_true (gvir_driver_connection_destroy_domain (f->conn, TINY_UUID, 0, NULL, &error));
  g_assert_no_error (error);
  expect_event (f, "tiny 5/1");
  assert_state (f, GVIR_DRIVER_STATE_SHUTOFF, GVIR_DRIVER_SHUTOFF_DESTROYED);
  /* Gone when destroy returns. */
  g_assert_cmpint (kill (pid, 0), ==, -1);

  g_assert_true (gvir_driver_connection_undefine_domain (f->conn, TINY_UUID, 0, NULL, &error));
  g_assert_no_error (error);
  expect_event (f, "tiny 1/0");
  g_assert_false (g_file_test (config, G_FILE_TEST_EXISTS));
  g_assert_null (gvir_driver_connection_lookup_domain_by_uuid (f->conn, TINY_UUID, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
}

/* kill -9 of QEMU: the domain is shut off (crashed), stopped::failed. */
static void
test_killed (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDriverDomain) dom = NULL;
  gint64 pid;

  if (qemu_test_emulator_missing ())
    return;
  dom = gvir_driver_connection_create_domain (f->conn, tiny_xml (), 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (dom->persistent);
  g_assert_cmpint (dom->id, >, 0);
  expect_event (f, "tiny 2/0");
  pid = find_qemu_pid (f);
  g_assert_cmpint (pid, >, 0);
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  expect_event (f, "tiny 5/5");
  /* A transient domain goes with its process. */
  g_assert_null (gvir_driver_connection_lookup_domain_by_uuid (f->conn, TINY_UUID, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
}

static void
test_start_paused_and_errors (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDriverDomain) dom = NULL;
  g_autoptr(GVirDriverDomain) other = NULL;
  g_autoptr(GVirDriverDomain) bad = NULL;

  if (qemu_test_emulator_missing ())
    return;
  dom = gvir_driver_connection_define_domain (f->conn, tiny_xml (), 0, NULL, &error);
  g_assert_no_error (error);
  expect_event (f, "tiny 0/0");

  /* The same name with another UUID. */
  other = gvir_driver_connection_define_domain (
    f->conn, "<domain type='qemu'><name>tiny</name>"
    "<uuid>11111111-2222-3333-4444-555555555555</uuid><memory>65536</memory>"
    "<os><type>hvm</type></os></domain>", 0, NULL, &error);
  g_assert_null (other);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_EXISTS);
  g_assert_cmpstr (error->message, ==, "domain 'tiny' already exists with UUID '" TINY_UUID "'");
  g_clear_error (&error);

  bad = gvir_driver_connection_define_domain (f->conn, "<domain", 0, NULL, &error);
  g_assert_null (bad);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_XML);
  g_clear_error (&error);

  g_assert_true (gvir_driver_connection_start_domain (f->conn, TINY_UUID,
                                                      GVIR_DRIVER_START_PAUSED, NULL, &error));
  g_assert_no_error (error);
  expect_event (f, "tiny 2/0");
  expect_event (f, "tiny 3/0");
  assert_state (f, GVIR_DRIVER_STATE_PAUSED, GVIR_DRIVER_PAUSED_USER);
  /* As libvirt's QEMU driver: suspending a paused domain does nothing
   * and succeeds, without an event; resuming a running one fails. */
  g_assert_true (gvir_driver_connection_suspend_domain (f->conn, TINY_UUID, NULL, &error));
  g_assert_no_error (error);
  assert_state (f, GVIR_DRIVER_STATE_PAUSED, GVIR_DRIVER_PAUSED_USER);
  g_assert_true (gvir_driver_connection_resume_domain (f->conn, TINY_UUID, NULL, &error));
  g_assert_no_error (error);
  expect_event (f, "tiny 4/0");
  g_assert_false (gvir_driver_connection_resume_domain (f->conn, TINY_UUID, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
  g_assert_cmpstr (error->message, ==, "domain 'tiny' is already running");
  g_clear_error (&error);

  /* Undefining a running domain makes it transient; destroying it ends it. */
  g_assert_true (gvir_driver_connection_undefine_domain (f->conn, TINY_UUID, 0, NULL, &error));
  expect_event (f, "tiny 1/0");
  g_assert_true (gvir_driver_connection_destroy_domain (f->conn, TINY_UUID, 0, NULL, &error));
  g_assert_no_error (error);
  expect_event (f, "tiny 5/1");
  g_assert_null (gvir_driver_connection_lookup_domain_by_uuid (f->conn, TINY_UUID, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
}

/* Definitions survive the connection. */
static void
test_persistence_and_lock (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDriverDomain) dom = NULL;
  g_autoptr(GVirDriverDomain) again = NULL;

  dom = gvir_driver_connection_define_domain (f->conn, tiny_xml (), 0, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&f->conn, gvir_driver_connection_unref);

  f->conn = open_root (f, &error);
  g_assert_no_error (error);
  again = gvir_driver_connection_lookup_domain_by_name (f->conn, "tiny", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->uuid, ==, TINY_UUID);
  g_assert_true (again->persistent);
  g_assert_cmpint (again->state, ==, GVIR_DRIVER_STATE_SHUTOFF);
}

static void
assert_autostart (Fixture *f, gboolean expected)
{
  g_autoptr(GError) error = NULL;
  gboolean autostart = !expected;

  g_assert_true (gvir_driver_connection_get_domain_autostart (f->conn, TINY_UUID, &autostart,
                                                              NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (autostart, ==, expected);
}

/* The mark is a link in the autostart folder: a new connection (a new
 * daemon) sees it, and undefine takes it away with the definition. */
static void
test_autostart (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDriverDomain) dom = NULL;
  g_autoptr(GVirQemuPaths) paths = gvir_qemu_paths_new_embed (f->root, &error);
  g_autofree char *link = NULL;
  gboolean autostart = FALSE;

  g_assert_no_error (error);
  link = gvir_qemu_paths_autostart_link (paths, "tiny");
  dom = gvir_driver_connection_define_domain (f->conn, tiny_xml (), 0, NULL, &error);
  g_assert_no_error (error);
  assert_autostart (f, FALSE);
  g_assert_true (gvir_driver_connection_set_domain_autostart (f->conn, TINY_UUID, TRUE, NULL,
                                                              &error));
  g_assert_no_error (error);
  assert_autostart (f, TRUE);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  /* Setting it twice is no error. */
  g_assert_true (gvir_driver_connection_set_domain_autostart (f->conn, TINY_UUID, TRUE, NULL,
                                                              &error));
  g_assert_no_error (error);

  g_clear_pointer (&f->conn, gvir_driver_connection_unref);
  f->conn = open_root (f, &error);
  g_assert_no_error (error);
  assert_autostart (f, TRUE);
  g_assert_true (gvir_driver_connection_set_domain_autostart (f->conn, TINY_UUID, FALSE, NULL,
                                                              &error));
  assert_autostart (f, FALSE);
  g_assert_false (g_file_test (link, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK));
  g_assert_true (gvir_driver_connection_set_domain_autostart (f->conn, TINY_UUID, TRUE, NULL,
                                                              &error));

  g_assert_true (gvir_driver_connection_undefine_domain (f->conn, TINY_UUID, 0, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_assert_false (gvir_driver_connection_get_domain_autostart (f->conn, TINY_UUID, &autostart,
                                                               NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* A new domain of the same name starts without the mark. */
  g_clear_pointer (&dom, gvir_driver_domain_free);
  dom = gvir_driver_connection_define_domain (f->conn, tiny_xml (), 0, NULL, &error);
  g_assert_no_error (error);
  assert_autostart (f, FALSE);
}

static void
define_with_autostart (Fixture *f, const char *xml, const char *uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDriverDomain) dom =
    gvir_driver_connection_define_domain (f->conn, xml, 0, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (dom->uuid, ==, uuid);
  g_assert_true (gvir_driver_connection_set_domain_autostart (f->conn, uuid, TRUE, NULL,
                                                              &error));
  g_assert_no_error (error);
}

static void
reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&f->conn, gvir_driver_connection_unref);
  f->conn = open_root (f, &error);
  g_assert_no_error (error);
}

/* The domains marked autostart start when the driver first loads after
 * its state folder was emptied (a boot): a domain that cannot start does
 * not keep the others from starting. A later load starts nothing, so a
 * domain shut down since stays down. */
static void
test_autostart_at_load (Fixture *f, gconstpointer data)
{
  g_autoptr(GVirQemuPaths) paths = gvir_qemu_paths_new_embed (f->root, NULL);
  g_autofree char *marker = g_build_filename (paths->state_dir, "autostarted", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDriverDomain) idle = NULL;
  g_autofree char *ev = NULL;
  int state = -1, reason = -1;

  /* The first load already claimed this boot's autostart. */
  g_assert_true (g_file_test (marker, G_FILE_TEST_IS_REGULAR));
  define_with_autostart (f,
                         "<domain type='qemu'><name>broken</name><uuid>" TINY2_UUID "</uuid>"
                         "<memory unit='MiB'>32</memory><vcpu>1</vcpu>"
                         "<os><type arch='x86_64' machine='pc'>hvm</type></os>"
                         "<devices><emulator>/nonexistent/qemu</emulator></devices></domain>",
                         TINY2_UUID);
  define_with_autostart (f, tiny_xml (), TINY_UUID);
  /* Without the mark: it stays down. */
  idle = gvir_driver_connection_define_domain (f->conn,
                                               "<domain type='qemu'><name>idle</name><uuid>"
                                               IDLE_UUID "</uuid><memory unit='MiB'>32</memory>"
                                               "<vcpu>1</vcpu><os><type arch='x86_64' "
                                               "machine='pc'>hvm</type></os></domain>",
                                               0, NULL, &error);
  g_assert_no_error (error);
  reopen (f);
  assert_state (f, GVIR_DRIVER_STATE_SHUTOFF, GVIR_DRIVER_SHUTOFF_UNKNOWN);
  g_assert_cmpint (find_qemu_pid (f), ==, 0);

  /* A boot empties the state folder. */
  g_assert_cmpint (g_unlink (marker), ==, 0);
  while ((ev = g_async_queue_try_pop (f->events)) != NULL)
    g_clear_pointer (&ev, g_free);
  reopen (f);
  assert_state (f, GVIR_DRIVER_STATE_RUNNING, GVIR_DRIVER_RUNNING_BOOTED);
  g_assert_cmpint (find_qemu_pid (f), >, 0);
  g_assert_true (gvir_driver_connection_get_domain_state (f->conn, TINY2_UUID, &state, &reason,
                                                          NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (state, ==, GVIR_DRIVER_STATE_SHUTOFF);
  g_assert_true (gvir_driver_connection_get_domain_state (f->conn, IDLE_UUID, &state, &reason,
                                                          NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (state, ==, GVIR_DRIVER_STATE_SHUTOFF);
  /* The starts came before this connection: it saw no event of them. */
  g_assert_null (g_async_queue_try_pop (f->events));

  g_assert_true (gvir_driver_connection_destroy_domain (f->conn, TINY_UUID, 0, NULL, &error));
  g_assert_no_error (error);
  expect_event (f, "tiny 5/1");
  reopen (f);
  assert_state (f, GVIR_DRIVER_STATE_SHUTOFF, GVIR_DRIVER_SHUTOFF_UNKNOWN);
  g_assert_cmpint (find_qemu_pid (f), ==, 0);
}

static void
test_other_process_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *root = g_dir_make_tmp ("gvir-qemu-XXXXXX", &error);
  g_autofree char *uri = g_strdup_printf ("qemu:///embed?root=%s", root);
  g_autofree char *pid = g_strdup_printf ("%ld", (long) getpid ());
  g_autoptr(GVirDriverConnection) conn = NULL;

  gvir_driver_register (&gvir_qemu_driver);
  if (g_test_subprocess ())
    {
      g_autofree char *expected = NULL;
      const char *parent_root = g_getenv ("GVIR_TEST_ROOT");
      g_autofree char *parent_uri = g_strdup_printf ("qemu:///embed?root=%s", parent_root);

      expected = g_strdup_printf ("the QEMU driver's root '%s' is in use by process %s",
                                  parent_root, g_getenv ("GVIR_TEST_PARENT_PID"));
      g_assert_null (gvir_driver_connection_open (parent_uri, FALSE, NULL, NULL, NULL, &error));
      g_assert_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_FAILED);
      g_assert_true (g_str_has_prefix (error->message, expected));
      g_rmdir (root);
      return;
    }
  conn = gvir_driver_connection_open (uri, FALSE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_setenv ("GVIR_TEST_ROOT", root, TRUE);
  g_setenv ("GVIR_TEST_PARENT_PID", pid, TRUE);
  g_test_trap_subprocess (NULL, (guint64) gvir_test_wait_bound_usec (), G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_clear_pointer (&conn, gvir_driver_connection_unref);
  gvir_test_remove_tree (root);
}

/* The child of test_reconnect(): starts "tiny" (persistent) and "tiny2"
 * (transient) and exits without stopping them, as an application that
 * ends with its VMs running. */
static GVirDriverConnection *child_conn;   /* reachable at the child's exit */

static void
reconnect_child (const char *uri)
{
  g_autoptr(GError) error = NULL;
  GVirDriverConnection *conn = gvir_driver_connection_open (uri, FALSE, NULL, NULL, NULL, &error);
  g_autoptr(GVirDriverDomain) tiny = NULL;
  g_autoptr(GVirDriverDomain) tiny2 = NULL;

  g_assert_no_error (error);
  child_conn = conn;
  tiny = gvir_driver_connection_define_domain (conn, tiny_xml (), 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (gvir_driver_connection_start_domain (conn, TINY_UUID, 0, NULL, &error));
  g_assert_no_error (error);
  tiny2 = gvir_driver_connection_create_domain (
    conn, "<domain type='qemu'><name>tiny2</name>"
    "<uuid>" TINY2_UUID "</uuid><memory unit='MiB'>64</memory>"
    "<os><type arch='x86_64' machine='pc'>hvm</type></os></domain>",
    GVIR_DRIVER_START_PAUSED, NULL, &error);
  g_assert_no_error (error);
  /* An abrupt end, the connection still open. */
  g_clear_pointer (&tiny, gvir_driver_domain_free);
  g_clear_pointer (&tiny2, gvir_driver_domain_free);
  _exit (0);
}

static void
write_ghost_status (const char *root)
{
  g_autoptr(GVirQemuStatus) ghost = gvir_qemu_status_new ();
  g_autofree char *json = NULL;
  g_autofree char *path = g_build_filename (root, "run", "qemu", "ghost.status", NULL);
  guint64 own_start = 0;

  /* This very process, with another start time: its pid was reused. */
  g_assert_true (gvir_qemu_process_start_time (getpid (), &own_start, NULL));
  ghost->id = 40;
  ghost->state = GVIR_DRIVER_STATE_RUNNING;
  ghost->reason = GVIR_DRIVER_RUNNING_BOOTED;
  ghost->pid = getpid ();
  ghost->start_time = own_start + 1;
  ghost->monitor_path = g_strdup ("/nonexistent/monitor.sock");
  ghost->live_xml = g_strdup ("<domain type='qemu'><name>ghost</name></domain>");
  json = gvir_qemu_status_to_json (ghost);
  g_assert_true (g_file_set_contents (path, json, -1, NULL));
}

static void
reap (gint64 pid)
{
  /* This process is the subreaper of the QEMUs whose starter exited. */
  g_assert_cmpint (waitpid ((pid_t) pid, NULL, 0), ==, pid);
}

/* An application exits with two VMs running; the next process to open the
 * root finds them running, controls them and gets their events. A status
 * file whose pid now belongs to another process is not taken for a VM. */
static void
test_reconnect (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *root = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *ghost_path = NULL;
  g_autoptr(GVirDriverConnection) conn = NULL;
  g_autoptr(GVirDriverDomain) tiny = NULL;
  g_autoptr(GVirDriverDomain) tiny2 = NULL;
  g_autoptr(GAsyncQueue) events = g_async_queue_new_full (g_free);
  g_autoptr(GArray) pids_tiny = NULL;
  g_autoptr(GArray) pids_tiny2 = NULL;
  g_autoptr(GArray) left = NULL;
  Fixture f = { 0 };
  gint64 pid_tiny, pid_tiny2;

  gvir_driver_register (&gvir_qemu_driver);
  if (g_test_subprocess ())
    {
      reconnect_child (g_getenv ("GVIR_TEST_URI"));
      return;
    }
  if (qemu_test_emulator_missing ())
    return;
  root = g_dir_make_tmp ("gvir-qemu-XXXXXX", &error);
  uri = g_strdup_printf ("qemu:///embed?root=%s", root);
  g_setenv ("GVIR_TEST_URI", uri, TRUE);
  g_test_trap_subprocess (NULL, (guint64) gvir_test_wait_bound_usec (), G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  write_ghost_status (root);

  conn = gvir_driver_connection_open (uri, FALSE, collect_event, events, NULL, &error);
  g_assert_no_error (error);
  tiny = gvir_driver_connection_lookup_domain_by_uuid (conn, TINY_UUID, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tiny->state, ==, GVIR_DRIVER_STATE_RUNNING);
  g_assert_cmpint (tiny->reason, ==, GVIR_DRIVER_RUNNING_BOOTED);
  g_assert_true (tiny->persistent);
  g_assert_cmpint (tiny->id, ==, 1);
  tiny2 = gvir_driver_connection_lookup_domain_by_uuid (conn, TINY2_UUID, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tiny2->state, ==, GVIR_DRIVER_STATE_PAUSED);
  g_assert_false (tiny2->persistent);
  g_assert_cmpint (tiny2->id, ==, 2);
  g_assert_null (gvir_driver_connection_lookup_domain_by_name (conn, "ghost", NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
  g_clear_error (&error);
  ghost_path = g_build_filename (root, "run", "qemu", "ghost.status", NULL);
  g_assert_false (g_file_test (ghost_path, G_FILE_TEST_EXISTS));

  pids_tiny = qemu_test_find_children ("guest=tiny,");
  pids_tiny2 = qemu_test_find_children ("guest=tiny2,");
  g_assert_cmpuint (pids_tiny->len, ==, 1);
  g_assert_cmpuint (pids_tiny2->len, ==, 1);
  pid_tiny = g_array_index (pids_tiny, gint64, 0);
  pid_tiny2 = g_array_index (pids_tiny2, gint64, 0);
  f.events = events;

  /* Controllable, with events, through the monitor found again. */
  g_assert_true (gvir_driver_connection_suspend_domain (conn, TINY_UUID, NULL, &error));
  g_assert_no_error (error);
  expect_event (&f, "tiny 3/0");
  g_assert_true (gvir_driver_connection_resume_domain (conn, TINY2_UUID, NULL, &error));
  g_assert_no_error (error);
  expect_event (&f, "tiny2 4/0");
  /* A new domain gets an id above theirs. */
  g_assert_true (gvir_driver_connection_destroy_domain (conn, TINY_UUID, 0, NULL, &error));
  g_assert_no_error (error);
  expect_event (&f, "tiny 5/1");
  reap (pid_tiny);
  g_assert_true (gvir_driver_connection_start_domain (conn, TINY_UUID, 0, NULL, &error));
  expect_event (&f, "tiny 2/0");
  g_clear_pointer (&tiny, gvir_driver_domain_free);
  tiny = gvir_driver_connection_lookup_domain_by_uuid (conn, TINY_UUID, NULL, &error);
  g_assert_cmpint (tiny->id, ==, 3);
  g_assert_true (gvir_driver_connection_destroy_domain (conn, TINY_UUID, 0, NULL, &error));
  expect_event (&f, "tiny 5/1");

  /* kill -9 of a QEMU found again: stopped::failed, like one we started. */
  g_assert_cmpint (kill ((pid_t) pid_tiny2, SIGKILL), ==, 0);
  reap (pid_tiny2);
  expect_event (&f, "tiny2 5/5");

  g_clear_pointer (&conn, gvir_driver_connection_unref);
  left = qemu_test_find_children ("guest=");
  g_assert_cmpuint (left->len, ==, 0);
  gvir_test_remove_tree (root);
}

/* <emulator> names the binary the domain runs on. */
static void
test_emulator_from_xml (Fixture *f, gconstpointer data)
{
  g_autofree char *real = g_find_program_in_path ("qemu-system-x86_64");
  g_autofree char *bin = g_build_filename (f->root, "bin", NULL);
  g_autofree char *link = g_build_filename (bin, "qemu-system-x86_64", NULL);
  g_autofree char *xml = NULL;
  g_autofree char *cmdline_path = NULL;
  g_autofree char *cmdline = NULL;
  g_autoptr(GVirDriverDomain) dom = NULL;
  g_autoptr(GError) error = NULL;
  gint64 pid;

  if (qemu_test_emulator_missing ())
    return;
  g_assert_cmpint (g_mkdir (bin, 0700), ==, 0);
  g_assert_cmpint (symlink (real, link), ==, 0);
  xml = g_strdup_printf ("<domain type='qemu'><name>tiny</name><uuid>" TINY_UUID "</uuid>"
                         "<memory unit='MiB'>32</memory><vcpu>1</vcpu>"
                         "<os><type arch='x86_64' machine='pc'>hvm</type></os>"
                         "<devices><emulator>%s</emulator></devices></domain>", link);
  dom = gvir_driver_connection_create_domain (f->conn, xml, 0, NULL, &error);
  g_assert_no_error (error);
  expect_event (f, "tiny 2/0");
  pid = find_qemu_pid (f);
  g_assert_cmpint (pid, >, 0);
  cmdline_path = g_strdup_printf ("/proc/%" G_GINT64_FORMAT "/cmdline", pid);
  g_assert_true (g_file_get_contents (cmdline_path, &cmdline, NULL, NULL));
  g_assert_cmpstr (cmdline, ==, link);   /* argv[0], up to its NUL */
  g_assert_true (gvir_driver_connection_destroy_domain (f->conn, TINY_UUID, 0, NULL, &error));
  g_assert_no_error (error);
  expect_event (f, "tiny 5/1");
}

/* ---- starts that fail leave nothing behind ---------------------------------------- */

typedef struct
{
  const char *what;
  const char *devices;          /* inside <devices>; @ROOT@ is the root folder */
  const char *numatune;         /* a <numatune> element, or "" */
  int code;                     /* the GVIR_ERROR expected */
  const char *message_part;     /* a part of its message; @ROOT@ likewise */
} BadStart;

static const BadStart bad_starts[] = {
  { "a missing emulator", "<emulator>@ROOT@/no-such-qemu</emulator>", "",
    GVIR_ERROR_NOT_FOUND, "emulator @ROOT@/no-such-qemu cannot be used: No such file or directory" },
  { "a relative emulator path", "<emulator>bin/qemu-system-x86_64</emulator>", "",
    GVIR_ERROR_INVALID_ARGUMENT, "<emulator> 'bin/qemu-system-x86_64' is not an absolute path" },
  { "an emulator that is not QEMU", "<emulator>/bin/true</emulator>", "",
    GVIR_ERROR_FAILED, "/bin/true" },
  { "a missing disk image",
    "<disk type='file' device='disk'><driver name='qemu' type='raw'/>"
    "<source file='@ROOT@/missing.img'/><target dev='hda' bus='ide'/></disk>", "",
    GVIR_ERROR_FAILED, "Could not open '@ROOT@/missing.img': No such file or directory" },
  { "a host NUMA node that does not exist", "",
    "<numatune><memory mode='strict' nodeset='63'/></numatune>",
    GVIR_ERROR_NUMA_UNAVAILABLE, "63" },
};

/* @text with every @ROOT@ replaced by @root. */
static char *
with_root (const char *text,
           const char *root)
{
  g_auto(GStrv) parts = g_strsplit (text, "@ROOT@", -1);

  return g_strjoinv (root, parts);
}

static char *
bad_start_xml (const BadStart *bad,
               const char     *root)
{
  g_autofree char *devices = with_root (bad->devices, root);

  return g_strdup_printf ("<domain type='qemu'><name>tiny</name><uuid>" TINY_UUID "</uuid>"
                          "<memory unit='MiB'>32</memory><vcpu>1</vcpu>"
                          "<os><type arch='x86_64' machine='pc'>hvm</type></os>%s"
                          "<devices>%s</devices></domain>", bad->numatune, devices);
}

/* No QEMU, no status file, no id; the domain shut off. */
static void
assert_nothing_runs (Fixture *f)
{
  g_autoptr(GVirQemuPaths) paths = gvir_qemu_paths_new_embed (f->root, NULL);
  g_autofree char *status = gvir_qemu_paths_status_file (paths, "tiny");
  g_autoptr(GArray) left = qemu_test_find_children ("guest=");

  g_assert_cmpuint (left->len, ==, 0);
  g_assert_false (g_file_test (status, G_FILE_TEST_EXISTS));
}

static void
assert_start_error (const BadStart *bad,
                    const char     *root,
                    const GError   *error)
{
  g_autofree char *part = with_root (bad->message_part, root);

  if (error == NULL || error->domain != GVIR_ERROR || error->code != bad->code ||
      strstr (error->message, part) == NULL)
    g_error ("start with %s: expected error %d with '%s', got %d: %s", bad->what, bad->code, part,
             error != NULL ? error->code : -1, error != NULL ? error->message : "success");
  g_test_message ("error: %s", error->message);
}

static void
test_failed_start_leaves_nothing (Fixture *f, gconstpointer data)
{
  guint i;

  if (qemu_test_emulator_missing ())
    return;
  for (i = 0; i < G_N_ELEMENTS (bad_starts); i++)
    {
      const BadStart *bad = &bad_starts[i];
      g_autofree char *xml = bad_start_xml (bad, f->root);
      g_autoptr(GVirQemuPaths) paths = gvir_qemu_paths_new_embed (f->root, NULL);
      g_autofree char *config = gvir_qemu_paths_config_file (paths, "tiny");
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autoptr(GVirDriverDomain) dom = NULL;
      g_autoptr(GVirDriverDomain) created = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("start with %s", bad->what);
      /* A persistent domain: the start fails, the definition is intact. */
      dom = gvir_driver_connection_define_domain (f->conn, xml, 0, NULL, &error);
      g_assert_no_error (error);
      expect_event (f, "tiny 0/0");
      g_assert_true (g_file_get_contents (config, &before, NULL, NULL));
      g_assert_false (gvir_driver_connection_start_domain (f->conn, TINY_UUID, 0, NULL, &error));
      assert_start_error (bad, f->root, error);
      g_clear_error (&error);
      assert_nothing_runs (f);
      assert_state (f, GVIR_DRIVER_STATE_SHUTOFF, GVIR_DRIVER_SHUTOFF_UNKNOWN);
      g_assert_true (g_file_get_contents (config, &after, NULL, NULL));
      g_assert_cmpstr (after, ==, before);
      g_assert_true (gvir_driver_connection_undefine_domain (f->conn, TINY_UUID, 0, NULL, &error));
      g_assert_no_error (error);
      expect_event (f, "tiny 1/0");

      /* A transient domain: the failed create leaves no domain at all. */
      created = gvir_driver_connection_create_domain (f->conn, xml, 0, NULL, &error);
      g_assert_null (created);
      assert_start_error (bad, f->root, error);
      g_clear_error (&error);
      assert_nothing_runs (f);
      g_assert_null (gvir_driver_connection_lookup_domain_by_uuid (f->conn, TINY_UUID, NULL,
                                                                   &error));
      g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
      g_assert_false (g_file_test (config, G_FILE_TEST_EXISTS));
    }
  /* No event but the define/undefine pairs above. */
  g_assert_null (g_async_queue_try_pop (f->events));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  qemu_test_kill_children_on_abort ();
  /* QEMUs whose starter exited (the reconnect case) become our children. */
  prctl (PR_SET_CHILD_SUBREAPER, 1);

  g_test_add ("/qemu/driver/lifecycle", Fixture, NULL, fixture_setup, test_lifecycle,
              fixture_teardown);
  g_test_add ("/qemu/driver/killed", Fixture, NULL, fixture_setup, test_killed, fixture_teardown);
  g_test_add ("/qemu/driver/start-paused-and-errors", Fixture, NULL, fixture_setup,
              test_start_paused_and_errors, fixture_teardown);
  g_test_add ("/qemu/driver/persistence", Fixture, NULL, fixture_setup, test_persistence_and_lock,
              fixture_teardown);
  g_test_add ("/qemu/driver/autostart", Fixture, NULL, fixture_setup, test_autostart,
              fixture_teardown);
  g_test_add ("/qemu/driver/autostart-at-load", Fixture, NULL, fixture_setup,
              test_autostart_at_load, fixture_teardown);
  g_test_add ("/qemu/driver/emulator-from-xml", Fixture, NULL, fixture_setup,
              test_emulator_from_xml, fixture_teardown);
  g_test_add ("/qemu/driver/failed-start-leaves-nothing", Fixture, NULL, fixture_setup,
              test_failed_start_leaves_nothing, fixture_teardown);
  g_test_add_func ("/qemu/driver/other-process-refused", test_other_process_refused);
  g_test_add_func ("/qemu/driver/reconnect", test_reconnect);
  return g_test_run ();
}
