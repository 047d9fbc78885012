/*
 * gvir-qemu-balloon.c: the memory balloon of a QEMU domain
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include "libvirt-gobject/libvirt-gobject-error.h"
#include "gvir-qemu-balloon-private.h"

gboolean
gvir_qemu_def_has_balloon (GVirConfigDomain *def)
{
  GList *devices = gvir_config_domain_get_devices (def);
  gboolean has = TRUE;

  /* No <memballoon> at all means libvirt's default virtio balloon. */
  for (GList *l = devices; l != NULL; l = l->next)
    if (GVIR_CONFIG_IS_DOMAIN_MEMBALLOON (l->data))
      has = gvir_config_domain_memballoon_get_model (l->data) !=
            GVIR_CONFIG_DOMAIN_MEMBALLOON_MODEL_NONE;
  g_list_free_full (devices, g_object_unref);
  return has;
}

/* The target of @def's balloon in KiB: <currentMemory>, else <memory>. */
static guint64
balloon_target_kib (GVirConfigDomain *def)
{
  guint64 current = gvir_config_domain_get_current_memory (def);

  return current != 0 ? current : gvir_config_domain_get_memory (def);
}

/* QMP `balloon`: the target travels in bytes. */
static gboolean
send_balloon (GVirQemuProcess  *proc,
              guint64           kib,
              GCancellable     *cancellable,
              GError          **error)
{
  g_autoptr(JsonObject) args = json_object_new ();

  json_object_set_int_member (args, "value", (gint64) (kib * 1024));
  return gvir_qemu_process_command (proc, "balloon", args, NULL, cancellable, error);
}

gboolean
gvir_qemu_balloon_setup (GVirQemuProcess   *proc,
                         GVirConfigDomain  *def,
                         GCancellable      *cancellable,
                         GError           **error)
{
  if (!gvir_qemu_def_has_balloon (def))
    return TRUE;
  return send_balloon (proc, balloon_target_kib (def), cancellable, error);
}

/* ---- set_memory ------------------------------------------------------------------ */

/* A copy of @def with <currentMemory> (or, for @maximum, <memory>, which
 * pulls <currentMemory> down with it) set to @kib. */
static GVirConfigDomain *
with_memory (GVirConfigDomain  *def,
             guint64            kib,
             gboolean           maximum,
             GError           **error)
{
  g_autofree char *xml = gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (def));
  g_autoptr(GVirConfigDomain) changed = gvir_config_domain_new_from_xml (xml, error);

  if (changed == NULL)
    return NULL;
  if (!maximum)
    gvir_config_domain_set_current_memory (changed, kib);
  else
    {
      guint64 current = balloon_target_kib (changed);

      gvir_config_domain_set_memory (changed, kib);
      gvir_config_domain_set_current_memory (changed, MIN (current, kib));
    }
  return g_steal_pointer (&changed);
}

/* libvirt's checks of a new balloon target (or maximum) for @def. */
static gboolean
check_memory (GVirQemuDomain    *dom,
              GVirConfigDomain  *def,
              guint64            kib,
              gboolean           maximum,
              gboolean           live,
              GError           **error)
{
  if (maximum && live)
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID,
                 "cannot resize the maximum memory of running domain '%s'", dom->entry->name);
  else if (kib == 0)
    g_set_error_literal (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                         "memory size must be greater than zero");
  else if (!maximum && kib > gvir_config_domain_get_memory (def))
    g_set_error_literal (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                         "cannot set memory higher than max memory");
  else if (live && !gvir_qemu_def_has_balloon (def))
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID,
                 "cannot change the memory of running domain '%s': it has no balloon device",
                 dom->entry->name);
  else
    return TRUE;
  return FALSE;
}

/* Under the job: everything is checked before anything changes, the live
 * target first, then the persistent definition, as libvirt orders them. */
static gboolean
set_memory_in_job (GVirQemuState   *state,
                   GVirQemuDomain  *dom,
                   const char      *uuid,
                   guint64          kib,
                   guint            flags,
                   GCancellable    *cancellable,
                   GError         **error)
{
  gboolean maximum = (flags & GVIR_DRIVER_MEM_MAXIMUM) != 0;
  g_autoptr(GVirConfigDomain) changed = NULL;
  GVirQemuProcess *proc = NULL;
  gboolean live = FALSE, config = FALSE, ok;

  g_mutex_lock (&state->mutex);
  ok = gvir_qemu_domain_resolve_affect (dom, uuid, flags, NULL, &live, &config, error) &&
       (!live || check_memory (dom, dom->live, kib, maximum, TRUE, error)) &&
       (!config || check_memory (dom, dom->def, kib, maximum, FALSE, error));
  if (ok && config)
    ok = (changed = with_memory (dom->def, kib, maximum, error)) != NULL;
  if (ok && live)
    proc = dom->proc;
  g_mutex_unlock (&state->mutex);
  if (!ok)
    return FALSE;
  if (live && (proc == NULL || !send_balloon (proc, kib, cancellable, error)))
    {
      if (proc == NULL)
        g_set_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID,
                     "the driver has no monitor connection to domain '%s'", dom->entry->name);
      return FALSE;
    }
  if (!config)
    return TRUE;
  if (!gvir_qemu_state_write_definition (state, changed, error))
    return FALSE;
  g_mutex_lock (&state->mutex);
  g_set_object (&dom->def, changed);
  g_mutex_unlock (&state->mutex);
  return TRUE;
}

