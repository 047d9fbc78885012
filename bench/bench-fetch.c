/*
 * bench-fetch.c: list every domain of a connection and read each one's info
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Usage: bench-fetch URI [EXPECTED-DOMAINS]
 *
 * Opens URI, then times gvir_connection_fetch_domains() followed by
 * gvir_domain_get_info() on every domain the cache then holds, and prints
 * one line of figures: the domain count, how many are running, the
 * seconds spent listing, reading infos and in total, and the process CPU
 * time over the same span. Figures only, nothing is judged.
 *
 * Uses only functions libvirt-glib 4.0 also has, so that
 * bench-fetch.sh can build the same source against the system's
 * libvirt-gobject-1.0 and compare both clients against one daemon.
 * BENCH_FETCH_LABEL names the library the binary was built against.
 */
#include <stdlib.h>
#include <sys/resource.h>

#include <libvirt-gobject/libvirt-gobject.h>

#ifndef BENCH_FETCH_LABEL
#define BENCH_FETCH_LABEL "libvirt-gobject"
#endif

/* CPU time of the whole process (every thread), user plus system. */
static gint64
process_cpu_us (void)
{
  struct rusage ru;

  getrusage (RUSAGE_SELF, &ru);
  return (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * G_USEC_PER_SEC +
         ru.ru_utime.tv_usec + ru.ru_stime.tv_usec;
}

static double
seconds (gint64 us)
{
  return us / (double) G_USEC_PER_SEC;
}

static GVirConnection *
open_connection (const char *uri,
                 gint64     *open_us)
{
  g_autoptr(GError) error = NULL;
  GVirConnection *conn = gvir_connection_new (uri);
  gint64 start = g_get_monotonic_time ();

  if (!gvir_connection_open (conn, NULL, &error))
    g_error ("cannot open %s: %s", uri, error->message);
  *open_us = g_get_monotonic_time () - start;
  return conn;
}

/* Reads every domain's info; returns how many are running. A failed call
 * ends the run: a figure that skipped domains would mislead. */
static guint
read_all_infos (GList *domains)
{
  guint running = 0;
  GList *l;

  for (l = domains; l != NULL; l = l->next)
    {
      g_autoptr(GError) error = NULL;
      GVirDomainInfo *info = gvir_domain_get_info (l->data, &error);

      if (info == NULL)
        g_error ("get_info on %s failed: %s",
                 gvir_domain_get_name (l->data), error->message);
      if (info->state == GVIR_DOMAIN_STATE_RUNNING)
        running++;
      g_boxed_free (GVIR_TYPE_DOMAIN_INFO, info);
    }
  return running;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  GVirConnection *conn;
  GList *domains;
  const char *uri;
  guint expected = 0, n, running;
  gint64 open_us, start, cpu, fetched, done;

  gvir_init_object (&argc, &argv);
  if (argc < 2 || argc > 3)
    {
      g_printerr ("usage: %s URI [EXPECTED-DOMAINS]\n", argv[0]);
      return 2;
    }
  uri = argv[1];
  if (argc == 3)
    expected = (guint) strtoul (argv[2], NULL, 10);

  conn = open_connection (uri, &open_us);

  start = g_get_monotonic_time ();
  cpu = process_cpu_us ();
  if (!gvir_connection_fetch_domains (conn, NULL, &error))
    g_error ("fetch_domains failed: %s", error->message);
  domains = gvir_connection_get_domains (conn);
  fetched = g_get_monotonic_time ();
  running = read_all_infos (domains);
  done = g_get_monotonic_time ();
  cpu = process_cpu_us () - cpu;

  n = g_list_length (domains);
  g_list_free_full (domains, g_object_unref);
  if (expected != 0 && n != expected)
    g_error ("%s listed %u domains, expected %u", uri, n, expected);

  g_print ("%-16s %6u domains  %6u running  open %7.3f s  fetch %7.3f s  "
           "get_info %7.3f s  total %7.3f s  cpu %7.3f s\n",
           BENCH_FETCH_LABEL, n, running, seconds (open_us),
           seconds (fetched - start), seconds (done - fetched),
           seconds (done - start), seconds (cpu));

  gvir_connection_close (conn);
  g_object_unref (conn);
  return 0;
}
