/*
 * gvir-driver-private.h: the internal driver layer (vtable, URI registry, dispatch)
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Nothing in this header is installed or scanned for the GIR.
 *
 * Shape (DESIGN.md section 3):
 *  - a driver is a const GVirDriverFuncs filled with designated initialisers;
 *  - the registry parses the URI and picks the driver whose accepts() says yes
 *    (a "+transport" or a host always means the remote driver);
 *  - only the gvir_driver_connection_*() dispatch functions below touch the
 *    vtable; a NULL slot means GVIR_ERROR_NOT_SUPPORTED;
 *  - the dispatch layer refuses every state-changing call on a read-only
 *    connection with GVIR_ERROR_READ_ONLY and every call on a closed
 *    connection with GVIR_ERROR_CONNECTION_CLOSED, so drivers need not;
 *  - callbacks are synchronous, thread-safe, may block, and report failures
 *    as GErrors in GVIR_ERROR; the only exceptions are the optional
 *    *_async slots, which must not block and answer through a callback;
 *  - drivers describe domains by value (GVirDriverDomain) and XML, never by
 *    public GObjects; domains are addressed by their UUID string;
 *  - drivers push events through the one GVirDriverEventFunc given at open.
 *
 * Numbers (domain states and reasons, lifecycle events and details, flags)
 * are libvirt's, so that they travel unchanged over libvirt's wire protocol.
 */
#pragma once

#include <gio/gio.h>

#include "libvirt-gobject/libvirt-gobject-error.h"

G_BEGIN_DECLS

/* ---- libvirt's numbers ------------------------------------------------ */

/* Domain states (virDomainState); the public GVirDomainState has the same values. */
enum
{
  GVIR_DRIVER_STATE_NOSTATE = 0,
  GVIR_DRIVER_STATE_RUNNING = 1,
  GVIR_DRIVER_STATE_BLOCKED = 2,
  GVIR_DRIVER_STATE_PAUSED = 3,
  GVIR_DRIVER_STATE_SHUTDOWN = 4,
  GVIR_DRIVER_STATE_SHUTOFF = 5,
  GVIR_DRIVER_STATE_CRASHED = 6,
  GVIR_DRIVER_STATE_PMSUSPENDED = 7,
};

/* State reasons, per state (virDomainRunningReason, ...). */
enum
{
  GVIR_DRIVER_RUNNING_UNKNOWN = 0,
  GVIR_DRIVER_RUNNING_BOOTED = 1,
  GVIR_DRIVER_RUNNING_MIGRATED = 2,
  GVIR_DRIVER_RUNNING_RESTORED = 3,
  GVIR_DRIVER_RUNNING_FROM_SNAPSHOT = 4,
  GVIR_DRIVER_RUNNING_UNPAUSED = 5,
  GVIR_DRIVER_RUNNING_WAKEUP = 8,
  GVIR_DRIVER_RUNNING_CRASHED = 9,
  GVIR_DRIVER_RUNNING_POSTCOPY = 10,
  GVIR_DRIVER_RUNNING_POSTCOPY_FAILED = 11,
};
enum
{
  GVIR_DRIVER_PAUSED_UNKNOWN = 0,
  GVIR_DRIVER_PAUSED_USER = 1,
  GVIR_DRIVER_PAUSED_MIGRATION = 2,
  GVIR_DRIVER_PAUSED_IOERROR = 5,
  GVIR_DRIVER_PAUSED_WATCHDOG = 6,
  GVIR_DRIVER_PAUSED_FROM_SNAPSHOT = 7,
  GVIR_DRIVER_PAUSED_POSTCOPY = 12,
  GVIR_DRIVER_PAUSED_POSTCOPY_FAILED = 13,
};
enum { GVIR_DRIVER_SHUTDOWN_UNKNOWN = 0, GVIR_DRIVER_SHUTDOWN_USER = 1 };
enum { GVIR_DRIVER_CRASHED_UNKNOWN = 0, GVIR_DRIVER_CRASHED_PANICKED = 1 };
enum
{
  GVIR_DRIVER_SHUTOFF_UNKNOWN = 0,
  GVIR_DRIVER_SHUTOFF_SHUTDOWN = 1,
  GVIR_DRIVER_SHUTOFF_DESTROYED = 2,
  GVIR_DRIVER_SHUTOFF_CRASHED = 3,
  GVIR_DRIVER_SHUTOFF_MIGRATED = 4,
  GVIR_DRIVER_SHUTOFF_SAVED = 5,
  GVIR_DRIVER_SHUTOFF_FAILED = 6,
  GVIR_DRIVER_SHUTOFF_FROM_SNAPSHOT = 7,
};

