/*
 * libvirt-gconfig-domain-memory-backing-page.h: a huge page size of a domain
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
 * GVIR_CONFIG_TYPE_DOMAIN_MEMORY_BACKING_PAGE:
 *
 * The #GType of #GVirConfigDomainMemoryBackingPage.
 */
#define GVIR_CONFIG_TYPE_DOMAIN_MEMORY_BACKING_PAGE (gvir_config_domain_memory_backing_page_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigDomainMemoryBackingPage, gvir_config_domain_memory_backing_page,
                      GVIR_CONFIG, DOMAIN_MEMORY_BACKING_PAGE, GVirConfigObject)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainMemoryBackingPage *gvir_config_domain_memory_backing_page_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainMemoryBackingPage *gvir_config_domain_memory_backing_page_new_from_xml (const gchar *xml,
                                                                                      GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
guint64 gvir_config_domain_memory_backing_page_get_size (GVirConfigDomainMemoryBackingPage *page);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_memory_backing_page_set_size (GVirConfigDomainMemoryBackingPage *page,
                                                      guint64 size);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_domain_memory_backing_page_get_nodeset (GVirConfigDomainMemoryBackingPage *page);
GVIR_CONFIG_AVAILABLE_IN_ALL
gboolean gvir_config_domain_memory_backing_page_set_nodeset (GVirConfigDomainMemoryBackingPage *page,
                                                             const gchar *nodeset,
                                                             GError **error);

G_END_DECLS
