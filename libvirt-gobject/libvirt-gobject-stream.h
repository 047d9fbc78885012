/*
 * libvirt-gobject-stream.h: a stream of data to or from a domain
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#pragma once

#if !defined(__LIBVIRT_GOBJECT_H__) && !defined(LIBVIRT_GOBJECT_BUILD)
#error "Only <libvirt-gobject/libvirt-gobject.h> can be included directly."
#endif

#include <gio/gio.h>
#include <libvirt-gobject/libvirt-gobject-visibility.h>

G_BEGIN_DECLS

/**
 * GVIR_TYPE_STREAM:
 *
 * The #GType of #GVirStream.
 */
#define GVIR_TYPE_STREAM (gvir_stream_get_type ())

/**
 * GVirStream:
 *
 * A stream of data between the application and a domain or the host
 * (a screenshot, a console), as a #GIOStream. All its fields are private.
 */
GVIR_AVAILABLE_IN_ALL
G_DECLARE_DERIVABLE_TYPE (GVirStream, gvir_stream, GVIR, STREAM, GIOStream)

/**
 * GVirStreamClass:
 * @parent_class: the parent class
 *
 * The class of #GVirStream. Subclasses are made by a #GVirConnection
 * subclass's stream_new virtual method.
 */
struct _GVirStreamClass
{
  GIOStreamClass parent_class;

  /*< private >*/
  gpointer padding[20];
};

/**
 * GVirStreamIOCondition:
 * @GVIR_STREAM_IO_CONDITION_READABLE: data (or the end of the data) can be received
 * @GVIR_STREAM_IO_CONDITION_WRITABLE: data can be sent
 * @GVIR_STREAM_IO_CONDITION_HANGUP: the peer closed the stream
 * @GVIR_STREAM_IO_CONDITION_ERROR: the stream failed
 *
 * What a watch made with gvir_stream_add_watch() waits for. The values
 * are libvirt's virStreamEventType.
 */
typedef enum /*< flags >*/
{
  GVIR_STREAM_IO_CONDITION_READABLE = 1 << 0,
  GVIR_STREAM_IO_CONDITION_WRITABLE = 1 << 1,
  GVIR_STREAM_IO_CONDITION_HANGUP = 1 << 2,
  GVIR_STREAM_IO_CONDITION_ERROR = 1 << 3,
} GVirStreamIOCondition;

/**
 * GVirStreamSinkFunc:
 * @stream: a #GVirStream
 * @buf: (array length=nbytes) (element-type gchar) (transfer none): the data received
 * @nbytes: the number of bytes in @buf
 * @user_data: (closure): the data given to gvir_stream_receive_all()
 *
 * Takes data that gvir_stream_receive_all() received.
 *
 * Returns: the number of bytes consumed (all of them), or -1 to stop
 * with an error
 */
typedef gint (*GVirStreamSinkFunc) (GVirStream *stream, const gchar *buf, gsize nbytes,
                                    gpointer user_data);

/**
 * GVirStreamSourceFunc:
 * @stream: a #GVirStream
 * @buf: (array length=nbytes) (element-type gchar) (out caller-allocates) (transfer none): where to put the data to send
 * @nbytes: the room in @buf
 * @user_data: (closure): the data given to gvir_stream_send_all()
 *
 * Gives gvir_stream_send_all() the next data to send.
 *
 * Returns: the number of bytes put in @buf, 0 at the end of the data, or
 * -1 to stop with an error
 */
typedef gint (*GVirStreamSourceFunc) (GVirStream *stream, gchar *buf, gsize nbytes,
                                      gpointer user_data);

/**
 * GVirStreamIOFunc:
 * @stream: the watched #GVirStream
 * @cond: the conditions that are true now (of those watched)
 * @opaque: (closure): the data given to gvir_stream_add_watch()
 *
 * Called by a watch when one of its conditions is true.
 *
 * Returns: %FALSE to remove the watch, %TRUE to keep it
 */
typedef gboolean (*GVirStreamIOFunc) (GVirStream *stream, GVirStreamIOCondition cond,
                                      gpointer opaque);

GVIR_AVAILABLE_IN_ALL
guint gvir_stream_add_watch (GVirStream *stream, GVirStreamIOCondition cond,
                             GVirStreamIOFunc func, gpointer opaque);
GVIR_AVAILABLE_IN_ALL
guint gvir_stream_add_watch_full (GVirStream *stream, gint priority, GVirStreamIOCondition cond,
                                  GVirStreamIOFunc func, gpointer opaque, GDestroyNotify notify);

GVIR_AVAILABLE_IN_ALL
gssize gvir_stream_receive (GVirStream *stream, gchar *buffer, gsize size,
                            GCancellable *cancellable, GError **error);
GVIR_AVAILABLE_IN_ALL
gssize gvir_stream_receive_all (GVirStream *stream, GCancellable *cancellable,
                                GVirStreamSinkFunc func, gpointer user_data, GError **error);
GVIR_AVAILABLE_IN_ALL
gssize gvir_stream_send (GVirStream *stream, const gchar *buffer, gsize size,
                         GCancellable *cancellable, GError **error);
GVIR_AVAILABLE_IN_ALL
gssize gvir_stream_send_all (GVirStream *stream, GCancellable *cancellable,
                             GVirStreamSourceFunc func, gpointer user_data, GError **error);

G_END_DECLS
