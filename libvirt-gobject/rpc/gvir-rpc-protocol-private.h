/*
 * gvir-rpc-protocol-private.h: numbers of libvirt's RPC protocol
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Internal: never installed, never in a GIR. The values are the wire
 * protocol's (program 0x20008086 version 1 and the keepalive program), so
 * they must never change. The remote program's procedure numbers, message
 * shapes and array limits are in its table, remote-protocol.def.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* ---- framing limits ----------------------------------------------------- */

#define GVIR_RPC_LEN_SIZE 4
#define GVIR_RPC_HEADER_SIZE 24
/* Header plus payload, the length word excluded. */
#define GVIR_RPC_MESSAGE_MAX 33554432
#define GVIR_RPC_PAYLOAD_MAX (GVIR_RPC_MESSAGE_MAX - GVIR_RPC_HEADER_SIZE)

/* ---- programs ----------------------------------------------------------- */

#define GVIR_RPC_REMOTE_PROGRAM 0x20008086u
#define GVIR_RPC_REMOTE_VERSION 1u
#define GVIR_RPC_KEEPALIVE_PROGRAM 0x6b656570u
#define GVIR_RPC_KEEPALIVE_VERSION 1u

#define GVIR_RPC_KEEPALIVE_PROC_PING 1
#define GVIR_RPC_KEEPALIVE_PROC_PONG 2

/* ---- header enums ------------------------------------------------------- */

typedef enum
{
  GVIR_RPC_TYPE_CALL = 0,
  GVIR_RPC_TYPE_REPLY = 1,
  GVIR_RPC_TYPE_MESSAGE = 2,
  GVIR_RPC_TYPE_STREAM = 3,
  GVIR_RPC_TYPE_CALL_WITH_FDS = 4,
  GVIR_RPC_TYPE_REPLY_WITH_FDS = 5,
  GVIR_RPC_TYPE_STREAM_HOLE = 6,
} GVirRpcType;
#define GVIR_RPC_TYPE_LAST GVIR_RPC_TYPE_STREAM_HOLE

typedef enum
{
  GVIR_RPC_STATUS_OK = 0,
  GVIR_RPC_STATUS_ERROR = 1,
  GVIR_RPC_STATUS_CONTINUE = 2,
} GVirRpcStatus;
#define GVIR_RPC_STATUS_LAST GVIR_RPC_STATUS_CONTINUE

/* CONNECT_SUPPORTS_FEATURE numbers. */
enum
{
  GVIR_RPC_FEATURE_TYPED_PARAM_STRING = 9,
  GVIR_RPC_FEATURE_PROGRAM_KEEPALIVE = 10,
  GVIR_RPC_FEATURE_REMOTE_EVENT_CALLBACK = 14,
  GVIR_RPC_FEATURE_REMOTE_CLOSE_CALLBACK = 15,
};

/* AUTH_LIST answers. */
enum
{
  GVIR_RPC_AUTH_NONE = 0,
  GVIR_RPC_AUTH_SASL = 1,
  GVIR_RPC_AUTH_POLKIT = 2,
};

/* CONNECT_OPEN flags of the remote driver (not virConnectOpen's). */
enum
{
  GVIR_RPC_OPEN_RO = 1 << 0,
};

/* Typed parameter value types. */
typedef enum
{
  GVIR_RPC_PARAM_INT = 1,
  GVIR_RPC_PARAM_UINT = 2,
  GVIR_RPC_PARAM_LLONG = 3,
  GVIR_RPC_PARAM_ULLONG = 4,
  GVIR_RPC_PARAM_DOUBLE = 5,
  GVIR_RPC_PARAM_BOOLEAN = 6,
  GVIR_RPC_PARAM_STRING = 7,
} GVirRpcParamType;

/* virErrorNumber values that have a meaningful public code. */
enum
{
  GVIR_RPC_ERR_INTERNAL_ERROR = 1,
  GVIR_RPC_ERR_NO_SUPPORT = 3,
  GVIR_RPC_ERR_INVALID_DOMAIN = 7,
  GVIR_RPC_ERR_INVALID_ARG = 8,
  GVIR_RPC_ERR_OPERATION_FAILED = 9,
  GVIR_RPC_ERR_XML_ERROR = 27,
  GVIR_RPC_ERR_DOM_EXIST = 28,
  GVIR_RPC_ERR_OPERATION_DENIED = 29,
  GVIR_RPC_ERR_XML_DETAIL = 35,
  GVIR_RPC_ERR_RPC = 39,
  GVIR_RPC_ERR_NO_DOMAIN = 42,
  GVIR_RPC_ERR_NO_NETWORK = 43,
  GVIR_RPC_ERR_AUTH_FAILED = 45,
  GVIR_RPC_ERR_INVALID_STORAGE_POOL = 46,
  GVIR_RPC_ERR_INVALID_STORAGE_VOL = 47,
  GVIR_RPC_ERR_NO_STORAGE_POOL = 49,
  GVIR_RPC_ERR_NO_STORAGE_VOL = 50,
  GVIR_RPC_ERR_INVALID_NODE_DEVICE = 52,
  GVIR_RPC_ERR_NO_NODE_DEVICE = 53,
  GVIR_RPC_ERR_OPERATION_INVALID = 55,
  GVIR_RPC_ERR_NO_INTERFACE = 57,
  GVIR_RPC_ERR_INVALID_INTERFACE = 58,
  GVIR_RPC_ERR_MULTIPLE_INTERFACES = 59,
  GVIR_RPC_ERR_INVALID_NWFILTER = 61,
  GVIR_RPC_ERR_NO_NWFILTER = 62,
  GVIR_RPC_ERR_INVALID_SECRET = 65,
  GVIR_RPC_ERR_NO_SECRET = 66,
  GVIR_RPC_ERR_CONFIG_UNSUPPORTED = 67,
  GVIR_RPC_ERR_NO_DOMAIN_SNAPSHOT = 72,
  GVIR_RPC_ERR_OPERATION_UNSUPPORTED = 84,
  GVIR_RPC_ERR_STORAGE_VOL_EXIST = 90,
};

/* virErrorDomain values used when we build errors ourselves. */
enum
{
  GVIR_RPC_ERR_DOMAIN_NONE = 0,
  GVIR_RPC_ERR_DOMAIN_RPC = 7,
  GVIR_RPC_ERR_DOMAIN_REMOTE = 13,
  GVIR_RPC_ERR_DOMAIN_STORAGE = 18,
};

#define GVIR_RPC_ERR_LEVEL_ERROR 2

/* Why a connection closed (virConnectCloseReason; also the payload of
 * CONNECT_EVENT_CONNECTION_CLOSED). */
enum
{
  GVIR_RPC_CLOSE_ERROR = 0,
  GVIR_RPC_CLOSE_EOF = 1,
  GVIR_RPC_CLOSE_KEEPALIVE = 2,
  GVIR_RPC_CLOSE_CLIENT = 3,
};

G_END_DECLS
