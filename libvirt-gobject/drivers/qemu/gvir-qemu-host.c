/*
 * gvir-qemu-host.c: the QEMU driver's host calls: version, hostname, node
 * info, free memory of cells, capabilities and domain capabilities
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * The XML is libvirt's: the same elements in the same order as libvirt's
 * QEMU driver writes them, limited to what this driver knows and honours.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "libvirt-gobject/libvirt-gobject-error.h"
#include "libvirt-gobject/util/gvir-host-private.h"
#include "libvirt-gobject/util/gvir-numa-private.h"
#include "gvir-qemu-host-private.h"
#include "gvir-qemu-state-private.h"

/* The only guest architecture the driver runs. */
#define QEMU_HOST_GUEST_ARCH "x86_64"
#define QEMU_HOST_MACHINE_ID "/etc/machine-id"

/* ---- identity ------------------------------------------------------------------- */

gboolean
gvir_qemu_host_get_version (gpointer       handle,
                            gulong        *version,
                            GCancellable  *cancellable,
                            GError       **error)
{
  const GVirQemuCaps *caps = gvir_qemu_state_get_caps (GVIR_QEMU_HANDLE_STATE (handle),
                                                       cancellable, error);

  if (caps == NULL)
    return FALSE;
  /* libvirt's encoding: 7.2.22 is 7002022. */
  *version = (gulong) caps->version_major * 1000000 + caps->version_minor * 1000 +
             caps->version_micro;
  return TRUE;
}

char *
gvir_qemu_host_get_hostname (gpointer       handle,
                             GCancellable  *cancellable,
                             GError       **error)
{
  return g_strdup (g_get_host_name ());
}

/* ---- the host's CPUs ------------------------------------------------------------- */

/* The topology of every online CPU (element type GVirHostCpu). */
static GArray *
read_online_cpus (GError **error)
{
  g_autoptr(GVirIdSet) online = gvir_host_read_online_cpus (GVIR_HOST_SYSFS, error);
  g_autoptr(GArray) cpus = NULL;

  if (online == NULL)
    return NULL;
  cpus = g_array_new (FALSE, TRUE, sizeof (GVirHostCpu));
  g_array_set_clear_func (cpus, (GDestroyNotify) gvir_host_cpu_clear);
  for (int id = gvir_id_set_first (online); id >= 0; id = gvir_id_set_next (online, (guint) id))
    {
      GVirHostCpu cpu = { 0 };

      if (!gvir_host_read_cpu (GVIR_HOST_SYSFS, (guint) id, &cpu, error))
        return NULL;
      g_array_append_val (cpus, cpu);
    }
  if (cpus->len == 0)
    {
      g_set_error_literal (error, GVIR_ERROR, GVIR_ERROR_INTERNAL,
                           "the host lists no online CPU in " GVIR_HOST_SYSFS
                           "/devices/system/cpu/online");
      return NULL;
    }
  return g_steal_pointer (&cpus);
}

static gboolean
read_proc_value (const char  *file,
                 const char  *key,
                 guint64     *kib,
                 GError     **error)
{
  g_autofree char *path = g_build_filename (GVIR_HOST_PROCFS, file, NULL);
  g_autofree char *text = NULL;

  if (!g_file_get_contents (path, &text, NULL, NULL) ||
      !gvir_host_parse_meminfo (text, key, kib))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INTERNAL, "cannot read %s from %s", key, path);
      return FALSE;
    }
  return TRUE;
}

static guint
read_cpu_mhz (void)
{
  g_autofree char *path = g_build_filename (GVIR_HOST_PROCFS, "cpuinfo", NULL);
  g_autofree char *text = NULL;

  /* Some architectures give no clock; libvirt reports 0 then. */
  if (!g_file_get_contents (path, &text, NULL, NULL))
    return 0;
  return gvir_host_parse_cpu_mhz (text);
}

static char *
host_arch (void)
{
  struct utsname name;

  if (uname (&name) != 0)
    return g_strdup ("unknown");
  return g_strdup (name.machine);
}

gboolean
gvir_qemu_host_get_node_info (gpointer             handle,
                              GVirDriverNodeInfo  *info,
                              GCancellable        *cancellable,
                              GError             **error)
{
  GVirQemuState *state = GVIR_QEMU_HANDLE_STATE (handle);
  g_autoptr(GArray) cpus = read_online_cpus (error);
  GVirDriverNodeInfo out = { 0 };

  if (cpus == NULL || !read_proc_value ("meminfo", "MemTotal", &out.memory_kib, error))
    return FALSE;
  out.cpus = cpus->len;
  out.mhz = read_cpu_mhz ();
  out.nodes = gvir_id_set_count (state->host_nodes);
  gvir_host_summarize_topology (cpus, &out.nodes, &out.sockets, &out.cores, &out.threads);
  out.model = host_arch ();
  *info = out;
  return TRUE;
}

