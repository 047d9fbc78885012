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

#include <stdarg.h>

#include "test-gobject-common.h"

void
spin_until (GMainContext *context, const guint *counter, guint target, const char *what)
{
  gvir_test_spin_until_count (context, counter, target, what);
}

GVirConnection *
open_and_fetch (const char *uri,
                FetchFunc   fetch)
{
  g_autoptr(GError) error = NULL;
  GVirConnection *conn = gvir_connection_new (uri);

  g_assert_true (gvir_connection_open (conn, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (fetch (conn, NULL, &error));
  g_assert_no_error (error);
  return conn;
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
  if (rec->watch_added)
    recorder_watch_domain (rec, dom);
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

/* One handler for every lifecycle signal: the invocation hint says which
 * signal and detail it is, so no detail can go by unnoticed. */
static void
on_lifecycle (GVirDomain *dom, Recorder *rec)
{
  GSignalInvocationHint *hint = g_signal_get_invocation_hint (dom);
  const char *signal = g_signal_name (hint->signal_id);
  g_autofree char *name = NULL;

  note_context (rec);
  if (hint->detail != 0)
    name = g_strconcat (signal, "::", g_quark_to_string (hint->detail), NULL);
  else
    name = g_strdup (signal);
  if (rec->n_lifecycle == RECORDER_MAX_LIFECYCLE)
    g_error ("more than %d lifecycle signals without a recorder_expect()",
             RECORDER_MAX_LIFECYCLE);
  rec->lifecycle[rec->n_lifecycle++] = g_quark_from_string (name);
}

static void
on_persistent (GVirDomain *dom, GParamSpec *pspec, Recorder *rec)
{
  note_context (rec);
  rec->persistent_changed++;
}

void
recorder_watch_domain (Recorder *rec, GVirDomain *dom)
{
  static const char * const lifecycle[] = {
    "started", "stopped", "resumed", "updated", "suspended", "pmsuspended",
  };
  g_autofree char *key = g_strdup_printf ("test-recorder-%p", (void *) rec);

  /* A domain that comes back keeps its handlers: count each signal once. */
  if (g_object_get_data (G_OBJECT (dom), key) != NULL)
    return;
  g_object_set_data (G_OBJECT (dom), key, rec);
  for (gsize i = 0; i < G_N_ELEMENTS (lifecycle); i++)
    g_signal_connect (dom, lifecycle[i], G_CALLBACK (on_lifecycle), rec);
  g_signal_connect (dom, "notify::persistent", G_CALLBACK (on_persistent), rec);
}

guint
recorder_count (const Recorder *rec, const char *name)
{
  GQuark quark = g_quark_try_string (name);
  guint count = 0;

  for (guint i = 0; i < rec->n_lifecycle; i++)
    if (quark != 0 && rec->lifecycle[i] == quark)
      count++;
  return count;
}

/* "started::booted, suspended::paused", or "(none)". */
static char *
describe_quarks (const GQuark *quarks, guint n)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", g_quark_to_string (quarks[i]));
  if (n == 0)
    g_string_append (text, "(none)");
  return g_string_free (text, FALSE);
}

void
recorder_expect (Recorder *rec, ...)
{
  const char *names[RECORDER_MAX_LIFECYCLE + 1];
  guint n = 0;
  va_list args;

  va_start (args, rec);
  do
    {
      g_assert_cmpuint (n, <=, RECORDER_MAX_LIFECYCLE);
      names[n] = va_arg (args, const char *);
    }
  while (names[n++] != NULL);
  va_end (args);
  recorder_expectv (rec, names);
}

void
recorder_expectv (Recorder *rec, const char * const *names)
{
  GQuark expected[RECORDER_MAX_LIFECYCLE];
  g_autofree char *want = NULL;
  g_autofree char *got = NULL;
  g_autofree char *what = NULL;
  guint n = 0;

  for (; names[n] != NULL; n++)
    {
      g_assert_cmpuint (n, <, RECORDER_MAX_LIFECYCLE);
      expected[n] = g_quark_from_string (names[n]);
    }

  want = describe_quarks (expected, n);
  what = g_strdup_printf ("lifecycle signals %s", want);
  spin_until (rec->expected, &rec->n_lifecycle, n, what);
  /* Anything else already queued arrives now, to be caught below. */
  spin_idle (rec->expected);
  got = describe_quarks (rec->lifecycle, rec->n_lifecycle);
  g_assert_cmpstr (got, ==, want);
  rec->n_lifecycle = 0;
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
parse_domain_config (const char *xml)
{
  g_autoptr(GError) error = NULL;
  GVirConfigDomain *conf = gvir_config_domain_new_from_xml (xml, &error);

  g_assert_no_error (error);
  g_assert_nonnull (conf);
  return conf;
}

GVirConfigDomain *
make_domain_config (const char *name, const char *uuid)
{
  g_autofree char *xml = g_strdup_printf (
    "<domain type='test'>"
    "<name>%s</name><uuid>%s</uuid>"
    "<memory unit='KiB'>65536</memory><vcpu>1</vcpu>"
    "<os><type>hvm</type></os>"
    "</domain>", name, uuid);

  return parse_domain_config (xml);
}

void
assert_state (GVirDomain *dom, GVirDomainState state, guint reason)
{
  g_autoptr(GError) error = NULL;
  guint got_reason = 999;

  g_assert_cmpint (gvir_domain_get_state (dom, &got_reason, &error), ==, state);
  g_assert_no_error (error);
  g_assert_cmpuint (got_reason, ==, reason);
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
async_wait_finish (AsyncWait *wait, const char *what)
{
  g_autofree char *waited = g_strdup_printf ("the completion of %s", what);
  GAsyncResult *result;

  spin_until (g_main_context_get_thread_default (), &wait->done, 1, waited);
  wait->done = 0;
  result = wait->result;
  wait->result = NULL;
  return result;
}

static gboolean
pointer_is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

void
assert_finalized_soon (gpointer object)
{
  g_autofree char *what = g_strdup_printf ("the finalisation of a %s",
                                           G_OBJECT_TYPE_NAME (object));
  gpointer weak = object;

  /* A GTask worker thread drops its reference to the source object just
   * after the result has been delivered, so allow it a moment. */
  g_object_add_weak_pointer (object, &weak);
  g_object_unref (object);
  gvir_test_spin_until (g_main_context_get_thread_default (), pointer_is_null, &weak, what);
}

void
close_and_finalize (GVirConnection *conn)
{
  gvir_connection_close (conn);
  spin_idle (g_main_context_get_thread_default ());
  assert_finalized_soon (conn);
}

void
recorder_forget (Recorder *rec)
{
  spin_idle (rec->expected);
  rec->n_lifecycle = 0;
  rec->opened = rec->closed = rec->added = rec->removed = 0;
  rec->persistent_changed = 0;
}
