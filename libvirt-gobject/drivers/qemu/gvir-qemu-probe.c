/*
 * gvir-qemu-probe.c: what an emulator binary offers, asked over QMP
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
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "gvir-qemu-probe-private.h"
#include "gvir-qmp-private.h"
#include "libvirt-gobject/libvirt-gobject-error.h"

/* The fd number the monitor's listening socket gets in QEMU. */
#define MONITOR_FD 3

/* How long QEMU may take to exit after `quit` (it takes ~4 ms) before it
 * is killed. */
#define QUIT_GRACE_MS 2000

/* Bumped whenever the cache file's layout changes: older files are then
 * ignored and rewritten. */
#define CACHE_FORMAT 1

/* How much of QEMU's output an error quotes. */
#define OUTPUT_TAIL_BYTES 1024

static void
machine_free (GVirQemuMachine *machine)
{
  g_free (machine->name);
  g_free (machine->alias);
  g_free (machine);
}

static GVirQemuCaps *
caps_new (const char *binary)
{
  GVirQemuCaps *caps = g_new0 (GVirQemuCaps, 1);

  caps->binary = g_strdup (binary);
  caps->package = g_strdup ("");
  caps->machines = g_ptr_array_new_with_free_func ((GDestroyNotify) machine_free);
  return caps;
}

void
gvir_qemu_caps_free (GVirQemuCaps *caps)
{
  if (caps == NULL)
    return;
  g_free (caps->binary);
  g_free (caps->package);
  g_ptr_array_unref (caps->machines);
  g_strfreev (caps->cpu_models);
  g_free (caps);
}

const GVirQemuMachine *
gvir_qemu_caps_find_machine (const GVirQemuCaps *caps,
                             const char         *name)
{
  g_return_val_if_fail (caps != NULL && name != NULL, NULL);

  for (guint i = 0; i < caps->machines->len; i++)
    {
      const GVirQemuMachine *machine = caps->machines->pdata[i];

      if (g_str_equal (machine->name, name) || g_strcmp0 (machine->alias, name) == 0)
        return machine;
    }
  return NULL;
}

const char *
gvir_qemu_caps_get_default_machine (const GVirQemuCaps *caps)
{
  g_return_val_if_fail (caps != NULL, NULL);

  for (guint i = 0; i < caps->machines->len; i++)
    {
      const GVirQemuMachine *machine = caps->machines->pdata[i];

      if (machine->is_default)
        return machine->name;
    }
  return NULL;
}

gboolean
gvir_qemu_caps_has_cpu_model (const GVirQemuCaps *caps,
                              const char         *name)
{
  g_return_val_if_fail (caps != NULL && name != NULL, FALSE);

  return caps->cpu_models != NULL && g_strv_contains ((const char * const *) caps->cpu_models, name);
}

/* KVM is usable when the binary supports it and this process may open
 * /dev/kvm for reading and writing; checked at every probe, since device
 * permissions change without the binary changing. */
static gboolean
kvm_device_usable (void)
{
  int fd = open ("/dev/kvm", O_RDWR | O_CLOEXEC);

  if (fd < 0)
    return FALSE;
  close (fd);
  return TRUE;
}

/* ---- finding the emulator ------------------------------------------------------ */

char *
gvir_qemu_find_emulator (const char  *arch,
                         GError     **error)
{
  g_autofree char *program = NULL;
  char *path;

  g_return_val_if_fail (arch != NULL, NULL);

  program = g_strdup_printf ("qemu-system-%s", arch);
  path = g_find_program_in_path (program);
  if (path == NULL)
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND,
                 "no emulator for architecture '%s': %s is not on PATH (%s)",
                 arch, program, g_getenv ("PATH") ? g_getenv ("PATH") : "PATH is not set");
  return path;
}

char *
gvir_qemu_check_emulator (const char  *path,
                          GError     **error)
{
  g_autofree char *absolute = NULL;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);

  absolute = g_canonicalize_filename (path, NULL);
  if (g_stat (absolute, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, GVIR_ERROR, saved == ENOENT ? GVIR_ERROR_NOT_FOUND : GVIR_ERROR_INVALID_ARGUMENT,
                   "emulator %s cannot be used: %s", absolute, g_strerror (saved));
      return NULL;
    }
  if (!S_ISREG (st.st_mode) || access (absolute, X_OK) != 0)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                   "emulator %s is not an executable file", absolute);
      return NULL;
    }
  return g_steal_pointer (&absolute);
}

