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

#include "gvir-rpc-client-private.h"
#include "gvir-rpc-remote-private.h"
#include "gvir-rpc-xdr-private.h"
#include "libvirt-gobject/libvirt-gobject-error.h"

/* A call waiting for its reply. Owned by the caller while it waits; owned
 * by the table once the caller gave up (abandoned). */
typedef struct
{
  guint32 serial;
  guint32 prog;
  gint32 proc;
  GCond cond;
  gboolean done;
  gboolean abandoned;
  GBytes *reply;
  GError *error;
} PendingCall;

struct _GVirRpcClient
{
  GVirRpcTransport *transport;
  GThread *reader;
  gboolean started;         /* set once by gvir_rpc_client_start() */

  GMutex write_lock;        /* one packet at a time on the stream */

  GMutex lock;              /* guards everything below */
  GHashTable *calls;        /* serial -> PendingCall */
  guint32 next_serial;
  gboolean closed;
  gboolean closing;         /* gvir_rpc_client_close() is running */
  GError *close_error;      /* why it closed */
  guint ka_interval;        /* seconds; 0 = no keepalive */
  guint ka_count;

  GVirRpcEventFunc event_func;
  gpointer event_data;
  GVirRpcCloseFunc close_func;
  gpointer close_data;
};

static void
pending_call_free (PendingCall *call)
{
  g_cond_clear (&call->cond);
  g_clear_pointer (&call->reply, g_bytes_unref);
  g_clear_error (&call->error);
  g_free (call);
}

GVirRpcClient *
gvir_rpc_client_new (GVirRpcTransport *transport)
{
  GVirRpcClient *client;

  g_return_val_if_fail (transport != NULL, NULL);

  client = g_new0 (GVirRpcClient, 1);
  client->transport = transport;
  client->calls = g_hash_table_new (NULL, NULL);
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

  g_hash_table_iter_init (&iter, client->calls);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      PendingCall *call = value;

      g_hash_table_iter_remove (&iter);
      if (call->abandoned)
        {
          pending_call_free (call);
          continue;
        }
      call->error = g_error_new (GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED, "%s", reason->message);
      call->done = TRUE;
      g_cond_broadcast (&call->cond);
    }
  g_mutex_unlock (&client->lock);
  return TRUE;
}

/* ---- receiving -------------------------------------------------------------- */

/* Reads exactly @len bytes. Returns 1, 0 at a clean end of stream before
 * the first byte, -1 on error (also for an end of stream mid-packet). */
static int
read_exact (GVirRpcClient  *client,
            guint8         *buf,
            gsize           len,
            gint64          stall_timeout_us,
            GError        **error)
{
  gsize got = 0;

  while (got < len)
    {
      gssize n;

      if (stall_timeout_us > 0 &&
          gvir_rpc_transport_wait_readable (client->transport, stall_timeout_us) == 0)
        {
          g_set_error_literal (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED,
                               "the server stopped sending in the middle of a packet");
          return -1;
        }
      n = gvir_rpc_transport_read (client->transport, buf + got, len - got, error);
      if (n < 0)
        return -1;
      if (n == 0)
        {
          if (got == 0)
            return 0;
          g_set_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED,
                       "the connection closed in the middle of a packet "
                       "(%" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT " bytes)", got, len);
          return -1;
        }
      got += n;
    }
  return 1;
}

static void
complete_call (PendingCall *call,
               GBytes      *reply,
               GError      *error)
{
  call->reply = reply;
  call->error = error;
  call->done = TRUE;
  g_cond_broadcast (&call->cond);
}

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
  PendingCall *call;
  GBytes *reply = NULL;
  GError *call_error = NULL;

  g_mutex_lock (&client->lock);
  call = g_hash_table_lookup (client->calls, GUINT_TO_POINTER (header->serial));
  if (call == NULL)
    {
      g_mutex_unlock (&client->lock);
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_PROTOCOL,
                   "the server replied to serial %u (procedure %d), which no call is waiting for",
                   header->serial, header->proc);
      return FALSE;
    }
  g_hash_table_remove (client->calls, GUINT_TO_POINTER (header->serial));

  if (call->abandoned)
    {
      pending_call_free (call);
      g_mutex_unlock (&client->lock);
      return TRUE;
    }

  if (call->prog != header->prog || call->proc != header->proc)
    call_error = g_error_new (GVIR_ERROR, GVIR_ERROR_PROTOCOL,
                              "the server answered procedure %d with a reply for procedure %d",
                              call->proc, header->proc);
  else
    reply_to_result (header, payload, len, &reply, &call_error);
  complete_call (call, reply, call_error);
  g_mutex_unlock (&client->lock);
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

/* Waits for the next packet, pinging a silent peer. Returns 1 when data is
 * readable, or -1 with @reason set when the peer is considered dead. */
static int
wait_for_data (GVirRpcClient  *client,
               guint          *unanswered,
               int            *reason,
               GError        **error)
{
  for (;;)
    {
      guint interval, count;

      g_mutex_lock (&client->lock);
      interval = client->ka_interval;
      count = client->ka_count;
      g_mutex_unlock (&client->lock);

      if (interval == 0)
        return 1;
      if (gvir_rpc_transport_wait_readable (client->transport, (gint64) interval * G_USEC_PER_SEC))
        return 1;
      if (*unanswered >= count)
        {
          *reason = GVIR_RPC_CLOSE_KEEPALIVE;
          g_set_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED,
                       "the server did not answer %u keepalive pings in %u seconds",
                       count, count * interval);
          return -1;
        }
      if (!send_keepalive (client, GVIR_RPC_KEEPALIVE_PROC_PING, error))
        {
          *reason = GVIR_RPC_CLOSE_ERROR;
          return -1;
        }
      (*unanswered)++;
    }
}

