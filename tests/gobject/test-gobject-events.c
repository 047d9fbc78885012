/*
 * test-gobject-events.c: the driver conformance suite: every lifecycle
 * transition, end to end, as GVirDomain signals and states
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Each case defines and starts a domain of its own, brings it into a
 * starting state, forgets the signals that caused, performs one
 * transition and checks exactly which lifecycle signals (name and detail)
 * arrived, that they ran in the context the connection was opened in, and
 * the state and reason libvirt gives afterwards
 * (reference/libvirt-test-driver.md, 2.5). A transition made through
 * another connection to the same host must look the same.
 *
 * The same cases run on every driver that runs domains: --driver=NAME
 * (before the GTest options) picks the driver profile below; meson runs
 * one test per profile, in suite 'conformance'. The gvird-* profiles run
 * them on the test driver hosted by gvird, through our remote driver over
 * a UNIX socket, TCP and TLS.
 */
#include "config.h"

#include "gvir-test-files.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "test-gobject-common.h"
#include "gvird-runner.h"
#include "gvird-tls-setup.h"

#define MAIN_UUID "11111111-2222-3333-4444-000000000e00"
#define NEW_UUID "11111111-2222-3333-4444-000000000e01"
#define GONE (-1)       /* the domain no longer exists afterwards */

/* What a case needs beyond define, start, pause, resume and destroy. */
enum
{
  NEEDS_SAVE = 1 << 0,              /* managed save */
  NEEDS_GUEST_SHUTDOWN = 1 << 1,    /* a guest that powers off when asked */
  NEEDS_REBOOT = 1 << 2,
  NEEDS_SAVE_FILE = 1 << 3,         /* save to and restore from a file of the caller's */
};

/* What the cases need to know of a driver. */
typedef struct
{
  const char *name;                 /* --driver=NAME */
  guint features;                   /* NEEDS_*: what the driver does */
  const char *missing;              /* why the others are skipped */
  /* The URI of the host the cases run on; two connections to it see the
   * same domains. @tmpdir is a fresh folder of the test's own. A profile
   * whose host is a daemon starts one here, for the case alone. */
  char *(*make_uri) (const char *tmpdir);
  /* A domain this driver can run; @name and @uuid are given. */
  GVirConfigDomain *(*make_domain) (const char *name, const char *uuid);
  /* Returns once the guest of running domain @name can take a power
   * button press (NULL: at once). */
  void (*wait_guest_ready) (const char *name);
  /* Stops what make_uri started, once the case closed its connections
   * (NULL: nothing to stop). */
  void (*stop_host) (void);
} DriverProfile;

static char *
test_driver_uri (const char *tmpdir)
{
  return g_strdup (TEST_URI);
}

/* The QEMU driver, in a root of the case's own, running real QEMU. */
static char *
qemu_driver_uri (const char *tmpdir)
{
  g_autofree char *root = g_build_filename (tmpdir, "root", NULL);

  return g_strdup_printf ("qemu:///embed?root=%s", root);
}

/* The QEMU profile's guests: the ACPI-aware boot sector built in
 * tests/qemu/guests (GVIR_TEST_GUEST_DIR), one copy per domain (QEMU locks
 * the disk it writes), with its serial port on a UNIX socket, all in a
 * folder of the test run's own. */
static char *qemu_guest_dir;

static char *
qemu_guest_file (const char *name, const char *suffix)
{
  g_autofree char *base = g_strconcat (name, suffix, NULL);

  if (qemu_guest_dir == NULL)
    {
      g_autoptr(GError) error = NULL;

      qemu_guest_dir = g_dir_make_tmp ("gvir-guests-XXXXXX", &error);
      g_assert_no_error (error);
    }
  return g_build_filename (qemu_guest_dir, base, NULL);
}

