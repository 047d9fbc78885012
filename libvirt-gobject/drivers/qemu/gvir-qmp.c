/*
 * gvir-qmp.c: a client of QEMU's monitor protocol (QMP)
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "gvir-qmp-private.h"
#include "libvirt-gobject/libvirt-gobject-error.h"

/* Bytes the reader asks for at once. */
#define READ_CHUNK 65536

/* A command waiting for its reply. It lives on its caller's stack: the
 * table of pending commands only borrows it, and every field, the table
 * included, is guarded by the client's lock, so the caller removes it from
 * the table before it returns. */
typedef struct
{
  gint64 id;
  const char *name;
  GCond cond;
  gboolean done;
  JsonNode *reply;          /* the "return" value */
  GError *error;
} PendingCommand;

/* A descriptor that travels (SCM_RIGHTS) with the first byte of its
 * command, which starts at @offset in the output queue. */
typedef struct
{
  gsize offset;
  int fd;                   /* our own duplicate */
} QueuedFd;

struct _GVirQmp
{
  GSocket *socket;
  GSocketConnection *connection;  /* kept alive when given; may be NULL */
  GMainContext *context;          /* the I/O thread's */
  GThread *thread;           /* joined by gvir_qmp_close() */
  GThread *io_thread;        /* the same, kept to recognise callers in it */
  GVirQmpCallbacks callbacks;
  gpointer user_data;

  /* I/O thread only. */
  GSource *read_source;
  GByteArray *inbuf;        /* received bytes not yet dispatched */
  gsize scanned;            /* inbuf[0, scanned) holds no newline */
  JsonParser *parser;

  GMutex lock;              /* guards everything below */
  GCond greeting_cond;
  gboolean greeted;
  gboolean ready;           /* capabilities negotiated: callbacks may run */
  guint major, minor, micro;
  char *package;
  GHashTable *pending;      /* id (gint64 *) -> PendingCommand (borrowed) */
  gint64 next_id;
  GByteArray *out;          /* command bytes not yet written */
  GQueue out_fds;           /* QueuedFd: descriptors to pass, oldest first */
  GSource *write_source;    /* attached while out is not empty */
  GError *write_error;      /* a writer found the peer dead */
  gboolean ended;           /* the connection is over: no more calls */
  gboolean stop;            /* the I/O thread must return */
  GError *end_reason;
  GVirQmpLimits limits;
};

void
gvir_qmp_get_default_limits (GVirQmpLimits *limits)
{
  *limits = (GVirQmpLimits) {
    .greeting_timeout_ms = GVIR_QMP_DEFAULT_GREETING_TIMEOUT_MS,
    .command_timeout_ms = GVIR_QMP_DEFAULT_COMMAND_TIMEOUT_MS,
    .max_line_bytes = GVIR_QMP_DEFAULT_MAX_LINE_BYTES,
    .max_queued_bytes = GVIR_QMP_DEFAULT_MAX_QUEUED_BYTES,
  };
}

void
gvir_qmp_set_limits (GVirQmp             *qmp,
                     const GVirQmpLimits *limits)
{
  g_return_if_fail (qmp != NULL && limits != NULL);

  g_mutex_lock (&qmp->lock);
  qmp->limits = *limits;
  g_mutex_unlock (&qmp->lock);
}

/* Where a wait that starts now and lasts @ms ends (G_MAXINT64: never). */
static gint64
deadline_after (guint ms)
{
  return ms == 0 ? G_MAXINT64 : g_get_monotonic_time () + (gint64) ms * 1000;
}

/* ---- reading untrusted JSON ------------------------------------------------- */

static JsonNode *
member_of_type (JsonObject   *object,
                const char   *name,
                JsonNodeType  node_type,
                GType         value_type)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || JSON_NODE_TYPE (node) != node_type)
    return NULL;
  if (node_type == JSON_NODE_VALUE && json_node_get_value_type (node) != value_type)
    return NULL;
  return node;
}

JsonObject *
gvir_qmp_json_get_object (JsonObject *object,
                          const char *name)
{
  JsonNode *node = member_of_type (object, name, JSON_NODE_OBJECT, G_TYPE_INVALID);

  return node != NULL ? json_node_get_object (node) : NULL;
}

JsonArray *
gvir_qmp_json_get_array (JsonObject *object,
                         const char *name)
{
  JsonNode *node = member_of_type (object, name, JSON_NODE_ARRAY, G_TYPE_INVALID);

  return node != NULL ? json_node_get_array (node) : NULL;
}

const char *
gvir_qmp_json_get_string (JsonObject *object,
                          const char *name)
{
  JsonNode *node = member_of_type (object, name, JSON_NODE_VALUE, G_TYPE_STRING);

  return node != NULL ? json_node_get_string (node) : NULL;
}

