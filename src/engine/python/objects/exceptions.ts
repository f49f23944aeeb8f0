import { NotSupported, type PyError } from '../errors';
import { typeError } from '../abstract/errors';
import { unicodeFromFormat } from '../abstract/fromformat';
import { asSsize, hasIndex } from '../abstract/number';
import { fromSsize } from './int';
import { repr, reprText, str, strText } from '../abstract/repr';
import type { Vm } from '../runtime/vm';
import { addNote, groupSlots } from './excgroup';
import { EXCEPTION_IDS, EXCEPTION_ROWS, type ExcLayout } from './exctypes';
import { genericAlloc } from './object';
import { intern, strValue } from './str';
import { tupleFromItems, tupleItem, tupleItems } from './tuple';
import {
  Meth,
  T,
  TpFlags,
  defineType,
  type GetSetDef,
  type MemberDef,
  type TypeSlots,
  type Visit,
} from './types';

/**
 * The built-in exceptions (Objects/exceptions.c). An instance is a PyBaseExceptionObject (16 GC +
 * 72 bytes: dict, args, notes, traceback, context, cause, suppress_context) or a subclass's
 * larger struct (StopIteration 80, OSError 112, SyntaxError 136 …; exctypes.ts), made by
 * BaseException_new (tp_alloc, tracked) with the argument tuple as its args. 3.11's exception
 * types have no vectorcall: calling one packs the arguments into a tuple (type_call).
 */
export interface ExcState {
  dict: number;
  args: number;
  notes: number;
  traceback: number;
  context: number;
  cause: number;
  suppressContext: boolean;
  /** The subclass's own object fields, in its struct's order (0 = NULL). */
  fields: Record<string, number>;
  /** OSError.characters_written / UnicodeError start and end (C integers). */
  ints: Record<string, number>;
}

const FIELDS: Record<ExcLayout, string[]> = {
  base: [],
  stopiteration: ['value'],
  systemexit: ['code'],
  importerror: ['msg', 'name', 'path'],
  oserror: ['myerrno', 'strerror', 'filename', 'filename2'],
  syntaxerror: [
    'msg',
    'filename',
    'lineno',
    'offset',
    'text',
    'end_lineno',
    'end_offset',
    'print_file_and_line',
  ],
  unicodeerror: ['encoding', 'object', 'reason'],
  nameerror: ['name'],
  attributeerror: ['obj', 'name'],
  group: ['msg', 'excs'],
};

export const excState = (vm: Vm, h: number): ExcState => vm.table.side[h] as ExcState;

/** errnomap (OSError_new): OSError(errno, …) makes the subclass for that errno. */
const ERRNO_TYPES: Record<number, string> = {
  1: 'PermissionError',
  2: 'FileNotFoundError',
  3: 'ProcessLookupError',
  4: 'InterruptedError',
  10: 'ChildProcessError',
  11: 'BlockingIOError',
  13: 'PermissionError',
  17: 'FileExistsError',
  20: 'NotADirectoryError',
  21: 'IsADirectoryError',
  32: 'BrokenPipeError',
  103: 'ConnectionAbortedError',
  104: 'ConnectionResetError',
  108: 'BrokenPipeError',
  110: 'TimeoutError',
  111: 'ConnectionRefusedError',
  114: 'BlockingIOError',
  115: 'BlockingIOError',
};

/** BaseException_new: tp_alloc (GC, tracked), args = the argument tuple itself (or an empty one). */
function baseExceptionNew(vm: Vm, type: TypeSlots, args: number, _kwargs: number): number {
  if (type.name === 'OSError' && type.module === 'builtins' && vm.table.n[args] >= 2) {
    const e = tupleItem(vm, args, 0);
    const sub = vm.table.type[e] === T.Int ? ERRNO_TYPES[vm.table.num[e]] : undefined;
    if (sub !== undefined) type = vm.types[EXCEPTION_IDS.get(sub)!];
  }
  const h = genericAlloc(vm, type, 0);
  const fields: Record<string, number> = {};
  for (const f of layoutOf(vm, type)) fields[f] = 0;
  vm.incref(args);
  vm.table.side[h] = {
    dict: 0,
    args,
    notes: 0,
    traceback: 0,
    context: 0,
    cause: 0,
    suppressContext: false,
    fields,
    ints: {},
  } satisfies ExcState;
  return h;
}

function layoutOf(vm: Vm, type: TypeSlots): string[] {
  for (const id of type.mro) {
    const layout = (vm.types[id].extra as { layout?: ExcLayout } | null)?.layout;
    if (layout) return FIELDS[layout];
  }
  return [];
}

