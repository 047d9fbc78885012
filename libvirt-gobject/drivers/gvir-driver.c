/*
 * gvir-driver.c: driver registry, driver-wide state, connections, value
 * helpers and the core dispatch
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include <string.h>

#include "gvir-driver-dispatch-private.h"
#include "test/gvir-test-driver-private.h"
#include "remote/gvir-remote-driver-private.h"
#include "qemu/gvir-qemu-driver-private.h"

/* ---- values ------------------------------------------------------------- */

GVirDriverDomain *
gvir_driver_domain_copy (const GVirDriverDomain *domain)
{
  GVirDriverDomain *copy;

  g_return_val_if_fail (domain != NULL, NULL);

  copy = g_new (GVirDriverDomain, 1);
  *copy = *domain;
  copy->name = g_strdup (domain->name);
  copy->uuid = g_strdup (domain->uuid);
  return copy;
}

void
gvir_driver_domain_free (GVirDriverDomain *domain)
{
  if (domain == NULL)
    return;

  g_free (domain->name);
  g_free (domain->uuid);
  g_free (domain);
}

void
gvir_driver_node_info_clear (GVirDriverNodeInfo *info)
{
  if (info == NULL)
    return;

  g_clear_pointer (&info->model, g_free);
  memset (info, 0, sizeof *info);
}

/* ---- registry ----------------------------------------------------------- */

/* A registered driver and the users of its driver-wide state. Entries live
 * as long as the process. */
typedef struct
{
  const GVirDriver *driver;
  GMutex state_lock;      /* held while the state starts or stops */
  guint users;            /* open connections and holds; under state_lock */
} RegistryEntry;

static GMutex registry_lock;
static GPtrArray *registry;   /* RegistryEntry *, registration order */

/* Called with registry_lock held. */
static void
registry_add (const GVirDriver *driver)
{
  RegistryEntry *entry = g_new0 (RegistryEntry, 1);

  entry->driver = driver;
  g_mutex_init (&entry->state_lock);
  g_ptr_array_add (registry, entry);
}

/* Called with registry_lock held. */
static void
registry_ensure (void)
{
  if (registry != NULL)
    return;

  registry = g_ptr_array_new ();
  registry_add (&gvir_test_driver);
  registry_add (&gvir_qemu_driver);
  registry_add (&gvir_remote_driver);
}

/* Called with registry_lock held. */
static RegistryEntry *
registry_lookup (gboolean (*match) (const GVirDriver *driver, gconstpointer data),
                 gconstpointer data)
{
  guint i;

  registry_ensure ();
  for (i = 0; i < registry->len; i++)
    {
      RegistryEntry *entry = registry->pdata[i];

      if (match (entry->driver, data))
        return entry;
    }
  return NULL;
}

static gboolean
driver_is (const GVirDriver *driver,
           gconstpointer     data)
{
  return driver == data;
}

static gboolean
driver_is_named (const GVirDriver *driver,
                 gconstpointer     name)
{
  return g_str_equal (driver->name, name);
}

void
gvir_driver_register (const GVirDriver *driver)
{
  g_return_if_fail (driver != NULL);
  g_return_if_fail (driver->name != NULL);
  g_return_if_fail (driver->open != NULL);

  g_mutex_lock (&registry_lock);
  if (registry_lookup (driver_is, driver) == NULL)
    registry_add (driver);
  g_mutex_unlock (&registry_lock);
}

/* A "+transport" or a host always means the remote driver; every other
 * URI goes to the first local driver that accepts it, and when none does,
 * to the remote driver if it accepts it (qemu:///session, served by a
 * daemon's socket as libvirt's client does). */
static gint daemon_mode;

void
gvir_driver_set_daemon_mode (void)
{
  g_atomic_int_set (&daemon_mode, 1);
}

gboolean
gvir_driver_is_daemon_mode (void)
{
  return g_atomic_int_get (&daemon_mode) != 0;
}

static gboolean
driver_claims_local (const GVirDriver *driver,
                     gconstpointer     data)
{
  const GVirDriverUri *uri = data;

  if (uri->transport != NULL || uri->host != NULL || g_str_equal (driver->name, "remote"))
    return FALSE;
  return driver->accepts == NULL || driver->accepts (uri);
}

