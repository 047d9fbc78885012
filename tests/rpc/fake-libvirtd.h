/*
 * fake-libvirtd.h: a scripted libvirtd peer on a UNIX socket, for tests
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * The peer speaks the server side of libvirt's remote program with the
 * library's own codec, in a thread of the test: it answers what the remote
 * driver sends at open and for the calls it makes, from a small table of
 * domains, records every call it gets, and pushes lifecycle and close
 * events when the test says so. One client at a time.
 */
#pragma once

#include <glib.h>

typedef struct _FakeLibvirtd FakeLibvirtd;

FakeLibvirtd *fake_libvirtd_new (void);
/* Stops the thread (bounded) and removes the temporary folder. */
void fake_libvirtd_free (FakeLibvirtd *fake);

const char *fake_libvirtd_get_socket (FakeLibvirtd *fake);
/* "test+unix:///default?socket=PATH" */
char *fake_libvirtd_get_uri (FakeLibvirtd *fake);

/* Adds a domain; @id -1 when inactive. */
void fake_libvirtd_add_domain (FakeLibvirtd *fake, const char *name, const char *uuid, int id,
                               gboolean persistent, int state, int reason);

/* Adds a network filter: CONNECT_LIST_ALL_NWFILTERS lists it and
 * NWFILTER_GET_XML_DESC answers @xml for its UUID (else NO_NWFILTER). */
void fake_libvirtd_add_nwfilter (FakeLibvirtd *fake, const char *name, const char *uuid,
                                 const char *xml);

/* Whether the domain with @uuid has a managed save image (default: no),
 * for HAS_MANAGED_SAVE_IMAGE and the MANAGEDSAVE list filters. */
void fake_libvirtd_set_managed_save (FakeLibvirtd *fake, const char *uuid,
                                     gboolean managed_save);
/* CONNECT_SUPPORTS_FEATURE answers (defaults: 9, 14, 15 yes; 10 no). */
void fake_libvirtd_set_feature (FakeLibvirtd *fake, int feature, gboolean supported);
/* AUTH_LIST answer (default 0, none). */
void fake_libvirtd_set_auth (FakeLibvirtd *fake, int auth_type);
/* The callbackID CALLBACK_REGISTER_ANY returns (default 3). */
void fake_libvirtd_set_callback_id (FakeLibvirtd *fake, int callback_id);
/* Every later call of @proc fails with a remote_error of @code and
 * @message (NULL: absent). */
void fake_libvirtd_fail (FakeLibvirtd *fake, int proc, int code, const char *message);
void fake_libvirtd_clear_failures (FakeLibvirtd *fake);
/* Every later call of @proc is recorded and never answered (the rest of the
 * connection, keepalive included, keeps working). */
void fake_libvirtd_set_silent (FakeLibvirtd *fake, int proc);
/* The answer to CONNECT_GET_HOSTNAME (any bytes, for invalid UTF-8). */
void fake_libvirtd_set_hostname (FakeLibvirtd *fake, const char *hostname);
/* Adds a secret for CONNECT_LIST_ALL_SECRETS, whose SECRET_GET_XML_DESC
 * answers @xml; a UUID not added answers VIR_ERR_NO_SECRET. */
void fake_libvirtd_add_secret (FakeLibvirtd *fake, const char *uuid, int usage_type,
                               const char *usage_id, const char *xml);
void fake_libvirtd_remove_secret (FakeLibvirtd *fake, const char *uuid);
/* What SAVE_IMAGE_GET_XML_DESC answers for any path. */
void fake_libvirtd_set_saved_image_xml (FakeLibvirtd *fake, const char *xml);

/* The name the last CONNECT_OPEN carried ("(absent)" when it was absent),
 * and its flags. */
char *fake_libvirtd_dup_open_name (FakeLibvirtd *fake, guint32 *flags);
/* How many calls of @proc arrived, and the arguments of the last one. */
guint fake_libvirtd_count_calls (FakeLibvirtd *fake, int proc);
GBytes *fake_libvirtd_dup_last_args (FakeLibvirtd *fake, int proc);
/* The arguments of every call of @proc, oldest first (GBytes). */
GPtrArray *fake_libvirtd_dup_all_args (FakeLibvirtd *fake, int proc);

/* Sends a lifecycle event: callback style (318, with the callbackID the
 * peer handed out) when the client registered that way, else legacy (107). */
void fake_libvirtd_push_lifecycle (FakeLibvirtd *fake, const char *name, const char *uuid,
                                   int id, int event, int detail);
/* The same with an explicit callbackID (callback style only). */
void fake_libvirtd_push_lifecycle_with_id (FakeLibvirtd *fake, int callback_id,
                                           const char *name, const char *uuid, int id,
                                           int event, int detail);
/* Sends CONNECT_EVENT_CONNECTION_CLOSED {reason}. */
void fake_libvirtd_push_close (FakeLibvirtd *fake, int reason);
/* Sends a packet of an unknown program: a fatal protocol error. */
void fake_libvirtd_push_foreign_program (FakeLibvirtd *fake);
/* Sends raw MESSAGE bytes for @proc (malformed events). */
void fake_libvirtd_push_raw (FakeLibvirtd *fake, int proc, const guint8 *payload, gsize len);

/* How a screenshot stream of the fake ends after its data. */
typedef enum
{
  FAKE_STREAM_END_OK,            /* an empty STREAM OK, as libvirtd */
  FAKE_STREAM_END_ERROR,         /* STREAM ERROR: OPERATION_INVALID "disk on fire" */
  FAKE_STREAM_END_WRONG_SERIAL,  /* a data packet on a serial never used */
  FAKE_STREAM_END_CLOSE,         /* the connection is shut down */
} FakeStreamEnd;

/* DOMAIN_SCREENSHOT (of any known domain) answers "image/png", then
 * streams @data (NULL: none) in packets of @chunk bytes, ended by @end;
 * STORAGE_VOL_DOWNLOAD (of any volume) streams the same after its reply.
 * The client's STREAM packets (finish: OK, abort: ERROR) are counted and
 * each answered with a REPLY OK, as libvirtd does. */
void fake_libvirtd_set_screenshot (FakeLibvirtd *fake, GBytes *data, gsize chunk,
                                   FakeStreamEnd end);
/* How many STREAM packets with @status the client sent. */
guint fake_libvirtd_count_stream_packets (FakeLibvirtd *fake, int status);

/* STORAGE_POOL_LOOKUP_BY_UUID and STORAGE_VOL_LOOKUP_BY_NAME find any pool
 * (named "fake-pool") and any volume; STORAGE_VOL_UPLOAD answers OK and
 * keeps the data the client then streams: a copy of it. */
GBytes *fake_libvirtd_dup_uploaded (FakeLibvirtd *fake);
/* Once @n bytes of an upload arrived, the fake answers with a STREAM
 * ERROR (OPERATION_INVALID "disk on fire") and keeps nothing more. */
void fake_libvirtd_fail_upload_after (FakeLibvirtd *fake, gsize n);
