/*
 * test-remote-fake.c: the remote driver against a scripted libvirtd peer
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * The peer (fake-libvirtd.c) runs in a thread of this program and answers
 * from its own table, so every value the driver reports can be told apart
 * from what the peer would answer to a query: the state a lifecycle event
 * leaves a domain in must come from the event itself. Every lifecycle
 * event and detail libvirt defines goes through the driver layer and
 * through GVirConnection/GVirDomain; the name sent in CONNECT_OPEN, every
 * mapped error number and the calls the driver makes are checked on the
 * wire.
 */
#include "config.h"

#include <string.h>

#include <libvirt-gobject/libvirt-gobject.h>

#include "fake-libvirtd.h"
#include "gvir-test-wait.h"
#include "libvirt-error-numbers.h"
#include "libvirt-gobject/drivers/remote/gvir-remote-driver-private.h"
#include "libvirt-gobject/rpc/gvir-rpc-remote-private.h"

#define DOM_NAME "fake-vm"
#define DOM_UUID "4dea22b3-1d52-d8f3-2516-782e98ab3fa0"
#define OTHER_NAME "other-vm"
#define OTHER_UUID "4dea22b3-1d52-d8f3-2516-782e98ab3fa1"
#define BAD_NAME_UUID "4dea22b3-1d52-d8f3-2516-782e98ab3fa2"
/* What the peer answers to GET_STATE: no event maps to it. */
#define PEER_STATE GVIR_DRIVER_STATE_BLOCKED
#define PEER_REASON 77

/* ---- recording driver events ------------------------------------------------ */

typedef struct
{
  GVirDriverEventKind kind;
  int event;
  int detail;
  char *name;
  char *uuid;
  int id;
  gboolean persistent;
  int state;
  int reason;
  int close_reason;
} SeenEvent;

static void
seen_event_free (SeenEvent *ev)
{
  g_free (ev->name);
  g_free (ev->uuid);
  g_free (ev);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SeenEvent, seen_event_free)

static void
record_event (const GVirDriverEvent *event,
              gpointer               data)
{
  SeenEvent *ev = g_new0 (SeenEvent, 1);

  ev->kind = event->kind;
  ev->event = event->event;
  ev->detail = event->detail;
  ev->close_reason = event->close_reason;
  if (event->domain != NULL)
    {
      ev->name = g_strdup (event->domain->name);
      ev->uuid = g_strdup (event->domain->uuid);
      ev->id = event->domain->id;
      ev->persistent = event->domain->persistent;
      ev->state = event->domain->state;
      ev->reason = event->domain->reason;
    }
  g_async_queue_push (data, ev);
}

static SeenEvent *
pop_event (GAsyncQueue *queue,
           const char  *what)
{
  SeenEvent *ev = g_async_queue_timeout_pop (queue, gvir_test_wait_bound_usec ());

  if (ev == NULL)
    gvir_test_wait_timed_out (what);
  return ev;
}

typedef struct
{
  FakeLibvirtd *fake;
  GAsyncQueue *events;
  GVirDriverConnection *conn;
} Fixture;

