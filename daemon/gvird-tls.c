/*
 * gvird-tls.c: the TLS listener's sessions (GnuTLS on the socket)
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * As libvirtd: the server always asks for a client certificate and
 * requires a valid one (signed by ca_file, not revoked by crl_file, within
 * its dates), then matches the subject DN (gnutls_x509_crt_get_dn, the
 * "C=..,O=..,CN=.." order) against the globs of tls_allowed_dn_list. When
 * every check passed it sends one encrypted byte 0x01, which libvirt's
 * client waits for before its first call; a refused client is closed
 * without it.
 *
 * The daemon's clients speak plain bytes on a socket (gvird-client.c), so
 * a TLS client is given one end of a socketpair and two relay threads
 * carry bytes between the other end and the GnuTLS session, one for each
 * direction (GnuTLS allows one sender and one receiver at a time on a
 * session). Blocking relays keep the back-pressure of a plain socket.
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <glib-unix.h>
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>

#include "gvird-tls-private.h"

/* libvirtd's defaults (daemonConfigNew). */
#define DEFAULT_KEY_FILE  "/etc/pki/libvirt/private/serverkey.pem"
#define DEFAULT_CERT_FILE "/etc/pki/libvirt/servercert.pem"
#define DEFAULT_CA_FILE   "/etc/pki/CA/cacert.pem"
#define DEFAULT_CRL_FILE  "/etc/pki/CA/crl.pem"

/* Seconds a client may take over its handshake. */
#define HANDSHAKE_TIMEOUT 30
/* Handshakes at once (each has a thread): libvirtd's default
 * max_anonymous_clients, clients connected but not yet authenticated. */
#define MAX_HANDSHAKES 20

struct _GvirdTls
{
  gint ref_count;
  gnutls_certificate_credentials_t creds;
  gnutls_priority_t priority;   /* tls_priority, parsed once */
  gint handshakes;              /* in progress */
  char **allowed_dns;           /* NULL: no DN check */
};

typedef struct
{
  gint ref_count;               /* one for each relay thread */
  GvirdTls *tls;
  GvirdServer *server;
  GSocket *conn;
  gnutls_session_t session;
  int pair_fd;                  /* our end of the client's socketpair */
  char *who;                    /* the remote address, for messages */
} TlsClient;

static int
load_status (int         rc,
             const char *key,
             const char *path,
             GError    **error)
{
  if (rc >= 0)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s %s: %s", key, path,
               gnutls_strerror (rc));
  return FALSE;
}

static gboolean
load_credentials (GvirdTls          *tls,
                  const GvirdConfig *config,
                  GError           **error)
{
  gboolean any = config->key_file != NULL || config->cert_file != NULL ||
                 config->ca_file != NULL;
  const char *key = config->key_file != NULL ? config->key_file : DEFAULT_KEY_FILE;
  const char *cert = config->cert_file != NULL ? config->cert_file : DEFAULT_CERT_FILE;
  const char *ca = config->ca_file != NULL ? config->ca_file : DEFAULT_CA_FILE;
  const char *crl = config->crl_file != NULL ? config->crl_file : DEFAULT_CRL_FILE;

  /* As libvirtd: setting one of the three means setting all of them. */
  if (any && (config->key_file == NULL || config->cert_file == NULL || config->ca_file == NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "key_file, cert_file and ca_file must be set together");
      return FALSE;
    }
  if (!load_status (gnutls_certificate_set_x509_trust_file (tls->creds, ca,
                                                            GNUTLS_X509_FMT_PEM),
                    "ca_file", ca, error))
    return FALSE;
  /* The default CRL is optional; a configured one must load. */
  if (config->crl_file != NULL || g_file_test (crl, G_FILE_TEST_EXISTS))
    if (!load_status (gnutls_certificate_set_x509_crl_file (tls->creds, crl,
                                                            GNUTLS_X509_FMT_PEM),
                      "crl_file", crl, error))
      return FALSE;
  return load_status (gnutls_certificate_set_x509_key_file (tls->creds, cert, key,
                                                            GNUTLS_X509_FMT_PEM),
                      "cert_file/key_file", cert, error);
}

