/*
 * test-gobject-domain.c: GVirDomain against test:///default
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "test-gobject-common.h"

typedef struct
{
  GVirConnection *conn;
  GVirDomain *dom;
  Recorder rec;
  char *dir;                /* a temporary directory, removed at teardown */
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->conn = open_test_connection ();
  f->dom = fetch_test_domain (f->conn);
  /* Let the signals of the setup itself go by unrecorded. */
  spin_idle (NULL);
  recorder_watch_connection (&f->rec, f->conn);
  recorder_watch_domain (&f->rec, f->dom);
  f->dir = g_dir_make_tmp ("gvir-domain-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);

      g_remove (file);
    }
  g_rmdir (path);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  close_and_finalize (f->conn);
  assert_finalized_soon (f->dom);
  remove_dir (f->dir);
  g_free (f->dir);
}

static gint
get_id_ok (GVirDomain *dom)
{
  g_autoptr(GError) error = NULL;
  gint id = gvir_domain_get_id (dom, &error);

  g_assert_no_error (error);
  return id;
}

static void
assert_no_id (GVirDomain *dom)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (gvir_domain_get_id (dom, &error), ==, -1);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
}

static void
test_lifecycle_sync (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint old_id, new_id;

  old_id = get_id_ok (f->dom);
  g_assert_cmpint (old_id, ==, 1);
  assert_state (f->dom, GVIR_DOMAIN_STATE_RUNNING, REASON_RUNNING_UNKNOWN);

  g_assert_true (gvir_domain_suspend (f->dom, &error));
  g_assert_no_error (error);
  assert_state (f->dom, GVIR_DOMAIN_STATE_PAUSED, REASON_PAUSED_USER);
  recorder_expect (&f->rec, "suspended::paused", NULL);

  /* Suspending twice is refused with a state error. */
  g_assert_false (gvir_domain_suspend (f->dom, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
  g_clear_error (&error);
  recorder_expect (&f->rec, NULL);

  g_assert_true (gvir_domain_resume (f->dom, &error));
  g_assert_no_error (error);
  assert_state (f->dom, GVIR_DOMAIN_STATE_RUNNING, REASON_RUNNING_UNPAUSED);
  recorder_expect (&f->rec, "resumed::unpaused", NULL);

  g_assert_true (gvir_domain_stop (f->dom, 0, &error));
  g_assert_no_error (error);
  assert_state (f->dom, GVIR_DOMAIN_STATE_SHUTOFF, REASON_SHUTOFF_DESTROYED);
  recorder_expect (&f->rec, "stopped::destroyed", NULL);
  assert_no_id (f->dom);
  /* Persistent: still in the cache. */
  g_assert_cmpuint (f->rec.removed, ==, 0);

  g_assert_true (gvir_domain_start (f->dom, 0, &error));
  g_assert_no_error (error);
  assert_state (f->dom, GVIR_DOMAIN_STATE_RUNNING, REASON_RUNNING_BOOTED);
  recorder_expect (&f->rec, "started::booted", NULL);
  new_id = get_id_ok (f->dom);
  g_assert_cmpint (new_id, >, old_id);
  {
    g_autoptr(GVirDomain) by_id = gvir_connection_find_domain_by_id (f->conn, new_id);
    g_assert_true (by_id == f->dom);
  }

  g_assert_false (gvir_domain_get_saved (f->dom));
  g_assert_true (gvir_domain_save (f->dom, 0, &error));
  g_assert_no_error (error);
  assert_state (f->dom, GVIR_DOMAIN_STATE_SHUTOFF, REASON_SHUTOFF_SAVED);
  recorder_expect (&f->rec, "stopped::saved", NULL);
  g_assert_true (gvir_domain_get_saved (f->dom));

  g_assert_true (gvir_domain_start (f->dom, 0, &error));
  g_assert_no_error (error);
  assert_state (f->dom, GVIR_DOMAIN_STATE_RUNNING, REASON_RUNNING_RESTORED);
  recorder_expect (&f->rec, "started::restored", NULL);
  g_assert_false (gvir_domain_get_saved (f->dom));
  g_assert_true (f->rec.thread == g_thread_self ());
  g_assert_cmpuint (f->rec.added, ==, 0);
  g_assert_cmpuint (f->rec.removed, ==, 0);
}

typedef gboolean (*FinishFunc) (GVirDomain *dom, GAsyncResult *result, GError **error);

static void
finish_ok (GVirDomain *dom, AsyncWait *wait, FinishFunc finish, const char *what)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = async_wait_finish (wait, what);

  g_assert_true (finish (dom, result, &error));
  g_assert_no_error (error);
}

static void
test_lifecycle_async (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) id_result = NULL;
  g_autoptr(GAsyncResult) state_result = NULL;
  AsyncWait wait = { 0 };
  guint reason = 0;

  gvir_domain_suspend_async (f->dom, NULL, async_wait_cb, &wait);
  finish_ok (f->dom, &wait, gvir_domain_suspend_finish, "gvir_domain_suspend_async");
  assert_state (f->dom, GVIR_DOMAIN_STATE_PAUSED, REASON_PAUSED_USER);
  recorder_expect (&f->rec, "suspended::paused", NULL);

  gvir_domain_resume_async (f->dom, NULL, async_wait_cb, &wait);
  finish_ok (f->dom, &wait, gvir_domain_resume_finish, "gvir_domain_resume_async");
  assert_state (f->dom, GVIR_DOMAIN_STATE_RUNNING, REASON_RUNNING_UNPAUSED);
  recorder_expect (&f->rec, "resumed::unpaused", NULL);

  gvir_domain_stop_async (f->dom, 0, NULL, async_wait_cb, &wait);
  finish_ok (f->dom, &wait, gvir_domain_stop_finish, "gvir_domain_stop_async");
  assert_state (f->dom, GVIR_DOMAIN_STATE_SHUTOFF, REASON_SHUTOFF_DESTROYED);
  recorder_expect (&f->rec, "stopped::destroyed", NULL);

  gvir_domain_start_async (f->dom, 0, NULL, async_wait_cb, &wait);
  finish_ok (f->dom, &wait, gvir_domain_start_finish, "gvir_domain_start_async");
  assert_state (f->dom, GVIR_DOMAIN_STATE_RUNNING, REASON_RUNNING_BOOTED);
  recorder_expect (&f->rec, "started::booted", NULL);

  gvir_domain_get_id_async (f->dom, NULL, async_wait_cb, &wait);
  id_result = async_wait_finish (&wait, "gvir_domain_get_id_async");
  g_assert_cmpint (gvir_domain_get_id_finish (f->dom, id_result, &error), ==, 2);
  g_assert_no_error (error);

  gvir_domain_save_async (f->dom, 0, NULL, async_wait_cb, &wait);
  finish_ok (f->dom, &wait, gvir_domain_save_finish, "gvir_domain_save_async");
  assert_state (f->dom, GVIR_DOMAIN_STATE_SHUTOFF, REASON_SHUTOFF_SAVED);
  recorder_expect (&f->rec, "stopped::saved", NULL);
  g_assert_true (gvir_domain_get_saved (f->dom));

  gvir_domain_start_async (f->dom, 0, NULL, async_wait_cb, &wait);
  finish_ok (f->dom, &wait, gvir_domain_start_finish, "gvir_domain_start_async");
  recorder_expect (&f->rec, "started::restored", NULL);

  gvir_domain_get_state_async (f->dom, NULL, async_wait_cb, &wait);
  state_result = async_wait_finish (&wait, "gvir_domain_get_state_async");
  g_assert_cmpint (gvir_domain_get_state_finish (f->dom, state_result, &reason, &error), ==,
                   GVIR_DOMAIN_STATE_RUNNING);
  g_assert_no_error (error);
  g_assert_cmpuint (reason, ==, REASON_RUNNING_RESTORED);
}

