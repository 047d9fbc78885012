/*
 * gvird-tls-setup.c: certificates made with certtool, and free loopback
 * ports, for tests of gvird's TCP and TLS listeners
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "gvir-test-files.h"
#include "gvir-test-wait.h"
#include "gvird-tls-setup.h"

/* ---- certificates ----------------------------------------------------------- */

static const char ca_template[] =
  "cn = Test CA\nca\ncert_signing_key\ncrl_signing_key\nexpiration_days = 30\n";
static const char server_template[] =
  "organization = Test\ncn = localhost\ndns_name = localhost\nip_address = 127.0.0.1\n"
  "tls_www_server\nencryption_key\nsigning_key\nexpiration_days = 30\n";
const char gvird_pki_client_template[] =
  "country = US\norganization = Test\ncn = testclient\n"
  "tls_www_client\nencryption_key\nsigning_key\nexpiration_days = 30\n";

void
gvird_pki_run_certtool (const char        *pki,
                        const char *const *args)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;
  guint i;

  g_ptr_array_add (argv, (gpointer) "certtool");
  for (i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (pki, (char **) argv->pdata, NULL,
                               G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("certtool %s failed: %s", args[0], err);
}

void
gvird_pki_make_cert (const char *pki,
                     const char *name,
                     const char *template,
                     const char *ca)
{
  g_autofree char *key = g_strdup_printf ("%skey.pem", name);
  g_autofree char *cert = g_strdup_printf ("%scert.pem", name);
  g_autofree char *info = g_strdup_printf ("%s/%s.info", pki, name);
  g_autofree char *ca_key = g_strdup_printf ("%skey.pem", ca != NULL ? ca : "");
  g_autofree char *ca_cert = g_strdup_printf ("%scert.pem", ca != NULL ? ca : "");
  const char *keygen[] = { "--generate-privkey", "--bits", "2048", "--outfile", key, NULL };

  g_assert_true (g_file_set_contents (info, template, -1, NULL));
  gvird_pki_run_certtool (pki, keygen);
  if (ca == NULL)
    {
      const char *args[] = { "--generate-self-signed", "--load-privkey", key, "--template",
                             info, "--outfile", cert, NULL };
      gvird_pki_run_certtool (pki, args);
    }
  else
    {
      const char *args[] = { "--generate-certificate", "--load-privkey", key,
                             "--load-ca-certificate", ca_cert, "--load-ca-privkey", ca_key,
                             "--template", info, "--outfile", cert, NULL };
      gvird_pki_run_certtool (pki, args);
    }
}

static void
copy_into (const char *pki,
           const char *name,
           const char *dir,
           const char *as)
{
  g_autofree char *from = g_build_filename (pki, name, NULL);
  g_autofree char *to = g_build_filename (dir, as, NULL);
  g_autofree char *data = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (from, &data, &len, NULL));
  g_assert_true (g_file_set_contents (to, data, (gssize) len, NULL));
}

char *
gvird_pki_client_dir (const char *pki)
{
  return g_build_filename (pki, "client-good", NULL);
}

char *
gvird_pki_new (void)
{
  char *pki = g_dir_make_tmp ("gvird-pki-XXXXXX", NULL);
  g_autofree char *client = NULL;

  g_assert_nonnull (pki);
  gvird_pki_make_cert (pki, "ca", ca_template, NULL);
  gvird_pki_make_cert (pki, "server", server_template, "ca");
  gvird_pki_make_cert (pki, "client", gvird_pki_client_template, "ca");

  client = gvird_pki_client_dir (pki);
  g_assert_cmpint (g_mkdir (client, 0700), ==, 0);
  copy_into (pki, "cacert.pem", client, "cacert.pem");
  copy_into (pki, "clientcert.pem", client, "clientcert.pem");
  copy_into (pki, "clientkey.pem", client, "clientkey.pem");
  return pki;
}

void
gvird_pki_remove (const char *pki)
{
  g_assert_true (gvir_test_remove_tree (pki));
}

/* ---- ports ------------------------------------------------------------------ */

int
gvird_free_port (void)
{
  struct sockaddr_in addr = { .sin_family = AF_INET };
  socklen_t len = sizeof addr;
  int fd = socket (AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  int port;

  addr.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (bind (fd, (struct sockaddr *) &addr, sizeof addr), ==, 0);
  g_assert_cmpint (getsockname (fd, (struct sockaddr *) &addr, &len), ==, 0);
  port = ntohs (addr.sin_port);
  close (fd);
  return port;
}

int
gvird_tcp_connect (const char *host,
                   int         port)
{
  struct sockaddr_in addr = { .sin_family = AF_INET, .sin_port = htons ((guint16) port) };
  int fd = socket (AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (inet_pton (AF_INET, host, &addr.sin_addr), ==, 1);
  gvir_test_socket_set_timeouts (fd);
  if (connect (fd, (struct sockaddr *) &addr, sizeof addr) != 0)
    {
      close (fd);
      return -1;
    }
  return fd;
}

void
gvird_wait_for_port (int port)
{
  gint64 deadline = gvir_test_wait_deadline ();
  int fd;

  while ((fd = gvird_tcp_connect ("127.0.0.1", port)) < 0)
    {
      if (g_get_monotonic_time () > deadline)
        gvir_test_wait_timed_out ("gvird to listen on its port");
      g_usleep (10000);
    }
  close (fd);
}
