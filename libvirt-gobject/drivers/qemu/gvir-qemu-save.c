/*
 * gvir-qemu-save.c: save images, save/restore and managed save
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * A save stops the guest, writes the header and the live XML, has QEMU
 * migrate into the same file descriptor (QEMU 7.2 has no file: migration)
 * and, once QEMU reports the migration completed, marks the image whole
 * and ends QEMU. A restore runs QEMU with `-incoming defer` and feeds it
 * the image's descriptor, positioned after the header, with getfd and
 * migrate-incoming.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "libvirt-gobject/libvirt-gobject-error.h"
#include "gvir-qemu-save-private.h"
#include "gvir-qmp-private.h"

/* How long a migration into or out of an image may take. */
#define MIGRATION_TIMEOUT_US (120 * G_USEC_PER_SEC)
/* How often query-migrate asks meanwhile. */
#define MIGRATION_POLL_US (5 * 1000)
/* The XML is padded with NULs up to a multiple of this, as libvirt leaves
 * room to edit it in place. */
#define DATA_ALIGN 1024

/* ---- the image's header --------------------------------------------------------- */

enum
{
  FIELD_VERSION,
  FIELD_DATA_LEN,
  FIELD_WAS_RUNNING,
  FIELD_FORMAT,
  FIELD_COOKIE_OFFSET,
};

static void
put_u32 (guint8 *header, int field, guint32 value)
{
  value = GUINT32_TO_LE (value);
  memcpy (header + 16 + field * 4, &value, 4);
}

static guint32
get_u32 (const guint8 *header, int field)
{
  guint32 value;

  memcpy (&value, header + 16 + field * 4, 4);
  return GUINT32_FROM_LE (value);
}

guint8 *
gvir_qemu_save_header_new (const char *xml,
                           gboolean    was_running,
                           gsize      *len)
{
  gsize data_len = strlen (xml) + 1;
  guint8 *bytes;

  data_len = (data_len + DATA_ALIGN - 1) / DATA_ALIGN * DATA_ALIGN;
  *len = GVIR_QEMU_SAVE_HEADER_SIZE + data_len;
  bytes = g_malloc0 (*len);
  memcpy (bytes, GVIR_QEMU_SAVE_MAGIC_PARTIAL, 16);
  put_u32 (bytes, FIELD_VERSION, GVIR_QEMU_SAVE_VERSION);
  put_u32 (bytes, FIELD_DATA_LEN, (guint32) data_len);
  put_u32 (bytes, FIELD_WAS_RUNNING, was_running ? 1 : 0);
  memcpy (bytes + GVIR_QEMU_SAVE_HEADER_SIZE, xml, strlen (xml));
  return bytes;
}

void
gvir_qemu_save_image_free (GVirQemuSaveImage *image)
{
  if (image->fd >= 0)
    close (image->fd);
  g_free (image->path);
  g_free (image->xml);
  g_free (image);
}

/* Reads up to @len bytes; the count read (short only at the end of the
 * file), or -1 with errno. */
static gssize
read_full (int fd, void *buf, gsize len)
{
  gsize done = 0;

  while (done < len)
    {
      gssize n = read (fd, (char *) buf + done, len - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return -1;
      if (n == 0)
        break;
      done += (gsize) n;
    }
  return (gssize) done;
}

G_GNUC_PRINTF (3, 4) static void
set_image_error (GError     **error,
                 const char  *path,
                 const char  *format,
                 ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT, "save image '%s' %s", path, what);
}

/* Checks the fixed header against the file's size; the data length it
 * announces is returned in @data_len. */
