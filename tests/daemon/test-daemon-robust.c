/*
 * test-daemon-robust.c: gvird's access rules, framing limits and
 * configuration, through raw protocol bytes
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
/* POLLRDHUP */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stddef.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "gvir-test-wait.h"
#include "gvird-runner.h"
#include "libvirt-gobject/rpc/gvir-rpc-remote-private.h"

#define TEST_UUID "6695eb01-f6a4-8304-79aa-97f2502e193f"

/* Numbers beyond the table's last procedure are looked up too. */
#define PROC_SCAN_MAX 1000

/* Calls GET_TYPE on an opened connection and checks the answer. */
static void
assert_serves (GSocket *sock)
{
  g_autoptr (GBytes) reply = NULL;
  g_auto (GVirRpcStringRet) ret = { 0 };
  GVirRpcHeader header;
  gsize len = 0;
  const guint8 *data;

  g_assert_true (raw_call (sock, GVIR_RPC_PROC_CONNECT_GET_TYPE, NULL, 0, &header, &reply));
  g_assert_cmpuint (header.status, ==, GVIR_RPC_STATUS_OK);
  data = g_bytes_get_data (reply, &len);
  g_assert_true (gvir_rpc_decode_string_ret (data, len, &ret, NULL));
  g_assert_cmpstr (ret.value, ==, "TEST");
}

static GByteArray *
domain_args (void)
{
  GVirRpcDomainArgs args = { { (char *) "test", { 0 }, 1 } };

  g_assert_true (gvir_rpc_uuid_parse (TEST_UUID, args.dom.uuid));
  return gvir_rpc_encode_domain_args (&args, NULL);
}

static void
assert_state (GSocket *sock,
              int      want)
{
  GVirRpcDomainFlagsArgs args = { { (char *) "test", { 0 }, 1 }, 0 };
  g_autoptr (GByteArray) payload = NULL;
  g_autoptr (GBytes) reply = NULL;
  g_auto (GVirRpcDomainGetStateRet) ret = { 0 };
  GVirRpcHeader header;
  gsize len = 0;
  const guint8 *data;

  g_assert_true (gvir_rpc_uuid_parse (TEST_UUID, args.dom.uuid));
  payload = gvir_rpc_encode_domain_flags_args (&args, NULL);
  g_assert_true (raw_call (sock, GVIR_RPC_PROC_DOMAIN_GET_STATE, payload->data, payload->len,
                           &header, &reply));
  g_assert_cmpuint (header.status, ==, GVIR_RPC_STATUS_OK);
  data = g_bytes_get_data (reply, &len);
  g_assert_true (gvir_rpc_decode_domain_get_state_ret (data, len, &ret, NULL));
  g_assert_cmpint (ret.state, ==, want);
}

/* libvirt's API name of each mutating procedure, spelled as libvirtd's
 * "read only access prevents virXxx" does: every procedure the daemon
 * knows that is not flagged read-only must be here, so a new one cannot
 * slip through unchecked. */
typedef struct
{
  gint32 proc;
  const char *api;
} MutatingProc;

static const MutatingProc mutating_procs[] = {
  { 9, "virDomainCreate" },
  { 10, "virDomainCreateXML" },
  { 11, "virDomainDefineXML" },
  { 12, "virDomainDestroy" },
  { 27, "virDomainReboot" },
  { 28, "virDomainResume" },
  { 29, "virDomainSetAutostart" },
  { 30, "virDomainSetMaxMemory" },
  { 31, "virDomainSetMemory" },
  { 33, "virDomainShutdown" },
  { 34, "virDomainSuspend" },
  { 35, "virDomainUndefine" },
  { 54, "virDomainRestore" },
  { 55, "virDomainSave" },
  { 76, "virStoragePoolCreateXML" },
  { 77, "virStoragePoolDefineXML" },
  { 78, "virStoragePoolCreate" },
  { 79, "virStoragePoolBuild" },
  { 80, "virStoragePoolDestroy" },
  { 81, "virStoragePoolDelete" },
  { 82, "virStoragePoolUndefine" },
  { 83, "virStoragePoolRefresh" },
  { 90, "virStoragePoolSetAutostart" },
  { 93, "virStorageVolCreateXML" },
  { 94, "virStorageVolDelete" },
  { 174, "virDomainUpdateDeviceFlags" },
  { 182, "virDomainManagedSave" },
  { 185, "virDomainSnapshotCreateXML" },
  { 192, "virDomainRevertToSnapshot" },
  { 193, "virDomainSnapshotDelete" },
  { 196, "virDomainCreateWithFlags" },
  { 201, "virDomainOpenConsole" },
  { 204, "virDomainSetMemoryFlags" },
  { 208, "virStorageVolUpload" },
  { 209, "virStorageVolDownload" },
  { 211, "virDomainScreenshot" },
  { 231, "virDomainUndefineFlags" },
  { 232, "virDomainSaveFlags" },
  { 233, "virDomainRestoreFlags" },
  { 234, "virDomainDestroyFlags" },
  { 236, "virDomainSaveImageDefineXML" },
  { 251, "virDomainBlockResize" },
  { 254, "virDomainSetNumaParameters" },
  { 258, "virDomainShutdownFlags" },
  { 260, "virStorageVolResize" },
  { 267, "virDomainPMWakeup" },
  { 338, "virDomainSetTime" },
  { 350, "virDomainDefineXMLFlags" },
};