gboolean
gvir_qmp_json_get_int (JsonObject *object,
                       const char *name,
                       gint64     *value)
{
  JsonNode *node = member_of_type (object, name, JSON_NODE_VALUE, G_TYPE_INT64);

  if (node == NULL)
    return FALSE;
  *value = json_node_get_int (node);
  return TRUE;
}

gboolean
gvir_qmp_json_get_boolean (JsonObject *object,
                           const char *name,
                           gboolean   *value)
{
  JsonNode *node = member_of_type (object, name, JSON_NODE_VALUE, G_TYPE_BOOLEAN);

  if (node == NULL)
    return FALSE;
  *value = json_node_get_boolean (node);
  return TRUE;
}

/* ---- completing commands -------------------------------------------------- */

/* Gives @command its outcome, taking @reply and @error, and wakes its
 * caller. Called with the lock held, after the command left the table. */
static void
complete_locked (PendingCommand *command,
                 JsonNode       *reply,
                 GError         *error)
{
  command->reply = reply;
  command->error = error;
  command->done = TRUE;
  g_cond_signal (&command->cond);
}

/* Marks the connection over with @reason (taken) and fails every pending
 * command with it. FALSE, and @reason freed, when it was over already. */
static gboolean
end_locked (GVirQmp *qmp,
            GError  *reason)
{
  GHashTableIter iter;
  gpointer value;

  if (qmp->ended)
    {
      g_error_free (reason);
      return FALSE;
    }
  qmp->ended = TRUE;
  qmp->end_reason = reason;
  g_hash_table_iter_init (&iter, qmp->pending);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      PendingCommand *command = value;

      complete_locked (command, NULL,
                       g_error_new (GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED,
                                    "QEMU command '%s' failed: %s", command->name,
                                    reason->message));
      g_hash_table_iter_remove (&iter);
    }
  /* A constructor waiting for the greeting learns it will not come. */
  g_cond_broadcast (&qmp->greeting_cond);
  return TRUE;
}

/* ---- writing ---------------------------------------------------------------- */

static gboolean on_writable (GSocket *socket, GIOCondition condition, gpointer data);

static void
queued_fd_free (QueuedFd *queued)
{
  close (queued->fd);
  g_free (queued);
}

/* Sends @len bytes, with @fd attached when it is not -1. Never blocks:
 * -1 with errno EAGAIN when the socket is full. */
static gssize
send_bytes (GVirQmp      *qmp,
            const guint8 *data,
            gsize         len,
            int           fd)
{
  struct iovec iov = { .iov_base = (void *) data, .iov_len = len };
  union
  {
    char buf[CMSG_SPACE (sizeof (int))];
    struct cmsghdr align;
  } control;
  struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1 };
  gssize n;

  if (fd >= 0)
    {
      struct cmsghdr *cmsg;

      memset (&control, 0, sizeof control);
      msg.msg_control = control.buf;
      msg.msg_controllen = sizeof control.buf;
      cmsg = CMSG_FIRSTHDR (&msg);
      cmsg->cmsg_level = SOL_SOCKET;
      cmsg->cmsg_type = SCM_RIGHTS;
      cmsg->cmsg_len = CMSG_LEN (sizeof (int));
      memcpy (CMSG_DATA (cmsg), &fd, sizeof (int));
    }
  do
    n = sendmsg (g_socket_get_fd (qmp->socket), &msg, MSG_NOSIGNAL | MSG_DONTWAIT);
  while (n < 0 && errno == EINTR);
  return n;
}

/* Writes queued bytes until the socket would block, then lets the I/O
 * thread wait for it to be writable. A command with a descriptor is never
 * sent in the same write as bytes before it, so that the descriptor
 * arrives with its own command. FALSE (with @error) when the stream broke.
 * Called with the lock held. */
static gboolean
flush_locked (GVirQmp  *qmp,
              GError  **error)
{
  while (qmp->out->len > 0)
    {
      QueuedFd *head = g_queue_peek_head (&qmp->out_fds);
      QueuedFd *next = head;
      int fd = -1;
      gsize chunk;
      gssize n;

      if (head != NULL && head->offset == 0)
        {
          fd = head->fd;
          next = g_queue_peek_nth (&qmp->out_fds, 1);
        }
      chunk = next != NULL ? next->offset : qmp->out->len;
      n = send_bytes (qmp, qmp->out->data, chunk, fd);
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
        break;
      if (n < 0)
        {
          g_set_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED,
                       "cannot write to QEMU's monitor: %s", g_strerror (errno));
          return FALSE;
        }
      if (fd >= 0)
        queued_fd_free (g_queue_pop_head (&qmp->out_fds));
      g_byte_array_remove_range (qmp->out, 0, n);
      for (GList *l = qmp->out_fds.head; l != NULL; l = l->next)
        ((QueuedFd *) l->data)->offset -= n;
    }

  if (qmp->out->len > 0 && qmp->write_source == NULL)
    {
      qmp->write_source = g_socket_create_source (qmp->socket, G_IO_OUT, NULL);
      g_source_set_callback (qmp->write_source, G_SOURCE_FUNC (on_writable), qmp, NULL);
      g_source_attach (qmp->write_source, qmp->context);
    }
  return TRUE;
}

