/*
 * libvirt-gobject-handles.h: libvirt-glib's handle types, for compatibility
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

#include <glib-object.h>
#include <libvirt-gobject/libvirt-gobject-visibility.h>

G_BEGIN_DECLS

/**
 * GVirConnectionHandle:
 *
 * libvirt-glib's boxed handle of a connection; opaque here (see the section
 * description).
 */
typedef struct _GVirConnectionHandle GVirConnectionHandle;

/**
 * GVIR_TYPE_CONNECTION_HANDLE:
 *
 * The #GType of #GVirConnectionHandle.
 */
#define GVIR_TYPE_CONNECTION_HANDLE (gvir_connection_handle_get_type ())

GVIR_AVAILABLE_IN_ALL
GType gvir_connection_handle_get_type (void);

/**
 * GVirDomainHandle:
 *
 * libvirt-glib's boxed handle of a domain; opaque here (see the section
 * description).
 */
typedef struct _GVirDomainHandle GVirDomainHandle;

/**
 * GVIR_TYPE_DOMAIN_HANDLE:
 *
 * The #GType of #GVirDomainHandle.
 */
#define GVIR_TYPE_DOMAIN_HANDLE (gvir_domain_handle_get_type ())

GVIR_AVAILABLE_IN_ALL
GType gvir_domain_handle_get_type (void);

/**
 * GVirDomainSnapshotHandle:
 *
 * libvirt-glib's boxed handle of a domain snapshot; opaque here (see the section
 * description).
 */
typedef struct _GVirDomainSnapshotHandle GVirDomainSnapshotHandle;

/**
 * GVIR_TYPE_DOMAIN_SNAPSHOT_HANDLE:
 *
 * The #GType of #GVirDomainSnapshotHandle.
 */
#define GVIR_TYPE_DOMAIN_SNAPSHOT_HANDLE (gvir_domain_snapshot_handle_get_type ())

GVIR_AVAILABLE_IN_ALL
GType gvir_domain_snapshot_handle_get_type (void);

/**
 * GVirInterfaceHandle:
 *
 * libvirt-glib's boxed handle of a host interface; opaque here (see the section
 * description).
 */
typedef struct _GVirInterfaceHandle GVirInterfaceHandle;

/**
 * GVIR_TYPE_INTERFACE_HANDLE:
 *
 * The #GType of #GVirInterfaceHandle.
 */
#define GVIR_TYPE_INTERFACE_HANDLE (gvir_interface_handle_get_type ())

GVIR_AVAILABLE_IN_ALL
GType gvir_interface_handle_get_type (void);

/**
 * GVirNetworkHandle:
 *
 * libvirt-glib's boxed handle of a network; opaque here (see the section
 * description).
 */
typedef struct _GVirNetworkHandle GVirNetworkHandle;

/**
 * GVIR_TYPE_NETWORK_HANDLE:
 *
 * The #GType of #GVirNetworkHandle.
 */
#define GVIR_TYPE_NETWORK_HANDLE (gvir_network_handle_get_type ())

GVIR_AVAILABLE_IN_ALL
GType gvir_network_handle_get_type (void);

/**
 * GVirNetworkFilterHandle:
 *
 * libvirt-glib's boxed handle of a network filter; opaque here (see the section
 * description).
 */
typedef struct _GVirNetworkFilterHandle GVirNetworkFilterHandle;

/**
 * GVIR_TYPE_NETWORK_FILTER_HANDLE:
 *
 * The #GType of #GVirNetworkFilterHandle.
 */
#define GVIR_TYPE_NETWORK_FILTER_HANDLE (gvir_network_filter_handle_get_type ())

GVIR_AVAILABLE_IN_ALL
GType gvir_network_filter_handle_get_type (void);

/**
 * GVirNodeDeviceHandle:
 *
 * libvirt-glib's boxed handle of a node device; opaque here (see the section
 * description).
 */
typedef struct _GVirNodeDeviceHandle GVirNodeDeviceHandle;

/**
 * GVIR_TYPE_NODE_DEVICE_HANDLE:
 *
 * The #GType of #GVirNodeDeviceHandle.
 */
#define GVIR_TYPE_NODE_DEVICE_HANDLE (gvir_node_device_handle_get_type ())

GVIR_AVAILABLE_IN_ALL
GType gvir_node_device_handle_get_type (void);

/**
 * GVirSecretHandle:
 *
 * libvirt-glib's boxed handle of a secret; opaque here (see the section
 * description).
 */
typedef struct _GVirSecretHandle GVirSecretHandle;

/**
 * GVIR_TYPE_SECRET_HANDLE:
 *
 * The #GType of #GVirSecretHandle.
 */
#define GVIR_TYPE_SECRET_HANDLE (gvir_secret_handle_get_type ())

GVIR_AVAILABLE_IN_ALL
GType gvir_secret_handle_get_type (void);

/**
 * GVirStoragePoolHandle:
 *
 * libvirt-glib's boxed handle of a storage pool; opaque here (see the section
 * description).
 */
typedef struct _GVirStoragePoolHandle GVirStoragePoolHandle;

/**
 * GVIR_TYPE_STORAGE_POOL_HANDLE:
 *
 * The #GType of #GVirStoragePoolHandle.
 */
#define GVIR_TYPE_STORAGE_POOL_HANDLE (gvir_storage_pool_handle_get_type ())

GVIR_AVAILABLE_IN_ALL
GType gvir_storage_pool_handle_get_type (void);

/**
 * GVirStorageVolHandle:
 *
 * libvirt-glib's boxed handle of a storage volume; opaque here (see the section
 * description).
 */
typedef struct _GVirStorageVolHandle GVirStorageVolHandle;

/**
 * GVIR_TYPE_STORAGE_VOL_HANDLE:
 *
 * The #GType of #GVirStorageVolHandle.
 */
#define GVIR_TYPE_STORAGE_VOL_HANDLE (gvir_storage_vol_handle_get_type ())

GVIR_AVAILABLE_IN_ALL
GType gvir_storage_vol_handle_get_type (void);

/**
 * GVirStreamHandle:
 *
 * libvirt-glib's boxed handle of a stream; opaque here (see the section
 * description).
 */
typedef struct _GVirStreamHandle GVirStreamHandle;

/**
 * GVIR_TYPE_STREAM_HANDLE:
 *
 * The #GType of #GVirStreamHandle.
 */
#define GVIR_TYPE_STREAM_HANDLE (gvir_stream_handle_get_type ())

GVIR_AVAILABLE_IN_ALL
GType gvir_stream_handle_get_type (void);

G_END_DECLS
