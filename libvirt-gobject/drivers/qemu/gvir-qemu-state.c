/*
 * gvir-qemu-state.c: the QEMU driver's state of a root: domains, events,
 *   monitor callbacks, reconnect at open, start
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "libvirt-gobject/libvirt-gobject-error.h"
#include "libvirt-gobject/util/gvir-numa-private.h"
#include "gvir-qemu-balloon-private.h"
#include "gvir-qemu-events-private.h"
#include "gvir-qemu-files-private.h"
#include "gvir-qemu-save-private.h"
#include "gvir-qemu-placement-private.h"
#include "gvir-qemu-state-private.h"
#include "libvirt-gconfig/libvirt-gconfig-object-private.h"
#include "gvir-qemu-status-private.h"
#include "gvir-qmp-private.h"

/* ---- domains ------------------------------------------------------------------- */

GVirQemuDomain *
gvir_qemu_domain_ref (GVirQemuDomain *dom)
{
  g_atomic_int_inc (&dom->refs);
  return dom;
}

void
gvir_qemu_domain_unref (GVirQemuDomain *dom)
{
  if (!g_atomic_int_dec_and_test (&dom->refs))
    return;
  g_clear_object (&dom->def);
  g_clear_object (&dom->live);
  g_mutex_clear (&dom->job);
  g_free (dom);
}

gboolean
gvir_qemu_domain_is_active (const GVirQemuDomain *dom)
{
  return dom->entry != NULL && dom->entry->id > 0;
}

static GVirDriverDomain *
dom_describe (const GVirQemuDomain *dom,
              const char           *name,
              const char           *uuid,
              int                   id)
{
  GVirDriverDomain *d = g_new0 (GVirDriverDomain, 1);

  d->name = g_strdup (name);
  d->uuid = g_strdup (uuid);
  d->id = id;
  d->persistent = dom->def != NULL;
  d->state = dom->state_now;
  d->reason = dom->reason;
  d->has_managed_save = dom->def != NULL && gvir_qemu_has_managed_save (dom->state, name);
  return d;
}

GVirDriverDomain *
gvir_qemu_domain_describe (const GVirQemuDomain *dom)
{
  return dom_describe (dom, dom->entry->name, dom->entry->uuid, dom->entry->id);
}

/* ---- events -------------------------------------------------------------------- */

/* Delivers @events to every connection to @state, without the state lock. */
void
gvir_qemu_state_emit (GVirQemuState    *state,
                      GVirDriverEvents *events)
{
  gvir_driver_events_emit (events, &state->mutex, state->conns, NULL);
}

/* ---- the state of a root -------------------------------------------------------------- */

static GMutex roots_lock;
static GHashTable *roots;       /* root path -> GVirQemuState */

static void
state_free (GVirQemuState *state)
{
  gvir_domain_list_free (state->domains);
  g_ptr_array_unref (state->conns);
  g_hash_table_unref (state->caps);
  g_clear_pointer (&state->host_nodes, gvir_id_set_free);
  g_clear_pointer (&state->lock, gvir_qemu_root_lock_release);
  gvir_qemu_paths_free (state->paths);
  g_mutex_clear (&state->mutex);
  g_free (state->root);
  g_free (state);
}

static GVirQemuDomain *
dom_new (GVirQemuState    *state,
         GVirConfigDomain *def)
{
  GVirQemuDomain *dom = g_new0 (GVirQemuDomain, 1);

  dom->refs = 1;
  g_mutex_init (&dom->job);
  dom->state = state;
  dom->def = def != NULL ? g_object_ref (def) : NULL;
  dom->state_now = GVIR_DRIVER_STATE_SHUTOFF;
  dom->reason = GVIR_DRIVER_SHUTOFF_UNKNOWN;
  return dom;
}

/* A new inactive domain in the list (which holds it). @def is the
 * persistent definition when @persistent, else the one it will run with. */
GVirQemuDomain *
gvir_qemu_state_add_domain (GVirQemuState    *state,
                            GVirConfigDomain *def,
                            gboolean          persistent)
{
  GVirQemuDomain *dom = dom_new (state, persistent ? def : NULL);

  dom->entry = gvir_domain_list_add (state->domains, gvir_config_domain_get_name (def),
                                     gvir_config_domain_get_uuid (def), dom);
  return dom;
}

