/*
 * gvird-runner.c: starts and stops a gvird for a test; raw client
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
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib-unix.h>
#include <glib/gstdio.h>

#include "gvir-test-files.h"
#include "gvir-test-wait.h"
#include "gvird-runner.h"
#include "libvirt-gobject/rpc/gvir-rpc-remote-private.h"

gboolean
gvird_runner_require_all (void)
{
  const char *v = g_getenv ("GVIR_TESTS_REQUIRE_ALL");

  return v != NULL && g_str_equal (v, "1");
}

/* Whether something accepts connections on @path. */
static gboolean
socket_listens (const char *path)
{
  g_autoptr (GSocketAddress) addr = g_unix_socket_address_new (path);
  g_autoptr (GSocket) probe = g_socket_new (G_SOCKET_FAMILY_UNIX, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_DEFAULT, NULL);

  return probe != NULL && g_socket_connect (probe, addr, NULL, NULL);
}

/* Waits until gvird listens on @path (the socket file exists between
 * bind and listen, too early for a client). */
static gboolean
wait_for_socket (const char *path,
                 GPid        pid)
{
  gint64 deadline = gvir_test_wait_deadline ();
  int status;

  while (!socket_listens (path))
    {
      if (waitpid (pid, &status, WNOHANG) == pid || g_get_monotonic_time () > deadline)
        return FALSE;
      g_usleep (10000);
    }
  return TRUE;
}

/* In the child: a test that fails (and so aborts) before it stops its
 * daemon must not leave the daemon running. */
