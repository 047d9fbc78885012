/*
 * gvir-qemu-command-private.h: the QEMU 7.2 command line of a domain
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#pragma once

#include <libvirt-gconfig/libvirt-gconfig.h>

#include "libvirt-gobject/util/gvir-id-set-private.h"

G_BEGIN_DECLS

/* What the caller knows about the host and has prepared for this start.
 * The builder reads it and keeps no pointer to it. */
typedef struct
{
  /* argv[0]: the emulator the driver resolved (not read from <emulator>). */
  const char *emulator;
  /* A UNIX socket the driver has bound and listens on, inherited by QEMU
   * under this number: the QMP monitor. */
  int monitor_fd;
  /* The domain's private directory: default place of the VNC/SPICE and
   * serial sockets when the XML names no path. */
  const char *domain_dir;
  /* /dev/kvm can be opened: domain type 'kvm' is allowed (accel kvm). */
  gboolean kvm_usable;
  /* The host's NUMA node ids; every nodeset of the domain must be inside. */
  const GVirIdSet *host_nodes;
  /* The probe's default machine type, used when <type machine> is absent
   * (for example "pc-i440fx-7.2"). */
  const char *default_machine;
  /* A hugetlbfs mount point for <memoryBacking><hugepages/>, or NULL when
   * the host has none (such a domain is then refused). */
  const char *hugepages_dir;
  /* Wait for a migration stream (`-incoming defer`): a restore sends
   * `migrate-incoming` once the monitor is up. */
  gboolean incoming_defer;
} GVirQemuCommandContext;

/* What the driver must do besides running the argv. */
typedef enum
{
  GVIR_QEMU_COMMAND_FLAG_NONE = 0,
  /* <numatune><memory mode='restrictive'>: the memory backends carry no
   * policy; the driver applies the nodeset to the process (util layer). */
  GVIR_QEMU_COMMAND_FLAG_PROCESS_MEMORY_POLICY = 1 << 0,
} GVirQemuCommandFlags;

/* Builds QEMU 7.2's argv for @def, in libvirt's argument order: identity
 * and machine (-name, -S, -machine, -accel, -cpu, -m, -overcommit, -smp,
 * guest NUMA), -uuid, defaults and the monitor on ctx->monitor_fd, -rtc,
 * -no-shutdown, -boot, then the devices (controllers, disks as -blockdev
 * plus -device, user network, serial/console, input, -audiodev, VNC/SPICE,
 * video, memballoon, pvpanic), -sandbox and -msg. Pure: no I/O, no process.
 *
 * Everything in @def the builder cannot honour is refused rather than
 * ignored: GVIR_ERROR_NOT_SUPPORTED naming the element, attribute or value;
 * GVIR_ERROR_NUMA_UNAVAILABLE for a nodeset outside ctx->host_nodes;
 * GVIR_ERROR_XML for missing mandatory parts (<name>, <memory>, ...);
 * GVIR_ERROR_INVALID_ARGUMENT for inconsistent values (topology, boot).
 *
 * @flags (optional) receives what the driver must apply itself.
 * Returns: (transfer full): the argv, NULL-terminated, argv[0] the emulator. */
GStrv gvir_qemu_command_build (GVirConfigDomain *def,
                               const GVirQemuCommandContext *ctx,
                               GVirQemuCommandFlags *flags,
                               GError **error);

G_END_DECLS
