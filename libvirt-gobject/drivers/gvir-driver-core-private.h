/*
 * gvir-driver-core-private.h: the core driver table, the registry and the
 * connection object
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

#include "gvir-driver-types-private.h"
#include "libvirt-gobject/util/gvir-id-set-private.h"

G_BEGIN_DECLS

typedef struct _GVirDriverConnection GVirDriverConnection;

/* ---- the tables ----------------------------------------------------------- */

/* One table per area, each with its own dispatch file (gvir-driver-AREA.c).
 * The domain table is defined in gvir-driver-domain-private.h. The other
 * areas have no slot yet, so their tables are declared but not defined:
 * a driver can only leave the pointer NULL (every call of the area is then
 * GVIR_ERROR_NOT_SUPPORTED), and nobody can fill a slot whose signature has
 * not been designed. The struct is defined, with its dispatch file, when
 * the first call of the area is added. */
typedef struct _GVirDriverDomainFuncs GVirDriverDomainFuncs;
/* Snapshots of a domain: list, look up, create, revert to, delete; XML. */
typedef struct _GVirDriverSnapshotFuncs GVirDriverSnapshotFuncs;
/* Virtual networks: list, look up, define, start, stop, autostart; XML. */
typedef struct _GVirDriverNetworkFuncs GVirDriverNetworkFuncs;
/* Storage pools and their volumes: list, define, build, start, refresh,
 * create and delete volumes, upload and download through streams. */
typedef struct _GVirDriverStorageFuncs GVirDriverStorageFuncs;
/* Data streams (volume upload and download, consoles): send, receive,
 * finish, abort. */
typedef struct _GVirDriverStreamFuncs GVirDriverStreamFuncs;
/* Host devices: list, look up, XML, detach from and reattach to the host. */
typedef struct _GVirDriverNodeDeviceFuncs GVirDriverNodeDeviceFuncs;
/* Secrets: list, define, get and set values, undefine. */
typedef struct _GVirDriverSecretFuncs GVirDriverSecretFuncs;
/* Host network interfaces: list, look up, define, start, stop; XML. */
typedef struct _GVirDriverInterfaceFuncs GVirDriverInterfaceFuncs;
/* Network filters: list; XML. */
typedef struct _GVirDriverNetworkFilterFuncs GVirDriverNetworkFilterFuncs;

/* The core table of a driver: who it is, which URIs it serves, its
 * driver-wide state, open/close, and what it tells about the host. Every
 * callback but accepts() and the state hooks gets the driver's own handle
 * (what open() returned). Fill it, and the area tables, with designated
 * initialisers; only the dispatch functions read them. */