static const char *
mutating_api_name (gint32 proc)
{
  guint i;

  for (i = 0; i < G_N_ELEMENTS (mutating_procs); i++)
    if (mutating_procs[i].proc == proc)
      return mutating_procs[i].api;
  return NULL;
}

/* One call of @proc on read-only @sock: refused with OPERATION_DENIED and
 * libvirt's message naming the API. */
static void
assert_refused (GSocket    *sock,
                gint32      proc,
                GByteArray *args)
{
  g_autoptr (GBytes) reply = NULL;
  g_autofree char *message = NULL;
  g_autofree char *want = NULL;
  const char *api = mutating_api_name (proc);
  GVirRpcHeader header;

  if (api == NULL)
    g_error ("procedure %d is not read-only and not in mutating_procs", proc);
  g_assert_true (raw_call (sock, proc, args->data, args->len, &header, &reply));
  g_assert_cmpuint (header.status, ==, GVIR_RPC_STATUS_ERROR);
  g_assert_cmpint (raw_error_code (reply, &message), ==, GVIR_RPC_ERR_OPERATION_DENIED);
  want = g_strdup_printf ("operation forbidden: read only access prevents %s", api);
  g_assert_cmpstr (message, ==, want);
}

/* Every procedure of the table that is not flagged read-only is
 * refused on the read-only socket with OPERATION_DENIED, before its
 * arguments are even decoded (they are well-formed domain arguments or
 * nothing at all here). */
static void
test_read_only_table (void)
{
  g_autoptr (GError) error = NULL;
  GvirdRunner *gvird = gvird_runner_start (NULL, &error);
  g_autoptr (GSocket) ro = NULL;
  g_autoptr (GSocket) rw_ro = NULL;
  g_autoptr (GByteArray) dom = domain_args ();
  guint refused = 0, allowed = 0;
  gint32 proc;

  g_assert_no_error (error);
  ro = raw_connect (gvird->socket_ro);
  raw_open (ro, 0);
  for (proc = 0; proc < PROC_SCAN_MAX; proc++)
    {
      const GVirRpcProcInfo *info = gvir_rpc_proc_info_lookup (proc);

      if (info == NULL || (info->flags & GVIR_RPC_PROC_EVENT))
        continue;
      if (info->flags & GVIR_RPC_PROC_READ_ONLY)
        {
          allowed++;
          continue;
        }
      assert_refused (ro, proc, dom);
      refused++;
    }
  /* The calls outside the generated table that virsh sends (start's
   * DOMAIN_CREATE, undefine's fallback DOMAIN_UNDEFINE). */
  assert_refused (ro, 9, dom);
  assert_refused (ro, 35, dom);
  refused += 2;
  /* Every mutating procedure was met, none skipped by the table. */
  g_assert_cmpuint (refused, ==, G_N_ELEMENTS (mutating_procs));
  g_assert_cmpuint (allowed, >=, 15);
  assert_serves (ro);
  assert_state (ro, 1);

  /* CONNECT_OPEN's read-only flag makes a read-write socket read-only. */
  rw_ro = raw_connect (gvird->socket);
  raw_open (rw_ro, GVIR_RPC_OPEN_RO);
  {
    g_autoptr (GBytes) reply = NULL;
    GVirRpcHeader header;

    g_assert_true (raw_call (rw_ro, GVIR_RPC_PROC_DOMAIN_DESTROY, dom->data, dom->len, &header,
                             &reply));
    g_assert_cmpuint (header.status, ==, GVIR_RPC_STATUS_ERROR);
    g_assert_cmpint (raw_error_code (reply, NULL), ==, GVIR_RPC_ERR_OPERATION_DENIED);
  }
  assert_state (rw_ro, 1);

  g_clear_object (&ro);
  g_clear_object (&rw_ro);
  gvird_runner_stop (gvird);
}

/* Before CONNECT_OPEN only the NO_AUTH procedures run; unknown numbers get
 * libvirt's "unknown procedure", which clients turn into "unsupported". */
