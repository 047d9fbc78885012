/*
 * test-qemu-placement.c: CPU pinning, memory policy, hugepages and NUMA
 * parameters of QEMU domains, checked in the running QEMU
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Every case runs in a root folder of its own and destroys what it
 * started; a failed assertion kills this process's QEMU children by pid,
 * and the teardown checks none is left.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "libvirt-gobject-error.h"
#include "drivers/gvir-driver-private.h"
#include "drivers/qemu/gvir-qemu-command-private.h"
#include "drivers/qemu/gvir-qemu-driver-private.h"
#include "drivers/qemu/gvir-qemu-placement-private.h"
#include "drivers/qemu/gvir-qemu-state-private.h"
#include "drivers/qemu/gvir-qemu-status-private.h"
#include "../common/gvir-test-files.h"
#include "../common/gvir-test-wait.h"
#include "qemu-test-children.h"

#define TINY_UUID "5d0d1c1e-8a0c-4f5e-9b61-3d8f0c2a7b10"

typedef struct
{
  char *root;
  char *uri;
  GVirDriverConnection *conn;
} Fixture;

/* A tiny TCG guest with @extra inside <domain>. */
static char *
tiny_xml (const char *vcpus, const char *extra)
{
  return g_strdup_printf ("<domain type='qemu'>\n"
                          "  <name>tiny</name>\n"
                          "  <uuid>" TINY_UUID "</uuid>\n"
                          "  <memory unit='MiB'>32</memory>\n"
                          "  %s\n"
                          "  <os><type arch='x86_64' machine='pc'>hvm</type></os>\n"
                          "  %s\n"
                          "</domain>\n", vcpus, extra);
}

static gint64
find_qemu_pid (void)
{
  g_autoptr(GArray) pids = qemu_test_find_children ("guest=tiny,");

  g_assert_cmpuint (pids->len, <=, 1);
  return pids->len == 1 ? g_array_index (pids, gint64, 0) : 0;
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  gvir_driver_register (&gvir_qemu_driver);
  f->root = g_dir_make_tmp ("gvir-qplace-XXXXXX", &error);
  g_assert_no_error (error);
  f->uri = g_strdup_printf ("qemu:///embed?root=%s", f->root);
  f->conn = gvir_driver_connection_open (f->uri, FALSE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_autoptr(GArray) left = NULL;

  g_clear_pointer (&f->conn, gvir_driver_connection_unref);
  left = qemu_test_find_children ("guest=");
  g_assert_cmpuint (left->len, ==, 0);
  gvir_test_remove_tree (f->root);
  g_free (f->uri);
  g_free (f->root);
}

static void
define_tiny (Fixture *f, const char *vcpus, const char *extra)
{
  g_autofree char *xml = tiny_xml (vcpus, extra);
  g_autoptr(GVirDriverDomain) dom = NULL;
  g_autoptr(GError) error = NULL;

  dom = gvir_driver_connection_define_domain (f->conn, xml, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dom);
}

static gint64
start_tiny (Fixture *f, guint flags)
{
  g_autoptr(GError) error = NULL;
  gint64 pid;

  g_assert_true (gvir_driver_connection_start_domain (f->conn, TINY_UUID, flags, NULL, &error));
  g_assert_no_error (error);
  pid = find_qemu_pid ();
  g_assert_cmpint (pid, >, 0);
  return pid;
}

static void
destroy_tiny (Fixture *f, gint64 pid)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gvir_driver_connection_destroy_domain (f->conn, TINY_UUID, 0, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kill ((pid_t) pid, 0), ==, -1);
}

/* The value of @key in /proc/PID/task/TID/status, or in /proc/PID/status
 * when @tid is 0. */
static char *
proc_status_value (gint64 pid, gint64 tid, const char *key)
{
  g_autofree char *path = tid ? g_strdup_printf ("/proc/%" G_GINT64_FORMAT "/task/%" G_GINT64_FORMAT
                                                 "/status", pid, tid)
                              : g_strdup_printf ("/proc/%" G_GINT64_FORMAT "/status", pid);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (gsize i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], key) && lines[i][strlen (key)] == ':')
      return g_strdup (g_strstrip (lines[i] + strlen (key) + 1));
  g_assert_not_reached ();
}

/* The thread's name (TCG vCPU threads are "CPU <n>/TCG"). */
static char *
thread_name (gint64 pid, gint64 tid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%" G_GINT64_FORMAT "/task/%" G_GINT64_FORMAT "/comm",
                                           pid, tid);
  char *name = NULL;

  /* A thread that ended between the listing and now has no name. */
  if (!g_file_get_contents (path, &name, NULL, NULL))
    return g_strdup ("");
  return g_strstrip (name);
}

