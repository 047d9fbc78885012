/*
 * test-numa-host.c: the host NUMA layer on the real host
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Every function of libvirt-gobject/util/gvir-numa.c, unmocked, compared
 * with what the kernel says in /sys/devices/system/node (with libnuma), or
 * with what the single-node stub promises (-Dnuma=disabled): one node 0
 * holding every CPU and all memory. Valid on any host.
 */
#include "config.h"

#include <string.h>
#include <unistd.h>

#if HAVE_NUMA
#include <numaif.h>
#endif

#include "libvirt-gobject/libvirt-gobject-error.h"
#include "libvirt-gobject/util/gvir-id-set-private.h"
#include "libvirt-gobject/util/gvir-numa-private.h"

#include "gvir-test-wait.h"

#define SYSFS_NODES "/sys/devices/system/node"
/* A CPU id that no host has. */
#define NO_SUCH_CPU (1 << 20)

/* ---- helpers ---------------------------------------------------------------- */

static GVirIdSet *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  GVirIdSet *set = gvir_id_set_parse (text, "nodeset", GVIR_ID_SET_LIMIT, &error);

  g_assert_no_error (error);
  return set;
}

static GVirIdSet *
id_set_of (const guint *ids, gsize n_ids)
{
  GVirIdSet *set = gvir_id_set_new (GVIR_ID_SET_LIMIT);

  for (gsize i = 0; i < n_ids; i++)
    g_assert_true (gvir_id_set_add (set, ids[i]));
  return set;
}

static guint *
ids_of (const GVirIdSet *set, gsize *n_ids)
{
  GArray *ids = gvir_id_set_to_array (set);

  *n_ids = ids->len;
  return (guint *) g_array_free (ids, FALSE);
}

static void
assert_nodeset (GVirIdSet *set, GVirIdSet *expected)
{
  g_autofree char *text = gvir_id_set_format (set);
  g_autofree char *expected_text = gvir_id_set_format (expected);

  g_assert_cmpstr (text, ==, expected_text);
  g_assert_true (gvir_id_set_equal (set, expected));
}

