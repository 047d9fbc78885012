/*
 * gvir-remote-stream.c: the remote driver's streams (screenshot, console,
 * volume transfers)
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * A call that opens a stream is answered with a REPLY, then both sides
 * exchange STREAM packets on the call's serial: data with status
 * CONTINUE, the end of the data with an empty CONTINUE (libvirtd) or an
 * empty OK, an error with ERROR
 * (a remote_error from the server, empty from us: an abort). We finish
 * with an empty OK, which the server confirms with an OK (libvirtd: a
 * STREAM packet; a REPLY is taken as well).
 */
#include "config.h"

#include <string.h>

#include "gvir-remote-snapshot-private.h"
#include "gvir-remote-stream-private.h"

/* libvirt's chunk: the largest data packet it sends or accepts. */
#define SEND_CHUNK 262120

/* Output the connection may hold before a send would block: a writer
 * must not fill the client's queue, whose bound ends the connection. */
#define SEND_QUEUED_MAX (1024 * 1024)

/* How long a finish waits for the server's confirmation. */
#define FINISH_TIMEOUT_US (30 * G_TIME_SPAN_SECOND)

/* One stream. Referenced by the driver stream (until free_backend) and by
 * the RPC client's stream table (until the stream is removed or the
 * connection closes), so the I/O thread never sees it freed. Lock order:
 * the client's stream lock, then ours, then the driver stream's. */
typedef struct
{
  gint ref;
  GMutex lock;                    /* guards everything below */
  GCond changed;                  /* for finish, waiting for its confirmation */
  GVirDriverStream *stream;       /* borrowed; NULL once it is freed */
  GVirRpcClient *client;          /* used only inside stream slots */
  gint32 proc;
  guint32 serial;
  gboolean registered;            /* in the client's stream table */
  GQueue incoming;                /* GBytes, oldest first */
  gsize head_offset;              /* what was read of the oldest */
  gsize buffered;                 /* bytes in incoming not read yet */
  gboolean refused;               /* the I/O thread waits for room */
  gboolean eof;                   /* the server sent the end of the data */
  gboolean finishing;             /* our OK went out */
  gboolean confirmed;             /* the server answered our finish */
  GError *error;                  /* the server's, or the connection's close */
} RemoteStream;

static void
remote_stream_unref (gpointer data)
{
  RemoteStream *rs = data;

  if (!g_atomic_int_dec_and_test (&rs->ref))
    return;
  g_queue_clear_full (&rs->incoming, (GDestroyNotify) g_bytes_unref);
  g_clear_error (&rs->error);
  g_cond_clear (&rs->changed);
  g_mutex_clear (&rs->lock);
  g_free (rs);
}

/* Whether a stream of @proc carries data the way asked: an upload only
 * sends, a screenshot or a download only receives (the server would never
 * answer the other way, so asking would wait for nothing); the console
 * does both. Sets @error when it does not. */
static gboolean
check_direction (const RemoteStream *rs, gboolean sending, GError **error)
{
  gboolean sends = rs->proc != GVIR_RPC_PROC_DOMAIN_SCREENSHOT &&
                   rs->proc != GVIR_RPC_PROC_STORAGE_VOL_DOWNLOAD;
  gboolean receives = rs->proc != GVIR_RPC_PROC_STORAGE_VOL_UPLOAD;

  if (sending ? sends : receives)
    return TRUE;
  g_set_error_literal (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID,
                       sending ? "cannot send to a stream that only delivers data "
                                 "(a screenshot or a volume download)"
                               : "cannot receive from a stream that uploads to a volume");
  return FALSE;
}

/* ---- the I/O thread's side ------------------------------------------------- */

/* The server's error on a stream (status ERROR), mapped as call errors are. */
static GError *
stream_error_from_packet (const guint8 *payload,
                          gsize         len)
{
  g_auto(GVirRpcError) rerr = { 0 };
  g_autoptr(GError) local = NULL;

  if (len == 0)
    return g_error_new_literal (GVIR_ERROR, GVIR_ERROR_FAILED,
                                "the server aborted the stream without saying why");
  if (!gvir_rpc_decode_error (payload, len, &rerr, &local))
    return g_error_new (GVIR_ERROR, GVIR_ERROR_PROTOCOL,
                        "malformed error on a stream: %s", local->message);
  return gvir_rpc_error_to_gerror (&rerr);
}

