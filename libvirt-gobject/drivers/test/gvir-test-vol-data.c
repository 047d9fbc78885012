/*
 * gvir-test-vol-data.c: the bytes of a test driver volume
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

#include "gvir-test-vol-data-private.h"

/* Small enough that a few scattered writes into a volume of gigabytes
 * cost little, large enough that a sequential transfer touches few. */
#define BLOCK_SIZE (64 * 1024)

struct _GVirTestVolData
{
  gint ref_count;               /* atomic */
  GMutex lock;                  /* guards blocks */
  GHashTable *blocks;           /* guint64 * block index -> BLOCK_SIZE bytes */
};

GVirTestVolData *
gvir_test_vol_data_new (void)
{
  GVirTestVolData *data = g_new0 (GVirTestVolData, 1);

  data->ref_count = 1;
  g_mutex_init (&data->lock);
  data->blocks = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  return data;
}

GVirTestVolData *
gvir_test_vol_data_ref (GVirTestVolData *data)
{
  g_atomic_int_inc (&data->ref_count);
  return data;
}

void
gvir_test_vol_data_unref (GVirTestVolData *data)
{
  if (data == NULL || !g_atomic_int_dec_and_test (&data->ref_count))
    return;
  g_hash_table_unref (data->blocks);
  g_mutex_clear (&data->lock);
  g_free (data);
}

/* The block holding byte @offset and where in it that byte is; the part
 * of a transfer of @size bytes that falls in this block. */
static gsize
block_span (guint64 offset, gsize size, guint64 *index, gsize *within)
{
  *index = offset / BLOCK_SIZE;
  *within = offset % BLOCK_SIZE;
  return MIN (size, BLOCK_SIZE - *within);
}

void
gvir_test_vol_data_read (GVirTestVolData *data, guint64 offset, char *buf, gsize size)
{
  g_mutex_lock (&data->lock);
  while (size > 0)
    {
      guint64 index;
      gsize within;
      gsize n = block_span (offset, size, &index, &within);
      const char *block = g_hash_table_lookup (data->blocks, &index);

      if (block != NULL)
        memcpy (buf, block + within, n);
      else
        memset (buf, 0, n);
      buf += n;
      offset += n;
      size -= n;
    }
  g_mutex_unlock (&data->lock);
}

void
gvir_test_vol_data_write (GVirTestVolData *data, guint64 offset, const char *buf, gsize size)
{
  g_mutex_lock (&data->lock);
  while (size > 0)
    {
      guint64 index;
      gsize within;
      gsize n = block_span (offset, size, &index, &within);
      char *block = g_hash_table_lookup (data->blocks, &index);

      if (block == NULL)
        {
          block = g_malloc0 (BLOCK_SIZE);
          g_hash_table_insert (data->blocks, g_memdup2 (&index, sizeof index), block);
        }
      memcpy (block + within, buf, n);
      buf += n;
      offset += n;
      size -= n;
    }
  g_mutex_unlock (&data->lock);
}

static gboolean
block_is_beyond (gpointer key, gpointer value, gpointer user_data)
{
  return *(const guint64 *) key > *(const guint64 *) user_data;
}

void
gvir_test_vol_data_truncate (GVirTestVolData *data, guint64 size)
{
  guint64 last;
  gsize within;
  char *block;

  g_mutex_lock (&data->lock);
  if (size == 0)
    g_hash_table_remove_all (data->blocks);
  else
    {
      /* The block holding the last byte kept survives, cut after it. */
      block_span (size - 1, 1, &last, &within);
      g_hash_table_foreach_remove (data->blocks, block_is_beyond, &last);
      block = g_hash_table_lookup (data->blocks, &last);
      if (block != NULL)
        memset (block + within + 1, 0, BLOCK_SIZE - within - 1);
    }
  g_mutex_unlock (&data->lock);
}
