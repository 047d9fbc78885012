/*
 * libvirt-gconfig-domain-timer-rtc.c: an RTC timer
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
 * SECTION:libvirt-gconfig-domain-timer-rtc
 * @title: GVirConfigDomainTimerRtc
 * @short_description: An RTC timer
 *
 * A `<timer name="rtc">`; add it to a clock with gvir_config_domain_clock_add_timer().
 */

/**
 * GVirConfigDomainTimerRtc:
 *
 * An RTC timer.
 */
struct _GVirConfigDomainTimerRtc
{
  GVirConfigDomainTimer parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigDomainTimerRtc, gvir_config_domain_timer_rtc, GVIR_CONFIG_TYPE_DOMAIN_TIMER)

/* A fresh element (made by g_object_new() too) needs its kind. */
static void
gvir_config_domain_timer_rtc_constructed (GObject *object)
{
  GVirConfigObject *self = GVIR_CONFIG_OBJECT (object);

  G_OBJECT_CLASS (gvir_config_domain_timer_rtc_parent_class)->constructed (object);

  if (gvir_config_object_get_attribute (self, NULL, "name") == NULL)
    gvir_config_object_set_attribute (self, NULL, "name", "rtc");
}

static void
gvir_config_domain_timer_rtc_class_init (GVirConfigDomainTimerRtcClass *klass)
{
  G_OBJECT_CLASS (klass)->constructed = gvir_config_domain_timer_rtc_constructed;
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "timer", NULL);
}

static void
gvir_config_domain_timer_rtc_init (GVirConfigDomainTimerRtc *self)
{
}

/**
 * gvir_config_domain_timer_rtc_new:
 *
 * Creates a #GVirConfigDomainTimerRtc holding an empty `<timer>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigDomainTimerRtc *
gvir_config_domain_timer_rtc_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_DOMAIN_TIMER_RTC, NULL);
}

/**
 * gvir_config_domain_timer_rtc_new_from_xml:
 * @xml: an XML document whose root element is `<timer>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigDomainTimerRtc. Malformed XML or another root element gives a
 * #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigDomainTimerRtc *
gvir_config_domain_timer_rtc_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigDomainTimerRtc *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN_TIMER_RTC, "timer", NULL, xml, error);
}
