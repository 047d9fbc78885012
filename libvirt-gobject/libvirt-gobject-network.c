/*
 * libvirt-gobject-network.c: a virtual network known to a connection
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include "libvirt-gobject/libvirt-gobject-network.h"
#include "libvirt-gobject/libvirt-gobject-error.h"
#include "libvirt-gobject/libvirt-gobject-connection-private.h"
#include "libvirt-gobject/libvirt-gobject-network-private.h"
#include "libvirt-gobject/libvirt-gobject-network-dhcp-lease-private.h"

/**
 * SECTION:libvirt-gobject-network
 * @title: GVirNetwork
 * @short_description: A virtual network
 *
 * A #GVirNetwork stands for one virtual network of a #GVirConnection,
 * listed by gvir_connection_fetch_networks(). The connection keeps exactly
 * one #GVirNetwork per network UUID for as long as the network exists.
 * Its definition is read with gvir_network_get_config() and the addresses
 * its DHCP server handed out with gvir_network_get_dhcp_leases().
 *
 * |[<!-- language="C" -->
 * g_autoptr(GVirNetwork) net = gvir_connection_find_network_by_name (conn, "default");
 * g_autoptr(GVirConfigNetwork) conf = NULL;
 *
 * if (net != NULL && (conf = gvir_network_get_config (net, 0, &error)) != NULL)
 *   g_print ("bridge %s\n", gvir_config_network_get_bridge_name (conf));
 * ]|
 */

typedef struct
{
  GMutex lock;                /* guards name and old_names */
  GWeakRef connection;
  char *uuid;                 /* immutable after construction */
  /* gvir_network_get_name() hands the pointer out (transfer none), so a
   * name that changes is kept in old_names until the network is
   * finalised instead of being freed. */
  char *name;
  GPtrArray *old_names;       /* (element-type utf8) (nullable) */
} GVirNetworkPrivate;

G_DEFINE_FINAL_TYPE_WITH_PRIVATE (GVirNetwork, gvir_network, G_TYPE_OBJECT)

static void
gvir_network_dispose (GObject *object)
{
  GVirNetworkPrivate *priv = gvir_network_get_instance_private (GVIR_NETWORK (object));

  g_weak_ref_set (&priv->connection, NULL);
  G_OBJECT_CLASS (gvir_network_parent_class)->dispose (object);
}

static void
gvir_network_finalize (GObject *object)
{
  GVirNetworkPrivate *priv = gvir_network_get_instance_private (GVIR_NETWORK (object));

  g_weak_ref_clear (&priv->connection);
  g_free (priv->uuid);
  g_free (priv->name);
  g_clear_pointer (&priv->old_names, g_ptr_array_unref);
  g_mutex_clear (&priv->lock);
  G_OBJECT_CLASS (gvir_network_parent_class)->finalize (object);
}

static void
gvir_network_class_init (GVirNetworkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gvir_network_dispose;
  object_class->finalize = gvir_network_finalize;
}

static void
gvir_network_init (GVirNetwork *self)
{
  GVirNetworkPrivate *priv = gvir_network_get_instance_private (self);

  g_mutex_init (&priv->lock);
  g_weak_ref_init (&priv->connection, NULL);
}

GVirNetwork *
_gvir_network_new (GVirConnection *conn, const GVirDriverNetwork *network)
{
  GVirNetwork *self = g_object_new (GVIR_TYPE_NETWORK, NULL);
  GVirNetworkPrivate *priv = gvir_network_get_instance_private (self);

  g_weak_ref_set (&priv->connection, conn);
  priv->uuid = g_strdup (network->uuid);
  priv->name = g_strdup (network->name);
  return self;
}

void
_gvir_network_update (GVirNetwork *self, const GVirDriverNetwork *network)
{
  GVirNetworkPrivate *priv = gvir_network_get_instance_private (self);

  g_mutex_lock (&priv->lock);
  if (g_strcmp0 (priv->name, network->name) != 0)
    {
      if (priv->old_names == NULL)
        priv->old_names = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (priv->old_names, priv->name);
      priv->name = g_strdup (network->name);
    }
  g_mutex_unlock (&priv->lock);
}

/* The open driver connection of the network's connection (a new
 * reference), or NULL with GVIR_ERROR_CONNECTION_CLOSED. */
