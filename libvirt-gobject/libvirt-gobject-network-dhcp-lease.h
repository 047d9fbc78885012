/*
 * libvirt-gobject-network-dhcp-lease.h: a DHCP lease of a virtual network
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#pragma once

#if !defined(__LIBVIRT_GOBJECT_H__) && !defined(LIBVIRT_GOBJECT_BUILD)
#error "Only <libvirt-gobject/libvirt-gobject.h> can be included directly."
#endif

#include <glib-object.h>
#include <libvirt-gobject/libvirt-gobject-visibility.h>

G_BEGIN_DECLS

/**
 * GVirIPAddrType:
 * @GVIR_IP_ADDR_TYPE_IPV4: an IPv4 address
 * @GVIR_IP_ADDR_TYPE_IPV6: an IPv6 address
 *
 * The kind of address a #GVirNetworkDHCPLease leases.
 */
typedef enum
{
  GVIR_IP_ADDR_TYPE_IPV4 = 0,
  GVIR_IP_ADDR_TYPE_IPV6 = 1,
} GVirIPAddrType;

/**
 * GVIR_TYPE_NETWORK_DHCP_LEASE:
 *
 * The #GType of #GVirNetworkDHCPLease.
 */
#define GVIR_TYPE_NETWORK_DHCP_LEASE (gvir_network_dhcp_lease_get_type ())

/**
 * GVirNetworkDHCPLease:
 *
 * One DHCP lease of a #GVirNetwork, as gvir_network_get_dhcp_leases()
 * returns it. All its fields are private.
 */
GVIR_AVAILABLE_IN_ALL
G_DECLARE_DERIVABLE_TYPE (GVirNetworkDHCPLease, gvir_network_dhcp_lease, GVIR,
                          NETWORK_DHCP_LEASE, GObject)

/**
 * GVirNetworkDHCPLeaseClass:
 * @parent_class: the parent class
 *
 * The class of #GVirNetworkDHCPLease. The type is final: the structure is
 * public only so that code written for libvirt-glib keeps compiling.
 */
struct _GVirNetworkDHCPLeaseClass
{
  GObjectClass parent_class;

  /*< private >*/
  gpointer padding[7];
};

GVIR_AVAILABLE_IN_ALL
const gchar *gvir_network_dhcp_lease_get_iface (GVirNetworkDHCPLease *lease);
GVIR_AVAILABLE_IN_ALL
gint64 gvir_network_dhcp_lease_get_expiry_time (GVirNetworkDHCPLease *lease);
GVIR_AVAILABLE_IN_ALL
gint gvir_network_dhcp_lease_get_ip_type (GVirNetworkDHCPLease *lease);
GVIR_AVAILABLE_IN_ALL
const gchar *gvir_network_dhcp_lease_get_mac (GVirNetworkDHCPLease *lease);
GVIR_AVAILABLE_IN_ALL
const gchar *gvir_network_dhcp_lease_get_iaid (GVirNetworkDHCPLease *lease);
GVIR_AVAILABLE_IN_ALL
const gchar *gvir_network_dhcp_lease_get_ip (GVirNetworkDHCPLease *lease);
GVIR_AVAILABLE_IN_ALL
guint gvir_network_dhcp_lease_get_prefix (GVirNetworkDHCPLease *lease);
GVIR_AVAILABLE_IN_ALL
const gchar *gvir_network_dhcp_lease_get_hostname (GVirNetworkDHCPLease *lease);
GVIR_AVAILABLE_IN_ALL
const gchar *gvir_network_dhcp_lease_get_client_id (GVirNetworkDHCPLease *lease);

G_END_DECLS
