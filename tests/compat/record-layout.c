/*
 * record-layout.c: prints the memory layout of the records a binary built
 * against libvirt-glib reads field by field.
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Built by meson against our headers and by compare-layout.sh against
 * libvirt-glib's: the two outputs must be identical. Only libvirt-glib's
 * field names are used. GVirNodeInfo is left out on purpose: its model is
 * a string here and a gchar[32] there (see its documentation).
 */
#include <stddef.h>
#include <stdio.h>
#include <libvirt-gobject/libvirt-gobject.h>

#define FIELD(type, field) \
  printf ("%s.%s offset %zu size %zu\n", #type, #field, offsetof (type, field), \
          sizeof (((type *) NULL)->field))

int
main (void)
{
  printf ("GVirDomainInfo size %zu\n", sizeof (GVirDomainInfo));
  FIELD (GVirDomainInfo, state);
  FIELD (GVirDomainInfo, maxMem);
  FIELD (GVirDomainInfo, memory);
  FIELD (GVirDomainInfo, nrVirtCpu);
  FIELD (GVirDomainInfo, cpuTime);
  return 0;
}
