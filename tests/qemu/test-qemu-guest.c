/*
 * test-qemu-guest.c: guest-initiated events with real QEMU and the
 *   boot-sector guests of tests/qemu/guests (power-off, reset, panic,
 *   suspend when the ACPI power button is pressed)
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Each case starts the domain paused, connects to its serial console (a
 * UNIX socket), then lets it run: the guest writes 'B' at boot, 'W' when
 * it waits for the power button and 'A' when the button came, so a case
 * knows when the guest is ready and when a reset brought it back. Events
 * are compared as "name event/detail", states with their reasons.
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "libvirt-gobject-error.h"
#include "drivers/gvir-driver-private.h"
#include "drivers/qemu/gvir-qemu-driver-private.h"
#include "drivers/qemu/gvir-qemu-process-private.h"
#include "../common/gvir-test-files.h"
#include "../common/gvir-test-wait.h"
#include "qemu-test-children.h"

#define GUEST_UUID "5d1c3a0e-8f0b-4d7e-9d6a-2b9e1f0c4a11"

typedef struct
{
  char *root;
  char *uri;
  GVirDriverConnection *conn;
  GAsyncQueue *events;      /* "name event/detail" strings */
  int console;              /* the guest's serial port, or -1 */
  GString *output;          /* what the console said, not yet matched */
} Fixture;

typedef struct
{
  const char *image;        /* guest-<image>.img */
  const char *on_poweroff;
  const char *on_reboot;
  const char *on_crash;
} GuestSpec;

/* ---- processes -------------------------------------------------------------------- */

static gint64
find_guest_pid (void)
{
  g_autoptr(GArray) pids = qemu_test_find_children ("guest=guest,");

  g_assert_cmpuint (pids->len, <=, 1);
  return pids->len == 1 ? g_array_index (pids, gint64, 0) : 0;
}

static gboolean
guest_gone (gpointer data)
{
  return find_guest_pid () == 0;
}

/* ---- fixture ------------------------------------------------------------------------ */

