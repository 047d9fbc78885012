/*
 * test-rpc-misbehaving.c: the RPC client against a peer that misbehaves
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * The peer is the other end of a socketpair, driven by the test: it falls
 * silent, stops reading, floods pings, drips a reply, cuts one short or
 * sends malformed frames. Each scenario must end with a clear error (the
 * exact domain, code and a word of the message) within its own bound,
 * which the test sets small through the client's limits; memory stays
 * bounded (the outgoing queue never exceeds its cap). Frames malformed in
 * their payload (truncated strings and arrays, oversize arrays) are the
 * decoders' business: test-rpc-protocol covers them; the length, program,
 * serial and procedure cases are in test-rpc-client.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "gvir-test-wait.h"
#include "rpc-test-peer.h"
#include "libvirt-gobject/libvirt-gobject-error.h"
#include "libvirt-gobject/rpc/gvir-rpc-client-private.h"
#include "libvirt-gobject/rpc/gvir-rpc-remote-private.h"

/* What a scenario's own bound allows beyond the limit it tests: thread
 * wake-ups on a loaded machine (stretched under valgrind). */
#define MARGIN_MS 1500

typedef struct
{
  GVirRpcClient *client;
  GVirRpcTransport *server;
  GAsyncQueue *closes;    /* close reasons + 1 */
  GError *close_error;    /* the close callback's error */
  gint64 closed_at;
} Fixture;

static guint
multiplier (void)
{
  const char *m = g_getenv ("GVIR_TEST_WAIT_MULTIPLIER");

  return m != NULL && atoi (m) > 0 ? (guint) atoi (m) : 1;
}

/* A bound in microseconds for a limit of @limit_ms: limit plus margin,
 * the margin stretched like every other wait of the suite. */
static gint64
bound_usec (guint limit_ms)
{
  return ((gint64) limit_ms + (gint64) MARGIN_MS * multiplier ()) * 1000;
}

static void
on_close (GVirRpcClient *client,
          int            reason,
          const GError  *error,
          gpointer       data)
{
  Fixture *f = data;

  f->closed_at = g_get_monotonic_time ();
  f->close_error = g_error_copy (error);
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
  f->closes = g_async_queue_new ();
  f->client = gvir_rpc_client_new (gvir_rpc_transport_new_for_socket (a));
  f->server = gvir_rpc_transport_new_for_socket (b);
  gvir_rpc_client_set_close_func (f->client, on_close, f);
  gvir_rpc_client_start (f->client);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  gvir_rpc_client_free (f->client);
  gvir_rpc_transport_free (f->server);
  g_async_queue_unref (f->closes);
  g_clear_error (&f->close_error);
}

static void
set_limits (Fixture *f,
            guint    stall_ms,
            guint    frame_ms,
            gsize    max_queued)
{
  GVirRpcClientLimits limits;

  gvir_rpc_client_get_default_limits (&limits);
  limits.stall_timeout_ms = stall_ms;
  limits.frame_timeout_ms = frame_ms;
  limits.max_queued_bytes = max_queued;
  gvir_rpc_client_set_limits (f->client, &limits);
}

/* Waits (bounded by @bound_us from @since) for the close callback and
 * checks its reason and error. */
