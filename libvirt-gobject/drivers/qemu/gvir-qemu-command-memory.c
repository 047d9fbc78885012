/*
 * gvir-qemu-command-memory.c: memory, its backends and their host NUMA
 * placement (<numatune>, hugepages), vCPUs (-smp) and guest NUMA cells.
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include <string.h>

#include "gvir-qemu-command-build-private.h"
#include "libvirt-gconfig/libvirt-gconfig-object-private.h"
#include "libvirt-gobject/libvirt-gobject-error.h"

gboolean
gvir_qemu_has_numa_cells (GVirQemuBuild *b)
{
  xmlNodePtr cpu = gvir_qemu_child (b->domain, "cpu");

  return gvir_qemu_child (gvir_qemu_child (cpu, "numa"), "cell") != NULL;
}

/* ---- memory ----------------------------------------------------------------- */

/* A memory element or attribute pair (@value in @unit) in KiB. */
static gboolean
to_kib (const char *text, const char *unit, const char *where, guint64 *kib, GError **error)
{
  static const struct { const char *name; guint64 bytes; } units[] = {
    { "b", 1 }, { "bytes", 1 }, { "k", 1024 }, { "KiB", 1024 }, { "KB", 1000 },
    { "M", 1 << 20 }, { "MiB", 1 << 20 }, { "MB", 1000000 },
    { "G", 1 << 30 }, { "GiB", 1 << 30 }, { "GB", 1000000000 },
  };
  guint64 number;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXUINT64 >> 20, &number, NULL))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML, "%s: '%s' is not a memory size",
                   where, text ? text : "");
      return FALSE;
    }
  if (unit == NULL)
    unit = "KiB";
  for (gsize i = 0; i < G_N_ELEMENTS (units); i++)
    if (g_ascii_strcasecmp (unit, units[i].name) == 0 &&
        (strlen (unit) == 1 || strcmp (unit, units[i].name) == 0))
      {
        *kib = number * units[i].bytes / 1024;
        return TRUE;
      }
  return gvir_qemu_refuse (error, "%s: unsupported memory unit '%s'", where, unit);
}

static gboolean
element_kib (xmlNodePtr node, const char *where, guint64 *kib, GError **error)
{
  static const char *const attributes[] = { "unit", "slots", NULL };

  return gvir_qemu_check_node (node, where, attributes, NULL, error) &&
         to_kib (gvir_config_xml_node_get_text (node), gvir_qemu_attr (node, "unit"),
                 where, kib, error);
}

static gboolean numa_cells_kib (GVirQemuBuild *b, guint64 *total, GError **error);

gboolean
gvir_qemu_add_memory (GVirQemuBuild *b, GError **error)
{
  xmlNodePtr memory = gvir_qemu_child (b->domain, "memory");
  xmlNodePtr max_memory = gvir_qemu_child (b->domain, "maxMemory");
  xmlNodePtr current = gvir_qemu_child (b->domain, "currentMemory");
  g_autoptr (GString) value = g_string_new (NULL);
  guint64 kib, unused;

  if (memory == NULL)
    {
      g_set_error_literal (error, GVIR_ERROR, GVIR_ERROR_XML, "the domain has no <memory>");
      return FALSE;
    }
  if (!element_kib (memory, "<memory>", &kib, error) ||
      (current != NULL && !element_kib (current, "<currentMemory>", &unused, error)))
    return FALSE;
  /* The guest cells' sizes add up to the RAM QEMU must be given. */
  if (gvir_qemu_has_numa_cells (b) && !numa_cells_kib (b, &kib, error))
    return FALSE;
  kib -= kib % 1024;
  if (kib == 0)
    {
      g_set_error_literal (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                           "<memory> must be at least 1 MiB");
      return FALSE;
    }
  g_string_printf (value, "size=%" G_GUINT64_FORMAT "k", kib);
  if (max_memory != NULL)
    {
      guint64 max_kib, slots;

      if (!element_kib (max_memory, "<maxMemory>", &max_kib, error) ||
          !gvir_qemu_attr_uint (max_memory, "slots", "<maxMemory>", 0, &slots, error))
        return FALSE;
      if (max_kib < kib)
        {
          g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                       "<maxMemory> (%" G_GUINT64_FORMAT " KiB) is below <memory> (%"
                       G_GUINT64_FORMAT " KiB)", max_kib, kib);
          return FALSE;
        }
      g_string_append_printf (value, ",slots=%" G_GUINT64_FORMAT ",maxmem=%" G_GUINT64_FORMAT "k",
                              slots, max_kib);
    }
  gvir_qemu_add (b, "-m", value->str);
  return TRUE;
}