/* Ends the connection from a writer's thread: the I/O thread sees the
 * shut socket and fails everything with @error (the first one wins). */
static void
fail_from_writer_locked (GVirQmp *qmp,
                         GError  *error)
{
  if (qmp->write_error == NULL)
    qmp->write_error = error;
  else
    g_error_free (error);
  g_socket_shutdown (qmp->socket, TRUE, TRUE, NULL);
}

static gboolean
on_writable (GSocket      *socket,
             GIOCondition  condition,
             gpointer      data)
{
  GVirQmp *qmp = data;
  GError *error = NULL;
  gboolean keep;

  g_mutex_lock (&qmp->lock);
  if (!flush_locked (qmp, &error))
    fail_from_writer_locked (qmp, error);
  keep = qmp->out->len > 0 && error == NULL;
  if (!keep)
    g_clear_pointer (&qmp->write_source, g_source_unref);
  g_mutex_unlock (&qmp->lock);
  return keep ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* Queues @text (with @fd, taken, unless it is -1) and writes what the
 * socket takes now. A peer that lets more than max_queued_bytes pile
 * up does not read: the connection ends. */
static void
queue_locked (GVirQmp    *qmp,
              const char *text,
              gsize       len,
              int         fd)
{
  GError *error = NULL;

  if (qmp->out->len > 0 && qmp->limits.max_queued_bytes > 0 &&
      qmp->out->len + len > qmp->limits.max_queued_bytes)
    {
      fail_from_writer_locked (qmp, g_error_new (GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED,
                                                 "QEMU stopped reading its monitor: %u bytes "
                                                 "wait to be sent (limit %" G_GSIZE_FORMAT ")",
                                                 qmp->out->len, qmp->limits.max_queued_bytes));
      if (fd >= 0)
        close (fd);
      return;
    }
  if (fd >= 0)
    {
      QueuedFd *queued = g_new0 (QueuedFd, 1);

      queued->offset = qmp->out->len;
      queued->fd = fd;
      g_queue_push_tail (&qmp->out_fds, queued);
    }
  g_byte_array_append (qmp->out, (const guint8 *) text, len);
  if (!flush_locked (qmp, &error))
    fail_from_writer_locked (qmp, error);
}

/* ---- reading and dispatching ------------------------------------------------ */

/* Ends the connection from the I/O thread with @reason (taken) and runs
 * the closed callback, unless it had ended already. */
static void
end_connection (GVirQmp *qmp,
                GError  *reason)
{
  gboolean notify;

  g_mutex_lock (&qmp->lock);
  /* A writer's verdict explains the shut socket better than its EOF. */
  if (qmp->write_error != NULL)
    {
      g_error_free (reason);
      reason = g_steal_pointer (&qmp->write_error);
    }
  /* gvir_qmp_close() ends the connection itself, before this: it is
   * never reported here. */
  notify = end_locked (qmp, reason) && qmp->ready;
  qmp->stop = TRUE;
  g_mutex_unlock (&qmp->lock);

  g_source_destroy (qmp->read_source);
  if (notify && qmp->callbacks.closed != NULL)
    qmp->callbacks.closed (qmp, qmp->end_reason, qmp->user_data);
}

static gboolean
should_stop (GVirQmp *qmp)
{
  gboolean stop;

  g_mutex_lock (&qmp->lock);
  stop = qmp->stop;
  g_mutex_unlock (&qmp->lock);
  return stop;
}

/* TRUE when callbacks may run: from the negotiation's success until the
 * I/O thread is told to stop. gvir_qmp_close() also joins the thread, so
 * that no callback runs after it returns. */
static gboolean
callbacks_allowed (GVirQmp *qmp)
{
  gboolean allowed;

  g_mutex_lock (&qmp->lock);
  allowed = qmp->ready && !qmp->stop;
  g_mutex_unlock (&qmp->lock);
  return allowed;
}

static gboolean
read_version_member (JsonObject *qemu,
                     const char *name,
                     guint      *out)
{
  gint64 value;

  if (!gvir_qmp_json_get_int (qemu, name, &value) || value < 0 || value > G_MAXUINT)
    return FALSE;
  *out = (guint) value;
  return TRUE;
}

/* The first message: {"QMP": {"version": {"qemu": {major, minor, micro},
 * "package": ...}, "capabilities": [...]}}. */
static gboolean
handle_greeting (GVirQmp     *qmp,
                 JsonObject  *message,
                 GError     **error)
{
  JsonObject *version = gvir_qmp_json_get_object (gvir_qmp_json_get_object (message, "QMP"),
                                                  "version");
  JsonObject *qemu = gvir_qmp_json_get_object (version, "qemu");
  const char *package = gvir_qmp_json_get_string (version, "package");
  char *old_package;
  guint major = 0, minor = 0, micro = 0;

  if (!read_version_member (qemu, "major", &major) ||
      !read_version_member (qemu, "minor", &minor) ||
      !read_version_member (qemu, "micro", &micro))
    {
      g_set_error_literal (error, GVIR_ERROR, GVIR_ERROR_PROTOCOL,
                           "the monitor did not greet with QMP's {\"QMP\": {\"version\": ...}}: "
                           "is this a QEMU monitor in control mode?");
      return FALSE;
    }

  g_mutex_lock (&qmp->lock);
  old_package = qmp->package;
  qmp->major = major;
  qmp->minor = minor;
  qmp->micro = micro;
  qmp->package = g_strdup (package != NULL ? package : "");
  g_free (old_package);
  qmp->greeted = TRUE;
  g_cond_broadcast (&qmp->greeting_cond);
  g_mutex_unlock (&qmp->lock);
  return TRUE;
}

static gint64
event_timestamp (JsonObject *message)
{
  JsonObject *ts = gvir_qmp_json_get_object (message, "timestamp");
  gint64 seconds, microseconds;

  if (!gvir_qmp_json_get_int (ts, "seconds", &seconds) ||
      !gvir_qmp_json_get_int (ts, "microseconds", &microseconds) ||
      seconds < 0 || seconds > G_MAXINT64 / G_USEC_PER_SEC - 1)
    return 0;
  return seconds * G_USEC_PER_SEC + CLAMP (microseconds, 0, G_USEC_PER_SEC - 1);
}

static void
handle_event (GVirQmp    *qmp,
              JsonObject *message)
{
  const char *name = gvir_qmp_json_get_string (message, "event");
  JsonObject *data = gvir_qmp_json_get_object (message, "data");
  g_autoptr(JsonObject) empty = NULL;

  if (name == NULL)
    {
      g_debug ("ignoring a QMP event without a name");
      return;
    }
  if (qmp->callbacks.event == NULL || !callbacks_allowed (qmp))
    return;
  if (data == NULL)
    data = empty = json_object_new ();
  qmp->callbacks.event (qmp, name, data, event_timestamp (message), qmp->user_data);
}

/* QEMU's {"error": {"class": ..., "desc": ...}} as a GError. */
static GError *
error_from_reply (const char *command,
                  JsonObject *error)
{
  const char *klass = gvir_qmp_json_get_string (error, "class");
  const char *desc = gvir_qmp_json_get_string (error, "desc");
  int code = g_strcmp0 (klass, "CommandNotFound") == 0 ? GVIR_ERROR_NOT_SUPPORTED : GVIR_ERROR_FAILED;

  if (klass == NULL)
    klass = "no error class";
  if (desc == NULL)
    desc = "no description";

  return g_error_new (GVIR_ERROR, code, "QEMU command '%s' failed: %s (%s)", command, desc, klass);
}

/* A reply: the pending command with its id gets the "return" value or the
 * error. A reply that no command waits for (its caller gave up, or the id
 * is not ours) is dropped. */
static void
handle_reply (GVirQmp    *qmp,
              JsonObject *message)
{
  PendingCommand *command = NULL;
  JsonNode *ret = json_object_get_member (message, "return");
  JsonObject *error = gvir_qmp_json_get_object (message, "error");
  gint64 key;

  if (!gvir_qmp_json_get_int (message, "id", &key))
    {
      g_debug ("ignoring a QMP message that is no event and has no id of ours");
      return;
    }

  g_mutex_lock (&qmp->lock);
  command = g_hash_table_lookup (qmp->pending, &key);
  if (command == NULL)
    {
      g_mutex_unlock (&qmp->lock);
      g_debug ("ignoring a QMP reply to id %" G_GINT64_FORMAT ", which nobody waits for", key);
      return;
    }
  g_hash_table_remove (qmp->pending, &key);
  /* Set here, in the reading thread, so that no event that follows the
   * negotiation can be missed. */
  if (g_str_equal (command->name, "qmp_capabilities") && error == NULL && ret != NULL)
    qmp->ready = TRUE;
  if (error != NULL)
    complete_locked (command, NULL, error_from_reply (command->name, error));
  else if (ret != NULL)
    complete_locked (command, json_node_copy (ret), NULL);
  else
    complete_locked (command, NULL,
                     g_error_new (GVIR_ERROR, GVIR_ERROR_PROTOCOL,
                                  "QEMU's reply to '%s' has neither \"return\" nor \"error\"",
                                  command->name));
  g_mutex_unlock (&qmp->lock);
}

static const char *
describe_json (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_ARRAY:
      return "an array";
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
      return "a plain value";
    case JSON_NODE_OBJECT:
    default:
      return "an object";
    }
}

