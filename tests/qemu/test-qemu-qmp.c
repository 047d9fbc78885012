/*
 * test-qemu-qmp.c: the QMP client against a scripted QEMU monitor
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Each test plays QEMU's side of a socketpair in a peer thread: a script
 * that reads the client's commands and writes greetings, replies, events
 * and garbage, byte for byte as QEMU 7.2 frames them ("\r\n" after each
 * message). The test's main thread drives the client and compares what
 * it got.
 */
#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <glib-unix.h>

#include "gvir-test-wait.h"
#include "libvirt-gobject/libvirt-gobject-error.h"
#include "drivers/qemu/gvir-qmp-private.h"

#define GREETING "{\"QMP\": {\"version\": {\"qemu\": {\"micro\": 22, \"minor\": 2, \"major\": 7}, " \
                 "\"package\": \"Debian 1:7.2+dfsg-7+deb12u18+b3\"}, \"capabilities\": [\"oob\"]}}\r\n"

typedef struct _Fixture Fixture;
typedef void (*PeerScript) (Fixture *f);

struct _Fixture
{
  int client_fd;            /* handed to the client */
  int peer_fd;              /* QEMU's end */
  GString *peer_in;         /* bytes the peer read and has not consumed */
  GArray *peer_fds;         /* descriptors the peer received, in order */
  GVirTestThread *peer;
  PeerScript script;        /* what the peer does after the handshake */
  gboolean no_handshake;    /* the script greets (or does not) itself */
  GVirQmp *qmp;

  GMutex lock;              /* guards the fields below */
  GCond cond;
  GPtrArray *events;        /* "NAME DATA-JSON TIMESTAMP" */
  guint closed_count;
  GError *closed_error;
  guint peer_step;          /* how far the script got, for the main thread */
  guint main_step;          /* how far the main thread got, for the script */
};

/* ---- the peer ---------------------------------------------------------------- */

static void
peer_send (Fixture    *f,
           const char *text)
{
  gsize len = strlen (text);
  gsize done = 0;

  while (done < len)
    {
      gssize n = send (f->peer_fd, text + done, len - done, MSG_NOSIGNAL);

      if (n <= 0)
        return;  /* the client is gone: what it does next is the test */
      done += n;
    }
}

/* recv() that keeps the descriptors passed along (SCM_RIGHTS). */
static gssize
peer_receive (Fixture *f,
              char    *buf,
              gsize    len)
{
  struct iovec iov = { .iov_base = buf, .iov_len = len };
  union
  {
    char buf[CMSG_SPACE (4 * sizeof (int))];
    struct cmsghdr align;
  } control;
  struct msghdr msg = {
    .msg_iov = &iov, .msg_iovlen = 1,
    .msg_control = control.buf, .msg_controllen = sizeof control.buf,
  };
  gssize n = recvmsg (f->peer_fd, &msg, MSG_CMSG_CLOEXEC);

  for (struct cmsghdr *c = n > 0 ? CMSG_FIRSTHDR (&msg) : NULL; c != NULL; c = CMSG_NXTHDR (&msg, c))
    {
      if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS)
        continue;
      for (gsize i = 0; i < (c->cmsg_len - CMSG_LEN (0)) / sizeof (int); i++)
        {
          int fd;

          memcpy (&fd, CMSG_DATA (c) + i * sizeof (int), sizeof (int));
          g_array_append_val (f->peer_fds, fd);
        }
    }
  return n;
}

/* The next line the client wrote, without its newline; NULL at EOF. */
static char *
peer_read_line (Fixture *f)
{
  for (;;)
    {
      char *nl = memchr (f->peer_in->str, '\n', f->peer_in->len);
      char chunk[4096];
      gssize n;

      if (nl != NULL)
        {
          gsize len = nl - f->peer_in->str;
          char *line = g_strndup (f->peer_in->str, len);

          g_string_erase (f->peer_in, 0, len + 1);
          return line;
        }
      n = peer_receive (f, chunk, sizeof chunk);
      if (n < 0)
        g_error ("the fake QEMU could not read a command (timed out?)");
      if (n == 0)
        return NULL;
      g_string_append_len (f->peer_in, chunk, n);
    }
}

/* Reads one command, checks it is @name, returns its id and (optional)
 * its arguments as JSON text ("" when it has none). */
static gint64
peer_expect (Fixture     *f,
             const char  *name,
             char       **args_json)
{
  g_autofree char *line = peer_read_line (f);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *command;
  JsonNode *args;
  gint64 id = -1;

  g_assert_nonnull (line);
  g_assert_true (json_parser_load_from_data (parser, line, -1, NULL));
  command = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (gvir_qmp_json_get_string (command, "execute"), ==, name);
  g_assert_true (gvir_qmp_json_get_int (command, "id", &id));
  args = json_object_get_member (command, "arguments");
  if (args_json != NULL)
    *args_json = args != NULL ? json_to_string (args, FALSE) : g_strdup ("");
  return id;
}

static void
peer_reply (Fixture    *f,
            gint64      id,
            const char *return_json)
{
  g_autofree char *text = g_strdup_printf ("{\"return\": %s, \"id\": %" G_GINT64_FORMAT "}\r\n",
                                           return_json, id);

  peer_send (f, text);
}

