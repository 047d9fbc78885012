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
 * Everything here runs in the I/O thread except gvird_client_post(),
 * which moves a packet to the I/O thread, and the reference count.
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

#include "gvird-server-private.h"

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
  gboolean closed;

  GSource *source;
  gpointer fd_tag;
  GIOCondition watching;

  /* Input: the length word, then the body (header and payload). */
  guint8 len_word[GVIR_RPC_LEN_SIZE];
  gsize len_have;
  GByteArray *body;
  guint32 body_len;
  GSource *frame_timer;     /* runs while a frame is incomplete */

  guint calls_in_flight;

  /* Keepalive, for clients that asked for it (feature 10): a PING after
   * keepalive_interval seconds without input, closed after
   * keepalive_count of them go unanswered. */
  GSource *keepalive_timer;
  gint64 last_input;
  guint pings_unanswered;

  /* Output: packets not yet written, and how much of the head is. */
  GQueue out;
  gsize out_bytes;
  gsize head_written;
};

typedef struct
{
  GvirdClient *client;
  GBytes *packet;
  gboolean ends_call;
} Post;

static void client_update_watch (GvirdClient *client);

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
  g_queue_clear_full (&client->out, (GDestroyNotify) g_bytes_unref);
  g_clear_pointer (&client->body, g_byte_array_unref);
  g_clear_object (&client->socket);
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
  client->closed = TRUE;
  g_debug ("client %" G_GUINT64_FORMAT " (pid %d, uid %u): closed: %s", client->id,
           client->peer.pid, client->peer.uid, why);
  client_stop_frame_timer (client);
  if (client->keepalive_timer != NULL)
    {
      g_source_destroy (client->keepalive_timer);
      g_clear_pointer (&client->keepalive_timer, g_source_unref);
    }
  if (client->source != NULL)
    {
      g_source_destroy (client->source);
      g_clear_pointer (&client->source, g_source_unref);
    }
  g_socket_close (client->socket, NULL);
  /* Calls still running keep their reference; their replies are dropped. */
  gvird_session_close (client->session);
  g_queue_clear_full (&client->out, (GDestroyNotify) g_bytes_unref);
  client->out_bytes = 0;
  g_clear_pointer (&client->body, g_byte_array_unref);
  gvird_server_client_gone (client->server, client);
  gvird_client_unref (client);  /* the server's reference */
}

/* ---- output ----------------------------------------------------------------- */

/* Whether the client's queued output reached its cap: then no more calls
 * are read from it (their replies would pile up too). */
static gboolean
client_output_full (GvirdClient *client)
{
  return client->out_bytes >= (gsize) client->server->config->max_client_queue;
}

/* Queues @packet. A reply is always queued: replies are bounded, as no
 * call is read while the queue is full and at most max_client_requests
 * run. Other packets (events, pongs) are what piles up at a client that
 * does not read: past the cap, that client is closed. */
static void
client_enqueue (GvirdClient *client,
                GBytes      *packet,
                gboolean     is_reply)
{
  if (!is_reply && client_output_full (client))
    {
      gvird_client_close (client, "too much output queued: the client does not read");
      return;
    }
  client->out_bytes += g_bytes_get_size (packet);
  g_queue_push_tail (&client->out, g_bytes_ref (packet));
}

/* Writes what the socket takes; FALSE when the client was closed. */
static gboolean
client_flush (GvirdClient *client)
{
  while (!g_queue_is_empty (&client->out))
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
          if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
            return TRUE;
          gvird_client_close (client, error->message);
          return FALSE;
        }
      client->head_written += n;
      if (client->head_written < size)
        continue;
      client->head_written = 0;
      client->out_bytes -= size;
      g_bytes_unref (g_queue_pop_head (&client->out));
    }
  return TRUE;
}

static gboolean
post_deliver (gpointer data)
{
  Post *post = data;
  GvirdClient *client = post->client;

  if (post->ends_call)
    client->calls_in_flight--;
  if (client->closed)
    return G_SOURCE_REMOVE;
  client_enqueue (client, post->packet, post->ends_call);
  if (!client->closed && client_flush (client))
    client_update_watch (client);
  return G_SOURCE_REMOVE;
}

static void
post_free (gpointer data)
{
  Post *post = data;

  gvird_client_unref (post->client);
  g_bytes_unref (post->packet);
  g_free (post);
}

void
gvird_client_post (GvirdClient *client,
                   GBytes      *packet,
                   gboolean     ends_call)
{
  Post *post = g_new0 (Post, 1);

  post->client = gvird_client_ref (client);
  post->packet = g_bytes_ref (packet);
  post->ends_call = ends_call;
  g_main_context_invoke_full (client->server->context, G_PRIORITY_DEFAULT,
                              post_deliver, post, post_free);
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
  client_enqueue (client, packet, FALSE);
}