static gboolean
is_blank (const char *line,
          gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isspace (line[i]))
      return FALSE;
  return TRUE;
}

/* One message (a line without its terminator). FALSE (with @error) when
 * it is not a QMP message: the stream can no longer be trusted. */
static gboolean
handle_line (GVirQmp     *qmp,
             const char  *line,
             gsize        len,
             GError     **error)
{
  g_autoptr(GError) parse_error = NULL;
  JsonNode *root;
  JsonObject *message;
  gboolean greeted;

  if (is_blank (line, len))
    return TRUE;
  if (!json_parser_load_from_data (qmp->parser, line, len, &parse_error))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_PROTOCOL,
                   "QEMU's monitor sent malformed JSON: %s", parse_error->message);
      return FALSE;
    }
  root = json_parser_get_root (qmp->parser);
  if (root == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_PROTOCOL,
                   "QEMU's monitor sent %s where a message object was expected",
                   describe_json (root));
      return FALSE;
    }
  message = json_node_get_object (root);

  g_mutex_lock (&qmp->lock);
  greeted = qmp->greeted;
  g_mutex_unlock (&qmp->lock);
  if (!greeted)
    return handle_greeting (qmp, message, error);
  if (json_object_has_member (message, "event"))
    handle_event (qmp, message);
  else
    handle_reply (qmp, message);
  return TRUE;
}

