/*
 * libvirt-gobject-stream-io-private.h: the GIO input and output streams of
 * a GVirStream
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#pragma once

#include <gio/gio.h>

#include "libvirt-gobject/drivers/gvir-driver-private.h"

G_BEGIN_DECLS

/* The GIO faces of a stream: blocking reads and writes on @handle (which
 * they reference); their async forms are GIO's, in a worker thread. */
#define GVIR_TYPE_INPUT_STREAM (gvir_input_stream_get_type ())
G_DECLARE_FINAL_TYPE (GVirInputStream, gvir_input_stream, GVIR, INPUT_STREAM, GInputStream)
GInputStream *_gvir_input_stream_new (GVirDriverStream *handle);

#define GVIR_TYPE_OUTPUT_STREAM (gvir_output_stream_get_type ())
G_DECLARE_FINAL_TYPE (GVirOutputStream, gvir_output_stream, GVIR, OUTPUT_STREAM, GOutputStream)
GOutputStream *_gvir_output_stream_new (GVirDriverStream *handle);

G_END_DECLS
