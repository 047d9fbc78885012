/*
 * libvirt-gobject-domain.h: a virtual machine known to a connection
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#pragma once

#if !defined(__LIBVIRT_GOBJECT_H__) && !defined(LIBVIRT_GOBJECT_BUILD)
#error "Only <libvirt-gobject/libvirt-gobject.h> can be included directly."
#endif

#include <gio/gio.h>
#include <libvirt-gconfig/libvirt-gconfig.h>
#include <libvirt-gobject/libvirt-gobject-visibility.h>
#include <libvirt-gobject/libvirt-gobject-nodeset.h>
#include <libvirt-gobject/libvirt-gobject-domain-snapshot.h>
#include <libvirt-gobject/libvirt-gobject-stream.h>

G_BEGIN_DECLS

/**
 * GVirDomainState:
 * @GVIR_DOMAIN_STATE_NONE: no state
 * @GVIR_DOMAIN_STATE_RUNNING: the domain is running
 * @GVIR_DOMAIN_STATE_BLOCKED: the domain is blocked on a resource
 * @GVIR_DOMAIN_STATE_PAUSED: the domain is paused by the user
 * @GVIR_DOMAIN_STATE_SHUTDOWN: the domain is being shut down
 * @GVIR_DOMAIN_STATE_SHUTOFF: the domain is shut off
 * @GVIR_DOMAIN_STATE_CRASHED: the domain has crashed
 * @GVIR_DOMAIN_STATE_PMSUSPENDED: the domain is suspended by guest power management
 *
 * The run state of a domain. The values are libvirt's.
 */
typedef enum
{
  GVIR_DOMAIN_STATE_NONE = 0,
  GVIR_DOMAIN_STATE_RUNNING = 1,
  GVIR_DOMAIN_STATE_BLOCKED = 2,
  GVIR_DOMAIN_STATE_PAUSED = 3,
  GVIR_DOMAIN_STATE_SHUTDOWN = 4,
  GVIR_DOMAIN_STATE_SHUTOFF = 5,
  GVIR_DOMAIN_STATE_CRASHED = 6,
  GVIR_DOMAIN_STATE_PMSUSPENDED = 7,
} GVirDomainState;

/**
 * GVirDomainStartFlags:
 * @GVIR_DOMAIN_START_NONE: no flags
 * @GVIR_DOMAIN_START_PAUSED: start with the virtual CPUs paused
 * @GVIR_DOMAIN_START_AUTODESTROY: destroy the domain when the connection closes
 * @GVIR_DOMAIN_START_BYPASS_CACHE: avoid the file system cache when restoring
 * @GVIR_DOMAIN_START_FORCE_BOOT: boot, discarding any managed save image
 *
 * Flags for gvir_domain_start() and gvir_connection_start_domain().
 */
typedef enum /*< flags >*/
{
  GVIR_DOMAIN_START_NONE = 0,
  GVIR_DOMAIN_START_PAUSED = 1 << 0,
  GVIR_DOMAIN_START_AUTODESTROY = 1 << 1,
  GVIR_DOMAIN_START_BYPASS_CACHE = 1 << 2,
  GVIR_DOMAIN_START_FORCE_BOOT = 1 << 3,
} GVirDomainStartFlags;

/**
 * GVirDomainDeleteFlags:
 * @GVIR_DOMAIN_DELETE_NONE: no flags
 * @GVIR_DOMAIN_DELETE_SAVED_STATE: also remove the managed save image
 * @GVIR_DOMAIN_DELETE_SNAPSHOTS_METADATA: also remove snapshot metadata
 * @GVIR_DOMAIN_DELETE_REMOVE_NVRAM: also remove the NVRAM file
 * @GVIR_DOMAIN_DELETE_KEEP_NVRAM: keep the NVRAM file
 *
 * Flags for gvir_domain_delete().
 */
