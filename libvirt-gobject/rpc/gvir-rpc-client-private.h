/*
 * gvir-rpc-client-private.h: a multiplexing client of libvirt's RPC protocol
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Internal: never installed, never in a GIR.
 *
 * Any number of threads may call gvir_rpc_client_call() at once; each
 * call gets its own serial and waits for its reply. One I/O thread
 * receives every packet: it hands replies to their callers, events
 * (MESSAGE packets of the remote program) to the event callback, answers
 * keepalive pings, and pings a silent peer. When the stream ends, breaks or
 * carries a malformed packet, every pending call fails at once with
 * GVIR_ERROR_CONNECTION_CLOSED and the close callback runs (once).
 *
 * Writes never block: a packet the socket cannot take at once waits in a
 * bounded outgoing queue that the I/O thread flushes when the socket is
 * writable. Every wait is bounded (see GVirRpcClientLimits), with or
 * without keepalive, so a peer that stops sending, drips, or stops
 * reading is declared dead and every call fails with a clear error.
 */
#pragma once

#include <gio/gio.h>

#include "gvir-rpc-packet-private.h"
#include "gvir-rpc-transport-private.h"

G_BEGIN_DECLS

typedef struct _GVirRpcClient GVirRpcClient;

/* Runs in the reader thread; must not call the client synchronously. */
typedef void (*GVirRpcEventFunc) (GVirRpcClient *client, const GVirRpcHeader *header,
                                  const guint8 *payload, gsize len, gpointer user_data);
/* Runs in the reader thread when the peer goes away (not after
 * gvir_rpc_client_close()); @reason is a GVIR_RPC_CLOSE_* value. */
typedef void (*GVirRpcCloseFunc) (GVirRpcClient *client, int reason, const GError *error,
                                  gpointer user_data);

/* The bounds on a peer, whatever keepalive says. A peer that breaks one
 * is dead: the connection closes with GVIR_ERROR_CONNECTION_CLOSED and
 * reason GVIR_RPC_CLOSE_KEEPALIVE. */
typedef struct
{
  /* Nothing at all received for this long while a call waits for its
   * reply (default 300 s: long calls on a server without keepalive). */
  guint stall_timeout_ms;
  /* A packet whose first byte has arrived must be complete within
   * frame_timeout_ms + its length / frame_min_rate seconds (defaults 60 s
   * and 64 KiB/s), so that a drip cannot stretch it. */
  guint frame_timeout_ms;
  guint frame_min_rate;
  /* Bytes (plus a fixed cost per packet) waiting to be sent; a packet
   * that would exceed it means the peer stopped reading (default 64 MiB).
   * Output that makes no progress for stall_timeout_ms (or the keepalive
   * budget, interval x count, when smaller) means the same. */
  gsize max_queued_bytes;
} GVirRpcClientLimits;

#define GVIR_RPC_CLIENT_DEFAULT_STALL_TIMEOUT_MS (300 * 1000)
#define GVIR_RPC_CLIENT_DEFAULT_FRAME_TIMEOUT_MS (60 * 1000)
#define GVIR_RPC_CLIENT_DEFAULT_FRAME_MIN_RATE (64 * 1024)
#define GVIR_RPC_CLIENT_DEFAULT_MAX_QUEUED_BYTES (64 * 1024 * 1024)

/* Takes ownership of @transport. */
GVirRpcClient *gvir_rpc_client_new (GVirRpcTransport *transport);
/* Setters: call before gvir_rpc_client_start(). */
void gvir_rpc_client_set_event_func (GVirRpcClient *client, GVirRpcEventFunc func,
                                     gpointer user_data);
void gvir_rpc_client_set_close_func (GVirRpcClient *client, GVirRpcCloseFunc func,
                                     gpointer user_data);
/* Pings after @interval seconds of silence; the peer is dead after @count
 * unanswered pings. 0 disables. May be called at any time. */
void gvir_rpc_client_set_keepalive (GVirRpcClient *client, guint interval, guint count);
/* Fills @limits with the defaults. */
void gvir_rpc_client_get_default_limits (GVirRpcClientLimits *limits);
/* May be called at any time; a waiting I/O thread takes them at once. */
void gvir_rpc_client_set_limits (GVirRpcClient *client, const GVirRpcClientLimits *limits);
/* What the outgoing queue holds now, and the most it ever held (tests:
 * memory stays within max_queued_bytes). */
gsize gvir_rpc_client_get_queued_bytes (GVirRpcClient *client);
gsize gvir_rpc_client_get_peak_queued_bytes (GVirRpcClient *client);
/* Whether the I/O thread has taken every wake-up and computed its wait
 * from the state after them (tests: a step that follows starts against a
 * thread that waits, not one that is about to read the state anyway). */
gboolean gvir_rpc_client_io_thread_settled (GVirRpcClient *client);
void gvir_rpc_client_start (GVirRpcClient *client);

