import { callMethod } from '../abstract/call';
import { raiseFormat, raiseString, typeError, valueError } from '../abstract/errors';
import { getIter, iterNext } from '../abstract/iter';
import { asSsize } from '../abstract/number';
import { typeName } from '../abstract/object';
import { NotSupported } from '../errors';
import type { Vm } from '../runtime/vm';
import { accuAdd, accuDestroy, accuFinish, accuInit, type Accu } from './accu';
import { E } from './exctypes';
import { fromSsize } from './int';
import { moduleType } from './modtypes';
import { strNew, strResult, strValue } from './str';
import { tupleItems } from './tuple';
import { UnicodeWriter } from './unicodewriter';
import { Meth, T, TpFlags, defineType, type Kwargs, type MethodDef, type TypeSlots } from './types';
import { unpackKeywords } from './getargs';
import { keyAt, valueAt, type HashIndex } from './dictindex';

/**
 * io.StringIO (Modules/_io/stringio.c, 3.11): a 16 GC + 120 byte object in one of two states.
 * - Accumulating (a new or emptied StringIO that is only written at its end): write() appends the
 *   str itself to an _PyAccu (accu.ts) — no copy; the accumulator joins 100,000 of them at a time.
 *   getvalue() joins everything (_PyAccu_Finish) and starts a new accumulator holding the result.
 * - Realized (after a read, a write that is not at the end, an initial value, truncate): the text
 *   is a Py_UCS4 array (4 bytes a character) grown by resize_buffer — exact for a major upsize
 *   (more than 1/8), list_resize's over-allocation for a moderate one, exact again when it
 *   shrinks below half; reads make new strs from it (PyUnicode_FromKindAndData, the narrowest
 *   kind).
 * The buffer is PyMem_Malloc(0) at creation and resize_buffer(0) (2 characters) at __init__.
 * 3.12 and later accumulate in an over-allocating _PyUnicodeWriter instead of the _PyAccu
 * (`vm.py.stringioAccumulator`): each write is copied into one growing str, and getvalue()
 * finishes it and copies the result into a new writer (make_intermediate), so the text is held twice.
 * Only newline='\n' (the default) is modelled: None and '' need the IncrementalNewlineDecoder.
 */
export interface StringIOState {
  /** The UCS-4 buffer's block and capacity in characters (buf_size). */
  buf: number;
  bufSize: number;
  /** The realized text (its first string_size characters are meaningful). */
  text: string;
  pos: number;
  stringSize: number;
  accumulating: boolean;
  accu: Accu | null;
  /** 3.12+: the embedded _PyUnicodeWriter the accumulating state writes to. */
  writer: UnicodeWriter | null;
  closed: boolean;
  ok: boolean;
}

/** The accumulating state starts: _PyAccu_Init (3.11), or _PyUnicodeWriter_Init with overallocate = 1 (3.12). */
function accumulateStart(vm: Vm, st: StringIOState): void {
  if (vm.py.stringioAccumulator === 'writer') st.writer = new UnicodeWriter(vm, true);
  else st.accu = accuInit(vm);
}

/** _PyAccu_Accumulate, or _PyUnicodeWriter_WriteStr (a copy into the writer's buffer). */
function accumulate(vm: Vm, st: StringIOState, obj: number): void {
  if (st.writer) st.writer.writeStr(obj);
  else accuAdd(vm, st.accu!, obj);
}

/** _PyAccu_Finish or _PyUnicodeWriter_Finish: the text so far as one str (a new reference). */
function accumulateFinish(vm: Vm, st: StringIOState): number {
  if (st.writer) {
    const w = st.writer;
    st.writer = null;
    return w.finish();
  }
  const r = accuFinish(vm, st.accu!);
  st.accu = null;
  return r;
}

/** _PyAccu_Destroy or _PyUnicodeWriter_Dealloc. */
function accumulateDrop(vm: Vm, st: StringIOState): void {
  if (st.accu) accuDestroy(vm, st.accu);
  st.accu = null;
  st.writer?.dealloc();
  st.writer = null;
}