static void
test_async_errors (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) cancelled_result = NULL;
  AsyncWait wait = { 0 };

  /* A state error travels through the async path intact. */
  gvir_domain_resume_async (f->dom, NULL, async_wait_cb, &wait);
  result = async_wait_finish (&wait, "gvir_domain_resume_async");
  g_assert_false (gvir_domain_resume_finish (f->dom, result, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
  g_clear_error (&error);

  g_cancellable_cancel (cancellable);
  gvir_domain_stop_async (f->dom, 0, cancellable, async_wait_cb, &wait);
  cancelled_result = async_wait_finish (&wait, "a cancelled gvir_domain_stop_async");
  g_assert_false (gvir_domain_stop_finish (f->dom, cancelled_result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  assert_state (f->dom, GVIR_DOMAIN_STATE_RUNNING, REASON_RUNNING_UNKNOWN);
  recorder_expect (&f->rec, NULL);
}

/* ---- shutdown and reboot ----------------------------------------------------- */

/* Shutting down ends the guest (on_poweroff is "destroy" by default): the
 * domain is shut off with reason SHUTDOWN, emits stopped::shutdown once,
 * loses its id and, being persistent, stays in the cache. */
static void
check_shut_down (Fixture *f, gint old_id)
{
  g_autoptr(GError) error = NULL;

  assert_state (f->dom, GVIR_DOMAIN_STATE_SHUTOFF, REASON_SHUTOFF_SHUTDOWN);
  recorder_expect (&f->rec, "stopped::shutdown", NULL);
  assert_no_id (f->dom);
  g_assert_cmpuint (f->rec.removed, ==, 0);
  g_assert_true (gvir_domain_get_persistent (f->dom));
  g_assert_false (gvir_domain_get_saved (f->dom));

  /* Nothing runs any more, so a second shutdown is a state error and
   * changes nothing. */
  g_assert_false (gvir_domain_shutdown (f->dom, 0, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
  g_clear_error (&error);
  assert_state (f->dom, GVIR_DOMAIN_STATE_SHUTOFF, REASON_SHUTOFF_SHUTDOWN);
  recorder_expect (&f->rec, NULL);

  /* It boots again under a new id. */
  g_assert_true (gvir_domain_start (f->dom, 0, &error));
  g_assert_no_error (error);
  assert_state (f->dom, GVIR_DOMAIN_STATE_RUNNING, REASON_RUNNING_BOOTED);
  recorder_expect (&f->rec, "started::booted", NULL);
  g_assert_cmpint (get_id_ok (f->dom), >, old_id);
}

static void
test_shutdown_sync (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint old_id = get_id_ok (f->dom);

  g_assert_true (gvir_domain_shutdown (f->dom, GVIR_DOMAIN_SHUTDOWN_NONE, &error));
  g_assert_no_error (error);
  check_shut_down (f, old_id);
}

static void
test_shutdown_async (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) cancelled = NULL;
  gint old_id = get_id_ok (f->dom);
  AsyncWait wait = { 0 };

  /* Cancelled before it ran: nothing happens. */
  g_cancellable_cancel (cancellable);
  gvir_domain_shutdown_async (f->dom, 0, cancellable, async_wait_cb, &wait);
  cancelled = async_wait_finish (&wait, "a cancelled gvir_domain_shutdown_async");
  g_assert_false (gvir_domain_shutdown_finish (f->dom, cancelled, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  assert_state (f->dom, GVIR_DOMAIN_STATE_RUNNING, REASON_RUNNING_UNKNOWN);
  recorder_expect (&f->rec, NULL);

  gvir_domain_shutdown_async (f->dom, 0, NULL, async_wait_cb, &wait);
  finish_ok (f->dom, &wait, gvir_domain_shutdown_finish, "gvir_domain_shutdown_async");
  check_shut_down (f, old_id);
}

/* Rebooting restarts the guest in place (on_reboot is "restart" by
 * default): it keeps running under the same id, now with reason BOOTED,
 * and like libvirt's test driver emits no lifecycle signal at all. */
static void
check_rebooted (Fixture *f, gint old_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDomainInfo) info = NULL;

  assert_state (f->dom, GVIR_DOMAIN_STATE_RUNNING, REASON_RUNNING_BOOTED);
  recorder_expect (&f->rec, NULL);
  g_assert_cmpint (get_id_ok (f->dom), ==, old_id);
  info = gvir_domain_get_info (f->dom, &error);
  g_assert_no_error (error);
  g_assert_cmpint (info->state, ==, GVIR_DOMAIN_STATE_RUNNING);

  /* A shut-off domain cannot reboot. */
  g_assert_true (gvir_domain_stop (f->dom, 0, &error));
  g_assert_no_error (error);
  recorder_expect (&f->rec, "stopped::destroyed", NULL);
  g_assert_false (gvir_domain_reboot (f->dom, 0, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
  assert_state (f->dom, GVIR_DOMAIN_STATE_SHUTOFF, REASON_SHUTOFF_DESTROYED);
  recorder_expect (&f->rec, NULL);
}

static void
test_reboot_sync (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint old_id = get_id_ok (f->dom);

  g_assert_true (gvir_domain_reboot (f->dom, GVIR_DOMAIN_REBOOT_NONE, &error));
  g_assert_no_error (error);
  check_rebooted (f, old_id);
}

static void
test_reboot_async (Fixture *f, gconstpointer data)
{
  gint old_id = get_id_ok (f->dom);
  AsyncWait wait = { 0 };

  gvir_domain_reboot_async (f->dom, 0, NULL, async_wait_cb, &wait);
  finish_ok (f->dom, &wait, gvir_domain_reboot_finish, "gvir_domain_reboot_async");
  check_rebooted (f, old_id);
}

/* The <on_poweroff> and <on_reboot> actions of the definition decide
 * what shutdown and reboot do, as in libvirt. */
static void
test_lifecycle_actions (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirConfigDomain) conf = parse_domain_config (
    "<domain type='test'><name>actions</name>"
    "<uuid>11111111-2222-3333-4444-0000000000a1</uuid>"
    "<memory unit='KiB'>65536</memory><vcpu>1</vcpu><os><type>hvm</type></os>"
    "<on_poweroff>restart</on_poweroff><on_reboot>destroy</on_reboot>"
    "</domain>");
  g_autoptr(GVirDomain) dom = NULL;
  Recorder rec = { 0 };
  gint id;

  dom = gvir_connection_create_domain (f->conn, conf, &error);
  g_assert_no_error (error);
  recorder_watch_domain (&rec, dom);
  g_assert_true (gvir_domain_start (dom, 0, &error));
  g_assert_no_error (error);
  recorder_expect (&rec, "started::booted", NULL);
  id = get_id_ok (dom);

  /* on_poweroff=restart: the guest comes straight back, silently. */
  g_assert_true (gvir_domain_shutdown (dom, 0, &error));
  g_assert_no_error (error);
  assert_state (dom, GVIR_DOMAIN_STATE_RUNNING, REASON_RUNNING_BOOTED);
  recorder_expect (&rec, NULL);
  g_assert_cmpint (get_id_ok (dom), ==, id);

  /* on_reboot=destroy: a reboot ends it like a shutdown. */
  g_assert_true (gvir_domain_reboot (dom, 0, &error));
  g_assert_no_error (error);
  assert_state (dom, GVIR_DOMAIN_STATE_SHUTOFF, REASON_SHUTOFF_SHUTDOWN);
  recorder_expect (&rec, "stopped::shutdown", NULL);
  assert_no_id (dom);

  g_assert_true (gvir_domain_delete (dom, 0, &error));
  g_assert_no_error (error);
  spin_until (NULL, &f->rec.removed, 1, "signal domain-removed");
  recorder_expect (&rec, NULL);
  recorder_expect (&f->rec, NULL);
}

/* A transient domain that shuts down no longer exists. */
static void
test_shutdown_transient (Fixture *f, gconstpointer data)
{
  const char *uuid = "11111111-2222-3333-4444-0000000000a2";
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirConfigDomain) conf = make_domain_config ("transient-shutdown", uuid);
  g_autoptr(GVirDomain) dom = NULL;
  Recorder rec = { 0 };

  dom = gvir_connection_start_domain (f->conn, conf, 0, &error);
  g_assert_no_error (error);
  recorder_watch_domain (&rec, dom);
  recorder_expect (&rec, "started::booted", NULL);
  g_assert_cmpuint (f->rec.added, ==, 1);

  g_assert_true (gvir_domain_shutdown (dom, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gvir_domain_get_state (dom, NULL, &error), ==, GVIR_DOMAIN_STATE_NONE);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
  recorder_expect (&rec, "stopped::shutdown", NULL);
  g_assert_cmpuint (f->rec.removed, ==, 1);
  g_assert_null (gvir_connection_get_domain (f->conn, uuid));
}

/* ---- configuration ------------------------------------------------------------ */

static char *
config_xml (GVirDomain *dom, guint flags)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirConfigDomain) conf = gvir_domain_get_config (dom, flags, &error);

  g_assert_no_error (error);
  g_assert_nonnull (conf);
  return gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (conf));
}

/* The target device names of the disks of @conf, e.g. "vda vdb". */
static char *
disk_targets (GVirConfigDomain *conf)
{
  GList *devices = gvir_config_domain_get_devices (conf);
  GString *names = g_string_new (NULL);

  for (GList *l = devices; l != NULL; l = l->next)
    if (GVIR_CONFIG_IS_DOMAIN_DISK (l->data))
      g_string_append_printf (names, "%s%s", names->len > 0 ? " " : "",
                              gvir_config_domain_disk_get_target_dev (l->data));
  g_list_free_full (devices, g_object_unref);
  return g_string_free (names, FALSE);
}

/* Changes memory, vCPUs, title, description and adds a disk. */
static void
change_config (GVirConfigDomain *conf, guint64 memory_kib, guint vcpus, const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirConfigDomainDisk) disk = gvir_config_domain_disk_new_from_xml (
    "<disk type='file' device='disk'><source file='/guest/second.img'/>"
    "<target dev='vdb' bus='virtio'/></disk>", &error);

  g_assert_no_error (error);
  gvir_config_domain_set_memory (conf, memory_kib);
  gvir_config_domain_set_vcpus (conf, vcpus);
  gvir_config_domain_set_title (conf, title);
  gvir_config_domain_set_description (conf, "set by the test");
  gvir_config_domain_add_device (conf, GVIR_CONFIG_DOMAIN_DEVICE (disk));
}

static void
assert_config (GVirDomain *dom, guint flags, guint64 memory_kib, guint vcpus,
               const char *title, const char *disks)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirConfigDomain) conf = gvir_domain_get_config (dom, flags, &error);
  g_autofree char *targets = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (gvir_config_domain_get_name (conf), ==, gvir_domain_get_name (dom));
  g_assert_cmpstr (gvir_config_domain_get_uuid (conf), ==, gvir_domain_get_uuid (dom));
  g_assert_cmpuint (gvir_config_domain_get_memory (conf), ==, memory_kib);
  g_assert_cmpuint (gvir_config_domain_get_vcpus (conf), ==, vcpus);
  g_assert_cmpstr (gvir_config_domain_get_title (conf), ==, title);
  targets = disk_targets (conf);
  g_assert_cmpstr (targets, ==, disks);
}

