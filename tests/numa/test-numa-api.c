/*
 * test-numa-api.c: the public NUMA API of libvirt-gobject (host cells,
 * free memory, host nodeset, domain NUMA parameters) on the test driver
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include <string.h>

#include <libvirt-gobject/libvirt-gobject.h>

#include "gvir-test-wait.h"

#define TEST_URI "test:///default"
#define GIB ((guint64) 1 << 30)
#define KIB ((guint64) 1024)

/* test:///default is libvirt's default test host: 2 cells of 8 CPUs,
 * 2097152 KiB and 4194304 KiB of memory, 1 GiB and 2 GiB free. */
static const guint64 cell_memory_kib[] = { 2097152, 4194304 };
static const guint64 cell_free_bytes[] = { 1 * GIB, 2 * GIB };

/* ---- helpers -------------------------------------------------------------- */

static GVirConnection *
open_uri (const char *uri, gboolean read_only)
{
  g_autoptr(GVirConnection) conn = gvir_connection_new (uri);
  g_autoptr(GError) error = NULL;

  if (read_only)
    gvir_connection_open_read_only (conn, NULL, &error);
  else
    gvir_connection_open (conn, NULL, &error);
  g_assert_no_error (error);
  gvir_connection_fetch_domains (conn, NULL, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&conn);
}

static GVirConnection *
open_default (void)
{
  return open_uri (TEST_URI, FALSE);
}

static char *
file_uri (const char *name)
{
  g_autofree char *path = g_build_filename (TEST_DRIVER_DATA, name, NULL);

  return g_strconcat ("test://", path, NULL);
}

static gboolean
is_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Closing the last connection drops the shared test:///default state, so
 * the next test starts from the pristine host again. */
static void
close_conn (GVirConnection *conn)
{
  gpointer weak = conn;

  gvir_connection_close (conn);
  /* Queued signal emissions and GTask workers hold references for a
   * moment after their work is done. */
  g_object_add_weak_pointer (G_OBJECT (conn), &weak);
  g_object_unref (conn);
  gvir_test_spin_until (NULL, is_cleared, &weak, "the closed connection to be finalised");
}

static GVirDomain *
find_domain (GVirConnection *conn, const char *name)
{
  GVirDomain *dom = gvir_connection_find_domain_by_name (conn, name);

  g_assert_nonnull (dom);
  return dom;
}

static GVirNodeset *
nodeset (const char *text)
{
  g_autoptr(GError) error = NULL;
  GVirNodeset *set = gvir_nodeset_new_from_string (text, &error);

  g_assert_no_error (error);
  return set;
}

static void
assert_nodeset (GVirNodeset *set, const char *expected)
{
  g_autofree char *text = NULL;

  g_assert_nonnull (set);
  text = gvir_nodeset_to_string (set);
  g_assert_cmpstr (text, ==, expected);
}

typedef struct
{
  GMainLoop *loop;
  GAsyncResult *result;
} AsyncWait;

static void
async_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  AsyncWait *wait = user_data;

  wait->result = g_object_ref (result);
  g_main_loop_quit (wait->loop);
}

/* Runs the default main context until the pending call @what completes. */
static GAsyncResult *
async_wait (AsyncWait *wait, const char *what)
{
  gvir_test_main_loop_run (wait->loop, what);
  g_main_loop_unref (wait->loop);
  return wait->result;
}

static AsyncWait *
async_new (AsyncWait *wait)
{
  wait->loop = g_main_loop_new (NULL, FALSE);
  wait->result = NULL;
  return wait;
}

static void
assert_numa_params (GVirDomain *dom, guint flags, GVirDomainNumatuneMode expected_mode,
                    const char *expected_nodeset)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirNodeset) set = NULL;
  GVirDomainNumatuneMode mode = 99;

  g_assert_true (gvir_domain_get_numa_parameters (dom, flags, &mode, &set, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mode, ==, expected_mode);
  if (expected_nodeset == NULL)
    g_assert_null (set);
  else
    assert_nodeset (set, expected_nodeset);
}

/* ---- host cells ----------------------------------------------------------- */