typedef enum /*< flags >*/
{
  GVIR_DOMAIN_DELETE_NONE = 0,
  GVIR_DOMAIN_DELETE_SAVED_STATE = 1 << 0,
  GVIR_DOMAIN_DELETE_SNAPSHOTS_METADATA = 1 << 1,
  GVIR_DOMAIN_DELETE_REMOVE_NVRAM = 1 << 2,
  GVIR_DOMAIN_DELETE_KEEP_NVRAM = 1 << 3,
} GVirDomainDeleteFlags;

/**
 * GVirDomainXMLFlags:
 * @GVIR_DOMAIN_XML_NONE: no flags
 * @GVIR_DOMAIN_XML_SECURE: include security-sensitive information
 * @GVIR_DOMAIN_XML_INACTIVE: describe the persistent (next boot) configuration
 * @GVIR_DOMAIN_XML_UPDATE_CPU: update the guest CPU from the host CPU
 *
 * Flags for gvir_domain_get_config().
 */
typedef enum /*< flags >*/
{
  GVIR_DOMAIN_XML_NONE = 0,
  GVIR_DOMAIN_XML_SECURE = 1 << 0,
  GVIR_DOMAIN_XML_INACTIVE = 1 << 1,
  GVIR_DOMAIN_XML_UPDATE_CPU = 1 << 2,
} GVirDomainXMLFlags;

/**
 * GVirDomainShutdownFlags:
 * @GVIR_DOMAIN_SHUTDOWN_NONE: let the driver choose the method
 * @GVIR_DOMAIN_SHUTDOWN_ACPI_POWER_BTN: send an ACPI power button event
 * @GVIR_DOMAIN_SHUTDOWN_GUEST_AGENT: ask the guest agent
 *
 * Flags for gvir_domain_shutdown().
 */
typedef enum /*< flags >*/
{
  GVIR_DOMAIN_SHUTDOWN_NONE = 0,
  GVIR_DOMAIN_SHUTDOWN_ACPI_POWER_BTN = 1 << 0,
  GVIR_DOMAIN_SHUTDOWN_GUEST_AGENT = 1 << 1,
} GVirDomainShutdownFlags;

/**
 * GVirDomainRebootFlags:
 * @GVIR_DOMAIN_REBOOT_NONE: let the driver choose the method
 * @GVIR_DOMAIN_REBOOT_ACPI_POWER_BTN: send an ACPI power button event
 * @GVIR_DOMAIN_REBOOT_GUEST_AGENT: ask the guest agent
 *
 * Flags for gvir_domain_reboot().
 */
typedef enum /*< flags >*/
{
  GVIR_DOMAIN_REBOOT_NONE = 0,
  GVIR_DOMAIN_REBOOT_ACPI_POWER_BTN = 1 << 0,
  GVIR_DOMAIN_REBOOT_GUEST_AGENT = 1 << 1,
} GVirDomainRebootFlags;

/**
 * GVirDomainNumatuneMode:
 * @GVIR_DOMAIN_NUMATUNE_MODE_STRICT: allocate memory only from the nodeset
 *   (`<numatune><memory mode='strict'>`)
 * @GVIR_DOMAIN_NUMATUNE_MODE_PREFERRED: prefer the nodeset's node, fall back
 *   to others (`mode='preferred'`)
 * @GVIR_DOMAIN_NUMATUNE_MODE_INTERLEAVE: spread memory pages over the
 *   nodeset (`mode='interleave'`)
 * @GVIR_DOMAIN_NUMATUNE_MODE_RESTRICTIVE: restrict memory to the nodeset
 *   through cgroups only (`mode='restrictive'`)
 *
 * The memory placement mode of a domain's NUMA parameters. The values are
 * libvirt's (virDomainNumatuneMemMode).
 */
typedef enum
{
  GVIR_DOMAIN_NUMATUNE_MODE_STRICT = 0,
  GVIR_DOMAIN_NUMATUNE_MODE_PREFERRED = 1,
  GVIR_DOMAIN_NUMATUNE_MODE_INTERLEAVE = 2,
  GVIR_DOMAIN_NUMATUNE_MODE_RESTRICTIVE = 3,
} GVirDomainNumatuneMode;

