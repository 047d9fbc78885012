/*
 * gvir-driver-node-device.c: dispatch of the host device table
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

/* The node device table of @conn's driver, NULL when it has none. */
#define NODE_DEVICE_TABLE (gvir_driver_connection_get_driver (conn)->node_device)

/* Admits, runs and ends a call to the node device slot @slot; none mutates. */
#define NODE_DEVICE_DISPATCH(failed, slot, operation, ...) \
  GVIR_DRIVER_DISPATCH (failed, NODE_DEVICE_TABLE, slot, operation, FALSE, __VA_ARGS__)

GVirDriverNodeDevice *
gvir_driver_node_device_copy (const GVirDriverNodeDevice *device)
{
  GVirDriverNodeDevice *copy;

  g_return_val_if_fail (device != NULL, NULL);

  copy = g_new (GVirDriverNodeDevice, 1);
  copy->name = g_strdup (device->name);
  return copy;
}

void
gvir_driver_node_device_free (GVirDriverNodeDevice *device)
{
  if (device == NULL)
    return;

  g_free (device->name);
  g_free (device);
}

GPtrArray *
gvir_driver_connection_list_node_devices (GVirDriverConnection  *conn,
                                          GCancellable          *cancellable,
                                          GError               **error)
{
  g_return_val_if_fail (conn != NULL, NULL);

  NODE_DEVICE_DISPATCH (NULL, list_node_devices, "list node devices", cancellable, error);
}

char *
gvir_driver_connection_get_node_device_xml (GVirDriverConnection  *conn,
                                            const char            *name,
                                            guint                  flags,
                                            GCancellable          *cancellable,
                                            GError               **error)
{
  const char *op = "get node device XML";

  g_return_val_if_fail (conn != NULL, NULL);

  if (!gvir_driver_check_arg (name != NULL, op, "no device name given", error))
    return NULL;
  NODE_DEVICE_DISPATCH (NULL, get_node_device_xml, op, name, flags, cancellable, error);
}
