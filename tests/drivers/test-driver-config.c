/*
 * test-driver-config.c: the test driver on test:///PATH.xml (<node> files)
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

#include "driver-test-utils.h"

static char *
fixture_uri (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "drivers", "data", name, NULL);
  g_autofree char *abs = g_canonicalize_filename (path, NULL);

  return g_strconcat ("test://", abs, NULL);
}

static GVirDriverConnection *
open_fixture (const char *name, GVirDriverEventFunc func, gpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = fixture_uri (name);
  GVirDriverConnection *conn = gvir_driver_connection_open (uri, FALSE, func, data, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (conn);
  return conn;
}

static GVirDriverDomain *
by_name (GVirDriverConnection *conn, const char *name)
{
  g_autoptr(GError) error = NULL;
  GVirDriverDomain *dom = gvir_driver_connection_lookup_domain_by_name (conn, name, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dom);
  return dom;
}

static void
test_testnode (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDriverConnection) conn = open_fixture ("testnode.xml", NULL, NULL);
  g_autoptr(GPtrArray) list = gvir_driver_connection_list_domains (conn, NULL, &error);
  g_autoptr(GVirDriverDomain) fv0 = NULL;
  g_autoptr(GVirDriverDomain) fc5 = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *nodeset = NULL;
  GVirDriverNodeInfo info;
  GVirDriverDomainInfo dinfo;
  int mode = -1;

  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpstr (((GVirDriverDomain *) list->pdata[0])->name, ==, "fv0");
  g_assert_cmpstr (((GVirDriverDomain *) list->pdata[1])->name, ==, "fc4");
  g_assert_cmpstr (((GVirDriverDomain *) list->pdata[2])->name, ==, "fc5");

  /* Domains without a runstate run, with ids in file order. */
  fv0 = by_name (conn, "fv0");
  g_assert_cmpint (fv0->id, ==, 1);
  g_assert_cmpint (fv0->state, ==, GVIR_DRIVER_STATE_RUNNING);
  g_assert_true (fv0->persistent);
  g_assert_true (gvir_driver_connection_get_domain_info (conn, fv0->uuid, &dinfo, NULL, &error));
  g_assert_cmpuint (dinfo.max_mem_kib, ==, 524288);
  g_assert_cmpuint (dinfo.memory_kib, ==, 262144);

  fc5 = by_name (conn, "fc5");
  g_assert_cmpstr (fc5->uuid, ==, "b9f7d4a1-3e25-4c8a-9f30-2a6d5c7e8b14");
  g_assert_cmpint (fc5->id, ==, 3);
  g_assert_cmpint (fc5->state, ==, GVIR_DRIVER_STATE_PAUSED);
  xml = gvir_driver_connection_get_domain_xml (conn, fc5->uuid, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (xml, "runstate"));
  g_assert_null (strstr (xml, "libvirt.org/schemas/domain/test"));
  g_assert_true (gvir_driver_connection_get_numa_parameters (conn, fc5->uuid, 0, &mode, &nodeset,
                                                             NULL, &error));
  g_assert_cmpint (mode, ==, 1);
  g_assert_cmpstr (nodeset, ==, "1");

  g_assert_true (gvir_driver_connection_get_node_info (conn, &info, NULL, &error));
  g_assert_cmpstr (info.model, ==, "i986");
  g_assert_cmpuint (info.memory_kib, ==, 8192000);
  g_assert_cmpuint (info.mhz, ==, 6000);
  g_assert_cmpuint (info.nodes, ==, 4);
  g_assert_cmpuint (info.sockets, ==, 4);
  g_assert_cmpuint (info.cores, ==, 4);
  g_assert_cmpuint (info.threads, ==, 2);
  g_assert_cmpuint (info.cpus, ==, 50);
  gvir_driver_node_info_clear (&info);
}

static void
test_no_cells (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDriverConnection) conn = open_fixture ("testnode.xml", NULL, NULL);
  g_autoptr(GArray) cells = NULL;
  g_autofree char *caps = NULL;
  g_autoptr(GVirIdSet) nodes = NULL;
  g_autofree char *text = NULL;

  cells = gvir_driver_connection_get_cells_free_memory (conn, 0, 1, NULL, &error);
  g_assert_null (cells);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "range exceeds available cells"));
  g_clear_error (&error);

  caps = gvir_driver_connection_get_capabilities (conn, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (caps, "<topology>"));
  g_assert_nonnull (strstr (caps, "<guest>"));

  /* Without cells, the host's nodes are 0 .. <cpu><nodes> - 1. */
  nodes = gvir_driver_connection_get_host_nodes (conn, NULL, &error);
  g_assert_no_error (error);
  text = gvir_id_set_format (nodes);
  g_assert_cmpstr (text, ==, "0-3");
}

