/*
 * gvird-server-private.h: the daemon's parts and what they share
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Threads: one I/O thread (the main loop of GvirdServer.context) accepts,
 * reads, frames, answers keepalive pings and writes what a client's
 * socket did not take at once; calls run on a pool of workers
 * (gvird-dispatch.c), which write their replies themselves when nothing
 * else waits to be written to that client, else queue them for the I/O
 * thread; driver events come from driver threads the same way
 * (gvird_client_post()).
 */
#pragma once

#include <gio/gio.h>

#include "gvird-config-private.h"
#include "libvirt-gobject/drivers/gvir-driver-types-private.h"
#include "libvirt-gobject/rpc/gvir-rpc-packet-private.h"

G_BEGIN_DECLS

typedef struct _GvirdClient GvirdClient;
typedef struct _GvirdSession GvirdSession;
typedef struct _GvirdStreams GvirdStreams;
typedef struct _GvirdWorkers GvirdWorkers;

typedef struct
{
  const GvirdConfig *config;
  GMainContext *context;
  GMainLoop *loop;
  GvirdWorkers *workers;       /* the calls' worker threads (gvird-dispatch.c) */
  GList *clients;             /* GvirdClient, I/O thread only */
  guint n_clients;
  guint64 next_client_id;
  GPtrArray *listeners;       /* GvirdListener */
  /* --timeout: quit after this many seconds without clients (0: never). */
  guint idle_timeout;
  GSource *idle_source;
} GvirdServer;

/* ---- listen: UNIX sockets (gvird-listen.c) ---- */

/* Creates and listens on DIR/libvirt-sock and DIR/libvirt-sock-ro with the
 * configured permissions and group, refusing to take over sockets where a
 * daemon still answers. */
gboolean gvird_listen_unix (GvirdServer *server, const char *dir, GError **error);
/* With --listen: listens on listen_addr at tcp_port (listen_tcp, no
 * encryption) and at tls_port (listen_tls, GnuTLS with client
 * certificates; gvird-tls.c). */
gboolean gvird_listen_network (GvirdServer *server, GError **error);
/* Serves the listening socket @fd that systemd passed (named @name). */
gboolean gvird_listen_adopt (GvirdServer *server, int fd, const char *name, gboolean read_only,
                             GError **error);
/* Stops listening and removes the socket files (not the ones systemd made). */
void gvird_listen_close_all (GvirdServer *server);

/* ---- socket activation (gvird-activation.c) ---- */

/* Reads and removes systemd's LISTEN_PID, LISTEN_FDS and LISTEN_FDNAMES
 * (changing the environment is safe only before any thread exists);
 * fails on a LISTEN_FDS that is not a sane count. */
gboolean gvird_activation_read_env (GError **error);
/* Serves the sockets systemd passed when LISTEN_PID named this process:
 * LISTEN_FDS of them from fd 3, read-only when their LISTEN_FDNAMES name
 * ends in "-ro" or "-ro.socket", else in order (read-write, read-only).
 * Sets *@activated to whether there were any. */
gboolean gvird_activation_listen (GvirdServer *server, gboolean *activated, GError **error);

/* ---- idle: held driver connections (gvird-idle.c) ---- */

/* Keeps a connection to @uri until gvird_idle_release_all() when its
 * driver's domains outlive their connections (QEMU). Any thread. */
void gvird_idle_hold_uri (const GVirDriverUri *uri);
/* Running domains of the held connections (unanswerable ones count as 1). */
guint gvird_idle_count_running (void);
void gvird_idle_release_all (void);

/* ---- the I/O thread's loop (gvird-loop.c) ---- */

/* Runs the server's context until its loop is quit. */
void gvird_loop_run (GvirdServer *server);

/* ---- SASL authentication (gvird-sasl.c) ---- */

typedef struct _GvirdSasl GvirdSasl;

