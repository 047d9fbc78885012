/*
 * test-gobject-network.c: GVirNetwork, its DHCP leases and the
 * connection's network cache on the test driver
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "test-gobject-common.h"
#include "libvirt-gobject/libvirt-gobject-network-dhcp-lease-private.h"

#define DEFAULT_NETWORK_UUID "dd8fe884-6c02-601e-7551-cca97df1c5df"

/* test:///default has libvirt's network 'default', found every way. */
static void
test_default_network (void)
{
  g_autoptr(GVirConnection) conn = open_and_fetch (TEST_URI, gvir_connection_fetch_networks);
  g_autoptr(GVirNetwork) by_name = gvir_connection_find_network_by_name (conn, "default");
  g_autoptr(GVirNetwork) by_uuid = gvir_connection_get_network (conn,
                                                                "DD8FE884-6C02-601E-7551-CCA97DF1C5DF");
  g_autoptr(GVirNetwork) missing = gvir_connection_find_network_by_name (conn, "nosuch");
  GList *networks = gvir_connection_get_networks (conn);

  g_assert_cmpuint (g_list_length (networks), ==, 1);
  g_assert_true (networks->data == by_name);
  g_assert_true (by_uuid == by_name);
  g_assert_null (missing);
  g_assert_cmpstr (gvir_network_get_name (by_name), ==, "default");
  g_assert_cmpstr (gvir_network_get_uuid (by_name), ==, DEFAULT_NETWORK_UUID);
  g_list_free_full (networks, g_object_unref);
}

static void
test_default_config (void)
{
  g_autoptr(GVirConnection) conn = open_and_fetch (TEST_URI, gvir_connection_fetch_networks);
  g_autoptr(GVirNetwork) net = gvir_connection_find_network_by_name (conn, "default");
  g_autoptr(GVirConfigNetwork) conf = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (net);
  conf = gvir_network_get_config (net, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gvir_config_network_get_name (conf), ==, "default");
  g_assert_cmpstr (gvir_config_network_get_uuid (conf), ==, DEFAULT_NETWORK_UUID);
  g_assert_cmpstr (gvir_config_network_get_bridge_name (conf), ==, "virbr0");
  g_assert_cmpint (gvir_config_network_get_forward_mode (conf), ==,
                   GVIR_CONFIG_NETWORK_FORWARD_NAT);
  g_assert_cmpstr (gvir_config_network_get_ip_address (conf), ==, "192.168.122.1");
  g_assert_cmpstr (gvir_config_network_get_ip_netmask (conf), ==, "255.255.255.0");
}

/* A second fetch keeps the objects of the networks that are still there. */
static void
test_stable_identity (void)
{
  g_autoptr(GVirConnection) conn = open_and_fetch (TEST_URI, gvir_connection_fetch_networks);
  g_autoptr(GVirNetwork) first = gvir_connection_get_network (conn, DEFAULT_NETWORK_UUID);
  g_autoptr(GVirNetwork) second = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (gvir_connection_fetch_networks (conn, NULL, &error));
  g_assert_no_error (error);
  second = gvir_connection_get_network (conn, DEFAULT_NETWORK_UUID);
  g_assert_nonnull (first);
  g_assert_true (first == second);
}