gboolean
gvir_qemu_set_memory (gpointer       data,
                      const char    *uuid,
                      guint64        kib,
                      guint          flags,
                      GCancellable  *cancellable,
                      GError       **error)
{
  GVirQemuState *state = GVIR_QEMU_HANDLE_STATE (data);
  g_autoptr(GVirQemuDomain) dom = gvir_qemu_state_find (state, uuid, error);
  gboolean ok;

  if (dom == NULL)
    return FALSE;
  /* The job keeps a start or a stop from running under the change. */
  g_mutex_lock (&dom->job);
  ok = set_memory_in_job (state, dom, uuid, kib, flags, cancellable, error);
  g_mutex_unlock (&dom->job);
  return ok;
}

/* ---- get_memory_stats ----------------------------------------------------------- */

/* The balloon's size as QEMU reports it, in KiB. */
static gboolean
query_actual (GVirQemuProcess  *proc,
              guint64          *kib,
              GCancellable     *cancellable,
              GError          **error)
{
  g_autoptr(JsonNode) reply = NULL;
  JsonObject *info;

  if (!gvir_qemu_process_command (proc, "query-balloon", NULL, &reply, cancellable, error))
    return FALSE;
  info = JSON_NODE_HOLDS_OBJECT (reply) ? json_node_get_object (reply) : NULL;
  if (info == NULL || !json_object_has_member (info, "actual"))
    {
      g_set_error_literal (error, GVIR_ERROR, GVIR_ERROR_INTERNAL,
                           "query-balloon answered without the balloon's size");
      return FALSE;
    }
  *kib = (guint64) json_object_get_int_member (info, "actual") / 1024;
  return TRUE;
}

/* When the guest last reported statistics (seconds since the epoch; 0:
 * never), from the balloon's guest-stats property. FALSE when QEMU does
 * not say, which libvirt does not count as a failure either. */
static gboolean
query_last_update (GVirQemuProcess  *proc,
                   guint64          *when,
                   GCancellable     *cancellable)
{
  g_autoptr(JsonObject) args = json_object_new ();
  g_autoptr(JsonNode) reply = NULL;
  JsonObject *stats;

  json_object_set_string_member (args, "path", "/machine/peripheral/balloon0");
  json_object_set_string_member (args, "property", "guest-stats");
  if (!gvir_qemu_process_command (proc, "qom-get", args, &reply, cancellable, NULL))
    return FALSE;
  stats = JSON_NODE_HOLDS_OBJECT (reply) ? json_node_get_object (reply) : NULL;
  if (stats == NULL || !json_object_has_member (stats, "last-update"))
    return FALSE;
  *when = (guint64) json_object_get_int_member (stats, "last-update");
  return TRUE;
}

/* Appends one statistic when there is room. */
static void
add_stat (GVirDriverMemoryStat *stats, guint max_stats, guint *n, int tag, guint64 val)
{
  if (*n >= max_stats)
    return;
  stats[*n].tag = tag;
  stats[*n].val = val;
  (*n)++;
}

/* What libvirt reports without a guest balloon driver: the balloon's
 * actual size and when the guest last reported (when there is a balloon),
 * then QEMU's resident memory. The guest's own counters (swap, faults,
 * free memory...) need a guest driver and a polling period, which this
 * driver does not set. */
int
gvir_qemu_get_memory_stats (gpointer               data,
                            const char            *uuid,
                            GVirDriverMemoryStat  *stats,
                            guint                  max_stats,
                            guint                  flags,
                            GCancellable          *cancellable,
                            GError               **error)
{
  GVirQemuState *state = GVIR_QEMU_HANDLE_STATE (data);
  GVirQemuDomain *dom = gvir_qemu_job_begin_active (state, uuid, error);
  gboolean balloon;
  guint64 actual = 0, last_update = 0;
  guint n = 0;

  if (dom == NULL)
    return -1;
  g_mutex_lock (&state->mutex);
  balloon = gvir_qemu_def_has_balloon (dom->live);
  g_mutex_unlock (&state->mutex);
  if (balloon && !query_actual (dom->proc, &actual, cancellable, error))
    {
      gvir_qemu_job_end (dom);
      return -1;
    }
  if (balloon)
    add_stat (stats, max_stats, &n, GVIR_DRIVER_MEMORY_STAT_ACTUAL_BALLOON, actual);
  if (balloon && query_last_update (dom->proc, &last_update, cancellable))
    add_stat (stats, max_stats, &n, GVIR_DRIVER_MEMORY_STAT_LAST_UPDATE, last_update);
  add_stat (stats, max_stats, &n, GVIR_DRIVER_MEMORY_STAT_RSS,
            gvir_qemu_process_get_rss_kib (dom->proc));
  gvir_qemu_job_end (dom);
  return (int) n;
}
