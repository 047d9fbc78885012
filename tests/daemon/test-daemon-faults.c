/*
 * test-daemon-faults.c: gvird under faulty and numerous clients keeps
 * serving, and gives back the memory they made it take
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Each case measures the daemon's resident memory (VmRSS) and open file
 * descriptors once it served a first client, runs its fault, checks that
 * another client is served right, and asserts that the daemon's VmRSS is
 * back within a generous bound of that idle figure and that it holds no
 * more descriptors than then (a closed client left nothing behind). No
 * case asserts anything about time; every wait has its own bound.
 */
/* POLLRDHUP */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "config.h"

#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "gvir-test-wait.h"
#include "gvird-runner.h"
#include "libvirt-gobject/rpc/gvir-rpc-remote-private.h"

#define TEST_UUID "6695eb01-f6a4-8304-79aa-97f2502e193f"
#define N_CLIENTS 100
#define CALLS_PER_CLIENT 5
/* What a fault may leave the daemon holding, above its idle figure: the
 * allocator keeps some freed memory, and a few MiB is far below what a
 * leak per client or a kept buffer of queued events would show. */
#define RSS_SLACK_KIB (8 * 1024)

/* The daemon's VmRSS in KiB, from /proc/PID/status. */
static guint64
daemon_rss_kib (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", (int) pid);
  g_autofree char *status = NULL;
  const char *line;

  g_assert_true (g_file_get_contents (path, &status, NULL, NULL));
  line = strstr (status, "\nVmRSS:");
  g_assert_nonnull (line);
  return g_ascii_strtoull (line + strlen ("\nVmRSS:"), NULL, 10);
}