/* Lifecycle events (virDomainEventType) and their details. */
enum
{
  GVIR_DRIVER_EVENT_DEFINED = 0,
  GVIR_DRIVER_EVENT_UNDEFINED = 1,
  GVIR_DRIVER_EVENT_STARTED = 2,
  GVIR_DRIVER_EVENT_SUSPENDED = 3,
  GVIR_DRIVER_EVENT_RESUMED = 4,
  GVIR_DRIVER_EVENT_STOPPED = 5,
  GVIR_DRIVER_EVENT_SHUTDOWN = 6,
  GVIR_DRIVER_EVENT_PMSUSPENDED = 7,
  GVIR_DRIVER_EVENT_CRASHED = 8,
};
enum { GVIR_DRIVER_DEFINED_ADDED = 0, GVIR_DRIVER_DEFINED_UPDATED = 1,
       GVIR_DRIVER_DEFINED_RENAMED = 2, GVIR_DRIVER_DEFINED_FROM_SNAPSHOT = 3 };
enum { GVIR_DRIVER_UNDEFINED_REMOVED = 0, GVIR_DRIVER_UNDEFINED_RENAMED = 1 };
enum { GVIR_DRIVER_STARTED_BOOTED = 0, GVIR_DRIVER_STARTED_MIGRATED = 1,
       GVIR_DRIVER_STARTED_RESTORED = 2, GVIR_DRIVER_STARTED_FROM_SNAPSHOT = 3,
       GVIR_DRIVER_STARTED_WAKEUP = 4 };
enum { GVIR_DRIVER_SUSPENDED_PAUSED = 0, GVIR_DRIVER_SUSPENDED_MIGRATED = 1,
       GVIR_DRIVER_SUSPENDED_IOERROR = 2, GVIR_DRIVER_SUSPENDED_WATCHDOG = 3,
       GVIR_DRIVER_SUSPENDED_RESTORED = 4, GVIR_DRIVER_SUSPENDED_FROM_SNAPSHOT = 5 };
enum { GVIR_DRIVER_RESUMED_UNPAUSED = 0, GVIR_DRIVER_RESUMED_MIGRATED = 1,
       GVIR_DRIVER_RESUMED_FROM_SNAPSHOT = 2 };
enum { GVIR_DRIVER_STOPPED_SHUTDOWN = 0, GVIR_DRIVER_STOPPED_DESTROYED = 1,
       GVIR_DRIVER_STOPPED_CRASHED = 2, GVIR_DRIVER_STOPPED_MIGRATED = 3,
       GVIR_DRIVER_STOPPED_SAVED = 4, GVIR_DRIVER_STOPPED_FAILED = 5,
       GVIR_DRIVER_STOPPED_FROM_SNAPSHOT = 6 };
enum { GVIR_DRIVER_PMSUSPENDED_MEMORY = 0, GVIR_DRIVER_PMSUSPENDED_DISK = 1 };
enum { GVIR_DRIVER_CRASHED_EVENT_PANICKED = 0, GVIR_DRIVER_CRASHED_EVENT_CRASHLOADED = 1 };

/* Flags passed through unchanged (libvirt's values). */
enum
{
  GVIR_DRIVER_XML_SECURE = 1 << 0,
  GVIR_DRIVER_XML_INACTIVE = 1 << 1,
  GVIR_DRIVER_XML_UPDATE_CPU = 1 << 2,
};
enum
{
  GVIR_DRIVER_START_PAUSED = 1 << 0,
  GVIR_DRIVER_START_AUTODESTROY = 1 << 1,
  GVIR_DRIVER_START_BYPASS_CACHE = 1 << 2,
  GVIR_DRIVER_START_FORCE_BOOT = 1 << 3,
};
enum
{
  GVIR_DRIVER_UNDEFINE_MANAGED_SAVE = 1 << 0,
  GVIR_DRIVER_UNDEFINE_SNAPSHOTS_METADATA = 1 << 1,
  GVIR_DRIVER_UNDEFINE_NVRAM = 1 << 2,
};
enum
{
  GVIR_DRIVER_AFFECT_LIVE = 1 << 0,
  GVIR_DRIVER_AFFECT_CONFIG = 1 << 1,
};

/* Connection close reasons (virConnectCloseReason). */
enum
{
  GVIR_DRIVER_CLOSE_ERROR = 0,
  GVIR_DRIVER_CLOSE_EOF = 1,
  GVIR_DRIVER_CLOSE_KEEPALIVE = 2,
  GVIR_DRIVER_CLOSE_CLIENT = 3,
};

/* ---- URIs --------------------------------------------------------------- */

