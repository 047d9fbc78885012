/*
 * test-daemon-virsh.c: Debian's virsh and our remote driver against gvird
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Each virsh command runs against gvird and, when libvirtd is installed,
 * against a real libvirtd's test driver in the same test: exit codes
 * always match, and the output too where both test drivers hold the same
 * data; every command's output is also checked against fixed text. The
 * test:///default state lives while a connection is open, so the test
 * holds one to each daemon (through our remote driver) for the whole run.
 */
#include "config.h"

#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "gvir-test-wait.h"
#include "gvird-runner.h"
#include "libvirt-gobject/drivers/gvir-driver-private.h"
#include "../rpc/libvirtd-peer.h"

#define TEST_UUID "6695eb01-f6a4-8304-79aa-97f2502e193f"
#define DOM_UUID "2f4a0e5c-9d7b-4c1e-8a3f-5b6c7d8e9f01"
#define DOM_XML                                                                            \
  "<domain type='test'><name>dtest</name><uuid>" DOM_UUID "</uuid>"                        \
  "<memory>131072</memory><currentMemory>131072</currentMemory><vcpu>1</vcpu>"            \
  "<os><type arch='i686'>hvm</type></os></domain>"
#define TRANSIENT_XML                                                                      \
  "<domain type='test'><name>ttest</name><uuid>3f4a0e5c-9d7b-4c1e-8a3f-5b6c7d8e9f02</uuid>" \
  "<memory>65536</memory><vcpu>1</vcpu><os><type arch='i686'>hvm</type></os></domain>"

/* Guest NUMA cells give the sizes: libvirt refuses a new maximum. */
#define NUMA_XML                                                                           \
  "<domain type='test'><name>ntest</name><uuid>4f4a0e5c-9d7b-4c1e-8a3f-5b6c7d8e9f03</uuid>" \
  "<memory>524288</memory><vcpu>2</vcpu><os><type arch='i686'>hvm</type></os>"            \
  "<cpu><numa><cell id='0' cpus='0-1' memory='524288' unit='KiB'/></numa></cpu></domain>"
/* A hotplug ceiling: the maximum may grow up to it, not past it. */
#define HOTPLUG_XML                                                                        \
  "<domain type='test'><name>htest</name><uuid>5f4a0e5c-9d7b-4c1e-8a3f-5b6c7d8e9f04</uuid>" \
  "<maxMemory slots='4' unit='KiB'>1048576</maxMemory><memory>524288</memory>"             \
  "<vcpu>1</vcpu><os><type arch='i686'>hvm</type></os></domain>"

static char *virsh_path;

/* The definitions a command names with @WORD, written to files before
 * the tests run. */
static struct
{
  const char *word;
  const char *xml;
  char *path;
} xml_files[] = {
  { "@XML", DOM_XML, NULL },
  { "@TRANSIENT", TRANSIENT_XML, NULL },
  { "@NUMA", NUMA_XML, NULL },
  { "@HOTPLUG", HOTPLUG_XML, NULL },
};

/* The file of @word, or NULL when it names none. */
static const char *
xml_file_of (const char *word)
{
  guint i;

  for (i = 0; i < G_N_ELEMENTS (xml_files); i++)
    if (g_str_equal (word, xml_files[i].word))
      return xml_files[i].path;
  return NULL;
}

typedef struct
{
  int rc;
  char *out;
  char *err;
} VirshResult;

static void
virsh_result_clear (VirshResult *r)
{
  g_free (r->out);
  g_free (r->err);
}

/* Runs virsh under coreutils' timeout, which bounds it. */
static VirshResult
run_virsh (const char *uri,
           const char *command,
           const char *save_path)
{
  g_autofree char *bound = g_strdup_printf ("%" G_GINT64_FORMAT,
                                            gvir_test_wait_bound_usec () / G_USEC_PER_SEC);
  g_auto (GStrv) words = g_strsplit (command, " ", -1);
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) env = g_environ_setenv (g_get_environ (), "LC_ALL", "C", TRUE);
  VirshResult r = { 0 };
  int status = 0;
  guint i;

  g_ptr_array_add (argv, (char *) "timeout");
  g_ptr_array_add (argv, (char *) "-k");
  g_ptr_array_add (argv, (char *) "5");
  g_ptr_array_add (argv, bound);
  g_ptr_array_add (argv, virsh_path);
  g_ptr_array_add (argv, (char *) "-c");
  g_ptr_array_add (argv, (char *) uri);
  for (i = 0; words[i] != NULL; i++)
    {
      if (xml_file_of (words[i]) != NULL)
        g_ptr_array_add (argv, (char *) xml_file_of (words[i]));
      else if (g_str_equal (words[i], "@SAVE"))
        g_ptr_array_add (argv, (char *) save_path);
      else
        g_ptr_array_add (argv, words[i]);
    }
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &r.out, &r.err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  r.rc = WEXITSTATUS (status);
  g_assert_cmpint (r.rc, !=, 124);  /* timeout's "timed out" */
  return r;
}

/* ---- the command script --------------------------------------------------- */

typedef enum
{
  SAME_OUTPUT,     /* libvirtd prints the very same */
  SAME_RC,         /* the test drivers' data differ: dominfo (CPU time, OS type, security
                    * model), XML attribute quoting, capabilities, the socket in uri,
                    * freecell's figures, the save file's path */
  OURS_ONLY,       /* libvirtd 9.0's test driver lacks it (domcapabilities: "this function is
                    * not supported"); checked against the fixed text only */
} Compare;

typedef struct
{
  const char *command;
  int rc;
  const char *expect;   /* text our daemon's stdout must contain */
  Compare compare;
} Step;

