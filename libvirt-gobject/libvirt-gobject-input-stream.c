/*
 * libvirt-gobject-input-stream.c: the GInputStream of a GVirStream
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

struct _GVirInputStream
{
  GInputStream parent_instance;

  /* The internal stream, not the GVirStream: the GVirStream owns this
   * object, so a reference back to it would be a cycle. */
  GVirDriverStream *handle;
};

G_DEFINE_FINAL_TYPE (GVirInputStream, gvir_input_stream, G_TYPE_INPUT_STREAM)

static gssize
gvir_input_stream_read (GInputStream  *stream,
                        void          *buffer,
                        gsize          count,
                        GCancellable  *cancellable,
                        GError       **error)
{
  GVirInputStream *self = GVIR_INPUT_STREAM (stream);

  return gvir_driver_stream_recv_wait (self->handle, buffer, count, cancellable, error);
}

static void
gvir_input_stream_finalize (GObject *object)
{
  GVirInputStream *self = GVIR_INPUT_STREAM (object);

  g_clear_pointer (&self->handle, gvir_driver_stream_unref);
  G_OBJECT_CLASS (gvir_input_stream_parent_class)->finalize (object);
}

static void
gvir_input_stream_class_init (GVirInputStreamClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gvir_input_stream_finalize;
  G_INPUT_STREAM_CLASS (klass)->read_fn = gvir_input_stream_read;
}

static void
gvir_input_stream_init (GVirInputStream *self)
{
}

GInputStream *
_gvir_input_stream_new (GVirDriverStream *handle)
{
  GVirInputStream *self = g_object_new (GVIR_TYPE_INPUT_STREAM, NULL);

  self->handle = gvir_driver_stream_ref (handle);
  return G_INPUT_STREAM (self);
}