static void
collect_event (const GVirDriverEvent *event,
               gpointer               data)
{
  if (event->kind == GVIR_DRIVER_EVENT_DOMAIN_LIFECYCLE)
    g_async_queue_push (data, g_strdup_printf ("%s %d/%d", event->domain->name, event->event,
                                               event->detail));
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  gvir_driver_register (&gvir_qemu_driver);
  f->root = g_dir_make_tmp ("gvir-qguest-XXXXXX", &error);
  g_assert_no_error (error);
  f->uri = g_strdup_printf ("qemu:///embed?root=%s", f->root);
  f->events = g_async_queue_new_full (g_free);
  f->console = -1;
  f->output = g_string_new (NULL);
  f->conn = gvir_driver_connection_open (f->uri, FALSE, collect_event, f->events, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_autoptr(GArray) left = NULL;

  if (f->console >= 0)
    close (f->console);
  g_clear_pointer (&f->conn, gvir_driver_connection_unref);
  left = qemu_test_find_children ("guest=");
  g_assert_cmpuint (left->len, ==, 0);
  gvir_test_remove_tree (f->root);
  g_async_queue_unref (f->events);
  g_string_free (f->output, TRUE);
  g_free (f->uri);
  g_free (f->root);
}

/* Whether this case can run: QEMU and the guest images are there
 * (a missing one fails instead under GVIR_TESTS_REQUIRE_ALL). */
static gboolean
guest_missing (void)
{
  g_autofree char *qemu = g_find_program_in_path ("qemu-system-x86_64");
  const char *why = NULL;

  if (qemu == NULL)
    why = "qemu-system-x86_64 is not installed";
  else if (g_getenv ("GVIR_TEST_GUEST_DIR") == NULL)
    why = "the test guests were not built (binutils' as and ld are missing)";
  if (why == NULL)
    return FALSE;
  if (g_getenv ("GVIR_TESTS_REQUIRE_ALL") != NULL)
    g_error ("%s and GVIR_TESTS_REQUIRE_ALL is set", why);
  g_test_skip (why);
  return TRUE;
}

/* ---- the domain and its console -------------------------------------------------- */

/* The guest's own copy of its image (QEMU locks the disk it writes). */
static char *
copy_image (Fixture *f, const char *image)
{
  g_autofree char *name = g_strdup_printf ("guest-%s.img", image);
  g_autofree char *from = g_build_filename (g_getenv ("GVIR_TEST_GUEST_DIR"), name, NULL);
  char *to = g_build_filename (f->root, name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (from, &contents, &len, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (to, contents, (gssize) len, &error));
  g_assert_no_error (error);
  return to;
}

static char *
console_path (Fixture *f)
{
  return g_build_filename (f->root, "console.sock", NULL);
}

static char *
guest_xml (Fixture *f, const GuestSpec *spec)
{
  g_autofree char *image = copy_image (f, spec->image);
  g_autofree char *console = console_path (f);

  return g_strdup_printf (
    "<domain type='qemu'>\n"
    "  <name>guest</name>\n"
    "  <uuid>" GUEST_UUID "</uuid>\n"
    "  <memory unit='MiB'>32</memory>\n"
    "  <vcpu>1</vcpu>\n"
    "  <os><type arch='x86_64' machine='pc'>hvm</type></os>\n"
    "  <features><acpi/></features>\n"
    "  <on_poweroff>%s</on_poweroff>\n"
    "  <on_reboot>%s</on_reboot>\n"
    "  <on_crash>%s</on_crash>\n"
    "  <devices>\n"
    "    <disk type='file' device='disk'>\n"
    "      <driver name='qemu' type='raw'/>\n"
    "      <source file='%s'/>\n"
    "      <target dev='hda' bus='ide'/>\n"
    "    </disk>\n"
    "    <serial type='unix'><source mode='bind' path='%s'/><target port='0'/></serial>\n"
    "    <panic model='isa'/>\n"
    "  </devices>\n"
    "</domain>\n",
    spec->on_poweroff, spec->on_reboot, spec->on_crash, image, console);
}

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

/* Nothing was reported beyond what the case already took. */
static void
expect_no_event (Fixture *f)
{
  g_autofree char *ev = g_async_queue_try_pop (f->events);

  g_assert_cmpstr (ev, ==, NULL);
}

static void
assert_state (Fixture *f, int state, int reason)
{
  g_autoptr(GError) error = NULL;
  int got_state = -1, got_reason = -1;

  g_assert_true (gvir_driver_connection_get_domain_state (f->conn, GUEST_UUID, &got_state,
                                                          &got_reason, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (got_state, ==, state);
  g_assert_cmpint (got_reason, ==, reason);
}

/* Reads the console until it has said @text (each read bounded). */
static void
expect_console (Fixture *f, const char *text)
{
  gint64 deadline = gvir_test_wait_deadline ();
  const char *found;

  while ((found = strstr (f->output->str, text)) == NULL)
    {
      char buf[64];
      ssize_t n = read (f->console, buf, sizeof buf);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0 || g_get_monotonic_time () > deadline)
        {
          g_autofree char *what = g_strdup_printf ("console output '%s' (got '%s')", text,
                                                   f->output->str);

          gvir_test_wait_timed_out (what);
        }
      g_string_append_len (f->output, buf, n);
    }
  g_string_erase (f->output, 0, (found - f->output->str) + (gssize) strlen (text));
}

static void
connect_console (Fixture *f)
{
  g_autofree char *path = console_path (f);
  struct sockaddr_un addr = { .sun_family = AF_UNIX };

  g_assert_cmpuint (strlen (path), <, sizeof addr.sun_path);
  strcpy (addr.sun_path, path);
  f->console = socket (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  g_assert_cmpint (f->console, >=, 0);
  gvir_test_socket_set_timeouts (f->console);
  g_assert_cmpint (connect (f->console, (struct sockaddr *) &addr, sizeof addr), ==, 0);
}

/* Defines and runs the guest until it waits for the power button; its
 * events so far are taken. Returns QEMU's pid. */
static gint64
run_guest (Fixture *f, const GuestSpec *spec)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDriverDomain) dom = NULL;
  g_autofree char *xml = guest_xml (f, spec);
  gint64 pid;

  dom = gvir_driver_connection_define_domain (f->conn, xml, 0, NULL, &error);
  g_assert_no_error (error);
  expect_event (f, "guest 0/0");
  g_assert_true (gvir_driver_connection_start_domain (f->conn, GUEST_UUID, GVIR_DRIVER_START_PAUSED,
                                                      NULL, &error));
  g_assert_no_error (error);
  expect_event (f, "guest 2/0");
  expect_event (f, "guest 3/0");
  connect_console (f);
  g_assert_true (gvir_driver_connection_resume_domain (f->conn, GUEST_UUID, NULL, &error));
  g_assert_no_error (error);
  expect_event (f, "guest 4/0");
  expect_console (f, "BW");
  pid = find_guest_pid ();
  g_assert_cmpint (pid, >, 0);
  return pid;
}

static void
press_power_button (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gvir_driver_connection_shutdown_domain (f->conn, GUEST_UUID, 0, NULL, &error));
  g_assert_no_error (error);
}

static void
destroy_guest (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gvir_driver_connection_destroy_domain (f->conn, GUEST_UUID, 0, NULL, &error));
  g_assert_no_error (error);
  expect_event (f, "guest 5/1");
  assert_state (f, GVIR_DRIVER_STATE_SHUTOFF, GVIR_DRIVER_SHUTOFF_DESTROYED);
}

