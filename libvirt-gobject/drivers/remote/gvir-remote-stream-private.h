/*
 * gvir-remote-stream-private.h: the remote driver's streams (screenshot,
 * console) over libvirt's STREAM packets
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
#include "gvir-remote-driver-private.h"

G_BEGIN_DECLS

/* Incoming data a stream holds before the connection stops reading (the
 * server is then held back by TCP); reading below it resumes. */
#define GVIR_REMOTE_STREAM_RECV_MAX (1024 * 1024)

extern const GVirDriverStreamFuncs gvir_remote_stream_funcs;

/* Runs the call @proc (encoded @args; its REPLY's payload in @reply unless
 * NULL) that opens a stream and, on success, attaches the remote stream
 * to @stream. */
gboolean gvir_remote_open_stream (gpointer handle, GVirDriverStream *stream, gint32 proc,
                                  GByteArray *args, GBytes **reply, GCancellable *cancellable,
                                  GError **error);

char *gvir_remote_screenshot_domain (gpointer handle, const char *uuid, GVirDriverStream *stream,
                                     guint screen, guint flags, GCancellable *cancellable,
                                     GError **error);
gboolean gvir_remote_open_domain_console (gpointer handle, const char *uuid, const char *devname,
                                          GVirDriverStream *stream, guint flags,
                                          GCancellable *cancellable, GError **error);

G_END_DECLS
