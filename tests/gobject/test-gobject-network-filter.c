/*
 * test-gobject-network-filter.c: GVirNetworkFilter and the connection's
 * filter cache: none on the test driver (as libvirt's), a scripted
 * libvirtd's through the remote driver
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
#include "fake-libvirtd.h"
#include "libvirt-gobject/rpc/gvir-rpc-remote-private.h"

/* The cache is keyed by UUID: these make its unsorted order differ from
 * the name order, so that the list's sorting shows. */
#define CLEAN_UUID "99999999-8888-7777-6666-5555555555bb"
#define ARP_UUID "11111111-2222-3333-4444-5555555555aa"
#define SPOOF_UUID "55555555-4444-3333-2222-1111111111dd"
#define BROKEN_UUID "00000000-0000-0000-0000-0000000000cc"

static const char clean_xml[] =
  "<filter name='clean-traffic' chain='root'>\n"
  "  <uuid>" CLEAN_UUID "</uuid>\n"
  "  <filterref filter='allow-arp'/>\n"
  "</filter>\n";
static const char arp_xml[] =
  "<filter name='allow-arp' chain='arp' priority='-500'>\n"
  "  <uuid>" ARP_UUID "</uuid>\n"
  "  <rule action='accept' direction='inout' priority='500'/>\n"
  "</filter>\n";
static const char spoof_xml[] =
  "<filter name='no-spoofing' chain='root'>\n"
  "  <uuid>" SPOOF_UUID "</uuid>\n"
  "</filter>\n";

/* A scripted libvirtd with three filters, not listed in name order, and
 * an open connection to it. */
