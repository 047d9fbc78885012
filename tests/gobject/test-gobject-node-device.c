/*
 * test-gobject-node-device.c: GVirNodeDevice and the connection's device
 * cache on the test driver
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

/* test:///default has libvirt's four devices. */
static void
test_default_devices (void)
{
  g_autoptr(GVirConnection) conn = open_and_fetch (TEST_URI, gvir_connection_fetch_node_devices);
  g_autoptr(GVirNodeDevice) computer = gvir_connection_get_node_device (conn, "computer");
  g_autoptr(GVirNodeDevice) missing = gvir_connection_get_node_device (conn, "pci_0");
  GList *devices = gvir_connection_get_node_devices (conn);
  g_autoptr(GString) names = g_string_new (NULL);
  GList *l;

  for (l = devices; l != NULL; l = l->next)
    g_string_append_printf (names, "%s ", gvir_node_device_get_name (l->data));
  g_assert_cmpstr (names->str, ==, "computer scsi_host1 scsi_host11 scsi_host2 ");
  g_assert_true (devices->data == computer);
  g_assert_null (missing);
  g_list_free_full (devices, g_object_unref);
}

static void
test_default_config (void)
{
  g_autoptr(GVirConnection) conn = open_and_fetch (TEST_URI, gvir_connection_fetch_node_devices);
  g_autoptr(GVirNodeDevice) host11 = gvir_connection_get_node_device (conn, "scsi_host11");
  g_autoptr(GVirConfigNodeDevice) conf = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (host11);
  conf = gvir_node_device_get_config (host11, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gvir_config_node_device_get_name (conf), ==, "scsi_host11");
  g_assert_cmpstr (gvir_config_node_device_get_parent (conf), ==, "scsi_host1");
  g_assert_cmpstr (gvir_config_node_device_get_capability_type (conf), ==, "scsi_host");
}

/* A second, asynchronous fetch keeps the objects. */
static void
test_fetch_async_identity (void)
{
  g_autoptr(GVirConnection) conn = open_and_fetch (TEST_URI, gvir_connection_fetch_node_devices);
  g_autoptr(GVirNodeDevice) first = gvir_connection_get_node_device (conn, "computer");
  g_autoptr(GVirNodeDevice) second = NULL;
  g_autoptr(GError) error = NULL;
  AsyncWait wait = { 0 };
  GAsyncResult *result;

  gvir_connection_fetch_node_devices_async (conn, NULL, async_wait_cb, &wait);
  result = async_wait_finish (&wait, "gvir_connection_fetch_node_devices_async");
  g_assert_true (gvir_connection_fetch_node_devices_finish (conn, result, &error));
  g_assert_no_error (error);
  g_object_unref (result);
  second = gvir_connection_get_node_device (conn, "computer");
  g_assert_nonnull (first);
  g_assert_true (first == second);
}

static void
test_after_close (void)
{
  g_autoptr(GVirConnection) conn = open_and_fetch (TEST_URI, gvir_connection_fetch_node_devices);
  g_autoptr(GVirNodeDevice) dev = gvir_connection_get_node_device (conn, "computer");
  g_autoptr(GError) error = NULL;

  gvir_connection_close (conn);
  g_assert_null (gvir_connection_get_node_devices (conn));
  g_assert_null (gvir_connection_get_node_device (conn, "computer"));
  g_assert_null (gvir_node_device_get_config (dev, 0, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  g_clear_error (&error);
  g_assert_false (gvir_connection_fetch_node_devices (conn, NULL, &error));
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

/* <device> children of a <node> file, inline or in their own file; the
 * default devices are not there; a duplicate name fails the open. */
static void
test_file_devices (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gvir-node-device-XXXXXX", &error);
  g_autofree char *dev_path = write_config (dir, "usb.xml",
                                            "<device><name>usb_1_2</name><parent>computer</parent>"
                                            "<capability type='usb_device'/></device>");
  g_autofree char *node_path = write_config (dir, "node.xml",
                                             "<node><device><name>computer</name>"
                                             "<capability type='system'/></device>"
                                             "<device file='usb.xml'/></node>");
  g_autofree char *bad_path = write_config (dir, "bad.xml",
                                            "<node><device><name>a</name></device>"
                                            "<device><name>a</name></device></node>");
  g_autofree char *uri = g_strconcat ("test://", node_path, NULL);
  g_autofree char *bad_uri = g_strconcat ("test://", bad_path, NULL);
  g_autoptr(GVirConnection) conn = open_and_fetch (uri, gvir_connection_fetch_node_devices);
  g_autoptr(GVirConnection) bad = gvir_connection_new (bad_uri);
  g_autoptr(GVirNodeDevice) usb = gvir_connection_get_node_device (conn, "usb_1_2");
  g_autoptr(GVirConfigNodeDevice) conf = NULL;
  GList *devices = gvir_connection_get_node_devices (conn);

  g_assert_cmpuint (g_list_length (devices), ==, 2);
  g_list_free_full (devices, g_object_unref);
  g_assert_null (gvir_connection_get_node_device (conn, "scsi_host1"));
  conf = gvir_node_device_get_config (usb, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gvir_config_node_device_get_capability_type (conf), ==, "usb_device");

  g_assert_false (gvir_connection_open (bad, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_XML);
  g_assert_nonnull (strstr (error->message, "a device named 'a' exists"));

  g_assert_cmpint (g_remove (node_path), ==, 0);
  g_assert_cmpint (g_remove (dev_path), ==, 0);
  g_assert_cmpint (g_remove (bad_path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_types (void)
{
  g_assert_true (g_type_is_a (gvir_node_device_get_type (), G_TYPE_OBJECT));
  g_assert_true (G_TYPE_IS_FINAL (GVIR_TYPE_NODE_DEVICE));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  gvir_init_object (&argc, &argv);

  g_test_add_func ("/gvir/node-device/default", test_default_devices);
  g_test_add_func ("/gvir/node-device/default-config", test_default_config);
  g_test_add_func ("/gvir/node-device/fetch-async-identity", test_fetch_async_identity);
  g_test_add_func ("/gvir/node-device/after-close", test_after_close);
  g_test_add_func ("/gvir/node-device/file-devices", test_file_devices);
  g_test_add_func ("/gvir/node-device/types", test_types);

  return g_test_run ();
}