const cpLen = (s: string): number => {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00) n--;
  }
  return n;
};
// The buffer is scanned once per change, not once per read (readline over a big buffer: a line
// each call, the whole text tested each time made it quadratic).
let lastText = '';
let lastAstral = false;
const hasAstral = (s: string): boolean => {
  if (s !== lastText) {
    lastText = s;
    lastAstral = /[\ud800-\udbff]/.test(s);
  }
  return lastAstral;
};
/** Code points [a, b) of s. */
const cpSlice = (s: string, a: number, b: number): string =>
  hasAstral(s) ? Array.from(s).slice(a, b).join('') : s.slice(a, b);

export function stringioState(vm: Vm, h: number): StringIOState {
  const st = vm.table.side[h] as StringIOState | undefined;
  if (st === undefined || !st.ok)
    throw raiseString(vm, E.ValueError, 'I/O operation on uninitialized object');
  return st;
}

function checkClosed(vm: Vm, st: StringIOState): void {
  if (st.closed) throw raiseString(vm, E.ValueError, 'I/O operation on closed file');
}

/** resize_buffer(self, size): one more character is reserved; PyMem_Realloc of buf_size × 4 bytes. */
function resizeBuffer(vm: Vm, st: StringIOState, size: number): void {
  let alloc = st.bufSize;
  size = size + 1;
  if (size < Math.floor(alloc / 2)) alloc = size + 1;
  else if (size < alloc) return;
  else if (size <= alloc * 1.125) alloc = size + (size >> 3) + (size < 9 ? 3 : 6);
  else alloc = size + 1;
  st.buf = vm.mem.realloc(st.buf, alloc * 4);
  st.bufSize = alloc;
}

/** realize: the accumulated text joined, copied into the UCS-4 buffer, and released. */
function realize(vm: Vm, st: StringIOState): void {
  if (!st.accumulating) return;
  st.accumulating = false;
  const intermediate = accumulateFinish(vm, st);
  try {
    const len = vm.table.n[intermediate];
    resizeBuffer(vm, st, len);
    st.text = strValue(vm, intermediate);
    vm.mem.touch(st.buf, len * 4);
  } finally {
    vm.decref(intermediate);
  }
}

/** write_str (default newline: no decoder, no translation). */
function writeStr(vm: Vm, st: StringIOState, obj: number): void {
  const len = vm.table.n[obj];
  if (st.accumulating) {
    if (st.stringSize === st.pos) {
      accumulate(vm, st, obj);
      st.pos += len;
      if (st.stringSize < st.pos) st.stringSize = st.pos;
      return;
    }
    realize(vm, st);
  }
  if (st.pos + len > st.stringSize) resizeBuffer(vm, st, st.pos + len);
  let text = st.text;
  const cur = cpLen(text);
  if (st.pos > cur) text += '\0'.repeat(st.pos - cur);
  const s = strValue(vm, obj);
  st.text = cpSlice(text, 0, st.pos) + s + cpSlice(text, st.pos + len, cpLen(text));
  vm.mem.touch(st.buf + st.pos * 4, len * 4);
  st.pos += len;
  if (st.stringSize < st.pos) st.stringSize = st.pos;
}

/** make_intermediate: everything joined, and a new accumulator that starts with it (3.12: a copy). */
function makeIntermediate(vm: Vm, st: StringIOState): number {
  const intermediate = accumulateFinish(vm, st);
  accumulateStart(vm, st);
  accumulate(vm, st, intermediate);
  return intermediate;
}

/** PyUnicode_FromKindAndData(4BYTE_KIND, buf + a, n): the narrowest str (1-character latin-1 ones cached). */
function fromBuffer(vm: Vm, st: StringIOState, a: number, n: number): number {
  if (n <= 0) return vm.s.emptyStr;
  const s = cpSlice(st.text, a, a + n);
  return n === 1 ? strResult(vm, s) : strNew(vm, s);
}

