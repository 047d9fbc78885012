/*
 * test-remote-libvirtd.c: the remote driver against a real libvirtd
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * One conformance suite, the same cases for every URI: the in-process
 * test driver (test:///default) and libvirtd's built-in test driver over
 * UNIX, TCP and TLS must give the same answers. Then the TLS refusals.
 * The daemons are started here and always stopped (they also die with
 * this process if it aborts).
 */
#include "config.h"

#include <string.h>

#include <libvirt-gconfig/libvirt-gconfig.h>

#include "gvir-test-wait.h"
#include "libvirt-gobject/drivers/gvir-driver-private.h"
#include "remote-peer.h"
#include "../drivers/driver-async-answers.h"

#define TEST_UUID "6695eb01-f6a4-8304-79aa-97f2502e193f"
#define LOCAL_URI "test:///default"

static LibvirtdPeer *peer;

typedef struct
{
  char *label;
  char *uri;
} UriCase;

/* ---- helpers ------------------------------------------------------------- */

typedef struct
{
  char *name;
  int event;
  int detail;
  int state;
  int reason;
  int id;
} SeenEvent;

static void
seen_event_free (SeenEvent *ev)
{
  g_free (ev->name);
  g_free (ev);
}

static void
collect_event (const GVirDriverEvent *event,
               gpointer               data)
{
  GAsyncQueue *queue = data;
  SeenEvent *ev;

  if (event->kind != GVIR_DRIVER_EVENT_DOMAIN_LIFECYCLE)
    return;
  ev = g_new0 (SeenEvent, 1);
  ev->name = g_strdup (event->domain->name);
  ev->event = event->event;
  ev->detail = event->detail;
  ev->state = event->domain->state;
  ev->reason = event->domain->reason;
  ev->id = event->domain->id;
  g_async_queue_push (queue, ev);
}

static GVirDriverConnection *
open_uri (const char  *uri,
          gboolean     read_only,
          GAsyncQueue *events)
{
  g_autoptr(GError) error = NULL;
  GVirDriverConnection *conn;

  conn = gvir_driver_connection_open (uri, read_only, events ? collect_event : NULL, events,
                                      NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (conn);
  return conn;
}

static int
compare_domains (gconstpointer a,
                 gconstpointer b)
{
  const GVirDriverDomain *da = *(GVirDriverDomain *const *) a;
  const GVirDriverDomain *db = *(GVirDriverDomain *const *) b;

  return strcmp (da->name, db->name);
}

static char *
describe (const GVirDriverDomain *d)
{
  return g_strdup_printf ("%s %s id=%d state=%d persistent=%d managed_save=%d",
                          d->name, d->uuid, d->id, d->state, d->persistent, d->has_managed_save);
}

/* ---- cases: each returns a summary, compared across URIs ------------------- */

static char *
case_list_domains (const char *uri)
{
  g_autoptr(GVirDriverConnection) conn = open_uri (uri, FALSE, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) doms = gvir_driver_connection_list_domains (conn, NULL, &error);
  GString *out = g_string_new (NULL);
  guint i;

  g_assert_no_error (error);
  g_ptr_array_sort (doms, compare_domains);
  for (i = 0; i < doms->len; i++)
    {
      g_autofree char *line = describe (doms->pdata[i]);

      g_string_append_printf (out, "%s\n", line);
    }
  return g_string_free (out, FALSE);
}

static char *
case_lookup (const char *uri)
{
  g_autoptr(GVirDriverConnection) conn = open_uri (uri, FALSE, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDriverDomain) by_name = NULL;
  g_autoptr(GVirDriverDomain) by_uuid = NULL;
  g_autoptr(GVirDriverDomain) by_id = NULL;
  g_autofree char *a = NULL, *b = NULL, *c = NULL;

  by_name = gvir_driver_connection_lookup_domain_by_name (conn, "test", NULL, &error);
  g_assert_no_error (error);
  by_uuid = gvir_driver_connection_lookup_domain_by_uuid (conn, TEST_UUID, NULL, &error);
  g_assert_no_error (error);
  by_id = gvir_driver_connection_lookup_domain_by_id (conn, by_name->id, NULL, &error);
  g_assert_no_error (error);

  a = describe (by_name);
  b = describe (by_uuid);
  c = describe (by_id);
  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, ==, c);
  g_assert_cmpstr (by_name->uuid, ==, TEST_UUID);
  g_assert_cmpint (by_name->state, ==, GVIR_DRIVER_STATE_RUNNING);
  return g_steal_pointer (&a);
}

static char *
case_node_info (const char *uri)
{
  g_autoptr(GVirDriverConnection) conn = open_uri (uri, FALSE, NULL);
  g_autoptr(GError) error = NULL;
  GVirDriverNodeInfo info = { 0 };
  g_autofree char *type = NULL;
  g_autoptr(GArray) cells = NULL;
  char *out;

  g_assert_true (gvir_driver_connection_get_node_info (conn, &info, NULL, &error));
  g_assert_no_error (error);
  type = gvir_driver_connection_get_type (conn, NULL, &error);
  g_assert_no_error (error);
  cells = gvir_driver_connection_get_cells_free_memory (conn, 0, 2, NULL, &error);
  g_assert_no_error (error);

  out = g_strdup_printf ("type=%s model=%s memory=%" G_GUINT64_FORMAT " cpus=%u mhz=%u nodes=%u "
                         "sockets=%u cores=%u threads=%u cells=%u",
                         type, info.model, info.memory_kib, info.cpus, info.mhz, info.nodes,
                         info.sockets, info.cores, info.threads, cells->len);
  gvir_driver_node_info_clear (&info);
  return out;
}

static SeenEvent *
next_event_for (GAsyncQueue *queue,
                const char  *name)
{
  for (;;)
    {
      SeenEvent *ev = g_async_queue_timeout_pop (queue, gvir_test_wait_bound_usec ());

      if (ev == NULL)
        {
          g_autofree char *what = g_strdup_printf ("a lifecycle event of domain '%s'", name);

          gvir_test_wait_timed_out (what);
        }
      if (g_str_equal (ev->name, name))
        return ev;
      seen_event_free (ev);
    }
}

