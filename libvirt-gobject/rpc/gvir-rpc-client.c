/*
 * gvir-rpc-client.c: a multiplexing client of libvirt's RPC protocol
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

#include "gvir-rpc-client-private.h"
#include "gvir-rpc-remote-private.h"
#include "gvir-rpc-xdr-private.h"
#include "libvirt-gobject/libvirt-gobject-error.h"

/* Bytes the reader asks for at once: many small replies fit in one read. */
#define READ_CHUNK 65536

/* A call waiting for its reply. Shared by the caller and the table of
 * pending calls, each holding a reference: a caller that gives up just
 * drops its reference, and the reply (or the close) still finds the call
 * in the table. Each call has its own lock so that completing one call
 * never contends with the other callers or the reader. */
typedef struct
{
  gint ref;
  guint32 serial;
  guint32 prog;
  gint32 proc;
  GMutex lock;              /* guards the fields below */
  GCond cond;
  gboolean done;
  GBytes *reply;
  GError *error;
  GVirRpcReplyFunc func;    /* asynchronous calls: nobody waits */
  gpointer func_data;
} PendingCall;

struct _GVirRpcClient
{
  GVirRpcTransport *transport;
  GThread *reader;
  gboolean started;         /* set once by gvir_rpc_client_start() */

  GMutex write_lock;        /* one packet at a time on the stream */

  /* Reader thread only: bytes received and not yet dispatched are
   * buf[start, end). */
  guint8 *buf;
  gsize buf_size;
  gsize start;
  gsize end;

  GMutex lock;              /* guards everything below */
  GHashTable *calls;        /* serial -> PendingCall (one reference) */
  guint32 next_serial;
  gboolean closed;
  gboolean closing;         /* gvir_rpc_client_close() is running */
  GError *close_error;      /* why it closed */
  GCancellable *ka_wake;    /* cancelled when the settings change: the
                             * reader then recomputes its wait */
  guint ka_interval;        /* seconds; 0 = no keepalive */
  guint ka_count;

  GVirRpcEventFunc event_func;
  gpointer event_data;
  GVirRpcCloseFunc close_func;
  gpointer close_data;
};

static void
pending_call_unref (PendingCall *call)
{
  if (!g_atomic_int_dec_and_test (&call->ref))
    return;
  g_mutex_clear (&call->lock);
  g_cond_clear (&call->cond);
  g_clear_pointer (&call->reply, g_bytes_unref);
  g_clear_error (&call->error);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PendingCall, pending_call_unref)

/* Gives the call its outcome (taking @reply and @error) and wakes its
 * caller, or runs its callback. Only the first outcome counts. */
static void
complete_call (PendingCall *call,
               GBytes      *reply,
               GError      *error)
{
  gboolean first;

  g_mutex_lock (&call->lock);
  first = !call->done;
  if (first)
    {
      call->reply = reply;
      call->error = error;
      call->done = TRUE;
    }
  g_mutex_unlock (&call->lock);

  if (!first)
    {
      g_clear_pointer (&reply, g_bytes_unref);
      g_clear_error (&error);
      return;
    }
  if (call->func != NULL)
    {
      /* Nobody else reads an asynchronous call's outcome. */
      call->func (call->reply, call->error, call->func_data);
      return;
    }
  /* Signalled after unlocking so the woken caller does not at once block
   * on the lock we hold; our reference keeps the condition alive. */
  g_cond_signal (&call->cond);
}

GVirRpcClient *
gvir_rpc_client_new (GVirRpcTransport *transport)
{
  GVirRpcClient *client;

  g_return_val_if_fail (transport != NULL, NULL);

  client = g_new0 (GVirRpcClient, 1);
  client->transport = transport;
  client->calls = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) pending_call_unref);
  client->ka_wake = g_cancellable_new ();
  g_mutex_init (&client->lock);
  g_mutex_init (&client->write_lock);
  return client;
}

void
gvir_rpc_client_set_event_func (GVirRpcClient    *client,
                                GVirRpcEventFunc  func,
                                gpointer          user_data)
{
  g_return_if_fail (client->reader == NULL);

  client->event_func = func;
  client->event_data = user_data;
}