/**
 * GVirDomainModificationImpact:
 * @GVIR_DOMAIN_AFFECT_CURRENT: the live state of a running domain, the
 *   persistent configuration of a shut-off one
 * @GVIR_DOMAIN_AFFECT_LIVE: the live state (the domain must be running)
 * @GVIR_DOMAIN_AFFECT_CONFIG: the persistent configuration, used from the
 *   next boot (the domain must be persistent)
 *
 * Which definition of a domain a parameter call reads or changes. The
 * values are libvirt's (virDomainModificationImpact); a change may name
 * both %GVIR_DOMAIN_AFFECT_LIVE and %GVIR_DOMAIN_AFFECT_CONFIG.
 */
typedef enum /*< flags >*/
{
  GVIR_DOMAIN_AFFECT_CURRENT = 0,
  GVIR_DOMAIN_AFFECT_LIVE = 1 << 0,
  GVIR_DOMAIN_AFFECT_CONFIG = 1 << 1,
} GVirDomainModificationImpact;

/**
 * GVirDomainSnapshotCreateFlags:
 * @GVIR_DOMAIN_SNAPSHOT_NONE: no flags
 * @GVIR_DOMAIN_SNAPSHOT_REDEFINE: define again the metadata of an existing snapshot
 * @GVIR_DOMAIN_SNAPSHOT_CURRENT: with %GVIR_DOMAIN_SNAPSHOT_REDEFINE, make the snapshot current
 * @GVIR_DOMAIN_SNAPSHOT_NO_METADATA: keep no metadata of the snapshot
 * @GVIR_DOMAIN_SNAPSHOT_HALT: stop the domain once the snapshot is taken
 * @GVIR_DOMAIN_SNAPSHOT_DISK_ONLY: take a snapshot of the disks only
 * @GVIR_DOMAIN_SNAPSHOT_REUSE_EXT: reuse existing external files
 * @GVIR_DOMAIN_SNAPSHOT_QUIESCE: quiesce the guest's file systems first
 * @GVIR_DOMAIN_SNAPSHOT_ATOMIC: take the snapshot of all disks or none
 *
 * Flags for gvir_domain_create_snapshot(). The values are libvirt's.
 */
typedef enum /*< flags >*/
{
  GVIR_DOMAIN_SNAPSHOT_NONE = 0,
  GVIR_DOMAIN_SNAPSHOT_REDEFINE = 1 << 0,
  GVIR_DOMAIN_SNAPSHOT_CURRENT = 1 << 1,
  GVIR_DOMAIN_SNAPSHOT_NO_METADATA = 1 << 2,
  GVIR_DOMAIN_SNAPSHOT_HALT = 1 << 3,
  GVIR_DOMAIN_SNAPSHOT_DISK_ONLY = 1 << 4,
  GVIR_DOMAIN_SNAPSHOT_REUSE_EXT = 1 << 5,
  GVIR_DOMAIN_SNAPSHOT_QUIESCE = 1 << 6,
  GVIR_DOMAIN_SNAPSHOT_ATOMIC = 1 << 7,
} GVirDomainSnapshotCreateFlags;