static char *
case_lifecycle (const char *uri)
{
  g_autoptr(GAsyncQueue) queue = g_async_queue_new_full ((GDestroyNotify) seen_event_free);
  g_autoptr(GVirDriverConnection) conn = open_uri (uri, FALSE, queue);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDriverDomain) dom = NULL;
  const char *name = "conformance-vm";
  g_autofree char *xml = g_strdup_printf ("<domain type='test'><name>%s</name>"
                                          "<memory>8192</memory><vcpu>1</vcpu>"
                                          "<os><type>hvm</type></os></domain>", name);
  GString *out = g_string_new (NULL);
  guint i;
  int state, reason;

  dom = gvir_driver_connection_define_domain (conn, xml, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (dom->persistent);
  g_assert_cmpint (dom->state, ==, GVIR_DRIVER_STATE_SHUTOFF);

  g_assert_true (gvir_driver_connection_start_domain (conn, dom->uuid, 0, NULL, &error));
  g_assert_true (gvir_driver_connection_suspend_domain (conn, dom->uuid, NULL, &error));
  g_assert_true (gvir_driver_connection_get_domain_state (conn, dom->uuid, &state, &reason,
                                                          NULL, &error));
  g_assert_cmpint (state, ==, GVIR_DRIVER_STATE_PAUSED);
  g_assert_true (gvir_driver_connection_resume_domain (conn, dom->uuid, NULL, &error));
  g_assert_true (gvir_driver_connection_destroy_domain (conn, dom->uuid, 0, NULL, &error));
  g_assert_true (gvir_driver_connection_undefine_domain (conn, dom->uuid, 0, NULL, &error));
  g_assert_no_error (error);

  /* define, start, suspend, resume, destroy, undefine */
  for (i = 0; i < 6; i++)
    {
      SeenEvent *ev = next_event_for (queue, name);

      g_string_append_printf (out, "%d/%d state=%d\n", ev->event, ev->detail, ev->state);
      seen_event_free (ev);
    }
  return g_string_free (out, FALSE);
}

static char *
error_code (const GError *error)
{
  g_assert_nonnull (error);
  g_assert_true (error->domain == GVIR_ERROR);
  return g_strdup_printf ("%d", error->code);
}

