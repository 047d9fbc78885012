/*
 * gvir-qemu-placement.c: host placement of a QEMU domain (CPU pinning, the
 * restrictive memory mode, hugepages) and its NUMA parameters
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#define _GNU_SOURCE 1
#include "config.h"

#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/types.h>

#include "libvirt-gobject/libvirt-gobject-error.h"
#include "libvirt-gobject/util/gvir-numa-private.h"
#include "gvir-qemu-placement-private.h"
#include "gvir-qemu-state-private.h"
#include "libvirt-gconfig/libvirt-gconfig-object-private.h"

struct _GVirQemuPlacement
{
  GVirIdSet *host_cpus;
  GVirIdSet *vcpu_default;   /* <vcpu cpuset>, or NULL */
  GPtrArray *vcpu_pins;      /* GVirIdSet (or NULL) per vCPU: <vcpupin> */
  GVirIdSet *emulator;       /* <emulatorpin>, else <vcpu cpuset>, or NULL */
  GVirIdSet *process_nodes;  /* restrictive mode: the process's nodes, or NULL */
  char *hugepages_dir;
};

void
gvir_qemu_placement_free (GVirQemuPlacement *placement)
{
  if (placement == NULL)
    return;
  g_clear_pointer (&placement->host_cpus, gvir_id_set_free);
  g_clear_pointer (&placement->vcpu_default, gvir_id_set_free);
  g_clear_pointer (&placement->vcpu_pins, g_ptr_array_unref);
  g_clear_pointer (&placement->emulator, gvir_id_set_free);
  g_clear_pointer (&placement->process_nodes, gvir_id_set_free);
  g_free (placement->hugepages_dir);
  g_free (placement);
}

const char *
gvir_qemu_placement_get_hugepages_dir (const GVirQemuPlacement *placement)
{
  return placement->hugepages_dir;
}

/* ---- reading the definition ------------------------------------------------ */

/* The CPUs of every host node. */
static GVirIdSet *
host_cpus_of (const GVirIdSet *host_nodes)
{
  GVirIdSet *cpus = gvir_id_set_new (GVIR_ID_SET_LIMIT);

  for (gint node = gvir_id_set_first (host_nodes); node >= 0;
       node = gvir_id_set_next (host_nodes, node))
    {
      g_autoptr(GArray) node_cpus = gvir_numa_get_node_cpus (node);

      for (guint i = 0; node_cpus != NULL && i < node_cpus->len; i++)
        gvir_id_set_add (cpus, g_array_index (node_cpus, guint, i));
    }
  return cpus;
}

/* @text (a cpuset of @where; NULL: none) as a set of host CPUs. */
static gboolean
parse_cpuset (const char         *text,
              const char         *where,
              const GVirIdSet    *host_cpus,
              GVirIdSet         **cpus,
              GError            **error)
{
  g_autoptr(GVirIdSet) set = NULL;
  g_autofree char *host = NULL;
  gint missing = -1;

  *cpus = NULL;
  if (text == NULL)
    return TRUE;
  set = gvir_id_set_parse (text, "cpuset", GVIR_ID_SET_LIMIT, error);
  if (set == NULL)
    {
      g_prefix_error (error, "%s: ", where);
      return FALSE;
    }
  for (gint cpu = gvir_id_set_first (set); cpu >= 0 && missing < 0;
       cpu = gvir_id_set_next (set, cpu))
    if (!gvir_id_set_contains (host_cpus, cpu))
      missing = cpu;
  if (gvir_id_set_is_empty (set) || missing >= 0)
    {
      host = gvir_id_set_format (host_cpus);
      if (missing >= 0)
        g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                     "%s cpuset '%s' names CPU %d, but the host has CPUs %s",
                     where, text, missing, host);
      else
        g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                     "%s cpuset '%s' names no CPU (host CPUs %s)", where, text, host);
      return FALSE;
    }
  *cpus = g_steal_pointer (&set);
  return TRUE;
}