static const Step script[] = {
  { "list --all", 0, " 1    test   running\n", SAME_OUTPUT },
  { "dominfo test", 0, "Name:           test\nUUID:           6695eb01-f6a4-8304-79aa-97f2502e193f\n",
    SAME_RC },
  { "domstate --reason test", 0, "running (", SAME_OUTPUT },
  { "vcpucount test", 0, "maximum      config         2\nmaximum      live           2\n", SAME_OUTPUT },
  { "vcpucount --live --maximum test", 0, "2\n", SAME_OUTPUT },
  { "dumpxml test", 0, "<domain type='test' id='1'>\n  <name>test</name>", SAME_OUTPUT },
  { "define @XML", 0, "Domain 'dtest' defined from ", SAME_OUTPUT },
  { "list --all", 0, " -    dtest   shut off\n", SAME_OUTPUT },
  { "domstate --reason dtest", 0, "shut off (", SAME_OUTPUT },
  { "list --inactive", 0, " -    dtest   shut off\n", SAME_OUTPUT },
  { "start dtest", 0, "Domain 'dtest' started\n", SAME_OUTPUT },
  { "list", 0, " 2    dtest   running\n", SAME_OUTPUT },
  { "list --inactive", 0, "----\n\n", SAME_OUTPUT },
  { "domstate dtest", 0, "running\n", SAME_OUTPUT },
  { "suspend dtest", 0, "Domain 'dtest' suspended\n", SAME_OUTPUT },
  { "domstate --reason dtest", 0, "paused (user)\n", SAME_OUTPUT },
  { "resume dtest", 0, "Domain 'dtest' resumed\n", SAME_OUTPUT },
  { "domstate dtest", 0, "running\n", SAME_OUTPUT },
  { "reboot dtest", 0, "Domain 'dtest' is being rebooted\n", SAME_OUTPUT },
  { "shutdown dtest", 0, "Domain 'dtest' is being shutdown\n", SAME_OUTPUT },
  { "domstate dtest", 0, "shut off\n", SAME_OUTPUT },
  { "start dtest", 0, "Domain 'dtest' started\n", SAME_OUTPUT },
  { "destroy dtest", 0, "Domain 'dtest' destroyed\n", SAME_OUTPUT },
  { "domstate --reason dtest", 0, "shut off (destroyed)\n", SAME_OUTPUT },
  { "create @TRANSIENT", 0, "Domain 'ttest' created from ", SAME_OUTPUT },
  { "domstate ttest", 0, "running\n", SAME_OUTPUT },
  { "destroy ttest", 0, "Domain 'ttest' destroyed\n", SAME_OUTPUT },
  { "domstate ttest", 1, "", SAME_OUTPUT },
  { "undefine dtest", 0, "Domain 'dtest' has been undefined\n", SAME_OUTPUT },
  { "list --all", 0, " 1    test   running\n", SAME_OUTPUT },
  { "dominfo nosuchdomain", 1, "", SAME_OUTPUT },
  { "start nosuchdomain", 1, "", SAME_OUTPUT },
  { "numatune test", 0, "numa_mode      : strict\nnuma_nodeset   : \n", SAME_OUTPUT },
  { "numatune test --nodeset 0 --config", 0, "", SAME_OUTPUT },
  { "numatune test --config", 0, "numa_nodeset   : 0\n", SAME_OUTPUT },
  { "numatune test", 0, "numa_nodeset   : \n", SAME_OUTPUT },
  { "nodeinfo", 0, "CPU model:           i686\n", SAME_OUTPUT },
  { "capabilities", 0, "<capabilities>", SAME_RC },
  { "hostname", 0, "", SAME_OUTPUT },
  { "version", 0, "Running hypervisor: ", SAME_OUTPUT },
  { "uri", 0, "test+unix:///default?socket=", SAME_RC },
  { "domcapabilities", 0, "<domainCapabilities>", OURS_ONLY },
  /* libvirtd's test driver answers its cells' KiB figures as bytes (2048 and
   * 4096 "KiB"); ours answers bytes, as the API says. */
  { "freecell --all", 0, "    0:    1048576 KiB\n    1:    2097152 KiB\n", SAME_RC },
  /* Save and restore; the test domain's id changes, so they come last.
   * Each daemon saves to a file of its own (@SAVE): the path is printed. */
  { "managedsave test", 0, "Domain 'test' state saved by libvirt\n", SAME_OUTPUT },
  { "domstate --reason test", 0, "shut off (saved)\n", SAME_OUTPUT },
  { "list --all --managed-save", 0, " -    test   saved\n", SAME_OUTPUT },
  { "start test", 0, "Domain 'test' started\n", SAME_OUTPUT },
  /* libvirtd's test driver says "booted" for a start from the managed save;
   * ours says "restored", as libvirt's QEMU driver does. */
  { "domstate --reason test", 0, "running (restored)\n", SAME_RC },
  { "save test @SAVE", 0, "Domain 'test' saved to ", SAME_RC },
  { "domstate --reason test", 0, "shut off (saved)\n", SAME_OUTPUT },
  /* The same definition, formatted as each daemon's dumpxml formats it
   * (quoting, the place of <numatune>, the live bridge of an interface). */
  { "save-image-dumpxml @SAVE", 0,
    "<uuid>6695eb01-f6a4-8304-79aa-97f2502e193f</uuid>\n"
    "  <memory unit='KiB'>8388608</memory>\n", SAME_RC },
  { "restore @SAVE", 0, "Domain restored from ", SAME_RC },
  { "domstate --reason test", 0, "running (restored)\n", SAME_OUTPUT },
  { "restore @SAVE", 1, "", SAME_OUTPUT },
  { "save nosuchdomain @SAVE", 1, "", SAME_OUTPUT },
  { "managedsave nosuchdomain", 1, "", SAME_OUTPUT },
  /* Storage, networks, snapshots. */
  { "pool-list --all", 0, " default-pool   active   no\n", SAME_OUTPUT },
  { "pool-list --inactive --name", 0, "", SAME_OUTPUT },
  { "pool-list --all --type dir --name", 0, "default-pool", SAME_OUTPUT },
  { "pool-list --all --type fs,netfs,iscsi-direct --name", 0, "\n", SAME_OUTPUT },
  { "pool-list --all --no-autostart --name", 0, "default-pool", SAME_OUTPUT },
  { "pool-list --all --autostart --name", 0, "\n", SAME_OUTPUT },
  { "pool-autostart default-pool", 0, "Pool default-pool marked as autostarted\n", SAME_OUTPUT },
  { "pool-list --autostart --type dir --name", 0, "default-pool", SAME_OUTPUT },
  { "pool-list --all --no-autostart --name", 0, "\n", SAME_OUTPUT },
  { "pool-autostart --disable default-pool", 0, "Pool default-pool unmarked as autostarted\n",
    SAME_OUTPUT },
  { "pool-list --autostart --name", 0, "\n", SAME_OUTPUT },
  { "net-list --inactive --name", 0, "", SAME_OUTPUT },
  { "pool-info default-pool", 0, "State:          running\n", SAME_OUTPUT },
  { "vol-list default-pool", 0, " Name   Path\n", SAME_OUTPUT },
  { "pool-info nosuch-pool", 1, "", SAME_OUTPUT },
  /* Pools and volumes, written as libvirt writes them: its element order,
   * unit='bytes', an empty <source>, and the volume defaults (type, an
   * allocation equal to the capacity, the format of a directory pool). */
  { "pool-dumpxml default-pool", 0,
    "  <uuid>dfe224cb-28fb-8dd0-c4b2-64eb3f0f4566</uuid>\n"
    "  <capacity unit='bytes'>107374182400</capacity>\n", SAME_OUTPUT },
  /* libvirt's test driver refuses the flag (no inactive configuration). */
  { "pool-dumpxml --inactive default-pool", 1, "", SAME_OUTPUT },
  { "vol-create-as default-pool v1 1M", 0, "Vol v1 created\n", SAME_OUTPUT },
  { "vol-dumpxml --pool default-pool v1", 0,
    "<volume type='file'>\n  <name>v1</name>\n  <key>/default-pool/v1</key>\n", SAME_OUTPUT },
  { "vol-create-as default-pool v2 2M --allocation 1M --format qcow2", 0, "Vol v2 created\n",
    SAME_OUTPUT },
  { "vol-dumpxml --pool default-pool v2", 0, "<format type='qcow2'/>", SAME_OUTPUT },
  { "vol-info --pool default-pool v1", 0, "Allocation:     1.00 MiB\n", SAME_OUTPUT },
  { "pool-info default-pool", 0, "Allocation:     2.00 MiB\n", SAME_OUTPUT },
  { "pool-dumpxml default-pool", 0, "<allocation unit='bytes'>2097152</allocation>", SAME_OUTPUT },
  { "vol-list default-pool", 0, " v1     /default-pool/v1\n", SAME_OUTPUT },
  { "vol-delete --pool default-pool v1", 0, "Vol v1 deleted\n", SAME_OUTPUT },
  { "vol-delete --pool default-pool v2", 0, "Vol v2 deleted\n", SAME_OUTPUT },
  { "pool-info default-pool", 0, "Allocation:     0.00 B\n", SAME_OUTPUT },
  /* virsh sends an indented document: what the driver adds to it is
   * indented too. The UUID is made up, so only the rest is compared. */
  { "pool-define-as p2 dir --target /gvir-p2", 0, "Pool p2 defined\n", SAME_OUTPUT },
  { "pool-dumpxml p2", 0,
    "  <allocation unit='bytes'>0</allocation>\n"
    "  <available unit='bytes'>107374182400</available>\n"
    "  <source>\n  </source>\n"
    "  <target>\n    <path>/gvir-p2</path>\n  </target>\n</pool>\n", SAME_RC },
  { "pool-undefine p2", 0, "Pool p2 has been undefined\n", SAME_OUTPUT },
  /* A transient pool (STORAGE_POOL_CREATE_XML): running at once, neither
   * autostart nor undefined, gone when it stops. */
  { "pool-create-as tp dir --target /gvir-tp", 0, "Pool tp created\n", SAME_OUTPUT },
  { "pool-list --transient --name", 0, "tp ", SAME_OUTPUT },
  { "pool-info tp", 0, "State:          running\nPersistent:     no\n", SAME_RC },
  { "pool-autostart tp", 1, "", SAME_OUTPUT },
  { "pool-undefine tp", 1, "", SAME_OUTPUT },
  { "pool-create-as tp dir --target /gvir-tp", 1, "", SAME_OUTPUT },
  { "pool-create-as tp2 dir --target /gvir-tp2 --build", 1, "", SAME_OUTPUT },
  { "vol-create-as tp tv 1M", 0, "Vol tv created\n", SAME_OUTPUT },
  { "vol-list tp", 0, " tv     /gvir-tp/tv\n", SAME_OUTPUT },
  { "pool-destroy tp", 0, "Pool tp destroyed\n", SAME_OUTPUT },
  { "pool-list --all --name", 0, "default-pool        \n\n", SAME_OUTPUT },
  { "net-list --all --name", 0, "default\n", SAME_OUTPUT },
  { "net-dumpxml default", 0, "<name>default</name>", SAME_OUTPUT },
  { "net-info nosuch-net", 1, "", SAME_OUTPUT },
  /* virsh asks DOMAIN_HAS_CURRENT_SNAPSHOT first and says so itself. */
  { "snapshot-current test", 1, "", SAME_OUTPUT },
  { "snapshot-current --name test", 1, "", SAME_OUTPUT },
  { "snapshot-create-as test s1", 0, "Domain snapshot s1 created\n", SAME_OUTPUT },
  { "snapshot-current --name test", 0, "s1\n", SAME_OUTPUT },
  /* The creation time and the domain's XML differ. */
  { "snapshot-current test", 0, "<domainsnapshot>\n  <name>s1</name>\n", SAME_RC },
  { "snapshot-create-as test s2", 0, "Domain snapshot s2 created\n", SAME_OUTPUT },
  { "snapshot-current --name test", 0, "s2\n", SAME_OUTPUT },
  { "snapshot-delete test s2", 0, "Domain snapshot s2 deleted\n", SAME_OUTPUT },
  /* The parent of a deleted current snapshot becomes current. */
  { "snapshot-current --name test", 0, "s1\n", SAME_OUTPUT },
  { "snapshot-current --name nosuchdomain", 1, "", SAME_OUTPUT },
  { "snapshot-list test --name", 0, "s1\n", SAME_OUTPUT },
  { "snapshot-dumpxml test s1", 0, "<name>s1</name>", SAME_RC },
  { "snapshot-dumpxml test nosuch", 1, "", SAME_OUTPUT },
  { "snapshot-delete test s1", 0, "Domain snapshot s1 deleted\n", SAME_OUTPUT },
  { "snapshot-list test --name", 0, "", SAME_OUTPUT },
  { "snapshot-current --name test", 1, "", SAME_OUTPUT },
  { "iface-list --all", 0, " eth1   active   aa:bb:cc:dd:ee:ff\n", SAME_OUTPUT },
  { "iface-list --inactive", 0, "----\n\n", SAME_OUTPUT },
  { "iface-dumpxml eth1", 0, "<mac address='aa:bb:cc:dd:ee:ff'/>", SAME_OUTPUT },
  { "iface-dumpxml eth9", 1, "", SAME_OUTPUT },
  { "iface-dumpxml --inactive eth1", 1, "", SAME_OUTPUT },
  /* virsh 9.0 always asks for active devices (--all: active and inactive),
   * a filter libvirt's test driver (and gvird, alike) refuses: both fail
   * the same way. The capability filters alone are compared in
   * test-daemon-python.py. */
  { "nodedev-list", 1, "", SAME_OUTPUT },
  { "nodedev-dumpxml computer", 0, "<serial>123456</serial>", SAME_OUTPUT },
  { "nodedev-dumpxml scsi_host1", 0, "<parent>computer</parent>", SAME_OUTPUT },
  { "nodedev-dumpxml scsi_host2", 0, "<unique_id>1</unique_id>", SAME_OUTPUT },
  { "nodedev-dumpxml scsi_host11", 0, "<parent>scsi_host1</parent>", SAME_OUTPUT },
  { "nodedev-dumpxml nosuch-dev", 1, "", SAME_OUTPUT },
  /* Neither test driver has network filters. */
  { "nwfilter-list", 1, "", SAME_OUTPUT },
  { "nwfilter-dumpxml clean-traffic", 1, "", SAME_OUTPUT },
  /* The balloon. virsh 9.0 calls virDomainSetMemoryFlags only: setmem
   * alone with AFFECT_LIVE, setmaxmem alone with MEM_MAXIMUM (current). */
  { "setmem test 1000000", 0, "", SAME_OUTPUT },
  { "dommemstat test", 0,
    "actual 1000000\nswap_in 0\nswap_out 0\nmajor_fault 0\nminor_fault 0\nunused 500000\n"
    "available 1000000\nusable 500000\nlast_update 627319920\ndisk_caches 125000\n"
    "hugetlb_pgalloc 0\nhugetlb_pgfail 0\nrss 500000\n", SAME_OUTPUT },
  { "dominfo test", 0, "Max memory:     8388608 KiB\nUsed memory:    1000000 KiB\n", SAME_RC },
  { "setmem test 1500000 --live", 0, "", SAME_OUTPUT },
  { "setmem test 3000000 --config", 0, "", SAME_OUTPUT },
  { "dominfo test", 0, "Used memory:    1500000 KiB\n", SAME_RC },
  { "dumpxml --inactive test", 0, "<currentMemory unit='KiB'>3000000</currentMemory>", SAME_RC },
  { "setmem test 9000000", 1, "", SAME_OUTPUT },
  { "setmem test 1000 --live --config", 1, "", SAME_OUTPUT },
  { "setmaxmem test 4000000", 1, "", SAME_OUTPUT },
  { "setmaxmem test 4000000 --live", 1, "", SAME_OUTPUT },
  { "setmaxmem test 2000000 --config", 0, "", SAME_OUTPUT },
  { "dumpxml --inactive test", 0,
    "<memory unit='KiB'>2000000</memory>\n  <currentMemory unit='KiB'>2000000</currentMemory>",
    SAME_RC },
  { "destroy test", 0, "Domain 'test' destroyed\n", SAME_OUTPUT },
  { "dommemstat test", 1, "", SAME_OUTPUT },
  { "dominfo test", 0, "Max memory:     2000000 KiB\nUsed memory:    2000000 KiB\n", SAME_RC },
  { "setmem test 1500000", 1, "", SAME_OUTPUT },
  { "setmem test 1200000 --current", 0, "", SAME_OUTPUT },
  { "dominfo test", 0, "Used memory:    1200000 KiB\n", SAME_RC },
  { "setmem test 1500000 --config", 0, "", SAME_OUTPUT },
  { "setmaxmem test 3000000", 0, "", SAME_OUTPUT },
  { "dominfo test", 0, "Max memory:     3000000 KiB\nUsed memory:    1500000 KiB\n", SAME_RC },
  { "setmaxmem test 1000000 --current", 0, "", SAME_OUTPUT },
  { "dominfo test", 0, "Max memory:     1000000 KiB\nUsed memory:    1000000 KiB\n", SAME_RC },
  { "setmem test 1000 --live", 1, "", SAME_OUTPUT },
  { "setmem nosuchdomain 1000", 1, "", SAME_OUTPUT },
  /* The maximum of a domain with guest NUMA cells, or past <maxMemory>. */
  { "define @NUMA", 0, "Domain 'ntest' defined from ", SAME_OUTPUT },
  { "setmaxmem ntest 600000 --config", 1, "", SAME_OUTPUT },
  { "setmem ntest 400000 --config", 0, "", SAME_OUTPUT },
  { "undefine ntest", 0, "Domain 'ntest' has been undefined\n", SAME_OUTPUT },
  { "define @HOTPLUG", 0, "Domain 'htest' defined from ", SAME_OUTPUT },
  { "setmaxmem htest 1048577", 1, "", SAME_OUTPUT },
  { "setmaxmem htest 1048576", 0, "", SAME_OUTPUT },
  { "dominfo htest", 0, "Max memory:     1048576 KiB\nUsed memory:    524288 KiB\n", SAME_RC },
  { "undefine htest", 0, "Domain 'htest' has been undefined\n", SAME_OUTPUT },
};

