/*
 * libvirt-gobject-output-stream.c: the GOutputStream of a GVirStream
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include "libvirt-gobject/libvirt-gobject-stream-io-private.h"

struct _GVirOutputStream
{
  GOutputStream parent_instance;

  /* The internal stream, not the GVirStream: the GVirStream owns this
   * object, so a reference back to it would be a cycle. */
  GVirDriverStream *handle;
};

G_DEFINE_FINAL_TYPE (GVirOutputStream, gvir_output_stream, G_TYPE_OUTPUT_STREAM)

static gssize
gvir_output_stream_write (GOutputStream  *stream,
                          const void     *buffer,
                          gsize           count,
                          GCancellable   *cancellable,
                          GError        **error)
{
  GVirOutputStream *self = GVIR_OUTPUT_STREAM (stream);

  return gvir_driver_stream_send_wait (self->handle, buffer, count, cancellable, error);
}

static void
gvir_output_stream_finalize (GObject *object)
{
  GVirOutputStream *self = GVIR_OUTPUT_STREAM (object);

  g_clear_pointer (&self->handle, gvir_driver_stream_unref);
  G_OBJECT_CLASS (gvir_output_stream_parent_class)->finalize (object);
}

static void
gvir_output_stream_class_init (GVirOutputStreamClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gvir_output_stream_finalize;
  G_OUTPUT_STREAM_CLASS (klass)->write_fn = gvir_output_stream_write;
}

static void
gvir_output_stream_init (GVirOutputStream *self)
{
}

GOutputStream *
_gvir_output_stream_new (GVirDriverStream *handle)
{
  GVirOutputStream *self = g_object_new (GVIR_TYPE_OUTPUT_STREAM, NULL);

  self->handle = gvir_driver_stream_ref (handle);
  return G_OUTPUT_STREAM (self);
}
