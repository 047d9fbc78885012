/*
 * gvir-driver-domain-private.h: the domain table and its dispatch
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Nothing in this header is installed or scanned for the GIR. Include
 * gvir-driver-private.h, the umbrella of the layer's private API.
 */
#pragma once

#include "gvir-driver-core-private.h"

/* Defined with its dispatch in gvir-driver-stream-private.h. */
typedef struct _GVirDriverStream GVirDriverStream;

G_BEGIN_DECLS

/* ---- non-blocking answers --------------------------------------------------- */

/* The outcome of an asynchronous domain query: @info (borrowed) on success,
 * else @error (borrowed). Called exactly once, from any thread, never with
 * a driver lock held; it must not block or call the driver synchronously. */
typedef void (*GVirDriverDomainInfoFunc) (const GVirDriverDomainInfo *info,
                                          const GError *error, gpointer user_data);
/* The same for the state: @state and @reason are meaningful without @error. */
typedef void (*GVirDriverDomainStateFunc) (int state, int reason,
                                           const GError *error, gpointer user_data);

/* Counters of one disk, as libvirt's virDomainBlockStats gives them
 * (-1 for a counter the driver does not know). */
typedef struct
{
  gint64 rd_req;
  gint64 rd_bytes;
  gint64 wr_req;
  gint64 wr_bytes;
  gint64 errs;
} GVirDriverBlockStats;

/* Counters of one network interface (libvirt's virDomainInterfaceStats). */
typedef struct
{
  gint64 rx_bytes;
  gint64 rx_packets;
  gint64 rx_errs;
  gint64 rx_drop;
  gint64 tx_bytes;
  gint64 tx_packets;
  gint64 tx_errs;
  gint64 tx_drop;
} GVirDriverInterfaceStats;

/* libvirt's VIR_DOMAIN_BLOCK_RESIZE_BYTES: the new size is in bytes, not KiB. */
#define GVIR_DRIVER_BLOCK_RESIZE_BYTES (1u << 0)
/* libvirt's VIR_DOMAIN_TIME_SYNC: resynchronise the guest clock from its RTC. */
#define GVIR_DRIVER_TIME_SYNC (1u << 0)
/* libvirt's VIR_DOMAIN_SAVE_IMAGE_XML_SECURE: include security-sensitive
 * parts; refused on a read-only connection. */
#define GVIR_DRIVER_SAVE_IMAGE_XML_SECURE (1u << 0)
/* libvirt's VIR_DOMAIN_SAVE_RUNNING / _PAUSED: for a save image's new XML,
 * the state a restore ends in (at most one of them). */
#define GVIR_DRIVER_SAVE_IMAGE_RUNNING (1u << 1)
#define GVIR_DRIVER_SAVE_IMAGE_PAUSED (1u << 2)

/* libvirt's VIR_DOMAIN_MEM_MAXIMUM: set_memory changes the maximum
 * (<memory>) rather than the balloon's target (<currentMemory>). */
#define GVIR_DRIVER_MEM_MAXIMUM (1u << 2)

/* libvirt's VIR_DOMAIN_MEMORY_STAT_* tags that drivers report. */
typedef enum
{
  GVIR_DRIVER_MEMORY_STAT_SWAP_IN = 0,
  GVIR_DRIVER_MEMORY_STAT_SWAP_OUT = 1,
  GVIR_DRIVER_MEMORY_STAT_MAJOR_FAULT = 2,
  GVIR_DRIVER_MEMORY_STAT_MINOR_FAULT = 3,
  GVIR_DRIVER_MEMORY_STAT_UNUSED = 4,
  GVIR_DRIVER_MEMORY_STAT_AVAILABLE = 5,
  GVIR_DRIVER_MEMORY_STAT_ACTUAL_BALLOON = 6,
  GVIR_DRIVER_MEMORY_STAT_RSS = 7,
  GVIR_DRIVER_MEMORY_STAT_USABLE = 8,
  GVIR_DRIVER_MEMORY_STAT_LAST_UPDATE = 9,
  GVIR_DRIVER_MEMORY_STAT_DISK_CACHES = 10,
  GVIR_DRIVER_MEMORY_STAT_HUGETLB_PGALLOC = 11,
  GVIR_DRIVER_MEMORY_STAT_HUGETLB_PGFAIL = 12,
  /* libvirt's VIR_DOMAIN_MEMORY_STAT_NR: how many tags libvirt knows. */
  GVIR_DRIVER_MEMORY_STAT_NR = 13,
} GVirDriverMemoryStatTag;

