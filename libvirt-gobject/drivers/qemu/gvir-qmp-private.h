/*
 * gvir-qmp-private.h: a client of QEMU's monitor protocol (QMP)
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Internal: never installed, never in a GIR.
 *
 * A GVirQmp owns one connected stream socket to a QEMU monitor started
 * with `mode=control`. gvir_qmp_new() waits (bounded) for QEMU's greeting
 * and negotiates capabilities; from then on one I/O thread, running its
 * own GMainContext, reads newline-terminated JSON messages: it hands
 * replies to the callers waiting for them (matched by a unique "id") and
 * events to the event callback, and writes the queued commands.
 *
 * Threads: gvir_qmp_command() may be called from any number of threads
 * at once, except from the I/O thread (that is, from a callback). Each
 * call waits at most limits.command_timeout_ms for its reply.
 *
 * The end: when QEMU closes the monitor, sends something that is not a
 * QMP message, or stops reading, every pending call fails at once with
 * GVIR_ERROR_CONNECTION_CLOSED and the closed callback runs, exactly once.
 * gvir_qmp_close() fails the pending calls, stops and joins the I/O
 * thread; the closed callback does not run for it and no callback runs
 * after it returns. Errors are in the GVIR_ERROR domain; an error reply
 * from QEMU is GVIR_ERROR_FAILED (GVIR_ERROR_NOT_SUPPORTED for an unknown
 * command) with QEMU's error class and description in the message.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct _GVirQmp GVirQmp;

/* The callbacks, both optional, both run in the I/O thread: they must not
 * block, call gvir_qmp_command() or gvir_qmp_close() on this client. */
typedef struct
{
  /* An event: @name ("STOP", "SHUTDOWN", ...), its "data" (borrowed; an
   * empty object when the event has none) and its timestamp in
   * microseconds since the Unix epoch (0 when QEMU sent none). Events
   * arrive in the order QEMU sent them, interleaved with the replies. */
  void (*event) (GVirQmp    *qmp,
                 const char *name,
                 JsonObject *data,
                 gint64      timestamp_us,
                 gpointer    user_data);
  /* The connection ended by itself (EOF, a protocol violation, a peer
   * that stopped reading); @reason says why. Not called for
   * gvir_qmp_close(). */
  void (*closed) (GVirQmp      *qmp,
                  const GError *reason,
                  gpointer      user_data);
} GVirQmpCallbacks;

/* Bounds on the peer. 0 means no bound for the timeouts. */
typedef struct
{
  /* QEMU's greeting and the capabilities negotiation (default 30 s). */
  guint greeting_timeout_ms;
  /* One command's reply, from the call (default 60 s). The call fails
   * alone; a late reply is then ignored. */
  guint command_timeout_ms;
  /* The longest message accepted from QEMU, newline excluded (default
   * 16 MiB); a longer one ends the connection. */
  gsize max_line_bytes;
  /* Command bytes waiting to be written because QEMU does not read
   * (default 16 MiB); beyond that the connection ends. */
  gsize max_queued_bytes;
} GVirQmpLimits;

#define GVIR_QMP_DEFAULT_GREETING_TIMEOUT_MS (30 * 1000)
#define GVIR_QMP_DEFAULT_COMMAND_TIMEOUT_MS (60 * 1000)
#define GVIR_QMP_DEFAULT_MAX_LINE_BYTES (16 * 1024 * 1024)
#define GVIR_QMP_DEFAULT_MAX_QUEUED_BYTES (16 * 1024 * 1024)

/* Fills @limits with the defaults. */
void gvir_qmp_get_default_limits (GVirQmpLimits *limits);

/* Connects over @connection (a reference is taken) or over the connected
 * stream socket @fd (always taken, also on failure). @callbacks is copied
 * and may be NULL; @limits may be NULL for the defaults. Returns NULL with
 * @error when the greeting does not come in time, is not a QMP greeting,
 * or the negotiation fails. @cancellable aborts the wait. */
GVirQmp *gvir_qmp_new (GSocketConnection      *connection,
                       const GVirQmpCallbacks *callbacks,
                       gpointer                user_data,
                       const GVirQmpLimits    *limits,
                       GCancellable           *cancellable,
                       GError                **error);
GVirQmp *gvir_qmp_new_for_fd (int                     fd,
                              const GVirQmpCallbacks *callbacks,
                              gpointer                user_data,
                              const GVirQmpLimits    *limits,
                              GCancellable           *cancellable,
                              GError                **error);

/* New bounds; they apply to the calls made after it. */
void gvir_qmp_set_limits (GVirQmp             *qmp,
                          const GVirQmpLimits *limits);

/* QEMU's version from the greeting. */
void gvir_qmp_get_version (GVirQmp *qmp,
                           guint   *major,
                           guint   *minor,
                           guint   *micro);
/* The greeting's "package" string (transfer none; "" when absent). */
const char *gvir_qmp_get_package (GVirQmp *qmp);

/* Runs command @name with @args (borrowed and serialised before the call
 * returns; NULL for none) and waits for the reply. On success,
 * *@reply_out (optional) gets the reply's "return" value (transfer full).
 * Fails with the QEMU error reply's class and description, on timeout
 * (GVIR_ERROR_FAILED, the call alone), when @cancellable fires, or when
 * the connection ends (GVIR_ERROR_CONNECTION_CLOSED). */
gboolean gvir_qmp_command (GVirQmp       *qmp,
                           const char    *name,
                           JsonObject    *args,
                           JsonNode     **reply_out,
                           GCancellable  *cancellable,
                           GError       **error);

/* gvir_qmp_command() that also passes @fd (borrowed: a duplicate travels)
 * to QEMU over the socket (SCM_RIGHTS), for `getfd`, `add-fd` and the
 * like; -1 for none. The descriptor arrives with this command's bytes. */
gboolean gvir_qmp_command_with_fd (GVirQmp       *qmp,
                                   const char    *name,
                                   JsonObject    *args,
                                   int            fd,
                                   JsonNode     **reply_out,
                                   GCancellable  *cancellable,
                                   GError       **error);

/* Safe readers of untrusted JSON: NULL / FALSE when @object lacks
 * member @name or it has another type (never a critical warning). */
JsonObject *gvir_qmp_json_get_object (JsonObject *object,
                                      const char *name);
JsonArray *gvir_qmp_json_get_array (JsonObject *object,
                                    const char *name);
const char *gvir_qmp_json_get_string (JsonObject *object,
                                      const char *name);
gboolean gvir_qmp_json_get_int (JsonObject *object,
                                const char *name,
                                gint64     *value);
gboolean gvir_qmp_json_get_boolean (JsonObject *object,
                                    const char *name,
                                    gboolean   *value);

/* Command bytes not yet written (tests: a peer that does not read). */
gsize gvir_qmp_get_queued_bytes (GVirQmp *qmp);

/* FALSE once the connection has ended or was closed. */
gboolean gvir_qmp_is_open (GVirQmp *qmp);

/* Fails every pending call, shuts the socket and joins the I/O thread
 * (a callback running at that moment finishes first: do not call this
 * while holding a lock the callbacks take). Idempotent; not from a
 * callback. */
void gvir_qmp_close (GVirQmp *qmp);
/* Closes and frees; NULL is allowed. Not from a callback. */
void gvir_qmp_free (GVirQmp *qmp);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GVirQmp, gvir_qmp_free)

G_END_DECLS