static void
expect_close (Fixture    *f,
              gint64      since,
              gint64      bound_us,
              int         reason,
              const char *word)
{
  gint64 left = since + bound_us - g_get_monotonic_time ();
  gpointer item = g_async_queue_timeout_pop (f->closes, MAX (left, 1));

  if (item == NULL)
    gvir_test_wait_timed_out ("the client to declare the misbehaving peer dead");
  g_assert_cmpint (GPOINTER_TO_INT (item), ==, reason + 1);
  g_assert_error (f->close_error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  g_assert_nonnull (strstr (f->close_error->message, word));
  g_assert_cmpint (f->closed_at - since, <=, bound_us);
  g_assert_false (gvir_rpc_client_is_open (f->client));
}

/* ---- the scripted peer ------------------------------------------------------ */

/* Reads one packet's header; FALSE at the end of the stream. */
static gboolean
peer_read (Fixture       *f,
           GVirRpcHeader *header)
{
  guint8 word[4];
  guint32 body_len;
  g_autofree guint8 *body = NULL;

  if (!rpc_test_peer_read_exact (f->server, word, 4, "the client's next packet"))
    return FALSE;
  g_assert_true (gvir_rpc_packet_check_length (word, &body_len, NULL));
  body = g_malloc (body_len);
  g_assert_true (rpc_test_peer_read_exact (f->server, body, body_len, "the rest of the client's packet"));
  g_assert_true (gvir_rpc_header_decode (body, body_len, header, NULL));
  return TRUE;
}

static GBytes *
encode (guint32        prog,
        gint32         proc,
        GVirRpcType    type,
        guint32        serial,
        GVirRpcStatus  status,
        GByteArray    *payload)
{
  GVirRpcHeader h = { .prog = prog, .vers = 1, .proc = proc, .type = type,
                      .serial = serial, .status = status };

  return gvir_rpc_packet_encode (&h, payload ? payload->data : NULL,
                                 payload ? payload->len : 0, NULL);
}

static GBytes *
encode_reply_u32 (const GVirRpcHeader *call,
                  guint32              value)
{
  g_autoptr(GByteArray) payload = g_byte_array_new ();

  gvir_xdr_put_u32 (payload, value);
  return encode (call->prog, call->proc, GVIR_RPC_TYPE_REPLY, call->serial,
                 GVIR_RPC_STATUS_OK, payload);
}

static void
peer_write (Fixture      *f,
            const guint8 *data,
            gsize         len)
{
  g_assert_true (gvir_rpc_transport_write_all (f->server, data, len, NULL));
}

/* Reads what the client sends until the end of the stream; returns how
 * many keepalive pings it was. */
static guint
peer_count_pings_until_eof (Fixture *f)
{
  GVirRpcHeader h;
  guint pings = 0;

  while (peer_read (f, &h))
    if (h.prog == GVIR_RPC_KEEPALIVE_PROGRAM && h.proc == GVIR_RPC_KEEPALIVE_PROC_PING)
      pings++;
  return pings;
}

/* ---- a caller in its own thread ---------------------------------------------- */

typedef struct
{
  GVirRpcClient *client;
  gint32 proc;
  gboolean ok;
  guint32 result;
  GError *error;
  GMutex lock;
  GCond cond;
  gboolean done;
} Caller;

static gpointer
caller_thread (gpointer data)
{
  Caller *c = data;
  g_autoptr(GBytes) reply = NULL;
  GError *error = NULL;
  gboolean ok;

  ok = gvir_rpc_client_call (c->client, GVIR_RPC_REMOTE_PROGRAM, c->proc, NULL, &reply, NULL,
                             &error);
  if (ok)
    {
      GVirXdrReader r;

      gvir_xdr_reader_init (&r, g_bytes_get_data (reply, NULL), g_bytes_get_size (reply));
      g_assert_true (gvir_xdr_get_u32 (&r, &c->result, NULL));
    }
  g_mutex_lock (&c->lock);
  c->ok = ok;
  c->error = error;
  c->done = TRUE;
  g_cond_signal (&c->cond);
  g_mutex_unlock (&c->lock);
  return NULL;
}

static GVirTestThread *
start_caller (Caller        *c,
              GVirRpcClient *client,
              gint32         proc)
{
  *c = (Caller) { .client = client, .proc = proc };
  g_mutex_init (&c->lock);
  g_cond_init (&c->cond);
  return gvir_test_thread_new ("caller", caller_thread, c);
}

/* Waits for the caller's outcome at most @bound_us from @since. */
static void
caller_wait (Caller     *c,
             gint64      since,
             gint64      bound_us,
             const char *what)
{
  g_mutex_lock (&c->lock);
  while (!c->done)
    if (!g_cond_wait_until (&c->cond, &c->lock, since + bound_us) && !c->done)
      gvir_test_wait_timed_out (what);
  g_mutex_unlock (&c->lock);
}

static void
caller_finish (Caller         *c,
               GVirTestThread *thread)
{
  gvir_test_thread_join (thread, "the caller thread to end");
  g_clear_error (&c->error);
  g_mutex_clear (&c->lock);
  g_cond_clear (&c->cond);
}

/* Checks the caller failed with CONNECTION_CLOSED and @word. */
static void
caller_expect_closed (Caller     *c,
                      const char *word)
{
  g_assert_false (c->ok);
  g_assert_error (c->error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  g_assert_nonnull (strstr (c->error->message, word));
}

/* ---- silence ------------------------------------------------------------------ */

/* CONNECT_OPEN goes out, then keepalive is switched on while the I/O
 * thread already waits with no deadline (as the remote driver does after
 * asking for the feature): the silent peer gets count pings and is dead
 * within interval x count. */
static void
test_silent_keepalive (Fixture       *f,
                       gconstpointer  data)
{
  Caller c;
  GVirTestThread *thread = start_caller (&c, f->client, GVIR_RPC_PROC_CONNECT_OPEN);
  GVirRpcHeader call;
  gint64 since;

  g_assert_true (peer_read (f, &call));
  g_assert_cmpint (call.proc, ==, GVIR_RPC_PROC_CONNECT_OPEN);
  /* The I/O thread waits (far off: the default stall timer) before the
   * late switch, so only the switch itself can shorten that wait. */
  rpc_test_wait_io_thread_settled (f->client);
  since = g_get_monotonic_time ();
  gvir_rpc_client_set_keepalive (f->client, 1, 2);

  g_assert_cmpuint (peer_count_pings_until_eof (f), ==, 2);
  caller_wait (&c, since, bound_usec (2000), "the unanswered CONNECT_OPEN to fail");
  caller_expect_closed (&c, "keepalive");
  expect_close (f, since, bound_usec (2000), GVIR_RPC_CLOSE_KEEPALIVE, "keepalive");
  caller_finish (&c, thread);
}

/* No keepalive: the stall timer alone ends the wait. */
static void
test_silent_no_keepalive (Fixture       *f,
                          gconstpointer  data)
{
  Caller c;
  GVirTestThread *thread;
  GVirRpcHeader call;
  gint64 since;

  set_limits (f, 300, 60000, GVIR_RPC_CLIENT_DEFAULT_MAX_QUEUED_BYTES);
  /* An idle I/O thread waits for ever: the call must wake it to start
   * the stall timer. */
  rpc_test_wait_io_thread_settled (f->client);
  since = g_get_monotonic_time ();
  thread = start_caller (&c, f->client, GVIR_RPC_PROC_CONNECT_OPEN);
  g_assert_true (peer_read (f, &call));

  caller_wait (&c, since, bound_usec (300), "the unanswered call to fail");
  caller_expect_closed (&c, "sent nothing");
  expect_close (f, since, bound_usec (300), GVIR_RPC_CLOSE_KEEPALIVE, "sent nothing");
  g_assert_cmpuint (peer_count_pings_until_eof (f), ==, 0);
  caller_finish (&c, thread);
}

/* ---- close while calls are in flight ---------------------------------------- */

typedef struct
{
  GMutex lock;
  GCond cond;
  gboolean entered;
  gboolean release;
} EventGate;

/* Holds the I/O thread inside the event callback until released: the
 * close must not wait for it to fail the calls. */
static void
on_event_gate (GVirRpcClient       *client,
               const GVirRpcHeader *header,
               const guint8        *payload,
               gsize                len,
               gpointer             data)
{
  EventGate *gate = data;

  g_mutex_lock (&gate->lock);
  gate->entered = TRUE;
  g_cond_broadcast (&gate->cond);
  while (!gate->release)
    g_cond_wait (&gate->cond, &gate->lock);
  g_mutex_unlock (&gate->lock);
}

static gboolean
gate_entered (gpointer data)
{
  return ((EventGate *) data)->entered;
}

static gpointer
close_thread (gpointer data)
{
  gvir_rpc_client_close (data);
  return NULL;
}

static void
test_close_in_flight (void)
{
  Fixture fx = { 0 }, *f = &fx;
  EventGate gate = { 0 };
  Caller c1, c2;
  GVirTestThread *t1, *t2, *closer;
  GVirRpcHeader call;
  g_autoptr(GBytes) event = NULL;
  int fds[2];
  g_autoptr(GSocket) a = NULL;
  g_autoptr(GSocket) b = NULL;
  gint64 since;

  g_mutex_init (&gate.lock);
  g_cond_init (&gate.cond);
  g_assert_cmpint (socketpair (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds), ==, 0);
  a = g_socket_new_from_fd (fds[0], NULL);
  b = g_socket_new_from_fd (fds[1], NULL);
  f->closes = g_async_queue_new ();
  f->client = gvir_rpc_client_new (gvir_rpc_transport_new_for_socket (a));
  f->server = gvir_rpc_transport_new_for_socket (b);
  gvir_rpc_client_set_close_func (f->client, on_close, f);
  gvir_rpc_client_set_event_func (f->client, on_event_gate, &gate);
  gvir_rpc_client_start (f->client);
  gvir_rpc_client_set_keepalive (f->client, 2, 100);

  t1 = start_caller (&c1, f->client, 3);
  t2 = start_caller (&c2, f->client, 4);
  g_assert_true (peer_read (f, &call));
  g_assert_true (peer_read (f, &call));
  /* The I/O thread gets stuck in a slow event handler. */
  event = encode (GVIR_RPC_REMOTE_PROGRAM, GVIR_RPC_PROC_DOMAIN_EVENT_CALLBACK_LIFECYCLE,
                  GVIR_RPC_TYPE_MESSAGE, 0, GVIR_RPC_STATUS_OK, NULL);
  peer_write (f, g_bytes_get_data (event, NULL), g_bytes_get_size (event));
  g_mutex_lock (&gate.lock);
  gvir_test_cond_wait_until (&gate.cond, &gate.lock, gate_entered, &gate,
                             "the I/O thread to enter the event handler");
  g_mutex_unlock (&gate.lock);

  since = g_get_monotonic_time ();
  closer = gvir_test_thread_new ("closer", close_thread, f->client);
  caller_wait (&c1, since, bound_usec (0), "the first call to fail at close");
  caller_wait (&c2, since, bound_usec (0), "the second call to fail at close");
  caller_expect_closed (&c1, "closed");
  caller_expect_closed (&c2, "closed");
  g_assert_false (gvir_rpc_client_is_open (f->client));

  g_mutex_lock (&gate.lock);
  gate.release = TRUE;
  g_cond_broadcast (&gate.cond);
  g_mutex_unlock (&gate.lock);
  gvir_test_thread_join (closer, "close() to return");
  /* Nothing can go out after close, keepalive included: the stream ends
   * (a ping sent before the close may still be in it). */
  g_assert_cmpuint (peer_count_pings_until_eof (f), <=, 1);
  /* A close by the user is not the peer going away. */
  g_assert_null (g_async_queue_try_pop (f->closes));

  caller_finish (&c1, t1);
  caller_finish (&c2, t2);
  teardown (f, NULL);
  g_mutex_clear (&gate.lock);
  g_cond_clear (&gate.cond);
}

/* ---- a peer that stops reading ---------------------------------------------- */

typedef struct
{
  Fixture *f;
  GBytes *wire;
} Writer;

static gpointer
writer_thread (gpointer data)
{
  Writer *w = data;

  peer_write (w->f, g_bytes_get_data (w->wire, NULL), g_bytes_get_size (w->wire));
  return NULL;
}

/* The peer reads one call, then never reads again: it floods pings (each
 * wants a PONG, and the socket towards it fills), then answers the call.
 * The reply arrives; the output that cannot move makes the peer dead
 * after the stall timeout; PONGs never pile up. */
static void
test_stops_reading (Fixture       *f,
                    gconstpointer  data)
{
  guint pings = GPOINTER_TO_UINT (data);
  guint stall_ms = 2000 * multiplier ();
  g_autoptr(GByteArray) wire = g_byte_array_new ();
  g_autoptr(GBytes) ping = NULL;
  g_autoptr(GBytes) reply = NULL;
  Writer w = { .f = f };
  GVirTestThread *writer;
  GVirTestThread *thread;
  GVirRpcHeader call;
  Caller c;
  gint64 since;
  guint i;

  set_limits (f, stall_ms, 60000, 64 * 1024);
  thread = start_caller (&c, f->client, 3);
  g_assert_true (peer_read (f, &call));

  ping = encode (GVIR_RPC_KEEPALIVE_PROGRAM, GVIR_RPC_KEEPALIVE_PROC_PING, GVIR_RPC_TYPE_MESSAGE,
                 0, GVIR_RPC_STATUS_OK, NULL);
  for (i = 0; i < pings; i++)
    g_byte_array_append (wire, g_bytes_get_data (ping, NULL), g_bytes_get_size (ping));
  reply = encode_reply_u32 (&call, 42);
  g_byte_array_append (wire, g_bytes_get_data (reply, NULL), g_bytes_get_size (reply));
  w.wire = g_byte_array_free_to_bytes (g_steal_pointer (&wire));
  writer = gvir_test_thread_new ("flood", writer_thread, &w);

  caller_wait (&c, g_get_monotonic_time (), gvir_test_wait_bound_usec (),
               "the reply queued behind the pings");
  g_assert_no_error (c.error);
  g_assert_true (c.ok);
  g_assert_cmpuint (c.result, ==, 42);
  gvir_test_thread_join (writer, "the flood to be written");
  since = g_get_monotonic_time ();

  expect_close (f, since, bound_usec (stall_ms), GVIR_RPC_CLOSE_KEEPALIVE, "stopped reading");
  g_assert_cmpuint (gvir_rpc_client_get_peak_queued_bytes (f->client), <=, 64 * 1024);
  g_bytes_unref (w.wire);
  caller_finish (&c, thread);
}

static void
on_async_reply (GBytes       *reply,
                const GError *error,
                gpointer      data)
{
  g_async_queue_push (data, error != NULL ? g_error_copy (error) : g_error_new_literal (
                            G_IO_ERROR, G_IO_ERROR_FAILED, "unexpected reply"));
}

/* The peer reads nothing while calls keep coming: once the socket is full
 * the queue grows to its cap, and the call past it makes the peer dead.
 * Every call fails; the queue never held more than the cap. */
static void
test_queue_cap (Fixture       *f,
                gconstpointer  data)
{
  const gsize cap = 64 * 1024;
  g_autoptr(GAsyncQueue) outcomes = g_async_queue_new_full ((GDestroyNotify) g_error_free);
  g_autoptr(GByteArray) args = g_byte_array_new ();
  gint64 since = g_get_monotonic_time ();
  guint calls = 0, i;

  set_limits (f, 60000, 60000, cap);
  g_byte_array_set_size (args, 4096);
  memset (args->data, 0, args->len);
  /* Far more than the socket and the cap together can hold. */
  while (gvir_rpc_client_is_open (f->client) && calls < 4096)
    {
      gvir_rpc_client_call_async (f->client, GVIR_RPC_REMOTE_PROGRAM, 3, args, on_async_reply,
                                  outcomes);
      calls++;
      g_assert_cmpuint (gvir_rpc_client_get_queued_bytes (f->client), <=, cap);
    }
  expect_close (f, since, gvir_test_wait_bound_usec (), GVIR_RPC_CLOSE_KEEPALIVE,
                "stopped reading");
  g_assert_cmpuint (calls, <, 4096);
  for (i = 0; i < calls; i++)
    {
      g_autoptr(GError) error = g_async_queue_timeout_pop (outcomes, gvir_test_wait_bound_usec ());

      if (error == NULL)
        gvir_test_wait_timed_out ("every queued call to fail");
      g_assert_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
    }
  g_assert_cmpuint (gvir_rpc_client_get_peak_queued_bytes (f->client), <=, cap);
  g_assert_cmpuint (gvir_rpc_client_get_peak_queued_bytes (f->client), >, cap - 4200);
}

/* ---- slow and cut-short replies ------------------------------------------- */

typedef struct
{
  Fixture *f;
  GBytes *packet;
  gint stop;          /* atomic */
} Dripper;

static gpointer
drip_thread (gpointer data)
{
  Dripper *d = data;
  gsize len;
  const guint8 *p = g_bytes_get_data (d->packet, &len);
  gsize i;

  for (i = 0; i < len && !g_atomic_int_get (&d->stop); i++)
    {
      if (!gvir_rpc_transport_write_all (d->f->server, p + i, 1, NULL))
        break;
      g_usleep (G_USEC_PER_SEC / 5);
    }
  return NULL;
}

/* A reply dripped a byte at a time, with keepalive on: every byte resets
 * keepalive and the stall timer, but not the frame deadline. */
static void
test_drip (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GByteArray) payload = g_byte_array_new ();
  Dripper d = { .f = f };
  GVirTestThread *dripper;
  GVirTestThread *thread;
  GVirRpcHeader call;
  Caller c;
  gint64 since;

  set_limits (f, 1000, 600, GVIR_RPC_CLIENT_DEFAULT_MAX_QUEUED_BYTES);
  gvir_rpc_client_set_keepalive (f->client, 1, 2);
  thread = start_caller (&c, f->client, 3);
  g_assert_true (peer_read (f, &call));
  g_byte_array_set_size (payload, 200);
  memset (payload->data, 0, payload->len);
  d.packet = encode (call.prog, call.proc, GVIR_RPC_TYPE_REPLY, call.serial,
                     GVIR_RPC_STATUS_OK, payload);
  since = g_get_monotonic_time ();
  dripper = gvir_test_thread_new ("drip", drip_thread, &d);

  caller_wait (&c, since, bound_usec (600), "the dripped reply to be given up");
  caller_expect_closed (&c, "middle of a packet");
  expect_close (f, since, bound_usec (600), GVIR_RPC_CLOSE_KEEPALIVE, "middle of a packet");
  g_atomic_int_set (&d.stop, 1);
  gvir_test_thread_join (dripper, "the dripper to stop");
  g_bytes_unref (d.packet);
  caller_finish (&c, thread);
}

/* No keepalive, a generous stall timer: a reply cut short and then
 * silence ends at the frame deadline. */
static void
test_truncated_silence (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GBytes) reply = NULL;
  GVirTestThread *thread;
  GVirRpcHeader call;
  Caller c;
  gint64 since;

  set_limits (f, 60000, 300, GVIR_RPC_CLIENT_DEFAULT_MAX_QUEUED_BYTES);
  thread = start_caller (&c, f->client, 3);
  g_assert_true (peer_read (f, &call));
  reply = encode_reply_u32 (&call, 7);
  since = g_get_monotonic_time ();
  peer_write (f, g_bytes_get_data (reply, NULL), 10);

  caller_wait (&c, since, bound_usec (300), "the truncated reply to be given up");
  caller_expect_closed (&c, "10 of 32 bytes");
  expect_close (f, since, bound_usec (300), GVIR_RPC_CLOSE_KEEPALIVE, "middle of a packet");
  caller_finish (&c, thread);
}

