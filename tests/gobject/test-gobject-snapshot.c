/*
 * test-gobject-snapshot.c: GVirDomainSnapshot against test:///default
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include "test-gobject-common.h"

/* libvirt's "from snapshot" state reasons. */
enum
{
  REASON_RUNNING_FROM_SNAPSHOT = 4,
  REASON_PAUSED_FROM_SNAPSHOT = 7,
  REASON_SHUTOFF_FROM_SNAPSHOT = 7,
};

typedef struct
{
  GVirConnection *conn;
  GVirDomain *dom;
  Recorder rec;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->conn = open_test_connection ();
  f->dom = fetch_test_domain (f->conn);
  spin_idle (NULL);
  recorder_watch_connection (&f->rec, f->conn);
  recorder_watch_domain (&f->rec, f->dom);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  close_and_finalize (f->conn);
  assert_finalized_soon (f->dom);
}

/* ---- helpers ------------------------------------------------------------------ */

static GVirDomainSnapshot *
create_named (GVirDomain *dom, const char *name, const char *description)
{
  g_autoptr(GVirConfigDomainSnapshot) conf = gvir_config_domain_snapshot_new ();
  g_autoptr(GError) error = NULL;
  GVirDomainSnapshot *snap;

  gvir_config_domain_snapshot_set_name (conf, name);
  if (description != NULL)
    gvir_config_domain_snapshot_set_description (conf, description);
  snap = gvir_domain_create_snapshot (dom, conf, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (snap);
  g_assert_cmpstr (gvir_domain_snapshot_get_name (snap), ==, name);
  return snap;
}

/* The names gvir_domain_get_snapshots() lists after a fetch with @flags,
 * joined with commas. */
static char *
fetch_names (GVirDomain *dom, guint flags)
{
  g_autoptr(GError) error = NULL;
  GString *names = g_string_new (NULL);
  GList *list, *l;

  g_assert_true (gvir_domain_fetch_snapshots (dom, flags, NULL, &error));
  g_assert_no_error (error);
  list = gvir_domain_get_snapshots (dom);
  for (l = list; l != NULL; l = l->next)
    g_string_append_printf (names, "%s%s", names->len > 0 ? "," : "",
                            gvir_domain_snapshot_get_name (l->data));
  g_list_free_full (list, g_object_unref);
  return g_string_free (names, FALSE);
}

static void
assert_names (GVirDomain *dom, guint flags, const char *expected)
{
  g_autofree char *names = fetch_names (dom, flags);

  g_assert_cmpstr (names, ==, expected);
}

static gboolean
is_current (GVirDomainSnapshot *snap)
{
  g_autoptr(GError) error = NULL;
  gboolean current = 2;

  g_assert_true (gvir_domain_snapshot_get_is_current (snap, 0, &current, &error));
  g_assert_no_error (error);
  return current;
}

static gboolean
has_current (GVirDomain *dom)
{
  g_autoptr(GError) error = NULL;
  gboolean has = 2;

  g_assert_true (gvir_domain_get_has_current_snapshot (dom, 0, &has, &error));
  g_assert_no_error (error);
  return has;
}

static GVirConfigDomainSnapshot *
get_config (GVirDomainSnapshot *snap)
{
  g_autoptr(GError) error = NULL;
  GVirConfigDomainSnapshot *conf = gvir_domain_snapshot_get_config (snap, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (conf);
  return conf;
}

static void
revert (GVirDomainSnapshot *snap, guint flags)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gvir_domain_snapshot_revert_to (snap, flags, &error));
  g_assert_no_error (error);
}

static void
stop_domain (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gvir_domain_stop (f->dom, 0, &error));
  g_assert_no_error (error);
  recorder_expect (&f->rec, "stopped::destroyed", NULL);
}

static guint64
domain_memory (GVirDomain *dom)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirConfigDomain) conf = gvir_domain_get_config (dom, 0, &error);

  g_assert_no_error (error);
  return gvir_config_domain_get_memory (conf);
}

/* ---- cases ---------------------------------------------------------------------- */

