/*
 * libvirt-gobject-interface.h: a host network interface known to a
 * connection
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
 * GVIR_TYPE_INTERFACE:
 *
 * The #GType of #GVirInterface.
 */
#define GVIR_TYPE_INTERFACE (gvir_interface_get_type ())

/**
 * GVirInterface:
 *
 * A network interface of the host of a #GVirConnection: one object per
 * interface name and connection. All its fields are private.
 */
GVIR_AVAILABLE_IN_ALL
G_DECLARE_DERIVABLE_TYPE (GVirInterface, gvir_interface, GVIR, INTERFACE, GObject)

/**
 * GVirInterfaceClass:
 * @parent_class: the parent class
 *
 * The class of #GVirInterface. The type is final: the structure is public
 * only so that code written for libvirt-glib keeps compiling.
 */
struct _GVirInterfaceClass
{
  GObjectClass parent_class;

  /*< private >*/
  gpointer padding[20];
};

GVIR_AVAILABLE_IN_ALL
const gchar *gvir_interface_get_name (GVirInterface *iface);
GVIR_AVAILABLE_IN_ALL
const gchar *gvir_interface_get_mac (GVirInterface *iface);
GVIR_AVAILABLE_IN_ALL
GVirConfigInterface *gvir_interface_get_config (GVirInterface *iface, guint flags, GError **err);

G_END_DECLS