static void
dom_detach (gpointer data)
{
  GVirQemuDomain *dom = data;

  dom->entry = NULL;
  gvir_qemu_domain_unref (dom);
}

/* Parses @xml with libvirt-gconfig and checks what the driver needs of
 * every definition: a usable name and a UUID (one is made when missing). */
GVirConfigDomain *
gvir_qemu_parse_definition (const char  *xml,
                            GError     **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(GVirConfigDomain) def = gvir_config_domain_new_from_xml (xml, &local);
  char uuid[GVIR_UUID_STRING_SIZE];
  const char *text;

  if (def == NULL)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML, "invalid domain XML: %s", local->message);
      return NULL;
    }
  if (!gvir_qemu_check_domain_name (gvir_config_domain_get_name (def), error))
    return NULL;
  text = gvir_config_domain_get_uuid (def);
  if (text == NULL)
    gvir_uuid_generate (uuid);
  else if (!gvir_uuid_canonicalize (text, uuid))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML, "invalid domain UUID '%s'", text);
      return NULL;
    }
  gvir_config_domain_set_uuid (def, uuid);
  return g_steal_pointer (&def);
}

/* Loads the persistent definitions; a broken one is reported and skipped,
 * so that one bad file does not hide the other domains. */
static void
state_load_definitions (GVirQemuState *state)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) stored = gvir_qemu_read_definitions (state->paths->config_dir, problems);
  guint i;

  for (i = 0; i < stored->len; i++)
    {
      GVirQemuStoredDefinition *sd = stored->pdata[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(GVirConfigDomain) def = gvir_qemu_parse_definition (sd->xml, &error);
      GVirDomainListEntry *existing = NULL;
      const char *name;

      if (def == NULL)
        {
          g_warning ("ignoring the definition '%s' of root '%s': %s", sd->name, state->root,
                     error->message);
          continue;
        }
      name = gvir_config_domain_get_name (def);
      if (!g_str_equal (name, sd->name))
        {
          g_warning ("ignoring the definition '%s.xml' of root '%s': it defines domain '%s'",
                     sd->name, state->root, name);
          continue;
        }
      if (!gvir_domain_list_check_identity (state->domains, name, gvir_config_domain_get_uuid (def),
                                            &existing, &error) || existing != NULL)
        {
          g_warning ("ignoring the definition '%s' of root '%s': %s", sd->name, state->root,
                     error != NULL ? error->message : "defined twice");
          continue;
        }
      gvir_qemu_state_add_domain (state, def, TRUE);
    }
  for (i = 0; i < problems->len; i++)
    g_warning ("root '%s': %s", state->root, (const char *) problems->pdata[i]);
}

/* The layout of @root: a folder (embed) or one of the daemon's modes. */
static GVirQemuPaths *
paths_for_root (const char  *root,
                GError     **error)
{
  if (g_str_equal (root, GVIR_QEMU_ROOT_SESSION))
    return gvir_qemu_paths_new_session ();
  if (g_str_equal (root, GVIR_QEMU_ROOT_SYSTEM))
    return gvir_qemu_paths_new_system ();
  return gvir_qemu_paths_new_embed (root, error);
}

static GVirQemuState *
state_new (const char  *root,
           GError     **error)
{
  g_autoptr(GVirQemuPaths) paths = paths_for_root (root, error);
  g_autofree char *what = NULL;
  GVirQemuState *state;

  if (paths == NULL || !gvir_qemu_paths_create (paths, error))
    return NULL;
  what = g_strdup_printf ("the QEMU driver's root '%s'", root);
  state = g_new0 (GVirQemuState, 1);
  state->lock = gvir_qemu_root_lock_acquire (paths->state_dir, what, error);
  if (state->lock == NULL)
    {
      g_free (state);
      return NULL;
    }
  state->refs = 1;
  state->root = g_strdup (root);
  state->paths = g_steal_pointer (&paths);
  g_mutex_init (&state->mutex);
  state->domains = gvir_domain_list_new (dom_detach);
  state->conns = g_ptr_array_new ();
  state->host_nodes = gvir_numa_get_host_nodes ();
  state->caps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) gvir_qemu_caps_free);
  state_load_definitions (state);
  return state;
}

