/*
 * gvir-qemu-root-lock.c: one process owns a QEMU driver root
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
/* F_OFD_SETLK: open file description locks are a Linux extension. */
#define _GNU_SOURCE 1
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "libvirt-gobject/libvirt-gobject-error.h"
#include "gvir-qemu-root-lock-private.h"

struct _GVirQemuRootLock
{
  int fd;
};

/* Whole-file write lock on @fd's open file description (not the process:
 * a second open in this process conflicts too, and closing an unrelated
 * descriptor of the same file does not drop it). */
static int
lock_whole_file (int fd)
{
  struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0 };

  return fcntl (fd, F_OFD_SETLK, &fl);
}

/* The pid the holder wrote, or 0 when the file does not say (the holder
 * may be between taking the lock and writing it). */
static long
read_holder_pid (int fd)
{
  char buf[32] = { 0 };
  ssize_t n = pread (fd, buf, sizeof buf - 1, 0);
  char *end = NULL;
  long pid;

  if (n <= 0)
    return 0;
  pid = strtol (buf, &end, 10);
  return end != buf && pid > 0 ? pid : 0;
}

static gboolean
write_own_pid (int fd)
{
  g_autofree char *text = g_strdup_printf ("%ld\n", (long) getpid ());
  size_t len = strlen (text);

  return ftruncate (fd, 0) == 0 && pwrite (fd, text, len, 0) == (ssize_t) len && fsync (fd) == 0;
}

static void
set_errno_error (GError     **error,
                 int          saved,
                 const char  *doing,
                 const char  *path)
{
  g_set_error (error, GVIR_ERROR, GVIR_ERROR_FAILED, "cannot %s '%s': %s", doing, path,
               g_strerror (saved));
}

GVirQemuRootLock *
gvir_qemu_root_lock_acquire (const char  *state_dir,
                             const char  *what,
                             GError     **error)
{
  g_autofree char *path = g_build_filename (state_dir, "driver.pid", NULL);
  GVirQemuRootLock *lock;
  int fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      set_errno_error (error, errno, "open the lock file", path);
      return NULL;
    }
  if (lock_whole_file (fd) < 0)
    {
      int saved = errno;
      long holder = read_holder_pid (fd);

      if ((saved == EAGAIN || saved == EACCES) && holder > 0)
        g_set_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_FAILED,
                     "%s is in use by process %ld (lock file '%s')", what, holder, path);
      else if (saved == EAGAIN || saved == EACCES)
        g_set_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_FAILED,
                     "%s is in use by another process (lock file '%s')", what, path);
      else
        set_errno_error (error, saved, "lock", path);
      close (fd);
      return NULL;
    }
  if (!write_own_pid (fd))
    {
      set_errno_error (error, errno, "write the lock file", path);
      close (fd);
      return NULL;
    }
  lock = g_new0 (GVirQemuRootLock, 1);
  lock->fd = fd;
  return lock;
}

void
gvir_qemu_root_lock_release (GVirQemuRootLock *lock)
{
  if (lock == NULL)
    return;
  /* Emptied, not removed: removing would let a process that opened the
   * old file lock it while a third one creates and locks a new one. */
  if (ftruncate (lock->fd, 0) < 0)
    g_debug ("cannot empty the QEMU driver's lock file: %s", g_strerror (errno));
  close (lock->fd);
  g_free (lock);
}
