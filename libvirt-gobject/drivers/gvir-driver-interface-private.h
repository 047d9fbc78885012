/*
 * gvir-driver-interface-private.h: the host interface table and its dispatch
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

/* One host network interface, by value: its identity. Like libvirt, an
 * interface is addressed by its name; the MAC address is what it had when
 * listed (several interfaces may share one, e.g. a bond and its slaves). */
typedef struct
{
  char *name;
  char *mac;              /* as the host writes it; may be empty */
} GVirDriverInterface;

GVirDriverInterface *gvir_driver_interface_copy (const GVirDriverInterface *iface);
void gvir_driver_interface_free (GVirDriverInterface *iface);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GVirDriverInterface, gvir_driver_interface_free)

/* ---- the table ------------------------------------------------------------- */

/* Host interfaces, addressed by name. Every callback gets the driver's own
 * handle (what the core table's open() returned). */
struct _GVirDriverInterfaceFuncs
{
  /* Element type GVirDriverInterface, with gvir_driver_interface_free. */
  GPtrArray *(*list_interfaces) (gpointer handle, GCancellable *cancellable, GError **error);
  GVirDriverInterface *(*lookup_interface_by_name) (gpointer handle, const char *name,
                                                    GCancellable *cancellable, GError **error);
  /* The first interface with that MAC address, in any letter case. */
  GVirDriverInterface *(*lookup_interface_by_mac) (gpointer handle, const char *mac,
                                                   GCancellable *cancellable, GError **error);
  /* flags: libvirt's virInterfaceXMLFlags (1 = inactive). */
  char *(*get_interface_xml) (gpointer handle, const char *name, guint flags,
                              GCancellable *cancellable, GError **error);
};

/* ---- dispatch: the only callers of the interface table --------------------- */

GPtrArray *gvir_driver_connection_list_interfaces (GVirDriverConnection *conn,
                                                   GCancellable *cancellable, GError **error);
GVirDriverInterface *gvir_driver_connection_lookup_interface_by_name (GVirDriverConnection *conn,
                                                                      const char *name,
                                                                      GCancellable *cancellable,
                                                                      GError **error);
GVirDriverInterface *gvir_driver_connection_lookup_interface_by_mac (GVirDriverConnection *conn,
                                                                     const char *mac,
                                                                     GCancellable *cancellable,
                                                                     GError **error);
char *gvir_driver_connection_get_interface_xml (GVirDriverConnection *conn, const char *name,
                                                guint flags, GCancellable *cancellable,
                                                GError **error);

G_END_DECLS