static char *
qemu_guest_image (const char *name)
{
  g_autofree char *from = g_build_filename (g_getenv ("GVIR_TEST_GUEST_DIR"),
                                            "guest-poweroff.img", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  char *to = qemu_guest_file (name, ".img");
  gsize len = 0;

  g_assert_true (g_file_get_contents (from, &contents, &len, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (to, contents, (gssize) len, &error));
  g_assert_no_error (error);
  return to;
}

/* A tiny TCG guest that powers off on an ACPI power button press. */
static GVirConfigDomain *
make_qemu_domain (const char *name,
                  const char *uuid)
{
  g_autofree char *image = qemu_guest_image (name);
  g_autofree char *console = qemu_guest_file (name, ".sock");
  g_autofree char *xml = g_strdup_printf (
    "<domain type='qemu'>"
    "<name>%s</name><uuid>%s</uuid>"
    "<memory unit='MiB'>32</memory><vcpu>1</vcpu>"
    "<os><type arch='x86_64' machine='pc'>hvm</type></os>"
    "<features><acpi/></features>"
    "<devices>"
    "<disk type='file' device='disk'><driver name='qemu' type='raw'/>"
    "<source file='%s'/><target dev='hda' bus='ide'/></disk>"
    "<serial type='unix'><source mode='bind' path='%s'/><target port='0'/></serial>"
    "</devices>"
    "</domain>", name, uuid, image, console);

  return parse_domain_config (xml);
}

/* The guest writes 'W' to its serial port at every timer tick while it
 * waits for the power button (QEMU drops a press that comes earlier). */
static void
wait_qemu_guest_ready (const char *name)
{
  g_autofree char *path = qemu_guest_file (name, ".sock");
  struct sockaddr_un addr = { .sun_family = AF_UNIX };
  gint64 deadline = gvir_test_wait_deadline ();
  int fd;
  char c = 0;

  g_assert_cmpuint (strlen (path), <, sizeof addr.sun_path);
  strcpy (addr.sun_path, path);
  fd = socket (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  g_assert_cmpint (fd, >=, 0);
  gvir_test_socket_set_timeouts (fd);
  g_assert_cmpint (connect (fd, (struct sockaddr *) &addr, sizeof addr), ==, 0);
  while (c != 'W')
    {
      if (read (fd, &c, 1) != 1 || g_get_monotonic_time () > deadline)
        gvir_test_wait_timed_out ("the guest to wait for the power button");
    }
  close (fd);
}

/* ---- the test driver hosted by gvird ------------------------------------------ */

/* Each case gets a gvird of its own, started by make_uri and stopped by
 * stop_host: the test driver's state lives in the daemon (while a client
 * holds it), so a new daemon per case gives every case the fresh
 * test:///default the in-process 'test' profile gets, whatever a failed
 * or slow close of the previous case's connections left behind. */
static GvirdRunner *gvird;
static volatile pid_t gvird_pid;  /* read by the signal handler */
static char *gvird_pki;           /* gvird-tls: certificates made once per run */

static void
start_gvird (const char *extra_config,
             gboolean    listen)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (gvird);
  gvird = listen ? gvird_runner_start_listen (extra_config, &error)
                 : gvird_runner_start (extra_config, &error);
  g_assert_no_error (error);
  gvird_pid = gvird->pid;
}

static void
stop_gvird (void)
{
  /* gvird_runner_stop reaps it, or kills it by itself if it hangs. */
  gvird_pid = 0;
  gvird_runner_stop (g_steal_pointer (&gvird));
}

static char *
gvird_unix_uri (const char *tmpdir)
{
  start_gvird (NULL, FALSE);
  return gvird_runner_uri (gvird, FALSE);
}

static char *
gvird_tcp_uri (const char *tmpdir)
{
  int port = gvird_free_port ();
  g_autofree char *config = g_strdup_printf ("listen_tcp = 1\nlisten_tls = 0\n"
                                             "listen_addr = \"127.0.0.1\"\n"
                                             "tcp_port = \"%d\"\n", port);

  start_gvird (config, TRUE);
  gvird_wait_for_port (port);
  return g_strdup_printf ("test+tcp://127.0.0.1:%d/default", port);
}

/* The client checks the server's certificate against "localhost". */
static char *
gvird_tls_uri (const char *tmpdir)
{
  int port = gvird_free_port ();
  g_autofree char *client = gvird_pki_client_dir (gvird_pki);
  g_autofree char *config = g_strdup_printf ("listen_tcp = 0\nlisten_tls = 1\n"
                                             "listen_addr = \"127.0.0.1\"\n"
                                             "tls_port = \"%d\"\n"
                                             "key_file = \"%s/serverkey.pem\"\n"
                                             "cert_file = \"%s/servercert.pem\"\n"
                                             "ca_file = \"%s/cacert.pem\"\n",
                                             port, gvird_pki, gvird_pki, gvird_pki);

  start_gvird (config, TRUE);
  gvird_wait_for_port (port);
  return g_strdup_printf ("test+tls://localhost:%d/default?pkipath=%s", port, client);
}

/* A failed assertion aborts the test (SIGABRT, or SIGTRAP from a timed-out
 * wait) before the teardown stops the case's daemon: it is killed by pid
 * first (gvird-runner's parent-death signal is the second line). */
static void
kill_gvird_and_die (int sig)
{
  if (gvird_pid > 0)
    kill (gvird_pid, SIGKILL);
  signal (sig, SIG_DFL);
  raise (sig);
}

#define ALL_FEATURES (NEEDS_SAVE | NEEDS_SAVE_FILE | NEEDS_GUEST_SHUTDOWN | NEEDS_REBOOT)

static const DriverProfile profiles[] = {
  { "test", ALL_FEATURES, NULL, test_driver_uri, make_domain_config, NULL },
  { "qemu", ALL_FEATURES, NULL, qemu_driver_uri, make_qemu_domain, wait_qemu_guest_ready },
  { "gvird-unix", ALL_FEATURES, NULL, gvird_unix_uri, make_domain_config, NULL,
    stop_gvird },
  { "gvird-tcp", ALL_FEATURES, NULL, gvird_tcp_uri, make_domain_config, NULL,
    stop_gvird },
  { "gvird-tls", ALL_FEATURES, NULL, gvird_tls_uri, make_domain_config, NULL,
    stop_gvird },
};

static const DriverProfile *profile = &profiles[0];

static gboolean
is_gvird_profile (void)
{
  return g_str_has_prefix (profile->name, "gvird-");
}

typedef struct
{
  char *tmpdir;
  GVirConnection *conn;
  GVirConnection *other;    /* a second connection to the same host */
  GVirDomain *dom;          /* "conf-main", running, as seen through conn */
  GVirDomain *other_dom;    /* "conf-main", as seen through other */
  GVirDomain *extra;        /* a domain a case prepared, or NULL */
  Recorder rec;
  Recorder other_rec;       /* what the second connection hears */
  char *save_path;
} Fixture;

typedef struct
{
  const char *path;
  /* Brings the host into the starting state; returns how many lifecycle
   * signals that causes on each connection. */
  guint (*prepare) (Fixture *f);
  /* Performs the transition; returns the domain it concerns (new ref). */
  GVirDomain *(*act) (Fixture *f);
  const char *signals[3];   /* NULL-terminated */
  gint state;               /* GVirDomainState, or GONE */
  guint reason;
  guint added;
  guint removed;
  gboolean persistent;
  guint needs;              /* NEEDS_* */
} EventCase;

static GVirConnection *
open_profile_connection (const char *uri)
{
  g_autoptr(GError) error = NULL;
  GVirConnection *conn = gvir_connection_new (uri);

  g_assert_true (gvir_connection_open (conn, NULL, &error));
  g_assert_no_error (error);
  return conn;
}

/* Defines and starts the case's own domain, "conf-main". */
static GVirDomain *
start_main_domain (GVirConnection *conn)
{
  g_autoptr(GVirConfigDomain) conf = profile->make_domain ("conf-main", MAIN_UUID);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDomain) dom = gvir_connection_create_domain (conn, conf, &error);

  g_assert_no_error (error);
  gvir_domain_start (dom, 0, &error);
  g_assert_no_error (error);
  if (profile->wait_guest_ready != NULL)
    profile->wait_guest_ready ("conf-main");
  return g_steal_pointer (&dom);
}

static GVirDomain *
fetch_domain (GVirConnection *conn,
              const char     *uuid)
{
  g_autoptr(GError) error = NULL;
  GVirDomain *dom;

  g_assert_true (gvir_connection_fetch_domains (conn, NULL, &error));
  g_assert_no_error (error);
  dom = gvir_connection_get_domain (conn, uuid);
  g_assert_nonnull (dom);
  return dom;
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;

  f->tmpdir = g_dir_make_tmp ("gvir-events-XXXXXX", &error);
  g_assert_no_error (error);
  f->save_path = g_build_filename (f->tmpdir, "domain.save", NULL);
  uri = profile->make_uri (f->tmpdir);
  f->conn = open_profile_connection (uri);
  g_object_unref (start_main_domain (f->conn));
  /* Opened afterwards, it hears no event of the domain's start: a daemon
   * could deliver one after the recorders below start listening. */
  f->other = open_profile_connection (uri);
  f->dom = fetch_domain (f->conn, MAIN_UUID);
  f->other_dom = fetch_domain (f->other, MAIN_UUID);
  f->rec.expected = g_main_context_default ();
  f->rec.watch_added = TRUE;
  recorder_watch_connection (&f->rec, f->conn);
  recorder_watch_domain (&f->rec, f->dom);
  f->other_rec.expected = g_main_context_default ();
  f->other_rec.watch_added = TRUE;
  recorder_watch_connection (&f->other_rec, f->other);
  recorder_watch_domain (&f->other_rec, f->other_dom);
}

/* Leaves the host as the case found it: the case's domains stopped and
 * gone (for drivers with real processes, no process left behind). */
static void
remove_domain (GVirConnection *conn,
               const char     *uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDomain) dom = NULL;
  GVirDomainState state;

  g_assert_true (gvir_connection_fetch_domains (conn, NULL, &error));
  g_assert_no_error (error);
  dom = gvir_connection_get_domain (conn, uuid);
  if (dom == NULL)
    return;
  state = gvir_domain_get_state (dom, NULL, &error);
  g_assert_no_error (error);
  if (state != GVIR_DOMAIN_STATE_SHUTOFF)
    g_assert_true (gvir_domain_stop (dom, 0, &error));
  g_assert_no_error (error);
  if (gvir_domain_get_persistent (dom))
    g_assert_true (gvir_domain_delete (dom, GVIR_DOMAIN_DELETE_SAVED_STATE, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  remove_domain (f->conn, NEW_UUID);
  remove_domain (f->conn, MAIN_UUID);
  g_clear_object (&f->extra);
  g_clear_object (&f->other_dom);
  close_and_finalize (f->other);
  close_and_finalize (f->conn);
  assert_finalized_soon (f->dom);
  if (profile->stop_host != NULL)
    profile->stop_host ();
  g_remove (f->save_path);
  g_assert_true (gvir_test_remove_tree (f->tmpdir));
  g_free (f->save_path);
  g_free (f->tmpdir);
}

/* Takes @error after @done was computed: ok (call (&error), error) would
 * let the compiler read error before the call sets it. */
#define ok(call, error) \
  G_STMT_START { \
    gboolean ok_done_ = (call); \
    ok_check (ok_done_, (error)); \
  } G_STMT_END

static void
ok_check (gboolean done, GError *error)
{
  g_assert_no_error (error);
  g_assert_true (done);
}

/* ---- starting states ---------------------------------------------------------- */

static guint
prepare_shut_off (Fixture *f)
{
  GError *error = NULL;

  ok (gvir_domain_stop (f->dom, 0, &error), error);
  return 1;   /* stopped::destroyed */
}

static guint
prepare_paused (Fixture *f)
{
  GError *error = NULL;

  ok (gvir_domain_suspend (f->dom, &error), error);
  return 1;   /* suspended::paused */
}

static guint
prepare_managed_save (Fixture *f)
{
  GError *error = NULL;

  ok (gvir_domain_save (f->dom, 0, &error), error);
  return 1;   /* stopped::saved */
}

static guint
prepare_saved_file (Fixture *f)
{
  GError *error = NULL;

  ok (gvir_domain_save_to_file (f->dom, f->save_path, NULL, 0, &error), error);
  return 1;   /* stopped::saved */
}

static guint
prepare_defined (Fixture *f)
{
  g_autoptr(GVirConfigDomain) conf = profile->make_domain ("ev-defined", NEW_UUID);
  GError *error = NULL;

  f->extra = gvir_connection_create_domain (f->conn, conf, &error);
  ok (f->extra != NULL, error);
  return 0;   /* a definition has no lifecycle signal */
}

static guint
prepare_transient (Fixture *f)
{
  g_autoptr(GVirConfigDomain) conf = profile->make_domain ("ev-transient", NEW_UUID);
  GError *error = NULL;

  f->extra = gvir_connection_start_domain (f->conn, conf, 0, &error);
  ok (f->extra != NULL, error);
  if (profile->wait_guest_ready != NULL)
    profile->wait_guest_ready ("ev-transient");
  return 1;   /* started::booted, heard through domain-added */
}

/* ---- transitions ---------------------------------------------------------------- */

#define ACT_ON_MAIN(name, call) \
  static GVirDomain * \
  act_##name (Fixture *f) \
  { \
    GError *error = NULL; \
    GVirDomain *dom = f->dom; \
    ok (call, error); \
    return g_object_ref (f->dom); \
  }

#define ACT_ELSEWHERE(name, call) \
  static GVirDomain * \
  act_##name##_elsewhere (Fixture *f) \
  { \
    GError *error = NULL; \
    GVirDomain *dom = f->other_dom; \
    ok (call, error); \
    return g_object_ref (f->dom); \
  }

#define ACT_ON_EXTRA(name, call) \
  static GVirDomain * \
  act_##name##_extra (Fixture *f) \
  { \
    GError *error = NULL; \
    GVirDomain *dom = f->extra; \
    ok (call, error); \
    return g_object_ref (f->extra); \
  }

ACT_ON_MAIN (start, gvir_domain_start (dom, 0, &error))
ACT_ON_MAIN (start_paused, gvir_domain_start (dom, GVIR_DOMAIN_START_PAUSED, &error))
ACT_ON_MAIN (suspend, gvir_domain_suspend (dom, &error))
ACT_ON_MAIN (resume, gvir_domain_resume (dom, &error))
ACT_ON_MAIN (destroy, gvir_domain_stop (dom, 0, &error))
ACT_ON_MAIN (shutdown, gvir_domain_shutdown (dom, 0, &error))
ACT_ON_MAIN (reboot, gvir_domain_reboot (dom, 0, &error))
ACT_ON_MAIN (managed_save, gvir_domain_save (dom, 0, &error))
ACT_ON_MAIN (save_file, gvir_domain_save_to_file (dom, f->save_path, NULL, 0, &error))
ACT_ON_MAIN (undefine, gvir_domain_delete (dom, 0, &error))
ACT_ELSEWHERE (start, gvir_domain_start (dom, 0, &error))
ACT_ELSEWHERE (suspend, gvir_domain_suspend (dom, &error))
ACT_ELSEWHERE (resume, gvir_domain_resume (dom, &error))
ACT_ELSEWHERE (destroy, gvir_domain_stop (dom, 0, &error))
ACT_ELSEWHERE (shutdown, gvir_domain_shutdown (dom, 0, &error))
ACT_ELSEWHERE (managed_save, gvir_domain_save (dom, 0, &error))
ACT_ON_EXTRA (undefine, gvir_domain_delete (dom, 0, &error))
ACT_ON_EXTRA (destroy, gvir_domain_stop (dom, 0, &error))
ACT_ON_EXTRA (shutdown, gvir_domain_shutdown (dom, 0, &error))

/* The other connection stops the transient domain: this connection learns
 * of it only from the event, with no call of its own that re-reads it. */
static GVirDomain *
act_destroy_extra_elsewhere (Fixture *f)
{
  g_autoptr(GVirDomain) there = NULL;
  GError *error = NULL;

  ok (gvir_connection_fetch_domains (f->other, NULL, &error), error);
  there = gvir_connection_get_domain (f->other, NEW_UUID);
  g_assert_nonnull (there);
  g_assert_cmpstr (gvir_domain_get_name (there), ==, "ev-transient");
  ok (gvir_domain_stop (there, 0, &error), error);
  return g_object_ref (f->extra);
}

static GVirDomain *
act_restore_file (Fixture *f)
{
  GError *error = NULL;

  ok (gvir_connection_restore_domain_from_file (f->conn, f->save_path, NULL, 0, &error), error);
  return g_object_ref (f->dom);
}

static GVirDomain *
set_own_config (GVirDomain *dom)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirConfigDomain) conf = gvir_domain_get_config (dom, GVIR_DOMAIN_XML_INACTIVE,
                                                             &error);

  g_assert_no_error (error);
  gvir_config_domain_set_title (conf, "updated");
  g_assert_true (gvir_domain_set_config (dom, conf, &error));
  g_assert_no_error (error);
  return dom;
}