/* ---- state changes -------------------------------------------------------------------- */

/* Rewrites the status file of running @dom (under the state lock), so that
 * a later process finds the domain and its QEMU again. */
void
gvir_qemu_domain_save_status (GVirQemuState  *state,
                              GVirQemuDomain *dom)
{
  g_autoptr(GVirQemuStatus) status = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *json = NULL;

  if (dom->proc == NULL || dom->entry == NULL)
    return;
  status = gvir_qemu_process_to_status (dom->proc, dom->entry->id);
  status->state = dom->state_now;
  status->reason = dom->reason;
  status->live_xml = gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (dom->live));
  json = gvir_qemu_status_to_json (status);
  path = gvir_qemu_paths_status_file (state->paths, dom->entry->name);
  if (!gvir_qemu_write_file_atomic (path, json, -1, &error))
    g_warning ("domain '%s' runs, but its status is not saved: %s", dom->entry->name,
               error->message);
}

void
gvir_qemu_state_remove_status (GVirQemuState *state,
                               const char    *name)
{
  g_autofree char *path = gvir_qemu_paths_status_file (state->paths, name);

  g_unlink (path);
}

/* Sets the state; with @event >= 0, reports the change (only when there
 * is one, so that a change the monitor and the call both notice is
 * reported once). Under the state lock. */
void
gvir_qemu_domain_set_state (GVirQemuDomain   *dom,
                            int               new_state,
                            int               reason,
                            int               event,
                            int               detail,
                            GVirDriverEvents *events)
{
  gboolean changed = dom->state_now != new_state;

  dom->state_now = new_state;
  dom->reason = reason;
  if (changed && event >= 0)
    gvir_driver_events_add (events, gvir_qemu_domain_describe (dom), event, detail);
  if (changed)
    gvir_qemu_domain_save_status (dom->state, dom);
}

/* The domain is no longer running: its id goes, a transient domain goes
 * with it. Under the state lock; the caller holds a reference. */
void
gvir_qemu_domain_mark_stopped (GVirQemuState    *state,
                               GVirQemuDomain   *dom,
                               int               reason,
                               int               detail,
                               GVirDriverEvents *events)
{
  gvir_qemu_state_remove_status (state, dom->entry->name);
  gvir_domain_list_deactivate (state->domains, dom->entry);
  g_clear_object (&dom->live);
  dom->guest_shutdown = FALSE;
  dom->fake_reboot = dom->paused_shutdown = dom->crash_destroy = FALSE;
  gvir_qemu_domain_set_state (dom, GVIR_DRIVER_STATE_SHUTOFF, reason, GVIR_DRIVER_EVENT_STOPPED,
                              detail, events);
  if (dom->def == NULL)
    gvir_domain_list_remove (state->domains, dom->entry);
}

/* Frees a process whose monitor ended, away from the monitor's thread
 * (which cannot close itself), once QEMU is gone. */
static gpointer
reap_thread (gpointer data)
{
  GVirQemuProcess *proc = data;
  GVirQemuDomain *dom = gvir_qemu_process_get_user_data (proc);

  gvir_qemu_process_kill (proc, GVIR_QEMU_DESTROY_GRACE_MS, NULL);
  gvir_qemu_process_free (proc);
  gvir_qemu_domain_unref (dom);
  return NULL;
}

static void
on_monitor_ended (GVirQemuProcess *proc,
                  gpointer         user_data)
{
  GVirQemuDomain *dom = user_data;
  GVirQemuState *state = dom->state;
  g_autoptr(GVirDriverEvents) events = gvir_driver_events_new ();
  gboolean ours;
  int reason, detail;

  g_mutex_lock (&state->mutex);
  /* A start in progress or a destroy call report the end themselves. */
  ours = dom->proc == proc && !dom->starting && !dom->destroying;
  if (ours)
    {
      dom->proc = NULL;
      gvir_qemu_events_end_reason (dom, &reason, &detail);
      gvir_qemu_domain_mark_stopped (state, dom, reason, detail, events);
    }
  g_mutex_unlock (&state->mutex);
  gvir_qemu_state_emit (state, events);
  if (ours)
    g_thread_unref (g_thread_new ("gvir-qemu-reap", reap_thread, proc));
}

