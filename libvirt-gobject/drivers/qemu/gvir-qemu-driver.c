/*
 * gvir-qemu-driver.c: the QEMU driver (qemu:///embed?root=DIR)
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * The calls of the driver's tables; the state they work on, its locks and
 * its domains are in gvir-qemu-state.c.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "libvirt-gobject/libvirt-gobject-error.h"
#include "gvir-qemu-balloon-private.h"
#include "gvir-qemu-driver-private.h"
#include "gvir-qemu-events-private.h"
#include "gvir-qemu-files-private.h"
#include "gvir-qemu-host-private.h"
#include "gvir-qemu-save-private.h"
#include "gvir-qemu-placement-private.h"
#include "gvir-qemu-state-private.h"
#include "gvir-qmp-private.h"
#include "../gvir-driver-xml-private.h"

/* ---- open / close ---------------------------------------------------------------- */

static gboolean
is_daemon_path (const GVirDriverUri *uri)
{
  return g_str_equal (uri->path, "/session") || g_str_equal (uri->path, "/system");
}

static gboolean
qemu_accepts (const GVirDriverUri *uri)
{
  if (!g_str_equal (uri->driver, "qemu") || uri->transport != NULL || uri->host != NULL)
    return FALSE;
  /* Only a daemon runs them; elsewhere they go to a daemon's socket. */
  if (is_daemon_path (uri))
    return gvir_driver_is_daemon_mode ();
  return g_str_equal (uri->path, "/embed");
}

/* The state root named by @uri: the embed folder, or a daemon mode. */
static const char *
root_of_uri (const GVirDriverUri  *uri,
             GError              **error)
{
  const char *root = gvir_driver_uri_get_param (uri, "root");

  if (g_str_equal (uri->path, "/session"))
    return GVIR_QEMU_ROOT_SESSION;
  if (g_str_equal (uri->path, "/system"))
    return GVIR_QEMU_ROOT_SYSTEM;
  if (root == NULL || !g_path_is_absolute (root))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_URI,
                   "QEMU driver URI '%s' has no absolute root: use "
                   "qemu:///embed?root=/absolute/path", uri->original);
      return NULL;
    }
  return root;
}

static void autostart_domains (GVirQemuState *state);

static gpointer
qemu_open (GVirDriverConnection  *conn,
           GCancellable          *cancellable,
           GError               **error)
{
  const GVirDriverUri *uri = gvir_driver_connection_get_uri (conn);
  const char *root = root_of_uri (uri, error);
  GVirQemuHandle *handle;
  GVirQemuState *state;

  if (root == NULL)
    return NULL;
  state = gvir_qemu_state_get (root, error);
  if (state == NULL)
    return NULL;
  handle = g_new0 (GVirQemuHandle, 1);
  handle->state = state;
  handle->conn = conn;
  /* The first connection since the state folder was emptied waits for the
   * autostart domains, as libvirt's clients wait for its driver to load;
   * the starts come before it, so it gets no event of them. */
  autostart_domains (state);
  g_mutex_lock (&state->mutex);
  g_ptr_array_add (state->conns, conn);
  g_mutex_unlock (&state->mutex);
  return handle;
}

static void
qemu_close (gpointer data)
{
  GVirQemuHandle *handle = data;

  g_mutex_lock (&handle->state->mutex);
  g_ptr_array_remove_fast (handle->state->conns, handle->conn);
  g_mutex_unlock (&handle->state->mutex);
  gvir_qemu_state_unref (handle->state);
  g_free (handle);
}

static char *
qemu_get_type (gpointer handle, GCancellable *cancellable, GError **error)
{
  return g_strdup ("QEMU");
}

static GVirIdSet *
qemu_get_host_nodes (gpointer       data,
                     GCancellable  *cancellable,
                     GError       **error)
{
  return gvir_id_set_copy (((GVirQemuHandle *) data)->state->host_nodes);
}

/* ---- lookups ----------------------------------------------------------------------- */

