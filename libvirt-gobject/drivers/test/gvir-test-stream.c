/*
 * gvir-test-stream.c: the test driver's streams and its screenshot
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

/* A stream that reads out bytes held in memory. */
typedef struct
{
  GMutex lock;
  GBytes *data;
  gsize offset;
  gboolean aborted;
} MemoryStream;

static MemoryStream *
memory_stream_new (GBytes *data)
{
  MemoryStream *mem = g_new0 (MemoryStream, 1);

  g_mutex_init (&mem->lock);
  mem->data = g_bytes_ref (data);
  return mem;
}

static void
memory_stream_free (gpointer backend)
{
  MemoryStream *mem = backend;

  g_bytes_unref (mem->data);
  g_mutex_clear (&mem->lock);
  g_free (mem);
}

static gssize
memory_stream_recv (gpointer   handle,
                    gpointer   backend,
                    char      *buf,
                    gsize      size,
                    GError   **error)
{
  MemoryStream *mem = backend;
  gsize total, n;
  gssize ret = -1;

  g_mutex_lock (&mem->lock);
  if (mem->aborted)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID,
                   "cannot receive from a stream: it was aborted");
      goto cleanup;
    }
  total = g_bytes_get_size (mem->data);
  n = MIN (size, total - mem->offset);
  memcpy (buf, (const char *) g_bytes_get_data (mem->data, NULL) + mem->offset, n);
  mem->offset += n;
  ret = n;

 cleanup:
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
  g_set_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID,
               "cannot send to a stream that only delivers data (a screenshot)");
  return -1;
}

static guint
memory_stream_poll (gpointer handle,
                    gpointer backend)
{
  MemoryStream *mem = backend;
  guint cond;

  /* Everything is there from the start: readable until the end, which is
   * readable too (a receive returns 0 there). */
  g_mutex_lock (&mem->lock);
  cond = mem->aborted ? GVIR_DRIVER_STREAM_ERROR : GVIR_DRIVER_STREAM_READABLE;
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

  if (flags != 0)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                   "cannot take a screenshot: unsupported flags 0x%x", flags);
      return NULL;
    }
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
  gvir_driver_stream_attach (stream, memory_stream_new (image));
  return g_strdup (SCREENSHOT_MIME_TYPE);
}
