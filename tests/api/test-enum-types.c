/*
 * test-enum-types.c: the registered enum and flags types of both libraries
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Every public enum and flags GType (the generated *-enums.h headers) is
 * checked for what bindings and the XML code rely on: its registered name,
 * enum or flags, value names under the library's prefix, nicks (the XML
 * spellings in libvirt-gconfig) that are unique, well formed and found
 * again by name and by nick. A new public enum needs a row here; the
 * public-callers check says so.
 */
#include "config.h"

#include <string.h>

#include <libvirt-gconfig/libvirt-gconfig.h>
#include <libvirt-gobject/libvirt-gobject.h>

typedef struct
{
  GType (*get_type) (void);
  const char *name;         /* the registered type name */
  gboolean is_flags;
} EnumType;

static const EnumType enum_types[] = {
  { gvir_config_domain_audio_backend_get_type, "GVirConfigDomainAudioBackend", FALSE },
  { gvir_config_domain_channel_target_type_get_type, "GVirConfigDomainChannelTargetType", FALSE },
  { gvir_config_domain_chardev_source_unix_mode_get_type,
    "GVirConfigDomainChardevSourceUnixMode", FALSE },
  { gvir_config_domain_clock_offset_get_type, "GVirConfigDomainClockOffset", FALSE },
  { gvir_config_domain_console_target_type_get_type, "GVirConfigDomainConsoleTargetType", FALSE },
  { gvir_config_domain_controller_usb_model_get_type, "GVirConfigDomainControllerUsbModel", FALSE },
  { gvir_config_domain_cpu_feature_policy_get_type, "GVirConfigDomainCpuFeaturePolicy", FALSE },
  { gvir_config_domain_cpu_match_policy_get_type, "GVirConfigDomainCpuMatchPolicy", FALSE },
  { gvir_config_domain_cpu_mode_get_type, "GVirConfigDomainCpuMode", FALSE },
  { gvir_config_domain_disk_format_get_type, "GVirConfigDomainDiskFormat", FALSE },
  { gvir_config_domain_disk_cache_type_get_type, "GVirConfigDomainDiskCacheType", FALSE },
  { gvir_config_domain_disk_driver_error_policy_get_type,
    "GVirConfigDomainDiskDriverErrorPolicy", FALSE },
  { gvir_config_domain_disk_driver_io_policy_get_type,
    "GVirConfigDomainDiskDriverIoPolicy", FALSE },
  { gvir_config_domain_disk_driver_discard_get_type, "GVirConfigDomainDiskDriverDiscard", FALSE },
  { gvir_config_domain_disk_type_get_type, "GVirConfigDomainDiskType", FALSE },
  { gvir_config_domain_disk_guest_device_type_get_type,
    "GVirConfigDomainDiskGuestDeviceType", FALSE },
  { gvir_config_domain_disk_bus_get_type, "GVirConfigDomainDiskBus", FALSE },
  { gvir_config_domain_disk_snapshot_type_get_type, "GVirConfigDomainDiskSnapshotType", FALSE },
  { gvir_config_domain_disk_startup_policy_get_type, "GVirConfigDomainDiskStartupPolicy", FALSE },
  { gvir_config_domain_filesys_type_get_type, "GVirConfigDomainFilesysType", FALSE },
  { gvir_config_domain_filesys_access_type_get_type, "GVirConfigDomainFilesysAccessType", FALSE },
  { gvir_config_domain_filesys_driver_type_get_type, "GVirConfigDomainFilesysDriverType", FALSE },
  { gvir_config_domain_graphics_spice_image_compression_get_type,
    "GVirConfigDomainGraphicsSpiceImageCompression", FALSE },
  { gvir_config_domain_input_device_type_get_type, "GVirConfigDomainInputDeviceType", FALSE },
  { gvir_config_domain_input_bus_get_type, "GVirConfigDomainInputBus", FALSE },
  { gvir_config_domain_interface_link_state_get_type, "GVirConfigDomainInterfaceLinkState", FALSE },
  { gvir_config_domain_memballoon_model_get_type, "GVirConfigDomainMemballoonModel", FALSE },
  { gvir_config_domain_memory_device_model_get_type, "GVirConfigDomainMemoryDeviceModel", FALSE },
  { gvir_config_domain_numa_cell_mem_access_get_type, "GVirConfigDomainNumaCellMemAccess", FALSE },
  { gvir_config_domain_numatune_memory_mode_get_type, "GVirConfigDomainNumatuneMemoryMode", FALSE },
  { gvir_config_domain_placement_get_type, "GVirConfigDomainPlacement", FALSE },
  { gvir_config_domain_os_type_get_type, "GVirConfigDomainOsType", FALSE },
  { gvir_config_domain_os_sm_bios_mode_get_type, "GVirConfigDomainOsSmBiosMode", FALSE },
  { gvir_config_domain_os_boot_device_get_type, "GVirConfigDomainOsBootDevice", FALSE },
  { gvir_config_domain_os_firmware_get_type, "GVirConfigDomainOsFirmware", FALSE },
  { gvir_config_domain_redirdev_bus_get_type, "GVirConfigDomainRedirdevBus", FALSE },
  { gvir_config_domain_seclabel_type_get_type, "GVirConfigDomainSeclabelType", FALSE },
  { gvir_config_domain_snapshot_domain_state_get_type,
    "GVirConfigDomainSnapshotDomainState", FALSE },
  { gvir_config_domain_snapshot_memory_state_get_type,
    "GVirConfigDomainSnapshotMemoryState", FALSE },
  { gvir_config_domain_sound_model_get_type, "GVirConfigDomainSoundModel", FALSE },
  { gvir_config_domain_timer_tick_policy_get_type, "GVirConfigDomainTimerTickPolicy", FALSE },
  { gvir_config_domain_video_model_get_type, "GVirConfigDomainVideoModel", FALSE },
  { gvir_config_domain_virt_type_get_type, "GVirConfigDomainVirtType", FALSE },
  { gvir_config_domain_lifecycle_event_get_type, "GVirConfigDomainLifecycleEvent", FALSE },
  { gvir_config_domain_lifecycle_action_get_type, "GVirConfigDomainLifecycleAction", FALSE },
  { gvir_config_error_get_type, "GVirConfigError", FALSE },
  { gvir_config_interface_type_get_type, "GVirConfigInterfaceType", FALSE },
  { gvir_config_interface_start_mode_get_type, "GVirConfigInterfaceStartMode", FALSE },
  { gvir_config_network_filter_rule_action_get_type, "GVirConfigNetworkFilterRuleAction", FALSE },
  { gvir_config_network_filter_rule_direction_get_type,
    "GVirConfigNetworkFilterRuleDirection", FALSE },
  { gvir_config_network_forward_mode_get_type, "GVirConfigNetworkForwardMode", FALSE },
  { gvir_config_secret_usage_type_get_type, "GVirConfigSecretUsageType", FALSE },
  { gvir_config_storage_pool_type_get_type, "GVirConfigStoragePoolType", FALSE },
  { gvir_config_storage_vol_target_features_get_type, "GVirConfigStorageVolTargetFeatures", TRUE },
  { gvir_domain_state_get_type, "GVirDomainState", FALSE },
  { gvir_domain_start_flags_get_type, "GVirDomainStartFlags", TRUE },
  { gvir_domain_delete_flags_get_type, "GVirDomainDeleteFlags", TRUE },
  { gvir_domain_xml_flags_get_type, "GVirDomainXMLFlags", TRUE },
  { gvir_domain_shutdown_flags_get_type, "GVirDomainShutdownFlags", TRUE },
  { gvir_domain_reboot_flags_get_type, "GVirDomainRebootFlags", TRUE },
  { gvir_domain_numatune_mode_get_type, "GVirDomainNumatuneMode", FALSE },
  { gvir_domain_modification_impact_get_type, "GVirDomainModificationImpact", TRUE },
  { gvir_error_get_type, "GVirError", FALSE },
  /* Snapshots */
  { gvir_domain_snapshot_create_flags_get_type, "GVirDomainSnapshotCreateFlags", TRUE },
  { gvir_domain_snapshot_list_flags_get_type, "GVirDomainSnapshotListFlags", TRUE },
  { gvir_domain_snapshot_delete_flags_get_type, "GVirDomainSnapshotDeleteFlags", TRUE },
  { gvir_domain_snapshot_revert_flags_get_type, "GVirDomainSnapshotRevertFlags", TRUE },
};