GArray *
gvir_qemu_host_get_cells_free_memory (gpointer       handle,
                                      int            start_cell,
                                      int            max_cells,
                                      GCancellable  *cancellable,
                                      GError       **error)
{
  GVirQemuState *state = GVIR_QEMU_HANDLE_STATE (handle);
  int last_cell = gvir_id_set_last (state->host_nodes);
  GArray *cells;

  if (start_cell > last_cell)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND,
                   "range exceeds available cells: cell %d requested, the host's last is %d",
                   start_cell, last_cell);
      return NULL;
    }
  cells = g_array_new (FALSE, FALSE, sizeof (guint64));
  /* Cells are node ids, as in libvirt: an absent node in the range (ids
   * may be sparse) has no free memory. */
  for (gint64 cell = start_cell; cell <= last_cell && cell < (gint64) start_cell + max_cells; cell++)
    {
      guint64 free_bytes = 0;

      if (!gvir_id_set_contains (state->host_nodes, (guint) cell) ||
          !gvir_numa_get_node_memory ((int) cell, NULL, &free_bytes))
        free_bytes = 0;
      g_array_append_val (cells, free_bytes);
    }
  return cells;
}

/* ---- capabilities ---------------------------------------------------------------- */

static guint64
system_page_kib (void)
{
  return (guint64) sysconf (_SC_PAGESIZE) / 1024;
}

/* KVM runs a domain only when the binary can use it and /dev/kvm opens
 * now (permissions change after the probe). */
static gboolean
kvm_usable (const GVirQemuCaps *caps)
{
  int fd;

  if (!caps->kvm_usable)
    return FALSE;
  fd = open ("/dev/kvm", O_RDWR | O_CLOEXEC);
  if (fd < 0)
    return FALSE;
  close (fd);
  return TRUE;
}

static void
format_cell_pages (GString *xml, int node, guint64 memory_kib)
{
  g_autoptr(GArray) pools = gvir_host_read_node_hugepages (GVIR_HOST_SYSFS, node);
  guint64 page_kib = system_page_kib ();
  guint64 huge_kib = 0;

  for (guint i = 0; i < pools->len; i++)
    {
      const GVirHostPages *pages = &g_array_index (pools, GVirHostPages, i);

      huge_kib += pages->size_kib * pages->count;
    }
  /* Small pages hold what the huge page pools do not. */
  g_string_append_printf (xml, "          <pages unit='KiB' size='%" G_GUINT64_FORMAT "'>%"
                          G_GUINT64_FORMAT "</pages>\n",
                          page_kib, memory_kib > huge_kib ? (memory_kib - huge_kib) / page_kib : 0);
  for (guint i = 0; i < pools->len; i++)
    {
      const GVirHostPages *pages = &g_array_index (pools, GVirHostPages, i);

      g_string_append_printf (xml, "          <pages unit='KiB' size='%" G_GUINT64_FORMAT "'>%"
                              G_GUINT64_FORMAT "</pages>\n", pages->size_kib, pages->count);
    }
}

static void
format_cell_distances (GString *xml, int node)
{
  g_autoptr(GArray) distances = gvir_numa_get_distances (node);

  if (distances == NULL)
    return;
  g_string_append (xml, "          <distances>\n");
  for (guint other = 0; other < distances->len; other++)
    {
      guint value = g_array_index (distances, guint, other);

      if (value != 0)
        g_string_append_printf (xml, "            <sibling id='%u' value='%u'/>\n", other, value);
    }
  g_string_append (xml, "          </distances>\n");
}

static void
format_cell_cpus (GString *xml, int node)
{
  g_autoptr(GArray) cpus = gvir_numa_get_node_cpus (node);

  if (cpus == NULL)
    cpus = g_array_new (FALSE, FALSE, sizeof (guint));
  g_string_append_printf (xml, "          <cpus num='%u'>\n", cpus->len);
  for (guint i = 0; i < cpus->len; i++)
    {
      guint id = g_array_index (cpus, guint, i);
      GVirHostCpu cpu = { 0 };
      g_autofree char *siblings = NULL;

      /* An offline CPU has no topology: libvirt lists its id alone. */
      if (!gvir_host_read_cpu (GVIR_HOST_SYSFS, id, &cpu, NULL))
        {
          g_string_append_printf (xml, "            <cpu id='%u'/>\n", id);
          continue;
        }
      siblings = gvir_id_set_format (cpu.siblings);
      g_string_append_printf (xml, "            <cpu id='%u' socket_id='%u' die_id='%u' "
                              "core_id='%u' siblings='%s'/>\n",
                              id, cpu.socket_id, cpu.die_id, cpu.core_id, siblings);
      gvir_host_cpu_clear (&cpu);
    }
  g_string_append (xml, "          </cpus>\n");
}

