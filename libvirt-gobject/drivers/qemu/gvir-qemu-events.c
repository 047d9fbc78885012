/*
 * gvir-qemu-events.c: QMP events of a domain's QEMU turned into the
 *   domain's states, reasons and lifecycle events (as libvirt's QEMU driver
 *   does), the lifecycle actions they lead to, and the reboot call
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * QEMU runs with -no-shutdown: when the guest powers off (or crashes),
 * QEMU stays, paused, and the driver decides what happens from the
 * domain's <on_poweroff>, <on_reboot> and <on_crash>. Ending QEMU is a
 * SIGTERM from the event callback; resetting it takes monitor commands,
 * which only a helper thread may issue (the callback runs in the monitor's
 * I/O thread).
 */
#include "config.h"

#include "libvirt-gobject/libvirt-gobject-error.h"
#include "gvir-qemu-events-private.h"
#include "gvir-qmp-private.h"

/* virDomainRebootFlagValues: the one way this driver reboots. */
#define GVIR_QEMU_REBOOT_ACPI_POWER_BTN 1u

static GVirConfigDomainLifecycleAction
action_for (const GVirQemuDomain          *dom,
            GVirConfigDomainLifecycleEvent  event)
{
  GVirConfigDomain *def = dom->live != NULL ? dom->live : dom->def;

  return gvir_config_domain_get_lifecycle (def, event);
}

/* ---- resetting a guest (fake reboot, restart after a crash) ------------------------ */

typedef struct
{
  GVirQemuDomain *dom;
  GVirQemuProcess *proc;
} ResetRequest;

/* `system_reset` + `cont` on the QEMU of the request, unless the domain
 * was destroyed or restarted meanwhile. The RESUME event that follows
 * puts the domain back to running. */
static gpointer
reset_thread (gpointer data)
{
  ResetRequest *req = data;
  GVirQemuDomain *dom = req->dom;
  GVirQemuState *state = dom->state;
  g_autoptr(GError) error = NULL;
  gboolean current;

  g_mutex_lock (&dom->job);
  g_mutex_lock (&state->mutex);
  current = dom->proc == req->proc && !dom->destroying;
  g_mutex_unlock (&state->mutex);
  if (current &&
      (!gvir_qemu_process_command (req->proc, "system_reset", NULL, NULL, NULL, &error) ||
       !gvir_qemu_process_command (req->proc, "cont", NULL, NULL, NULL, &error)))
    {
      /* Left like this the guest would stay stopped for good: end it. */
      g_mutex_lock (&state->mutex);
      g_warning ("domain '%s' could not be reset, so it is ended: %s",
                 dom->entry != NULL ? dom->entry->name : "?", error->message);
      dom->guest_shutdown = TRUE;
      if (dom->proc == req->proc)
        gvir_qemu_process_terminate (req->proc);
      g_mutex_unlock (&state->mutex);
    }
  g_mutex_unlock (&dom->job);
  gvir_qemu_domain_unref (dom);
  g_free (req);
  return NULL;
}

static void
reset_later (GVirQemuDomain  *dom,
             GVirQemuProcess *proc)
{
  ResetRequest *req = g_new0 (ResetRequest, 1);

  req->dom = gvir_qemu_domain_ref (dom);
  req->proc = proc;
  g_thread_unref (g_thread_new ("gvir-qemu-reset", reset_thread, req));
}

/* ---- one handler per event ------------------------------------------------------- */

static void
on_stop (GVirQemuDomain *dom, GVirDriverEvents *events)
{
  /* Also sent after a guest's power-off or panic: the state those set
   * (or keep, during a fake reboot) stands. */
  if (dom->state_now != GVIR_DRIVER_STATE_RUNNING || dom->paused_shutdown)
    return;
  gvir_qemu_domain_set_state (dom, GVIR_DRIVER_STATE_PAUSED, GVIR_DRIVER_PAUSED_USER,
                              GVIR_DRIVER_EVENT_SUSPENDED, GVIR_DRIVER_SUSPENDED_PAUSED, events);
}

static void
on_resume (GVirQemuDomain *dom, GVirDriverEvents *events)
{
  if (dom->paused_shutdown)
    {
      /* The end of a fake reboot: the domain never stopped running. */
      dom->paused_shutdown = FALSE;
      return;
    }
  if (dom->state_now == GVIR_DRIVER_STATE_PAUSED)
    gvir_qemu_domain_set_state (dom, GVIR_DRIVER_STATE_RUNNING, GVIR_DRIVER_RUNNING_UNPAUSED,
                                GVIR_DRIVER_EVENT_RESUMED, GVIR_DRIVER_RESUMED_UNPAUSED, events);
  else if (dom->state_now == GVIR_DRIVER_STATE_CRASHED)
    gvir_qemu_domain_set_state (dom, GVIR_DRIVER_STATE_RUNNING, GVIR_DRIVER_RUNNING_CRASHED,
                                GVIR_DRIVER_EVENT_RESUMED, GVIR_DRIVER_RESUMED_UNPAUSED, events);
}

