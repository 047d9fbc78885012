/*
 * test-rpc-client.c: the multiplexing client against a scripted peer
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * The peer is the other end of a socketpair, driven by the test itself
 * through the same transport and framing code a server uses.
 */
#include "config.h"

#include <string.h>
#include <sys/socket.h>

#include "gvir-test-wait.h"
#include "rpc-test-peer.h"
#include "libvirt-gobject/libvirt-gobject-error.h"
#include "libvirt-gobject/rpc/gvir-rpc-client-private.h"
#include "libvirt-gobject/rpc/gvir-rpc-remote-private.h"

typedef struct
{
  GVirRpcClient *client;
  GVirRpcTransport *server;
  GAsyncQueue *events;    /* proc numbers (GINT_TO_POINTER) of events */
  GAsyncQueue *closes;    /* close reasons + 1 */
} Fixture;

static void
on_event (GVirRpcClient       *client,
          const GVirRpcHeader *header,
          const guint8        *payload,
          gsize                len,
          gpointer             data)
{
  Fixture *f = data;

  g_async_queue_push (f->events, GINT_TO_POINTER (header->proc));
}

static void
on_close (GVirRpcClient *client,
          int            reason,
          const GError  *error,
          gpointer       data)
{
  Fixture *f = data;

  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  g_async_queue_push (f->closes, GINT_TO_POINTER (reason + 1));
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  int fds[2];
  g_autoptr(GSocket) a = NULL;
  g_autoptr(GSocket) b = NULL;

  g_assert_cmpint (socketpair (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds), ==, 0);
  a = g_socket_new_from_fd (fds[0], NULL);
  b = g_socket_new_from_fd (fds[1], NULL);
  f->events = g_async_queue_new ();
  f->closes = g_async_queue_new ();
  f->client = gvir_rpc_client_new (gvir_rpc_transport_new_for_socket (a));
  f->server = gvir_rpc_transport_new_for_socket (b);
  gvir_rpc_client_set_event_func (f->client, on_event, f);
  gvir_rpc_client_set_close_func (f->client, on_close, f);
  gvir_rpc_client_start (f->client);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  gvir_rpc_client_free (f->client);
  gvir_rpc_transport_free (f->server);
  g_async_queue_unref (f->events);
  g_async_queue_unref (f->closes);
}

/* ---- the scripted peer ------------------------------------------------------ */

/* Reads one packet; returns its payload. */
static GBytes *
peer_read (Fixture       *f,
           GVirRpcHeader *header)
{
  guint8 word[4];
  guint32 body_len;
  g_autofree guint8 *body = NULL;

  g_assert_true (rpc_test_peer_read_exact (f->server, word, 4, "the length word of the client's next packet"));
  g_assert_true (gvir_rpc_packet_check_length (word, &body_len, NULL));
  body = g_malloc (body_len);
  g_assert_true (rpc_test_peer_read_exact (f->server, body, body_len, "the rest of the client's packet"));
  g_assert_true (gvir_rpc_header_decode (body, body_len, header, NULL));
  return g_bytes_new (body + GVIR_RPC_HEADER_SIZE, body_len - GVIR_RPC_HEADER_SIZE);
}

static void
peer_send (Fixture       *f,
           guint32        prog,
           gint32         proc,
           GVirRpcType    type,
           guint32        serial,
           GVirRpcStatus  status,
           GByteArray    *payload)
{
  GVirRpcHeader h = { .prog = prog, .vers = 1, .proc = proc, .type = type,
                      .serial = serial, .status = status };
  g_autoptr(GBytes) pkt = gvir_rpc_packet_encode (&h, payload ? payload->data : NULL,
                                                  payload ? payload->len : 0, NULL);

  g_assert_true (gvir_rpc_transport_write_all (f->server, g_bytes_get_data (pkt, NULL),
                                               g_bytes_get_size (pkt), NULL));
}

static void
peer_reply_u32 (Fixture             *f,
                const GVirRpcHeader *call,
                guint32              value)
{
  g_autoptr(GByteArray) payload = g_byte_array_new ();

  gvir_xdr_put_u32 (payload, value);
  peer_send (f, call->prog, call->proc, GVIR_RPC_TYPE_REPLY, call->serial, GVIR_RPC_STATUS_OK,
             payload);
}

