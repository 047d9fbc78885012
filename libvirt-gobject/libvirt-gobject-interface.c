/*
 * libvirt-gobject-interface.c: a host network interface known to a
 * connection
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include "libvirt-gobject/libvirt-gobject-interface.h"
#include "libvirt-gobject/libvirt-gobject-error.h"
#include "libvirt-gobject/libvirt-gobject-connection-private.h"
#include "libvirt-gobject/libvirt-gobject-interface-private.h"

/**
 * SECTION:libvirt-gobject-interface
 * @title: GVirInterface
 * @short_description: A network interface of the host
 *
 * A #GVirInterface stands for one network interface of the host of a
 * #GVirConnection (an ethernet card, a bridge, a bond, a VLAN), listed by
 * gvir_connection_fetch_interfaces(). Like libvirt, the connection knows
 * an interface by its name and keeps exactly one #GVirInterface per name
 * for as long as the interface exists. Its definition is read with
 * gvir_interface_get_config().
 *
 * |[<!-- language="C" -->
 * g_autoptr(GVirInterface) iface = gvir_connection_get_interface (conn, "eth1");
 * g_autoptr(GVirConfigInterface) conf = NULL;
 *
 * if (iface != NULL && (conf = gvir_interface_get_config (iface, 0, &error)) != NULL)
 *   g_print ("%s: MTU %u\n", gvir_interface_get_mac (iface),
 *            gvir_config_interface_get_mtu (conf));
 * ]|
 */

typedef struct
{
  GMutex lock;                /* guards mac and old_macs */
  GWeakRef connection;
  char *name;                 /* immutable after construction */
  /* gvir_interface_get_mac() hands the pointer out (transfer none), so a
   * MAC address that changes is kept in old_macs until the interface is
   * finalised instead of being freed. */
  char *mac;
  GPtrArray *old_macs;        /* (element-type utf8) (nullable) */
} GVirInterfacePrivate;

G_DEFINE_FINAL_TYPE_WITH_PRIVATE (GVirInterface, gvir_interface, G_TYPE_OBJECT)

static void
gvir_interface_dispose (GObject *object)
{
  GVirInterfacePrivate *priv = gvir_interface_get_instance_private (GVIR_INTERFACE (object));

  g_weak_ref_set (&priv->connection, NULL);
  G_OBJECT_CLASS (gvir_interface_parent_class)->dispose (object);
}

static void
gvir_interface_finalize (GObject *object)
{
  GVirInterfacePrivate *priv = gvir_interface_get_instance_private (GVIR_INTERFACE (object));

  g_weak_ref_clear (&priv->connection);
  g_free (priv->name);
  g_free (priv->mac);
  g_clear_pointer (&priv->old_macs, g_ptr_array_unref);
  g_mutex_clear (&priv->lock);
  G_OBJECT_CLASS (gvir_interface_parent_class)->finalize (object);
}

static void
gvir_interface_class_init (GVirInterfaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gvir_interface_dispose;
  object_class->finalize = gvir_interface_finalize;
}

static void
gvir_interface_init (GVirInterface *self)
{
  GVirInterfacePrivate *priv = gvir_interface_get_instance_private (self);

  g_mutex_init (&priv->lock);
  g_weak_ref_init (&priv->connection, NULL);
}

GVirInterface *
_gvir_interface_new (GVirConnection *conn, const GVirDriverInterface *iface)
{
  GVirInterface *self = g_object_new (GVIR_TYPE_INTERFACE, NULL);
  GVirInterfacePrivate *priv = gvir_interface_get_instance_private (self);

  g_weak_ref_set (&priv->connection, conn);
  priv->name = g_strdup (iface->name);
  priv->mac = g_strdup (iface->mac);
  return self;
}

void
_gvir_interface_update (GVirInterface *self, const GVirDriverInterface *iface)
{
  GVirInterfacePrivate *priv = gvir_interface_get_instance_private (self);

  g_mutex_lock (&priv->lock);
  if (g_strcmp0 (priv->mac, iface->mac) != 0)
    {
      if (priv->old_macs == NULL)
        priv->old_macs = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (priv->old_macs, priv->mac);
      priv->mac = g_strdup (iface->mac);
    }
  g_mutex_unlock (&priv->lock);
}

/* The open driver connection of the interface's connection (a new
 * reference), or NULL with GVIR_ERROR_CONNECTION_CLOSED. */
static GVirDriverConnection *
dup_driver (GVirInterface *self, GError **error)
{
  GVirInterfacePrivate *priv = gvir_interface_get_instance_private (self);
  g_autoptr(GVirConnection) conn = g_weak_ref_get (&priv->connection);

  if (conn == NULL)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED,
                   "interface %s: its connection no longer exists", priv->name);
      return NULL;
    }
  return _gvir_connection_dup_driver (conn, error);
}

/**
 * gvir_interface_get_name:
 * @iface: a #GVirInterface
 *
 * Gets the name of the interface ("eth0", "br0", ...). Does not block.
 *
 * Returns: (transfer none): the name, valid as long as @iface
 */
const gchar *
gvir_interface_get_name (GVirInterface *iface)
{
  g_return_val_if_fail (GVIR_IS_INTERFACE (iface), NULL);

  return ((GVirInterfacePrivate *) gvir_interface_get_instance_private (iface))->name;
}

/**
 * gvir_interface_get_mac:
 * @iface: a #GVirInterface
 *
 * Gets the MAC address of the interface, as last listed and as the host
 * writes it (empty for an interface without one). Does not block.
 *
 * Returns: (transfer none): the MAC address, valid as long as @iface
 */
const gchar *
gvir_interface_get_mac (GVirInterface *iface)
{
  GVirInterfacePrivate *priv;
  const char *mac;

  g_return_val_if_fail (GVIR_IS_INTERFACE (iface), NULL);

  priv = gvir_interface_get_instance_private (iface);
  g_mutex_lock (&priv->lock);
  mac = priv->mac;
  g_mutex_unlock (&priv->lock);
  return mac;
}

/**
 * gvir_interface_get_config:
 * @iface: a #GVirInterface
 * @flags: libvirt's interface XML flags (1: the persistent definition
 *   rather than the running one)
 * @err: return location for a #GError, or %NULL
 *
 * Reads the interface's definition from the host.
 *
 * Returns: (transfer full): the definition, or %NULL with @err set
 *   (%GVIR_ERROR_NOT_FOUND when the interface no longer exists,
 *   %GVIR_ERROR_CONNECTION_CLOSED when the connection is closed)
 */
GVirConfigInterface *
gvir_interface_get_config (GVirInterface *iface, guint flags, GError **err)
{
  g_autoptr(GVirDriverConnection) drv = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autofree char *xml = NULL;
  GVirConfigInterface *conf;

  g_return_val_if_fail (GVIR_IS_INTERFACE (iface), NULL);
  g_return_val_if_fail (err == NULL || *err == NULL, NULL);

  drv = dup_driver (iface, err);
  if (drv == NULL)
    return NULL;
  xml = gvir_driver_connection_get_interface_xml (drv, gvir_interface_get_name (iface), flags,
                                                  NULL, err);
  if (xml == NULL)
    return NULL;
  conf = gvir_config_interface_new_from_xml (xml, &parse_error);
  if (conf == NULL)
    g_set_error (err, GVIR_ERROR, GVIR_ERROR_XML,
                 "the definition of interface '%s' is not valid XML: %s",
                 gvir_interface_get_name (iface), parse_error->message);
  return conf;
}
