/*
 * gvir-qemu-command.c: the QEMU 7.2 command line of a domain: identity,
 * machine, CPU, memory and guest NUMA, clock, boot; shared helpers.
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "gvir-qemu-command-build-private.h"
#include "libvirt-gconfig/libvirt-gconfig-object-private.h"
#include "libvirt-gobject/libvirt-gobject-error.h"

/* ---- helpers shared with gvir-qemu-command-devices.c --------------------- */

gboolean
gvir_qemu_refuse (GError **error, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED, message);
  return FALSE;
}

static gboolean
name_in (const char *name, const char *const *names)
{
  for (gsize i = 0; names != NULL && names[i] != NULL; i++)
    if (strcmp (name, names[i]) == 0)
      return TRUE;
  return FALSE;
}

gboolean
gvir_qemu_check_node (xmlNodePtr node,
                      const char *where,
                      const char *const *attributes,
                      const char *const *children,
                      GError **error)
{
  for (xmlAttrPtr attr = node->properties; attr != NULL; attr = attr->next)
    if (attr->ns != NULL || !name_in ((const char *) attr->name, attributes))
      return gvir_qemu_refuse (error, "attribute '%s' of %s is not supported",
                               (const char *) attr->name, where);

  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      /* Namespaced extensions (qemu:commandline, metadata of other
       * programs) are never ours to honour. */
      if (child->ns != NULL && child->ns->prefix != NULL)
        return gvir_qemu_refuse (error, "%s<%s:%s> is not supported", where,
                                 (const char *) child->ns->prefix, (const char *) child->name);
      if (!name_in ((const char *) child->name, children))
        return gvir_qemu_refuse (error, "%s<%s> is not supported", where,
                                 (const char *) child->name);
    }
  return TRUE;
}

const char *
gvir_qemu_attr (xmlNodePtr node, const char *attr)
{
  return gvir_config_xml_node_get_attribute (node, attr);
}

gboolean
gvir_qemu_attr_uint (xmlNodePtr node, const char *attr, const char *where,
                     guint64 fallback, guint64 *value, GError **error)
{
  const char *text = gvir_qemu_attr (node, attr);

  if (text == NULL)
    {
      *value = fallback;
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT32, value, NULL))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                   "%s %s='%s' is not a number", where, attr, text);
      return FALSE;
    }
  return TRUE;
}

char *
gvir_qemu_escape_opt (const char *value)
{
  GString *out = g_string_new (NULL);

  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == ',')
        g_string_append_c (out, ',');
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

void
gvir_qemu_add (GVirQemuBuild *b, const char *option, const char *value)
{
  g_ptr_array_add (b->argv, g_strdup (option));
  if (value != NULL)
    g_ptr_array_add (b->argv, g_strdup (value));
}

void
gvir_qemu_add_printf (GVirQemuBuild *b, const char *option, const char *format, ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (b->argv, g_strdup (option));
  g_ptr_array_add (b->argv, g_strdup_vprintf (format, args));
  va_end (args);
}

JsonBuilder *
gvir_qemu_json_begin (void)
{
  JsonBuilder *json = json_builder_new ();

  json_builder_begin_object (json);
  return json;
}

void
gvir_qemu_json_string (JsonBuilder *json, const char *key, const char *value)
{
  json_builder_set_member_name (json, key);
  json_builder_add_string_value (json, value);
}

void
gvir_qemu_json_int (JsonBuilder *json, const char *key, gint64 value)
{
  json_builder_set_member_name (json, key);
  json_builder_add_int_value (json, value);
}

void
gvir_qemu_json_bool (JsonBuilder *json, const char *key, gboolean value)
{
  json_builder_set_member_name (json, key);
  json_builder_add_boolean_value (json, value);
}

void
gvir_qemu_add_json (GVirQemuBuild *b, const char *option, JsonBuilder *json)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_end_object (json);
  root = json_builder_get_root (json);
  json_generator_set_root (generator, root);
  g_ptr_array_add (b->argv, g_strdup (option));
  g_ptr_array_add (b->argv, json_generator_to_data (generator, NULL));
}

static xmlNodePtr
child (xmlNodePtr node, const char *name)
{
  return gvir_config_xml_get_element (node, name);
}

/* ---- domain type and top-level elements ---------------------------------- */