/* The guest's QEMU ended by itself (the driver's SIGTERM), within the bound. */
static void
expect_guest_gone (void)
{
  gvir_test_spin_until (NULL, guest_gone, NULL, "the guest's QEMU to exit");
}

/* After a guest-side power-off or reset that the domain's <on_*> turned
 * into a reset: the guest boots again ("ABW" on its console) in the same
 * QEMU (@pid), running for @reason, with no event; then it is destroyed. */
static void
expect_restarted_in_place (Fixture *f, gint64 pid, int reason)
{
  expect_console (f, "ABW");
  assert_state (f, GVIR_DRIVER_STATE_RUNNING, reason);
  g_assert_cmpint (find_guest_pid (), ==, pid);
  expect_no_event (f);
  destroy_guest (f);
}

/* After a guest power-off the domain ends: shutdown::guest, then
 * stopped::shutdown, shut off (shutdown), and its QEMU exits. */
static void
expect_shut_down (Fixture *f)
{
  expect_event (f, "guest 6/1");
  expect_event (f, "guest 5/0");
  assert_state (f, GVIR_DRIVER_STATE_SHUTOFF, GVIR_DRIVER_SHUTOFF_SHUTDOWN);
  expect_guest_gone ();
}

/* After a guest-side event that <on_*>preserve</on_*> answers: QEMU is
 * kept (@pid) and nothing else happens. Showing that nothing happens takes
 * a window: a QEMU ended by mistake is reaped, with its stopped event, well
 * within it. */
static void
expect_qemu_kept (Fixture *f, gint64 pid)
{
  g_autofree char *ev = g_async_queue_timeout_pop (f->events, 2 * G_USEC_PER_SEC);

  g_assert_cmpstr (ev, ==, NULL);
  g_assert_cmpint (find_guest_pid (), ==, pid);
}

/* ---- cases ---------------------------------------------------------------------------- */

/* ACPI power-off: shutdown::guest, then stopped::shutdown, shut off (shutdown). */
static void
test_poweroff (Fixture *f, gconstpointer data)
{
  static const GuestSpec spec = { "poweroff", "destroy", "restart", "destroy" };

  if (guest_missing ())
    return;
  run_guest (f, &spec);
  press_power_button (f);
  expect_console (f, "A");
  expect_shut_down (f);
  expect_no_event (f);
}

/* <on_poweroff>restart: the power-off resets the guest, same QEMU, no event. */
static void
test_poweroff_restart (Fixture *f, gconstpointer data)
{
  static const GuestSpec spec = { "poweroff", "restart", "restart", "destroy" };
  gint64 pid;

  if (guest_missing ())
    return;
  pid = run_guest (f, &spec);
  press_power_button (f);
  expect_restarted_in_place (f, pid, GVIR_DRIVER_RUNNING_UNPAUSED);
}

