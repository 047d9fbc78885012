/*
 * gvir-rpc-transport.c: byte streams for the RPC protocol
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
#include <string.h>

#include <gio/gunixsocketaddress.h>
#if HAVE_GNUTLS
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#endif

#include "gvir-rpc-transport-private.h"
#include "libvirt-gobject/libvirt-gobject-error.h"

/* How long a TLS server may keep the handshake (and its confirmation byte)
 * waiting before the connection attempt fails. */
#define TLS_HANDSHAKE_TIMEOUT_SECONDS 60

struct _GVirRpcTransport
{
  GSocketConnection *conn;
  GSocket *socket;          /* borrowed from conn */
  GInputStream *in;         /* borrowed from conn */
  GOutputStream *out;       /* borrowed from conn */
#if HAVE_GNUTLS
  gnutls_session_t session; /* NULL until TLS is started */
  gnutls_certificate_credentials_t creds;
#endif
};

static GVirRpcTransport *
transport_new (GSocketConnection *conn)
{
  GVirRpcTransport *t = g_new0 (GVirRpcTransport, 1);

  t->conn = conn;
  t->socket = g_socket_connection_get_socket (conn);
  t->in = g_io_stream_get_input_stream (G_IO_STREAM (conn));
  t->out = g_io_stream_get_output_stream (G_IO_STREAM (conn));
  return t;
}

static GVirRpcTransport *
connect_address (GSocketConnectable  *address,
                 const char          *what,
                 GCancellable        *cancellable,
                 GError             **error)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GError) local = NULL;
  GSocketConnection *conn;

  /* libvirt connects directly; a desktop proxy setting must not apply. */
  g_socket_client_set_enable_proxy (client, FALSE);
  conn = g_socket_client_connect (client, address, cancellable, &local);
  if (conn == NULL)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_FAILED,
                   "cannot connect to %s: %s", what, local->message);
      return NULL;
    }
  return transport_new (conn);
}

GVirRpcTransport *
gvir_rpc_transport_connect_unix (const char    *path,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  g_autoptr(GSocketAddress) address = NULL;
  g_autofree char *what = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  address = g_unix_socket_address_new (path);
  what = g_strdup_printf ("socket '%s'", path);
  return connect_address (G_SOCKET_CONNECTABLE (address), what, cancellable, error);
}

GVirRpcTransport *
gvir_rpc_transport_connect_tcp (const char    *host,
                                guint16        port,
                                GCancellable  *cancellable,
                                GError       **error)
{
  g_autoptr(GSocketConnectable) address = NULL;
  g_autofree char *what = NULL;

  g_return_val_if_fail (host != NULL, NULL);

  address = g_network_address_new (host, port);
  what = g_strdup_printf ("%s port %u", host, port);
  return connect_address (address, what, cancellable, error);
}

GVirRpcTransport *
gvir_rpc_transport_new_for_socket (GSocket *socket)
{
  g_return_val_if_fail (G_IS_SOCKET (socket), NULL);

  return transport_new (g_socket_connection_factory_create_connection (socket));
}

void
gvir_rpc_tls_config_clear (GVirRpcTlsConfig *config)
{
  g_clear_pointer (&config->ca_file, g_free);
  g_clear_pointer (&config->crl_file, g_free);
  g_clear_pointer (&config->cert_file, g_free);
  g_clear_pointer (&config->key_file, g_free);
  g_clear_pointer (&config->priority, g_free);
}

/* ---- plain I/O ------------------------------------------------------------ */

static gssize
plain_read (GVirRpcTransport  *t,
            guint8            *buf,
            gsize              len,
            GError           **error)
{
  g_autoptr(GError) local = NULL;
  gssize n = g_input_stream_read (t->in, buf, len, NULL, &local);

  if (n < 0)
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED,
                 "cannot read from the connection: %s", local->message);
  return n;
}

/* One recv() when data is there; no poll() first, which halves the
 * syscalls of a busy reader. */
