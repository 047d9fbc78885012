/*
 * test-gobject-domain.c: GVirDomain against test:///default
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include "test-gobject-common.h"

typedef struct
{
  GVirConnection *conn;
  GVirDomain *dom;
  Recorder rec;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->conn = open_test_connection ();
  f->dom = fetch_test_domain (f->conn);
  /* Let the signals of the setup itself go by unrecorded. */
  spin_idle (NULL);
  recorder_watch_connection (&f->rec, f->conn);
  recorder_watch_domain (&f->rec, f->dom);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  close_and_finalize (f->conn);
  assert_finalized_soon (f->dom);
}

static void
assert_state (GVirDomain *dom, GVirDomainState state, guint reason)
{
  g_autoptr(GError) error = NULL;
  guint got_reason = 999;

  g_assert_cmpint (gvir_domain_get_state (dom, &got_reason, &error), ==, state);
  g_assert_no_error (error);
  g_assert_cmpuint (got_reason, ==, reason);
}

static void
test_lifecycle_sync (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint old_id, new_id;

  old_id = gvir_domain_get_id (f->dom, &error);
  g_assert_no_error (error);
  g_assert_cmpint (old_id, ==, 1);
  assert_state (f->dom, GVIR_DOMAIN_STATE_RUNNING, 0);

  g_assert_true (gvir_domain_suspend (f->dom, &error));
  g_assert_no_error (error);
  spin_until (NULL, &f->rec.suspended_paused, 1);
  assert_state (f->dom, GVIR_DOMAIN_STATE_PAUSED, 1);

  /* Suspending twice is refused with a state error. */
  g_assert_false (gvir_domain_suspend (f->dom, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
  g_clear_error (&error);

  g_assert_true (gvir_domain_resume (f->dom, &error));
  g_assert_no_error (error);
  spin_until (NULL, &f->rec.resumed_unpaused, 1);
  assert_state (f->dom, GVIR_DOMAIN_STATE_RUNNING, 5);

  g_assert_true (gvir_domain_stop (f->dom, 0, &error));
  g_assert_no_error (error);
  spin_until (NULL, &f->rec.stopped_destroyed, 1);
  assert_state (f->dom, GVIR_DOMAIN_STATE_SHUTOFF, 2);
  g_assert_cmpint (gvir_domain_get_id (f->dom, &error), ==, -1);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
  g_clear_error (&error);
  /* Persistent: still in the cache. */
  spin_idle (NULL);
  g_assert_cmpuint (f->rec.removed, ==, 0);

  g_assert_true (gvir_domain_start (f->dom, 0, &error));
  g_assert_no_error (error);
  spin_until (NULL, &f->rec.started_booted, 1);
  assert_state (f->dom, GVIR_DOMAIN_STATE_RUNNING, 1);
  new_id = gvir_domain_get_id (f->dom, &error);
  g_assert_no_error (error);
  g_assert_cmpint (new_id, >, old_id);
  {
    g_autoptr(GVirDomain) by_id = gvir_connection_find_domain_by_id (f->conn, new_id);
    g_assert_true (by_id == f->dom);
  }

  g_assert_false (gvir_domain_get_saved (f->dom));
  g_assert_true (gvir_domain_save (f->dom, 0, &error));
  g_assert_no_error (error);
  spin_until (NULL, &f->rec.stopped_saved, 1);
  assert_state (f->dom, GVIR_DOMAIN_STATE_SHUTOFF, 5);
  g_assert_true (gvir_domain_get_saved (f->dom));

  g_assert_true (gvir_domain_start (f->dom, 0, &error));
  g_assert_no_error (error);
  spin_until (NULL, &f->rec.started_restored, 1);
  assert_state (f->dom, GVIR_DOMAIN_STATE_RUNNING, 3);
  g_assert_false (gvir_domain_get_saved (f->dom));
  g_assert_true (f->rec.thread == g_thread_self ());
}

typedef gboolean (*FinishFunc) (GVirDomain *dom, GAsyncResult *result, GError **error);

static void
finish_ok (GVirDomain *dom, AsyncWait *wait, FinishFunc finish)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = async_wait_finish (wait);

  g_assert_true (finish (dom, result, &error));
  g_assert_no_error (error);
}

static void
test_lifecycle_async (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) id_result = NULL;
  g_autoptr(GAsyncResult) state_result = NULL;
  AsyncWait wait = { 0 };
  guint reason = 0;

  gvir_domain_suspend_async (f->dom, NULL, async_wait_cb, &wait);
  finish_ok (f->dom, &wait, gvir_domain_suspend_finish);
  spin_until (NULL, &f->rec.suspended_paused, 1);

  gvir_domain_resume_async (f->dom, NULL, async_wait_cb, &wait);
  finish_ok (f->dom, &wait, gvir_domain_resume_finish);
  spin_until (NULL, &f->rec.resumed_unpaused, 1);

  gvir_domain_stop_async (f->dom, 0, NULL, async_wait_cb, &wait);
  finish_ok (f->dom, &wait, gvir_domain_stop_finish);
  spin_until (NULL, &f->rec.stopped_destroyed, 1);

  gvir_domain_start_async (f->dom, 0, NULL, async_wait_cb, &wait);
  finish_ok (f->dom, &wait, gvir_domain_start_finish);
  spin_until (NULL, &f->rec.started_booted, 1);

  gvir_domain_get_id_async (f->dom, NULL, async_wait_cb, &wait);
  id_result = async_wait_finish (&wait);
  g_assert_cmpint (gvir_domain_get_id_finish (f->dom, id_result, &error), >, 1);
  g_assert_no_error (error);

  gvir_domain_save_async (f->dom, 0, NULL, async_wait_cb, &wait);
  finish_ok (f->dom, &wait, gvir_domain_save_finish);
  spin_until (NULL, &f->rec.stopped_saved, 1);
  g_assert_true (gvir_domain_get_saved (f->dom));

  gvir_domain_start_async (f->dom, 0, NULL, async_wait_cb, &wait);
  finish_ok (f->dom, &wait, gvir_domain_start_finish);
  spin_until (NULL, &f->rec.started_restored, 1);

  gvir_domain_get_state_async (f->dom, NULL, async_wait_cb, &wait);
  state_result = async_wait_finish (&wait);
  g_assert_cmpint (gvir_domain_get_state_finish (f->dom, state_result, &reason, &error), ==,
                   GVIR_DOMAIN_STATE_RUNNING);
  g_assert_no_error (error);
  g_assert_cmpuint (reason, ==, 3);
}

