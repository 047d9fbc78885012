/*
 * test-driver-xml-safety.c: the test driver's XML input, from callers and
 * from test:///PATH.xml files: test-namespace markup at any depth, DTDs
 * and entities
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

#include "driver-test-utils.h"
#include "libvirt-gobject/drivers/gvir-driver-xml-private.h"

#define NEW_UUID "c7a5fdbd-edaf-9455-926a-d65c16db1809"
#define TEST_NS "http://libvirt.org/schemas/domain/test/1.0"

/* Nested entities: &lol6; is 3 * 10^6 bytes of text once expanded. */
#define LAUGHS(root) \
  "<?xml version='1.0'?><!DOCTYPE " root " [<!ENTITY lol0 'lol'>" \
  "<!ENTITY lol1 '&lol0;&lol0;&lol0;&lol0;&lol0;&lol0;&lol0;&lol0;&lol0;&lol0;'>" \
  "<!ENTITY lol2 '&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;'>" \
  "<!ENTITY lol3 '&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;'>" \
  "<!ENTITY lol4 '&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;'>" \
  "<!ENTITY lol5 '&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;'>" \
  "<!ENTITY lol6 '&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;'>]>"

#define DTD_MESSAGE "domain XML declares a DTD (<!DOCTYPE>): DTDs and entities are not allowed"

static GVirDriverConnection *
open_uri (const char *uri)
{
  g_autoptr(GError) error = NULL;
  GVirDriverConnection *conn = gvir_driver_connection_open (uri, FALSE, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (conn);
  return conn;
}

static char *
fixture_uri (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "drivers", "data", name, NULL);
  g_autofree char *abs = g_canonicalize_filename (path, NULL);

  return g_strconcat ("test://", abs, NULL);
}

static char *
inactive_xml (GVirDriverConnection *conn,
              const char           *uuid)
{
  g_autoptr(GError) error = NULL;
  char *xml = gvir_driver_connection_get_domain_xml (conn, uuid, GVIR_DRIVER_XML_INACTIVE,
                                                     NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (xml);
  return xml;
}

/* ---- test-namespace markup below <domain>'s children ------------------------ */

/* Elements and attributes of the test namespace anywhere but as direct
 * children of <domain> mean nothing to the driver: they are dropped, and
 * so is the declaration. The element inside <devices> once left a
 * dangling namespace pointer that serialising the stored XML read. */
#define DEEP_XML(name, uuid) \
  "<domain type='test' xmlns:test='" TEST_NS "' test:note='top'>" \
  "<name>" name "</name><uuid>" uuid "</uuid><memory>65536</memory>" \
  "<devices test:flag='1'><test:runstate>1</test:runstate>" \
  "<disk type='file' test:level='2'><test:hasmanagedsave/><target dev='vda'/></disk>" \
  "</devices><test:runstate>5</test:runstate></domain>"

/* Written by libvirt-gconfig, which indents (two spaces, as libvirt does)
 * elements that hold only elements. */
#define DEEP_STORED(name, uuid) \
  "<domain type='test'>\n" \
  "  <name>" name "</name>\n" \
  "  <uuid>" uuid "</uuid>\n" \
  "  <memory>65536</memory>\n" \
  "  <devices>\n" \
  "    <disk type='file'>\n" \
  "      <target dev='vda'/>\n" \
  "    </disk>\n" \
  "  </devices>\n" \
  "</domain>\n"

static void
test_deep_define (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDriverConnection) conn = open_uri ("test:///default");
  g_autoptr(GVirDriverDomain) dom = NULL;
  g_autofree char *xml = NULL;

  dom = gvir_driver_connection_define_domain (conn, DEEP_XML ("deep", NEW_UUID), 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dom->name, ==, "deep");
  /* The test namespace means nothing to define: nested elements even less. */
  g_assert_cmpint (dom->state, ==, GVIR_DRIVER_STATE_SHUTOFF);
  g_assert_false (dom->has_managed_save);

  xml = inactive_xml (conn, NEW_UUID);
  g_assert_cmpstr (xml, ==, DEEP_STORED ("deep", NEW_UUID));
  gvir_driver_connection_close (conn);
}