static gboolean
check_domain (GVirQemuBuild *b, GError **error)
{
  static const char *const attributes[] = { "type", "id", NULL };
  static const char *const children[] = {
    "name", "uuid", "title", "description", "metadata", "memory", "currentMemory",
    "maxMemory", "memoryBacking", "vcpu", "cputune", "numatune", "os", "features",
    "cpu", "clock", "on_poweroff", "on_reboot", "on_crash", "pm", "devices", NULL
  };
  const char *type = gvir_qemu_attr (b->domain, "type");

  if (g_strcmp0 (type, "kvm") == 0 && !b->ctx->kvm_usable)
    return gvir_qemu_refuse (error, "domain type 'kvm' needs /dev/kvm, which cannot be "
                             "opened on this host: use type 'qemu'");
  if (g_strcmp0 (type, "qemu") != 0 && g_strcmp0 (type, "kvm") != 0)
    return gvir_qemu_refuse (error, "unsupported domain type '%s'", type ? type : "");
  return gvir_qemu_check_node (b->domain, "", attributes, children, error);
}

static gboolean
check_lifecycle (GVirQemuBuild *b, GError **error)
{
  static const char *const events[] = { "on_poweroff", "on_reboot", "on_crash" };
  static const char *const actions[] = { "destroy", "restart", "preserve", NULL };

  for (gsize i = 0; i < G_N_ELEMENTS (events); i++)
    {
      xmlNodePtr node = child (b->domain, events[i]);
      const char *action = gvir_config_xml_node_get_text (node);

      if (node != NULL && (action == NULL || !name_in (action, actions)))
        return gvir_qemu_refuse (error, "unsupported <%s> action '%s'", events[i],
                                 action ? action : "");
    }
  return TRUE;
}

/* ---- -name, -machine, -accel ------------------------------------------------ */

static gboolean
add_name (GVirQemuBuild *b, GError **error)
{
  const char *name = gvir_config_xml_node_get_text (child (b->domain, "name"));
  g_autofree char *escaped = NULL;

  if (name == NULL || *name == '\0')
    {
      g_set_error_literal (error, GVIR_ERROR, GVIR_ERROR_XML, "the domain has no <name>");
      return FALSE;
    }
  escaped = gvir_qemu_escape_opt (name);
  gvir_qemu_add_printf (b, "-name", "guest=%s,debug-threads=on", escaped);
  gvir_qemu_add (b, "-S", NULL);
  return TRUE;
}

static gboolean
check_os (GVirQemuBuild *b, xmlNodePtr os, GError **error)
{
  static const char *const attributes[] = { NULL };
  static const char *const children[] = { "type", "boot", "bootmenu", "kernel", "initrd", "cmdline", NULL };
  static const char *const type_attributes[] = { "arch", "machine", NULL };
  xmlNodePtr type = child (os, "type");
  const char *arch;

  if (os == NULL)
    {
      g_set_error_literal (error, GVIR_ERROR, GVIR_ERROR_XML, "the domain has no <os>");
      return FALSE;
    }
  if (!gvir_qemu_check_node (os, "<os>", attributes, children, error))
    return FALSE;
  if (type == NULL || g_strcmp0 (gvir_config_xml_node_get_text (type), "hvm") != 0)
    return gvir_qemu_refuse (error, "unsupported OS type '%s': only 'hvm'",
                             type ? gvir_config_xml_node_get_text (type) : "");
  if (!gvir_qemu_check_node (type, "<os><type>", type_attributes, NULL, error))
    return FALSE;
  arch = gvir_qemu_attr (type, "arch");
  if (arch != NULL && strcmp (arch, "x86_64") != 0)
    return gvir_qemu_refuse (error, "unsupported architecture '%s': only 'x86_64'", arch);
  return TRUE;
}

/* The machine types of QEMU's pc family: "pc", "q35" and their versions. */
static gboolean
classify_machine (GVirQemuBuild *b, const char *machine, GError **error)
{
  if (g_str_equal (machine, "q35") || g_str_has_prefix (machine, "pc-q35-"))
    b->q35 = TRUE;
  else if (!g_str_equal (machine, "pc") && !g_str_has_prefix (machine, "pc-i440fx-"))
    return gvir_qemu_refuse (error, "unsupported machine type '%s'", machine);
  return TRUE;
}

