/*
 * libvirt-gobject-domain-disk.c: a disk of a domain
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include "libvirt-gobject/libvirt-gobject-domain-disk.h"
#include "libvirt-gobject/libvirt-gobject-domain-device-private.h"
#include "libvirt-gobject/libvirt-gobject-domain-call-private.h"

/**
 * SECTION:libvirt-gobject-domain-disk
 * @title: GVirDomainDisk
 * @short_description: A disk of a domain
 *
 * #GVirDomainDisk is the #GVirDomainDevice of a `<disk>`: it reads the
 * disk's input/output counters and resizes it, both while the domain runs.
 * The driver finds the disk by its target (`vda`), or by its source when
 * it has no target.
 *
 * |[<!-- language="C" -->
 * g_autoptr(GVirDomainDiskStats) stats = gvir_domain_disk_get_stats (disk, &error);
 * if (stats != NULL)
 *   g_print ("%" G_GINT64_FORMAT " bytes read\n", stats->rd_bytes);
 * ]|
 */

struct _GVirDomainDisk
{
  GVirDomainDevice parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirDomainDisk, gvir_domain_disk, GVIR_TYPE_DOMAIN_DEVICE)

static GVirDomainDiskStats *
disk_stats_copy (const GVirDomainDiskStats *stats)
{
  return g_memdup2 (stats, sizeof *stats);
}

G_DEFINE_BOXED_TYPE (GVirDomainDiskStats, gvir_domain_disk_stats, disk_stats_copy, g_free)

static void
gvir_domain_disk_class_init (GVirDomainDiskClass *klass)
{
}

static void
gvir_domain_disk_init (GVirDomainDisk *self)
{
}

/* The name by which the driver finds the disk, or NULL with an error. */
static const char *
disk_name (GVirDomainDisk  *self,
           GError         **error)
{
  GVirConfigDomainDisk *config =
    GVIR_CONFIG_DOMAIN_DISK (_gvir_domain_device_peek_config (GVIR_DOMAIN_DEVICE (self)));
  const char *name = gvir_config_domain_disk_get_target_dev (config);

  if (name == NULL)
    name = gvir_config_domain_disk_get_source (config);
  if (name == NULL)
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                 "the disk has neither a target nor a source to name it by");
  return name;
}

typedef struct
{
  char *name;
  guint64 size;
  guint flags;
} DiskArgs;

static void
disk_args_free (gpointer data)
{
  DiskArgs *args = data;

  g_free (args->name);
  g_free (args);
}

static DomainCall *
disk_call_new (DomainCallFunc  func,
               const char     *name,
               guint64         size,
               guint           flags)
{
  DiskArgs *args = g_new0 (DiskArgs, 1);

  args->name = g_strdup (name);
  args->size = size;
  args->flags = flags;
  return domain_call_new (func, FALSE, args, disk_args_free);
}

static gboolean
op_block_stats (GVirDomain *dom, GVirDriverConnection *drv, DomainCall *call,
                GCancellable *cancellable, GError **error)
{
  DiskArgs *args = call->args;
  GVirDriverBlockStats raw;
  GVirDomainDiskStats *stats;

  if (!gvir_driver_connection_get_block_stats (drv, domain_uuid (dom), args->name, &raw,
                                               cancellable, error))
    return FALSE;
  stats = g_new0 (GVirDomainDiskStats, 1);
  stats->rd_req = raw.rd_req;
  stats->rd_bytes = raw.rd_bytes;
  stats->wr_req = raw.wr_req;
  stats->wr_bytes = raw.wr_bytes;
  stats->errs = raw.errs;
  call->result = stats;
  call->result_free = g_free;
  return TRUE;
}

/**
 * gvir_domain_disk_get_stats:
 * @self: the disk
 * @err: return location for a #GError, or %NULL
 *
 * Reads the input/output counters of the disk of a running domain.
 *
 * Returns: (transfer full): the counters, or %NULL with @err set (the
 *   domain is not running, the disk is gone, the driver cannot tell)
 */
GVirDomainDiskStats *
gvir_domain_disk_get_stats (GVirDomainDisk  *self,
                            GError         **err)
{
  g_autoptr(DomainCall) call = NULL;
  const char *name;

  g_return_val_if_fail (GVIR_IS_DOMAIN_DISK (self), NULL);
  g_return_val_if_fail (err == NULL || *err == NULL, NULL);

  name = disk_name (self, err);
  if (name == NULL)
    return NULL;
  call = disk_call_new (op_block_stats, name, 0, 0);
  if (!domain_call_sync (_gvir_domain_device_peek_domain (GVIR_DOMAIN_DEVICE (self)), call, err))
    return NULL;
  return g_steal_pointer (&call->result);
}

static gboolean
op_block_resize (GVirDomain *dom, GVirDriverConnection *drv, DomainCall *call,
                 GCancellable *cancellable, GError **error)
{
  DiskArgs *args = call->args;

  return gvir_driver_connection_resize_block (drv, domain_uuid (dom), args->name, args->size,
                                              args->flags, cancellable, error);
}

/**
 * gvir_domain_disk_resize:
 * @self: the disk
 * @size: the new size, in KiB (in bytes with libvirt's
 *   `VIR_DOMAIN_BLOCK_RESIZE_BYTES`, 1, in @flags)
 * @flags: 0, or 1 for a size in bytes
 * @err: return location for a #GError, or %NULL
 *
 * Resizes the disk of a running domain (libvirt's `virDomainBlockResize`).
 *
 * Returns: %TRUE on success, else %FALSE with @err set
 */
gboolean
gvir_domain_disk_resize (GVirDomainDisk  *self,
                         guint64          size,
                         guint            flags,
                         GError         **err)
{
  g_autoptr(DomainCall) call = NULL;
  const char *name;

  g_return_val_if_fail (GVIR_IS_DOMAIN_DISK (self), FALSE);
  g_return_val_if_fail (err == NULL || *err == NULL, FALSE);

  name = disk_name (self, err);
  if (name == NULL)
    return FALSE;
  call = disk_call_new (op_block_resize, name, size, flags);
  return domain_call_sync (_gvir_domain_device_peek_domain (GVIR_DOMAIN_DEVICE (self)), call,
                           err);
}
