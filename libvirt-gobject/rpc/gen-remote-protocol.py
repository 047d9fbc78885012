#!/usr/bin/python3
# gen-remote-protocol.py: C code of the remote program from its table
#
# Copyright (C) 2026 The libvirt-glib-ng authors
#
# This library is free software; you can redistribute it and/or
# modify it under the terms of the GNU Lesser General Public
# License as published by the Free Software Foundation; either
# version 2.1 of the License, or (at your option) any later version.
#
# Usage: gen-remote-protocol.py TABLE OUT.h OUT.c [OUT-samples.c]
#
# Reads the table (remote-protocol.def; its header comment is the format)
# and writes, for each struct, the C type and its put (encode), get
# (bounded decode), check (bounds before encoding), clear and free
# functions; for each procedure a client stub over gvir_rpc_client_call()
# and a slot in the server dispatch table; optionally, for tests, a sample
# value and a comparison for each struct. A bad table line stops the
# build with "FILE:LINE: error: ...".

import re
import sys

SCALARS = {
    # name: (C type, xdr suffix, encoded size)
    'int': ('gint32', 'i32', 4),
    'uint': ('guint32', 'u32', 4),
    'hyper': ('gint64', 'i64', 8),
    'uhyper': ('guint64', 'u64', 8),
    'double': ('double', 'double', 8),
    'bool': ('gboolean', 'bool', 4),
}

PROC_FLAGS = {
    'event': 'GVIR_RPC_PROC_EVENT',
    'noauth': 'GVIR_RPC_PROC_NO_AUTH',
    'readonly': 'GVIR_RPC_PROC_READ_ONLY',
    'blocking': 'GVIR_RPC_PROC_BLOCKING',
    'preauth': 'GVIR_RPC_PROC_PRE_AUTH',
}

IDENT = re.compile(r'^[a-z][a-z0-9_]*$')
CONST_NAME = re.compile(r'^[A-Z][A-Z0-9_]*$')


class TableError(Exception):
    def __init__(self, path, lineno, message):
        super().__init__('%s:%d: error: %s' % (path, lineno, message))


class Type:
    """One field type. kind is scalar, char, string, opaque_fixed,
    opaque_var, array, optional, struct or union."""

    def __init__(self, kind, **kw):
        self.kind = kind
        self.scalar = kw.get('scalar')
        self.size = kw.get('size')          # C expression: N or MAX
        self.size_value = kw.get('size_value')
        self.optional = kw.get('optional', False)
        self.elem = kw.get('elem')
        self.struct = kw.get('struct')
        self.disc = kw.get('disc')          # union: discriminant field
        self.arms = kw.get('arms', [])      # union: (value, Type, arm name)


class Struct:
    def __init__(self, name, lineno):
        self.name = name
        self.lineno = lineno
        self.fields = []                    # (name, Type)

    @property
    def ctype(self):
        return 'GVirRpc' + ''.join(p.capitalize() for p in self.name.split('_'))


class Proc:
    def __init__(self, number, name, args, ret, flags, lineno):
        self.number = number
        self.name = name
        self.args = args                    # Struct or None
        self.ret = ret
        self.flags = flags
        self.lineno = lineno

    @property
    def is_event(self):
        return 'event' in self.flags


class Table:
    def __init__(self, path):
        self.path = path
        self.consts = {}                    # name -> value
        self.const_order = []
        self.structs = {}
        self.struct_order = []
        self.procs = []

    def fail(self, lineno, message):
        raise TableError(self.path, lineno, message)

    def size(self, text, lineno):
        """A size: a number or a const; returns (C expression, value)."""
        if text.isdigit():
            value = int(text)
            expr = text
        elif text in self.consts:
            value = self.consts[text]
            expr = 'GVIR_RPC_' + text
        else:
            self.fail(lineno, "size '%s' is neither a number nor a const defined above" % text)
        if value <= 0 or value > 0xffffffff:
            self.fail(lineno, "size '%s' is %d, not between 1 and 2^32-1" % (text, value))
        return expr, value

    def parse_type(self, text, lineno):
        if text in SCALARS:
            return Type('scalar', scalar=text)
        m = re.fullmatch(r'char\[(\w+)\]', text)
        if m:
            expr, value = self.size(m.group(1), lineno)
            return Type('char', size=expr, size_value=value)
        m = re.fullmatch(r'string(\?)?(?:<(\w+)>)?', text)
        if m:
            expr, value = self.size(m.group(2) or 'STRING_MAX', lineno)
            return Type('string', size=expr, size_value=value, optional=m.group(1) is not None)
        m = re.fullmatch(r'opaque\[(\w+)\]', text)
        if m:
            expr, value = self.size(m.group(1), lineno)
            return Type('opaque_fixed', size=expr, size_value=value)
        m = re.fullmatch(r'opaque<(\w+)>', text)
        if m:
            expr, value = self.size(m.group(1), lineno)
            return Type('opaque_var', size=expr, size_value=value)
        m = re.fullmatch(r'array<([^,<>]+),(\w+)>', text)
        if m:
            elem = self.parse_type(m.group(1), lineno)
            if elem.kind not in ('scalar', 'string', 'struct'):
                self.fail(lineno, "array elements must be a scalar, a string or a struct, "
                          "not '%s'" % m.group(1))
            expr, value = self.size(m.group(2), lineno)
            return Type('array', elem=elem, size=expr, size_value=value)
        m = re.fullmatch(r'optional<(\w+)>', text)
        if m:
            return Type('optional', struct=self.struct_ref(m.group(1), lineno))
        if IDENT.match(text):
            return Type('struct', struct=self.struct_ref(text, lineno))
        self.fail(lineno, "unknown type '%s'" % text)

    def struct_ref(self, name, lineno):
        if name not in self.structs:
            self.fail(lineno, "struct '%s' is not defined above" % name)
        return self.structs[name]

    def new_name(self, names, name, lineno, what):
        if not IDENT.match(name):
            self.fail(lineno, "%s name '%s' is not lower_case_with_underscores" % (what, name))
        if name in names:
            self.fail(lineno, "%s '%s' is defined twice" % (what, name))
        names.add(name)


def parse(path):
    table = Table(path)
    with open(path, encoding='utf-8') as f:
        lines = [(n + 1, line.split('#', 1)[0].split()) for n, line in enumerate(f)]
    lines = [(n, words) for n, words in lines if words]

    i = 0
    while i < len(lines):
        lineno, words = lines[i]
        i += 1
        if words[0] == 'const':
            if len(words) != 3 or not CONST_NAME.match(words[1]) or not words[2].isdigit():
                table.fail(lineno, "expected 'const NAME NUMBER'")
            if words[1] in table.consts:
                table.fail(lineno, "const '%s' is defined twice" % words[1])
            table.consts[words[1]] = int(words[2])
            table.const_order.append(words[1])
        elif words[0] == 'struct':
            if len(words) != 2:
                table.fail(lineno, "expected 'struct NAME'")
            i = parse_struct(table, lines, i, words[1], lineno)
        elif words[0] == 'proc':
            parse_proc(table, words, lineno)
        else:
            table.fail(lineno, "expected 'const', 'struct' or 'proc', not '%s'" % words[0])
    if not table.procs:
        table.fail(len(lines), 'the table defines no procedure')
    return table


