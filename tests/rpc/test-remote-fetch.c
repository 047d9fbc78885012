/*
 * test-remote-fetch.c: round trips of the remote driver's domain fetch
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Against the scripted peer, which counts every call: listing N domains
 * takes three calls whatever N, all in flight at once
 * (CONNECT_GET_ALL_DOMAIN_STATS for state and reason, LIST_ALL_DOMAINS for
 * the transient ones and for those with a managed save image), with the
 * same result, for domains in every state, as the per-domain queries a
 * server without stats gets (1 + 3N calls more). Lifecycle events of
 * listed domains cost no call; only what an event cannot tell is asked.
 */
#include "config.h"

#include <string.h>

#include "fake-libvirtd.h"
#include "gvir-test-wait.h"
#include "libvirt-gobject/drivers/remote/gvir-remote-driver-private.h"
#include "libvirt-gobject/rpc/gvir-rpc-remote-private.h"

/* The procedures a fetch or an event may cost. */
static const int counted_procs[] = {
  GVIR_RPC_PROC_CONNECT_GET_ALL_DOMAIN_STATS, GVIR_RPC_PROC_CONNECT_LIST_ALL_DOMAINS,
  GVIR_RPC_PROC_DOMAIN_GET_STATE, GVIR_RPC_PROC_DOMAIN_IS_PERSISTENT,
  GVIR_RPC_PROC_DOMAIN_HAS_MANAGED_SAVE_IMAGE, GVIR_RPC_PROC_DOMAIN_LOOKUP_BY_UUID,
};

typedef struct
{
  FakeLibvirtd *fake;
  GAsyncQueue *events;          /* GVirDriverDomain: what each lifecycle event said */
  GVirDriverConnection *conn;
  GCancellable *cancel;         /* NULL unless a test cancels */
  guint counts[G_N_ELEMENTS (counted_procs)];
} Fixture;

static void
record_event (const GVirDriverEvent *event,
              gpointer               data)
{
  GVirDriverDomain *copy;

  if (event->domain == NULL)
    return;
  copy = g_new0 (GVirDriverDomain, 1);
  copy->name = g_strdup (event->domain->name);
  copy->uuid = g_strdup (event->domain->uuid);
  copy->persistent = event->domain->persistent;
  copy->state = event->domain->state;
  copy->reason = event->domain->reason;
  g_async_queue_push (data, copy);
}

static char *
uuid_of (guint i)
{
  return g_strdup_printf ("6695eb01-f6a4-8304-79aa-%012x", i);
}

/* Domain i: running (id i) when i is odd, else shut off; persistent
 * unless i is a multiple of 3; reasons that differ per domain. */
static void
add_domains (FakeLibvirtd *fake,
             guint         n)
{
  guint i;

  for (i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("vm-%u", i);
      g_autofree char *uuid = uuid_of (i);
      gboolean running = i % 2 == 1;

      fake_libvirtd_add_domain (fake, name, uuid, running ? (int) i : -1, i % 3 != 0,
                                running ? GVIR_DRIVER_STATE_RUNNING : GVIR_DRIVER_STATE_SHUTOFF,
                                (int) (i % 5));
    }
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autofree char *uri = NULL;
  g_autoptr(GError) error = NULL;

  f->fake = fake_libvirtd_new ();
  f->events = g_async_queue_new_full ((GDestroyNotify) gvir_driver_domain_free);
  add_domains (f->fake, GPOINTER_TO_UINT (data));
  uri = fake_libvirtd_get_uri (f->fake);
  f->conn = gvir_driver_connection_open (uri, FALSE, record_event, f->events, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->conn);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  gvir_driver_connection_close (f->conn);
  gvir_driver_connection_unref (f->conn);
  g_clear_object (&f->cancel);
  fake_libvirtd_free (f->fake);
  g_async_queue_unref (f->events);
}

/* Remembers the counts; calls_since() gives the calls made after. */
static void
mark_calls (Fixture *f)
{
  guint i;

  for (i = 0; i < G_N_ELEMENTS (counted_procs); i++)
    f->counts[i] = fake_libvirtd_count_calls (f->fake, counted_procs[i]);
}

static guint
calls_since (Fixture *f,
             int      proc)
{
  guint i;

  for (i = 0; i < G_N_ELEMENTS (counted_procs); i++)
    if (counted_procs[i] == proc)
      return fake_libvirtd_count_calls (f->fake, proc) - f->counts[i];
  g_assert_not_reached ();
}