static gboolean
features_acpi (GVirQemuBuild *b, gboolean *acpi, GError **error)
{
  static const char *const children[] = { "acpi", "apic", "pae", NULL };
  xmlNodePtr features = child (b->domain, "features");

  *acpi = features != NULL && child (features, "acpi") != NULL;
  return features == NULL || gvir_qemu_check_node (features, "<features>", NULL, children, error);
}

static gboolean
hpet_disabled (GVirQemuBuild *b)
{
  xmlNodePtr clock = child (b->domain, "clock");

  for (xmlNodePtr n = clock ? clock->children : NULL; n != NULL; n = n->next)
    if (n->type == XML_ELEMENT_NODE && g_str_equal ((const char *) n->name, "timer") &&
        g_strcmp0 (gvir_qemu_attr (n, "name"), "hpet") == 0 &&
        g_strcmp0 (gvir_qemu_attr (n, "present"), "no") == 0)
      return TRUE;
  return FALSE;
}

static gboolean
no_share_pages (GVirQemuBuild *b)
{
  xmlNodePtr backing = child (b->domain, "memoryBacking");

  return backing != NULL && child (backing, "nosharepages") != NULL;
}

static gboolean
has_numa_cells (GVirQemuBuild *b)
{
  xmlNodePtr cpu = child (b->domain, "cpu");

  return child (child (cpu, "numa"), "cell") != NULL;
}

static gboolean
add_machine (GVirQemuBuild *b, GError **error)
{
  xmlNodePtr type = child (child (b->domain, "os"), "type");
  const char *machine = gvir_qemu_attr (type, "machine");
  g_autoptr (GString) value = NULL;
  gboolean acpi;

  if (machine == NULL)
    machine = b->ctx->default_machine;
  if (machine == NULL)
    {
      g_set_error_literal (error, GVIR_ERROR, GVIR_ERROR_XML,
                           "<os><type> names no machine and the emulator has no default");
      return FALSE;
    }
  if (!classify_machine (b, machine, error) || !features_acpi (b, &acpi, error))
    return FALSE;

  value = g_string_new (machine);
  g_string_append (value, ",usb=off,dump-guest-core=off");
  if (no_share_pages (b))
    g_string_append (value, ",mem-merge=off");
  /* Without guest NUMA cells the RAM is one backend we name, so that
   * <numatune> can place it. */
  if (!has_numa_cells (b))
    g_string_append (value, ",memory-backend=pc.ram");
  if (!acpi)
    g_string_append (value, ",acpi=off");
  if (hpet_disabled (b))
    g_string_append (value, ",hpet=off");
  gvir_qemu_add (b, "-machine", value->str);
  gvir_qemu_add (b, "-accel",
                 g_strcmp0 (gvir_qemu_attr (b->domain, "type"), "kvm") == 0 ? "kvm" : "tcg");
  return TRUE;
}

/* ---- -cpu ------------------------------------------------------------------ */

static gboolean
cpu_feature_value (xmlNodePtr feature, GString *value, GError **error)
{
  static const char *const attributes[] = { "name", "policy", NULL };
  const char *name = gvir_qemu_attr (feature, "name");
  const char *policy = gvir_qemu_attr (feature, "policy");
  const char *state;

  if (!gvir_qemu_check_node (feature, "<cpu><feature>", attributes, NULL, error))
    return FALSE;
  if (name == NULL)
    {
      g_set_error_literal (error, GVIR_ERROR, GVIR_ERROR_XML, "<cpu><feature> has no name");
      return FALSE;
    }
  if (policy == NULL || g_str_equal (policy, "require") || g_str_equal (policy, "force"))
    state = "on";
  else if (g_str_equal (policy, "disable") || g_str_equal (policy, "forbid"))
    state = "off";
  else
    return gvir_qemu_refuse (error, "unsupported CPU feature policy '%s'", policy);
  g_string_append_printf (value, ",%s=%s", name, state);
  return TRUE;
}

static gboolean
cpu_model_for_mode (GVirQemuBuild *b, const char *mode, const char **model, GError **error)
{
  gboolean kvm = g_strcmp0 (gvir_qemu_attr (b->domain, "type"), "kvm") == 0;

  if (g_str_equal (mode, "maximum"))
    *model = "max";
  else if (g_str_equal (mode, "host-model"))
    /* Under TCG the best model the host could offer is QEMU's own maximum. */
    *model = kvm ? "host" : "max";
  else if (g_str_equal (mode, "host-passthrough") && kvm)
    *model = "host";
  else if (g_str_equal (mode, "host-passthrough"))
    return gvir_qemu_refuse (error, "CPU mode 'host-passthrough' needs KVM (domain type 'kvm')");
  else
    return gvir_qemu_refuse (error, "unsupported CPU mode '%s'", mode);
  return TRUE;
}