def parse_struct(table, lines, i, name, lineno):
    if name in table.structs:
        table.fail(lineno, "struct '%s' is defined twice" % name)
    if not IDENT.match(name):
        table.fail(lineno, "struct name '%s' is not lower_case_with_underscores" % name)
    struct = Struct(name, lineno)
    names = set()
    while True:
        if i >= len(lines):
            table.fail(lineno, "struct '%s' has no 'end'" % name)
        fl, words = lines[i]
        i += 1
        if words == ['end']:
            break
        if words[0] == 'union':
            if len(words) != 4 or words[1] != 'int':
                table.fail(fl, "expected 'union int DISCRIMINANT FIELD'")
            table.new_name(names, words[2], fl, 'field')
            table.new_name(names, words[3], fl, 'field')
            union = Type('union', disc=words[2])
            arm_values = set()
            arm_names = set()
            while True:
                if i >= len(lines):
                    table.fail(fl, "union '%s' has no 'end'" % words[3])
                al, arm = lines[i]
                i += 1
                if arm == ['end']:
                    break
                if len(arm) != 3 or not re.fullmatch(r'-?\d+', arm[0]):
                    table.fail(al, "expected 'VALUE TYPE ARM' in union '%s'" % words[3])
                value = int(arm[0])
                if value in arm_values:
                    table.fail(al, "union value %d is listed twice" % value)
                arm_values.add(value)
                table.new_name(arm_names, arm[2], al, 'union arm')
                arm_type = table.parse_type(arm[1], al)
                if arm_type.kind not in ('scalar', 'string'):
                    table.fail(al, "union arms must be scalars or strings, not '%s'" % arm[1])
                union.arms.append((value, arm_type, arm[2]))
            if not union.arms:
                table.fail(fl, "union '%s' has no arm" % words[3])
            struct.fields.append((words[3], union))
            continue
        if len(words) != 2:
            table.fail(fl, "expected 'TYPE FIELD' or 'end' in struct '%s'" % name)
        table.new_name(names, words[1], fl, 'field')
        ftype = table.parse_type(words[0], fl)
        if ftype.kind == 'struct' and ftype.struct is struct:
            table.fail(fl, "struct '%s' contains itself" % name)
        struct.fields.append((words[1], ftype))
    table.structs[name] = struct
    table.struct_order.append(struct)
    return i


def parse_proc(table, words, lineno):
    if len(words) < 5:
        table.fail(lineno, "expected 'proc NUMBER NAME ARGS RET [FLAG...]'")
    number, name, args, ret = words[1:5]
    if not number.isdigit() or int(number) == 0:
        table.fail(lineno, "procedure number '%s' is not a positive number" % number)
    if not IDENT.match(name):
        table.fail(lineno, "procedure name '%s' is not lower_case_with_underscores" % name)
    for p in table.procs:
        if p.number == int(number):
            table.fail(lineno, "procedure number %s is already '%s' (line %d)"
                       % (number, p.name, p.lineno))
        if p.name == name:
            table.fail(lineno, "procedure '%s' is defined twice" % name)
        if p.number > int(number):
            table.fail(lineno, "procedure %s comes after %d: keep the table sorted"
                       % (number, p.number))
    flags = words[5:]
    for flag in flags:
        if flag not in PROC_FLAGS:
            table.fail(lineno, "unknown procedure flag '%s' (known: %s)"
                       % (flag, ', '.join(sorted(PROC_FLAGS))))
    args_s = None if args == 'void' else table.struct_ref(args, lineno)
    ret_s = None if ret == 'void' else table.struct_ref(ret, lineno)
    if 'event' in flags and (args_s is None or ret_s is not None):
        table.fail(lineno, "an event has a message struct as ARGS and 'void' as RET")
    table.procs.append(Proc(int(number), name, args_s, ret_s, flags, lineno))


# ---- code generation ----------------------------------------------------------


def c_field_decl(name, t):
    if t.kind == 'scalar':
        return ['%s %s;' % (SCALARS[t.scalar][0], name)]
    if t.kind == 'char':
        return ['char %s[%s + 1];' % (name, t.size)]
    if t.kind == 'string':
        return ['char *%s;%s' % (name, '  /* nullable */' if t.optional else '')]
    if t.kind == 'opaque_fixed':
        return ['guint8 %s[%s];' % (name, t.size)]
    if t.kind == 'opaque_var':
        return ['guint8 *%s;' % name, 'guint32 %s_len;' % name]
    if t.kind == 'array':
        return ['guint32 n_%s;' % name, '%s*%s;' % (elem_ctype(t.elem), name)]
    if t.kind == 'optional':
        return ['%s *%s;  /* nullable */' % (t.struct.ctype, name)]
    if t.kind == 'struct':
        return ['%s %s;' % (t.struct.ctype, name)]
    if t.kind == 'union':
        lines = ['gint32 %s;' % t.disc, 'union', '{']
        for _, at, an in t.arms:
            lines += ['  ' + d for d in c_field_decl(an, at)]
        lines += ['} %s;' % name]
        return lines
    raise AssertionError(t.kind)


def elem_ctype(t):
    if t.kind == 'scalar':
        return SCALARS[t.scalar][0] + ' '
    if t.kind == 'string':
        return 'char *'
    return t.struct.ctype + ' '


def min_size(t):
    """Fewest bytes a value of this type takes on the wire."""
    if t.kind == 'scalar':
        return SCALARS[t.scalar][2]
    if t.kind == 'char':
        return 4 * t.size_value
    if t.kind == 'opaque_fixed':
        return (t.size_value + 3) // 4 * 4
    if t.kind in ('string', 'opaque_var', 'array', 'optional'):
        return 4
    if t.kind == 'struct':
        return sum(min_size(ft) for _, ft in t.struct.fields)
    if t.kind == 'union':
        return 4 + min(min_size(at) for _, at, _ in t.arms)
    raise AssertionError(t.kind)


def needs_clear(t):
    if t.kind in ('string', 'opaque_var', 'array', 'optional'):
        return True
    if t.kind == 'struct':
        return any(needs_clear(ft) for _, ft in t.struct.fields)
    if t.kind == 'union':
        return any(at.kind == 'string' for _, at, _ in t.arms)
    return False


def needs_check(t):
    if t.kind in ('string', 'opaque_var', 'array', 'union'):
        return True
    if t.kind in ('struct', 'optional'):
        return any(needs_check(ft) for _, ft in t.struct.fields)
    return False