static gboolean
read_cpu_pinning (GVirQemuPlacement  *placement,
                  GVirConfigDomain   *def,
                  GError            **error)
{
  g_autoptr(GVirConfigDomainCputune) cputune = gvir_config_domain_get_cputune (def);
  guint64 vcpus = gvir_config_domain_get_vcpus (def);
  GVirIdSet *pin = NULL;

  if (!parse_cpuset (gvir_config_domain_get_vcpu_cpuset (def), "<vcpu>", placement->host_cpus,
                     &placement->vcpu_default, error))
    return FALSE;
  placement->vcpu_pins = g_ptr_array_new_with_free_func ((GDestroyNotify) gvir_id_set_free);
  for (guint64 i = 0; i < MAX (vcpus, 1); i++)
    {
      g_autofree char *where = g_strdup_printf ("<vcpupin vcpu='%" G_GUINT64_FORMAT "'>", i);

      if (!parse_cpuset (cputune ? gvir_config_domain_cputune_get_vcpupin (cputune, i) : NULL,
                         where, placement->host_cpus, &pin, error))
        return FALSE;
      g_ptr_array_add (placement->vcpu_pins, pin);
    }
  if (!parse_cpuset (cputune ? gvir_config_domain_cputune_get_emulatorpin (cputune) : NULL,
                     "<emulatorpin>", placement->host_cpus, &placement->emulator, error))
    return FALSE;
  /* As in libvirt, the emulator follows <vcpu cpuset> unless pinned. */
  if (placement->emulator == NULL && placement->vcpu_default != NULL)
    placement->emulator = gvir_id_set_copy (placement->vcpu_default);
  return TRUE;
}

/* Adds the nodes of @text to @nodes (a restrictive nodeset). */
static gboolean
add_restrictive_nodes (GVirIdSet **nodes, const char *text, GError **error)
{
  g_autoptr(GVirIdSet) set = NULL;
  GVirIdSet *merged;

  if (text == NULL)
    return TRUE;
  set = gvir_id_set_parse (text, "nodeset", GVIR_ID_SET_LIMIT, error);
  if (set == NULL)
    return FALSE;
  merged = *nodes ? gvir_id_set_union (*nodes, set) : gvir_id_set_copy (set);
  g_clear_pointer (nodes, gvir_id_set_free);
  *nodes = merged;
  return TRUE;
}

#define RESTRICTIVE GVIR_CONFIG_DOMAIN_NUMATUNE_MEMORY_MODE_RESTRICTIVE

/* libvirt applies mode='restrictive' with cgroups (cpuset.mems) and gives
 * QEMU no policy; without cgroups the whole process is bound to the union
 * of the restrictive nodesets instead. */
static gboolean
read_restrictive_nodes (GVirQemuPlacement  *placement,
                        GVirConfigDomain   *def,
                        const GVirIdSet    *host_nodes,
                        GError            **error)
{
  g_autoptr(GVirConfigDomainNumatune) tune = gvir_config_domain_get_numatune (def);
  g_autolist(GVirConfigDomainNumatuneMemnode) memnodes = NULL;

  if (tune == NULL)
    return TRUE;
  if (gvir_config_domain_numatune_get_memory_mode (tune) == RESTRICTIVE &&
      !add_restrictive_nodes (&placement->process_nodes,
                              gvir_config_domain_numatune_get_memory_nodeset (tune), error))
    return FALSE;
  memnodes = gvir_config_domain_numatune_get_memnodes (tune);
  for (GList *l = memnodes; l != NULL; l = l->next)
    if (gvir_config_domain_numatune_memnode_get_mode (l->data) == RESTRICTIVE &&
        !add_restrictive_nodes (&placement->process_nodes,
                                gvir_config_domain_numatune_memnode_get_nodeset (l->data), error))
      return FALSE;
  return placement->process_nodes == NULL ||
         gvir_numa_check_nodes_on_host (placement->process_nodes, host_nodes, error);
}

/* ---- hugepages ----------------------------------------------------------------- */