static void
on_monitor_event (GVirQemuProcess *proc,
                  const char      *name,
                  JsonObject      *data,
                  gpointer         user_data)
{
  GVirQemuDomain *dom = user_data;
  GVirQemuState *state = dom->state;
  g_autoptr(GVirDriverEvents) events = gvir_driver_events_new ();

  g_mutex_lock (&state->mutex);
  if (dom->proc == proc && !dom->starting)
    gvir_qemu_events_handle (dom, proc, name, data, events);
  g_mutex_unlock (&state->mutex);
  gvir_qemu_state_emit (state, events);
}

static const GVirQemuProcessCallbacks process_callbacks = { on_monitor_event, on_monitor_ended };

/* ---- finding running domains again ------------------------------------------------ */

/* Brings the state of @dom in line with what its QEMU says now. */
static void
dom_resync (GVirQemuState  *state,
            GVirQemuDomain *dom)
{
  g_autoptr(JsonNode) reply = NULL;
  gboolean running = FALSE;

  if (!gvir_qemu_process_command (dom->proc, "query-status", NULL, &reply, NULL, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (reply) ||
      !gvir_qmp_json_get_boolean (json_node_get_object (reply), "running", &running))
    return;
  g_mutex_lock (&state->mutex);
  if (running && dom->state_now != GVIR_DRIVER_STATE_RUNNING)
    gvir_qemu_domain_set_state (dom, GVIR_DRIVER_STATE_RUNNING, GVIR_DRIVER_RUNNING_UNKNOWN, -1, 0,
                                NULL);
  else if (!running && dom->state_now == GVIR_DRIVER_STATE_RUNNING)
    gvir_qemu_domain_set_state (dom, GVIR_DRIVER_STATE_PAUSED, GVIR_DRIVER_PAUSED_UNKNOWN, -1, 0,
                                NULL);
  g_mutex_unlock (&state->mutex);
}

/* The domain running under @live (from a status file), in the list and
 * active under the id it had; NULL when another domain holds its name or
 * id (then it is left alone, with a warning). */
static GVirQemuDomain *
reconnect_take_domain (GVirQemuState    *state,
                       GVirConfigDomain *live,
                       int               id)
{
  g_autoptr(GError) error = NULL;
  GVirDomainListEntry *existing = NULL;
  GVirQemuDomain *dom;
  gboolean added;

  if (!gvir_domain_list_check_identity (state->domains, gvir_config_domain_get_name (live),
                                        gvir_config_domain_get_uuid (live), &existing, &error))
    {
      g_warning ("root '%s': a running domain clashes with a definition: %s", state->root,
                 error->message);
      return NULL;
    }
  added = existing == NULL;
  dom = added ? gvir_qemu_state_add_domain (state, live, FALSE) : existing->data;
  if (!gvir_domain_list_activate_with_id (state->domains, dom->entry, id))
    {
      g_warning ("root '%s': domain '%s' runs with id %d, which another domain has",
                 state->root, dom->entry->name, id);
      if (added)
        gvir_domain_list_remove (state->domains, dom->entry);
      return NULL;
    }
  dom->live = g_object_ref (live);
  return dom;
}

/* Finds the domain of one status file again. A QEMU that ended meanwhile
 * leaves its domain shut off; a QEMU whose monitor does not answer is left
 * running, untouched: never kill a healthy VM over a reconnect problem. */
static void
reconnect_one (GVirQemuState  *state,
               const char     *name,
               GVirQemuStatus *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirConfigDomain) live = NULL;
  GVirQemuProcess *proc;
  GVirQemuDomain *dom;

  if (!gvir_qemu_status_process_matches (status))
    {
      g_message ("root '%s': the QEMU of domain '%s' ended while no process watched it",
                 state->root, name);
      gvir_qemu_state_remove_status (state, name);
      return;
    }
  live = gvir_config_domain_new_from_xml (status->live_xml, &error);
  if (live == NULL || !g_str_equal (gvir_config_domain_get_name (live), name))
    {
      g_warning ("root '%s': the status of domain '%s' (QEMU %" G_GINT64_FORMAT ") is unusable; "
                 "QEMU is left running", state->root, name, status->pid);
      return;
    }
  g_mutex_lock (&state->mutex);
  dom = reconnect_take_domain (state, live, status->id);
  if (dom != NULL)
    {
      dom->state_now = status->state;
      dom->reason = status->reason;
      dom->starting = TRUE;
    }
  g_mutex_unlock (&state->mutex);
  if (dom == NULL)
    return;

  proc = gvir_qemu_process_attach (status, name, state->paths, &process_callbacks,
                                   gvir_qemu_domain_ref (dom), NULL, &error);
  g_mutex_lock (&state->mutex);
  dom->starting = FALSE;
  dom->proc = proc;
  g_mutex_unlock (&state->mutex);
  if (proc == NULL)
    {
      g_warning ("root '%s': domain '%s' runs, but: %s", state->root, name, error->message);
      gvir_qemu_domain_unref (dom);
      return;
    }
  dom_resync (state, dom);
}