static void
assert_info (GVirDomain *dom, guint64 max_mem_kib, guint vcpus)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDomainInfo) info = gvir_domain_get_info (dom, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (info->max_mem, ==, max_mem_kib);
  g_assert_cmpuint (info->nr_virt_cpu, ==, vcpus);
}

/* On a running domain the new configuration is the persistent one: the
 * live definition stays as it was until the domain stops. */
static void
test_set_config_running (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirConfigDomain) conf = gvir_domain_get_config (f->dom, GVIR_DOMAIN_XML_INACTIVE,
                                                             &error);
  g_autofree char *live_before = config_xml (f->dom, 0);
  g_autofree char *live_after = NULL;

  g_assert_no_error (error);
  assert_config (f->dom, GVIR_DOMAIN_XML_INACTIVE, 8388608, 2, NULL, "vda");
  change_config (conf, 4194304, 4, "changed");

  g_assert_true (gvir_domain_set_config (f->dom, conf, &error));
  g_assert_no_error (error);
  assert_config (f->dom, GVIR_DOMAIN_XML_INACTIVE, 4194304, 4, "changed", "vda vdb");
  recorder_expect (&f->rec, "updated", NULL);

  /* Still running, under the same id, on the old definition. */
  assert_state (f->dom, GVIR_DOMAIN_STATE_RUNNING, REASON_RUNNING_UNKNOWN);
  g_assert_cmpint (get_id_ok (f->dom), ==, 1);
  live_after = config_xml (f->dom, 0);
  g_assert_cmpstr (live_after, ==, live_before);
  assert_info (f->dom, 8388608, 2);

  /* Once stopped, the new definition is the only one. */
  g_assert_true (gvir_domain_stop (f->dom, 0, &error));
  g_assert_no_error (error);
  recorder_expect (&f->rec, "stopped::destroyed", NULL);
  assert_config (f->dom, 0, 4194304, 4, "changed", "vda vdb");
  assert_info (f->dom, 4194304, 4);
  g_assert_true (gvir_domain_start (f->dom, 0, &error));
  g_assert_no_error (error);
  recorder_expect (&f->rec, "started::booted", NULL);
  assert_config (f->dom, 0, 4194304, 4, "changed", "vda vdb");
  assert_info (f->dom, 4194304, 4);
  g_assert_cmpuint (f->rec.added, ==, 0);
}

