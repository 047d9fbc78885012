/*
 * test-daemon-tls.c: gvird over TCP and TLS (--listen)
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * The certificates are made here with certtool: a CA, the server's, a
 * good client (C=US,O=Test,CN=testclient), an expired one, one not yet valid, a revoked one
 * (on the CRL), one made for a server, one whose DN is not on tls_allowed_dn_list and one signed
 * by another CA. One gvird listens on 127.0.0.1 (free ports) for TCP and
 * TLS. Debian's virsh and our remote driver use it over both; a small
 * GnuTLS client presents each bad certificate (or none) and must not get
 * libvirt's confirmation byte, the daemon must log why, and a good client
 * must still be served afterwards.
 */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <gnutls/gnutls.h>

#include "gvir-test-files.h"
#include "gvir-test-wait.h"
#include "gvird-runner.h"
#include "gvird-tls-setup.h"
#include "libvirt-gobject/drivers/gvir-driver-private.h"

#define TEST_DOMAIN "test"
#define ALLOWED_DN "C=US,O=Test,CN=test*"

static GvirdRunner *daemon_runner;
static char *pki;        /* all certificates and keys */
static char *pki_good;   /* virsh's pkipath: cacert.pem, clientcert.pem, clientkey.pem */
static int tcp_port;
static int tls_port;

/* ---- certificates ----------------------------------------------------------- */

/* Another CA of the same name, so that the client (which picks its
 * certificate by the issuer names the server lists) presents the
 * stranger's certificate and the daemon's own chain check refuses it. */
static const char other_ca_template[] =
  "cn = Test CA\nca\ncert_signing_key\nexpiration_days = 30\n";
static const char expired_template[] =
  "country = US\norganization = Test\ncn = testclient\n"
  "tls_www_client\nencryption_key\nsigning_key\n"
  "activation_date = \"2020-01-01 00:00:00 UTC\"\n"
  "expiration_date = \"2020-02-01 00:00:00 UTC\"\n";
static const char future_template[] =
  "country = US\norganization = Test\ncn = testclient\n"
  "tls_www_client\nencryption_key\nsigning_key\n"
  "activation_date = \"2090-01-01 00:00:00 UTC\"\n"
  "expiration_date = \"2091-01-01 00:00:00 UTC\"\n";
static const char intruder_template[] =
  "country = GB\norganization = Other\ncn = intruder\n"
  "tls_www_client\nencryption_key\nsigning_key\nexpiration_days = 30\n";
/* The right DN, but a server's purpose only. */
static const char server_purpose_template[] =
  "country = US\norganization = Test\ncn = testclient\n"
  "tls_www_server\nencryption_key\nsigning_key\nexpiration_days = 30\n";
static const char crl_template[] = "crl_next_update = 30\ncrl_number = 1\n";

/* The CA, server and good client certificates of gvird_pki_new(), then
 * the bad ones and the CRL. */
static void
make_pki (void)
{
  g_autofree char *crl_info = NULL;
  const char *crl_args[] = { "--generate-crl", "--load-ca-privkey", "cakey.pem",
                             "--load-ca-certificate", "cacert.pem", "--load-certificate",
                             "revokedcert.pem", "--template", "crl.info", "--outfile",
                             "crl.pem", NULL };

  pki = gvird_pki_new ();
  gvird_pki_make_cert (pki, "expired", expired_template, "ca");
  gvird_pki_make_cert (pki, "future", future_template, "ca");
  gvird_pki_make_cert (pki, "revoked", gvird_pki_client_template, "ca");
  gvird_pki_make_cert (pki, "intruder", intruder_template, "ca");
  gvird_pki_make_cert (pki, "serverpurpose", server_purpose_template, "ca");
  gvird_pki_make_cert (pki, "otherca", other_ca_template, NULL);
  gvird_pki_make_cert (pki, "stranger", gvird_pki_client_template, "otherca");
  crl_info = g_build_filename (pki, "crl.info", NULL);
  g_assert_true (g_file_set_contents (crl_info, crl_template, -1, NULL));
  gvird_pki_run_certtool (pki, crl_args);
  pki_good = gvird_pki_client_dir (pki);
}

/* ---- the daemon ------------------------------------------------------------- */

/* A daemon listening on 127.0.0.1 at new free ports with @dn_list as
 * tls_allowed_dn_list, plus the @extra configuration lines. */
