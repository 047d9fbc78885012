/*
 * gvird-client.c: one connected client: framing, limits, output queue
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Everything here runs in the I/O thread except gvird_client_post() and
 * the reference count. The output side (queue, byte count, calls in
 * flight, the socket's writes) is shared under the client's lock: a
 * worker or driver thread that posts a packet while nothing is queued
 * writes it itself (non-blocking); only what the socket does not take
 * right away waits in the queue for the I/O thread. So a call costs no
 * I/O-thread wakeup for its reply, and packets still leave in the order
 * they were posted (a packet is written directly only when nothing is
 * queued before it). Other threads wake the I/O thread (the client
 * source's ready time) only when it must change what it watches or
 * close the client.
 *
 * Input is read in chunks of up to READ_CHUNK bytes, which may hold
 * several frames; bytes read past the point where the caps stop taking
 * calls wait in a stash (at most one chunk) until a slot frees.
 *
 * Memory a client can make us hold is bounded: a frame's length word is
 * checked before anything is allocated for it, and its buffer then grows
 * only by the bytes that actually arrived; the socket is not read while
 * max_client_requests calls are in flight or max_client_queue bytes of
 * output wait; events that would queue beyond that close the client (it
 * stopped reading); so does a frame not complete after frame_timeout
 * seconds.
 */
#include "config.h"

#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string.h>

#include "gvird-stream-private.h"

/* How much one read takes, and so how fast a frame's buffer grows. */
#define READ_CHUNK 65536
/* Packets read in one wakeup before other clients get their turn. */
#define PACKETS_PER_WAKEUP 16

struct _GvirdClient
{
  gint ref_count;
  GvirdServer *server;
  guint64 id;
  GSocket *socket;
  GvirdPeer peer;
  GvirdSession *session;
  GvirdStreams *streams;

  /* Shared with workers and driver threads, under lock (closed is only
   * set by the I/O thread, so it may read it without the lock). */
  GMutex lock;
  gboolean closed;
  GIOCondition watching;      /* what the I/O thread polls for */
  gboolean kicked;            /* the source's ready time is set */
  char *close_reason;         /* another thread's reason to close it */

  GSource *source;
  gpointer fd_tag;

  /* Input: the length word, then the body (header and payload). */
  guint8 len_word[GVIR_RPC_LEN_SIZE];
  gsize len_have;
  GByteArray *body;
  guint32 body_len;
  GSource *frame_timer;     /* runs while a frame is incomplete */

  guint calls_in_flight;       /* under lock */
  GByteArray *stash;          /* input read past the caps (I/O thread) */

  /* Keepalive, for clients that asked for it (feature 10): a PING after
   * keepalive_interval seconds without input, closed after
   * keepalive_count of them go unanswered. */
  GSource *keepalive_timer;
  gint64 last_input;
  guint pings_unanswered;

  /* Output, under lock: packets not yet written, and how much of the
   * head is. */
  GQueue out;
  gsize out_bytes;
  gsize head_written;
};

static void client_settle (GvirdClient *client);

GvirdClient *
gvird_client_ref (GvirdClient *client)
{
  g_atomic_int_inc (&client->ref_count);
  return client;
}

void
gvird_client_unref (GvirdClient *client)
{
  if (client == NULL || !g_atomic_int_dec_and_test (&client->ref_count))
    return;
  g_assert (client->closed);
  gvird_session_free (client->session);
  gvird_streams_free (client->streams);
  g_queue_clear_full (&client->out, (GDestroyNotify) g_bytes_unref);
  g_clear_pointer (&client->body, g_byte_array_unref);
  g_clear_pointer (&client->stash, g_byte_array_unref);
  /* Destroyed at close; kept until now so that another thread holding a
   * reference may still set its ready time (a no-op once destroyed). */
  g_clear_pointer (&client->source, g_source_unref);
  g_clear_object (&client->socket);
  g_free (client->close_reason);
  g_mutex_clear (&client->lock);
  g_free (client);
}

guint64
gvird_client_get_id (GvirdClient *client)
{
  return client->id;
}

