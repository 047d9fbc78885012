/*
 * gvir-rpc-xdr.c: XDR (RFC 4506) encoding and bounded decoding
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

#include "gvir-rpc-xdr-private.h"
#include "libvirt-gobject/libvirt-gobject-error.h"

static const guint8 zero_pad[4] = { 0, 0, 0, 0 };

static gsize
pad_of (gsize len)
{
  return (4 - (len & 3)) & 3;
}

/* ---- encoding ----------------------------------------------------------- */

void
gvir_xdr_put_u32 (GByteArray *buf,
                  guint32     value)
{
  guint32 be = GUINT32_TO_BE (value);

  g_byte_array_append (buf, (const guint8 *) &be, 4);
}

void
gvir_xdr_put_i32 (GByteArray *buf,
                  gint32      value)
{
  gvir_xdr_put_u32 (buf, (guint32) value);
}

void
gvir_xdr_put_u64 (GByteArray *buf,
                  guint64     value)
{
  guint64 be = GUINT64_TO_BE (value);

  g_byte_array_append (buf, (const guint8 *) &be, 8);
}

void
gvir_xdr_put_i64 (GByteArray *buf,
                  gint64      value)
{
  gvir_xdr_put_u64 (buf, (guint64) value);
}

void
gvir_xdr_put_double (GByteArray *buf,
                     double      value)
{
  guint64 bits;

  G_STATIC_ASSERT (sizeof bits == sizeof value);
  memcpy (&bits, &value, sizeof bits);
  gvir_xdr_put_u64 (buf, bits);
}

void
gvir_xdr_put_bool (GByteArray *buf,
                   gboolean    value)
{
  gvir_xdr_put_u32 (buf, value ? 1 : 0);
}

void
gvir_xdr_put_opaque_fixed (GByteArray   *buf,
                           const guint8 *data,
                           gsize         len)
{
  if (len > 0)
    g_byte_array_append (buf, data, len);
  g_byte_array_append (buf, zero_pad, pad_of (len));
}

void
gvir_xdr_put_opaque (GByteArray   *buf,
                     const guint8 *data,
                     gsize         len)
{
  g_return_if_fail (len <= G_MAXUINT32);

  gvir_xdr_put_u32 (buf, (guint32) len);
  gvir_xdr_put_opaque_fixed (buf, data, len);
}

void
gvir_xdr_put_string (GByteArray *buf,
                     const char *str)
{
  g_return_if_fail (str != NULL);

  gvir_xdr_put_opaque (buf, (const guint8 *) str, strlen (str));
}

void
gvir_xdr_put_opt_string (GByteArray *buf,
                         const char *str)
{
  gvir_xdr_put_bool (buf, str != NULL);
  if (str != NULL)
    gvir_xdr_put_string (buf, str);
}

/* ---- decoding ----------------------------------------------------------- */

void
gvir_xdr_reader_init (GVirXdrReader *reader,
                      const guint8  *data,
                      gsize          len)
{
  reader->data = data;
  reader->len = len;
  reader->pos = 0;
}

gsize
gvir_xdr_reader_remaining (const GVirXdrReader *reader)
{
  return reader->len - reader->pos;
}

gboolean
gvir_xdr_reader_finish (const GVirXdrReader  *reader,
                        const char           *what,
                        GError              **error)
{
  if (reader->pos == reader->len)
    return TRUE;

  g_set_error (error, GVIR_ERROR, GVIR_ERROR_PROTOCOL,
               "malformed %s: %" G_GSIZE_FORMAT " unexpected trailing bytes",
               what, gvir_xdr_reader_remaining (reader));
  return FALSE;
}

/* Reserves @len bytes and returns where they start. */
static const guint8 *
take (GVirXdrReader  *reader,
      gsize           len,
      GError        **error)
{
  const guint8 *start;

  if (len > gvir_xdr_reader_remaining (reader))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_PROTOCOL,
                   "truncated message: %" G_GSIZE_FORMAT " bytes needed at offset %"
                   G_GSIZE_FORMAT ", %" G_GSIZE_FORMAT " left",
                   len, reader->pos, gvir_xdr_reader_remaining (reader));
      return NULL;
    }
  start = reader->data + reader->pos;
  reader->pos += len;
  return start;
}

gboolean
gvir_xdr_get_u32 (GVirXdrReader  *reader,
                  guint32        *value,
                  GError        **error)
{
  const guint8 *p = take (reader, 4, error);

  if (p == NULL)
    return FALSE;
  *value = ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
  return TRUE;
}

gboolean
gvir_xdr_get_i32 (GVirXdrReader  *reader,
                  gint32         *value,
                  GError        **error)
{
  guint32 u;

  if (!gvir_xdr_get_u32 (reader, &u, error))
    return FALSE;
  *value = (gint32) u;
  return TRUE;
}