/* ---- the cache ------------------------------------------------------------------ */

/* What identifies one build of a binary. */
typedef struct
{
  gint64 mtime_ns;
  gint64 size;
} BinaryStamp;

static gboolean
stamp_binary (const char   *binary,
              BinaryStamp  *stamp,
              GError      **error)
{
  struct stat st;

  if (stat (binary, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, GVIR_ERROR, saved == ENOENT ? GVIR_ERROR_NOT_FOUND : GVIR_ERROR_INVALID_ARGUMENT,
                   "emulator %s cannot be used: %s", binary, g_strerror (saved));
      return FALSE;
    }
  stamp->mtime_ns = (gint64) st.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st.st_mtim.tv_nsec;
  stamp->size = st.st_size;
  return TRUE;
}

static char *
cache_file_path (const char *cache_dir,
                 const char *binary)
{
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, binary, -1);
  g_autofree char *name = g_strdup_printf ("qemu-caps-%s.ini", hash);

  return g_build_filename (cache_dir, name, NULL);
}

static gboolean
read_uint (GKeyFile   *file,
           const char *group,
           const char *key,
           guint      *value)
{
  g_autoptr(GError) error = NULL;
  guint64 v = g_key_file_get_uint64 (file, group, key, &error);

  if (error != NULL || v > G_MAXUINT)
    return FALSE;
  *value = (guint) v;
  return TRUE;
}

static gboolean
read_bool (GKeyFile   *file,
           const char *group,
           const char *key,
           gboolean   *value)
{
  g_autoptr(GError) error = NULL;

  *value = g_key_file_get_boolean (file, group, key, &error);
  return error == NULL;
}

static GVirQemuMachine *
load_machine (GKeyFile *file,
              guint     index)
{
  g_autofree char *group = g_strdup_printf ("machine %u", index);
  g_autofree char *name = g_key_file_get_string (file, group, "name", NULL);
  GVirQemuMachine *machine;

  if (name == NULL || *name == '\0')
    return NULL;
  machine = g_new0 (GVirQemuMachine, 1);
  machine->name = g_steal_pointer (&name);
  machine->alias = g_key_file_get_string (file, group, "alias", NULL);
  if (!read_bool (file, group, "default", &machine->is_default) ||
      !read_uint (file, group, "max-cpus", &machine->max_cpus) ||
      !read_bool (file, group, "deprecated", &machine->deprecated))
    {
      machine_free (machine);
      return NULL;
    }
  return machine;
}

/* The caps in @file, when it describes @binary as @stamp says; NULL for
 * any mismatch or damage. */
static GVirQemuCaps *
caps_from_key_file (GKeyFile          *file,
                    const char        *binary,
                    const BinaryStamp *stamp)
{
  g_autoptr(GVirQemuCaps) caps = caps_new (binary);
  g_autofree char *path = g_key_file_get_string (file, "emulator", "path", NULL);
  guint format = 0, machines = 0;
  g_autoptr(GError) error = NULL;

  if (!read_uint (file, "emulator", "format", &format) || format != CACHE_FORMAT ||
      g_strcmp0 (path, binary) != 0 ||
      g_key_file_get_int64 (file, "emulator", "mtime-ns", NULL) != stamp->mtime_ns ||
      g_key_file_get_int64 (file, "emulator", "size", &error) != stamp->size || error != NULL)
    return NULL;

  g_free (caps->package);
  caps->package = g_key_file_get_string (file, "qemu", "package", NULL);
  caps->cpu_models = g_key_file_get_string_list (file, "qemu", "cpu-models", NULL, NULL);
  if (caps->package == NULL || caps->cpu_models == NULL ||
      !read_uint (file, "qemu", "version-major", &caps->version_major) ||
      !read_uint (file, "qemu", "version-minor", &caps->version_minor) ||
      !read_uint (file, "qemu", "version-micro", &caps->version_micro) ||
      !read_bool (file, "qemu", "kvm-present", &caps->kvm_present) ||
      !read_uint (file, "qemu", "machines", &machines) || machines == 0)
    return NULL;

  for (guint i = 0; i < machines; i++)
    {
      GVirQemuMachine *machine = load_machine (file, i);

      if (machine == NULL)
        return NULL;
      g_ptr_array_add (caps->machines, machine);
    }
  return g_steal_pointer (&caps);
}