/* A pagesize= mount option ("2M", "1G", "2048k") in KiB; 0 if malformed. */
static guint64
pagesize_option_kib (const char *value)
{
  char *end = NULL;
  guint64 number = g_ascii_strtoull (value, &end, 10);

  if (end == value)
    return 0;
  switch (g_ascii_tolower (*end))
    {
    case 'k':
      return number;
    case 'm':
      return number * 1024;
    case 'g':
      return number * 1024 * 1024;
    case '\0':
      return number / 1024;
    default:
      return 0;
    }
}

/* The page size of a hugetlbfs mount with @options. */
static guint64
mount_page_kib (const char *options, guint64 default_page_kib)
{
  g_auto(GStrv) list = g_strsplit (options, ",", -1);

  for (gsize i = 0; list[i] != NULL; i++)
    if (g_str_has_prefix (list[i], "pagesize="))
      return pagesize_option_kib (list[i] + strlen ("pagesize="));
  return default_page_kib;
}

char *
gvir_qemu_find_hugetlbfs (const char  *mounts_file,
                          guint64      page_kib,
                          guint64      default_page_kib,
                          GError     **error)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  /* An unreadable table is a host without hugetlbfs as far as we know. */
  if (g_file_get_contents (mounts_file, &contents, NULL, NULL))
    {
      lines = g_strsplit (contents, "\n", -1);
      for (gsize i = 0; lines[i] != NULL; i++)
        {
          g_auto(GStrv) fields = g_strsplit_set (lines[i], " \t", -1);

          if (g_strv_length (fields) >= 4 && g_str_equal (fields[2], "hugetlbfs") &&
              mount_page_kib (fields[3], default_page_kib) == page_kib)
            return g_strcompress (fields[1]);   /* /proc/mounts escapes spaces as \040 */
        }
    }
  g_set_error (error, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED,
               "no hugetlbfs mount for page size %" G_GUINT64_FORMAT " KiB", page_kib);
  return NULL;
}

guint64
gvir_qemu_default_hugepage_kib (void)
{
  g_autofree char *contents = NULL;
  const char *line;

  if (g_file_get_contents ("/proc/meminfo", &contents, NULL, NULL) &&
      (line = strstr (contents, "Hugepagesize:")) != NULL)
    {
      guint64 kib = g_ascii_strtoull (line + strlen ("Hugepagesize:"), NULL, 10);

      if (kib > 0)
        return kib;
    }
  return 2048;
}

static gboolean
read_hugepages (GVirQemuPlacement  *placement,
                GVirConfigDomain   *def,
                const char         *mounts_file,
                GError            **error)
{
  g_autoptr(GVirConfigDomainMemoryBacking) backing = gvir_config_domain_get_memory_backing (def);
  guint64 page_kib;

  if (backing == NULL || !gvir_config_domain_memory_backing_get_hugepages (backing))
    return TRUE;
  page_kib = gvir_qemu_default_hugepage_kib ();
  placement->hugepages_dir = gvir_qemu_find_hugetlbfs (mounts_file, page_kib, page_kib, error);
  return placement->hugepages_dir != NULL;
}

GVirQemuPlacement *
gvir_qemu_placement_new (GVirConfigDomain  *def,
                         const GVirIdSet   *host_nodes,
                         const char        *mounts_file,
                         GError           **error)
{
  g_autoptr(GVirQemuPlacement) placement = g_new0 (GVirQemuPlacement, 1);

  placement->host_cpus = host_cpus_of (host_nodes);
  if (!read_cpu_pinning (placement, def, error) ||
      !read_restrictive_nodes (placement, def, host_nodes, error) ||
      !read_hugepages (placement, def, mounts_file ? mounts_file : GVIR_QEMU_MOUNTS_FILE, error))
    return NULL;
  return g_steal_pointer (&placement);
}

/* ---- applying it ------------------------------------------------------------- */

