/*
 * libvirt-gobject-domain-display.c: GVirDomain's screen, consoles and
 * graphics
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include "libvirt-gobject/libvirt-gobject-domain.h"
#include "libvirt-gobject/libvirt-gobject-error.h"
#include "libvirt-gobject/libvirt-gobject-domain-call-private.h"
#include "libvirt-gobject/libvirt-gobject-stream-private.h"

/* The arguments of the calls: whichever fields the call uses. */
typedef struct
{
  GVirStream *stream;
  char *devname;
  guint index;        /* monitor or graphics device */
  int fd;
  guint flags;
} DisplayArgs;

static void
display_args_free (gpointer data)
{
  DisplayArgs *args = data;

  g_clear_object (&args->stream);
  g_free (args->devname);
  g_free (args);
}

static DomainCall *
display_call_new (DomainCallFunc func, GVirStream *stream, const char *devname, guint index,
                  int fd, guint flags)
{
  DisplayArgs *args = g_new0 (DisplayArgs, 1);

  args->stream = stream != NULL ? g_object_ref (stream) : NULL;
  args->devname = g_strdup (devname);
  args->index = index;
  args->fd = fd;
  args->flags = flags;
  return domain_call_new (func, FALSE, args, display_args_free);
}

/* The internal stream of a stream the caller gave, checked. */
static GVirDriverStream *
args_driver_stream (DisplayArgs *args, GError **error)
{
  return _gvir_stream_get_usable_driver_stream (args->stream, error);
}

/* ---- the operations ------------------------------------------------------- */

static gboolean
op_screenshot (GVirDomain *self, GVirDriverConnection *drv, DomainCall *call,
               GCancellable *cancellable, GError **error)
{
  DisplayArgs *args = call->args;
  GVirDriverStream *handle = args_driver_stream (args, error);

  if (handle == NULL)
    return FALSE;
  call->result = gvir_driver_connection_screenshot_domain (drv, domain_uuid (self), handle,
                                                           args->index, args->flags,
                                                           cancellable, error);
  call->result_free = g_free;
  return call->result != NULL;
}

static gboolean
op_open_console (GVirDomain *self, GVirDriverConnection *drv, DomainCall *call,
                 GCancellable *cancellable, GError **error)
{
  DisplayArgs *args = call->args;
  GVirDriverStream *handle = args_driver_stream (args, error);

  if (handle == NULL)
    return FALSE;
  return gvir_driver_connection_open_domain_console (drv, domain_uuid (self), args->devname,
                                                     handle, args->flags, cancellable, error);
}

static gboolean
op_open_graphics (GVirDomain *self, GVirDriverConnection *drv, DomainCall *call,
                  GCancellable *cancellable, GError **error)
{
  DisplayArgs *args = call->args;

  return gvir_driver_connection_open_domain_graphics (drv, domain_uuid (self), args->index,
                                                      args->fd, args->flags, cancellable, error);
}

static gboolean
op_open_graphics_fd (GVirDomain *self, GVirDriverConnection *drv, DomainCall *call,
                     GCancellable *cancellable, GError **error)
{
  DisplayArgs *args = call->args;

  args->fd = gvir_driver_connection_open_domain_graphics_fd (drv, domain_uuid (self),
                                                             args->index, args->flags,
                                                             cancellable, error);
  return args->fd >= 0;
}

/* ---- the API ------------------------------------------------------------------ */

/**
 * gvir_domain_screenshot:
 * @dom: a running #GVirDomain
 * @stream: a new stream from gvir_connection_get_stream() on the domain's
 *   connection, which receives the image
 * @monitor_id: the monitor to capture, 0 for the first
 * @flags: none are defined yet: 0
 * @err: return location for a #GError, or %NULL
 *
 * Takes a screenshot of the domain's display. Read the image from @stream
 * (gvir_stream_receive_all(), or its #GInputStream) until its end.
 *
 * Returns: (transfer full): the MIME type of the image, for example
 * "image/png", or %NULL with @err set
 */
