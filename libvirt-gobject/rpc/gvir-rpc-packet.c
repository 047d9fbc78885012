/*
 * gvir-rpc-packet.c: packet framing of libvirt's RPC protocol
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include "gvir-rpc-packet-private.h"
#include "gvir-rpc-xdr-private.h"
#include "libvirt-gobject/libvirt-gobject-error.h"

gboolean
gvir_rpc_packet_check_length (const guint8   word[GVIR_RPC_LEN_SIZE],
                              guint32       *body_len,
                              GError       **error)
{
  guint32 total = ((guint32) word[0] << 24) | ((guint32) word[1] << 16) |
                  ((guint32) word[2] << 8) | word[3];

  if (total < GVIR_RPC_LEN_SIZE + GVIR_RPC_HEADER_SIZE)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_PROTOCOL,
                   "malformed packet: length %u is shorter than a header (%d bytes)",
                   total, GVIR_RPC_LEN_SIZE + GVIR_RPC_HEADER_SIZE);
      return FALSE;
    }
  if (total > GVIR_RPC_LEN_SIZE + GVIR_RPC_MESSAGE_MAX)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_PROTOCOL,
                   "oversized packet: length %u exceeds the limit of %d bytes",
                   total, GVIR_RPC_LEN_SIZE + GVIR_RPC_MESSAGE_MAX);
      return FALSE;
    }
  *body_len = total - GVIR_RPC_LEN_SIZE;
  return TRUE;
}

gboolean
gvir_rpc_header_decode (const guint8   *body,
                        gsize           len,
                        GVirRpcHeader  *header,
                        GError        **error)
{
  GVirXdrReader reader;

  if (len < GVIR_RPC_HEADER_SIZE)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_PROTOCOL,
                   "truncated packet: %" G_GSIZE_FORMAT " bytes cannot hold a %d-byte header",
                   len, GVIR_RPC_HEADER_SIZE);
      return FALSE;
    }

  gvir_xdr_reader_init (&reader, body, GVIR_RPC_HEADER_SIZE);
  /* Cannot fail: the length was checked above. */
  gvir_xdr_get_u32 (&reader, &header->prog, NULL);
  gvir_xdr_get_u32 (&reader, &header->vers, NULL);
  gvir_xdr_get_i32 (&reader, &header->proc, NULL);
  gvir_xdr_get_u32 (&reader, &header->type, NULL);
  gvir_xdr_get_u32 (&reader, &header->serial, NULL);
  gvir_xdr_get_u32 (&reader, &header->status, NULL);

  if (header->type > GVIR_RPC_TYPE_LAST)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_PROTOCOL,
                   "malformed packet header: unknown message type %u", header->type);
      return FALSE;
    }
  if (header->status > GVIR_RPC_STATUS_LAST)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_PROTOCOL,
                   "malformed packet header: unknown status %u", header->status);
      return FALSE;
    }
  return TRUE;
}

gboolean
gvir_rpc_header_check_program (const GVirRpcHeader  *header,
                               GError              **error)
{
  gboolean known;

  switch (header->prog)
    {
    case GVIR_RPC_REMOTE_PROGRAM:
      known = header->vers == GVIR_RPC_REMOTE_VERSION;
      break;
    case GVIR_RPC_KEEPALIVE_PROGRAM:
      known = header->vers == GVIR_RPC_KEEPALIVE_VERSION;
      break;
    default:
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_PROTOCOL,
                   "unexpected packet for unknown program 0x%08x", header->prog);
      return FALSE;
    }
  if (!known)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_PROTOCOL,
                   "unexpected packet for program 0x%08x with unsupported version %u",
                   header->prog, header->vers);
      return FALSE;
    }
  return TRUE;
}

GBytes *
gvir_rpc_packet_encode (const GVirRpcHeader  *header,
                        const guint8         *payload,
                        gsize                 payload_len,
                        GError              **error)
{
  GByteArray *buf;

  g_return_val_if_fail (header != NULL, NULL);
  g_return_val_if_fail (payload != NULL || payload_len == 0, NULL);

  if (payload_len > GVIR_RPC_PAYLOAD_MAX)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                   "message too large: %" G_GSIZE_FORMAT " bytes of payload exceed "
                   "the protocol limit of %d", payload_len, GVIR_RPC_PAYLOAD_MAX);
      return NULL;
    }

  buf = g_byte_array_sized_new (GVIR_RPC_LEN_SIZE + GVIR_RPC_HEADER_SIZE + payload_len);
  gvir_xdr_put_u32 (buf, (guint32) (GVIR_RPC_LEN_SIZE + GVIR_RPC_HEADER_SIZE + payload_len));
  gvir_xdr_put_u32 (buf, header->prog);
  gvir_xdr_put_u32 (buf, header->vers);
  gvir_xdr_put_i32 (buf, header->proc);
  gvir_xdr_put_u32 (buf, header->type);
  gvir_xdr_put_u32 (buf, header->serial);
  gvir_xdr_put_u32 (buf, header->status);
  if (payload_len > 0)
    g_byte_array_append (buf, payload, payload_len);
  return g_byte_array_free_to_bytes (buf);
}

gboolean
gvir_rpc_packet_decode (const guint8   *data,
                        gsize           len,
                        GVirRpcHeader  *header,
                        const guint8  **payload,
                        gsize          *payload_len,
                        GError        **error)
{
  guint32 body_len;

  if (len < GVIR_RPC_LEN_SIZE)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_PROTOCOL,
                   "truncated packet: %" G_GSIZE_FORMAT " bytes cannot hold the length word", len);
      return FALSE;
    }
  if (!gvir_rpc_packet_check_length (data, &body_len, error))
    return FALSE;
  if (body_len != len - GVIR_RPC_LEN_SIZE)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_PROTOCOL,
                   "%s packet: length word says %u bytes, %" G_GSIZE_FORMAT " present",
                   body_len > len - GVIR_RPC_LEN_SIZE ? "truncated" : "malformed",
                   body_len + GVIR_RPC_LEN_SIZE, len);
      return FALSE;
    }
  if (!gvir_rpc_header_decode (data + GVIR_RPC_LEN_SIZE, body_len, header, error))
    return FALSE;

  *payload = data + GVIR_RPC_LEN_SIZE + GVIR_RPC_HEADER_SIZE;
  *payload_len = body_len - GVIR_RPC_HEADER_SIZE;
  return TRUE;
}