/* ---- NUMA placement of the memory backends --------------------------------- */

static gboolean
parse_host_nodeset (GVirQemuBuild *b, const char *text, const char *where,
                    GVirIdSet **nodes, GError **error)
{
  g_autoptr (GVirIdSet) set = NULL;
  g_autofree char *host = NULL;

  if (text == NULL)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML, "%s has no nodeset", where);
      return FALSE;
    }
  set = gvir_id_set_parse (text, "nodeset", GVIR_ID_SET_LIMIT, error);
  if (set == NULL)
    return FALSE;
  for (gint id = gvir_id_set_first (set); id >= 0; id = gvir_id_set_next (set, id))
    if (b->ctx->host_nodes == NULL || !gvir_id_set_contains (b->ctx->host_nodes, id))
      {
        host = b->ctx->host_nodes ? gvir_id_set_format (b->ctx->host_nodes) : g_strdup ("none");
        g_set_error (error, GVIR_ERROR, GVIR_ERROR_NUMA_UNAVAILABLE,
                     "NUMA node %d of %s is unavailable: host has nodes %s", id, where, host);
        return FALSE;
      }
  *nodes = g_steal_pointer (&set);
  return TRUE;
}

/* strict, preferred, interleave map to a backend policy; restrictive to
 * none: the process memory policy is the driver's (flag). */
static gboolean
policy_for_mode (GVirQemuBuild *b, const char *mode, const char *where,
                 const char **policy, GError **error)
{
  if (mode == NULL || g_str_equal (mode, "strict"))
    *policy = "bind";
  else if (g_str_equal (mode, "preferred") || g_str_equal (mode, "interleave"))
    *policy = mode;
  else if (g_str_equal (mode, "restrictive"))
    {
      *policy = NULL;
      b->flags |= GVIR_QEMU_COMMAND_FLAG_PROCESS_MEMORY_POLICY;
    }
  else
    return gvir_qemu_refuse (error, "unsupported %s mode '%s'", where, mode);
  return TRUE;
}

/* The cell a <memnode> names, -1 when absent or not a number (refused by
 * check_memnode_cells). */
static gint
memnode_cellid (xmlNodePtr memnode)
{
  guint64 cellid;

  if (!g_ascii_string_to_unsigned (gvir_qemu_attr (memnode, "cellid"), 10, 0, G_MAXINT, &cellid, NULL))
    return -1;
  return (gint) cellid;
}

/* The placement of guest cell @cellid (-1: the whole RAM): its <memnode>,
 * else <numatune><memory>. @policy NULL: no placement on the backend. */
static gboolean
cell_placement (GVirQemuBuild *b, gint cellid, const char **policy,
                GVirIdSet **nodes, GError **error)
{
  xmlNodePtr numatune = gvir_qemu_child (b->domain, "numatune");
  xmlNodePtr memory = gvir_qemu_child (numatune, "memory");

  *policy = NULL;
  *nodes = NULL;
  for (xmlNodePtr n = numatune ? numatune->children : NULL; n != NULL && cellid >= 0; n = n->next)
    if (n->type == XML_ELEMENT_NODE && g_str_equal ((const char *) n->name, "memnode") &&
        memnode_cellid (n) == cellid)
      {
        g_autofree char *where = g_strdup_printf ("<memnode cellid='%d'>", cellid);

        return policy_for_mode (b, gvir_qemu_attr (n, "mode"), "<memnode>", policy, error) &&
               (*policy == NULL ||
                parse_host_nodeset (b, gvir_qemu_attr (n, "nodeset"), where, nodes, error));
      }
  if (memory == NULL)
    return TRUE;
  return policy_for_mode (b, gvir_qemu_attr (memory, "mode"), "<numatune><memory>", policy, error) &&
         (*policy == NULL ||
          parse_host_nodeset (b, gvir_qemu_attr (memory, "nodeset"), "<numatune><memory>", nodes, error));
}

