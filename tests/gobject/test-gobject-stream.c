/*
 * test-gobject-stream.c: GVirStream and the domain calls that use it, on
 * the test driver
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
#include <sys/socket.h>
#include <unistd.h>

#include "test-gobject-common.h"

/* The test driver's screenshot: an 8x8 RGB PNG of 165 bytes. */
#define SCREENSHOT_SIZE 165
#define SCREENSHOT_SHA256 "248b07a3d0e1e0f67d43d18065be8f74434549c0fdde6b0bfc08a7835d41909f"
static const guint8 png_signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

/* Checks that @data is the test driver's screenshot, byte for byte. */
static void
assert_screenshot (const guint8 *data, gsize size)
{
  g_autofree char *sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, size);

  g_assert_cmpuint (size, ==, SCREENSHOT_SIZE);
  g_assert_cmpmem (data, sizeof png_signature, png_signature, sizeof png_signature);
  g_assert_cmpstr (sum, ==, SCREENSHOT_SHA256);
}

/* A stream on @conn with a screenshot of @dom attached. */
static GVirStream *
screenshot_stream (GVirConnection *conn, GVirDomain *dom)
{
  g_autoptr(GError) error = NULL;
  GVirStream *stream = gvir_connection_get_stream (conn, 0);
  g_autofree char *mime = NULL;

  g_assert_true (GVIR_IS_STREAM (stream));
  mime = gvir_domain_screenshot (dom, stream, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mime, ==, "image/png");
  return stream;
}

static gint
collect_sink (GVirStream *stream, const gchar *buf, gsize nbytes, gpointer user_data)
{
  g_byte_array_append (user_data, (const guint8 *) buf, nbytes);
  return nbytes;
}

static void
test_screenshot_receive_all (void)
{
  g_autoptr(GVirConnection) conn = open_test_connection ();
  g_autoptr(GVirDomain) dom = fetch_test_domain (conn);
  g_autoptr(GVirStream) stream = screenshot_stream (conn, dom);
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  gssize n;

  n = gvir_stream_receive_all (stream, NULL, collect_sink, data, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, SCREENSHOT_SIZE);
  assert_screenshot (data->data, data->len);
  g_assert_true (g_io_stream_close (G_IO_STREAM (stream), NULL, &error));
  g_assert_no_error (error);
  close_and_finalize (g_steal_pointer (&conn));
}

static void
test_screenshot_receive_pieces (void)
{
  g_autoptr(GVirConnection) conn = open_test_connection ();
  g_autoptr(GVirDomain) dom = fetch_test_domain (conn);
  g_autoptr(GVirStream) stream = screenshot_stream (conn, dom);
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  gchar piece[10];
  gssize n;
  guint pieces = 0;

  while ((n = gvir_stream_receive (stream, piece, sizeof piece, NULL, &error)) > 0)
    {
      g_byte_array_append (data, (const guint8 *) piece, n);
      pieces++;
    }
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 0);
  g_assert_cmpuint (pieces, ==, (SCREENSHOT_SIZE + 9) / 10);
  assert_screenshot (data->data, data->len);
  /* The end stays the end. */
  g_assert_cmpint (gvir_stream_receive (stream, piece, sizeof piece, NULL, &error), ==, 0);
  g_assert_no_error (error);
  close_and_finalize (g_steal_pointer (&conn));
}

static void
test_screenshot_input_stream (void)
{
  g_autoptr(GVirConnection) conn = open_test_connection ();
  g_autoptr(GVirDomain) dom = fetch_test_domain (conn);
  g_autoptr(GVirStream) stream = screenshot_stream (conn, dom);
  GInputStream *input = g_io_stream_get_input_stream (G_IO_STREAM (stream));
  g_autoptr(GError) error = NULL;
  guint8 buffer[SCREENSHOT_SIZE + 100];
  gsize n = 0;

  g_assert_true (G_IS_INPUT_STREAM (input));
  g_assert_true (g_io_stream_get_input_stream (G_IO_STREAM (stream)) == input);
  g_assert_true (g_input_stream_read_all (input, buffer, sizeof buffer, &n, NULL, &error));
  g_assert_no_error (error);
  assert_screenshot (buffer, n);
  g_assert_true (g_io_stream_close (G_IO_STREAM (stream), NULL, &error));
  g_assert_no_error (error);
  close_and_finalize (g_steal_pointer (&conn));
}

static void
test_screenshot_read_async (void)
{
  g_autoptr(GVirConnection) conn = open_test_connection ();
  g_autoptr(GVirDomain) dom = fetch_test_domain (conn);
  g_autoptr(GVirStream) stream = screenshot_stream (conn, dom);
  GInputStream *input = g_io_stream_get_input_stream (G_IO_STREAM (stream));
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GBytes) bytes = NULL;
  AsyncWait wait = { 0 };

  g_input_stream_read_bytes_async (input, 4096, G_PRIORITY_DEFAULT, NULL, async_wait_cb, &wait);
  result = async_wait_finish (&wait, "read_bytes_async");
  bytes = g_input_stream_read_bytes_finish (input, result, &error);
  g_assert_no_error (error);
  assert_screenshot (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  close_and_finalize (g_steal_pointer (&conn));
}