static void
format_cell (GString *xml, int node)
{
  guint64 size = 0;

  gvir_numa_get_node_memory (node, &size, NULL);
  g_string_append_printf (xml, "        <cell id='%d'>\n"
                          "          <memory unit='KiB'>%" G_GUINT64_FORMAT "</memory>\n",
                          node, size / 1024);
  format_cell_pages (xml, node, size / 1024);
  format_cell_distances (xml, node);
  format_cell_cpus (xml, node);
  g_string_append (xml, "        </cell>\n");
}

static gboolean
format_host_cpu (GString *xml, GVirQemuState *state, GError **error)
{
  g_autoptr(GArray) cpus = read_online_cpus (error);
  g_autoptr(GArray) pools = NULL;
  g_autofree char *arch = host_arch ();
  guint nodes = gvir_id_set_count (state->host_nodes), sockets, cores, threads;

  if (cpus == NULL)
    return FALSE;
  gvir_host_summarize_topology (cpus, &nodes, &sockets, &cores, &threads);
  g_string_append_printf (xml, "    <cpu>\n"
                          "      <arch>%s</arch>\n"
                          "      <topology sockets='%u' dies='1' cores='%u' threads='%u'/>\n"
                          "      <pages unit='KiB' size='%" G_GUINT64_FORMAT "'/>\n",
                          arch, sockets * nodes, cores, threads, system_page_kib ());
  pools = gvir_host_read_node_hugepages (GVIR_HOST_SYSFS, gvir_id_set_first (state->host_nodes));
  for (guint i = 0; i < pools->len; i++)
    g_string_append_printf (xml, "      <pages unit='KiB' size='%" G_GUINT64_FORMAT "'/>\n",
                            g_array_index (pools, GVirHostPages, i).size_kib);
  g_string_append (xml, "    </cpu>\n");
  return TRUE;
}

static gboolean
format_host (GString *xml, GVirQemuState *state, GError **error)
{
  g_autofree char *uuid = gvir_host_read_uuid (GVIR_HOST_SYSFS, QEMU_HOST_MACHINE_ID);

  g_string_append (xml, "  <host>\n");
  if (uuid != NULL)
    g_string_append_printf (xml, "    <uuid>%s</uuid>\n", uuid);
  if (!format_host_cpu (xml, state, error))
    return FALSE;
  g_string_append_printf (xml, "    <topology>\n      <cells num='%u'>\n",
                          gvir_id_set_count (state->host_nodes));
  for (int node = gvir_id_set_first (state->host_nodes); node >= 0;
       node = gvir_id_set_next (state->host_nodes, (guint) node))
    format_cell (xml, node);
  g_string_append (xml, "      </cells>\n    </topology>\n"
                   "    <secmodel>\n"
                   "      <model>none</model>\n"
                   "      <doi>0</doi>\n"
                   "    </secmodel>\n"
                   "  </host>\n");
  return TRUE;
}

static void
format_machine (GString *xml, const GVirQemuMachine *machine)
{
  const char *deprecated = machine->deprecated ? " deprecated='yes'" : "";

  g_string_append_printf (xml, "      <machine maxCpus='%u'%s>%s</machine>\n",
                          machine->max_cpus, deprecated, machine->name);
  /* libvirt lists an alias as a machine of its own, naming its target. */
  if (machine->alias != NULL)
    g_string_append_printf (xml, "      <machine canonical='%s' maxCpus='%u'%s>%s</machine>\n",
                            machine->name, machine->max_cpus, deprecated, machine->alias);
}

