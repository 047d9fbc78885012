/*
 * bench-remote-rpc.c: get_info through the RPC client's asynchronous call
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Usage: bench-remote-rpc SOCKET [CALLS] [DOMAIN]   (defaults 20000, "test")
 *
 * The same 8 callers in flight as bench-remote, but each call is sent from
 * the main loop with gvir_rpc_client_call_async() and its reply comes back
 * to the main loop from the reader thread, without a worker thread per
 * call. This is the cost an asynchronous call of the public API would have
 * if it did not run the synchronous call in a GTask thread. Figures only.
 */
#include "config.h"

#include <stdlib.h>

#include "libvirt-gobject/rpc/gvir-rpc-client-private.h"
#include "libvirt-gobject/rpc/gvir-rpc-remote-private.h"

#define CONCURRENCY 8

typedef struct
{
  GVirRpcClient *client;
  GVirRpcDomain dom;
  GMainLoop *loop;
  GArray *latencies;
  guint issued;
  guint done;
  guint calls;
} Bench;

typedef struct
{
  Bench *bench;
  gint64 started;
  GBytes *reply;
  GError *error;
} Call;

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static void issue (Bench *b);

/* Main loop: what a GTask callback would see. */
static gboolean
on_done_in_main (gpointer data)
{
  Call *call = data;
  Bench *b = call->bench;
  GVirXdrReader reader;
  GVirRpcDomainInfo info;
  gint64 dt;

  if (call->reply == NULL)
    g_error ("get_info failed: %s", call->error->message);
  gvir_xdr_reader_init (&reader, g_bytes_get_data (call->reply, NULL),
                        g_bytes_get_size (call->reply));
  if (!gvir_rpc_get_domain_info (&reader, &info, &call->error))
    g_error ("bad reply: %s", call->error->message);
  dt = g_get_monotonic_time () - call->started;
  g_array_append_val (b->latencies, dt);
  g_bytes_unref (call->reply);
  g_free (call);

  if (++b->done == b->calls)
    g_main_loop_quit (b->loop);
  else if (b->issued < b->calls)
    issue (b);
  return G_SOURCE_REMOVE;
}

/* Reader thread: hand the outcome to the main loop. */
static void
on_reply (GBytes       *reply,
          const GError *error,
          gpointer      data)
{
  Call *call = data;

  call->reply = reply ? g_bytes_ref (reply) : NULL;
  call->error = error ? g_error_copy (error) : NULL;
  g_main_context_invoke (NULL, on_done_in_main, call);
}

static void
issue (Bench *b)
{
  g_autoptr(GByteArray) args = g_byte_array_new ();
  Call *call = g_new0 (Call, 1);

  call->bench = b;
  call->started = g_get_monotonic_time ();
  b->issued++;
  gvir_rpc_put_domain (args, &b->dom);
  gvir_rpc_client_call_async (b->client, GVIR_RPC_REMOTE_PROGRAM, GVIR_RPC_PROC_DOMAIN_GET_INFO,
                              args, on_reply, call);
}

static void
open_connection (Bench      *b,
                 const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GByteArray) open_args = g_byte_array_new ();
  g_autoptr(GByteArray) lookup_args = g_byte_array_new ();
  g_autoptr(GBytes) reply = NULL;
  GVirXdrReader reader;

  gvir_xdr_put_opt_string (open_args, "test:///default");
  gvir_xdr_put_u32 (open_args, 0);
  gvir_xdr_put_string (lookup_args, name);
  if (!gvir_rpc_client_call (b->client, GVIR_RPC_REMOTE_PROGRAM, GVIR_RPC_PROC_AUTH_LIST,
                             NULL, NULL, NULL, &error) ||
      !gvir_rpc_client_call (b->client, GVIR_RPC_REMOTE_PROGRAM, GVIR_RPC_PROC_CONNECT_OPEN,
                             open_args, NULL, NULL, &error) ||
      !gvir_rpc_client_call (b->client, GVIR_RPC_REMOTE_PROGRAM,
                             GVIR_RPC_PROC_DOMAIN_LOOKUP_BY_NAME, lookup_args, &reply, NULL,
                             &error))
    g_error ("cannot open the connection: %s", error->message);
  gvir_xdr_reader_init (&reader, g_bytes_get_data (reply, NULL), g_bytes_get_size (reply));
  if (!gvir_rpc_get_domain (&reader, &b->dom, &error))
    g_error ("bad lookup reply: %s", error->message);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  GVirRpcTransport *transport;
  Bench b = { 0 };
  gint64 start, elapsed;
  gint64 *v;
  guint i, n;

  b.calls = argc > 2 ? (guint) atoi (argv[2]) : 20000;
  if (argc < 2 || b.calls == 0)
    {
      g_printerr ("usage: %s SOCKET [CALLS] [DOMAIN]\n", argv[0]);
      return 2;
    }
  transport = gvir_rpc_transport_connect_unix (argv[1], NULL, &error);
  if (transport == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  b.client = gvir_rpc_client_new (transport);
  gvir_rpc_client_start (b.client);
  open_connection (&b, argc > 3 ? argv[3] : "test");

  b.loop = g_main_loop_new (NULL, FALSE);
  b.latencies = g_array_sized_new (FALSE, FALSE, sizeof (gint64), b.calls);
  start = g_get_monotonic_time ();
  for (i = 0; i < CONCURRENCY && i < b.calls; i++)
    issue (&b);
  g_main_loop_run (b.loop);
  elapsed = g_get_monotonic_time () - start;

  g_array_sort (b.latencies, compare_gint64);
  v = (gint64 *) b.latencies->data;
  n = b.latencies->len;
  g_print ("%-28s %8u calls  %9.0f calls/s  median %7.1f us  p99 %7.1f us\n",
           "rpc, 8 callers (no thread)", n, n / (elapsed / (double) G_USEC_PER_SEC),
           (double) v[n / 2], (double) v[MIN (n - 1, (guint) (n * 0.99))]);

  g_array_unref (b.latencies);
  g_main_loop_unref (b.loop);
  gvir_rpc_domain_clear (&b.dom);
  gvir_rpc_client_free (b.client);
  return 0;
}
