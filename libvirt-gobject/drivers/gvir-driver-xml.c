/*
 * gvir-driver-xml.c: XML text as libvirt writes it
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

#include "gvir-driver-xml-private.h"

/* Appends @c of a value or text, escaped as libvirt escapes quotes. */
static void
append_quote_escaped (GString *out,
                      char     c)
{
  if (c == '\'')
    g_string_append (out, "&apos;");
  else if (c == '"')
    g_string_append (out, "&quot;");
  else
    g_string_append_c (out, c);
}

/* Copies the markup at @p that ends with @end (a comment, CDATA or a
 * processing instruction) unchanged; returns what follows it. */
static const char *
copy_until (GString    *out,
            const char *p,
            const char *end)
{
  const char *stop = strstr (p, end);
  gsize len = stop != NULL ? (gsize) (stop - p) + strlen (end) : strlen (p);

  g_string_append_len (out, p, len);
  return p + len;
}

/* Copies the tag at @p ("<name attr="v" ...>" or a closing tag) with its
 * values in single quotes; returns what follows it. */
static const char *
copy_tag (GString    *out,
          const char *p)
{
  char quote = 0;

  for (; *p != '\0'; p++)
    {
      if (quote != 0)
        {
          if (*p == quote)
            {
              g_string_append_c (out, '\'');
              quote = 0;
            }
          else
            append_quote_escaped (out, *p);
          continue;
        }
      if (*p == '"' || *p == '\'')
        {
          quote = *p;
          g_string_append_c (out, '\'');
          continue;
        }
      g_string_append_c (out, *p);
      if (*p == '>')
        return p + 1;
    }
  return p;
}

char *
gvir_driver_xml_libvirt_style (const char *xml)
{
  GString *out = g_string_sized_new (strlen (xml) + 64);
  const char *p = xml;

  while (*p != '\0')
    {
      if (g_str_has_prefix (p, "<!--"))
        p = copy_until (out, p, "-->");
      else if (g_str_has_prefix (p, "<![CDATA["))
        p = copy_until (out, p, "]]>");
      else if (g_str_has_prefix (p, "<?"))
        p = copy_until (out, p, "?>");
      else if (*p == '<')
        p = copy_tag (out, p);
      else
        append_quote_escaped (out, *p++);
    }
  if (out->len == 0 || out->str[out->len - 1] != '\n')
    g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

char *
gvir_driver_xml_format_object (GVirConfigObject *object)
{
  g_autofree char *xml = gvir_config_object_to_xml (object);

  return gvir_driver_xml_libvirt_style (xml);
}
