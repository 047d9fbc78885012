/*
 * gvir-qemu-status.c: what the QEMU driver records of a running domain
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "libvirt-gobject/libvirt-gobject-error.h"
#include "libvirt-gobject/drivers/gvir-driver-types-private.h"
#include "gvir-qemu-status-private.h"

/* The format's version: a later one this code does not know is refused
 * rather than half understood. */
#define STATUS_VERSION 1
/* More vCPU threads than a domain may have vCPUs means a corrupt file. */
#define MAX_VCPU_THREADS 16384

GVirQemuStatus *
gvir_qemu_status_new (void)
{
  GVirQemuStatus *status = g_new0 (GVirQemuStatus, 1);

  status->id = -1;
  status->vcpu_threads = g_array_new (FALSE, FALSE, sizeof (gint64));
  return status;
}

void
gvir_qemu_status_free (GVirQemuStatus *status)
{
  if (status == NULL)
    return;
  g_free (status->monitor_path);
  g_array_unref (status->vcpu_threads);
  g_free (status->live_xml);
  g_free (status);
}

char *
gvir_qemu_status_to_json (const GVirQemuStatus *status)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *start_time = g_strdup_printf ("%" G_GUINT64_FORMAT, status->start_time);
  guint i;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, STATUS_VERSION);
  json_builder_set_member_name (b, "id");
  json_builder_add_int_value (b, status->id);
  json_builder_set_member_name (b, "state");
  json_builder_add_int_value (b, status->state);
  json_builder_set_member_name (b, "reason");
  json_builder_add_int_value (b, status->reason);
  json_builder_set_member_name (b, "pid");
  json_builder_add_int_value (b, status->pid);
  /* As a string: JSON numbers above 2^53 do not survive every reader. */
  json_builder_set_member_name (b, "start-time");
  json_builder_add_string_value (b, start_time);
  json_builder_set_member_name (b, "monitor");
  json_builder_add_string_value (b, status->monitor_path);
  json_builder_set_member_name (b, "vcpu-threads");
  json_builder_begin_array (b);
  for (i = 0; i < status->vcpu_threads->len; i++)
    json_builder_add_int_value (b, g_array_index (status->vcpu_threads, gint64, i));
  json_builder_end_array (b);
  json_builder_set_member_name (b, "xml");
  json_builder_add_string_value (b, status->live_xml);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  return json_to_string (root, TRUE);
}

/* ---- reading ------------------------------------------------------------------ */

typedef struct
{
  JsonObject *object;
  const char *what;
  GError **error;
} StatusReader;

static gboolean
reader_fail (StatusReader *r,
             const char   *member,
             const char   *problem)
{
  g_set_error (r->error, GVIR_ERROR, GVIR_ERROR_FAILED, "invalid status file '%s': %s %s",
               r->what, member, problem);
  return FALSE;
}

/* The integer member @name, within [@min, @max]. */
static gboolean
read_int (StatusReader *r,
          const char   *name,
          gint64        min,
          gint64        max,
          gint64       *out)
{
  JsonNode *node = json_object_get_member (r->object, name);

  if (node == NULL)
    return reader_fail (r, name, "is missing");
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return reader_fail (r, name, "is not an integer");
  *out = json_node_get_int (node);
  if (*out < min || *out > max)
    return reader_fail (r, name, "is out of range");
  return TRUE;
}

static gboolean
read_string (StatusReader  *r,
             const char    *name,
             const char   **out)
{
  JsonNode *node = json_object_get_member (r->object, name);

  if (node == NULL)
    return reader_fail (r, name, "is missing");
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return reader_fail (r, name, "is not a string");
  *out = json_node_get_string (node);
  return TRUE;
}

static gboolean
read_start_time (StatusReader *r,
                 guint64      *out)
{
  const char *text;

  if (!read_string (r, "start-time", &text))
    return FALSE;
  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT64, out, NULL))
    return reader_fail (r, "start-time", "is not a number");
  return TRUE;
}

static gboolean
read_vcpu_threads (StatusReader *r,
                   GArray       *threads)
{
  JsonNode *node = json_object_get_member (r->object, "vcpu-threads");
  JsonArray *array;
  guint i, n;

  if (node == NULL)
    return reader_fail (r, "vcpu-threads", "is missing");
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return reader_fail (r, "vcpu-threads", "is not an array");
  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n > MAX_VCPU_THREADS)
    return reader_fail (r, "vcpu-threads", "has too many entries");
  for (i = 0; i < n; i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      gint64 tid;

      if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_INT64 ||
          (tid = json_node_get_int (item)) <= 0 || tid > G_MAXINT32)
        return reader_fail (r, "vcpu-threads", "holds something that is not a thread id");
      g_array_append_val (threads, tid);
    }
  return TRUE;
}

