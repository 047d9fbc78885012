/*
 * test-remote-streams.c: the remote driver's streams (screenshot,
 * console, volume upload and download) against a real libvirtd's test driver and a misbehaving peer;
 * with GVIR_REMOTE_PEER=gvird, the daemon cases against gvird
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

#include "fake-libvirtd.h"
#include "gvir-test-wait.h"
#include "remote-peer.h"
#include "rpc-test-peer.h"
#include "libvirt-gobject/drivers/gvir-driver-dispatch-private.h"
#include "libvirt-gobject/drivers/gvir-driver-storage-private.h"
#include "libvirt-gobject/drivers/remote/gvir-remote-driver-private.h"
#include "libvirt-gobject/drivers/remote/gvir-remote-stream-private.h"
#include "libvirt-gobject/rpc/gvir-rpc-remote-private.h"

#define TEST_UUID "6695eb01-f6a4-8304-79aa-97f2502e193f"
#define LIBVIRT_SCREENSHOT "/usr/share/libvirt/test-screenshot.png"
#define FAKE_UUID "4dea22b3-1d52-d8f3-2516-782e98ab3fa0"

static RemotePeer *peer;

/* ---- helpers ------------------------------------------------------------------ */

static GVirDriverConnection *
open_uri (const char *uri)
{
  g_autoptr(GError) error = NULL;
  GVirDriverConnection *conn = gvir_driver_connection_open (uri, FALSE, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (conn);
  return conn;
}

static GVirDriverConnection *
open_peer (void)
{
  return open_uri (peer->uri);
}

/* Reads @stream in pieces of @piece bytes until its end or an error (into
 * @error); fails the test when it makes no progress within the bound. */
static GByteArray *
read_all (GVirDriverStream  *stream,
          gsize              piece,
          GError           **error)
{
  gint64 deadline = gvir_test_wait_deadline ();
  GByteArray *data = g_byte_array_new ();
  g_autofree char *buf = g_malloc (piece);

  for (;;)
    {
      g_autoptr(GError) local = NULL;
      gssize n = gvir_driver_stream_recv (stream, buf, piece, &local);

      if (n > 0)
        {
          g_byte_array_append (data, (const guint8 *) buf, n);
          deadline = gvir_test_wait_deadline ();
          continue;
        }
      if (n == 0)
        return data;
      if (!g_error_matches (local, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return data;
        }
      if (g_get_monotonic_time () > deadline)
        g_error ("the stream made no progress (%u bytes so far)", data->len);
      g_usleep (1000);
    }
}

/* A screenshot of @uuid on a new stream of @conn: its MIME type. */
static GVirDriverStream *
screenshot (GVirDriverConnection  *conn,
            const char            *uuid,
            char                 **mime)
{
  g_autoptr(GError) error = NULL;
  GVirDriverStream *stream = gvir_driver_connection_new_stream (conn, 0, &error);

  g_assert_no_error (error);
  *mime = gvir_driver_connection_screenshot_domain (conn, uuid, stream, 0, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (gvir_driver_stream_is_attached (stream));
  return stream;
}

/* The connection still answers calls. */
static void
assert_alive (GVirDriverConnection *conn)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *host = gvir_driver_connection_get_hostname (conn, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (host);
}

/* ---- against the daemon (libvirtd or gvird) ------------------------------------- */

/* The image our own test driver gives, read without a daemon: gvird
 * serves that one, not libvirt's file. */
static GByteArray *
local_test_screenshot (void)
{
  g_autoptr(GVirDriverConnection) conn = open_uri ("test:///default");
  g_autofree char *mime = NULL;
  g_autoptr(GVirDriverStream) stream = screenshot (conn, TEST_UUID, &mime);
  g_autoptr(GError) error = NULL;
  GByteArray *data;

  g_assert_cmpstr (mime, ==, "image/png");
  data = read_all (stream, 65536, &error);
  g_assert_no_error (error);
  return data;
}

/* @data is the daemon's test driver's screenshot, byte for byte:
 * libvirt's file from libvirtd, our test driver's image from gvird. */
static void
assert_libvirt_screenshot (GByteArray *data)
{
  g_autofree char *want = NULL;
  gsize want_len = 0;
  g_autoptr(GError) error = NULL;

  if (remote_peer_is_gvird (peer))
    {
      g_autoptr(GByteArray) local = local_test_screenshot ();

      g_assert_cmpuint (local->len, >, 8);
      g_assert_cmpmem (local->data, 8, "\x89PNG\r\n\x1a\n", 8);
      g_assert_cmpmem (data->data, data->len, local->data, local->len);
      return;
    }
  g_assert_true (g_file_get_contents (LIBVIRT_SCREENSHOT, &want, &want_len, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (want_len, >, 0);
  g_assert_cmpmem (data->data, data->len, want, want_len);
}

static void
test_libvirtd_screenshot (void)
{
  g_autoptr(GVirDriverConnection) conn = open_peer ();
  g_autofree char *mime = NULL;
  g_autoptr(GVirDriverStream) stream = screenshot (conn, TEST_UUID, &mime);
  g_autoptr(GError) error = NULL;
  g_autoptr(GByteArray) data = NULL;

  g_assert_cmpstr (mime, ==, "image/png");
  data = read_all (stream, 65536, &error);
  g_assert_no_error (error);
  assert_libvirt_screenshot (data);
  g_assert_true (gvir_driver_stream_poll (stream) & GVIR_DRIVER_STREAM_HANGUP);
  gvir_driver_stream_finish (stream, &error);
  g_assert_no_error (error);
  assert_alive (conn);
}

/* Small reads, then a second screenshot on the same connection after the
 * first was abandoned (aborted) before its end. */
static void
test_libvirtd_screenshot_pieces (void)
{
  g_autoptr(GVirDriverConnection) conn = open_peer ();
  g_autofree char *mime = NULL;
  g_autofree char *mime2 = NULL;
  g_autoptr(GVirDriverStream) first = screenshot (conn, TEST_UUID, &mime);
  g_autoptr(GVirDriverStream) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GByteArray) data = NULL;
  char piece[7];

  g_assert_cmpint (gvir_driver_stream_recv_wait (first, piece, sizeof piece, NULL, &error), ==,
                   sizeof piece);
  g_assert_no_error (error);
  gvir_driver_stream_abort (first);
  g_clear_pointer (&first, gvir_driver_stream_unref);
  assert_alive (conn);

  second = screenshot (conn, TEST_UUID, &mime2);
  g_assert_cmpstr (mime2, ==, "image/png");
  data = read_all (second, 7, &error);
  g_assert_no_error (error);
  assert_libvirt_screenshot (data);
  gvir_driver_stream_finish (second, &error);
  g_assert_no_error (error);
  assert_alive (conn);
}

/* libvirt's test driver has no consoles to open: virsh says "this
 * function is not supported by the connection driver:
 * virDomainOpenConsole" (VIR_ERR_NO_SUPPORT). */
static void
test_libvirtd_console (void)
{
  g_autoptr(GVirDriverConnection) conn = open_peer ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDriverStream) stream = gvir_driver_connection_new_stream (conn, 0, &error);

  g_assert_no_error (error);
  g_assert_false (gvir_driver_connection_open_domain_console (conn, TEST_UUID, NULL, stream, 0,
                                                              NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED);
  g_assert_nonnull (strstr (error->message, "virDomainOpenConsole"));
  g_assert_false (gvir_driver_stream_is_attached (stream));
  assert_alive (conn);
}

/* ---- against a misbehaving peer ----------------------------------------------- */

typedef struct
{
  FakeLibvirtd *fake;
  GVirDriverConnection *conn;
} Fixture;

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autofree char *uri = NULL;

  f->fake = fake_libvirtd_new ();
  fake_libvirtd_add_domain (f->fake, "fake-vm", FAKE_UUID, 3, TRUE, 1, 1);
  uri = fake_libvirtd_get_uri (f->fake);
  f->conn = open_uri (uri);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  gvir_driver_connection_unref (f->conn);
  fake_libvirtd_free (f->fake);
}

/* Bytes that show any reordering or loss: a counter pattern. */
static GBytes *
pattern (gsize size)
{
  guint8 *bytes = g_malloc (size);
  gsize i;

  for (i = 0; i < size; i++)
    bytes[i] = (guint8) (i * 7 + i / 251);
  return g_bytes_new_take (bytes, size);
}

/* Three times the stream's buffer, not read for a while: the connection
 * stops reading and resumes as the reader drains, losing nothing. */
static void
test_fake_large (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GBytes) want = pattern (3 * GVIR_REMOTE_STREAM_RECV_MAX + 12345);
  g_autofree char *mime = NULL;
  g_autoptr(GVirDriverStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GByteArray) got = NULL;

  fake_libvirtd_set_screenshot (f->fake, want, 65536, FAKE_STREAM_END_OK);
  stream = screenshot (f->conn, FAKE_UUID, &mime);
  g_assert_cmpstr (mime, ==, "image/png");
  got = read_all (stream, 100000, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (got->data, got->len, g_bytes_get_data (want, NULL), g_bytes_get_size (want));
  g_assert_true (gvir_driver_stream_finish (stream, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fake_libvirtd_count_stream_packets (f->fake, GVIR_RPC_STATUS_OK), ==, 1);
  g_assert_cmpuint (fake_libvirtd_count_stream_packets (f->fake, GVIR_RPC_STATUS_ERROR), ==, 0);
  assert_alive (f->conn);
}

/* An ERROR mid-stream: the data before it, then the server's error,
 * mapped as call errors are; the connection stays usable. */
static void
test_fake_error (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GBytes) want = pattern (1000);
  g_autofree char *mime = NULL;
  g_autoptr(GVirDriverStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GByteArray) got = NULL;

  fake_libvirtd_set_screenshot (f->fake, want, 300, FAKE_STREAM_END_ERROR);
  stream = screenshot (f->conn, FAKE_UUID, &mime);
  got = read_all (stream, 4096, &error);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
  g_assert_nonnull (strstr (error->message, "disk on fire"));
  g_assert_cmpmem (got->data, got->len, g_bytes_get_data (want, NULL), g_bytes_get_size (want));
  g_assert_true (gvir_driver_stream_poll (stream) & GVIR_DRIVER_STREAM_ERROR);
  g_clear_error (&error);
  g_assert_false (gvir_driver_stream_finish (stream, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
  assert_alive (f->conn);
}

/* A stream packet on a serial no call had: a protocol violation that
 * ends the connection, and the stream with it. */
static void
test_fake_wrong_serial (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GBytes) want = pattern (500);
  g_autofree char *mime = NULL;
  g_autoptr(GVirDriverStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GByteArray) got = NULL;

  fake_libvirtd_set_screenshot (f->fake, want, 500, FAKE_STREAM_END_WRONG_SERIAL);
  stream = screenshot (f->conn, FAKE_UUID, &mime);
  got = read_all (stream, 4096, &error);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  g_assert_nonnull (strstr (error->message, "no stream is open"));
  g_assert_cmpuint (got->len, <=, 500);
}

/* The peer closes the connection mid-stream. */
static void
test_fake_close (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GBytes) want = pattern (800);
  g_autofree char *mime = NULL;
  g_autoptr(GVirDriverStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GByteArray) got = NULL;

  fake_libvirtd_set_screenshot (f->fake, want, 200, FAKE_STREAM_END_CLOSE);
  stream = screenshot (f->conn, FAKE_UUID, &mime);
  got = read_all (stream, 4096, &error);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  g_assert_cmpmem (got->data, got->len, g_bytes_get_data (want, NULL), g_bytes_get_size (want));
  g_clear_error (&error);
  g_assert_false (gvir_driver_stream_finish (stream, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
}

/* Aborting before the end sends libvirt's abort (an empty ERROR); the
 * data still on its way and the server's answer are dropped, and the
 * connection goes on. */
static void
test_fake_abort (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GBytes) want = pattern (2 * GVIR_REMOTE_STREAM_RECV_MAX);
  g_autofree char *mime = NULL;
  GVirDriverStream *stream;
  g_autoptr(GError) error = NULL;
  char piece[16];

  fake_libvirtd_set_screenshot (f->fake, want, 65536, FAKE_STREAM_END_OK);
  stream = screenshot (f->conn, FAKE_UUID, &mime);
  g_assert_cmpint (gvir_driver_stream_recv_wait (stream, piece, sizeof piece, NULL, &error), ==,
                   sizeof piece);
  g_assert_no_error (error);
  gvir_driver_stream_unref (stream);
  assert_alive (f->conn);
  g_assert_cmpuint (fake_libvirtd_count_stream_packets (f->fake, GVIR_RPC_STATUS_ERROR), ==, 1);
  assert_alive (f->conn);
}

/* ---- volume transfers against the scripted peer ------------------------------- */

#define FAKE_POOL_UUID "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"

/* A transfer of volume "disk.img" of @offset and @length on a new stream
 * of @conn, and the arguments the peer got, checked field by field. */
static GVirDriverStream *
open_transfer (Fixture  *f,
               gboolean  upload,
               guint64   offset,
               guint64   length)
{
  g_autoptr(GError) error = NULL;
  GVirDriverStream *stream = gvir_driver_connection_new_stream (f->conn, 0, &error);
  gint proc = upload ? GVIR_RPC_PROC_STORAGE_VOL_UPLOAD : GVIR_RPC_PROC_STORAGE_VOL_DOWNLOAD;
  g_auto(GVirRpcStorageVolDownloadArgs) args = { 0 };
  g_autoptr(GBytes) raw = NULL;
  gboolean ok;

  g_assert_no_error (error);
  if (upload)
    ok = gvir_driver_connection_upload_volume (f->conn, FAKE_POOL_UUID, "disk.img", stream,
                                               offset, length, 0, NULL, &error);
  else
    ok = gvir_driver_connection_download_volume (f->conn, FAKE_POOL_UUID, "disk.img", stream,
                                                 offset, length, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_true (gvir_driver_stream_is_attached (stream));

  /* Upload and download arguments have the same shape. */
  raw = fake_libvirtd_dup_last_args (f->fake, proc);
  g_assert_nonnull (raw);
  g_assert_true (gvir_rpc_decode_storage_vol_download_args (g_bytes_get_data (raw, NULL),
                                                            g_bytes_get_size (raw), &args,
                                                            &error));
  g_assert_no_error (error);
  g_assert_cmpstr (args.vol.pool, ==, "fake-pool");
  g_assert_cmpstr (args.vol.name, ==, "disk.img");
  g_assert_cmpstr (args.vol.key, ==, "/fake-pool/disk.img");
  g_assert_cmpuint (args.offset, ==, offset);
  g_assert_cmpuint (args.length, ==, length);
  g_assert_cmpuint (args.flags, ==, 0);
  return stream;
}

/* Sends all of @data, or stops at the first error (into @error). */
static gsize
send_all (GVirDriverStream  *stream,
          GBytes            *data,
          GError           **error)
{
  const char *bytes = g_bytes_get_data (data, NULL);
  gsize size = g_bytes_get_size (data);
  gsize done = 0;

  while (done < size)
    {
      gssize n = gvir_driver_stream_send_wait (stream, bytes + done, size - done, NULL, error);

      if (n < 0)
        break;
      done += n;
    }
  return done;
}

/* A download streams the server's data after the call's reply, in
 * order, to its end. */
static void
test_fake_vol_download (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GBytes) want = pattern (300000);
  g_autoptr(GVirDriverStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GByteArray) got = NULL;

  fake_libvirtd_set_screenshot (f->fake, want, 65536, FAKE_STREAM_END_OK);
  stream = open_transfer (f, FALSE, 512, 300000);
  /* A download only delivers: sending on it is refused. */
  g_assert_cmpint (gvir_driver_stream_send (stream, "x", 1, &error), ==, -1);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
  g_clear_error (&error);
  got = read_all (stream, 10000, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (got->data, got->len, g_bytes_get_data (want, NULL), g_bytes_get_size (want));
  g_assert_true (gvir_driver_stream_finish (stream, &error));
  g_assert_no_error (error);
  assert_alive (f->conn);
}

/* An upload sends the caller's bytes as STREAM CONTINUE packets (of at
 * most libvirt's chunk), then finishes with one OK that the server
 * confirms. */
static void
test_fake_vol_upload (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GBytes) want = pattern (700001);
  g_autoptr(GVirDriverStream) stream = open_transfer (f, TRUE, 4096, 0);
  g_autoptr(GBytes) got = NULL;
  g_autoptr(GError) error = NULL;
  char byte;

  /* The server never sends on an upload: receiving is refused at once
   * instead of waiting for nothing. */
  g_assert_cmpint (gvir_driver_stream_recv (stream, &byte, 1, &error), ==, -1);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
  g_assert_nonnull (strstr (error->message, "uploads to a volume"));
  g_clear_error (&error);
  g_assert_cmpuint (send_all (stream, want, &error), ==, g_bytes_get_size (want));
  g_assert_no_error (error);
  g_assert_true (gvir_driver_stream_finish (stream, &error));
  g_assert_no_error (error);
  got = fake_libvirtd_dup_uploaded (f->fake);
  g_assert_true (g_bytes_equal (got, want));
  g_assert_cmpuint (fake_libvirtd_count_stream_packets (f->fake, GVIR_RPC_STATUS_CONTINUE), >=,
                    3);
  g_assert_cmpuint (fake_libvirtd_count_stream_packets (f->fake, GVIR_RPC_STATUS_OK), ==, 1);
  g_assert_cmpuint (fake_libvirtd_count_stream_packets (f->fake, GVIR_RPC_STATUS_ERROR), ==, 0);
  assert_alive (f->conn);
}

/* The server fails an upload mid-stream: a later send (or the finish)
 * reports its error, and the connection goes on. */
static void
test_fake_vol_upload_error (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GBytes) want = pattern (4 * GVIR_REMOTE_STREAM_RECV_MAX);
  g_autoptr(GVirDriverStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  gint64 deadline = gvir_test_wait_deadline ();

  fake_libvirtd_fail_upload_after (f->fake, 1000);
  stream = open_transfer (f, TRUE, 0, 0);
  /* The error arrives while we send, or at the latest when we finish. */
  while (error == NULL && g_get_monotonic_time () < deadline)
    {
      if (send_all (stream, want, &error) == g_bytes_get_size (want) && error == NULL)
        gvir_driver_stream_finish (stream, &error);
    }
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
  g_assert_nonnull (strstr (error->message, "disk on fire"));
  g_assert_true (gvir_driver_stream_poll (stream) & GVIR_DRIVER_STREAM_ERROR);
  assert_alive (f->conn);
}

/* Dropping an upload before its end sends libvirt's abort (an empty
 * STREAM ERROR) instead of a finish. */
static void
test_fake_vol_upload_abort (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GBytes) want = pattern (1000);
  GVirDriverStream *stream = open_transfer (f, TRUE, 0, 1000);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (send_all (stream, want, &error), ==, 1000);
  g_assert_no_error (error);
  gvir_driver_stream_unref (stream);
  assert_alive (f->conn);
  g_assert_cmpuint (fake_libvirtd_count_stream_packets (f->fake, GVIR_RPC_STATUS_ERROR), ==, 1);
  g_assert_cmpuint (fake_libvirtd_count_stream_packets (f->fake, GVIR_RPC_STATUS_OK), ==, 0);
}

/* ---- the RPC client's pause ----------------------------------------------------- */

typedef struct
{
  GMutex lock;
  GCond cond;
  GByteArray *data;
  guint refusals;
  gboolean refuse;
  gboolean eof;
  GBytes *side_reply;       /* the answer to a call made while paused */
} Sink;

static gboolean
sink_packet (const GVirRpcHeader *header, const guint8 *payload, gsize len,
             const GError *closed, gpointer user_data)
{
  Sink *sink = user_data;
  gboolean taken = TRUE;

  g_mutex_lock (&sink->lock);
  if (header == NULL)
    sink->eof = TRUE;
  else if (header->status == GVIR_RPC_STATUS_OK)
    sink->eof = TRUE;
  else if (sink->refuse && sink->data->len > 0)
    {
      sink->refusals++;
      taken = FALSE;
    }
  else
    g_byte_array_append (sink->data, payload, len);
  g_cond_broadcast (&sink->cond);
  g_mutex_unlock (&sink->lock);
  return taken;
}

static gboolean
sink_refused (gpointer data)
{
  return ((Sink *) data)->refusals > 0;
}

static gboolean
sink_ended (gpointer data)
{
  return ((Sink *) data)->eof;
}

static gboolean
sink_side_answered (gpointer data)
{
  return ((Sink *) data)->side_reply != NULL;
}

static void
sink_side_reply (GBytes       *reply,
                 const GError *error,
                 gpointer      user_data)
{
  Sink *sink = user_data;

  g_assert_no_error (error);
  g_mutex_lock (&sink->lock);
  sink->side_reply = g_bytes_ref (reply);
  g_cond_broadcast (&sink->cond);
  g_mutex_unlock (&sink->lock);
}

/* A stream function that refuses a packet holds the I/O thread until it
 * is resumed: the packet is offered once, not again and again, nothing
 * is read meanwhile (not even the reply to another call, whose wake-up
 * must not count as a resume), and nothing is lost or reordered. */
static void
test_client_pause (Fixture       *f,
                   gconstpointer  data)
{
  static const guint8 type_reply[] = { 0, 0, 0, 4, 'T', 'E', 'S', 'T' };
  g_autoptr(GBytes) want = pattern (10 * 1000);
  GVirRpcClient *client = gvir_remote_handle_get_client (gvir_driver_connection_get_handle (f->conn));
  g_auto(GVirRpcDomainScreenshotArgs) args = { 0 };
  g_autoptr(GByteArray) payload = NULL;
  g_autoptr(GError) error = NULL;
  Sink sink = { .data = g_byte_array_new (), .refuse = TRUE };
  guint32 serial = 0;

  g_mutex_init (&sink.lock);
  g_cond_init (&sink.cond);
  fake_libvirtd_set_screenshot (f->fake, want, 1000, FAKE_STREAM_END_OK);
  args.dom.name = g_strdup ("fake-vm");
  g_assert_true (gvir_rpc_uuid_parse (FAKE_UUID, args.dom.uuid));
  args.dom.id = 3;
  payload = gvir_rpc_encode_domain_screenshot_args (&args, &error);
  g_assert_no_error (error);
  g_assert_true (gvir_rpc_client_call_stream (client, GVIR_RPC_REMOTE_PROGRAM,
                                              GVIR_RPC_PROC_DOMAIN_SCREENSHOT, payload, NULL,
                                              sink_packet, &sink, NULL, &serial, NULL, &error));
  g_assert_no_error (error);

  g_mutex_lock (&sink.lock);
  gvir_test_cond_wait_until (&sink.cond, &sink.lock, sink_refused, &sink,
                             "the stream to refuse a packet");
  g_mutex_unlock (&sink.lock);
  /* Another call wakes the paused I/O thread (to send it) without any
   * stream making room: a wrong thread offers the packet again, or reads
   * the reply. Whatever it does happens before it settles again. */
  rpc_test_wait_io_thread_settled (client);
  gvir_rpc_client_call_async (client, GVIR_RPC_REMOTE_PROGRAM, GVIR_RPC_PROC_CONNECT_GET_TYPE,
                              NULL, sink_side_reply, &sink);
  rpc_test_wait_io_thread_settled (client);
  g_mutex_lock (&sink.lock);
  g_assert_cmpuint (sink.refusals, ==, 1);
  g_assert_cmpuint (sink.data->len, ==, 1000);
  g_assert_null (sink.side_reply);
  sink.refuse = FALSE;
  g_mutex_unlock (&sink.lock);

  gvir_rpc_client_resume_streams (client);
  g_mutex_lock (&sink.lock);
  gvir_test_cond_wait_until (&sink.cond, &sink.lock, sink_ended, &sink,
                             "the stream to end after resuming");
  gvir_test_cond_wait_until (&sink.cond, &sink.lock, sink_side_answered, &sink,
                             "the reply to the call made while paused");
  g_mutex_unlock (&sink.lock);
  gvir_rpc_client_remove_stream (client, serial, TRUE);
  g_assert_cmpmem (sink.data->data, sink.data->len, g_bytes_get_data (want, NULL),
                   g_bytes_get_size (want));
  g_assert_cmpuint (sink.refusals, ==, 1);
  g_assert_cmpmem (g_bytes_get_data (sink.side_reply, NULL), g_bytes_get_size (sink.side_reply),
                   type_reply, sizeof type_reply);
  g_bytes_unref (sink.side_reply);
  g_byte_array_unref (sink.data);
  g_cond_clear (&sink.cond);
  g_mutex_clear (&sink.lock);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);

  /* No skip: without its daemon this program must fail, loudly. */
  peer = remote_peer_start (&error);
  if (peer == NULL)
    {
      g_printerr ("cannot start the daemon: %s\n", error->message);
      return 1;
    }
  g_test_message ("peer: %s", remote_peer_name (peer));

  g_test_add_func ("/rpc/streams/libvirtd/screenshot", test_libvirtd_screenshot);
  g_test_add_func ("/rpc/streams/libvirtd/screenshot-pieces", test_libvirtd_screenshot_pieces);
  g_test_add_func ("/rpc/streams/libvirtd/console", test_libvirtd_console);
  /* The scripted peer's cases test the client alone: once is enough. */
  if (!remote_peer_is_gvird (peer))
    {
      g_test_add ("/rpc/streams/fake/large", Fixture, NULL, setup, test_fake_large, teardown);
      g_test_add ("/rpc/streams/fake/error", Fixture, NULL, setup, test_fake_error, teardown);
      g_test_add ("/rpc/streams/fake/wrong-serial", Fixture, NULL, setup, test_fake_wrong_serial,
                  teardown);
      g_test_add ("/rpc/streams/fake/close", Fixture, NULL, setup, test_fake_close, teardown);
      g_test_add ("/rpc/streams/fake/abort", Fixture, NULL, setup, test_fake_abort, teardown);
      g_test_add ("/rpc/streams/fake/vol-download", Fixture, NULL, setup, test_fake_vol_download,
                  teardown);
      g_test_add ("/rpc/streams/fake/vol-upload", Fixture, NULL, setup, test_fake_vol_upload,
                  teardown);
      g_test_add ("/rpc/streams/fake/vol-upload-error", Fixture, NULL, setup,
                  test_fake_vol_upload_error, teardown);
      g_test_add ("/rpc/streams/fake/vol-upload-abort", Fixture, NULL, setup,
                  test_fake_vol_upload_abort, teardown);
      g_test_add ("/rpc/streams/client/pause", Fixture, NULL, setup, test_client_pause, teardown);
    }

  ret = g_test_run ();
  remote_peer_stop (peer);
  return ret;
}
