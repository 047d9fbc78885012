/*
 * test-gobject-common.c: helpers shared by the libvirt-gobject tests
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

/* Long enough for a loaded CI machine; only reached when a test fails. */
#define SPIN_TIMEOUT_USEC (20 * G_USEC_PER_SEC)

void
spin_until (GMainContext *context, const guint *counter, guint target)
{
  gint64 deadline = g_get_monotonic_time () + SPIN_TIMEOUT_USEC;

  while (*counter < target)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out waiting for a counter to reach %u (it is %u)", target, *counter);
      if (!g_main_context_iteration (context, FALSE))
        g_usleep (1000);
    }
}

void
spin_idle (GMainContext *context)
{
  /* A few rounds, so that work queued by handlers also runs. */
  for (guint i = 0; i < 5; i++)
    while (g_main_context_iteration (context, FALSE))
      ;
}

static void
note_context (Recorder *rec)
{
  rec->thread = g_thread_self ();
  if (rec->expected != NULL && !g_main_context_is_owner (rec->expected))
    rec->wrong_context = TRUE;
}

static void
on_opened (GVirConnection *conn, Recorder *rec)
{
  note_context (rec);
  rec->opened++;
}

static void
on_closed (GVirConnection *conn, Recorder *rec)
{
  note_context (rec);
  rec->closed++;
}

static void
on_added (GVirConnection *conn, GVirDomain *dom, Recorder *rec)
{
  g_assert_true (GVIR_IS_DOMAIN (dom));
  note_context (rec);
  rec->added++;
}

static void
on_removed (GVirConnection *conn, GVirDomain *dom, Recorder *rec)
{
  g_assert_true (GVIR_IS_DOMAIN (dom));
  note_context (rec);
  rec->removed++;
}

void
recorder_watch_connection (Recorder *rec, GVirConnection *conn)
{
  g_signal_connect (conn, "connection-opened", G_CALLBACK (on_opened), rec);
  g_signal_connect (conn, "connection-closed", G_CALLBACK (on_closed), rec);
  g_signal_connect (conn, "domain-added", G_CALLBACK (on_added), rec);
  g_signal_connect (conn, "domain-removed", G_CALLBACK (on_removed), rec);
}

#define COUNTER_HANDLER(field) \
  static void \
  on_##field (GVirDomain *dom, Recorder *rec) \
  { \
    note_context (rec); \
    rec->field++; \
  }

COUNTER_HANDLER (started_booted)
COUNTER_HANDLER (started_restored)
COUNTER_HANDLER (suspended_paused)
COUNTER_HANDLER (resumed_unpaused)
COUNTER_HANDLER (stopped_destroyed)
COUNTER_HANDLER (stopped_saved)
COUNTER_HANDLER (updated)

void
recorder_watch_domain (Recorder *rec, GVirDomain *dom)
{
  g_signal_connect (dom, "started::booted", G_CALLBACK (on_started_booted), rec);
  g_signal_connect (dom, "started::restored", G_CALLBACK (on_started_restored), rec);
  g_signal_connect (dom, "suspended::paused", G_CALLBACK (on_suspended_paused), rec);
  g_signal_connect (dom, "resumed::unpaused", G_CALLBACK (on_resumed_unpaused), rec);
  g_signal_connect (dom, "stopped::destroyed", G_CALLBACK (on_stopped_destroyed), rec);
  g_signal_connect (dom, "stopped::saved", G_CALLBACK (on_stopped_saved), rec);
  g_signal_connect (dom, "updated", G_CALLBACK (on_updated), rec);
}

GVirConnection *
open_test_connection (void)
{
  g_autoptr(GError) error = NULL;
  GVirConnection *conn = gvir_connection_new (TEST_URI);

  g_assert_true (gvir_connection_open (conn, NULL, &error));
  g_assert_no_error (error);
  return conn;
}

GVirDomain *
fetch_test_domain (GVirConnection *conn)
{
  g_autoptr(GError) error = NULL;
  GVirDomain *dom;

  g_assert_true (gvir_connection_fetch_domains (conn, NULL, &error));
  g_assert_no_error (error);
  dom = gvir_connection_get_domain (conn, TEST_DOMAIN_UUID);
  g_assert_nonnull (dom);
  return dom;
}

GVirConfigDomain *
make_domain_config (const char *name, const char *uuid)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = g_strdup_printf (
    "<domain type='test'>"
    "<name>%s</name><uuid>%s</uuid>"
    "<memory unit='KiB'>65536</memory><vcpu>1</vcpu>"
    "<os><type>hvm</type></os>"
    "</domain>", name, uuid);
  GVirConfigDomain *conf = gvir_config_domain_new_from_xml (xml, &error);

  g_assert_no_error (error);
  g_assert_nonnull (conf);
  return conf;
}

void
async_wait_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  AsyncWait *wait = user_data;

  g_assert_null (wait->result);
  wait->result = g_object_ref (result);
  wait->done++;
}

GAsyncResult *
async_wait_finish (AsyncWait *wait)
{
  GAsyncResult *result;

  spin_until (g_main_context_get_thread_default (), &wait->done, 1);
  wait->done = 0;
  result = wait->result;
  wait->result = NULL;
  return result;
}

void
assert_finalized_soon (gpointer object)
{
  gpointer weak = object;
  gint64 deadline = g_get_monotonic_time () + SPIN_TIMEOUT_USEC;

  /* A GTask worker thread drops its reference to the source object just
   * after the result has been delivered, so allow it a moment. */
  g_object_add_weak_pointer (object, &weak);
  g_object_unref (object);
  while (weak != NULL)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("%s was not finalised", G_OBJECT_TYPE_NAME (weak));
      if (!g_main_context_iteration (g_main_context_get_thread_default (), FALSE))
        g_usleep (1000);
    }
}

void
close_and_finalize (GVirConnection *conn)
{
  gvir_connection_close (conn);
  spin_idle (g_main_context_get_thread_default ());
  assert_finalized_soon (conn);
}