static gboolean
check_header (const guint8  *header,
              const char    *path,
              guint64        file_size,
              guint32       *data_len,
              GError       **error)
{
  guint32 version = get_u32 (header, FIELD_VERSION);
  guint32 format = get_u32 (header, FIELD_FORMAT);
  guint32 was_running = get_u32 (header, FIELD_WAS_RUNNING);
  guint32 cookie = get_u32 (header, FIELD_COOKIE_OFFSET);

  *data_len = get_u32 (header, FIELD_DATA_LEN);
  if (memcmp (header, GVIR_QEMU_SAVE_MAGIC_PARTIAL, 16) == 0)
    set_image_error (error, path, "is incomplete: the save that wrote it did not finish");
  else if (memcmp (header, GVIR_QEMU_SAVE_MAGIC, 16) != 0)
    set_image_error (error, path, "is not a QEMU save image (bad magic)");
  else if (version != GVIR_QEMU_SAVE_VERSION)
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED,
                 "save image '%s' has version %u; only version %d is supported", path, version,
                 GVIR_QEMU_SAVE_VERSION);
  else if (format != 0)
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED,
                 "save image '%s' is compressed (format %u); only raw images are supported",
                 path, format);
  else if (was_running > 1)
    set_image_error (error, path, "is corrupt: running flag %u", was_running);
  else if (*data_len == 0 || *data_len > GVIR_QEMU_SAVE_DATA_MAX)
    set_image_error (error, path, "is corrupt: data length %u (at most %d)", *data_len,
                     GVIR_QEMU_SAVE_DATA_MAX);
  else if (cookie >= *data_len && cookie != 0)
    set_image_error (error, path, "is corrupt: cookie offset %u past the data (%u bytes)",
                     cookie, *data_len);
  else if ((guint64) GVIR_QEMU_SAVE_HEADER_SIZE + *data_len >= file_size)
    set_image_error (error, path, "is truncated: %" G_GUINT64_FORMAT " bytes hold no migration "
                     "stream after %u bytes of data", file_size, *data_len);
  else
    return TRUE;
  return FALSE;
}

/* The XML in @data: up to the cookie, NUL-terminated, not empty. */
static char *
extract_xml (const guint8  *data,
             guint32        data_len,
             guint32        cookie,
             const char    *path,
             GError       **error)
{
  gsize limit = cookie != 0 ? cookie : data_len;
  const guint8 *nul = memchr (data, '\0', limit);

  if (nul == NULL)
    {
      set_image_error (error, path, "is corrupt: its XML is not terminated");
      return NULL;
    }
  if (nul == data)
    {
      set_image_error (error, path, "is corrupt: it holds no domain XML");
      return NULL;
    }
  return g_strndup ((const char *) data, (gsize) (nul - data));
}

static gboolean
read_image (GVirQemuSaveImage  *image,
            GError            **error)
{
  guint8 header[GVIR_QEMU_SAVE_HEADER_SIZE];
  g_autofree guint8 *data = NULL;
  struct stat st;
  guint32 data_len;
  gssize n;

  if (fstat (image->fd, &st) < 0)
    {
      set_image_error (error, image->path, "cannot be read: %s", g_strerror (errno));
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      set_image_error (error, image->path, "is not a regular file");
      return FALSE;
    }
  n = read_full (image->fd, header, sizeof header);
  if (n < 0)
    {
      set_image_error (error, image->path, "cannot be read: %s", g_strerror (errno));
      return FALSE;
    }
  if (n < (gssize) sizeof header)
    {
      set_image_error (error, image->path, "is truncated: %" G_GSSIZE_FORMAT
                       " bytes, shorter than its header (%d bytes)", n,
                       GVIR_QEMU_SAVE_HEADER_SIZE);
      return FALSE;
    }
  if (!check_header (header, image->path, (guint64) st.st_size, &data_len, error))
    return FALSE;
  data = g_malloc (data_len);
  n = read_full (image->fd, data, data_len);
  if (n != (gssize) data_len)
    {
      set_image_error (error, image->path, "is truncated inside its XML");
      return FALSE;
    }
  image->xml = extract_xml (data, data_len, get_u32 (header, FIELD_COOKIE_OFFSET), image->path,
                            error);
  image->was_running = get_u32 (header, FIELD_WAS_RUNNING) == 1;
  return image->xml != NULL;
}

GVirQemuSaveImage *
gvir_qemu_save_image_open (const char  *path,
                           GError     **error)
{
  g_autoptr(GVirQemuSaveImage) image = g_new0 (GVirQemuSaveImage, 1);

  image->path = g_strdup (path);
  /* O_NONBLOCK: a FIFO must not block the open; it is refused after fstat. */
  image->fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (image->fd < 0)
    {
      int saved = errno;

      g_set_error (error, GVIR_ERROR,
                   saved == ENOENT ? GVIR_ERROR_NOT_FOUND : GVIR_ERROR_INVALID_ARGUMENT,
                   "cannot open save image '%s': %s", path, g_strerror (saved));
      return NULL;
    }
  if (!read_image (image, error))
    return NULL;
  /* QEMU reads the stream from here; it expects blocking reads. */
  if (fcntl (image->fd, F_SETFL, O_RDONLY) < 0)
    {
      set_image_error (error, path, "cannot be read: %s", g_strerror (errno));
      return NULL;
    }
  return g_steal_pointer (&image);
}

