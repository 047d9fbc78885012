/*
 * test-gconfig-compat.c: the functions that complete libvirt-gconfig's
 * exported API (initialisation, disk driver policies)
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include <libvirt-gconfig/libvirt-gconfig.h>

#define LOG_DOMAIN "Libvirt.GConfig"

static void
assert_xml (gpointer object, const char *expected)
{
  g_autofree char *xml = gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (object));

  g_assert_cmpstr (xml, ==, expected);
}

static void
test_init (void)
{
  g_autoptr(GError) error = NULL;
  int argc = 2;
  char *args[] = { (char *) "prog", (char *) "--keep-me", NULL };
  char **argv = args;

  g_assert_true (gvir_config_init_check (&argc, &argv, &error));
  g_assert_no_error (error);
  /* No argument is consumed. */
  g_assert_cmpint (argc, ==, 2);
  g_assert_cmpstr (argv[1], ==, "--keep-me");

  gvir_config_init (&argc, &argv);
  gvir_config_init (NULL, NULL);
  g_assert_true (gvir_config_init_check (NULL, NULL, NULL));
  /* The older names do the same. */
  g_assert_true (gvir_init_config_check (NULL, NULL, NULL));
  gvir_init_config (NULL, NULL);
}

static void
test_disk_driver_policies (void)
{
  g_autoptr(GVirConfigDomainDiskDriver) driver = gvir_config_domain_disk_driver_new ();

  /* Unset attributes give libvirt-gconfig's defaults. */
  g_assert_cmpint (gvir_config_domain_disk_driver_get_error_policy (driver), ==,
                   GVIR_CONFIG_DOMAIN_DISK_DRIVER_ERROR_POLICY_REPORT);
  g_assert_cmpint (gvir_config_domain_disk_driver_get_io_policy (driver), ==,
                   GVIR_CONFIG_DOMAIN_DISK_DRIVER_IO_POLICY_THREADS);
  g_assert_cmpint (gvir_config_domain_disk_driver_get_discard (driver), ==,
                   GVIR_CONFIG_DOMAIN_DISK_DRIVER_DISCARD_IGNORE);

  gvir_config_domain_disk_driver_set_name (driver, "qemu");
  gvir_config_domain_disk_driver_set_error_policy (driver, GVIR_CONFIG_DOMAIN_DISK_DRIVER_ERROR_POLICY_ENOSPACE);
  gvir_config_domain_disk_driver_set_io_policy (driver, GVIR_CONFIG_DOMAIN_DISK_DRIVER_IO_POLICY_NATIVE);
  gvir_config_domain_disk_driver_set_discard (driver, GVIR_CONFIG_DOMAIN_DISK_DRIVER_DISCARD_IGNORE);
  assert_xml (driver, "<driver name=\"qemu\" error_policy=\"enospace\" io=\"native\" discard=\"ignore\"/>");

  g_assert_cmpint (gvir_config_domain_disk_driver_get_error_policy (driver), ==,
                   GVIR_CONFIG_DOMAIN_DISK_DRIVER_ERROR_POLICY_ENOSPACE);
  g_assert_cmpint (gvir_config_domain_disk_driver_get_io_policy (driver), ==,
                   GVIR_CONFIG_DOMAIN_DISK_DRIVER_IO_POLICY_NATIVE);
  g_assert_cmpint (gvir_config_domain_disk_driver_get_discard (driver), ==,
                   GVIR_CONFIG_DOMAIN_DISK_DRIVER_DISCARD_IGNORE);

  /* Setting again moves the attribute last, as libvirt-gconfig does. */
  gvir_config_domain_disk_driver_set_error_policy (driver, GVIR_CONFIG_DOMAIN_DISK_DRIVER_ERROR_POLICY_REPORT);
  gvir_config_domain_disk_driver_set_discard (driver, GVIR_CONFIG_DOMAIN_DISK_DRIVER_DISCARD_UNMAP);
  assert_xml (driver, "<driver name=\"qemu\" io=\"native\" error_policy=\"report\" discard=\"unmap\"/>");
  g_assert_cmpint (gvir_config_domain_disk_driver_get_error_policy (driver), ==,
                   GVIR_CONFIG_DOMAIN_DISK_DRIVER_ERROR_POLICY_REPORT);
  g_assert_cmpint (gvir_config_domain_disk_driver_get_discard (driver), ==,
                   GVIR_CONFIG_DOMAIN_DISK_DRIVER_DISCARD_UNMAP);
}

