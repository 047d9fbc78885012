/*
 * gvir-host.c: host facts from /proc and /sys that libnuma does not give
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "libvirt-gobject/libvirt-gobject-error.h"
#include "libvirt-gobject/util/gvir-host-private.h"
#include "libvirt-gobject/util/gvir-uuid-private.h"

/* ---- small file readers ------------------------------------------------------ */

static char *
read_trimmed (const char  *path,
              GError     **error)
{
  g_autoptr(GError) local = NULL;
  char *text = NULL;

  if (!g_file_get_contents (path, &text, NULL, &local))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INTERNAL,
                   "cannot read host topology: %s", local->message);
      return NULL;
    }
  return g_strstrip (text);
}

static gboolean
read_uint (const char  *path,
           guint       *value,
           GError     **error)
{
  g_autofree char *text = read_trimmed (path, error);
  guint64 parsed;

  if (text == NULL)
    return FALSE;
  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT, &parsed, NULL))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INTERNAL,
                   "cannot parse host topology file %s: '%s' is not a number", path, text);
      return FALSE;
    }
  *value = (guint) parsed;
  return TRUE;
}

static GVirIdSet *
read_id_list (const char  *path,
              GError     **error)
{
  g_autofree char *text = read_trimmed (path, error);

  if (text == NULL)
    return NULL;
  return gvir_id_set_parse (text, path, GVIR_ID_SET_LIMIT, error);
}

/* ---- CPUs ------------------------------------------------------------------- */

void
gvir_host_cpu_clear (GVirHostCpu *cpu)
{
  g_clear_pointer (&cpu->siblings, gvir_id_set_free);
}

gboolean
gvir_host_read_cpu (const char   *sysfs_root,
                    guint         cpu,
                    GVirHostCpu  *out,
                    GError      **error)
{
  g_autofree char *dir = g_strdup_printf ("%s/devices/system/cpu/cpu%u/topology", sysfs_root, cpu);
  g_autofree char *socket_path = g_build_filename (dir, "physical_package_id", NULL);
  g_autofree char *die_path = g_build_filename (dir, "die_id", NULL);
  g_autofree char *core_path = g_build_filename (dir, "core_id", NULL);
  g_autofree char *siblings_path = g_build_filename (dir, "thread_siblings_list", NULL);
  GVirHostCpu result = { 0 };

  if (!read_uint (socket_path, &result.socket_id, error) ||
      !read_uint (core_path, &result.core_id, error))
    return FALSE;
  /* Kernels before 5.6 have no dies: one die per socket. */
  if (g_file_test (die_path, G_FILE_TEST_EXISTS) && !read_uint (die_path, &result.die_id, error))
    return FALSE;
  result.siblings = read_id_list (siblings_path, error);
  if (result.siblings == NULL)
    return FALSE;
  *out = result;
  return TRUE;
}

GVirIdSet *
gvir_host_read_online_cpus (const char  *sysfs_root,
                            GError     **error)
{
  g_autofree char *path = g_build_filename (sysfs_root, "devices/system/cpu/online", NULL);

  return read_id_list (path, error);
}

guint
gvir_host_parse_cpu_mhz (const char *cpuinfo)
{
  g_auto(GStrv) lines = g_strsplit (cpuinfo, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *colon;

      if (!g_str_has_prefix (lines[i], "cpu MHz"))
        continue;
      colon = strchr (lines[i], ':');
      if (colon == NULL)
        continue;
      return (guint) g_ascii_strtoull (colon + 1, NULL, 10);
    }
  return 0;
}

gboolean
gvir_host_parse_meminfo (const char *meminfo,
                         const char *key,
                         guint64    *kib)
{
  g_auto(GStrv) lines = g_strsplit (meminfo, "\n", -1);
  gsize key_len = strlen (key);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *end = NULL;
      const char *value;
      guint64 parsed;

      if (strncmp (lines[i], key, key_len) != 0 || lines[i][key_len] != ':')
        continue;
      value = lines[i] + key_len + 1;
      parsed = g_ascii_strtoull (value, &end, 10);
      if (end == value)
        return FALSE;
      while (*end == ' ')
        end++;
      /* Every size in meminfo is in kB (KiB); counts have no unit. */
      if (*end != '\0' && !g_str_equal (end, "kB"))
        return FALSE;
      *kib = parsed;
      return TRUE;
    }
  return FALSE;
}

