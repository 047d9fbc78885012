/*
 * libvirt-gobject-stream-private.h: GVirStream's internal API and its
 * GIO input and output streams
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#pragma once

#include "libvirt-gobject/libvirt-gobject-connection.h"
#include "libvirt-gobject/libvirt-gobject-stream.h"
#include "libvirt-gobject/drivers/gvir-driver-private.h"

G_BEGIN_DECLS

/* The internal stream behind @self (borrowed). */
GVirDriverStream *_gvir_stream_get_driver_stream (GVirStream *self);
/* The same, or NULL with an INVALID_ARGUMENT @error when @self was not
 * made by gvir_connection_get_stream() (a subclass's bare instance). */
GVirDriverStream *_gvir_stream_get_usable_driver_stream (GVirStream *self, GError **error);

G_END_DECLS