class Writer:
    def __init__(self):
        self.lines = []

    def __call__(self, text=''):
        self.lines.extend(text.split('\n') if text else [''])

    def text(self):
        return '\n'.join(self.lines) + '\n'


def put_code(w, t, expr, depth, indent):
    pad = ' ' * indent
    if t.kind == 'scalar':
        w(pad + 'gvir_xdr_put_%s (buf, %s);' % (SCALARS[t.scalar][1], expr))
    elif t.kind == 'char':
        var = 'i%d' % depth
        w(pad + 'for (guint %s = 0; %s < %s; %s++)' % (var, var, t.size, var))
        w(pad + '  gvir_xdr_put_i32 (buf, (gint32) (signed char) %s[%s]);' % (expr, var))
    elif t.kind == 'string':
        w(pad + 'gvir_xdr_put_%sstring (buf, %s);' % ('opt_' if t.optional else '', expr))
    elif t.kind == 'opaque_fixed':
        w(pad + 'gvir_xdr_put_opaque_fixed (buf, %s, %s);' % (expr, t.size))
    elif t.kind == 'opaque_var':
        w(pad + 'gvir_xdr_put_opaque (buf, %s, %s_len);' % (expr, expr))
    elif t.kind == 'array':
        var = 'i%d' % depth
        count = array_count(expr)
        w(pad + 'gvir_xdr_put_u32 (buf, %s);' % count)
        w(pad + 'for (guint32 %s = 0; %s < %s; %s++)' % (var, var, count, var))
        w(pad + '  {')
        put_code(w, t.elem, '%s[%s]' % (expr, var), depth + 1, indent + 4)
        w(pad + '  }')
    elif t.kind == 'optional':
        w(pad + 'gvir_xdr_put_bool (buf, %s != NULL);' % expr)
        w(pad + 'if (%s != NULL)' % expr)
        w(pad + '  gvir_rpc_put_%s (buf, %s);' % (t.struct.name, expr))
    elif t.kind == 'struct':
        w(pad + 'gvir_rpc_put_%s (buf, &%s);' % (t.struct.name, expr))
    elif t.kind == 'union':
        disc = union_disc(expr, t)
        w(pad + 'gvir_xdr_put_i32 (buf, %s);' % disc)
        w(pad + 'switch (%s)' % disc)
        w(pad + '  {')
        for value, at, an in t.arms:
            w(pad + '  case %d:' % value)
            put_code(w, at, '%s.%s' % (expr, an), depth, indent + 4)
            w(pad + '    break;')
        w(pad + '  default:')
        w(pad + '    /* gvir_rpc_check_*() refuses it before encoding. */')
        w(pad + '    g_return_if_reached ();')
        w(pad + '  }')


def array_count(expr):
    """The count member of an array member: v->items gives v->n_items."""
    base, _, name = expr.rpartition('->')
    return '%s->n_%s' % (base, name)


def union_disc(expr, t):
    """The discriminant member next to a union member."""
    base, _, _ = expr.rpartition('->')
    return '%s->%s' % (base, t.disc)


def get_code(w, struct, fname, t, expr, depth, indent, label):
    """Decodes one value; on failure prefixes the field's name and jumps
    to fail."""
    pad = ' ' * indent
    where = '%s.%s' % (struct.name, fname)

    def check(call, what=where, args=''):
        w(pad + 'if (!%s)' % call)
        w(pad + '  {')
        w(pad + '    g_prefix_error (error, "%s: "%s);' % (what, args))
        w(pad + '    goto fail;')
        w(pad + '  }')

    if t.kind == 'scalar':
        check('gvir_xdr_get_%s (reader, &%s, error)' % (SCALARS[t.scalar][1], expr), label[0],
              label[1])
    elif t.kind == 'char':
        var = 'i%d' % depth
        w(pad + 'for (guint %s = 0; %s < %s; %s++)' % (var, var, t.size, var))
        w(pad + '  {')
        w(pad + '    gint32 c;')
        w()
        get_code(w, struct, fname, Type('scalar', scalar='int'), 'c', depth + 1, indent + 4,
                 label)
        w(pad + '    %s[%s] = (char) (c & 0xff);' % (expr, var))
        w(pad + '  }')
        w(pad + '%s[%s] = \'\\0\';' % (expr, t.size))
    elif t.kind == 'string':
        check('gvir_xdr_get_%sstring (reader, %s, &%s, error)'
              % ('opt_' if t.optional else '', t.size, expr), label[0], label[1])
    elif t.kind == 'opaque_fixed':
        check('gvir_xdr_get_opaque_fixed (reader, %s, %s, error)' % (expr, t.size),
              label[0], label[1])
    elif t.kind == 'opaque_var':
        w(pad + '{')
        w(pad + '  const guint8 *bytes;')
        w()
        get_code_raw = ('gvir_xdr_get_opaque (reader, %s, &bytes, &%s_len, error)'
                        % (t.size, expr))
        w(pad + '  if (!%s)' % get_code_raw)
        w(pad + '    {')
        w(pad + '      g_prefix_error (error, "%s: "%s);' % (label[0], label[1]))
        w(pad + '      goto fail;')
        w(pad + '    }')
        w(pad + '  %s = g_memdup2 (bytes, %s_len);' % (expr, expr))
        w(pad + '}')
    elif t.kind == 'array':
        var = 'i%d' % depth
        count = array_count(expr)
        check('gvir_xdr_get_array_count (reader, %s, %d, &%s, error)'
              % (t.size, min_size(t.elem), count), label[0], label[1])
        w(pad + '%s = g_new0 (%s, %s);' % (expr, elem_ctype(t.elem).strip(), count))
        w(pad + 'for (guint32 %s = 0; %s < %s; %s++)' % (var, var, count, var))
        w(pad + '  {')
        get_code(w, struct, fname, t.elem, '%s[%s]' % (expr, var), depth + 1, indent + 4,
                 (label[0] + '[%u]', label[1] + ', ' + var))
        w(pad + '  }')
    elif t.kind == 'optional':
        w(pad + '{')
        w(pad + '  gboolean present;')
        w()
        get_code(w, struct, fname, Type('scalar', scalar='bool'), 'present', depth, indent + 2,
                 label)
        w(pad + '  if (present)')
        w(pad + '    {')
        w(pad + '      %s = g_new0 (%s, 1);' % (expr, t.struct.ctype))
        check_optional = 'gvir_rpc_get_%s (reader, %s, error)' % (t.struct.name, expr)
        w(pad + '      if (!%s)' % check_optional)
        w(pad + '        {')
        w(pad + '          g_prefix_error (error, "%s: "%s);' % (label[0], label[1]))
        w(pad + '          goto fail;')
        w(pad + '        }')
        w(pad + '    }')
        w(pad + '}')
    elif t.kind == 'struct':
        check('gvir_rpc_get_%s (reader, &%s, error)' % (t.struct.name, expr), label[0], label[1])
    elif t.kind == 'union':
        disc = union_disc(expr, t)
        check('gvir_xdr_get_i32 (reader, &%s, error)' % disc, label[0], label[1])
        w(pad + 'switch (%s)' % disc)
        w(pad + '  {')
        for value, at, an in t.arms:
            w(pad + '  case %d:' % value)
            get_code(w, struct, fname, at, '%s.%s' % (expr, an), depth, indent + 4, label)
            w(pad + '    break;')
        w(pad + '  default:')
        w(pad + '    g_set_error (error, GVIR_ERROR, GVIR_ERROR_PROTOCOL,')
        w(pad + '                 "malformed message: %s has unknown %s %%d"%s, %s);'
          % (label[0], t.disc, label[1], disc))
        w(pad + '    goto fail;')
        w(pad + '  }')