/* <on_poweroff>preserve: shut down, QEMU kept until destroyed. */
static void
test_poweroff_preserve (Fixture *f, gconstpointer data)
{
  static const GuestSpec spec = { "poweroff", "preserve", "restart", "destroy" };
  gint64 pid;

  if (guest_missing ())
    return;
  pid = run_guest (f, &spec);
  press_power_button (f);
  expect_event (f, "guest 6/1");
  assert_state (f, GVIR_DRIVER_STATE_SHUTDOWN, GVIR_DRIVER_SHUTDOWN_UNKNOWN);
  expect_qemu_kept (f, pid);
  assert_state (f, GVIR_DRIVER_STATE_SHUTDOWN, GVIR_DRIVER_SHUTDOWN_UNKNOWN);
  destroy_guest (f);
}

/* Reboot: the guest powers off, is reset and boots again in the same
 * QEMU; the domain never stops running and no lifecycle event comes (the
 * driver layer has no reboot event). Then a shutdown powers it off. */
static void
test_reboot (Fixture *f, gconstpointer data)
{
  static const GuestSpec spec = { "poweroff", "destroy", "restart", "destroy" };
  g_autoptr(GError) error = NULL;
  gint64 pid;

  if (guest_missing ())
    return;
  pid = run_guest (f, &spec);
  g_assert_true (gvir_driver_connection_reboot_domain (f->conn, GUEST_UUID, 0, NULL, &error));
  g_assert_no_error (error);
  expect_console (f, "ABW");
  assert_state (f, GVIR_DRIVER_STATE_RUNNING, GVIR_DRIVER_RUNNING_UNPAUSED);
  g_assert_cmpint (find_guest_pid (), ==, pid);
  expect_no_event (f);

  press_power_button (f);
  expect_shut_down (f);
}

/* A guest that ignores ACPI (no OS at all): reboot succeeds, nothing
 * happens; bad flags are refused. */