static void
check_step (const Step        *step,
            const VirshResult *ours,
            const VirshResult *theirs)
{
  g_test_message ("virsh %s: rc %d", step->command, ours->rc);
  if (ours->rc != step->rc || strstr (ours->out, step->expect) == NULL)
    g_error ("virsh %s: rc %d (want %d), stdout:\n%s\nstderr:\n%s\n(want text: %s)", step->command,
             ours->rc, step->rc, ours->out, ours->err, step->expect);
  if (theirs == NULL || step->compare == OURS_ONLY)
    return;
  if (ours->rc != theirs->rc)
    g_error ("virsh %s: rc %d, libvirtd's %d; libvirtd's stderr:\n%s", step->command, ours->rc,
             theirs->rc, theirs->err);
  if (step->compare == SAME_OUTPUT && !g_str_equal (ours->out, theirs->out))
    g_error ("virsh %s: stdout differs from libvirtd's:\n--- ours\n%s--- libvirtd\n%s",
             step->command, ours->out, theirs->out);
}

static GVirDriverConnection *
hold_open (const char *uri)
{
  g_autoptr (GError) error = NULL;
  GVirDriverConnection *conn = gvir_driver_connection_open (uri, FALSE, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  return conn;
}

static void
test_virsh_script (void)
{
  g_autoptr (GError) error = NULL;
  GvirdRunner *gvird;
  LibvirtdPeer *libvirtd = NULL;
  g_autofree char *our_uri = NULL;
  g_autofree char *their_uri = NULL;
  g_autofree char *our_save = NULL;
  g_autofree char *their_save = NULL;
  g_autoptr (GVirDriverConnection) our_hold = NULL;
  g_autoptr (GVirDriverConnection) their_hold = NULL;
  guint i;

  if (virsh_path == NULL)
    {
      if (gvird_runner_require_all ())
        g_error ("virsh is not installed (package libvirt-clients)");
      g_test_skip ("virsh is not installed (package libvirt-clients)");
      return;
    }
  gvird = gvird_runner_start (NULL, &error);
  g_assert_no_error (error);
  our_uri = gvird_runner_uri (gvird, FALSE);
  our_hold = hold_open (our_uri);
  our_save = g_build_filename (gvird->dir, "test.save", NULL);

  libvirtd = libvirtd_peer_start (PEER_TLS_NONE, &error);
  if (libvirtd == NULL)
    {
      if (gvird_runner_require_all ())
        g_error ("no libvirtd to compare with: %s", error->message);
      g_test_message ("no libvirtd to compare with (%s): fixed expectations only",
                      error->message);
      g_clear_error (&error);
    }
  else
    {
      their_uri = g_strdup_printf ("test+unix:///default?socket=%s", libvirtd->socket);
      their_hold = hold_open (their_uri);
      their_save = g_build_filename (libvirtd->dir, "test.save", NULL);
    }

  for (i = 0; i < G_N_ELEMENTS (script); i++)
    {
      VirshResult ours = run_virsh (our_uri, script[i].command, our_save);
      VirshResult theirs = { 0 };

      if (libvirtd != NULL)
        theirs = run_virsh (their_uri, script[i].command, their_save);
      check_step (&script[i], &ours, libvirtd != NULL ? &theirs : NULL);
      virsh_result_clear (&ours);
      virsh_result_clear (&theirs);
    }

  g_clear_pointer (&our_hold, gvir_driver_connection_unref);
  g_clear_pointer (&their_hold, gvir_driver_connection_unref);
  g_unlink (our_save);
  if (libvirtd != NULL)
    libvirtd_peer_stop (libvirtd);
  gvird_runner_stop (gvird);
}

/* The read-only socket: every query of the script works, every change is
 * refused with libvirt's error; exit codes, stdout and stderr are compared
 * with libvirtd's read-only socket. */
typedef struct
{
  const char *command;
  int rc;
  const char *expect;   /* text our daemon's stdout (rc 0) or stderr must contain */
  Compare compare;
} RoStep;

static const RoStep ro_script[] = {
  { "list --all", 0, " 1    test   running\n", SAME_OUTPUT },
  { "dominfo test", 0, "Name:           test\n", SAME_RC },
  { "domstate --reason test", 0, "running (", SAME_OUTPUT },
  { "vcpucount test", 0, "maximum      config         2\nmaximum      live           2\n", SAME_OUTPUT },
  { "vcpucount --live --maximum test", 0, "2\n", SAME_OUTPUT },
  { "dumpxml test", 0, "<domain type='test' id='1'>\n  <name>test</name>", SAME_OUTPUT },
  { "nodeinfo", 0, "CPU model:           i686\n", SAME_OUTPUT },
  { "capabilities", 0, "<capabilities>", SAME_RC },
  { "hostname", 0, "", SAME_OUTPUT },
  { "version", 0, "Running hypervisor: ", SAME_OUTPUT },
  { "uri", 0, "test+unix:///default?socket=", SAME_RC },
  { "freecell --all", 0, "Total:    3145728 KiB\n", SAME_RC },
  { "domcapabilities", 0, "<domainCapabilities>", OURS_ONLY },
  { "numatune test", 0, "numa_mode      : strict\n", SAME_OUTPUT },
  { "define @XML", 1, "read only access prevents virDomainDefineXML", SAME_OUTPUT },
  { "create @TRANSIENT", 1, "read only access prevents virDomainCreateXML", SAME_OUTPUT },
  /* virsh itself refuses to start a running domain; DOMAIN_CREATE's refusal
   * is in test-daemon-robust's walk of the whole table. */
  { "start test", 1, "error: Domain is already active\n", SAME_OUTPUT },
  { "destroy test", 1, "read only access prevents virDomainDestroy", SAME_OUTPUT },
  { "shutdown test", 1, "read only access prevents virDomainShutdown", SAME_OUTPUT },
  { "reboot test", 1, "read only access prevents virDomainReboot", SAME_OUTPUT },
  { "suspend test", 1, "read only access prevents virDomainSuspend", SAME_OUTPUT },
  { "resume test", 1, "read only access prevents virDomainResume", SAME_OUTPUT },
  { "undefine test", 1, "read only access prevents virDomainUndefine", SAME_OUTPUT },
  { "managedsave test", 1, "read only access prevents virDomainManagedSave", SAME_OUTPUT },
  { "save test @SAVE", 1, "read only access prevents virDomainSave", SAME_OUTPUT },
  { "restore @SAVE", 1, "read only access prevents virDomainRestore", SAME_OUTPUT },
  { "numatune test --nodeset 0 --config", 1,
    "read only access prevents virDomainSetNumaParameters", SAME_OUTPUT },
  { "setmem test 1000000", 1, "read only access prevents virDomainSetMemoryFlags", SAME_OUTPUT },
  { "setmaxmem test 1000000 --config", 1, "read only access prevents virDomainSetMemoryFlags",
    SAME_OUTPUT },
  { "dommemstat test", 0, "actual 2097152\n", SAME_OUTPUT },
  { "list --all", 0, " 1    test   running\n", SAME_OUTPUT },
};

static void
check_ro_step (const RoStep      *step,
               const VirshResult *ours,
               const VirshResult *theirs)
{
  const char *ours_text = step->rc == 0 ? ours->out : ours->err;

  g_test_message ("virsh (read-only) %s: rc %d", step->command, ours->rc);
  if (ours->rc != step->rc || strstr (ours_text, step->expect) == NULL)
    g_error ("virsh (read-only) %s: rc %d (want %d), stdout:\n%s\nstderr:\n%s\n(want text: %s)",
             step->command, ours->rc, step->rc, ours->out, ours->err, step->expect);
  if (theirs == NULL || step->compare == OURS_ONLY)
    return;
  if (ours->rc != theirs->rc)
    g_error ("virsh (read-only) %s: rc %d, libvirtd's %d; libvirtd's stderr:\n%s",
             step->command, ours->rc, theirs->rc, theirs->err);
  if (step->compare == SAME_OUTPUT &&
      (!g_str_equal (ours->out, theirs->out) || !g_str_equal (ours->err, theirs->err)))
    g_error ("virsh (read-only) %s: differs from libvirtd's:\n--- ours\n%s%s--- libvirtd\n%s%s",
             step->command, ours->out, ours->err, theirs->out, theirs->err);
}

static void
test_virsh_read_only (void)
{
  g_autoptr (GError) error = NULL;
  GvirdRunner *gvird;
  LibvirtdPeer *libvirtd = NULL;
  g_autofree char *ro_uri = NULL;
  g_autofree char *their_uri = NULL;
  g_autofree char *save = NULL;
  guint i;

  if (virsh_path == NULL)
    {
      if (gvird_runner_require_all ())
        g_error ("virsh is not installed (package libvirt-clients)");
      g_test_skip ("virsh is not installed (package libvirt-clients)");
      return;
    }
  gvird = gvird_runner_start (NULL, &error);
  g_assert_no_error (error);
  ro_uri = gvird_runner_uri (gvird, TRUE);
  /* Never written: the save is refused before the file is touched. */
  save = g_build_filename (gvird->dir, "refused.save", NULL);

  libvirtd = libvirtd_peer_start (PEER_TLS_NONE, &error);
  if (libvirtd == NULL)
    {
      if (gvird_runner_require_all ())
        g_error ("no libvirtd to compare with: %s", error->message);
      g_test_message ("no libvirtd to compare with (%s): fixed expectations only",
                      error->message);
      g_clear_error (&error);
    }
  else
    their_uri = g_strdup_printf ("test+unix:///default?socket=%s", libvirtd->socket_ro);

  for (i = 0; i < G_N_ELEMENTS (ro_script); i++)
    {
      VirshResult ours = run_virsh (ro_uri, ro_script[i].command, save);
      VirshResult theirs = { 0 };

      if (libvirtd != NULL)
        theirs = run_virsh (their_uri, ro_script[i].command, save);
      check_ro_step (&ro_script[i], &ours, libvirtd != NULL ? &theirs : NULL);
      virsh_result_clear (&ours);
      virsh_result_clear (&theirs);
    }
  g_assert_false (g_file_test (save, G_FILE_TEST_EXISTS));

  if (libvirtd != NULL)
    libvirtd_peer_stop (libvirtd);
  gvird_runner_stop (gvird);
}

/* Our remote driver through the daemon: a whole lifecycle, with its
 * lifecycle events. */
typedef struct
{
  GMutex lock;
  GArray *events;  /* int pairs: event, detail */
} Events;

static void
collect_event (const GVirDriverEvent *event,
               gpointer               data)
{
  Events *ev = data;

  if (event->kind != GVIR_DRIVER_EVENT_DOMAIN_LIFECYCLE || !g_str_equal (event->domain->name, "dtest"))
    return;
  g_mutex_lock (&ev->lock);
  g_array_append_val (ev->events, event->event);
  g_mutex_unlock (&ev->lock);
}

static void
test_remote_driver_lifecycle (void)
{
  static const int want[] = { GVIR_DRIVER_EVENT_DEFINED, GVIR_DRIVER_EVENT_STARTED,
                              GVIR_DRIVER_EVENT_SUSPENDED, GVIR_DRIVER_EVENT_RESUMED,
                              GVIR_DRIVER_EVENT_STOPPED, GVIR_DRIVER_EVENT_UNDEFINED };
  g_autoptr (GError) error = NULL;
  g_autoptr (GVirDriverConnection) conn = NULL;
  g_autoptr (GVirDriverDomain) dom = NULL;
  g_autoptr (GVirDriverDomain) gone = NULL;
  g_autofree char *uri = NULL;
  Events ev = { 0 };
  GvirdRunner *gvird;
  int state = -1, reason = -1;
  gint64 deadline;
  guint i, n;

  g_mutex_init (&ev.lock);
  ev.events = g_array_new (FALSE, FALSE, sizeof (int));
  gvird = gvird_runner_start (NULL, &error);
  g_assert_no_error (error);
  uri = gvird_runner_uri (gvird, FALSE);
  conn = gvir_driver_connection_open (uri, FALSE, collect_event, &ev, NULL, &error);
  g_assert_no_error (error);

  dom = gvir_driver_connection_define_domain (conn, DOM_XML, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dom->uuid, ==, DOM_UUID);
  g_assert_cmpint (dom->state, ==, GVIR_DRIVER_STATE_SHUTOFF);
  g_assert_true (gvir_driver_connection_start_domain (conn, DOM_UUID, 0, NULL, &error));
  g_assert_true (gvir_driver_connection_get_domain_state (conn, DOM_UUID, &state, &reason, NULL,
                                                          &error));
  g_assert_cmpint (state, ==, GVIR_DRIVER_STATE_RUNNING);
  g_assert_true (gvir_driver_connection_suspend_domain (conn, DOM_UUID, NULL, &error));
  g_assert_true (gvir_driver_connection_get_domain_state (conn, DOM_UUID, &state, &reason, NULL,
                                                          &error));
  g_assert_cmpint (state, ==, GVIR_DRIVER_STATE_PAUSED);
  g_assert_cmpint (reason, ==, GVIR_DRIVER_PAUSED_USER);
  g_assert_true (gvir_driver_connection_resume_domain (conn, DOM_UUID, NULL, &error));
  g_assert_true (gvir_driver_connection_destroy_domain (conn, DOM_UUID, 0, NULL, &error));
  g_assert_true (gvir_driver_connection_get_domain_state (conn, DOM_UUID, &state, &reason, NULL,
                                                          &error));
  g_assert_cmpint (state, ==, GVIR_DRIVER_STATE_SHUTOFF);
  g_assert_cmpint (reason, ==, GVIR_DRIVER_SHUTOFF_DESTROYED);
  g_assert_true (gvir_driver_connection_undefine_domain (conn, DOM_UUID, 0, NULL, &error));
  g_assert_no_error (error);
  gone = gvir_driver_connection_lookup_domain_by_uuid (conn, DOM_UUID, NULL, &error);
  g_assert_null (gone);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND);

  /* The events come asynchronously: wait (bounded) for all six. */
  deadline = gvir_test_wait_deadline ();
  do
    {
      g_mutex_lock (&ev.lock);
      n = ev.events->len;
      g_mutex_unlock (&ev.lock);
      if (n < G_N_ELEMENTS (want))
        {
          if (g_get_monotonic_time () > deadline)
            gvir_test_wait_timed_out ("six lifecycle events");
          g_usleep (10000);
        }
    }
  while (n < G_N_ELEMENTS (want));
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (want));
  for (i = 0; i < n; i++)
    g_assert_cmpint (g_array_index (ev.events, int, i), ==, want[i]);

  gvir_driver_connection_close (conn);
  g_clear_pointer (&conn, gvir_driver_connection_unref);
  g_array_unref (ev.events);
  g_mutex_clear (&ev.lock);
  gvird_runner_stop (gvird);
}

