/*
 * demo.c: a tour of libvirt-gobject for application writers
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Usage: demo [URI]   (default: test:///default)
 *
 * Connects, prints the host and its NUMA cells, lists the domains, then
 * suspends, resumes, stops and starts the first running domain with the
 * asynchronous API, printing each lifecycle signal as it arrives.
 *
 * Build it out of tree with:
 *   cc demo.c $(pkg-config --cflags --libs libvirt-gobject-1.0) -o demo
 */

#include <stdlib.h>
#include <libvirt-gobject/libvirt-gobject.h>

/* Give up when an operation or its signal has not arrived by then. */
#define STEP_TIMEOUT_SECONDS 10

typedef struct
{
  const char *name;
  const char *signal;   /* the "signal::detail" this step must emit */
} DemoStep;

static const DemoStep steps[] = {
  { "suspend", "suspended::paused" },
  { "resume", "resumed::unpaused" },
  { "stop", "stopped::destroyed" },
  { "start", "started::booted" },
};

typedef struct
{
  GMainLoop *loop;
  GVirDomain *domain;
  guint step;
  gboolean step_done;       /* the _finish of the current step returned */
  gboolean signal_seen;     /* the current step's signal arrived */
  GError *error;
  guint timeout_id;
} Demo;

static const char *
state_name (GVirDomainState state)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (GVIR_TYPE_DOMAIN_STATE);
  GEnumValue *value = g_enum_get_value (klass, state);

  return value != NULL ? value->value_nick : "unknown";
}

/* One line per host NUMA cell: CPUs, memory, free memory, distances. */
static void
print_cell (GVirNodeCell *cell)
{
  g_autoptr(GString) line = g_string_new (NULL);
  const guint *ids;
  gsize n;

  g_string_append_printf (line, "  NUMA cell %u: %" G_GUINT64_FORMAT " MiB memory, %"
                          G_GUINT64_FORMAT " MiB free, CPUs",
                          gvir_node_cell_get_id (cell),
                          gvir_node_cell_get_memory (cell) >> 20,
                          gvir_node_cell_get_free_memory (cell) >> 20);
  ids = gvir_node_cell_get_cpus (cell, &n);
  for (gsize i = 0; i < n; i++)
    g_string_append_printf (line, "%s%u", i == 0 ? " " : ",", ids[i]);
  g_string_append (line, ", distances");
  ids = gvir_node_cell_get_sibling_ids (cell, &n);
  for (gsize i = 0; i < n; i++)
    g_string_append_printf (line, " %u:%u", ids[i], gvir_node_cell_get_distance (cell, ids[i]));
  g_print ("%s\n", line->str);
}

static gboolean
print_host (GVirConnection *conn, GError **error)
{
  g_autoptr(GVirNodeInfo) info = NULL;
  g_autoptr(GVirNodeset) nodes = NULL;
  g_autofree char *nodes_text = NULL;
  g_autoptr(GError) cells_error = NULL;
  GList *cells;

  info = gvir_connection_get_node_info (conn, error);
  if (info == NULL)
    return FALSE;
  g_print ("Host: model %s, %u CPUs at %u MHz, %lu KiB memory, %u NUMA node(s)\n",
           info->model, info->cpus, info->mhz, info->memory, info->nodes);

  nodes = gvir_connection_get_host_nodeset (conn, error);
  if (nodes == NULL)
    return FALSE;
  nodes_text = gvir_nodeset_to_string (nodes);
  g_print ("  NUMA nodes: %s\n", nodes_text);

  /* A host may describe no cells (file-based test hosts): then only the
   * node ids above are known. */
  cells = gvir_connection_get_node_cells (conn, NULL, &cells_error);
  if (cells_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&cells_error));
      return FALSE;
    }
  g_list_foreach (cells, (GFunc) print_cell, NULL);
  g_list_free_full (cells, g_object_unref);
  return TRUE;
}

/* Prints the domains and returns the first running one (or NULL). */
static GVirDomain *
list_domains (GVirConnection *conn, GError **error)
{
  GList *domains;
  GVirDomain *running = NULL;

  if (!gvir_connection_fetch_domains (conn, NULL, error))
    return NULL;

  domains = gvir_connection_get_domains (conn);
  g_print ("Domains:\n");
  for (GList *l = domains; l != NULL; l = l->next)
    {
      GVirDomain *domain = l->data;
      g_autoptr(GVirDomainInfo) info = gvir_domain_get_info (domain, NULL);
      GVirDomainState state = info != NULL ? info->state : GVIR_DOMAIN_STATE_NONE;

      g_print ("  %-20s %s\n", gvir_domain_get_name (domain), state_name (state));
      if (running == NULL && state == GVIR_DOMAIN_STATE_RUNNING)
        running = g_object_ref (domain);
    }
  g_list_free_full (domains, g_object_unref);
  return running;
}

static void run_step (Demo *demo);