static void
test_create_and_list (Fixture *f, gconstpointer data)
{
  g_autoptr(GVirDomainSnapshot) s1 = NULL;
  g_autoptr(GVirDomainSnapshot) s2 = NULL;
  g_autoptr(GVirConfigDomainSnapshot) conf1 = NULL;
  g_autoptr(GVirConfigDomainSnapshot) conf2 = NULL;
  g_autoptr(GVirConfigDomain) snap_dom = NULL;
  GList *list;

  assert_names (f->dom, 0, "");
  g_assert_false (has_current (f->dom));

  s1 = create_named (f->dom, "s1", "first");
  g_assert_true (G_OBJECT_TYPE (s1) == gvir_domain_snapshot_get_type ());
  g_assert_true (is_current (s1));
  g_assert_true (has_current (f->dom));
  conf1 = get_config (s1);
  g_assert_cmpstr (gvir_config_domain_snapshot_get_name (conf1), ==, "s1");
  g_assert_cmpstr (gvir_config_domain_snapshot_get_description (conf1), ==, "first");
  g_assert_cmpint (gvir_config_domain_snapshot_get_state (conf1), ==,
                   GVIR_CONFIG_DOMAIN_SNAPSHOT_DOMAIN_STATE_RUNNING);
  g_assert_cmpint (gvir_config_domain_snapshot_get_memory_state (conf1), ==,
                   GVIR_CONFIG_DOMAIN_SNAPSHOT_MEMORY_STATE_INTERNAL);
  g_assert_null (gvir_config_domain_snapshot_get_parent (conf1));
  snap_dom = gvir_config_domain_snapshot_get_domain (conf1);
  g_assert_nonnull (snap_dom);
  g_assert_cmpstr (gvir_config_domain_get_name (snap_dom), ==, "test");

  s2 = create_named (f->dom, "s2", NULL);
  g_assert_false (is_current (s1));
  g_assert_true (is_current (s2));
  conf2 = get_config (s2);
  g_assert_cmpstr (gvir_config_domain_snapshot_get_parent (conf2), ==, "s1");

  assert_names (f->dom, 0, "s1,s2");
  /* One object per snapshot: the fetch hands back the created ones. */
  list = gvir_domain_get_snapshots (f->dom);
  g_assert_cmpuint (g_list_length (list), ==, 2);
  g_assert_true (list->data == (gpointer) s1);
  g_assert_true (list->next->data == (gpointer) s2);
  g_list_free_full (list, g_object_unref);

  assert_names (f->dom, GVIR_DOMAIN_SNAPSHOT_LIST_ROOTS, "s1");
  assert_names (f->dom, GVIR_DOMAIN_SNAPSHOT_LIST_LEAVES, "s2");
  assert_names (f->dom, GVIR_DOMAIN_SNAPSHOT_LIST_NO_LEAVES, "s1");
  assert_names (f->dom, GVIR_DOMAIN_SNAPSHOT_LIST_LEAVES | GVIR_DOMAIN_SNAPSHOT_LIST_NO_LEAVES,
                "s1,s2");
  assert_names (f->dom, GVIR_DOMAIN_SNAPSHOT_LIST_ACTIVE, "s1,s2");
  assert_names (f->dom, GVIR_DOMAIN_SNAPSHOT_LIST_INACTIVE, "");
  assert_names (f->dom, GVIR_DOMAIN_SNAPSHOT_LIST_NO_METADATA, "");
  /* Taking snapshots changes nothing of the domain. */
  recorder_expect (&f->rec, NULL);
  assert_state (f->dom, GVIR_DOMAIN_STATE_RUNNING, REASON_RUNNING_UNKNOWN);
}

