/*
 * gvir-driver-async-private.h: asynchronous driver calls, made one way
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

/* Synchronous work on a connection, to be run off the caller's thread: one
 * or more gvir_driver_connection_*() dispatch calls. Returns TRUE and sets
 * *@result (owned by the caller, may stay NULL), or FALSE with @error set. */
typedef gboolean (*GVirDriverCall) (GVirDriverConnection *conn, gpointer args,
                                    gpointer *result, GCancellable *cancellable,
                                    GError **error);

/* Runs @func in a GTask worker thread and completes in the caller's
 * thread-default main context, always after this returns. The work counts
 * as a call in flight from now until @func has returned, so a close() in
 * between lets it run to the end (the dispatch calls inside it are not
 * refused as closed) and the driver's close() waits for it; on a connection
 * already closed, the dispatch calls inside @func fail as usual. A
 * @cancellable cancelled before the worker starts keeps @func from running;
 * cancelled later, it is passed to the driver, and the call completes with
 * G_IO_ERROR_CANCELLED whatever @func returned (its result freed with
 * @free_result). @args is freed with @free_args after @func has run. */
void gvir_driver_connection_call_async (GVirDriverConnection *conn,
                                        GVirDriverCall func,
                                        gpointer args,
                                        GDestroyNotify free_args,
                                        GDestroyNotify free_result,
                                        GCancellable *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer user_data);
/* TRUE with *@result (transfer full; NULL when @result is NULL and the
 * result then freed) as @func set it, or FALSE with @error. */
gboolean gvir_driver_connection_call_finish (GAsyncResult *res,
                                             gpointer *result,
                                             GError **error);

G_END_DECLS
