/*
 * gconfig-getters.c: prints every value libvirt-gconfig's getters read
 * from a corpus of libvirt XML documents
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Usage: gconfig-getters FILE...
 *
 * A FILE is named CLASS.LABEL.xml and is read with
 * gvir_config_CLASS_new_from_xml(). The program calls every getter of the
 * object's class and parent classes that libvirt-gconfig 4.0 also has
 * (the generated table), follows the objects they return a few levels
 * down, and prints one "FILE/PATH getter(args) = value" line per call,
 * then the document as to_xml() writes it. It is built against our
 * library and against Debian's libvirt-gconfig; compare-gconfig-getters.py
 * compares the two outputs. Every line starts with the file and the path
 * of the object, so an explained difference can be named by its line.
 */
#include <stdio.h>
#include <string.h>

#include "gconfig-getters.h"

/* How many levels of returned objects are followed below a document:
 * enough for domain -> devices -> a device -> its parts -> theirs. */
#define DOCUMENT_DEPTH 4

static void show_getters (GVirConfigObject *obj, const char *path, guint depth);

static void
show_line (const char *path, const char *label, const char *value)
{
  printf ("%s %s = %s\n", path, label, value);
}

void
show_signed (const char *path, const char *label, gint64 value)
{
  g_autofree gchar *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);

  show_line (path, label, text);
}

void
show_unsigned (const char *path, const char *label, guint64 value)
{
  g_autofree gchar *text = g_strdup_printf ("%" G_GUINT64_FORMAT, value);

  show_line (path, label, text);
}

void
show_double (const char *path, const char *label, gdouble value)
{
  gchar text[G_ASCII_DTOSTR_BUF_SIZE];

  show_line (path, label, g_ascii_formatd (text, sizeof text, "%.17g", value));
}

void
show_string (const char *path, const char *label, const gchar *value)
{
  g_autofree gchar *escaped = NULL;
  g_autofree gchar *quoted = NULL;

  if (value == NULL)
    {
      show_line (path, label, "NULL");
      return;
    }
  escaped = g_strescape (value, NULL);
  quoted = g_strdup_printf ("\"%s\"", escaped);
  show_line (path, label, quoted);
}

void
show_owned_string (const char *path, const char *label, gchar *value)
{
  show_string (path, label, value);
  g_free (value);
}

void
show_strv (const char *path, const char *label, gchar **value, gboolean owned)
{
  g_autofree gchar *count = g_strdup_printf ("%u strings", value ? g_strv_length (value) : 0);

  show_line (path, label, value != NULL ? count : "NULL");
  for (gsize i = 0; value != NULL && value[i] != NULL; i++)
    {
      g_autofree gchar *item = g_strdup_printf ("%s[%" G_GSIZE_FORMAT "]", label, i);
      show_string (path, item, value[i]);
    }
  if (owned)
    g_strfreev (value);
}

static gint64
read_signed (gconstpointer values, gsize i, gsize size)
{
  switch (size)
    {
    case 1: return ((const gint8 *) values)[i];
    case 2: return ((const gint16 *) values)[i];
    case 4: return ((const gint32 *) values)[i];
    default: return ((const gint64 *) values)[i];
    }
}

static guint64
read_unsigned (gconstpointer values, gsize i, gsize size)
{
  switch (size)
    {
    case 1: return ((const guint8 *) values)[i];
    case 2: return ((const guint16 *) values)[i];
    case 4: return ((const guint32 *) values)[i];
    default: return ((const guint64 *) values)[i];
    }
}

static void
show_array (const char *path, const char *label, gpointer values, gsize n_values,
            gsize element_size, gboolean is_signed)
{
  g_autoptr (GString) text = g_string_new (values != NULL ? "[" : "NULL");

  for (gsize i = 0; values != NULL && i < n_values; i++)
    {
      if (i > 0)
        g_string_append (text, ", ");
      if (is_signed)
        g_string_append_printf (text, "%" G_GINT64_FORMAT, read_signed (values, i, element_size));
      else
        g_string_append_printf (text, "%" G_GUINT64_FORMAT, read_unsigned (values, i, element_size));
    }
  if (values != NULL)
    g_string_append (text, "]");
  show_line (path, label, text->str);
  g_free (values);
}

void
show_signed_array (const char *path, const char *label, gpointer values,
                   gsize n_values, gsize element_size)
{
  show_array (path, label, values, n_values, element_size, TRUE);
}

void
show_unsigned_array (const char *path, const char *label, gpointer values,
                     gsize n_values, gsize element_size)
{
  show_array (path, label, values, n_values, element_size, FALSE);
}

/* The path of the objects @label returned. */
static gchar *
child_path (const char *path, const char *label)
{
  return g_strdup_printf ("%s/%s", path, label);
}

void
show_object (const char *path, const char *label, GVirConfigObject *obj,
             guint depth, gboolean owned)
{
  g_autofree gchar *type = NULL;
  g_autofree gchar *below = NULL;

  if (obj == NULL)
    {
      show_line (path, label, "NULL");
      return;
    }
  type = g_strdup_printf ("<%s>", G_OBJECT_TYPE_NAME (obj));
  show_line (path, label, type);
  if (depth > 0)
    {
      below = child_path (path, label);
      show_getters (obj, below, depth - 1);
    }
  if (owned)
    g_object_unref (obj);
}

/* What names an element of a list in the output: its XML element and
 * type attribute, and how many such elements came before it in the list
 * ("controller type=usb #1"). Unlike its position, this does not shift
 * when one library leaves out an element the other lists. */
