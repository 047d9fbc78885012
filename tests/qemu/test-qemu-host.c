/*
 * test-qemu-host.c: the QEMU driver's host calls (node info, free memory
 * of cells, version, capabilities, domain capabilities) compared with what
 * the test reads itself from /proc, /sys and the emulator; and one KVM
 * smoke test where /dev/kvm opens
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <libvirt-gconfig/libvirt-gconfig.h>

#include "libvirt-gobject-error.h"
#include "drivers/gvir-driver-private.h"
#include "drivers/qemu/gvir-qemu-driver-private.h"
#include "drivers/qemu/gvir-qemu-probe-private.h"
#include "drivers/qemu/gvir-qemu-process-private.h"
#include "../common/gvir-test-files.h"
#include "qemu-test-children.h"

#define KVM_UUID "c7a5fdbd-cdaf-9455-926a-d65c16db1900"
#define NODE_DIR "/sys/devices/system/node"

typedef struct
{
  char *root;
  GVirDriverConnection *conn;
} Fixture;

static const char *
kvm_xml (void)
{
  return "<domain type='kvm'>\n"
         "  <name>kvmsmoke</name>\n"
         "  <uuid>" KVM_UUID "</uuid>\n"
         "  <memory unit='MiB'>32</memory>\n"
         "  <vcpu>1</vcpu>\n"
         "  <os><type arch='x86_64' machine='pc'>hvm</type></os>\n"
         "</domain>\n";
}

/* The emulator's absolute path; NULL and the case skipped without it. */
static char *
find_emulator (void)
{
  char *path = g_find_program_in_path ("qemu-system-x86_64");

  if (path != NULL)
    return path;
  if (g_getenv ("GVIR_TESTS_REQUIRE_ALL") != NULL)
    g_error ("qemu-system-x86_64 is missing and GVIR_TESTS_REQUIRE_ALL is set");
  g_test_skip ("qemu-system-x86_64 is not installed");
  return NULL;
}

/* Whether /dev/kvm opens for reading and writing; why not in @why. */
static gboolean
kvm_opens (char **why)
{
  int fd = open ("/dev/kvm", O_RDWR | O_CLOEXEC);

  if (fd < 0)
    {
      *why = g_strdup (g_strerror (errno));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;

  gvir_driver_register (&gvir_qemu_driver);
  f->root = g_dir_make_tmp ("gvir-qemu-host-XXXXXX", &error);
  g_assert_no_error (error);
  uri = g_strdup_printf ("qemu:///embed?root=%s", f->root);
  f->conn = gvir_driver_connection_open (uri, FALSE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_clear_pointer (&f->conn, gvir_driver_connection_unref);
  g_assert_true (gvir_test_remove_tree (f->root));
  g_free (f->root);
}

/* ---- what the test reads itself ---------------------------------------------------- */

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&text);
}

/* The number after "@key:" in @text (meminfo style). */
static guint64
text_value (const char *text, const char *key)
{
  g_autofree char *needle = g_strdup_printf ("%s:", key);
  const char *at = strstr (text, needle);

  g_assert_nonnull (at);
  return g_ascii_strtoull (at + strlen (needle), NULL, 10);
}

static gint
compare_ids (gconstpointer a, gconstpointer b)
{
  guint ia = *(const guint *) a, ib = *(const guint *) b;

  return ia < ib ? -1 : ia > ib;
}

/* The NUMA nodes of /sys (ids ascending); node 0 alone without NUMA, or
 * when the build has no libnuma (its stub is one node). */
static GArray *
sys_nodes (void)
{
  GArray *nodes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GDir) dir = HAVE_NUMA ? g_dir_open (NODE_DIR, 0, NULL) : NULL;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "node") && g_ascii_isdigit (name[4]))
      {
        guint id = (guint) g_ascii_strtoull (name + 4, NULL, 10);

        g_array_append_val (nodes, id);
      }
  if (nodes->len == 0)
    {
      guint zero = 0;

      g_array_append_val (nodes, zero);
    }
  g_array_sort (nodes, compare_ids);
  return nodes;
}

