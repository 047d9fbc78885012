/*
 * bench-remote.c: get_info throughput and latency through the remote driver
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Usage: bench-remote URI [CALLS] [DOMAIN] [MODE]
 *        (defaults 20000, "test", "all"; MODE is sync, async or all)
 *
 * Measures gvir_domain_get_info() on one domain: one synchronous caller,
 * then 8 asynchronous callers kept in flight on one connection. Prints
 * calls per second, the median and 99th percentile latency, and the
 * process CPU time per call (all threads). Figures only;
 * bench/bench-remote.sh runs it against a real libvirtd next to libvirt's
 * own client.
 */
#include "config.h"

#include <stdlib.h>
#include <sys/resource.h>
#include <libvirt-gobject/libvirt-gobject.h>

#define CONCURRENCY 8

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* CPU time of the whole process (every thread), user plus system. */
static gint64
process_cpu_us (void)
{
  struct rusage ru;

  getrusage (RUSAGE_SELF, &ru);
  return (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * G_USEC_PER_SEC +
         ru.ru_utime.tv_usec + ru.ru_stime.tv_usec;
}

/* CPU is reported per call, so that a client that keeps fewer cores busy
 * for the same throughput shows it. */
static void
report (const char *label,
        GArray     *latencies,
        gint64      elapsed_us,
        gint64      cpu_us)
{
  gint64 *v = (gint64 *) latencies->data;
  guint n = latencies->len;

  g_array_sort (latencies, compare_gint64);
  g_print ("%-28s %8u calls  %9.0f calls/s  median %7.1f us  p99 %7.1f us  cpu %6.1f us/call\n",
           label, n, n / (elapsed_us / (double) G_USEC_PER_SEC),
           (double) v[n / 2], (double) v[MIN (n - 1, (guint) (n * 0.99))],
           cpu_us / (double) n);
}

static void
bench_sync (GVirDomain *dom,
            guint       calls,
            const char *label)
{
  g_autoptr(GArray) latencies = g_array_sized_new (FALSE, FALSE, sizeof (gint64), calls);
  gint64 start = g_get_monotonic_time ();
  gint64 cpu = process_cpu_us ();
  guint i;

  for (i = 0; i < calls; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 t0 = g_get_monotonic_time ();
      GVirDomainInfo *info = gvir_domain_get_info (dom, &error);
      gint64 dt = g_get_monotonic_time () - t0;

      if (info == NULL)
        g_error ("get_info failed: %s", error->message);
      g_boxed_free (GVIR_TYPE_DOMAIN_INFO, info);
      g_array_append_val (latencies, dt);
    }
  report (label, latencies, g_get_monotonic_time () - start, process_cpu_us () - cpu);
}

typedef struct
{
  GVirDomain *dom;
  GMainLoop *loop;
  GArray *latencies;
  guint issued;
  guint done;
  guint calls;
} AsyncBench;

typedef struct
{
  AsyncBench *bench;
  gint64 started;
} AsyncCall;

static void issue (AsyncBench *b);

static void
on_info (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  AsyncCall *call = data;
  AsyncBench *b = call->bench;
  g_autoptr(GError) error = NULL;
  GVirDomainInfo *info = gvir_domain_get_info_finish (GVIR_DOMAIN (source), result, &error);
  gint64 dt = g_get_monotonic_time () - call->started;

  if (info == NULL)
    g_error ("get_info_async failed: %s", error->message);
  g_boxed_free (GVIR_TYPE_DOMAIN_INFO, info);
  g_array_append_val (b->latencies, dt);
  g_free (call);

  if (++b->done == b->calls)
    g_main_loop_quit (b->loop);
  else if (b->issued < b->calls)
    issue (b);
}

static void
issue (AsyncBench *b)
{
  AsyncCall *call = g_new0 (AsyncCall, 1);

  call->bench = b;
  call->started = g_get_monotonic_time ();
  b->issued++;
  gvir_domain_get_info_async (b->dom, NULL, on_info, call);
}

static void
bench_async (GVirDomain *dom,
             guint       calls)
{
  AsyncBench b = { .dom = dom, .calls = calls };
  gint64 start, cpu;
  guint i;

  b.loop = g_main_loop_new (NULL, FALSE);
  b.latencies = g_array_sized_new (FALSE, FALSE, sizeof (gint64), calls);
  start = g_get_monotonic_time ();
  cpu = process_cpu_us ();
  for (i = 0; i < CONCURRENCY && i < calls; i++)
    issue (&b);
  g_main_loop_run (b.loop);
  report ("ours, 8 callers (async)", b.latencies, g_get_monotonic_time () - start,
          process_cpu_us () - cpu);
  g_array_unref (b.latencies);
  g_main_loop_unref (b.loop);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirConnection) conn = NULL;
  g_autoptr(GVirDomain) dom = NULL;
  guint calls = argc > 2 ? (guint) atoi (argv[2]) : 20000;
  const char *name = argc > 3 ? argv[3] : "test";
  const char *mode = argc > 4 ? argv[4] : "all";
  gboolean sync_mode = g_str_equal (mode, "sync") || g_str_equal (mode, "all");
  gboolean async_mode = g_str_equal (mode, "async") || g_str_equal (mode, "all");

  if (argc < 2 || calls == 0 || !(sync_mode || async_mode))
    {
      g_printerr ("usage: %s URI [CALLS] [DOMAIN] [sync|async|all]\n", argv[0]);
      return 2;
    }

  conn = gvir_connection_new (argv[1]);
  if (!gvir_connection_open (conn, NULL, &error) ||
      !gvir_connection_fetch_domains (conn, NULL, &error))
    {
      g_printerr ("cannot open %s: %s\n", argv[1], error->message);
      return 1;
    }
  dom = gvir_connection_find_domain_by_name (conn, name);
  if (dom == NULL)
    {
      g_printerr ("no domain named '%s' on %s\n", name, argv[1]);
      return 1;
    }

  /* Warm up the connection and the thread pool. */
  bench_sync (dom, MIN (calls, 1000), "ours, warm-up");
  if (sync_mode)
    bench_sync (dom, calls, "ours, 1 caller (sync)");
  if (async_mode)
    bench_async (dom, calls);
  gvir_connection_close (conn);
  return 0;
}