void
gvir_rpc_client_set_close_func (GVirRpcClient    *client,
                                GVirRpcCloseFunc  func,
                                gpointer          user_data)
{
  g_return_if_fail (client->reader == NULL);

  client->close_func = func;
  client->close_data = user_data;
}

void
gvir_rpc_client_set_keepalive (GVirRpcClient *client,
                               guint          interval,
                               guint          count)
{
  g_mutex_lock (&client->lock);
  client->ka_interval = count > 0 ? interval : 0;
  client->ka_count = count;
  g_mutex_unlock (&client->lock);
  /* A reader already waiting (for ever, without keepalive) must notice. */
  g_cancellable_cancel (client->ka_wake);
}

gboolean
gvir_rpc_client_is_open (GVirRpcClient *client)
{
  gboolean open;

  g_mutex_lock (&client->lock);
  open = !client->closed;
  g_mutex_unlock (&client->lock);
  return open;
}

/* ---- sending ---------------------------------------------------------------- */

static gboolean
send_packet (GVirRpcClient        *client,
             const GVirRpcHeader  *header,
             const guint8         *payload,
             gsize                 len,
             GError              **error)
{
  g_autoptr(GBytes) packet = gvir_rpc_packet_encode (header, payload, len, error);
  gboolean ok;

  if (packet == NULL)
    return FALSE;
  g_mutex_lock (&client->write_lock);
  ok = gvir_rpc_transport_write_all (client->transport, g_bytes_get_data (packet, NULL),
                                     g_bytes_get_size (packet), error);
  g_mutex_unlock (&client->write_lock);
  return ok;
}

static gboolean
send_keepalive (GVirRpcClient  *client,
                gint32          proc,
                GError        **error)
{
  GVirRpcHeader header = {
    .prog = GVIR_RPC_KEEPALIVE_PROGRAM,
    .vers = GVIR_RPC_KEEPALIVE_VERSION,
    .proc = proc,
    .type = GVIR_RPC_TYPE_MESSAGE,
    .serial = 0,
    .status = GVIR_RPC_STATUS_OK,
  };

  return send_packet (client, &header, NULL, 0, error);
}

/* ---- closing ---------------------------------------------------------------- */

/* Marks the client closed and fails every pending call with @reason's
 * message. Returns FALSE when it was already closed. */
static gboolean
mark_closed (GVirRpcClient *client,
             const GError  *reason)
{
  g_autoptr(GHashTable) calls = NULL;
  GHashTableIter iter;
  gpointer value;

  g_mutex_lock (&client->lock);
  if (client->closed)
    {
      g_mutex_unlock (&client->lock);
      return FALSE;
    }
  client->closed = TRUE;
  client->close_error = g_error_copy (reason);
  /* Completed outside the lock: the table is ours now. */
  calls = g_steal_pointer (&client->calls);
  client->calls = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) pending_call_unref);
  g_mutex_unlock (&client->lock);

  g_hash_table_iter_init (&iter, calls);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    complete_call (value, NULL,
                   g_error_new (GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED, "%s", reason->message));
  return TRUE;
}

/* ---- receiving -------------------------------------------------------------- */

/* Builds the caller's result from a REPLY packet. */
static void
reply_to_result (const GVirRpcHeader  *header,
                 const guint8         *payload,
                 gsize                 len,
                 GBytes              **reply,
                 GError              **error)
{
  GVirRpcError rerr;
  GVirXdrReader reader;
  g_autoptr(GError) local = NULL;

  if (header->status == GVIR_RPC_STATUS_OK)
    {
      *reply = g_bytes_new (payload, len);
      return;
    }
  if (header->status != GVIR_RPC_STATUS_ERROR)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_PROTOCOL,
                   "unexpected reply status %u for procedure %d", header->status, header->proc);
      return;
    }

  gvir_xdr_reader_init (&reader, payload, len);
  if (!gvir_rpc_get_error (&reader, &rerr, &local))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_PROTOCOL,
                   "malformed error reply for procedure %d: %s", header->proc, local->message);
      return;
    }
  *error = gvir_rpc_error_to_gerror (&rerr);
  gvir_rpc_error_clear (&rerr);
}