static GPtrArray *
qemu_list_domains (gpointer       data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  GVirQemuState *state = GVIR_QEMU_HANDLE_STATE (data);
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) gvir_driver_domain_free);
  g_autoptr(GPtrArray) entries = NULL;
  guint i;

  g_mutex_lock (&state->mutex);
  entries = gvir_domain_list_entries (state->domains);
  for (i = 0; i < entries->len; i++)
    g_ptr_array_add (out,
                     gvir_qemu_domain_describe (((GVirDomainListEntry *) entries->pdata[i])->data));
  g_mutex_unlock (&state->mutex);
  return out;
}

static GVirDriverDomain *
describe_found (GVirQemuState       *state,
                GVirDomainListEntry *entry)
{
  GVirDriverDomain *d = entry != NULL ? gvir_qemu_domain_describe (entry->data) : NULL;

  g_mutex_unlock (&state->mutex);
  return d;
}

static GVirDriverDomain *
qemu_lookup_domain_by_uuid (gpointer data, const char *uuid, GCancellable *c, GError **error)
{
  GVirQemuState *state = GVIR_QEMU_HANDLE_STATE (data);

  g_mutex_lock (&state->mutex);
  return describe_found (state, gvir_domain_list_get_uuid (state->domains, uuid, error));
}

static GVirDriverDomain *
qemu_lookup_domain_by_name (gpointer data, const char *name, GCancellable *c, GError **error)
{
  GVirQemuState *state = GVIR_QEMU_HANDLE_STATE (data);

  g_mutex_lock (&state->mutex);
  return describe_found (state, gvir_domain_list_get_name (state->domains, name, error));
}

static GVirDriverDomain *
qemu_lookup_domain_by_id (gpointer data, int id, GCancellable *c, GError **error)
{
  GVirQemuState *state = GVIR_QEMU_HANDLE_STATE (data);

  g_mutex_lock (&state->mutex);
  return describe_found (state, gvir_domain_list_get_id (state->domains, id, error));
}

/* ---- definitions ------------------------------------------------------------------- */

static GVirDriverDomain *
qemu_define_domain (gpointer       data,
                    const char    *xml,
                    guint          flags,
                    GCancellable  *cancellable,
                    GError       **error)
{
  GVirQemuState *state = GVIR_QEMU_HANDLE_STATE (data);
  g_autoptr(GVirDriverEvents) events = gvir_driver_events_new ();
  g_autoptr(GVirConfigDomain) def = gvir_qemu_parse_definition (xml, error);
  GVirDomainListEntry *existing = NULL;
  GVirDriverDomain *ret = NULL;
  GVirQemuDomain *dom;

  if (def == NULL)
    return NULL;
  g_mutex_lock (&state->mutex);
  if (gvir_domain_list_check_identity (state->domains, gvir_config_domain_get_name (def),
                                       gvir_config_domain_get_uuid (def), &existing, error) &&
      gvir_qemu_state_write_definition (state, def, error))
    {
      int detail = existing != NULL ? GVIR_DRIVER_DEFINED_UPDATED : GVIR_DRIVER_DEFINED_ADDED;

      if (existing == NULL)
        dom = gvir_qemu_state_add_domain (state, def, TRUE);
      else
        {
          /* A running domain takes the new definition at its next start. */
          dom = existing->data;
          g_set_object (&dom->def, def);
        }
      gvir_driver_events_add (events, gvir_qemu_domain_describe (dom), GVIR_DRIVER_EVENT_DEFINED,
                              detail);
      ret = gvir_qemu_domain_describe (dom);
    }
  g_mutex_unlock (&state->mutex);
  gvir_qemu_state_emit (state, events);
  return ret;
}