/** BaseException_init: keywords are refused; args becomes the argument tuple. */
function baseExceptionInit(vm: Vm, self: number, args: number, kwargs: number): void {
  if (kwargs !== 0 && vm.table.n[kwargs] > 0 && !acceptsKeywords(vm, self))
    throw typeError(vm, '%s() takes no keyword arguments', vm.typeOf(self).name);
  setArgs(vm, self, args);
}

const acceptsKeywords = (vm: Vm, h: number): boolean => {
  const l = layoutOf(vm, vm.typeOf(h));
  return l === FIELDS.importerror || l === FIELDS.nameerror || l === FIELDS.attributeerror;
};

function setArgs(vm: Vm, self: number, args: number): void {
  const st = excState(vm, self);
  vm.incref(args);
  const old = st.args;
  st.args = args;
  vm.xdecref(old);
}

/** An exception's field (ImportError.name, AttributeError.obj, …): a new reference to v is stored. */
export function setField(vm: Vm, self: number, name: string, v: number): void {
  const st = excState(vm, self);
  if (v) vm.incref(v);
  const old = st.fields[name];
  st.fields[name] = v;
  vm.xdecref(old);
}

/** The subclasses' own __init__ work (StopIteration_init, SystemExit_init, …). */
function subclassInit(vm: Vm, self: number, args: number, kwargs: number): void {
  baseExceptionInit(vm, self, args, kwargs);
  const n = vm.table.n[args];
  const a = (i: number) => tupleItem(vm, args, i);
  const kw = (name: string) => (kwargs !== 0 ? (dictGet(vm, kwargs, name) ?? 0) : 0);
  const l = layoutOf(vm, vm.typeOf(self));
  if (l === FIELDS.stopiteration) setField(vm, self, 'value', n > 0 ? a(0) : vm.s.None);
  else if (l === FIELDS.systemexit) setField(vm, self, 'code', n === 0 ? vm.s.None : n === 1 ? a(0) : args);
  else if (l === FIELDS.importerror) {
    setField(vm, self, 'name', kw('name'));
    setField(vm, self, 'path', kw('path'));
    if (n === 1) setField(vm, self, 'msg', a(0));
  } else if (l === FIELDS.nameerror) setField(vm, self, 'name', kw('name'));
  else if (l === FIELDS.attributeerror) {
    setField(vm, self, 'name', kw('name'));
    setField(vm, self, 'obj', kw('obj'));
  } else if (l === FIELDS.oserror) {
    if (n >= 2 && n <= 5) {
      setField(vm, self, 'myerrno', a(0));
      setField(vm, self, 'strerror', a(1));
      if (n >= 3 && a(2) !== vm.s.None) {
        setField(vm, self, 'filename', a(2));
        if (n >= 5) setField(vm, self, 'filename2', a(4));
        // oserror_init: the filename (and winerror, filename2) leave the args: args[:2]
        const st = excState(vm, self);
        vm.incref(a(0));
        vm.incref(a(1));
        const sliced = tupleFromItems(vm, [a(0), a(1)]);
        const old = st.args;
        st.args = sliced;
        vm.decref(old);
      }
    }
  } else if (l === FIELDS.syntaxerror) {
    if (n >= 1) setField(vm, self, 'msg', a(0));
    if (n === 2) {
      const info = a(1);
      const items = vm.table.type[info] === T.Tuple ? tupleItems(vm, info) : null;
      if (!items || items.length < 4) throw typeError(vm, 'tuple index out of range');
      ['filename', 'lineno', 'offset', 'text', 'end_lineno', 'end_offset'].forEach((f, i) => {
        if (i < items.length) setField(vm, self, f, items[i]);
      });
    }
  } else if (l === FIELDS.unicodeerror) {
    if (vm.typeOf(self).name !== 'UnicodeError') {
      if (n !== 5) throw typeError(vm, 'function takes exactly 5 arguments (%zd given)', n);
      setField(vm, self, 'encoding', a(0));
      setField(vm, self, 'object', a(1));
      setField(vm, self, 'reason', a(4));
      const st = excState(vm, self);
      st.ints.start = hasIndex(vm, a(2)) ? vm.table.num[a(2)] : 0;
      st.ints.end = hasIndex(vm, a(3)) ? vm.table.num[a(3)] : 0;
    }
  }
  // a group's fields are set by BaseExceptionGroup_new (excgroup.ts)
}

