/*
 * test-daemon-streams.c: gvird's data streams (DOMAIN_SCREENSHOT) in raw
 * protocol packets: clients that close mid-stream or abort, two streams
 * interleaved on one connection, stray stream packets
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

#include "gvird-runner.h"
#include "libvirt-gobject/drivers/gvir-driver-private.h"
#include "libvirt-gobject/rpc/gvir-rpc-remote-private.h"

#define TEST_UUID "6695eb01-f6a4-8304-79aa-97f2502e193f"

static GvirdRunner *runner;
/* Our test driver's screenshot, read without the daemon. */
static GByteArray *want_png;

/* ---- helpers ------------------------------------------------------------------- */

static GByteArray *
local_screenshot (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GVirDriverConnection) conn = gvir_driver_connection_open ("test:///default", FALSE,
                                                                       NULL, NULL, NULL, &error);
  g_autoptr (GVirDriverStream) stream = NULL;
  g_autofree char *mime = NULL;
  GByteArray *data = g_byte_array_new ();
  char buf[4096];
  gssize n;

  g_assert_no_error (error);
  stream = gvir_driver_connection_new_stream (conn, 0, &error);
  g_assert_no_error (error);
  mime = gvir_driver_connection_screenshot_domain (conn, TEST_UUID, stream, 0, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mime, ==, "image/png");
  while ((n = gvir_driver_stream_recv_wait (stream, buf, sizeof buf, NULL, &error)) > 0)
    g_byte_array_append (data, (const guint8 *) buf, n);
  g_assert_no_error (error);
  g_assert_cmpuint (data->len, >, 8);
  g_assert_cmpmem (data->data, 8, "\x89PNG\r\n\x1a\n", 8);
  return data;
}

static GSocket *
open_client (void)
{
  GSocket *sock = raw_connect (runner->socket);

  raw_open (sock, 0);
  return sock;
}

/* Sends a DOMAIN_SCREENSHOT call of the "test" domain on @serial. */
static void
send_screenshot (GSocket *sock,
                 guint32  serial)
{
  GVirRpcDomainScreenshotArgs args = { .dom = { .name = (char *) "test", .id = 1 } };
  g_autoptr (GByteArray) payload = NULL;

  g_assert_true (gvir_rpc_uuid_parse (TEST_UUID, args.dom.uuid));
  payload = gvir_rpc_encode_domain_screenshot_args (&args, NULL);
  g_assert_true (raw_send_call (sock, GVIR_RPC_PROC_DOMAIN_SCREENSHOT, serial, payload->data,
                                payload->len));
}

/* A STREAM packet of the client on @serial, empty (finish, abort). */
static void
send_stream (GSocket *sock,
             guint32  serial,
             gint32   status)
{
  GVirRpcHeader header = { GVIR_RPC_REMOTE_PROGRAM, GVIR_RPC_REMOTE_VERSION,
                           GVIR_RPC_PROC_DOMAIN_SCREENSHOT, GVIR_RPC_TYPE_STREAM, serial,
                           status };

  g_assert_true (raw_send_packet (sock, &header, NULL, 0));
}

/* Reads the next packet, which must not be an event or keepalive. */
static GBytes *
read_packet (GSocket       *sock,
             GVirRpcHeader *header)
{
  GBytes *payload = NULL;

  g_assert_true (raw_read_packet (sock, header, &payload));
  g_assert_cmpuint (header->prog, ==, GVIR_RPC_REMOTE_PROGRAM);
  return payload;
}

/* The screenshot's REPLY: OK with libvirt's MIME type. */
static void
assert_screenshot_reply (const GVirRpcHeader *header,
                         GBytes              *payload)
{
  g_auto (GVirRpcDomainScreenshotRet) ret = { 0 };
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (payload, &len);

  g_assert_cmpint (header->type, ==, GVIR_RPC_TYPE_REPLY);
  g_assert_cmpint (header->status, ==, GVIR_RPC_STATUS_OK);
  g_assert_true (gvir_rpc_decode_domain_screenshot_ret (data, len, &ret, NULL));
  g_assert_cmpstr (ret.mime, ==, "image/png");
}