static void
peer_error (Fixture    *f,
            gint64      id,
            const char *klass,
            const char *desc)
{
  g_autofree char *text = g_strdup_printf ("{\"id\": %" G_GINT64_FORMAT ", \"error\": "
                                           "{\"class\": \"%s\", \"desc\": \"%s\"}}\r\n",
                                           id, klass, desc);

  peer_send (f, text);
}

static void
peer_event (Fixture    *f,
            const char *name,
            const char *data_json,
            gint64      seconds,
            gint64      microseconds)
{
  g_autofree char *data = data_json ? g_strdup_printf (", \"data\": %s", data_json) : g_strdup ("");
  g_autofree char *text = g_strdup_printf ("{\"timestamp\": {\"seconds\": %" G_GINT64_FORMAT
                                           ", \"microseconds\": %" G_GINT64_FORMAT "}, "
                                           "\"event\": \"%s\"%s}\r\n",
                                           seconds, microseconds, name, data);

  peer_send (f, text);
}

/* Waits until the client hung up (EOF on the peer's end). */
static void
peer_wait_eof (Fixture *f)
{
  g_autofree char *line = NULL;

  while ((line = peer_read_line (f)) != NULL)
    g_clear_pointer (&line, g_free);
}

static void
set_step (Fixture *f,
          guint   *step,
          guint    value)
{
  g_mutex_lock (&f->lock);
  *step = value;
  g_cond_broadcast (&f->cond);
  g_mutex_unlock (&f->lock);
}

typedef struct
{
  Fixture *f;
  guint *step;
  guint value;
} StepWait;

static gboolean
step_reached (gpointer data)
{
  StepWait *w = data;

  return *w->step >= w->value;
}

static void
wait_step (Fixture    *f,
           guint      *step,
           guint       value,
           const char *what)
{
  StepWait w = { f, step, value };

  g_mutex_lock (&f->lock);
  gvir_test_cond_wait_until (&f->cond, &f->lock, step_reached, &w, what);
  g_mutex_unlock (&f->lock);
}

static gpointer
peer_main (gpointer data)
{
  Fixture *f = data;

  if (!f->no_handshake)
    {
      g_autofree char *args = NULL;
      gint64 id;

      peer_send (f, GREETING);
      id = peer_expect (f, "qmp_capabilities", &args);
      g_assert_cmpstr (args, ==, "");
      peer_reply (f, id, "{}");
    }
  if (f->script != NULL)
    f->script (f);
  return NULL;
}

/* ---- the client's side ---------------------------------------------------------- */

static void
on_event (GVirQmp    *qmp,
          const char *name,
          JsonObject *data,
          gint64      timestamp_us,
          gpointer    user_data)
{
  Fixture *f = user_data;
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), data);
  g_autofree char *json = json_to_string (node, FALSE);

  g_mutex_lock (&f->lock);
  g_ptr_array_add (f->events, g_strdup_printf ("%s %s %" G_GINT64_FORMAT, name, json,
                                               timestamp_us));
  g_cond_broadcast (&f->cond);
  g_mutex_unlock (&f->lock);
}

static void
on_closed (GVirQmp      *qmp,
           const GError *reason,
           gpointer      user_data)
{
  Fixture *f = user_data;

  g_mutex_lock (&f->lock);
  f->closed_count++;
  g_clear_error (&f->closed_error);
  f->closed_error = g_error_copy (reason);
  g_cond_broadcast (&f->cond);
  g_mutex_unlock (&f->lock);
}

static const GVirQmpCallbacks callbacks = {
  .event = on_event,
  .closed = on_closed,
};

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  int fds[2];

  g_assert_cmpint (socketpair (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds), ==, 0);
  f->client_fd = fds[0];
  f->peer_fd = fds[1];
  gvir_test_socket_set_timeouts (f->peer_fd);
  f->peer_in = g_string_new (NULL);
  f->peer_fds = g_array_new (FALSE, FALSE, sizeof (int));
  f->events = g_ptr_array_new_with_free_func (g_free);
  g_mutex_init (&f->lock);
  g_cond_init (&f->cond);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  /* The client first: the peer's script ends at the client's EOF. */
  g_clear_pointer (&f->qmp, gvir_qmp_free);
  if (f->client_fd >= 0)
    close (f->client_fd);
  if (f->peer != NULL)
    gvir_test_thread_join (f->peer, "the fake QEMU's script");
  close (f->peer_fd);
  g_string_free (f->peer_in, TRUE);
  for (guint i = 0; i < f->peer_fds->len; i++)
    close (g_array_index (f->peer_fds, int, i));
  g_array_unref (f->peer_fds);
  g_ptr_array_unref (f->events);
  g_clear_error (&f->closed_error);
  g_mutex_clear (&f->lock);
  g_cond_clear (&f->cond);
}

/* Starts the peer with @script and connects the client; NULL with @error
 * when the client refused the handshake. */
static GVirQmp *
connect_with_limits (Fixture             *f,
                     PeerScript           script,
                     const GVirQmpLimits *limits,
                     GError             **error)
{
  GVirQmp *qmp;
  int fd = f->client_fd;

  f->script = script;
  f->peer = gvir_test_thread_new ("fake-qemu", peer_main, f);
  f->client_fd = -1;
  qmp = gvir_qmp_new_for_fd (fd, &callbacks, f, limits, NULL, error);
  return qmp;
}

