/*
 * rpc-test-peer.c: helpers for tests that play the server by hand
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "rpc-test-peer.h"
#include "gvir-test-wait.h"

gboolean
rpc_test_peer_read_exact (GVirRpcTransport *t,
                          guint8           *buf,
                          gsize             len,
                          const char       *what)
{
  gsize got = 0;

  while (got < len)
    {
      gssize n;

      if (gvir_rpc_transport_wait_readable (t, gvir_test_wait_bound_usec (), NULL) == 0)
        gvir_test_wait_timed_out (what);
      n = gvir_rpc_transport_read (t, buf + got, len - got, NULL);
      if (n <= 0)
        return FALSE;
      got += n;
    }
  return TRUE;
}

void
rpc_test_wait_io_thread_settled (GVirRpcClient *client)
{
  gint64 end = g_get_monotonic_time () + gvir_test_wait_bound_usec ();

  for (guint settled_checks = 0; settled_checks < 2;)
    {
      if (g_get_monotonic_time () > end)
        g_error ("the I/O thread did not settle into its wait");
      if (gvir_rpc_client_io_thread_settled (client))
        settled_checks++;
      else
        settled_checks = 0;
      g_usleep (G_USEC_PER_SEC / 50);
    }
}
