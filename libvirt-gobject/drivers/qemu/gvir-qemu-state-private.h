/*
 * gvir-qemu-state-private.h: the QEMU driver's state of a root and its domains
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Internal to the QEMU driver: the calls in gvir-qemu-driver.c and the
 * files beside it (host, save, placement) work on these. Locks: a
 * domain's job lock is held for the whole of a lifecycle call on it (which
 * may wait for QEMU); the state lock guards the domain list and every
 * domain's fields, and is held only briefly. Order: job, then state.
 * Monitor callbacks (the QMP I/O thread) take the state lock only. Events
 * are collected under the state lock and emitted after it is dropped.
 */
#pragma once

#include <libvirt-gconfig/libvirt-gconfig.h>

#include "libvirt-gobject/drivers/gvir-domain-list-private.h"
#include "libvirt-gobject/drivers/gvir-driver-events-private.h"
#include "libvirt-gobject/drivers/gvir-driver-private.h"
#include "gvir-qemu-paths-private.h"
#include "gvir-qemu-probe-private.h"
#include "gvir-qemu-process-private.h"
#include "gvir-qemu-root-lock-private.h"

G_BEGIN_DECLS

/* How long QEMU may take to exit after SIGTERM before SIGKILL. */
#define GVIR_QEMU_DESTROY_GRACE_MS 3000

typedef struct _GVirQemuState GVirQemuState;

typedef struct
{
  gint refs;
  GMutex job;                   /* held by a lifecycle call on this domain */
  GVirQemuState *state;
  GVirDomainListEntry *entry;   /* NULL once removed from the list */
  GVirConfigDomain *def;        /* the persistent definition; NULL: transient */
  GVirConfigDomain *live;       /* while active: the definition it runs with */
  int state_now;                /* GVIR_DRIVER_STATE_* */
  int reason;
  GVirQemuProcess *proc;        /* while active */
  gboolean starting;            /* QEMU's events are not ours to report yet */
  gboolean destroying;          /* the destroy call reports the end itself */
  gboolean guest_shutdown;      /* a SHUTDOWN event came */
  /* Guest-initiated events (gvir-qemu-events.c): */
  gboolean fake_reboot;         /* the guest's next power-off is a reboot */
  gboolean paused_shutdown;     /* QEMU stopped at a power-off, being reset */
  gboolean crash_destroy;       /* QEMU ends because of <on_crash>destroy */
} GVirQemuDomain;

struct _GVirQemuState
{
  gint refs;
  char *root;
  GVirQemuPaths *paths;
  GVirQemuRootLock *lock;
  GMutex mutex;
  GVirDomainList *domains;      /* data: GVirQemuDomain (one reference) */
  GPtrArray *conns;             /* GVirDriverConnection, unowned */
  GHashTable *caps;             /* emulator path -> GVirQemuCaps, probed at first use */
  GVirIdSet *host_nodes;
};

typedef struct
{
  GVirQemuState *state;
  GVirDriverConnection *conn;
} GVirQemuHandle;

#define GVIR_QEMU_HANDLE_STATE(data) (((GVirQemuHandle *) (data))->state)

/* ---- domains ------------------------------------------------------------- */

GVirQemuDomain *gvir_qemu_domain_ref (GVirQemuDomain *dom);
void gvir_qemu_domain_unref (GVirQemuDomain *dom);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GVirQemuDomain, gvir_qemu_domain_unref)

/* Whether @dom runs (has an id). Under the state lock. */
gboolean gvir_qemu_domain_is_active (const GVirQemuDomain *dom);
/* What the driver layer is told of @dom. Under the state lock. */
GVirDriverDomain *gvir_qemu_domain_describe (const GVirQemuDomain *dom);
/* Rewrites the status file of running @dom. Under the state lock. */
void gvir_qemu_domain_save_status (GVirQemuState *state, GVirQemuDomain *dom);
/* Sets state and reason; with @event >= 0 reports a change (only when the
 * state changes). Under the state lock. */
void gvir_qemu_domain_set_state (GVirQemuDomain *dom, int new_state, int reason, int event,
                                 int detail, GVirDriverEvents *events);
/* The domain stopped: its id, status file and live definition go, and a
 * transient domain with them. Under the state lock. */
void gvir_qemu_domain_mark_stopped (GVirQemuState *state, GVirQemuDomain *dom, int reason,
                                    int detail, GVirDriverEvents *events);
/* Ends running @dom's QEMU (SIGTERM, SIGKILL after the destroy grace) and,
 * once it is gone, marks the domain stopped with @reason and @detail and
 * reports it. The caller holds the job, not the state lock. */
gboolean gvir_qemu_domain_kill (GVirQemuState *state, GVirQemuDomain *dom, int reason,
                                int detail, GError **error);
/* Fails with OPERATION_INVALID (or NOT_FOUND) unless @dom is defined and
 * not running. Under the state lock. */