GvirdTls *
gvird_tls_new (const GvirdConfig *config,
               GError           **error)
{
  GvirdTls *tls = g_new0 (GvirdTls, 1);
  int rc;

  tls->ref_count = 1;
  tls->allowed_dns = g_strdupv (config->tls_allowed_dn_list);
  rc = gnutls_certificate_allocate_credentials (&tls->creds);
  if (rc < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "TLS credentials: %s",
                   gnutls_strerror (rc));
      gvird_tls_unref (tls);
      return NULL;
    }
  if (!load_credentials (tls, config, error))
    {
      gvird_tls_unref (tls);
      return NULL;
    }
  rc = gnutls_priority_init (&tls->priority, config->tls_priority, NULL);
  if (rc < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "tls_priority \"%s\": %s",
                   config->tls_priority, gnutls_strerror (rc));
      gvird_tls_unref (tls);
      return NULL;
    }
  return tls;
}

GvirdTls *
gvird_tls_ref (GvirdTls *tls)
{
  g_atomic_int_inc (&tls->ref_count);
  return tls;
}

void
gvird_tls_unref (GvirdTls *tls)
{
  if (tls == NULL || !g_atomic_int_dec_and_test (&tls->ref_count))
    return;
  if (tls->creds != NULL)
    gnutls_certificate_free_credentials (tls->creds);
  if (tls->priority != NULL)
    gnutls_priority_deinit (tls->priority);
  g_strfreev (tls->allowed_dns);
  g_free (tls);
}

gboolean
gvird_tls_dn_allowed (char *const *allowed,
                      const char  *dn)
{
  guint i;

  if (allowed == NULL)
    return TRUE;
  /* libvirt's rule: globs with '*' and '?', case- and space-sensitive. */
  for (i = 0; allowed[i] != NULL; i++)
    if (g_pattern_match_simple (allowed[i], dn))
      return TRUE;
  return FALSE;
}

/* ---- one client --------------------------------------------------------- */

static void
tls_client_unref (TlsClient *c)
{
  if (!g_atomic_int_dec_and_test (&c->ref_count))
    return;
  if (c->session != NULL)
    gnutls_deinit (c->session);
  if (c->pair_fd >= 0)
    close (c->pair_fd);
  g_socket_close (c->conn, NULL);
  g_object_unref (c->conn);
  gvird_tls_unref (c->tls);
  g_free (c->who);
  g_free (c);
}

