/*
 * gvir-driver.c: driver registry, connections and value helpers
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

#include "gvir-driver-private.h"
#include "test/gvir-test-driver-private.h"
#include "remote/gvir-remote-driver-private.h"

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

static GMutex registry_lock;
static GPtrArray *registry;   /* const GVirDriverFuncs *, registration order */

/* Called with registry_lock held. */
static void
registry_ensure (void)
{
  if (registry != NULL)
    return;

  registry = g_ptr_array_new ();
  g_ptr_array_add (registry, (gpointer) &gvir_test_driver_funcs);
  g_ptr_array_add (registry, (gpointer) &gvir_remote_driver);
}

void
gvir_driver_register (const GVirDriverFuncs *funcs)
{
  g_return_if_fail (funcs != NULL);
  g_return_if_fail (funcs->name != NULL);
  g_return_if_fail (funcs->open != NULL);

  g_mutex_lock (&registry_lock);
  registry_ensure ();
  if (!g_ptr_array_find (registry, funcs, NULL))
    g_ptr_array_add (registry, (gpointer) funcs);
  g_mutex_unlock (&registry_lock);
}

/* A "+transport" or a host always means the remote driver; every other
 * URI goes to the first local driver that accepts it. */
static const GVirDriverFuncs *
registry_find (const GVirDriverUri  *uri,
               GError              **error)
{
  gboolean remote = uri->transport != NULL || uri->host != NULL;
  const GVirDriverFuncs *found = NULL;
  g_autofree char *quoted = g_strescape (uri->original, NULL);
  guint i;

  g_mutex_lock (&registry_lock);
  registry_ensure ();
  for (i = 0; i < registry->len && found == NULL; i++)
    {
      const GVirDriverFuncs *funcs = registry->pdata[i];
      gboolean is_remote = g_str_equal (funcs->name, "remote");

      if (remote != is_remote)
        continue;
      if (funcs->accepts == NULL || funcs->accepts (uri))
        found = funcs;
    }
  g_mutex_unlock (&registry_lock);

  if (found != NULL)
    return found;

  if (remote)
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_NO_DRIVER,
                 "no driver for URI '%s': a transport or a host needs the remote driver, "
                 "which is not available in this build", quoted);
  else
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_NO_DRIVER,
                 "no driver for URI '%s': no driver handles the scheme '%s'",
                 quoted, uri->driver);
  return NULL;
}

/* ---- connections -------------------------------------------------------- */

struct _GVirDriverConnection
{
  gint ref_count;                   /* atomic */
  const GVirDriverFuncs *funcs;
  gpointer handle;                  /* what funcs->open() returned */
  GVirDriverUri *uri;
  gboolean read_only;
  GVirDriverEventFunc event_func;
  gpointer event_data;

  GMutex lock;                      /* guards the three fields below */
  gboolean closed;
  guint in_flight;                  /* dispatch calls inside the driver */
  gboolean driver_closed;           /* funcs->close() has been run or claimed */
};

/* Runs the driver's close() at most once, outside the lock. */
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

  if (run && conn->funcs->close != NULL)
    conn->funcs->close (conn->handle);
}

