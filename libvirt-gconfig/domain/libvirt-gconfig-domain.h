/*
 * libvirt-gconfig-domain.h: a domain (virtual machine) description
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#pragma once

#if !defined(__LIBVIRT_GCONFIG_H__) && !defined(LIBVIRT_GCONFIG_BUILD)
#error "Only <libvirt-gconfig/libvirt-gconfig.h> can be included directly."
#endif

#include <libvirt-gconfig/libvirt-gconfig-object.h>
#include <libvirt-gconfig/libvirt-gconfig-domain-os.h>
#include <libvirt-gconfig/libvirt-gconfig-domain-clock.h>
#include <libvirt-gconfig/libvirt-gconfig-domain-power-management.h>
#include <libvirt-gconfig/libvirt-gconfig-domain-cpu.h>
#include <libvirt-gconfig/libvirt-gconfig-domain-seclabel.h>
#include <libvirt-gconfig/libvirt-gconfig-domain-device.h>
#include <libvirt-gconfig/libvirt-gconfig-domain-numatune.h>
#include <libvirt-gconfig/libvirt-gconfig-domain-cputune.h>
#include <libvirt-gconfig/libvirt-gconfig-domain-memory-backing.h>
#include <libvirt-gconfig/libvirt-gconfig-domain-memtune.h>
#include <libvirt-gconfig/libvirt-gconfig-domain-blkiotune.h>

G_BEGIN_DECLS

/**
 * GVirConfigDomainVirtType:
 * @GVIR_CONFIG_DOMAIN_VIRT_QEMU: QEMU emulation
 * @GVIR_CONFIG_DOMAIN_VIRT_KQEMU: QEMU with the kqemu accelerator
 * @GVIR_CONFIG_DOMAIN_VIRT_KVM: QEMU with KVM
 * @GVIR_CONFIG_DOMAIN_VIRT_XEN: Xen
 * @GVIR_CONFIG_DOMAIN_VIRT_LXC: Linux containers
 * @GVIR_CONFIG_DOMAIN_VIRT_UML: User Mode Linux
 * @GVIR_CONFIG_DOMAIN_VIRT_OPENVZ: OpenVZ containers
 * @GVIR_CONFIG_DOMAIN_VIRT_VSERVER: Linux-VServer
 * @GVIR_CONFIG_DOMAIN_VIRT_LDOM: Sun Logical Domains
 * @GVIR_CONFIG_DOMAIN_VIRT_TEST: the test driver
 * @GVIR_CONFIG_DOMAIN_VIRT_VMWARE: VMware
 * @GVIR_CONFIG_DOMAIN_VIRT_HYPERV: Microsoft Hyper-V
 * @GVIR_CONFIG_DOMAIN_VIRT_VBOX: VirtualBox
 * @GVIR_CONFIG_DOMAIN_VIRT_ONE: OpenNebula
 * @GVIR_CONFIG_DOMAIN_VIRT_PHYP: IBM PowerVM
 *
 * Hypervisor types, the `<domain type=...>` attribute.
 */
typedef enum
{
  GVIR_CONFIG_DOMAIN_VIRT_QEMU,
  GVIR_CONFIG_DOMAIN_VIRT_KQEMU,
  GVIR_CONFIG_DOMAIN_VIRT_KVM,
  GVIR_CONFIG_DOMAIN_VIRT_XEN,
  GVIR_CONFIG_DOMAIN_VIRT_LXC,
  GVIR_CONFIG_DOMAIN_VIRT_UML,
  GVIR_CONFIG_DOMAIN_VIRT_OPENVZ,
  GVIR_CONFIG_DOMAIN_VIRT_VSERVER,
  GVIR_CONFIG_DOMAIN_VIRT_LDOM,
  GVIR_CONFIG_DOMAIN_VIRT_TEST,
  GVIR_CONFIG_DOMAIN_VIRT_VMWARE,
  GVIR_CONFIG_DOMAIN_VIRT_HYPERV,
  GVIR_CONFIG_DOMAIN_VIRT_VBOX,
  GVIR_CONFIG_DOMAIN_VIRT_ONE,
  GVIR_CONFIG_DOMAIN_VIRT_PHYP,
} GVirConfigDomainVirtType;

/**
 * GVirConfigDomainLifecycleEvent:
 * @GVIR_CONFIG_DOMAIN_LIFECYCLE_ON_POWEROFF: the guest powers off
 * @GVIR_CONFIG_DOMAIN_LIFECYCLE_ON_REBOOT: the guest reboots
 * @GVIR_CONFIG_DOMAIN_LIFECYCLE_ON_CRASH: the guest crashes
 *
 * Guest events that have a configurable action; the nick is the element name.
 */
