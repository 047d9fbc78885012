/*
 * libvirt-gconfig-domain-clock.h: the clock of a domain
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
#include <libvirt-gconfig/libvirt-gconfig-domain-timer.h>

G_BEGIN_DECLS

/**
 * GVirConfigDomainClockOffset:
 * @GVIR_CONFIG_DOMAIN_CLOCK_UTC: the guest clock runs in UTC
 * @GVIR_CONFIG_DOMAIN_CLOCK_LOCALTIME: the guest clock runs in the host's local time
 * @GVIR_CONFIG_DOMAIN_CLOCK_TIMEZONE: the guest clock runs in a given time zone
 * @GVIR_CONFIG_DOMAIN_CLOCK_VARIABLE: the guest clock runs at an offset from UTC
 *
 * How the guest clock is set at boot, the `<clock offset=...>` attribute.
 */
typedef enum
{
  GVIR_CONFIG_DOMAIN_CLOCK_UTC,
  GVIR_CONFIG_DOMAIN_CLOCK_LOCALTIME,
  GVIR_CONFIG_DOMAIN_CLOCK_TIMEZONE,
  GVIR_CONFIG_DOMAIN_CLOCK_VARIABLE,
} GVirConfigDomainClockOffset;

/**
 * GVIR_CONFIG_TYPE_DOMAIN_CLOCK:
 *
 * The #GType of #GVirConfigDomainClock.
 */
#define GVIR_CONFIG_TYPE_DOMAIN_CLOCK (gvir_config_domain_clock_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigDomainClock, gvir_config_domain_clock,
                      GVIR_CONFIG, DOMAIN_CLOCK, GVirConfigObject)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainClock *gvir_config_domain_clock_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainClock *gvir_config_domain_clock_new_from_xml (const gchar *xml, GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainClockOffset gvir_config_domain_clock_get_offset (GVirConfigDomainClock *klock);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_clock_set_offset (GVirConfigDomainClock *klock,
                                          GVirConfigDomainClockOffset offset);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_domain_clock_get_timezone (GVirConfigDomainClock *klock);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_clock_set_timezone (GVirConfigDomainClock *klock, const gchar *tz);
GVIR_CONFIG_AVAILABLE_IN_ALL
gint gvir_config_domain_clock_get_variable_offset (GVirConfigDomainClock *klock);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_clock_set_variable_offset (GVirConfigDomainClock *klock, gint seconds);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_clock_add_timer (GVirConfigDomainClock *klock,
                                         GVirConfigDomainTimer *timer);
GVIR_CONFIG_AVAILABLE_IN_ALL
GList *gvir_config_domain_clock_get_timers (GVirConfigDomainClock *klock);

G_END_DECLS