static GVirQemuCaps *
cache_load (const char        *cache_file,
            const char        *binary,
            const BinaryStamp *stamp)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  GVirQemuCaps *caps;

  if (!g_key_file_load_from_file (file, cache_file, G_KEY_FILE_NONE, &error))
    {
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_debug ("ignoring the unreadable QEMU capabilities cache %s: %s", cache_file, error->message);
      return NULL;
    }
  caps = caps_from_key_file (file, binary, stamp);
  if (caps == NULL)
    g_debug ("the QEMU capabilities cache %s is stale or damaged: probing %s again",
             cache_file, binary);
  return caps;
}

static char *
caps_to_key_file (const GVirQemuCaps *caps,
                  const BinaryStamp  *stamp,
                  gsize              *len)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();

  g_key_file_set_uint64 (file, "emulator", "format", CACHE_FORMAT);
  g_key_file_set_string (file, "emulator", "path", caps->binary);
  g_key_file_set_int64 (file, "emulator", "mtime-ns", stamp->mtime_ns);
  g_key_file_set_int64 (file, "emulator", "size", stamp->size);
  g_key_file_set_uint64 (file, "qemu", "version-major", caps->version_major);
  g_key_file_set_uint64 (file, "qemu", "version-minor", caps->version_minor);
  g_key_file_set_uint64 (file, "qemu", "version-micro", caps->version_micro);
  g_key_file_set_string (file, "qemu", "package", caps->package);
  g_key_file_set_boolean (file, "qemu", "kvm-present", caps->kvm_present);
  g_key_file_set_string_list (file, "qemu", "cpu-models", (const char * const *) caps->cpu_models,
                              g_strv_length (caps->cpu_models));
  g_key_file_set_uint64 (file, "qemu", "machines", caps->machines->len);
  for (guint i = 0; i < caps->machines->len; i++)
    {
      const GVirQemuMachine *machine = caps->machines->pdata[i];
      g_autofree char *group = g_strdup_printf ("machine %u", i);

      g_key_file_set_string (file, group, "name", machine->name);
      if (machine->alias != NULL)
        g_key_file_set_string (file, group, "alias", machine->alias);
      g_key_file_set_boolean (file, group, "default", machine->is_default);
      g_key_file_set_uint64 (file, group, "max-cpus", machine->max_cpus);
      g_key_file_set_boolean (file, group, "deprecated", machine->deprecated);
    }
  return g_key_file_to_data (file, len, NULL);
}

/* Writes the cache file whole or not at all: a temporary file, synced,
 * then renamed over the old one. A cache that cannot be written costs a
 * probe next time, nothing more. */
static void
cache_store (const char         *cache_dir,
             const char         *cache_file,
             const GVirQemuCaps *caps,
             const BinaryStamp  *stamp)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize len;

  if (g_mkdir_with_parents (cache_dir, 0700) != 0)
    {
      g_warning ("cannot create the QEMU capabilities cache directory %s: %s",
                 cache_dir, g_strerror (errno));
      return;
    }
  data = caps_to_key_file (caps, stamp, &len);
  if (!g_file_set_contents_full (cache_file, data, len,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &error))
    g_warning ("cannot write the QEMU capabilities cache: %s", error->message);
}

/* ---- parsing the replies ----------------------------------------------------------- */

static gboolean
malformed (GError    **error,
           const char *command,
           const char *what)
{
  g_set_error (error, GVIR_ERROR, GVIR_ERROR_PROTOCOL,
               "QEMU's reply to %s is malformed: %s", command, what);
  return FALSE;
}

static gboolean
parse_version (GVirQemuCaps  *caps,
               JsonNode      *reply,
               GError       **error)
{
  JsonObject *root = JSON_NODE_HOLDS_OBJECT (reply) ? json_node_get_object (reply) : NULL;
  JsonObject *qemu = gvir_qmp_json_get_object (root, "qemu");
  const char *package = gvir_qmp_json_get_string (root, "package");
  gint64 major, minor, micro;

  if (!gvir_qmp_json_get_int (qemu, "major", &major) ||
      !gvir_qmp_json_get_int (qemu, "minor", &minor) ||
      !gvir_qmp_json_get_int (qemu, "micro", &micro) ||
      major < 0 || minor < 0 || micro < 0 || major > G_MAXUINT || minor > G_MAXUINT || micro > G_MAXUINT)
    return malformed (error, "query-version", "no qemu.major/minor/micro numbers");
  caps->version_major = major;
  caps->version_minor = minor;
  caps->version_micro = micro;
  g_free (caps->package);
  caps->package = g_strdup (package != NULL ? package : "");
  return TRUE;
}