/* The ids of a CPU list such as "0-3,8" (kernel format). */
static GArray *
parse_cpu_list (const char *text)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (guint));
  g_auto(GStrv) ranges = g_strsplit (g_strstrip ((char *) text), ",", -1);

  for (guint i = 0; ranges[i] != NULL && ranges[i][0] != '\0'; i++)
    {
      char *end = NULL;
      guint first = (guint) g_ascii_strtoull (ranges[i], &end, 10);
      guint last = *end == '-' ? (guint) g_ascii_strtoull (end + 1, NULL, 10) : first;

      for (guint id = first; id <= last; id++)
        g_array_append_val (ids, id);
    }
  return ids;
}

static guint
count_cpuinfo_processors (void)
{
  g_autofree char *text = read_text ("/proc/cpuinfo");
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint count = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "processor"))
      count++;
  return count;
}

/* ---- node info and free memory ----------------------------------------------------- */

static void
test_node_info (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *meminfo = read_text ("/proc/meminfo");
  g_autofree char *cpuinfo = read_text ("/proc/cpuinfo");
  g_autoptr(GArray) nodes = sys_nodes ();
  GVirDriverNodeInfo info = { 0 };
  struct utsname name;
  const char *mhz;

  g_assert_true (gvir_driver_connection_get_node_info (f->conn, &info, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (uname (&name), ==, 0);
  g_assert_cmpstr (info.model, ==, name.machine);
  g_assert_cmpuint (info.memory_kib, ==, text_value (meminfo, "MemTotal"));
  g_assert_cmpuint (info.cpus, ==, count_cpuinfo_processors ());
  mhz = strstr (cpuinfo, "cpu MHz");
  if (mhz != NULL)
    g_assert_cmpuint (info.mhz, ==, text_value (mhz, "cpu MHz\t\t"));
  g_assert_cmpuint (info.nodes * info.sockets * info.cores * info.threads, ==, info.cpus);
  if (info.nodes > 1)
    g_assert_cmpuint (info.nodes, ==, nodes->len);
  gvir_driver_node_info_clear (&info);
}

static void
test_cells_free_memory (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) nodes = sys_nodes ();
  g_autoptr(GArray) cells = NULL;
  guint last = g_array_index (nodes, guint, nodes->len - 1);

  cells = gvir_driver_connection_get_cells_free_memory (f->conn, 0, 1000, NULL, &error);
  g_assert_no_error (error);
  /* Cut at the last node. */
  g_assert_cmpuint (cells->len, ==, last + 1);
  for (guint i = 0; i < nodes->len; i++)
    {
      guint node = g_array_index (nodes, guint, i);
      g_autofree char *path = g_strdup_printf (NODE_DIR "/node%u/meminfo", node);
      g_autofree char *meminfo = NULL;
      g_autofree char *key = g_strdup_printf ("Node %u MemTotal", node);
      guint64 free_bytes = g_array_index (cells, guint64, node);

      g_assert_cmpuint (free_bytes, >, 0);
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        continue;
      meminfo = read_text (path);
      g_assert_cmpuint (free_bytes, <=, text_value (meminfo, key) * 1024);
    }
  g_clear_pointer (&cells, g_array_unref);

  cells = gvir_driver_connection_get_cells_free_memory (f->conn, (int) last, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cells->len, ==, 1);
  g_clear_pointer (&cells, g_array_unref);

  cells = gvir_driver_connection_get_cells_free_memory (f->conn, (int) last + 1, 1, NULL, &error);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
  g_assert_null (cells);
}

/* "QEMU emulator version 7.2.22 (...)" encoded as libvirt does. */
static gulong
emulator_version (const char *binary)
{
  const char *argv[] = { binary, "--version", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *at;
  guint major = 0, minor = 0, micro = 0;
  int status = -1;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  at = strstr (out, "version ");
  g_assert_nonnull (at);
  g_assert_cmpint (sscanf (at, "version %u.%u.%u", &major, &minor, &micro), >=, 2);
  return (gulong) major * 1000000 + minor * 1000 + micro;
}

static void
test_version (Fixture *f, gconstpointer data)
{
  g_autofree char *binary = find_emulator ();
  g_autoptr(GError) error = NULL;
  gulong version = 0;

  if (binary == NULL)
    return;
  g_assert_true (gvir_driver_connection_get_version (f->conn, &version, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (version, ==, emulator_version (binary));
}

static void
test_hostname (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *hostname = gvir_driver_connection_get_hostname (f->conn, NULL, &error);
  char expected[256] = "";

  g_assert_no_error (error);
  g_assert_cmpint (gethostname (expected, sizeof expected - 1), ==, 0);
  g_assert_cmpstr (hostname, ==, expected);
}

/* ---- capabilities ------------------------------------------------------------------- */

static GVirConfigCapabilities *
get_capabilities (Fixture *f, char **xml_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = gvir_driver_connection_get_capabilities (f->conn, NULL, &error);
  GVirConfigCapabilities *caps;

  g_assert_no_error (error);
  caps = gvir_config_capabilities_new_from_xml (xml, &error);
  g_assert_no_error (error);
  if (xml_out != NULL)
    *xml_out = g_steal_pointer (&xml);
  return caps;
}

/* The cell's CPUs are the node's, with the siblings the kernel gives. */
static void
check_cell_cpus (GVirConfigCapabilitiesCell *cell, guint node)
{
  g_autofree char *path = g_strdup_printf (NODE_DIR "/node%u/cpulist", node);
  g_autofree char *cpulist = g_file_test (path, G_FILE_TEST_EXISTS) ? read_text (path) : NULL;
  g_autoptr(GArray) expected = NULL;
  GList *cpus = gvir_config_capabilities_cell_get_cpus (cell);
  gsize n_ids = 0;
  g_autofree guint *ids = gvir_config_capabilities_cell_get_cpu_ids (cell, &n_ids);

  if (cpulist == NULL)
    {
      g_list_free_full (cpus, g_object_unref);
      return;
    }
  expected = parse_cpu_list (cpulist);
  g_assert_cmpuint (n_ids, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    g_assert_cmpuint (ids[i], ==, g_array_index (expected, guint, i));
  for (GList *l = cpus; l != NULL; l = l->next)
    {
      GVirConfigCapabilitiesCellCpu *cpu = l->data;
      guint id = gvir_config_capabilities_cell_cpu_get_id (cpu);
      g_autofree char *topo = g_strdup_printf ("/sys/devices/system/cpu/cpu%u/topology", id);
      g_autofree char *core_path = g_build_filename (topo, "core_id", NULL);
      g_autofree char *socket_path = g_build_filename (topo, "physical_package_id", NULL);
      g_autofree char *siblings_path = g_build_filename (topo, "thread_siblings_list", NULL);
      g_autofree char *core = read_text (core_path);
      g_autofree char *socket = read_text (socket_path);
      g_autofree char *siblings = read_text (siblings_path);

      g_assert_cmpint (gvir_config_capabilities_cell_cpu_get_core_id (cpu), ==,
                       (gint) g_ascii_strtoll (core, NULL, 10));
      g_assert_cmpint (gvir_config_capabilities_cell_cpu_get_socket_id (cpu), ==,
                       (gint) g_ascii_strtoll (socket, NULL, 10));
      g_assert_cmpstr (gvir_config_capabilities_cell_cpu_get_siblings (cpu), ==,
                       g_strstrip (siblings));
    }
  g_list_free_full (cpus, g_object_unref);
}

static void
check_cell (GVirConfigCapabilitiesCell *cell, guint node, GArray *nodes)
{
  g_autofree char *meminfo_path = g_strdup_printf (NODE_DIR "/node%u/meminfo", node);
  g_autofree char *distance_path = g_strdup_printf (NODE_DIR "/node%u/distance", node);
  gsize n_sizes = 0;
  g_autofree guint64 *sizes = gvir_config_capabilities_cell_get_page_sizes (cell, &n_sizes);

  g_assert_cmpuint (gvir_config_capabilities_cell_get_id (cell), ==, node);
  g_assert_cmpuint (n_sizes, >=, 1);
  g_assert_cmpuint (sizes[0], ==, (guint64) sysconf (_SC_PAGESIZE) / 1024);
  /* The stub's one node holds all of the host's memory. */
  if (!HAVE_NUMA || g_file_test (meminfo_path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *meminfo = read_text (HAVE_NUMA ? meminfo_path : "/proc/meminfo");
      g_autofree char *key = HAVE_NUMA ? g_strdup_printf ("Node %u MemTotal", node)
                                       : g_strdup ("MemTotal");
      guint64 total_kib = text_value (meminfo, key);
      guint64 small_kib = gvir_config_capabilities_cell_get_page_count (cell, sizes[0]) * sizes[0];

      g_assert_cmpuint (gvir_config_capabilities_cell_get_memory (cell), ==, total_kib);
      g_assert_cmpuint (small_kib, <=, total_kib);
      g_assert_cmpuint (small_kib, >, 0);
    }
  /* libnuma's distances are the kernel's; the stub has none. */
  if (!HAVE_NUMA)
    g_assert_cmpuint (gvir_config_capabilities_cell_get_distance (cell, node), ==, 0);
  else if (g_file_test (distance_path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *text = read_text (distance_path);
      g_auto(GStrv) values = g_strsplit (g_strstrip (text), " ", -1);

      /* /sys lists the distances to every node in id order. */
      g_assert_cmpuint (g_strv_length (values), ==, nodes->len);
      for (guint i = 0; i < nodes->len; i++)
        g_assert_cmpuint (gvir_config_capabilities_cell_get_distance (
                            cell, g_array_index (nodes, guint, i)), ==,
                          g_ascii_strtoull (values[i], NULL, 10));
    }
  check_cell_cpus (cell, node);
}

static char *
expected_host_uuid (void)
{
  const char *paths[] = { "/sys/class/dmi/id/product_uuid", "/etc/machine-id" };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autofree char *text = NULL;
      g_autofree char *hex = NULL;
      GString *uuid;

      if (!g_file_get_contents (paths[i], &text, NULL, NULL))
        continue;
      hex = g_ascii_strdown (g_strstrip (text), -1);
      g_strdelimit (hex, "-", ' ');
      uuid = g_string_new (NULL);
      for (const char *c = hex; *c != '\0'; c++)
        if (*c != ' ')
          g_string_append_c (uuid, *c);
      if (uuid->len != 32 || strspn (uuid->str, "0") == 32 || strspn (uuid->str, "f") == 32)
        {
          g_string_free (uuid, TRUE);
          continue;
        }
      g_string_insert_c (uuid, 20, '-');
      g_string_insert_c (uuid, 16, '-');
      g_string_insert_c (uuid, 12, '-');
      g_string_insert_c (uuid, 8, '-');
      return g_string_free (uuid, FALSE);
    }
  return NULL;
}

static void
test_capabilities_host (Fixture *f, gconstpointer data)
{
  g_autoptr(GVirConfigCapabilities) caps = get_capabilities (f, NULL);
  g_autoptr(GVirConfigCapabilitiesHost) host = gvir_config_capabilities_get_host (caps);
  g_autoptr(GVirConfigCapabilitiesCpu) cpu = gvir_config_capabilities_host_get_cpu (host);
  g_autoptr(GVirConfigCapabilitiesCpuTopology) topology = gvir_config_capabilities_cpu_get_topology (cpu);
  g_autoptr(GArray) nodes = sys_nodes ();
  g_autofree char *uuid = expected_host_uuid ();
  GList *cells = gvir_config_capabilities_host_get_cells (host);
  GList *secmodels = gvir_config_capabilities_host_get_secmodels (host);
  struct utsname name;
  guint i = 0;

  g_assert_cmpstr (gvir_config_capabilities_host_get_uuid (host), ==, uuid);
  g_assert_cmpint (uname (&name), ==, 0);
  g_assert_cmpstr (gvir_config_capabilities_cpu_get_arch (cpu), ==, name.machine);
  g_assert_cmpuint (gvir_config_capabilities_cpu_topology_get_sockets (topology) *
                    gvir_config_capabilities_cpu_topology_get_cores (topology) *
                    gvir_config_capabilities_cpu_topology_get_threads (topology), ==,
                    count_cpuinfo_processors ());
  g_assert_cmpuint (g_list_length (cells), ==, nodes->len);
  for (GList *l = cells; l != NULL; l = l->next, i++)
    check_cell (l->data, g_array_index (nodes, guint, i), nodes);
  g_assert_cmpuint (g_list_length (secmodels), ==, 1);
  g_assert_cmpstr (gvir_config_capabilities_host_secmodel_get_model (secmodels->data), ==, "none");
  g_list_free_full (cells, g_object_unref);
  g_list_free_full (secmodels, g_object_unref);
}

/* The guest's domain types: "qemu", then "kvm" where KVM runs. */
static char *
guest_domain_types (GVirConfigCapabilitiesGuestArch *arch)
{
  GList *domains = gvir_config_capabilities_guest_arch_get_domains (arch);
  GString *types = g_string_new (NULL);

  for (GList *l = domains; l != NULL; l = l->next)
    {
      GVirConfigDomainVirtType type = gvir_config_capabilities_guest_domain_get_virt_type (l->data);

      g_string_append_printf (types, "%s%s", types->len > 0 ? "," : "",
                              type == GVIR_CONFIG_DOMAIN_VIRT_QEMU ? "qemu" :
                              type == GVIR_CONFIG_DOMAIN_VIRT_KVM ? "kvm" : "other");
    }
  g_list_free_full (domains, g_object_unref);
  return g_string_free (types, FALSE);
}

static void
test_capabilities_guest (Fixture *f, gconstpointer data)
{
  g_autofree char *binary = find_emulator ();
  g_autofree char *xml = NULL;
  g_autofree char *why = NULL;
  g_autofree char *types = NULL;
  g_autoptr(GVirConfigCapabilities) caps = NULL;
  g_autoptr(GVirConfigCapabilitiesGuestArch) arch = NULL;
  g_autoptr(GVirQemuCaps) probe = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  const GVirQemuMachine *default_machine;
  GList *guests;

  if (binary == NULL)
    return;
  caps = get_capabilities (f, &xml);
  guests = gvir_config_capabilities_get_guests (caps);
  g_assert_cmpuint (g_list_length (guests), ==, 1);
  g_assert_cmpint (gvir_config_capabilities_guest_get_os_type (guests->data), ==,
                   GVIR_CONFIG_DOMAIN_OS_TYPE_HVM);
  arch = gvir_config_capabilities_guest_get_arch (guests->data);
  g_list_free_full (guests, g_object_unref);
  g_assert_cmpstr (gvir_config_capabilities_guest_arch_get_name (arch), ==, "x86_64");
  g_assert_cmpuint (gvir_config_capabilities_guest_arch_get_wordsize (arch), ==, 64);
  g_assert_cmpstr (gvir_config_capabilities_guest_arch_get_emulator (arch), ==, binary);

  /* The machines are the probe's, aliases naming their canonical type. */
  probe = gvir_qemu_probe (binary, NULL, NULL, &error);
  g_assert_no_error (error);
  default_machine = gvir_qemu_caps_find_machine (probe, gvir_qemu_caps_get_default_machine (probe));
  g_assert_nonnull (default_machine);
  for (guint i = 0; i < probe->machines->len; i++)
    {
      const GVirQemuMachine *machine = g_ptr_array_index (probe->machines, i);
      g_autofree char *entry = g_strdup_printf ("maxCpus='%u'%s>%s</machine>", machine->max_cpus,
                                                machine->deprecated ? " deprecated='yes'" : "",
                                                machine->name);

      g_assert_nonnull (strstr (xml, entry));
      if (machine->alias != NULL)
        {
          g_autofree char *alias = g_strdup_printf ("<machine canonical='%s' %s", machine->name,
                                                    entry);

          alias[strlen (alias) - strlen (machine->name) - strlen ("</machine>")] = '\0';
          g_assert_nonnull (strstr (xml, alias));
        }
    }
  /* The default machine type comes first. */
  first = g_strdup_printf ("<emulator>%s</emulator>\n      <machine maxCpus='%u'>%s</machine>",
                           binary, default_machine->max_cpus, default_machine->name);
  g_assert_nonnull (strstr (xml, first));
  g_assert_nonnull (strstr (xml, "<machine canonical='pc-i440fx-"));

  types = guest_domain_types (arch);
  g_assert_cmpstr (types, ==, probe->kvm_usable && kvm_opens (&why) ? "qemu,kvm" : "qemu");
}

/* ---- domain capabilities ------------------------------------------------------------- */

static GVirConfigDomainCapabilities *
get_domcaps (Fixture *f, const char *machine, char **xml_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = gvir_driver_connection_get_domain_capabilities (f->conn, NULL, NULL,
                                                                         machine, NULL, 0, NULL,
                                                                         &error);
  GVirConfigDomainCapabilities *domcaps;

  g_assert_no_error (error);
  domcaps = gvir_config_domain_capabilities_new_from_xml (xml, &error);
  g_assert_no_error (error);
  if (xml_out != NULL)
    *xml_out = g_steal_pointer (&xml);
  return domcaps;
}

static void
test_domain_capabilities (Fixture *f, gconstpointer data)
{
  g_autofree char *binary = find_emulator ();
  g_autoptr(GVirQemuCaps) probe = NULL;
  g_autoptr(GVirConfigDomainCapabilities) domcaps = NULL;
  g_autoptr(GVirConfigDomainCapabilities) q35 = NULL;
  g_autoptr(GVirConfigDomainCapabilitiesOs) os = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *why = NULL;
  const GVirQemuMachine *machine;
  gboolean kvm;

  if (binary == NULL)
    return;
  probe = gvir_qemu_probe (binary, NULL, NULL, &error);
  g_assert_no_error (error);
  kvm = probe->kvm_usable && kvm_opens (&why);

  domcaps = get_domcaps (f, NULL, &xml);
  machine = gvir_qemu_caps_find_machine (probe, gvir_qemu_caps_get_default_machine (probe));
  g_assert_cmpstr (gvir_config_domain_capabilities_get_path (domcaps), ==, binary);
  g_assert_cmpint (gvir_config_domain_capabilities_get_virt_type (domcaps), ==,
                   kvm ? GVIR_CONFIG_DOMAIN_VIRT_KVM : GVIR_CONFIG_DOMAIN_VIRT_QEMU);
  g_assert_cmpstr (gvir_config_domain_capabilities_get_machine (domcaps), ==, machine->name);
  g_assert_cmpstr (gvir_config_domain_capabilities_get_arch (domcaps), ==, "x86_64");
  g_assert_cmpuint (gvir_config_domain_capabilities_get_max_vcpus (domcaps), ==, machine->max_cpus);
  os = gvir_config_domain_capabilities_get_os (domcaps);
  g_assert_true (gvir_config_domain_capabilities_os_get_supported (os));
  g_assert_nonnull (strstr (xml, kvm ? "<mode name='host-passthrough' supported='yes'/>"
                                     : "<mode name='host-passthrough' supported='no'/>"));
  for (guint i = 0; probe->cpu_models[i] != NULL; i++)
    {
      g_autofree char *model = g_strdup_printf (">%s</model>", probe->cpu_models[i]);

      g_assert_nonnull (strstr (xml, model));
    }
  g_assert_nonnull (strstr (xml, "<value>virtio</value>"));
  g_assert_nonnull (strstr (xml, "<value>spice</value>"));

  /* An alias gives its canonical machine type. */
  q35 = get_domcaps (f, "q35", NULL);
  machine = gvir_qemu_caps_find_machine (probe, "q35");
  g_assert_nonnull (machine);
  g_assert_cmpstr (gvir_config_domain_capabilities_get_machine (q35), ==, machine->name);
  g_assert_true (g_str_has_prefix (machine->name, "pc-q35-"));
}

typedef struct
{
  const char *emulatorbin, *arch, *machine, *virttype;
  guint flags;
  int code;
  const char *needle;       /* in the message */
} DomcapsError;

static void
test_domain_capabilities_errors (Fixture *f, gconstpointer data)
{
  static const DomcapsError cases[] = {
    { NULL, "aarch64", NULL, NULL, 0, GVIR_ERROR_NOT_SUPPORTED, "'aarch64'" },
    { NULL, NULL, "bogus-machine", NULL, 0, GVIR_ERROR_NOT_SUPPORTED, "'bogus-machine'" },
    { NULL, NULL, NULL, "xen", 0, GVIR_ERROR_NOT_SUPPORTED, "'xen'" },
    { "/nonexistent/qemu-system-x86_64", NULL, NULL, NULL, 0, GVIR_ERROR_NOT_FOUND,
      "/nonexistent/qemu-system-x86_64" },
    { NULL, NULL, NULL, NULL, 0x80, GVIR_ERROR_INVALID_ARGUMENT, "0x80" },
  };
  g_autofree char *binary = find_emulator ();
  g_autofree char *why = NULL;

  if (binary == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const DomcapsError *c = &cases[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *xml = gvir_driver_connection_get_domain_capabilities (
        f->conn, c->emulatorbin, c->arch, c->machine, c->virttype, c->flags, NULL, &error);

      g_test_message ("case %u: %s", i, error != NULL ? error->message : "(no error)");
      g_assert_null (xml);
      g_assert_error (error, GVIR_ERROR, c->code);
      g_assert_nonnull (strstr (error->message, c->needle));
    }

  /* KVM is refused where it cannot run. */
  if (!kvm_opens (&why))
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *xml = gvir_driver_connection_get_domain_capabilities (
        f->conn, NULL, NULL, NULL, "kvm", 0, NULL, &error);

      g_assert_null (xml);
      g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED);
      g_assert_nonnull (strstr (error->message, "'kvm'"));
    }
}

/* ---- KVM ------------------------------------------------------------------------------ */

static void
define_kvm_domain (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDriverDomain) dom = gvir_driver_connection_define_domain (f->conn, kvm_xml (), 0,
                                                                           NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (dom->uuid, ==, KVM_UUID);
}

static void
test_kvm_refused (Fixture *f, gconstpointer data)
{
  g_autofree char *binary = find_emulator ();
  g_autofree char *why = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) left = NULL;
  int state = -1, reason = -1;

  if (binary == NULL)
    return;
  if (kvm_opens (&why))
    {
      g_test_skip ("/dev/kvm opens here: the KVM smoke test runs instead");
      return;
    }
  define_kvm_domain (f);
  g_assert_false (gvir_driver_connection_start_domain (f->conn, KVM_UUID, 0, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED);
  g_assert_nonnull (strstr (error->message, "'kvm'"));
  g_clear_error (&error);
  g_assert_true (gvir_driver_connection_get_domain_state (f->conn, KVM_UUID, &state, &reason,
                                                          NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (state, ==, GVIR_DRIVER_STATE_SHUTOFF);
  left = qemu_test_find_children ("guest=kvmsmoke,");
  g_assert_cmpuint (left->len, ==, 0);
}

static void
test_kvm_smoke (Fixture *f, gconstpointer data)
{
  g_autofree char *binary = find_emulator ();
  g_autofree char *why = NULL;
  g_autofree char *cmdline_path = NULL;
  g_autofree char *cmdline = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) pids = NULL;
  g_autoptr(GArray) left = NULL;
  int state = -1, reason = -1;
  gsize len = 0;
  gboolean accel_kvm = FALSE;

  if (binary == NULL)
    return;
  if (!kvm_opens (&why))
    {
      g_autofree char *message = g_strdup_printf ("/dev/kvm cannot be opened: %s", why);

      g_test_skip (message);
      return;
    }
  define_kvm_domain (f);
  g_assert_true (gvir_driver_connection_start_domain (f->conn, KVM_UUID, 0, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gvir_driver_connection_get_domain_state (f->conn, KVM_UUID, &state, &reason,
                                                          NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (state, ==, GVIR_DRIVER_STATE_RUNNING);

  /* It runs on KVM: the accelerator QEMU was given. */
  pids = qemu_test_find_children ("guest=kvmsmoke,");
  g_assert_cmpuint (pids->len, ==, 1);
  cmdline_path = g_strdup_printf ("/proc/%" G_GINT64_FORMAT "/cmdline",
                                  g_array_index (pids, gint64, 0));
  g_assert_true (g_file_get_contents (cmdline_path, &cmdline, &len, NULL));
  for (gsize i = 0; i + 7 < len; i++)
    if ((i == 0 || cmdline[i - 1] == '\0') && g_str_equal (cmdline + i, "-accel") &&
        g_str_has_prefix (cmdline + i + 7, "kvm"))
      accel_kvm = TRUE;
  g_assert_true (accel_kvm);

  g_assert_true (gvir_driver_connection_destroy_domain (f->conn, KVM_UUID, 0, NULL, &error));
  g_assert_no_error (error);
  left = qemu_test_find_children ("guest=kvmsmoke,");
  g_assert_cmpuint (left->len, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  qemu_test_kill_children_on_abort ();

  g_test_add ("/gvir/qemu/host/node-info", Fixture, NULL, fixture_setup, test_node_info,
              fixture_teardown);
  g_test_add ("/gvir/qemu/host/cells-free-memory", Fixture, NULL, fixture_setup,
              test_cells_free_memory, fixture_teardown);
  g_test_add ("/gvir/qemu/host/version", Fixture, NULL, fixture_setup, test_version,
              fixture_teardown);
  g_test_add ("/gvir/qemu/host/hostname", Fixture, NULL, fixture_setup, test_hostname,
              fixture_teardown);
  g_test_add ("/gvir/qemu/host/capabilities-host", Fixture, NULL, fixture_setup,
              test_capabilities_host, fixture_teardown);
  g_test_add ("/gvir/qemu/host/capabilities-guest", Fixture, NULL, fixture_setup,
              test_capabilities_guest, fixture_teardown);
  g_test_add ("/gvir/qemu/host/domain-capabilities", Fixture, NULL, fixture_setup,
              test_domain_capabilities, fixture_teardown);
  g_test_add ("/gvir/qemu/host/domain-capabilities-errors", Fixture, NULL, fixture_setup,
              test_domain_capabilities_errors, fixture_teardown);
  g_test_add ("/gvir/qemu/host/kvm-refused", Fixture, NULL, fixture_setup, test_kvm_refused,
              fixture_teardown);
  g_test_add ("/gvir/qemu/host/kvm-smoke", Fixture, NULL, fixture_setup, test_kvm_smoke,
              fixture_teardown);

  return g_test_run ();
}