static void
test_states (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDriverConnection) conn = NULL;
  g_autoptr(GVirDriverDomain) off = NULL;
  g_autoptr(GVirDriverDomain) saved = NULL;
  g_autoptr(GVirDriverDomain) transient = NULL;
  g_autoptr(GVirDriverDomain) paused = NULL;
  g_autoptr(GVirDriverDomain) running = NULL;
  g_autoptr(GVirDriverDomain) after = NULL;
  Recorder rec;

  recorder_init (&rec);
  conn = open_fixture ("states.xml", recorder_func, &rec);
  off = by_name (conn, "off");
  saved = by_name (conn, "saved");
  transient = by_name (conn, "transient");
  paused = by_name (conn, "paused");
  running = by_name (conn, "running");

  g_assert_cmpint (off->state, ==, GVIR_DRIVER_STATE_SHUTOFF);
  g_assert_cmpint (off->id, ==, -1);
  g_assert_true (off->persistent);
  g_assert_cmpint (saved->state, ==, GVIR_DRIVER_STATE_SHUTOFF);
  g_assert_true (saved->has_managed_save);
  g_assert_false (transient->persistent);
  g_assert_cmpint (transient->state, ==, GVIR_DRIVER_STATE_RUNNING);
  g_assert_cmpint (transient->id, ==, 1);
  g_assert_cmpint (paused->state, ==, GVIR_DRIVER_STATE_PAUSED);
  g_assert_cmpint (paused->id, ==, 2);
  g_assert_cmpint (running->id, ==, 3);
  g_assert_cmpuint (strlen (running->uuid), ==, 36);

  /* The pre-existing managed save is used on start. */
  g_assert_true (gvir_driver_connection_start_domain (conn, saved->uuid, 0, NULL, &error));
  g_assert_no_error (error);
  recorder_expect (&rec, "saved", GVIR_DRIVER_EVENT_STARTED, GVIR_DRIVER_STARTED_RESTORED);
  after = by_name (conn, "saved");
  g_assert_false (after->has_managed_save);
  g_assert_cmpint (after->id, ==, 4);

  g_assert_true (gvir_driver_connection_resume_domain (conn, paused->uuid, NULL, &error));
  recorder_expect (&rec, "paused", GVIR_DRIVER_EVENT_RESUMED, GVIR_DRIVER_RESUMED_UNPAUSED);

  g_assert_true (gvir_driver_connection_destroy_domain (conn, transient->uuid, 0, NULL, &error));
  recorder_expect (&rec, "transient", GVIR_DRIVER_EVENT_STOPPED, GVIR_DRIVER_STOPPED_DESTROYED);
  g_assert_null (gvir_driver_connection_lookup_domain_by_name (conn, "transient", NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "no domain with name 'transient'");
  recorder_assert_empty (&rec);

  gvir_driver_connection_close (conn);
  recorder_clear (&rec);
}

static void
test_fresh_state_per_open (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDriverConnection) a = open_fixture ("testnode.xml", NULL, NULL);
  g_autoptr(GVirDriverConnection) b = NULL;
  g_autoptr(GVirDriverDomain) in_a = by_name (a, "fc4");
  g_autoptr(GVirDriverDomain) in_b = NULL;
  Recorder rec;

  recorder_init (&rec);
  b = open_fixture ("testnode.xml", recorder_func, &rec);
  g_assert_true (gvir_driver_connection_destroy_domain (a, in_a->uuid, 0, NULL, &error));
  g_assert_no_error (error);

  in_b = by_name (b, "fc4");
  g_assert_cmpint (in_b->state, ==, GVIR_DRIVER_STATE_RUNNING);
  recorder_assert_empty (&rec);

  gvir_driver_connection_close (b);
  recorder_clear (&rec);
}

static void
test_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDriverConnection) conn = open_fixture ("empty.xml", NULL, NULL);
  g_autoptr(GPtrArray) list = gvir_driver_connection_list_domains (conn, NULL, &error);
  GVirDriverNodeInfo info;

  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  g_assert_true (gvir_driver_connection_get_node_info (conn, &info, NULL, &error));
  g_assert_cmpuint (info.cpus, ==, 16);
  g_assert_cmpuint (info.memory_kib, ==, 3145728);
  gvir_driver_node_info_clear (&info);
}

/* ---- NUMA placement on hosts read from a file ------------------------------- */