static GVirDomain *
act_update (Fixture *f)
{
  return g_object_ref (set_own_config (f->dom));
}

static GVirDomain *
act_update_elsewhere (Fixture *f)
{
  set_own_config (f->other_dom);
  return g_object_ref (f->dom);
}

static GVirDomain *
act_define (Fixture *f)
{
  g_autoptr(GVirConfigDomain) conf = profile->make_domain ("ev-new", NEW_UUID);
  GError *error = NULL;
  GVirDomain *dom = gvir_connection_create_domain (f->conn, conf, &error);

  ok (dom != NULL, error);
  return dom;
}

/* The domain appears in this connection through the driver's event only. */
static GVirDomain *
act_define_elsewhere (Fixture *f)
{
  g_autoptr(GVirConfigDomain) conf = profile->make_domain ("ev-new", NEW_UUID);
  g_autoptr(GVirDomain) there = NULL;
  GError *error = NULL;

  there = gvir_connection_create_domain (f->other, conf, &error);
  ok (there != NULL, error);
  spin_until (NULL, &f->rec.added, 1, "signal domain-added for a domain defined elsewhere");
  return gvir_connection_get_domain (f->conn, NEW_UUID);
}

static GVirDomain *
create_transient (Fixture *f, guint flags)
{
  g_autoptr(GVirConfigDomain) conf = profile->make_domain ("ev-transient", NEW_UUID);
  GError *error = NULL;
  GVirDomain *dom = gvir_connection_start_domain (f->conn, conf, flags, &error);

  ok (dom != NULL, error);
  return dom;
}