gboolean
gvir_qemu_check_numatune (GVirQemuBuild *b, GError **error)
{
  static const char *const children[] = { "memory", "memnode", NULL };
  static const char *const memory_attributes[] = { "mode", "nodeset", "placement", NULL };
  static const char *const memnode_attributes[] = { "cellid", "mode", "nodeset", NULL };
  xmlNodePtr numatune = gvir_qemu_child (b->domain, "numatune");
  xmlNodePtr memory = gvir_qemu_child (numatune, "memory");
  g_autoptr (GVirIdSet) nodes = NULL;
  const char *policy;

  if (numatune == NULL)
    return TRUE;
  if (!gvir_qemu_check_node (numatune, "<numatune>", NULL, children, error) ||
      (memory != NULL &&
       !gvir_qemu_check_node (memory, "<numatune><memory>", memory_attributes, NULL, error)))
    return FALSE;
  if (g_strcmp0 (gvir_qemu_attr (memory, "placement"), "auto") == 0)
    return gvir_qemu_refuse (error, "<numatune><memory placement='auto'> is not supported");
  for (xmlNodePtr n = numatune->children; n != NULL; n = n->next)
    if (n->type == XML_ELEMENT_NODE && g_str_equal ((const char *) n->name, "memnode") &&
        !gvir_qemu_check_node (n, "<numatune><memnode>", memnode_attributes, NULL, error))
      return FALSE;
  /* Validates <memory> even when every cell has its own <memnode>. */
  return cell_placement (b, -1, &policy, &nodes, error);
}

static void
add_memory_backend (GVirQemuBuild *b, const char *id, guint64 kib,
                    const char *policy, const GVirIdSet *nodes)
{
  JsonBuilder *json = gvir_qemu_json_begin ();

  if (gvir_qemu_child (gvir_qemu_child (b->domain, "memoryBacking"), "hugepages") != NULL)
    {
      gvir_qemu_json_string (json, "qom-type", "memory-backend-file");
      gvir_qemu_json_string (json, "id", id);
      gvir_qemu_json_string (json, "mem-path", b->ctx->hugepages_dir);
      gvir_qemu_json_bool (json, "prealloc", TRUE);
    }
  else
    {
      gvir_qemu_json_string (json, "qom-type", "memory-backend-ram");
      gvir_qemu_json_string (json, "id", id);
    }
  gvir_qemu_json_int (json, "size", (gint64) kib * 1024);
  if (policy != NULL)
    {
      json_builder_set_member_name (json, "host-nodes");
      json_builder_begin_array (json);
      for (gint n = gvir_id_set_first (nodes); n >= 0; n = gvir_id_set_next (nodes, n))
        json_builder_add_int_value (json, n);
      json_builder_end_array (json);
      gvir_qemu_json_string (json, "policy", policy);
    }
  gvir_qemu_add_json (b, "-object", json);
  g_object_unref (json);
}

gboolean
gvir_qemu_add_memory_backing (GVirQemuBuild *b, GError **error)
{
  static const char *const children[] = { "hugepages", "locked", "nosharepages", NULL };
  xmlNodePtr backing = gvir_qemu_child (b->domain, "memoryBacking");
  xmlNodePtr hugepages = gvir_qemu_child (backing, "hugepages");

  if (backing != NULL &&
      (!gvir_qemu_check_node (backing, "<memoryBacking>", NULL, children, error) ||
       (hugepages != NULL &&
        !gvir_qemu_check_node (hugepages, "<memoryBacking><hugepages>", NULL, NULL, error))))
    return FALSE;
  if (hugepages != NULL && b->ctx->hugepages_dir == NULL)
    return gvir_qemu_refuse (error, "<memoryBacking><hugepages/> needs hugetlbfs, "
                             "which is not mounted on this host");
  return TRUE;
}

