/*
 * test-qemu-balloon.c: the memory balloon of QEMU domains (set_memory and
 * get_memory_stats), checked against the running QEMU
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
 * and the teardown checks none is left. The guest has no OS, hence no
 * balloon driver: QEMU takes a new target and its "actual" stays put, as
 * libvirt's QEMU driver sees it too.
 */
#include "config.h"

#include <signal.h>
#include <string.h>

#include <libvirt-gconfig/libvirt-gconfig.h>

#include "libvirt-gobject-error.h"
#include "drivers/gvir-driver-private.h"
#include "drivers/qemu/gvir-qemu-driver-private.h"
#include "../common/gvir-test-files.h"
#include "qemu-test-children.h"

#define TINY_UUID "0c6b2d36-43f1-4b55-8f43-1f3f8e1a5b21"

typedef struct
{
  char *root;
  GVirDriverConnection *conn;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;

  gvir_driver_register (&gvir_qemu_driver);
  f->root = g_dir_make_tmp ("gvir-qballoon-XXXXXX", &error);
  g_assert_no_error (error);
  uri = g_strdup_printf ("qemu:///embed?root=%s", f->root);
  f->conn = gvir_driver_connection_open (uri, FALSE, NULL, NULL, NULL, &error);
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
  g_free (f->root);
}

/* A 64 MiB TCG guest with @devices inside <devices>. */
static void
define_tiny (Fixture *f, const char *devices)
{
  g_autofree char *xml = g_strdup_printf ("<domain type='qemu'>\n"
                                          "  <name>tiny</name>\n"
                                          "  <uuid>" TINY_UUID "</uuid>\n"
                                          "  <memory unit='MiB'>64</memory>\n"
                                          "  <vcpu>1</vcpu>\n"
                                          "  <os><type arch='x86_64' machine='pc'>hvm</type></os>\n"
                                          "  <devices>%s</devices>\n"
                                          "</domain>\n", devices);
  g_autoptr(GVirDriverDomain) dom = NULL;
  g_autoptr(GError) error = NULL;

  dom = gvir_driver_connection_define_domain (f->conn, xml, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dom);
}

/* Starts tiny; returns its QEMU's pid. */
static gint64
start_tiny (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) pids = NULL;

  g_assert_true (gvir_driver_connection_start_domain (f->conn, TINY_UUID, 0, NULL, &error));
  g_assert_no_error (error);
  pids = qemu_test_find_children ("guest=tiny,");
  g_assert_cmpuint (pids->len, ==, 1);
  return g_array_index (pids, gint64, 0);
}

static void
destroy_tiny (Fixture *f, gint64 pid)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gvir_driver_connection_destroy_domain (f->conn, TINY_UUID, 0, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kill ((pid_t) pid, 0), ==, -1);
}

/* Whether QEMU @pid's command line has a -device with id balloon0. */
static gboolean
has_balloon_device (gint64 pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%" G_GINT64_FORMAT "/cmdline", pid);
  g_autofree char *cmdline = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &cmdline, &len, NULL));
  for (gsize i = 0; i < len; i += strlen (cmdline + i) + 1)
    if (strstr (cmdline + i, "\"id\":\"balloon0\"") != NULL &&
        strstr (cmdline + i, "virtio-balloon-pci") != NULL)
      return TRUE;
  return FALSE;
}

