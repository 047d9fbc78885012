/*
 * test-gobject-devices.c: GVirManager, a domain's devices, its guest clock
 * and power-management wakeup, on the test driver
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

/* The test driver's fixed statistics (gvir-test-devices.c). */
#define STATS_BASE G_GINT64_CONSTANT (1000000000)
#define REASON_RUNNING_WAKEUP 8

typedef struct
{
  GVirConnection *conn;
  GVirDomain *dom;
  Recorder rec;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->conn = open_test_connection ();
  f->dom = fetch_test_domain (f->conn);
  spin_idle (NULL);
  recorder_watch_domain (&f->rec, f->dom);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  close_and_finalize (f->conn);
  assert_finalized_soon (f->dom);
}

/* ---- GVirManager ---------------------------------------------------------- */

static void
count_signal (GVirManager *man, GVirConnection *conn, gpointer user_data)
{
  guint *counter = user_data;

  (*counter)++;
}

static void
test_manager (void)
{
  GVirManager *man = gvir_manager_new ();
  g_autoptr(GVirConnection) a = gvir_connection_new ("test:///default");
  g_autoptr(GVirConnection) b = gvir_connection_new ("test:///other.xml");
  g_autoptr(GVirConnection) found = NULL;
  GList *list;
  guint added = 0, removed = 0;

  g_signal_connect (man, "connection-added", G_CALLBACK (count_signal), &added);
  g_signal_connect (man, "connection-removed", G_CALLBACK (count_signal), &removed);

  g_assert_null (gvir_manager_get_connections (man));
  gvir_manager_add_connection (man, a);
  gvir_manager_add_connection (man, b);
  gvir_manager_add_connection (man, a);   /* already there: ignored */
  g_assert_cmpuint (added, ==, 2);

  list = gvir_manager_get_connections (man);
  g_assert_cmpuint (g_list_length (list), ==, 2);
  g_assert_true (list->data == a);
  g_assert_true (list->next->data == b);
  g_list_free_full (list, g_object_unref);

  found = gvir_manager_find_connection_by_uri (man, "test:///other.xml");
  g_assert_true (found == b);
  g_assert_null (gvir_manager_find_connection_by_uri (man, "test:///nowhere.xml"));

  gvir_manager_remove_connection (man, a);
  gvir_manager_remove_connection (man, a);   /* not there any more: ignored */
  g_assert_cmpuint (removed, ==, 1);
  g_assert_null (gvir_manager_find_connection_by_uri (man, "test:///default"));
  list = gvir_manager_get_connections (man);
  g_assert_cmpuint (g_list_length (list), ==, 1);
  g_assert_true (list->data == b);
  g_list_free_full (list, g_object_unref);

  /* The manager's references go with it. */
  g_assert_finalize_object (man);
  g_assert_finalize_object (g_steal_pointer (&a));
}

/* ---- devices -------------------------------------------------------------- */

static GList *
get_devices_ok (GVirDomain *dom)
{
  g_autoptr(GError) error = NULL;
  GList *devices = gvir_domain_get_devices (dom, &error);

  g_assert_no_error (error);
  return devices;
}

static void
test_devices_list (Fixture *f, gconstpointer data)
{
  GList *devices = get_devices_ok (f->dom);
  g_autoptr(GVirDomain) owner = NULL;
  g_autoptr(GVirConfigDomainDevice) disk = NULL;
  g_autoptr(GVirConfigDomainDevice) iface = NULL;

  /* libvirt's default domain: one disk and one interface, in that order. */
  g_assert_cmpuint (g_list_length (devices), ==, 2);
  g_assert_true (GVIR_IS_DOMAIN_DISK (devices->data));
  g_assert_true (GVIR_IS_DOMAIN_INTERFACE (devices->next->data));

  owner = gvir_domain_device_get_domain (devices->data);
  g_assert_true (owner == f->dom);
  disk = gvir_domain_device_get_config (devices->data);
  g_assert_cmpstr (gvir_config_domain_disk_get_target_dev (GVIR_CONFIG_DOMAIN_DISK (disk)), ==,
                   "vda");
  iface = gvir_domain_device_get_config (devices->next->data);
  g_assert_cmpstr (gvir_config_domain_interface_get_mac (GVIR_CONFIG_DOMAIN_INTERFACE (iface)),
                   ==, "aa:bb:cc:dd:ee:ff");
  g_list_free_full (devices, g_object_unref);
}