static guint
all_calls_since (Fixture *f)
{
  guint i, total = 0;

  for (i = 0; i < G_N_ELEMENTS (counted_procs); i++)
    total += calls_since (f, counted_procs[i]);
  return total;
}

static int
compare_by_name (gconstpointer a,
                 gconstpointer b)
{
  const GVirDriverDomain *da = *(GVirDriverDomain *const *) a;
  const GVirDriverDomain *db = *(GVirDriverDomain *const *) b;

  return strcmp (da->name, db->name);
}

/* The domains add_domains() made, compared field by field. */
static void
check_domains (GPtrArray *doms,
               guint      n)
{
  guint i;

  g_assert_cmpuint (doms->len, ==, n);
  for (i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("vm-%u", i);
      g_autofree char *uuid = uuid_of (i);
      const GVirDriverDomain *d = NULL;
      guint j;

      for (j = 0; j < doms->len && d == NULL; j++)
        if (g_str_equal (((GVirDriverDomain *) doms->pdata[j])->name, name))
          d = doms->pdata[j];
      g_assert_nonnull (d);
      g_assert_cmpstr (d->uuid, ==, uuid);
      g_assert_cmpint (d->id, ==, i % 2 == 1 ? (int) i : -1);
      g_assert_cmpint (d->state, ==, i % 2 == 1 ? GVIR_DRIVER_STATE_RUNNING
                                                : GVIR_DRIVER_STATE_SHUTOFF);
      g_assert_cmpint (d->reason, ==, (int) (i % 5));
      g_assert_cmpint (d->persistent, ==, i % 3 != 0);
      g_assert_false (d->has_managed_save);
    }
}

/* The filters of the two lists of a fetch: transient, then managed save;
 * @skip earlier list calls are not the fetch's. */
static void
check_list_filters (Fixture *f,
                    guint    skip)
{
  static const guint32 expected[] = {
    GVIR_RPC_LIST_DOMAINS_TRANSIENT, GVIR_RPC_LIST_DOMAINS_MANAGEDSAVE,
  };
  g_autoptr(GPtrArray) all = fake_libvirtd_dup_all_args (f->fake,
                                                         GVIR_RPC_PROC_CONNECT_LIST_ALL_DOMAINS);
  guint i;

  g_assert_cmpuint (all->len, >=, skip + G_N_ELEMENTS (expected));
  for (i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      GBytes *args = all->pdata[skip + i];
      GVirRpcConnectListAllDomainsArgs list;

      g_assert_true (gvir_rpc_decode_connect_list_all_domains_args (
        g_bytes_get_data (args, NULL), g_bytes_get_size (args), &list, NULL));
      g_assert_cmpuint (list.need_results, ==, 1);
      g_assert_cmpuint (list.flags, ==, expected[i]);
    }
}

static GPtrArray *
list_domains (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *doms = gvir_driver_connection_list_domains (f->conn, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doms);
  g_ptr_array_sort (doms, compare_by_name);
  return doms;
}

static void
test_fetch_constant (Fixture       *f,
                     gconstpointer  data)
{
  guint n = GPOINTER_TO_UINT (data);
  g_autoptr(GPtrArray) doms = NULL;

  mark_calls (f);
  doms = list_domains (f);
  check_domains (doms, n);
  g_test_message ("%u domains: %u calls", n, all_calls_since (f));
  g_assert_cmpuint (calls_since (f, GVIR_RPC_PROC_CONNECT_GET_ALL_DOMAIN_STATS), ==, 1);
  g_assert_cmpuint (calls_since (f, GVIR_RPC_PROC_CONNECT_LIST_ALL_DOMAINS), ==, 2);
  g_assert_cmpuint (all_calls_since (f), ==, 3);
  check_list_filters (f, 0);
}

/* The stats call of a fetch is never answered: the two lists still reach
 * the server, so the three calls were in flight together. */
static gpointer
list_until_cancelled (gpointer data)
{
  Fixture *f = data;
  g_autoptr(GError) error = NULL;
  GPtrArray *doms = gvir_driver_connection_list_domains (f->conn, f->cancel, &error);

  g_assert_null (doms);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  return NULL;
}