static void
test_deep_create (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDriverConnection) conn = open_uri ("test:///default");
  g_autoptr(GVirDriverDomain) dom = NULL;
  g_autofree char *xml = NULL;

  dom = gvir_driver_connection_create_domain (conn, DEEP_XML ("deep", NEW_UUID), 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dom->state, ==, GVIR_DRIVER_STATE_RUNNING);
  g_assert_false (dom->persistent);

  xml = inactive_xml (conn, NEW_UUID);
  g_assert_cmpstr (xml, ==, DEEP_STORED ("deep", NEW_UUID));
  gvir_driver_connection_close (conn);
}

/* Only an attribute uses the namespace, with a prefix declared where it is
 * used rather than on <domain>. */
static void
test_deep_attribute_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDriverConnection) conn = open_uri ("test:///default");
  g_autoptr(GVirDriverDomain) dom = NULL;
  g_autofree char *xml = NULL;

  dom = gvir_driver_connection_define_domain (conn,
    "<domain type='test' xmlns:t='" TEST_NS "' t:a='1'><name>attr</name>"
    "<uuid>" NEW_UUID "</uuid><memory>65536</memory>"
    "<devices><disk xmlns:u='" TEST_NS "' u:b='2' type='file'/></devices></domain>",
    0, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dom);

  xml = inactive_xml (conn, NEW_UUID);
  g_assert_cmpstr (xml, ==,
                   "<domain type='test'>\n"
                   "  <name>attr</name>\n"
                   "  <uuid>" NEW_UUID "</uuid>\n"
                   "  <memory>65536</memory>\n"
                   "  <devices>\n"
                   "    <disk type='file'/>\n"
                   "  </devices>\n"
                   "</domain>\n");
  gvir_driver_connection_close (conn);
}

/* Other namespaces are kept, at any depth. */
static void
test_other_namespace_kept (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDriverConnection) conn = open_uri ("test:///default");
  g_autoptr(GVirDriverDomain) dom = NULL;
  g_autofree char *xml = NULL;

  dom = gvir_driver_connection_define_domain (conn,
    "<domain type='test' xmlns:test='" TEST_NS "'><name>meta</name>"
    "<uuid>" NEW_UUID "</uuid><memory>65536</memory>"
    "<metadata><app:x xmlns:app='urn:example' app:y='1'><test:z/></app:x></metadata>"
    "</domain>", 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dom);

  xml = inactive_xml (conn, NEW_UUID);
  g_assert_cmpstr (xml, ==,
                   "<domain type='test'>\n"
                   "  <name>meta</name>\n"
                   "  <uuid>" NEW_UUID "</uuid>\n"
                   "  <memory>65536</memory>\n"
                   "  <metadata>\n"
                   "    <app:x xmlns:app='urn:example' app:y='1'/>\n"
                   "  </metadata>\n"
                   "</domain>\n");
  gvir_driver_connection_close (conn);
}

static void
test_deep_config_file (void)
{
  g_autofree char *uri = fixture_uri ("test-ns-deep.xml");
  g_autoptr(GVirDriverConnection) conn = open_uri (uri);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDriverDomain) deep = NULL;
  g_autoptr(GVirDriverDomain) own = NULL;
  g_autofree char *deep_xml = NULL;
  g_autofree char *own_xml = NULL;

  deep = gvir_driver_connection_lookup_domain_by_name (conn, "deep", NULL, &error);
  g_assert_no_error (error);
  /* The top-level <test:runstate>, not the one inside <devices>. */
  g_assert_cmpint (deep->state, ==, GVIR_DRIVER_STATE_SHUTOFF);
  g_assert_false (deep->has_managed_save);
  own = gvir_driver_connection_lookup_domain_by_name (conn, "own-prefix", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (own->state, ==, GVIR_DRIVER_STATE_RUNNING);

  deep_xml = inactive_xml (conn, deep->uuid);
  g_assert_cmpstr (deep_xml, ==,
                   "<domain type='test'>\n"
                   "    <name>deep</name>\n"
                   "    <uuid>00000000-0000-4000-8000-0000000000d1</uuid>\n"
                   "    <memory>65536</memory>\n"
                   "    <devices>\n"
                   "      \n"
                   "      <disk type='file' device='disk'>\n"
                   "        \n"
                   "        <target dev='vda'/>\n"
                   "      </disk>\n"
                   "    </devices>\n"
                   "    \n"
                   "  </domain>\n");
  own_xml = inactive_xml (conn, own->uuid);
  g_assert_cmpstr (own_xml, ==,
                   "<domain type='test'>\n"
                   "    <name>own-prefix</name>\n"
                   "    <uuid>00000000-0000-4000-8000-0000000000d2</uuid>\n"
                   "    <memory>65536</memory>\n"
                   "    <devices>\n"
                   "      <disk type='file'/>\n"
                   "    </devices>\n"
                   "  </domain>\n");
  gvir_driver_connection_close (conn);
}

