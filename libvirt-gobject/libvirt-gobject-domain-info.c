/*
 * libvirt-gobject-domain-info.c: a snapshot of a domain's resource usage
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include "libvirt-gobject/libvirt-gobject-domain-info.h"

/**
 * SECTION:libvirt-gobject-domain-info
 * @title: GVirDomainInfo
 * @short_description: A domain's state and resources
 *
 * A #GVirDomainInfo holds what gvir_domain_get_info() reports: the run
 * state, memory figures in KiB, the vCPU count and the CPU time used.
 *
 * |[<!-- language="C" -->
 * g_autoptr(GVirDomainInfo) info = gvir_domain_get_info (dom, &error);
 *
 * if (info != NULL)
 *   g_print ("%u vCPUs, %" G_GUINT64_FORMAT " KiB\n", info->nr_virt_cpu, info->memory);
 * ]|
 */

G_DEFINE_BOXED_TYPE (GVirDomainInfo, gvir_domain_info, gvir_domain_info_copy, gvir_domain_info_free)

/**
 * gvir_domain_info_copy:
 * @info: a #GVirDomainInfo
 *
 * Makes a copy of @info.
 *
 * Returns: (transfer full): a copy of @info, free with gvir_domain_info_free()
 */
GVirDomainInfo *
gvir_domain_info_copy (const GVirDomainInfo *info)
{
  g_return_val_if_fail (info != NULL, NULL);

  return g_memdup2 (info, sizeof (GVirDomainInfo));
}

/**
 * gvir_domain_info_free:
 * @info: (nullable): a #GVirDomainInfo
 *
 * Frees @info.
 */
void
gvir_domain_info_free (GVirDomainInfo *info)
{
  g_free (info);
}