const GvirdPeer *
gvird_client_get_peer (GvirdClient *client)
{
  return &client->peer;
}

GvirdSession *
gvird_client_get_session (GvirdClient *client)
{
  return client->session;
}

GvirdStreams *
gvird_client_get_streams (GvirdClient *client)
{
  return client->streams;
}

/* ---- closing -------------------------------------------------------------- */

static void
client_stop_frame_timer (GvirdClient *client)
{
  if (client->frame_timer != NULL)
    {
      g_source_destroy (client->frame_timer);
      g_clear_pointer (&client->frame_timer, g_source_unref);
    }
}

void
gvird_client_close (GvirdClient *client,
                    const char  *why)
{
  if (client->closed)
    return;
  /* No other thread writes to the socket once closed is set. */
  g_mutex_lock (&client->lock);
  client->closed = TRUE;
  g_queue_clear_full (&client->out, (GDestroyNotify) g_bytes_unref);
  client->out_bytes = 0;
  client->head_written = 0;
  g_mutex_unlock (&client->lock);
  g_debug ("client %" G_GUINT64_FORMAT " (pid %d, uid %u): closed: %s", client->id,
           client->peer.pid, client->peer.uid, why);
  client_stop_frame_timer (client);
  if (client->keepalive_timer != NULL)
    {
      g_source_destroy (client->keepalive_timer);
      g_clear_pointer (&client->keepalive_timer, g_source_unref);
    }
  g_source_destroy (client->source);
  g_socket_close (client->socket, NULL);
  /* Before the session's driver connection goes: the streams are its. */
  gvird_streams_close_all (client->streams);
  /* Calls still running keep their reference; their replies are dropped. */
  gvird_session_close (client->session);
  g_clear_pointer (&client->body, g_byte_array_unref);
  g_clear_pointer (&client->stash, g_byte_array_unref);
  gvird_server_client_gone (client->server, client);
  gvird_client_unref (client);  /* the server's reference */
}

/* ---- output ----------------------------------------------------------------- */

/* Whether the client's queued output reached its cap: then no more calls
 * are read from it (their replies would pile up too). Under lock. */
static gboolean
client_output_full (GvirdClient *client)
{
  return client->out_bytes >= (gsize) client->server->config->max_client_queue;
}

/* Whether a new call may be read: a slot is free and output is below
 * its cap. Under lock. */
static gboolean
client_takes_calls (GvirdClient *client)
{
  return client->calls_in_flight < (guint) client->server->config->max_client_requests &&
         !client_output_full (client);
}

/* Leaves the close to the I/O thread (under lock, any thread). */
static void
client_fail (GvirdClient *client,
             const char  *why)
{
  if (client->close_reason == NULL)
    client->close_reason = g_strdup (why);
}

/* Writes what the socket takes, without blocking (under lock, any
 * thread); a failure is left in close_reason. */
static void
client_flush (GvirdClient *client)
{
  while (!g_queue_is_empty (&client->out) && client->close_reason == NULL)
    {
      GBytes *head = g_queue_peek_head (&client->out);
      gsize size = 0;
      const guint8 *data = g_bytes_get_data (head, &size);
      g_autoptr (GError) error = NULL;
      gssize n;

      n = g_socket_send (client->socket, (const char *) data + client->head_written,
                         size - client->head_written, NULL, &error);
      if (n < 0)
        {
          if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
            client_fail (client, error->message);
          return;
        }
      client->head_written += n;
      if (client->head_written < size)
        continue;
      client->head_written = 0;
      client->out_bytes -= size;
      g_bytes_unref (g_queue_pop_head (&client->out));
    }
}

/* Queues @packet and writes what the socket takes at once (under lock,
 * any thread). A reply is always queued: replies are bounded, as no call
 * is read while the queue is full and at most max_client_requests run;
 * so is stream data (@bounded too), sent only while there is room.
 * Other packets (events, pongs) are what piles up at a client that does
 * not read: past the cap, that client is closed. */
