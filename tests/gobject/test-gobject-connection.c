/*
 * test-gobject-connection.c: GVirConnection against test:///default
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

static void
test_open_close_reopen (void)
{
  g_autoptr(GError) error = NULL;
  GVirConnection *conn = gvir_connection_new (TEST_URI);
  Recorder rec = { 0 };

  recorder_watch_connection (&rec, conn);
  g_assert_cmpstr (gvir_connection_get_uri (conn), ==, TEST_URI);
  g_assert_false (gvir_connection_is_open (conn));

  g_assert_true (gvir_connection_open (conn, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gvir_connection_is_open (conn));
  g_assert_false (gvir_connection_is_read_only (conn));
  spin_until (NULL, &rec.opened, 1, "signal connection-opened");

  /* A second open is refused, not leaked. */
  g_assert_false (gvir_connection_open (conn, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
  g_clear_error (&error);

  gvir_connection_close (conn);
  g_assert_false (gvir_connection_is_open (conn));
  spin_until (NULL, &rec.closed, 1, "signal connection-closed");
  gvir_connection_close (conn);
  spin_idle (NULL);
  g_assert_cmpuint (rec.closed, ==, 1);

  g_assert_true (gvir_connection_open (conn, NULL, &error));
  g_assert_no_error (error);
  spin_until (NULL, &rec.opened, 2, "signal connection-opened");
  g_assert_true (gvir_connection_fetch_domains (conn, NULL, &error));
  g_assert_no_error (error);
  close_and_finalize (conn);
  g_assert_cmpuint (rec.closed, ==, 2);
}

static void
test_open_async (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  GVirConnection *conn = gvir_connection_new (TEST_URI);
  AsyncWait wait = { 0 };
  Recorder rec = { 0 };

  recorder_watch_connection (&rec, conn);
  gvir_connection_open_async (conn, NULL, async_wait_cb, &wait);
  result = async_wait_finish (&wait, "gvir_connection_open_async");
  /* connection-opened comes before the completion callback. */
  g_assert_cmpuint (rec.opened, ==, 1);
  g_assert_true (gvir_connection_open_finish (conn, result, &error));
  g_assert_no_error (error);
  g_assert_true (gvir_connection_is_open (conn));
  g_assert_true (rec.thread == g_thread_self ());
  g_clear_object (&result);
  close_and_finalize (conn);
}

static void
test_bad_uri (void)
{
  const char *uris[] = { "bogus:///nowhere", "not a uri", "test:///", "" };

  for (gsize i = 0; i < G_N_ELEMENTS (uris); i++)
    {
      g_autoptr(GError) error = NULL;
      GVirConnection *conn = gvir_connection_new (uris[i]);

      g_test_message ("URI '%s'", uris[i]);
      g_assert_false (gvir_connection_open (conn, NULL, &error));
      g_assert_nonnull (error);
      g_assert_true (error->domain == GVIR_ERROR);
      g_assert_false (gvir_connection_is_open (conn));
      g_assert_finalize_object (conn);
    }
}

static void
test_read_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirConfigDomain) conf = make_domain_config ("ro", "11111111-2222-3333-4444-000000000001");
  g_autoptr(GVirDomain) dom = NULL;
  g_autoptr(GVirDomain) created = NULL;
  GVirConnection *conn = gvir_connection_new (TEST_URI);

  g_assert_true (gvir_connection_open_read_only (conn, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gvir_connection_is_read_only (conn));
  dom = fetch_test_domain (conn);

  g_assert_false (gvir_domain_suspend (dom, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_READ_ONLY);
  g_clear_error (&error);

  created = gvir_connection_create_domain (conn, conf, &error);
  g_assert_null (created);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_cmpint (gvir_domain_get_state (dom, NULL, &error), ==, GVIR_DOMAIN_STATE_RUNNING);
  g_assert_no_error (error);
  g_clear_object (&dom);
  close_and_finalize (conn);
}

static void
check_node_info (const GVirNodeInfo *info)
{
  g_assert_nonnull (info);
  g_assert_cmpstr (info->model, ==, "i686");
  g_assert_cmpuint (info->memory, ==, 3145728);
  g_assert_cmpuint (info->cpus, ==, 16);
  g_assert_cmpuint (info->mhz, ==, 1400);
  g_assert_cmpuint (info->nodes, ==, 2);
  g_assert_cmpuint (info->sockets, ==, 2);
  g_assert_cmpuint (info->cores, ==, 2);
  g_assert_cmpuint (info->threads, ==, 2);
}

static void
test_node_info (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirNodeInfo) info = NULL;
  g_autoptr(GVirNodeInfo) copy = NULL;
  g_autoptr(GVirNodeInfo) async_info = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  GVirConnection *conn = open_test_connection ();
  AsyncWait wait = { 0 };

  info = gvir_connection_get_node_info (conn, &error);
  g_assert_no_error (error);
  check_node_info (info);
  copy = g_boxed_copy (GVIR_TYPE_NODE_INFO, info);
  check_node_info (copy);
  g_assert_true (copy->model != info->model);

  gvir_connection_get_node_info_async (conn, NULL, async_wait_cb, &wait);
  result = async_wait_finish (&wait, "gvir_connection_get_node_info_async");
  async_info = gvir_connection_get_node_info_finish (conn, result, &error);
  g_assert_no_error (error);
  check_node_info (async_info);
  g_clear_object (&result);
  close_and_finalize (conn);
}