static void
check_default_cells (GList *cells)
{
  guint i = 0;

  g_assert_cmpuint (g_list_length (cells), ==, 2);
  for (GList *l = cells; l != NULL; l = l->next, i++)
    {
      GVirNodeCell *cell = l->data;
      const guint *cpus;
      const guint *siblings;
      const guint64 *page_sizes;
      gsize n_cpus = 0, n_siblings = 0, n_sizes = 0;
      guint prop_id = 99;
      guint64 prop_memory = 0, prop_free = 0;

      g_assert_true (GVIR_IS_NODE_CELL (cell));
      g_assert_cmpuint (gvir_node_cell_get_id (cell), ==, i);
      g_assert_cmpuint (gvir_node_cell_get_memory (cell), ==, cell_memory_kib[i] * KIB);
      g_assert_cmpuint (gvir_node_cell_get_free_memory (cell), ==, cell_free_bytes[i]);

      g_object_get (cell, "id", &prop_id, "memory", &prop_memory,
                    "free-memory", &prop_free, NULL);
      g_assert_cmpuint (prop_id, ==, i);
      g_assert_cmpuint (prop_memory, ==, cell_memory_kib[i] * KIB);
      g_assert_cmpuint (prop_free, ==, cell_free_bytes[i]);

      cpus = gvir_node_cell_get_cpus (cell, &n_cpus);
      g_assert_cmpuint (n_cpus, ==, 8);
      for (guint c = 0; c < n_cpus; c++)
        g_assert_cmpuint (cpus[c], ==, i * 8 + c);
      g_assert_true (gvir_node_cell_has_cpu (cell, i * 8));
      g_assert_true (gvir_node_cell_has_cpu (cell, i * 8 + 7));
      g_assert_false (gvir_node_cell_has_cpu (cell, (1 - i) * 8));
      g_assert_false (gvir_node_cell_has_cpu (cell, 16));

      siblings = gvir_node_cell_get_sibling_ids (cell, &n_siblings);
      g_assert_cmpuint (n_siblings, ==, 2);
      g_assert_cmpuint (siblings[0], ==, 0);
      g_assert_cmpuint (siblings[1], ==, 1);
      g_assert_cmpuint (gvir_node_cell_get_distance (cell, i), ==, 10);
      g_assert_cmpuint (gvir_node_cell_get_distance (cell, 1 - i), ==, 20);
      g_assert_cmpuint (gvir_node_cell_get_distance (cell, 2), ==, 0);

      /* Page pools in bytes: 4 KiB pages back cell 0, 8 KiB pages cell 1. */
      page_sizes = gvir_node_cell_get_page_sizes (cell, &n_sizes);
      g_assert_cmpuint (n_sizes, ==, 4);
      g_assert_cmpuint (page_sizes[0], ==, 4 * KIB);
      g_assert_cmpuint (page_sizes[1], ==, 8 * KIB);
      g_assert_cmpuint (page_sizes[2], ==, 2048 * KIB);
      g_assert_cmpuint (page_sizes[3], ==, GIB);
      g_assert_cmpuint (gvir_node_cell_get_page_count (cell, page_sizes[i]), ==,
                        cell_memory_kib[i] * KIB / page_sizes[i]);
      g_assert_cmpuint (gvir_node_cell_get_page_count (cell, page_sizes[1 - i]), ==, 0);
      g_assert_cmpuint (gvir_node_cell_get_page_count (cell, 12345), ==, 0);
    }
}

static void
test_node_cells (void)
{
  GVirConnection *conn = open_default ();
  g_autoptr(GError) error = NULL;
  GList *cells = gvir_connection_get_node_cells (conn, NULL, &error);

  g_assert_no_error (error);
  check_default_cells (cells);
  g_list_free_full (cells, g_object_unref);
  close_conn (conn);
}

static void
test_node_cells_async (void)
{
  GVirConnection *conn = open_default ();
  g_autoptr(GError) error = NULL;
  AsyncWait wait;
  GAsyncResult *result = NULL;
  GList *cells;

  gvir_connection_get_node_cells_async (conn, NULL, async_done, async_new (&wait));
  result = async_wait (&wait, "the answer of gvir_connection_get_node_cells_async");
  cells = gvir_connection_get_node_cells_finish (conn, result, &error);
  g_assert_no_error (error);
  check_default_cells (cells);
  g_list_free_full (cells, g_object_unref);
  g_object_unref (result);
  close_conn (conn);
}

