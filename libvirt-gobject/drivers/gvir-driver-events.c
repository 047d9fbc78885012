/*
 * gvir-driver-events.c: lifecycle events a driver collects under its lock
 * and delivers after dropping it
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include "gvir-driver-events-private.h"

typedef struct
{
  GVirDriverDomain *domain;
  int event;
  int detail;
} PendingEvent;

struct _GVirDriverEvents
{
  GArray *items;          /* PendingEvent */
};

static void
pending_event_clear (gpointer data)
{
  gvir_driver_domain_free (((PendingEvent *) data)->domain);
}

GVirDriverEvents *
gvir_driver_events_new (void)
{
  GVirDriverEvents *events = g_new0 (GVirDriverEvents, 1);

  events->items = g_array_new (FALSE, FALSE, sizeof (PendingEvent));
  g_array_set_clear_func (events->items, pending_event_clear);
  return events;
}

void
gvir_driver_events_free (GVirDriverEvents *events)
{
  if (events == NULL)
    return;
  g_array_unref (events->items);
  g_free (events);
}

void
gvir_driver_events_add (GVirDriverEvents *events,
                        GVirDriverDomain *domain,
                        int               event,
                        int               detail)
{
  PendingEvent ev = { domain, event, detail };

  g_array_append_val (events->items, ev);
}

gboolean
gvir_driver_events_is_empty (const GVirDriverEvents *events)
{
  return events->items->len == 0;
}

GPtrArray *
gvir_driver_events_pinned_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) gvir_driver_connection_unref);
}

void
gvir_driver_events_pin (GPtrArray            *pinned,
                        GVirDriverConnection *conn)
{
  GVirDriverConnection *ref = gvir_driver_connection_try_ref (conn);

  if (ref != NULL)
    g_ptr_array_add (pinned, ref);
}

void
gvir_driver_events_deliver (const GVirDriverEvents *events,
                            GPtrArray              *pinned)
{
  guint i, j;

  for (i = 0; i < events->items->len; i++)
    {
      const PendingEvent *ev = &g_array_index (events->items, PendingEvent, i);
      GVirDriverEvent event = {
        .kind = GVIR_DRIVER_EVENT_DOMAIN_LIFECYCLE,
        .domain = ev->domain,
        .event = ev->event,
        .detail = ev->detail,
      };

      for (j = 0; j < pinned->len; j++)
        gvir_driver_connection_emit_event (pinned->pdata[j], &event);
    }
}

void
gvir_driver_events_emit (const GVirDriverEvents *events,
                         GMutex                 *lock,
                         GPtrArray              *listeners,
                         GVirDriverConnectionOf  conn_of)
{
  g_autoptr(GPtrArray) pinned = NULL;
  guint i;

  if (gvir_driver_events_is_empty (events))
    return;
  pinned = gvir_driver_events_pinned_new ();
  g_mutex_lock (lock);
  for (i = 0; i < listeners->len; i++)
    gvir_driver_events_pin (pinned, conn_of != NULL ? conn_of (listeners->pdata[i])
                                                    : listeners->pdata[i]);
  g_mutex_unlock (lock);
  gvir_driver_events_deliver (events, pinned);
}
