/*
 * test-gobject-interface.c: GVirInterface and the connection's interface
 * cache on the test driver, and the test driver's interface table
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
#include <glib/gstdio.h>

#include "test-gobject-common.h"
#include "libvirt-gobject/drivers/gvir-driver-private.h"

#define ETH1_MAC "aa:bb:cc:dd:ee:ff"

/* test:///default has libvirt's interface 'eth1', found every way. */
static void
test_default_interface (void)
{
  g_autoptr(GVirConnection) conn = open_and_fetch (TEST_URI, gvir_connection_fetch_interfaces);
  g_autoptr(GVirInterface) by_name = gvir_connection_get_interface (conn, "eth1");
  g_autoptr(GVirInterface) by_mac = gvir_connection_find_interface_by_mac (conn,
                                                                           "AA:BB:CC:DD:EE:FF");
  g_autoptr(GVirInterface) missing = gvir_connection_get_interface (conn, "eth0");
  g_autoptr(GVirInterface) missing_mac = gvir_connection_find_interface_by_mac (conn,
                                                                                "00:11:22:33:44:55");
  GList *ifaces = gvir_connection_get_interfaces (conn);

  g_assert_cmpuint (g_list_length (ifaces), ==, 1);
  g_assert_true (ifaces->data == by_name);
  g_assert_true (by_mac == by_name);
  g_assert_null (missing);
  g_assert_null (missing_mac);
  g_assert_cmpstr (gvir_interface_get_name (by_name), ==, "eth1");
  g_assert_cmpstr (gvir_interface_get_mac (by_name), ==, ETH1_MAC);
  g_list_free_full (ifaces, g_object_unref);
}

static void
test_default_config (void)
{
  g_autoptr(GVirConnection) conn = open_and_fetch (TEST_URI, gvir_connection_fetch_interfaces);
  g_autoptr(GVirInterface) iface = gvir_connection_get_interface (conn, "eth1");
  g_autoptr(GVirConfigInterface) conf = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (iface);
  conf = gvir_interface_get_config (iface, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gvir_config_interface_get_name (conf), ==, "eth1");
  g_assert_cmpstr (gvir_config_interface_get_mac (conf), ==, ETH1_MAC);
  g_assert_cmpuint (gvir_config_interface_get_mtu (conf), ==, 1492);
  g_assert_cmpint (gvir_config_interface_get_interface_type (conf), ==,
                   GVIR_CONFIG_INTERFACE_TYPE_ETHERNET);
  g_assert_cmpint (gvir_config_interface_get_start_mode (conf), ==,
                   GVIR_CONFIG_INTERFACE_START_MODE_ONBOOT);
}

