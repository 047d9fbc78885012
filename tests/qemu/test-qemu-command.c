/*
 * test-qemu-command.c: the QEMU command line built from domain XML
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Each tests/qemu/data/command/NAME.xml has NAME.args, written by hand
 * from the XML -> QEMU 7.2 reference table: one argument per line. Bad
 * definitions check the error code and the words of the message. A real
 * qemu-system-x86_64 then proves that QEMU 7.2 accepts a built argv.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "drivers/qemu/gvir-qemu-command-private.h"
#include "libvirt-gobject/libvirt-gobject-error.h"
#include "gvir-test-wait.h"

#define EMULATOR "/usr/bin/qemu-system-x86_64"

static GVirIdSet *
host_nodes (void)
{
  GVirIdSet *nodes = gvir_id_set_new (64);

  gvir_id_set_add (nodes, 0);
  gvir_id_set_add (nodes, 1);
  return nodes;
}

/* The host of the file tests: NUMA nodes 0-1, hugetlbfs at /dev/hugepages
 * (none with @no_hugepages), no KVM. */
static GStrv
build_xml_on (const char *xml, gboolean no_hugepages, GVirQemuCommandFlags *flags, GError **error)
{
  g_autoptr (GVirIdSet) nodes = host_nodes ();
  GVirQemuCommandContext ctx = {
    .emulator = EMULATOR,
    .monitor_fd = 3,
    .domain_dir = "/run/dom",
    .kvm_usable = FALSE,
    .host_nodes = nodes,
    .default_machine = "pc-i440fx-7.2",
    .hugepages_dir = no_hugepages ? NULL : "/dev/hugepages",
  };
  g_autoptr (GVirConfigDomain) def = NULL;
  g_autoptr (GError) parse_error = NULL;

  def = gvir_config_domain_new_from_xml (xml, &parse_error);
  g_assert_no_error (parse_error);
  return gvir_qemu_command_build (def, &ctx, flags, error);
}

static GStrv
build_xml (const char *xml, GVirQemuCommandFlags *flags, GError **error)
{
  return build_xml_on (xml, FALSE, flags, error);
}

/* ---- XML files against their .args ---------------------------------------- */

static void
test_args_file (gconstpointer data)
{
  const char *name = data;
  g_autofree char *xml_path = g_test_build_filename (G_TEST_DIST, "qemu", "data", "command", name, NULL);
  g_autofree char *base = g_strndup (name, strlen (name) - strlen (".xml"));
  g_autofree char *args_name = g_strconcat (base, ".args", NULL);
  g_autofree char *args_path = g_test_build_filename (G_TEST_DIST, "qemu", "data", "command", args_name, NULL);
  g_autofree char *joined = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *actual_text = NULL;
  g_auto (GStrv) actual = NULL;
  g_autoptr (GError) error = NULL;
  GVirQemuCommandFlags flags = 99;

  g_assert_true (g_file_get_contents (xml_path, &xml, NULL, NULL));
  g_assert_true (g_file_get_contents (args_path, &expected, NULL, NULL));

  actual = build_xml (xml, &flags, &error);
  g_assert_no_error (error);
  g_assert_cmpint (flags, ==, GVIR_QEMU_COMMAND_FLAG_NONE);
  joined = g_strjoinv ("\n", actual);
  actual_text = g_strconcat (joined, "\n", NULL);
  g_assert_cmpstr (actual_text, ==, expected);
}

/* ---- flags ------------------------------------------------------------------- */

#define HEAD "<domain type='qemu'><name>t</name><memory unit='MiB'>64</memory>"
#define OS "<os><type machine='pc'>hvm</type></os>"

static void
test_restrictive_flag (void)
{
  g_auto (GStrv) argv = NULL;
  g_autoptr (GError) error = NULL;
  GVirQemuCommandFlags flags = GVIR_QEMU_COMMAND_FLAG_NONE;

  argv = build_xml (HEAD OS "<numatune><memory mode='restrictive' nodeset='1'/></numatune></domain>",
                    &flags, &error);
  g_assert_no_error (error);
  g_assert_cmpint (flags, ==, GVIR_QEMU_COMMAND_FLAG_PROCESS_MEMORY_POLICY);
  /* No placement on the backend: the driver binds the process. */
  g_assert_true (g_strv_contains ((const char *const *) argv,
                                  "{\"qom-type\":\"memory-backend-ram\",\"id\":\"pc.ram\",\"size\":67108864}"));
}

