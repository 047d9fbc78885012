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

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib-unix.h>

#include "gvir-rpc-client-private.h"
#include "gvir-rpc-remote-private.h"
#include "gvir-rpc-xdr-private.h"
#include "libvirt-gobject/libvirt-gobject-error.h"

/* Bytes the reader asks for at once: many small replies fit in one read. */
#define READ_CHUNK 65536

/* What a queued packet costs beyond its bytes (entry, list link, GBytes):
 * a flood of tiny packets is bounded by the same limit as big ones. */
#define QUEUE_ENTRY_COST 64

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

/* A stream opened by a call: who is told of its packets. */
typedef struct
{
  GVirRpcStreamFunc func;
  gpointer data;
  GDestroyNotify destroy;
} StreamEntry;

static void
stream_entry_free (StreamEntry *entry)
{
  if (entry->destroy != NULL)
    entry->destroy (entry->data);
  g_free (entry);
}

/* A packet waiting to be sent. */
typedef struct
{
  GBytes *bytes;
  gsize offset;             /* how much of it is already written */
  gboolean is_pong;
} OutPacket;

struct _GVirRpcClient
{
  GVirRpcTransport *transport;
  GThread *reader;
  gboolean started;         /* set once by gvir_rpc_client_start() */
  int wake_fds[2];          /* a byte in this pipe wakes the I/O thread */
  gint wake_pending;        /* atomic: a byte is in the pipe already */

  GMutex out_lock;          /* guards the queue below and every write */
  GQueue out;               /* OutPacket, oldest first */
  gsize queued_bytes;       /* their cost (bytes + QUEUE_ENTRY_COST each) */
  gsize peak_queued_bytes;
  gsize max_queued_bytes;   /* a copy of limits.max_queued_bytes */
  gboolean pong_queued;     /* an unstarted PONG waits: one is enough */
  gboolean out_closed;      /* gvir_rpc_client_close(): send nothing more */
  gint64 out_progress;      /* when a byte last went out, or the queue filled */

  /* I/O thread only: bytes received and not yet dispatched are
   * buf[start, end); the next packet needs `need` of them. */
  guint8 *buf;
  gsize buf_size;
  gsize start;
  gsize end;
  gsize need;
  gint64 last_rx;           /* when the last byte arrived */
  gint64 frame_started;     /* when the buffered partial packet began */
  gint64 silence_start;     /* keepalive: the silence being timed */
  guint unanswered;         /* pings sent in that silence */
  gboolean paused;          /* a stream refused the next packet: read nothing */
  gint resumed;             /* atomic: a stream made room since (offer again) */

  /* Held while a stream's function runs, so that once
   * gvir_rpc_client_remove_stream() returns it never runs again. */
  GMutex stream_lock;
  GHashTable *streams;      /* serial -> StreamEntry */
  GHashTable *ended;        /* serials of streams we finished or aborted
                             * whose last REPLY has not come yet */

  GMutex lock;              /* guards everything below */
  GHashTable *calls;        /* serial -> PendingCall (one reference) */
  gint64 calls_since;       /* when the table last stopped being empty */
  guint32 next_serial;
  gboolean closed;
  gboolean closing;         /* gvir_rpc_client_close() is running */
  GError *close_error;      /* why it closed */
  GError *fatal_error;      /* a writer found the peer dead: the I/O
                             * thread ends the connection with this */
  int fatal_reason;
  /* When the I/O thread's next wait ends (G_MAXINT64: never), valid while
   * io_deadline_known: a new call only wakes the thread when its stall
   * bound comes earlier. Cleared whenever the thread reads the shared
   * state, set once it has computed its deadline from it. */
  gint64 io_deadline;
  gboolean io_deadline_known;
  guint ka_interval;        /* seconds; 0 = no keepalive */
  guint ka_count;
  gint64 ka_since;          /* when keepalive was last set */
  GVirRpcClientLimits limits;

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

static void
out_packet_free (OutPacket *packet)
{
  g_bytes_unref (packet->bytes);
  g_free (packet);
}

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

/* ---- waking the I/O thread -------------------------------------------------- */

/* Called after a change the I/O thread must see (new settings, queued
 * output, a fatal error): its poll returns at once. */
static void
wake_io_thread (GVirRpcClient *client)
{
  static const guint8 byte = 1;
  gssize ignored;

  if (!g_atomic_int_compare_and_exchange (&client->wake_pending, 0, 1))
    return;
  /* A full pipe already holds a wake-up. */
  ignored = write (client->wake_fds[1], &byte, 1);
  (void) ignored;
}

/* The I/O thread, before it reads the state that wakers change. The
 * flag is cleared after the pipe is emptied: cleared before, a waker could
 * set it and write a byte that this read swallows, and every later wake-up
 * would be skipped while the flag stays set. */
static void
drain_wakes (GVirRpcClient *client)
{
  guint8 junk[16];

  while (read (client->wake_fds[0], junk, sizeof junk) > 0)
    ;
  g_atomic_int_set (&client->wake_pending, 0);
}

GVirRpcClient *
gvir_rpc_client_new (GVirRpcTransport *transport)
{
  GVirRpcClient *client;

  g_return_val_if_fail (transport != NULL, NULL);

  client = g_new0 (GVirRpcClient, 1);
  client->transport = transport;
  client->calls = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) pending_call_unref);
  if (!g_unix_open_pipe (client->wake_fds, FD_CLOEXEC, NULL) ||
      !g_unix_set_fd_nonblocking (client->wake_fds[0], TRUE, NULL) ||
      !g_unix_set_fd_nonblocking (client->wake_fds[1], TRUE, NULL))
    g_error ("cannot create the RPC client's wake-up pipe: %s", g_strerror (errno));
  gvir_rpc_client_get_default_limits (&client->limits);
  client->max_queued_bytes = client->limits.max_queued_bytes;
  g_queue_init (&client->out);
  client->streams = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) stream_entry_free);
  client->ended = g_hash_table_new (NULL, NULL);
  g_mutex_init (&client->stream_lock);
  g_mutex_init (&client->lock);
  g_mutex_init (&client->out_lock);
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
  /* A peer silent since before this call gets the full budget from now. */
  client->ka_since = g_get_monotonic_time ();
  g_mutex_unlock (&client->lock);
  /* An I/O thread already waiting (for ever, without keepalive) must
   * recompute its deadline. */
  wake_io_thread (client);
}

