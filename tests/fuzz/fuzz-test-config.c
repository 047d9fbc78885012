/*
 * fuzz-test-config.c: libFuzzer target for the test driver's <node>
 * configuration loader and its domain parser
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * The input is the content of a test:///FILE.xml configuration. The loader
 * reads files only (it streams them), so the input is written to a file in
 * a private directory made at start-up and removed at exit; a domain's
 * file='...' therefore resolves inside that directory. The same bytes go
 * to the domain reader that gvir_connection_create_domain() uses.
 *
 * Besides the sanitizers' findings, these abort:
 *   - a failure without a GError, or a success with one;
 *   - a loaded domain whose XML the driver refuses, or reads back as
 *     another domain (XML, name, UUID, memory, vCPUs, NUMA placement).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "libvirt-gobject/drivers/test/gvir-test-private.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static char *work_dir;
static char *config_path;

G_GNUC_NORETURN static void
fail (const char *what, const char *detail)
{
  fprintf (stderr, "fuzz-test-config: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
  abort ();
}

static void
remove_work_dir (void)
{
  g_unlink (config_path);
  g_rmdir (work_dir);
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  g_autoptr(GError) error = NULL;

  work_dir = g_dir_make_tmp ("fuzz-test-config-XXXXXX", &error);
  if (work_dir == NULL)
    fail ("cannot make a private directory", error->message);
  config_path = g_build_filename (work_dir, "node.xml", NULL);
  atexit (remove_work_dir);
  return 0;
}

static void
check_outcome (gboolean ok, GError *error, const char *what)
{
  if (!ok && (error == NULL || error->message == NULL || error->message[0] == '\0'))
    fail ("failed without an error message", what);
  if (ok && error != NULL)
    fail ("succeeded and set an error", what);
}

/* The XML the driver writes for a definition must read back as the same
 * definition: the driver re-reads it from save images, and writes it for
 * callers who define it again. */
static void
check_def_round_trip (GVirConfigDomain *def)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = gvir_test_def_format (def, -1);
  g_autoptr(GVirConfigDomain) again = gvir_test_def_read_string (xml, &error);
  g_autofree char *again_xml = NULL;
  g_autofree char *nodeset = NULL;
  g_autofree char *again_nodeset = NULL;
  g_autofree char *with_id = NULL;
  const char *id_attr;
  const char *root_end;

  check_outcome (again != NULL, error, "re-read of a stored domain");
  if (again == NULL)
    {
      fprintf (stderr, "stored XML:\n%s\nerror: %s\n", xml, error->message);
      fail ("the stored XML of a loaded domain does not read back",
            gvir_config_domain_get_name (def));
    }
  again_xml = gvir_test_def_format (again, -1);
  nodeset = gvir_test_def_dup_numa_nodeset (def);
  again_nodeset = gvir_test_def_dup_numa_nodeset (again);
  if (g_strcmp0 (xml, again_xml) != 0 ||
      g_strcmp0 (gvir_config_domain_get_name (def), gvir_config_domain_get_name (again)) != 0 ||
      g_strcmp0 (gvir_config_domain_get_uuid (def), gvir_config_domain_get_uuid (again)) != 0 ||
      gvir_test_def_get_max_memory_kib (def) != gvir_test_def_get_max_memory_kib (again) ||
      gvir_test_def_get_memory_kib (def) != gvir_test_def_get_memory_kib (again) ||
      gvir_test_def_get_vcpus (def) != gvir_test_def_get_vcpus (again) ||
      gvir_test_def_get_numa_mode (def) != gvir_test_def_get_numa_mode (again) ||
      g_strcmp0 (nodeset, again_nodeset) != 0)
    {
      fprintf (stderr, "first:\n%s\nsecond:\n%s\n", xml, again_xml);
      fail ("a stored domain reads back as another definition", gvir_config_domain_get_name (def));
    }

  /* libvirt writes the id in the root element, after the type. */
  with_id = gvir_test_def_format (def, 7);
  id_attr = strstr (with_id, " id='7'");
  root_end = strchr (with_id, '>');
  if (!g_str_has_prefix (with_id, "<domain ") || id_attr == NULL || root_end == NULL ||
      id_attr > root_end)
    fail ("a formatted domain does not carry its id in its root element", with_id);
}

static void
load_config (const guint8 *data, size_t size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) domains = NULL;
  g_autofree char *capabilities = NULL;
  GVirTestHost host = { { 0 } };
  gboolean ok;

  /* No fsync: durability is not the point, and would cap the run rate. */
  if (!g_file_set_contents_full (config_path, (const char *) data, size,
                                 G_FILE_SET_CONTENTS_NONE, 0600, &error))
    fail ("cannot write the configuration file", error->message);

  gvir_test_host_init_default (&host);
  host.ncells = 0;
  ok = gvir_test_config_load (config_path, &host, &domains, &error);
  check_outcome (ok, error, "gvir_test_config_load");
  if (ok)
    {
      for (guint i = 0; i < domains->len; i++)
        {
          GVirTestConfigDomain *cd = domains->pdata[i];

          check_def_round_trip (cd->def);
        }
      capabilities = gvir_test_host_format_capabilities (&host);
      if (!g_str_has_prefix (capabilities, "<capabilities"))
        fail ("the host capabilities do not start with <capabilities>", NULL);
    }
  gvir_test_host_clear (&host);
}

static void
parse_domain (const guint8 *data, size_t size)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = g_strndup ((const char *) data, size);
  g_autoptr(GVirConfigDomain) def = gvir_test_def_read_string (xml, &error);

  check_outcome (def != NULL, error, "gvir_test_def_read_string");
  if (def != NULL)
    check_def_round_trip (def);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  load_config (data, size);
  parse_domain (data, size);
  return 0;
}
