/*
 * test-remote-drop.c: a dropped or dead remote connection, seen from the
 * public API
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * A GVirConnection and its GVirDomains talk to a real libvirtd (built-in
 * test driver only) over its UNIX socket. The daemon is first stopped
 * (SIGSTOP) so that the calls started next stay pending, then either
 * killed (a crash: the socket breaks) or left stopped (a dead peer: the
 * socket stays open and only keepalive can notice). Either way every
 * pending call must fail with GVIR_ERROR_CONNECTION_CLOSED and
 * ::connection-closed must be emitted exactly once, in the main context
 * the connection was opened in. Each case starts its own daemon and its
 * teardown stops it; an aborted test takes the daemon with it.
 */
#include "config.h"

#include <signal.h>
#include <string.h>

#include <libvirt-gobject/libvirt-gobject.h>

#include "gvir-test-wait.h"
#include "libvirtd-peer.h"

#define TEST_DOMAIN "test"
/* The remote driver's keepalive (interval x count seconds); libvirt's
 * URIs have no parameter for it, so a dead peer takes this long. */
#define KEEPALIVE_INTERVAL 5
#define KEEPALIVE_COUNT 5
#define KEEPALIVE_SECONDS (KEEPALIVE_INTERVAL * KEEPALIVE_COUNT)
/* Generous bounds for waiting, never asserted as durations. */
#define DROP_WAIT_SECONDS 30
#define DEAD_PEER_WAIT_SECONDS (3 * KEEPALIVE_SECONDS)

typedef struct
{
  GMainContext *context;   /* thread-default while the test runs */
  GThread *thread;
  LibvirtdPeer *peer;
  GVirConnection *conn;
  guint closed;            /* ::connection-closed emissions */
  gboolean wrong_place;    /* a signal or callback ran elsewhere */
  guint answered;          /* completed async calls */
} Fixture;

typedef enum
{
  CALL_DOMAIN_INFO,
  CALL_DOMAIN_STATE,
  CALL_DOMAIN_SUSPEND,
  CALL_HYPERVISOR_NAME,
} CallKind;

typedef struct
{
  Fixture *f;
  CallKind kind;
  guint times;
  GError *error;
} Call;

/* ---- helpers --------------------------------------------------------------- */

/* Handlers and callbacks must run in the test's context and thread. */
static void
check_place (Fixture *f)
{
  if (g_thread_self () != f->thread || !g_main_context_is_owner (f->context))
    f->wrong_place = TRUE;
}

static void
on_closed (GVirConnection *conn,
           gpointer        user_data)
{
  Fixture *f = user_data;

  check_place (f);
  f->closed++;
}

static gboolean
on_wait_timeout (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the test's context until *@counter reaches @target; fails the
 * test, naming @what, if @seconds (times GVIR_TEST_WAIT_MULTIPLIER) pass
 * first. Longer than the common bound: a dead peer takes the keepalive's
 * 25 s to notice. */
static void
wait_for (Fixture     *f,
          const guint *counter,
          guint        target,
          guint        seconds,
          const char  *what)
{
  gint64 multiplier = gvir_test_wait_bound_usec () / (GVIR_TEST_WAIT_SECONDS * G_USEC_PER_SEC);
  guint bound = seconds * (guint) MAX (multiplier, 1);
  g_autoptr(GSource) timeout = g_timeout_source_new_seconds (bound);
  gboolean timed_out = FALSE;

  g_source_set_callback (timeout, on_wait_timeout, &timed_out, NULL);
  g_source_attach (timeout, f->context);
  while (*counter < target && !timed_out)
    g_main_context_iteration (f->context, TRUE);
  g_source_destroy (timeout);
  if (*counter < target)
    g_error ("timed out after %u s waiting for %s (%u of %u seen)", bound, what, *counter,
             target);
}

/* Runs whatever is ready in the test's context right now. */
static void
spin_idle (Fixture *f)
{
  while (g_main_context_iteration (f->context, FALSE))
    ;
}

static void
call_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Call *call = user_data;
  g_autoptr(GError) error = NULL;

  check_place (call->f);
  switch (call->kind)
    {
    case CALL_DOMAIN_INFO:
      {
        GVirDomainInfo *info = gvir_domain_get_info_finish (GVIR_DOMAIN (source), result, &error);

        g_clear_pointer (&info, gvir_domain_info_free);
        break;
      }
    case CALL_DOMAIN_STATE:
      gvir_domain_get_state_finish (GVIR_DOMAIN (source), result, NULL, &error);
      break;
    case CALL_DOMAIN_SUSPEND:
      gvir_domain_suspend_finish (GVIR_DOMAIN (source), result, &error);
      break;
    case CALL_HYPERVISOR_NAME:
      g_free (gvir_connection_get_hypervisor_name_finish (GVIR_CONNECTION (source), result,
                                                          &error));
      break;
    default:
      g_assert_not_reached ();
    }
  g_clear_error (&call->error);
  call->error = g_steal_pointer (&error);
  call->times++;
  call->f->answered++;
}

