/*
 * gvir-test-snapshot-private.h: domain snapshots of the test driver
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#pragma once

#include "gvir-test-private.h"

G_BEGIN_DECLS

/* The snapshots of one domain, owned by the domain. */
typedef struct _GVirTestSnapshots GVirTestSnapshots;

void gvir_test_snapshots_free (GVirTestSnapshots *snapshots);
guint gvir_test_snapshots_count (const GVirTestSnapshots *snapshots);

/* ---- what the driver file lends the snapshot file ----------------------- */

/* One domain of the driver's state, seen under the state lock. */
typedef struct _GVirTestDomainRef GVirTestDomainRef;

typedef gboolean (*GVirTestDomainFunc) (GVirTestDomainRef *ref, gpointer data, GError **error);

/* Runs @func on the domain @uuid with the state lock held; the events
 * that @func queued are delivered after the lock is released. */
gboolean gvir_test_with_domain (gpointer handle, const char *uuid, GVirTestDomainFunc func,
                                gpointer data, GError **error);

const char *gvir_test_domain_ref_get_name (GVirTestDomainRef *ref);
gboolean gvir_test_domain_ref_is_persistent (GVirTestDomainRef *ref);
/* GVIR_DRIVER_STATE_* */
int gvir_test_domain_ref_get_state (GVirTestDomainRef *ref);
/* The live definition (borrowed). */
GVirConfigDomain *gvir_test_domain_ref_get_def (GVirTestDomainRef *ref);
/* The domain's snapshot store; *result is NULL until the first snapshot. */
GVirTestSnapshots **gvir_test_domain_ref_snapshots (GVirTestDomainRef *ref);
/* Takes @def: the domain gets it as its definition and is brought to
 * @state (SHUTOFF, RUNNING or PAUSED), with libvirt's "from snapshot"
 * reasons and events. A transient domain brought to SHUTOFF disappears,
 * its snapshots with it: @ref is not usable afterwards. */
void gvir_test_domain_ref_revert (GVirTestDomainRef *ref, GVirConfigDomain *def, int state);

/* ---- the slots ------------------------------------------------------------ */

GStrv gvir_test_list_snapshots (gpointer handle, const char *uuid, guint flags,
                                GCancellable *cancellable, GError **error);
char *gvir_test_create_snapshot (gpointer handle, const char *uuid, const char *xml, guint flags,
                                 GCancellable *cancellable, GError **error);
char *gvir_test_get_snapshot_xml (gpointer handle, const char *uuid, const char *name,
                                  guint flags, GCancellable *cancellable, GError **error);
gboolean gvir_test_delete_snapshot (gpointer handle, const char *uuid, const char *name,
                                    guint flags, GCancellable *cancellable, GError **error);
gboolean gvir_test_revert_to_snapshot (gpointer handle, const char *uuid, const char *name,
                                       guint flags, GCancellable *cancellable, GError **error);
gboolean gvir_test_snapshot_is_current (gpointer handle, const char *uuid, const char *name,
                                        guint flags, gboolean *is_current,
                                        GCancellable *cancellable, GError **error);
gboolean gvir_test_has_current_snapshot (gpointer handle, const char *uuid, guint flags,
                                         gboolean *has_current,
                                         GCancellable *cancellable, GError **error);
char *gvir_test_dup_current_snapshot (gpointer handle, const char *uuid, guint flags,
                                      GCancellable *cancellable, GError **error);

G_END_DECLS