/* ---- migration -------------------------------------------------------------------- */

/* Waits, with a bound, until QEMU's migration (out of or into it)
 * completes; @what names it in errors. */
static gboolean
wait_migration (GVirQemuProcess  *proc,
                const char       *what,
                GCancellable     *cancellable,
                GError          **error)
{
  gint64 deadline = g_get_monotonic_time () + MIGRATION_TIMEOUT_US;

  for (;;)
    {
      g_autoptr(JsonNode) reply = NULL;
      JsonObject *info;
      const char *status;

      if (!gvir_qemu_process_command (proc, "query-migrate", NULL, &reply, cancellable, error))
        return FALSE;
      info = JSON_NODE_HOLDS_OBJECT (reply) ? json_node_get_object (reply) : NULL;
      status = info != NULL ? gvir_qmp_json_get_string (info, "status") : NULL;
      if (g_strcmp0 (status, "completed") == 0)
        return TRUE;
      if (g_strcmp0 (status, "failed") == 0 || g_strcmp0 (status, "cancelled") == 0)
        {
          const char *desc = gvir_qmp_json_get_string (info, "error-desc");

          g_set_error (error, GVIR_ERROR, GVIR_ERROR_FAILED, "%s failed: %s", what,
                       desc != NULL ? desc : status);
          return FALSE;
        }
      if (g_get_monotonic_time () > deadline)
        {
          g_set_error (error, GVIR_ERROR, GVIR_ERROR_FAILED, "%s did not complete within %d s",
                       what, (int) (MIGRATION_TIMEOUT_US / G_USEC_PER_SEC));
          return FALSE;
        }
      g_usleep (MIGRATION_POLL_US);
    }
}

/* Hands @fd to QEMU under @fdname and runs @command with uri fd:@fdname. */
static gboolean
migrate_with_fd (GVirQemuProcess  *proc,
                 const char       *command,
                 const char       *fdname,
                 int               fd,
                 GCancellable     *cancellable,
                 GError          **error)
{
  g_autoptr(JsonObject) getfd = json_object_new ();
  g_autoptr(JsonObject) migrate = json_object_new ();
  g_autofree char *uri = g_strconcat ("fd:", fdname, NULL);

  json_object_set_string_member (getfd, "fdname", fdname);
  json_object_set_string_member (migrate, "uri", uri);
  return gvir_qemu_process_command_with_fd (proc, "getfd", getfd, fd, NULL, cancellable, error) &&
         gvir_qemu_process_command (proc, command, migrate, NULL, cancellable, error);
}

/* ---- writing an image -------------------------------------------------------------- */

static gboolean
write_full (int fd, const void *buf, gsize len)
{
  gsize done = 0;

  while (done < len)
    {
      gssize n = write (fd, (const char *) buf + done, len - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return FALSE;
      done += (gsize) n;
    }
  return TRUE;
}

/* An image being written: a temporary file beside @path. */
typedef struct
{
  char *path;
  char *tmp_path;
  int fd;
} ImageWriter;

static void
writer_discard (ImageWriter *w)
{
  if (w->fd >= 0)
    close (w->fd);
  if (w->tmp_path != NULL)
    g_unlink (w->tmp_path);
  g_free (w->tmp_path);
  g_free (w->path);
}

static gboolean
writer_begin (ImageWriter  *w,
              const char   *path,
              const char   *xml,
              gboolean      was_running,
              GError      **error)
{
  g_autofree guint8 *header = NULL;
  gsize len;

  w->path = g_strdup (path);
  w->tmp_path = g_strconcat (path, ".XXXXXX", NULL);
  w->fd = g_mkstemp_full (w->tmp_path, O_RDWR | O_CLOEXEC, 0600);
  if (w->fd < 0)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_FAILED, "cannot create save image '%s': %s",
                   path, g_strerror (errno));
      g_clear_pointer (&w->tmp_path, g_free);
      return FALSE;
    }
  header = gvir_qemu_save_header_new (xml, was_running, &len);
  if (!write_full (w->fd, header, len))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_FAILED, "cannot write save image '%s': %s",
                   path, g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

/* Makes the image whole: on disk, then the final magic, then in place. */
static gboolean
writer_commit (ImageWriter  *w,
               GError      **error)
{
  if (fsync (w->fd) < 0 || pwrite (w->fd, GVIR_QEMU_SAVE_MAGIC, 16, 0) != 16 ||
      fsync (w->fd) < 0 || g_rename (w->tmp_path, w->path) < 0)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_FAILED, "cannot write save image '%s': %s",
                   w->path, g_strerror (errno));
      return FALSE;
    }
  g_clear_pointer (&w->tmp_path, g_free);
  return TRUE;
}