static gboolean
qemu_undefine_domain (gpointer       data,
                      const char    *uuid,
                      guint          flags,
                      GCancellable  *cancellable,
                      GError       **error)
{
  GVirQemuState *state = GVIR_QEMU_HANDLE_STATE (data);
  g_autoptr(GVirDriverEvents) events = gvir_driver_events_new ();
  g_autoptr(GVirQemuDomain) dom = gvir_qemu_state_find (state, uuid, error);
  gboolean ok = FALSE;

  if (dom == NULL)
    return FALSE;
  g_mutex_lock (&dom->job);
  g_mutex_lock (&state->mutex);
  if (dom->entry == NULL)
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND, "no domain with UUID '%s'", uuid);
  else if (dom->def == NULL)
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID,
                 "cannot undefine transient domain '%s'", dom->entry->name);
  else if (gvir_qemu_save_check_undefine (state, dom->entry->name, flags, error))
    {
      g_autofree char *path = gvir_qemu_paths_config_file (state->paths, dom->entry->name);
      g_autofree char *link = gvir_qemu_paths_autostart_link (state->paths, dom->entry->name);

      /* The mark goes first: a later domain of the same name must not
       * inherit it. */
      if (!gvir_qemu_autostart_link_set (link, path, FALSE, error))
        ;
      else if (g_unlink (path) < 0 && errno != ENOENT)
        g_set_error (error, GVIR_ERROR, GVIR_ERROR_FAILED, "cannot remove '%s': %s", path,
                     g_strerror (errno));
      else
        {
          g_clear_object (&dom->def);
          gvir_driver_events_add (events, gvir_qemu_domain_describe (dom),
                                  GVIR_DRIVER_EVENT_UNDEFINED, GVIR_DRIVER_UNDEFINED_REMOVED);
          if (!gvir_qemu_domain_is_active (dom))
            gvir_domain_list_remove (state->domains, dom->entry);
          ok = TRUE;
        }
    }
  g_mutex_unlock (&state->mutex);
  g_mutex_unlock (&dom->job);
  gvir_qemu_state_emit (state, events);
  return ok;
}

/* ---- start ------------------------------------------------------------------------------ */

/* Starts the inactive persistent domain @dom (from its managed save when
 * it has one). */
static gboolean
start_persistent_domain (GVirQemuState   *state,
                         GVirQemuDomain  *dom,
                         const char      *uuid,
                         guint            flags,
                         GCancellable    *cancellable,
                         GError         **error)
{
  g_autoptr(GVirConfigDomain) def = NULL;
  gboolean ok = FALSE;

  g_mutex_lock (&dom->job);
  g_mutex_lock (&state->mutex);
  if (gvir_qemu_domain_check_inactive (dom, uuid, error))
    def = g_object_ref (dom->def);
  g_mutex_unlock (&state->mutex);
  if (def != NULL && gvir_qemu_has_managed_save (state, gvir_config_domain_get_name (def)))
    ok = gvir_qemu_start_managed_save (state, dom, flags, cancellable, error);
  else if (def != NULL)
    ok = gvir_qemu_domain_start (state, dom, def, flags, cancellable, error);
  g_mutex_unlock (&dom->job);
  return ok;
}

static gboolean
qemu_start_domain (gpointer       data,
                   const char    *uuid,
                   guint          flags,
                   GCancellable  *cancellable,
                   GError       **error)
{
  GVirQemuState *state = GVIR_QEMU_HANDLE_STATE (data);
  g_autoptr(GVirQemuDomain) dom = gvir_qemu_state_find (state, uuid, error);

  return dom != NULL && start_persistent_domain (state, dom, uuid, flags, cancellable, error);
}

/* ---- autostart, once per boot ------------------------------------------------------ */

/* libvirt's rule: the domains marked autostart start when the driver
 * first loads after the state folder was emptied (it lives in /run, or
 * in $XDG_RUNTIME_DIR for a session: once per boot or login), never on a
 * later load, so a restarted daemon does not start what the user has shut
 * down since. A file in the state folder records that it was done. TRUE
 * for the one caller that creates it. */