/* Runs virsh as nobody:nogroup (uid and gid 65534) through setpriv. */
static VirshResult
run_virsh_as_nobody (const char *uri,
                     const char *command)
{
  g_autofree char *bound = g_strdup_printf ("%" G_GINT64_FORMAT,
                                            gvir_test_wait_bound_usec () / G_USEC_PER_SEC);
  char *argv[] = { (char *) "timeout", (char *) "-k", (char *) "5", bound, (char *) "setpriv",
                   (char *) "--reuid", (char *) "65534", (char *) "--regid", (char *) "65534",
                   (char *) "--clear-groups", virsh_path, (char *) "-c", (char *) uri,
                   (char *) command, NULL };
  g_auto (GStrv) env = g_environ_setenv (g_get_environ (), "LC_ALL", "C", TRUE);
  g_autoptr (GError) error = NULL;
  VirshResult r = { 0 };
  int status = 0;

  env = g_environ_setenv (env, "HOME", "/nonexistent", TRUE);
  g_assert_true (g_spawn_sync (NULL, argv, env, G_SPAWN_SEARCH_PATH, NULL, NULL, &r.out, &r.err,
                               &status, &error));
  g_assert_no_error (error);
  /* A refused virsh may die of SIGPIPE, writing on the closed socket. */
  r.rc = WIFSIGNALED (status) ? 128 + WTERMSIG (status) : WEXITSTATUS (status);
  g_assert_cmpint (r.rc, !=, 124);
  return r;
}

