/*
 * gconfig-no-loss.c: libvirt-gconfig's setters lose nothing: what is set
 * reads back as it was set, in the document libvirt reads
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Where libvirt-gconfig 4.0 loses (see KNOWN-DIFFERENCES.md): it writes an
 * owner of -1 as 4294967295 and reads sizes in another unit than bytes as
 * if they were bytes.
 */
#include <string.h>

#include <libvirt-gconfig/libvirt-gconfig.h>

static void
assert_xml_has (GVirConfigObject *obj, const char *fragment)
{
  g_autofree gchar *xml = gvir_config_object_to_xml (obj);

  if (strstr (xml, fragment) == NULL)
    g_error ("expected %s in:\n%s", fragment, xml);
}

/* -1, libvirt's "no id", is written as -1 and reads back as (guint) -1. */
static void
test_unset_ids_written_as_minus_one (void)
{
  GVirConfigStoragePermissions *perms = gvir_config_storage_permissions_new ();

  gvir_config_storage_permissions_set_owner (perms, (guint) -1);
  gvir_config_storage_permissions_set_group (perms, (guint) -1);
  assert_xml_has (GVIR_CONFIG_OBJECT (perms), "<owner>-1</owner>");
  assert_xml_has (GVIR_CONFIG_OBJECT (perms), "<group>-1</group>");
  g_assert_cmpuint (gvir_config_storage_permissions_get_owner (perms), ==, G_MAXUINT);
  g_assert_cmpuint (gvir_config_storage_permissions_get_group (perms), ==, G_MAXUINT);

  gvir_config_storage_permissions_set_owner (perms, 107);
  gvir_config_storage_permissions_set_group (perms, 0);
  assert_xml_has (GVIR_CONFIG_OBJECT (perms), "<owner>107</owner>");
  assert_xml_has (GVIR_CONFIG_OBJECT (perms), "<group>0</group>");
  g_assert_cmpuint (gvir_config_storage_permissions_get_owner (perms), ==, 107);
  g_assert_cmpuint (gvir_config_storage_permissions_get_group (perms), ==, 0);
  g_assert_finalize_object (perms);
}

static void
test_unset_ids_read (void)
{
  g_autoptr (GError) error = NULL;
  GVirConfigStoragePermissions *perms = gvir_config_storage_permissions_new_from_xml (
    "<permissions><mode>0711</mode><owner> -1 </owner><group>4294967295</group></permissions>",
    &error);

  g_assert_no_error (error);
  g_assert_cmpuint (gvir_config_storage_permissions_get_owner (perms), ==, G_MAXUINT);
  g_assert_cmpuint (gvir_config_storage_permissions_get_group (perms), ==, G_MAXUINT);
  g_assert_finalize_object (perms);
}

/* Memory is set in KiB: a value that is no whole MiB stays as it is. */
static void
test_memory_kib_not_rounded (void)
{
  GVirConfigDomain *domain = gvir_config_domain_new ();

  gvir_config_domain_set_memory (domain, 1048577);
  gvir_config_domain_set_current_memory (domain, 1023);
  g_assert_cmpuint (gvir_config_domain_get_memory (domain), ==, 1048577);
  g_assert_cmpuint (gvir_config_domain_get_current_memory (domain), ==, 1023);
  g_assert_finalize_object (domain);
}

/* Capacities are set in bytes: an odd byte count stays as it is. */
static void
test_capacity_bytes_not_rounded (void)
{
  GVirConfigStorageVol *vol = gvir_config_storage_vol_new ();
  GVirConfigStoragePool *pool = gvir_config_storage_pool_new ();

  gvir_config_storage_vol_set_capacity (vol, 1000000001);
  gvir_config_storage_vol_set_allocation (vol, 513);
  gvir_config_storage_pool_set_capacity (pool, G_GUINT64_CONSTANT (21474836481));
  g_assert_cmpuint (gvir_config_storage_vol_get_capacity (vol), ==, 1000000001);
  g_assert_cmpuint (gvir_config_storage_vol_get_allocation (vol), ==, 513);
  g_assert_cmpuint (gvir_config_storage_pool_get_capacity (pool), ==, G_GUINT64_CONSTANT (21474836481));
  g_assert_finalize_object (vol);
  g_assert_finalize_object (pool);
}

/* A size written in decimal units reads back in exact bytes, not rounded
 * up to whole KiB (1 kB is 1000 bytes in libvirt's scaled integers). */
static void
test_decimal_units_exact (void)
{
  g_autoptr (GError) error = NULL;
  GVirConfigStorageVol *vol = gvir_config_storage_vol_new_from_xml (
    "<volume><name>v</name><capacity unit='KB'>1</capacity>"
    "<allocation unit='MB'>3</allocation></volume>", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (gvir_config_storage_vol_get_capacity (vol), ==, 1000);
  g_assert_cmpuint (gvir_config_storage_vol_get_allocation (vol), ==, 3000000);
  g_assert_finalize_object (vol);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/gconfig/no-loss/unset-ids-written-as-minus-one", test_unset_ids_written_as_minus_one);
  g_test_add_func ("/gconfig/no-loss/unset-ids-read", test_unset_ids_read);
  g_test_add_func ("/gconfig/no-loss/memory-kib-not-rounded", test_memory_kib_not_rounded);
  g_test_add_func ("/gconfig/no-loss/capacity-bytes-not-rounded", test_capacity_bytes_not_rounded);
  g_test_add_func ("/gconfig/no-loss/decimal-units-exact", test_decimal_units_exact);
  return g_test_run ();
}