/* ---- save ----------------------------------------------------------------------------- */

/* @custom_xml, which must describe the domain of @live. */
static char *
check_custom_xml (const char        *custom_xml,
                  GVirConfigDomain  *live,
                  GError           **error)
{
  g_autoptr(GVirConfigDomain) def = gvir_qemu_parse_definition (custom_xml, error);
  const char *name, *uuid;

  if (def == NULL)
    return NULL;
  name = gvir_config_domain_get_name (def);
  uuid = gvir_config_domain_get_uuid (def);
  if (!g_str_equal (name, gvir_config_domain_get_name (live)) ||
      !g_str_equal (uuid, gvir_config_domain_get_uuid (live)))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                   "the replacement XML describes domain '%s' (%s), not '%s' (%s)", name, uuid,
                   gvir_config_domain_get_name (live), gvir_config_domain_get_uuid (live));
      return NULL;
    }
  return gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (def));
}

/* What a save of a running domain must know, taken under the state lock. */
typedef struct
{
  char *xml;
  char *path;             /* of the image */
  gboolean was_running;
  int reason;             /* the running reason to return to on failure */
} SaveSource;

static gboolean
save_source_take (GVirQemuState   *state,
                  GVirQemuDomain  *dom,
                  const char      *path,
                  const char      *custom_xml,
                  SaveSource      *src,
                  GError         **error)
{
  g_mutex_lock (&state->mutex);
  if (path == NULL && dom->def == NULL)
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID,
                 "cannot do a managed save of transient domain '%s'", dom->entry->name);
  else if (dom->state_now != GVIR_DRIVER_STATE_RUNNING &&
           dom->state_now != GVIR_DRIVER_STATE_PAUSED)
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID,
                 "domain '%s' is neither running nor paused", dom->entry->name);
  else
    {
      src->was_running = dom->state_now == GVIR_DRIVER_STATE_RUNNING;
      src->reason = dom->reason;
      src->xml = custom_xml != NULL ? check_custom_xml (custom_xml, dom->live, error)
                                    : gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (dom->live));
      src->path = path != NULL ? g_strdup (path)
                               : gvir_qemu_paths_save_file (state->paths, dom->entry->name);
    }
  /* From here the save reports the end of QEMU itself: the monitor's end
   * leaves the domain and its process alone. */
  if (src->xml != NULL)
    dom->destroying = TRUE;
  g_mutex_unlock (&state->mutex);
  return src->xml != NULL;
}

/* Pauses a running guest for the save. The state says paused (SAVE)
 * before QEMU's STOP event arrives, so that the monitor reports no user
 * pause: libvirt emits no suspended event for a save. */
static gboolean
save_pause (GVirQemuState   *state,
            GVirQemuDomain  *dom,
            GError         **error)
{
  g_mutex_lock (&state->mutex);
  gvir_qemu_domain_set_state (dom, GVIR_DRIVER_STATE_PAUSED, GVIR_QEMU_PAUSED_SAVE, -1, 0, NULL);
  g_mutex_unlock (&state->mutex);
  return gvir_qemu_process_command (dom->proc, "stop", NULL, NULL, NULL, error);
}

/* A failed save leaves the guest as it was, quietly: it was never
 * reported paused. */
static void
save_undo_pause (GVirQemuState  *state,
                 GVirQemuDomain *dom,
                 int             reason)
{
  g_autoptr(GError) error = NULL;

  g_mutex_lock (&state->mutex);
  gvir_qemu_domain_set_state (dom, GVIR_DRIVER_STATE_RUNNING, reason, -1, 0, NULL);
  g_mutex_unlock (&state->mutex);
  if (!gvir_qemu_process_command (dom->proc, "cont", NULL, NULL, NULL, &error))
    {
      g_mutex_lock (&state->mutex);
      g_warning ("domain '%s' stays paused after a failed save: %s", dom->entry->name,
                 error->message);
      gvir_qemu_domain_set_state (dom, GVIR_DRIVER_STATE_PAUSED, GVIR_DRIVER_PAUSED_UNKNOWN, -1,
                                  0, NULL);
      g_mutex_unlock (&state->mutex);
    }
}

