/*
 * gvir-rpc-remote-private.h: the remote program's messages
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
 * Every message shape, its codec, the client stubs and the server
 * dispatch table are generated from remote-protocol.def (see
 * gvir-rpc-remote-gen.h). What is written by hand lives here: UUID text,
 * the mapping between libvirt's error numbers and GVIR_ERROR codes, and
 * the flag values of the procedures the drivers call.
 */
#pragma once

#include <glib.h>

#include "libvirt-gobject/rpc/gvir-rpc-protocol-private.h"
#include "libvirt-gobject/rpc/gvir-rpc-remote-gen.h"
#include "libvirt-gobject/rpc/gvir-rpc-xdr-private.h"

G_BEGIN_DECLS

/* Canonical lower-case 36-character form <-> 16 raw bytes. */
gboolean gvir_rpc_uuid_parse (const char *str, guint8 uuid[GVIR_RPC_UUID_LEN]);
char *gvir_rpc_uuid_format (const guint8 uuid[GVIR_RPC_UUID_LEN]);

/* Maps the server's error to a GVIR_ERROR with its message. */
GError *gvir_rpc_error_to_gerror (const GVirRpcError *err);
/* The other way, for a server's error replies: @error's GVIR_ERROR code
 * as libvirt's error number (RPC for GVIR_ERROR_PROTOCOL, NO_SUPPORT for
 * GVIR_ERROR_NOT_SUPPORTED, ...), its message, level ERROR. Clear @err
 * with gvir_rpc_error_clear(). */
void gvir_rpc_error_from_gerror (const GError *error, GVirRpcError *err);

/* CONNECT_LIST_ALL_DOMAINS and CONNECT_GET_ALL_DOMAIN_STATS filters. */
enum
{
  GVIR_RPC_LIST_DOMAINS_ACTIVE = 1 << 0,
  GVIR_RPC_LIST_DOMAINS_INACTIVE = 1 << 1,
  GVIR_RPC_LIST_DOMAINS_PERSISTENT = 1 << 2,
  GVIR_RPC_LIST_DOMAINS_TRANSIENT = 1 << 3,
  GVIR_RPC_LIST_DOMAINS_RUNNING = 1 << 4,
  GVIR_RPC_LIST_DOMAINS_PAUSED = 1 << 5,
  GVIR_RPC_LIST_DOMAINS_SHUTOFF = 1 << 6,
  GVIR_RPC_LIST_DOMAINS_OTHER = 1 << 7,
  GVIR_RPC_LIST_DOMAINS_MANAGEDSAVE = 1 << 8,
  GVIR_RPC_LIST_DOMAINS_NO_MANAGEDSAVE = 1 << 9,
  GVIR_RPC_LIST_DOMAINS_AUTOSTART = 1 << 10,
  GVIR_RPC_LIST_DOMAINS_NO_AUTOSTART = 1 << 11,
};

/* CONNECT_GET_ALL_DOMAIN_STATS groups; the "state" group gives the
 * typed parameters "state.state" and "state.reason" (INT). */
#define GVIR_RPC_DOMAIN_STATS_STATE 1u

G_END_DECLS