void
gvird_runner_child_setup (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static GvirdRunner *
runner_start (const char  *extra_config,
              gboolean     listen,
              GError     **error)
{
  const char *gvird = g_getenv ("GVIRD");
  GvirdRunner *r;
  g_autofree char *conf = NULL;
  g_autofree char *conf_path = NULL;
  g_autofree char *log_path = NULL;
  char *argv[7];
  int log_fd;

  g_assert_nonnull (gvird);
  r = g_new0 (GvirdRunner, 1);
  r->dir = g_dir_make_tmp ("gvird-test-XXXXXX", error);
  g_assert_nonnull (r->dir);
  r->socket = g_build_filename (r->dir, "libvirt-sock", NULL);
  r->socket_ro = g_build_filename (r->dir, "libvirt-sock-ro", NULL);
  r->pid_file = g_build_filename (r->dir, "gvird.pid", NULL);
  conf = g_strdup_printf ("# written by the test\nunix_sock_dir = \"%s\"\n%s\n", r->dir,
                          extra_config != NULL ? extra_config : "");
  conf_path = g_build_filename (r->dir, "gvird.conf", NULL);
  g_assert_true (g_file_set_contents (conf_path, conf, -1, NULL));
  log_path = g_build_filename (r->dir, "gvird.log", NULL);

  argv[0] = (char *) gvird;
  argv[1] = (char *) "--config";
  argv[2] = conf_path;
  argv[3] = (char *) "--pid-file";
  argv[4] = r->pid_file;
  argv[5] = listen ? (char *) "--listen" : NULL;
  argv[6] = NULL;
  log_fd = open (log_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  g_assert_cmpint (log_fd, >=, 0);
  if (!g_spawn_async_with_fds (NULL, argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, gvird_runner_child_setup, NULL,
                               &r->pid, -1, log_fd, log_fd, error))
    {
      close (log_fd);
      gvir_test_remove_tree (r->dir);
      g_free (r);
      return NULL;
    }
  close (log_fd);
  if (!wait_for_socket (r->socket_ro, r->pid))
    {
      g_autofree char *log = NULL;

      g_file_get_contents (log_path, &log, NULL, NULL);
      g_error ("gvird did not create its sockets in time; its log:\n%s", log);
    }
  return r;
}

GvirdRunner *
gvird_runner_start (const char  *extra_config,
                    GError     **error)
{
  return runner_start (extra_config, FALSE, error);
}

GvirdRunner *
gvird_runner_start_listen (const char  *extra_config,
                           GError     **error)
{
  return runner_start (extra_config, TRUE, error);
}

char *
gvird_runner_uri (const GvirdRunner *runner,
                  gboolean           read_only)
{
  return g_strdup_printf ("test+unix:///default?socket=%s",
                          read_only ? runner->socket_ro : runner->socket);
}

void
gvird_runner_stop (GvirdRunner *r)
{
  gint64 deadline = gvir_test_wait_deadline ();
  int status = 0;
  pid_t got;

  kill (r->pid, SIGTERM);
  while ((got = waitpid (r->pid, &status, WNOHANG)) == 0 && g_get_monotonic_time () < deadline)
    g_usleep (10000);
  if (got != r->pid)
    {
      kill (r->pid, SIGKILL);
      waitpid (r->pid, &status, 0);
      g_error ("gvird did not stop within the bound after SIGTERM");
    }
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_assert_false (g_file_test (r->socket, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (r->socket_ro, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (r->pid_file, G_FILE_TEST_EXISTS));
  gvir_test_remove_tree (r->dir);
  g_free (r->dir);
  g_free (r->socket);
  g_free (r->socket_ro);
  g_free (r->pid_file);
  g_free (r);
}

/* ---- raw client ------------------------------------------------------------ */

GSocket *
raw_connect (const char *path)
{
  g_autoptr (GSocketAddress) addr = g_unix_socket_address_new (path);
  g_autoptr (GError) error = NULL;
  GSocket *sock = g_socket_new (G_SOCKET_FAMILY_UNIX, G_SOCKET_TYPE_STREAM,
                                G_SOCKET_PROTOCOL_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_true (g_socket_connect (sock, addr, NULL, &error));
  g_assert_no_error (error);
  /* The helpers use the descriptor directly, blocking, with the socket
   * timeouts as bounds (GSocket keeps its descriptors non-blocking). */
  g_assert_true (g_unix_set_fd_nonblocking (g_socket_get_fd (sock), FALSE, NULL));
  gvir_test_socket_set_timeouts (g_socket_get_fd (sock));
  return sock;
}

gboolean
raw_send_packet (GSocket             *sock,
                 const GVirRpcHeader *header,
                 const guint8        *payload,
                 gsize                len)
{
  g_autoptr (GBytes) packet = gvir_rpc_packet_encode (header, payload, len, NULL);
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (packet, &size);

  return write (g_socket_get_fd (sock), data, size) == (ssize_t) size;
}

gboolean
raw_send_call (GSocket      *sock,
               gint32        proc,
               guint32       serial,
               const guint8 *payload,
               gsize         len)
{
  GVirRpcHeader header = { GVIR_RPC_REMOTE_PROGRAM, GVIR_RPC_REMOTE_VERSION, proc,
                           GVIR_RPC_TYPE_CALL, serial, GVIR_RPC_STATUS_OK };

  return raw_send_packet (sock, &header, payload, len);
}

static gboolean
read_exact (int     fd,
            guint8 *buf,
            gsize   len)
{
  gsize have = 0;

  while (have < len)
    {
      ssize_t n = read (fd, buf + have, len - have);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      have += n;
    }
  return TRUE;
}

gboolean
raw_read_packet (GSocket        *sock,
                 GVirRpcHeader  *header,
                 GBytes        **payload)
{
  int fd = g_socket_get_fd (sock);
  guint8 word[GVIR_RPC_LEN_SIZE];
  g_autofree guint8 *body = NULL;
  guint32 body_len = 0;

  if (!read_exact (fd, word, sizeof word) ||
      !gvir_rpc_packet_check_length (word, &body_len, NULL))
    return FALSE;
  body = g_malloc (body_len);
  if (!read_exact (fd, body, body_len) ||
      !gvir_rpc_header_decode (body, body_len, header, NULL))
    return FALSE;
  *payload = g_bytes_new (body + GVIR_RPC_HEADER_SIZE, body_len - GVIR_RPC_HEADER_SIZE);
  return TRUE;
}

gboolean
raw_read_reply (GSocket        *sock,
                GVirRpcHeader  *header,
                GBytes        **payload)
{
  for (;;)
    {
      g_autoptr (GBytes) got = NULL;

      if (!raw_read_packet (sock, header, &got))
        return FALSE;
      if (header->type != GVIR_RPC_TYPE_REPLY)
        continue;
      *payload = g_steal_pointer (&got);
      return TRUE;
    }
}

gboolean
raw_call (GSocket        *sock,
          gint32          proc,
          const guint8   *payload,
          gsize           len,
          GVirRpcHeader  *header,
          GBytes        **reply)
{
  static guint32 serial = 100;
  guint32 mine = ++serial;

  if (!raw_send_call (sock, proc, mine, payload, len) || !raw_read_reply (sock, header, reply))
    return FALSE;
  g_assert_cmpuint (header->serial, ==, mine);
  g_assert_cmpint (header->proc, ==, proc);
  return TRUE;
}

void
raw_open_after_auth (GSocket *sock)
{
  GVirRpcConnectOpenArgs args = { (char *) "test:///default", 0 };
  g_autoptr (GByteArray) payload = gvir_rpc_encode_connect_open_args (&args, NULL);
  g_autoptr (GBytes) reply = NULL;
  GVirRpcHeader header;

  g_assert_true (raw_call (sock, GVIR_RPC_PROC_CONNECT_OPEN, payload->data, payload->len,
                           &header, &reply));
  g_assert_cmpuint (header.status, ==, GVIR_RPC_STATUS_OK);
}

void
raw_open (GSocket *sock,
          guint32  flags)
{
  GVirRpcConnectOpenArgs args = { (char *) "test:///default", flags };
  g_autoptr (GByteArray) payload = gvir_rpc_encode_connect_open_args (&args, NULL);
  g_autoptr (GBytes) reply = NULL;
  g_autoptr (GBytes) reply2 = NULL;
  g_auto (GVirRpcAuthListRet) auth = { 0 };
  GVirRpcHeader header;
  gsize len = 0;
  const guint8 *data;

  g_assert_true (raw_call (sock, GVIR_RPC_PROC_AUTH_LIST, NULL, 0, &header, &reply));
  g_assert_cmpuint (header.status, ==, GVIR_RPC_STATUS_OK);
  data = g_bytes_get_data (reply, &len);
  g_assert_true (gvir_rpc_decode_auth_list_ret (data, len, &auth, NULL));
  g_assert_cmpuint (auth.n_types, ==, 1);
  g_assert_cmpint (auth.types[0], ==, GVIR_RPC_AUTH_NONE);
  g_assert_true (raw_call (sock, GVIR_RPC_PROC_CONNECT_OPEN, payload->data, payload->len,
                           &header, &reply2));
  g_assert_cmpuint (header.status, ==, GVIR_RPC_STATUS_OK);
}

gboolean
raw_wait_closed (GSocket *sock)
{
  int fd = g_socket_get_fd (sock);
  gint64 deadline = gvir_test_wait_deadline ();
  guint8 buf[4096];

  /* The socket's receive timeout bounds each read; data the server may
   * still send before closing is skipped, but only until the wait bound:
   * a server that keeps sending (keepalive pings) and never closes must
   * fail here, not run into the test's own timeout. */
  while (g_get_monotonic_time () < deadline)
    {
      ssize_t n = read (fd, buf, sizeof buf);

      if (n == 0 || (n < 0 && errno == ECONNRESET))
        return TRUE;
      if (n < 0 && errno != EINTR)
        return FALSE;  /* timed out: still open */
    }
  return FALSE;
}

gint32
raw_error_code (GBytes  *payload,
                char   **message)
{
  g_auto (GVirRpcError) err = { 0 };
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (payload, &len);

  g_assert_true (gvir_rpc_decode_error (data, len, &err, NULL));
  if (message != NULL)
    *message = g_strdup (err.message);
  return err.code;
}