/* On a shut-off domain the new configuration replaces the only one. */
static void
test_set_config_async (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirConfigDomain) conf = NULL;
  g_autoptr(GVirConfigDomain) stranger =
    make_domain_config ("test", "11111111-2222-3333-4444-0000000000b1");
  g_autoptr(GAsyncResult) refused = NULL;
  g_autofree char *live = NULL;
  g_autofree char *persistent = NULL;
  AsyncWait wait = { 0 };

  g_assert_true (gvir_domain_stop (f->dom, 0, &error));
  g_assert_no_error (error);
  recorder_expect (&f->rec, "stopped::destroyed", NULL);
  conf = gvir_domain_get_config (f->dom, 0, &error);
  g_assert_no_error (error);
  change_config (conf, 1048576, 3, "async");

  gvir_domain_set_config_async (f->dom, conf, NULL, async_wait_cb, &wait);
  finish_ok (f->dom, &wait, gvir_domain_set_config_finish, "gvir_domain_set_config_async");
  assert_config (f->dom, 0, 1048576, 3, "async", "vda vdb");
  assert_config (f->dom, GVIR_DOMAIN_XML_INACTIVE, 1048576, 3, "async", "vda vdb");
  recorder_expect (&f->rec, "updated", NULL);
  live = config_xml (f->dom, 0);
  persistent = config_xml (f->dom, GVIR_DOMAIN_XML_INACTIVE);
  g_assert_cmpstr (live, ==, persistent);
  assert_info (f->dom, 1048576, 3);
  assert_state (f->dom, GVIR_DOMAIN_STATE_SHUTOFF, REASON_SHUTOFF_DESTROYED);

  /* A refusal travels through the async path with its code. */
  gvir_domain_set_config_async (f->dom, stranger, NULL, async_wait_cb, &wait);
  refused = async_wait_finish (&wait, "a refused gvir_domain_set_config_async");
  g_assert_false (gvir_domain_set_config_finish (f->dom, refused, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  assert_config (f->dom, 0, 1048576, 3, "async", "vda vdb");
  recorder_expect (&f->rec, NULL);
}

typedef struct
{
  const char *what;
  const char *xml;
  gint code;                /* GVirError */
} RefusedConfig;

static const RefusedConfig refused_configs[] = {
  { "another domain's UUID",
    "<domain type='test'><name>test</name><uuid>11111111-2222-3333-4444-0000000000b2</uuid>"
    "<memory unit='KiB'>65536</memory><vcpu>1</vcpu><os><type>hvm</type></os></domain>",
    GVIR_ERROR_INVALID_ARGUMENT },
  { "no UUID",
    "<domain type='test'><name>test</name>"
    "<memory unit='KiB'>65536</memory><vcpu>1</vcpu><os><type>hvm</type></os></domain>",
    GVIR_ERROR_INVALID_ARGUMENT },
  { "another name (a rename)",
    "<domain type='test'><name>renamed</name><uuid>" TEST_DOMAIN_UUID "</uuid>"
    "<memory unit='KiB'>65536</memory><vcpu>1</vcpu><os><type>hvm</type></os></domain>",
    GVIR_ERROR_EXISTS },
  { "no vCPU",
    "<domain type='test'><name>test</name><uuid>" TEST_DOMAIN_UUID "</uuid>"
    "<memory unit='KiB'>65536</memory><vcpu>0</vcpu><os><type>hvm</type></os></domain>",
    GVIR_ERROR_XML },
  { "no memory size",
    "<domain type='test'><name>test</name><uuid>" TEST_DOMAIN_UUID "</uuid>"
    "<vcpu>1</vcpu><os><type>hvm</type></os></domain>",
    GVIR_ERROR_XML },
  { "a memory size in an unknown unit",
    "<domain type='test'><name>test</name><uuid>" TEST_DOMAIN_UUID "</uuid>"
    "<memory unit='lots'>1</memory><vcpu>1</vcpu><os><type>hvm</type></os></domain>",
    GVIR_ERROR_XML },
};

/* A refused configuration changes nothing: both definitions stay byte for
 * byte what they were, and no signal is emitted. */
static void
test_set_config_refused (Fixture *f, gconstpointer data)
{
  g_autofree char *live = config_xml (f->dom, 0);
  g_autofree char *persistent = config_xml (f->dom, GVIR_DOMAIN_XML_INACTIVE);

  for (gsize i = 0; i < G_N_ELEMENTS (refused_configs); i++)
    {
      const RefusedConfig *c = &refused_configs[i];
      g_autoptr(GVirConfigDomain) conf = parse_domain_config (c->xml);
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) async_error = NULL;
      g_autofree char *live_after = NULL;
      g_autofree char *persistent_after = NULL;
      GList *domains;
      AsyncWait wait = { 0 };

      g_test_message ("configuration with %s", c->what);
      g_assert_false (gvir_domain_set_config (f->dom, conf, &error));
      g_assert_error (error, GVIR_ERROR, c->code);
      g_clear_error (&error);

      gvir_domain_set_config_async (f->dom, conf, NULL, async_wait_cb, &wait);
      result = async_wait_finish (&wait, "a refused gvir_domain_set_config_async");
      g_assert_false (gvir_domain_set_config_finish (f->dom, result, &async_error));
      g_assert_error (async_error, GVIR_ERROR, c->code);

      live_after = config_xml (f->dom, 0);
      persistent_after = config_xml (f->dom, GVIR_DOMAIN_XML_INACTIVE);
      g_assert_cmpstr (live_after, ==, live);
      g_assert_cmpstr (persistent_after, ==, persistent);
      recorder_expect (&f->rec, NULL);
      g_assert_cmpuint (f->rec.added, ==, 0);
      g_assert_cmpuint (f->rec.removed, ==, 0);
      g_assert_true (gvir_connection_fetch_domains (f->conn, NULL, &error));
      g_assert_no_error (error);
      domains = gvir_connection_get_domains (f->conn);
      g_assert_cmpuint (g_list_length (domains), ==, 1);
      g_list_free_full (domains, g_object_unref);
      g_assert_cmpstr (gvir_domain_get_name (f->dom), ==, "test");
    }
}