/**
 * GVirDomainSnapshotListFlags:
 * @GVIR_DOMAIN_SNAPSHOT_LIST_ALL: every snapshot
 * @GVIR_DOMAIN_SNAPSHOT_LIST_DESCENDANTS: all descendants (when listing
 *   the children of a snapshot; the same value as
 *   %GVIR_DOMAIN_SNAPSHOT_LIST_ROOTS)
 * @GVIR_DOMAIN_SNAPSHOT_LIST_ROOTS: only snapshots without a parent
 * @GVIR_DOMAIN_SNAPSHOT_LIST_METADATA: only snapshots with metadata
 * @GVIR_DOMAIN_SNAPSHOT_LIST_LEAVES: only snapshots without children
 * @GVIR_DOMAIN_SNAPSHOT_LIST_NO_LEAVES: only snapshots with children
 * @GVIR_DOMAIN_SNAPSHOT_LIST_NO_METADATA: only snapshots without metadata
 * @GVIR_DOMAIN_SNAPSHOT_LIST_INACTIVE: snapshots of a shut off domain
 * @GVIR_DOMAIN_SNAPSHOT_LIST_ACTIVE: snapshots of a running domain
 * @GVIR_DOMAIN_SNAPSHOT_LIST_DISK_ONLY: snapshots of the disks only
 * @GVIR_DOMAIN_SNAPSHOT_LIST_INTERNAL: snapshots stored inside the disk images
 * @GVIR_DOMAIN_SNAPSHOT_LIST_EXTERNAL: snapshots stored in files of their own
 *
 * Flags for gvir_domain_fetch_snapshots(). The values are libvirt's; of
 * each pair of opposites, giving neither or both lists everything.
 */
typedef enum /*< flags >*/
{
  GVIR_DOMAIN_SNAPSHOT_LIST_ALL = 0,
  GVIR_DOMAIN_SNAPSHOT_LIST_DESCENDANTS = 1 << 0,
  GVIR_DOMAIN_SNAPSHOT_LIST_ROOTS = 1 << 0,
  GVIR_DOMAIN_SNAPSHOT_LIST_METADATA = 1 << 1,
  GVIR_DOMAIN_SNAPSHOT_LIST_LEAVES = 1 << 2,
  GVIR_DOMAIN_SNAPSHOT_LIST_NO_LEAVES = 1 << 3,
  GVIR_DOMAIN_SNAPSHOT_LIST_NO_METADATA = 1 << 4,
  GVIR_DOMAIN_SNAPSHOT_LIST_INACTIVE = 1 << 5,
  GVIR_DOMAIN_SNAPSHOT_LIST_ACTIVE = 1 << 6,
  GVIR_DOMAIN_SNAPSHOT_LIST_DISK_ONLY = 1 << 7,
  GVIR_DOMAIN_SNAPSHOT_LIST_INTERNAL = 1 << 8,
  GVIR_DOMAIN_SNAPSHOT_LIST_EXTERNAL = 1 << 9,
} GVirDomainSnapshotListFlags;

/**
 * GVirDomainUpdateDeviceFlags:
 * @GVIR_DOMAIN_UPDATE_DEVICE_CURRENT: the live device of a running domain,
 *   the configured one of a shut-off domain
 * @GVIR_DOMAIN_UPDATE_DEVICE_LIVE: the live device (the domain must be running)
 * @GVIR_DOMAIN_UPDATE_DEVICE_CONFIG: the configured device, used from the
 *   next boot (the domain must be persistent)
 *
 * Which definition gvir_domain_update_device() changes; LIVE and CONFIG
 * may be combined. The values are libvirt's.
 */
typedef enum
{
  GVIR_DOMAIN_UPDATE_DEVICE_CURRENT = 0,
  GVIR_DOMAIN_UPDATE_DEVICE_LIVE = 1,
  GVIR_DOMAIN_UPDATE_DEVICE_CONFIG = 2,
} GVirDomainUpdateDeviceFlags;

/* Defined in libvirt-gobject-domain-info.h; hidden from gtk-doc, which
 * would otherwise take this forward declaration for an empty struct. */
#ifndef __GTK_DOC_IGNORE__
typedef struct _GVirDomainInfo GVirDomainInfo;
#endif

/**
 * GVIR_TYPE_DOMAIN:
 *
 * The #GType of #GVirDomain.
 */
#define GVIR_TYPE_DOMAIN (gvir_domain_get_type ())

/**
 * GVirDomain:
 *
 * A domain (virtual machine) of a #GVirConnection. All its fields are
 * private.
 */
GVIR_AVAILABLE_IN_ALL
G_DECLARE_DERIVABLE_TYPE (GVirDomain, gvir_domain, GVIR, DOMAIN, GObject)

