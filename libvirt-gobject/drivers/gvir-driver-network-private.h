/*
 * gvir-driver-network-private.h: the network table and its dispatch
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Nothing in this header is installed or scanned for the GIR. Include
 * gvir-driver-private.h, the umbrella of the layer's private API.
 */
#pragma once

#include "gvir-driver-core-private.h"

G_BEGIN_DECLS

/* ---- values ------------------------------------------------------------- */

/* One virtual network, by value: its identity. */
typedef struct
{
  char *name;
  char *uuid;             /* canonical lower-case 36-character form */
} GVirDriverNetwork;

GVirDriverNetwork *gvir_driver_network_copy (const GVirDriverNetwork *network);
void gvir_driver_network_free (GVirDriverNetwork *network);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GVirDriverNetwork, gvir_driver_network_free)

/* Address types of a lease (virIPAddrType). */
enum
{
  GVIR_DRIVER_IP_ADDR_IPV4 = 0,
  GVIR_DRIVER_IP_ADDR_IPV6 = 1,
};

/* One DHCP lease (virNetworkDHCPLease); the strings may be NULL where
 * libvirt's may be. */
typedef struct
{
  char *iface;            /* the network's bridge */
  gint64 expiry_time;     /* seconds since the epoch */
  int type;               /* GVIR_DRIVER_IP_ADDR_* */
  char *mac;
  char *iaid;             /* IPv6 only */
  char *ipaddr;
  guint prefix;
  char *hostname;
  char *clientid;
} GVirDriverDHCPLease;

GVirDriverDHCPLease *gvir_driver_dhcp_lease_copy (const GVirDriverDHCPLease *lease);
void gvir_driver_dhcp_lease_free (GVirDriverDHCPLease *lease);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GVirDriverDHCPLease, gvir_driver_dhcp_lease_free)

/* ---- the table ------------------------------------------------------------- */

/* Virtual networks, addressed by their UUID string. Every callback gets the
 * driver's own handle (what the core table's open() returned). */
struct _GVirDriverNetworkFuncs
{
  /* Element type GVirDriverNetwork, with gvir_driver_network_free as free func. */
  GPtrArray *(*list_networks) (gpointer handle, GCancellable *cancellable, GError **error);
  GVirDriverNetwork *(*lookup_network_by_uuid) (gpointer handle, const char *uuid,
                                                GCancellable *cancellable, GError **error);
  GVirDriverNetwork *(*lookup_network_by_name) (gpointer handle, const char *name,
                                                GCancellable *cancellable, GError **error);
  /* flags: libvirt's virNetworkXMLFlags (1 = inactive). */
  char *(*get_network_xml) (gpointer handle, const char *uuid, guint flags,
                            GCancellable *cancellable, GError **error);
  /* Leases of the network, only those of @mac when it is not NULL. Element
   * type GVirDriverDHCPLease, with gvir_driver_dhcp_lease_free. */
  GPtrArray *(*get_dhcp_leases) (gpointer handle, const char *uuid, const char *mac,
                                 guint flags, GCancellable *cancellable, GError **error);
};

/* ---- dispatch: the only callers of the network table ----------------------- */

GPtrArray *gvir_driver_connection_list_networks (GVirDriverConnection *conn, GCancellable *cancellable,
                                                 GError **error);
GVirDriverNetwork *gvir_driver_connection_lookup_network_by_uuid (GVirDriverConnection *conn, const char *uuid,
                                                                  GCancellable *cancellable, GError **error);
GVirDriverNetwork *gvir_driver_connection_lookup_network_by_name (GVirDriverConnection *conn, const char *name,
                                                                  GCancellable *cancellable, GError **error);
char *gvir_driver_connection_get_network_xml (GVirDriverConnection *conn, const char *uuid, guint flags,
                                              GCancellable *cancellable, GError **error);
GPtrArray *gvir_driver_connection_get_dhcp_leases (GVirDriverConnection *conn, const char *uuid,
                                                   const char *mac, guint flags,
                                                   GCancellable *cancellable, GError **error);

G_END_DECLS