static void
test_disk_driver_policies_parse (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirConfigDomainDiskDriver) driver = NULL;
  g_autoptr(GVirConfigDomainDiskDriver) odd = NULL;

  driver = gvir_config_domain_disk_driver_new_from_xml ("<driver error_policy='ignore' io='threads' discard='ignore'/>", &error);
  g_assert_no_error (error);
  g_assert_cmpint (gvir_config_domain_disk_driver_get_error_policy (driver), ==,
                   GVIR_CONFIG_DOMAIN_DISK_DRIVER_ERROR_POLICY_IGNORE);
  g_assert_cmpint (gvir_config_domain_disk_driver_get_io_policy (driver), ==,
                   GVIR_CONFIG_DOMAIN_DISK_DRIVER_IO_POLICY_THREADS);
  g_assert_cmpint (gvir_config_domain_disk_driver_get_discard (driver), ==,
                   GVIR_CONFIG_DOMAIN_DISK_DRIVER_DISCARD_IGNORE);

  /* Unknown values read as the default and survive a write. */
  odd = gvir_config_domain_disk_driver_new_from_xml ("<driver error_policy='explode' io='io_uring'/>", &error);
  g_assert_no_error (error);
  g_assert_cmpint (gvir_config_domain_disk_driver_get_error_policy (odd), ==,
                   GVIR_CONFIG_DOMAIN_DISK_DRIVER_ERROR_POLICY_REPORT);
  g_assert_cmpint (gvir_config_domain_disk_driver_get_io_policy (odd), ==,
                   GVIR_CONFIG_DOMAIN_DISK_DRIVER_IO_POLICY_THREADS);
  assert_xml (odd, "<driver error_policy=\"explode\" io=\"io_uring\"/>");
}

static void
test_disk_driver_policies_invalid (void)
{
  g_autoptr(GVirConfigDomainDiskDriver) driver = gvir_config_domain_disk_driver_new ();

  g_test_expect_message (LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*assertion*failed*");
  gvir_config_domain_disk_driver_set_error_policy (driver, (GVirConfigDomainDiskDriverErrorPolicy) 42);
  g_test_assert_expected_messages ();

  g_test_expect_message (LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*assertion*failed*");
  gvir_config_domain_disk_driver_set_io_policy (driver, (GVirConfigDomainDiskDriverIoPolicy) -1);
  g_test_assert_expected_messages ();

  g_test_expect_message (LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*assertion*failed*");
  gvir_config_domain_disk_driver_set_discard (driver, (GVirConfigDomainDiskDriverDiscard) 7);
  g_test_assert_expected_messages ();

  g_test_expect_message (LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*assertion*failed*");
  g_assert_cmpint (gvir_config_domain_disk_driver_get_discard (NULL), ==,
                   GVIR_CONFIG_DOMAIN_DISK_DRIVER_DISCARD_IGNORE);
  g_test_assert_expected_messages ();

  /* Nothing was half-applied. */
  assert_xml (driver, "<driver/>");
}

static void
test_disk_driver_in_disk (void)
{
  g_autoptr(GVirConfigDomainDisk) disk = gvir_config_domain_disk_new ();
  g_autoptr(GVirConfigDomainDiskDriver) driver = gvir_config_domain_disk_driver_new ();
  g_autoptr(GVirConfigDomainDiskDriver) back = NULL;

  gvir_config_domain_disk_driver_set_io_policy (driver, GVIR_CONFIG_DOMAIN_DISK_DRIVER_IO_POLICY_NATIVE);
  gvir_config_domain_disk_set_driver (disk, driver);
  back = gvir_config_domain_disk_get_driver (disk);
  g_assert_nonnull (back);
  g_assert_cmpint (gvir_config_domain_disk_driver_get_io_policy (back), ==,
                   GVIR_CONFIG_DOMAIN_DISK_DRIVER_IO_POLICY_NATIVE);
}

static void
test_enum_types (void)
{
  /* Registered enums whose nicks are the XML spellings. */
  g_autoptr(GEnumClass) errors = g_type_class_ref (GVIR_CONFIG_TYPE_DOMAIN_DISK_DRIVER_ERROR_POLICY);
  g_autoptr(GEnumClass) io = g_type_class_ref (GVIR_CONFIG_TYPE_DOMAIN_DISK_DRIVER_IO_POLICY);
  g_autoptr(GEnumClass) discard = g_type_class_ref (GVIR_CONFIG_TYPE_DOMAIN_DISK_DRIVER_DISCARD);

  g_assert_cmpuint (errors->n_values, ==, 4);
  g_assert_cmpstr (g_enum_get_value (errors, GVIR_CONFIG_DOMAIN_DISK_DRIVER_ERROR_POLICY_STOP)->value_nick, ==, "stop");
  g_assert_cmpstr (g_enum_get_value (errors, GVIR_CONFIG_DOMAIN_DISK_DRIVER_ERROR_POLICY_ENOSPACE)->value_nick, ==, "enospace");
  g_assert_cmpuint (io->n_values, ==, 2);
  g_assert_cmpstr (g_enum_get_value (io, GVIR_CONFIG_DOMAIN_DISK_DRIVER_IO_POLICY_NATIVE)->value_nick, ==, "native");
  g_assert_cmpuint (discard->n_values, ==, 2);
  g_assert_cmpstr (g_enum_get_value (discard, GVIR_CONFIG_DOMAIN_DISK_DRIVER_DISCARD_UNMAP)->value_nick, ==, "unmap");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gconfig/compat/init", test_init);
  g_test_add_func ("/gconfig/compat/disk-driver/policies", test_disk_driver_policies);
  g_test_add_func ("/gconfig/compat/disk-driver/policies-parse", test_disk_driver_policies_parse);
  g_test_add_func ("/gconfig/compat/disk-driver/policies-invalid", test_disk_driver_policies_invalid);
  g_test_add_func ("/gconfig/compat/disk-driver/in-disk", test_disk_driver_in_disk);
  g_test_add_func ("/gconfig/compat/enum-types", test_enum_types);

  return g_test_run ();
}