static gboolean
claim_autostart (GVirQemuState *state)
{
  g_autofree char *marker = g_build_filename (state->paths->state_dir, "autostarted", NULL);
  int fd = open (marker, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      if (errno != EEXIST)
        g_message ("cannot create '%s' (no autostart): %s", marker, g_strerror (errno));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

/* The persistent, inactive domains marked autostart, referenced. */
static GPtrArray *
domains_to_autostart (GVirQemuState *state)
{
  GPtrArray *doms = g_ptr_array_new_with_free_func ((GDestroyNotify) gvir_qemu_domain_unref);
  g_autoptr(GPtrArray) entries = NULL;
  guint i;

  g_mutex_lock (&state->mutex);
  entries = gvir_domain_list_entries (state->domains);
  for (i = 0; i < entries->len; i++)
    {
      GVirDomainListEntry *entry = entries->pdata[i];
      GVirQemuDomain *dom = entry->data;
      g_autofree char *link = gvir_qemu_paths_autostart_link (state->paths, entry->name);

      if (dom->def != NULL && !gvir_qemu_domain_is_active (dom) &&
          gvir_qemu_autostart_link_exists (link))
        g_ptr_array_add (doms, gvir_qemu_domain_ref (dom));
    }
  g_mutex_unlock (&state->mutex);
  return doms;
}

/* Starts each domain marked autostart, as libvirt does when its driver
 * loads; one that fails is reported and the others still start. */
static void
autostart_domains (GVirQemuState *state)
{
  g_autoptr(GPtrArray) doms = NULL;
  guint i;

  if (!claim_autostart (state))
    return;
  doms = domains_to_autostart (state);
  for (i = 0; i < doms->len; i++)
    {
      GVirQemuDomain *dom = doms->pdata[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *name = NULL;
      char uuid[GVIR_UUID_STRING_SIZE] = "";

      g_mutex_lock (&state->mutex);
      if (dom->entry != NULL)
        {
          g_strlcpy (uuid, dom->entry->uuid, sizeof uuid);
          name = g_strdup (dom->entry->name);
        }
      g_mutex_unlock (&state->mutex);
      /* Undefined since the list was taken: nothing to start. */
      if (name == NULL)
        continue;
      if (!start_persistent_domain (state, dom, uuid, 0, NULL, &error))
        g_message ("cannot autostart domain '%s': %s", name, error->message);
    }
}

static GVirDriverDomain *
qemu_create_domain (gpointer       data,
                    const char    *xml,
                    guint          flags,
                    GCancellable  *cancellable,
                    GError       **error)
{
  GVirQemuState *state = GVIR_QEMU_HANDLE_STATE (data);
  g_autoptr(GVirConfigDomain) def = gvir_qemu_parse_definition (xml, error);
  g_autoptr(GVirQemuDomain) dom = NULL;
  GVirDomainListEntry *existing = NULL;
  GVirDriverDomain *ret = NULL;
  gboolean added = FALSE;

  if (def == NULL)
    return NULL;
  g_mutex_lock (&state->mutex);
  if (gvir_domain_list_check_identity (state->domains, gvir_config_domain_get_name (def),
                                       gvir_config_domain_get_uuid (def), &existing, error))
    {
      added = existing == NULL;
      dom = gvir_qemu_domain_ref (added ? gvir_qemu_state_add_domain (state, def,
                                                                      FALSE) : existing->data);
    }
  g_mutex_unlock (&state->mutex);
  if (dom == NULL)
    return NULL;

  g_mutex_lock (&dom->job);
  g_mutex_lock (&state->mutex);
  if (!gvir_qemu_domain_check_inactive (dom, gvir_config_domain_get_uuid (def), error))
    g_clear_pointer (&def, g_object_unref);
  g_mutex_unlock (&state->mutex);
  if (def != NULL && gvir_qemu_domain_start (state, dom, def, flags, cancellable, error))
    {
      g_mutex_lock (&state->mutex);
      ret = dom->entry != NULL ? gvir_qemu_domain_describe (dom) : NULL;
      g_mutex_unlock (&state->mutex);
    }
  else if (added)
    {
      g_mutex_lock (&state->mutex);
      if (dom->entry != NULL && !gvir_qemu_domain_is_active (dom))
        gvir_domain_list_remove (state->domains, dom->entry);
      g_mutex_unlock (&state->mutex);
    }
  g_mutex_unlock (&dom->job);
  if (ret == NULL && error != NULL && *error == NULL)
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND, "the domain stopped while starting");
  return ret;
}

/* ---- running domains --------------------------------------------------------------- */

static gboolean
qemu_destroy_domain (gpointer       data,
                     const char    *uuid,
                     guint          flags,
                     GCancellable  *cancellable,
                     GError       **error)
{
  GVirQemuState *state = GVIR_QEMU_HANDLE_STATE (data);
  GVirQemuDomain *dom = gvir_qemu_job_begin_active (state, uuid, error);
  gboolean ok;

  if (dom == NULL)
    return FALSE;
  ok = gvir_qemu_domain_kill (state, dom, GVIR_DRIVER_SHUTOFF_DESTROYED,
                              GVIR_DRIVER_STOPPED_DESTROYED, error);
  gvir_qemu_job_end (dom);
  return ok;
}

/* Runs monitor command @command on a running domain in @from_state, then
 * makes sure the state is @to_state (the monitor's event normally did
 * that already, and then nothing is reported twice). A domain already in
 * @to_state is an error (@wrong_state says why) unless @wrong_state is
 * NULL: then there is nothing to do, and no event. */
static gboolean
run_state_command (GVirQemuState  *state,
                   const char     *uuid,
                   const char     *command,
                   int             from_state,
                   const char     *wrong_state,
                   int             to_state,
                   int             reason,
                   int             event,
                   int             detail,
                   GError        **error)
{
  g_autoptr(GVirDriverEvents) events = gvir_driver_events_new ();
  GVirQemuDomain *dom = gvir_qemu_job_begin_active (state, uuid, error);
  gboolean ok;

  if (dom == NULL)
    return FALSE;
  g_mutex_lock (&state->mutex);
  if (wrong_state == NULL && dom->state_now == to_state)
    {
      g_mutex_unlock (&state->mutex);
      gvir_qemu_job_end (dom);
      return TRUE;
    }
  ok = dom->state_now == from_state;
  if (!ok)
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID, "domain '%s' is %s",
                 dom->entry->name, wrong_state != NULL ? wrong_state : "not running");
  g_mutex_unlock (&state->mutex);
  if (ok)
    ok = gvir_qemu_process_command (dom->proc, command, NULL, NULL, NULL, error);
  if (ok)
    {
      g_mutex_lock (&state->mutex);
      gvir_qemu_domain_set_state (dom, to_state, reason, event, detail, events);
      g_mutex_unlock (&state->mutex);
    }
  gvir_qemu_state_emit (state, events);
  gvir_qemu_job_end (dom);
  return ok;
}

/* Like libvirt's QEMU driver, suspending a paused domain succeeds and
 * changes nothing (its test driver refuses it; ours follows each). */
static gboolean
qemu_suspend_domain (gpointer data, const char *uuid, GCancellable *c, GError **error)
{
  return run_state_command (GVIR_QEMU_HANDLE_STATE (data), uuid, "stop", GVIR_DRIVER_STATE_RUNNING,
                            NULL, GVIR_DRIVER_STATE_PAUSED, GVIR_DRIVER_PAUSED_USER,
                            GVIR_DRIVER_EVENT_SUSPENDED, GVIR_DRIVER_SUSPENDED_PAUSED, error);
}

static gboolean
qemu_resume_domain (gpointer data, const char *uuid, GCancellable *c, GError **error)
{
  return run_state_command (GVIR_QEMU_HANDLE_STATE (data), uuid, "cont", GVIR_DRIVER_STATE_PAUSED,
                            "already running", GVIR_DRIVER_STATE_RUNNING, GVIR_DRIVER_RUNNING_UNPAUSED,
                            GVIR_DRIVER_EVENT_RESUMED, GVIR_DRIVER_RESUMED_UNPAUSED, error);
}

/* An ACPI power button press: the guest decides whether and when to stop. */
static gboolean
qemu_shutdown_domain (gpointer       data,
                      const char    *uuid,
                      guint          flags,
                      GCancellable  *cancellable,
                      GError       **error)
{
  GVirQemuDomain *dom = gvir_qemu_job_begin_active (GVIR_QEMU_HANDLE_STATE (data), uuid, error);
  gboolean ok;

  if (dom == NULL)
    return FALSE;
  g_mutex_lock (&dom->state->mutex);
  gvir_qemu_events_forget_reboot (dom);
  g_mutex_unlock (&dom->state->mutex);
  ok = gvir_qemu_process_command (dom->proc, "system_powerdown", NULL, NULL, cancellable, error);
  gvir_qemu_job_end (dom);
  return ok;
}

/* ---- queries --------------------------------------------------------------------------- */

static gboolean
qemu_get_domain_info (gpointer               data,
                      const char            *uuid,
                      GVirDriverDomainInfo  *info,
                      GCancellable          *cancellable,
                      GError               **error)
{
  GVirQemuState *state = GVIR_QEMU_HANDLE_STATE (data);
  g_autoptr(GVirQemuDomain) dom = gvir_qemu_state_find (state, uuid, error);
  GVirConfigDomain *def;
  guint64 current;

  if (dom == NULL)
    return FALSE;
  g_mutex_lock (&state->mutex);
  def = dom->live != NULL ? dom->live : dom->def;
  info->state = dom->state_now;
  info->max_mem_kib = gvir_config_domain_get_memory (def);
  current = gvir_config_domain_get_current_memory (def);
  info->memory_kib = current != 0 ? current : info->max_mem_kib;
  info->nr_virt_cpu = gvir_config_domain_get_vcpus (def);
  info->cpu_time_ns = dom->proc != NULL ? gvir_qemu_process_get_cpu_time_ns (dom->proc) : 0;
  g_mutex_unlock (&state->mutex);
  return TRUE;
}

static gboolean
qemu_get_domain_state (gpointer       data,
                       const char    *uuid,
                       int           *state_out,
                       int           *reason,
                       GCancellable  *cancellable,
                       GError       **error)
{
  GVirQemuState *state = GVIR_QEMU_HANDLE_STATE (data);
  g_autoptr(GVirQemuDomain) dom = gvir_qemu_state_find (state, uuid, error);

  if (dom == NULL)
    return FALSE;
  g_mutex_lock (&state->mutex);
  *state_out = dom->state_now;
  *reason = dom->reason;
  g_mutex_unlock (&state->mutex);
  return TRUE;
}

static char *
qemu_get_domain_xml (gpointer       data,
                     const char    *uuid,
                     guint          flags,
                     GCancellable  *cancellable,
                     GError       **error)
{
  GVirQemuState *state = GVIR_QEMU_HANDLE_STATE (data);
  g_autoptr(GVirQemuDomain) dom = gvir_qemu_state_find (state, uuid, error);
  GVirConfigDomain *def;
  char *xml;

  if (dom == NULL)
    return NULL;
  g_mutex_lock (&state->mutex);
  if ((flags & GVIR_DRIVER_XML_INACTIVE) && dom->def != NULL)
    def = dom->def;
  else
    def = dom->live != NULL ? dom->live : dom->def;
  xml = gvir_driver_xml_format_object (GVIR_CONFIG_OBJECT (def));
  g_mutex_unlock (&state->mutex);
  return xml;
}

/* ---- autostart: a link in the autostart folder, read on every call ---------------- */

static gboolean
qemu_get_domain_autostart (gpointer       data,
                           const char    *uuid,
                           gboolean      *autostart,
                           GCancellable  *cancellable,
                           GError       **error)
{
  GVirQemuState *state = GVIR_QEMU_HANDLE_STATE (data);
  g_autoptr(GVirQemuDomain) dom = gvir_qemu_state_find (state, uuid, error);
  g_autofree char *link = NULL;

  if (dom == NULL)
    return FALSE;
  g_mutex_lock (&state->mutex);
  /* A transient domain never has the mark, whatever a stale link says. */
  if (dom->entry != NULL && dom->def != NULL)
    link = gvir_qemu_paths_autostart_link (state->paths, dom->entry->name);
  g_mutex_unlock (&state->mutex);
  *autostart = link != NULL && gvir_qemu_autostart_link_exists (link);
  return TRUE;
}

static gboolean
qemu_set_domain_autostart (gpointer       data,
                           const char    *uuid,
                           gboolean       autostart,
                           GCancellable  *cancellable,
                           GError       **error)
{
  GVirQemuState *state = GVIR_QEMU_HANDLE_STATE (data);
  g_autoptr(GVirQemuDomain) dom = gvir_qemu_state_find (state, uuid, error);
  gboolean ok = FALSE;

  if (dom == NULL)
    return FALSE;
  /* The job keeps an undefine from racing the link's creation. */
  g_mutex_lock (&dom->job);
  g_mutex_lock (&state->mutex);
  if (dom->entry == NULL)
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND, "no domain with UUID '%s'", uuid);
  else if (dom->def == NULL)
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID,
                 "cannot set autostart for transient domain");
  else
    {
      g_autofree char *path = gvir_qemu_paths_config_file (state->paths, dom->entry->name);
      g_autofree char *link = gvir_qemu_paths_autostart_link (state->paths, dom->entry->name);

      ok = gvir_qemu_autostart_link_set (link, path, autostart, error);
    }
  g_mutex_unlock (&state->mutex);
  g_mutex_unlock (&dom->job);
  return ok;
}

