/*
 * gvir-driver-types-private.h: the values the driver layer speaks in
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
/* virDomainGetVcpusFlags' flags beyond GVIR_DRIVER_AFFECT_*. */
enum
{
  GVIR_DRIVER_VCPUS_MAXIMUM = 1 << 2,
  GVIR_DRIVER_VCPUS_GUEST = 1 << 3,
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

G_END_DECLS
