/*
 * gvir-remote-spawn-private.h: the session daemon, started on demand
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Internal: never installed, never in a GIR.
 */
#pragma once

#include "libvirt-gobject/rpc/gvir-rpc-transport-private.h"

G_BEGIN_DECLS

/* How long a client waits for an autospawned daemon's socket. */
#define GVIR_REMOTE_SPAWN_WAIT_MS 10000
/* The idle timeout (--timeout) an autospawned daemon gets, unless
 * GVIRD_TIMEOUT gives another number of seconds. */
#define GVIR_REMOTE_SPAWN_TIMEOUT_S 30

/* Connects to the session daemon's socket @path and, when nothing listens
 * there, starts our daemon (the GVIRD environment variable names it, else
 * the installed one) with an idle timeout and its pid file gvird.pid beside
 * the socket, waits (bounded) for the socket
 * and connects, as libvirt's client autospawns its session daemon. A lock
 * file beside the socket makes concurrent clients start one daemon. A
 * daemon already listening (ours or libvirtd) is used as it is. */
GVirRpcTransport *gvir_remote_connect_session (const char *path, GCancellable *cancellable,
                                               GError **error);

G_END_DECLS
