/*
 * gvir-driver-interface.c: dispatch of the host interface table
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

/* The interface table of @conn's driver, NULL when it has none. */
#define INTERFACE_TABLE (gvir_driver_connection_get_driver (conn)->interface)

/* Admits, runs and ends a call to the interface slot @slot; none mutates. */
#define INTERFACE_DISPATCH(failed, slot, operation, ...) \
  GVIR_DRIVER_DISPATCH (failed, INTERFACE_TABLE, slot, operation, FALSE, __VA_ARGS__)

/* ---- values ----------------------------------------------------------------- */

GVirDriverInterface *
gvir_driver_interface_copy (const GVirDriverInterface *iface)
{
  GVirDriverInterface *copy;

  g_return_val_if_fail (iface != NULL, NULL);

  copy = g_new (GVirDriverInterface, 1);
  copy->name = g_strdup (iface->name);
  copy->mac = g_strdup (iface->mac);
  return copy;
}

void
gvir_driver_interface_free (GVirDriverInterface *iface)
{
  if (iface == NULL)
    return;

  g_free (iface->name);
  g_free (iface->mac);
  g_free (iface);
}

/* ---- dispatch ----------------------------------------------------------------- */

GPtrArray *
gvir_driver_connection_list_interfaces (GVirDriverConnection  *conn,
                                        GCancellable          *cancellable,
                                        GError               **error)
{
  g_return_val_if_fail (conn != NULL, NULL);

  INTERFACE_DISPATCH (NULL, list_interfaces, "list interfaces", cancellable, error);
}

GVirDriverInterface *
gvir_driver_connection_lookup_interface_by_name (GVirDriverConnection  *conn,
                                                 const char            *name,
                                                 GCancellable          *cancellable,
                                                 GError               **error)
{
  const char *op = "look up interface by name";

  g_return_val_if_fail (conn != NULL, NULL);

  if (!gvir_driver_check_arg (name != NULL, op, "no name given", error))
    return NULL;
  INTERFACE_DISPATCH (NULL, lookup_interface_by_name, op, name, cancellable, error);
}

GVirDriverInterface *
gvir_driver_connection_lookup_interface_by_mac (GVirDriverConnection  *conn,
                                                const char            *mac,
                                                GCancellable          *cancellable,
                                                GError               **error)
{
  const char *op = "look up interface by MAC address";

  g_return_val_if_fail (conn != NULL, NULL);

  if (!gvir_driver_check_arg (mac != NULL, op, "no MAC address given", error))
    return NULL;
  INTERFACE_DISPATCH (NULL, lookup_interface_by_mac, op, mac, cancellable, error);
}

char *
gvir_driver_connection_get_interface_xml (GVirDriverConnection  *conn,
                                          const char            *name,
                                          guint                  flags,
                                          GCancellable          *cancellable,
                                          GError               **error)
{
  const char *op = "get interface XML";

  g_return_val_if_fail (conn != NULL, NULL);

  if (!gvir_driver_check_arg (name != NULL, op, "no interface name given", error))
    return NULL;
  INTERFACE_DISPATCH (NULL, get_interface_xml, op, name, flags, cancellable, error);
}
