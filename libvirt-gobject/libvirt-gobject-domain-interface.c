/*
 * libvirt-gobject-domain-interface.c: a network interface of a domain
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include "libvirt-gobject/libvirt-gobject-domain-interface.h"
#include "libvirt-gobject/libvirt-gobject-domain-device-private.h"
#include "libvirt-gobject/libvirt-gobject-domain-call-private.h"

/**
 * SECTION:libvirt-gobject-domain-interface
 * @title: GVirDomainInterface
 * @short_description: A network interface of a domain
 *
 * #GVirDomainInterface is the #GVirDomainDevice of an `<interface>`: it
 * reads the interface's traffic counters while the domain runs. The driver
 * finds the interface by its target name (`vnet0`), or by its MAC address
 * when it has none.
 *
 * |[<!-- language="Python" -->
 * stats = iface.get_stats()
 * print(stats.rx_bytes, stats.tx_bytes)
 * ]|
 */

struct _GVirDomainInterface
{
  GVirDomainDevice parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirDomainInterface, gvir_domain_interface, GVIR_TYPE_DOMAIN_DEVICE)

static GVirDomainInterfaceStats *
interface_stats_copy (const GVirDomainInterfaceStats *stats)
{
  return g_memdup2 (stats, sizeof *stats);
}

G_DEFINE_BOXED_TYPE (GVirDomainInterfaceStats, gvir_domain_interface_stats,
                     interface_stats_copy, g_free)

static void
gvir_domain_interface_class_init (GVirDomainInterfaceClass *klass)
{
}

static void
gvir_domain_interface_init (GVirDomainInterface *self)
{
}

static gboolean
op_interface_stats (GVirDomain *dom, GVirDriverConnection *drv, DomainCall *call,
                    GCancellable *cancellable, GError **error)
{
  GVirDriverInterfaceStats raw;
  GVirDomainInterfaceStats *stats;

  if (!gvir_driver_connection_get_interface_stats (drv, domain_uuid (dom), call->args, &raw,
                                                   cancellable, error))
    return FALSE;
  stats = g_new0 (GVirDomainInterfaceStats, 1);
  stats->rx_bytes = raw.rx_bytes;
  stats->rx_packets = raw.rx_packets;
  stats->rx_errs = raw.rx_errs;
  stats->rx_drop = raw.rx_drop;
  stats->tx_bytes = raw.tx_bytes;
  stats->tx_packets = raw.tx_packets;
  stats->tx_errs = raw.tx_errs;
  stats->tx_drop = raw.tx_drop;
  call->result = stats;
  call->result_free = g_free;
  return TRUE;
}

/**
 * gvir_domain_interface_get_stats:
 * @self: the interface
 * @err: return location for a #GError, or %NULL
 *
 * Reads the traffic counters of the interface of a running domain.
 *
 * Returns: (transfer full): the counters, or %NULL with @err set (the
 *   domain is not running, the interface is gone, the driver cannot tell)
 */
GVirDomainInterfaceStats *
gvir_domain_interface_get_stats (GVirDomainInterface  *self,
                                 GError              **err)
{
  g_autoptr(DomainCall) call = NULL;
  GVirConfigDomainInterface *config;
  const char *name;

  g_return_val_if_fail (GVIR_IS_DOMAIN_INTERFACE (self), NULL);
  g_return_val_if_fail (err == NULL || *err == NULL, NULL);

  config = GVIR_CONFIG_DOMAIN_INTERFACE (_gvir_domain_device_peek_config (GVIR_DOMAIN_DEVICE (self)));
  name = gvir_config_domain_interface_get_ifname (config);
  if (name == NULL)
    name = gvir_config_domain_interface_get_mac (config);
  if (name == NULL)
    {
      g_set_error (err, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                   "the interface has neither a target name nor a MAC address to name it by");
      return NULL;
    }
  call = domain_call_new (op_interface_stats, FALSE, g_strdup (name), g_free);
  if (!domain_call_sync (_gvir_domain_device_peek_domain (GVIR_DOMAIN_DEVICE (self)), call, err))
    return NULL;
  return g_steal_pointer (&call->result);
}
