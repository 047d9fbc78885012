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
 * to the domain parser that gvir_connection_create_domain() uses.
 *
 * Besides the sanitizers' findings, these abort:
 *   - a failure without a GError, or a success with one;
 *   - a loaded domain whose stored XML the domain parser refuses, or reads
 *     back as another domain (name, UUID, memory, vCPUs, NUMA placement).
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

/* The XML a definition keeps must parse back to the same definition: the
 * driver re-reads it when a domain is redefined or its placement changes. */
static void
check_def_round_trip (const GVirTestDomainDef *def)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirTestDomainDef) again = gvir_test_domain_def_parse_string (def->xml, &error);
  g_autofree char *with_id = NULL;

  check_outcome (again != NULL, error, "re-parse of a stored domain");
  if (again == NULL)
    {
      fprintf (stderr, "stored XML:\n%s\nerror: %s\n", def->xml, error->message);
      fail ("the stored XML of a loaded domain does not parse", def->name);
    }
  if (g_strcmp0 (def->xml, again->xml) != 0 || g_strcmp0 (def->name, again->name) != 0 ||
      g_strcmp0 (def->uuid, again->uuid) != 0 || def->max_mem_kib != again->max_mem_kib ||
      def->memory_kib != again->memory_kib || def->vcpus != again->vcpus ||
      def->on_poweroff != again->on_poweroff || def->on_reboot != again->on_reboot ||
      def->numa_mode != again->numa_mode ||
      g_strcmp0 (def->numa_nodeset, again->numa_nodeset) != 0)
    {
      fprintf (stderr, "first:\n%s\nsecond:\n%s\n", def->xml, again->xml);
      fail ("a stored domain reads back as another definition", def->name);
    }

  with_id = gvir_test_domain_def_format (def, 7);
  if (!g_str_has_prefix (with_id, "<domain id='7'"))
    fail ("a formatted domain does not start with its id", with_id);
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
  g_autoptr(GVirTestDomainDef) def = gvir_test_domain_def_parse_string (xml, &error);

  check_outcome (def != NULL, error, "gvir_test_domain_def_parse_string");
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