gboolean
gvir_qemu_add_ram_backend (GVirQemuBuild *b, GError **error)
{
  g_autoptr (GVirIdSet) nodes = NULL;
  const char *policy;
  guint64 kib;

  if (gvir_qemu_has_numa_cells (b))
    return TRUE;
  if (!cell_placement (b, -1, &policy, &nodes, error) ||
      !element_kib (gvir_qemu_child (b->domain, "memory"), "<memory>", &kib, error))
    return FALSE;
  add_memory_backend (b, "pc.ram", kib - kib % 1024, policy, nodes);
  return TRUE;
}

void
gvir_qemu_add_overcommit (GVirQemuBuild *b)
{
  gboolean locked = gvir_qemu_child (gvir_qemu_child (b->domain, "memoryBacking"), "locked") != NULL;

  gvir_qemu_add (b, "-overcommit", locked ? "mem-lock=on" : "mem-lock=off");
}

/* ---- -smp ----------------------------------------------------------------- */

static gboolean
vcpu_counts (GVirQemuBuild *b, guint64 *current, guint64 *max, GError **error)
{
  static const char *const attributes[] = { "placement", "cpuset", "current", NULL };
  xmlNodePtr vcpu = gvir_qemu_child (b->domain, "vcpu");
  const char *text = gvir_config_xml_node_get_text (vcpu);

  *max = 1;
  *current = 1;
  if (vcpu == NULL)
    return TRUE;
  if (!gvir_qemu_check_node (vcpu, "<vcpu>", attributes, NULL, error))
    return FALSE;
  if (g_strcmp0 (gvir_qemu_attr (vcpu, "placement"), "auto") == 0)
    return gvir_qemu_refuse (error, "<vcpu placement='auto'> is not supported");
  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, 4096, max, NULL))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML, "<vcpu> '%s' is not a vCPU count",
                   text ? text : "");
      return FALSE;
    }
  if (!gvir_qemu_attr_uint (vcpu, "current", "<vcpu>", *max, current, error))
    return FALSE;
  if (*current == 0 || *current > *max)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                   "<vcpu current='%" G_GUINT64_FORMAT "'> must be between 1 and %" G_GUINT64_FORMAT,
                   *current, *max);
      return FALSE;
    }
  return TRUE;
}

gboolean
gvir_qemu_add_smp (GVirQemuBuild *b, GError **error)
{
  static const char *const attributes[] = { "sockets", "dies", "clusters", "cores", "threads", NULL };
  xmlNodePtr topology = gvir_qemu_child (gvir_qemu_child (b->domain, "cpu"), "topology");
  guint64 current, max, sockets, dies, clusters, cores, threads;

  if (!vcpu_counts (b, &current, &max, error))
    return FALSE;
  if (topology != NULL &&
      !gvir_qemu_check_node (topology, "<cpu><topology>", attributes, NULL, error))
    return FALSE;
  if (!gvir_qemu_attr_uint (topology, "sockets", "<topology>", topology ? 1 : max, &sockets, error) ||
      !gvir_qemu_attr_uint (topology, "dies", "<topology>", 1, &dies, error) ||
      !gvir_qemu_attr_uint (topology, "clusters", "<topology>", 1, &clusters, error) ||
      !gvir_qemu_attr_uint (topology, "cores", "<topology>", 1, &cores, error) ||
      !gvir_qemu_attr_uint (topology, "threads", "<topology>", 1, &threads, error))
    return FALSE;
  if (sockets * dies * clusters * cores * threads != max)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                   "<topology> gives %" G_GUINT64_FORMAT " vCPUs but <vcpu> is %" G_GUINT64_FORMAT,
                   sockets * dies * clusters * cores * threads, max);
      return FALSE;
    }
  gvir_qemu_add_printf (b, "-smp",
                        "%" G_GUINT64_FORMAT ",maxcpus=%" G_GUINT64_FORMAT ",sockets=%" G_GUINT64_FORMAT
                        ",dies=%" G_GUINT64_FORMAT ",clusters=%" G_GUINT64_FORMAT
                        ",cores=%" G_GUINT64_FORMAT ",threads=%" G_GUINT64_FORMAT,
                        current, max, sockets, dies, clusters, cores, threads);
  return TRUE;
}

