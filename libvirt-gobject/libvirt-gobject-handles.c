/*
 * libvirt-gobject-handles.c: libvirt-glib's handle types, for compatibility
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include "libvirt-gobject/libvirt-gobject-handles.h"

/**
 * SECTION:libvirt-gobject-handles
 * @title: Handle types
 * @short_description: libvirt-glib's boxed handle types, kept for binary compatibility
 *
 * libvirt-glib boxes each libvirt pointer (virConnectPtr, virDomainPtr, ...)
 * in a `GVir…Handle` type and takes it in a construct-only "handle"
 * property. This library does not link libvirt, so there is no libvirt
 * pointer to box and its objects are only ever made by their connection.
 *
 * The eleven types still exist, with libvirt-glib's names and get_type
 * functions under libvirt-glib's version node, so that a program built
 * against libvirt-glib that refers to one (a type check, a property
 * lookup, a binary linked with immediate binding) loads and runs. A value
 * of any of them is an opaque, reference-counted token that no function of
 * this library produces or accepts; g_boxed_copy() takes a reference and
 * g_boxed_free() drops it.
 */

/* All eleven types share one opaque, reference-counted record: no value is
 * made by this library (there is no libvirt pointer to wrap), but a boxed
 * type needs copy and free functions that are safe on any value a caller
 * could hold. */
typedef struct
{
  grefcount ref;
} GVirHandle;

static gpointer
handle_ref (gpointer handle)
{
  g_ref_count_inc (&((GVirHandle *) handle)->ref);
  return handle;
}

static void
handle_unref (gpointer handle)
{
  if (g_ref_count_dec (&((GVirHandle *) handle)->ref))
    g_free (handle);
}

/* G_DEFINE_BOXED_TYPE wants typed copy/free functions of each type. */
#define GVIR_DEFINE_HANDLE(TypeName, type_name) \
  struct _##TypeName { GVirHandle parent; }; \
  static TypeName *type_name##_ref (TypeName *h) { return handle_ref (h); } \
  static void type_name##_unref (TypeName *h) { handle_unref (h); } \
  G_DEFINE_BOXED_TYPE (TypeName, type_name, type_name##_ref, type_name##_unref)

GVIR_DEFINE_HANDLE (GVirConnectionHandle, gvir_connection_handle)
GVIR_DEFINE_HANDLE (GVirDomainHandle, gvir_domain_handle)
GVIR_DEFINE_HANDLE (GVirDomainSnapshotHandle, gvir_domain_snapshot_handle)
GVIR_DEFINE_HANDLE (GVirInterfaceHandle, gvir_interface_handle)
GVIR_DEFINE_HANDLE (GVirNetworkHandle, gvir_network_handle)
GVIR_DEFINE_HANDLE (GVirNetworkFilterHandle, gvir_network_filter_handle)
GVIR_DEFINE_HANDLE (GVirNodeDeviceHandle, gvir_node_device_handle)
GVIR_DEFINE_HANDLE (GVirSecretHandle, gvir_secret_handle)
GVIR_DEFINE_HANDLE (GVirStoragePoolHandle, gvir_storage_pool_handle)
GVIR_DEFINE_HANDLE (GVirStorageVolHandle, gvir_storage_vol_handle)
GVIR_DEFINE_HANDLE (GVirStreamHandle, gvir_stream_handle)
