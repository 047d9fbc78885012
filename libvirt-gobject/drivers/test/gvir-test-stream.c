/*
 * gvir-test-stream.c: the test driver's streams, its screenshot and the
 * streams of volume transfers
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

#include "gvir-test-private.h"
#include "gvir-test-driver-private.h"

/* Like libvirt's test driver, a screenshot is a fixed image whatever the
 * domain shows: ours is an 8x8 RGB gradient made for this project. */
static const guint8 screenshot_png[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d,
  0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00, 0x08,
  0x08, 0x02, 0x00, 0x00, 0x00, 0x4b, 0x6d, 0x29, 0xdc, 0x00, 0x00, 0x00,
  0x6c, 0x49, 0x44, 0x41, 0x54, 0x78, 0xda, 0x15, 0xcd, 0x41, 0x15, 0x00,
  0x51, 0x08, 0x42, 0x51, 0xa3, 0x18, 0x85, 0x28, 0x46, 0x79, 0x51, 0x88,
  0x42, 0x14, 0xa2, 0xcc, 0x1f, 0x97, 0x5c, 0x0e, 0xce, 0x0c, 0x3b, 0x68,
  0xb8, 0x81, 0xc1, 0x43, 0x86, 0x0e, 0x33, 0xcb, 0x2e, 0x5a, 0x6e, 0x61,
  0xf1, 0x92, 0xa5, 0xfb, 0x40, 0xac, 0x90, 0x38, 0x81, 0xb0, 0x88, 0xa8,
  0x1e, 0x1c, 0x7b, 0xe8, 0xb8, 0x83, 0xc3, 0x47, 0x8e, 0xde, 0x83, 0x7f,
  0xe0, 0x55, 0x5f, 0xf8, 0x9f, 0x21, 0xd0, 0xf7, 0x6e, 0xcc, 0x1a, 0x99,
  0xf3, 0x1f, 0xdb, 0xc4, 0xd4, 0x0f, 0xc2, 0x06, 0x85, 0xcb, 0x5f, 0x76,
  0x48, 0x68, 0x1e, 0x94, 0x2d, 0x2a, 0xd7, 0x7f, 0xc2, 0x25, 0xa5, 0xe5,
  0x03, 0xc6, 0x7b, 0x58, 0x01, 0x57, 0x39, 0x36, 0xf2, 0x00, 0x00, 0x00,
  0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
};

#define SCREENSHOT_MIME_TYPE "image/png"

/* A stream over bytes held in memory: it gives out a screenshot's image
 * or a range of a volume, or takes bytes into a range of a volume. */
typedef struct
{
  GMutex lock;
  GBytes *image;                /* a screenshot's bytes, or NULL */
  GVirTestVolData *vol;         /* a volume transfer's contents, or NULL */
  gboolean upload;              /* takes bytes rather than gives them */
  guint64 position;             /* the next byte, in @image or @vol */
  guint64 end;                  /* where the transfer stops */
  gboolean aborted;
} MemoryStream;

static MemoryStream *
memory_stream_new (GBytes *image, GVirTestVolData *vol, guint64 position, guint64 end,
                   gboolean upload)
{
  MemoryStream *mem = g_new0 (MemoryStream, 1);

  g_mutex_init (&mem->lock);
  mem->image = image != NULL ? g_bytes_ref (image) : NULL;
  mem->vol = vol != NULL ? gvir_test_vol_data_ref (vol) : NULL;
  mem->upload = upload;
  mem->position = position;
  mem->end = end;
  return mem;
}

static void
memory_stream_free (gpointer backend)
{
  MemoryStream *mem = backend;

  g_clear_pointer (&mem->image, g_bytes_unref);
  g_clear_pointer (&mem->vol, gvir_test_vol_data_unref);
  g_mutex_clear (&mem->lock);
  g_free (mem);
}

/* Whether the stream may still move data in the direction asked for. */
static gboolean
memory_stream_check (MemoryStream *mem, gboolean upload, GError **error)
{
  if (mem->aborted)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID,
                   "cannot %s a stream: it was aborted", upload ? "send to" : "receive from");
      return FALSE;
    }
  if (mem->upload != upload)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID,
                   upload ? "cannot send to a stream that only delivers data "
                            "(a screenshot or a volume download)"
                          : "cannot receive from a stream that uploads to a volume");
      return FALSE;
    }
  return TRUE;
}