/* Hands a REPLY to its caller. FALSE (with @error) for a protocol violation. */
static gboolean
dispatch_reply (GVirRpcClient        *client,
                const GVirRpcHeader  *header,
                const guint8         *payload,
                gsize                 len,
                GError              **error)
{
  g_autoptr(PendingCall) call = NULL;
  gpointer value = NULL;
  GBytes *reply = NULL;
  GError *call_error = NULL;

  g_mutex_lock (&client->lock);
  if (g_hash_table_steal_extended (client->calls, GUINT_TO_POINTER (header->serial), NULL, &value))
    call = value;
  g_mutex_unlock (&client->lock);

  if (call == NULL)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_PROTOCOL,
                   "the server replied to serial %u (procedure %d), which no call is waiting for",
                   header->serial, header->proc);
      return FALSE;
    }

  if (call->prog != header->prog || call->proc != header->proc)
    call_error = g_error_new (GVIR_ERROR, GVIR_ERROR_PROTOCOL,
                              "the server answered procedure %d with a reply for procedure %d",
                              call->proc, header->proc);
  else
    reply_to_result (header, payload, len, &reply, &call_error);
  /* A caller that gave up has dropped its reference: nobody reads this. */
  complete_call (call, reply, call_error);
  return TRUE;
}

static gboolean
dispatch_packet (GVirRpcClient        *client,
                 const GVirRpcHeader  *header,
                 const guint8         *payload,
                 gsize                 len,
                 GError              **error)
{
  if (!gvir_rpc_header_check_program (header, error))
    return FALSE;

  if (header->prog == GVIR_RPC_KEEPALIVE_PROGRAM)
    {
      if (header->type == GVIR_RPC_TYPE_MESSAGE && header->proc == GVIR_RPC_KEEPALIVE_PROC_PING)
        return send_keepalive (client, GVIR_RPC_KEEPALIVE_PROC_PONG, error);
      /* PONG, or keepalive procedures we do not know: nothing to do. */
      return TRUE;
    }

  switch (header->type)
    {
    case GVIR_RPC_TYPE_REPLY:
      return dispatch_reply (client, header, payload, len, error);
    case GVIR_RPC_TYPE_MESSAGE:
      if (client->event_func != NULL)
        client->event_func (client, header, payload, len, client->event_data);
      return TRUE;
    default:
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_PROTOCOL,
                   "unexpected packet of type %u from the server (procedure %d)",
                   header->type, header->proc);
      return FALSE;
    }
}

/* Waits until the stream is readable, pinging a silent peer. FALSE with
 * @reason and @error set when the peer is considered dead. */
static gboolean
wait_for_data (GVirRpcClient  *client,
               guint          *unanswered,
               int            *reason,
               GError        **error)
{
  for (;;)
    {
      guint interval, count;
      gint64 timeout;
      int ready;

      /* Reset before reading the settings: a change made after this
       * point cancels again and wakes the wait below. */
      g_cancellable_reset (client->ka_wake);
      g_mutex_lock (&client->lock);
      interval = client->ka_interval;
      count = client->ka_count;
      g_mutex_unlock (&client->lock);

      /* The first ping goes out half an interval into a silence, the next
       * ones an interval apart, and the last gets half an interval to be
       * answered: count pings, and a dead peer is known within
       * interval x count seconds (libvirt's own client takes one more
       * interval). */
      timeout = interval == 0 ? -1 : (gint64) interval * G_USEC_PER_SEC;
      if (timeout > 0 && (*unanswered == 0 || *unanswered >= count))
        timeout /= 2;
      ready = gvir_rpc_transport_wait_readable (client->transport, timeout, client->ka_wake);
      if (ready > 0)
        return TRUE;
      if (ready < 0)
        continue;   /* new settings: start the wait again */
      if (*unanswered >= count)
        {
          *reason = GVIR_RPC_CLOSE_KEEPALIVE;
          g_set_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED,
                       "the server did not answer %u keepalive pings in %u seconds",
                       count, count * interval);
          return FALSE;
        }
      if (!send_keepalive (client, GVIR_RPC_KEEPALIVE_PROC_PING, error))
        {
          *reason = GVIR_RPC_CLOSE_ERROR;
          return FALSE;
        }
      (*unanswered)++;
    }
}

