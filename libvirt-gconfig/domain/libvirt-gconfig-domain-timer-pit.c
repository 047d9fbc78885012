/*
 * libvirt-gconfig-domain-timer-pit.c: a PIT timer
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
 * SECTION:libvirt-gconfig-domain-timer-pit
 * @title: GVirConfigDomainTimerPit
 * @short_description: A PIT timer
 *
 * A `<timer name="pit">`; add it to a clock with gvir_config_domain_clock_add_timer().
 */

/**
 * GVirConfigDomainTimerPit:
 *
 * A PIT timer.
 */
struct _GVirConfigDomainTimerPit
{
  GVirConfigDomainTimer parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigDomainTimerPit, gvir_config_domain_timer_pit, GVIR_CONFIG_TYPE_DOMAIN_TIMER)

/* A fresh element (made by g_object_new() too) needs its kind. */
static void
gvir_config_domain_timer_pit_constructed (GObject *object)
{
  GVirConfigObject *self = GVIR_CONFIG_OBJECT (object);

  G_OBJECT_CLASS (gvir_config_domain_timer_pit_parent_class)->constructed (object);

  if (gvir_config_object_get_attribute (self, NULL, "name") == NULL)
    gvir_config_object_set_attribute (self, NULL, "name", "pit");
}

static void
gvir_config_domain_timer_pit_class_init (GVirConfigDomainTimerPitClass *klass)
{
  G_OBJECT_CLASS (klass)->constructed = gvir_config_domain_timer_pit_constructed;
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "timer", NULL);
}

static void
gvir_config_domain_timer_pit_init (GVirConfigDomainTimerPit *self)
{
}

/**
 * gvir_config_domain_timer_pit_new:
 *
 * Creates a #GVirConfigDomainTimerPit holding an empty `<timer>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigDomainTimerPit *
gvir_config_domain_timer_pit_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_DOMAIN_TIMER_PIT, NULL);
}

/**
 * gvir_config_domain_timer_pit_new_from_xml:
 * @xml: an XML document whose root element is `<timer>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigDomainTimerPit. Malformed XML or another root element gives a
 * #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigDomainTimerPit *
gvir_config_domain_timer_pit_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigDomainTimerPit *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN_TIMER_PIT, "timer", NULL, xml, error);
}
