/*
 * gvir-domain-list-private.h: the domains a driver knows, by UUID, name and id
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Internal: never installed, never in a GIR. The bookkeeping every driver
 * that keeps domains itself needs, with libvirt's rules: a UUID and a name
 * belong to one domain, a definition may update the domain of its UUID but
 * may neither take another domain's name nor rename one, and a running
 * domain has an id no other domain had since the list was made. Not
 * thread-safe: the driver's lock covers every call.
 */
#pragma once

#include <glib.h>

#include "libvirt-gobject/util/gvir-uuid-private.h"

G_BEGIN_DECLS

typedef struct
{
  char uuid[GVIR_UUID_STRING_SIZE];   /* canonical */
  char *name;
  int id;                             /* -1 while inactive */
  guint64 serial;                     /* order of addition, for listings */
  gpointer data;                      /* the driver's */
} GVirDomainListEntry;

typedef struct _GVirDomainList GVirDomainList;

/* @free_data frees an entry's data when the entry goes. */
GVirDomainList *gvir_domain_list_new (GDestroyNotify free_data);
void gvir_domain_list_free (GVirDomainList *list);

/* Whether a definition of @name with @uuid (canonical) may be added or may
 * update an existing domain. TRUE with *@existing set to the domain of
 * that UUID and name (an update), or to NULL (a new domain); FALSE with
 * GVIR_ERROR_EXISTS when the name belongs to another domain or the UUID
 * to a domain of another name. */
gboolean gvir_domain_list_check_identity (GVirDomainList *list, const char *name,
                                          const char *uuid, GVirDomainListEntry **existing,
                                          GError **error);

/* Adds an inactive domain; the identity must have passed the check. */
GVirDomainListEntry *gvir_domain_list_add (GVirDomainList *list, const char *name,
                                           const char *uuid, gpointer data);
/* Removes @entry and frees it (and its data). */
void gvir_domain_list_remove (GVirDomainList *list, GVirDomainListEntry *entry);

/* Lookups: NULL when there is none. @uuid is any form libvirt accepts. */
GVirDomainListEntry *gvir_domain_list_find_uuid (GVirDomainList *list, const char *uuid);
GVirDomainListEntry *gvir_domain_list_find_name (GVirDomainList *list, const char *name);
GVirDomainListEntry *gvir_domain_list_find_id (GVirDomainList *list, int id);

/* The same lookups failing with GVIR_ERROR_NOT_FOUND (an unparsable UUID:
 * GVIR_ERROR_INVALID_ARGUMENT), messages as the test driver's. */
GVirDomainListEntry *gvir_domain_list_get_uuid (GVirDomainList *list, const char *uuid,
                                                GError **error);
GVirDomainListEntry *gvir_domain_list_get_name (GVirDomainList *list, const char *name,
                                                GError **error);
GVirDomainListEntry *gvir_domain_list_get_id (GVirDomainList *list, int id, GError **error);

/* Gives @entry the next id (it must be inactive); returns it. */
int gvir_domain_list_activate (GVirDomainList *list, GVirDomainListEntry *entry);
/* Gives @entry back an id it had before (reconnecting to a domain that kept
 * running): FALSE when another domain has it. Later ids start above it. */
gboolean gvir_domain_list_activate_with_id (GVirDomainList *list, GVirDomainListEntry *entry,
                                            int id);
void gvir_domain_list_deactivate (GVirDomainList *list, GVirDomainListEntry *entry);

/* Every entry, in order of addition (container only). */
GPtrArray *gvir_domain_list_entries (GVirDomainList *list);
guint gvir_domain_list_count (GVirDomainList *list);

G_END_DECLS