def clear_code(w, t, expr, depth, indent):
    pad = ' ' * indent
    if not needs_clear(t):
        return
    if t.kind in ('string', 'opaque_var'):
        w(pad + 'g_clear_pointer (&%s, g_free);' % expr)
        if t.kind == 'opaque_var':
            w(pad + '%s_len = 0;' % expr)
    elif t.kind == 'array':
        var = 'i%d' % depth
        count = array_count(expr)
        if needs_clear(t.elem):
            w(pad + 'for (guint32 %s = 0; %s < %s && %s != NULL; %s++)'
              % (var, var, count, expr, var))
            w(pad + '  {')
            clear_code(w, t.elem, '%s[%s]' % (expr, var), depth + 1, indent + 4)
            w(pad + '  }')
        w(pad + 'g_clear_pointer (&%s, g_free);' % expr)
        w(pad + '%s = 0;' % count)
    elif t.kind == 'optional':
        w(pad + 'g_clear_pointer (&%s, gvir_rpc_%s_free);' % (expr, t.struct.name))
    elif t.kind == 'struct':
        w(pad + 'gvir_rpc_%s_clear (&%s);' % (t.struct.name, expr))
    elif t.kind == 'union':
        disc = union_disc(expr, t)
        for value, at, an in t.arms:
            if at.kind == 'string':
                w(pad + 'if (%s == %d)' % (disc, value))
                w(pad + '  g_clear_pointer (&%s.%s, g_free);' % (expr, an))


def check_code(w, struct, fname, t, expr, depth, indent, label):
    pad = ' ' * indent
    if not needs_check(t):
        return

    def fail(message, args):
        w(pad + '  {')
        w(pad + '    g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,')
        w(pad + '                 "%s: %s"%s%s);' % (label[0], message, label[1], args))
        w(pad + '    return FALSE;')
        w(pad + '  }')

    if t.kind == 'string':
        if not t.optional:
            w(pad + 'if (%s == NULL)' % expr)
            fail('a string is required, not NULL', '')
        w(pad + 'if (%sstrlen (%s) > %s)' % ('%s != NULL && ' % expr if t.optional else '',
                                              expr, t.size))
        fail('string of %" G_GSIZE_FORMAT " bytes exceeds the limit of %u',
             ', strlen (%s), (guint) %s' % (expr, t.size))
    elif t.kind == 'opaque_var':
        w(pad + 'if (%s_len > %s)' % (expr, t.size))
        fail('%u bytes exceed the limit of %u', ', %s_len, (guint) %s' % (expr, t.size))
        w(pad + 'if (%s_len > 0 && %s == NULL)' % (expr, expr))
        fail('%u bytes but no data', ', %s_len' % expr)
    elif t.kind == 'array':
        var = 'i%d' % depth
        count = array_count(expr)
        w(pad + 'if (%s > %s)' % (count, t.size))
        fail('%u array elements exceed the limit of %u', ', %s, (guint) %s' % (count, t.size))
        w(pad + 'if (%s > 0 && %s == NULL)' % (count, expr))
        fail('%u array elements but no array', ', %s' % count)
        if needs_check(t.elem):
            w(pad + 'for (guint32 %s = 0; %s < %s; %s++)' % (var, var, count, var))
            w(pad + '  {')
            check_code(w, struct, fname, t.elem, '%s[%s]' % (expr, var), depth + 1, indent + 4,
                       (label[0] + '[%u]', label[1] + ', ' + var))
            w(pad + '  }')
    elif t.kind in ('optional', 'struct'):
        ref = expr if t.kind == 'optional' else '&' + expr
        cond = '%s != NULL && ' % expr if t.kind == 'optional' else ''
        w(pad + 'if (%s!gvir_rpc_check_%s (%s, error))' % (cond, t.struct.name, ref))
        w(pad + '  {')
        w(pad + '    g_prefix_error (error, "%s: "%s);' % (label[0], label[1]))
        w(pad + '    return FALSE;')
        w(pad + '  }')
    elif t.kind == 'union':
        disc = union_disc(expr, t)
        w(pad + 'switch (%s)' % disc)
        w(pad + '  {')
        for value, at, an in t.arms:
            w(pad + '  case %d:' % value)
            check_code(w, struct, fname, at, '%s.%s' % (expr, an), depth, indent + 4, label)
            w(pad + '    break;')
        w(pad + '  default:')
        w(pad + '    g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,')
        w(pad + '                 "%s: unknown %s %%d"%s, %s);'
          % (label[0], t.disc, label[1], disc))
        w(pad + '    return FALSE;')
        w(pad + '  }')


HEADER_TOP = '''/*
 * gvir-rpc-remote-gen.h: generated from remote-protocol.def by
 * gen-remote-protocol.py; do not edit.
 *
 * Internal: never installed, never in a GIR.
 *
 * For each struct S of the table: GVirRpcS, and
 *   gvir_rpc_put_S ()    appends the XDR encoding (the value must pass
 *                        gvir_rpc_check_S (); encoders cannot fail)
 *   gvir_rpc_get_S ()    decodes with every length bounded; on failure
 *                        the value is left cleared and the GError
 *                        (GVIR_ERROR_PROTOCOL) names the field
 *   gvir_rpc_check_S ()  checks bounds and non-NULL strings
 *                        (GVIR_ERROR_INVALID_ARGUMENT naming the field)
 *   gvir_rpc_encode_S () check and put into a new array
 *   gvir_rpc_decode_S () get from a whole payload, nothing left over
 *   gvir_rpc_S_clear (), gvir_rpc_S_free ()
 * For each procedure P: GVIR_RPC_PROC_P, gvir_rpc_call_P () (client
 * stub) and the slot P of GVirRpcServerHandlers.
 */
#pragma once

#include <gio/gio.h>

#include "libvirt-gobject/rpc/gvir-rpc-protocol-private.h"
#include "libvirt-gobject/rpc/gvir-rpc-xdr-private.h"

G_BEGIN_DECLS

typedef struct _GVirRpcClient GVirRpcClient;
'''