static void
test_config_round_trip (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirConfigDomain) conf = NULL;
  g_autoptr(GVirConfigDomain) again = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *before = config_xml (f->dom, GVIR_DOMAIN_XML_INACTIVE);
  g_autofree char *after = NULL;
  AsyncWait wait = { 0 };

  conf = gvir_domain_get_config (f->dom, GVIR_DOMAIN_XML_INACTIVE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (conf);
  g_assert_cmpstr (gvir_config_domain_get_name (conf), ==, "test");
  g_assert_cmpstr (gvir_config_domain_get_uuid (conf), ==, TEST_DOMAIN_UUID);

  /* Setting the unchanged definition is an update that changes nothing. */
  g_assert_true (gvir_domain_set_config (f->dom, conf, &error));
  g_assert_no_error (error);
  recorder_expect (&f->rec, "updated", NULL);
  after = config_xml (f->dom, GVIR_DOMAIN_XML_INACTIVE);
  g_assert_cmpstr (after, ==, before);

  gvir_domain_get_config_async (f->dom, 0, NULL, async_wait_cb, &wait);
  result = async_wait_finish (&wait, "gvir_domain_get_config_async");
  again = gvir_domain_get_config_finish (f->dom, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gvir_config_domain_get_name (again), ==, "test");
  g_assert_cmpuint (gvir_config_domain_get_memory (again), ==, 8388608);
}

/* ---- saving to a file ---------------------------------------------------------- */