static GVirDriverConnection *
open_driver (Fixture    *f,
             const char *uri)
{
  g_autoptr(GError) error = NULL;
  GVirDriverConnection *conn = gvir_driver_connection_open (uri, FALSE, record_event, f->events,
                                                            NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (conn);
  g_assert_cmpstr (gvir_driver_connection_get_driver_name (conn), ==, "remote");
  return conn;
}

static void
setup_peer (Fixture       *f,
            gconstpointer  data)
{
  f->fake = fake_libvirtd_new ();
  f->events = g_async_queue_new_full ((GDestroyNotify) seen_event_free);
  fake_libvirtd_add_domain (f->fake, DOM_NAME, DOM_UUID, 5, TRUE, PEER_STATE, PEER_REASON);
  fake_libvirtd_add_domain (f->fake, OTHER_NAME, OTHER_UUID, -1, TRUE, GVIR_DRIVER_STATE_SHUTOFF,
                            GVIR_DRIVER_SHUTOFF_SHUTDOWN);
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autofree char *uri = NULL;

  setup_peer (f, data);
  uri = fake_libvirtd_get_uri (f->fake);
  f->conn = open_driver (f, uri);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  if (f->conn != NULL)
    {
      gvir_driver_connection_close (f->conn);
      gvir_driver_connection_unref (f->conn);
    }
  fake_libvirtd_free (f->fake);
  g_async_queue_unref (f->events);
}

/* ---- the lifecycle table --------------------------------------------------------- */

/* libvirt's numbers, written out (libvirt-domain.h): events DEFINED 0,
 * UNDEFINED 1, STARTED 2, SUSPENDED 3, RESUMED 4, STOPPED 5, SHUTDOWN 6,
 * PMSUSPENDED 7, CRASHED 8; states RUNNING 1, PAUSED 3, SHUTDOWN 4,
 * SHUTOFF 5, CRASHED 6, PMSUSPENDED 7. */
typedef struct
{
  const char *what;
  int event;
  int detail;
  int id;               /* the id the event carries */
  int state;            /* the state the driver reports afterwards */
  int reason;
  const char *signal;   /* GVirDomain signal and detail, NULL for none */
} LifecycleCase;

static const LifecycleCase lifecycle_cases[] = {
  { "defined/added", 0, 0, -1, 5, 0, NULL },
  { "defined/updated", 0, 1, -1, 5, 0, "updated" },
  { "defined/renamed", 0, 2, -1, 5, 0, NULL },
  { "defined/from-snapshot", 0, 3, 5, 1, 0, NULL },
  { "started/booted", 2, 0, 5, 1, 1, "started::booted" },
  { "started/migrated", 2, 1, 5, 1, 2, "started::migrated" },
  { "started/restored", 2, 2, 5, 1, 3, "started::restored" },
  { "started/from-snapshot", 2, 3, 5, 1, 4, "started::from-snapshot" },
  { "started/wakeup", 2, 4, 5, 1, 8, "started::wakeup" },
  { "suspended/paused", 3, 0, 5, 3, 1, "suspended::paused" },
  { "suspended/migrated", 3, 1, 5, 3, 2, "suspended::migrated" },
  { "suspended/ioerror", 3, 2, 5, 3, 5, "suspended::ioerror" },
  { "suspended/watchdog", 3, 3, 5, 3, 6, "suspended::watchdog" },
  { "suspended/restored", 3, 4, 5, 3, 0, "suspended::restored" },
  { "suspended/from-snapshot", 3, 5, 5, 3, 7, "suspended::from-snapshot" },
  { "suspended/api-error", 3, 6, 5, 3, 0, "suspended" },
  { "suspended/postcopy", 3, 7, 5, 3, 12, "suspended" },
  { "suspended/postcopy-failed", 3, 8, 5, 3, 13, "suspended" },
  { "resumed/unpaused", 4, 0, 5, 1, 5, "resumed::unpaused" },
  { "resumed/migrated", 4, 1, 5, 1, 2, "resumed::migrated" },
  { "resumed/from-snapshot", 4, 2, 5, 1, 4, "resumed::from-snapshot" },
  { "resumed/postcopy", 4, 3, 5, 1, 10, "resumed" },
  { "resumed/postcopy-failed", 4, 4, 5, 1, 11, "resumed" },
  { "stopped/shutdown", 5, 0, -1, 5, 1, "stopped::shutdown" },
  { "stopped/destroyed", 5, 1, -1, 5, 2, "stopped::destroyed" },
  { "stopped/crashed", 5, 2, -1, 5, 3, "stopped::crashed" },
  { "stopped/migrated", 5, 3, -1, 5, 4, "stopped::migrated" },
  { "stopped/saved", 5, 4, -1, 5, 5, "stopped::saved" },
  { "stopped/failed", 5, 5, -1, 5, 6, "stopped::failed" },
  { "stopped/from-snapshot", 5, 6, -1, 5, 7, "stopped::from-snapshot" },
  { "stopped/unknown-detail", 5, 99, -1, 5, 0, "stopped" },
  { "shutdown/finished", 6, 0, 5, 4, 1, NULL },
  { "shutdown/guest", 6, 1, 5, 4, 1, NULL },
  { "shutdown/host", 6, 2, 5, 4, 1, NULL },
  { "pmsuspended/memory", 7, 0, 5, 7, 0, "pmsuspended::memory" },
  { "pmsuspended/disk", 7, 1, 5, 7, 0, "pmsuspended::disk" },
  { "crashed/panicked", 8, 0, 5, 6, 1, NULL },
  { "crashed/crashloaded", 8, 1, 5, 1, 9, NULL },
  /* An event kind newer than us: the state follows from the id. */
  { "unknown-event", 42, 0, 5, 1, 0, NULL },
  /* Undefined last: the domain is not persistent any more. */
  { "undefined/removed", 1, 0, -1, 5, 0, NULL },
  { "undefined/renamed", 1, 1, 5, 1, 0, NULL },
};

static void
check_lifecycle_event (const LifecycleCase *c,
                       const SeenEvent     *ev)
{
  g_test_message ("%s: event %d/%d state %d reason %d", c->what, ev->event, ev->detail,
                  ev->state, ev->reason);
  g_assert_cmpint (ev->kind, ==, GVIR_DRIVER_EVENT_DOMAIN_LIFECYCLE);
  g_assert_cmpint (ev->event, ==, c->event);
  g_assert_cmpint (ev->detail, ==, c->detail);
  g_assert_cmpstr (ev->name, ==, DOM_NAME);
  g_assert_cmpstr (ev->uuid, ==, DOM_UUID);
  g_assert_cmpint (ev->id, ==, c->id);
  /* Asked from the peer, except for a domain that is gone. */
  g_assert_cmpint (ev->persistent, ==, c->event != GVIR_DRIVER_EVENT_UNDEFINED);
  g_assert_cmpint (ev->state, ==, c->state);
  g_assert_cmpint (ev->reason, ==, c->reason);
}

/* A sentinel that follows each event: everything before it arrived. */
static void
push_sentinel (FakeLibvirtd *fake)
{
  fake_libvirtd_push_lifecycle (fake, OTHER_NAME, OTHER_UUID, -1, GVIR_DRIVER_EVENT_DEFINED,
                                GVIR_DRIVER_DEFINED_UPDATED);
}

static void
pop_sentinel (GAsyncQueue *queue,
              const char  *after)
{
  g_autofree char *what = g_strdup_printf ("the sentinel event after %s", after);
  g_autoptr(SeenEvent) ev = pop_event (queue, what);

  /* Not a second copy of the event before it. */
  g_assert_cmpstr (ev->name, ==, OTHER_NAME);
  g_assert_cmpint (ev->event, ==, GVIR_DRIVER_EVENT_DEFINED);
}

/* Each event arrives exactly once, in order, with the state and reason it
 * implies, never the state the peer would answer to a query. */
static void
test_lifecycle_driver (Fixture       *f,
                       gconstpointer  data)
{
  guint i;

  for (i = 0; i < G_N_ELEMENTS (lifecycle_cases); i++)
    {
      const LifecycleCase *c = &lifecycle_cases[i];
      g_autoptr(SeenEvent) ev = NULL;

      fake_libvirtd_push_lifecycle (f->fake, DOM_NAME, DOM_UUID, c->id, c->event, c->detail);
      push_sentinel (f->fake);
      ev = pop_event (f->events, c->what);
      check_lifecycle_event (c, ev);
      pop_sentinel (f->events, c->what);
    }
  /* The driver registered callback-style, as libvirt's client does. */
  g_assert_cmpuint (fake_libvirtd_count_calls (f->fake, 316), ==, 1);
  g_assert_cmpuint (fake_libvirtd_count_calls (f->fake, 105), ==, 0);
}

/* A server without callback events: legacy registration (105) and
 * events (107) give the same results. */
static void
test_lifecycle_legacy (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *uri = NULL;
  guint i;

  setup_peer (f, data);
  fake_libvirtd_set_feature (f->fake, 14, FALSE);
  uri = fake_libvirtd_get_uri (f->fake);
  f->conn = open_driver (f, uri);
  g_assert_cmpuint (fake_libvirtd_count_calls (f->fake, 105), ==, 1);
  g_assert_cmpuint (fake_libvirtd_count_calls (f->fake, 316), ==, 0);

  for (i = 0; i < G_N_ELEMENTS (lifecycle_cases); i++)
    {
      const LifecycleCase *c = &lifecycle_cases[i];
      g_autoptr(SeenEvent) ev = NULL;

      fake_libvirtd_push_lifecycle (f->fake, DOM_NAME, DOM_UUID, c->id, c->event, c->detail);
      ev = pop_event (f->events, c->what);
      check_lifecycle_event (c, ev);
    }

  /* Closing deregisters the legacy way. */
  gvir_driver_connection_close (f->conn);
  g_clear_pointer (&f->conn, gvir_driver_connection_unref);
  g_assert_cmpuint (fake_libvirtd_count_calls (f->fake, 106), ==, 1);
}

/* Events for another registration's callbackID are not ours. */
static void
test_lifecycle_other_callback (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(SeenEvent) ev = NULL;

  fake_libvirtd_push_lifecycle_with_id (f->fake, 99, DOM_NAME, DOM_UUID, -1, 5, 1);
  push_sentinel (f->fake);
  pop_sentinel (f->events, "an event for callbackID 99");

  fake_libvirtd_push_lifecycle (f->fake, DOM_NAME, DOM_UUID, -1, 5, 1);
  ev = pop_event (f->events, "stopped/destroyed for our callbackID");
  g_assert_cmpint (ev->detail, ==, 1);
  g_assert_cmpint (ev->reason, ==, GVIR_DRIVER_SHUTOFF_DESTROYED);
}

/* A malformed event is dropped with a warning; the next one still comes. */
static void
test_lifecycle_malformed (Fixture       *f,
                          gconstpointer  data)
{
  static const guint8 junk[] = { 0, 0, 0, 3, 0, 0 };

  g_test_expect_message ("Libvirt.GObject", G_LOG_LEVEL_WARNING, "*malformed lifecycle event*");
  fake_libvirtd_push_raw (f->fake, 318, junk, sizeof junk);
  push_sentinel (f->fake);
  pop_sentinel (f->events, "a malformed event");
  g_test_assert_expected_messages ();
}

/* The server's connection to its hypervisor closed (362). */
static void
test_close_event (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(SeenEvent) ev = NULL;

  g_assert_cmpuint (fake_libvirtd_count_calls (f->fake, 360), ==, 1);
  fake_libvirtd_push_close (f->fake, GVIR_DRIVER_CLOSE_KEEPALIVE);
  ev = pop_event (f->events, "the connection-closed event");
  g_assert_cmpint (ev->kind, ==, GVIR_DRIVER_EVENT_CONNECTION_CLOSED);
  g_assert_cmpint (ev->close_reason, ==, GVIR_DRIVER_CLOSE_KEEPALIVE);

  /* Closing unregisters both and closes, in libvirt's order. */
  gvir_driver_connection_close (f->conn);
  g_clear_pointer (&f->conn, gvir_driver_connection_unref);
  g_assert_cmpuint (fake_libvirtd_count_calls (f->fake, 361), ==, 1);
  g_assert_cmpuint (fake_libvirtd_count_calls (f->fake, 317), ==, 1);
  g_assert_cmpuint (fake_libvirtd_count_calls (f->fake, 2), ==, 1);
}

/* ---- the same events through GVirConnection and GVirDomain ------------------------ */

typedef struct
{
  GMainContext *context;
  GThread *thread;
  GPtrArray *seen;      /* "signal::detail" */
  guint sentinels;
  guint wrong_context;
} SignalLog;

static void
on_domain_signal (GVirDomain *dom,
                  gpointer    data)
{
  SignalLog *log = data;
  GSignalInvocationHint *hint = g_signal_get_invocation_hint (dom);
  const char *name = g_signal_name (hint->signal_id);

  if (g_thread_self () != log->thread || !g_main_context_is_owner (log->context) ||
      g_main_context_get_thread_default () != log->context)
    log->wrong_context++;
  if (hint->detail != 0)
    g_ptr_array_add (log->seen, g_strdup_printf ("%s::%s", name, g_quark_to_string (hint->detail)));
  else
    g_ptr_array_add (log->seen, g_strdup (name));
}

static void
on_sentinel (GVirDomain *dom,
             gpointer    data)
{
  SignalLog *log = data;

  log->sentinels++;
}

static void
test_lifecycle_public (Fixture       *f,
                       gconstpointer  data)
{
  static const char *const signals[] = { "started", "stopped", "suspended", "resumed",
                                         "pmsuspended", "updated" };
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GVirConnection) conn = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  GVirDomain *dom, *other;
  SignalLog log = { 0 };
  guint i, j;

  setup_peer (f, data);
  uri = fake_libvirtd_get_uri (f->fake);
  log.context = context;
  log.thread = g_thread_self ();
  log.seen = g_ptr_array_new_with_free_func (g_free);

  g_main_context_push_thread_default (context);
  conn = gvir_connection_new (uri);
  g_assert_true (gvir_connection_open (conn, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gvir_connection_fetch_domains (conn, NULL, &error));
  g_assert_no_error (error);
  dom = gvir_connection_get_domain (conn, DOM_UUID);
  other = gvir_connection_get_domain (conn, OTHER_UUID);
  g_assert_nonnull (dom);
  g_assert_nonnull (other);
  for (j = 0; j < G_N_ELEMENTS (signals); j++)
    g_signal_connect (dom, signals[j], G_CALLBACK (on_domain_signal), &log);
  g_signal_connect (other, "updated", G_CALLBACK (on_sentinel), &log);

  for (i = 0; i < G_N_ELEMENTS (lifecycle_cases); i++)
    {
      const LifecycleCase *c = &lifecycle_cases[i];
      g_autofree char *what = g_strdup_printf ("the sentinel signal after %s", c->what);
      guint target = log.sentinels + 1;

      g_ptr_array_set_size (log.seen, 0);
      fake_libvirtd_push_lifecycle (f->fake, DOM_NAME, DOM_UUID, c->id, c->event, c->detail);
      push_sentinel (f->fake);
      gvir_test_spin_until_count (context, &log.sentinels, target, what);

      g_test_message ("%s: %u signal(s)%s%s", c->what, log.seen->len,
                      log.seen->len > 0 ? ", first " : "",
                      log.seen->len > 0 ? (char *) log.seen->pdata[0] : "");
      if (c->signal == NULL)
        g_assert_cmpuint (log.seen->len, ==, 0);
      else
        {
          g_assert_cmpuint (log.seen->len, ==, 1);
          g_assert_cmpstr (log.seen->pdata[0], ==, c->signal);
        }
    }
  g_assert_cmpuint (log.wrong_context, ==, 0);

  g_signal_handlers_disconnect_by_data (dom, &log);
  g_signal_handlers_disconnect_by_data (other, &log);
  g_object_unref (dom);
  g_object_unref (other);
  gvir_connection_close (conn);
  g_clear_object (&conn);
  g_main_context_pop_thread_default (context);
  g_ptr_array_unref (log.seen);
}

/* ---- what the public layer makes of a dying or odd peer ------------------------- */

static gboolean
connection_is_closed (gpointer data)
{
  return !gvir_connection_is_open (data);
}

static void
on_closed_count (GVirConnection *conn,
                 gpointer        data)
{
  (*(guint *) data)++;
}

/* A packet of an unknown program is fatal: is_open() says FALSE as soon as
 * the driver knows, before the connection's context has run, and
 * connection-closed comes when it runs. */
static void
test_public_dead_is_closed (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GMainContext) idle = g_main_context_new ();
  g_autoptr(GVirConnection) conn = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  guint closed = 0;

  setup_peer (f, data);
  uri = fake_libvirtd_get_uri (f->fake);
  g_main_context_push_thread_default (context);
  conn = gvir_connection_new (uri);
  g_assert_true (gvir_connection_open (conn, NULL, &error));
  g_assert_no_error (error);
  g_main_context_pop_thread_default (context);
  g_signal_connect (conn, "connection-closed", G_CALLBACK (on_closed_count), &closed);
  g_assert_true (gvir_connection_is_open (conn));

  fake_libvirtd_push_foreign_program (f->fake);
  /* Iterates another context: the connection's own never runs here. */
  gvir_test_spin_until (idle, connection_is_closed, conn,
                        "is_open() to turn FALSE after a fatal protocol error");
  g_assert_cmpuint (closed, ==, 0);

  gvir_test_spin_until_count (context, &closed, 1, "connection-closed after the fatal error");
  g_assert_false (gvir_connection_is_open (conn));
  /* Only once, and the connection can be opened again. */
  gvir_connection_close (conn);
  while (g_main_context_iteration (context, FALSE))
    ;
  g_assert_cmpuint (closed, ==, 1);
  g_signal_handlers_disconnect_by_data (conn, &closed);
}

