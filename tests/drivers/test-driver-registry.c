/*
 * test-driver-registry.c: driver registry, connection life cycle, dispatch
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
#include <glib/gstdio.h>

#include "driver-test-utils.h"
#include "gvir-test-wait.h"

/* ---- a fake driver with one slow call and most slots empty ---------------- */

typedef struct
{
  GMutex lock;
  GCond cond;
  gboolean call_entered;
  gboolean gate_open;
  gint closes;            /* atomic */
  GVirDriverConnection *conn;
} FakeState;

static FakeState fake;

static gboolean
fake_accepts (const GVirDriverUri *uri)
{
  return g_str_equal (uri->driver, "fake");
}

static gpointer
fake_open (GVirDriverConnection *conn, GCancellable *cancellable, GError **error)
{
  if (g_str_equal (gvir_driver_connection_get_uri (conn)->path, "/fail"))
    {
      g_set_error_literal (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_FAILED, "fake failure");
      return NULL;
    }
  fake.conn = conn;
  return &fake;
}

static void
fake_close (gpointer handle)
{
  g_atomic_int_inc (&fake.closes);
}

static gboolean
fake_gate_is_open (gpointer data)
{
  return fake.gate_open;
}

static gboolean
fake_call_has_entered (gpointer data)
{
  return fake.call_entered;
}

/* Blocks until the test opens the gate, to keep a call in flight. */
static char *
fake_get_type (gpointer handle, GCancellable *cancellable, GError **error)
{
  g_mutex_lock (&fake.lock);
  fake.call_entered = TRUE;
  g_cond_broadcast (&fake.cond);
  gvir_test_cond_wait_until (&fake.cond, &fake.lock, fake_gate_is_open, NULL,
                             "the test to let the fake driver's get_type call return");
  g_mutex_unlock (&fake.lock);
  return g_strdup ("FAKE");
}

static const GVirDriver fake_funcs = {
  .name = "fake",
  .accepts = fake_accepts,
  .open = fake_open,
  .close = fake_close,
  .get_type = fake_get_type,
};

static void
fake_reset (void)
{
  fake.call_entered = FALSE;
  fake.gate_open = TRUE;
  fake.closes = 0;
  fake.conn = NULL;
}

static GVirDriverConnection *
fake_connect (gboolean read_only, GVirDriverEventFunc func, gpointer data)
{
  g_autoptr(GError) error = NULL;
  GVirDriverConnection *conn;

  fake_reset ();
  conn = gvir_driver_connection_open ("fake:///x", read_only, func, data, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (conn);
  g_assert_cmpstr (gvir_driver_connection_get_driver_name (conn), ==, "fake");
  return conn;
}

/* ---- URI to driver ------------------------------------------------------- */

static void
test_no_driver (void)
{
  /* URIs with a transport or a host belong to the remote driver (see
   * test_remote_claims), and so do "/session" and "/system" (a daemon's
   * socket), so only other local URIs can lack a driver. */
  static const char *const uris[] = {
    "nosuch:///default",
    "qemu:///default",
    "nosuch:///",
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (uris); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GVirDriverConnection) conn = NULL;
      g_autofree char *quoted = g_strdup_printf ("'%s'", uris[i]);

      conn = gvir_driver_connection_open (uris[i], FALSE, NULL, NULL, NULL, &error);
      g_assert_null (conn);
      g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NO_DRIVER);
      g_assert_true (g_str_has_prefix (error->message, "no driver for URI "));
      g_assert_nonnull (strstr (error->message, quoted));
    }
}

/* A "+transport" always means the remote driver, even for a scheme that a
 * local driver claims; a socket that does not exist makes it fail quickly
 * without touching the network. */
static void
test_remote_claims (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gvir-registry-XXXXXX", NULL);
  g_autofree char *socket = g_build_filename (dir, "no-such-socket", NULL);
  static const char *const schemes[] = { "test", "fake" };
  gsize i;

  g_assert_nonnull (dir);
  for (i = 0; i < G_N_ELEMENTS (schemes); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GVirDriverConnection) conn = NULL;
      g_autofree char *uri = g_strdup_printf ("%s+unix:///default?socket=%s", schemes[i], socket);

      g_autofree char *expected = g_strdup_printf ("cannot connect to socket '%s': ", socket);

      conn = gvir_driver_connection_open (uri, FALSE, NULL, NULL, NULL, &error);
      g_assert_null (conn);
      g_assert_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_FAILED);
      g_assert_true (g_str_has_prefix (error->message, expected));
    }
  g_rmdir (dir);
}

