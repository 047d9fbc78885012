/*
 * gvir-test-vol-data-private.h: the bytes of a test driver volume
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The contents of one volume, kept in memory and sparse: only blocks that
 * were written take memory, every other byte reads as zero. Refcounted
 * (a transfer keeps it alive after the volume is deleted) and
 * thread-safe. Bounds are the caller's business: the storage checks a
 * transfer against the volume's capacity before it starts. */
typedef struct _GVirTestVolData GVirTestVolData;

GVirTestVolData *gvir_test_vol_data_new (void);
GVirTestVolData *gvir_test_vol_data_ref (GVirTestVolData *data);
void gvir_test_vol_data_unref (GVirTestVolData *data);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GVirTestVolData, gvir_test_vol_data_unref)

/* Copies @size bytes at @offset into @buf (zeros where nothing was written). */
void gvir_test_vol_data_read (GVirTestVolData *data, guint64 offset, char *buf, gsize size);
/* Stores @size bytes of @buf at @offset. */
void gvir_test_vol_data_write (GVirTestVolData *data, guint64 offset, const char *buf,
                               gsize size);
/* Forgets every byte at or after @size (a volume shrunk), so that growing
 * the volume again shows zeros there. */
void gvir_test_vol_data_truncate (GVirTestVolData *data, guint64 size);

G_END_DECLS
