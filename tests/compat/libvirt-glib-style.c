/*
 * libvirt-glib-style.c: a program written the way libvirt-glib users write
 * them, kept free of anything only this project has.
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * It must compile and run unchanged against libvirt-glib's API: only
 * functions, types, macros and struct fields that libvirt-glib has, with
 * their libvirt-glib spelling (GVirDomainInfo.maxMem, GVIR_CONFIG_OBJECT_ERROR,
 * gvir_init_object (&argc, &argv)). It prints TAP.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libvirt-gobject/libvirt-gobject.h>

static int n_checks = 0;
static int n_failed = 0;

static void
check (int ok, const char *what)
{
  n_checks++;
  if (!ok)
    n_failed++;
  printf ("%s %d - %s\n", ok ? "ok" : "not ok", n_checks, what);
}

static GMainLoop *loop;
static int n_started = 0;

static void
on_started (GVirDomain *dom, gpointer data)
{
  n_started++;
  g_main_loop_quit (loop);
}

/* How long to wait for the main loop: 20 s, times GVIR_TEST_WAIT_MULTIPLIER
 * when the test setup stretches waits (valgrind). */
static guint
wait_seconds (void)
{
  const char *multiplier = g_getenv ("GVIR_TEST_WAIT_MULTIPLIER");
  int factor = multiplier != NULL ? atoi (multiplier) : 1;

  return 20 * (factor > 0 ? factor : 1);
}

static gboolean
on_timeout (gpointer data)
{
  printf ("# timed out after %u s waiting for %s\n", wait_seconds (), (const char *) data);
  g_main_loop_quit (loop);
  return FALSE;
}

/* Runs the loop until a handler quits it, or fails the program after the
 * bound, naming what it waited for. */
static void
run_loop (const char *what)
{
  guint timeout = g_timeout_add_seconds (wait_seconds (), on_timeout, (gpointer) what);
  GSource *source;

  g_main_loop_run (loop);
  source = g_main_context_find_source_by_id (NULL, timeout);
  if (source == NULL)
    {
      printf ("Bail out! timed out waiting for %s\n", what);
      exit (1);
    }
  g_source_remove (timeout);
}

static void
on_open_done (GObject *source, GAsyncResult *res, gpointer data)
{
  GError *err = NULL;
  gboolean *ok = data;

  *ok = gvir_connection_open_finish (GVIR_CONNECTION (source), res, &err);
  if (err)
    g_error_free (err);
  g_main_loop_quit (loop);
}

int
main (int argc, char **argv)
{
  GVirConnection *conn;
  GVirDomain *dom;
  GVirDomainInfo *info;
  GVirNodeInfo *node;
  GVirConfigDomain *conf;
  GVirConfigDomain *parsed;
  GList *domains, *it;
  GError *err = NULL;
  gboolean opened = FALSE;
  gchar *xml;

  gvir_init_object (&argc, &argv);
  loop = g_main_loop_new (NULL, FALSE);

  conn = gvir_connection_new ("test:///default");
  gvir_connection_open_async (conn, NULL, on_open_done, &opened);
  run_loop ("the completion of gvir_connection_open_async");
  check (opened && gvir_connection_is_open (conn), "open_async");

  check (gvir_connection_fetch_domains (conn, NULL, &err), "fetch_domains");
  domains = gvir_connection_get_domains (conn);
  check (g_list_length (domains) == 1, "one domain");
  for (it = domains; it; it = it->next)
    g_object_unref (it->data);
  g_list_free (domains);

  node = gvir_connection_get_node_info (conn, &err);
  check (node != NULL && node->cpus == 16 && node->mhz == 1400 && node->nodes == 2,
         "node info");
  g_boxed_free (GVIR_TYPE_NODE_INFO, node);

  dom = gvir_connection_find_domain_by_name (conn, "test");
  check (dom != NULL && strcmp (gvir_domain_get_name (dom), "test") == 0,
         "find_domain_by_name");

  info = gvir_domain_get_info (dom, &err);
  check (info != NULL && info->state == GVIR_DOMAIN_STATE_RUNNING &&
         info->maxMem == 8388608 && info->nrVirtCpu == 2, "get_info with libvirt-glib field names");
  g_boxed_free (GVIR_TYPE_DOMAIN_INFO, info);

  check (gvir_domain_stop (dom, 0, &err), "stop");
  g_signal_connect (dom, "started", G_CALLBACK (on_started), NULL);
  check (gvir_domain_start (dom, 0, &err), "start");
  run_loop ("the started signal");
  check (n_started == 1, "started signal");

  conf = gvir_domain_get_config (dom, GVIR_DOMAIN_XML_INACTIVE, &err);
  check (conf != NULL && strcmp (gvir_config_domain_get_name (conf), "test") == 0, "get_config");
  xml = gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (conf));
  parsed = gvir_config_domain_new_from_xml (xml, &err);
  check (parsed != NULL && gvir_config_domain_get_memory (parsed) == 8388608, "to_xml and back");
  g_free (xml);
  g_object_unref (parsed);
  g_object_unref (conf);

  parsed = gvir_config_domain_new_from_xml ("<domain", &err);
  check (parsed == NULL && err != NULL && err->domain == GVIR_CONFIG_OBJECT_ERROR,
         "GVIR_CONFIG_OBJECT_ERROR on malformed XML");
  g_clear_error (&err);

  gvir_connection_close (conn);
  check (!gvir_connection_is_open (conn), "close");
  check (gvir_connection_find_domain_by_name (conn, "test") == NULL, "lookup after close");

  g_object_unref (dom);
  g_object_unref (conn);
  g_main_loop_unref (loop);

  printf ("1..%d\n", n_checks);
  return n_failed ? 1 : 0;
}
