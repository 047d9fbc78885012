/*
 * gvir-test-driver-private.h: the built-in test driver
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#pragma once

#include "../gvir-driver-private.h"

G_BEGIN_DECLS

/* Serves test:///default (one shared in-memory host per process) and
 * test:///ABSOLUTE/PATH.xml (libvirt's <node> configuration format). */
extern const GVirDriver gvir_test_driver;

/* For tests: the clock (in microseconds) that running domains' CPU time is
 * measured on is @now_us from now on, for every test driver state of the
 * process; a negative @now_us gives back the monotonic clock. */
void gvir_test_driver_set_clock (gint64 now_us);

G_END_DECLS