/* Peer credentials. With libvirtd's default rw permissions (0700) the
 * socket file itself keeps another user out: connect() fails with EACCES.
 * Even with a read-write socket open to everyone (mode 0777), a client
 * that is not root, not the daemon's uid and not in unix_sock_group is
 * refused there (SO_PEERCRED); with its group as unix_sock_group, the
 * read-write socket serves it. root is served in every case, and the
 * read-only socket serves anyone. */
typedef enum
{
  NOBODY_DENIED_BY_MODE,    /* connect() fails: "Permission denied" */
  NOBODY_DENIED_BY_CRED,    /* accepted, then closed by the daemon */
  NOBODY_SERVED,
} NobodyRw;

typedef struct
{
  const char *config;
  NobodyRw nobody_rw;
} CredCase;

static void
assert_nobody_rw (const CredCase    *c,
                  const VirshResult *r)
{
  switch (c->nobody_rw)
    {
    case NOBODY_DENIED_BY_MODE:
      g_assert_cmpint (r->rc, ==, 1);
      g_assert_nonnull (strstr (r->err, "Permission denied"));
      g_assert_nonnull (strstr (r->err, "failed to connect to the hypervisor"));
      break;
    case NOBODY_DENIED_BY_CRED:
      /* A refused virsh may die of SIGPIPE, writing on the closed socket. */
      if (r->rc != 128 + SIGPIPE)
        {
          g_assert_cmpint (r->rc, ==, 1);
          g_assert_nonnull (strstr (r->err, "failed to connect to the hypervisor"));
        }
      g_assert_null (strstr (r->out, " 1    test   running\n"));
      break;
    case NOBODY_SERVED:
      g_assert_cmpint (r->rc, ==, 0);
      g_assert_nonnull (strstr (r->out, " 1    test   running\n"));
      break;
    }
}