/* Every domain a status file records, found again at open. */
static void
state_reconnect (GVirQemuState *state)
{
  g_autoptr(GDir) dir = g_dir_open (state->paths->state_dir, 0, NULL);
  const char *entry;

  while (dir != NULL && (entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;
      g_autofree char *name = NULL;
      g_autoptr(GVirQemuStatus) status = NULL;
      g_autoptr(GError) error = NULL;

      if (entry[0] == '.' || !g_str_has_suffix (entry, ".status"))
        continue;
      name = g_strndup (entry, strlen (entry) - strlen (".status"));
      path = g_build_filename (state->paths->state_dir, entry, NULL);
      text = gvir_qemu_read_file (path, &error);
      if (text != NULL)
        status = gvir_qemu_status_from_json (text, path, &error);
      if (status == NULL)
        g_warning ("root '%s': %s", state->root, error->message);
      else
        reconnect_one (state, name, status);
    }
}

void
gvir_qemu_state_unref (GVirQemuState *state)
{
  g_autoptr(GPtrArray) entries = NULL;
  guint i;

  g_mutex_lock (&roots_lock);
  if (!g_atomic_int_dec_and_test (&state->refs))
    {
      g_mutex_unlock (&roots_lock);
      return;
    }
  g_hash_table_remove (roots, state->root);
  g_mutex_unlock (&roots_lock);

  /* QEMU outlives us: its monitor is closed, the process left running. */
  entries = gvir_domain_list_entries (state->domains);
  for (i = 0; i < entries->len; i++)
    {
      GVirQemuDomain *dom = ((GVirDomainListEntry *) entries->pdata[i])->data;
      GVirQemuProcess *proc = g_steal_pointer (&dom->proc);

      if (proc != NULL)
        {
          gvir_qemu_process_free (proc);
          gvir_qemu_domain_unref (dom);
        }
    }
  state_free (state);
}

/* The state of @root, shared by this process's connections to it. */
GVirQemuState *
gvir_qemu_state_get (const char  *root,
                     GError     **error)
{
  GVirQemuState *state;

  g_mutex_lock (&roots_lock);
  if (roots == NULL)
    roots = g_hash_table_new (g_str_hash, g_str_equal);
  state = g_hash_table_lookup (roots, root);
  if (state != NULL)
    g_atomic_int_inc (&state->refs);
  else
    {
      state = state_new (root, error);
      if (state != NULL)
        {
          state_reconnect (state);
          g_hash_table_insert (roots, state->root, state);
        }
    }
  g_mutex_unlock (&roots_lock);
  return state;
}

/* The domain of @uuid, referenced, or NULL with the lookup's error. */
GVirQemuDomain *
gvir_qemu_state_find (GVirQemuState  *state,
                      const char     *uuid,
                      GError        **error)
{
  GVirDomainListEntry *entry;
  GVirQemuDomain *dom = NULL;

  g_mutex_lock (&state->mutex);
  entry = gvir_domain_list_get_uuid (state->domains, uuid, error);
  if (entry != NULL)
    dom = gvir_qemu_domain_ref (entry->data);
  g_mutex_unlock (&state->mutex);
  return dom;
}

gboolean
gvir_qemu_state_write_definition (GVirQemuState     *state,
                                  GVirConfigDomain  *def,
                                  GError           **error)
{
  g_autofree char *path = gvir_qemu_paths_config_file (state->paths,
                                                       gvir_config_domain_get_name (def));
  g_autofree char *xml = gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (def));

  return gvir_qemu_write_file_atomic (path, xml, -1, error);
}

