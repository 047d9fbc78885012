/*
 * gvird-loop.c: the I/O thread's main loop, with a short busy poll
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * A client that makes calls back to back (a script walking its domains,
 * a tool polling their state) sends its next call some tens of
 * microseconds after it got our reply. Sleeping in poll() through that
 * gap costs more than the gap itself on many machines: the thread is
 * descheduled, its CPU may halt, and on a virtual machine waking a
 * halted CPU is a round trip through the hypervisor. So when the last
 * two dispatches came within busy_poll_usec of each other, the loop
 * polls without sleeping for up to that long before it sleeps again.
 *
 * It adapts by itself: a gap longer than the window (an idle daemon, a
 * client that pauses between calls) turns the busy poll off until two
 * dispatches come close together again, so at most one window is spent
 * for nothing at the end of a burst. While it polls it yields the CPU,
 * every few turns, to any other thread that can run, so a busy machine
 * loses little to it.
 */
#include "config.h"

#include <sched.h>

#include "gvird-server-private.h"

/* How many empty polls of the busy poll go between two sched_yield(). */
#define YIELD_EVERY 8

void
gvird_loop_run (GvirdServer *server)
{
  gint64 window = server->config->busy_poll_usec;
  gint64 last_dispatch = G_MININT64 / 2;
  gboolean close_together = FALSE;
  guint idle_polls = 0;

  while (g_main_loop_is_running (server->loop))
    {
      gint64 now;

      if (close_together && g_get_monotonic_time () - last_dispatch < window)
        {
          if (!g_main_context_iteration (server->context, FALSE))
            {
              /* Not at every turn: a system call is dear on virtual
               * machines, and the scheduler preempts us anyway for a
               * thread it wakes here. */
              if (++idle_polls % YIELD_EVERY == 0)
                sched_yield ();
              continue;
            }
        }
      else
        g_main_context_iteration (server->context, TRUE);
      now = g_get_monotonic_time ();
      close_together = now - last_dispatch < window;
      last_dispatch = now;
    }
}