static void
test_host_queries (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *hostname = NULL;
  g_autoptr(GVirConfigCapabilities) caps = NULL;
  g_autoptr(GVirConfigCapabilities) async_caps = NULL;
  g_autoptr(GVirConfigCapabilitiesHost) host = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  GVirConnection *conn = open_test_connection ();
  AsyncWait wait = { 0 };
  GList *cells;

  name = gvir_connection_get_hypervisor_name (conn, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "TEST");
  g_assert_cmpuint (gvir_connection_get_version (conn, &error), ==, 2);
  g_assert_no_error (error);
  hostname = gvir_connection_get_hostname (conn, &error);
  g_assert_no_error (error);
  g_assert_nonnull (hostname);
  g_assert_cmpstr (hostname, !=, "");

  caps = gvir_connection_get_capabilities (conn, &error);
  g_assert_no_error (error);
  g_assert_nonnull (caps);
  host = gvir_config_capabilities_get_host (caps);
  g_assert_nonnull (host);
  cells = gvir_config_capabilities_host_get_cells (host);
  g_assert_cmpuint (g_list_length (cells), ==, 2);
  g_list_free_full (cells, g_object_unref);

  gvir_connection_get_capabilities_async (conn, NULL, async_wait_cb, &wait);
  result = async_wait_finish (&wait, "gvir_connection_get_capabilities_async");
  async_caps = gvir_connection_get_capabilities_finish (conn, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (async_caps);
  g_clear_object (&result);
  close_and_finalize (conn);
}

static void
test_fetch_domains (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDomain) by_uuid = NULL;
  g_autoptr(GVirDomain) by_upper = NULL;
  g_autoptr(GVirDomain) by_name = NULL;
  g_autoptr(GVirDomain) by_id = NULL;
  g_autofree char *upper = g_ascii_strup (TEST_DOMAIN_UUID, -1);
  GVirConnection *conn = open_test_connection ();
  Recorder rec = { 0 };
  GList *domains;

  recorder_watch_connection (&rec, conn);
  g_assert_null (gvir_connection_get_domains (conn));
  g_assert_true (gvir_connection_fetch_domains (conn, NULL, &error));
  g_assert_no_error (error);
  spin_until (NULL, &rec.added, 1, "signal domain-added");

  domains = gvir_connection_get_domains (conn);
  g_assert_cmpuint (g_list_length (domains), ==, 1);
  g_assert_cmpstr (gvir_domain_get_name (domains->data), ==, "test");
  g_assert_cmpstr (gvir_domain_get_uuid (domains->data), ==, TEST_DOMAIN_UUID);
  g_assert_cmpint (gvir_domain_get_id (domains->data, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_true (gvir_domain_get_persistent (domains->data));

  by_uuid = gvir_connection_get_domain (conn, TEST_DOMAIN_UUID);
  by_upper = gvir_connection_get_domain (conn, upper);
  by_name = gvir_connection_find_domain_by_name (conn, "test");
  by_id = gvir_connection_find_domain_by_id (conn, 1);
  g_assert_true (by_uuid == domains->data);
  g_assert_true (by_upper == domains->data);
  g_assert_true (by_name == domains->data);
  g_assert_true (by_id == domains->data);
  g_list_free_full (domains, g_object_unref);

  g_assert_null (gvir_connection_find_domain_by_name (conn, "no-such-domain"));
  g_assert_null (gvir_connection_find_domain_by_id (conn, 4242));
  g_assert_null (gvir_connection_get_domain (conn, "00000000-0000-0000-0000-000000000000"));
  g_clear_object (&by_uuid);
  g_clear_object (&by_upper);
  g_clear_object (&by_name);
  g_clear_object (&by_id);
  close_and_finalize (conn);
}

static void
test_fetch_domains_async (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  GVirConnection *conn = open_test_connection ();
  AsyncWait wait = { 0 };
  Recorder rec = { 0 };
  GList *domains;

  recorder_watch_connection (&rec, conn);
  gvir_connection_fetch_domains_async (conn, NULL, async_wait_cb, &wait);
  result = async_wait_finish (&wait, "gvir_connection_fetch_domains_async");
  g_assert_true (gvir_connection_fetch_domains_finish (conn, result, &error));
  g_assert_no_error (error);
  spin_until (NULL, &rec.added, 1, "signal domain-added");
  domains = gvir_connection_get_domains (conn);
  g_assert_cmpuint (g_list_length (domains), ==, 1);
  g_list_free_full (domains, g_object_unref);
  g_clear_object (&result);
  close_and_finalize (conn);
}

static void
test_identity (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDomain) first = NULL;
  g_autoptr(GVirDomain) second = NULL;
  GVirConnection *conn = open_test_connection ();
  Recorder rec = { 0 };

  recorder_watch_connection (&rec, conn);
  first = fetch_test_domain (conn);
  recorder_watch_domain (&rec, first);
  second = fetch_test_domain (conn);
  g_assert_true (first == second);
  spin_idle (NULL);
  g_assert_cmpuint (rec.added, ==, 1);

  /* The handler connected before the second fetch still fires. */
  g_assert_true (gvir_domain_suspend (second, &error));
  g_assert_no_error (error);
  recorder_expect (&rec, "suspended::paused", NULL);
  g_assert_true (gvir_domain_resume (second, &error));
  g_assert_no_error (error);
  recorder_expect (&rec, "resumed::unpaused", NULL);

  g_clear_object (&first);
  g_clear_object (&second);
  close_and_finalize (conn);
}

static void
test_create_delete (void)
{
  const char *uuid = "11111111-2222-3333-4444-000000000002";
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirConfigDomain) conf = make_domain_config ("created", uuid);
  g_autoptr(GVirDomain) dom = NULL;
  g_autoptr(GVirDomain) found = NULL;
  GVirConnection *conn = open_test_connection ();
  Recorder rec = { 0 };

  recorder_watch_connection (&rec, conn);
  dom = gvir_connection_create_domain (conn, conf, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dom);
  spin_until (NULL, &rec.added, 1, "signal domain-added");
  g_assert_cmpstr (gvir_domain_get_name (dom), ==, "created");
  g_assert_cmpstr (gvir_domain_get_uuid (dom), ==, uuid);
  g_assert_true (gvir_domain_get_persistent (dom));
  g_assert_cmpint (gvir_domain_get_state (dom, NULL, &error), ==, GVIR_DOMAIN_STATE_SHUTOFF);
  g_assert_no_error (error);
  found = gvir_connection_find_domain_by_name (conn, "created");
  g_assert_true (found == dom);

  g_assert_true (gvir_domain_delete (dom, 0, &error));
  g_assert_no_error (error);
  spin_until (NULL, &rec.removed, 1, "signal domain-removed");
  spin_idle (NULL);
  g_assert_cmpuint (rec.added, ==, 1);
  g_assert_cmpuint (rec.removed, ==, 1);
  g_assert_null (gvir_connection_get_domain (conn, uuid));

  /* The object stays usable; the hypervisor no longer knows it. */
  g_assert_false (gvir_domain_start (dom, 0, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_clear_object (&found);
  close_and_finalize (conn);
  assert_finalized_soon (g_steal_pointer (&dom));
}

static void
test_create_async (void)
{
  const char *uuid = "11111111-2222-3333-4444-000000000003";
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirConfigDomain) conf = make_domain_config ("created-async", uuid);
  g_autoptr(GVirDomain) dom = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) delete_result = NULL;
  GVirConnection *conn = open_test_connection ();
  AsyncWait wait = { 0 };
  Recorder rec = { 0 };

  recorder_watch_connection (&rec, conn);
  gvir_connection_create_domain_async (conn, conf, NULL, async_wait_cb, &wait);
  result = async_wait_finish (&wait, "gvir_connection_create_domain_async");
  dom = gvir_connection_create_domain_finish (conn, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dom);
  spin_until (NULL, &rec.added, 1, "signal domain-added");

  gvir_domain_delete_async (dom, 0, NULL, async_wait_cb, &wait);
  delete_result = async_wait_finish (&wait, "gvir_domain_delete_async");
  g_assert_true (gvir_domain_delete_finish (dom, delete_result, &error));
  g_assert_no_error (error);
  spin_until (NULL, &rec.removed, 1, "signal domain-removed");
  g_clear_object (&dom);
  g_clear_object (&result);
  g_clear_object (&delete_result);
  close_and_finalize (conn);
}