static void
test_node_cells_cancelled (void)
{
  GVirConnection *conn = open_default ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  AsyncWait wait;
  GAsyncResult *result = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_null (gvir_connection_get_node_cells (conn, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  gvir_connection_get_node_cells_async (conn, cancellable, async_done, async_new (&wait));
  result = async_wait (&wait, "the answer of gvir_connection_get_node_cells_async");
  g_assert_null (gvir_connection_get_node_cells_finish (conn, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_object_unref (result);
  close_conn (conn);
}

/* A file-based test host lists no cells: an empty list, no error, and the
 * host nodeset still answers from the node count. */
static void
test_node_cells_file_host (void)
{
  g_autofree char *uri = file_uri ("numa-1node.xml");
  GVirConnection *conn = open_uri (uri, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirNodeset) host = NULL;
  g_autoptr(GVirNodeset) two = nodeset ("0-1");
  g_autoptr(GVirNodeset) zero = nodeset ("0");
  GList *cells;

  cells = gvir_connection_get_node_cells (conn, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (cells);

  host = gvir_connection_get_host_nodeset (conn, &error);
  g_assert_no_error (error);
  assert_nodeset (host, "0");

  g_assert_true (gvir_connection_nodeset_is_available (conn, zero, &error));
  g_assert_no_error (error);
  g_assert_false (gvir_connection_nodeset_is_available (conn, two, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NUMA_UNAVAILABLE);
  g_assert_cmpstr (error->message, ==, "NUMA node 1 is unavailable: host has node 0");
  close_conn (conn);
}

static void
test_node_cells_closed (void)
{
  g_autoptr(GVirConnection) conn = gvir_connection_new (TEST_URI);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirNodeset) zero = nodeset ("0");
  guint n_cells = 7;

  g_assert_null (gvir_connection_get_node_cells (conn, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  g_assert_cmpstr (error->message, ==, "connection to 'test:///default' is not open");
  g_clear_error (&error);
  g_assert_null (gvir_connection_get_cells_free_memory (conn, 0, 1, &n_cells, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  g_assert_cmpstr (error->message, ==, "connection to 'test:///default' is not open");
  g_assert_cmpuint (n_cells, ==, 0);
  g_clear_error (&error);
  g_assert_null (gvir_connection_get_host_nodeset (conn, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  g_assert_cmpstr (error->message, ==, "connection to 'test:///default' is not open");
  g_clear_error (&error);
  g_assert_false (gvir_connection_nodeset_is_available (conn, zero, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  g_assert_cmpstr (error->message, ==, "connection to 'test:///default' is not open");
}

/* ---- free memory ---------------------------------------------------------- */

static void
test_cells_free_memory (void)
{
  GVirConnection *conn = open_default ();
  g_autoptr(GError) error = NULL;
  g_autofree guint64 *both = NULL;
  g_autofree guint64 *second = NULL;
  g_autofree guint64 *cut = NULL;
  guint n_cells = 0;

  both = gvir_connection_get_cells_free_memory (conn, 0, 2, &n_cells, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_cells, ==, 2);
  g_assert_cmpuint (both[0], ==, cell_free_bytes[0]);
  g_assert_cmpuint (both[1], ==, cell_free_bytes[1]);

  second = gvir_connection_get_cells_free_memory (conn, 1, 1, &n_cells, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_cells, ==, 1);
  g_assert_cmpuint (second[0], ==, cell_free_bytes[1]);

  /* A range reaching past the last cell is cut short, as in libvirt. */
  cut = gvir_connection_get_cells_free_memory (conn, 1, 5, &n_cells, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_cells, ==, 1);
  g_assert_cmpuint (cut[0], ==, cell_free_bytes[1]);
  close_conn (conn);
}

static void
test_cells_free_memory_errors (void)
{
  GVirConnection *conn = open_default ();
  g_autoptr(GError) error = NULL;
  guint n_cells = 7;

  /* Starting past the last cell. */
  g_assert_null (gvir_connection_get_cells_free_memory (conn, 2, 1, &n_cells, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==,
                   "range exceeds available cells: cell 2 requested, the host has 2");
  g_assert_cmpuint (n_cells, ==, 0);
  g_clear_error (&error);
  g_assert_null (gvir_connection_get_cells_free_memory (conn, 1000, 1, &n_cells, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==,
                   "range exceeds available cells: cell 1000 requested, the host has 2");
  g_clear_error (&error);

  /* Nonsense ranges. */
  g_assert_null (gvir_connection_get_cells_free_memory (conn, -1, 1, &n_cells, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_assert_cmpstr (error->message, ==,
                   "invalid NUMA cell range: start -1, count 1 (need start >= 0, count >= 1)");
  g_clear_error (&error);
  g_assert_null (gvir_connection_get_cells_free_memory (conn, 0, 0, &n_cells, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_assert_cmpstr (error->message, ==,
                   "invalid NUMA cell range: start 0, count 0 (need start >= 0, count >= 1)");
  close_conn (conn);
}

static void
test_cells_free_memory_async (void)
{
  GVirConnection *conn = open_default ();
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;
  GAsyncResult *bad_result = NULL;
  g_autofree guint64 *values = NULL;
  AsyncWait wait;
  guint n_cells = 0;

  gvir_connection_get_cells_free_memory_async (conn, 0, 2, NULL, async_done, async_new (&wait));
  result = async_wait (&wait, "the answer of gvir_connection_get_cells_free_memory_async");
  values = gvir_connection_get_cells_free_memory_finish (conn, result, &n_cells, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_cells, ==, 2);
  g_assert_cmpuint (values[0], ==, cell_free_bytes[0]);
  g_assert_cmpuint (values[1], ==, cell_free_bytes[1]);

  gvir_connection_get_cells_free_memory_async (conn, 3, 1, NULL, async_done, async_new (&wait));
  bad_result = async_wait (&wait, "the answer of gvir_connection_get_cells_free_memory_async");
  g_assert_null (gvir_connection_get_cells_free_memory_finish (conn, bad_result, &n_cells,
                                                               &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==,
                   "range exceeds available cells: cell 3 requested, the host has 2");
  g_assert_cmpuint (n_cells, ==, 0);
  g_object_unref (result);
  g_object_unref (bad_result);
  close_conn (conn);
}

/* ---- host nodeset --------------------------------------------------------- */

static void
test_host_nodeset (void)
{
  GVirConnection *conn = open_default ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirNodeset) host = gvir_connection_get_host_nodeset (conn, &error);
  g_autoptr(GVirNodeset) async_host = NULL;
  GAsyncResult *result = NULL;
  AsyncWait wait;

  g_assert_no_error (error);
  assert_nodeset (host, "0-1");

  gvir_connection_get_host_nodeset_async (conn, NULL, async_done, async_new (&wait));
  result = async_wait (&wait, "the answer of gvir_connection_get_host_nodeset_async");
  async_host = gvir_connection_get_host_nodeset_finish (conn, result, &error);
  g_assert_no_error (error);
  g_assert_true (gvir_nodeset_equal (host, async_host));
  g_object_unref (result);
  close_conn (conn);
}

static void
assert_unavailable (GVirConnection *conn, const char *text, const char *message)
{
  g_autoptr(GVirNodeset) set = nodeset (text);
  g_autoptr(GError) error = NULL;

  g_assert_false (gvir_connection_nodeset_is_available (conn, set, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NUMA_UNAVAILABLE);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_nodeset_is_available (void)
{
  GVirConnection *conn = open_default ();
  const char *available[] = { "0", "1", "0-1", "1,0" };
  g_autoptr(GVirNodeset) empty = gvir_nodeset_new_from_nodes (NULL, 0, NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (available); i++)
    {
      g_autoptr(GVirNodeset) set = nodeset (available[i]);

      g_assert_true (gvir_connection_nodeset_is_available (conn, set, &error));
      g_assert_no_error (error);
    }
  g_assert_true (gvir_connection_nodeset_is_available (conn, empty, &error));
  g_assert_no_error (error);

  assert_unavailable (conn, "0,4", "NUMA node 4 is unavailable: host has nodes 0-1");
  assert_unavailable (conn, "5-7,2", "NUMA node 2 is unavailable: host has nodes 0-1");
  assert_unavailable (conn, "16383", "NUMA node 16383 is unavailable: host has nodes 0-1");
  close_conn (conn);
}

static void
test_nodeset_is_available_async (void)
{
  GVirConnection *conn = open_default ();
  g_autoptr(GVirNodeset) good = nodeset ("0-1");
  g_autoptr(GVirNodeset) bad = nodeset ("1-3");
  GAsyncResult *good_result = NULL;
  GAsyncResult *bad_result = NULL;
  g_autoptr(GError) error = NULL;
  AsyncWait wait;

  gvir_connection_nodeset_is_available_async (conn, good, NULL, async_done, async_new (&wait));
  good_result = async_wait (&wait, "the answer of gvir_connection_nodeset_is_available_async");
  g_assert_true (gvir_connection_nodeset_is_available_finish (conn, good_result, &error));
  g_assert_no_error (error);

  gvir_connection_nodeset_is_available_async (conn, bad, NULL, async_done, async_new (&wait));
  bad_result = async_wait (&wait, "the answer of gvir_connection_nodeset_is_available_async");
  g_assert_false (gvir_connection_nodeset_is_available_finish (conn, bad_result, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NUMA_UNAVAILABLE);
  g_assert_cmpstr (error->message, ==, "NUMA node 2 is unavailable: host has nodes 0-1");
  g_object_unref (good_result);
  g_object_unref (bad_result);
  close_conn (conn);
}

/* ---- domain NUMA parameters ----------------------------------------------- */

/* The <numatune><memory> of the persistent definition, checked on the XML
 * the domain reports (either quote style). */
static void
assert_config_numatune (GVirDomain *dom, const char *mode, const char *nodes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirConfigDomain) conf = gvir_domain_get_config (dom, GVIR_DOMAIN_XML_INACTIVE,
                                                             &error);
  g_autofree char *xml = NULL;
  g_autofree char *pattern = NULL;

  g_assert_no_error (error);
  xml = gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (conf));
  g_assert_nonnull (strstr (xml, "<numatune>"));
  pattern = g_strdup_printf ("<memory(?=[^>]*\\smode=[\"']%s[\"'])(?=[^>]*\\snodeset=[\"']%s[\"'])",
                             mode, nodes);
  if (!g_regex_match_simple (pattern, xml, 0, 0))
    g_error ("no <memory mode='%s' nodeset='%s'> in:\n%s", mode, nodes, xml);
}

static void
test_domain_numa_defaults (void)
{
  GVirConnection *conn = open_default ();
  g_autoptr(GVirDomain) dom = find_domain (conn, "test");
  g_autoptr(GError) error = NULL;

  /* The test domain has no <numatune>: libvirt's default mode, no nodes. */
  assert_numa_params (dom, GVIR_DOMAIN_AFFECT_CURRENT, GVIR_DOMAIN_NUMATUNE_MODE_STRICT, NULL);
  assert_numa_params (dom, GVIR_DOMAIN_AFFECT_LIVE, GVIR_DOMAIN_NUMATUNE_MODE_STRICT, NULL);
  assert_numa_params (dom, GVIR_DOMAIN_AFFECT_CONFIG, GVIR_DOMAIN_NUMATUNE_MODE_STRICT, NULL);

  /* Optional outputs may be left out. */
  g_assert_true (gvir_domain_get_numa_parameters (dom, 0, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_false (gvir_domain_get_numa_parameters (dom, GVIR_DOMAIN_AFFECT_LIVE
                                                   | GVIR_DOMAIN_AFFECT_CONFIG,
                                                   NULL, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_assert_cmpstr (error->message, ==, "cannot get live and config NUMA parameters at once");
  close_conn (conn);
}

static void
test_domain_numa_live (void)
{
  GVirConnection *conn = open_default ();
  g_autoptr(GVirDomain) dom = find_domain (conn, "test");
  g_autoptr(GVirNodeset) one = nodeset ("1");
  g_autoptr(GVirNodeset) both = nodeset ("0-1");
  g_autoptr(GError) error = NULL;

  /* The nodes of a running domain change live, whatever its mode. */
  g_assert_true (gvir_domain_set_numa_nodeset (dom, one, GVIR_DOMAIN_AFFECT_LIVE, &error));
  g_assert_no_error (error);
  assert_numa_params (dom, GVIR_DOMAIN_AFFECT_LIVE, GVIR_DOMAIN_NUMATUNE_MODE_STRICT, "1");
  /* ... and leave the persistent configuration alone. */
  assert_numa_params (dom, GVIR_DOMAIN_AFFECT_CONFIG, GVIR_DOMAIN_NUMATUNE_MODE_STRICT, NULL);

  /* Keeping the mode is no change of mode. */
  g_assert_true (gvir_domain_set_numa_parameters (dom, GVIR_DOMAIN_NUMATUNE_MODE_STRICT, both,
                                                  0, &error));
  g_assert_no_error (error);
  assert_numa_params (dom, GVIR_DOMAIN_AFFECT_LIVE, GVIR_DOMAIN_NUMATUNE_MODE_STRICT, "0-1");

  /* The mode does not change live, by either setter; nothing changes. */
  g_assert_false (gvir_domain_set_numa_parameters (dom, GVIR_DOMAIN_NUMATUNE_MODE_INTERLEAVE,
                                                   one, GVIR_DOMAIN_AFFECT_LIVE, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
  g_assert_cmpstr (error->message, ==, "cannot change the NUMA mode of running domain 'test'");
  g_clear_error (&error);
  g_assert_false (gvir_domain_set_numa_mode (dom, GVIR_DOMAIN_NUMATUNE_MODE_PREFERRED,
                                             GVIR_DOMAIN_AFFECT_CURRENT, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
  g_assert_cmpstr (error->message, ==, "cannot change the NUMA mode of running domain 'test'");
  g_clear_error (&error);
  assert_numa_params (dom, GVIR_DOMAIN_AFFECT_LIVE, GVIR_DOMAIN_NUMATUNE_MODE_STRICT, "0-1");
  close_conn (conn);
}

static void
test_domain_numa_config (void)
{
  GVirConnection *conn = open_default ();
  g_autoptr(GVirDomain) dom = find_domain (conn, "test");
  g_autoptr(GVirNodeset) both = nodeset ("0-1");
  g_autoptr(GVirNodeset) one = nodeset ("1");
  g_autoptr(GError) error = NULL;

  g_assert_true (gvir_domain_set_numa_parameters (dom, GVIR_DOMAIN_NUMATUNE_MODE_INTERLEAVE,
                                                  both, GVIR_DOMAIN_AFFECT_CONFIG, &error));
  g_assert_no_error (error);
  assert_numa_params (dom, GVIR_DOMAIN_AFFECT_CONFIG, GVIR_DOMAIN_NUMATUNE_MODE_INTERLEAVE,
                      "0-1");
  assert_numa_params (dom, GVIR_DOMAIN_AFFECT_LIVE, GVIR_DOMAIN_NUMATUNE_MODE_STRICT, NULL);
  assert_config_numatune (dom, "interleave", "0-1");

  /* One setter keeps the nodes, the other keeps the mode. */
  g_assert_true (gvir_domain_set_numa_mode (dom, GVIR_DOMAIN_NUMATUNE_MODE_RESTRICTIVE,
                                            GVIR_DOMAIN_AFFECT_CONFIG, &error));
  g_assert_no_error (error);
  assert_numa_params (dom, GVIR_DOMAIN_AFFECT_CONFIG, GVIR_DOMAIN_NUMATUNE_MODE_RESTRICTIVE,
                      "0-1");
  g_assert_true (gvir_domain_set_numa_nodeset (dom, one, GVIR_DOMAIN_AFFECT_CONFIG, &error));
  g_assert_no_error (error);
  assert_numa_params (dom, GVIR_DOMAIN_AFFECT_CONFIG, GVIR_DOMAIN_NUMATUNE_MODE_RESTRICTIVE,
                      "1");
  assert_config_numatune (dom, "restrictive", "1");

  /* Live and config together, keeping the live mode. */
  g_assert_true (gvir_domain_set_numa_parameters (dom, GVIR_DOMAIN_NUMATUNE_MODE_STRICT, both,
                                                  GVIR_DOMAIN_AFFECT_LIVE
                                                  | GVIR_DOMAIN_AFFECT_CONFIG, &error));
  g_assert_no_error (error);
  assert_numa_params (dom, GVIR_DOMAIN_AFFECT_LIVE, GVIR_DOMAIN_NUMATUNE_MODE_STRICT, "0-1");
  assert_numa_params (dom, GVIR_DOMAIN_AFFECT_CONFIG, GVIR_DOMAIN_NUMATUNE_MODE_STRICT, "0-1");
  close_conn (conn);
}

static void
test_domain_numa_shutoff (void)
{
  GVirConnection *conn = open_default ();
  g_autoptr(GVirDomain) dom = find_domain (conn, "test");
  g_autoptr(GVirNodeset) one = nodeset ("1");
  g_autoptr(GError) error = NULL;

  g_assert_true (gvir_domain_stop (dom, 0, &error));
  g_assert_no_error (error);

  g_assert_false (gvir_domain_get_numa_parameters (dom, GVIR_DOMAIN_AFFECT_LIVE, NULL, NULL,
                                                   &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "domain 'test' is not running: its live NUMA parameters do not exist");
  g_clear_error (&error);

  /* CURRENT on a shut-off domain is its configuration: the mode may change. */
  g_assert_true (gvir_domain_set_numa_parameters (dom, GVIR_DOMAIN_NUMATUNE_MODE_PREFERRED,
                                                  one, GVIR_DOMAIN_AFFECT_CURRENT, &error));
  g_assert_no_error (error);
  assert_numa_params (dom, GVIR_DOMAIN_AFFECT_CURRENT, GVIR_DOMAIN_NUMATUNE_MODE_PREFERRED, "1");
  assert_config_numatune (dom, "preferred", "1");

  /* The next boot uses it. */
  g_assert_true (gvir_domain_start (dom, 0, &error));
  g_assert_no_error (error);
  assert_numa_params (dom, GVIR_DOMAIN_AFFECT_LIVE, GVIR_DOMAIN_NUMATUNE_MODE_PREFERRED, "1");
  close_conn (conn);
}

static void
test_domain_numa_unavailable (void)
{
  GVirConnection *conn = open_default ();
  g_autoptr(GVirDomain) dom = find_domain (conn, "test");
  g_autoptr(GVirNodeset) one = nodeset ("1");
  g_autoptr(GVirNodeset) far = nodeset ("0,3");
  g_autoptr(GError) error = NULL;
  const guint flags[] = {
    GVIR_DOMAIN_AFFECT_CURRENT,
    GVIR_DOMAIN_AFFECT_LIVE,
    GVIR_DOMAIN_AFFECT_CONFIG,
    GVIR_DOMAIN_AFFECT_LIVE | GVIR_DOMAIN_AFFECT_CONFIG,
  };

  g_assert_true (gvir_domain_set_numa_nodeset (dom, one, GVIR_DOMAIN_AFFECT_LIVE
                                               | GVIR_DOMAIN_AFFECT_CONFIG, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    {
      g_assert_false (gvir_domain_set_numa_nodeset (dom, far, flags[i], &error));
      g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NUMA_UNAVAILABLE);
      g_assert_cmpstr (error->message, ==, "NUMA node 3 is unavailable: host has nodes 0-1");
      g_clear_error (&error);
    }
  g_assert_false (gvir_domain_set_numa_parameters (dom, GVIR_DOMAIN_NUMATUNE_MODE_STRICT, far,
                                                   GVIR_DOMAIN_AFFECT_CONFIG, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NUMA_UNAVAILABLE);
  g_assert_cmpstr (error->message, ==, "NUMA node 3 is unavailable: host has nodes 0-1");

  assert_numa_params (dom, GVIR_DOMAIN_AFFECT_LIVE, GVIR_DOMAIN_NUMATUNE_MODE_STRICT, "1");
  assert_numa_params (dom, GVIR_DOMAIN_AFFECT_CONFIG, GVIR_DOMAIN_NUMATUNE_MODE_STRICT, "1");
  close_conn (conn);
}

static void
test_domain_numa_invalid (void)
{
  GVirConnection *conn = open_default ();
  g_autoptr(GVirDomain) dom = find_domain (conn, "test");
  g_autoptr(GVirNodeset) empty = gvir_nodeset_new_from_nodes (NULL, 0, NULL);
  g_autoptr(GVirNodeset) one = nodeset ("1");
  g_autoptr(GError) error = NULL;

  g_assert_false (gvir_domain_set_numa_nodeset (dom, empty, GVIR_DOMAIN_AFFECT_CONFIG, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_assert_cmpstr (error->message, ==, "an empty nodeset names no NUMA node for domain 'test'");
  g_clear_error (&error);
  g_assert_false (gvir_domain_set_numa_mode (dom, (GVirDomainNumatuneMode) 7,
                                             GVIR_DOMAIN_AFFECT_CONFIG, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_assert_cmpstr (error->message, ==, "unknown NUMA mode 7 for domain 'test'");
  g_clear_error (&error);
  /* The edges: one past the last mode, and below "keep the mode". */
  g_assert_false (gvir_domain_set_numa_mode (dom, (GVirDomainNumatuneMode) (GVIR_DOMAIN_NUMATUNE_MODE_RESTRICTIVE + 1),
                                             GVIR_DOMAIN_AFFECT_CONFIG, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_assert_cmpstr (error->message, ==, "unknown NUMA mode 4 for domain 'test'");
  g_clear_error (&error);
  g_assert_false (gvir_domain_set_numa_parameters (dom, (GVirDomainNumatuneMode) -2, one,
                                                   GVIR_DOMAIN_AFFECT_CONFIG, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_assert_cmpstr (error->message, ==, "unknown NUMA mode -2 for domain 'test'");
  g_clear_error (&error);
  g_assert_false (gvir_domain_set_numa_nodeset (dom, one, 1 << 4, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_assert_cmpstr (error->message, ==, "unknown NUMA parameter flags 0x10 for domain 'test'");
  g_clear_error (&error);
  g_assert_false (gvir_domain_get_numa_parameters (dom, 1 << 4, NULL, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_assert_cmpstr (error->message, ==, "unknown NUMA parameter flags 0x10 for domain 'test'");

  assert_numa_params (dom, GVIR_DOMAIN_AFFECT_CONFIG, GVIR_DOMAIN_NUMATUNE_MODE_STRICT, NULL);
  close_conn (conn);
}

static void
test_domain_numa_read_only (void)
{
  GVirConnection *conn = open_uri (TEST_URI, TRUE);
  g_autoptr(GVirDomain) dom = find_domain (conn, "test");
  g_autoptr(GVirNodeset) one = nodeset ("1");
  g_autoptr(GError) error = NULL;

  /* Reading works; every change is refused. */
  assert_numa_params (dom, GVIR_DOMAIN_AFFECT_LIVE, GVIR_DOMAIN_NUMATUNE_MODE_STRICT, NULL);
  g_assert_false (gvir_domain_set_numa_nodeset (dom, one, GVIR_DOMAIN_AFFECT_LIVE, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_READ_ONLY);
  g_assert_cmpstr (error->message, ==,
                   "operation 'set NUMA parameters' forbidden: the connection is read-only");
  g_clear_error (&error);
  g_assert_false (gvir_domain_set_numa_parameters (dom, GVIR_DOMAIN_NUMATUNE_MODE_STRICT, one,
                                                   GVIR_DOMAIN_AFFECT_CONFIG, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_READ_ONLY);
  g_assert_cmpstr (error->message, ==,
                   "operation 'set NUMA parameters' forbidden: the connection is read-only");
  g_clear_error (&error);
  g_assert_false (gvir_domain_set_numa_mode (dom, GVIR_DOMAIN_NUMATUNE_MODE_INTERLEAVE,
                                             GVIR_DOMAIN_AFFECT_CONFIG, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_READ_ONLY);
  g_assert_cmpstr (error->message, ==,
                   "operation 'set NUMA parameters' forbidden: the connection is read-only");
  g_clear_error (&error);
  assert_numa_params (dom, GVIR_DOMAIN_AFFECT_LIVE, GVIR_DOMAIN_NUMATUNE_MODE_STRICT, NULL);

  /* The host queries work read-only too. */
  {
    g_autoptr(GVirNodeset) host = NULL;
    GList *cells = gvir_connection_get_node_cells (conn, NULL, &error);

    g_assert_no_error (error);
    check_default_cells (cells);
    g_list_free_full (cells, g_object_unref);
    host = gvir_connection_get_host_nodeset (conn, &error);
    g_assert_no_error (error);
    assert_nodeset (host, "0-1");
  }
  close_conn (conn);
}

static void
test_domain_numa_async (void)
{
  GVirConnection *conn = open_default ();
  g_autoptr(GVirDomain) dom = find_domain (conn, "test");
  g_autoptr(GVirNodeset) one = nodeset ("1");
  g_autoptr(GVirNodeset) both = nodeset ("0-1");
  g_autoptr(GVirNodeset) far = nodeset ("2");
  g_autoptr(GVirNodeset) got = NULL;
  g_autoptr(GError) error = NULL;
  GVirDomainNumatuneMode mode = 99;
  AsyncWait wait;
  GAsyncResult *result;

  gvir_domain_set_numa_nodeset_async (dom, one, GVIR_DOMAIN_AFFECT_LIVE, NULL, async_done,
                                      async_new (&wait));
  result = async_wait (&wait, "the answer of gvir_domain_set_numa_nodeset_async");
  g_assert_true (gvir_domain_set_numa_nodeset_finish (dom, result, &error));
  g_assert_no_error (error);
  g_object_unref (result);

  gvir_domain_set_numa_parameters_async (dom, GVIR_DOMAIN_NUMATUNE_MODE_INTERLEAVE, both,
                                         GVIR_DOMAIN_AFFECT_CONFIG, NULL, async_done,
                                         async_new (&wait));
  result = async_wait (&wait, "the answer of gvir_domain_set_numa_parameters_async");
  g_assert_true (gvir_domain_set_numa_parameters_finish (dom, result, &error));
  g_assert_no_error (error);
  g_object_unref (result);

  gvir_domain_set_numa_mode_async (dom, GVIR_DOMAIN_NUMATUNE_MODE_PREFERRED,
                                   GVIR_DOMAIN_AFFECT_LIVE, NULL, async_done, async_new (&wait));
  result = async_wait (&wait, "the answer of gvir_domain_set_numa_mode_async");
  g_assert_false (gvir_domain_set_numa_mode_finish (dom, result, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
  g_assert_cmpstr (error->message, ==, "cannot change the NUMA mode of running domain 'test'");
  g_clear_error (&error);
  g_object_unref (result);

  gvir_domain_set_numa_mode_async (dom, GVIR_DOMAIN_NUMATUNE_MODE_PREFERRED,
                                   GVIR_DOMAIN_AFFECT_CONFIG, NULL, async_done,
                                   async_new (&wait));
  result = async_wait (&wait, "the answer of gvir_domain_set_numa_mode_async");
  g_assert_true (gvir_domain_set_numa_mode_finish (dom, result, &error));
  g_assert_no_error (error);
  g_object_unref (result);

  gvir_domain_set_numa_parameters_async (dom, GVIR_DOMAIN_NUMATUNE_MODE_STRICT, far, 0, NULL,
                                         async_done, async_new (&wait));
  result = async_wait (&wait, "the answer of gvir_domain_set_numa_parameters_async");
  g_assert_false (gvir_domain_set_numa_parameters_finish (dom, result, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NUMA_UNAVAILABLE);
  g_assert_cmpstr (error->message, ==, "NUMA node 2 is unavailable: host has nodes 0-1");
  g_clear_error (&error);
  g_object_unref (result);

  gvir_domain_get_numa_parameters_async (dom, GVIR_DOMAIN_AFFECT_LIVE, NULL, async_done,
                                         async_new (&wait));
  result = async_wait (&wait, "the answer of gvir_domain_get_numa_parameters_async");
  g_assert_true (gvir_domain_get_numa_parameters_finish (dom, result, &mode, &got, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mode, ==, GVIR_DOMAIN_NUMATUNE_MODE_STRICT);
  assert_nodeset (got, "1");
  g_clear_object (&got);
  g_object_unref (result);

  gvir_domain_get_numa_parameters_async (dom, GVIR_DOMAIN_AFFECT_CONFIG, NULL, async_done,
                                         async_new (&wait));
  result = async_wait (&wait, "the answer of gvir_domain_get_numa_parameters_async");
  g_assert_true (gvir_domain_get_numa_parameters_finish (dom, result, &mode, &got, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mode, ==, GVIR_DOMAIN_NUMATUNE_MODE_PREFERRED);
  assert_nodeset (got, "0-1");
  g_object_unref (result);
  assert_config_numatune (dom, "preferred", "0-1");

  gvir_domain_get_numa_parameters_async (dom, GVIR_DOMAIN_AFFECT_LIVE
                                         | GVIR_DOMAIN_AFFECT_CONFIG, NULL, async_done,
                                         async_new (&wait));
  result = async_wait (&wait, "the answer of gvir_domain_get_numa_parameters_async");
  g_clear_object (&got);
  g_assert_false (gvir_domain_get_numa_parameters_finish (dom, result, &mode, &got, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_assert_cmpstr (error->message, ==, "cannot get live and config NUMA parameters at once");
  g_assert_null (got);
  g_object_unref (result);
  close_conn (conn);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gvir/numa/node-cells", test_node_cells);
  g_test_add_func ("/gvir/numa/node-cells-async", test_node_cells_async);
  g_test_add_func ("/gvir/numa/node-cells-cancelled", test_node_cells_cancelled);
  g_test_add_func ("/gvir/numa/node-cells-file-host", test_node_cells_file_host);
  g_test_add_func ("/gvir/numa/closed-connection", test_node_cells_closed);
  g_test_add_func ("/gvir/numa/cells-free-memory", test_cells_free_memory);
  g_test_add_func ("/gvir/numa/cells-free-memory-errors", test_cells_free_memory_errors);
  g_test_add_func ("/gvir/numa/cells-free-memory-async", test_cells_free_memory_async);
  g_test_add_func ("/gvir/numa/host-nodeset", test_host_nodeset);
  g_test_add_func ("/gvir/numa/nodeset-is-available", test_nodeset_is_available);
  g_test_add_func ("/gvir/numa/nodeset-is-available-async", test_nodeset_is_available_async);
  g_test_add_func ("/gvir/numa/domain/defaults", test_domain_numa_defaults);
  g_test_add_func ("/gvir/numa/domain/live", test_domain_numa_live);
  g_test_add_func ("/gvir/numa/domain/config", test_domain_numa_config);
  g_test_add_func ("/gvir/numa/domain/shutoff", test_domain_numa_shutoff);
  g_test_add_func ("/gvir/numa/domain/unavailable", test_domain_numa_unavailable);
  g_test_add_func ("/gvir/numa/domain/invalid", test_domain_numa_invalid);
  g_test_add_func ("/gvir/numa/domain/read-only", test_domain_numa_read_only);
  g_test_add_func ("/gvir/numa/domain/async", test_domain_numa_async);

  return g_test_run ();
}