static void
call_start (Call       *call,
            Fixture    *f,
            CallKind    kind,
            GVirDomain *dom)
{
  call->f = f;
  call->kind = kind;
  switch (kind)
    {
    case CALL_DOMAIN_INFO:
      gvir_domain_get_info_async (dom, NULL, call_done, call);
      break;
    case CALL_DOMAIN_STATE:
      gvir_domain_get_state_async (dom, NULL, call_done, call);
      break;
    case CALL_DOMAIN_SUSPEND:
      gvir_domain_suspend_async (dom, NULL, call_done, call);
      break;
    case CALL_HYPERVISOR_NAME:
      gvir_connection_get_hypervisor_name_async (f->conn, NULL, call_done, call);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* A mix of calls: get_info and get_state wait in the RPC client without a
 * thread; suspend and the hypervisor name block a worker thread each. */
static const CallKind call_mix[] = {
  CALL_DOMAIN_INFO, CALL_DOMAIN_INFO, CALL_DOMAIN_INFO, CALL_DOMAIN_INFO,
  CALL_DOMAIN_INFO, CALL_DOMAIN_INFO, CALL_DOMAIN_INFO, CALL_DOMAIN_INFO,
  CALL_DOMAIN_INFO, CALL_DOMAIN_INFO, CALL_DOMAIN_INFO, CALL_DOMAIN_INFO,
  CALL_DOMAIN_STATE, CALL_DOMAIN_STATE, CALL_DOMAIN_STATE, CALL_DOMAIN_STATE,
  CALL_DOMAIN_SUSPEND, CALL_DOMAIN_SUSPEND, CALL_DOMAIN_SUSPEND, CALL_DOMAIN_SUSPEND,
  CALL_HYPERVISOR_NAME, CALL_HYPERVISOR_NAME,
};
#define N_CALLS G_N_ELEMENTS (call_mix)

static void
calls_clear (Call *calls,
             guint n)
{
  guint i;

  for (i = 0; i < n; i++)
    g_clear_error (&calls[i].error);
}

/* Every call was answered once, with CONNECTION_CLOSED. */
static void
assert_all_closed (const Call *calls,
                   guint       n)
{
  guint i;

  for (i = 0; i < n; i++)
    {
      g_assert_cmpuint (calls[i].times, ==, 1);
      g_assert_error (calls[i].error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
      g_assert_cmpstr (calls[i].error->message, !=, "");
    }
  g_test_message ("pending calls failed with: %s", calls[0].error->message);
}

static GVirDomain *
fetch_test_domain (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GVirDomain *dom;

  g_assert_true (gvir_connection_fetch_domains (f->conn, NULL, &error));
  g_assert_no_error (error);
  dom = gvir_connection_find_domain_by_name (f->conn, TEST_DOMAIN);
  g_assert_nonnull (dom);
  return dom;
}

static void
assert_domain_running (GVirDomain *dom)
{
  g_autoptr(GError) error = NULL;
  GVirDomainInfo *info = gvir_domain_get_info (dom, &error);

  g_assert_no_error (error);
  g_assert_nonnull (info);
  g_assert_cmpint (info->state, ==, GVIR_DOMAIN_STATE_RUNNING);
  gvir_domain_info_free (info);
}

/* ---- fixture --------------------------------------------------------------- */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;

  /* A context of its own, so "emitted in the context the connection was
   * opened in" cannot pass by accident on the global default one. */
  f->context = g_main_context_new ();
  g_main_context_push_thread_default (f->context);
  f->thread = g_thread_self ();

  /* No skip: without libvirtd this test must fail, loudly. */
  f->peer = libvirtd_peer_start (PEER_TLS_NONE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->peer);

  uri = g_strdup_printf ("test+unix:///default?socket=%s", f->peer->socket);
  f->conn = gvir_connection_new (uri);
  g_signal_connect (f->conn, "connection-closed", G_CALLBACK (on_closed), f);
  g_assert_true (gvir_connection_open (f->conn, NULL, &error));
  g_assert_no_error (error);
  spin_idle (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gvir_connection_close (f->conn);
  spin_idle (f);
  g_clear_object (&f->conn);
  /* Also ends a daemon that is still stopped. */
  libvirtd_peer_stop (f->peer);
  spin_idle (f);
  g_main_context_pop_thread_default (f->context);
  g_main_context_unref (f->context);
}

/* ---- cases ----------------------------------------------------------------- */

/* The daemon dies with calls in flight. */
static void
test_drop (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GVirDomain) dom = fetch_test_domain (f);
  g_autoptr(GVirDomain) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autolist(GVirDomain) listed = NULL;
  GVirDomainInfo *info;
  Call calls[N_CALLS] = { 0 };
  Call late = { 0 };
  g_autofree char *uuid = g_strdup (gvir_domain_get_uuid (dom));
  guint i;

  assert_domain_running (dom);

  /* Stopped, the daemon reads nothing, so none of these can complete. */
  libvirtd_peer_signal (f->peer, SIGSTOP);
  for (i = 0; i < N_CALLS; i++)
    call_start (&calls[i], f, call_mix[i], dom);
  spin_idle (f);
  g_assert_cmpuint (f->answered, ==, 0);
  g_assert_cmpuint (f->closed, ==, 0);

  libvirtd_peer_kill (f->peer);
  wait_for (f, &f->answered, N_CALLS, DROP_WAIT_SECONDS, "every pending call to fail");
  wait_for (f, &f->closed, 1, DROP_WAIT_SECONDS, "::connection-closed after the drop");
  /* Anything still queued runs now: no second emission may be among it. */
  spin_idle (f);
  g_assert_cmpuint (f->closed, ==, 1);
  g_assert_false (f->wrong_place);
  assert_all_closed (calls, N_CALLS);

  /* Closed, with an empty cache; the domain object stays usable. */
  g_assert_false (gvir_connection_is_open (f->conn));
  g_assert_false (gvir_connection_is_read_only (f->conn));
  listed = gvir_connection_get_domains (f->conn);
  g_assert_null (listed);
  g_assert_null (gvir_connection_find_domain_by_name (f->conn, TEST_DOMAIN));
  g_assert_null (gvir_connection_get_domain (f->conn, uuid));
  g_assert_null (gvir_connection_find_domain_by_id (f->conn, 1));
  g_assert_cmpstr (gvir_domain_get_name (dom), ==, TEST_DOMAIN);
  g_assert_cmpstr (gvir_domain_get_uuid (dom), ==, uuid);

  /* New calls fail at once, blocking or not. */
  info = gvir_domain_get_info (dom, &error);
  g_assert_null (info);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  g_clear_error (&error);
  name = gvir_connection_get_hypervisor_name (f->conn, &error);
  g_assert_null (name);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  g_clear_error (&error);
  g_assert_false (gvir_connection_fetch_domains (f->conn, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  g_clear_error (&error);
  call_start (&late, f, CALL_DOMAIN_INFO, dom);
  wait_for (f, &late.times, 1, DROP_WAIT_SECONDS, "the call made after the drop to fail");
  g_assert_error (late.error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);

  /* Closing what the drop closed already is quiet. */
  gvir_connection_close (f->conn);
  spin_idle (f);
  g_assert_cmpuint (f->closed, ==, 1);
  g_assert_false (gvir_connection_is_open (f->conn));

  /* The same connection opens again once the daemon is back. */
  g_assert_true (libvirtd_peer_restart (f->peer, &error));
  g_assert_no_error (error);
  g_assert_true (gvir_connection_open (f->conn, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gvir_connection_is_open (f->conn));
  again = fetch_test_domain (f);
  g_assert_cmpstr (gvir_domain_get_uuid (again), ==, uuid);
  assert_domain_running (again);

  gvir_connection_close (f->conn);
  spin_idle (f);
  g_assert_cmpuint (f->closed, ==, 2);
  g_assert_false (f->wrong_place);

  calls_clear (calls, N_CALLS);
  calls_clear (&late, 1);
}

/* The daemon is alive to the kernel but answers nothing: keepalive must
 * declare it dead and fail what was pending. */
static void
test_dead_peer (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GVirDomain) dom = fetch_test_domain (f);
  Call calls[4] = { 0 };
  gint64 start;
  guint i;

  libvirtd_peer_signal (f->peer, SIGSTOP);
  for (i = 0; i < G_N_ELEMENTS (calls); i++)
    call_start (&calls[i], f, i % 2 ? CALL_DOMAIN_STATE : CALL_DOMAIN_INFO, dom);
  spin_idle (f);
  g_assert_cmpuint (f->answered, ==, 0);

  start = g_get_monotonic_time ();
  wait_for (f, &f->closed, 1, DEAD_PEER_WAIT_SECONDS, "::connection-closed from the keepalive");
  /* Reported for information only: the bound above is what counts. */
  g_test_message ("keepalive noticed the dead peer after %.1f s (pings: %d s x %d)",
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC,
                  KEEPALIVE_INTERVAL, KEEPALIVE_COUNT);
  wait_for (f, &f->answered, G_N_ELEMENTS (calls), DROP_WAIT_SECONDS,
            "every call pending on the dead peer to fail");
  spin_idle (f);
  g_assert_cmpuint (f->closed, ==, 1);
  g_assert_false (f->wrong_place);
  assert_all_closed (calls, G_N_ELEMENTS (calls));
  /* The error says why, not just that the connection is gone. */
  g_assert_nonnull (strstr (calls[0].error->message, "keepalive"));
  g_assert_false (gvir_connection_is_open (f->conn));
  g_assert_null (gvir_connection_find_domain_by_name (f->conn, TEST_DOMAIN));

  libvirtd_peer_signal (f->peer, SIGCONT);
  calls_clear (calls, G_N_ELEMENTS (calls));
}

int
main (int    argc,
      char **argv)
{
  gvir_init_object (&argc, &argv);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/rpc/remote-drop/killed-daemon", Fixture, NULL,
              fixture_set_up, test_drop, fixture_tear_down);
  g_test_add ("/rpc/remote-drop/dead-peer-keepalive", Fixture, NULL,
              fixture_set_up, test_dead_peer, fixture_tear_down);
  return g_test_run ();
}