/* Receives one packet and dispatches it. Returns FALSE with @reason and
 * @error set when the connection must close. */
static gboolean
receive_one (GVirRpcClient  *client,
             guint          *unanswered,
             int            *reason,
             GError        **error)
{
  guint8 word[GVIR_RPC_LEN_SIZE];
  g_autofree guint8 *body = NULL;
  guint32 body_len;
  GVirRpcHeader header;
  gint64 stall;
  int ret;

  if (wait_for_data (client, unanswered, reason, error) < 0)
    return FALSE;

  g_mutex_lock (&client->lock);
  stall = (gint64) client->ka_interval * MAX (client->ka_count, 1) * G_USEC_PER_SEC;
  g_mutex_unlock (&client->lock);

  *reason = GVIR_RPC_CLOSE_ERROR;
  ret = read_exact (client, word, sizeof word, stall, error);
  if (ret == 0)
    {
      *reason = GVIR_RPC_CLOSE_EOF;
      g_set_error_literal (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED,
                           "the server closed the connection");
      return FALSE;
    }
  if (ret < 0)
    return FALSE;

  /* The length is validated before anything is allocated for it. */
  if (!gvir_rpc_packet_check_length (word, &body_len, error))
    return FALSE;
  body = g_malloc (body_len);
  if (read_exact (client, body, body_len, stall, error) <= 0)
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED,
                             "the connection closed in the middle of a packet");
      return FALSE;
    }
  if (!gvir_rpc_header_decode (body, body_len, &header, error))
    return FALSE;

  *unanswered = 0;
  return dispatch_packet (client, &header, body + GVIR_RPC_HEADER_SIZE,
                          body_len - GVIR_RPC_HEADER_SIZE, error);
}

static gpointer
reader_thread (gpointer data)
{
  GVirRpcClient *client = data;
  g_autoptr(GError) error = NULL;
  guint unanswered = 0;
  int reason = GVIR_RPC_CLOSE_ERROR;
  gboolean by_user;

  while (receive_one (client, &unanswered, &reason, &error))
    ;

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
                gpointer      data)
{
  GVirRpcClient *client = ((gpointer *) data)[0];
  PendingCall *call = ((gpointer *) data)[1];

  g_mutex_lock (&client->lock);
  g_cond_broadcast (&call->cond);
  g_mutex_unlock (&client->lock);
}

/* Registers a new call; fails when the client is closed. */
static PendingCall *
register_call (GVirRpcClient  *client,
               guint32         prog,
               gint32          proc,
               GError        **error)
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
  g_cond_init (&call->cond);
  call->prog = prog;
  call->proc = proc;
  call->serial = client->next_serial++;
  g_hash_table_insert (client->calls, GUINT_TO_POINTER (call->serial), call);
  g_mutex_unlock (&client->lock);
  return call;
}

/* Waits for the reply, or gives the call up when @cancellable fires.
 * Returns the call when it completed (the caller frees it), NULL when it
 * was abandoned (the reader frees it). */
static PendingCall *
wait_for_reply (GVirRpcClient  *client,
                PendingCall    *call,
                GCancellable   *cancellable,
                GError        **error)
{
  gpointer data[2] = { client, call };
  gulong handler = 0;
  gboolean done;

  if (cancellable != NULL)
    handler = g_cancellable_connect (cancellable, G_CALLBACK (call_cancelled), data, NULL);

  g_mutex_lock (&client->lock);
  while (!call->done && !g_cancellable_is_cancelled (cancellable))
    g_cond_wait (&call->cond, &client->lock);
  done = call->done;
  if (!done)
    call->abandoned = TRUE;
  g_mutex_unlock (&client->lock);

  if (cancellable != NULL)
    g_cancellable_disconnect (cancellable, handler);

  if (done)
    return call;
  g_cancellable_set_error_if_cancelled (cancellable, error);
  return NULL;
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
  GVirRpcHeader header = {
    .prog = prog,
    .vers = 1,
    .proc = proc,
    .type = GVIR_RPC_TYPE_CALL,
    .status = GVIR_RPC_STATUS_OK,
  };
  g_autoptr(GError) send_error = NULL;
  PendingCall *call;
  gboolean ok;

  g_return_val_if_fail (client != NULL, FALSE);
  g_return_val_if_fail (client->started, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  call = register_call (client, prog, proc, error);
  if (call == NULL)
    return FALSE;
  header.serial = call->serial;

  if (!send_packet (client, &header, args ? args->data : NULL, args ? args->len : 0, &send_error))
    {
      /* Too large for the protocol: only this call fails. */
      if (send_error->code == GVIR_ERROR_INVALID_ARGUMENT)
        {
          g_mutex_lock (&client->lock);
          if (!call->done)
            {
              g_hash_table_remove (client->calls, GUINT_TO_POINTER (call->serial));
              complete_call (call, NULL, g_steal_pointer (&send_error));
            }
          g_mutex_unlock (&client->lock);
        }
      else
        {
          /* A broken stream: the reader wakes up and fails everyone. */
          gvir_rpc_transport_shutdown (client->transport);
        }
    }

  call = wait_for_reply (client, call, cancellable, error);
  if (call == NULL)
    return FALSE;

  ok = call->error == NULL;
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&call->error));
  else if (reply != NULL)
    *reply = g_steal_pointer (&call->reply);
  pending_call_free (call);
  return ok;
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
  g_mutex_clear (&client->lock);
  g_mutex_clear (&client->write_lock);
  g_free (client);
}