static gboolean
read_fields (StatusReader   *r,
             GVirQemuStatus *status)
{
  gint64 version, id, state, reason;
  const char *monitor, *xml;

  if (!read_int (r, "version", 1, G_MAXINT32, &version))
    return FALSE;
  if (version != STATUS_VERSION)
    return reader_fail (r, "version", "is one this library does not know");
  if (!read_int (r, "id", 1, G_MAXINT32, &id) ||
      !read_int (r, "state", GVIR_DRIVER_STATE_NOSTATE, GVIR_DRIVER_STATE_PMSUSPENDED, &state) ||
      !read_int (r, "reason", 0, G_MAXINT32, &reason) ||
      !read_int (r, "pid", 1, G_MAXINT32, &status->pid) ||
      !read_start_time (r, &status->start_time) ||
      !read_string (r, "monitor", &monitor) ||
      !read_vcpu_threads (r, status->vcpu_threads) ||
      !read_string (r, "xml", &xml))
    return FALSE;
  status->id = id;
  status->state = state;
  status->reason = reason;
  status->monitor_path = g_strdup (monitor);
  status->live_xml = g_strdup (xml);
  return TRUE;
}

GVirQemuStatus *
gvir_qemu_status_from_json (const char  *text,
                            const char  *what,
                            GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GVirQemuStatus) status = gvir_qemu_status_new ();
  g_autoptr(GError) local = NULL;
  StatusReader r = { NULL, what, error };
  JsonNode *root;

  if (!json_parser_load_from_data (parser, text, -1, &local))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_FAILED, "invalid status file '%s': %s", what,
                   local->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_FAILED,
                   "invalid status file '%s': not a JSON object", what);
      return NULL;
    }
  r.object = json_node_get_object (root);
  if (!read_fields (&r, status))
    return NULL;
  return g_steal_pointer (&status);
}

/* ---- the process behind a pid ------------------------------------------------------ */

/* Field @field (counted from 1, at least 3) of a /proc/PID/stat text. The
 * second field, the command name, is in parentheses and may itself hold
 * spaces and parentheses: the fields are counted from the last ')'. */
static gboolean
parse_stat_field (const char *stat,
                  guint       field,
                  guint64    *value)
{
  const char *close = strrchr (stat, ')');
  g_auto(GStrv) fields = NULL;

  if (close == NULL || close[1] != ' ')
    return FALSE;
  /* fields[0] is field 3 (the state). */
  fields = g_strsplit (close + 2, " ", field - 1);
  if (g_strv_length (fields) < field - 2)
    return FALSE;
  return g_ascii_string_to_unsigned (g_strstrip (fields[field - 3]), 10, 0, G_MAXUINT64, value,
                                     NULL);
}

gboolean
gvir_qemu_process_stat_field (gint64    pid,
                              guint     field,
                              guint64  *value,
                              GError  **error)
{
  g_autofree char *path = g_strdup_printf ("/proc/%" G_GINT64_FORMAT "/stat", pid);
  g_autofree char *stat = NULL;

  g_return_val_if_fail (field >= 3, FALSE);

  if (pid <= 0 || !g_file_get_contents (path, &stat, NULL, NULL))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND, "no process %" G_GINT64_FORMAT, pid);
      return FALSE;
    }
  if (!parse_stat_field (stat, field, value))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_FAILED, "cannot read field %u of '%s'", field,
                   path);
      return FALSE;
    }
  return TRUE;
}

gboolean
gvir_qemu_process_start_time (gint64    pid,
                              guint64  *start_time,
                              GError  **error)
{
  return gvir_qemu_process_stat_field (pid, 22, start_time, error);
}

/* The state letter of process @pid (field 3), or 0 when there is none. */
static char
process_state (gint64 pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%" G_GINT64_FORMAT "/stat", pid);
  g_autofree char *stat = NULL;
  const char *close;

  if (pid <= 0 || !g_file_get_contents (path, &stat, NULL, NULL))
    return 0;
  close = strrchr (stat, ')');
  return close != NULL && close[1] == ' ' ? close[2] : 0;
}

gboolean
gvir_qemu_process_is_running (gint64  pid,
                              guint64 start_time)
{
  guint64 now;
  char state;

  if (!gvir_qemu_process_start_time (pid, &now, NULL) || now != start_time)
    return FALSE;
  /* A zombie (Z) or a dying process (X) has ended; only its entry is left. */
  state = process_state (pid);
  return state != 0 && state != 'Z' && state != 'X';
}

gboolean
gvir_qemu_status_process_matches (const GVirQemuStatus *status)
{
  return gvir_qemu_process_is_running (status->pid, status->start_time);
}
