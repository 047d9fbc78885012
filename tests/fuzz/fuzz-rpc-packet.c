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
 * The input is what a peer could send: one framed packet. Everything a
 * client decodes from a packet is decoded here; the sanitizers catch any
 * out-of-bounds access, overflow or leak.
 */
#include "config.h"

#include "libvirt-gobject/rpc/gvir-rpc-packet-private.h"
#include "libvirt-gobject/rpc/gvir-rpc-remote-private.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

typedef gboolean (*Decoder) (GVirXdrReader *reader);

static gboolean
decode_error (GVirXdrReader *reader)
{
  GVirRpcError err;
  GError *gerror;

  if (!gvir_rpc_get_error (reader, &err, NULL))
    return FALSE;
  gerror = gvir_rpc_error_to_gerror (&err);
  g_error_free (gerror);
  gvir_rpc_error_clear (&err);
  return TRUE;
}

static gboolean
decode_domain_list (GVirXdrReader *reader)
{
  GArray *doms = NULL;
  guint32 ret;

  if (!gvir_rpc_get_domain_list (reader, &doms, &ret, NULL))
    return FALSE;
  g_array_unref (doms);
  return TRUE;
}

static gboolean
decode_node_info (GVirXdrReader *reader)
{
  GVirRpcNodeInfo info;

  return gvir_rpc_get_node_info (reader, &info, NULL);
}

static gboolean
decode_domain_info (GVirXdrReader *reader)
{
  GVirRpcDomainInfo info;

  return gvir_rpc_get_domain_info (reader, &info, NULL);
}

static gboolean
decode_typed_params (GVirXdrReader *reader)
{
  GArray *params = NULL;
  gint32 n;

  if (!gvir_rpc_get_typed_params (reader, GVIR_RPC_NUMA_PARAMETERS_MAX, &params, NULL))
    return FALSE;
  g_array_unref (params);
  return gvir_xdr_get_i32 (reader, &n, NULL);
}

static gboolean
decode_lifecycle (GVirXdrReader *reader)
{
  GVirRpcLifecycleEvent ev;
  char *uuid;

  if (!gvir_rpc_get_lifecycle_event (reader, &ev, TRUE, NULL))
    return FALSE;
  uuid = gvir_rpc_uuid_format (ev.dom.uuid);
  g_free (uuid);
  gvir_rpc_domain_clear (&ev.dom);
  return TRUE;
}

static gboolean
decode_legacy_lifecycle (GVirXdrReader *reader)
{
  GVirRpcLifecycleEvent ev;

  if (!gvir_rpc_get_lifecycle_event (reader, &ev, FALSE, NULL))
    return FALSE;
  gvir_rpc_domain_clear (&ev.dom);
  return TRUE;
}

static gboolean
decode_cells (GVirXdrReader *reader)
{
  GArray *cells = NULL;

  if (!gvir_rpc_get_u64_array (reader, GVIR_RPC_NODE_MAX_CELLS, &cells, NULL))
    return FALSE;
  g_array_unref (cells);
  return TRUE;
}

static gboolean
decode_string (GVirXdrReader *reader)
{
  char *s = NULL;

  if (!gvir_xdr_get_opt_string (reader, GVIR_RPC_STRING_MAX, &s, NULL))
    return FALSE;
  g_free (s);
  return TRUE;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static const Decoder decoders[] = {
    decode_error, decode_domain_list, decode_node_info, decode_domain_info,
    decode_typed_params, decode_lifecycle, decode_legacy_lifecycle, decode_cells,
    decode_string,
  };
  GVirRpcHeader header;
  const guint8 *payload;
  gsize len;
  guint i;

  if (!gvir_rpc_packet_decode (data, size, &header, &payload, &len, NULL))
    return 0;
  if (!gvir_rpc_header_check_program (&header, NULL))
    return 0;

  /* Every shape on every payload: the decoders must refuse, never crash. */
  for (i = 0; i < G_N_ELEMENTS (decoders); i++)
    {
      GVirXdrReader reader;

      gvir_xdr_reader_init (&reader, payload, len);
      if (decoders[i] (&reader))
        gvir_xdr_reader_finish (&reader, "payload", NULL);
    }
  return 0;
}
