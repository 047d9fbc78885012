/*
 * gvir-driver-network.c: dispatch of the network table
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

/* The network table of @conn's driver, NULL when it has none. */
#define NETWORK_TABLE (gvir_driver_connection_get_driver (conn)->network)

/* Admits, runs and ends a call to the network slot @slot; none mutates. */
#define NETWORK_DISPATCH(failed, slot, operation, ...) \
  GVIR_DRIVER_DISPATCH (failed, NETWORK_TABLE, slot, operation, FALSE, __VA_ARGS__)

/* ---- values ----------------------------------------------------------------- */

GVirDriverNetwork *
gvir_driver_network_copy (const GVirDriverNetwork *network)
{
  GVirDriverNetwork *copy;

  g_return_val_if_fail (network != NULL, NULL);

  copy = g_new (GVirDriverNetwork, 1);
  *copy = *network;
  copy->name = g_strdup (network->name);
  copy->uuid = g_strdup (network->uuid);
  return copy;
}

void
gvir_driver_network_free (GVirDriverNetwork *network)
{
  if (network == NULL)
    return;

  g_free (network->name);
  g_free (network->uuid);
  g_free (network);
}

GVirDriverDHCPLease *
gvir_driver_dhcp_lease_copy (const GVirDriverDHCPLease *lease)
{
  GVirDriverDHCPLease *copy;

  g_return_val_if_fail (lease != NULL, NULL);

  copy = g_new (GVirDriverDHCPLease, 1);
  *copy = *lease;
  copy->iface = g_strdup (lease->iface);
  copy->mac = g_strdup (lease->mac);
  copy->iaid = g_strdup (lease->iaid);
  copy->ipaddr = g_strdup (lease->ipaddr);
  copy->hostname = g_strdup (lease->hostname);
  copy->clientid = g_strdup (lease->clientid);
  return copy;
}

void
gvir_driver_dhcp_lease_free (GVirDriverDHCPLease *lease)
{
  if (lease == NULL)
    return;

  g_free (lease->iface);
  g_free (lease->mac);
  g_free (lease->iaid);
  g_free (lease->ipaddr);
  g_free (lease->hostname);
  g_free (lease->clientid);
  g_free (lease);
}

/* ---- dispatch ----------------------------------------------------------------- */

GPtrArray *
gvir_driver_connection_list_networks (GVirDriverConnection  *conn,
                                      GCancellable          *cancellable,
                                      GError               **error)
{
  g_return_val_if_fail (conn != NULL, NULL);

  NETWORK_DISPATCH (NULL, list_networks, "list networks", cancellable, error);
}

GVirDriverNetwork *
gvir_driver_connection_lookup_network_by_uuid (GVirDriverConnection  *conn,
                                               const char            *uuid,
                                               GCancellable          *cancellable,
                                               GError               **error)
{
  const char *op = "look up network by UUID";

  g_return_val_if_fail (conn != NULL, NULL);

  if (!gvir_driver_check_arg (uuid != NULL, op, "no UUID given", error))
    return NULL;
  NETWORK_DISPATCH (NULL, lookup_network_by_uuid, op, uuid, cancellable, error);
}

GVirDriverNetwork *
gvir_driver_connection_lookup_network_by_name (GVirDriverConnection  *conn,
                                               const char            *name,
                                               GCancellable          *cancellable,
                                               GError               **error)
{
  const char *op = "look up network by name";

  g_return_val_if_fail (conn != NULL, NULL);

  if (!gvir_driver_check_arg (name != NULL, op, "no name given", error))
    return NULL;
  NETWORK_DISPATCH (NULL, lookup_network_by_name, op, name, cancellable, error);
}

char *
gvir_driver_connection_get_network_xml (GVirDriverConnection  *conn,
                                        const char            *uuid,
                                        guint                  flags,
                                        GCancellable          *cancellable,
                                        GError               **error)
{
  const char *op = "get network XML";

  g_return_val_if_fail (conn != NULL, NULL);

  if (!gvir_driver_check_arg (uuid != NULL, op, "no network UUID given", error))
    return NULL;
  NETWORK_DISPATCH (NULL, get_network_xml, op, uuid, flags, cancellable, error);
}

GPtrArray *
gvir_driver_connection_get_dhcp_leases (GVirDriverConnection  *conn,
                                        const char            *uuid,
                                        const char            *mac,
                                        guint                  flags,
                                        GCancellable          *cancellable,
                                        GError               **error)
{
  const char *op = "get DHCP leases";

  g_return_val_if_fail (conn != NULL, NULL);

  if (!gvir_driver_check_arg (uuid != NULL, op, "no network UUID given", error))
    return NULL;
  NETWORK_DISPATCH (NULL, get_dhcp_leases, op, uuid, mac, flags, cancellable, error);
}
