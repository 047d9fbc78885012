/*
 * gvird-dispatch-devices.c: the remote program's procedures on a
 * domain's devices and guest (disk and interface statistics, block
 * resize, device update, guest time, PM wakeup, the memory balloon) on top of the driver's
 * domain table
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include "gvird-dispatch-private.h"

static gboolean
h_block_stats (gpointer data, const GVirRpcDomainBlockStatsArgs *args,
               GVirRpcDomainBlockStatsRet *ret, GError **error)
{
  GvirdCall *call = data;
  g_autofree char *uuid = gvird_uuid_string (args->dom.uuid);
  GVirDriverBlockStats stats = { 0 };

  if (!gvir_driver_connection_get_block_stats (call->conn, uuid, args->path, &stats, NULL, error))
    return FALSE;
  ret->rd_req = stats.rd_req;
  ret->rd_bytes = stats.rd_bytes;
  ret->wr_req = stats.wr_req;
  ret->wr_bytes = stats.wr_bytes;
  ret->errs = stats.errs;
  return TRUE;
}

static gboolean
h_interface_stats (gpointer data, const GVirRpcDomainInterfaceStatsArgs *args,
                   GVirRpcDomainInterfaceStatsRet *ret, GError **error)
{
  GvirdCall *call = data;
  g_autofree char *uuid = gvird_uuid_string (args->dom.uuid);
  GVirDriverInterfaceStats stats = { 0 };

  if (!gvir_driver_connection_get_interface_stats (call->conn, uuid, args->path, &stats, NULL,
                                                   error))
    return FALSE;
  ret->rx_bytes = stats.rx_bytes;
  ret->rx_packets = stats.rx_packets;
  ret->rx_errs = stats.rx_errs;
  ret->rx_drop = stats.rx_drop;
  ret->tx_bytes = stats.tx_bytes;
  ret->tx_packets = stats.tx_packets;
  ret->tx_errs = stats.tx_errs;
  ret->tx_drop = stats.tx_drop;
  return TRUE;
}

static gboolean
h_update_device (gpointer data, const GVirRpcDomainUpdateDeviceFlagsArgs *args, GError **error)
{
  GvirdCall *call = data;
  g_autofree char *uuid = gvird_uuid_string (args->dom.uuid);

  return gvir_driver_connection_update_device (call->conn, uuid, args->xml, args->flags, NULL,
                                               error);
}

static gboolean
h_block_resize (gpointer data, const GVirRpcDomainBlockResizeArgs *args, GError **error)
{
  GvirdCall *call = data;
  g_autofree char *uuid = gvird_uuid_string (args->dom.uuid);

  return gvir_driver_connection_resize_block (call->conn, uuid, args->disk, args->size,
                                              args->flags, NULL, error);
}

static gboolean
h_set_time (gpointer data, const GVirRpcDomainSetTimeArgs *args, GError **error)
{
  GvirdCall *call = data;
  g_autofree char *uuid = gvird_uuid_string (args->dom.uuid);

  return gvir_driver_connection_set_time (call->conn, uuid, args->seconds, args->nseconds,
                                          args->flags, NULL, error);
}

static gboolean
h_pm_wakeup (gpointer data, const GVirRpcDomainFlagsArgs *args, GError **error)
{
  GvirdCall *call = data;
  g_autofree char *uuid = gvird_uuid_string (args->dom.uuid);

  return gvir_driver_connection_pm_wakeup (call->conn, uuid, args->flags, NULL, error);
}

/* virDomainSetMemory: libvirt applies it to the running domain only. */
static gboolean
h_set_memory (gpointer data, const GVirRpcDomainSetMemoryArgs *args, GError **error)
{
  GvirdCall *call = data;
  g_autofree char *uuid = gvird_uuid_string (args->dom.uuid);

  return gvir_driver_connection_set_memory (call->conn, uuid, args->memory,
                                            GVIR_DRIVER_AFFECT_LIVE, NULL, error);
}

/* virDomainSetMaxMemory: the maximum of the domain's current definition. */
static gboolean
h_set_max_memory (gpointer data, const GVirRpcDomainSetMemoryArgs *args, GError **error)
{
  GvirdCall *call = data;
  g_autofree char *uuid = gvird_uuid_string (args->dom.uuid);

  return gvir_driver_connection_set_memory (call->conn, uuid, args->memory,
                                            GVIR_DRIVER_MEM_MAXIMUM, NULL, error);
}

static gboolean
h_set_memory_flags (gpointer data, const GVirRpcDomainSetMemoryFlagsArgs *args, GError **error)
{
  GvirdCall *call = data;
  g_autofree char *uuid = gvird_uuid_string (args->dom.uuid);

  return gvir_driver_connection_set_memory (call->conn, uuid, args->memory, args->flags, NULL,
                                            error);
}

static gboolean
h_memory_stats (gpointer data, const GVirRpcDomainMemoryStatsArgs *args,
                GVirRpcDomainMemoryStatsRet *ret, GError **error)
{
  GvirdCall *call = data;
  g_autofree char *uuid = gvird_uuid_string (args->dom.uuid);
  g_autofree GVirDriverMemoryStat *stats = NULL;
  int n;

  /* The driver layer refuses a max_stats above the limit: the capped
   * allocation never lets it write past the end. */
  stats = g_new0 (GVirDriverMemoryStat, CLAMP (args->max_stats, 1, GVIR_DRIVER_MEMORY_STATS_MAX));
  n = gvir_driver_connection_get_memory_stats (call->conn, uuid, stats, args->max_stats,
                                               args->flags, NULL, error);
  if (n < 0)
    return FALSE;
  ret->stats = g_new0 (GVirRpcDomainMemoryStat, MAX (n, 1));
  for (int i = 0; i < n; i++)
    {
      ret->stats[i].tag = stats[i].tag;
      ret->stats[i].val = stats[i].val;
    }
  ret->n_stats = (guint32) n;
  return TRUE;
}

void
gvird_dispatch_add_devices (GVirRpcServerHandlers *h)
{
  h->domain_block_stats = h_block_stats;
  h->domain_interface_stats = h_interface_stats;
  h->domain_update_device_flags = h_update_device;
  h->domain_block_resize = h_block_resize;
  h->domain_set_time = h_set_time;
  h->domain_pm_wakeup = h_pm_wakeup;
  h->domain_set_memory = h_set_memory;
  h->domain_set_max_memory = h_set_max_memory;
  h->domain_set_memory_flags = h_set_memory_flags;
  h->domain_memory_stats = h_memory_stats;
}