SOURCE_TOP = '''/*
 * gvir-rpc-remote-gen.c: generated from remote-protocol.def by
 * gen-remote-protocol.py; do not edit.
 */
#include "config.h"

#include <string.h>

#include "libvirt-gobject/libvirt-gobject-error.h"
#include "libvirt-gobject/rpc/gvir-rpc-client-private.h"
#include "libvirt-gobject/rpc/gvir-rpc-remote-gen.h"
'''


def proc_stub_params(p):
    params = ['GVirRpcClient *client']
    if p.args:
        params.append('const %s *args' % p.args.ctype)
    if p.ret:
        params.append('%s *ret' % p.ret.ctype)
    params += ['GCancellable *cancellable', 'GError **error']
    return params


def handler_params(p):
    params = ['gpointer data']
    if p.args:
        params.append('const %s *args' % p.args.ctype)
    if p.ret:
        params.append('%s *ret' % p.ret.ctype)
    params.append('GError **error')
    return params


def write_header(table):
    w = Writer()
    w(HEADER_TOP)
    for name in table.const_order:
        w('#define GVIR_RPC_%s %d' % (name, table.consts[name]))
    w()
    w('typedef enum')
    w('{')
    for p in table.procs:
        w('  GVIR_RPC_PROC_%s = %d,' % (p.name.upper(), p.number))
    w('} GVirRpcProc;')
    w()
    for s in table.struct_order:
        w('typedef struct')
        w('{')
        for fname, ft in s.fields:
            for decl in c_field_decl(fname, ft):
                w('  ' + decl)
        if not s.fields:
            w('  guint8 unused;  /* C has no empty struct */')
        w('} %s;' % s.ctype)
        w()
        w('void gvir_rpc_put_%s (GByteArray *buf, const %s *v);' % (s.name, s.ctype))
        w('gboolean gvir_rpc_get_%s (GVirXdrReader *reader, %s *v, GError **error);'
          % (s.name, s.ctype))
        w('gboolean gvir_rpc_check_%s (const %s *v, GError **error);' % (s.name, s.ctype))
        w('GByteArray *gvir_rpc_encode_%s (const %s *v, GError **error);' % (s.name, s.ctype))
        w('gboolean gvir_rpc_decode_%s (const guint8 *data, gsize len, %s *v, GError **error);'
          % (s.name, s.ctype))
        w('void gvir_rpc_%s_clear (%s *v);' % (s.name, s.ctype))
        w('void gvir_rpc_%s_free (%s *v);' % (s.name, s.ctype))
        w('G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (%s, gvir_rpc_%s_clear)' % (s.ctype, s.name))
        w('G_DEFINE_AUTOPTR_CLEANUP_FUNC (%s, gvir_rpc_%s_free)' % (s.ctype, s.name))
        w()
    w('/* ---- client stubs: one call, its reply decoded into *ret (cleared')
    w(' * first by the decoder) ---- */')
    w()
    for p in table.procs:
        if p.is_event:
            continue
        w('gboolean gvir_rpc_call_%s (%s);' % (p.name, ', '.join(proc_stub_params(p))))
    w()
    w('''/* ---- server side ---- */

/* What the table says of a procedure, for a server's allow-lists. */
typedef enum
{
  GVIR_RPC_PROC_EVENT = 1 << 0,       /* a MESSAGE from the server */
  GVIR_RPC_PROC_NO_AUTH = 1 << 1,     /* allowed before authentication and open */
  GVIR_RPC_PROC_READ_ONLY = 1 << 2,   /* allowed on a read-only connection */
  GVIR_RPC_PROC_BLOCKING = 1 << 3,    /* may wait outside memory on any driver */
  GVIR_RPC_PROC_PRE_AUTH = 1 << 4,    /* allowed before SASL authentication ends */
} GVirRpcProcFlags;

typedef struct
{
  gint32 number;
  const char *name;
  GVirRpcProcFlags flags;
} GVirRpcProcInfo;

/* NULL when the table has no procedure @number. */
const GVirRpcProcInfo *gvir_rpc_proc_info_lookup (gint32 number);

/* One handler per call; NULL means "not supported". A handler fills *ret
 * (zeroed beforehand, cleared by the dispatcher after encoding) or fails
 * with a GVIR_ERROR. */
typedef struct
{''')
    for p in table.procs:
        if p.is_event:
            continue
        w('  gboolean (*%s) (%s);' % (p.name, ', '.join(handler_params(p))))
    w('''} GVirRpcServerHandlers;

/* Decodes the arguments of @proc from @payload, runs its handler and
 * appends the encoded reply to @reply. Fails with GVIR_ERROR_PROTOCOL for
 * an unknown procedure, an event number or malformed arguments, with
 * GVIR_ERROR_NOT_SUPPORTED when the handler is NULL, and with the
 * handler's error otherwise. */
gboolean gvir_rpc_server_dispatch (const GVirRpcServerHandlers *handlers, gpointer data,
                                   gint32 proc, const guint8 *payload, gsize len,
                                   GByteArray *reply, GError **error);

/* Every struct of the table, in table order, through type-neutral
 * functions: what tests need to check each shape. min_size is the fewest
 * bytes an encoding takes (all counts and lengths zero). */
typedef struct
{
  const char *name;
  gsize size;
  gsize min_size;
  void (*put) (GByteArray *buf, gconstpointer value);
  gboolean (*get) (GVirXdrReader *reader, gpointer value, GError **error);
  gboolean (*check) (gconstpointer value, GError **error);
  void (*clear) (gpointer value);
} GVirRpcStructInfo;

extern const GVirRpcStructInfo gvir_rpc_struct_infos[];
extern const guint gvir_rpc_n_struct_infos;

/* Tests only (gvir-rpc-remote-gen-samples.c): fills @value with a sample
 * of its struct that depends on @seed; names the first member in which
 * two values differ, NULL when they are equal. */
void gvir_rpc_struct_sample (const GVirRpcStructInfo *info, gpointer value, guint seed);
const char *gvir_rpc_struct_diff (const GVirRpcStructInfo *info, gconstpointer a,
                                  gconstpointer b);

G_END_DECLS''')
    return w.text()