static gboolean
add_cpu (GVirQemuBuild *b, GError **error)
{
  static const char *const attributes[] = { "mode", "match", "check", NULL };
  static const char *const children[] = { "model", "feature", "topology", "numa", NULL };
  xmlNodePtr cpu = child (b->domain, "cpu");
  const char *mode = gvir_qemu_attr (cpu, "mode");
  const char *model = "qemu64";
  g_autoptr (GString) value = NULL;

  if (cpu != NULL && !gvir_qemu_check_node (cpu, "<cpu>", attributes, children, error))
    return FALSE;
  if (mode != NULL && !g_str_equal (mode, "custom"))
    {
      if (child (cpu, "model") != NULL || child (cpu, "feature") != NULL)
        return gvir_qemu_refuse (error, "<cpu mode='%s'> takes no <model> or <feature>", mode);
      if (!cpu_model_for_mode (b, mode, &model, error))
        return FALSE;
    }
  else if (child (cpu, "model") != NULL)
    {
      static const char *const model_attributes[] = { "fallback", NULL };

      if (!gvir_qemu_check_node (child (cpu, "model"), "<cpu><model>", model_attributes, NULL, error))
        return FALSE;
      model = gvir_config_xml_node_get_text (child (cpu, "model"));
      if (model == NULL)
        {
          g_set_error_literal (error, GVIR_ERROR, GVIR_ERROR_XML, "<cpu><model> is empty");
          return FALSE;
        }
    }

  value = g_string_new (model);
  for (xmlNodePtr n = cpu ? cpu->children : NULL; n != NULL; n = n->next)
    if (n->type == XML_ELEMENT_NODE && g_str_equal ((const char *) n->name, "feature") &&
        !cpu_feature_value (n, value, error))
      return FALSE;
  gvir_qemu_add (b, "-cpu", value->str);
  return TRUE;
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

static gboolean
numa_cells_kib (GVirQemuBuild *b, guint64 *total, GError **error);

static gboolean
add_memory (GVirQemuBuild *b, GError **error)
{
  xmlNodePtr memory = child (b->domain, "memory");
  xmlNodePtr max_memory = child (b->domain, "maxMemory");
  xmlNodePtr current = child (b->domain, "currentMemory");
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
  if (has_numa_cells (b) && !numa_cells_kib (b, &kib, error))
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
  xmlNodePtr numatune = child (b->domain, "numatune");
  xmlNodePtr memory = child (numatune, "memory");

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

static gboolean
check_numatune (GVirQemuBuild *b, GError **error)
{
  static const char *const children[] = { "memory", "memnode", NULL };
  static const char *const memory_attributes[] = { "mode", "nodeset", "placement", NULL };
  static const char *const memnode_attributes[] = { "cellid", "mode", "nodeset", NULL };
  xmlNodePtr numatune = child (b->domain, "numatune");
  xmlNodePtr memory = child (numatune, "memory");
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

  if (child (child (b->domain, "memoryBacking"), "hugepages") != NULL)
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

static gboolean
add_memory_backing (GVirQemuBuild *b, GError **error)
{
  static const char *const children[] = { "hugepages", "locked", "nosharepages", NULL };
  xmlNodePtr backing = child (b->domain, "memoryBacking");
  xmlNodePtr hugepages = child (backing, "hugepages");

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

static gboolean
add_ram_backend (GVirQemuBuild *b, GError **error)
{
  g_autoptr (GVirIdSet) nodes = NULL;
  const char *policy;
  guint64 kib;

  if (has_numa_cells (b))
    return TRUE;
  if (!cell_placement (b, -1, &policy, &nodes, error) ||
      !element_kib (child (b->domain, "memory"), "<memory>", &kib, error))
    return FALSE;
  add_memory_backend (b, "pc.ram", kib - kib % 1024, policy, nodes);
  return TRUE;
}

static void
add_overcommit (GVirQemuBuild *b)
{
  gboolean locked = child (child (b->domain, "memoryBacking"), "locked") != NULL;

  gvir_qemu_add (b, "-overcommit", locked ? "mem-lock=on" : "mem-lock=off");
}

/* ---- -smp ----------------------------------------------------------------- */

static gboolean
vcpu_counts (GVirQemuBuild *b, guint64 *current, guint64 *max, GError **error)
{
  static const char *const attributes[] = { "placement", "cpuset", "current", NULL };
  xmlNodePtr vcpu = child (b->domain, "vcpu");
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

static gboolean
add_smp (GVirQemuBuild *b, GError **error)
{
  static const char *const attributes[] = { "sockets", "dies", "clusters", "cores", "threads", NULL };
  xmlNodePtr topology = child (child (b->domain, "cpu"), "topology");
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
is_element (xmlNodePtr node, const char *name)
{
  return node->type == XML_ELEMENT_NODE && g_str_equal ((const char *) node->name, name);
}

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
  xmlNodePtr numa = child (child (b->domain, "cpu"), "numa");

  if (!gvir_qemu_check_node (numa, "<cpu><numa>", NULL, children, error))
    return FALSE;
  *total = 0;
  for (xmlNodePtr cell = numa->children; cell != NULL; cell = cell->next)
    {
      guint64 kib;

      if (!is_element (cell, "cell"))
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
  xmlNodePtr distances = child (cell, "distances");

  if (distances == NULL)
    return TRUE;
  if (!gvir_qemu_check_node (distances, "<cell><distances>", NULL, children, error))
    return FALSE;
  for (xmlNodePtr s = distances->children; s != NULL; s = s->next)
    {
      guint64 dst, value;

      if (!is_element (s, "sibling"))
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
  xmlNodePtr numatune = child (b->domain, "numatune");

  for (xmlNodePtr n = numatune ? numatune->children : NULL; n != NULL; n = n->next)
    {
      guint64 cellid;

      if (!is_element (n, "memnode"))
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

static gboolean
add_numa (GVirQemuBuild *b, GError **error)
{
  xmlNodePtr numa = child (child (b->domain, "cpu"), "numa");
  guint64 current, max;
  guint ncells = 0, index;

  if (!vcpu_counts (b, &current, &max, error))
    return FALSE;
  for (xmlNodePtr cell = numa ? numa->children : NULL; cell != NULL; cell = cell->next)
    if (is_element (cell, "cell") && !add_numa_cell (b, cell, ncells++, max, error))
      return FALSE;
  if (!check_memnode_cells (b, ncells, error))
    return FALSE;
  index = 0;
  for (xmlNodePtr cell = numa ? numa->children : NULL; cell != NULL; cell = cell->next)
    if (is_element (cell, "cell") && !add_numa_distances (b, cell, index++, ncells, error))
      return FALSE;
  return TRUE;
}

/* ---- -uuid, defaults, monitor, clock, PM, boot ----------------------------- */

static void
add_uuid_and_defaults (GVirQemuBuild *b)
{
  const char *uuid = gvir_config_xml_node_get_text (child (b->domain, "uuid"));

  if (uuid != NULL)
    gvir_qemu_add (b, "-uuid", uuid);
  if (child (child (b->domain, "devices"), "graphics") == NULL)
    gvir_qemu_add (b, "-display", "none");
  gvir_qemu_add (b, "-no-user-config", NULL);
  gvir_qemu_add (b, "-nodefaults", NULL);
  gvir_qemu_add_printf (b, "-chardev", "socket,id=charmonitor,fd=%d,server=on,wait=off",
                        b->ctx->monitor_fd);
  gvir_qemu_add (b, "-mon", "chardev=charmonitor,id=monitor,mode=control");
}

static gboolean
timer_value (GVirQemuBuild *b, xmlNodePtr timer, GString *rtc, GError **error)
{
  static const char *const attributes[] = { "name", "tickpolicy", "present", NULL };
  const char *name = gvir_qemu_attr (timer, "name");
  const char *policy = gvir_qemu_attr (timer, "tickpolicy");

  if (!gvir_qemu_check_node (timer, "<clock><timer>", attributes, NULL, error))
    return FALSE;
  if (g_strcmp0 (name, "hpet") == 0 && policy == NULL)
    return TRUE; /* present='no' went into -machine */
  if (g_strcmp0 (name, "rtc") == 0 && g_strcmp0 (policy, "catchup") == 0)
    g_string_append (rtc, ",driftfix=slew");
  else if (g_strcmp0 (name, "rtc") == 0 && (policy == NULL || g_str_equal (policy, "delay")))
    ;
  else if (g_strcmp0 (name, "pit") == 0 && (g_strcmp0 (policy, "delay") == 0 ||
                                             g_strcmp0 (policy, "discard") == 0))
    gvir_qemu_add_printf (b, "-global", "kvm-pit.lost_tick_policy=%s", policy);
  else if (g_strcmp0 (name, "pit") == 0 && policy == NULL)
    ;
  else
    return gvir_qemu_refuse (error, "unsupported <timer name='%s' tickpolicy='%s'>",
                             name ? name : "", policy ? policy : "");
  if (gvir_qemu_attr (timer, "present") != NULL && g_strcmp0 (name, "hpet") != 0)
    return gvir_qemu_refuse (error, "<timer name='%s' present> is not supported", name);
  return TRUE;
}

static gboolean
add_clock (GVirQemuBuild *b, GError **error)
{
  static const char *const attributes[] = { "offset", NULL };
  static const char *const children[] = { "timer", NULL };
  xmlNodePtr clock = child (b->domain, "clock");
  const char *offset = gvir_qemu_attr (clock, "offset");
  g_autoptr (GString) rtc = NULL;
  gsize rtc_position;

  if (clock != NULL && !gvir_qemu_check_node (clock, "<clock>", attributes, children, error))
    return FALSE;
  if (offset == NULL)
    offset = "utc";
  if (!g_str_equal (offset, "utc") && !g_str_equal (offset, "localtime"))
    return gvir_qemu_refuse (error, "unsupported clock offset '%s'", offset);
  rtc = g_string_new ("base=");
  g_string_append (rtc, offset);
  /* -rtc comes before the timer globals, but the rtc timer completes it. */
  gvir_qemu_add (b, "-rtc", "");
  rtc_position = b->argv->len - 1;
  for (xmlNodePtr t = clock ? clock->children : NULL; t != NULL; t = t->next)
    if (is_element (t, "timer") && !timer_value (b, t, rtc, error))
      return FALSE;
  g_free (b->argv->pdata[rtc_position]);
  b->argv->pdata[rtc_position] = g_string_free (g_steal_pointer (&rtc), FALSE);
  return TRUE;
}

static gboolean
add_pm (GVirQemuBuild *b, GError **error)
{
  static const char *const children[] = { "suspend-to-mem", "suspend-to-disk", NULL };
  static const char *const attributes[] = { "enabled", NULL };
  static const struct { const char *element; const char *property; } states[] = {
    { "suspend-to-mem", "disable_s3" }, { "suspend-to-disk", "disable_s4" },
  };
  xmlNodePtr pm = child (b->domain, "pm");

  gvir_qemu_add (b, "-no-shutdown", NULL);
  if (pm == NULL)
    return TRUE;
  if (!gvir_qemu_check_node (pm, "<pm>", NULL, children, error))
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (states); i++)
    {
      xmlNodePtr state = child (pm, states[i].element);
      const char *enabled = gvir_qemu_attr (state, "enabled");

      if (state == NULL)
        continue;
      if (!gvir_qemu_check_node (state, "<pm>", attributes, NULL, error))
        return FALSE;
      if (g_strcmp0 (enabled, "yes") != 0 && g_strcmp0 (enabled, "no") != 0)
        return gvir_qemu_refuse (error, "<pm><%s enabled='%s'>: expected 'yes' or 'no'",
                                 states[i].element, enabled ? enabled : "");
      gvir_qemu_add_printf (b, "-global", "%s.%s=%d", b->q35 ? "ICH9-LPC" : "PIIX4_PM",
                            states[i].property, g_str_equal (enabled, "no"));
    }
  return TRUE;
}

/* <os><boot dev> becomes a bootindex on the first device of each kind. */
static gboolean
assign_boot_devices (GVirQemuBuild *b, xmlNodePtr os, GError **error)
{
  static const char *const attributes[] = { "dev", NULL };
  guint index = 0;

  for (xmlNodePtr n = os->children; n != NULL; n = n->next)
    {
      const char *dev;

      if (!is_element (n, "boot"))
        continue;
      if (b->per_device_boot)
        {
          g_set_error_literal (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                               "<os><boot> and per-device <boot order> cannot be mixed");
          return FALSE;
        }
      if (!gvir_qemu_check_node (n, "<os><boot>", attributes, NULL, error))
        return FALSE;
      dev = gvir_qemu_attr (n, "dev");
      index++;
      if (g_strcmp0 (dev, "hd") == 0 && b->boot_disk == 0)
        b->boot_disk = index;
      else if (g_strcmp0 (dev, "cdrom") == 0 && b->boot_cdrom == 0)
        b->boot_cdrom = index;
      else if (g_strcmp0 (dev, "network") == 0 && b->boot_network == 0)
        b->boot_network = index;
      else
        return gvir_qemu_refuse (error, "unsupported <os><boot dev='%s'>", dev ? dev : "");
    }
  /* libvirt's default when nothing says where to boot from. */
  if (index == 0 && !b->per_device_boot)
    b->boot_disk = 1;
  return TRUE;
}

static gboolean
add_boot (GVirQemuBuild *b, GError **error)
{
  static const char *const bootmenu_attributes[] = { "enable", NULL };
  xmlNodePtr os = child (b->domain, "os");
  xmlNodePtr bootmenu = child (os, "bootmenu");
  static const struct { const char *element; const char *option; } files[] = {
    { "kernel", "-kernel" }, { "initrd", "-initrd" }, { "cmdline", "-append" },
  };

  if (!assign_boot_devices (b, os, error))
    return FALSE;
  if (bootmenu != NULL &&
      !gvir_qemu_check_node (bootmenu, "<os><bootmenu>", bootmenu_attributes, NULL, error))
    return FALSE;
  gvir_qemu_add (b, "-boot", g_strcmp0 (gvir_qemu_attr (bootmenu, "enable"), "yes") == 0
                                 ? "menu=on,strict=on" : "strict=on");
  for (gsize i = 0; i < G_N_ELEMENTS (files); i++)
    {
      const char *value = gvir_config_xml_node_get_text (child (os, files[i].element));

      if (value != NULL)
        gvir_qemu_add (b, files[i].option, value);
    }
  return TRUE;
}

static gboolean
check_cputune (GVirQemuBuild *b, GError **error)
{
  /* Pinning is applied by the driver to the threads (sched_setaffinity);
   * scheduler and bandwidth settings are not. */
  static const char *const children[] = { "vcpupin", "emulatorpin", NULL };
  xmlNodePtr cputune = child (b->domain, "cputune");

  return cputune == NULL || gvir_qemu_check_node (cputune, "<cputune>", NULL, children, error);
}

/* ---- the whole command line ------------------------------------------------- */

static gboolean
build (GVirQemuBuild *b, GError **error)
{
  return check_domain (b, error) &&
         check_lifecycle (b, error) &&
         check_os (b, child (b->domain, "os"), error) &&
         check_cputune (b, error) &&
         check_numatune (b, error) &&
         add_memory_backing (b, error) &&
         gvir_qemu_check_devices (b, error) &&
         add_name (b, error) &&
         add_machine (b, error) &&
         add_cpu (b, error) &&
         add_memory (b, error) &&
         add_ram_backend (b, error) &&
         (add_overcommit (b), TRUE) &&
         add_smp (b, error) &&
         add_numa (b, error) &&
         (add_uuid_and_defaults (b), TRUE) &&
         add_clock (b, error) &&
         add_pm (b, error) &&
         add_boot (b, error) &&
         gvir_qemu_build_devices (b, error);
}

GStrv
gvir_qemu_command_build (GVirConfigDomain *def,
                         const GVirQemuCommandContext *ctx,
                         GVirQemuCommandFlags *flags,
                         GError **error)
{
  GVirQemuBuild b = { 0 };

  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN (def), NULL);
  g_return_val_if_fail (ctx != NULL && ctx->emulator != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  b.ctx = ctx;
  b.domain = gvir_config_object_get_xml_node (GVIR_CONFIG_OBJECT (def));
  b.argv = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (b.argv, g_strdup (ctx->emulator));
  if (!build (&b, error))
    {
      g_ptr_array_unref (b.argv);
      return NULL;
    }
  gvir_qemu_add (&b, "-sandbox", "on,obsolete=deny,elevateprivileges=deny,spawn=deny,resourcecontrol=deny");
  gvir_qemu_add (&b, "-msg", "timestamp=on");
  g_ptr_array_add (b.argv, NULL);
  if (flags != NULL)
    *flags = b.flags;
  return (GStrv) g_ptr_array_free (b.argv, FALSE);
}