/* ---- a caller in its own thread ---------------------------------------------- */

typedef struct
{
  GVirRpcClient *client;
  gint32 proc;
  guint32 arg;
  GCancellable *cancellable;
  gboolean ok;
  guint32 result;
  GError *error;
} Caller;

static gpointer
caller_thread (gpointer data)
{
  Caller *c = data;
  g_autoptr(GByteArray) args = g_byte_array_new ();
  g_autoptr(GBytes) reply = NULL;

  gvir_xdr_put_u32 (args, c->arg);
  c->ok = gvir_rpc_client_call (c->client, GVIR_RPC_REMOTE_PROGRAM, c->proc, args, &reply,
                                c->cancellable, &c->error);
  if (c->ok)
    {
      GVirXdrReader r;

      gvir_xdr_reader_init (&r, g_bytes_get_data (reply, NULL), g_bytes_get_size (reply));
      g_assert_true (gvir_xdr_get_u32 (&r, &c->result, NULL));
    }
  return NULL;
}

static GVirTestThread *
start_caller (Caller *c)
{
  return gvir_test_thread_new ("caller", caller_thread, c);
}

/* Bounded pops from the event and close queues. */
static gpointer
pop_bounded (GAsyncQueue *queue,
             const char  *what)
{
  gpointer item = g_async_queue_timeout_pop (queue, gvir_test_wait_bound_usec ());

  if (item == NULL)
    gvir_test_wait_timed_out (what);
  return item;
}

static guint32
args_u32 (GBytes *payload)
{
  GVirXdrReader r;
  guint32 v = 0;

  gvir_xdr_reader_init (&r, g_bytes_get_data (payload, NULL), g_bytes_get_size (payload));
  g_assert_true (gvir_xdr_get_u32 (&r, &v, NULL));
  return v;
}

/* ---- tests -------------------------------------------------------------------- */

/* Three calls in flight at once, answered in reverse order, each with its
 * own value; an event arrives in between. */
static void
test_multiplex (Fixture       *f,
                gconstpointer  data)
{
  Caller callers[3];
  GVirTestThread *threads[3];
  GVirRpcHeader calls[3];
  guint32 args[3];
  guint i, j;

  for (i = 0; i < 3; i++)
    {
      callers[i] = (Caller) { .client = f->client, .proc = 3, .arg = 100 + i };
      threads[i] = start_caller (&callers[i]);
    }
  for (i = 0; i < 3; i++)
    {
      g_autoptr(GBytes) payload = peer_read (f, &calls[i]);

      g_assert_cmpuint (calls[i].type, ==, GVIR_RPC_TYPE_CALL);
      args[i] = args_u32 (payload);
    }
  /* Distinct serials. */
  g_assert_cmpuint (calls[0].serial, !=, calls[1].serial);
  g_assert_cmpuint (calls[1].serial, !=, calls[2].serial);
  g_assert_cmpuint (calls[0].serial, !=, calls[2].serial);

  peer_send (f, GVIR_RPC_REMOTE_PROGRAM, GVIR_RPC_PROC_DOMAIN_EVENT_CALLBACK_LIFECYCLE,
             GVIR_RPC_TYPE_MESSAGE, 1, GVIR_RPC_STATUS_OK, NULL);
  for (j = 3; j-- > 0;)
    peer_reply_u32 (f, &calls[j], args[j] * 2);

  for (i = 0; i < 3; i++)
    {
      gvir_test_thread_join (threads[i], "a caller to return");
      g_assert_no_error (callers[i].error);
      g_assert_true (callers[i].ok);
      g_assert_cmpuint (callers[i].result, ==, (100 + i) * 2);
    }
  g_assert_cmpint (GPOINTER_TO_INT (pop_bounded (f->events, "the lifecycle event")),
                   ==, GVIR_RPC_PROC_DOMAIN_EVENT_CALLBACK_LIFECYCLE);
}