static void
assert_start_refused (GVirDriverConnection *conn,
                      Recorder             *rec,
                      const char           *name,
                      const char           *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDriverDomain) before = by_name (conn, name);
  g_autoptr(GVirDriverDomain) after = NULL;
  g_autofree char *xml_before = NULL;
  g_autofree char *xml_after = NULL;

  xml_before = gvir_driver_connection_get_domain_xml (conn, before->uuid, GVIR_DRIVER_XML_INACTIVE,
                                                      NULL, &error);
  g_assert_no_error (error);

  g_assert_false (gvir_driver_connection_start_domain (conn, before->uuid, 0, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NUMA_UNAVAILABLE);
  g_assert_cmpstr (error->message, ==, message);
  g_clear_error (&error);

  after = by_name (conn, name);
  g_assert_cmpint (after->state, ==, before->state);
  g_assert_cmpint (after->reason, ==, before->reason);
  g_assert_cmpint (after->id, ==, before->id);
  xml_after = gvir_driver_connection_get_domain_xml (conn, before->uuid, GVIR_DRIVER_XML_INACTIVE,
                                                     NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xml_after, ==, xml_before);
  recorder_assert_empty (rec);
}

/* Like libvirtd with its configuration directory, the loader keeps stored
 * definitions even when the host lacks a node they name (the host may have
 * changed since they were written); the placement is checked when such a
 * domain starts. A domain the file declares running is taken as it is. */
static void
test_numa_start (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDriverConnection) conn = NULL;
  g_autoptr(GVirDriverDomain) running = NULL;
  g_autoptr(GVirDriverDomain) fits = NULL;
  Recorder rec;

  recorder_init (&rec);
  conn = open_fixture ("numa-2nodes.xml", recorder_func, &rec);

  /* No cells in the capabilities: the nodes come from <cpu><nodes>. */
  assert_start_refused (conn, &rec, "too-far", "NUMA node 3 is unavailable: host has nodes 0-1");
  assert_start_refused (conn, &rec, "too-far-memnode",
                        "NUMA node 3 is unavailable: host has nodes 0-1");

  running = by_name (conn, "running-far");
  g_assert_cmpint (running->state, ==, GVIR_DRIVER_STATE_RUNNING);
  g_assert_true (gvir_driver_connection_destroy_domain (conn, running->uuid, 0, NULL, &error));
  g_assert_no_error (error);
  recorder_expect (&rec, "running-far", GVIR_DRIVER_EVENT_STOPPED, GVIR_DRIVER_STOPPED_DESTROYED);
  assert_start_refused (conn, &rec, "running-far", "NUMA node 3 is unavailable: host has nodes 0-1");

  fits = by_name (conn, "fits");
  g_assert_true (gvir_driver_connection_start_domain (conn, fits->uuid, 0, NULL, &error));
  g_assert_no_error (error);
  recorder_expect (&rec, "fits", GVIR_DRIVER_EVENT_STARTED, GVIR_DRIVER_STARTED_BOOTED);
  recorder_assert_empty (&rec);

  gvir_driver_connection_close (conn);
  recorder_clear (&rec);
}

/* Moving the placement onto the host makes the domain startable. */
static void
test_numa_repair (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDriverConnection) conn = open_fixture ("numa-2nodes.xml", NULL, NULL);
  g_autoptr(GVirDriverDomain) dom = by_name (conn, "too-far");

  g_assert_false (gvir_driver_connection_set_numa_parameters (conn, dom->uuid, -1, "2-3", 0,
                                                              NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NUMA_UNAVAILABLE);
  g_assert_cmpstr (error->message, ==, "NUMA node 2 is unavailable: host has nodes 0-1");
  g_clear_error (&error);

  g_assert_true (gvir_driver_connection_set_numa_parameters (conn, dom->uuid, -1, "1", 0,
                                                             NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gvir_driver_connection_start_domain (conn, dom->uuid, 0, NULL, &error));
  g_assert_no_error (error);
}

static void
test_numa_define (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDriverConnection) conn = open_fixture ("numa-2nodes.xml", NULL, NULL);
  g_autoptr(GVirDriverDomain) dom = NULL;
  g_autoptr(GPtrArray) list = NULL;

  dom = gvir_driver_connection_define_domain (conn,
    "<domain type='test'><name>new</name><memory>65536</memory>"
    "<numatune><memory nodeset='2'/></numatune></domain>", 0, NULL, &error);
  g_assert_null (dom);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NUMA_UNAVAILABLE);
  g_assert_cmpstr (error->message, ==, "NUMA node 2 is unavailable: host has nodes 0-1");
  g_clear_error (&error);
  list = gvir_driver_connection_list_domains (conn, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 4);
}

