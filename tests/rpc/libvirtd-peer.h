/*
 * libvirtd-peer.h: a real libvirtd (built-in test driver only) for tests
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#pragma once

#include <glib.h>

typedef enum
{
  PEER_TLS_NONE,      /* UNIX and TCP only */
  PEER_TLS_VALID,     /* plus TLS with a valid server certificate */
  PEER_TLS_EXPIRED,   /* plus TLS with an expired server certificate */
} PeerTlsMode;

typedef struct
{
  char *dir;            /* temporary folder with config, sockets, PKI, log */
  GPid pid;
  char *socket;         /* read-write UNIX socket */
  char *socket_ro;
  int tcp_port;
  int tls_port;         /* 0 without TLS */
  char *pki_good;       /* client PKI dir: CA, client cert and key */
  char *pki_no_cert;    /* CA only */
  char *pki_other_ca;   /* an unrelated CA, with the valid client cert */
} LibvirtdPeer;

/* Generates a CA, server and client certificates with certtool into
 * @dir/pki (the server's) and @dir/client-* (the client's). */
gboolean libvirtd_peer_make_pki (const char *dir, gboolean expired_server, GError **error);

/* Starts libvirtd with its own config in a new temporary folder, an empty
 * driver folder (so only the built-in test driver loads), UNIX sockets,
 * TCP on a free loopback port and optionally TLS; waits for the sockets.
 * The daemon dies with the test process even when that aborts. Fails with
 * a message when libvirtd is not installed. */
LibvirtdPeer *libvirtd_peer_start (PeerTlsMode tls, GError **error);
/* Sends @sig (e.g. SIGSTOP, SIGCONT) to the running daemon. */
void libvirtd_peer_signal (LibvirtdPeer *peer, int sig);
/* Kills the daemon with SIGKILL, as a crash would, and reaps it; the
 * folder stays, so libvirtd_peer_restart() can reuse it. */
void libvirtd_peer_kill (LibvirtdPeer *peer);
/* Starts a new daemon on the same config, sockets and ports (killing the
 * old one if it still runs) and waits for its sockets. */
gboolean libvirtd_peer_restart (LibvirtdPeer *peer, GError **error);
/* Stops the daemon (SIGTERM, then SIGKILL; also when it is stopped with
 * SIGSTOP) and removes its folder. */
void libvirtd_peer_stop (LibvirtdPeer *peer);
