/*
 * libvirt-gobject-domain-call.c: driver calls made for a GVirDomain
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include "libvirt-gobject/libvirt-gobject-domain-info.h"
#include "libvirt-gobject/libvirt-gobject-error.h"
#include "libvirt-gobject/libvirt-gobject-domain-call-private.h"
#include "libvirt-gobject/libvirt-gobject-domain-cache-private.h"
#include "libvirt-gobject/libvirt-gobject-domain-private.h"

DomainCall *
domain_call_new (DomainCallFunc func, gboolean changes_state, gpointer args,
                 GDestroyNotify args_free)
{
  DomainCall *call = g_new0 (DomainCall, 1);

  call->func = func;
  call->changes_state = changes_state;
  call->args = args;
  call->args_free = args_free;
  return call;
}

DomainCall *
domain_call_new_flags (DomainCallFunc func, gboolean changes_state, guint flags)
{
  return domain_call_new (func, changes_state, GUINT_TO_POINTER (flags), NULL);
}

guint
domain_call_flags (DomainCall *call)
{
  return GPOINTER_TO_UINT (call->args);
}

void
domain_call_free (DomainCall *call)
{
  if (call->args_free != NULL)
    call->args_free (call->args);
  if (call->result != NULL && call->result_free != NULL)
    call->result_free (call->result);
  g_free (call);
}

GVirDriverConnection *
domain_dup_driver (GVirDomain *self, GVirConnection **conn, GVirDomainCache **cache,
                   GError **error)
{
  *conn = _gvir_domain_dup_connection (self, cache, error);
  if (*conn == NULL)
    return NULL;
  return _gvir_domain_cache_dup_driver (*cache, error);
}

/* Runs @call on @drv; the domain is read again afterwards when the call
 * changes its state. */
static gboolean
domain_call_run_on (GVirDomain *self, GVirDomainCache *cache, GVirDriverConnection *drv,
                    DomainCall *call, GCancellable *cancellable, GError **error)
{
  if (!call->func (self, drv, call, cancellable, error))
    return FALSE;
  if (call->changes_state)
    _gvir_domain_cache_refresh (cache, drv, domain_uuid (self));
  return TRUE;
}

/* What the driver layer's async call runs: one domain call, with the
 * references that keep its domain and cache alive until it is done. */
typedef struct
{
  GVirDomain *self;
  GVirConnection *conn;       /* keeps cache valid */
  GVirDomainCache *cache;
  DomainCall *call;           /* owned by the task */
} DomainCallArgs;

static void
domain_call_args_free (gpointer data)
{
  DomainCallArgs *args = data;

  g_object_unref (args->self);
  g_object_unref (args->conn);
  g_free (args);
}

static gboolean
domain_call_driver_func (GVirDriverConnection *drv, gpointer data, gpointer *result,
                         GCancellable *cancellable, GError **error)
{
  DomainCallArgs *args = data;

  return domain_call_run_on (args->self, args->cache, drv, args->call, cancellable, error);
}

