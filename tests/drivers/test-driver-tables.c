/*
 * test-driver-tables.c: area tables, driver-wide state, the generic async call
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include <string.h>

#include "driver-test-utils.h"
#include "gvir-test-wait.h"

#define TEST_UUID "6695eb01-f6a4-8304-79aa-97f2502e193f"

/* ---- a driver without a domain table ---------------------------------------- */

static gboolean
bare_accepts (const GVirDriverUri *uri)
{
  return g_str_equal (uri->driver, "bare");
}

static gpointer
bare_open (GVirDriverConnection *conn, GCancellable *cancellable, GError **error)
{
  return GINT_TO_POINTER (1);
}

static char *
bare_get_type (gpointer handle, GCancellable *cancellable, GError **error)
{
  return g_strdup ("BARE");
}

static const GVirDriver bare_driver = {
  .name = "bare",
  .accepts = bare_accepts,
  .open = bare_open,
  .get_type = bare_get_type,
};

typedef struct
{
  guint times;
  GError *error;
  int state;
} StateAnswer;

static void
state_answered (int state, int reason, const GError *error, gpointer data)
{
  StateAnswer *answer = data;

  answer->times++;
  answer->state = state;
  g_clear_error (&answer->error);
  answer->error = error != NULL ? g_error_copy (error) : NULL;
}

static void
assert_not_supported (const GError *error, const char *operation)
{
  g_autofree char *expected =
    g_strdup_printf ("operation '%s' is not supported by the 'bare' driver", operation);

  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED);
  g_assert_cmpstr (error->message, ==, expected);
}