/* Waits for the rest of a packet; a peer that stops sending in the middle
 * of one for as long as keepalive would tolerate is dead. */
static gboolean
wait_for_rest (GVirRpcClient  *client,
               GError        **error)
{
  gint64 stall;

  g_mutex_lock (&client->lock);
  stall = (gint64) client->ka_interval * MAX (client->ka_count, 1) * G_USEC_PER_SEC;
  g_mutex_unlock (&client->lock);

  if (gvir_rpc_transport_wait_readable (client->transport, stall > 0 ? stall : -1, NULL) > 0)
    return TRUE;
  g_set_error_literal (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED,
                       "the server stopped sending in the middle of a packet");
  return FALSE;
}

/* Dispatches every complete packet in the buffer. Sets *need to the
 * number of buffered bytes the next packet needs. */
static gboolean
dispatch_buffered (GVirRpcClient  *client,
                   gsize          *need,
                   GError        **error)
{
  for (;;)
    {
      gsize avail = client->end - client->start;
      const guint8 *p = client->buf + client->start;
      guint32 body_len;
      GVirRpcHeader header;

      *need = GVIR_RPC_LEN_SIZE;
      if (avail < GVIR_RPC_LEN_SIZE)
        return TRUE;
      /* The length is validated before anything is allocated for it. */
      if (!gvir_rpc_packet_check_length (p, &body_len, error))
        return FALSE;
      *need = GVIR_RPC_LEN_SIZE + (gsize) body_len;
      if (avail < *need)
        return TRUE;

      p += GVIR_RPC_LEN_SIZE;
      if (!gvir_rpc_header_decode (p, body_len, &header, error) ||
          !dispatch_packet (client, &header, p + GVIR_RPC_HEADER_SIZE,
                            body_len - GVIR_RPC_HEADER_SIZE, error))
        return FALSE;
      client->start += *need;
    }
}

/* Makes room for @need bytes from client->start on. */
static void
make_room (GVirRpcClient *client,
           gsize          need)
{
  gsize avail = client->end - client->start;

  if (client->start > 0 && (avail == 0 || client->start + need > client->buf_size))
    {
      memmove (client->buf, client->buf + client->start, avail);
      client->start = 0;
      client->end = avail;
    }
  if (need > client->buf_size)
    {
      client->buf_size = need;
      client->buf = g_realloc (client->buf, need);
    }
  else if (avail == 0 && client->buf_size > 4 * READ_CHUNK)
    {
      /* Do not keep a large reply's buffer for the rest of the session. */
      client->buf_size = READ_CHUNK;
      client->buf = g_realloc (client->buf, READ_CHUNK);
    }
}

/* Receives and dispatches packets until the connection must close; then
 * returns with @reason and @error set. One read takes whatever the socket
 * holds, often several replies; the reader only polls when it would
 * block. */
static void
receive_loop (GVirRpcClient  *client,
              int            *reason,
              GError        **error)
{
  guint unanswered = 0;
  gboolean drained = FALSE;

  client->buf_size = READ_CHUNK;
  client->buf = g_malloc (client->buf_size);
  client->start = client->end = 0;

  for (;;)
    {
      gboolean would_block = FALSE;
      gsize need, room;
      gssize n;

      *reason = GVIR_RPC_CLOSE_ERROR;
      if (!dispatch_buffered (client, &need, error))
        return;
      make_room (client, need);
      room = client->buf_size - client->end;

      /* A read that did not fill the buffer most likely emptied the
       * socket: wait first rather than spend a read on EAGAIN. */
      if (drained)
        {
          n = -1;
          would_block = TRUE;
        }
      else
        n = gvir_rpc_transport_try_read (client->transport, client->buf + client->end,
                                         room, &would_block, error);
      drained = FALSE;
      if (n > 0)
        {
          client->end += n;
          unanswered = 0;
          drained = (gsize) n < room && !gvir_rpc_transport_is_tls (client->transport);
          continue;
        }
      if (n == 0)
        {
          if (client->end == client->start)
            {
              *reason = GVIR_RPC_CLOSE_EOF;
              g_set_error_literal (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED,
                                   "the server closed the connection");
            }
          else
            g_set_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED,
                         "the connection closed in the middle of a packet "
                         "(%" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT " bytes)",
                         client->end - client->start, need);
          return;
        }
      if (!would_block)
        return;
      if (client->end > client->start ? !wait_for_rest (client, error)
                                      : !wait_for_data (client, &unanswered, reason, error))
        return;
    }
}