/* Sets the CPUs of thread @tid (0: the calling thread) to @cpus. */
static gboolean
set_thread_cpus (gint64 tid, const GVirIdSet *cpus, GError **error)
{
  gint last = gvir_id_set_last (cpus);
  gsize size;
  cpu_set_t *mask;
  int saved_errno;
  int rc;

  /* Only the host's CPUs can be empty (a host that lists none): then
   * there is nothing to restrict the thread to. */
  if (last < 0)
    return TRUE;
  size = CPU_ALLOC_SIZE (last + 1);
  mask = CPU_ALLOC (last + 1);
  CPU_ZERO_S (size, mask);
  for (gint cpu = gvir_id_set_first (cpus); cpu >= 0; cpu = gvir_id_set_next (cpus, cpu))
    CPU_SET_S (cpu, size, mask);
  rc = sched_setaffinity ((pid_t) tid, size, mask);
  saved_errno = errno;
  CPU_FREE (mask);
  if (rc == 0)
    return TRUE;
  {
    g_autofree char *text = gvir_id_set_format (cpus);

    g_set_error (error, GVIR_ERROR, GVIR_ERROR_FAILED,
                 "cannot pin thread %" G_GINT64_FORMAT " to CPUs %s: %s", tid, text,
                 g_strerror (saved_errno));
  }
  return FALSE;
}

gboolean
gvir_qemu_placement_setup_spawn (gpointer   data,
                                 GError   **error)
{
  GVirQemuPlacement *placement = data;

  if (placement->process_nodes != NULL &&
      !gvir_numa_set_memory_policy (GVIR_NUMA_POLICY_STRICT, placement->process_nodes, error))
    return FALSE;
  /* Threads QEMU starts later (I/O, workers) inherit these CPUs. */
  return placement->emulator == NULL || set_thread_cpus (0, placement->emulator, error);
}

/* Whether @tid is one of @vcpu_threads. */
static gboolean
is_vcpu_thread (GArray *vcpu_threads, gint64 tid)
{
  for (guint i = 0; i < vcpu_threads->len; i++)
    if (g_array_index (vcpu_threads, gint64, i) == tid)
      return TRUE;
  return FALSE;
}

/* Every thread of @pid but the vCPUs gets the emulator's CPUs. */
static gboolean
pin_emulator_threads (const GVirQemuPlacement  *placement,
                      gint64                    pid,
                      GArray                   *vcpu_threads,
                      GError                  **error)
{
  g_autofree char *task_dir = g_strdup_printf ("/proc/%" G_GINT64_FORMAT "/task", pid);
  g_autoptr(GError) local = NULL;
  g_autoptr(GDir) dir = g_dir_open (task_dir, 0, &local);
  const char *name;

  if (dir == NULL)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_FAILED,
                   "cannot list the threads of QEMU %" G_GINT64_FORMAT " to pin them: %s",
                   pid, local->message);
      return FALSE;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      gint64 tid = g_ascii_strtoll (name, NULL, 10);

      /* A thread that ended meanwhile (ESRCH) needs no CPUs. */
      if (tid > 0 && !is_vcpu_thread (vcpu_threads, tid) &&
          !set_thread_cpus (tid, placement->emulator, error))
        {
          if (kill ((pid_t) tid, 0) < 0 && errno == ESRCH)
            g_clear_error (error);
          else
            return FALSE;
        }
    }
  return TRUE;
}

gboolean
gvir_qemu_placement_apply (const GVirQemuPlacement  *placement,
                           GVirQemuProcess          *proc,
                           GError                  **error)
{
  GArray *vcpu_threads = gvir_qemu_process_get_vcpu_threads (proc);

  for (guint i = 0; i < vcpu_threads->len; i++)
    {
      const GVirIdSet *cpus = NULL;

      if (i < placement->vcpu_pins->len)
        cpus = g_ptr_array_index (placement->vcpu_pins, i);

      if (cpus == NULL)
        cpus = placement->vcpu_default;
      /* Unpinned vCPUs may use any CPU, not just the emulator's they
       * inherited from the spawning thread. */
      if (cpus == NULL && placement->emulator != NULL)
        cpus = placement->host_cpus;
      if (cpus != NULL && !set_thread_cpus (g_array_index (vcpu_threads, gint64, i), cpus, error))
        return FALSE;
    }
  return placement->emulator == NULL ||
         pin_emulator_threads (placement, gvir_qemu_process_get_pid (proc), vcpu_threads, error);
}