/* The capabilities of emulator @binary (an absolute path), probed once per
 * state (and cached on disk by the probe). */
const GVirQemuCaps *
gvir_qemu_state_get_caps_of (GVirQemuState  *state,
                             const char     *binary,
                             GCancellable   *cancellable,
                             GError        **error)
{
  GVirQemuCaps *caps;

  g_mutex_lock (&state->mutex);
  caps = g_hash_table_lookup (state->caps, binary);
  g_mutex_unlock (&state->mutex);
  if (caps != NULL)
    return caps;

  caps = gvir_qemu_probe (binary, state->paths->cache_dir, cancellable, error);
  if (caps == NULL)
    return NULL;
  g_mutex_lock (&state->mutex);
  if (g_hash_table_lookup (state->caps, binary) == NULL)
    g_hash_table_insert (state->caps, g_strdup (binary), caps);
  else
    gvir_qemu_caps_free (caps);
  caps = g_hash_table_lookup (state->caps, binary);
  g_mutex_unlock (&state->mutex);
  return caps;
}

/* The capabilities of the host's default emulator, qemu-system-x86_64 on
 * PATH. */
const GVirQemuCaps *
gvir_qemu_state_get_caps (GVirQemuState  *state,
                          GCancellable   *cancellable,
                          GError        **error)
{
  g_autofree char *binary = gvir_qemu_find_emulator ("x86_64", error);

  if (binary == NULL)
    return NULL;
  return gvir_qemu_state_get_caps_of (state, binary, cancellable, error);
}

/* The capabilities of the emulator @def runs on: its <devices><emulator>
 * (an absolute path to an executable) when it names one, else the default
 * emulator. */
static const GVirQemuCaps *
state_get_caps_for (GVirQemuState     *state,
                    GVirConfigDomain  *def,
                    GCancellable      *cancellable,
                    GError           **error)
{
  xmlNodePtr devices = gvir_config_xml_get_element (
    gvir_config_object_get_xml_node (GVIR_CONFIG_OBJECT (def)), "devices");
  const char *named = gvir_config_xml_node_get_text (gvir_config_xml_get_element (devices,
                                                                                   "emulator"));
  g_autofree char *binary = NULL;

  if (named == NULL)
    return gvir_qemu_state_get_caps (state, cancellable, error);
  if (!g_path_is_absolute (named))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                   "<emulator> '%s' is not an absolute path", named);
      return NULL;
    }
  binary = gvir_qemu_check_emulator (named, error);
  if (binary == NULL)
    return NULL;
  return gvir_qemu_state_get_caps_of (state, binary, cancellable, error);
}

/* A private copy of @def for the running domain. */
static GVirConfigDomain *
copy_definition (GVirConfigDomain *def)
{
  g_autofree char *xml = gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (def));

  return gvir_config_domain_new_from_xml (xml, NULL);
}

/* Stops a QEMU that did not become a running domain. */
static void
discard_process (GVirQemuProcess *proc)
{
  gvir_qemu_process_kill (proc, GVIR_QEMU_DESTROY_GRACE_MS, NULL);
  gvir_qemu_process_free (proc);
}

/* QEMU for @spec, with the threads placed and @launch's work done, still
 * stopped unless the guest is to run. */
