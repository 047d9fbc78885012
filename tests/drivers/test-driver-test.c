/*
 * test-driver-test.c: the test driver on test:///default
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>

#include "driver-test-utils.h"
#include "drivers/test/gvir-test-driver-private.h"
#include "gvir-test-wait.h"

#define TEST_UUID "6695eb01-f6a4-8304-79aa-97f2502e193f"
#define NEW_UUID "c7a5fdbd-edaf-9455-926a-d65c16db1809"
#define OTHER_UUID "c7a5fdbd-edaf-9455-926a-d65c16db1810"

/* Two guest NUMA cells, for <memnode>; their CPUs need <vcpu>2</vcpu>. */
#define GUEST_CELLS \
  "<cpu><numa><cell id='0' cpus='0' memory='512' unit='KiB'/>" \
  "<cell id='1' cpus='1' memory='512' unit='KiB'/></numa></cpu>"

#define NEW_XML(name, uuid, extra) \
  "<domain type='test'><name>" name "</name><uuid>" uuid "</uuid>" \
  "<memory unit='MiB'>512</memory><vcpu>2</vcpu>" extra "</domain>"

typedef struct
{
  Recorder rec;
  GVirDriverConnection *conn;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  recorder_init (&f->rec);
  f->conn = gvir_driver_connection_open ("test:///default", FALSE, recorder_func, &f->rec,
                                         NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->conn);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  gvir_test_driver_set_clock (-1);
  gvir_driver_connection_close (f->conn);
  gvir_driver_connection_unref (f->conn);
  recorder_clear (&f->rec);
}

/* The error's code, and its message word for word. */
#define assert_error_message(err_, code_, message_) \
  G_STMT_START { \
    g_assert_error ((err_), GVIR_ERROR, (code_)); \
    g_assert_cmpstr ((err_)->message, ==, (message_)); \
  } G_STMT_END

static GVirDriverDomain *
lookup (Fixture *f, const char *uuid)
{
  g_autoptr(GError) error = NULL;
  GVirDriverDomain *dom = gvir_driver_connection_lookup_domain_by_uuid (f->conn, uuid, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dom);
  return dom;
}

static void
assert_state (Fixture *f, const char *uuid, int state, int reason)
{
  g_autoptr(GError) error = NULL;
  int s = -1, r = -1;

  g_assert_true (gvir_driver_connection_get_domain_state (f->conn, uuid, &s, &r, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (s, ==, state);
  g_assert_cmpint (r, ==, reason);
}

static void
assert_gone (Fixture *f, const char *uuid)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = g_strdup_printf ("no domain with UUID '%s'", uuid);

  g_assert_null (gvir_driver_connection_lookup_domain_by_uuid (f->conn, uuid, NULL, &error));
  assert_error_message (error, GVIR_ERROR_NOT_FOUND, message);
}

static void
define_new (Fixture *f, const char *xml)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDriverDomain) dom = gvir_driver_connection_define_domain (f->conn, xml, 0, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dom);
  g_assert_false (dom->id > 0);
  g_assert_true (dom->persistent);
  recorder_expect (&f->rec, dom->name, GVIR_DRIVER_EVENT_DEFINED, GVIR_DRIVER_DEFINED_ADDED);
}

/* ---- contents of test:///default ---------------------------------------- */