/* ---- guest NUMA cells ------------------------------------------------------ */

static gboolean
cell_id (xmlNodePtr cell, guint index, guint64 *id, GError **error)
{
  return gvir_qemu_attr_uint (cell, "id", "<cell>", index, id, error);
}

static gboolean
numa_cells_kib (GVirQemuBuild *b, guint64 *total, GError **error)
{
  static const char *const children[] = { "cell", NULL };
  static const char *const attributes[] = { "id", "cpus", "memory", "unit", NULL };
  static const char *const cell_children[] = { "distances", NULL };
  xmlNodePtr numa = gvir_qemu_child (gvir_qemu_child (b->domain, "cpu"), "numa");

  if (!gvir_qemu_check_node (numa, "<cpu><numa>", NULL, children, error))
    return FALSE;
  *total = 0;
  for (xmlNodePtr cell = numa->children; cell != NULL; cell = cell->next)
    {
      guint64 kib;

      if (!gvir_qemu_is_element (cell, "cell"))
        continue;
      if (!gvir_qemu_check_node (cell, "<numa><cell>", attributes, cell_children, error) ||
          !to_kib (gvir_qemu_attr (cell, "memory"), gvir_qemu_attr (cell, "unit"),
                   "<numa><cell> memory", &kib, error))
        return FALSE;
      *total += kib;
    }
  return TRUE;
}

static gboolean
cell_cpus_value (xmlNodePtr cell, guint64 max_vcpus, GString *value, GError **error)
{
  g_autoptr (GVirIdSet) cpus = NULL;
  g_autofree char *text = NULL;
  g_auto (GStrv) ranges = NULL;

  if (gvir_qemu_attr (cell, "cpus") == NULL)
    {
      g_set_error_literal (error, GVIR_ERROR, GVIR_ERROR_XML, "<numa><cell> has no cpus");
      return FALSE;
    }
  cpus = gvir_id_set_parse (gvir_qemu_attr (cell, "cpus"), "cpus", GVIR_ID_SET_LIMIT, error);
  if (cpus == NULL)
    return FALSE;
  if ((guint64) gvir_id_set_last (cpus) >= max_vcpus)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                   "<numa><cell> cpus '%s' names vCPU %d but the domain has %" G_GUINT64_FORMAT,
                   gvir_qemu_attr (cell, "cpus"), gvir_id_set_last (cpus), max_vcpus);
      return FALSE;
    }
  /* QEMU takes one cpus= per contiguous range. */
  text = gvir_id_set_format (cpus);
  ranges = g_strsplit (text, ",", -1);
  for (gsize i = 0; ranges[i] != NULL; i++)
    g_string_append_printf (value, ",cpus=%s", ranges[i]);
  return TRUE;
}