/**
 * GVirDomainClass:
 * @parent_class: the parent class
 * @started: default handler of #GVirDomain::started
 * @stopped: default handler of #GVirDomain::stopped
 * @resumed: default handler of #GVirDomain::resumed
 * @updated: default handler of #GVirDomain::updated
 * @suspended: default handler of #GVirDomain::suspended
 * @pmsuspended: default handler of #GVirDomain::pmsuspended
 *
 * The class of #GVirDomain. The type is final: the structure is public
 * only so that code written for libvirt-glib keeps compiling.
 */
struct _GVirDomainClass
{
  GObjectClass parent_class;

  void (*started) (GVirDomain *dom);
  void (*stopped) (GVirDomain *dom);
  void (*resumed) (GVirDomain *dom);
  void (*updated) (GVirDomain *dom);
  void (*suspended) (GVirDomain *dom);
  void (*pmsuspended) (GVirDomain *dom);

  /*< private >*/
  gpointer padding[19];
};

GVIR_AVAILABLE_IN_ALL
const gchar *gvir_domain_get_name (GVirDomain *dom);
GVIR_AVAILABLE_IN_ALL
const gchar *gvir_domain_get_uuid (GVirDomain *dom);
GVIR_AVAILABLE_IN_ALL
gboolean gvir_domain_get_persistent (GVirDomain *dom);
GVIR_AVAILABLE_IN_ALL
gboolean gvir_domain_get_saved (GVirDomain *dom);

GVIR_AVAILABLE_IN_ALL
gint gvir_domain_get_id (GVirDomain *dom, GError **err);
GVIR_AVAILABLE_IN_ALL
void gvir_domain_get_id_async (GVirDomain *dom, GCancellable *cancellable,
                               GAsyncReadyCallback callback, gpointer user_data);
GVIR_AVAILABLE_IN_ALL
gint gvir_domain_get_id_finish (GVirDomain *dom, GAsyncResult *result, GError **err);

GVIR_AVAILABLE_IN_ALL
gboolean gvir_domain_start (GVirDomain *dom, guint flags, GError **err);
GVIR_AVAILABLE_IN_ALL
void gvir_domain_start_async (GVirDomain *dom, guint flags, GCancellable *cancellable,
                              GAsyncReadyCallback callback, gpointer user_data);
GVIR_AVAILABLE_IN_ALL
gboolean gvir_domain_start_finish (GVirDomain *dom, GAsyncResult *result, GError **err);

GVIR_AVAILABLE_IN_ALL
gboolean gvir_domain_resume (GVirDomain *dom, GError **err);
GVIR_AVAILABLE_IN_ALL
void gvir_domain_resume_async (GVirDomain *dom, GCancellable *cancellable,
                               GAsyncReadyCallback callback, gpointer user_data);
GVIR_AVAILABLE_IN_ALL
gboolean gvir_domain_resume_finish (GVirDomain *dom, GAsyncResult *result, GError **err);

GVIR_AVAILABLE_IN_ALL
gboolean gvir_domain_stop (GVirDomain *dom, guint flags, GError **err);
GVIR_AVAILABLE_IN_ALL
void gvir_domain_stop_async (GVirDomain *dom, guint flags, GCancellable *cancellable,
                             GAsyncReadyCallback callback, gpointer user_data);
GVIR_AVAILABLE_IN_ALL
gboolean gvir_domain_stop_finish (GVirDomain *dom, GAsyncResult *result, GError **err);

GVIR_AVAILABLE_IN_ALL
gboolean gvir_domain_shutdown (GVirDomain *dom, guint flags, GError **err);
GVIR_AVAILABLE_IN_ALL
void gvir_domain_shutdown_async (GVirDomain *dom, guint flags, GCancellable *cancellable,
                                 GAsyncReadyCallback callback, gpointer user_data);
GVIR_AVAILABLE_IN_ALL
gboolean gvir_domain_shutdown_finish (GVirDomain *dom, GAsyncResult *result, GError **err);