void
gvir_rpc_client_get_default_limits (GVirRpcClientLimits *limits)
{
  *limits = (GVirRpcClientLimits) {
    .stall_timeout_ms = GVIR_RPC_CLIENT_DEFAULT_STALL_TIMEOUT_MS,
    .frame_timeout_ms = GVIR_RPC_CLIENT_DEFAULT_FRAME_TIMEOUT_MS,
    .frame_min_rate = GVIR_RPC_CLIENT_DEFAULT_FRAME_MIN_RATE,
    .max_queued_bytes = GVIR_RPC_CLIENT_DEFAULT_MAX_QUEUED_BYTES,
  };
}

void
gvir_rpc_client_set_limits (GVirRpcClient             *client,
                            const GVirRpcClientLimits *limits)
{
  g_return_if_fail (limits->frame_min_rate > 0);

  g_mutex_lock (&client->lock);
  client->limits = *limits;
  g_mutex_unlock (&client->lock);
  g_mutex_lock (&client->out_lock);
  client->max_queued_bytes = limits->max_queued_bytes;
  g_mutex_unlock (&client->out_lock);
  wake_io_thread (client);
}

gsize
gvir_rpc_client_get_queued_bytes (GVirRpcClient *client)
{
  gsize bytes;

  g_mutex_lock (&client->out_lock);
  bytes = client->queued_bytes;
  g_mutex_unlock (&client->out_lock);
  return bytes;
}

gboolean
gvir_rpc_client_io_thread_settled (GVirRpcClient *client)
{
  gboolean settled;

  g_mutex_lock (&client->lock);
  settled = client->io_deadline_known && g_atomic_int_get (&client->wake_pending) == 0;
  g_mutex_unlock (&client->lock);
  return settled;
}