static void
test_fetch_pipelined (Fixture       *f,
                      gconstpointer  data)
{
  gint64 deadline = gvir_test_wait_deadline ();
  GVirTestThread *lister;

  fake_libvirtd_set_silent (f->fake, GVIR_RPC_PROC_CONNECT_GET_ALL_DOMAIN_STATS);
  f->cancel = g_cancellable_new ();
  mark_calls (f);
  lister = gvir_test_thread_new ("lister", list_until_cancelled, f);
  while (calls_since (f, GVIR_RPC_PROC_CONNECT_LIST_ALL_DOMAINS) < 2)
    {
      if (g_get_monotonic_time () > deadline)
        gvir_test_wait_timed_out ("both lists sent before the stats reply");
      g_usleep (1000);
    }
  g_assert_cmpuint (calls_since (f, GVIR_RPC_PROC_CONNECT_GET_ALL_DOMAIN_STATS), ==, 1);
  check_list_filters (f, 0);
  g_cancellable_cancel (f->cancel);
  gvir_test_thread_join (lister, "cancelled fetch");
}

/* Domains in every state, transient or not, with or without a managed
 * save image: what libvirt's drivers can report. */
static const struct
{
  const char *name;
  int id;
  gboolean persistent;
  int state;
  int reason;
  gboolean managed_save;
} every_state[] = {
  { "booted", 1, TRUE, GVIR_DRIVER_STATE_RUNNING, GVIR_DRIVER_RUNNING_BOOTED, FALSE },
  { "unpaused-transient", 2, FALSE, GVIR_DRIVER_STATE_RUNNING, GVIR_DRIVER_RUNNING_UNPAUSED, FALSE },
  { "restored-saved", 3, TRUE, GVIR_DRIVER_STATE_RUNNING, GVIR_DRIVER_RUNNING_RESTORED, TRUE },
  { "blocked", 4, TRUE, GVIR_DRIVER_STATE_BLOCKED, 0, FALSE },
  { "paused", 5, TRUE, GVIR_DRIVER_STATE_PAUSED, 1, FALSE },
  { "paused-transient", 6, FALSE, GVIR_DRIVER_STATE_PAUSED, 2, FALSE },
  { "shutting-down", 7, TRUE, GVIR_DRIVER_STATE_SHUTDOWN, 1, FALSE },
  { "destroyed", -1, TRUE, GVIR_DRIVER_STATE_SHUTOFF, GVIR_DRIVER_SHUTOFF_DESTROYED, FALSE },
  { "saved", -1, TRUE, GVIR_DRIVER_STATE_SHUTOFF, GVIR_DRIVER_SHUTOFF_SAVED, TRUE },
  { "never-started", -1, TRUE, GVIR_DRIVER_STATE_SHUTOFF, GVIR_DRIVER_SHUTOFF_UNKNOWN, FALSE },
  { "crashed", 8, TRUE, GVIR_DRIVER_STATE_CRASHED, 1, FALSE },
  { "pmsuspended", 9, TRUE, GVIR_DRIVER_STATE_PMSUSPENDED, 0, TRUE },
};

static void
setup_every_state (Fixture       *f,
                   gconstpointer  data)
{
  guint i;

  setup (f, GUINT_TO_POINTER (0));
  for (i = 0; i < G_N_ELEMENTS (every_state); i++)
    {
      g_autofree char *uuid = uuid_of (1000 + i);

      fake_libvirtd_add_domain (f->fake, every_state[i].name, uuid, every_state[i].id,
                                every_state[i].persistent, every_state[i].state,
                                every_state[i].reason);
      fake_libvirtd_set_managed_save (f->fake, uuid, every_state[i].managed_save);
    }
  if (GPOINTER_TO_UINT (data) == 0)
    fake_libvirtd_fail (f->fake, GVIR_RPC_PROC_CONNECT_GET_ALL_DOMAIN_STATS,
                        GVIR_RPC_ERR_NO_SUPPORT, "not supported");
}

/* The same fields from three calls as from the per-domain queries. */
static void
test_fetch_every_state (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) doms = NULL;
  guint i;

  mark_calls (f);
  doms = list_domains (f);
  g_assert_cmpuint (doms->len, ==, G_N_ELEMENTS (every_state));
  for (i = 0; i < G_N_ELEMENTS (every_state); i++)
    {
      g_autofree char *uuid = uuid_of (1000 + i);
      const GVirDriverDomain *d = NULL;
      guint j;

      for (j = 0; j < doms->len && d == NULL; j++)
        if (g_str_equal (((GVirDriverDomain *) doms->pdata[j])->uuid, uuid))
          d = doms->pdata[j];
      g_assert_nonnull (d);
      g_test_message ("%s", every_state[i].name);
      g_assert_cmpstr (d->name, ==, every_state[i].name);
      g_assert_cmpint (d->id, ==, every_state[i].id);
      g_assert_cmpint (d->state, ==, every_state[i].state);
      g_assert_cmpint (d->reason, ==, every_state[i].reason);
      g_assert_cmpint (d->persistent, ==, every_state[i].persistent);
      g_assert_cmpint (d->has_managed_save, ==, every_state[i].managed_save);
    }
  /* Without stats: the three calls, then the list and three queries per
   * domain. */
  g_assert_cmpuint (all_calls_since (f), ==, GPOINTER_TO_UINT (data) == 1
                                             ? 3 : 4 + 3 * G_N_ELEMENTS (every_state));
  check_list_filters (f, 0);
}