/* One call of program @prog version 1. @args may be NULL for void; on
 * success *reply (optional) gets the reply payload. A server error becomes
 * a mapped GVIR_ERROR. Cancelling fails this call only. */
gboolean gvir_rpc_client_call (GVirRpcClient *client, guint32 prog, gint32 proc,
                               GByteArray *args, GBytes **reply,
                               GCancellable *cancellable, GError **error);

/* One call of a batch: the caller sets proc and args (NULL for void);
 * the batch sets either reply or error. */
typedef struct
{
  gint32 proc;
  GByteArray *args;
  GBytes *reply;
  GError *error;
} GVirRpcBatchCall;

/* Sends all @n_calls calls of program @prog before waiting for any reply:
 * they cost one round trip together, and the server may run them side by
 * side. Each call gets its own outcome, a server error failing that call
 * only. Cancelling fails the calls still waiting. */
void gvir_rpc_client_call_batch (GVirRpcClient *client, guint32 prog, GVirRpcBatchCall *calls,
                                 guint n_calls, GCancellable *cancellable);
/* Drops what the batch set (not proc and args, which the caller owns). */
void gvir_rpc_batch_call_clear (GVirRpcBatchCall *call);

/* Called once with the outcome of gvir_rpc_client_call_async(): @reply
 * (borrowed) on success, else @error (borrowed). Runs in the reader
 * thread, or in the calling thread when the call fails before it is sent;
 * it must not block or call the client synchronously. */
typedef void (*GVirRpcReplyFunc) (GBytes *reply, const GError *error, gpointer user_data);

/* Sends the call and returns without waiting: no thread waits for the
 * reply, which is what makes many calls in flight cheap. */
void gvir_rpc_client_call_async (GVirRpcClient *client, guint32 prog, gint32 proc,
                                 GByteArray *args, GVirRpcReplyFunc func, gpointer user_data);

/* ---- streams -------------------------------------------------------------- */

/* Told, in the I/O thread, of each STREAM packet of its stream and of a
 * REPLY on the stream's serial (libvirt confirms a finish that way), or
 * with @header NULL and @closed set when the connection ends. Returns
 * FALSE when it cannot take the packet now (its buffer is full): the I/O
 * thread then reads nothing more until gvir_rpc_client_resume_streams(),
 * which is how a slow reader holds back a fast server. Runs with the
 * stream table's lock held: it must not block or call the client. */
typedef gboolean (*GVirRpcStreamFunc) (const GVirRpcHeader *header, const guint8 *payload,
                                       gsize len, const GError *closed, gpointer user_data);

/* A call that opens a stream (screenshot, console): @func is registered
 * on the call's serial before the call goes out, so no STREAM packet can
 * be missed; it stays registered until gvir_rpc_client_remove_stream()
 * or the close when the call succeeds, and is gone when it fails.
 * @destroy (optional) frees @user_data when the registration ends.
 * *@serial gets the stream's serial. */
gboolean gvir_rpc_client_call_stream (GVirRpcClient *client, guint32 prog, gint32 proc,
                                      GByteArray *args, GBytes **reply,
                                      GVirRpcStreamFunc func, gpointer user_data,
                                      GDestroyNotify destroy, guint32 *serial, GCancellable *cancellable,
                                      GError **error);
/* Queues one STREAM packet of the stream @serial opened by @proc:
 * CONTINUE with data, OK (empty) to finish, ERROR (empty) to abort. */
gboolean gvir_rpc_client_send_stream (GVirRpcClient *client, guint32 prog, gint32 proc,
                                      guint32 serial, guint32 status, const guint8 *data,
                                      gsize len, GError **error);
/* After it returns, the stream's function is never called again. Unless
 * @answered (the server's last REPLY on @serial has come), packets still
 * on their way for the stream are dropped until that REPLY. */
void gvir_rpc_client_remove_stream (GVirRpcClient *client, guint32 serial, gboolean answered);
/* A stream that refused a packet has room again. */
void gvir_rpc_client_resume_streams (GVirRpcClient *client);

gboolean gvir_rpc_client_is_open (GVirRpcClient *client);
/* Fails every pending call at once with GVIR_ERROR_CONNECTION_CLOSED and
 * shuts the stream (nothing is sent after it, no keepalive ping either),
 * without waiting for the I/O thread: safe from any thread, the I/O
 * thread and its callbacks included. Idempotent. */
void gvir_rpc_client_interrupt (GVirRpcClient *client);
/* gvir_rpc_client_interrupt(), then joins the I/O thread. Idempotent. */
void gvir_rpc_client_close (GVirRpcClient *client);
/* Closes and frees. Must not be called from the event or close callback. */
void gvir_rpc_client_free (GVirRpcClient *client);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GVirRpcClient, gvir_rpc_client_free)

G_END_DECLS