static void
format_guest (GString *xml, const GVirQemuCaps *caps)
{
  g_autofree char *emulator = g_markup_escape_text (caps->binary, -1);

  g_string_append_printf (xml, "  <guest>\n"
                          "    <os_type>hvm</os_type>\n"
                          "    <arch name='" QEMU_HOST_GUEST_ARCH "'>\n"
                          "      <wordsize>64</wordsize>\n"
                          "      <emulator>%s</emulator>\n", emulator);
  /* The default machine type first, as libvirt lists it; then QEMU's order. */
  for (guint i = 0; i < caps->machines->len; i++)
    if (((GVirQemuMachine *) g_ptr_array_index (caps->machines, i))->is_default)
      format_machine (xml, g_ptr_array_index (caps->machines, i));
  for (guint i = 0; i < caps->machines->len; i++)
    if (!((GVirQemuMachine *) g_ptr_array_index (caps->machines, i))->is_default)
      format_machine (xml, g_ptr_array_index (caps->machines, i));
  g_string_append (xml, "      <domain type='qemu'/>\n");
  if (kvm_usable (caps))
    g_string_append (xml, "      <domain type='kvm'/>\n");
  g_string_append (xml, "    </arch>\n"
                   "    <features>\n"
                   "      <acpi default='on' toggle='yes'/>\n"
                   "      <apic default='on' toggle='no'/>\n"
                   "      <cpuselection/>\n"
                   "      <deviceboot/>\n"
                   "    </features>\n"
                   "  </guest>\n");
}

char *
gvir_qemu_host_get_capabilities (gpointer       handle,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  GVirQemuState *state = GVIR_QEMU_HANDLE_STATE (handle);
  g_autoptr(GString) xml = g_string_new ("<capabilities>\n\n");
  g_autoptr(GError) probe_error = NULL;
  const GVirQemuCaps *caps;

  if (!format_host (xml, state, error))
    return NULL;
  g_string_append (xml, "\n");
  /* Like libvirt, a host without the emulator still has capabilities, with
   * no guest; any other probe failure is reported. */
  caps = gvir_qemu_state_get_caps (state, cancellable, &probe_error);
  if (caps != NULL)
    format_guest (xml, caps);
  else if (!g_error_matches (probe_error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&probe_error));
      return NULL;
    }
  g_string_append (xml, "\n</capabilities>\n");
  return g_string_free (g_steal_pointer (&xml), FALSE);
}

/* ---- domain capabilities ------------------------------------------------------------ */

/* The probe of @emulatorbin, or the state's emulator when NULL; *@owned
 * receives the answer when it is not the state's (for the caller to free). */
static const GVirQemuCaps *
domcaps_probe (GVirQemuState  *state,
               const char     *emulatorbin,
               GVirQemuCaps  **owned,
               GCancellable   *cancellable,
               GError        **error)
{
  const GVirQemuCaps *caps = gvir_qemu_state_get_caps (state, cancellable,
                                                       emulatorbin == NULL ? error : NULL);
  g_autofree char *path = NULL;

  if (emulatorbin == NULL)
    return caps;
  path = gvir_qemu_check_emulator (emulatorbin, error);
  if (path == NULL)
    return NULL;
  if (caps != NULL && g_str_equal (path, caps->binary))
    return caps;
  *owned = gvir_qemu_probe (path, state->paths->cache_dir, cancellable, error);
  return *owned;
}

static gboolean
domcaps_check_virttype (const GVirQemuCaps  *caps,
                        const char         **virttype,
                        GError             **error)
{
  /* libvirt's default: KVM where it runs, else TCG. */
  if (*virttype == NULL)
    *virttype = kvm_usable (caps) ? "kvm" : "qemu";
  if (g_str_equal (*virttype, "qemu"))
    return TRUE;
  if (!g_str_equal (*virttype, "kvm"))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED,
                   "the QEMU driver has no virtualization type '%s' (only 'qemu' and 'kvm')",
                   *virttype);
      return FALSE;
    }
  if (!kvm_usable (caps))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED,
                   "virtualization type 'kvm' is not usable: %s",
                   caps->kvm_present ? "/dev/kvm cannot be opened for reading and writing"
                                     : "the emulator has no KVM support");
      return FALSE;
    }
  return TRUE;
}

static const GVirQemuMachine *
domcaps_find_machine (const GVirQemuCaps  *caps,
                      const char          *machine,
                      GError             **error)
{
  const GVirQemuMachine *found;

  if (machine == NULL)
    machine = gvir_qemu_caps_get_default_machine (caps);
  found = machine != NULL ? gvir_qemu_caps_find_machine (caps, machine) : NULL;
  if (found == NULL)
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED,
                 "the emulator %s has no machine type '%s'", caps->binary,
                 machine != NULL ? machine : "(default)");
  return found;
}

static void
format_enum (GString *xml, const char *indent, const char *name, const char *const *values)
{
  g_string_append_printf (xml, "%s<enum name='%s'>\n", indent, name);
  for (guint i = 0; values[i] != NULL; i++)
    g_string_append_printf (xml, "%s  <value>%s</value>\n", indent, values[i]);
  g_string_append_printf (xml, "%s</enum>\n", indent);
}

