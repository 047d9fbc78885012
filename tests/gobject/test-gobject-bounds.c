/*
 * test-gobject-bounds.c: what a peer can make the public layer hold
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Names from the peer are owned by their domain and freed with it (never
 * interned for the life of the process); driver events waiting for a main
 * context that does not run are bounded per connection, and the cache is
 * right once the context runs; a save image is read only from a regular
 * file of bounded size, without blocking on a FIFO. Uses private API
 * (the internal static library).
 */
#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "test-gobject-common.h"
#include "libvirt-gobject/libvirt-gobject-connection-private.h"
#include "libvirt-gobject/libvirt-gobject-domain-private.h"

#define SAVE_IMAGE_MAX (64 * 1024 * 1024)

/* ---- names ----------------------------------------------------------------------- */

static char *
long_name (const char *prefix, guint i)
{
  g_autofree char *filler = g_strnfill (4000, 'n');

  return g_strdup_printf ("%s-%u-%s", prefix, i, filler);
}

/* Many domains with distinct long names, defined and deleted again: no
 * name is interned, each domain holds just its own name, and a deleted
 * domain is finalised with it. */
static void
test_names_not_interned (void)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GVirConnection) conn = NULL;
  g_autoptr(GError) error = NULL;

  g_main_context_push_thread_default (context);
  conn = open_test_connection ();
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *name = long_name ("bounds-interned", i);
      g_autofree char *uuid = g_strdup_printf ("5a5a5a5a-0000-4000-8000-%012u", i);
      g_autoptr(GVirConfigDomain) conf = make_domain_config (name, uuid);
      GVirDomain *dom = gvir_connection_create_domain (conn, conf, &error);

      g_assert_no_error (error);
      g_assert_nonnull (dom);
      g_assert_cmpstr (gvir_domain_get_name (dom), ==, name);
      g_assert_cmpuint (g_quark_try_string (name), ==, 0);
      g_assert_cmpuint (_gvir_domain_get_n_names (dom), ==, 1);

      g_assert_true (gvir_domain_delete (dom, 0, &error));
      g_assert_no_error (error);
      spin_idle (context);
      g_assert_null (gvir_connection_get_domain (conn, uuid));
      assert_finalized_soon (dom);
      g_assert_cmpuint (g_quark_try_string (name), ==, 0);
    }
  gvir_connection_close (conn);
  spin_idle (context);
  g_main_context_pop_thread_default (context);
}

/* A rename (as a remote peer may report; the test driver refuses one)
 * keeps the old name alive for pointers handed out before; an update that
 * does not change the name adds nothing; invalid UTF-8 is made valid. */
static void
test_rename_keeps_old_name (void)
{
  g_autoptr(GVirConnection) conn = gvir_connection_new (TEST_URI);
  GVirDriverDomain described = { .name = (char *) "bounds-before",
                                 .uuid = (char *) "5a5a5a5a-1111-4000-8000-000000000001",
                                 .id = -1, .persistent = TRUE };
  g_autoptr(GVirDomain) dom = _gvir_domain_new (conn, _gvir_connection_get_domain_cache (conn),
                                                &described);
  const char *before = gvir_domain_get_name (dom);

  g_assert_cmpstr (before, ==, "bounds-before");
  g_assert_cmpuint (_gvir_domain_get_n_names (dom), ==, 1);

  described.name = (char *) "bounds-after";
  _gvir_domain_update (dom, &described);
  g_assert_cmpstr (gvir_domain_get_name (dom), ==, "bounds-after");
  /* Still readable: freed only with the domain. */
  g_assert_cmpstr (before, ==, "bounds-before");
  g_assert_cmpuint (_gvir_domain_get_n_names (dom), ==, 2);

  for (guint i = 0; i < 100; i++)
    _gvir_domain_update (dom, &described);
  g_assert_cmpuint (_gvir_domain_get_n_names (dom), ==, 2);

  described.name = (char *) "bad-\xc3(";
  _gvir_domain_update (dom, &described);
  g_assert_cmpstr (gvir_domain_get_name (dom), ==, "bad-\xef\xbf\xbd(");
  g_assert_cmpuint (_gvir_domain_get_n_names (dom), ==, 3);
  g_assert_cmpuint (g_quark_try_string ("bounds-after"), ==, 0);
}