static gssize
plain_try_read (GVirRpcTransport  *t,
                guint8            *buf,
                gsize              len,
                gboolean          *would_block,
                GError           **error)
{
  g_autoptr(GError) local = NULL;
  gssize n = g_socket_receive_with_blocking (t->socket, (gchar *) buf, len, FALSE, NULL, &local);

  if (n >= 0)
    return n;
  if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
    {
      *would_block = TRUE;
      return -1;
    }
  g_set_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED,
               "cannot read from the connection: %s", local->message);
  return -1;
}

static gssize
plain_try_write (GVirRpcTransport  *t,
                 const guint8      *buf,
                 gsize              len,
                 gboolean          *would_block,
                 GError           **error)
{
  g_autoptr(GError) local = NULL;
  gssize n = g_socket_send_with_blocking (t->socket, (const gchar *) buf, len, FALSE, NULL,
                                          &local);

  if (n >= 0)
    return n;
  if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
    {
      *would_block = TRUE;
      return -1;
    }
  g_set_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED,
               "cannot write to the connection: %s", local->message);
  return -1;
}

static gboolean
plain_write_all (GVirRpcTransport  *t,
                 const guint8      *buf,
                 gsize              len,
                 GError           **error)
{
  g_autoptr(GError) local = NULL;

  if (g_output_stream_write_all (t->out, buf, len, NULL, NULL, &local))
    return TRUE;
  g_set_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED,
               "cannot write to the connection: %s", local->message);
  return FALSE;
}

/* ---- TLS ------------------------------------------------------------------ */

#if HAVE_GNUTLS

/* The session's socket I/O never blocks, so that a peer sending half a
 * record, or not reading, cannot hold the client's I/O thread: GnuTLS
 * returns GNUTLS_E_AGAIN and the callers below decide whether to wait. */
static ssize_t
tls_pull (gnutls_transport_ptr_t ptr,
          void                  *data,
          size_t                 len)
{
  GVirRpcTransport *t = ptr;
  g_autoptr(GError) local = NULL;
  gssize n = g_socket_receive_with_blocking (t->socket, data, len, FALSE, NULL, &local);

  if (n >= 0)
    return n;
  gnutls_transport_set_errno (t->session, g_error_matches (local, G_IO_ERROR,
                                                           G_IO_ERROR_WOULD_BLOCK)
                                          ? EAGAIN : EIO);
  return -1;
}

static ssize_t
tls_push (gnutls_transport_ptr_t ptr,
          const void            *data,
          size_t                 len)
{
  GVirRpcTransport *t = ptr;
  g_autoptr(GError) local = NULL;
  gssize n = g_socket_send_with_blocking (t->socket, data, len, FALSE, NULL, &local);

  if (n >= 0)
    return n;
  gnutls_transport_set_errno (t->session, g_error_matches (local, G_IO_ERROR,
                                                           G_IO_ERROR_WOULD_BLOCK)
                                          ? EAGAIN : EIO);
  return -1;
}

/* Waits (at most @timeout_us, < 0 for ever) until the socket allows what
 * GnuTLS last asked for. FALSE when the time ran out. */
static gboolean
tls_wait_io (GVirRpcTransport *t,
             gint64            timeout_us)
{
  GIOCondition want = gnutls_record_get_direction (t->session) ? G_IO_OUT : G_IO_IN;

  return g_socket_condition_timed_wait (t->socket, want | G_IO_HUP | G_IO_ERR, timeout_us,
                                        NULL, NULL);
}

static int
tls_pull_timeout (gnutls_transport_ptr_t ptr,
                  unsigned int           ms)
{
  GVirRpcTransport *t = ptr;
  gint64 timeout = ms == GNUTLS_INDEFINITE_TIMEOUT ? -1 : (gint64) ms * 1000;

  return g_socket_condition_timed_wait (t->socket, G_IO_IN | G_IO_HUP | G_IO_ERR,
                                        timeout, NULL, NULL) ? 1 : 0;
}