static void
format_domcaps_cpu (GString *xml, const GVirQemuCaps *caps, gboolean kvm)
{
  g_string_append_printf (xml, "  <cpu>\n"
                          "    <mode name='host-passthrough' supported='%s'/>\n"
                          "    <mode name='maximum' supported='yes'/>\n"
                          "    <mode name='host-model' supported='no'/>\n",
                          kvm ? "yes" : "no");
  if (caps->cpu_models == NULL || caps->cpu_models[0] == NULL)
    {
      g_string_append (xml, "    <mode name='custom' supported='no'/>\n  </cpu>\n");
      return;
    }
  g_string_append (xml, "    <mode name='custom' supported='yes'>\n");
  for (guint i = 0; caps->cpu_models[i] != NULL; i++)
    {
      g_autofree char *model = g_markup_escape_text (caps->cpu_models[i], -1);

      g_string_append_printf (xml, "      <model usable='unknown'>%s</model>\n", model);
    }
  g_string_append (xml, "    </mode>\n  </cpu>\n");
}

/* What the command builder turns into QEMU devices (gvir-qemu-command-devices.c,
 * gvir-qemu-command-display.c); anything else it refuses. */
static void
format_domcaps_devices (GString *xml)
{
  static const char *const disk_devices[] = { "disk", "cdrom", NULL };
  static const char *const disk_buses[] = { "ide", "sata", "virtio", NULL };
  static const char *const graphics[] = { "vnc", "spice", NULL };
  static const char *const video[] = { "vga", "cirrus", "virtio", "qxl", "bochs", "none", NULL };

  g_string_append (xml, "  <devices>\n    <disk supported='yes'>\n");
  format_enum (xml, "      ", "diskDevice", disk_devices);
  format_enum (xml, "      ", "bus", disk_buses);
  g_string_append (xml, "    </disk>\n    <graphics supported='yes'>\n");
  format_enum (xml, "      ", "type", graphics);
  g_string_append (xml, "    </graphics>\n    <video supported='yes'>\n");
  format_enum (xml, "      ", "modelType", video);
  g_string_append (xml, "    </video>\n"
                   "    <hostdev supported='no'/>\n"
                   "  </devices>\n");
}

char *
gvir_qemu_host_get_domain_capabilities (gpointer       handle,
                                        const char    *emulatorbin,
                                        const char    *arch,
                                        const char    *machine,
                                        const char    *virttype,
                                        guint          flags,
                                        GCancellable  *cancellable,
                                        GError       **error)
{
  GVirQemuState *state = GVIR_QEMU_HANDLE_STATE (handle);
  g_autoptr(GVirQemuCaps) owned = NULL;
  const GVirQemuCaps *caps;
  const GVirQemuMachine *found;
  g_autoptr(GString) xml = NULL;
  g_autofree char *path = NULL;

  if (flags != 0)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                   "unsupported domain capabilities flags 0x%x", flags);
      return NULL;
    }
  if (arch != NULL && !g_str_equal (arch, QEMU_HOST_GUEST_ARCH))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED,
                   "the QEMU driver has no architecture '%s' (only '" QEMU_HOST_GUEST_ARCH "')",
                   arch);
      return NULL;
    }
  caps = domcaps_probe (state, emulatorbin, &owned, cancellable, error);
  if (caps == NULL || !domcaps_check_virttype (caps, &virttype, error))
    return NULL;
  found = domcaps_find_machine (caps, machine, error);
  if (found == NULL)
    return NULL;

  path = g_markup_escape_text (caps->binary, -1);
  xml = g_string_new (NULL);
  g_string_append_printf (xml, "<domainCapabilities>\n"
                          "  <path>%s</path>\n"
                          "  <domain>%s</domain>\n"
                          "  <machine>%s</machine>\n"
                          "  <arch>" QEMU_HOST_GUEST_ARCH "</arch>\n"
                          "  <vcpu max='%u'/>\n"
                          "  <iothreads supported='no'/>\n"
                          "  <os supported='yes'>\n"
                          "    <enum name='firmware'/>\n"
                          "    <loader supported='no'/>\n"
                          "  </os>\n",
                          path, virttype, found->name, found->max_cpus);
  format_domcaps_cpu (xml, caps, g_str_equal (virttype, "kvm"));
  format_domcaps_devices (xml);
  g_string_append (xml, "  <features>\n"
                   "    <gic supported='no'/>\n"
                   "    <vmcoreinfo supported='no'/>\n"
                   "    <genid supported='no'/>\n"
                   "    <sev supported='no'/>\n"
                   "  </features>\n"
                   "</domainCapabilities>\n");
  return g_string_free (g_steal_pointer (&xml), FALSE);
}