static void
test_call_rules (void)
{
  g_autoptr (GError) error = NULL;
  GvirdRunner *gvird = gvird_runner_start (NULL, &error);
  g_autoptr (GSocket) sock = NULL;
  g_autoptr (GBytes) reply = NULL;
  g_autoptr (GBytes) reply2 = NULL;
  g_autoptr (GBytes) reply3 = NULL;
  g_autofree char *message = NULL;
  g_autofree char *message2 = NULL;
  GVirRpcHeader header;

  g_assert_no_error (error);
  sock = raw_connect (gvird->socket);
  g_assert_true (raw_call (sock, GVIR_RPC_PROC_CONNECT_GET_TYPE, NULL, 0, &header, &reply));
  g_assert_cmpuint (header.status, ==, GVIR_RPC_STATUS_ERROR);
  g_assert_cmpint (raw_error_code (reply, &message), ==, GVIR_RPC_ERR_INTERNAL_ERROR);
  g_assert_cmpstr (message, ==, "internal error: hypervisor connection not open");

  raw_open (sock, 0);
  g_assert_true (raw_call (sock, 9999, NULL, 0, &header, &reply2));
  g_assert_cmpuint (header.status, ==, GVIR_RPC_STATUS_ERROR);
  g_assert_cmpint (raw_error_code (reply2, &message2), ==, GVIR_RPC_ERR_RPC);
  g_assert_cmpstr (message2, ==, "unknown procedure: 9999");

  /* Driver errors carry libvirt's numbers: an unknown domain is
   * NO_DOMAIN (42), as libvirtd answers. */
  {
    GVirRpcDomainLookupByNameArgs args = { (char *) "nosuchdomain" };
    g_autoptr (GByteArray) payload = gvir_rpc_encode_domain_lookup_by_name_args (&args, NULL);
    g_autoptr (GBytes) reply5 = NULL;

    g_assert_true (raw_call (sock, GVIR_RPC_PROC_DOMAIN_LOOKUP_BY_NAME, payload->data,
                             payload->len, &header, &reply5));
    g_assert_cmpuint (header.status, ==, GVIR_RPC_STATUS_ERROR);
    g_assert_cmpint (raw_error_code (reply5, NULL), ==, GVIR_RPC_ERR_NO_DOMAIN);
  }

  /* A procedure of the table the daemon does not serve: libvirt's
   * NO_SUPPORT with libvirt's text. */
  {
    GVirRpcConnectGetAllDomainStatsArgs args = { 0 };
    g_autoptr (GByteArray) payload = NULL;
    g_autoptr (GBytes) reply4 = NULL;
    g_autofree char *message4 = NULL;

    /* Bulk domain statistics are not served by gvird yet. */
    payload = gvir_rpc_encode_connect_get_all_domain_stats_args (&args, NULL);
    g_assert_true (raw_call (sock, GVIR_RPC_PROC_CONNECT_GET_ALL_DOMAIN_STATS, payload->data,
                             payload->len, &header, &reply4));
    g_assert_cmpuint (header.status, ==, GVIR_RPC_STATUS_ERROR);
    g_assert_cmpint (raw_error_code (reply4, &message4), ==, GVIR_RPC_ERR_NO_SUPPORT);
    g_assert_cmpstr (message4, ==, "this function is not supported by the connection driver: "
                                   "virConnectGetAllDomainStats");
  }

  /* A save image that does not exist: the driver's error, with the path. */
  {
    GVirRpcDomainSaveImageGetXmlDescArgs args = { (char *) "/nonexistent", 0 };
    g_autoptr (GByteArray) payload = NULL;
    g_autoptr (GBytes) reply7 = NULL;
    g_autofree char *message7 = NULL;

    payload = gvir_rpc_encode_domain_save_image_get_xml_desc_args (&args, NULL);
    g_assert_true (raw_call (sock, GVIR_RPC_PROC_DOMAIN_SAVE_IMAGE_GET_XML_DESC, payload->data,
                             payload->len, &header, &reply7));
    g_assert_cmpuint (header.status, ==, GVIR_RPC_STATUS_ERROR);
    raw_error_code (reply7, &message7);
    g_assert_cmpstr (message7, ==, "cannot read save image '/nonexistent': "
                                   "No such file or directory");
  }

  /* An event number called as a procedure is unknown too. */
  {
    g_autoptr (GBytes) reply6 = NULL;
    g_autofree char *message6 = NULL;

    g_assert_true (raw_call (sock, GVIR_RPC_PROC_DOMAIN_EVENT_CALLBACK_LIFECYCLE, NULL, 0, &header,
                             &reply6));
    g_assert_cmpuint (header.status, ==, GVIR_RPC_STATUS_ERROR);
    g_assert_cmpint (raw_error_code (reply6, &message6), ==, GVIR_RPC_ERR_RPC);
    g_assert_cmpstr (message6, ==, "unknown procedure: 318");
  }

  /* A malformed payload is an error reply; the connection stays usable. */
  g_assert_true (raw_call (sock, GVIR_RPC_PROC_DOMAIN_LOOKUP_BY_NAME, (const guint8 *) "\0\0", 2,
                           &header, &reply3));
  g_assert_cmpuint (header.status, ==, GVIR_RPC_STATUS_ERROR);
  g_assert_cmpint (raw_error_code (reply3, NULL), ==, GVIR_RPC_ERR_RPC);
  assert_serves (sock);

  g_clear_object (&sock);
  gvird_runner_stop (gvird);
}

/* A keepalive PING gets a PONG, answered by the I/O thread. */
static void
test_keepalive (void)
{
  g_autoptr (GError) error = NULL;
  GvirdRunner *gvird = gvird_runner_start (NULL, &error);
  g_autoptr (GSocket) sock = NULL;
  GVirRpcHeader ping = { GVIR_RPC_KEEPALIVE_PROGRAM, GVIR_RPC_KEEPALIVE_VERSION,
                         GVIR_RPC_KEEPALIVE_PROC_PING, GVIR_RPC_TYPE_MESSAGE, 0,
                         GVIR_RPC_STATUS_OK };
  g_autoptr (GBytes) packet = gvir_rpc_packet_encode (&ping, NULL, 0, NULL);
  guint8 buf[28];
  GVirRpcHeader pong;
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (packet, &size);

  g_assert_no_error (error);
  sock = raw_connect (gvird->socket);
  g_assert_cmpint (write (g_socket_get_fd (sock), data, size), ==, (gssize) size);
  g_assert_cmpint (read (g_socket_get_fd (sock), buf, sizeof buf), ==, 28);
  g_assert_true (gvir_rpc_header_decode (buf + 4, 24, &pong, NULL));
  g_assert_cmpuint (pong.prog, ==, GVIR_RPC_KEEPALIVE_PROGRAM);
  g_assert_cmpint (pong.proc, ==, GVIR_RPC_KEEPALIVE_PROC_PONG);
  g_assert_cmpuint (pong.type, ==, GVIR_RPC_TYPE_MESSAGE);
  g_clear_object (&sock);
  gvird_runner_stop (gvird);
}