function dictGet(vm: Vm, d: number, name: string): number | undefined {
  const data = vm.table.side[d] as { index: Map<unknown, number>; values: Int32Array };
  const ix = data.index.get(name);
  return ix === undefined ? undefined : data.values[ix];
}

/** BaseException_clear with the subclass's own fields first (StopIteration_clear & co.). */
function excClear(vm: Vm, h: number): void {
  const st = excState(vm, h);
  for (const f of Object.keys(st.fields)) {
    const v = st.fields[f];
    st.fields[f] = 0;
    vm.xdecref(v);
  }
  for (const k of ['dict', 'args', 'notes', 'traceback', 'cause', 'context'] as const) {
    const v = st[k];
    st[k] = 0;
    vm.xdecref(v);
  }
}

function excTraverse(vm: Vm, h: number, visit: Visit): void {
  const st = excState(vm, h);
  for (const v of Object.values(st.fields)) if (v) visit(v);
  for (const v of [st.dict, st.args, st.notes, st.traceback, st.cause, st.context]) if (v) visit(v);
}

/** BaseException_dealloc: untracked, cleared, freed (Py_TRASHCAN around it). */
function excDealloc(vm: Vm, h: number): void {
  vm.gc.untrack(h);
  if (vm.trashBegin(h)) return;
  excClear(vm, h);
  vm.gcDel(h);
  vm.trashEnd();
}

// ---- str() and repr() -----------------------------------------------------------------------

/** BaseException_str: '' / str(args[0]) / str(args). */
function baseStr(vm: Vm, h: number): number {
  const args = excState(vm, h).args;
  const n = vm.table.n[args];
  if (n === 0) return vm.s.emptyStr;
  return str(vm, n === 1 ? tupleItem(vm, args, 0) : args);
}

/** The subclasses' __str__ (KeyError_str, OSError_str, SyntaxError_str, ImportError_str, UnicodeDecodeError_str). */
function excStr(vm: Vm, h: number): number {
  const st = excState(vm, h);
  const f = st.fields;
  const name = vm.typeOf(h);
  const l = layoutOf(vm, name);
  if (name.mro.includes(E_KEY) && vm.table.n[st.args] === 1) return repr(vm, tupleItem(vm, st.args, 0));
  if (l === FIELDS.oserror && f.myerrno && f.strerror) {
    if (f.filename) {
      if (f.filename2)
        return unicodeFromFormat(vm, '[Errno %S] %S: %R -> %R', [
          f.myerrno,
          f.strerror,
          f.filename,
          f.filename2,
        ]);
      return unicodeFromFormat(vm, '[Errno %S] %S: %R', [f.myerrno, f.strerror, f.filename]);
    }
    return unicodeFromFormat(vm, '[Errno %S] %S', [f.myerrno, f.strerror]);
  }
  if (l === FIELDS.importerror && f.msg && vm.table.type[f.msg] === T.Str) {
    vm.incref(f.msg);
    return f.msg;
  }
  if (l === FIELDS.syntaxerror && f.msg) {
    const file =
      f.filename && vm.table.type[f.filename] === T.Str ? strValue(vm, f.filename).split('/').pop()! : null;
    const line = f.lineno && vm.table.type[f.lineno] === T.Int ? vm.table.num[f.lineno] : null;
    if (file !== null && line !== null)
      return unicodeFromFormat(vm, '%S (%U, line %ld)', [f.msg, file, line]);
    if (file !== null) return unicodeFromFormat(vm, '%S (%U)', [f.msg, file]);
    if (line !== null) return unicodeFromFormat(vm, '%S (line %ld)', [f.msg, line]);
    return str(vm, f.msg);
  }
  if (l === FIELDS.unicodeerror && f.encoding && f.reason && name.name === 'UnicodeEncodeError') {
    // UnicodeEncodeError_str: one character named by its escape, a range by its positions
    const { start, end } = st.ints;
    const obj = strValue(vm, f.object);
    if (end === start + 1) {
      const c = obj.codePointAt(start) ?? 0;
      const esc =
        c < 0x100
          ? `\\x${c.toString(16).padStart(2, '0')}`
          : c < 0x10000
            ? `\\u${c.toString(16).padStart(4, '0')}`
            : `\\U${c.toString(16).padStart(8, '0')}`;
      return unicodeFromFormat(vm, "'%U' codec can't encode character '%s' in position %zd: %U", [
        f.encoding,
        esc,
        start,
        f.reason,
      ]);
    }
    return unicodeFromFormat(vm, "'%U' codec can't encode characters in position %zd-%zd: %U", [
      f.encoding,
      start,
      end - 1,
      f.reason,
    ]);
  }
  if (l === FIELDS.unicodeerror && f.encoding && f.reason && name.name === 'UnicodeDecodeError') {
    const { start, end } = st.ints;
    const obj = strValue(vm, f.object);
    if (end === start + 1)
      return unicodeFromFormat(vm, "'%U' codec can't decode byte 0x%s in position %zd: %U", [
        f.encoding,
        obj.charCodeAt(start).toString(16).padStart(2, '0'),
        start,
        f.reason,
      ]);
    return unicodeFromFormat(vm, "'%U' codec can't decode bytes in position %zd-%zd: %U", [
      f.encoding,
      start,
      end - 1,
      f.reason,
    ]);
  }
  return baseStr(vm, h);
}

