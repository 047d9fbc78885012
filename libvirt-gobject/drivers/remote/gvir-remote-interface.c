/*
 * gvir-remote-interface.c: the remote driver's host network interfaces
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include "gvir-remote-driver-private.h"
#include "libvirt-gobject/rpc/gvir-rpc-client-private.h"
#include "libvirt-gobject/rpc/gvir-rpc-remote-private.h"

/* An interface on the wire is its name and MAC address, as ours. */
static GVirDriverInterface *
describe (const GVirRpcInterface *iface)
{
  GVirDriverInterface out = { .name = iface->name, .mac = iface->mac };

  return gvir_driver_interface_copy (&out);
}

static GPtrArray *
remote_list_interfaces (gpointer       handle,
                        GCancellable  *cancellable,
                        GError       **error)
{
  GVirRpcConnectListAllInterfacesArgs args = { .need_results = 1, .flags = 0 };
  g_auto(GVirRpcConnectListAllInterfacesRet) ret = { 0 };
  GPtrArray *out;
  guint32 i;

  if (!gvir_rpc_call_connect_list_all_interfaces (gvir_remote_handle_get_client (handle), &args,
                                                  &ret, cancellable, error))
    return NULL;
  out = g_ptr_array_new_full (ret.n_ifaces, (GDestroyNotify) gvir_driver_interface_free);
  for (i = 0; i < ret.n_ifaces; i++)
    g_ptr_array_add (out, describe (&ret.ifaces[i]));
  return out;
}

static GVirDriverInterface *
remote_lookup_interface_by_name (gpointer       handle,
                                 const char    *name,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  GVirRpcInterfaceLookupByNameArgs args = { .name = (char *) name };
  g_auto(GVirRpcInterfaceRet) ret = { 0 };

  if (!gvir_rpc_call_interface_lookup_by_name (gvir_remote_handle_get_client (handle), &args,
                                               &ret, cancellable, error))
    return NULL;
  return describe (&ret.iface);
}

static GVirDriverInterface *
remote_lookup_interface_by_mac (gpointer       handle,
                                const char    *mac,
                                GCancellable  *cancellable,
                                GError       **error)
{
  GVirRpcInterfaceLookupByMacStringArgs args = { .mac = (char *) mac };
  g_auto(GVirRpcInterfaceRet) ret = { 0 };

  if (!gvir_rpc_call_interface_lookup_by_mac_string (gvir_remote_handle_get_client (handle),
                                                     &args, &ret, cancellable, error))
    return NULL;
  return describe (&ret.iface);
}

/* The wire reference needs the MAC address too: one lookup first. */
static char *
remote_get_interface_xml (gpointer       handle,
                          const char    *name,
                          guint          flags,
                          GCancellable  *cancellable,
                          GError       **error)
{
  GVirRpcInterfaceLookupByNameArgs lookup = { .name = (char *) name };
  g_auto(GVirRpcInterfaceRet) found = { 0 };
  GVirRpcInterfaceGetXmlDescArgs args = { .flags = flags };
  g_auto(GVirRpcStringRet) ret = { 0 };
  GVirRpcClient *client = gvir_remote_handle_get_client (handle);

  if (!gvir_rpc_call_interface_lookup_by_name (client, &lookup, &found, cancellable, error))
    return NULL;
  args.iface = found.iface;
  if (!gvir_rpc_call_interface_get_xml_desc (client, &args, &ret, cancellable, error))
    return NULL;
  return g_steal_pointer (&ret.value);
}

const GVirDriverInterfaceFuncs gvir_remote_interface_funcs = {
  .list_interfaces = remote_list_interfaces,
  .lookup_interface_by_name = remote_lookup_interface_by_name,
  .lookup_interface_by_mac = remote_lookup_interface_by_mac,
  .get_interface_xml = remote_get_interface_xml,
};