static GvirdRunner *
start_daemon_with (const char *dn_list,
                   const char *extra)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *conf = NULL;
  GvirdRunner *runner;

  tcp_port = gvird_free_port ();
  tls_port = gvird_free_port ();
  conf = g_strdup_printf ("listen_tcp = 1\nlisten_tls = 1\nlisten_addr = \"127.0.0.1\"\n"
                          "tcp_port = \"%d\"\ntls_port = \"%d\"\n"
                          "key_file = \"%s/serverkey.pem\"\ncert_file = \"%s/servercert.pem\"\n"
                          "ca_file = \"%s/cacert.pem\"\ncrl_file = \"%s/crl.pem\"\n"
                          "tls_allowed_dn_list = %s\n%s",
                          tcp_port, tls_port, pki, pki, pki, pki, dn_list, extra);
  runner = gvird_runner_start_listen (conf, &error);
  g_assert_no_error (error);
  gvird_wait_for_port (tcp_port);
  gvird_wait_for_port (tls_port);
  return runner;
}

static void
start_daemon (void)
{
  daemon_runner = start_daemon_with ("[ \"C=GB,O=Nobody,CN=*\", \"" ALLOWED_DN "\" ]", "");
}

static char *
daemon_log (void)
{
  g_autofree char *path = g_build_filename (daemon_runner->dir, "gvird.log", NULL);
  char *log = NULL;

  g_assert_true (g_file_get_contents (path, &log, NULL, NULL));
  return log;
}

/* Waits (bounded) for the daemon's log to contain @words. */
static void
assert_logged (const char *words)
{
  gint64 deadline = gvir_test_wait_deadline ();

  for (;;)
    {
      g_autofree char *log = daemon_log ();

      if (strstr (log, words) != NULL)
        return;
      if (g_get_monotonic_time () > deadline)
        g_error ("the daemon's log never said '%s'; it is:\n%s", words, log);
      g_usleep (10000);
    }
}

/* ---- virsh ------------------------------------------------------------------ */

static char *
tls_uri (void)
{
  return g_strdup_printf ("test+tls://127.0.0.1:%d/default?pkipath=%s", tls_port, pki_good);
}

static char *
tcp_uri (void)
{
  return g_strdup_printf ("test+tcp://127.0.0.1:%d/default", tcp_port);
}

/* Runs virsh -c @uri @commands (one argument; ';' separates commands,
 * which share one connection), bounded by timeout(1); returns its output,
 * asserting exit status 0. */
static char *
virsh (const char *uri,
       const char *commands)
{
  g_autofree char *bound = g_strdup_printf ("%" G_GINT64_FORMAT,
                                            gvir_test_wait_bound_usec () / G_USEC_PER_SEC);
  const char *argv[] = { "timeout", "-s", "KILL", bound, "virsh", "-c", uri, commands,
                         NULL };
  g_autoptr (GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("virsh -c %s '%s' failed: %s%s", uri, commands, out, err);
  return out;
}

/* @text has a line equal to @line once runs of spaces are squeezed (virsh
 * aligns its columns). */
static void
assert_has_line (const char *text,
                 const char *line)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  guint i;

  for (i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) words = g_strsplit_set (lines[i], " \t", -1);
      GString *squeezed = g_string_new (NULL);
      gboolean same;
      guint j;

      for (j = 0; words[j] != NULL; j++)
        if (words[j][0] != '\0')
          g_string_append_printf (squeezed, "%s%s", squeezed->len > 0 ? " " : "", words[j]);
      same = g_str_equal (squeezed->str, line);
      g_string_free (squeezed, TRUE);
      if (same)
        return;
    }
  g_error ("no line '%s' in:\n%s", line, text);
}

static void
virsh_lifecycle (const char *uri)
{
  g_autofree char *list = virsh (uri, "list --all");
  g_autofree char *info = virsh (uri, "dominfo " TEST_DOMAIN);
  /* The test driver's state lives while a connection holds it (as in
   * libvirtd), so the lifecycle runs in one virsh. */
  g_autofree char *lifecycle = virsh (uri, "destroy " TEST_DOMAIN "; list --all; "
                                      "start " TEST_DOMAIN "; list --all");

  assert_has_line (list, "1 test running");
  assert_has_line (info, "Name: test");
  assert_has_line (info, "State: running");
  assert_has_line (info, "UUID: 6695eb01-f6a4-8304-79aa-97f2502e193f");
  assert_has_line (lifecycle, "Domain 'test' destroyed");
  assert_has_line (lifecycle, "- test shut off");
  assert_has_line (lifecycle, "Domain 'test' started");
  assert_has_line (lifecycle, "2 test running");
}