static gboolean
parse_machine (GVirQemuCaps  *caps,
               JsonNode      *node,
               GError       **error)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  const char *name = gvir_qmp_json_get_string (object, "name");
  GVirQemuMachine *machine;
  gint64 max_cpus = 0;

  if (name == NULL || *name == '\0')
    return malformed (error, "query-machines", "a machine without a name");
  machine = g_new0 (GVirQemuMachine, 1);
  machine->name = g_strdup (name);
  machine->alias = g_strdup (gvir_qmp_json_get_string (object, "alias"));
  gvir_qmp_json_get_boolean (object, "is-default", &machine->is_default);
  gvir_qmp_json_get_boolean (object, "deprecated", &machine->deprecated);
  if (gvir_qmp_json_get_int (object, "cpu-max", &max_cpus))
    machine->max_cpus = CLAMP (max_cpus, 0, G_MAXUINT);
  g_ptr_array_add (caps->machines, machine);
  return TRUE;
}

static gboolean
parse_machines (GVirQemuCaps  *caps,
                JsonNode      *reply,
                GError       **error)
{
  JsonArray *array = JSON_NODE_HOLDS_ARRAY (reply) ? json_node_get_array (reply) : NULL;

  if (array == NULL || json_array_get_length (array) == 0)
    return malformed (error, "query-machines", "no list of machines");
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (!parse_machine (caps, json_array_get_element (array, i), error))
      return FALSE;
  return TRUE;
}

static gboolean
parse_cpu_models (GVirQemuCaps  *caps,
                  JsonNode      *reply,
                  GError       **error)
{
  JsonArray *array = JSON_NODE_HOLDS_ARRAY (reply) ? json_node_get_array (reply) : NULL;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  if (array == NULL)
    return malformed (error, "query-cpu-definitions", "no list of CPU models");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *model = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *name = gvir_qmp_json_get_string (model, "name");

      if (name == NULL)
        return malformed (error, "query-cpu-definitions", "a CPU model without a name");
      g_strv_builder_add (names, name);
    }
  caps->cpu_models = g_strv_builder_end (names);
  return TRUE;
}

static gboolean
parse_kvm (GVirQemuCaps  *caps,
           JsonNode      *reply,
           GError       **error)
{
  JsonObject *root = JSON_NODE_HOLDS_OBJECT (reply) ? json_node_get_object (reply) : NULL;

  if (!gvir_qmp_json_get_boolean (root, "present", &caps->kvm_present))
    return malformed (error, "query-kvm", "no \"present\" flag");
  return TRUE;
}

typedef gboolean (*ReplyParser) (GVirQemuCaps *caps, JsonNode *reply, GError **error);

static const struct
{
  const char *command;
  ReplyParser parse;
} queries[] = {
  { "query-version", parse_version },
  { "query-machines", parse_machines },
  { "query-cpu-definitions", parse_cpu_models },
  { "query-kvm", parse_kvm },
};

static gboolean
query_all (GVirQmp       *qmp,
           GVirQemuCaps  *caps,
           GCancellable  *cancellable,
           GError       **error)
{
  for (gsize i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(JsonNode) reply = NULL;

      if (!gvir_qmp_command (qmp, queries[i].command, NULL, &reply, cancellable, error) ||
          !queries[i].parse (caps, reply, error))
        return FALSE;
    }
  return TRUE;
}

/* ---- running the emulator ------------------------------------------------------------ */

/* One probing process and what belongs to it. */
typedef struct
{
  const char *binary;
  char *dir;                /* private temporary directory */
  char *log_path;           /* QEMU's stdout and stderr */
  GPid pid;                 /* 0 once reaped */
} ProbeRun;

/* Waits up to @grace_ms for the process to exit, then kills it; reaps it
 * either way. */
