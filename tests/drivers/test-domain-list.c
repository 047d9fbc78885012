/*
 * test-domain-list.c: the domains a driver knows, by UUID, name and id
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include "libvirt-gobject-error.h"
#include "drivers/gvir-domain-list-private.h"

#define UUID_A "11111111-2222-3333-4444-00000000000a"
#define UUID_B "11111111-2222-3333-4444-00000000000b"

static guint freed;

static void
count_free (gpointer data)
{
  freed++;
  g_free (data);
}

static void
test_identity (void)
{
  GVirDomainList *list = gvir_domain_list_new (count_free);
  GVirDomainListEntry *a, *existing = (gpointer) 1;
  g_autoptr(GError) error = NULL;

  g_assert_true (gvir_domain_list_check_identity (list, "a", UUID_A, &existing, &error));
  g_assert_no_error (error);
  g_assert_null (existing);
  a = gvir_domain_list_add (list, "a", UUID_A, g_strdup ("payload"));
  g_assert_cmpstr (a->uuid, ==, UUID_A);
  g_assert_cmpstr (a->name, ==, "a");
  g_assert_cmpint (a->id, ==, -1);
  g_assert_cmpstr (a->data, ==, "payload");

  /* The same identity: an update of that domain. */
  g_assert_true (gvir_domain_list_check_identity (list, "a", UUID_A, &existing, &error));
  g_assert_true (existing == a);
  /* Another domain's name. */
  g_assert_false (gvir_domain_list_check_identity (list, "a", UUID_B, &existing, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_EXISTS);
  g_assert_cmpstr (error->message, ==, "domain 'a' already exists with UUID '" UUID_A "'");
  g_clear_error (&error);
  /* A rename. */
  g_assert_false (gvir_domain_list_check_identity (list, "renamed", UUID_A, &existing, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_EXISTS);
  g_assert_cmpstr (error->message, ==,
                   "domain with UUID '" UUID_A "' already exists with name 'a'");
  g_clear_error (&error);

  freed = 0;
  gvir_domain_list_remove (list, a);
  g_assert_cmpuint (freed, ==, 1);
  g_assert_null (gvir_domain_list_find_uuid (list, UUID_A));
  g_assert_null (gvir_domain_list_find_name (list, "a"));
  g_assert_cmpuint (gvir_domain_list_count (list), ==, 0);
  gvir_domain_list_free (list);
}

static void
test_lookups (void)
{
  GVirDomainList *list = gvir_domain_list_new (NULL);
  GVirDomainListEntry *a = gvir_domain_list_add (list, "a", "11111111222233334444 00000000000A",
                                                 NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (a->uuid, ==, UUID_A);
  g_assert_true (gvir_domain_list_find_uuid (list, "11111111-2222-3333-4444-00000000000A") == a);
  g_assert_true (gvir_domain_list_find_name (list, "a") == a);
  g_assert_null (gvir_domain_list_find_name (list, NULL));
  g_assert_null (gvir_domain_list_find_uuid (list, "not-a-uuid"));

  g_assert_null (gvir_domain_list_get_uuid (list, UUID_B, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "no domain with UUID '" UUID_B "'");
  g_clear_error (&error);
  g_assert_null (gvir_domain_list_get_uuid (list, "xyz", &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_assert_cmpstr (error->message, ==, "invalid UUID 'xyz'");
  g_clear_error (&error);
  g_assert_null (gvir_domain_list_get_name (list, "b", &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "no domain with name 'b'");
  g_clear_error (&error);
  g_assert_null (gvir_domain_list_get_id (list, 1, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "no domain with id 1");
  gvir_domain_list_free (list);
}

static void
test_ids (void)
{
  GVirDomainList *list = gvir_domain_list_new (NULL);
  GVirDomainListEntry *a = gvir_domain_list_add (list, "a", UUID_A, NULL);
  GVirDomainListEntry *b = gvir_domain_list_add (list, "b", UUID_B, NULL);

  g_assert_cmpint (gvir_domain_list_activate (list, a), ==, 1);
  g_assert_true (gvir_domain_list_find_id (list, 1) == a);
  gvir_domain_list_deactivate (list, a);
  g_assert_cmpint (a->id, ==, -1);
  g_assert_null (gvir_domain_list_find_id (list, 1));
  /* Never an id given before. */
  g_assert_cmpint (gvir_domain_list_activate (list, a), ==, 2);

  /* A domain found running again keeps its id; new ids start above it. */
  g_assert_false (gvir_domain_list_activate_with_id (list, b, 2));
  g_assert_cmpint (b->id, ==, -1);
  g_assert_true (gvir_domain_list_activate_with_id (list, b, 7));
  g_assert_true (gvir_domain_list_find_id (list, 7) == b);
  gvir_domain_list_deactivate (list, a);
  g_assert_cmpint (gvir_domain_list_activate (list, a), ==, 8);

  /* Removing a running domain frees its id's slot too. */
  gvir_domain_list_remove (list, b);
  g_assert_null (gvir_domain_list_find_id (list, 7));
  gvir_domain_list_free (list);
}

static void
test_order (void)
{
  GVirDomainList *list = gvir_domain_list_new (NULL);
  const char *names[] = { "zeta", "alpha", "mid", "beta" };
  g_autoptr(GPtrArray) entries = NULL;
  guint i;

  for (i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *uuid = g_strdup_printf ("11111111-2222-3333-4444-0000000000%02x", i);

      gvir_domain_list_add (list, names[i], uuid, NULL);
    }
  gvir_domain_list_remove (list, gvir_domain_list_find_name (list, "mid"));
  gvir_domain_list_add (list, "mid", "11111111-2222-3333-4444-0000000000ff", NULL);
  entries = gvir_domain_list_entries (list);
  g_assert_cmpuint (entries->len, ==, 4);
  g_assert_cmpstr (((GVirDomainListEntry *) entries->pdata[0])->name, ==, "zeta");
  g_assert_cmpstr (((GVirDomainListEntry *) entries->pdata[1])->name, ==, "alpha");
  g_assert_cmpstr (((GVirDomainListEntry *) entries->pdata[2])->name, ==, "beta");
  g_assert_cmpstr (((GVirDomainListEntry *) entries->pdata[3])->name, ==, "mid");
  gvir_domain_list_free (list);
}

static void
test_free_frees_data (void)
{
  GVirDomainList *list = gvir_domain_list_new (count_free);

  gvir_domain_list_add (list, "a", UUID_A, g_strdup ("x"));
  gvir_domain_list_add (list, "b", UUID_B, g_strdup ("y"));
  freed = 0;
  gvir_domain_list_free (list);
  g_assert_cmpuint (freed, ==, 2);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/drivers/domain-list/identity", test_identity);
  g_test_add_func ("/drivers/domain-list/lookups", test_lookups);
  g_test_add_func ("/drivers/domain-list/ids", test_ids);
  g_test_add_func ("/drivers/domain-list/order", test_order);
  g_test_add_func ("/drivers/domain-list/free", test_free_frees_data);
  return g_test_run ();
}
