/*
 * gvir-rpc-packet-private.h: packet framing of libvirt's RPC protocol
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
 * A packet is a 4-byte big-endian length that counts itself, a 24-byte
 * header and the payload. Readers call gvir_rpc_packet_check_length() on
 * the length word before they allocate the rest.
 */
#pragma once

#include <glib.h>

#include "gvir-rpc-protocol-private.h"

G_BEGIN_DECLS

typedef struct
{
  guint32 prog;
  guint32 vers;
  gint32 proc;
  guint32 type;     /* GVirRpcType */
  guint32 serial;
  guint32 status;   /* GVirRpcStatus */
} GVirRpcHeader;

/* Validates the length word; *body_len is what follows it (header and
 * payload). */
gboolean gvir_rpc_packet_check_length (const guint8 word[GVIR_RPC_LEN_SIZE], guint32 *body_len,
                                       GError **error);

/* Decodes and validates the header at the start of @body (type and status
 * within their enums). Program and version are the caller's to check. */
gboolean gvir_rpc_header_decode (const guint8 *body, gsize len, GVirRpcHeader *header,
                                 GError **error);

/* Builds length word + header + payload. Fails when the payload exceeds
 * the protocol limit. */
GBytes *gvir_rpc_packet_encode (const GVirRpcHeader *header, const guint8 *payload,
                                gsize payload_len, GError **error);

/* Decodes a whole packet (length word included), which must be exactly
 * @len bytes; *payload points into @data. */
gboolean gvir_rpc_packet_decode (const guint8 *data, gsize len, GVirRpcHeader *header,
                                 const guint8 **payload, gsize *payload_len, GError **error);

/* Whether the header belongs to a program and version we speak. */
gboolean gvir_rpc_header_check_program (const GVirRpcHeader *header, GError **error);

G_END_DECLS
