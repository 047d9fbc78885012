/*
 * gvir-qemu-events-private.h: what the guest and QEMU report through QMP
 *   events, turned into domain states, reasons and lifecycle events, and
 *   the lifecycle actions (<on_poweroff>, <on_reboot>, <on_crash>) and
 *   the reboot call built on them
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#pragma once

#include "gvir-qemu-state-private.h"

G_BEGIN_DECLS

/* Details of GVIR_DRIVER_EVENT_SHUTDOWN (virDomainEventShutdownDetailType). */
enum
{
  GVIR_QEMU_SHUTDOWN_FINISHED = 0,  /* QEMU did not say who asked */
  GVIR_QEMU_SHUTDOWN_GUEST = 1,
  GVIR_QEMU_SHUTDOWN_HOST = 2,
};

/* Maps QMP event @name of @dom's QEMU to states and lifecycle events,
 * collected into @events, and starts the lifecycle action it calls for.
 * In the monitor's I/O thread, under the state lock: never blocks. */
void gvir_qemu_events_handle (GVirQemuDomain   *dom,
                              GVirQemuProcess  *proc,
                              const char       *name,
                              JsonObject       *data,
                              GVirDriverEvents *events);

/* How the domain ended when its monitor ends: the SHUTOFF reason and the
 * STOPPED detail. Under the state lock. */
void gvir_qemu_events_end_reason (const GVirQemuDomain *dom, int *reason, int *detail);

/* Tells a freshly started QEMU (stopped, before `cont`) the actions that
 * must happen inside QEMU: <on_reboot>destroy</on_reboot> makes a guest
 * reset a shutdown. */
gboolean gvir_qemu_events_prepare (GVirQemuProcess   *proc,
                                   GVirConfigDomain  *def,
                                   GCancellable      *cancellable,
                                   GError           **error);

/* The reboot_domain call: an ACPI power button press after which the
 * guest's power-off becomes a reset (a "fake reboot"). A guest that
 * ignores ACPI is not rebooted, and the call still succeeds. */
gboolean gvir_qemu_events_reboot_domain (gpointer       handle,
                                         const char    *uuid,
                                         guint          flags,
                                         GCancellable  *cancellable,
                                         GError       **error);

/* A shutdown was asked for: the next power-off of the guest ends it,
 * whatever an earlier reboot call asked. Under the state lock. */
void gvir_qemu_events_forget_reboot (GVirQemuDomain *dom);

G_END_DECLS