/* The connection still answers a call, and nothing else (no stray
 * stream packet) comes before its reply. */
static void
assert_serves (GSocket *sock)
{
  g_autoptr (GBytes) payload = NULL;
  g_auto (GVirRpcStringRet) ret = { 0 };
  GVirRpcHeader header;
  gsize len = 0;
  const guint8 *data;

  g_assert_true (raw_send_call (sock, GVIR_RPC_PROC_CONNECT_GET_TYPE, 999, NULL, 0));
  payload = read_packet (sock, &header);
  g_assert_cmpint (header.type, ==, GVIR_RPC_TYPE_REPLY);
  g_assert_cmpuint (header.serial, ==, 999);
  g_assert_cmpint (header.status, ==, GVIR_RPC_STATUS_OK);
  data = g_bytes_get_data (payload, &len);
  g_assert_true (gvir_rpc_decode_string_ret (data, len, &ret, NULL));
  g_assert_cmpstr (ret.value, ==, "TEST");
}

/* Reads one whole screenshot on @serial (reply, data, end), finishes
 * it and checks the daemon's confirmation. */
static void
assert_full_screenshot (GSocket *sock,
                        guint32  serial)
{
  g_autoptr (GByteArray) data = g_byte_array_new ();
  GVirRpcHeader header;

  {
    g_autoptr (GBytes) reply = read_packet (sock, &header);

    g_assert_cmpuint (header.serial, ==, serial);
    assert_screenshot_reply (&header, reply);
  }
  for (;;)
    {
      g_autoptr (GBytes) chunk = read_packet (sock, &header);

      g_assert_cmpuint (header.serial, ==, serial);
      g_assert_cmpint (header.proc, ==, GVIR_RPC_PROC_DOMAIN_SCREENSHOT);
      g_assert_cmpint (header.type, ==, GVIR_RPC_TYPE_STREAM);
      g_assert_cmpint (header.status, ==, GVIR_RPC_STATUS_CONTINUE);
      if (g_bytes_get_size (chunk) == 0)
        break;
      g_byte_array_append (data, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
    }
  g_assert_cmpmem (data->data, data->len, want_png->data, want_png->len);
  send_stream (sock, serial, GVIR_RPC_STATUS_OK);
  {
    g_autoptr (GBytes) confirm = read_packet (sock, &header);

    g_assert_cmpuint (header.serial, ==, serial);
    g_assert_cmpint (header.type, ==, GVIR_RPC_TYPE_STREAM);
    g_assert_cmpint (header.status, ==, GVIR_RPC_STATUS_OK);
    g_assert_cmpuint (g_bytes_get_size (confirm), ==, 0);
  }
}

/* ---- cases ------------------------------------------------------------------------- */

static void
test_full (void)
{
  g_autoptr (GSocket) sock = open_client ();

  send_screenshot (sock, 1);
  assert_full_screenshot (sock, 1);
  assert_serves (sock);
  /* A second one on the same connection. */
  send_screenshot (sock, 2);
  assert_full_screenshot (sock, 2);
  assert_serves (sock);
}

/* Clients that leave with their streams open, at every step: the daemon
 * frees them and serves the others. */
static void
test_close_mid_stream (void)
{
  guint step;

  for (step = 0; step < 3; step++)
    {
      g_autoptr (GSocket) sock = open_client ();
      g_autoptr (GSocket) other = NULL;
      GVirRpcHeader header;

      send_screenshot (sock, 1);
      send_screenshot (sock, 2);
      if (step >= 1)
        {
          g_bytes_unref (read_packet (sock, &header));
          g_assert_cmpint (header.type, ==, GVIR_RPC_TYPE_REPLY);
        }
      /* Until some data came (the other reply may come first). */
      while (step >= 2)
        {
          g_bytes_unref (read_packet (sock, &header));
          if (header.type == GVIR_RPC_TYPE_STREAM)
            break;
          g_assert_cmpint (header.type, ==, GVIR_RPC_TYPE_REPLY);
        }
      g_socket_close (sock, NULL);
      other = open_client ();
      send_screenshot (other, 7);
      assert_full_screenshot (other, 7);
      assert_serves (other);
    }
}

/* An empty ERROR aborts: libvirtd's error REPLY, nothing more on that
 * serial; a later packet on it is ignored. */
static void
test_abort (void)
{
  g_autoptr (GSocket) sock = open_client ();
  g_autoptr (GBytes) reply = NULL;
  g_autofree char *message = NULL;
  GVirRpcHeader header;

  send_screenshot (sock, 5);
  reply = read_packet (sock, &header);
  assert_screenshot_reply (&header, reply);
  g_clear_pointer (&reply, g_bytes_unref);
  send_stream (sock, 5, GVIR_RPC_STATUS_ERROR);
  /* Data sent before the abort arrived may come first. */
  for (;;)
    {
      g_autoptr (GBytes) packet = read_packet (sock, &header);

      g_assert_cmpuint (header.serial, ==, 5);
      if (header.type == GVIR_RPC_TYPE_REPLY)
        {
          reply = g_steal_pointer (&packet);
          break;
        }
      g_assert_cmpint (header.type, ==, GVIR_RPC_TYPE_STREAM);
      g_assert_cmpint (header.status, ==, GVIR_RPC_STATUS_CONTINUE);
    }
  g_assert_cmpint (header.status, ==, GVIR_RPC_STATUS_ERROR);
  g_assert_cmpint (raw_error_code (reply, &message), ==, GVIR_RPC_ERR_RPC);
  g_assert_cmpstr (message, ==, "stream aborted at client request");
  /* The stream is gone: its finish is ignored (no confirmation). */
  send_stream (sock, 5, GVIR_RPC_STATUS_OK);
  assert_serves (sock);
  send_screenshot (sock, 6);
  assert_full_screenshot (sock, 6);
}

/* Two screenshots at once on one connection: each serial gets its own
 * whole image, whatever the order of their packets. */
static void
test_interleaved (void)
{
  g_autoptr (GSocket) sock = open_client ();
  GByteArray *data[2] = { g_byte_array_new (), g_byte_array_new () };
  gboolean replied[2] = { FALSE, FALSE };
  gboolean ended[2] = { FALSE, FALSE };
  guint i;

  send_screenshot (sock, 10);
  send_screenshot (sock, 11);
  while (!ended[0] || !ended[1])
    {
      GVirRpcHeader header;
      g_autoptr (GBytes) packet = read_packet (sock, &header);

      g_assert_cmpuint (header.serial, >=, 10);
      g_assert_cmpuint (header.serial, <=, 11);
      i = header.serial - 10;
      g_assert_false (ended[i]);
      if (!replied[i])
        {
          assert_screenshot_reply (&header, packet);
          replied[i] = TRUE;
          continue;
        }
      g_assert_cmpint (header.type, ==, GVIR_RPC_TYPE_STREAM);
      g_assert_cmpint (header.status, ==, GVIR_RPC_STATUS_CONTINUE);
      if (g_bytes_get_size (packet) == 0)
        ended[i] = TRUE;
      g_byte_array_append (data[i], g_bytes_get_data (packet, NULL), g_bytes_get_size (packet));
    }
  for (i = 0; i < 2; i++)
    {
      g_assert_cmpmem (data[i]->data, data[i]->len, want_png->data, want_png->len);
      g_byte_array_unref (data[i]);
    }
  /* Finished in the other order than they were opened. */
  for (i = 0; i < 2; i++)
    {
      GVirRpcHeader header;
      g_autoptr (GBytes) confirm = NULL;

      send_stream (sock, 11 - i, GVIR_RPC_STATUS_OK);
      confirm = read_packet (sock, &header);
      g_assert_cmpuint (header.serial, ==, 11 - i);
      g_assert_cmpint (header.type, ==, GVIR_RPC_TYPE_STREAM);
      g_assert_cmpint (header.status, ==, GVIR_RPC_STATUS_OK);
    }
  assert_serves (sock);
}

/* A call that would open a second stream on the serial of an open one:
 * refused with an error REPLY; the open stream goes on. */
static void
test_duplicate_serial (void)
{
  g_autoptr (GSocket) sock = open_client ();
  g_autoptr (GBytes) reply = NULL;
  g_autofree char *message = NULL;
  gboolean ended = FALSE;
  GVirRpcHeader header;

  send_screenshot (sock, 20);
  reply = read_packet (sock, &header);
  assert_screenshot_reply (&header, reply);
  g_clear_pointer (&reply, g_bytes_unref);
  send_screenshot (sock, 20);
  /* The refusal and the open stream's data, in any order. */
  while (reply == NULL || !ended)
    {
      g_autoptr (GBytes) packet = read_packet (sock, &header);

      g_assert_cmpuint (header.serial, ==, 20);
      if (header.type == GVIR_RPC_TYPE_REPLY)
        {
          g_assert_null (reply);
          g_assert_cmpint (header.status, ==, GVIR_RPC_STATUS_ERROR);
          reply = g_steal_pointer (&packet);
          continue;
        }
      g_assert_false (ended);
      g_assert_cmpint (header.type, ==, GVIR_RPC_TYPE_STREAM);
      g_assert_cmpint (header.status, ==, GVIR_RPC_STATUS_CONTINUE);
      ended = g_bytes_get_size (packet) == 0;
    }
  g_assert_cmpint (raw_error_code (reply, &message), ==, GVIR_RPC_ERR_OPERATION_INVALID);
  g_assert_cmpstr (message, ==, "a stream with serial 20 is already open");
  send_stream (sock, 20, GVIR_RPC_STATUS_OK);
  g_clear_pointer (&reply, g_bytes_unref);
  reply = read_packet (sock, &header);
  g_assert_cmpuint (header.serial, ==, 20);
  g_assert_cmpint (header.type, ==, GVIR_RPC_TYPE_STREAM);
  g_assert_cmpint (header.status, ==, GVIR_RPC_STATUS_OK);
  assert_serves (sock);
}

/* A screenshot of a domain that is not running: an error REPLY and no
 * stream packet after it. */
static void
test_failed_call (void)
{
  g_autoptr (GSocket) sock = open_client ();
  GVirRpcDomainArgs dargs = { { (char *) "test", { 0 }, 1 } };
  g_autoptr (GByteArray) payload = NULL;
  g_autoptr (GBytes) reply = NULL;
  GVirRpcHeader header;

  g_assert_true (gvir_rpc_uuid_parse (TEST_UUID, dargs.dom.uuid));
  payload = gvir_rpc_encode_domain_args (&dargs, NULL);
  g_assert_true (raw_call (sock, GVIR_RPC_PROC_DOMAIN_DESTROY, payload->data, payload->len,
                           &header, &reply));
  g_assert_cmpint (header.status, ==, GVIR_RPC_STATUS_OK);
  g_clear_pointer (&reply, g_bytes_unref);
  send_screenshot (sock, 3);
  reply = read_packet (sock, &header);
  g_assert_cmpuint (header.serial, ==, 3);
  g_assert_cmpint (header.type, ==, GVIR_RPC_TYPE_REPLY);
  g_assert_cmpint (header.status, ==, GVIR_RPC_STATUS_ERROR);
  assert_serves (sock);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);
  want_png = local_screenshot ();
  runner = gvird_runner_start (NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/daemon/streams/full", test_full);
  g_test_add_func ("/daemon/streams/close-mid-stream", test_close_mid_stream);
  g_test_add_func ("/daemon/streams/abort", test_abort);
  g_test_add_func ("/daemon/streams/interleaved", test_interleaved);
  g_test_add_func ("/daemon/streams/duplicate-serial", test_duplicate_serial);
  /* Last: it stops the test domain of the daemon's shared driver. */
  g_test_add_func ("/daemon/streams/failed-call", test_failed_call);

  ret = g_test_run ();
  gvird_runner_stop (runner);
  g_byte_array_unref (want_png);
  return ret;
}
