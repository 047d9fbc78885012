/*
 * libvirt-gobject-network.h: a virtual network known to a connection
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

#include <gio/gio.h>
#include <libvirt-gconfig/libvirt-gconfig.h>
#include <libvirt-gobject/libvirt-gobject-visibility.h>

G_BEGIN_DECLS

/**
 * GVIR_TYPE_NETWORK:
 *
 * The #GType of #GVirNetwork.
 */
#define GVIR_TYPE_NETWORK (gvir_network_get_type ())

/**
 * GVirNetwork:
 *
 * A virtual network of a #GVirConnection: one object per network and
 * connection. All its fields are private.
 */
GVIR_AVAILABLE_IN_ALL
G_DECLARE_DERIVABLE_TYPE (GVirNetwork, gvir_network, GVIR, NETWORK, GObject)

/**
 * GVirNetworkClass:
 * @parent_class: the parent class
 * @started: unused, kept from libvirt-glib's class structure
 * @stopped: unused, kept from libvirt-glib's class structure
 *
 * The class of #GVirNetwork. The type is final: the structure is public
 * only so that code written for libvirt-glib keeps compiling.
 */
struct _GVirNetworkClass
{
  GObjectClass parent_class;

  void (*started) (GVirNetwork *net);
  void (*stopped) (GVirNetwork *net);

  /*< private >*/
  gpointer padding[20];
};

GVIR_AVAILABLE_IN_ALL
const gchar *gvir_network_get_name (GVirNetwork *network);
GVIR_AVAILABLE_IN_ALL
const gchar *gvir_network_get_uuid (GVirNetwork *network);
GVIR_AVAILABLE_IN_ALL
GVirConfigNetwork *gvir_network_get_config (GVirNetwork *network, guint flags, GError **err);
GVIR_AVAILABLE_IN_ALL
GList *gvir_network_get_dhcp_leases (GVirNetwork *network, const char *mac, guint flags,
                                     GError **err);

G_END_DECLS
