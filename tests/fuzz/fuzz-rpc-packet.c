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

/* Decodes one generated message shape and frees it. */
#define DECODER(name, Type) \
  static gboolean \
  decode_##name (GVirXdrReader *reader) \
  { \
    Type value; \
    if (!gvir_rpc_get_##name (reader, &value, NULL)) \
      return FALSE; \
    gvir_rpc_##name##_clear (&value); \
    return TRUE; \
  }

DECODER (connect_list_all_domains_ret, GVirRpcConnectListAllDomainsRet)
DECODER (connect_get_all_domain_stats_ret, GVirRpcConnectGetAllDomainStatsRet)
DECODER (node_info, GVirRpcNodeInfo)
DECODER (domain_info, GVirRpcDomainInfo)
DECODER (domain_get_numa_parameters_ret, GVirRpcDomainGetNumaParametersRet)
DECODER (domain_event_callback_lifecycle_msg, GVirRpcDomainEventCallbackLifecycleMsg)
DECODER (domain_event_lifecycle_msg, GVirRpcDomainEventLifecycleMsg)
DECODER (node_get_cells_free_memory_ret, GVirRpcNodeGetCellsFreeMemoryRet)
DECODER (auth_list_ret, GVirRpcAuthListRet)
DECODER (domain_ret, GVirRpcDomainRet)

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
    decode_error, decode_connect_list_all_domains_ret, decode_connect_get_all_domain_stats_ret,
    decode_node_info, decode_domain_info, decode_domain_get_numa_parameters_ret,
    decode_domain_event_callback_lifecycle_msg, decode_domain_event_lifecycle_msg,
    decode_node_get_cells_free_memory_ret, decode_auth_list_ret, decode_domain_ret,
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
