/*
 * fuzz-gconfig.c: libFuzzer target for every libvirt-gconfig constructor
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * The input's first byte chooses a gvir_config_*_new_from_xml
 * constructor; the rest is the XML given to it. A parsed object then goes
 * through every getter of its class and parent classes, recursively
 * through the objects and lists they return, and through
 * gvir_config_object_to_xml(). The call table is generated from the
 * public headers (gen-gconfig-table.py).
 *
 * Besides the sanitizers' findings, these abort:
 *   - a constructor that returns NULL without a GError, or an object with one;
 *   - a string from a getter that is not valid UTF-8 (bindings take it as is);
 *   - to_xml() output that its own constructor refuses, or that does not
 *     come back unchanged from a second parse and write.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-gconfig-table.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

/* Objects returned by getters are followed this many levels down: a
 * domain, its devices, their addresses and sources. */
#define FUZZ_DEPTH 3

static volatile guint64 sink;

G_GNUC_NORETURN static void
fail (const char *what, const char *detail)
{
  fprintf (stderr, "fuzz-gconfig: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
  abort ();
}

void
fuzz_sink_value (guint64 value)
{
  sink ^= value;
}

void
fuzz_touch_string (const gchar *str)
{
  if (str == NULL)
    return;
  if (!g_utf8_validate (str, -1, NULL))
    fail ("a getter returned a string that is not valid UTF-8", NULL);
  sink ^= strlen (str);
}

void
fuzz_consume_string (gchar *str)
{
  fuzz_touch_string (str);
  g_free (str);
}

void
fuzz_touch_strv (gchar **strv)
{
  for (gsize i = 0; strv != NULL && strv[i] != NULL; i++)
    fuzz_touch_string (strv[i]);
}

void
fuzz_consume_strv (gchar **strv)
{
  fuzz_touch_strv (strv);
  g_strfreev (strv);
}

void
fuzz_consume_memory (gpointer mem, gsize size)
{
  const guint8 *bytes = mem;

  for (gsize i = 0; i < size; i++)
    sink ^= bytes[i];
  g_free (mem);
}

void
fuzz_consume_object (GVirConfigObject *obj, guint depth, gboolean owned)
{
  if (obj == NULL)
    return;
  if (!GVIR_CONFIG_IS_OBJECT (obj))
    fail ("a getter returned something that is not a GVirConfigObject", G_OBJECT_TYPE_NAME (obj));
  if (depth > 0)
    fuzz_gconfig_exercise (obj, depth - 1);
  if (owned)
    g_object_unref (obj);
}

void
fuzz_consume_object_list (GList *list, guint depth, gboolean owned_list, gboolean owned_elements)
{
  for (GList *l = list; l != NULL; l = l->next)
    fuzz_consume_object (l->data, depth, owned_elements);
  if (owned_list)
    g_list_free (list);
}

void
fuzz_consume_list (GList *list, gboolean owned)
{
  for (GList *l = list; l != NULL; l = l->next)
    sink ^= GPOINTER_TO_SIZE (l->data);
  if (owned)
    g_list_free (list);
}

/* The GTypes of fuzz_gconfig_classes[], looked up once. */
static GType *
class_types (void)
{
  static GType *types;

  if (types == NULL)
    {
      types = g_new (GType, fuzz_gconfig_n_classes);
      for (gsize i = 0; i < fuzz_gconfig_n_classes; i++)
        types[i] = fuzz_gconfig_classes[i].get_type ();
    }
  return types;
}

void
fuzz_gconfig_exercise (GVirConfigObject *obj, guint depth)
{
  GType *types = class_types ();

  for (GType t = G_OBJECT_TYPE (obj); t != G_TYPE_OBJECT; t = g_type_parent (t))
    for (gsize i = 0; i < fuzz_gconfig_n_classes; i++)
      if (types[i] == t)
        fuzz_gconfig_classes[i].exercise (obj, depth);

  fuzz_consume_string (gvir_config_object_to_xml (obj));
}

static GVirConfigObject *
construct (const FuzzGConfigCtor *ctor, const gchar *xml)
{
  GError *error = NULL;
  GVirConfigObject *obj = ctor->new_from_xml (xml, &error);

  if (obj == NULL && (error == NULL || error->message == NULL || error->message[0] == '\0'))
    fail ("a constructor returned NULL without an error message", ctor->name);
  if (obj != NULL && error != NULL)
    fail ("a constructor returned an object and set an error", ctor->name);
  g_clear_error (&error);
  return obj;
}

/* What to_xml() writes, its own constructor must read back, and writing
 * that again must give the same text. */
static void
check_round_trip (const FuzzGConfigCtor *ctor, GVirConfigObject *obj)
{
  g_autofree gchar *first = gvir_config_object_to_xml (obj);
  g_autofree gchar *second = NULL;
  GVirConfigObject *again;

  again = construct (ctor, first);
  if (again == NULL)
    fail ("to_xml() wrote a document that its constructor refuses", ctor->name);
  second = gvir_config_object_to_xml (again);
  g_object_unref (again);
  if (g_strcmp0 (first, second) != 0)
    {
      fprintf (stderr, "first write:\n%s\nsecond write:\n%s\n", first, second);
      fail ("to_xml() of a re-parsed document differs from the first", ctor->name);
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  const FuzzGConfigCtor *ctor;
  g_autofree gchar *xml = NULL;
  GVirConfigObject *obj;

  if (size < 1)
    return 0;
  ctor = &fuzz_gconfig_ctors[data[0] % fuzz_gconfig_n_ctors];
  xml = g_strndup ((const gchar *) data + 1, size - 1);

  obj = construct (ctor, xml);
  if (obj == NULL)
    return 0;
  fuzz_gconfig_exercise (obj, FUZZ_DEPTH);
  check_round_trip (ctor, obj);
  g_object_unref (obj);
  return 0;
}