static void
test_async_errors (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) cancelled_result = NULL;
  AsyncWait wait = { 0 };

  /* A state error travels through the async path intact. */
  gvir_domain_resume_async (f->dom, NULL, async_wait_cb, &wait);
  result = async_wait_finish (&wait);
  g_assert_false (gvir_domain_resume_finish (f->dom, result, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
  g_clear_error (&error);

  g_cancellable_cancel (cancellable);
  gvir_domain_stop_async (f->dom, 0, cancellable, async_wait_cb, &wait);
  cancelled_result = async_wait_finish (&wait);
  g_assert_false (gvir_domain_stop_finish (f->dom, cancelled_result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  assert_state (f->dom, GVIR_DOMAIN_STATE_RUNNING, 0);
}

static void
test_info (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDomainInfo) info = NULL;
  g_autoptr(GVirDomainInfo) copy = NULL;
  g_autoptr(GVirDomainInfo) async_info = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  AsyncWait wait = { 0 };

  info = gvir_domain_get_info (f->dom, &error);
  g_assert_no_error (error);
  g_assert_nonnull (info);
  g_assert_cmpint (info->state, ==, GVIR_DOMAIN_STATE_RUNNING);
  g_assert_cmpuint (info->max_mem, ==, 8388608);
  g_assert_cmpuint (info->memory, ==, 2097152);
  g_assert_cmpuint (info->nr_virt_cpu, ==, 2);
  /* libvirt-glib's field names still compile and alias the new ones. */
  g_assert_cmpuint (info->maxMem, ==, info->max_mem);
  g_assert_cmpuint (info->nrVirtCpu, ==, info->nr_virt_cpu);
  g_assert_cmpuint (info->cpuTime, ==, info->cpu_time);

  copy = g_boxed_copy (GVIR_TYPE_DOMAIN_INFO, info);
  g_assert_cmpmem (copy, sizeof (GVirDomainInfo), info, sizeof (GVirDomainInfo));

  gvir_domain_get_info_async (f->dom, NULL, async_wait_cb, &wait);
  result = async_wait_finish (&wait);
  async_info = gvir_domain_get_info_finish (f->dom, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (async_info->nr_virt_cpu, ==, 2);
}

/* ---- get_info / get_state without worker threads -------------------------- */

#define MANY_QUERIES 64

typedef struct
{
  GMainContext *context;    /* where the callbacks must run */
  GThread *thread;
  guint done;
  guint wrong_context;
  guint failed;
  GVirDomainState state;
  guint64 max_mem;
} QueryCount;

static void
query_info_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  QueryCount *q = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDomainInfo) info = gvir_domain_get_info_finish (GVIR_DOMAIN (source), result, &error);

  if (!g_main_context_is_owner (q->context) || g_thread_self () != q->thread)
    q->wrong_context++;
  if (info == NULL)
    q->failed++;
  else
    q->max_mem = info->max_mem;
  q->done++;
}

static void
query_state_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  QueryCount *q = data;
  g_autoptr(GError) error = NULL;
  guint reason = 99;

  q->state = gvir_domain_get_state_finish (GVIR_DOMAIN (source), result, &reason, &error);
  if (!g_main_context_is_owner (q->context) || g_thread_self () != q->thread)
    q->wrong_context++;
  if (error != NULL || reason == 99)
    q->failed++;
  q->done++;
}

