/*
 * libvirt-gconfig-domain-clock.c: the clock of a domain
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
 * SECTION:libvirt-gconfig-domain-clock
 * @title: GVirConfigDomainClock
 * @short_description: The clock of a domain
 *
 * The `<clock>` element of a domain: how the guest clock is set at boot.
 */

/**
 * GVirConfigDomainClock:
 *
 * The clock of a domain.
 */
struct _GVirConfigDomainClock
{
  GVirConfigObject parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigDomainClock, gvir_config_domain_clock, GVIR_CONFIG_TYPE_OBJECT)

static void
gvir_config_domain_clock_class_init (GVirConfigDomainClockClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "clock", NULL);
}

static void
gvir_config_domain_clock_init (GVirConfigDomainClock *self)
{
}

/**
 * gvir_config_domain_clock_new:
 *
 * Creates a #GVirConfigDomainClock holding an empty `<clock>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigDomainClock *
gvir_config_domain_clock_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_DOMAIN_CLOCK, NULL);
}

/**
 * gvir_config_domain_clock_new_from_xml:
 * @xml: an XML document whose root element is `<clock>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigDomainClock. Malformed XML or another root element gives a
 * #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigDomainClock *
gvir_config_domain_clock_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigDomainClock *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN_CLOCK, "clock", NULL, xml, error);
}

/**
 * gvir_config_domain_clock_get_offset:
 * @klock: a #GVirConfigDomainClock
 *
 * Gets how the guest clock is set.
 *
 * Returns: the offset kind; %GVIR_CONFIG_DOMAIN_CLOCK_UTC if unset or unknown
 */
GVirConfigDomainClockOffset
gvir_config_domain_clock_get_offset (GVirConfigDomainClock *klock)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_CLOCK (klock), GVIR_CONFIG_DOMAIN_CLOCK_UTC);

  return gvir_config_object_get_attribute_genum (GVIR_CONFIG_OBJECT (klock), NULL, "offset",
                                                 GVIR_CONFIG_TYPE_DOMAIN_CLOCK_OFFSET,
                                                 GVIR_CONFIG_DOMAIN_CLOCK_UTC);
}

/**
 * gvir_config_domain_clock_set_offset:
 * @klock: a #GVirConfigDomainClock
 * @offset: the offset kind
 *
 * Sets how the guest clock is set. Use gvir_config_domain_clock_set_timezone()
 * or gvir_config_domain_clock_set_variable_offset() for the kinds that need
 * a value.
 */
void
gvir_config_domain_clock_set_offset (GVirConfigDomainClock *klock, GVirConfigDomainClockOffset offset)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_CLOCK (klock));
  g_return_if_fail (offset != GVIR_CONFIG_DOMAIN_CLOCK_TIMEZONE &&
                    offset != GVIR_CONFIG_DOMAIN_CLOCK_VARIABLE);

  gvir_config_object_set_attribute_genum (GVIR_CONFIG_OBJECT (klock), NULL, "offset",
                                          GVIR_CONFIG_TYPE_DOMAIN_CLOCK_OFFSET, offset);
}

/**
 * gvir_config_domain_clock_get_timezone:
 * @klock: a #GVirConfigDomainClock
 *
 * Gets the time zone of a %GVIR_CONFIG_DOMAIN_CLOCK_TIMEZONE clock.
 *
 * Returns: (transfer none) (nullable): the time zone, or %NULL if unset
 */
const gchar *
gvir_config_domain_clock_get_timezone (GVirConfigDomainClock *klock)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_CLOCK (klock), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (klock), NULL, "timezone");
}

/**
 * gvir_config_domain_clock_set_timezone:
 * @klock: a #GVirConfigDomainClock
 * @tz: the time zone, such as "Europe/Paris"
 *
 * Makes the guest clock run in @tz.
 */
void
gvir_config_domain_clock_set_timezone (GVirConfigDomainClock *klock, const gchar *tz)
{
  GVirConfigObject *self;

  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_CLOCK (klock));
  g_return_if_fail (tz != NULL);

  self = GVIR_CONFIG_OBJECT (klock);
  gvir_config_object_set_attribute (self, NULL, "offset", "timezone");
  gvir_config_object_set_attribute (self, NULL, "timezone", tz);
}

