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

#include <string.h>
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
  g_autoptr(GVirConfigDomain) conf = make_domain_config ("ro",
                                                         "11111111-2222-3333-4444-000000000001");
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
  g_autoptr(GVirConfigDomain) conf = make_domain_config ("after-close",
                                                         "11111111-2222-3333-4444-000000000005");
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

/* ---- queries not covered above ----------------------------------------------- */

static void
test_host_queries_async (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) name_result = NULL;
  g_autoptr(GAsyncResult) version_result = NULL;
  g_autoptr(GAsyncResult) hostname_result = NULL;
  g_autofree char *name = NULL;
  g_autofree char *hostname = NULL;
  g_autofree char *sync_hostname = NULL;
  GVirConnection *conn = open_test_connection ();
  AsyncWait wait = { 0 };

  gvir_connection_get_hypervisor_name_async (conn, NULL, async_wait_cb, &wait);
  name_result = async_wait_finish (&wait, "gvir_connection_get_hypervisor_name_async");
  name = gvir_connection_get_hypervisor_name_finish (conn, name_result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "TEST");

  gvir_connection_get_version_async (conn, NULL, async_wait_cb, &wait);
  version_result = async_wait_finish (&wait, "gvir_connection_get_version_async");
  g_assert_cmpuint (gvir_connection_get_version_finish (conn, version_result, &error), ==, 2);
  g_assert_no_error (error);

  /* The test driver reports the real host name, like libvirt's. */
  sync_hostname = gvir_connection_get_hostname (conn, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sync_hostname, ==, g_get_host_name ());
  gvir_connection_get_hostname_async (conn, NULL, async_wait_cb, &wait);
  hostname_result = async_wait_finish (&wait, "gvir_connection_get_hostname_async");
  hostname = gvir_connection_get_hostname_finish (conn, hostname_result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hostname, ==, g_get_host_name ());

  g_clear_object (&name_result);
  g_clear_object (&version_result);
  g_clear_object (&hostname_result);
  close_and_finalize (conn);
}

static void
check_domain_capabilities (GVirConfigDomainCapabilities *caps, const char *machine)
{
  g_autoptr(GVirConfigDomainCapabilitiesOs) os = NULL;

  g_assert_nonnull (caps);
  g_assert_cmpstr (gvir_config_domain_capabilities_get_path (caps), ==, "/usr/bin/test-hv");
  g_assert_cmpint (gvir_config_domain_capabilities_get_virt_type (caps), ==,
                   GVIR_CONFIG_DOMAIN_VIRT_TEST);
  g_assert_cmpstr (gvir_config_domain_capabilities_get_machine (caps), ==, machine);
  g_assert_cmpstr (gvir_config_domain_capabilities_get_arch (caps), ==, "i686");
  g_assert_cmpuint (gvir_config_domain_capabilities_get_max_vcpus (caps), ==, 32);
  os = gvir_config_domain_capabilities_get_os (caps);
  g_assert_nonnull (os);
  g_assert_true (gvir_config_domain_capabilities_os_get_supported (os));
}

static void
test_domain_capabilities (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirConfigDomainCapabilities) caps = NULL;
  g_autoptr(GVirConfigDomainCapabilities) machine_caps = NULL;
  g_autoptr(GVirConfigDomainCapabilities) async_caps = NULL;
  g_autoptr(GVirConfigDomainCapabilities) refused = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) refused_result = NULL;
  GVirConnection *conn = open_test_connection ();
  AsyncWait wait = { 0 };

  caps = gvir_connection_get_domain_capabilities (conn, NULL, NULL, NULL, NULL, 0, &error);
  g_assert_no_error (error);
  check_domain_capabilities (caps, "test");

  /* Arguments that name what the host has are accepted. */
  machine_caps = gvir_connection_get_domain_capabilities (conn, "/usr/bin/test-hv", "i686",
                                                          "pc", "test", 0, &error);
  g_assert_no_error (error);
  check_domain_capabilities (machine_caps, "pc");

  gvir_connection_get_domain_capabilities_async (conn, NULL, "i686", NULL, NULL, 0, NULL,
                                                 async_wait_cb, &wait);
  result = async_wait_finish (&wait, "gvir_connection_get_domain_capabilities_async");
  async_caps = gvir_connection_get_domain_capabilities_finish (conn, result, &error);
  g_assert_no_error (error);
  check_domain_capabilities (async_caps, "test");

  /* An architecture or emulator the host lacks is not supported. */
  g_assert_null (gvir_connection_get_domain_capabilities (conn, NULL, "x86_64", NULL, NULL, 0,
                                                          &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED);
  g_assert_nonnull (strstr (error->message, "x86_64"));
  g_clear_error (&error);
  gvir_connection_get_domain_capabilities_async (conn, "/usr/bin/qemu", NULL, NULL, NULL, 0,
                                                 NULL, async_wait_cb, &wait);
  refused_result = async_wait_finish (&wait,
                                      "a refused gvir_connection_get_domain_capabilities_async");
  refused = gvir_connection_get_domain_capabilities_finish (conn, refused_result, &error);
  g_assert_null (refused);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED);

  g_clear_object (&result);
  g_clear_object (&refused_result);
  close_and_finalize (conn);
}

