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

/* libvirt-gconfig must not depend on libvirt-gobject, so this is a small
 * copy of the grammar GVirNodeset implements there. */

static void
skip_spaces (const char **p)
{
  while (g_ascii_isspace (**p))
    (*p)++;
}

static gboolean
parse_number (const char **p, guint *value)
{
  guint64 n = 0;

  skip_spaces (p);
  if (!g_ascii_isdigit (**p))
    return FALSE;
  while (g_ascii_isdigit (**p))
    {
      n = n * 10 + (guint) (**p - '0');
      if (n >= GVIR_CONFIG_NODESET_LIMIT)
        return FALSE;
      (*p)++;
    }
  skip_spaces (p);
  *value = (guint) n;
  return TRUE;
}

/* One item: "N", "N-M" (M >= N) or "^N", applied to @bits. */
static gboolean
parse_item (const char **p, guint8 *bits)
{
  gboolean clear = FALSE;
  guint first, last;

  skip_spaces (p);
  if (**p == '^')
    {
      clear = TRUE;
      (*p)++;
    }
  if (!parse_number (p, &first))
    return FALSE;
  last = first;
  if (!clear && **p == '-')
    {
      (*p)++;
      if (!parse_number (p, &last) || last < first)
        return FALSE;
    }
  for (guint i = first; i <= last; i++)
    bits[i] = !clear;
  return TRUE;
}

static gboolean
parse_bits (const char *text, guint8 *bits)
{
  const char *p = text;

  if (!parse_item (&p, bits))
    return FALSE;
  while (*p == ',')
    {
      p++;
      skip_spaces (&p);
      /* libvirt tolerates one trailing comma. */
      if (*p == '\0')
        return TRUE;
      if (!parse_item (&p, bits))
        return FALSE;
    }
  return *p == '\0';
}

GArray *
gvir_config_nodeset_parse (const char *text, const char *what, GError **error)
{
  g_autofree guint8 *bits = NULL;
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (what != NULL, NULL);

  if (text == NULL)
    {
      g_set_error (error, GVIR_CONFIG_ERROR, GVIR_CONFIG_ERROR_INVALID,
                   "Missing %s", what);
      return NULL;
    }
  bits = g_malloc0 (GVIR_CONFIG_NODESET_LIMIT);
  if (!parse_bits (text, bits))
    {
      g_set_error (error, GVIR_CONFIG_ERROR, GVIR_CONFIG_ERROR_INVALID,
                   "Invalid %s '%s': expected ids below %d such as '0-3,^2,5'",
                   what, text, GVIR_CONFIG_NODESET_LIMIT);
      return NULL;
    }
  ids = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < GVIR_CONFIG_NODESET_LIMIT; i++)
    if (bits[i])
      g_array_append_val (ids, i);
  if (ids->len == 0)
    {
      g_set_error (error, GVIR_CONFIG_ERROR, GVIR_CONFIG_ERROR_INVALID,
                   "Invalid %s '%s': it names no id", what, text);
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