gchar *
gvir_domain_screenshot (GVirDomain  *dom,
                        GVirStream  *stream,
                        guint        monitor_id,
                        guint        flags,
                        GError     **err)
{
  g_autoptr(DomainCall) call = NULL;

  g_return_val_if_fail (GVIR_IS_DOMAIN (dom), NULL);
  g_return_val_if_fail (GVIR_IS_STREAM (stream), NULL);
  g_return_val_if_fail (err == NULL || *err == NULL, NULL);

  call = display_call_new (op_screenshot, stream, NULL, monitor_id, -1, flags);
  if (!domain_call_sync (dom, call, err))
    return NULL;
  call->result_free = NULL;
  return g_steal_pointer (&call->result);
}

/**
 * gvir_domain_open_console:
 * @dom: a running #GVirDomain
 * @stream: a new stream from gvir_connection_get_stream() on the domain's
 *   connection, which carries the console's input and output
 * @devname: (nullable): the alias of the console, serial or parallel
 *   device; %NULL for the first console
 * @flags: libvirt's virDomainConsoleFlags
 * @err: return location for a #GError, or %NULL
 *
 * Connects a text console of the domain to @stream.
 *
 * Returns: %TRUE on success, %FALSE with @err set (the test driver, like
 * libvirt's, has no consoles: %GVIR_ERROR_NOT_SUPPORTED)
 */
gboolean
gvir_domain_open_console (GVirDomain   *dom,
                          GVirStream   *stream,
                          const gchar  *devname,
                          guint         flags,
                          GError      **err)
{
  g_autoptr(DomainCall) call = NULL;

  g_return_val_if_fail (GVIR_IS_DOMAIN (dom), FALSE);
  g_return_val_if_fail (GVIR_IS_STREAM (stream), FALSE);
  g_return_val_if_fail (err == NULL || *err == NULL, FALSE);

  call = display_call_new (op_open_console, stream, devname, 0, -1, flags);
  return domain_call_sync (dom, call, err);
}

/**
 * gvir_domain_open_graphics:
 * @dom: a running #GVirDomain
 * @idx: the index of the graphics device in the domain's configuration
 * @fd: a connected socket of the caller's, which stays the caller's
 * @flags: libvirt's virDomainOpenGraphicsFlags
 * @err: return location for a #GError, or %NULL
 *
 * Connects the domain's graphics device (VNC, SPICE) @idx to @fd, so
 * that a client can talk to it there without a network connection.
 *
 * Returns: %TRUE on success, %FALSE with @err set (the test driver, like
 * libvirt's, has no graphics: %GVIR_ERROR_NOT_SUPPORTED)
 */
gboolean
gvir_domain_open_graphics (GVirDomain    *dom,
                           guint          idx,
                           int            fd,
                           unsigned int   flags,
                           GError       **err)
{
  g_autoptr(DomainCall) call = NULL;

  g_return_val_if_fail (GVIR_IS_DOMAIN (dom), FALSE);
  g_return_val_if_fail (err == NULL || *err == NULL, FALSE);

  call = display_call_new (op_open_graphics, NULL, NULL, idx, fd, flags);
  return domain_call_sync (dom, call, err);
}

/**
 * gvir_domain_open_graphics_fd:
 * @dom: a running #GVirDomain
 * @idx: the index of the graphics device in the domain's configuration
 * @flags: libvirt's virDomainOpenGraphicsFlags
 * @err: return location for a #GError, or %NULL
 *
 * Opens a new socket connected to the domain's graphics device @idx.
 *
 * Returns: the socket, which the caller closes, or -1 with @err set (the
 * test driver, like libvirt's, has no graphics: %GVIR_ERROR_NOT_SUPPORTED)
 */
int
gvir_domain_open_graphics_fd (GVirDomain    *dom,
                              guint          idx,
                              unsigned int   flags,
                              GError       **err)
{
  g_autoptr(DomainCall) call = NULL;

  g_return_val_if_fail (GVIR_IS_DOMAIN (dom), -1);
  g_return_val_if_fail (err == NULL || *err == NULL, -1);

  call = display_call_new (op_open_graphics_fd, NULL, NULL, idx, -1, flags);
  if (!domain_call_sync (dom, call, err))
    return -1;
  return ((DisplayArgs *) call->args)->fd;
}
