/*
 * test-gconfig-tuning.c: tests of the libvirt-gconfig tuning and NUMA classes
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

#include <libvirt-gconfig/libvirt-gconfig.h>

static char *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "gconfig", "xml", "tuning", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  /* Files end with a newline that to_xml() does not produce. */
  return g_strchomp (contents);
}

static GVirConfigDomain *
load_domain (const char *name)
{
  g_autofree char *xml = load_fixture (name);
  g_autoptr(GError) error = NULL;
  GVirConfigDomain *domain = gvir_config_domain_new_from_xml (xml, &error);

  g_assert_no_error (error);
  g_assert_nonnull (domain);
  return domain;
}

static void
assert_xml (gpointer obj, const char *expected)
{
  g_autofree char *xml = gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (obj));

  g_assert_cmpstr (xml, ==, expected);
}

static void
test_roundtrip (gconstpointer data)
{
  const char *name = data;
  g_autofree char *xml = load_fixture (name);
  GVirConfigDomain *domain = load_domain (name);

  assert_xml (domain, xml);
  g_assert_finalize_object (domain);
}

/* ---- reading a parsed document ---- */

static void
test_parsed_getters (void)
{
  GVirConfigDomain *domain = load_domain ("domain-tuning.xml");
  g_autoptr(GVirConfigDomainNumatune) numatune = gvir_config_domain_get_numatune (domain);
  g_autoptr(GVirConfigDomainCputune) cputune = gvir_config_domain_get_cputune (domain);
  g_autoptr(GVirConfigDomainMemtune) memtune = gvir_config_domain_get_memtune (domain);
  g_autoptr(GVirConfigDomainBlkiotune) blkiotune = gvir_config_domain_get_blkiotune (domain);
  g_autoptr(GVirConfigDomainMemoryBacking) backing = gvir_config_domain_get_memory_backing (domain);
  g_autoptr(GVirConfigDomainCpu) cpu = gvir_config_domain_get_cpu (domain);
  g_autolist(GVirConfigDomainNumatuneMemnode) memnodes = NULL;
  g_autolist(GVirConfigDomainNumaCell) cells = NULL;
  g_autolist(GVirConfigDomainMemoryBackingPage) pages = NULL;
  g_autolist(GVirConfigDomainDevice) devices = NULL;
  GVirConfigDomainNumaCell *cell;
  GVirConfigDomainMemoryDevice *mem;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (gvir_config_domain_get_vcpus (domain), ==, 4);
  g_assert_cmpuint (gvir_config_domain_get_current_vcpus (domain), ==, 2);
  g_assert_cmpint (gvir_config_domain_get_vcpu_placement (domain), ==, GVIR_CONFIG_DOMAIN_PLACEMENT_STATIC);
  g_assert_cmpstr (gvir_config_domain_get_vcpu_cpuset (domain), ==, "0-1,3");
  g_assert_cmpuint (gvir_config_domain_get_max_memory (domain), ==, 16 * 1024 * 1024);
  g_assert_cmpuint (gvir_config_domain_get_max_memory_slots (domain), ==, 16);
  g_assert_cmpuint (gvir_config_domain_get_iothreads (domain), ==, 2);
  g_assert_cmpstr (gvir_config_domain_get_resource_partition (domain), ==, "/machine");

  g_assert_nonnull (numatune);
  g_assert_cmpint (gvir_config_domain_numatune_get_memory_mode (numatune), ==,
                   GVIR_CONFIG_DOMAIN_NUMATUNE_MEMORY_MODE_STRICT);
  g_assert_cmpint (gvir_config_domain_numatune_get_memory_placement (numatune), ==,
                   GVIR_CONFIG_DOMAIN_PLACEMENT_STATIC);
  g_assert_cmpstr (gvir_config_domain_numatune_get_memory_nodeset (numatune), ==, "0-1");
  memnodes = gvir_config_domain_numatune_get_memnodes (numatune);
  g_assert_cmpuint (g_list_length (memnodes), ==, 2);
  g_assert_cmpint (gvir_config_domain_numatune_memnode_get_cellid (memnodes->data), ==, 0);
  g_assert_cmpint (gvir_config_domain_numatune_memnode_get_mode (memnodes->data), ==,
                   GVIR_CONFIG_DOMAIN_NUMATUNE_MEMORY_MODE_PREFERRED);
  g_assert_cmpint (gvir_config_domain_numatune_memnode_get_mode (memnodes->next->data), ==,
                   GVIR_CONFIG_DOMAIN_NUMATUNE_MEMORY_MODE_INTERLEAVE);
  g_assert_cmpstr (gvir_config_domain_numatune_memnode_get_nodeset (memnodes->next->data), ==, "1");

  cells = gvir_config_domain_cpu_get_numa_cells (cpu);
  g_assert_cmpuint (g_list_length (cells), ==, 2);
  cell = cells->data;
  g_assert_cmpint (gvir_config_domain_numa_cell_get_id (cell), ==, 0);
  g_assert_cmpstr (gvir_config_domain_numa_cell_get_cpus (cell), ==, "0-1");
  g_assert_cmpuint (gvir_config_domain_numa_cell_get_memory (cell), ==, 1048576);
  g_assert_cmpint (gvir_config_domain_numa_cell_get_mem_access (cell), ==,
                   GVIR_CONFIG_DOMAIN_NUMA_CELL_MEM_ACCESS_SHARED);
  g_assert_true (gvir_config_domain_numa_cell_get_discard (cell));
  g_assert_cmpuint (gvir_config_domain_numa_cell_get_distance (cell, 0), ==, 10);
  g_assert_cmpuint (gvir_config_domain_numa_cell_get_distance (cell, 1), ==, 21);
  g_assert_cmpuint (gvir_config_domain_numa_cell_get_distance (cell, 7), ==, 0);
  cell = cells->next->data;
  g_assert_cmpint (gvir_config_domain_numa_cell_get_mem_access (cell), ==,
                   GVIR_CONFIG_DOMAIN_NUMA_CELL_MEM_ACCESS_PRIVATE);
  g_assert_false (gvir_config_domain_numa_cell_get_discard (cell));

  g_assert_cmpuint (gvir_config_domain_cputune_get_shares (cputune), ==, 2048);
  g_assert_cmpuint (gvir_config_domain_cputune_get_period (cputune), ==, 100000);
  g_assert_cmpint (gvir_config_domain_cputune_get_quota (cputune), ==, -1);
  g_assert_cmpstr (gvir_config_domain_cputune_get_vcpupin (cputune, 1), ==, "2-3");
  g_assert_null (gvir_config_domain_cputune_get_vcpupin (cputune, 3));
  g_assert_cmpstr (gvir_config_domain_cputune_get_emulatorpin (cputune), ==, "0");

  g_assert_cmpuint (gvir_config_domain_memtune_get_hard_limit (memtune), ==, 4 * 1024 * 1024);
  g_assert_cmpuint (gvir_config_domain_memtune_get_soft_limit (memtune), ==, 1048576);
  g_assert_cmpuint (gvir_config_domain_memtune_get_swap_hard_limit (memtune), ==, 5120 * 1024);
  g_assert_cmpuint (gvir_config_domain_memtune_get_min_guarantee (memtune), ==, 65536);

  g_assert_cmpuint (gvir_config_domain_blkiotune_get_weight (blkiotune), ==, 800);
  g_assert_cmpuint (gvir_config_domain_blkiotune_get_device_weight (blkiotune, "/dev/sda"), ==, 500);
  g_assert_cmpuint (gvir_config_domain_blkiotune_get_device_weight (blkiotune, "/dev/sdb"), ==, 0);

  g_assert_true (gvir_config_domain_memory_backing_get_hugepages (backing));
  g_assert_true (gvir_config_domain_memory_backing_get_nosharepages (backing));
  g_assert_true (gvir_config_domain_memory_backing_get_locked (backing));
  pages = gvir_config_domain_memory_backing_get_pages (backing);
  g_assert_cmpuint (g_list_length (pages), ==, 2);
  g_assert_cmpuint (gvir_config_domain_memory_backing_page_get_size (pages->data), ==, 2048);
  g_assert_cmpstr (gvir_config_domain_memory_backing_page_get_nodeset (pages->data), ==, "0");
  g_assert_cmpuint (gvir_config_domain_memory_backing_page_get_size (pages->next->data), ==, 1048576);

  devices = gvir_config_domain_get_devices (domain);
  g_assert_cmpuint (g_list_length (devices), ==, 3);
  g_assert_true (GVIR_CONFIG_IS_DOMAIN_MEMORY_DEVICE (devices->data));
  mem = devices->data;
  g_assert_cmpint (gvir_config_domain_memory_device_get_model (mem), ==, GVIR_CONFIG_DOMAIN_MEMORY_DEVICE_MODEL_DIMM);
  g_assert_cmpuint (gvir_config_domain_memory_device_get_size (mem), ==, 524288);
  g_assert_cmpint (gvir_config_domain_memory_device_get_node (mem), ==, 0);
  mem = devices->next->data;
  g_assert_cmpint (gvir_config_domain_memory_device_get_model (mem), ==,
                   GVIR_CONFIG_DOMAIN_MEMORY_DEVICE_MODEL_VIRTIO_MEM);
  g_assert_cmpuint (gvir_config_domain_memory_device_get_size (mem), ==, 2 * 1024 * 1024);
  g_assert_cmpint (gvir_config_domain_memory_device_get_node (mem), ==, 1);
  g_assert_cmpuint (gvir_config_domain_memory_device_get_block_size (mem), ==, 2048);
  g_assert_cmpuint (gvir_config_domain_memory_device_get_requested_size (mem), ==, 1024 * 1024);
  g_assert_false (GVIR_CONFIG_IS_DOMAIN_MEMORY_DEVICE (devices->next->next->data));

  g_assert_true (gvir_config_domain_validate_numa (domain, &error));
  g_assert_no_error (error);

  g_clear_object (&numatune);
  g_clear_object (&cputune);
  g_clear_object (&memtune);
  g_clear_object (&blkiotune);
  g_clear_object (&backing);
  g_clear_object (&cpu);
  g_clear_list (&memnodes, g_object_unref);
  g_clear_list (&cells, g_object_unref);
  g_clear_list (&pages, g_object_unref);
  g_clear_list (&devices, g_object_unref);
  g_assert_finalize_object (domain);
}

