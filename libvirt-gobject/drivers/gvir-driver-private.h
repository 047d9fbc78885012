/*
 * gvir-driver-private.h: the internal driver layer's private API
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Nothing in this header is installed or scanned for the GIR.
 *
 * Shape (DESIGN.md section 3):
 *  - a driver is a const GVirDriver (the core table: name, URI claim,
 *    driver-wide state, open/close, identity, host) pointing to one const
 *    table per area (domain, snapshot, network, ...), all filled with
 *    designated initialisers;
 *  - the registry parses the URI and picks the driver whose accepts() says yes
 *    (a "+transport" or a host always means the remote driver), and starts
 *    and stops each driver's state around its connections;
 *  - only the gvir_driver_connection_*() dispatch functions touch the
 *    tables (the core ones in gvir-driver.c, each area's in its own
 *    gvir-driver-AREA.c); a NULL table or slot means
 *    GVIR_ERROR_NOT_SUPPORTED;
 *  - the dispatch layer refuses every state-changing call on a read-only
 *    connection with GVIR_ERROR_READ_ONLY and every call on a closed
 *    connection with GVIR_ERROR_CONNECTION_CLOSED, so drivers need not;
 *  - callbacks are synchronous, thread-safe, may block, and report failures
 *    as GErrors in GVIR_ERROR; the only exceptions are the optional
 *    non-blocking slots, which must not block and answer through a callback;
 *  - asynchronous forms are made one way: any synchronous dispatch in a
 *    worker (gvir_driver_connection_call_async()), or a driver's
 *    non-blocking slot through one generic pending-call mechanism;
 *  - drivers describe domains by value (GVirDriverDomain) and XML, never by
 *    public GObjects; domains are addressed by their UUID string;
 *  - drivers push events through the one GVirDriverEventFunc given at open.
 */
#pragma once

#include "gvir-driver-types-private.h"
#include "gvir-driver-core-private.h"
#include "gvir-driver-domain-private.h"
#include "gvir-driver-snapshot-private.h"
#include "gvir-driver-stream-private.h"
#include "gvir-driver-network-private.h"
#include "gvir-driver-interface-private.h"
#include "gvir-driver-node-device-private.h"
#include "gvir-driver-secret-private.h"
#include "gvir-driver-network-filter-private.h"
#include "gvir-driver-async-private.h"