/* Checks the CPUs of every thread of @pid: vCPU n gets @vcpu_cpus[n],
 * every other thread @emulator_cpus. */
static void
assert_thread_cpus (gint64 pid, const char *const *vcpu_cpus, guint n_vcpus, const char *emulator_cpus)
{
  g_autofree char *task_dir = g_strdup_printf ("/proc/%" G_GINT64_FORMAT "/task", pid);
  g_autoptr(GDir) dir = g_dir_open (task_dir, 0, NULL);
  const char *entry;
  guint vcpus_seen = 0, others_seen = 0;

  g_assert_nonnull (dir);
  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      gint64 tid = g_ascii_strtoll (entry, NULL, 10);
      g_autofree char *name = thread_name (pid, tid);
      g_autofree char *cpus = proc_status_value (pid, tid, "Cpus_allowed_list");
      guint vcpu;

      if (sscanf (name, "CPU %u/TCG", &vcpu) == 1)
        {
          g_assert_cmpuint (vcpu, <, n_vcpus);
          g_assert_cmpstr (cpus, ==, vcpu_cpus[vcpu]);
          vcpus_seen++;
        }
      else
        {
          g_test_message ("emulator thread %s (%s): CPUs %s", entry, name, cpus);
          g_assert_cmpstr (cpus, ==, emulator_cpus);
          others_seen++;
        }
    }
  g_assert_cmpuint (vcpus_seen, ==, n_vcpus);
  g_assert_cmpuint (others_seen, >=, 1);
}

/* The one memory backend QEMU reports, through the driver's monitor. */
static JsonObject *
query_memdev (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) reply = NULL;
  GVirQemuState *state = gvir_qemu_state_get (f->root, &error);
  GVirQemuDomain *dom;
  JsonArray *memdevs;
  JsonObject *memdev;

  g_assert_no_error (error);
  dom = gvir_qemu_job_begin_active (state, TINY_UUID, &error);
  g_assert_no_error (error);
  g_assert_true (gvir_qemu_process_command (dom->proc, "query-memdev", NULL, &reply, NULL, &error));
  gvir_qemu_job_end (dom);
  gvir_qemu_state_unref (state);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (reply));
  memdevs = json_node_get_array (reply);
  g_assert_cmpuint (json_array_get_length (memdevs), ==, 1);
  memdev = json_array_get_object_element (memdevs, 0);
  g_assert_cmpstr (json_object_get_string_member (memdev, "id"), ==, "pc.ram");
  return json_object_ref (memdev);
}

/* host-nodes as text ("0", "" for none). */
static char *
memdev_host_nodes (JsonObject *memdev)
{
  JsonArray *nodes = json_object_get_array_member (memdev, "host-nodes");
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (nodes); i++)
    g_string_append_printf (text, "%s%" G_GINT64_FORMAT, i ? "," : "",
                            json_array_get_int_element (nodes, i));
  return g_string_free (text, FALSE);
}

static void
assert_memdev (Fixture *f, const char *policy, const char *host_nodes)
{
  g_autoptr(JsonObject) memdev = query_memdev (f);
  g_autofree char *nodes = memdev_host_nodes (memdev);

  g_assert_cmpstr (json_object_get_string_member (memdev, "policy"), ==, policy);
  g_assert_cmpstr (nodes, ==, host_nodes);
}

/* The log file (@log) or status file of domain "tiny". */
static char *
tiny_file_path (Fixture *f, gboolean log)
{
  g_autoptr(GError) error = NULL;
  GVirQemuState *state = gvir_qemu_state_get (f->root, &error);
  char *path;

  g_assert_no_error (error);
  path = log ? gvir_qemu_paths_log_file (state->paths, "tiny")
             : gvir_qemu_paths_status_file (state->paths, "tiny");
  gvir_qemu_state_unref (state);
  return path;
}

/* ---- pinning ------------------------------------------------------------------- */