/* Issues many queries in the thread-default context of the calling thread
 * and checks that every callback ran there, none before the call returned. */
static void
run_many_queries (GVirDomain *dom, QueryCount *q)
{
  guint i;

  q->context = g_main_context_ref_thread_default ();
  q->thread = g_thread_self ();
  for (i = 0; i < MANY_QUERIES; i++)
    {
      gvir_domain_get_info_async (dom, NULL, query_info_cb, q);
      gvir_domain_get_state_async (dom, NULL, query_state_cb, q);
      g_assert_cmpuint (q->done, ==, 0);
    }
  spin_until (q->context, &q->done, 2 * MANY_QUERIES);
  g_main_context_unref (q->context);
}

static void
test_query_async_many (Fixture *f, gconstpointer data)
{
  QueryCount q = { 0 };

  run_many_queries (f->dom, &q);
  g_assert_cmpuint (q.done, ==, 2 * MANY_QUERIES);
  g_assert_cmpuint (q.failed, ==, 0);
  g_assert_cmpuint (q.wrong_context, ==, 0);
  g_assert_cmpint (q.state, ==, GVIR_DOMAIN_STATE_RUNNING);
  g_assert_cmpuint (q.max_mem, ==, 8388608);
}

static gpointer
queries_in_own_context (gpointer data)
{
  GVirDomain *dom = data;
  GMainContext *context = g_main_context_new ();
  QueryCount *q = g_new0 (QueryCount, 1);

  g_main_context_push_thread_default (context);
  run_many_queries (dom, q);
  g_main_context_pop_thread_default (context);
  g_main_context_unref (context);
  return q;
}

/* A thread with a context of its own gets its callbacks there, not in the
 * main context. */
static void
test_query_async_thread_context (Fixture *f, gconstpointer data)
{
  GThread *thread = g_thread_new ("queries", queries_in_own_context, f->dom);
  g_autofree QueryCount *q = g_thread_join (thread);

  g_assert_cmpuint (q->done, ==, 2 * MANY_QUERIES);
  g_assert_cmpuint (q->failed, ==, 0);
  g_assert_cmpuint (q->wrong_context, ==, 0);
}

