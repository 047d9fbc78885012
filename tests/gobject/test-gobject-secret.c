/*
 * test-gobject-secret.c: GVirSecret and the connection's secret cache,
 * on the test driver (which keeps no secrets, as libvirt's) and through
 * the remote driver against a scripted libvirtd that has some
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

#include "test-gobject-common.h"
#include "../rpc/fake-libvirtd.h"
#include "libvirt-gobject/rpc/gvir-rpc-remote-private.h"

#define VOLUME_UUID "0a81f5b2-8403-7b23-c8d6-21ccc2f80d6f"
#define CEPH_UUID "c2e5d8f1-0000-4a3b-9c1d-7e6f5a4b3c2d"
#define PLAIN_UUID "ffffffff-1111-2222-3333-444444444444"

static const char volume_xml[] =
  "<secret ephemeral='no' private='yes'>\n"
  "  <description>the disk of guest one</description>\n"
  "  <uuid>" VOLUME_UUID "</uuid>\n"
  "  <usage type='volume'>\n"
  "    <volume>/var/lib/libvirt/images/one.img</volume>\n"
  "  </usage>\n"
  "</secret>\n";

static const char ceph_xml[] =
  "<secret ephemeral='yes' private='no'>\n"
  "  <uuid>" CEPH_UUID "</uuid>\n"
  "  <usage type='ceph'>\n"
  "    <name>client.admin secret</name>\n"
  "  </usage>\n"
  "</secret>\n";

static const char plain_xml[] =
  "<secret ephemeral='no' private='no'>\n"
  "  <uuid>" PLAIN_UUID "</uuid>\n"
  "</secret>\n";

/* ---- the test driver ------------------------------------------------------------ */

