/*
 * test-driver-uri.c: connection URI parsing
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

#include "drivers/gvir-driver-private.h"

typedef struct
{
  const char *uri;
  const char *driver;
  const char *transport;
  const char *user;
  const char *host;
  int port;
  const char *path;
  const char *param_name;   /* one parameter to check, or NULL */
  const char *param_value;
  guint n_params;
} GoodUri;

static const GoodUri good_uris[] = {
  { "test:///default", "test", NULL, NULL, NULL, -1, "/default", NULL, NULL, 0 },
  { "test:///tmp/node.xml", "test", NULL, NULL, NULL, -1, "/tmp/node.xml", NULL, NULL, 0 },
  { "TEST:///default", "test", NULL, NULL, NULL, -1, "/default", NULL, NULL, 0 },
  { "test://", "test", NULL, NULL, NULL, -1, "", NULL, NULL, 0 },
  { "qemu:///system", "qemu", NULL, NULL, NULL, -1, "/system", NULL, NULL, 0 },
  { "qemu+unix:///system?socket=/run/x.sock", "qemu", "unix", NULL, NULL, -1, "/system",
    "socket", "/run/x.sock", 1 },
  { "qemu+tcp://example.org:16509/system", "qemu", "tcp", NULL, "example.org", 16509, "/system",
    NULL, NULL, 0 },
  { "qemu+tls://alice@host.example/system?pkipath=/etc/pki&no_verify=1", "qemu", "tls", "alice",
    "host.example", -1, "/system", "no_verify", "1", 2 },
  { "qemu+tcp://[::1]:1234/session", "qemu", "tcp", NULL, "::1", 1234, "/session", NULL, NULL, 0 },
  { "qemu+ssh://bob@[fe80::1]/system", "qemu", "ssh", "bob", "fe80::1", -1, "/system", NULL, NULL, 0 },
  { "test:///with%20space/file.xml", "test", NULL, NULL, NULL, -1, "/with space/file.xml", NULL, NULL, 0 },
  { "test:///default?name=a%26b&flag", "test", NULL, NULL, NULL, -1, "/default", "name", "a&b", 2 },
  { "test:///default?flag", "test", NULL, NULL, NULL, -1, "/default", "flag", "", 1 },
  { "test:///default?a=1&a=2", "test", NULL, NULL, NULL, -1, "/default", "a", "2", 1 },
  { "test:///default?&&x=%C3%A9", "test", NULL, NULL, NULL, -1, "/default", "x", "\xc3\xa9", 1 },
  { "test:///default#frag", "test", NULL, NULL, NULL, -1, "/default", NULL, NULL, 0 },
  { "qemu://u%40x@host:0/", "qemu", NULL, "u@x", "host", 0, "/", NULL, NULL, 0 },
  { "qemu://host:65535", "qemu", NULL, NULL, "host", 65535, "", NULL, NULL, 0 },
  { "a.b-c+d://h/p?q=", "a.b-c", "d", NULL, "h", -1, "/p", "q", "", 1 },
};

static void
test_good (gconstpointer data)
{
  const GoodUri *t = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDriverUri) uri = gvir_driver_uri_parse (t->uri, &error);

  g_assert_no_error (error);
  g_assert_nonnull (uri);
  g_assert_cmpstr (uri->original, ==, t->uri);
  g_assert_cmpstr (uri->driver, ==, t->driver);
  g_assert_cmpstr (uri->transport, ==, t->transport);
  g_assert_cmpstr (uri->user, ==, t->user);
  g_assert_cmpstr (uri->host, ==, t->host);
  g_assert_cmpint (uri->port, ==, t->port);
  g_assert_cmpstr (uri->path, ==, t->path);
  g_assert_cmpuint (g_hash_table_size (uri->params), ==, t->n_params);
  if (t->param_name != NULL)
    g_assert_cmpstr (gvir_driver_uri_get_param (uri, t->param_name), ==, t->param_value);
  g_assert_null (gvir_driver_uri_get_param (uri, "no-such-param"));
}

/* Each bad URI with the reason its error message ends with. */
typedef struct
{
  const char *uri;
  const char *reason;
} BadUri;