/* Every domain call fails as not supported, the core calls still work. */
static void
test_null_area_table (void)
{
  g_autoptr(GVirDriverConnection) conn = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *type = NULL;
  GVirDriverDomainInfo info;
  StateAnswer answer = { 0, NULL, -1 };

  conn = gvir_driver_connection_open ("bare:///x", FALSE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  type = gvir_driver_connection_get_type (conn, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (type, ==, "BARE");

  g_assert_null (gvir_driver_connection_list_domains (conn, NULL, &error));
  assert_not_supported (error, "list domains");
  g_clear_error (&error);
  g_assert_false (gvir_driver_connection_start_domain (conn, TEST_UUID, 0, NULL, &error));
  assert_not_supported (error, "start domain");
  g_clear_error (&error);
  g_assert_false (gvir_driver_connection_get_domain_info (conn, TEST_UUID, &info, NULL, &error));
  assert_not_supported (error, "get domain info");
  g_clear_error (&error);
  g_assert_false (gvir_driver_connection_set_domain_autostart (conn, TEST_UUID, TRUE, NULL, &error));
  assert_not_supported (error, "set domain autostart");
  g_clear_error (&error);
  g_assert_null (gvir_driver_connection_get_capabilities (conn, NULL, &error));
  assert_not_supported (error, "get capabilities");

  gvir_driver_connection_get_domain_state_async (conn, TEST_UUID, NULL, state_answered, &answer);
  g_assert_cmpuint (answer.times, ==, 1);
  g_assert_cmpint (answer.state, ==, GVIR_DRIVER_STATE_NOSTATE);
  assert_not_supported (answer.error, "get domain state");
  g_clear_error (&answer.error);
}

/* ---- a driver with driver-wide state ------------------------------------------ */

typedef struct
{
  GMutex lock;
  guint starts;
  guint stops;
  guint opens;
  guint closes;
  gboolean fail_start;
  gboolean started;             /* between a start and its stop */
  gboolean open_saw_state;      /* every open ran with the state started */
} StatefulState;

static StatefulState stateful;

static gboolean
stateful_accepts (const GVirDriverUri *uri)
{
  return g_str_equal (uri->driver, "stateful");
}

static gboolean
stateful_state_start (GCancellable *cancellable, GError **error)
{
  g_mutex_lock (&stateful.lock);
  stateful.starts++;
  if (stateful.fail_start)
    g_set_error_literal (error, GVIR_ERROR, GVIR_ERROR_INTERNAL, "cannot load the state");
  else
    stateful.started = TRUE;
  g_mutex_unlock (&stateful.lock);
  return !stateful.fail_start;
}

static void
stateful_state_stop (void)
{
  g_mutex_lock (&stateful.lock);
  stateful.stops++;
  stateful.started = FALSE;
  g_mutex_unlock (&stateful.lock);
}

static gpointer
stateful_open (GVirDriverConnection *conn, GCancellable *cancellable, GError **error)
{
  g_mutex_lock (&stateful.lock);
  stateful.opens++;
  stateful.open_saw_state = stateful.open_saw_state && stateful.started;
  g_mutex_unlock (&stateful.lock);
  return &stateful;
}

static void
stateful_close (gpointer handle)
{
  g_mutex_lock (&stateful.lock);
  stateful.closes++;
  g_mutex_unlock (&stateful.lock);
}

static const GVirDriver stateful_driver = {
  .name = "stateful",
  .accepts = stateful_accepts,
  .state_start = stateful_state_start,
  .state_stop = stateful_state_stop,
  .open = stateful_open,
  .close = stateful_close,
};

static void
stateful_reset (void)
{
  stateful.starts = stateful.stops = stateful.opens = stateful.closes = 0;
  stateful.fail_start = FALSE;
  stateful.open_saw_state = TRUE;
}

static void
assert_stateful (guint starts, guint stops, guint opens, guint closes)
{
  g_mutex_lock (&stateful.lock);
  g_assert_cmpuint (stateful.starts, ==, starts);
  g_assert_cmpuint (stateful.stops, ==, stops);
  g_assert_cmpuint (stateful.opens, ==, opens);
  g_assert_cmpuint (stateful.closes, ==, closes);
  g_assert_true (stateful.open_saw_state);
  g_mutex_unlock (&stateful.lock);
}

static GVirDriverConnection *
stateful_connect (void)
{
  g_autoptr(GError) error = NULL;
  GVirDriverConnection *conn;

  conn = gvir_driver_connection_open ("stateful:///x", FALSE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (conn);
  return conn;
}

/* The state starts with the first connection and stops after the last
 * one's close(), once each time; a later open starts it again. */
static void
test_state_first_open_last_close (void)
{
  GVirDriverConnection *a, *b, *c;

  stateful_reset ();
  a = stateful_connect ();
  assert_stateful (1, 0, 1, 0);
  b = stateful_connect ();
  assert_stateful (1, 0, 2, 0);

  gvir_driver_connection_close (a);
  assert_stateful (1, 0, 2, 1);
  /* The last reference, not an explicit close, ends the second one. */
  gvir_driver_connection_unref (b);
  assert_stateful (1, 1, 2, 2);
  gvir_driver_connection_unref (a);
  assert_stateful (1, 1, 2, 2);

  c = stateful_connect ();
  assert_stateful (2, 1, 3, 2);
  gvir_driver_connection_unref (c);
  assert_stateful (2, 2, 3, 3);
}

/* A failing start fails the open without calling open(), and the next
 * open tries again. */
static void
test_state_start_failure (void)
{
  g_autoptr(GError) error = NULL;
  GVirDriverConnection *conn;

  stateful_reset ();
  stateful.fail_start = TRUE;
  conn = gvir_driver_connection_open ("stateful:///x", FALSE, NULL, NULL, NULL, &error);
  g_assert_null (conn);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INTERNAL);
  g_assert_cmpstr (error->message, ==, "cannot load the state");
  assert_stateful (1, 0, 0, 0);

  stateful.fail_start = FALSE;
  conn = stateful_connect ();
  assert_stateful (2, 0, 1, 0);
  gvir_driver_connection_unref (conn);
  assert_stateful (2, 1, 1, 1);
}

/* A hold keeps the state across connections; its release is the explicit
 * shutdown. */
static void
test_state_hold (void)
{
  g_autoptr(GError) error = NULL;
  GVirDriverConnection *conn;

  stateful_reset ();
  g_assert_true (gvir_driver_state_hold ("stateful", NULL, &error));
  g_assert_no_error (error);
  assert_stateful (1, 0, 0, 0);
  conn = stateful_connect ();
  gvir_driver_connection_unref (conn);
  assert_stateful (1, 0, 1, 1);

  /* Released while a connection is open, it stops after that one. */
  conn = stateful_connect ();
  gvir_driver_state_release ("stateful");
  assert_stateful (1, 0, 2, 1);
  gvir_driver_connection_unref (conn);
  assert_stateful (1, 1, 2, 2);

  g_assert_false (gvir_driver_state_hold ("nosuch", NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NO_DRIVER);
  g_assert_cmpstr (error->message, ==, "no driver named 'nosuch'");
}

/* The test driver's shared test:///default host lives as long as any test
 * driver connection: a change made through one connection is seen by a
 * second opened later, and forgotten once both are gone. */
static void
test_state_test_driver (void)
{
  g_autoptr(GError) error = NULL;
  GVirDriverConnection *a, *b;
  GVirDriverDomain *dom;

  a = gvir_driver_connection_open ("test:///default", FALSE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (gvir_driver_connection_destroy_domain (a, TEST_UUID, 0, NULL, &error));
  g_assert_no_error (error);
  b = gvir_driver_connection_open ("test:///default", FALSE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  gvir_driver_connection_unref (a);
  dom = gvir_driver_connection_lookup_domain_by_uuid (b, TEST_UUID, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dom->state, ==, GVIR_DRIVER_STATE_SHUTOFF);
  gvir_driver_domain_free (dom);
  gvir_driver_connection_unref (b);

  a = gvir_driver_connection_open ("test:///default", FALSE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  dom = gvir_driver_connection_lookup_domain_by_uuid (a, TEST_UUID, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dom->state, ==, GVIR_DRIVER_STATE_RUNNING);
  gvir_driver_domain_free (dom);
  gvir_driver_connection_unref (a);
}

/* ---- the generic async call ------------------------------------------------------ */

/* A driver whose get_type blocks behind a gate. */
typedef struct
{
  GMutex lock;
  GCond cond;
  gboolean gate_open;
  guint entered;
  guint closes;
  gboolean cancelled_inside;    /* the call saw its cancellable cancelled */
  gboolean work_may_go;         /* the "wait" work may call the driver */
  gboolean work_started;        /* the "wait" work runs, before any call */
} GateState;

static GateState gate;

static gboolean
gate_accepts (const GVirDriverUri *uri)
{
  return g_str_equal (uri->driver, "gate");
}

static gpointer
gate_open (GVirDriverConnection *conn, GCancellable *cancellable, GError **error)
{
  return &gate;
}

static void
gate_close (gpointer handle)
{
  g_mutex_lock (&gate.lock);
  gate.closes++;
  g_cond_broadcast (&gate.cond);
  g_mutex_unlock (&gate.lock);
}

static gboolean
gate_is_open (gpointer data)
{
  return gate.gate_open;
}

static char *
gate_get_type (gpointer handle, GCancellable *cancellable, GError **error)
{
  g_mutex_lock (&gate.lock);
  gate.entered++;
  g_cond_broadcast (&gate.cond);
  gvir_test_cond_wait_until (&gate.cond, &gate.lock, gate_is_open, NULL,
                             "the test to open the gate of the get_type call");
  gate.cancelled_inside = g_cancellable_is_cancelled (cancellable);
  g_mutex_unlock (&gate.lock);
  return g_strdup ("GATE");
}

static const GVirDriver gate_driver = {
  .name = "gate",
  .accepts = gate_accepts,
  .open = gate_open,
  .close = gate_close,
  .get_type = gate_get_type,
};

static GVirDriverConnection *
gate_connect (gboolean gate_open_)
{
  g_autoptr(GError) error = NULL;
  GVirDriverConnection *conn;

  g_mutex_lock (&gate.lock);
  gate.gate_open = gate_open_;
  gate.entered = gate.closes = 0;
  gate.cancelled_inside = FALSE;
  gate.work_may_go = gate.work_started = FALSE;
  g_mutex_unlock (&gate.lock);
  conn = gvir_driver_connection_open ("gate:///x", FALSE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return conn;
}

static void
gate_open_now (void)
{
  g_mutex_lock (&gate.lock);
  gate.gate_open = TRUE;
  g_cond_broadcast (&gate.cond);
  g_mutex_unlock (&gate.lock);
}

static gboolean
gate_entered (gpointer data)
{
  return gate.entered >= 1;
}

static void
gate_wait_entered (void)
{
  g_mutex_lock (&gate.lock);
  gvir_test_cond_wait_until (&gate.cond, &gate.lock, gate_entered, NULL,
                             "the call to enter the gate driver");
  g_mutex_unlock (&gate.lock);
}

static guint
gate_closes (void)
{
  guint closes;

  g_mutex_lock (&gate.lock);
  closes = gate.closes;
  g_mutex_unlock (&gate.lock);
  return closes;
}

static gboolean
work_may_go (gpointer data)
{
  return gate.work_may_go;
}

static gboolean
work_has_started (gpointer data)
{
  return gate.work_started;
}

/* Holds the "wait" work back before it calls the driver. */
static void
work_wait (void)
{
  g_mutex_lock (&gate.lock);
  gate.work_started = TRUE;
  g_cond_broadcast (&gate.cond);
  gvir_test_cond_wait_until (&gate.cond, &gate.lock, work_may_go, NULL,
                             "the test to let the work call the driver");
  g_mutex_unlock (&gate.lock);
}

/* The work: get_type, then "TYPE:LENGTH" as the result; "fail" as args
 * fails, "wait" first waits until the test sets work_may_go. */
static gboolean
type_length_call (GVirDriverConnection  *conn,
                  gpointer               args,
                  gpointer              *result,
                  GCancellable          *cancellable,
                  GError               **error)
{
  g_autofree char *type = NULL;

  if (g_strcmp0 (args, "fail") == 0)
    {
      g_set_error_literal (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID, "asked to fail");
      return FALSE;
    }
  if (g_strcmp0 (args, "wait") == 0)
    work_wait ();
  type = gvir_driver_connection_get_type (conn, cancellable, error);
  if (type == NULL)
    return FALSE;
  *result = g_strdup_printf ("%s:%zu", type, strlen (type));
  return TRUE;
}

typedef struct
{
  guint times;
  gboolean ok;
  char *result;
  GError *error;
  GThread *thread;
  guint closes_at_callback;   /* the driver's close() calls when it ran */
} CallOutcome;

static void
call_done (GObject *source, GAsyncResult *res, gpointer data)
{
  CallOutcome *out = data;
  gpointer result = NULL;

  out->times++;
  out->thread = g_thread_self ();
  out->closes_at_callback = gate_closes ();
  out->ok = gvir_driver_connection_call_finish (res, &result, &out->error);
  out->result = result;
}

static void
call_outcome_clear (CallOutcome *out)
{
  g_clear_pointer (&out->result, g_free);
  g_clear_error (&out->error);
}

/* Freed in the worker, or wherever the task is finalised: atomic. */
static guint args_freed;
static guint results_freed;

static void
count_args_free (gpointer args)
{
  g_atomic_int_inc (&args_freed);
}

static void
count_result_free (gpointer result)
{
  g_atomic_int_inc (&results_freed);
  g_free (result);
}

static gboolean
result_was_freed (gpointer data)
{
  return g_atomic_int_get (&results_freed) >= 1;
}

static void
run_call (GVirDriverConnection *conn, const char *args, GCancellable *cancellable,
          CallOutcome *out)
{
  gvir_driver_connection_call_async (conn, type_length_call, (gpointer) args, count_args_free,
                                     count_result_free, cancellable, call_done, out);
  /* Always completes in a later main loop iteration. */
  g_assert_cmpuint (out->times, ==, 0);
}

static void
test_call_result (void)
{
  g_autoptr(GVirDriverConnection) conn = gate_connect (TRUE);
  CallOutcome out = { 0 };

  g_atomic_int_set (&args_freed, 0);
  g_atomic_int_set (&results_freed, 0);
  run_call (conn, "x", NULL, &out);
  gvir_test_spin_until_count (NULL, &out.times, 1, "the call's completion");
  g_assert_true (out.ok);
  g_assert_no_error (out.error);
  g_assert_cmpstr (out.result, ==, "GATE:4");
  g_assert_true (out.thread == g_thread_self ());
  g_assert_cmpuint (g_atomic_int_get (&args_freed), ==, 1);
  g_assert_cmpuint (g_atomic_int_get (&results_freed), ==, 0);
  call_outcome_clear (&out);
}

static void
test_call_error (void)
{
  g_autoptr(GVirDriverConnection) conn = gate_connect (TRUE);
  CallOutcome out = { 0 };

  g_atomic_int_set (&args_freed, 0);
  run_call (conn, "fail", NULL, &out);
  gvir_test_spin_until_count (NULL, &out.times, 1, "the failing call's completion");
  g_assert_false (out.ok);
  g_assert_null (out.result);
  g_assert_error (out.error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
  g_assert_cmpstr (out.error->message, ==, "asked to fail");
  g_assert_cmpuint (g_atomic_int_get (&args_freed), ==, 1);
  call_outcome_clear (&out);
}

/* Cancelled before: the driver never hears of the call. */
static void
test_call_cancel_before (void)
{
  g_autoptr(GVirDriverConnection) conn = gate_connect (TRUE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  CallOutcome out = { 0 };

  g_atomic_int_set (&args_freed, 0);
  g_cancellable_cancel (cancellable);
  run_call (conn, "x", cancellable, &out);
  gvir_test_spin_until_count (NULL, &out.times, 1, "the cancelled call's completion");
  g_assert_false (out.ok);
  g_assert_error (out.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (gate.entered, ==, 0);
  g_assert_cmpuint (g_atomic_int_get (&args_freed), ==, 1);
  call_outcome_clear (&out);
}

/* Cancelled while the driver works: the driver sees the cancellable, the
 * call completes as cancelled and its result is freed, not leaked. */
static void
test_call_cancel_after (void)
{
  g_autoptr(GVirDriverConnection) conn = gate_connect (FALSE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  CallOutcome out = { 0 };

  g_atomic_int_set (&results_freed, 0);
  run_call (conn, "x", cancellable, &out);
  gate_wait_entered ();
  g_cancellable_cancel (cancellable);
  gate_open_now ();
  gvir_test_spin_until_count (NULL, &out.times, 1, "the call cancelled in the driver to complete");
  g_assert_false (out.ok);
  g_assert_error (out.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (out.result);
  g_assert_true (gate.cancelled_inside);
  /* The task, and with it the unclaimed result, may be finalised by the
   * worker a moment after the completion. */
  gvir_test_spin_until (NULL, result_was_freed, NULL, "the cancelled call's result to be freed");
  g_assert_cmpuint (g_atomic_int_get (&results_freed), ==, 1);
  call_outcome_clear (&out);
}

/* A close() while the call is in the driver: the call finishes normally
 * and the driver's close() runs only after it, before the completion. */
static void
test_call_close_waits (void)
{
  GVirDriverConnection *conn = gate_connect (FALSE);
  CallOutcome out = { 0 };
  g_autoptr(GError) error = NULL;

  run_call (conn, "x", NULL, &out);
  gate_wait_entered ();
  gvir_driver_connection_close (conn);
  g_assert_null (gvir_driver_connection_get_type (conn, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  gvir_driver_connection_unref (conn);
  g_assert_cmpuint (gate_closes (), ==, 0);

  gate_open_now ();
  gvir_test_spin_until_count (NULL, &out.times, 1, "the in-flight call's completion after close");
  g_assert_true (out.ok);
  g_assert_cmpstr (out.result, ==, "GATE:4");
  g_assert_cmpuint (out.closes_at_callback, ==, 1);
  g_assert_cmpuint (gate_closes (), ==, 1);
  call_outcome_clear (&out);
}

/* A close() after the call was made but before it reached the driver:
 * the call was accepted, so it runs to its end; the driver closes after. */
static void
test_call_close_before_run (void)
{
  GVirDriverConnection *conn = gate_connect (TRUE);
  CallOutcome out = { 0 };

  run_call (conn, "wait", NULL, &out);
  g_mutex_lock (&gate.lock);
  gvir_test_cond_wait_until (&gate.cond, &gate.lock, work_has_started, NULL,
                             "the work to start in its worker");
  g_mutex_unlock (&gate.lock);
  gvir_driver_connection_close (conn);
  gvir_driver_connection_unref (conn);
  g_assert_cmpuint (gate_closes (), ==, 0);

  g_mutex_lock (&gate.lock);
  gate.work_may_go = TRUE;
  g_cond_broadcast (&gate.cond);
  g_mutex_unlock (&gate.lock);
  gvir_test_spin_until_count (NULL, &out.times, 1, "the accepted call's completion after close");
  g_assert_no_error (out.error);
  g_assert_true (out.ok);
  g_assert_cmpstr (out.result, ==, "GATE:4");
  g_assert_cmpuint (out.closes_at_callback, ==, 1);
  call_outcome_clear (&out);
}

/* A call made after close() runs nothing in the driver: its dispatch
 * calls fail as closed. */
static void
test_call_after_close (void)
{
  GVirDriverConnection *conn = gate_connect (TRUE);
  CallOutcome out = { 0 };

  gvir_driver_connection_close (conn);
  run_call (conn, "x", NULL, &out);
  gvir_driver_connection_unref (conn);
  gvir_test_spin_until_count (NULL, &out.times, 1, "the call on a closed connection to complete");
  g_assert_false (out.ok);
  g_assert_error (out.error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  g_assert_cmpstr (out.error->message, ==, "cannot get type: the connection is closed");
  g_assert_cmpuint (gate.entered, ==, 0);
  call_outcome_clear (&out);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_mutex_init (&stateful.lock);
  g_mutex_init (&gate.lock);
  g_cond_init (&gate.cond);
  gvir_driver_register (&bare_driver);
  gvir_driver_register (&stateful_driver);
  gvir_driver_register (&gate_driver);

  g_test_add_func ("/drivers/tables/null-area-table", test_null_area_table);
  g_test_add_func ("/drivers/tables/state/first-open-last-close", test_state_first_open_last_close);
  g_test_add_func ("/drivers/tables/state/start-failure", test_state_start_failure);
  g_test_add_func ("/drivers/tables/state/hold", test_state_hold);
  g_test_add_func ("/drivers/tables/state/test-driver", test_state_test_driver);
  g_test_add_func ("/drivers/tables/call/result", test_call_result);
  g_test_add_func ("/drivers/tables/call/error", test_call_error);
  g_test_add_func ("/drivers/tables/call/cancel-before", test_call_cancel_before);
  g_test_add_func ("/drivers/tables/call/cancel-after", test_call_cancel_after);
  g_test_add_func ("/drivers/tables/call/close-waits", test_call_close_waits);
  g_test_add_func ("/drivers/tables/call/close-before-run", test_call_close_before_run);
  g_test_add_func ("/drivers/tables/call/after-close", test_call_after_close);

  return g_test_run ();
}
