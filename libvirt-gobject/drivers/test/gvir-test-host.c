/*
 * gvir-test-host.c: the fake host of the test driver (node info, capabilities)
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include "gvir-test-private.h"
#include "libvirt-gobject/util/gvir-numa-private.h"

/* The numbers of libvirt's test driver, so that code written against
 * test:///default sees the same host here. */
#define TEST_HOST_UUID "2d0c7bd6-8a93-4f0b-9c44-5e5b7b6d1f3a"
#define TEST_EMULATOR "/usr/bin/test-hv"
#define TEST_ARCH "i686"
#define TEST_MAX_VCPUS 32

static const guint page_sizes_kib[] = { 4, 8, 2048, 1048576 };

void
gvir_test_host_init_default (GVirTestHost *host)
{
  host->node.model = g_strdup (TEST_ARCH);
  host->node.memory_kib = 3145728;
  host->node.cpus = 16;
  host->node.mhz = 1400;
  host->node.nodes = 2;
  host->node.sockets = 2;
  host->node.cores = 2;
  host->node.threads = 2;
  host->ncells = 2;
  host->networks = g_ptr_array_new_with_free_func (g_object_unref);
  host->interfaces = g_ptr_array_new_with_free_func (g_object_unref);
  host->node_devices = g_ptr_array_new_with_free_func (g_object_unref);
}

void
gvir_test_host_clear (GVirTestHost *host)
{
  gvir_driver_node_info_clear (&host->node);
  host->ncells = 0;
  g_clear_pointer (&host->networks, g_ptr_array_unref);
  g_clear_pointer (&host->interfaces, g_ptr_array_unref);
  g_clear_pointer (&host->node_devices, g_ptr_array_unref);
}

GVirIdSet *
gvir_test_host_get_nodes (const GVirTestHost *host)
{
  GVirIdSet *nodes = gvir_id_set_new (GVIR_ID_SET_LIMIT);
  /* A file's <cpu><nodes> is at least 1 (the loader refuses 0). */
  guint n = host->ncells > 0 ? host->ncells : MAX (host->node.nodes, 1);

  n = MIN (n, GVIR_ID_SET_LIMIT);
  for (guint id = 0; id < n; id++)
    gvir_id_set_add (nodes, id);
  return nodes;
}

gboolean
gvir_test_host_check_nodeset (const GVirTestHost  *host,
                              const GVirIdSet     *nodeset,
                              GError             **error)
{
  g_autoptr(GVirIdSet) host_nodes = NULL;

  if (nodeset == NULL)
    return TRUE;
  host_nodes = gvir_test_host_get_nodes (host);
  return gvir_numa_check_nodes_on_host (nodeset, host_nodes, error);
}

static void
format_cell (GString *xml,
             guint    cell,
             guint    ncells,
             guint    cpus_per_cell)
{
  guint64 memory_kib = (guint64) (cell + 1) * 2048 * 1024;
  guint i;

  g_string_append_printf (xml,
                          "        <cell id='%u'>\n"
                          "          <memory unit='KiB'>%" G_GUINT64_FORMAT "</memory>\n",
                          cell, memory_kib);
  /* Each cell is backed by one page size: cell 0 by 4 KiB pages, cell 1
   * by 8 KiB pages, as in libvirt's test driver. */
  for (i = 0; i < G_N_ELEMENTS (page_sizes_kib); i++)
    g_string_append_printf (xml, "          <pages unit='KiB' size='%u'>%" G_GUINT64_FORMAT "</pages>\n",
                            page_sizes_kib[i],
                            i == cell ? memory_kib / page_sizes_kib[i] : 0);

  g_string_append (xml, "          <distances>\n");
  for (i = 0; i < ncells; i++)
    g_string_append_printf (xml, "            <sibling id='%u' value='%u'/>\n",
                            i, i == cell ? 10 : 20);
  g_string_append (xml, "          </distances>\n");

  g_string_append_printf (xml, "          <cpus num='%u'>\n", cpus_per_cell);
  for (i = cell * cpus_per_cell; i < (cell + 1) * cpus_per_cell; i++)
    g_string_append_printf (xml,
                            "            <cpu id='%u' socket_id='%u' core_id='%u' siblings='%u'/>\n",
                            i, i / 8, i % 8, i);
  g_string_append (xml, "          </cpus>\n        </cell>\n");
}

static void
format_guest (GString    *xml,
              const char *os_type)
{
  g_string_append_printf (xml,
                          "  <guest>\n"
                          "    <os_type>%s</os_type>\n"
                          "    <arch name='" TEST_ARCH "'>\n"
                          "      <wordsize>32</wordsize>\n"
                          "      <emulator>" TEST_EMULATOR "</emulator>\n"
                          "      <domain type='test'/>\n"
                          "    </arch>\n"
                          "    <features>\n"
                          "      <pae/>\n"
                          "      <nonpae/>\n"
                          "    </features>\n"
                          "  </guest>\n",
                          os_type);
}