static gboolean
tls_load_credentials (GVirRpcTransport        *t,
                      const GVirRpcTlsConfig  *config,
                      GError                 **error)
{
  int ret;

  gnutls_certificate_allocate_credentials (&t->creds);

  if (config->ca_file == NULL || !g_file_test (config->ca_file, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_AUTH_FAILED,
                   "TLS: CA certificate '%s' is missing",
                   config->ca_file ? config->ca_file : "(none)");
      return FALSE;
    }
  ret = gnutls_certificate_set_x509_trust_file (t->creds, config->ca_file, GNUTLS_X509_FMT_PEM);
  if (ret < 0)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_AUTH_FAILED,
                   "TLS: cannot load CA certificate '%s': %s",
                   config->ca_file, gnutls_strerror (ret));
      return FALSE;
    }

  if (config->crl_file != NULL && g_file_test (config->crl_file, G_FILE_TEST_EXISTS))
    {
      ret = gnutls_certificate_set_x509_crl_file (t->creds, config->crl_file, GNUTLS_X509_FMT_PEM);
      if (ret < 0)
        {
          g_set_error (error, GVIR_ERROR, GVIR_ERROR_AUTH_FAILED,
                       "TLS: cannot load CRL '%s': %s", config->crl_file, gnutls_strerror (ret));
          return FALSE;
        }
    }

  /* Without a client certificate the handshake still runs; a server that
   * requires one refuses us afterwards, and we then say why. */
  if (config->cert_file != NULL && g_file_test (config->cert_file, G_FILE_TEST_EXISTS))
    {
      ret = gnutls_certificate_set_x509_key_file (t->creds, config->cert_file,
                                                  config->key_file, GNUTLS_X509_FMT_PEM);
      if (ret < 0)
        {
          g_set_error (error, GVIR_ERROR, GVIR_ERROR_AUTH_FAILED,
                       "TLS: cannot load client certificate '%s' with key '%s': %s",
                       config->cert_file, config->key_file ? config->key_file : "(none)",
                       gnutls_strerror (ret));
          return FALSE;
        }
    }
  return TRUE;
}

/* Turns GnuTLS verification status bits into one sentence. */
static const char *
tls_status_reason (unsigned int status)
{
  if (status & GNUTLS_CERT_REVOKED)
    return "the server certificate is revoked by the CRL";
  if (status & GNUTLS_CERT_SIGNER_NOT_FOUND)
    return "the server certificate is not signed by a trusted CA (unknown CA)";
  if (status & GNUTLS_CERT_SIGNER_NOT_CA)
    return "the server certificate's signer is not a CA";
  if (status & GNUTLS_CERT_INSECURE_ALGORITHM)
    return "the server certificate uses an insecure algorithm";
  if (status & GNUTLS_CERT_EXPIRED)
    return "the server certificate has expired";
  if (status & GNUTLS_CERT_NOT_ACTIVATED)
    return "the server certificate is not yet active";
  return "the server certificate is invalid";
}