static void
test_pc_ram_placement (void)
{
  g_auto (GStrv) argv = NULL;
  g_autoptr (GError) error = NULL;

  argv = build_xml (HEAD OS "<numatune><memory mode='strict' nodeset='1'/></numatune></domain>", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_contains ((const char *const *) argv,
                                  "{\"qom-type\":\"memory-backend-ram\",\"id\":\"pc.ram\",\"size\":67108864,"
                                  "\"host-nodes\":[1],\"policy\":\"bind\"}"));
}

/* ---- bad definitions ------------------------------------------------------------ */

typedef struct
{
  const char *name;
  const char *xml;
  gint code;
  const char *words;
} BadCase;

static const BadCase bad_cases[] = {
  { "hostdev", HEAD OS "<devices><hostdev mode='subsystem' type='usb'/></devices></domain>",
    GVIR_ERROR_NOT_SUPPORTED, "<hostdev> is not supported" },
  { "disk-bus-xen", HEAD OS "<devices><disk type='file'><source file='/a'/><target dev='xvda' bus='xen'/></disk></devices></domain>",
    GVIR_ERROR_NOT_SUPPORTED, "unsupported disk bus 'xen'" },
  { "disk-sd-means-scsi", HEAD OS "<devices><disk type='file'><source file='/a'/><target dev='sda'/></disk></devices></domain>",
    GVIR_ERROR_NOT_SUPPORTED, "unsupported disk bus 'scsi'" },
  { "disk-format", HEAD OS "<devices><disk type='file'><driver name='qemu' type='vmdk'/><source file='/a'/><target dev='vda'/></disk></devices></domain>",
    GVIR_ERROR_NOT_SUPPORTED, "unsupported disk format 'vmdk'" },
  { "disk-driver-cache", HEAD OS "<devices><disk type='file'><driver name='qemu' cache='none'/><source file='/a'/><target dev='vda'/></disk></devices></domain>",
    GVIR_ERROR_NOT_SUPPORTED, "attribute 'cache' of <disk><driver> is not supported" },
  { "disk-no-source", HEAD OS "<devices><disk type='file' device='disk'><target dev='vda'/></disk></devices></domain>",
    GVIR_ERROR_XML, "needs a <source>" },
  { "ide-read-only", HEAD OS "<devices><disk type='file'><source file='/a'/><target dev='hda' bus='ide'/><readonly/></disk></devices></domain>",
    GVIR_ERROR_NOT_SUPPORTED, "read-only disk on bus 'ide'" },
  { "ide-on-q35", HEAD "<os><type machine='q35'>hvm</type></os><devices><disk type='file'><source file='/a'/><target dev='hda' bus='ide'/></disk></devices></domain>",
    GVIR_ERROR_NOT_SUPPORTED, "not available on machine q35" },
  { "domain-type-xen", "<domain type='xen'><name>t</name><memory>65536</memory>" OS "</domain>",
    GVIR_ERROR_NOT_SUPPORTED, "unsupported domain type 'xen'" },
  { "domain-type-kvm", "<domain type='kvm'><name>t</name><memory>65536</memory>" OS "</domain>",
    GVIR_ERROR_NOT_SUPPORTED, "/dev/kvm" },
  { "no-memory", "<domain type='qemu'><name>t</name>" OS "</domain>",
    GVIR_ERROR_XML, "the domain has no <memory>" },
  { "no-name", "<domain type='qemu'><memory>65536</memory>" OS "</domain>",
    GVIR_ERROR_XML, "the domain has no <name>" },
  { "unknown-top", HEAD OS "<sysinfo type='smbios'/></domain>",
    GVIR_ERROR_NOT_SUPPORTED, "<sysinfo> is not supported" },
  { "qemu-commandline", "<domain type='qemu' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'><name>t</name>"
    "<memory>65536</memory>" OS "<qemu:commandline><qemu:arg value='-x'/></qemu:commandline></domain>",
    GVIR_ERROR_NOT_SUPPORTED, "<qemu:commandline> is not supported" },
  { "numa-node-missing", HEAD OS "<numatune><memory mode='strict' nodeset='0,4'/></numatune></domain>",
    GVIR_ERROR_NUMA_UNAVAILABLE, "NUMA node 4 of <numatune><memory> is unavailable: host has nodes 0-1" },
  { "memnode-node-missing", HEAD OS "<numatune><memnode cellid='0' mode='strict' nodeset='7'/></numatune>"
    "<cpu><numa><cell id='0' cpus='0' memory='65536'/></numa></cpu></domain>",
    GVIR_ERROR_NUMA_UNAVAILABLE, "NUMA node 7 of <memnode cellid='0'> is unavailable" },
  { "memnode-no-cell", HEAD OS "<numatune><memnode cellid='3' mode='strict' nodeset='0'/></numatune></domain>",
    GVIR_ERROR_INVALID_ARGUMENT, "<memnode cellid='3'> names no guest NUMA cell" },
  { "numatune-mode", HEAD OS "<numatune><memory mode='bogus' nodeset='0'/></numatune></domain>",
    GVIR_ERROR_NOT_SUPPORTED, "unsupported <numatune><memory> mode 'bogus'" },
  { "hugepages-unmounted", HEAD OS "<memoryBacking><hugepages/></memoryBacking></domain>",
    GVIR_ERROR_NOT_SUPPORTED, "needs hugetlbfs" },
  { "vnc-public", HEAD OS "<devices><graphics type='vnc' port='5900' listen='0.0.0.0'/></devices></domain>",
    GVIR_ERROR_NOT_SUPPORTED, "graphics listen address '0.0.0.0' is not a loopback address" },
  { "vnc-public-listen", HEAD OS "<devices><graphics type='vnc'><listen type='address' address='192.168.1.2'/></graphics></devices></domain>",
    GVIR_ERROR_NOT_SUPPORTED, "'192.168.1.2' is not a loopback address" },
  { "interface-network", HEAD OS "<devices><interface type='network'><source network='default'/></interface></devices></domain>",
    GVIR_ERROR_NOT_SUPPORTED, "unsupported interface type 'network'" },
  { "video-xen", HEAD OS "<devices><video><model type='xen'/></video></devices></domain>",
    GVIR_ERROR_NOT_SUPPORTED, "unsupported video model 'xen'" },
  { "usb-input-no-controller", HEAD OS "<devices><input type='tablet' bus='usb'/></devices></domain>",
    GVIR_ERROR_INVALID_ARGUMENT, "needs a <controller type='usb'>" },
  { "host-passthrough-tcg", HEAD OS "<cpu mode='host-passthrough'/></domain>",
    GVIR_ERROR_NOT_SUPPORTED, "'host-passthrough' needs KVM" },
  { "topology-mismatch", HEAD OS "<vcpu>4</vcpu><cpu><topology sockets='1' cores='2' threads='1'/></cpu></domain>",
    GVIR_ERROR_INVALID_ARGUMENT, "<topology> gives 2 vCPUs but <vcpu> is 4" },
  { "boot-mixed", HEAD "<os><type machine='pc'>hvm</type><boot dev='hd'/></os><devices><disk type='file'>"
    "<source file='/a'/><target dev='vda'/><boot order='1'/></disk></devices></domain>",
    GVIR_ERROR_INVALID_ARGUMENT, "cannot be mixed" },
  { "machine-isapc", HEAD "<os><type machine='isapc'>hvm</type></os></domain>",
    GVIR_ERROR_NOT_SUPPORTED, "unsupported machine type 'isapc'" },
  { "clock-variable", HEAD OS "<clock offset='variable'/></domain>",
    GVIR_ERROR_NOT_SUPPORTED, "unsupported clock offset 'variable'" },
  { "timer-tsc", HEAD OS "<clock offset='utc'><timer name='tsc' present='yes'/></clock></domain>",
    GVIR_ERROR_NOT_SUPPORTED, "unsupported <timer name='tsc'" },
  { "feature-hyperv", HEAD OS "<features><acpi/><hyperv/></features></domain>",
    GVIR_ERROR_NOT_SUPPORTED, "<features><hyperv> is not supported" },
  { "spice-autoport", HEAD OS "<devices><graphics type='spice' autoport='yes'/></devices></domain>",
    GVIR_ERROR_NOT_SUPPORTED, "SPICE on TCP needs a fixed <graphics port>" },
  { "panic-model", HEAD OS "<devices><panic model='hyperv'/></devices></domain>",
    GVIR_ERROR_NOT_SUPPORTED, "unsupported panic model 'hyperv'" },
  { "lifecycle", HEAD OS "<on_crash>coredump-destroy</on_crash></domain>",
    GVIR_ERROR_NOT_SUPPORTED, "unsupported <on_crash> action 'coredump-destroy'" },
  { "serial-tcp", HEAD OS "<devices><serial type='tcp'/></devices></domain>",
    GVIR_ERROR_NOT_SUPPORTED, "unsupported <serial type='tcp'>" },
  { "cell-cpus-out-of-range", HEAD OS "<vcpu>2</vcpu><cpu><numa><cell id='0' cpus='0-2' memory='65536'/></numa></cpu></domain>",
    GVIR_ERROR_INVALID_ARGUMENT, "names vCPU 2 but the domain has 2" },
  { "memory-zero", "<domain type='qemu'><name>t</name><memory unit='KiB'>512</memory>" OS "</domain>",
    GVIR_ERROR_INVALID_ARGUMENT, "at least 1 MiB" },
  { "controller-scsi", HEAD OS "<devices><controller type='scsi' index='0'/></devices></domain>",
    GVIR_ERROR_NOT_SUPPORTED, "unsupported controller type 'scsi'" },
  { "two-videos", HEAD OS "<devices><video/><video/></devices></domain>",
    GVIR_ERROR_NOT_SUPPORTED, "more than one <video>" },
};

