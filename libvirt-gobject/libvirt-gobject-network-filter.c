/*
 * libvirt-gobject-network-filter.c: a network filter known to a connection
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include "libvirt-gobject/libvirt-gobject-network-filter.h"
#include "libvirt-gobject/libvirt-gobject-error.h"
#include "libvirt-gobject/libvirt-gobject-connection-private.h"
#include "libvirt-gobject/libvirt-gobject-network-filter-private.h"

/**
 * SECTION:libvirt-gobject-network-filter
 * @title: GVirNetworkFilter
 * @short_description: A network filter
 *
 * A #GVirNetworkFilter stands for one network filter of a #GVirConnection,
 * as libvirt's nwfilter API sees it: a named set of traffic rules that
 * guest interfaces reference. libvirt-glib declares the class but gives no
 * way to obtain one; ours come from gvir_connection_fetch_network_filters()
 * (our own addition), which keeps exactly one #GVirNetworkFilter per filter
 * UUID. Its definition is read with gvir_network_filter_get_config().
 *
 * Like libvirt's test driver, test:/// connections have no network
 * filters: fetching them fails with %GVIR_ERROR_NOT_SUPPORTED.
 *
 * |[<!-- language="C" -->
 * g_autoptr(GVirNetworkFilter) filter = gvir_connection_get_network_filter (conn, "clean-traffic");
 * g_autoptr(GVirConfigNetworkFilter) conf = NULL;
 *
 * if (filter != NULL && (conf = gvir_network_filter_get_config (filter, 0, &error)) != NULL)
 *   g_print ("%s\n", gvir_config_network_filter_get_chain (conf));
 * ]|
 */

typedef struct
{
  GWeakRef connection;
  GVirDriverNetworkFilter *ref;   /* name and UUID, immutable after construction */
} GVirNetworkFilterPrivate;

G_DEFINE_FINAL_TYPE_WITH_PRIVATE (GVirNetworkFilter, gvir_network_filter, G_TYPE_OBJECT)

static void
gvir_network_filter_dispose (GObject *object)
{
  GVirNetworkFilterPrivate *priv =
    gvir_network_filter_get_instance_private (GVIR_NETWORK_FILTER (object));

  g_weak_ref_set (&priv->connection, NULL);
  G_OBJECT_CLASS (gvir_network_filter_parent_class)->dispose (object);
}

static void
gvir_network_filter_finalize (GObject *object)
{
  GVirNetworkFilterPrivate *priv =
    gvir_network_filter_get_instance_private (GVIR_NETWORK_FILTER (object));

  g_weak_ref_clear (&priv->connection);
  gvir_driver_network_filter_free (priv->ref);
  G_OBJECT_CLASS (gvir_network_filter_parent_class)->finalize (object);
}

static void
gvir_network_filter_class_init (GVirNetworkFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gvir_network_filter_dispose;
  object_class->finalize = gvir_network_filter_finalize;
}

static void
gvir_network_filter_init (GVirNetworkFilter *self)
{
  GVirNetworkFilterPrivate *priv = gvir_network_filter_get_instance_private (self);

  g_weak_ref_init (&priv->connection, NULL);
}

GVirNetworkFilter *
_gvir_network_filter_new (GVirConnection *conn, const GVirDriverNetworkFilter *filter)
{
  GVirNetworkFilter *self = g_object_new (GVIR_TYPE_NETWORK_FILTER, NULL);
  GVirNetworkFilterPrivate *priv = gvir_network_filter_get_instance_private (self);

  g_weak_ref_set (&priv->connection, conn);
  priv->ref = gvir_driver_network_filter_copy (filter);
  return self;
}

static GVirNetworkFilterPrivate *
get_priv (GVirNetworkFilter *filter)
{
  return gvir_network_filter_get_instance_private (filter);
}

/**
 * gvir_network_filter_get_name:
 * @filter: a #GVirNetworkFilter
 *
 * Gets the name of the filter ("clean-traffic", ...). Does not block.
 *
 * Returns: (transfer none): the name, valid as long as @filter
 */
const gchar *
gvir_network_filter_get_name (GVirNetworkFilter *filter)
{
  g_return_val_if_fail (GVIR_IS_NETWORK_FILTER (filter), NULL);

  return get_priv (filter)->ref->name;
}

/**
 * gvir_network_filter_get_uuid:
 * @filter: a #GVirNetworkFilter
 *
 * Gets the UUID of the filter in its canonical lower-case form. Does not
 * block.
 *
 * Returns: (transfer none): the UUID, valid as long as @filter
 */
const gchar *
gvir_network_filter_get_uuid (GVirNetworkFilter *filter)
{
  g_return_val_if_fail (GVIR_IS_NETWORK_FILTER (filter), NULL);

  return get_priv (filter)->ref->uuid;
}

/**
 * gvir_network_filter_get_config:
 * @filter: a #GVirNetworkFilter
 * @flags: unused, pass 0
 * @err: return location for a #GError, or %NULL
 *
 * Reads the filter's definition from the host.
 *
 * Returns: (transfer full): the definition, or %NULL with @err set
 *   (%GVIR_ERROR_NOT_FOUND when the filter no longer exists,
 *   %GVIR_ERROR_CONNECTION_CLOSED when the connection is closed)
 */
GVirConfigNetworkFilter *
gvir_network_filter_get_config (GVirNetworkFilter *filter, guint flags, GError **err)
{
  GVirNetworkFilterPrivate *priv;
  g_autoptr(GVirConnection) conn = NULL;
  g_autoptr(GVirDriverConnection) drv = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autofree char *xml = NULL;
  GVirConfigNetworkFilter *conf;

  g_return_val_if_fail (GVIR_IS_NETWORK_FILTER (filter), NULL);
  g_return_val_if_fail (err == NULL || *err == NULL, NULL);

  priv = get_priv (filter);
  conn = g_weak_ref_get (&priv->connection);
  if (conn == NULL)
    {
      g_set_error (err, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED,
                   "network filter %s: its connection no longer exists", priv->ref->name);
      return NULL;
    }
  drv = _gvir_connection_dup_driver (conn, err);
  if (drv == NULL)
    return NULL;
  xml = gvir_driver_connection_get_network_filter_xml (drv, priv->ref, flags, NULL, err);
  if (xml == NULL)
    return NULL;
  conf = gvir_config_network_filter_new_from_xml (xml, &parse_error);
  if (conf == NULL)
    g_set_error (err, GVIR_ERROR, GVIR_ERROR_XML,
                 "the description of network filter '%s' is not valid XML: %s",
                 priv->ref->name, parse_error->message);
  return conf;
}