char *
gvir_test_host_format_capabilities (const GVirTestHost *host)
{
  GString *xml = g_string_new ("<capabilities>\n  <host>\n");
  guint i;

  g_string_append (xml,
                   "    <uuid>" TEST_HOST_UUID "</uuid>\n"
                   "    <cpu>\n"
                   "      <arch>" TEST_ARCH "</arch>\n"
                   "      <features>\n"
                   "        <pae/>\n"
                   "        <nonpae/>\n"
                   "      </features>\n");
  for (i = 0; i < G_N_ELEMENTS (page_sizes_kib); i++)
    g_string_append_printf (xml, "      <pages unit='KiB' size='%u'/>\n", page_sizes_kib[i]);
  g_string_append (xml, "    </cpu>\n    <iommu support='no'/>\n");

  /* Configurations read from a file have no NUMA cells, hence no topology. */
  if (host->ncells > 0)
    {
      g_string_append_printf (xml, "    <topology>\n      <cells num='%u'>\n", host->ncells);
      for (i = 0; i < host->ncells; i++)
        format_cell (xml, i, host->ncells, host->node.cpus / host->ncells);
      g_string_append (xml, "      </cells>\n    </topology>\n");
    }

  g_string_append (xml,
                   "    <secmodel>\n"
                   "      <model>testSecurity</model>\n"
                   "      <doi></doi>\n"
                   "    </secmodel>\n"
                   "  </host>\n");
  format_guest (xml, "hvm");
  format_guest (xml, "xen");
  g_string_append (xml, "</capabilities>\n");

  return g_string_free (xml, FALSE);
}

static gboolean
check_domcaps_arg (const char  *given,
                   const char  *supported,
                   const char  *what,
                   GError     **error)
{
  if (given == NULL || g_str_equal (given, supported))
    return TRUE;

  g_set_error (error, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED,
               "the test driver has no %s '%s' (only '%s')", what, given, supported);
  return FALSE;
}

char *
gvir_test_host_format_domain_capabilities (const GVirTestHost  *host,
                                           const char          *emulatorbin,
                                           const char          *arch,
                                           const char          *machine,
                                           const char          *virttype,
                                           GError             **error)
{
  if (!check_domcaps_arg (emulatorbin, TEST_EMULATOR, "emulator", error) ||
      !check_domcaps_arg (arch, TEST_ARCH, "architecture", error) ||
      !check_domcaps_arg (virttype, "test", "virtualization type", error))
    return NULL;

  return g_strdup_printf ("<domainCapabilities>\n"
                          "  <path>" TEST_EMULATOR "</path>\n"
                          "  <domain>test</domain>\n"
                          "  <machine>%s</machine>\n"
                          "  <arch>" TEST_ARCH "</arch>\n"
                          "  <vcpu max='%d'/>\n"
                          "  <os supported='yes'>\n"
                          "    <enum name='firmware'/>\n"
                          "    <loader supported='no'/>\n"
                          "  </os>\n"
                          "  <cpu>\n"
                          "    <mode name='host-passthrough' supported='no'/>\n"
                          "    <mode name='custom' supported='no'/>\n"
                          "  </cpu>\n"
                          "  <devices>\n"
                          "    <disk supported='yes'>\n"
                          "      <enum name='diskDevice'>\n"
                          "        <value>disk</value>\n"
                          "        <value>cdrom</value>\n"
                          "      </enum>\n"
                          "      <enum name='bus'>\n"
                          "        <value>virtio</value>\n"
                          "        <value>sata</value>\n"
                          "      </enum>\n"
                          "    </disk>\n"
                          "    <graphics supported='no'/>\n"
                          "    <hostdev supported='no'/>\n"
                          "  </devices>\n"
                          "  <features>\n"
                          "    <iothreads supported='no'/>\n"
                          "  </features>\n"
                          "</domainCapabilities>\n",
                          machine ? machine : "test", TEST_MAX_VCPUS);
}

const char *
gvir_test_default_domain_xml (void)
{
  return
    "<domain type='test'>\n"
    "  <name>test</name>\n"
    "  <uuid>6695eb01-f6a4-8304-79aa-97f2502e193f</uuid>\n"
    "  <memory unit='KiB'>8388608</memory>\n"
    "  <currentMemory unit='KiB'>2097152</currentMemory>\n"
    "  <vcpu placement='static'>2</vcpu>\n"
    "  <os>\n"
    "    <type arch='i686'>hvm</type>\n"
    "    <boot dev='hd'/>\n"
    "  </os>\n"
    "  <clock offset='utc'/>\n"
    "  <on_poweroff>destroy</on_poweroff>\n"
    "  <on_reboot>restart</on_reboot>\n"
    "  <on_crash>destroy</on_crash>\n"
    "  <devices>\n"
    "    <disk type='file' device='disk'>\n"
    "      <source file='/guest/diskimage1'/>\n"
    "      <target dev='vda' bus='virtio'/>\n"
    "      <address type='pci' domain='0x0000' bus='0x01' slot='0x00' function='0x0'/>\n"
    "    </disk>\n"
    "    <interface type='network'>\n"
    "      <mac address='aa:bb:cc:dd:ee:ff'/>\n"
    "      <source network='default'/>\n"
    "      <target dev='testnet0'/>\n"
    "      <address type='pci' domain='0x0000' bus='0x00' slot='0x01' function='0x0'/>\n"
    "    </interface>\n"
    "    <memballoon model='virtio'>\n"
    "      <address type='pci' domain='0x0000' bus='0x00' slot='0x02' function='0x0'/>\n"
    "    </memballoon>\n"
    "  </devices>\n"
    "</domain>\n";
}
