/*
 * gvir-driver-network-filter-private.h: the network filter table and its
 * dispatch
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

/* One network filter, by value: like libvirt, a filter is known by its
 * name and its UUID, and both never change. */
typedef struct
{
  char *name;
  char *uuid;             /* canonical lower-case 36-character form */
} GVirDriverNetworkFilter;

GVirDriverNetworkFilter *gvir_driver_network_filter_copy (const GVirDriverNetworkFilter *filter);
void gvir_driver_network_filter_free (GVirDriverNetworkFilter *filter);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GVirDriverNetworkFilter, gvir_driver_network_filter_free)

/* ---- the table ------------------------------------------------------------- */

/* Network filters (libvirt's nwfilter API). Every callback gets the
 * driver's own handle (what the core table's open() returned). */
struct _GVirDriverNetworkFilterFuncs
{
  /* Element type GVirDriverNetworkFilter, with gvir_driver_network_filter_free. */
  GPtrArray *(*list_network_filters) (gpointer handle, GCancellable *cancellable,
                                      GError **error);
  /* The filter is given whole (name and UUID): libvirt's wire reference
   * carries both, so a remote driver needs no lookup first.
   * flags: unused by libvirt, pass 0. */
  char *(*get_network_filter_xml) (gpointer handle, const GVirDriverNetworkFilter *filter,
                                   guint flags, GCancellable *cancellable, GError **error);
};

/* ---- dispatch: the only callers of the network filter table ---------------- */

GPtrArray *gvir_driver_connection_list_network_filters (GVirDriverConnection *conn,
                                                        GCancellable *cancellable,
                                                        GError **error);
char *gvir_driver_connection_get_network_filter_xml (GVirDriverConnection *conn,
                                                     const GVirDriverNetworkFilter *filter,
                                                     guint flags, GCancellable *cancellable,
                                                     GError **error);

G_END_DECLS
