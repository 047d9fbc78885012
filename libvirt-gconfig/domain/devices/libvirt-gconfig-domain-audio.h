/*
 * libvirt-gconfig-domain-audio.h: an audio backend
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
 * GVirConfigDomainAudioBackend:
 * @GVIR_CONFIG_DOMAIN_AUDIO_BACKEND_NONE: no audio
 * @GVIR_CONFIG_DOMAIN_AUDIO_BACKEND_ALSA: ALSA
 * @GVIR_CONFIG_DOMAIN_AUDIO_BACKEND_COREAUDIO: Core Audio
 * @GVIR_CONFIG_DOMAIN_AUDIO_BACKEND_JACK: JACK
 * @GVIR_CONFIG_DOMAIN_AUDIO_BACKEND_OSS: OSS
 * @GVIR_CONFIG_DOMAIN_AUDIO_BACKEND_PULSEAUDIO: PulseAudio
 * @GVIR_CONFIG_DOMAIN_AUDIO_BACKEND_SDL: SDL
 * @GVIR_CONFIG_DOMAIN_AUDIO_BACKEND_SPICE: the SPICE client
 * @GVIR_CONFIG_DOMAIN_AUDIO_BACKEND_FILE: a WAV file
 *
 * Host audio backends, the type attribute.
 */
typedef enum
{
  GVIR_CONFIG_DOMAIN_AUDIO_BACKEND_NONE,
  GVIR_CONFIG_DOMAIN_AUDIO_BACKEND_ALSA,
  GVIR_CONFIG_DOMAIN_AUDIO_BACKEND_COREAUDIO,
  GVIR_CONFIG_DOMAIN_AUDIO_BACKEND_JACK,
  GVIR_CONFIG_DOMAIN_AUDIO_BACKEND_OSS,
  GVIR_CONFIG_DOMAIN_AUDIO_BACKEND_PULSEAUDIO,
  GVIR_CONFIG_DOMAIN_AUDIO_BACKEND_SDL,
  GVIR_CONFIG_DOMAIN_AUDIO_BACKEND_SPICE,
  GVIR_CONFIG_DOMAIN_AUDIO_BACKEND_FILE,
} GVirConfigDomainAudioBackend;

/**
 * GVIR_CONFIG_TYPE_DOMAIN_AUDIO:
 *
 * The #GType of #GVirConfigDomainAudio.
 */
#define GVIR_CONFIG_TYPE_DOMAIN_AUDIO (gvir_config_domain_audio_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigDomainAudio, gvir_config_domain_audio,
                      GVIR_CONFIG, DOMAIN_AUDIO, GVirConfigDomainDevice)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainAudio *gvir_config_domain_audio_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainAudio *gvir_config_domain_audio_new_from_xml (const gchar *xml,
                                                              GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
guint gvir_config_domain_audio_get_id (GVirConfigDomainAudio *audio);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_audio_set_id (GVirConfigDomainAudio *audio,
                                      guint id);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainAudioBackend gvir_config_domain_audio_get_backend (GVirConfigDomainAudio *audio);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_audio_set_backend (GVirConfigDomainAudio *audio,
                                           GVirConfigDomainAudioBackend backend);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_domain_audio_get_server_name (GVirConfigDomainAudio *audio);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_audio_set_server_name (GVirConfigDomainAudio *audio,
                                               const gchar *server_name);

G_END_DECLS