/* QEMU's part of a save: the guest's state into @fd. */
static gboolean
save_stream (GVirQemuDomain  *dom,
             int              fd,
             GCancellable    *cancellable,
             GError         **error)
{
  g_autoptr(JsonObject) close_args = json_object_new ();
  gboolean ok;

  ok = migrate_with_fd (dom->proc, "migrate", "migrate", fd, cancellable, error) &&
       wait_migration (dom->proc, "saving the guest's state", cancellable, error);
  /* QEMU closes the descriptor after a migration; a failure may leave it. */
  json_object_set_string_member (close_args, "fdname", "migrate");
  gvir_qemu_process_command (dom->proc, "closefd", close_args, NULL, NULL, NULL);
  return ok;
}

/* Ends the saved domain's QEMU: shut off (saved), stopped::saved. */
static gboolean
save_stop (GVirQemuState   *state,
           GVirQemuDomain  *dom,
           GError         **error)
{
  return gvir_qemu_domain_kill (state, dom, GVIR_DRIVER_SHUTOFF_SAVED, GVIR_DRIVER_STOPPED_SAVED,
                                error);
}

/* After a failed save: the guest as it was, or, when QEMU ended meanwhile,
 * the domain shut off (crashed) as the monitor's end would have left it. */
static void
save_recover (GVirQemuState  *state,
              GVirQemuDomain *dom,
              gboolean        paused,
              int             reason)
{
  g_autoptr(GVirDriverEvents) events = gvir_driver_events_new ();
  GVirQemuProcess *proc;
  gboolean alive;

  if (paused)
    save_undo_pause (state, dom, reason);
  alive = gvir_qemu_process_command (dom->proc, "query-status", NULL, NULL, NULL, NULL);
  g_mutex_lock (&state->mutex);
  dom->destroying = FALSE;
  proc = alive ? NULL : dom->proc;
  g_mutex_unlock (&state->mutex);
  if (alive)
    return;

  gvir_qemu_process_kill (proc, GVIR_QEMU_DESTROY_GRACE_MS, NULL);
  g_mutex_lock (&state->mutex);
  dom->proc = NULL;
  gvir_qemu_domain_mark_stopped (state, dom, GVIR_DRIVER_SHUTOFF_CRASHED,
                                 GVIR_DRIVER_STOPPED_FAILED, events);
  g_mutex_unlock (&state->mutex);
  gvir_qemu_state_emit (state, events);
  gvir_qemu_process_free (proc);
  gvir_qemu_domain_unref (dom);          /* the process's reference */
}

/* Saves running domain @uuid into @path, or its managed save when NULL. */
static gboolean
save_to (GVirQemuState  *state,
         const char     *uuid,
         const char     *path,
         const char     *custom_xml,
         GCancellable   *cancellable,
         GError        **error)
{
  GVirQemuDomain *dom = gvir_qemu_job_begin_active (state, uuid, error);
  SaveSource src = { 0 };
  ImageWriter writer = { .fd = -1 };
  gboolean paused = FALSE;
  gboolean ok = FALSE;

  if (dom == NULL)
    return FALSE;
  if (!save_source_take (state, dom, path, custom_xml, &src, error))
    goto out;
  if (!writer_begin (&writer, src.path, src.xml, src.was_running, error))
    goto out;
  paused = src.was_running;
  if (paused && !save_pause (state, dom, error))
    goto out;
  if (!save_stream (dom, writer.fd, cancellable, error) || !writer_commit (&writer, error))
    goto out;
  ok = save_stop (state, dom, error);
  if (!ok)
    g_unlink (src.path);

out:
  if (!ok && src.xml != NULL)
    save_recover (state, dom, paused, src.reason);
  writer_discard (&writer);
  g_free (src.xml);
  g_free (src.path);
  gvir_qemu_job_end (dom);
  return ok;
}

gboolean
gvir_qemu_save_domain (GVirQemuState  *state,
                       const char     *uuid,
                       const char     *path,
                       const char     *custom_xml,
                       guint           flags,
                       GCancellable   *cancellable,
                       GError        **error)
{
  if (path == NULL || *path == '\0')
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT, "no path to save to");
      return FALSE;
    }
  return save_to (state, uuid, path, custom_xml, cancellable, error);
}

gboolean
gvir_qemu_managed_save_domain (GVirQemuState  *state,
                               const char     *uuid,
                               guint           flags,
                               GCancellable   *cancellable,
                               GError        **error)
{
  return save_to (state, uuid, NULL, NULL, cancellable, error);
}

/* ---- restore ---------------------------------------------------------------------------- */