/* ---- malformed frames --------------------------------------------------------- */

typedef struct
{
  const char *name;
  guint32 length;     /* 0: the real length */
  guint32 vers;
  guint32 type;
  guint32 status;
  gboolean fatal;     /* the connection closes; else the call alone fails */
  GVirError code;
  const char *word;
} BadFrame;

static const BadFrame bad_frames[] = {
  { "length-short", 8, 1, GVIR_RPC_TYPE_REPLY, GVIR_RPC_STATUS_OK, TRUE,
    GVIR_ERROR_CONNECTION_CLOSED, "shorter" },
  { "length-header-only", 27, 1, GVIR_RPC_TYPE_REPLY, GVIR_RPC_STATUS_OK, TRUE,
    GVIR_ERROR_CONNECTION_CLOSED, "shorter" },
  { "bad-version", 0, 2, GVIR_RPC_TYPE_REPLY, GVIR_RPC_STATUS_OK, TRUE,
    GVIR_ERROR_CONNECTION_CLOSED, "version" },
  { "bad-type", 0, 1, 9, GVIR_RPC_STATUS_OK, TRUE,
    GVIR_ERROR_CONNECTION_CLOSED, "type" },
  { "call-type", 0, 1, GVIR_RPC_TYPE_CALL, GVIR_RPC_STATUS_OK, TRUE,
    GVIR_ERROR_CONNECTION_CLOSED, "type" },
  { "bad-status", 0, 1, GVIR_RPC_TYPE_REPLY, 7, TRUE,
    GVIR_ERROR_CONNECTION_CLOSED, "status" },
  { "continue-status", 0, 1, GVIR_RPC_TYPE_REPLY, GVIR_RPC_STATUS_CONTINUE, FALSE,
    GVIR_ERROR_PROTOCOL, "status" },
  { "bad-error-reply", 0, 1, GVIR_RPC_TYPE_REPLY, GVIR_RPC_STATUS_ERROR, FALSE,
    GVIR_ERROR_PROTOCOL, "malformed error reply" },
};