gsize
gvir_rpc_client_get_peak_queued_bytes (GVirRpcClient *client)
{
  gsize bytes;

  g_mutex_lock (&client->out_lock);
  bytes = client->peak_queued_bytes;
  g_mutex_unlock (&client->out_lock);
  return bytes;
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

/* Writes queued packets until the socket would block. FALSE (with
 * @error) when the stream broke. Called with out_lock held. */
static gboolean
flush_locked (GVirRpcClient  *client,
              GError        **error)
{
  while (!g_queue_is_empty (&client->out))
    {
      OutPacket *head = g_queue_peek_head (&client->out);
      gsize size;
      const guint8 *data = g_bytes_get_data (head->bytes, &size);
      gboolean would_block = FALSE;
      gssize n;

      n = gvir_rpc_transport_try_write (client->transport, data + head->offset,
                                        size - head->offset, &would_block, error);
      if (n < 0)
        return would_block;
      if (n == 0)
        return TRUE;
      client->out_progress = g_get_monotonic_time ();
      if (head->is_pong && head->offset == 0)
        client->pong_queued = FALSE;
      head->offset += n;
      if (head->offset < size)
        continue;
      g_queue_pop_head (&client->out);
      client->queued_bytes -= size + QUEUE_ENTRY_COST;
      out_packet_free (head);
    }
  return TRUE;
}

/* Queues @packet and writes at once what the socket takes; the I/O
 * thread writes the rest when the socket is writable. Never blocks.
 * FALSE (with @error) when the peer must be considered dead: the stream
 * broke, or the queue would exceed its bound because the peer does not
 * read. A PONG while another waits unsent is dropped: one answers all. */
static gboolean
queue_packet (GVirRpcClient  *client,
              GBytes         *packet,
              gboolean        is_pong,
              GError        **error)
{
  gsize cost = g_bytes_get_size (packet) + QUEUE_ENTRY_COST;
  gboolean was_empty, ok = TRUE, wake;
  OutPacket *entry;

  g_mutex_lock (&client->out_lock);
  if (client->out_closed)
    {
      g_mutex_unlock (&client->out_lock);
      g_set_error_literal (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED,
                           "the connection was closed");
      return FALSE;
    }
  if (is_pong && client->pong_queued)
    {
      g_mutex_unlock (&client->out_lock);
      return TRUE;
    }
  was_empty = g_queue_is_empty (&client->out);
  /* One packet always fits, however large: the bound is on a backlog. */
  if (!was_empty && client->max_queued_bytes > 0 &&
      client->queued_bytes + cost > client->max_queued_bytes)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED,
                   "the server stopped reading: %" G_GSIZE_FORMAT " bytes wait to be sent "
                   "(limit %" G_GSIZE_FORMAT ")", client->queued_bytes, client->max_queued_bytes);
      g_mutex_unlock (&client->out_lock);
      return FALSE;
    }
  entry = g_new0 (OutPacket, 1);
  entry->bytes = g_bytes_ref (packet);
  entry->is_pong = is_pong;
  g_queue_push_tail (&client->out, entry);
  client->queued_bytes += cost;
  client->peak_queued_bytes = MAX (client->peak_queued_bytes, client->queued_bytes);
  if (is_pong)
    client->pong_queued = TRUE;
  if (was_empty)
    {
      client->out_progress = g_get_monotonic_time ();
      ok = flush_locked (client, error);
    }
  wake = ok && !g_queue_is_empty (&client->out);
  g_mutex_unlock (&client->out_lock);

  if (wake)
    wake_io_thread (client);
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
  g_autoptr(GBytes) packet = gvir_rpc_packet_encode (&header, NULL, 0, error);

  return packet != NULL &&
         queue_packet (client, packet, proc == GVIR_RPC_KEEPALIVE_PROC_PONG, error);
}

/* Records why the connection must end, from a thread other than the I/O
 * thread, and wakes the I/O thread, which fails every call with it. The
 * first reason wins. */
static void
fail_connection (GVirRpcClient *client,
                 int            reason,
                 const GError  *error)
{
  g_mutex_lock (&client->lock);
  if (client->fatal_error == NULL)
    {
      client->fatal_error = g_error_copy (error);
      client->fatal_reason = reason;
    }
  g_mutex_unlock (&client->lock);
  gvir_rpc_transport_shutdown (client->transport);
  wake_io_thread (client);
}

/* ---- closing ---------------------------------------------------------------- */

/* Ends every open stream with @reason: no packet will come for them. */
static void
close_streams (GVirRpcClient *client,
               const GError  *reason)
{
  g_autoptr(GError) closed = g_error_new (GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED, "%s",
                                          reason->message);
  GHashTableIter iter;
  gpointer value;

  g_mutex_lock (&client->stream_lock);
  g_hash_table_iter_init (&iter, client->streams);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      StreamEntry *entry = value;

      entry->func (NULL, NULL, 0, closed, entry->data);
    }
  g_hash_table_remove_all (client->streams);
  g_hash_table_remove_all (client->ended);
  g_mutex_unlock (&client->stream_lock);
}

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
  close_streams (client, reason);
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

/* Hands a packet to the stream of its serial: *@found tells whether one
 * is open or recently ended (its packets are dropped: the server may
 * have sent them before it saw our end); the result is FALSE when the
 * stream refused the packet. */
static gboolean
deliver_to_stream (GVirRpcClient        *client,
                   const GVirRpcHeader  *header,
                   const guint8         *payload,
                   gsize                 len,
                   gboolean             *found)
{
  StreamEntry *entry;
  gboolean taken = TRUE;

  g_mutex_lock (&client->stream_lock);
  entry = g_hash_table_lookup (client->streams, GUINT_TO_POINTER (header->serial));
  *found = entry != NULL;
  if (entry != NULL)
    taken = entry->func (header, payload, len, NULL, entry->data);
  else if (g_hash_table_contains (client->ended, GUINT_TO_POINTER (header->serial)))
    {
      *found = TRUE;
      /* The server's answer to our end is the last packet of a stream. */
      if (header->type == GVIR_RPC_TYPE_REPLY)
        g_hash_table_remove (client->ended, GUINT_TO_POINTER (header->serial));
    }
  g_mutex_unlock (&client->stream_lock);
  return taken;
}

/* A STREAM packet: one for no stream open or recently ended is a
 * protocol violation. *@refused when the stream cannot take it now. */