static void
reap (ProbeRun *run,
      guint     grace_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) grace_ms * 1000;
  int status;

  if (run->pid == 0)
    return;
  while (waitpid (run->pid, &status, WNOHANG) == 0)
    {
      if (g_get_monotonic_time () >= deadline)
        {
          kill (run->pid, SIGKILL);
          while (waitpid (run->pid, &status, 0) < 0 && errno == EINTR)
            ;
          break;
        }
      g_usleep (1000);
    }
  run->pid = 0;
}

static void
probe_run_clear (ProbeRun *run)
{
  reap (run, 0);
  if (run->log_path != NULL)
    g_unlink (run->log_path);
  if (run->dir != NULL)
    g_rmdir (run->dir);
  g_clear_pointer (&run->log_path, g_free);
  g_clear_pointer (&run->dir, g_free);
}

/* The end of QEMU's output, for error messages. */
static char *
output_tail (ProbeRun *run)
{
  g_autofree char *text = NULL;
  gsize len = 0;
  const char *tail;

  if (!g_file_get_contents (run->log_path, &text, &len, NULL) || len == 0)
    return g_strdup ("(no output)");
  tail = len > OUTPUT_TAIL_BYTES ? text + len - OUTPUT_TAIL_BYTES : text;
  return g_strstrip (g_utf8_make_valid (tail, -1));
}

/* A listening UNIX socket in the private directory, and a connection to
 * it made before QEMU even runs: QEMU accepts it from the backlog, so
 * there is no race and the socket's path can go at once. */
static gboolean
monitor_sockets (ProbeRun  *run,
                 int       *listen_fd,
                 int       *client_fd,
                 GError   **error)
{
  g_autofree char *path = g_build_filename (run->dir, "monitor.sock", NULL);
  struct sockaddr_un addr = { .sun_family = AF_UNIX };

  if (strlen (path) >= sizeof addr.sun_path)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INTERNAL,
                   "the monitor socket path %s is too long", path);
      return FALSE;
    }
  strcpy (addr.sun_path, path);
  *listen_fd = socket (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  *client_fd = socket (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (*listen_fd < 0 || *client_fd < 0 ||
      bind (*listen_fd, (struct sockaddr *) &addr, sizeof addr) != 0 ||
      listen (*listen_fd, 1) != 0 ||
      connect (*client_fd, (struct sockaddr *) &addr, sizeof addr) != 0)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INTERNAL,
                   "cannot set up a monitor socket for the emulator in %s: %s",
                   run->dir, g_strerror (errno));
      g_unlink (path);
      return FALSE;
    }
  g_unlink (path);
  return TRUE;
}

static void
die_with_parent (gpointer data)
{
  /* A probe never outlives its caller, even one that crashes. */
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static gboolean
spawn_emulator (ProbeRun  *run,
                int        listen_fd,
                GError   **error)
{
  g_autofree char *chardev = g_strdup_printf ("socket,id=mon,fd=%d,server=on,wait=off", MONITOR_FD);
  const char *argv[] = {
    run->binary, "-S", "-no-user-config", "-nodefaults", "-nographic", "-machine", "none",
    "-chardev", chardev, "-mon", "chardev=mon,mode=control", NULL
  };
  int source_fds[] = { listen_fd };
  int target_fds[] = { MONITOR_FD };
  g_autoptr(GError) local = NULL;
  int log_fd;
  gboolean ok;

  log_fd = open (run->log_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (log_fd < 0)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INTERNAL,
                   "cannot create %s: %s", run->log_path, g_strerror (errno));
      return FALSE;
    }
  /* stdin from /dev/null, output to a file: never a pipe that a stuck
   * QEMU could hold open. */
  ok = g_spawn_async_with_pipes_and_fds (NULL, argv, NULL,
                                         G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDIN_FROM_DEV_NULL,
                                         die_with_parent, NULL, -1, log_fd, log_fd,
                                         source_fds, target_fds, G_N_ELEMENTS (source_fds),
                                         &run->pid, NULL, NULL, NULL, &local);
  close (log_fd);
  if (!ok)
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_FAILED,
                 "cannot start emulator %s: %s", run->binary, local->message);
  return ok;
}