/* Dispatches every complete line in the buffer. FALSE (with @error) on a
 * bad message, or when a line grows past the limit. */
static gboolean
dispatch_lines (GVirQmp  *qmp,
                GError  **error)
{
  gsize max_line;
  gsize start = 0;

  g_mutex_lock (&qmp->lock);
  max_line = qmp->limits.max_line_bytes;
  g_mutex_unlock (&qmp->lock);

  for (;;)
    {
      const char *base = (const char *) qmp->inbuf->data + start;
      gsize from = qmp->scanned > start ? qmp->scanned - start : 0;
      const char *nl = memchr (base + from, '\n', qmp->inbuf->len - start - from);
      gsize len;

      if (nl == NULL)
        break;
      len = nl - base;
      /* QEMU ends every message with "\r\n". */
      if (len > 0 && base[len - 1] == '\r')
        len--;
      if (max_line > 0 && len > max_line)
        break;
      if (!handle_line (qmp, base, len, error))
        return FALSE;
      start += (nl - base) + 1;
      /* After gvir_qmp_close(), nothing more is dispatched. */
      if (should_stop (qmp))
        break;
    }

  g_byte_array_remove_range (qmp->inbuf, 0, start);
  qmp->scanned = qmp->inbuf->len;
  /* A line without its end yet counts too: the buffer stays bounded. The
   * "\r" before the newline is not part of the message. */
  if (max_line > 0 && qmp->inbuf->len > max_line + 1)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_PROTOCOL,
                   "QEMU's monitor sent a message longer than %" G_GSIZE_FORMAT " bytes",
                   max_line);
      return FALSE;
    }
  return TRUE;
}

static gboolean
on_readable (GSocket      *socket,
             GIOCondition  condition,
             gpointer      data)
{
  GVirQmp *qmp = data;
  g_autoptr(GError) local = NULL;
  GError *error = NULL;
  guint old_len = qmp->inbuf->len;
  gssize n;

  g_byte_array_set_size (qmp->inbuf, old_len + READ_CHUNK);
  n = g_socket_receive_with_blocking (socket, (gchar *) qmp->inbuf->data + old_len, READ_CHUNK,
                                      FALSE, NULL, &local);
  g_byte_array_set_size (qmp->inbuf, old_len + MAX (n, 0));

  if (n < 0 && g_error_matches (local, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
    return G_SOURCE_CONTINUE;
  if (n < 0)
    error = g_error_new (GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED,
                         "cannot read from QEMU's monitor: %s", local->message);
  else if (n == 0)
    error = g_error_new_literal (GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED,
                                 "QEMU closed its monitor connection");
  else if (!dispatch_lines (qmp, &error))
    {
      GError *closed = g_error_new (GVIR_ERROR, GVIR_ERROR_PROTOCOL,
                                    "closing QEMU's monitor: %s", error->message);

      g_error_free (error);
      error = closed;
    }

  if (error == NULL)
    return G_SOURCE_CONTINUE;
  end_connection (qmp, error);
  return G_SOURCE_REMOVE;
}

static gpointer
io_thread (gpointer data)
{
  GVirQmp *qmp = data;

  g_main_context_push_thread_default (qmp->context);
  while (!should_stop (qmp))
    g_main_context_iteration (qmp->context, TRUE);
  g_main_context_pop_thread_default (qmp->context);
  return NULL;
}

/* ---- commands --------------------------------------------------------------- */

static void
command_cancelled (GCancellable *cancellable,
                   gpointer      data)
{
  GVirQmp *qmp = ((gpointer *) data)[0];
  GCond *cond = ((gpointer *) data)[1];

  /* Taken so that the wake-up cannot fall between the waiter's check of
   * the cancellable and its wait. */
  g_mutex_lock (&qmp->lock);
  g_cond_broadcast (cond);
  g_mutex_unlock (&qmp->lock);
}

/* Serialises {"execute": @name, "arguments": @args, "id": @id} and a
 * newline. */
static char *
serialise_command (const char *name,
                   JsonObject *args,
                   gint64      id,
                   gsize      *len)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  GString *text;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "execute");
  json_builder_add_string_value (builder, name);
  if (args != NULL)
    {
      JsonNode *node = json_node_alloc ();

      json_builder_set_member_name (builder, "arguments");
      json_builder_add_value (builder, json_node_init_object (node, args));
    }
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, id);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_gstring (generator, g_string_new (NULL));
  g_string_append_c (text, '\n');
  *len = text->len;
  return g_string_free (text, FALSE);
}