/* The last line QEMU wrote to the log at @path (at most its last 2 KiB
 * are read), or "". */
static char *
log_last_line (const char *path)
{
  char buf[2048];
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  off_t size;
  gssize n = 0;
  char *nl;

  if (fd < 0)
    return g_strdup ("");
  size = lseek (fd, 0, SEEK_END);
  if (size > 0 && lseek (fd, size > (off_t) sizeof buf - 1 ? size - (off_t) sizeof buf + 1 : 0,
                         SEEK_SET) >= 0)
    n = read_full (fd, buf, sizeof buf - 1);
  close (fd);
  buf[n > 0 ? n : 0] = '\0';
  g_strchomp (buf);
  nl = strrchr (buf, '\n');
  return g_strdup (nl != NULL ? nl + 1 : buf);
}

/* QEMU 7.2 exits when a stream does not load: its log says why. */
static void
add_log_reason (GError     **error,
                const char  *log_path)
{
  g_autofree char *why = NULL;
  char *message;

  if (error == NULL || *error == NULL)
    return;
  why = log_last_line (log_path);
  message = g_strdup_printf ("%s (QEMU: %s)", (*error)->message, why);
  g_free ((*error)->message);
  (*error)->message = message;
}

/* What a restore gives its launch. */
typedef struct
{
  GVirQemuSaveImage *image;
  const char *log_path;
} RestoreStream;

/* QEMU's part of a restore: the guest's state from the image, before
 * the guest runs. */
static gboolean
restore_stream (GVirQemuProcess  *proc,
                gpointer          data,
                GCancellable     *cancellable,
                GError          **error)
{
  RestoreStream *stream = data;
  g_autoptr(GError) local = NULL;

  if (!migrate_with_fd (proc, "migrate-incoming", "restore", stream->image->fd, cancellable,
                        &local) ||
      !wait_migration (proc, "loading the guest's state", cancellable, &local))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_FAILED, "cannot restore from '%s': %s",
                   stream->image->path, local->message);
      add_log_reason (error, stream->log_path);
      return FALSE;
    }
  return TRUE;
}

/* Whether a restore leaves the guest running: the image's word unless
 * @flags say otherwise. */
static gboolean
restore_runs (const GVirQemuSaveImage *image,
              guint                    flags)
{
  if (flags & GVIR_QEMU_SAVE_PAUSED)
    return FALSE;
  if (flags & GVIR_QEMU_SAVE_RUNNING)
    return TRUE;
  return image->was_running;
}

/* Runs inactive @dom (job held) with @def from @image: running (restored)
 * and started::restored; paused ones also suspended::paused. Nothing is
 * left behind on failure. */
static gboolean
restore_start (GVirQemuState      *state,
               GVirQemuDomain     *dom,
               GVirConfigDomain   *def,
               GVirQemuSaveImage  *image,
               gboolean            run,
               GCancellable       *cancellable,
               GError            **error)
{
  g_autofree char *log_path = NULL;
  RestoreStream stream = { image, NULL };
  GVirQemuLaunch launch = {
    .incoming_defer = TRUE,
    .before_run = restore_stream,
    .before_run_data = &stream,
    .paused = !run,
    .running_reason = GVIR_DRIVER_RUNNING_RESTORED,
    .started_detail = GVIR_DRIVER_STARTED_RESTORED,
  };

  g_mutex_lock (&state->mutex);
  log_path = gvir_qemu_paths_log_file (state->paths, dom->entry->name);
  g_mutex_unlock (&state->mutex);
  stream.log_path = log_path;
  return gvir_qemu_domain_launch (state, dom, def, &launch, cancellable, error);
}

/* The definition @image runs with: its own, or @custom_xml for the same
 * domain. */
static GVirConfigDomain *
restore_definition (const GVirQemuSaveImage  *image,
                    const char               *custom_xml,
                    GError                  **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(GVirConfigDomain) saved = gvir_qemu_parse_definition (image->xml, &local);
  g_autofree char *xml = NULL;

  if (saved == NULL)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                   "save image '%s' is corrupt: %s", image->path, local->message);
      return NULL;
    }
  if (custom_xml == NULL)
    return g_steal_pointer (&saved);
  xml = check_custom_xml (custom_xml, saved, error);
  return xml != NULL ? gvir_qemu_parse_definition (xml, error) : NULL;
}

