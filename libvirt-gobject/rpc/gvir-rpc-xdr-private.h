/*
 * gvir-rpc-xdr-private.h: XDR (RFC 4506) encoding and bounded decoding
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Internal: never installed, never in a GIR.
 *
 * Encoders append to a GByteArray and cannot fail. Decoders read from a
 * GVirXdrReader over borrowed bytes; every length and count is checked
 * against both its protocol limit and the bytes left before anything is
 * allocated, and every failure is a GVIR_ERROR_PROTOCOL GError.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* ---- encoding ----------------------------------------------------------- */

void gvir_xdr_put_u32 (GByteArray *buf, guint32 value);
void gvir_xdr_put_i32 (GByteArray *buf, gint32 value);
void gvir_xdr_put_u64 (GByteArray *buf, guint64 value);
void gvir_xdr_put_i64 (GByteArray *buf, gint64 value);
void gvir_xdr_put_double (GByteArray *buf, double value);
void gvir_xdr_put_bool (GByteArray *buf, gboolean value);
/* opaque[N]: the bytes and zero padding to a multiple of 4, no length. */
void gvir_xdr_put_opaque_fixed (GByteArray *buf, const guint8 *data, gsize len);
/* opaque<M>: length word, bytes, padding. */
void gvir_xdr_put_opaque (GByteArray *buf, const guint8 *data, gsize len);
/* string<M>: like opaque<M>; @str must not be NULL. */
void gvir_xdr_put_string (GByteArray *buf, const char *str);
/* Optional string (remote_string): 0, or 1 then the string. */
void gvir_xdr_put_opt_string (GByteArray *buf, const char *str);

/* ---- decoding ----------------------------------------------------------- */

typedef struct
{
  const guint8 *data;
  gsize len;
  gsize pos;
} GVirXdrReader;

void gvir_xdr_reader_init (GVirXdrReader *reader, const guint8 *data, gsize len);
gsize gvir_xdr_reader_remaining (const GVirXdrReader *reader);
/* Fails when bytes are left over: a message must be consumed exactly. */
gboolean gvir_xdr_reader_finish (const GVirXdrReader *reader, const char *what, GError **error);

gboolean gvir_xdr_get_u32 (GVirXdrReader *reader, guint32 *value, GError **error);
gboolean gvir_xdr_get_i32 (GVirXdrReader *reader, gint32 *value, GError **error);
gboolean gvir_xdr_get_u64 (GVirXdrReader *reader, guint64 *value, GError **error);
gboolean gvir_xdr_get_i64 (GVirXdrReader *reader, gint64 *value, GError **error);
gboolean gvir_xdr_get_double (GVirXdrReader *reader, double *value, GError **error);
/* Only 0 and 1 are valid booleans. */
gboolean gvir_xdr_get_bool (GVirXdrReader *reader, gboolean *value, GError **error);
gboolean gvir_xdr_get_opaque_fixed (GVirXdrReader *reader, guint8 *out, gsize len, GError **error);
/* Variable opaque of at most @max bytes; returns a borrowed pointer. */
gboolean gvir_xdr_get_opaque (GVirXdrReader *reader, guint32 max,
                              const guint8 **data, guint32 *len, GError **error);
/* String of at most @max bytes without embedded NUL; *out is newly allocated. */
gboolean gvir_xdr_get_string (GVirXdrReader *reader, guint32 max, char **out, GError **error);
/* Optional string; *out is NULL when absent. */
gboolean gvir_xdr_get_opt_string (GVirXdrReader *reader, guint32 max, char **out, GError **error);
/* Optional marker (0 or 1). */
gboolean gvir_xdr_get_present (GVirXdrReader *reader, gboolean *present, GError **error);
/* Count of a variable array of at most @max elements, each encoded in at
 * least @min_element_size bytes: refuses counts the remaining bytes could
 * not hold, so callers may allocate @count elements safely. */
gboolean gvir_xdr_get_array_count (GVirXdrReader *reader, guint32 max, gsize min_element_size,
                                   guint32 *count, GError **error);

G_END_DECLS