static GVirDomain *
act_create (Fixture *f)
{
  return create_transient (f, 0);
}

static GVirDomain *
act_create_paused (Fixture *f)
{
  return create_transient (f, GVIR_DOMAIN_START_PAUSED);
}

#define RUNNING GVIR_DOMAIN_STATE_RUNNING
#define PAUSED GVIR_DOMAIN_STATE_PAUSED
#define SHUTOFF GVIR_DOMAIN_STATE_SHUTOFF

static const EventCase cases[] = {
  /* path, prepare, act, signals, state, reason, added, removed, persistent, needs */
  { "/gvir/events/define-new", NULL, act_define,
    { NULL }, SHUTOFF, REASON_SHUTOFF_UNKNOWN, 1, 0, TRUE },
  { "/gvir/events/define-new-elsewhere", NULL, act_define_elsewhere,
    { NULL }, SHUTOFF, REASON_SHUTOFF_UNKNOWN, 1, 0, TRUE },
  { "/gvir/events/define-update", NULL, act_update,
    { "updated", NULL }, RUNNING, REASON_RUNNING_BOOTED, 0, 0, TRUE },
  { "/gvir/events/define-update-elsewhere", NULL, act_update_elsewhere,
    { "updated", NULL }, RUNNING, REASON_RUNNING_BOOTED, 0, 0, TRUE },
  { "/gvir/events/undefine-inactive", prepare_defined, act_undefine_extra,
    { NULL }, GONE, 0, 0, 1, FALSE },
  { "/gvir/events/undefine-running", NULL, act_undefine,
    { NULL }, RUNNING, REASON_RUNNING_BOOTED, 0, 0, FALSE },
  { "/gvir/events/start", prepare_shut_off, act_start,
    { "started::booted", NULL }, RUNNING, REASON_RUNNING_BOOTED, 0, 0, TRUE },
  { "/gvir/events/start-elsewhere", prepare_shut_off, act_start_elsewhere,
    { "started::booted", NULL }, RUNNING, REASON_RUNNING_BOOTED, 0, 0, TRUE },
  { "/gvir/events/start-paused", prepare_shut_off, act_start_paused,
    { "started::booted", "suspended::paused", NULL }, PAUSED, REASON_PAUSED_USER, 0, 0, TRUE },
  { "/gvir/events/restore-managed-save", prepare_managed_save, act_start,
    { "started::restored", NULL }, RUNNING, REASON_RUNNING_RESTORED, 0, 0, TRUE, NEEDS_SAVE },
  { "/gvir/events/restore-file", prepare_saved_file, act_restore_file,
    { "started::restored", NULL }, RUNNING, REASON_RUNNING_RESTORED, 0, 0, TRUE, NEEDS_SAVE_FILE },
  { "/gvir/events/suspend", NULL, act_suspend,
    { "suspended::paused", NULL }, PAUSED, REASON_PAUSED_USER, 0, 0, TRUE },
  { "/gvir/events/suspend-elsewhere", NULL, act_suspend_elsewhere,
    { "suspended::paused", NULL }, PAUSED, REASON_PAUSED_USER, 0, 0, TRUE },
  { "/gvir/events/resume", prepare_paused, act_resume,
    { "resumed::unpaused", NULL }, RUNNING, REASON_RUNNING_UNPAUSED, 0, 0, TRUE },
  { "/gvir/events/resume-elsewhere", prepare_paused, act_resume_elsewhere,
    { "resumed::unpaused", NULL }, RUNNING, REASON_RUNNING_UNPAUSED, 0, 0, TRUE },
  { "/gvir/events/destroy", NULL, act_destroy,
    { "stopped::destroyed", NULL }, SHUTOFF, REASON_SHUTOFF_DESTROYED, 0, 0, TRUE },
  { "/gvir/events/destroy-elsewhere", NULL, act_destroy_elsewhere,
    { "stopped::destroyed", NULL }, SHUTOFF, REASON_SHUTOFF_DESTROYED, 0, 0, TRUE },
  { "/gvir/events/destroy-paused", prepare_paused, act_destroy,
    { "stopped::destroyed", NULL }, SHUTOFF, REASON_SHUTOFF_DESTROYED, 0, 0, TRUE },
  { "/gvir/events/shutdown", NULL, act_shutdown,
    { "stopped::shutdown", NULL }, SHUTOFF, REASON_SHUTOFF_SHUTDOWN, 0, 0, TRUE, NEEDS_GUEST_SHUTDOWN },
  { "/gvir/events/shutdown-elsewhere", NULL, act_shutdown_elsewhere,
    { "stopped::shutdown", NULL }, SHUTOFF, REASON_SHUTOFF_SHUTDOWN, 0, 0, TRUE, NEEDS_GUEST_SHUTDOWN },
  { "/gvir/events/reboot", NULL, act_reboot,
    { NULL }, RUNNING, REASON_RUNNING_BOOTED, 0, 0, TRUE, NEEDS_REBOOT },
  { "/gvir/events/managed-save", NULL, act_managed_save,
    { "stopped::saved", NULL }, SHUTOFF, REASON_SHUTOFF_SAVED, 0, 0, TRUE, NEEDS_SAVE },
  { "/gvir/events/managed-save-elsewhere", NULL, act_managed_save_elsewhere,
    { "stopped::saved", NULL }, SHUTOFF, REASON_SHUTOFF_SAVED, 0, 0, TRUE, NEEDS_SAVE },
  { "/gvir/events/save-file", NULL, act_save_file,
    { "stopped::saved", NULL }, SHUTOFF, REASON_SHUTOFF_SAVED, 0, 0, TRUE, NEEDS_SAVE_FILE },
  { "/gvir/events/create-transient", NULL, act_create,
    { "started::booted", NULL }, RUNNING, REASON_RUNNING_BOOTED, 1, 0, FALSE },
  { "/gvir/events/create-transient-paused", NULL, act_create_paused,
    { "started::booted", "suspended::paused", NULL }, PAUSED, REASON_PAUSED_USER, 1, 0, FALSE },
  { "/gvir/events/destroy-transient", prepare_transient, act_destroy_extra,
    { "stopped::destroyed", NULL }, GONE, 0, 0, 1, FALSE },
  { "/gvir/events/shutdown-transient", prepare_transient, act_shutdown_extra,
    { "stopped::shutdown", NULL }, GONE, 0, 0, 1, FALSE, NEEDS_GUEST_SHUTDOWN },
  { "/gvir/events/destroy-transient-elsewhere", prepare_transient, act_destroy_extra_elsewhere,
    { "stopped::destroyed", NULL }, GONE, 0, 0, 1, FALSE },
};

