/*
 * gvir-driver-async.c: the one way asynchronous driver calls are made
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Two forms, both counting the call in flight so that closing the
 * connection never frees the driver under it:
 *  - gvir_driver_connection_call_async(): any synchronous dispatch work in
 *    a GTask worker thread, completed in the caller's main context;
 *  - pending calls: a driver's non-blocking slot (or its blocking slot in a
 *    worker when it has none), answered through a typed callback from any
 *    thread, with no thread waiting meanwhile.
 */
#include "config.h"

#include "gvir-driver-dispatch-private.h"

/* ---- any dispatch work in a worker ------------------------------------------- */

typedef struct
{
  GVirDriverConnection *conn;   /* a reference */
  gboolean admitted;            /* counted in flight until func has run */
  GVirDriverCall func;
  gpointer args;
  GDestroyNotify free_args;
  GDestroyNotify free_result;
} CallData;

static void
call_data_free_args (CallData *call)
{
  if (call->free_args != NULL)
    call->free_args (g_steal_pointer (&call->args));
  call->free_args = NULL;
}

static void
call_data_free (CallData *call)
{
  call_data_free_args (call);
  gvir_driver_connection_unref (call->conn);
  g_free (call);
}

static void
call_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  CallData *call = task_data;
  g_autoptr(GError) error = NULL;
  gpointer result = NULL;
  gboolean ok = FALSE;

  if (!g_cancellable_set_error_if_cancelled (cancellable, &error))
    {
      if (call->admitted)
        gvir_driver_call_set_admitted (call->conn);
      ok = call->func (call->conn, call->args, &result, cancellable, &error);
      gvir_driver_call_set_admitted (NULL);
    }
  /* Freed here, not with the task, so that they are gone by the time the
   * caller hears of the outcome. */
  call_data_free_args (call);
  /* Ended before the task completes, so that the driver's close(), when
   * this was the last call holding it back, has run by then. */
  if (call->admitted)
    gvir_driver_call_end (call->conn);
  call->admitted = FALSE;

  if (ok)
    g_task_return_pointer (task, result, call->free_result);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

void
gvir_driver_connection_call_async (GVirDriverConnection *conn,
                                   GVirDriverCall        func,
                                   gpointer              args,
                                   GDestroyNotify        free_args,
                                   GDestroyNotify        free_result,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  CallData *call;

  g_return_if_fail (conn != NULL);
  g_return_if_fail (func != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  call = g_new0 (CallData, 1);
  call->conn = gvir_driver_connection_ref (conn);
  call->admitted = gvir_driver_call_admit (conn);
  call->func = func;
  call->args = args;
  call->free_args = free_args;
  call->free_result = free_result;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, gvir_driver_connection_call_async);
  g_task_set_task_data (task, call, (GDestroyNotify) call_data_free);
  g_task_run_in_thread (task, call_thread);
}