static void
test_disk_stats (Fixture *f, gconstpointer data)
{
  GList *devices = get_devices_ok (f->dom);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDomainDiskStats) stats = gvir_domain_disk_get_stats (devices->data, &error);
  g_autoptr(GVirDomainDiskStats) copy = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (stats->rd_req, ==, STATS_BASE / 10);
  g_assert_cmpint (stats->rd_bytes, ==, STATS_BASE / 20);
  g_assert_cmpint (stats->wr_req, ==, STATS_BASE / 30);
  g_assert_cmpint (stats->wr_bytes, ==, STATS_BASE / 40);
  g_assert_cmpint (stats->errs, ==, 5);
  copy = g_boxed_copy (GVIR_TYPE_DOMAIN_DISK_STATS, stats);
  g_assert_cmpint (copy->wr_bytes, ==, stats->wr_bytes);

  /* Only a running domain has counters. */
  g_assert_true (gvir_domain_stop (f->dom, 0, &error));
  g_assert_null (gvir_domain_disk_get_stats (devices->data, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
  g_clear_error (&error);
  g_assert_true (gvir_domain_start (f->dom, 0, &error));
  g_assert_no_error (error);
  g_list_free_full (devices, g_object_unref);
}

static void
test_interface_stats (Fixture *f, gconstpointer data)
{
  GList *devices = get_devices_ok (f->dom);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDomainInterfaceStats) stats =
    gvir_domain_interface_get_stats (devices->next->data, &error);

  g_assert_no_error (error);
  g_assert_cmpint (stats->rx_bytes, ==, STATS_BASE / 10);
  g_assert_cmpint (stats->rx_packets, ==, STATS_BASE / 100);
  g_assert_cmpint (stats->rx_errs, ==, 1);
  g_assert_cmpint (stats->rx_drop, ==, 2);
  g_assert_cmpint (stats->tx_bytes, ==, STATS_BASE / 20);
  g_assert_cmpint (stats->tx_packets, ==, STATS_BASE / 110);
  g_assert_cmpint (stats->tx_errs, ==, 3);
  g_assert_cmpint (stats->tx_drop, ==, 4);
  g_list_free_full (devices, g_object_unref);
}

static void
test_disk_resize (Fixture *f, gconstpointer data)
{
  GList *devices = get_devices_ok (f->dom);
  g_autoptr(GError) error = NULL;

  g_assert_true (gvir_domain_disk_resize (devices->data, 1024 * 1024, 0, &error));
  g_assert_no_error (error);
  g_assert_true (gvir_domain_disk_resize (devices->data, 1 << 30, 1, &error));
  g_assert_no_error (error);

  g_assert_false (gvir_domain_disk_resize (devices->data, 0, 0, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (gvir_domain_disk_resize (devices->data, 1024, 1 << 4, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_list_free_full (devices, g_object_unref);
}

static GVirConfigDomainDisk *
make_disk (const char *target, const char *source)
{
  GVirConfigDomainDisk *disk = gvir_config_domain_disk_new ();

  gvir_config_domain_disk_set_type (disk, GVIR_CONFIG_DOMAIN_DISK_FILE);
  gvir_config_domain_disk_set_source (disk, source);
  gvir_config_domain_disk_set_target_dev (disk, target);
  gvir_config_domain_disk_set_target_bus (disk, GVIR_CONFIG_DOMAIN_DISK_BUS_VIRTIO);
  return disk;
}

static char *
dup_disk_source (GVirDomain *dom, guint xml_flags)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirConfigDomain) config = gvir_domain_get_config (dom, xml_flags, &error);
  GList *devices;
  char *source = NULL;

  g_assert_no_error (error);
  devices = gvir_config_domain_get_devices (config);
  for (GList *l = devices; l != NULL && source == NULL; l = l->next)
    if (GVIR_CONFIG_IS_DOMAIN_DISK (l->data))
      source = g_strdup (gvir_config_domain_disk_get_source (l->data));
  g_list_free_full (devices, g_object_unref);
  return source;
}

static void
assert_disk_sources (GVirDomain *dom, const char *live, const char *inactive)
{
  g_autofree char *got_live = dup_disk_source (dom, 0);
  g_autofree char *got_inactive = dup_disk_source (dom, GVIR_DOMAIN_XML_INACTIVE);

  g_assert_cmpstr (got_live, ==, live);
  g_assert_cmpstr (got_inactive, ==, inactive);
}

static void
update_ok (GVirDomain *dom, const char *source, guint flags)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirConfigDomainDisk) disk = make_disk ("vda", source);

  g_assert_true (gvir_domain_update_device (dom, GVIR_CONFIG_DOMAIN_DEVICE (disk), flags, &error));
  g_assert_no_error (error);
}