static gboolean
hostname_call_arrived (gpointer data)
{
  return fake_libvirtd_count_calls (data, GVIR_RPC_PROC_CONNECT_GET_HOSTNAME) == 1;
}

static void
on_hostname_done (GObject      *source,
                  GAsyncResult *result,
                  gpointer      data)
{
  GError **error = data;
  g_autofree char *name = NULL;

  name = gvir_connection_get_hostname_finish (GVIR_CONNECTION (source), result, error);
  g_assert_null (name);
  g_assert_nonnull (*error);
}

static gboolean
error_is_set (gpointer data)
{
  return *(GError **) data != NULL;
}

/* close() while a call waits for a server that never answers it: the call
 * fails at once with CONNECTION_CLOSED (not when a stall timer of minutes
 * fires), and the connection can be opened again. */
static void
test_public_close_in_flight (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GVirConnection) conn = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) call_error = NULL;
  g_autofree char *uri = NULL;

  setup_peer (f, data);
  fake_libvirtd_set_silent (f->fake, GVIR_RPC_PROC_CONNECT_GET_HOSTNAME);
  uri = fake_libvirtd_get_uri (f->fake);
  g_main_context_push_thread_default (context);
  conn = gvir_connection_new (uri);
  g_assert_true (gvir_connection_open (conn, NULL, &error));
  g_assert_no_error (error);

  gvir_connection_get_hostname_async (conn, NULL, on_hostname_done, &call_error);
  gvir_test_spin_until (context, hostname_call_arrived, f->fake,
                        "the host name call to reach the server");
  gvir_connection_close (conn);
  gvir_test_spin_until (context, error_is_set, &call_error,
                        "the call in flight to fail after close()");
  g_assert_error (call_error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  g_assert_false (gvir_connection_is_open (conn));

  fake_libvirtd_clear_failures (f->fake);
  g_assert_true (gvir_connection_open (conn, NULL, &error));
  g_assert_no_error (error);
  g_main_context_pop_thread_default (context);
}