static gpointer
reader_thread (gpointer data)
{
  GVirRpcClient *client = data;
  g_autoptr(GError) error = NULL;
  int reason = GVIR_RPC_CLOSE_ERROR;
  gboolean by_user;

  receive_loop (client, &reason, &error);
  g_clear_pointer (&client->buf, g_free);

  g_mutex_lock (&client->lock);
  by_user = client->closing;
  g_mutex_unlock (&client->lock);

  if (by_user)
    {
      g_clear_error (&error);
      g_set_error_literal (&error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED,
                           "the connection was closed");
    }
  else if (error->domain == GVIR_ERROR && error->code == GVIR_ERROR_PROTOCOL)
    {
      /* A malformed packet ends the connection: say so to every caller. */
      g_autoptr(GError) protocol = g_steal_pointer (&error);

      g_set_error (&error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED,
                   "closing the connection after a protocol error: %s", protocol->message);
    }

  gvir_rpc_transport_shutdown (client->transport);
  if (mark_closed (client, error) && !by_user && client->close_func != NULL)
    client->close_func (client, reason, error, client->close_data);
  return NULL;
}

void
gvir_rpc_client_start (GVirRpcClient *client)
{
  g_return_if_fail (client->reader == NULL);

  client->started = TRUE;
  client->reader = g_thread_new ("gvir-rpc-reader", reader_thread, client);
}

/* ---- calls ------------------------------------------------------------------ */

static void
call_cancelled (GCancellable *cancellable,
                PendingCall  *call)
{
  /* Taking the lock orders this wake-up after the caller's check of the
   * cancellable, so it cannot be lost. */
  g_mutex_lock (&call->lock);
  g_mutex_unlock (&call->lock);
  g_cond_signal (&call->cond);
}

/* Registers a new call; fails when the client is closed. The table and
 * the caller each own a reference. */
static PendingCall *
register_call (GVirRpcClient     *client,
               guint32            prog,
               gint32             proc,
               GVirRpcReplyFunc   func,
               gpointer           func_data,
               GError           **error)
{
  PendingCall *call;

  g_mutex_lock (&client->lock);
  if (client->closed)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED, "%s",
                   client->close_error ? client->close_error->message : "the connection is closed");
      g_mutex_unlock (&client->lock);
      return NULL;
    }
  call = g_new0 (PendingCall, 1);
  call->ref = 2;
  g_mutex_init (&call->lock);
  g_cond_init (&call->cond);
  call->prog = prog;
  call->proc = proc;
  call->func = func;
  call->func_data = func_data;
  call->serial = client->next_serial++;
  g_hash_table_insert (client->calls, GUINT_TO_POINTER (call->serial), call);
  g_mutex_unlock (&client->lock);
  return call;
}

/* Fails a call that never reached the server, if nothing completed it. */
static void
fail_unsent_call (GVirRpcClient *client,
                  PendingCall   *call,
                  GError        *error)
{
  gpointer value = NULL;
  gboolean ours;

  g_mutex_lock (&client->lock);
  ours = g_hash_table_steal_extended (client->calls, GUINT_TO_POINTER (call->serial), NULL, &value);
  g_mutex_unlock (&client->lock);

  if (ours)
    {
      complete_call (call, NULL, error);
      pending_call_unref (call);
    }
  else
    g_error_free (error);
}

/* Waits for the reply, or gives the call up when @cancellable fires: the
 * call then stays in the table until its reply arrives, so that a late
 * reply is not mistaken for a protocol violation. */
