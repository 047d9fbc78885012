/*
 * gvir-numa-mock.c: an emulated NUMA host for tests, preloaded with LD_PRELOAD
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Replaces the GVIR_MOCKABLE host queries of libvirt-gobject/util/gvir-numa.c
 * with answers read from a folder shaped like /sys/devices/system:
 *
 *   $GVIR_NUMA_MOCK_SYSFS/node/online              "0-3" or "0,2"
 *   $GVIR_NUMA_MOCK_SYSFS/node/nodeN/cpulist       "4-7"
 *   $GVIR_NUMA_MOCK_SYSFS/node/nodeN/meminfo       "Node N MemTotal: X kB" / "MemFree"
 *   $GVIR_NUMA_MOCK_SYSFS/node/nodeN/distance      "10 20 ..." (one per online node)
 *
 * The folder is read on every call so that one test can switch hosts.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "libvirt-gobject/util/gvir-numa-private.h"

/* Lets the test see that this object really is loaded. */
GVIR_PRIVATE_EXPORT gboolean gvir_numa_mock_loaded = TRUE;

static char *
mock_read (const char *relative)
{
  const char *root = g_getenv ("GVIR_NUMA_MOCK_SYSFS");
  g_autofree char *path = NULL;
  char *contents = NULL;

  if (root == NULL)
    g_error ("gvir-numa-mock: GVIR_NUMA_MOCK_SYSFS is not set");
  path = g_build_filename (root, relative, NULL);
  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;
  return g_strstrip (contents);
}

/* Parses sysfs list syntax ("0-3,8,10-11") into ascending ids. */
static GArray *
mock_parse_list (const char *text)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (guint));
  g_auto(GStrv) items = g_strsplit (text, ",", -1);

  for (char **item = items; *item; item++)
    {
      char *dash = strchr (*item, '-');
      guint first, last;

      if (**item == '\0')
        continue;
      first = (guint) strtoul (*item, NULL, 10);
      last = dash ? (guint) strtoul (dash + 1, NULL, 10) : first;
      for (guint id = first; id <= last; id++)
        g_array_append_val (ids, id);
    }
  return ids;
}

static GArray *
mock_online_nodes (void)
{
  g_autofree char *online = mock_read ("node/online");

  return online ? mock_parse_list (online) : NULL;
}

static char *
mock_read_node_file (int node, const char *name)
{
  g_autofree char *relative = g_strdup_printf ("node/node%d/%s", node, name);

  return mock_read (relative);
}

gboolean
gvir_numa_is_available (void)
{
  g_autoptr(GArray) online = mock_online_nodes ();

  return online != NULL && online->len > 0;
}

int
gvir_numa_get_max_node (void)
{
  g_autoptr(GArray) online = mock_online_nodes ();

  if (online == NULL || online->len == 0)
    return -1;
  return (int) g_array_index (online, guint, online->len - 1);
}

gboolean
gvir_numa_node_is_available (int node)
{
  g_autoptr(GArray) online = mock_online_nodes ();

  if (online == NULL || node < 0)
    return FALSE;
  for (guint i = 0; i < online->len; i++)
    if (g_array_index (online, guint, i) == (guint) node)
      return TRUE;
  return FALSE;
}

static guint64
mock_meminfo_field (const char *meminfo, const char *field)
{
  const char *at = strstr (meminfo, field);

  if (at == NULL)
    return 0;
  at += strlen (field);
  return g_ascii_strtoull (at, NULL, 10) * 1024;
}

gboolean
gvir_numa_get_node_memory (int node, guint64 *size, guint64 *free_bytes)
{
  g_autofree char *meminfo = NULL;

  if (!gvir_numa_node_is_available (node))
    return FALSE;
  meminfo = mock_read_node_file (node, "meminfo");
  if (meminfo == NULL)
    return FALSE;
  if (size)
    *size = mock_meminfo_field (meminfo, "MemTotal:");
  if (free_bytes)
    *free_bytes = mock_meminfo_field (meminfo, "MemFree:");
  return TRUE;
}

GArray *
gvir_numa_get_node_cpus (int node)
{
  g_autofree char *cpulist = NULL;

  if (!gvir_numa_node_is_available (node))
    return NULL;
  cpulist = mock_read_node_file (node, "cpulist");
  return mock_parse_list (cpulist ? cpulist : "");
}

int
gvir_numa_get_node_of_cpu (int cpu)
{
  g_autoptr(GArray) online = mock_online_nodes ();

  if (online == NULL || cpu < 0)
    return -1;
  for (guint i = 0; i < online->len; i++)
    {
      int node = (int) g_array_index (online, guint, i);
      g_autoptr(GArray) cpus = gvir_numa_get_node_cpus (node);

      for (guint j = 0; cpus && j < cpus->len; j++)
        if (g_array_index (cpus, guint, j) == (guint) cpu)
          return node;
    }
  return -1;
}

GArray *
gvir_numa_get_distances (int node)
{
  g_autoptr(GArray) online = mock_online_nodes ();
  g_autofree char *text = NULL;
  g_auto(GStrv) values = NULL;
  GArray *distances;
  guint max_node;

  if (online == NULL || !gvir_numa_node_is_available (node))
    return NULL;
  text = mock_read_node_file (node, "distance");
  if (text == NULL)
    return NULL;

  /* sysfs lists one value per online node, in node order. */
  values = g_strsplit_set (text, " \t", -1);
  max_node = g_array_index (online, guint, online->len - 1);
  distances = g_array_sized_new (FALSE, TRUE, sizeof (guint), max_node + 1);
  g_array_set_size (distances, max_node + 1);
  for (guint i = 0, v = 0; i < online->len && values[v]; i++, v++)
    g_array_index (distances, guint, g_array_index (online, guint, i)) =
      (guint) strtoul (values[v], NULL, 10);
  return distances;
}
