/*
 * test-gobject-numa.c: the NUMA calls of GVirConnection and GVirDomain
 * against test:///default, through the public layer
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * test:///default has two cells (reference/libvirt-test-driver.md, 2.2):
 * 2 GiB and 4 GiB of memory, 1 GiB and 2 GiB free. tests/numa covers the
 * topology in depth; here each call is checked in its blocking and async
 * forms and on its argument checks.
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "test-gobject-common.h"

#define GIB ((guint64) 1 << 30)

static GVirNodeset *
nodeset (const char *text)
{
  g_autoptr(GError) error = NULL;
  GVirNodeset *set = gvir_nodeset_new_from_string (text, &error);

  g_assert_no_error (error);
  return set;
}

static void
assert_nodeset (GVirNodeset *set, const char *text)
{
  g_autofree char *str = NULL;

  if (text == NULL)
    {
      g_assert_null (set);
      return;
    }
  g_assert_nonnull (set);
  str = gvir_nodeset_to_string (set);
  g_assert_cmpstr (str, ==, text);
}

static void
check_cells (GList *cells)
{
  g_assert_cmpuint (g_list_length (cells), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      GVirNodeCell *cell = g_list_nth_data (cells, i);

      g_assert_cmpuint (gvir_node_cell_get_id (cell), ==, i);
      g_assert_cmpuint (gvir_node_cell_get_memory (cell), ==, (i + 1) * 2 * GIB);
      g_assert_cmpuint (gvir_node_cell_get_free_memory (cell), ==, (i + 1) * GIB);
    }
}

static void
test_host_topology (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) cells_result = NULL;
  g_autoptr(GAsyncResult) nodes_result = NULL;
  g_autoptr(GVirNodeset) host = NULL;
  g_autoptr(GVirNodeset) async_host = NULL;
  GVirConnection *conn = open_test_connection ();
  AsyncWait wait = { 0 };
  GList *cells;

  cells = gvir_connection_get_node_cells (conn, NULL, &error);
  g_assert_no_error (error);
  check_cells (cells);
  g_list_free_full (cells, g_object_unref);

  gvir_connection_get_node_cells_async (conn, NULL, async_wait_cb, &wait);
  cells_result = async_wait_finish (&wait, "gvir_connection_get_node_cells_async");
  cells = gvir_connection_get_node_cells_finish (conn, cells_result, &error);
  g_assert_no_error (error);
  check_cells (cells);
  g_list_free_full (cells, g_object_unref);

  host = gvir_connection_get_host_nodeset (conn, &error);
  g_assert_no_error (error);
  assert_nodeset (host, "0-1");
  g_assert_true (gvir_nodeset_get_type () == GVIR_TYPE_NODESET);
  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (host, gvir_nodeset_get_type ()));
  g_assert_cmpuint (gvir_nodeset_count (host), ==, 2);
  gvir_connection_get_host_nodeset_async (conn, NULL, async_wait_cb, &wait);
  nodes_result = async_wait_finish (&wait, "gvir_connection_get_host_nodeset_async");
  async_host = gvir_connection_get_host_nodeset_finish (conn, nodes_result, &error);
  g_assert_no_error (error);
  assert_nodeset (async_host, "0-1");

  g_clear_object (&cells_result);
  g_clear_object (&nodes_result);
  close_and_finalize (conn);
}

static void
test_cells_free_memory (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) refused_result = NULL;
  g_autofree guint64 *both = NULL;
  g_autofree guint64 *cut = NULL;
  g_autofree guint64 *async_free = NULL;
  g_autofree guint64 *refused = NULL;
  GVirConnection *conn = open_test_connection ();
  AsyncWait wait = { 0 };
  guint n = 99;
  const struct { gint start, count, code; } bad[] = {
    { 2, 1, GVIR_ERROR_NOT_FOUND },
    { -1, 1, GVIR_ERROR_INVALID_ARGUMENT },
    { 0, 0, GVIR_ERROR_INVALID_ARGUMENT },
  };

  both = gvir_connection_get_cells_free_memory (conn, 0, 2, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (both[0], ==, GIB);
  g_assert_cmpuint (both[1], ==, 2 * GIB);

  /* A range past the last cell is cut short. */
  cut = gvir_connection_get_cells_free_memory (conn, 1, 5, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (cut[0], ==, 2 * GIB);

  gvir_connection_get_cells_free_memory_async (conn, 1, 1, NULL, async_wait_cb, &wait);
  result = async_wait_finish (&wait, "gvir_connection_get_cells_free_memory_async");
  async_free = gvir_connection_get_cells_free_memory_finish (conn, result, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (async_free[0], ==, 2 * GIB);

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree guint64 *none = NULL;

      g_test_message ("start %d, count %d", bad[i].start, bad[i].count);
      n = 99;
      none = gvir_connection_get_cells_free_memory (conn, bad[i].start, bad[i].count, &n, &error);
      g_assert_null (none);
      g_assert_error (error, GVIR_ERROR, bad[i].code);
      g_assert_cmpuint (n, ==, 0);
      g_clear_error (&error);
    }
  gvir_connection_get_cells_free_memory_async (conn, -3, 1, NULL, async_wait_cb, &wait);
  refused_result = async_wait_finish (&wait,
                                      "a refused gvir_connection_get_cells_free_memory_async");
  refused = gvir_connection_get_cells_free_memory_finish (conn, refused_result, &n, &error);
  g_assert_null (refused);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "-3"));

  g_clear_object (&result);
  g_clear_object (&refused_result);
  close_and_finalize (conn);
}

