/*
 * test-rpc-transport.c: the byte streams under the RPC client
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Connect failures, plain I/O on a socketpair, every TLS file error, and
 * the TLS client against a GnuTLS server in a thread of the test that
 * confirms, confirms wrongly, hangs up, or sends garbage. The certificates
 * are made with certtool at start (libvirtd-peer.c).
 */
#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/socket.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#if HAVE_GNUTLS
#include <gnutls/gnutls.h>
#endif

#include "gvir-test-wait.h"
#include "libvirt-gobject/libvirt-gobject-error.h"
#include "libvirt-gobject/rpc/gvir-rpc-transport-private.h"
#include "libvirtd-peer.h"

static char *pki_top;   /* NULL when certtool is missing */

typedef struct
{
  GSocket *client;      /* our reference to the transport's socket */
  GSocket *server;
  GVirRpcTransport *t;
} Pair;

static void
pair_open (Pair *p)
{
  int fds[2];

  g_assert_cmpint (socketpair (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds), ==, 0);
  p->client = g_socket_new_from_fd (fds[0], NULL);
  p->server = g_socket_new_from_fd (fds[1], NULL);
  g_assert_nonnull (p->client);
  g_assert_nonnull (p->server);
  /* Every blocking read of either side is bounded. */
  g_socket_set_timeout (p->client, (guint) (gvir_test_wait_bound_usec () / G_USEC_PER_SEC));
  gvir_test_socket_set_timeouts (g_socket_get_fd (p->server));
  p->t = gvir_rpc_transport_new_for_socket (p->client);
}

static void
pair_close (Pair *p)
{
  gvir_rpc_transport_free (p->t);
  g_clear_object (&p->client);
  g_clear_object (&p->server);
}

/* ---- connecting ----------------------------------------------------------- */