/* A server without CONNECT_GET_ALL_DOMAIN_STATS: the same domains, one
 * list and three queries per domain. */
static void
test_fetch_without_stats (Fixture       *f,
                          gconstpointer  data)
{
  guint n = GPOINTER_TO_UINT (data);
  g_autoptr(GPtrArray) doms = NULL;

  fake_libvirtd_fail (f->fake, GVIR_RPC_PROC_CONNECT_GET_ALL_DOMAIN_STATS,
                      GVIR_RPC_ERR_NO_SUPPORT, "not supported");
  mark_calls (f);
  doms = list_domains (f);
  check_domains (doms, n);
  g_test_message ("%u domains without stats: %u calls", n, all_calls_since (f));
  /* The two lists sent with the stats call, then the full list. */
  g_assert_cmpuint (calls_since (f, GVIR_RPC_PROC_CONNECT_LIST_ALL_DOMAINS), ==, 3);
  g_assert_cmpuint (calls_since (f, GVIR_RPC_PROC_DOMAIN_GET_STATE), ==, n);
  g_assert_cmpuint (calls_since (f, GVIR_RPC_PROC_DOMAIN_IS_PERSISTENT), ==, n);
  g_assert_cmpuint (calls_since (f, GVIR_RPC_PROC_DOMAIN_HAS_MANAGED_SAVE_IMAGE), ==, n);
}

/* Any other failure of the stats call is the fetch's failure. */
static void
test_fetch_stats_error (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *doms;

  fake_libvirtd_fail (f->fake, GVIR_RPC_PROC_CONNECT_GET_ALL_DOMAIN_STATS,
                      GVIR_RPC_ERR_OPERATION_INVALID, "the hypervisor is busy");
  doms = gvir_driver_connection_list_domains (f->conn, NULL, &error);
  g_assert_null (doms);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
  g_assert_cmpstr (error->message, ==, "the hypervisor is busy");
}

static GVirDriverDomain *
pop_domain_event (Fixture    *f,
                  const char *what)
{
  GVirDriverDomain *d = g_async_queue_timeout_pop (f->events, gvir_test_wait_bound_usec ());

  if (d == NULL)
    gvir_test_wait_timed_out (what);
  return d;
}

