/*
 * test-gobject-common.h: helpers shared by the libvirt-gobject tests
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#pragma once

#include <libvirt-gobject/libvirt-gobject.h>

#define TEST_URI "test:///default"
#define TEST_DOMAIN_UUID "6695eb01-f6a4-8304-79aa-97f2502e193f"

/* Counts of the signals a test listens to, and where they ran. */
typedef struct
{
  guint opened;
  guint closed;
  guint added;
  guint removed;
  guint started_booted;
  guint started_restored;
  guint suspended_paused;
  guint resumed_unpaused;
  guint stopped_destroyed;
  guint stopped_saved;
  guint updated;
  GThread *thread;          /* the thread of the last handler */
  gboolean wrong_context;   /* a handler ran outside the expected context */
  GMainContext *expected;   /* NULL: do not check */
} Recorder;

/* Iterates @context until *@counter >= @target; fails the test after a
 * generous timeout instead of hanging. */
void spin_until (GMainContext *context, const guint *counter, guint target);

/* Iterates @context until it has nothing left to do right now. */
void spin_idle (GMainContext *context);

void recorder_watch_connection (Recorder *rec, GVirConnection *conn);
void recorder_watch_domain (Recorder *rec, GVirDomain *dom);

GVirConnection *open_test_connection (void);
GVirDomain *fetch_test_domain (GVirConnection *conn);
GVirConfigDomain *make_domain_config (const char *name, const char *uuid);

/* Stores the result of an async call and counts completions. */
typedef struct
{
  GAsyncResult *result;
  guint done;
} AsyncWait;

void async_wait_cb (GObject *source, GAsyncResult *result, gpointer user_data);
/* Waits for the callback; returns its result (transfer full). */
GAsyncResult *async_wait_finish (AsyncWait *wait);

/* Drops the caller's reference and fails unless @object is finalised. */
void assert_finalized_soon (gpointer object);

void close_and_finalize (GVirConnection *conn);