static void
test_connect_failures (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gvir-transport-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-socket", NULL);
  g_autoptr(GSocket) sock = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                          G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) lo = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (lo, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autofree char *words = NULL;
  guint16 port;

  g_assert_null (gvir_rpc_transport_connect_unix (missing, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_FAILED);
  words = g_strdup_printf ("cannot connect to socket '%s'", missing);
  g_assert_nonnull (strstr (error->message, words));
  g_clear_error (&error);
  g_clear_pointer (&words, g_free);

  /* A port bound but not listening refuses connections. */
  g_assert_true (g_socket_bind (sock, any, TRUE, NULL));
  bound = g_socket_get_local_address (sock, NULL);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_assert_null (gvir_rpc_transport_connect_tcp ("127.0.0.1", port, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_FAILED);
  words = g_strdup_printf ("cannot connect to 127.0.0.1 port %u", port);
  g_assert_nonnull (strstr (error->message, words));
  g_rmdir (dir);
}

/* ---- plain I/O ---------------------------------------------------------------- */

static void
test_plain_io (void)
{
  Pair p = { 0 };
  g_autoptr(GError) error = NULL;
  guint8 buf[16];
  gboolean would_block = FALSE;
  gssize n;

  pair_open (&p);
  g_assert_false (gvir_rpc_transport_is_tls (p.t));

  /* Nothing yet: would block, and a zero wait times out. */
  n = gvir_rpc_transport_try_read (p.t, buf, sizeof buf, &would_block, &error);
  g_assert_cmpint (n, ==, -1);
  g_assert_true (would_block);
  g_assert_no_error (error);
  g_assert_cmpint (gvir_rpc_transport_wait_readable (p.t, 0, NULL), ==, 0);
  {
    /* Woken from another thread's cancel, before the data comes. */
    g_autoptr(GCancellable) wake = g_cancellable_new ();

    g_cancellable_cancel (wake);
    g_assert_cmpint (gvir_rpc_transport_wait_readable (p.t, gvir_test_wait_bound_usec (), wake),
                     ==, -1);
  }

  g_assert_cmpint (g_socket_send (p.server, "hello", 5, NULL, NULL), ==, 5);
  g_assert_cmpint (gvir_rpc_transport_wait_readable (p.t, gvir_test_wait_bound_usec (), NULL), ==, 1);
  n = gvir_rpc_transport_try_read (p.t, buf, sizeof buf, &would_block, &error);
  g_assert_cmpint (n, ==, 5);
  g_assert_false (would_block);
  g_assert_cmpmem (buf, 5, "hello", 5);

  g_assert_true (gvir_rpc_transport_write_all (p.t, (const guint8 *) "world", 5, &error));
  g_assert_cmpint (g_socket_receive (p.server, (gchar *) buf, sizeof buf, NULL, NULL), ==, 5);
  g_assert_cmpmem (buf, 5, "world", 5);

  /* The peer hangs up: end of stream. */
  g_socket_shutdown (p.server, FALSE, TRUE, NULL);
  g_assert_cmpint (gvir_rpc_transport_read (p.t, buf, sizeof buf, &error), ==, 0);
  g_assert_no_error (error);

  /* A closed socket: both directions fail and say which. */
  g_socket_close (p.client, NULL);
  g_assert_cmpint (gvir_rpc_transport_read (p.t, buf, sizeof buf, &error), ==, -1);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  g_assert_nonnull (strstr (error->message, "cannot read from the connection"));
  g_clear_error (&error);
  g_assert_cmpint (gvir_rpc_transport_try_read (p.t, buf, sizeof buf, &would_block, &error), ==, -1);
  g_assert_false (would_block);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  g_clear_error (&error);
  g_assert_false (gvir_rpc_transport_write_all (p.t, (const guint8 *) "x", 1, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  g_assert_nonnull (strstr (error->message, "cannot write to the connection"));
  pair_close (&p);
}

#if HAVE_GNUTLS

/* ---- TLS file errors ------------------------------------------------------------ */

static gboolean
need_pki (void)
{
  if (pki_top != NULL)
    return TRUE;
  if (g_strcmp0 (g_getenv ("GVIR_TESTS_REQUIRE_ALL"), "1") == 0)
    g_error ("certtool (Debian's gnutls-bin) is missing: the TLS transport tests need it");
  g_test_skip ("certtool (Debian's gnutls-bin) is not installed");
  return FALSE;
}

static char *
pki_file (const char *dir,
          const char *name)
{
  return g_build_filename (pki_top, dir, name, NULL);
}

static void
config_good (GVirRpcTlsConfig *config)
{
  memset (config, 0, sizeof *config);
  config->ca_file = pki_file ("client-good", "cacert.pem");
  config->crl_file = pki_file ("client-good", "cacrl.pem");   /* absent: not used */
  config->cert_file = pki_file ("client-good", "clientcert.pem");
  config->key_file = pki_file ("client-good", "clientkey.pem");
}

/* start_tls with @config on a fresh pair whose server never answers (the
 * failures all happen before the handshake). */
static void
assert_tls_refused (GVirRpcTlsConfig *config,
                    GVirError         code,
                    const char       *words)
{
  Pair p = { 0 };
  g_autoptr(GError) error = NULL;

  pair_open (&p);
  g_assert_false (gvir_rpc_transport_start_tls (p.t, config, "localhost", &error));
  g_test_message ("%s", error->message);
  g_assert_error (error, GVIR_ERROR, (gint) code);
  g_assert_nonnull (strstr (error->message, words));
  pair_close (&p);
  gvir_rpc_tls_config_clear (config);
}

static void
test_tls_files (void)
{
  GVirRpcTlsConfig config = { 0 };

  /* No CA at all. */
  config.ca_file = g_strdup ("/nonexistent/cacert.pem");
  assert_tls_refused (&config, GVIR_ERROR_AUTH_FAILED,
                      "CA certificate '/nonexistent/cacert.pem' is missing");
  assert_tls_refused (&config, GVIR_ERROR_AUTH_FAILED, "(none)");

  if (!need_pki ())
    return;

  /* A CA file that cannot be read as one. */
  config_good (&config);
  g_free (config.ca_file);
  config.ca_file = g_strdup (pki_top);
  assert_tls_refused (&config, GVIR_ERROR_AUTH_FAILED, "cannot load CA certificate");

  /* A CRL that exists but is none. */
  config_good (&config);
  g_free (config.crl_file);
  config.crl_file = g_strdup (pki_top);
  assert_tls_refused (&config, GVIR_ERROR_AUTH_FAILED, "cannot load CRL");

  /* A client certificate with the wrong key. */
  config_good (&config);
  g_free (config.key_file);
  config.key_file = pki_file ("pki", "serverkey.pem");
  assert_tls_refused (&config, GVIR_ERROR_AUTH_FAILED, "cannot load client certificate");

  /* A priority string GnuTLS rejects. */
  config_good (&config);
  config.priority = g_strdup ("NORMAL:+NO-SUCH-THING");
  assert_tls_refused (&config, GVIR_ERROR_INVALID_ARGUMENT, "invalid priority string");
}

/* ---- against a GnuTLS server ------------------------------------------------------- */

typedef enum
{
  SERVER_ECHO,          /* confirm, echo one message, close properly */
  SERVER_WRONG_BYTE,    /* confirm with 0x02 */
  SERVER_HANG_UP,       /* no confirmation, just close */
  SERVER_GARBAGE,       /* confirm, then bytes that are no TLS record */
  SERVER_PARTIAL,       /* confirm, then half a record; the rest when told */
} ServerScript;

typedef struct
{
  ServerScript script;
  int fd;
  gboolean handshake_ok;
  GAsyncQueue *go;      /* SERVER_PARTIAL: send the rest of the record */
} Server;

/* Keeps what GnuTLS would send, to put it on the wire piecemeal. */
static ssize_t
capture_push (gnutls_transport_ptr_t ptr,
              const void            *data,
              size_t                 len)
{
  g_byte_array_append (ptr, data, len);
  return len;
}

/* Sends a record of "hello" in two parts, the second once the test says:
 * in between, a reader must not block in the middle of the record. */
static void
send_split_record (Server           *s,
                   gnutls_session_t  session)
{
  g_autoptr(GByteArray) record = g_byte_array_new ();

  gnutls_transport_set_ptr (session, record);
  gnutls_transport_set_push_function (session, capture_push);
  g_assert_cmpint (gnutls_record_send (session, "hello", 5), ==, 5);
  g_assert_cmpuint (record->len, >, 5);
  g_assert_cmpint (send (s->fd, record->data, 5, MSG_NOSIGNAL), ==, 5);
  if (g_async_queue_timeout_pop (s->go, gvir_test_wait_bound_usec ()) == NULL)
    gvir_test_wait_timed_out ("the test to ask for the rest of the record");
  g_assert_cmpint (send (s->fd, record->data + 5, record->len - 5, MSG_NOSIGNAL),
                   ==, (gssize) record->len - 5);
}

static gpointer
server_thread (gpointer data)
{
  Server *s = data;
  g_autofree char *cert = pki_file ("pki", "servercert.pem");
  g_autofree char *key = pki_file ("pki", "serverkey.pem");
  gnutls_certificate_credentials_t creds;
  gnutls_session_t session;
  guint8 buf[64];
  int ret;

  gnutls_certificate_allocate_credentials (&creds);
  g_assert_cmpint (gnutls_certificate_set_x509_key_file (creds, cert, key, GNUTLS_X509_FMT_PEM),
                   ==, 0);
  gnutls_init (&session, GNUTLS_SERVER);
  gnutls_set_default_priority (session);
  gnutls_credentials_set (session, GNUTLS_CRD_CERTIFICATE, creds);
  gnutls_certificate_server_set_request (session, GNUTLS_CERT_REQUEST);
  gnutls_transport_set_int (session, s->fd);

  do
    ret = gnutls_handshake (session);
  while (ret == GNUTLS_E_AGAIN || ret == GNUTLS_E_INTERRUPTED);
  s->handshake_ok = ret == 0;
  if (ret == 0)
    switch (s->script)
      {
      case SERVER_ECHO:
        gnutls_record_send (session, "\x01", 1);
        ret = gnutls_record_recv (session, buf, sizeof buf);
        if (ret > 0)
          gnutls_record_send (session, buf, ret);
        gnutls_bye (session, GNUTLS_SHUT_WR);
        break;
      case SERVER_WRONG_BYTE:
        gnutls_record_send (session, "\x02", 1);
        break;
      case SERVER_HANG_UP:
        break;
      case SERVER_GARBAGE:
        gnutls_record_send (session, "\x01", 1);
        g_assert_cmpint (send (s->fd, "this is no TLS record at all", 28, MSG_NOSIGNAL), ==, 28);
        break;
      case SERVER_PARTIAL:
        gnutls_record_send (session, "\x01", 1);
        send_split_record (s, session);
        break;
      }
  shutdown (s->fd, SHUT_RDWR);
  gnutls_deinit (session);
  gnutls_certificate_free_credentials (creds);
  return NULL;
}

/* Half a record is there: a non-blocking read says so at once instead of
 * waiting for the rest; once the rest arrives, the record reads whole. */
static void
read_split_record (Pair   *p,
                   Server *s)
{
  g_autoptr(GError) error = NULL;
  gboolean would_block = FALSE;
  guint8 buf[16];
  gssize n;

  g_assert_cmpint (gvir_rpc_transport_wait_readable (p->t, gvir_test_wait_bound_usec (), NULL),
                   ==, 1);
  n = gvir_rpc_transport_try_read (p->t, buf, sizeof buf, &would_block, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, -1);
  g_assert_true (would_block);

  g_async_queue_push (s->go, GINT_TO_POINTER (1));
  do
    {
      g_assert_cmpint (gvir_rpc_transport_poll (p->t, G_IO_IN, -1, gvir_test_wait_bound_usec ()),
                       ==, G_IO_IN);
      n = gvir_rpc_transport_try_read (p->t, buf, sizeof buf, &would_block, &error);
      g_assert_no_error (error);
    }
  while (n < 0 && would_block);
  g_assert_cmpint (n, ==, 5);
  g_assert_cmpmem (buf, 5, "hello", 5);
}

static void
run_against_server (ServerScript  script,
                    const char   *words)
{
  Pair p = { 0 };
  Server s = { .script = script, .go = g_async_queue_new () };
  GVirRpcTlsConfig config;
  g_autoptr(GError) error = NULL;
  GVirTestThread *thread;
  gboolean ok;

  if (!need_pki ())
    return;
  pair_open (&p);
  /* GSocket made the fd non-blocking; the server blocks, within the
   * socket timeouts pair_open() set. */
  s.fd = g_socket_get_fd (p.server);
  g_assert_cmpint (fcntl (s.fd, F_SETFL, fcntl (s.fd, F_GETFL) & ~O_NONBLOCK), ==, 0);
  thread = gvir_test_thread_new ("tls-server", server_thread, &s);
  config_good (&config);
  ok = gvir_rpc_transport_start_tls (p.t, &config, "localhost", &error);
  gvir_rpc_tls_config_clear (&config);

  if (script == SERVER_PARTIAL)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
      read_split_record (&p, &s);
    }
  else if (script == SERVER_ECHO || script == SERVER_GARBAGE)
    {
      guint8 buf[64];
      gboolean would_block = TRUE;
      gssize n;

      g_assert_no_error (error);
      g_assert_true (ok);
      g_assert_true (gvir_rpc_transport_is_tls (p.t));
      if (script == SERVER_ECHO)
        {
          g_assert_true (gvir_rpc_transport_write_all (p.t, (const guint8 *) "ping", 4, &error));
          g_assert_no_error (error);
          g_assert_cmpint (gvir_rpc_transport_wait_readable (p.t, gvir_test_wait_bound_usec (), NULL),
                           ==, 1);
          n = gvir_rpc_transport_try_read (p.t, buf, sizeof buf, &would_block, &error);
          g_assert_no_error (error);
          g_assert_false (would_block);
          g_assert_cmpint (n, ==, 4);
          g_assert_cmpmem (buf, 4, "ping", 4);
          /* close_notify, then the socket closes: end of stream. */
          g_assert_cmpint (gvir_rpc_transport_read (p.t, buf, sizeof buf, &error), ==, 0);
          g_assert_no_error (error);
        }
      else
        {
          g_assert_cmpint (gvir_rpc_transport_read (p.t, buf, sizeof buf, &error), ==, -1);
          g_test_message ("%s", error->message);
          g_assert_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
          g_assert_nonnull (strstr (error->message, words));
        }
    }
  else
    {
      g_assert_false (ok);
      g_test_message ("%s", error->message);
      g_assert_error (error, GVIR_ERROR, GVIR_ERROR_AUTH_FAILED);
      g_assert_nonnull (strstr (error->message, words));
    }
  gvir_test_thread_join (thread, "the TLS server thread to finish its script");
  g_assert_true (s.handshake_ok);
  g_async_queue_unref (s.go);

  /* Writing after the peer has gone fails and says so. */
  if (script == SERVER_ECHO)
    {
      g_autoptr(GError) late = NULL;

      g_socket_close (p.client, NULL);
      g_assert_false (gvir_rpc_transport_write_all (p.t, (const guint8 *) "x", 1, &late));
      g_assert_error (late, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
      g_assert_nonnull (strstr (late->message, "cannot write to the TLS connection"));
    }
  pair_close (&p);
}

static void
test_tls_echo (void)
{
  run_against_server (SERVER_ECHO, NULL);
}

static void
test_tls_wrong_byte (void)
{
  run_against_server (SERVER_WRONG_BYTE, "confirmation byte 0x02 instead of 0x01");
}

static void
test_tls_hang_up (void)
{
  run_against_server (SERVER_HANG_UP, "refused our client certificate");
}

static void
test_tls_garbage (void)
{
  run_against_server (SERVER_GARBAGE, "cannot read from the TLS connection");
}

static void
test_tls_partial_record (void)
{
  run_against_server (SERVER_PARTIAL, NULL);
}

#endif /* HAVE_GNUTLS */

int
main (int    argc,
      char **argv)
{
  g_autofree char *certtool = g_find_program_in_path ("certtool");
  int ret;

  g_test_init (&argc, &argv, NULL);

#if HAVE_GNUTLS
  if (certtool != NULL)
    {
      g_autoptr(GError) error = NULL;

      pki_top = g_dir_make_tmp ("gvir-transport-pki-XXXXXX", &error);
      g_assert_no_error (error);
      if (!libvirtd_peer_make_pki (pki_top, FALSE, &error))
        g_error ("cannot make the test certificates: %s", error->message);
    }
#endif

  g_test_add_func ("/rpc/transport/connect-failures", test_connect_failures);
  g_test_add_func ("/rpc/transport/plain-io", test_plain_io);
#if HAVE_GNUTLS
  g_test_add_func ("/rpc/transport/tls-files", test_tls_files);
  g_test_add_func ("/rpc/transport/tls-echo", test_tls_echo);
  g_test_add_func ("/rpc/transport/tls-wrong-byte", test_tls_wrong_byte);
  g_test_add_func ("/rpc/transport/tls-hang-up", test_tls_hang_up);
  g_test_add_func ("/rpc/transport/tls-garbage", test_tls_garbage);
  g_test_add_func ("/rpc/transport/tls-partial-record", test_tls_partial_record);
#endif

  ret = g_test_run ();
  if (pki_top != NULL)
    {
      const char *argv_rm[] = { "rm", "-rf", pki_top, NULL };

      g_spawn_sync (NULL, (char **) argv_rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                    NULL, NULL);
      g_free (pki_top);
    }
  return ret;
}
