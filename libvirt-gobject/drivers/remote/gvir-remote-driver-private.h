/*
 * gvir-remote-driver-private.h: the remote driver (libvirt's RPC protocol)
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#pragma once

#include "../gvir-driver-private.h"
#include "libvirt-gobject/rpc/gvir-rpc-client-private.h"

G_BEGIN_DECLS

/* Serves every URI with a transport or a host:
 *   drv+unix:///path[?socket=PATH]        (default sockets as libvirt's)
 *   drv+tcp://host[:port]/path            (port 16509)
 *   drv+tls://host[:port]/path, drv://host/path  (port 16514, pkipath=,
 *                                          no_verify=1)
 * and speaks libvirt's RPC protocol to libvirtd or our daemon. */
extern const GVirDriver gvir_remote_driver;

/* The name sent in CONNECT_OPEN for @uri: the URI without transport,
 * user, host, port and the parameters only the client uses. */
char *gvir_remote_uri_open_name (const GVirDriverUri *uri);

/* For the area files (gvir-remote-AREA.c): the RPC client of a handle. */
GVirRpcClient *gvir_remote_handle_get_client (gpointer handle);

extern const GVirDriverNetworkFuncs gvir_remote_network_funcs;
extern const GVirDriverInterfaceFuncs gvir_remote_interface_funcs;
extern const GVirDriverNodeDeviceFuncs gvir_remote_node_device_funcs;
extern const GVirDriverSecretFuncs gvir_remote_secret_funcs;
extern const GVirDriverNetworkFilterFuncs gvir_remote_network_filter_funcs;

G_END_DECLS