static gboolean
driver_claims_remote (const GVirDriver *driver,
                      gconstpointer     data)
{
  return g_str_equal (driver->name, "remote") &&
         (driver->accepts == NULL || driver->accepts (data));
}

static RegistryEntry *
registry_find (const GVirDriverUri  *uri,
               GError              **error)
{
  g_autofree char *quoted = NULL;
  RegistryEntry *found;

  g_mutex_lock (&registry_lock);
  found = registry_lookup (driver_claims_local, uri);
  if (found == NULL &&
      (uri->transport != NULL || uri->host != NULL || !gvir_driver_is_daemon_mode ()))
    found = registry_lookup (driver_claims_remote, uri);
  g_mutex_unlock (&registry_lock);
  if (found != NULL)
    return found;

  quoted = g_strescape (uri->original, NULL);
  if (uri->transport != NULL || uri->host != NULL)
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_NO_DRIVER,
                 "no driver for URI '%s': a transport or a host needs the remote driver, "
                 "which is not available in this build", quoted);
  else
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_NO_DRIVER,
                 "no driver for URI '%s': no driver handles the scheme '%s'",
                 quoted, uri->driver);
  return NULL;
}

/* ---- driver-wide state ---------------------------------------------------- */

/* One more user of the driver's state: the first starts it. */
static gboolean
state_acquire (RegistryEntry  *entry,
               GCancellable   *cancellable,
               GError        **error)
{
  const GVirDriver *driver = entry->driver;
  gboolean ok = TRUE;

  g_mutex_lock (&entry->state_lock);
  if (entry->users == 0 && driver->state_start != NULL)
    ok = driver->state_start (cancellable, error);
  if (ok)
    entry->users++;
  g_mutex_unlock (&entry->state_lock);
  return ok;
}

/* One user fewer: the last stops the state. */
static void
state_release (RegistryEntry *entry)
{
  const GVirDriver *driver = entry->driver;

  g_mutex_lock (&entry->state_lock);
  g_assert (entry->users > 0);
  entry->users--;
  if (entry->users == 0 && driver->state_stop != NULL)
    driver->state_stop ();
  g_mutex_unlock (&entry->state_lock);
}

static RegistryEntry *
registry_find_named (const char  *name,
                     GError     **error)
{
  RegistryEntry *entry;

  g_mutex_lock (&registry_lock);
  entry = registry_lookup (driver_is_named, name);
  g_mutex_unlock (&registry_lock);
  if (entry == NULL)
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_NO_DRIVER, "no driver named '%s'", name);
  return entry;
}

gboolean
gvir_driver_state_hold (const char    *name,
                        GCancellable  *cancellable,
                        GError       **error)
{
  RegistryEntry *entry;

  g_return_val_if_fail (name != NULL, FALSE);

  entry = registry_find_named (name, error);
  return entry != NULL && state_acquire (entry, cancellable, error);
}

void
gvir_driver_state_release (const char *name)
{
  RegistryEntry *entry;

  g_return_if_fail (name != NULL);

  entry = registry_find_named (name, NULL);
  g_return_if_fail (entry != NULL);
  state_release (entry);
}

/* ---- connections -------------------------------------------------------- */

struct _GVirDriverConnection
{
  gint ref_count;                   /* atomic */
  RegistryEntry *entry;             /* the driver, and its state's users */
  const GVirDriver *driver;
  gpointer handle;                  /* what driver->open() returned */
  GVirDriverUri *uri;
  gboolean read_only;
  GVirDriverEventFunc event_func;
  gpointer event_data;

  GMutex lock;                      /* guards the three fields below */
  gboolean closed;
  guint in_flight;                  /* dispatch calls inside the driver */
  gboolean driver_closed;           /* driver->close() has been run or claimed */
};

/* Runs the driver's close() at most once, outside the lock, then lets go
 * of the driver's state. */
static void
connection_maybe_close_driver (GVirDriverConnection *conn)
{
  gboolean run = FALSE;

  g_mutex_lock (&conn->lock);
  if (conn->closed && conn->in_flight == 0 && !conn->driver_closed)
    {
      conn->driver_closed = TRUE;
      run = TRUE;
    }
  g_mutex_unlock (&conn->lock);

  if (!run)
    return;
  if (conn->driver->close != NULL)
    conn->driver->close (conn->handle);
  state_release (conn->entry);
}

