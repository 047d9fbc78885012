/*
 * test-driver-async.c: the non-blocking domain queries of the dispatch layer
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include "driver-test-utils.h"
#include "driver-async-answers.h"
#include "gvir-test-wait.h"

#define TEST_UUID "6695eb01-f6a4-8304-79aa-97f2502e193f"
#define MISSING_UUID "00000000-0000-0000-0000-00000000abcd"
#define MANY 64

/* ---- a fake driver: blocking queries behind a gate, or an async slot ----- */

typedef struct
{
  GMutex lock;
  GCond cond;
  gboolean gate_open;
  guint entered;          /* blocking queries that started */
  guint returned;         /* blocking queries that finished */
  GPtrArray *pending;     /* async slot: PendingQuery * not answered yet */
  guint closes;
  GThread *close_thread;
  guint opened_ever;      /* never reset: a test starts only once every */
  guint closed_ever;      /* earlier connection's driver has closed */
} SlowState;

typedef struct
{
  GVirDriverDomainInfoFunc done;
  gpointer user_data;
} PendingQuery;

static SlowState slow;

static gboolean
slow_accepts (const GVirDriverUri *uri)
{
  return g_str_equal (uri->driver, "slow");
}

static gboolean
slow_async_accepts (const GVirDriverUri *uri)
{
  return g_str_equal (uri->driver, "slowasync");
}

static gpointer
slow_open (GVirDriverConnection *conn, GCancellable *cancellable, GError **error)
{
  g_mutex_lock (&slow.lock);
  slow.opened_ever++;
  g_mutex_unlock (&slow.lock);
  return &slow;
}

static void
slow_close (gpointer handle)
{
  g_mutex_lock (&slow.lock);
  slow.closes++;
  slow.closed_ever++;
  slow.close_thread = g_thread_self ();
  g_cond_broadcast (&slow.cond);
  g_mutex_unlock (&slow.lock);
}

static gboolean
slow_gate_is_open (gpointer data)
{
  return slow.gate_open;
}

static void
slow_wait_gate (void)
{
  g_mutex_lock (&slow.lock);
  slow.entered++;
  g_cond_broadcast (&slow.cond);
  gvir_test_cond_wait_until (&slow.cond, &slow.lock, slow_gate_is_open, NULL,
                             "the test to let the slow driver's blocking query return");
  g_mutex_unlock (&slow.lock);
}

static void
slow_returned (void)
{
  g_mutex_lock (&slow.lock);
  slow.returned++;
  g_cond_broadcast (&slow.cond);
  g_mutex_unlock (&slow.lock);
}

static gboolean
slow_get_domain_info (gpointer handle, const char *uuid, GVirDriverDomainInfo *info,
                      GCancellable *cancellable, GError **error)
{
  gboolean ok = g_str_equal (uuid, TEST_UUID);

  slow_wait_gate ();
  if (ok)
    {
      info->state = GVIR_DRIVER_STATE_RUNNING;
      info->max_mem_kib = 8192;
      info->memory_kib = 2048;
      info->nr_virt_cpu = 2;
    }
  else
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND, "no domain with UUID '%s'", uuid);
  slow_returned ();
  return ok;
}

static gboolean
slow_get_domain_state (gpointer handle, const char *uuid, int *state, int *reason,
                       GCancellable *cancellable, GError **error)
{
  slow_wait_gate ();
  *state = GVIR_DRIVER_STATE_PAUSED;
  *reason = GVIR_DRIVER_PAUSED_USER;
  slow_returned ();
  return TRUE;
}

/* Keeps the query until the test answers it from a thread of its own, the
 * way a driver's reader thread would. */
static void
slow_get_domain_info_async (gpointer handle, const char *uuid, GCancellable *cancellable,
                            GVirDriverDomainInfoFunc done, gpointer user_data)
{
  PendingQuery *p = g_new0 (PendingQuery, 1);

  p->done = done;
  p->user_data = user_data;
  g_mutex_lock (&slow.lock);
  g_ptr_array_add (slow.pending, p);
  g_cond_broadcast (&slow.cond);
  g_mutex_unlock (&slow.lock);
}

static const GVirDriverDomainFuncs slow_domain_funcs = {
  .get_domain_info = slow_get_domain_info,
  .get_domain_state = slow_get_domain_state,
};

static const GVirDriver slow_funcs = {
  .name = "slow",
  .accepts = slow_accepts,
  .open = slow_open,
  .close = slow_close,
  .domain = &slow_domain_funcs,
};