/* libvirt's test driver has no secret driver: neither has ours. */
static void
test_test_driver_not_supported (void)
{
  g_autoptr(GVirConnection) conn = gvir_connection_new (TEST_URI);
  g_autoptr(GError) error = NULL;
  AsyncWait wait = { 0 };
  GAsyncResult *result;

  g_assert_true (gvir_connection_open (conn, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (gvir_connection_fetch_secrets (conn, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);

  gvir_connection_fetch_secrets_async (conn, NULL, async_wait_cb, &wait);
  result = async_wait_finish (&wait, "gvir_connection_fetch_secrets_async");
  g_assert_false (gvir_connection_fetch_secrets_finish (conn, result, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED);
  g_object_unref (result);

  g_assert_null (gvir_connection_get_secrets (conn));
  g_assert_null (gvir_connection_get_secret (conn, VOLUME_UUID));
}

/* ---- the remote driver ------------------------------------------------------------ */

typedef struct
{
  FakeLibvirtd *fake;
  GVirConnection *conn;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;

  f->fake = fake_libvirtd_new ();
  /* Listed in this order: the cache sorts by UUID. */
  fake_libvirtd_add_secret (f->fake, PLAIN_UUID, 0, "", plain_xml);
  fake_libvirtd_add_secret (f->fake, VOLUME_UUID, 1, "/var/lib/libvirt/images/one.img",
                            volume_xml);
  fake_libvirtd_add_secret (f->fake, CEPH_UUID, 2, "client.admin secret", ceph_xml);
  uri = fake_libvirtd_get_uri (f->fake);
  f->conn = gvir_connection_new (uri);
  g_assert_true (gvir_connection_open (f->conn, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gvir_connection_fetch_secrets (f->conn, NULL, &error));
  g_assert_no_error (error);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  gvir_connection_close (f->conn);
  g_clear_object (&f->conn);
  fake_libvirtd_free (f->fake);
}

/* Every listed secret, sorted by UUID, with the usage the list gave. */
static void
test_remote_list (Fixture *f, gconstpointer data)
{
  GList *secrets = gvir_connection_get_secrets (f->conn);
  g_autoptr(GString) seen = g_string_new (NULL);
  GList *l;

  for (l = secrets; l != NULL; l = l->next)
    {
      const char *id = gvir_secret_get_usage_id (l->data);

      g_assert_true (G_OBJECT_TYPE (l->data) == gvir_secret_get_type ());
      g_string_append_printf (seen, "%s %d %s|", gvir_secret_get_uuid (l->data),
                              gvir_secret_get_usage_type (l->data), id ? id : "(none)");
    }
  g_assert_cmpstr (seen->str, ==,
                   VOLUME_UUID " 1 /var/lib/libvirt/images/one.img|"
                   CEPH_UUID " 2 client.admin secret|"
                   PLAIN_UUID " 0 (none)|");
  g_list_free_full (secrets, g_object_unref);
  g_assert_cmpuint (fake_libvirtd_count_calls (f->fake, GVIR_RPC_PROC_CONNECT_LIST_ALL_SECRETS),
                    ==, 1);
}

/* Lookup by UUID in any letter case; unknown and malformed UUIDs give NULL. */
static void
test_remote_lookup (Fixture *f, gconstpointer data)
{
  g_autoptr(GVirSecret) upper = gvir_connection_get_secret (f->conn,
                                                            "C2E5D8F1-0000-4A3B-9C1D-7E6F5A4B3C2D");
  g_autoptr(GVirSecret) lower = gvir_connection_get_secret (f->conn, CEPH_UUID);

  g_assert_nonnull (upper);
  g_assert_true (upper == lower);
  g_assert_cmpint (gvir_secret_get_usage_type (upper), ==, GVIR_CONFIG_SECRET_USAGE_TYPE_CEPH);
  g_assert_null (gvir_connection_get_secret (f->conn, "12345678-1234-1234-1234-123456789abc"));
  g_assert_null (gvir_connection_get_secret (f->conn, "not-a-uuid"));
}

/* The definition read through SECRET_GET_XML_DESC, the listed usage on
 * the wire with the UUID. */
static void
test_remote_config (Fixture *f, gconstpointer data)
{
  g_autoptr(GVirSecret) secret = gvir_connection_get_secret (f->conn, VOLUME_UUID);
  g_autoptr(GVirConfigSecret) conf = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) args = NULL;
  gsize len;
  const guint8 *raw;

  g_assert_nonnull (secret);
  conf = gvir_secret_get_config (secret, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gvir_config_secret_get_uuid (conf), ==, VOLUME_UUID);
  g_assert_cmpstr (gvir_config_secret_get_description (conf), ==, "the disk of guest one");
  g_assert_cmpint (gvir_config_secret_get_usage_type (conf), ==,
                   GVIR_CONFIG_SECRET_USAGE_TYPE_VOLUME);
  g_assert_cmpstr (gvir_config_secret_get_usage_volume (conf), ==,
                   "/var/lib/libvirt/images/one.img");
  g_assert_true (gvir_config_secret_get_private (conf));
  g_assert_false (gvir_config_secret_get_ephemeral (conf));

  /* uuid[16], usage type 1, the usage id, flags 0 */
  args = fake_libvirtd_dup_last_args (f->fake, GVIR_RPC_PROC_SECRET_GET_XML_DESC);
  raw = g_bytes_get_data (args, &len);
  g_assert_cmpuint (len, ==, 16 + 4 + 4 + 32 + 4);
  g_assert_cmpuint (raw[19], ==, 1);
  g_assert_cmpuint (raw[23], ==, strlen ("/var/lib/libvirt/images/one.img"));
  g_assert_cmpint (memcmp (raw + 24, "/var/lib/libvirt/images/one.img", 31), ==, 0);
}

/* A secret undefined on the host: libvirt's VIR_ERR_NO_SECRET is
 * NOT_FOUND; the next fetch drops it and keeps the others' objects. */
static void
test_remote_gone (Fixture *f, gconstpointer data)
{
  g_autoptr(GVirSecret) gone = gvir_connection_get_secret (f->conn, PLAIN_UUID);
  g_autoptr(GVirSecret) kept = gvir_connection_get_secret (f->conn, CEPH_UUID);
  g_autoptr(GVirSecret) kept_again = NULL;
  g_autoptr(GError) error = NULL;
  GList *secrets;

  fake_libvirtd_remove_secret (f->fake, PLAIN_UUID);
  g_assert_null (gvir_secret_get_config (gone, 0, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (gvir_connection_fetch_secrets (f->conn, NULL, &error));
  g_assert_no_error (error);
  secrets = gvir_connection_get_secrets (f->conn);
  g_assert_cmpuint (g_list_length (secrets), ==, 2);
  g_list_free_full (secrets, g_object_unref);
  g_assert_null (gvir_connection_get_secret (f->conn, PLAIN_UUID));
  kept_again = gvir_connection_get_secret (f->conn, CEPH_UUID);
  g_assert_true (kept == kept_again);
  /* the object outlives the cache entry; its UUID stays readable */
  g_assert_cmpstr (gvir_secret_get_uuid (gone), ==, PLAIN_UUID);
}

/* A daemon without a secret driver answers VIR_ERR_NO_SUPPORT. */
static void
test_remote_no_support (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirSecret) secret = gvir_connection_get_secret (f->conn, CEPH_UUID);

  fake_libvirtd_fail (f->fake, GVIR_RPC_PROC_CONNECT_LIST_ALL_SECRETS, GVIR_RPC_ERR_NO_SUPPORT,
                      "this function is not supported by the connection driver: "
                      "virConnectListAllSecrets");
  g_assert_false (gvir_connection_fetch_secrets (f->conn, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);
  /* a failed fetch leaves the cache as it was */
  g_assert_true (gvir_connection_get_secret (f->conn, CEPH_UUID) == secret);
  g_object_unref (secret);
}

static void
test_remote_after_close (Fixture *f, gconstpointer data)
{
  g_autoptr(GVirSecret) secret = gvir_connection_get_secret (f->conn, VOLUME_UUID);
  g_autoptr(GError) error = NULL;

  gvir_connection_close (f->conn);
  g_assert_null (gvir_connection_get_secrets (f->conn));
  g_assert_null (gvir_connection_get_secret (f->conn, VOLUME_UUID));
  g_assert_null (gvir_secret_get_config (secret, 0, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  g_clear_error (&error);
  g_assert_false (gvir_connection_fetch_secrets (f->conn, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  gvir_init_object (&argc, &argv);

  g_test_add_func ("/gvir/secret/test-driver-not-supported", test_test_driver_not_supported);
#define ADD(path, func) g_test_add ("/gvir/secret/remote/" path, Fixture, NULL, setup, func, \
                                    teardown)
  ADD ("list", test_remote_list);
  ADD ("lookup", test_remote_lookup);
  ADD ("config", test_remote_config);
  ADD ("gone", test_remote_gone);
  ADD ("no-support", test_remote_no_support);
  ADD ("after-close", test_remote_after_close);
#undef ADD

  return g_test_run ();
}