/* One memory statistic (libvirt's virDomainMemoryStatStruct), in KiB for
 * sizes. */
typedef struct
{
  int tag;
  guint64 val;
} GVirDriverMemoryStat;

/* The most statistics one call returns (the protocol's limit). */
#define GVIR_DRIVER_MEMORY_STATS_MAX 1024

/* ---- the table ------------------------------------------------------------- */

/* Domains, addressed by their UUID string. Every callback gets the driver's
 * own handle (what the core table's open() returned). */
struct _GVirDriverDomainFuncs
{
  /* Element type GVirDriverDomain, with gvir_driver_domain_free as free func. */
  GPtrArray *(*list_domains) (gpointer handle, GCancellable *cancellable, GError **error);
  GVirDriverDomain *(*lookup_domain_by_uuid) (gpointer handle, const char *uuid,
                                              GCancellable *cancellable, GError **error);
  GVirDriverDomain *(*lookup_domain_by_name) (gpointer handle, const char *name,
                                              GCancellable *cancellable, GError **error);
  GVirDriverDomain *(*lookup_domain_by_id) (gpointer handle, int id,
                                            GCancellable *cancellable, GError **error);

  /* State changes (refused by the dispatch layer on read-only connections). */
  GVirDriverDomain *(*define_domain) (gpointer handle, const char *xml, guint flags,
                                      GCancellable *cancellable, GError **error);
  gboolean (*undefine_domain) (gpointer handle, const char *uuid, guint flags,
                               GCancellable *cancellable, GError **error);
  GVirDriverDomain *(*create_domain) (gpointer handle, const char *xml, guint flags,
                                      GCancellable *cancellable, GError **error);
  gboolean (*start_domain) (gpointer handle, const char *uuid, guint flags,
                            GCancellable *cancellable, GError **error);
  gboolean (*destroy_domain) (gpointer handle, const char *uuid, guint flags,
                              GCancellable *cancellable, GError **error);
  gboolean (*shutdown_domain) (gpointer handle, const char *uuid, guint flags,
                               GCancellable *cancellable, GError **error);
  gboolean (*reboot_domain) (gpointer handle, const char *uuid, guint flags,
                             GCancellable *cancellable, GError **error);
  gboolean (*suspend_domain) (gpointer handle, const char *uuid,
                              GCancellable *cancellable, GError **error);
  gboolean (*resume_domain) (gpointer handle, const char *uuid,
                             GCancellable *cancellable, GError **error);
  gboolean (*managed_save_domain) (gpointer handle, const char *uuid, guint flags,
                                   GCancellable *cancellable, GError **error);
  gboolean (*save_domain_to_file) (gpointer handle, const char *uuid, const char *path,
                                   const char *custom_xml, guint flags,
                                   GCancellable *cancellable, GError **error);
  GVirDriverDomain *(*restore_domain_from_file) (gpointer handle, const char *path,
                                                 const char *custom_xml, guint flags,
                                                 GCancellable *cancellable, GError **error);
  /* The domain XML stored in the save image at @path (which a save of this
   * driver wrote); flags GVIR_DRIVER_SAVE_IMAGE_XML_SECURE. It reads a
   * file, so it may block even in a driver whose calls never do. */
  char *(*get_save_image_xml) (gpointer handle, const char *path, guint flags,
                               GCancellable *cancellable, GError **error);
  /* Replaces the domain XML in the save image at @path by @xml, which must
   * keep the domain's name and UUID (a change of state; refused read-only);
   * flags GVIR_DRIVER_SAVE_IMAGE_RUNNING or _PAUSED. */
  gboolean (*define_save_image_xml) (gpointer handle, const char *path, const char *xml,
                                     guint flags, GCancellable *cancellable, GError **error);

