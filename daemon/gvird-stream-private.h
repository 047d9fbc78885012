/*
 * gvird-stream-private.h: a client's data streams (screenshot, console)
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * A call that opens a stream (DOMAIN_SCREENSHOT, DOMAIN_OPEN_CONSOLE)
 * leaves a driver stream behind; after the call's reply, the daemon and
 * the client exchange STREAM packets of the call's proc and serial. The
 * worker that ran the call registers the stream before posting the reply
 * and starts it after; everything else runs in the I/O thread.
 */
#pragma once

#include "gvird-server-private.h"
#include "libvirt-gobject/drivers/gvir-driver-private.h"

G_BEGIN_DECLS

/* GvirdStreams (gvird-server-private.h): the open streams of one client. */

GvirdStreams *gvird_streams_new (GvirdClient *client);
void gvird_streams_free (GvirdStreams *streams);
/* Aborts every stream: the client is gone (I/O thread). Streams
 * registered afterwards are aborted at once. */
void gvird_streams_close_all (GvirdStreams *streams);

/* Takes @stream for the call @header (worker thread, before its reply is
 * posted); FALSE (and @stream aborted) when the client is gone or a
 * stream of that serial is open. */
gboolean gvird_streams_register (GvirdStreams *streams, const GVirRpcHeader *header,
                                 GVirDriverStream *stream, GError **error);
/* The reply to @serial's call is posted: its data may follow. */
void gvird_streams_start (GvirdStreams *streams, guint32 serial);

/* Sends what the driver streams have, while the client's output has
 * room (I/O thread). */
void gvird_streams_pump (GvirdStreams *streams);
/* A STREAM packet of the client (I/O thread): data for the driver,
 * its finish (OK) or abort (ERROR). A serial with no open stream is
 * ignored, as libvirtd does: packets may cross a stream's end. */
void gvird_streams_handle_packet (GvirdStreams *streams, const GVirRpcHeader *header,
                                  const guint8 *data, gsize len);

G_END_DECLS