static void
connection_free (GVirDriverConnection *conn)
{
  gvir_driver_connection_close (conn);
  g_clear_pointer (&conn->uri, gvir_driver_uri_free);
  g_mutex_clear (&conn->lock);
  g_free (conn);
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
  const GVirDriverFuncs *funcs;
  GVirDriverConnection *conn;

  parsed = gvir_driver_uri_parse (uri, error);
  if (parsed == NULL)
    return NULL;
  funcs = registry_find (parsed, error);
  if (funcs == NULL)
    return NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  conn = g_new0 (GVirDriverConnection, 1);
  conn->ref_count = 1;
  conn->funcs = funcs;
  conn->uri = g_steal_pointer (&parsed);
  conn->read_only = read_only;
  conn->event_func = event_func;
  conn->event_data = event_data;
  g_mutex_init (&conn->lock);

  conn->handle = funcs->open (conn, cancellable, error);
  if (conn->handle == NULL)
    {
      /* The driver never saw a successful open: nothing to close. */
      conn->closed = TRUE;
      conn->driver_closed = TRUE;
      connection_free (conn);
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
  g_return_if_fail (conn != NULL);

  g_mutex_lock (&conn->lock);
  conn->closed = TRUE;
  g_mutex_unlock (&conn->lock);

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

  return conn->funcs->name;
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

/* ---- dispatch ----------------------------------------------------------- */

/* Checks everything the drivers rely on the dispatch layer for, in the
 * order a user would want to hear about it, and counts the call in flight
 * so that close() cannot free the driver handle under it. */
static gboolean
call_begin (GVirDriverConnection  *conn,
            const char            *operation,
            gboolean               implemented,
            gboolean               mutates,
            GCancellable          *cancellable,
            GError               **error)
{
  g_mutex_lock (&conn->lock);
  if (conn->closed)
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
                 operation, conn->funcs->name);
  else if (!g_cancellable_set_error_if_cancelled (cancellable, error))
    return TRUE;

  g_mutex_lock (&conn->lock);
  conn->in_flight--;
  g_mutex_unlock (&conn->lock);
  connection_maybe_close_driver (conn);
  return FALSE;
}

static void
call_end (GVirDriverConnection *conn)
{
  g_mutex_lock (&conn->lock);
  conn->in_flight--;
  g_mutex_unlock (&conn->lock);

  connection_maybe_close_driver (conn);
}

static gboolean
check_arg (gboolean     ok,
           const char  *operation,
           const char  *what,
           GError     **error)
{
  if (!ok)
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                 "cannot %s: %s", operation, what);
  return ok;
}

#define BEGIN(slot, operation, mutates) \
  call_begin (conn, operation, conn->funcs->slot != NULL, mutates, cancellable, error)

char *
gvir_driver_connection_get_type (GVirDriverConnection  *conn,
                                 GCancellable          *cancellable,
                                 GError               **error)
{
  char *ret;

  g_return_val_if_fail (conn != NULL, NULL);

  if (!BEGIN (get_type, "get type", FALSE))
    return NULL;
  ret = conn->funcs->get_type (conn->handle, cancellable, error);
  call_end (conn);
  return ret;
}

gboolean
gvir_driver_connection_get_version (GVirDriverConnection  *conn,
                                    gulong                *version,
                                    GCancellable          *cancellable,
                                    GError               **error)
{
  gboolean ret;

  g_return_val_if_fail (conn != NULL, FALSE);
  g_return_val_if_fail (version != NULL, FALSE);

  if (!BEGIN (get_version, "get version", FALSE))
    return FALSE;
  ret = conn->funcs->get_version (conn->handle, version, cancellable, error);
  call_end (conn);
  return ret;
}

char *
gvir_driver_connection_get_hostname (GVirDriverConnection  *conn,
                                     GCancellable          *cancellable,
                                     GError               **error)
{
  char *ret;

  g_return_val_if_fail (conn != NULL, NULL);

  if (!BEGIN (get_hostname, "get hostname", FALSE))
    return NULL;
  ret = conn->funcs->get_hostname (conn->handle, cancellable, error);
  call_end (conn);
  return ret;
}