/* Sets the stream's error unless it has one. Called with the lock held. */
static void
fail_locked (RemoteStream *rs,
             GError       *error)
{
  if (rs->error == NULL)
    rs->error = error;
  else
    g_error_free (error);
}

/* A data packet: buffered, or refused when the buffer is full (the I/O
 * thread then keeps it and reads nothing more until recv makes room). */
static gboolean
take_data_locked (RemoteStream *rs,
                  const guint8 *payload,
                  gsize         len)
{
  /* Data after the end or an error is the server's mistake: dropped. */
  if (rs->eof || rs->error != NULL)
    return TRUE;
  /* libvirtd ends the data it sends with an empty CONTINUE. */
  if (len == 0)
    {
      rs->eof = TRUE;
      return TRUE;
    }
  if (rs->buffered >= GVIR_REMOTE_STREAM_RECV_MAX)
    {
      rs->refused = TRUE;
      return FALSE;
    }
  g_queue_push_tail (&rs->incoming, g_bytes_new (payload, len));
  rs->buffered += len;
  return TRUE;
}

static gboolean
on_packet (const GVirRpcHeader  *header,
           const guint8         *payload,
           gsize                 len,
           const GError         *closed,
           gpointer              data)
{
  RemoteStream *rs = data;
  gboolean taken = TRUE;

  g_mutex_lock (&rs->lock);
  if (header == NULL)
    {
      rs->registered = FALSE;
      fail_locked (rs, g_error_copy (closed));
    }
  else if (header->type == GVIR_RPC_TYPE_REPLY)
    {
      /* The answer to our finish (or abort). */
      rs->confirmed = TRUE;
      if (header->status != GVIR_RPC_STATUS_OK)
        fail_locked (rs, stream_error_from_packet (payload, len));
    }
  else if (header->status == GVIR_RPC_STATUS_CONTINUE)
    taken = take_data_locked (rs, payload, len);
  else if (header->status == GVIR_RPC_STATUS_OK)
    {
      /* The end of the server's data, or its confirmation of our end. */
      rs->eof = TRUE;
      rs->confirmed = rs->finishing;
    }
  else
    fail_locked (rs, stream_error_from_packet (payload, len));
  g_cond_broadcast (&rs->changed);
  if (rs->stream != NULL && taken)
    gvir_driver_stream_notify (rs->stream);
  g_mutex_unlock (&rs->lock);
  return taken;
}

/* ---- the stream table ------------------------------------------------------ */

/* Copies buffered data into @buf; called with the lock held. */
static gsize
copy_out_locked (RemoteStream *rs,
                 char         *buf,
                 gsize         size)
{
  gsize done = 0;

  while (done < size && !g_queue_is_empty (&rs->incoming))
    {
      GBytes *head = g_queue_peek_head (&rs->incoming);
      gsize head_len;
      const guint8 *bytes = g_bytes_get_data (head, &head_len);
      gsize n = MIN (size - done, head_len - rs->head_offset);

      memcpy (buf + done, bytes + rs->head_offset, n);
      done += n;
      rs->head_offset += n;
      rs->buffered -= n;
      if (rs->head_offset == head_len)
        {
          g_bytes_unref (g_queue_pop_head (&rs->incoming));
          rs->head_offset = 0;
        }
    }
  return done;
}

static gssize
remote_stream_recv (gpointer   handle,
                    gpointer   backend,
                    char      *buf,
                    gsize      size,
                    GError   **error)
{
  RemoteStream *rs = backend;
  gboolean resume = FALSE;
  gssize ret;

  if (!check_direction (rs, FALSE, error))
    return -1;
  g_mutex_lock (&rs->lock);
  if (!g_queue_is_empty (&rs->incoming))
    {
      ret = copy_out_locked (rs, buf, size);
      resume = rs->refused && rs->buffered < GVIR_REMOTE_STREAM_RECV_MAX;
      if (resume)
        rs->refused = FALSE;
    }
  else if (rs->error != NULL)
    {
      g_propagate_error (error, g_error_copy (rs->error));
      ret = -1;
    }
  else if (rs->eof)
    ret = 0;
  else
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK,
                           "no data has arrived yet");
      ret = -1;
    }
  g_mutex_unlock (&rs->lock);

  if (resume)
    gvir_rpc_client_resume_streams (rs->client);
  return ret;
}

