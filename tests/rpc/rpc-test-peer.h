/*
 * rpc-test-peer.h: helpers for tests that play the server by hand
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "libvirt-gobject/rpc/gvir-rpc-transport-private.h"

/* Reads exactly @len bytes; FALSE at the end of the stream. Bounded: a
 * client that sends nothing for the test's wait bound fails the test,
 * naming @what. */
gboolean rpc_test_peer_read_exact (GVirRpcTransport *t, guint8 *buf, gsize len,
                                   const char *what);