static void
test_nodeset_is_available (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirNodeset) zero = nodeset ("0");
  g_autoptr(GVirNodeset) beyond = nodeset ("0,4-5");
  g_autoptr(GVirNodeset) empty = gvir_nodeset_new_from_nodes (NULL, 0, &error);
  g_autoptr(GAsyncResult) ok_result = NULL;
  g_autoptr(GAsyncResult) refused_result = NULL;
  GVirConnection *conn = open_test_connection ();
  AsyncWait wait = { 0 };

  g_assert_no_error (error);
  g_assert_true (gvir_connection_nodeset_is_available (conn, zero, &error));
  g_assert_no_error (error);
  g_assert_true (gvir_connection_nodeset_is_available (conn, empty, &error));
  g_assert_no_error (error);
  g_assert_false (gvir_connection_nodeset_is_available (conn, beyond, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NUMA_UNAVAILABLE);
  g_assert_cmpstr (error->message, ==, "NUMA node 4 is unavailable: host has nodes 0-1");
  g_clear_error (&error);

  gvir_connection_nodeset_is_available_async (conn, zero, NULL, async_wait_cb, &wait);
  ok_result = async_wait_finish (&wait, "gvir_connection_nodeset_is_available_async");
  g_assert_true (gvir_connection_nodeset_is_available_finish (conn, ok_result, &error));
  g_assert_no_error (error);
  gvir_connection_nodeset_is_available_async (conn, beyond, NULL, async_wait_cb, &wait);
  refused_result = async_wait_finish (&wait,
                                      "a refused gvir_connection_nodeset_is_available_async");
  g_assert_false (gvir_connection_nodeset_is_available_finish (conn, refused_result, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NUMA_UNAVAILABLE);

  g_clear_object (&ok_result);
  g_clear_object (&refused_result);
  close_and_finalize (conn);
}

/* A <node> file has no NUMA cells: no cells and no error, and the host's
 * nodes come from the node info. */
static void
test_host_without_cells (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gvir-numa-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GVirNodeset) host = NULL;
  g_autoptr(GVirNodeset) three = nodeset ("3");
  GVirConnection *conn;
  GList *cells;

  g_assert_no_error (error);
  path = g_build_filename (dir, "host.xml", NULL);
  g_assert_true (g_file_set_contents (path,
                                      "<node><cpu><nodes>3</nodes><sockets>1</sockets>"
                                      "<cores>2</cores><threads>1</threads></cpu></node>",
                                      -1, &error));
  g_assert_no_error (error);
  uri = g_strconcat ("test://", path, NULL);
  conn = gvir_connection_new (uri);
  g_assert_true (gvir_connection_open (conn, NULL, &error));
  g_assert_no_error (error);

  cells = gvir_connection_get_node_cells (conn, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (cells);
  host = gvir_connection_get_host_nodeset (conn, &error);
  g_assert_no_error (error);
  assert_nodeset (host, "0-2");
  g_assert_false (gvir_connection_nodeset_is_available (conn, three, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NUMA_UNAVAILABLE);

  close_and_finalize (conn);
  g_remove (path);
  g_rmdir (dir);
}

/* ---- a domain's placement ------------------------------------------------------ */

static void
assert_numa (GVirDomain *dom, guint flags, GVirDomainNumatuneMode mode, const char *nodes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirNodeset) got = NULL;
  GVirDomainNumatuneMode got_mode = 99;

  g_assert_true (gvir_domain_get_numa_parameters (dom, flags, &got_mode, &got, &error));
  g_assert_no_error (error);
  g_assert_cmpint (got_mode, ==, mode);
  assert_nodeset (got, nodes);
}

typedef gboolean (*NumaFinish) (GVirDomain *dom, GAsyncResult *result, GError **error);

static void
finish_numa (GVirDomain *dom, AsyncWait *wait, NumaFinish finish, const char *what,
             gint code)
{
  g_autoptr(GAsyncResult) result = async_wait_finish (wait, what);
  g_autoptr(GError) error = NULL;
  gboolean done = finish (dom, result, &error);

  if (code < 0)
    {
      g_assert_no_error (error);
      g_assert_true (done);
    }
  else
    {
      g_assert_error (error, GVIR_ERROR, code);
      g_assert_false (done);
    }
}

static void
test_domain_placement (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirNodeset) one = nodeset ("1");
  g_autoptr(GVirNodeset) both = nodeset ("0-1");
  g_autoptr(GAsyncResult) get_result = NULL;
  g_autoptr(GVirNodeset) async_nodes = NULL;
  GVirConnection *conn = open_test_connection ();
  GVirDomain *dom = fetch_test_domain (conn);
  AsyncWait wait = { 0 };
  GVirDomainNumatuneMode mode = 99;

  /* No <numatune>: libvirt's default mode, no nodes. */
  assert_numa (dom, GVIR_DOMAIN_AFFECT_LIVE, GVIR_DOMAIN_NUMATUNE_MODE_STRICT, NULL);
  assert_numa (dom, GVIR_DOMAIN_AFFECT_CONFIG, GVIR_DOMAIN_NUMATUNE_MODE_STRICT, NULL);
  g_assert_true (gvir_domain_get_numa_parameters (dom, 0, NULL, NULL, &error));
  g_assert_no_error (error);

  /* The nodes change live, whatever the mode; the persistent definition
   * keeps its own. */
  g_assert_true (gvir_domain_set_numa_nodeset (dom, one, GVIR_DOMAIN_AFFECT_LIVE, &error));
  g_assert_no_error (error);
  assert_numa (dom, GVIR_DOMAIN_AFFECT_LIVE, GVIR_DOMAIN_NUMATUNE_MODE_STRICT, "1");
  assert_numa (dom, GVIR_DOMAIN_AFFECT_CONFIG, GVIR_DOMAIN_NUMATUNE_MODE_STRICT, NULL);

  gvir_domain_set_numa_nodeset_async (dom, both, GVIR_DOMAIN_AFFECT_CONFIG, NULL,
                                      async_wait_cb, &wait);
  finish_numa (dom, &wait, gvir_domain_set_numa_nodeset_finish,
               "gvir_domain_set_numa_nodeset_async", -1);
  assert_numa (dom, GVIR_DOMAIN_AFFECT_CONFIG, GVIR_DOMAIN_NUMATUNE_MODE_STRICT, "0-1");

  /* The mode of a running domain cannot change live, only for the next boot. */
  g_assert_false (gvir_domain_set_numa_mode (dom, GVIR_DOMAIN_NUMATUNE_MODE_INTERLEAVE,
                                             GVIR_DOMAIN_AFFECT_LIVE, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
  g_clear_error (&error);
  assert_numa (dom, GVIR_DOMAIN_AFFECT_LIVE, GVIR_DOMAIN_NUMATUNE_MODE_STRICT, "1");
  gvir_domain_set_numa_mode_async (dom, GVIR_DOMAIN_NUMATUNE_MODE_INTERLEAVE,
                                   GVIR_DOMAIN_AFFECT_CONFIG, NULL, async_wait_cb, &wait);
  finish_numa (dom, &wait, gvir_domain_set_numa_mode_finish, "gvir_domain_set_numa_mode_async",
               -1);
  assert_numa (dom, GVIR_DOMAIN_AFFECT_CONFIG, GVIR_DOMAIN_NUMATUNE_MODE_INTERLEAVE, "0-1");
  g_assert_true (gvir_domain_set_numa_mode (dom, GVIR_DOMAIN_NUMATUNE_MODE_PREFERRED,
                                            GVIR_DOMAIN_AFFECT_CONFIG, &error));
  g_assert_no_error (error);

  g_assert_true (gvir_domain_set_numa_parameters (dom, GVIR_DOMAIN_NUMATUNE_MODE_RESTRICTIVE,
                                                  one, GVIR_DOMAIN_AFFECT_CONFIG, &error));
  g_assert_no_error (error);
  assert_numa (dom, GVIR_DOMAIN_AFFECT_CONFIG, GVIR_DOMAIN_NUMATUNE_MODE_RESTRICTIVE, "1");
  gvir_domain_set_numa_parameters_async (dom, GVIR_DOMAIN_NUMATUNE_MODE_STRICT, both,
                                         GVIR_DOMAIN_AFFECT_CONFIG, NULL, async_wait_cb, &wait);
  finish_numa (dom, &wait, gvir_domain_set_numa_parameters_finish,
               "gvir_domain_set_numa_parameters_async", -1);

  gvir_domain_get_numa_parameters_async (dom, GVIR_DOMAIN_AFFECT_CONFIG, NULL,
                                         async_wait_cb, &wait);
  get_result = async_wait_finish (&wait, "gvir_domain_get_numa_parameters_async");
  g_assert_true (gvir_domain_get_numa_parameters_finish (dom, get_result, &mode, &async_nodes,
                                                         &error));
  g_assert_no_error (error);
  g_assert_cmpint (mode, ==, GVIR_DOMAIN_NUMATUNE_MODE_STRICT);
  assert_nodeset (async_nodes, "0-1");

  g_clear_object (&get_result);
  g_clear_object (&dom);
  close_and_finalize (conn);
}

/* Refused placements change nothing, in either definition. */
static void
test_domain_placement_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirNodeset) missing = nodeset ("0,5");
  g_autoptr(GVirNodeset) one = nodeset ("1");
  g_autoptr(GVirNodeset) empty = gvir_nodeset_new_from_nodes (NULL, 0, &error);
  g_autoptr(GAsyncResult) get_result = NULL;
  GVirConnection *conn = open_test_connection ();
  GVirDomain *dom = fetch_test_domain (conn);
  AsyncWait wait = { 0 };
  GVirDomainNumatuneMode mode = 99;
  GVirNodeset *nodes = (GVirNodeset *) 0x1;

  g_assert_no_error (error);
  g_assert_false (gvir_domain_set_numa_nodeset (dom, missing, GVIR_DOMAIN_AFFECT_LIVE, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NUMA_UNAVAILABLE);
  g_clear_error (&error);
  g_assert_false (gvir_domain_set_numa_nodeset (dom, empty, GVIR_DOMAIN_AFFECT_CONFIG, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (gvir_domain_set_numa_parameters (dom, 7, one, GVIR_DOMAIN_AFFECT_CONFIG,
                                                   &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "7"));
  g_clear_error (&error);
  g_assert_false (gvir_domain_set_numa_mode (dom, GVIR_DOMAIN_NUMATUNE_MODE_STRICT, 1 << 4,
                                             &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  /* A failed read clears what it returns. */
  g_assert_false (gvir_domain_get_numa_parameters (dom, 1 << 5, &mode, &nodes, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_assert_cmpint (mode, ==, GVIR_DOMAIN_NUMATUNE_MODE_STRICT);
  g_assert_null (nodes);
  g_clear_error (&error);
  gvir_domain_get_numa_parameters_async (dom, 1 << 5, NULL, async_wait_cb, &wait);
  get_result = async_wait_finish (&wait, "a refused gvir_domain_get_numa_parameters_async");
  nodes = (GVirNodeset *) 0x1;
  g_assert_false (gvir_domain_get_numa_parameters_finish (dom, get_result, &mode, &nodes,
                                                          &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_assert_null (nodes);
  g_clear_error (&error);

  assert_numa (dom, GVIR_DOMAIN_AFFECT_LIVE, GVIR_DOMAIN_NUMATUNE_MODE_STRICT, NULL);
  assert_numa (dom, GVIR_DOMAIN_AFFECT_CONFIG, GVIR_DOMAIN_NUMATUNE_MODE_STRICT, NULL);

  /* A shut-off domain has no live placement. */
  g_assert_true (gvir_domain_stop (dom, 0, &error));
  g_assert_no_error (error);
  g_assert_false (gvir_domain_get_numa_parameters (dom, GVIR_DOMAIN_AFFECT_LIVE, NULL, NULL,
                                                   &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);

  g_clear_object (&get_result);
  g_clear_object (&dom);
  close_and_finalize (conn);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  gvir_init_object (&argc, &argv);

  g_test_add_func ("/gvir/numa/host-topology", test_host_topology);
  g_test_add_func ("/gvir/numa/cells-free-memory", test_cells_free_memory);
  g_test_add_func ("/gvir/numa/nodeset-is-available", test_nodeset_is_available);
  g_test_add_func ("/gvir/numa/host-without-cells", test_host_without_cells);
  g_test_add_func ("/gvir/numa/domain-placement", test_domain_placement);
  g_test_add_func ("/gvir/numa/domain-placement-refused", test_domain_placement_refused);

  return g_test_run ();
}
