/*
 * test-gconfig-schema.c: the XML fixtures and the documents this library
 * builds are valid libvirt XML, checked with libvirt's own RelaxNG schemas
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

#include <libxml/parser.h>
#include <libxml/relaxng.h>

#include <libvirt-gconfig/libvirt-gconfig.h>

/*
 * The expected-output fixtures under tests/gconfig/xml were written from
 * this library's own output; these tests hold them to libvirt's published
 * format instead. libvirt's schemas come from Debian's libvirt0 package
 * (/usr/share/libvirt/schemas); GVIR_TEST_LIBVIRT_SCHEMA_DIR points
 * elsewhere. The documents built from scratch by test-gconfig,
 * test-gconfig-devices, test-gconfig-tuning and test-gconfig-documents are
 * compared there byte for byte with the *-built.xml fixtures, so validating
 * the fixtures validates them; the domain built by the compat program is
 * validated here directly.
 */

typedef struct
{
  const char *path;     /* under tests/gconfig/xml */
  const char *schema;   /* libvirt's schema file, or NULL when exempt */
  const char *reason;   /* why it is exempt, or why it holds @unknown */
  /* Comma-separated names of elements libvirt does not know, put there on
   * purpose for round-trip tests: removed before validating the rest. */
  const char *unknown;
} Fixture;

static const Fixture fixtures[] = {
  { "capabilities-test.xml", "capability.rng", NULL },
  { "domaincaps.xml", "domaincaps.rng", NULL },
  { "domain-built.xml", "domain.rng", NULL },
  { "domain-unknown.xml", NULL,
    "holds elements and attributes libvirt does not know, in another namespace and in "
    "libvirt's, to check that a parse-and-write round trip keeps them" },
  { "devices/devices-built.xml", "domain.rng", NULL },
  { "devices/domain-devices.xml", "domain.rng",
    "a round trip must keep an element libvirt does not know inside a device",
    "unknown-graphics-child" },
  { "tuning/domain-tuning.xml", "domain.rng",
    "a round trip must keep elements libvirt does not know in <memoryBacking>, a NUMA cell and <devices>",
    "x-future-backing,x-future-cell-data,x-future-device" },
  { "tuning/domain-tuning-built.xml", "domain.rng", NULL },
  { "documents/interface-built.xml", "interface.rng", NULL },
  { "documents/interface-eth.xml", "interface.rng", NULL },
  { "documents/network-built.xml", "network.rng", NULL },
  { "documents/network-default.xml", "network.rng", NULL },
  { "documents/nodedev-built.xml", "nodedev.rng", NULL },
  { "documents/nodedev-pci.xml", "nodedev.rng", NULL },
  { "documents/nwfilter-built.xml", "nwfilter.rng", NULL },
  { "documents/nwfilter-spoofing.xml", "nwfilter.rng", NULL },
  { "documents/pool-built.xml", "storagepool.rng", NULL },
  { "documents/pool-dir.xml", "storagepool.rng", NULL },
  { "documents/pool-netfs.xml", "storagepool.rng", NULL },
  { "documents/secret-built.xml", "secret.rng", NULL },
  { "documents/secret-volume.xml", "secret.rng", NULL },
  { "documents/snapshot-built.xml", "domainsnapshot.rng", NULL },
  { "documents/snapshot-disks.xml", "domainsnapshot.rng", NULL },
  { "documents/vol-built.xml", "storagevol.rng", NULL },
  { "documents/vol-qcow2.xml", "storagevol.rng", NULL },
};

static char *schema_dir;

/* FALSE, after failing or skipping the test, when the schemas are missing. */
static gboolean
require_schemas (void)
{
  g_autofree char *probe = g_build_filename (schema_dir, "domain.rng", NULL);

  if (g_file_test (probe, G_FILE_TEST_IS_REGULAR))
    return TRUE;
  if (g_strcmp0 (g_getenv ("GVIR_TESTS_REQUIRE_ALL"), "1") == 0)
    {
      g_test_message ("GVIR_TESTS_REQUIRE_ALL=1 but libvirt's RelaxNG schemas are missing: "
                      "no %s (apt-get install libvirt0)", probe);
      g_test_fail ();
    }
  else
    {
      g_autofree char *reason = g_strdup_printf ("libvirt's RelaxNG schemas are missing: no %s "
                                                 "(apt-get install libvirt0)", probe);
      g_test_skip (reason);
    }
  return FALSE;
}