static void
test_invalid_uri (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (gvir_driver_connection_open ("test:/default", FALSE, NULL, NULL, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_URI);
  g_assert_cmpstr (error->message, ==, "invalid URI 'test:/default': missing '://' after the scheme");
  g_clear_error (&error);
  g_assert_null (gvir_driver_connection_open (NULL, FALSE, NULL, NULL, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_URI);
  g_assert_cmpstr (error->message, ==, "invalid URI '': the URI is empty");
}

static void
test_test_needs_path (void)
{
  static const char *const uris[] = { "test://", "test:///", "test:///?x=1" };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (uris); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_null (gvir_driver_connection_open (uris[i], FALSE, NULL, NULL, NULL, &error));
      g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
      g_assert_nonnull (strstr (error->message, "supply a path or use test:///default"));
    }
}

static void
test_open_failure (void)
{
  g_autoptr(GError) error = NULL;

  fake_reset ();
  g_assert_null (gvir_driver_connection_open ("fake:///fail", FALSE, NULL, NULL, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_FAILED);
  g_assert_cmpstr (error->message, ==, "fake failure");
  g_assert_cmpint (g_atomic_int_get (&fake.closes), ==, 0);
}

static void
test_cancelled_open (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  g_cancellable_cancel (cancellable);
  g_assert_null (gvir_driver_connection_open ("test:///default", FALSE, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* ---- dispatch ------------------------------------------------------------- */

static void
test_not_supported (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDriverConnection) conn = fake_connect (FALSE, NULL, NULL);
  g_autofree char *host = NULL;
  GVirDriverNodeInfo info;

  host = gvir_driver_connection_get_hostname (conn, NULL, &error);
  g_assert_null (host);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED);
  g_assert_cmpstr (error->message, ==, "operation 'get hostname' is not supported by the 'fake' driver");
  g_clear_error (&error);

  g_assert_false (gvir_driver_connection_get_node_info (conn, &info, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED);
  g_assert_cmpstr (error->message, ==, "operation 'get node info' is not supported by the 'fake' driver");
  g_clear_error (&error);

  g_assert_false (gvir_driver_connection_start_domain (conn, "x", 0, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED);
  g_assert_cmpstr (error->message, ==, "operation 'start domain' is not supported by the 'fake' driver");
}

static void
test_read_only_first (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDriverConnection) conn = fake_connect (TRUE, NULL, NULL);

  /* A read-only connection refuses before the driver is even asked. */
  g_assert_false (gvir_driver_connection_suspend_domain (conn, "x", NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_READ_ONLY);
  g_assert_cmpstr (error->message, ==,
                   "operation 'suspend domain' forbidden: the connection is read-only");
}

static void
test_close_once (void)
{
  GVirDriverConnection *conn = fake_connect (FALSE, NULL, NULL);

  gvir_driver_connection_close (conn);
  gvir_driver_connection_close (conn);
  g_assert_cmpint (g_atomic_int_get (&fake.closes), ==, 1);
  gvir_driver_connection_unref (conn);
  g_assert_cmpint (g_atomic_int_get (&fake.closes), ==, 1);

  /* Dropping the last reference closes an open connection. */
  conn = fake_connect (FALSE, NULL, NULL);
  gvir_driver_connection_ref (conn);
  gvir_driver_connection_unref (conn);
  g_assert_cmpint (g_atomic_int_get (&fake.closes), ==, 0);
  gvir_driver_connection_unref (conn);
  g_assert_cmpint (g_atomic_int_get (&fake.closes), ==, 1);
}

static gpointer
slow_call (gpointer data)
{
  g_autoptr(GError) error = NULL;
  char *type = gvir_driver_connection_get_type (data, NULL, &error);

  g_assert_no_error (error);
  return type;
}

static void
test_close_waits_for_calls (void)
{
  g_autoptr(GError) error = NULL;
  GVirDriverConnection *conn = fake_connect (FALSE, NULL, NULL);
  g_autofree char *type = NULL;
  GVirTestThread *thread;

  fake.gate_open = FALSE;
  thread = gvir_test_thread_new ("slow", slow_call, conn);

  g_mutex_lock (&fake.lock);
  gvir_test_cond_wait_until (&fake.cond, &fake.lock, fake_call_has_entered, NULL,
                             "the get_type call to enter the fake driver");
  g_mutex_unlock (&fake.lock);

  /* The call is inside the driver: close() marks the connection closed
   * but leaves the driver handle alone. */
  gvir_driver_connection_close (conn);
  g_assert_true (gvir_driver_connection_is_closed (conn));
  g_assert_cmpint (g_atomic_int_get (&fake.closes), ==, 0);
  g_assert_null (gvir_driver_connection_get_type (conn, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  g_assert_cmpstr (error->message, ==, "cannot get type: the connection is closed");

  g_mutex_lock (&fake.lock);
  fake.gate_open = TRUE;
  g_cond_broadcast (&fake.cond);
  g_mutex_unlock (&fake.lock);

  type = gvir_test_thread_join (thread, "the get_type call to return once the gate opened");
  g_assert_cmpstr (type, ==, "FAKE");
  g_assert_cmpint (g_atomic_int_get (&fake.closes), ==, 1);
  gvir_driver_connection_unref (conn);
  g_assert_cmpint (g_atomic_int_get (&fake.closes), ==, 1);
}

static void
test_events_after_close (void)
{
  Recorder rec;
  GVirDriverConnection *conn;
  GVirDriverDomain dom = { (char *) "d", (char *) "6695eb01-f6a4-8304-79aa-97f2502e193f",
                           1, TRUE, GVIR_DRIVER_STATE_RUNNING, 0, FALSE };
  GVirDriverEvent event = {
    .kind = GVIR_DRIVER_EVENT_DOMAIN_LIFECYCLE,
    .domain = &dom,
    .event = GVIR_DRIVER_EVENT_STARTED,
    .detail = GVIR_DRIVER_STARTED_BOOTED,
  };

  recorder_init (&rec);
  conn = fake_connect (FALSE, recorder_func, &rec);
  gvir_driver_connection_emit_event (fake.conn, &event);
  recorder_expect (&rec, "d", GVIR_DRIVER_EVENT_STARTED, GVIR_DRIVER_STARTED_BOOTED);

  gvir_driver_connection_close (conn);
  gvir_driver_connection_emit_event (conn, &event);
  recorder_assert_empty (&rec);

  g_assert_true (gvir_driver_connection_try_ref (conn) == conn);
  gvir_driver_connection_unref (conn);
  gvir_driver_connection_unref (conn);
  recorder_clear (&rec);
}

static void
test_value_helpers (void)
{
  GVirDriverDomain dom = { (char *) "n", (char *) "u", 3, FALSE, GVIR_DRIVER_STATE_PAUSED, 1, TRUE };
  g_autoptr(GVirDriverDomain) copy = gvir_driver_domain_copy (&dom);
  GVirDriverNodeInfo info = { g_strdup ("m"), 1, 2, 3, 4, 5, 6, 7 };

  g_assert_cmpstr (copy->name, ==, "n");
  g_assert_cmpstr (copy->uuid, ==, "u");
  g_assert_cmpint (copy->id, ==, 3);
  g_assert_cmpint (copy->state, ==, GVIR_DRIVER_STATE_PAUSED);
  g_assert_true (copy->has_managed_save);
  gvir_driver_domain_free (NULL);

  gvir_driver_node_info_clear (&info);
  g_assert_null (info.model);
  g_assert_cmpuint (info.cpus, ==, 0);
  gvir_driver_node_info_clear (NULL);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_mutex_init (&fake.lock);
  g_cond_init (&fake.cond);
  gvir_driver_register (&fake_funcs);
  gvir_driver_register (&fake_funcs);

  g_test_add_func ("/drivers/registry/no-driver", test_no_driver);
  g_test_add_func ("/drivers/registry/remote-claims", test_remote_claims);
  g_test_add_func ("/drivers/registry/invalid-uri", test_invalid_uri);
  g_test_add_func ("/drivers/registry/test-needs-path", test_test_needs_path);
  g_test_add_func ("/drivers/registry/open-failure", test_open_failure);
  g_test_add_func ("/drivers/registry/cancelled-open", test_cancelled_open);
  g_test_add_func ("/drivers/dispatch/not-supported", test_not_supported);
  g_test_add_func ("/drivers/dispatch/read-only-first", test_read_only_first);
  g_test_add_func ("/drivers/connection/close-once", test_close_once);
  g_test_add_func ("/drivers/connection/close-waits-for-calls", test_close_waits_for_calls);
  g_test_add_func ("/drivers/connection/events-after-close", test_events_after_close);
  g_test_add_func ("/drivers/values", test_value_helpers);

  return g_test_run ();
}