static void
test_update_device (Fixture *f, gconstpointer data)
{
  const char *orig = "/guest/diskimage1";

  update_ok (f->dom, "/guest/live.img", GVIR_DOMAIN_UPDATE_DEVICE_LIVE);
  assert_disk_sources (f->dom, "/guest/live.img", orig);
  update_ok (f->dom, "/guest/config.img", GVIR_DOMAIN_UPDATE_DEVICE_CONFIG);
  assert_disk_sources (f->dom, "/guest/live.img", "/guest/config.img");
  /* CURRENT of a running domain is its live definition. */
  update_ok (f->dom, orig, GVIR_DOMAIN_UPDATE_DEVICE_CURRENT);
  assert_disk_sources (f->dom, orig, "/guest/config.img");
  update_ok (f->dom, orig, GVIR_DOMAIN_UPDATE_DEVICE_LIVE | GVIR_DOMAIN_UPDATE_DEVICE_CONFIG);
  assert_disk_sources (f->dom, orig, orig);
}

static void
test_update_device_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirConfigDomainDisk) missing = make_disk ("vdz", "/guest/other.img");
  g_autoptr(GVirConfigDomainGraphicsVnc) vnc = gvir_config_domain_graphics_vnc_new ();

  g_assert_false (gvir_domain_update_device (f->dom, GVIR_CONFIG_DOMAIN_DEVICE (missing),
                                             GVIR_DOMAIN_UPDATE_DEVICE_LIVE, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (gvir_domain_update_device (f->dom, GVIR_CONFIG_DOMAIN_DEVICE (vnc), 0, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);
  /* A refused config change leaves the live definition alone too. */
  g_assert_false (gvir_domain_update_device (f->dom, GVIR_CONFIG_DOMAIN_DEVICE (missing),
                                             GVIR_DOMAIN_UPDATE_DEVICE_LIVE |
                                             GVIR_DOMAIN_UPDATE_DEVICE_CONFIG, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
  assert_disk_sources (f->dom, "/guest/diskimage1", "/guest/diskimage1");
}

static void
test_devices_closed (Fixture *f, gconstpointer data)
{
  GList *devices = get_devices_ok (f->dom);
  g_autoptr(GError) error = NULL;

  gvir_connection_close (f->conn);
  g_assert_null (gvir_domain_disk_get_stats (devices->data, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  g_clear_error (&error);
  g_assert_null (gvir_domain_interface_get_stats (devices->next->data, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  g_clear_error (&error);
  g_assert_null (gvir_domain_get_devices (f->dom, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  g_list_free_full (devices, g_object_unref);
}

/* ---- the guest ------------------------------------------------------------ */

static void
test_set_time (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 12, 4, 12, 30, 15.25);
  AsyncWait wait = { NULL, 0 };
  g_autoptr(GAsyncResult) result = NULL;

  g_assert_true (gvir_domain_set_time (f->dom, when, 0, &error));
  g_assert_no_error (error);
  g_assert_true (gvir_domain_set_time (f->dom, NULL, 0, &error));
  g_assert_no_error (error);

  gvir_domain_set_time_async (f->dom, when, 0, NULL, async_wait_cb, &wait);
  result = async_wait_finish (&wait, "set_time_async");
  g_assert_true (gvir_domain_set_time_finish (f->dom, result, &error));
  g_assert_no_error (error);

  g_assert_false (gvir_domain_set_time (f->dom, when, 1 << 3, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_assert_true (gvir_domain_stop (f->dom, 0, &error));
  g_assert_false (gvir_domain_set_time (f->dom, NULL, 0, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
  g_clear_error (&error);
  g_assert_true (gvir_domain_start (f->dom, 0, &error));
  g_assert_no_error (error);
}

/* A <node> file with two domains that their guests suspended. */
static char *
write_pmsuspended_node (char **dir)
{
  g_autoptr(GError) error = NULL;
  GString *xml = g_string_new ("<node xmlns:test='http://libvirt.org/schemas/domain/test/1.0'>\n");
  char *path;

  *dir = g_dir_make_tmp ("gvir-devices-XXXXXX", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    g_string_append_printf (xml,
                            "<domain type='test'><name>sleeper%u</name>"
                            "<uuid>22222222-3333-4444-5555-00000000000%u</uuid>"
                            "<memory unit='KiB'>65536</memory><vcpu>1</vcpu>"
                            "<os><type>hvm</type></os>"
                            "<test:runstate>7</test:runstate></domain>\n", i, i);
  g_string_append (xml, "</node>\n");
  path = g_build_filename (*dir, "node.xml", NULL);
  g_assert_true (g_file_set_contents (path, xml->str, -1, &error));
  g_assert_no_error (error);
  g_string_free (xml, TRUE);
  return path;
}

static void
test_wakeup (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = write_pmsuspended_node (&dir);
  g_autofree char *uri = g_strconcat ("test://", path, NULL);
  GVirConnection *conn = gvir_connection_new (uri);
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  GVirDomain *first, *second;
  AsyncWait wait = { NULL, 0 };
  Recorder rec = { 0 };

  g_assert_true (gvir_connection_open (conn, NULL, &error));
  g_assert_true (gvir_connection_fetch_domains (conn, NULL, &error));
  g_assert_no_error (error);
  first = gvir_connection_find_domain_by_name (conn, "sleeper0");
  second = gvir_connection_find_domain_by_name (conn, "sleeper1");
  g_assert_nonnull (first);
  g_assert_nonnull (second);
  spin_idle (NULL);
  recorder_watch_domain (&rec, first);
  recorder_watch_domain (&rec, second);
  assert_state (first, GVIR_DOMAIN_STATE_PMSUSPENDED, 0);

  g_assert_true (gvir_domain_wakeup (first, 0, &error));
  g_assert_no_error (error);
  recorder_expect (&rec, "started::wakeup", NULL);
  assert_state (first, GVIR_DOMAIN_STATE_RUNNING, REASON_RUNNING_WAKEUP);

  /* Only a suspended guest wakes up. */
  g_assert_false (gvir_domain_wakeup (first, 0, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
  g_clear_error (&error);
  g_assert_false (gvir_domain_wakeup (second, 1, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  gvir_domain_wakeup_async (second, 0, NULL, async_wait_cb, &wait);
  result = async_wait_finish (&wait, "wakeup_async");
  g_assert_true (gvir_domain_wakeup_finish (second, result, &error));
  g_assert_no_error (error);
  recorder_expect (&rec, "started::wakeup", NULL);
  assert_state (second, GVIR_DOMAIN_STATE_RUNNING, REASON_RUNNING_WAKEUP);

  g_object_unref (first);
  g_object_unref (second);
  close_and_finalize (conn);
  g_remove (path);
  g_rmdir (dir);
}

static void
test_types (void)
{
  g_autoptr(GEnumClass) flags = g_type_class_ref (gvir_domain_update_device_flags_get_type ());

  g_assert_cmpstr (g_type_name (gvir_manager_get_type ()), ==, "GVirManager");
  g_assert_true (G_TYPE_IS_ABSTRACT (gvir_domain_device_get_type ()));
  g_assert_true (g_type_is_a (GVIR_TYPE_DOMAIN_DISK, gvir_domain_device_get_type ()));
  g_assert_true (G_TYPE_IS_BOXED (gvir_domain_interface_stats_get_type ()));
  g_assert_true (G_TYPE_IS_BOXED (GVIR_TYPE_DOMAIN_DISK_STATS));
  /* libvirt's virDomainModificationImpact values. */
  g_assert_cmpint (g_enum_get_value (flags, 1)->value, ==, GVIR_DOMAIN_UPDATE_DEVICE_LIVE);
  g_assert_cmpint (g_enum_get_value (flags, 2)->value, ==, GVIR_DOMAIN_UPDATE_DEVICE_CONFIG);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  gvir_init_object (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  g_test_add_func ("/gvir/manager/connections", test_manager);
  g_test_add_func ("/gvir/domain/devices/types", test_types);
  ADD ("/gvir/domain/devices/list", test_devices_list);
  ADD ("/gvir/domain/devices/disk-stats", test_disk_stats);
  ADD ("/gvir/domain/devices/interface-stats", test_interface_stats);
  ADD ("/gvir/domain/devices/disk-resize", test_disk_resize);
  ADD ("/gvir/domain/devices/update", test_update_device);
  ADD ("/gvir/domain/devices/update-refused", test_update_device_refused);
  ADD ("/gvir/domain/devices/closed", test_devices_closed);
  ADD ("/gvir/domain/guest/set-time", test_set_time);
  g_test_add_func ("/gvir/domain/guest/wakeup", test_wakeup);

  return g_test_run ();
}
