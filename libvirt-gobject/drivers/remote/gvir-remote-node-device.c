/*
 * gvir-remote-node-device.c: the remote driver's host devices
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

/* flags 0: every device, whatever its capabilities; a server that cannot
 * filter (libvirt's test driver) refuses the active/inactive flags. */
static GPtrArray *
remote_list_node_devices (gpointer       handle,
                          GCancellable  *cancellable,
                          GError       **error)
{
  GVirRpcConnectListAllNodeDevicesArgs args = { .need_results = 1, .flags = 0 };
  g_auto(GVirRpcConnectListAllNodeDevicesRet) ret = { 0 };
  GPtrArray *out;
  guint32 i;

  if (!gvir_rpc_call_connect_list_all_node_devices (gvir_remote_handle_get_client (handle), &args,
                                                    &ret, cancellable, error))
    return NULL;
  out = g_ptr_array_new_full (ret.n_devices, (GDestroyNotify) gvir_driver_node_device_free);
  for (i = 0; i < ret.n_devices; i++)
    {
      GVirDriverNodeDevice device = { .name = ret.devices[i].name };

      g_ptr_array_add (out, gvir_driver_node_device_copy (&device));
    }
  return out;
}

/* A device's wire reference is its bare name: no lookup first. */
static char *
remote_get_node_device_xml (gpointer       handle,
                            const char    *name,
                            guint          flags,
                            GCancellable  *cancellable,
                            GError       **error)
{
  GVirRpcNodeDeviceGetXmlDescArgs args = { .name = (char *) name, .flags = flags };
  g_auto(GVirRpcStringRet) ret = { 0 };

  if (!gvir_rpc_call_node_device_get_xml_desc (gvir_remote_handle_get_client (handle), &args,
                                               &ret, cancellable, error))
    return NULL;
  return g_steal_pointer (&ret.value);
}

const GVirDriverNodeDeviceFuncs gvir_remote_node_device_funcs = {
  .list_node_devices = remote_list_node_devices,
  .get_node_device_xml = remote_get_node_device_xml,
};