/* Waits with the lock held until @command is done, @deadline passes or
 * @cancellable fires; then takes it out of the table if it is still
 * there. FALSE (with @error) when it is not done. */
static gboolean
wait_locked (GVirQmp         *qmp,
             PendingCommand  *command,
             gint64           deadline,
             guint            timeout_ms,
             GCancellable    *cancellable,
             GError         **error)
{
  while (!command->done && !g_cancellable_is_cancelled (cancellable))
    {
      if (!g_cond_wait_until (&command->cond, &qmp->lock, deadline) &&
          g_get_monotonic_time () >= deadline)
        break;
    }
  if (command->done)
    return TRUE;

  g_hash_table_remove (qmp->pending, &command->id);
  if (!g_cancellable_set_error_if_cancelled (cancellable, error))
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_FAILED,
                 "QEMU did not answer '%s' within %u ms", command->name, timeout_ms);
  return FALSE;
}

/* gvir_qmp_command_with_fd() with its own deadline; @fd is taken. */
static gboolean
run_command (GVirQmp       *qmp,
             const char    *name,
             JsonObject    *args,
             int            fd,
             JsonNode     **reply_out,
             gint64         deadline,
             guint          timeout_ms,
             GCancellable  *cancellable,
             GError       **error)
{
  PendingCommand command = { .name = name };
  gpointer cancel_data[2] = { qmp, &command.cond };
  g_autofree char *text = NULL;
  gulong handler = 0;
  gboolean ok = FALSE;
  gsize len;

  g_cond_init (&command.cond);
  if (cancellable != NULL)
    handler = g_cancellable_connect (cancellable, G_CALLBACK (command_cancelled), cancel_data, NULL);

  g_mutex_lock (&qmp->lock);
  if (qmp->ended)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED, "QEMU command '%s' failed: %s",
                   name, qmp->end_reason->message);
      if (fd >= 0)
        close (fd);
    }
  else
    {
      command.id = qmp->next_id++;
      text = serialise_command (name, args, command.id, &len);
      g_hash_table_insert (qmp->pending, &command.id, &command);
      queue_locked (qmp, text, len, fd);
      ok = wait_locked (qmp, &command, deadline, timeout_ms, cancellable, error);
    }
  g_mutex_unlock (&qmp->lock);

  if (cancellable != NULL)
    g_cancellable_disconnect (cancellable, handler);
  g_cond_clear (&command.cond);

  if (ok && command.error != NULL)
    {
      g_propagate_error (error, command.error);
      return FALSE;
    }
  if (ok && reply_out != NULL)
    *reply_out = g_steal_pointer (&command.reply);
  g_clear_pointer (&command.reply, json_node_unref);
  return ok;
}

gboolean
gvir_qmp_command (GVirQmp       *qmp,
                  const char    *name,
                  JsonObject    *args,
                  JsonNode     **reply_out,
                  GCancellable  *cancellable,
                  GError       **error)
{
  return gvir_qmp_command_with_fd (qmp, name, args, -1, reply_out, cancellable, error);
}