static void
domain_call_done (GObject *source, GAsyncResult *res, gpointer data)
{
  g_autoptr(GTask) task = data;
  GError *error = NULL;

  if (!gvir_driver_connection_call_finish (res, NULL, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
domain_call_start (GVirDomain *self, DomainCall *call, gpointer source_tag,
                   GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GVirConnection) conn = NULL;
  g_autoptr(GVirDriverConnection) drv = NULL;
  GVirDomainCache *cache = NULL;
  DomainCallArgs *args;
  GError *error = NULL;

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, call, (GDestroyNotify) domain_call_free);
  if (g_task_return_error_if_cancelled (task))
    return;
  drv = domain_dup_driver (self, &conn, &cache, &error);
  if (drv == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  args = g_new0 (DomainCallArgs, 1);
  args->self = g_object_ref (self);
  args->conn = g_steal_pointer (&conn);
  args->cache = cache;
  args->call = call;
  gvir_driver_connection_call_async (drv, domain_call_driver_func, args, domain_call_args_free,
                                     NULL, cancellable, domain_call_done,
                                     g_steal_pointer (&task));
}

/* The finished call (owned by the task), or NULL with @error set. */
DomainCall *
domain_call_finish (GVirDomain *self, GAsyncResult *result, gpointer source_tag, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  return g_task_get_task_data (G_TASK (result));
}

gboolean
domain_call_sync (GVirDomain *self, DomainCall *call, GError **error)
{
  g_autoptr(GVirConnection) conn = NULL;
  GVirDomainCache *cache = NULL;
  g_autoptr(GVirDriverConnection) drv = domain_dup_driver (self, &conn, &cache, error);

  if (drv == NULL)
    return FALSE;
  return domain_call_run_on (self, cache, drv, call, NULL, error);
}

/* ---- queries without a worker thread ------------------------------------ */

/* get_info and get_state are the calls applications poll. Their async
 * forms ask the driver layer for a callback instead of blocking a worker
 * thread: the callback may run in any thread, and the GTask delivers the
 * result in the caller's main context all the same. */

/* Starts the task of a query; NULL when it already completed (cancelled,
 * or no open connection), else the driver connection to ask. */
GVirDriverConnection *
domain_query_begin (GVirDomain *self, DomainCallFunc func, gpointer source_tag,
                    GCancellable *cancellable, GAsyncReadyCallback callback,
                    gpointer user_data, GTask **task_out)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GVirConnection) conn = NULL;
  GVirDomainCache *cache = NULL;
  GVirDriverConnection *drv = NULL;
  GError *error = NULL;

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, domain_call_new (func, FALSE, NULL, NULL),
                        (GDestroyNotify) domain_call_free);
  if (g_task_return_error_if_cancelled (task))
    return NULL;
  drv = domain_dup_driver (self, &conn, &cache, &error);
  if (drv == NULL)
    {
      g_task_return_error (task, error);
      return NULL;
    }
  *task_out = g_steal_pointer (&task);
  return drv;
}

/* Completes the task with the driver's answer; FALSE when that was an
 * error or the caller cancelled meanwhile. */
static gboolean
domain_query_check (GTask *task, const GError *error)
{
  if (g_task_return_error_if_cancelled (task))
    return FALSE;
  if (error != NULL)
    {
      g_task_return_error (task, g_error_copy (error));
      return FALSE;
    }
  return TRUE;
}

void
domain_call_set_info (DomainCall *call, const GVirDriverDomainInfo *raw)
{
  GVirDomainInfo *info = g_new0 (GVirDomainInfo, 1);

  info->state = raw->state;
  info->max_mem = raw->max_mem_kib;
  info->memory = raw->memory_kib;
  info->nr_virt_cpu = MIN (raw->nr_virt_cpu, G_MAXUINT16);
  info->cpu_time = raw->cpu_time_ns;
  call->result = info;
  call->result_free = (GDestroyNotify) gvir_domain_info_free;
}

void
domain_info_answered (const GVirDriverDomainInfo *raw, const GError *error, gpointer data)
{
  g_autoptr(GTask) task = data;

  if (!domain_query_check (task, error))
    return;
  /* Written before g_task_return_boolean(), which publishes it to the
   * caller's thread. */
  domain_call_set_info (g_task_get_task_data (task), raw);
  g_task_return_boolean (task, TRUE);
}

void
domain_state_answered (int state, int reason, const GError *error, gpointer data)
{
  g_autoptr(GTask) task = data;
  DomainCall *call = g_task_get_task_data (task);
  DomainStateResult *answer;

  if (!domain_query_check (task, error))
    return;
  answer = g_new (DomainStateResult, 1);
  answer->state = state;
  answer->reason = reason;
  call->result = answer;
  call->result_free = g_free;
  g_task_return_boolean (task, TRUE);
}
const char *
domain_uuid (GVirDomain *self)
{
  return gvir_domain_get_uuid (self);
}
