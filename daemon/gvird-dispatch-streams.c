/*
 * gvird-dispatch-streams.c: the procedures that open a data stream
 * (DOMAIN_SCREENSHOT, DOMAIN_OPEN_CONSOLE)
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Each handler opens the driver's stream and leaves it in the call;
 * the worker registers it with the client and its data follows the reply
 * (gvird-stream.c). A failed call leaves no stream behind.
 */
#include "config.h"

#include "gvird-dispatch-private.h"

/* A new stream of the call's connection, for the driver to attach to. */
static GVirDriverStream *
call_new_stream (GvirdCall  *call,
                 GError    **error)
{
  return gvir_driver_connection_new_stream (call->conn, 0, error);
}

static gboolean
h_screenshot (gpointer data, const GVirRpcDomainScreenshotArgs *args,
              GVirRpcDomainScreenshotRet *ret, GError **error)
{
  GvirdCall *call = data;
  g_autofree char *uuid = gvird_uuid_string (args->dom.uuid);
  g_autoptr (GVirDriverStream) stream = call_new_stream (call, error);

  if (stream == NULL)
    return FALSE;
  ret->mime = gvir_driver_connection_screenshot_domain (call->conn, uuid, stream, args->screen,
                                                        args->flags, NULL, error);
  if (ret->mime == NULL)
    return FALSE;
  call->stream = g_steal_pointer (&stream);
  return TRUE;
}

static gboolean
h_open_console (gpointer data, const GVirRpcDomainOpenConsoleArgs *args, GError **error)
{
  GvirdCall *call = data;
  g_autofree char *uuid = gvird_uuid_string (args->dom.uuid);
  g_autoptr (GVirDriverStream) stream = call_new_stream (call, error);

  if (stream == NULL)
    return FALSE;
  if (!gvir_driver_connection_open_domain_console (call->conn, uuid, args->dev_name, stream,
                                                   args->flags, NULL, error))
    return FALSE;
  call->stream = g_steal_pointer (&stream);
  return TRUE;
}

void
gvird_dispatch_add_streams (GVirRpcServerHandlers *handlers)
{
  handlers->domain_screenshot = h_screenshot;
  handlers->domain_open_console = h_open_console;
}