static void
test_query_async_cancelled (Fixture *f, gconstpointer data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) info_result = NULL;
  g_autoptr(GAsyncResult) state_result = NULL;
  g_autoptr(GError) error = NULL;
  AsyncWait wait = { 0 };
  guint reason = 99;

  g_cancellable_cancel (cancellable);
  gvir_domain_get_info_async (f->dom, cancellable, async_wait_cb, &wait);
  info_result = async_wait_finish (&wait);
  g_assert_null (gvir_domain_get_info_finish (f->dom, info_result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  gvir_domain_get_state_async (f->dom, cancellable, async_wait_cb, &wait);
  state_result = async_wait_finish (&wait);
  g_assert_cmpint (gvir_domain_get_state_finish (f->dom, state_result, &reason, &error), ==,
                   GVIR_DOMAIN_STATE_NONE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (reason, ==, 0);
}

/* After the connection closed, the async queries fail like the blocking ones. */
static void
test_query_async_closed (Fixture *f, gconstpointer data)
{
  g_autoptr(GAsyncResult) info_result = NULL;
  g_autoptr(GAsyncResult) state_result = NULL;
  g_autoptr(GError) sync_error = NULL;
  g_autoptr(GError) error = NULL;
  AsyncWait wait = { 0 };

  gvir_connection_close (f->conn);
  g_assert_null (gvir_domain_get_info (f->dom, &sync_error));
  g_assert_nonnull (sync_error);

  gvir_domain_get_info_async (f->dom, NULL, async_wait_cb, &wait);
  info_result = async_wait_finish (&wait);
  g_assert_null (gvir_domain_get_info_finish (f->dom, info_result, &error));
  g_assert_error (error, sync_error->domain, sync_error->code);
  g_clear_error (&error);

  gvir_domain_get_state_async (f->dom, NULL, async_wait_cb, &wait);
  state_result = async_wait_finish (&wait);
  g_assert_cmpint (gvir_domain_get_state_finish (f->dom, state_result, NULL, &error), ==,
                   GVIR_DOMAIN_STATE_NONE);
  g_assert_error (error, sync_error->domain, sync_error->code);
}

static void
test_config_round_trip (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirConfigDomain) conf = NULL;
  g_autoptr(GVirConfigDomain) again = NULL;
  g_autoptr(GVirConfigDomain) other = make_domain_config ("test", "11111111-2222-3333-4444-000000000009");
  g_autoptr(GAsyncResult) result = NULL;
  AsyncWait wait = { 0 };

  conf = gvir_domain_get_config (f->dom, GVIR_DOMAIN_XML_INACTIVE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (conf);
  g_assert_cmpstr (gvir_config_domain_get_name (conf), ==, "test");
  g_assert_cmpstr (gvir_config_domain_get_uuid (conf), ==, TEST_DOMAIN_UUID);

  g_assert_true (gvir_domain_set_config (f->dom, conf, &error));
  g_assert_no_error (error);
  spin_until (NULL, &f->rec.updated, 1);

  gvir_domain_get_config_async (f->dom, 0, NULL, async_wait_cb, &wait);
  result = async_wait_finish (&wait);
  again = gvir_domain_get_config_finish (f->dom, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gvir_config_domain_get_name (again), ==, "test");

  /* A configuration of another domain must not be applied. */
  g_assert_false (gvir_domain_set_config (f->dom, other, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  spin_idle (NULL);
  g_assert_cmpuint (f->rec.added, ==, 0);
}

static void
test_enum_types (void)
{
  g_autoptr(GFlagsClass) start_flags = g_type_class_ref (GVIR_TYPE_DOMAIN_START_FLAGS);
  g_autoptr(GEnumClass) states = g_type_class_ref (GVIR_TYPE_DOMAIN_STATE);

  g_assert_true (G_TYPE_IS_FLAGS (GVIR_TYPE_DOMAIN_DELETE_FLAGS));
  g_assert_true (G_TYPE_IS_FLAGS (GVIR_TYPE_DOMAIN_XML_FLAGS));
  g_assert_true (G_TYPE_IS_FLAGS (GVIR_TYPE_DOMAIN_SHUTDOWN_FLAGS));
  g_assert_true (G_TYPE_IS_FLAGS (GVIR_TYPE_DOMAIN_REBOOT_FLAGS));
  g_assert_cmpuint (g_flags_get_first_value (start_flags, 8)->value, ==,
                    GVIR_DOMAIN_START_FORCE_BOOT);
  g_assert_cmpint (g_enum_get_value (states, 7)->value, ==, GVIR_DOMAIN_STATE_PMSUSPENDED);
  g_assert_cmpint (GVIR_DOMAIN_DELETE_KEEP_NVRAM, ==, 8);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  gvir_init_object (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/gvir/domain/lifecycle-sync", test_lifecycle_sync);
  ADD ("/gvir/domain/lifecycle-async", test_lifecycle_async);
  ADD ("/gvir/domain/async-errors", test_async_errors);
  ADD ("/gvir/domain/info", test_info);
  ADD ("/gvir/domain/query-async/many", test_query_async_many);
  ADD ("/gvir/domain/query-async/thread-context", test_query_async_thread_context);
  ADD ("/gvir/domain/query-async/cancelled", test_query_async_cancelled);
  ADD ("/gvir/domain/query-async/closed", test_query_async_closed);
  ADD ("/gvir/domain/config-round-trip", test_config_round_trip);
  g_test_add_func ("/gvir/domain/enum-types", test_enum_types);

  return g_test_run ();
}
