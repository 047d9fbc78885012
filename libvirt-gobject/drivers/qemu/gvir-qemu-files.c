/*
 * gvir-qemu-files.c: the QEMU driver's files on disk
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "libvirt-gobject/libvirt-gobject-error.h"
#include "gvir-qemu-files-private.h"

gboolean
gvir_qemu_write_file_atomic (const char  *path,
                             const char  *contents,
                             gssize       length,
                             GError     **error)
{
  g_autoptr(GError) local = NULL;

  if (length < 0)
    length = strlen (contents);
  /* CONSISTENT: temporary file + rename; DURABLE: fsync before the rename. */
  if (g_file_set_contents_full (path, contents, length,
                                G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                0600, &local))
    return TRUE;
  g_set_error (error, GVIR_ERROR, GVIR_ERROR_FAILED, "cannot write '%s': %s", path,
               local->message);
  return FALSE;
}

static gboolean
read_all (int          fd,
          const char  *path,
          gsize        size,
          char        *buf,
          GError     **error)
{
  gsize done = 0;

  while (done < size)
    {
      ssize_t n = read (fd, buf + done, size - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          g_set_error (error, GVIR_ERROR, GVIR_ERROR_FAILED, "cannot read '%s': %s", path,
                       n < 0 ? g_strerror (errno) : "it shrank while being read");
          return FALSE;
        }
      done += n;
    }
  return TRUE;
}

char *
gvir_qemu_read_file (const char  *path,
                     GError     **error)
{
  struct stat st;
  g_autofree char *buf = NULL;
  int fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY, 0);
  gboolean ok;

  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, GVIR_ERROR, saved == ENOENT ? GVIR_ERROR_NOT_FOUND : GVIR_ERROR_FAILED,
                   "cannot open '%s': %s", path, g_strerror (saved));
      return NULL;
    }
  if (fstat (fd, &st) < 0 || !S_ISREG (st.st_mode) || st.st_size > GVIR_QEMU_FILE_MAX_BYTES)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_FAILED,
                   "cannot read '%s': not a regular file of at most %d bytes", path,
                   GVIR_QEMU_FILE_MAX_BYTES);
      close (fd);
      return NULL;
    }
  buf = g_malloc (st.st_size + 1);
  ok = read_all (fd, path, st.st_size, buf, error);
  close (fd);
  if (!ok)
    return NULL;
  buf[st.st_size] = '\0';
  return g_steal_pointer (&buf);
}

void
gvir_qemu_stored_definition_free (GVirQemuStoredDefinition *def)
{
  if (def == NULL)
    return;
  g_free (def->name);
  g_free (def->xml);
  g_free (def);
}

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The NAME.xml entries of @dir, sorted. The temporaries of an interrupted
 * atomic write (NAME.xml.XXXXXX) do not end in ".xml"; hidden files are
 * not definitions either (an editor's backup, say). */
static GPtrArray *
list_definition_files (const char *dir)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *entry;

  while (d != NULL && (entry = g_dir_read_name (d)) != NULL)
    if (entry[0] != '.' && g_str_has_suffix (entry, ".xml") && strlen (entry) > 4)
      g_ptr_array_add (names, g_strdup (entry));
  g_ptr_array_sort (names, compare_strings);
  return names;
}

GPtrArray *
gvir_qemu_read_definitions (const char *dir,
                            GPtrArray  *problems)
{
  GPtrArray *defs = g_ptr_array_new_with_free_func ((GDestroyNotify) gvir_qemu_stored_definition_free);
  g_autoptr(GPtrArray) files = list_definition_files (dir);
  guint i;

  for (i = 0; i < files->len; i++)
    {
      const char *file = files->pdata[i];
      g_autofree char *path = g_build_filename (dir, file, NULL);
      g_autoptr(GError) error = NULL;
      char *xml = gvir_qemu_read_file (path, &error);
      GVirQemuStoredDefinition *def;

      if (xml == NULL)
        {
          if (problems != NULL)
            g_ptr_array_add (problems, g_strdup (error->message));
          continue;
        }
      def = g_new0 (GVirQemuStoredDefinition, 1);
      def->name = g_strndup (file, strlen (file) - 4);
      def->xml = xml;
      g_ptr_array_add (defs, def);
    }
  return defs;
}

gboolean
gvir_qemu_autostart_link_exists (const char *link)
{
  GStatBuf st;

  return g_lstat (link, &st) == 0;
}

gboolean
gvir_qemu_autostart_link_set (const char  *link,
                              const char  *target,
                              gboolean     autostart,
                              GError     **error)
{
  if (autostart == gvir_qemu_autostart_link_exists (link))
    return TRUE;
  if (autostart ? symlink (target, link) < 0 : (g_unlink (link) < 0 && errno != ENOENT))
    {
      int saved = errno;

      g_set_error (error, GVIR_ERROR, GVIR_ERROR_FAILED, "cannot %s autostart link '%s': %s",
                   autostart ? "create" : "remove", link, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}