typedef struct
{
  FakeLibvirtd *fake;
  GVirConnection *conn;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;

  f->fake = fake_libvirtd_new ();
  fake_libvirtd_add_nwfilter (f->fake, "clean-traffic", CLEAN_UUID, clean_xml);
  fake_libvirtd_add_nwfilter (f->fake, "no-spoofing", SPOOF_UUID, spoof_xml);
  fake_libvirtd_add_nwfilter (f->fake, "allow-arp", ARP_UUID, arp_xml);
  uri = fake_libvirtd_get_uri (f->fake);
  f->conn = gvir_connection_new (uri);
  g_assert_true (gvir_connection_open (f->conn, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gvir_connection_fetch_network_filters (f->conn, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gvir_connection_close (f->conn);
  g_clear_object (&f->conn);
  fake_libvirtd_free (f->fake);
}

/* Like libvirt's test driver, test:///default has no network filters. */
static void
test_test_driver_unsupported (void)
{
  g_autoptr(GVirConnection) conn = gvir_connection_new (TEST_URI);
  g_autoptr(GError) error = NULL;

  g_assert_true (gvir_connection_open (conn, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (gvir_connection_fetch_network_filters (conn, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED);
  g_assert_null (gvir_connection_get_network_filters (conn));
  g_assert_null (gvir_connection_get_network_filter (conn, "clean-traffic"));
}

/* Sorted by name, with the listed names and UUIDs; looked up by name. */
static void
test_list (Fixture *f, gconstpointer data)
{
  g_autoptr(GVirNetworkFilter) arp = gvir_connection_get_network_filter (f->conn, "allow-arp");
  g_autoptr(GVirNetworkFilter) missing = gvir_connection_get_network_filter (f->conn, "no-ip");
  GList *filters = gvir_connection_get_network_filters (f->conn);
  g_autoptr(GString) seen = g_string_new (NULL);
  GList *l;

  for (l = filters; l != NULL; l = l->next)
    g_string_append_printf (seen, "%s=%s ", gvir_network_filter_get_name (l->data),
                            gvir_network_filter_get_uuid (l->data));
  g_assert_cmpstr (seen->str, ==,
                   "allow-arp=" ARP_UUID " clean-traffic=" CLEAN_UUID
                   " no-spoofing=" SPOOF_UUID " ");
  g_assert_true (g_type_is_a (gvir_network_filter_get_type (), G_TYPE_OBJECT));
  g_assert_true (G_TYPE_IS_FINAL (GVIR_TYPE_NETWORK_FILTER));
  g_assert_true (G_OBJECT_TYPE (filters->data) == GVIR_TYPE_NETWORK_FILTER);
  g_assert_true (filters->data == arp);
  g_assert_null (missing);
  g_list_free_full (filters, g_object_unref);
}

/* The definition comes from NWFILTER_GET_XML_DESC, whose reference
 * carries the filter's own name and UUID. */
static void
test_config (Fixture *f, gconstpointer data)
{
  g_autoptr(GVirNetworkFilter) arp = gvir_connection_get_network_filter (f->conn, "allow-arp");
  g_autoptr(GVirConfigNetworkFilter) conf = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) args = NULL;
  g_auto(GVirRpcNwfilterGetXmlDescArgs) sent = { 0 };
  g_autofree char *sent_uuid = NULL;

  g_assert_nonnull (arp);
  conf = gvir_network_filter_get_config (arp, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gvir_config_network_filter_get_name (conf), ==, "allow-arp");
  g_assert_cmpstr (gvir_config_network_filter_get_uuid (conf), ==, ARP_UUID);
  g_assert_cmpstr (gvir_config_network_filter_get_chain (conf), ==, "arp");

  g_assert_cmpuint (fake_libvirtd_count_calls (f->fake, GVIR_RPC_PROC_NWFILTER_GET_XML_DESC),
                    ==, 1);
  args = fake_libvirtd_dup_last_args (f->fake, GVIR_RPC_PROC_NWFILTER_GET_XML_DESC);
  g_assert_true (gvir_rpc_decode_nwfilter_get_xml_desc_args (g_bytes_get_data (args, NULL),
                                                             g_bytes_get_size (args), &sent,
                                                             &error));
  g_assert_no_error (error);
  sent_uuid = gvir_rpc_uuid_format (sent.nwfilter.uuid);
  g_assert_cmpstr (sent.nwfilter.name, ==, "allow-arp");
  g_assert_cmpstr (sent_uuid, ==, ARP_UUID);
  g_assert_cmpuint (sent.flags, ==, 0);
}

/* libvirt's "no nwfilter" (a filter undefined since the fetch) is
 * NOT_FOUND; a description that is not XML is GVIR_ERROR_XML. */
static void
test_config_errors (Fixture *f, gconstpointer data)
{
  g_autoptr(GVirNetworkFilter) clean = gvir_connection_get_network_filter (f->conn,
                                                                           "clean-traffic");
  g_autoptr(GVirNetworkFilter) broken = NULL;
  g_autoptr(GError) error = NULL;

  fake_libvirtd_fail (f->fake, GVIR_RPC_PROC_NWFILTER_GET_XML_DESC, GVIR_RPC_ERR_NO_NWFILTER,
                      "Network filter not found: no nwfilter with matching uuid");
  g_assert_null (gvir_network_filter_get_config (clean, 0, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
  g_clear_error (&error);
  fake_libvirtd_clear_failures (f->fake);

  fake_libvirtd_add_nwfilter (f->fake, "broken", BROKEN_UUID, "<filter name='broken'");
  g_assert_true (gvir_connection_fetch_network_filters (f->conn, NULL, &error));
  g_assert_no_error (error);
  broken = gvir_connection_get_network_filter (f->conn, "broken");
  g_assert_nonnull (broken);
  g_assert_null (gvir_network_filter_get_config (broken, 0, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_XML);
  g_assert_nonnull (strstr (error->message, "'broken'"));
}

/* A second, asynchronous fetch keeps the objects. */
static void
test_fetch_async_identity (Fixture *f, gconstpointer data)
{
  g_autoptr(GVirNetworkFilter) first = gvir_connection_get_network_filter (f->conn,
                                                                           "clean-traffic");
  g_autoptr(GVirNetworkFilter) second = NULL;
  g_autoptr(GError) error = NULL;
  AsyncWait wait = { 0 };
  GAsyncResult *result;

  gvir_connection_fetch_network_filters_async (f->conn, NULL, async_wait_cb, &wait);
  result = async_wait_finish (&wait, "gvir_connection_fetch_network_filters_async");
  g_assert_true (gvir_connection_fetch_network_filters_finish (f->conn, result, &error));
  g_assert_no_error (error);
  g_object_unref (result);
  g_assert_cmpuint (fake_libvirtd_count_calls (f->fake, GVIR_RPC_PROC_CONNECT_LIST_ALL_NWFILTERS),
                    ==, 2);
  second = gvir_connection_get_network_filter (f->conn, "clean-traffic");
  g_assert_nonnull (first);
  g_assert_true (first == second);
}

static void
test_after_close (Fixture *f, gconstpointer data)
{
  g_autoptr(GVirNetworkFilter) filter = gvir_connection_get_network_filter (f->conn,
                                                                            "allow-arp");
  g_autoptr(GError) error = NULL;

  gvir_connection_close (f->conn);
  g_assert_null (gvir_connection_get_network_filters (f->conn));
  g_assert_null (gvir_connection_get_network_filter (f->conn, "allow-arp"));
  g_assert_cmpstr (gvir_network_filter_get_uuid (filter), ==, ARP_UUID);
  g_assert_null (gvir_network_filter_get_config (filter, 0, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  g_clear_error (&error);
  g_assert_false (gvir_connection_fetch_network_filters (f->conn, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
}

#define ADD_FAKE(path, fn) \
  g_test_add ((path), Fixture, NULL, fixture_set_up, (fn), fixture_tear_down)

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  gvir_init_object (&argc, &argv);

  g_test_add_func ("/gvir/network-filter/test-driver-unsupported", test_test_driver_unsupported);
  ADD_FAKE ("/gvir/network-filter/list", test_list);
  ADD_FAKE ("/gvir/network-filter/config", test_config);
  ADD_FAKE ("/gvir/network-filter/config-errors", test_config_errors);
  ADD_FAKE ("/gvir/network-filter/fetch-async-identity", test_fetch_async_identity);
  ADD_FAKE ("/gvir/network-filter/after-close", test_after_close);

  return g_test_run ();
}