static void
test_virsh_tls (void)
{
  g_autofree char *uri = tls_uri ();

  virsh_lifecycle (uri);
  assert_logged ("DN is C=US,O=Test,CN=testclient");
}

static void
test_virsh_tcp (void)
{
  g_autofree char *uri = tcp_uri ();

  virsh_lifecycle (uri);
}

/* ---- our remote driver -------------------------------------------------------- */

static void
driver_lifecycle (const char *uri)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GVirDriverConnection) conn = gvir_driver_connection_open (uri, FALSE, NULL, NULL,
                                                                       NULL, &error);
  g_autoptr (GVirDriverDomain) dom = NULL;
  g_autofree char *type = NULL;
  const char *xml = "<domain type='test'><name>tls-vm</name><memory>8192</memory>"
                    "<vcpu>1</vcpu><os><type>hvm</type></os></domain>";
  int state = -1, reason = -1;

  g_assert_no_error (error);
  g_assert_nonnull (conn);
  type = gvir_driver_connection_get_type (conn, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (type, ==, "TEST");
  dom = gvir_driver_connection_define_domain (conn, xml, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dom->name, ==, "tls-vm");
  g_assert_cmpint (dom->state, ==, GVIR_DRIVER_STATE_SHUTOFF);
  g_assert_true (gvir_driver_connection_start_domain (conn, dom->uuid, 0, NULL, &error));
  g_assert_true (gvir_driver_connection_get_domain_state (conn, dom->uuid, &state, &reason,
                                                          NULL, &error));
  g_assert_cmpint (state, ==, GVIR_DRIVER_STATE_RUNNING);
  g_assert_true (gvir_driver_connection_destroy_domain (conn, dom->uuid, 0, NULL, &error));
  g_assert_true (gvir_driver_connection_get_domain_state (conn, dom->uuid, &state, &reason,
                                                          NULL, &error));
  g_assert_cmpint (state, ==, GVIR_DRIVER_STATE_SHUTOFF);
  g_assert_true (gvir_driver_connection_undefine_domain (conn, dom->uuid, 0, NULL, &error));
  g_assert_no_error (error);
}

static void
test_driver_tls (void)
{
  g_autofree char *uri = tls_uri ();

  driver_lifecycle (uri);
}

static void
test_driver_tcp (void)
{
  g_autofree char *uri = tcp_uri ();

  driver_lifecycle (uri);
}

/* ---- refusals ------------------------------------------------------------------- */

/* A TLS client presenting NAMEcert.pem (none when @name is NULL) with
 * the GnuTLS @priority string (NULL: GnuTLS's default): whether the daemon
 * sent libvirt's confirmation byte, i.e. accepted it. */
static gboolean
tls_probe_with (const char *name,
                const char *priority)
{
  gnutls_certificate_credentials_t creds = NULL;
  gnutls_session_t session = NULL;
  int fd = gvird_tcp_connect ("127.0.0.1", tls_port);
  gboolean confirmed = FALSE;
  guint8 byte = 0;
  int rc;

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (gnutls_certificate_allocate_credentials (&creds), ==, 0);
  if (name != NULL)
    {
      g_autofree char *cert = g_strdup_printf ("%s/%scert.pem", pki, name);
      g_autofree char *key = g_strdup_printf ("%s/%skey.pem", pki, name);

      g_assert_cmpint (gnutls_certificate_set_x509_key_file (creds, cert, key,
                                                             GNUTLS_X509_FMT_PEM), ==, 0);
    }
  g_assert_cmpint (gnutls_init (&session, GNUTLS_CLIENT), ==, 0);
  if (priority != NULL)
    g_assert_cmpint (gnutls_priority_set_direct (session, priority, NULL), ==, 0);
  else
    g_assert_cmpint (gnutls_set_default_priority (session), ==, 0);
  g_assert_cmpint (gnutls_credentials_set (session, GNUTLS_CRD_CERTIFICATE, creds), ==, 0);
  gnutls_transport_set_int (session, fd);
  do
    rc = gnutls_handshake (session);
  while (rc < 0 && !gnutls_error_is_fatal (rc));
  if (rc == 0)
    {
      do
        rc = (int) gnutls_record_recv (session, &byte, 1);
      while (rc == GNUTLS_E_AGAIN || rc == GNUTLS_E_INTERRUPTED);
      /* A timeout (the daemon neither confirms nor closes) is a failure. */
      g_assert_cmpint (rc, !=, GNUTLS_E_PULL_ERROR);
      confirmed = rc == 1 && byte == 1;
    }
  gnutls_deinit (session);
  gnutls_certificate_free_credentials (creds);
  close (fd);
  return confirmed;
}

