/*
 * test-uuid.c: UUIDs in libvirt's textual form
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

#include "libvirt-gobject/util/gvir-uuid-private.h"

#define CANON "6695eb01-f6a4-8304-79aa-97f2502e193f"

static void
check_accepted (const char *text)
{
  char out[GVIR_UUID_STRING_SIZE];

  g_test_message ("accepting '%s'", text);
  g_assert_true (gvir_uuid_canonicalize (text, out));
  g_assert_cmpstr (out, ==, CANON);
}

static void
check_refused (const char *text)
{
  char out[GVIR_UUID_STRING_SIZE] = "untouched";

  g_test_message ("refusing '%s'", text != NULL ? text : "(null)");
  g_assert_false (gvir_uuid_canonicalize (text, out));
  g_assert_cmpstr (out, ==, "untouched");
}

static void
test_canonicalize (void)
{
  check_accepted (CANON);
  check_accepted ("6695EB01-F6A4-8304-79AA-97F2502E193F");
  check_accepted ("6695eb01f6a4830479aa97f2502e193f");
  check_accepted ("  6695eb01-f6a4-8304-79aa-97f2502e193f\n");
  check_accepted ("-6695eb01-f6a4-8304-79aa-97f2502e193f");
  check_accepted ("66-95-eb-01-f6-a4-83-04-79-aa-97-f2-50-2e-19-3f");
  check_accepted ("6695 eb01 f6a4 8304 79aa 97f2 502e 193f");

  check_refused (NULL);
  check_refused ("");
  check_refused ("6695eb01-f6a4-8304-79aa-97f2502e193");       /* 31 digits */
  check_refused ("6695eb01-f6a4-8304-79aa-97f2502e193f0");     /* 33 digits */
  check_refused ("6695eb01-f6a4-8304-79aa-97f2502e193f-");     /* trailing dash */
  check_refused ("6695eb0-1f6a4-8304-79aa-97f2502e193f");      /* dash inside a byte */
  check_refused ("6695eb01-f6a4-8304-79aa-97f2502e193g");
  check_refused ("6695eb01-f6a4-8304-79aa-97f2502e193f x");
}

static void
test_generate (void)
{
  char a[GVIR_UUID_STRING_SIZE], b[GVIR_UUID_STRING_SIZE], again[GVIR_UUID_STRING_SIZE];

  gvir_uuid_generate (a);
  gvir_uuid_generate (b);
  g_assert_cmpuint (strlen (a), ==, 36);
  g_assert_true (gvir_uuid_canonicalize (a, again));
  g_assert_cmpstr (again, ==, a);
  g_assert_cmpstr (a, !=, b);
  /* Version 4, variant 10xx. */
  g_assert_cmpint (a[14], ==, '4');
  g_assert_nonnull (strchr ("89ab", a[19]));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/util/uuid/canonicalize", test_canonicalize);
  g_test_add_func ("/util/uuid/generate", test_generate);
  return g_test_run ();
}