/* A second fetch keeps the object; async fetching fills the cache too. */
static void
test_fetch_async_identity (void)
{
  g_autoptr(GVirConnection) conn = gvir_connection_new (TEST_URI);
  g_autoptr(GVirInterface) first = NULL;
  g_autoptr(GVirInterface) second = NULL;
  g_autoptr(GError) error = NULL;
  AsyncWait wait = { 0 };
  GAsyncResult *result;

  g_assert_true (gvir_connection_open (conn, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (gvir_connection_get_interfaces (conn));
  gvir_connection_fetch_interfaces_async (conn, NULL, async_wait_cb, &wait);
  result = async_wait_finish (&wait, "gvir_connection_fetch_interfaces_async");
  g_assert_true (gvir_connection_fetch_interfaces_finish (conn, result, &error));
  g_assert_no_error (error);
  g_object_unref (result);
  first = gvir_connection_get_interface (conn, "eth1");
  g_assert_nonnull (first);

  g_assert_true (gvir_connection_fetch_interfaces (conn, NULL, &error));
  g_assert_no_error (error);
  second = gvir_connection_get_interface (conn, "eth1");
  g_assert_true (first == second);
}

static void
test_after_close (void)
{
  g_autoptr(GVirConnection) conn = open_and_fetch (TEST_URI, gvir_connection_fetch_interfaces);
  g_autoptr(GVirInterface) iface = gvir_connection_get_interface (conn, "eth1");
  g_autoptr(GError) error = NULL;

  gvir_connection_close (conn);
  g_assert_null (gvir_connection_get_interfaces (conn));
  g_assert_null (gvir_connection_get_interface (conn, "eth1"));
  g_assert_null (gvir_connection_find_interface_by_mac (conn, ETH1_MAC));
  g_assert_null (gvir_interface_get_config (iface, 0, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  g_clear_error (&error);
  g_assert_false (gvir_connection_fetch_interfaces (conn, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
}

/* Writes @xml as @name in @dir; returns the file's path. */
static char *
write_config (const char *dir, const char *name, const char *xml)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, xml, -1, &error));
  g_assert_no_error (error);
  return path;
}

#define BOND_MAC "52:54:00:00:00:01"

/* <interface> children of a <node> file, inline or in their own file; the
 * default eth1 is not there. A bond and its slave share a MAC address. */
static const char file_node_xml[] =
  "<node>"
  "<interface type='bond' name='bond0'><mac address='" BOND_MAC "'/></interface>"
  "<interface file='slave.xml'/>"
  "<interface type='bridge' name='br0'><mtu size='9000'/></interface>"
  "</node>";

typedef struct
{
  char *dir;
  char *slave_path;
  char *node_path;
  char *uri;
} FileConfig;

static void
file_config_setup (FileConfig *fc, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  fc->dir = g_dir_make_tmp ("gvir-interface-XXXXXX", &error);
  g_assert_no_error (error);
  fc->slave_path = write_config (fc->dir, "slave.xml",
                                 "<interface type='ethernet' name='eth2'>"
                                 "<mac address='" BOND_MAC "'/></interface>");
  fc->node_path = write_config (fc->dir, "node.xml", file_node_xml);
  fc->uri = g_strconcat ("test://", fc->node_path, NULL);
}

static void
file_config_teardown (FileConfig *fc, gconstpointer data)
{
  g_assert_cmpint (g_remove (fc->node_path), ==, 0);
  g_assert_cmpint (g_remove (fc->slave_path), ==, 0);
  g_assert_cmpint (g_rmdir (fc->dir), ==, 0);
  g_free (fc->dir);
  g_free (fc->slave_path);
  g_free (fc->node_path);
  g_free (fc->uri);
}

static void
test_file_interfaces (FileConfig *fc, gconstpointer data)
{
  g_autoptr(GVirConnection) conn = open_and_fetch (fc->uri, gvir_connection_fetch_interfaces);
  g_autoptr(GVirInterface) br0 = gvir_connection_get_interface (conn, "br0");
  g_autoptr(GVirInterface) shared = gvir_connection_find_interface_by_mac (conn, BOND_MAC);
  g_autoptr(GVirConfigInterface) conf = NULL;
  g_autoptr(GError) error = NULL;
  GList *ifaces = gvir_connection_get_interfaces (conn);

  g_assert_cmpuint (g_list_length (ifaces), ==, 3);
  g_assert_cmpstr (gvir_interface_get_name (ifaces->data), ==, "bond0");
  g_assert_cmpstr (gvir_interface_get_name (ifaces->next->data), ==, "br0");
  g_assert_cmpstr (gvir_interface_get_name (ifaces->next->next->data), ==, "eth2");
  g_list_free_full (ifaces, g_object_unref);
  g_assert_null (gvir_connection_get_interface (conn, "eth1"));

  /* An interface without a MAC address has an empty one. */
  g_assert_cmpstr (gvir_interface_get_mac (br0), ==, "");
  conf = gvir_interface_get_config (br0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gvir_config_interface_get_mtu (conf), ==, 9000);
  g_assert_cmpint (gvir_config_interface_get_interface_type (conf), ==,
                   GVIR_CONFIG_INTERFACE_TYPE_BRIDGE);

  g_assert_nonnull (shared);
  g_assert_cmpstr (gvir_interface_get_mac (shared), ==, BOND_MAC);
}

/* The driver's own lookups: a MAC address shared by two interfaces is an
 * error there (as in libvirt), unknown names and addresses are NOT_FOUND. */
static void
test_file_driver_lookups (FileConfig *fc, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDriverConnection) drv = gvir_driver_connection_open (fc->uri, TRUE, NULL, NULL,
                                                                     NULL, &error);
  g_autoptr(GVirDriverInterface) eth2 = NULL;
  g_autoptr(GVirDriverInterface) none = NULL;
  g_autofree char *xml = NULL;

  g_assert_no_error (error);
  eth2 = gvir_driver_connection_lookup_interface_by_name (drv, "eth2", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (eth2->mac, ==, BOND_MAC);

  none = gvir_driver_connection_lookup_interface_by_mac (drv, BOND_MAC, NULL, &error);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "2 interfaces"));
  g_clear_error (&error);
  none = gvir_driver_connection_lookup_interface_by_mac (drv, "00:00:00:00:00:00", NULL, &error);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
  g_clear_error (&error);
  none = gvir_driver_connection_lookup_interface_by_name (drv, "eth9", NULL, &error);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
  g_clear_error (&error);
  xml = gvir_driver_connection_get_interface_xml (drv, "eth9", 0, NULL, &error);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
  g_assert_null (xml);
}

/* A configuration with a bad interface fails to open, saying why. */
static void
check_bad_config (const char *interfaces_xml, const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gvir-interface-XXXXXX", &error);
  g_autofree char *xml = g_strconcat ("<node>", interfaces_xml, "</node>", NULL);
  g_autofree char *path = write_config (dir, "node.xml", xml);
  g_autofree char *uri = g_strconcat ("test://", path, NULL);
  g_autoptr(GVirConnection) conn = gvir_connection_new (uri);

  g_assert_false (gvir_connection_open (conn, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_XML);
  g_assert_nonnull (strstr (error->message, expected));
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_file_bad_interfaces (void)
{
  check_bad_config ("<interface type='ethernet'/>", "no name");
  check_bad_config ("<interface type='ethernet' name='a'/><interface type='bridge' name='a'/>",
                    "named 'a' exists");
  check_bad_config ("<interface file='missing.xml'/>", "bad interface file 'missing.xml'");
  check_bad_config ("<interface file='/dev/null'/>", "bad interface file");
}

static void
test_types (void)
{
  g_assert_true (g_type_is_a (gvir_interface_get_type (), G_TYPE_OBJECT));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  gvir_init_object (&argc, &argv);

  g_test_add_func ("/gvir/interface/default", test_default_interface);
  g_test_add_func ("/gvir/interface/default-config", test_default_config);
  g_test_add_func ("/gvir/interface/fetch-async-identity", test_fetch_async_identity);
  g_test_add_func ("/gvir/interface/after-close", test_after_close);
  g_test_add ("/gvir/interface/file-interfaces", FileConfig, NULL, file_config_setup,
              test_file_interfaces, file_config_teardown);
  g_test_add ("/gvir/interface/file-driver-lookups", FileConfig, NULL, file_config_setup,
              test_file_driver_lookups, file_config_teardown);
  g_test_add_func ("/gvir/interface/file-bad-interfaces", test_file_bad_interfaces);
  g_test_add_func ("/gvir/interface/types", test_types);

  return g_test_run ();
}
