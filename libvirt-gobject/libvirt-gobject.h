/*
 * libvirt-gobject.h: the libvirt-gobject umbrella header
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#pragma once

#define __LIBVIRT_GOBJECT_H__

#include <glib-object.h>
#include <gio/gio.h>
#include <libvirt-gconfig/libvirt-gconfig.h>

#include <libvirt-gobject/libvirt-gobject-visibility.h>
#include <libvirt-gobject/libvirt-gobject-error.h>
#include <libvirt-gobject/libvirt-gobject-main.h>
#include <libvirt-gobject/libvirt-gobject-node-info.h>
#include <libvirt-gobject/libvirt-gobject-domain-info.h>
#include <libvirt-gobject/libvirt-gobject-domain-snapshot.h>
#include <libvirt-gobject/libvirt-gobject-stream.h>
#include <libvirt-gobject/libvirt-gobject-domain.h>
#include <libvirt-gobject/libvirt-gobject-network.h>
#include <libvirt-gobject/libvirt-gobject-network-dhcp-lease.h>
#include <libvirt-gobject/libvirt-gobject-interface.h>
#include <libvirt-gobject/libvirt-gobject-node-device.h>
#include <libvirt-gobject/libvirt-gobject-handles.h>
#include <libvirt-gobject/libvirt-gobject-secret.h>
#include <libvirt-gobject/libvirt-gobject-network-filter.h>
#include <libvirt-gobject/libvirt-gobject-connection.h>
#include <libvirt-gobject/libvirt-gobject-nodeset.h>
#include <libvirt-gobject/libvirt-gobject-node-cell.h>
#include <libvirt-gobject/libvirt-gobject-storage-vol.h>
#include <libvirt-gobject/libvirt-gobject-storage-pool.h>
#include <libvirt-gobject/libvirt-gobject-manager.h>
#include <libvirt-gobject/libvirt-gobject-domain-device.h>
#include <libvirt-gobject/libvirt-gobject-domain-disk.h>
#include <libvirt-gobject/libvirt-gobject-domain-interface.h>
#include <libvirt-gobject/libvirt-gobject-enums.h>
