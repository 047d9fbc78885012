/*
 * libvirt-gobject-secret-private.h: GVirSecret inside the library
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Not installed, not scanned for the GIR.
 */
#pragma once

#include "libvirt-gobject/libvirt-gobject-connection.h"
#include "libvirt-gobject/libvirt-gobject-secret.h"
#include "libvirt-gobject/drivers/gvir-driver-private.h"

G_BEGIN_DECLS

/* A new secret object for @secret, attached to @conn (weakly). */
GVirSecret *_gvir_secret_new (GVirConnection *conn, const GVirDriverSecret *secret);

G_END_DECLS
