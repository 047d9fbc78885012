/*
 * gvir-driver-stream.c: streams, dispatch of the stream table and of the
 * domain calls that use streams
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include "gvir-driver-dispatch-private.h"

/* How long a blocked receive or send sleeps before it looks again whether
 * the connection was closed (a driver notifies changes of its streams, but
 * nothing notifies a stream of its connection's close). */
#define WAIT_SLICE_US (100 * G_TIME_SPAN_MILLISECOND)

struct _GVirDriverStream
{
  gint ref_count;                 /* atomic */
  GVirDriverConnection *conn;
  guint flags;

  GMutex lock;                    /* guards everything below */
  GCond changed;                  /* signalled by notify and by cancellation */
  gpointer backend;               /* the driver's, once attached */
  gboolean attached;
  gboolean done;                  /* finish or abort has run */
  GVirDriverStreamNotify notify;
  gpointer notify_data;
};

static const GVirDriverStreamFuncs *
stream_table (GVirDriverStream *stream)
{
  return gvir_driver_connection_get_driver (stream->conn)->stream;
}

GVirDriverStream *
gvir_driver_connection_new_stream (GVirDriverConnection  *conn,
                                   guint                  flags,
                                   GError               **error)
{
  GVirDriverStream *stream;

  g_return_val_if_fail (conn != NULL, NULL);

  if (gvir_driver_connection_is_closed (conn))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED,
                   "cannot create a stream: the connection is closed");
      return NULL;
    }
  stream = g_new0 (GVirDriverStream, 1);
  stream->ref_count = 1;
  stream->conn = gvir_driver_connection_ref (conn);
  stream->flags = flags;
  g_mutex_init (&stream->lock);
  g_cond_init (&stream->changed);
  return stream;
}

GVirDriverStream *
gvir_driver_stream_ref (GVirDriverStream *stream)
{
  g_return_val_if_fail (stream != NULL, NULL);

  g_atomic_int_inc (&stream->ref_count);
  return stream;
}

void
gvir_driver_stream_unref (GVirDriverStream *stream)
{
  if (stream == NULL || !g_atomic_int_dec_and_test (&stream->ref_count))
    return;

  /* A transfer nobody completed is abandoned, as libvirt does. */
  gvir_driver_stream_abort (stream);
  if (stream->attached && stream_table (stream)->free_backend != NULL)
    stream_table (stream)->free_backend (stream->backend);
  gvir_driver_connection_unref (stream->conn);
  g_cond_clear (&stream->changed);
  g_mutex_clear (&stream->lock);
  g_free (stream);
}

GVirDriverConnection *
gvir_driver_stream_get_connection (GVirDriverStream *stream)
{
  return stream->conn;
}

gboolean
gvir_driver_stream_is_attached (GVirDriverStream *stream)
{
  gboolean attached;

  g_mutex_lock (&stream->lock);
  attached = stream->attached;
  g_mutex_unlock (&stream->lock);
  return attached;
}

void
gvir_driver_stream_attach (GVirDriverStream *stream,
                           gpointer          backend)
{
  g_mutex_lock (&stream->lock);
  g_warn_if_fail (!stream->attached);
  stream->backend = backend;
  stream->attached = TRUE;
  g_mutex_unlock (&stream->lock);
  gvir_driver_stream_notify (stream);
}

void
gvir_driver_stream_notify (GVirDriverStream *stream)
{
  g_mutex_lock (&stream->lock);
  g_cond_broadcast (&stream->changed);
  if (stream->notify != NULL)
    stream->notify (stream->notify_data);
  g_mutex_unlock (&stream->lock);
}

void
gvir_driver_stream_set_notify (GVirDriverStream       *stream,
                               GVirDriverStreamNotify  func,
                               gpointer                user_data)
{
  g_mutex_lock (&stream->lock);
  stream->notify = func;
  stream->notify_data = user_data;
  g_mutex_unlock (&stream->lock);
}

/* ---- dispatch ------------------------------------------------------------------ */

/* Admits a call on an attached stream, as gvir_driver_call_begin() does
 * for connections; each success needs one gvir_driver_call_end(). */
static gboolean
stream_call_begin (GVirDriverStream  *stream,
                   const char        *operation,
                   gboolean           implemented,
                   GError           **error)
{
  gboolean attached = gvir_driver_stream_is_attached (stream);

  if (!attached)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID,
                   "cannot %s: the stream is not connected to anything yet "
                   "(give it to a screenshot, console or volume transfer call first)", operation);
      return FALSE;
    }
  return gvir_driver_call_begin (stream->conn, operation, implemented, FALSE, NULL, error);
}