static void
client_enqueue (GvirdClient *client,
                GBytes      *packet,
                gboolean     bounded)
{
  if (client->closed || client->close_reason != NULL)
    return;
  if (!bounded && client_output_full (client))
    {
      client_fail (client, "too much output queued: the client does not read");
      return;
    }
  client->out_bytes += g_bytes_get_size (packet);
  g_queue_push_tail (&client->out, g_bytes_ref (packet));
  /* Behind other packets, this one waits: they go first. */
  if (g_queue_get_length (&client->out) == 1)
    client_flush (client);
}

/* Whether the I/O thread must act: close the client, watch for the
 * socket taking the rest of the output, or read again. Under lock. */
static gboolean
client_needs_io_thread (GvirdClient *client)
{
  if (client->closed)
    return FALSE;
  if (client->close_reason != NULL)
    return TRUE;
  if (!g_queue_is_empty (&client->out) && !(client->watching & G_IO_OUT))
    return TRUE;
  return !(client->watching & G_IO_IN) && client_takes_calls (client);
}

/* Makes the I/O thread dispatch the client's source (under lock). */
static void
client_kick (GvirdClient *client)
{
  if (client->kicked)
    return;
  client->kicked = TRUE;
  g_source_set_ready_time (client->source, 0);
}

void
gvird_client_post (GvirdClient *client,
                   GBytes      *packet,
                   gboolean     ends_call)
{
  g_mutex_lock (&client->lock);
  if (ends_call)
    client->calls_in_flight--;
  client_enqueue (client, packet, ends_call);
  if (client_needs_io_thread (client))
    client_kick (client);
  g_mutex_unlock (&client->lock);
}

void
gvird_client_post_stream (GvirdClient *client,
                          GBytes      *packet)
{
  g_mutex_lock (&client->lock);
  client_enqueue (client, packet, TRUE);
  if (client_needs_io_thread (client))
    client_kick (client);
  g_mutex_unlock (&client->lock);
}

gboolean
gvird_client_has_room (GvirdClient *client)
{
  gboolean room;

  g_mutex_lock (&client->lock);
  room = !client->closed && !client_output_full (client);
  g_mutex_unlock (&client->lock);
  return room;
}

void
gvird_client_wake (GvirdClient *client)
{
  g_mutex_lock (&client->lock);
  if (!client->closed)
    client_kick (client);
  g_mutex_unlock (&client->lock);
}

/* ---- input ------------------------------------------------------------------ */

static gboolean
frame_timed_out (gpointer data)
{
  GvirdClient *client = data;

  g_clear_pointer (&client->frame_timer, g_source_unref);
  gvird_client_close (client, "a frame was left incomplete too long");
  return G_SOURCE_REMOVE;
}

static void
client_start_frame_timer (GvirdClient *client)
{
  int seconds = client->server->config->frame_timeout;

  if (client->frame_timer != NULL || seconds <= 0)
    return;
  client->frame_timer = g_timeout_source_new_seconds (seconds);
  g_source_set_callback (client->frame_timer, frame_timed_out, client, NULL);
  g_source_attach (client->frame_timer, client->server->context);
}

static void
answer_ping (GvirdClient         *client,
             const GVirRpcHeader *ping)
{
  GVirRpcHeader pong = *ping;
  g_autoptr (GBytes) packet = NULL;

  pong.proc = GVIR_RPC_KEEPALIVE_PROC_PONG;
  pong.type = GVIR_RPC_TYPE_MESSAGE;
  pong.status = GVIR_RPC_STATUS_OK;
  packet = gvir_rpc_packet_encode (&pong, NULL, 0, NULL);
  g_mutex_lock (&client->lock);
  client_enqueue (client, packet, FALSE);
  g_mutex_unlock (&client->lock);
}

static void
reply_error_now (GvirdClient         *client,
                 const GVirRpcHeader *header,
                 const char          *message)
{
  g_autoptr (GBytes) packet = gvird_dispatch_error_reply (header, GVIR_RPC_ERR_RPC,
                                                          GVIR_RPC_ERR_DOMAIN_RPC, message);

  if (packet == NULL)
    return;
  g_mutex_lock (&client->lock);
  client_enqueue (client, packet, TRUE);
  g_mutex_unlock (&client->lock);
}