static char *
case_errors (const char *uri)
{
  g_autoptr(GVirDriverConnection) conn = open_uri (uri, FALSE, NULL);
  g_autoptr(GVirDriverConnection) ro = open_uri (uri, TRUE, NULL);
  GError *errors[6] = { NULL };
  GString *out = g_string_new (NULL);
  guint i;

  g_assert_null (gvir_driver_connection_lookup_domain_by_name (conn, "nosuch", NULL, &errors[0]));
  g_assert_null (gvir_driver_connection_lookup_domain_by_uuid (conn, "00000000-0000-0000-0000-00000000abcd",
                                                               NULL, &errors[1]));
  g_assert_false (gvir_driver_connection_start_domain (conn, TEST_UUID, 0, NULL, &errors[2]));
  g_assert_null (gvir_driver_connection_define_domain (conn, "<domain", 0, NULL, &errors[3]));
  g_assert_null (gvir_driver_connection_get_cells_free_memory (conn, 99, 1, NULL, &errors[4]));
  g_assert_false (gvir_driver_connection_destroy_domain (ro, TEST_UUID, 0, NULL, &errors[5]));

  g_assert_error (errors[0], GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
  g_assert_error (errors[1], GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
  g_assert_error (errors[2], GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
  g_assert_error (errors[3], GVIR_ERROR, GVIR_ERROR_XML);
  g_assert_error (errors[4], GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
  g_assert_error (errors[5], GVIR_ERROR, GVIR_ERROR_READ_ONLY);
  for (i = 0; i < G_N_ELEMENTS (errors); i++)
    {
      g_autofree char *code = error_code (errors[i]);

      g_string_append_printf (out, "%s ", code);
      g_clear_error (&errors[i]);
    }
  return g_string_free (out, FALSE);
}

/* vCPU counts of the running default domain under each flag set: the
 * remote driver asks the server (DOMAIN_GET_VCPUS_FLAGS), the local one
 * reads the definition; both must say the same. */
static char *
case_vcpus (const char *uri)
{
  static const guint flag_sets[] = {
    0, GVIR_DRIVER_VCPUS_MAXIMUM, GVIR_DRIVER_AFFECT_LIVE, GVIR_DRIVER_AFFECT_CONFIG,
    GVIR_DRIVER_AFFECT_CONFIG | GVIR_DRIVER_VCPUS_MAXIMUM,
  };
  g_autoptr(GVirDriverConnection) conn = open_uri (uri, FALSE, NULL);
  g_autoptr(GError) error = NULL;
  GString *out = g_string_new (NULL);
  g_autofree char *missing = NULL;
  guint i;

  for (i = 0; i < G_N_ELEMENTS (flag_sets); i++)
    {
      gint count = gvir_driver_connection_get_domain_vcpus (conn, TEST_UUID, flag_sets[i], NULL,
                                                            &error);

      g_assert_no_error (error);
      g_string_append_printf (out, "0x%x=%d ", flag_sets[i], count);
    }
  g_assert_cmpint (gvir_driver_connection_get_domain_vcpus (conn,
                                                            "00000000-0000-0000-0000-00000000abcd",
                                                            0, NULL, &error), ==, -1);
  missing = error_code (error);
  g_string_append (out, missing);
  return g_string_free (out, FALSE);
}

static void
append_autostart (GVirDriverConnection *conn, const char *uuid, GString *out)
{
  g_autoptr(GError) error = NULL;
  gboolean autostart = -1;

  gboolean ok = gvir_driver_connection_get_domain_autostart (conn, uuid, &autostart, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
  g_string_append_printf (out, "autostart=%d\n", autostart);
}

/* A persistent domain's mark set and cleared, a transient domain's set; a
 * read-only connection refused. The shared "test" domain ends unmarked. */
static char *
case_autostart (const char *uri)
{
  g_autoptr(GVirDriverConnection) conn = open_uri (uri, FALSE, NULL);
  g_autoptr(GVirDriverConnection) ro = open_uri (uri, TRUE, NULL);
  g_autoptr(GVirDriverDomain) transient = NULL;
  g_autoptr(GError) error = NULL;
  GString *out = g_string_new (NULL);

  append_autostart (conn, TEST_UUID, out);
  g_assert_true (gvir_driver_connection_set_domain_autostart (conn, TEST_UUID, TRUE, NULL, &error));
  g_assert_no_error (error);
  append_autostart (conn, TEST_UUID, out);
  g_assert_true (gvir_driver_connection_set_domain_autostart (conn, TEST_UUID, FALSE, NULL,
                                                              &error));
  append_autostart (conn, TEST_UUID, out);

  g_assert_false (gvir_driver_connection_set_domain_autostart (ro, TEST_UUID, TRUE, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_READ_ONLY);
  g_clear_error (&error);

  transient = gvir_driver_connection_create_domain (conn,
                                                    "<domain type='test'><name>autostart-vm</name>"
                                                    "<memory>8192</memory><vcpu>1</vcpu>"
                                                    "<os><type>hvm</type></os></domain>",
                                                    0, NULL, &error);
  g_assert_no_error (error);
  append_autostart (conn, transient->uuid, out);
  /* libvirt's test driver, unlike its QEMU driver, marks a transient domain. */
  g_assert_true (gvir_driver_connection_set_domain_autostart (conn, transient->uuid, TRUE, NULL,
                                                              &error));
  g_assert_no_error (error);
  append_autostart (conn, transient->uuid, out);
  g_assert_true (gvir_driver_connection_destroy_domain (conn, transient->uuid, 0, NULL, &error));
  g_assert_no_error (error);
  return g_string_free (out, FALSE);
}

#define ASYNC_CALLS 48

/* Many non-blocking queries in flight on one fresh connection (the remote
 * driver has to look the domain's name up first), each answered exactly
 * once and like the blocking form; errors map the same way. */
static char *
case_async_queries (const char *uri)
{
  g_autoptr(GVirDriverConnection) conn = open_uri (uri, FALSE, NULL);
  g_autoptr(GError) sync_error = NULL;
  GVirDriverDomainInfo sync_info;
  int sync_state, sync_reason;
  Answers *a = answers_new (2 * ASYNC_CALLS + 2);
  AnswerSlot *missing = &a->slots[2 * ASYNC_CALLS];
  AnswerSlot *bad = &a->slots[2 * ASYNC_CALLS + 1];
  char *out;
  guint i;

  for (i = 0; i < ASYNC_CALLS; i++)
    {
      gvir_driver_connection_get_domain_info_async (conn, TEST_UUID, NULL, answer_info,
                                                    &a->slots[2 * i]);
      gvir_driver_connection_get_domain_state_async (conn, TEST_UUID, NULL, answer_state,
                                                     &a->slots[2 * i + 1]);
    }
  gvir_driver_connection_get_domain_info_async (conn, "00000000-0000-0000-0000-00000000abcd",
                                                NULL, answer_info, missing);
  gvir_driver_connection_get_domain_state_async (conn, "not-a-uuid", NULL, answer_state, bad);
  answers_wait_for (a, a->n_slots, "answers to the asynchronous queries in flight");

  g_assert_true (gvir_driver_connection_get_domain_info (conn, TEST_UUID, &sync_info, NULL,
                                                         &sync_error));
  g_assert_true (gvir_driver_connection_get_domain_state (conn, TEST_UUID, &sync_state,
                                                          &sync_reason, NULL, &sync_error));
  for (i = 0; i < ASYNC_CALLS; i++)
    {
      AnswerSlot *info = &a->slots[2 * i], *state = &a->slots[2 * i + 1];

      g_assert_cmpuint (info->times, ==, 1);
      g_assert_no_error (info->error);
      g_assert_cmpint (info->info.state, ==, sync_info.state);
      g_assert_cmpuint (info->info.max_mem_kib, ==, sync_info.max_mem_kib);
      g_assert_cmpuint (info->info.memory_kib, ==, sync_info.memory_kib);
      g_assert_cmpuint (info->info.nr_virt_cpu, ==, sync_info.nr_virt_cpu);
      g_assert_cmpuint (state->times, ==, 1);
      g_assert_no_error (state->error);
      g_assert_cmpint (state->state, ==, sync_state);
      g_assert_cmpint (state->reason, ==, sync_reason);
    }
  g_assert_false (gvir_driver_connection_get_domain_state (conn, "not-a-uuid", NULL, NULL, NULL,
                                                           &sync_error));
  g_assert_error (bad->error, sync_error->domain, sync_error->code);

  out = g_strdup_printf ("info state=%d max_mem=%" G_GUINT64_FORMAT " memory=%" G_GUINT64_FORMAT
                         " vcpus=%u; state %d reason %d; missing: %d",
                         sync_info.state, sync_info.max_mem_kib, sync_info.memory_kib,
                         sync_info.nr_virt_cpu, sync_state, sync_reason,
                         missing->error ? missing->error->code : 0);
  answers_free (a);
  return out;
}

/* ---- snapshots ------------------------------------------------------------------ */

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* The names of the default domain's snapshots that @flags select, sorted
 * (libvirtd lists them in no particular order). */
static char *
snapshot_names (GVirDriverConnection *conn,
                guint                 flags)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = gvir_driver_connection_list_snapshots (conn, TEST_UUID, flags, NULL,
                                                               &error);

  g_assert_no_error (error);
  qsort (names, g_strv_length (names), sizeof (char *), compare_strings);
  return g_strjoinv (",", names);
}

static char *
snapshot_facts (GVirDriverConnection *conn,
                const char           *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = gvir_driver_connection_get_snapshot_xml (conn, TEST_UUID, name, 0,
                                                                  NULL, &error);
  g_autoptr(GVirConfigDomainSnapshot) conf = NULL;
  gboolean current = FALSE;

  g_assert_no_error (error);
  conf = gvir_config_domain_snapshot_new_from_xml (xml, &error);
  g_assert_no_error (error);
  g_assert_true (gvir_driver_connection_snapshot_is_current (conn, TEST_UUID, name, 0, &current,
                                                             NULL, &error));
  g_assert_no_error (error);
  return g_strdup_printf ("%s: parent=%s state=%d memory=%d description=%s current=%d",
                          gvir_config_domain_snapshot_get_name (conf),
                          gvir_config_domain_snapshot_get_parent (conf),
                          gvir_config_domain_snapshot_get_state (conf),
                          gvir_config_domain_snapshot_get_memory_state (conf),
                          gvir_config_domain_snapshot_get_description (conf), current);
}

static char *
snapshot_domain_state (GVirDriverConnection *conn)
{
  g_autoptr(GError) error = NULL;
  int state = -1, reason = -1;

  g_assert_true (gvir_driver_connection_get_domain_state (conn, TEST_UUID, &state, &reason,
                                                          NULL, &error));
  g_assert_no_error (error);
  return g_strdup_printf ("domain state=%d reason=%d", state, reason);
}

/* The current snapshot's name, or "error N" when there is none. */
static char *
snapshot_current (GVirDriverConnection *conn)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = gvir_driver_connection_dup_current_snapshot (conn, TEST_UUID, 0, NULL,
                                                                       &error);
  g_autofree char *code = NULL;

  if (name != NULL)
    return g_steal_pointer (&name);
  code = error_code (error);
  return g_strdup_printf ("error %s", code);
}

/* Creates, lists, reads, reverts to and deletes snapshots of the default
 * domain, which it leaves running and without snapshots. */
static char *
case_snapshots (const char *uri)
{
  g_autoptr(GVirDriverConnection) conn = open_uri (uri, FALSE, NULL);
  g_autoptr(GError) error = NULL;
  GString *out = g_string_new (NULL);
  g_autofree char *c1 = NULL, *c2 = NULL;
  g_autofree char *all = NULL, *roots = NULL, *leaves = NULL, *after = NULL;
  g_autofree char *f1 = NULL, *f2 = NULL, *s1 = NULL, *s2 = NULL, *nosuch_code = NULL;
  g_autofree char *cur0 = NULL, *cur2 = NULL, *cur_after = NULL;
  gboolean has = TRUE;

  cur0 = snapshot_current (conn);

  c1 = gvir_driver_connection_create_snapshot (conn, TEST_UUID,
                                               "<domainsnapshot><name>c1</name>"
                                               "<description>first</description>"
                                               "</domainsnapshot>", 0, NULL, &error);
  g_assert_no_error (error);
  c2 = gvir_driver_connection_create_snapshot (conn, TEST_UUID,
                                               "<domainsnapshot><name>c2</name></domainsnapshot>",
                                               0, NULL, &error);
  g_assert_no_error (error);
  all = snapshot_names (conn, 0);
  roots = snapshot_names (conn, GVIR_DRIVER_SNAPSHOT_LIST_ROOTS);
  leaves = snapshot_names (conn, GVIR_DRIVER_SNAPSHOT_LIST_LEAVES);
  f1 = snapshot_facts (conn, "c1");
  f2 = snapshot_facts (conn, "c2");
  cur2 = snapshot_current (conn);
  g_string_append_printf (out, "created %s %s\nall %s\nroots %s\nleaves %s\n%s\n%s\n"
                          "current before %s, after %s\n",
                          c1, c2, all, roots, leaves, f1, f2, cur0, cur2);

  g_assert_true (gvir_driver_connection_destroy_domain (conn, TEST_UUID, 0, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gvir_driver_connection_revert_to_snapshot (conn, TEST_UUID, "c1", 0, NULL,
                                                            &error));
  g_assert_no_error (error);
  s1 = snapshot_domain_state (conn);
  g_assert_true (gvir_driver_connection_revert_to_snapshot (conn, TEST_UUID, "c2",
                                                            GVIR_DRIVER_SNAPSHOT_REVERT_PAUSED,
                                                            NULL, &error));
  g_assert_no_error (error);
  s2 = snapshot_domain_state (conn);
  g_string_append_printf (out, "revert c1: %s\nrevert c2 paused: %s\n", s1, s2);

  g_assert_false (gvir_driver_connection_revert_to_snapshot (conn, TEST_UUID, "nosuch", 0, NULL,
                                                             &error));
  nosuch_code = error_code (error);
  g_string_append_printf (out, "revert nosuch: %s\n", nosuch_code);
  g_clear_error (&error);

  g_assert_true (gvir_driver_connection_delete_snapshot (conn, TEST_UUID, "c1",
                                                         GVIR_DRIVER_SNAPSHOT_DELETE_CHILDREN,
                                                         NULL, &error));
  g_assert_no_error (error);
  after = snapshot_names (conn, 0);
  g_assert_true (gvir_driver_connection_has_current_snapshot (conn, TEST_UUID, 0, &has, NULL,
                                                              &error));
  g_assert_no_error (error);
  cur_after = snapshot_current (conn);
  g_string_append_printf (out, "after delete: '%s' has_current=%d current=%s\n", after, has,
                          cur_after);

  g_assert_true (gvir_driver_connection_resume_domain (conn, TEST_UUID, NULL, &error));
  g_assert_no_error (error);
  return g_string_free (out, FALSE);
}

typedef char *(*CaseFunc) (const char *uri);

typedef struct
{
  const char *name;
  CaseFunc func;
} Case;

static const Case cases[] = {
  { "list-domains", case_list_domains },
  { "lookup", case_lookup },
  { "node-info", case_node_info },
  { "vcpus", case_vcpus },
  { "lifecycle", case_lifecycle },
  { "errors", case_errors },
  { "autostart", case_autostart },
  { "async-queries", case_async_queries },
  { "snapshots", case_snapshots },
};

typedef struct
{
  const Case *c;
  char *uri;
} CaseRun;

static void
case_run_free (gpointer data)
{
  CaseRun *run = data;

  g_free (run->uri);
  g_free (run);
}

/* Runs the case on @uri and on the in-process driver: same answer. */
static void
run_case (gconstpointer data)
{
  const CaseRun *run = data;
  g_autofree char *remote = NULL;
  g_autofree char *local = NULL;

  remote = run->c->func (run->uri);
  local = run->c->func (LOCAL_URI);
  g_test_message ("%s on %s:\n%s", run->c->name, run->uri, remote);
  g_assert_cmpstr (remote, ==, local);
}

/* ---- non-blocking queries over the socket ---------------------------------- */

static char *
unix_uri (void)
{
  return g_strdup_printf ("test+unix:///default?socket=%s", peer->socket);
}

/* Cancelling calls in flight answers each exactly once and leaves the
 * connection working: their late replies are matched and dropped.  A
 * reply the I/O thread is delivering while the cancellation runs wins the
 * race: that call gets its answer (a moment later, from the I/O thread);
 * every other call is answered by the cancellation before it returns. */
static void
test_async_cancel (void)
{
  g_autofree char *uri = unix_uri ();
  g_autoptr(GVirDriverConnection) conn = open_uri (uri, FALSE, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  GVirDriverDomainInfo info;
  Answers *a = answers_new (ASYNC_CALLS + 1);
  gboolean answered_at_cancel[ASYNC_CALLS];
  guint i, cancelled = 0, racing = 0;

  for (i = 0; i < ASYNC_CALLS; i++)
    gvir_driver_connection_get_domain_info_async (conn, TEST_UUID, cancellable, answer_info,
                                                  &a->slots[i]);
  g_cancellable_cancel (cancellable);
  g_mutex_lock (&a->lock);
  for (i = 0; i < ASYNC_CALLS; i++)
    answered_at_cancel[i] = a->slots[i].times > 0;
  g_mutex_unlock (&a->lock);
  answers_wait_for (a, ASYNC_CALLS, "the replies that raced with the cancellation");
  gvir_driver_connection_get_domain_info_async (conn, TEST_UUID, cancellable, answer_info,
                                                &a->slots[ASYNC_CALLS]);
  g_assert_error (a->slots[ASYNC_CALLS].error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  g_assert_true (gvir_driver_connection_get_domain_info (conn, TEST_UUID, &info, NULL, &error));
  g_assert_no_error (error);
  for (i = 0; i < ASYNC_CALLS; i++)
    {
      g_assert_cmpuint (a->slots[i].times, ==, 1);
      if (a->slots[i].error != NULL)
        {
          /* The cancellation answered it, so before cancel() returned. */
          g_assert_error (a->slots[i].error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
          g_assert_true (answered_at_cancel[i]);
          g_assert_true (a->slots[i].thread == g_thread_self ());
          cancelled++;
          continue;
        }
      if (!answered_at_cancel[i])
        racing++;
      g_assert_true (a->slots[i].has_info);
      g_assert_cmpuint (a->slots[i].info.max_mem_kib, ==, info.max_mem_kib);
    }
  g_test_message ("%u of %u calls cancelled before their reply, %u replies raced the cancellation",
                  cancelled, ASYNC_CALLS, racing);
  answers_free (a);
}

/* Closing the connection with calls in flight answers each of them once:
 * with its reply when it came in before close(), else with
 * CONNECTION_CLOSED at once (close() interrupts what is still waiting).
 * Dropping the last reference of the caller is not a close: the calls in
 * flight keep the connection, and all get their replies. */
static void
check_async_close (gboolean drop)
{
  g_autofree char *uri = unix_uri ();
  GVirDriverConnection *conn = open_uri (uri, FALSE, NULL);
  Answers *a = answers_new (ASYNC_CALLS + 1);
  guint interrupted = 0;
  guint i;

  for (i = 0; i < ASYNC_CALLS; i++)
    gvir_driver_connection_get_domain_state_async (conn, TEST_UUID, NULL, answer_state,
                                                   &a->slots[i]);
  if (drop)
    {
      gvir_driver_connection_unref (conn);
      a->slots[ASYNC_CALLS].times = 1;
      a->answered++;
    }
  else
    {
      gvir_driver_connection_close (conn);
      gvir_driver_connection_get_domain_state_async (conn, TEST_UUID, NULL, answer_state,
                                                     &a->slots[ASYNC_CALLS]);
      g_assert_error (a->slots[ASYNC_CALLS].error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
      gvir_driver_connection_unref (conn);
    }
  answers_wait_for (a, a->n_slots, "answers to the queries pending at close or drop");
  for (i = 0; i < ASYNC_CALLS; i++)
    {
      g_assert_cmpuint (a->slots[i].times, ==, 1);
      if (!drop && a->slots[i].error != NULL)
        {
          g_assert_error (a->slots[i].error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
          interrupted++;
          continue;
        }
      g_assert_no_error (a->slots[i].error);
      g_assert_cmpint (a->slots[i].state, ==, GVIR_DRIVER_STATE_RUNNING);
    }
  g_test_message ("%u of %u calls interrupted by close()", interrupted, ASYNC_CALLS);
  answers_free (a);
}

static void
test_async_close (void)
{
  check_async_close (FALSE);
}

static void
test_async_drop (void)
{
  check_async_close (TRUE);
}

/* ---- lifecycle events, end to end ------------------------------------------ */

typedef enum
{
  STEP_DEFINE,
  STEP_START,
  STEP_SUSPEND,
  STEP_RESUME,
  STEP_DESTROY,
  STEP_SHUTDOWN,
  STEP_SAVE,
  STEP_RESTORE,
  STEP_MANAGED_SAVE,
  STEP_UNDEFINE,
} Step;

typedef struct
{
  Step step;
  const char *what;
  int event, detail;   /* libvirt's numbers (libvirt-domain.h) */
  int state, reason;
} EventStep;

/* What libvirtd's test driver emits for each action, and the state and
 * reason it sets: our driver derives the same from the event alone. */
static const EventStep event_steps[] = {
  { STEP_DEFINE, "define", 0, 0, 5, 0 },           /* DEFINED/ADDED; SHUTOFF */
  { STEP_START, "start", 2, 0, 1, 1 },             /* STARTED/BOOTED; RUNNING/BOOTED */
  { STEP_SUSPEND, "suspend", 3, 0, 3, 1 },         /* SUSPENDED/PAUSED; PAUSED/USER */
  { STEP_RESUME, "resume", 4, 0, 1, 5 },           /* RESUMED/UNPAUSED; RUNNING/UNPAUSED */
  { STEP_DESTROY, "destroy", 5, 1, 5, 2 },         /* STOPPED/DESTROYED; SHUTOFF/DESTROYED */
  { STEP_START, "start again", 2, 0, 1, 1 },
  { STEP_SHUTDOWN, "shutdown", 5, 0, 5, 1 },       /* STOPPED/SHUTDOWN; SHUTOFF/SHUTDOWN */
  { STEP_START, "start before save", 2, 0, 1, 1 },
  { STEP_SAVE, "save", 5, 4, 5, 5 },               /* STOPPED/SAVED; SHUTOFF/SAVED */
  { STEP_RESTORE, "restore", 2, 2, 1, 3 },         /* STARTED/RESTORED; RUNNING/RESTORED */
  { STEP_MANAGED_SAVE, "managed save", 5, 4, 5, 5 },
  { STEP_UNDEFINE, "undefine", 1, 0, 5, 0 },       /* UNDEFINED/REMOVED; gone */
};

static void
test_libvirtd_events (void)
{
  g_autofree char *uri = g_strdup_printf ("test+unix:///default?socket=%s", peer->socket);
  g_autoptr(GAsyncQueue) queue = g_async_queue_new_full ((GDestroyNotify) seen_event_free);
  g_autoptr(GVirDriverConnection) conn = open_uri (uri, FALSE, queue);
  g_autofree char *image = g_build_filename (peer->dir, "events-vm.save", NULL);
  const char *name = "events-vm";
  const char *uuid = "8f07fdd0-0b4c-4a1a-9e8d-3c0b8a4e6f01";
  g_autofree char *xml = g_strdup_printf ("<domain type='test'><name>%s</name><uuid>%s</uuid>"
                                          "<memory>8192</memory><vcpu>1</vcpu>"
                                          "<os><type>hvm</type></os></domain>", name, uuid);
  guint i;

  for (i = 0; i < G_N_ELEMENTS (event_steps); i++)
    {
      const EventStep *s = &event_steps[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(GVirDriverDomain) dom = NULL;
      SeenEvent *ev;
      gboolean ok = TRUE;

      switch (s->step)
        {
        case STEP_DEFINE:
          dom = gvir_driver_connection_define_domain (conn, xml, 0, NULL, &error);
          ok = dom != NULL;
          break;
        case STEP_START:
          ok = gvir_driver_connection_start_domain (conn, uuid, 0, NULL, &error);
          break;
        case STEP_SUSPEND:
          ok = gvir_driver_connection_suspend_domain (conn, uuid, NULL, &error);
          break;
        case STEP_RESUME:
          ok = gvir_driver_connection_resume_domain (conn, uuid, NULL, &error);
          break;
        case STEP_DESTROY:
          ok = gvir_driver_connection_destroy_domain (conn, uuid, 0, NULL, &error);
          break;
        case STEP_SHUTDOWN:
          ok = gvir_driver_connection_shutdown_domain (conn, uuid, 0, NULL, &error);
          break;
        case STEP_SAVE:
          ok = gvir_driver_connection_save_domain_to_file (conn, uuid, image, NULL, 0, NULL,
                                                           &error);
          break;
        case STEP_RESTORE:
          dom = gvir_driver_connection_restore_domain_from_file (conn, image, NULL, 0, NULL,
                                                                 &error);
          ok = dom != NULL;
          if (ok)
            {
              g_assert_cmpstr (dom->uuid, ==, uuid);
              g_assert_cmpint (dom->state, ==, s->state);
              g_assert_cmpint (dom->reason, ==, s->reason);
            }
          break;
        case STEP_MANAGED_SAVE:
          ok = gvir_driver_connection_managed_save_domain (conn, uuid, 0, NULL, &error);
          break;
        case STEP_UNDEFINE:
          ok = gvir_driver_connection_undefine_domain (conn, uuid, GVIR_DRIVER_UNDEFINE_MANAGED_SAVE,
                                                       NULL, &error);
          break;
        default:
          g_assert_not_reached ();
        }
      g_assert_no_error (error);
      g_assert_true (ok);

      ev = next_event_for (queue, name);
      g_test_message ("%s: event %d/%d state %d reason %d id %d", s->what, ev->event, ev->detail,
                      ev->state, ev->reason, ev->id);
      g_assert_cmpint (ev->event, ==, s->event);
      g_assert_cmpint (ev->detail, ==, s->detail);
      g_assert_cmpint (ev->state, ==, s->state);
      g_assert_cmpint (ev->reason, ==, s->reason);
      g_assert_cmpint (ev->id >= 0, ==, s->state == GVIR_DRIVER_STATE_RUNNING ||
                                        s->state == GVIR_DRIVER_STATE_PAUSED);
      seen_event_free (ev);

      /* The daemon agrees, asked directly. */
      if (s->step != STEP_UNDEFINE)
        {
          int state = -1, reason = -1;

          g_assert_true (gvir_driver_connection_get_domain_state (conn, uuid, &state, &reason,
                                                                  NULL, &error));
          g_assert_no_error (error);
          g_assert_cmpint (state, ==, s->state);
          g_assert_cmpint (reason, ==, s->reason);
        }
    }
}

#if HAVE_GNUTLS
/* ---- TLS refusals ------------------------------------------------------------ */

static void
assert_open_fails (const char *uri,
                   const char *words)
{
  g_autoptr(GError) error = NULL;
  GVirDriverConnection *conn = gvir_driver_connection_open (uri, FALSE, NULL, NULL, NULL, &error);

  g_assert_null (conn);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_AUTH_FAILED);
  g_test_message ("%s: %s", uri, error->message);
  g_assert_nonnull (strstr (error->message, words));
}

static void
test_tls_unknown_ca (void)
{
  g_autofree char *uri = g_strdup_printf ("test+tls://localhost:%d/default?pkipath=%s",
                                          peer->tls_port, peer->pki_other_ca);

  assert_open_fails (uri, "unknown CA");
}

static void
test_tls_hostname_mismatch (void)
{
  g_autofree char *uri = g_strdup_printf ("test+tls://127.0.0.1:%d/default?pkipath=%s",
                                          peer->tls_port, peer->pki_good);

  assert_open_fails (uri, "hostname mismatch");
}

static void
test_tls_no_verify (void)
{
  g_autofree char *uri = g_strdup_printf ("test+tls://127.0.0.1:%d/default?pkipath=%s&no_verify=1",
                                          peer->tls_port, peer->pki_good);
  g_autoptr(GVirDriverConnection) conn = open_uri (uri, FALSE, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *type = gvir_driver_connection_get_type (conn, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (type, ==, "TEST");
}

static void
test_tls_missing_client_cert (void)
{
  g_autofree char *uri = g_strdup_printf ("test+tls://localhost:%d/default?pkipath=%s",
                                          peer->tls_port, peer->pki_no_cert);

  assert_open_fails (uri, "missing client certificate");
}

static void
test_tls_expired (void)
{
  g_autoptr(GError) error = NULL;
  LibvirtdPeer *expired = libvirtd_peer_start (PEER_TLS_EXPIRED, &error);
  g_autofree char *uri = NULL;

  g_assert_no_error (error);
  uri = g_strdup_printf ("test+tls://localhost:%d/default?pkipath=%s",
                         expired->tls_port, expired->pki_good);
  assert_open_fails (uri, "expired");
  libvirtd_peer_stop (expired);
}

#endif /* HAVE_GNUTLS */

/* ---- setup --------------------------------------------------------------------- */

static void
add_cases (const char *label,
           const char *uri)
{
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CaseRun *run = g_new0 (CaseRun, 1);
      g_autofree char *path = g_strdup_printf ("/rpc/conformance/%s/%s", label, cases[i].name);

      run->c = &cases[i];
      run->uri = g_strdup (uri);
      g_test_add_data_func_full (path, run, run_case, case_run_free);
    }
}

/* ---- networks: the remote driver against libvirtd's test:///default ------------ */

#define DEFAULT_NETWORK_UUID "dd8fe884-6c02-601e-7551-cca97df1c5df"

static void
test_networks (gconstpointer data)
{
  g_autoptr(GVirDriverConnection) conn = open_uri (data, TRUE, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) networks = gvir_driver_connection_list_networks (conn, NULL, &error);
  g_autoptr(GVirDriverNetwork) by_name = NULL;
  g_autoptr(GVirDriverNetwork) by_uuid = NULL;
  g_autoptr(GVirDriverNetwork) missing = NULL;
  g_autoptr(GPtrArray) leases = NULL;
  g_autofree char *xml = NULL;
  GVirDriverNetwork *listed;

  g_assert_no_error (error);
  g_assert_cmpuint (networks->len, ==, 1);
  listed = networks->pdata[0];
  g_assert_cmpstr (listed->name, ==, "default");
  g_assert_cmpstr (listed->uuid, ==, DEFAULT_NETWORK_UUID);

  by_name = gvir_driver_connection_lookup_network_by_name (conn, "default", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (by_name->uuid, ==, DEFAULT_NETWORK_UUID);
  by_uuid = gvir_driver_connection_lookup_network_by_uuid (conn, DEFAULT_NETWORK_UUID, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (by_uuid->name, ==, "default");
  /* libvirt's VIR_ERR_NO_NETWORK is a "not found" like the others. */
  missing = gvir_driver_connection_lookup_network_by_name (conn, "nosuch-net", NULL, &error);
  g_assert_null (missing);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
  g_clear_error (&error);

  xml = gvir_driver_connection_get_network_xml (conn, DEFAULT_NETWORK_UUID, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (xml, "<name>default</name>"));
  /* libvirt writes attributes in single quotes, gvird's test driver
   * (libxml2's serialiser) in double ones: the same document. */
  g_assert_true (strstr (xml, "<bridge name='virbr0'") != NULL ||
                 strstr (xml, "<bridge name=\"virbr0\"") != NULL);

  /* libvirt's test driver has no leases: its error comes back as such. */
  leases = gvir_driver_connection_get_dhcp_leases (conn, DEFAULT_NETWORK_UUID, NULL, 0, NULL, &error);
  g_assert_null (leases);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED);
}

/* ---- host interfaces: libvirtd's test:///default has eth1 ----------------- */

static void
test_interfaces (gconstpointer data)
{
  g_autoptr(GVirDriverConnection) conn = open_uri (data, TRUE, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ifaces = gvir_driver_connection_list_interfaces (conn, NULL, &error);
  g_autoptr(GVirDriverInterface) by_name = NULL;
  g_autoptr(GVirDriverInterface) by_mac = NULL;
  g_autoptr(GVirDriverInterface) missing = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *inactive = NULL;
  GVirDriverInterface *listed;

  g_assert_no_error (error);
  g_assert_cmpuint (ifaces->len, ==, 1);
  listed = ifaces->pdata[0];
  g_assert_cmpstr (listed->name, ==, "eth1");
  g_assert_cmpstr (listed->mac, ==, "aa:bb:cc:dd:ee:ff");

  by_name = gvir_driver_connection_lookup_interface_by_name (conn, "eth1", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (by_name->mac, ==, "aa:bb:cc:dd:ee:ff");
  by_mac = gvir_driver_connection_lookup_interface_by_mac (conn, "aa:bb:cc:dd:ee:ff", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (by_mac->name, ==, "eth1");

  xml = gvir_driver_connection_get_interface_xml (conn, "eth1", 0, NULL, &error);
  g_assert_no_error (error);
  /* libvirt quotes attributes with ', gvird's libxml2 may use ". */
  g_assert_true (strstr (xml, "name='eth1'") != NULL || strstr (xml, "name=\"eth1\"") != NULL);
  g_assert_true (strstr (xml, "<mtu size='1492'/>") != NULL ||
                 strstr (xml, "<mtu size=\"1492\"/>") != NULL);

  /* libvirt's "no interface" error comes back as NOT_FOUND. */
  missing = gvir_driver_connection_lookup_interface_by_name (conn, "eth9", NULL, &error);
  g_assert_null (missing);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* libvirt's test driver has no inactive definition to give (gvird's
   * answer is the same). */
  inactive = gvir_driver_connection_get_interface_xml (conn, "eth1", 1, NULL, &error);
  g_assert_null (inactive);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
}

/* ---- host devices: both test drivers have the same four ------------------- */

static const char *const default_devices[] = { "computer", "scsi_host1", "scsi_host2",
                                               "scsi_host11" };

static gboolean
listed (GPtrArray  *devices,
        const char *name)
{
  guint i;

  for (i = 0; i < devices->len; i++)
    if (g_strcmp0 (((GVirDriverNodeDevice *) devices->pdata[i])->name, name) == 0)
      return TRUE;
  return FALSE;
}

/* The same names and identities on both daemons (test-daemon-virsh
 * compares a whole document with libvirtd's). */
static void
test_node_devices (gconstpointer data)
{
  g_autoptr(GVirDriverConnection) conn = open_uri (data, TRUE, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) devices = gvir_driver_connection_list_node_devices (conn, NULL, &error);
  g_autofree char *xml = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *flagged = NULL;
  guint i;

  g_assert_no_error (error);
  g_assert_cmpuint (devices->len, ==, G_N_ELEMENTS (default_devices));
  for (i = 0; i < G_N_ELEMENTS (default_devices); i++)
    g_assert_true (listed (devices, default_devices[i]));

  xml = gvir_driver_connection_get_node_device_xml (conn, "scsi_host1", 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (xml, "<name>scsi_host1</name>"));
  g_assert_nonnull (strstr (xml, "<parent>computer</parent>"));
  g_assert_nonnull (strstr (xml, "<wwnn>2000000012341234</wwnn>"));
  g_assert_nonnull (strstr (xml, "<wwpn>1000000012341234</wwpn>"));
  g_clear_pointer (&xml, g_free);
  xml = gvir_driver_connection_get_node_device_xml (conn, "computer", 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (xml, "<uuid>11111111-2222-3333-4444-555555555555</uuid>"));

  /* libvirt's VIR_ERR_NO_NODE_DEVICE comes back as NOT_FOUND. */
  missing = gvir_driver_connection_get_node_device_xml (conn, "nosuch-dev", 0, NULL, &error);
  g_assert_null (missing);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* libvirt defines no flag for a device's XML. */
  flagged = gvir_driver_connection_get_node_device_xml (conn, "computer", 1, NULL, &error);
  g_assert_null (flagged);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
}

/* libvirtd's test connection has no secret driver (libvirt's test driver
 * defines none and the peer loads no module), nor has gvird's: both answer
 * VIR_ERR_NO_SUPPORT, which is NOT_SUPPORTED, to the list and to a read. */
static void
test_secrets (gconstpointer data)
{
  g_autoptr(GVirDriverConnection) conn = open_uri (data, TRUE, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) secrets = gvir_driver_connection_list_secrets (conn, NULL, &error);
  GVirDriverSecret secret = {
    .uuid = (char *) "0a81f5b2-8403-7b23-c8d6-21ccc2f80d6f",
    .usage_type = 1,
    .usage_id = (char *) "/var/lib/libvirt/images/one.img",
  };
  g_autofree char *xml = NULL;

  g_assert_null (secrets);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED);
  g_assert_nonnull (strstr (error->message, "not supported"));
  g_clear_error (&error);
  xml = gvir_driver_connection_get_secret_xml (conn, &secret, 0, NULL, &error);
  g_assert_null (xml);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED);
}

/* Neither daemon's test driver has network filters: both calls come back
 * as libvirt's VIR_ERR_NO_SUPPORT, NOT_SUPPORTED, saying so in libvirt's
 * words. */
static void
test_network_filters (gconstpointer data)
{
  g_autoptr(GVirDriverConnection) conn = open_uri (data, TRUE, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) filters = gvir_driver_connection_list_network_filters (conn, NULL,
                                                                              &error);
  GVirDriverNetworkFilter filter = { .name = (char *) "clean-traffic",
                                     .uuid = (char *) "11111111-2222-3333-4444-5555555555aa" };
  g_autofree char *xml = NULL;

  g_assert_null (filters);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED);
  g_assert_nonnull (strstr (error->message, "not supported"));
  g_clear_error (&error);
  xml = gvir_driver_connection_get_network_filter_xml (conn, &filter, 0, NULL, &error);
  g_assert_null (xml);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED);
  g_assert_nonnull (strstr (error->message, "not supported"));
}

static int
run_on_gvird (void)
{
  g_autoptr(GError) error = NULL;
  RemotePeer *gvird = remote_peer_start (&error);
  int ret;

  if (gvird == NULL)
    {
      g_printerr ("cannot start gvird: %s\n", error->message);
      return 1;
    }
  add_cases ("gvird", gvird->uri);
  g_test_add_data_func ("/rpc/networks/gvird", gvird->uri, test_networks);
  g_test_add_data_func ("/rpc/interfaces/gvird", gvird->uri, test_interfaces);
  g_test_add_data_func ("/rpc/node-devices/gvird", gvird->uri, test_node_devices);
  g_test_add_data_func ("/rpc/secrets/gvird", gvird->uri, test_secrets);
  g_test_add_data_func ("/rpc/network-filters/gvird", gvird->uri, test_network_filters);
  ret = g_test_run ();
  remote_peer_stop (gvird);
  return ret;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *unix_uri = NULL;
  g_autofree char *tcp_uri = NULL;
  g_autofree char *tls_uri = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);

  /* GVIR_REMOTE_PEER=gvird: the cases that speak to test:///default, on
   * gvird instead of libvirtd (TLS, TCP and libvirtd's own events are
   * tests/daemon's business). */
  if (g_strcmp0 (g_getenv ("GVIR_REMOTE_PEER"), "gvird") == 0)
    return run_on_gvird ();

  /* No skip: without libvirtd this program must fail, loudly. */
#if HAVE_GNUTLS
  peer = libvirtd_peer_start (PEER_TLS_VALID, &error);
#else
  peer = libvirtd_peer_start (PEER_TLS_NONE, &error);
#endif
  if (peer == NULL)
    {
      g_printerr ("cannot start the reference libvirtd: %s\n", error->message);
      return 1;
    }

  unix_uri = g_strdup_printf ("test+unix:///default?socket=%s", peer->socket);
  tcp_uri = g_strdup_printf ("test+tcp://127.0.0.1:%d/default", peer->tcp_port);
  add_cases ("unix", unix_uri);
  add_cases ("tcp", tcp_uri);
  g_test_add_data_func ("/rpc/networks/libvirtd", unix_uri, test_networks);
  g_test_add_data_func ("/rpc/interfaces/libvirtd", unix_uri, test_interfaces);
  g_test_add_data_func ("/rpc/node-devices/libvirtd", unix_uri, test_node_devices);
  g_test_add_data_func ("/rpc/secrets/libvirtd", unix_uri, test_secrets);
  g_test_add_data_func ("/rpc/network-filters/libvirtd", unix_uri, test_network_filters);

  g_test_add_func ("/rpc/events/libvirtd", test_libvirtd_events);
  g_test_add_func ("/rpc/async/cancel", test_async_cancel);
  g_test_add_func ("/rpc/async/close-while-pending", test_async_close);
  g_test_add_func ("/rpc/async/drop-while-pending", test_async_drop);

#if HAVE_GNUTLS
  tls_uri = g_strdup_printf ("test+tls://localhost:%d/default?pkipath=%s",
                             peer->tls_port, peer->pki_good);
  add_cases ("tls", tls_uri);
  g_test_add_func ("/rpc/tls/unknown-ca", test_tls_unknown_ca);
  g_test_add_func ("/rpc/tls/hostname-mismatch", test_tls_hostname_mismatch);
  g_test_add_func ("/rpc/tls/missing-client-cert", test_tls_missing_client_cert);
  g_test_add_func ("/rpc/tls/expired", test_tls_expired);
  g_test_add_func ("/rpc/tls/no-verify", test_tls_no_verify);
#endif

  ret = g_test_run ();
  libvirtd_peer_stop (peer);
  return ret;
}