/* ---- building from scratch ---- */

static GVirConfigDomain *
build_domain (void)
{
  GVirConfigDomain *domain = gvir_config_domain_new ();
  g_autoptr(GVirConfigDomainNumatune) numatune = gvir_config_domain_numatune_new ();
  g_autoptr(GVirConfigDomainNumatuneMemnode) memnode = gvir_config_domain_numatune_memnode_new ();
  g_autoptr(GVirConfigDomainCpu) cpu = gvir_config_domain_cpu_new ();
  g_autoptr(GVirConfigDomainNumaCell) cell0 = gvir_config_domain_numa_cell_new ();
  g_autoptr(GVirConfigDomainNumaCell) cell1 = gvir_config_domain_numa_cell_new ();
  g_autoptr(GVirConfigDomainCputune) cputune = gvir_config_domain_cputune_new ();
  g_autoptr(GVirConfigDomainMemoryBacking) backing = gvir_config_domain_memory_backing_new ();
  g_autoptr(GVirConfigDomainMemoryBackingPage) page = gvir_config_domain_memory_backing_page_new ();
  g_autoptr(GVirConfigDomainMemtune) memtune = gvir_config_domain_memtune_new ();
  g_autoptr(GVirConfigDomainBlkiotune) blkiotune = gvir_config_domain_blkiotune_new ();
  g_autoptr(GVirConfigDomainMemoryDevice) dimm = gvir_config_domain_memory_device_new ();
  g_autoptr(GVirConfigDomainMemoryDevice) vmem = gvir_config_domain_memory_device_new ();
  g_autoptr(GError) error = NULL;

  gvir_config_domain_set_virt_type (domain, GVIR_CONFIG_DOMAIN_VIRT_KVM);
  gvir_config_domain_set_name (domain, "numa");
  gvir_config_domain_set_max_memory (domain, 8 * 1024 * 1024);
  gvir_config_domain_set_max_memory_slots (domain, 4);
  gvir_config_domain_set_memory (domain, 2 * 1024 * 1024);
  gvir_config_domain_set_vcpus (domain, 4);
  gvir_config_domain_set_vcpu_placement (domain, GVIR_CONFIG_DOMAIN_PLACEMENT_STATIC);
  g_assert_true (gvir_config_domain_set_vcpu_cpuset (domain, "0-3,^2", &error));
  gvir_config_domain_set_current_vcpus (domain, 2);
  gvir_config_domain_set_iothreads (domain, 1);

  gvir_config_domain_numatune_set_memory_mode (numatune, GVIR_CONFIG_DOMAIN_NUMATUNE_MEMORY_MODE_STRICT);
  g_assert_true (gvir_config_domain_numatune_set_memory_nodeset (numatune, "0-1", &error));
  gvir_config_domain_numatune_memnode_set_cellid (memnode, 0);
  gvir_config_domain_numatune_memnode_set_mode (memnode, GVIR_CONFIG_DOMAIN_NUMATUNE_MEMORY_MODE_PREFERRED);
  g_assert_true (gvir_config_domain_numatune_memnode_set_nodeset (memnode, "0", &error));
  gvir_config_domain_numatune_add_memnode (numatune, memnode);
  gvir_config_domain_set_numatune (domain, numatune);

  gvir_config_domain_cputune_set_shares (cputune, 1024);
  g_assert_true (gvir_config_domain_cputune_set_vcpupin (cputune, 0, "0", &error));
  g_assert_true (gvir_config_domain_cputune_set_emulatorpin (cputune, "2-3", &error));
  gvir_config_domain_set_cputune (domain, cputune);

  gvir_config_domain_memory_backing_set_hugepages (backing, TRUE);
  gvir_config_domain_memory_backing_page_set_size (page, 2048);
  gvir_config_domain_memory_backing_add_page (backing, page);
  gvir_config_domain_set_memory_backing (domain, backing);

  gvir_config_domain_memtune_set_hard_limit (memtune, 4 * 1024 * 1024);
  gvir_config_domain_set_memtune (domain, memtune);
  gvir_config_domain_blkiotune_set_weight (blkiotune, 500);
  gvir_config_domain_set_blkiotune (domain, blkiotune);
  gvir_config_domain_set_resource_partition (domain, "/machine");

  gvir_config_domain_numa_cell_set_id (cell0, 0);
  g_assert_true (gvir_config_domain_numa_cell_set_cpus (cell0, "0-1", &error));
  gvir_config_domain_numa_cell_set_memory (cell0, 1048576);
  gvir_config_domain_numa_cell_set_distance (cell0, 0, 10);
  gvir_config_domain_numa_cell_set_distance (cell0, 1, 20);
  gvir_config_domain_numa_cell_set_id (cell1, 1);
  g_assert_true (gvir_config_domain_numa_cell_set_cpus (cell1, "2-3", &error));
  gvir_config_domain_numa_cell_set_memory (cell1, 1048576);
  gvir_config_domain_numa_cell_set_mem_access (cell1, GVIR_CONFIG_DOMAIN_NUMA_CELL_MEM_ACCESS_SHARED);
  gvir_config_domain_cpu_add_numa_cell (cpu, cell0);
  gvir_config_domain_cpu_add_numa_cell (cpu, cell1);
  gvir_config_domain_set_cpu (domain, cpu);

  gvir_config_domain_memory_device_set_model (dimm, GVIR_CONFIG_DOMAIN_MEMORY_DEVICE_MODEL_DIMM);
  gvir_config_domain_memory_device_set_size (dimm, 524288);
  gvir_config_domain_memory_device_set_node (dimm, 0);
  gvir_config_domain_add_device (domain, GVIR_CONFIG_DOMAIN_DEVICE (dimm));
  gvir_config_domain_memory_device_set_model (vmem, GVIR_CONFIG_DOMAIN_MEMORY_DEVICE_MODEL_VIRTIO_MEM);
  gvir_config_domain_memory_device_set_size (vmem, 1048576);
  gvir_config_domain_memory_device_set_node (vmem, 1);
  gvir_config_domain_memory_device_set_block_size (vmem, 2048);
  gvir_config_domain_memory_device_set_requested_size (vmem, 524288);
  gvir_config_domain_add_device (domain, GVIR_CONFIG_DOMAIN_DEVICE (vmem));
  g_assert_no_error (error);
  return domain;
}

