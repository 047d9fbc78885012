/*
 * gvir-driver-uri.c: parsing of connection URIs
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

#include "gvir-driver-private.h"

/*
 * Grammar accepted: driver[+transport]://[user@][host][:port]/path[?params][#fragment]
 *
 * The parser works on the raw bytes and never trusts the input: every
 * failure is a GVIR_ERROR_INVALID_URI that quotes the (escaped) URI, so a
 * user can see which of their strings was wrong.
 */

#define GVIR_URI_MAX_LENGTH (64 * 1024)

static void
uri_fail (GError     **error,
          const char  *uri,
          const char  *reason)
{
  g_autofree char *quoted = g_strescape (uri, NULL);

  g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_URI,
               "invalid URI '%s': %s", quoted, reason);
}

/* Returns the %-decoded copy of @len bytes at @s, or NULL after setting
 * @error. Decoded NUL bytes and invalid UTF-8 are refused because every
 * consumer treats these strings as C strings. */
static char *
uri_unescape (const char  *uri,
              const char  *s,
              gsize        len,
              const char  *what,
              GError     **error)
{
  g_autoptr(GString) out = g_string_sized_new (len);
  gsize i;

  for (i = 0; i < len; i++)
    {
      int hi, lo;

      if (s[i] != '%')
        {
          g_string_append_c (out, s[i]);
          continue;
        }

      hi = i + 1 < len ? g_ascii_xdigit_value (s[i + 1]) : -1;
      lo = i + 2 < len ? g_ascii_xdigit_value (s[i + 2]) : -1;
      if (hi < 0 || lo < 0)
        {
          g_autofree char *msg =
            g_strdup_printf ("bad %%-escape in the %s (expected %% followed by two hex digits)", what);
          uri_fail (error, uri, msg);
          return NULL;
        }
      if (hi == 0 && lo == 0)
        {
          g_autofree char *msg = g_strdup_printf ("the %s contains an escaped NUL byte (%%00)", what);
          uri_fail (error, uri, msg);
          return NULL;
        }
      g_string_append_c (out, (char) (hi * 16 + lo));
      i += 2;
    }

  if (!g_utf8_validate (out->str, out->len, NULL))
    {
      g_autofree char *msg = g_strdup_printf ("the %s does not decode to valid UTF-8", what);
      uri_fail (error, uri, msg);
      return NULL;
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
uri_check_characters (const char  *uri,
                      GError     **error)
{
  const char *p;

  if (strlen (uri) > GVIR_URI_MAX_LENGTH)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_URI,
                   "invalid URI: longer than %d bytes", GVIR_URI_MAX_LENGTH);
      return FALSE;
    }

  for (p = uri; *p; p++)
    {
      guchar c = (guchar) *p;

      if (c <= 0x20 || c == 0x7f)
        {
          uri_fail (error, uri, "it contains a space or a control character (escape it as %XX)");
          return FALSE;
        }
      if (c >= 0x80)
        {
          uri_fail (error, uri, "it contains a non-ASCII character (escape it as %XX)");
          return FALSE;
        }
    }

  return TRUE;
}

/* Splits "driver[+transport]" and checks RFC 3986 scheme characters. */
static gboolean
uri_parse_scheme (GVirDriverUri  *parsed,
                  const char     *scheme,
                  gsize           len,
                  GError        **error)
{
  const char *uri = parsed->original;
  g_autofree char *lower = g_ascii_strdown (scheme, len);
  char *plus;
  gsize i;

  if (!g_ascii_isalpha (lower[0]))
    {
      uri_fail (error, uri, "the scheme must start with a letter");
      return FALSE;
    }
  for (i = 0; i < len; i++)
    {
      if (!g_ascii_isalnum (lower[i]) && lower[i] != '+' && lower[i] != '-' && lower[i] != '.')
        {
          uri_fail (error, uri, "the scheme may only contain letters, digits, '+', '-' and '.'");
          return FALSE;
        }
    }

  plus = strchr (lower, '+');
  if (plus == NULL)
    {
      parsed->driver = g_steal_pointer (&lower);
      return TRUE;
    }
  if (strchr (plus + 1, '+') != NULL)
    {
      uri_fail (error, uri, "the scheme has more than one '+' (expected driver+transport)");
      return FALSE;
    }
  if (plus[1] == '\0')
    {
      uri_fail (error, uri, "empty transport after '+' in the scheme");
      return FALSE;
    }

  parsed->transport = g_strdup (plus + 1);
  parsed->driver = g_strndup (lower, plus - lower);
  return TRUE;
}

static gboolean
uri_parse_port (GVirDriverUri  *parsed,
                const char     *s,
                gsize           len,
                GError        **error)
{
  int port = 0;
  gsize i;

  if (len == 0)
    {
      uri_fail (error, parsed->original, "empty port after ':'");
      return FALSE;
    }
  for (i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (s[i]) || port > 65535)
        break;
      port = port * 10 + (s[i] - '0');
    }
  if (i < len || port > 65535)
    {
      uri_fail (error, parsed->original, "the port must be a number between 0 and 65535");
      return FALSE;
    }

  parsed->port = port;
  return TRUE;
}