static void
connect_ok (Fixture             *f,
            PeerScript           script,
            const GVirQmpLimits *limits)
{
  g_autoptr(GError) error = NULL;

  f->qmp = connect_with_limits (f, script, limits, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->qmp);
}

static char *
reply_text (JsonNode *reply)
{
  return json_to_string (reply, FALSE);
}

static gboolean
closed_once (gpointer data)
{
  return ((Fixture *) data)->closed_count > 0;
}

static void
wait_closed (Fixture *f)
{
  g_mutex_lock (&f->lock);
  gvir_test_cond_wait_until (&f->cond, &f->lock, closed_once, f, "the closed callback");
  g_mutex_unlock (&f->lock);
}

/* ---- a command run in a thread of its own ---------------------------------------- */

typedef struct
{
  GVirQmp *qmp;
  const char *name;
  JsonObject *args;
  GCancellable *cancellable;
  JsonNode *reply;
  GError *error;
  gboolean ok;
} AsyncCommand;

static gpointer
command_thread (gpointer data)
{
  AsyncCommand *c = data;

  c->ok = gvir_qmp_command (c->qmp, c->name, c->args, &c->reply, c->cancellable, &c->error);
  return NULL;
}

static GVirTestThread *
start_command (AsyncCommand *c,
               GVirQmp      *qmp,
               const char   *name)
{
  c->qmp = qmp;
  c->name = name;
  return gvir_test_thread_new ("qmp-command", command_thread, c);
}

static void
async_command_clear (AsyncCommand *c)
{
  g_clear_pointer (&c->reply, json_node_unref);
  g_clear_error (&c->error);
}

/* ---- negotiation ------------------------------------------------------------------ */

static void
script_query_status (Fixture *f)
{
  gint64 id = peer_expect (f, "query-status", NULL);

  peer_reply (f, id, "{\"status\": \"paused\", \"singlestep\": false, \"running\": false}");
  peer_wait_eof (f);
}

static void
test_negotiation (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) reply = NULL;
  JsonObject *status;
  guint major = 0, minor = 0, micro = 0;
  gboolean running = TRUE;

  connect_ok (f, script_query_status, NULL);
  gvir_qmp_get_version (f->qmp, &major, &minor, &micro);
  g_assert_cmpuint (major, ==, 7);
  g_assert_cmpuint (minor, ==, 2);
  g_assert_cmpuint (micro, ==, 22);
  g_assert_cmpstr (gvir_qmp_get_package (f->qmp), ==, "Debian 1:7.2+dfsg-7+deb12u18+b3");

  g_assert_true (gvir_qmp_command (f->qmp, "query-status", NULL, &reply, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (reply));
  status = json_node_get_object (reply);
  g_assert_cmpstr (gvir_qmp_json_get_string (status, "status"), ==, "paused");
  g_assert_true (gvir_qmp_json_get_boolean (status, "running", &running));
  g_assert_false (running);
  g_assert_true (gvir_qmp_is_open (f->qmp));
}