static void
assert_policy_error (GVirNumaPolicy policy, GVirIdSet *set, gint code, const char *message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (gvir_numa_set_memory_policy (policy, set, &error));
  g_assert_error (error, GVIR_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

/* The host nodes, one past the last of them, and the error naming it. */
static void
check_unavailable_beyond (GVirIdSet *host)
{
  g_autofree char *host_text = gvir_id_set_format (host);
  guint beyond = (guint) gvir_id_set_last (host) + 1;
  g_autoptr(GVirIdSet) with_beyond = NULL;
  g_autoptr(GVirIdSet) only_beyond = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree guint *ids = NULL;
  gsize n_ids = 0;

  message = g_strdup_printf ("NUMA node %u is unavailable: host has node%s %s", beyond,
                             gvir_id_set_count (host) == 1 ? "" : "s", host_text);
  ids = ids_of (host, &n_ids);
  ids = g_realloc_n (ids, n_ids + 1, sizeof (guint));
  ids[n_ids] = beyond;
  with_beyond = id_set_of (ids, n_ids + 1);
  g_assert_no_error (error);
  only_beyond = id_set_of (&beyond, 1);
  g_assert_no_error (error);

  g_assert_true (gvir_numa_nodeset_is_available (host, &error));
  g_assert_no_error (error);
  g_assert_false (gvir_numa_nodeset_is_available (with_beyond, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NUMA_UNAVAILABLE);
  g_assert_cmpstr (error->message, ==, message);
  g_clear_error (&error);

  g_assert_true (gvir_numa_check_nodes_on_host (host, host, &error));
  g_assert_no_error (error);
  g_assert_false (gvir_numa_check_nodes_on_host (only_beyond, host, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NUMA_UNAVAILABLE);
  g_assert_cmpstr (error->message, ==, message);
  g_clear_error (&error);

  /* Refused before anything is applied. */
  assert_policy_error (GVIR_NUMA_POLICY_INTERLEAVE, with_beyond, GVIR_ERROR_NUMA_UNAVAILABLE,
                       message);
}

/* check_nodes_on_host's message for several host nodes, whatever the host. */
static void
test_check_nodes_on_host (void)
{
  g_autoptr(GVirIdSet) host = parse ("0-3,8");
  g_autoptr(GVirIdSet) inside = parse ("1,8");
  g_autoptr(GVirIdSet) outside = parse ("2,6-7");
  g_autoptr(GVirIdSet) empty = id_set_of (NULL, 0);
  g_autoptr(GError) error = NULL;

  g_assert_true (gvir_numa_check_nodes_on_host (inside, host, &error));
  g_assert_no_error (error);
  g_assert_true (gvir_numa_check_nodes_on_host (empty, host, &error));
  g_assert_no_error (error);
  g_assert_false (gvir_numa_check_nodes_on_host (outside, host, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NUMA_UNAVAILABLE);
  g_assert_cmpstr (error->message, ==, "NUMA node 6 is unavailable: host has nodes 0-3,8");
}

/* Argument checks that come before the host is asked. */
static void
test_policy_arguments (void)
{
  g_autoptr(GVirIdSet) zero = parse ("0");
  g_autoptr(GVirIdSet) empty = id_set_of (NULL, 0);

  assert_policy_error ((GVirNumaPolicy) 3, zero, GVIR_ERROR_INVALID_ARGUMENT,
                       "Unknown NUMA memory policy 3");
  assert_policy_error (GVIR_NUMA_POLICY_STRICT, empty, GVIR_ERROR_INVALID_ARGUMENT,
                       "A NUMA memory policy needs at least one node");
  assert_policy_error (GVIR_NUMA_POLICY_PREFERRED, empty, GVIR_ERROR_INVALID_ARGUMENT,
                       "A NUMA memory policy needs at least one node");
}

#if HAVE_NUMA

/* ---- with libnuma: the kernel's view ------------------------------------------ */

static guint *
array_ids (GArray *array, gsize *n)
{
  *n = array->len;
  return g_memdup2 (array->data, array->len * sizeof (guint));
}

static char *
read_sysfs (const char *node_dir, const char *name)
{
  g_autofree char *path = g_build_filename (node_dir, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return g_strstrip (contents);
}

/* The nodeN directories: the nodes libnuma knows, sparse ids included. */
static GVirIdSet *
sysfs_nodes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (SYSFS_NODES, 0, &error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (guint));
  const char *name;
  GVirIdSet *set;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      guint64 id;

      if (g_str_has_prefix (name, "node")
          && g_ascii_string_to_unsigned (name + 4, 10, 0, GVIR_ID_SET_LIMIT - 1, &id, NULL))
        {
          guint node = (guint) id;
          g_array_append_val (ids, node);
        }
    }
  set = id_set_of ((const guint *) ids->data, ids->len);
  g_assert_no_error (error);
  return set;
}

static char *
node_dir (guint node)
{
  return g_strdup_printf (SYSFS_NODES "/node%u", node);
}

/* "Node 0 MemTotal:  24683756 kB" -> bytes. */
static guint64
meminfo_bytes (const char *meminfo, const char *key)
{
  g_auto(GStrv) lines = g_strsplit (meminfo, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = g_strsplit_set (g_strstrip (lines[i]), " \t", -1);
      guint n = 0;
      char *fields[5] = { NULL };
      guint64 kib;

      for (guint w = 0; words[w] != NULL && n < G_N_ELEMENTS (fields); w++)
        if (*words[w] != '\0')
          fields[n++] = words[w];
      if (n != 5 || !g_str_equal (fields[2], key))
        continue;
      g_assert_cmpstr (fields[4], ==, "kB");
      g_assert_true (g_ascii_string_to_unsigned (fields[3], 10, 0, G_MAXUINT64 / 1024, &kib,
                                                 NULL));
      return kib * 1024;
    }
  g_error ("no %s in the node's meminfo:\n%s", key, meminfo);
}

static void
test_real_host (void)
{
  g_autoptr(GVirIdSet) expected = NULL;
  g_autoptr(GVirIdSet) online = NULL;
  g_autoptr(GVirIdSet) host = NULL;
  g_autofree guint *nodes = NULL;
  g_autofree char *online_text = NULL;
  gsize n_nodes = 0;
  int max_node;

  if (!gvir_numa_is_available ())
    {
      /* libnuma says the kernel has no NUMA (or refuses get_mempolicy):
       * every query says so, and the host is one node 0. */
      g_assert_cmpint (gvir_numa_get_max_node (), ==, -1);
      g_assert_false (gvir_numa_node_is_available (0));
      g_assert_false (gvir_numa_get_node_memory (0, NULL, NULL));
      g_assert_null (gvir_numa_get_node_cpus (0));
      g_assert_cmpint (gvir_numa_get_node_of_cpu (0), ==, -1);
      g_assert_null (gvir_numa_get_distances (0));
      host = gvir_numa_get_host_nodes ();
      expected = parse ("0");
      assert_nodeset (host, expected);
      return;
    }

  g_assert_true (g_file_test (SYSFS_NODES, G_FILE_TEST_IS_DIR));
  expected = sysfs_nodes ();
  g_assert_false (gvir_id_set_is_empty (expected));
  online_text = read_sysfs (SYSFS_NODES, "online");
  online = parse (online_text);
  assert_nodeset (expected, online);

  max_node = gvir_numa_get_max_node ();
  g_assert_cmpint (max_node, ==, gvir_id_set_last (expected));
  host = gvir_numa_get_host_nodes ();
  assert_nodeset (host, expected);

  for (int node = -2; node <= max_node + 2; node++)
    g_assert_cmpint (gvir_numa_node_is_available (node), ==,
                     node >= 0 && gvir_id_set_contains (expected, (guint) node));

  nodes = ids_of (expected, &n_nodes);
  for (gsize i = 0; i < n_nodes; i++)
    {
      guint node = nodes[i];
      g_autofree char *dir = node_dir (node);
      g_autofree char *meminfo = read_sysfs (dir, "meminfo");
      g_autofree char *cpulist = read_sysfs (dir, "cpulist");
      g_autofree char *distance_text = read_sysfs (dir, "distance");
      g_auto(GStrv) distance_words = g_strsplit (distance_text, " ", -1);
      g_autoptr(GArray) cpus = NULL;
      g_autoptr(GArray) distances = NULL;
      g_autoptr(GVirIdSet) got_cpus = NULL;
      g_autofree guint *cpu_ids = NULL;
      gsize n_cpus = 0;
      guint64 size = 0, free_bytes = G_MAXUINT64;

      g_test_message ("node %u: CPUs %s, distances %s", node, cpulist, distance_text);

      /* Memory: the size the kernel reports, free within it. */
      g_assert_true (gvir_numa_get_node_memory ((int) node, &size, &free_bytes));
      g_assert_cmpuint (size, ==, meminfo_bytes (meminfo, "MemTotal:"));
      g_assert_cmpuint (free_bytes, <=, size);
      /* Free memory moves between the two reads, but not by an eighth of
       * the node: this tells free memory from the node's size, which the
       * kernel never reports as all free. */
      {
        guint64 kernel_free = meminfo_bytes (meminfo, "MemFree:");
        guint64 slack = size / 8;

        g_assert_cmpuint (free_bytes + slack, >=, kernel_free);
        g_assert_cmpuint (free_bytes, <=, kernel_free + slack);
        g_assert_cmpuint (free_bytes, <, size);
      }
      g_assert_true (gvir_numa_get_node_memory ((int) node, NULL, NULL));

      /* CPUs: the kernel's list, ascending, each one on this node. A
       * memory-only node has none. */
      cpus = gvir_numa_get_node_cpus ((int) node);
      g_assert_nonnull (cpus);
      cpu_ids = array_ids (cpus, &n_cpus);
      for (gsize c = 0; c < n_cpus; c++)
        {
          if (c > 0)
            g_assert_cmpuint (cpu_ids[c - 1], <, cpu_ids[c]);
          g_assert_cmpint (gvir_numa_get_node_of_cpu ((int) cpu_ids[c]), ==, (int) node);
        }
      if (*cpulist != '\0')
        {
          /* A nodeset parses the same list syntax; CPU ids stay below its
           * limit on any host this runs on. */
          g_autoptr(GVirIdSet) kernel_cpus = parse (cpulist);

          got_cpus = id_set_of (cpu_ids, n_cpus);
          assert_nodeset (got_cpus, kernel_cpus);
        }
      else
        g_assert_cmpuint (n_cpus, ==, 0);

      /* Distances: the kernel lists one per existing node, in order; ours
       * has a slot per id up to the highest, 0 for missing nodes. */
      distances = gvir_numa_get_distances ((int) node);
      g_assert_nonnull (distances);
      g_assert_cmpuint (distances->len, ==, (guint) max_node + 1);
      g_assert_cmpuint (g_strv_length (distance_words), ==, n_nodes);
      g_assert_cmpuint (g_array_index (distances, guint, node), ==, 10);
      for (int other = 0, k = 0; other <= max_node; other++)
        {
          guint64 value = 0;

          if (!gvir_id_set_contains (expected, (guint) other))
            {
              g_assert_cmpuint (g_array_index (distances, guint, other), ==, 0);
              continue;
            }
          g_assert_true (g_ascii_string_to_unsigned (distance_words[k++], 10, 0, 255, &value,
                                                     NULL));
          g_assert_cmpuint (g_array_index (distances, guint, other), ==, value);
        }
    }

  /* Nodes and CPUs that do not exist. */
  g_assert_false (gvir_numa_get_node_memory (-1, NULL, NULL));
  g_assert_false (gvir_numa_get_node_memory (max_node + 1, NULL, NULL));
  g_assert_null (gvir_numa_get_node_cpus (-1));
  g_assert_null (gvir_numa_get_node_cpus (max_node + 1));
  g_assert_null (gvir_numa_get_distances (-1));
  g_assert_null (gvir_numa_get_distances (max_node + 1));
  g_assert_cmpint (gvir_numa_get_node_of_cpu (-1), ==, -1);
  g_assert_cmpint (gvir_numa_get_node_of_cpu (NO_SUCH_CPU), ==, -1);

  check_unavailable_beyond (host);
}

/* ---- memory policies, checked with get_mempolicy() in a child ------------------ */

static void
assert_process_policy (int mode, GVirIdSet *nodes)
{
  unsigned long mask[16] = { 0 };
  int got = -1;

  g_assert_cmpint (get_mempolicy (&got, mask, sizeof mask * 8, NULL, 0), ==, 0);
  g_assert_cmpint (got, ==, mode);
  for (guint node = 0; node < sizeof mask * 8; node++)
    {
      gboolean set = (mask[node / (8 * sizeof *mask)] >> (node % (8 * sizeof *mask))) & 1;

      g_assert_cmpint (set, ==, gvir_id_set_contains (nodes, node));
    }
}

static void
check_policy_in_child (GVirNumaPolicy policy, int mode, gboolean last_node_only)
{
  g_autoptr(GVirIdSet) host = NULL;
  g_autoptr(GVirIdSet) nodes = NULL;
  g_autoptr(GVirIdSet) none = id_set_of (NULL, 0);
  g_autoptr(GError) error = NULL;
  guint last;

  if (!gvir_numa_is_available ())
    {
      const char *why = "libnuma reports no NUMA support in this kernel: no policy to apply";

      if (g_strcmp0 (g_getenv ("GVIR_TESTS_REQUIRE_ALL"), "1") == 0)
        g_error ("GVIR_TESTS_REQUIRE_ALL=1: %s", why);
      g_test_skip (why);
      return;
    }
  host = gvir_numa_get_host_nodes ();
  last = (guint) gvir_id_set_last (host);
  nodes = last_node_only ? id_set_of (&last, 1) : gvir_id_set_copy (host);

  if (!g_test_subprocess ())
    {
      /* The policy sticks to the process: apply it in a child. */
      g_test_trap_subprocess (NULL, (guint64) gvir_test_wait_bound_usec (),
                              G_TEST_SUBPROCESS_DEFAULT);
      if (g_test_trap_reached_timeout ())
        gvir_test_wait_timed_out ("the child process applying the memory policy");
      g_test_trap_assert_passed ();
      return;
    }
  assert_process_policy (MPOL_DEFAULT, none);
  g_assert_true (gvir_numa_set_memory_policy (policy, nodes, &error));
  g_assert_no_error (error);
  assert_process_policy (mode, nodes);
}

static void
test_policy_strict (void)
{
  check_policy_in_child (GVIR_NUMA_POLICY_STRICT, MPOL_BIND, FALSE);
}

static void
test_policy_preferred (void)
{
  check_policy_in_child (GVIR_NUMA_POLICY_PREFERRED, MPOL_PREFERRED, TRUE);
}

static void
test_policy_interleave (void)
{
  check_policy_in_child (GVIR_NUMA_POLICY_INTERLEAVE, MPOL_INTERLEAVE, FALSE);
}

#else /* !HAVE_NUMA */

/* ---- the stub: one node 0 with every CPU and all memory ------------------------ */

static void
test_stub_host (void)
{
  g_autoptr(GVirIdSet) zero = parse ("0");
  g_autoptr(GVirIdSet) host = NULL;
  g_autoptr(GArray) cpus = NULL;
  guint n_cpus = g_get_num_processors ();
  long page_size = sysconf (_SC_PAGESIZE);
  guint64 size = 0, free_bytes = G_MAXUINT64;

  g_assert_false (gvir_numa_is_available ());
  g_assert_cmpint (gvir_numa_get_max_node (), ==, 0);
  g_assert_true (gvir_numa_node_is_available (0));
  g_assert_false (gvir_numa_node_is_available (1));
  g_assert_false (gvir_numa_node_is_available (-1));
  host = gvir_numa_get_host_nodes ();
  assert_nodeset (host, zero);

  /* All the memory of the machine. */
  g_assert_true (gvir_numa_get_node_memory (0, &size, &free_bytes));
  g_assert_cmpuint (size, ==, (guint64) sysconf (_SC_PHYS_PAGES) * (guint64) page_size);
  g_assert_cmpuint (size, >, 0);
  g_assert_cmpuint (free_bytes, <=, size);
  g_assert_true (gvir_numa_get_node_memory (0, NULL, NULL));
  g_assert_false (gvir_numa_get_node_memory (1, &size, &free_bytes));
  g_assert_false (gvir_numa_get_node_memory (-1, NULL, NULL));

  /* Every CPU, numbered from 0. */
  cpus = gvir_numa_get_node_cpus (0);
  g_assert_nonnull (cpus);
  g_assert_cmpuint (cpus->len, ==, n_cpus);
  for (guint c = 0; c < n_cpus; c++)
    {
      g_assert_cmpuint (g_array_index (cpus, guint, c), ==, c);
      g_assert_cmpint (gvir_numa_get_node_of_cpu ((int) c), ==, 0);
    }
  g_assert_null (gvir_numa_get_node_cpus (1));
  g_assert_null (gvir_numa_get_node_cpus (-1));
  g_assert_cmpint (gvir_numa_get_node_of_cpu ((int) n_cpus), ==, -1);
  g_assert_cmpint (gvir_numa_get_node_of_cpu (-1), ==, -1);

  /* No distance table without NUMA. */
  g_assert_null (gvir_numa_get_distances (0));

  check_unavailable_beyond (host);
}

/* Every policy already holds on one node: accepted, nothing to apply. */
static void
test_stub_policies (void)
{
  g_autoptr(GVirIdSet) zero = parse ("0");
  g_autoptr(GError) error = NULL;

  g_assert_true (gvir_numa_set_memory_policy (GVIR_NUMA_POLICY_STRICT, zero, &error));
  g_assert_no_error (error);
  g_assert_true (gvir_numa_set_memory_policy (GVIR_NUMA_POLICY_PREFERRED, zero, &error));
  g_assert_no_error (error);
  g_assert_true (gvir_numa_set_memory_policy (GVIR_NUMA_POLICY_INTERLEAVE, zero, &error));
  g_assert_no_error (error);
}

#endif /* HAVE_NUMA */

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gvir/numa/host/check-nodes-on-host", test_check_nodes_on_host);
  g_test_add_func ("/gvir/numa/host/policy-arguments", test_policy_arguments);
#if HAVE_NUMA
  g_test_add_func ("/gvir/numa/host/libnuma", test_real_host);
  g_test_add_func ("/gvir/numa/host/policy-strict", test_policy_strict);
  g_test_add_func ("/gvir/numa/host/policy-preferred", test_policy_preferred);
  g_test_add_func ("/gvir/numa/host/policy-interleave", test_policy_interleave);
#else
  g_test_add_func ("/gvir/numa/host/stub", test_stub_host);
  g_test_add_func ("/gvir/numa/host/stub-policies", test_stub_policies);
#endif

  return g_test_run ();
}