/* "[user@]host[:port]" or "[user@][v6addr][:port]"; @len may be 0. */
static gboolean
uri_parse_authority (GVirDriverUri  *parsed,
                     const char     *auth,
                     gsize           len,
                     GError        **error)
{
  const char *uri = parsed->original;
  const char *end = auth + len;
  const char *at = NULL;
  const char *host, *host_end, *p;

  for (p = auth; p < end; p++)
    if (*p == '@')
      at = p;

  if (at != NULL)
    {
      if (at == auth)
        {
          uri_fail (error, uri, "empty user name before '@'");
          return FALSE;
        }
      parsed->user = uri_unescape (uri, auth, at - auth, "user name", error);
      if (parsed->user == NULL)
        return FALSE;
      auth = at + 1;
    }

  if (auth < end && *auth == '[')
    {
      host = auth + 1;
      host_end = memchr (host, ']', end - host);
      if (host_end == NULL || host_end == host)
        {
          uri_fail (error, uri, "unterminated or empty IPv6 address in brackets");
          return FALSE;
        }
      p = host_end + 1;
      if (p < end && *p != ':')
        {
          uri_fail (error, uri, "unexpected characters after the IPv6 address");
          return FALSE;
        }
    }
  else
    {
      host = auth;
      host_end = memchr (host, ':', end - host);
      if (host_end == NULL)
        host_end = end;
      p = host_end;
    }

  if (host_end > host)
    {
      parsed->host = uri_unescape (uri, host, host_end - host, "host name", error);
      if (parsed->host == NULL)
        return FALSE;
    }

  if (p < end)
    {
      if (parsed->host == NULL)
        {
          uri_fail (error, uri, "a port was given without a host");
          return FALSE;
        }
      return uri_parse_port (parsed, p + 1, end - p - 1, error);
    }

  return TRUE;
}

/* "a=1&b=2": names and values are %-decoded; a later duplicate wins. */
static gboolean
uri_parse_params (GVirDriverUri  *parsed,
                  const char     *query,
                  gsize           len,
                  GError        **error)
{
  const char *uri = parsed->original;
  const char *end = query + len;
  const char *p = query;

  while (p < end)
    {
      const char *amp = memchr (p, '&', end - p);
      const char *item_end = amp ? amp : end;
      const char *eq = memchr (p, '=', item_end - p);
      const char *name_end = eq ? eq : item_end;
      g_autofree char *name = NULL;
      g_autofree char *value = NULL;

      if (item_end == p)
        {
          p = item_end + 1;
          continue;
        }
      if (name_end == p)
        {
          uri_fail (error, uri, "a query parameter has an empty name");
          return FALSE;
        }

      name = uri_unescape (uri, p, name_end - p, "query parameter name", error);
      if (name == NULL)
        return FALSE;
      value = eq ? uri_unescape (uri, eq + 1, item_end - eq - 1, "query parameter value", error)
                 : g_strdup ("");
      if (value == NULL)
        return FALSE;

      g_hash_table_replace (parsed->params, g_steal_pointer (&name), g_steal_pointer (&value));
      p = item_end + 1;
    }

  return TRUE;
}

/**
 * gvir_driver_uri_parse:
 * @uri: a connection URI
 * @error: return location for a #GError
 *
 * Parses driver[+transport]://[user@][host][:port]/path[?params].
 *
 * Returns: (transfer full) (nullable): the parsed URI, or %NULL with
 * @error set to %GVIR_ERROR_INVALID_URI.
 */
GVirDriverUri *
gvir_driver_uri_parse (const char  *uri,
                       GError     **error)
{
  g_autoptr(GVirDriverUri) parsed = NULL;
  const char *colon, *rest, *auth_end, *path_end, *query_end;

  if (uri == NULL || *uri == '\0')
    {
      g_set_error_literal (error, GVIR_ERROR, GVIR_ERROR_INVALID_URI,
                           "invalid URI '': the URI is empty");
      return NULL;
    }
  if (!uri_check_characters (uri, error))
    return NULL;

  parsed = g_new0 (GVirDriverUri, 1);
  parsed->original = g_strdup (uri);
  parsed->port = -1;
  parsed->params = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  colon = strchr (uri, ':');
  if (colon == NULL || colon == uri)
    {
      uri_fail (error, uri, "no scheme (expected driver://...)");
      return NULL;
    }
  if (!uri_parse_scheme (parsed, uri, colon - uri, error))
    return NULL;
  if (strncmp (colon, "://", 3) != 0)
    {
      uri_fail (error, uri, "missing '://' after the scheme");
      return NULL;
    }

  rest = colon + 3;
  auth_end = rest + strcspn (rest, "/?#");
  if (!uri_parse_authority (parsed, rest, auth_end - rest, error))
    return NULL;

  path_end = auth_end + strcspn (auth_end, "?#");
  parsed->path = uri_unescape (uri, auth_end, path_end - auth_end, "path", error);
  if (parsed->path == NULL)
    return NULL;

  /* A fragment means nothing to any driver; it is accepted and dropped. */
  if (*path_end == '?')
    {
      query_end = path_end + 1 + strcspn (path_end + 1, "#");
      if (!uri_parse_params (parsed, path_end + 1, query_end - path_end - 1, error))
        return NULL;
    }

  return g_steal_pointer (&parsed);
}

/**
 * gvir_driver_uri_free:
 * @uri: (nullable): a parsed URI
 *
 * Frees @uri and everything it holds.
 */
void
gvir_driver_uri_free (GVirDriverUri *uri)
{
  if (uri == NULL)
    return;

  g_free (uri->original);
  g_free (uri->driver);
  g_free (uri->transport);
  g_free (uri->user);
  g_free (uri->host);
  g_free (uri->path);
  g_clear_pointer (&uri->params, g_hash_table_unref);
  g_free (uri);
}

/**
 * gvir_driver_uri_get_param:
 * @uri: a parsed URI
 * @name: an unescaped parameter name
 *
 * Looks up a query parameter.
 *
 * Returns: (nullable): the unescaped value, or %NULL when absent
 */
const char *
gvir_driver_uri_get_param (const GVirDriverUri *uri,
                           const char          *name)
{
  g_return_val_if_fail (uri != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return g_hash_table_lookup (uri->params, name);
}