static gboolean
add_numa_cell (GVirQemuBuild *b, xmlNodePtr cell, guint index, guint64 max_vcpus, GError **error)
{
  g_autoptr (GVirIdSet) nodes = NULL;
  g_autoptr (GString) value = NULL;
  g_autofree char *backend = NULL;
  const char *policy;
  guint64 id, kib;

  if (!cell_id (cell, index, &id, error) ||
      !to_kib (gvir_qemu_attr (cell, "memory"), gvir_qemu_attr (cell, "unit"),
               "<numa><cell> memory", &kib, error))
    return FALSE;
  if (id != index)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                   "<numa><cell> ids must be 0, 1, ... in order: found %" G_GUINT64_FORMAT
                   " at position %u", id, index);
      return FALSE;
    }
  if (!cell_placement (b, index, &policy, &nodes, error))
    return FALSE;
  backend = g_strdup_printf ("ram-node%u", index);
  add_memory_backend (b, backend, kib, policy, nodes);
  value = g_string_new (NULL);
  g_string_printf (value, "node,nodeid=%u", index);
  if (!cell_cpus_value (cell, max_vcpus, value, error))
    return FALSE;
  g_string_append_printf (value, ",memdev=%s", backend);
  gvir_qemu_add (b, "-numa", value->str);
  return TRUE;
}

static gboolean
add_numa_distances (GVirQemuBuild *b, xmlNodePtr cell, guint src, guint ncells, GError **error)
{
  static const char *const children[] = { "sibling", NULL };
  static const char *const attributes[] = { "id", "value", NULL };
  xmlNodePtr distances = gvir_qemu_child (cell, "distances");

  if (distances == NULL)
    return TRUE;
  if (!gvir_qemu_check_node (distances, "<cell><distances>", NULL, children, error))
    return FALSE;
  for (xmlNodePtr s = distances->children; s != NULL; s = s->next)
    {
      guint64 dst, value;

      if (!gvir_qemu_is_element (s, "sibling"))
        continue;
      if (!gvir_qemu_check_node (s, "<distances><sibling>", attributes, NULL, error) ||
          !gvir_qemu_attr_uint (s, "id", "<sibling>", G_MAXUINT32, &dst, error) ||
          !gvir_qemu_attr_uint (s, "value", "<sibling>", 0, &value, error))
        return FALSE;
      if (dst >= ncells || value < 10 || value > 255)
        {
          g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                       "<sibling id='%s' value='%s'> of cell %u: needs a cell id below %u "
                       "and a value from 10 to 255", gvir_qemu_attr (s, "id"),
                       gvir_qemu_attr (s, "value"), src, ncells);
          return FALSE;
        }
      gvir_qemu_add_printf (b, "-numa", "dist,src=%u,dst=%" G_GUINT64_FORMAT ",val=%" G_GUINT64_FORMAT,
                            src, dst, value);
    }
  return TRUE;
}

static gboolean
check_memnode_cells (GVirQemuBuild *b, guint ncells, GError **error)
{
  xmlNodePtr numatune = gvir_qemu_child (b->domain, "numatune");

  for (xmlNodePtr n = numatune ? numatune->children : NULL; n != NULL; n = n->next)
    {
      guint64 cellid;

      if (!gvir_qemu_is_element (n, "memnode"))
        continue;
      if (!gvir_qemu_attr_uint (n, "cellid", "<memnode>", G_MAXUINT32, &cellid, error))
        return FALSE;
      if (cellid >= ncells)
        {
          g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                       "<memnode cellid='%s'> names no guest NUMA cell (the domain has %u)",
                       gvir_qemu_attr (n, "cellid") ? gvir_qemu_attr (n, "cellid") : "", ncells);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
gvir_qemu_add_numa (GVirQemuBuild *b, GError **error)
{
  xmlNodePtr numa = gvir_qemu_child (gvir_qemu_child (b->domain, "cpu"), "numa");
  guint64 current, max;
  guint ncells = 0, index;

  if (!vcpu_counts (b, &current, &max, error))
    return FALSE;
  for (xmlNodePtr cell = numa ? numa->children : NULL; cell != NULL; cell = cell->next)
    if (gvir_qemu_is_element (cell, "cell") && !add_numa_cell (b, cell, ncells++, max, error))
      return FALSE;
  if (!check_memnode_cells (b, ncells, error))
    return FALSE;
  index = 0;
  for (xmlNodePtr cell = numa ? numa->children : NULL; cell != NULL; cell = cell->next)
    if (gvir_qemu_is_element (cell, "cell") && !add_numa_distances (b, cell, index++, ncells, error))
      return FALSE;
  return TRUE;
}