gssize
gvir_driver_stream_recv (GVirDriverStream  *stream,
                         char              *buf,
                         gsize              size,
                         GError           **error)
{
  const GVirDriverStreamFuncs *table;
  gssize ret;

  g_return_val_if_fail (stream != NULL, -1);

  table = stream_table (stream);
  if (!stream_call_begin (stream, "receive from a stream",
                          table != NULL && table->recv != NULL, error))
    return -1;
  ret = table->recv (gvir_driver_connection_get_handle (stream->conn), stream->backend,
                     buf, size, error);
  gvir_driver_call_end (stream->conn);
  return ret;
}

gssize
gvir_driver_stream_send (GVirDriverStream  *stream,
                         const char        *buf,
                         gsize              size,
                         GError           **error)
{
  const GVirDriverStreamFuncs *table;
  gssize ret;

  g_return_val_if_fail (stream != NULL, -1);

  table = stream_table (stream);
  if (!stream_call_begin (stream, "send to a stream",
                          table != NULL && table->send != NULL, error))
    return -1;
  ret = table->send (gvir_driver_connection_get_handle (stream->conn), stream->backend,
                     buf, size, error);
  gvir_driver_call_end (stream->conn);
  return ret;
}

guint
gvir_driver_stream_poll (GVirDriverStream *stream)
{
  const GVirDriverStreamFuncs *table;
  guint ret;

  g_return_val_if_fail (stream != NULL, 0);

  table = stream_table (stream);
  if (!gvir_driver_stream_is_attached (stream))
    return 0;
  if (gvir_driver_connection_is_closed (stream->conn))
    return GVIR_DRIVER_STREAM_ERROR;
  if (!stream_call_begin (stream, "poll a stream", table != NULL && table->poll != NULL, NULL))
    return GVIR_DRIVER_STREAM_ERROR;
  ret = table->poll (gvir_driver_connection_get_handle (stream->conn), stream->backend);
  gvir_driver_call_end (stream->conn);
  return ret;
}

static void
wake_waiters (GCancellable *cancellable,
              gpointer      data)
{
  GVirDriverStream *stream = data;

  g_mutex_lock (&stream->lock);
  g_cond_broadcast (&stream->changed);
  g_mutex_unlock (&stream->lock);
}

/* Sleeps until the stream may have changed, @cancellable fired or a slice
 * passed; FALSE with @error when the wait must end. */
static gboolean
wait_for_change (GVirDriverStream  *stream,
                 GCancellable      *cancellable,
                 GError           **error)
{
  gulong handler = 0;

  if (cancellable != NULL)
    handler = g_cancellable_connect (cancellable, G_CALLBACK (wake_waiters), stream, NULL);
  g_mutex_lock (&stream->lock);
  if (!g_cancellable_is_cancelled (cancellable))
    g_cond_wait_until (&stream->changed, &stream->lock,
                       g_get_monotonic_time () + WAIT_SLICE_US);
  g_mutex_unlock (&stream->lock);
  g_cancellable_disconnect (cancellable, handler);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (gvir_driver_connection_is_closed (stream->conn))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED,
                   "the stream's connection was closed");
      return FALSE;
    }
  return TRUE;
}

/* Whether a non-blocking call failed only because it would have blocked
 * (then @local is cleared), else moves @local into @error. */
