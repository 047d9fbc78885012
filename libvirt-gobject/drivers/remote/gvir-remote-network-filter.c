/*
 * gvir-remote-network-filter.c: the remote driver's network filters
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

/* flags 0: libvirt defines none for listing filters. */
static GPtrArray *
remote_list_network_filters (gpointer       handle,
                             GCancellable  *cancellable,
                             GError       **error)
{
  GVirRpcConnectListAllNwfiltersArgs args = { .need_results = 1, .flags = 0 };
  g_auto(GVirRpcConnectListAllNwfiltersRet) ret = { 0 };
  GPtrArray *out;
  guint32 i;

  if (!gvir_rpc_call_connect_list_all_nwfilters (gvir_remote_handle_get_client (handle), &args,
                                                 &ret, cancellable, error))
    return NULL;
  out = g_ptr_array_new_full (ret.n_filters, (GDestroyNotify) gvir_driver_network_filter_free);
  for (i = 0; i < ret.n_filters; i++)
    {
      g_autofree char *uuid = gvir_rpc_uuid_format (ret.filters[i].uuid);
      GVirDriverNetworkFilter filter = { .name = ret.filters[i].name, .uuid = uuid };

      g_ptr_array_add (out, gvir_driver_network_filter_copy (&filter));
    }
  return out;
}

/* The wire reference is the filter's name and UUID, both known: no lookup
 * first (libvirtd finds the filter by its UUID). */
static char *
remote_get_network_filter_xml (gpointer                        handle,
                               const GVirDriverNetworkFilter  *filter,
                               guint                           flags,
                               GCancellable                   *cancellable,
                               GError                        **error)
{
  GVirRpcNwfilterGetXmlDescArgs args = { .nwfilter.name = (char *) filter->name,
                                         .flags = flags };
  g_auto(GVirRpcStringRet) ret = { 0 };

  if (!gvir_rpc_uuid_parse (filter->uuid, args.nwfilter.uuid))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND,
                   "no network filter with UUID '%s'", filter->uuid);
      return NULL;
    }
  if (!gvir_rpc_call_nwfilter_get_xml_desc (gvir_remote_handle_get_client (handle), &args, &ret,
                                            cancellable, error))
    return NULL;
  return g_steal_pointer (&ret.value);
}

const GVirDriverNetworkFilterFuncs gvir_remote_network_filter_funcs = {
  .list_network_filters = remote_list_network_filters,
  .get_network_filter_xml = remote_get_network_filter_xml,
};