/* ---- save and restore (gvir-qemu-save.c) ------------------------------------------ */

static gboolean
qemu_managed_save_domain (gpointer data, const char *uuid, guint flags, GCancellable *c,
                          GError **error)
{
  return gvir_qemu_managed_save_domain (GVIR_QEMU_HANDLE_STATE (data), uuid, flags, c, error);
}

static gboolean
qemu_save_domain_to_file (gpointer data, const char *uuid, const char *path,
                          const char *custom_xml, guint flags, GCancellable *c, GError **error)
{
  return gvir_qemu_save_domain (GVIR_QEMU_HANDLE_STATE (data), uuid, path, custom_xml, flags, c,
                                error);
}

static GVirDriverDomain *
qemu_restore_domain_from_file (gpointer data, const char *path, const char *custom_xml,
                               guint flags, GCancellable *c, GError **error)
{
  return gvir_qemu_restore_domain (GVIR_QEMU_HANDLE_STATE (data), path, custom_xml, flags, c,
                                   error);
}

static char *
qemu_get_save_image_xml (gpointer data, const char *path, guint flags, GCancellable *c,
                         GError **error)
{
  return gvir_qemu_save_image_get_xml (path, error);
}

static gboolean
qemu_define_save_image_xml (gpointer data, const char *path, const char *xml, guint flags,
                            GCancellable *c, GError **error)
{
  return gvir_qemu_save_image_define_xml (path, xml, flags, error);
}

