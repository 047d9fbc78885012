/*
 * gvird-stream.c: a client's data streams (screenshot, console)
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * The packets are libvirtd's: the driver's data goes out as STREAM
 * CONTINUE packets of at most CHUNK bytes, its end as an empty CONTINUE;
 * a driver error as STREAM ERROR with a remote_error, which ends the
 * stream. The client ends a stream with an empty OK (finish: the daemon
 * finishes the driver stream and confirms with an empty STREAM OK, or
 * answers a failed finish with an error REPLY) or an empty ERROR (abort:
 * answered with libvirtd's error REPLY). Client data (a console's input)
 * goes to the driver stream.
 *
 * Memory stays bounded: data is read from a driver stream only while the
 * client's output is below its cap (gvird_client_has_room()), so a
 * client that does not read holds at most one chunk beyond it; the pump
 * runs again when the socket took output (client_settle()) or the driver
 * says it has more (its notify wakes the client's I/O source). Client
 * data the driver does not take at once waits, up to PENDING_MAX bytes
 * per stream; beyond that the stream fails rather than grow.
 *
 * Locks: the table's lock is taken before a driver stream's and the
 * client's; a driver's notify (stream lock held) only takes the client's.
 */
#include "config.h"

#include "gvird-stream-private.h"
#include "libvirt-gobject/rpc/gvir-rpc-remote-private.h"

/* libvirt's stream chunk: the legacy payload maximum. */
#define CHUNK 262120
/* Chunks sent in one wakeup before other clients get their turn. */
#define CHUNKS_PER_WAKEUP 16
/* Client data a driver stream may leave waiting. */
#define PENDING_MAX (4 * CHUNK)

typedef struct
{
  GvirdStreams *owner;
  GVirDriverStream *stream;
  GVirRpcHeader header;         /* the call's prog, vers, proc, serial */
  gboolean started;             /* its reply is posted */
  gboolean eof_sent;            /* the driver's data ended: awaits the client's OK */
  GByteArray *pending;          /* client data the driver has not taken yet */
} Entry;

struct _GvirdStreams
{
  GMutex lock;
  GvirdClient *client;          /* owns the table */
  GHashTable *by_serial;        /* serial -> Entry */
  gboolean closed;
};

/* ---- entries ----------------------------------------------------------------- */

static void
on_driver_notify (gpointer data)
{
  gvird_client_wake (data);
}

/* Detaches and frees an entry, aborting its driver stream unless it was
 * finished (the abort is a no-op then). */
static void
entry_free (Entry *entry)
{
  gvir_driver_stream_set_notify (entry->stream, NULL, NULL);
  gvir_driver_stream_abort (entry->stream);
  gvir_driver_stream_unref (entry->stream);
  g_clear_pointer (&entry->pending, g_byte_array_unref);
  g_free (entry);
}

GvirdStreams *
gvird_streams_new (GvirdClient *client)
{
  GvirdStreams *streams = g_new0 (GvirdStreams, 1);

  g_mutex_init (&streams->lock);
  streams->client = client;
  streams->by_serial = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) entry_free);
  return streams;
}

void
gvird_streams_close_all (GvirdStreams *streams)
{
  g_mutex_lock (&streams->lock);
  streams->closed = TRUE;
  g_hash_table_remove_all (streams->by_serial);
  g_mutex_unlock (&streams->lock);
}

void
gvird_streams_free (GvirdStreams *streams)
{
  if (streams == NULL)
    return;
  gvird_streams_close_all (streams);
  g_hash_table_unref (streams->by_serial);
  g_mutex_clear (&streams->lock);
  g_free (streams);
}

