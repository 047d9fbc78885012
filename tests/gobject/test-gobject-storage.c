/*
 * test-gobject-storage.c: storage pools and volumes on the test driver
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

#define DEFAULT_POOL_UUID "dfe224cb-28fb-8dd0-c4b2-64eb3f0f4566"
#define GIB (G_GUINT64_CONSTANT (1024) * 1024 * 1024)
#define MIB (G_GUINT64_CONSTANT (1024) * 1024)

static GVirStoragePool *
fetch_default_pool (GVirConnection *conn)
{
  g_autoptr(GError) error = NULL;
  GVirStoragePool *pool;

  g_assert_true (gvir_connection_fetch_storage_pools (conn, NULL, &error));
  g_assert_no_error (error);
  pool = gvir_connection_get_storage_pool (conn, DEFAULT_POOL_UUID);
  g_assert_nonnull (pool);
  return pool;
}

static GVirConfigStorageVol *
make_vol_config (const char *name, guint64 capacity, guint64 allocation)
{
  g_autofree char *xml = g_strdup_printf ("<volume><name>%s</name>"
                                          "<capacity unit='bytes'>%" G_GUINT64_FORMAT "</capacity>"
                                          "<allocation unit='bytes'>%" G_GUINT64_FORMAT "</allocation>"
                                          "</volume>", name, capacity, allocation);
  g_autoptr(GError) error = NULL;
  GVirConfigStorageVol *conf = gvir_config_storage_vol_new_from_xml (xml, &error);

  g_assert_no_error (error);
  return conf;
}

static void
assert_pool_info (GVirStoragePool *pool, GVirStoragePoolState state, guint64 allocation)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirStoragePoolInfo) info = gvir_storage_pool_get_info (pool, &error);

  g_assert_no_error (error);
  g_assert_cmpint (info->state, ==, state);
  g_assert_cmpuint (info->capacity, ==, 100 * GIB);
  g_assert_cmpuint (info->allocation, ==, allocation);
  g_assert_cmpuint (info->available, ==, 100 * GIB - allocation);
}

static void
assert_vol_info (GVirStorageVol *vol, guint64 capacity, guint64 allocation)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirStorageVolInfo) info = gvir_storage_vol_get_info (vol, &error);

  g_assert_no_error (error);
  g_assert_cmpint (info->type, ==, GVIR_STORAGE_VOL_STATE_FILE);
  g_assert_cmpuint (info->capacity, ==, capacity);
  g_assert_cmpuint (info->allocation, ==, allocation);
}

/* test:///default has libvirt's 'default-pool', running, with no volume. */
static void
test_default_pool (void)
{
  g_autoptr(GVirConnection) conn = open_test_connection ();
  g_autoptr(GVirStoragePool) pool = fetch_default_pool (conn);
  g_autoptr(GVirStoragePool) by_name = NULL;
  g_autoptr(GVirConfigStoragePool) config = NULL;
  g_autoptr(GVirConfigStoragePoolTarget) target = NULL;
  g_autolist(GVirStoragePool) pools = gvir_connection_get_storage_pools (conn);
  g_autolist(GVirStorageVol) vols = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_list_length (pools), ==, 1);
  g_assert_cmpstr (gvir_storage_pool_get_name (pool), ==, "default-pool");
  g_assert_cmpstr (gvir_storage_pool_get_uuid (pool), ==, DEFAULT_POOL_UUID);
  g_assert_true (gvir_storage_pool_get_active (pool));
  g_assert_true (gvir_storage_pool_get_persistent (pool));
  g_assert_false (gvir_storage_pool_get_autostart (pool, &error));
  g_assert_no_error (error);
  assert_pool_info (pool, GVIR_STORAGE_POOL_STATE_RUNNING, 0);

  config = gvir_storage_pool_get_config (pool, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gvir_config_storage_pool_get_name (config), ==, "default-pool");
  g_assert_cmpint (gvir_config_storage_pool_get_pool_type (config), ==,
                   GVIR_CONFIG_STORAGE_POOL_TYPE_DIR);
  target = gvir_config_storage_pool_get_target (config);
  g_assert_cmpstr (gvir_config_storage_pool_target_get_path (target), ==, "/default-pool");
  /* The test driver has no separate inactive definition (libvirt's
   * refuses the flag too). */
  g_assert_null (gvir_storage_pool_get_config (pool, 1, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "unsupported flags 0x1"));
  g_clear_error (&error);

  by_name = gvir_connection_find_storage_pool_by_name (conn, "default-pool");
  g_assert_true (by_name == pool);
  g_assert_null (gvir_connection_find_storage_pool_by_name (conn, "nope"));

  g_assert_true (gvir_storage_pool_refresh (pool, NULL, &error));
  g_assert_no_error (error);
  vols = gvir_storage_pool_get_volumes (pool);
  g_assert_null (vols);

  close_and_finalize (g_steal_pointer (&conn));
}