static gboolean
tls_verify_peer (GVirRpcTransport  *t,
                 const char        *hostname,
                 GError           **error)
{
  const gnutls_datum_t *certs;
  unsigned int ncerts = 0;
  unsigned int status = 0;
  gnutls_x509_crt_t crt;
  gboolean match;
  int ret;

  ret = gnutls_certificate_verify_peers2 (t->session, &status);
  if (ret < 0)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_AUTH_FAILED,
                   "TLS: cannot verify the server certificate: %s", gnutls_strerror (ret));
      return FALSE;
    }
  if (status != 0)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_AUTH_FAILED,
                   "TLS: %s", tls_status_reason (status));
      return FALSE;
    }

  certs = gnutls_certificate_get_peers (t->session, &ncerts);
  if (certs == NULL || ncerts == 0)
    {
      g_set_error_literal (error, GVIR_ERROR, GVIR_ERROR_AUTH_FAILED,
                           "TLS: the server sent no certificate");
      return FALSE;
    }
  gnutls_x509_crt_init (&crt);
  ret = gnutls_x509_crt_import (crt, &certs[0], GNUTLS_X509_FMT_DER);
  if (ret < 0)
    {
      gnutls_x509_crt_deinit (crt);
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_AUTH_FAILED,
                   "TLS: cannot read the server certificate: %s", gnutls_strerror (ret));
      return FALSE;
    }
  match = hostname == NULL || gnutls_x509_crt_check_hostname (crt, hostname);
  gnutls_x509_crt_deinit (crt);
  if (!match)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_AUTH_FAILED,
                   "TLS: the server certificate does not match the hostname '%s' "
                   "(hostname mismatch)", hostname);
      return FALSE;
    }
  return TRUE;
}

static gboolean
tls_handshake (GVirRpcTransport  *t,
               GError           **error)
{
  int ret;

  for (;;)
    {
      ret = gnutls_handshake (t->session);
      if (ret != GNUTLS_E_AGAIN && ret != GNUTLS_E_INTERRUPTED)
        break;
      if (!tls_wait_io (t, TLS_HANDSHAKE_TIMEOUT_SECONDS * G_USEC_PER_SEC))
        {
          g_set_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_FAILED,
                       "TLS handshake failed: the server sent nothing for %d seconds",
                       TLS_HANDSHAKE_TIMEOUT_SECONDS);
          return FALSE;
        }
    }

  if (ret < 0)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_AUTH_FAILED,
                   "TLS handshake failed: %s", gnutls_strerror (ret));
      return FALSE;
    }
  return TRUE;
}

/* The server sends one 0x01 once it has accepted our certificate. */
static gboolean
tls_wait_confirmation (GVirRpcTransport        *t,
                       const GVirRpcTlsConfig  *config,
                       GError                 **error)
{
  guint8 byte = 0;
  gboolean have_cert = config->cert_file != NULL &&
                       g_file_test (config->cert_file, G_FILE_TEST_EXISTS);
  gssize n;

  for (;;)
    {
      n = gnutls_record_recv (t->session, &byte, 1);
      if (n != GNUTLS_E_AGAIN && n != GNUTLS_E_INTERRUPTED)
        break;
      if (!tls_wait_io (t, TLS_HANDSHAKE_TIMEOUT_SECONDS * G_USEC_PER_SEC))
        {
          g_set_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_FAILED,
                       "TLS: the server sent no confirmation byte in %d seconds",
                       TLS_HANDSHAKE_TIMEOUT_SECONDS);
          return FALSE;
        }
    }

  if (n == 1 && byte == 1)
    return TRUE;

  if (!have_cert)
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_AUTH_FAILED,
                 "TLS: the server refused the connection: no client certificate was given "
                 "(missing client certificate '%s')",
                 config->cert_file ? config->cert_file : "(none)");
  else if (n == 1)
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_AUTH_FAILED,
                 "TLS: the server sent confirmation byte 0x%02x instead of 0x01", byte);
  else
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_AUTH_FAILED,
                 "TLS: the server refused our client certificate '%s': %s",
                 config->cert_file, n < 0 ? gnutls_strerror ((int) n) : "connection closed");
  return FALSE;
}