/* An error for a stream that can take no more data, or NULL. */
static GError *
send_refusal (RemoteStream *rs)
{
  GError *error = NULL;

  g_mutex_lock (&rs->lock);
  if (rs->error != NULL)
    error = g_error_copy (rs->error);
  else if (rs->eof || rs->finishing)
    error = g_error_new_literal (GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID,
                                 "cannot send to a stream that has ended");
  g_mutex_unlock (&rs->lock);
  return error;
}

static gssize
remote_stream_send (gpointer     handle,
                    gpointer     backend,
                    const char  *buf,
                    gsize        size,
                    GError     **error)
{
  RemoteStream *rs = backend;
  GError *refusal = send_refusal (rs);
  gsize n = MIN (size, SEND_CHUNK);

  if (refusal != NULL)
    {
      g_propagate_error (error, refusal);
      return -1;
    }
  if (!check_direction (rs, TRUE, error))
    return -1;
  if (gvir_rpc_client_get_queued_bytes (rs->client) > SEND_QUEUED_MAX)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK,
                           "the server has not taken the data sent so far");
      return -1;
    }
  if (!gvir_rpc_client_send_stream (rs->client, GVIR_RPC_REMOTE_PROGRAM, rs->proc, rs->serial,
                                    GVIR_RPC_STATUS_CONTINUE, (const guint8 *) buf, n, error))
    return -1;
  return n;
}

static guint
remote_stream_poll (gpointer handle,
                    gpointer backend)
{
  RemoteStream *rs = backend;
  gboolean room = gvir_rpc_client_get_queued_bytes (rs->client) <= SEND_QUEUED_MAX;
  guint cond = 0;

  g_mutex_lock (&rs->lock);
  if (!g_queue_is_empty (&rs->incoming) || rs->eof || rs->error != NULL)
    cond |= GVIR_DRIVER_STREAM_READABLE;
  if (room && !rs->eof && !rs->finishing && rs->error == NULL)
    cond |= GVIR_DRIVER_STREAM_WRITABLE;
  if (rs->eof)
    cond |= GVIR_DRIVER_STREAM_HANGUP;
  if (rs->error != NULL)
    cond |= GVIR_DRIVER_STREAM_ERROR;
  g_mutex_unlock (&rs->lock);
  return cond;
}

/* Takes the stream out of the client's table, once. */
static void
unregister (RemoteStream *rs,
            gboolean      answered)
{
  gboolean registered;

  g_mutex_lock (&rs->lock);
  registered = rs->registered;
  rs->registered = FALSE;
  g_mutex_unlock (&rs->lock);
  if (registered)
    gvir_rpc_client_remove_stream (rs->client, rs->serial, answered);
}

/* Waits, bounded, for the server's answer to our finish. */
static gboolean
wait_confirmed (RemoteStream  *rs,
                GError       **error)
{
  gint64 deadline = g_get_monotonic_time () + FINISH_TIMEOUT_US;
  gboolean ok;

  g_mutex_lock (&rs->lock);
  while (!rs->confirmed && rs->error == NULL && rs->registered)
    if (!g_cond_wait_until (&rs->changed, &rs->lock, deadline))
      break;
  ok = rs->confirmed && rs->error == NULL;
  if (rs->error != NULL)
    g_propagate_error (error, g_error_copy (rs->error));
  else if (!ok)
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_FAILED,
                 "the server did not confirm the end of the stream in %d s",
                 (int) (FINISH_TIMEOUT_US / G_TIME_SPAN_SECOND));
  g_mutex_unlock (&rs->lock);
  return ok;
}

static gboolean
remote_stream_finish (gpointer   handle,
                      gpointer   backend,
                      GError   **error)
{
  RemoteStream *rs = backend;
  GError *refusal;
  gboolean ok;

  g_mutex_lock (&rs->lock);
  refusal = rs->error != NULL ? g_error_copy (rs->error) : NULL;
  rs->finishing = TRUE;
  g_mutex_unlock (&rs->lock);
  if (refusal != NULL)
    {
      g_propagate_error (error, refusal);
      unregister (rs, FALSE);
      return FALSE;
    }
  ok = gvir_rpc_client_send_stream (rs->client, GVIR_RPC_REMOTE_PROGRAM, rs->proc, rs->serial,
                                    GVIR_RPC_STATUS_OK, NULL, 0, error) &&
       wait_confirmed (rs, error);
  unregister (rs, ok);
  return ok;
}