/* How many descriptors the daemon has open. */
static guint
daemon_fd_count (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/fd", (int) pid);
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

typedef struct
{
  guint64 rss_kib;
  guint fds;
} Usage;

static Usage
daemon_usage (GPid pid)
{
  Usage u = { daemon_rss_kib (pid), daemon_fd_count (pid) };

  return u;
}

/* Whether gvird runs inside valgrind (the valgrind test setup traces
 * children): its resident memory is then mostly valgrind's own, and
 * memcheck judges the daemon's leaks itself. */
static gboolean
daemon_under_valgrind (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/exe", (int) pid);
  g_autofree char *exe = g_file_read_link (path, NULL);

  return exe != NULL && strstr (exe, "valgrind") != NULL;
}

/* Built with AddressSanitizer (and gvird with it): freed memory waits in
 * its quarantine, so resident memory says nothing of leaks, which
 * LeakSanitizer checks when gvird exits (the runner wants status 0). */
#if defined(__SANITIZE_ADDRESS__)
# define BUILT_WITH_ASAN 1
#elif defined(__has_feature)
# if __has_feature (address_sanitizer)
#  define BUILT_WITH_ASAN 1
# endif
#endif
#ifndef BUILT_WITH_ASAN
# define BUILT_WITH_ASAN 0
#endif

static gboolean
rss_near (guint64 now, guint64 idle, GPid pid)
{
  return now <= idle + RSS_SLACK_KIB || BUILT_WITH_ASAN || daemon_under_valgrind (pid);
}

static gboolean
usage_near (const Usage *now,
            const Usage *idle,
            GPid         pid)
{
  return rss_near (now->rss_kib, idle->rss_kib, pid) && now->fds <= idle->fds;
}

/* The daemon notices closes asynchronously: a client served after them
 * does not prove they were all handled, so this waits (bounded) for the
 * usage to come back before asserting it. */
static void
assert_usage_near_idle (GvirdRunner *gvird,
                        const Usage *idle,
                        const char  *after)
{
  gint64 deadline = gvir_test_wait_deadline ();
  Usage now = daemon_usage (gvird->pid);

  while (!usage_near (&now, idle, gvird->pid) && g_get_monotonic_time () < deadline)
    {
      g_usleep (20000);
      now = daemon_usage (gvird->pid);
    }
  g_test_message ("after %s: VmRSS %" G_GUINT64_FORMAT " KiB, %u fds (idle %" G_GUINT64_FORMAT
                  " KiB, %u fds)", after, now.rss_kib, now.fds, idle->rss_kib, idle->fds);
  if (!rss_near (now.rss_kib, idle->rss_kib, gvird->pid))
    g_assert_cmpuint (now.rss_kib, <=, idle->rss_kib + RSS_SLACK_KIB);
  g_assert_cmpuint (now.fds, <=, idle->fds);
}

static GByteArray *
domain_args (void)
{
  GVirRpcDomainArgs args = { { (char *) "test", { 0 }, 1 } };

  g_assert_true (gvir_rpc_uuid_parse (TEST_UUID, args.dom.uuid));
  return gvir_rpc_encode_domain_args (&args, NULL);
}

/* GET_INFO of the test domain: the test driver's fixed figures. */
static void
assert_get_info (GSocket *sock)
{
  g_autoptr (GByteArray) dom = domain_args ();
  g_autoptr (GBytes) reply = NULL;
  g_auto (GVirRpcDomainInfo) info = { 0 };
  GVirRpcHeader header;
  gsize len = 0;
  const guint8 *data;

  g_assert_true (raw_call (sock, GVIR_RPC_PROC_DOMAIN_GET_INFO, dom->data, dom->len, &header,
                           &reply));
  g_assert_cmpuint (header.status, ==, GVIR_RPC_STATUS_OK);
  data = g_bytes_get_data (reply, &len);
  g_assert_true (gvir_rpc_decode_domain_info (data, len, &info, NULL));
  g_assert_cmpint (info.state, ==, 1);
  g_assert_cmpuint (info.max_mem_kib, ==, 8388608);
  g_assert_cmpuint (info.nr_virt_cpu, ==, 2);
}

/* The daemon's idle usage: its descriptors before any client, and its
 * VmRSS once a first client came and went, so that what any client at
 * all costs once (the worker threads, the allocator's arenas, the
 * driver's state) is in it. */
static Usage
idle_usage (GvirdRunner *gvird)
{
  guint fds_before = daemon_fd_count (gvird->pid);
  g_autoptr (GSocket) first = raw_connect (gvird->socket);
  Usage idle = { G_MAXUINT64 / 2, fds_before };  /* no RSS bound yet */

  raw_open (first, 0);
  assert_get_info (first);
  g_clear_object (&first);
  /* Once the first client's descriptor is closed, it is gone. */
  assert_usage_near_idle (gvird, &idle, "the first client");
  idle.rss_kib = daemon_rss_kib (gvird->pid);
  return idle;
}

static void
assert_another_client_served (GvirdRunner *gvird)
{
  g_autoptr (GSocket) other = raw_connect (gvird->socket);

  raw_open (other, 0);
  assert_get_info (other);
}

/* ---- 100 clients at once ------------------------------------------------------ */

/* One wave: N_CLIENTS clients at once, each sending its next call
 * before any reads its reply, so that the daemon holds all connections
 * and their calls together; every reply must match its own call's serial
 * and carry the right figures. */
static void
run_wave (GvirdRunner *gvird)
{
  g_autoptr (GByteArray) dom = domain_args ();
  GSocket *clients[N_CLIENTS];
  guint i, round;

  for (i = 0; i < N_CLIENTS; i++)
    {
      clients[i] = raw_connect (gvird->socket);
      raw_open (clients[i], 0);
    }
  for (round = 0; round < CALLS_PER_CLIENT; round++)
    {
      for (i = 0; i < N_CLIENTS; i++)
        g_assert_true (raw_send_call (clients[i], GVIR_RPC_PROC_DOMAIN_GET_INFO,
                                      1000 * round + i, dom->data, dom->len));
      for (i = 0; i < N_CLIENTS; i++)
        {
          g_autoptr (GBytes) reply = NULL;
          g_auto (GVirRpcDomainInfo) info = { 0 };
          GVirRpcHeader header;
          gsize len = 0;
          const guint8 *data;

          g_assert_true (raw_read_reply (clients[i], &header, &reply));
          g_assert_cmpuint (header.serial, ==, 1000 * round + i);
          g_assert_cmpint (header.proc, ==, GVIR_RPC_PROC_DOMAIN_GET_INFO);
          g_assert_cmpuint (header.status, ==, GVIR_RPC_STATUS_OK);
          data = g_bytes_get_data (reply, &len);
          g_assert_true (gvir_rpc_decode_domain_info (data, len, &info, NULL));
          g_assert_cmpint (info.state, ==, 1);
          g_assert_cmpuint (info.max_mem_kib, ==, 8388608);
        }
    }
  g_test_message ("VmRSS with %d clients: %" G_GUINT64_FORMAT " KiB", N_CLIENTS,
                  daemon_rss_kib (gvird->pid));
  for (i = 0; i < N_CLIENTS; i++)
    g_object_unref (clients[i]);
}

/* Two waves, with room for little more than one under max_clients: the
 * second is served only if the first one's places were given back. */
static void
test_many_clients (void)
{
  g_autoptr (GError) error = NULL;
  GvirdRunner *gvird = gvird_runner_start ("max_clients = 120", &error);
  Usage idle;

  g_assert_no_error (error);
  idle = idle_usage (gvird);
  run_wave (gvird);
  assert_another_client_served (gvird);
  assert_usage_near_idle (gvird, &idle, "a wave of 100 clients");
  run_wave (gvird);
  assert_another_client_served (gvird);
  assert_usage_near_idle (gvird, &idle, "a second wave of 100 clients");
  gvird_runner_stop (gvird);
}

/* ---- a client that never reads while events pile up ---------------------------------- */

static gboolean
peer_hung_up (GSocket *sock)
{
  struct pollfd pfd = { g_socket_get_fd (sock), POLLRDHUP, 0 };

  return poll (&pfd, 1, 0) == 1 && (pfd.revents & (POLLRDHUP | POLLHUP)) != 0;
}

static void
call_domain (GSocket *sock,
             gint32   proc)
{
  g_autoptr (GByteArray) dom = domain_args ();
  g_autoptr (GBytes) reply = NULL;
  GVirRpcHeader header;

  g_assert_true (raw_call (sock, proc, dom->data, dom->len, &header, &reply));
  g_assert_cmpuint (header.status, ==, GVIR_RPC_STATUS_OK);
}

/* Registered for lifecycle events and never reading: with a queue cap of
 * 64 KiB the daemon closes it, and what it had queued is freed. */
static void
test_event_sleeper (void)
{
  g_autoptr (GError) error = NULL;
  GvirdRunner *gvird = gvird_runner_start ("max_client_queue = 65536", &error);
  GVirRpcConnectDomainEventCallbackRegisterAnyArgs args = { 0, NULL };
  g_autoptr (GByteArray) payload = NULL;
  g_autoptr (GSocket) sleeper = NULL;
  g_autoptr (GSocket) driver = NULL;
  g_autoptr (GBytes) reply = NULL;
  GVirRpcHeader header;
  Usage idle;
  guint rounds;

  g_assert_no_error (error);
  idle = idle_usage (gvird);
  payload = gvir_rpc_encode_connect_domain_event_callback_register_any_args (&args, NULL);
  sleeper = raw_connect (gvird->socket);
  raw_open (sleeper, 0);
  g_assert_true (raw_call (sleeper, GVIR_RPC_PROC_CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY,
                           payload->data, payload->len, &header, &reply));
  g_assert_cmpuint (header.status, ==, GVIR_RPC_STATUS_OK);

  driver = raw_connect (gvird->socket);
  raw_open (driver, 0);
  /* The socket buffers take a few hundred KiB, the queue 64 KiB more:
   * 20000 rounds of two events is far past both. */
  for (rounds = 0; rounds < 20000 && !peer_hung_up (sleeper); rounds++)
    {
      call_domain (driver, GVIR_RPC_PROC_DOMAIN_SUSPEND);
      call_domain (driver, GVIR_RPC_PROC_DOMAIN_RESUME);
    }
  g_test_message ("the sleeper was closed after %u rounds", rounds);
  g_assert_true (peer_hung_up (sleeper));
  assert_get_info (driver);
  g_clear_object (&sleeper);
  g_clear_object (&driver);
  assert_another_client_served (gvird);
  assert_usage_near_idle (gvird, &idle, "the sleeper was closed");
  gvird_runner_stop (gvird);
}

/* ---- kill -9 of a client mid-call ----------------------------------------------------- */

/* In the child: opens, registers for events, then sends calls without
 * reading replies and signals the parent (one byte on @ready) that its
 * calls are out; then waits to be killed. */
G_GNUC_NORETURN static void
child_client (const char *socket_path,
              int         ready)
{
  static const guint8 half_frame[] = { 0x00, 0x00, 0x00, 0x40, 0x20, 0x00, 0x80, 0x86, 0x00 };
  GVirRpcConnectDomainEventCallbackRegisterAnyArgs args = { 0, NULL };
  g_autoptr (GByteArray) payload = NULL;
  g_autoptr (GByteArray) dom = domain_args ();
  g_autoptr (GBytes) reply = NULL;
  GSocket *sock;
  GVirRpcHeader header;
  guint i;

  /* Not left behind by a test that fails before it kills this child. */
  prctl (PR_SET_PDEATHSIG, SIGKILL);
  sock = raw_connect (socket_path);
  raw_open (sock, 0);
  payload = gvir_rpc_encode_connect_domain_event_callback_register_any_args (&args, NULL);
  if (!raw_call (sock, GVIR_RPC_PROC_CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY, payload->data,
                 payload->len, &header, &reply))
    _exit (3);
  for (i = 0; i < 200; i++)
    raw_send_call (sock, GVIR_RPC_PROC_DOMAIN_GET_XML_DESC, 5000 + i, dom->data, dom->len);
  /* Half a frame too: killed in the middle of sending a call. */
  if (write (g_socket_get_fd (sock), half_frame, sizeof half_frame) != sizeof half_frame)
    _exit (5);
  if (write (ready, "x", 1) != 1)
    _exit (4);
  for (;;)
    pause ();
}

static void
test_client_killed (void)
{
  g_autoptr (GError) error = NULL;
  GvirdRunner *gvird = gvird_runner_start (NULL, &error);
  Usage idle;
  guint round;

  g_assert_no_error (error);
  idle = idle_usage (gvird);
  for (round = 0; round < 20; round++)
    {
      int pipe_fds[2];
      char byte = 0;
      pid_t child;
      int status;

      g_assert_cmpint (pipe (pipe_fds), ==, 0);
      child = fork ();
      g_assert_cmpint (child, >=, 0);
      if (child == 0)
        {
          close (pipe_fds[0]);
          child_client (gvird->socket, pipe_fds[1]);
        }
      close (pipe_fds[1]);
      {
        struct pollfd ready = { pipe_fds[0], POLLIN, 0 };

        /* Bounded: the child's calls are out, or it failed (end of file). */
        g_assert_cmpint (poll (&ready, 1, gvir_test_wait_bound_usec () / 1000), ==, 1);
        g_assert_cmpint (read (pipe_fds[0], &byte, 1), ==, 1);
      }
      close (pipe_fds[0]);
      g_assert_cmpint (kill (child, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (child, &status, 0), ==, child);
      g_assert_true (WIFSIGNALED (status));
      g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
      assert_another_client_served (gvird);
    }
  assert_usage_near_idle (gvird, &idle, "20 clients killed mid-call");
  gvird_runner_stop (gvird);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/daemon/faults/many-clients", test_many_clients);
  g_test_add_func ("/daemon/faults/event-sleeper", test_event_sleeper);
  g_test_add_func ("/daemon/faults/client-killed", test_client_killed);
  return g_test_run ();
}