static void
connection_free (GVirDriverConnection *conn)
{
  gvir_driver_connection_close (conn);
  g_clear_pointer (&conn->uri, gvir_driver_uri_free);
  g_mutex_clear (&conn->lock);
  g_free (conn);
}

static GVirDriverConnection *
connection_new (RegistryEntry        *entry,
                GVirDriverUri        *uri,
                gboolean              read_only,
                GVirDriverEventFunc   event_func,
                gpointer              event_data)
{
  GVirDriverConnection *conn = g_new0 (GVirDriverConnection, 1);

  conn->ref_count = 1;
  conn->entry = entry;
  conn->driver = entry->driver;
  conn->uri = uri;
  conn->read_only = read_only;
  conn->event_func = event_func;
  conn->event_data = event_data;
  g_mutex_init (&conn->lock);
  return conn;
}

GVirDriverConnection *
gvir_driver_connection_open (const char           *uri,
                             gboolean              read_only,
                             GVirDriverEventFunc   event_func,
                             gpointer              event_data,
                             GCancellable         *cancellable,
                             GError              **error)
{
  g_autoptr(GVirDriverUri) parsed = NULL;
  RegistryEntry *entry;
  GVirDriverConnection *conn;

  parsed = gvir_driver_uri_parse (uri, error);
  if (parsed == NULL)
    return NULL;
  entry = registry_find (parsed, error);
  if (entry == NULL)
    return NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !state_acquire (entry, cancellable, error))
    return NULL;

  conn = connection_new (entry, g_steal_pointer (&parsed), read_only, event_func, event_data);
  conn->handle = entry->driver->open (conn, cancellable, error);
  if (conn->handle == NULL)
    {
      /* The driver never saw a successful open: nothing to close. */
      conn->closed = TRUE;
      conn->driver_closed = TRUE;
      connection_free (conn);
      state_release (entry);
      return NULL;
    }

  return conn;
}

GVirDriverConnection *
gvir_driver_connection_ref (GVirDriverConnection *conn)
{
  g_return_val_if_fail (conn != NULL, NULL);
  g_return_val_if_fail (g_atomic_int_get (&conn->ref_count) > 0, NULL);

  g_atomic_int_inc (&conn->ref_count);
  return conn;
}

/* Takes a reference unless the connection is already being freed. Drivers
 * that keep unowned pointers to their connections use this, while holding
 * the lock that the driver's close() also takes, to get a connection they
 * may safely deliver an event to. */
GVirDriverConnection *
gvir_driver_connection_try_ref (GVirDriverConnection *conn)
{
  gint old;

  g_return_val_if_fail (conn != NULL, NULL);

  do
    {
      old = g_atomic_int_get (&conn->ref_count);
      if (old <= 0)
        return NULL;
    }
  while (!g_atomic_int_compare_and_exchange (&conn->ref_count, old, old + 1));

  return conn;
}

void
gvir_driver_connection_unref (GVirDriverConnection *conn)
{
  g_return_if_fail (conn != NULL);

  if (g_atomic_int_dec_and_test (&conn->ref_count))
    connection_free (conn);
}

void
gvir_driver_connection_close (GVirDriverConnection *conn)
{
  gboolean interrupt;

  g_return_if_fail (conn != NULL);

  g_mutex_lock (&conn->lock);
  /* Calls still inside the driver are told to give up, so that they fail
   * now instead of whenever a silent peer answers. The extra count keeps
   * the driver's close() from running while interrupt() does. */
  interrupt = !conn->closed && conn->in_flight > 0 && !conn->driver_closed &&
              conn->driver->interrupt != NULL;
  conn->closed = TRUE;
  if (interrupt)
    conn->in_flight++;
  g_mutex_unlock (&conn->lock);

  if (interrupt)
    {
      conn->driver->interrupt (conn->handle);
      g_mutex_lock (&conn->lock);
      conn->in_flight--;
      g_mutex_unlock (&conn->lock);
    }
  connection_maybe_close_driver (conn);
}

gboolean
gvir_driver_connection_is_closed (GVirDriverConnection *conn)
{
  gboolean closed;

  g_return_val_if_fail (conn != NULL, TRUE);

  g_mutex_lock (&conn->lock);
  closed = conn->closed;
  g_mutex_unlock (&conn->lock);
  return closed;
}

const GVirDriverUri *
gvir_driver_connection_get_uri (GVirDriverConnection *conn)
{
  g_return_val_if_fail (conn != NULL, NULL);

  return conn->uri;
}