GVIR_AVAILABLE_IN_ALL
gboolean gvir_domain_reboot (GVirDomain *dom, guint flags, GError **err);
GVIR_AVAILABLE_IN_ALL
void gvir_domain_reboot_async (GVirDomain *dom, guint flags, GCancellable *cancellable,
                               GAsyncReadyCallback callback, gpointer user_data);
GVIR_AVAILABLE_IN_ALL
gboolean gvir_domain_reboot_finish (GVirDomain *dom, GAsyncResult *result, GError **err);

GVIR_AVAILABLE_IN_ALL
gboolean gvir_domain_suspend (GVirDomain *dom, GError **err);
GVIR_AVAILABLE_IN_ALL
void gvir_domain_suspend_async (GVirDomain *dom, GCancellable *cancellable,
                                GAsyncReadyCallback callback, gpointer user_data);
GVIR_AVAILABLE_IN_ALL
gboolean gvir_domain_suspend_finish (GVirDomain *dom, GAsyncResult *result, GError **err);

GVIR_AVAILABLE_IN_ALL
gboolean gvir_domain_delete (GVirDomain *dom, guint flags, GError **err);
GVIR_AVAILABLE_IN_ALL
void gvir_domain_delete_async (GVirDomain *dom, guint flags, GCancellable *cancellable,
                               GAsyncReadyCallback callback, gpointer user_data);
GVIR_AVAILABLE_IN_ALL
gboolean gvir_domain_delete_finish (GVirDomain *dom, GAsyncResult *result, GError **err);

GVIR_AVAILABLE_IN_ALL
gboolean gvir_domain_save (GVirDomain *dom, guint flags, GError **err);
GVIR_AVAILABLE_IN_ALL
void gvir_domain_save_async (GVirDomain *dom, guint flags, GCancellable *cancellable,
                             GAsyncReadyCallback callback, gpointer user_data);
GVIR_AVAILABLE_IN_ALL
gboolean gvir_domain_save_finish (GVirDomain *dom, GAsyncResult *result, GError **err);

GVIR_AVAILABLE_IN_ALL
gboolean gvir_domain_save_to_file (GVirDomain *dom, const gchar *filename,
                                   GVirConfigDomain *custom_conf, guint flags, GError **err);
GVIR_AVAILABLE_IN_ALL
void gvir_domain_save_to_file_async (GVirDomain *dom, const gchar *filename,
                                     GVirConfigDomain *custom_conf, guint flags,
                                     GCancellable *cancellable, GAsyncReadyCallback callback,
                                     gpointer user_data);
GVIR_AVAILABLE_IN_ALL
gboolean gvir_domain_save_to_file_finish (GVirDomain *dom, GAsyncResult *result, GError **err);

GVIR_AVAILABLE_IN_ALL
GVirDomainInfo *gvir_domain_get_info (GVirDomain *dom, GError **err);
GVIR_AVAILABLE_IN_ALL
void gvir_domain_get_info_async (GVirDomain *dom, GCancellable *cancellable,
                                 GAsyncReadyCallback callback, gpointer user_data);
GVIR_AVAILABLE_IN_ALL
GVirDomainInfo *gvir_domain_get_info_finish (GVirDomain *dom, GAsyncResult *result, GError **err);

GVIR_AVAILABLE_IN_ALL
GVirDomainState gvir_domain_get_state (GVirDomain *dom, guint *reason, GError **err);
GVIR_AVAILABLE_IN_ALL
void gvir_domain_get_state_async (GVirDomain *dom, GCancellable *cancellable,
                                  GAsyncReadyCallback callback, gpointer user_data);
GVIR_AVAILABLE_IN_ALL
GVirDomainState gvir_domain_get_state_finish (GVirDomain *dom, GAsyncResult *result,
                                              guint *reason, GError **err);