static void
remote_stream_abort (gpointer handle,
                     gpointer backend)
{
  RemoteStream *rs = backend;
  gboolean live;

  g_mutex_lock (&rs->lock);
  live = rs->registered && rs->error == NULL;
  g_mutex_unlock (&rs->lock);
  /* An empty ERROR is libvirt's abort; the server answers with a REPLY
   * that the client drops, as any packet still on its way. */
  if (live)
    gvir_rpc_client_send_stream (rs->client, GVIR_RPC_REMOTE_PROGRAM, rs->proc, rs->serial,
                                 GVIR_RPC_STATUS_ERROR, NULL, 0, NULL);
  unregister (rs, !live);
}

static void
remote_stream_free_backend (gpointer backend)
{
  RemoteStream *rs = backend;

  /* The client's table may still hold it (a connection closing): the
   * I/O thread must not notify a freed stream. */
  g_mutex_lock (&rs->lock);
  rs->stream = NULL;
  g_mutex_unlock (&rs->lock);
  remote_stream_unref (rs);
}

const GVirDriverStreamFuncs gvir_remote_stream_funcs = {
  .recv = remote_stream_recv,
  .send = remote_stream_send,
  .poll = remote_stream_poll,
  .finish = remote_stream_finish,
  .abort = remote_stream_abort,
  .free_backend = remote_stream_free_backend,
};

/* ---- the domain calls ------------------------------------------------------ */

gboolean
gvir_remote_open_stream (gpointer           handle,
                         GVirDriverStream  *stream,
                         gint32             proc,
                         GByteArray        *args,
                         GBytes           **reply,
                         GCancellable      *cancellable,
                         GError           **error)
{
  RemoteStream *rs = g_new0 (RemoteStream, 1);

  rs->ref = 2;                    /* ours and the client table's */
  g_mutex_init (&rs->lock);
  g_cond_init (&rs->changed);
  g_queue_init (&rs->incoming);
  rs->stream = stream;
  rs->client = gvir_remote_handle_get_client (handle);
  rs->proc = proc;
  rs->registered = TRUE;
  if (!gvir_rpc_client_call_stream (rs->client, GVIR_RPC_REMOTE_PROGRAM, proc, args, reply,
                                    on_packet, rs, remote_stream_unref, &rs->serial,
                                    cancellable, error))
    {
      remote_stream_unref (rs);
      return FALSE;
    }
  gvir_driver_stream_attach (stream, rs);
  return TRUE;
}

char *
gvir_remote_screenshot_domain (gpointer           handle,
                               const char        *uuid,
                               GVirDriverStream  *stream,
                               guint              screen,
                               guint              flags,
                               GCancellable      *cancellable,
                               GError           **error)
{
  g_auto(GVirRpcDomainScreenshotArgs) args = { .screen = screen, .flags = flags };
  g_auto(GVirRpcDomainScreenshotRet) ret = { 0 };
  g_autoptr(GByteArray) payload = NULL;
  g_autoptr(GBytes) reply = NULL;

  if (!gvir_remote_domain_ref (handle, uuid, &args.dom, cancellable, error))
    return NULL;
  payload = gvir_rpc_encode_domain_screenshot_args (&args, error);
  if (payload == NULL ||
      !gvir_remote_open_stream (handle, stream, GVIR_RPC_PROC_DOMAIN_SCREENSHOT, payload,
                                &reply, cancellable, error))
    return NULL;
  if (!gvir_rpc_decode_domain_screenshot_ret (g_bytes_get_data (reply, NULL),
                                              g_bytes_get_size (reply), &ret, error))
    return NULL;
  /* libvirt says no type when the driver does not know it. */
  return g_strdup (ret.mime != NULL ? ret.mime : "application/octet-stream");
}

gboolean
gvir_remote_open_domain_console (gpointer           handle,
                                 const char        *uuid,
                                 const char        *devname,
                                 GVirDriverStream  *stream,
                                 guint              flags,
                                 GCancellable      *cancellable,
                                 GError           **error)
{
  g_auto(GVirRpcDomainOpenConsoleArgs) args = {
    .dev_name = g_strdup (devname),
    .flags = flags,
  };
  g_autoptr(GByteArray) payload = NULL;

  if (!gvir_remote_domain_ref (handle, uuid, &args.dom, cancellable, error))
    return FALSE;
  payload = gvir_rpc_encode_domain_open_console_args (&args, error);
  return payload != NULL &&
         gvir_remote_open_stream (handle, stream, GVIR_RPC_PROC_DOMAIN_OPEN_CONSOLE, payload,
                                  NULL, cancellable, error);
}
