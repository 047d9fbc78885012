/*
 * gvir-rpc-transport-private.h: byte streams for the RPC protocol
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
 * A transport is a connected socket (UNIX or TCP), optionally with TLS
 * (GnuTLS, mutual X.509) on top. Blocking calls (read, write_all) for
 * servers and tests, and non-blocking ones (try_read, try_write, poll) for
 * the client, whose one I/O thread must never block on a peer. One thread
 * may read while another writes; gvir_rpc_transport_shutdown() from any
 * thread wakes a blocked reader, which then sees end-of-stream.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _GVirRpcTransport GVirRpcTransport;

GVirRpcTransport *gvir_rpc_transport_connect_unix (const char *path, GCancellable *cancellable,
                                                   GError **error);
GVirRpcTransport *gvir_rpc_transport_connect_tcp (const char *host, guint16 port,
                                                  GCancellable *cancellable, GError **error);
/* Wraps an already connected socket (tests, servers). Takes a reference. */
GVirRpcTransport *gvir_rpc_transport_new_for_socket (GSocket *socket);

/* TLS client settings; file names are absolute. */
typedef struct
{
  char *ca_file;
  char *crl_file;      /* used when the file exists */
  char *cert_file;     /* client certificate; used when the file exists */
  char *key_file;
  gboolean no_verify;  /* accept any server certificate (URI no_verify=1) */
  char *priority;      /* GnuTLS priority string, NULL for "NORMAL" */
} GVirRpcTlsConfig;

void gvir_rpc_tls_config_clear (GVirRpcTlsConfig *config);

/* Runs the TLS handshake, checks the server certificate against the CA,
 * CRL, validity times and @hostname, then waits for the server's 0x01
 * confirmation byte. Errors say which check failed. */
gboolean gvir_rpc_transport_start_tls (GVirRpcTransport *transport,
                                       const GVirRpcTlsConfig *config,
                                       const char *hostname,
                                       GError **error);
gboolean gvir_rpc_transport_is_tls (GVirRpcTransport *transport);

/* Reads up to @len bytes; returns 0 at end of stream, -1 on error. */
gssize gvir_rpc_transport_read (GVirRpcTransport *transport, guint8 *buf, gsize len,
                                GError **error);
/* Reads up to @len bytes without blocking: returns 0 at end of stream,
 * -1 on error, and -1 with *would_block set (and no @error) when nothing
 * can be read yet. */
gssize gvir_rpc_transport_try_read (GVirRpcTransport *transport, guint8 *buf, gsize len,
                                    gboolean *would_block, GError **error);
gboolean gvir_rpc_transport_write_all (GVirRpcTransport *transport, const guint8 *buf,
                                       gsize len, GError **error);
/* Writes up to @len bytes without blocking: returns how many, or -1 with
 * *would_block set (and no @error) when the peer cannot take any now, or
 * -1 with @error. After a would-block, the next call must pass the same
 * bytes again (TLS may hold an encrypted record of them). */
gssize gvir_rpc_transport_try_write (GVirRpcTransport *transport, const guint8 *buf, gsize len,
                                     gboolean *would_block, GError **error);
/* Waits until one of @events (G_IO_IN, G_IO_OUT) is possible, @wake_fd
 * (-1: none) becomes readable, or @timeout_us passes (< 0: no timeout).
 * Returns the events that are possible (a hung-up or failed socket counts
 * as both), 0 when only the timeout or @wake_fd ended the wait. */
GIOCondition gvir_rpc_transport_poll (GVirRpcTransport *transport, GIOCondition events,
                                      int wake_fd, gint64 timeout_us);
/* Waits until data can be read: 1 readable (or end of stream), 0 timed out,
 * -1 woken by cancelling @wake (nullable) from another thread.
 * @timeout_us < 0 waits forever. */
int gvir_rpc_transport_wait_readable (GVirRpcTransport *transport, gint64 timeout_us,
                                      GCancellable *wake);
void gvir_rpc_transport_shutdown (GVirRpcTransport *transport);
void gvir_rpc_transport_free (GVirRpcTransport *transport);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GVirRpcTransport, gvir_rpc_transport_free)

G_END_DECLS