/* ---- DTDs and entities ------------------------------------------------------ */

static const struct
{
  const char *what;
  const char *xml;
} dtd_definitions[] = {
  { "laughs",
    LAUGHS ("domain") "<domain type='test'><name>x</name><memory>1</memory>"
    "<description>&lol6;</description></domain>" },
  { "subset",
    "<!DOCTYPE domain [<!ELEMENT domain ANY>]>"
    "<domain type='test'><name>x</name><memory>1</memory></domain>" },
  { "entity",
    "<!DOCTYPE domain [<!ENTITY n 'x'>]>"
    "<domain type='test'><name>&n;</name><memory>1</memory></domain>" },
  { "external",
    "<!DOCTYPE domain SYSTEM 'domain.dtd'>"
    "<domain type='test'><name>x</name><memory>1</memory></domain>" },
  { "loop",
    "<!DOCTYPE domain [<!ENTITY a '&b;'><!ENTITY b '&a;'>]>"
    "<domain type='test'><name>&a;</name><memory>1</memory></domain>" },
};

static void
test_dtd_refused (gconstpointer data)
{
  gsize i = GPOINTER_TO_SIZE (data);
  g_autoptr(GVirDriverConnection) conn = open_uri ("test:///default");
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;

  before = gvir_driver_connection_list_domains (conn, NULL, &error);
  g_assert_no_error (error);

  g_assert_null (gvir_driver_connection_define_domain (conn, dtd_definitions[i].xml, 0,
                                                       NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_XML);
  g_assert_cmpstr (error->message, ==, DTD_MESSAGE);
  g_clear_error (&error);

  g_assert_null (gvir_driver_connection_create_domain (conn, dtd_definitions[i].xml, 0,
                                                       NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_XML);
  g_assert_cmpstr (error->message, ==, DTD_MESSAGE);
  g_clear_error (&error);

  after = gvir_driver_connection_list_domains (conn, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, before->len);
  gvir_driver_connection_close (conn);
}

/* The same document without its DTD is fine: the refusal is the DTD's. */
static void
test_no_dtd_accepted (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDriverConnection) conn = open_uri ("test:///default");
  g_autoptr(GVirDriverDomain) dom = NULL;
  g_autofree char *xml = NULL;

  dom = gvir_driver_connection_define_domain (conn,
    "<?xml version='1.0'?><domain type='test'><name>x</name><uuid>" NEW_UUID "</uuid>"
    "<memory>1</memory><description>a &amp; b &#65;</description></domain>", 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dom->name, ==, "x");
  xml = inactive_xml (conn, NEW_UUID);
  g_assert_cmpstr (xml, ==,
                   "<domain type='test'>\n"
                   "  <name>x</name>\n"
                   "  <uuid>" NEW_UUID "</uuid>\n"
                   "  <memory>1</memory>\n"
                   "  <description>a &amp; b A</description>\n"
                   "</domain>\n");
  gvir_driver_connection_close (conn);
}

static const struct
{
  const char *file;
  const char *message;   /* after "test://DIR/" */
} dtd_files[] = {
  { "bad-dtd-laughs.xml", "test configuration '%s' declares a DTD (<!DOCTYPE>): "
                          "DTDs and entities are not allowed" },
  { "bad-dtd-subset.xml", "test configuration '%s' declares a DTD (<!DOCTYPE>): "
                          "DTDs and entities are not allowed" },
  { "bad-dtd-external.xml", "test configuration '%s' declares a DTD (<!DOCTYPE>): "
                            "DTDs and entities are not allowed" },
  { "bad-dtd-domain-file.xml", "bad domain file 'dtd-domain.xml' in test configuration '%s': "
                               "'%s/dtd-domain.xml' declares a DTD (<!DOCTYPE>): "
                               "DTDs and entities are not allowed" },
};

static void
test_dtd_file_refused (gconstpointer data)
{
  gsize i = GPOINTER_TO_SIZE (data);
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = fixture_uri (dtd_files[i].file);
  const char *path = uri + strlen ("test://");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *expected = NULL;
  g_autoptr(GVirDriverConnection) conn = NULL;

  conn = gvir_driver_connection_open (uri, FALSE, NULL, NULL, NULL, &error);
  g_assert_null (conn);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_XML);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  expected = g_strdup_printf (dtd_files[i].message, path, dir);
#pragma GCC diagnostic pop
  g_assert_cmpstr (error->message, ==, expected);
}

