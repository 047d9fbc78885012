/*
 * libvirt-gobject-error.c: the libvirt-gobject error domain
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include "libvirt-gobject/libvirt-gobject-error.h"

/**
 * SECTION:libvirt-gobject-error
 * @title: Errors
 * @short_description: The libvirt-gobject error domain
 *
 * Every run-time failure in libvirt-gobject is a #GError in the
 * #GVIR_ERROR domain, with a #GVirError code that bindings can match:
 *
 * |[<!-- language="Python" -->
 * try:
 *     dom.start(0)
 * except GLib.Error as e:
 *     if e.matches(LibvirtGObject.error_quark(), LibvirtGObject.Error.OPERATION_INVALID):
 *         print("already running")
 * ]|
 */

/**
 * gvir_error_quark:
 *
 * The quark of the #GVIR_ERROR domain.
 *
 * Returns: the error domain quark
 */
G_DEFINE_QUARK (gvir-error-quark, gvir_error)