static void
assert_memory (Fixture *f, guint64 max_kib, guint64 current_kib)
{
  GVirDriverDomainInfo info = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_true (gvir_driver_connection_get_domain_info (f->conn, TINY_UUID, &info, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (info.max_mem_kib, ==, max_kib);
  g_assert_cmpuint (info.memory_kib, ==, current_kib);
}

/* <memory> and <currentMemory> of the persistent definition, in KiB. */
static void
assert_config_memory (Fixture *f, guint64 max_kib, guint64 current_kib)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = gvir_driver_connection_get_domain_xml (f->conn, TINY_UUID,
                                                                GVIR_DRIVER_XML_INACTIVE, NULL,
                                                                &error);
  g_autoptr(GVirConfigDomain) def = NULL;

  g_assert_no_error (error);
  def = gvir_config_domain_new_from_xml (xml, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gvir_config_domain_get_memory (def), ==, max_kib);
  g_assert_cmpuint (gvir_config_domain_get_current_memory (def), ==, current_kib);
}

static void
assert_set_refused (Fixture *f, guint64 kib, guint flags, int code, const char *message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (gvir_driver_connection_set_memory (f->conn, TINY_UUID, kib, flags, NULL,
                                                     &error));
  g_assert_error (error, GVIR_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
set_memory (Fixture *f, guint64 kib, guint flags)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gvir_driver_connection_set_memory (f->conn, TINY_UUID, kib, flags, NULL, &error));
  g_assert_no_error (error);
}

static void
test_running (Fixture *f, gconstpointer data)
{
  GVirDriverMemoryStat stats[GVIR_DRIVER_MEMORY_STAT_NR] = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 pid;
  int n;

  if (qemu_test_emulator_missing ())
    return;
  define_tiny (f, "");
  pid = start_tiny (f);
  /* No <memballoon>: libvirt's default virtio balloon. */
  g_assert_true (has_balloon_device (pid));

  n = gvir_driver_connection_get_memory_stats (f->conn, TINY_UUID, stats, G_N_ELEMENTS (stats),
                                               0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 3);
  g_assert_cmpint (stats[0].tag, ==, GVIR_DRIVER_MEMORY_STAT_ACTUAL_BALLOON);
  g_assert_cmpuint (stats[0].val, ==, 65536);
  /* The guest never reported. */
  g_assert_cmpint (stats[1].tag, ==, GVIR_DRIVER_MEMORY_STAT_LAST_UPDATE);
  g_assert_cmpuint (stats[1].val, ==, 0);
  g_assert_cmpint (stats[2].tag, ==, GVIR_DRIVER_MEMORY_STAT_RSS);
  g_assert_cmpuint (stats[2].val, >, 0);
  /* Fewer asked for, fewer given, in the same order. */
  n = gvir_driver_connection_get_memory_stats (f->conn, TINY_UUID, stats, 1, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 1);
  g_assert_cmpint (stats[0].tag, ==, GVIR_DRIVER_MEMORY_STAT_ACTUAL_BALLOON);

  /* QEMU takes the target; without a guest driver nothing moves. */
  set_memory (f, 32768, 0);
  assert_memory (f, 65536, 65536);
  assert_set_refused (f, 65537, GVIR_DRIVER_AFFECT_LIVE, GVIR_ERROR_INVALID_ARGUMENT,
                      "cannot set memory higher than max memory");
  assert_set_refused (f, 0, GVIR_DRIVER_AFFECT_LIVE, GVIR_ERROR_INVALID_ARGUMENT,
                      "memory size must be greater than zero");
  assert_set_refused (f, 131072, GVIR_DRIVER_AFFECT_LIVE | GVIR_DRIVER_MEM_MAXIMUM,
                      GVIR_ERROR_OPERATION_INVALID,
                      "cannot resize the maximum memory of running domain 'tiny'");
  /* Both at once: the live check fails first and nothing is written. */
  assert_set_refused (f, 131072, GVIR_DRIVER_AFFECT_LIVE | GVIR_DRIVER_AFFECT_CONFIG,
                      GVIR_ERROR_INVALID_ARGUMENT, "cannot set memory higher than max memory");
  set_memory (f, 49152, GVIR_DRIVER_AFFECT_CONFIG);
  assert_config_memory (f, 65536, 49152);
  assert_memory (f, 65536, 65536);
  destroy_tiny (f, pid);

  /* Stopped: the configuration is what there is. */
  assert_memory (f, 65536, 49152);
  assert_set_refused (f, 32768, GVIR_DRIVER_AFFECT_LIVE, GVIR_ERROR_OPERATION_INVALID,
                      "domain 'tiny' is not running");
  n = gvir_driver_connection_get_memory_stats (f->conn, TINY_UUID, stats, 2, 0, NULL, &error);
  g_assert_cmpint (n, ==, -1);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
  g_clear_error (&error);
  assert_set_refused (f, 65537, 0, GVIR_ERROR_INVALID_ARGUMENT,
                      "cannot set memory higher than max memory");
  /* A smaller maximum pulls the current memory down with it. */
  set_memory (f, 40960, GVIR_DRIVER_MEM_MAXIMUM);
  assert_memory (f, 40960, 40960);
  set_memory (f, 20480, 0);
  assert_memory (f, 40960, 20480);
}

static void
test_no_balloon (Fixture *f, gconstpointer data)
{
  GVirDriverMemoryStat stats[GVIR_DRIVER_MEMORY_STAT_NR] = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 pid;
  int n;

  if (qemu_test_emulator_missing ())
    return;
  define_tiny (f, "<memballoon model='none'/>");
  pid = start_tiny (f);
  g_assert_false (has_balloon_device (pid));
  /* Only QEMU's resident memory is known. */
  n = gvir_driver_connection_get_memory_stats (f->conn, TINY_UUID, stats, G_N_ELEMENTS (stats),
                                               0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 1);
  g_assert_cmpint (stats[0].tag, ==, GVIR_DRIVER_MEMORY_STAT_RSS);
  g_assert_cmpuint (stats[0].val, >, 0);
  assert_set_refused (f, 32768, 0, GVIR_ERROR_OPERATION_INVALID,
                      "cannot change the memory of running domain 'tiny': it has no balloon "
                      "device");
  /* The configuration still changes. */
  set_memory (f, 32768, GVIR_DRIVER_AFFECT_CONFIG);
  destroy_tiny (f, pid);
  assert_memory (f, 65536, 32768);
}

static void
test_bad_arguments (Fixture *f, gconstpointer data)
{
  GVirDriverMemoryStat stat;
  g_autoptr(GError) error = NULL;

  define_tiny (f, "");
  g_assert_false (gvir_driver_connection_set_memory (f->conn, TINY_UUID, 1024, 1u << 5, NULL,
                                                     &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_cmpint (gvir_driver_connection_get_memory_stats (f->conn, TINY_UUID, &stat,
                                                            GVIR_DRIVER_MEMORY_STATS_MAX + 1, 0,
                                                            NULL, &error), ==, -1);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (gvir_driver_connection_set_memory (f->conn,
                                                     "00000000-0000-0000-0000-000000000000",
                                                     1024, 0, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  qemu_test_kill_children_on_abort ();

  g_test_add ("/qemu/balloon/running", Fixture, NULL, fixture_setup, test_running,
              fixture_teardown);
  g_test_add ("/qemu/balloon/none", Fixture, NULL, fixture_setup, test_no_balloon,
              fixture_teardown);
  g_test_add ("/qemu/balloon/bad-arguments", Fixture, NULL, fixture_setup, test_bad_arguments,
              fixture_teardown);
  return g_test_run ();
}