/* Nicks are lower-case words: XML attribute values and element names. */
static gboolean
nick_is_well_formed (const char *nick)
{
  if (*nick == '\0')
    return FALSE;
  for (const char *p = nick; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && strchr ("-_.+", *p) == NULL)
      return FALSE;
  return TRUE;
}

/* GVIR_CONFIG_ for libvirt-gconfig's types, GVIR_ for libvirt-gobject's. */
static const char *
value_prefix (const EnumType *t)
{
  return g_str_has_prefix (t->name, "GVirConfig") ? "GVIR_CONFIG_" : "GVIR_";
}

static void
check_names (const EnumType *t, const char *name, const char *nick,
             GHashTable *nicks, GHashTable *names)
{
  g_test_message ("%s '%s'", name, nick);
  g_assert_true (g_str_has_prefix (name, value_prefix (t)));
  g_assert_cmpuint (strlen (name), >, strlen (value_prefix (t)));
  g_assert_true (nick_is_well_formed (nick));
  g_assert_true (g_hash_table_add (nicks, (gpointer) nick));
  g_assert_true (g_hash_table_add (names, (gpointer) name));
}

static void
check_enum (const EnumType *t, GType type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  g_autoptr(GHashTable) nicks = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (klass->n_values, >=, 1);
  for (guint i = 0; i < klass->n_values; i++)
    {
      const GEnumValue *v = &klass->values[i];

      check_names (t, v->value_name, v->value_nick, nicks, names);
      g_assert_true (g_enum_get_value_by_nick (klass, v->value_nick) == v);
      g_assert_true (g_enum_get_value_by_name (klass, v->value_name) == v);
      g_assert_cmpint (g_enum_get_value (klass, v->value)->value, ==, v->value);
    }
  g_assert_null (g_enum_get_value_by_nick (klass, "no-such-nick"));
}