/* Listed domains: events describe them from what the list said. */
static void
test_events_cost_nothing (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) doms = list_domains (f);
  g_autofree char *transient = uuid_of (0);
  g_autofree char *persistent = uuid_of (1);
  g_autofree char *unknown = uuid_of (99);
  g_autofree char *added = uuid_of (100);
  GVirDriverDomain *d;

  /* The list told everything the events below need. */
  g_assert_cmpuint (doms->len, ==, 4);
  mark_calls (f);
  fake_libvirtd_push_lifecycle (f->fake, "vm-0", transient, 4, GVIR_DRIVER_EVENT_STARTED, 0);
  d = pop_domain_event (f, "started vm-0");
  g_assert_cmpstr (d->uuid, ==, transient);
  g_assert_false (d->persistent);
  g_assert_cmpint (d->state, ==, GVIR_DRIVER_STATE_RUNNING);
  gvir_driver_domain_free (d);

  fake_libvirtd_push_lifecycle (f->fake, "vm-1", persistent, 1, GVIR_DRIVER_EVENT_SUSPENDED, 0);
  d = pop_domain_event (f, "suspended vm-1");
  g_assert_true (d->persistent);
  g_assert_cmpint (d->state, ==, GVIR_DRIVER_STATE_PAUSED);
  gvir_driver_domain_free (d);

  /* Defined: persistent from now on, without asking. */
  fake_libvirtd_push_lifecycle (f->fake, "vm-0", transient, 4, GVIR_DRIVER_EVENT_DEFINED, 0);
  d = pop_domain_event (f, "defined vm-0");
  g_assert_true (d->persistent);
  gvir_driver_domain_free (d);
  g_assert_cmpuint (all_calls_since (f), ==, 0);

  /* Stopped by a save: a managed save or a save to a file; asked once. */
  fake_libvirtd_push_lifecycle (f->fake, "vm-1", persistent, -1, GVIR_DRIVER_EVENT_STOPPED,
                                GVIR_DRIVER_STOPPED_SAVED);
  d = pop_domain_event (f, "saved vm-1");
  g_assert_true (d->persistent);
  gvir_driver_domain_free (d);
  g_assert_cmpuint (calls_since (f, GVIR_RPC_PROC_DOMAIN_HAS_MANAGED_SAVE_IMAGE), ==, 1);
  g_assert_cmpuint (calls_since (f, GVIR_RPC_PROC_DOMAIN_IS_PERSISTENT), ==, 1);

  /* A domain never listed is asked about once, then known. */
  mark_calls (f);
  fake_libvirtd_add_domain (f->fake, "late", unknown, -1, TRUE, GVIR_DRIVER_STATE_SHUTOFF, 0);
  fake_libvirtd_push_lifecycle (f->fake, "late", unknown, -1, GVIR_DRIVER_EVENT_DEFINED,
                                GVIR_DRIVER_DEFINED_UPDATED);
  d = pop_domain_event (f, "updated late");
  g_assert_true (d->persistent);
  gvir_driver_domain_free (d);
  fake_libvirtd_push_lifecycle (f->fake, "late", unknown, 8, GVIR_DRIVER_EVENT_STARTED, 0);
  d = pop_domain_event (f, "started late");
  g_assert_true (d->persistent);
  gvir_driver_domain_free (d);
  g_assert_cmpuint (calls_since (f, GVIR_RPC_PROC_DOMAIN_IS_PERSISTENT), ==, 1);
  g_assert_cmpuint (all_calls_since (f), ==, 2);

  /* Undefined: not persistent any more, without asking. */
  mark_calls (f);
  fake_libvirtd_push_lifecycle (f->fake, "late", unknown, 8, GVIR_DRIVER_EVENT_UNDEFINED, 0);
  d = pop_domain_event (f, "undefined late");
  g_assert_false (d->persistent);
  gvir_driver_domain_free (d);
  g_assert_cmpuint (all_calls_since (f), ==, 0);

  /* A domain just added needs no question: persistent, no saved image. */
  fake_libvirtd_push_lifecycle (f->fake, "new", added, -1, GVIR_DRIVER_EVENT_DEFINED,
                                GVIR_DRIVER_DEFINED_ADDED);
  d = pop_domain_event (f, "added new");
  g_assert_cmpstr (d->uuid, ==, added);
  g_assert_true (d->persistent);
  gvir_driver_domain_free (d);
  fake_libvirtd_push_lifecycle (f->fake, "new", added, 9, GVIR_DRIVER_EVENT_STARTED, 0);
  d = pop_domain_event (f, "started new");
  g_assert_true (d->persistent);
  g_assert_cmpint (d->state, ==, GVIR_DRIVER_STATE_RUNNING);
  gvir_driver_domain_free (d);
  g_assert_cmpuint (all_calls_since (f), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/rpc/remote-fetch/constant/1", Fixture, GUINT_TO_POINTER (1), setup,
              test_fetch_constant, teardown);
  g_test_add ("/rpc/remote-fetch/constant/300", Fixture, GUINT_TO_POINTER (300), setup,
              test_fetch_constant, teardown);
  g_test_add ("/rpc/remote-fetch/pipelined", Fixture, GUINT_TO_POINTER (3), setup,
              test_fetch_pipelined, teardown);
  g_test_add ("/rpc/remote-fetch/every-state", Fixture, GUINT_TO_POINTER (1), setup_every_state,
              test_fetch_every_state, teardown);
  g_test_add ("/rpc/remote-fetch/every-state-without-stats", Fixture, GUINT_TO_POINTER (0),
              setup_every_state, test_fetch_every_state, teardown);
  g_test_add ("/rpc/remote-fetch/without-stats/1", Fixture, GUINT_TO_POINTER (1), setup,
              test_fetch_without_stats, teardown);
  g_test_add ("/rpc/remote-fetch/without-stats/30", Fixture, GUINT_TO_POINTER (30), setup,
              test_fetch_without_stats, teardown);
  g_test_add ("/rpc/remote-fetch/stats-error", Fixture, GUINT_TO_POINTER (3), setup,
              test_fetch_stats_error, teardown);
  g_test_add ("/rpc/remote-fetch/events", Fixture, GUINT_TO_POINTER (4), setup,
              test_events_cost_nothing, teardown);

  return g_test_run ();
}