/* Bytes that are not UTF-8 in the host name or a domain name reach
 * bindings as valid UTF-8, invalid sequences replaced by U+FFFD. */
static void
test_public_hostname_utf8 (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GVirConnection) conn = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *name = NULL;
  GVirDomain *dom;

  setup_peer (f, data);
  fake_libvirtd_add_domain (f->fake, "vm-\xff", BAD_NAME_UUID, -1, TRUE,
                            GVIR_DRIVER_STATE_SHUTOFF, GVIR_DRIVER_SHUTOFF_SHUTDOWN);
  fake_libvirtd_set_hostname (f->fake, "host\xff\xfe-a\xc3");
  uri = fake_libvirtd_get_uri (f->fake);
  conn = gvir_connection_new (uri);
  g_assert_true (gvir_connection_open (conn, NULL, &error));
  g_assert_no_error (error);

  name = gvir_connection_get_hostname (conn, &error);
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (name, -1, NULL));
  g_assert_cmpstr (name, ==, "host\xef\xbf\xbd\xef\xbf\xbd-a\xef\xbf\xbd");
  g_clear_pointer (&name, g_free);

  fake_libvirtd_set_hostname (f->fake, "plain.example");
  name = gvir_connection_get_hostname (conn, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "plain.example");

  g_assert_true (gvir_connection_fetch_domains (conn, NULL, &error));
  g_assert_no_error (error);
  dom = gvir_connection_get_domain (conn, BAD_NAME_UUID);
  g_assert_nonnull (dom);
  g_assert_cmpstr (gvir_domain_get_name (dom), ==, "vm-\xef\xbf\xbd");
  g_object_unref (dom);
  gvir_connection_close (conn);
}

/* ---- the name sent in CONNECT_OPEN ------------------------------------------------ */

typedef struct
{
  const char *uri;
  const char *name;
} OpenNameCase;

/* libvirt's client strips the transport, user, host, port and its own
 * parameters; we also sort and escape the parameters left. */
static const OpenNameCase open_name_cases[] = {
  { "test+unix:///default?socket=/tmp/x/libvirt-sock", "test:///default" },
  { "qemu+unix:///system", "qemu:///system" },
  { "qemu+unix:///session", "qemu:///session" },
  { "qemu+unix:///system?mode=legacy&socket=/run/x", "qemu:///system" },
  { "test+tcp://127.0.0.1:16509/default", "test:///default" },
  { "test+tcp://admin@host.example:1234/default", "test:///default" },
  { "test+tls://host.example/default?pkipath=/etc/pki/x&no_verify=1", "test:///default" },
  { "test+tls://host.example:16514/default?tls_priority=NORMAL&no_sanity=1",
    "test:///default" },
  { "qemu://host.example/system?auth=none&proxy=native&keyfile=/k&known_hosts=/h",
    "qemu:///system" },
  { "test+unix:///default?zeta=1&alpha=2&socket=/s", "test:///default?alpha=2&zeta=1" },
  { "test+unix:///default?socket=/s&opt=a%20b%26c%3Dd", "test:///default?opt=a%20b%26c%3Dd" },
  { "test+unix:///default?name=custom:///other&socket=/s&zeta=1", "custom:///other" },
  { "test+unix:///tmp/my%20domains/a.xml?socket=/s", "test:///tmp/my%20domains/a.xml" },
};

/* The same URI with its socket pointed at the peer. */
static char *
uri_for_peer (const char   *uri,
              FakeLibvirtd *fake)
{
  g_autofree char *base = NULL;
  const char *socket_param = strstr (uri, "socket=");
  const char *query = strchr (uri, '?');

  if (socket_param != NULL)
    {
      const char *end = strchr (socket_param, '&');

      base = g_strdup_printf ("%.*s%s", (int) (socket_param - uri), uri, end ? end + 1 : "");
      if (g_str_has_suffix (base, "&") || g_str_has_suffix (base, "?"))
        base[strlen (base) - 1] = '\0';
    }
  else
    base = g_strdup (uri);
  query = strchr (base, '?');
  return g_strdup_printf ("%s%csocket=%s", base, query ? '&' : '?',
                          fake_libvirtd_get_socket (fake));
}

static void
test_open_name (void)
{
  guint i;

  for (i = 0; i < G_N_ELEMENTS (open_name_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GVirDriverUri) uri = gvir_driver_uri_parse (open_name_cases[i].uri, &error);
      g_autofree char *name = NULL;

      g_assert_no_error (error);
      name = gvir_remote_uri_open_name (uri);
      g_test_message ("%s -> %s", open_name_cases[i].uri, name);
      g_assert_cmpstr (name, ==, open_name_cases[i].name);
    }
}

/* On the wire: the unix-transport forms, through the peer. */
static void
test_open_name_on_wire (Fixture       *f,
                        gconstpointer  data)
{
  guint i;

  setup_peer (f, data);
  for (i = 0; i < G_N_ELEMENTS (open_name_cases); i++)
    {
      g_autofree char *uri = NULL;
      g_autofree char *name = NULL;
      GVirDriverConnection *conn;
      guint32 flags;

      if (strstr (open_name_cases[i].uri, "+unix:") == NULL)
        continue;
      uri = uri_for_peer (open_name_cases[i].uri, f->fake);
      conn = open_driver (f, uri);
      name = fake_libvirtd_dup_open_name (f->fake, &flags);
      g_test_message ("%s sent %s", uri, name);
      g_assert_cmpstr (name, ==, open_name_cases[i].name);
      g_assert_cmpuint (flags, ==, 0);
      gvir_driver_connection_unref (conn);
    }

  /* Read-only: flag RO (1), same name. */
  {
    g_autofree char *uri = fake_libvirtd_get_uri (f->fake);
    g_autoptr(GError) error = NULL;
    g_autofree char *name = NULL;
    GVirDriverConnection *conn = gvir_driver_connection_open (uri, TRUE, NULL, NULL, NULL, &error);
    guint32 flags;

    g_assert_no_error (error);
    name = fake_libvirtd_dup_open_name (f->fake, &flags);
    g_assert_cmpstr (name, ==, "test:///default");
    g_assert_cmpuint (flags, ==, 1);
    gvir_driver_connection_unref (conn);
  }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b,
                 gpointer      data)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* libvirt's own client (virsh) sends the same name for the same URI, up
 * to the order of the parameters, which we sort. */
