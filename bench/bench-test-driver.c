/*
 * bench-test-driver.c: how the object layer scales with many domains
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Usage: bench-test-driver [N_DOMAINS]   (default 10000)
 *
 * Writes a test driver configuration with N small but realistic domains to a
 * temporary directory, opens test:///that/file.xml and prints how long the
 * common operations take and the peak resident memory. It prints figures
 * only: timing depends on the machine, so nothing is asserted.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <libvirt-gobject/libvirt-gobject.h>

#define DEFAULT_N_DOMAINS 10000
#define N_CONFIG_ROUNDS 1000

static void
append_domain (GString *xml, guint i)
{
  /* Deterministic, distinct UUIDs and MACs derived from the index. */
  g_string_append_printf (xml,
    "  <domain type='test'>\n"
    "    <name>bench-%05u</name>\n"
    "    <uuid>6e1a0000-0000-4000-8000-%012x</uuid>\n"
    "    <memory unit='KiB'>%u</memory>\n"
    "    <currentMemory unit='KiB'>%u</currentMemory>\n"
    "    <vcpu placement='static'>%u</vcpu>\n"
    "    <os><type arch='x86_64' machine='pc'>hvm</type><boot dev='hd'/></os>\n"
    "    <on_poweroff>destroy</on_poweroff>\n"
    "    <devices>\n"
    "      <disk type='file' device='disk'>\n"
    "        <driver name='qemu' type='qcow2'/>\n"
    "        <source file='/var/lib/images/bench-%05u.qcow2'/>\n"
    "        <target dev='vda' bus='virtio'/>\n"
    "      </disk>\n"
    "      <interface type='network'>\n"
    "        <mac address='52:54:00:%02x:%02x:%02x'/>\n"
    "        <source network='default'/>\n"
    "        <model type='virtio'/>\n"
    "      </interface>\n"
    "    </devices>\n"
    "  </domain>\n",
    i, i, 524288 + (i % 8) * 131072, 524288, 1 + i % 4, i,
    (i >> 16) & 0xff, (i >> 8) & 0xff, i & 0xff);
}

static char *
write_config (const char *dir, guint n_domains, GError **error)
{
  g_autoptr(GString) xml = g_string_new ("<node>\n");
  g_autofree char *path = g_build_filename (dir, "bench.xml", NULL);

  for (guint i = 0; i < n_domains; i++)
    append_domain (xml, i);
  g_string_append (xml, "</node>\n");

  if (!g_file_set_contents (path, xml->str, xml->len, error))
    return NULL;
  return g_steal_pointer (&path);
}

/* Peak resident set size in KiB, or 0 when /proc is unavailable. */
static guint64
peak_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmHWM:");
  return line != NULL ? g_ascii_strtoull (line + strlen ("VmHWM:"), NULL, 10) : 0;
}

static void
report (const char *what, gint64 start, guint count)
{
  double ms = (g_get_monotonic_time () - start) / 1000.0;

  if (count > 1)
    g_print ("%-34s %10.1f ms  (%8.2f us each, %u calls)\n",
             what, ms, ms * 1000.0 / count, count);
  else
    g_print ("%-34s %10.1f ms\n", what, ms);
}

static gboolean
run (const char *uri, guint n_domains, GError **error)
{
  g_autoptr(GVirConnection) conn = gvir_connection_new (uri);
  GList *domains;
  guint n_fetched, n_rounds;
  gint64 start;
  gsize xml_bytes = 0;
  gboolean ok = FALSE;

  start = g_get_monotonic_time ();
  if (!gvir_connection_open (conn, NULL, error))
    return FALSE;
  report ("open", start, 1);

  start = g_get_monotonic_time ();
  if (!gvir_connection_fetch_domains (conn, NULL, error))
    return FALSE;
  report ("fetch_domains", start, 1);

  domains = gvir_connection_get_domains (conn);
  n_fetched = g_list_length (domains);
  if (n_fetched != n_domains)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_FAILED,
                   "Expected %u domains, the connection has %u", n_domains, n_fetched);
      goto out;
    }

  start = g_get_monotonic_time ();
  for (GList *l = domains; l != NULL; l = l->next)
    {
      g_autoptr(GVirDomainInfo) info = gvir_domain_get_info (l->data, error);

      if (info == NULL)
        goto out;
    }
  report ("get_info (all domains)", start, n_fetched);

  n_rounds = MIN (N_CONFIG_ROUNDS, n_fetched);
  start = g_get_monotonic_time ();
  for (GList *l = domains; l != NULL && n_rounds > 0; l = l->next)
    {
      g_autoptr(GVirConfigDomain) config = gvir_domain_get_config (l->data, 0, error);
      g_autofree char *xml = NULL;

      if (config == NULL)
        goto out;
      xml = gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (config));
      xml_bytes += strlen (xml);
      n_rounds--;
    }
  report ("get_config + to_xml", start, MIN (N_CONFIG_ROUNDS, n_fetched));
  g_print ("%-34s %10" G_GSIZE_FORMAT " bytes\n", "  (XML produced)", xml_bytes);

  gvir_connection_close (conn);
  ok = TRUE;

out:
  g_list_free_full (domains, g_object_unref);
  return ok;
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  guint n_domains = DEFAULT_N_DOMAINS;
  gint64 start;
  gboolean ok = FALSE;

  if (argc > 1)
    {
      guint64 n;

      if (!g_ascii_string_to_unsigned (argv[1], 10, 1, G_MAXUINT16 * 16, &n, &error))
        goto fail;
      n_domains = n;
    }

  dir = g_dir_make_tmp ("bench-test-driver-XXXXXX", &error);
  if (dir == NULL)
    goto fail;

  start = g_get_monotonic_time ();
  path = write_config (dir, n_domains, &error);
  if (path == NULL)
    goto cleanup;
  report ("write configuration", start, 1);
  g_print ("%-34s %10u\n", "domains", n_domains);

  uri = g_strdup_printf ("test://%s", path);
  ok = run (uri, n_domains, &error);
  g_print ("%-34s %10" G_GUINT64_FORMAT " KiB\n", "peak RSS (VmHWM)", peak_rss_kib ());

cleanup:
  if (path != NULL)
    g_unlink (path);
  g_rmdir (dir);
  if (ok)
    return EXIT_SUCCESS;

fail:
  g_printerr ("bench-test-driver: %s\n", error->message);
  return EXIT_FAILURE;
}
