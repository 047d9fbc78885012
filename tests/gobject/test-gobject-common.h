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

#include "gvir-test-wait.h"

#define TEST_URI "test:///default"
#define TEST_DOMAIN_UUID "6695eb01-f6a4-8304-79aa-97f2502e193f"

/* libvirt's state reasons (virDomainRunningReason, virDomainPausedReason,
 * virDomainShutoffReason), as gvir_domain_get_state() reports them. */
enum
{
  REASON_RUNNING_UNKNOWN = 0,
  REASON_RUNNING_BOOTED = 1,
  REASON_RUNNING_RESTORED = 3,
  REASON_RUNNING_UNPAUSED = 5,
  REASON_PAUSED_USER = 1,
  REASON_SHUTOFF_UNKNOWN = 0,
  REASON_SHUTOFF_SHUTDOWN = 1,
  REASON_SHUTOFF_DESTROYED = 2,
  REASON_SHUTOFF_SAVED = 5,
};

#define RECORDER_MAX_LIFECYCLE 64

/* The signals a test listens to, and where they ran. */
typedef struct
{
  guint opened;
  guint closed;
  guint added;
  guint removed;
  guint persistent_changed;   /* notify::persistent of a watched domain */
  gboolean watch_added;       /* watch every domain that domain-added reports */
  /* Every lifecycle signal of the watched domains since the last
   * recorder_expect(), in arrival order, as the quark of its
   * "signal::detail" name ("updated" when it has no detail). */
  GQuark lifecycle[RECORDER_MAX_LIFECYCLE];
  guint n_lifecycle;
  GThread *thread;            /* the thread of the last handler */
  gboolean wrong_context;     /* a handler ran outside the expected context */
  GMainContext *expected;     /* NULL: do not check */
} Recorder;

/* Iterates @context until *@counter >= @target; fails the test naming
 * @what after the bound. */
void spin_until (GMainContext *context, const guint *counter, guint target, const char *what);

/* Iterates @context until it has nothing left to do right now. */
void spin_idle (GMainContext *context);

/* What fills one of a connection's caches of host objects
 * (gvir_connection_fetch_networks and the like). */
typedef gboolean (*FetchFunc) (GVirConnection *conn, GCancellable *cancellable, GError **error);

/* A new connection to @uri, opened and with @fetch's cache filled; fails
 * the test otherwise. */
GVirConnection *open_and_fetch (const char *uri, FetchFunc fetch);

void recorder_watch_connection (Recorder *rec, GVirConnection *conn);
/* Watches the lifecycle signals of @dom (once, however often it is called). */
void recorder_watch_domain (Recorder *rec, GVirDomain *dom);

/* How often the lifecycle signal @name ("stopped::shutdown", "updated")
 * arrived since the last recorder_expect(). */
guint recorder_count (const Recorder *rec, const char *name);

/* Waits for the lifecycle signals named in the NULL-terminated list, then
 * checks that exactly these arrived, in this order, and no other, and
 * forgets them. With an empty list, checks that none arrived. */
void recorder_expect (Recorder *rec, ...) G_GNUC_NULL_TERMINATED;
/* The same with a NULL-terminated array. */
void recorder_expectv (Recorder *rec, const char * const *names);

/* Lets everything queued go by, then forgets every signal recorded. */
void recorder_forget (Recorder *rec);

GVirConnection *open_test_connection (void);
GVirDomain *fetch_test_domain (GVirConnection *conn);
GVirConfigDomain *make_domain_config (const char *name, const char *uuid);
GVirConfigDomain *parse_domain_config (const char *xml);

/* Asserts the state and reason gvir_domain_get_state() reports. */
void assert_state (GVirDomain *dom, GVirDomainState state, guint reason);

/* Stores the result of an async call and counts completions. */
typedef struct
{
  GAsyncResult *result;
  guint done;
} AsyncWait;

void async_wait_cb (GObject *source, GAsyncResult *result, gpointer user_data);
/* Waits (bounded) for the callback of the call named @what; returns its
 * result (transfer full). */
GAsyncResult *async_wait_finish (AsyncWait *wait, const char *what);

/* Drops the caller's reference and fails unless @object is finalised. */
void assert_finalized_soon (gpointer object);

void close_and_finalize (GVirConnection *conn);