/* Once, before any client, when a socket uses SASL. */
gboolean gvird_sasl_global_init (GError **error);
/* After the last client, when gvird_sasl_global_init() succeeded. */
void gvird_sasl_global_done (void);
GvirdSasl *gvird_sasl_new (const GvirdConfig *config);
void gvird_sasl_free (GvirdSasl *sasl);
/* Whether the client has authenticated (any thread). */
gboolean gvird_sasl_is_done (GvirdSasl *sasl);

/* ---- clients (gvird-client.c) ---- */

typedef struct
{
  gboolean read_only;         /* came in on the read-only socket */
  gboolean have_cred;
  int pid;
  guint uid;
  guint gid;
  gboolean sasl;              /* its socket's auth_* is "sasl" */
} GvirdPeer;

/* Makes the accepted @socket a client of @server, within max_clients
 * (I/O thread). */
void gvird_listen_take_client (GvirdServer *server, GSocket *socket, const GvirdPeer *peer);
/* Takes over the accepted @socket (I/O thread). */
GvirdClient *gvird_client_new (GvirdServer *server, GSocket *socket, const GvirdPeer *peer);
GvirdClient *gvird_client_ref (GvirdClient *client);
void gvird_client_unref (GvirdClient *client);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GvirdClient, gvird_client_unref)
/* Drops the connection and everything it held (I/O thread). */
void gvird_client_close (GvirdClient *client, const char *why);
guint64 gvird_client_get_id (GvirdClient *client);
const GvirdPeer *gvird_client_get_peer (GvirdClient *client);
GvirdSession *gvird_client_get_session (GvirdClient *client);
/* The client's open data streams (gvird-stream.c). */
GvirdStreams *gvird_client_get_streams (GvirdClient *client);
/* Sends a packet to the client, from any thread: written at once when
 * nothing is queued before it and the socket takes it, else queued for
 * the I/O thread. @ends_call: it is the reply of a call, which frees a
 * slot of the client's calls in flight. */
void gvird_client_post (GvirdClient *client, GBytes *packet, gboolean ends_call);
/* Sends a packet of a data stream (any thread). Never closes the client
 * for a full queue: the stream's pump bounds it by sending only while
 * gvird_client_has_room(). */
void gvird_client_post_stream (GvirdClient *client, GBytes *packet);
/* Whether the client's output is below its cap (any thread). */
gboolean gvird_client_has_room (GvirdClient *client);
/* Makes the I/O thread look at the client (its streams) soon; from any
 * thread, even with a driver stream's lock held. */
void gvird_client_wake (GvirdClient *client);

/* ---- dispatch: sessions and the worker pool (gvird-dispatch.c) ---- */

/* @sasl: the client's SASL state (taken), NULL when its socket does not
 * use SASL. */
GvirdSession *gvird_session_new (GvirdClient *client, gboolean read_only, GvirdSasl *sasl);
/* Closes the session's driver connection and drops its event callbacks. */
void gvird_session_close (GvirdSession *session);
void gvird_session_free (GvirdSession *session);
/* Whether the client asked for keepalive (feature 10), so that the
 * daemon pings it when it falls silent. */
gboolean gvird_session_wants_keepalive (GvirdSession *session);

/* Sets up the worker pool (its threads start as calls need them). */
gboolean gvird_dispatch_start (GvirdServer *server, GError **error);
/* Waits for running calls and stops the pool. */
void gvird_dispatch_stop (GvirdServer *server);
/* Hands one CALL of the remote program to a worker, or runs it at once on
 * the calling (I/O) thread when its driver never blocks and the call is a
 * read-only one; either way its reply comes back through
 * gvird_client_post(), before this returns in the second case. */
void gvird_dispatch_queue (GvirdServer *server, GvirdClient *client,
                           const GVirRpcHeader *header, GBytes *payload);
/* Encodes an error reply to @header (also used by the I/O thread). */
GBytes *gvird_dispatch_error_reply (const GVirRpcHeader *header, gint32 code, gint32 domain,
                                    const char *message);

/* ---- server (gvird-main.c) ---- */

void gvird_server_client_gone (GvirdServer *server, GvirdClient *client);

G_END_DECLS