/* driver[+transport]://[user@][host][:port]/path[?params] */
typedef struct
{
  char *original;    /* the string as given */
  char *driver;      /* "test", "qemu" */
  char *transport;   /* "unix", "tcp", "tls", or NULL */
  char *user;        /* NULL when absent */
  char *host;        /* NULL when absent */
  int port;          /* -1 when absent */
  char *path;        /* "/default", "/system", "/abs/file.xml"; "" when absent */
  GHashTable *params; /* unescaped name -> value, both strings */
} GVirDriverUri;

GVirDriverUri *gvir_driver_uri_parse (const char *uri, GError **error);
void gvir_driver_uri_free (GVirDriverUri *uri);
const char *gvir_driver_uri_get_param (const GVirDriverUri *uri, const char *name);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GVirDriverUri, gvir_driver_uri_free)

/* ---- values ------------------------------------------------------------- */

/* One domain, by value: identity plus the state it had when described. */
typedef struct
{
  char *name;
  char *uuid;             /* canonical lower-case 36-character form */
  int id;                 /* -1 when not running */
  gboolean persistent;
  int state;              /* GVIR_DRIVER_STATE_* */
  int reason;             /* reason for that state */
  gboolean has_managed_save;
} GVirDriverDomain;

GVirDriverDomain *gvir_driver_domain_copy (const GVirDriverDomain *domain);
void gvir_driver_domain_free (GVirDriverDomain *domain);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GVirDriverDomain, gvir_driver_domain_free)

typedef struct
{
  char *model;            /* CPU model, e.g. "i686" */
  guint64 memory_kib;
  guint cpus;
  guint mhz;
  guint nodes;            /* NUMA cells */
  guint sockets;          /* per node */
  guint cores;            /* per socket */
  guint threads;          /* per core */
} GVirDriverNodeInfo;

void gvir_driver_node_info_clear (GVirDriverNodeInfo *info);

typedef struct
{
  int state;              /* GVIR_DRIVER_STATE_* */
  guint64 max_mem_kib;
  guint64 memory_kib;
  guint nr_virt_cpu;
  guint64 cpu_time_ns;
} GVirDriverDomainInfo;

/* ---- events ------------------------------------------------------------- */

typedef enum
{
  GVIR_DRIVER_EVENT_DOMAIN_LIFECYCLE,
  GVIR_DRIVER_EVENT_CONNECTION_CLOSED,
} GVirDriverEventKind;

typedef struct
{
  GVirDriverEventKind kind;
  const GVirDriverDomain *domain; /* lifecycle: the domain after the change */
  int event;                      /* lifecycle: GVIR_DRIVER_EVENT_* */
  int detail;                     /* lifecycle: detail for that event */
  int close_reason;               /* connection closed: GVIR_DRIVER_CLOSE_* */
} GVirDriverEvent;

/* Called from whatever thread the driver runs the change in, never with a
 * driver lock held. The receiver copies what it keeps and must not call
 * back into the driver synchronously. */
typedef void (*GVirDriverEventFunc) (const GVirDriverEvent *event, gpointer user_data);

/* ---- asynchronous queries ---------------------------------------------- */

/* The outcome of an asynchronous domain query: @info (borrowed) on success,
 * else @error (borrowed). Called exactly once, from any thread, never with
 * a driver lock held; it must not block or call the driver synchronously. */
typedef void (*GVirDriverDomainInfoFunc) (const GVirDriverDomainInfo *info,
                                          const GError *error, gpointer user_data);
/* The same for the state: @state and @reason are meaningful without @error. */
typedef void (*GVirDriverDomainStateFunc) (int state, int reason,
                                           const GError *error, gpointer user_data);

/* ---- the vtable --------------------------------------------------------- */

typedef struct _GVirDriverConnection GVirDriverConnection;