static void
send_bytes (GSocket      *sock,
            const guint8 *data,
            gsize         len)
{
  g_assert_cmpint (write (g_socket_get_fd (sock), data, len), ==, (gssize) len);
}

/* Bad frames close their own client only: a 2 GiB claimed length, garbage,
 * a length below the header, and half a frame left to stall (closed after
 * frame_timeout). Another client keeps being served throughout. */
static void
test_bad_frames (void)
{
  static const guint8 huge[] = { 0x80, 0x00, 0x00, 0x00, 0x20, 0x00, 0x80, 0x86 };
  static const guint8 tiny[] = { 0x00, 0x00, 0x00, 0x03 };
  static const char garbage[] = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";
  static const guint8 half[] = { 0x00, 0x00, 0x00, 0x40, 0x20, 0x00, 0x80, 0x86, 0x00, 0x00 };
  g_autoptr (GError) error = NULL;
  GvirdRunner *gvird = gvird_runner_start ("frame_timeout = 1", &error);
  g_autoptr (GSocket) good = NULL;
  GSocket *bad;

  g_assert_no_error (error);
  good = raw_connect (gvird->socket);
  raw_open (good, 0);

  bad = raw_connect (gvird->socket);
  send_bytes (bad, huge, sizeof huge);
  g_assert_true (raw_wait_closed (bad));
  g_object_unref (bad);
  assert_serves (good);

  bad = raw_connect (gvird->socket);
  send_bytes (bad, (const guint8 *) garbage, strlen (garbage));
  g_assert_true (raw_wait_closed (bad));
  g_object_unref (bad);
  assert_serves (good);

  bad = raw_connect (gvird->socket);
  send_bytes (bad, tiny, sizeof tiny);
  g_assert_true (raw_wait_closed (bad));
  g_object_unref (bad);
  assert_serves (good);

  bad = raw_connect (gvird->socket_ro);
  send_bytes (bad, half, sizeof half);
  g_assert_true (raw_wait_closed (bad));
  g_object_unref (bad);
  assert_serves (good);

  g_clear_object (&good);
  gvird_runner_stop (gvird);
}

/* Whether the server closed @sock, without reading what it queued. */
static gboolean
peer_hung_up (GSocket *sock)
{
  struct pollfd pfd = { g_socket_get_fd (sock), POLLRDHUP, 0 };

  return poll (&pfd, 1, 0) == 1 && (pfd.revents & (POLLRDHUP | POLLHUP)) != 0;
}

static void
call_domain (GSocket *sock,
             gint32   proc)
{
  g_autoptr (GByteArray) dom = domain_args ();
  g_autoptr (GBytes) reply = NULL;
  GVirRpcHeader header;

  g_assert_true (raw_call (sock, proc, dom->data, dom->len, &header, &reply));
  g_assert_cmpuint (header.status, ==, GVIR_RPC_STATUS_OK);
}

/* A client registered for events that never reads them: once its queue
 * is past max_client_queue it is closed, and the others are served. The
 * events come from another client suspending and resuming a domain. */
static void
test_event_pile_up (void)
{
  g_autoptr (GError) error = NULL;
  GvirdRunner *gvird = gvird_runner_start ("max_client_queue = 4096", &error);
  GVirRpcConnectDomainEventCallbackRegisterAnyArgs args = { 0, NULL };
  g_autoptr (GByteArray) payload = gvir_rpc_encode_connect_domain_event_callback_register_any_args (&args, NULL);
  g_autoptr (GSocket) sleeper = NULL;
  g_autoptr (GSocket) driver = NULL;
  g_autoptr (GBytes) reply = NULL;
  GVirRpcHeader header;
  guint rounds;

  g_assert_no_error (error);
  sleeper = raw_connect (gvird->socket);
  raw_open (sleeper, 0);
  g_assert_true (raw_call (sleeper, GVIR_RPC_PROC_CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY,
                           payload->data, payload->len, &header, &reply));
  g_assert_cmpuint (header.status, ==, GVIR_RPC_STATUS_OK);

  driver = raw_connect (gvird->socket);
  raw_open (driver, 0);
  /* Enough events to fill the kernel's socket buffers many times over;
   * each round is two calls and two events of about 70 bytes. */
  for (rounds = 0; rounds < 5000 && !peer_hung_up (sleeper); rounds++)
    {
      call_domain (driver, GVIR_RPC_PROC_DOMAIN_SUSPEND);
      call_domain (driver, GVIR_RPC_PROC_DOMAIN_RESUME);
    }
  g_test_message ("closed after %u rounds", rounds);
  g_assert_true (peer_hung_up (sleeper));
  assert_serves (driver);
  assert_state (driver, 1);

  g_clear_object (&sleeper);
  g_clear_object (&driver);
  gvird_runner_stop (gvird);
}

/* Reads @len bytes from @sock's descriptor, which raw_connect() made
 * blocking with the wait bound as its receive timeout (GSocket's own
 * blocking receive would wait past it). */
static gboolean
read_all (GSocket *sock,
          guint8  *buf,
          gsize    len)
{
  gsize have = 0;

  while (have < len)
    {
      ssize_t n = read (g_socket_get_fd (sock), buf + have, len - have);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      have += n;
    }
  return TRUE;
}