gboolean
gvir_rpc_transport_start_tls (GVirRpcTransport        *t,
                              const GVirRpcTlsConfig  *config,
                              const char              *hostname,
                              GError                 **error)
{
  const char *errpos = NULL;
  int ret;

  g_return_val_if_fail (t != NULL, FALSE);
  g_return_val_if_fail (config != NULL, FALSE);
  g_return_val_if_fail (t->session == NULL, FALSE);

  if (!tls_load_credentials (t, config, error))
    return FALSE;

  gnutls_init (&t->session, GNUTLS_CLIENT);
  ret = gnutls_priority_set_direct (t->session, config->priority ? config->priority : "NORMAL",
                                    &errpos);
  if (ret < 0)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                   "TLS: invalid priority string at '%s': %s",
                   errpos ? errpos : "", gnutls_strerror (ret));
      return FALSE;
    }
  gnutls_credentials_set (t->session, GNUTLS_CRD_CERTIFICATE, t->creds);
  if (hostname != NULL && !g_hostname_is_ip_address (hostname))
    gnutls_server_name_set (t->session, GNUTLS_NAME_DNS, hostname, strlen (hostname));
  gnutls_transport_set_ptr (t->session, t);
  gnutls_transport_set_pull_function (t->session, tls_pull);
  gnutls_transport_set_push_function (t->session, tls_push);
  gnutls_transport_set_pull_timeout_function (t->session, tls_pull_timeout);

  if (!tls_handshake (t, error))
    return FALSE;
  if (!config->no_verify && !tls_verify_peer (t, hostname, error))
    return FALSE;
  return tls_wait_confirmation (t, config, error);
}

gboolean
gvir_rpc_transport_is_tls (GVirRpcTransport *t)
{
  return t->session != NULL;
}

static gssize
tls_try_read (GVirRpcTransport  *t,
              guint8            *buf,
              gsize              len,
              gboolean          *would_block,
              GError           **error)
{
  gssize n = gnutls_record_recv (t->session, buf, len);

  if (n == GNUTLS_E_AGAIN || n == GNUTLS_E_INTERRUPTED)
    {
      *would_block = TRUE;
      return -1;
    }
  /* A peer that closes without a TLS alert is end of stream for us. */
  if (n == GNUTLS_E_PREMATURE_TERMINATION)
    return 0;
  if (n < 0)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED,
                   "cannot read from the TLS connection: %s", gnutls_strerror ((int) n));
      return -1;
    }
  return n;
}

static gssize
tls_read (GVirRpcTransport  *t,
          guint8            *buf,
          gsize              len,
          GError           **error)
{
  for (;;)
    {
      gboolean would_block = FALSE;
      gssize n = tls_try_read (t, buf, len, &would_block, error);

      if (!would_block)
        return n;
      tls_wait_io (t, -1);
    }
}

static gssize
tls_try_write (GVirRpcTransport  *t,
               const guint8      *buf,
               gsize              len,
               gboolean          *would_block,
               GError           **error)
{
  gssize n = gnutls_record_send (t->session, buf, len);

  if (n == GNUTLS_E_AGAIN || n == GNUTLS_E_INTERRUPTED)
    {
      *would_block = TRUE;
      return -1;
    }
  if (n < 0)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED,
                   "cannot write to the TLS connection: %s", gnutls_strerror ((int) n));
      return -1;
    }
  return n;
}

static gboolean
tls_write_all (GVirRpcTransport  *t,
               const guint8      *buf,
               gsize              len,
               GError           **error)
{
  while (len > 0)
    {
      gboolean would_block = FALSE;
      gssize n = tls_try_write (t, buf, len, &would_block, error);

      if (would_block)
        {
          /* The same bytes again: GnuTLS holds their record. */
          tls_wait_io (t, -1);
          continue;
        }
      if (n < 0)
        return FALSE;
      buf += n;
      len -= n;
    }
  return TRUE;
}

#else /* !HAVE_GNUTLS */

gboolean
gvir_rpc_transport_start_tls (GVirRpcTransport        *t,
                              const GVirRpcTlsConfig  *config,
                              const char              *hostname,
                              GError                 **error)
{
  g_set_error_literal (error, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED,
                       "TLS is not available: this build has no GnuTLS support");
  return FALSE;
}

gboolean
gvir_rpc_transport_is_tls (GVirRpcTransport *t)
{
  return FALSE;
}

#endif /* HAVE_GNUTLS */