typedef struct
{
  const char *name;  /* "test", "remote", ... */

  /* Whether this driver serves the URI (checked in registration order). */
  gboolean (*accepts) (const GVirDriverUri *uri);

  /* Driver-wide state, for drivers that own processes and persistent state
   * (load configurations, reconnect to running VMs, autostart; save and
   * stop cleanly). The registry calls state_start() before the open() of
   * the first connection to this driver in the process, and state_stop()
   * after the close() of the last one (or when the last
   * gvir_driver_state_hold() is released, whichever is later). Start and
   * stop alternate, never run concurrently with each other and never
   * while any connection of the driver is open; a connection opened after
   * the stop starts the state anew. A failing state_start() fails the open
   * with its error and is tried again by the next open. Both may be NULL. */
  gboolean (*state_start) (GCancellable *cancellable, GError **error);
  void (*state_stop) (void);

  /* Returns the driver's handle; @conn gives the URI, the read-only flag and
   * gvir_driver_connection_emit_event() for pushing events. */
  /* TRUE when no call of the driver waits on I/O, a peer or another
   * process: each works on in-memory state under short locks and returns.
   * A daemon then runs such a driver's read-only calls on its I/O thread
   * rather than handing them to a worker, which saves two thread switches
   * per call. FALSE (the default) for anything that talks to a process,
   * a socket or a disk. */
  gboolean calls_never_block;

  /* libvirt's node security model ("none": the driver confines nothing,
   * as libvirt's QEMU driver without SELinux, AppArmor or DAC); NULL for
   * none at all, answered as libvirt's test driver does, with an empty one. */
  const char *security_model;

  gpointer (*open) (GVirDriverConnection *conn, GCancellable *cancellable, GError **error);
  void (*close) (gpointer handle);
  /* Optional. Called when the connection is closed while calls are still
   * inside the driver: makes them return at once with
   * GVIR_ERROR_CONNECTION_CLOSED (a driver that waits on a peer stops
   * waiting), so that closing never hangs on a silent peer. Runs
   * concurrently with those calls, never with or after close(), and must
   * not block or wait for them. */
  void (*interrupt) (gpointer handle);

  /* Identity. */
  char *(*get_type) (gpointer handle, GCancellable *cancellable, GError **error);
  gboolean (*get_version) (gpointer handle, gulong *version, GCancellable *cancellable, GError **error);
  char *(*get_hostname) (gpointer handle, GCancellable *cancellable, GError **error);

  /* The host. */
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
  /* The ids of the host's NUMA nodes (a set of at most GVIR_ID_SET_LIMIT
   * ids), so that a nodeset is checked against the host without going
   * through the capabilities XML. */
  GVirIdSet *(*get_host_nodes) (gpointer handle, GCancellable *cancellable, GError **error);

  /* The areas; NULL where the driver has none of their calls. */
  const GVirDriverDomainFuncs *domain;
  const GVirDriverSnapshotFuncs *snapshot;
  const GVirDriverNetworkFuncs *network;
  const GVirDriverStorageFuncs *storage;
  const GVirDriverStreamFuncs *stream;
  const GVirDriverNodeDeviceFuncs *node_device;
  const GVirDriverSecretFuncs *secret;
  const GVirDriverInterfaceFuncs *interface;
  const GVirDriverNetworkFilterFuncs *network_filter;
} GVirDriver;

/* ---- registry ----------------------------------------------------------- */

/* Drivers built into the library register themselves on first use; tests
 * may add more. Registration order decides which driver claims a URI. */
void gvir_driver_register (const GVirDriver *driver);

/* Makes this process a daemon that serves its local drivers: qemu:///session
 * and qemu:///system run the QEMU driver here (their XDG or system layouts)
 * and a URI without transport or host never goes to the remote driver
 * (which would make the daemon a client of its own socket). Elsewhere those
 * URIs go to a daemon's socket, as libvirt's client does. */
void gvir_driver_set_daemon_mode (void);
gboolean gvir_driver_is_daemon_mode (void);

/* Keeps the state of the driver named @name started without a connection
 * (a daemon holds the drivers it serves for its whole life, so that
 * autostart and reconnection do not wait for a client): starts it now if
 * no connection has. Each successful hold needs one
 * gvir_driver_state_release(), the daemon's explicit shutdown: the state
 * stops there unless connections remain, then after the last closes. */
gboolean gvir_driver_state_hold (const char *name, GCancellable *cancellable, GError **error);
void gvir_driver_state_release (const char *name);

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
 * call fails with GVIR_ERROR_CONNECTION_CLOSED, calls in flight are
 * interrupted when the driver can (GVirDriver.interrupt), and the driver's
 * close() runs once the last in-flight call returns. Idempotent. */
void gvir_driver_connection_close (GVirDriverConnection *conn);
gboolean gvir_driver_connection_is_closed (GVirDriverConnection *conn);

const GVirDriverUri *gvir_driver_connection_get_uri (GVirDriverConnection *conn);
gboolean gvir_driver_connection_is_read_only (GVirDriverConnection *conn);
/* The driver's calls_never_block. */
gboolean gvir_driver_connection_calls_never_block (GVirDriverConnection *conn);
/* The driver's security_model (may be NULL). */
const char *gvir_driver_connection_get_security_model (GVirDriverConnection *conn);
const char *gvir_driver_connection_get_driver_name (GVirDriverConnection *conn);

/* For drivers: deliver an event to the connection's event_func (dropped
 * once the connection is closed). */
void gvir_driver_connection_emit_event (GVirDriverConnection *conn, const GVirDriverEvent *event);

/* ---- core dispatch: the only callers of the core table --------------------- */

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
GVirIdSet *gvir_driver_connection_get_host_nodes (GVirDriverConnection *conn, GCancellable *cancellable, GError **error);

G_END_DECLS