/** str(exception) as text, without allocating (for the run's report): the args rendered as BaseException_str would. */
export function exceptionText(vm: Vm, h: number): string {
  const { fields } = excState(vm, h);
  if (fields.excs && fields.msg) {
    // BaseExceptionGroup_str
    const n = vm.table.n[fields.excs];
    return `${strText(vm, fields.msg)} (${n} sub-exception${n > 1 ? 's' : ''})`;
  }
  // OSError_str: "[Errno 2] No such file or directory: 'x.txt'" (the traceback's last line too)
  if (layoutOf(vm, vm.typeOf(h)) === FIELDS.oserror && fields.myerrno && fields.strerror) {
    const head = `[Errno ${reprText(vm, fields.myerrno)}] ${strText(vm, fields.strerror)}`;
    if (!fields.filename) return head;
    const second = fields.filename2 ? ` -> ${reprText(vm, fields.filename2)}` : '';
    return `${head}: ${reprText(vm, fields.filename)}${second}`;
  }
  const args = excState(vm, h).args;
  const n = vm.table.n[args];
  if (n === 0) return '';
  if (n > 1) return reprText(vm, args);
  const a = tupleItem(vm, args, 0);
  return vm.typeOf(h).mro.includes(E_KEY) ? reprText(vm, a) : strText(vm, a);
}

/** BaseException_repr: "ValueError('x')" for one argument, else the name and repr(args). */
function excRepr(vm: Vm, h: number): number {
  const args = excState(vm, h).args;
  const name = vm.typeOf(h).name;
  if (vm.table.n[args] === 1) return unicodeFromFormat(vm, '%s(%R)', [name, tupleItem(vm, args, 0)]);
  return unicodeFromFormat(vm, '%s%R', [name, args]);
}

// ---- attributes --------------------------------------------------------------------------

const fieldMember = (name: string, field = name): MemberDef => ({
  name,
  get: (vm, h) => {
    const v = excState(vm, h).fields[field] || vm.s.None;
    vm.incref(v);
    return v;
  },
  set: (vm, h, v) => setField(vm, h, field, v),
});

const stateGetSet = (name: string, key: 'args' | 'traceback' | 'context' | 'cause'): GetSetDef => ({
  name,
  get: (vm, h) => {
    const v = excState(vm, h)[key] || vm.s.None;
    vm.incref(v);
    return v;
  },
  set: (vm, h, v) => {
    const st = excState(vm, h);
    if (key === 'args') {
      if (vm.table.type[v] !== T.Tuple) throw new NotSupported('setting args to a non-tuple');
    } else if (v === vm.s.None) v = 0;
    if (v) vm.incref(v);
    const old = st[key];
    st[key] = v;
    if (key === 'cause') st.suppressContext = true;
    vm.xdecref(old);
  },
});

const intMember = (name: 'start' | 'end'): MemberDef => ({
  name,
  get: (vm, h) => fromSsize(vm, excState(vm, h).ints[name] ?? 0),
  set: (vm, h, v) => {
    excState(vm, h).ints[name] = asSsize(vm, v, EXCEPTION_IDS.get('OverflowError')!);
  },
});

const MEMBERS: Partial<Record<ExcLayout, Record<string, MemberDef>>> = {
  stopiteration: { value: fieldMember('value') },
  systemexit: { code: fieldMember('code') },
  importerror: { msg: fieldMember('msg'), name: fieldMember('name'), path: fieldMember('path') },
  oserror: {
    errno: fieldMember('errno', 'myerrno'),
    strerror: fieldMember('strerror'),
    filename: fieldMember('filename'),
    filename2: fieldMember('filename2'),
  },
  syntaxerror: Object.fromEntries(FIELDS.syntaxerror.map((f) => [f, fieldMember(f)])),
  unicodeerror: {
    encoding: fieldMember('encoding'),
    object: fieldMember('object'),
    reason: fieldMember('reason'),
    // T_PYSSIZET members of PyUnicodeErrorObject: a new int on each read
    start: intMember('start'),
    end: intMember('end'),
  },
  nameerror: { name: fieldMember('name') },
  attributeerror: { name: fieldMember('name'), obj: fieldMember('obj') },
};