static GVirQemuProcess *
launch_process (GVirQemuDomain         *dom,
                GVirQemuProcessSpec    *spec,
                GVirQemuPlacement      *placement,
                const GVirQemuLaunch   *launch,
                GCancellable           *cancellable,
                GError                **error)
{
  GVirQemuProcess *proc;

  spec->incoming_defer = launch->incoming_defer;
  spec->hugepages_dir = gvir_qemu_placement_get_hugepages_dir (placement);
  spec->spawn_setup = gvir_qemu_placement_setup_spawn;
  spec->spawn_data = placement;
  proc = gvir_qemu_process_start (spec, &process_callbacks, gvir_qemu_domain_ref (dom),
                                  cancellable, error);
  if (proc == NULL)
    return NULL;
  /* The threads are pinned before the guest runs its first instruction. */
  if (!gvir_qemu_placement_apply (placement, proc, error) ||
      !gvir_qemu_events_prepare (proc, spec->def, cancellable, error) ||
      !gvir_qemu_balloon_setup (proc, spec->def, cancellable, error) ||
      (launch->before_run != NULL &&
       !launch->before_run (proc, launch->before_run_data, cancellable, error)) ||
      (!launch->paused &&
       !gvir_qemu_process_command (proc, "cont", NULL, NULL, cancellable, error)))
    {
      discard_process (proc);
      return NULL;
    }
  return proc;
}

gboolean
gvir_qemu_domain_launch (GVirQemuState         *state,
                         GVirQemuDomain        *dom,
                         GVirConfigDomain      *def,
                         const GVirQemuLaunch  *launch,
                         GCancellable          *cancellable,
                         GError               **error)
{
  g_autoptr(GVirDriverEvents) events = gvir_driver_events_new ();
  const GVirQemuCaps *caps = state_get_caps_for (state, def, cancellable, error);
  GVirQemuProcessSpec spec = { 0 };
  g_autoptr(GVirQemuPlacement) placement = NULL;
  g_autofree char *name = NULL;
  GVirQemuProcess *proc;

  if (caps == NULL ||
      (placement = gvir_qemu_placement_new (def, state->host_nodes, NULL, error)) == NULL)
    return FALSE;
  g_mutex_lock (&state->mutex);
  name = g_strdup (dom->entry->name);
  spec.id = gvir_domain_list_activate (state->domains, dom->entry);
  dom->starting = TRUE;
  dom->live = copy_definition (def);
  g_mutex_unlock (&state->mutex);

  spec.def = dom->live;
  spec.name = name;
  spec.paths = state->paths;
  spec.caps = caps;
  spec.host_nodes = state->host_nodes;
  proc = launch_process (dom, &spec, placement, launch, cancellable, error);

  g_mutex_lock (&state->mutex);
  dom->starting = FALSE;
  if (proc == NULL)
    {
      gvir_qemu_domain_unref (dom);
      gvir_domain_list_deactivate (state->domains, dom->entry);
      g_clear_object (&dom->live);
    }
  else
    {
      dom->proc = proc;
      gvir_qemu_domain_set_state (dom, GVIR_DRIVER_STATE_RUNNING, launch->running_reason,
                                  GVIR_DRIVER_EVENT_STARTED, launch->started_detail, events);
      if (launch->paused)
        gvir_qemu_domain_set_state (dom, GVIR_DRIVER_STATE_PAUSED, GVIR_DRIVER_PAUSED_USER,
                                    GVIR_DRIVER_EVENT_SUSPENDED, GVIR_DRIVER_SUSPENDED_PAUSED,
                                    events);
    }
  g_mutex_unlock (&state->mutex);
  gvir_qemu_state_emit (state, events);
  return proc != NULL;
}

gboolean
gvir_qemu_domain_start (GVirQemuState     *state,
                        GVirQemuDomain    *dom,
                        GVirConfigDomain  *def,
                        guint              flags,
                        GCancellable      *cancellable,
                        GError           **error)
{
  GVirQemuLaunch launch = {
    .paused = (flags & GVIR_DRIVER_START_PAUSED) != 0,
    .running_reason = GVIR_DRIVER_RUNNING_BOOTED,
    .started_detail = GVIR_DRIVER_STARTED_BOOTED,
  };

  return gvir_qemu_domain_launch (state, dom, def, &launch, cancellable, error);
}

