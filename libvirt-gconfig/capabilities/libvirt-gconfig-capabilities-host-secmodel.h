/*
 * libvirt-gconfig-capabilities-host-secmodel.h: a security model of the host
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

G_BEGIN_DECLS

/**
 * GVIR_CONFIG_TYPE_CAPABILITIES_HOST_SECMODEL:
 *
 * The #GType of #GVirConfigCapabilitiesHostSecModel.
 */
#define GVIR_CONFIG_TYPE_CAPABILITIES_HOST_SECMODEL (gvir_config_capabilities_host_secmodel_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigCapabilitiesHostSecModel, gvir_config_capabilities_host_secmodel,
                      GVIR_CONFIG, CAPABILITIES_HOST_SECMODEL, GVirConfigObject)

GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_capabilities_host_secmodel_get_model (GVirConfigCapabilitiesHostSecModel *secmodel);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_capabilities_host_secmodel_get_doi (GVirConfigCapabilitiesHostSecModel *secmodel);

G_END_DECLS
