/*
 * libvirt-gconfig-domain-video.c: a video card
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include "libvirt-gconfig/libvirt-gconfig.h"
#include "libvirt-gconfig/libvirt-gconfig-object-private.h"

/**
 * SECTION:libvirt-gconfig-domain-video
 * @title: GVirConfigDomainVideo
 * @short_description: A video card
 *
 * A `<video>` device: the emulated video card, its memory sizes in KiB and its heads.
 */

/**
 * GVirConfigDomainVideo:
 *
 * A video card.
 */
struct _GVirConfigDomainVideo
{
  GVirConfigDomainDevice parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigDomainVideo, gvir_config_domain_video, GVIR_CONFIG_TYPE_DOMAIN_DEVICE)

static void
gvir_config_domain_video_class_init (GVirConfigDomainVideoClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "video", NULL);
}

static void
gvir_config_domain_video_init (GVirConfigDomainVideo *self)
{
}

/**
 * gvir_config_domain_video_new:
 *
 * Creates a #GVirConfigDomainVideo holding an empty `<video>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigDomainVideo *
gvir_config_domain_video_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_DOMAIN_VIDEO, NULL);
}

/**
 * gvir_config_domain_video_new_from_xml:
 * @xml: an XML document whose root element is `<video>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigDomainVideo. Malformed XML or another root element gives a
 * #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigDomainVideo *
gvir_config_domain_video_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigDomainVideo *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN_VIDEO, "video", NULL, xml, error);
}

/**
 * gvir_config_domain_video_get_model:
 * @video: a #GVirConfigDomainVideo
 *
 * Gets the video card model (the `type` attribute of `<model>`).
 *
 * Returns: the value; %GVIR_CONFIG_DOMAIN_VIDEO_MODEL_VGA if unset or unknown
 */
GVirConfigDomainVideoModel
gvir_config_domain_video_get_model (GVirConfigDomainVideo *video)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_VIDEO (video), GVIR_CONFIG_DOMAIN_VIDEO_MODEL_VGA);

  return gvir_config_object_get_attribute_genum (GVIR_CONFIG_OBJECT (video), "model", "type",
                                                 GVIR_CONFIG_TYPE_DOMAIN_VIDEO_MODEL, GVIR_CONFIG_DOMAIN_VIDEO_MODEL_VGA);
}

/**
 * gvir_config_domain_video_set_model:
 * @video: a #GVirConfigDomainVideo
 * @model: the video card model
 *
 * Sets the video card model (the `type` attribute of `<model>`).
 */
void
gvir_config_domain_video_set_model (GVirConfigDomainVideo *video, GVirConfigDomainVideoModel model)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_VIDEO (video));
  g_return_if_fail (gvir_config_genum_get_nick (GVIR_CONFIG_TYPE_DOMAIN_VIDEO_MODEL, model) != NULL);

  gvir_config_object_set_attribute_genum (GVIR_CONFIG_OBJECT (video), "model", "type",
                                          GVIR_CONFIG_TYPE_DOMAIN_VIDEO_MODEL, model);
}

/**
 * gvir_config_domain_video_get_vram:
 * @video: a #GVirConfigDomainVideo
 *
 * Gets the video memory in KiB (the `vram` attribute of `<model>`).
 *
 * Returns: the value, or 0 if unset or invalid
 */
guint
gvir_config_domain_video_get_vram (GVirConfigDomainVideo *video)
{
  guint64 value;

  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_VIDEO (video), 0);

  value = gvir_config_object_get_attribute_uint64 (GVIR_CONFIG_OBJECT (video), "model", "vram", G_MAXUINT64);
  if (value > G_MAXUINT)
    return 0;
  return value;
}

/**
 * gvir_config_domain_video_set_vram:
 * @video: a #GVirConfigDomainVideo
 * @kbytes: the new value
 *
 * Sets the video memory in KiB (the `vram` attribute of `<model>`).
 */
void
gvir_config_domain_video_set_vram (GVirConfigDomainVideo *video, guint kbytes)
{
  char buf[32];

  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_VIDEO (video));

  g_snprintf (buf, sizeof buf, "%u", (guint) kbytes);
  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (video), "model", "vram", buf);
}

/**
 * gvir_config_domain_video_get_ram:
 * @video: a #GVirConfigDomainVideo
 *
 * Gets the QXL primary bar memory in KiB (the `ram` attribute of `<model>`).
 *
 * Returns: the value, or 0 if unset or invalid
 */
guint
gvir_config_domain_video_get_ram (GVirConfigDomainVideo *video)
{
  guint64 value;

  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_VIDEO (video), 0);

  value = gvir_config_object_get_attribute_uint64 (GVIR_CONFIG_OBJECT (video), "model", "ram", G_MAXUINT64);
  if (value > G_MAXUINT)
    return 0;
  return value;
}

