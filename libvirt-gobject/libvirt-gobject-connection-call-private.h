/*
 * libvirt-gobject-connection-call-private.h: driver calls made for a GVirConnection
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Not installed, not scanned for the GIR.
 */
#pragma once

#include "libvirt-gobject/libvirt-gobject-connection.h"
#include "libvirt-gobject/libvirt-gobject-nodeset.h"

G_BEGIN_DECLS

typedef struct _ConnCall ConnCall;

/* One driver call on behalf of the connection, run in the caller's thread
 * for the blocking API and in a GTask worker for the async one. */
typedef gboolean (*ConnCallFunc) (GVirConnection *self, ConnCall *call,
                                  GCancellable *cancellable, GError **error);

/* The generic part of a call: what runs, its own arguments (a struct
 * defined next to the operation, or NULL) and its result. */
struct _ConnCall
{
  ConnCallFunc func;
  gpointer args;            /* the operation's own arguments, or NULL */
  GDestroyNotify args_free; /* frees @args, or NULL */
  gpointer result;
  GDestroyNotify result_free;
};

/* The call takes @args, freed with @args_free (when not NULL). */
ConnCall *conn_call_new (ConnCallFunc func, gpointer args, GDestroyNotify args_free);
void conn_call_free (ConnCall *call);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConnCall, conn_call_free)

/* Runs @call (which it takes) through the driver layer's async call, so
 * that it counts as a call in flight of the driver connection (a close()
 * meanwhile lets it finish) and honours @cancellable the same way; the
 * task, with @source_tag, completes in the caller's context. Fails at once
 * when the connection is not open. */
void conn_call_start (GVirConnection *self, ConnCall *call, gpointer source_tag,
                      GCancellable *cancellable, GAsyncReadyCallback callback,
                      gpointer user_data);
/* The finished call (owned by the task), or NULL with @error set. */
ConnCall *conn_call_finish (GVirConnection *self, GAsyncResult *result, gpointer source_tag,
                            GError **error);
gboolean conn_call_sync (GVirConnection *self, ConnCall *call, GError **error);
/* Blocking and finishing forms of a call whose result is a pointer. */
gpointer conn_call_sync_pointer (GVirConnection *self, ConnCall *call, GError **error);
gpointer conn_call_finish_pointer (GVirConnection *self, GAsyncResult *result,
                                   gpointer source_tag, GError **error);

G_END_DECLS