static void
collect_error (void *data, const xmlError *error)
{
  GString *errors = data;
  g_autofree char *message = g_strchomp (g_strdup (error->message));

  g_string_append_printf (errors, "\n  line %d: %s", error->line, message);
}

/* Validates @doc against libvirt's @schema; the libxml2 messages go to the
 * test log and the test fails if there are any. */
static void
assert_valid (xmlDocPtr doc, const char *schema, const char *what)
{
  g_autofree char *path = g_build_filename (schema_dir, schema, NULL);
  g_autoptr(GString) errors = g_string_new (NULL);
  xmlRelaxNGParserCtxtPtr parser = xmlRelaxNGNewParserCtxt (path);
  xmlRelaxNGPtr rng;
  xmlRelaxNGValidCtxtPtr validator;
  int result;

  xmlRelaxNGSetParserStructuredErrors (parser, (xmlStructuredErrorFunc) collect_error, errors);
  rng = xmlRelaxNGParse (parser);
  xmlRelaxNGFreeParserCtxt (parser);
  if (rng == NULL)
    g_error ("cannot load %s:%s", path, errors->str);

  validator = xmlRelaxNGNewValidCtxt (rng);
  xmlRelaxNGSetValidStructuredErrors (validator, (xmlStructuredErrorFunc) collect_error, errors);
  result = xmlRelaxNGValidateDoc (validator, doc);
  xmlRelaxNGFreeValidCtxt (validator);
  xmlRelaxNGFree (rng);

  if (result != 0)
    g_test_message ("%s is not valid against %s:%s", what, path, errors->str);
  g_assert_cmpint (result, ==, 0);
}

/* Removes the elements named in @names under @node; returns how many. */
static guint
remove_unknown (xmlNodePtr node, GStrv names)
{
  xmlNodePtr child = node->children;
  guint removed = 0;

  while (child != NULL)
    {
      xmlNodePtr next = child->next;

      if (child->type == XML_ELEMENT_NODE)
        {
          if (g_strv_contains ((const char * const *) names, (const char *) child->name))
            {
              xmlUnlinkNode (child);
              xmlFreeNode (child);
              removed++;
            }
          else
            removed += remove_unknown (child, names);
        }
      child = next;
    }
  return removed;
}

static void
test_fixture (gconstpointer data)
{
  const Fixture *fixture = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "gconfig", "xml", fixture->path, NULL);
  xmlDocPtr doc;

  if (!require_schemas ())
    return;

  doc = xmlReadFile (path, NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  if (fixture->unknown != NULL)
    {
      g_auto(GStrv) names = g_strsplit (fixture->unknown, ",", -1);

      /* Each listed element is really there: the list stays honest. */
      g_assert_cmpuint (remove_unknown (xmlDocGetRootElement (doc), names), ==, g_strv_length (names));
    }
  assert_valid (doc, fixture->schema, fixture->path);
  xmlFreeDoc (doc);
}

static void
collect_fixtures (const char *dir, const char *prefix, GPtrArray *found)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = g_dir_open (dir, 0, &error);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *full = g_build_filename (dir, name, NULL);
      g_autofree char *relative = prefix ? g_strconcat (prefix, "/", name, NULL) : g_strdup (name);

      if (g_file_test (full, G_FILE_TEST_IS_DIR))
        collect_fixtures (full, relative, found);
      else if (g_str_has_suffix (name, ".xml"))
        g_ptr_array_add (found, g_steal_pointer (&relative));
    }
}

/* Every fixture is either validated or exempt with a reason: a new
 * fixture cannot slip past. */