/* Bytes libxml2 cannot convert from the encoding it detects (a UCS-4
 * byte order, or a UTF-16 mark then garbage): it raises those errors with
 * no parser context, so they would go to stderr unless the loader
 * silences them. The configuration is refused with a GError and nothing
 * is printed, which a library must never do. */
static const struct
{
  const char *what;
  const char *bytes;
  gsize len;
} bad_encodings[] = {
  { "ucs4-le", "\x3c\x00\x00\x00<node/>", 11 },
  { "utf16-garbage", "\xfe\xff\x00<\x00n", 7 },
};

static void
test_bad_encoding_silent (gconstpointer data)
{
  gsize i = GPOINTER_TO_SIZE (data);

  if (g_test_subprocess ())
    {
      g_autofree char *dir = g_dir_make_tmp ("gvir-encoding-XXXXXX", NULL);
      g_autofree char *path = g_build_filename (dir, "config.xml", NULL);
      g_autofree char *uri = g_strdup_printf ("test://%s", path);
      g_autoptr(GError) error = NULL;
      GVirDriverConnection *conn;

      g_assert_true (g_file_set_contents (path, bad_encodings[i].bytes,
                                          bad_encodings[i].len, NULL));
      conn = gvir_driver_connection_open (uri, FALSE, NULL, NULL, NULL, &error);
      g_unlink (path);
      g_rmdir (dir);
      g_assert_null (conn);
      g_assert_error (error, GVIR_ERROR, GVIR_ERROR_XML);
      g_assert_nonnull (strstr (error->message, "malformed XML"));
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("");
}

/* Documents go out quoted as libvirt quotes them: values in single
 * quotes, both quote characters escaped in values and text, markup that
 * is not a tag left alone, a final newline. */
static void
test_libvirt_style (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "<a b=\"1\" c=\"x'y\"/>", "<a b='1' c='x&apos;y'/>\n" },
    { "<a b=\"&quot;q&quot;\">it's \"so\"</a>\n",
      "<a b='&quot;q&quot;'>it&apos;s &quot;so&quot;</a>\n" },
    { "<a><!-- it's \"kept\" --><![CDATA[it's]]><?pi it's?></a>",
      "<a><!-- it's \"kept\" --><![CDATA[it's]]><?pi it's?></a>\n" },
    { "<a>&lt;&amp;&gt;</a>", "<a>&lt;&amp;&gt;</a>\n" },
    { "", "\n" },
    { "<a b=\"unterminated", "<a b='unterminated" "\n" },
    { "<!-- unterminated", "<!-- unterminated\n" },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = gvir_driver_xml_libvirt_style (cases[i].in);

      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

/* Documents in libvirt's element order: the listed children first, the
 * others after them as they were, and the same one level down; sizes
 * marked in bytes (the caller keeps them in bytes); an empty listed
 * element open and closed on two lines; the document's own whitespace
 * replaced, text content kept; the object itself unchanged. */
static void
test_format_ordered (void)
{
  static const char *const order[] = {
    "name", "uuid", "capacity", "source", "target", "target/path", NULL
  };
  static const char *const sizes[] = { "capacity", NULL };
  static const char *const open_empty[] = { "source", NULL };
  static const char in[] =
    "<pool type=\"dir\">\n"
    "      <target>\n   <perm/><path> /p q </path></target>\n"
    "  <extra a=\"it's\"/>\n"
    "<name>p</name><capacity unit=\"KiB\">1024</capacity>\n"
    "  <uuid>u</uuid><source/>\n"
    "</pool>\n";
  static const char want[] =
    "<pool type='dir'>\n"
    "  <name>p</name>\n"
    "  <uuid>u</uuid>\n"
    "  <capacity unit='bytes'>1024</capacity>\n"
    "  <source>\n"
    "  </source>\n"
    "  <target>\n"
    "    <path> /p q </path>\n"
    "    <perm/>\n"
    "  </target>\n"
    "  <extra a='it&apos;s'/>\n"
    "</pool>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirConfigStoragePool) pool = gvir_config_storage_pool_new_from_xml (in, &error);
  g_autofree char *before = NULL;
  g_autofree char *out = NULL;
  g_autofree char *after = NULL;

  g_assert_no_error (error);
  before = gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (pool));
  out = gvir_driver_xml_format_ordered (GVIR_CONFIG_OBJECT (pool), order, sizes, open_empty);
  g_assert_cmpstr (out, ==, want);
  after = gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (pool));
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&out, g_free);
  /* Nothing listed: the order and the units are the document's. */
  out = gvir_driver_xml_format_ordered (GVIR_CONFIG_OBJECT (pool), (const char *const[]) { NULL },
                                        NULL, NULL);
  g_assert_true (g_str_has_prefix (out, "<pool type='dir'>\n  <target>\n    <perm/>\n    <path> /p q </path>\n"));
  g_assert_nonnull (strstr (out, "<capacity unit='KiB'>1024</capacity>\n  <uuid>u</uuid>\n  <source/>\n"));
}