static void
test_build (void)
{
  g_autofree char *expected = load_fixture ("domain-tuning-built.xml");
  GVirConfigDomain *domain = build_domain ();
  g_autoptr(GError) error = NULL;

  assert_xml (domain, expected);
  g_assert_true (gvir_config_domain_validate_numa (domain, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (domain);
}

/* ---- every setter with its getter ---- */

static void
test_accessors (void)
{
  g_autoptr(GVirConfigDomain) domain = gvir_config_domain_new ();
  g_autoptr(GVirConfigDomainNumatune) numatune = gvir_config_domain_numatune_new ();
  g_autoptr(GVirConfigDomainNumaCell) cell = gvir_config_domain_numa_cell_new ();
  g_autoptr(GVirConfigDomainCputune) cputune = gvir_config_domain_cputune_new ();
  g_autoptr(GVirConfigDomainMemtune) memtune = gvir_config_domain_memtune_new ();
  g_autoptr(GVirConfigDomainBlkiotune) blkiotune = gvir_config_domain_blkiotune_new ();
  g_autoptr(GVirConfigDomainMemoryBacking) backing = gvir_config_domain_memory_backing_new ();
  g_autoptr(GVirConfigDomainMemoryDevice) mem = gvir_config_domain_memory_device_new ();
  g_autoptr(GError) error = NULL;

  /* Defaults of empty elements. */
  g_assert_cmpint (gvir_config_domain_numatune_get_memory_mode (numatune), ==,
                   GVIR_CONFIG_DOMAIN_NUMATUNE_MEMORY_MODE_STRICT);
  g_assert_null (gvir_config_domain_numatune_get_memory_nodeset (numatune));
  g_assert_cmpint (gvir_config_domain_numa_cell_get_id (cell), ==, -1);
  g_assert_cmpint (gvir_config_domain_memory_device_get_node (mem), ==, -1);
  g_assert_null (gvir_config_domain_get_resource_partition (domain));
  g_assert_null (gvir_config_domain_get_numatune (domain));

  for (int mode = GVIR_CONFIG_DOMAIN_NUMATUNE_MEMORY_MODE_STRICT;
       mode <= GVIR_CONFIG_DOMAIN_NUMATUNE_MEMORY_MODE_RESTRICTIVE; mode++)
    {
      gvir_config_domain_numatune_set_memory_mode (numatune, mode);
      g_assert_cmpint (gvir_config_domain_numatune_get_memory_mode (numatune), ==, mode);
    }
  assert_xml (numatune, "<numatune>\n  <memory mode=\"restrictive\"/>\n</numatune>");
  gvir_config_domain_numatune_set_memory_placement (numatune, GVIR_CONFIG_DOMAIN_PLACEMENT_AUTO);
  g_assert_cmpint (gvir_config_domain_numatune_get_memory_placement (numatune), ==,
                   GVIR_CONFIG_DOMAIN_PLACEMENT_AUTO);
  g_assert_true (gvir_config_domain_numatune_set_memory_nodeset (numatune, " 3 - 5 ,^4", &error));
  g_assert_cmpstr (gvir_config_domain_numatune_get_memory_nodeset (numatune), ==, "3,5");
  g_assert_true (gvir_config_domain_numatune_set_memory_nodeset (numatune, NULL, &error));
  g_assert_null (gvir_config_domain_numatune_get_memory_nodeset (numatune));

  gvir_config_domain_numa_cell_set_id (cell, 3);
  g_assert_cmpint (gvir_config_domain_numa_cell_get_id (cell), ==, 3);
  gvir_config_domain_numa_cell_set_memory (cell, 4096);
  g_assert_cmpuint (gvir_config_domain_numa_cell_get_memory (cell), ==, 4096);
  gvir_config_domain_numa_cell_set_mem_access (cell, GVIR_CONFIG_DOMAIN_NUMA_CELL_MEM_ACCESS_PRIVATE);
  g_assert_cmpint (gvir_config_domain_numa_cell_get_mem_access (cell), ==,
                   GVIR_CONFIG_DOMAIN_NUMA_CELL_MEM_ACCESS_PRIVATE);
  gvir_config_domain_numa_cell_set_mem_access (cell, GVIR_CONFIG_DOMAIN_NUMA_CELL_MEM_ACCESS_DEFAULT);
  g_assert_cmpint (gvir_config_domain_numa_cell_get_mem_access (cell), ==,
                   GVIR_CONFIG_DOMAIN_NUMA_CELL_MEM_ACCESS_DEFAULT);
  gvir_config_domain_numa_cell_set_discard (cell, TRUE);
  g_assert_true (gvir_config_domain_numa_cell_get_discard (cell));
  gvir_config_domain_numa_cell_set_discard (cell, FALSE);
  g_assert_false (gvir_config_domain_numa_cell_get_discard (cell));
  gvir_config_domain_numa_cell_set_distance (cell, 2, 30);
  gvir_config_domain_numa_cell_set_distance (cell, 2, 40);
  g_assert_cmpuint (gvir_config_domain_numa_cell_get_distance (cell, 2), ==, 40);
  gvir_config_domain_numa_cell_set_distance (cell, 2, 0);
  g_assert_cmpuint (gvir_config_domain_numa_cell_get_distance (cell, 2), ==, 0);
  g_assert_true (gvir_config_domain_numa_cell_set_cpus (cell, "1,0,", &error));
  g_assert_cmpstr (gvir_config_domain_numa_cell_get_cpus (cell), ==, "0-1");
  g_assert_true (gvir_config_domain_numa_cell_set_cpus (cell, NULL, &error));
  g_assert_null (gvir_config_domain_numa_cell_get_cpus (cell));

  gvir_config_domain_cputune_set_shares (cputune, 10);
  g_assert_cmpuint (gvir_config_domain_cputune_get_shares (cputune), ==, 10);
  gvir_config_domain_cputune_set_period (cputune, 5000);
  g_assert_cmpuint (gvir_config_domain_cputune_get_period (cputune), ==, 5000);
  gvir_config_domain_cputune_set_quota (cputune, 2500);
  g_assert_cmpint (gvir_config_domain_cputune_get_quota (cputune), ==, 2500);
  gvir_config_domain_cputune_set_quota (cputune, 0);
  g_assert_cmpint (gvir_config_domain_cputune_get_quota (cputune), ==, 0);
  g_assert_true (gvir_config_domain_cputune_set_vcpupin (cputune, 3, "4-7,^5", &error));
  g_assert_cmpstr (gvir_config_domain_cputune_get_vcpupin (cputune, 3), ==, "4,6-7");
  g_assert_true (gvir_config_domain_cputune_set_vcpupin (cputune, 3, NULL, &error));
  g_assert_null (gvir_config_domain_cputune_get_vcpupin (cputune, 3));
  g_assert_true (gvir_config_domain_cputune_set_emulatorpin (cputune, "1", &error));
  g_assert_cmpstr (gvir_config_domain_cputune_get_emulatorpin (cputune), ==, "1");

  gvir_config_domain_memtune_set_soft_limit (memtune, 100);
  g_assert_cmpuint (gvir_config_domain_memtune_get_soft_limit (memtune), ==, 100);
  gvir_config_domain_memtune_set_swap_hard_limit (memtune, 200);
  g_assert_cmpuint (gvir_config_domain_memtune_get_swap_hard_limit (memtune), ==, 200);
  gvir_config_domain_memtune_set_min_guarantee (memtune, 300);
  g_assert_cmpuint (gvir_config_domain_memtune_get_min_guarantee (memtune), ==, 300);
  gvir_config_domain_memtune_set_soft_limit (memtune, 0);
  g_assert_cmpuint (gvir_config_domain_memtune_get_soft_limit (memtune), ==, 0);

  gvir_config_domain_blkiotune_set_device_weight (blkiotune, "/dev/vdb", 300);
  gvir_config_domain_blkiotune_set_device_weight (blkiotune, "/dev/vdb", 400);
  g_assert_cmpuint (gvir_config_domain_blkiotune_get_device_weight (blkiotune, "/dev/vdb"), ==, 400);
  gvir_config_domain_blkiotune_set_device_weight (blkiotune, "/dev/vdb", 0);
  g_assert_cmpuint (gvir_config_domain_blkiotune_get_device_weight (blkiotune, "/dev/vdb"), ==, 0);
  assert_xml (blkiotune, "<blkiotune/>");

  gvir_config_domain_memory_backing_set_locked (backing, TRUE);
  g_assert_true (gvir_config_domain_memory_backing_get_locked (backing));
  gvir_config_domain_memory_backing_set_locked (backing, FALSE);
  g_assert_false (gvir_config_domain_memory_backing_get_locked (backing));
  gvir_config_domain_memory_backing_set_nosharepages (backing, TRUE);
  g_assert_true (gvir_config_domain_memory_backing_get_nosharepages (backing));
  g_assert_false (gvir_config_domain_memory_backing_get_hugepages (backing));

  gvir_config_domain_memory_device_set_model (mem, GVIR_CONFIG_DOMAIN_MEMORY_DEVICE_MODEL_NVDIMM);
  g_assert_cmpint (gvir_config_domain_memory_device_get_model (mem), ==,
                   GVIR_CONFIG_DOMAIN_MEMORY_DEVICE_MODEL_NVDIMM);
  gvir_config_domain_memory_device_set_node (mem, 2);
  gvir_config_domain_memory_device_set_node (mem, -1);
  g_assert_cmpint (gvir_config_domain_memory_device_get_node (mem), ==, -1);

  gvir_config_domain_set_vcpus (domain, 8);
  gvir_config_domain_set_vcpu_placement (domain, GVIR_CONFIG_DOMAIN_PLACEMENT_AUTO);
  g_assert_cmpint (gvir_config_domain_get_vcpu_placement (domain), ==, GVIR_CONFIG_DOMAIN_PLACEMENT_AUTO);
  gvir_config_domain_set_current_vcpus (domain, 3);
  g_assert_cmpuint (gvir_config_domain_get_current_vcpus (domain), ==, 3);
  g_assert_cmpuint (gvir_config_domain_get_vcpus (domain), ==, 8);
  gvir_config_domain_set_current_vcpus (domain, 0);
  g_assert_cmpuint (gvir_config_domain_get_current_vcpus (domain), ==, 0);
  gvir_config_domain_set_max_memory_slots (domain, 2);
  gvir_config_domain_set_max_memory (domain, 1024);
  g_assert_cmpuint (gvir_config_domain_get_max_memory (domain), ==, 1024);
  g_assert_cmpuint (gvir_config_domain_get_max_memory_slots (domain), ==, 2);
  gvir_config_domain_set_iothreads (domain, 4);
  g_assert_cmpuint (gvir_config_domain_get_iothreads (domain), ==, 4);
  gvir_config_domain_set_iothreads (domain, 0);
  g_assert_cmpuint (gvir_config_domain_get_iothreads (domain), ==, 0);
  gvir_config_domain_set_resource_partition (domain, "/a");
  gvir_config_domain_set_resource_partition (domain, "/b");
  g_assert_cmpstr (gvir_config_domain_get_resource_partition (domain), ==, "/b");
  gvir_config_domain_set_resource_partition (domain, NULL);
  g_assert_null (gvir_config_domain_get_resource_partition (domain));
  assert_xml (domain, "<domain>\n  <vcpu placement=\"auto\">8</vcpu>\n"
                      "  <maxMemory slots=\"2\" unit=\"KiB\">1024</maxMemory>\n</domain>");

  gvir_config_domain_set_memtune (domain, memtune);
  {
    g_autoptr(GVirConfigDomainMemtune) view = gvir_config_domain_get_memtune (domain);

    g_assert_nonnull (view);
  }
  gvir_config_domain_set_memtune (domain, NULL);
  g_assert_null (gvir_config_domain_get_memtune (domain));
  g_assert_no_error (error);
}

/* The setters that rebuild lists keep the views they are given. */
static void
test_set_lists (void)
{
  g_autoptr(GVirConfigDomain) domain = load_domain ("domain-tuning.xml");
  g_autoptr(GVirConfigDomainCpu) cpu = gvir_config_domain_get_cpu (domain);
  g_autoptr(GVirConfigDomainNumatune) numatune = gvir_config_domain_get_numatune (domain);
  g_autolist(GVirConfigDomainNumaCell) cells = gvir_config_domain_cpu_get_numa_cells (cpu);
  g_autolist(GVirConfigDomainNumatuneMemnode) memnodes = gvir_config_domain_numatune_get_memnodes (numatune);
  g_autolist(GVirConfigDomainNumaCell) after = NULL;
  GList *reversed;

  reversed = g_list_reverse (g_list_copy (cells));
  gvir_config_domain_cpu_set_numa_cells (cpu, reversed);
  g_list_free (reversed);
  after = gvir_config_domain_cpu_get_numa_cells (cpu);
  g_assert_cmpuint (g_list_length (after), ==, 2);
  g_assert_cmpint (gvir_config_domain_numa_cell_get_id (after->data), ==, 1);
  g_assert_cmpint (gvir_config_domain_numa_cell_get_id (after->next->data), ==, 0);

  gvir_config_domain_numatune_set_memnodes (numatune, memnodes->next);
  g_clear_list (&memnodes, g_object_unref);
  memnodes = gvir_config_domain_numatune_get_memnodes (numatune);
  g_assert_cmpuint (g_list_length (memnodes), ==, 1);
  g_assert_cmpint (gvir_config_domain_numatune_memnode_get_cellid (memnodes->data), ==, 1);

  gvir_config_domain_cpu_set_numa_cells (cpu, NULL);
  g_assert_null (gvir_config_domain_cpu_get_numa_cells (cpu));
}

/* ---- nodeset syntax ---- */

static void
test_nodeset_canonical (void)
{
  static const char *cases[][2] = {
    { "0-3,^2,5", "0-1,3,5" },
    { "^2,0-3", "0-3" },
    { "0-3,^1,^2", "0,3" },
    { "0,", "0" },
    { " 1 - 3 ", "1-3" },
    { "16383", "16383" },
    { "5,1,3-4", "1,3-5" },
  };
  g_autoptr(GVirConfigDomain) domain = gvir_config_domain_new ();

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (gvir_config_domain_set_vcpu_cpuset (domain, cases[i][0], &error));
      g_assert_no_error (error);
      g_assert_cmpstr (gvir_config_domain_get_vcpu_cpuset (domain), ==, cases[i][1]);
    }
}

static void
test_nodeset_malformed (void)
{
  static const char *bad[] = {
    "16384", "1,^1", "3-1", "^1-2", "0-3,^1-2", "^ 1,0-2", "0,,1", "-1", "1;2", "", " ", ",", "a", "1-",
    "99999999999999999999",
  };
  g_autoptr(GVirConfigDomain) domain = gvir_config_domain_new ();
  g_autoptr(GVirConfigDomainNumatune) numatune = gvir_config_domain_numatune_new ();
  g_autoptr(GVirConfigDomainNumaCell) cell = gvir_config_domain_numa_cell_new ();
  g_autoptr(GVirConfigDomainCputune) cputune = gvir_config_domain_cputune_new ();
  g_autoptr(GVirConfigDomainMemoryBackingPage) page = gvir_config_domain_memory_backing_page_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (gvir_config_domain_set_vcpu_cpuset (domain, "1", &error));
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (gvir_config_domain_set_vcpu_cpuset (domain, bad[i], &error));
      g_assert_error (error, GVIR_CONFIG_ERROR, GVIR_CONFIG_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, bad[i]));
      g_clear_error (&error);
      /* A failed set leaves the old value. */
      g_assert_cmpstr (gvir_config_domain_get_vcpu_cpuset (domain), ==, "1");

      g_assert_false (gvir_config_domain_numatune_set_memory_nodeset (numatune, bad[i], &error));
      g_assert_error (error, GVIR_CONFIG_ERROR, GVIR_CONFIG_ERROR_INVALID);
      g_clear_error (&error);
      g_assert_false (gvir_config_domain_numa_cell_set_cpus (cell, bad[i], &error));
      g_assert_error (error, GVIR_CONFIG_ERROR, GVIR_CONFIG_ERROR_INVALID);
      g_clear_error (&error);
      g_assert_false (gvir_config_domain_cputune_set_vcpupin (cputune, 0, bad[i], &error));
      g_assert_error (error, GVIR_CONFIG_ERROR, GVIR_CONFIG_ERROR_INVALID);
      g_clear_error (&error);
      g_assert_false (gvir_config_domain_cputune_set_emulatorpin (cputune, bad[i], &error));
      g_assert_error (error, GVIR_CONFIG_ERROR, GVIR_CONFIG_ERROR_INVALID);
      g_clear_error (&error);
      g_assert_false (gvir_config_domain_memory_backing_page_set_nodeset (page, bad[i], &error));
      g_assert_error (error, GVIR_CONFIG_ERROR, GVIR_CONFIG_ERROR_INVALID);
      g_clear_error (&error);
    }
  assert_xml (numatune, "<numatune/>");
  assert_xml (cell, "<cell/>");
  assert_xml (cputune, "<cputune/>");
  assert_xml (page, "<page/>");
}

