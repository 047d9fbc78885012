/*
 * gvir-driver-dispatch-private.h: what the dispatch files share
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * For gvir-driver*.c only: drivers and the public layer use the
 * gvir_driver_connection_*() functions of gvir-driver-private.h.
 */
#pragma once

#include "gvir-driver-private.h"

G_BEGIN_DECLS

const GVirDriver *gvir_driver_connection_get_driver (GVirDriverConnection *conn);
gpointer gvir_driver_connection_get_handle (GVirDriverConnection *conn);

/* Checks everything the drivers rely on the dispatch layer for (closed,
 * read-only, @implemented, cancelled), in the order a user would want to
 * hear about it, and counts the call in flight so that close() cannot free
 * the driver handle under it. Each successful begin needs one end. */
gboolean gvir_driver_call_begin (GVirDriverConnection *conn,
                                 const char *operation,
                                 gboolean implemented,
                                 gboolean mutates,
                                 GCancellable *cancellable,
                                 GError **error);
void gvir_driver_call_end (GVirDriverConnection *conn);

/* For work admitted before it runs (gvir-driver-async.c): counts a call in
 * flight unless the connection is closed already. */
gboolean gvir_driver_call_admit (GVirDriverConnection *conn);
/* Marks the calling thread as running admitted work for @conn (NULL: none):
 * its dispatch calls on @conn are not refused as closed. */
void gvir_driver_call_set_admitted (GVirDriverConnection *conn);
/* Ends a call in flight and drops a reference to @conn; from a driver's own
 * thread (@in_driver_thread), the driver's close() and the connection's
 * free, should they be due, run in a thread of their own, since close()
 * may wait for that very thread. */
void gvir_driver_call_end_and_unref (GVirDriverConnection *conn, gboolean in_driver_thread);

/* Sets INVALID_ARGUMENT "cannot @operation: @what" unless @ok. */
gboolean gvir_driver_check_arg (gboolean ok, const char *operation, const char *what, GError **error);

/* The body of a dispatch function whose @slot lives in @table (which may be
 * NULL): admits the call, runs the slot with the driver's handle and the
 * remaining arguments, and returns what it returned, or @failed when the
 * call was refused. Needs `conn`, `cancellable` and `error` in scope. */
#define GVIR_DRIVER_DISPATCH(failed, table, slot, operation, mutates, ...)             \
  G_STMT_START                                                                         \
  {                                                                                    \
    __typeof__ (table) table_ = (table);                                               \
    __typeof__ (failed) ret_;                                                          \
                                                                                       \
    if (!gvir_driver_call_begin (conn, operation, table_ != NULL && table_->slot != NULL, \
                                 mutates, cancellable, error))                         \
      return failed;                                                                   \
    ret_ = table_->slot (gvir_driver_connection_get_handle (conn), __VA_ARGS__);       \
    gvir_driver_call_end (conn);                                                       \
    return ret_;                                                                       \
  }                                                                                    \
  G_STMT_END

/* ---- non-blocking slots ---------------------------------------------------- */

/* One call to a driver's non-blocking slot (or, for drivers without one,
 * to its blocking slot in a worker thread) on its way to the caller's
 * completion callback. */
typedef struct _GVirDriverPending GVirDriverPending;

/* What differs from one non-blocking call to another. */
typedef struct
{
  const char *operation;     /* for error messages: "get domain info" */
  gsize answer_size;         /* the size of the value a success answers */
  /* Hands the call to the driver's non-blocking slot, which answers through
   * gvir_driver_pending_return(), exactly once, from any thread. */
  void (*start) (const GVirDriver *driver, gpointer handle, gconstpointer args,
                 GCancellable *cancellable, GVirDriverPending *pending);
  /* Runs the blocking slot (in a worker), filling @answer on success. */
  gboolean (*run_blocking) (const GVirDriver *driver, gpointer handle, gconstpointer args,
                            gpointer answer, GCancellable *cancellable, GError **error);
  /* Calls the caller's typed callback @done: @answer on success, else NULL
   * and @error. */
  void (*deliver) (GCallback done, gconstpointer answer, const GError *error,
                   gpointer user_data);
} GVirDriverPendingKind;

typedef enum
{
  GVIR_DRIVER_PENDING_NOT_SUPPORTED,  /* the driver has neither slot */
  GVIR_DRIVER_PENDING_NON_BLOCKING,   /* through kind->start */
  GVIR_DRIVER_PENDING_WORKER,         /* through kind->run_blocking in a worker */
} GVirDriverPendingRoute;

/* Starts a non-blocking call; takes @args. @done runs exactly once, from
 * any thread, possibly before this returns (a closed connection, a driver
 * without the call, a cancellable already cancelled). When @cancellable
 * fires first, @done gets G_IO_ERROR_CANCELLED at once and the driver's
 * late answer is dropped. Either way the connection counts the call in
 * flight until the driver has answered. */
void gvir_driver_pending_start (GVirDriverConnection *conn,
                                const GVirDriverPendingKind *kind,
                                GVirDriverPendingRoute route,
                                gpointer args,
                                GDestroyNotify free_args,
                                GCancellable *cancellable,
                                GCallback done,
                                gpointer user_data);
/* For the driver's answer: @answer (borrowed) on success, else @error. */
void gvir_driver_pending_return (GVirDriverPending *pending, gconstpointer answer,
                                 const GError *error);

G_END_DECLS