gboolean
gvir_driver_connection_get_node_info (GVirDriverConnection  *conn,
                                      GVirDriverNodeInfo    *info,
                                      GCancellable          *cancellable,
                                      GError               **error)
{
  gboolean ret;

  g_return_val_if_fail (conn != NULL, FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  memset (info, 0, sizeof *info);
  if (!BEGIN (get_node_info, "get node info", FALSE))
    return FALSE;
  ret = conn->funcs->get_node_info (conn->handle, info, cancellable, error);
  call_end (conn);
  return ret;
}

char *
gvir_driver_connection_get_capabilities (GVirDriverConnection  *conn,
                                         GCancellable          *cancellable,
                                         GError               **error)
{
  char *ret;

  g_return_val_if_fail (conn != NULL, NULL);

  if (!BEGIN (get_capabilities, "get capabilities", FALSE))
    return NULL;
  ret = conn->funcs->get_capabilities (conn->handle, cancellable, error);
  call_end (conn);
  return ret;
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
  char *ret;

  g_return_val_if_fail (conn != NULL, NULL);

  if (!BEGIN (get_domain_capabilities, "get domain capabilities", FALSE))
    return NULL;
  ret = conn->funcs->get_domain_capabilities (conn->handle, emulatorbin, arch, machine,
                                              virttype, flags, cancellable, error);
  call_end (conn);
  return ret;
}

GArray *
gvir_driver_connection_get_cells_free_memory (GVirDriverConnection  *conn,
                                              int                    start_cell,
                                              int                    max_cells,
                                              GCancellable          *cancellable,
                                              GError               **error)
{
  const char *op = "get cells free memory";
  GArray *ret;

  g_return_val_if_fail (conn != NULL, NULL);

  if (!check_arg (start_cell >= 0, op, "the start cell must not be negative", error) ||
      !check_arg (max_cells > 0, op, "the number of cells must be positive", error))
    return NULL;
  if (!BEGIN (get_cells_free_memory, op, FALSE))
    return NULL;
  ret = conn->funcs->get_cells_free_memory (conn->handle, start_cell, max_cells,
                                            cancellable, error);
  call_end (conn);
  return ret;
}

GPtrArray *
gvir_driver_connection_list_domains (GVirDriverConnection  *conn,
                                     GCancellable          *cancellable,
                                     GError               **error)
{
  GPtrArray *ret;

  g_return_val_if_fail (conn != NULL, NULL);

  if (!BEGIN (list_domains, "list domains", FALSE))
    return NULL;
  ret = conn->funcs->list_domains (conn->handle, cancellable, error);
  call_end (conn);
  return ret;
}

GVirDriverDomain *
gvir_driver_connection_lookup_domain_by_uuid (GVirDriverConnection  *conn,
                                              const char            *uuid,
                                              GCancellable          *cancellable,
                                              GError               **error)
{
  const char *op = "look up domain by UUID";
  GVirDriverDomain *ret;

  g_return_val_if_fail (conn != NULL, NULL);

  if (!check_arg (uuid != NULL, op, "no UUID given", error))
    return NULL;
  if (!BEGIN (lookup_domain_by_uuid, op, FALSE))
    return NULL;
  ret = conn->funcs->lookup_domain_by_uuid (conn->handle, uuid, cancellable, error);
  call_end (conn);
  return ret;
}

GVirDriverDomain *
gvir_driver_connection_lookup_domain_by_name (GVirDriverConnection  *conn,
                                              const char            *name,
                                              GCancellable          *cancellable,
                                              GError               **error)
{
  const char *op = "look up domain by name";
  GVirDriverDomain *ret;

  g_return_val_if_fail (conn != NULL, NULL);

  if (!check_arg (name != NULL, op, "no name given", error))
    return NULL;
  if (!BEGIN (lookup_domain_by_name, op, FALSE))
    return NULL;
  ret = conn->funcs->lookup_domain_by_name (conn->handle, name, cancellable, error);
  call_end (conn);
  return ret;
}

GVirDriverDomain *
gvir_driver_connection_lookup_domain_by_id (GVirDriverConnection  *conn,
                                            int                    id,
                                            GCancellable          *cancellable,
                                            GError               **error)
{
  const char *op = "look up domain by id";
  GVirDriverDomain *ret;

  g_return_val_if_fail (conn != NULL, NULL);

  if (!check_arg (id >= 0, op, "domain ids are not negative", error))
    return NULL;
  if (!BEGIN (lookup_domain_by_id, op, FALSE))
    return NULL;
  ret = conn->funcs->lookup_domain_by_id (conn->handle, id, cancellable, error);
  call_end (conn);
  return ret;
}

GVirDriverDomain *
gvir_driver_connection_define_domain (GVirDriverConnection  *conn,
                                      const char            *xml,
                                      guint                  flags,
                                      GCancellable          *cancellable,
                                      GError               **error)
{
  const char *op = "define domain";
  GVirDriverDomain *ret;

  g_return_val_if_fail (conn != NULL, NULL);

  if (!check_arg (xml != NULL, op, "no XML given", error))
    return NULL;
  if (!BEGIN (define_domain, op, TRUE))
    return NULL;
  ret = conn->funcs->define_domain (conn->handle, xml, flags, cancellable, error);
  call_end (conn);
  return ret;
}

GVirDriverDomain *
gvir_driver_connection_create_domain (GVirDriverConnection  *conn,
                                      const char            *xml,
                                      guint                  flags,
                                      GCancellable          *cancellable,
                                      GError               **error)
{
  const char *op = "create domain";
  GVirDriverDomain *ret;

  g_return_val_if_fail (conn != NULL, NULL);

  if (!check_arg (xml != NULL, op, "no XML given", error))
    return NULL;
  if (!BEGIN (create_domain, op, TRUE))
    return NULL;
  ret = conn->funcs->create_domain (conn->handle, xml, flags, cancellable, error);
  call_end (conn);
  return ret;
}

/* The many "one domain, some flags" operations share one shape. */
typedef gboolean (*UuidFlagsFunc) (gpointer handle, const char *uuid, guint flags,
                                   GCancellable *cancellable, GError **error);

static gboolean
dispatch_uuid_flags (GVirDriverConnection  *conn,
                     UuidFlagsFunc          func,
                     const char            *op,
                     const char            *uuid,
                     guint                  flags,
                     GCancellable          *cancellable,
                     GError               **error)
{
  gboolean ret;

  if (!check_arg (uuid != NULL, op, "no domain UUID given", error))
    return FALSE;
  if (!call_begin (conn, op, func != NULL, TRUE, cancellable, error))
    return FALSE;
  ret = func (conn->handle, uuid, flags, cancellable, error);
  call_end (conn);
  return ret;
}

gboolean
gvir_driver_connection_undefine_domain (GVirDriverConnection  *conn,
                                        const char            *uuid,
                                        guint                  flags,
                                        GCancellable          *cancellable,
                                        GError               **error)
{
  g_return_val_if_fail (conn != NULL, FALSE);

  return dispatch_uuid_flags (conn, conn->funcs->undefine_domain, "undefine domain",
                              uuid, flags, cancellable, error);
}

gboolean
gvir_driver_connection_start_domain (GVirDriverConnection  *conn,
                                     const char            *uuid,
                                     guint                  flags,
                                     GCancellable          *cancellable,
                                     GError               **error)
{
  g_return_val_if_fail (conn != NULL, FALSE);

  return dispatch_uuid_flags (conn, conn->funcs->start_domain, "start domain",
                              uuid, flags, cancellable, error);
}

gboolean
gvir_driver_connection_destroy_domain (GVirDriverConnection  *conn,
                                       const char            *uuid,
                                       guint                  flags,
                                       GCancellable          *cancellable,
                                       GError               **error)
{
  g_return_val_if_fail (conn != NULL, FALSE);

  return dispatch_uuid_flags (conn, conn->funcs->destroy_domain, "destroy domain",
                              uuid, flags, cancellable, error);
}

gboolean
gvir_driver_connection_shutdown_domain (GVirDriverConnection  *conn,
                                        const char            *uuid,
                                        guint                  flags,
                                        GCancellable          *cancellable,
                                        GError               **error)
{
  g_return_val_if_fail (conn != NULL, FALSE);

  return dispatch_uuid_flags (conn, conn->funcs->shutdown_domain, "shutdown domain",
                              uuid, flags, cancellable, error);
}

gboolean
gvir_driver_connection_reboot_domain (GVirDriverConnection  *conn,
                                      const char            *uuid,
                                      guint                  flags,
                                      GCancellable          *cancellable,
                                      GError               **error)
{
  g_return_val_if_fail (conn != NULL, FALSE);

  return dispatch_uuid_flags (conn, conn->funcs->reboot_domain, "reboot domain",
                              uuid, flags, cancellable, error);
}

gboolean
gvir_driver_connection_managed_save_domain (GVirDriverConnection  *conn,
                                            const char            *uuid,
                                            guint                  flags,
                                            GCancellable          *cancellable,
                                            GError               **error)
{
  g_return_val_if_fail (conn != NULL, FALSE);

  return dispatch_uuid_flags (conn, conn->funcs->managed_save_domain, "managed save domain",
                              uuid, flags, cancellable, error);
}

gboolean
gvir_driver_connection_suspend_domain (GVirDriverConnection  *conn,
                                       const char            *uuid,
                                       GCancellable          *cancellable,
                                       GError               **error)
{
  const char *op = "suspend domain";
  gboolean ret;

  g_return_val_if_fail (conn != NULL, FALSE);

  if (!check_arg (uuid != NULL, op, "no domain UUID given", error))
    return FALSE;
  if (!BEGIN (suspend_domain, op, TRUE))
    return FALSE;
  ret = conn->funcs->suspend_domain (conn->handle, uuid, cancellable, error);
  call_end (conn);
  return ret;
}

gboolean
gvir_driver_connection_resume_domain (GVirDriverConnection  *conn,
                                      const char            *uuid,
                                      GCancellable          *cancellable,
                                      GError               **error)
{
  const char *op = "resume domain";
  gboolean ret;

  g_return_val_if_fail (conn != NULL, FALSE);

  if (!check_arg (uuid != NULL, op, "no domain UUID given", error))
    return FALSE;
  if (!BEGIN (resume_domain, op, TRUE))
    return FALSE;
  ret = conn->funcs->resume_domain (conn->handle, uuid, cancellable, error);
  call_end (conn);
  return ret;
}

gboolean
gvir_driver_connection_save_domain_to_file (GVirDriverConnection  *conn,
                                            const char            *uuid,
                                            const char            *path,
                                            const char            *custom_xml,
                                            guint                  flags,
                                            GCancellable          *cancellable,
                                            GError               **error)
{
  const char *op = "save domain to file";
  gboolean ret;

  g_return_val_if_fail (conn != NULL, FALSE);

  if (!check_arg (uuid != NULL, op, "no domain UUID given", error) ||
      !check_arg (path != NULL && *path != '\0', op, "no file name given", error))
    return FALSE;
  if (!BEGIN (save_domain_to_file, op, TRUE))
    return FALSE;
  ret = conn->funcs->save_domain_to_file (conn->handle, uuid, path, custom_xml, flags,
                                          cancellable, error);
  call_end (conn);
  return ret;
}

GVirDriverDomain *
gvir_driver_connection_restore_domain_from_file (GVirDriverConnection  *conn,
                                                 const char            *path,
                                                 const char            *custom_xml,
                                                 guint                  flags,
                                                 GCancellable          *cancellable,
                                                 GError               **error)
{
  const char *op = "restore domain from file";
  GVirDriverDomain *ret;

  g_return_val_if_fail (conn != NULL, NULL);

  if (!check_arg (path != NULL && *path != '\0', op, "no file name given", error))
    return NULL;
  if (!BEGIN (restore_domain_from_file, op, TRUE))
    return NULL;
  ret = conn->funcs->restore_domain_from_file (conn->handle, path, custom_xml, flags,
                                               cancellable, error);
  call_end (conn);
  return ret;
}

gboolean
gvir_driver_connection_get_domain_info (GVirDriverConnection  *conn,
                                        const char            *uuid,
                                        GVirDriverDomainInfo  *info,
                                        GCancellable          *cancellable,
                                        GError               **error)
{
  const char *op = "get domain info";
  gboolean ret;

  g_return_val_if_fail (conn != NULL, FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  memset (info, 0, sizeof *info);
  if (!check_arg (uuid != NULL, op, "no domain UUID given", error))
    return FALSE;
  if (!BEGIN (get_domain_info, op, FALSE))
    return FALSE;
  ret = conn->funcs->get_domain_info (conn->handle, uuid, info, cancellable, error);
  call_end (conn);
  return ret;
}

gboolean
gvir_driver_connection_get_domain_state (GVirDriverConnection  *conn,
                                         const char            *uuid,
                                         int                   *state,
                                         int                   *reason,
                                         GCancellable          *cancellable,
                                         GError               **error)
{
  const char *op = "get domain state";
  int dummy_state, dummy_reason;
  gboolean ret;

  g_return_val_if_fail (conn != NULL, FALSE);

  if (!check_arg (uuid != NULL, op, "no domain UUID given", error))
    return FALSE;
  if (!BEGIN (get_domain_state, op, FALSE))
    return FALSE;
  ret = conn->funcs->get_domain_state (conn->handle, uuid,
                                       state ? state : &dummy_state,
                                       reason ? reason : &dummy_reason,
                                       cancellable, error);
  call_end (conn);
  return ret;
}

/* ---- asynchronous queries ------------------------------------------------ */

/* One asynchronous query. Its references: the dispatcher's (dropped when
 * the driver has answered) and the cancellation handler's. */
typedef struct
{
  gint ref;
  GVirDriverConnection *conn;     /* a reference, and one call in flight */
  char *uuid;
  GCancellable *cancellable;
  gulong cancel_id;
  gint answered;                  /* atomic: the caller's callback has run */
  GVirDriverDomainInfoFunc info_done;   /* exactly one of the two is set */
  GVirDriverDomainStateFunc state_done;
  gpointer user_data;
} AsyncQuery;

static AsyncQuery *
async_query_ref (AsyncQuery *q)
{
  g_atomic_int_inc (&q->ref);
  return q;
}

static void
async_query_unref (AsyncQuery *q)
{
  if (!g_atomic_int_dec_and_test (&q->ref))
    return;
  g_free (q->uuid);
  g_clear_object (&q->cancellable);
  g_free (q);
}

/* The first answer wins: the driver's, or the cancellation. */
static gboolean
async_query_claim (AsyncQuery *q)
{
  return g_atomic_int_compare_and_exchange (&q->answered, FALSE, TRUE);
}

static void
async_query_fail (AsyncQuery   *q,
                  const GError *error)
{
  if (!async_query_claim (q))
    return;
  if (q->info_done != NULL)
    q->info_done (NULL, error, q->user_data);
  else
    q->state_done (GVIR_DRIVER_STATE_NOSTATE, 0, error, q->user_data);
}

static void
async_query_cancelled (GCancellable *cancellable,
                       AsyncQuery   *q)
{
  g_autoptr(GError) error = NULL;

  g_cancellable_set_error_if_cancelled (cancellable, &error);
  async_query_fail (q, error);
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

/* Ends the call in flight and drops the query's hold on the connection.
 * From a driver's own thread (its reader, say) the driver's close() must
 * not run there, since it may wait for that very thread: when this call
 * is the one that lets the driver close, or holds the last reference, the
 * rest happens in a short-lived thread of its own. */
static void
async_query_release (AsyncQuery *q,
                     gboolean    in_driver_thread)
{
  GVirDriverConnection *conn = q->conn;
  gboolean close_pending;

  if (q->cancel_id != 0)
    {
      /* Not g_cancellable_disconnect(): it waits for a running handler,
       * and the thread cancelling may be waiting for this driver thread.
       * The handler's own reference keeps the query alive meanwhile. */
      g_signal_handler_disconnect (q->cancellable, q->cancel_id);
      q->cancel_id = 0;
    }
  q->conn = NULL;
  async_query_unref (q);

  if (!in_driver_thread)
    {
      call_end (conn);
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

static void
async_query_info_answer (const GVirDriverDomainInfo *info,
                         const GError               *error,
                         gpointer                    data)
{
  AsyncQuery *q = data;

  if (async_query_claim (q))
    q->info_done (info, error, q->user_data);
}

static void
async_query_state_answer (int           state,
                          int           reason,
                          const GError *error,
                          gpointer      data)
{
  AsyncQuery *q = data;

  if (async_query_claim (q))
    q->state_done (state, reason, error, q->user_data);
}

/* Runs the blocking slot and answers with its outcome. */
static void
async_query_run_blocking (AsyncQuery *q)
{
  const GVirDriverFuncs *funcs = q->conn->funcs;
  g_autoptr(GError) error = NULL;

  if (q->info_done != NULL)
    {
      GVirDriverDomainInfo info = { 0 };
      gboolean ok = funcs->get_domain_info (q->conn->handle, q->uuid, &info,
                                            q->cancellable, &error);

      async_query_info_answer (ok ? &info : NULL, error, q);
    }
  else
    {
      int state = GVIR_DRIVER_STATE_NOSTATE, reason = 0;
      gboolean ok = funcs->get_domain_state (q->conn->handle, q->uuid, &state, &reason,
                                             q->cancellable, &error);

      async_query_state_answer (ok ? state : GVIR_DRIVER_STATE_NOSTATE, ok ? reason : 0,
                                error, q);
    }
}

static void
async_query_thread (GTask        *task,
                    gpointer      source,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  AsyncQuery *q = task_data;

  async_query_run_blocking (q);
  async_query_release (q, FALSE);
  g_task_return_boolean (task, TRUE);
}

static void
async_query_driver_info_done (const GVirDriverDomainInfo *info,
                              const GError               *error,
                              gpointer                    data)
{
  async_query_info_answer (info, error, data);
  async_query_release (data, TRUE);
}

static void
async_query_driver_state_done (int           state,
                               int           reason,
                               const GError *error,
                               gpointer      data)
{
  async_query_state_answer (state, reason, error, data);
  async_query_release (data, TRUE);
}

/* Starts a query whose callback is already set in @q; takes @q. */
static void
async_query_start (GVirDriverConnection *conn,
                   AsyncQuery           *q,
                   const char           *op,
                   gboolean              has_async_slot,
                   gboolean              has_blocking_slot)
{
  g_autoptr(GError) error = NULL;

  if (!check_arg (q->uuid != NULL, op, "no domain UUID given", &error) ||
      !call_begin (conn, op, has_async_slot || has_blocking_slot, FALSE, q->cancellable, &error))
    {
      async_query_fail (q, error);
      async_query_unref (q);
      return;
    }
  q->conn = gvir_driver_connection_ref (conn);

  if (q->cancellable != NULL)
    q->cancel_id = g_cancellable_connect (q->cancellable, G_CALLBACK (async_query_cancelled),
                                          async_query_ref (q),
                                          (GDestroyNotify) async_query_unref);
  if (g_atomic_int_get (&q->answered))
    {
      /* Cancelled since call_begin(): the driver need not hear of it. */
      async_query_release (q, FALSE);
      return;
    }

  if (has_async_slot && q->info_done != NULL)
    conn->funcs->get_domain_info_async (conn->handle, q->uuid, q->cancellable,
                                        async_query_driver_info_done, q);
  else if (has_async_slot)
    conn->funcs->get_domain_state_async (conn->handle, q->uuid, q->cancellable,
                                         async_query_driver_state_done, q);
  else
    {
      g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);

      g_task_set_source_tag (task, async_query_start);
      g_task_set_task_data (task, q, NULL);
      g_task_run_in_thread (task, async_query_thread);
    }
}

static AsyncQuery *
async_query_new (const char   *uuid,
                 GCancellable *cancellable,
                 gpointer      user_data)
{
  AsyncQuery *q = g_new0 (AsyncQuery, 1);

  q->ref = 1;
  q->uuid = g_strdup (uuid);
  q->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  q->user_data = user_data;
  return q;
}

void
gvir_driver_connection_get_domain_info_async (GVirDriverConnection     *conn,
                                              const char               *uuid,
                                              GCancellable             *cancellable,
                                              GVirDriverDomainInfoFunc  done,
                                              gpointer                  user_data)
{
  AsyncQuery *q;

  g_return_if_fail (conn != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));
  g_return_if_fail (done != NULL);

  q = async_query_new (uuid, cancellable, user_data);
  q->info_done = done;
  async_query_start (conn, q, "get domain info",
                     conn->funcs->get_domain_info_async != NULL,
                     conn->funcs->get_domain_info != NULL);
}

void
gvir_driver_connection_get_domain_state_async (GVirDriverConnection      *conn,
                                               const char                *uuid,
                                               GCancellable              *cancellable,
                                               GVirDriverDomainStateFunc  done,
                                               gpointer                   user_data)
{
  AsyncQuery *q;

  g_return_if_fail (conn != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));
  g_return_if_fail (done != NULL);

  q = async_query_new (uuid, cancellable, user_data);
  q->state_done = done;
  async_query_start (conn, q, "get domain state",
                     conn->funcs->get_domain_state_async != NULL,
                     conn->funcs->get_domain_state != NULL);
}

char *
gvir_driver_connection_get_domain_xml (GVirDriverConnection  *conn,
                                       const char            *uuid,
                                       guint                  flags,
                                       GCancellable          *cancellable,
                                       GError               **error)
{
  const char *op = "get domain XML";
  char *ret;

  g_return_val_if_fail (conn != NULL, NULL);

  if (!check_arg (uuid != NULL, op, "no domain UUID given", error))
    return NULL;
  if (!BEGIN (get_domain_xml, op, FALSE))
    return NULL;
  ret = conn->funcs->get_domain_xml (conn->handle, uuid, flags, cancellable, error);
  call_end (conn);
  return ret;
}

gboolean
gvir_driver_connection_get_numa_parameters (GVirDriverConnection  *conn,
                                            const char            *uuid,
                                            guint                  flags,
                                            int                   *mode,
                                            char                 **nodeset,
                                            GCancellable          *cancellable,
                                            GError               **error)
{
  const char *op = "get NUMA parameters";
  int dummy_mode;
  g_autofree char *set = NULL;
  gboolean ret;

  g_return_val_if_fail (conn != NULL, FALSE);

  if (!check_arg (uuid != NULL, op, "no domain UUID given", error))
    return FALSE;
  if (!BEGIN (get_numa_parameters, op, FALSE))
    return FALSE;
  ret = conn->funcs->get_numa_parameters (conn->handle, uuid, flags,
                                          mode ? mode : &dummy_mode, &set,
                                          cancellable, error);
  call_end (conn);

  if (ret && nodeset != NULL)
    *nodeset = g_steal_pointer (&set);
  return ret;
}

gboolean
gvir_driver_connection_set_numa_parameters (GVirDriverConnection  *conn,
                                            const char            *uuid,
                                            int                    mode,
                                            const char            *nodeset,
                                            guint                  flags,
                                            GCancellable          *cancellable,
                                            GError               **error)
{
  const char *op = "set NUMA parameters";
  gboolean ret;

  g_return_val_if_fail (conn != NULL, FALSE);

  if (!check_arg (uuid != NULL, op, "no domain UUID given", error) ||
      !check_arg (mode >= -1 && mode <= 3, op,
                  "the NUMA mode must be 0 (strict), 1 (preferred), 2 (interleave), "
                  "3 (restrictive) or -1 (unchanged)", error))
    return FALSE;
  if (!BEGIN (set_numa_parameters, op, TRUE))
    return FALSE;
  ret = conn->funcs->set_numa_parameters (conn->handle, uuid, mode, nodeset, flags,
                                          cancellable, error);
  call_end (conn);
  return ret;
}
