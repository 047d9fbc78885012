/*
 * libvirt-gconfig-nodeset-private.c: libvirt's nodeset/cpuset syntax
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include "libvirt-gconfig/libvirt-gconfig-error.h"
#include "libvirt-gconfig/libvirt-gconfig-object-private.h"
#include "libvirt-gconfig/libvirt-gconfig-nodeset-private.h"

/* The one implementation of libvirt's nodeset/cpuset grammar in the
 * project: libvirt-gobject's GVirNodeset parses and formats through it
 * (libvirt-gconfig must not depend on libvirt-gobject, so it lives here). */

typedef struct
{
  const char *input;
  const char *what;
  const char *pos;
  guint8 bits[GVIR_CONFIG_NODESET_LIMIT / 8];
} NodesetParser;

static void
parser_skip_spaces (NodesetParser *parser)
{
  while (g_ascii_isspace (*parser->pos))
    parser->pos++;
}

static gboolean
parser_fail (NodesetParser *parser, GError **error, const char *reason)
{
  g_set_error (error, GVIR_CONFIG_ERROR, GVIR_CONFIG_ERROR_INVALID,
               "Invalid %s '%s': %s", parser->what, parser->input, reason);
  return FALSE;
}

static gboolean
parser_read_number (NodesetParser *parser, guint *value, GError **error)
{
  guint64 number = 0;

  parser_skip_spaces (parser);
  if (!g_ascii_isdigit (*parser->pos))
    {
      g_autofree char *reason = *parser->pos == '\0'
        ? g_strdup ("expected a number at the end")
        : g_strdup_printf ("expected a number at offset %d",
                           (int) (parser->pos - parser->input));
      return parser_fail (parser, error, reason);
    }

  while (g_ascii_isdigit (*parser->pos))
    {
      number = number * 10 + (guint64) (*parser->pos - '0');
      if (number >= GVIR_CONFIG_NODESET_LIMIT)
        {
          g_autofree char *reason =
            g_strdup_printf ("ids must be below %d", GVIR_CONFIG_NODESET_LIMIT);
          return parser_fail (parser, error, reason);
        }
      parser->pos++;
    }
  parser_skip_spaces (parser);
  *value = (guint) number;
  return TRUE;
}

static void
parser_set_range (NodesetParser *parser, guint first, guint last, gboolean value)
{
  for (guint id = first; id <= last; id++)
    {
      if (value)
        parser->bits[id / 8] |= (guint8) (1u << (id % 8));
      else
        parser->bits[id / 8] &= (guint8) ~(1u << (id % 8));
    }
}

/* One item: "N", "N-M" or "^N". */
static gboolean
parser_read_item (NodesetParser *parser, GError **error)
{
  gboolean exclude = FALSE;
  guint first, last;

  parser_skip_spaces (parser);
  if (*parser->pos == '^')
    {
      exclude = TRUE;
      parser->pos++;
      /* Like libvirt's virBitmapParse: the number follows '^' directly. */
      if (!g_ascii_isdigit (*parser->pos))
        return parser_fail (parser, error, "'^' must be followed directly by a number");
    }

  if (!parser_read_number (parser, &first, error))
    return FALSE;
  last = first;

  if (*parser->pos == '-')
    {
      if (exclude)
        return parser_fail (parser, error, "'^' must be followed by a single number, not a range");
      parser->pos++;
      if (!parser_read_number (parser, &last, error))
        return FALSE;
      if (last < first)
        {
          g_autofree char *reason =
            g_strdup_printf ("range %u-%u ends before it starts", first, last);
          return parser_fail (parser, error, reason);
        }
    }

  parser_set_range (parser, first, last, !exclude);
  return TRUE;
}

static gboolean
parser_run (NodesetParser *parser, GError **error)
{
  parser_skip_spaces (parser);
  if (*parser->pos == '\0')
    return parser_fail (parser, error, "it is empty");

  for (;;)
    {
      if (!parser_read_item (parser, error))
        return FALSE;

      if (*parser->pos == '\0')
        return TRUE;
      if (*parser->pos != ',')
        {
          g_autofree char *reason =
            g_strdup_printf ("unexpected character '%c' at offset %d",
                             *parser->pos, (int) (parser->pos - parser->input));
          return parser_fail (parser, error, reason);
        }
      parser->pos++;
      parser_skip_spaces (parser);
      /* libvirt tolerates exactly one trailing comma. */
      if (*parser->pos == '\0')
        return TRUE;
    }
}

GArray *
gvir_config_nodeset_parse (const char *text, const char *what, GError **error)
{
  g_autofree NodesetParser *parser = NULL;
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (what != NULL, NULL);

  if (text == NULL)
    {
      g_set_error (error, GVIR_CONFIG_ERROR, GVIR_CONFIG_ERROR_INVALID,
                   "Missing %s", what);
      return NULL;
    }

  parser = g_new0 (NodesetParser, 1);
  parser->input = text;
  parser->what = what;
  parser->pos = text;
  if (!parser_run (parser, error))
    return NULL;

  ids = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint id = 0; id < GVIR_CONFIG_NODESET_LIMIT; id++)
    if (parser->bits[id / 8] & (1u << (id % 8)))
      g_array_append_val (ids, id);
  if (ids->len == 0)
    {
      parser_fail (parser, error, "it names no id");
      return NULL;
    }
  return g_steal_pointer (&ids);
}

char *
gvir_config_nodeset_format (GArray *ids)
{
  GString *out = g_string_new (NULL);
  guint i = 0;

  while (i < ids->len)
    {
      guint first = g_array_index (ids, guint, i);
      guint last = first;

      while (i + 1 < ids->len && g_array_index (ids, guint, i + 1) == last + 1)
        last = g_array_index (ids, guint, ++i);
      i++;
      if (out->len > 0)
        g_string_append_c (out, ',');
      if (last == first)
        g_string_append_printf (out, "%u", first);
      else
        g_string_append_printf (out, "%u-%u", first, last);
    }
  return g_string_free (out, FALSE);
}

char *
gvir_config_nodeset_canonicalize (const char *text, const char *what, GError **error)
{
  g_autoptr(GArray) ids = gvir_config_nodeset_parse (text, what, error);

  return ids ? gvir_config_nodeset_format (ids) : NULL;
}

gboolean
gvir_config_object_set_attribute_nodeset (GVirConfigObject *self,
                                          const char *node_name,
                                          const char *attr,
                                          const char *value,
                                          const char *what,
                                          GError **error)
{
  g_autofree char *canonical = NULL;

  if (value != NULL)
    {
      canonical = gvir_config_nodeset_canonicalize (value, what, error);
      if (canonical == NULL)
        return FALSE;
    }
  gvir_config_object_set_attribute (self, node_name, attr, canonical);
  return TRUE;
}