static void
test_virsh_peer_credentials (void)
{
  static const CredCase cases[] = {
    { "unix_sock_rw_perms = \"0700\"", NOBODY_DENIED_BY_MODE },
    { "unix_sock_rw_perms = \"0777\"", NOBODY_DENIED_BY_CRED },
    { "unix_sock_rw_perms = \"0777\"\nunix_sock_group = \"nogroup\"", NOBODY_SERVED },
  };
  g_autoptr (GError) error = NULL;
  g_autofree char *setpriv = g_find_program_in_path ("setpriv");
  guint i;

  if (virsh_path == NULL || setpriv == NULL || getuid () != 0)
    {
      const char *why = "needs root, setpriv and virsh to run a client as another user";

      if (gvird_runner_require_all () && virsh_path == NULL)
        g_error ("%s", why);
      g_test_skip (why);
      return;
    }
  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GvirdRunner *gvird = gvird_runner_start (cases[i].config, &error);
      g_autofree char *rw = NULL;
      g_autofree char *ro = NULL;
      VirshResult r;

      g_assert_no_error (error);
      g_assert_cmpint (g_chmod (gvird->dir, 0755), ==, 0);
      rw = gvird_runner_uri (gvird, FALSE);
      ro = gvird_runner_uri (gvird, TRUE);
      g_test_message ("peer credentials: %s", cases[i].config);

      r = run_virsh_as_nobody (rw, "list");
      assert_nobody_rw (&cases[i], &r);
      virsh_result_clear (&r);

      r = run_virsh (rw, "list", NULL);
      g_assert_cmpint (r.rc, ==, 0);
      g_assert_nonnull (strstr (r.out, " 1    test   running\n"));
      virsh_result_clear (&r);

      r = run_virsh_as_nobody (ro, "list");
      g_assert_cmpint (r.rc, ==, 0);
      g_assert_nonnull (strstr (r.out, " 1    test   running\n"));
      virsh_result_clear (&r);
      gvird_runner_stop (gvird);
    }
}