gboolean
gvir_driver_connection_is_read_only (GVirDriverConnection *conn)
{
  g_return_val_if_fail (conn != NULL, TRUE);

  return conn->read_only;
}

const char *
gvir_driver_connection_get_driver_name (GVirDriverConnection *conn)
{
  g_return_val_if_fail (conn != NULL, NULL);

  return conn->driver->name;
}

gboolean
gvir_driver_connection_calls_never_block (GVirDriverConnection *conn)
{
  g_return_val_if_fail (conn != NULL, FALSE);

  return conn->driver->calls_never_block;
}

const char *
gvir_driver_connection_get_security_model (GVirDriverConnection *conn)
{
  g_return_val_if_fail (conn != NULL, NULL);

  return conn->driver->security_model;
}

const GVirDriver *
gvir_driver_connection_get_driver (GVirDriverConnection *conn)
{
  return conn->driver;
}

gpointer
gvir_driver_connection_get_handle (GVirDriverConnection *conn)
{
  return conn->handle;
}

void
gvir_driver_connection_emit_event (GVirDriverConnection  *conn,
                                   const GVirDriverEvent *event)
{
  gboolean closed;

  g_return_if_fail (conn != NULL);
  g_return_if_fail (event != NULL);

  if (conn->event_func == NULL)
    return;

  g_mutex_lock (&conn->lock);
  closed = conn->closed;
  g_mutex_unlock (&conn->lock);

  if (!closed)
    conn->event_func (event, conn->event_data);
}

/* ---- calls in flight -------------------------------------------------------- */

/* The connection whose admitted work the current thread runs, if any. */
static GPrivate admitted_conn;

void
gvir_driver_call_set_admitted (GVirDriverConnection *conn)
{
  g_private_set (&admitted_conn, conn);
}

gboolean
gvir_driver_call_begin (GVirDriverConnection  *conn,
                        const char            *operation,
                        gboolean               implemented,
                        gboolean               mutates,
                        GCancellable          *cancellable,
                        GError               **error)
{
  g_mutex_lock (&conn->lock);
  if (conn->closed && g_private_get (&admitted_conn) != conn)
    {
      g_mutex_unlock (&conn->lock);
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED,
                   "cannot %s: the connection is closed", operation);
      return FALSE;
    }
  conn->in_flight++;
  g_mutex_unlock (&conn->lock);

  if (mutates && conn->read_only)
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_READ_ONLY,
                 "operation '%s' forbidden: the connection is read-only", operation);
  else if (!implemented)
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED,
                 "operation '%s' is not supported by the '%s' driver",
                 operation, conn->driver->name);
  else if (!g_cancellable_set_error_if_cancelled (cancellable, error))
    return TRUE;

  gvir_driver_call_end (conn);
  return FALSE;
}

void
gvir_driver_call_end (GVirDriverConnection *conn)
{
  g_mutex_lock (&conn->lock);
  conn->in_flight--;
  g_mutex_unlock (&conn->lock);

  connection_maybe_close_driver (conn);
}

gboolean
gvir_driver_call_admit (GVirDriverConnection *conn)
{
  gboolean admitted;

  g_mutex_lock (&conn->lock);
  admitted = !conn->closed;
  if (admitted)
    conn->in_flight++;
  g_mutex_unlock (&conn->lock);
  return admitted;
}

static gpointer
driver_close_thread (gpointer data)
{
  GVirDriverConnection *conn = data;

  connection_maybe_close_driver (conn);
  gvir_driver_connection_unref (conn);
  return NULL;
}

/* Drops a reference unless it is the last one. */
static gboolean
connection_unref_unless_last (GVirDriverConnection *conn)
{
  gint old;

  do
    {
      old = g_atomic_int_get (&conn->ref_count);
      if (old <= 1)
        return FALSE;
    }
  while (!g_atomic_int_compare_and_exchange (&conn->ref_count, old, old - 1));
  return TRUE;
}

