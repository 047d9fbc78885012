/*
 * libvirt-gobject-domain-private.h: GVirDomain internals shared with the domain cache and the calls
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
#include "libvirt-gobject/drivers/gvir-driver-private.h"

G_BEGIN_DECLS

#include "libvirt-gobject/libvirt-gobject-connection.h"

typedef struct _GVirDomainCache GVirDomainCache;

/* A new domain object for @domain, attached to @conn and its @cache. */
GVirDomain *_gvir_domain_new (GVirConnection *conn, GVirDomainCache *cache,
                              const GVirDriverDomain *domain);

/* Refreshes the cached name, id, persistence and managed-save flag;
 * returns TRUE when the persistent flag changed (the caller schedules the
 * notification). */
gboolean _gvir_domain_update (GVirDomain *self, const GVirDriverDomain *domain);

/* Points the domain at @conn and its @cache again (after a reopen), or
 * at nothing. */
void _gvir_domain_attach (GVirDomain *self, GVirConnection *conn, GVirDomainCache *cache);
void _gvir_domain_detach (GVirDomain *self);

/* The connection the domain is attached to (a new reference, which keeps
 * *@cache valid), or NULL with GVIR_ERROR_CONNECTION_CLOSED. */
GVirConnection *_gvir_domain_dup_connection (GVirDomain *self, GVirDomainCache **cache,
                                             GError **error);

/* Whether the domain had a managed save image when last read. */
gboolean _gvir_domain_get_cached_saved (GVirDomain *self);

gint _gvir_domain_get_cached_id (GVirDomain *self);

/* How many name strings the domain holds (its name and the names it had
 * before renames, kept for pointers gvir_domain_get_name() handed out). */
guint _gvir_domain_get_n_names (GVirDomain *self);

/* Maps a lifecycle event to the domain signal and detail it is emitted
 * as; FALSE when the event has no signal. */
gboolean _gvir_domain_lifecycle_signal (int event, int detail,
                                        guint *signal_id, GQuark *detail_quark);

G_END_DECLS