/* One whole frame: FALSE when it closed the client. */
static gboolean
client_handle_frame (GvirdClient *client)
{
  g_autoptr (GByteArray) body = g_steal_pointer (&client->body);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) payload = NULL;
  GVirRpcHeader header;

  client->len_have = 0;
  client_stop_frame_timer (client);
  if (!gvir_rpc_header_decode (body->data, body->len, &header, &error))
    {
      gvird_client_close (client, error->message);
      return FALSE;
    }
  if (header.prog == GVIR_RPC_KEEPALIVE_PROGRAM)
    {
      if (header.proc == GVIR_RPC_KEEPALIVE_PROC_PING && header.type == GVIR_RPC_TYPE_MESSAGE)
        answer_ping (client, &header);
      return !client->closed;
    }
  if (header.prog != GVIR_RPC_REMOTE_PROGRAM || header.vers != GVIR_RPC_REMOTE_VERSION)
    {
      g_autofree char *msg = g_strdup_printf ("Cannot find program %u version %u",
                                              header.prog, header.vers);

      reply_error_now (client, &header, msg);
      return !client->closed;
    }
  if (header.type == GVIR_RPC_TYPE_STREAM)
    {
      gvird_streams_handle_packet (client->streams, &header, body->data + GVIR_RPC_HEADER_SIZE,
                                   body->len - GVIR_RPC_HEADER_SIZE);
      return !client->closed;
    }
  /* Like libvirtd: anything else but a call (a stray reply or message)
   * is dropped and the connection stays usable. */
  if (header.type != GVIR_RPC_TYPE_CALL)
    return TRUE;
  if (header.status != GVIR_RPC_STATUS_OK)
    {
      g_autofree char *msg = g_strdup_printf ("Unexpected message status %u", header.status);

      reply_error_now (client, &header, msg);
      return !client->closed;
    }
  payload = g_bytes_new (body->data + GVIR_RPC_HEADER_SIZE, body->len - GVIR_RPC_HEADER_SIZE);
  g_mutex_lock (&client->lock);
  client->calls_in_flight++;
  g_mutex_unlock (&client->lock);
  gvird_dispatch_queue (client->server, client, &header, payload);
  return !client->closed;
}

/* Whether another call may be read now (I/O thread). */
static gboolean
client_may_read (GvirdClient *client)
{
  gboolean ok;

  g_mutex_lock (&client->lock);
  ok = client_takes_calls (client);
  g_mutex_unlock (&client->lock);
  return ok;
}

/* Feeds @len bytes of input to the frame in progress, handling each
 * frame they complete. A new frame is not begun once @frames reached
 * PACKETS_PER_WAKEUP or the caps stop taking calls. Returns how many
 * bytes were used, or -1 when the client was closed. */
static gssize
client_take_bytes (GvirdClient  *client,
                   const guint8 *data,
                   gsize         len,
                   guint        *frames)
{
  g_autoptr (GError) error = NULL;
  gsize used = 0;

  while (used < len)
    {
      gsize n;

      if (client->len_have == 0 && (*frames >= PACKETS_PER_WAKEUP || !client_may_read (client)))
        break;
      if (client->len_have < GVIR_RPC_LEN_SIZE)
        {
          n = MIN (GVIR_RPC_LEN_SIZE - client->len_have, len - used);
          memcpy (client->len_word + client->len_have, data + used, n);
          client->len_have += n;
          used += n;
          if (client->len_have < GVIR_RPC_LEN_SIZE)
            break;
          /* The length is checked before anything is allocated for the
           * frame, whose buffer then grows only as its bytes arrive. */
          if (!gvir_rpc_packet_check_length (client->len_word, &client->body_len, &error))
            {
              gvird_client_close (client, error->message);
              return -1;
            }
          client->body = g_byte_array_sized_new (MIN (client->body_len, (guint32) READ_CHUNK));
          continue;
        }
      n = MIN (client->body_len - client->body->len, len - used);
      g_byte_array_append (client->body, data + used, n);
      used += n;
      if (client->body->len < client->body_len)
        break;
      if (!client_handle_frame (client))
        return -1;
      (*frames)++;
    }
  return used;
}

