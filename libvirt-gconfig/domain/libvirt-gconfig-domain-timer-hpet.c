/*
 * libvirt-gconfig-domain-timer-hpet.c: an HPET timer
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
 * SECTION:libvirt-gconfig-domain-timer-hpet
 * @title: GVirConfigDomainTimerHpet
 * @short_description: An HPET timer
 *
 * A `<timer name="hpet">`; add it to a clock with gvir_config_domain_clock_add_timer().
 */

/**
 * GVirConfigDomainTimerHpet:
 *
 * An HPET timer.
 */
struct _GVirConfigDomainTimerHpet
{
  GVirConfigDomainTimer parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigDomainTimerHpet, gvir_config_domain_timer_hpet, GVIR_CONFIG_TYPE_DOMAIN_TIMER)

/* A fresh element (made by g_object_new() too) needs its kind. */
static void
gvir_config_domain_timer_hpet_constructed (GObject *object)
{
  GVirConfigObject *self = GVIR_CONFIG_OBJECT (object);

  G_OBJECT_CLASS (gvir_config_domain_timer_hpet_parent_class)->constructed (object);

  if (gvir_config_object_get_attribute (self, NULL, "name") == NULL)
    gvir_config_object_set_attribute (self, NULL, "name", "hpet");
}

static void
gvir_config_domain_timer_hpet_class_init (GVirConfigDomainTimerHpetClass *klass)
{
  G_OBJECT_CLASS (klass)->constructed = gvir_config_domain_timer_hpet_constructed;
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "timer", NULL);
}

static void
gvir_config_domain_timer_hpet_init (GVirConfigDomainTimerHpet *self)
{
}

/**
 * gvir_config_domain_timer_hpet_new:
 *
 * Creates a #GVirConfigDomainTimerHpet holding an empty `<timer>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigDomainTimerHpet *
gvir_config_domain_timer_hpet_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_DOMAIN_TIMER_HPET, NULL);
}

/**
 * gvir_config_domain_timer_hpet_new_from_xml:
 * @xml: an XML document whose root element is `<timer>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigDomainTimerHpet. Malformed XML or another root element gives a
 * #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigDomainTimerHpet *
gvir_config_domain_timer_hpet_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigDomainTimerHpet *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN_TIMER_HPET, "timer", NULL, xml, error);
}
