/*
 * libvirtd-peer.c: a real libvirtd (built-in test driver only) for tests
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "gvir-test-files.h"
#include "gvir-test-wait.h"
#include "libvirtd-peer.h"

static const char ca_template[] =
  "cn = Test CA\nca\ncert_signing_key\ncrl_signing_key\nexpiration_days = 30\n";
static const char other_ca_template[] =
  "cn = Other CA\nca\ncert_signing_key\nexpiration_days = 30\n";
static const char server_template[] =
  "organization = Test\ncn = localhost\ndns_name = localhost\n"
  "tls_www_server\nencryption_key\nsigning_key\nexpiration_days = 30\n";
static const char expired_server_template[] =
  "organization = Test\ncn = localhost\ndns_name = localhost\n"
  "tls_www_server\nencryption_key\nsigning_key\n"
  "activation_date = \"2020-01-01 00:00:00 UTC\"\n"
  "expiration_date = \"2020-02-01 00:00:00 UTC\"\n";
static const char client_template[] =
  "country = US\norganization = Test\ncn = testclient\n"
  "tls_www_client\nencryption_key\nsigning_key\nexpiration_days = 30\n";

static gboolean
run (const char *const  *argv,
     GError            **error)
{
  g_autofree char *err = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, &err, &status, error))
    return FALSE;
  if (!g_spawn_check_wait_status (status, error))
    {
      g_prefix_error (error, "%s failed (%s): ", argv[0], err ? err : "");
      return FALSE;
    }
  return TRUE;
}

static gboolean
make_key (const char  *path,
          GError     **error)
{
  const char *argv[] = { "certtool", "--generate-privkey", "--bits", "2048",
                         "--outfile", path, NULL };

  return run (argv, error);
}

static gboolean
make_cert (const char  *dir,
           const char  *name,
           const char  *template,
           const char  *ca_name,
           GError     **error)
{
  g_autofree char *key = g_strdup_printf ("%s/%skey.pem", dir, name);
  g_autofree char *cert = g_strdup_printf ("%s/%scert.pem", dir, name);
  g_autofree char *info = g_strdup_printf ("%s/%s.info", dir, name);
  g_autofree char *ca_key = g_strdup_printf ("%s/%skey.pem", dir, ca_name ? ca_name : "");
  g_autofree char *ca_cert = g_strdup_printf ("%s/%scert.pem", dir, ca_name ? ca_name : "");

  if (!g_file_set_contents (info, template, -1, error) || !make_key (key, error))
    return FALSE;
  if (ca_name == NULL)
    {
      const char *argv[] = { "certtool", "--generate-self-signed", "--load-privkey", key,
                             "--template", info, "--outfile", cert, NULL };
      return run (argv, error);
    }
  else
    {
      const char *argv[] = { "certtool", "--generate-certificate", "--load-privkey", key,
                             "--load-ca-certificate", ca_cert, "--load-ca-privkey", ca_key,
                             "--template", info, "--outfile", cert, NULL };
      return run (argv, error);
    }
}

static gboolean
copy_file (const char  *from,
           const char  *to,
           GError     **error)
{
  g_autofree char *data = NULL;
  gsize len;

  return g_file_get_contents (from, &data, &len, error) &&
         g_file_set_contents (to, data, len, error);
}

gboolean
libvirtd_peer_make_pki (const char  *dir,
                        gboolean     expired_server,
                        GError     **error)
{
  g_autofree char *pki = g_build_filename (dir, "pki", NULL);
  g_autofree char *good = g_build_filename (dir, "client-good", NULL);
  g_autofree char *no_cert = g_build_filename (dir, "client-no-cert", NULL);
  g_autofree char *other = g_build_filename (dir, "client-other-ca", NULL);
  const char *clients[] = { good, no_cert, other };
  guint i;

  g_mkdir_with_parents (pki, 0700);
  for (i = 0; i < G_N_ELEMENTS (clients); i++)
    g_mkdir_with_parents (clients[i], 0700);

  if (!make_cert (pki, "ca", ca_template, NULL, error) ||
      !make_cert (pki, "server", expired_server ? expired_server_template : server_template,
                  "ca", error) ||
      !make_cert (pki, "client", client_template, "ca", error) ||
      !make_cert (pki, "otherca", other_ca_template, NULL, error))
    return FALSE;

  {
    g_autofree char *ca = g_build_filename (pki, "cacert.pem", NULL);
    g_autofree char *cert = g_build_filename (pki, "clientcert.pem", NULL);
    g_autofree char *key = g_build_filename (pki, "clientkey.pem", NULL);
    g_autofree char *other_ca = g_build_filename (pki, "othercacert.pem", NULL);
    /* (source, client folder, file name) */
    const char *copies[][3] = {
      { ca, good, "cacert.pem" }, { cert, good, "clientcert.pem" }, { key, good, "clientkey.pem" },
      { ca, no_cert, "cacert.pem" },
      { other_ca, other, "cacert.pem" }, { cert, other, "clientcert.pem" },
      { key, other, "clientkey.pem" },
    };

    for (i = 0; i < G_N_ELEMENTS (copies); i++)
      {
        g_autofree char *to = g_build_filename (copies[i][1], copies[i][2], NULL);

        if (!copy_file (copies[i][0], to, error))
          return FALSE;
      }
    return TRUE;
  }
}