static gchar *
element_key (GVirConfigObject *obj, GHashTable *seen)
{
  static GRegex *start_tag;
  g_autofree gchar *xml = gvir_config_object_to_xml (obj);
  g_autoptr (GMatchInfo) match = NULL;
  g_autofree gchar *name = NULL;
  g_autofree gchar *type = NULL;
  gchar *kind;
  gchar *key;
  guint count;

  if (start_tag == NULL)
    start_tag = g_regex_new ("^\\s*<([^\\s/>]+)(?:[^>]*?\\stype=[\"']([^\"']*)[\"'])?",
                             0, 0, NULL);
  if (xml != NULL && g_regex_match (start_tag, xml, 0, &match))
    {
      name = g_match_info_fetch (match, 1);
      type = g_match_info_fetch (match, 2);
    }
  kind = g_strdup_printf ("%s%s%s", name != NULL ? name : "?",
                          type != NULL && type[0] != '\0' ? " type=" : "",
                          type != NULL ? type : "");
  count = GPOINTER_TO_UINT (g_hash_table_lookup (seen, kind));
  key = g_strdup_printf ("%s #%u", kind, count);
  /* The table keeps the first copy of @kind and frees this one. */
  g_hash_table_insert (seen, kind, GUINT_TO_POINTER (count + 1));
  return key;
}

void
show_object_list (const char *path, const char *label, GList *list, guint depth,
                  gboolean owned_list, gboolean owned_elements)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree gchar *count = g_strdup_printf ("%u objects", g_list_length (list));

  show_line (path, label, count);
  for (GList *l = list; l != NULL; l = l->next)
    {
      g_autofree gchar *key = l->data != NULL ? element_key (l->data, seen) : g_strdup ("NULL");
      g_autofree gchar *item = g_strdup_printf ("%s[%s]", label, key);

      show_object (path, item, l->data, depth, owned_elements);
    }
  if (owned_list)
    g_list_free (list);
}

void
show_number_list (const char *path, const char *label, GList *list, gboolean owned)
{
  g_autoptr (GString) text = g_string_new ("[");

  for (GList *l = list; l != NULL; l = l->next)
    g_string_append_printf (text, "%s%d", l == list ? "" : ", ", GPOINTER_TO_INT (l->data));
  g_string_append (text, "]");
  show_line (path, label, text->str);
  if (owned)
    g_list_free (list);
}

/* The GTypes of getter_classes[], looked up once. */
static GType *
class_types (void)
{
  static GType *types;

  if (types == NULL)
    {
      types = g_new (GType, getter_n_classes);
      for (gsize i = 0; i < getter_n_classes; i++)
        types[i] = getter_classes[i].get_type ();
    }
  return types;
}

/* The getters of @obj's class first, then those of each parent class. */
static void
show_getters (GVirConfigObject *obj, const char *path, guint depth)
{
  GType *types = class_types ();

  for (GType t = G_OBJECT_TYPE (obj); t != G_TYPE_OBJECT && t != 0; t = g_type_parent (t))
    for (gsize i = 0; i < getter_n_classes; i++)
      if (types[i] == t)
        getter_classes[i].show (obj, path, depth);
}

static const GetterCtor *
find_ctor (const char *file)
{
  g_autofree gchar *base = g_path_get_basename (file);
  const char *dot = strchr (base, '.');

  for (gsize i = 0; dot != NULL && i < getter_n_ctors; i++)
    if (strlen (getter_ctors[i].name) == (gsize) (dot - base) &&
        strncmp (getter_ctors[i].name, base, dot - base) == 0)
      return &getter_ctors[i];
  return NULL;
}

/* The XML, one line of output per line of the document. */
static void
show_xml (const char *path, const char *tag, const char *xml)
{
  g_auto (GStrv) lines = g_strsplit (xml != NULL ? xml : "(NULL)", "\n", -1);

  for (gsize i = 0; lines[i] != NULL; i++)
    printf ("%s %s| %s\n", path, tag, lines[i]);
}

static gboolean
show_document (const char *file)
{
  const GetterCtor *ctor = find_ctor (file);
  g_autofree gchar *path = g_path_get_basename (file);
  g_autofree gchar *xml = NULL;
  g_autofree gchar *before = NULL;
  g_autofree gchar *after = NULL;
  g_autoptr (GError) error = NULL;
  GVirConfigObject *obj;

  /* A fixture shared with the fuzzer may be for one of our own classes. */
  if (ctor == NULL)
    {
      show_line (path, "new_from_xml", "(no such constructor in libvirt-gconfig 4.0)");
      return TRUE;
    }
  if (!g_file_get_contents (file, &xml, NULL, &error))
    {
      fprintf (stderr, "gconfig-getters: %s\n", error->message);
      return FALSE;
    }
  obj = ctor->new_from_xml (xml, &error);
  if (obj == NULL)
    {
      show_string (path, "new_from_xml.error", error != NULL ? error->message : NULL);
      return TRUE;
    }
  show_line (path, "new_from_xml", G_OBJECT_TYPE_NAME (obj));
  before = gvir_config_object_to_xml (obj);
  show_getters (obj, path, DOCUMENT_DEPTH);
  after = gvir_config_object_to_xml (obj);
  show_line (path, "getters kept the document", g_strcmp0 (before, after) == 0 ? "yes" : "no");
  if (g_strcmp0 (before, after) != 0)
    show_xml (path, "xml before the getters", before);
  show_xml (path, "xml", after);
  g_object_unref (obj);
  return TRUE;
}

int
main (int argc, char **argv)
{
  int status = 0;

  for (int i = 1; i < argc; i++)
    if (!show_document (argv[i]))
      status = 1;
  return status;
}
