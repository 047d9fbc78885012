/*
 * gvir-domain-list.c: the domains a driver knows, by UUID, name and id
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include <string.h>

#include "libvirt-gobject/libvirt-gobject-error.h"
#include "gvir-domain-list-private.h"

struct _GVirDomainList
{
  GHashTable *by_uuid;    /* owns the entries */
  GHashTable *by_name;
  GHashTable *by_id;
  GDestroyNotify free_data;
  int next_id;
  guint64 next_serial;
};

static void
entry_free (GVirDomainList      *list,
            GVirDomainListEntry *entry)
{
  if (list->free_data != NULL && entry->data != NULL)
    list->free_data (entry->data);
  g_free (entry->name);
  g_free (entry);
}

GVirDomainList *
gvir_domain_list_new (GDestroyNotify free_data)
{
  GVirDomainList *list = g_new0 (GVirDomainList, 1);

  list->by_uuid = g_hash_table_new (g_str_hash, g_str_equal);
  list->by_name = g_hash_table_new (g_str_hash, g_str_equal);
  list->by_id = g_hash_table_new (NULL, NULL);
  list->free_data = free_data;
  list->next_id = 1;
  return list;
}

void
gvir_domain_list_free (GVirDomainList *list)
{
  GHashTableIter iter;
  gpointer entry;

  if (list == NULL)
    return;
  g_hash_table_iter_init (&iter, list->by_uuid);
  while (g_hash_table_iter_next (&iter, NULL, &entry))
    entry_free (list, entry);
  g_hash_table_destroy (list->by_uuid);
  g_hash_table_destroy (list->by_name);
  g_hash_table_destroy (list->by_id);
  g_free (list);
}

gboolean
gvir_domain_list_check_identity (GVirDomainList       *list,
                                 const char           *name,
                                 const char           *uuid,
                                 GVirDomainListEntry **existing,
                                 GError              **error)
{
  GVirDomainListEntry *by_uuid = g_hash_table_lookup (list->by_uuid, uuid);
  GVirDomainListEntry *by_name = g_hash_table_lookup (list->by_name, name);

  if (by_name != NULL && by_name != by_uuid)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_EXISTS,
                   "domain '%s' already exists with UUID '%s'", name, by_name->uuid);
      return FALSE;
    }
  if (by_uuid != NULL && by_name == NULL)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_EXISTS,
                   "domain with UUID '%s' already exists with name '%s'", uuid, by_uuid->name);
      return FALSE;
    }
  *existing = by_uuid;
  return TRUE;
}

GVirDomainListEntry *
gvir_domain_list_add (GVirDomainList *list,
                      const char     *name,
                      const char     *uuid,
                      gpointer        data)
{
  char canon[GVIR_UUID_STRING_SIZE];
  GVirDomainListEntry *entry;

  g_return_val_if_fail (gvir_uuid_canonicalize (uuid, canon), NULL);
  g_return_val_if_fail (g_hash_table_lookup (list->by_uuid, canon) == NULL, NULL);
  g_return_val_if_fail (g_hash_table_lookup (list->by_name, name) == NULL, NULL);

  entry = g_new0 (GVirDomainListEntry, 1);
  memcpy (entry->uuid, canon, sizeof canon);
  entry->name = g_strdup (name);
  entry->id = -1;
  entry->serial = list->next_serial++;
  entry->data = data;
  g_hash_table_insert (list->by_uuid, entry->uuid, entry);
  g_hash_table_insert (list->by_name, entry->name, entry);
  return entry;
}

void
gvir_domain_list_remove (GVirDomainList      *list,
                         GVirDomainListEntry *entry)
{
  if (entry->id > 0)
    g_hash_table_remove (list->by_id, GINT_TO_POINTER (entry->id));
  g_hash_table_remove (list->by_name, entry->name);
  g_hash_table_remove (list->by_uuid, entry->uuid);
  entry_free (list, entry);
}

GVirDomainListEntry *
gvir_domain_list_find_uuid (GVirDomainList *list,
                            const char     *uuid)
{
  char canon[GVIR_UUID_STRING_SIZE];

  if (!gvir_uuid_canonicalize (uuid, canon))
    return NULL;
  return g_hash_table_lookup (list->by_uuid, canon);
}