static void
test_reboot_ignored (Fixture *f, gconstpointer data)
{
  static const char *xml =
    "<domain type='qemu'><name>guest</name><uuid>" GUEST_UUID "</uuid>"
    "<memory unit='MiB'>32</memory><vcpu>1</vcpu>"
    "<os><type arch='x86_64' machine='pc'>hvm</type></os></domain>";
  g_autoptr(GVirDriverDomain) dom = NULL;
  g_autoptr(GError) error = NULL;

  if (guest_missing ())
    return;
  dom = gvir_driver_connection_create_domain (f->conn, xml, 0, NULL, &error);
  g_assert_no_error (error);
  expect_event (f, "guest 2/0");
  g_assert_true (gvir_driver_connection_reboot_domain (f->conn, GUEST_UUID, 0, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (gvir_driver_connection_reboot_domain (f->conn, GUEST_UUID, 1 << 4, NULL,
                                                        &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED);
  g_assert_cmpstr (error->message, ==, "the QEMU driver reboots through ACPI only (flags 0x10)");
  g_clear_error (&error);
  assert_state (f, GVIR_DRIVER_STATE_RUNNING, GVIR_DRIVER_RUNNING_BOOTED);
  expect_no_event (f);
  g_assert_true (gvir_driver_connection_destroy_domain (f->conn, GUEST_UUID, 0, NULL,
                                                        &error));
  g_assert_no_error (error);
  expect_event (f, "guest 5/1");
  expect_no_event (f);
}

/* A guest reset with <on_reboot>restart: it boots again, no event. */
static void
test_reset_restart (Fixture *f, gconstpointer data)
{
  static const GuestSpec spec = { "reset", "destroy", "restart", "destroy" };
  gint64 pid;

  if (guest_missing ())
    return;
  pid = run_guest (f, &spec);
  press_power_button (f);
  expect_restarted_in_place (f, pid, GVIR_DRIVER_RUNNING_UNPAUSED);
}

/* A guest reset with <on_reboot>destroy: QEMU reports a guest shutdown
 * and the domain ends, shut off (shutdown). */
static void
test_reset_destroy (Fixture *f, gconstpointer data)
{
  static const GuestSpec spec = { "reset", "destroy", "destroy", "destroy" };

  if (guest_missing ())
    return;
  run_guest (f, &spec);
  press_power_button (f);
  expect_shut_down (f);
  expect_no_event (f);
}

/* pvpanic with <on_crash>destroy: crashed::panicked, then stopped::crashed,
 * shut off (crashed). */
static void
test_panic_destroy (Fixture *f, gconstpointer data)
{
  static const GuestSpec spec = { "panic", "destroy", "restart", "destroy" };

  if (guest_missing ())
    return;
  run_guest (f, &spec);
  press_power_button (f);
  expect_event (f, "guest 8/0");
  expect_event (f, "guest 5/2");
  assert_state (f, GVIR_DRIVER_STATE_SHUTOFF, GVIR_DRIVER_SHUTOFF_CRASHED);
  expect_guest_gone ();
  expect_no_event (f);
}

/* pvpanic with <on_crash>preserve: crashed (panicked), QEMU kept. */
static void
test_panic_preserve (Fixture *f, gconstpointer data)
{
  static const GuestSpec spec = { "panic", "destroy", "restart", "preserve" };
  gint64 pid;

  if (guest_missing ())
    return;
  pid = run_guest (f, &spec);
  press_power_button (f);
  expect_event (f, "guest 8/0");
  assert_state (f, GVIR_DRIVER_STATE_CRASHED, GVIR_DRIVER_CRASHED_PANICKED);
  expect_qemu_kept (f, pid);
  assert_state (f, GVIR_DRIVER_STATE_CRASHED, GVIR_DRIVER_CRASHED_PANICKED);
  destroy_guest (f);
}

/* pvpanic with <on_crash>restart: crashed::panicked, then the reset guest
 * runs again (running (crashed), resumed::unpaused) in the same QEMU. */
static void
test_panic_restart (Fixture *f, gconstpointer data)
{
  static const GuestSpec spec = { "panic", "destroy", "restart", "restart" };
  gint64 pid;

  if (guest_missing ())
    return;
  pid = run_guest (f, &spec);
  press_power_button (f);
  expect_event (f, "guest 8/0");
  expect_event (f, "guest 4/0");
  expect_restarted_in_place (f, pid, GVIR_DRIVER_RUNNING_CRASHED);
}

/* ACPI S3 from the guest: pmsuspended::memory, state pmsuspended. */
static void
test_suspend (Fixture *f, gconstpointer data)
{
  static const GuestSpec spec = { "suspend", "destroy", "restart", "destroy" };

  if (guest_missing ())
    return;
  run_guest (f, &spec);
  press_power_button (f);
  expect_event (f, "guest 7/0");
  assert_state (f, GVIR_DRIVER_STATE_PMSUSPENDED, 0);
  expect_no_event (f);
  destroy_guest (f);
}

int
main (int argc, char **argv)
{
  static const struct { const char *path; void (*func) (Fixture *, gconstpointer); } cases[] = {
    { "/qemu/guest/poweroff", test_poweroff },
    { "/qemu/guest/poweroff-restart", test_poweroff_restart },
    { "/qemu/guest/poweroff-preserve", test_poweroff_preserve },
    { "/qemu/guest/reboot", test_reboot },
    { "/qemu/guest/reboot-ignored", test_reboot_ignored },
    { "/qemu/guest/reset-restart", test_reset_restart },
    { "/qemu/guest/reset-destroy", test_reset_destroy },
    { "/qemu/guest/panic-destroy", test_panic_destroy },
    { "/qemu/guest/panic-preserve", test_panic_preserve },
    { "/qemu/guest/panic-restart", test_panic_restart },
    { "/qemu/guest/suspend", test_suspend },
  };

  g_test_init (&argc, &argv, NULL);
  /* A failed assertion aborts; a timed-out wait (g_error) traps. */
  qemu_test_kill_children_on_abort ();
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    g_test_add (cases[i].path, Fixture, NULL, fixture_setup, cases[i].func, fixture_teardown);
  return g_test_run ();
}
