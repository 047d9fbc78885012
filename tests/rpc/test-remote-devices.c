/*
 * test-remote-devices.c: the remote driver's device and guest calls
 * against the test driver of a real libvirtd, or of gvird with
 * GVIR_REMOTE_PEER=gvird (remote-peer.h): the same cases, the same
 * expected values
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include "libvirt-gobject/drivers/gvir-driver-private.h"
#include "remote-peer.h"

#define TEST_UUID "6695eb01-f6a4-8304-79aa-97f2502e193f"

static RemotePeer *peer;

static GVirDriverConnection *
open_peer (void)
{
  g_autoptr(GError) error = NULL;
  GVirDriverConnection *conn = gvir_driver_connection_open (peer->uri, FALSE, NULL, NULL, NULL,
                                                            &error);

  g_assert_no_error (error);
  g_assert_nonnull (conn);
  return conn;
}

/* libvirt's test driver derives every counter from one clock reading by
 * a fixed divisor: the ratios are what can be compared. */
static void
test_block_stats (void)
{
  g_autoptr(GVirDriverConnection) conn = open_peer ();
  g_autoptr(GError) error = NULL;
  GVirDriverBlockStats stats = { 0 };

  g_assert_true (gvir_driver_connection_get_block_stats (conn, TEST_UUID, "vda", &stats, NULL,
                                                         &error));
  g_assert_no_error (error);
  g_assert_cmpint (stats.rd_req, >, 0);
  g_assert_cmpint (stats.rd_bytes, ==, stats.rd_req / 2);
  g_assert_cmpint (stats.wr_req, ==, stats.rd_req / 3);
  g_assert_cmpint (stats.wr_bytes, ==, stats.rd_req / 4);

  g_assert_false (gvir_driver_connection_get_block_stats (conn, TEST_UUID, "vdz", &stats, NULL,
                                                          &error));
  g_assert_nonnull (error);
  g_test_message ("unknown disk: %s", error->message);
}

static void
test_interface_stats (void)
{
  g_autoptr(GVirDriverConnection) conn = open_peer ();
  g_autoptr(GError) error = NULL;
  GVirDriverInterfaceStats stats = { 0 };

  g_assert_true (gvir_driver_connection_get_interface_stats (conn, TEST_UUID, "testnet0", &stats,
                                                             NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stats.rx_bytes, >, 0);
  g_assert_cmpint (stats.rx_packets, ==, stats.rx_bytes / 10);
  g_assert_cmpint (stats.tx_bytes, ==, stats.rx_bytes / 2);
}

static void
test_guest (void)
{
  g_autoptr(GVirDriverConnection) conn = open_peer ();
  g_autoptr(GError) error = NULL;

  g_assert_true (gvir_driver_connection_set_time (conn, TEST_UUID, 1733312000, 500, 0, NULL,
                                                  &error));
  g_assert_no_error (error);
  g_assert_true (gvir_driver_connection_set_time (conn, TEST_UUID, 0, 0, GVIR_DRIVER_TIME_SYNC,
                                                  NULL, &error));
  g_assert_no_error (error);

  /* The default domain runs: there is nothing to wake up. */
  g_assert_false (gvir_driver_connection_pm_wakeup (conn, TEST_UUID, 0, NULL, &error));
  g_assert_nonnull (error);
  g_assert_true (error->code == GVIR_ERROR_OPERATION_INVALID ||
                 error->code == GVIR_ERROR_NOT_SUPPORTED);
  g_test_message ("wakeup of a running domain: %s", error->message);
}

/* The balloon over the wire: libvirt's test driver sets the current
 * memory at once; a peer whose driver has no balloon says NOT_SUPPORTED.
 * Either way the call travels and its answer comes back whole. */
static void
test_balloon (void)
{
  g_autoptr(GVirDriverConnection) conn = open_peer ();
  g_autoptr(GError) error = NULL;
  GVirDriverMemoryStat stats[GVIR_DRIVER_MEMORY_STAT_NR];
  GVirDriverDomainInfo info = { 0 };
  guint64 before;
  int n;

  g_assert_true (gvir_driver_connection_get_domain_info (conn, TEST_UUID, &info, NULL, &error));
  g_assert_no_error (error);
  before = info.memory_kib;
  if (!gvir_driver_connection_set_memory (conn, TEST_UUID, before / 2, 0, NULL, &error))
    {
      g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED);
      g_test_message ("set memory: %s", error->message);
      g_clear_error (&error);
    }
  else
    {
      g_assert_true (gvir_driver_connection_get_domain_info (conn, TEST_UUID, &info, NULL,
                                                             &error));
      g_assert_cmpuint (info.memory_kib, ==, before / 2);
      g_assert_true (gvir_driver_connection_set_memory (conn, TEST_UUID, before, 0, NULL,
                                                        &error));
      g_assert_no_error (error);
      /* Above the maximum: libvirt's invalid argument. */
      g_assert_false (gvir_driver_connection_set_memory (conn, TEST_UUID, info.max_mem_kib + 1,
                                                         0, NULL, &error));
      g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
      g_clear_error (&error);
    }

  n = gvir_driver_connection_get_memory_stats (conn, TEST_UUID, stats, G_N_ELEMENTS (stats), 0,
                                               NULL, &error);
  if (n < 0)
    {
      g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED);
      return;
    }
  g_assert_no_error (error);
  g_assert_cmpint (n, <=, G_N_ELEMENTS (stats));
  for (int i = 0; i < n; i++)
    g_assert_cmpint (stats[i].tag, <, GVIR_DRIVER_MEMORY_STAT_NR);
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

  g_test_add_func ("/rpc/devices/block-stats", test_block_stats);
  g_test_add_func ("/rpc/devices/interface-stats", test_interface_stats);
  g_test_add_func ("/rpc/devices/guest", test_guest);
  g_test_add_func ("/rpc/devices/balloon", test_balloon);

  ret = g_test_run ();
  remote_peer_stop (peer);
  return ret;
}
