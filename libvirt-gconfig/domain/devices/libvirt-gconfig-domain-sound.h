/*
 * libvirt-gconfig-domain-sound.h: a sound card
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
 * GVirConfigDomainSoundModel:
 * @GVIR_CONFIG_DOMAIN_SOUND_MODEL_SB16: Sound Blaster 16
 * @GVIR_CONFIG_DOMAIN_SOUND_MODEL_ES1370: Ensoniq ES1370
 * @GVIR_CONFIG_DOMAIN_SOUND_MODEL_PCSPK: PC speaker
 * @GVIR_CONFIG_DOMAIN_SOUND_MODEL_AC97: Intel AC97
 * @GVIR_CONFIG_DOMAIN_SOUND_MODEL_ICH6: Intel HD Audio (ICH6)
 * @GVIR_CONFIG_DOMAIN_SOUND_MODEL_ICH9: Intel HD Audio (ICH9)
 *
 * Sound card models, the model attribute.
 */
typedef enum
{
  GVIR_CONFIG_DOMAIN_SOUND_MODEL_SB16,
  GVIR_CONFIG_DOMAIN_SOUND_MODEL_ES1370,
  GVIR_CONFIG_DOMAIN_SOUND_MODEL_PCSPK,
  GVIR_CONFIG_DOMAIN_SOUND_MODEL_AC97,
  GVIR_CONFIG_DOMAIN_SOUND_MODEL_ICH6,
  GVIR_CONFIG_DOMAIN_SOUND_MODEL_ICH9,
} GVirConfigDomainSoundModel;

/**
 * GVIR_CONFIG_TYPE_DOMAIN_SOUND:
 *
 * The #GType of #GVirConfigDomainSound.
 */
#define GVIR_CONFIG_TYPE_DOMAIN_SOUND (gvir_config_domain_sound_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigDomainSound, gvir_config_domain_sound,
                      GVIR_CONFIG, DOMAIN_SOUND, GVirConfigDomainDevice)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainSound *gvir_config_domain_sound_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainSound *gvir_config_domain_sound_new_from_xml (const gchar *xml,
                                                              GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainSoundModel gvir_config_domain_sound_get_model (GVirConfigDomainSound *sound);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_sound_set_model (GVirConfigDomainSound *sound,
                                         GVirConfigDomainSoundModel model);

G_END_DECLS