static void
test_create_errors (Fixture *f, gconstpointer data)
{
  g_autoptr(GVirDomainSnapshot) s1 = create_named (f->dom, "s1", NULL);
  g_autoptr(GVirConfigDomainSnapshot) conf = gvir_config_domain_snapshot_new ();
  g_autoptr(GError) error = NULL;

  gvir_config_domain_snapshot_set_name (conf, "s1");
  g_assert_null (gvir_domain_create_snapshot (f->dom, conf, 0, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
  g_clear_error (&error);

  /* 'current' only goes with a redefinition. */
  gvir_config_domain_snapshot_set_name (conf, "s2");
  g_assert_null (gvir_domain_create_snapshot (f->dom, conf, GVIR_DOMAIN_SNAPSHOT_CURRENT, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_assert_null (gvir_domain_create_snapshot (f->dom, conf, GVIR_DOMAIN_SNAPSHOT_QUIESCE, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);

  assert_names (f->dom, 0, "s1");
  /* The failed attempts left the current snapshot alone. */
  g_assert_true (is_current (s1));
}

static void
test_revert_state (Fixture *f, gconstpointer data)
{
  g_autoptr(GVirDomainSnapshot) up = create_named (f->dom, "up", NULL);
  g_autoptr(GVirDomainSnapshot) down = NULL;
  g_autoptr(GVirConfigDomainSnapshot) down_conf = NULL;

  stop_domain (f);
  down = create_named (f->dom, "down", NULL);
  down_conf = get_config (down);
  g_assert_cmpint (gvir_config_domain_snapshot_get_state (down_conf), ==,
                   GVIR_CONFIG_DOMAIN_SNAPSHOT_DOMAIN_STATE_SHUTOFF);
  g_assert_cmpint (gvir_config_domain_snapshot_get_memory_state (down_conf), ==,
                   GVIR_CONFIG_DOMAIN_SNAPSHOT_MEMORY_STATE_NONE);

  revert (up, 0);
  recorder_expect (&f->rec, "started::from-snapshot", NULL);
  assert_state (f->dom, GVIR_DOMAIN_STATE_RUNNING, REASON_RUNNING_FROM_SNAPSHOT);
  g_assert_true (is_current (up));
  g_assert_false (is_current (down));

  revert (down, 0);
  recorder_expect (&f->rec, "stopped::from-snapshot", NULL);
  assert_state (f->dom, GVIR_DOMAIN_STATE_SHUTOFF, REASON_SHUTOFF_FROM_SNAPSHOT);
  g_assert_true (is_current (down));

  revert (down, GVIR_DOMAIN_SNAPSHOT_REVERT_PAUSED);
  recorder_expect (&f->rec, "started::from-snapshot", "suspended::from-snapshot", NULL);
  assert_state (f->dom, GVIR_DOMAIN_STATE_PAUSED, REASON_PAUSED_FROM_SNAPSHOT);

  revert (up, 0);
  recorder_expect (&f->rec, "resumed::from-snapshot", NULL);
  assert_state (f->dom, GVIR_DOMAIN_STATE_RUNNING, REASON_RUNNING_FROM_SNAPSHOT);
}

static void
test_revert_config (Fixture *f, gconstpointer data)
{
  g_autoptr(GVirDomainSnapshot) before = NULL;
  g_autoptr(GVirConfigDomain) conf = NULL;
  g_autoptr(GError) error = NULL;
  guint64 memory;

  stop_domain (f);
  memory = domain_memory (f->dom);
  before = create_named (f->dom, "before", NULL);

  conf = gvir_domain_get_config (f->dom, 0, &error);
  g_assert_no_error (error);
  gvir_config_domain_set_memory (conf, memory / 2);
  g_assert_true (gvir_domain_set_config (f->dom, conf, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (domain_memory (f->dom), ==, memory / 2);

  revert (before, 0);
  g_assert_cmpuint (domain_memory (f->dom), ==, memory);
  assert_state (f->dom, GVIR_DOMAIN_STATE_SHUTOFF, REASON_SHUTOFF_FROM_SNAPSHOT);
}

static void
test_delete (Fixture *f, gconstpointer data)
{
  g_autoptr(GVirDomainSnapshot) s1 = create_named (f->dom, "s1", NULL);
  g_autoptr(GVirDomainSnapshot) s2 = create_named (f->dom, "s2", NULL);
  g_autoptr(GVirDomainSnapshot) s3 = create_named (f->dom, "s3", NULL);
  g_autoptr(GVirDomainSnapshot) s4 = NULL;
  g_autoptr(GVirConfigDomainSnapshot) conf3 = NULL;
  g_autoptr(GError) error = NULL;
  gboolean current;

  revert (s1, 0);
  s4 = create_named (f->dom, "s4", NULL);
  assert_names (f->dom, GVIR_DOMAIN_SNAPSHOT_LIST_LEAVES, "s3,s4");

  /* The children of a deleted snapshot go to its parent. */
  g_assert_true (gvir_domain_snapshot_delete (s2, 0, &error));
  g_assert_no_error (error);
  conf3 = get_config (s3);
  g_assert_cmpstr (gvir_config_domain_snapshot_get_parent (conf3), ==, "s1");
  assert_names (f->dom, 0, "s1,s3,s4");

  g_assert_false (gvir_domain_snapshot_get_is_current (s2, 0, &current, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The current snapshot (s4) goes; its parent becomes current. */
  g_assert_true (gvir_domain_snapshot_delete (s1, GVIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN_ONLY,
                                              &error));
  g_assert_no_error (error);
  g_assert_true (is_current (s1));
  /* The domain forgot the deleted ones without a fetch. */
  {
    GList *list = gvir_domain_get_snapshots (f->dom);

    g_assert_cmpuint (g_list_length (list), ==, 1);
    g_assert_true (list->data == (gpointer) s1);
    g_list_free_full (list, g_object_unref);
  }
  assert_names (f->dom, 0, "s1");

  g_assert_true (gvir_domain_snapshot_delete (s1, GVIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN, &error));
  g_assert_no_error (error);
  assert_names (f->dom, 0, "");
  g_assert_false (has_current (f->dom));
}

static void
test_set_config (Fixture *f, gconstpointer data)
{
  g_autoptr(GVirDomainSnapshot) s1 = create_named (f->dom, "s1", "old");
  g_autoptr(GVirDomainSnapshot) s2 = create_named (f->dom, "s2", NULL);
  g_autoptr(GVirConfigDomainSnapshot) conf = get_config (s1);
  g_autoptr(GVirConfigDomainSnapshot) after = NULL;
  g_autoptr(GVirConfigDomainSnapshot) nameless = gvir_config_domain_snapshot_new ();
  g_autoptr(GError) error = NULL;

  gvir_config_domain_snapshot_set_description (conf, "new");
  g_assert_true (gvir_domain_snapshot_set_config (s1, conf, &error));
  g_assert_no_error (error);
  after = get_config (s1);
  g_assert_cmpstr (gvir_config_domain_snapshot_get_description (after), ==, "new");
  /* A redefinition leaves the current snapshot alone. */
  g_assert_true (is_current (s2));

  g_assert_false (gvir_domain_snapshot_set_config (s1, nameless, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_XML);
}

static void
test_flags_errors (Fixture *f, gconstpointer data)
{
  g_autoptr(GVirDomainSnapshot) s1 = create_named (f->dom, "s1", NULL);
  g_autoptr(GError) error = NULL;
  gboolean current = 2;

  g_assert_false (gvir_domain_snapshot_revert_to (s1, GVIR_DOMAIN_SNAPSHOT_REVERT_RUNNING |
                                                      GVIR_DOMAIN_SNAPSHOT_REVERT_PAUSED, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_assert_false (gvir_domain_snapshot_get_is_current (s1, 1, &current, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_assert_cmpint (current, ==, 2);
  g_clear_error (&error);

  g_assert_false (gvir_domain_snapshot_delete (s1, 1 << 5, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);
  assert_names (f->dom, 0, "s1");
}

static void
test_undefine (Fixture *f, gconstpointer data)
{
  g_autoptr(GVirDomainSnapshot) s1 = create_named (f->dom, "s1", NULL);
  g_autoptr(GError) error = NULL;

  stop_domain (f);
  g_assert_false (gvir_domain_delete (f->dom, 0, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
  g_clear_error (&error);

  g_assert_true (is_current (s1));

  g_assert_true (gvir_domain_delete (f->dom, GVIR_DOMAIN_DELETE_SNAPSHOTS_METADATA, &error));
  g_assert_no_error (error);
}

static void
test_halt (Fixture *f, gconstpointer data)
{
  g_autoptr(GVirDomainSnapshot) s1 = NULL;
  g_autoptr(GVirConfigDomainSnapshot) conf = NULL;
  g_autoptr(GError) error = NULL;

  s1 = gvir_domain_create_snapshot (f->dom, NULL, GVIR_DOMAIN_SNAPSHOT_HALT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (s1);
  recorder_expect (&f->rec, "stopped::from-snapshot", NULL);
  assert_state (f->dom, GVIR_DOMAIN_STATE_SHUTOFF, REASON_SHUTOFF_FROM_SNAPSHOT);
  /* Unnamed: named after its creation time. */
  conf = get_config (s1);
  g_assert_cmpint (g_ascii_strtoll (gvir_domain_snapshot_get_name (s1), NULL, 10), ==,
                   (gint64) gvir_config_domain_snapshot_get_creation_time (conf));
  g_assert_cmpint (gvir_config_domain_snapshot_get_state (conf), ==,
                   GVIR_CONFIG_DOMAIN_SNAPSHOT_DOMAIN_STATE_RUNNING);

  revert (s1, 0);
  recorder_expect (&f->rec, "started::from-snapshot", NULL);
}

static void
test_async (Fixture *f, gconstpointer data)
{
  g_autoptr(GVirConfigDomainSnapshot) conf = gvir_config_domain_snapshot_new ();
  g_autoptr(GVirDomainSnapshot) snap = NULL;
  g_autoptr(GError) error = NULL;
  AsyncWait wait = { 0 };
  GAsyncResult *res;
  GList *list;

  gvir_config_domain_snapshot_set_name (conf, "a1");
  gvir_domain_create_snapshot_async (f->dom, conf, 0, NULL, async_wait_cb, &wait);
  res = async_wait_finish (&wait, "create");
  snap = gvir_domain_create_snapshot_finish (f->dom, res, &error);
  g_object_unref (res);
  g_assert_no_error (error);
  g_assert_cmpstr (gvir_domain_snapshot_get_name (snap), ==, "a1");

  gvir_domain_fetch_snapshots_async (f->dom, 0, NULL, async_wait_cb, &wait);
  res = async_wait_finish (&wait, "fetch");
  g_assert_true (gvir_domain_fetch_snapshots_finish (f->dom, res, &error));
  g_object_unref (res);
  g_assert_no_error (error);
  list = gvir_domain_get_snapshots (f->dom);
  g_assert_cmpuint (g_list_length (list), ==, 1);
  g_assert_true (list->data == (gpointer) snap);
  g_list_free_full (list, g_object_unref);

  stop_domain (f);
  gvir_domain_snapshot_revert_to_async (snap, 0, NULL, async_wait_cb, &wait);
  res = async_wait_finish (&wait, "revert");
  g_assert_true (gvir_domain_snapshot_revert_to_finish (snap, res, &error));
  g_object_unref (res);
  g_assert_no_error (error);
  recorder_expect (&f->rec, "started::from-snapshot", NULL);
  assert_state (f->dom, GVIR_DOMAIN_STATE_RUNNING, REASON_RUNNING_FROM_SNAPSHOT);

  gvir_domain_snapshot_delete_async (snap, 0, NULL, async_wait_cb, &wait);
  res = async_wait_finish (&wait, "delete");
  g_assert_true (gvir_domain_snapshot_delete_finish (snap, res, &error));
  g_object_unref (res);
  g_assert_no_error (error);
  assert_names (f->dom, 0, "");

  /* A failure arrives through the callback. */
  gvir_domain_snapshot_delete_async (snap, 0, NULL, async_wait_cb, &wait);
  res = async_wait_finish (&wait, "delete again");
  g_assert_false (gvir_domain_snapshot_delete_finish (snap, res, &error));
  g_object_unref (res);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
}

static void
test_after_close (Fixture *f, gconstpointer data)
{
  g_autoptr(GVirDomainSnapshot) s1 = create_named (f->dom, "s1", NULL);
  g_autoptr(GError) error = NULL;
  gboolean has = 2;

  gvir_connection_close (f->conn);
  g_assert_false (gvir_domain_snapshot_revert_to (s1, 0, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  g_clear_error (&error);
  g_assert_false (gvir_domain_get_has_current_snapshot (f->dom, 0, &has, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  g_assert_cmpint (has, ==, 2);
  /* The cache outlives the connection. */
  g_assert_cmpstr (gvir_domain_snapshot_get_name (s1), ==, "s1");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/gvir/snapshot/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("create-and-list", test_create_and_list);
  ADD ("create-errors", test_create_errors);
  ADD ("revert-state", test_revert_state);
  ADD ("revert-config", test_revert_config);
  ADD ("delete", test_delete);
  ADD ("set-config", test_set_config);
  ADD ("flags-errors", test_flags_errors);
  ADD ("undefine", test_undefine);
  ADD ("halt", test_halt);
  ADD ("async", test_async);
  ADD ("after-close", test_after_close);
#undef ADD

  return g_test_run ();
}