  /* Queries on one domain. */
  gboolean (*get_domain_info) (gpointer handle, const char *uuid, GVirDriverDomainInfo *info,
                               GCancellable *cancellable, GError **error);
  gboolean (*get_domain_state) (gpointer handle, const char *uuid, int *state, int *reason,
                                GCancellable *cancellable, GError **error);
  char *(*get_domain_xml) (gpointer handle, const char *uuid, guint flags,
                           GCancellable *cancellable, GError **error);
  /* The number of vCPUs, or -1 with @error; @flags are GVIR_DRIVER_AFFECT_*
   * and GVIR_DRIVER_VCPUS_* (checked by the dispatch). Optional: without
   * it, the dispatch reads the counts from the domain's XML, which is right
   * for a driver that hot-plugs no vCPU and has no guest agent. */
  gint (*get_domain_vcpus) (gpointer handle, const char *uuid, guint flags,
                            GCancellable *cancellable, GError **error);
  /* Whether the driver starts the domain when it starts itself. Set is a
   * change of state (refused read-only); as in libvirt, a driver whose
   * marks are persistent (QEMU) refuses a transient domain with
   * GVIR_ERROR_OPERATION_INVALID, the test driver takes it. */
  gboolean (*get_domain_autostart) (gpointer handle, const char *uuid, gboolean *autostart,
                                    GCancellable *cancellable, GError **error);
  gboolean (*set_domain_autostart) (gpointer handle, const char *uuid, gboolean autostart,
                                    GCancellable *cancellable, GError **error);

  /* NUMA parameters: mode is libvirt's numa_mode (0 strict, 1 preferred,
   * 2 interleave, 3 restrictive); nodeset is libvirt's syntax ("" = none).
   * For set: mode -1 keeps the current mode, nodeset NULL keeps the current
   * nodeset; flags are GVIR_DRIVER_AFFECT_* (0 = live when running, else config). */
  gboolean (*get_numa_parameters) (gpointer handle, const char *uuid, guint flags,
                                   int *mode, char **nodeset,
                                   GCancellable *cancellable, GError **error);
  gboolean (*set_numa_parameters) (gpointer handle, const char *uuid, int mode,
                                   const char *nodeset, guint flags,
                                   GCancellable *cancellable, GError **error);

  /* Optional non-blocking forms of the two hottest queries: they return at
   * once and call @done exactly once, from any thread (even before they
   * return). No thread waits for the answer, which is what keeps many
   * concurrent callers cheap. Left NULL, the dispatch layer runs the
   * blocking slot above in a worker thread instead (inline for the built-in
   * test driver, which answers from memory and never blocks). */
  void (*get_domain_info_async) (gpointer handle, const char *uuid,
                                 GCancellable *cancellable,
                                 GVirDriverDomainInfoFunc done, gpointer user_data);
  void (*get_domain_state_async) (gpointer handle, const char *uuid,
                                  GCancellable *cancellable,
                                  GVirDriverDomainStateFunc done, gpointer user_data);

  /* ---- display and consoles: dispatched in gvir-driver-stream.c --------- */
  /* The screenshot of monitor @screen goes into @stream (unattached, of this
   * connection), which the slot attaches; returns its MIME type. */
  char *(*screenshot_domain) (gpointer handle, const char *uuid, GVirDriverStream *stream,
                              guint screen, guint flags,
                              GCancellable *cancellable, GError **error);
  /* Connects the character device @devname (NULL: the first console) to
   * @stream, which the slot attaches. */
  gboolean (*open_domain_console) (gpointer handle, const char *uuid, const char *devname,
                                   GVirDriverStream *stream, guint flags,
                                   GCancellable *cancellable, GError **error);
  /* Connects graphics device @idx to the caller's socket @fd (borrowed). */
  gboolean (*open_domain_graphics) (gpointer handle, const char *uuid, guint idx, int fd,
                                    guint flags, GCancellable *cancellable, GError **error);
  /* A new socket connected to graphics device @idx (the caller owns it),
   * or -1 with @error. */
  int (*open_domain_graphics_fd) (gpointer handle, const char *uuid, guint idx, guint flags,
                                  GCancellable *cancellable, GError **error);
  /* Devices of a running domain: @disk is a disk's target name ("vda") or
   * source path, @device an interface's target name or MAC address. */
  gboolean (*get_block_stats) (gpointer handle, const char *uuid, const char *disk,
                               GVirDriverBlockStats *stats,
                               GCancellable *cancellable, GError **error);
  gboolean (*get_interface_stats) (gpointer handle, const char *uuid, const char *device,
                                   GVirDriverInterfaceStats *stats,
                                   GCancellable *cancellable, GError **error);
  /* @size in KiB, or bytes with GVIR_DRIVER_BLOCK_RESIZE_BYTES. */
  gboolean (*resize_block) (gpointer handle, const char *uuid, const char *disk,
                            guint64 size, guint flags,
                            GCancellable *cancellable, GError **error);
  /* @xml is one device element; flags are GVIR_DRIVER_AFFECT_*. */
  gboolean (*update_device) (gpointer handle, const char *uuid, const char *xml, guint flags,
                             GCancellable *cancellable, GError **error);

