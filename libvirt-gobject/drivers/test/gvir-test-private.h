/*
 * gvir-test-private.h: pieces shared by the files of the test driver
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#pragma once

#include <libxml/tree.h>
#include <libvirt-gconfig/libvirt-gconfig.h>

#include "libvirt-gconfig/libvirt-gconfig-xml-parser-private.h"

#include "../gvir-driver-private.h"
#include "libvirt-gobject/util/gvir-id-set-private.h"
#include "gvir-test-vol-data-private.h"

G_BEGIN_DECLS

/* ---- calls ---------------------------------------------------------------- */

/* For calls that take no flags yet: TRUE when @flags is 0, else FALSE with
 * GVIR_ERROR_INVALID_ARGUMENT "cannot OPERATION: unsupported flags 0x..". */
gboolean gvir_test_check_no_flags (guint flags, const char *operation, GError **error);

/* ---- domain definitions ------------------------------------------------- */

/*
 * The driver keeps every domain definition as a GVirConfigDomain:
 * libvirt-gconfig reads and writes the XML. A definition enters the driver
 * through gvir_test_def_read_*(), which checks it once and stores it with
 * a canonical UUID, without the runtime id attribute and without markup of
 * libvirt's test namespace. A GVirConfigDomain is not thread-safe (even its
 * getters may tidy the tree): the driver touches a stored one only under
 * its state lock, and hands out fresh strings.
 */

/* Extension elements in libvirt's test namespace, found in <node> files. */
typedef struct
{
  int runstate;           /* GVIR_DRIVER_STATE_*; RUNNING when absent */
  gboolean transient;
  gboolean has_managed_save;
} GVirTestDomainExtras;

#define GVIR_TEST_NAMESPACE "http://libvirt.org/schemas/domain/test/1.0"

/* A parser context of libvirt-gconfig's for untrusted XML (DTDs, and so
 * entities, are refused exactly as libvirt-gconfig refuses them), or an
 * out-of-memory GVIR_ERROR_INTERNAL. */
xmlParserCtxt *gvir_test_xml_parser_new (GError **error);

GVirConfigDomain *gvir_test_def_read_string (const char *xml, GError **error);
/* Copies @node (a <domain> element of a larger document); fills @extras
 * from, and strips, the test namespace elements. */
GVirConfigDomain *gvir_test_def_read_node (xmlNode *node, GVirTestDomainExtras *extras,
                                           GError **error);

/* What the driver needs of a checked definition, read through
 * libvirt-gconfig: memory sizes in KiB (the current one no larger than the
 * maximum), the vCPUs online at boot, the <numatune><memory> mode (0
 * strict .. 3 restrictive) and its nodeset in canonical form ("" when it
 * has none or the placement is automatic). */
guint64 gvir_test_def_get_max_memory_kib (GVirConfigDomain *def);
guint64 gvir_test_def_get_memory_kib (GVirConfigDomain *def);
guint gvir_test_def_get_vcpus (GVirConfigDomain *def);
int gvir_test_def_get_numa_mode (GVirConfigDomain *def);
char *gvir_test_def_dup_numa_nodeset (GVirConfigDomain *def);
/* Every host node the placement names (<numatune> <memory> and <memnode>
 * nodesets); NULL when it names none. */
GVirIdSet *gvir_test_def_dup_placement (GVirConfigDomain *def);

/* A new definition with <numatune><memory> changed; mode -1 and nodeset
 * NULL keep the current values. @nodeset must be canonical already. Fails
 * with GVIR_ERROR_INVALID_ARGUMENT when the result breaks libvirt's NUMA
 * rules (a static placement with no nodeset). */
GVirConfigDomain *gvir_test_def_with_numatune (GVirConfigDomain *def, int mode,
                                               const char *nodeset, GError **error);
/* A new definition with the balloon (<currentMemory>) at @kib or, for
 * @maximum, the maximum (<memory>) at @kib and the balloon no larger. */
GVirConfigDomain *gvir_test_def_with_memory (GVirConfigDomain *def, guint64 kib,
                                             gboolean maximum, GError **error);
/* The XML with id='@id' on the root when @id > 0. */
char *gvir_test_def_format (GVirConfigDomain *def, int id);

/* ---- devices (gvir-test-devices.c) -------------------------------------- */

/* The base of the fake statistics (see gvir-test-devices.c). */
#define GVIR_TEST_STATS_BASE G_GINT64_CONSTANT (1000000000)

void gvir_test_block_stats_fill (GVirDriverBlockStats *stats);
void gvir_test_interface_stats_fill (GVirDriverInterfaceStats *stats);
/* GVIR_ERROR_NOT_FOUND unless @def has a disk whose target or source is
 * @name (an interface whose target or MAC address is @name). */
gboolean gvir_test_def_check_disk (GVirConfigDomain *def, const char *name, GError **error);
gboolean gvir_test_def_check_interface (GVirConfigDomain *def, const char *name,
                                        GError **error);
/* A new definition in which the device @xml describes replaces the disk
 * with its target or the interface with its MAC address. */
GVirConfigDomain *gvir_test_def_with_device (GVirConfigDomain *def, const char *xml,
                                             GError **error);

