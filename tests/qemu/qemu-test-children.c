/*
 * qemu-test-children.c: the QEMU processes a QEMU driver test started
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "drivers/qemu/gvir-qemu-status-private.h"
#include "qemu-test-children.h"

/* The command line of @pid with its separators made spaces, or NULL. */
static char *
read_cmdline (const char *pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/cmdline", pid);
  char *cmdline = NULL;
  gsize len = 0, i;

  if (!g_file_get_contents (path, &cmdline, &len, NULL))
    return NULL;
  for (i = 0; i + 1 < len; i++)
    if (cmdline[i] == '\0')
      cmdline[i] = ' ';
  return cmdline;
}

GArray *
qemu_test_find_children (const char *needle)
{
  GArray *pids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GDir) proc = g_dir_open ("/proc", 0, NULL);
  const char *entry;

  while (proc != NULL && (entry = g_dir_read_name (proc)) != NULL)
    {
      g_autofree char *cmdline = NULL;
      gint64 pid = g_ascii_strtoll (entry, NULL, 10);
      guint64 ppid = 0;

      if (pid <= 0 || !gvir_qemu_process_stat_field (pid, 4, &ppid, NULL) ||
          ppid != (guint64) getpid () || (cmdline = read_cmdline (entry)) == NULL)
        continue;
      if (strstr (cmdline, "qemu-system") != NULL && strstr (cmdline, needle) != NULL)
        g_array_append_val (pids, pid);
    }
  return pids;
}

guint
qemu_test_count_children (const char *needle)
{
  g_autoptr(GArray) pids = qemu_test_find_children (needle);

  return pids->len;
}

void
qemu_test_kill_children (const char *needle)
{
  g_autoptr(GArray) pids = qemu_test_find_children (needle);
  guint i;

  for (i = 0; i < pids->len; i++)
    kill ((pid_t) g_array_index (pids, gint64, i), SIGKILL);
}

static void
kill_children_and_die (int sig)
{
  qemu_test_kill_children ("guest=");
  signal (sig, SIG_DFL);
  raise (sig);
}

void
qemu_test_kill_children_on_abort (void)
{
  signal (SIGABRT, kill_children_and_die);
  signal (SIGTRAP, kill_children_and_die);
  /* meson's timeout ends a test with SIGTERM. */
  signal (SIGTERM, kill_children_and_die);
}

gboolean
qemu_test_emulator_missing (void)
{
  g_autofree char *path = g_find_program_in_path ("qemu-system-x86_64");

  if (path != NULL)
    return FALSE;
  if (g_getenv ("GVIR_TESTS_REQUIRE_ALL") != NULL)
    g_error ("qemu-system-x86_64 is missing and GVIR_TESTS_REQUIRE_ALL is set");
  g_test_skip ("qemu-system-x86_64 is not installed");
  return TRUE;
}