int
main (int argc, char **argv)
{
  gsize i;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/drivers/xml-safety/libvirt-style", test_libvirt_style);
  g_test_add_func ("/drivers/xml-safety/format-ordered", test_format_ordered);
  g_test_add_func ("/drivers/xml-safety/test-ns/define", test_deep_define);
  g_test_add_func ("/drivers/xml-safety/test-ns/create", test_deep_create);
  g_test_add_func ("/drivers/xml-safety/test-ns/attribute-only", test_deep_attribute_only);
  g_test_add_func ("/drivers/xml-safety/test-ns/other-namespace-kept", test_other_namespace_kept);
  g_test_add_func ("/drivers/xml-safety/test-ns/config-file", test_deep_config_file);
  for (i = 0; i < G_N_ELEMENTS (dtd_definitions); i++)
    {
      g_autofree char *path = g_strdup_printf ("/drivers/xml-safety/dtd/define-create/%s",
                                               dtd_definitions[i].what);

      g_test_add_data_func (path, GSIZE_TO_POINTER (i), test_dtd_refused);
    }
  g_test_add_func ("/drivers/xml-safety/dtd/none-accepted", test_no_dtd_accepted);
  for (i = 0; i < G_N_ELEMENTS (bad_encodings); i++)
    {
      g_autofree char *path = g_strdup_printf ("/drivers/xml-safety/encoding-silent/%s",
                                               bad_encodings[i].what);

      g_test_add_data_func (path, GSIZE_TO_POINTER (i), test_bad_encoding_silent);
    }
  for (i = 0; i < G_N_ELEMENTS (dtd_files); i++)
    {
      g_autofree char *path = g_strdup_printf ("/drivers/xml-safety/dtd/file/%s", dtd_files[i].file);

      g_test_add_data_func (path, GSIZE_TO_POINTER (i), test_dtd_file_refused);
    }

  return g_test_run ();
}
