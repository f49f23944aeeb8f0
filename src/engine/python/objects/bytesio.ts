import { strValue } from './str';
import { callMethod } from '../abstract/call';
import { raiseFormat, raiseString, typeError } from '../abstract/errors';
import { getIter, iterNext } from '../abstract/iter';
import { asSsize } from '../abstract/number';
import { typeName } from '../abstract/object';
import type { Vm } from '../runtime/vm';
import { BYTES_HEADER, byteLength, byteString, bytesContent } from './bytes';
import {
  STORE_PAGE,
  contentBytes,
  contentCopy,
  contentFromBytes,
  writeContent,
  type ByteContent,
} from './bytestore';
import { E, exc } from './exctypes';
import { unpackKeywords } from './getargs';
import { fromSsize } from './int';
import { moduleType } from './modtypes';
import { getbuffer } from './bytesiobuffer';
import { bytesioReadinto } from './bytesioreadinto';
import { listAppend, listNew } from './list';
import { tupleItems } from './tuple';
import { Meth, T, TpFlags, defineType, type Kwargs, type MethodDef, type TypeSlots } from './types';
import { keyAt, valueAt, type HashIndex } from './dictindex';

/**
 * io.BytesIO (Modules/_io/bytesio.c, 3.11): a 16 GC + 64 byte object whose buffer is a bytes
 * object. A new BytesIO shares the empty bytes singleton (or the bytes it was given: no copy);
 * the first write that must change a shared buffer copies it (unshare_buffer: a new bytes of the
 * needed size). resize_buffer grows it as StringIO does (exact + 1 for a major upsize, list_resize's
 * over-allocation for an upsize within 1/8) with _PyBytes_Resize — a realloc, in place when the
 * buffer is not shared. getvalue() cuts the buffer to the data (a realloc) and returns the buffer
 * object itself, so the BytesIO and the caller share it until the next write copies it.
 */
export interface BytesIOState {
  /**
   * The buffer: a bytes object. Its content (vm.table.side) is written in place while only the
   * BytesIO holds it: a ByteStore once past 256 bytes, so a run of 100,000 12-byte writes costs
   * 100,000 page copies, not 100,000 splices of a growing string (that was quadratic: 1.2 MB
   * re-flattened per write, struct_array_deepcopy timed out at 300 s).
   */
  buf: number;
  pos: number;
  stringSize: number;
  exports: number;
  closed: boolean;
}

export const BYTESIO_BASIC = 64;

export function bytesioState(vm: Vm, h: number): BytesIOState {
  return vm.table.side[h] as BytesIOState;
}

/** The buffer's current content (all n[buf] bytes, past string_size too). */
const contentOf = (vm: Vm, st: BytesIOState): ByteContent => bytesContent(vm, st.buf);

/** Bytes [lo, hi) of the buffer. */
export function bytesioBytes(vm: Vm, st: BytesIOState, lo: number, hi: number): Uint8Array {
  return contentBytes(contentOf(vm, st), lo, Math.max(lo, hi));
}

export function checkClosed(vm: Vm, st: BytesIOState): void {
  if (st.buf === 0 || st.closed) throw raiseString(vm, E.ValueError, 'I/O operation on closed file.');
}

function checkExports(vm: Vm, st: BytesIOState): void {
  if (st.exports > 0)
    throw raiseString(vm, exc('BufferError'), 'Existing exports of data: object cannot be re-sized');
}

export const shared = (vm: Vm, st: BytesIOState): boolean => vm.table.refcnt[st.buf] > 1 || vm.isImmortal(st.buf);

/** A bytes object of `size` bytes starting with `data` (PyBytes_FromStringAndSize(NULL, size) + copy). */
function bytesOfSize(vm: Vm, data: Uint8Array, size: number): number {
  const h = vm.newObject(T.Bytes, BYTES_HEADER + size);
  vm.mem.touch(vm.table.addr[h], BYTES_HEADER + Math.min(size, data.length));
  vm.table.n[h] = size;
  const full = new Uint8Array(size);
  full.set(data.subarray(0, size));
  vm.table.side[h] = contentFromBytes(full);
  return h;
}

/** unshare_buffer: a private copy of `size` bytes (the first string_size copied). */
export function unshare(vm: Vm, st: BytesIOState, size: number): void {
  const nb = bytesOfSize(vm, bytesioBytes(vm, st, 0, st.stringSize), size);
  vm.decref(st.buf);
  st.buf = nb;
}

/** The content cut or zero-extended to `size` bytes (a store is changed in place). */
function resizedContent(c: ByteContent, size: number): ByteContent {
  if (typeof c === 'string') return c.length >= size ? c.slice(0, size) : c.padEnd(size, '\0');
  if (size < c.length && c.pages)
    for (const [p, page] of [...c.pages]) {
      const base = p * STORE_PAGE;
      if (base >= size) c.pages.delete(p);
      else if (base + STORE_PAGE > size) page.fill(c.fill, size - base);
    }
  c.length = size;
  return c;
}

