/*
 * libvirt-gconfig.h: libvirt-gconfig umbrella header
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#pragma once

#define __LIBVIRT_GCONFIG_H__

#include <glib-object.h>

#include <libvirt-gconfig/libvirt-gconfig-visibility.h>
#include <libvirt-gconfig/libvirt-gconfig-error.h>
#include <libvirt-gconfig/libvirt-gconfig-main.h>
#include <libvirt-gconfig/libvirt-gconfig-object.h>
#include <libvirt-gconfig/libvirt-gconfig-enums.h>
#include <libvirt-gconfig/libvirt-gconfig-capabilities-cpu-feature.h>
#include <libvirt-gconfig/libvirt-gconfig-capabilities-cpu-model.h>
#include <libvirt-gconfig/libvirt-gconfig-capabilities-cpu-topology.h>
#include <libvirt-gconfig/libvirt-gconfig-capabilities-cpu.h>
#include <libvirt-gconfig/libvirt-gconfig-domain-device.h>
#include <libvirt-gconfig/libvirt-gconfig-domain-os.h>
#include <libvirt-gconfig/libvirt-gconfig-domain-clock.h>
#include <libvirt-gconfig/libvirt-gconfig-domain-cpu.h>
#include <libvirt-gconfig/libvirt-gconfig-domain-seclabel.h>
#include <libvirt-gconfig/libvirt-gconfig-domain-disk-driver.h>
#include <libvirt-gconfig/libvirt-gconfig-domain-disk.h>
#include <libvirt-gconfig/libvirt-gconfig-domain-interface.h>
#include <libvirt-gconfig/libvirt-gconfig-domain-interface-bridge.h>
#include <libvirt-gconfig/libvirt-gconfig-domain-interface-network.h>
#include <libvirt-gconfig/libvirt-gconfig-domain-interface-user.h>
#include <libvirt-gconfig/libvirt-gconfig-domain.h>
#include <libvirt-gconfig/libvirt-gconfig-domain-capabilities-os.h>
#include <libvirt-gconfig/libvirt-gconfig-domain-capabilities.h>
#include <libvirt-gconfig/libvirt-gconfig-capabilities-cell-cpu.h>
#include <libvirt-gconfig/libvirt-gconfig-capabilities-cell.h>
#include <libvirt-gconfig/libvirt-gconfig-capabilities-host-secmodel.h>
#include <libvirt-gconfig/libvirt-gconfig-capabilities-host.h>
#include <libvirt-gconfig/libvirt-gconfig-capabilities-guest-feature.h>
#include <libvirt-gconfig/libvirt-gconfig-capabilities-guest-domain.h>
#include <libvirt-gconfig/libvirt-gconfig-capabilities-guest-arch.h>
#include <libvirt-gconfig/libvirt-gconfig-capabilities-guest.h>
#include <libvirt-gconfig/libvirt-gconfig-capabilities.h>

/* Domain tuning and NUMA placement. */

/* Domain devices, addresses, chardev sources, timers, power management. */

/* Other documents. */
