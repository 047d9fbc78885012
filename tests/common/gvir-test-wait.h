/*
 * gvir-test-wait.h: bounded waits for the test programs
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Every wait in a test has its own bound and, when the bound passes, fails
 * the test with a message that names what it waited for, instead of hanging
 * until meson's timeout kills the whole program without a word.
 *
 * The bound is GVIR_TEST_WAIT_SECONDS, multiplied by the environment
 * variable GVIR_TEST_WAIT_MULTIPLIER when it is set (the valgrind test
 * setup sets it, since everything runs ~10x slower there).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define GVIR_TEST_WAIT_SECONDS 20

/* A predicate over the waiter's data; called with the mutex held where a
 * mutex is involved. */
typedef gboolean (*GVirTestPredicate) (gpointer data);

/* The bound of one wait, in microseconds, multiplier applied. */
gint64 gvir_test_wait_bound_usec (void);

/* The monotonic-clock deadline of a wait that starts now. */
gint64 gvir_test_wait_deadline (void);

/* Fails the test: "timed out after N s waiting for WHAT". */
G_NORETURN void gvir_test_wait_timed_out (const char *what);

/* Waits on @cond (with @mutex held) until @predicate is true. */
void gvir_test_cond_wait_until (GCond            *cond,
                                GMutex           *mutex,
                                GVirTestPredicate predicate,
                                gpointer          data,
                                const char       *what);

/* Iterates @context (NULL: the global default) until @predicate is true. */
void gvir_test_spin_until (GMainContext     *context,
                           GVirTestPredicate predicate,
                           gpointer          data,
                           const char       *what);

/* Iterates @context until *@counter >= @target. */
void gvir_test_spin_until_count (GMainContext *context,
                                 const guint  *counter,
                                 guint         target,
                                 const char   *what);

/* g_main_loop_run() that fails the test when @loop is still running after
 * the bound. */
void gvir_test_main_loop_run (GMainLoop  *loop,
                              const char *what);

/* A thread whose end can be waited for with a bound (g_thread_join() has
 * none). */
typedef struct _GVirTestThread GVirTestThread;

GVirTestThread *gvir_test_thread_new (const char    *name,
                                      GThreadFunc    func,
                                      gpointer       data);

/* Waits (bounded) for the thread to return, joins it and returns what its
 * function returned. Frees @thread. */
gpointer gvir_test_thread_join (GVirTestThread *thread,
                                const char     *what);

/* Gives a blocking socket receive and send timeouts of the wait bound, so
 * that a read from a silent peer fails instead of blocking for ever. */
void gvir_test_socket_set_timeouts (int fd);

G_END_DECLS