static int
shutdown_detail (JsonObject *data)
{
  gboolean guest = FALSE;

  if (data == NULL || !gvir_qmp_json_get_boolean (data, "guest", &guest))
    return GVIR_QEMU_SHUTDOWN_FINISHED;
  return guest ? GVIR_QEMU_SHUTDOWN_GUEST : GVIR_QEMU_SHUTDOWN_HOST;
}

/* The guest powered off (or, with <on_reboot>destroy</on_reboot>, reset
 * itself); QEMU waits, paused. */
static void
on_shutdown (GVirQemuDomain   *dom,
             GVirQemuProcess  *proc,
             JsonObject       *data,
             GVirDriverEvents *events)
{
  GVirConfigDomainLifecycleAction action;

  /* Repeats, the SIGTERM of a destroy call or of a crash's end, and the
   * power-off of a fake reboot under way change nothing. */
  if (dom->guest_shutdown || dom->destroying || dom->crash_destroy || dom->paused_shutdown ||
      dom->state_now == GVIR_DRIVER_STATE_SHUTDOWN)
    return;
  action = action_for (dom, GVIR_CONFIG_DOMAIN_LIFECYCLE_ON_POWEROFF);
  if (dom->fake_reboot || action == GVIR_CONFIG_DOMAIN_LIFECYCLE_RESTART ||
      action == GVIR_CONFIG_DOMAIN_LIFECYCLE_RENAME_RESTART)
    {
      /* A reboot: no state change, no event (as libvirt). */
      dom->fake_reboot = FALSE;
      dom->paused_shutdown = TRUE;
      reset_later (dom, proc);
      return;
    }
  gvir_qemu_domain_set_state (dom, GVIR_DRIVER_STATE_SHUTDOWN, GVIR_DRIVER_SHUTDOWN_UNKNOWN,
                              GVIR_DRIVER_EVENT_SHUTDOWN, shutdown_detail (data), events);
  dom->guest_shutdown = TRUE;
  /* <on_poweroff>preserve</on_poweroff> keeps QEMU, paused, until destroyed. */
  if (action != GVIR_CONFIG_DOMAIN_LIFECYCLE_PRESERVE)
    gvir_qemu_process_terminate (proc);
}

static void
on_guest_panicked (GVirQemuDomain   *dom,
                   GVirQemuProcess  *proc,
                   GVirDriverEvents *events)
{
  GVirConfigDomainLifecycleAction action = action_for (dom, GVIR_CONFIG_DOMAIN_LIFECYCLE_ON_CRASH);

  if (dom->crash_destroy || dom->state_now == GVIR_DRIVER_STATE_CRASHED)
    return;
  gvir_qemu_domain_set_state (dom, GVIR_DRIVER_STATE_CRASHED, GVIR_DRIVER_CRASHED_PANICKED,
                              GVIR_DRIVER_EVENT_CRASHED, GVIR_DRIVER_CRASHED_EVENT_PANICKED,
                              events);
  switch (action)
    {
    case GVIR_CONFIG_DOMAIN_LIFECYCLE_PRESERVE:
      break;                    /* stays crashed, QEMU paused, until destroyed */
    case GVIR_CONFIG_DOMAIN_LIFECYCLE_RESTART:
    case GVIR_CONFIG_DOMAIN_LIFECYCLE_RENAME_RESTART:
    case GVIR_CONFIG_DOMAIN_LIFECYCLE_COREDUMP_RESTART:
      reset_later (dom, proc);
      break;
    case GVIR_CONFIG_DOMAIN_LIFECYCLE_DESTROY:
    case GVIR_CONFIG_DOMAIN_LIFECYCLE_COREDUMP_DESTROY:
    default:
      dom->crash_destroy = TRUE;
      gvir_qemu_process_terminate (proc);
      break;
    }
}

static void
on_suspend (GVirQemuDomain *dom, int detail, GVirDriverEvents *events)
{
  if (dom->state_now == GVIR_DRIVER_STATE_RUNNING)
    gvir_qemu_domain_set_state (dom, GVIR_DRIVER_STATE_PMSUSPENDED, 0,
                                GVIR_DRIVER_EVENT_PMSUSPENDED, detail, events);
}

static void
on_wakeup (GVirQemuDomain *dom, GVirDriverEvents *events)
{
  if (dom->state_now == GVIR_DRIVER_STATE_PMSUSPENDED)
    gvir_qemu_domain_set_state (dom, GVIR_DRIVER_STATE_RUNNING, GVIR_DRIVER_RUNNING_WAKEUP,
                                GVIR_DRIVER_EVENT_STARTED, GVIR_DRIVER_STARTED_WAKEUP, events);
}