/* virsh event --all --loop sees the lifecycle events of changes another
 * client makes. virsh's own --timeout ends it; meanwhile the test
 * suspends and resumes the domain over and over, so that events come
 * after virsh registered whenever that happens. */
static void
test_virsh_event_loop (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GVirDriverConnection) conn = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *bound = g_strdup_printf ("%" G_GINT64_FORMAT,
                                            gvir_test_wait_bound_usec () / G_USEC_PER_SEC);
  g_autofree char *out_path = NULL;
  g_autofree char *out = NULL;
  GvirdRunner *gvird;
  GPid pid;
  int status = 0, out_fd;
  pid_t got;
  gint64 deadline;

  if (virsh_path == NULL)
    {
      if (gvird_runner_require_all ())
        g_error ("virsh is not installed (package libvirt-clients)");
      g_test_skip ("virsh is not installed (package libvirt-clients)");
      return;
    }
  gvird = gvird_runner_start (NULL, &error);
  g_assert_no_error (error);
  uri = gvird_runner_uri (gvird, FALSE);
  conn = hold_open (uri);
  out_path = g_build_filename (gvird->dir, "event.out", NULL);
  out_fd = open (out_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  g_assert_cmpint (out_fd, >=, 0);
  {
    char *argv[] = { (char *) "timeout", (char *) "-k", (char *) "5", bound, virsh_path,
                     (char *) "-c", uri, (char *) "event", (char *) "--all", (char *) "--loop",
                     (char *) "--timeout", (char *) "3", NULL };

    g_assert_true (g_spawn_async_with_fds (NULL, argv, NULL,
                                           G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD,
                                           gvird_runner_child_setup, NULL, &pid, -1, out_fd,
                                           out_fd, &error));
    g_assert_no_error (error);
  }
  close (out_fd);

  deadline = gvir_test_wait_deadline ();
  while ((got = waitpid (pid, &status, WNOHANG)) == 0)
    {
      if (g_get_monotonic_time () > deadline)
        {
          kill (pid, SIGKILL);
          waitpid (pid, &status, 0);
          gvir_test_wait_timed_out ("virsh event --loop --timeout 3 to end");
        }
      g_assert_true (gvir_driver_connection_suspend_domain (conn, TEST_UUID, NULL, &error));
      g_assert_true (gvir_driver_connection_resume_domain (conn, TEST_UUID, NULL, &error));
      g_usleep (50000);
    }
  g_assert_cmpint (got, ==, pid);
  g_assert_true (g_file_get_contents (out_path, &out, NULL, NULL));
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_assert_nonnull (strstr (out, "event 'lifecycle' for domain 'test': Suspended Paused\n"));
  g_assert_nonnull (strstr (out, "event 'lifecycle' for domain 'test': Resumed Unpaused\n"));
  g_assert_null (strstr (out, "error"));

  g_clear_pointer (&conn, gvir_driver_connection_unref);
  gvird_runner_stop (gvird);
}

