/*
 * gvir-qemu-command.c: the QEMU 7.2 command line of a domain: identity,
 * machine, CPU, clock, boot; the shared helpers and the whole sequence.
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
gvir_qemu_invalid (GError **error, const char *message)
{
  g_set_error_literal (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT, message);
  return FALSE;
}

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
  /* PCI addresses are written in hex ("0x1f"), everything else in decimal. */
  if (g_str_has_prefix (text, "0x")
      ? !g_ascii_string_to_unsigned (text + 2, 16, 0, G_MAXUINT32, value, NULL)
      : !g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT32, value, NULL))
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
  return gvir_qemu_check_node (b->domain, "<domain>", attributes, children, error);
}

static gboolean
check_lifecycle (GVirQemuBuild *b, GError **error)
{
  static const char *const events[] = { "on_poweroff", "on_reboot", "on_crash" };
  static const char *const actions[] = { "destroy", "restart", "preserve", NULL };

  for (gsize i = 0; i < G_N_ELEMENTS (events); i++)
    {
      xmlNodePtr node = gvir_qemu_child (b->domain, events[i]);
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
  const char *name = gvir_config_xml_node_get_text (gvir_qemu_child (b->domain, "name"));
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
  xmlNodePtr type = gvir_qemu_child (os, "type");
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
  xmlNodePtr features = gvir_qemu_child (b->domain, "features");

  *acpi = features != NULL && gvir_qemu_child (features, "acpi") != NULL;
  return features == NULL || gvir_qemu_check_node (features, "<features>", NULL, children, error);
}

static gboolean
hpet_disabled (GVirQemuBuild *b)
{
  xmlNodePtr clock = gvir_qemu_child (b->domain, "clock");

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
  xmlNodePtr backing = gvir_qemu_child (b->domain, "memoryBacking");

  return backing != NULL && gvir_qemu_child (backing, "nosharepages") != NULL;
}

static gboolean
add_machine (GVirQemuBuild *b, GError **error)
{
  xmlNodePtr type = gvir_qemu_child (gvir_qemu_child (b->domain, "os"), "type");
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
  if (!gvir_qemu_has_numa_cells (b))
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
  xmlNodePtr cpu = gvir_qemu_child (b->domain, "cpu");
  const char *mode = gvir_qemu_attr (cpu, "mode");
  const char *model = "qemu64";
  g_autoptr (GString) value = NULL;

  if (cpu != NULL && !gvir_qemu_check_node (cpu, "<cpu>", attributes, children, error))
    return FALSE;
  if (mode != NULL && !g_str_equal (mode, "custom"))
    {
      if (gvir_qemu_child (cpu, "model") != NULL || gvir_qemu_child (cpu, "feature") != NULL)
        return gvir_qemu_refuse (error, "<cpu mode='%s'> takes no <model> or <feature>", mode);
      if (!cpu_model_for_mode (b, mode, &model, error))
        return FALSE;
    }
  else if (gvir_qemu_child (cpu, "model") != NULL)
    {
      static const char *const model_attributes[] = { "fallback", NULL };

      if (!gvir_qemu_check_node (gvir_qemu_child (cpu, "model"), "<cpu><model>", model_attributes, NULL, error))
        return FALSE;
      model = gvir_config_xml_node_get_text (gvir_qemu_child (cpu, "model"));
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

/* ---- -uuid, defaults, monitor, clock, PM, boot ----------------------------- */

static void
add_uuid_and_defaults (GVirQemuBuild *b)
{
  const char *uuid = gvir_config_xml_node_get_text (gvir_qemu_child (b->domain, "uuid"));

  if (uuid != NULL)
    gvir_qemu_add (b, "-uuid", uuid);
  if (gvir_qemu_child (gvir_qemu_child (b->domain, "devices"), "graphics") == NULL)
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
  xmlNodePtr clock = gvir_qemu_child (b->domain, "clock");
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
    if (gvir_qemu_is_element (t, "timer") && !timer_value (b, t, rtc, error))
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
  xmlNodePtr pm = gvir_qemu_child (b->domain, "pm");

  gvir_qemu_add (b, "-no-shutdown", NULL);
  if (pm == NULL)
    return TRUE;
  if (!gvir_qemu_check_node (pm, "<pm>", NULL, children, error))
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (states); i++)
    {
      xmlNodePtr state = gvir_qemu_child (pm, states[i].element);
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

      if (!gvir_qemu_is_element (n, "boot"))
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
  xmlNodePtr os = gvir_qemu_child (b->domain, "os");
  xmlNodePtr bootmenu = gvir_qemu_child (os, "bootmenu");
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
      const char *value = gvir_config_xml_node_get_text (gvir_qemu_child (os, files[i].element));

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
  xmlNodePtr cputune = gvir_qemu_child (b->domain, "cputune");

  return cputune == NULL || gvir_qemu_check_node (cputune, "<cputune>", NULL, children, error);
}

/* ---- the whole command line ------------------------------------------------- */

static gboolean
build (GVirQemuBuild *b, GError **error)
{
  return check_domain (b, error) &&
         check_lifecycle (b, error) &&
         check_os (b, gvir_qemu_child (b->domain, "os"), error) &&
         check_cputune (b, error) &&
         gvir_qemu_check_numatune (b, error) &&
         gvir_qemu_add_memory_backing (b, error) &&
         gvir_qemu_check_devices (b, error) &&
         add_name (b, error) &&
         add_machine (b, error) &&
         add_cpu (b, error) &&
         gvir_qemu_add_memory (b, error) &&
         gvir_qemu_add_ram_backend (b, error) &&
         (gvir_qemu_add_overcommit (b), TRUE) &&
         gvir_qemu_add_smp (b, error) &&
         gvir_qemu_add_numa (b, error) &&
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
  if (ctx->incoming_defer)
    gvir_qemu_add (&b, "-incoming", "defer");
  gvir_qemu_add (&b, "-sandbox", "on,obsolete=deny,elevateprivileges=deny,spawn=deny,resourcecontrol=deny");
  gvir_qemu_add (&b, "-msg", "timestamp=on");
  g_ptr_array_add (b.argv, NULL);
  if (flags != NULL)
    *flags = b.flags;
  return (GStrv) g_ptr_array_free (b.argv, FALSE);
}