/* ---- the pending-event queue ------------------------------------------------------ */

typedef struct
{
  guint signals;
  char *last;
} LifecycleLog;

static void
on_lifecycle (GVirDomain *dom, gpointer data)
{
  LifecycleLog *log = data;
  GSignalInvocationHint *hint = g_signal_get_invocation_hint (dom);

  log->signals++;
  g_free (log->last);
  log->last = g_strdup (g_signal_name (hint->signal_id));
}

static gboolean
domain_in_cache (gpointer data)
{
  gpointer *args = data;
  g_autoptr(GVirDomain) dom = gvir_connection_get_domain (args[0], args[1]);

  return dom != NULL;
}

static gboolean
domain_left_cache (gpointer data)
{
  gpointer *args = data;
  g_autoptr(GVirDomain) dom = gvir_connection_get_domain (args[0], args[1]);

  return dom == NULL;
}

/* Far more events than the bound arrive for a connection whose context
 * does not run: the queue never holds more than the bound, and once the
 * context runs the cache is right even about a domain whose only events
 * were dropped (a transient domain that stopped, seen through another
 * connection), and the last signal is the last event's. */
static void
test_event_queue_bounded (void)
{
  g_autoptr(GMainContext) watched_context = g_main_context_new ();
  g_autoptr(GMainContext) acting_context = g_main_context_new ();
  g_autoptr(GVirConnection) watched = NULL;
  g_autoptr(GVirConnection) acting = NULL;
  g_autoptr(GVirConfigDomain) conf = make_domain_config ("bounds-transient",
                                                         "5a5a5a5a-2222-4000-8000-000000000001");
  g_autoptr(GVirDomain) transient = NULL;
  g_autoptr(GVirDomain) dom = NULL;
  g_autoptr(GVirDomain) watched_dom = NULL;
  g_autoptr(GVirDomain) watched_transient = NULL;
  g_autoptr(GError) error = NULL;
  guint max = _gvir_connection_get_pending_events_max ();
  guint rounds = 3 * max;
  LifecycleLog log = { 0 };
  Recorder rec = { 0 };
  gpointer args[2];

  g_assert_cmpuint (max, >=, 16);

  g_main_context_push_thread_default (acting_context);
  acting = open_test_connection ();
  dom = fetch_test_domain (acting);
  transient = gvir_connection_start_domain (acting, conf, 0, &error);
  g_assert_no_error (error);
  g_main_context_pop_thread_default (acting_context);

  g_main_context_push_thread_default (watched_context);
  watched = open_test_connection ();
  watched_dom = fetch_test_domain (watched);
  watched_transient = gvir_connection_get_domain (watched, "5a5a5a5a-2222-4000-8000-000000000001");
  g_assert_nonnull (watched_transient);
  g_clear_object (&watched_transient);
  rec.expected = watched_context;
  recorder_watch_connection (&rec, watched);
  g_signal_connect (watched_dom, "suspended", G_CALLBACK (on_lifecycle), &log);
  g_signal_connect (watched_dom, "resumed", G_CALLBACK (on_lifecycle), &log);
  g_main_context_pop_thread_default (watched_context);

  g_main_context_push_thread_default (acting_context);
  g_assert_true (gvir_domain_stop (transient, 0, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < rounds; i++)
    {
      g_assert_true (gvir_domain_suspend (dom, &error));
      g_assert_no_error (error);
      g_assert_true (gvir_domain_resume (dom, &error));
      g_assert_no_error (error);
    }
  gvir_connection_close (acting);
  spin_idle (acting_context);
  g_main_context_pop_thread_default (acting_context);

  /* Nothing ran in the watched context: the queue stopped at the bound. */
  g_assert_cmpuint (log.signals, ==, 0);
  g_assert_cmpuint (_gvir_connection_get_pending_events (watched), ==, max);
  g_assert_cmpuint (_gvir_connection_get_pending_events_high_water (watched), ==, max);

  g_main_context_push_thread_default (watched_context);
  g_test_expect_message ("Libvirt.GObject", G_LOG_LEVEL_WARNING, "*events dropped*");
  args[0] = watched;
  args[1] = (gpointer) "5a5a5a5a-2222-4000-8000-000000000001";
  gvir_test_spin_until (watched_context, domain_left_cache, args,
                        "the stopped transient domain to leave the watched cache");
  spin_until (watched_context, &rec.removed, 1, "domain-removed for the transient domain");
  spin_idle (watched_context);
  g_test_assert_expected_messages ();

  /* The kept events are the last ones, all of the test domain's. */
  g_assert_cmpuint (log.signals, ==, max);
  g_assert_cmpstr (log.last, ==, "resumed");
  g_assert_cmpuint (rec.removed, ==, 1);
  g_assert_cmpuint (_gvir_connection_get_pending_events (watched), ==, 0);
  g_assert_cmpuint (_gvir_connection_get_pending_events_high_water (watched), ==, max);
  assert_state (watched_dom, GVIR_DOMAIN_STATE_RUNNING, REASON_RUNNING_UNPAUSED);

  g_signal_handlers_disconnect_by_data (watched_dom, &log);
  g_signal_handlers_disconnect_by_data (watched, &rec);
  gvir_connection_close (watched);
  spin_idle (watched_context);
  g_main_context_pop_thread_default (watched_context);
  g_free (log.last);
}

/* Fewer events than the bound, but with long names: the queue stays
 * within its byte bound too, and the cache is right afterwards. */
static void
test_event_queue_bytes_bounded (void)
{
  g_autoptr(GMainContext) watched_context = g_main_context_new ();
  g_autoptr(GMainContext) acting_context = g_main_context_new ();
  g_autoptr(GVirConnection) watched = NULL;
  g_autoptr(GVirConnection) acting = NULL;
  g_autoptr(GError) error = NULL;
  gsize max_bytes = _gvir_connection_get_pending_events_max_bytes ();
  g_autofree char *filler = g_strnfill (48 * 1024, 'b');
  /* Twice the byte bound in define and delete events. */
  guint n = (guint) (max_bytes / (48 * 1024));
  g_autoptr(GVirDomain) kept = NULL;
  Recorder rec = { 0 };
  gpointer args[2];

  g_assert_cmpuint (2 * n, <, _gvir_connection_get_pending_events_max ());

  g_main_context_push_thread_default (watched_context);
  watched = open_test_connection ();
  g_assert_true (gvir_connection_fetch_domains (watched, NULL, &error));
  g_assert_no_error (error);
  rec.expected = watched_context;
  recorder_watch_connection (&rec, watched);
  g_main_context_pop_thread_default (watched_context);

  g_main_context_push_thread_default (acting_context);
  acting = open_test_connection ();
  for (guint i = 0; i <= n; i++)
    {
      g_autofree char *name = g_strdup_printf ("bounds-bytes-%u-%s", i, filler);
      g_autofree char *uuid = g_strdup_printf ("5a5a5a5a-4444-4000-8000-%012u", i);
      g_autoptr(GVirConfigDomain) conf = make_domain_config (name, uuid);
      g_autoptr(GVirDomain) dom = gvir_connection_create_domain (acting, conf, &error);

      g_assert_no_error (error);
      /* All but the last are deleted again. */
      if (i < n)
        {
          g_assert_true (gvir_domain_delete (dom, 0, &error));
          g_assert_no_error (error);
        }
    }
  gvir_connection_close (acting);
  spin_idle (acting_context);
  g_main_context_pop_thread_default (acting_context);

  g_assert_cmpuint (_gvir_connection_get_pending_bytes_high_water (watched), <=, max_bytes);
  g_assert_cmpuint (_gvir_connection_get_pending_events_high_water (watched), <, 2 * n);

  g_main_context_push_thread_default (watched_context);
  g_test_expect_message ("Libvirt.GObject", G_LOG_LEVEL_WARNING, "*events dropped*");
  args[0] = watched;
  args[1] = g_strdup_printf ("5a5a5a5a-4444-4000-8000-%012u", n);
  gvir_test_spin_until (watched_context, domain_in_cache, args,
                        "the last defined domain in the watched cache");
  spin_idle (watched_context);
  g_test_assert_expected_messages ();
  kept = gvir_connection_get_domain (watched, args[1]);
  g_assert_nonnull (kept);
  g_assert_true (g_str_has_prefix (gvir_domain_get_name (kept), "bounds-bytes-"));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *uuid = g_strdup_printf ("5a5a5a5a-4444-4000-8000-%012u", i);
      g_autoptr(GVirDomain) gone = gvir_connection_get_domain (watched, uuid);

      g_assert_null (gone);
    }

  g_assert_true (gvir_domain_delete (kept, 0, &error));
  g_assert_no_error (error);
  g_free (args[1]);
  g_signal_handlers_disconnect_by_data (watched, &rec);
  gvir_connection_close (watched);
  spin_idle (watched_context);
  g_main_context_pop_thread_default (watched_context);
}