def write_struct_functions(w, s):
    # put
    w('void')
    w('gvir_rpc_put_%s (GByteArray *buf,' % s.name)
    w('%sconst %s *v)' % (' ' * len('gvir_rpc_put_%s (' % s.name), s.ctype))
    w('{')
    if not s.fields:
        w('  (void) buf;')
        w('  (void) v;')
    for fname, ft in s.fields:
        put_code(w, ft, 'v->%s' % fname, 0, 2)
    w('}')
    w()
    # get
    w('gboolean')
    w('gvir_rpc_get_%s (GVirXdrReader *reader,' % s.name)
    pad = ' ' * len('gvir_rpc_get_%s (' % s.name)
    w('%s%s *v,' % (pad, s.ctype))
    w('%sGError **error)' % pad)
    w('{')
    w('  memset (v, 0, sizeof *v);')
    if not s.fields:
        w('  (void) reader;')
        w('  (void) error;')
        w('  return TRUE;')
    else:
        for fname, ft in s.fields:
            get_code(w, s, fname, ft, 'v->%s' % fname, 0, 2, ('%s.%s' % (s.name, fname), ''))
        w('  return TRUE;')
        w()
        w('fail:')
        w('  gvir_rpc_%s_clear (v);' % s.name)
        w('  return FALSE;')
    w('}')
    w()
    # check
    w('gboolean')
    w('gvir_rpc_check_%s (const %s *v,' % (s.name, s.ctype))
    w('%sGError **error)' % (' ' * len('gvir_rpc_check_%s (' % s.name)))
    w('{')
    if not any(needs_check(ft) for _, ft in s.fields):
        w('  (void) v;')
        w('  (void) error;')
    for fname, ft in s.fields:
        check_code(w, s, fname, ft, 'v->%s' % fname, 0, 2, ('%s.%s' % (s.name, fname), ''))
    w('  return TRUE;')
    w('}')
    w()
    # encode / decode
    w('''GByteArray *
gvir_rpc_encode_%(n)s (const %(t)s *v,
%(p)sGError **error)
{
  GByteArray *buf;

  if (!gvir_rpc_check_%(n)s (v, error))
    return NULL;
  buf = g_byte_array_new ();
  gvir_rpc_put_%(n)s (buf, v);
  return buf;
}

gboolean
gvir_rpc_decode_%(n)s (const guint8 *data,
%(q)sgsize len,
%(q)s%(t)s *v,
%(q)sGError **error)
{
  GVirXdrReader reader;

  gvir_xdr_reader_init (&reader, data, len);
  if (!gvir_rpc_get_%(n)s (&reader, v, error))
    return FALSE;
  if (!gvir_xdr_reader_finish (&reader, "%(n)s", error))
    {
      gvir_rpc_%(n)s_clear (v);
      return FALSE;
    }
  return TRUE;
}
''' % {'n': s.name, 't': s.ctype, 'p': ' ' * len('gvir_rpc_encode_%s (' % s.name),
       'q': ' ' * len('gvir_rpc_decode_%s (' % s.name)})
    # clear / free
    w('void')
    w('gvir_rpc_%s_clear (%s *v)' % (s.name, s.ctype))
    w('{')
    if not any(needs_clear(ft) for _, ft in s.fields):
        w('  (void) v;')
    for fname, ft in s.fields:
        clear_code(w, ft, 'v->%s' % fname, 0, 2)
    w('}')
    w()
    w('void')
    w('gvir_rpc_%s_free (%s *v)' % (s.name, s.ctype))
    w('{')
    w('  if (v == NULL)')
    w('    return;')
    w('  gvir_rpc_%s_clear (v);' % s.name)
    w('  g_free (v);')
    w('}')
    w()


def write_stub(w, p):
    w('gboolean')
    w('gvir_rpc_call_%s (%s)' % (p.name, ', '.join(proc_stub_params(p))))
    w('{')
    w('  g_autoptr(GByteArray) payload = NULL;')
    w('  g_autoptr(GBytes) reply = NULL;')
    if not p.ret:
        w('  GVirXdrReader reader;')
    w()
    if p.args:
        w('  payload = gvir_rpc_encode_%s (args, error);' % p.args.name)
        w('  if (payload == NULL)')
        w('    {')
        w('      g_prefix_error (error, "cannot call %s: ");' % p.name)
        w('      return FALSE;')
        w('    }')
    w('  if (!gvir_rpc_client_call (client, GVIR_RPC_REMOTE_PROGRAM, GVIR_RPC_PROC_%s, payload,'
      % p.name.upper())
    w('                             &reply, cancellable, error))')
    w('    return FALSE;')
    if p.ret:
        w('  return gvir_rpc_decode_%s (g_bytes_get_data (reply, NULL), g_bytes_get_size (reply),'
          % p.ret.name)
        w('                             ret, error);')
    else:
        w('  gvir_xdr_reader_init (&reader, g_bytes_get_data (reply, NULL), '
          'g_bytes_get_size (reply));')
        w('  return gvir_xdr_reader_finish (&reader, "reply", error);')
    w('}')
    w()


def write_dispatch(w, p):
    w('static gboolean')
    w('dispatch_%s (const GVirRpcServerHandlers *handlers, gpointer data,' % p.name)
    w('%sconst guint8 *payload, gsize len, GByteArray *reply, GError **error)'
      % (' ' * len('dispatch_%s (' % p.name)))
    w('{')
    if p.args:
        w('  g_auto(%s) args = { 0 };' % p.args.ctype)
    if p.ret:
        w('  g_auto(%s) ret = { 0 };' % p.ret.ctype)
    if not p.args:
        w('  GVirXdrReader reader;')
    w()
    w('  if (handlers->%s == NULL)' % p.name)
    w('    {')
    w('      g_set_error (error, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED,')
    w('                   "procedure %s (%d) is not supported");' % (p.name, p.number))
    w('      return FALSE;')
    w('    }')
    if p.args:
        w('  if (!gvir_rpc_decode_%s (payload, len, &args, error))' % p.args.name)
        w('    return FALSE;')
    else:
        w('  gvir_xdr_reader_init (&reader, payload, len);')
        w('  if (!gvir_xdr_reader_finish (&reader, "%s call", error))' % p.name)
        w('    return FALSE;')
    call = ['data'] + (['&args'] if p.args else []) + (['&ret'] if p.ret else []) + ['error']
    w('  if (!handlers->%s (%s))' % (p.name, ', '.join(call)))
    w('    return FALSE;')
    if p.ret:
        w('  if (!gvir_rpc_check_%s (&ret, error))' % p.ret.name)
        w('    return FALSE;')
        w('  gvir_rpc_put_%s (reply, &ret);' % p.ret.name)
    else:
        w('  (void) reply;')
    w('  return TRUE;')
    w('}')
    w()