static gboolean
tls_probe (const char *name)
{
  return tls_probe_with (name, NULL);
}

static void
assert_refused (const char *name,
                const char *logged)
{
  g_assert_false (tls_probe (name));
  assert_logged (logged);
  /* The daemon goes on serving good clients. */
  g_assert_true (tls_probe ("client"));
}

static void
test_good_client (void)
{
  g_assert_true (tls_probe ("client"));
}

static void
test_refuse_unknown_ca (void)
{
  assert_refused ("stranger", "invalid client certificate: The certificate is NOT trusted");
}

static void
test_refuse_expired (void)
{
  assert_refused ("expired", "uses expired certificate");
}

static void
test_refuse_not_yet_valid (void)
{
  assert_refused ("future", "not yet valid");
}

static void
test_refuse_revoked (void)
{
  assert_refused ("revoked", "revoked");
}

static void
test_refuse_dn (void)
{
  assert_refused ("intruder", "DN 'C=GB,O=Other,CN=intruder' is not on the list");
}

static void
test_refuse_server_purpose (void)
{
  assert_refused ("serverpurpose", "is not for TLS clients");
}

static void
test_refuse_no_cert (void)
{
  assert_refused (NULL, "no client certificate");
}

/* libvirt's matching rules: case-sensitive globs on the "C=..,O=..,CN=.."
 * order; an empty list lets no one in. A second daemon for each list. */
static void
dn_list_case (const char *dn_list,
              gboolean    accepted)
{
  GvirdRunner *main_runner = daemon_runner;
  int main_tcp = tcp_port, main_tls = tls_port;

  daemon_runner = start_daemon_with (dn_list, "");
  g_assert_cmpint (tls_probe ("client"), ==, accepted);
  if (!accepted)
    assert_logged ("is not on the list of allowed clients");
  gvird_runner_stop (daemon_runner);
  daemon_runner = main_runner;
  tcp_port = main_tcp;
  tls_port = main_tls;
}

static void
test_dn_list_rules (void)
{
  dn_list_case ("[]", FALSE);
  dn_list_case ("[ \"*CN=testclient\" ]", TRUE);
  dn_list_case ("[ \"C=US,O=Test,CN=testclien?\" ]", TRUE);
  dn_list_case ("[ \"CN=testclient,O=Test,C=US\" ]", FALSE);
  dn_list_case ("[ \"c=us,o=test,cn=testclient\" ]", FALSE);
  dn_list_case ("[ \"C=US, O=Test, CN=testclient\" ]", FALSE);
}

/* tls_priority: a daemon limited to TLS 1.2 refuses a client that only
 * speaks TLS 1.3 (which the default "NORMAL" daemon accepts), and serves
 * one that speaks TLS 1.2. */
#define ONLY_TLS12 "NORMAL:-VERS-ALL:+VERS-TLS1.2"
#define ONLY_TLS13 "NORMAL:-VERS-ALL:+VERS-TLS1.3"

static void
test_tls_priority (void)
{
  GvirdRunner *main_runner = daemon_runner;
  int main_tcp = tcp_port, main_tls = tls_port;

  g_assert_true (tls_probe_with ("client", ONLY_TLS13));
  g_assert_true (tls_probe_with ("client", ONLY_TLS12));

  daemon_runner = start_daemon_with ("[ \"" ALLOWED_DN "\" ]",
                                     "tls_priority = \"" ONLY_TLS12 "\"\n");
  g_assert_false (tls_probe_with ("client", ONLY_TLS13));
  g_assert_true (tls_probe_with ("client", ONLY_TLS12));
  g_assert_true (tls_probe ("client"));
  gvird_runner_stop (daemon_runner);
  daemon_runner = main_runner;
  tcp_port = main_tcp;
  tls_port = main_tls;
}

/* listen_addr = 127.0.0.1: another loopback address of the host (all of
 * 127/8 is local on Linux) reaches no listener. */
static void
test_listen_addr_only (void)
{
  int fd = gvird_tcp_connect ("127.0.0.2", tcp_port);

  if (fd >= 0)
    close (fd);
  g_assert_cmpint (fd, <, 0);
  fd = gvird_tcp_connect ("127.0.0.2", tls_port);
  if (fd >= 0)
    close (fd);
  g_assert_cmpint (fd, <, 0);
}