/* Takes the stashed input first; FALSE while some of it still waits. */
static gboolean
client_take_stash (GvirdClient *client,
                   guint       *frames)
{
  gssize used;

  if (client->stash == NULL)
    return TRUE;
  used = client_take_bytes (client, client->stash->data, client->stash->len, frames);
  if (used < 0)
    return FALSE;
  g_byte_array_remove_range (client->stash, 0, used);
  if (client->stash->len > 0)
    return FALSE;
  g_clear_pointer (&client->stash, g_byte_array_unref);
  return TRUE;
}

static void
client_read (GvirdClient *client)
{
  guint8 chunk[READ_CHUNK];
  guint frames = 0;

  if (!client_take_stash (client, &frames))
    return;
  while (frames < PACKETS_PER_WAKEUP && client_may_read (client))
    {
      g_autoptr (GError) error = NULL;
      gssize n = g_socket_receive (client->socket, (char *) chunk, sizeof chunk, NULL, &error);
      gssize used;

      if (n < 0 && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
        return;
      if (n <= 0)
        {
          gvird_client_close (client, n == 0 ? "end of stream" : error->message);
          return;
        }
      client->last_input = g_get_monotonic_time ();
      client->pings_unanswered = 0;
      used = client_take_bytes (client, chunk, n, &frames);
      if (used < 0)
        return;
      if (client->len_have > 0)
        client_start_frame_timer (client);
      if (used < n)
        {
          /* At most one chunk waits: nothing is read while it does. */
          client->stash = g_byte_array_sized_new (n - used);
          g_byte_array_append (client->stash, chunk + used, n - used);
          return;
        }
      /* A short read emptied the socket: spare the read that would say
       * so (the poll tells when more comes). */
      if ((gsize) n < sizeof chunk)
        return;
    }
}

/* ---- the socket watch ------------------------------------------------------- */

/* Writes what waits, polls for what the client's state needs and closes
 * it when another thread found it must be (I/O thread). */
static void
client_settle (GvirdClient *client)
{
  g_autofree char *reason = NULL;
  GIOCondition want = 0;

  if (client->closed)
    return;
  /* Stream data fills what room the socket's writes made. */
  gvird_streams_pump (client->streams);
  g_mutex_lock (&client->lock);
  client_flush (client);
  reason = g_steal_pointer (&client->close_reason);
  if (client->stash == NULL && client_takes_calls (client))
    want |= G_IO_IN;
  if (!g_queue_is_empty (&client->out))
    want |= G_IO_OUT;
  if (want != client->watching)
    {
      g_source_modify_unix_fd (client->source, client->fd_tag, want);
      client->watching = want;
    }
  /* Stashed input that may be taken now: come back to it after the
   * other sources had their turn. */
  if (client->stash != NULL && client_takes_calls (client))
    client_kick (client);
  g_mutex_unlock (&client->lock);
  if (reason != NULL)
    gvird_client_close (client, reason);
}

static gboolean
client_source_dispatch (GSource     *source,
                        GSourceFunc  callback,
                        gpointer     user_data)
{
  return callback (user_data);
}

static GSourceFuncs client_source_funcs = {
  .dispatch = client_source_dispatch,
};

static gboolean
client_ready (gpointer data)
{
  GvirdClient *client = data;
  GIOCondition cond = g_source_query_unix_fd (client->source, client->fd_tag);

  /* Closing drops the server's reference: hold one until we are done. */
  gvird_client_ref (client);
  g_mutex_lock (&client->lock);
  if (client->kicked)
    {
      client->kicked = FALSE;
      g_source_set_ready_time (client->source, -1);
    }
  if (cond & (G_IO_OUT | G_IO_ERR | G_IO_HUP))
    client_flush (client);
  g_mutex_unlock (&client->lock);
  if (cond & (G_IO_IN | G_IO_ERR | G_IO_HUP) || client->stash != NULL)
    client_read (client);
  client_settle (client);
  gvird_client_unref (client);
  return G_SOURCE_CONTINUE;
}

static gboolean
keepalive_tick (gpointer data)
{
  GvirdClient *client = data;
  const GvirdConfig *config = client->server->config;
  GVirRpcHeader ping = { GVIR_RPC_KEEPALIVE_PROGRAM, GVIR_RPC_KEEPALIVE_VERSION,
                         GVIR_RPC_KEEPALIVE_PROC_PING, GVIR_RPC_TYPE_MESSAGE, 0,
                         GVIR_RPC_STATUS_OK };
  g_autoptr (GBytes) packet = NULL;
  gint64 silent = g_get_monotonic_time () - client->last_input;

  if (!gvird_session_wants_keepalive (client->session) ||
      silent < (gint64) config->keepalive_interval * G_USEC_PER_SEC)
    return G_SOURCE_CONTINUE;
  if (client->pings_unanswered >= (guint) config->keepalive_count)
    {
      g_clear_pointer (&client->keepalive_timer, g_source_unref);
      gvird_client_close (client, "no answer to keepalive pings");
      return G_SOURCE_REMOVE;
    }
  packet = gvir_rpc_packet_encode (&ping, NULL, 0, NULL);
  client->pings_unanswered++;
  g_mutex_lock (&client->lock);
  client_enqueue (client, packet, FALSE);
  g_mutex_unlock (&client->lock);
  client_settle (client);
  return G_SOURCE_CONTINUE;
}

static void
client_start_keepalive (GvirdClient *client)
{
  int interval = client->server->config->keepalive_interval;

  client->last_input = g_get_monotonic_time ();
  if (interval <= 0)
    return;
  client->keepalive_timer = g_timeout_source_new_seconds (interval);
  g_source_set_callback (client->keepalive_timer, keepalive_tick, client, NULL);
  g_source_attach (client->keepalive_timer, client->server->context);
}

GvirdClient *
gvird_client_new (GvirdServer     *server,
                  GSocket         *socket,
                  const GvirdPeer *peer)
{
  GvirdClient *client = g_new0 (GvirdClient, 1);

  client->ref_count = 1;  /* the server's, dropped by gvird_client_close() */
  client->server = server;
  client->id = ++server->next_client_id;
  client->socket = g_object_ref (socket);
  client->peer = *peer;
  g_mutex_init (&client->lock);
  g_queue_init (&client->out);
  g_socket_set_blocking (socket, FALSE);
  /* An event and the reply that follows it are two writes: with Nagle's
   * algorithm the reply waits for the client's delayed ACK (40 ms a call). */
  if (g_socket_get_family (socket) != G_SOCKET_FAMILY_UNIX)
    g_socket_set_option (socket, IPPROTO_TCP, TCP_NODELAY, 1, NULL);
  client->session = gvird_session_new (client, peer->read_only,
                                       peer->sasl ? gvird_sasl_new (server->config) : NULL);
  client->streams = gvird_streams_new (client);

  client->source = g_source_new (&client_source_funcs, sizeof (GSource));
  /* GLib blocks a source that may not recurse while it is dispatched by
   * taking its fds out of the poll set and putting them back, which
   * wakes the context twice per dispatch; client_ready() never iterates
   * the context, so it needs no such guard. */
  g_source_set_can_recurse (client->source, TRUE);
  client->watching = G_IO_IN;
  client->fd_tag = g_source_add_unix_fd (client->source, g_socket_get_fd (socket), G_IO_IN);
  g_source_set_callback (client->source, client_ready, client, NULL);
  g_source_attach (client->source, server->context);
  client_start_keepalive (client);
  g_debug ("client %" G_GUINT64_FORMAT ": connected (pid %d, uid %u, gid %u, %s)", client->id,
           peer->pid, peer->uid, peer->gid, peer->read_only ? "read-only" : "read-write");
  return client;
}
