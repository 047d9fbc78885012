/*
 * gvir-driver-stream-private.h: data streams, their table and dispatch
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Nothing in this header is installed or scanned for the GIR. Include
 * gvir-driver-private.h, the umbrella of the layer's private API.
 */
#pragma once

#include "gvir-driver-core-private.h"

G_BEGIN_DECLS

/* A stream of bytes between the caller and a driver (a screenshot, a
 * console, a volume's contents). It is created unattached on a connection;
 * a call that produces or consumes data (screenshot, console) attaches the
 * driver's own state, its backend, to it. Thread-safe, refcounted. */
typedef struct _GVirDriverStream GVirDriverStream;

/* What a stream is ready for; the values are GVirStreamIOCondition's. */
typedef enum
{
  GVIR_DRIVER_STREAM_READABLE = 1 << 0,
  GVIR_DRIVER_STREAM_WRITABLE = 1 << 1,
  GVIR_DRIVER_STREAM_HANGUP = 1 << 2,
  GVIR_DRIVER_STREAM_ERROR = 1 << 3,
} GVirDriverStreamCondition;

/* Told that the conditions of a stream may have changed; called from any
 * thread with the stream's lock held: it must not block or call back into
 * the stream. */
typedef void (*GVirDriverStreamNotify) (gpointer user_data);

/* ---- the table ------------------------------------------------------------- */

/* Every slot gets the driver's handle and the backend the driver attached.
 * None blocks: the dispatch layer emulates blocking calls by waiting for
 * gvir_driver_stream_notify(). */
struct _GVirDriverStreamFuncs
{
  /* Up to @size bytes: the number read, 0 at the end of the data, or -1
   * with @error (G_IO_ERROR_WOULD_BLOCK when nothing is waiting yet). */
  gssize (*recv) (gpointer handle, gpointer backend, char *buf, gsize size, GError **error);
  /* The number of bytes of @buf taken, or -1 with @error (WOULD_BLOCK as
   * for recv). */
  gssize (*send) (gpointer handle, gpointer backend, const char *buf, gsize size, GError **error);
  /* The GVirDriverStreamCondition bits true now. */
  guint (*poll) (gpointer handle, gpointer backend);
  /* The caller has sent or read everything: complete the transfer. */
  gboolean (*finish) (gpointer handle, gpointer backend, GError **error);
  /* The caller gives up: drop whatever is still in flight. */
  void (*abort) (gpointer handle, gpointer backend);
  /* Frees the backend; called once, when the stream is freed. */
  void (*free_backend) (gpointer backend);
};

/* ---- streams ----------------------------------------------------------------- */

/* A new unattached stream on @conn (which it references); @flags are
 * libvirt's virStreamFlags (non-blocking or not: ours never block in the
 * driver). Fails only on a closed connection. */
GVirDriverStream *gvir_driver_connection_new_stream (GVirDriverConnection *conn, guint flags,
                                                     GError **error);
GVirDriverStream *gvir_driver_stream_ref (GVirDriverStream *stream);
void gvir_driver_stream_unref (GVirDriverStream *stream);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GVirDriverStream, gvir_driver_stream_unref)

GVirDriverConnection *gvir_driver_stream_get_connection (GVirDriverStream *stream);
gboolean gvir_driver_stream_is_attached (GVirDriverStream *stream);

/* For drivers, from the slot that was given @stream: hands it @backend,
 * which the stream table's free_backend() frees with the stream. */
void gvir_driver_stream_attach (GVirDriverStream *stream, gpointer backend);
/* For drivers: the conditions of the stream may have changed. */
void gvir_driver_stream_notify (GVirDriverStream *stream);

/* For the public layer: one callback told of every change (NULL: none). */
void gvir_driver_stream_set_notify (GVirDriverStream *stream, GVirDriverStreamNotify func,
                                    gpointer user_data);

/* ---- dispatch: the only callers of the stream table ------------------------- */

/* Non-blocking: as the table's slots; an unattached stream is
 * GVIR_ERROR_OPERATION_INVALID, a closed connection CONNECTION_CLOSED. */
gssize gvir_driver_stream_recv (GVirDriverStream *stream, char *buf, gsize size, GError **error);
gssize gvir_driver_stream_send (GVirDriverStream *stream, const char *buf, gsize size,
                                GError **error);
/* The conditions true now: 0 for an unattached stream, ERROR once the
 * connection is closed. */
guint gvir_driver_stream_poll (GVirDriverStream *stream);

/* Blocking: wait (until @cancellable fires or the connection closes) for
 * data, the end of the data, or room. */
gssize gvir_driver_stream_recv_wait (GVirDriverStream *stream, char *buf, gsize size,
                                     GCancellable *cancellable, GError **error);
gssize gvir_driver_stream_send_wait (GVirDriverStream *stream, const char *buf, gsize size,
                                     GCancellable *cancellable, GError **error);

/* Complete or abandon the transfer; both are no-ops on an unattached
 * stream and after either has run once. */
gboolean gvir_driver_stream_finish (GVirDriverStream *stream, GError **error);
void gvir_driver_stream_abort (GVirDriverStream *stream);

/* For the dispatch of calls that attach a stream (domain and storage
 * tables): @stream must be new (unattached) and of @conn, else an
 * INVALID_ARGUMENT or OPERATION_INVALID error naming @operation. */
gboolean gvir_driver_stream_check_new (GVirDriverConnection *conn, GVirDriverStream *stream,
                                       const char *operation, GError **error);

/* ---- the domain calls that use streams or descriptors ---------------------- */

/* Dispatch of the domain table's display slots (gvir-driver-domain-private.h):
 * @stream must be an unattached stream of @conn. */
char *gvir_driver_connection_screenshot_domain (GVirDriverConnection *conn, const char *uuid,
                                                GVirDriverStream *stream, guint screen,
                                                guint flags, GCancellable *cancellable,
                                                GError **error);
gboolean gvir_driver_connection_open_domain_console (GVirDriverConnection *conn, const char *uuid,
                                                     const char *devname, GVirDriverStream *stream,
                                                     guint flags, GCancellable *cancellable,
                                                     GError **error);
gboolean gvir_driver_connection_open_domain_graphics (GVirDriverConnection *conn, const char *uuid,
                                                      guint idx, int fd, guint flags,
                                                      GCancellable *cancellable, GError **error);
int gvir_driver_connection_open_domain_graphics_fd (GVirDriverConnection *conn, const char *uuid,
                                                    guint idx, guint flags,
                                                    GCancellable *cancellable, GError **error);

G_END_DECLS