static void
assert_range_after_caret_refused (gboolean ok, GError *error, const char *what)
{
  g_autofree char *quoted = g_strdup_printf ("Invalid %s '0-3,^1-2'", what);

  g_assert_false (ok);
  g_assert_error (error, GVIR_CONFIG_ERROR, GVIR_CONFIG_ERROR_INVALID);
  g_test_message ("%s: %s", what, error->message);
  g_assert_nonnull (strstr (error->message, quoted));
  g_assert_nonnull (strstr (error->message, "'^' must be followed by a single number, not a range"));
}

/* libvirt refuses a range after '^' ("0-3,^1-2" is not "0,3"): every
 * setter that takes a cpuset or nodeset says so, and keeps its old value. */
static void
test_nodeset_range_after_caret (void)
{
  const char *input = "0-3,^1-2";
  g_autoptr(GVirConfigDomain) domain = gvir_config_domain_new ();
  g_autoptr(GVirConfigDomainNumatune) numatune = gvir_config_domain_numatune_new ();
  g_autoptr(GVirConfigDomainNumatuneMemnode) memnode = gvir_config_domain_numatune_memnode_new ();
  g_autoptr(GVirConfigDomainNumaCell) cell = gvir_config_domain_numa_cell_new ();
  g_autoptr(GVirConfigDomainCputune) cputune = gvir_config_domain_cputune_new ();
  g_autoptr(GVirConfigDomainMemoryBackingPage) page = gvir_config_domain_memory_backing_page_new ();
  GError *error = NULL;
  gboolean ok;

  ok = gvir_config_domain_set_vcpu_cpuset (domain, input, &error);
  assert_range_after_caret_refused (ok, error, "cpuset");
  g_clear_error (&error);
  ok = gvir_config_domain_numatune_set_memory_nodeset (numatune, input, &error);
  assert_range_after_caret_refused (ok, error, "nodeset");
  g_clear_error (&error);
  ok = gvir_config_domain_numatune_memnode_set_nodeset (memnode, input, &error);
  assert_range_after_caret_refused (ok, error, "nodeset");
  g_clear_error (&error);
  ok = gvir_config_domain_numa_cell_set_cpus (cell, input, &error);
  assert_range_after_caret_refused (ok, error, "cpus");
  g_clear_error (&error);
  ok = gvir_config_domain_cputune_set_vcpupin (cputune, 0, input, &error);
  assert_range_after_caret_refused (ok, error, "cpuset");
  g_clear_error (&error);
  ok = gvir_config_domain_cputune_set_emulatorpin (cputune, input, &error);
  assert_range_after_caret_refused (ok, error, "cpuset");
  g_clear_error (&error);
  ok = gvir_config_domain_memory_backing_page_set_nodeset (page, input, &error);
  assert_range_after_caret_refused (ok, error, "nodeset");
  g_clear_error (&error);

  assert_xml (domain, "<domain/>");
  assert_xml (numatune, "<numatune/>");
  assert_xml (memnode, "<memnode/>");
  assert_xml (cell, "<cell/>");
  assert_xml (cputune, "<cputune/>");
  assert_xml (page, "<page/>");
}

