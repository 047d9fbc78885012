/*
 * test-qemu-save.c: save images, save/restore and managed save of the
 *   QEMU driver, with real QEMU processes
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * The image reader runs over hand-made files; the rest runs tiny TCG
 * guests in a root of the case's own. Every case stops what it started;
 * the teardown checks that no QEMU child is left.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "libvirt-gobject-error.h"
#include "drivers/gvir-driver-private.h"
#include "drivers/qemu/gvir-qemu-driver-private.h"
#include "drivers/qemu/gvir-qemu-save-private.h"
#include "drivers/qemu/gvir-qemu-status-private.h"
#include "../common/gvir-test-files.h"
#include "../common/gvir-test-wait.h"
#include "qemu-test-children.h"

#define TINY_UUID "3d2b5c0e-7a51-4c1f-9e0a-5f6d2b8c9a01"
#define LIB_DOMAIN "Libvirt.GObject"

/* ---- the image reader ------------------------------------------------------------- */

static char *
reader_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("gvir-qemu-save-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* A whole image: header and XML, then @stream_len bytes of "stream". */
static GByteArray *
good_image (const char *xml, gboolean was_running, gsize stream_len)
{
  GByteArray *image = g_byte_array_new ();
  g_autofree guint8 *header = NULL;
  gsize len, i;

  header = gvir_qemu_save_header_new (xml, was_running, &len);
  memcpy (header, GVIR_QEMU_SAVE_MAGIC, 16);
  g_byte_array_append (image, header, len);
  for (i = 0; i < stream_len; i++)
    {
      guint8 b = (guint8) i;

      g_byte_array_append (image, &b, 1);
    }
  return image;
}

static void
set_word (GByteArray *image, int index, guint32 value)
{
  value = GUINT32_TO_LE (value);
  memcpy (image->data + 16 + index * 4, &value, 4);
}

static char *
write_image (const char *dir, const char *name, const guint8 *data, gsize len)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, (const char *) data, (gssize) len, &error));
  g_assert_no_error (error);
  return path;
}

/* Opening @path fails with @code and a message holding @path and @what. */
static void
assert_refused (const char *path, int code, const char *what)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirQemuSaveImage) image = gvir_qemu_save_image_open (path, &error);

  g_assert_null (image);
  g_assert_error (error, GVIR_ERROR, code);
  g_assert_nonnull (strstr (error->message, path));
  if (strstr (error->message, what) == NULL)
    g_error ("'%s' does not say '%s'", error->message, what);
}

static void
test_reader_good (void)
{
  g_autofree char *dir = reader_dir ();
  g_autoptr(GByteArray) bytes = good_image ("<domain/>", TRUE, 100);
  g_autofree char *path = write_image (dir, "good.save", bytes->data, bytes->len);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirQemuSaveImage) image = gvir_qemu_save_image_open (path, &error);
  guint8 first = 0xff;

  g_assert_no_error (error);
  g_assert_cmpstr (image->xml, ==, "<domain/>");
  g_assert_true (image->was_running);
  /* The data is padded to 1024 bytes; the stream follows it. */
  g_assert_cmpuint (bytes->len, ==, GVIR_QEMU_SAVE_HEADER_SIZE + 1024 + 100);
  g_assert_cmpint (lseek (image->fd, 0, SEEK_CUR), ==, GVIR_QEMU_SAVE_HEADER_SIZE + 1024);
  g_assert_cmpint (read (image->fd, &first, 1), ==, 1);
  g_assert_cmpuint (first, ==, 0);
  g_clear_pointer (&image, gvir_qemu_save_image_free);

  /* Paused when it was saved. */
  g_byte_array_unref (bytes);
  bytes = good_image ("<domain/>", FALSE, 1);
  g_free (path);
  path = write_image (dir, "paused.save", bytes->data, bytes->len);
  image = gvir_qemu_save_image_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (image->was_running);
  g_clear_pointer (&image, gvir_qemu_save_image_free);
  gvir_test_remove_tree (dir);
}

/* One corruption of a good image and what the refusal must say. */
typedef struct
{
  const char *name;
  int word;               /* header word to set, or -1 */
  guint32 value;
  gssize truncate_to;     /* -1: keep the length */
  int code;
  const char *what;
} Corruption;

static const Corruption corruptions[] = {
  { "version", 0, 3, -1, GVIR_ERROR_NOT_SUPPORTED, "version 3" },
  { "swapped-version", 0, 0x02000000, -1, GVIR_ERROR_NOT_SUPPORTED, "version 33554432" },
  { "huge-data-len", 1, 0xffffffff, -1, GVIR_ERROR_INVALID_ARGUMENT, "data length 4294967295" },
  { "zero-data-len", 1, 0, -1, GVIR_ERROR_INVALID_ARGUMENT, "data length 0" },
  { "data-past-end", 1, 4096, -1, GVIR_ERROR_INVALID_ARGUMENT, "is truncated" },
  { "running-flag", 2, 7, -1, GVIR_ERROR_INVALID_ARGUMENT, "running flag 7" },
  { "compressed", 3, 1, -1, GVIR_ERROR_NOT_SUPPORTED, "compressed (format 1)" },
  { "cookie", 4, 5000, -1, GVIR_ERROR_INVALID_ARGUMENT, "cookie offset 5000" },
  { "no-stream", -1, 0, GVIR_QEMU_SAVE_HEADER_SIZE + 1024, GVIR_ERROR_INVALID_ARGUMENT,
    "no migration stream" },
  { "short-header", -1, 0, 40, GVIR_ERROR_INVALID_ARGUMENT, "shorter than its header" },
  { "empty", -1, 0, 0, GVIR_ERROR_INVALID_ARGUMENT, "0 bytes, shorter than its header" },
};

