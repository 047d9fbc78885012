/*
 * gvir-remote-network.c: the remote driver's virtual networks
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include <string.h>

#include "gvir-remote-driver-private.h"
#include "libvirt-gobject/rpc/gvir-rpc-client-private.h"
#include "libvirt-gobject/rpc/gvir-rpc-remote-private.h"

/* A network on the wire is its name and UUID. */
static GVirDriverNetwork *
describe (const GVirRpcNetwork *net)
{
  GVirDriverNetwork *out = g_new0 (GVirDriverNetwork, 1);

  out->name = g_strdup (net->name);
  out->uuid = gvir_rpc_uuid_format (net->uuid);
  return out;
}

static gboolean
lookup_by_uuid (gpointer        handle,
                const char     *uuid,
                GVirRpcNetwork *net,
                GCancellable   *cancellable,
                GError        **error)
{
  GVirRpcNetworkLookupByUuidArgs args;
  g_auto(GVirRpcNetworkRet) ret = { 0 };

  if (!gvir_rpc_uuid_parse (uuid, args.uuid))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND, "no network with UUID '%s'", uuid);
      return FALSE;
    }
  if (!gvir_rpc_call_network_lookup_by_uuid (gvir_remote_handle_get_client (handle), &args, &ret,
                                             cancellable, error))
    return FALSE;
  *net = ret.net;
  memset (&ret.net, 0, sizeof ret.net);
  return TRUE;
}

static GPtrArray *
remote_list_networks (gpointer       handle,
                      GCancellable  *cancellable,
                      GError       **error)
{
  GVirRpcConnectListAllNetworksArgs args = { .need_results = 1, .flags = 0 };
  g_auto(GVirRpcConnectListAllNetworksRet) ret = { 0 };
  GPtrArray *out;
  guint32 i;

  if (!gvir_rpc_call_connect_list_all_networks (gvir_remote_handle_get_client (handle), &args,
                                                &ret, cancellable, error))
    return NULL;
  out = g_ptr_array_new_full (ret.n_nets, (GDestroyNotify) gvir_driver_network_free);
  for (i = 0; i < ret.n_nets; i++)
    g_ptr_array_add (out, describe (&ret.nets[i]));
  return out;
}

static GVirDriverNetwork *
remote_lookup_network_by_uuid (gpointer       handle,
                               const char    *uuid,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_auto(GVirRpcNetwork) net = { 0 };

  if (!lookup_by_uuid (handle, uuid, &net, cancellable, error))
    return NULL;
  return describe (&net);
}

static GVirDriverNetwork *
remote_lookup_network_by_name (gpointer       handle,
                               const char    *name,
                               GCancellable  *cancellable,
                               GError       **error)
{
  GVirRpcNetworkLookupByNameArgs args = { .name = (char *) name };
  g_auto(GVirRpcNetworkRet) ret = { 0 };

  if (!gvir_rpc_call_network_lookup_by_name (gvir_remote_handle_get_client (handle), &args, &ret,
                                             cancellable, error))
    return NULL;
  return describe (&ret.net);
}

/* The wire reference needs the name too: one lookup first. */
static char *
remote_get_network_xml (gpointer       handle,
                        const char    *uuid,
                        guint          flags,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_auto(GVirRpcNetworkFlagsArgs) args = { .flags = flags };
  g_auto(GVirRpcStringRet) ret = { 0 };

  if (!lookup_by_uuid (handle, uuid, &args.net, cancellable, error) ||
      !gvir_rpc_call_network_get_xml_desc (gvir_remote_handle_get_client (handle), &args, &ret,
                                           cancellable, error))
    return NULL;
  return g_steal_pointer (&ret.value);
}

static GVirDriverDHCPLease *
describe_lease (const GVirRpcNetworkDhcpLease *lease)
{
  GVirDriverDHCPLease out = {
    .iface = lease->iface,
    .expiry_time = lease->expirytime,
    .type = lease->type,
    .mac = lease->mac,
    .iaid = lease->iaid,
    .ipaddr = lease->ipaddr,
    .prefix = lease->prefix,
    .hostname = lease->hostname,
    .clientid = lease->clientid,
  };

  return gvir_driver_dhcp_lease_copy (&out);
}

static GPtrArray *
remote_get_dhcp_leases (gpointer       handle,
                        const char    *uuid,
                        const char    *mac,
                        guint          flags,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_auto(GVirRpcNetworkGetDhcpLeasesArgs) args = { .need_results = 1, .flags = flags };
  g_auto(GVirRpcNetworkGetDhcpLeasesRet) ret = { 0 };
  GPtrArray *out;
  guint32 i;

  if (!lookup_by_uuid (handle, uuid, &args.net, cancellable, error))
    return NULL;
  args.mac = g_strdup (mac);
  if (!gvir_rpc_call_network_get_dhcp_leases (gvir_remote_handle_get_client (handle), &args, &ret,
                                              cancellable, error))
    return NULL;
  out = g_ptr_array_new_full (ret.n_leases, (GDestroyNotify) gvir_driver_dhcp_lease_free);
  for (i = 0; i < ret.n_leases; i++)
    g_ptr_array_add (out, describe_lease (&ret.leases[i]));
  return out;
}

const GVirDriverNetworkFuncs gvir_remote_network_funcs = {
  .list_networks = remote_list_networks,
  .lookup_network_by_uuid = remote_lookup_network_by_uuid,
  .lookup_network_by_name = remote_lookup_network_by_name,
  .get_network_xml = remote_get_network_xml,
  .get_dhcp_leases = remote_get_dhcp_leases,
};