static void
test_fixture_list_complete (void)
{
  g_autofree char *root = g_test_build_filename (G_TEST_DIST, "gconfig", "xml", NULL);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);

  collect_fixtures (root, NULL, found);
  for (guint i = 0; i < found->len; i++)
    {
      gboolean listed = FALSE;

      for (gsize j = 0; j < G_N_ELEMENTS (fixtures); j++)
        listed = listed || strcmp (fixtures[j].path, found->pdata[i]) == 0;
      if (!listed)
        g_test_message ("%s is neither validated nor exempt: add it to fixtures[]", (char *) found->pdata[i]);
      g_assert_true (listed);
    }
  for (gsize j = 0; j < G_N_ELEMENTS (fixtures); j++)
    {
      g_assert_true (g_ptr_array_find_with_equal_func (found, fixtures[j].path, g_str_equal, NULL));
      /* An exemption says why. */
      g_assert_true ((fixtures[j].schema != NULL && fixtures[j].unknown == NULL) ||
                     (fixtures[j].reason != NULL && *fixtures[j].reason));
    }
  g_assert_cmpuint (found->len, ==, G_N_ELEMENTS (fixtures));
}

/* ---- the domain built by the compat program ---- */

int gconfig_program_main (int argc, char **argv);
#define main gconfig_program_main
#include "../compat/gconfig-program.c"
#undef main

static void
test_compat_program_domain (void)
{
  GVirConfigDomain *domain;
  g_autofree char *xml = NULL;
  xmlDocPtr doc;

  if (!require_schemas ())
    return;

  domain = build_domain ();
  xml = gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (domain));
  g_object_unref (domain);
  doc = xmlReadMemory (xml, strlen (xml), "compat-domain.xml", NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  assert_valid (doc, "domain.rng", "the domain built by tests/compat/gconfig-program.c");
  xmlFreeDoc (doc);
}

/* The validation itself works: a document libvirt rejects fails. */
static void
test_invalid_is_caught (void)
{
  static const char bad[] = "<domain type=\"kvm\"><name>x</name><memory>1</memory>"
                            "<os><type>hvm</type></os><devices><interface type=\"network\">"
                            "<source network=\"default\"/><mac/></interface></devices></domain>";
  g_autofree char *path = NULL;
  xmlRelaxNGParserCtxtPtr parser;
  xmlRelaxNGPtr rng;
  xmlRelaxNGValidCtxtPtr validator;
  xmlDocPtr doc;
  g_autoptr(GString) errors = g_string_new (NULL);

  if (!require_schemas ())
    return;

  path = g_build_filename (schema_dir, "domain.rng", NULL);
  parser = xmlRelaxNGNewParserCtxt (path);
  rng = xmlRelaxNGParse (parser);
  xmlRelaxNGFreeParserCtxt (parser);
  g_assert_nonnull (rng);
  validator = xmlRelaxNGNewValidCtxt (rng);
  xmlRelaxNGSetValidStructuredErrors (validator, (xmlStructuredErrorFunc) collect_error, errors);
  doc = xmlReadMemory (bad, sizeof bad - 1, "bad.xml", NULL, XML_PARSE_NONET);
  g_assert_cmpint (xmlRelaxNGValidateDoc (validator, doc), >, 0);
  g_assert_cmpuint (errors->len, >, 0);
  xmlFreeDoc (doc);
  xmlRelaxNGFreeValidCtxt (validator);
  xmlRelaxNGFree (rng);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  /* Report every invalid document, not only the first. */
  g_test_set_nonfatal_assertions ();
  gvir_config_init (&argc, &argv);

  schema_dir = g_strdup (g_getenv ("GVIR_TEST_LIBVIRT_SCHEMA_DIR"));
  if (schema_dir == NULL)
    schema_dir = g_strdup ("/usr/share/libvirt/schemas");

  g_test_add_func ("/gconfig/schema/fixture-list-complete", test_fixture_list_complete);
  g_test_add_func ("/gconfig/schema/invalid-is-caught", test_invalid_is_caught);
  for (gsize i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *path = NULL;

      if (fixtures[i].schema == NULL)
        continue;
      path = g_strdup_printf ("/gconfig/schema/fixture/%s", fixtures[i].path);
      g_test_add_data_func (path, &fixtures[i], test_fixture);
    }
  g_test_add_func ("/gconfig/schema/compat-program-domain", test_compat_program_domain);

  status = g_test_run ();
  g_free (schema_dir);
  return status;
}
