/*
 * driver-test-utils.h: event recording shared by the driver tests
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#pragma once

#include "drivers/gvir-driver-private.h"

/* One recorded lifecycle event: what a receiver would keep. */
typedef struct
{
  char *name;
  char *uuid;
  int event;
  int detail;
  int state;
  int id;
} RecordedEvent;

typedef struct
{
  GMutex lock;
  GPtrArray *events;   /* RecordedEvent * */
} Recorder;

static inline void
recorded_event_free (gpointer data)
{
  RecordedEvent *ev = data;

  g_free (ev->name);
  g_free (ev->uuid);
  g_free (ev);
}

static inline void
recorder_init (Recorder *rec)
{
  g_mutex_init (&rec->lock);
  rec->events = g_ptr_array_new_with_free_func (recorded_event_free);
}

static inline void
recorder_clear (Recorder *rec)
{
  g_clear_pointer (&rec->events, g_ptr_array_unref);
  g_mutex_clear (&rec->lock);
}

/* A GVirDriverEventFunc: copies what it keeps, as the contract asks. */
static inline void
recorder_func (const GVirDriverEvent *event,
               gpointer               data)
{
  Recorder *rec = data;
  RecordedEvent *ev;

  if (event->kind != GVIR_DRIVER_EVENT_DOMAIN_LIFECYCLE)
    return;

  ev = g_new0 (RecordedEvent, 1);
  ev->name = g_strdup (event->domain->name);
  ev->uuid = g_strdup (event->domain->uuid);
  ev->event = event->event;
  ev->detail = event->detail;
  ev->state = event->domain->state;
  ev->id = event->domain->id;

  g_mutex_lock (&rec->lock);
  g_ptr_array_add (rec->events, ev);
  g_mutex_unlock (&rec->lock);
}

static inline guint
recorder_count (Recorder *rec)
{
  guint n;

  g_mutex_lock (&rec->lock);
  n = rec->events->len;
  g_mutex_unlock (&rec->lock);
  return n;
}

/* Asserts that the oldest recorded event is (@name, @event, @detail) and
 * drops it. */
#define recorder_expect(rec, name_, event_, detail_) \
  G_STMT_START { \
    RecordedEvent *ev_; \
    g_assert_cmpuint (recorder_count (rec), >, 0); \
    ev_ = (rec)->events->pdata[0]; \
    g_assert_cmpstr (ev_->name, ==, (name_)); \
    g_assert_cmpint (ev_->event, ==, (event_)); \
    g_assert_cmpint (ev_->detail, ==, (detail_)); \
    g_ptr_array_remove_index ((rec)->events, 0); \
  } G_STMT_END

#define recorder_assert_empty(rec) g_assert_cmpuint (recorder_count (rec), ==, 0)