void
gvir_qemu_events_handle (GVirQemuDomain   *dom,
                         GVirQemuProcess  *proc,
                         const char       *name,
                         JsonObject       *data,
                         GVirDriverEvents *events)
{
  if (g_str_equal (name, "STOP"))
    on_stop (dom, events);
  else if (g_str_equal (name, "RESUME"))
    on_resume (dom, events);
  else if (g_str_equal (name, "SHUTDOWN"))
    on_shutdown (dom, proc, data, events);
  else if (g_str_equal (name, "GUEST_PANICKED"))
    on_guest_panicked (dom, proc, events);
  else if (g_str_equal (name, "SUSPEND"))
    on_suspend (dom, GVIR_DRIVER_PMSUSPENDED_MEMORY, events);
  else if (g_str_equal (name, "SUSPEND_DISK"))
    on_suspend (dom, GVIR_DRIVER_PMSUSPENDED_DISK, events);
  else if (g_str_equal (name, "WAKEUP"))
    on_wakeup (dom, events);
  /* RESET is libvirt's reboot event (not a lifecycle event): the driver
   * layer has no kind for it (GVirDriverEventKind), so it is not passed on. */
}

void
gvir_qemu_events_end_reason (const GVirQemuDomain *dom,
                             int                  *reason,
                             int                  *detail)
{
  if (dom->guest_shutdown)
    {
      *reason = GVIR_DRIVER_SHUTOFF_SHUTDOWN;
      *detail = GVIR_DRIVER_STOPPED_SHUTDOWN;
    }
  else if (dom->crash_destroy)
    {
      *reason = GVIR_DRIVER_SHUTOFF_CRASHED;
      *detail = GVIR_DRIVER_STOPPED_CRASHED;
    }
  else
    {
      /* QEMU ended with nobody asking: it crashed or was killed. */
      *reason = GVIR_DRIVER_SHUTOFF_CRASHED;
      *detail = GVIR_DRIVER_STOPPED_FAILED;
    }
}

void
gvir_qemu_events_forget_reboot (GVirQemuDomain *dom)
{
  dom->fake_reboot = FALSE;
}

/* ---- at start ----------------------------------------------------------------------- */

gboolean
gvir_qemu_events_prepare (GVirQemuProcess   *proc,
                          GVirConfigDomain  *def,
                          GCancellable      *cancellable,
                          GError           **error)
{
  GVirConfigDomainLifecycleAction on_reboot =
    gvir_config_domain_get_lifecycle (def, GVIR_CONFIG_DOMAIN_LIFECYCLE_ON_REBOOT);
  g_autoptr(JsonObject) args = NULL;

  if (on_reboot != GVIR_CONFIG_DOMAIN_LIFECYCLE_DESTROY &&
      on_reboot != GVIR_CONFIG_DOMAIN_LIFECYCLE_PRESERVE)
    return TRUE;
  /* A guest reset becomes SHUTDOWN {guest-reset}, handled as a power-off. */
  args = json_object_new ();
  json_object_set_string_member (args, "reboot", "shutdown");
  return gvir_qemu_process_command (proc, "set-action", args, NULL, cancellable, error);
}

/* ---- the reboot call ------------------------------------------------------------------ */

gboolean
gvir_qemu_events_reboot_domain (gpointer       handle,
                                const char    *uuid,
                                guint          flags,
                                GCancellable  *cancellable,
                                GError       **error)
{
  GVirQemuState *state = GVIR_QEMU_HANDLE_STATE (handle);
  GVirQemuDomain *dom = gvir_qemu_job_begin_active (state, uuid, error);
  GVirConfigDomainLifecycleAction on_reboot;
  gboolean ok;

  if (dom == NULL)
    return FALSE;
  if (flags & ~GVIR_QEMU_REBOOT_ACPI_POWER_BTN)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED,
                   "the QEMU driver reboots through ACPI only (flags 0x%x)", flags);
      gvir_qemu_job_end (dom);
      return FALSE;
    }
  g_mutex_lock (&state->mutex);
  /* With <on_reboot>destroy</on_reboot> a reboot ends the domain (as libvirt). */
  on_reboot = action_for (dom, GVIR_CONFIG_DOMAIN_LIFECYCLE_ON_REBOOT);
  dom->fake_reboot = on_reboot != GVIR_CONFIG_DOMAIN_LIFECYCLE_DESTROY &&
                     on_reboot != GVIR_CONFIG_DOMAIN_LIFECYCLE_PRESERVE;
  g_mutex_unlock (&state->mutex);
  ok = gvir_qemu_process_command (dom->proc, "system_powerdown", NULL, NULL, cancellable, error);
  if (!ok)
    {
      g_mutex_lock (&state->mutex);
      dom->fake_reboot = FALSE;
      g_mutex_unlock (&state->mutex);
    }
  gvir_qemu_job_end (dom);
  return ok;
}