static gboolean
wait_for_reply (PendingCall   *call,
                GCancellable  *cancellable,
                GError       **error)
{
  gulong handler = 0;
  gboolean done;

  if (cancellable != NULL)
    handler = g_cancellable_connect (cancellable, G_CALLBACK (call_cancelled), call, NULL);

  g_mutex_lock (&call->lock);
  while (!call->done && !g_cancellable_is_cancelled (cancellable))
    g_cond_wait (&call->cond, &call->lock);
  done = call->done;
  g_mutex_unlock (&call->lock);

  if (cancellable != NULL)
    g_cancellable_disconnect (cancellable, handler);

  if (!done)
    g_cancellable_set_error_if_cancelled (cancellable, error);
  return done;
}

/* Sends a registered call. Whatever goes wrong completes the call: a
 * packet too large fails it alone, a broken stream fails every call. */
static void
send_call (GVirRpcClient *client,
           PendingCall   *call,
           GByteArray    *args)
{
  GVirRpcHeader header = {
    .prog = call->prog,
    .vers = 1,
    .proc = call->proc,
    .type = GVIR_RPC_TYPE_CALL,
    .serial = call->serial,
    .status = GVIR_RPC_STATUS_OK,
  };
  g_autoptr(GError) send_error = NULL;

  if (send_packet (client, &header, args ? args->data : NULL, args ? args->len : 0, &send_error))
    return;
  if (send_error->code == GVIR_ERROR_INVALID_ARGUMENT)
    fail_unsent_call (client, call, g_steal_pointer (&send_error));
  else
    {
      /* The reader wakes up and fails everyone. */
      gvir_rpc_transport_shutdown (client->transport);
    }
}

void
gvir_rpc_client_call_async (GVirRpcClient     *client,
                            guint32            prog,
                            gint32             proc,
                            GByteArray        *args,
                            GVirRpcReplyFunc   func,
                            gpointer           user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PendingCall) call = NULL;

  g_return_if_fail (client != NULL);
  g_return_if_fail (client->started);
  g_return_if_fail (func != NULL);

  call = register_call (client, prog, proc, func, user_data, &error);
  if (call == NULL)
    {
      func (NULL, error, user_data);
      return;
    }
  send_call (client, call, args);
}

gboolean
gvir_rpc_client_call (GVirRpcClient  *client,
                      guint32         prog,
                      gint32          proc,
                      GByteArray     *args,
                      GBytes        **reply,
                      GCancellable   *cancellable,
                      GError        **error)
{
  g_autoptr(PendingCall) call = NULL;

  g_return_val_if_fail (client != NULL, FALSE);
  g_return_val_if_fail (client->started, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  call = register_call (client, prog, proc, NULL, NULL, error);
  if (call == NULL)
    return FALSE;
  send_call (client, call, args);
  if (!wait_for_reply (call, cancellable, error))
    return FALSE;

  /* Done: nobody else touches the outcome any more. */
  if (call->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&call->error));
      return FALSE;
    }
  if (reply != NULL)
    *reply = g_steal_pointer (&call->reply);
  return TRUE;
}

/* ---- lifetime --------------------------------------------------------------- */

void
gvir_rpc_client_close (GVirRpcClient *client)
{
  GThread *reader;

  g_return_if_fail (client != NULL);

  g_mutex_lock (&client->lock);
  client->closing = TRUE;
  reader = g_steal_pointer (&client->reader);
  g_mutex_unlock (&client->lock);

  gvir_rpc_transport_shutdown (client->transport);
  if (reader != NULL)
    g_thread_join (reader);
  else
    {
      g_autoptr(GError) error = g_error_new_literal (GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED,
                                                     "the connection was closed");
      mark_closed (client, error);
    }
}

void
gvir_rpc_client_free (GVirRpcClient *client)
{
  if (client == NULL)
    return;

  gvir_rpc_client_close (client);
  g_hash_table_destroy (client->calls);
  g_clear_error (&client->close_error);
  gvir_rpc_transport_free (client->transport);
  g_object_unref (client->ka_wake);
  g_mutex_clear (&client->lock);
  g_mutex_clear (&client->write_lock);
  g_free (client);
}
