/*
 * test-remote-storage.c: storage pools and volumes through the remote
 * driver, against a real libvirtd's built-in test driver, or gvird's with
 * GVIR_REMOTE_PEER=gvird (remote-peer.h): the same cases, the same
 * expected values
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * The daemon is started here and always stopped by its pid (it also dies
 * with this process if that aborts). Expected values are those of
 * libvirt's test driver (docs/reference/libvirt-test-driver.md).
 */
#include "config.h"

#include <string.h>

#include "libvirt-gobject/drivers/gvir-driver-private.h"
#include "libvirt-gobject/drivers/gvir-driver-storage-private.h"
#include "remote-peer.h"

#define DEFAULT_POOL_UUID "dfe224cb-28fb-8dd0-c4b2-64eb3f0f4566"
#define GIB (G_GUINT64_CONSTANT (1) << 30)
#define MIB (G_GUINT64_CONSTANT (1) << 20)

#define BOXES_POOL_UUID "2b9d4d0c-5e8a-4f6b-9a61-0c3d1f6e7a21"
#define BOXES_POOL_XML \
  "<pool type='dir'>" \
  "<name>gnome-boxes</name>" \
  "<uuid>" BOXES_POOL_UUID "</uuid>" \
  "<target><path>/gnome-boxes</path></target>" \
  "</pool>"
#define TRANSIENT_POOL_UUID "6c0f5e4a-8d3b-4e21-9f7a-1b2c3d4e5f60"
#define TRANSIENT_POOL_XML \
  "<pool type='dir'>" \
  "<name>transient</name>" \
  "<uuid>" TRANSIENT_POOL_UUID "</uuid>" \
  "<target><path>/transient</path></target>" \
  "</pool>"
#define DISK_XML \
  "<volume>" \
  "<name>disk.img</name>" \
  "<capacity unit='bytes'>1048576</capacity>" \
  "<allocation unit='bytes'>1048576</allocation>" \
  "</volume>"

static RemotePeer *peer;
static char *unix_uri;

