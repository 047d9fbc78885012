/*
 * rpc-test-peer.h: helpers for tests that play the server by hand
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "libvirt-gobject/rpc/gvir-rpc-client-private.h"
#include "libvirt-gobject/rpc/gvir-rpc-transport-private.h"

/* Reads exactly @len bytes; FALSE at the end of the stream. Bounded: a
 * client that sends nothing for the test's wait bound fails the test,
 * naming @what. */
gboolean rpc_test_peer_read_exact (GVirRpcTransport *t, guint8 *buf, gsize len,
                                   const char *what);

/* Waits (bounded) until @client's I/O thread waits with a deadline
 * computed after every wake-up so far, then checks again 20 ms later:
 * whatever a wake-up made the thread do is done by then. */
void rpc_test_wait_io_thread_settled (GVirRpcClient *client);