static gboolean
dispatch_stream (GVirRpcClient        *client,
                 const GVirRpcHeader  *header,
                 const guint8         *payload,
                 gsize                 len,
                 gboolean             *refused,
                 GError              **error)
{
  gboolean found;

  *refused = !deliver_to_stream (client, header, payload, len, &found);
  if (found)
    return TRUE;
  g_set_error (error, GVIR_ERROR, GVIR_ERROR_PROTOCOL,
               "the server sent stream data for serial %u (procedure %d), "
               "where no stream is open", header->serial, header->proc);
  return FALSE;
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
      gboolean found;

      /* libvirt confirms the finish of a stream with a REPLY. */
      deliver_to_stream (client, header, payload, len, &found);
      if (found)
        return TRUE;
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
                 gboolean             *refused,
                 GError              **error)
{
  if (!gvir_rpc_header_check_program (header, error))
    return FALSE;

  if (header->prog == GVIR_RPC_KEEPALIVE_PROGRAM)
    {
      /* Queued, never a blocking write: a peer that pings and does not
       * read must not hold this thread. */
      if (header->type == GVIR_RPC_TYPE_MESSAGE && header->proc == GVIR_RPC_KEEPALIVE_PROC_PING)
        return send_keepalive (client, GVIR_RPC_KEEPALIVE_PROC_PONG, error);
      /* PONG, or keepalive procedures we do not know: nothing to do. */
      return TRUE;
    }

  switch (header->type)
    {
    case GVIR_RPC_TYPE_REPLY:
      return dispatch_reply (client, header, payload, len, error);
    case GVIR_RPC_TYPE_STREAM:
      return dispatch_stream (client, header, payload, len, refused, error);
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

/* Dispatches every complete packet in the buffer and sets client->need
 * to the number of buffered bytes the next packet needs. Stops, with
 * client->paused, at a packet that a stream refused: it stays buffered. */
static gboolean
dispatch_buffered (GVirRpcClient  *client,
                   GError        **error)
{
  for (;;)
    {
      gsize avail = client->end - client->start;
      const guint8 *p = client->buf + client->start;
      guint32 body_len;
      GVirRpcHeader header;
      gboolean refused = FALSE;

      client->need = GVIR_RPC_LEN_SIZE;
      if (avail < GVIR_RPC_LEN_SIZE)
        return TRUE;
      /* The length is validated before anything is allocated for it. */
      if (!gvir_rpc_packet_check_length (p, &body_len, error))
        return FALSE;
      client->need = GVIR_RPC_LEN_SIZE + (gsize) body_len;
      if (avail < client->need)
        return TRUE;

      p += GVIR_RPC_LEN_SIZE;
      if (!gvir_rpc_header_decode (p, body_len, &header, error) ||
          !dispatch_packet (client, &header, p + GVIR_RPC_HEADER_SIZE,
                            body_len - GVIR_RPC_HEADER_SIZE, &refused, error))
        return FALSE;
      client->paused = refused;
      if (refused)
        return TRUE;
      client->start += client->need;
      /* What follows in the buffer came with the last read at the latest. */
      client->frame_started = client->last_rx;
    }
}

/* Makes room for client->need bytes from client->start on. */
static void
make_room (GVirRpcClient *client)
{
  gsize avail = client->end - client->start;
  gsize need = client->need;

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

/* ---- bounds ------------------------------------------------------------------ */

/* What the I/O thread needs of the shared state to check its bounds. */
typedef struct
{
  guint ka_interval;
  guint ka_count;
  gint64 ka_since;
  gboolean calls_pending;
  gint64 calls_since;
  GVirRpcClientLimits limits;
} Bounds;

static void
read_bounds (GVirRpcClient *client,
             Bounds        *b)
{
  g_mutex_lock (&client->lock);
  b->ka_interval = client->ka_interval;
  b->ka_count = client->ka_count;
  b->ka_since = client->ka_since;
  b->calls_pending = g_hash_table_size (client->calls) > 0;
  b->calls_since = client->calls_since;
  b->limits = client->limits;
  client->io_deadline_known = FALSE;
  g_mutex_unlock (&client->lock);
}

/* Publishes the deadline the I/O thread computed from what read_bounds()
 * saw: from now on, a new call can tell whether that wait ends in time
 * for its stall bound. */
static void
publish_deadline (GVirRpcClient *client,
                  gint64         deadline)
{
  g_mutex_lock (&client->lock);
  client->io_deadline = deadline;
  client->io_deadline_known = TRUE;
  g_mutex_unlock (&client->lock);
}

/* When the next ping is due (or, after count pings, when the peer is
 * dead). The first ping goes out half an interval into a silence, the
 * next ones an interval apart, and the last gets half an interval to be
 * answered: count pings, and a dead peer is known within interval x count
 * seconds of the silence's start (libvirt's own client takes one more
 * interval). */
static gint64
keepalive_deadline (GVirRpcClient *client,
                    const Bounds  *b)
{
  gint64 interval = (gint64) b->ka_interval * G_USEC_PER_SEC;

  if (client->unanswered >= b->ka_count)
    return client->silence_start + (gint64) b->ka_count * interval;
  return client->silence_start + interval / 2 + (gint64) client->unanswered * interval;
}

/* Pings a silent peer when a ping is due; FALSE (with @error) when the
 * peer is dead. A silence starts at the last byte received or when
 * keepalive was last set, whichever is later. */
static gboolean
check_keepalive (GVirRpcClient  *client,
                 const Bounds   *b,
                 gint64          now,
                 gint64         *next,
                 GError        **error)
{
  gint64 silence = MAX (client->last_rx, b->ka_since);
  gint64 at;

  if (b->ka_interval == 0)
    return TRUE;
  if (silence != client->silence_start)
    {
      client->silence_start = silence;
      client->unanswered = 0;
    }
  at = keepalive_deadline (client, b);
  while (client->unanswered < b->ka_count && now >= at)
    {
      if (!send_keepalive (client, GVIR_RPC_KEEPALIVE_PROC_PING, error))
        return FALSE;
      client->unanswered++;
      at = keepalive_deadline (client, b);
    }
  if (client->unanswered >= b->ka_count && now >= at)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED,
                   "the server did not answer %u keepalive pings in %u seconds",
                   b->ka_count, b->ka_count * b->ka_interval);
      return FALSE;
    }
  *next = MIN (*next, at);
  return TRUE;
}

/* FALSE (with @error) when @at has passed; else lowers *next to it. */
static gboolean
deadline_passed (gint64  at,
                 gint64  now,
                 gint64 *next)
{
  if (now >= at)
    return TRUE;
  *next = MIN (*next, at);
  return FALSE;
}

/* A call waits and nothing at all has arrived for the stall timeout. */
static gboolean
check_stall (GVirRpcClient  *client,
             const Bounds   *b,
             gint64          now,
             gint64         *next,
             GError        **error)
{
  gint64 since = MAX (client->last_rx, b->calls_since);

  if (!b->calls_pending || b->limits.stall_timeout_ms == 0 ||
      !deadline_passed (since + (gint64) b->limits.stall_timeout_ms * 1000, now, next))
    return TRUE;
  g_set_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED,
               "the server sent nothing for %u ms while a call waited for its reply",
               b->limits.stall_timeout_ms);
  return FALSE;
}