static void
test_bad (gconstpointer data)
{
  const BadCase *c = data;
  g_auto (GStrv) argv = NULL;
  g_autoptr (GError) error = NULL;

  argv = build_xml_on (c->xml, TRUE, NULL, &error);
  g_assert_null (argv);
  g_assert_error (error, GVIR_ERROR, c->code);
  if (strstr (error->message, c->words) == NULL)
    g_error ("message \"%s\" lacks \"%s\"", error->message, c->words);
}

/* ---- a real QEMU accepts the argv ------------------------------------------------ */

typedef struct
{
  char *dir;
  GPid pid;
  int monitor;        /* the listening socket QEMU inherits */
  int client;         /* our connection to it */
  GString *input;     /* bytes read from the monitor, not yet consumed */
} Live;

static void
live_setup (Live *live, gconstpointer data)
{
  live->dir = g_dir_make_tmp ("qemu-command-XXXXXX", NULL);
  g_assert_nonnull (live->dir);
  live->pid = 0;
  live->monitor = -1;
  live->client = -1;
  live->input = g_string_new (NULL);
}

static void
remove_dir (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

/* Kills QEMU by its pid and reaps it, with a bound; also after a failure. */
static void
live_teardown (Live *live, gconstpointer data)
{
  if (live->pid > 0)
    {
      gint64 deadline = g_get_monotonic_time () + gvir_test_wait_bound_usec ();
      pid_t done = 0;

      kill (live->pid, SIGKILL);
      while ((done = waitpid (live->pid, NULL, WNOHANG)) == 0 && g_get_monotonic_time () < deadline)
        g_usleep (5000);
      if (done != live->pid)
        gvir_test_wait_timed_out ("QEMU to exit after SIGKILL");
    }
  if (live->client >= 0)
    close (live->client);
  if (live->monitor >= 0)
    close (live->monitor);
  g_string_free (live->input, TRUE);
  remove_dir (live->dir);
  g_free (live->dir);
}

static gboolean
emulator_available (void)
{
  if (g_file_test (EMULATOR, G_FILE_TEST_IS_EXECUTABLE))
    return TRUE;
  if (g_strcmp0 (g_getenv ("GVIR_TESTS_REQUIRE_ALL"), "1") == 0)
    g_error (EMULATOR " is missing (Debian's qemu-system-x86): the live command line tests need it");
  g_test_skip (EMULATOR " is not installed");
  return FALSE;
}

static int
listen_unix (const char *path)
{
  struct sockaddr_un addr = { .sun_family = AF_UNIX };
  int fd = socket (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpuint (strlen (path), <, sizeof addr.sun_path);
  strcpy (addr.sun_path, path);
  g_assert_cmpint (bind (fd, (struct sockaddr *) &addr, sizeof addr), ==, 0);
  g_assert_cmpint (listen (fd, 1), ==, 0);
  return fd;
}

static int
connect_unix (const char *path)
{
  struct sockaddr_un addr = { .sun_family = AF_UNIX };
  int fd = socket (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);

  g_assert_cmpint (fd, >=, 0);
  strcpy (addr.sun_path, path);
  g_assert_cmpint (connect (fd, (struct sockaddr *) &addr, sizeof addr), ==, 0);
  return fd;
}

static void
child_setup (gpointer data)
{
  /* Should the test process die, QEMU goes with it. */
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static char *
log_tail (Live *live)
{
  g_autofree char *path = g_build_filename (live->dir, "qemu.log", NULL);
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, NULL);
  return text ? text : g_strdup ("");
}

/* One line from QEMU's monitor, waiting at most the test bound. */
static char *
read_line (Live *live, const char *what)
{
  gint64 deadline = g_get_monotonic_time () + gvir_test_wait_bound_usec ();

  for (;;)
    {
      char *newline = strchr (live->input->str, '\n');
      struct pollfd pfd = { .fd = live->client, .events = POLLIN };
      gint64 left = deadline - g_get_monotonic_time ();
      char buffer[4096];
      ssize_t n;

      if (newline != NULL)
        {
          char *line = g_strndup (live->input->str, newline - live->input->str);

          g_string_erase (live->input, 0, newline - live->input->str + 1);
          return line;
        }
      if (left <= 0)
        {
          g_autofree char *log = log_tail (live);

          g_test_message ("QEMU log: %s", log);
          gvir_test_wait_timed_out (what);
        }
      if (poll (&pfd, 1, (int) (left / 1000) + 1) <= 0)
        continue;
      n = read (live->client, buffer, sizeof buffer);
      if (n <= 0)
        {
          g_autofree char *log = log_tail (live);

          g_error ("QEMU closed its monitor while we waited for %s; its log: %s", what, log);
        }
      g_string_append_len (live->input, buffer, n);
    }
}

/* Sends @command and returns its reply line, skipping events. */
static char *
execute (Live *live, const char *command)
{
  g_assert_cmpint (write (live->client, command, strlen (command)), ==, (gssize) strlen (command));
  for (;;)
    {
      char *line = read_line (live, command);

      if (strstr (line, "\"event\"") == NULL)
        return line;
      g_free (line);
    }
}

static void
spawn_qemu (Live *live, const char *xml)
{
  g_autoptr (GVirIdSet) nodes = gvir_id_set_new (64);
  g_autofree char *monitor_path = g_build_filename (live->dir, "monitor.sock", NULL);
  g_autofree char *log_path = g_build_filename (live->dir, "qemu.log", NULL);
  GVirQemuCommandContext ctx = {
    .emulator = EMULATOR, .monitor_fd = 3, .domain_dir = live->dir,
    .host_nodes = nodes, .default_machine = "pc-i440fx-7.2",
  };
  g_autoptr (GVirConfigDomain) def = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) argv = NULL;
  g_auto (GStrv) shell_argv = NULL;
  int log_fd, source_fds[1], target_fds[1] = { 3 };
  g_autofree char *greeting = NULL;

  gvir_id_set_add (nodes, 0);
  def = gvir_config_domain_new_from_xml (xml, &error);
  g_assert_no_error (error);
  argv = gvir_qemu_command_build (def, &ctx, NULL, &error);
  g_assert_no_error (error);

  /* Through "sh -c 'exec ...'" (same pid): valgrind runs skip shells, so
   * QEMU never runs under memcheck, which it would not survive in time. */
  shell_argv = g_new0 (char *, g_strv_length (argv) + 4);
  shell_argv[0] = g_strdup ("/bin/sh");
  shell_argv[1] = g_strdup ("-c");
  shell_argv[2] = g_strdup ("exec \"$0\" \"$@\"");
  for (guint i = 0; argv[i] != NULL; i++)
    shell_argv[3 + i] = g_strdup (argv[i]);
  live->monitor = listen_unix (monitor_path);
  source_fds[0] = live->monitor;
  log_fd = open (log_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  g_assert_cmpint (log_fd, >=, 0);
  g_spawn_async_with_pipes_and_fds (NULL, (const char *const *) shell_argv, NULL,
                                    G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDIN_FROM_DEV_NULL,
                                    child_setup, NULL, -1, log_fd, log_fd,
                                    source_fds, target_fds, 1, &live->pid,
                                    NULL, NULL, NULL, &error);
  close (log_fd);
  g_assert_no_error (error);
  /* The socket was listening before exec: connect succeeds at once. */
  live->client = connect_unix (monitor_path);
  greeting = read_line (live, "the QMP greeting");
  g_assert_nonnull (strstr (greeting, "{\"QMP\": {\"version\": {\"qemu\": {\"micro\": "));
  g_assert_nonnull (strstr (greeting, "\"major\": 7"));
  g_free (execute (live, "{\"execute\":\"qmp_capabilities\"}\n"));
}

static void
assert_reply_has (Live *live, const char *command, const char *words)
{
  g_autofree char *reply = execute (live, command);

  if (strstr (reply, words) == NULL)
    g_error ("%s replied %s, which lacks %s", command, reply, words);
}

static char *
make_image (Live *live, const char *name, gsize size)
{
  char *path = g_build_filename (live->dir, name, NULL);
  g_autofree char *zeros = g_malloc0 (size);

  g_assert_true (g_file_set_contents (path, zeros, size, NULL));
  return path;
}

static void
test_live_minimal (Live *live, gconstpointer data)
{
  g_autofree char *xml_path = g_test_build_filename (G_TEST_DIST, "qemu", "data", "command", "minimal.xml", NULL);
  g_autofree char *xml = NULL;

  if (!emulator_available ())
    return;
  g_assert_true (g_file_get_contents (xml_path, &xml, NULL, NULL));
  spawn_qemu (live, xml);
  assert_reply_has (live, "{\"execute\":\"query-status\"}\n", "\"status\": \"prelaunch\"");
  assert_reply_has (live, "{\"execute\":\"query-uuid\"}\n", "c7a5fdbd-cdaf-9455-926a-d65c16db1809");
}

/* The reference test domain: NUMA cells bound to host node 0, IDE raw disk,
 * empty CD-ROM, qcow2 virtio disk, user net, pty and UNIX serial, USB
 * tablet, VNC on a socket, VGA, balloon, pvpanic. */
static void
test_live_devices (Live *live, gconstpointer data)
{
  g_autofree char *raw = NULL;
  g_autofree char *qcow2 = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *qemu_img_out = NULL;
  g_autoptr (GError) error = NULL;
  gint status;

  if (!emulator_available ())
    return;
  raw = make_image (live, "disk.img", 1 << 20);
  qcow2 = g_build_filename (live->dir, "disk.qcow2", NULL);
  {
    const char *argv[] = { "qemu-img", "create", "-q", "-f", "qcow2", qcow2, "1M", NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                  NULL, &qemu_img_out, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  xml = g_strdup_printf (
    "<domain type='qemu'><name>live</name><memory unit='MiB'>64</memory><vcpu>2</vcpu>"
    "<numatune><memory mode='strict' nodeset='0'/></numatune>"
    "<os><type machine='pc'>hvm</type><boot dev='hd'/></os><features><acpi/></features>"
    "<cpu><numa><cell id='0' cpus='0' memory='32' unit='MiB'/><cell id='1' cpus='1' memory='32' unit='MiB'/></numa></cpu>"
    "<clock offset='utc'><timer name='rtc' tickpolicy='catchup'/><timer name='pit' tickpolicy='delay'/>"
    "<timer name='hpet' present='no'/></clock>"
    "<pm><suspend-to-mem enabled='no'/><suspend-to-disk enabled='no'/></pm>"
    "<devices>"
    "<disk type='file' device='disk'><source file='%s'/><target dev='hda' bus='ide'/></disk>"
    "<disk type='file' device='cdrom'><target dev='hdc' bus='ide'/><readonly/></disk>"
    "<disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='%s'/>"
    "<target dev='vda' bus='virtio'/><readonly/></disk>"
    "<controller type='usb' model='piix3-uhci'/>"
    "<interface type='user'><mac address='52:54:00:12:34:56'/><model type='virtio'/></interface>"
    "<serial type='pty'/><serial type='unix'><source mode='bind'/></serial>"
    "<input type='tablet' bus='usb'/>"
    "<graphics type='vnc'><listen type='socket'/></graphics>"
    "<video><model type='vga'/></video><memballoon model='virtio'/><panic/>"
    "</devices></domain>", raw, qcow2);
  spawn_qemu (live, xml);
  assert_reply_has (live, "{\"execute\":\"query-block\"}\n", "\"node-name\": \"libvirt-1-format\"");
  assert_reply_has (live, "{\"execute\":\"query-block\"}\n", "\"format\": \"qcow2\"");
  assert_reply_has (live, "{\"execute\":\"query-block\"}\n", "\"qdev\": \"ide0-1-0\"");
  assert_reply_has (live, "{\"execute\":\"query-memdev\"}\n", "\"policy\": \"bind\"");
  assert_reply_has (live, "{\"execute\":\"query-memdev\"}\n", "\"id\": \"ram-node1\"");
  assert_reply_has (live, "{\"execute\":\"query-chardev\"}\n", "\"label\": \"charserial1\"");
  assert_reply_has (live, "{\"execute\":\"query-vnc\"}\n", "\"enabled\": true");
  assert_reply_has (live, "{\"execute\":\"query-cpus-fast\"}\n", "\"cpu-index\": 1");
}

/* q35 with SATA, a virtio console, SPICE on a socket, qxl. */
static void
test_live_q35 (Live *live, gconstpointer data)
{
  g_autofree char *raw = NULL;
  g_autofree char *xml = NULL;

  if (!emulator_available ())
    return;
  raw = make_image (live, "disk.img", 1 << 20);
  xml = g_strdup_printf (
    "<domain type='qemu'><name>q35</name><memory unit='MiB'>64</memory>"
    "<vcpu current='1'>2</vcpu><cpu mode='maximum'/>"
    "<os><type machine='q35'>hvm</type></os>"
    "<devices>"
    "<disk type='file' device='disk'><source file='%s'/><target dev='sda' bus='sata'/><boot order='1'/></disk>"
    "<disk type='file' device='cdrom'><target dev='sdb' bus='sata'/></disk>"
    "<controller type='usb' model='qemu-xhci'/>"
    "<interface type='user'><model type='e1000'/></interface>"
    "<console type='pty'><target type='virtio'/></console>"
    "<input type='keyboard' bus='usb'/><input type='mouse' bus='virtio'/>"
    "<graphics type='spice'><listen type='socket'/></graphics>"
    "<video><model type='qxl' heads='1'/></video>"
    "</devices></domain>", raw);
  spawn_qemu (live, xml);
  assert_reply_has (live, "{\"execute\":\"query-block\"}\n", "\"qdev\": \"sata0-0-0\"");
  assert_reply_has (live, "{\"execute\":\"query-chardev\"}\n", "\"label\": \"charconsole0\"");
  assert_reply_has (live, "{\"execute\":\"query-spice\"}\n", "\"enabled\": true");
  assert_reply_has (live, "{\"execute\":\"query-hotpluggable-cpus\"}\n", "\"socket-id\": 1}, \"vcpus-count\": 1, \"type\": \"max-x86_64-cpu\"}");
}

int
main (int argc, char **argv)
{
  static const char *const files[] = { "minimal.xml", "tiny.xml", "q35-devices.xml", "numa-hugepages.xml" };

  g_test_init (&argc, &argv, NULL);
  for (gsize i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_strdup_printf ("/qemu/command/args/%s", files[i]);

      g_test_add_data_func (path, files[i], test_args_file);
    }
  g_test_add_func ("/qemu/command/flags/restrictive", test_restrictive_flag);
  g_test_add_func ("/qemu/command/numatune/pc-ram", test_pc_ram_placement);
  for (gsize i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/qemu/command/bad/%s", bad_cases[i].name);

      g_test_add_data_func (path, &bad_cases[i], test_bad);
    }
  g_test_add ("/qemu/command/live/minimal", Live, NULL, live_setup, test_live_minimal, live_teardown);
  g_test_add ("/qemu/command/live/devices", Live, NULL, live_setup, test_live_devices, live_teardown);
  g_test_add ("/qemu/command/live/q35", Live, NULL, live_setup, test_live_q35, live_teardown);
  return g_test_run ();
}