function sizeArg(vm: Vm, h: number | undefined): number {
  if (h === undefined || h === 0 || h === vm.s.None) return -1;
  return asSsize(vm, h, E.OverflowError);
}

function read(vm: Vm, self: number, args: readonly number[]): number {
  const st = stringioState(vm, self);
  checkClosed(vm, st);
  let size = sizeArg(vm, args[0]);
  const n = st.stringSize - st.pos;
  if (size < 0 || size > n) {
    size = n;
    if (size < 0) size = 0;
  }
  // the optimization for seek(0); read()
  if (st.accumulating && st.pos === 0 && size === st.stringSize) {
    st.pos = st.stringSize;
    return makeIntermediate(vm, st);
  }
  realize(vm, st);
  const out = fromBuffer(vm, st, st.pos, size);
  st.pos += size;
  return out;
}

/** _stringio_readline (translated newlines: '\n'). */
function readlineText(vm: Vm, st: StringIOState, limit: number): number {
  if (st.pos >= st.stringSize) return vm.s.emptyStr;
  let len: number;
  if (!hasAstral(st.text)) {
    const nl = st.text.indexOf('\n', st.pos);
    len = nl < 0 || nl >= st.stringSize ? st.stringSize - st.pos : nl + 1 - st.pos;
  } else {
    const rest = cpSlice(st.text, st.pos, st.stringSize);
    len = Array.from(rest).indexOf('\n');
    len = len < 0 ? cpLen(rest) : len + 1;
  }
  if (limit >= 0 && len > limit) len = limit;
  const out = fromBuffer(vm, st, st.pos, len);
  st.pos += len;
  return out;
}

function readline(vm: Vm, self: number, args: readonly number[]): number {
  const st = stringioState(vm, self);
  checkClosed(vm, st);
  const limit = sizeArg(vm, args[0]);
  realize(vm, st);
  return readlineText(vm, st, limit);
}

function seek(vm: Vm, self: number, args: readonly number[]): number {
  const st = stringioState(vm, self);
  if (args.length < 1 || args.length > 2)
    throw typeError(vm, 'seek expected at least 1 argument, got %zd', args.length);
  let pos = asSsize(vm, args[0], E.OverflowError);
  const whence = args.length > 1 ? asSsize(vm, args[1], E.OverflowError) : 0;
  checkClosed(vm, st);
  if (whence !== 0 && whence !== 1 && whence !== 2)
    throw raiseFormat(vm, E.ValueError, 'Invalid whence (%i, should be 0, 1 or 2)', whence);
  if (pos < 0 && whence === 0) throw raiseFormat(vm, E.ValueError, 'Negative seek position %zd', pos);
  if (whence !== 0 && pos !== 0) throw raiseString(vm, E.OSError, "Can't do nonzero cur-relative seeks");
  if (whence === 1) pos = st.pos;
  else if (whence === 2) pos = st.stringSize;
  st.pos = pos;
  return fromSsize(vm, pos);
}

function truncate(vm: Vm, self: number, args: readonly number[]): number {
  const st = stringioState(vm, self);
  checkClosed(vm, st);
  const size = args.length && args[0] !== vm.s.None ? asSsize(vm, args[0], E.OverflowError) : st.pos;
  if (size < 0) throw raiseFormat(vm, E.ValueError, 'Negative size value %zd', size);
  if (size < st.stringSize) {
    realize(vm, st);
    resizeBuffer(vm, st, size);
    st.text = cpSlice(st.text, 0, size);
    st.stringSize = size;
  }
  return fromSsize(vm, size);
}

function write(vm: Vm, self: number, args: readonly number[]): number {
  const st = stringioState(vm, self);
  const obj = args[0];
  if (!vm.typeOf(obj).mro.includes(T.Str))
    throw raiseFormat(vm, E.TypeError, "string argument expected, got '%s'", typeName(vm, obj));
  checkClosed(vm, st);
  const size = vm.table.n[obj];
  if (size > 0) writeStr(vm, st, obj);
  return fromSsize(vm, size);
}