/* Fetching again keeps the objects: one per pool and connection. */
static void
test_pool_identity (void)
{
  g_autoptr(GVirConnection) conn = open_test_connection ();
  g_autoptr(GVirStoragePool) first = fetch_default_pool (conn);
  g_autoptr(GVirStoragePool) second = fetch_default_pool (conn);

  g_assert_true (first == second);
  close_and_finalize (g_steal_pointer (&conn));
}

static void
test_volume_lifecycle (void)
{
  g_autoptr(GVirConnection) conn = open_test_connection ();
  g_autoptr(GVirStoragePool) pool = fetch_default_pool (conn);
  g_autoptr(GVirConfigStorageVol) conf = make_vol_config ("disk1.img", 10 * MIB, 4 * MIB);
  g_autoptr(GVirStorageVol) vol = NULL;
  g_autoptr(GVirStorageVol) again = NULL;
  g_autoptr(GVirStorageVol) dup = NULL;
  g_autoptr(GVirConfigStorageVol) got = NULL;
  g_autoptr(GVirStorageVolInfo) gone = NULL;
  g_autolist(GVirStorageVol) vols = NULL;
  g_autoptr(GError) error = NULL;

  vol = gvir_storage_pool_create_volume (pool, conf, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gvir_storage_vol_get_name (vol), ==, "disk1.img");
  g_assert_cmpstr (gvir_storage_vol_get_path (vol, &error), ==, "/default-pool/disk1.img");
  g_assert_no_error (error);
  assert_vol_info (vol, 10 * MIB, 4 * MIB);
  assert_pool_info (pool, GVIR_STORAGE_POOL_STATE_RUNNING, 4 * MIB);

  got = gvir_storage_vol_get_config (vol, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gvir_config_storage_vol_get_key (got), ==, "/default-pool/disk1.img");
  g_assert_cmpuint (gvir_config_storage_vol_get_capacity (got), ==, 10 * MIB);

  /* A refresh keeps the volume's object. */
  g_assert_true (gvir_storage_pool_refresh (pool, NULL, &error));
  g_assert_no_error (error);
  again = gvir_storage_pool_get_volume (pool, "disk1.img");
  g_assert_true (again == vol);
  vols = gvir_storage_pool_get_volumes (pool);
  g_assert_cmpuint (g_list_length (vols), ==, 1);

  dup = gvir_storage_pool_create_volume (pool, conf, &error);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_EXISTS);
  g_assert_null (dup);
  g_clear_error (&error);

  g_assert_true (gvir_storage_vol_delete (vol, 0, &error));
  g_assert_no_error (error);
  g_assert_null (gvir_storage_pool_get_volume (pool, "disk1.img"));
  assert_pool_info (pool, GVIR_STORAGE_POOL_STATE_RUNNING, 0);
  gone = gvir_storage_vol_get_info (vol, &error);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
  g_assert_null (gone);

  close_and_finalize (g_steal_pointer (&conn));
}