static gboolean
would_block (GError  **local,
             GError  **error)
{
  if (g_error_matches (*local, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
    {
      g_clear_error (local);
      return TRUE;
    }
  g_propagate_error (error, g_steal_pointer (local));
  return FALSE;
}

gssize
gvir_driver_stream_recv_wait (GVirDriverStream  *stream,
                              char              *buf,
                              gsize              size,
                              GCancellable      *cancellable,
                              GError           **error)
{
  g_return_val_if_fail (stream != NULL, -1);

  while (TRUE)
    {
      g_autoptr(GError) local = NULL;
      gssize n;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return -1;
      n = gvir_driver_stream_recv (stream, buf, size, &local);
      if (n >= 0)
        return n;
      if (!would_block (&local, error) || !wait_for_change (stream, cancellable, error))
        return -1;
    }
}

gssize
gvir_driver_stream_send_wait (GVirDriverStream  *stream,
                              const char        *buf,
                              gsize              size,
                              GCancellable      *cancellable,
                              GError           **error)
{
  g_return_val_if_fail (stream != NULL, -1);

  while (TRUE)
    {
      g_autoptr(GError) local = NULL;
      gssize n;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return -1;
      n = gvir_driver_stream_send (stream, buf, size, &local);
      if (n >= 0)
        return n;
      if (!would_block (&local, error) || !wait_for_change (stream, cancellable, error))
        return -1;
    }
}

/* Claims the one finish or abort of an attached stream. */
static gboolean
claim_end (GVirDriverStream *stream)
{
  gboolean claimed;

  g_mutex_lock (&stream->lock);
  claimed = stream->attached && !stream->done;
  stream->done = TRUE;
  g_mutex_unlock (&stream->lock);
  return claimed;
}

gboolean
gvir_driver_stream_finish (GVirDriverStream  *stream,
                           GError           **error)
{
  const GVirDriverStreamFuncs *table;
  gboolean ret;

  g_return_val_if_fail (stream != NULL, FALSE);

  table = stream_table (stream);
  if (!claim_end (stream))
    return TRUE;
  if (!stream_call_begin (stream, "finish a stream",
                          table != NULL && table->finish != NULL, error))
    return FALSE;
  ret = table->finish (gvir_driver_connection_get_handle (stream->conn), stream->backend, error);
  gvir_driver_call_end (stream->conn);
  return ret;
}

void
gvir_driver_stream_abort (GVirDriverStream *stream)
{
  const GVirDriverStreamFuncs *table;

  g_return_if_fail (stream != NULL);

  table = stream_table (stream);
  if (!claim_end (stream) || table == NULL || table->abort == NULL)
    return;
  /* After close, the driver has dropped its streams' peers already. */
  if (!stream_call_begin (stream, "abort a stream", TRUE, NULL))
    return;
  table->abort (gvir_driver_connection_get_handle (stream->conn), stream->backend);
  gvir_driver_call_end (stream->conn);
}

/* ---- domain calls with streams and descriptors -------------------------------- */

/* The domain table of @conn's driver, NULL when it has none. */
#define DOMAIN_TABLE (gvir_driver_connection_get_driver (conn)->domain)

gboolean
gvir_driver_stream_check_new (GVirDriverConnection  *conn,
                              GVirDriverStream      *stream,
                              const char            *operation,
                              GError               **error)
{
  if (!gvir_driver_check_arg (stream != NULL, operation, "no stream given", error) ||
      !gvir_driver_check_arg (stream->conn == conn, operation,
                              "the stream belongs to another connection", error))
    return FALSE;
  if (gvir_driver_stream_is_attached (stream))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID,
                   "cannot %s: the stream is already in use", operation);
      return FALSE;
    }
  return TRUE;
}

char *
gvir_driver_connection_screenshot_domain (GVirDriverConnection  *conn,
                                          const char            *uuid,
                                          GVirDriverStream      *stream,
                                          guint                  screen,
                                          guint                  flags,
                                          GCancellable          *cancellable,
                                          GError               **error)
{
  const char *op = "take a screenshot of domain";

  g_return_val_if_fail (conn != NULL, NULL);

  if (!gvir_driver_check_arg (uuid != NULL, op, "no domain UUID given", error) ||
      !gvir_driver_stream_check_new (conn, stream, op, error))
    return NULL;
  GVIR_DRIVER_DISPATCH ((char *) NULL, DOMAIN_TABLE, screenshot_domain, op, FALSE,
                        uuid, stream, screen, flags, cancellable, error);
}

gboolean
gvir_driver_connection_open_domain_console (GVirDriverConnection  *conn,
                                            const char            *uuid,
                                            const char            *devname,
                                            GVirDriverStream      *stream,
                                            guint                  flags,
                                            GCancellable          *cancellable,
                                            GError               **error)
{
  const char *op = "open the console of domain";

  g_return_val_if_fail (conn != NULL, FALSE);

  if (!gvir_driver_check_arg (uuid != NULL, op, "no domain UUID given", error) ||
      !gvir_driver_stream_check_new (conn, stream, op, error))
    return FALSE;
  GVIR_DRIVER_DISPATCH (FALSE, DOMAIN_TABLE, open_domain_console, op, FALSE,
                        uuid, devname, stream, flags, cancellable, error);
}

gboolean
gvir_driver_connection_open_domain_graphics (GVirDriverConnection  *conn,
                                             const char            *uuid,
                                             guint                  idx,
                                             int                    fd,
                                             guint                  flags,
                                             GCancellable          *cancellable,
                                             GError               **error)
{
  const char *op = "open the graphics of domain";

  g_return_val_if_fail (conn != NULL, FALSE);

  if (!gvir_driver_check_arg (uuid != NULL, op, "no domain UUID given", error) ||
      !gvir_driver_check_arg (fd >= 0, op, "the file descriptor is negative", error))
    return FALSE;
  GVIR_DRIVER_DISPATCH (FALSE, DOMAIN_TABLE, open_domain_graphics, op, FALSE,
                        uuid, idx, fd, flags, cancellable, error);
}

int
gvir_driver_connection_open_domain_graphics_fd (GVirDriverConnection  *conn,
                                                const char            *uuid,
                                                guint                  idx,
                                                guint                  flags,
                                                GCancellable          *cancellable,
                                                GError               **error)
{
  const char *op = "open a graphics socket of domain";

  g_return_val_if_fail (conn != NULL, -1);

  if (!gvir_driver_check_arg (uuid != NULL, op, "no domain UUID given", error))
    return -1;
  GVIR_DRIVER_DISPATCH (-1, DOMAIN_TABLE, open_domain_graphics_fd, op, FALSE,
                        uuid, idx, flags, cancellable, error);
}