gboolean
gvir_qmp_command_with_fd (GVirQmp       *qmp,
                          const char    *name,
                          JsonObject    *args,
                          int            fd,
                          JsonNode     **reply_out,
                          GCancellable  *cancellable,
                          GError       **error)
{
  guint timeout_ms;
  int copy = -1;

  g_return_val_if_fail (qmp != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (g_thread_self () == qmp->io_thread)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INTERNAL,
                   "QEMU command '%s' was called from a QMP callback, which would wait for "
                   "itself", name);
      return FALSE;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  /* Our own copy: the caller may close theirs as soon as we return, and
   * the command may still wait in the queue then. */
  if (fd >= 0 && (copy = fcntl (fd, F_DUPFD_CLOEXEC, 3)) < 0)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                   "cannot pass file descriptor %d to QEMU command '%s': %s",
                   fd, name, g_strerror (errno));
      return FALSE;
    }

  g_mutex_lock (&qmp->lock);
  timeout_ms = qmp->limits.command_timeout_ms;
  g_mutex_unlock (&qmp->lock);
  return run_command (qmp, name, args, copy, reply_out, deadline_after (timeout_ms), timeout_ms,
                      cancellable, error);
}

/* ---- lifetime --------------------------------------------------------------- */

/* Waits for the greeting until @deadline or @cancellable fires. */
static gboolean
wait_for_greeting (GVirQmp       *qmp,
                   gint64         deadline,
                   GCancellable  *cancellable,
                   GError       **error)
{
  gpointer cancel_data[2] = { qmp, &qmp->greeting_cond };
  gulong handler = 0;
  gboolean greeted;

  if (cancellable != NULL)
    handler = g_cancellable_connect (cancellable, G_CALLBACK (command_cancelled), cancel_data, NULL);

  g_mutex_lock (&qmp->lock);
  while (!qmp->greeted && !qmp->ended && !g_cancellable_is_cancelled (cancellable))
    {
      if (!g_cond_wait_until (&qmp->greeting_cond, &qmp->lock, deadline) &&
          g_get_monotonic_time () >= deadline)
        break;
    }
  greeted = qmp->greeted;
  if (!greeted && qmp->ended)
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_FAILED,
                 "no QMP greeting from QEMU: %s", qmp->end_reason->message);
  else if (!greeted && !g_cancellable_set_error_if_cancelled (cancellable, error))
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_FAILED,
                 "QEMU sent no QMP greeting within %u ms", qmp->limits.greeting_timeout_ms);
  g_mutex_unlock (&qmp->lock);

  if (cancellable != NULL)
    g_cancellable_disconnect (cancellable, handler);
  return greeted;
}

/* Builds a client over @socket (taken) and starts its I/O thread. */
static GVirQmp *
qmp_start (GSocket                *socket,
           const GVirQmpCallbacks *callbacks,
           gpointer                user_data,
           const GVirQmpLimits    *limits)
{
  GVirQmp *qmp = g_new0 (GVirQmp, 1);

  qmp->socket = socket;
  if (callbacks != NULL)
    qmp->callbacks = *callbacks;
  qmp->user_data = user_data;
  if (limits != NULL)
    qmp->limits = *limits;
  else
    gvir_qmp_get_default_limits (&qmp->limits);
  qmp->context = g_main_context_new ();
  qmp->inbuf = g_byte_array_new ();
  qmp->out = g_byte_array_new ();
  qmp->parser = json_parser_new_immutable ();
  qmp->pending = g_hash_table_new (g_int64_hash, g_int64_equal);
  qmp->package = g_strdup ("");
  qmp->next_id = 1;
  g_mutex_init (&qmp->lock);
  g_cond_init (&qmp->greeting_cond);

  qmp->read_source = g_socket_create_source (socket, G_IO_IN | G_IO_HUP | G_IO_ERR, NULL);
  g_source_set_callback (qmp->read_source, G_SOURCE_FUNC (on_readable), qmp, NULL);
  g_source_attach (qmp->read_source, qmp->context);
  qmp->thread = g_thread_new ("gvir-qmp", io_thread, qmp);
  qmp->io_thread = qmp->thread;
  return qmp;
}

/* The greeting, then qmp_capabilities, within the greeting timeout. */
static gboolean
negotiate (GVirQmp       *qmp,
           GCancellable  *cancellable,
           GError       **error)
{
  guint timeout_ms = qmp->limits.greeting_timeout_ms;
  gint64 start = g_get_monotonic_time ();
  gint64 deadline = deadline_after (timeout_ms);
  g_autoptr(GError) local = NULL;
  gint64 greeted_ms;

  if (!wait_for_greeting (qmp, deadline, cancellable, error))
    return FALSE;
  greeted_ms = (g_get_monotonic_time () - start) / 1000;
  if (run_command (qmp, "qmp_capabilities", NULL, -1, NULL, deadline, timeout_ms, cancellable,
                   &local))
    return TRUE;
  /* When it came says whether QEMU was slow to start or stopped answering. */
  g_set_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_FAILED,
               "QMP capabilities negotiation failed: %s (the greeting came after %"
               G_GINT64_FORMAT " ms)", local->message, greeted_ms);
  return FALSE;
}

