/*
 * test-gconfig-xml-doc.c: the exported document holder (GVirConfigXmlDoc)
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include <libxml/parser.h>

#include "libvirt-gconfig/libvirt-gconfig.h"
#include "libvirt-gconfig/libvirt-gconfig-object-private.h"

static void
test_boxed (void)
{
  xmlDocPtr doc = xmlReadMemory ("<domain/>", 9, NULL, NULL, XML_PARSE_NONET);
  GVirConfigXmlDoc *holder;
  GVirConfigXmlDoc *copy;
  GType type = gvir_config_xml_doc_get_type ();

  g_assert_nonnull (doc);
  g_assert_true (G_TYPE_IS_BOXED (type));
  g_assert_cmpstr (g_type_name (type), ==, "GVirConfigXmlDoc");

  /* The holder owns the document from here on. */
  holder = gvir_config_xml_doc_new (doc);
  g_assert_nonnull (holder);
  copy = g_boxed_copy (type, holder);
  g_assert_true (copy == holder);
  g_boxed_free (type, holder);
  /* Still alive through the copy's reference; freed with it (valgrind
   * and ASan runs catch a double free or a leak here). */
  g_boxed_free (type, copy);
}

static void
test_gvalue (void)
{
  g_auto(GValue) value = G_VALUE_INIT;
  xmlDocPtr doc = xmlNewDoc ((const xmlChar *) "1.0");

  g_value_init (&value, gvir_config_xml_doc_get_type ());
  g_value_take_boxed (&value, gvir_config_xml_doc_new (doc));
  g_assert_nonnull (g_value_get_boxed (&value));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gconfig/xml-doc/boxed", test_boxed);
  g_test_add_func ("/gconfig/xml-doc/gvalue", test_gvalue);

  return g_test_run ();
}