static void
test_start_transient (void)
{
  const char *uuid = "11111111-2222-3333-4444-000000000004";
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirConfigDomain) conf = make_domain_config ("transient", uuid);
  g_autoptr(GVirDomain) dom = NULL;
  GVirConnection *conn = open_test_connection ();
  Recorder rec = { 0 };

  recorder_watch_connection (&rec, conn);
  dom = gvir_connection_start_domain (conn, conf, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dom);
  recorder_watch_domain (&rec, dom);
  recorder_expect (&rec, "started::booted", NULL);
  g_assert_cmpuint (rec.added, ==, 1);
  g_assert_false (gvir_domain_get_persistent (dom));
  g_assert_cmpint (gvir_domain_get_state (dom, NULL, &error), ==, GVIR_DOMAIN_STATE_RUNNING);
  g_assert_no_error (error);
  g_assert_cmpint (gvir_domain_get_id (dom, &error), >, 0);
  g_assert_no_error (error);

  g_assert_true (gvir_domain_stop (dom, 0, &error));
  g_assert_no_error (error);
  recorder_expect (&rec, "stopped::destroyed", NULL);
  g_assert_cmpuint (rec.removed, ==, 1);
  g_assert_null (gvir_connection_get_domain (conn, uuid));

  g_clear_object (&dom);
  close_and_finalize (conn);
}