typedef struct
{
  GByteArray *data;
  guint calls;
  guint ended;
  guint freed;                /* destroy notifications of the closure */
  GVirStreamIOCondition last;
} WatchState;

static gboolean
watch_cb (GVirStream *stream, GVirStreamIOCondition cond, gpointer opaque)
{
  WatchState *state = opaque;
  g_autoptr(GError) error = NULL;
  gchar piece[64];
  gssize n;

  state->calls++;
  state->last = cond;
  n = gvir_stream_receive (stream, piece, sizeof piece, NULL, &error);
  g_assert_no_error (error);
  if (n == 0)
    {
      state->ended = 1;
      return G_SOURCE_REMOVE;
    }
  g_byte_array_append (state->data, (const guint8 *) piece, n);
  return G_SOURCE_CONTINUE;
}

static void
test_screenshot_watch (void)
{
  g_autoptr(GVirConnection) conn = open_test_connection ();
  g_autoptr(GVirDomain) dom = fetch_test_domain (conn);
  g_autoptr(GVirStream) stream = screenshot_stream (conn, dom);
  WatchState state = { .data = g_byte_array_new () };
  guint id;

  id = gvir_stream_add_watch (stream, GVIR_STREAM_IO_CONDITION_READABLE, watch_cb, &state);
  g_assert_cmpuint (id, >, 0);
  spin_until (NULL, &state.ended, 1, "the end of the screenshot through a watch");
  g_assert_cmpuint (state.last, ==, GVIR_STREAM_IO_CONDITION_READABLE);
  g_assert_cmpuint (state.calls, ==, (SCREENSHOT_SIZE + 63) / 64 + 1);
  assert_screenshot (state.data->data, state.data->len);
  g_byte_array_unref (state.data);
  close_and_finalize (g_steal_pointer (&conn));
}

static gint
failing_sink (GVirStream *stream, const gchar *buf, gsize nbytes, gpointer user_data)
{
  return -1;
}

static gint
one_chunk_source (GVirStream *stream, gchar *buf, gsize nbytes, gpointer user_data)
{
  guint *calls = user_data;

  if ((*calls)++ > 0)
    return 0;
  memset (buf, 'x', 16);
  return 16;
}

