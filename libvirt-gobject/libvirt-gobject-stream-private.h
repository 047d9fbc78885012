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

/* The default GVirConnectionClass.stream_new: a plain GVirStream. */
GVirStream *_gvir_connection_default_stream_new (GVirConnection *conn, gpointer handle);

/* The internal stream behind @self (borrowed). */
GVirDriverStream *_gvir_stream_get_driver_stream (GVirStream *self);

/* The GIO faces of a stream: blocking reads and writes on @handle (which
 * they reference); their async forms are GIO's, in a worker thread. */
#define GVIR_TYPE_INPUT_STREAM (gvir_input_stream_get_type ())
G_DECLARE_FINAL_TYPE (GVirInputStream, gvir_input_stream, GVIR, INPUT_STREAM, GInputStream)
GInputStream *_gvir_input_stream_new (GVirDriverStream *handle);

#define GVIR_TYPE_OUTPUT_STREAM (gvir_output_stream_get_type ())
G_DECLARE_FINAL_TYPE (GVirOutputStream, gvir_output_stream, GVIR, OUTPUT_STREAM, GOutputStream)
GOutputStream *_gvir_output_stream_new (GVirDriverStream *handle);

G_END_DECLS
