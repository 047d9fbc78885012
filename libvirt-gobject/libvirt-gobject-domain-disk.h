/*
 * libvirt-gobject-domain-disk.h: a disk of a domain
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#pragma once

#if !defined(__LIBVIRT_GOBJECT_H__) && !defined(LIBVIRT_GOBJECT_BUILD)
#error "Only <libvirt-gobject/libvirt-gobject.h> can be included directly."
#endif

#include <libvirt-gobject/libvirt-gobject-domain-device.h>

G_BEGIN_DECLS

/**
 * GVirDomainDiskStats:
 * @rd_req: read requests
 * @rd_bytes: bytes read
 * @wr_req: write requests
 * @wr_bytes: bytes written
 * @errs: errors
 *
 * Input/output counters of a disk since its domain started.
 */
typedef struct _GVirDomainDiskStats GVirDomainDiskStats;
struct _GVirDomainDiskStats
{
  gint64 rd_req;
  gint64 rd_bytes;
  gint64 wr_req;
  gint64 wr_bytes;
  gint64 errs;
};

/**
 * GVIR_TYPE_DOMAIN_DISK_STATS:
 *
 * The #GType of the boxed #GVirDomainDiskStats.
 */
#define GVIR_TYPE_DOMAIN_DISK_STATS (gvir_domain_disk_stats_get_type ())
GVIR_AVAILABLE_IN_ALL
GType gvir_domain_disk_stats_get_type (void);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GVirDomainDiskStats, g_free)

/**
 * GVIR_TYPE_DOMAIN_DISK:
 *
 * The #GType of #GVirDomainDisk.
 */
#define GVIR_TYPE_DOMAIN_DISK (gvir_domain_disk_get_type ())

/**
 * GVirDomainDisk:
 *
 * A disk of a #GVirDomain.
 */
GVIR_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirDomainDisk, gvir_domain_disk, GVIR, DOMAIN_DISK, GVirDomainDevice)

GVIR_AVAILABLE_IN_ALL
GVirDomainDiskStats *gvir_domain_disk_get_stats (GVirDomainDisk *self, GError **err);
GVIR_AVAILABLE_IN_ALL
gboolean gvir_domain_disk_resize (GVirDomainDisk *self, guint64 size, guint flags, GError **err);

G_END_DECLS
