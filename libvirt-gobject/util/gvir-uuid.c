/*
 * gvir-uuid.c: domain UUIDs in libvirt's textual form
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

#include "gvir-uuid-private.h"

static void
format_nibbles (const guint8 nibbles[32],
                char         out[GVIR_UUID_STRING_SIZE])
{
  int i, o = 0;

  for (i = 0; i < 32; i++)
    {
      if (i == 8 || i == 12 || i == 16 || i == 20)
        out[o++] = '-';
      out[o++] = "0123456789abcdef"[nibbles[i]];
    }
  out[o] = '\0';
}

gboolean
gvir_uuid_canonicalize (const char *text,
                        char        out[GVIR_UUID_STRING_SIZE])
{
  guint8 nibbles[32];
  const char *p = text;
  int n = 0;

  if (text == NULL)
    return FALSE;
  while (g_ascii_isspace (*p))
    p++;
  /* libvirt's rule: 16 bytes of two hex digits each; dashes and blanks
   * may come before any byte, never inside one. */
  while (n < 32)
    {
      if (*p == '-' || *p == ' ')
        {
          p++;
          continue;
        }
      if (!g_ascii_isxdigit (p[0]) || !g_ascii_isxdigit (p[1]))
        return FALSE;
      nibbles[n++] = g_ascii_xdigit_value (p[0]);
      nibbles[n++] = g_ascii_xdigit_value (p[1]);
      p += 2;
    }
  while (g_ascii_isspace (*p))
    p++;
  if (*p != '\0')
    return FALSE;
  format_nibbles (nibbles, out);
  return TRUE;
}

void
gvir_uuid_generate (char out[GVIR_UUID_STRING_SIZE])
{
  guint8 nibbles[32];
  int i;

  for (i = 0; i < 32; i++)
    nibbles[i] = g_random_int_range (0, 16);
  /* Version 4, variant 10xx (RFC 4122). */
  nibbles[12] = 4;
  nibbles[16] = 8 | (nibbles[16] & 3);
  format_nibbles (nibbles, out);
}