static gssize
memory_stream_recv (gpointer   handle,
                    gpointer   backend,
                    char      *buf,
                    gsize      size,
                    GError   **error)
{
  MemoryStream *mem = backend;
  gssize ret = -1;
  gsize n;

  g_mutex_lock (&mem->lock);
  if (memory_stream_check (mem, FALSE, error))
    {
      n = MIN (size, mem->end - mem->position);
      if (mem->image != NULL)
        memcpy (buf, (const char *) g_bytes_get_data (mem->image, NULL) + mem->position, n);
      else
        gvir_test_vol_data_read (mem->vol, mem->position, buf, n);
      mem->position += n;
      ret = n;
    }
  g_mutex_unlock (&mem->lock);
  return ret;
}

static gssize
memory_stream_send (gpointer     handle,
                    gpointer     backend,
                    const char  *buf,
                    gsize        size,
                    GError     **error)
{
  MemoryStream *mem = backend;
  gssize ret = -1;

  g_mutex_lock (&mem->lock);
  if (!memory_stream_check (mem, TRUE, error))
    goto cleanup;
  /* Never a partial write: the caller learns at once that its data does
   * not fit the length it asked for (or the volume). */
  if (size > mem->end - mem->position)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                   "cannot upload %" G_GSIZE_FORMAT " bytes: only %" G_GUINT64_FORMAT
                   " bytes are left before the end of the upload",
                   size, mem->end - mem->position);
      goto cleanup;
    }
  gvir_test_vol_data_write (mem->vol, mem->position, buf, size);
  mem->position += size;
  ret = size;

 cleanup:
  g_mutex_unlock (&mem->lock);
  return ret;
}

static guint
memory_stream_poll (gpointer handle,
                    gpointer backend)
{
  MemoryStream *mem = backend;
  guint cond;

  /* Everything is there from the start: readable until the end, which is
   * readable too (a receive returns 0 there); an upload always has room. */
  g_mutex_lock (&mem->lock);
  if (mem->aborted)
    cond = GVIR_DRIVER_STREAM_ERROR;
  else
    cond = mem->upload ? GVIR_DRIVER_STREAM_WRITABLE : GVIR_DRIVER_STREAM_READABLE;
  g_mutex_unlock (&mem->lock);
  return cond;
}

static gboolean
memory_stream_finish (gpointer   handle,
                      gpointer   backend,
                      GError   **error)
{
  return TRUE;
}

static void
memory_stream_abort (gpointer handle,
                     gpointer backend)
{
  MemoryStream *mem = backend;

  g_mutex_lock (&mem->lock);
  mem->aborted = TRUE;
  g_mutex_unlock (&mem->lock);
}

const GVirDriverStreamFuncs gvir_test_stream_funcs = {
  .recv = memory_stream_recv,
  .send = memory_stream_send,
  .poll = memory_stream_poll,
  .finish = memory_stream_finish,
  .abort = memory_stream_abort,
  .free_backend = memory_stream_free,
};

/* ---- the domain calls ---------------------------------------------------------- */

char *
gvir_test_screenshot_domain (gpointer           handle,
                             const char        *uuid,
                             GVirDriverStream  *stream,
                             guint              screen,
                             guint              flags,
                             GCancellable      *cancellable,
                             GError           **error)
{
  g_autoptr(GVirDriverDomain) domain = NULL;
  g_autoptr(GBytes) image = NULL;

  if (!gvir_test_check_no_flags (flags, "take a screenshot", error))
    return NULL;
  domain = gvir_test_driver.domain->lookup_domain_by_uuid (handle, uuid, cancellable, error);
  if (domain == NULL)
    return NULL;
  if (domain->id < 0)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID,
                   "cannot take a screenshot of domain '%s': it is not running",
                   domain->name);
      return NULL;
    }
  image = g_bytes_new_static (screenshot_png, sizeof screenshot_png);
  gvir_driver_stream_attach (stream,
                             memory_stream_new (image, NULL, 0, g_bytes_get_size (image), FALSE));
  return g_strdup (SCREENSHOT_MIME_TYPE);
}

/* ---- volume transfers ---------------------------------------------------------- */

void
gvir_test_stream_attach_volume (GVirDriverStream *stream,
                                GVirTestVolData  *vol,
                                guint64           offset,
                                guint64           end,
                                gboolean          upload)
{
  gvir_driver_stream_attach (stream, memory_stream_new (NULL, vol, offset, end, upload));
}