/* ---- SASL over TLS ------------------------------------------------------------ */

/* A Cyrus SASL configuration for the service "libvirt" in a new folder
 * (SASL_CONF_PATH): SCRAM-SHA-256 and a sasldb with user alice. NULL
 * when saslpasswd2 is missing. */
static char *
make_sasl_folder (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gvird-tls-sasl-XXXXXX", NULL);
  g_autofree char *conf = g_build_filename (dir, "libvirt.conf", NULL);
  g_autofree char *conf_text = g_strdup_printf ("mech_list: scram-sha-256\n"
                                                "sasldb_path: %s/passwd.db\n", dir);
  g_autofree char *command = g_strdup_printf ("echo alice-secret | saslpasswd2 -f %s/passwd.db "
                                              "-a libvirt -p -c alice", dir);
  const char *argv[] = { "sh", "-c", command, NULL };
  g_autoptr (GError) error = NULL;
  g_autofree char *found = g_find_program_in_path ("saslpasswd2");
  int status = 0;

  if (found == NULL && !g_file_test ("/usr/sbin/saslpasswd2", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_rmdir (dir);
      return NULL;
    }
  g_assert_true (g_file_set_contents (conf, conf_text, -1, NULL));
  g_setenv ("PATH", "/usr/sbin:/usr/bin:/sbin:/bin", FALSE);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL,
                               NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&dir);
}

/* auth_tls = "sasl": a virsh with the client certificate must also log
 * in with SASL (its user and password from a LIBVIRT_AUTH_FILE); then it
 * is served, and the daemon names the user. */
static void
test_virsh_tls_sasl (void)
{
  int saved_tcp = tcp_port, saved_tls = tls_port;
  g_autofree char *sasl_dir = NULL;
  g_autofree char *auth_file = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *list = NULL;
  g_autofree char *log_path = NULL;
  g_autofree char *log = NULL;
  GvirdRunner *runner;

  if (!HAVE_SASL)
    {
      g_test_skip ("gvird was built without SASL");
      return;
    }
  sasl_dir = make_sasl_folder ();
  if (sasl_dir == NULL)
    {
      if (gvird_runner_require_all ())
        g_error ("no saslpasswd2 (install sasl2-bin)");
      g_test_skip ("no saslpasswd2 (install sasl2-bin)");
      return;
    }
  auth_file = g_build_filename (sasl_dir, "auth.conf", NULL);
  g_assert_true (g_file_set_contents (auth_file, "[credentials-t]\nauthname=alice\n"
                                      "password=alice-secret\n\n[auth-libvirt-127.0.0.1]\n"
                                      "credentials=t\n", -1, NULL));
  g_setenv ("SASL_CONF_PATH", sasl_dir, TRUE);
  runner = start_daemon_with ("[ \"" ALLOWED_DN "\" ]", "auth_tls = \"sasl\"\n");
  g_setenv ("LIBVIRT_AUTH_FILE", auth_file, TRUE);
  uri = tls_uri ();
  list = virsh (uri, "list --all");
  assert_has_line (list, "1 test running");
  log_path = g_build_filename (runner->dir, "gvird.log", NULL);
  g_assert_true (g_file_get_contents (log_path, &log, NULL, NULL));
  g_assert_nonnull (strstr (log, "client authenticated as 'alice' (SASL)"));
  g_unsetenv ("LIBVIRT_AUTH_FILE");
  g_unsetenv ("SASL_CONF_PATH");
  gvird_runner_stop (runner);
  tcp_port = saved_tcp;
  tls_port = saved_tls;
  g_assert_true (gvir_test_remove_tree (sasl_dir));
}

/* ---- configuration errors ---------------------------------------------------------- */

/* Runs gvird --listen on @config_text; it must stop (bounded) with status
 * 1 and a message containing @words. */
