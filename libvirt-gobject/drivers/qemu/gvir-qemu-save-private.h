/*
 * gvir-qemu-save-private.h: save images, save/restore and managed save
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Internal to the QEMU driver. A save image is libvirt's layout: a fixed
 * header (magic "LibvirtQemudSave", or "LibvirtQemudPart" while it is
 * being written; version 2; the length of the data that follows; whether
 * the guest ran; format 0 = raw; a cookie offset; unused words), then the
 * domain's live XML padded with NULs, then QEMU's migration stream. The
 * image alone is enough to restore the domain.
 */
#pragma once

#include "gvir-qemu-state-private.h"

G_BEGIN_DECLS

#define GVIR_QEMU_SAVE_MAGIC "LibvirtQemudSave"
#define GVIR_QEMU_SAVE_MAGIC_PARTIAL "LibvirtQemudPart"
#define GVIR_QEMU_SAVE_VERSION 2
/* magic[16], version, data_len, was_running, format, cookie offset, 14 unused */
#define GVIR_QEMU_SAVE_HEADER_SIZE (16 + 5 * 4 + 14 * 4)
/* The most XML (plus padding) a header may announce; a larger data_len is
 * refused before anything is allocated. */
#define GVIR_QEMU_SAVE_DATA_MAX (16 * 1024 * 1024)

/* libvirt's VIR_DOMAIN_SAVE_RUNNING / _PAUSED: the state after a restore
 * instead of the one the image records. */
#define GVIR_QEMU_SAVE_RUNNING (1 << 1)
#define GVIR_QEMU_SAVE_PAUSED (1 << 2)

/* libvirt's VIR_DOMAIN_PAUSED_SAVE: paused while the save runs. */
#define GVIR_QEMU_PAUSED_SAVE 3

/* A save image opened for reading: its header checked, @fd (close on
 * exec) positioned at the start of the migration stream. */
typedef struct
{
  char *path;
  char *xml;
  gboolean was_running;
  int fd;
} GVirQemuSaveImage;

/* Opens and checks the save image at @path. Refuses, naming @path and
 * what is wrong: anything but a regular file (a FIFO, a device), a short
 * or unknown header, an image whose save never finished, another version
 * or a compressed format (GVIR_ERROR_NOT_SUPPORTED), a data length over
 * GVIR_QEMU_SAVE_DATA_MAX or past the end of the file, XML that is empty
 * or not NUL-terminated, no migration stream. GVIR_ERROR_NOT_FOUND when
 * the file is missing, GVIR_ERROR_INVALID_ARGUMENT otherwise. */
GVirQemuSaveImage *gvir_qemu_save_image_open (const char *path, GError **error);
void gvir_qemu_save_image_free (GVirQemuSaveImage *image);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GVirQemuSaveImage, gvir_qemu_save_image_free)

/* The header and XML of a save image, with the partial magic, as bytes
 * (the length in @len). */
guint8 *gvir_qemu_save_header_new (const char *xml, gboolean was_running, gsize *len);

/* ---- the driver's calls ------------------------------------------------------ */

/* Saves running domain @uuid to @path (a new file replaces @path only once
 * complete) and stops it; @custom_xml (may be NULL) replaces the XML kept
 * in the image and must keep the name and UUID. */
gboolean gvir_qemu_save_domain (GVirQemuState *state, const char *uuid, const char *path,
                                const char *custom_xml, guint flags, GCancellable *cancellable,
                                GError **error);
/* The same into the domain's managed-save image (persistent domains only). */
gboolean gvir_qemu_managed_save_domain (GVirQemuState *state, const char *uuid, guint flags,
                                        GCancellable *cancellable, GError **error);
/* Runs the domain saved at @path (transient unless a persistent domain of
 * the same name and UUID exists, which must be shut off). */
GVirDriverDomain *gvir_qemu_restore_domain (GVirQemuState *state, const char *path,
                                            const char *custom_xml, guint flags,
                                            GCancellable *cancellable, GError **error);
/* The domain XML in the save image at @path, checked as a restore checks
 * it (the errors of gvir_qemu_save_image_open, INVALID_ARGUMENT for XML
 * that is not a domain). Our images keep no secrets apart, so the
 * XML is the same with or without libvirt's SECURE flag. */
char *gvir_qemu_save_image_get_xml (const char *path, GError **error);
/* Replaces the XML in the save image at @path by @xml (same name and UUID),
 * in place: refused when it does not fit the room the save left. Flags
 * GVIR_QEMU_SAVE_RUNNING / _PAUSED set the state a restore ends in. */
gboolean gvir_qemu_save_image_define_xml (const char *path, const char *xml, guint flags,
                                          GError **error);

/* Whether domain @name has a managed-save image. */
gboolean gvir_qemu_has_managed_save (GVirQemuState *state, const char *name);
/* Starts inactive @dom (job held) from its managed-save image, which goes
 * once QEMU runs. An image that cannot be read is moved aside to
 * NAME.save.corrupt with a warning, and the start fails. */
gboolean gvir_qemu_start_managed_save (GVirQemuState *state, GVirQemuDomain *dom, guint flags,
                                       GCancellable *cancellable, GError **error);
/* Before undefining @name: refuses (OPERATION_INVALID) when it has a
 * managed-save image and @flags lack GVIR_DRIVER_UNDEFINE_MANAGED_SAVE,
 * else removes the image. */
gboolean gvir_qemu_save_check_undefine (GVirQemuState *state, const char *name, guint flags,
                                        GError **error);

G_END_DECLS