static void
test_restore_from_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gvir-test-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GVirDomain) dom = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  GVirConnection *conn = open_test_connection ();
  AsyncWait wait = { 0 };
  Recorder rec = { 0 };

  g_assert_no_error (error);
  path = g_build_filename (dir, "test.save", NULL);
  dom = fetch_test_domain (conn);
  recorder_watch_domain (&rec, dom);

  g_assert_true (gvir_domain_save_to_file (dom, path, NULL, 0, &error));
  g_assert_no_error (error);
  recorder_expect (&rec, "stopped::saved", NULL);
  g_assert_cmpint (gvir_domain_get_state (dom, NULL, &error), ==, GVIR_DOMAIN_STATE_SHUTOFF);
  g_assert_no_error (error);

  gvir_connection_restore_domain_from_file_async (conn, path, NULL, 0, NULL,
                                                  async_wait_cb, &wait);
  result = async_wait_finish (&wait, "gvir_connection_restore_domain_from_file_async");
  g_assert_true (gvir_connection_restore_domain_from_file_finish (conn, result, &error));
  g_assert_no_error (error);
  recorder_expect (&rec, "started::restored", NULL);
  g_assert_cmpint (gvir_domain_get_state (dom, NULL, &error), ==, GVIR_DOMAIN_STATE_RUNNING);
  g_assert_no_error (error);

  /* Restoring a file that does not exist is an error, not a crash. */
  g_assert_false (gvir_connection_restore_domain_from_file (conn, "/nonexistent/file.save",
                                                            NULL, 0, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_remove (path);
  g_rmdir (dir);
  g_clear_object (&dom);
  g_clear_object (&result);
  close_and_finalize (conn);
}

static void
test_cancellation (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) open_result = NULL;
  g_autoptr(GVirNodeInfo) info = NULL;
  GVirConnection *conn = gvir_connection_new (TEST_URI);
  AsyncWait wait = { 0 };

  g_cancellable_cancel (cancellable);
  g_assert_false (gvir_connection_open (conn, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_false (gvir_connection_is_open (conn));

  gvir_connection_open_async (conn, cancellable, async_wait_cb, &wait);
  open_result = async_wait_finish (&wait, "a cancelled gvir_connection_open_async");
  g_assert_false (gvir_connection_open_finish (conn, open_result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_false (gvir_connection_is_open (conn));

  g_assert_true (gvir_connection_open (conn, NULL, &error));
  g_assert_no_error (error);
  gvir_connection_fetch_domains_async (conn, cancellable, async_wait_cb, &wait);
  result = async_wait_finish (&wait, "a cancelled gvir_connection_fetch_domains_async");
  g_assert_false (gvir_connection_fetch_domains_finish (conn, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* Still usable afterwards. */
  info = gvir_connection_get_node_info (conn, &error);
  g_assert_no_error (error);
  g_assert_nonnull (info);
  g_clear_object (&result);
  g_clear_object (&open_result);
  close_and_finalize (conn);
}

static void
test_close_safety (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDomain) dom = NULL;
  g_autoptr(GVirConfigDomain) conf = make_domain_config ("after-close", "11111111-2222-3333-4444-000000000005");
  GVirConnection *conn = open_test_connection ();

  dom = fetch_test_domain (conn);
  gvir_connection_close (conn);

  g_assert_null (gvir_connection_get_domains (conn));
  g_assert_null (gvir_connection_get_domain (conn, TEST_DOMAIN_UUID));
  g_assert_null (gvir_connection_find_domain_by_name (conn, "test"));
  g_assert_null (gvir_connection_find_domain_by_id (conn, 1));

  g_assert_false (gvir_connection_fetch_domains (conn, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  g_assert_cmpstr (error->message, ==, "connection to 'test:///default' is not open");
  g_clear_error (&error);
  g_assert_null (gvir_connection_get_node_info (conn, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  g_clear_error (&error);
  g_assert_null (gvir_connection_get_capabilities (conn, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  g_clear_error (&error);
  g_assert_null (gvir_connection_create_domain (conn, conf, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  g_clear_error (&error);
  g_assert_cmpuint (gvir_connection_get_version (conn, &error), ==, 0);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  g_clear_error (&error);

  g_assert_cmpstr (gvir_domain_get_name (dom), ==, "test");
  g_assert_false (gvir_domain_stop (dom, 0, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  g_clear_error (&error);
  g_assert_null (gvir_domain_get_info (dom, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  g_clear_error (&error);
  g_assert_cmpint (gvir_domain_get_id (dom, &error), ==, -1);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  g_clear_error (&error);
  g_assert_null (gvir_domain_get_config (dom, 0, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  g_clear_error (&error);
  (void) gvir_domain_get_saved (dom);

  /* The domain outlives its connection without trouble. */
  close_and_finalize (conn);
  g_assert_false (gvir_domain_start (dom, 0, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  g_clear_error (&error);
  assert_finalized_soon (g_steal_pointer (&dom));
}

static void
test_two_connections (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDomain) dom_a = NULL;
  g_autoptr(GVirDomain) dom_b = NULL;
  GVirConnection *a = open_test_connection ();
  GVirConnection *b = open_test_connection ();
  Recorder rec_b = { 0 };

  dom_a = fetch_test_domain (a);
  dom_b = fetch_test_domain (b);
  g_assert_true (dom_a != dom_b);
  recorder_watch_domain (&rec_b, dom_b);

  g_assert_true (gvir_domain_suspend (dom_a, &error));
  g_assert_no_error (error);
  recorder_expect (&rec_b, "suspended::paused", NULL);
  g_assert_true (gvir_domain_resume (dom_a, &error));
  g_assert_no_error (error);
  recorder_expect (&rec_b, "resumed::unpaused", NULL);

  g_clear_object (&dom_a);
  g_clear_object (&dom_b);
  close_and_finalize (a);
  close_and_finalize (b);
}

/* ---- signals arrive in the context the connection was opened in ---------- */

typedef struct
{
  GMainContext *context;
  GVirConnection *conn;
  GVirDomain *dom;
  Recorder rec;
  gint ready;            /* the worker has opened and fetched */
} ContextTest;

static gpointer
context_worker (gpointer data)
{
  ContextTest *ct = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  AsyncWait wait = { 0 };

  g_main_context_push_thread_default (ct->context);
  ct->rec.expected = ct->context;
  ct->conn = gvir_connection_new (TEST_URI);
  recorder_watch_connection (&ct->rec, ct->conn);
  gvir_connection_open_async (ct->conn, NULL, async_wait_cb, &wait);
  result = async_wait_finish (&wait, "gvir_connection_open_async in the worker thread");
  g_assert_true (gvir_connection_open_finish (ct->conn, result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ct->rec.opened, ==, 1);
  g_assert_true (ct->rec.thread == g_thread_self ());
  g_clear_object (&result);

  ct->dom = fetch_test_domain (ct->conn);
  recorder_watch_domain (&ct->rec, ct->dom);
  g_atomic_int_set (&ct->ready, 1);

  /* Serves the context (the recorder's) until both signals came. */
  recorder_expect (&ct->rec, "suspended::paused", "resumed::unpaused", NULL);

  g_clear_object (&ct->dom);
  close_and_finalize (ct->conn);
  g_main_context_pop_thread_default (ct->context);
  return NULL;
}

static gboolean
worker_is_ready (gpointer data)
{
  ContextTest *ct = data;

  return g_atomic_int_get (&ct->ready);
}

static void
test_signal_context (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDomain) dom = NULL;
  GVirConnection *main_conn;
  ContextTest ct = { 0 };
  GVirTestThread *worker;

  ct.context = g_main_context_new ();
  worker = gvir_test_thread_new ("context-worker", context_worker, &ct);
  gvir_test_spin_until (NULL, worker_is_ready, &ct,
                        "the worker thread to open its connection and fetch its domain");

  /* Act through another connection in this thread; the worker's domain
   * must hear about it in the worker's thread. */
  main_conn = open_test_connection ();
  dom = fetch_test_domain (main_conn);
  g_assert_true (gvir_domain_suspend (dom, &error));
  g_assert_no_error (error);
  g_assert_true (gvir_domain_resume (dom, &error));
  g_assert_no_error (error);

  gvir_test_thread_join (worker, "the worker thread to receive suspended::paused and "
                         "resumed::unpaused");
  g_assert_true (ct.rec.thread != g_thread_self ());
  g_assert_false (ct.rec.wrong_context);
  g_main_context_unref (ct.context);

  g_clear_object (&dom);
  close_and_finalize (main_conn);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  gvir_init_object (&argc, &argv);

  g_test_add_func ("/gvir/connection/open-close-reopen", test_open_close_reopen);
  g_test_add_func ("/gvir/connection/open-async", test_open_async);
  g_test_add_func ("/gvir/connection/bad-uri", test_bad_uri);
  g_test_add_func ("/gvir/connection/read-only", test_read_only);
  g_test_add_func ("/gvir/connection/node-info", test_node_info);
  g_test_add_func ("/gvir/connection/host-queries", test_host_queries);
  g_test_add_func ("/gvir/connection/fetch-domains", test_fetch_domains);
  g_test_add_func ("/gvir/connection/fetch-domains-async", test_fetch_domains_async);
  g_test_add_func ("/gvir/connection/identity", test_identity);
  g_test_add_func ("/gvir/connection/create-delete", test_create_delete);
  g_test_add_func ("/gvir/connection/create-async", test_create_async);
  g_test_add_func ("/gvir/connection/start-transient", test_start_transient);
  g_test_add_func ("/gvir/connection/restore-from-file", test_restore_from_file);
  g_test_add_func ("/gvir/connection/cancellation", test_cancellation);
  g_test_add_func ("/gvir/connection/close-safety", test_close_safety);
  g_test_add_func ("/gvir/connection/two-connections", test_two_connections);
  g_test_add_func ("/gvir/connection/signal-context", test_signal_context);

  return g_test_run ();
}