static void
reply_error_now (GvirdClient         *client,
                 const GVirRpcHeader *header,
                 const char          *message)
{
  g_autoptr (GBytes) packet = gvird_dispatch_error_reply (header, GVIR_RPC_ERR_RPC,
                                                          GVIR_RPC_ERR_DOMAIN_RPC, message);

  if (packet != NULL)
    client_enqueue (client, packet, TRUE);
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
  /* Like libvirtd: anything but a call (a stray reply, message or stream
   * packet) is dropped and the connection stays usable. */
  if (header.type != GVIR_RPC_TYPE_CALL)
    return TRUE;
  if (header.status != GVIR_RPC_STATUS_OK)
    {
      g_autofree char *msg = g_strdup_printf ("Unexpected message status %u", header.status);

      reply_error_now (client, &header, msg);
      return !client->closed;
    }
  payload = g_bytes_new (body->data + GVIR_RPC_HEADER_SIZE, body->len - GVIR_RPC_HEADER_SIZE);
  client->calls_in_flight++;
  gvird_dispatch_queue (client->server, client, &header, payload);
  return TRUE;
}

/* Reads what the frame in progress still needs, at most READ_CHUNK bytes.
 * Returns 1 when bytes came, 0 when none can be read now, -1 when the
 * client was closed. */
static int
client_read_some (GvirdClient *client)
{
  g_autoptr (GError) error = NULL;
  guint8 chunk[READ_CHUNK];
  gboolean in_length = client->len_have < GVIR_RPC_LEN_SIZE;
  gsize want;
  gssize n;

  if (in_length)
    want = GVIR_RPC_LEN_SIZE - client->len_have;
  else
    want = MIN (client->body_len - client->body->len, (gsize) READ_CHUNK);
  n = g_socket_receive (client->socket, in_length ? (char *) client->len_word + client->len_have
                                                  : (char *) chunk,
                        want, NULL, &error);
  if (n < 0 && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
    return 0;
  if (n <= 0)
    {
      gvird_client_close (client, n == 0 ? "end of stream" : error->message);
      return -1;
    }
  client_start_frame_timer (client);
  client->last_input = g_get_monotonic_time ();
  client->pings_unanswered = 0;
  if (!in_length)
    {
      g_byte_array_append (client->body, chunk, n);
      return 1;
    }
  client->len_have += n;
  if (client->len_have < GVIR_RPC_LEN_SIZE)
    return 1;
  /* The length is checked before anything is allocated for the frame. */
  if (!gvir_rpc_packet_check_length (client->len_word, &client->body_len, &error))
    {
      gvird_client_close (client, error->message);
      return -1;
    }
  client->body = g_byte_array_sized_new (MIN (client->body_len, (guint32) READ_CHUNK));
  return 1;
}

static void
client_read (GvirdClient *client)
{
  guint packets = 0;

  while (packets < PACKETS_PER_WAKEUP && !client_output_full (client) &&
         client->calls_in_flight < (guint) client->server->config->max_client_requests)
    {
      int got = client_read_some (client);

      if (got <= 0)
        return;
      if (client->body != NULL && client->body->len == client->body_len)
        {
          if (!client_handle_frame (client))
            return;
          packets++;
        }
    }
}

/* ---- the socket watch ------------------------------------------------------- */

static void
client_update_watch (GvirdClient *client)
{
  GIOCondition want = 0;

  if (client->closed)
    return;
  if (client->calls_in_flight < (guint) client->server->config->max_client_requests &&
      !client_output_full (client))
    want |= G_IO_IN;
  if (!g_queue_is_empty (&client->out))
    want |= G_IO_OUT;
  if (want != client->watching)
    {
      g_source_modify_unix_fd (client->source, client->fd_tag, want);
      client->watching = want;
    }
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
  if ((cond & (G_IO_OUT | G_IO_ERR | G_IO_HUP)) == 0 || client_flush (client))
    {
      if (cond & (G_IO_IN | G_IO_ERR | G_IO_HUP))
        client_read (client);
      if (!client->closed && client_flush (client))
        client_update_watch (client);
    }
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
  client_enqueue (client, packet, FALSE);
  if (!client->closed && client_flush (client))
    client_update_watch (client);
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
  g_queue_init (&client->out);
  g_socket_set_blocking (socket, FALSE);
  /* An event and the reply that follows it are two writes: with Nagle's
   * algorithm the reply waits for the client's delayed ACK (40 ms a call). */
  if (g_socket_get_family (socket) != G_SOCKET_FAMILY_UNIX)
    g_socket_set_option (socket, IPPROTO_TCP, TCP_NODELAY, 1, NULL);
  client->session = gvird_session_new (client, peer->read_only);

  client->source = g_source_new (&client_source_funcs, sizeof (GSource));
  client->watching = G_IO_IN;
  client->fd_tag = g_source_add_unix_fd (client->source, g_socket_get_fd (socket), G_IO_IN);
  g_source_set_callback (client->source, client_ready, client, NULL);
  g_source_attach (client->source, server->context);
  client_start_keepalive (client);
  g_debug ("client %" G_GUINT64_FORMAT ": connected (pid %d, uid %u, gid %u, %s)", client->id,
           peer->pid, peer->uid, peer->gid, peer->read_only ? "read-only" : "read-write");
  return client;
}
