/*
 * libvirt-gobject-stream.c: a stream of data to or from a domain
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include "libvirt-gobject/libvirt-gobject-stream.h"
#include "libvirt-gobject/libvirt-gobject-error.h"
#include "libvirt-gobject/libvirt-gobject-connection-private.h"
#include "libvirt-gobject/libvirt-gobject-stream-private.h"
#include "libvirt-gobject/libvirt-gobject-stream-io-private.h"

/**
 * SECTION:libvirt-gobject-stream
 * @title: GVirStream
 * @short_description: data to or from a domain: screenshots, consoles
 *
 * A #GVirStream carries bytes between the application and a domain. Get
 * one from gvir_connection_get_stream(), give it to a call that fills or
 * drains it (gvir_domain_screenshot(), gvir_domain_open_console()), then
 * read it with gvir_stream_receive(), gvir_stream_receive_all() or its
 * #GInputStream, write it with gvir_stream_send() or its #GOutputStream,
 * and watch it from a main loop with gvir_stream_add_watch().
 *
 * |[<!-- language="C" -->
 * g_autoptr(GVirStream) stream = gvir_connection_get_stream (conn, 0);
 * g_autofree gchar *mime = gvir_domain_screenshot (dom, stream, 0, 0, &error);
 * g_autoptr(GFileOutputStream) out = g_file_replace (file, NULL, FALSE, 0, NULL, &error);
 * g_output_stream_splice (G_OUTPUT_STREAM (out),
 *                         g_io_stream_get_input_stream (G_IO_STREAM (stream)),
 *                         G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, &error);
 * ]|
 */

/* The most receive_all() and send_all() move at once: libvirt's chunk. */
#define TRANSFER_CHUNK 262120

typedef struct
{
  GVirDriverStream *handle;
  GInputStream *input;        /* made on first request */
  GOutputStream *output;      /* made on first request */

  GMutex watch_lock;          /* guards watches */
  GSList *watches;            /* the StreamSources alive (not referenced) */
} GVirStreamPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (GVirStream, gvir_stream, G_TYPE_IO_STREAM)