static void
set_timeouts (int fd,
              int seconds)
{
  struct timeval tv = { .tv_sec = seconds, .tv_usec = 0 };

  setsockopt (fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  setsockopt (fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
}

static char *
crt_dn (gnutls_x509_crt_t crt)
{
  size_t size = 0;
  char *dn;

  if (gnutls_x509_crt_get_dn (crt, NULL, &size) != GNUTLS_E_SHORT_MEMORY_BUFFER)
    return NULL;
  dn = g_malloc0 (size + 1);
  if (gnutls_x509_crt_get_dn (crt, dn, &size) < 0)
    g_clear_pointer (&dn, g_free);
  return dn;
}

/* As libvirt: a certificate that names its purposes must name TLS WWW
 * client (a server's certificate is no client's). */
static gboolean
crt_may_be_client (gnutls_x509_crt_t crt)
{
  char oid[256];
  unsigned int i;

  for (i = 0;; i++)
    {
      size_t size = sizeof oid;
      int rc = gnutls_x509_crt_get_key_purpose_oid (crt, i, oid, &size, NULL);

      if (rc == GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE)
        return i == 0;
      if (rc < 0)
        return FALSE;
      if (g_str_equal (oid, GNUTLS_KP_TLS_WWW_CLIENT))
        return TRUE;
    }
}

/* The client's certificate (already verified): NULL when it may in, else
 * why not; @dn is set to its subject. */
static char *
check_subject (gnutls_session_t   session,
               char             **dn)
{
  const gnutls_datum_t *certs;
  unsigned int n_certs = 0;
  gnutls_x509_crt_t crt = NULL;
  char *why = NULL;

  certs = gnutls_certificate_get_peers (session, &n_certs);
  if (certs == NULL || n_certs == 0 || gnutls_x509_crt_init (&crt) < 0)
    return g_strdup ("cannot read the client certificate");
  if (gnutls_x509_crt_import (crt, &certs[0], GNUTLS_X509_FMT_DER) < 0 ||
      (*dn = crt_dn (crt)) == NULL)
    why = g_strdup ("cannot read the client certificate's DN");
  else if (!crt_may_be_client (crt))
    why = g_strdup_printf ("the certificate of '%s' is not for TLS clients (key purpose)", *dn);
  gnutls_x509_crt_deinit (crt);
  return why;
}

/* Checks the client's certificate: NULL when it may in, else why not. */
static char *
check_client (TlsClient *c)
{
  unsigned int status = 0;
  gnutls_datum_t text = { NULL, 0 };
  g_autofree char *dn = NULL;
  char *why;
  int rc;

  if (gnutls_certificate_type_get (c->session) != GNUTLS_CRT_X509 ||
      gnutls_certificate_get_peers (c->session, &status) == NULL)
    return g_strdup ("no client certificate");
  status = 0;
  /* Chain to ca_file, revocation by crl_file, activation and expiry. */
  rc = gnutls_certificate_verify_peers2 (c->session, &status);
  if (rc < 0)
    return g_strdup_printf ("cannot verify the client certificate: %s", gnutls_strerror (rc));
  if (status != 0)
    {
      gnutls_certificate_verification_status_print (status, GNUTLS_CRT_X509, &text, 0);
      why = g_strdup_printf ("invalid client certificate: %s",
                             text.data != NULL ? (const char *) text.data : "?");
      gnutls_free (text.data);
      return why;
    }
  why = check_subject (c->session, &dn);
  if (why != NULL)
    return why;
  if (!gvird_tls_dn_allowed (c->tls->allowed_dns, dn))
    return g_strdup_printf ("DN '%s' is not on the list of allowed clients "
                            "(tls_allowed_dn_list)", dn);
  g_message ("TLS client %s accepted: DN is %s", c->who, dn);
  return NULL;
}

static gboolean
handshake (TlsClient *c)
{
  g_autofree char *why = NULL;
  const guint8 ok = 1;
  int rc;

  if (gnutls_init (&c->session, GNUTLS_SERVER) < 0 ||
      gnutls_priority_set (c->session, c->tls->priority) < 0 ||
      gnutls_credentials_set (c->session, GNUTLS_CRD_CERTIFICATE, c->tls->creds) < 0)
    {
      g_message ("refusing TLS client %s: cannot set up a TLS session", c->who);
      return FALSE;
    }
  /* Asked, not required by GnuTLS, so that a missing certificate is
   * refused by check_client() with a message saying so. */
  gnutls_certificate_server_set_request (c->session, GNUTLS_CERT_REQUEST);
  gnutls_transport_set_int (c->session, g_socket_get_fd (c->conn));
  set_timeouts (g_socket_get_fd (c->conn), HANDSHAKE_TIMEOUT);
  do
    rc = gnutls_handshake (c->session);
  while (rc < 0 && !gnutls_error_is_fatal (rc));
  if (rc < 0)
    {
      g_message ("refusing TLS client %s: handshake failed: %s", c->who, gnutls_strerror (rc));
      return FALSE;
    }
  why = check_client (c);
  if (why != NULL)
    {
      g_message ("refusing TLS client %s: %s", c->who, why);
      return FALSE;
    }
  if (gnutls_record_send (c->session, &ok, 1) != 1)
    {
      g_message ("TLS client %s left before the confirmation byte", c->who);
      return FALSE;
    }
  set_timeouts (g_socket_get_fd (c->conn), 0);
  return TRUE;
}

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        len)
{
  while (len > 0)
    {
      ssize_t n = send (fd, data, len, MSG_NOSIGNAL);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      data += n;
      len -= (gsize) n;
    }
  return TRUE;
}

/* Client to daemon: decrypts and writes to the socketpair. */
static gpointer
relay_in (gpointer data)
{
  TlsClient *c = data;
  char buf[16384];

  for (;;)
    {
      ssize_t n = gnutls_record_recv (c->session, buf, sizeof buf);

      if (n == GNUTLS_E_AGAIN || n == GNUTLS_E_INTERRUPTED)
        continue;
      if (n <= 0 || !write_all (c->pair_fd, buf, (gsize) n))
        break;
    }
  /* The daemon sees the end of its client, and relay_out wakes up. */
  shutdown (c->pair_fd, SHUT_RDWR);
  tls_client_unref (c);
  return NULL;
}

/* Daemon to client: reads the socketpair and encrypts. */
static gpointer
relay_out (gpointer data)
{
  TlsClient *c = data;
  char buf[16384];

  for (;;)
    {
      ssize_t n = recv (c->pair_fd, buf, sizeof buf, 0);
      gsize done = 0;

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      while (done < (gsize) n)
        {
          ssize_t w = gnutls_record_send (c->session, buf + done, (gsize) n - done);

          if (w == GNUTLS_E_AGAIN || w == GNUTLS_E_INTERRUPTED)
            continue;
          if (w <= 0)
            goto out;
          done += (gsize) w;
        }
    }
out:
  /* The daemon closed the client (or it is gone): relay_in wakes up. */
  gnutls_bye (c->session, GNUTLS_SHUT_WR);
  shutdown (g_socket_get_fd (c->conn), SHUT_RDWR);
  tls_client_unref (c);
  return NULL;
}

typedef struct
{
  GvirdServer *server;
  GSocket *socket;
} Adoption;

static gboolean
adopt_on_io_thread (gpointer data)
{
  Adoption *a = data;
  GvirdPeer peer = { 0 };

  peer.sasl = g_str_equal (a->server->config->auth_tls, "sasl");
  gvird_listen_take_client (a->server, a->socket, &peer);
  g_object_unref (a->socket);
  g_free (a);
  return G_SOURCE_REMOVE;
}

/* Gives the daemon its end of a socketpair and starts the relays. */
static gboolean
start_relays (TlsClient *c)
{
  g_autoptr (GError) error = NULL;
  Adoption *a;
  GThread *in, *out;
  int fds[2];

  if (socketpair (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0)
    {
      g_warning ("TLS client %s: socketpair: %s", c->who, g_strerror (errno));
      return FALSE;
    }
  c->pair_fd = fds[0];
  a = g_new0 (Adoption, 1);
  a->server = c->server;
  a->socket = g_socket_new_from_fd (fds[1], &error);
  if (a->socket == NULL)
    {
      g_warning ("TLS client %s: %s", c->who, error->message);
      close (fds[1]);
      g_free (a);
      return FALSE;
    }
  g_atomic_int_inc (&c->ref_count);
  out = g_thread_try_new ("gvird-tls-out", relay_out, c, &error);
  if (out == NULL)
    {
      g_warning ("TLS client %s: %s", c->who, error->message);
      g_atomic_int_dec_and_test (&c->ref_count);
      g_object_unref (a->socket);
      g_free (a);
      return FALSE;
    }
  g_thread_unref (out);
  g_main_context_invoke (c->server->context, adopt_on_io_thread, a);
  /* relay_in takes over the reference of the handshake thread. */
  in = g_thread_try_new ("gvird-tls-in", relay_in, c, &error);
  if (in == NULL)
    {
      g_warning ("TLS client %s: %s", c->who, error->message);
      shutdown (c->pair_fd, SHUT_RDWR);
      tls_client_unref (c);
      return TRUE;
    }
  g_thread_unref (in);
  return TRUE;
}

static gpointer
serve_client (gpointer data)
{
  TlsClient *c = data;
  gboolean passed = handshake (c);

  g_atomic_int_add (&c->tls->handshakes, -1);
  if (!passed || !start_relays (c))
    tls_client_unref (c);
  return NULL;
}

static char *
describe_remote (GSocket *conn)
{
  g_autoptr (GSocketAddress) addr = g_socket_get_remote_address (conn, NULL);
  g_autofree char *host = NULL;

  if (addr == NULL || !G_IS_INET_SOCKET_ADDRESS (addr))
    return g_strdup ("?");
  host = g_inet_address_to_string (
    g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (addr)));
  return g_strdup_printf ("%s:%u", host,
                          g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (addr)));
}

