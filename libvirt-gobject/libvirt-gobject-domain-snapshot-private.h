/*
 * libvirt-gobject-domain-snapshot-private.h: the per-domain snapshot cache,
 * kept by libvirt-gobject-domain-snapshot.c
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Not installed, not scanned for the GIR.
 */
#pragma once

#include "libvirt-gobject/libvirt-gobject-domain.h"
#include "libvirt-gobject/libvirt-gobject-domain-snapshot.h"

G_BEGIN_DECLS

/* The domain's one object for its snapshot @name (a new reference),
 * created on first use: the domain keeps it while the snapshot exists. */
GVirDomainSnapshot *_gvir_domain_dup_snapshot (GVirDomain *domain, const char *name);
/* Makes @names (in order) the domain's listed snapshots. */
void _gvir_domain_set_listed_snapshots (GVirDomain *domain, const char * const *names);
/* The listed snapshots (transfer full). */
GList *_gvir_domain_list_snapshots (GVirDomain *domain);
/* Forgets the snapshots whose names are not in @existing (all of the
 * domain's snapshots, after a delete). */
void _gvir_domain_prune_snapshots (GVirDomain *domain, const char * const *existing);

G_END_DECLS
