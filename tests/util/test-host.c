/*
 * test-host.c: host CPU topology, memory, huge pages and UUID from /proc
 * and /sys, read from fake trees and from this host
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

#include <glib/gstdio.h>

#include "libvirt-gobject/libvirt-gobject-error.h"
#include "libvirt-gobject/util/gvir-host-private.h"
#include "gvir-test-files.h"

typedef struct
{
  char *root;
} Fixture;

static void
fixture_setup (Fixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  fx->root = g_dir_make_tmp ("gvir-test-host-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture *fx, gconstpointer data)
{
  g_assert_true (gvir_test_remove_tree (fx->root));
  g_free (fx->root);
}

/* Writes @text to @relative under the fixture's root, making folders. */
static void
put_file (Fixture *fx, const char *relative, const char *text)
{
  g_autofree char *path = g_build_filename (fx->root, relative, NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static void
put_cpu (Fixture *fx, guint cpu, const char *socket, const char *core, const char *siblings)
{
  g_autofree char *dir = g_strdup_printf ("devices/system/cpu/cpu%u/topology", cpu);
  g_autofree char *socket_path = g_build_filename (dir, "physical_package_id", NULL);
  g_autofree char *core_path = g_build_filename (dir, "core_id", NULL);
  g_autofree char *siblings_path = g_build_filename (dir, "thread_siblings_list", NULL);

  put_file (fx, socket_path, socket);
  put_file (fx, core_path, core);
  put_file (fx, siblings_path, siblings);
}

/* ---- parsers --------------------------------------------------------------------- */

static void
test_cpu_mhz (void)
{
  g_assert_cmpuint (gvir_host_parse_cpu_mhz ("processor\t: 0\nmodel name\t: AMD EPYC\n"
                                             "cpu MHz\t\t: 2096.005\ncache size\t: 1024 KB\n"
                                             "processor\t: 1\ncpu MHz\t\t: 3000.000\n"), ==, 2096);
  g_assert_cmpuint (gvir_host_parse_cpu_mhz ("processor\t: 0\nBogoMIPS\t: 50.00\n"), ==, 0);
  g_assert_cmpuint (gvir_host_parse_cpu_mhz (""), ==, 0);
}

static void
test_meminfo (void)
{
  const char *text = "MemTotalish:  5 kB\nMemTotal:       16323412 kB\nMemFree:         8123 kB\n"
                     "HugePages_Total:       4\nBroken:  kB\n";
  guint64 kib = 7;

  g_assert_true (gvir_host_parse_meminfo (text, "MemTotal", &kib));
  g_assert_cmpuint (kib, ==, 16323412);
  g_assert_true (gvir_host_parse_meminfo (text, "MemFree", &kib));
  g_assert_cmpuint (kib, ==, 8123);
  g_assert_true (gvir_host_parse_meminfo (text, "HugePages_Total", &kib));
  g_assert_cmpuint (kib, ==, 4);
  kib = 7;
  g_assert_false (gvir_host_parse_meminfo (text, "MemAvailable", &kib));
  g_assert_false (gvir_host_parse_meminfo (text, "Broken", &kib));
  g_assert_false (gvir_host_parse_meminfo (text, "Mem", &kib));
  g_assert_cmpuint (kib, ==, 7);
}

/* ---- fake trees ---------------------------------------------------------------------- */

static void
test_read_cpu (Fixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *siblings = NULL;
  GVirHostCpu cpu = { 0 };

  put_cpu (fx, 3, "1\n", "5\n", "3,7\n");
  put_file (fx, "devices/system/cpu/cpu3/topology/die_id", "2\n");
  g_assert_true (gvir_host_read_cpu (fx->root, 3, &cpu, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cpu.socket_id, ==, 1);
  g_assert_cmpuint (cpu.die_id, ==, 2);
  g_assert_cmpuint (cpu.core_id, ==, 5);
  siblings = gvir_id_set_format (cpu.siblings);
  g_assert_cmpstr (siblings, ==, "3,7");
  gvir_host_cpu_clear (&cpu);
  g_assert_null (cpu.siblings);

  /* No die_id (older kernels): die 0. */
  put_cpu (fx, 4, "0", "1", "4-5");
  g_assert_true (gvir_host_read_cpu (fx->root, 4, &cpu, &error));
  g_assert_cmpuint (cpu.die_id, ==, 0);
  g_assert_cmpuint (gvir_id_set_count (cpu.siblings), ==, 2);
  gvir_host_cpu_clear (&cpu);
}

static void
test_read_cpu_errors (Fixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  GVirHostCpu cpu = { 0 };

  g_assert_false (gvir_host_read_cpu (fx->root, 9, &cpu, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INTERNAL);
  g_assert_nonnull (strstr (error->message, "cpu9"));
  g_clear_error (&error);

  put_cpu (fx, 1, "zero", "0", "1");
  g_assert_false (gvir_host_read_cpu (fx->root, 1, &cpu, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INTERNAL);
  g_assert_nonnull (strstr (error->message, "'zero' is not a number"));
  g_clear_error (&error);

  put_cpu (fx, 2, "0", "0", "1-");
  g_assert_false (gvir_host_read_cpu (fx->root, 2, &cpu, &error));
  g_assert_nonnull (error);
  g_assert_null (cpu.siblings);
}

static void
test_online_cpus (Fixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirIdSet) cpus = NULL;
  g_autofree char *text = NULL;

  put_file (fx, "devices/system/cpu/online", "0-2,4\n");
  cpus = gvir_host_read_online_cpus (fx->root, &error);
  g_assert_no_error (error);
  text = gvir_id_set_format (cpus);
  g_assert_cmpstr (text, ==, "0-2,4");
}

static void
test_hugepages (Fixture *fx, gconstpointer data)
{
  g_autoptr(GArray) pools = NULL;
  g_autoptr(GArray) none = NULL;
  const GVirHostPages *pages;

  put_file (fx, "devices/system/node/node1/hugepages/hugepages-1048576kB/nr_hugepages", "2\n");
  put_file (fx, "devices/system/node/node1/hugepages/hugepages-2048kB/nr_hugepages", "512\n");
  put_file (fx, "devices/system/node/node1/hugepages/hugepages-bogus/nr_hugepages", "1\n");
  put_file (fx, "devices/system/node/node1/hugepages/hugepages-64kB/nr_hugepages", "many\n");
  pools = gvir_host_read_node_hugepages (fx->root, 1);
  g_assert_cmpuint (pools->len, ==, 2);
  pages = &g_array_index (pools, GVirHostPages, 0);
  g_assert_cmpuint (pages->size_kib, ==, 2048);
  g_assert_cmpuint (pages->count, ==, 512);
  pages = &g_array_index (pools, GVirHostPages, 1);
  g_assert_cmpuint (pages->size_kib, ==, 1048576);
  g_assert_cmpuint (pages->count, ==, 2);

  none = gvir_host_read_node_hugepages (fx->root, 0);
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_uuid (Fixture *fx, gconstpointer data)
{
  g_autofree char *machine_id = g_build_filename (fx->root, "machine-id", NULL);
  g_autofree char *missing = g_build_filename (fx->root, "no-machine-id", NULL);
  char *uuid;

  put_file (fx, "machine-id", "3d1219c7c4c5404aaa1f6d2a48adfda4\n");
  uuid = gvir_host_read_uuid (fx->root, machine_id);
  g_assert_cmpstr (uuid, ==, "3d1219c7-c4c5-404a-aa1f-6d2a48adfda4");
  g_free (uuid);

  /* The firmware's UUID wins, unless it is a placeholder. */
  put_file (fx, "class/dmi/id/product_uuid", "6695EB01-F6A4-8304-79AA-97F2502E193F\n");
  uuid = gvir_host_read_uuid (fx->root, machine_id);
  g_assert_cmpstr (uuid, ==, "6695eb01-f6a4-8304-79aa-97f2502e193f");
  g_free (uuid);

  put_file (fx, "class/dmi/id/product_uuid", "00000000-0000-0000-0000-000000000000\n");
  uuid = gvir_host_read_uuid (fx->root, machine_id);
  g_assert_cmpstr (uuid, ==, "3d1219c7-c4c5-404a-aa1f-6d2a48adfda4");
  g_free (uuid);

  g_assert_null (gvir_host_read_uuid (fx->root, missing));
}

/* ---- the node info's topology ---------------------------------------------------------- */

typedef struct
{
  const char *name;
  guint n_cpus;
  guint n_sockets;          /* CPUs spread over sockets in order */
  guint n_threads;          /* siblings per core */
  guint nodes_in;
  guint nodes, sockets, cores, threads;
} TopologyCase;

static const TopologyCase topology_cases[] = {
  { "one-socket-two-cores", 2, 1, 1, 1, 1, 1, 2, 1 },
  { "two-sockets-smt", 16, 2, 2, 1, 1, 2, 4, 2 },
  { "two-nodes", 16, 2, 2, 2, 2, 1, 4, 2 },
  { "no-numa", 4, 1, 1, 0, 1, 1, 4, 1 },
  /* 3 sockets cannot be shared by 2 nodes: libvirt's fallback. */
  { "uneven-nodes", 6, 3, 1, 2, 1, 1, 6, 1 },
};

static void
test_summarize (gconstpointer data)
{
  const TopologyCase *tc = data;
  g_autoptr(GArray) cpus = g_array_new (FALSE, TRUE, sizeof (GVirHostCpu));
  guint nodes = tc->nodes_in, sockets = 0, cores = 0, threads = 0;

  g_array_set_clear_func (cpus, (GDestroyNotify) gvir_host_cpu_clear);
  for (guint i = 0; i < tc->n_cpus; i++)
    {
      GVirHostCpu cpu = { 0 };
      guint first_sibling = i - i % tc->n_threads;

      cpu.socket_id = i / (tc->n_cpus / tc->n_sockets);
      cpu.core_id = first_sibling;
      cpu.siblings = gvir_id_set_new (64);
      for (guint t = 0; t < tc->n_threads; t++)
        gvir_id_set_add (cpu.siblings, first_sibling + t);
      g_array_append_val (cpus, cpu);
    }
  gvir_host_summarize_topology (cpus, &nodes, &sockets, &cores, &threads);
  g_assert_cmpuint (nodes, ==, tc->nodes);
  g_assert_cmpuint (sockets, ==, tc->sockets);
  g_assert_cmpuint (cores, ==, tc->cores);
  g_assert_cmpuint (threads, ==, tc->threads);
}

/* ---- this host --------------------------------------------------------------------------- */

static void
test_this_host (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirIdSet) online = gvir_host_read_online_cpus (GVIR_HOST_SYSFS, &error);
  g_autofree char *meminfo = NULL;
  guint64 kib = 0;
  GVirHostCpu cpu = { 0 };

  g_assert_no_error (error);
  g_assert_cmpuint (gvir_id_set_count (online), ==, g_get_num_processors ());
  g_assert_true (gvir_host_read_cpu (GVIR_HOST_SYSFS, (guint) gvir_id_set_first (online), &cpu,
                                     &error));
  g_assert_no_error (error);
  g_assert_true (gvir_id_set_contains (cpu.siblings, (guint) gvir_id_set_first (online)));
  gvir_host_cpu_clear (&cpu);

  g_assert_true (g_file_get_contents ("/proc/meminfo", &meminfo, NULL, NULL));
  g_assert_true (gvir_host_parse_meminfo (meminfo, "MemTotal", &kib));
  g_assert_cmpuint (kib, >, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gvir/util/host/cpu-mhz", test_cpu_mhz);
  g_test_add_func ("/gvir/util/host/meminfo", test_meminfo);
  g_test_add ("/gvir/util/host/read-cpu", Fixture, NULL, fixture_setup, test_read_cpu,
              fixture_teardown);
  g_test_add ("/gvir/util/host/read-cpu-errors", Fixture, NULL, fixture_setup,
              test_read_cpu_errors, fixture_teardown);
  g_test_add ("/gvir/util/host/online-cpus", Fixture, NULL, fixture_setup, test_online_cpus,
              fixture_teardown);
  g_test_add ("/gvir/util/host/hugepages", Fixture, NULL, fixture_setup, test_hugepages,
              fixture_teardown);
  g_test_add ("/gvir/util/host/uuid", Fixture, NULL, fixture_setup, test_uuid, fixture_teardown);
  for (guint i = 0; i < G_N_ELEMENTS (topology_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/gvir/util/host/summarize/%s",
                                               topology_cases[i].name);

      g_test_add_data_func (path, &topology_cases[i], test_summarize);
    }
  g_test_add_func ("/gvir/util/host/this-host", test_this_host);

  return g_test_run ();
}