/* ---- the tables ------------------------------------------------------------------------- */

static const GVirDriverDomainFuncs qemu_domain_funcs = {
  .list_domains = qemu_list_domains,
  .lookup_domain_by_uuid = qemu_lookup_domain_by_uuid,
  .lookup_domain_by_name = qemu_lookup_domain_by_name,
  .lookup_domain_by_id = qemu_lookup_domain_by_id,
  .define_domain = qemu_define_domain,
  .undefine_domain = qemu_undefine_domain,
  .create_domain = qemu_create_domain,
  .start_domain = qemu_start_domain,
  .destroy_domain = qemu_destroy_domain,
  .shutdown_domain = qemu_shutdown_domain,
  .reboot_domain = gvir_qemu_events_reboot_domain,
  .suspend_domain = qemu_suspend_domain,
  .resume_domain = qemu_resume_domain,
  .managed_save_domain = qemu_managed_save_domain,
  .save_domain_to_file = qemu_save_domain_to_file,
  .restore_domain_from_file = qemu_restore_domain_from_file,
  .get_save_image_xml = qemu_get_save_image_xml,
  .define_save_image_xml = qemu_define_save_image_xml,
  .get_domain_info = qemu_get_domain_info,
  .get_domain_state = qemu_get_domain_state,
  .get_domain_xml = qemu_get_domain_xml,
  .get_domain_autostart = qemu_get_domain_autostart,
  .set_domain_autostart = qemu_set_domain_autostart,
  .get_numa_parameters = gvir_qemu_get_numa_parameters,
  .set_numa_parameters = gvir_qemu_set_numa_parameters,
  .set_memory = gvir_qemu_set_memory,
  .get_memory_stats = gvir_qemu_get_memory_stats,
};

const GVirDriver gvir_qemu_driver = {
  .name = "qemu",
  .accepts = qemu_accepts,
  /* QEMU runs as the daemon's user, unconfined. */
  .security_model = "none",
  .open = qemu_open,
  .close = qemu_close,
  .get_type = qemu_get_type,
  .get_version = gvir_qemu_host_get_version,
  .get_hostname = gvir_qemu_host_get_hostname,
  .get_node_info = gvir_qemu_host_get_node_info,
  .get_capabilities = gvir_qemu_host_get_capabilities,
  .get_domain_capabilities = gvir_qemu_host_get_domain_capabilities,
  .get_cells_free_memory = gvir_qemu_host_get_cells_free_memory,
  .get_host_nodes = qemu_get_host_nodes,
  .domain = &qemu_domain_funcs,
};