GVirDomainListEntry *
gvir_domain_list_find_name (GVirDomainList *list,
                            const char     *name)
{
  return name != NULL ? g_hash_table_lookup (list->by_name, name) : NULL;
}

GVirDomainListEntry *
gvir_domain_list_find_id (GVirDomainList *list,
                          int             id)
{
  return id > 0 ? g_hash_table_lookup (list->by_id, GINT_TO_POINTER (id)) : NULL;
}

GVirDomainListEntry *
gvir_domain_list_get_uuid (GVirDomainList  *list,
                           const char      *uuid,
                           GError         **error)
{
  char canon[GVIR_UUID_STRING_SIZE];
  GVirDomainListEntry *entry;

  if (!gvir_uuid_canonicalize (uuid, canon))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT, "invalid UUID '%s'",
                   uuid != NULL ? uuid : "");
      return NULL;
    }
  entry = g_hash_table_lookup (list->by_uuid, canon);
  if (entry == NULL)
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND, "no domain with UUID '%s'", canon);
  return entry;
}

GVirDomainListEntry *
gvir_domain_list_get_name (GVirDomainList  *list,
                           const char      *name,
                           GError         **error)
{
  GVirDomainListEntry *entry = gvir_domain_list_find_name (list, name);

  if (entry == NULL)
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND, "no domain with name '%s'",
                 name != NULL ? name : "");
  return entry;
}

GVirDomainListEntry *
gvir_domain_list_get_id (GVirDomainList  *list,
                         int              id,
                         GError         **error)
{
  GVirDomainListEntry *entry = gvir_domain_list_find_id (list, id);

  if (entry == NULL)
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND, "no domain with id %d", id);
  return entry;
}

int
gvir_domain_list_activate (GVirDomainList      *list,
                           GVirDomainListEntry *entry)
{
  g_return_val_if_fail (entry->id < 0, entry->id);

  /* Ids are never reused while the list lives; past G_MAXINT they would
   * wrap, which no driver run reaches. */
  entry->id = list->next_id++;
  g_hash_table_insert (list->by_id, GINT_TO_POINTER (entry->id), entry);
  return entry->id;
}

gboolean
gvir_domain_list_activate_with_id (GVirDomainList      *list,
                                   GVirDomainListEntry *entry,
                                   int                  id)
{
  g_return_val_if_fail (entry->id < 0 && id > 0, FALSE);

  if (g_hash_table_contains (list->by_id, GINT_TO_POINTER (id)))
    return FALSE;
  entry->id = id;
  g_hash_table_insert (list->by_id, GINT_TO_POINTER (id), entry);
  if (id >= list->next_id)
    list->next_id = id + 1;
  return TRUE;
}

void
gvir_domain_list_deactivate (GVirDomainList      *list,
                             GVirDomainListEntry *entry)
{
  if (entry->id > 0)
    g_hash_table_remove (list->by_id, GINT_TO_POINTER (entry->id));
  entry->id = -1;
}

static gint
compare_serial (gconstpointer a,
                gconstpointer b)
{
  const GVirDomainListEntry *x = *(GVirDomainListEntry * const *) a;
  const GVirDomainListEntry *y = *(GVirDomainListEntry * const *) b;

  return x->serial < y->serial ? -1 : x->serial > y->serial;
}

GPtrArray *
gvir_domain_list_entries (GVirDomainList *list)
{
  GPtrArray *entries = g_ptr_array_sized_new (g_hash_table_size (list->by_uuid));
  GHashTableIter iter;
  gpointer entry;

  g_hash_table_iter_init (&iter, list->by_uuid);
  while (g_hash_table_iter_next (&iter, NULL, &entry))
    g_ptr_array_add (entries, entry);
  g_ptr_array_sort (entries, compare_serial);
  return entries;
}

guint
gvir_domain_list_count (GVirDomainList *list)
{
  return g_hash_table_size (list->by_uuid);
}