def write_source(table):
    w = Writer()
    w(SOURCE_TOP)
    w('/* ---- structs ---- */')
    w()
    for s in table.struct_order:
        write_struct_functions(w, s)
    w('/* ---- client stubs ---- */')
    w()
    for p in table.procs:
        if not p.is_event:
            write_stub(w, p)
    w('/* ---- server dispatch ---- */')
    w()
    for p in table.procs:
        if not p.is_event:
            write_dispatch(w, p)
    w('typedef gboolean (*DispatchFunc) (const GVirRpcServerHandlers *handlers, gpointer data,')
    w('                                  const guint8 *payload, gsize len, GByteArray *reply,')
    w('                                  GError **error);')
    w()
    w('typedef struct')
    w('{')
    w('  GVirRpcProcInfo info;')
    w('  DispatchFunc dispatch;   /* NULL for events */')
    w('} ProcEntry;')
    w()
    w('/* Sorted by number. */')
    w('static const ProcEntry procs[] = {')
    for p in table.procs:
        flags = ' | '.join(PROC_FLAGS[f] for f in p.flags) or '0'
        w('  { { %d, "%s", %s }, %s },' % (p.number, p.name, flags,
                                           'NULL' if p.is_event else 'dispatch_' + p.name))
    w('};')
    w('''
static int
compare_entry (const void *key,
               const void *entry)
{
  gint32 number = *(const gint32 *) key;
  const ProcEntry *e = entry;

  return number < e->info.number ? -1 : number > e->info.number;
}

static const ProcEntry *
lookup_entry (gint32 number)
{
  return bsearch (&number, procs, G_N_ELEMENTS (procs), sizeof procs[0], compare_entry);
}

const GVirRpcProcInfo *
gvir_rpc_proc_info_lookup (gint32 number)
{
  const ProcEntry *e = lookup_entry (number);

  return e != NULL ? &e->info : NULL;
}

gboolean
gvir_rpc_server_dispatch (const GVirRpcServerHandlers  *handlers,
                          gpointer                      data,
                          gint32                        proc,
                          const guint8                 *payload,
                          gsize                         len,
                          GByteArray                   *reply,
                          GError                      **error)
{
  const ProcEntry *e = lookup_entry (proc);

  if (e == NULL)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_PROTOCOL, "unknown procedure: %d", proc);
      return FALSE;
    }
  if (e->dispatch == NULL)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_PROTOCOL,
                   "procedure %s (%d) is an event, not a call", e->info.name, proc);
      return FALSE;
    }
  return e->dispatch (handlers, data, payload, len, reply, error);
}''')
    write_struct_infos(w, table)
    return w.text()


def write_struct_infos(w, table):
    """A table of every struct with type-neutral wrappers, so that tests
    can check each shape without a line per struct."""
    w()
    w('/* ---- every struct, for tests ---- */')
    w()
    for s in table.struct_order:
        n, t = s.name, s.ctype
        w('static void')
        w('info_put_%s (GByteArray *buf, gconstpointer v)' % n)
        w('{')
        w('  gvir_rpc_put_%s (buf, v);' % n)
        w('}')
        w()
        w('static gboolean')
        w('info_get_%s (GVirXdrReader *reader, gpointer v, GError **error)' % n)
        w('{')
        w('  return gvir_rpc_get_%s (reader, v, error);' % n)
        w('}')
        w()
        w('static gboolean')
        w('info_check_%s (gconstpointer v, GError **error)' % n)
        w('{')
        w('  return gvir_rpc_check_%s (v, error);' % n)
        w('}')
        w()
        w('static void')
        w('info_clear_%s (gpointer v)' % n)
        w('{')
        w('  gvir_rpc_%s_clear (v);' % n)
        w('}')
        w()
    w('const GVirRpcStructInfo gvir_rpc_struct_infos[] = {')
    for s in table.struct_order:
        n = s.name
        w('  { "%s", sizeof (%s), %d, info_put_%s, info_get_%s, info_check_%s, info_clear_%s },'
          % (n, s.ctype, min_size(Type('struct', struct=s)), n, n, n, n))
    w('};')
    w('const guint gvir_rpc_n_struct_infos = G_N_ELEMENTS (gvir_rpc_struct_infos);')


# ---- samples for tests ---------------------------------------------------------


def fill_code(w, t, expr, name, indent, depth, seed='seed'):
    """Gives a value of type t a non-zero sample that depends on the C
    expression seed."""
    pad = ' ' * indent
    if t.kind == 'scalar':
        values = {
            'int': '({s} % 2 ? -1 : 1) * (gint32) ({s} * 7 + 1)',
            'uint': '0x80000000u + {s}',
            'hyper': '-(G_GINT64_CONSTANT (1) << 40) - (gint64) {s}',
            'uhyper': 'G_GUINT64_CONSTANT (0x8000000000000000) + {s}',
            'double': '{s} + 0.5',
            'bool': 'TRUE',
        }
        w(pad + '%s = %s;' % (expr, values[t.scalar].format(s=seed)))
    elif t.kind == 'char':
        w(pad + 'g_snprintf (%s, sizeof %s, "c%%u", %s);' % (expr, expr, seed))
    elif t.kind == 'string':
        value = 'sample_string ("%s", %s, %s)' % (name, seed, t.size)
        if t.optional:
            w(pad + '%s = %s %% 2 ? %s : NULL;' % (expr, seed, value))
        else:
            w(pad + '%s = %s;' % (expr, value))
    elif t.kind == 'opaque_fixed':
        w(pad + 'for (guint i = 0; i < %s; i++)' % t.size)
        w(pad + '  %s[i] = (guint8) (i + %s);' % (expr, seed))
    elif t.kind == 'opaque_var':
        w(pad + '%s_len = MIN (3, %s);' % (expr, t.size))
        w(pad + '%s = g_malloc (%s_len);' % (expr, expr))
        w(pad + 'for (guint i = 0; i < %s_len; i++)' % expr)
        w(pad + '  %s[i] = (guint8) (i + %s);' % (expr, seed))
    elif t.kind == 'array':
        var = 'i%d' % depth
        count = array_count(expr)
        w(pad + '%s = MIN (2, %s);' % (count, t.size))
        w(pad + '%s = g_new0 (%s, %s);' % (expr, elem_ctype(t.elem).strip(), count))
        w(pad + 'for (guint32 %s = 0; %s < %s; %s++)' % (var, var, count, var))
        w(pad + '  {')
        fill_code(w, t.elem, '%s[%s]' % (expr, var), name, indent + 4, depth + 1,
                  '(%s + %s + 1)' % (seed, var))
        w(pad + '  }')
    elif t.kind == 'optional':
        w(pad + 'if (%s %% 2)' % seed)
        w(pad + '  {')
        w(pad + '    %s = g_new0 (%s, 1);' % (expr, t.struct.ctype))
        w(pad + '    gvir_rpc_sample_%s (%s, %s + 1);' % (t.struct.name, expr, seed))
        w(pad + '  }')
    elif t.kind == 'struct':
        w(pad + 'gvir_rpc_sample_%s (&%s, %s + 1);' % (t.struct.name, expr, seed))
    elif t.kind == 'union':
        disc = union_disc(expr, t)
        w(pad + 'switch (%s %% %d)' % (seed, len(t.arms)))
        w(pad + '  {')
        for i, (value, at, an) in enumerate(t.arms):
            w(pad + '  %s:' % ('default' if i == len(t.arms) - 1 else 'case %d' % i))
            w(pad + '    %s = %d;' % (disc, value))
            fill_code(w, at, '%s.%s' % (expr, an), name, indent + 4, depth, seed)
            w(pad + '    break;')
        w(pad + '  }')