static void
test_numa_single_node (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDriverConnection) conn = NULL;
  g_autoptr(GVirDriverDomain) dom = NULL;
  Recorder rec;

  recorder_init (&rec);
  conn = open_fixture ("numa-1node.xml", recorder_func, &rec);
  assert_start_refused (conn, &rec, "two-nodes", "NUMA node 1 is unavailable: host has node 0");

  dom = by_name (conn, "two-nodes");
  g_assert_true (gvir_driver_connection_set_numa_parameters (conn, dom->uuid, -1, "0", 0,
                                                             NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gvir_driver_connection_start_domain (conn, dom->uuid, 0, NULL, &error));
  g_assert_no_error (error);
  recorder_expect (&rec, "two-nodes", GVIR_DRIVER_EVENT_STARTED, GVIR_DRIVER_STARTED_BOOTED);

  gvir_driver_connection_close (conn);
  recorder_clear (&rec);
}

static const struct
{
  const char *file;
  int code;
  const char *needle;
} broken[] = {
  { "bad-numa-nodeset.xml", GVIR_ERROR_XML, "nodeset='0-3,^'" },
  { "bad-root.xml", GVIR_ERROR_XML, "expected <node>" },
  { "bad-malformed.xml", GVIR_ERROR_XML, "malformed XML" },
  { "bad-noname.xml", GVIR_ERROR_XML, "<name>" },
  { "bad-dup-name.xml", GVIR_ERROR_XML, "duplicate domain 'x'" },
  { "bad-dup-uuid.xml", GVIR_ERROR_XML, "duplicate domain 'b'" },
  { "bad-runstate.xml", GVIR_ERROR_XML, "runstate" },
  { "bad-runstate-text.xml", GVIR_ERROR_XML, "runstate" },
  { "bad-transient-shutoff.xml", GVIR_ERROR_XML, "transient" },
  { "bad-managedsave-running.xml", GVIR_ERROR_XML, "hasmanagedsave" },
  { "bad-missing-file.xml", GVIR_ERROR_XML, "does-not-exist.xml" },
  { "bad-cpu.xml", GVIR_ERROR_XML, "invalid <nodes> value 'many'" },
  /* Counts are positive and bounded. */
  { "bad-cpu-zero.xml", GVIR_ERROR_XML, "invalid <sockets> value '0'" },
  { "bad-cpu-too-many.xml", GVIR_ERROR_XML, "invalid <cores> value '1025'" },
  { "bad-memory-zero.xml", GVIR_ERROR_XML, "invalid <memory> value '0'" },
  { "bad-uuid.xml", GVIR_ERROR_XML, "not-a-uuid" },
  { "bad-domain-file.xml", GVIR_ERROR_XML, "expected <domain>" },
  { "no-such-file.xml", GVIR_ERROR_INVALID_ARGUMENT, "no-such-file.xml" },
  { "", GVIR_ERROR_INVALID_ARGUMENT, "not a regular file" },
};

static void
test_broken (gconstpointer data)
{
  gsize i = GPOINTER_TO_SIZE (data);
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = fixture_uri (broken[i].file);
  g_autoptr(GVirDriverConnection) conn = NULL;

  conn = gvir_driver_connection_open (uri, FALSE, NULL, NULL, NULL, &error);
  g_assert_null (conn);
  g_assert_error (error, GVIR_ERROR, broken[i].code);
  g_test_message ("%s: %s", broken[i].file, error->message);
  g_assert_nonnull (strstr (error->message, broken[i].needle));
}

int
main (int argc, char **argv)
{
  gsize i;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/drivers/config/testnode", test_testnode);
  g_test_add_func ("/drivers/config/no-cells", test_no_cells);
  g_test_add_func ("/drivers/config/states", test_states);
  g_test_add_func ("/drivers/config/fresh-state-per-open", test_fresh_state_per_open);
  g_test_add_func ("/drivers/config/empty", test_empty);
  g_test_add_func ("/drivers/config/numa/start", test_numa_start);
  g_test_add_func ("/drivers/config/numa/repair", test_numa_repair);
  g_test_add_func ("/drivers/config/numa/define", test_numa_define);
  g_test_add_func ("/drivers/config/numa/single-node", test_numa_single_node);
  for (i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autofree char *path = g_strdup_printf ("/drivers/config/broken/%s",
                                               *broken[i].file ? broken[i].file : "directory");

      g_test_add_data_func (path, GSIZE_TO_POINTER (i), test_broken);
    }

  return g_test_run ();
}
