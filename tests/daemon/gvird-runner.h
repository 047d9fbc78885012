/*
 * gvird-runner.h: starts and stops a gvird for a test, and a raw
 * protocol client to poke at it
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#pragma once

#include <gio/gio.h>

#include "libvirt-gobject/rpc/gvir-rpc-packet-private.h"

G_BEGIN_DECLS

typedef struct
{
  char *dir;          /* temporary folder: config, sockets, pid file */
  char *socket;       /* read-write */
  char *socket_ro;
  char *pid_file;
  GPid pid;
} GvirdRunner;

/* Starts gvird (the GVIRD environment variable names it) with
 * unix_sock_dir in a new temporary folder plus @extra_config lines, and
 * waits (bounded) for its sockets. */
GvirdRunner *gvird_runner_start (const char *extra_config, GError **error);
/* The same with --listen (TCP and TLS as the configuration says); the
 * caller waits for its ports. */
GvirdRunner *gvird_runner_start_listen (const char *extra_config, GError **error);
/* SIGTERM, then a bounded wait; asserts a clean exit (status 0) that
 * removed the sockets and the pid file. Frees @runner. */
void gvird_runner_stop (GvirdRunner *runner);
char *gvird_runner_uri (const GvirdRunner *runner, gboolean read_only);

/* A GSpawnChildSetupFunc: the child is killed when the test process
 * ends, so that a failing test (which aborts before stopping what it
 * started) leaves nothing running. */
void gvird_runner_child_setup (gpointer data);

/* Whether the test must fail instead of skipping when a tool is missing. */
gboolean gvird_runner_require_all (void);

/* ---- raw client ---- */

/* A blocking socket to @path with receive and send timeouts of the wait
 * bound. */
GSocket *raw_connect (const char *path);
gboolean raw_send_call (GSocket *sock, gint32 proc, guint32 serial, const guint8 *payload,
                        gsize len);
/* Any packet (a STREAM one of a client, say). */
gboolean raw_send_packet (GSocket *sock, const GVirRpcHeader *header, const guint8 *payload,
                          gsize len);
/* Reads the next packet, whatever its type: FALSE at end of stream,
 * error or timeout. */
gboolean raw_read_packet (GSocket *sock, GVirRpcHeader *header, GBytes **payload);
/* Reads the next REPLY (MESSAGE packets are skipped): FALSE at end of
 * stream, error or timeout. */
gboolean raw_read_reply (GSocket *sock, GVirRpcHeader *header, GBytes **payload);
/* One call and its reply; asserts the serial matches. */
gboolean raw_call (GSocket *sock, gint32 proc, const guint8 *payload, gsize len,
                   GVirRpcHeader *header, GBytes **reply);
/* AUTH_LIST then CONNECT_OPEN of test:///default with @flags; asserts both
 * succeed. */
void raw_open (GSocket *sock, guint32 flags);
/* CONNECT_OPEN alone (AUTH_LIST was called). */
void raw_open_after_auth (GSocket *sock);
/* Whether the server closed @sock (read gives end of stream or reset)
 * within the wait bound. */
gboolean raw_wait_closed (GSocket *sock);
/* Decodes an error reply's code. */
gint32 raw_error_code (GBytes *payload, char **message);

G_END_DECLS