enum
{
  PROP_0,
  PROP_HANDLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- watches --------------------------------------------------------------------- */

typedef struct
{
  GSource source;
  GVirStream *stream;
  GVirStreamIOCondition cond;
} StreamSource;

/* What a watch on @cond reports now: its own conditions, and failures
 * always, as GLib's watches do. */
static GVirStreamIOCondition
stream_source_ready (StreamSource *source)
{
  GVirStreamPrivate *priv = gvir_stream_get_instance_private (source->stream);
  guint now = gvir_driver_stream_poll (priv->handle);

  return now & (source->cond | GVIR_STREAM_IO_CONDITION_HANGUP | GVIR_STREAM_IO_CONDITION_ERROR);
}

static gboolean
stream_source_prepare (GSource *source,
                       gint    *timeout)
{
  *timeout = -1;
  return stream_source_ready ((StreamSource *) source) != 0;
}

static gboolean
stream_source_check (GSource *source)
{
  return stream_source_ready ((StreamSource *) source) != 0;
}

static gboolean
stream_source_dispatch (GSource     *source,
                        GSourceFunc  callback,
                        gpointer     user_data)
{
  StreamSource *self = (StreamSource *) source;
  GVirStreamIOFunc func = (GVirStreamIOFunc) (void (*) (void)) callback;
  GVirStreamIOCondition ready = stream_source_ready (self);

  /* Woken by a change: sleep again until the next one. */
  g_source_set_ready_time (source, -1);
  if (func == NULL || ready == 0)
    return G_SOURCE_CONTINUE;
  return func (self->stream, ready, user_data);
}

static void
stream_source_finalize (GSource *source)
{
  StreamSource *self = (StreamSource *) source;
  GVirStreamPrivate *priv = gvir_stream_get_instance_private (self->stream);

  g_mutex_lock (&priv->watch_lock);
  priv->watches = g_slist_remove (priv->watches, source);
  g_mutex_unlock (&priv->watch_lock);
  g_clear_object (&self->stream);
}

static GSourceFuncs stream_source_funcs = {
  .prepare = stream_source_prepare,
  .check = stream_source_check,
  .dispatch = stream_source_dispatch,
  .finalize = stream_source_finalize,
};

/* The driver says the stream changed (from any thread): wake every
 * watch, which then looks whether its conditions hold. */
static void
stream_changed (gpointer data)
{
  GVirStreamPrivate *priv = gvir_stream_get_instance_private (GVIR_STREAM (data));

  g_mutex_lock (&priv->watch_lock);
  for (GSList *l = priv->watches; l != NULL; l = l->next)
    g_source_set_ready_time (l->data, 0);
  g_mutex_unlock (&priv->watch_lock);
}

/* ---- the object ------------------------------------------------------------------ */

static GInputStream *
gvir_stream_get_input_stream (GIOStream *stream)
{
  GVirStreamPrivate *priv = gvir_stream_get_instance_private (GVIR_STREAM (stream));

  if (priv->input == NULL)
    priv->input = _gvir_input_stream_new (priv->handle);
  return priv->input;
}

static GOutputStream *
gvir_stream_get_output_stream (GIOStream *stream)
{
  GVirStreamPrivate *priv = gvir_stream_get_instance_private (GVIR_STREAM (stream));

  if (priv->output == NULL)
    priv->output = _gvir_output_stream_new (priv->handle);
  return priv->output;
}

/* Closing completes the transfer (after GIO closed both halves). */
static gboolean
gvir_stream_close (GIOStream     *stream,
                   GCancellable  *cancellable,
                   GError       **error)
{
  GVirStreamPrivate *priv = gvir_stream_get_instance_private (GVIR_STREAM (stream));

  if (!G_IO_STREAM_CLASS (gvir_stream_parent_class)->close_fn (stream, cancellable, error))
    return FALSE;
  return gvir_driver_stream_finish (priv->handle, error);
}

static void
gvir_stream_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  GVirStreamPrivate *priv = gvir_stream_get_instance_private (GVIR_STREAM (object));

