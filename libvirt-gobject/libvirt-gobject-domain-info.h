/*
 * libvirt-gobject-domain-info.h: a snapshot of a domain's resource usage
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#pragma once

#if !defined(__LIBVIRT_GOBJECT_H__) && !defined(LIBVIRT_GOBJECT_BUILD)
#error "Only <libvirt-gobject/libvirt-gobject.h> can be included directly."
#endif

#include <glib-object.h>
#include <libvirt-gobject/libvirt-gobject-visibility.h>
#include <libvirt-gobject/libvirt-gobject-domain.h>

G_BEGIN_DECLS

/**
 * GVIR_TYPE_DOMAIN_INFO:
 *
 * The #GType of the boxed #GVirDomainInfo.
 */
#define GVIR_TYPE_DOMAIN_INFO (gvir_domain_info_get_type ())

/**
 * GVirDomainInfo:
 * @state: the run state of the domain
 * @maxMem: the maximum memory the domain may use, in KiB
 * @memory: the memory the domain currently uses, in KiB
 * @nrVirtCpu: the number of virtual CPUs
 * @cpuTime: the CPU time used, in nanoseconds
 *
 * A snapshot of a domain's state and resources, as returned by
 * gvir_domain_get_info().
 *
 * The fields carry libvirt-glib's names, in C and in language bindings
 * (`info.maxMem` in Python), so code written for libvirt-glib keeps
 * working. C code may also spell them `max_mem`, `nr_virt_cpu` and
 * `cpu_time`: they share storage with the camelCase fields and are not
 * visible to language bindings.
 */
#ifndef __GTK_DOC_IGNORE__
#ifndef __GI_SCANNER__
/* For C, each union adds a snake_case alias of libvirt-glib's field name;
 * bindings and the manual see only libvirt-glib's layout below. */
struct _GVirDomainInfo
{
  GVirDomainState state;
  union { guint64 maxMem; guint64 max_mem; };
  guint64 memory;
  union { guint16 nrVirtCpu; guint16 nr_virt_cpu; };
  union { guint64 cpuTime; guint64 cpu_time; };
};
#define _GVIR_DOMAIN_INFO_WITH_ALIASES
#endif
#endif

#ifndef _GVIR_DOMAIN_INFO_WITH_ALIASES
struct _GVirDomainInfo
{
  GVirDomainState state;
  guint64 maxMem;
  guint64 memory;
  guint16 nrVirtCpu;
  guint64 cpuTime;
};
#endif
GVIR_AVAILABLE_IN_ALL
GType gvir_domain_info_get_type (void);

GVIR_AVAILABLE_IN_ALL
GVirDomainInfo *gvir_domain_info_copy (const GVirDomainInfo *info);

GVIR_AVAILABLE_IN_ALL
void gvir_domain_info_free (GVirDomainInfo *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GVirDomainInfo, gvir_domain_info_free)

G_END_DECLS