static GVirDriverConnection *
open_remote (gboolean read_only)
{
  g_autoptr(GError) error = NULL;
  GVirDriverConnection *conn;

  conn = gvir_driver_connection_open (unix_uri, read_only, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (conn);
  return conn;
}

static const GVirDriverStoragePool *
find_pool (GPtrArray  *pools,
           const char *name)
{
  guint i;

  for (i = 0; i < pools->len; i++)
    {
      const GVirDriverStoragePool *pool = pools->pdata[i];

      if (g_str_equal (pool->name, name))
        return pool;
    }
  return NULL;
}

static void
assert_pool_info (GVirDriverConnection *conn,
                  const char           *uuid,
                  int                   state,
                  guint64               capacity,
                  guint64               allocation,
                  guint64               available)
{
  g_autoptr(GError) error = NULL;
  GVirDriverStoragePoolInfo info = { 0 };

  g_assert_true (gvir_driver_connection_get_pool_info (conn, uuid, &info, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (info.state, ==, state);
  g_assert_cmpuint (info.capacity, ==, capacity);
  g_assert_cmpuint (info.allocation, ==, allocation);
  g_assert_cmpuint (info.available, ==, available);
}

static void
assert_vol (const GVirDriverStorageVol *vol,
            const char                 *name,
            const char                 *path,
            guint64                     capacity,
            guint64                     allocation)
{
  g_assert_nonnull (vol);
  g_assert_cmpstr (vol->name, ==, name);
  g_assert_cmpstr (vol->path, ==, path);
  /* libvirt's test driver keys a volume by its path. */
  g_assert_cmpstr (vol->key, ==, path);
  g_assert_cmpint (vol->type, ==, GVIR_DRIVER_VOL_FILE);
  g_assert_cmpuint (vol->capacity, ==, capacity);
  g_assert_cmpuint (vol->allocation, ==, allocation);
}

static guint
count_volumes (GVirDriverConnection *conn,
               const char           *uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) vols = gvir_driver_connection_list_volumes (conn, uuid, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (vols);
  return vols->len;
}

/* ---- what GNOME Boxes asks first ------------------------------------------- */

static void
test_default_pool (void)
{
  g_autoptr(GVirDriverConnection) conn = open_remote (TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pools = gvir_driver_connection_list_pools (conn, NULL, &error);
  g_autoptr(GVirDriverStoragePool) by_uuid = NULL;
  g_autofree char *xml = NULL;
  const GVirDriverStoragePool *pool;
  gboolean autostart = TRUE;

  g_assert_no_error (error);
  g_assert_cmpuint (pools->len, ==, 1);
  pool = find_pool (pools, "default-pool");
  g_assert_nonnull (pool);
  g_assert_cmpstr (pool->uuid, ==, DEFAULT_POOL_UUID);
  g_assert_true (pool->active);
  g_assert_true (pool->persistent);

  by_uuid = gvir_driver_connection_lookup_pool_by_uuid (conn, DEFAULT_POOL_UUID, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (by_uuid->name, ==, "default-pool");
  g_assert_cmpstr (by_uuid->uuid, ==, DEFAULT_POOL_UUID);
  g_assert_true (by_uuid->active);
  g_assert_true (by_uuid->persistent);

  assert_pool_info (conn, DEFAULT_POOL_UUID, GVIR_DRIVER_POOL_RUNNING, 100 * GIB, 0, 100 * GIB);

  xml = gvir_driver_connection_get_pool_xml (conn, DEFAULT_POOL_UUID, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (xml, "<name>default-pool</name>"));
  g_assert_nonnull (strstr (xml, "<uuid>" DEFAULT_POOL_UUID "</uuid>"));
  g_assert_nonnull (strstr (xml, "<path>/default-pool</path>"));
  /* libvirt's test driver keeps no separate inactive definition and
   * refuses the flag (VIR_STORAGE_XML_INACTIVE). */
  g_assert_null (gvir_driver_connection_get_pool_xml (conn, DEFAULT_POOL_UUID, 1, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_assert_true (gvir_driver_connection_get_pool_autostart (conn, DEFAULT_POOL_UUID, &autostart,
                                                            NULL, &error));
  g_assert_no_error (error);
  g_assert_false (autostart);

  g_assert_cmpuint (count_volumes (conn, DEFAULT_POOL_UUID), ==, 0);
}

/* ---- a pool's life, as Boxes creates its own ------------------------------- */

static void
pool_lifecycle_volumes (GVirDriverConnection *conn)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDriverStorageVol) created = NULL;
  g_autoptr(GVirDriverStorageVol) resized = NULL;
  g_autoptr(GPtrArray) vols = NULL;
  g_autofree char *xml = NULL;
  gboolean ok;
  guint64 resized_capacity;

  created = gvir_driver_connection_create_volume (conn, BOXES_POOL_UUID, DISK_XML, 0, NULL,
                                                  &error);
  g_assert_no_error (error);
  assert_vol (created, "disk.img", "/gnome-boxes/disk.img", MIB, MIB);

  vols = gvir_driver_connection_list_volumes (conn, BOXES_POOL_UUID, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vols->len, ==, 1);
  assert_vol (vols->pdata[0], "disk.img", "/gnome-boxes/disk.img", MIB, MIB);

  xml = gvir_driver_connection_get_volume_xml (conn, BOXES_POOL_UUID, "disk.img", 0, NULL,
                                               &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (xml, "<name>disk.img</name>"));
  g_assert_nonnull (strstr (xml, "<path>/gnome-boxes/disk.img</path>"));

  ok = gvir_driver_connection_resize_volume (conn, BOXES_POOL_UUID, "disk.img", 2 * MIB, 0, NULL,
                                             &error);
  resized_capacity = MIB;
  if (remote_peer_is_gvird (peer))
    {
      /* A difference of the test drivers: gvird's resizes (the capacity
       * grows, the allocation stays). */
      g_assert_no_error (error);
      g_assert_true (ok);
      resized_capacity = 2 * MIB;
    }
  else
    {
      /* libvirt's test driver has no resize: the call reaches its storage
       * driver, which refuses it; the volume stays as it was. */
      g_assert_false (ok);
      g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED);
      g_assert_nonnull (strstr (error->message, "virStorageVolResize"));
      g_clear_error (&error);
    }
  resized = gvir_driver_connection_lookup_volume (conn, BOXES_POOL_UUID, "disk.img", NULL, &error);
  g_assert_no_error (error);
  assert_vol (resized, "disk.img", "/gnome-boxes/disk.img", resized_capacity, MIB);

  g_assert_true (gvir_driver_connection_delete_volume (conn, BOXES_POOL_UUID, "disk.img", 0, NULL,
                                                       &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_volumes (conn, BOXES_POOL_UUID), ==, 0);
  g_assert_null (gvir_driver_connection_lookup_volume (conn, BOXES_POOL_UUID, "disk.img", NULL,
                                                       &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
}

static void
test_pool_lifecycle (void)
{
  g_autoptr(GVirDriverConnection) conn = open_remote (FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDriverStoragePool) defined = NULL;
  g_autoptr(GVirDriverStoragePool) started = NULL;
  g_autoptr(GVirDriverStoragePool) stopped = NULL;
  g_autoptr(GPtrArray) pools = NULL;
  const GVirDriverStoragePool *listed;
  gboolean autostart = FALSE;

  defined = gvir_driver_connection_define_pool (conn, BOXES_POOL_XML, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (defined->name, ==, "gnome-boxes");
  g_assert_cmpstr (defined->uuid, ==, BOXES_POOL_UUID);
  g_assert_false (defined->active);
  g_assert_true (defined->persistent);
  /* libvirt's test driver gives a defined pool its sizes at once. */
  assert_pool_info (conn, BOXES_POOL_UUID, GVIR_DRIVER_POOL_INACTIVE, 100 * GIB, 0, 100 * GIB);

  /* Listed with its state, beside the default pool. */
  pools = gvir_driver_connection_list_pools (conn, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pools->len, ==, 2);
  listed = find_pool (pools, "gnome-boxes");
  g_assert_nonnull (listed);
  g_assert_cmpstr (listed->uuid, ==, BOXES_POOL_UUID);
  g_assert_false (listed->active);
  g_assert_true (listed->persistent);
  g_assert_true (find_pool (pools, "default-pool")->active);

  /* Volumes need an active pool. */
  g_assert_null (gvir_driver_connection_list_volumes (conn, BOXES_POOL_UUID, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
  g_clear_error (&error);

  g_assert_true (gvir_driver_connection_build_pool (conn, BOXES_POOL_UUID, 0, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gvir_driver_connection_start_pool (conn, BOXES_POOL_UUID, 0, NULL, &error));
  g_assert_no_error (error);
  started = gvir_driver_connection_lookup_pool_by_uuid (conn, BOXES_POOL_UUID, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (started->active);
  g_assert_true (started->persistent);
  g_assert_true (gvir_driver_connection_refresh_pool (conn, BOXES_POOL_UUID, 0, NULL, &error));
  g_assert_no_error (error);
  assert_pool_info (conn, BOXES_POOL_UUID, GVIR_DRIVER_POOL_RUNNING, 100 * GIB, 0, 100 * GIB);

  g_assert_true (gvir_driver_connection_set_pool_autostart (conn, BOXES_POOL_UUID, TRUE, NULL,
                                                            &error));
  g_assert_no_error (error);
  g_assert_true (gvir_driver_connection_get_pool_autostart (conn, BOXES_POOL_UUID, &autostart,
                                                            NULL, &error));
  g_assert_no_error (error);
  g_assert_true (autostart);

  pool_lifecycle_volumes (conn);

  g_assert_true (gvir_driver_connection_stop_pool (conn, BOXES_POOL_UUID, NULL, &error));
  g_assert_no_error (error);
  stopped = gvir_driver_connection_lookup_pool_by_uuid (conn, BOXES_POOL_UUID, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (stopped->active);
  g_assert_true (gvir_driver_connection_delete_pool (conn, BOXES_POOL_UUID, 0, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gvir_driver_connection_undefine_pool (conn, BOXES_POOL_UUID, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (gvir_driver_connection_lookup_pool_by_uuid (conn, BOXES_POOL_UUID, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
}

/* ---- a transient pool ---------------------------------------------------------- */

/* STORAGE_POOL_CREATE_XML: a pool that runs at once and has no
 * configuration, so it can be neither marked autostart nor undefined,
 * and is gone once stopped. */
static void
test_transient_pool (void)
{
  g_autoptr(GVirDriverConnection) conn = open_remote (FALSE);
  g_autoptr(GVirDriverConnection) ro = open_remote (TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDriverStoragePool) created = NULL;
  g_autoptr(GPtrArray) pools = NULL;
  g_autofree char *other = NULL;
  const GVirDriverStoragePool *listed;

  g_assert_null (gvir_driver_connection_create_pool (ro, TRANSIENT_POOL_XML, 0, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_null (gvir_driver_connection_create_pool (conn, NULL, 0, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_null (gvir_driver_connection_create_pool (conn, "<pool type='dir'><name>", 0, NULL,
                                                     &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_XML);
  g_clear_error (&error);
  /* libvirt's test driver builds nothing (VIR_STORAGE_POOL_CREATE_WITH_BUILD). */
  g_assert_null (gvir_driver_connection_create_pool (conn, TRANSIENT_POOL_XML, 1, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  pools = gvir_driver_connection_list_pools (conn, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (find_pool (pools, "transient"));
  g_clear_pointer (&pools, g_ptr_array_unref);

  created = gvir_driver_connection_create_pool (conn, TRANSIENT_POOL_XML, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (created->name, ==, "transient");
  g_assert_cmpstr (created->uuid, ==, TRANSIENT_POOL_UUID);
  g_assert_true (created->active);
  g_assert_false (created->persistent);
  assert_pool_info (conn, TRANSIENT_POOL_UUID, GVIR_DRIVER_POOL_RUNNING, 100 * GIB, 0, 100 * GIB);
  pools = gvir_driver_connection_list_pools (conn, NULL, &error);
  g_assert_no_error (error);
  listed = find_pool (pools, "transient");
  g_assert_nonnull (listed);
  g_assert_true (listed->active);
  g_assert_false (listed->persistent);

  /* The same pool again runs already; the name under another UUID, or
   * the UUID under another name, is a failed operation for libvirt. */
  g_assert_null (gvir_driver_connection_create_pool (conn, TRANSIENT_POOL_XML, 0, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
  g_clear_error (&error);
  other = g_strdup (TRANSIENT_POOL_XML);
  memcpy (strstr (other, TRANSIENT_POOL_UUID), "00000000", 8);
  g_assert_null (gvir_driver_connection_create_pool (conn, other, 0, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_FAILED);
  g_clear_error (&error);
  g_clear_pointer (&other, g_free);
  other = g_strdup (TRANSIENT_POOL_XML);
  memcpy (strstr (other, "<name>transient"), "<name>Transient", 15);
  g_assert_null (gvir_driver_connection_create_pool (conn, other, 0, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (gvir_driver_connection_set_pool_autostart (conn, TRANSIENT_POOL_UUID, TRUE, NULL,
                                                             &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (gvir_driver_connection_undefine_pool (conn, TRANSIENT_POOL_UUID, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
  g_clear_error (&error);

  g_assert_true (gvir_driver_connection_stop_pool (conn, TRANSIENT_POOL_UUID, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (gvir_driver_connection_lookup_pool_by_uuid (conn, TRANSIENT_POOL_UUID, NULL,
                                                             &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
}

/* ---- errors ------------------------------------------------------------------ */

static void
test_errors (void)
{
  g_autoptr(GVirDriverConnection) conn = open_remote (FALSE);
  g_autoptr(GVirDriverConnection) ro = open_remote (TRUE);
  g_autoptr(GError) error = NULL;
  GVirDriverStoragePoolInfo info = { 0 };

  /* An unknown pool, a malformed UUID, an unknown volume. */
  g_assert_null (gvir_driver_connection_lookup_pool_by_uuid (conn,
                                                             "00000000-0000-0000-0000-000000000001",
                                                             NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (gvir_driver_connection_get_pool_info (conn, "not-a-uuid", &info, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_null (gvir_driver_connection_lookup_volume (conn, DEFAULT_POOL_UUID, "nope.img", NULL,
                                                       &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (gvir_driver_connection_delete_volume (conn, DEFAULT_POOL_UUID, "nope.img", 0,
                                                        NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Bad XML, and a second pool with the default pool's name. */
  g_assert_null (gvir_driver_connection_define_pool (conn, "<pool type='dir'><name>", 0, NULL,
                                                     &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_XML);
  g_clear_error (&error);
  g_assert_null (gvir_driver_connection_create_volume (conn, DEFAULT_POOL_UUID, "<volume>", 0, NULL,
                                                       &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_XML);
  g_clear_error (&error);

  /* The default pool is running: it cannot be undefined nor started. */
  g_assert_false (gvir_driver_connection_start_pool (conn, DEFAULT_POOL_UUID, 0, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
  g_clear_error (&error);

  /* A read-only connection reads but does not change. */
  g_assert_true (gvir_driver_connection_get_pool_info (ro, DEFAULT_POOL_UUID, &info, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (gvir_driver_connection_define_pool (ro, BOXES_POOL_XML, 0, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_READ_ONLY);
}

/* ---- volume transfers -------------------------------------------------------- */

/* A transfer of volume @name on a new stream of @conn: fails with @code,
 * its message naming @api when given, and leaves the stream unattached. */
static void
assert_transfer_refused (GVirDriverConnection *conn, const char *name, gboolean upload,
                         gint code, const char *api)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDriverStream) stream = gvir_driver_connection_new_stream (conn, 0, &error);
  gboolean ok;

  g_assert_no_error (error);
  if (upload)
    ok = gvir_driver_connection_upload_volume (conn, DEFAULT_POOL_UUID, name, stream, 4096, 100,
                                               0, NULL, &error);
  else
    ok = gvir_driver_connection_download_volume (conn, DEFAULT_POOL_UUID, name, stream, 4096,
                                                 100, 0, NULL, &error);
  g_assert_false (ok);
  g_assert_error (error, GVIR_ERROR, code);
  if (api != NULL)
    g_assert_nonnull (strstr (error->message, api));
  g_assert_false (gvir_driver_stream_is_attached (stream));
}

/* libvirt 9.0's test driver has neither virStorageVolUpload nor
 * virStorageVolDownload (virsh -c test:///default vol-upload says "this
 * function is not supported by the connection driver"): libvirtd decodes
 * our STORAGE_VOL_UPLOAD (208) and STORAGE_VOL_DOWNLOAD (209) calls and
 * answers NO_SUPPORT naming the API, and the connection goes on. The data
 * path is the one screenshots use (test-remote-streams.c). */
static void
test_transfer_libvirtd (void)
{
  g_autoptr(GVirDriverConnection) conn = open_remote (FALSE);
  g_autoptr(GVirDriverConnection) ro = open_remote (TRUE);
  g_autoptr(GVirDriverStorageVol) vol = NULL;
  g_autoptr(GVirDriverStorageVol) again = NULL;
  g_autoptr(GError) error = NULL;

  vol = gvir_driver_connection_create_volume (conn, DEFAULT_POOL_UUID,
                                              "<volume><name>transfer.img</name>"
                                              "<capacity unit='bytes'>65536</capacity></volume>",
                                              0, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (vol);

  assert_transfer_refused (conn, "transfer.img", TRUE, GVIR_ERROR_NOT_SUPPORTED,
                           "virStorageVolUpload");
  assert_transfer_refused (conn, "transfer.img", FALSE, GVIR_ERROR_NOT_SUPPORTED,
                           "virStorageVolDownload");
  assert_transfer_refused (conn, "nope.img", TRUE, GVIR_ERROR_NOT_FOUND, NULL);
  assert_transfer_refused (ro, "transfer.img", TRUE, GVIR_ERROR_READ_ONLY, NULL);
  assert_transfer_refused (ro, "transfer.img", FALSE, GVIR_ERROR_READ_ONLY, NULL);

  again = gvir_driver_connection_lookup_volume (conn, DEFAULT_POOL_UUID, "transfer.img", NULL,
                                                &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->capacity, ==, 65536);
  g_assert_true (gvir_driver_connection_delete_volume (conn, DEFAULT_POOL_UUID, "transfer.img", 0,
                                                       NULL, &error));
  g_assert_no_error (error);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);

  /* No skip: without its daemon this program must fail, loudly. */
  peer = remote_peer_start (&error);
  if (peer == NULL)
    {
      g_printerr ("cannot start the peer daemon: %s\n", error->message);
      return 1;
    }
  g_test_message ("peer: %s", remote_peer_name (peer));
  unix_uri = g_strdup (peer->uri);

  g_test_add_func ("/rpc/storage/default-pool", test_default_pool);
  g_test_add_func ("/rpc/storage/pool-lifecycle", test_pool_lifecycle);
  g_test_add_func ("/rpc/storage/transient-pool", test_transient_pool);
  g_test_add_func ("/rpc/storage/errors", test_errors);
  /* gvird serves its own test driver, which has the transfers. */
  if (!remote_peer_is_gvird (peer))
    g_test_add_func ("/rpc/storage/transfer-libvirtd", test_transfer_libvirtd);

  ret = g_test_run ();
  remote_peer_stop (peer);
  g_free (unix_uri);
  return ret;
}