/* Waits (bounded) until both connections heard the @n lifecycle signals
 * the starting state caused, so that none of them is taken for one of the
 * transition's. In-process drivers emit them before their call returns;
 * a daemon sends them to the other connection on a socket of its own,
 * which may be read after this connection's reply. */
static void
settle (Fixture *f,
        guint    n)
{
  spin_until (NULL, &f->rec.n_lifecycle, n, "the starting state's signals");
  spin_until (NULL, &f->other_rec.n_lifecycle, n,
              "the starting state's signals on the other connection");
}

static void
test_event (Fixture *f, gconstpointer data)
{
  const EventCase *c = data;
  g_autoptr(GVirDomain) dom = NULL;
  g_autoptr(GError) error = NULL;
  GVirDomainState state;
  guint reason = 999;
  /* The guest powers off after the call returned: its signals come first. */
  gboolean guest_decides = (c->needs & NEEDS_GUEST_SHUTDOWN) != 0;

  if ((c->needs & profile->features) != c->needs)
    {
      g_test_skip (profile->missing);
      return;
    }
  if (c->prepare != NULL)
    settle (f, c->prepare (f));
  recorder_forget (&f->rec);
  recorder_forget (&f->other_rec);

  dom = c->act (f);
  g_assert_nonnull (dom);
  /* A new domain is watched from its domain-added on. */
  recorder_watch_domain (&f->rec, dom);

  if (guest_decides)
    recorder_expectv (&f->rec, c->signals);
  /* The state first: it fails at once where the signals would time out. */
  state = gvir_domain_get_state (dom, &reason, &error);
  if (c->state == GONE)
    {
      g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
      g_assert_cmpint (state, ==, GVIR_DOMAIN_STATE_NONE);
    }
  else
    {
      g_assert_no_error (error);
      g_assert_cmpint (state, ==, c->state);
      g_assert_cmpuint (reason, ==, c->reason);
    }

  if (!guest_decides)
    recorder_expectv (&f->rec, c->signals);
  /* Every connection to the host hears the same, whichever acted. */
  recorder_expectv (&f->other_rec, c->signals);
  g_assert_false (f->other_rec.wrong_context);
  g_assert_false (f->rec.wrong_context);
  g_assert_cmpuint (f->rec.added, ==, c->added);
  g_assert_cmpuint (f->rec.removed, ==, c->removed);
  g_assert_cmpuint (f->rec.persistent_changed, ==,
                    dom == f->dom && !c->persistent ? 1 : 0);
  if (c->state == GONE)
    g_assert_null (gvir_connection_get_domain (f->conn, gvir_domain_get_uuid (dom)));
  else
    {
      g_autoptr(GVirDomain) cached = gvir_connection_get_domain (f->conn,
                                                                 gvir_domain_get_uuid (dom));
      g_assert_true (cached == dom);
      g_assert_cmpint (gvir_domain_get_persistent (dom), ==, c->persistent);
    }
}

