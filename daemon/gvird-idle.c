/*
 * gvird-idle.c: what keeps the daemon alive besides its clients
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * libvirtd keeps its drivers' states for its whole life and, with
 * --timeout, stops only when it has no client and no running domain. We
 * do the same: the first client that opens a URI of a driver whose
 * domains outlive connections (QEMU: processes, monitors, status files)
 * makes the daemon hold its own connection to that URI until it stops, so
 * that the VMs stay watched (their events and crashes are seen) between
 * clients, and the idle check asks those connections what runs. The test
 * driver's shared test:///default lives as long as its connections, as in
 * libvirtd, so with no client it has nothing running.
 */
#include "config.h"

#include "gvird-server-private.h"
#include "libvirt-gobject/drivers/gvir-driver-private.h"

static GMutex held_lock;
static GHashTable *held;        /* URI -> GVirDriverConnection */

static gboolean
driver_outlives_connections (const GVirDriverUri *uri)
{
  return g_str_equal (uri->driver, "qemu");
}

static void
held_conn_free (gpointer data)
{
  gvir_driver_connection_close (data);
  gvir_driver_connection_unref (data);
}

void
gvird_idle_hold_uri (const GVirDriverUri *uri)
{
  g_autoptr(GError) error = NULL;
  GVirDriverConnection *conn;

  if (!driver_outlives_connections (uri))
    return;
  g_mutex_lock (&held_lock);
  if (held == NULL)
    held = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, held_conn_free);
  if (!g_hash_table_contains (held, uri->original))
    {
      conn = gvir_driver_connection_open (uri->original, FALSE, NULL, NULL, NULL, &error);
      if (conn != NULL)
        g_hash_table_insert (held, g_strdup (uri->original), conn);
      else
        g_warning ("cannot keep %s open between clients: %s", uri->original, error->message);
    }
  g_mutex_unlock (&held_lock);
}

static guint
count_active (GVirDriverConnection *conn)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) domains = gvir_driver_connection_list_domains (conn, NULL, &error);
  guint i, n = 0;

  /* A driver that cannot answer may have VMs: count that as busy. */
  if (domains == NULL)
    {
      g_warning ("cannot list domains for the idle check: %s", error->message);
      return 1;
    }
  for (i = 0; i < domains->len; i++)
    if (((GVirDriverDomain *) domains->pdata[i])->id >= 0)
      n++;
  return n;
}

guint
gvird_idle_count_running (void)
{
  GHashTableIter iter;
  gpointer conn;
  guint n = 0;

  g_mutex_lock (&held_lock);
  if (held != NULL)
    {
      g_hash_table_iter_init (&iter, held);
      while (g_hash_table_iter_next (&iter, NULL, &conn))
        n += count_active (conn);
    }
  g_mutex_unlock (&held_lock);
  return n;
}

void
gvird_idle_release_all (void)
{
  g_mutex_lock (&held_lock);
  g_clear_pointer (&held, g_hash_table_unref);
  g_mutex_unlock (&held_lock);
}