/**
 * gvir_config_domain_video_set_ram:
 * @video: a #GVirConfigDomainVideo
 * @kbytes: the new value
 *
 * Sets the QXL primary bar memory in KiB (the `ram` attribute of `<model>`).
 */
void
gvir_config_domain_video_set_ram (GVirConfigDomainVideo *video, guint kbytes)
{
  char buf[32];

  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_VIDEO (video));

  g_snprintf (buf, sizeof buf, "%u", (guint) kbytes);
  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (video), "model", "ram", buf);
}

/**
 * gvir_config_domain_video_get_vgamem:
 * @video: a #GVirConfigDomainVideo
 *
 * Gets the QXL VGA memory in KiB (the `vgamem` attribute of `<model>`).
 *
 * Returns: the value, or 0 if unset or invalid
 */
guint
gvir_config_domain_video_get_vgamem (GVirConfigDomainVideo *video)
{
  guint64 value;

  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_VIDEO (video), 0);

  value = gvir_config_object_get_attribute_uint64 (GVIR_CONFIG_OBJECT (video), "model", "vgamem", G_MAXUINT64);
  if (value > G_MAXUINT)
    return 0;
  return value;
}

/**
 * gvir_config_domain_video_set_vgamem:
 * @video: a #GVirConfigDomainVideo
 * @kbytes: the new value
 *
 * Sets the QXL VGA memory in KiB (the `vgamem` attribute of `<model>`).
 */
void
gvir_config_domain_video_set_vgamem (GVirConfigDomainVideo *video, guint kbytes)
{
  char buf[32];

  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_VIDEO (video));

  g_snprintf (buf, sizeof buf, "%u", (guint) kbytes);
  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (video), "model", "vgamem", buf);
}

/**
 * gvir_config_domain_video_get_heads:
 * @video: a #GVirConfigDomainVideo
 *
 * Gets the number of screens (the `heads` attribute of `<model>`).
 *
 * Returns: the value, or 0 if unset or invalid
 */
guint
gvir_config_domain_video_get_heads (GVirConfigDomainVideo *video)
{
  guint64 value;

  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_VIDEO (video), 0);

  value = gvir_config_object_get_attribute_uint64 (GVIR_CONFIG_OBJECT (video), "model", "heads", G_MAXUINT64);
  if (value > G_MAXUINT)
    return 0;
  return value;
}

/**
 * gvir_config_domain_video_set_heads:
 * @video: a #GVirConfigDomainVideo
 * @head_count: the new value
 *
 * Sets the number of screens (the `heads` attribute of `<model>`).
 */
void
gvir_config_domain_video_set_heads (GVirConfigDomainVideo *video, guint head_count)
{
  char buf[32];

  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_VIDEO (video));

  g_snprintf (buf, sizeof buf, "%u", (guint) head_count);
  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (video), "model", "heads", buf);
}

/**
 * gvir_config_domain_video_get_accel3d:
 * @video: a #GVirConfigDomainVideo
 *
 * Gets whether 3D acceleration is enabled (`<model><acceleration accel3d>`).
 *
 * Returns: %TRUE if it is
 */
gboolean
gvir_config_domain_video_get_accel3d (GVirConfigDomainVideo *video)
{
  xmlNodePtr model, accel;

  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_VIDEO (video), FALSE);

  model = gvir_config_xml_get_element (gvir_config_object_get_xml_node (GVIR_CONFIG_OBJECT (video)), "model");
  accel = model ? gvir_config_xml_get_element (model, "acceleration") : NULL;
  return g_strcmp0 (gvir_config_xml_node_get_attribute (accel, "accel3d"), "yes") == 0;
}

/**
 * gvir_config_domain_video_set_accel3d:
 * @video: a #GVirConfigDomainVideo
 * @accel3d: whether 3D acceleration is enabled
 *
 * Enables or disables 3D acceleration, written as "yes" or "no".
 */
void
gvir_config_domain_video_set_accel3d (GVirConfigDomainVideo *video, gboolean accel3d)
{
  xmlNodePtr model, accel;

  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_VIDEO (video));

  model = gvir_config_object_ensure_child (GVIR_CONFIG_OBJECT (video), "model");
  accel = gvir_config_xml_get_element (model, "acceleration");
  if (accel == NULL)
    accel = xmlNewChild (model, NULL, (const xmlChar *) "acceleration", NULL);
  gvir_config_xml_node_set_attribute (accel, "accel3d", accel3d ? "yes" : "no");
}
