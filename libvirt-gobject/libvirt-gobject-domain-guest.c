/*
 * libvirt-gobject-domain-guest.c: the guest's clock and power management
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include "libvirt-gobject/libvirt-gobject-domain.h"
#include "libvirt-gobject/libvirt-gobject-error.h"
#include "libvirt-gobject/libvirt-gobject-domain-call-private.h"

/* ---- set_time ------------------------------------------------------------- */

typedef struct
{
  gint64 seconds;
  guint nseconds;
  guint flags;
} TimeArgs;

static gboolean
op_set_time (GVirDomain *self, GVirDriverConnection *drv, DomainCall *call,
             GCancellable *cancellable, GError **error)
{
  TimeArgs *args = call->args;

  return gvir_driver_connection_set_time (drv, domain_uuid (self), args->seconds, args->nseconds,
                                          args->flags, cancellable, error);
}

/* Without a time, the guest resynchronises from its RTC (libvirt's
 * VIR_DOMAIN_TIME_SYNC), as libvirt-glib does. */
static DomainCall *
set_time_call_new (GDateTime *date_time,
                   guint      flags)
{
  TimeArgs *args = g_new0 (TimeArgs, 1);

  if (date_time != NULL)
    {
      args->seconds = g_date_time_to_unix (date_time);
      args->nseconds = (guint) g_date_time_get_microsecond (date_time) * 1000;
      args->flags = flags;
    }
  else
    args->flags = flags | GVIR_DRIVER_TIME_SYNC;
  return domain_call_new (op_set_time, FALSE, args, g_free);
}

/**
 * gvir_domain_set_time:
 * @dom: the domain
 * @date_time: (nullable): the time to set, or %NULL to resynchronise the
 *   guest's clock from its real-time clock
 * @flags: 0 (libvirt's virDomainSetTime flags)
 * @err: return location for a #GError, or %NULL
 *
 * Sets the clock of the running guest. Real hypervisors need a guest agent
 * for this; the test driver accepts it for any running domain.
 *
 * Returns: %TRUE on success, else %FALSE with @err set
 */
gboolean
gvir_domain_set_time (GVirDomain  *dom,
                      GDateTime   *date_time,
                      guint        flags,
                      GError     **err)
{
  g_autoptr(DomainCall) call = NULL;

  g_return_val_if_fail (GVIR_IS_DOMAIN (dom), FALSE);
  g_return_val_if_fail (err == NULL || *err == NULL, FALSE);

  call = set_time_call_new (date_time, flags);
  return domain_call_sync (dom, call, err);
}

/**
 * gvir_domain_set_time_async:
 * @dom: the domain
 * @date_time: (nullable): the time to set, or %NULL to resynchronise
 * @flags: 0
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the call has finished
 * @user_data: (closure): data for @callback
 *
 * Without blocking, sets the guest's clock; see gvir_domain_set_time().
 */
void
gvir_domain_set_time_async (GVirDomain          *dom,
                            GDateTime           *date_time,
                            guint                flags,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (GVIR_IS_DOMAIN (dom));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  domain_call_start (dom, set_time_call_new (date_time, flags), gvir_domain_set_time_async,
                     cancellable, callback, user_data);
}

/**
 * gvir_domain_set_time_finish:
 * @dom: the domain
 * @result: the #GAsyncResult passed to the callback
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_domain_set_time_async().
 *
 * Returns: %TRUE on success, else %FALSE with @err set
 */
gboolean
gvir_domain_set_time_finish (GVirDomain    *dom,
                             GAsyncResult  *result,
                             GError       **err)
{
  g_return_val_if_fail (GVIR_IS_DOMAIN (dom), FALSE);

  return domain_call_finish (dom, result, gvir_domain_set_time_async, err) != NULL;
}

/* ---- wakeup --------------------------------------------------------------- */

static gboolean
op_wakeup (GVirDomain *self, GVirDriverConnection *drv, DomainCall *call,
           GCancellable *cancellable, GError **error)
{
  return gvir_driver_connection_pm_wakeup (drv, domain_uuid (self), domain_call_flags (call),
                                           cancellable, error);
}

/**
 * gvir_domain_wakeup:
 * @dom: the domain
 * @flags: 0 (libvirt's virDomainPMWakeup flags)
 * @err: return location for a #GError, or %NULL
 *
 * Wakes up a domain that its guest suspended (state
 * %GVIR_DOMAIN_STATE_PMSUSPENDED): it runs again, and
 * #GVirDomain::started is emitted with the detail `wakeup`.
 *
 * Returns: %TRUE on success, else %FALSE with @err set
 */
gboolean
gvir_domain_wakeup (GVirDomain  *dom,
                    guint        flags,
                    GError     **err)
{
  g_autoptr(DomainCall) call = domain_call_new_flags (op_wakeup, TRUE, flags);

  g_return_val_if_fail (GVIR_IS_DOMAIN (dom), FALSE);
  g_return_val_if_fail (err == NULL || *err == NULL, FALSE);

  return domain_call_sync (dom, call, err);
}

/**
 * gvir_domain_wakeup_async:
 * @dom: the domain
 * @flags: 0
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the call has finished
 * @user_data: (closure): data for @callback
 *
 * Without blocking, wakes up the domain; see gvir_domain_wakeup().
 */
void
gvir_domain_wakeup_async (GVirDomain          *dom,
                          guint                flags,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (GVIR_IS_DOMAIN (dom));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  domain_call_start (dom, domain_call_new_flags (op_wakeup, TRUE, flags),
                     gvir_domain_wakeup_async, cancellable, callback, user_data);
}

/**
 * gvir_domain_wakeup_finish:
 * @dom: the domain
 * @result: the #GAsyncResult passed to the callback
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_domain_wakeup_async().
 *
 * Returns: %TRUE on success, else %FALSE with @err set
 */
gboolean
gvir_domain_wakeup_finish (GVirDomain    *dom,
                           GAsyncResult  *result,
                           GError       **err)
{
  g_return_val_if_fail (GVIR_IS_DOMAIN (dom), FALSE);

  return domain_call_finish (dom, result, gvir_domain_wakeup_async, err) != NULL;
}