gboolean
gvir_driver_connection_call_finish (GAsyncResult  *res,
                                    gpointer      *result,
                                    GError       **error)
{
  GTask *task = G_TASK (res);
  g_autoptr(GError) local = NULL;
  gpointer value;

  g_return_val_if_fail (g_task_is_valid (res, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (task) == gvir_driver_connection_call_async, FALSE);

  value = g_task_propagate_pointer (task, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (result != NULL)
    *result = value;
  else if (value != NULL)
    {
      CallData *call = g_task_get_task_data (task);

      if (call->free_result != NULL)
        call->free_result (value);
    }
  return TRUE;
}

/* ---- pending calls to non-blocking slots --------------------------------------- */

/* References: the dispatcher's (dropped once the driver has answered) and
 * the cancellation handler's. */
struct _GVirDriverPending
{
  gint ref;
  const GVirDriverPendingKind *kind;
  GVirDriverConnection *conn;     /* a reference, and one call in flight */
  gpointer args;
  GDestroyNotify free_args;
  GCancellable *cancellable;
  gulong cancel_id;
  gint answered;                  /* atomic: the caller's callback has run */
  GCallback done;
  gpointer user_data;
};

static GVirDriverPending *
pending_ref (GVirDriverPending *p)
{
  g_atomic_int_inc (&p->ref);
  return p;
}

static void
pending_unref (GVirDriverPending *p)
{
  if (!g_atomic_int_dec_and_test (&p->ref))
    return;
  if (p->free_args != NULL)
    p->free_args (p->args);
  g_clear_object (&p->cancellable);
  g_free (p);
}

/* The first answer wins: the driver's, or the cancellation; @answer only
 * counts without @error. */
static void
pending_answer (GVirDriverPending *p,
                gconstpointer      answer,
                const GError      *error)
{
  if (g_atomic_int_compare_and_exchange (&p->answered, FALSE, TRUE))
    p->kind->deliver (p->done, error == NULL ? answer : NULL, error, p->user_data);
}

static void
pending_cancelled (GCancellable      *cancellable,
                   GVirDriverPending *p)
{
  g_autoptr(GError) error = NULL;

  g_cancellable_set_error_if_cancelled (cancellable, &error);
  pending_answer (p, NULL, error);
}

/* Ends the call in flight and drops the pending call's hold on the
 * connection (see gvir_driver_call_end_and_unref()). */
static void
pending_release (GVirDriverPending *p,
                 gboolean           in_driver_thread)
{
  GVirDriverConnection *conn = p->conn;

  if (p->cancel_id != 0)
    {
      /* Not g_cancellable_disconnect(): it waits for a running handler,
       * and the thread cancelling may be waiting for this driver thread.
       * The handler's own reference keeps the call alive meanwhile. */
      g_signal_handler_disconnect (p->cancellable, p->cancel_id);
      p->cancel_id = 0;
    }
  p->conn = NULL;
  pending_unref (p);
  gvir_driver_call_end_and_unref (conn, in_driver_thread);
}

void
gvir_driver_pending_return (GVirDriverPending *pending,
                            gconstpointer      answer,
                            const GError      *error)
{
  g_return_if_fail (pending != NULL);

  pending_answer (pending, answer, error);
  pending_release (pending, TRUE);
}

static void
pending_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GVirDriverPending *p = task_data;
  const GVirDriver *driver = gvir_driver_connection_get_driver (p->conn);
  g_autofree gpointer answer = g_malloc0 (p->kind->answer_size);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = p->kind->run_blocking (driver, gvir_driver_connection_get_handle (p->conn), p->args,
                              answer, p->cancellable, &error);
  pending_answer (p, ok ? answer : NULL, error);
  pending_release (p, FALSE);
  g_task_return_boolean (task, TRUE);
}

static GVirDriverPending *
pending_new (const GVirDriverPendingKind *kind,
             gpointer                     args,
             GDestroyNotify               free_args,
             GCancellable                *cancellable,
             GCallback                    done,
             gpointer                     user_data)
{
  GVirDriverPending *p = g_new0 (GVirDriverPending, 1);

  p->ref = 1;
  p->kind = kind;
  p->args = args;
  p->free_args = free_args;
  p->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  p->done = done;
  p->user_data = user_data;
  return p;
}

/* Hands @p, admitted, to the driver's non-blocking slot or to a worker. */
static void
pending_route (GVirDriverPending      *p,
               GVirDriverPendingRoute  route)
{
  GVirDriverConnection *conn = p->conn;
  g_autoptr(GTask) task = NULL;

  if (route == GVIR_DRIVER_PENDING_NON_BLOCKING)
    {
      p->kind->start (gvir_driver_connection_get_driver (conn),
                      gvir_driver_connection_get_handle (conn), p->args, p->cancellable, p);
      return;
    }

  /* No GCancellable for the task: cancelling answers through the handler
   * at once, and the worker still owns the call until the driver returns. */
  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_source_tag (task, pending_route);
  g_task_set_task_data (task, p, NULL);
  g_task_run_in_thread (task, pending_thread);
}

void
gvir_driver_pending_start (GVirDriverConnection        *conn,
                           const GVirDriverPendingKind *kind,
                           GVirDriverPendingRoute       route,
                           gpointer                     args,
                           GDestroyNotify               free_args,
                           GCancellable                *cancellable,
                           GCallback                    done,
                           gpointer                     user_data)
{
  GVirDriverPending *p = pending_new (kind, args, free_args, cancellable, done, user_data);
  g_autoptr(GError) error = NULL;

  if (!gvir_driver_call_begin (conn, kind->operation, route != GVIR_DRIVER_PENDING_NOT_SUPPORTED,
                               FALSE, cancellable, &error))
    {
      pending_answer (p, NULL, error);
      pending_unref (p);
      return;
    }
  p->conn = gvir_driver_connection_ref (conn);

  if (cancellable != NULL)
    p->cancel_id = g_cancellable_connect (cancellable, G_CALLBACK (pending_cancelled),
                                          pending_ref (p), (GDestroyNotify) pending_unref);
  if (g_atomic_int_get (&p->answered))
    {
      /* Cancelled since gvir_driver_call_begin(): the driver need not hear of it. */
      pending_release (p, FALSE);
      return;
    }
  pending_route (p, route);
}