static void
test_pinning (Fixture *f, gconstpointer data)
{
  static const char *const vcpu_cpus[] = { "1", "0" };
  static const char *const vcpu_cpus_default[] = { "0-1", "0-1" };
  g_autofree char *status = NULL;
  gint64 pid;

  if (qemu_test_emulator_missing ())
    return;
  if (g_get_num_processors () < 2)
    {
      g_test_skip ("pinning needs a host with 2 CPUs");
      return;
    }
  define_tiny (f, "<vcpu>2</vcpu>",
               "<cputune><vcpupin vcpu='0' cpuset='1'/><vcpupin vcpu='1' cpuset='0'/>"
               "<emulatorpin cpuset='0'/></cputune>"
               "<numatune><memory mode='strict' nodeset='0'/></numatune>");
  /* Pinned before `cont` (paused) and still so once running. */
  pid = start_tiny (f, GVIR_DRIVER_START_PAUSED);
  status = tiny_file_path (f, FALSE);
  g_assert_true (g_file_test (status, G_FILE_TEST_IS_REGULAR));
  assert_thread_cpus (pid, vcpu_cpus, 2, "0");
  assert_memdev (f, "bind", "0");
  destroy_tiny (f, pid);

  /* <vcpu cpuset> alone: every thread on it; unpinned vCPUs of a domain
   * with an emulatorpin may use every host CPU. */
  define_tiny (f, "<vcpu cpuset='1'>2</vcpu>", "");
  pid = start_tiny (f, 0);
  {
    static const char *const ones[] = { "1", "1" };

    assert_thread_cpus (pid, ones, 2, "1");
  }
  destroy_tiny (f, pid);
  define_tiny (f, "<vcpu>2</vcpu>", "<cputune><emulatorpin cpuset='1'/></cputune>");
  pid = start_tiny (f, 0);
  assert_thread_cpus (pid, vcpu_cpus_default, 2, "1");
  destroy_tiny (f, pid);
}

/* ---- refusals before anything runs ---------------------------------------------- */

/* Starting fails with @code and @message before anything runs: no QEMU,
 * no status file, not even a log (QEMU was never spawned), and the domain
 * is still shut off. */