static void
test_reader_corrupt (void)
{
  g_autofree char *dir = reader_dir ();
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (corruptions); i++)
    {
      const Corruption *c = &corruptions[i];
      g_autoptr(GByteArray) bytes = good_image ("<domain/>", TRUE, 64);
      g_autofree char *path = NULL;

      if (c->word >= 0)
        set_word (bytes, c->word, c->value);
      if (c->truncate_to >= 0)
        g_byte_array_set_size (bytes, (guint) c->truncate_to);
      path = write_image (dir, c->name, bytes->data, bytes->len);
      assert_refused (path, c->code, c->what);
    }
  gvir_test_remove_tree (dir);
}

static void
test_reader_bad_content (void)
{
  g_autofree char *dir = reader_dir ();
  g_autoptr(GByteArray) partial = good_image ("<domain/>", TRUE, 64);
  g_autoptr(GByteArray) magic = good_image ("<domain/>", TRUE, 64);
  g_autoptr(GByteArray) unterminated = good_image ("<domain/>", TRUE, 64);
  g_autoptr(GByteArray) no_xml = good_image ("", TRUE, 64);
  g_autofree char *p1 = NULL, *p2 = NULL, *p3 = NULL, *p4 = NULL;

  memcpy (partial->data, GVIR_QEMU_SAVE_MAGIC_PARTIAL, 16);
  p1 = write_image (dir, "partial", partial->data, partial->len);
  assert_refused (p1, GVIR_ERROR_INVALID_ARGUMENT, "is incomplete");

  memcpy (magic->data, "NotAQemuSaveFile", 16);
  p2 = write_image (dir, "magic", magic->data, magic->len);
  assert_refused (p2, GVIR_ERROR_INVALID_ARGUMENT, "not a QEMU save image");

  memset (unterminated->data + GVIR_QEMU_SAVE_HEADER_SIZE, 'x', 1024);
  p3 = write_image (dir, "unterminated", unterminated->data, unterminated->len);
  assert_refused (p3, GVIR_ERROR_INVALID_ARGUMENT, "XML is not terminated");

  p4 = write_image (dir, "no-xml", no_xml->data, no_xml->len);
  assert_refused (p4, GVIR_ERROR_INVALID_ARGUMENT, "holds no domain XML");
  gvir_test_remove_tree (dir);
}

static void
test_reader_not_files (void)
{
  g_autofree char *dir = reader_dir ();
  g_autofree char *fifo = g_build_filename (dir, "fifo", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing", NULL);

  /* A FIFO without a writer must not block the open. */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  assert_refused (fifo, GVIR_ERROR_INVALID_ARGUMENT, "is not a regular file");
  assert_refused ("/dev/zero", GVIR_ERROR_INVALID_ARGUMENT, "is not a regular file");
  assert_refused (dir, GVIR_ERROR_INVALID_ARGUMENT, "is not a regular file");
  assert_refused (missing, GVIR_ERROR_NOT_FOUND, "No such file");
  gvir_test_remove_tree (dir);
}

/* ---- with QEMU --------------------------------------------------------------------- */

typedef struct
{
  char *root;
  char *uri;
  GVirDriverConnection *conn;
  GAsyncQueue *events;      /* "name event/detail" strings */
} Fixture;

static char *
tiny_xml (const char *name)
{
  return g_strdup_printf ("<domain type='qemu'>\n"
                          "  <name>%s</name>\n"
                          "  <uuid>" TINY_UUID "</uuid>\n"
                          "  <memory unit='MiB'>32</memory>\n"
                          "  <vcpu>1</vcpu>\n"
                          "  <os><type arch='x86_64' machine='pc'>hvm</type></os>\n"
                          "</domain>\n", name);
}

static void
collect_event (const GVirDriverEvent *event,
               gpointer               data)
{
  if (event->kind == GVIR_DRIVER_EVENT_DOMAIN_LIFECYCLE)
    g_async_queue_push (data, g_strdup_printf ("%s %d/%d", event->domain->name, event->event,
                                               event->detail));
}

static GVirDriverConnection *
open_root (const char *root, GAsyncQueue *events)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_strdup_printf ("qemu:///embed?root=%s", root);
  GVirDriverConnection *conn = gvir_driver_connection_open (uri, FALSE, collect_event, events,
                                                            NULL, &error);

  g_assert_no_error (error);
  return conn;
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  gvir_driver_register (&gvir_qemu_driver);
  f->root = g_dir_make_tmp ("gvir-qemu-save-XXXXXX", &error);
  g_assert_no_error (error);
  f->events = g_async_queue_new_full (g_free);
  f->conn = open_root (f->root, f->events);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_clear_pointer (&f->conn, gvir_driver_connection_unref);
  g_assert_cmpuint (qemu_test_count_children ("guest="), ==, 0);
  gvir_test_remove_tree (f->root);
  g_async_queue_unref (f->events);
  g_free (f->root);
}