/* The driver's other way in: the monitor connection its listener accepted. */
static void
test_socket_connection (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocket) socket = g_socket_new_from_fd (f->client_fd, &error);
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(JsonNode) reply = NULL;

  g_assert_no_error (error);
  f->client_fd = -1;
  connection = g_socket_connection_factory_create_connection (socket);
  f->script = script_query_status;
  f->peer = gvir_test_thread_new ("fake-qemu", peer_main, f);
  f->qmp = gvir_qmp_new (connection, &callbacks, f, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (gvir_qmp_command (f->qmp, "query-status", NULL, &reply, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gvir_qmp_json_get_string (json_node_get_object (reply), "status"), ==, "paused");
  /* The client holds its own reference: the caller's may go first. */
  g_clear_object (&connection);
  g_clear_object (&socket);
  gvir_qmp_free (g_steal_pointer (&f->qmp));
}

/* ---- arguments and reply values -------------------------------------------------- */

static void
script_arguments (Fixture *f)
{
  g_autofree char *args = NULL;
  gint64 id = peer_expect (f, "device_del", &args);

  g_assert_cmpstr (args, ==, "{\"id\":\"kbd\\\"1\"}");
  peer_reply (f, id, "{}");
  id = peer_expect (f, "query-cpus-fast", NULL);
  peer_reply (f, id, "[{\"thread-id\": 4703, \"cpu-index\": 0}, {\"thread-id\": 4704, \"cpu-index\": 1}]");
  peer_wait_eof (f);
}

static void
test_arguments_and_values (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(JsonObject) args = json_object_new ();
  g_autofree char *text = NULL;

  connect_ok (f, script_arguments, NULL);
  /* A quote in a value must travel escaped, never break the framing. */
  json_object_set_string_member (args, "id", "kbd\"1");
  g_assert_true (gvir_qmp_command (f->qmp, "device_del", args, &reply, NULL, &error));
  g_assert_no_error (error);
  text = reply_text (reply);
  g_assert_cmpstr (text, ==, "{}");
  /* The arguments were borrowed. */
  g_assert_cmpstr (json_object_get_string_member (args, "id"), ==, "kbd\"1");

  g_clear_pointer (&reply, json_node_unref);
  g_clear_pointer (&text, g_free);
  g_assert_true (gvir_qmp_command (f->qmp, "query-cpus-fast", NULL, &reply, NULL, &error));
  g_assert_no_error (error);
  text = reply_text (reply);
  g_assert_cmpstr (text, ==, "[{\"thread-id\":4703,\"cpu-index\":0},{\"thread-id\":4704,\"cpu-index\":1}]");
}

/* ---- error replies ------------------------------------------------------------------ */

static void
script_errors (Fixture *f)
{
  gint64 id = peer_expect (f, "device_del", NULL);

  peer_error (f, id, "GenericError", "Parameter 'id' is missing");
  id = peer_expect (f, "no-such-command", NULL);
  peer_error (f, id, "CommandNotFound", "The command no-such-command has not been found");
  peer_wait_eof (f);
}

static void
test_error_reply (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  JsonNode *reply = NULL;

  connect_ok (f, script_errors, NULL);
  g_assert_false (gvir_qmp_command (f->qmp, "device_del", NULL, &reply, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==,
                   "QEMU command 'device_del' failed: Parameter 'id' is missing (GenericError)");
  g_assert_null (reply);
  g_clear_error (&error);

  g_assert_false (gvir_qmp_command (f->qmp, "no-such-command", NULL, NULL, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED);
  g_assert_cmpstr (error->message, ==,
                   "QEMU command 'no-such-command' failed: The command no-such-command has not "
                   "been found (CommandNotFound)");
  /* An error reply is one command's failure, not the connection's. */
  g_assert_true (gvir_qmp_is_open (f->qmp));
}

/* ---- events ------------------------------------------------------------------------- */

#define N_EVENTS 50

static void
script_events (Fixture *f)
{
  gint64 id = peer_expect (f, "stop", NULL);

  peer_event (f, "STOP", NULL, 1700000000, 1);
  for (guint i = 0; i < N_EVENTS; i++)
    {
      g_autofree char *data = g_strdup_printf ("{\"n\": %u}", i);

      peer_event (f, "TICK", data, 1700000000 + i, 999999);
      if (i == N_EVENTS / 2)
        peer_reply (f, id, "{}");
    }
  id = peer_expect (f, "quit", NULL);
  /* QEMU sends the reply, then SHUTDOWN, then hangs up. */
  peer_reply (f, id, "{}");
  peer_event (f, "SHUTDOWN", "{\"guest\": false, \"reason\": \"host-qmp-quit\"}", 1700000100, 5);
  shutdown (f->peer_fd, SHUT_WR);
  peer_wait_eof (f);
}

static gboolean
all_events_in (gpointer data)
{
  Fixture *f = data;

  return f->events->len >= N_EVENTS + 2 && f->closed_count > 0;
}

static void
test_events_interleaved (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  connect_ok (f, script_events, NULL);
  g_assert_true (gvir_qmp_command (f->qmp, "stop", NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  /* One thread reads the stream in order: every event sent before the
   * reply has been delivered when the command returns. */
  g_mutex_lock (&f->lock);
  g_assert_cmpuint (f->events->len, >=, 1 + N_EVENTS / 2 + 1);
  g_assert_cmpstr (f->events->pdata[0], ==, "STOP {} 1700000000000001");
  g_mutex_unlock (&f->lock);

  g_assert_true (gvir_qmp_command (f->qmp, "quit", NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_mutex_lock (&f->lock);
  gvir_test_cond_wait_until (&f->cond, &f->lock, all_events_in, f, "every event and the EOF");
  g_assert_cmpuint (f->events->len, ==, N_EVENTS + 2);
  for (guint i = 0; i < N_EVENTS; i++)
    {
      g_autofree char *want = g_strdup_printf ("TICK {\"n\":%u} %" G_GINT64_FORMAT, i,
                                               (gint64) (1700000000 + i) * G_USEC_PER_SEC + 999999);

      g_assert_cmpstr (f->events->pdata[i + 1], ==, want);
    }
  g_assert_cmpstr (f->events->pdata[N_EVENTS + 1], ==,
                   "SHUTDOWN {\"guest\":false,\"reason\":\"host-qmp-quit\"} 1700000100000005");
  g_assert_cmpuint (f->closed_count, ==, 1);
  g_assert_error (f->closed_error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  g_assert_cmpstr (f->closed_error->message, ==, "QEMU closed its monitor connection");
  g_mutex_unlock (&f->lock);
  g_assert_false (gvir_qmp_is_open (f->qmp));

  /* A command after the end fails at once with the reason. */
  g_assert_false (gvir_qmp_command (f->qmp, "cont", NULL, NULL, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  g_assert_cmpstr (error->message, ==, "QEMU command 'cont' failed: QEMU closed its monitor connection");
}

/* ---- replies to nobody, incomplete replies ---------------------------------------- */

static void
script_unknown_id (Fixture *f)
{
  g_autofree char *bare = NULL;
  gint64 id = peer_expect (f, "query-status", NULL);

  peer_reply (f, id + 1000, "{\"status\": \"running\"}");
  peer_send (f, "{\"return\": {\"status\": \"bogus\"}, \"id\": \"not-a-number\"}\r\n");
  peer_send (f, "{\"return\": {\"status\": \"bogus\"}}\r\n");
  peer_send (f, "\r\n");
  peer_reply (f, id, "{\"status\": \"paused\"}");
  id = peer_expect (f, "query-kvm", NULL);
  bare = g_strdup_printf ("{\"id\": %" G_GINT64_FORMAT "}\r\n", id);
  peer_send (f, bare);
  id = peer_expect (f, "query-name", NULL);
  peer_reply (f, id, "{}");
  peer_wait_eof (f);
}

static void
test_unknown_id_and_incomplete_reply (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) reply = NULL;
  g_autofree char *text = NULL;

  connect_ok (f, script_unknown_id, NULL);
  g_assert_true (gvir_qmp_command (f->qmp, "query-status", NULL, &reply, NULL, &error));
  g_assert_no_error (error);
  text = reply_text (reply);
  g_assert_cmpstr (text, ==, "{\"status\":\"paused\"}");

  g_assert_false (gvir_qmp_command (f->qmp, "query-kvm", NULL, NULL, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_PROTOCOL);
  g_assert_cmpstr (error->message, ==, "QEMU's reply to 'query-kvm' has neither \"return\" nor \"error\"");
  g_clear_error (&error);
  /* Neither ended the connection. */
  g_assert_true (gvir_qmp_command (f->qmp, "query-name", NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_mutex_lock (&f->lock);
  g_assert_cmpuint (f->closed_count, ==, 0);
  g_mutex_unlock (&f->lock);
}

/* ---- garbage ends the connection ---------------------------------------------------- */

typedef struct
{
  const char *garbage;
  guint max_line;
  const char *message;
} GarbageCase;

static const GarbageCase garbage_cases[] = {
  { "{\"return\": {}, \"id\": \r\n", 0,
    "closing QEMU's monitor: QEMU's monitor sent malformed JSON: " },
  { "[1, 2]\r\n", 0,
    "closing QEMU's monitor: QEMU's monitor sent an array where a message object was expected" },
  { "\"just a string\"\r\n", 0,
    "closing QEMU's monitor: QEMU's monitor sent a plain value where a message object was expected" },
  { NULL, 1024,
    "closing QEMU's monitor: QEMU's monitor sent a message longer than 1024 bytes" },
};

static const GarbageCase *current_garbage;

static void
script_garbage (Fixture *f)
{
  peer_expect (f, "query-status", NULL);
  if (current_garbage->garbage != NULL)
    peer_send (f, current_garbage->garbage);
  else
    {
      /* An event one byte over the limit, sent without its end yet. */
      g_autofree char *pad = g_strnfill (1024, 'x');
      g_autofree char *line = g_strdup_printf ("{\"event\": \"X\", \"data\": {\"p\": \"%s\"}}", pad);

      peer_send (f, line);
    }
  peer_wait_eof (f);
}

static void
test_garbage (Fixture       *f,
              gconstpointer  data)
{
  const GarbageCase *c = data;
  g_autoptr(GError) error = NULL;
  GVirQmpLimits limits;

  gvir_qmp_get_default_limits (&limits);
  if (c->max_line > 0)
    limits.max_line_bytes = c->max_line;
  current_garbage = c;
  connect_ok (f, script_garbage, &limits);

  g_assert_false (gvir_qmp_command (f->qmp, "query-status", NULL, NULL, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  g_assert_true (g_str_has_prefix (error->message, "QEMU command 'query-status' failed: "));
  g_assert_true (g_str_has_prefix (error->message + strlen ("QEMU command 'query-status' failed: "),
                                   c->message));
  wait_closed (f);
  g_mutex_lock (&f->lock);
  g_assert_cmpuint (f->closed_count, ==, 1);
  g_assert_error (f->closed_error, GVIR_ERROR, GVIR_ERROR_PROTOCOL);
  g_assert_true (g_str_has_prefix (f->closed_error->message, c->message));
  g_assert_cmpuint (f->events->len, ==, 0);
  g_mutex_unlock (&f->lock);
  g_assert_false (gvir_qmp_is_open (f->qmp));
}

/* A line of exactly the limit passes. */
static void
script_line_at_limit (Fixture *f)
{
  gint64 id = peer_expect (f, "query-status", NULL);
  g_autofree char *head = g_strdup_printf ("{\"id\": %" G_GINT64_FORMAT ", \"return\": \"", id);
  gsize pad_len = 1024 - strlen (head) - strlen ("\"}");
  g_autofree char *pad = g_strnfill (pad_len, 'y');
  g_autofree char *line = g_strdup_printf ("%s%s\"}\r\n", head, pad);

  g_assert_cmpuint (strlen (line), ==, 1024 + 2);
  peer_send (f, line);
  peer_wait_eof (f);
}

static void
test_line_at_limit (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) reply = NULL;
  GVirQmpLimits limits;

  gvir_qmp_get_default_limits (&limits);
  limits.max_line_bytes = 1024;
  connect_ok (f, script_line_at_limit, &limits);
  g_assert_true (gvir_qmp_command (f->qmp, "query-status", NULL, &reply, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (json_node_get_string (reply), "yyyy"));
}

/* ---- EOF while commands wait --------------------------------------------------------- */

static void
script_eof_during_commands (Fixture *f)
{
  g_autofree char *a = peer_read_line (f);
  g_autofree char *b = peer_read_line (f);

  g_assert_nonnull (a);
  g_assert_nonnull (b);
  /* Both commands are on the wire: QEMU dies. */
  shutdown (f->peer_fd, SHUT_RDWR);
}

static void
test_eof_during_commands (Fixture       *f,
                          gconstpointer  data)
{
  AsyncCommand c1 = { 0 }, c2 = { 0 };
  GVirTestThread *t1, *t2;

  connect_ok (f, script_eof_during_commands, NULL);
  t1 = start_command (&c1, f->qmp, "query-status");
  t2 = start_command (&c2, f->qmp, "query-block");
  gvir_test_thread_join (t1, "the first command");
  gvir_test_thread_join (t2, "the second command");

  g_assert_false (c1.ok);
  g_assert_error (c1.error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  g_assert_cmpstr (c1.error->message, ==,
                   "QEMU command 'query-status' failed: QEMU closed its monitor connection");
  g_assert_false (c2.ok);
  g_assert_error (c2.error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  g_assert_cmpstr (c2.error->message, ==,
                   "QEMU command 'query-block' failed: QEMU closed its monitor connection");
  wait_closed (f);
  g_mutex_lock (&f->lock);
  g_assert_cmpuint (f->closed_count, ==, 1);
  g_mutex_unlock (&f->lock);
  async_command_clear (&c1);
  async_command_clear (&c2);
}

/* ---- a silent peer: the deadline ------------------------------------------------------- */

static void
script_silent (Fixture *f)
{
  gint64 late = peer_expect (f, "query-status", NULL);
  gint64 id;

  /* No answer until the client gave up and asked something else. */
  id = peer_expect (f, "query-name", NULL);
  peer_reply (f, late, "{\"status\": \"late\"}");
  peer_reply (f, id, "{\"name\": \"vm\"}");
  peer_wait_eof (f);
}

static void
test_deadline (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) reply = NULL;
  g_autofree char *text = NULL;
  GVirQmpLimits limits;

  connect_ok (f, script_silent, NULL);
  gvir_qmp_get_default_limits (&limits);
  limits.command_timeout_ms = 200;
  gvir_qmp_set_limits (f->qmp, &limits);

  g_assert_false (gvir_qmp_command (f->qmp, "query-status", NULL, &reply, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, "QEMU did not answer 'query-status' within 200 ms");
  g_assert_null (reply);
  g_clear_error (&error);

  /* The late reply is dropped; the next command gets its own. */
  limits.command_timeout_ms = 0;
  gvir_qmp_set_limits (f->qmp, &limits);
  g_assert_true (gvir_qmp_command (f->qmp, "query-name", NULL, &reply, NULL, &error));
  g_assert_no_error (error);
  text = reply_text (reply);
  g_assert_cmpstr (text, ==, "{\"name\":\"vm\"}");
  g_assert_true (gvir_qmp_is_open (f->qmp));
}

/* ---- cancel --------------------------------------------------------------------------- */

static void
script_read_then_step (Fixture *f)
{
  g_autofree char *line = peer_read_line (f);

  g_assert_nonnull (line);
  set_step (f, &f->peer_step, 1);
  /* Events may still flow until the client hangs up. */
  wait_step (f, &f->main_step, 1, "the main thread's go for an event");
  peer_event (f, "RESUME", NULL, 1, 0);
  peer_wait_eof (f);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  AsyncCommand c = { 0 };
  GVirTestThread *t;

  connect_ok (f, script_read_then_step, NULL);
  c.cancellable = cancellable;
  t = start_command (&c, f->qmp, "query-status");
  wait_step (f, &f->peer_step, 1, "the command to reach the fake QEMU");
  g_cancellable_cancel (cancellable);
  gvir_test_thread_join (t, "the cancelled command");
  g_assert_false (c.ok);
  g_assert_error (c.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (gvir_qmp_is_open (f->qmp));
  async_command_clear (&c);
  set_step (f, &f->main_step, 1);
}

/* ---- close with a command in flight --------------------------------------------------- */

static void
test_close_in_flight (Fixture       *f,
                      gconstpointer  data)
{
  AsyncCommand c = { 0 };
  GVirTestThread *t;

  connect_ok (f, script_read_then_step, NULL);
  t = start_command (&c, f->qmp, "query-status");
  wait_step (f, &f->peer_step, 1, "the command to reach the fake QEMU");
  gvir_qmp_close (f->qmp);
  gvir_test_thread_join (t, "the command in flight at close");
  g_assert_false (c.ok);
  g_assert_error (c.error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  g_assert_cmpstr (c.error->message, ==,
                   "QEMU command 'query-status' failed: the QMP connection was closed");
  async_command_clear (&c);
  g_assert_false (gvir_qmp_is_open (f->qmp));

  /* The peer's event comes after close: no callback may see it, and
   * close is not reported through the closed callback. */
  set_step (f, &f->main_step, 1);
  gvir_test_thread_join (f->peer, "the fake QEMU's script");
  f->peer = NULL;
  g_mutex_lock (&f->lock);
  g_assert_cmpuint (f->events->len, ==, 0);
  g_assert_cmpuint (f->closed_count, ==, 0);
  g_mutex_unlock (&f->lock);
  gvir_qmp_close (f->qmp);
}

/* ---- many callers at once: replies matched by id ------------------------------------ */

#define N_CALLERS 4
#define CALLS_EACH 25

static void
script_reversed_replies (Fixture *f)
{
  for (guint batch = 0; batch < CALLS_EACH; batch++)
    {
      gint64 ids[N_CALLERS];
      char *args[N_CALLERS];

      /* Every caller has one command in flight: answer the batch
       * backwards, each reply echoing its own command's argument. */
      for (guint i = 0; i < N_CALLERS; i++)
        ids[i] = peer_expect (f, "echo", &args[i]);
      for (guint i = N_CALLERS; i-- > 0;)
        {
          peer_event (f, "TICK", NULL, 1, 0);
          peer_reply (f, ids[i], args[i]);
          g_free (args[i]);
        }
    }
  peer_wait_eof (f);
}

typedef struct
{
  GVirQmp *qmp;
  guint caller;
  guint matched;
} Caller;

static gpointer
caller_thread (gpointer data)
{
  Caller *c = data;

  for (guint i = 0; i < CALLS_EACH; i++)
    {
      g_autoptr(JsonObject) args = json_object_new ();
      g_autoptr(JsonNode) reply = NULL;
      g_autoptr(GError) error = NULL;
      gint64 n = -1;

      json_object_set_int_member (args, "n", c->caller * 1000 + i);
      g_assert_true (gvir_qmp_command (c->qmp, "echo", args, &reply, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (gvir_qmp_json_get_int (json_node_get_object (reply), "n", &n));
      g_assert_cmpint (n, ==, c->caller * 1000 + i);
      c->matched++;
    }
  return NULL;
}

static void
test_concurrent_callers (Fixture       *f,
                         gconstpointer  data)
{
  Caller callers[N_CALLERS];
  GVirTestThread *threads[N_CALLERS];

  connect_ok (f, script_reversed_replies, NULL);
  for (guint i = 0; i < N_CALLERS; i++)
    {
      callers[i] = (Caller) { f->qmp, i, 0 };
      threads[i] = gvir_test_thread_new ("qmp-caller", caller_thread, &callers[i]);
    }
  for (guint i = 0; i < N_CALLERS; i++)
    {
      gvir_test_thread_join (threads[i], "a caller's commands");
      g_assert_cmpuint (callers[i].matched, ==, CALLS_EACH);
    }
  g_mutex_lock (&f->lock);
  g_assert_cmpuint (f->events->len, ==, N_CALLERS * CALLS_EACH);
  g_mutex_unlock (&f->lock);
}

/* ---- a peer that stops reading ------------------------------------------------------- */

static void
script_not_reading (Fixture *f)
{
  /* Reads nothing until the client has given up on it. */
  wait_step (f, &f->main_step, 1, "the client to give up on a peer that does not read");
  peer_wait_eof (f);
}

static gboolean
output_queued (gpointer data)
{
  return gvir_qmp_get_queued_bytes (data) > 0;
}

static void
test_peer_not_reading (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(JsonObject) args = json_object_new ();
  g_autofree char *big = g_strnfill (4 * 1024 * 1024, 'z');
  g_autoptr(GError) error = NULL;
  AsyncCommand first = { 0 };
  GVirTestThread *t;
  GVirQmpLimits limits;
  const char *want = "QEMU stopped reading its monitor: ";

  gvir_qmp_get_default_limits (&limits);
  limits.max_queued_bytes = 64 * 1024;
  connect_ok (f, script_not_reading, &limits);

  /* One command always goes out whole, however large: most of this one
   * waits in the queue, since the peer does not read. */
  json_object_set_string_member (args, "data", big);
  first.args = args;
  t = start_command (&first, f->qmp, "blockdev-add");
  gvir_test_spin_until (NULL, output_queued, f->qmp, "the big command to fill the queue");
  g_assert_false (gvir_qmp_command (f->qmp, "query-status", NULL, NULL, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  g_assert_nonnull (strstr (error->message, want));
  gvir_test_thread_join (t, "the big command");
  g_assert_false (first.ok);
  g_assert_error (first.error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  g_assert_nonnull (strstr (first.error->message, want));
  wait_closed (f);
  g_mutex_lock (&f->lock);
  g_assert_nonnull (strstr (f->closed_error->message, want));
  g_mutex_unlock (&f->lock);
  async_command_clear (&first);
  set_step (f, &f->main_step, 1);
}

/* ---- passing a descriptor ------------------------------------------------------------- */

static void
script_getfd (Fixture *f)
{
  g_autofree char *args = NULL;
  gint64 id = peer_expect (f, "query-status", NULL);
  int fd;

  peer_reply (f, id, "{}");
  g_assert_cmpuint (f->peer_fds->len, ==, 0);
  id = peer_expect (f, "getfd", &args);
  g_assert_cmpstr (args, ==, "{\"fdname\":\"migrate\"}");
  /* Exactly one descriptor came, with this command: prove it is the
   * client's pipe by writing into it. */
  g_assert_cmpuint (f->peer_fds->len, ==, 1);
  fd = g_array_index (f->peer_fds, int, 0);
  g_assert_cmpint (write (fd, "hello", 5), ==, 5);
  peer_reply (f, id, "{}");
  id = peer_expect (f, "query-status", NULL);
  g_assert_cmpuint (f->peer_fds->len, ==, 1);
  peer_reply (f, id, "{}");
  peer_wait_eof (f);
}

static void
test_pass_fd (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(JsonObject) args = json_object_new ();
  g_autoptr(GError) error = NULL;
  char buf[16] = "";
  int fds[2];

  connect_ok (f, script_getfd, NULL);
  g_assert_true (g_unix_open_pipe (fds, FD_CLOEXEC, NULL));
  g_assert_true (gvir_qmp_command (f->qmp, "query-status", NULL, NULL, NULL, &error));
  json_object_set_string_member (args, "fdname", "migrate");
  g_assert_true (gvir_qmp_command_with_fd (f->qmp, "getfd", args, fds[1], NULL, NULL, &error));
  g_assert_no_error (error);
  /* Borrowed: ours to close, and the peer's copy still works. */
  close (fds[1]);
  g_assert_cmpint (read (fds[0], buf, sizeof buf), ==, 5);
  g_assert_cmpstr (buf, ==, "hello");
  close (fds[0]);
  g_assert_true (gvir_qmp_command (f->qmp, "query-status", NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_false (gvir_qmp_command_with_fd (f->qmp, "getfd", args, 999, NULL, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_assert_cmpstr (error->message, ==, "cannot pass file descriptor 999 to QEMU command 'getfd': "
                   "Bad file descriptor");
}

/* ---- handshakes that fail ------------------------------------------------------------ */

static void
script_bad_greeting (Fixture *f)
{
  peer_send (f, "{\"hello\": {\"version\": 1}}\r\n");
  peer_wait_eof (f);
}

static void
script_silent_greeting (Fixture *f)
{
  peer_wait_eof (f);
}

static void
script_caps_refused (Fixture *f)
{
  gint64 id;

  peer_send (f, GREETING);
  id = peer_expect (f, "qmp_capabilities", NULL);
  peer_error (f, id, "GenericError", "Capabilities negotiation is already complete");
  peer_wait_eof (f);
}

static void
test_bad_greeting (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GVirQmp *qmp;

  f->no_handshake = TRUE;
  qmp = connect_with_limits (f, script_bad_greeting, NULL, &error);
  g_assert_null (qmp);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_FAILED);
  g_assert_cmpstr (error->message, ==,
                   "no QMP greeting from QEMU: closing QEMU's monitor: the monitor did not greet "
                   "with QMP's {\"QMP\": {\"version\": ...}}: is this a QEMU monitor in control mode?");
  /* A failed constructor reports through its error only. */
  g_assert_cmpuint (f->closed_count, ==, 0);
}

static void
test_silent_greeting (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GVirQmpLimits limits;
  GVirQmp *qmp;

  gvir_qmp_get_default_limits (&limits);
  limits.greeting_timeout_ms = 200;
  f->no_handshake = TRUE;
  qmp = connect_with_limits (f, script_silent_greeting, &limits, &error);
  g_assert_null (qmp);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_FAILED);
  g_assert_cmpstr (error->message, ==, "QEMU sent no QMP greeting within 200 ms");
}

static void
test_caps_refused (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GVirQmp *qmp;

  f->no_handshake = TRUE;
  qmp = connect_with_limits (f, script_caps_refused, NULL, &error);
  g_assert_null (qmp);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_FAILED);
  g_assert_true (g_str_has_prefix (error->message,
                                   "QMP capabilities negotiation failed: QEMU command "
                                   "'qmp_capabilities' failed: Capabilities negotiation is "
                                   "already complete (GenericError) (the greeting came after "));
  g_assert_true (g_str_has_suffix (error->message, " ms)"));
}

static void
test_not_a_socket (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  int fds[2];

  g_assert_true (g_unix_open_pipe (fds, FD_CLOEXEC, NULL));
  close (fds[1]);
  g_assert_null (gvir_qmp_new_for_fd (fds[0], NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_assert_true (g_str_has_prefix (error->message, "file descriptor "));
  g_assert_nonnull (strstr (error->message, "is not a usable QMP socket: "));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/qemu/qmp/" path, Fixture, NULL, setup, func, teardown)
  ADD ("negotiation", test_negotiation);
  ADD ("socket-connection", test_socket_connection);
  ADD ("arguments-and-values", test_arguments_and_values);
  ADD ("error-reply", test_error_reply);
  ADD ("events-interleaved", test_events_interleaved);
  ADD ("unknown-id-and-incomplete-reply", test_unknown_id_and_incomplete_reply);
  g_test_add ("/qemu/qmp/garbage/malformed-json", Fixture, &garbage_cases[0], setup, test_garbage, teardown);
  g_test_add ("/qemu/qmp/garbage/array", Fixture, &garbage_cases[1], setup, test_garbage, teardown);
  g_test_add ("/qemu/qmp/garbage/string", Fixture, &garbage_cases[2], setup, test_garbage, teardown);
  g_test_add ("/qemu/qmp/garbage/long-line", Fixture, &garbage_cases[3], setup, test_garbage, teardown);
  ADD ("line-at-limit", test_line_at_limit);
  ADD ("eof-during-commands", test_eof_during_commands);
  ADD ("deadline", test_deadline);
  ADD ("cancel", test_cancel);
  ADD ("close-in-flight", test_close_in_flight);
  ADD ("concurrent-callers", test_concurrent_callers);
  ADD ("peer-not-reading", test_peer_not_reading);
  ADD ("pass-fd", test_pass_fd);
  ADD ("bad-greeting", test_bad_greeting);
  ADD ("silent-greeting", test_silent_greeting);
  ADD ("caps-refused", test_caps_refused);
  ADD ("not-a-socket", test_not_a_socket);
#undef ADD

  return g_test_run ();
}