/* Garbage values in parsed documents give defaults, never a crash. */
static void
test_garbage_values (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirConfigDomain) domain =
    gvir_config_domain_new_from_xml ("<domain><vcpu placement='x' current='-1'>z</vcpu>"
                                     "<maxMemory slots='q' unit='furlong'>1</maxMemory>"
                                     "<iothreads>many</iothreads><resource/>"
                                     "<numatune><memory mode='odd' placement='?'/><memnode cellid='x'/></numatune>"
                                     "<cputune><quota>1e9</quota><vcpupin vcpu='a'/></cputune>"
                                     "<cpu><numa><cell id='-3' memory='lots' memAccess='?' discard='maybe'>"
                                     "<distances><sibling id='z' value='y'/></distances></cell></numa></cpu>"
                                     "<devices><memory model='ram'><target><node>x</node></target></memory></devices>"
                                     "</domain>", &error);
  g_autoptr(GVirConfigDomainNumatune) numatune = NULL;
  g_autoptr(GVirConfigDomainCputune) cputune = NULL;
  g_autoptr(GVirConfigDomainCpu) cpu = NULL;
  g_autolist(GVirConfigDomainNumaCell) cells = NULL;
  g_autolist(GVirConfigDomainNumatuneMemnode) memnodes = NULL;
  g_autolist(GVirConfigDomainDevice) devices = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (gvir_config_domain_get_vcpu_placement (domain), ==, GVIR_CONFIG_DOMAIN_PLACEMENT_STATIC);
  g_assert_cmpuint (gvir_config_domain_get_current_vcpus (domain), ==, 0);
  g_assert_cmpuint (gvir_config_domain_get_max_memory (domain), ==, 0);
  g_assert_cmpuint (gvir_config_domain_get_max_memory_slots (domain), ==, 0);
  g_assert_cmpuint (gvir_config_domain_get_iothreads (domain), ==, 0);
  g_assert_null (gvir_config_domain_get_resource_partition (domain));
  numatune = gvir_config_domain_get_numatune (domain);
  g_assert_cmpint (gvir_config_domain_numatune_get_memory_mode (numatune), ==,
                   GVIR_CONFIG_DOMAIN_NUMATUNE_MEMORY_MODE_STRICT);
  memnodes = gvir_config_domain_numatune_get_memnodes (numatune);
  g_assert_cmpint (gvir_config_domain_numatune_memnode_get_cellid (memnodes->data), ==, -1);
  cputune = gvir_config_domain_get_cputune (domain);
  g_assert_cmpint (gvir_config_domain_cputune_get_quota (cputune), ==, 0);
  g_assert_null (gvir_config_domain_cputune_get_vcpupin (cputune, 0));
  cpu = gvir_config_domain_get_cpu (domain);
  cells = gvir_config_domain_cpu_get_numa_cells (cpu);
  g_assert_cmpint (gvir_config_domain_numa_cell_get_id (cells->data), ==, -1);
  g_assert_cmpuint (gvir_config_domain_numa_cell_get_memory (cells->data), ==, 0);
  g_assert_cmpint (gvir_config_domain_numa_cell_get_mem_access (cells->data), ==,
                   GVIR_CONFIG_DOMAIN_NUMA_CELL_MEM_ACCESS_DEFAULT);
  g_assert_false (gvir_config_domain_numa_cell_get_discard (cells->data));
  g_assert_cmpuint (gvir_config_domain_numa_cell_get_distance (cells->data, 0), ==, 0);
  devices = gvir_config_domain_get_devices (domain);
  g_assert_cmpint (gvir_config_domain_memory_device_get_node (devices->data), ==, -1);
  g_assert_cmpint (gvir_config_domain_memory_device_get_model (devices->data), ==,
                   GVIR_CONFIG_DOMAIN_MEMORY_DEVICE_MODEL_DIMM);

  g_assert_false (gvir_config_domain_validate_numa (domain, &error));
  g_assert_error (error, GVIR_CONFIG_ERROR, GVIR_CONFIG_ERROR_INVALID);
}

