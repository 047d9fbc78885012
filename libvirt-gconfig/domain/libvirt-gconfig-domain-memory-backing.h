/*
 * libvirt-gconfig-domain-memory-backing.h: how guest memory is backed
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
#include <libvirt-gconfig/libvirt-gconfig-domain-memory-backing-page.h>

G_BEGIN_DECLS

/**
 * GVIR_CONFIG_TYPE_DOMAIN_MEMORY_BACKING:
 *
 * The #GType of #GVirConfigDomainMemoryBacking.
 */
#define GVIR_CONFIG_TYPE_DOMAIN_MEMORY_BACKING (gvir_config_domain_memory_backing_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigDomainMemoryBacking, gvir_config_domain_memory_backing,
                      GVIR_CONFIG, DOMAIN_MEMORY_BACKING, GVirConfigObject)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainMemoryBacking *gvir_config_domain_memory_backing_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainMemoryBacking *gvir_config_domain_memory_backing_new_from_xml (const gchar *xml,
                                                                              GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
gboolean gvir_config_domain_memory_backing_get_hugepages (GVirConfigDomainMemoryBacking *backing);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_memory_backing_set_hugepages (GVirConfigDomainMemoryBacking *backing,
                                                      gboolean hugepages);
GVIR_CONFIG_AVAILABLE_IN_ALL
GList *gvir_config_domain_memory_backing_get_pages (GVirConfigDomainMemoryBacking *backing);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_memory_backing_add_page (GVirConfigDomainMemoryBacking *backing,
                                                 GVirConfigDomainMemoryBackingPage *page);
GVIR_CONFIG_AVAILABLE_IN_ALL
gboolean gvir_config_domain_memory_backing_get_nosharepages (GVirConfigDomainMemoryBacking *backing);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_memory_backing_set_nosharepages (GVirConfigDomainMemoryBacking *backing,
                                                         gboolean nosharepages);
GVIR_CONFIG_AVAILABLE_IN_ALL
gboolean gvir_config_domain_memory_backing_get_locked (GVirConfigDomainMemoryBacking *backing);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_memory_backing_set_locked (GVirConfigDomainMemoryBacking *backing,
                                                   gboolean locked);

G_END_DECLS
