/*
 * gvir-uuid-private.h: domain UUIDs in libvirt's textual form
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Internal: never installed, never in a GIR.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" and its terminating NUL. */
#define GVIR_UUID_STRING_SIZE 37

/* Writes the canonical form of @text (lower case, dashes after hex digits
 * 8, 12, 16 and 20) to @out. Accepts what libvirt accepts: 16 bytes of two
 * hex digits each, with any dashes or spaces between bytes (not inside
 * one) and blanks around. FALSE for anything else, @out then untouched. */
gboolean gvir_uuid_canonicalize (const char *text, char out[GVIR_UUID_STRING_SIZE]);

/* A new random (version 4) UUID in canonical form. */
void gvir_uuid_generate (char out[GVIR_UUID_STRING_SIZE]);

G_END_DECLS