/* ---- states a <node> configuration gives ------------------------------------------ */

typedef struct
{
  const char *name;
  GVirDomainState state;
} FileState;

/* libvirt's test driver starts these domains, then sets the state with
 * reason 0 ("unknown"); a shut-off one is never started. */
static const FileState file_states[] = {
  { "running", GVIR_DOMAIN_STATE_RUNNING },
  { "blocked", GVIR_DOMAIN_STATE_BLOCKED },
  { "paused", GVIR_DOMAIN_STATE_PAUSED },
  { "shutdown", GVIR_DOMAIN_STATE_SHUTDOWN },
  { "shutoff", GVIR_DOMAIN_STATE_SHUTOFF },
  { "crashed", GVIR_DOMAIN_STATE_CRASHED },
  { "pmsuspended", GVIR_DOMAIN_STATE_PMSUSPENDED },
};

static void
test_state_from_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gvir-states-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GString) xml = g_string_new (
    "<node xmlns:test='http://libvirt.org/schemas/domain/test/1.0'>\n");
  GVirConnection *conn;

  g_assert_no_error (error);
  for (gsize i = 0; i < G_N_ELEMENTS (file_states); i++)
    g_string_append_printf (xml,
                            "<domain type='test'><name>%s</name>"
                            "<uuid>11111111-2222-3333-4444-0000000000%02x</uuid>"
                            "<memory unit='KiB'>65536</memory><vcpu>1</vcpu>"
                            "<os><type>hvm</type></os>"
                            "<test:runstate>%d</test:runstate></domain>\n",
                            file_states[i].name, (guint) (0xf0 + i), file_states[i].state);
  g_string_append (xml, "</node>\n");
  path = g_build_filename (dir, "states.xml", NULL);
  g_assert_true (g_file_set_contents (path, xml->str, -1, &error));
  g_assert_no_error (error);
  uri = g_strconcat ("test://", path, NULL);

  conn = gvir_connection_new (uri);
  g_assert_true (gvir_connection_open (conn, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gvir_connection_fetch_domains (conn, NULL, &error));
  g_assert_no_error (error);
  for (gsize i = 0; i < G_N_ELEMENTS (file_states); i++)
    {
      g_autoptr(GVirDomain) dom = gvir_connection_find_domain_by_name (conn, file_states[i].name);
      g_autoptr(GVirDomainInfo) info = NULL;

      g_test_message ("domain '%s'", file_states[i].name);
      g_assert_nonnull (dom);
      assert_state (dom, file_states[i].state, 0);
      info = gvir_domain_get_info (dom, &error);
      g_assert_no_error (error);
      g_assert_cmpint (info->state, ==, file_states[i].state);
      {
        g_autoptr(GError) id_error = NULL;
        gint id = gvir_domain_get_id (dom, &id_error);

        if (file_states[i].state == GVIR_DOMAIN_STATE_SHUTOFF)
          {
            g_assert_cmpint (id, ==, -1);
            g_assert_error (id_error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
          }
        else
          {
            g_assert_no_error (id_error);
            g_assert_cmpint (id, >, 0);
          }
      }
    }

  close_and_finalize (conn);
  g_remove (path);
  g_rmdir (dir);
}

static gboolean
emulator_available (void)
{
  g_autofree char *path = g_find_program_in_path ("qemu-system-x86_64");

  if (path == NULL && g_getenv ("GVIR_TESTS_REQUIRE_ALL") != NULL)
    g_error ("qemu-system-x86_64 is missing and GVIR_TESTS_REQUIRE_ALL is set");
  return path != NULL;
}

static void
skip_no_emulator (void)
{
  g_test_skip ("qemu-system-x86_64 is not installed");
}

/* The boot-sector guests need binutils at build time. */
static gboolean
guest_available (void)
{
  if (g_getenv ("GVIR_TEST_GUEST_DIR") == NULL && g_getenv ("GVIR_TESTS_REQUIRE_ALL") != NULL)
    g_error ("the test guests were not built and GVIR_TESTS_REQUIRE_ALL is set");
  return g_getenv ("GVIR_TEST_GUEST_DIR") != NULL;
}

static void
skip_no_guest (void)
{
  g_test_skip ("the test guests were not built (binutils' as and ld are missing)");
}

/* The gvird-tls profile makes its certificates with certtool (gnutls-bin). */
static gboolean
certtool_available (void)
{
  g_autofree char *path = g_find_program_in_path ("certtool");

  if (path == NULL && g_getenv ("GVIR_TESTS_REQUIRE_ALL") != NULL)
    g_error ("certtool (gnutls-bin) is missing and GVIR_TESTS_REQUIRE_ALL is set");
  return path != NULL;
}

static void
skip_no_certtool (void)
{
  g_test_skip ("certtool (gnutls-bin) is not installed");
}

/* Takes --driver=NAME out of @argv (GTest refuses options it does not know). */
static void
pick_profile (int *argc, char **argv)
{
  int i, out = 1;

  for (i = 1; i < *argc; i++)
    {
      if (!g_str_has_prefix (argv[i], "--driver="))
        {
          argv[out++] = argv[i];
          continue;
        }
      profile = NULL;
      for (gsize p = 0; p < G_N_ELEMENTS (profiles); p++)
        if (g_str_equal (argv[i] + strlen ("--driver="), profiles[p].name))
          profile = &profiles[p];
      if (profile == NULL)
        g_error ("unknown driver profile '%s'", argv[i] + strlen ("--driver="));
    }
  *argc = out;
  argv[out] = NULL;
}

/* Whether process @pid is a QEMU child of this process. */
static gboolean
is_child_qemu (const char *pid)
{
  g_autofree char *stat_path = g_strdup_printf ("/proc/%s/stat", pid);
  g_autofree char *cmd_path = g_strdup_printf ("/proc/%s/cmdline", pid);
  g_autofree char *stat = NULL;
  g_autofree char *cmdline = NULL;
  const char *after_name;
  int ppid = -1;

  if (!g_file_get_contents (stat_path, &stat, NULL, NULL) ||
      (after_name = strrchr (stat, ')')) == NULL ||
      sscanf (after_name, ") %*c %d", &ppid) != 1 || ppid != getpid () ||
      !g_file_get_contents (cmd_path, &cmdline, NULL, NULL))
    return FALSE;
  return strstr (cmdline, "qemu-system") != NULL;
}

/* A failed assertion aborts the test (SIGABRT, or SIGTRAP from a timed-out
 * wait): the QEMU processes the QEMU driver started for it run in sessions
 * of their own and would outlive it, so they are killed by pid first. */
static void
kill_child_qemus_and_die (int sig)
{
  g_autoptr(GDir) proc = g_dir_open ("/proc", 0, NULL);
  const char *entry;

  while (proc != NULL && (entry = g_dir_read_name (proc)) != NULL)
    if (g_ascii_isdigit (entry[0]) && is_child_qemu (entry))
      kill ((pid_t) g_ascii_strtoll (entry, NULL, 10), SIGKILL);
  signal (sig, SIG_DFL);
  raise (sig);
}

int
main (int argc, char **argv)
{
  int status;

  pick_profile (&argc, argv);
  g_test_init (&argc, &argv, NULL);
  gvir_init_object (&argc, &argv);

  if (g_str_equal (profile->name, "qemu") && !emulator_available ())
    {
      g_test_add_func ("/gvir/events/no-emulator", skip_no_emulator);
      return g_test_run ();
    }
  if (g_str_equal (profile->name, "qemu") && !guest_available ())
    {
      g_test_add_func ("/gvir/events/no-guest", skip_no_guest);
      return g_test_run ();
    }
  if (g_str_equal (profile->name, "gvird-tls") && !certtool_available ())
    {
      g_test_add_func ("/gvir/events/no-certtool", skip_no_certtool);
      return g_test_run ();
    }
  if (g_str_equal (profile->name, "qemu"))
    {
      signal (SIGABRT, kill_child_qemus_and_die);
      signal (SIGTRAP, kill_child_qemus_and_die);
      /* meson's timeout ends a test with SIGTERM. */
      signal (SIGTERM, kill_child_qemus_and_die);
    }
  if (is_gvird_profile ())
    {
      signal (SIGABRT, kill_gvird_and_die);
      signal (SIGTRAP, kill_gvird_and_die);
      signal (SIGTERM, kill_gvird_and_die);
    }
  if (g_str_equal (profile->name, "gvird-tls"))
    gvird_pki = gvird_pki_new ();
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    g_test_add (cases[i].path, Fixture, &cases[i], fixture_setup, test_event, fixture_teardown);
  /* Domains in every state from a <node> file: the test driver's own. */
  if (g_str_equal (profile->name, "test"))
    g_test_add_func ("/gvir/events/state-from-file", test_state_from_file);

  status = g_test_run ();
  if (gvird_pki != NULL)
    gvird_pki_remove (gvird_pki);
  g_free (gvird_pki);
  if (qemu_guest_dir != NULL)
    g_assert_true (gvir_test_remove_tree (qemu_guest_dir));
  g_free (qemu_guest_dir);
  return status;
}