/* The next packet, whatever its type; its payload in *@payload. */
static void
read_packet (GSocket        *sock,
             GVirRpcHeader  *header,
             GBytes        **payload)
{
  guint8 word[GVIR_RPC_LEN_SIZE];
  g_autofree guint8 *body = NULL;
  guint32 body_len = 0;

  g_assert_true (read_all (sock, word, sizeof word));
  g_assert_true (gvir_rpc_packet_check_length (word, &body_len, NULL));
  body = g_malloc (body_len);
  g_assert_true (read_all (sock, body, body_len));
  g_assert_true (gvir_rpc_header_decode (body, body_len, header, NULL));
  *payload = g_bytes_new (body + GVIR_RPC_HEADER_SIZE, body_len - GVIR_RPC_HEADER_SIZE);
}

/* Reads @rounds suspended/resumed event pairs, each whole and in turn. */
static void
read_lifecycle_pairs (GSocket *sock,
                      guint    rounds)
{
  guint i;

  for (i = 0; i < 2 * rounds; i++)
    {
      g_auto (GVirRpcDomainEventCallbackLifecycleMsg) msg = { 0 };
      g_autoptr (GBytes) payload = NULL;
      GVirRpcHeader header;
      gsize len = 0;
      const guint8 *data;

      read_packet (sock, &header, &payload);
      g_assert_cmpint (header.type, ==, GVIR_RPC_TYPE_MESSAGE);
      g_assert_cmpint (header.proc, ==, GVIR_RPC_PROC_DOMAIN_EVENT_CALLBACK_LIFECYCLE);
      data = g_bytes_get_data (payload, &len);
      g_assert_true (gvir_rpc_decode_domain_event_callback_lifecycle_msg (data, len, &msg, NULL));
      g_assert_cmpstr (msg.msg.dom.name, ==, "test");
      /* VIR_DOMAIN_EVENT_SUSPENDED (3), then VIR_DOMAIN_EVENT_RESUMED (4) */
      g_assert_cmpint (msg.msg.event, ==, i % 2 == 0 ? 3 : 4);
    }
}

#define OUTPUT_ROUNDS 1500
#define OUTPUT_CALLS 40

/* Output that the socket does not take at once: events from other
 * clients' calls pile up at a client that does not read (far more than
 * the kernel buffers), then come out whole and in order once it reads
 * (the I/O thread finishes what the posting threads could not write);
 * replies to its own calls, large enough to be written in parts and
 * sent in one burst past its calls-in-flight cap, come after every
 * event queued before them, one for each call. */
static void
test_output_backlog (void)
{
  g_autoptr (GError) error = NULL;
  GvirdRunner *gvird = gvird_runner_start (NULL, &error);
  GVirRpcConnectDomainEventCallbackRegisterAnyArgs args = { 0, NULL };
  g_autoptr (GByteArray) payload = gvir_rpc_encode_connect_domain_event_callback_register_any_args (&args, NULL);
  g_autoptr (GSocket) listener = NULL;
  g_autoptr (GSocket) driver = NULL;
  g_autoptr (GBytes) reply = NULL;
  g_autoptr (GByteArray) calls = NULL;
  gboolean answered[OUTPUT_CALLS] = { FALSE };
  GVirRpcHeader header;
  guint i;

  g_assert_no_error (error);
  listener = raw_connect (gvird->socket);
  raw_open (listener, 0);
  g_assert_true (raw_call (listener, GVIR_RPC_PROC_CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY,
                           payload->data, payload->len, &header, &reply));
  g_assert_cmpuint (header.status, ==, GVIR_RPC_STATUS_OK);
  driver = raw_connect (gvird->socket);
  raw_open (driver, 0);

  /* The listener sends nothing meanwhile: only the posting threads can
   * get the I/O thread to finish the writes. */
  for (i = 0; i < OUTPUT_ROUNDS; i++)
    {
      call_domain (driver, GVIR_RPC_PROC_DOMAIN_SUSPEND);
      call_domain (driver, GVIR_RPC_PROC_DOMAIN_RESUME);
    }
  read_lifecycle_pairs (listener, OUTPUT_ROUNDS);

  for (i = 0; i < OUTPUT_ROUNDS; i++)
    {
      call_domain (driver, GVIR_RPC_PROC_DOMAIN_SUSPEND);
      call_domain (driver, GVIR_RPC_PROC_DOMAIN_RESUME);
    }
  /* All the calls in one write: more than max_client_requests (5) come
   * in one read, and the rest wait until slots free. */
  calls = g_byte_array_new ();
  for (i = 0; i < OUTPUT_CALLS; i++)
    {
      GVirRpcHeader call = { GVIR_RPC_REMOTE_PROGRAM, GVIR_RPC_REMOTE_VERSION,
                             GVIR_RPC_PROC_CONNECT_GET_CAPABILITIES, GVIR_RPC_TYPE_CALL,
                             5000 + i, GVIR_RPC_STATUS_OK };
      g_autoptr (GBytes) packet = gvir_rpc_packet_encode (&call, NULL, 0, NULL);
      gsize size = 0;
      const guint8 *data = g_bytes_get_data (packet, &size);

      g_byte_array_append (calls, data, size);
    }
  g_assert_cmpint (write (g_socket_get_fd (listener), calls->data, calls->len), ==, calls->len);
  read_lifecycle_pairs (listener, OUTPUT_ROUNDS);
  /* Calls run side by side, so their replies may come in any order. */
  for (i = 0; i < OUTPUT_CALLS; i++)
    {
      g_auto (GVirRpcStringRet) caps = { 0 };
      g_autoptr (GBytes) body = NULL;
      gsize len = 0;
      const guint8 *data;

      read_packet (listener, &header, &body);
      g_assert_cmpint (header.type, ==, GVIR_RPC_TYPE_REPLY);
      g_assert_cmpuint (header.status, ==, GVIR_RPC_STATUS_OK);
      g_assert_cmpint (header.proc, ==, GVIR_RPC_PROC_CONNECT_GET_CAPABILITIES);
      g_assert_cmpuint (header.serial, >=, 5000);
      g_assert_cmpuint (header.serial, <, 5000 + OUTPUT_CALLS);
      g_assert_false (answered[header.serial - 5000]);
      answered[header.serial - 5000] = TRUE;
      data = g_bytes_get_data (body, &len);
      g_assert_true (gvir_rpc_decode_string_ret (data, len, &caps, NULL));
      g_assert_true (g_str_has_prefix (caps.value, "<capabilities>"));
    }
  assert_serves (listener);
  assert_serves (driver);

  g_clear_object (&listener);
  g_clear_object (&driver);
  gvird_runner_stop (gvird);
}