static void
assert_start_refused (Fixture *f, GQuark domain, int code, const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *status = tiny_file_path (f, FALSE);
  g_autofree char *log = tiny_file_path (f, TRUE);
  int state = -1, reason = -1;

  g_assert_false (gvir_driver_connection_start_domain (f->conn, TINY_UUID, 0, NULL, &error));
  g_assert_error (error, domain, code);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_cmpint (find_qemu_pid (), ==, 0);
  g_assert_false (g_file_test (status, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (log, G_FILE_TEST_EXISTS));
  g_clear_error (&error);
  g_assert_true (gvir_driver_connection_get_domain_state (f->conn, TINY_UUID, &state, &reason,
                                                          NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (state, ==, GVIR_DRIVER_STATE_SHUTOFF);
}

/* The host's CPUs as the driver writes them (they are 0..n-1 here). */
static char *
host_cpus_text (void)
{
  guint n = g_get_num_processors ();

  return n == 1 ? g_strdup ("0") : g_strdup_printf ("0-%u", n - 1);
}

static void
test_refusals (Fixture *f, gconstpointer data)
{
  g_autofree char *cpus = host_cpus_text ();
  g_autofree char *bad_vcpupin = g_strdup_printf ("<vcpupin vcpu='0'> cpuset '0,4095' names CPU 4095, "
                                                  "but the host has CPUs %s", cpus);
  g_autofree char *bad_emulatorpin = g_strdup_printf ("<emulatorpin> cpuset '4000' names CPU 4000, "
                                                      "but the host has CPUs %s", cpus);
  g_autofree char *huge = g_strdup_printf ("no hugetlbfs mount for page size %" G_GUINT64_FORMAT " KiB",
                                           gvir_qemu_default_hugepage_kib ());

  if (qemu_test_emulator_missing ())
    return;
  define_tiny (f, "<vcpu>1</vcpu>", "<numatune><memory mode='strict' nodeset='7'/></numatune>");
  assert_start_refused (f, GVIR_ERROR, GVIR_ERROR_NUMA_UNAVAILABLE,
                        "NUMA node 7 of <numatune><memory> is unavailable: host has nodes 0");
  define_tiny (f, "<vcpu>1</vcpu>", "<numatune><memory mode='restrictive' nodeset='0,7'/></numatune>");
  assert_start_refused (f, GVIR_ERROR, GVIR_ERROR_NUMA_UNAVAILABLE,
                        "NUMA node 7 is unavailable: host has node 0");
  define_tiny (f, "<vcpu>1</vcpu>", "<cputune><vcpupin vcpu='0' cpuset='0,4095'/></cputune>");
  assert_start_refused (f, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT, bad_vcpupin);
  define_tiny (f, "<vcpu>1</vcpu>", "<cputune><emulatorpin cpuset='4000'/></cputune>");
  assert_start_refused (f, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT, bad_emulatorpin);
  /* This host has no hugetlbfs mounted. */
  g_assert_null (gvir_qemu_find_hugetlbfs (GVIR_QEMU_MOUNTS_FILE, gvir_qemu_default_hugepage_kib (),
                                           gvir_qemu_default_hugepage_kib (), NULL));
  define_tiny (f, "<vcpu>1</vcpu>", "<memoryBacking><hugepages/></memoryBacking>");
  assert_start_refused (f, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED, huge);
}

/* ---- restrictive mode --------------------------------------------------------- */

/* The memory policies /proc/PID/numa_maps shows, e.g. "bind:0 default". */
static char *
numa_map_policies (gint64 pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%" G_GINT64_FORMAT "/numa_maps", pid);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  GString *text = g_string_new (NULL);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (gsize i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], " ", 3);

      if (g_strv_length (fields) < 2 ||
          g_ptr_array_find_with_equal_func (seen, fields[1], g_str_equal, NULL))
        continue;
      g_ptr_array_add (seen, g_strdup (fields[1]));
      g_string_append_printf (text, "%s%s", text->len ? " " : "", fields[1]);
    }
  return g_string_free (text, FALSE);
}

static void
test_restrictive (Fixture *f, gconstpointer data)
{
  g_autofree char *policies = NULL;
  gint64 pid;

  if (qemu_test_emulator_missing ())
    return;
  define_tiny (f, "<vcpu>1</vcpu>", "<numatune><memory mode='restrictive' nodeset='0'/></numatune>");
  pid = start_tiny (f, 0);
  /* No policy on the backend: the process carries it. */
  assert_memdev (f, "default", "");
  policies = numa_map_policies (pid);
  g_test_message ("numa_maps policies of QEMU: %s", policies);
#if HAVE_NUMA
  /* Every mapping without a policy of its own shows the process's. */
  g_assert_cmpstr (policies, ==, "bind:0");
#else
  g_test_message ("built without libnuma: the process policy is not applied (single-node stub)");
  g_assert_cmpstr (policies, ==, "default");
#endif
  destroy_tiny (f, pid);

  /* Without numatune, QEMU gets the default policy. */
  define_tiny (f, "<vcpu>1</vcpu>", "");
  pid = start_tiny (f, 0);
  g_clear_pointer (&policies, g_free);
  policies = numa_map_policies (pid);
  g_assert_cmpstr (policies, ==, "default");
  destroy_tiny (f, pid);
}

/* ---- hugepages (unit level: this host has no hugetlbfs) ------------------------ */

static void
test_hugetlbfs_mounts (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gvir-qplace-mounts-XXXXXX", &error);
  g_autofree char *mounts = g_build_filename (dir, "mounts", NULL);
  g_autofree char *found = NULL;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (mounts,
                                      "proc /proc proc rw,nosuid 0 0\n"
                                      "hugetlbfs /dev/huge1g hugetlbfs rw,relatime,pagesize=1024M 0 0\n"
                                      "none /mnt/huge\\040pages hugetlbfs rw,relatime,pagesize=2M 0 0\n"
                                      "nodefault /mnt/plain hugetlbfs rw,relatime 0 0\n"
                                      "tmpfs /mnt/fake tmpfs rw,pagesize=4k 0 0\n",
                                      -1, NULL));
  found = gvir_qemu_find_hugetlbfs (mounts, 2048, 2048, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found, ==, "/mnt/huge pages");
  g_clear_pointer (&found, g_free);
  found = gvir_qemu_find_hugetlbfs (mounts, 1048576, 2048, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found, ==, "/dev/huge1g");
  g_clear_pointer (&found, g_free);
  /* A mount without pagesize= has the host's default size. */
  found = gvir_qemu_find_hugetlbfs (mounts, 16384, 16384, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found, ==, "/mnt/plain");
  g_clear_pointer (&found, g_free);
  /* tmpfs is no hugetlbfs, whatever its options. */
  g_assert_null (gvir_qemu_find_hugetlbfs (mounts, 4, 2048, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED);
  g_assert_cmpstr (error->message, ==, "no hugetlbfs mount for page size 4 KiB");
  g_clear_error (&error);
  g_assert_null (gvir_qemu_find_hugetlbfs ("/nonexistent/mounts", 2048, 2048, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);
  gvir_test_remove_tree (dir);
}

/* The placement of a hugepage domain gives the command line a file
 * backend on the mount it found. */
static void
test_hugepages_argv (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gvir-qplace-mounts-XXXXXX", &error);
  g_autofree char *mounts = g_build_filename (dir, "mounts", NULL);
  g_autofree char *line = g_strdup_printf ("none /mnt/huge hugetlbfs rw,pagesize=%" G_GUINT64_FORMAT "k 0 0\n",
                                           gvir_qemu_default_hugepage_kib ());
  g_autofree char *xml = tiny_xml ("<vcpu>1</vcpu>", "<memoryBacking><hugepages/></memoryBacking>"
                                   "<numatune><memory mode='interleave' nodeset='0'/></numatune>");
  g_autoptr(GVirConfigDomain) def = gvir_config_domain_new_from_xml (xml, &error);
  g_autoptr(GVirIdSet) nodes = gvir_id_set_parse ("0", "nodeset", 8, NULL);
  g_autoptr(GVirQemuPlacement) placement = NULL;
  g_auto(GStrv) argv = NULL;
  g_autoptr(JsonNode) backend = NULL;
  JsonObject *object;
  guint backends = 0;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (mounts, line, -1, NULL));
  placement = gvir_qemu_placement_new (def, nodes, mounts, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gvir_qemu_placement_get_hugepages_dir (placement), ==, "/mnt/huge");
  {
    GVirQemuCommandContext ctx = {
      .emulator = "/usr/bin/qemu-system-x86_64", .monitor_fd = 3, .domain_dir = "/run/dom",
      .host_nodes = nodes, .default_machine = "pc-i440fx-7.2",
      .hugepages_dir = gvir_qemu_placement_get_hugepages_dir (placement),
    };

    argv = gvir_qemu_command_build (def, &ctx, NULL, &error);
  }
  g_assert_no_error (error);
  for (guint i = 0; argv[i] != NULL && argv[i + 1] != NULL; i++)
    if (g_str_equal (argv[i], "-object") && strstr (argv[i + 1], "memory-backend") != NULL)
      {
        backends++;
        backend = json_from_string (argv[i + 1], &error);
        g_assert_no_error (error);
      }
  g_assert_cmpuint (backends, ==, 1);
  object = json_node_get_object (backend);
  g_assert_cmpstr (json_object_get_string_member (object, "qom-type"), ==, "memory-backend-file");
  g_assert_cmpstr (json_object_get_string_member (object, "mem-path"), ==, "/mnt/huge");
  g_assert_true (json_object_get_boolean_member (object, "prealloc"));
  g_assert_cmpint (json_object_get_int_member (object, "size"), ==, 32 << 20);
  g_assert_cmpstr (json_object_get_string_member (object, "policy"), ==, "interleave");
  g_assert_cmpint (json_array_get_int_element (json_object_get_array_member (object, "host-nodes"), 0), ==, 0);
  gvir_test_remove_tree (dir);
}

/* ---- NUMA parameters ---------------------------------------------------------- */

static void
assert_numa (Fixture *f, guint flags, int mode, const char *nodeset)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *got_nodeset = NULL;
  int got_mode = -1;

  g_assert_true (gvir_driver_connection_get_numa_parameters (f->conn, TINY_UUID, flags, &got_mode,
                                                             &got_nodeset, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (got_mode, ==, mode);
  g_assert_cmpstr (got_nodeset, ==, nodeset);
}

static void
assert_set_refused (Fixture *f, int mode, const char *nodeset, guint flags, int code,
                    const char *message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (gvir_driver_connection_set_numa_parameters (f->conn, TINY_UUID, mode, nodeset,
                                                              flags, NULL, &error));
  g_assert_error (error, GVIR_ERROR, code);
  if (message != NULL)
    g_assert_cmpstr (error->message, ==, message);
}

static void
set_numa (Fixture *f, int mode, const char *nodeset, guint flags)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gvir_driver_connection_set_numa_parameters (f->conn, TINY_UUID, mode, nodeset,
                                                             flags, NULL, &error));
  g_assert_no_error (error);
}

/* The persistent definition file holds @needle. */
static void
assert_config_file_has (Fixture *f, const char *needle)
{
  g_autofree char *path = g_build_filename (f->root, "etc", "qemu", "tiny.xml", NULL);
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, needle));
}