GVIR_AVAILABLE_IN_ALL
GVirConfigDomain *gvir_domain_get_config (GVirDomain *dom, guint flags, GError **err);
GVIR_AVAILABLE_IN_ALL
void gvir_domain_get_config_async (GVirDomain *dom, guint flags, GCancellable *cancellable,
                                   GAsyncReadyCallback callback, gpointer user_data);
GVIR_AVAILABLE_IN_ALL
GVirConfigDomain *gvir_domain_get_config_finish (GVirDomain *dom, GAsyncResult *result,
                                                 GError **err);

GVIR_AVAILABLE_IN_ALL
gboolean gvir_domain_set_config (GVirDomain *domain, GVirConfigDomain *conf, GError **err);
GVIR_AVAILABLE_IN_ALL
void gvir_domain_set_config_async (GVirDomain *domain, GVirConfigDomain *conf,
                                   GCancellable *cancellable, GAsyncReadyCallback callback,
                                   gpointer user_data);
GVIR_AVAILABLE_IN_ALL
gboolean gvir_domain_set_config_finish (GVirDomain *domain, GAsyncResult *result, GError **err);

GVIR_AVAILABLE_IN_ALL
gboolean gvir_domain_get_numa_parameters (GVirDomain *dom, guint flags,
                                          GVirDomainNumatuneMode *mode,
                                          GVirNodeset **nodeset, GError **err);
GVIR_AVAILABLE_IN_ALL
void gvir_domain_get_numa_parameters_async (GVirDomain *dom, guint flags,
                                            GCancellable *cancellable,
                                            GAsyncReadyCallback callback, gpointer user_data);
GVIR_AVAILABLE_IN_ALL
gboolean gvir_domain_get_numa_parameters_finish (GVirDomain *dom, GAsyncResult *result,
                                                 GVirDomainNumatuneMode *mode,
                                                 GVirNodeset **nodeset, GError **err);

GVIR_AVAILABLE_IN_ALL
gboolean gvir_domain_set_numa_parameters (GVirDomain *dom, GVirDomainNumatuneMode mode,
                                          GVirNodeset *nodeset, guint flags, GError **err);
GVIR_AVAILABLE_IN_ALL
void gvir_domain_set_numa_parameters_async (GVirDomain *dom, GVirDomainNumatuneMode mode,
                                            GVirNodeset *nodeset, guint flags,
                                            GCancellable *cancellable,
                                            GAsyncReadyCallback callback, gpointer user_data);
GVIR_AVAILABLE_IN_ALL
gboolean gvir_domain_set_numa_parameters_finish (GVirDomain *dom, GAsyncResult *result,
                                                 GError **err);

GVIR_AVAILABLE_IN_ALL
gboolean gvir_domain_set_numa_nodeset (GVirDomain *dom, GVirNodeset *nodeset, guint flags,
                                       GError **err);
GVIR_AVAILABLE_IN_ALL
void gvir_domain_set_numa_nodeset_async (GVirDomain *dom, GVirNodeset *nodeset, guint flags,
                                         GCancellable *cancellable,
                                         GAsyncReadyCallback callback, gpointer user_data);
GVIR_AVAILABLE_IN_ALL
gboolean gvir_domain_set_numa_nodeset_finish (GVirDomain *dom, GAsyncResult *result,
                                              GError **err);

GVIR_AVAILABLE_IN_ALL
gboolean gvir_domain_set_numa_mode (GVirDomain *dom, GVirDomainNumatuneMode mode, guint flags,
                                    GError **err);
GVIR_AVAILABLE_IN_ALL
void gvir_domain_set_numa_mode_async (GVirDomain *dom, GVirDomainNumatuneMode mode,
                                      guint flags, GCancellable *cancellable,
                                      GAsyncReadyCallback callback, gpointer user_data);
GVIR_AVAILABLE_IN_ALL
gboolean gvir_domain_set_numa_mode_finish (GVirDomain *dom, GAsyncResult *result,
                                           GError **err);