/* A packet has begun and is not complete in time: its length at the
 * minimum rate plus the floor, measured from its first byte, so that
 * bytes dripping in cannot stretch it. */
static gboolean
check_frame (GVirRpcClient  *client,
             const Bounds   *b,
             gint64          now,
             gint64         *next,
             GError        **error)
{
  gint64 budget;

  if (client->end == client->start || b->limits.frame_timeout_ms == 0)
    return TRUE;
  budget = (gint64) b->limits.frame_timeout_ms * 1000 +
           (gint64) client->need * G_USEC_PER_SEC / b->limits.frame_min_rate;
  if (!deadline_passed (client->frame_started + budget, now, next))
    return TRUE;
  g_set_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED,
               "the server stalled in the middle of a packet: %" G_GSIZE_FORMAT " of %"
               G_GSIZE_FORMAT " bytes arrived in %" G_GINT64_FORMAT " ms",
               client->end - client->start, client->need, (now - client->frame_started) / 1000);
  return FALSE;
}

/* Output waits and none of it went out for the stall timeout, or the
 * keepalive budget when that is shorter. */
static gboolean
check_output (GVirRpcClient  *client,
              const Bounds   *b,
              gint64          now,
              gint64         *next,
              GError        **error)
{
  gint64 bound = (gint64) b->limits.stall_timeout_ms * 1000;
  gboolean waiting;
  gint64 progress;

  if (b->ka_interval > 0)
    {
      gint64 budget = (gint64) b->ka_interval * b->ka_count * G_USEC_PER_SEC;

      bound = bound == 0 ? budget : MIN (bound, budget);
    }
  g_mutex_lock (&client->out_lock);
  waiting = !g_queue_is_empty (&client->out);
  progress = client->out_progress;
  g_mutex_unlock (&client->out_lock);

  if (!waiting || bound == 0 || !deadline_passed (progress + bound, now, next))
    return TRUE;
  g_set_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED,
               "the server stopped reading: nothing could be sent for %" G_GINT64_FORMAT " ms",
               bound / 1000);
  return FALSE;
}

/* Checks every bound at the current time and pings when a ping is due.
 * FALSE (with @error) when the peer is dead; else *next is the time of
 * the next deadline (G_MAXINT64: none). */
static gboolean
check_bounds (GVirRpcClient  *client,
              gint64         *next,
              GError        **error)
{
  gint64 now = g_get_monotonic_time ();
  Bounds b;

  read_bounds (client, &b);
  *next = G_MAXINT64;
  return check_keepalive (client, &b, now, next, error) &&
         check_stall (client, &b, now, next, error) &&
         check_frame (client, &b, now, next, error) &&
         check_output (client, &b, now, next, error);
}

/* ---- the I/O thread ----------------------------------------------------------- */

/* Waits until the socket is readable, the queued output can move, a
 * waker calls, or @deadline comes; writes what it can. *@woken is TRUE
 * when the socket was not ready: a waker called (or the deadline came),
 * so the wake-up pipe may hold a byte. FALSE (with @error) when the
 * stream broke. */