gboolean
gvir_xdr_get_u64 (GVirXdrReader  *reader,
                  guint64        *value,
                  GError        **error)
{
  /* Initialised only because GCC at -O3 cannot see that both reads succeed
   * once 8 bytes are known to remain. */
  guint32 hi = 0, lo = 0;

  if (gvir_xdr_reader_remaining (reader) < 8)
    return take (reader, 8, error) != NULL;
  gvir_xdr_get_u32 (reader, &hi, NULL);
  gvir_xdr_get_u32 (reader, &lo, NULL);
  *value = ((guint64) hi << 32) | lo;
  return TRUE;
}

gboolean
gvir_xdr_get_i64 (GVirXdrReader  *reader,
                  gint64         *value,
                  GError        **error)
{
  guint64 u;

  if (!gvir_xdr_get_u64 (reader, &u, error))
    return FALSE;
  *value = (gint64) u;
  return TRUE;
}

gboolean
gvir_xdr_get_double (GVirXdrReader  *reader,
                     double         *value,
                     GError        **error)
{
  guint64 bits;

  if (!gvir_xdr_get_u64 (reader, &bits, error))
    return FALSE;
  memcpy (value, &bits, sizeof *value);
  return TRUE;
}

gboolean
gvir_xdr_get_bool (GVirXdrReader  *reader,
                   gboolean       *value,
                   GError        **error)
{
  guint32 u;

  if (!gvir_xdr_get_u32 (reader, &u, error))
    return FALSE;
  if (u > 1)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_PROTOCOL,
                   "malformed message: boolean value %u at offset %" G_GSIZE_FORMAT,
                   u, reader->pos - 4);
      return FALSE;
    }
  *value = u == 1;
  return TRUE;
}

gboolean
gvir_xdr_get_present (GVirXdrReader  *reader,
                      gboolean       *present,
                      GError        **error)
{
  return gvir_xdr_get_bool (reader, present, error);
}

gboolean
gvir_xdr_get_opaque_fixed (GVirXdrReader  *reader,
                           guint8         *out,
                           gsize           len,
                           GError        **error)
{
  const guint8 *p = take (reader, len + pad_of (len), error);

  if (p == NULL)
    return FALSE;
  if (len > 0)
    memcpy (out, p, len);
  return TRUE;
}

gboolean
gvir_xdr_get_opaque (GVirXdrReader  *reader,
                     guint32         max,
                     const guint8  **data,
                     guint32        *len,
                     GError        **error)
{
  guint32 n;
  const guint8 *p;

  if (!gvir_xdr_get_u32 (reader, &n, error))
    return FALSE;
  if (n > max)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_PROTOCOL,
                   "malformed message: length %u exceeds the limit of %u", n, max);
      return FALSE;
    }
  p = take (reader, (gsize) n + pad_of (n), error);
  if (p == NULL)
    return FALSE;
  *data = p;
  *len = n;
  return TRUE;
}

gboolean
gvir_xdr_get_string (GVirXdrReader  *reader,
                     guint32         max,
                     char          **out,
                     GError        **error)
{
  const guint8 *data;
  guint32 len;

  if (!gvir_xdr_get_opaque (reader, max, &data, &len, error))
    return FALSE;
  if (len > 0 && memchr (data, '\0', len) != NULL)
    {
      g_set_error_literal (error, GVIR_ERROR, GVIR_ERROR_PROTOCOL,
                           "malformed message: string contains a NUL byte");
      return FALSE;
    }
  *out = g_strndup ((const char *) data, len);
  return TRUE;
}

gboolean
gvir_xdr_get_opt_string (GVirXdrReader  *reader,
                         guint32         max,
                         char          **out,
                         GError        **error)
{
  gboolean present;

  if (!gvir_xdr_get_present (reader, &present, error))
    return FALSE;
  if (!present)
    {
      *out = NULL;
      return TRUE;
    }
  return gvir_xdr_get_string (reader, max, out, error);
}

gboolean
gvir_xdr_get_array_count (GVirXdrReader  *reader,
                          guint32         max,
                          gsize           min_element_size,
                          guint32        *count,
                          GError        **error)
{
  guint32 n;

  if (!gvir_xdr_get_u32 (reader, &n, error))
    return FALSE;
  if (n > max)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_PROTOCOL,
                   "malformed message: %u array elements exceed the limit of %u", n, max);
      return FALSE;
    }
  if (min_element_size > 0 && n > gvir_xdr_reader_remaining (reader) / min_element_size)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_PROTOCOL,
                   "truncated message: %u array elements cannot fit in %" G_GSIZE_FORMAT
                   " remaining bytes", n, gvir_xdr_reader_remaining (reader));
      return FALSE;
    }
  *count = n;
  return TRUE;
}