/* Programmer errors are refused without touching the document. */
static void
test_programmer_errors (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GVirConfigDomainNumatune) numatune = gvir_config_domain_numatune_new ();

      gvir_config_domain_numatune_set_memory_mode (numatune, 42);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*");
}

/* ---- NUMA validation ---- */

typedef struct
{
  const char *xml;
  const char *message; /* NULL: valid */
} NumaCase;

static const NumaCase numa_cases[] = {
  { "<domain><vcpu>4</vcpu><cpu><numa><cell cpus='0-1' memory='1'/><cell cpus='2-3' memory='1'/>"
    "</numa></cpu></domain>", NULL },
  { "<domain><vcpu placement='auto'>2</vcpu><numatune><memory mode='strict'/></numatune></domain>", NULL },
  { "<domain><vcpu>2</vcpu><numatune><memory placement='auto'/></numatune></domain>", NULL },
  { "<domain><vcpu>4</vcpu><cpu><numa><cell id='0' cpus='0-1' memory='1'/><cell id='2' cpus='2-3' memory='1'/>"
    "</numa></cpu></domain>", "*id 2 is out of range*" },
  { "<domain><vcpu>4</vcpu><cpu><numa><cell id='1' cpus='0-1' memory='1'/><cell id='1' cpus='2-3' memory='1'/>"
    "</numa></cpu></domain>", "*id 1 is used twice*" },
  { "<domain><vcpu>4</vcpu><cpu><numa><cell id='0' cpus='0-2' memory='1'/><cell id='1' cpus='2-3' memory='1'/>"
    "</numa></cpu></domain>", "*CPU 2 is in NUMA cells 0 and 1*" },
  { "<domain><vcpu>2</vcpu><cpu><numa><cell id='0' cpus='0-3' memory='1'/></numa></cpu></domain>",
    "*CPU 2*only 2 vCPUs*" },
  { "<domain><cpu><numa><cell id='0' cpus='0-1' memory='1'/></numa></cpu></domain>", "*only 1 vCPUs*" },
  { "<domain><vcpu>2</vcpu><cpu><numa><cell id='0' cpus='0-1'/></numa></cpu></domain>", "*no valid memory*" },
  { "<domain><vcpu>2</vcpu><cpu><numa><cell id='0' cpus='0-x' memory='1'/></numa></cpu></domain>",
    "*Invalid cpus '0-x'*" },
  { "<domain><vcpu>2</vcpu><numatune><memory mode='strict'/></numatune></domain>", "*needs a nodeset*" },
  { "<domain><vcpu>2</vcpu><numatune><memory placement='static'/></numatune></domain>", "*needs a nodeset*" },
  { "<domain><vcpu>2</vcpu><numatune><memory nodeset='1,^1'/></numatune></domain>", "*names no id*" },
  { "<domain><vcpu>2</vcpu><numatune><memnode cellid='0' nodeset='0'/></numatune></domain>",
    "*needs guest NUMA cells*" },
  { "<domain><vcpu>2</vcpu><numatune><memnode cellid='1' nodeset='0'/></numatune>"
    "<cpu><numa><cell cpus='0-1' memory='1'/></numa></cpu></domain>", "*cellid 1 is out of range*" },
  { "<domain><vcpu>2</vcpu><numatune><memnode cellid='0' nodeset='0'/><memnode cellid='0' nodeset='1'/></numatune>"
    "<cpu><numa><cell cpus='0-1' memory='1'/></numa></cpu></domain>", "*cell 0 appears twice*" },
  { "<domain><vcpu>2</vcpu><numatune><memnode cellid='0'/></numatune>"
    "<cpu><numa><cell cpus='0-1' memory='1'/></numa></cpu></domain>", "*has no nodeset*" },
  { "<domain><vcpu>2</vcpu><numatune><memory placement='auto'/><memnode cellid='0' nodeset='0'/></numatune>"
    "<cpu><numa><cell cpus='0-1' memory='1'/></numa></cpu></domain>", "*automatic memory placement*" },
  { "<domain><vcpu cpuset='8-'>2</vcpu></domain>", "*<vcpu>*Invalid cpuset*" },
};