  /* The guest: its clock (@flags GVIR_DRIVER_TIME_SYNC ignores the time
   * given) and waking it from a guest power-management suspend. */
  gboolean (*set_time) (gpointer handle, const char *uuid, gint64 seconds, guint nseconds,
                        guint flags, GCancellable *cancellable, GError **error);
  gboolean (*pm_wakeup) (gpointer handle, const char *uuid, guint flags,
                         GCancellable *cancellable, GError **error);

  /* The memory balloon. @kib is the balloon's new target (<currentMemory>)
   * or, with GVIR_DRIVER_MEM_MAXIMUM, the new maximum (<memory>); flags
   * GVIR_DRIVER_AFFECT_* (0: live when running, else config). */
  gboolean (*set_memory) (gpointer handle, const char *uuid, guint64 kib, guint flags,
                          GCancellable *cancellable, GError **error);
  /* At most @max_stats statistics of a running domain into @stats; returns
   * how many, or -1 with @error. */
  int (*get_memory_stats) (gpointer handle, const char *uuid, GVirDriverMemoryStat *stats,
                           guint max_stats, guint flags,
                           GCancellable *cancellable, GError **error);
};

/* ---- dispatch: the only callers of the domain table ------------------------ */

GPtrArray *gvir_driver_connection_list_domains (GVirDriverConnection *conn, GCancellable *cancellable, GError **error);
GVirDriverDomain *gvir_driver_connection_lookup_domain_by_uuid (GVirDriverConnection *conn, const char *uuid, GCancellable *cancellable, GError **error);
GVirDriverDomain *gvir_driver_connection_lookup_domain_by_name (GVirDriverConnection *conn, const char *name, GCancellable *cancellable, GError **error);
GVirDriverDomain *gvir_driver_connection_lookup_domain_by_id (GVirDriverConnection *conn, int id, GCancellable *cancellable, GError **error);
GVirDriverDomain *gvir_driver_connection_define_domain (GVirDriverConnection *conn, const char *xml, guint flags, GCancellable *cancellable, GError **error);
gboolean gvir_driver_connection_undefine_domain (GVirDriverConnection *conn, const char *uuid, guint flags, GCancellable *cancellable, GError **error);
GVirDriverDomain *gvir_driver_connection_create_domain (GVirDriverConnection *conn, const char *xml, guint flags, GCancellable *cancellable, GError **error);
gboolean gvir_driver_connection_start_domain (GVirDriverConnection *conn, const char *uuid, guint flags, GCancellable *cancellable, GError **error);
gboolean gvir_driver_connection_destroy_domain (GVirDriverConnection *conn, const char *uuid, guint flags, GCancellable *cancellable, GError **error);
gboolean gvir_driver_connection_shutdown_domain (GVirDriverConnection *conn, const char *uuid, guint flags, GCancellable *cancellable, GError **error);
gboolean gvir_driver_connection_reboot_domain (GVirDriverConnection *conn, const char *uuid, guint flags, GCancellable *cancellable, GError **error);
gboolean gvir_driver_connection_suspend_domain (GVirDriverConnection *conn, const char *uuid, GCancellable *cancellable, GError **error);
gboolean gvir_driver_connection_resume_domain (GVirDriverConnection *conn, const char *uuid, GCancellable *cancellable, GError **error);
gboolean gvir_driver_connection_managed_save_domain (GVirDriverConnection *conn, const char *uuid, guint flags, GCancellable *cancellable, GError **error);
gboolean gvir_driver_connection_save_domain_to_file (GVirDriverConnection *conn, const char *uuid, const char *path,
                                                     const char *custom_xml, guint flags, GCancellable *cancellable, GError **error);
GVirDriverDomain *gvir_driver_connection_restore_domain_from_file (GVirDriverConnection *conn, const char *path,
                                                                   const char *custom_xml, guint flags,
                                                                   GCancellable *cancellable, GError **error);
/* Refuses GVIR_DRIVER_SAVE_IMAGE_XML_SECURE on a read-only connection
 * (GVIR_ERROR_READ_ONLY), as libvirt does. */