/* ---- huge pages of a node ------------------------------------------------------ */

static gint
compare_pages (gconstpointer a,
               gconstpointer b)
{
  const GVirHostPages *pa = a;
  const GVirHostPages *pb = b;

  return pa->size_kib < pb->size_kib ? -1 : pa->size_kib > pb->size_kib;
}

GArray *
gvir_host_read_node_hugepages (const char *sysfs_root,
                               int         node)
{
  g_autofree char *dir_path = g_strdup_printf ("%s/devices/system/node/node%d/hugepages",
                                               sysfs_root, node);
  GArray *pools = g_array_new (FALSE, FALSE, sizeof (GVirHostPages));
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *count_path = NULL;
      GVirHostPages pages = { 0 };
      guint count;
      char *end = NULL;

      /* "hugepages-2048kB" */
      if (!g_str_has_prefix (name, "hugepages-"))
        continue;
      pages.size_kib = g_ascii_strtoull (name + strlen ("hugepages-"), &end, 10);
      if (pages.size_kib == 0 || g_strcmp0 (end, "kB") != 0)
        continue;
      count_path = g_build_filename (dir_path, name, "nr_hugepages", NULL);
      if (!read_uint (count_path, &count, NULL))
        continue;
      pages.count = count;
      g_array_append_val (pools, pages);
    }
  g_array_sort (pools, compare_pages);
  return pools;
}

/* ---- the node info's topology --------------------------------------------------- */

static gboolean
socket_seen (GArray *cpus, guint upto, const GVirHostCpu *cpu)
{
  for (guint i = 0; i < upto; i++)
    {
      const GVirHostCpu *other = &g_array_index (cpus, GVirHostCpu, i);

      if (other->socket_id == cpu->socket_id)
        return TRUE;
    }
  return FALSE;
}

void
gvir_host_summarize_topology (GArray *cpus,
                              guint  *nodes,
                              guint  *sockets,
                              guint  *cores,
                              guint  *threads)
{
  guint n_cpus = cpus->len;
  guint n_sockets = 0;
  guint n_threads;

  g_return_if_fail (n_cpus > 0);

  for (guint i = 0; i < n_cpus; i++)
    if (!socket_seen (cpus, i, &g_array_index (cpus, GVirHostCpu, i)))
      n_sockets++;
  n_threads = MAX (gvir_id_set_count (g_array_index (cpus, GVirHostCpu, 0).siblings), 1);

  if (*nodes == 0)
    *nodes = 1;
  /* Sockets are counted per node, as in libvirt's virNodeInfo. */
  if (n_sockets % *nodes == 0 && n_cpus % (n_sockets * n_threads) == 0)
    {
      *sockets = n_sockets / *nodes;
      *cores = n_cpus / (n_sockets * n_threads);
      *threads = n_threads;
      if (*nodes * *sockets * *cores * *threads == n_cpus && *sockets > 0)
        return;
    }
  *nodes = 1;
  *sockets = 1;
  *cores = n_cpus;
  *threads = 1;
}

/* ---- the host's UUID -------------------------------------------------------------- */

static gboolean
uuid_is_placeholder (const char *uuid)
{
  /* Firmware without a UUID reports all zeros or all ones. */
  return g_str_equal (uuid, "00000000-0000-0000-0000-000000000000") ||
         g_str_equal (uuid, "ffffffff-ffff-ffff-ffff-ffffffffffff");
}

static char *
read_uuid_file (const char *path)
{
  g_autofree char *text = NULL;
  char uuid[GVIR_UUID_STRING_SIZE];

  if (!g_file_get_contents (path, &text, NULL, NULL) || !gvir_uuid_canonicalize (text, uuid) ||
      uuid_is_placeholder (uuid))
    return NULL;
  return g_strdup (uuid);
}

char *
gvir_host_read_uuid (const char *sysfs_root,
                     const char *machine_id_path)
{
  g_autofree char *dmi_path = g_build_filename (sysfs_root, "class/dmi/id/product_uuid", NULL);
  char *uuid = read_uuid_file (dmi_path);

  if (uuid != NULL)
    return uuid;
  return read_uuid_file (machine_id_path);
}
