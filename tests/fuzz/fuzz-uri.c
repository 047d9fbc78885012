/*
 * fuzz-uri.c: libFuzzer target for the connection URI parser
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * The input is a URI as a user or a program passes it to
 * gvir_connection_new(). Besides the sanitizers' findings, these abort:
 *   - a failure without a GVIR_ERROR_INVALID_URI error, or a success with
 *     an error;
 *   - a parsed URI that breaks the documented shape (driver present and
 *     lower case, port -1 or 0..65535, path "" or starting with '/',
 *     every string valid UTF-8, a parameter not found by get_param);
 *   - a URI written back from the parsed parts, every byte outside
 *     [A-Za-z0-9] %-escaped, that does not parse to the same parts.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libvirt-gobject/libvirt-gobject-error.h"
#include "libvirt-gobject/drivers/gvir-driver-private.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

G_GNUC_NORETURN static void
fail (const char *what, const char *uri)
{
  g_autofree char *quoted = g_strescape (uri ? uri : "", NULL);

  fprintf (stderr, "fuzz-uri: %s: '%s'\n", what, quoted);
  abort ();
}

static void
check_string (const char *str, gboolean nullable, const GVirDriverUri *uri, const char *what)
{
  if (str == NULL)
    {
      if (!nullable)
        fail (what, uri->original);
      return;
    }
  if (!g_utf8_validate (str, -1, NULL))
    fail (what, uri->original);
}

static void
check_shape (const GVirDriverUri *uri)
{
  GHashTableIter iter;
  gpointer name, value;

  check_string (uri->original, FALSE, uri, "no original string");
  check_string (uri->driver, FALSE, uri, "no driver or not UTF-8");
  check_string (uri->transport, TRUE, uri, "transport not UTF-8");
  check_string (uri->user, TRUE, uri, "user not UTF-8");
  check_string (uri->host, TRUE, uri, "host not UTF-8");
  check_string (uri->path, FALSE, uri, "no path or not UTF-8");
  if (uri->driver[0] == '\0' || !g_ascii_isalpha (uri->driver[0]))
    fail ("the driver does not start with a letter", uri->original);
  for (const char *p = uri->driver; *p; p++)
    if (g_ascii_isupper (*p))
      fail ("the driver is not lower case", uri->original);
  if (uri->transport != NULL && uri->transport[0] == '\0')
    fail ("an empty transport", uri->original);
  if (uri->port < -1 || uri->port > 65535)
    fail ("a port out of range", uri->original);
  if (uri->port != -1 && uri->host == NULL)
    fail ("a port without a host", uri->original);
  if (uri->path[0] != '\0' && uri->path[0] != '/')
    fail ("a path that does not start with '/'", uri->original);
  if (uri->params == NULL)
    fail ("no parameter table", uri->original);

  g_hash_table_iter_init (&iter, uri->params);
  while (g_hash_table_iter_next (&iter, &name, &value))
    {
      check_string (name, FALSE, uri, "a parameter name not UTF-8");
      check_string (value, FALSE, uri, "a parameter value not UTF-8");
      if (((const char *) name)[0] == '\0')
        fail ("a parameter with an empty name", uri->original);
      if (gvir_driver_uri_get_param (uri, name) != value)
        fail ("get_param does not find a parameter", uri->original);
    }
}

/* Appends @str with every byte outside [A-Za-z0-9] (and @keep) escaped. */
static void
append_escaped (GString *out, const char *str, const char *keep)
{
  for (const guchar *p = (const guchar *) str; *p; p++)
    {
      if (g_ascii_isalnum (*p) || (keep != NULL && strchr (keep, *p) != NULL))
        g_string_append_c (out, (char) *p);
      else
        g_string_append_printf (out, "%%%02X", *p);
    }
}

static char *
write_back (const GVirDriverUri *uri)
{
  GString *out = g_string_new (uri->driver);
  GHashTableIter iter;
  gpointer name, value;
  gboolean first = TRUE;

  if (uri->transport != NULL)
    g_string_append_printf (out, "+%s", uri->transport);
  g_string_append (out, "://");
  if (uri->user != NULL)
    {
      append_escaped (out, uri->user, NULL);
      g_string_append_c (out, '@');
    }
  if (uri->host != NULL)
    append_escaped (out, uri->host, NULL);
  if (uri->port != -1)
    g_string_append_printf (out, ":%d", uri->port);
  append_escaped (out, uri->path, "/");

  g_hash_table_iter_init (&iter, uri->params);
  while (g_hash_table_iter_next (&iter, &name, &value))
    {
      g_string_append_c (out, first ? '?' : '&');
      append_escaped (out, name, NULL);
      g_string_append_c (out, '=');
      append_escaped (out, value, NULL);
      first = FALSE;
    }
  return g_string_free (out, FALSE);
}

static gboolean
same_params (GHashTable *a, GHashTable *b)
{
  GHashTableIter iter;
  gpointer name, value;

  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &name, &value))
    if (g_strcmp0 (value, g_hash_table_lookup (b, name)) != 0)
      return FALSE;
  return TRUE;
}

static void
check_write_back (const GVirDriverUri *uri)
{
  g_autofree char *text = write_back (uri);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDriverUri) again = gvir_driver_uri_parse (text, &error);

  if (again == NULL)
    {
      fprintf (stderr, "written back: %s\nerror: %s\n", text, error->message);
      fail ("a URI written back from its parts does not parse", uri->original);
    }
  if (g_strcmp0 (uri->driver, again->driver) != 0 ||
      g_strcmp0 (uri->transport, again->transport) != 0 ||
      g_strcmp0 (uri->user, again->user) != 0 ||
      g_strcmp0 (uri->host, again->host) != 0 ||
      uri->port != again->port ||
      g_strcmp0 (uri->path, again->path) != 0 ||
      !same_params (uri->params, again->params))
    {
      fprintf (stderr, "written back: %s\n", text);
      fail ("a URI written back from its parts parses to other parts", uri->original);
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDriverUri) uri = gvir_driver_uri_parse (text, &error);

  if (uri == NULL)
    {
      if (error == NULL || !g_error_matches (error, GVIR_ERROR, GVIR_ERROR_INVALID_URI))
        fail ("a refusal without a GVIR_ERROR_INVALID_URI error", text);
      return 0;
    }
  if (error != NULL)
    fail ("a success with an error", text);
  if (strcmp (uri->original, text) != 0)
    fail ("the original string differs from the input", text);

  check_shape (uri);
  check_write_back (uri);
  return 0;
}