static void
test_boxed_and_init (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirNodeInfo) info = NULL;
  GVirNodeInfo *copy;
  GVirConnection *conn = open_test_connection ();
  int argc = 0;
  char **argv = NULL;

  /* Initialising again is harmless and succeeds. */
  g_assert_true (gvir_init_object_check (&argc, &argv, &error));
  g_assert_no_error (error);
  g_assert_true (gvir_init_object_check (NULL, NULL, NULL));

  g_assert_true (gvir_error_quark () == GVIR_ERROR);
  g_assert_cmpstr (g_quark_to_string (gvir_error_quark ()), ==, "gvir-error-quark");

  g_assert_true (gvir_node_info_get_type () == GVIR_TYPE_NODE_INFO);
  g_assert_true (G_TYPE_IS_BOXED (gvir_node_info_get_type ()));
  info = gvir_connection_get_node_info (conn, &error);
  g_assert_no_error (error);
  copy = gvir_node_info_copy (info);
  check_node_info (copy);
  g_assert_true (copy->model != info->model);
  gvir_node_info_free (copy);
  close_and_finalize (conn);
}

/* ---- read-only connections -------------------------------------------------- */

static void
assert_read_only_error (GError **error, const char *what)
{
  g_test_message ("%s", what);
  g_assert_error (*error, GVIR_ERROR, GVIR_ERROR_READ_ONLY);
  g_clear_error (error);
}

/* Opened read-only without blocking: queries work, every change is refused
 * with READ_ONLY and changes nothing. */
