/*
 * libvirt-gobject-domain-interface.h: a network interface of a domain
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

#include <libvirt-gobject/libvirt-gobject-domain-device.h>

G_BEGIN_DECLS

/**
 * GVirDomainInterfaceStats:
 * @rx_bytes: bytes received
 * @rx_packets: packets received
 * @rx_errs: receive errors
 * @rx_drop: received packets dropped
 * @tx_bytes: bytes sent
 * @tx_packets: packets sent
 * @tx_errs: send errors
 * @tx_drop: packets to send dropped
 *
 * Traffic counters of a network interface since its domain started.
 */
typedef struct _GVirDomainInterfaceStats GVirDomainInterfaceStats;
struct _GVirDomainInterfaceStats
{
  gint64 rx_bytes;
  gint64 rx_packets;
  gint64 rx_errs;
  gint64 rx_drop;
  gint64 tx_bytes;
  gint64 tx_packets;
  gint64 tx_errs;
  gint64 tx_drop;
};

/**
 * GVIR_TYPE_DOMAIN_INTERFACE_STATS:
 *
 * The #GType of the boxed #GVirDomainInterfaceStats.
 */
#define GVIR_TYPE_DOMAIN_INTERFACE_STATS (gvir_domain_interface_stats_get_type ())
GVIR_AVAILABLE_IN_ALL
GType gvir_domain_interface_stats_get_type (void);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GVirDomainInterfaceStats, g_free)

/**
 * GVIR_TYPE_DOMAIN_INTERFACE:
 *
 * The #GType of #GVirDomainInterface.
 */
#define GVIR_TYPE_DOMAIN_INTERFACE (gvir_domain_interface_get_type ())

/**
 * GVirDomainInterface:
 *
 * A network interface of a #GVirDomain.
 */
GVIR_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirDomainInterface, gvir_domain_interface, GVIR, DOMAIN_INTERFACE,
                      GVirDomainDevice)

GVIR_AVAILABLE_IN_ALL
GVirDomainInterfaceStats *gvir_domain_interface_get_stats (GVirDomainInterface *self,
                                                           GError **err);

G_END_DECLS
