/*
 * libvirt-gconfig-domain-video.h: a video card
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
#include <libvirt-gconfig/libvirt-gconfig-domain-device.h>

G_BEGIN_DECLS

/**
 * GVirConfigDomainVideoModel:
 * @GVIR_CONFIG_DOMAIN_VIDEO_MODEL_VGA: standard VGA
 * @GVIR_CONFIG_DOMAIN_VIDEO_MODEL_CIRRUS: Cirrus Logic
 * @GVIR_CONFIG_DOMAIN_VIDEO_MODEL_VMVGA: VMware SVGA
 * @GVIR_CONFIG_DOMAIN_VIDEO_MODEL_XEN: Xen framebuffer
 * @GVIR_CONFIG_DOMAIN_VIDEO_MODEL_VBOX: VirtualBox
 * @GVIR_CONFIG_DOMAIN_VIDEO_MODEL_QXL: QXL (SPICE)
 * @GVIR_CONFIG_DOMAIN_VIDEO_MODEL_VIRTIO: virtio GPU
 * @GVIR_CONFIG_DOMAIN_VIDEO_MODEL_BOCHS: Bochs display
 *
 * Video card models, the type attribute of `<model>`.
 */
typedef enum
{
  GVIR_CONFIG_DOMAIN_VIDEO_MODEL_VGA,
  GVIR_CONFIG_DOMAIN_VIDEO_MODEL_CIRRUS,
  GVIR_CONFIG_DOMAIN_VIDEO_MODEL_VMVGA,
  GVIR_CONFIG_DOMAIN_VIDEO_MODEL_XEN,
  GVIR_CONFIG_DOMAIN_VIDEO_MODEL_VBOX,
  GVIR_CONFIG_DOMAIN_VIDEO_MODEL_QXL,
  GVIR_CONFIG_DOMAIN_VIDEO_MODEL_VIRTIO,
  GVIR_CONFIG_DOMAIN_VIDEO_MODEL_BOCHS,
} GVirConfigDomainVideoModel;

/**
 * GVIR_CONFIG_TYPE_DOMAIN_VIDEO:
 *
 * The #GType of #GVirConfigDomainVideo.
 */
#define GVIR_CONFIG_TYPE_DOMAIN_VIDEO (gvir_config_domain_video_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigDomainVideo, gvir_config_domain_video,
                      GVIR_CONFIG, DOMAIN_VIDEO, GVirConfigDomainDevice)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainVideo *gvir_config_domain_video_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainVideo *gvir_config_domain_video_new_from_xml (const gchar *xml,
                                                              GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainVideoModel gvir_config_domain_video_get_model (GVirConfigDomainVideo *video);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_video_set_model (GVirConfigDomainVideo *video,
                                         GVirConfigDomainVideoModel model);
GVIR_CONFIG_AVAILABLE_IN_ALL
guint gvir_config_domain_video_get_vram (GVirConfigDomainVideo *video);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_video_set_vram (GVirConfigDomainVideo *video,
                                        guint kbytes);
GVIR_CONFIG_AVAILABLE_IN_ALL
guint gvir_config_domain_video_get_ram (GVirConfigDomainVideo *video);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_video_set_ram (GVirConfigDomainVideo *video,
                                       guint kbytes);
GVIR_CONFIG_AVAILABLE_IN_ALL
guint gvir_config_domain_video_get_vgamem (GVirConfigDomainVideo *video);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_video_set_vgamem (GVirConfigDomainVideo *video,
                                          guint kbytes);
GVIR_CONFIG_AVAILABLE_IN_ALL
guint gvir_config_domain_video_get_heads (GVirConfigDomainVideo *video);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_video_set_heads (GVirConfigDomainVideo *video,
                                         guint head_count);
GVIR_CONFIG_AVAILABLE_IN_ALL
gboolean gvir_config_domain_video_get_accel3d (GVirConfigDomainVideo *video);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_video_set_accel3d (GVirConfigDomainVideo *video,
                                           gboolean accel3d);

G_END_DECLS