static void
test_stream_errors (void)
{
  g_autoptr(GVirConnection) conn = open_test_connection ();
  g_autoptr(GVirConnection) other = open_test_connection ();
  g_autoptr(GVirDomain) dom = fetch_test_domain (conn);
  g_autoptr(GVirStream) fresh = gvir_connection_get_stream (conn, 0);
  g_autoptr(GVirStream) foreign = gvir_connection_get_stream (other, 0);
  g_autoptr(GVirStream) used = screenshot_stream (conn, dom);
  g_autoptr(GVirStream) sinking = screenshot_stream (conn, dom);
  g_autoptr(GError) error = NULL;
  gchar piece[8];
  guint calls = 0;

  /* Nothing attached yet. */
  g_assert_cmpint (gvir_stream_receive (fresh, piece, sizeof piece, NULL, &error), ==, -1);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
  g_clear_error (&error);
  /* A stream of another connection, a stream already in use, bad flags. */
  g_assert_null (gvir_domain_screenshot (dom, foreign, 0, 0, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_null (gvir_domain_screenshot (dom, used, 0, 0, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
  g_clear_error (&error);
  g_assert_null (gvir_domain_screenshot (dom, fresh, 0, 1, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  /* A screenshot only delivers data. */
  g_assert_cmpint (gvir_stream_send (used, "abc", 3, NULL, &error), ==, -1);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (gvir_stream_send_all (used, NULL, one_chunk_source, &calls, &error), ==, -1);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
  g_assert_cmpuint (calls, ==, 1);
  g_clear_error (&error);
  /* A failing sink stops the transfer. */
  g_assert_cmpint (gvir_stream_receive_all (sinking, NULL, failing_sink, NULL, &error), ==, -1);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_FAILED);
  g_clear_error (&error);
  close_and_finalize (g_steal_pointer (&other));
  close_and_finalize (g_steal_pointer (&conn));
}

static void
test_screenshot_not_running (void)
{
  g_autoptr(GVirConnection) conn = open_test_connection ();
  g_autoptr(GVirDomain) dom = fetch_test_domain (conn);
  g_autoptr(GVirStream) stream = gvir_connection_get_stream (conn, 0);
  g_autoptr(GError) error = NULL;

  g_assert_true (gvir_domain_stop (dom, 0, &error));
  g_assert_no_error (error);
  g_assert_null (gvir_domain_screenshot (dom, stream, 0, 0, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
  g_assert_nonnull (strstr (error->message, "not running"));
  g_clear_error (&error);
  g_assert_true (gvir_domain_start (dom, 0, &error));
  g_assert_no_error (error);
  close_and_finalize (g_steal_pointer (&conn));
}

static void
test_console_graphics_not_supported (void)
{
  g_autoptr(GVirConnection) conn = open_test_connection ();
  g_autoptr(GVirDomain) dom = fetch_test_domain (conn);
  g_autoptr(GVirStream) stream = gvir_connection_get_stream (conn, 0);
  g_autoptr(GError) error = NULL;
  int fds[2];

  g_assert_false (gvir_domain_open_console (dom, stream, NULL, 0, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);
  g_assert_cmpint (socketpair (AF_UNIX, SOCK_STREAM, 0, fds), ==, 0);
  g_assert_false (gvir_domain_open_graphics (dom, 0, fds[0], 0, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);
  close (fds[0]);
  close (fds[1]);
  g_assert_false (gvir_domain_open_graphics (dom, 0, -1, 0, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_cmpint (gvir_domain_open_graphics_fd (dom, 0, 0, &error), ==, -1);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED);
  close_and_finalize (g_steal_pointer (&conn));
}

static void
test_stream_after_close (void)
{
  g_autoptr(GVirConnection) conn = open_test_connection ();
  g_autoptr(GVirDomain) dom = fetch_test_domain (conn);
  g_autoptr(GVirStream) stream = screenshot_stream (conn, dom);
  g_autoptr(GError) error = NULL;
  gchar piece[8];

  gvir_connection_close (conn);
  g_assert_null (gvir_connection_get_stream (conn, 0));
  g_assert_cmpint (gvir_stream_receive (stream, piece, sizeof piece, NULL, &error), ==, -1);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  assert_finalized_soon (g_steal_pointer (&stream));
  close_and_finalize (g_steal_pointer (&conn));
}

static void
count_notify (gpointer data)
{
  ((WatchState *) data)->freed++;
}

/* The full form: the priority is the source's, and the closure is freed
 * when the watch goes. */
static void
test_screenshot_watch_full (void)
{
  g_autoptr(GVirConnection) conn = open_test_connection ();
  g_autoptr(GVirDomain) dom = fetch_test_domain (conn);
  g_autoptr(GVirStream) stream = screenshot_stream (conn, dom);
  WatchState state = { .data = g_byte_array_new () };
  GSource *source;
  guint id;

  id = gvir_stream_add_watch_full (stream, G_PRIORITY_HIGH, GVIR_STREAM_IO_CONDITION_READABLE,
                                   watch_cb, &state, count_notify);
  source = g_main_context_find_source_by_id (NULL, id);
  g_assert_nonnull (source);
  g_assert_cmpint (g_source_get_priority (source), ==, G_PRIORITY_HIGH);
  spin_until (NULL, &state.ended, 1, "the end of the screenshot through a full watch");
  g_assert_cmpuint (state.freed, ==, 1);
  assert_screenshot (state.data->data, state.data->len);
  g_byte_array_unref (state.data);
  close_and_finalize (g_steal_pointer (&conn));
}

/* The condition is a registered flags type with libvirt's values. */
static void
test_io_condition_type (void)
{
  g_autoptr(GFlagsClass) klass = g_type_class_ref (gvir_stream_io_condition_get_type ());
  GFlagsValue *value = g_flags_get_first_value (klass, GVIR_STREAM_IO_CONDITION_HANGUP);

  g_assert_true (G_TYPE_IS_FLAGS (G_TYPE_FROM_CLASS (klass)));
  g_assert_cmpint (GVIR_STREAM_IO_CONDITION_HANGUP, ==, 4);
  g_assert_cmpstr (value->value_nick, ==, "hangup");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  gvir_init_object (&argc, &argv);

  g_test_add_func ("/gvir/stream/screenshot/receive-all", test_screenshot_receive_all);
  g_test_add_func ("/gvir/stream/screenshot/receive-pieces", test_screenshot_receive_pieces);
  g_test_add_func ("/gvir/stream/screenshot/input-stream", test_screenshot_input_stream);
  g_test_add_func ("/gvir/stream/screenshot/read-async", test_screenshot_read_async);
  g_test_add_func ("/gvir/stream/screenshot/watch", test_screenshot_watch);
  g_test_add_func ("/gvir/stream/screenshot/watch-full", test_screenshot_watch_full);
  g_test_add_func ("/gvir/stream/io-condition-type", test_io_condition_type);
  g_test_add_func ("/gvir/stream/screenshot/not-running", test_screenshot_not_running);
  g_test_add_func ("/gvir/stream/errors", test_stream_errors);
  g_test_add_func ("/gvir/stream/console-graphics-not-supported",
                   test_console_graphics_not_supported);
  g_test_add_func ("/gvir/stream/after-close", test_stream_after_close);
  return g_test_run ();
}