static GVirDriverConnection *
dup_driver (GVirNetwork *self, GError **error)
{
  GVirNetworkPrivate *priv = gvir_network_get_instance_private (self);
  g_autoptr(GVirConnection) conn = g_weak_ref_get (&priv->connection);

  if (conn == NULL)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED,
                   "network %s: its connection no longer exists", priv->uuid);
      return NULL;
    }
  return _gvir_connection_dup_driver (conn, error);
}

/**
 * gvir_network_get_name:
 * @network: a #GVirNetwork
 *
 * Gets the name of the network, as last listed. Does not block.
 *
 * Returns: (transfer none): the name, valid as long as @network
 */
const gchar *
gvir_network_get_name (GVirNetwork *network)
{
  GVirNetworkPrivate *priv;
  const char *name;

  g_return_val_if_fail (GVIR_IS_NETWORK (network), NULL);

  priv = gvir_network_get_instance_private (network);
  g_mutex_lock (&priv->lock);
  name = priv->name;
  g_mutex_unlock (&priv->lock);
  return name;
}

/**
 * gvir_network_get_uuid:
 * @network: a #GVirNetwork
 *
 * Gets the UUID of the network in its canonical lower-case form. Does not
 * block.
 *
 * Returns: (transfer none): the UUID
 */
const gchar *
gvir_network_get_uuid (GVirNetwork *network)
{
  g_return_val_if_fail (GVIR_IS_NETWORK (network), NULL);

  return ((GVirNetworkPrivate *) gvir_network_get_instance_private (network))->uuid;
}

/**
 * gvir_network_get_config:
 * @network: a #GVirNetwork
 * @flags: libvirt's network XML flags (1: the persistent definition
 *   rather than the running one)
 * @err: return location for a #GError, or %NULL
 *
 * Reads the network's definition from the hypervisor.
 *
 * Returns: (transfer full): the definition, or %NULL with @err set
 *   (%GVIR_ERROR_NOT_FOUND when the network no longer exists,
 *   %GVIR_ERROR_CONNECTION_CLOSED when the connection is closed)
 */
GVirConfigNetwork *
gvir_network_get_config (GVirNetwork *network, guint flags, GError **err)
{
  g_autoptr(GVirDriverConnection) drv = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autofree char *xml = NULL;
  GVirConfigNetwork *conf;

  g_return_val_if_fail (GVIR_IS_NETWORK (network), NULL);
  g_return_val_if_fail (err == NULL || *err == NULL, NULL);

  drv = dup_driver (network, err);
  if (drv == NULL)
    return NULL;
  xml = gvir_driver_connection_get_network_xml (drv, gvir_network_get_uuid (network), flags,
                                                NULL, err);
  if (xml == NULL)
    return NULL;
  conf = gvir_config_network_new_from_xml (xml, &parse_error);
  if (conf == NULL)
    g_set_error (err, GVIR_ERROR, GVIR_ERROR_XML,
                 "the definition of network '%s' is not valid XML: %s",
                 gvir_network_get_name (network), parse_error->message);
  return conf;
}

/**
 * gvir_network_get_dhcp_leases:
 * @network: a #GVirNetwork
 * @mac: (nullable): only the leases of this MAC address, or %NULL for all
 * @flags: unused, pass 0
 * @err: return location for a #GError, or %NULL
 *
 * Reads the leases that the network's DHCP server handed out. Drivers
 * without leases (libvirt's test driver, and ours) fail with
 * %GVIR_ERROR_NOT_SUPPORTED.
 *
 * Returns: (transfer full) (element-type GVirNetworkDHCPLease): the
 *   leases (%NULL when there are none), or %NULL with @err set
 */
GList *
gvir_network_get_dhcp_leases (GVirNetwork *network, const char *mac, guint flags, GError **err)
{
  g_autoptr(GVirDriverConnection) drv = NULL;
  g_autoptr(GPtrArray) leases = NULL;
  GList *list = NULL;
  guint i;

  g_return_val_if_fail (GVIR_IS_NETWORK (network), NULL);
  g_return_val_if_fail (err == NULL || *err == NULL, NULL);

  drv = dup_driver (network, err);
  if (drv == NULL)
    return NULL;
  leases = gvir_driver_connection_get_dhcp_leases (drv, gvir_network_get_uuid (network), mac,
                                                   flags, NULL, err);
  if (leases == NULL)
    return NULL;
  for (i = leases->len; i > 0; i--)
    list = g_list_prepend (list, _gvir_network_dhcp_lease_new (leases->pdata[i - 1]));
  return list;
}