function getvalue(vm: Vm, self: number): number {
  const st = stringioState(vm, self);
  checkClosed(vm, st);
  if (st.accumulating) return makeIntermediate(vm, st);
  return fromBuffer(vm, st, 0, st.stringSize);
}

/** stringio_close: the buffer shrunk to resize_buffer(0), the accumulator released. */
function close(vm: Vm, self: number): number {
  const st = stringioState(vm, self);
  st.closed = true;
  resizeBuffer(vm, st, 0);
  accumulateDrop(vm, st);
  return vm.s.None;
}

/** _io._IOBase.writelines: self.write(line) for each item (a method call each). */
function writelines(vm: Vm, self: number, args: readonly number[]): number {
  checkClosed(vm, stringioState(vm, self));
  const it = getIter(vm, args[0]);
  try {
    for (let line = iterNext(vm, it); line !== 0; line = iterNext(vm, it)) {
      try {
        vm.decref(callMethod(vm, self, 'write', [line], null));
      } finally {
        vm.decref(line);
      }
    }
  } finally {
    vm.decref(it);
  }
  return vm.s.None;
}

const m = (name: string, flags: number, impl: MethodDef['impl']): MethodDef => ({
  name,
  flags,
  impl,
  qualname: `StringIO.${name}`,
});
const yes = (vm: Vm, self: number): number => (checkClosed(vm, stringioState(vm, self)), vm.s.True);

const METHODS: Record<string, MethodDef> = {
  write: m('write', Meth.O, write),
  writelines: m('writelines', Meth.O, writelines),
  getvalue: m('getvalue', Meth.NoArgs, getvalue),
  read: m('read', Meth.Fastcall, read),
  readline: m('readline', Meth.Fastcall, readline),
  seek: m('seek', Meth.Fastcall, seek),
  tell: m('tell', Meth.NoArgs, (vm, self) => {
    const st = stringioState(vm, self);
    checkClosed(vm, st);
    return fromSsize(vm, st.pos);
  }),
  truncate: m('truncate', Meth.Fastcall, truncate),
  close: m('close', Meth.NoArgs, close),
  readable: m('readable', Meth.NoArgs, yes),
  writable: m('writable', Meth.NoArgs, yes),
  seekable: m('seekable', Meth.NoArgs, yes),
  flush: m('flush', Meth.NoArgs, (vm, self) => (checkClosed(vm, stringioState(vm, self)), vm.s.None)),
  __enter__: m('__enter__', Meth.NoArgs, (vm, self) => {
    checkClosed(vm, stringioState(vm, self));
    vm.incref(self);
    return self;
  }),
  __exit__: m('__exit__', Meth.Varargs, (vm, self) => callMethod(vm, self, 'close', [], null)),
};

/** stringio_new: tp_alloc (16 + 120), then buf = PyMem_Malloc(0). */
function stringioNew(vm: Vm, type: TypeSlots): number {
  const h = vm.newGcObject(type.id, vm.py.sizes.stringio);
  vm.table.side[h] = {
    buf: vm.mem.malloc(0),
    bufSize: 0,
    text: '',
    pos: 0,
    stringSize: 0,
    accumulating: false,
    accu: null,
    writer: null,
    closed: false,
    ok: false,
  } satisfies StringIOState;
  vm.gc.track(h);
  return h;
}

/**
 * _io_StringIO___init___impl(initial_value='', newline='\n'): resize_buffer(0); an initial value
 * is written into the realized buffer, otherwise the accumulator starts.
 */
