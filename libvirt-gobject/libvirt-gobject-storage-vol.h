/*
 * libvirt-gobject-storage-vol.h: a volume of a storage pool
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

#include <gio/gio.h>
#include <libvirt-gconfig/libvirt-gconfig.h>
#include <libvirt-gobject/libvirt-gobject-visibility.h>
#include <libvirt-gobject/libvirt-gobject-stream.h>

G_BEGIN_DECLS

/**
 * GVirStorageVolType:
 * @GVIR_STORAGE_VOL_STATE_FILE: a regular file
 * @GVIR_STORAGE_VOL_STATE_BLOCK: a block device
 * @GVIR_STORAGE_VOL_STATE_DIR: a directory passed through
 *
 * The kind of a storage volume. The values are libvirt's
 * (virStorageVolType); the names are libvirt-glib's.
 */
typedef enum
{
  GVIR_STORAGE_VOL_STATE_FILE = 0,
  GVIR_STORAGE_VOL_STATE_BLOCK = 1,
  GVIR_STORAGE_VOL_STATE_DIR = 2,
} GVirStorageVolType;

/**
 * GVirStorageVolResizeFlags:
 * @GVIR_STORAGE_VOL_RESIZE_NONE: set the capacity, allocating nothing
 * @GVIR_STORAGE_VOL_RESIZE_ALLOCATE: allocate the new capacity too
 * @GVIR_STORAGE_VOL_RESIZE_DELTA: the size is added to the current capacity
 *   (or taken from it, with %GVIR_STORAGE_VOL_RESIZE_SHRINK)
 * @GVIR_STORAGE_VOL_RESIZE_SHRINK: allow the capacity to become smaller
 *
 * Flags for gvir_storage_vol_resize(). The values are libvirt's
 * (virStorageVolResizeFlags).
 */
typedef enum /*< flags >*/
{
  GVIR_STORAGE_VOL_RESIZE_NONE = 0,
  GVIR_STORAGE_VOL_RESIZE_ALLOCATE = 1 << 0,
  GVIR_STORAGE_VOL_RESIZE_DELTA = 1 << 1,
  GVIR_STORAGE_VOL_RESIZE_SHRINK = 1 << 2,
} GVirStorageVolResizeFlags;

/**
 * GVIR_TYPE_STORAGE_VOL_INFO:
 *
 * The #GType of the boxed #GVirStorageVolInfo.
 */
#define GVIR_TYPE_STORAGE_VOL_INFO (gvir_storage_vol_info_get_type ())

/**
 * GVirStorageVolInfo:
 * @type: the kind of volume
 * @capacity: the logical size of the volume, in bytes
 * @allocation: the bytes it takes in its pool
 *
 * A snapshot of a volume's kind and sizes, as returned by
 * gvir_storage_vol_get_info().
 */
typedef struct _GVirStorageVolInfo GVirStorageVolInfo;
struct _GVirStorageVolInfo
{
  GVirStorageVolType type;
  guint64 capacity;
  guint64 allocation;
};

GVIR_AVAILABLE_IN_ALL
GType gvir_storage_vol_info_get_type (void);
GVIR_AVAILABLE_IN_ALL
GVirStorageVolInfo *gvir_storage_vol_info_copy (const GVirStorageVolInfo *info);
GVIR_AVAILABLE_IN_ALL
void gvir_storage_vol_info_free (GVirStorageVolInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GVirStorageVolInfo, gvir_storage_vol_info_free)

/**
 * GVIR_TYPE_STORAGE_VOL:
 *
 * The #GType of #GVirStorageVol.
 */
#define GVIR_TYPE_STORAGE_VOL (gvir_storage_vol_get_type ())

/**
 * GVirStorageVol:
 *
 * A volume of a #GVirStoragePool. All its fields are private.
 */
GVIR_AVAILABLE_IN_ALL
G_DECLARE_DERIVABLE_TYPE (GVirStorageVol, gvir_storage_vol, GVIR, STORAGE_VOL, GObject)

/**
 * GVirStorageVolClass:
 * @parent_class: the parent class
 *
 * The class of #GVirStorageVol. The type is final: the structure is
 * public only so that code written for libvirt-glib keeps compiling.
 */
struct _GVirStorageVolClass
{
  GObjectClass parent_class;

  /*< private >*/
  gpointer padding[20];
};

GVIR_AVAILABLE_IN_ALL
const gchar *gvir_storage_vol_get_name (GVirStorageVol *vol);
GVIR_AVAILABLE_IN_ALL
const gchar *gvir_storage_vol_get_path (GVirStorageVol *vol, GError **error);
GVIR_AVAILABLE_IN_ALL
GVirConfigStorageVol *gvir_storage_vol_get_config (GVirStorageVol *vol, guint flags,
                                                   GError **err);
GVIR_AVAILABLE_IN_ALL
GVirStorageVolInfo *gvir_storage_vol_get_info (GVirStorageVol *vol, GError **err);
GVIR_AVAILABLE_IN_ALL
gboolean gvir_storage_vol_delete (GVirStorageVol *vol, guint flags, GError **err);
GVIR_AVAILABLE_IN_ALL
gboolean gvir_storage_vol_resize (GVirStorageVol *vol, guint64 capacity, guint flags,
                                  GError **err);
GVIR_AVAILABLE_IN_ALL
gboolean gvir_storage_vol_download (GVirStorageVol *vol, GVirStream *stream, guint64 offset,
                                    guint64 length, guint flags, GError **err);
GVIR_AVAILABLE_IN_ALL
gboolean gvir_storage_vol_upload (GVirStorageVol *vol, GVirStream *stream, guint64 offset,
                                  guint64 length, guint flags, GError **err);

G_END_DECLS