/* Every callback gets the driver's own handle (what open() returned). */
typedef struct
{
  const char *name;  /* "test", "remote", ... */

  /* Whether this driver serves the URI (checked in registration order). */
  gboolean (*accepts) (const GVirDriverUri *uri);

  /* Returns the driver's handle; @conn gives the URI, the read-only flag and
   * gvir_driver_connection_emit_event() for pushing events. */
  gpointer (*open) (GVirDriverConnection *conn, GCancellable *cancellable, GError **error);
  void (*close) (gpointer handle);

  char *(*get_type) (gpointer handle, GCancellable *cancellable, GError **error);
  gboolean (*get_version) (gpointer handle, gulong *version, GCancellable *cancellable, GError **error);
  char *(*get_hostname) (gpointer handle, GCancellable *cancellable, GError **error);
  gboolean (*get_node_info) (gpointer handle, GVirDriverNodeInfo *info, GCancellable *cancellable, GError **error);
  char *(*get_capabilities) (gpointer handle, GCancellable *cancellable, GError **error);
  char *(*get_domain_capabilities) (gpointer handle, const char *emulatorbin, const char *arch,
                                    const char *machine, const char *virttype, guint flags,
                                    GCancellable *cancellable, GError **error);
  /* Free memory of cells start_cell .. start_cell+max_cells-1, in bytes
   * (element type guint64). Like libvirt, a range running past the last
   * cell is cut short; only a start_cell past the last cell fails, with
   * NOT_FOUND. */
  GArray *(*get_cells_free_memory) (gpointer handle, int start_cell, int max_cells,
                                    GCancellable *cancellable, GError **error);

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

  /* Queries on one domain. */
  gboolean (*get_domain_info) (gpointer handle, const char *uuid, GVirDriverDomainInfo *info,
                               GCancellable *cancellable, GError **error);
  gboolean (*get_domain_state) (gpointer handle, const char *uuid, int *state, int *reason,
                                GCancellable *cancellable, GError **error);
  char *(*get_domain_xml) (gpointer handle, const char *uuid, guint flags,
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
} GVirDriverFuncs;

/* ---- registry ----------------------------------------------------------- */

/* Drivers built into the library register themselves on first use; tests
 * may add more. Registration order decides which driver claims a URI. */
void gvir_driver_register (const GVirDriverFuncs *funcs);

/* ---- a connection to a driver ------------------------------------------ */

/* Opens the driver that claims @uri. @event_func may be NULL. The returned
 * connection holds one reference. Thread-safe, refcounted. */
GVirDriverConnection *gvir_driver_connection_open (const char *uri,
                                                   gboolean read_only,
                                                   GVirDriverEventFunc event_func,
                                                   gpointer event_data,
                                                   GCancellable *cancellable,
                                                   GError **error);
GVirDriverConnection *gvir_driver_connection_ref (GVirDriverConnection *conn);
/* For drivers that keep unowned pointers to their connections: takes a
 * reference unless the last one is already gone (then returns NULL). Call it
 * under the lock that the driver's close() also takes. */
GVirDriverConnection *gvir_driver_connection_try_ref (GVirDriverConnection *conn);
void gvir_driver_connection_unref (GVirDriverConnection *conn);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GVirDriverConnection, gvir_driver_connection_unref)

/* Marks the connection closed: no more events are delivered, every later
 * call fails with GVIR_ERROR_CONNECTION_CLOSED, and the driver's close()
 * runs once the last in-flight call returns. Idempotent. */
void gvir_driver_connection_close (GVirDriverConnection *conn);
gboolean gvir_driver_connection_is_closed (GVirDriverConnection *conn);

const GVirDriverUri *gvir_driver_connection_get_uri (GVirDriverConnection *conn);
gboolean gvir_driver_connection_is_read_only (GVirDriverConnection *conn);
const char *gvir_driver_connection_get_driver_name (GVirDriverConnection *conn);

/* For drivers: deliver an event to the connection's event_func (dropped
 * once the connection is closed). */
void gvir_driver_connection_emit_event (GVirDriverConnection *conn, const GVirDriverEvent *event);

/* ---- dispatch: the only callers of the vtable ---------------------------- */

char *gvir_driver_connection_get_type (GVirDriverConnection *conn, GCancellable *cancellable, GError **error);
gboolean gvir_driver_connection_get_version (GVirDriverConnection *conn, gulong *version, GCancellable *cancellable, GError **error);
char *gvir_driver_connection_get_hostname (GVirDriverConnection *conn, GCancellable *cancellable, GError **error);
gboolean gvir_driver_connection_get_node_info (GVirDriverConnection *conn, GVirDriverNodeInfo *info, GCancellable *cancellable, GError **error);
char *gvir_driver_connection_get_capabilities (GVirDriverConnection *conn, GCancellable *cancellable, GError **error);
char *gvir_driver_connection_get_domain_capabilities (GVirDriverConnection *conn, const char *emulatorbin, const char *arch,
                                                      const char *machine, const char *virttype, guint flags,
                                                      GCancellable *cancellable, GError **error);
GArray *gvir_driver_connection_get_cells_free_memory (GVirDriverConnection *conn, int start_cell, int max_cells,
                                                      GCancellable *cancellable, GError **error);
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
gboolean gvir_driver_connection_get_numa_parameters (GVirDriverConnection *conn, const char *uuid, guint flags,
                                                     int *mode, char **nodeset, GCancellable *cancellable, GError **error);
gboolean gvir_driver_connection_set_numa_parameters (GVirDriverConnection *conn, const char *uuid, int mode,
                                                     const char *nodeset, guint flags,
                                                     GCancellable *cancellable, GError **error);

G_END_DECLS
