/*
 * fuzz-rpc-packet.c: libFuzzer target for the RPC packet and message decoders
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * The input is what a peer could send: one framed packet. Its payload goes
 * through the decoder of every message shape of remote-protocol.def (the
 * list, fuzz-rpc-shapes.h, is generated from the protocol header), so
 * every decoder a client or the daemon runs on peer data runs here; the
 * sanitizers catch any out-of-bounds access, overflow or leak.
 *
 * Besides those, these abort:
 *   - a failure without a GError;
 *   - a decoded packet that does not encode back to the same bytes;
 *   - a decoded message that its own encoder refuses (the decoder let
 *     through what the checks forbid), or whose encoding decodes and
 *     encodes to other bytes.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libvirt-gobject/rpc/gvir-rpc-packet-private.h"
#include "libvirt-gobject/rpc/gvir-rpc-remote-private.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

G_GNUC_NORETURN static void
fail (const char *what, const char *shape, const GError *error)
{
  fprintf (stderr, "fuzz-rpc-packet: %s%s%s%s%s\n", what, shape ? ": " : "", shape ? shape : "",
           error ? ": " : "", error ? error->message : "");
  abort ();
}

static void
check_refusal (GError *error, const char *what)
{
  if (error == NULL || error->message == NULL || error->message[0] == '\0')
    fail ("a refusal without an error message", what, NULL);
  g_error_free (error);
}

static gboolean
same_bytes (const GByteArray *a, const GByteArray *b)
{
  return a->len == b->len && memcmp (a->data, b->data, a->len) == 0;
}

/* An error reply is also turned into a GError, as the client does. */
static void
use_error_reply (const guint8 *payload, gsize len)
{
  g_auto(GVirRpcError) err = { 0 };

  if (gvir_rpc_decode_error (payload, len, &err, NULL))
    g_error_free (gvir_rpc_error_to_gerror (&err));
}

/* One function per shape: decode, encode, decode the encoding and encode
 * again; both encodings must be equal. */
#define FUZZ_RPC_SHAPE(name, type)                                              \
  static void                                                                   \
  shape_##name (const guint8 *payload, gsize len)                               \
  {                                                                             \
    g_auto(type) first = { 0 };                                                 \
    g_auto(type) second = { 0 };                                                \
    g_autoptr(GByteArray) first_bytes = NULL;                                   \
    g_autoptr(GByteArray) second_bytes = NULL;                                  \
    GError *error = NULL;                                                       \
                                                                                \
    if (!gvir_rpc_decode_##name (payload, len, &first, &error))                 \
      {                                                                         \
        check_refusal (error, #name);                                           \
        return;                                                                 \
      }                                                                         \
    first_bytes = gvir_rpc_encode_##name (&first, &error);                      \
    if (first_bytes == NULL)                                                    \
      fail ("a decoded message does not encode", #name, error);                 \
    if (!gvir_rpc_decode_##name (first_bytes->data, first_bytes->len,           \
                                 &second, &error))                              \
      fail ("an encoded message does not decode", #name, error);                \
    second_bytes = gvir_rpc_encode_##name (&second, &error);                    \
    if (second_bytes == NULL || !same_bytes (first_bytes, second_bytes))        \
      fail ("a message encodes differently after a round trip", #name, error);  \
  }
#include "fuzz-rpc-shapes.h"
#undef FUZZ_RPC_SHAPE

typedef void (*ShapeFunc) (const guint8 *payload, gsize len);

static const ShapeFunc shapes[] = {
#define FUZZ_RPC_SHAPE(name, type) shape_##name,
#include "fuzz-rpc-shapes.h"
#undef FUZZ_RPC_SHAPE
};

/* A packet that decodes must encode back to exactly the input. */
static void
check_packet_round_trip (const guint8 *data, size_t size, const GVirRpcHeader *header,
                         const guint8 *payload, gsize len)
{
  GError *error = NULL;
  g_autoptr(GBytes) again = gvir_rpc_packet_encode (header, payload, len, &error);

  if (again == NULL)
    fail ("a decoded packet does not encode", NULL, error);
  if (g_bytes_get_size (again) != size || memcmp (g_bytes_get_data (again, NULL), data, size) != 0)
    fail ("a decoded packet encodes to other bytes", NULL, NULL);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  GVirRpcHeader header;
  const guint8 *payload;
  GError *error = NULL;
  gsize len;

  if (!gvir_rpc_packet_decode (data, size, &header, &payload, &len, &error))
    {
      check_refusal (error, "packet");
      return 0;
    }
  check_packet_round_trip (data, size, &header, payload, len);
  if (!gvir_rpc_header_check_program (&header, &error))
    {
      check_refusal (error, "program");
      return 0;
    }

  /* Every shape on every payload: the decoders must refuse, never crash. */
  for (gsize i = 0; i < G_N_ELEMENTS (shapes); i++)
    shapes[i] (payload, len);
  use_error_reply (payload, len);
  return 0;
}
