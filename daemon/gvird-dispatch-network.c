/*
 * gvird-dispatch-network.c: the remote program's virtual network
 * procedures on top of the driver's network table
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * A missing network is libvirt's VIR_ERR_NO_NETWORK. The network table
 * has no state: every network it lists is active and persistent (as every
 * network of libvirt's test driver), which is how the list filter sees
 * them.
 */
#include "config.h"

#include <string.h>

#include "gvird-dispatch-private.h"

/* libvirt's virConnectListAllNetworksFlags that the table can answer
 * (it knows no autostart: that group is not filtered). */
enum
{
  LIST_NETWORKS_INACTIVE = 1 << 0,
  LIST_NETWORKS_ACTIVE = 1 << 1,
  LIST_NETWORKS_PERSISTENT = 1 << 2,
  LIST_NETWORKS_TRANSIENT = 1 << 3,
};

static void
network_fill (GVirRpcNetwork          *out,
              const GVirDriverNetwork *network)
{
  out->name = g_strdup (network->name);
  if (!gvir_rpc_uuid_parse (network->uuid, out->uuid))
    memset (out->uuid, 0, sizeof out->uuid);
}

/* Fills a network reply from a driver network, which it frees. */
static gboolean
network_reply (GVirDriverNetwork *network,
               GVirRpcNetworkRet *ret)
{
  if (network == NULL)
    return FALSE;
  network_fill (&ret->net, network);
  gvir_driver_network_free (network);
  return TRUE;
}

static char *
network_uuid (GvirdCall            *call,
              const GVirRpcNetwork *net)
{
  call->not_found = GVIR_RPC_ERR_NO_NETWORK;
  return gvird_uuid_string (net->uuid);
}

static gboolean
h_lookup_by_name (gpointer data, const GVirRpcNetworkLookupByNameArgs *args,
                  GVirRpcNetworkRet *ret, GError **error)
{
  GvirdCall *call = data;

  call->not_found = GVIR_RPC_ERR_NO_NETWORK;
  return network_reply (gvir_driver_connection_lookup_network_by_name (call->conn, args->name,
                                                                       NULL, error),
                        ret);
}

static gboolean
h_lookup_by_uuid (gpointer data, const GVirRpcNetworkLookupByUuidArgs *args,
                  GVirRpcNetworkRet *ret, GError **error)
{
  GvirdCall *call = data;
  g_autofree char *uuid = NULL;

  call->not_found = GVIR_RPC_ERR_NO_NETWORK;
  uuid = gvird_uuid_string (args->uuid);
  return network_reply (gvir_driver_connection_lookup_network_by_uuid (call->conn, uuid, NULL,
                                                                       error),
                        ret);
}

/* Whether an active persistent network passes the list filter @flags:
 * within each group of flags, none set means "any". */
static gboolean
network_filter_accepts (guint32 flags)
{
  guint32 group = flags & (LIST_NETWORKS_ACTIVE | LIST_NETWORKS_INACTIVE);

  if (group != 0 && !(group & LIST_NETWORKS_ACTIVE))
    return FALSE;
  group = flags & (LIST_NETWORKS_PERSISTENT | LIST_NETWORKS_TRANSIENT);
  return group == 0 || (group & LIST_NETWORKS_PERSISTENT);
}

static gboolean
h_list_all (gpointer data, const GVirRpcConnectListAllNetworksArgs *args,
            GVirRpcConnectListAllNetworksRet *ret, GError **error)
{
  GvirdCall *call = data;
  g_autoptr (GPtrArray) nets = gvir_driver_connection_list_networks (call->conn, NULL, error);
  guint i;

  if (nets == NULL)
    return FALSE;
  ret->nets = g_new0 (GVirRpcNetwork, MAX (nets->len, 1));
  if (!network_filter_accepts (args->flags))
    return TRUE;
  ret->ret = MIN (nets->len, (guint) GVIR_RPC_NETWORK_LIST_MAX);
  if (args->need_results)
    for (i = 0; i < ret->ret; i++)
      network_fill (&ret->nets[ret->n_nets++], nets->pdata[i]);
  return TRUE;
}

static gboolean
h_get_xml_desc (gpointer data, const GVirRpcNetworkFlagsArgs *args, GVirRpcStringRet *ret,
                GError **error)
{
  GvirdCall *call = data;
  g_autofree char *uuid = network_uuid (call, &args->net);

  ret->value = gvir_driver_connection_get_network_xml (call->conn, uuid, args->flags, NULL, error);
  return ret->value != NULL;
}

static void
lease_fill (GVirRpcNetworkDhcpLease   *out,
            const GVirDriverDHCPLease *lease)
{
  out->iface = g_strdup (lease->iface != NULL ? lease->iface : "");
  out->expirytime = lease->expiry_time;
  out->type = lease->type;
  out->mac = g_strdup (lease->mac);
  out->iaid = g_strdup (lease->iaid);
  out->ipaddr = g_strdup (lease->ipaddr != NULL ? lease->ipaddr : "");
  out->prefix = lease->prefix;
  out->hostname = g_strdup (lease->hostname);
  out->clientid = g_strdup (lease->clientid);
}

static gboolean
h_get_dhcp_leases (gpointer data, const GVirRpcNetworkGetDhcpLeasesArgs *args,
                   GVirRpcNetworkGetDhcpLeasesRet *ret, GError **error)
{
  GvirdCall *call = data;
  g_autofree char *uuid = network_uuid (call, &args->net);
  g_autoptr (GPtrArray) leases = NULL;
  guint i;

  leases = gvir_driver_connection_get_dhcp_leases (call->conn, uuid, args->mac, args->flags, NULL,
                                                   error);
  if (leases == NULL)
    return FALSE;
  ret->ret = MIN (leases->len, (guint) GVIR_RPC_NETWORK_DHCP_LEASES_MAX);
  ret->leases = g_new0 (GVirRpcNetworkDhcpLease, MAX (ret->ret, 1));
  if (args->need_results)
    for (i = 0; i < ret->ret; i++)
      lease_fill (&ret->leases[ret->n_leases++], leases->pdata[i]);
  return TRUE;
}

void
gvird_dispatch_add_network (GVirRpcServerHandlers *h)
{
  h->network_get_xml_desc = h_get_xml_desc;
  h->network_lookup_by_name = h_lookup_by_name;
  h->network_lookup_by_uuid = h_lookup_by_uuid;
  h->connect_list_all_networks = h_list_all;
  h->network_get_dhcp_leases = h_get_dhcp_leases;
}
