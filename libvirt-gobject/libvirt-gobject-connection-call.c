/*
 * libvirt-gobject-connection-call.c: driver calls made for a GVirConnection
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include "libvirt-gobject/libvirt-gobject-connection-call-private.h"
#include "libvirt-gobject/libvirt-gobject-connection-private.h"

ConnCall *
conn_call_new (ConnCallFunc func, gpointer args, GDestroyNotify args_free)
{
  ConnCall *call = g_new0 (ConnCall, 1);

  call->func = func;
  call->args = args;
  call->args_free = args_free;
  return call;
}

void
conn_call_free (ConnCall *call)
{
  if (call->args_free != NULL)
    call->args_free (call->args);
  if (call->result != NULL && call->result_free != NULL)
    call->result_free (call->result);
  g_free (call);
}

/* What the driver layer's async call runs: one connection call, with the
 * reference that keeps the connection alive until it is done. */
typedef struct
{
  GVirConnection *self;
  ConnCall *call;             /* owned by the task */
} ConnCallArgs;

static void
conn_call_args_free (gpointer data)
{
  ConnCallArgs *args = data;

  g_object_unref (args->self);
  g_free (args);
}

static gboolean
conn_call_driver_func (GVirDriverConnection *drv, gpointer data, gpointer *result,
                       GCancellable *cancellable, GError **error)
{
  ConnCallArgs *args = data;

  return args->call->func (args->self, args->call, cancellable, error);
}

static void
conn_call_done (GObject *source, GAsyncResult *res, gpointer data)
{
  g_autoptr(GTask) task = data;
  GError *error = NULL;

  if (!gvir_driver_connection_call_finish (res, NULL, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
conn_call_start (GVirConnection *self, ConnCall *call, gpointer source_tag,
                 GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GVirDriverConnection) drv = NULL;
  ConnCallArgs *args;
  GError *error = NULL;

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, call, (GDestroyNotify) conn_call_free);
  if (g_task_return_error_if_cancelled (task))
    return;
  drv = _gvir_connection_dup_driver (self, &error);
  if (drv == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  args = g_new0 (ConnCallArgs, 1);
  args->self = g_object_ref (self);
  args->call = call;
  gvir_driver_connection_call_async (drv, conn_call_driver_func, args, conn_call_args_free,
                                     NULL, cancellable, conn_call_done,
                                     g_steal_pointer (&task));
}

/* The finished call (owned by the task), or NULL with @error set. */
ConnCall *
conn_call_finish (GVirConnection *self, GAsyncResult *result, gpointer source_tag,
                  GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  return g_task_get_task_data (G_TASK (result));
}

gboolean
conn_call_sync (GVirConnection *self, ConnCall *call, GError **error)
{
  return call->func (self, call, NULL, error);
}

/* Blocking form of a call whose result is a pointer. */
gpointer
conn_call_sync_pointer (GVirConnection *self, ConnCall *call, GError **error)
{
  if (!conn_call_sync (self, call, error))
    return NULL;
  return g_steal_pointer (&call->result);
}

gpointer
conn_call_finish_pointer (GVirConnection *self, GAsyncResult *result, gpointer source_tag,
                          GError **error)
{
  ConnCall *call = conn_call_finish (self, result, source_tag, error);

  return call != NULL ? g_steal_pointer (&call->result) : NULL;
}