static void
test_validate_numa (gconstpointer data)
{
  const NumaCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirConfigDomain) domain = gvir_config_domain_new_from_xml (c->xml, &error);
  gboolean ok;

  g_assert_no_error (error);
  ok = gvir_config_domain_validate_numa (domain, &error);
  if (c->message == NULL)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
      return;
    }
  g_assert_false (ok);
  g_assert_error (error, GVIR_CONFIG_ERROR, GVIR_CONFIG_ERROR_INVALID);
  if (!g_pattern_match_simple (c->message, error->message))
    g_error ("message '%s' does not match '%s'", error->message, c->message);
}

int
main (int argc, char **argv)
{
  static const char *fixtures[] = { "domain-tuning.xml", "domain-tuning-built.xml" };

  g_test_init (&argc, &argv, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *path = g_strdup_printf ("/gconfig/tuning/roundtrip/%s", fixtures[i]);

      g_test_add_data_func (path, fixtures[i], test_roundtrip);
    }
  g_test_add_func ("/gconfig/tuning/parsed-getters", test_parsed_getters);
  g_test_add_func ("/gconfig/tuning/build", test_build);
  g_test_add_func ("/gconfig/tuning/accessors", test_accessors);
  g_test_add_func ("/gconfig/tuning/set-lists", test_set_lists);
  g_test_add_func ("/gconfig/tuning/nodeset/canonical", test_nodeset_canonical);
  g_test_add_func ("/gconfig/tuning/nodeset/malformed", test_nodeset_malformed);
  g_test_add_func ("/gconfig/tuning/nodeset/range-after-caret", test_nodeset_range_after_caret);
  g_test_add_func ("/gconfig/tuning/garbage-values", test_garbage_values);
  g_test_add_func ("/gconfig/tuning/programmer-errors", test_programmer_errors);
  for (gsize i = 0; i < G_N_ELEMENTS (numa_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/gconfig/tuning/validate-numa/%" G_GSIZE_FORMAT, i);

      g_test_add_data_func (path, &numa_cases[i], test_validate_numa);
    }
  return g_test_run ();
}