/** _PyBytes_Resize of the private buffer: PyObject_Realloc(33 + size). */
function resizeBytes(vm: Vm, st: BytesIOState, size: number): void {
  const t = vm.table;
  const p = vm.mem.realloc(t.addr[st.buf], BYTES_HEADER + size);
  const old = t.n[st.buf];
  if (size > old) vm.mem.touch(p + BYTES_HEADER + old, size - old);
  t.addr[st.buf] = p;
  t.n[st.buf] = size;
  t.side[st.buf] = resizedContent(contentOf(vm, st), size);
}

/** resize_buffer. */
function resizeBuffer(vm: Vm, st: BytesIOState, size: number): void {
  let alloc = vm.table.n[st.buf];
  if (size < Math.floor(alloc / 2)) alloc = size + 1;
  else if (size < alloc) return;
  else if (size <= alloc * 1.125) alloc = size + (size >> 3) + (size < 9 ? 3 : 6);
  else alloc = size + 1;
  if (shared(vm, st)) unshare(vm, st, alloc);
  else resizeBytes(vm, st, alloc);
}

/**
 * The buffer handed out (getvalue, a whole read): its content becomes what any bytes holds — a
 * string up to 1 MiB, else a store of its own — so the BytesIO's later in-place writes (after
 * the caller let it go) never reach content another object may have taken.
 */
function publish(vm: Vm, st: BytesIOState): number {
  const c = contentOf(vm, st);
  if (typeof c !== 'string')
    vm.table.side[st.buf] = c.length <= 1 << 20 ? (byteString(c) ?? '') : contentCopy(c);
  vm.incref(st.buf);
  return st.buf;
}

/** The bytes of a bytes-like argument (bytes, bytearray). */
function bufferOf(vm: Vm, h: number): Uint8Array {
  const t = vm.table.type[h];
  if (t === T.Bytes || t === T.ByteArray) {
    const c = bytesContent(vm, h);
    return contentBytes(c, 0, byteLength(c));
  }
  throw typeError(vm, "a bytes-like object is required, not '%.100s'", typeName(vm, h));
}

/** write_bytes: memcpy into the (private) buffer at pos; a gap past string_size is zeroed. */
function writeBytes(vm: Vm, st: BytesIOState, b: number): number {
  checkClosed(vm, st);
  checkExports(vm, st);
  const data = bufferOf(vm, b);
  const len = data.length;
  if (len === 0) return 0;
  const endpos = st.pos + len;
  if (endpos > vm.table.n[st.buf]) resizeBuffer(vm, st, endpos);
  else if (shared(vm, st)) unshare(vm, st, Math.max(endpos, st.stringSize));
  let c = contentOf(vm, st);
  if (st.pos > st.stringSize) c = writeContent(c, st.stringSize, new Uint8Array(st.pos - st.stringSize));
  vm.table.side[st.buf] = writeContent(c, st.pos, data);
  vm.mem.touch(vm.table.addr[st.buf] + BYTES_HEADER + st.pos, len);
  st.pos = endpos;
  if (st.stringSize < endpos) st.stringSize = endpos;
  return len;
}

/** PyBytes_FromStringAndSize(data, n): '' and 1-byte results are the singletons. */
function bytesFrom(vm: Vm, data: Uint8Array): number {
  if (data.length === 0) return vm.s.emptyBytes;
  if (data.length === 1) return vm.s.byteChar(data[0]);
  return bytesOfSize(vm, data, data.length);
}

function getvalue(vm: Vm, self: number): number {
  const st = bytesioState(vm, self);
  checkClosed(vm, st);
  if (st.stringSize <= 1 || st.exports > 0) return bytesFrom(vm, bytesioBytes(vm, st, 0, st.stringSize));
  if (st.stringSize !== vm.table.n[st.buf]) {
    if (shared(vm, st)) unshare(vm, st, st.stringSize);
    else resizeBytes(vm, st, st.stringSize);
  }
  return publish(vm, st);
}

/** read_bytes: the whole buffer from 0 is the buffer itself; anything else a new bytes. */
function readBytes(vm: Vm, st: BytesIOState, size: number): number {
  if (size > 1 && st.pos === 0 && size === vm.table.n[st.buf] && st.exports === 0) {
    st.pos += size;
    return publish(vm, st);
  }
  const out = bytesFrom(vm, bytesioBytes(vm, st, st.pos, Math.min(st.pos + size, st.stringSize)));
  st.pos += size;
  return out;
}

const sizeArg = (vm: Vm, h: number | undefined): number =>
  h === undefined || h === vm.s.None ? -1 : asSsize(vm, h, E.OverflowError);