static void
test_volume_resize (void)
{
  g_autoptr(GVirConnection) conn = open_test_connection ();
  g_autoptr(GVirStoragePool) pool = fetch_default_pool (conn);
  g_autoptr(GVirConfigStorageVol) conf = make_vol_config ("grow.img", 10 * MIB, 2 * MIB);
  g_autoptr(GVirStorageVol) vol = gvir_storage_pool_create_volume (pool, conf, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (vol);
  g_assert_true (gvir_storage_vol_resize (vol, 20 * MIB, GVIR_STORAGE_VOL_RESIZE_NONE, &error));
  g_assert_no_error (error);
  assert_vol_info (vol, 20 * MIB, 2 * MIB);

  g_assert_true (gvir_storage_vol_resize (vol, 5 * MIB, GVIR_STORAGE_VOL_RESIZE_DELTA, &error));
  g_assert_no_error (error);
  assert_vol_info (vol, 25 * MIB, 2 * MIB);

  /* Shrinking needs its flag; the volume stays as it was. */
  g_assert_false (gvir_storage_vol_resize (vol, 1 * MIB, 0, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  assert_vol_info (vol, 25 * MIB, 2 * MIB);

  g_assert_true (gvir_storage_vol_resize (vol, 1 * MIB, GVIR_STORAGE_VOL_RESIZE_SHRINK, &error));
  g_assert_no_error (error);
  assert_vol_info (vol, 1 * MIB, 1 * MIB);

  g_assert_true (gvir_storage_vol_resize (vol, 8 * MIB, GVIR_STORAGE_VOL_RESIZE_ALLOCATE, &error));
  g_assert_no_error (error);
  assert_vol_info (vol, 8 * MIB, 8 * MIB);
  assert_pool_info (pool, GVIR_STORAGE_POOL_STATE_RUNNING, 8 * MIB);

  close_and_finalize (g_steal_pointer (&conn));
}

/* A volume larger than the pool's free space is refused. */
static void
test_volume_no_space (void)
{
  g_autoptr(GVirConnection) conn = open_test_connection ();
  g_autoptr(GVirStoragePool) pool = fetch_default_pool (conn);
  g_autoptr(GVirConfigStorageVol) conf = make_vol_config ("huge.img", 200 * GIB, 101 * GIB);
  g_autoptr(GVirStorageVol) vol = NULL;
  g_autoptr(GError) error = NULL;

  vol = gvir_storage_pool_create_volume (pool, conf, &error);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_assert_null (vol);
  assert_pool_info (pool, GVIR_STORAGE_POOL_STATE_RUNNING, 0);
  close_and_finalize (g_steal_pointer (&conn));
}

static GVirStoragePool *
define_pool (GVirConnection *conn, const char *name)
{
  g_autofree char *xml = g_strdup_printf ("<pool type='dir'><name>%s</name>"
                                          "<target><path>/pools/%s</path></target></pool>",
                                          name, name);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirConfigStoragePool) conf = gvir_config_storage_pool_new_from_xml (xml, &error);
  GVirStoragePool *pool;

  g_assert_no_error (error);
  pool = gvir_connection_create_storage_pool (conn, conf, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pool);
  return pool;
}

typedef gboolean (*PoolFinish) (GVirStoragePool *pool, GAsyncResult *result, GError **err);

static void
finish_pool_ok (GVirStoragePool *pool, AsyncWait *wait, PoolFinish finish, const char *what)
{
  g_autoptr(GAsyncResult) result = async_wait_finish (wait, what);
  g_autoptr(GError) error = NULL;

  g_assert_true (finish (pool, result, &error));
  g_assert_no_error (error);
}

static void
test_pool_lifecycle (void)
{
  g_autoptr(GVirConnection) conn = open_test_connection ();
  g_autoptr(GVirStoragePool) pool = define_pool (conn, "scratch");
  g_autoptr(GVirStoragePool) listed = NULL;
  g_autoptr(GError) error = NULL;
  AsyncWait wait = { 0 };
  char uuid[37];

  g_strlcpy (uuid, gvir_storage_pool_get_uuid (pool), sizeof uuid);
  g_assert_cmpuint (strlen (uuid), ==, 36);
  listed = gvir_connection_get_storage_pool (conn, uuid);
  g_assert_true (listed == pool);
  g_assert_false (gvir_storage_pool_get_active (pool));
  g_assert_true (gvir_storage_pool_get_persistent (pool));
  assert_pool_info (pool, GVIR_STORAGE_POOL_STATE_INACTIVE, 0);

  /* An inactive pool has no volumes to list, and cannot be stopped. */
  g_assert_false (gvir_storage_pool_refresh (pool, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
  g_clear_error (&error);
  g_assert_false (gvir_storage_pool_stop (pool, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
  g_clear_error (&error);

  gvir_storage_pool_build_async (pool, 0, NULL, async_wait_cb, &wait);
  finish_pool_ok (pool, &wait, gvir_storage_pool_build_finish, "build");
  gvir_storage_pool_start_async (pool, 0, NULL, async_wait_cb, &wait);
  finish_pool_ok (pool, &wait, gvir_storage_pool_start_finish, "start");
  g_assert_true (gvir_storage_pool_get_active (pool));
  assert_pool_info (pool, GVIR_STORAGE_POOL_STATE_RUNNING, 0);

  /* An active pool can be neither started again nor undefined. */
  g_assert_false (gvir_storage_pool_start (pool, 0, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
  g_clear_error (&error);
  g_assert_false (gvir_storage_pool_undefine (pool, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
  g_clear_error (&error);

  g_assert_true (gvir_storage_pool_set_autostart (pool, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (gvir_storage_pool_get_autostart (pool, &error));
  g_assert_no_error (error);

  gvir_storage_pool_stop_async (pool, NULL, async_wait_cb, &wait);
  finish_pool_ok (pool, &wait, gvir_storage_pool_stop_finish, "stop");
  g_assert_false (gvir_storage_pool_get_active (pool));
  gvir_storage_pool_delete_async (pool, 0, NULL, async_wait_cb, &wait);
  finish_pool_ok (pool, &wait, gvir_storage_pool_delete_finish, "delete");
  gvir_storage_pool_undefine_async (pool, NULL, async_wait_cb, &wait);
  finish_pool_ok (pool, &wait, gvir_storage_pool_undefine_finish, "undefine");

  /* The undefined pool left the list, and the driver. */
  g_clear_object (&listed);
  g_assert_null (gvir_connection_get_storage_pool (conn, uuid));
  g_assert_null (gvir_connection_find_storage_pool_by_name (conn, "scratch"));
  g_assert_true (gvir_connection_fetch_storage_pools (conn, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (gvir_connection_get_storage_pool (conn, uuid));
  g_assert_false (gvir_storage_pool_start (pool, 0, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND);

  close_and_finalize (g_steal_pointer (&conn));
}

/* A second pool with the name of an existing one is refused. */
static void
test_pool_duplicate (void)
{
  g_autoptr(GVirConnection) conn = open_test_connection ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirConfigStoragePool) conf =
    gvir_config_storage_pool_new_from_xml ("<pool type='dir'><name>default-pool</name>"
                                           "<target><path>/x</path></target></pool>", &error);
  g_autoptr(GVirStoragePool) pool = NULL;

  g_assert_no_error (error);
  pool = gvir_connection_create_storage_pool (conn, conf, 0, &error);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_EXISTS);
  g_assert_null (pool);
  close_and_finalize (g_steal_pointer (&conn));
}

static void
test_fetch_async (void)
{
  g_autoptr(GVirConnection) conn = open_test_connection ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autolist(GVirStoragePool) pools = NULL;
  g_autoptr(GError) error = NULL;
  AsyncWait wait = { 0 };

  gvir_connection_fetch_storage_pools_async (conn, NULL, async_wait_cb, &wait);
  result = async_wait_finish (&wait, "gvir_connection_fetch_storage_pools_async");
  g_assert_true (gvir_connection_fetch_storage_pools_finish (conn, result, &error));
  g_assert_no_error (error);
  pools = gvir_connection_get_storage_pools (conn);
  g_assert_cmpuint (g_list_length (pools), ==, 1);
  g_assert_cmpstr (gvir_storage_pool_get_name (pools->data), ==, "default-pool");
  /* The task holds the connection as its source. */
  g_clear_object (&result);
  close_and_finalize (g_steal_pointer (&conn));
}

/* After a close: no pools listed, and calls fail cleanly. */
static void
test_after_close (void)
{
  g_autoptr(GVirConnection) conn = open_test_connection ();
  g_autoptr(GVirStoragePool) pool = fetch_default_pool (conn);
  g_autoptr(GVirStoragePoolInfo) info = NULL;
  g_autolist(GVirStoragePool) pools = NULL;
  g_autoptr(GError) error = NULL;

  gvir_connection_close (conn);
  spin_idle (g_main_context_get_thread_default ());
  pools = gvir_connection_get_storage_pools (conn);
  g_assert_null (pools);
  g_assert_null (gvir_connection_find_storage_pool_by_name (conn, "default-pool"));
  info = gvir_storage_pool_get_info (pool, &error);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  g_assert_null (info);
  g_clear_error (&error);
  g_assert_false (gvir_connection_fetch_storage_pools (conn, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  /* What was last known. */
  g_assert_true (gvir_storage_pool_get_active (pool));
}

/* test:///FILE.xml: <pool> with <volume> children. */
static void
test_config_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gvir-storage-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "node.xml", NULL);
  g_autofree char *uri = g_strdup_printf ("test://%s", path);
  g_autoptr(GVirConnection) conn = NULL;
  g_autoptr(GVirStoragePool) pool = NULL;
  g_autoptr(GVirStorageVol) vol = NULL;
  g_autolist(GVirStorageVol) vols = NULL;
  const char *xml =
    "<node>"
    "<pool type='dir'><name>images</name>"
    "<uuid>35bb2ad9-388a-cdfe-461a-b8907f6e53fe</uuid>"
    "<target><path>/images</path></target>"
    "<volume><name>a.img</name><capacity unit='bytes'>1048576</capacity>"
    "<allocation unit='bytes'>4096</allocation></volume>"
    "<volume><name>b.img</name><capacity unit='bytes'>2097152</capacity>"
    "<allocation unit='bytes'>8192</allocation></volume>"
    "</pool>"
    "</node>";

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, xml, -1, &error));
  g_assert_no_error (error);
  conn = gvir_connection_new (uri);
  g_assert_true (gvir_connection_open (conn, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (gvir_connection_fetch_storage_pools (conn, NULL, &error));
  g_assert_no_error (error);
  pool = gvir_connection_find_storage_pool_by_name (conn, "images");
  g_assert_nonnull (pool);
  g_assert_cmpstr (gvir_storage_pool_get_uuid (pool), ==, "35bb2ad9-388a-cdfe-461a-b8907f6e53fe");
  g_assert_true (gvir_storage_pool_get_active (pool));
  assert_pool_info (pool, GVIR_STORAGE_POOL_STATE_RUNNING, 12288);
  g_assert_true (gvir_storage_pool_refresh (pool, NULL, &error));
  g_assert_no_error (error);
  vols = gvir_storage_pool_get_volumes (pool);
  g_assert_cmpuint (g_list_length (vols), ==, 2);
  vol = gvir_storage_pool_get_volume (pool, "b.img");
  g_assert_nonnull (vol);
  g_assert_cmpstr (gvir_storage_vol_get_path (vol, NULL), ==, "/images/b.img");
  assert_vol_info (vol, 2097152, 8192);

  close_and_finalize (g_steal_pointer (&conn));
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* The GTypes: boxed infos copy by value; enums carry libvirt's values. */
static void
test_types (void)
{
  GVirStoragePoolInfo pool_info = { GVIR_STORAGE_POOL_STATE_DEGRADED, 3, 2, 1 };
  GVirStorageVolInfo vol_info = { GVIR_STORAGE_VOL_STATE_BLOCK, 5, 4 };
  g_autoptr(GVirStoragePoolInfo) pool_copy = gvir_storage_pool_info_copy (&pool_info);
  g_autoptr(GVirStorageVolInfo) vol_copy = gvir_storage_vol_info_copy (&vol_info);
  g_autoptr(GEnumClass) states = g_type_class_ref (gvir_storage_pool_state_get_type ());
  g_autoptr(GEnumClass) types = g_type_class_ref (gvir_storage_vol_type_get_type ());
  g_autoptr(GFlagsClass) resize = g_type_class_ref (gvir_storage_vol_resize_flags_get_type ());

  g_assert_true (G_TYPE_IS_OBJECT (gvir_storage_pool_get_type ()));
  g_assert_true (G_TYPE_IS_OBJECT (gvir_storage_vol_get_type ()));
  g_assert_true (G_TYPE_IS_BOXED (gvir_storage_pool_info_get_type ()));
  g_assert_true (G_TYPE_IS_BOXED (gvir_storage_vol_info_get_type ()));
  g_assert_cmpint (pool_copy->state, ==, GVIR_STORAGE_POOL_STATE_DEGRADED);
  g_assert_cmpuint (pool_copy->capacity, ==, 3);
  g_assert_cmpuint (pool_copy->allocation, ==, 2);
  g_assert_cmpuint (pool_copy->available, ==, 1);
  g_assert_cmpint (vol_copy->type, ==, GVIR_STORAGE_VOL_STATE_BLOCK);
  g_assert_cmpuint (vol_copy->capacity, ==, 5);
  g_assert_cmpuint (vol_copy->allocation, ==, 4);
  g_assert_cmpint (g_enum_get_value (states, 4)->value, ==, GVIR_STORAGE_POOL_STATE_INACCESSIBLE);
  g_assert_cmpstr (g_enum_get_value (types, 2)->value_nick, ==, "dir");
  g_assert_cmpuint (g_flags_get_first_value (resize, 4)->value, ==, GVIR_STORAGE_VOL_RESIZE_SHRINK);
  gvir_storage_pool_info_free (NULL);
  gvir_storage_vol_info_free (NULL);
}

/* The blocking build and delete, and the async refresh. */
static void
test_pool_build_delete_refresh (void)
{
  g_autoptr(GVirConnection) conn = open_test_connection ();
  g_autoptr(GVirStoragePool) pool = define_pool (conn, "blocking");
  g_autoptr(GVirStoragePool) def = fetch_default_pool (conn);
  g_autoptr(GVirConfigStorageVol) conf = make_vol_config ("r.img", MIB, 0);
  g_autoptr(GVirStorageVol) vol = gvir_storage_pool_create_volume (def, conf, NULL);
  g_autoptr(GError) error = NULL;
  AsyncWait wait = { 0 };

  g_assert_true (gvir_storage_pool_build (pool, 0, &error));
  g_assert_no_error (error);
  g_assert_true (gvir_storage_pool_delete (pool, 0, &error));
  g_assert_no_error (error);
  g_assert_true (gvir_storage_pool_start (pool, 0, &error));
  g_assert_no_error (error);
  g_assert_false (gvir_storage_pool_delete (pool, 0, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);

  gvir_storage_pool_refresh_async (def, NULL, async_wait_cb, &wait);
  finish_pool_ok (def, &wait, gvir_storage_pool_refresh_finish, "refresh");
  g_clear_object (&vol);
  vol = gvir_storage_pool_get_volume (def, "r.img");
  g_assert_nonnull (vol);
  g_clear_object (&vol);
  close_and_finalize (g_steal_pointer (&conn));
}

/* ---- volume transfers ------------------------------------------------------- */

#define KIB (G_GUINT64_CONSTANT (1024))

/* A new volume of @capacity bytes in the default pool of @conn. */
static GVirStorageVol *
make_transfer_vol (GVirStoragePool *pool, const char *name, guint64 capacity)
{
  g_autoptr(GVirConfigStorageVol) conf = make_vol_config (name, capacity, 0);
  g_autoptr(GError) error = NULL;
  GVirStorageVol *vol = gvir_storage_pool_create_volume (pool, conf, &error);

  g_assert_no_error (error);
  g_assert_nonnull (vol);
  return vol;
}

/* @size bytes of a pattern that repeats only every 251 bytes, so that a
 * shifted or truncated copy does not compare equal. */
static GBytes *
make_pattern (gsize size, guint8 seed)
{
  guint8 *data = g_malloc (size);
  gsize i;

  for (i = 0; i < size; i++)
    data[i] = (guint8) ((i + seed) % 251 + 1);
  return g_bytes_new_take (data, size);
}

/* Uploads @data at @offset (@length as given to the call) and completes
 * the upload by closing the stream. */
static void
upload_bytes (GVirConnection *conn, GVirStorageVol *vol, guint64 offset, guint64 length,
              GBytes *data)
{
  g_autoptr(GVirStream) stream = gvir_connection_get_stream (conn, 0);
  g_autoptr(GError) error = NULL;
  gsize written = 0;

  g_assert_true (gvir_storage_vol_upload (vol, stream, offset, length, 0, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (stream)),
                                            g_bytes_get_data (data, NULL),
                                            g_bytes_get_size (data), &written, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (written, ==, g_bytes_get_size (data));
  g_assert_true (g_io_stream_close (G_IO_STREAM (stream), NULL, &error));
  g_assert_no_error (error);
}

static gint
transfer_sink (GVirStream *stream, const gchar *buf, gsize nbytes, gpointer user_data)
{
  g_byte_array_append (user_data, (const guint8 *) buf, nbytes);
  return nbytes;
}

/* Everything a download of (@offset, @length) gives, until its end. */
static GBytes *
download_bytes (GVirConnection *conn, GVirStorageVol *vol, guint64 offset, guint64 length)
{
  g_autoptr(GVirStream) stream = gvir_connection_get_stream (conn, 0);
  g_autoptr(GByteArray) got = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  gssize n;

  g_assert_true (gvir_storage_vol_download (vol, stream, offset, length, 0, &error));
  g_assert_no_error (error);
  n = gvir_stream_receive_all (stream, NULL, transfer_sink, got, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, got->len);
  g_assert_true (g_io_stream_close (G_IO_STREAM (stream), NULL, &error));
  g_assert_no_error (error);
  return g_byte_array_free_to_bytes (g_steal_pointer (&got));
}

static void
assert_zeros (const guint8 *data, gsize size)
{
  gsize i;

  for (i = 0; i < size; i++)
    if (data[i] != 0)
      g_error ("byte %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT " is 0x%02x, not 0",
               i, size, data[i]);
}

/* An upload in the middle of a volume comes back from a download of the
 * whole volume at its place, with zeros everywhere else. */
static void
test_transfer_round_trip (void)
{
  g_autoptr(GVirConnection) conn = open_test_connection ();
  g_autoptr(GVirStoragePool) pool = fetch_default_pool (conn);
  g_autoptr(GVirStorageVol) vol = make_transfer_vol (pool, "transfer.img", 1 * MIB);
  g_autoptr(GBytes) pattern = make_pattern (200 * KIB + 7, 3);
  g_autoptr(GBytes) whole = NULL;
  const guint64 offset = 100000;
  const guint8 *data;
  gsize size;

  upload_bytes (conn, vol, offset, 0, pattern);
  whole = download_bytes (conn, vol, 0, 0);
  data = g_bytes_get_data (whole, &size);
  g_assert_cmpuint (size, ==, 1 * MIB);
  assert_zeros (data, offset);
  g_assert_cmpmem (data + offset, g_bytes_get_size (pattern),
                   g_bytes_get_data (pattern, NULL), g_bytes_get_size (pattern));
  assert_zeros (data + offset + g_bytes_get_size (pattern),
                size - offset - g_bytes_get_size (pattern));
  close_and_finalize (g_steal_pointer (&conn));
}

/* A download gives exactly the range asked for; a second upload over the
 * first replaces only what it covers. */
static void
test_transfer_ranges (void)
{
  g_autoptr(GVirConnection) conn = open_test_connection ();
  g_autoptr(GVirStoragePool) pool = fetch_default_pool (conn);
  g_autoptr(GVirStorageVol) vol = make_transfer_vol (pool, "ranges.img", 256 * KIB);
  g_autoptr(GBytes) first = make_pattern (100 * KIB, 0);
  g_autoptr(GBytes) second = make_pattern (10, 77);
  g_autoptr(GBytes) part = NULL;
  g_autoptr(GBytes) tail = NULL;
  const guint8 *expect = g_bytes_get_data (first, NULL);
  const guint8 *data;
  gsize size;

  upload_bytes (conn, vol, 0, 100 * KIB, first);
  upload_bytes (conn, vol, 70000, 10, second);

  part = download_bytes (conn, vol, 69990, 30);
  data = g_bytes_get_data (part, &size);
  g_assert_cmpuint (size, ==, 30);
  g_assert_cmpmem (data, 10, expect + 69990, 10);
  g_assert_cmpmem (data + 10, 10, g_bytes_get_data (second, NULL), 10);
  g_assert_cmpmem (data + 20, 10, expect + 70010, 10);

  /* From an offset with length 0: up to the end of the volume. */
  tail = download_bytes (conn, vol, 256 * KIB - 5, 0);
  g_assert_cmpuint (g_bytes_get_size (tail), ==, 5);
  assert_zeros (g_bytes_get_data (tail, NULL), 5);
  close_and_finalize (g_steal_pointer (&conn));
}

static void
assert_transfer_fails (GVirConnection *conn, GVirStorageVol *vol, gboolean upload,
                       guint64 offset, guint64 length, guint flags, gint code)
{
  g_autoptr(GVirStream) stream = gvir_connection_get_stream (conn, 0);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (upload)
    ok = gvir_storage_vol_upload (vol, stream, offset, length, flags, &error);
  else
    ok = gvir_storage_vol_download (vol, stream, offset, length, flags, &error);
  g_assert_false (ok);
  g_assert_error (error, GVIR_ERROR, code);
}

/* Ranges that leave the volume and libvirt's sparse flag are refused
 * before any byte moves. */
static void
test_transfer_bad_range (void)
{
  g_autoptr(GVirConnection) conn = open_test_connection ();
  g_autoptr(GVirStoragePool) pool = fetch_default_pool (conn);
  g_autoptr(GVirStorageVol) vol = make_transfer_vol (pool, "bounds.img", 64 * KIB);
  g_autoptr(GBytes) empty = NULL;
  gboolean upload;

  for (upload = FALSE; upload <= TRUE; upload++)
    {
      assert_transfer_fails (conn, vol, upload, 64 * KIB + 1, 0, 0, GVIR_ERROR_INVALID_ARGUMENT);
      assert_transfer_fails (conn, vol, upload, 60 * KIB, 4 * KIB + 1, 0,
                             GVIR_ERROR_INVALID_ARGUMENT);
      assert_transfer_fails (conn, vol, upload, 1, G_MAXUINT64, 0, GVIR_ERROR_INVALID_ARGUMENT);
      /* VIR_STORAGE_VOL_{UPLOAD,DOWNLOAD}_SPARSE_STREAM */
      assert_transfer_fails (conn, vol, upload, 0, 0, 1, GVIR_ERROR_INVALID_ARGUMENT);
    }
  /* The very end of the volume is an empty range, not an error. */
  empty = download_bytes (conn, vol, 64 * KIB, 0);
  g_assert_cmpuint (g_bytes_get_size (empty), ==, 0);
  close_and_finalize (g_steal_pointer (&conn));
}

/* Sending more than the upload's length (or the volume) fails and writes
 * nothing; the direction of a transfer's stream is fixed. */
static void
test_transfer_overflow (void)
{
  g_autoptr(GVirConnection) conn = open_test_connection ();
  g_autoptr(GVirStoragePool) pool = fetch_default_pool (conn);
  g_autoptr(GVirStorageVol) vol = make_transfer_vol (pool, "overflow.img", 32 * KIB);
  g_autoptr(GVirStream) up = gvir_connection_get_stream (conn, 0);
  g_autoptr(GVirStream) down = gvir_connection_get_stream (conn, 0);
  g_autoptr(GVirConnection) other = NULL;
  g_autoptr(GVirStream) foreign = NULL;
  g_autoptr(GBytes) pattern = make_pattern (11, 5);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  char byte = 1;

  other = open_test_connection ();
  foreign = gvir_connection_get_stream (other, 0);
  g_assert_false (gvir_storage_vol_upload (vol, foreign, 0, 0, 0, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_clear_object (&foreign);
  close_and_finalize (g_steal_pointer (&other));

  g_assert_true (gvir_storage_vol_upload (vol, up, 32 * KIB - 20, 10, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gvir_stream_send (up, g_bytes_get_data (pattern, NULL), 11, NULL, &error),
                   ==, -1);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_cmpint (gvir_stream_receive (up, &byte, 1, NULL, &error), ==, -1);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
  g_clear_error (&error);
  g_assert_true (g_io_stream_close (G_IO_STREAM (up), NULL, &error));
  g_assert_no_error (error);

  after = download_bytes (conn, vol, 0, 0);
  g_assert_cmpuint (g_bytes_get_size (after), ==, 32 * KIB);
  assert_zeros (g_bytes_get_data (after, NULL), 32 * KIB);

  g_assert_true (gvir_storage_vol_download (vol, down, 0, 0, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gvir_stream_send (down, &byte, 1, NULL, &error), ==, -1);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
  g_clear_error (&error);

  /* A stream carries one transfer only, on its own connection. */
  g_assert_false (gvir_storage_vol_upload (vol, down, 0, 0, 0, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
  g_clear_error (&error);
  close_and_finalize (g_steal_pointer (&conn));
}

/* Shrinking a volume drops its bytes beyond the new end: grown again,
 * the volume reads zeros there. */
static void
test_transfer_shrink (void)
{
  g_autoptr(GVirConnection) conn = open_test_connection ();
  g_autoptr(GVirStoragePool) pool = fetch_default_pool (conn);
  g_autoptr(GVirStorageVol) vol = make_transfer_vol (pool, "shrink.img", 200 * KIB);
  g_autoptr(GBytes) pattern = make_pattern (200 * KIB, 9);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  const guint64 cut = 100 * KIB + 3;
  const guint8 *data;

  upload_bytes (conn, vol, 0, 0, pattern);
  g_assert_true (gvir_storage_vol_resize (vol, cut, GVIR_STORAGE_VOL_RESIZE_SHRINK, &error));
  g_assert_no_error (error);
  g_assert_true (gvir_storage_vol_resize (vol, 200 * KIB, 0, &error));
  g_assert_no_error (error);

  after = download_bytes (conn, vol, 0, 0);
  data = g_bytes_get_data (after, NULL);
  g_assert_cmpuint (g_bytes_get_size (after), ==, 200 * KIB);
  g_assert_cmpmem (data, cut, g_bytes_get_data (pattern, NULL), cut);
  assert_zeros (data + cut, 200 * KIB - cut);
  close_and_finalize (g_steal_pointer (&conn));
}

/* A read-only connection may neither upload nor download (as libvirt:
 * a volume's bytes may be secret); a deleted volume has nothing to
 * transfer. */
static void
test_transfer_read_only_deleted (void)
{
  g_autoptr(GVirConnection) conn = open_test_connection ();
  g_autoptr(GVirStoragePool) pool = fetch_default_pool (conn);
  g_autoptr(GVirStorageVol) vol = make_transfer_vol (pool, "readonly.img", 16 * KIB);
  g_autoptr(GBytes) pattern = make_pattern (16 * KIB, 1);
  g_autoptr(GVirConnection) ro = gvir_connection_new (TEST_URI);
  g_autoptr(GVirStoragePool) ro_pool = NULL;
  g_autoptr(GVirStorageVol) ro_vol = NULL;
  g_autoptr(GBytes) got = NULL;
  g_autoptr(GError) error = NULL;

  upload_bytes (conn, vol, 0, 0, pattern);
  g_assert_true (gvir_connection_open_read_only (ro, NULL, &error));
  g_assert_no_error (error);
  ro_pool = fetch_default_pool (ro);
  g_assert_true (gvir_storage_pool_refresh (ro_pool, NULL, &error));
  g_assert_no_error (error);
  ro_vol = gvir_storage_pool_get_volume (ro_pool, "readonly.img");
  g_assert_nonnull (ro_vol);

  assert_transfer_fails (ro, ro_vol, TRUE, 0, 0, 0, GVIR_ERROR_READ_ONLY);
  assert_transfer_fails (ro, ro_vol, FALSE, 0, 0, 0, GVIR_ERROR_READ_ONLY);
  got = download_bytes (conn, vol, 0, 0);
  g_assert_true (g_bytes_equal (got, pattern));

  g_assert_true (gvir_storage_vol_delete (vol, 0, &error));
  g_assert_no_error (error);
  assert_transfer_fails (conn, vol, FALSE, 0, 0, 0, GVIR_ERROR_NOT_FOUND);
  assert_transfer_fails (conn, vol, TRUE, 0, 0, 0, GVIR_ERROR_NOT_FOUND);
  g_clear_object (&ro_vol);
  g_clear_object (&ro_pool);
  close_and_finalize (g_steal_pointer (&ro));
  close_and_finalize (g_steal_pointer (&conn));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/storage/default-pool", test_default_pool);
  g_test_add_func ("/storage/pool-identity", test_pool_identity);
  g_test_add_func ("/storage/volume-lifecycle", test_volume_lifecycle);
  g_test_add_func ("/storage/volume-resize", test_volume_resize);
  g_test_add_func ("/storage/volume-no-space", test_volume_no_space);
  g_test_add_func ("/storage/pool-lifecycle", test_pool_lifecycle);
  g_test_add_func ("/storage/pool-duplicate", test_pool_duplicate);
  g_test_add_func ("/storage/fetch-async", test_fetch_async);
  g_test_add_func ("/storage/after-close", test_after_close);
  g_test_add_func ("/storage/config-file", test_config_file);
  g_test_add_func ("/storage/types", test_types);
  g_test_add_func ("/storage/pool-build-delete-refresh", test_pool_build_delete_refresh);
  g_test_add_func ("/storage/transfer/round-trip", test_transfer_round_trip);
  g_test_add_func ("/storage/transfer/ranges", test_transfer_ranges);
  g_test_add_func ("/storage/transfer/bad-range", test_transfer_bad_range);
  g_test_add_func ("/storage/transfer/overflow", test_transfer_overflow);
  g_test_add_func ("/storage/transfer/shrink", test_transfer_shrink);
  g_test_add_func ("/storage/transfer/read-only-deleted", test_transfer_read_only_deleted);
  return g_test_run ();
}
