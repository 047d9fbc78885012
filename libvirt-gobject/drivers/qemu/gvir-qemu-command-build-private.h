/*
 * gvir-qemu-command-build-private.h: shared state of the command line
 * builder, split by area: gvir-qemu-command.c (helpers, machine, CPU, clock,
 * boot, the sequence), -memory.c (memory, NUMA, -smp), -devices.c
 * (controllers, disks, network, serial/console) and -display.c (input,
 * graphics, video, balloon, panic).
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#pragma once

#include <json-glib/json-glib.h>
#include <libxml/tree.h>

#include "gvir-qemu-command-private.h"
#include "libvirt-gconfig/libvirt-gconfig-object-private.h"

G_BEGIN_DECLS

typedef struct
{
  const GVirQemuCommandContext *ctx;
  xmlNodePtr domain;            /* the <domain> element of the definition */
  GPtrArray *argv;              /* of char *, owned */
  GVirQemuCommandFlags flags;
  gboolean q35;                 /* ICH9 chipset rather than i440FX */
  /* <os><boot dev> turned into per-device bootindex: the index each kind
   * of device gets (0: none), given to the first device of that kind. */
  guint boot_disk;
  guint boot_cdrom;
  guint boot_network;
  /* Devices carry <boot order>: <os><boot> must then be absent. */
  gboolean per_device_boot;
} GVirQemuBuild;

/* Elements and attributes a part of the builder understands; anything else
 * found on @node is refused (GVIR_ERROR_NOT_SUPPORTED) naming it, with
 * @where (for example "<disk>") as its place. NULL lists allow nothing. */
gboolean gvir_qemu_check_node (xmlNodePtr node,
                               const char *where,
                               const char *const *attributes,
                               const char *const *children,
                               GError **error);

/* GVIR_ERROR_NOT_SUPPORTED with a formatted message; returns FALSE. */
gboolean gvir_qemu_refuse (GError **error, const char *format, ...) G_GNUC_PRINTF (2, 3);
/* GVIR_ERROR_INVALID_ARGUMENT with @message; returns FALSE. */
gboolean gvir_qemu_invalid (GError **error, const char *message);

static inline xmlNodePtr
gvir_qemu_child (xmlNodePtr node, const char *name)
{
  return gvir_config_xml_get_element (node, name);
}

static inline gboolean
gvir_qemu_is_element (xmlNodePtr node, const char *name)
{
  return node->type == XML_ELEMENT_NODE && g_str_equal ((const char *) node->name, name);
}

const char *gvir_qemu_attr (xmlNodePtr node, const char *attr);
/* An unsigned attribute: @fallback when absent, FALSE (with an
 * INVALID_ARGUMENT error naming @where) when not a number. */
gboolean gvir_qemu_attr_uint (xmlNodePtr node, const char *attr, const char *where,
                              guint64 fallback, guint64 *value, GError **error);
/* QemuOpts values: every ',' doubled. */
char *gvir_qemu_escape_opt (const char *value);

void gvir_qemu_add (GVirQemuBuild *b, const char *option, const char *value);
void gvir_qemu_add_printf (GVirQemuBuild *b, const char *option, const char *format, ...) G_GNUC_PRINTF (3, 4);
/* Ends the object opened by gvir_qemu_json_begin and adds it as the
 * (compact JSON) value of @option. */
void gvir_qemu_add_json (GVirQemuBuild *b, const char *option, JsonBuilder *json);

JsonBuilder *gvir_qemu_json_begin (void);
void gvir_qemu_json_string (JsonBuilder *json, const char *key, const char *value);
void gvir_qemu_json_int (JsonBuilder *json, const char *key, gint64 value);
void gvir_qemu_json_bool (JsonBuilder *json, const char *key, gboolean value);

/* ---- gvir-qemu-command-memory.c ---- */
gboolean gvir_qemu_has_numa_cells (GVirQemuBuild *b);
/* <numatune> and <memoryBacking>: checked before anything is emitted. */
gboolean gvir_qemu_check_numatune (GVirQemuBuild *b, GError **error);
gboolean gvir_qemu_add_memory_backing (GVirQemuBuild *b, GError **error);
/* -m; then the pc.ram backend when there are no guest NUMA cells. */
gboolean gvir_qemu_add_memory (GVirQemuBuild *b, GError **error);
gboolean gvir_qemu_add_ram_backend (GVirQemuBuild *b, GError **error);
void gvir_qemu_add_overcommit (GVirQemuBuild *b);
gboolean gvir_qemu_add_smp (GVirQemuBuild *b, GError **error);
/* Per guest cell a memory backend and -numa node; then -numa dist. */
gboolean gvir_qemu_add_numa (GVirQemuBuild *b, GError **error);

/* ---- gvir-qemu-command-devices.c and -display.c ---- */
/* Counters and one-off devices while walking <devices>. */
typedef struct
{
  GVirQemuBuild *b;
  guint next_node;              /* libvirt-N-storage/-format */
  gboolean first_disk_seen;
  gboolean first_cdrom_seen;
  guint interfaces;
  guint serials;
  guint consoles;
  guint inputs;
  gboolean has_usb;             /* a USB controller (usb.0) exists */
  gboolean has_ahci;            /* pc: the "sata0" AHCI controller was added */
  gboolean has_virtio_serial;
} GVirQemuDevices;

/* <address type='pci'> of @device as "bus"/"addr" (nothing without one). */
gboolean gvir_qemu_add_pci_address (GVirQemuDevices *d, JsonBuilder *json, xmlNodePtr device, GError **error);
gboolean gvir_qemu_add_input (GVirQemuDevices *d, xmlNodePtr input, GError **error);
gboolean gvir_qemu_add_graphics (GVirQemuDevices *d, xmlNodePtr graphics, GError **error);
gboolean gvir_qemu_add_video (GVirQemuDevices *d, xmlNodePtr video, GError **error);
gboolean gvir_qemu_add_memballoon (GVirQemuDevices *d, xmlNodePtr balloon, GError **error);
/* Like libvirt, a domain without <memballoon> gets a virtio balloon
 * (only model='none' goes without). */
gboolean gvir_qemu_add_default_memballoon (GVirQemuDevices *d, GError **error);
gboolean gvir_qemu_add_panic (GVirQemuDevices *d, xmlNodePtr panic, GError **error);
gboolean gvir_qemu_check_audio (xmlNodePtr audio, GError **error);

/* The <devices> part, in libvirt's order; also -display none, -audiodev. */
gboolean gvir_qemu_build_devices (GVirQemuBuild *b, GError **error);
/* Checks <devices> before anything is emitted, and finds the devices that
 * carry <boot order> (sets b->per_device_boot). */
gboolean gvir_qemu_check_devices (GVirQemuBuild *b, GError **error);

G_END_DECLS