static char *
sorted_name (const char *name)
{
  const char *query = strchr (name, '?');
  g_auto(GStrv) params = NULL;
  g_autofree char *joined = NULL;

  if (query == NULL)
    return g_strdup (name);
  params = g_strsplit (query + 1, "&", -1);
  g_qsort_with_data (params, g_strv_length (params), sizeof (char *), compare_strings, NULL);
  joined = g_strjoinv ("&", params);
  return g_strdup_printf ("%.*s?%s", (int) (query - name), name, joined);
}

static void
on_virsh_exited (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  gboolean *done = data;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  *done = TRUE;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

static char *
virsh_open_name (FakeLibvirtd *fake,
                 const char   *virsh,
                 const char   *uri)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                               G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autofree char *what = g_strdup_printf ("virsh -c %s to exit", uri);
  guint before = fake_libvirtd_count_calls (fake, 1);
  gboolean done = FALSE;

  g_main_context_push_thread_default (context);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C", TRUE);
  proc = g_subprocess_launcher_spawn (launcher, &error, virsh, "-q", "-c", uri, "uri", NULL);
  g_assert_no_error (error);
  g_subprocess_wait_async (proc, NULL, on_virsh_exited, &done);
  {
    gint64 deadline = gvir_test_wait_deadline ();

    while (!done && g_get_monotonic_time () < deadline)
      if (!g_main_context_iteration (context, FALSE))
        g_usleep (1000);
  }
  if (!done)
    {
      /* Stopped by its pid before the test fails. */
      g_subprocess_force_exit (proc);
      gvir_test_spin_until (context, flag_set, &done, "the killed virsh to be reaped");
      gvir_test_wait_timed_out (what);
    }
  g_main_context_pop_thread_default (context);
  /* It opened, whatever it did next (the peer knows no CONNECT_GET_URI). */
  g_assert_cmpuint (fake_libvirtd_count_calls (fake, 1), ==, before + 1);
  return fake_libvirtd_dup_open_name (fake, NULL);
}

static void
test_open_name_like_virsh (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *virsh = g_find_program_in_path ("virsh");
  guint i;

  if (virsh == NULL)
    {
      if (g_strcmp0 (g_getenv ("GVIR_TESTS_REQUIRE_ALL"), "1") == 0)
        g_error ("virsh (Debian's libvirt-clients) is missing: the open-name comparison needs it");
      g_test_skip ("virsh (Debian's libvirt-clients) is not installed");
      return;
    }
  setup_peer (f, data);
  for (i = 0; i < G_N_ELEMENTS (open_name_cases); i++)
    {
      g_autofree char *uri = NULL;
      g_autofree char *theirs = NULL;
      g_autofree char *theirs_sorted = NULL;
      g_autofree char *ours = NULL;
      GVirDriverConnection *conn;

      if (strstr (open_name_cases[i].uri, "+unix:") == NULL)
        continue;
      uri = uri_for_peer (open_name_cases[i].uri, f->fake);
      theirs = virsh_open_name (f->fake, virsh, uri);
      conn = open_driver (f, uri);
      ours = fake_libvirtd_dup_open_name (f->fake, NULL);
      gvir_driver_connection_unref (conn);
      theirs_sorted = sorted_name (theirs);
      g_test_message ("%s: virsh sent %s, we sent %s", uri, theirs, ours);
      g_assert_cmpstr (ours, ==, theirs_sorted);
    }
}

/* ---- server errors ----------------------------------------------------------------- */

static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  guint i;

  for (i = 0; i < G_N_ELEMENTS (libvirt_error_cases); i++)
    {
      g_autofree char *message = g_strdup_printf ("server error number %d", libvirt_error_cases[i].code);
      g_autoptr(GError) error = NULL;
      g_autofree char *host = NULL;

      fake_libvirtd_fail (f->fake, 59, libvirt_error_cases[i].code, message);
      host = gvir_driver_connection_get_hostname (f->conn, NULL, &error);
      g_assert_null (host);
      g_test_message ("%d -> %s", libvirt_error_cases[i].code, error->message);
      g_assert_error (error, GVIR_ERROR, (gint) libvirt_error_cases[i].expected);
      g_assert_cmpstr (error->message, ==, message);
    }

  /* Without a message, the number is in ours. */
  {
    g_autoptr(GError) error = NULL;

    fake_libvirtd_fail (f->fake, 59, 84, NULL);
    g_assert_null (gvir_driver_connection_get_hostname (f->conn, NULL, &error));
    g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED);
    g_assert_nonnull (strstr (error->message, "error 84"));
  }
}

/* ---- the calls the driver makes ---------------------------------------------------- */

static GVirXdrReader
args_reader (GBytes *args)
{
  GVirXdrReader r;

  g_assert_nonnull (args);
  gvir_xdr_reader_init (&r, g_bytes_get_data (args, NULL), g_bytes_get_size (args));
  return r;
}