gboolean
gvird_streams_register (GvirdStreams         *streams,
                        const GVirRpcHeader  *header,
                        GVirDriverStream     *stream,
                        GError              **error)
{
  Entry *entry;

  g_mutex_lock (&streams->lock);
  if (streams->closed ||
      g_hash_table_contains (streams->by_serial, GUINT_TO_POINTER (header->serial)))
    {
      gboolean closed = streams->closed;

      g_mutex_unlock (&streams->lock);
      gvir_driver_stream_abort (stream);
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID,
                   closed ? "the client is gone"
                          : "a stream with serial %u is already open", header->serial);
      return FALSE;
    }
  entry = g_new0 (Entry, 1);
  entry->owner = streams;
  entry->stream = gvir_driver_stream_ref (stream);
  entry->header = *header;
  g_hash_table_insert (streams->by_serial, GUINT_TO_POINTER (header->serial), entry);
  gvir_driver_stream_set_notify (stream, on_driver_notify, streams->client);
  g_mutex_unlock (&streams->lock);
  return TRUE;
}

void
gvird_streams_start (GvirdStreams *streams,
                     guint32       serial)
{
  Entry *entry;

  g_mutex_lock (&streams->lock);
  entry = g_hash_table_lookup (streams->by_serial, GUINT_TO_POINTER (serial));
  if (entry != NULL)
    entry->started = TRUE;
  g_mutex_unlock (&streams->lock);
  gvird_client_wake (streams->client);
}

/* ---- packets to the client ----------------------------------------------------- */

static void
entry_post (Entry        *entry,
            gint32        type,
            gint32        status,
            const guint8 *data,
            gsize         len)
{
  GVirRpcHeader header = entry->header;
  g_autoptr (GBytes) packet = NULL;

  header.type = type;
  header.status = status;
  packet = gvir_rpc_packet_encode (&header, data, len, NULL);
  if (packet != NULL)
    gvird_client_post_stream (entry->owner->client, packet);
}

/* Tells the client the stream failed with @error (a STREAM ERROR). */
static void
entry_post_error (Entry        *entry,
                  const GError *error)
{
  g_auto (GVirRpcError) err = { 0 };
  g_autoptr (GByteArray) payload = NULL;

  gvir_rpc_error_from_gerror (error, &err);
  payload = gvir_rpc_encode_error (&err, NULL);
  if (payload != NULL)
    entry_post (entry, GVIR_RPC_TYPE_STREAM, GVIR_RPC_STATUS_ERROR, payload->data, payload->len);
}

/* ---- the pump (I/O thread) ------------------------------------------------------- */

/* Gives the driver what waits of the client's data; FALSE when the
 * stream failed (reported to the client). */