GVirDriverDomain *
gvir_qemu_restore_domain (GVirQemuState  *state,
                          const char     *path,
                          const char     *custom_xml,
                          guint           flags,
                          GCancellable   *cancellable,
                          GError        **error)
{
  g_autoptr(GVirQemuSaveImage) image = gvir_qemu_save_image_open (path, error);
  g_autoptr(GVirConfigDomain) def = NULL;
  g_autoptr(GVirQemuDomain) dom = NULL;
  GVirDomainListEntry *existing = NULL;
  GVirDriverDomain *ret = NULL;
  gboolean added = FALSE;
  gboolean ready;

  if (image == NULL || (def = restore_definition (image, custom_xml, error)) == NULL)
    return NULL;
  g_mutex_lock (&state->mutex);
  if (gvir_domain_list_check_identity (state->domains, gvir_config_domain_get_name (def),
                                       gvir_config_domain_get_uuid (def), &existing, error))
    {
      added = existing == NULL;
      dom = gvir_qemu_domain_ref (added ? gvir_qemu_state_add_domain (state, def, FALSE)
                                        : existing->data);
    }
  g_mutex_unlock (&state->mutex);
  if (dom == NULL)
    return NULL;

  g_mutex_lock (&dom->job);
  g_mutex_lock (&state->mutex);
  ready = gvir_qemu_domain_check_inactive (dom, gvir_config_domain_get_uuid (def), error);
  g_mutex_unlock (&state->mutex);
  if (ready && restore_start (state, dom, def, image, restore_runs (image, flags), cancellable,
                              error))
    {
      g_mutex_lock (&state->mutex);
      ret = dom->entry != NULL ? gvir_qemu_domain_describe (dom) : NULL;
      g_mutex_unlock (&state->mutex);
    }
  else if (added)
    {
      g_mutex_lock (&state->mutex);
      if (dom->entry != NULL && !gvir_qemu_domain_is_active (dom))
        gvir_domain_list_remove (state->domains, dom->entry);
      g_mutex_unlock (&state->mutex);
    }
  g_mutex_unlock (&dom->job);
  if (ret == NULL && error != NULL && *error == NULL)
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND, "the domain stopped while restoring");
  return ret;
}

char *
gvir_qemu_save_image_get_xml (const char  *path,
                              GError     **error)
{
  g_autoptr(GVirQemuSaveImage) image = gvir_qemu_save_image_open (path, error);
  g_autoptr(GVirConfigDomain) def = NULL;

  /* Parsed, not passed through: XML a restore would refuse is reported
   * here too. */
  if (image == NULL || (def = restore_definition (image, NULL, error)) == NULL)
    return NULL;
  return gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (def));
}

/* Writes @len bytes at @offset of @fd, all of them or FALSE with errno. */
static gboolean
pwrite_full (int fd, const void *buf, gsize len, off_t offset)
{
  gsize done = 0;

  while (done < len)
    {
      gssize n = pwrite (fd, (const char *) buf + done, len - done, offset + (off_t) done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      done += (gsize) n;
    }
  return TRUE;
}

/* The room the image at @fd has for XML: up to the cookie, else the whole
 * data area (the header was checked by gvir_qemu_save_image_open). */
static gsize
xml_room (int fd)
{
  guint8 header[GVIR_QEMU_SAVE_HEADER_SIZE];
  guint32 cookie;

  if (pread (fd, header, sizeof header, 0) != (gssize) sizeof header)
    return 0;
  cookie = get_u32 (header, FIELD_COOKIE_OFFSET);
  return cookie != 0 ? cookie : get_u32 (header, FIELD_DATA_LEN);
}

gboolean
gvir_qemu_save_image_define_xml (const char  *path,
                                 const char  *xml,
                                 guint        flags,
                                 GError     **error)
{
  g_autoptr(GVirQemuSaveImage) image = gvir_qemu_save_image_open (path, error);
  g_autoptr(GVirConfigDomain) def = NULL;
  g_autofree char *new_xml = NULL;
  g_autofree guint8 *data = NULL;
  gsize room;
  guint32 running;
  int fd;
  gboolean ok;

  if (image == NULL || (def = restore_definition (image, xml, error)) == NULL)
    return FALSE;
  new_xml = gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (def));
  fd = g_open (path, O_WRONLY | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      set_image_error (error, path, "cannot be written: %s", g_strerror (errno));
      return FALSE;
    }
  /* As libvirt: the XML is edited in place, in the room the save left. */
  room = xml_room (image->fd);
  if (strlen (new_xml) + 1 > room)
    {
      close (fd);
      set_image_error (error, path, "has room for %" G_GSIZE_FORMAT " bytes of XML, the new "
                       "XML needs %" G_GSIZE_FORMAT, room, strlen (new_xml) + 1);
      return FALSE;
    }
  data = g_malloc0 (room);
  memcpy (data, new_xml, strlen (new_xml));
  running = GUINT32_TO_LE ((flags & GVIR_QEMU_SAVE_RUNNING) ? 1
                           : (flags & GVIR_QEMU_SAVE_PAUSED) ? 0 : image->was_running);
  ok = pwrite_full (fd, data, room, GVIR_QEMU_SAVE_HEADER_SIZE) &&
       pwrite_full (fd, &running, 4, 16 + FIELD_WAS_RUNNING * 4);
  if (!ok)
    set_image_error (error, path, "cannot be written: %s", g_strerror (errno));
  if (close (fd) < 0 && ok)
    {
      set_image_error (error, path, "cannot be written: %s", g_strerror (errno));
      ok = FALSE;
    }
  return ok;
}