let E_KEY = 0;

/** The exception types' slot tables, base before subclass, ids from T.FirstException. */
export function exceptionTypes(): TypeSlots[] {
  const ids = new Map<string, number>();
  return EXCEPTION_ROWS.map((r, i) => {
    const id = T.FirstException + i;
    ids.set(r.name, id);
    if (r.name === 'KeyError') E_KEY = id;
    const root = r.base === null;
    const own =
      r.name === 'BaseExceptionGroup'
        ? groupSlots({
            baseNew: (vm, type, args) => baseExceptionNew(vm, type, args, 0),
            state: excState,
            setArgs,
            setTraceback,
            setContext,
            setCause,
          })
        : {};
    return defineType({
      id,
      name: r.name,
      module: r.module ?? 'builtins',
      basicsize: r.basicsize,
      base: root ? T.Object : ids.get(r.base!)!,
      bases: r.bases?.map((b) => ids.get(b)!),
      flags: TpFlags.HaveGc | TpFlags.BaseType | TpFlags.BaseExcSubclass,
      dictoffset: 16,
      extra: r.layout !== 'base' || root ? { layout: r.layout } : null,
      ...(root
        ? {
            dealloc: excDealloc,
            traverse: excTraverse,
            clear: excClear,
            repr: excRepr,
            str: excStr,
            new: baseExceptionNew,
            init: subclassInit,
            getset: {
              args: stateGetSet('args', 'args'),
              __traceback__: stateGetSet('__traceback__', 'traceback'),
              __context__: stateGetSet('__context__', 'context'),
              __cause__: stateGetSet('__cause__', 'cause'),
              __suppress_context__: {
                name: '__suppress_context__',
                get: (vm: Vm, h: number) => vm.s.bool(excState(vm, h).suppressContext),
              },
            },
            methods: {
              add_note: {
                name: 'add_note',
                flags: Meth.O,
                qualname: 'BaseException.add_note',
                impl: (vm: Vm, self: number, args: readonly number[]) => addNote(vm, self, args[0]),
              },
              with_traceback: {
                name: 'with_traceback',
                flags: Meth.O,
                qualname: 'BaseException.with_traceback',
                impl: (vm: Vm, self: number, args: readonly number[]) => {
                  stateGetSet('', 'traceback').set!(vm, self, args[0]);
                  vm.incref(self);
                  return self;
                },
              },
            },
          }
        : { dealloc: excDealloc, members: MEMBERS[r.layout] ?? {}, ...own }),
    });
  });
}

// ---- what the error machinery needs (abstract/errors.ts) ------------------------------------

/** PyException_SetTraceback (`tb` borrowed; 0 is None). */
export function setTraceback(vm: Vm, exc: number, tb: number): void {
  const st = excState(vm, exc);
  if (tb) vm.incref(tb);
  const old = st.traceback;
  st.traceback = tb;
  vm.xdecref(old);
}

/** PyException_SetContext (steals `context`). */
export function setContext(vm: Vm, exc: number, context: number): void {
  const st = excState(vm, exc);
  const old = st.context;
  st.context = context;
  vm.xdecref(old);
}

/** PyException_SetCause (steals `cause`; 0 for None) and __suppress_context__ = True. */
export function setCause(vm: Vm, exc: number, cause: number): void {
  const st = excState(vm, exc);
  const old = st.cause;
  st.cause = cause;
  st.suppressContext = true;
  vm.xdecref(old);
}

/**
 * set_attribute_error_context (PyObject_GetAttr): the AttributeError is normalized at once and
 * gets its name and obj, for the "Did you mean" hint the traceback printer adds.
 */
export function setAttributeErrorContext(
  vm: Vm,
  err: PyError,
  obj: number,
  name: string,
  normalize: (vm: Vm, e: PyError) => void,
): void {
  normalize(vm, err);
  const exc = err.value;
  if (!exc || !(vm.typeOf(exc).flags & TpFlags.BaseExcSubclass)) return;
  const f = excState(vm, exc).fields;
  if (!('obj' in f) || f.name || f.obj) return;
  setField(vm, exc, 'name', intern(vm, name));
  setField(vm, exc, 'obj', obj);
}