function read(vm: Vm, self: number, args: readonly number[]): number {
  const st = bytesioState(vm, self);
  checkClosed(vm, st);
  let size = sizeArg(vm, args[0]);
  const n = st.stringSize - st.pos;
  if (size < 0 || size > n) size = Math.max(0, n);
  return readBytes(vm, st, size);
}

/** scan_eol: bytes from pos through the next newline (or to string_size), at most `limit` when ≥ 0. */
function scanEol(vm: Vm, st: BytesIOState, limit: number): number {
  const c = contentOf(vm, st);
  const end = limit >= 0 ? Math.min(st.stringSize, st.pos + limit) : st.stringSize;
  // in 4 KiB chunks: a line is found without copying the rest of a big buffer
  for (let i = st.pos; i < end; i += STORE_PAGE) {
    const k = contentBytes(c, i, Math.min(end, i + STORE_PAGE)).indexOf(10);
    if (k >= 0) return i + k + 1 - st.pos;
  }
  return Math.max(0, end - st.pos);
}

function readline(vm: Vm, self: number, args: readonly number[]): number {
  const st = bytesioState(vm, self);
  checkClosed(vm, st);
  return readBytes(vm, st, scanEol(vm, st, sizeArg(vm, args[0])));
}

/** _io_BytesIO_readlines_impl: a new bytes per line (never the buffer itself), up to the hint. */
function readlines(vm: Vm, self: number, args: readonly number[]): number {
  const st = bytesioState(vm, self);
  checkClosed(vm, st);
  const hint = sizeArg(vm, args[0]);
  const out = listNew(vm, 0);
  let total = 0;
  for (let n = scanEol(vm, st, -1); n !== 0; n = scanEol(vm, st, -1)) {
    const line = bytesFrom(vm, bytesioBytes(vm, st, st.pos, st.pos + n));
    st.pos += n;
    listAppend(vm, out, line); // steals the line
    total += n;
    if (hint > 0 && total >= hint) break;
  }
  return out;
}

function seek(vm: Vm, self: number, args: readonly number[]): number {
  const st = bytesioState(vm, self);
  let pos = asSsize(vm, args[0], E.OverflowError);
  const whence = args.length > 1 ? asSsize(vm, args[1], E.OverflowError) : 0;
  checkClosed(vm, st);
  if (pos < 0 && whence === 0) throw raiseFormat(vm, E.ValueError, 'negative seek value %zd', pos);
  if (whence === 1) pos = pos > Number.MAX_SAFE_INTEGER - st.pos ? Number.MAX_SAFE_INTEGER : pos + st.pos;
  else if (whence === 2) pos = st.stringSize + pos;
  else if (whence !== 0)
    throw raiseFormat(vm, E.ValueError, 'invalid whence (%i, should be 0, 1 or 2)', whence);
  if (pos < 0) pos = 0;
  st.pos = pos;
  return fromSsize(vm, pos);
}

function truncate(vm: Vm, self: number, args: readonly number[]): number {
  const st = bytesioState(vm, self);
  checkClosed(vm, st);
  checkExports(vm, st);
  const size = args.length && args[0] !== vm.s.None ? asSsize(vm, args[0], E.OverflowError) : st.pos;
  if (size < 0) throw raiseFormat(vm, E.ValueError, 'negative size value %zd', size);
  if (size < st.stringSize) {
    st.stringSize = size;
    resizeBuffer(vm, st, size);
  }
  return fromSsize(vm, size);
}

function writelines(vm: Vm, self: number, args: readonly number[]): number {
  checkClosed(vm, bytesioState(vm, self));
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
  qualname: `BytesIO.${name}`,
});
const yes = (vm: Vm, self: number): number => (checkClosed(vm, bytesioState(vm, self)), vm.s.True);