static void
put_be32 (guint8  *p,
          guint32  v)
{
  p[0] = v >> 24;
  p[1] = v >> 16;
  p[2] = v >> 8;
  p[3] = v;
}

/* Answers a call with a frame broken in one field of its header (the
 * payload, 4 bytes, is garbage for an error reply). */
static void
test_bad_frame (Fixture       *f,
                gconstpointer  data)
{
  const BadFrame *bad = data;
  GVirTestThread *thread;
  GVirRpcHeader call;
  guint8 frame[32] = { 0 };
  Caller c;
  gint64 since;

  thread = start_caller (&c, f->client, 3);
  g_assert_true (peer_read (f, &call));
  put_be32 (frame, bad->length != 0 ? bad->length : sizeof frame);
  put_be32 (frame + 4, call.prog);
  put_be32 (frame + 8, bad->vers);
  put_be32 (frame + 12, (guint32) call.proc);
  put_be32 (frame + 16, bad->type);
  put_be32 (frame + 20, call.serial);
  put_be32 (frame + 24, bad->status);
  put_be32 (frame + 28, 0xffffffff);
  since = g_get_monotonic_time ();
  peer_write (f, frame, bad->length != 0 && bad->length < sizeof frame ? 4 : sizeof frame);

  caller_wait (&c, since, gvir_test_wait_bound_usec (), "the call answered with a bad frame");
  g_assert_false (c.ok);
  g_assert_error (c.error, GVIR_ERROR, bad->code);
  g_assert_nonnull (strstr (c.error->message, bad->word));
  g_assert_cmpint (gvir_rpc_client_is_open (f->client), ==, !bad->fatal);
  if (bad->fatal)
    expect_close (f, since, gvir_test_wait_bound_usec (), GVIR_RPC_CLOSE_ERROR, bad->word);
  caller_finish (&c, thread);
}

