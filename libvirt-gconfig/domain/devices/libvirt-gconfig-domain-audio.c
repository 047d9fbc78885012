/*
 * libvirt-gconfig-domain-audio.c: an audio backend
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
 * SECTION:libvirt-gconfig-domain-audio
 * @title: GVirConfigDomainAudio
 * @short_description: An audio backend
 *
 * An `<audio>` element: where the host plays and records the guest's sound.
 */

/**
 * GVirConfigDomainAudio:
 *
 * An audio backend.
 */
struct _GVirConfigDomainAudio
{
  GVirConfigDomainDevice parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigDomainAudio, gvir_config_domain_audio, GVIR_CONFIG_TYPE_DOMAIN_DEVICE)

static void
gvir_config_domain_audio_class_init (GVirConfigDomainAudioClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "audio", NULL);
}

static void
gvir_config_domain_audio_init (GVirConfigDomainAudio *self)
{
}

/**
 * gvir_config_domain_audio_new:
 *
 * Creates a #GVirConfigDomainAudio holding an empty `<audio>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigDomainAudio *
gvir_config_domain_audio_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_DOMAIN_AUDIO, NULL);
}

/**
 * gvir_config_domain_audio_new_from_xml:
 * @xml: an XML document whose root element is `<audio>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigDomainAudio. Malformed XML or another root element gives a
 * #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigDomainAudio *
gvir_config_domain_audio_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigDomainAudio *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN_AUDIO, "audio", NULL, xml, error);
}

/**
 * gvir_config_domain_audio_get_id:
 * @audio: a #GVirConfigDomainAudio
 *
 * Gets the id sound devices refer to (the `id` attribute).
 *
 * Returns: the value, or 0 if unset or invalid
 */
guint
gvir_config_domain_audio_get_id (GVirConfigDomainAudio *audio)
{
  guint64 value;

  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_AUDIO (audio), 0);

  value = gvir_config_object_get_attribute_uint64 (GVIR_CONFIG_OBJECT (audio), NULL, "id", G_MAXUINT64);
  if (value > G_MAXUINT)
    return 0;
  return value;
}

/**
 * gvir_config_domain_audio_set_id:
 * @audio: a #GVirConfigDomainAudio
 * @id: the new value
 *
 * Sets the id sound devices refer to (the `id` attribute).
 */
void
gvir_config_domain_audio_set_id (GVirConfigDomainAudio *audio, guint id)
{
  char buf[32];

  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_AUDIO (audio));

  g_snprintf (buf, sizeof buf, "%u", (guint) id);
  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (audio), NULL, "id", buf);
}

/**
 * gvir_config_domain_audio_get_backend:
 * @audio: a #GVirConfigDomainAudio
 *
 * Gets the audio backend (the `type` attribute).
 *
 * Returns: the value; %GVIR_CONFIG_DOMAIN_AUDIO_BACKEND_NONE if unset or unknown
 */
GVirConfigDomainAudioBackend
gvir_config_domain_audio_get_backend (GVirConfigDomainAudio *audio)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_AUDIO (audio), GVIR_CONFIG_DOMAIN_AUDIO_BACKEND_NONE);

  return gvir_config_object_get_attribute_genum (GVIR_CONFIG_OBJECT (audio), NULL, "type",
                                                 GVIR_CONFIG_TYPE_DOMAIN_AUDIO_BACKEND, GVIR_CONFIG_DOMAIN_AUDIO_BACKEND_NONE);
}

/**
 * gvir_config_domain_audio_set_backend:
 * @audio: a #GVirConfigDomainAudio
 * @backend: the audio backend
 *
 * Sets the audio backend (the `type` attribute).
 */
void
gvir_config_domain_audio_set_backend (GVirConfigDomainAudio *audio, GVirConfigDomainAudioBackend backend)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_AUDIO (audio));
  g_return_if_fail (gvir_config_genum_get_nick (GVIR_CONFIG_TYPE_DOMAIN_AUDIO_BACKEND, backend) != NULL);

  gvir_config_object_set_attribute_genum (GVIR_CONFIG_OBJECT (audio), NULL, "type",
                                          GVIR_CONFIG_TYPE_DOMAIN_AUDIO_BACKEND, backend);
}

/**
 * gvir_config_domain_audio_get_server_name:
 * @audio: a #GVirConfigDomainAudio
 *
 * Gets the audio server to connect to (the `serverName` attribute).
 *
 * Returns: (transfer none) (nullable): the value, or %NULL if unset
 */
const gchar *
gvir_config_domain_audio_get_server_name (GVirConfigDomainAudio *audio)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_AUDIO (audio), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (audio), NULL, "serverName");
}

/**
 * gvir_config_domain_audio_set_server_name:
 * @audio: a #GVirConfigDomainAudio
 * @server_name: (nullable): the audio server to connect to, or %NULL to remove it
 *
 * Sets the audio server to connect to (the `serverName` attribute).
 */
void
gvir_config_domain_audio_set_server_name (GVirConfigDomainAudio *audio, const gchar *server_name)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_AUDIO (audio));

  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (audio), NULL, "serverName", server_name);
}