def diff_code(w, s, fname, t, a, b, indent, depth):
    """Returns the name of the first member that differs."""
    pad = ' ' * indent
    where = '"%s.%s"' % (s.name, fname)
    if t.kind == 'scalar':
        w(pad + 'if (%s != %s)' % (a, b))
        w(pad + '  return %s;' % where)
    elif t.kind in ('char', 'string'):
        w(pad + 'if (g_strcmp0 (%s, %s) != 0)' % (a, b))
        w(pad + '  return %s;' % where)
    elif t.kind == 'opaque_fixed':
        w(pad + 'if (memcmp (%s, %s, %s) != 0)' % (a, b, t.size))
        w(pad + '  return %s;' % where)
    elif t.kind == 'opaque_var':
        w(pad + 'if (%s_len != %s_len || (%s_len > 0 && memcmp (%s, %s, %s_len) != 0))'
          % (a, b, a, a, b, a))
        w(pad + '  return %s;' % where)
    elif t.kind == 'array':
        var = 'i%d' % depth
        w(pad + 'if (%s != %s)' % (array_count(a), array_count(b)))
        w(pad + '  return %s;' % where)
        w(pad + 'for (guint32 %s = 0; %s < %s; %s++)' % (var, var, array_count(a), var))
        w(pad + '  {')
        diff_code(w, s, fname, t.elem, '%s[%s]' % (a, var), '%s[%s]' % (b, var), indent + 4,
                  depth + 1)
        w(pad + '  }')
    elif t.kind == 'optional':
        w(pad + 'if ((%s == NULL) != (%s == NULL))' % (a, b))
        w(pad + '  return %s;' % where)
        w(pad + 'if (%s != NULL && gvir_rpc_diff_%s (%s, %s) != NULL)' % (a, t.struct.name, a, b))
        w(pad + '  return gvir_rpc_diff_%s (%s, %s);' % (t.struct.name, a, b))
    elif t.kind == 'struct':
        w(pad + 'if (gvir_rpc_diff_%s (&%s, &%s) != NULL)' % (t.struct.name, a, b))
        w(pad + '  return gvir_rpc_diff_%s (&%s, &%s);' % (t.struct.name, a, b))
    elif t.kind == 'union':
        da, db = union_disc(a, t), union_disc(b, t)
        w(pad + 'if (%s != %s)' % (da, db))
        w(pad + '  return %s;' % where)
        w(pad + 'switch (%s)' % da)
        w(pad + '  {')
        for value, at, an in t.arms:
            w(pad + '  case %d:' % value)
            diff_code(w, s, fname, at, '%s.%s' % (a, an), '%s.%s' % (b, an), indent + 4, depth)
            w(pad + '    break;')
        w(pad + '  default:')
        w(pad + '    break;')
        w(pad + '  }')


SAMPLES_TOP = '''/*
 * gvir-rpc-remote-gen-samples.c: generated from remote-protocol.def by
 * gen-remote-protocol.py; do not edit. Linked into tests only.
 *
 * For each struct S: gvir_rpc_sample_S () fills every member with a value
 * that depends on a seed (optional members and strings present for odd
 * seeds, absent for even ones; union arms in turn) and gvir_rpc_diff_S ()
 * names the first member in which two values differ (NULL: equal).
 */
#include "config.h"

#include <string.h>

#include "libvirt-gobject/rpc/gvir-rpc-remote-gen.h"

static char *
sample_string (const char *member,
               guint       seed,
               gsize       max)
{
  char *s = g_strdup_printf ("%s-%u", member, seed);

  if (strlen (s) > max)
    s[max] = '\\0';
  return s;
}
'''

SAMPLES_BOTTOM = '''void
gvir_rpc_struct_sample (const GVirRpcStructInfo *info,
                        gpointer                 value,
                        guint                    seed)
{
  sample_any (info->name, value, seed);
}

const char *
gvir_rpc_struct_diff (const GVirRpcStructInfo *info,
                      gconstpointer            a,
                      gconstpointer            b)
{
  return diff_any (info->name, a, b);
}'''


def write_samples(table):
    w = Writer()
    w(SAMPLES_TOP)
    for s in table.struct_order:
        w('void gvir_rpc_sample_%s (%s *v, guint seed);' % (s.name, s.ctype))
        w('const char *gvir_rpc_diff_%s (const %s *a, const %s *b);'
          % (s.name, s.ctype, s.ctype))
    w()
    for s in table.struct_order:
        w('void')
        w('gvir_rpc_sample_%s (%s *v, guint seed)' % (s.name, s.ctype))
        w('{')
        w('  memset (v, 0, sizeof *v);')
        for fname, ft in s.fields:
            fill_code(w, ft, 'v->%s' % fname, '%s.%s' % (s.name, fname), 2, 0)
        w('}')
        w()
        w('const char *')
        w('gvir_rpc_diff_%s (const %s *a, const %s *b)' % (s.name, s.ctype, s.ctype))
        w('{')
        for fname, ft in s.fields:
            diff_code(w, s, fname, ft, 'a->%s' % fname, 'b->%s' % fname, 2, 0)
        if not s.fields:
            w('  (void) a;')
            w('  (void) b;')
        w('  return NULL;')
        w('}')
        w()
    w('static void')
    w('sample_any (const char *name, gpointer v, guint seed)')
    w('{')
    for s in table.struct_order:
        w('  if (strcmp (name, "%s") == 0)' % s.name)
        w('    {')
        w('      gvir_rpc_sample_%s (v, seed);' % s.name)
        w('      return;')
        w('    }')
    w('  g_assert_not_reached ();')
    w('}')
    w()
    w('static const char *')
    w('diff_any (const char *name, gconstpointer a, gconstpointer b)')
    w('{')
    for s in table.struct_order:
        w('  if (strcmp (name, "%s") == 0)' % s.name)
        w('    return gvir_rpc_diff_%s (a, b);' % s.name)
    w('  g_assert_not_reached ();')
    w('}')
    w()
    w(SAMPLES_BOTTOM)
    return w.text()



def main(argv):
    if len(argv) not in (4, 5):
        sys.stderr.write('usage: %s TABLE OUT.h OUT.c [OUT-samples.c]\n' % argv[0])
        return 2
    try:
        table = parse(argv[1])
    except TableError as e:
        sys.stderr.write('%s\n' % e)
        return 1
    except OSError as e:
        sys.stderr.write('%s: error: %s\n' % (argv[1], e.strerror))
        return 1
    with open(argv[2], 'w', encoding='utf-8') as f:
        f.write(write_header(table))
    with open(argv[3], 'w', encoding='utf-8') as f:
        f.write(write_source(table))
    if len(argv) == 5:
        with open(argv[4], 'w', encoding='utf-8') as f:
            f.write(write_samples(table))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