static void
test_host_calls (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *type = NULL, *host = NULL, *caps = NULL, *dcaps = NULL, *dcaps2 = NULL;
  g_autoptr(GArray) cells = NULL;
  g_autoptr(GVirIdSet) nodes = NULL;
  g_autofree char *nodes_text = NULL;
  GVirDriverNodeInfo info = { 0 };
  gulong version = 0;

  type = gvir_driver_connection_get_type (f->conn, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (type, ==, "TEST");
  g_assert_true (gvir_driver_connection_get_version (f->conn, &version, NULL, &error));
  g_assert_cmpuint (version, ==, 11003000);
  host = gvir_driver_connection_get_hostname (f->conn, NULL, &error);
  g_assert_cmpstr (host, ==, "fake-host.example");
  caps = gvir_driver_connection_get_capabilities (f->conn, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (caps, ==, "<capabilities><host><cpu><arch>i686</arch></cpu></host>"
                             "</capabilities>");
  dcaps = gvir_driver_connection_get_domain_capabilities (f->conn, "/usr/bin/qemu", "x86_64",
                                                          "pc", "kvm", 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dcaps, ==, "<domainCapabilities><path>/usr/bin/qemu</path><arch>x86_64</arch>"
                              "<machine>pc</machine><domain>kvm</domain><flags>0</flags>"
                              "</domainCapabilities>");
  dcaps2 = gvir_driver_connection_get_domain_capabilities (f->conn, NULL, NULL, NULL, NULL, 0,
                                                           NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (dcaps2, "<path>-</path><arch>-</arch><machine>-</machine>"));

  g_assert_true (gvir_driver_connection_get_node_info (f->conn, &info, NULL, &error));
  g_assert_cmpstr (info.model, ==, "i686");
  g_assert_cmpuint (info.memory_kib, ==, 16777216);
  g_assert_cmpuint (info.cpus, ==, 16);
  g_assert_cmpuint (info.nodes, ==, 2);
  gvir_driver_node_info_clear (&info);

  /* The capabilities list no cells: the host's nodes follow node info. */
  nodes = gvir_driver_connection_get_host_nodes (f->conn, NULL, &error);
  g_assert_no_error (error);
  nodes_text = gvir_id_set_format (nodes);
  g_assert_cmpstr (nodes_text, ==, "0-1");

  cells = gvir_driver_connection_get_cells_free_memory (f->conn, 1, 5, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cells->len, ==, 1);
  g_assert_cmpuint (g_array_index (cells, guint64, 0), ==, 2 * 1024 * 1024);
  g_assert_null (gvir_driver_connection_get_cells_free_memory (f->conn, 99, 1, NULL, &error));
  /* libvirt's invalid argument is our "not found" here. */
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "out of range"));
  g_clear_error (&error);

  /* Other failures pass through. */
  fake_libvirtd_fail (f->fake, 101, 1, "internal");
  g_assert_null (gvir_driver_connection_get_cells_free_memory (f->conn, 0, 1, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_FAILED);
}

static void
test_domain_calls (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) doms = NULL;
  g_autoptr(GVirDriverDomain) by_name = NULL;
  g_autoptr(GVirDriverDomain) by_id = NULL;
  g_autoptr(GVirDriverDomain) defined = NULL;
  g_autoptr(GVirDriverDomain) created = NULL;
  g_autofree char *xml = NULL;
  GVirDriverDomainInfo info = { 0 };
  int state = -1, reason = -1;
  /* DESTROY, DESTROY_FLAGS, SHUTDOWN, SHUTDOWN_FLAGS, REBOOT, SUSPEND, RESUME,
   * MANAGED_SAVE, SAVE_FLAGS, UNDEFINE_FLAGS */
  static const int actions[] = { 12, 234, 33, 258, 27, 34, 28, 182, 232, 231 };
  guint i;

  doms = gvir_driver_connection_list_domains (f->conn, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (doms->len, ==, 2);
  g_assert_cmpstr (((GVirDriverDomain *) doms->pdata[0])->name, ==, DOM_NAME);
  g_assert_cmpint (((GVirDriverDomain *) doms->pdata[0])->state, ==, PEER_STATE);
  g_assert_cmpint (((GVirDriverDomain *) doms->pdata[0])->reason, ==, PEER_REASON);

  by_name = gvir_driver_connection_lookup_domain_by_name (f->conn, OTHER_NAME, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (by_name->uuid, ==, OTHER_UUID);
  by_id = gvir_driver_connection_lookup_domain_by_id (f->conn, 5, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (by_id->name, ==, DOM_NAME);
  g_assert_null (gvir_driver_connection_lookup_domain_by_uuid (f->conn, "nonsense", NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_assert_true (gvir_driver_connection_get_domain_state (f->conn, DOM_UUID, &state, &reason,
                                                          NULL, &error));
  g_assert_cmpint (state, ==, PEER_STATE);
  g_assert_cmpint (reason, ==, PEER_REASON);
  g_assert_true (gvir_driver_connection_get_domain_info (f->conn, DOM_UUID, &info, NULL, &error));
  g_assert_cmpint (info.state, ==, PEER_STATE);
  g_assert_cmpuint (info.max_mem_kib, ==, 8192);
  g_assert_cmpuint (info.nr_virt_cpu, ==, 2);
  g_assert_cmpuint (info.cpu_time_ns, ==, 123456789);
  xml = gvir_driver_connection_get_domain_xml (f->conn, DOM_UUID, GVIR_DRIVER_XML_INACTIVE,
                                               NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (xml, "<name>" DOM_NAME "</name>"));
  g_assert_nonnull (strstr (xml, "<flags>2</flags>"));
  g_assert_null (gvir_driver_connection_get_domain_xml (f->conn, "not-a-uuid", 0, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  /* Define with and without flags, create. */
  defined = gvir_driver_connection_define_domain (f->conn,
                                                  "<domain><name>new-vm</name><uuid>"
                                                  "11111111-2222-3333-4444-555555555555"
                                                  "</uuid></domain>", 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (defined->name, ==, "new-vm");
  g_assert_true (defined->persistent);
  g_assert_cmpint (defined->state, ==, GVIR_DRIVER_STATE_SHUTOFF);
  g_assert_cmpuint (fake_libvirtd_count_calls (f->fake, 350), ==, 1);
  created = gvir_driver_connection_create_domain (f->conn,
                                                  "<domain><name>transient</name><uuid>"
                                                  "11111111-2222-3333-4444-666666666666"
                                                  "</uuid></domain>", 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (created->persistent);
  g_assert_cmpint (created->id, ==, 9);
  g_assert_cmpint (created->state, ==, GVIR_DRIVER_STATE_RUNNING);
  g_assert_null (gvir_driver_connection_define_domain (f->conn, "<domain/>", 0, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_XML);
  g_clear_error (&error);

  /* Start: a running domain's internal error is "operation invalid". */
  g_assert_true (gvir_driver_connection_start_domain (f->conn, OTHER_UUID, 0, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (gvir_driver_connection_start_domain (f->conn, OTHER_UUID, 0, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
  g_clear_error (&error);

  /* Every action carries the domain and, where it has them, the flags. */
  g_assert_true (gvir_driver_connection_destroy_domain (f->conn, DOM_UUID, 0, NULL, &error));
  g_assert_true (gvir_driver_connection_destroy_domain (f->conn, DOM_UUID, 1, NULL, &error));
  g_assert_true (gvir_driver_connection_shutdown_domain (f->conn, DOM_UUID, 0, NULL, &error));
  g_assert_true (gvir_driver_connection_shutdown_domain (f->conn, DOM_UUID, 2, NULL, &error));
  g_assert_true (gvir_driver_connection_reboot_domain (f->conn, DOM_UUID, 1, NULL, &error));
  g_assert_true (gvir_driver_connection_suspend_domain (f->conn, DOM_UUID, NULL, &error));
  g_assert_true (gvir_driver_connection_resume_domain (f->conn, DOM_UUID, NULL, &error));
  g_assert_true (gvir_driver_connection_managed_save_domain (f->conn, DOM_UUID, 4, NULL, &error));
  g_assert_true (gvir_driver_connection_save_domain_to_file (f->conn, DOM_UUID, "/tmp/save.img",
                                                             "<domain/>", 1, NULL, &error));
  g_assert_true (gvir_driver_connection_undefine_domain (f->conn, DOM_UUID, 2, NULL, &error));
  g_assert_no_error (error);
  for (i = 0; i < G_N_ELEMENTS (actions); i++)
    g_assert_cmpuint (fake_libvirtd_count_calls (f->fake, actions[i]), ==, 1);

  {
    g_autoptr(GBytes) args = fake_libvirtd_dup_last_args (f->fake, 232);
    GVirXdrReader r = args_reader (args);
    GVirRpcDomain dom;
    g_autofree char *path = NULL, *custom = NULL;
    guint32 flags;

    g_assert_true (gvir_rpc_get_domain (&r, &dom, NULL));
    g_assert_cmpstr (dom.name, ==, DOM_NAME);
    gvir_rpc_domain_clear (&dom);
    g_assert_true (gvir_xdr_get_string (&r, 4096, &path, NULL));
    g_assert_true (gvir_xdr_get_opt_string (&r, 4096, &custom, NULL));
    g_assert_true (gvir_xdr_get_u32 (&r, &flags, NULL));
    g_assert_cmpstr (path, ==, "/tmp/save.img");
    g_assert_cmpstr (custom, ==, "<domain/>");
    g_assert_cmpuint (flags, ==, 1);
  }
  {
    g_autoptr(GBytes) args = fake_libvirtd_dup_last_args (f->fake, 258);
    GVirXdrReader r = args_reader (args);
    GVirRpcDomain dom;
    guint32 flags;

    g_assert_true (gvir_rpc_get_domain (&r, &dom, NULL));
    gvir_rpc_domain_clear (&dom);
    g_assert_true (gvir_xdr_get_u32 (&r, &flags, NULL));
    g_assert_cmpuint (flags, ==, 2);
  }

  /* An unknown domain fails with "not found". */
  g_assert_false (gvir_driver_connection_suspend_domain (f->conn,
                                                         "99999999-2222-3333-4444-555555555555",
                                                         NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
}

/* A domain the driver never saw is looked up first (its name is on the
 * wire), by the blocking and the non-blocking queries alike. */
typedef struct
{
  GMutex lock;
  GCond cond;
  guint answered;
  int state, reason;
  GVirDriverDomainInfo info;
  GError *error;
} AsyncAnswer;

static void
answer_state (int state, int reason, const GError *error, gpointer data)
{
  AsyncAnswer *a = data;

  g_mutex_lock (&a->lock);
  a->state = state;
  a->reason = reason;
  if (error != NULL)
    a->error = g_error_copy (error);
  a->answered++;
  g_cond_signal (&a->cond);
  g_mutex_unlock (&a->lock);
}

static void
answer_info (const GVirDriverDomainInfo *info, const GError *error, gpointer data)
{
  AsyncAnswer *a = data;

  g_mutex_lock (&a->lock);
  if (info != NULL)
    a->info = *info;
  if (error != NULL)
    a->error = g_error_copy (error);
  a->answered++;
  g_cond_signal (&a->cond);
  g_mutex_unlock (&a->lock);
}

static gboolean
answered (gpointer data)
{
  return ((AsyncAnswer *) data)->answered > 0;
}

static void
wait_answer (AsyncAnswer *a,
             const char  *what)
{
  g_mutex_lock (&a->lock);
  gvir_test_cond_wait_until (&a->cond, &a->lock, answered, a, what);
  g_mutex_unlock (&a->lock);
}

static void
test_async_lookup (Fixture       *f,
                   gconstpointer  data)
{
  AsyncAnswer a1 = { 0 }, a2 = { 0 }, a3 = { 0 };

  gvir_driver_connection_get_domain_state_async (f->conn, DOM_UUID, NULL, answer_state, &a1);
  wait_answer (&a1, "the asynchronous state of an unseen domain");
  g_assert_no_error (a1.error);
  g_assert_cmpint (a1.state, ==, PEER_STATE);
  g_assert_cmpint (a1.reason, ==, PEER_REASON);
  g_assert_cmpuint (fake_libvirtd_count_calls (f->fake, 24), ==, 1);

  gvir_driver_connection_get_domain_info_async (f->conn, DOM_UUID, NULL, answer_info, &a2);
  wait_answer (&a2, "the asynchronous info of a known domain");
  g_assert_no_error (a2.error);
  g_assert_cmpuint (a2.info.memory_kib, ==, 4096);
  /* Known now: no second lookup. */
  g_assert_cmpuint (fake_libvirtd_count_calls (f->fake, 24), ==, 1);

  gvir_driver_connection_get_domain_info_async (f->conn, "99999999-2222-3333-4444-555555555555",
                                                NULL, answer_info, &a3);
  wait_answer (&a3, "the asynchronous info of a missing domain");
  g_assert_error (a3.error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
  g_clear_error (&a3.error);
}

static void
test_restore (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDriverDomain) dom = NULL;
  const char *saved = "<domain><name>restored-vm</name>\n  <uuid> "
                      "22222222-2222-3333-4444-555555555555 </uuid></domain>";

  /* The image cannot be read. */
  g_assert_null (gvir_driver_connection_restore_domain_from_file (f->conn, "/tmp/none.img", NULL,
                                                                  0, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "saved image"));
  g_clear_error (&error);

  /* The image names no domain. */
  fake_libvirtd_set_saved_image_xml (f->fake, "<domain><name>x</name></domain>");
  g_assert_null (gvir_driver_connection_restore_domain_from_file (f->conn, "/tmp/a.img", NULL,
                                                                  0, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_XML);
  g_assert_nonnull (strstr (error->message, "/tmp/a.img"));
  g_clear_error (&error);
  g_assert_cmpuint (fake_libvirtd_count_calls (f->fake, 233), ==, 0);

  fake_libvirtd_set_saved_image_xml (f->fake, saved);
  dom = gvir_driver_connection_restore_domain_from_file (f->conn, "/tmp/b.img", NULL, 4, NULL,
                                                         &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dom->name, ==, "restored-vm");
  g_assert_cmpstr (dom->uuid, ==, "22222222-2222-3333-4444-555555555555");
  g_assert_cmpint (dom->id, ==, 11);
  g_assert_cmpint (dom->state, ==, GVIR_DRIVER_STATE_RUNNING);
  g_assert_cmpint (dom->reason, ==, GVIR_DRIVER_RUNNING_RESTORED);
  {
    g_autoptr(GBytes) args = fake_libvirtd_dup_last_args (f->fake, 233);
    GVirXdrReader r = args_reader (args);
    g_autofree char *path = NULL, *custom = NULL;
    guint32 flags;

    g_assert_true (gvir_xdr_get_string (&r, 4096, &path, NULL));
    g_assert_true (gvir_xdr_get_opt_string (&r, 4096, &custom, NULL));
    g_assert_true (gvir_xdr_get_u32 (&r, &flags, NULL));
    g_assert_cmpstr (path, ==, "/tmp/b.img");
    g_assert_null (custom);
    g_assert_cmpuint (flags, ==, 4);
  }
  g_clear_pointer (&dom, gvir_driver_domain_free);

  /* A custom XML decides which domain it is. */
  dom = gvir_driver_connection_restore_domain_from_file (
    f->conn, "/tmp/c.img",
    "<domain><name>renamed</name><uuid>33333333-2222-3333-4444-555555555555</uuid></domain>",
    0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dom->name, ==, "renamed");

  /* The restore itself fails. */
  fake_libvirtd_fail (f->fake, 233, 55, "domain is already active");
  g_assert_null (gvir_driver_connection_restore_domain_from_file (f->conn, "/tmp/b.img", NULL, 0,
                                                                  NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
}

static void
test_numa (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *nodeset = NULL;
  int mode = -1;

  g_assert_true (gvir_driver_connection_get_numa_parameters (f->conn, DOM_UUID, 0, &mode,
                                                             &nodeset, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mode, ==, 0);
  g_assert_cmpstr (nodeset, ==, "");
  g_clear_pointer (&nodeset, g_free);
  {
    /* Asked for at most 16 parameters, strings allowed (flag 4). */
    g_autoptr(GBytes) args = fake_libvirtd_dup_last_args (f->fake, 255);
    GVirXdrReader r = args_reader (args);
    GVirRpcDomain dom;
    gint32 n;
    guint32 flags;

    g_assert_true (gvir_rpc_get_domain (&r, &dom, NULL));
    gvir_rpc_domain_clear (&dom);
    g_assert_true (gvir_xdr_get_i32 (&r, &n, NULL));
    g_assert_true (gvir_xdr_get_u32 (&r, &flags, NULL));
    g_assert_cmpint (n, ==, 16);
    g_assert_cmpuint (flags, ==, 4);
  }

  g_assert_true (gvir_driver_connection_set_numa_parameters (f->conn, DOM_UUID, 2, "0-1",
                                                             GVIR_DRIVER_AFFECT_CONFIG, NULL,
                                                             &error));
  g_assert_no_error (error);
  g_assert_true (gvir_driver_connection_get_numa_parameters (f->conn, DOM_UUID, 0, &mode,
                                                             &nodeset, NULL, &error));
  g_assert_cmpint (mode, ==, 2);
  g_assert_cmpstr (nodeset, ==, "0-1");
  g_clear_pointer (&nodeset, g_free);

  /* -1 and NULL keep a value: only the other one is sent. */
  g_assert_true (gvir_driver_connection_set_numa_parameters (f->conn, DOM_UUID, -1, "1", 0, NULL,
                                                             &error));
  g_assert_true (gvir_driver_connection_set_numa_parameters (f->conn, DOM_UUID, 3, NULL, 0, NULL,
                                                             &error));
  g_assert_no_error (error);
  g_assert_true (gvir_driver_connection_get_numa_parameters (f->conn, DOM_UUID, 0, &mode,
                                                             &nodeset, NULL, &error));
  g_assert_cmpint (mode, ==, 3);
  g_assert_cmpstr (nodeset, ==, "1");
  {
    g_autoptr(GBytes) args = fake_libvirtd_dup_last_args (f->fake, 254);
    GVirXdrReader r = args_reader (args);
    g_auto(GVirRpcDomainSetNumaParametersArgs) set = { 0 };

    g_assert_true (gvir_rpc_get_domain_set_numa_parameters_args (&r, &set, NULL));
    g_assert_cmpuint (set.n_params, ==, 1);
    g_assert_cmpstr (set.params[0].field, ==, "numa_mode");
  }

  fake_libvirtd_fail (f->fake, 255, 84, "NUMA tuning is not available");
  g_assert_false (gvir_driver_connection_get_numa_parameters (f->conn, DOM_UUID, 0, &mode, NULL,
                                                              NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED);
}

/* ---- opening ------------------------------------------------------------------------ */

static void
assert_open_fails (const char *uri,
                   GVirError   code,
                   const char *words)
{
  g_autoptr(GError) error = NULL;
  GVirDriverConnection *conn = gvir_driver_connection_open (uri, FALSE, NULL, NULL, NULL, &error);

  g_assert_null (conn);
  g_test_message ("%s: %s", uri, error->message);
  g_assert_error (error, GVIR_ERROR, (gint) code);
  g_assert_nonnull (strstr (error->message, words));
}

static void
test_open_failures (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *uri = NULL;
  g_autofree char *missing = NULL;

  setup_peer (f, data);
  uri = fake_libvirtd_get_uri (f->fake);
  missing = g_strdup_printf ("test+unix:///default?socket=%s-missing",
                             fake_libvirtd_get_socket (f->fake));

  assert_open_fails (missing, GVIR_ERROR_CONNECTION_FAILED, "-missing");
  assert_open_fails ("test+ssh://localhost/default", GVIR_ERROR_NOT_SUPPORTED,
                     "transport 'ssh'");
  assert_open_fails ("test+tcp://127.0.0.1:1/default", GVIR_ERROR_CONNECTION_FAILED,
                     "127.0.0.1 port 1");
  assert_open_fails ("test+tls://127.0.0.1:1/default", GVIR_ERROR_CONNECTION_FAILED,
                     "127.0.0.1 port 1");

  /* The server refuses the name: its error, prefixed with our URI. */
  fake_libvirtd_fail (f->fake, 1, 38, "no connection driver available for test:///default");
  assert_open_fails (uri, GVIR_ERROR_FAILED, "cannot open 'test+unix");
  assert_open_fails (uri, GVIR_ERROR_FAILED, "no connection driver available");
  fake_libvirtd_clear_failures (f->fake);

  /* Authentication the driver cannot do, or cannot even name. */
  fake_libvirtd_set_auth (f->fake, 1);
  assert_open_fails (uri, GVIR_ERROR_AUTH_FAILED, "SASL");
  fake_libvirtd_set_auth (f->fake, 7);
  assert_open_fails (uri, GVIR_ERROR_AUTH_FAILED, "unknown authentication type 7");
  g_assert_cmpuint (fake_libvirtd_count_calls (f->fake, 1), ==, 2);

  /* Polkit: one more call, then the open goes on. */
  fake_libvirtd_set_auth (f->fake, 2);
  {
    GVirDriverConnection *conn = open_driver (f, uri);

    g_assert_cmpuint (fake_libvirtd_count_calls (f->fake, 70), ==, 1);
    gvir_driver_connection_unref (conn);
  }
  fake_libvirtd_set_auth (f->fake, 0);

  /* A failure after open closes what was opened. */
  fake_libvirtd_fail (f->fake, 316, 1, "cannot register");
  assert_open_fails (uri, GVIR_ERROR_FAILED, "cannot register");
  fake_libvirtd_clear_failures (f->fake);
  fake_libvirtd_fail (f->fake, 360, 1, "cannot register close callback");
  assert_open_fails (uri, GVIR_ERROR_FAILED, "close callback");
  fake_libvirtd_clear_failures (f->fake);
  fake_libvirtd_fail (f->fake, 105, 1, "cannot register legacy");
  fake_libvirtd_set_feature (f->fake, 14, FALSE);
  assert_open_fails (uri, GVIR_ERROR_FAILED, "legacy");
  fake_libvirtd_clear_failures (f->fake);
  fake_libvirtd_set_feature (f->fake, 14, TRUE);

  /* No close callback support: not registered, open still works; with
   * keepalive support the driver opens all the same. */
  fake_libvirtd_set_feature (f->fake, 15, FALSE);
  fake_libvirtd_set_feature (f->fake, 10, TRUE);
  {
    guint before = fake_libvirtd_count_calls (f->fake, 360);
    GVirDriverConnection *conn = open_driver (f, uri);
    g_autoptr(GError) error = NULL;
    g_autofree char *type = gvir_driver_connection_get_type (conn, NULL, &error);

    g_assert_cmpstr (type, ==, "TEST");
    g_assert_cmpuint (fake_libvirtd_count_calls (f->fake, 360), ==, before);
    gvir_driver_connection_unref (conn);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/rpc/fake/" path, Fixture, NULL, setup, func, teardown)
#define ADD_BARE(path, func) \
  g_test_add ("/rpc/fake/" path, Fixture, NULL, NULL, func, teardown)

  ADD ("lifecycle/driver", test_lifecycle_driver);
  ADD_BARE ("lifecycle/legacy", test_lifecycle_legacy);
  ADD ("lifecycle/other-callback-id", test_lifecycle_other_callback);
  ADD ("lifecycle/malformed", test_lifecycle_malformed);
  ADD_BARE ("lifecycle/public", test_lifecycle_public);
  ADD ("close-event", test_close_event);
  ADD_BARE ("public/dead-is-closed", test_public_dead_is_closed);
  ADD_BARE ("public/hostname-utf8", test_public_hostname_utf8);
  ADD_BARE ("public/close-in-flight", test_public_close_in_flight);
  g_test_add_func ("/rpc/fake/open-name", test_open_name);
  ADD_BARE ("open-name-on-wire", test_open_name_on_wire);
  ADD_BARE ("open-name-like-virsh", test_open_name_like_virsh);
  ADD ("errors", test_errors);
  ADD ("host-calls", test_host_calls);
  ADD ("domain-calls", test_domain_calls);
  ADD ("async-lookup", test_async_lookup);
  ADD ("restore", test_restore);
  ADD ("numa", test_numa);
  ADD_BARE ("open-failures", test_open_failures);

  return g_test_run ();
}