int
main (int    argc,
      char **argv)
{
  gsize i;

  g_test_init (&argc, &argv, NULL);

#define ADD(path, data, func) \
  g_test_add ("/rpc/misbehaving/" path, Fixture, data, setup, func, teardown)
  ADD ("silent/keepalive", NULL, test_silent_keepalive);
  ADD ("silent/no-keepalive", NULL, test_silent_no_keepalive);
  g_test_add_func ("/rpc/misbehaving/close-in-flight", test_close_in_flight);
  ADD ("stops-reading/3000-pings", GUINT_TO_POINTER (3000), test_stops_reading);
  ADD ("stops-reading/100000-pings", GUINT_TO_POINTER (100000), test_stops_reading);
  ADD ("stops-reading/queue-cap", NULL, test_queue_cap);
  ADD ("drip", NULL, test_drip);
  ADD ("truncated-then-silence", NULL, test_truncated_silence);
  for (i = 0; i < G_N_ELEMENTS (bad_frames); i++)
    {
      g_autofree char *path = g_strdup_printf ("/rpc/misbehaving/bad-frame/%s",
                                               bad_frames[i].name);

      g_test_add (path, Fixture, &bad_frames[i], setup, test_bad_frame, teardown);
    }
#undef ADD

  return g_test_run ();
}