/* ---- common --------------------------------------------------------------- */

gssize
gvir_rpc_transport_read (GVirRpcTransport  *t,
                         guint8            *buf,
                         gsize              len,
                         GError           **error)
{
#if HAVE_GNUTLS
  if (t->session != NULL)
    return tls_read (t, buf, len, error);
#endif
  return plain_read (t, buf, len, error);
}

gssize
gvir_rpc_transport_try_read (GVirRpcTransport  *t,
                             guint8            *buf,
                             gsize              len,
                             gboolean          *would_block,
                             GError           **error)
{
  *would_block = FALSE;
#if HAVE_GNUTLS
  if (t->session != NULL)
    return tls_try_read (t, buf, len, would_block, error);
#endif
  return plain_try_read (t, buf, len, would_block, error);
}

gssize
gvir_rpc_transport_try_write (GVirRpcTransport  *t,
                              const guint8      *buf,
                              gsize              len,
                              gboolean          *would_block,
                              GError           **error)
{
  *would_block = FALSE;
#if HAVE_GNUTLS
  if (t->session != NULL)
    return tls_try_write (t, buf, len, would_block, error);
#endif
  return plain_try_write (t, buf, len, would_block, error);
}

GIOCondition
gvir_rpc_transport_poll (GVirRpcTransport *t,
                         GIOCondition      events,
                         int               wake_fd,
                         gint64            timeout_us)
{
  GPollFD fds[2] = {
    { .fd = g_socket_get_fd (t->socket), .events = events },
    { .fd = wake_fd, .events = G_IO_IN },
  };
  gint timeout_ms = -1;

#if HAVE_GNUTLS
  /* Decrypted bytes already buffered never show up on the socket. */
  if ((events & G_IO_IN) && t->session != NULL && gnutls_record_check_pending (t->session) > 0)
    return G_IO_IN;
#endif
  /* Rounded up: a wait that ends early would spin until the deadline. */
  if (timeout_us >= 0)
    timeout_ms = (gint) MIN ((timeout_us + 999) / 1000, G_MAXINT);
  if (g_poll (fds, wake_fd >= 0 ? 2 : 1, timeout_ms) <= 0)
    return 0;
  if (fds[0].revents & (G_IO_HUP | G_IO_ERR | G_IO_NVAL))
    return events;
  return fds[0].revents & events;
}

gboolean
gvir_rpc_transport_write_all (GVirRpcTransport  *t,
                              const guint8      *buf,
                              gsize              len,
                              GError           **error)
{
#if HAVE_GNUTLS
  if (t->session != NULL)
    return tls_write_all (t, buf, len, error);
#endif
  return plain_write_all (t, buf, len, error);
}

int
gvir_rpc_transport_wait_readable (GVirRpcTransport *t,
                                  gint64            timeout_us,
                                  GCancellable     *wake)
{
  g_autoptr(GError) error = NULL;

#if HAVE_GNUTLS
  /* Decrypted bytes already buffered never show up on the socket. */
  if (t->session != NULL && gnutls_record_check_pending (t->session) > 0)
    return 1;
#endif
  if (g_socket_condition_timed_wait (t->socket, G_IO_IN | G_IO_HUP | G_IO_ERR,
                                     timeout_us, wake, &error))
    return 1;
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ? -1 : 0;
}

void
gvir_rpc_transport_shutdown (GVirRpcTransport *t)
{
  g_socket_shutdown (t->socket, TRUE, TRUE, NULL);
}

void
gvir_rpc_transport_free (GVirRpcTransport *t)
{
  if (t == NULL)
    return;

#if HAVE_GNUTLS
  if (t->session != NULL)
    gnutls_deinit (t->session);
  if (t->creds != NULL)
    gnutls_certificate_free_credentials (t->creds);
#endif
  g_io_stream_close (G_IO_STREAM (t->conn), NULL, NULL);
  g_object_unref (t->conn);
  g_free (t);
}