/* Moves on once the current step both completed and emitted its signal:
 * the two may arrive in either order. */
static void
maybe_next_step (Demo *demo)
{
  if (demo->error != NULL)
    {
      g_main_loop_quit (demo->loop);
      return;
    }
  if (!demo->step_done || !demo->signal_seen)
    return;

  demo->step++;
  if (demo->step == G_N_ELEMENTS (steps))
    g_main_loop_quit (demo->loop);
  else
    run_step (demo);
}

static void
on_lifecycle_signal (GVirDomain *domain, gpointer user_data)
{
  Demo *demo = user_data;
  GSignalInvocationHint *hint = g_signal_get_invocation_hint (domain);
  g_autofree char *event = g_strdup_printf ("%s::%s",
                                            g_signal_name (hint->signal_id),
                                            g_quark_to_string (hint->detail));

  g_print ("  event: %s\n", event);
  if (demo->step < G_N_ELEMENTS (steps) &&
      g_str_equal (event, steps[demo->step].signal))
    {
      demo->signal_seen = TRUE;
      maybe_next_step (demo);
    }
}

static void
on_step_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Demo *demo = user_data;
  GVirDomain *domain = GVIR_DOMAIN (source);
  gboolean ok = FALSE;

  switch (demo->step)
    {
    case 0:
      ok = gvir_domain_suspend_finish (domain, result, &demo->error);
      break;
    case 1:
      ok = gvir_domain_resume_finish (domain, result, &demo->error);
      break;
    case 2:
      ok = gvir_domain_stop_finish (domain, result, &demo->error);
      break;
    case 3:
      ok = gvir_domain_start_finish (domain, result, &demo->error);
      break;
    default:
      g_assert_not_reached ();
    }
  g_print ("%s: %s\n", steps[demo->step].name, ok ? "done" : "failed");
  demo->step_done = ok;
  maybe_next_step (demo);
}

static void
run_step (Demo *demo)
{
  demo->step_done = FALSE;
  demo->signal_seen = FALSE;

  switch (demo->step)
    {
    case 0:
      gvir_domain_suspend_async (demo->domain, NULL, on_step_done, demo);
      break;
    case 1:
      gvir_domain_resume_async (demo->domain, NULL, on_step_done, demo);
      break;
    case 2:
      gvir_domain_stop_async (demo->domain, 0, NULL, on_step_done, demo);
      break;
    case 3:
      gvir_domain_start_async (demo->domain, 0, NULL, on_step_done, demo);
      break;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
on_timeout (gpointer user_data)
{
  Demo *demo = user_data;

  demo->timeout_id = 0;
  g_set_error (&demo->error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
               "Step \"%s\" did not complete with %s within %d seconds",
               steps[demo->step].name, steps[demo->step].signal,
               STEP_TIMEOUT_SECONDS);
  g_main_loop_quit (demo->loop);
  return G_SOURCE_REMOVE;
}

static gboolean
run_lifecycle (GVirDomain *domain, GError **error)
{
  static const char *const signals[] = { "started", "stopped", "suspended", "resumed" };
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Demo demo = { .loop = loop, .domain = domain };

  g_print ("Lifecycle of %s:\n", gvir_domain_get_name (domain));
  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    g_signal_connect (domain, signals[i], G_CALLBACK (on_lifecycle_signal), &demo);

  /* One overall deadline: each step normally takes milliseconds. */
  demo.timeout_id = g_timeout_add_seconds (STEP_TIMEOUT_SECONDS * G_N_ELEMENTS (steps),
                                           on_timeout, &demo);
  run_step (&demo);
  g_main_loop_run (loop);

  g_clear_handle_id (&demo.timeout_id, g_source_remove);
  g_signal_handlers_disconnect_by_data (domain, &demo);
  if (demo.error != NULL)
    {
      g_propagate_error (error, demo.error);
      return FALSE;
    }
  return TRUE;
}

int
main (int argc, char **argv)
{
  const char *uri;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirConnection) conn = NULL;
  g_autoptr(GVirDomain) domain = NULL;

  if (!gvir_init_object_check (&argc, &argv, &error))
    goto fail;
  uri = argc > 1 ? argv[1] : "test:///default";

  conn = gvir_connection_new (uri);
  if (!gvir_connection_open (conn, NULL, &error))
    goto fail;
  g_print ("Connected to %s\n", gvir_connection_get_uri (conn));

  if (!print_host (conn, &error))
    goto fail;

  domain = list_domains (conn, &error);
  if (error != NULL)
    goto fail;
  if (domain == NULL)
    g_print ("No running domain: skipping the lifecycle\n");
  else if (!run_lifecycle (domain, &error))
    goto fail;

  gvir_connection_close (conn);
  return EXIT_SUCCESS;

fail:
  g_printerr ("demo: %s\n", error->message);
  return EXIT_FAILURE;
}