static void
test_numa_parameters (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *nodeset = NULL;
  int mode = -1;
  gint64 pid;

  if (qemu_test_emulator_missing ())
    return;
  define_tiny (f, "<vcpu>1</vcpu>", "<numatune><memory mode='strict' nodeset='0'/></numatune>");
  assert_numa (f, 0, 0, "0");

  /* Persistent changes, written to the definition file. */
  set_numa (f, 2, NULL, 0);
  assert_numa (f, GVIR_DRIVER_AFFECT_CONFIG, 2, "0");
  assert_config_file_has (f, "mode=\"interleave\"");
  set_numa (f, -1, "0,^1", GVIR_DRIVER_AFFECT_CONFIG);
  assert_numa (f, 0, 2, "0");
  assert_set_refused (f, -1, "7", 0, GVIR_ERROR_NUMA_UNAVAILABLE,
                      "NUMA node 7 is unavailable: host has node 0");
  assert_set_refused (f, -1, "0-", 0, GVIR_ERROR_INVALID_ARGUMENT, NULL);
  assert_numa (f, 0, 2, "0");
  assert_set_refused (f, 0, NULL, GVIR_DRIVER_AFFECT_LIVE, GVIR_ERROR_OPERATION_INVALID,
                      "domain 'tiny' is not running: its live NUMA parameters do not exist");
  g_assert_false (gvir_driver_connection_get_numa_parameters (f->conn, TINY_UUID, GVIR_DRIVER_AFFECT_LIVE,
                                                              &mode, &nodeset, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
  g_clear_error (&error);

  /* The running domain uses the changed configuration. */
  pid = start_tiny (f, 0);
  assert_numa (f, 0, 2, "0");
  assert_memdev (f, "interleave", "0");
  g_assert_false (gvir_driver_connection_get_numa_parameters (f->conn, TINY_UUID,
                                                              GVIR_DRIVER_AFFECT_LIVE | GVIR_DRIVER_AFFECT_CONFIG,
                                                              &mode, &nodeset, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  /* Live changes are refused, with the config part of a request too. */
  assert_set_refused (f, 0, NULL, 0, GVIR_ERROR_OPERATION_INVALID,
                      "cannot change the NUMA mode of running domain 'tiny'");
  assert_set_refused (f, 1, NULL, GVIR_DRIVER_AFFECT_LIVE | GVIR_DRIVER_AFFECT_CONFIG,
                      GVIR_ERROR_OPERATION_INVALID,
                      "cannot change the NUMA mode of running domain 'tiny'");
  assert_set_refused (f, -1, "1", GVIR_DRIVER_AFFECT_LIVE | GVIR_DRIVER_AFFECT_CONFIG,
                      GVIR_ERROR_NOT_SUPPORTED,
                      "cannot move the memory of running domain 'tiny' to nodes 1: QEMU 7.2 "
                      "cannot change a running memory backend's host nodes; change the "
                      "persistent configuration instead");
  assert_numa (f, GVIR_DRIVER_AFFECT_CONFIG, 2, "0");
  assert_memdev (f, "interleave", "0");
  /* Asking for what runs already changes nothing and succeeds. */
  set_numa (f, 2, "0", GVIR_DRIVER_AFFECT_LIVE);
  /* The configuration changes while it runs; the live one does not. */
  set_numa (f, 1, NULL, GVIR_DRIVER_AFFECT_CONFIG);
  assert_numa (f, GVIR_DRIVER_AFFECT_CONFIG, 1, "0");
  assert_numa (f, 0, 2, "0");
  assert_config_file_has (f, "mode=\"preferred\"");
  assert_memdev (f, "interleave", "0");
  destroy_tiny (f, pid);
  assert_numa (f, 0, 1, "0");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  qemu_test_kill_children_on_abort ();

  g_test_add ("/qemu/placement/pinning", Fixture, NULL, fixture_setup, test_pinning,
              fixture_teardown);
  g_test_add ("/qemu/placement/refusals", Fixture, NULL, fixture_setup, test_refusals,
              fixture_teardown);
  g_test_add ("/qemu/placement/restrictive", Fixture, NULL, fixture_setup, test_restrictive,
              fixture_teardown);
  g_test_add_func ("/qemu/placement/hugetlbfs-mounts", test_hugetlbfs_mounts);
  g_test_add_func ("/qemu/placement/hugepages-argv", test_hugepages_argv);
  g_test_add ("/qemu/placement/numa-parameters", Fixture, NULL, fixture_setup,
              test_numa_parameters, fixture_teardown);
  return g_test_run ();
}