typedef enum
{
  GVIR_CONFIG_DOMAIN_LIFECYCLE_ON_POWEROFF, /*< nick=on_poweroff >*/
  GVIR_CONFIG_DOMAIN_LIFECYCLE_ON_REBOOT, /*< nick=on_reboot >*/
  GVIR_CONFIG_DOMAIN_LIFECYCLE_ON_CRASH, /*< nick=on_crash >*/
} GVirConfigDomainLifecycleEvent;

/**
 * GVirConfigDomainLifecycleAction:
 * @GVIR_CONFIG_DOMAIN_LIFECYCLE_DESTROY: stop the domain
 * @GVIR_CONFIG_DOMAIN_LIFECYCLE_RESTART: start the domain again
 * @GVIR_CONFIG_DOMAIN_LIFECYCLE_PRESERVE: keep the stopped domain's resources
 * @GVIR_CONFIG_DOMAIN_LIFECYCLE_RENAME_RESTART: rename the old domain and start a new one
 * @GVIR_CONFIG_DOMAIN_LIFECYCLE_COREDUMP_DESTROY: dump core, then stop (crash only)
 * @GVIR_CONFIG_DOMAIN_LIFECYCLE_COREDUMP_RESTART: dump core, then restart (crash only)
 *
 * What happens on a #GVirConfigDomainLifecycleEvent.
 */
typedef enum
{
  GVIR_CONFIG_DOMAIN_LIFECYCLE_DESTROY,
  GVIR_CONFIG_DOMAIN_LIFECYCLE_RESTART,
  GVIR_CONFIG_DOMAIN_LIFECYCLE_PRESERVE,
  GVIR_CONFIG_DOMAIN_LIFECYCLE_RENAME_RESTART,
  GVIR_CONFIG_DOMAIN_LIFECYCLE_COREDUMP_DESTROY,
  GVIR_CONFIG_DOMAIN_LIFECYCLE_COREDUMP_RESTART,
} GVirConfigDomainLifecycleAction;

/**
 * GVIR_CONFIG_TYPE_DOMAIN:
 *
 * The #GType of #GVirConfigDomain.
 */