static gboolean
entry_push_pending (Entry *entry)
{
  g_autoptr (GError) error = NULL;

  while (entry->pending != NULL && entry->pending->len > 0)
    {
      gssize n = gvir_driver_stream_send (entry->stream, (const char *) entry->pending->data,
                                          entry->pending->len, &error);

      if (n < 0 && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
        return TRUE;
      if (n < 0)
        {
          entry_post_error (entry, error);
          return FALSE;
        }
      g_byte_array_remove_range (entry->pending, 0, n);
    }
  return TRUE;
}

/* One chunk of the driver's data to the client. Returns 1 when it sent
 * one, 0 when the stream waits (no data or its end was sent), -1 when it
 * failed (reported to the client). */
static int
entry_pump_chunk (Entry  *entry,
                  char  **buf)
{
  g_autoptr (GError) error = NULL;
  gssize n;

  if (!entry->started || entry->eof_sent)
    return 0;
  /* Only a stream that may have data costs the buffer. */
  if (*buf == NULL)
    *buf = g_malloc (CHUNK);
  n = gvir_driver_stream_recv (entry->stream, *buf, CHUNK, &error);
  if (n < 0 && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
    return 0;
  if (n < 0)
    {
      entry_post_error (entry, error);
      return -1;
    }
  /* An empty CONTINUE is libvirt's end of the data; the client answers
   * it with its finish. */
  entry_post (entry, GVIR_RPC_TYPE_STREAM, GVIR_RPC_STATUS_CONTINUE, (const guint8 *) *buf, n);
  if (n == 0)
    entry->eof_sent = TRUE;
  return n > 0 ? 1 : 0;
}

void
gvird_streams_pump (GvirdStreams *streams)
{
  g_autofree char *buf = NULL;
  guint sent = 0;
  gboolean progress = TRUE;

  g_mutex_lock (&streams->lock);
  if (g_hash_table_size (streams->by_serial) == 0)
    {
      g_mutex_unlock (&streams->lock);
      return;
    }
  /* Round-robin, one chunk per stream a round, so that one busy stream
   * does not hold back the others. */
  while (progress && sent < CHUNKS_PER_WAKEUP)
    {
      GHashTableIter iter;
      Entry *entry;

      progress = FALSE;
      g_hash_table_iter_init (&iter, streams->by_serial);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
        {
          int r;

          if (!entry_push_pending (entry))
            {
              g_hash_table_iter_remove (&iter);
              continue;
            }
          if (!gvird_client_has_room (streams->client))
            break;
          r = entry_pump_chunk (entry, &buf);
          if (r < 0)
            g_hash_table_iter_remove (&iter);
          else if (r > 0)
            {
              progress = TRUE;
              sent++;
            }
        }
    }
  g_mutex_unlock (&streams->lock);
  /* More may wait: come back after the other clients had their turn. */
  if (sent >= CHUNKS_PER_WAKEUP)
    gvird_client_wake (streams->client);
}

/* ---- packets from the client (I/O thread) ------------------------------------------ */

/* The client's data for the driver (a console's input). FALSE when the
 * stream failed. */
static gboolean
entry_take_data (Entry        *entry,
                 const guint8 *data,
                 gsize         len)
{
  if (entry->pending == NULL)
    entry->pending = g_byte_array_new ();
  if (entry->pending->len + len > PENDING_MAX)
    {
      g_autoptr (GError) error = g_error_new (GVIR_ERROR, GVIR_ERROR_FAILED,
                                              "the stream does not take data as fast as "
                                              "the client sends it");

      entry_post_error (entry, error);
      return FALSE;
    }
  g_byte_array_append (entry->pending, data, len);
  return entry_push_pending (entry);
}

/* The client's finish: the driver stream's, confirmed by an empty OK. */
static void
entry_finish (Entry *entry)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) reply = NULL;

  if (gvir_driver_stream_finish (entry->stream, &error))
    {
      entry_post (entry, GVIR_RPC_TYPE_STREAM, GVIR_RPC_STATUS_OK, NULL, 0);
      return;
    }
  reply = gvird_dispatch_error_reply (&entry->header, GVIR_RPC_ERR_RPC, GVIR_RPC_ERR_DOMAIN_RPC,
                                      error->message);
  if (reply != NULL)
    gvird_client_post_stream (entry->owner->client, reply);
}

/* The client's abort: libvirtd answers with this error REPLY. */
static void
entry_abort (Entry *entry)
{
  g_autoptr (GBytes) reply = NULL;

  gvir_driver_stream_abort (entry->stream);
  reply = gvird_dispatch_error_reply (&entry->header, GVIR_RPC_ERR_RPC, GVIR_RPC_ERR_DOMAIN_RPC,
                                      "stream aborted at client request");
  if (reply != NULL)
    gvird_client_post_stream (entry->owner->client, reply);
}

void
gvird_streams_handle_packet (GvirdStreams        *streams,
                             const GVirRpcHeader *header,
                             const guint8        *data,
                             gsize                len)
{
  gpointer key = GUINT_TO_POINTER (header->serial);
  Entry *entry;

  g_mutex_lock (&streams->lock);
  entry = g_hash_table_lookup (streams->by_serial, key);
  /* Before its start too: a client may answer the reply at once. */
  if (entry == NULL || entry->header.proc != header->proc)
    {
      g_mutex_unlock (&streams->lock);
      return;
    }
  switch (header->status)
    {
    case GVIR_RPC_STATUS_CONTINUE:
      if (len == 0 || entry_take_data (entry, data, len))
        break;
      g_hash_table_remove (streams->by_serial, key);
      break;
    case GVIR_RPC_STATUS_OK:
      entry_finish (entry);
      g_hash_table_remove (streams->by_serial, key);
      break;
    default:
      entry_abort (entry);
      g_hash_table_remove (streams->by_serial, key);
      break;
    }
  g_mutex_unlock (&streams->lock);
}