/* Snapshots: libvirt-gobject-domain-snapshots.c */
GVIR_AVAILABLE_IN_ALL
GVirDomainSnapshot *gvir_domain_create_snapshot (GVirDomain *dom,
                                                 GVirConfigDomainSnapshot *custom_conf,
                                                 guint flags, GError **err);
GVIR_AVAILABLE_IN_ALL
void gvir_domain_create_snapshot_async (GVirDomain *dom, GVirConfigDomainSnapshot *custom_conf,
                                        guint flags, GCancellable *cancellable,
                                        GAsyncReadyCallback callback, gpointer user_data);
GVIR_AVAILABLE_IN_ALL
GVirDomainSnapshot *gvir_domain_create_snapshot_finish (GVirDomain *domain, GAsyncResult *result,
                                                        GError **error);
GVIR_AVAILABLE_IN_ALL
gboolean gvir_domain_fetch_snapshots (GVirDomain *dom, guint list_flags,
                                      GCancellable *cancellable, GError **error);
GVIR_AVAILABLE_IN_ALL
void gvir_domain_fetch_snapshots_async (GVirDomain *dom, guint list_flags,
                                        GCancellable *cancellable,
                                        GAsyncReadyCallback callback, gpointer user_data);
GVIR_AVAILABLE_IN_ALL
gboolean gvir_domain_fetch_snapshots_finish (GVirDomain *dom, GAsyncResult *res, GError **error);
GVIR_AVAILABLE_IN_ALL
GList *gvir_domain_get_snapshots (GVirDomain *dom);
GVIR_AVAILABLE_IN_ALL
gboolean gvir_domain_get_has_current_snapshot (GVirDomain *dom, guint flags,
                                               gboolean *has_current_snapshot, GError **error);
/* Display and consoles (libvirt-gobject-domain-display.c). */
GVIR_AVAILABLE_IN_ALL
gchar *gvir_domain_screenshot (GVirDomain *dom, GVirStream *stream, guint monitor_id,
                               guint flags, GError **err);
GVIR_AVAILABLE_IN_ALL
gboolean gvir_domain_open_console (GVirDomain *dom, GVirStream *stream, const gchar *devname,
                                   guint flags, GError **err);
GVIR_AVAILABLE_IN_ALL
gboolean gvir_domain_open_graphics (GVirDomain *dom, guint idx, int fd, unsigned int flags,
                                    GError **err);
GVIR_AVAILABLE_IN_ALL
int gvir_domain_open_graphics_fd (GVirDomain *dom, guint idx, unsigned int flags, GError **err);
GVIR_AVAILABLE_IN_ALL
GList *gvir_domain_get_devices (GVirDomain *domain, GError **err);
GVIR_AVAILABLE_IN_ALL
gboolean gvir_domain_update_device (GVirDomain *dom, GVirConfigDomainDevice *device, guint flags,
                                    GError **err);

GVIR_AVAILABLE_IN_ALL
gboolean gvir_domain_set_time (GVirDomain *dom, GDateTime *date_time, guint flags, GError **err);
GVIR_AVAILABLE_IN_ALL
void gvir_domain_set_time_async (GVirDomain *dom, GDateTime *date_time, guint flags,
                                 GCancellable *cancellable, GAsyncReadyCallback callback,
                                 gpointer user_data);
GVIR_AVAILABLE_IN_ALL
gboolean gvir_domain_set_time_finish (GVirDomain *dom, GAsyncResult *result, GError **err);

GVIR_AVAILABLE_IN_ALL
gboolean gvir_domain_wakeup (GVirDomain *dom, guint flags, GError **err);
GVIR_AVAILABLE_IN_ALL
void gvir_domain_wakeup_async (GVirDomain *dom, guint flags, GCancellable *cancellable,
                               GAsyncReadyCallback callback, gpointer user_data);
GVIR_AVAILABLE_IN_ALL
gboolean gvir_domain_wakeup_finish (GVirDomain *dom, GAsyncResult *result, GError **err);

G_END_DECLS
