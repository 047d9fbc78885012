/*
 * libvirt-gconfig-domain-sound.c: a sound card
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
 * SECTION:libvirt-gconfig-domain-sound
 * @title: GVirConfigDomainSound
 * @short_description: A sound card
 *
 * A `<sound>` device: an emulated sound card.
 */

/**
 * GVirConfigDomainSound:
 *
 * A sound card.
 */
struct _GVirConfigDomainSound
{
  GVirConfigDomainDevice parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigDomainSound, gvir_config_domain_sound, GVIR_CONFIG_TYPE_DOMAIN_DEVICE)

static void
gvir_config_domain_sound_class_init (GVirConfigDomainSoundClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "sound", NULL);
}

static void
gvir_config_domain_sound_init (GVirConfigDomainSound *self)
{
}

/**
 * gvir_config_domain_sound_new:
 *
 * Creates a #GVirConfigDomainSound holding an empty `<sound>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigDomainSound *
gvir_config_domain_sound_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_DOMAIN_SOUND, NULL);
}

/**
 * gvir_config_domain_sound_new_from_xml:
 * @xml: an XML document whose root element is `<sound>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigDomainSound. Malformed XML or another root element gives a
 * #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigDomainSound *
gvir_config_domain_sound_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigDomainSound *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN_SOUND, "sound", NULL, xml, error);
}

/**
 * gvir_config_domain_sound_get_model:
 * @sound: a #GVirConfigDomainSound
 *
 * Gets the sound card model (the `model` attribute).
 *
 * Returns: the value; %GVIR_CONFIG_DOMAIN_SOUND_MODEL_ICH6 if unset or unknown
 */
GVirConfigDomainSoundModel
gvir_config_domain_sound_get_model (GVirConfigDomainSound *sound)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_SOUND (sound), GVIR_CONFIG_DOMAIN_SOUND_MODEL_ICH6);

  return gvir_config_object_get_attribute_genum (GVIR_CONFIG_OBJECT (sound), NULL, "model",
                                                 GVIR_CONFIG_TYPE_DOMAIN_SOUND_MODEL, GVIR_CONFIG_DOMAIN_SOUND_MODEL_ICH6);
}

/**
 * gvir_config_domain_sound_set_model:
 * @sound: a #GVirConfigDomainSound
 * @model: the sound card model
 *
 * Sets the sound card model (the `model` attribute).
 */
void
gvir_config_domain_sound_set_model (GVirConfigDomainSound *sound, GVirConfigDomainSoundModel model)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_SOUND (sound));
  g_return_if_fail (gvir_config_genum_get_nick (GVIR_CONFIG_TYPE_DOMAIN_SOUND_MODEL, model) != NULL);

  gvir_config_object_set_attribute_genum (GVIR_CONFIG_OBJECT (sound), NULL, "model",
                                          GVIR_CONFIG_TYPE_DOMAIN_SOUND_MODEL, model);
}