/**
 * gvir_config_domain_clock_get_variable_offset:
 * @klock: a #GVirConfigDomainClock
 *
 * Gets the offset from UTC of a %GVIR_CONFIG_DOMAIN_CLOCK_VARIABLE clock.
 *
 * Returns: the offset in seconds, or 0 if unset or invalid
 */
gint
gvir_config_domain_clock_get_variable_offset (GVirConfigDomainClock *klock)
{
  const char *text;
  gint64 value;

  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_CLOCK (klock), 0);

  text = gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (klock), NULL, "adjustment");
  if (text == NULL || !g_ascii_string_to_signed (text, 10, G_MININT, G_MAXINT, &value, NULL))
    return 0;
  return (gint) value;
}

/**
 * gvir_config_domain_clock_set_variable_offset:
 * @klock: a #GVirConfigDomainClock
 * @seconds: the offset from UTC in seconds
 *
 * Makes the guest clock run @seconds away from UTC.
 */
void
gvir_config_domain_clock_set_variable_offset (GVirConfigDomainClock *klock, gint seconds)
{
  GVirConfigObject *self;
  char buf[16];

  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_CLOCK (klock));

  self = GVIR_CONFIG_OBJECT (klock);
  g_snprintf (buf, sizeof buf, "%d", seconds);
  gvir_config_object_set_attribute (self, NULL, "offset", "variable");
  gvir_config_object_set_attribute (self, NULL, "adjustment", buf);
}

/**
 * gvir_config_domain_clock_add_timer:
 * @klock: a #GVirConfigDomainClock
 * @timer: the timer to add
 *
 * Appends a `<timer>`. @timer becomes part of @klock's document.
 */
void
gvir_config_domain_clock_add_timer (GVirConfigDomainClock *klock, GVirConfigDomainTimer *timer)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_CLOCK (klock));
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_TIMER (timer));

  gvir_config_object_attach_add (GVIR_CONFIG_OBJECT (klock), GVIR_CONFIG_OBJECT (timer));
}

/* The timer class for a <timer name=...>, or G_TYPE_INVALID. */
static GType
timer_type_for_node (xmlNodePtr node)
{
  const char *name = gvir_config_xml_node_get_attribute (node, "name");

  if (g_strcmp0 (name, "rtc") == 0)
    return GVIR_CONFIG_TYPE_DOMAIN_TIMER_RTC;
  if (g_strcmp0 (name, "pit") == 0)
    return GVIR_CONFIG_TYPE_DOMAIN_TIMER_PIT;
  if (g_strcmp0 (name, "hpet") == 0)
    return GVIR_CONFIG_TYPE_DOMAIN_TIMER_HPET;
  return G_TYPE_INVALID;
}

/**
 * gvir_config_domain_clock_get_timers:
 * @klock: a #GVirConfigDomainClock
 *
 * Gets live views of the timers that have a class (rtc, pit and hpet);
 * other timers (kvmclock, tsc, ...) are kept in the document but not listed.
 *
 * Returns: (transfer full) (element-type LibvirtGConfig.DomainTimer): the
 *   timers, in document order
 */
GList *
gvir_config_domain_clock_get_timers (GVirConfigDomainClock *klock)
{
  GVirConfigObject *self;
  GList *list = NULL;

  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_CLOCK (klock), NULL);

  self = GVIR_CONFIG_OBJECT (klock);
  for (xmlNodePtr child = gvir_config_object_get_xml_node (self)->children; child != NULL; child = child->next)
    {
      GType type;

      if (child->type != XML_ELEMENT_NODE || g_strcmp0 ((const char *) child->name, "timer") != 0)
        continue;
      type = timer_type_for_node (child);
      if (type != G_TYPE_INVALID)
        list = g_list_prepend (list, gvir_config_object_new_view (self, type, child));
    }
  return g_list_reverse (list);
}