static const GVirDriverDomainFuncs slow_async_domain_funcs = {
  .get_domain_info_async = slow_get_domain_info_async,
};

static const GVirDriver slow_async_funcs = {
  .name = "slowasync",
  .accepts = slow_async_accepts,
  .open = slow_open,
  .close = slow_close,
  .domain = &slow_async_domain_funcs,
};

static gboolean
slow_all_closed (gpointer data)
{
  return slow.closed_ever >= slow.opened_ever;
}

static GVirDriverConnection *
slow_connect (const char *uri, gboolean gate_open)
{
  g_autoptr(GError) error = NULL;
  GVirDriverConnection *conn;

  g_mutex_lock (&slow.lock);
  /* The previous test's connection may still be closing in a worker
   * thread (its last reference goes with the worker's last call): wait,
   * or its close would count as this test's. */
  gvir_test_cond_wait_until (&slow.cond, &slow.lock, slow_all_closed, NULL,
                             "the previous test's slow driver connection to close");
  slow.gate_open = gate_open;
  slow.entered = slow.returned = slow.closes = 0;
  slow.close_thread = NULL;
  if (slow.pending == NULL)
    slow.pending = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_set_size (slow.pending, 0);
  g_mutex_unlock (&slow.lock);

  conn = gvir_driver_connection_open (uri, FALSE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (conn);
  return conn;
}

static void
slow_open_gate (void)
{
  g_mutex_lock (&slow.lock);
  slow.gate_open = TRUE;
  g_cond_broadcast (&slow.cond);
  g_mutex_unlock (&slow.lock);
}

typedef struct
{
  const guint *counter;
  guint n;
} SlowTarget;

static gboolean
slow_counter_reached (gpointer data)
{
  SlowTarget *t = data;

  return *t->counter >= t->n;
}

/* Waits until *counter (guarded by slow.lock) reaches @n; fails naming
 * @what after the bound. */
static void
slow_wait_for (const guint *counter, guint n, const char *what)
{
  SlowTarget t = { counter, n };

  g_mutex_lock (&slow.lock);
  gvir_test_cond_wait_until (&slow.cond, &slow.lock, slow_counter_reached, &t, what);
  g_mutex_unlock (&slow.lock);
}

static gboolean
slow_pending_reached (gpointer data)
{
  return slow.pending->len >= GPOINTER_TO_UINT (data);
}

static void
slow_wait_pending (guint n)
{
  g_autofree char *what = g_strdup_printf ("%u queries to reach the slowasync driver", n);

  g_mutex_lock (&slow.lock);
  gvir_test_cond_wait_until (&slow.cond, &slow.lock, slow_pending_reached, GUINT_TO_POINTER (n),
                             what);
  g_mutex_unlock (&slow.lock);
}

/* Answers every kept query from a new thread; returns that thread. */
static gpointer
answer_pending_thread (gpointer data)
{
  g_autoptr(GPtrArray) pending = NULL;
  GVirDriverDomainInfo info = { .state = GVIR_DRIVER_STATE_RUNNING, .max_mem_kib = 1 };
  guint i;

  g_mutex_lock (&slow.lock);
  pending = g_steal_pointer (&slow.pending);
  slow.pending = g_ptr_array_new_with_free_func (g_free);
  g_mutex_unlock (&slow.lock);

  for (i = 0; i < pending->len; i++)
    {
      PendingQuery *p = pending->pdata[i];

      p->done (&info, NULL, p->user_data);
    }
  return g_thread_self ();
}

/* ---- the built-in test driver: answered inline ----------------------------- */

static void
test_test_driver_inline (void)
{
  g_autoptr(GVirDriverConnection) conn = NULL;
  g_autoptr(GError) error = NULL;
  GVirDriverDomainInfo sync_info;
  int sync_state, sync_reason;
  Answers *a = answers_new (2);

  conn = gvir_driver_connection_open ("test:///default", FALSE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (gvir_driver_connection_get_domain_info (conn, TEST_UUID, &sync_info, NULL, &error));
  g_assert_true (gvir_driver_connection_get_domain_state (conn, TEST_UUID, &sync_state,
                                                          &sync_reason, NULL, &error));

  gvir_driver_connection_get_domain_info_async (conn, TEST_UUID, NULL, answer_info, &a->slots[0]);
  /* The test driver never blocks: the answer is there before the call returns. */
  g_assert_cmpuint (answers_count (a), ==, 1);
  gvir_driver_connection_get_domain_state_async (conn, TEST_UUID, NULL, answer_state, &a->slots[1]);
  g_assert_cmpuint (answers_count (a), ==, 2);

  g_assert_no_error (a->slots[0].error);
  g_assert_true (a->slots[0].has_info);
  g_assert_true (a->slots[0].thread == g_thread_self ());
  g_assert_cmpint (a->slots[0].info.state, ==, sync_info.state);
  g_assert_cmpuint (a->slots[0].info.max_mem_kib, ==, sync_info.max_mem_kib);
  g_assert_cmpuint (a->slots[0].info.memory_kib, ==, sync_info.memory_kib);
  g_assert_cmpuint (a->slots[0].info.nr_virt_cpu, ==, sync_info.nr_virt_cpu);
  g_assert_no_error (a->slots[1].error);
  g_assert_cmpint (a->slots[1].state, ==, sync_state);
  g_assert_cmpint (a->slots[1].reason, ==, sync_reason);
  g_assert_cmpint (a->slots[1].state, ==, GVIR_DRIVER_STATE_RUNNING);
  answers_free (a);
}

static void
test_test_driver_errors (void)
{
  g_autoptr(GVirDriverConnection) conn = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) sync_error = NULL;
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  GVirDriverDomainInfo info;
  Answers *a = answers_new (5);
  guint i;

  conn = gvir_driver_connection_open ("test:///default", FALSE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (gvir_driver_connection_get_domain_info (conn, MISSING_UUID, &info, NULL,
                                                          &sync_error));

  gvir_driver_connection_get_domain_info_async (conn, MISSING_UUID, NULL, answer_info, &a->slots[0]);
  gvir_driver_connection_get_domain_info_async (conn, NULL, NULL, answer_info, &a->slots[1]);
  g_cancellable_cancel (cancelled);
  gvir_driver_connection_get_domain_state_async (conn, TEST_UUID, cancelled, answer_state,
                                                 &a->slots[2]);
  gvir_driver_connection_close (conn);
  gvir_driver_connection_get_domain_info_async (conn, TEST_UUID, NULL, answer_info, &a->slots[3]);
  gvir_driver_connection_get_domain_state_async (conn, TEST_UUID, NULL, answer_state, &a->slots[4]);

  /* All of them fail before the call returns. */
  g_assert_cmpuint (answers_count (a), ==, 5);
  g_assert_error (a->slots[0].error, sync_error->domain, sync_error->code);
  g_assert_error (a->slots[0].error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
  g_assert_cmpstr (a->slots[0].error->message, ==, sync_error->message);
  g_assert_cmpstr (a->slots[0].error->message, ==, "no domain with UUID '" MISSING_UUID "'");
  g_assert_error (a->slots[1].error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_assert_cmpstr (a->slots[1].error->message, ==, "cannot get domain info: no domain UUID given");
  g_assert_error (a->slots[2].error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (a->slots[2].state, ==, GVIR_DRIVER_STATE_NOSTATE);
  g_assert_error (a->slots[3].error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  g_assert_cmpstr (a->slots[3].error->message, ==, "cannot get domain info: the connection is closed");
  g_assert_error (a->slots[4].error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  g_assert_cmpstr (a->slots[4].error->message, ==,
                   "cannot get domain state: the connection is closed");
  for (i = 0; i < a->n_slots; i++)
    g_assert_cmpuint (a->slots[i].times, ==, 1);
  answers_free (a);
}

/* ---- drivers without an async slot: a worker thread ---------------------- */

static void
test_fallback_many (void)
{
  g_autoptr(GVirDriverConnection) conn = slow_connect ("slow:///x", TRUE);
  Answers *a = answers_new (2 * MANY);
  guint i;

  for (i = 0; i < MANY; i++)
    {
      gvir_driver_connection_get_domain_info_async (conn, TEST_UUID, NULL, answer_info,
                                                    &a->slots[2 * i]);
      gvir_driver_connection_get_domain_state_async (conn, TEST_UUID, NULL, answer_state,
                                                     &a->slots[2 * i + 1]);
    }
  answers_wait_for (a, 2 * MANY, "the answers to 64 info and 64 state queries");
  for (i = 0; i < MANY; i++)
    {
      AnswerSlot *info = &a->slots[2 * i], *state = &a->slots[2 * i + 1];

      g_assert_cmpuint (info->times, ==, 1);
      g_assert_no_error (info->error);
      g_assert_true (info->thread != g_thread_self ());
      g_assert_cmpuint (info->info.max_mem_kib, ==, 8192);
      g_assert_cmpuint (info->info.nr_virt_cpu, ==, 2);
      g_assert_cmpuint (state->times, ==, 1);
      g_assert_no_error (state->error);
      g_assert_cmpint (state->state, ==, GVIR_DRIVER_STATE_PAUSED);
      g_assert_cmpint (state->reason, ==, GVIR_DRIVER_PAUSED_USER);
    }
  answers_free (a);
}

static void
test_fallback_error (void)
{
  g_autoptr(GVirDriverConnection) conn = slow_connect ("slow:///x", TRUE);
  Answers *a = answers_new (1);

  gvir_driver_connection_get_domain_info_async (conn, MISSING_UUID, NULL, answer_info, &a->slots[0]);
  answers_wait_for (a, 1, "the answer to an info query for a missing domain");
  g_assert_error (a->slots[0].error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
  g_assert_cmpstr (a->slots[0].error->message, ==, "no domain with UUID '" MISSING_UUID "'");
  g_assert_false (a->slots[0].has_info);
  answers_free (a);
}

/* Cancelling answers at once, while the driver still works on the call;
 * the driver's late answer is dropped. */
static void
test_fallback_cancel (void)
{
  g_autoptr(GVirDriverConnection) conn = slow_connect ("slow:///x", FALSE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Answers *a = answers_new (2);

  gvir_driver_connection_get_domain_info_async (conn, TEST_UUID, cancellable, answer_info,
                                                &a->slots[0]);
  gvir_driver_connection_get_domain_state_async (conn, TEST_UUID, NULL, answer_state,
                                                 &a->slots[1]);
  slow_wait_for (&slow.entered, 2, "both queries to enter the slow driver");
  g_assert_cmpuint (answers_count (a), ==, 0);

  g_cancellable_cancel (cancellable);
  g_assert_cmpuint (answers_count (a), ==, 1);
  g_assert_error (a->slots[0].error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (a->slots[0].thread == g_thread_self ());

  slow_open_gate ();
  answers_wait_for (a, 2, "the state query's answer once the gate opened");
  slow_wait_for (&slow.returned, 2, "both queries to return from the slow driver");
  g_assert_no_error (a->slots[1].error);
  /* Its late answer came and went without a second call. */
  gvir_driver_connection_close (conn);
  slow_wait_for (&slow.closes, 1, "the slow driver to close");
  g_assert_cmpuint (a->slots[0].times, ==, 1);
  g_assert_error (a->slots[0].error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  answers_free (a);
}

/* Closing with a query in flight: later calls fail, the query still gets
 * its answer, and the driver closes only after that. */
static void
test_fallback_close_while_pending (void)
{
  GVirDriverConnection *conn = slow_connect ("slow:///x", FALSE);
  Answers *a = answers_new (2);

  gvir_driver_connection_get_domain_info_async (conn, TEST_UUID, NULL, answer_info, &a->slots[0]);
  slow_wait_for (&slow.entered, 1, "the info query to enter the slow driver");
  gvir_driver_connection_close (conn);
  gvir_driver_connection_get_domain_info_async (conn, TEST_UUID, NULL, answer_info, &a->slots[1]);
  g_assert_cmpuint (answers_count (a), ==, 1);
  g_assert_error (a->slots[1].error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  g_assert_cmpstr (a->slots[1].error->message, ==, "cannot get domain info: the connection is closed");
  gvir_driver_connection_unref (conn);

  g_mutex_lock (&slow.lock);
  g_assert_cmpuint (slow.closes, ==, 0);
  g_mutex_unlock (&slow.lock);

  slow_open_gate ();
  answers_wait_for (a, 2, "the in-flight query's answer after close");
  slow_wait_for (&slow.closes, 1, "the slow driver to close after its last query");
  g_assert_no_error (a->slots[0].error);
  g_assert_cmpuint (a->slots[0].info.max_mem_kib, ==, 8192);
  g_assert_cmpuint (a->slots[0].times, ==, 1);
  answers_free (a);
}

/* ---- drivers with an async slot ------------------------------------------ */

/* The answer comes from the driver's own thread. When it is the one that
 * lets the driver close (the connection was closed, or dropped, meanwhile),
 * close() must run elsewhere: a real driver joins that thread in close(). */
static void
check_close_after_driver_answer (gboolean drop_last_ref)
{
  GVirDriverConnection *conn = slow_connect ("slowasync:///x", TRUE);
  Answers *a = answers_new (MANY);
  GVirTestThread *answerer;
  GThread *answer_thread;
  guint i;

  g_assert_cmpstr (gvir_driver_connection_get_driver_name (conn), ==, "slowasync");
  for (i = 0; i < MANY; i++)
    gvir_driver_connection_get_domain_info_async (conn, TEST_UUID, NULL, answer_info,
                                                  &a->slots[i]);
  slow_wait_pending (MANY);
  g_assert_cmpuint (answers_count (a), ==, 0);

  if (drop_last_ref)
    gvir_driver_connection_unref (conn);
  else
    gvir_driver_connection_close (conn);
  g_mutex_lock (&slow.lock);
  g_assert_cmpuint (slow.closes, ==, 0);
  g_mutex_unlock (&slow.lock);

  answerer = gvir_test_thread_new ("answerer", answer_pending_thread, NULL);
  answer_thread = gvir_test_thread_join (answerer, "the answerer thread to answer every kept query");
  answers_wait_for (a, MANY, "the answers to 64 kept info queries");
  slow_wait_for (&slow.closes, 1, "the slowasync driver to close after its answers");
  g_assert_true (slow.close_thread != answer_thread);
  for (i = 0; i < MANY; i++)
    {
      g_assert_cmpuint (a->slots[i].times, ==, 1);
      g_assert_no_error (a->slots[i].error);
      g_assert_true (a->slots[i].thread == answer_thread);
    }
  if (!drop_last_ref)
    gvir_driver_connection_unref (conn);
  answers_free (a);
}

static void
test_slot_close_while_pending (void)
{
  check_close_after_driver_answer (FALSE);
}

static void
test_slot_last_ref_while_pending (void)
{
  check_close_after_driver_answer (TRUE);
}

/* A cancelled query answers at once, and the driver is told nothing more;
 * its answer later changes nothing. */
static void
test_slot_cancel (void)
{
  g_autoptr(GVirDriverConnection) conn = slow_connect ("slowasync:///x", TRUE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Answers *a = answers_new (1);
  GVirTestThread *answerer;

  gvir_driver_connection_get_domain_info_async (conn, TEST_UUID, cancellable, answer_info,
                                                &a->slots[0]);
  slow_wait_pending (1);
  g_cancellable_cancel (cancellable);
  g_assert_cmpuint (answers_count (a), ==, 1);
  g_assert_error (a->slots[0].error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  answerer = gvir_test_thread_new ("answerer", answer_pending_thread, NULL);
  gvir_test_thread_join (answerer, "the answerer thread to answer the cancelled query");
  g_assert_cmpuint (a->slots[0].times, ==, 1);
  g_assert_error (a->slots[0].error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  answers_free (a);
}

/* The state query has no async slot here: the blocking slot is missing
 * too, so the driver does not support it. */
static void
test_slot_not_supported (void)
{
  g_autoptr(GVirDriverConnection) conn = slow_connect ("slowasync:///x", TRUE);
  Answers *a = answers_new (1);

  gvir_driver_connection_get_domain_state_async (conn, TEST_UUID, NULL, answer_state, &a->slots[0]);
  g_assert_cmpuint (answers_count (a), ==, 1);
  g_assert_error (a->slots[0].error, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED);
  g_assert_cmpstr (a->slots[0].error->message, ==,
                   "operation 'get domain state' is not supported by the 'slowasync' driver");
  answers_free (a);
}

int
main (int argc, char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  g_mutex_init (&slow.lock);
  g_cond_init (&slow.cond);
  gvir_driver_register (&slow_async_funcs);
  gvir_driver_register (&slow_funcs);

  g_test_add_func ("/drivers/async/test-driver/inline", test_test_driver_inline);
  g_test_add_func ("/drivers/async/test-driver/errors", test_test_driver_errors);
  g_test_add_func ("/drivers/async/fallback/many", test_fallback_many);
  g_test_add_func ("/drivers/async/fallback/error", test_fallback_error);
  g_test_add_func ("/drivers/async/fallback/cancel", test_fallback_cancel);
  g_test_add_func ("/drivers/async/fallback/close-while-pending", test_fallback_close_while_pending);
  g_test_add_func ("/drivers/async/slot/close-while-pending", test_slot_close_while_pending);
  g_test_add_func ("/drivers/async/slot/last-ref-while-pending", test_slot_last_ref_while_pending);
  g_test_add_func ("/drivers/async/slot/cancel", test_slot_cancel);
  g_test_add_func ("/drivers/async/slot/not-supported", test_slot_not_supported);

  ret = g_test_run ();
  g_clear_pointer (&slow.pending, g_ptr_array_unref);
  return ret;
}