static void
test_server_error (Fixture       *f,
                   gconstpointer  data)
{
  Caller c = { .client = f->client, .proc = 23 };
  GVirTestThread *thread = start_caller (&c);
  g_autoptr(GByteArray) payload = g_byte_array_new ();
  g_autoptr(GBytes) args = NULL;
  GVirRpcError err = { .code = GVIR_RPC_ERR_NO_DOMAIN, .domain = 12,
                       .message = (char *) "Domain not found", .level = 2 };
  GVirRpcHeader call;

  args = peer_read (f, &call);
  gvir_rpc_put_error (payload, &err);
  peer_send (f, call.prog, call.proc, GVIR_RPC_TYPE_REPLY, call.serial, GVIR_RPC_STATUS_ERROR,
             payload);
  gvir_test_thread_join (thread, "the caller to return");
  g_assert_false (c.ok);
  g_assert_error (c.error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
  g_assert_cmpstr (c.error->message, ==, "Domain not found");
  g_clear_error (&c.error);
  g_assert_true (gvir_rpc_client_is_open (f->client));
}

/* A reply for another procedure fails that call only. */
static void
test_wrong_procedure_reply (Fixture       *f,
                            gconstpointer  data)
{
  Caller c = { .client = f->client, .proc = 4 };
  GVirTestThread *thread = start_caller (&c);
  g_autoptr(GBytes) args = NULL;
  GVirRpcHeader call;

  args = peer_read (f, &call);
  call.proc = 999;
  peer_reply_u32 (f, &call, 1);
  gvir_test_thread_join (thread, "the caller to return");
  g_assert_error (c.error, GVIR_ERROR, GVIR_ERROR_PROTOCOL);
  g_assert_nonnull (strstr (c.error->message, "999"));
  g_clear_error (&c.error);
  g_assert_true (gvir_rpc_client_is_open (f->client));
}

/* A reply nobody waits for closes the connection and fails every call. */
static void
test_unknown_serial_reply (Fixture       *f,
                           gconstpointer  data)
{
  Caller c = { .client = f->client, .proc = 3 };
  GVirTestThread *thread = start_caller (&c);
  g_autoptr(GBytes) args = NULL;
  GVirRpcHeader call;

  args = peer_read (f, &call);
  call.serial += 1000;
  peer_reply_u32 (f, &call, 1);
  gvir_test_thread_join (thread, "the caller to return");
  g_assert_error (c.error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  g_assert_nonnull (strstr (c.error->message, "protocol error"));
  g_clear_error (&c.error);
  g_assert_cmpint (GPOINTER_TO_INT (pop_bounded (f->closes, "the close callback")),
                   ==, GVIR_RPC_CLOSE_ERROR + 1);
  g_assert_false (gvir_rpc_client_is_open (f->client));
}

static void
test_oversized_packet (Fixture       *f,
                       gconstpointer  data)
{
  Caller c = { .client = f->client, .proc = 3 };
  GVirTestThread *thread = start_caller (&c);
  g_autoptr(GBytes) args = NULL;
  GVirRpcHeader call;
  static const guint8 huge[4] = { 0xff, 0xff, 0xff, 0xf0 };

  args = peer_read (f, &call);
  g_assert_true (gvir_rpc_transport_write_all (f->server, huge, sizeof huge, NULL));
  gvir_test_thread_join (thread, "the caller to return");
  g_assert_error (c.error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  g_assert_nonnull (strstr (c.error->message, "oversized"));
  g_clear_error (&c.error);
}

static void
test_wrong_program (Fixture       *f,
                    gconstpointer  data)
{
  Caller c = { .client = f->client, .proc = 3 };
  GVirTestThread *thread = start_caller (&c);
  g_autoptr(GBytes) args = NULL;
  GVirRpcHeader call;

  args = peer_read (f, &call);
  peer_send (f, 0x12345678, call.proc, GVIR_RPC_TYPE_REPLY, call.serial, GVIR_RPC_STATUS_OK, NULL);
  gvir_test_thread_join (thread, "the caller to return");
  g_assert_error (c.error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  g_assert_nonnull (strstr (c.error->message, "unknown program"));
  g_clear_error (&c.error);
}

/* The peer goes away: every pending call fails at once. */
static void
test_dropped (Fixture       *f,
              gconstpointer  data)
{
  Caller callers[4];
  GVirTestThread *threads[4];
  guint i;

  for (i = 0; i < 4; i++)
    {
      callers[i] = (Caller) { .client = f->client, .proc = 3 };
      threads[i] = start_caller (&callers[i]);
    }
  for (i = 0; i < 4; i++)
    {
      GVirRpcHeader call;

      g_bytes_unref (peer_read (f, &call));
    }
  gvir_rpc_transport_shutdown (f->server);
  for (i = 0; i < 4; i++)
    {
      gvir_test_thread_join (threads[i], "a caller to return");
      g_assert_error (callers[i].error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
      g_clear_error (&callers[i].error);
    }
  g_assert_cmpint (GPOINTER_TO_INT (pop_bounded (f->closes, "the close callback")),
                   ==, GVIR_RPC_CLOSE_EOF + 1);

  /* Later calls fail straight away. */
  callers[0] = (Caller) { .client = f->client, .proc = 3 };
  caller_thread (&callers[0]);
  g_assert_error (callers[0].error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  g_clear_error (&callers[0].error);
}

/* Cancelling one call leaves the connection usable. */
static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Caller c1 = { .client = f->client, .proc = 3, .cancellable = cancellable };
  Caller c2 = { .client = f->client, .proc = 4, .arg = 7 };
  GVirTestThread *t1 = start_caller (&c1);
  GVirTestThread *t2;
  GVirRpcHeader call1, call2;
  g_autoptr(GBytes) a2 = NULL;

  g_bytes_unref (peer_read (f, &call1));
  g_cancellable_cancel (cancellable);
  gvir_test_thread_join (t1, "the cancelled caller to return");
  g_assert_error (c1.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&c1.error);

  /* The late reply to the cancelled call is dropped quietly. */
  peer_reply_u32 (f, &call1, 1);
  t2 = start_caller (&c2);
  a2 = peer_read (f, &call2);
  peer_reply_u32 (f, &call2, args_u32 (a2) + 1);
  gvir_test_thread_join (t2, "the second caller to return");
  g_assert_no_error (c2.error);
  g_assert_cmpuint (c2.result, ==, 8);
  g_assert_true (gvir_rpc_client_is_open (f->client));
}

/* Pings are answered with pongs. */
static void
test_keepalive_pong (Fixture       *f,
                     gconstpointer  data)
{
  GVirRpcHeader h;
  g_autoptr(GBytes) payload = NULL;

  peer_send (f, GVIR_RPC_KEEPALIVE_PROGRAM, GVIR_RPC_KEEPALIVE_PROC_PING, GVIR_RPC_TYPE_MESSAGE,
             0, GVIR_RPC_STATUS_OK, NULL);
  payload = peer_read (f, &h);
  g_assert_cmphex (h.prog, ==, GVIR_RPC_KEEPALIVE_PROGRAM);
  g_assert_cmpint (h.proc, ==, GVIR_RPC_KEEPALIVE_PROC_PONG);
  g_assert_cmpuint (h.type, ==, GVIR_RPC_TYPE_MESSAGE);
  g_assert_cmpuint (g_bytes_get_size (payload), ==, 0);
}

/* A silent peer gets pinged, and is declared dead after count pings. */
static void
test_keepalive_dead_peer (Fixture       *f,
                          gconstpointer  data)
{
  Caller c = { .client = f->client, .proc = 3 };
  GVirTestThread *thread;
  GVirRpcHeader h;
  guint pings = 0;

  gvir_rpc_client_set_keepalive (f->client, 1, 2);
  thread = start_caller (&c);
  g_bytes_unref (peer_read (f, &h));
  /* Read what the client sends until it gives up: its pings. */
  for (;;)
    {
      guint8 word[4];
      guint8 body[24];
      GVirRpcHeader ping;

      if (!rpc_test_peer_read_exact (f->server, word, 4, "a keepalive ping or the end of the stream") ||
          !rpc_test_peer_read_exact (f->server, body, 24, "the rest of a keepalive ping"))
        break;
      g_assert_true (gvir_rpc_header_decode (body, 24, &ping, NULL));
      g_assert_cmphex (ping.prog, ==, GVIR_RPC_KEEPALIVE_PROGRAM);
      g_assert_cmpint (ping.proc, ==, GVIR_RPC_KEEPALIVE_PROC_PING);
      pings++;
    }
  gvir_test_thread_join (thread, "the caller to return");
  g_assert_cmpuint (pings, ==, 2);
  g_assert_error (c.error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  g_assert_nonnull (strstr (c.error->message, "keepalive"));
  g_clear_error (&c.error);
  g_assert_cmpint (GPOINTER_TO_INT (pop_bounded (f->closes, "the close callback")),
                   ==, GVIR_RPC_CLOSE_KEEPALIVE + 1);
}

/* Keepalive switched on while the reader already waits (for ever, since
 * it had none): the reader notices, pings, and gives up on the silent
 * peer. */
static void
test_keepalive_enabled_late (Fixture       *f,
                             gconstpointer  data)
{
  Caller c = { .client = f->client, .proc = 4, .arg = 1 };
  GVirTestThread *thread = start_caller (&c);
  g_autoptr(GBytes) args = NULL;
  GVirRpcHeader call;
  guint pings = 0;

  /* One round trip: afterwards the reader is back waiting for data. */
  args = peer_read (f, &call);
  peer_reply_u32 (f, &call, 2);
  gvir_test_thread_join (thread, "the caller to return");
  g_assert_no_error (c.error);
  /* The reader must wait (for ever) before keepalive is switched on, or
   * it would pick the switch up by itself. */
  rpc_test_wait_io_thread_settled (f->client);

  gvir_rpc_client_set_keepalive (f->client, 1, 2);
  for (;;)
    {
      guint8 word[4];
      guint8 body[24];
      GVirRpcHeader ping;

      if (!rpc_test_peer_read_exact (f->server, word, 4, "a keepalive ping from a reader that had none") ||
          !rpc_test_peer_read_exact (f->server, body, 24, "the rest of a keepalive ping"))
        break;
      g_assert_true (gvir_rpc_header_decode (body, 24, &ping, NULL));
      g_assert_cmpint (ping.proc, ==, GVIR_RPC_KEEPALIVE_PROC_PING);
      pings++;
    }
  g_assert_cmpuint (pings, ==, 2);
  g_assert_cmpint (GPOINTER_TO_INT (pop_bounded (f->closes, "the close callback")),
                   ==, GVIR_RPC_CLOSE_KEEPALIVE + 1);
}

/* A packet cut short by the peer's exit. */
static void
test_truncated_packet (Fixture       *f,
                       gconstpointer  data)
{
  Caller c = { .client = f->client, .proc = 3 };
  GVirTestThread *thread = start_caller (&c);
  g_autoptr(GBytes) args = NULL;
  GVirRpcHeader call;
  static const guint8 partial[10] = { 0, 0, 0, 40, 0x20, 0x00, 0x80, 0x86, 0, 0 };

  args = peer_read (f, &call);
  g_assert_true (gvir_rpc_transport_write_all (f->server, partial, sizeof partial, NULL));
  gvir_rpc_transport_shutdown (f->server);
  gvir_test_thread_join (thread, "the caller to return");
  g_assert_error (c.error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  g_assert_nonnull (strstr (c.error->message, "middle of a packet"));
  g_clear_error (&c.error);
}

/* ---- asynchronous calls and batched replies -------------------------------- */

typedef struct
{
  guint index;
  gboolean ok;
  guint32 result;
  GError *error;
} AsyncOutcome;

static void
on_async_reply (GBytes       *reply,
                const GError *error,
                gpointer      data)
{
  GAsyncQueue *queue = data;
  AsyncOutcome *out = g_new0 (AsyncOutcome, 1);

  /* The index travels in the reply value: value = 1000 + index. */
  if (reply != NULL)
    {
      GVirXdrReader r;

      gvir_xdr_reader_init (&r, g_bytes_get_data (reply, NULL), g_bytes_get_size (reply));
      out->ok = gvir_xdr_get_u32 (&r, &out->result, NULL);
    }
  else
    out->error = g_error_copy (error);
  g_async_queue_push (queue, out);
}

static GByteArray *
encode_reply_u32 (const GVirRpcHeader *call,
                  guint32              value,
                  GByteArray          *into)
{
  GVirRpcHeader h = { .prog = call->prog, .vers = 1, .proc = call->proc,
                      .type = GVIR_RPC_TYPE_REPLY, .serial = call->serial,
                      .status = GVIR_RPC_STATUS_OK };
  g_autoptr(GByteArray) payload = g_byte_array_new ();
  g_autoptr(GBytes) pkt = NULL;

  gvir_xdr_put_u32 (payload, value);
  pkt = gvir_rpc_packet_encode (&h, payload->data, payload->len, NULL);
  g_byte_array_append (into, g_bytes_get_data (pkt, NULL), g_bytes_get_size (pkt));
  return into;
}

/* Several replies in one write, the last one split over two writes: each
 * caller still gets its own reply. */
static void
test_async_batched (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GAsyncQueue) queue = g_async_queue_new ();
  g_autoptr(GByteArray) wire = g_byte_array_new ();
  GVirRpcHeader calls[4];
  gboolean seen[4] = { FALSE };
  guint i;

  for (i = 0; i < 4; i++)
    {
      g_autoptr(GByteArray) args = g_byte_array_new ();

      gvir_xdr_put_u32 (args, i);
      gvir_rpc_client_call_async (f->client, GVIR_RPC_REMOTE_PROGRAM, 3, args,
                                  on_async_reply, queue);
    }
  for (i = 0; i < 4; i++)
    {
      g_autoptr(GBytes) payload = peer_read (f, &calls[i]);

      g_assert_cmpuint (args_u32 (payload), ==, i);
    }
  /* Answered out of order. */
  for (i = 4; i-- > 0;)
    encode_reply_u32 (&calls[i], 1000 + i, wire);
  g_assert_true (gvir_rpc_transport_write_all (f->server, wire->data, wire->len - 5, NULL));
  g_usleep (G_USEC_PER_SEC / 100);
  g_assert_true (gvir_rpc_transport_write_all (f->server, wire->data + wire->len - 5, 5, NULL));

  for (i = 0; i < 4; i++)
    {
      g_autofree AsyncOutcome *out = pop_bounded (queue, "an asynchronous reply");

      g_assert_nonnull (out);
      g_assert_no_error (out->error);
      g_assert_true (out->ok);
      g_assert_cmpuint (out->result, >=, 1000);
      g_assert_cmpuint (out->result, <, 1004);
      g_assert_false (seen[out->result - 1000]);
      seen[out->result - 1000] = TRUE;
    }
}

/* An asynchronous call fails when the peer goes away, and at once on a
 * closed client. */
static void
test_async_closed (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GAsyncQueue) queue = g_async_queue_new ();
  g_autoptr(GBytes) payload = NULL;
  GVirRpcHeader call;
  guint i;

  gvir_rpc_client_call_async (f->client, GVIR_RPC_REMOTE_PROGRAM, 3, NULL, on_async_reply, queue);
  payload = peer_read (f, &call);
  gvir_rpc_transport_shutdown (f->server);

  for (i = 0; i < 2; i++)
    {
      g_autofree AsyncOutcome *out = pop_bounded (queue, "an asynchronous reply");

      g_assert_nonnull (out);
      g_assert_false (out->ok);
      g_assert_error (out->error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
      g_clear_error (&out->error);
      if (i == 0)
        {
          g_assert_cmpint (GPOINTER_TO_INT (pop_bounded (f->closes, "the close callback")),
                           !=, 0);
          gvir_rpc_client_call_async (f->client, GVIR_RPC_REMOTE_PROGRAM, 3, NULL,
                                      on_async_reply, queue);
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/rpc/client/" path, Fixture, NULL, setup, func, teardown)
  ADD ("multiplex", test_multiplex);
  ADD ("server-error", test_server_error);
  ADD ("wrong-procedure-reply", test_wrong_procedure_reply);
  ADD ("unknown-serial-reply", test_unknown_serial_reply);
  ADD ("oversized-packet", test_oversized_packet);
  ADD ("wrong-program", test_wrong_program);
  ADD ("truncated-packet", test_truncated_packet);
  ADD ("dropped", test_dropped);
  ADD ("cancel", test_cancel);
  ADD ("keepalive-pong", test_keepalive_pong);
  ADD ("keepalive-dead-peer", test_keepalive_dead_peer);
  ADD ("keepalive-enabled-late", test_keepalive_enabled_late);
  ADD ("async-batched", test_async_batched);
  ADD ("async-closed", test_async_closed);
#undef ADD

  return g_test_run ();
}