gboolean gvir_qemu_domain_check_inactive (GVirQemuDomain *dom, const char *uuid, GError **error);
/* Resolves GVIR_DRIVER_AFFECT_LIVE / _CONFIG (0: live when running, else
 * config) for @dom, as libvirt does: OPERATION_INVALID for a live request
 * on a stopped domain ("domain 'NAME' is not running", then ": @no_live"
 * when given) and for a config request on a transient one. Under the
 * state lock. */
gboolean gvir_qemu_domain_resolve_affect (GVirQemuDomain *dom, const char *uuid, guint flags,
                                          const char *no_live, gboolean *live, gboolean *config,
                                          GError **error);
/* Runs QEMU for @dom with @def (the caller holds the job): started paused
 * with GVIR_DRIVER_START_PAUSED, events reported; nothing left on failure. */
gboolean gvir_qemu_domain_start (GVirQemuState *state, GVirQemuDomain *dom, GVirConfigDomain *def,
                                 guint flags, GCancellable *cancellable, GError **error);

/* Work on a QEMU that is up (stopped, monitor ready, threads placed)
 * before its guest runs, e.g. loading a saved state. */
typedef gboolean (*GVirQemuBeforeRun) (GVirQemuProcess *proc, gpointer data,
                                       GCancellable *cancellable, GError **error);

/* How gvir_qemu_domain_launch() starts a domain. */
typedef struct
{
  gboolean incoming_defer;      /* QEMU waits for a migration stream */
  GVirQemuBeforeRun before_run; /* optional */
  gpointer before_run_data;
  gboolean paused;              /* the guest does not run: suspended::paused */
  int running_reason;           /* GVIR_DRIVER_RUNNING_* */
  int started_detail;           /* GVIR_DRIVER_STARTED_* */
} GVirQemuLaunch;

/* Every start of a domain (boot, restore): QEMU for @def with the
 * emulator it names and its host placement, then @launch's work, then
 * running (or paused) with events reported. The caller holds the job;
 * nothing is left behind on failure. */
gboolean gvir_qemu_domain_launch (GVirQemuState *state, GVirQemuDomain *dom, GVirConfigDomain *def,
                                  const GVirQemuLaunch *launch, GCancellable *cancellable,
                                  GError **error);

/* The running domain of @uuid with its job held and a monitor, or NULL
 * with an error; release with gvir_qemu_job_end(). */
GVirQemuDomain *gvir_qemu_job_begin_active (GVirQemuState *state, const char *uuid, GError **error);
void gvir_qemu_job_end (GVirQemuDomain *dom);

/* ---- the state of a root ------------------------------------------------- */

/* The roots of the daemon's modes (every other root is an embed folder):
 * qemu:///session keeps its files in the user's XDG folders, qemu:///system
 * in /etc, /run and /var as libvirt's. They cannot clash with an embed
 * root, which is an absolute path. */
#define GVIR_QEMU_ROOT_SESSION "session"
#define GVIR_QEMU_ROOT_SYSTEM "system"

/* The state of @root, shared by this process's connections to it (opened,
 * locked and reconnected on first use). */
GVirQemuState *gvir_qemu_state_get (const char *root, GError **error);
void gvir_qemu_state_unref (GVirQemuState *state);
/* Delivers @events to every connection to @state; without the state lock. */
void gvir_qemu_state_emit (GVirQemuState *state, GVirDriverEvents *events);
/* The domain of @uuid, referenced, or NULL with the lookup's error. */
GVirQemuDomain *gvir_qemu_state_find (GVirQemuState *state, const char *uuid, GError **error);
/* A new inactive domain in the list (which holds it). Under the state lock. */
GVirQemuDomain *gvir_qemu_state_add_domain (GVirQemuState *state, GVirConfigDomain *def,
                                            gboolean persistent);
void gvir_qemu_state_remove_status (GVirQemuState *state, const char *name);
/* Writes @def as the persistent definition, atomically. */
gboolean gvir_qemu_state_write_definition (GVirQemuState *state, GVirConfigDomain *def,
                                           GError **error);
/* The capabilities of the default emulator (qemu-system-x86_64 on PATH),
 * or of emulator @binary (an absolute path), probed once per state and
 * owned by @state. */
const GVirQemuCaps *gvir_qemu_state_get_caps (GVirQemuState *state, GCancellable *cancellable,
                                              GError **error);
const GVirQemuCaps *gvir_qemu_state_get_caps_of (GVirQemuState *state, const char *binary,
                                                 GCancellable *cancellable, GError **error);


/* Parses @xml with libvirt-gconfig; checks the name, makes a UUID when
 * there is none. GVIR_ERROR_XML on bad input. */
GVirConfigDomain *gvir_qemu_parse_definition (const char *xml, GError **error);

G_END_DECLS