static void
test_save_to_file_async (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "test.save", NULL);
  g_autofree char *custom_path = g_build_filename (f->dir, "custom.save", NULL);
  g_autofree char *nowhere = g_build_filename (f->dir, "missing", "test.save", NULL);
  g_autoptr(GVirConfigDomain) custom = gvir_domain_get_config (f->dom, GVIR_DOMAIN_XML_INACTIVE,
                                                               &error);
  g_autoptr(GVirConfigDomain) stranger =
    make_domain_config ("stranger", "11111111-2222-3333-4444-0000000000c1");
  g_autoptr(GAsyncResult) result = NULL;
  AsyncWait wait = { 0 };
  gint old_id = get_id_ok (f->dom);

  g_assert_no_error (error);

  /* A file that cannot be written, or a replacement definition of another
   * domain, leaves the domain running. */
  g_assert_false (gvir_domain_save_to_file (f->dom, nowhere, NULL, 0, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_FAILED);
  g_clear_error (&error);
  gvir_domain_save_to_file_async (f->dom, path, stranger, 0, NULL, async_wait_cb, &wait);
  result = async_wait_finish (&wait, "a refused gvir_domain_save_to_file_async");
  g_assert_false (gvir_domain_save_to_file_finish (f->dom, result, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_clear_object (&result);
  assert_state (f->dom, GVIR_DOMAIN_STATE_RUNNING, REASON_RUNNING_UNKNOWN);
  recorder_expect (&f->rec, NULL);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  gvir_domain_save_to_file_async (f->dom, path, NULL, 0, NULL, async_wait_cb, &wait);
  finish_ok (f->dom, &wait, gvir_domain_save_to_file_finish, "gvir_domain_save_to_file_async");
  assert_state (f->dom, GVIR_DOMAIN_STATE_SHUTOFF, REASON_SHUTOFF_SAVED);
  recorder_expect (&f->rec, "stopped::saved", NULL);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  /* Saved to a file of the caller's, not a managed save. */
  g_assert_false (gvir_domain_get_saved (f->dom));
  assert_no_id (f->dom);

  /* Only a running domain can be saved. */
  gvir_domain_save_to_file_async (f->dom, custom_path, NULL, 0, NULL, async_wait_cb, &wait);
  result = async_wait_finish (&wait, "gvir_domain_save_to_file_async of a shut-off domain");
  g_assert_false (gvir_domain_save_to_file_finish (f->dom, result, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
  g_clear_error (&error);

  g_assert_true (gvir_connection_restore_domain_from_file (f->conn, path, NULL, 0, &error));
  g_assert_no_error (error);
  assert_state (f->dom, GVIR_DOMAIN_STATE_RUNNING, REASON_RUNNING_RESTORED);
  recorder_expect (&f->rec, "started::restored", NULL);
  g_assert_cmpint (get_id_ok (f->dom), >, old_id);
  assert_info (f->dom, 8388608, 2);

  /* With a replacement definition, the domain comes back with it. */
  change_config (custom, 2097152, 1, "restored");
  g_assert_true (gvir_domain_save_to_file (f->dom, custom_path, custom, 0, &error));
  g_assert_no_error (error);
  recorder_expect (&f->rec, "stopped::saved", NULL);
  g_assert_true (gvir_connection_restore_domain_from_file (f->conn, custom_path, NULL, 0, &error));
  g_assert_no_error (error);
  assert_state (f->dom, GVIR_DOMAIN_STATE_RUNNING, REASON_RUNNING_RESTORED);
  recorder_expect (&f->rec, "started::restored", NULL);
  assert_config (f->dom, 0, 2097152, 1, "restored", "vda vdb");
  g_assert_cmpuint (f->rec.added, ==, 0);
  g_assert_cmpuint (f->rec.removed, ==, 0);
}

/* ---- every call, on its error paths --------------------------------------------- */

/* One public call in its blocking and its async form. */
typedef struct
{
  const char *name;
  gboolean (*sync) (GVirDomain *dom, GError **error);
  void (*start) (GVirDomain *dom, GCancellable *cancellable, AsyncWait *wait);
  gboolean (*finish) (GVirDomain *dom, GAsyncResult *result, GError **error);
} DomainOp;

static char *save_path;     /* where the save-to-file calls write */

#define OP_WITH_FLAGS(op) \
  static gboolean op##_sync (GVirDomain *dom, GError **error) \
  { return gvir_domain_##op (dom, 0, error); } \
  static void op##_start (GVirDomain *dom, GCancellable *cancellable, AsyncWait *wait) \
  { gvir_domain_##op##_async (dom, 0, cancellable, async_wait_cb, wait); }

#define OP_WITHOUT_FLAGS(op) \
  static gboolean op##_sync (GVirDomain *dom, GError **error) \
  { return gvir_domain_##op (dom, error); } \
  static void op##_start (GVirDomain *dom, GCancellable *cancellable, AsyncWait *wait) \
  { gvir_domain_##op##_async (dom, cancellable, async_wait_cb, wait); }

OP_WITH_FLAGS (start)
OP_WITH_FLAGS (stop)
OP_WITH_FLAGS (shutdown)
OP_WITH_FLAGS (reboot)
OP_WITH_FLAGS (delete)
OP_WITH_FLAGS (save)
OP_WITHOUT_FLAGS (suspend)
OP_WITHOUT_FLAGS (resume)

static gboolean
save_to_file_sync (GVirDomain *dom, GError **error)
{
  return gvir_domain_save_to_file (dom, save_path, NULL, 0, error);
}

static void
save_to_file_start (GVirDomain *dom, GCancellable *cancellable, AsyncWait *wait)
{
  gvir_domain_save_to_file_async (dom, save_path, NULL, 0, cancellable, async_wait_cb, wait);
}

static gboolean
get_id_sync (GVirDomain *dom, GError **error)
{
  return gvir_domain_get_id (dom, error) >= 0;
}

static void
get_id_start (GVirDomain *dom, GCancellable *cancellable, AsyncWait *wait)
{
  gvir_domain_get_id_async (dom, cancellable, async_wait_cb, wait);
}

static gboolean
get_id_finish (GVirDomain *dom, GAsyncResult *result, GError **error)
{
  return gvir_domain_get_id_finish (dom, result, error) >= 0;
}

static gboolean
get_info_sync (GVirDomain *dom, GError **error)
{
  g_autoptr(GVirDomainInfo) info = gvir_domain_get_info (dom, error);

  return info != NULL;
}

static void
get_info_start (GVirDomain *dom, GCancellable *cancellable, AsyncWait *wait)
{
  gvir_domain_get_info_async (dom, cancellable, async_wait_cb, wait);
}

static gboolean
get_info_finish (GVirDomain *dom, GAsyncResult *result, GError **error)
{
  g_autoptr(GVirDomainInfo) info = gvir_domain_get_info_finish (dom, result, error);

  return info != NULL;
}

static gboolean
get_state_sync (GVirDomain *dom, GError **error)
{
  return gvir_domain_get_state (dom, NULL, error) != GVIR_DOMAIN_STATE_NONE;
}

static void
get_state_start (GVirDomain *dom, GCancellable *cancellable, AsyncWait *wait)
{
  gvir_domain_get_state_async (dom, cancellable, async_wait_cb, wait);
}

static gboolean
get_state_finish (GVirDomain *dom, GAsyncResult *result, GError **error)
{
  return gvir_domain_get_state_finish (dom, result, NULL, error) != GVIR_DOMAIN_STATE_NONE;
}

static gboolean
get_config_sync (GVirDomain *dom, GError **error)
{
  g_autoptr(GVirConfigDomain) conf = gvir_domain_get_config (dom, 0, error);

  return conf != NULL;
}

static void
get_config_start (GVirDomain *dom, GCancellable *cancellable, AsyncWait *wait)
{
  gvir_domain_get_config_async (dom, 0, cancellable, async_wait_cb, wait);
}

static gboolean
get_config_finish (GVirDomain *dom, GAsyncResult *result, GError **error)
{
  g_autoptr(GVirConfigDomain) conf = gvir_domain_get_config_finish (dom, result, error);

  return conf != NULL;
}

/* A definition of @dom itself, as its name and UUID say. */
static GVirConfigDomain *
own_config (GVirDomain *dom)
{
  return make_domain_config (gvir_domain_get_name (dom), gvir_domain_get_uuid (dom));
}

static gboolean
set_config_sync (GVirDomain *dom, GError **error)
{
  g_autoptr(GVirConfigDomain) conf = own_config (dom);

  return gvir_domain_set_config (dom, conf, error);
}

static void
set_config_start (GVirDomain *dom, GCancellable *cancellable, AsyncWait *wait)
{
  g_autoptr(GVirConfigDomain) conf = own_config (dom);

  gvir_domain_set_config_async (dom, conf, cancellable, async_wait_cb, wait);
}

static gboolean
get_numa_sync (GVirDomain *dom, GError **error)
{
  return gvir_domain_get_numa_parameters (dom, 0, NULL, NULL, error);
}

static void
get_numa_start (GVirDomain *dom, GCancellable *cancellable, AsyncWait *wait)
{
  gvir_domain_get_numa_parameters_async (dom, 0, cancellable, async_wait_cb, wait);
}

static gboolean
get_numa_finish (GVirDomain *dom, GAsyncResult *result, GError **error)
{
  return gvir_domain_get_numa_parameters_finish (dom, result, NULL, NULL, error);
}

#define OP(name) { #name, name##_sync, name##_start, gvir_domain_##name##_finish }

static const DomainOp domain_ops[] = {
  OP (start),
  OP (stop),
  OP (shutdown),
  OP (reboot),
  OP (suspend),
  OP (resume),
  OP (delete),
  OP (save),
  OP (save_to_file),
  OP (set_config),
  { "get_id", get_id_sync, get_id_start, get_id_finish },
  { "get_info", get_info_sync, get_info_start, get_info_finish },
  { "get_state", get_state_sync, get_state_start, get_state_finish },
  { "get_config", get_config_sync, get_config_start, get_config_finish },
  { "get_numa_parameters", get_numa_sync, get_numa_start, get_numa_finish },
};

/* Calls every operation both ways and checks each fails with @domain and
 * @code. */
static void
assert_every_op_fails (GVirDomain *dom, GCancellable *cancellable, GQuark domain, gint code)
{
  for (gsize i = 0; i < G_N_ELEMENTS (domain_ops); i++)
    {
      const DomainOp *op = &domain_ops[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) async_error = NULL;
      g_autoptr(GAsyncResult) result = NULL;
      g_autofree char *what = g_strdup_printf ("gvir_domain_%s_async", op->name);
      AsyncWait wait = { 0 };

      g_test_message ("gvir_domain_%s", op->name);
      if (cancellable == NULL)
        {
          g_assert_false (op->sync (dom, &error));
          g_assert_error (error, domain, code);
        }
      op->start (dom, cancellable, &wait);
      result = async_wait_finish (&wait, what);
      g_assert_false (op->finish (dom, result, &async_error));
      g_assert_error (async_error, domain, code);
    }
}

/* After the connection closed, every call fails with CONNECTION_CLOSED and
 * names the domain. */
static void
test_errors_closed (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  save_path = g_build_filename (f->dir, "closed.save", NULL);
  gvir_connection_close (f->conn);
  assert_every_op_fails (f->dom, NULL, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  g_clear_pointer (&save_path, g_free);

  g_assert_null (gvir_domain_get_config (f->dom, 0, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
  g_assert_nonnull (strstr (error->message, "'test'"));
  /* The cached answers stay available. */
  g_assert_cmpstr (gvir_domain_get_name (f->dom), ==, "test");
  g_assert_cmpstr (gvir_domain_get_uuid (f->dom), ==, TEST_DOMAIN_UUID);
  g_assert_true (gvir_domain_get_persistent (f->dom));
  g_assert_false (gvir_domain_get_saved (f->dom));
}

/* A domain that no longer exists: every call fails with NOT_FOUND, and
 * none brings it back. */
static void
test_errors_not_found (Fixture *f, gconstpointer data)
{
  const char *uuid = "11111111-2222-3333-4444-0000000000d1";
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirConfigDomain) conf = make_domain_config ("doomed", uuid);
  g_autoptr(GVirDomain) dom = gvir_connection_create_domain (f->conn, conf, &error);

  g_assert_no_error (error);
  g_assert_true (gvir_domain_delete (dom, 0, &error));
  g_assert_no_error (error);
  spin_until (NULL, &f->rec.removed, 1, "signal domain-removed");

  save_path = g_build_filename (f->dir, "gone.save", NULL);
  assert_every_op_fails (dom, NULL, GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
  g_clear_pointer (&save_path, g_free);

  spin_idle (NULL);
  g_assert_cmpuint (f->rec.added, ==, 1);
  g_assert_null (gvir_connection_get_domain (f->conn, uuid));
  g_assert_true (gvir_connection_fetch_domains (f->conn, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (gvir_connection_get_domain (f->conn, uuid));
  g_assert_false (gvir_domain_get_saved (dom));
}

/* A call cancelled before it ran fails with CANCELLED and changes nothing. */
static void
test_errors_cancelled (Fixture *f, gconstpointer data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *live = config_xml (f->dom, 0);
  g_autofree char *live_after = NULL;

  g_cancellable_cancel (cancellable);
  save_path = g_build_filename (f->dir, "cancelled.save", NULL);
  assert_every_op_fails (f->dom, cancellable, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (save_path, G_FILE_TEST_EXISTS));
  g_clear_pointer (&save_path, g_free);

  assert_state (f->dom, GVIR_DOMAIN_STATE_RUNNING, REASON_RUNNING_UNKNOWN);
  g_assert_cmpint (get_id_ok (f->dom), ==, 1);
  live_after = config_xml (f->dom, 0);
  g_assert_cmpstr (live_after, ==, live);
  recorder_expect (&f->rec, NULL);
  g_assert_cmpuint (f->rec.removed, ==, 0);
}

/* ---- queries ---------------------------------------------------------------------- */

static void
test_info (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDomainInfo) info = NULL;
  g_autoptr(GVirDomainInfo) copy = NULL;
  g_autoptr(GVirDomainInfo) boxed = NULL;
  g_autoptr(GVirDomainInfo) async_info = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  AsyncWait wait = { 0 };
  gboolean persistent = FALSE;

  info = gvir_domain_get_info (f->dom, &error);
  g_assert_no_error (error);
  g_assert_nonnull (info);
  g_assert_cmpint (info->state, ==, GVIR_DOMAIN_STATE_RUNNING);
  g_assert_cmpuint (info->max_mem, ==, 8388608);
  g_assert_cmpuint (info->memory, ==, 2097152);
  g_assert_cmpuint (info->nr_virt_cpu, ==, 2);
  /* The snake_case C aliases share storage with libvirt-glib's names. */
  g_assert_cmpuint (info->maxMem, ==, info->max_mem);
  g_assert_cmpuint (info->nrVirtCpu, ==, info->nr_virt_cpu);
  g_assert_cmpuint (info->cpuTime, ==, info->cpu_time);

  g_assert_true (gvir_domain_info_get_type () == GVIR_TYPE_DOMAIN_INFO);
  g_assert_true (G_TYPE_IS_BOXED (gvir_domain_info_get_type ()));
  copy = gvir_domain_info_copy (info);
  g_assert_true (copy != info);
  g_assert_cmpmem (copy, sizeof (GVirDomainInfo), info, sizeof (GVirDomainInfo));
  boxed = g_boxed_copy (GVIR_TYPE_DOMAIN_INFO, info);
  g_assert_cmpmem (boxed, sizeof (GVirDomainInfo), info, sizeof (GVirDomainInfo));

  gvir_domain_get_info_async (f->dom, NULL, async_wait_cb, &wait);
  result = async_wait_finish (&wait, "gvir_domain_get_info_async");
  async_info = gvir_domain_get_info_finish (f->dom, result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (async_info->state, ==, GVIR_DOMAIN_STATE_RUNNING);
  g_assert_cmpuint (async_info->max_mem, ==, 8388608);
  g_assert_cmpuint (async_info->nr_virt_cpu, ==, 2);

  g_object_get (f->dom, "persistent", &persistent, NULL);
  g_assert_true (persistent);
}

#define MANY_QUERIES 64

typedef struct
{
  GMainContext *context;    /* where the callbacks must run */
  GThread *thread;
  guint done;
  guint wrong_context;
  guint failed;
  GVirDomainState state;
  guint64 max_mem;
} QueryCount;

static void
query_info_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  QueryCount *q = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDomainInfo) info = gvir_domain_get_info_finish (GVIR_DOMAIN (source), result,
                                                                &error);

  if (!g_main_context_is_owner (q->context) || g_thread_self () != q->thread)
    q->wrong_context++;
  if (info == NULL)
    q->failed++;
  else
    q->max_mem = info->max_mem;
  q->done++;
}

static void
query_state_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  QueryCount *q = data;
  g_autoptr(GError) error = NULL;
  guint reason = 99;

  q->state = gvir_domain_get_state_finish (GVIR_DOMAIN (source), result, &reason, &error);
  if (!g_main_context_is_owner (q->context) || g_thread_self () != q->thread)
    q->wrong_context++;
  if (error != NULL || reason == 99)
    q->failed++;
  q->done++;
}

/* Issues many queries in the thread-default context of the calling thread
 * and checks that every callback ran there, none before the call returned. */
static void
run_many_queries (GVirDomain *dom, QueryCount *q)
{
  guint i;

  q->context = g_main_context_ref_thread_default ();
  q->thread = g_thread_self ();
  for (i = 0; i < MANY_QUERIES; i++)
    {
      gvir_domain_get_info_async (dom, NULL, query_info_cb, q);
      gvir_domain_get_state_async (dom, NULL, query_state_cb, q);
      g_assert_cmpuint (q->done, ==, 0);
    }
  spin_until (q->context, &q->done, 2 * MANY_QUERIES,
              "the callbacks of the info and state queries");
  g_main_context_unref (q->context);
}

static void
test_query_async_many (Fixture *f, gconstpointer data)
{
  QueryCount q = { 0 };

  run_many_queries (f->dom, &q);
  g_assert_cmpuint (q.done, ==, 2 * MANY_QUERIES);
  g_assert_cmpuint (q.failed, ==, 0);
  g_assert_cmpuint (q.wrong_context, ==, 0);
  g_assert_cmpint (q.state, ==, GVIR_DOMAIN_STATE_RUNNING);
  g_assert_cmpuint (q.max_mem, ==, 8388608);
}

static gpointer
queries_in_own_context (gpointer data)
{
  GVirDomain *dom = data;
  GMainContext *context = g_main_context_new ();
  QueryCount *q = g_new0 (QueryCount, 1);

  g_main_context_push_thread_default (context);
  run_many_queries (dom, q);
  g_main_context_pop_thread_default (context);
  g_main_context_unref (context);
  return q;
}

/* A thread with a context of its own gets its callbacks there, not in the
 * main context. */
static void
test_query_async_thread_context (Fixture *f, gconstpointer data)
{
  GVirTestThread *thread = gvir_test_thread_new ("queries", queries_in_own_context, f->dom);
  g_autofree QueryCount *q = gvir_test_thread_join (thread, "the thread running the queries");

  g_assert_cmpuint (q->done, ==, 2 * MANY_QUERIES);
  g_assert_cmpuint (q->failed, ==, 0);
  g_assert_cmpuint (q->wrong_context, ==, 0);
  g_assert_cmpint (q->state, ==, GVIR_DOMAIN_STATE_RUNNING);
}

static void
test_query_async_cancelled (Fixture *f, gconstpointer data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) info_result = NULL;
  g_autoptr(GAsyncResult) state_result = NULL;
  g_autoptr(GError) error = NULL;
  AsyncWait wait = { 0 };
  guint reason = 99;

  g_cancellable_cancel (cancellable);
  gvir_domain_get_info_async (f->dom, cancellable, async_wait_cb, &wait);
  info_result = async_wait_finish (&wait, "a cancelled gvir_domain_get_info_async");
  g_assert_null (gvir_domain_get_info_finish (f->dom, info_result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  gvir_domain_get_state_async (f->dom, cancellable, async_wait_cb, &wait);
  state_result = async_wait_finish (&wait, "a cancelled gvir_domain_get_state_async");
  g_assert_cmpint (gvir_domain_get_state_finish (f->dom, state_result, &reason, &error), ==,
                   GVIR_DOMAIN_STATE_NONE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (reason, ==, 0);
}

/* After the connection closed, the async queries fail like the blocking ones. */
static void
test_query_async_closed (Fixture *f, gconstpointer data)
{
  g_autoptr(GAsyncResult) info_result = NULL;
  g_autoptr(GAsyncResult) state_result = NULL;
  g_autoptr(GError) sync_error = NULL;
  g_autoptr(GError) error = NULL;
  AsyncWait wait = { 0 };

  gvir_connection_close (f->conn);
  g_assert_null (gvir_domain_get_info (f->dom, &sync_error));
  g_assert_error (sync_error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);

  gvir_domain_get_info_async (f->dom, NULL, async_wait_cb, &wait);
  info_result = async_wait_finish (&wait, "gvir_domain_get_info_async");
  g_assert_null (gvir_domain_get_info_finish (f->dom, info_result, &error));
  g_assert_error (error, sync_error->domain, sync_error->code);
  g_clear_error (&error);

  gvir_domain_get_state_async (f->dom, NULL, async_wait_cb, &wait);
  state_result = async_wait_finish (&wait, "gvir_domain_get_state_async");
  g_assert_cmpint (gvir_domain_get_state_finish (f->dom, state_result, NULL, &error), ==,
                   GVIR_DOMAIN_STATE_NONE);
  g_assert_error (error, sync_error->domain, sync_error->code);
}

/* A domain that no longer exists: the queries answer NOT_FOUND. */
static void
test_query_async_not_found (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirConfigDomain) conf = make_domain_config ("query-gone",
                                                         "11111111-2222-3333-4444-0000000000d2");
  g_autoptr(GVirDomain) dom = gvir_connection_create_domain (f->conn, conf, &error);
  g_autoptr(GAsyncResult) info_result = NULL;
  g_autoptr(GAsyncResult) state_result = NULL;
  AsyncWait wait = { 0 };
  guint reason = 99;

  g_assert_no_error (error);
  g_assert_true (gvir_domain_delete (dom, 0, &error));
  g_assert_no_error (error);

  gvir_domain_get_info_async (dom, NULL, async_wait_cb, &wait);
  info_result = async_wait_finish (&wait, "gvir_domain_get_info_async");
  g_assert_null (gvir_domain_get_info_finish (dom, info_result, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
  g_clear_error (&error);

  gvir_domain_get_state_async (dom, NULL, async_wait_cb, &wait);
  state_result = async_wait_finish (&wait, "gvir_domain_get_state_async");
  g_assert_cmpint (gvir_domain_get_state_finish (dom, state_result, &reason, &error), ==,
                   GVIR_DOMAIN_STATE_NONE);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
  g_assert_cmpuint (reason, ==, 0);
}

static void
test_enum_types (void)
{
  g_autoptr(GFlagsClass) start_flags = g_type_class_ref (GVIR_TYPE_DOMAIN_START_FLAGS);
  g_autoptr(GEnumClass) states = g_type_class_ref (GVIR_TYPE_DOMAIN_STATE);

  g_assert_true (G_TYPE_IS_FLAGS (GVIR_TYPE_DOMAIN_DELETE_FLAGS));
  g_assert_true (G_TYPE_IS_FLAGS (GVIR_TYPE_DOMAIN_XML_FLAGS));
  g_assert_true (G_TYPE_IS_FLAGS (GVIR_TYPE_DOMAIN_SHUTDOWN_FLAGS));
  g_assert_true (G_TYPE_IS_FLAGS (GVIR_TYPE_DOMAIN_REBOOT_FLAGS));
  g_assert_cmpuint (g_flags_get_first_value (start_flags, 8)->value, ==,
                    GVIR_DOMAIN_START_FORCE_BOOT);
  g_assert_cmpint (g_enum_get_value (states, 7)->value, ==, GVIR_DOMAIN_STATE_PMSUSPENDED);
  g_assert_cmpint (GVIR_DOMAIN_DELETE_KEEP_NVRAM, ==, 8);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  gvir_init_object (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/gvir/domain/lifecycle-sync", test_lifecycle_sync);
  ADD ("/gvir/domain/lifecycle-async", test_lifecycle_async);
  ADD ("/gvir/domain/async-errors", test_async_errors);
  ADD ("/gvir/domain/shutdown-sync", test_shutdown_sync);
  ADD ("/gvir/domain/shutdown-async", test_shutdown_async);
  ADD ("/gvir/domain/reboot-sync", test_reboot_sync);
  ADD ("/gvir/domain/reboot-async", test_reboot_async);
  ADD ("/gvir/domain/lifecycle-actions", test_lifecycle_actions);
  ADD ("/gvir/domain/shutdown-transient", test_shutdown_transient);
  ADD ("/gvir/domain/set-config-running", test_set_config_running);
  ADD ("/gvir/domain/set-config-async", test_set_config_async);
  ADD ("/gvir/domain/set-config-refused", test_set_config_refused);
  ADD ("/gvir/domain/config-round-trip", test_config_round_trip);
  ADD ("/gvir/domain/save-to-file-async", test_save_to_file_async);
  ADD ("/gvir/domain/errors/closed", test_errors_closed);
  ADD ("/gvir/domain/errors/not-found", test_errors_not_found);
  ADD ("/gvir/domain/errors/cancelled", test_errors_cancelled);
  ADD ("/gvir/domain/info", test_info);
  ADD ("/gvir/domain/query-async/many", test_query_async_many);
  ADD ("/gvir/domain/query-async/thread-context", test_query_async_thread_context);
  ADD ("/gvir/domain/query-async/cancelled", test_query_async_cancelled);
  ADD ("/gvir/domain/query-async/closed", test_query_async_closed);
  ADD ("/gvir/domain/query-async/not-found", test_query_async_not_found);
  g_test_add_func ("/gvir/domain/enum-types", test_enum_types);

  return g_test_run ();
}
