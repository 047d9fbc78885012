/*
 * gvir-mockable-private.h: marking functions that tests replace by preloading
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#pragma once

/*
 * GVIR_MOCKABLE marks a function that a test mock (an LD_PRELOADed shared
 * object) replaces. For the replacement to take effect, every call must go
 * through the dynamic symbol, so the function must be:
 *  - exported with default visibility (the library is otherwise hidden; the
 *    version script puts these names in a private version node, and no
 *    public header or GIR mentions them);
 *  - never inlined into its callers (noinline);
 *  - opaque to inter-procedural analysis (GCC's noipa), or an optimising
 *    compiler propagates a stub's constant result into its callers and the
 *    mock is called but its answer ignored. Clang has no noipa: the library
 *    is built with -fsemantic-interposition instead, and the mock tests
 *    refuse to run when that flag is missing.
 * Never make these weak: weak definitions are lost when the static archive
 * is linked into the shared library.
 */
#if defined(__clang__)
#define GVIR_MOCKABLE __attribute__((noinline, visibility ("default")))
#elif defined(__GNUC__)
#define GVIR_MOCKABLE __attribute__((noinline, noipa, visibility ("default")))
#else
#define GVIR_MOCKABLE
#endif

/* Internal functions that tests outside the library call through the shared
 * object (so that a preloaded mock sits between them and the host). They go
 * to the same private version node as the mockable ones. */
#if defined(__GNUC__)
#define GVIR_PRIVATE_EXPORT __attribute__((visibility ("default")))
#else
#define GVIR_PRIVATE_EXPORT
#endif