/* Our test driver's screenshot, read without a daemon. */
static GByteArray *
local_screenshot (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GVirDriverConnection) conn = hold_open ("test:///default");
  g_autoptr (GVirDriverStream) stream = gvir_driver_connection_new_stream (conn, 0, &error);
  g_autofree char *mime = NULL;
  GByteArray *data = g_byte_array_new ();
  char buf[4096];
  gssize n;

  g_assert_no_error (error);
  mime = gvir_driver_connection_screenshot_domain (conn, TEST_UUID, stream, 0, 0, NULL, &error);
  g_assert_no_error (error);
  while ((n = gvir_driver_stream_recv_wait (stream, buf, sizeof buf, NULL, &error)) > 0)
    g_byte_array_append (data, (const guint8 *) buf, n);
  g_assert_no_error (error);
  return data;
}

/* virsh screenshot through gvird's stream: exit status 0 and the file
 * holds our test driver's PNG, byte for byte. */
static void
test_virsh_screenshot (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GByteArray) want = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *path = NULL;
  g_autofree char *got = NULL;
  gsize got_len = 0;
  GvirdRunner *gvird;
  VirshResult r;

  if (virsh_path == NULL)
    {
      if (gvird_runner_require_all ())
        g_error ("virsh is not installed (package libvirt-clients)");
      g_test_skip ("virsh is not installed (package libvirt-clients)");
      return;
    }
  want = local_screenshot ();
  g_assert_cmpuint (want->len, >, 8);
  g_assert_cmpmem (want->data, 8, "\x89PNG\r\n\x1a\n", 8);
  gvird = gvird_runner_start (NULL, &error);
  g_assert_no_error (error);
  uri = gvird_runner_uri (gvird, FALSE);
  path = g_build_filename (gvird->dir, "shot.png", NULL);
  r = run_virsh (uri, "screenshot test @SAVE", path);
  if (r.rc != 0)
    g_error ("virsh screenshot: rc %d, stderr:\n%s", r.rc, r.err);
  g_assert_nonnull (strstr (r.out, "image/png"));
  virsh_result_clear (&r);
  g_assert_true (g_file_get_contents (path, &got, &got_len, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (got, got_len, want->data, want->len);
  g_unlink (path);
  gvird_runner_stop (gvird);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *tmp = NULL;
  guint i;
  int ret;

  g_test_init (&argc, &argv, NULL);
  virsh_path = g_find_program_in_path ("virsh");
  tmp = g_dir_make_tmp ("gvird-virsh-XXXXXX", NULL);
  g_assert_nonnull (tmp);
  for (i = 0; i < G_N_ELEMENTS (xml_files); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s.xml", xml_files[i].word + 1);

      xml_files[i].path = g_build_filename (tmp, name, NULL);
      g_assert_true (g_file_set_contents (xml_files[i].path, xml_files[i].xml, -1, NULL));
    }

  g_test_add_func ("/daemon/virsh/script", test_virsh_script);
  g_test_add_func ("/daemon/virsh/read-only", test_virsh_read_only);
  g_test_add_func ("/daemon/virsh/peer-credentials", test_virsh_peer_credentials);
  g_test_add_func ("/daemon/virsh/event-loop", test_virsh_event_loop);
  g_test_add_func ("/daemon/virsh/screenshot", test_virsh_screenshot);
  g_test_add_func ("/daemon/remote-driver/lifecycle", test_remote_driver_lifecycle);
  ret = g_test_run ();

  for (i = 0; i < G_N_ELEMENTS (xml_files); i++)
    {
      g_unlink (xml_files[i].path);
      g_clear_pointer (&xml_files[i].path, g_free);
    }
  g_rmdir (tmp);
  g_free (virsh_path);
  return ret;
}