const METHODS: Record<string, MethodDef> = {
  write: m('write', Meth.O, (vm, self, a) => fromSsize(vm, writeBytes(vm, bytesioState(vm, self), a[0]))),
  writelines: m('writelines', Meth.O, writelines),
  getvalue: m('getvalue', Meth.NoArgs, getvalue),
  getbuffer: m('getbuffer', Meth.NoArgs, getbuffer),
  read: m('read', Meth.Fastcall, read),
  read1: m('read1', Meth.Fastcall, read),
  readinto: m('readinto', Meth.O, (vm, self, a) => bytesioReadinto(vm, self, a[0])),
  readline: m('readline', Meth.Fastcall, readline),
  readlines: m('readlines', Meth.Fastcall, readlines),
  seek: m('seek', Meth.Fastcall, seek),
  tell: m('tell', Meth.NoArgs, (vm, self) => {
    const st = bytesioState(vm, self);
    checkClosed(vm, st);
    return fromSsize(vm, st.pos);
  }),
  truncate: m('truncate', Meth.Fastcall, truncate),
  close: m('close', Meth.NoArgs, (vm, self) => {
    const st = bytesioState(vm, self);
    checkExports(vm, st);
    st.closed = true;
    const b = st.buf;
    st.buf = 0;
    if (b) vm.decref(b);
    return vm.s.None;
  }),
  readable: m('readable', Meth.NoArgs, yes),
  writable: m('writable', Meth.NoArgs, yes),
  seekable: m('seekable', Meth.NoArgs, yes),
  flush: m('flush', Meth.NoArgs, (vm, self) => (checkClosed(vm, bytesioState(vm, self)), vm.s.None)),
  __enter__: m('__enter__', Meth.NoArgs, (vm, self) => {
    checkClosed(vm, bytesioState(vm, self));
    vm.incref(self);
    return self;
  }),
  __exit__: m('__exit__', Meth.Varargs, (vm, self) => callMethod(vm, self, 'close', [], null)),
};

/** bytesio_new: tp_alloc (16 + 64); the buffer is the empty bytes singleton. */
function bytesioNew(vm: Vm, type: TypeSlots): number {
  const h = vm.newGcObject(type.id, BYTESIO_BASIC);
  vm.table.side[h] = {
    buf: vm.s.emptyBytes,
    pos: 0,
    stringSize: 0,
    exports: 0,
    closed: false,
  } satisfies BytesIOState;
  vm.gc.track(h);
  return h;
}

/** _io_BytesIO___init___impl(initial_bytes=b''): exact bytes are shared, anything else written. */
function bytesioInit(vm: Vm, h: number, args: number, kwargs: number): void {
  const kw: Kwargs | null = kwargs === 0 ? null : kwargsOf(vm, kwargs);
  const [initvalue] = unpackKeywords(
    vm,
    'BytesIO',
    Array.from(tupleItems(vm, args)),
    kw,
    ['initial_bytes'],
    0,
    1,
  );
  const st = bytesioState(vm, h);
  checkExports(vm, st);
  if (initvalue !== 0 && vm.table.type[initvalue] === T.Bytes) {
    vm.incref(initvalue);
    const old = st.buf;
    st.buf = initvalue;
    st.stringSize = vm.table.n[initvalue];
    if (old) vm.decref(old);
  } else {
    st.stringSize = 0;
    if (initvalue !== 0 && initvalue !== vm.s.None) writeBytes(vm, st, initvalue);
  }
  st.pos = 0;
}

function kwargsOf(vm: Vm, d: number): Kwargs {
  const out: Kwargs = new Map();
  const data = vm.table.side[d] as HashIndex & { nentries: number };
  for (let i = 0; i < data.nentries; i++)
    if (valueAt(data, i)) out.set(strValue(vm, keyAt(data, i)), valueAt(data, i));
  return out;
}

export const BytesIOType = (_vm: Vm, id: number): TypeSlots =>
  defineType({
    id,
    name: 'BytesIO',
    module: '_io',
    basicsize: BYTESIO_BASIC,
    flags: TpFlags.HaveGc | TpFlags.BaseType,
    dealloc: (vm, h) => {
      vm.gc.untrack(h);
      const st = bytesioState(vm, h);
      vm.table.side[h] = undefined;
      if (st.buf) vm.decref(st.buf);
      vm.gcDel(h);
    },
    traverse: (vm, h, visit) => {
      const st = bytesioState(vm, h);
      if (st?.buf && vm.table.refcnt[st.buf] === 1) visit(st.buf);
    },
    // bytesio_sizeof: the object, plus the buffer when it is not shared
    sizeof: (vm, h) => {
      const st = bytesioState(vm, h);
      return BYTESIO_BASIC + (st.buf && !shared(vm, st) ? BYTES_HEADER + vm.table.n[st.buf] : 0);
    },
    reprText: (vm, h) => `<_io.BytesIO object at 0x${vm.id(h).toString(16)}>`,
    new: (vm, type) => bytesioNew(vm, type),
    init: bytesioInit,
    iter: (vm, h) => {
      checkClosed(vm, bytesioState(vm, h));
      vm.incref(h);
      return h;
    },
    iternext: (vm, h) => {
      const st = bytesioState(vm, h);
      checkClosed(vm, st);
      const line = readline(vm, h, []);
      if (vm.table.n[line] === 0) {
        vm.decref(line);
        return 0;
      }
      return line;
    },
    methods: METHODS,
    getset: {
      closed: {
        name: 'closed',
        get: (vm, h) => vm.s.bool(bytesioState(vm, h).buf === 0 || bytesioState(vm, h).closed),
      },
    },
  });

export const bytesioType = (vm: Vm): TypeSlots => moduleType(vm, BytesIOType);