  switch (prop_id)
    {
    case PROP_HANDLE:
      if (g_value_get_pointer (value) != NULL)
        priv->handle = gvir_driver_stream_ref (g_value_get_pointer (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gvir_stream_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  GVirStreamPrivate *priv = gvir_stream_get_instance_private (GVIR_STREAM (object));

  switch (prop_id)
    {
    case PROP_HANDLE:
      g_value_set_pointer (value, priv->handle);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gvir_stream_constructed (GObject *object)
{
  GVirStream *self = GVIR_STREAM (object);
  GVirStreamPrivate *priv = gvir_stream_get_instance_private (self);

  G_OBJECT_CLASS (gvir_stream_parent_class)->constructed (object);
  /* Only gvir_connection_get_stream() makes usable streams. */
  g_return_if_fail (priv->handle != NULL);
  gvir_driver_stream_set_notify (priv->handle, stream_changed, self);
}

static void
gvir_stream_finalize (GObject *object)
{
  GVirStreamPrivate *priv = gvir_stream_get_instance_private (GVIR_STREAM (object));

  /* Watches hold the stream, so none is left; after this no notification
   * can reach the freed object. */
  if (priv->handle != NULL)
    gvir_driver_stream_set_notify (priv->handle, NULL, NULL);
  /* Dropped here, not in dispose: GIOStream's dispose closes the stream,
   * which asks for both halves (creating any never asked for). */
  g_clear_object (&priv->input);
  g_clear_object (&priv->output);
  g_clear_pointer (&priv->handle, gvir_driver_stream_unref);
  g_mutex_clear (&priv->watch_lock);
  G_OBJECT_CLASS (gvir_stream_parent_class)->finalize (object);
}

static void
gvir_stream_class_init (GVirStreamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GIOStreamClass *stream_class = G_IO_STREAM_CLASS (klass);

  object_class->set_property = gvir_stream_set_property;
  object_class->get_property = gvir_stream_get_property;
  object_class->constructed = gvir_stream_constructed;
  object_class->finalize = gvir_stream_finalize;
  stream_class->get_input_stream = gvir_stream_get_input_stream;
  stream_class->get_output_stream = gvir_stream_get_output_stream;
  stream_class->close_fn = gvir_stream_close;

  /**
   * GVirStream:handle:
   *
   * The internal stream: an opaque pointer that a #GVirConnection
   * subclass's stream_new method receives and passes on here. A stream
   * made without it is unusable.
   */
  properties[PROP_HANDLE] =
    g_param_spec_pointer ("handle", "Handle", "The internal stream",
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gvir_stream_init (GVirStream *self)
{
  GVirStreamPrivate *priv = gvir_stream_get_instance_private (self);

  g_mutex_init (&priv->watch_lock);
}

GVirDriverStream *
_gvir_stream_get_driver_stream (GVirStream *self)
{
  GVirStreamPrivate *priv = gvir_stream_get_instance_private (self);

  return priv->handle;
}

GVirDriverStream *
_gvir_stream_get_usable_driver_stream (GVirStream  *self,
                                       GError     **error)
{
  GVirDriverStream *handle = _gvir_stream_get_driver_stream (self);

  if (handle == NULL)
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                 "the stream was not made by gvir_connection_get_stream()");
  return handle;
}

/**
 * gvir_connection_get_stream:
 * @conn: an open #GVirConnection
 * @flags: libvirt's virStreamFlags (1: non-blocking); ours never block the
 *   driver, so both kinds behave alike
 *
 * Makes a new stream on @conn, through the class's stream_new method, to
 * give to gvir_domain_screenshot(), gvir_domain_open_console(),
 * gvir_storage_vol_upload() or gvir_storage_vol_download().
 *
 * Returns: (transfer full) (nullable): a new #GVirStream, or %NULL when
 * @conn is not open
 */
GVirStream *
gvir_connection_get_stream (GVirConnection *conn,
                            guint           flags)
{
  g_autoptr(GVirDriverConnection) drv = NULL;
  g_autoptr(GVirDriverStream) handle = NULL;
  g_autoptr(GError) error = NULL;
  GVirConnectionClass *klass;

  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);

  klass = GVIR_CONNECTION_GET_CLASS (conn);
  g_return_val_if_fail (klass->stream_new != NULL, NULL);
  drv = _gvir_connection_dup_driver (conn, &error);
  if (drv != NULL)
    handle = gvir_driver_connection_new_stream (drv, flags, &error);
  if (handle == NULL)
    {
      g_debug ("no stream: %s", error->message);
      return NULL;
    }
  return klass->stream_new (conn, handle);
}

/* ---- receive and send ------------------------------------------------------------ */

static gboolean
check_usable (GVirStream  *self,
              GError     **error)
{
  return _gvir_stream_get_usable_driver_stream (self, error) != NULL;
}

/**
 * gvir_stream_receive:
 * @stream: a #GVirStream
 * @buffer: (array length=size) (element-type guint8) (out caller-allocates): where to put the data
 * @size: the room in @buffer
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @error: return location for a #GError, or %NULL
 *
 * Receives up to @size bytes, waiting until some data or the end of the
 * data is there (or @cancellable fires, or the connection closes).
 *
 * Returns: the number of bytes received, 0 at the end of the data, or -1
 * with @error set
 */
gssize
gvir_stream_receive (GVirStream    *stream,
                     gchar         *buffer,
                     gsize          size,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_return_val_if_fail (GVIR_IS_STREAM (stream), -1);
  g_return_val_if_fail (buffer != NULL || size == 0, -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  if (!check_usable (stream, error))
    return -1;
  return gvir_driver_stream_recv_wait (_gvir_stream_get_driver_stream (stream), buffer, size,
                                       cancellable, error);
}

/**
 * gvir_stream_receive_all:
 * @stream: a #GVirStream
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @func: (scope call) (closure user_data): takes each piece of data received
 * @user_data: data for @func
 * @error: return location for a #GError, or %NULL
 *
 * Receives everything until the end of the data, handing it to @func
 * piece by piece.
 *
 * Returns: the number of bytes received, or -1 with @error set (also when
 * @func fails)
 */
gssize
gvir_stream_receive_all (GVirStream          *stream,
                         GCancellable        *cancellable,
                         GVirStreamSinkFunc   func,
                         gpointer             user_data,
                         GError             **error)
{
  g_autofree gchar *buffer = NULL;
  GVirDriverStream *handle;
  gssize total = 0;

  g_return_val_if_fail (GVIR_IS_STREAM (stream), -1);
  g_return_val_if_fail (func != NULL, -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  if (!check_usable (stream, error))
    return -1;
  handle = _gvir_stream_get_driver_stream (stream);
  buffer = g_malloc (TRANSFER_CHUNK);
  while (TRUE)
    {
      gssize n = gvir_driver_stream_recv_wait (handle, buffer, TRANSFER_CHUNK, cancellable, error);

      if (n <= 0)
        return n < 0 ? -1 : total;
      if (func (stream, buffer, n, user_data) < 0)
        {
          g_set_error (error, GVIR_ERROR, GVIR_ERROR_FAILED,
                       "the function taking the stream's data failed after %" G_GSSIZE_FORMAT
                       " bytes", total);
          gvir_driver_stream_abort (handle);
          return -1;
        }
      total += n;
    }
}

/**
 * gvir_stream_send:
 * @stream: a #GVirStream
 * @buffer: (array length=size) (element-type guint8): the data to send
 * @size: the number of bytes in @buffer
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @error: return location for a #GError, or %NULL
 *
 * Sends up to @size bytes, waiting until the stream has room (or
 * @cancellable fires, or the connection closes).
 *
 * Returns: the number of bytes sent, or -1 with @error set
 */
gssize
gvir_stream_send (GVirStream    *stream,
                  const gchar   *buffer,
                  gsize          size,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_return_val_if_fail (GVIR_IS_STREAM (stream), -1);
  g_return_val_if_fail (buffer != NULL || size == 0, -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  if (!check_usable (stream, error))
    return -1;
  return gvir_driver_stream_send_wait (_gvir_stream_get_driver_stream (stream), buffer, size,
                                       cancellable, error);
}

/* Sends all @size bytes of @buffer. */
static gboolean
send_fully (GVirDriverStream  *handle,
            const gchar       *buffer,
            gsize              size,
            GCancellable      *cancellable,
            GError           **error)
{
  while (size > 0)
    {
      gssize n = gvir_driver_stream_send_wait (handle, buffer, size, cancellable, error);

      if (n < 0)
        return FALSE;
      buffer += n;
      size -= n;
    }
  return TRUE;
}

/**
 * gvir_stream_send_all:
 * @stream: a #GVirStream
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @func: (scope call) (closure user_data): gives each piece of data to send
 * @user_data: data for @func
 * @error: return location for a #GError, or %NULL
 *
 * Sends what @func gives until it reports the end of its data.
 *
 * Returns: the number of bytes sent, or -1 with @error set (also when
 * @func fails)
 */
gssize
gvir_stream_send_all (GVirStream            *stream,
                      GCancellable          *cancellable,
                      GVirStreamSourceFunc   func,
                      gpointer               user_data,
                      GError               **error)
{
  g_autofree gchar *buffer = NULL;
  GVirDriverStream *handle;
  gssize total = 0;

  g_return_val_if_fail (GVIR_IS_STREAM (stream), -1);
  g_return_val_if_fail (func != NULL, -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  if (!check_usable (stream, error))
    return -1;
  handle = _gvir_stream_get_driver_stream (stream);
  buffer = g_malloc (TRANSFER_CHUNK);
  while (TRUE)
    {
      gint n = func (stream, buffer, TRANSFER_CHUNK, user_data);

      if (n == 0)
        return total;
      if (n < 0 || n > TRANSFER_CHUNK)
        {
          g_set_error (error, GVIR_ERROR, GVIR_ERROR_FAILED,
                       "the function giving the stream's data failed after %" G_GSSIZE_FORMAT
                       " bytes", total);
          gvir_driver_stream_abort (handle);
          return -1;
        }
      if (!send_fully (handle, buffer, n, cancellable, error))
        return -1;
      total += n;
    }
}

/* ---- watches --------------------------------------------------------------------- */

/**
 * gvir_stream_add_watch:
 * @stream: a #GVirStream
 * @cond: the conditions to watch for (bitfield of #GVirStreamIOCondition)
 * @func: (closure opaque) (scope forever): called when one of them is true
 * @opaque: data for @func
 *
 * As gvir_stream_add_watch_full() with the default priority and no
 * destroy notification (bindings should prefer gvir_stream_add_watch_full(),
 * which frees @func's closure when the watch goes).
 *
 * Returns: the watch's source id, for g_source_remove()
 */
guint
gvir_stream_add_watch (GVirStream            *stream,
                       GVirStreamIOCondition  cond,
                       GVirStreamIOFunc       func,
                       gpointer               opaque)
{
  return gvir_stream_add_watch_full (stream, G_PRIORITY_DEFAULT, cond, func, opaque, NULL);
}

/**
 * gvir_stream_add_watch_full:
 * @stream: a #GVirStream
 * @priority: the priority of the watch's source
 * @cond: the conditions to watch for (bitfield of #GVirStreamIOCondition)
 * @func: (closure opaque) (destroy notify) (scope notified): called when one of them is true
 * @opaque: data for @func
 * @notify: (nullable): frees @opaque when the watch is removed
 *
 * Calls @func in the thread-default main context of the caller whenever
 * one of @cond (or %GVIR_STREAM_IO_CONDITION_HANGUP or
 * %GVIR_STREAM_IO_CONDITION_ERROR) is true, until @func returns %FALSE or
 * the watch is removed. The watch holds a reference to @stream.
 *
 * Returns: the watch's source id, for g_source_remove()
 */
guint
gvir_stream_add_watch_full (GVirStream            *stream,
                            gint                   priority,
                            GVirStreamIOCondition  cond,
                            GVirStreamIOFunc       func,
                            gpointer               opaque,
                            GDestroyNotify         notify)
{
  GVirStreamPrivate *priv;
  g_autoptr(GMainContext) context = NULL;
  g_autoptr(GSource) source = NULL;
  StreamSource *watch;

  g_return_val_if_fail (GVIR_IS_STREAM (stream), 0);
  g_return_val_if_fail (func != NULL, 0);

  priv = gvir_stream_get_instance_private (stream);
  g_return_val_if_fail (priv->handle != NULL, 0);
  source = g_source_new (&stream_source_funcs, sizeof (StreamSource));
  watch = (StreamSource *) source;
  watch->stream = g_object_ref (stream);
  watch->cond = cond;
  g_source_set_priority (source, priority);
  g_source_set_name (source, "GVirStream watch");
  g_source_set_callback (source, (GSourceFunc) (void (*) (void)) func, opaque, notify);
  g_mutex_lock (&priv->watch_lock);
  priv->watches = g_slist_prepend (priv->watches, source);
  g_mutex_unlock (&priv->watch_lock);
  context = g_main_context_ref_thread_default ();
  return g_source_attach (source, context);
}
