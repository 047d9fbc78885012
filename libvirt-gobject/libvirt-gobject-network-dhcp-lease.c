/*
 * libvirt-gobject-network-dhcp-lease.c: a DHCP lease of a virtual network
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include "libvirt-gobject/libvirt-gobject-network-dhcp-lease.h"
#include "libvirt-gobject/libvirt-gobject-network-dhcp-lease-private.h"

/**
 * SECTION:libvirt-gobject-network-dhcp-lease
 * @title: GVirNetworkDHCPLease
 * @short_description: A DHCP lease of a virtual network
 *
 * A #GVirNetworkDHCPLease is an immutable snapshot of one lease, as
 * gvir_network_get_dhcp_leases() read it: the address, the client's MAC
 * address (or, for IPv6, its IAID and client id), its host name and when
 * the lease expires.
 */

typedef struct
{
  GVirDriverDHCPLease *lease;   /* immutable */
} GVirNetworkDHCPLeasePrivate;

G_DEFINE_FINAL_TYPE_WITH_PRIVATE (GVirNetworkDHCPLease, gvir_network_dhcp_lease, G_TYPE_OBJECT)

static void
gvir_network_dhcp_lease_finalize (GObject *object)
{
  GVirNetworkDHCPLease *self = GVIR_NETWORK_DHCP_LEASE (object);
  GVirNetworkDHCPLeasePrivate *priv = gvir_network_dhcp_lease_get_instance_private (self);

  gvir_driver_dhcp_lease_free (priv->lease);
  G_OBJECT_CLASS (gvir_network_dhcp_lease_parent_class)->finalize (object);
}

static void
gvir_network_dhcp_lease_class_init (GVirNetworkDHCPLeaseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gvir_network_dhcp_lease_finalize;
}

static void
gvir_network_dhcp_lease_init (GVirNetworkDHCPLease *self)
{
}

GVirNetworkDHCPLease *
_gvir_network_dhcp_lease_new (const GVirDriverDHCPLease *lease)
{
  GVirNetworkDHCPLease *self = g_object_new (GVIR_TYPE_NETWORK_DHCP_LEASE, NULL);
  GVirNetworkDHCPLeasePrivate *priv = gvir_network_dhcp_lease_get_instance_private (self);

  priv->lease = gvir_driver_dhcp_lease_copy (lease);
  return self;
}

static const GVirDriverDHCPLease *
get_lease (GVirNetworkDHCPLease *self)
{
  return ((GVirNetworkDHCPLeasePrivate *) gvir_network_dhcp_lease_get_instance_private (self))->lease;
}

/**
 * gvir_network_dhcp_lease_get_iface:
 * @lease: a #GVirNetworkDHCPLease
 *
 * Gets the network interface (the network's bridge) the lease was given on.
 *
 * Returns: (transfer none) (nullable): the interface name
 */
const gchar *
gvir_network_dhcp_lease_get_iface (GVirNetworkDHCPLease *lease)
{
  g_return_val_if_fail (GVIR_IS_NETWORK_DHCP_LEASE (lease), NULL);

  return get_lease (lease)->iface;
}

/**
 * gvir_network_dhcp_lease_get_expiry_time:
 * @lease: a #GVirNetworkDHCPLease
 *
 * Gets when the lease expires.
 *
 * Returns: the expiry time in seconds since the epoch
 */
gint64
gvir_network_dhcp_lease_get_expiry_time (GVirNetworkDHCPLease *lease)
{
  g_return_val_if_fail (GVIR_IS_NETWORK_DHCP_LEASE (lease), -1);

  return get_lease (lease)->expiry_time;
}

/**
 * gvir_network_dhcp_lease_get_ip_type:
 * @lease: a #GVirNetworkDHCPLease
 *
 * Gets the kind of address leased.
 *
 * Returns: a #GVirIPAddrType value
 */
gint
gvir_network_dhcp_lease_get_ip_type (GVirNetworkDHCPLease *lease)
{
  g_return_val_if_fail (GVIR_IS_NETWORK_DHCP_LEASE (lease), -1);

  return get_lease (lease)->type;
}

/**
 * gvir_network_dhcp_lease_get_mac:
 * @lease: a #GVirNetworkDHCPLease
 *
 * Gets the client's MAC address (IPv4 leases; IPv6 ones may lack it).
 *
 * Returns: (transfer none) (nullable): the MAC address
 */
const gchar *
gvir_network_dhcp_lease_get_mac (GVirNetworkDHCPLease *lease)
{
  g_return_val_if_fail (GVIR_IS_NETWORK_DHCP_LEASE (lease), NULL);

  return get_lease (lease)->mac;
}

/**
 * gvir_network_dhcp_lease_get_iaid:
 * @lease: a #GVirNetworkDHCPLease
 *
 * Gets the identity association identifier of an IPv6 lease.
 *
 * Returns: (transfer none) (nullable): the IAID, %NULL for IPv4 leases
 */
const gchar *
gvir_network_dhcp_lease_get_iaid (GVirNetworkDHCPLease *lease)
{
  g_return_val_if_fail (GVIR_IS_NETWORK_DHCP_LEASE (lease), NULL);

  return get_lease (lease)->iaid;
}

/**
 * gvir_network_dhcp_lease_get_ip:
 * @lease: a #GVirNetworkDHCPLease
 *
 * Gets the leased address.
 *
 * Returns: (transfer none): the address in text form
 */
const gchar *
gvir_network_dhcp_lease_get_ip (GVirNetworkDHCPLease *lease)
{
  g_return_val_if_fail (GVIR_IS_NETWORK_DHCP_LEASE (lease), NULL);

  return get_lease (lease)->ipaddr;
}

/**
 * gvir_network_dhcp_lease_get_prefix:
 * @lease: a #GVirNetworkDHCPLease
 *
 * Gets the prefix length of the leased address's network.
 *
 * Returns: the prefix length
 */
guint
gvir_network_dhcp_lease_get_prefix (GVirNetworkDHCPLease *lease)
{
  g_return_val_if_fail (GVIR_IS_NETWORK_DHCP_LEASE (lease), 0);

  return get_lease (lease)->prefix;
}

/**
 * gvir_network_dhcp_lease_get_hostname:
 * @lease: a #GVirNetworkDHCPLease
 *
 * Gets the host name the client gave.
 *
 * Returns: (transfer none) (nullable): the host name
 */
const gchar *
gvir_network_dhcp_lease_get_hostname (GVirNetworkDHCPLease *lease)
{
  g_return_val_if_fail (GVIR_IS_NETWORK_DHCP_LEASE (lease), NULL);

  return get_lease (lease)->hostname;
}

/**
 * gvir_network_dhcp_lease_get_client_id:
 * @lease: a #GVirNetworkDHCPLease
 *
 * Gets the client identifier (for IPv6 leases, the DUID).
 *
 * Returns: (transfer none) (nullable): the client id
 */
const gchar *
gvir_network_dhcp_lease_get_client_id (GVirNetworkDHCPLease *lease)
{
  g_return_val_if_fail (GVIR_IS_NETWORK_DHCP_LEASE (lease), NULL);

  return get_lease (lease)->clientid;
}
