/*
 * fuzz-daemon.c: libFuzzer target for one gvird connection
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * The input is everything a client sends on one connection, after a first
 * byte whose low bit picks the read-only socket. The daemon's own client
 * code (framing, limits, output queue) and dispatch (sessions, the
 * procedure table, the test driver) serve it in process, on one end of a
 * socketpair; this side writes the input, reads and drops the replies,
 * and then ends the stream. The sanitizers catch any bad access or leak;
 * a connection that is not closed after its end of stream aborts.
 *
 * Deterministic: one worker and one call in flight, so calls run in the
 * order they came; the test driver's test:///default state lives from the
 * first connection to the last, so each input starts from the same state;
 * the worker pool is stopped after each input and keeps no idle thread.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

#include <glib-unix.h>

#include "daemon/gvird-server-private.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

/* Larger inputs say nothing more about one connection. */
#define MAX_STREAM_BYTES (1024 * 1024)

typedef struct
{
  int fd;                 /* the client's end */
  const guint8 *data;
  gsize size;
  gsize written;
  gboolean gone;          /* the daemon closed the connection */
} Feeder;

static GvirdServer server;
static Feeder *current;

/* gvird-main.c's part, which the target does not link. */
void
gvird_server_client_gone (GvirdServer *s,
                          GvirdClient *client)
{
  s->n_clients--;
  current->gone = TRUE;
}

/* gvird-idle.c's part: the target keeps no driver connection beyond the
 * client that opened it, so that no input leaves state for the next. */
void
gvird_idle_hold_uri (const GVirDriverUri *uri)
{
}

G_GNUC_NORETURN static void
fail (const char *what)
{
  fprintf (stderr, "fuzz-daemon: %s\n", what);
  abort ();
}

static void
setup_once (void)
{
  GvirdConfig *config;

  if (server.config != NULL)
    return;
  config = gvird_config_new_default ();
  config->max_workers = 1;
  config->max_client_requests = 1;
  /* No timers: the end of the input is what ends the connection. */
  config->keepalive_interval = 0;
  config->frame_timeout = 0;
  server.config = config;
  server.context = g_main_context_new ();
  g_thread_pool_set_max_unused_threads (0);
}

/* The client's side, reading: replies and events are dropped. */
static gboolean
feeder_readable (gint         fd,
                 GIOCondition condition,
                 gpointer     data)
{
  guint8 sink[65536];
  ssize_t n;

  while ((n = read (fd, sink, sizeof sink)) > 0)
    ;
  return n == 0 || (n < 0 && errno != EAGAIN) ? G_SOURCE_REMOVE : G_SOURCE_CONTINUE;
}

/* The client's side, writing: what the socket takes, then the end of
 * the stream. */
static gboolean
feeder_writable (gint         fd,
                 GIOCondition condition,
                 gpointer     data)
{
  Feeder *feeder = data;
  ssize_t n = send (fd, feeder->data + feeder->written, feeder->size - feeder->written,
                    MSG_NOSIGNAL);

  if (n < 0 && errno == EAGAIN)
    return G_SOURCE_CONTINUE;
  if (n < 0)
    return G_SOURCE_REMOVE;  /* closed by the daemon before the input ended */
  feeder->written += n;
  if (feeder->written < feeder->size)
    return G_SOURCE_CONTINUE;
  shutdown (fd, SHUT_WR);
  return G_SOURCE_REMOVE;
}

static GSource *
watch (int          fd,
       GIOCondition condition,
       GUnixFDSourceFunc func,
       Feeder      *feeder)
{
  GSource *source = g_unix_fd_source_new (fd, condition);

  g_source_set_callback (source, G_SOURCE_FUNC (func), feeder, NULL);
  g_source_attach (source, server.context);
  return source;
}

static GvirdClient *
connect_client (int      fd,
                gboolean read_only)
{
  GvirdPeer peer = { read_only, TRUE, 4242, 0, 0 };
  g_autoptr (GSocket) sock = g_socket_new_from_fd (fd, NULL);

  if (sock == NULL)
    fail ("cannot wrap the daemon's end of the socketpair");
  server.n_clients++;
  return gvird_client_new (&server, sock, &peer);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  Feeder feeder = { -1, NULL, 0, 0, FALSE };
  GvirdClient *client;
  GSource *reader;
  GSource *writer = NULL;
  int fds[2];

  if (size < 1 || size > MAX_STREAM_BYTES)
    return 0;
  setup_once ();
  if (!gvird_dispatch_start (&server, NULL))
    fail ("cannot start the worker pool");
  if (socketpair (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0)
    fail ("socketpair failed");
  if (!g_unix_set_fd_nonblocking (fds[1], TRUE, NULL))
    fail ("cannot make the client's end non-blocking");
  feeder.fd = fds[1];
  feeder.data = data + 1;
  feeder.size = size - 1;
  current = &feeder;

  client = gvird_client_ref (connect_client (fds[0], data[0] & 1));
  reader = watch (feeder.fd, G_IO_IN | G_IO_HUP, feeder_readable, &feeder);
  if (feeder.size == 0)
    shutdown (feeder.fd, SHUT_WR);
  else
    writer = watch (feeder.fd, G_IO_OUT, feeder_writable, &feeder);

  /* Every input ends in an end of stream, and the daemon reads to it: it
   * closes the connection then if not before. */
  while (!feeder.gone)
    g_main_context_iteration (server.context, TRUE);

  g_source_destroy (reader);
  g_source_unref (reader);
  if (writer != NULL)
    {
      g_source_destroy (writer);
      g_source_unref (writer);
    }
  /* Calls still running post their replies to the closed client. */
  gvird_dispatch_stop (&server);
  while (g_main_context_iteration (server.context, FALSE))
    ;
  gvird_client_unref (client);
  close (feeder.fd);
  current = NULL;
  if (server.n_clients != 0)
    fail ("a client was left registered");
  return 0;
}