static gboolean
wait_and_flush (GVirRpcClient  *client,
                gint64          deadline,
                gboolean        input,
                gboolean       *woken,
                GError        **error)
{
  GIOCondition want = input ? G_IO_IN : 0;
  GIOCondition ready;
  gint64 timeout = -1;
  gboolean ok = TRUE;

  g_mutex_lock (&client->out_lock);
  if (!g_queue_is_empty (&client->out))
    want |= G_IO_OUT;
  g_mutex_unlock (&client->out_lock);

  if (deadline != G_MAXINT64)
    timeout = MAX (deadline - g_get_monotonic_time (), 0);
  ready = gvir_rpc_transport_poll (client->transport, want, client->wake_fds[0], timeout);
  *woken = ready == 0;
  if ((ready & G_IO_OUT) == 0)
    return TRUE;
  g_mutex_lock (&client->out_lock);
  ok = flush_locked (client, error);
  g_mutex_unlock (&client->out_lock);
  return ok;
}

/* While a stream refuses its packet: waits for a waker (the stream has
 * room again) or @deadline, writing queued output meanwhile, but reads
 * nothing. FALSE (with @error) when the stream broke. */
static gboolean
wait_paused (GVirRpcClient  *client,
             gint64          deadline,
             GError        **error)
{
  gboolean output, woken;
  GPollFD wake = { .fd = client->wake_fds[0], .events = G_IO_IN };
  gint timeout_ms = -1;

  g_mutex_lock (&client->out_lock);
  output = !g_queue_is_empty (&client->out);
  g_mutex_unlock (&client->out_lock);
  if (output)
    return wait_and_flush (client, deadline, FALSE, &woken, error);
  if (deadline != G_MAXINT64)
    timeout_ms = (gint) MIN ((MAX (deadline - g_get_monotonic_time (), 0) + 999) / 1000,
                             G_MAXINT);
  g_poll (&wake, 1, timeout_ms);
  return TRUE;
}

/* The end of the stream: clean between packets, or in the middle of one. */
static void
set_eof_error (GVirRpcClient  *client,
               int            *reason,
               GError        **error)
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
                 client->end - client->start, client->need);
}

/* Receives and dispatches packets, answers and sends pings, writes the
 * queued output and checks every bound, until the connection must close;
 * then returns with @reason and @error set. One read takes whatever the
 * socket holds, often several replies; the thread only polls when it
 * would block. The wake-up pipe is only read after a wait that the socket
 * did not end: a byte left there makes the next wait end at once, so none
 * is lost, and a busy connection spends no read on an empty pipe. */
static void
receive_loop (GVirRpcClient  *client,
              int            *reason,
              GError        **error)
{
  gboolean drained = FALSE;
  gboolean woken = TRUE;

  client->buf_size = READ_CHUNK;
  client->buf = g_malloc (client->buf_size);
  client->start = client->end = 0;
  client->last_rx = g_get_monotonic_time ();

  for (;;)
    {
      gboolean would_block = FALSE;
      gint64 deadline;
      gsize room;
      gssize n = -1;

      *reason = GVIR_RPC_CLOSE_ERROR;
      if (woken)
        drain_wakes (client);
      woken = FALSE;
      /* A refused packet is offered again only once a stream made room,
       * not on every wake-up. */
      if (client->paused && g_atomic_int_compare_and_exchange (&client->resumed, 1, 0))
        client->paused = FALSE;
      if (!client->paused && !dispatch_buffered (client, error))
        return;
      if (client->paused)
        {
          /* Our reader is slow, not the server: no bound runs meanwhile. */
          client->last_rx = client->frame_started = g_get_monotonic_time ();
          if (!check_bounds (client, &deadline, error))
            {
              *reason = GVIR_RPC_CLOSE_KEEPALIVE;
              return;
            }
          publish_deadline (client, deadline);
          if (!wait_paused (client, deadline, error))
            return;
          woken = TRUE;
          continue;
        }
      if (!check_bounds (client, &deadline, error))
        {
          *reason = GVIR_RPC_CLOSE_KEEPALIVE;
          return;
        }
      publish_deadline (client, deadline);
      make_room (client);
      room = client->buf_size - client->end;

      /* A read that did not fill the buffer most likely emptied the
       * socket: wait first rather than spend a read on EAGAIN. */
      if (!drained)
        n = gvir_rpc_transport_try_read (client->transport, client->buf + client->end,
                                         room, &would_block, error);
      if (n > 0)
        {
          gint64 now = g_get_monotonic_time ();

          if (client->end == client->start)
            client->frame_started = now;
          client->end += n;
          client->last_rx = now;
          drained = (gsize) n < room && !gvir_rpc_transport_is_tls (client->transport);
          continue;
        }
      if (n == 0)
        {
          set_eof_error (client, reason, error);
          return;
        }
      if (!drained && !would_block)
        return;
      drained = FALSE;
      if (!wait_and_flush (client, deadline, TRUE, &woken, error))
        return;
    }
}

/* The error every caller sees: the user's close, a writer's verdict, or
 * what the I/O thread found. */
