/*
 * bench-qemu-lifecycle.c: define + start to running, and destroy, of a tiny
 * TCG domain through our QEMU driver (qemu:///embed)
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Usage: bench-qemu-lifecycle ROOT DOMAIN_XML_FILE [ROUNDS]   (default 10)
 *
 * Each round defines the domain, starts it (the call returns once QEMU
 * runs the guest), destroys it (the call returns once QEMU is gone) and
 * undefines it, through the public API. Prints one line per round and the
 * medians, in milliseconds: "start" is define + start, "destroy" the
 * destroy call. Figures only; nothing is asserted.
 */

#include "config.h"

#include <stdlib.h>
#include <libvirt-gobject/libvirt-gobject.h>

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

static double
elapsed_ms (gint64 since)
{
  return (g_get_monotonic_time () - since) / 1000.0;
}

/* One round; FALSE with @error on any failure. */
static gboolean
run_round (GVirConnection *conn,
           const char     *xml,
           double         *start_ms,
           double         *destroy_ms,
           GError        **error)
{
  g_autoptr(GVirConfigDomain) conf = gvir_config_domain_new_from_xml (xml, error);
  g_autoptr(GVirDomain) dom = NULL;
  gint64 t0;
  gboolean ok;

  if (conf == NULL)
    return FALSE;
  t0 = g_get_monotonic_time ();
  dom = gvir_connection_create_domain (conn, conf, error);   /* defines it */
  if (dom == NULL || !gvir_domain_start (dom, 0, error))
    return FALSE;
  *start_ms = elapsed_ms (t0);

  t0 = g_get_monotonic_time ();
  ok = gvir_domain_stop (dom, 0, error);
  *destroy_ms = elapsed_ms (t0);
  return ok && gvir_domain_delete (dom, 0, error);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirConnection) conn = NULL;
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) destroys = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *uri = NULL;
  g_autofree char *xml = NULL;
  guint rounds, i;

  if (argc < 3)
    {
      g_printerr ("usage: %s ROOT DOMAIN_XML_FILE [ROUNDS]\n", argv[0]);
      return 2;
    }
  rounds = argc > 3 ? (guint) atoi (argv[3]) : 10;
  if (!g_file_get_contents (argv[2], &xml, NULL, &error))
    g_error ("%s", error->message);
  gvir_init_object (NULL, NULL);
  uri = g_strdup_printf ("qemu:///embed?root=%s", argv[1]);
  conn = gvir_connection_new (uri);
  if (!gvir_connection_open (conn, NULL, &error))
    g_error ("cannot open %s: %s", uri, error->message);

  for (i = 0; i < rounds; i++)
    {
      double start_ms = 0, destroy_ms = 0;

      if (!run_round (conn, xml, &start_ms, &destroy_ms, &error))
        g_error ("round %u: %s", i + 1, error->message);
      g_array_append_val (starts, start_ms);
      g_array_append_val (destroys, destroy_ms);
      g_print ("round %u: start %.1f ms, destroy %.1f ms\n", i + 1, start_ms, destroy_ms);
    }
  g_print ("median start %.1f ms destroy %.1f ms\n", median (starts), median (destroys));
  gvir_connection_close (conn);
  return 0;
}