void
gvird_tls_serve (GvirdTls    *tls,
                 GvirdServer *server,
                 GSocket     *conn)
{
  g_autoptr (GError) error = NULL;
  TlsClient *c;
  GThread *thread;

  if (g_atomic_int_add (&tls->handshakes, 1) >= MAX_HANDSHAKES)
    {
      g_autofree char *who = describe_remote (conn);

      g_atomic_int_add (&tls->handshakes, -1);
      g_message ("refusing TLS client %s: %d handshakes already in progress", who,
                 MAX_HANDSHAKES);
      return;
    }
  c = g_new0 (TlsClient, 1);
  c->ref_count = 1;
  c->tls = gvird_tls_ref (tls);
  c->server = server;
  c->conn = g_object_ref (conn);
  c->pair_fd = -1;
  c->who = describe_remote (conn);
  /* GSocket keeps its descriptor non-blocking; GnuTLS and the relays
   * use it blocking. */
  g_unix_set_fd_nonblocking (g_socket_get_fd (conn), FALSE, NULL);
  thread = g_thread_try_new ("gvird-tls", serve_client, c, &error);
  if (thread == NULL)
    {
      g_warning ("TLS client %s: %s", c->who, error->message);
      g_atomic_int_add (&tls->handshakes, -1);
      tls_client_unref (c);
      return;
    }
  g_thread_unref (thread);
}