static void
check_flags (const EnumType *t, GType type)
{
  g_autoptr(GFlagsClass) klass = g_type_class_ref (type);
  g_autoptr(GHashTable) nicks = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (klass->n_values, >=, 1);
  for (guint i = 0; i < klass->n_values; i++)
    {
      const GFlagsValue *v = &klass->values[i];

      check_names (t, v->value_name, v->value_nick, nicks, names);
      g_assert_true (g_flags_get_value_by_nick (klass, v->value_nick) == v);
      g_assert_true (g_flags_get_value_by_name (klass, v->value_name) == v);
      /* Every flag is within the mask the class reports. */
      g_assert_cmpuint (v->value & ~klass->mask, ==, 0);
    }
  g_assert_null (g_flags_get_value_by_nick (klass, "no-such-nick"));
}

static void
test_enum_type (gconstpointer data)
{
  const EnumType *t = data;
  GType type = t->get_type ();

  g_assert_cmpstr (g_type_name (type), ==, t->name);
  g_assert_true (g_type_from_name (t->name) == type);
  /* Registered once: a second call gives the same type. */
  g_assert_true (t->get_type () == type);
  if (t->is_flags)
    {
      g_assert_true (G_TYPE_IS_FLAGS (type));
      check_flags (t, type);
    }
  else
    {
      g_assert_true (G_TYPE_IS_ENUM (type));
      check_enum (t, type);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (enum_types); i++)
    {
      g_autofree char *path = g_strdup_printf ("/api/enum-types/%s", enum_types[i].name);

      g_test_add_data_func (path, &enum_types[i], test_enum_type);
    }
  return g_test_run ();
}
