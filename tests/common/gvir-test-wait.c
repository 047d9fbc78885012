/*
 * gvir-test-wait.c: bounded waits for the test programs
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/time.h>

#include "gvir-test-wait.h"

gint64
gvir_test_wait_bound_usec (void)
{
  const char *text = g_getenv ("GVIR_TEST_WAIT_MULTIPLIER");
  guint64 multiplier = 1;

  if (text != NULL && !g_ascii_string_to_unsigned (text, 10, 1, 100, &multiplier, NULL))
    g_error ("GVIR_TEST_WAIT_MULTIPLIER=%s is not a number from 1 to 100", text);
  return (gint64) multiplier * GVIR_TEST_WAIT_SECONDS * G_USEC_PER_SEC;
}

gint64
gvir_test_wait_deadline (void)
{
  return g_get_monotonic_time () + gvir_test_wait_bound_usec ();
}

void
gvir_test_wait_timed_out (const char *what)
{
  g_error ("timed out after %" G_GINT64_FORMAT " s waiting for %s",
           gvir_test_wait_bound_usec () / G_USEC_PER_SEC, what);
}

void
gvir_test_cond_wait_until (GCond            *cond,
                           GMutex           *mutex,
                           GVirTestPredicate predicate,
                           gpointer          data,
                           const char       *what)
{
  gint64 deadline = gvir_test_wait_deadline ();

  while (!predicate (data))
    if (!g_cond_wait_until (cond, mutex, deadline) && !predicate (data))
      gvir_test_wait_timed_out (what);
}

void
gvir_test_spin_until (GMainContext     *context,
                      GVirTestPredicate predicate,
                      gpointer          data,
                      const char       *what)
{
  gint64 deadline = gvir_test_wait_deadline ();

  while (!predicate (data))
    {
      if (g_get_monotonic_time () > deadline)
        gvir_test_wait_timed_out (what);
      if (!g_main_context_iteration (context, FALSE))
        g_usleep (1000);
    }
}

typedef struct
{
  const guint *counter;
  guint target;
} CountTarget;

static gboolean
count_reached (gpointer data)
{
  CountTarget *t = data;

  return *t->counter >= t->target;
}

void
gvir_test_spin_until_count (GMainContext *context,
                            const guint  *counter,
                            guint         target,
                            const char   *what)
{
  CountTarget t = { counter, target };

  gvir_test_spin_until (context, count_reached, &t, what);
}

static gboolean
main_loop_overran (gpointer data)
{
  gvir_test_wait_timed_out (data);
}

void
gvir_test_main_loop_run (GMainLoop  *loop,
                         const char *what)
{
  GSource *timeout = g_timeout_source_new ((guint) (gvir_test_wait_bound_usec () / 1000));

  g_source_set_callback (timeout, main_loop_overran, (gpointer) what, NULL);
  g_source_attach (timeout, g_main_loop_get_context (loop));
  g_main_loop_run (loop);
  g_source_destroy (timeout);
  g_source_unref (timeout);
}

struct _GVirTestThread
{
  GThread *thread;
  GThreadFunc func;
  gpointer data;
  GMutex lock;
  GCond cond;
  gboolean done;
};

static gpointer
test_thread_main (gpointer data)
{
  GVirTestThread *t = data;
  gpointer result = t->func (t->data);

  g_mutex_lock (&t->lock);
  t->done = TRUE;
  g_cond_signal (&t->cond);
  g_mutex_unlock (&t->lock);
  return result;
}

GVirTestThread *
gvir_test_thread_new (const char  *name,
                      GThreadFunc  func,
                      gpointer     data)
{
  GVirTestThread *t = g_new0 (GVirTestThread, 1);

  g_mutex_init (&t->lock);
  g_cond_init (&t->cond);
  t->func = func;
  t->data = data;
  t->thread = g_thread_new (name, test_thread_main, t);
  return t;
}

static gboolean
thread_done (gpointer data)
{
  return ((GVirTestThread *) data)->done;
}

gpointer
gvir_test_thread_join (GVirTestThread *t,
                       const char     *what)
{
  gpointer result;

  g_mutex_lock (&t->lock);
  gvir_test_cond_wait_until (&t->cond, &t->lock, thread_done, t, what);
  g_mutex_unlock (&t->lock);
  result = g_thread_join (t->thread);
  g_mutex_clear (&t->lock);
  g_cond_clear (&t->cond);
  g_free (t);
  return result;
}

void
gvir_test_socket_set_timeouts (int fd)
{
  gint64 usec = gvir_test_wait_bound_usec ();
  struct timeval tv = { .tv_sec = usec / G_USEC_PER_SEC, .tv_usec = usec % G_USEC_PER_SEC };

  if (setsockopt (fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv) < 0 ||
      setsockopt (fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv) < 0)
    g_error ("cannot give socket %d a timeout: %s", fd, g_strerror (errno));
}