static void
expect_event (Fixture *f, const char *expected)
{
  g_autofree char *ev = g_async_queue_timeout_pop (f->events, gvir_test_wait_bound_usec ());

  if (ev == NULL)
    gvir_test_wait_timed_out (expected);
  g_assert_cmpstr (ev, ==, expected);
}

/* No event is waiting (the calls report synchronously, before they return). */
static void
expect_no_event (Fixture *f)
{
  g_autofree char *ev = g_async_queue_try_pop (f->events);

  g_assert_cmpstr (ev, ==, NULL);
}

static void
assert_state (Fixture *f, int state, int reason)
{
  g_autoptr(GError) error = NULL;
  int got_state = -1, got_reason = -1;

  g_assert_true (gvir_driver_connection_get_domain_state (f->conn, TINY_UUID, &got_state,
                                                          &got_reason, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (got_state, ==, state);
  g_assert_cmpint (got_reason, ==, reason);
}

static GVirDriverDomain *
lookup (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GVirDriverDomain *dom = gvir_driver_connection_lookup_domain_by_uuid (f->conn, TINY_UUID,
                                                                         NULL, &error);

  g_assert_no_error (error);
  return dom;
}

static void
define_and_start (Fixture *f, const char *name, guint flags)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = tiny_xml (name);
  g_autoptr(GVirDriverDomain) dom = gvir_driver_connection_define_domain (f->conn, xml, 0, NULL,
                                                                          &error);
  g_autofree char *defined = g_strdup_printf ("%s 0/0", name);
  g_autofree char *started = g_strdup_printf ("%s 2/0", name);
  gboolean started_ok;

  g_assert_no_error (error);
  g_assert_cmpstr (dom->uuid, ==, TINY_UUID);
  expect_event (f, defined);
  started_ok = gvir_driver_connection_start_domain (f->conn, TINY_UUID, flags, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (started_ok);
  expect_event (f, started);
}

static void
destroy (Fixture *f, const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *stopped = g_strdup_printf ("%s 5/1", name);

  g_assert_true (gvir_driver_connection_destroy_domain (f->conn, TINY_UUID, 0, NULL, &error));
  g_assert_no_error (error);
  expect_event (f, stopped);
}

static gint
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Files in @dir, sorted, joined by spaces ("" for none). */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *entry;

  while (d != NULL && (entry = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (entry));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

/* Nothing of a running domain is left: no QEMU, no status file. */
static void
assert_nothing_runs (Fixture *f)
{
  g_autofree char *status_dir = g_build_filename (f->root, "run", "qemu", NULL);
  g_autofree char *left = list_dir (status_dir);

  g_assert_cmpuint (qemu_test_count_children ("guest="), ==, 0);
  g_assert_null (strstr (left, ".status"));
}

static void
assert_magic (const char *path, const char *magic)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, GVIR_QEMU_SAVE_HEADER_SIZE);
  g_assert_cmpmem (contents, 16, magic, 16);
}

/* Running saved, running restored; the domain keeps its UUID and stays
 * persistent; the image names its own XML. */
static void
test_running_round_trip (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GVirDriverDomain) restored = NULL;
  g_autoptr(GVirDriverDomain) after = NULL;
  g_autoptr(GVirQemuSaveImage) image = NULL;
  g_autofree char *live = NULL;
  g_autofree char *inactive = NULL;
  g_autofree char *image_xml = NULL;
  const char *other_xml = "<domain type='qemu'><name>other</name><uuid>" TINY_UUID "</uuid>"
                          "<memory unit='MiB'>32</memory>"
                          "<os><type arch='x86_64' machine='pc'>hvm</type></os></domain>";
  const char *titled_xml = "<domain type='qemu'><name>tiny</name><uuid>" TINY_UUID "</uuid>"
                           "<title>restored</title><memory unit='MiB'>32</memory><vcpu>1</vcpu>"
                           "<os><type arch='x86_64' machine='pc'>hvm</type></os></domain>";

  if (qemu_test_emulator_missing ())
    return;
  path = g_build_filename (f->root, "tiny.img", NULL);
  define_and_start (f, "tiny", 0);

  g_assert_true (gvir_driver_connection_save_domain_to_file (f->conn, TINY_UUID, path, NULL, 0,
                                                             NULL, &error));
  g_assert_no_error (error);
  /* No suspended event before the stop: the save's pause is not a user's. */
  expect_event (f, "tiny 5/4");
  expect_no_event (f);
  assert_state (f, GVIR_DRIVER_STATE_SHUTOFF, GVIR_DRIVER_SHUTOFF_SAVED);
  assert_nothing_runs (f);
  assert_magic (path, GVIR_QEMU_SAVE_MAGIC);
  image = gvir_qemu_save_image_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (image->was_running);
  g_assert_nonnull (strstr (image->xml, "<uuid>" TINY_UUID "</uuid>"));
  image_xml = gvir_driver_connection_get_save_image_xml (f->conn, path, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (image_xml, ==, image->xml);
  g_clear_pointer (&image, gvir_qemu_save_image_free);
  /* Saving to a file is no managed save. */
  after = lookup (f);
  g_assert_false (after->has_managed_save);

  /* A replacement XML must keep the name and UUID. */
  g_assert_null (gvir_driver_connection_restore_domain_from_file (f->conn, path, other_xml, 0,
                                                                  NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "describes domain 'other'"));
  g_clear_error (&error);
  assert_nothing_runs (f);
  expect_no_event (f);

  restored = gvir_driver_connection_restore_domain_from_file (f->conn, path, titled_xml, 0, NULL,
                                                              &error);
  g_assert_no_error (error);
  g_assert_cmpstr (restored->uuid, ==, TINY_UUID);
  g_assert_cmpstr (restored->name, ==, "tiny");
  g_assert_true (restored->persistent);
  g_assert_cmpint (restored->id, >, 0);
  expect_event (f, "tiny 2/2");
  expect_no_event (f);
  assert_state (f, GVIR_DRIVER_STATE_RUNNING, GVIR_DRIVER_RUNNING_RESTORED);
  g_assert_cmpuint (qemu_test_count_children ("guest="), ==, 1);
  /* It runs with the replacement; the definition stays as it was. */
  live = gvir_driver_connection_get_domain_xml (f->conn, TINY_UUID, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (live, "<title>restored</title>"));
  inactive = gvir_driver_connection_get_domain_xml (f->conn, TINY_UUID, GVIR_DRIVER_XML_INACTIVE,
                                                    NULL, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (inactive, "<title>"));

  /* A running domain cannot be restored over. */
  g_assert_null (gvir_driver_connection_restore_domain_from_file (f->conn, path, NULL, 0, NULL,
                                                                  &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (qemu_test_count_children ("guest="), ==, 1);
  destroy (f, "tiny");
}

/* ---- the guest's memory ---- */

/* Runs @command on the domain's monitor, through the driver's own state. */
static gboolean
domain_command (Fixture *f, const char *command, JsonObject *args, JsonNode **reply)
{
  g_autoptr(GError) error = NULL;
  GVirQemuState *state = gvir_qemu_state_get (f->root, &error);
  GVirQemuDomain *dom;
  gboolean ok;

  g_assert_no_error (error);
  dom = gvir_qemu_job_begin_active (state, TINY_UUID, &error);
  g_assert_no_error (error);
  ok = gvir_qemu_process_command (dom->proc, command, args, reply, NULL, &error);
  g_assert_no_error (error);
  gvir_qemu_job_end (dom);
  gvir_qemu_state_unref (state);
  return ok;
}

/* The guest's first megabyte (BIOS data area, SeaBIOS's work), read by
 * QEMU's pmemsave. */
static GBytes *
read_low_memory (Fixture *f, const char *name)
{
  g_autoptr(JsonObject) args = json_object_new ();
  g_autofree char *file = g_build_filename (f->root, name, NULL);
  g_autofree char *contents = NULL;
  gsize len = 0;

  json_object_set_int_member (args, "val", 0);
  json_object_set_int_member (args, "size", 1024 * 1024);
  json_object_set_string_member (args, "filename", file);
  g_assert_true (domain_command (f, "pmemsave", args, NULL));
  g_assert_true (g_file_get_contents (file, &contents, &len, NULL));
  g_assert_cmpuint (len, ==, 1024 * 1024);
  g_unlink (file);
  return g_bytes_new_take (g_steal_pointer (&contents), len);
}

/* The BIOS timer tick count (BDA 0x46c): 0 until SeaBIOS has run. */
static guint32
bios_ticks (GBytes *low)
{
  guint32 ticks;

  memcpy (&ticks, (const guint8 *) g_bytes_get_data (low, NULL) + 0x46c, 4);
  return GUINT32_FROM_LE (ticks);
}

/* Paused saved, paused restored, with the guest's memory as it was: the
 * BIOS's ticks, which a fresh QEMU would not have, come back. A transient
 * domain goes with its save and comes back transient. */
static void
test_paused_round_trip_memory (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = tiny_xml ("tiny");
  g_autofree char *path = NULL;
  g_autoptr(GVirDriverDomain) dom = NULL;
  g_autoptr(GVirDriverDomain) restored = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  gint64 deadline = gvir_test_wait_deadline ();

  if (qemu_test_emulator_missing ())
    return;
  path = g_build_filename (f->root, "paused.img", NULL);
  dom = gvir_driver_connection_create_domain (f->conn, xml, 0, NULL, &error);
  g_assert_no_error (error);
  expect_event (f, "tiny 2/0");
  /* Let SeaBIOS run until its timer ticks. */
  for (;;)
    {
      g_autoptr(GBytes) low = read_low_memory (f, "probe.mem");

      if (bios_ticks (low) > 0)
        break;
      if (g_get_monotonic_time () > deadline)
        gvir_test_wait_timed_out ("SeaBIOS's timer ticks");
      g_usleep (20 * 1000);
    }
  g_assert_true (gvir_driver_connection_suspend_domain (f->conn, TINY_UUID, NULL, &error));
  g_assert_no_error (error);
  expect_event (f, "tiny 3/0");
  before = read_low_memory (f, "before.mem");
  g_assert_cmpuint (bios_ticks (before), >, 0);

  g_assert_true (gvir_driver_connection_save_domain_to_file (f->conn, TINY_UUID, path, NULL, 0,
                                                             NULL, &error));
  g_assert_no_error (error);
  expect_event (f, "tiny 5/4");
  g_assert_null (gvir_driver_connection_lookup_domain_by_uuid (f->conn, TINY_UUID, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_nothing_runs (f);

  restored = gvir_driver_connection_restore_domain_from_file (f->conn, path, NULL, 0, NULL,
                                                              &error);
  g_assert_no_error (error);
  g_assert_false (restored->persistent);
  expect_event (f, "tiny 2/2");
  expect_event (f, "tiny 3/0");
  assert_state (f, GVIR_DRIVER_STATE_PAUSED, GVIR_DRIVER_PAUSED_USER);
  after = read_low_memory (f, "after.mem");
  g_assert_cmpuint (bios_ticks (after), ==, bios_ticks (before));
  g_assert_true (g_bytes_equal (before, after));
  destroy (f, "tiny");

  /* The same image, told to run. */
  g_clear_pointer (&restored, gvir_driver_domain_free);
  restored = gvir_driver_connection_restore_domain_from_file (f->conn, path, NULL,
                                                              GVIR_QEMU_SAVE_RUNNING, NULL,
                                                              &error);
  g_assert_no_error (error);
  expect_event (f, "tiny 2/2");
  expect_no_event (f);
  assert_state (f, GVIR_DRIVER_STATE_RUNNING, GVIR_DRIVER_RUNNING_RESTORED);
  destroy (f, "tiny");
}

/* The image alone is enough: a copy restored in a fresh root. */
static void
test_restore_in_fresh_root (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *other_root = NULL;
  g_autoptr(GAsyncQueue) other_events = g_async_queue_new_full (g_free);
  g_autoptr(GVirDriverDomain) restored = NULL;
  GVirDriverDomainInfo info;
  GVirDriverConnection *other;
  gsize len;

  if (qemu_test_emulator_missing ())
    return;
  path = g_build_filename (f->root, "tiny.img", NULL);
  define_and_start (f, "tiny", 0);
  g_assert_true (gvir_driver_connection_save_domain_to_file (f->conn, TINY_UUID, path, NULL, 0,
                                                             NULL, &error));
  g_assert_no_error (error);
  expect_event (f, "tiny 5/4");

  other_root = g_dir_make_tmp ("gvir-qemu-save-other-XXXXXX", &error);
  g_assert_no_error (error);
  copy = g_build_filename (other_root, "copy.img", NULL);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (copy, contents, (gssize) len, NULL));
  g_unlink (path);

  other = open_root (other_root, other_events);
  restored = gvir_driver_connection_restore_domain_from_file (other, copy, NULL, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (restored->uuid, ==, TINY_UUID);
  g_assert_false (restored->persistent);
  g_assert_true (gvir_driver_connection_get_domain_info (other, TINY_UUID, &info, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (info.state, ==, GVIR_DRIVER_STATE_RUNNING);
  g_assert_cmpuint (info.max_mem_kib, ==, 32768);
  g_assert_true (gvir_driver_connection_destroy_domain (other, TINY_UUID, 0, NULL, &error));
  g_assert_no_error (error);
  gvir_driver_connection_unref (other);
  g_assert_cmpuint (qemu_test_count_children ("guest="), ==, 0);
  gvir_test_remove_tree (other_root);
}

/* Managed save: shut off (saved) with an image, which survives the
 * driver's state, blocks a plain undefine, and is what the next start
 * runs (and then removes). */
static void
test_managed_save (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *image = NULL;
  g_autoptr(GVirDriverDomain) dom = NULL;

  if (qemu_test_emulator_missing ())
    return;
  image = g_build_filename (f->root, "lib", "qemu", "save", "tiny.save", NULL);
  define_and_start (f, "tiny", 0);
  g_assert_true (gvir_driver_connection_managed_save_domain (f->conn, TINY_UUID, 0, NULL,
                                                             &error));
  g_assert_no_error (error);
  expect_event (f, "tiny 5/4");
  expect_no_event (f);
  assert_state (f, GVIR_DRIVER_STATE_SHUTOFF, GVIR_DRIVER_SHUTOFF_SAVED);
  assert_nothing_runs (f);
  assert_magic (image, GVIR_QEMU_SAVE_MAGIC);
  dom = lookup (f);
  g_assert_true (dom->has_managed_save);
  g_clear_pointer (&dom, gvir_driver_domain_free);

  /* A new state of the root (as in another process) sees the image. */
  g_clear_pointer (&f->conn, gvir_driver_connection_unref);
  f->conn = open_root (f->root, f->events);
  dom = lookup (f);
  g_assert_true (dom->has_managed_save);
  g_clear_pointer (&dom, gvir_driver_domain_free);

  g_assert_false (gvir_driver_connection_undefine_domain (f->conn, TINY_UUID, 0, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
  g_assert_nonnull (strstr (error->message, "managed save"));
  g_clear_error (&error);
  expect_no_event (f);

  g_assert_true (gvir_driver_connection_start_domain (f->conn, TINY_UUID, 0, NULL, &error));
  g_assert_no_error (error);
  expect_event (f, "tiny 2/2");
  expect_no_event (f);
  assert_state (f, GVIR_DRIVER_STATE_RUNNING, GVIR_DRIVER_RUNNING_RESTORED);
  g_assert_false (g_file_test (image, G_FILE_TEST_EXISTS));
  dom = lookup (f);
  g_assert_false (dom->has_managed_save);
  g_clear_pointer (&dom, gvir_driver_domain_free);

  /* Saved while paused: the start gives it back paused. */
  g_assert_true (gvir_driver_connection_suspend_domain (f->conn, TINY_UUID, NULL, &error));
  expect_event (f, "tiny 3/0");
  g_assert_true (gvir_driver_connection_managed_save_domain (f->conn, TINY_UUID, 0, NULL,
                                                             &error));
  g_assert_no_error (error);
  expect_event (f, "tiny 5/4");
  g_assert_true (gvir_driver_connection_start_domain (f->conn, TINY_UUID, 0, NULL, &error));
  g_assert_no_error (error);
  expect_event (f, "tiny 2/2");
  expect_event (f, "tiny 3/0");
  assert_state (f, GVIR_DRIVER_STATE_PAUSED, GVIR_DRIVER_PAUSED_USER);

  /* Undefine that asks to remove the image removes it. */
  g_assert_true (gvir_driver_connection_managed_save_domain (f->conn, TINY_UUID, 0, NULL,
                                                             &error));
  expect_event (f, "tiny 5/4");
  g_assert_true (gvir_driver_connection_undefine_domain (f->conn, TINY_UUID,
                                                         GVIR_DRIVER_UNDEFINE_MANAGED_SAVE, NULL,
                                                         &error));
  g_assert_no_error (error);
  expect_event (f, "tiny 1/0");
  g_assert_false (g_file_test (image, G_FILE_TEST_EXISTS));
}

/* A managed save that cannot be read is moved aside with a warning and the
 * start fails; the next start boots. */
static void
test_managed_save_corrupt (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = tiny_xml ("tiny");
  g_autofree char *image = NULL;
  g_autofree char *aside = NULL;
  g_autoptr(GVirDriverDomain) dom = NULL;

  if (qemu_test_emulator_missing ())
    return;
  image = g_build_filename (f->root, "lib", "qemu", "save", "tiny.save", NULL);
  aside = g_strconcat (image, ".corrupt", NULL);
  dom = gvir_driver_connection_define_domain (f->conn, xml, 0, NULL, &error);
  g_assert_no_error (error);
  expect_event (f, "tiny 0/0");
  g_assert_true (g_file_set_contents (image, "LibvirtQemudSave but nothing else", -1, NULL));
  g_clear_pointer (&dom, gvir_driver_domain_free);
  dom = lookup (f);
  g_assert_true (dom->has_managed_save);

  g_test_expect_message (LIB_DOMAIN, G_LOG_LEVEL_WARNING, "managed save image moved aside*");
  g_assert_false (gvir_driver_connection_start_domain (f->conn, TINY_UUID, 0, NULL, &error));
  g_test_assert_expected_messages ();
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "cannot start domain from its managed save"));
  g_assert_nonnull (strstr (error->message, image));
  g_clear_error (&error);
  expect_no_event (f);
  assert_state (f, GVIR_DRIVER_STATE_SHUTOFF, GVIR_DRIVER_SHUTOFF_UNKNOWN);
  assert_nothing_runs (f);
  g_assert_false (g_file_test (image, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (aside, G_FILE_TEST_IS_REGULAR));

  g_assert_true (gvir_driver_connection_start_domain (f->conn, TINY_UUID, 0, NULL, &error));
  g_assert_no_error (error);
  expect_event (f, "tiny 2/0");
  assert_state (f, GVIR_DRIVER_STATE_RUNNING, GVIR_DRIVER_RUNNING_BOOTED);
  destroy (f, "tiny");
}

/* A failed save leaves the domain running as it was, with no event and no
 * file; a failed restore leaves nothing. */
static void
test_errors (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bad_dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *cut = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *other_xml = NULL;
  g_autofree char *left = NULL;
  g_autoptr(GVirDriverDomain) transient = NULL;
  gsize len;

  if (qemu_test_emulator_missing ())
    return;
  define_and_start (f, "tiny", 0);

  /* A folder that does not exist. */
  bad_dir = g_build_filename (f->root, "missing", "tiny.img", NULL);
  g_assert_false (gvir_driver_connection_save_domain_to_file (f->conn, TINY_UUID, bad_dir, NULL,
                                                              0, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, bad_dir));
  g_clear_error (&error);
  expect_no_event (f);
  assert_state (f, GVIR_DRIVER_STATE_RUNNING, GVIR_DRIVER_RUNNING_BOOTED);

  /* A path that is a folder: the save runs, then cannot take its place. */
  path = g_build_filename (f->root, "a-folder", NULL);
  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  g_assert_false (gvir_driver_connection_save_domain_to_file (f->conn, TINY_UUID, path, NULL, 0,
                                                              NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_FAILED);
  g_clear_error (&error);
  expect_no_event (f);
  assert_state (f, GVIR_DRIVER_STATE_RUNNING, GVIR_DRIVER_RUNNING_BOOTED);
  left = list_dir (f->root);
  g_assert_cmpstr (left, ==, "a-folder cache etc lib log run");
  g_clear_pointer (&left, g_free);
  g_rmdir (path);
  g_clear_pointer (&path, g_free);

  /* A replacement XML of another domain. */
  other_xml = g_strdup_printf ("<domain type='qemu'><name>other</name><uuid>" TINY_UUID
                               "</uuid><memory unit='MiB'>32</memory>"
                               "<os><type arch='x86_64' machine='pc'>hvm</type></os></domain>");
  path = g_build_filename (f->root, "tiny.img", NULL);
  g_assert_false (gvir_driver_connection_save_domain_to_file (f->conn, TINY_UUID, path,
                                                              other_xml, 0, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  assert_state (f, GVIR_DRIVER_STATE_RUNNING, GVIR_DRIVER_RUNNING_BOOTED);

  /* Saved for real, then restored from a cut stream: QEMU cannot load it. */
  g_assert_true (gvir_driver_connection_save_domain_to_file (f->conn, TINY_UUID, path, NULL, 0,
                                                             NULL, &error));
  g_assert_no_error (error);
  expect_event (f, "tiny 5/4");
  g_assert_false (gvir_driver_connection_save_domain_to_file (f->conn, TINY_UUID, path, NULL, 0,
                                                              NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  cut = g_build_filename (f->root, "cut.img", NULL);
  g_assert_true (g_file_set_contents (cut, contents, (gssize) (GVIR_QEMU_SAVE_HEADER_SIZE + 1024
                                                               + 4096), NULL));
  g_assert_null (gvir_driver_connection_restore_domain_from_file (f->conn, cut, NULL, 0, NULL,
                                                                  &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, cut));
  g_test_message ("a cut stream: %s", error->message);
  g_clear_error (&error);
  expect_no_event (f);
  assert_state (f, GVIR_DRIVER_STATE_SHUTOFF, GVIR_DRIVER_SHUTOFF_SAVED);
  assert_nothing_runs (f);

  /* A corrupt header: refused before anything runs. */
  contents[16] = 0x7f;     /* version 127 */
  g_assert_true (g_file_set_contents (cut, contents, (gssize) len, NULL));
  g_assert_null (gvir_driver_connection_restore_domain_from_file (f->conn, cut, NULL, 0, NULL,
                                                                  &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);
  assert_nothing_runs (f);

  /* A transient domain has no managed save. */
  g_assert_true (gvir_driver_connection_undefine_domain (f->conn, TINY_UUID, 0, NULL, &error));
  expect_event (f, "tiny 1/0");
  transient = gvir_driver_connection_restore_domain_from_file (f->conn, path, NULL, 0, NULL,
                                                               &error);
  g_assert_no_error (error);
  g_assert_false (transient->persistent);
  expect_event (f, "tiny 2/2");
  g_assert_false (gvir_driver_connection_managed_save_domain (f->conn, TINY_UUID, 0, NULL,
                                                              &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID);
  g_clear_error (&error);
  assert_state (f, GVIR_DRIVER_STATE_RUNNING, GVIR_DRIVER_RUNNING_RESTORED);
  left = list_dir (f->root);
  g_assert_cmpstr (left, ==, "cache cut.img etc lib log run tiny.img");
  destroy (f, "tiny");
}

/* The driver's call reads the XML of images a save wrote (here made by
 * hand, so no QEMU is needed) and refuses bad files as a restore does. */
static void
test_image_xml (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tiny = tiny_xml ("tiny");
  g_autoptr(GVirConfigDomain) def = gvir_qemu_parse_definition (tiny, &error);
  g_autofree char *expected = gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (def));
  g_autoptr(GByteArray) good = good_image (expected, TRUE, 64);
  g_autoptr(GByteArray) not_domain = good_image ("<network/>", TRUE, 64);
  g_autoptr(GByteArray) magic = good_image (expected, TRUE, 64);
  g_autofree char *good_path = write_image (f->root, "good.save", good->data, good->len);
  g_autofree char *short_path = write_image (f->root, "short.save", good->data, 40);
  g_autofree char *not_domain_path = NULL;
  g_autofree char *magic_path = NULL;
  g_autofree char *missing = g_build_filename (f->root, "missing.save", NULL);
  g_autofree char *xml = NULL;
  g_autofree char *secure = NULL;
  struct { const char *path; int code; const char *what; } bad[] = {
    { missing, GVIR_ERROR_NOT_FOUND, "No such file" },
    { short_path, GVIR_ERROR_INVALID_ARGUMENT, "shorter than its header" },
    { NULL, GVIR_ERROR_INVALID_ARGUMENT, "not a QEMU save image" },
    { NULL, GVIR_ERROR_INVALID_ARGUMENT, "is corrupt" },
  };
  gsize i;

  memcpy (magic->data, "NotAQemuSaveFile", 16);
  magic_path = write_image (f->root, "magic.save", magic->data, magic->len);
  not_domain_path = write_image (f->root, "network.save", not_domain->data, not_domain->len);
  bad[2].path = magic_path;
  bad[3].path = not_domain_path;

  xml = gvir_driver_connection_get_save_image_xml (f->conn, good_path, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xml, ==, expected);
  g_assert_nonnull (strstr (xml, "<name>tiny</name>"));
  secure = gvir_driver_connection_get_save_image_xml (f->conn, good_path,
                                                      GVIR_DRIVER_SAVE_IMAGE_XML_SECURE, NULL,
                                                      &error);
  g_assert_no_error (error);
  g_assert_cmpstr (secure, ==, expected);

  for (i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_null (gvir_driver_connection_get_save_image_xml (f->conn, bad[i].path, 0, NULL,
                                                                &error));
      g_assert_error (error, GVIR_ERROR, bad[i].code);
      g_assert_nonnull (strstr (error->message, bad[i].path));
      if (strstr (error->message, bad[i].what) == NULL)
        g_error ("'%s' does not say '%s'", error->message, bad[i].what);
      g_clear_error (&error);
    }
  /* Reading defined nothing. */
  g_assert_null (gvir_driver_connection_lookup_domain_by_uuid (f->conn, TINY_UUID, NULL, &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND);
}

/* A new XML goes into the image in place; the stream behind it stays. */
static void
test_image_define (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tiny = tiny_xml ("tiny");
  g_autofree char *other = tiny_xml ("other");
  g_autoptr(GVirConfigDomain) def = gvir_qemu_parse_definition (tiny, &error);
  g_autofree char *expected = gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (def));
  g_autoptr(GByteArray) good = good_image (expected, TRUE, 64);
  g_autofree char *path = write_image (f->root, "good.save", good->data, good->len);
  g_autofree char *titled = g_strdup_printf ("<domain type='qemu'><name>tiny</name>"
                                             "<uuid>" TINY_UUID "</uuid><title>edited</title>"
                                             "<memory unit='MiB'>32</memory><vcpu>1</vcpu>"
                                             "<os><type arch='x86_64' machine='pc'>hvm</type>"
                                             "</os></domain>");
  GString *huge = g_string_new ("<domain type='qemu'><name>tiny</name><uuid>" TINY_UUID
                                "</uuid><description>");
  g_autofree char *huge_xml = NULL;
  g_autofree char *after = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GVirQemuSaveImage) image = NULL;
  gsize len = 0;

  g_assert_true (gvir_driver_connection_define_save_image_xml (f->conn, path, titled,
                                                               GVIR_DRIVER_SAVE_IMAGE_PAUSED,
                                                               NULL, &error));
  g_assert_no_error (error);
  after = gvir_driver_connection_get_save_image_xml (f->conn, path, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (after, "<title>edited</title>"));
  image = gvir_qemu_save_image_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (image->was_running);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, ==, good->len);
  g_assert_cmpmem (contents + len - 64, 64, good->data + good->len - 64, 64);

  /* Another domain, or XML larger than the room: refused, image unchanged. */
  g_assert_false (gvir_driver_connection_define_save_image_xml (f->conn, path, other, 0, NULL,
                                                                &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "describes domain 'other'"));
  g_clear_error (&error);
  while (huge->len < 4096)
    g_string_append (huge, "padding ");
  g_string_append (huge, "</description><memory unit='MiB'>32</memory>"
                   "<os><type arch='x86_64' machine='pc'>hvm</type></os></domain>");
  huge_xml = g_string_free (huge, FALSE);
  g_assert_false (gvir_driver_connection_define_save_image_xml (f->conn, path, huge_xml, 0, NULL,
                                                                &error));
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "has room for 1024 bytes of XML"));
  g_clear_error (&error);
  g_free (after);
  after = gvir_driver_connection_get_save_image_xml (f->conn, path, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (after, "<title>edited</title>"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  qemu_test_kill_children_on_abort ();

  g_test_add_func ("/qemu/save/reader/good", test_reader_good);
  g_test_add_func ("/qemu/save/reader/corrupt-header", test_reader_corrupt);
  g_test_add_func ("/qemu/save/reader/bad-content", test_reader_bad_content);
  g_test_add_func ("/qemu/save/reader/not-files", test_reader_not_files);
  g_test_add ("/qemu/save/running-round-trip", Fixture, NULL, fixture_setup,
              test_running_round_trip, fixture_teardown);
  g_test_add ("/qemu/save/paused-round-trip-memory", Fixture, NULL, fixture_setup,
              test_paused_round_trip_memory, fixture_teardown);
  g_test_add ("/qemu/save/restore-in-fresh-root", Fixture, NULL, fixture_setup,
              test_restore_in_fresh_root, fixture_teardown);
  g_test_add ("/qemu/save/managed", Fixture, NULL, fixture_setup, test_managed_save,
              fixture_teardown);
  g_test_add ("/qemu/save/managed-corrupt", Fixture, NULL, fixture_setup,
              test_managed_save_corrupt, fixture_teardown);
  g_test_add ("/qemu/save/image-xml", Fixture, NULL, fixture_setup, test_image_xml,
              fixture_teardown);
  g_test_add ("/qemu/save/image-define", Fixture, NULL, fixture_setup, test_image_define,
              fixture_teardown);
  g_test_add ("/qemu/save/errors", Fixture, NULL, fixture_setup, test_errors, fixture_teardown);
  return g_test_run ();
}