gboolean
gvir_qemu_domain_kill (GVirQemuState   *state,
                       GVirQemuDomain  *dom,
                       int              reason,
                       int              detail,
                       GError         **error)
{
  g_autoptr(GVirDriverEvents) events = gvir_driver_events_new ();
  GVirQemuProcess *proc;
  gboolean ok;

  g_mutex_lock (&state->mutex);
  dom->destroying = TRUE;
  proc = dom->proc;
  g_mutex_unlock (&state->mutex);

  ok = gvir_qemu_process_kill (proc, GVIR_QEMU_DESTROY_GRACE_MS, error);

  g_mutex_lock (&state->mutex);
  dom->destroying = FALSE;
  if (ok)
    {
      dom->proc = NULL;
      gvir_qemu_domain_mark_stopped (state, dom, reason, detail, events);
    }
  g_mutex_unlock (&state->mutex);
  gvir_qemu_state_emit (state, events);
  if (ok)
    {
      gvir_qemu_process_free (proc);
      gvir_qemu_domain_unref (dom);          /* the process's reference */
    }
  return ok;
}

gboolean
gvir_qemu_domain_check_inactive (GVirQemuDomain  *dom,
                                 const char      *uuid,
                                 GError         **error)
{
  if (dom->entry == NULL)
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND, "no domain with UUID '%s'", uuid);
  else if (gvir_qemu_domain_is_active (dom))
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID,
                 "domain '%s' is already running", dom->entry->name);
  else
    return TRUE;
  return FALSE;
}

gboolean
gvir_qemu_domain_resolve_affect (GVirQemuDomain  *dom,
                                 const char      *uuid,
                                 guint            flags,
                                 const char      *no_live,
                                 gboolean        *live,
                                 gboolean        *config,
                                 GError         **error)
{
  if (dom->entry == NULL)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND, "no domain with UUID '%s'", uuid);
      return FALSE;
    }
  *live = (flags & GVIR_DRIVER_AFFECT_LIVE) != 0;
  *config = (flags & GVIR_DRIVER_AFFECT_CONFIG) != 0;
  if (!*live && !*config)
    {
      *live = gvir_qemu_domain_is_active (dom);
      *config = !*live;
    }
  if (*live && (!gvir_qemu_domain_is_active (dom) || dom->live == NULL))
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID,
                 "domain '%s' is not running%s%s", dom->entry->name,
                 no_live != NULL ? ": " : "", no_live != NULL ? no_live : "");
  else if (*config && dom->def == NULL)
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID,
                 "transient domain '%s' has no persistent configuration", dom->entry->name);
  else
    return TRUE;
  return FALSE;
}

/* The running domain of @uuid with its job held, or NULL with an error;
 * release with gvir_qemu_job_end(). */
GVirQemuDomain *
gvir_qemu_job_begin_active (GVirQemuState  *state,
                            const char     *uuid,
                            GError        **error)
{
  GVirQemuDomain *dom = gvir_qemu_state_find (state, uuid, error);
  gboolean active;

  if (dom == NULL)
    return NULL;
  g_mutex_lock (&dom->job);
  g_mutex_lock (&state->mutex);
  active = dom->entry != NULL && gvir_qemu_domain_is_active (dom) && dom->proc != NULL;
  if (active)
    ;
  else if (dom->entry != NULL && gvir_qemu_domain_is_active (dom))
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID,
                 "domain '%s' runs, but the driver has no monitor connection to it",
                 dom->entry->name);
  else
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID, "domain '%s' is not running",
                 dom->entry != NULL ? dom->entry->name : uuid);
  g_mutex_unlock (&state->mutex);
  if (active)
    return dom;
  g_mutex_unlock (&dom->job);
  gvir_qemu_domain_unref (dom);
  return NULL;
}

void
gvir_qemu_job_end (GVirQemuDomain *dom)
{
  g_mutex_unlock (&dom->job);
  gvir_qemu_domain_unref (dom);
}