char *gvir_driver_connection_get_save_image_xml (GVirDriverConnection *conn, const char *path, guint flags,
                                                 GCancellable *cancellable, GError **error);
gboolean gvir_driver_connection_define_save_image_xml (GVirDriverConnection *conn, const char *path,
                                                       const char *xml, guint flags,
                                                       GCancellable *cancellable, GError **error);
gboolean gvir_driver_connection_get_domain_info (GVirDriverConnection *conn, const char *uuid, GVirDriverDomainInfo *info,
                                                 GCancellable *cancellable, GError **error);
gboolean gvir_driver_connection_get_domain_state (GVirDriverConnection *conn, const char *uuid, int *state, int *reason,
                                                  GCancellable *cancellable, GError **error);
/* Non-blocking forms: @done runs exactly once, from any thread, possibly
 * before these return (a closed connection, a bad argument, a cancellable
 * already cancelled). When @cancellable fires first, @done gets
 * G_IO_ERROR_CANCELLED at once and the driver's late answer is dropped.
 * Either way the connection counts the call in flight until the driver has
 * answered, so that closing it never frees the driver under the call. */
void gvir_driver_connection_get_domain_info_async (GVirDriverConnection *conn, const char *uuid,
                                                   GCancellable *cancellable,
                                                   GVirDriverDomainInfoFunc done, gpointer user_data);
void gvir_driver_connection_get_domain_state_async (GVirDriverConnection *conn, const char *uuid,
                                                    GCancellable *cancellable,
                                                    GVirDriverDomainStateFunc done, gpointer user_data);
char *gvir_driver_connection_get_domain_xml (GVirDriverConnection *conn, const char *uuid, guint flags,
                                             GCancellable *cancellable, GError **error);
gint gvir_driver_connection_get_domain_vcpus (GVirDriverConnection *conn, const char *uuid, guint flags,
                                              GCancellable *cancellable, GError **error);
gboolean gvir_driver_connection_get_domain_autostart (GVirDriverConnection *conn, const char *uuid,
                                                      gboolean *autostart,
                                                      GCancellable *cancellable, GError **error);
gboolean gvir_driver_connection_set_domain_autostart (GVirDriverConnection *conn, const char *uuid,
                                                      gboolean autostart,
                                                      GCancellable *cancellable, GError **error);
gboolean gvir_driver_connection_get_numa_parameters (GVirDriverConnection *conn, const char *uuid, guint flags,
                                                     int *mode, char **nodeset, GCancellable *cancellable, GError **error);
gboolean gvir_driver_connection_set_numa_parameters (GVirDriverConnection *conn, const char *uuid, int mode,
                                                     const char *nodeset, guint flags,
                                                     GCancellable *cancellable, GError **error);
gboolean gvir_driver_connection_get_block_stats (GVirDriverConnection *conn, const char *uuid, const char *disk,
                                                 GVirDriverBlockStats *stats,
                                                 GCancellable *cancellable, GError **error);
gboolean gvir_driver_connection_get_interface_stats (GVirDriverConnection *conn, const char *uuid,
                                                     const char *device, GVirDriverInterfaceStats *stats,
                                                     GCancellable *cancellable, GError **error);
gboolean gvir_driver_connection_resize_block (GVirDriverConnection *conn, const char *uuid, const char *disk,
                                              guint64 size, guint flags,
                                              GCancellable *cancellable, GError **error);
gboolean gvir_driver_connection_update_device (GVirDriverConnection *conn, const char *uuid, const char *xml,
                                               guint flags, GCancellable *cancellable, GError **error);
gboolean gvir_driver_connection_set_time (GVirDriverConnection *conn, const char *uuid, gint64 seconds,
                                          guint nseconds, guint flags,
                                          GCancellable *cancellable, GError **error);
gboolean gvir_driver_connection_pm_wakeup (GVirDriverConnection *conn, const char *uuid, guint flags,
                                           GCancellable *cancellable, GError **error);
gboolean gvir_driver_connection_set_memory (GVirDriverConnection *conn, const char *uuid, guint64 kib,
                                            guint flags, GCancellable *cancellable, GError **error);
/* Refuses @max_stats above GVIR_DRIVER_MEMORY_STATS_MAX. */
int gvir_driver_connection_get_memory_stats (GVirDriverConnection *conn, const char *uuid,
                                             GVirDriverMemoryStat *stats, guint max_stats,
                                             guint flags, GCancellable *cancellable, GError **error);

G_END_DECLS