/* Asks the running emulator everything, then makes it quit. */
static GVirQemuCaps *
interrogate (ProbeRun      *run,
             int            client_fd,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GVirQemuCaps) caps = caps_new (run->binary);
  g_autoptr(GError) local = NULL;
  g_autoptr(GVirQmp) qmp = gvir_qmp_new_for_fd (client_fd, NULL, NULL, NULL, cancellable, &local);

  if (qmp == NULL || !query_all (qmp, caps, cancellable, &local))
    {
      g_autofree char *tail = NULL;

      if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      /* Whatever QEMU printed explains more than our view of the socket;
       * it must have stopped writing before it is read. */
      reap (run, 0);
      tail = output_tail (run);
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_FAILED,
                   "probing emulator %s failed: %s; its output: %s",
                   run->binary, local->message, tail);
      return NULL;
    }
  /* QEMU may hang up before its reply to `quit` arrives: either is fine. */
  gvir_qmp_command (qmp, "quit", NULL, NULL, cancellable, NULL);
  return g_steal_pointer (&caps);
}

static GVirQemuCaps *
run_probe (const char    *binary,
           GCancellable  *cancellable,
           GError       **error)
{
  ProbeRun run = { .binary = binary };
  g_autoptr(GError) local = NULL;
  GVirQemuCaps *caps = NULL;
  int listen_fd = -1, client_fd = -1;

  run.dir = g_dir_make_tmp ("gvir-qemu-probe-XXXXXX", &local);
  if (run.dir == NULL)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INTERNAL,
                   "cannot probe emulator %s: %s", binary, local->message);
      return NULL;
    }
  run.log_path = g_build_filename (run.dir, "output.log", NULL);

  if (monitor_sockets (&run, &listen_fd, &client_fd, error) &&
      spawn_emulator (&run, listen_fd, error))
    {
      /* Only QEMU holds the listening socket now: when it dies, our
       * connection ends instead of waiting in a backlog for ever. */
      close (g_steal_fd (&listen_fd));
      caps = interrogate (&run, g_steal_fd (&client_fd), cancellable, error);
      /* After `quit` QEMU exits by itself; after a failure it is killed. */
      reap (&run, caps != NULL ? QUIT_GRACE_MS : 0);
    }
  if (listen_fd >= 0)
    close (listen_fd);
  if (client_fd >= 0)
    close (client_fd);
  probe_run_clear (&run);
  return caps;
}

/* A probe whose QEMU started but then stopped answering on its monitor
 * (seen four times over several full test runs on a loaded machine, with
 * nothing in QEMU's output; the cause is not known) is run once more with
 * a new QEMU before the failure is reported. A QEMU that cannot run at
 * all fails both attempts at once. */
static GVirQemuCaps *
run_probe_twice (const char    *binary,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GError) first = NULL;
  g_autoptr(GError) second = NULL;
  GVirQemuCaps *caps = run_probe (binary, cancellable, &first);

  if (caps != NULL)
    return caps;
  if (g_error_matches (first, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&first));
      return NULL;
    }
  g_debug ("probing %s once more: %s", binary, first->message);
  caps = run_probe (binary, cancellable, &second);
  if (caps != NULL)
    return caps;
  if (g_error_matches (second, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_strcmp0 (first->message, second->message) == 0)
    g_propagate_error (error, g_steal_pointer (&second));
  else
    g_set_error (error, second->domain, second->code, "%s (a first attempt failed too: %s)",
                 second->message, first->message);
  return NULL;
}

GVirQemuCaps *
gvir_qemu_probe (const char    *binary,
                 const char    *cache_dir,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autofree char *path = NULL;
  g_autofree char *cache_file = NULL;
  GVirQemuCaps *caps = NULL;
  BinaryStamp stamp;

  g_return_val_if_fail (binary != NULL, NULL);

  path = gvir_qemu_check_emulator (binary, error);
  if (path == NULL || !stamp_binary (path, &stamp, error))
    return NULL;

  if (cache_dir != NULL)
    {
      cache_file = cache_file_path (cache_dir, path);
      caps = cache_load (cache_file, path, &stamp);
      if (caps != NULL)
        caps->from_cache = TRUE;
    }
  if (caps == NULL)
    {
      caps = run_probe_twice (path, cancellable, error);
      if (caps == NULL)
        return NULL;
      if (cache_dir != NULL)
        cache_store (cache_dir, cache_file, caps, &stamp);
    }
  caps->kvm_usable = caps->kvm_present && kvm_device_usable ();
  return caps;
}