/* ---- NUMA parameters ------------------------------------------------------------ */

static int
numa_mode_of (GVirConfigDomain *def)
{
  g_autoptr(GVirConfigDomainNumatune) tune = gvir_config_domain_get_numatune (def);

  return tune ? (int) gvir_config_domain_numatune_get_memory_mode (tune) : 0;
}

/* The canonical <numatune><memory> nodeset, "" when there is none (or the
 * host picks the nodes). */
static char *
numa_nodeset_of (GVirConfigDomain *def)
{
  g_autoptr(GVirConfigDomainNumatune) tune = gvir_config_domain_get_numatune (def);
  g_autoptr(GVirIdSet) set = NULL;
  const char *text = NULL;

  if (tune != NULL &&
      gvir_config_domain_numatune_get_memory_placement (tune) != GVIR_CONFIG_DOMAIN_PLACEMENT_AUTO)
    text = gvir_config_domain_numatune_get_memory_nodeset (tune);
  if (text == NULL || (set = gvir_id_set_parse (text, "nodeset", GVIR_ID_SET_LIMIT, NULL)) == NULL)
    return g_strdup ("");
  return gvir_id_set_format (set);
}

/* What a live request on a stopped domain is told. */
#define NO_LIVE_NUMA "its live NUMA parameters do not exist"

gboolean
gvir_qemu_get_numa_parameters (gpointer       data,
                               const char    *uuid,
                               guint          flags,
                               int           *mode,
                               char         **nodeset,
                               GCancellable  *cancellable,
                               GError       **error)
{
  GVirQemuState *state = GVIR_QEMU_HANDLE_STATE (data);
  g_autoptr(GVirQemuDomain) dom = gvir_qemu_state_find (state, uuid, error);
  gboolean live = FALSE, config = FALSE, ok = FALSE;

  if (dom == NULL)
    return FALSE;
  g_mutex_lock (&state->mutex);
  if (!gvir_qemu_domain_resolve_affect (dom, uuid, flags, NO_LIVE_NUMA, &live, &config, error))
    ;
  else if (live && config)
    g_set_error_literal (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                         "cannot get live and config NUMA parameters at once");
  else
    {
      GVirConfigDomain *def = live ? dom->live : dom->def;

      *mode = numa_mode_of (def);
      *nodeset = numa_nodeset_of (def);
      ok = TRUE;
    }
  g_mutex_unlock (&state->mutex);
  return ok;
}

/* QEMU 7.2 cannot change the policy or host nodes of a running memory
 * backend, and the restrictive mode's process policy cannot be set from
 * outside the process: only a request that changes nothing is accepted. */
static gboolean
check_live_change (GVirQemuDomain  *dom,
                   int              mode,
                   const char      *canonical,
                   GError         **error)
{
  g_autofree char *current = numa_nodeset_of (dom->live);

  if (mode >= 0 && mode != numa_mode_of (dom->live))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID,
                   "cannot change the NUMA mode of running domain '%s'", dom->entry->name);
      return FALSE;
    }
  if (canonical != NULL && g_strcmp0 (canonical, current) != 0)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED,
                   "cannot move the memory of running domain '%s' to nodes %s: QEMU 7.2 "
                   "cannot change a running memory backend's host nodes; change the "
                   "persistent configuration instead", dom->entry->name, canonical);
      return FALSE;
    }
  return TRUE;
}

/* A copy of @def with <numatune><memory> changed (mode -1 and nodeset
 * NULL keep the current values), checked as libvirt would. */