void
gvir_driver_call_end_and_unref (GVirDriverConnection *conn,
                                gboolean              in_driver_thread)
{
  gboolean close_pending;

  if (!in_driver_thread)
    {
      gvir_driver_call_end (conn);
      gvir_driver_connection_unref (conn);
      return;
    }

  g_mutex_lock (&conn->lock);
  conn->in_flight--;
  close_pending = conn->closed && conn->in_flight == 0 && !conn->driver_closed;
  g_mutex_unlock (&conn->lock);

  if (!close_pending && connection_unref_unless_last (conn))
    return;
  g_thread_unref (g_thread_new ("gvir-driver-close", driver_close_thread, conn));
}

gboolean
gvir_driver_check_arg (gboolean     ok,
                       const char  *operation,
                       const char  *what,
                       GError     **error)
{
  if (!ok)
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                 "cannot %s: %s", operation, what);
  return ok;
}

/* ---- core dispatch ----------------------------------------------------------- */

char *
gvir_driver_connection_get_type (GVirDriverConnection  *conn,
                                 GCancellable          *cancellable,
                                 GError               **error)
{
  g_return_val_if_fail (conn != NULL, NULL);

  GVIR_DRIVER_DISPATCH (NULL, conn->driver, get_type, "get type", FALSE, cancellable, error);
}

gboolean
gvir_driver_connection_get_version (GVirDriverConnection  *conn,
                                    gulong                *version,
                                    GCancellable          *cancellable,
                                    GError               **error)
{
  g_return_val_if_fail (conn != NULL, FALSE);
  g_return_val_if_fail (version != NULL, FALSE);

  GVIR_DRIVER_DISPATCH (FALSE, conn->driver, get_version, "get version", FALSE,
                        version, cancellable, error);
}

char *
gvir_driver_connection_get_hostname (GVirDriverConnection  *conn,
                                     GCancellable          *cancellable,
                                     GError               **error)
{
  g_return_val_if_fail (conn != NULL, NULL);

  GVIR_DRIVER_DISPATCH (NULL, conn->driver, get_hostname, "get hostname", FALSE,
                        cancellable, error);
}

gboolean
gvir_driver_connection_get_node_info (GVirDriverConnection  *conn,
                                      GVirDriverNodeInfo    *info,
                                      GCancellable          *cancellable,
                                      GError               **error)
{
  g_return_val_if_fail (conn != NULL, FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  memset (info, 0, sizeof *info);
  GVIR_DRIVER_DISPATCH (FALSE, conn->driver, get_node_info, "get node info", FALSE,
                        info, cancellable, error);
}

char *
gvir_driver_connection_get_capabilities (GVirDriverConnection  *conn,
                                         GCancellable          *cancellable,
                                         GError               **error)
{
  g_return_val_if_fail (conn != NULL, NULL);

  GVIR_DRIVER_DISPATCH (NULL, conn->driver, get_capabilities, "get capabilities", FALSE,
                        cancellable, error);
}

char *
gvir_driver_connection_get_domain_capabilities (GVirDriverConnection  *conn,
                                                const char            *emulatorbin,
                                                const char            *arch,
                                                const char            *machine,
                                                const char            *virttype,
                                                guint                  flags,
                                                GCancellable          *cancellable,
                                                GError               **error)
{
  g_return_val_if_fail (conn != NULL, NULL);

  GVIR_DRIVER_DISPATCH (NULL, conn->driver, get_domain_capabilities, "get domain capabilities",
                        FALSE, emulatorbin, arch, machine, virttype, flags, cancellable, error);
}

GArray *
gvir_driver_connection_get_cells_free_memory (GVirDriverConnection  *conn,
                                              int                    start_cell,
                                              int                    max_cells,
                                              GCancellable          *cancellable,
                                              GError               **error)
{
  const char *op = "get cells free memory";

  g_return_val_if_fail (conn != NULL, NULL);

  if (!gvir_driver_check_arg (start_cell >= 0, op, "the start cell must not be negative", error) ||
      !gvir_driver_check_arg (max_cells > 0, op, "the number of cells must be positive", error))
    return NULL;
  GVIR_DRIVER_DISPATCH (NULL, conn->driver, get_cells_free_memory, op, FALSE,
                        start_cell, max_cells, cancellable, error);
}

GVirIdSet *
gvir_driver_connection_get_host_nodes (GVirDriverConnection  *conn,
                                       GCancellable          *cancellable,
                                       GError               **error)
{
  g_return_val_if_fail (conn != NULL, NULL);

  GVIR_DRIVER_DISPATCH (NULL, conn->driver, get_host_nodes, "get host nodes", FALSE,
                        cancellable, error);
}
