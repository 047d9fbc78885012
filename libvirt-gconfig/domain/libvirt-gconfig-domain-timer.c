/*
 * libvirt-gconfig-domain-timer.c: base class of guest timers
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
 * SECTION:libvirt-gconfig-domain-timer
 * @title: GVirConfigDomainTimer
 * @short_description: Base class of guest timers
 *
 * A `<timer>` inside `<clock>`: a timer device of the guest, whether it is
 * present and what happens to ticks the guest missed. The name attribute is
 * set by the subclass.
 */

/**
 * GVirConfigDomainTimer:
 *
 * Base class of guest timers.
 */
G_DEFINE_ABSTRACT_TYPE (GVirConfigDomainTimer, gvir_config_domain_timer, GVIR_CONFIG_TYPE_OBJECT)

static void
gvir_config_domain_timer_class_init (GVirConfigDomainTimerClass *klass)
{
}

static void
gvir_config_domain_timer_init (GVirConfigDomainTimer *self)
{
}

/**
 * gvir_config_domain_timer_get_tick_policy:
 * @timer: a #GVirConfigDomainTimer
 *
 * Gets the tick policy (the `tickpolicy` attribute).
 *
 * Returns: the value; %GVIR_CONFIG_DOMAIN_TIMER_TICK_POLICY_DELAY if unset or unknown
 */
GVirConfigDomainTimerTickPolicy
gvir_config_domain_timer_get_tick_policy (GVirConfigDomainTimer *timer)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_TIMER (timer), GVIR_CONFIG_DOMAIN_TIMER_TICK_POLICY_DELAY);

  return gvir_config_object_get_attribute_genum (GVIR_CONFIG_OBJECT (timer), NULL, "tickpolicy",
                                                 GVIR_CONFIG_TYPE_DOMAIN_TIMER_TICK_POLICY, GVIR_CONFIG_DOMAIN_TIMER_TICK_POLICY_DELAY);
}

/**
 * gvir_config_domain_timer_set_tick_policy:
 * @timer: a #GVirConfigDomainTimer
 * @policy: the tick policy
 *
 * Sets the tick policy (the `tickpolicy` attribute).
 */
void
gvir_config_domain_timer_set_tick_policy (GVirConfigDomainTimer *timer, GVirConfigDomainTimerTickPolicy policy)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_TIMER (timer));
  g_return_if_fail (gvir_config_genum_get_nick (GVIR_CONFIG_TYPE_DOMAIN_TIMER_TICK_POLICY, policy) != NULL);

  gvir_config_object_set_attribute_genum (GVIR_CONFIG_OBJECT (timer), NULL, "tickpolicy",
                                          GVIR_CONFIG_TYPE_DOMAIN_TIMER_TICK_POLICY, policy);
}

/**
 * gvir_config_domain_timer_get_present:
 * @timer: a #GVirConfigDomainTimer
 *
 * Gets whether the guest has the timer (the `present` attribute).
 *
 * Returns: the value; %TRUE if unset
 */
gboolean
gvir_config_domain_timer_get_present (GVirConfigDomainTimer *timer)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_TIMER (timer), FALSE);

  return gvir_config_object_get_attribute_boolean (GVIR_CONFIG_OBJECT (timer), NULL, "present", TRUE);
}

/**
 * gvir_config_domain_timer_set_present:
 * @timer: a #GVirConfigDomainTimer
 * @present: the new value
 *
 * Sets whether the guest has the timer, written as "yes" or "no" in the `present` attribute.
 */
void
gvir_config_domain_timer_set_present (GVirConfigDomainTimer *timer, gboolean present)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_TIMER (timer));

  gvir_config_object_set_attribute_boolean (GVIR_CONFIG_OBJECT (timer), NULL, "present", present);
}