#define GVIR_CONFIG_TYPE_DOMAIN (gvir_config_domain_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigDomain, gvir_config_domain,
                      GVIR_CONFIG, DOMAIN, GVirConfigObject)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomain *gvir_config_domain_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomain *gvir_config_domain_new_from_xml (const gchar *xml, GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainVirtType gvir_config_domain_get_virt_type (GVirConfigDomain *domain);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_set_virt_type (GVirConfigDomain *domain, GVirConfigDomainVirtType type);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_domain_get_name (GVirConfigDomain *domain);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_set_name (GVirConfigDomain *domain, const gchar *name);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_domain_get_uuid (GVirConfigDomain *domain);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_set_uuid (GVirConfigDomain *domain, const gchar *uuid);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_domain_get_title (GVirConfigDomain *domain);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_set_title (GVirConfigDomain *domain, const gchar *title);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_domain_get_description (GVirConfigDomain *domain);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_set_description (GVirConfigDomain *domain, const gchar *description);
GVIR_CONFIG_AVAILABLE_IN_ALL
guint64 gvir_config_domain_get_memory (GVirConfigDomain *domain);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_set_memory (GVirConfigDomain *domain, guint64 memory);
GVIR_CONFIG_AVAILABLE_IN_ALL
guint64 gvir_config_domain_get_current_memory (GVirConfigDomain *domain);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_set_current_memory (GVirConfigDomain *domain, guint64 memory);
GVIR_CONFIG_AVAILABLE_IN_ALL
guint64 gvir_config_domain_get_vcpus (GVirConfigDomain *domain);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_set_vcpus (GVirConfigDomain *domain, guint64 vcpu_count);
GVIR_CONFIG_AVAILABLE_IN_ALL
GStrv gvir_config_domain_get_features (GVirConfigDomain *domain);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_set_features (GVirConfigDomain *domain, const GStrv features);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainOs *gvir_config_domain_get_os (GVirConfigDomain *domain);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_set_os (GVirConfigDomain *domain, GVirConfigDomainOs *os);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainClock *gvir_config_domain_get_clock (GVirConfigDomain *domain);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_set_clock (GVirConfigDomain *domain, GVirConfigDomainClock *klock);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainPowerManagement *gvir_config_domain_get_power_management (GVirConfigDomain *domain);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_set_power_management (GVirConfigDomain *domain,
                                              GVirConfigDomainPowerManagement *pm);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainCpu *gvir_config_domain_get_cpu (GVirConfigDomain *domain);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_set_cpu (GVirConfigDomain *domain, GVirConfigDomainCpu *cpu);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainSeclabel *gvir_config_domain_get_seclabel (GVirConfigDomain *domain);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_set_seclabel (GVirConfigDomain *domain, GVirConfigDomainSeclabel *seclabel);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainLifecycleAction gvir_config_domain_get_lifecycle (GVirConfigDomain *domain,
                                                                  GVirConfigDomainLifecycleEvent event);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_set_lifecycle (GVirConfigDomain *domain,
                                       GVirConfigDomainLifecycleEvent event,
                                       GVirConfigDomainLifecycleAction action);
GVIR_CONFIG_AVAILABLE_IN_ALL
GList *gvir_config_domain_get_devices (GVirConfigDomain *domain);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_set_devices (GVirConfigDomain *domain, GList *devices);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_add_device (GVirConfigDomain *domain, GVirConfigDomainDevice *device);
GVIR_CONFIG_AVAILABLE_IN_ALL
gboolean gvir_config_domain_set_custom_xml (GVirConfigDomain *domain,
                                            const gchar *xml,
                                            const gchar *ns,
                                            const gchar *ns_uri,
                                            GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
gboolean gvir_config_domain_set_custom_xml_ns_children (GVirConfigDomain *domain,
                                                        const gchar *xml,
                                                        const gchar *ns,
                                                        const gchar *ns_uri,
                                                        GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
gchar *gvir_config_domain_get_custom_xml (GVirConfigDomain *domain, const gchar *ns_uri);

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainPlacement gvir_config_domain_get_vcpu_placement (GVirConfigDomain *domain);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_set_vcpu_placement (GVirConfigDomain *domain,
                                            GVirConfigDomainPlacement placement);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_domain_get_vcpu_cpuset (GVirConfigDomain *domain);
GVIR_CONFIG_AVAILABLE_IN_ALL
gboolean gvir_config_domain_set_vcpu_cpuset (GVirConfigDomain *domain,
                                             const gchar *cpuset,
                                             GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
guint64 gvir_config_domain_get_current_vcpus (GVirConfigDomain *domain);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_set_current_vcpus (GVirConfigDomain *domain, guint64 vcpu_count);
GVIR_CONFIG_AVAILABLE_IN_ALL
guint64 gvir_config_domain_get_max_memory (GVirConfigDomain *domain);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_set_max_memory (GVirConfigDomain *domain, guint64 memory);
GVIR_CONFIG_AVAILABLE_IN_ALL
guint gvir_config_domain_get_max_memory_slots (GVirConfigDomain *domain);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_set_max_memory_slots (GVirConfigDomain *domain, guint slots);
GVIR_CONFIG_AVAILABLE_IN_ALL
guint gvir_config_domain_get_iothreads (GVirConfigDomain *domain);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_set_iothreads (GVirConfigDomain *domain, guint iothreads);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_domain_get_resource_partition (GVirConfigDomain *domain);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_set_resource_partition (GVirConfigDomain *domain, const gchar *partition);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainNumatune *gvir_config_domain_get_numatune (GVirConfigDomain *domain);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_set_numatune (GVirConfigDomain *domain, GVirConfigDomainNumatune *numatune);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainCputune *gvir_config_domain_get_cputune (GVirConfigDomain *domain);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_set_cputune (GVirConfigDomain *domain, GVirConfigDomainCputune *cputune);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainMemoryBacking *gvir_config_domain_get_memory_backing (GVirConfigDomain *domain);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_set_memory_backing (GVirConfigDomain *domain,
                                            GVirConfigDomainMemoryBacking *backing);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainMemtune *gvir_config_domain_get_memtune (GVirConfigDomain *domain);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_set_memtune (GVirConfigDomain *domain, GVirConfigDomainMemtune *memtune);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainBlkiotune *gvir_config_domain_get_blkiotune (GVirConfigDomain *domain);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_set_blkiotune (GVirConfigDomain *domain, GVirConfigDomainBlkiotune *blkiotune);
GVIR_CONFIG_AVAILABLE_IN_ALL
gboolean gvir_config_domain_validate_numa (GVirConfigDomain *domain, GError **error);

G_END_DECLS