/* ---- managed save -------------------------------------------------------------------- */

gboolean
gvir_qemu_has_managed_save (GVirQemuState *state,
                            const char    *name)
{
  g_autofree char *path = gvir_qemu_paths_save_file (state->paths, name);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* Keeps an image that cannot be restored out of the way, for a human. */
static void
move_aside (const char   *path,
            const GError *why)
{
  g_autofree char *aside = g_strconcat (path, ".corrupt", NULL);

  if (g_rename (path, aside) < 0)
    {
      g_warning ("cannot move the unusable save image '%s' aside (%s); removing it: %s", path,
                 g_strerror (errno), why->message);
      g_unlink (path);
    }
  else
    g_warning ("managed save image moved aside to '%s': %s", aside, why->message);
}

/* The managed-save image of domain @name, checked against its identity. */
static GVirQemuSaveImage *
open_managed_image (const char        *name,
                    const char        *uuid,
                    const char        *path,
                    GVirConfigDomain **def,
                    GError           **error)
{
  g_autoptr(GVirQemuSaveImage) image = gvir_qemu_save_image_open (path, error);

  if (image == NULL || (*def = restore_definition (image, NULL, error)) == NULL)
    return NULL;
  if (!g_str_equal (gvir_config_domain_get_uuid (*def), uuid) ||
      !g_str_equal (gvir_config_domain_get_name (*def), name))
    {
      set_image_error (error, path, "belongs to domain '%s', not '%s'",
                       gvir_config_domain_get_name (*def), name);
      g_clear_object (def);
      return NULL;
    }
  return g_steal_pointer (&image);
}

gboolean
gvir_qemu_start_managed_save (GVirQemuState   *state,
                              GVirQemuDomain  *dom,
                              guint            flags,
                              GCancellable    *cancellable,
                              GError         **error)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *uuid = NULL;
  g_autoptr(GVirConfigDomain) def = NULL;
  g_autoptr(GVirQemuSaveImage) image = NULL;
  g_autoptr(GError) local = NULL;
  gboolean run;

  g_mutex_lock (&state->mutex);
  name = g_strdup (dom->entry->name);
  uuid = g_strdup (dom->entry->uuid);
  g_mutex_unlock (&state->mutex);
  path = gvir_qemu_paths_save_file (state->paths, name);
  image = open_managed_image (name, uuid, path, &def, &local);
  if (image == NULL)
    {
      move_aside (path, local);
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_FAILED,
                   "cannot start domain from its managed save: %s", local->message);
      return FALSE;
    }
  run = !(flags & GVIR_DRIVER_START_PAUSED) && image->was_running;
  if (!restore_start (state, dom, def, image, run, cancellable, error))
    return FALSE;
  if (g_unlink (path) < 0)
    g_warning ("domain '%s' was restored, but its managed save '%s' stays: %s",
               gvir_config_domain_get_name (def), path, g_strerror (errno));
  return TRUE;
}

gboolean
gvir_qemu_save_check_undefine (GVirQemuState  *state,
                               const char     *name,
                               guint           flags,
                               GError        **error)
{
  g_autofree char *path = gvir_qemu_paths_save_file (state->paths, name);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  if (!(flags & GVIR_DRIVER_UNDEFINE_MANAGED_SAVE))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID,
                   "refusing to undefine domain '%s': it has a managed save image "
                   "(ask to remove the managed save as well)", name);
      return FALSE;
    }
  if (g_unlink (path) < 0 && errno != ENOENT)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_FAILED, "cannot remove '%s': %s", path,
                   g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}
