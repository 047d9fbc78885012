/*
 * libvirt-gobject-network-filter.h: a network filter known to a connection
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
 * GVIR_TYPE_NETWORK_FILTER:
 *
 * The #GType of #GVirNetworkFilter.
 */
#define GVIR_TYPE_NETWORK_FILTER (gvir_network_filter_get_type ())

/**
 * GVirNetworkFilter:
 *
 * A network filter of a #GVirConnection (libvirt's nwfilter: rules that
 * guest interfaces reference): one object per filter UUID and connection.
 * All its fields are private.
 */
GVIR_AVAILABLE_IN_ALL
G_DECLARE_DERIVABLE_TYPE (GVirNetworkFilter, gvir_network_filter, GVIR, NETWORK_FILTER, GObject)

/**
 * GVirNetworkFilterClass:
 * @parent_class: the parent class
 *
 * The class of #GVirNetworkFilter. The type is final: the structure is public
 * only so that code written for libvirt-glib keeps compiling.
 */
struct _GVirNetworkFilterClass
{
  GObjectClass parent_class;

  /*< private >*/
  gpointer padding[20];
};

GVIR_AVAILABLE_IN_ALL
const gchar *gvir_network_filter_get_name (GVirNetworkFilter *filter);
GVIR_AVAILABLE_IN_ALL
const gchar *gvir_network_filter_get_uuid (GVirNetworkFilter *filter);
GVIR_AVAILABLE_IN_ALL
GVirConfigNetworkFilter *gvir_network_filter_get_config (GVirNetworkFilter *filter, guint flags,
                                                         GError **err);

G_END_DECLS