static void
test_read_only_async (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) start_result = NULL;
  g_autoptr(GVirConfigDomain) conf = make_domain_config ("ro-async",
                                                         "11111111-2222-3333-4444-0000000000e1");
  g_autoptr(GVirConfigDomain) own = NULL;
  g_autoptr(GVirDomain) dom = NULL;
  g_autoptr(GVirDomain) started = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gvir-ro-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  GVirConnection *conn = gvir_connection_new (TEST_URI);
  GVirConnection *rw = open_test_connection ();
  AsyncWait wait = { 0 };
  Recorder rec = { 0 };
  GList *domains;

  g_assert_no_error (error);
  path = g_build_filename (dir, "ro.save", NULL);
  recorder_watch_connection (&rec, conn);
  gvir_connection_open_read_only_async (conn, NULL, async_wait_cb, &wait);
  result = async_wait_finish (&wait, "gvir_connection_open_read_only_async");
  g_assert_cmpuint (rec.opened, ==, 1);
  g_assert_true (gvir_connection_open_read_only_finish (conn, result, &error));
  g_assert_no_error (error);
  g_assert_true (gvir_connection_is_open (conn));
  g_assert_true (gvir_connection_is_read_only (conn));

  dom = fetch_test_domain (conn);
  recorder_watch_domain (&rec, dom);
  name = gvir_connection_get_hypervisor_name (conn, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "TEST");
  own = gvir_domain_get_config (dom, GVIR_DOMAIN_XML_INACTIVE, &error);
  g_assert_no_error (error);

  g_assert_false (gvir_domain_stop (dom, 0, &error));
  assert_read_only_error (&error, "stop");
  g_assert_false (gvir_domain_shutdown (dom, 0, &error));
  assert_read_only_error (&error, "shutdown");
  g_assert_false (gvir_domain_reboot (dom, 0, &error));
  assert_read_only_error (&error, "reboot");
  g_assert_false (gvir_domain_suspend (dom, &error));
  assert_read_only_error (&error, "suspend");
  g_assert_false (gvir_domain_save (dom, 0, &error));
  assert_read_only_error (&error, "save");
  g_assert_false (gvir_domain_save_to_file (dom, path, NULL, 0, &error));
  assert_read_only_error (&error, "save_to_file");
  g_assert_false (gvir_domain_set_config (dom, own, &error));
  assert_read_only_error (&error, "set_config");
  g_assert_false (gvir_domain_delete (dom, 0, &error));
  assert_read_only_error (&error, "delete");
  g_assert_null (gvir_connection_create_domain (conn, conf, &error));
  assert_read_only_error (&error, "create_domain");
  g_assert_false (gvir_connection_restore_domain_from_file (conn, path, NULL, 0, &error));
  assert_read_only_error (&error, "restore_domain_from_file");
  gvir_connection_start_domain_async (conn, conf, 0, NULL, async_wait_cb, &wait);
  start_result = async_wait_finish (&wait,
                                    "gvir_connection_start_domain_async on a read-only connection");
  started = gvir_connection_start_domain_finish (conn, start_result, &error);
  g_assert_null (started);
  assert_read_only_error (&error, "start_domain_async");

  /* Nothing changed, as the read-write connection sees. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  assert_state (dom, GVIR_DOMAIN_STATE_RUNNING, REASON_RUNNING_UNKNOWN);
  recorder_expect (&rec, NULL);
  g_assert_true (gvir_connection_fetch_domains (rw, NULL, &error));
  g_assert_no_error (error);
  domains = gvir_connection_get_domains (rw);
  g_assert_cmpuint (g_list_length (domains), ==, 1);
  g_list_free_full (domains, g_object_unref);

  /* Closed and reopened read-write, the same object can change things. */
  gvir_connection_close (conn);
  g_assert_false (gvir_connection_is_read_only (conn));
  g_assert_true (gvir_connection_open (conn, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (gvir_connection_is_read_only (conn));

  g_clear_object (&result);
  g_clear_object (&start_result);
  g_clear_object (&dom);
  g_rmdir (dir);
  close_and_finalize (conn);
  close_and_finalize (rw);
}

/* A second open while open is refused, read-only or not, async or not. */
static void
test_open_twice (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) ro_result = NULL;
  GVirConnection *conn = open_test_connection ();
  AsyncWait wait = { 0 };

  g_assert_false (gvir_connection_open_read_only (conn, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
  g_clear_error (&error);
  gvir_connection_open_async (conn, NULL, async_wait_cb, &wait);
  result = async_wait_finish (&wait, "a second gvir_connection_open_async");
  g_assert_false (gvir_connection_open_finish (conn, result, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
  g_clear_error (&error);
  gvir_connection_open_read_only_async (conn, NULL, async_wait_cb, &wait);
  ro_result = async_wait_finish (&wait,
                                 "gvir_connection_open_read_only_async on an open connection");
  g_assert_false (gvir_connection_open_read_only_finish (conn, ro_result, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
  g_clear_error (&error);
  g_assert_false (gvir_connection_is_read_only (conn));

  g_clear_object (&result);
  g_clear_object (&ro_result);
  close_and_finalize (conn);
}

/* ---- transient domains without blocking ------------------------------------- */

static void
test_start_domain_async (void)
{
  const char *uuid = "11111111-2222-3333-4444-0000000000e2";
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirConfigDomain) conf = make_domain_config ("transient-async", uuid);
  g_autoptr(GVirConfigDomain) clash = make_domain_config ("test",
                                                          "11111111-2222-3333-4444-0000000000e3");
  g_autoptr(GVirDomain) dom = NULL;
  g_autoptr(GVirDomain) paused = NULL;
  g_autoptr(GVirDomain) refused = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) paused_result = NULL;
  g_autoptr(GAsyncResult) refused_result = NULL;
  GVirConnection *conn = open_test_connection ();
  AsyncWait wait = { 0 };
  Recorder rec = { 0 };
  gint id;

  /* Domain-added comes before any lifecycle signal of the new domain, so
   * handlers connected there miss none, however the call completes. */
  rec.watch_added = TRUE;
  recorder_watch_connection (&rec, conn);
  gvir_connection_start_domain_async (conn, conf, 0, NULL, async_wait_cb, &wait);
  result = async_wait_finish (&wait, "gvir_connection_start_domain_async");
  dom = gvir_connection_start_domain_finish (conn, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dom);
  recorder_expect (&rec, "started::booted", NULL);
  g_assert_cmpuint (rec.added, ==, 1);
  g_assert_cmpstr (gvir_domain_get_name (dom), ==, "transient-async");
  g_assert_cmpstr (gvir_domain_get_uuid (dom), ==, uuid);
  g_assert_false (gvir_domain_get_persistent (dom));
  assert_state (dom, GVIR_DOMAIN_STATE_RUNNING, REASON_RUNNING_BOOTED);
  id = gvir_domain_get_id (dom, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 1);
  {
    g_autoptr(GVirDomain) by_id = gvir_connection_find_domain_by_id (conn, id);
    g_assert_true (by_id == dom);
  }

  /* The name of an existing domain is refused, and nothing is added. */
  gvir_connection_start_domain_async (conn, clash, 0, NULL, async_wait_cb, &wait);
  refused_result = async_wait_finish (&wait, "a refused gvir_connection_start_domain_async");
  refused = gvir_connection_start_domain_finish (conn, refused_result, &error);
  g_assert_null (refused);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_EXISTS);
  g_clear_error (&error);
  spin_idle (NULL);
  g_assert_cmpuint (rec.added, ==, 1);

  g_assert_true (gvir_domain_stop (dom, 0, &error));
  g_assert_no_error (error);
  recorder_expect (&rec, "stopped::destroyed", NULL);
  g_assert_cmpuint (rec.removed, ==, 1);
  g_assert_null (gvir_connection_get_domain (conn, uuid));

  /* Started paused, it reports both events. */
  gvir_connection_start_domain_async (conn, conf, GVIR_DOMAIN_START_PAUSED, NULL,
                                      async_wait_cb, &wait);
  paused_result = async_wait_finish (&wait, "gvir_connection_start_domain_async, paused");
  paused = gvir_connection_start_domain_finish (conn, paused_result, &error);
  g_assert_no_error (error);
  /* The connection hands out the object it made before for that UUID. */
  g_assert_true (paused == dom);
  recorder_expect (&rec, "started::booted", "suspended::paused", NULL);
  assert_state (paused, GVIR_DOMAIN_STATE_PAUSED, REASON_PAUSED_USER);
  g_assert_cmpuint (rec.added, ==, 2);

  g_clear_object (&result);
  g_clear_object (&paused_result);
  g_clear_object (&refused_result);
  close_and_finalize (conn);
}

/* ---- every call on a closed connection, and cancelled ------------------------- */

typedef struct
{
  const char *name;
  gboolean (*sync) (GVirConnection *conn, GError **error);
  void (*start) (GVirConnection *conn, GCancellable *cancellable, AsyncWait *wait);
  gboolean (*finish) (GVirConnection *conn, GAsyncResult *result, GError **error);
} ConnOp;

/* Wrappers for the calls that return a string or an object. */
#define CONN_OP_POINTER(op, free_func) \
  static gboolean op##_sync (GVirConnection *conn, GError **error) \
  { \
    gpointer p = gvir_connection_##op (conn, error); \
    if (p != NULL) \
      free_func (p); \
    return p != NULL; \
  } \
  static void op##_start (GVirConnection *conn, GCancellable *cancellable, AsyncWait *wait) \
  { gvir_connection_##op##_async (conn, cancellable, async_wait_cb, wait); } \
  static gboolean op##_finish (GVirConnection *conn, GAsyncResult *result, GError **error) \
  { \
    gpointer p = gvir_connection_##op##_finish (conn, result, error); \
    if (p != NULL) \
      free_func (p); \
    return p != NULL; \
  }

CONN_OP_POINTER (get_hypervisor_name, g_free)
CONN_OP_POINTER (get_hostname, g_free)
CONN_OP_POINTER (get_node_info, gvir_node_info_free)
CONN_OP_POINTER (get_capabilities, g_object_unref)
CONN_OP_POINTER (get_host_nodeset, g_object_unref)

static void
free_cells (gpointer cells)
{
  g_list_free_full (cells, g_object_unref);
}

static gboolean
get_node_cells_sync (GVirConnection *conn, GError **error)
{
  GList *cells = gvir_connection_get_node_cells (conn, NULL, error);

  free_cells (cells);
  return cells != NULL;
}

static void
get_node_cells_start (GVirConnection *conn, GCancellable *cancellable, AsyncWait *wait)
{
  gvir_connection_get_node_cells_async (conn, cancellable, async_wait_cb, wait);
}

static gboolean
get_node_cells_finish (GVirConnection *conn, GAsyncResult *result, GError **error)
{
  GList *cells = gvir_connection_get_node_cells_finish (conn, result, error);

  free_cells (cells);
  return cells != NULL;
}

static gboolean
get_version_sync (GVirConnection *conn, GError **error)
{
  return gvir_connection_get_version (conn, error) != 0;
}

static void
get_version_start (GVirConnection *conn, GCancellable *cancellable, AsyncWait *wait)
{
  gvir_connection_get_version_async (conn, cancellable, async_wait_cb, wait);
}

static gboolean
get_version_finish (GVirConnection *conn, GAsyncResult *result, GError **error)
{
  return gvir_connection_get_version_finish (conn, result, error) != 0;
}

static gboolean
fetch_domains_sync (GVirConnection *conn, GError **error)
{
  return gvir_connection_fetch_domains (conn, NULL, error);
}

static void
fetch_domains_start (GVirConnection *conn, GCancellable *cancellable, AsyncWait *wait)
{
  gvir_connection_fetch_domains_async (conn, cancellable, async_wait_cb, wait);
}

static gboolean
get_domain_capabilities_sync (GVirConnection *conn, GError **error)
{
  g_autoptr(GVirConfigDomainCapabilities) caps =
    gvir_connection_get_domain_capabilities (conn, NULL, NULL, NULL, NULL, 0, error);

  return caps != NULL;
}

static void
get_domain_capabilities_start (GVirConnection *conn, GCancellable *cancellable, AsyncWait *wait)
{
  gvir_connection_get_domain_capabilities_async (conn, NULL, NULL, NULL, NULL, 0, cancellable,
                                                 async_wait_cb, wait);
}

static gboolean
get_domain_capabilities_finish (GVirConnection *conn, GAsyncResult *result, GError **error)
{
  g_autoptr(GVirConfigDomainCapabilities) caps =
    gvir_connection_get_domain_capabilities_finish (conn, result, error);

  return caps != NULL;
}

#define OP_UUID "11111111-2222-3333-4444-0000000000f1"

static gboolean
create_domain_sync (GVirConnection *conn, GError **error)
{
  g_autoptr(GVirConfigDomain) conf = make_domain_config ("op", OP_UUID);
  g_autoptr(GVirDomain) dom = gvir_connection_create_domain (conn, conf, error);

  return dom != NULL;
}

static void
create_domain_start (GVirConnection *conn, GCancellable *cancellable, AsyncWait *wait)
{
  g_autoptr(GVirConfigDomain) conf = make_domain_config ("op", OP_UUID);

  gvir_connection_create_domain_async (conn, conf, cancellable, async_wait_cb, wait);
}

static gboolean
create_domain_finish (GVirConnection *conn, GAsyncResult *result, GError **error)
{
  g_autoptr(GVirDomain) dom = gvir_connection_create_domain_finish (conn, result, error);

  return dom != NULL;
}

static gboolean
start_domain_sync (GVirConnection *conn, GError **error)
{
  g_autoptr(GVirConfigDomain) conf = make_domain_config ("op", OP_UUID);
  g_autoptr(GVirDomain) dom = gvir_connection_start_domain (conn, conf, 0, error);

  return dom != NULL;
}

static void
start_domain_start (GVirConnection *conn, GCancellable *cancellable, AsyncWait *wait)
{
  g_autoptr(GVirConfigDomain) conf = make_domain_config ("op", OP_UUID);

  gvir_connection_start_domain_async (conn, conf, 0, cancellable, async_wait_cb, wait);
}

static gboolean
start_domain_finish (GVirConnection *conn, GAsyncResult *result, GError **error)
{
  g_autoptr(GVirDomain) dom = gvir_connection_start_domain_finish (conn, result, error);

  return dom != NULL;
}

/* No file exists there: a call that reached the driver would fail with
 * NOT_FOUND, not with the error the caller expects. */
#define NO_SAVE_IMAGE "/nonexistent/gvir-test.save"

static gboolean
restore_domain_from_file_sync (GVirConnection *conn, GError **error)
{
  return gvir_connection_restore_domain_from_file (conn, NO_SAVE_IMAGE, NULL, 0, error);
}

static void
restore_domain_from_file_start (GVirConnection *conn, GCancellable *cancellable, AsyncWait *wait)
{
  gvir_connection_restore_domain_from_file_async (conn, NO_SAVE_IMAGE, NULL, 0, cancellable,
                                                  async_wait_cb, wait);
}

static gboolean
get_cells_free_memory_sync (GVirConnection *conn, GError **error)
{
  guint n = 0;
  g_autofree guint64 *free_mem = gvir_connection_get_cells_free_memory (conn, 0, 2, &n, error);

  return free_mem != NULL;
}

static void
get_cells_free_memory_start (GVirConnection *conn, GCancellable *cancellable, AsyncWait *wait)
{
  gvir_connection_get_cells_free_memory_async (conn, 0, 2, cancellable, async_wait_cb, wait);
}

static gboolean
get_cells_free_memory_finish (GVirConnection *conn, GAsyncResult *result, GError **error)
{
  guint n = 0;
  g_autofree guint64 *free_mem = gvir_connection_get_cells_free_memory_finish (conn, result,
                                                                               &n, error);

  return free_mem != NULL;
}

static GVirNodeset *
node_zero (void)
{
  g_autoptr(GError) error = NULL;
  GVirNodeset *nodes = gvir_nodeset_new_from_string ("0", &error);

  g_assert_no_error (error);
  return nodes;
}

static gboolean
nodeset_is_available_sync (GVirConnection *conn, GError **error)
{
  g_autoptr(GVirNodeset) nodes = node_zero ();

  return gvir_connection_nodeset_is_available (conn, nodes, error);
}

static void
nodeset_is_available_start (GVirConnection *conn, GCancellable *cancellable, AsyncWait *wait)
{
  g_autoptr(GVirNodeset) nodes = node_zero ();

  gvir_connection_nodeset_is_available_async (conn, nodes, cancellable, async_wait_cb, wait);
}

#define CONN_OP(name) { #name, name##_sync, name##_start, gvir_connection_##name##_finish }
#define CONN_OP_WRAPPED(name) { #name, name##_sync, name##_start, name##_finish }

static const ConnOp conn_ops[] = {
  CONN_OP_WRAPPED (get_hypervisor_name),
  CONN_OP_WRAPPED (get_version),
  CONN_OP_WRAPPED (get_hostname),
  CONN_OP_WRAPPED (get_node_info),
  CONN_OP_WRAPPED (get_capabilities),
  CONN_OP_WRAPPED (get_domain_capabilities),
  CONN_OP_WRAPPED (get_node_cells),
  CONN_OP_WRAPPED (get_cells_free_memory),
  CONN_OP_WRAPPED (get_host_nodeset),
  CONN_OP (nodeset_is_available),
  CONN_OP (fetch_domains),
  CONN_OP_WRAPPED (create_domain),
  CONN_OP_WRAPPED (start_domain),
  CONN_OP (restore_domain_from_file),
};

static void
assert_every_conn_op_fails (GVirConnection *conn, GCancellable *cancellable, GQuark domain,
                            gint code)
{
  for (gsize i = 0; i < G_N_ELEMENTS (conn_ops); i++)
    {
      const ConnOp *op = &conn_ops[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) async_error = NULL;
      g_autoptr(GAsyncResult) result = NULL;
      g_autofree char *what = g_strdup_printf ("gvir_connection_%s_async", op->name);
      AsyncWait wait = { 0 };

      g_test_message ("gvir_connection_%s", op->name);
      if (cancellable == NULL)
        {
          g_assert_false (op->sync (conn, &error));
          g_assert_error (error, domain, code);
        }
      op->start (conn, cancellable, &wait);
      result = async_wait_finish (&wait, what);
      g_assert_false (op->finish (conn, result, &async_error));
      g_assert_error (async_error, domain, code);
    }
}

static void
test_closed_errors (void)
{
  g_autoptr(GError) error = NULL;
  GVirConnection *conn = gvir_connection_new (TEST_URI);
  Recorder rec = { 0 };

  /* Never opened, then opened and closed: the same answers. */
  recorder_watch_connection (&rec, conn);
  assert_every_conn_op_fails (conn, NULL, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  g_assert_true (gvir_connection_open (conn, NULL, &error));
  g_assert_no_error (error);
  gvir_connection_close (conn);
  assert_every_conn_op_fails (conn, NULL, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  spin_idle (NULL);
  g_assert_cmpuint (rec.added, ==, 0);
  g_assert_cmpuint (rec.closed, ==, 1);
  close_and_finalize (conn);
}

/* Cancelled before they ran, the calls fail with CANCELLED and change
 * nothing. */
static void
test_cancelled_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  GVirConnection *conn = open_test_connection ();
  GVirConnection *other = open_test_connection ();
  Recorder rec = { 0 };
  GList *domains;

  recorder_watch_connection (&rec, conn);
  g_cancellable_cancel (cancellable);
  assert_every_conn_op_fails (conn, cancellable, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (gvir_connection_get_node_cells (conn, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  g_assert_true (gvir_connection_fetch_domains (other, NULL, &error));
  g_assert_no_error (error);
  domains = gvir_connection_get_domains (other);
  g_assert_cmpuint (g_list_length (domains), ==, 1);
  g_list_free_full (domains, g_object_unref);
  spin_idle (NULL);
  g_assert_cmpuint (rec.added, ==, 0);
  close_and_finalize (conn);
  close_and_finalize (other);
}

/* A domain deleted through another connection and missing from a fetch
 * leaves the cache once: the driver's later event does not remove it a
 * second time. */
static void
test_fetch_drops_vanished (void)
{
  const char *uuid = "11111111-2222-3333-4444-0000000000f2";
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirConfigDomain) conf = make_domain_config ("vanishing", uuid);
  g_autoptr(GVirDomain) there = NULL;
  g_autoptr(GVirDomain) here = NULL;
  GVirConnection *conn = open_test_connection ();
  GVirConnection *other = open_test_connection ();
  Recorder rec = { 0 };
  GList *domains;

  there = gvir_connection_create_domain (other, conf, &error);
  g_assert_no_error (error);
  g_assert_true (gvir_connection_fetch_domains (conn, NULL, &error));
  g_assert_no_error (error);
  here = gvir_connection_get_domain (conn, uuid);
  g_assert_nonnull (here);
  recorder_watch_connection (&rec, conn);
  recorder_watch_domain (&rec, here);
  recorder_forget (&rec);

  /* Deleted there; fetched here before this context ran the event. */
  g_assert_true (gvir_domain_delete (there, 0, &error));
  g_assert_no_error (error);
  g_assert_true (gvir_connection_fetch_domains (conn, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (gvir_connection_get_domain (conn, uuid));
  recorder_expect (&rec, NULL);
  g_assert_cmpuint (rec.removed, ==, 1);
  g_assert_cmpuint (rec.added, ==, 0);
  domains = gvir_connection_get_domains (conn);
  g_assert_cmpuint (g_list_length (domains), ==, 1);
  g_assert_cmpstr (gvir_domain_get_name (domains->data), ==, "test");
  g_list_free_full (domains, g_object_unref);

  g_clear_object (&here);
  close_and_finalize (other);
  close_and_finalize (conn);
}

static void
test_uri_property (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  GVirConnection *conn = gvir_connection_new (TEST_URI);
  GVirConnection *nowhere = gvir_connection_new (NULL);

  g_object_get (conn, "uri", &uri, NULL);
  g_assert_cmpstr (uri, ==, TEST_URI);
  g_assert_finalize_object (conn);

  /* Without a URI there is nothing to open. */
  g_assert_null (gvir_connection_get_uri (nowhere));
  g_assert_false (gvir_connection_open (nowhere, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_URI);
  g_assert_false (gvir_connection_is_open (nowhere));
  g_assert_finalize_object (nowhere);
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
  g_test_add_func ("/gvir/connection/host-queries-async", test_host_queries_async);
  g_test_add_func ("/gvir/connection/domain-capabilities", test_domain_capabilities);
  g_test_add_func ("/gvir/connection/boxed-and-init", test_boxed_and_init);
  g_test_add_func ("/gvir/connection/read-only-async", test_read_only_async);
  g_test_add_func ("/gvir/connection/open-twice", test_open_twice);
  g_test_add_func ("/gvir/connection/start-domain-async", test_start_domain_async);
  g_test_add_func ("/gvir/connection/errors/closed", test_closed_errors);
  g_test_add_func ("/gvir/connection/fetch-drops-vanished", test_fetch_drops_vanished);
  g_test_add_func ("/gvir/connection/uri-property", test_uri_property);
  g_test_add_func ("/gvir/connection/errors/cancelled", test_cancelled_errors);

  return g_test_run ();
}