static const BadUri bad_uris[] = {
  { "", "the URI is empty" },
  { "default", "no scheme (expected driver://...)" },
  { "/default", "no scheme (expected driver://...)" },
  { ":///default", "no scheme (expected driver://...)" },
  { "test:/default", "missing '://' after the scheme" },
  { "test:default", "missing '://' after the scheme" },
  { "test//default", "no scheme (expected driver://...)" },
  { "1test:///x", "the scheme must start with a letter" },
  { "te st:///default", "it contains a space or a control character (escape it as %XX)" },
  { "test:///def ault", "it contains a space or a control character (escape it as %XX)" },
  { "test:///default\n", "it contains a space or a control character (escape it as %XX)" },
  { "test:///d\xc3\xa9", "it contains a non-ASCII character (escape it as %XX)" },
  { "te$t:///default", "the scheme may only contain letters, digits, '+', '-' and '.'" },
  { "test+:///default", "empty transport after '+' in the scheme" },
  { "test+unix+tls:///default", "the scheme has more than one '+' (expected driver+transport)" },
  { "+unix:///default", "the scheme must start with a letter" },
  { "test:///%", "bad %-escape in the path (expected % followed by two hex digits)" },
  { "test:///%4", "bad %-escape in the path (expected % followed by two hex digits)" },
  { "test:///%zz", "bad %-escape in the path (expected % followed by two hex digits)" },
  { "test:///%00", "the path contains an escaped NUL byte (%00)" },
  { "test:///%ff%fe", "the path does not decode to valid UTF-8" },
  { "test:///default?%=1",
    "bad %-escape in the query parameter name (expected % followed by two hex digits)" },
  { "test:///default?=value", "a query parameter has an empty name" },
  { "test:///default?a=%g1",
    "bad %-escape in the query parameter value (expected % followed by two hex digits)" },
  { "qemu://host:99999/system", "the port must be a number between 0 and 65535" },
  { "qemu://host:-1/system", "the port must be a number between 0 and 65535" },
  { "qemu://host:/system", "empty port after ':'" },
  { "qemu://host:12ab/system", "the port must be a number between 0 and 65535" },
  { "qemu://host:123456789012345678901234567890/system",
    "the port must be a number between 0 and 65535" },
  { "qemu://:80/system", "a port was given without a host" },
  { "qemu://@host/system", "empty user name before '@'" },
  { "qemu://[::1/system", "unterminated or empty IPv6 address in brackets" },
  { "qemu://[]/system", "unterminated or empty IPv6 address in brackets" },
  { "qemu://[::1]x/system", "unexpected characters after the IPv6 address" },
  { "qemu://h%zzst/system",
    "bad %-escape in the host name (expected % followed by two hex digits)" },
  { "qemu://user%/system",
    "bad %-escape in the host name (expected % followed by two hex digits)" },
};

static void
test_bad (gconstpointer data)
{
  const BadUri *t = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDriverUri) uri = gvir_driver_uri_parse (t->uri, &error);
  g_autofree char *ending = g_strconcat ("': ", t->reason, NULL);

  g_assert_null (uri);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_URI);
  g_assert_true (g_str_has_prefix (error->message, "invalid URI '"));
  g_assert_true (g_str_has_suffix (error->message, ending));
}

static void
test_bad_null (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (gvir_driver_uri_parse (NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_URI);
  g_assert_cmpstr (error->message, ==, "invalid URI '': the URI is empty");
}

static void
test_message_quotes_uri (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (gvir_driver_uri_parse ("qemu://host:70000/system", &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_URI);
  g_assert_nonnull (strstr (error->message, "'qemu://host:70000/system'"));
  g_assert_nonnull (strstr (error->message, "port"));
}

static void
test_too_long (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) s = g_string_new ("test:///");
  guint i;

  for (i = 0; i < 70000; i++)
    g_string_append_c (s, 'a');
  g_assert_null (gvir_driver_uri_parse (s->str, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_URI);
  g_assert_cmpstr (error->message, ==, "invalid URI: longer than 65536 bytes");
}

/* Every prefix and every single-byte mutation of a valid URI either
 * parses or gives INVALID_URI: nothing crashes, nothing else happens. */
static void
test_mutations (void)
{
  const char *seed = "qemu+tls://user@[::1]:16514/system?pkipath=/a%20b&x=1#f";
  static const char replacements[] = "%:/@[]?&=#+ \x01\x80" "0aZ";
  gsize len = strlen (seed), i, j;

  for (i = 0; i <= len; i++)
    {
      g_autofree char *prefix = g_strndup (seed, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(GVirDriverUri) uri = gvir_driver_uri_parse (prefix, &error);

      g_assert_true ((uri != NULL) != (error != NULL));
      if (error != NULL)
        g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_URI);
    }

  for (i = 0; i < len; i++)
    for (j = 0; j < sizeof replacements - 1; j++)
      {
        g_autofree char *copy = g_strdup (seed);
        g_autoptr(GError) error = NULL;
        g_autoptr(GVirDriverUri) uri = NULL;

        copy[i] = replacements[j];
        uri = gvir_driver_uri_parse (copy, &error);
        g_assert_true ((uri != NULL) != (error != NULL));
        if (error != NULL)
          g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_URI);
      }
}

int
main (int argc, char **argv)
{
  gsize i;

  g_test_init (&argc, &argv, NULL);

  for (i = 0; i < G_N_ELEMENTS (good_uris); i++)
    {
      g_autofree char *path = g_strdup_printf ("/drivers/uri/good/%" G_GSIZE_FORMAT, i);

      g_test_add_data_func (path, &good_uris[i], test_good);
    }
  for (i = 0; i < G_N_ELEMENTS (bad_uris); i++)
    {
      g_autofree char *path = g_strdup_printf ("/drivers/uri/bad/%" G_GSIZE_FORMAT, i);

      g_test_add_data_func (path, &bad_uris[i], test_bad);
    }
  g_test_add_func ("/drivers/uri/bad/null", test_bad_null);
  g_test_add_func ("/drivers/uri/message-quotes-uri", test_message_quotes_uri);
  g_test_add_func ("/drivers/uri/too-long", test_too_long);
  g_test_add_func ("/drivers/uri/mutations", test_mutations);

  return g_test_run ();
}