static void
test_node_info (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  GVirDriverNodeInfo info;

  g_assert_true (gvir_driver_connection_get_node_info (f->conn, &info, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (info.model, ==, "i686");
  g_assert_cmpuint (info.memory_kib, ==, 3145728);
  g_assert_cmpuint (info.cpus, ==, 16);
  g_assert_cmpuint (info.mhz, ==, 1400);
  g_assert_cmpuint (info.nodes, ==, 2);
  g_assert_cmpuint (info.sockets, ==, 2);
  g_assert_cmpuint (info.cores, ==, 2);
  g_assert_cmpuint (info.threads, ==, 2);
  gvir_driver_node_info_clear (&info);
  g_assert_null (info.model);
}

static void
test_constants (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *type = gvir_driver_connection_get_type (f->conn, NULL, &error);
  g_autofree char *host = gvir_driver_connection_get_hostname (f->conn, NULL, &error);
  gulong version = 0;

  g_assert_no_error (error);
  g_assert_cmpstr (type, ==, "TEST");
  g_assert_cmpstr (host, ==, g_get_host_name ());
  g_assert_true (gvir_driver_connection_get_version (f->conn, &version, NULL, &error));
  g_assert_cmpuint (version, ==, 2);
  g_assert_cmpstr (gvir_driver_connection_get_driver_name (f->conn), ==, "test");
  g_assert_cmpstr (gvir_driver_connection_get_uri (f->conn)->path, ==, "/default");
  g_assert_false (gvir_driver_connection_is_read_only (f->conn));
  g_assert_false (gvir_driver_connection_is_closed (f->conn));
}

static guint
count_substrings (const char *haystack, const char *needle)
{
  guint n = 0;

  for (haystack = strstr (haystack, needle); haystack; haystack = strstr (haystack + 1, needle))
    n++;
  return n;
}

static void
assert_well_formed (const char *xml)
{
  xmlDoc *doc = xmlReadMemory (xml, strlen (xml), "x.xml", NULL,
                               XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);

  g_assert_nonnull (doc);
  xmlFreeDoc (doc);
}

static void
test_capabilities (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *caps = gvir_driver_connection_get_capabilities (f->conn, NULL, &error);

  g_assert_no_error (error);
  assert_well_formed (caps);
  g_assert_nonnull (strstr (caps, "<arch>i686</arch>"));
  g_assert_nonnull (strstr (caps, "<cells num='2'>"));
  g_assert_cmpuint (count_substrings (caps, "<cell id="), ==, 2);
  g_assert_cmpuint (count_substrings (caps, "<cpu id="), ==, 16);
  g_assert_nonnull (strstr (caps, "<memory unit='KiB'>2097152</memory>"));
  g_assert_nonnull (strstr (caps, "<memory unit='KiB'>4194304</memory>"));
  g_assert_nonnull (strstr (caps, "<sibling id='1' value='20'/>"));
  g_assert_nonnull (strstr (caps, "<pages unit='KiB' size='1048576'/>"));
  g_assert_nonnull (strstr (caps, "<model>testSecurity</model>"));
  g_assert_nonnull (strstr (caps, "<os_type>hvm</os_type>"));
  g_assert_nonnull (strstr (caps, "<os_type>xen</os_type>"));
  g_assert_nonnull (strstr (caps, "<emulator>/usr/bin/test-hv</emulator>"));
  g_assert_nonnull (strstr (caps, "<domain type='test'/>"));
}

static void
test_domain_capabilities (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *caps = NULL;
  g_autofree char *bad = NULL;

  caps = gvir_driver_connection_get_domain_capabilities (f->conn, NULL, NULL, NULL, NULL, 0,
                                                         NULL, &error);
  g_assert_no_error (error);
  assert_well_formed (caps);
  g_assert_nonnull (strstr (caps, "<vcpu max='32'/>"));
  g_assert_nonnull (strstr (caps, "<path>/usr/bin/test-hv</path>"));

  bad = gvir_driver_connection_get_domain_capabilities (f->conn, NULL, "aarch64", NULL, NULL, 0,
                                                        NULL, &error);
  g_assert_null (bad);
  assert_error_message (error, GVIR_ERROR_NOT_SUPPORTED,
                        "the test driver has no architecture 'aarch64' (only 'i686')");
}

static void
test_cells_free_memory (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) all = NULL;
  g_autoptr(GArray) second = NULL;
  g_autoptr(GArray) none = NULL;

  all = gvir_driver_connection_get_cells_free_memory (f->conn, 0, 8, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_cmpuint (g_array_index (all, guint64, 0), ==, G_GUINT64_CONSTANT (1) << 30);
  g_assert_cmpuint (g_array_index (all, guint64, 1), ==, G_GUINT64_CONSTANT (2) << 30);

  second = gvir_driver_connection_get_cells_free_memory (f->conn, 1, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (second->len, ==, 1);
  g_assert_cmpuint (g_array_index (second, guint64, 0), ==, G_GUINT64_CONSTANT (2) << 30);

  none = gvir_driver_connection_get_cells_free_memory (f->conn, 2, 1, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "range exceeds available cells"));
  g_clear_error (&error);

  g_assert_null (gvir_driver_connection_get_cells_free_memory (f->conn, -1, 1, NULL, &error));
  assert_error_message (error, GVIR_ERROR_INVALID_ARGUMENT,
                        "cannot get cells free memory: the start cell must not be negative");
  g_clear_error (&error);
  g_assert_null (gvir_driver_connection_get_cells_free_memory (f->conn, 0, 0, NULL, &error));
  assert_error_message (error, GVIR_ERROR_INVALID_ARGUMENT,
                        "cannot get cells free memory: the number of cells must be positive");
}

/* The host's nodes answered as a set: test:///default has cells 0 and 1. */
static void
test_host_nodes (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirIdSet) nodes = gvir_driver_connection_get_host_nodes (f->conn, NULL, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  text = gvir_id_set_format (nodes);
  g_assert_cmpstr (text, ==, "0-1");
  g_assert_cmpuint (gvir_id_set_count (nodes), ==, 2);

  gvir_driver_connection_close (f->conn);
  g_assert_null (gvir_driver_connection_get_host_nodes (f->conn, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
}

static void
test_default_domain (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = gvir_driver_connection_list_domains (f->conn, NULL, &error);
  g_autoptr(GVirDriverDomain) by_name = NULL;
  g_autoptr(GVirDriverDomain) by_id = NULL;
  g_autoptr(GVirDriverDomain) copy = NULL;
  GVirDriverDomain *dom;
  GVirDriverDomainInfo info;

  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  dom = list->pdata[0];
  g_assert_cmpstr (dom->name, ==, "test");
  g_assert_cmpstr (dom->uuid, ==, TEST_UUID);
  g_assert_cmpint (dom->id, ==, 1);
  g_assert_true (dom->persistent);
  g_assert_cmpint (dom->state, ==, GVIR_DRIVER_STATE_RUNNING);
  g_assert_cmpint (dom->reason, ==, 0);
  g_assert_false (dom->has_managed_save);

  copy = gvir_driver_domain_copy (dom);
  g_assert_cmpstr (copy->uuid, ==, dom->uuid);
  g_assert_true (copy->uuid != dom->uuid);

  by_name = gvir_driver_connection_lookup_domain_by_name (f->conn, "test", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (by_name->uuid, ==, TEST_UUID);
  by_id = gvir_driver_connection_lookup_domain_by_id (f->conn, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (by_id->name, ==, "test");

  g_assert_true (gvir_driver_connection_get_domain_info (f->conn, TEST_UUID, &info, NULL, &error));
  g_assert_cmpint (info.state, ==, GVIR_DRIVER_STATE_RUNNING);
  g_assert_cmpuint (info.max_mem_kib, ==, 8388608);
  g_assert_cmpuint (info.memory_kib, ==, 2097152);
  g_assert_cmpuint (info.nr_virt_cpu, ==, 2);
}

static void
test_default_domain_xml (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *live = gvir_driver_connection_get_domain_xml (f->conn, TEST_UUID, 0, NULL, &error);
  g_autofree char *inactive = NULL;

  g_assert_no_error (error);
  assert_well_formed (live);
  g_assert_true (g_str_has_prefix (live, "<domain type='test' id='1'>"));
  g_assert_nonnull (strstr (live, "<name>test</name>"));
  g_assert_nonnull (strstr (live, TEST_UUID));
  g_assert_nonnull (strstr (live, "/guest/diskimage1"));
  g_assert_nonnull (strstr (live, "aa:bb:cc:dd:ee:ff"));
  g_assert_nonnull (strstr (live, "memballoon"));

  inactive = gvir_driver_connection_get_domain_xml (f->conn, TEST_UUID, GVIR_DRIVER_XML_INACTIVE,
                                                    NULL, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (inactive, "id='1'"));
}

/* Our drivers hot-plug no vCPU: the counts come from the definition, the
 * live one for a running domain, with libvirt's flag rules. */
static void
test_domain_vcpus (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDriverDomain) dom = NULL;

  g_assert_cmpint (gvir_driver_connection_get_domain_vcpus (f->conn, TEST_UUID, 0, NULL, &error),
                   ==, 2);
  g_assert_no_error (error);
  dom = gvir_driver_connection_define_domain (f->conn,
    "<domain type='test'><name>cpus</name><uuid>" NEW_UUID "</uuid>"
    "<memory unit='MiB'>512</memory><vcpu current='1'>3</vcpu></domain>", 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gvir_driver_connection_get_domain_vcpus (f->conn, NEW_UUID, 0, NULL, &error),
                   ==, 1);
  g_assert_cmpint (gvir_driver_connection_get_domain_vcpus (f->conn, NEW_UUID,
                                                            GVIR_DRIVER_VCPUS_MAXIMUM, NULL,
                                                            &error), ==, 3);
  g_assert_cmpint (gvir_driver_connection_get_domain_vcpus (f->conn, NEW_UUID,
                                                            GVIR_DRIVER_AFFECT_LIVE, NULL,
                                                            &error), ==, -1);
  assert_error_message (error, GVIR_ERROR_OPERATION_INVALID, "domain 'cpus' is not running");
  g_clear_error (&error);
  g_assert_cmpint (gvir_driver_connection_get_domain_vcpus (f->conn, NEW_UUID,
                                                            GVIR_DRIVER_AFFECT_LIVE |
                                                            GVIR_DRIVER_AFFECT_CONFIG, NULL,
                                                            &error), ==, -1);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_cmpint (gvir_driver_connection_get_domain_vcpus (f->conn, NEW_UUID, 1 << 8, NULL,
                                                            &error), ==, -1);
  assert_error_message (error, GVIR_ERROR_INVALID_ARGUMENT, "unsupported flags (0x100)");
  g_clear_error (&error);
  g_assert_cmpint (gvir_driver_connection_get_domain_vcpus (f->conn, NEW_UUID,
                                                            GVIR_DRIVER_VCPUS_GUEST, NULL,
                                                            &error), ==, -1);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);
  g_assert_cmpint (gvir_driver_connection_get_domain_vcpus (f->conn,
                                                            "00000000-0000-0000-0000-000000000000",
                                                            0, NULL, &error), ==, -1);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (gvir_driver_connection_start_domain (f->conn, NEW_UUID, 0, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gvir_driver_connection_get_domain_vcpus (f->conn, NEW_UUID,
                                                            GVIR_DRIVER_AFFECT_LIVE, NULL,
                                                            &error), ==, 1);
  g_assert_cmpint (gvir_driver_connection_get_domain_vcpus (f->conn, NEW_UUID,
                                                            GVIR_DRIVER_AFFECT_LIVE |
                                                            GVIR_DRIVER_VCPUS_MAXIMUM, NULL,
                                                            &error), ==, 3);
  g_assert_no_error (error);
}

static guint64
cpu_time_of (Fixture *f, const char *uuid)
{
  g_autoptr(GError) error = NULL;
  GVirDriverDomainInfo info;

  g_assert_true (gvir_driver_connection_get_domain_info (f->conn, uuid, &info, NULL, &error));
  g_assert_no_error (error);
  return info.cpu_time_ns;
}

/* CPU time is the time spent running, on the driver's clock: set by the
 * test, so the values are exact. */
static void
test_cpu_time (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  gvir_test_driver_set_clock (1000000);
  define_new (f, NEW_XML ("new", NEW_UUID, ""));
  g_assert_cmpuint (cpu_time_of (f, NEW_UUID), ==, 0);
  gvir_test_driver_set_clock (1500000);
  g_assert_cmpuint (cpu_time_of (f, NEW_UUID), ==, 0);

  g_assert_true (gvir_driver_connection_start_domain (f->conn, NEW_UUID, 0, NULL, &error));
  g_assert_no_error (error);
  recorder_expect (&f->rec, "new", GVIR_DRIVER_EVENT_STARTED, GVIR_DRIVER_STARTED_BOOTED);
  g_assert_cmpuint (cpu_time_of (f, NEW_UUID), ==, 0);
  gvir_test_driver_set_clock (1502500);
  g_assert_cmpuint (cpu_time_of (f, NEW_UUID), ==, 2500000);
  /* Reading it does not change it. */
  g_assert_cmpuint (cpu_time_of (f, NEW_UUID), ==, 2500000);

  /* A paused domain does not run. */
  g_assert_true (gvir_driver_connection_suspend_domain (f->conn, NEW_UUID, NULL, &error));
  g_assert_no_error (error);
  recorder_expect (&f->rec, "new", GVIR_DRIVER_EVENT_SUSPENDED, GVIR_DRIVER_SUSPENDED_PAUSED);
  gvir_test_driver_set_clock (1600000);
  g_assert_cmpuint (cpu_time_of (f, NEW_UUID), ==, 2500000);

  /* Resumed, it adds to what it had. */
  g_assert_true (gvir_driver_connection_resume_domain (f->conn, NEW_UUID, NULL, &error));
  g_assert_no_error (error);
  recorder_expect (&f->rec, "new", GVIR_DRIVER_EVENT_RESUMED, GVIR_DRIVER_RESUMED_UNPAUSED);
  gvir_test_driver_set_clock (1600400);
  g_assert_cmpuint (cpu_time_of (f, NEW_UUID), ==, 2900000);

  /* A clock set back never makes it shrink. */
  gvir_test_driver_set_clock (1000);
  g_assert_cmpuint (cpu_time_of (f, NEW_UUID), ==, 2500000);
  gvir_test_driver_set_clock (1600400);

  /* Stopped, it is zero, and a new run starts from zero. */
  g_assert_true (gvir_driver_connection_destroy_domain (f->conn, NEW_UUID, 0, NULL, &error));
  g_assert_no_error (error);
  recorder_expect (&f->rec, "new", GVIR_DRIVER_EVENT_STOPPED, GVIR_DRIVER_STOPPED_DESTROYED);
  g_assert_cmpuint (cpu_time_of (f, NEW_UUID), ==, 0);
  g_assert_true (gvir_driver_connection_start_domain (f->conn, NEW_UUID, 0, NULL, &error));
  g_assert_no_error (error);
  recorder_expect (&f->rec, "new", GVIR_DRIVER_EVENT_STARTED, GVIR_DRIVER_STARTED_BOOTED);
  gvir_test_driver_set_clock (1600401);
  g_assert_cmpuint (cpu_time_of (f, NEW_UUID), ==, 1000);
  recorder_assert_empty (&f->rec);
}

/* ---- lookups and errors ---------------------------------------------------- */

static void
test_not_found (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (gvir_driver_connection_lookup_domain_by_uuid (f->conn, NEW_UUID, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "no domain with UUID '" NEW_UUID "'");
  g_clear_error (&error);

  g_assert_false (gvir_driver_connection_start_domain (f->conn, NEW_UUID, 0, NULL, &error));
  assert_error_message (error, GVIR_ERROR_NOT_FOUND,
                        "no domain with UUID '" NEW_UUID "'");
  g_clear_error (&error);

  g_assert_null (gvir_driver_connection_lookup_domain_by_uuid (f->conn, "not-a-uuid", NULL, &error));
  assert_error_message (error, GVIR_ERROR_INVALID_ARGUMENT, "invalid UUID 'not-a-uuid'");
  g_clear_error (&error);

  g_assert_null (gvir_driver_connection_lookup_domain_by_uuid (f->conn, NULL, NULL, &error));
  assert_error_message (error, GVIR_ERROR_INVALID_ARGUMENT,
                        "cannot look up domain by UUID: no UUID given");
  g_clear_error (&error);

  g_assert_null (gvir_driver_connection_lookup_domain_by_name (f->conn, "nope", NULL, &error));
  assert_error_message (error, GVIR_ERROR_NOT_FOUND, "no domain with name 'nope'");
  g_clear_error (&error);

  g_assert_null (gvir_driver_connection_lookup_domain_by_id (f->conn, 42, NULL, &error));
  assert_error_message (error, GVIR_ERROR_NOT_FOUND, "no domain with id 42");
  g_clear_error (&error);

  g_assert_null (gvir_driver_connection_lookup_domain_by_id (f->conn, -3, NULL, &error));
  assert_error_message (error, GVIR_ERROR_INVALID_ARGUMENT,
                        "cannot look up domain by id: domain ids are not negative");
}

static void
test_uuid_forms (Fixture *f, gconstpointer data)
{
  g_autoptr(GVirDriverDomain) upper = lookup (f, "6695EB01-F6A4-8304-79AA-97F2502E193F");
  g_autoptr(GVirDriverDomain) plain = lookup (f, "6695eb01f6a4830479aa97f2502e193f");

  g_assert_cmpstr (upper->uuid, ==, TEST_UUID);
  g_assert_cmpstr (plain->uuid, ==, TEST_UUID);
}

/* ---- define / undefine -------------------------------------------------------- */

static void
test_define (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDriverDomain) again = NULL;
  g_autoptr(GVirDriverDomain) dom = NULL;
  GVirDriverDomainInfo info;

  define_new (f, NEW_XML ("new", NEW_UUID, ""));
  dom = lookup (f, NEW_UUID);
  g_assert_cmpstr (dom->name, ==, "new");
  g_assert_cmpint (dom->id, ==, -1);
  g_assert_cmpint (dom->state, ==, GVIR_DRIVER_STATE_SHUTOFF);

  g_assert_true (gvir_driver_connection_get_domain_info (f->conn, NEW_UUID, &info, NULL, &error));
  g_assert_cmpuint (info.max_mem_kib, ==, 512 * 1024);
  g_assert_cmpuint (info.memory_kib, ==, 512 * 1024);
  g_assert_cmpuint (info.cpu_time_ns, ==, 0);

  again = gvir_driver_connection_define_domain (f->conn, NEW_XML ("new", NEW_UUID, "<vcpu>3</vcpu>"),
                                                0, NULL, &error);
  g_assert_no_error (error);
  recorder_expect (&f->rec, "new", GVIR_DRIVER_EVENT_DEFINED, GVIR_DRIVER_DEFINED_UPDATED);
  recorder_assert_empty (&f->rec);
}

static void
test_define_conflicts (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  /* The name of another domain. */
  g_assert_null (gvir_driver_connection_define_domain (f->conn, NEW_XML ("test", NEW_UUID, ""),
                                                       0, NULL, &error));
  assert_error_message (error, GVIR_ERROR_EXISTS,
                        "domain 'test' already exists with UUID '" TEST_UUID "'");
  g_clear_error (&error);

  /* Renaming through define. */
  g_assert_null (gvir_driver_connection_define_domain (f->conn, NEW_XML ("other", TEST_UUID, ""),
                                                       0, NULL, &error));
  assert_error_message (error, GVIR_ERROR_EXISTS,
                        "domain with UUID '" TEST_UUID "' already exists with name 'test'");
  g_clear_error (&error);

  g_assert_null (gvir_driver_connection_create_domain (f->conn, NEW_XML ("test", NEW_UUID, ""),
                                                       0, NULL, &error));
  assert_error_message (error, GVIR_ERROR_EXISTS,
                        "domain 'test' already exists with UUID '" TEST_UUID "'");
  recorder_assert_empty (&f->rec);
}

static const struct
{
  const char *xml;
  int code;
  const char *needle;   /* in the message: refused for the right reason */
} bad_definitions[] = {
  { "", GVIR_ERROR_XML,
    "Document is empty" },
  { "<domain", GVIR_ERROR_XML,
    "Couldn't find end of Start Tag" },
  { "<domain type='test'><name>x</name>", GVIR_ERROR_XML,
    "Premature end of data" },
  { "<network><name>x</name></network>", GVIR_ERROR_XML,
    "unexpected root element <network>" },
  { "<domain type='test'><memory>1024</memory></domain>", GVIR_ERROR_XML,
    "has no <name>" },
  { "<domain type='test'><name></name><memory>1024</memory></domain>", GVIR_ERROR_XML,
    "has no <name>" },
  { "<domain type='test'><name>a/b</name><memory>1024</memory></domain>", GVIR_ERROR_XML,
    "must not contain '/'" },
  { "<domain type='test'><name>x</name></domain>", GVIR_ERROR_XML,
    "has no <memory> size" },
  { "<domain type='test'><name>x</name><uuid>1234</uuid><memory>1</memory></domain>", GVIR_ERROR_XML,
    "invalid UUID '1234'" },
  { "<domain type='test'><name>x</name><memory>lots</memory></domain>", GVIR_ERROR_XML,
    "value 'lots' is not a number" },
  { "<domain type='test'><name>x</name><memory unit='parsec'>1</memory></domain>", GVIR_ERROR_XML,
    "unknown unit 'parsec'" },
  { "<domain type='test'><name>x</name><memory unit='TiB'>99999999999</memory></domain>", GVIR_ERROR_XML,
    "<memory> value is too large" },
  { "<domain type='test'><name>x</name><memory>1</memory><currentMemory>half</currentMemory>"
    "</domain>", GVIR_ERROR_XML,
    "<currentMemory> value 'half' is not a number" },
  { "<domain type='test'><name>x</name><memory>1</memory><vcpu>0</vcpu></domain>", GVIR_ERROR_XML,
    "<vcpu> value '0'" },
  { "<domain type='test'><name>x</name><memory>1</memory><vcpu current='3'>2</vcpu></domain>", GVIR_ERROR_XML,
    "<vcpu current='3'>" },
  { "<domain type='test'><name>x</name><memory>1</memory><on_reboot>explode</on_reboot></domain>", GVIR_ERROR_XML,
    "unknown <on_reboot> action 'explode'" },
  /* The coredump actions are for <on_crash> only. */
  { "<domain type='test'><name>x</name><memory>1</memory>"
    "<on_poweroff>coredump-destroy</on_poweroff></domain>", GVIR_ERROR_XML,
    "unknown <on_poweroff> action 'coredump-destroy'" },
  { "<domain type='test'><name>x</name><memory>1</memory>"
    "<numatune><memory mode='random'/></numatune></domain>", GVIR_ERROR_XML,
    "unknown <numatune><memory> mode 'random'" },
  { "<domain type='test'><name>x</name><memory>1</memory>"
    "<numatune><memory nodeset='0-'/></numatune></domain>", GVIR_ERROR_XML,
    "invalid nodeset='0-' in <numatune><memory>" },
  { "<domain type='test'><name>x</name><memory>1</memory>"
    "<numatune><memory nodeset='99999'/></numatune></domain>", GVIR_ERROR_XML,
    "invalid nodeset='99999'" },
  { "<domain type='test'><name>x</name><memory>1</memory>"
    "<numatune><memory nodeset='1,^1'/></numatune></domain>", GVIR_ERROR_XML,
    "invalid nodeset='1,^1'" },
  { "<domain type='test'><name>x</name><memory>1</memory>"
    "<numatune><memory placement='somewhere' nodeset='0'/></numatune></domain>", GVIR_ERROR_XML,
    "placement 'somewhere'" },
  { "<domain type='test'><name>x</name><memory>1</memory>"
    "<numatune><memory nodeset='0'/></numatune><numatune/></domain>", GVIR_ERROR_XML,
    "more than one <numatune>" },
  /* libvirt's NUMA rules: a static placement needs a nodeset, cell CPUs
   * stay below <vcpu> (one vCPU by default). */
  { "<domain type='test'><name>x</name><memory>1</memory>"
    "<numatune><memory mode='strict'/></numatune></domain>", GVIR_ERROR_XML,
    "needs a nodeset when its placement is static" },
  { "<domain type='test'><name>x</name><memory>1</memory>" GUEST_CELLS "</domain>", GVIR_ERROR_XML,
    "NUMA cell 1 has CPU 1, but the domain has only 1 vCPUs" },
  /* <memnode> needs guest cells, a valid cellid, one entry per cell and a nodeset. */
  { "<domain type='test'><name>x</name><memory>1</memory>"
    "<numatune><memnode cellid='0' nodeset='0'/></numatune></domain>", GVIR_ERROR_XML,
    "needs guest NUMA cells" },
  { "<domain type='test'><name>x</name><memory>1</memory><vcpu>2</vcpu>" GUEST_CELLS
    "<numatune><memnode cellid='2' nodeset='0'/></numatune></domain>", GVIR_ERROR_XML,
    "cellid 2 is out of range" },
  { "<domain type='test'><name>x</name><memory>1</memory><vcpu>2</vcpu>" GUEST_CELLS
    "<numatune><memnode cellid='one' nodeset='0'/></numatune></domain>", GVIR_ERROR_XML,
    "has no valid cellid" },
  { "<domain type='test'><name>x</name><memory>1</memory><vcpu>2</vcpu>" GUEST_CELLS
    "<numatune><memnode nodeset='0'/></numatune></domain>", GVIR_ERROR_XML,
    "has no valid cellid" },
  { "<domain type='test'><name>x</name><memory>1</memory><vcpu>2</vcpu>" GUEST_CELLS
    "<numatune><memnode cellid='0' nodeset='0'/><memnode cellid='0' nodeset='1'/></numatune>"
    "</domain>", GVIR_ERROR_XML,
    "for cell 0 appears twice" },
  { "<domain type='test'><name>x</name><memory>1</memory><vcpu>2</vcpu>" GUEST_CELLS
    "<numatune><memnode cellid='0'/></numatune></domain>", GVIR_ERROR_XML,
    "for cell 0 has no nodeset" },
  { "<domain type='test'><name>x</name><memory>1</memory><vcpu>2</vcpu>" GUEST_CELLS
    "<numatune><memnode cellid='0' nodeset='0-'/></numatune></domain>", GVIR_ERROR_XML,
    "invalid nodeset='0-' in <numatune><memnode>" },
  { "<domain type='test'><name>x</name><memory>1</memory><vcpu>2</vcpu>" GUEST_CELLS
    "<numatune><memnode cellid='0' mode='random' nodeset='0'/></numatune></domain>", GVIR_ERROR_XML,
    "unknown <numatune><memnode> mode 'random'" },
  { "<domain type='test'><name>x</name><memory>1</memory><vcpu>2</vcpu>" GUEST_CELLS
    "<numatune><memory placement='auto'/><memnode cellid='0' nodeset='0'/></numatune>"
    "</domain>", GVIR_ERROR_XML,
    "not allowed with automatic memory placement" },
};

static void
test_define_bad (Fixture *f, gconstpointer data)
{
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (bad_definitions); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GVirDriverDomain) dom = NULL;

      g_test_message ("definition %" G_GSIZE_FORMAT ": %s", i, bad_definitions[i].xml);
      dom = gvir_driver_connection_define_domain (f->conn, bad_definitions[i].xml, 0, NULL, &error);
      g_assert_null (dom);
      g_assert_error (error, GVIR_ERROR, bad_definitions[i].code);
      g_test_message ("refused: %s", error->message);
      g_assert_nonnull (strstr (error->message, bad_definitions[i].needle));
    }

  {
    g_autoptr(GError) error = NULL;

    g_assert_null (gvir_driver_connection_define_domain (f->conn, NULL, 0, NULL, &error));
    assert_error_message (error, GVIR_ERROR_INVALID_ARGUMENT, "cannot define domain: no XML given");
  }
  recorder_assert_empty (&f->rec);
}

static void
test_define_canonical (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDriverDomain) upper = NULL;
  g_autoptr(GVirDriverDomain) generated = NULL;
  g_autofree char *xml = NULL;
  char *p;
  GVirDriverDomainInfo info;

  upper = gvir_driver_connection_define_domain (f->conn,
    "<domain type='test' id='7'><name>up</name><uuid>C7A5FDBD-EDAF-9455-926A-D65C16DB1809</uuid>"
    "<memory unit='GiB'>1</memory><currentMemory unit='b'>1025</currentMemory>"
    "<vcpu current='2'>4</vcpu></domain>", 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (upper->uuid, ==, NEW_UUID);

  xml = gvir_driver_connection_get_domain_xml (f->conn, NEW_UUID, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (xml, NEW_UUID));
  g_assert_null (strstr (xml, "id="));

  g_assert_true (gvir_driver_connection_get_domain_info (f->conn, NEW_UUID, &info, NULL, &error));
  g_assert_cmpuint (info.max_mem_kib, ==, 1024 * 1024);
  g_assert_cmpuint (info.memory_kib, ==, 2);
  g_assert_cmpuint (info.nr_virt_cpu, ==, 2);

  generated = gvir_driver_connection_define_domain (f->conn,
    "<domain type='test'><name>gen</name><memory>4096</memory></domain>", 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (generated->uuid), ==, 36);
  for (p = generated->uuid; *p; p++)
    g_assert_true (*p == '-' || g_ascii_isdigit (*p) || (*p >= 'a' && *p <= 'f'));
  g_clear_pointer (&xml, g_free);
  xml = gvir_driver_connection_get_domain_xml (f->conn, generated->uuid, 0, NULL, &error);
  g_assert_nonnull (strstr (xml, generated->uuid));
}

static void
test_undefine_inactive (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  define_new (f, NEW_XML ("new", NEW_UUID, ""));
  g_assert_true (gvir_driver_connection_undefine_domain (f->conn, NEW_UUID, 0, NULL, &error));
  g_assert_no_error (error);
  recorder_expect (&f->rec, "new", GVIR_DRIVER_EVENT_UNDEFINED, GVIR_DRIVER_UNDEFINED_REMOVED);
  assert_gone (f, NEW_UUID);
}

static void
test_undefine_active (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDriverDomain) dom = NULL;

  g_assert_true (gvir_driver_connection_undefine_domain (f->conn, TEST_UUID, 0, NULL, &error));
  g_assert_no_error (error);
  recorder_expect (&f->rec, "test", GVIR_DRIVER_EVENT_UNDEFINED, GVIR_DRIVER_UNDEFINED_REMOVED);
  dom = lookup (f, TEST_UUID);
  g_assert_false (dom->persistent);
  g_assert_cmpint (dom->id, ==, 1);

  /* A transient domain cannot be undefined again... */
  g_assert_false (gvir_driver_connection_undefine_domain (f->conn, TEST_UUID, 0, NULL, &error));
  assert_error_message (error, GVIR_ERROR_OPERATION_INVALID,
                        "cannot undefine transient domain 'test'");
  g_clear_error (&error);

  /* ...and disappears when it stops, with only the STOPPED event. */
  g_assert_true (gvir_driver_connection_destroy_domain (f->conn, TEST_UUID, 0, NULL, &error));
  recorder_expect (&f->rec, "test", GVIR_DRIVER_EVENT_STOPPED, GVIR_DRIVER_STOPPED_DESTROYED);
  recorder_assert_empty (&f->rec);
  assert_gone (f, TEST_UUID);
}

/* ---- autostart ------------------------------------------------------------------ */

static void
assert_autostart (Fixture *f, const char *uuid, gboolean expected)
{
  g_autoptr(GError) error = NULL;
  gboolean autostart = !expected;

  g_assert_true (gvir_driver_connection_get_domain_autostart (f->conn, uuid, &autostart, NULL,
                                                              &error));
  g_assert_no_error (error);
  g_assert_cmpint (autostart, ==, expected);
}

static void
test_autostart (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gboolean autostart = FALSE;

  assert_autostart (f, TEST_UUID, FALSE);
  g_assert_true (gvir_driver_connection_set_domain_autostart (f->conn, TEST_UUID, TRUE, NULL,
                                                              &error));
  g_assert_no_error (error);
  assert_autostart (f, TEST_UUID, TRUE);
  g_assert_true (gvir_driver_connection_set_domain_autostart (f->conn, TEST_UUID, FALSE, NULL,
                                                              &error));
  assert_autostart (f, TEST_UUID, FALSE);

  g_assert_false (gvir_driver_connection_get_domain_autostart (f->conn, NEW_UUID, &autostart,
                                                               NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
}

/* As libvirt's test driver (not its QEMU driver): a transient domain takes
 * the mark. */
static void
test_autostart_transient (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gvir_driver_connection_undefine_domain (f->conn, TEST_UUID, 0, NULL, &error));
  g_assert_no_error (error);
  recorder_expect (&f->rec, "test", GVIR_DRIVER_EVENT_UNDEFINED, GVIR_DRIVER_UNDEFINED_REMOVED);
  assert_autostart (f, TEST_UUID, FALSE);
  g_assert_true (gvir_driver_connection_set_domain_autostart (f->conn, TEST_UUID, TRUE, NULL,
                                                              &error));
  g_assert_no_error (error);
  assert_autostart (f, TEST_UUID, TRUE);
}

/* ---- create / start / destroy ----------------------------------------------------- */

static void
test_create (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDriverDomain) dom = NULL;
  g_autoptr(GVirDriverDomain) again = NULL;

  dom = gvir_driver_connection_create_domain (f->conn, NEW_XML ("tr", NEW_UUID, ""), 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (dom->persistent);
  g_assert_cmpint (dom->id, ==, 2);
  g_assert_cmpint (dom->state, ==, GVIR_DRIVER_STATE_RUNNING);
  g_assert_cmpint (dom->reason, ==, GVIR_DRIVER_RUNNING_BOOTED);
  recorder_expect (&f->rec, "tr", GVIR_DRIVER_EVENT_STARTED, GVIR_DRIVER_STARTED_BOOTED);

  again = gvir_driver_connection_create_domain (f->conn, NEW_XML ("tr", NEW_UUID, ""), 0, NULL, &error);
  g_assert_null (again);
  assert_error_message (error, GVIR_ERROR_OPERATION_INVALID, "domain 'tr' is already running");
  g_clear_error (&error);

  g_assert_true (gvir_driver_connection_destroy_domain (f->conn, NEW_UUID, 0, NULL, &error));
  recorder_expect (&f->rec, "tr", GVIR_DRIVER_EVENT_STOPPED, GVIR_DRIVER_STOPPED_DESTROYED);
  recorder_assert_empty (&f->rec);
  assert_gone (f, NEW_UUID);
}

static void
test_create_paused (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDriverDomain) dom = NULL;

  dom = gvir_driver_connection_create_domain (f->conn, NEW_XML ("tr", NEW_UUID, ""),
                                              GVIR_DRIVER_START_PAUSED, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dom->state, ==, GVIR_DRIVER_STATE_PAUSED);
  recorder_expect (&f->rec, "tr", GVIR_DRIVER_EVENT_STARTED, GVIR_DRIVER_STARTED_BOOTED);
  recorder_expect (&f->rec, "tr", GVIR_DRIVER_EVENT_SUSPENDED, GVIR_DRIVER_SUSPENDED_PAUSED);
  assert_state (f, NEW_UUID, GVIR_DRIVER_STATE_PAUSED, GVIR_DRIVER_PAUSED_USER);
}

static void
test_start (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDriverDomain) dom = NULL;
  g_autoptr(GVirDriverDomain) by_id = NULL;

  define_new (f, NEW_XML ("new", NEW_UUID, ""));
  g_assert_true (gvir_driver_connection_start_domain (f->conn, NEW_UUID, 0, NULL, &error));
  g_assert_no_error (error);
  recorder_expect (&f->rec, "new", GVIR_DRIVER_EVENT_STARTED, GVIR_DRIVER_STARTED_BOOTED);
  dom = lookup (f, NEW_UUID);
  g_assert_cmpint (dom->id, ==, 2);
  assert_state (f, NEW_UUID, GVIR_DRIVER_STATE_RUNNING, GVIR_DRIVER_RUNNING_BOOTED);
  by_id = gvir_driver_connection_lookup_domain_by_id (f->conn, 2, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (by_id->name, ==, "new");

  g_assert_false (gvir_driver_connection_start_domain (f->conn, NEW_UUID, 0, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
  g_assert_cmpstr (error->message, ==, "domain 'new' is already running");
  recorder_assert_empty (&f->rec);
}

static void
test_ids_increase (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  int i;

  for (i = 2; i < 5; i++)
    {
      g_autoptr(GVirDriverDomain) dom = NULL;

      g_assert_true (gvir_driver_connection_destroy_domain (f->conn, TEST_UUID, 0, NULL, &error));
      g_assert_true (gvir_driver_connection_start_domain (f->conn, TEST_UUID, 0, NULL, &error));
      g_assert_no_error (error);
      dom = lookup (f, TEST_UUID);
      g_assert_cmpint (dom->id, ==, i);
    }
}

static void
test_destroy (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDriverDomain) dom = NULL;
  g_autofree char *xml = NULL;

  g_assert_true (gvir_driver_connection_destroy_domain (f->conn, TEST_UUID, 0, NULL, &error));
  g_assert_no_error (error);
  recorder_expect (&f->rec, "test", GVIR_DRIVER_EVENT_STOPPED, GVIR_DRIVER_STOPPED_DESTROYED);
  assert_state (f, TEST_UUID, GVIR_DRIVER_STATE_SHUTOFF, GVIR_DRIVER_SHUTOFF_DESTROYED);
  dom = lookup (f, TEST_UUID);
  g_assert_cmpint (dom->id, ==, -1);
  xml = gvir_driver_connection_get_domain_xml (f->conn, TEST_UUID, 0, NULL, &error);
  g_assert_null (strstr (xml, "id="));

  g_assert_false (gvir_driver_connection_destroy_domain (f->conn, TEST_UUID, 0, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
  g_assert_cmpstr (error->message, ==, "domain 'test' is not running");
  recorder_assert_empty (&f->rec);
}

/* ---- shutdown / reboot and their actions ----------------------------------------- */

static void
test_shutdown (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gvir_driver_connection_shutdown_domain (f->conn, TEST_UUID, 0, NULL, &error));
  g_assert_no_error (error);
  recorder_expect (&f->rec, "test", GVIR_DRIVER_EVENT_STOPPED, GVIR_DRIVER_STOPPED_SHUTDOWN);
  assert_state (f, TEST_UUID, GVIR_DRIVER_STATE_SHUTOFF, GVIR_DRIVER_SHUTOFF_SHUTDOWN);

  g_assert_false (gvir_driver_connection_shutdown_domain (f->conn, TEST_UUID, 0, NULL, &error));
  assert_error_message (error, GVIR_ERROR_OPERATION_INVALID, "domain 'test' is not running");
  recorder_assert_empty (&f->rec);
}

static void
test_shutdown_restart (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDriverDomain) dom = NULL;

  dom = gvir_driver_connection_create_domain (f->conn,
          NEW_XML ("r", NEW_UUID, "<on_poweroff>restart</on_poweroff>"), 0, NULL, &error);
  g_assert_no_error (error);
  recorder_expect (&f->rec, "r", GVIR_DRIVER_EVENT_STARTED, GVIR_DRIVER_STARTED_BOOTED);

  g_assert_true (gvir_driver_connection_shutdown_domain (f->conn, NEW_UUID, 0, NULL, &error));
  g_assert_no_error (error);
  recorder_assert_empty (&f->rec);
  assert_state (f, NEW_UUID, GVIR_DRIVER_STATE_RUNNING, GVIR_DRIVER_RUNNING_BOOTED);
}

static void
test_reboot (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDriverDomain) dom = NULL;

  g_assert_true (gvir_driver_connection_reboot_domain (f->conn, TEST_UUID, 0, NULL, &error));
  g_assert_no_error (error);
  recorder_assert_empty (&f->rec);
  dom = lookup (f, TEST_UUID);
  g_assert_cmpint (dom->id, ==, 1);
  g_assert_cmpint (dom->state, ==, GVIR_DRIVER_STATE_RUNNING);

  g_assert_true (gvir_driver_connection_destroy_domain (f->conn, TEST_UUID, 0, NULL, &error));
  recorder_expect (&f->rec, "test", GVIR_DRIVER_EVENT_STOPPED, GVIR_DRIVER_STOPPED_DESTROYED);
  g_assert_false (gvir_driver_connection_reboot_domain (f->conn, TEST_UUID, 0, NULL, &error));
  assert_error_message (error, GVIR_ERROR_OPERATION_INVALID, "domain 'test' is not running");
}

static void
test_reboot_destroy (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  define_new (f, NEW_XML ("r", NEW_UUID, "<on_reboot>destroy</on_reboot>"));
  g_assert_true (gvir_driver_connection_start_domain (f->conn, NEW_UUID, 0, NULL, &error));
  recorder_expect (&f->rec, "r", GVIR_DRIVER_EVENT_STARTED, GVIR_DRIVER_STARTED_BOOTED);
  g_assert_true (gvir_driver_connection_reboot_domain (f->conn, NEW_UUID, 0, NULL, &error));
  g_assert_no_error (error);
  recorder_expect (&f->rec, "r", GVIR_DRIVER_EVENT_STOPPED, GVIR_DRIVER_STOPPED_SHUTDOWN);
  assert_state (f, NEW_UUID, GVIR_DRIVER_STATE_SHUTOFF, GVIR_DRIVER_SHUTOFF_SHUTDOWN);
}

/* ---- suspend / resume ------------------------------------------------------------- */

static void
test_suspend_resume (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (gvir_driver_connection_resume_domain (f->conn, TEST_UUID, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
  g_assert_cmpstr (error->message, ==, "domain 'test' is not paused");
  g_clear_error (&error);

  g_assert_true (gvir_driver_connection_suspend_domain (f->conn, TEST_UUID, NULL, &error));
  g_assert_no_error (error);
  recorder_expect (&f->rec, "test", GVIR_DRIVER_EVENT_SUSPENDED, GVIR_DRIVER_SUSPENDED_PAUSED);
  assert_state (f, TEST_UUID, GVIR_DRIVER_STATE_PAUSED, GVIR_DRIVER_PAUSED_USER);

  g_assert_false (gvir_driver_connection_suspend_domain (f->conn, TEST_UUID, NULL, &error));
  assert_error_message (error, GVIR_ERROR_OPERATION_INVALID, "domain 'test' is already paused");
  g_clear_error (&error);

  g_assert_true (gvir_driver_connection_resume_domain (f->conn, TEST_UUID, NULL, &error));
  g_assert_no_error (error);
  recorder_expect (&f->rec, "test", GVIR_DRIVER_EVENT_RESUMED, GVIR_DRIVER_RESUMED_UNPAUSED);
  assert_state (f, TEST_UUID, GVIR_DRIVER_STATE_RUNNING, GVIR_DRIVER_RUNNING_UNPAUSED);

  g_assert_true (gvir_driver_connection_destroy_domain (f->conn, TEST_UUID, 0, NULL, &error));
  recorder_expect (&f->rec, "test", GVIR_DRIVER_EVENT_STOPPED, GVIR_DRIVER_STOPPED_DESTROYED);
  g_assert_false (gvir_driver_connection_suspend_domain (f->conn, TEST_UUID, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
  g_assert_cmpstr (error->message, ==, "domain 'test' is not running");
  recorder_assert_empty (&f->rec);
}

/* ---- saving -------------------------------------------------------------------------- */

static void
test_managed_save (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDriverDomain) saved = NULL;
  g_autoptr(GVirDriverDomain) restored = NULL;

  g_assert_true (gvir_driver_connection_managed_save_domain (f->conn, TEST_UUID, 0, NULL, &error));
  g_assert_no_error (error);
  recorder_expect (&f->rec, "test", GVIR_DRIVER_EVENT_STOPPED, GVIR_DRIVER_STOPPED_SAVED);
  assert_state (f, TEST_UUID, GVIR_DRIVER_STATE_SHUTOFF, GVIR_DRIVER_SHUTOFF_SAVED);
  saved = lookup (f, TEST_UUID);
  g_assert_true (saved->has_managed_save);

  g_assert_false (gvir_driver_connection_managed_save_domain (f->conn, TEST_UUID, 0, NULL, &error));
  assert_error_message (error, GVIR_ERROR_OPERATION_INVALID, "domain 'test' is not running");
  g_clear_error (&error);

  g_assert_false (gvir_driver_connection_undefine_domain (f->conn, TEST_UUID, 0, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
  g_assert_nonnull (strstr (error->message, "managed save"));
  g_clear_error (&error);

  g_assert_true (gvir_driver_connection_start_domain (f->conn, TEST_UUID, 0, NULL, &error));
  g_assert_no_error (error);
  recorder_expect (&f->rec, "test", GVIR_DRIVER_EVENT_STARTED, GVIR_DRIVER_STARTED_RESTORED);
  assert_state (f, TEST_UUID, GVIR_DRIVER_STATE_RUNNING, GVIR_DRIVER_RUNNING_RESTORED);
  restored = lookup (f, TEST_UUID);
  g_assert_false (restored->has_managed_save);
  recorder_assert_empty (&f->rec);
}

static void
test_managed_save_undefine (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gvir_driver_connection_managed_save_domain (f->conn, TEST_UUID, 0, NULL, &error));
  recorder_expect (&f->rec, "test", GVIR_DRIVER_EVENT_STOPPED, GVIR_DRIVER_STOPPED_SAVED);
  g_assert_true (gvir_driver_connection_undefine_domain (f->conn, TEST_UUID,
                                                         GVIR_DRIVER_UNDEFINE_MANAGED_SAVE,
                                                         NULL, &error));
  g_assert_no_error (error);
  recorder_expect (&f->rec, "test", GVIR_DRIVER_EVENT_UNDEFINED, GVIR_DRIVER_UNDEFINED_REMOVED);
  assert_gone (f, TEST_UUID);
}

static void
test_managed_save_transient (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDriverDomain) dom = NULL;

  dom = gvir_driver_connection_create_domain (f->conn, NEW_XML ("tr", NEW_UUID, ""), 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (gvir_driver_connection_managed_save_domain (f->conn, NEW_UUID, 0, NULL, &error));
  assert_error_message (error, GVIR_ERROR_OPERATION_INVALID,
                        "cannot do a managed save of transient domain 'tr'");
}

static void
test_save_restore (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gvir-save-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "test.save", NULL);
  g_autoptr(GVirDriverDomain) restored = NULL;
  g_autoptr(GVirDriverDomain) twice = NULL;

  g_assert_no_error (error);
  g_assert_true (gvir_driver_connection_save_domain_to_file (f->conn, TEST_UUID, path, NULL, 0,
                                                             NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  recorder_expect (&f->rec, "test", GVIR_DRIVER_EVENT_STOPPED, GVIR_DRIVER_STOPPED_SAVED);
  assert_state (f, TEST_UUID, GVIR_DRIVER_STATE_SHUTOFF, GVIR_DRIVER_SHUTOFF_SAVED);

  g_assert_false (gvir_driver_connection_save_domain_to_file (f->conn, TEST_UUID, path, NULL, 0,
                                                              NULL, &error));
  assert_error_message (error, GVIR_ERROR_OPERATION_INVALID, "domain 'test' is not running");
  g_clear_error (&error);

  restored = gvir_driver_connection_restore_domain_from_file (f->conn, path, NULL, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (restored->uuid, ==, TEST_UUID);
  g_assert_true (restored->persistent);
  g_assert_cmpint (restored->id, ==, 2);
  recorder_expect (&f->rec, "test", GVIR_DRIVER_EVENT_STARTED, GVIR_DRIVER_STARTED_RESTORED);
  assert_state (f, TEST_UUID, GVIR_DRIVER_STATE_RUNNING, GVIR_DRIVER_RUNNING_RESTORED);

  twice = gvir_driver_connection_restore_domain_from_file (f->conn, path, NULL, 0, NULL, &error);
  g_assert_null (twice);
  assert_error_message (error, GVIR_ERROR_OPERATION_INVALID, "domain 'test' is already running");
  recorder_assert_empty (&f->rec);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_save_restore_transient (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gvir-save-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "tr.save", NULL);
  g_autoptr(GVirDriverDomain) dom = NULL;
  g_autoptr(GVirDriverDomain) restored = NULL;

  dom = gvir_driver_connection_create_domain (f->conn, NEW_XML ("tr", NEW_UUID, ""), 0, NULL, &error);
  recorder_expect (&f->rec, "tr", GVIR_DRIVER_EVENT_STARTED, GVIR_DRIVER_STARTED_BOOTED);
  g_assert_true (gvir_driver_connection_save_domain_to_file (f->conn, NEW_UUID, path, NULL, 0,
                                                             NULL, &error));
  g_assert_no_error (error);
  recorder_expect (&f->rec, "tr", GVIR_DRIVER_EVENT_STOPPED, GVIR_DRIVER_STOPPED_SAVED);
  assert_gone (f, NEW_UUID);

  restored = gvir_driver_connection_restore_domain_from_file (f->conn, path, NULL, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (restored->persistent);
  recorder_expect (&f->rec, "tr", GVIR_DRIVER_EVENT_STARTED, GVIR_DRIVER_STARTED_RESTORED);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_restore_bad (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gvir-save-XXXXXX", &error);
  g_autofree char *junk = g_build_filename (dir, "junk", NULL);
  g_autofree char *corrupt = g_build_filename (dir, "corrupt", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing", NULL);

  g_assert_true (g_file_set_contents (junk, "hello", -1, NULL));
  g_assert_true (g_file_set_contents (corrupt, "libvirt-glib-ng test driver save image 1\n<domain",
                                      -1, NULL));

  g_assert_null (gvir_driver_connection_restore_domain_from_file (f->conn, missing, NULL, 0,
                                                                  NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, "cannot read save image '"));
  g_clear_error (&error);
  g_assert_null (gvir_driver_connection_restore_domain_from_file (f->conn, junk, NULL, 0,
                                                                  NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "' is not a save image of the test driver"));
  g_clear_error (&error);
  g_assert_null (gvir_driver_connection_restore_domain_from_file (f->conn, corrupt, NULL, 0,
                                                                  NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_XML);
  g_assert_nonnull (strstr (error->message, "' is corrupt: malformed domain XML"));
  g_clear_error (&error);
  g_assert_null (gvir_driver_connection_restore_domain_from_file (f->conn, "", NULL, 0,
                                                                  NULL, &error));
  assert_error_message (error, GVIR_ERROR_INVALID_ARGUMENT,
                        "cannot restore domain from file: no file name given");
  g_clear_error (&error);

  /* Writing into a directory that does not exist. */
  g_assert_false (gvir_driver_connection_save_domain_to_file (f->conn, TEST_UUID,
                                                              "/nonexistent-dir/x.save", NULL, 0,
                                                              NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_FAILED);
  g_assert_true (g_str_has_prefix (error->message,
                                   "cannot write save image '/nonexistent-dir/x.save': "));
  assert_state (f, TEST_UUID, GVIR_DRIVER_STATE_RUNNING, 0);
  recorder_assert_empty (&f->rec);

  g_unlink (junk);
  g_unlink (corrupt);
  g_rmdir (dir);
}

/* The XML of a save image is the definition saved, whatever the flags;
 * a read-only connection reads it, but not with the secure flag. */
static void
test_save_image_xml (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gvir-save-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "test.save", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *secure = NULL;
  g_autofree char *ro_xml = NULL;
  g_autoptr(GVirDriverConnection) ro = NULL;

  expected = gvir_driver_connection_get_domain_xml (f->conn, TEST_UUID, GVIR_DRIVER_XML_INACTIVE,
                                                    NULL, &error);
  g_assert_no_error (error);
  g_assert_true (gvir_driver_connection_save_domain_to_file (f->conn, TEST_UUID, path, NULL, 0,
                                                             NULL, &error));
  g_assert_no_error (error);
  recorder_expect (&f->rec, "test", GVIR_DRIVER_EVENT_STOPPED, GVIR_DRIVER_STOPPED_SAVED);

  xml = gvir_driver_connection_get_save_image_xml (f->conn, path, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xml, ==, expected);
  secure = gvir_driver_connection_get_save_image_xml (f->conn, path,
                                                      GVIR_DRIVER_SAVE_IMAGE_XML_SECURE, NULL,
                                                      &error);
  g_assert_no_error (error);
  g_assert_cmpstr (secure, ==, expected);
  g_assert_null (gvir_driver_connection_get_save_image_xml (f->conn, path, 1u << 1, NULL, &error));
  assert_error_message (error, GVIR_ERROR_INVALID_ARGUMENT,
                        "cannot read the XML of a save image: unsupported flags");
  g_clear_error (&error);

  ro = gvir_driver_connection_open ("test:///default", TRUE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  ro_xml = gvir_driver_connection_get_save_image_xml (ro, path, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ro_xml, ==, expected);
  g_assert_null (gvir_driver_connection_get_save_image_xml (ro, path,
                                                            GVIR_DRIVER_SAVE_IMAGE_XML_SECURE,
                                                            NULL, &error));
  assert_error_message (error, GVIR_ERROR_READ_ONLY,
                        "operation forbidden: virDomainSaveImageGetXMLDesc with secure flag");
  gvir_driver_connection_close (ro);

  /* Reading changed nothing: the domain is still saved, not restored. */
  assert_state (f, TEST_UUID, GVIR_DRIVER_STATE_SHUTOFF, GVIR_DRIVER_SHUTOFF_SAVED);
  recorder_assert_empty (&f->rec);
  g_unlink (path);
  g_rmdir (dir);
}

/* A new XML replaces the saved one when it keeps the name and UUID. */
static void
test_save_image_define (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gvir-save-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "test.save", NULL);
  g_autofree char *saved = NULL;
  g_autofree char *titled = NULL;
  g_autofree char *after = NULL;
  g_autofree char *unchanged = NULL;
  g_autoptr(GVirDriverConnection) ro = NULL;

  g_assert_true (gvir_driver_connection_save_domain_to_file (f->conn, TEST_UUID, path, NULL, 0,
                                                             NULL, &error));
  g_assert_no_error (error);
  recorder_expect (&f->rec, "test", GVIR_DRIVER_EVENT_STOPPED, GVIR_DRIVER_STOPPED_SAVED);
  saved = gvir_driver_connection_get_save_image_xml (f->conn, path, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (saved, "<title>"));
  titled = g_strjoin ("", "<domain type=\"test\">\n  <title>edited</title>",
                      strstr (saved, "\n  <name>"), NULL);

  g_assert_true (gvir_driver_connection_define_save_image_xml (f->conn, path, titled,
                                                               GVIR_DRIVER_SAVE_IMAGE_PAUSED,
                                                               NULL, &error));
  g_assert_no_error (error);
  after = gvir_driver_connection_get_save_image_xml (f->conn, path, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (after, "<title>edited</title>"));
  g_assert_nonnull (strstr (after, "<uuid>" TEST_UUID "</uuid>"));

  /* Another domain's XML, a read-only connection, both state flags: refused. */
  g_assert_false (gvir_driver_connection_define_save_image_xml (f->conn, path,
                                                                NEW_XML ("other", TEST_UUID, ""),
                                                                0, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "describes domain 'other'"));
  g_clear_error (&error);
  g_assert_false (gvir_driver_connection_define_save_image_xml (
                    f->conn, path, titled,
                    GVIR_DRIVER_SAVE_IMAGE_RUNNING | GVIR_DRIVER_SAVE_IMAGE_PAUSED, NULL, &error));
  assert_error_message (error, GVIR_ERROR_INVALID_ARGUMENT,
                        "cannot replace the XML of a save image: "
                        "running and paused are mutually exclusive");
  g_clear_error (&error);
  ro = gvir_driver_connection_open ("test:///default", TRUE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (gvir_driver_connection_define_save_image_xml (ro, path, saved, 0, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_READ_ONLY);
  g_clear_error (&error);
  gvir_driver_connection_close (ro);
  unchanged = gvir_driver_connection_get_save_image_xml (f->conn, path, 0, NULL, &error);
  g_assert_cmpstr (unchanged, ==, after);

  recorder_assert_empty (&f->rec);
  g_unlink (path);
  g_rmdir (dir);
}

static void
assert_save_image_error (Fixture *f, const char *path, int code, const char *part)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (gvir_driver_connection_get_save_image_xml (f->conn, path, 0, NULL, &error));
  g_assert_error (error, GVIR_ERROR, code);
  g_assert_nonnull (strstr (error->message, part));
}

static void
test_save_image_xml_bad (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gvir-save-XXXXXX", &error);
  g_autofree char *junk = g_build_filename (dir, "junk", NULL);
  g_autofree char *truncated = g_build_filename (dir, "truncated", NULL);
  g_autofree char *corrupt = g_build_filename (dir, "corrupt", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing", NULL);

  g_assert_true (g_file_set_contents (junk, "hello", -1, NULL));
  g_assert_true (g_file_set_contents (truncated, "libvirt-glib-ng test dri", -1, NULL));
  g_assert_true (g_file_set_contents (corrupt, "libvirt-glib-ng test driver save image 1\n<domain",
                                      -1, NULL));

  assert_save_image_error (f, missing, GVIR_ERROR_NOT_FOUND, "cannot read save image '");
  assert_save_image_error (f, junk, GVIR_ERROR_INVALID_ARGUMENT,
                           "' is not a save image of the test driver");
  assert_save_image_error (f, truncated, GVIR_ERROR_INVALID_ARGUMENT,
                           "' is not a save image of the test driver");
  assert_save_image_error (f, corrupt, GVIR_ERROR_XML, "' is corrupt: malformed domain XML");
  assert_save_image_error (f, dir, GVIR_ERROR_INVALID_ARGUMENT, "' is not a regular file");
  g_assert_null (gvir_driver_connection_get_save_image_xml (f->conn, "", 0, NULL, &error));
  assert_error_message (error, GVIR_ERROR_INVALID_ARGUMENT,
                        "cannot read the XML of a save image: no file name given");

  g_unlink (junk);
  g_unlink (truncated);
  g_unlink (corrupt);
  g_rmdir (dir);
}

/* ---- NUMA parameters ---------------------------------------------------------------- */

static void
assert_numa (Fixture *f, guint flags, int mode, const char *nodeset)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *set = NULL;
  int m = -1;

  g_assert_true (gvir_driver_connection_get_numa_parameters (f->conn, TEST_UUID, flags, &m, &set,
                                                             NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (m, ==, mode);
  g_assert_cmpstr (set, ==, nodeset);
}

static void
test_numa (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *inactive = NULL;
  g_autofree char *live = NULL;

  assert_numa (f, 0, 0, "");
  assert_numa (f, GVIR_DRIVER_AFFECT_CONFIG, 0, "");

  /* Config: mode and nodeset, stored in the persistent XML. */
  g_assert_true (gvir_driver_connection_set_numa_parameters (f->conn, TEST_UUID, 2, "1,0",
                                                             GVIR_DRIVER_AFFECT_CONFIG, NULL, &error));
  g_assert_no_error (error);
  assert_numa (f, GVIR_DRIVER_AFFECT_CONFIG, 2, "0-1");
  assert_numa (f, GVIR_DRIVER_AFFECT_LIVE, 0, "");
  inactive = gvir_driver_connection_get_domain_xml (f->conn, TEST_UUID, GVIR_DRIVER_XML_INACTIVE,
                                                    NULL, &error);
  g_assert_nonnull (strstr (inactive, "<numatune>"));
  g_assert_nonnull (strstr (inactive, "interleave"));

  /* Live: the mode of a running domain is fixed, the nodeset is not. */
  g_assert_false (gvir_driver_connection_set_numa_parameters (f->conn, TEST_UUID, 1, NULL,
                                                              GVIR_DRIVER_AFFECT_LIVE, NULL, &error));
  assert_error_message (error, GVIR_ERROR_OPERATION_INVALID,
                        "cannot change the NUMA mode of running domain 'test'");
  g_clear_error (&error);
  g_assert_true (gvir_driver_connection_set_numa_parameters (f->conn, TEST_UUID, -1, "1",
                                                             GVIR_DRIVER_AFFECT_LIVE, NULL, &error));
  g_assert_no_error (error);
  assert_numa (f, 0, 0, "1");
  live = gvir_driver_connection_get_domain_xml (f->conn, TEST_UUID, 0, NULL, &error);
  g_assert_nonnull (strstr (live, "nodeset='1'"));

  /* Once stopped, the persistent definition is what remains. */
  g_assert_true (gvir_driver_connection_destroy_domain (f->conn, TEST_UUID, 0, NULL, &error));
  assert_numa (f, 0, 2, "0-1");
  g_assert_false (gvir_driver_connection_get_numa_parameters (f->conn, TEST_UUID,
                                                              GVIR_DRIVER_AFFECT_LIVE, NULL, NULL,
                                                              NULL, &error));
  assert_error_message (error, GVIR_ERROR_OPERATION_INVALID,
                        "domain 'test' is not running: its live NUMA parameters do not exist");
  g_clear_error (&error);
  g_assert_true (gvir_driver_connection_set_numa_parameters (f->conn, TEST_UUID, 3, NULL, 0,
                                                             NULL, &error));
  assert_numa (f, 0, 3, "0-1");
}

static void
test_numa_bad (Fixture *f, gconstpointer data)
{
  static const char *const bad_sets[] = { "", "^0", "0-", "-1", "a", "1,,2", "3-1", "16384", "0 1" };
  g_autoptr(GError) error = NULL;
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (bad_sets); i++)
    {
      g_test_message ("nodeset '%s'", bad_sets[i]);
      g_assert_false (gvir_driver_connection_set_numa_parameters (f->conn, TEST_UUID, -1, bad_sets[i],
                                                                  GVIR_DRIVER_AFFECT_CONFIG,
                                                                  NULL, &error));
      g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
      g_clear_error (&error);
    }

  g_assert_false (gvir_driver_connection_set_numa_parameters (f->conn, TEST_UUID, 4, NULL, 0, NULL, &error));
  assert_error_message (error, GVIR_ERROR_INVALID_ARGUMENT,
                        "cannot set NUMA parameters: the NUMA mode must be 0 (strict), "
                        "1 (preferred), 2 (interleave), 3 (restrictive) or -1 (unchanged)");
  g_clear_error (&error);

  /* Accepted forms are canonicalised. */
  g_assert_true (gvir_driver_connection_set_numa_parameters (f->conn, TEST_UUID, -1, " 0 - 1 ,^0, 0",
                                                             GVIR_DRIVER_AFFECT_CONFIG, NULL, &error));
  g_assert_no_error (error);
  assert_numa (f, GVIR_DRIVER_AFFECT_CONFIG, 0, "0-1");
}

/* ---- NUMA placement against the host (test:///default has nodes 0-1) ------------------ */

#define NUMATUNE(nodeset) "<numatune><memory mode='strict' nodeset='" nodeset "'/></numatune>"
#define MEMNODE(nodeset) \
  GUEST_CELLS "<numatune><memnode cellid='0' nodeset='0'/>" \
  "<memnode cellid='1' mode='preferred' nodeset='" nodeset "'/></numatune>"

static void
assert_unavailable (const GError *error, const char *message)
{
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NUMA_UNAVAILABLE);
  g_assert_cmpstr (error->message, ==, message);
}

static char *
inactive_xml (Fixture *f, const char *uuid)
{
  g_autoptr(GError) error = NULL;
  char *xml = gvir_driver_connection_get_domain_xml (f->conn, uuid, GVIR_DRIVER_XML_INACTIVE,
                                                     NULL, &error);

  g_assert_no_error (error);
  return xml;
}

/* The XML of the default domain "test" with @extra before </domain>. */
static char *
test_domain_with (Fixture *f, const char *extra)
{
  g_autofree char *xml = inactive_xml (f, TEST_UUID);
  char *end = strstr (xml, "</domain>");

  g_assert_nonnull (end);
  *end = '\0';
  return g_strconcat (xml, extra, "</domain>", NULL);
}

static void
test_placement_define (Fixture *f, gconstpointer data)
{
  static const struct { const char *xml; const char *message; } refused[] = {
    { NEW_XML ("new", NEW_UUID, NUMATUNE ("4")), "NUMA node 4 is unavailable: host has nodes 0-1" },
    /* The lowest missing node is named. */
    { NEW_XML ("new", NEW_UUID, NUMATUNE ("0-4")), "NUMA node 2 is unavailable: host has nodes 0-1" },
    { NEW_XML ("new", NEW_UUID, NUMATUNE ("0-3,^2,5")), "NUMA node 3 is unavailable: host has nodes 0-1" },
    { NEW_XML ("new", NEW_UUID, MEMNODE ("0,5")), "NUMA node 5 is unavailable: host has nodes 0-1" },
    { NEW_XML ("new", NEW_UUID, GUEST_CELLS
               "<numatune><memory nodeset='1'/><memnode cellid='1' nodeset='16383'/></numatune>"),
      "NUMA node 16383 is unavailable: host has nodes 0-1" },
  };
  g_autofree char *before = inactive_xml (f, TEST_UUID);
  g_autofree char *update = test_domain_with (f, NUMATUNE ("2"));
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_test_message ("definition %" G_GSIZE_FORMAT ": %s", i, refused[i].xml);
      g_assert_null (gvir_driver_connection_define_domain (f->conn, refused[i].xml, 0, NULL, &error));
      assert_unavailable (error, refused[i].message);
      g_clear_error (&error);
      assert_gone (f, NEW_UUID);
    }

  /* Updating an existing definition: refused, and the stored XML stays. */
  g_assert_null (gvir_driver_connection_define_domain (f->conn, update, 0, NULL, &error));
  assert_unavailable (error, "NUMA node 2 is unavailable: host has nodes 0-1");
  g_clear_error (&error);
  after = inactive_xml (f, TEST_UUID);
  g_assert_cmpstr (after, ==, before);
  assert_state (f, TEST_UUID, GVIR_DRIVER_STATE_RUNNING, 0);
  recorder_assert_empty (&f->rec);

  /* Every node of the host may be named. */
  define_new (f, NEW_XML ("new", NEW_UUID, GUEST_CELLS
                          "<numatune><memory nodeset='0-1'/><memnode cellid='1' nodeset='1'/>"
                          "</numatune>"));
}

static void
test_placement_bad_syntax (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  /* Malformed nodesets are XML errors that quote the attribute. */
  g_assert_null (gvir_driver_connection_define_domain (f->conn,
                                                       NEW_XML ("new", NEW_UUID, NUMATUNE ("0-")),
                                                       0, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_XML);
  g_assert_nonnull (strstr (error->message, "nodeset='0-'"));
  g_assert_nonnull (strstr (error->message, "<numatune><memory>"));
  g_clear_error (&error);

  g_assert_null (gvir_driver_connection_define_domain (f->conn,
                                                       NEW_XML ("new", NEW_UUID, MEMNODE ("1;2")),
                                                       0, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_XML);
  g_assert_nonnull (strstr (error->message, "nodeset='1;2'"));
  g_assert_nonnull (strstr (error->message, "<numatune><memnode>"));
  g_clear_error (&error);
  assert_gone (f, NEW_UUID);
  recorder_assert_empty (&f->rec);
}

static void
test_placement_auto (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *nodeset = NULL;
  int mode = -1;

  /* With placement='auto' the host picks the nodes and libvirt ignores
   * a nodeset, so an absent node there is no error. */
  define_new (f, NEW_XML ("new", NEW_UUID,
                          "<numatune><memory mode='interleave' placement='auto' nodeset='7'/>"
                          "</numatune>"));
  g_assert_true (gvir_driver_connection_get_numa_parameters (f->conn, NEW_UUID, 0, &mode, &nodeset,
                                                             NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mode, ==, 2);
  g_assert_cmpstr (nodeset, ==, "");
  g_assert_true (gvir_driver_connection_start_domain (f->conn, NEW_UUID, 0, NULL, &error));
  g_assert_no_error (error);
  recorder_expect (&f->rec, "new", GVIR_DRIVER_EVENT_STARTED, GVIR_DRIVER_STARTED_BOOTED);
}

static void
test_placement_create (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDriverDomain) dom = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  /* A new transient domain. */
  g_assert_null (gvir_driver_connection_create_domain (f->conn,
                                                       NEW_XML ("tr", NEW_UUID, NUMATUNE ("0-4")),
                                                       0, NULL, &error));
  assert_unavailable (error, "NUMA node 2 is unavailable: host has nodes 0-1");
  g_clear_error (&error);
  assert_gone (f, NEW_UUID);
  g_assert_null (gvir_driver_connection_create_domain (f->conn,
                                                       NEW_XML ("tr", NEW_UUID, MEMNODE ("3")),
                                                       0, NULL, &error));
  assert_unavailable (error, "NUMA node 3 is unavailable: host has nodes 0-1");
  g_clear_error (&error);
  assert_gone (f, NEW_UUID);

  /* Starting a defined domain with another definition: it stays off and
   * keeps its own XML. */
  define_new (f, NEW_XML ("new", NEW_UUID, ""));
  before = inactive_xml (f, NEW_UUID);
  g_assert_null (gvir_driver_connection_create_domain (f->conn,
                                                       NEW_XML ("new", NEW_UUID, NUMATUNE ("9")),
                                                       0, NULL, &error));
  assert_unavailable (error, "NUMA node 9 is unavailable: host has nodes 0-1");
  g_clear_error (&error);
  assert_state (f, NEW_UUID, GVIR_DRIVER_STATE_SHUTOFF, GVIR_DRIVER_SHUTOFF_UNKNOWN);
  after = inactive_xml (f, NEW_UUID);
  g_assert_cmpstr (after, ==, before);
  recorder_assert_empty (&f->rec);

  dom = gvir_driver_connection_create_domain (f->conn, NEW_XML ("new", NEW_UUID, NUMATUNE ("1,0")),
                                              0, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dom);
  g_assert_cmpstr (dom->uuid, ==, NEW_UUID);
  g_assert_cmpint (dom->id, ==, 2);
  g_assert_cmpint (dom->state, ==, GVIR_DRIVER_STATE_RUNNING);
  recorder_expect (&f->rec, "new", GVIR_DRIVER_EVENT_STARTED, GVIR_DRIVER_STARTED_BOOTED);
}

static void
test_placement_restore (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gvir-save-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "test.save", NULL);
  g_autofree char *foreign = g_build_filename (dir, "foreign.save", NULL);
  g_autofree char *custom = test_domain_with (f, NUMATUNE ("7"));
  g_autofree char *image = NULL;
  g_autoptr(GVirDriverDomain) restored = NULL;

  g_assert_no_error (error);
  g_assert_true (gvir_driver_connection_save_domain_to_file (f->conn, TEST_UUID, path, NULL, 0,
                                                             NULL, &error));
  g_assert_no_error (error);
  recorder_expect (&f->rec, "test", GVIR_DRIVER_EVENT_STOPPED, GVIR_DRIVER_STOPPED_SAVED);

  /* A replacement definition naming an absent node. */
  g_assert_null (gvir_driver_connection_restore_domain_from_file (f->conn, path, custom, 0,
                                                                  NULL, &error));
  assert_unavailable (error, "NUMA node 7 is unavailable: host has nodes 0-1");
  g_clear_error (&error);

  /* An image saved on a bigger host. */
  image = g_strconcat ("libvirt-glib-ng test driver save image 1\n", custom, NULL);
  g_assert_true (g_file_set_contents (foreign, image, -1, NULL));
  g_assert_null (gvir_driver_connection_restore_domain_from_file (f->conn, foreign, NULL, 0,
                                                                  NULL, &error));
  assert_unavailable (error, "NUMA node 7 is unavailable: host has nodes 0-1");
  g_clear_error (&error);
  assert_state (f, TEST_UUID, GVIR_DRIVER_STATE_SHUTOFF, GVIR_DRIVER_SHUTOFF_SAVED);
  recorder_assert_empty (&f->rec);

  restored = gvir_driver_connection_restore_domain_from_file (f->conn, path, NULL, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (restored);
  g_assert_cmpstr (restored->uuid, ==, TEST_UUID);
  g_assert_cmpint (restored->id, ==, 2);
  recorder_expect (&f->rec, "test", GVIR_DRIVER_EVENT_STARTED, GVIR_DRIVER_STARTED_RESTORED);
  assert_state (f, TEST_UUID, GVIR_DRIVER_STATE_RUNNING, GVIR_DRIVER_RUNNING_RESTORED);

  g_unlink (path);
  g_unlink (foreign);
  g_rmdir (dir);
}

static void
test_placement_set_numa (Fixture *f, gconstpointer data)
{
  static const guint flag_sets[] = { 0, GVIR_DRIVER_AFFECT_LIVE, GVIR_DRIVER_AFFECT_CONFIG,
                                     GVIR_DRIVER_AFFECT_LIVE | GVIR_DRIVER_AFFECT_CONFIG };
  g_autoptr(GError) error = NULL;
  g_autofree char *live_before = NULL;
  g_autofree char *live_after = NULL;
  g_autofree char *config_before = inactive_xml (f, TEST_UUID);
  g_autofree char *config_after = NULL;
  gsize i;

  live_before = gvir_driver_connection_get_domain_xml (f->conn, TEST_UUID, 0, NULL, &error);
  g_assert_no_error (error);

  for (i = 0; i < G_N_ELEMENTS (flag_sets); i++)
    {
      g_test_message ("flags %u", flag_sets[i]);
      g_assert_false (gvir_driver_connection_set_numa_parameters (f->conn, TEST_UUID, -1, "0-4",
                                                                  flag_sets[i], NULL, &error));
      assert_unavailable (error, "NUMA node 2 is unavailable: host has nodes 0-1");
      g_clear_error (&error);
      /* The mode is valid here: the nodeset alone is refused. */
      g_assert_false (gvir_driver_connection_set_numa_parameters (f->conn, TEST_UUID, 0, "3",
                                                                  flag_sets[i], NULL, &error));
      assert_unavailable (error, "NUMA node 3 is unavailable: host has nodes 0-1");
      g_clear_error (&error);
    }

  assert_numa (f, GVIR_DRIVER_AFFECT_LIVE, 0, "");
  assert_numa (f, GVIR_DRIVER_AFFECT_CONFIG, 0, "");
  live_after = gvir_driver_connection_get_domain_xml (f->conn, TEST_UUID, 0, NULL, &error);
  g_assert_cmpstr (live_after, ==, live_before);
  config_after = inactive_xml (f, TEST_UUID);
  g_assert_cmpstr (config_after, ==, config_before);
  assert_state (f, TEST_UUID, GVIR_DRIVER_STATE_RUNNING, 0);
  recorder_assert_empty (&f->rec);

  /* The whole host is fine, live and config at once. */
  g_assert_true (gvir_driver_connection_set_numa_parameters (f->conn, TEST_UUID, -1, "0-1",
                                                             GVIR_DRIVER_AFFECT_LIVE |
                                                             GVIR_DRIVER_AFFECT_CONFIG,
                                                             NULL, &error));
  g_assert_no_error (error);
  assert_numa (f, GVIR_DRIVER_AFFECT_LIVE, 0, "0-1");
  assert_numa (f, GVIR_DRIVER_AFFECT_CONFIG, 0, "0-1");
}

static void
test_placement_set_numa_inactive (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *nodeset = NULL;
  int mode = -1;

  define_new (f, NEW_XML ("new", NEW_UUID, GUEST_CELLS
                          "<numatune><memory nodeset='1'/>"
                          "<memnode cellid='1' mode='preferred' nodeset='0'/></numatune>"));
  before = inactive_xml (f, NEW_UUID);

  /* Neither the mode nor the nodeset change when the nodeset is refused. */
  g_assert_false (gvir_driver_connection_set_numa_parameters (f->conn, NEW_UUID, 2, "0-4", 0,
                                                              NULL, &error));
  assert_unavailable (error, "NUMA node 2 is unavailable: host has nodes 0-1");
  g_clear_error (&error);
  after = inactive_xml (f, NEW_UUID);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (gvir_driver_connection_get_numa_parameters (f->conn, NEW_UUID, 0, &mode, &nodeset,
                                                             NULL, &error));
  g_assert_cmpint (mode, ==, 0);
  g_assert_cmpstr (nodeset, ==, "1");

  /* The memnode entries stay valid and the domain still starts. */
  g_assert_true (gvir_driver_connection_set_numa_parameters (f->conn, NEW_UUID, 2, "0-1", 0,
                                                             NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&nodeset, g_free);
  g_assert_true (gvir_driver_connection_get_numa_parameters (f->conn, NEW_UUID, 0, &mode, &nodeset,
                                                             NULL, &error));
  g_assert_cmpint (mode, ==, 2);
  g_assert_cmpstr (nodeset, ==, "0-1");
  g_clear_pointer (&after, g_free);
  after = inactive_xml (f, NEW_UUID);
  g_assert_nonnull (strstr (after, "cellid='1' mode='preferred' nodeset='0'"));
  g_assert_true (gvir_driver_connection_start_domain (f->conn, NEW_UUID, 0, NULL, &error));
  g_assert_no_error (error);
  recorder_expect (&f->rec, "new", GVIR_DRIVER_EVENT_STARTED, GVIR_DRIVER_STARTED_BOOTED);
}

/* libvirt's rule: a static placement needs a nodeset, so the mode alone
 * cannot be set on a domain that has none; nothing changes then. */
static void
test_numa_mode_needs_nodeset (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *nodeset = NULL;
  int mode = -1;

  define_new (f, NEW_XML ("new", NEW_UUID, ""));
  before = inactive_xml (f, NEW_UUID);
  g_assert_false (gvir_driver_connection_set_numa_parameters (f->conn, NEW_UUID, 2, NULL, 0,
                                                              NULL, &error));
  assert_error_message (error, GVIR_ERROR_INVALID_ARGUMENT,
                        "cannot set the NUMA parameters of domain 'new': <numatune><memory> "
                        "needs a nodeset when its placement is static");
  g_clear_error (&error);
  after = inactive_xml (f, NEW_UUID);
  g_assert_cmpstr (after, ==, before);

  /* With a nodeset it may. */
  g_assert_true (gvir_driver_connection_set_numa_parameters (f->conn, NEW_UUID, 2, "0", 0,
                                                             NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gvir_driver_connection_get_numa_parameters (f->conn, NEW_UUID, 0, &mode, &nodeset,
                                                             NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mode, ==, 2);
  g_assert_cmpstr (nodeset, ==, "0");
  recorder_assert_empty (&f->rec);
}

/* A live change of a running persistent domain leaves its persistent
 * definition as it was. */
static void
test_numa_live_keeps_config (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *config_before = inactive_xml (f, TEST_UUID);
  g_autofree char *config_after = NULL;

  g_assert_true (gvir_driver_connection_set_numa_parameters (f->conn, TEST_UUID, -1, "1",
                                                             GVIR_DRIVER_AFFECT_LIVE, NULL, &error));
  g_assert_no_error (error);
  assert_numa (f, GVIR_DRIVER_AFFECT_LIVE, 0, "1");
  assert_numa (f, GVIR_DRIVER_AFFECT_CONFIG, 0, "");
  config_after = inactive_xml (f, TEST_UUID);
  g_assert_cmpstr (config_after, ==, config_before);
}

/* ---- the memory balloon ------------------------------------------------------------ */

static void
assert_memory (Fixture *f, const char *uuid, guint64 max_kib, guint64 kib)
{
  g_autoptr(GError) error = NULL;
  GVirDriverDomainInfo info = { 0 };

  g_assert_true (gvir_driver_connection_get_domain_info (f->conn, uuid, &info, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (info.max_mem_kib, ==, max_kib);
  g_assert_cmpuint (info.memory_kib, ==, kib);
}

/* The persistent definition's <memory> and <currentMemory>, as text. */
static void
assert_config_memory (Fixture *f, const char *uuid, const char *max_kib, const char *kib)
{
  g_autofree char *xml = inactive_xml (f, uuid);
  g_autofree char *max_elem = g_strdup_printf ("<memory unit='KiB'>%s</memory>", max_kib);
  g_autofree char *cur_elem = g_strdup_printf ("<currentMemory unit='KiB'>%s</currentMemory>",
                                               kib);

  if (strstr (xml, max_elem) == NULL || strstr (xml, cur_elem) == NULL)
    g_error ("want %s and %s in:\n%s", max_elem, cur_elem, xml);
}

static void
set_memory_ok (Fixture *f, const char *uuid, guint64 kib, guint flags)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gvir_driver_connection_set_memory (f->conn, uuid, kib, flags, NULL, &error));
  g_assert_no_error (error);
}

static void
set_memory_fails (Fixture *f, const char *uuid, guint64 kib, guint flags, int code,
                  const char *message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (gvir_driver_connection_set_memory (f->conn, uuid, kib, flags, NULL, &error));
  assert_error_message (error, code, message);
}

/* A running domain: the balloon live or in the persistent definition,
 * the maximum in the persistent definition only, as libvirt 9.0's test
 * driver does. */
static void
test_memory_running (Fixture *f, gconstpointer data)
{
  set_memory_ok (f, TEST_UUID, 1000000, 0);
  assert_memory (f, TEST_UUID, 8388608, 1000000);
  assert_config_memory (f, TEST_UUID, "8388608", "2097152");
  set_memory_ok (f, TEST_UUID, 1500000, GVIR_DRIVER_AFFECT_LIVE);
  assert_memory (f, TEST_UUID, 8388608, 1500000);

  set_memory_ok (f, TEST_UUID, 3000000, GVIR_DRIVER_AFFECT_CONFIG);
  assert_memory (f, TEST_UUID, 8388608, 1500000);
  assert_config_memory (f, TEST_UUID, "8388608", "3000000");

  set_memory_fails (f, TEST_UUID, 8388609, 0, GVIR_ERROR_INVALID_ARGUMENT,
                    "cannot set memory higher than max memory");
  set_memory_fails (f, TEST_UUID, 1000, GVIR_DRIVER_AFFECT_LIVE | GVIR_DRIVER_AFFECT_CONFIG,
                    GVIR_ERROR_INVALID_ARGUMENT,
                    "Flags 'VIR_DOMAIN_AFFECT_LIVE' and 'VIR_DOMAIN_AFFECT_CONFIG' are "
                    "mutually exclusive");
  set_memory_fails (f, TEST_UUID, 0, 0, GVIR_ERROR_INVALID_ARGUMENT,
                    "memory in virDomainSetMemoryFlags must not be zero");
  set_memory_fails (f, TEST_UUID, 4000000, GVIR_DRIVER_MEM_MAXIMUM, GVIR_ERROR_OPERATION_INVALID,
                    "cannot resize the maximum memory on an active domain");
  set_memory_fails (f, TEST_UUID, 4000000, GVIR_DRIVER_MEM_MAXIMUM | GVIR_DRIVER_AFFECT_LIVE,
                    GVIR_ERROR_OPERATION_INVALID,
                    "cannot resize the maximum memory on an active domain");
  assert_memory (f, TEST_UUID, 8388608, 1500000);

  /* The persistent maximum may grow, and pulls the balloon down when it
   * shrinks below it. */
  set_memory_ok (f, TEST_UUID, 9000000, GVIR_DRIVER_MEM_MAXIMUM | GVIR_DRIVER_AFFECT_CONFIG);
  assert_config_memory (f, TEST_UUID, "9000000", "3000000");
  set_memory_ok (f, TEST_UUID, 9000000, GVIR_DRIVER_AFFECT_CONFIG);
  assert_config_memory (f, TEST_UUID, "9000000", "9000000");
  set_memory_ok (f, TEST_UUID, 2000000, GVIR_DRIVER_MEM_MAXIMUM | GVIR_DRIVER_AFFECT_CONFIG);
  assert_config_memory (f, TEST_UUID, "2000000", "2000000");
  assert_memory (f, TEST_UUID, 8388608, 1500000);

  /* Stopped, the persistent definition is what remains. */
  g_assert_true (gvir_driver_connection_destroy_domain (f->conn, TEST_UUID, 0, NULL, NULL));
  assert_memory (f, TEST_UUID, 2000000, 2000000);
}

static void
test_memory_stopped (Fixture *f, gconstpointer data)
{
  g_assert_true (gvir_driver_connection_destroy_domain (f->conn, TEST_UUID, 0, NULL, NULL));

  set_memory_fails (f, TEST_UUID, 1000000, GVIR_DRIVER_AFFECT_LIVE, GVIR_ERROR_OPERATION_INVALID,
                    "domain is not running");
  set_memory_fails (f, TEST_UUID, 1000000, GVIR_DRIVER_AFFECT_LIVE | GVIR_DRIVER_MEM_MAXIMUM,
                    GVIR_ERROR_OPERATION_INVALID, "domain is not running");
  set_memory_fails (f, TEST_UUID, 8388609, GVIR_DRIVER_AFFECT_CONFIG, GVIR_ERROR_INVALID_ARGUMENT,
                    "cannot set memory higher than max memory");
  assert_memory (f, TEST_UUID, 8388608, 2097152);

  set_memory_ok (f, TEST_UUID, 1000000, 0);
  assert_memory (f, TEST_UUID, 8388608, 1000000);
  set_memory_ok (f, TEST_UUID, 1200000, GVIR_DRIVER_AFFECT_CONFIG);
  assert_memory (f, TEST_UUID, 8388608, 1200000);
  set_memory_ok (f, TEST_UUID, 3000000, GVIR_DRIVER_MEM_MAXIMUM);
  assert_memory (f, TEST_UUID, 3000000, 1200000);
  set_memory_ok (f, TEST_UUID, 100, GVIR_DRIVER_MEM_MAXIMUM);
  assert_memory (f, TEST_UUID, 100, 100);
  assert_config_memory (f, TEST_UUID, "100", "100");

  /* The next boot runs with the changed definition. */
  g_assert_true (gvir_driver_connection_start_domain (f->conn, TEST_UUID, 0, NULL, NULL));
  assert_memory (f, TEST_UUID, 100, 100);
}

static void
test_memory_transient (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDriverDomain) dom =
    gvir_driver_connection_create_domain (f->conn, NEW_XML ("tr", NEW_UUID, ""), 0, NULL, &error);

  g_assert_no_error (error);
  g_assert_false (dom->persistent);
  recorder_expect (&f->rec, "tr", GVIR_DRIVER_EVENT_STARTED, GVIR_DRIVER_STARTED_BOOTED);
  set_memory_fails (f, NEW_UUID, 1000, GVIR_DRIVER_AFFECT_CONFIG, GVIR_ERROR_OPERATION_INVALID,
                    "transient domain 'tr' has no persistent configuration");
  set_memory_fails (f, NEW_UUID, 524289, 0, GVIR_ERROR_INVALID_ARGUMENT,
                    "cannot set memory higher than max memory");
  set_memory_ok (f, NEW_UUID, 300000, 0);
  assert_memory (f, NEW_UUID, 524288, 300000);
  set_memory_fails (f, "00000000-0000-0000-0000-000000000000", 1000, 0, GVIR_ERROR_NOT_FOUND,
                    "no domain with UUID '00000000-0000-0000-0000-000000000000'");
}

/* A new maximum is refused where guest NUMA cells give the sizes, and
 * past the hotplug ceiling <maxMemory> (up to it is fine), as libvirt
 * 9.0's test driver refuses them; nothing changes on a refusal. */
static void
test_memory_maximum_limits (Fixture *f, gconstpointer data)
{
  define_new (f, NEW_XML ("numa", NEW_UUID,
                          "<cpu><numa><cell id='0' cpus='0-1' memory='524288' unit='KiB'/>"
                          "</numa></cpu>"));
  set_memory_fails (f, NEW_UUID, 600000, GVIR_DRIVER_MEM_MAXIMUM | GVIR_DRIVER_AFFECT_CONFIG,
                    GVIR_ERROR_OPERATION_INVALID,
                    "initial memory size of a domain with NUMA nodes cannot be modified with "
                    "this API");
  assert_memory (f, NEW_UUID, 524288, 524288);
  /* The balloon of such a domain still moves. */
  set_memory_ok (f, NEW_UUID, 400000, GVIR_DRIVER_AFFECT_CONFIG);
  assert_memory (f, NEW_UUID, 524288, 400000);

  define_new (f, NEW_XML ("hot", OTHER_UUID,
                          "<maxMemory slots='4' unit='KiB'>1048576</maxMemory>"));
  set_memory_fails (f, OTHER_UUID, 1048577, GVIR_DRIVER_MEM_MAXIMUM,
                    GVIR_ERROR_OPERATION_INVALID,
                    "cannot set initial memory size greater than the maximum memory size");
  assert_memory (f, OTHER_UUID, 524288, 524288);
  set_memory_ok (f, OTHER_UUID, 1048576, GVIR_DRIVER_MEM_MAXIMUM);
  assert_memory (f, OTHER_UUID, 1048576, 524288);
}

static guint
memory_stats (Fixture *f, GVirDriverMemoryStat *stats, guint max_stats)
{
  g_autoptr(GError) error = NULL;
  int n = gvir_driver_connection_get_memory_stats (f->conn, TEST_UUID, stats, max_stats, 0, NULL,
                                                   &error);

  g_assert_no_error (error);
  g_assert_cmpint (n, >=, 0);
  return (guint) n;
}

/* libvirt's test driver's figures, derived from the balloon, in its
 * order (virsh prints them in the order given). */
static void
test_memory_stats (Fixture *f, gconstpointer data)
{
  static const int tags[] = { 6, 0, 1, 2, 3, 4, 5, 8, 9, 10, 11, 12, 7 };
  const guint64 want[] = { 1000000, 0, 0, 0, 0, 500000, 1000000, 500000, 627319920, 125000,
                           0, 0, 500000 };
  g_autoptr(GError) error = NULL;
  GVirDriverMemoryStat stats[16] = { { 0 } };
  guint n;

  n = memory_stats (f, stats, G_N_ELEMENTS (stats));
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (tags));
  g_assert_cmpint (stats[0].tag, ==, GVIR_DRIVER_MEMORY_STAT_ACTUAL_BALLOON);
  g_assert_cmpuint (stats[0].val, ==, 2097152);
  g_assert_cmpuint (stats[9].val, ==, 2097152 / 8);

  set_memory_ok (f, TEST_UUID, 1000000, 0);
  n = memory_stats (f, stats, G_N_ELEMENTS (stats));
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (tags));
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpint (stats[i].tag, ==, tags[i]);
      g_assert_cmpuint (stats[i].val, ==, want[i]);
    }

  /* Fewer asked for: the first ones. */
  memset (stats, 0, sizeof stats);
  g_assert_cmpuint (memory_stats (f, stats, 2), ==, 2);
  g_assert_cmpint (stats[1].tag, ==, GVIR_DRIVER_MEMORY_STAT_SWAP_IN);
  g_assert_cmpint (stats[2].tag, ==, 0);
  g_assert_cmpuint (stats[2].val, ==, 0);
  g_assert_cmpuint (memory_stats (f, stats, 0), ==, 0);

  g_assert_true (gvir_driver_connection_destroy_domain (f->conn, TEST_UUID, 0, NULL, NULL));
  g_assert_cmpint (gvir_driver_connection_get_memory_stats (f->conn, TEST_UUID, stats,
                                                            G_N_ELEMENTS (stats), 0, NULL, &error),
                   ==, -1);
  assert_error_message (error, GVIR_ERROR_OPERATION_INVALID, "domain 'test' is not running");
}

/* ---- read-only and closed connections ------------------------------------------------ */

typedef gboolean (*MutatingCall) (GVirDriverConnection *conn, GError **error);

static gboolean
call_define (GVirDriverConnection *conn, GError **error)
{
  g_autoptr(GVirDriverDomain) d =
    gvir_driver_connection_define_domain (conn, NEW_XML ("x", NEW_UUID, ""), 0, NULL, error);
  return d != NULL;
}

static gboolean
call_create (GVirDriverConnection *conn, GError **error)
{
  g_autoptr(GVirDriverDomain) d =
    gvir_driver_connection_create_domain (conn, NEW_XML ("x", NEW_UUID, ""), 0, NULL, error);
  return d != NULL;
}

static gboolean
call_undefine (GVirDriverConnection *conn, GError **error)
{
  return gvir_driver_connection_undefine_domain (conn, TEST_UUID, 0, NULL, error);
}

static gboolean
call_start (GVirDriverConnection *conn, GError **error)
{
  return gvir_driver_connection_start_domain (conn, TEST_UUID, 0, NULL, error);
}

static gboolean
call_destroy (GVirDriverConnection *conn, GError **error)
{
  return gvir_driver_connection_destroy_domain (conn, TEST_UUID, 0, NULL, error);
}

static gboolean
call_shutdown (GVirDriverConnection *conn, GError **error)
{
  return gvir_driver_connection_shutdown_domain (conn, TEST_UUID, 0, NULL, error);
}

static gboolean
call_reboot (GVirDriverConnection *conn, GError **error)
{
  return gvir_driver_connection_reboot_domain (conn, TEST_UUID, 0, NULL, error);
}

static gboolean
call_suspend (GVirDriverConnection *conn, GError **error)
{
  return gvir_driver_connection_suspend_domain (conn, TEST_UUID, NULL, error);
}

static gboolean
call_resume (GVirDriverConnection *conn, GError **error)
{
  return gvir_driver_connection_resume_domain (conn, TEST_UUID, NULL, error);
}

static gboolean
call_managed_save (GVirDriverConnection *conn, GError **error)
{
  return gvir_driver_connection_managed_save_domain (conn, TEST_UUID, 0, NULL, error);
}

static gboolean
call_save (GVirDriverConnection *conn, GError **error)
{
  return gvir_driver_connection_save_domain_to_file (conn, TEST_UUID, "/nonexistent/x", NULL, 0,
                                                     NULL, error);
}

static gboolean
call_restore (GVirDriverConnection *conn, GError **error)
{
  g_autoptr(GVirDriverDomain) d =
    gvir_driver_connection_restore_domain_from_file (conn, "/nonexistent/x", NULL, 0, NULL, error);
  return d != NULL;
}

static gboolean
call_set_numa (GVirDriverConnection *conn, GError **error)
{
  return gvir_driver_connection_set_numa_parameters (conn, TEST_UUID, -1, "0", 0, NULL, error);
}

static gboolean
call_set_memory (GVirDriverConnection *conn, GError **error)
{
  return gvir_driver_connection_set_memory (conn, TEST_UUID, 1000, 0, NULL, error);
}

static const struct
{
  const char *operation;
  MutatingCall call;
} mutating_calls[] = {
  { "define domain", call_define },
  { "create domain", call_create },
  { "undefine domain", call_undefine },
  { "start domain", call_start },
  { "destroy domain", call_destroy },
  { "shutdown domain", call_shutdown },
  { "reboot domain", call_reboot },
  { "suspend domain", call_suspend },
  { "resume domain", call_resume },
  { "managed save domain", call_managed_save },
  { "save domain to file", call_save },
  { "restore domain from file", call_restore },
  { "set NUMA parameters", call_set_numa },
  { "set domain memory", call_set_memory },
};

static void
test_read_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDriverConnection) conn = NULL;
  g_autoptr(GPtrArray) list = NULL;
  Recorder rec;
  gsize i;

  recorder_init (&rec);
  conn = gvir_driver_connection_open ("test:///default", TRUE, recorder_func, &rec, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (gvir_driver_connection_is_read_only (conn));

  for (i = 0; i < G_N_ELEMENTS (mutating_calls); i++)
    {
      g_autofree char *expected =
        g_strdup_printf ("operation '%s' forbidden: the connection is read-only",
                         mutating_calls[i].operation);

      g_assert_false (mutating_calls[i].call (conn, &error));
      g_assert_error (error, GVIR_ERROR, GVIR_ERROR_READ_ONLY);
      g_assert_cmpstr (error->message, ==, expected);
      g_clear_error (&error);
    }

  /* Queries still work, and nothing changed. */
  list = gvir_driver_connection_list_domains (conn, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((GVirDriverDomain *) list->pdata[0])->id, ==, 1);
  recorder_assert_empty (&rec);

  gvir_driver_connection_close (conn);
  recorder_clear (&rec);
}

static void
test_closed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirDriverConnection) conn = NULL;
  g_autofree char *type = NULL;
  gsize i;

  conn = gvir_driver_connection_open ("test:///default", FALSE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  gvir_driver_connection_close (conn);
  gvir_driver_connection_close (conn);
  g_assert_true (gvir_driver_connection_is_closed (conn));

  type = gvir_driver_connection_get_type (conn, NULL, &error);
  g_assert_null (type);
  assert_error_message (error, GVIR_ERROR_CONNECTION_CLOSED,
                        "cannot get type: the connection is closed");
  g_clear_error (&error);

  for (i = 0; i < G_N_ELEMENTS (mutating_calls); i++)
    {
      g_assert_false (mutating_calls[i].call (conn, &error));
      g_assert_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED);
      g_clear_error (&error);
    }
}

static void
test_cancelled (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  g_cancellable_cancel (cancellable);
  g_assert_false (gvir_driver_connection_destroy_domain (f->conn, TEST_UUID, 0, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_state (f, TEST_UUID, GVIR_DRIVER_STATE_RUNNING, 0);
}

/* ---- sharing between connections ---------------------------------------------------- */

static void
test_shared_state (void)
{
  g_autoptr(GError) error = NULL;
  GVirDriverConnection *a, *b;
  g_autoptr(GVirDriverDomain) seen = NULL;
  g_autoptr(GVirDriverDomain) fresh = NULL;
  Recorder ra, rb;

  recorder_init (&ra);
  recorder_init (&rb);
  a = gvir_driver_connection_open ("test:///default", FALSE, recorder_func, &ra, NULL, &error);
  b = gvir_driver_connection_open ("test:///default", FALSE, recorder_func, &rb, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (gvir_driver_connection_suspend_domain (a, TEST_UUID, NULL, &error));
  g_assert_no_error (error);
  recorder_expect (&ra, "test", GVIR_DRIVER_EVENT_SUSPENDED, GVIR_DRIVER_SUSPENDED_PAUSED);
  recorder_expect (&rb, "test", GVIR_DRIVER_EVENT_SUSPENDED, GVIR_DRIVER_SUSPENDED_PAUSED);

  seen = gvir_driver_connection_lookup_domain_by_uuid (b, TEST_UUID, NULL, &error);
  g_assert_cmpint (seen->state, ==, GVIR_DRIVER_STATE_PAUSED);

  /* A closed connection hears nothing more; the other one still does. */
  gvir_driver_connection_close (b);
  g_assert_true (gvir_driver_connection_resume_domain (a, TEST_UUID, NULL, &error));
  recorder_expect (&ra, "test", GVIR_DRIVER_EVENT_RESUMED, GVIR_DRIVER_RESUMED_UNPAUSED);
  recorder_assert_empty (&rb);

  g_assert_true (gvir_driver_connection_destroy_domain (a, TEST_UUID, 0, NULL, &error));
  recorder_expect (&ra, "test", GVIR_DRIVER_EVENT_STOPPED, GVIR_DRIVER_STOPPED_DESTROYED);
  gvir_driver_connection_unref (b);
  gvir_driver_connection_unref (a);

  /* The last connection gone, the next one starts from scratch. */
  a = gvir_driver_connection_open ("test:///default", FALSE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  fresh = gvir_driver_connection_lookup_domain_by_uuid (a, TEST_UUID, NULL, &error);
  g_assert_cmpint (fresh->id, ==, 1);
  g_assert_cmpint (fresh->state, ==, GVIR_DRIVER_STATE_RUNNING);
  gvir_driver_connection_unref (a);

  recorder_clear (&ra);
  recorder_clear (&rb);
}

/* ---- threads ------------------------------------------------------------------------ */

#define N_THREADS 8
#define N_ROUNDS 200

/* Returns how many of its suspends succeeded. */
static gpointer
hammer (gpointer data)
{
  GVirDriverConnection *conn = data;
  guint suspends = 0;
  int i;

  for (i = 0; i < N_ROUNDS; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) list = NULL;
      g_autofree char *xml = NULL;
      g_autofree char *nodeset = NULL;
      GVirDriverDomainInfo info;
      int mode = -1;

      /* Only the thread whose suspend succeeded resumes, and no other
       * suspend can succeed before it does: its resume cannot fail. */
      if (gvir_driver_connection_suspend_domain (conn, TEST_UUID, NULL, &error))
        {
          suspends++;
          g_assert_true (gvir_driver_connection_resume_domain (conn, TEST_UUID, NULL, &error));
          g_assert_no_error (error);
        }
      else
        {
          assert_error_message (error, GVIR_ERROR_OPERATION_INVALID,
                                "domain 'test' is already paused");
          g_clear_error (&error);
        }
      list = gvir_driver_connection_list_domains (conn, NULL, NULL);
      g_assert_nonnull (list);
      g_assert_cmpuint (list->len, ==, 1);
      g_assert_cmpstr (((GVirDriverDomain *) list->pdata[0])->uuid, ==, TEST_UUID);
      xml = gvir_driver_connection_get_domain_xml (conn, TEST_UUID, 0, NULL, NULL);
      g_assert_nonnull (xml);
      g_assert_nonnull (strstr (xml, "<name>test</name>"));

      /* The live definition is replaced while the others read it: each
       * read sees one whole definition. */
      g_assert_true (gvir_driver_connection_set_numa_parameters (conn, TEST_UUID, -1,
                                                                 i % 2 ? "1" : "0",
                                                                 GVIR_DRIVER_AFFECT_LIVE,
                                                                 NULL, &error));
      g_assert_no_error (error);
      g_assert_true (gvir_driver_connection_get_numa_parameters (conn, TEST_UUID,
                                                                 GVIR_DRIVER_AFFECT_LIVE, &mode,
                                                                 &nodeset, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpint (mode, ==, 0);
      g_assert_true (g_str_equal (nodeset, "0") || g_str_equal (nodeset, "1"));
      g_assert_true (gvir_driver_connection_get_domain_info (conn, TEST_UUID, &info, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (info.max_mem_kib, ==, 8388608);
      g_assert_cmpuint (info.nr_virt_cpu, ==, 2);
    }
  return GUINT_TO_POINTER (suspends);
}

static void
test_threads (void)
{
  g_autoptr(GError) error = NULL;
  GVirDriverConnection *conns[N_THREADS];
  GVirTestThread *threads[N_THREADS];
  Recorder rec;
  guint i, suspended = 0, resumed = 0, suspends = 0;

  recorder_init (&rec);
  for (i = 0; i < N_THREADS; i++)
    {
      conns[i] = gvir_driver_connection_open ("test:///default", FALSE,
                                              i == 0 ? recorder_func : NULL, &rec, NULL, &error);
      g_assert_no_error (error);
    }
  for (i = 0; i < N_THREADS; i++)
    threads[i] = gvir_test_thread_new ("hammer", hammer, conns[i]);
  for (i = 0; i < N_THREADS; i++)
    suspends += GPOINTER_TO_UINT (gvir_test_thread_join (threads[i],
                                                         "a thread suspending, resuming, listing and "
                                                         "changing the test domain 200 times"));

  /* Every successful suspend was followed by a resume: events pair up. */
  for (i = 0; i < rec.events->len; i++)
    {
      RecordedEvent *ev = rec.events->pdata[i];

      suspended += ev->event == GVIR_DRIVER_EVENT_SUSPENDED;
      resumed += ev->event == GVIR_DRIVER_EVENT_RESUMED;
    }
  g_assert_cmpuint (suspended, >, 0);
  g_assert_cmpuint (suspended, ==, suspends);
  g_assert_cmpuint (suspended, ==, resumed);
  g_assert_cmpuint (rec.events->len, ==, suspended + resumed);

  for (i = 0; i < N_THREADS; i++)
    gvir_driver_connection_unref (conns[i]);
  recorder_clear (&rec);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/drivers/test/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("default/node-info", test_node_info);
  ADD ("default/constants", test_constants);
  ADD ("default/capabilities", test_capabilities);
  ADD ("default/domain-capabilities", test_domain_capabilities);
  ADD ("default/cells-free-memory", test_cells_free_memory);
  ADD ("default/host-nodes", test_host_nodes);
  ADD ("default/domain", test_default_domain);
  ADD ("default/domain-xml", test_default_domain_xml);
  ADD ("domain-vcpus", test_domain_vcpus);
  ADD ("default/cpu-time", test_cpu_time);
  ADD ("lookup/not-found", test_not_found);
  ADD ("lookup/uuid-forms", test_uuid_forms);
  ADD ("define/new-and-update", test_define);
  ADD ("define/conflicts", test_define_conflicts);
  ADD ("define/bad", test_define_bad);
  ADD ("define/canonical", test_define_canonical);
  ADD ("undefine/inactive", test_undefine_inactive);
  ADD ("undefine/active", test_undefine_active);
  ADD ("autostart", test_autostart);
  ADD ("autostart/transient", test_autostart_transient);
  ADD ("lifecycle/create", test_create);
  ADD ("lifecycle/create-paused", test_create_paused);
  ADD ("lifecycle/start", test_start);
  ADD ("lifecycle/ids-increase", test_ids_increase);
  ADD ("lifecycle/destroy", test_destroy);
  ADD ("lifecycle/shutdown", test_shutdown);
  ADD ("lifecycle/shutdown-restart", test_shutdown_restart);
  ADD ("lifecycle/reboot", test_reboot);
  ADD ("lifecycle/reboot-destroy", test_reboot_destroy);
  ADD ("lifecycle/suspend-resume", test_suspend_resume);
  ADD ("save/managed", test_managed_save);
  ADD ("save/managed-undefine", test_managed_save_undefine);
  ADD ("save/managed-transient", test_managed_save_transient);
  ADD ("save/file", test_save_restore);
  ADD ("save/file-transient", test_save_restore_transient);
  ADD ("save/bad-files", test_restore_bad);
  ADD ("save/image-xml", test_save_image_xml);
  ADD ("save/image-xml-bad-files", test_save_image_xml_bad);
  ADD ("save/image-define", test_save_image_define);
  ADD ("numa/set-get", test_numa);
  ADD ("numa/bad", test_numa_bad);
  ADD ("numa/mode-needs-nodeset", test_numa_mode_needs_nodeset);
  ADD ("numa/live-keeps-config", test_numa_live_keeps_config);
  ADD ("numa/placement/define", test_placement_define);
  ADD ("numa/placement/bad-syntax", test_placement_bad_syntax);
  ADD ("numa/placement/auto", test_placement_auto);
  ADD ("numa/placement/create", test_placement_create);
  ADD ("numa/placement/restore", test_placement_restore);
  ADD ("numa/placement/set-numa", test_placement_set_numa);
  ADD ("numa/placement/set-numa-inactive", test_placement_set_numa_inactive);
  ADD ("memory/running", test_memory_running);
  ADD ("memory/stopped", test_memory_stopped);
  ADD ("memory/transient", test_memory_transient);
  ADD ("memory/maximum-limits", test_memory_maximum_limits);
  ADD ("memory/stats", test_memory_stats);
  ADD ("connection/cancelled", test_cancelled);
  g_test_add_func ("/drivers/test/connection/read-only", test_read_only);
  g_test_add_func ("/drivers/test/connection/closed", test_closed);
  g_test_add_func ("/drivers/test/connection/shared-state", test_shared_state);
  g_test_add_func ("/drivers/test/connection/threads", test_threads);

  return g_test_run ();
}
