/*
 * libvirt-gconfig-domain-timer.h: base class of guest timers
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

G_BEGIN_DECLS

/**
 * GVirConfigDomainTimerTickPolicy:
 * @GVIR_CONFIG_DOMAIN_TIMER_TICK_POLICY_DELAY: deliver them late, at the normal rate
 * @GVIR_CONFIG_DOMAIN_TIMER_TICK_POLICY_CATCHUP: deliver them faster until caught up
 * @GVIR_CONFIG_DOMAIN_TIMER_TICK_POLICY_MERGE: merge them into one tick
 * @GVIR_CONFIG_DOMAIN_TIMER_TICK_POLICY_DISCARD: drop them
 *
 * What happens to ticks the guest missed, the tickpolicy attribute.
 */
typedef enum
{
  GVIR_CONFIG_DOMAIN_TIMER_TICK_POLICY_DELAY,
  GVIR_CONFIG_DOMAIN_TIMER_TICK_POLICY_CATCHUP,
  GVIR_CONFIG_DOMAIN_TIMER_TICK_POLICY_MERGE,
  GVIR_CONFIG_DOMAIN_TIMER_TICK_POLICY_DISCARD,
} GVirConfigDomainTimerTickPolicy;

/**
 * GVIR_CONFIG_TYPE_DOMAIN_TIMER:
 *
 * The #GType of #GVirConfigDomainTimer.
 */
#define GVIR_CONFIG_TYPE_DOMAIN_TIMER (gvir_config_domain_timer_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_DERIVABLE_TYPE (GVirConfigDomainTimer, gvir_config_domain_timer,
                          GVIR_CONFIG, DOMAIN_TIMER, GVirConfigObject)

/**
 * GVirConfigDomainTimerClass:
 * @parent_class: the parent class
 *
 * The class of #GVirConfigDomainTimer.
 */
struct _GVirConfigDomainTimerClass
{
  GVirConfigObjectClass parent_class;

  /*< private >*/
  gpointer padding[20];
};

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainTimerTickPolicy gvir_config_domain_timer_get_tick_policy (GVirConfigDomainTimer *timer);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_timer_set_tick_policy (GVirConfigDomainTimer *timer,
                                               GVirConfigDomainTimerTickPolicy policy);
GVIR_CONFIG_AVAILABLE_IN_ALL
gboolean gvir_config_domain_timer_get_present (GVirConfigDomainTimer *timer);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_timer_set_present (GVirConfigDomainTimer *timer,
                                           gboolean present);

G_END_DECLS