/* max_clients: a client beyond it is closed at once; a place freed is
 * taken again. */
static void
test_max_clients (void)
{
  g_autoptr (GError) error = NULL;
  GvirdRunner *gvird = gvird_runner_start ("max_clients = 2", &error);
  g_autoptr (GSocket) a = NULL;
  g_autoptr (GSocket) b = NULL;
  g_autoptr (GSocket) c = NULL;
  g_autoptr (GSocket) d = NULL;

  g_assert_no_error (error);
  a = raw_connect (gvird->socket);
  raw_open (a, 0);
  b = raw_connect (gvird->socket_ro);
  raw_open (b, 0);
  c = raw_connect (gvird->socket);
  g_assert_true (raw_wait_closed (c));
  assert_serves (a);
  assert_serves (b);

  g_clear_object (&a);
  /* The daemon notices a's end asynchronously: retry (bounded) until a
   * new client is served. */
  {
    gint64 deadline = gvir_test_wait_deadline ();

    for (;;)
      {
        g_autoptr (GBytes) reply = NULL;
        GVirRpcHeader header;

        d = raw_connect (gvird->socket);
        if (raw_call (d, GVIR_RPC_PROC_AUTH_LIST, NULL, 0, &header, &reply))
          break;
        g_clear_object (&d);
        if (g_get_monotonic_time () > deadline)
          gvir_test_wait_timed_out ("a client place to free up");
        g_usleep (10000);
      }
  }
  raw_open_after_auth (d);
  assert_serves (d);

  g_clear_object (&b);
  g_clear_object (&d);
  g_clear_object (&c);
  gvird_runner_stop (gvird);
}

/* --timeout: with no client the daemon stops by itself, cleanly (exit 0,
 * sockets and pid file removed). The test waits for that with a bound and
 * kills the daemon itself if the bound passes. */