function stringioInit(vm: Vm, h: number, args: number, kwargs: number): void {
  const kw: Kwargs | null = kwargs === 0 ? null : kwargsMap(vm, kwargs);
  const [value, newline] = unpackKeywords(
    vm,
    'StringIO',
    Array.from(tupleItems(vm, args)),
    kw,
    ['initial_value', 'newline'],
    0,
    2,
  );
  if (newline !== 0 && newline !== vm.s.None && !vm.typeOf(newline).mro.includes(T.Str))
    throw typeError(vm, 'newline must be str or None, not %.200s', typeName(vm, newline));
  if (newline !== 0 && (newline === vm.s.None || strValue(vm, newline) !== '\n')) {
    const nl = newline === vm.s.None ? null : strValue(vm, newline);
    if (nl !== null && nl !== '' && nl !== '\r' && nl !== '\r\n')
      throw valueError(vm, 'illegal newline value: %R', newline);
    throw new NotSupported(`io.StringIO(newline=${nl === null ? 'None' : JSON.stringify(nl)})`);
  }
  if (value !== 0 && value !== vm.s.None && !vm.typeOf(value).mro.includes(T.Str))
    throw typeError(vm, 'initial_value must be str or None, not %.200s', typeName(vm, value));
  const st = vm.table.side[h] as StringIOState;
  st.ok = false;
  accumulateDrop(vm, st);
  st.stringSize = 0;
  const valueLen = value !== 0 && value !== vm.s.None ? vm.table.n[value] : 0;
  resizeBuffer(vm, st, 0);
  if (valueLen > 0) {
    st.accumulating = false;
    st.pos = 0;
    st.text = '';
    writeStr(vm, st, value);
  } else {
    accumulateStart(vm, st);
    st.accumulating = true;
  }
  st.pos = 0;
  st.closed = false;
  st.ok = true;
}

function kwargsMap(vm: Vm, d: number): Kwargs {
  const out: Kwargs = new Map();
  const data = vm.table.side[d] as HashIndex & { nentries: number };
  for (let i = 0; i < data.nentries; i++)
    if (valueAt(data, i)) out.set(strValue(vm, keyAt(data, i)), valueAt(data, i));
  return out;
}

function stringioDealloc(vm: Vm, h: number): void {
  vm.gc.untrack(h);
  const st = vm.table.side[h] as StringIOState;
  vm.table.side[h] = undefined;
  st.ok = false;
  vm.mem.free(st.buf);
  accumulateDrop(vm, st);
  vm.gcDel(h);
}

export const StringIOType = (vm: Vm, id: number): TypeSlots =>
  defineType({
    id,
    name: 'StringIO',
    module: '_io',
    basicsize: vm.py.sizes.stringio,
    flags: TpFlags.HaveGc | TpFlags.BaseType,
    dealloc: stringioDealloc,
    traverse: (vm, h, visit) => {
      const st = vm.table.side[h] as StringIOState | undefined;
      if (st?.accu) {
        if (st.accu.small) visit(st.accu.small);
        if (st.accu.large) visit(st.accu.large);
      }
    },
    reprText: (vm, h) => `<_io.StringIO object at 0x${vm.id(h).toString(16)}>`,
    new: (vm, type) => stringioNew(vm, type),
    init: stringioInit,
    iter: (vm, h) => {
      checkClosed(vm, stringioState(vm, h));
      vm.incref(h);
      return h;
    },
    // stringio_iternext: a line (realized first), none at the end
    iternext: (vm, h) => {
      const st = stringioState(vm, h);
      checkClosed(vm, st);
      realize(vm, st);
      const line = readlineText(vm, st, -1);
      if (vm.table.n[line] === 0) {
        vm.decref(line);
        return 0;
      }
      return line;
    },
    methods: METHODS,
    getset: {
      closed: { name: 'closed', get: (vm, h) => vm.s.bool(stringioState(vm, h).closed) },
      line_buffering: { name: 'line_buffering', get: (vm) => vm.s.False },
      newlines: { name: 'newlines', get: (vm) => vm.s.None },
    },
  });

export const stringioType = (vm: Vm): TypeSlots => moduleType(vm, StringIOType);