static void
assert_config_refused (const char *config_text,
                       const char *words)
{
  g_autofree char *dir = g_dir_make_tmp ("gvird-tls-conf-XXXXXX", NULL);
  g_autofree char *conf_path = g_build_filename (dir, "gvird.conf", NULL);
  g_autofree char *conf = g_strdup_printf ("unix_sock_dir = \"%s\"\n%s\n", dir, config_text);
  g_autofree char *bound = g_strdup_printf ("%" G_GINT64_FORMAT,
                                            gvir_test_wait_bound_usec () / G_USEC_PER_SEC);
  const char *argv[] = { "timeout", "-s", "KILL", bound, g_getenv ("GVIRD"), "--listen",
                         "--config", conf_path, NULL };
  g_autoptr (GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_assert_nonnull (dir);
  g_assert_true (g_file_set_contents (conf_path, conf, -1, NULL));
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL,
                               G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);
  g_test_message ("%s", err);
  g_assert_nonnull (strstr (err, words));
  gvir_test_remove_tree (dir);
}

static void
test_config_errors (void)
{
  g_autofree char *only_key = g_strdup_printf ("listen_tls = 1\nkey_file = \"%s/serverkey.pem\"\n",
                                               pki);
  g_autofree char *bad_crl = g_strdup_printf ("listen_tls = 1\nkey_file = \"%s/serverkey.pem\"\n"
                                              "cert_file = \"%s/servercert.pem\"\n"
                                              "ca_file = \"%s/cacert.pem\"\n"
                                              "crl_file = \"%s/missing.pem\"\n",
                                              pki, pki, pki, pki);

  assert_config_refused ("listen_tcp = 1\nlisten_tls = 0\nauth_tcp = \"sasl\"\n", "auth_tcp");
  assert_config_refused (only_key, "must be set together");
  assert_config_refused (bad_crl, "crl_file");
  assert_config_refused ("listen_tcp = 1\nlisten_tls = 0\ntcp_port = \"no-such-service\"\n",
                         "tcp_port");
  /* A priority string GnuTLS rejects stops the daemon at start, naming
   * the key, its line and where the string goes wrong. */
  assert_config_refused ("listen_tls = 0\ntls_priority = \"NORMAL:+NO-SUCH-THING\"\n",
                         "gvird.conf:3: tls_priority: not a GnuTLS priority string (bad at "
                         "\"+NO-SUCH-THING\")");
  assert_config_refused ("listen_tls = 0\ntls_priority = 1\n",
                         "gvird.conf:3: tls_priority: expected a \"string\"");
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *certtool = NULL;
  g_autofree char *virsh_path = NULL;
  int rc;

  g_test_init (&argc, &argv, NULL);
  gnutls_global_init ();
  certtool = g_find_program_in_path ("certtool");
  virsh_path = g_find_program_in_path ("virsh");
  if (certtool == NULL || virsh_path == NULL)
    {
      if (gvird_runner_require_all ())
        g_error ("certtool (gnutls-bin) and virsh are needed");
      g_test_skip ("certtool (gnutls-bin) or virsh missing");
      return g_test_run ();
    }
  make_pki ();
  start_daemon ();
  g_test_add_func ("/daemon/tls/good-client", test_good_client);
  g_test_add_func ("/daemon/tls/virsh-tls", test_virsh_tls);
  g_test_add_func ("/daemon/tls/virsh-tcp", test_virsh_tcp);
  g_test_add_func ("/daemon/tls/driver-tls", test_driver_tls);
  g_test_add_func ("/daemon/tls/driver-tcp", test_driver_tcp);
  g_test_add_func ("/daemon/tls/refuse/unknown-ca", test_refuse_unknown_ca);
  g_test_add_func ("/daemon/tls/refuse/expired", test_refuse_expired);
  g_test_add_func ("/daemon/tls/refuse/not-yet-valid", test_refuse_not_yet_valid);
  g_test_add_func ("/daemon/tls/refuse/revoked", test_refuse_revoked);
  g_test_add_func ("/daemon/tls/refuse/dn-not-allowed", test_refuse_dn);
  g_test_add_func ("/daemon/tls/refuse/server-purpose", test_refuse_server_purpose);
  g_test_add_func ("/daemon/tls/refuse/no-client-cert", test_refuse_no_cert);
  g_test_add_func ("/daemon/tls/dn-list-rules", test_dn_list_rules);
  g_test_add_func ("/daemon/tls/listen-addr-only", test_listen_addr_only);
  g_test_add_func ("/daemon/tls/priority", test_tls_priority);
  g_test_add_func ("/daemon/tls/config-errors", test_config_errors);
  g_test_add_func ("/daemon/tls/virsh-tls-sasl", test_virsh_tls_sasl);
  rc = g_test_run ();
  gvird_runner_stop (daemon_runner);
  gvird_pki_remove (pki);
  g_free (pki);
  g_free (pki_good);
  gnutls_global_deinit ();
  return rc;
}