/* A port nobody listens on right now (the daemon binds it next). */
static int
free_loopback_port (void)
{
  g_autoptr(GSocket) sock = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                          G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) lo = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (lo, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  g_assert_true (g_socket_bind (sock, any, TRUE, NULL));
  bound = g_socket_get_local_address (sock, NULL);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static const char *
find_libvirtd (void)
{
  static const char *const candidates[] = { "/usr/sbin/libvirtd", "/usr/local/sbin/libvirtd" };
  const char *env = g_getenv ("LIBVIRTD");
  guint i;

  if (env != NULL)
    return env;
  for (i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (g_file_test (candidates[i], G_FILE_TEST_IS_EXECUTABLE))
      return candidates[i];
  return NULL;
}

/* The daemon must not outlive an aborted test. */
static void
child_setup (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static gboolean
port_open (int port)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) conn = NULL;

  g_socket_client_set_enable_proxy (client, FALSE);
  conn = g_socket_client_connect_to_host (client, "127.0.0.1", port, NULL, NULL);
  return conn != NULL;
}

/* Reaps @pid, which was sent SIGKILL: bounded, and naming what it waited
 * for when the bound passes. */
static void
reap_killed (GPid        pid,
             const char *what)
{
  gint64 deadline = gvir_test_wait_deadline ();
  int status;

  while (waitpid (pid, &status, WNOHANG) != pid)
    {
      if (g_get_monotonic_time () > deadline)
        gvir_test_wait_timed_out (what);
      g_usleep (10 * 1000);
    }
}

static gboolean
wait_ready (LibvirtdPeer  *peer,
            GError       **error)
{
  gint64 deadline = gvir_test_wait_deadline ();

  /* Bounded, in 10 ms steps; the daemon is usually up in 25 ms. */
  while (g_get_monotonic_time () < deadline)
    {
      int status;

      if (waitpid (peer->pid, &status, WNOHANG) == peer->pid)
        {
          g_autofree char *log_path = g_build_filename (peer->dir, "libvirtd.log", NULL);
          g_autofree char *log = NULL;

          peer->pid = 0;
          g_file_get_contents (log_path, &log, NULL, NULL);
          g_set_error (error, G_SPAWN_ERROR, G_SPAWN_ERROR_FAILED,
                       "libvirtd exited during startup; its log:\n%s", log ? log : "(none)");
          return FALSE;
        }
      if (g_file_test (peer->socket, G_FILE_TEST_EXISTS) && port_open (peer->tcp_port) &&
          (peer->tls_port == 0 || port_open (peer->tls_port)))
        return TRUE;
      g_usleep (10 * 1000);
    }
  g_set_error (error, G_SPAWN_ERROR, G_SPAWN_ERROR_FAILED,
               "timed out after %" G_GINT64_FORMAT " s waiting for libvirtd to open its sockets",
               gvir_test_wait_bound_usec () / G_USEC_PER_SEC);
  return FALSE;
}

static char *
make_config (LibvirtdPeer *peer,
             PeerTlsMode   tls)
{
  GString *conf = g_string_new (NULL);

  g_string_append_printf (conf,
                          "unix_sock_dir = \"%s/run\"\n"
                          "unix_sock_ro_perms = \"0777\"\n"
                          "unix_sock_rw_perms = \"0770\"\n"
                          "auth_unix_ro = \"none\"\n"
                          "auth_unix_rw = \"none\"\n"
                          "listen_tcp = 1\n"
                          "listen_addr = \"127.0.0.1\"\n"
                          "tcp_port = \"%d\"\n"
                          "auth_tcp = \"none\"\n"
                          "log_outputs = \"3:file:%s/libvirtd.log\"\n",
                          peer->dir, peer->tcp_port, peer->dir);
  if (tls == PEER_TLS_NONE)
    g_string_append (conf, "listen_tls = 0\n");
  else
    g_string_append_printf (conf,
                            "listen_tls = 1\n"
                            "tls_port = \"%d\"\n"
                            "auth_tls = \"none\"\n"
                            "key_file = \"%s/pki/serverkey.pem\"\n"
                            "cert_file = \"%s/pki/servercert.pem\"\n"
                            "ca_file = \"%s/pki/cacert.pem\"\n"
                            /* An expired certificate would stop the daemon itself. */
                            "tls_no_sanity_certificate = %d\n",
                            peer->tls_port, peer->dir, peer->dir, peer->dir,
                            tls == PEER_TLS_EXPIRED ? 1 : 0);
  return g_string_free (conf, FALSE);
}

static void
set_not_installed_error (GError **error)
{
  g_set_error_literal (error, G_SPAWN_ERROR, G_SPAWN_ERROR_NOENT,
                       "libvirtd is not installed: install Debian's libvirt-daemon "
                       "(the real-peer tests need it)");
}

/* (Re)spawns the daemon on the config already in
 * @peer->dir and waits for its sockets. Stale sockets and pid file of a
 * killed predecessor are removed first, so that waiting for the socket
 * file really waits for the new daemon. */
static gboolean
spawn_daemon (LibvirtdPeer  *peer,
              GError       **error)
{
  const char *binary = find_libvirtd ();
  g_autofree char *conf_path = g_build_filename (peer->dir, "libvirtd.conf", NULL);
  g_autofree char *pid_path = g_build_filename (peer->dir, "libvirtd.pid", NULL);
  g_autofree char *drivers = g_build_filename (peer->dir, "drivers-empty", NULL);
  g_auto(GStrv) envp = NULL;

  if (binary == NULL)
    {
      set_not_installed_error (error);
      return FALSE;
    }
  g_unlink (peer->socket);
  g_unlink (peer->socket_ro);
  g_unlink (pid_path);

  envp = g_get_environ ();
  envp = g_environ_setenv (envp, "LIBVIRT_DRIVER_DIR", drivers, TRUE);
  {
    const char *argv[] = { binary, "--listen", "--config", conf_path, "--pid-file", pid_path, NULL };

    if (!g_spawn_async (peer->dir, (char **) argv, envp,
                        G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL |
                        G_SPAWN_STDERR_TO_DEV_NULL,
                        child_setup, NULL, &peer->pid, error))
      {
        peer->pid = 0;
        return FALSE;
      }
  }
  return wait_ready (peer, error);
}

LibvirtdPeer *
libvirtd_peer_start (PeerTlsMode   tls,
                     GError      **error)
{
  LibvirtdPeer *peer;
  g_autofree char *conf = NULL;
  g_autofree char *conf_path = NULL;
  g_autofree char *drivers = NULL;
  g_autofree char *run_dir = NULL;

  if (find_libvirtd () == NULL)
    {
      set_not_installed_error (error);
      return NULL;
    }

  peer = g_new0 (LibvirtdPeer, 1);
  peer->dir = g_dir_make_tmp ("gvir-libvirtd-XXXXXX", error);
  if (peer->dir == NULL)
    {
      g_free (peer);
      return NULL;
    }
  run_dir = g_build_filename (peer->dir, "run", NULL);
  drivers = g_build_filename (peer->dir, "drivers-empty", NULL);
  g_mkdir_with_parents (run_dir, 0700);
  g_mkdir_with_parents (drivers, 0700);
  peer->socket = g_build_filename (run_dir, "libvirt-sock", NULL);
  peer->socket_ro = g_build_filename (run_dir, "libvirt-sock-ro", NULL);
  peer->tcp_port = free_loopback_port ();

  if (tls != PEER_TLS_NONE)
    {
      do
        peer->tls_port = free_loopback_port ();
      while (peer->tls_port == peer->tcp_port);
      if (!libvirtd_peer_make_pki (peer->dir, tls == PEER_TLS_EXPIRED, error))
        {
          libvirtd_peer_stop (peer);
          return NULL;
        }
      peer->pki_good = g_build_filename (peer->dir, "client-good", NULL);
      peer->pki_no_cert = g_build_filename (peer->dir, "client-no-cert", NULL);
      peer->pki_other_ca = g_build_filename (peer->dir, "client-other-ca", NULL);
    }

  conf = make_config (peer, tls);
  conf_path = g_build_filename (peer->dir, "libvirtd.conf", NULL);
  if (!g_file_set_contents (conf_path, conf, -1, error) || !spawn_daemon (peer, error))
    {
      libvirtd_peer_stop (peer);
      return NULL;
    }
  return peer;
}

void
libvirtd_peer_signal (LibvirtdPeer *peer,
                      int           sig)
{
  g_return_if_fail (peer != NULL && peer->pid > 0);

  g_assert_cmpint (kill (peer->pid, sig), ==, 0);
}

void
libvirtd_peer_kill (LibvirtdPeer *peer)
{
  g_return_if_fail (peer != NULL);

  if (peer->pid <= 0)
    return;
  /* SIGKILL also ends a stopped process. */
  kill (peer->pid, SIGKILL);
  reap_killed (peer->pid, "the killed libvirtd to exit");
  g_spawn_close_pid (peer->pid);
  peer->pid = 0;
}

gboolean
libvirtd_peer_restart (LibvirtdPeer  *peer,
                       GError       **error)
{
  g_return_val_if_fail (peer != NULL, FALSE);

  libvirtd_peer_kill (peer);
  return spawn_daemon (peer, error);
}

void
libvirtd_peer_stop (LibvirtdPeer *peer)
{
  if (peer == NULL)
    return;

  if (peer->pid > 0)
    {
      guint i;
      int status;
      gboolean gone = FALSE;

      kill (peer->pid, SIGTERM);
      /* A stopped daemon would only see the SIGTERM once continued. */
      kill (peer->pid, SIGCONT);
      for (i = 0; i < 500 && !gone; i++)
        {
          gone = waitpid (peer->pid, &status, WNOHANG) == peer->pid;
          if (!gone)
            g_usleep (10 * 1000);
        }
      if (!gone)
        {
          kill (peer->pid, SIGKILL);
          reap_killed (peer->pid, "libvirtd to exit after SIGKILL");
        }
      g_spawn_close_pid (peer->pid);
    }
  if (peer->dir != NULL)
    gvir_test_remove_tree (peer->dir);
  g_free (peer->dir);
  g_free (peer->socket);
  g_free (peer->socket_ro);
  g_free (peer->pki_good);
  g_free (peer->pki_no_cert);
  g_free (peer->pki_other_ca);
  g_free (peer);
}