static GVirQmp *
qmp_new_for_socket (GSocket                *socket,
                    GSocketConnection      *connection,
                    const GVirQmpCallbacks *callbacks,
                    gpointer                user_data,
                    const GVirQmpLimits    *limits,
                    GCancellable           *cancellable,
                    GError                **error)
{
  g_autoptr(GVirQmp) qmp = NULL;

  if (g_socket_get_socket_type (socket) != G_SOCKET_TYPE_STREAM)
    {
      g_set_error_literal (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                           "a QMP monitor needs a stream socket");
      g_object_unref (socket);
      return NULL;
    }
  qmp = qmp_start (socket, callbacks, user_data, limits);
  if (connection != NULL)
    qmp->connection = g_object_ref (connection);
  if (!negotiate (qmp, cancellable, error))
    return NULL;
  return g_steal_pointer (&qmp);
}

GVirQmp *
gvir_qmp_new (GSocketConnection      *connection,
              const GVirQmpCallbacks *callbacks,
              gpointer                user_data,
              const GVirQmpLimits    *limits,
              GCancellable           *cancellable,
              GError                **error)
{
  g_return_val_if_fail (G_IS_SOCKET_CONNECTION (connection), NULL);

  return qmp_new_for_socket (g_object_ref (g_socket_connection_get_socket (connection)),
                             connection, callbacks, user_data, limits, cancellable, error);
}

GVirQmp *
gvir_qmp_new_for_fd (int                     fd,
                     const GVirQmpCallbacks *callbacks,
                     gpointer                user_data,
                     const GVirQmpLimits    *limits,
                     GCancellable           *cancellable,
                     GError                **error)
{
  g_autoptr(GError) local = NULL;
  GSocket *socket;

  g_return_val_if_fail (fd >= 0, NULL);

  socket = g_socket_new_from_fd (fd, &local);
  if (socket == NULL)
    {
      close (fd);
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                   "file descriptor %d is not a usable QMP socket: %s", fd, local->message);
      return NULL;
    }
  return qmp_new_for_socket (socket, NULL, callbacks, user_data, limits, cancellable, error);
}

void
gvir_qmp_get_version (GVirQmp *qmp,
                      guint   *major,
                      guint   *minor,
                      guint   *micro)
{
  g_return_if_fail (qmp != NULL);

  if (major != NULL)
    *major = qmp->major;
  if (minor != NULL)
    *minor = qmp->minor;
  if (micro != NULL)
    *micro = qmp->micro;
}

const char *
gvir_qmp_get_package (GVirQmp *qmp)
{
  g_return_val_if_fail (qmp != NULL, NULL);

  return qmp->package;
}

gsize
gvir_qmp_get_queued_bytes (GVirQmp *qmp)
{
  gsize len;

  g_return_val_if_fail (qmp != NULL, 0);

  g_mutex_lock (&qmp->lock);
  len = qmp->out->len;
  g_mutex_unlock (&qmp->lock);
  return len;
}

gboolean
gvir_qmp_is_open (GVirQmp *qmp)
{
  gboolean open;

  g_return_val_if_fail (qmp != NULL, FALSE);

  g_mutex_lock (&qmp->lock);
  open = !qmp->ended;
  g_mutex_unlock (&qmp->lock);
  return open;
}

void
gvir_qmp_close (GVirQmp *qmp)
{
  GThread *thread;

  g_return_if_fail (qmp != NULL);
  g_return_if_fail (g_thread_self () != qmp->io_thread);

  g_mutex_lock (&qmp->lock);
  qmp->stop = TRUE;
  end_locked (qmp, g_error_new_literal (GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED,
                                        "the QMP connection was closed"));
  thread = g_steal_pointer (&qmp->thread);
  g_mutex_unlock (&qmp->lock);

  g_socket_shutdown (qmp->socket, TRUE, TRUE, NULL);
  g_main_context_wakeup (qmp->context);
  if (thread != NULL)
    g_thread_join (thread);
}

void
gvir_qmp_free (GVirQmp *qmp)
{
  if (qmp == NULL)
    return;

  gvir_qmp_close (qmp);
  if (qmp->write_source != NULL)
    {
      g_source_destroy (qmp->write_source);
      g_source_unref (qmp->write_source);
    }
  g_source_destroy (qmp->read_source);
  g_source_unref (qmp->read_source);
  g_socket_close (qmp->socket, NULL);
  g_object_unref (qmp->socket);
  g_clear_object (&qmp->connection);
  g_main_context_unref (qmp->context);
  g_byte_array_unref (qmp->inbuf);
  g_byte_array_unref (qmp->out);
  g_queue_clear_full (&qmp->out_fds, (GDestroyNotify) queued_fd_free);
  g_object_unref (qmp->parser);
  g_hash_table_destroy (qmp->pending);
  g_clear_error (&qmp->write_error);
  g_clear_error (&qmp->end_reason);
  g_free (qmp->package);
  g_mutex_clear (&qmp->lock);
  g_cond_clear (&qmp->greeting_cond);
  g_free (qmp);
}