static GVirConfigDomain *
with_numatune (GVirConfigDomain  *def,
               int                mode,
               const char        *canonical,
               GError           **error)
{
  g_autofree char *xml = gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (def));
  g_autoptr(GVirConfigDomain) changed = gvir_config_domain_new_from_xml (xml, error);
  g_autoptr(GVirConfigDomainNumatune) tune = NULL;
  g_autoptr(GError) local = NULL;

  if (changed == NULL)
    return NULL;
  tune = gvir_config_domain_get_numatune (changed);
  if (tune == NULL)
    {
      tune = gvir_config_domain_numatune_new ();
      gvir_config_domain_set_numatune (changed, tune);
    }
  gvir_config_domain_numatune_set_memory_mode (tune, mode >= 0 ? mode :
                                               gvir_config_domain_numatune_get_memory_mode (tune));
  if (canonical != NULL)
    {
      /* An explicit nodeset makes the placement static (no attribute). */
      gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (tune), "memory", "placement", NULL);
      if (!gvir_config_domain_numatune_set_memory_nodeset (tune, canonical, error))
        return NULL;
    }
  if (!gvir_config_domain_validate_numa (changed, &local))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                   "cannot set the NUMA parameters of domain '%s': %s",
                   gvir_config_domain_get_name (def), local->message);
      return NULL;
    }
  return g_steal_pointer (&changed);
}

/* Under the state lock: checks everything first, then writes the
 * persistent definition atomically; a live request changes nothing (see
 * check_live_change), so nothing can be half applied. */
static gboolean
set_numa_locked (GVirQemuState    *state,
                 GVirQemuDomain   *dom,
                 const char       *uuid,
                 int               mode,
                 const GVirIdSet  *nodes,
                 const char       *canonical,
                 guint             flags,
                 GError          **error)
{
  g_autoptr(GVirConfigDomain) changed = NULL;
  gboolean live = FALSE, config = FALSE;

  if (!gvir_qemu_domain_resolve_affect (dom, uuid, flags, NO_LIVE_NUMA, &live, &config, error))
    return FALSE;
  if (mode < 0 && canonical == NULL)
    return TRUE;
  if ((live && !check_live_change (dom, mode, canonical, error)) ||
      (nodes != NULL && !gvir_numa_check_nodes_on_host (nodes, state->host_nodes, error)))
    return FALSE;
  if (!config)
    return TRUE;
  changed = with_numatune (dom->def, mode, canonical, error);
  if (changed == NULL || !gvir_qemu_state_write_definition (state, changed, error))
    return FALSE;
  g_set_object (&dom->def, changed);
  return TRUE;
}

gboolean
gvir_qemu_set_numa_parameters (gpointer       data,
                               const char    *uuid,
                               int            mode,
                               const char    *nodeset,
                               guint          flags,
                               GCancellable  *cancellable,
                               GError       **error)
{
  GVirQemuState *state = GVIR_QEMU_HANDLE_STATE (data);
  g_autoptr(GVirQemuDomain) dom = NULL;
  g_autoptr(GVirIdSet) nodes = NULL;
  g_autofree char *canonical = NULL;
  gboolean ok;

  if (mode > GVIR_CONFIG_DOMAIN_NUMATUNE_MEMORY_MODE_RESTRICTIVE)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT, "unknown NUMA mode %d", mode);
      return FALSE;
    }
  if (nodeset != NULL)
    {
      nodes = gvir_id_set_parse (nodeset, "nodeset", GVIR_ID_SET_LIMIT, error);
      if (nodes == NULL)
        return FALSE;
      canonical = gvir_id_set_format (nodes);
    }
  dom = gvir_qemu_state_find (state, uuid, error);
  if (dom == NULL)
    return FALSE;
  /* The job keeps a start from reading the definition halfway. */
  g_mutex_lock (&dom->job);
  g_mutex_lock (&state->mutex);
  ok = set_numa_locked (state, dom, uuid, mode, nodes, canonical, flags, error);
  g_mutex_unlock (&state->mutex);
  g_mutex_unlock (&dom->job);
  return ok;
}