static void
final_error (GVirRpcClient  *client,
             int            *reason,
             GError        **error,
             gboolean       *by_user)
{
  g_mutex_lock (&client->lock);
  *by_user = client->closing;
  if (!*by_user && client->fatal_error != NULL)
    {
      g_clear_error (error);
      *error = g_error_copy (client->fatal_error);
      *reason = client->fatal_reason;
    }
  g_mutex_unlock (&client->lock);

  if (*by_user)
    {
      g_clear_error (error);
      g_set_error_literal (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED,
                           "the connection was closed");
    }
  else if ((*error)->domain == GVIR_ERROR && (*error)->code == GVIR_ERROR_PROTOCOL)
    {
      /* A malformed packet ends the connection: say so to every caller. */
      g_autoptr(GError) protocol = g_steal_pointer (error);

      g_set_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED,
                   "closing the connection after a protocol error: %s", protocol->message);
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
  final_error (client, &reason, &error, &by_user);

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

/* Called with client->lock held, when a busy period starts at
 * calls_since: whether the I/O thread may wait past its stall bound. */
static gboolean
stall_bound_missed_locked (GVirRpcClient *client)
{
  gint64 stall_us = (gint64) client->limits.stall_timeout_ms * 1000;

  if (stall_us == 0)
    return FALSE;
  return !client->io_deadline_known || client->io_deadline > client->calls_since + stall_us;
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
  gboolean first, wake;

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
  /* The stall timer runs from the first call of a busy period, not from
   * the last byte of an idle one. */
  first = g_hash_table_size (client->calls) == 0;
  if (first)
    client->calls_since = g_get_monotonic_time ();
  /* An idle I/O thread may wait past the stall bound that starts now (or
   * for ever); one whose wait ends before it (a keepalive deadline) needs
   * no wake-up, which saves a switch to that thread on every call. */
  wake = first && stall_bound_missed_locked (client);
  g_hash_table_insert (client->calls, GUINT_TO_POINTER (call->serial), call);
  g_mutex_unlock (&client->lock);
  if (wake)
    wake_io_thread (client);
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

/* Sends a registered call (or queues it: this never blocks). Whatever
 * goes wrong completes the call: a packet too large fails it alone; a
 * broken stream, or a peer that does not read, fails every call. */
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
  g_autoptr(GBytes) packet = gvir_rpc_packet_encode (&header, args ? args->data : NULL,
                                                     args ? args->len : 0, &send_error);

  if (packet == NULL)
    fail_unsent_call (client, call, g_steal_pointer (&send_error));
  else if (!queue_packet (client, packet, FALSE, &send_error))
    fail_connection (client, GVIR_RPC_CLOSE_KEEPALIVE, send_error);
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

/* The outcome of a call that was waited for, or the failure that ended
 * the wait, into @out. */
static void
take_outcome (PendingCall      *call,
              gboolean          done,
              GError           *wait_error,
              GVirRpcBatchCall *out)
{
  if (!done)
    out->error = wait_error;
  else if (call->error != NULL)
    out->error = g_steal_pointer (&call->error);
  else
    out->reply = g_steal_pointer (&call->reply);
}

void
gvir_rpc_client_call_batch (GVirRpcClient    *client,
                            guint32           prog,
                            GVirRpcBatchCall *calls,
                            guint             n_calls,
                            GCancellable     *cancellable)
{
  g_autofree PendingCall **pending = NULL;
  guint i;

  g_return_if_fail (client != NULL);
  g_return_if_fail (client->started);
  g_return_if_fail (n_calls == 0 || calls != NULL);

  pending = g_new0 (PendingCall *, n_calls);
  for (i = 0; i < n_calls; i++)
    {
      calls[i].reply = NULL;
      calls[i].error = NULL;
      if (g_cancellable_set_error_if_cancelled (cancellable, &calls[i].error))
        continue;
      pending[i] = register_call (client, prog, calls[i].proc, NULL, NULL, &calls[i].error);
      if (pending[i] != NULL)
        send_call (client, pending[i], calls[i].args);
    }
  /* Replies arrive in any order; waiting in call order costs nothing
   * more than the slowest call. */
  for (i = 0; i < n_calls; i++)
    {
      GError *wait_error = NULL;
      gboolean done;

      if (pending[i] == NULL)
        continue;
      done = wait_for_reply (pending[i], cancellable, &wait_error);
      take_outcome (pending[i], done, wait_error, &calls[i]);
      pending_call_unref (pending[i]);
    }
}

void
gvir_rpc_batch_call_clear (GVirRpcBatchCall *call)
{
  g_clear_pointer (&call->reply, g_bytes_unref);
  g_clear_error (&call->error);
}

/* ---- streams ------------------------------------------------------------------ */

void
gvir_rpc_client_remove_stream (GVirRpcClient *client,
                               guint32        serial,
                               gboolean       answered)
{
  g_mutex_lock (&client->stream_lock);
  if (g_hash_table_remove (client->streams, GUINT_TO_POINTER (serial)) && !answered)
    g_hash_table_add (client->ended, GUINT_TO_POINTER (serial));
  g_mutex_unlock (&client->stream_lock);
  /* The I/O thread may be paused on a packet of this stream. */
  gvir_rpc_client_resume_streams (client);
}

void
gvir_rpc_client_resume_streams (GVirRpcClient *client)
{
  g_atomic_int_set (&client->resumed, 1);
  wake_io_thread (client);
}

gboolean
gvir_rpc_client_send_stream (GVirRpcClient  *client,
                             guint32         prog,
                             gint32          proc,
                             guint32         serial,
                             guint32         status,
                             const guint8   *data,
                             gsize           len,
                             GError        **error)
{
  GVirRpcHeader header = {
    .prog = prog,
    .vers = 1,
    .proc = proc,
    .type = GVIR_RPC_TYPE_STREAM,
    .serial = serial,
    .status = status,
  };
  g_autoptr(GBytes) packet = gvir_rpc_packet_encode (&header, data, len, error);
  g_autoptr(GError) local = NULL;

  if (packet == NULL)
    return FALSE;
  if (queue_packet (client, packet, FALSE, &local))
    return TRUE;
  /* As for calls: a peer that does not read is dead for every caller. */
  fail_connection (client, GVIR_RPC_CLOSE_KEEPALIVE, local);
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

gboolean
gvir_rpc_client_call_stream (GVirRpcClient      *client,
                             guint32             prog,
                             gint32              proc,
                             GByteArray         *args,
                             GBytes            **reply,
                             GVirRpcStreamFunc   func,
                             gpointer            user_data,
                             GDestroyNotify      destroy,
                             guint32            *serial,
                             GCancellable       *cancellable,
                             GError            **error)
{
  g_autoptr(PendingCall) call = NULL;
  StreamEntry *entry;

  g_return_val_if_fail (client != NULL, FALSE);
  g_return_val_if_fail (client->started, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  call = register_call (client, prog, proc, NULL, NULL, error);
  if (call == NULL)
    return FALSE;
  /* Registered before the call goes out: the server streams right
   * after its reply, maybe in the same read. A close from now on fails
   * the call, which removes the entry again. */
  entry = g_new0 (StreamEntry, 1);
  entry->func = func;
  entry->data = user_data;
  entry->destroy = destroy;
  g_mutex_lock (&client->stream_lock);
  g_hash_table_insert (client->streams, GUINT_TO_POINTER (call->serial), entry);
  g_mutex_unlock (&client->stream_lock);
  *serial = call->serial;

  send_call (client, call, args);
  if (!wait_for_reply (call, cancellable, error))
    {
      /* The server may open the stream anyway: tell it we are gone. */
      gvir_rpc_client_remove_stream (client, call->serial, FALSE);
      gvir_rpc_client_send_stream (client, prog, proc, call->serial, GVIR_RPC_STATUS_ERROR,
                                   NULL, 0, NULL);
      return FALSE;
    }
  if (call->error != NULL)
    {
      gvir_rpc_client_remove_stream (client, call->serial, TRUE);
      g_propagate_error (error, g_steal_pointer (&call->error));
      return FALSE;
    }
  if (reply != NULL)
    *reply = g_steal_pointer (&call->reply);
  return TRUE;
}

/* ---- lifetime --------------------------------------------------------------- */

void
gvir_rpc_client_interrupt (GVirRpcClient *client)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (client != NULL);

  g_mutex_lock (&client->lock);
  client->closing = TRUE;
  g_mutex_unlock (&client->lock);

  /* Nothing goes out any more, not even a keepalive ping. */
  g_mutex_lock (&client->out_lock);
  client->out_closed = TRUE;
  g_mutex_unlock (&client->out_lock);
  gvir_rpc_transport_shutdown (client->transport);

  /* Every call in flight fails now, not when the I/O thread notices. */
  error = g_error_new_literal (GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED,
                               "the connection was closed");
  mark_closed (client, error);
  wake_io_thread (client);
}

void
gvir_rpc_client_close (GVirRpcClient *client)
{
  GThread *reader;

  g_return_if_fail (client != NULL);

  gvir_rpc_client_interrupt (client);
  g_mutex_lock (&client->lock);
  reader = g_steal_pointer (&client->reader);
  g_mutex_unlock (&client->lock);
  if (reader != NULL)
    g_thread_join (reader);
}

void
gvir_rpc_client_free (GVirRpcClient *client)
{
  if (client == NULL)
    return;

  gvir_rpc_client_close (client);
  g_hash_table_destroy (client->calls);
  g_hash_table_destroy (client->streams);
  g_hash_table_destroy (client->ended);
  g_mutex_clear (&client->stream_lock);
  g_clear_error (&client->close_error);
  g_clear_error (&client->fatal_error);
  g_queue_clear_full (&client->out, (GDestroyNotify) out_packet_free);
  gvir_rpc_transport_free (client->transport);
  close (client->wake_fds[0]);
  close (client->wake_fds[1]);
  g_mutex_clear (&client->lock);
  g_mutex_clear (&client->out_lock);
  g_free (client);
}