static void
test_idle_timeout (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gvird-idle-XXXXXX", NULL);
  g_autofree char *conf = g_build_filename (dir, "gvird.conf", NULL);
  g_autofree char *pid_file = g_build_filename (dir, "gvird.pid", NULL);
  g_autofree char *sock = g_build_filename (dir, "libvirt-sock", NULL);
  g_autofree char *text = g_strdup_printf ("unix_sock_dir = \"%s\"\n", dir);
  char *argv[] = { (char *) g_getenv ("GVIRD"), (char *) "--config", conf, (char *) "--timeout",
                   (char *) "1", (char *) "--pid-file", pid_file, NULL };
  g_autoptr (GError) error = NULL;
  gint64 deadline;
  GPid pid;
  int status = 0;
  pid_t got;

  g_assert_true (g_file_set_contents (conf, text, -1, NULL));
  g_assert_true (g_spawn_async (NULL, argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD |
                                G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                                gvird_runner_child_setup, NULL, &pid, &error));
  g_assert_no_error (error);
  deadline = gvir_test_wait_deadline ();
  while ((got = waitpid (pid, &status, WNOHANG)) == 0 && g_get_monotonic_time () < deadline)
    g_usleep (20000);
  if (got != pid)
    {
      kill (pid, SIGKILL);
      waitpid (pid, &status, 0);
      gvir_test_wait_timed_out ("gvird --timeout 1 to stop by itself");
    }
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_assert_false (g_file_test (sock, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (pid_file, G_FILE_TEST_EXISTS));
  g_unlink (conf);
  g_rmdir (dir);
}

/* Reads packets until a keepalive PING: FALSE at end of stream or when
 * the socket's receive timeout (the wait bound) passes. */
static gboolean
read_until_ping (GSocket *sock)
{
  int fd = g_socket_get_fd (sock);

  for (;;)
    {
      guint8 word[GVIR_RPC_LEN_SIZE];
      g_autofree guint8 *body = NULL;
      guint32 body_len = 0;
      GVirRpcHeader header;

      if (read (fd, word, sizeof word) != sizeof word ||
          !gvir_rpc_packet_check_length (word, &body_len, NULL))
        return FALSE;
      body = g_malloc (body_len);
      if (read (fd, body, body_len) != (gssize) body_len ||
          !gvir_rpc_header_decode (body, body_len, &header, NULL))
        return FALSE;
      if (header.prog == GVIR_RPC_KEEPALIVE_PROGRAM &&
          header.proc == GVIR_RPC_KEEPALIVE_PROC_PING && header.type == GVIR_RPC_TYPE_MESSAGE)
        return TRUE;
    }
}

/* A client that asked for keepalive (feature 10) is pinged when silent,
 * and closed when it answers none of keepalive_count pings. */
static void
test_keepalive_server_pings (void)
{
  g_autoptr (GError) error = NULL;
  GvirdRunner *gvird = gvird_runner_start ("keepalive_interval = 1\nkeepalive_count = 2",
                                           &error);
  GVirRpcIntArgs feature = { GVIR_RPC_FEATURE_PROGRAM_KEEPALIVE };
  g_autoptr (GByteArray) payload = gvir_rpc_encode_int_args (&feature, NULL);
  g_autoptr (GSocket) sock = NULL;
  g_autoptr (GSocket) other = NULL;
  g_autoptr (GBytes) reply = NULL;
  g_auto (GVirRpcIntRet) ret = { 0 };
  GVirRpcHeader header;
  gsize len = 0;
  const guint8 *data;

  g_assert_no_error (error);
  other = raw_connect (gvird->socket);
  raw_open (other, 0);
  sock = raw_connect (gvird->socket);
  g_assert_true (raw_call (sock, GVIR_RPC_PROC_CONNECT_SUPPORTS_FEATURE, payload->data,
                           payload->len, &header, &reply));
  g_assert_cmpuint (header.status, ==, GVIR_RPC_STATUS_OK);
  data = g_bytes_get_data (reply, &len);
  g_assert_true (gvir_rpc_decode_int_ret (data, len, &ret, NULL));
  g_assert_cmpint (ret.value, ==, 1);

  g_assert_true (read_until_ping (sock));
  g_assert_true (raw_wait_closed (sock));
  assert_serves (other);

  g_clear_object (&sock);
  g_clear_object (&other);
  gvird_runner_stop (gvird);
}

/* Runs gvird on a config that must be refused; returns its stderr. */
static char *
run_refused_config (const char *text)
{
  g_autofree char *dir = g_dir_make_tmp ("gvird-conf-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bad.conf", NULL);
  g_autofree char *bound = g_strdup_printf ("%" G_GINT64_FORMAT,
                                            gvir_test_wait_bound_usec () / G_USEC_PER_SEC);
  char *argv[] = { (char *) "timeout", (char *) "-k", (char *) "5", bound,
                   (char *) g_getenv ("GVIRD"), (char *) "--config", path, NULL };
  g_autoptr (GError) error = NULL;
  char *err = NULL;
  int status = 0;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_assert_true (g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                               NULL, NULL, NULL, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);
  g_unlink (path);
  g_rmdir (dir);
  return err;
}

static void
test_config_errors (void)
{
  g_autofree char *e1 = run_refused_config ("unix_sock_dir = \"/nonexistent\"\n\n"
                                            "max_clients = \"many\"\n");
  g_autofree char *e2 = run_refused_config ("# perms\nunix_sock_rw_perms = \"0999\"\n");
  g_autofree char *e3 = run_refused_config ("listen_tcp = 2\n");
  g_autofree char *e4 = run_refused_config ("tls_allowed_dn_list = [\"a\",\n 3 ]\n");
  g_autofree char *e5 = run_refused_config ("keepalive_interval 5\n");
  g_autofree char *e6 = run_refused_config ("busy_poll_usec = 1001\n");
  g_autofree char *e7 = run_refused_config ("auth_unix_rw = \"polkit\"\n");
  g_autofree char *e8 = run_refused_config ("\nauth_tcp = \"sasl\"\n");

  g_assert_nonnull (strstr (e1, "bad.conf:3: max_clients: expected a number"));
  g_assert_nonnull (strstr (e2, "bad.conf:2: unix_sock_rw_perms: expected an octal mode"));
  g_assert_nonnull (strstr (e3, "bad.conf:1: listen_tcp: expected 0 or 1"));
  g_assert_nonnull (strstr (e4, "bad.conf:2: a list holds only \"strings\""));
  g_assert_nonnull (strstr (e5, "bad.conf:1: keepalive_interval: expected '='"));
  g_assert_nonnull (strstr (e6, "bad.conf:1: busy_poll_usec: expected a number from 0 to 1000"));
  g_assert_nonnull (strstr (e7, "bad.conf:1: auth_unix_rw: expected \"none\" or \"sasl\" (polkit "
                                "is not supported)"));
#if HAVE_SASL
  g_assert_nonnull (strstr (e8, "bad.conf:2: auth_tcp: SASL on plain TCP needs an encrypting SASL "
                                "layer"));
#else
  g_assert_nonnull (strstr (e8, "bad.conf:2: auth_tcp: gvird was built without SASL"));
#endif
}

/* Unknown keys only warn; lists may span lines with comments. */
static void
test_config_accepted (void)
{
  g_autoptr (GError) error = NULL;
  GvirdRunner *gvird = gvird_runner_start ("no_such_key = 1\n"
                                           "tls_allowed_dn_list = [ \"C=US,O=Test,CN=*\", # one\n"
                                           "   \"C=GB,*\" ]\n"
                                           "unix_sock_ro_perms = \"0750\"\n",
                                           &error);
  g_autofree char *log_path = NULL;
  g_autofree char *log = NULL;
  GStatBuf st;

  g_assert_no_error (error);
  g_assert_cmpint (g_stat (gvird->socket_ro, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0750);
  g_assert_cmpint (g_stat (gvird->socket, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0700);
  log_path = g_build_filename (gvird->dir, "gvird.log", NULL);
  g_assert_true (g_file_get_contents (log_path, &log, NULL, NULL));
  g_assert_nonnull (strstr (log, "gvird.conf:3: unknown key 'no_such_key' ignored"));
  gvird_runner_stop (gvird);
}

/* The user plus system CPU time of process @pid so far, in clock ticks. */
static guint64
process_cpu_ticks (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", (int) pid);
  g_autofree char *text = NULL;
  g_auto (GStrv) fields = NULL;
  const char *after_name;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  /* The command name, in parentheses, may hold spaces: split after it. */
  after_name = strrchr (text, ')');
  g_assert_nonnull (after_name);
  fields = g_strsplit (after_name + 2, " ", -1);
  g_assert_cmpuint (g_strv_length (fields), >, 12);
  /* Fields 14 and 15 of the line (utime, stime) are 11 and 12 here. */
  return g_ascii_strtoull (fields[11], NULL, 10) + g_ascii_strtoull (fields[12], NULL, 10);
}

/* The busy poll (busy_poll_usec, on by default) ends with the burst of
 * calls that started it: over a second of silence after 2,000 calls made
 * back to back, the daemon uses next to no CPU. A loop that kept polling
 * would use the whole second. The bound is generous (a quarter of it)
 * and measures CPU time, not elapsed time. */
static void
test_busy_poll_ends (void)
{
  g_autoptr (GError) error = NULL;
  GvirdRunner *gvird = gvird_runner_start ("busy_poll_usec = 1000", &error);
  g_autoptr (GSocket) sock = NULL;
  long ticks_per_second = sysconf (_SC_CLK_TCK);
  guint64 before;
  int i;

  g_assert_no_error (error);
  sock = raw_connect (gvird->socket);
  raw_open (sock, 0);
  for (i = 0; i < 2000; i++)
    call_domain (sock, GVIR_RPC_PROC_DOMAIN_GET_INFO);
  before = process_cpu_ticks (gvird->pid);
  g_usleep (G_USEC_PER_SEC);
  g_assert_cmpuint (process_cpu_ticks (gvird->pid) - before, <, (guint64) ticks_per_second / 4);
  /* And it still answers at once after the silence. */
  assert_serves (sock);
  g_clear_object (&sock);
  gvird_runner_stop (gvird);
}

/* sd_notify: with NOTIFY_SOCKET naming a datagram socket the test owns
 * (a path, then an abstract name), gvird sends READY=1 once, when its
 * sockets accept clients. */
static void
notify_case (gboolean abstract)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gvird-notify-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "notify", NULL);
  g_autofree char *name = g_strdup_printf ("@gvird-notify-test-%d", (int) getpid ());
  struct sockaddr_un addr = { .sun_family = AF_UNIX };
  struct timeval tv = { gvir_test_wait_bound_usec () / G_USEC_PER_SEC, 0 };
  const char *target = abstract ? name : path;
  char buf[64] = { 0 };
  GvirdRunner *gvird;
  ssize_t n;
  int fd = socket (AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpuint (strlen (target), <, sizeof addr.sun_path);
  memcpy (addr.sun_path, target, strlen (target));
  if (abstract)
    addr.sun_path[0] = '\0';
  g_assert_cmpint (bind (fd, (struct sockaddr *) &addr,
                         offsetof (struct sockaddr_un, sun_path) + strlen (target)), ==, 0);
  g_assert_cmpint (setsockopt (fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv), ==, 0);

  g_setenv ("NOTIFY_SOCKET", target, TRUE);
  gvird = gvird_runner_start (NULL, &error);
  g_unsetenv ("NOTIFY_SOCKET");
  g_assert_no_error (error);
  n = recv (fd, buf, sizeof buf - 1, 0);
  g_assert_cmpint (n, ==, strlen ("READY=1"));
  g_assert_cmpstr (buf, ==, "READY=1");
  /* Ready means serving: both sockets are there and answer. */
  g_assert_true (g_file_test (gvird->socket, G_FILE_TEST_EXISTS));
  {
    g_autoptr (GSocket) sock = raw_connect (gvird->socket_ro);

    raw_open (sock, 0);
    assert_state (sock, 1);
  }
  /* Once only. */
  g_assert_cmpint (recv (fd, buf, sizeof buf - 1, MSG_DONTWAIT), ==, -1);
  gvird_runner_stop (gvird);
  close (fd);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_sd_notify (void)
{
  notify_case (FALSE);
  notify_case (TRUE);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/daemon/read-only/whole-table", test_read_only_table);
  g_test_add_func ("/daemon/calls/rules", test_call_rules);
  g_test_add_func ("/daemon/keepalive/ping", test_keepalive);
  g_test_add_func ("/daemon/keepalive/server-pings", test_keepalive_server_pings);
  g_test_add_func ("/daemon/frames/bad", test_bad_frames);
  g_test_add_func ("/daemon/limits/event-pile-up", test_event_pile_up);
  g_test_add_func ("/daemon/limits/max-clients", test_max_clients);
  g_test_add_func ("/daemon/output/backlog", test_output_backlog);
  g_test_add_func ("/daemon/main/idle-timeout", test_idle_timeout);
  g_test_add_func ("/daemon/config/errors", test_config_errors);
  g_test_add_func ("/daemon/config/accepted", test_config_accepted);
  g_test_add_func ("/daemon/main/sd-notify", test_sd_notify);
  g_test_add_func ("/daemon/main/busy-poll-ends", test_busy_poll_ends);
  return g_test_run ();
}