/* ---- the host ------------------------------------------------------------ */

typedef struct
{
  GVirDriverNodeInfo node;
  guint ncells;           /* NUMA cells; 0 for configurations read from a file */
  GPtrArray *networks;    /* GVirConfigNetwork (owned), all active and persistent */
  GPtrArray *interfaces;  /* GVirConfigInterface (owned), all active */
  GPtrArray *node_devices;  /* GVirConfigNodeDevice (owned) */
} GVirTestHost;

/* The host's NUMA nodes: its cells, or for configurations read from a file
 * (which have none) nodes 0 .. <cpu><nodes> - 1. */
GVirIdSet *gvir_test_host_get_nodes (const GVirTestHost *host);
/* Fails with GVIR_ERROR_NUMA_UNAVAILABLE, naming the lowest missing node,
 * unless every node of @nodeset (may be NULL) exists on the host. */
gboolean gvir_test_host_check_nodeset (const GVirTestHost *host, const GVirIdSet *nodeset,
                                       GError **error);

void gvir_test_host_init_default (GVirTestHost *host);
void gvir_test_host_clear (GVirTestHost *host);
char *gvir_test_host_format_capabilities (const GVirTestHost *host);
char *gvir_test_host_format_domain_capabilities (const GVirTestHost *host, const char *emulatorbin,
                                                 const char *arch, const char *machine,
                                                 const char *virttype, GError **error);
const char *gvir_test_default_domain_xml (void);

/* ---- <node> configuration files ----------------------------------------- */

typedef struct
{
  GVirConfigDomain *def;
  GVirTestDomainExtras extras;
} GVirTestConfigDomain;

/* Reads libvirt's <node> test configuration; @domains gets
 * GVirTestConfigDomain elements in document order. */
gboolean gvir_test_config_load (const char *path, GVirTestHost *host, GPtrArray **domains,
                                GError **error);
/* A new object of @type over a copy of @node (an element of a larger
 * document), which must be an <@element>; GVIR_ERROR_XML otherwise. */
GVirConfigObject *gvir_test_config_read_node (xmlNode *node, const char *element, GType type,
                                              GError **error);

/* ---- streams (gvir-test-stream.c) ------------------------------------------- */

extern const GVirDriverStreamFuncs gvir_test_stream_funcs;

char *gvir_test_screenshot_domain (gpointer handle, const char *uuid, GVirDriverStream *stream,
                                   guint screen, guint flags, GCancellable *cancellable,
                                   GError **error);

/* Attaches to @stream a transfer of the bytes [@offset, @end) of @vol: it
 * takes them (@upload) or gives them. */
void gvir_test_stream_attach_volume (GVirDriverStream *stream, GVirTestVolData *vol,
                                     guint64 offset, guint64 end, gboolean upload);

/* ---- networks (gvir-test-network.c) --------------------------------------- */

/* Copies @node (a <network> element of a larger document) into a checked
 * definition with a canonical UUID. */
GVirConfigNetwork *gvir_test_network_read_node (xmlNode *node, GError **error);
/* Adds @def (a new reference) unless a network of that name or UUID exists
 * (GVIR_ERROR_EXISTS). */
gboolean gvir_test_host_add_network (GVirTestHost *host, GVirConfigNetwork *def, GError **error);
/* libvirt's network 'default' of test:///default. */
void gvir_test_host_add_default_network (GVirTestHost *host);

extern const GVirDriverNetworkFuncs gvir_test_network_funcs;

/* ---- host interfaces (gvir-test-interface.c) --------------------------------- */

/* Copies @node (an <interface> element of a larger document) into a
 * definition, checked to have a name. */
GVirConfigInterface *gvir_test_interface_read_node (xmlNode *node, GError **error);
/* Adds @def (a new reference) unless an interface of that name exists
 * (GVIR_ERROR_EXISTS). */
gboolean gvir_test_host_add_interface (GVirTestHost *host, GVirConfigInterface *def,
                                       GError **error);
/* libvirt's interface 'eth1' of test:///default. */
void gvir_test_host_add_default_interface (GVirTestHost *host);

extern const GVirDriverInterfaceFuncs gvir_test_interface_funcs;

/* ---- host devices (gvir-test-node-device.c) ---------------------------------- */

/* Copies @node (a <device> element of a larger document) into a
 * definition, checked to have a name. */
GVirConfigNodeDevice *gvir_test_node_device_read_node (xmlNode *node, GError **error);
/* Adds @def (a new reference) unless a device of that name exists
 * (GVIR_ERROR_EXISTS). */
gboolean gvir_test_host_add_node_device (GVirTestHost *host, GVirConfigNodeDevice *def,
                                         GError **error);
/* libvirt's four devices of test:///default. */
void gvir_test_host_add_default_node_devices (GVirTestHost *host);

extern const GVirDriverNodeDeviceFuncs gvir_test_node_device_funcs;

/* For the area files: the host of @handle's state, with the state lock
 * held until gvir_test_handle_unlock(). */
GVirTestHost *gvir_test_handle_lock (gpointer handle);
void gvir_test_handle_unlock (gpointer handle);

G_END_DECLS