static void
on_count (GVirDomain *dom, gpointer data)
{
  (*(guint *) data)++;
}

/* Events queued for a context that never ran are dropped by a close; after
 * reopening in another context, events are delivered there. */
static void
test_reopen_while_queued (void)
{
  g_autoptr(GMainContext) first = g_main_context_new ();
  g_autoptr(GMainContext) second = g_main_context_new ();
  g_autoptr(GVirConnection) watched = NULL;
  g_autoptr(GVirConnection) acting = NULL;
  g_autoptr(GVirDomain) dom = NULL;
  g_autoptr(GVirDomain) watched_dom = NULL;
  g_autoptr(GError) error = NULL;
  guint resumed = 0;

  acting = open_test_connection ();
  dom = fetch_test_domain (acting);

  g_main_context_push_thread_default (first);
  watched = open_test_connection ();
  g_main_context_pop_thread_default (first);
  g_assert_true (gvir_domain_suspend (dom, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (_gvir_connection_get_pending_events (watched), ==, 1);
  gvir_connection_close (watched);
  g_assert_cmpuint (_gvir_connection_get_pending_events (watched), ==, 0);

  g_main_context_push_thread_default (second);
  g_assert_true (gvir_connection_open (watched, NULL, &error));
  g_assert_no_error (error);
  watched_dom = fetch_test_domain (watched);
  g_signal_connect (watched_dom, "resumed", G_CALLBACK (on_count), &resumed);
  g_assert_true (gvir_domain_resume (dom, &error));
  g_assert_no_error (error);
  spin_until (second, &resumed, 1, "resumed after reopening in another context");
  g_signal_handlers_disconnect_by_data (watched_dom, &resumed);
  gvir_connection_close (watched);
  spin_idle (second);
  g_main_context_pop_thread_default (second);
  gvir_connection_close (acting);
  spin_idle (g_main_context_default ());
}

/* ---- restoring from files that are no save image -------------------------------- */

typedef struct
{
  GMainContext *context;
  GVirConnection *conn;
  char *dir;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->context = g_main_context_new ();
  g_main_context_push_thread_default (f->context);
  f->conn = open_test_connection ();
  f->dir = g_dir_make_tmp ("gvir-bounds-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *entry;

  while (dir != NULL && (entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, entry, NULL);

      if (g_rmdir (path) != 0)
        g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (f->dir), ==, 0);
  g_free (f->dir);
  close_and_finalize (f->conn);
  g_main_context_pop_thread_default (f->context);
  g_main_context_unref (f->context);
}

/* Restoring @path fails with INVALID_ARGUMENT naming @path and @why. */
static void
assert_restore_refused (Fixture *f, const char *path, const char *why)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (gvir_connection_restore_domain_from_file (f->conn, path, NULL, 0, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_test_message ("%s: %s", path, error->message);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, why));
}

static void
test_restore_dev_zero (Fixture *f, gconstpointer data)
{
  assert_restore_refused (f, "/dev/zero", "not a regular file");
}

static void
test_restore_directory (Fixture *f, gconstpointer data)
{
  assert_restore_refused (f, f->dir, "not a regular file");
}

static void
test_restore_fifo (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "fifo", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  AsyncWait wait = { 0 };

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  /* No writer: the blocking form returns at once. */
  assert_restore_refused (f, path, "not a regular file");

  /* Without a cancellable, the async form is refused the same way. */
  gvir_connection_restore_domain_from_file_async (f->conn, path, NULL, 0, NULL,
                                                  async_wait_cb, &wait);
  result = async_wait_finish (&wait, "gvir_connection_restore_domain_from_file_async on a FIFO");
  g_assert_false (gvir_connection_restore_domain_from_file_finish (f->conn, result, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "not a regular file"));
  g_clear_error (&error);
  g_clear_object (&result);

  /* Cancelled: reports the cancellation. */
  g_cancellable_cancel (cancellable);
  gvir_connection_restore_domain_from_file_async (f->conn, path, NULL, 0, cancellable,
                                                  async_wait_cb, &wait);
  result = async_wait_finish (&wait, "a cancelled gvir_connection_restore_domain_from_file_async");
  g_assert_false (gvir_connection_restore_domain_from_file_finish (f->conn, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_restore_too_large (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "huge", NULL);
  g_autofree char *at_limit = g_build_filename (f->dir, "at-limit", NULL);
  g_autoptr(GError) error = NULL;
  int fd;

  /* Sparse: no disk space used. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) SAVE_IMAGE_MAX + 1), ==, 0);
  g_assert_cmpint (close (fd), ==, 0);
  assert_restore_refused (f, path, "too large");

  /* At the limit it is read, and refused for what it holds. */
  fd = g_open (at_limit, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) SAVE_IMAGE_MAX), ==, 0);
  g_assert_cmpint (close (fd), ==, 0);
  g_assert_false (gvir_connection_restore_domain_from_file (f->conn, at_limit, NULL, 0, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "is not a save image"));
}

static void
test_restore_missing (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "missing", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (gvir_connection_restore_domain_from_file (f->conn, path, NULL, 0, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, path));
}

/* A real save image still restores. */
static void
test_restore_normal (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "saved", NULL);
  g_autoptr(GVirConfigDomain) conf = make_domain_config ("bounds-saved",
                                                         "5a5a5a5a-3333-4000-8000-000000000001");
  g_autoptr(GVirDomain) dom = NULL;
  g_autoptr(GError) error = NULL;

  dom = gvir_connection_start_domain (f->conn, conf, 0, &error);
  g_assert_no_error (error);
  g_assert_true (gvir_domain_save_to_file (dom, path, NULL, 0, &error));
  g_assert_no_error (error);
  /* Transient: saving it ended it. */
  spin_idle (f->context);
  g_assert_null (gvir_connection_get_domain (f->conn, "5a5a5a5a-3333-4000-8000-000000000001"));
  g_assert_true (gvir_connection_restore_domain_from_file (f->conn, path, NULL, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gvir_domain_get_name (dom), ==, "bounds-saved");
  assert_state (dom, GVIR_DOMAIN_STATE_RUNNING, REASON_RUNNING_RESTORED);
  g_assert_true (gvir_domain_stop (dom, 0, &error));
  g_assert_no_error (error);
  spin_idle (f->context);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gvir/bounds/names-not-interned", test_names_not_interned);
  g_test_add_func ("/gvir/bounds/rename-keeps-old-name", test_rename_keeps_old_name);
  g_test_add_func ("/gvir/bounds/event-queue", test_event_queue_bounded);
  g_test_add_func ("/gvir/bounds/event-queue-bytes", test_event_queue_bytes_bounded);
  g_test_add_func ("/gvir/bounds/reopen-while-queued", test_reopen_while_queued);
#define ADD(path, func) g_test_add ("/gvir/bounds/restore/" path, Fixture, NULL, setup, func, teardown)
  ADD ("dev-zero", test_restore_dev_zero);
  ADD ("directory", test_restore_directory);
  ADD ("fifo", test_restore_fifo);
  ADD ("too-large", test_restore_too_large);
  ADD ("missing", test_restore_missing);
  ADD ("normal", test_restore_normal);
#undef ADD

  return g_test_run ();
}
