/*
 * libvirt-gconfig-domain-parallel.h: a parallel port
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
#include <libvirt-gconfig/libvirt-gconfig-domain-chardev.h>

G_BEGIN_DECLS

/**
 * GVIR_CONFIG_TYPE_DOMAIN_PARALLEL:
 *
 * The #GType of #GVirConfigDomainParallel.
 */
#define GVIR_CONFIG_TYPE_DOMAIN_PARALLEL (gvir_config_domain_parallel_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigDomainParallel, gvir_config_domain_parallel,
                      GVIR_CONFIG, DOMAIN_PARALLEL, GVirConfigDomainChardev)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainParallel *gvir_config_domain_parallel_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainParallel *gvir_config_domain_parallel_new_from_xml (const gchar *xml,
                                                                    GError **error);

G_END_DECLS