static void
test_fetch_async (void)
{
  g_autoptr(GVirConnection) conn = gvir_connection_new (TEST_URI);
  g_autoptr(GVirNetwork) net = NULL;
  g_autoptr(GError) error = NULL;
  AsyncWait wait = { 0 };
  GAsyncResult *result;

  g_assert_true (gvir_connection_open (conn, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (gvir_connection_get_networks (conn));
  gvir_connection_fetch_networks_async (conn, NULL, async_wait_cb, &wait);
  result = async_wait_finish (&wait, "gvir_connection_fetch_networks_async");
  g_assert_true (gvir_connection_fetch_networks_finish (conn, result, &error));
  g_assert_no_error (error);
  g_object_unref (result);
  net = gvir_connection_find_network_by_name (conn, "default");
  g_assert_nonnull (net);
  g_assert_cmpstr (gvir_network_get_uuid (net), ==, DEFAULT_NETWORK_UUID);
}

/* Like libvirt's test driver, ours has no DHCP leases. */
static void
test_dhcp_leases_not_supported (void)
{
  g_autoptr(GVirConnection) conn = open_and_fetch (TEST_URI, gvir_connection_fetch_networks);
  g_autoptr(GVirNetwork) net = gvir_connection_find_network_by_name (conn, "default");
  g_autoptr(GError) error = NULL;

  g_assert_null (gvir_network_get_dhcp_leases (net, NULL, 0, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED);
}

static void
test_after_close (void)
{
  g_autoptr(GVirConnection) conn = open_and_fetch (TEST_URI, gvir_connection_fetch_networks);
  g_autoptr(GVirNetwork) net = gvir_connection_find_network_by_name (conn, "default");
  g_autoptr(GVirNetwork) found = NULL;
  g_autoptr(GError) error = NULL;

  gvir_connection_close (conn);
  g_assert_null (gvir_connection_get_networks (conn));
  g_assert_null (gvir_connection_find_network_by_name (conn, "default"));
  g_assert_null (gvir_connection_get_network (conn, DEFAULT_NETWORK_UUID));
  g_assert_null (gvir_network_get_config (net, 0, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  g_clear_error (&error);
  g_assert_false (gvir_connection_fetch_networks (conn, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  g_clear_error (&error);

  /* Reopened, the connection hands out the same object again. */
  g_assert_true (gvir_connection_open (conn, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gvir_connection_fetch_networks (conn, NULL, &error));
  g_assert_no_error (error);
  found = gvir_connection_find_network_by_name (conn, "default");
  g_assert_true (found == net);
}

/* Writes @xml as @name in a new directory; returns the file's path. */
static char *
write_config (const char *dir, const char *name, const char *xml)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, xml, -1, &error));
  g_assert_no_error (error);
  return path;
}

/* <network> children of a <node> file, inline or in their own file; the
 * default network is not there. */
static void
test_file_networks (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gvir-network-XXXXXX", &error);
  g_autofree char *net_path = NULL;
  g_autofree char *node_path = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GVirConnection) conn = NULL;
  g_autoptr(GVirNetwork) lan = NULL;
  g_autoptr(GVirNetwork) isolated = NULL;
  g_autoptr(GVirConfigNetwork) conf = NULL;
  GList *networks;

  g_assert_no_error (error);
  net_path = write_config (dir, "isolated.xml",
                           "<network><name>isolated</name>"
                           "<bridge name='virbr7'/></network>");
  node_path = write_config (dir, "node.xml",
                            "<node>"
                            "<network><name>lan</name>"
                            "<uuid>AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE</uuid>"
                            "<bridge name='virbr5'/></network>"
                            "<network file='isolated.xml'/>"
                            "</node>");
  uri = g_strconcat ("test://", node_path, NULL);
  conn = open_and_fetch (uri, gvir_connection_fetch_networks);

  networks = gvir_connection_get_networks (conn);
  g_assert_cmpuint (g_list_length (networks), ==, 2);
  g_assert_cmpstr (gvir_network_get_name (networks->data), ==, "isolated");
  g_assert_cmpstr (gvir_network_get_name (networks->next->data), ==, "lan");
  g_list_free_full (networks, g_object_unref);
  g_assert_null (gvir_connection_find_network_by_name (conn, "default"));

  lan = gvir_connection_find_network_by_name (conn, "lan");
  g_assert_cmpstr (gvir_network_get_uuid (lan), ==, "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");
  isolated = gvir_connection_find_network_by_name (conn, "isolated");
  g_assert_cmpuint (strlen (gvir_network_get_uuid (isolated)), ==, 36);
  conf = gvir_network_get_config (isolated, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gvir_config_network_get_bridge_name (conf), ==, "virbr7");
  g_assert_cmpstr (gvir_config_network_get_uuid (conf), ==, gvir_network_get_uuid (isolated));

  g_assert_cmpint (g_remove (node_path), ==, 0);
  g_assert_cmpint (g_remove (net_path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* A configuration with a bad network fails to open, saying why. */
static void
check_bad_config (const char *networks_xml, const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gvir-network-XXXXXX", &error);
  g_autofree char *xml = g_strconcat ("<node>", networks_xml, "</node>", NULL);
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
test_file_bad_networks (void)
{
  check_bad_config ("<network><bridge name='x'/></network>", "no <name>");
  check_bad_config ("<network><name>a</name><uuid>nonsense</uuid></network>",
                    "invalid UUID 'nonsense'");
  check_bad_config ("<network><name>a</name></network><network><name>a</name></network>",
                    "named 'a'");
  check_bad_config ("<network file='missing.xml'/>", "missing.xml");
}

/* Every getter of a lease returns what the driver described. */
static void
test_lease_getters (void)
{
  const GVirDriverDHCPLease desc = {
    .iface = (char *) "virbr0",
    .expiry_time = 1700000000,
    .type = GVIR_DRIVER_IP_ADDR_IPV6,
    .mac = (char *) "52:54:00:12:34:56",
    .iaid = (char *) "1234",
    .ipaddr = (char *) "fd00::10",
    .prefix = 64,
    .hostname = (char *) "guest",
    .clientid = (char *) "00:04:aa",
  };
  GVirNetworkDHCPLease *lease = _gvir_network_dhcp_lease_new (&desc);

  g_assert_cmpstr (gvir_network_dhcp_lease_get_iface (lease), ==, "virbr0");
  g_assert_cmpint (gvir_network_dhcp_lease_get_expiry_time (lease), ==, 1700000000);
  g_assert_cmpint (gvir_network_dhcp_lease_get_ip_type (lease), ==, GVIR_IP_ADDR_TYPE_IPV6);
  g_assert_cmpstr (gvir_network_dhcp_lease_get_mac (lease), ==, "52:54:00:12:34:56");
  g_assert_cmpstr (gvir_network_dhcp_lease_get_iaid (lease), ==, "1234");
  g_assert_cmpstr (gvir_network_dhcp_lease_get_ip (lease), ==, "fd00::10");
  g_assert_cmpuint (gvir_network_dhcp_lease_get_prefix (lease), ==, 64);
  g_assert_cmpstr (gvir_network_dhcp_lease_get_hostname (lease), ==, "guest");
  g_assert_cmpstr (gvir_network_dhcp_lease_get_client_id (lease), ==, "00:04:aa");
  g_assert_finalize_object (lease);
}

/* The registered types: objects, and the address kinds by their nicks. */
static void
test_types (void)
{
  g_autoptr(GEnumClass) kinds = g_type_class_ref (gvir_ip_addr_type_get_type ());

  g_assert_true (g_type_is_a (gvir_network_get_type (), G_TYPE_OBJECT));
  g_assert_true (g_type_is_a (gvir_network_dhcp_lease_get_type (), G_TYPE_OBJECT));
  g_assert_cmpint (g_enum_get_value_by_nick (kinds, "ipv4")->value, ==, GVIR_IP_ADDR_TYPE_IPV4);
  g_assert_cmpint (g_enum_get_value_by_nick (kinds, "ipv6")->value, ==, GVIR_IP_ADDR_TYPE_IPV6);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  gvir_init_object (&argc, &argv);

  g_test_add_func ("/gvir/network/default", test_default_network);
  g_test_add_func ("/gvir/network/default-config", test_default_config);
  g_test_add_func ("/gvir/network/stable-identity", test_stable_identity);
  g_test_add_func ("/gvir/network/fetch-async", test_fetch_async);
  g_test_add_func ("/gvir/network/dhcp-leases-not-supported", test_dhcp_leases_not_supported);
  g_test_add_func ("/gvir/network/after-close", test_after_close);
  g_test_add_func ("/gvir/network/file-networks", test_file_networks);
  g_test_add_func ("/gvir/network/file-bad-networks", test_file_bad_networks);
  g_test_add_func ("/gvir/network/lease-getters", test_lease_getters);
  g_test_add_func ("/gvir/network/types", test_types);

  return g_test_run ();
}
