/*
 * gvir-driver-network-filter.c: dispatch of the network filter table
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include "gvir-driver-dispatch-private.h"

/* The network filter table of @conn's driver, NULL when it has none (like
 * libvirt's test driver: every call is then GVIR_ERROR_NOT_SUPPORTED). */
#define NETWORK_FILTER_TABLE (gvir_driver_connection_get_driver (conn)->network_filter)

/* Admits, runs and ends a call to the network filter slot @slot; none
 * mutates. */
#define NETWORK_FILTER_DISPATCH(failed, slot, operation, ...) \
  GVIR_DRIVER_DISPATCH (failed, NETWORK_FILTER_TABLE, slot, operation, FALSE, __VA_ARGS__)

GVirDriverNetworkFilter *
gvir_driver_network_filter_copy (const GVirDriverNetworkFilter *filter)
{
  GVirDriverNetworkFilter *copy;

  g_return_val_if_fail (filter != NULL, NULL);

  copy = g_new (GVirDriverNetworkFilter, 1);
  copy->name = g_strdup (filter->name);
  copy->uuid = g_strdup (filter->uuid);
  return copy;
}

void
gvir_driver_network_filter_free (GVirDriverNetworkFilter *filter)
{
  if (filter == NULL)
    return;

  g_free (filter->name);
  g_free (filter->uuid);
  g_free (filter);
}

GPtrArray *
gvir_driver_connection_list_network_filters (GVirDriverConnection  *conn,
                                             GCancellable          *cancellable,
                                             GError               **error)
{
  g_return_val_if_fail (conn != NULL, NULL);

  NETWORK_FILTER_DISPATCH (NULL, list_network_filters, "list network filters", cancellable,
                           error);
}

char *
gvir_driver_connection_get_network_filter_xml (GVirDriverConnection           *conn,
                                               const GVirDriverNetworkFilter  *filter,
                                               guint                           flags,
                                               GCancellable                   *cancellable,
                                               GError                        **error)
{
  const char *op = "get network filter XML";

  g_return_val_if_fail (conn != NULL, NULL);

  if (!gvir_driver_check_arg (filter != NULL && filter->name != NULL && filter->uuid != NULL,
                              op, "no filter name and UUID given", error))
    return NULL;
  NETWORK_FILTER_DISPATCH (NULL, get_network_filter_xml, op, filter, flags, cancellable, error);
}
