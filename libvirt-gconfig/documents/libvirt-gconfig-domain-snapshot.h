/*
 * libvirt-gconfig-domain-snapshot.h: a domain snapshot
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#pragma once

#if !defined(__LIBVIRT_GCONFIG_H__) && !defined(LIBVIRT_GCONFIG_BUILD)
#error "Only <libvirt-gconfig/libvirt-gconfig.h> can be included directly."
#endif

#include <libvirt-gconfig/libvirt-gconfig-object.h>
#include <libvirt-gconfig/libvirt-gconfig-domain.h>
#include <libvirt-gconfig/libvirt-gconfig-domain-snapshot-disk.h>

G_BEGIN_DECLS

/**
 * GVirConfigDomainSnapshotDomainState:
 * @GVIR_CONFIG_DOMAIN_SNAPSHOT_DOMAIN_STATE_NOSTATE: no state
 * @GVIR_CONFIG_DOMAIN_SNAPSHOT_DOMAIN_STATE_RUNNING: the domain was running
 * @GVIR_CONFIG_DOMAIN_SNAPSHOT_DOMAIN_STATE_BLOCKED: the domain was blocked on a resource
 * @GVIR_CONFIG_DOMAIN_SNAPSHOT_DOMAIN_STATE_PAUSED: the domain was paused
 * @GVIR_CONFIG_DOMAIN_SNAPSHOT_DOMAIN_STATE_SHUTDOWN: the domain was shutting down
 * @GVIR_CONFIG_DOMAIN_SNAPSHOT_DOMAIN_STATE_SHUTOFF: the domain was shut off
 * @GVIR_CONFIG_DOMAIN_SNAPSHOT_DOMAIN_STATE_CRASHED: the domain had crashed
 * @GVIR_CONFIG_DOMAIN_SNAPSHOT_DOMAIN_STATE_PMSUSPENDED: the guest had suspended itself
 * @GVIR_CONFIG_DOMAIN_SNAPSHOT_DOMAIN_STATE_DISK_SNAPSHOT: a disk-only snapshot of a running domain
 *
 * The state of the domain when the snapshot was taken, from `<state>`.
 */
typedef enum
{
  GVIR_CONFIG_DOMAIN_SNAPSHOT_DOMAIN_STATE_NOSTATE = 0,
  GVIR_CONFIG_DOMAIN_SNAPSHOT_DOMAIN_STATE_RUNNING = 1,
  GVIR_CONFIG_DOMAIN_SNAPSHOT_DOMAIN_STATE_BLOCKED = 2,
  GVIR_CONFIG_DOMAIN_SNAPSHOT_DOMAIN_STATE_PAUSED = 3,
  GVIR_CONFIG_DOMAIN_SNAPSHOT_DOMAIN_STATE_SHUTDOWN = 4,
  GVIR_CONFIG_DOMAIN_SNAPSHOT_DOMAIN_STATE_SHUTOFF = 5,
  GVIR_CONFIG_DOMAIN_SNAPSHOT_DOMAIN_STATE_CRASHED = 6,
  GVIR_CONFIG_DOMAIN_SNAPSHOT_DOMAIN_STATE_PMSUSPENDED = 7,
  GVIR_CONFIG_DOMAIN_SNAPSHOT_DOMAIN_STATE_DISK_SNAPSHOT = 100,
} GVirConfigDomainSnapshotDomainState;

/**
 * GVirConfigDomainSnapshotMemoryState:
 * @GVIR_CONFIG_DOMAIN_SNAPSHOT_MEMORY_STATE_NONE: the memory is not saved
 * @GVIR_CONFIG_DOMAIN_SNAPSHOT_MEMORY_STATE_INTERNAL: the memory is saved inside the disk images
 * @GVIR_CONFIG_DOMAIN_SNAPSHOT_MEMORY_STATE_EXTERNAL: the memory is saved to a separate file
 *
 * How a snapshot saves the guest memory, written as `<memory snapshot>`.
 */
typedef enum
{
  GVIR_CONFIG_DOMAIN_SNAPSHOT_MEMORY_STATE_NONE,
  GVIR_CONFIG_DOMAIN_SNAPSHOT_MEMORY_STATE_INTERNAL,
  GVIR_CONFIG_DOMAIN_SNAPSHOT_MEMORY_STATE_EXTERNAL,
} GVirConfigDomainSnapshotMemoryState;

/**
 * GVIR_CONFIG_TYPE_DOMAIN_SNAPSHOT:
 *
 * The #GType of #GVirConfigDomainSnapshot.
 */
#define GVIR_CONFIG_TYPE_DOMAIN_SNAPSHOT (gvir_config_domain_snapshot_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigDomainSnapshot, gvir_config_domain_snapshot,
                      GVIR_CONFIG, DOMAIN_SNAPSHOT, GVirConfigObject)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainSnapshot *gvir_config_domain_snapshot_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainSnapshot *gvir_config_domain_snapshot_new_from_xml (const gchar *xml, GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_domain_snapshot_get_name (GVirConfigDomainSnapshot *snapshot);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_snapshot_set_name (GVirConfigDomainSnapshot *snapshot, const gchar *name);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_domain_snapshot_get_description (GVirConfigDomainSnapshot *snapshot);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_snapshot_set_description (GVirConfigDomainSnapshot *snapshot, const gchar *description);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainSnapshotMemoryState gvir_config_domain_snapshot_get_memory_state (GVirConfigDomainSnapshot *snapshot);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_snapshot_set_memory_state (GVirConfigDomainSnapshot *snapshot, GVirConfigDomainSnapshotMemoryState memory_state);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_domain_snapshot_get_memory_file (GVirConfigDomainSnapshot *snapshot);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_snapshot_set_memory_file (GVirConfigDomainSnapshot *snapshot, const gchar *memory_file);
GVIR_CONFIG_AVAILABLE_IN_ALL
time_t gvir_config_domain_snapshot_get_creation_time (GVirConfigDomainSnapshot *snapshot);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainSnapshotDomainState gvir_config_domain_snapshot_get_state (GVirConfigDomainSnapshot *snapshot);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_domain_snapshot_get_parent (GVirConfigDomainSnapshot *snapshot);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomain *gvir_config_domain_snapshot_get_domain (GVirConfigDomainSnapshot *snapshot);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_snapshot_set_disks (GVirConfigDomainSnapshot *snapshot, GList *disks);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_snapshot_add_disk (GVirConfigDomainSnapshot *snapshot,
                                           GVirConfigDomainSnapshotDisk *disk);
GVIR_CONFIG_AVAILABLE_IN_ALL
GList *gvir_config_domain_snapshot_get_disks (GVirConfigDomainSnapshot *snapshot);

G_END_DECLS
