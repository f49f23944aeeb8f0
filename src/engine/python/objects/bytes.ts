import { NotSupported, memoryError } from '../errors';
import { cmpResult } from '../abstract/compare';
import { raiseString, typeError } from '../abstract/errors';
import { asSsize, hasIndex } from '../abstract/number';
import { typeName } from '../abstract/object';
import type { Vm } from '../runtime/vm';
import { bytearrayFromString } from './bytearray';
import { readAllBytes, readBytes, readBytesStrided } from './bytesread';
import { contentBytes, contentFromBytes, isUniform, storeByte, type ByteContent } from './bytestore';
import { BYTES_METHODS } from './bytesmethods';
import { bytesIterNew } from './bytesiter';
import { bytesContains } from './bytessearch';
import { bytesRemainder } from './bytesformat';
import { bytesTypeNew } from './bytesnew';
import { E } from './exctypes';
import { sliceIndices } from './slice';
import { Cmp, NB, T, TpFlags, defineType, numberSlots, type TypeSlots } from './types';

/**
 * bytes (Objects/bytesobject.c): one allocation of PyBytesObject_SIZE = 33 + n bytes
 * (_PyBytes_FromSize: PyObject_Malloc, or PyObject_Calloc for bytes(n)). Contents are kept as a
 * latin-1 JS string, or as a uniform fill for the big zero-filled ones (bytes(10**8) must not
 * become a 100 MB JS string). The rest of bytes: `bytesnew.ts` (the constructor), `bytesformat.ts`
 * (%), `bytesmethods.ts`, `bytessearch.ts`, `byteswriter.ts` (_PyBytesWriter); bytearray is
 * `bytearray.ts`, `bytearrayslice.ts`, `bytearrayops.ts`.
 */
export const BYTES_HEADER = 33;

export type { ByteContent, ByteStore } from './bytestore';

export function byteLength(c: ByteContent): number {
  return typeof c === 'string' ? c.length : c.length;
}

export function byteAt(c: ByteContent, i: number): number {
  if (typeof c === 'string') return c.charCodeAt(i);
  return storeByte(c, i);
}

/**
 * Contents up to this many bytes are spelled out as a latin-1 JS string when an operation needs
 * their text (64 MB of V8 one-byte string; the C code reads as many). Beyond it an operation that
 * needs the text stops with NotSupported rather than stall the page: bytes(10**9) still works as a
 * fill, b'a' * 10**9 too, but its .upper() does not.
 */
export const BYTE_TEXT_LIMIT = 64 << 20;

/** The content as a string, when small enough to spell out (up to BYTE_TEXT_LIMIT bytes). */
export function byteString(c: ByteContent): string | null {
  if (typeof c === 'string') return c;
  if (c.length > BYTE_TEXT_LIMIT) return null;
  if (isUniform(c)) return String.fromCharCode(c.fill).repeat(c.length);
  return latin1Text(contentBytes(c, 0, c.length));
}

/** Byte values as the latin-1 string bytes objects hold (8 KiB at a time: the argument limit). */
export function latin1Text(u8: Uint8Array): string {
  let s = '';
  for (let i = 0; i < u8.length; i += 8192) s += String.fromCharCode(...u8.subarray(i, i + 8192));
  return s;
}

export function bytesContent(vm: Vm, h: number): ByteContent {
  return vm.table.side[h] as ByteContent;
}

/** A new bytes object (empty and 1-byte values are the singletons, as _PyBytes_FromSize returns). */
export function bytesNew(vm: Vm, c: ByteContent, zeroed = false): number {
  const n = byteLength(c);
  if (n === 0) return vm.s.emptyBytes;
  if (n === 1) return vm.s.byteChar(byteAt(c, 0));
  return bytesAlloc(vm, c, zeroed);
}

/** PyBytes_FromStringAndSize(NULL, n) then a copy in: no 1-byte singleton (there is no char yet). */
export function bytesCopy(vm: Vm, text: ByteContent): number {
  return byteLength(text) === 0 ? vm.s.emptyBytes : bytesAlloc(vm, text, false);
}

/** PyBytes_FromStringAndSize(NULL, n) whose bytes are written later (only the header touched now). */
export function bytesUninit(vm: Vm, n: number): number {
  return bytesAlloc(vm, { fill: 0, length: n }, true, false);
}

/** PyBytesObject_SIZE + n bytes from PyObject_Malloc (or _Calloc), holding `c`. */
function bytesAlloc(vm: Vm, c: ByteContent, zeroed: boolean, calloc = zeroed): number {
  const n = byteLength(c);
  const size = BYTES_HEADER + n;
  const p = calloc ? vm.mem.calloc(1, size) : vm.mem.malloc(size);
  if (p === 0) throw memoryError();
  // PyObject_Calloc leaves the zeroing to the allocator; a copy writes every byte.
  vm.mem.touch(p, zeroed ? BYTES_HEADER : size);
  const h = vm.table.newHandle(T.Bytes);
  vm.table.addr[h] = p;
  vm.table.n[h] = n;
  vm.table.side[h] = c;
  return h;
}

export function bytesRepr(c: ByteContent): string {
  const s = byteString(c);
  if (s === null) return `b'...' (${byteLength(c)} bytes)`;
  // PyBytes_Repr: double quotes when the bytes hold a ' and no "
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = 'b' + quote;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (s[i] === quote || ch === 92) out += '\\' + s[i];
    else if (ch >= 32 && ch < 127) out += s[i];
    else if (ch === 10) out += '\\n';
    else if (ch === 13) out += '\\r';
    else if (ch === 9) out += '\\t';
    else out += '\\x' + ch.toString(16).padStart(2, '0');
  }
  return out + quote;
}

/** The JS string of a bytes-like operand, or null when it is not one (NotImplemented). */
export function bytesOf(vm: Vm, h: number): string | null {
  const type = vm.table.type[h];
  if (type !== T.Bytes && type !== T.ByteArray && !(vm.types[type].flags & TpFlags.BytesSubclass))
    return null;
  const s = byteString(vm.table.side[h] as ByteContent);
  if (s === null) throw new NotSupported('operating on bytes over 64 MiB');
  return s;
}

/** The content of `a` then `b`: a string up to 1 MiB, one fill when both are that fill, else a store. */
function concatContent(a: ByteContent, b: ByteContent): ByteContent {
  const na = byteLength(a);
  const n = na + byteLength(b);
  if (typeof a === 'string' && typeof b === 'string' && n <= 1 << 20) return a + b;
  const fillOf = (c: ByteContent): number | null =>
    byteLength(c) === 0 ? -1 : isUniform(c) ? (c as { fill: number }).fill : null;
  const fa = fillOf(a);
  const fb = fillOf(b);
  if (fa !== null && fb !== null && (fa === fb || fa < 0 || fb < 0)) return { fill: Math.max(fa, fb, 0), length: n };
  if (n > 64 << 20) throw new NotSupported('concatenating bytes over 64 MiB');
  const out = new Uint8Array(n);
  out.set(contentBytes(a, 0, na), 0);
  out.set(contentBytes(b, 0, byteLength(b)), na);
  return contentFromBytes(out);
}

/**
 * bytes_concat: an empty operand gives the other one back (when it is exact bytes); else a new
 * bytes (not zeroed) and a memcpy of each operand, whose pages are read.
 */
function bytesConcat(vm: Vm, a: number, b: number): number {
  if (!isBytesLike(vm, b)) throw typeError(vm, "can't concat %.100s to %.100s", typeName(vm, b), typeName(vm, a));
  const ca = bytesContent(vm, a);
  const cb = bytesContent(vm, b);
  if (vm.table.n[a] === 0 && vm.table.type[b] === T.Bytes) {
    vm.incref(b);
    return b;
  }
  if (vm.table.n[b] === 0) {
    vm.incref(a);
    return a;
  }
  const out = bytesNew(vm, concatContent(ca, cb));
  readAllBytes(vm, a);
  readAllBytes(vm, b);
  return out;
}

function bytesRepeat(vm: Vm, a: number, n: number): number {
  const c = bytesContent(vm, a);
  if (n === 1) {
    vm.incref(a);
    return a;
  }
  const len = byteLength(c) * Math.max(0, n);
  if (n > 1) readAllBytes(vm, a); // bytes_repeat's memcpy (a 1-byte source is a memset: no buffer read)
  const s = byteString(c);
  let content: ByteContent;
  if (s !== null && s.length === 1) content = { fill: s.charCodeAt(0), length: len };
  else if (isUniform(c)) content = { fill: (c as { fill: number }).fill, length: len };
  else if (s !== null && len < 1 << 24) content = s.repeat(Math.max(0, n));
  else if (len <= 64 << 20) {
    const unit = contentBytes(c, 0, byteLength(c));
    const out = new Uint8Array(len);
    for (let at = 0; at < len; at += unit.length) out.set(unit, at);
    content = contentFromBytes(out);
  } else throw new NotSupported('a repeat of mixed bytes past 64 MiB');
  return bytesNew(vm, content);
}

/** bytes_subscript / bytearray_subscript: an index is a small int; a slice a new object. */
export function bytesSubscript(vm: Vm, c: number, key: number): number {
  const t = vm.table;
  const isBytes = t.type[c] === T.Bytes;
  const content = t.side[c] as ByteContent;
  const len = t.n[c];
  if (t.type[key] === T.Slice) {
    const sl = sliceIndices(vm, key, len);
    // bytes_subscript: the whole of an exact bytes is the bytes itself (nothing copied or read)
    if (isBytes && sl.start === 0 && sl.step === 1 && sl.length === len) {
      vm.incref(c);
      return c;
    }
    readBytesStrided(vm, c, sl.start, sl.step, sl.length); // the memcpy or the loop's source
    let out: ByteContent;
    if (sl.step === 1 && typeof content === 'string') out = content.slice(sl.start, sl.start + sl.length);
    else if (isUniform(content) && sl.length > 1 << 20) out = { fill: (content as { fill: number }).fill, length: sl.length };
    else if (sl.step === 1) out = contentFromBytes(contentBytes(content, sl.start, sl.start + sl.length));
    else {
      const u8 = new Uint8Array(sl.length);
      for (let k = 0, p = sl.start; k < sl.length; k++, p += sl.step) u8[k] = byteAt(content, p);
      out = contentFromBytes(u8);
    }
    return isBytes ? bytesNew(vm, out) : bytearrayFromString(vm, out);
  }
  if (!hasIndex(vm, key))
    throw typeError(vm, 'byte indices must be integers or slices, not %.200s', typeName(vm, key));
  let i = asSsize(vm, key, E.IndexError);
  if (i < 0) i += len;
  if (i < 0 || i >= len)
    throw raiseString(vm, E.IndexError, isBytes ? 'index out of range' : 'bytearray index out of range');
  readBytes(vm, c, i, 1); // its page faults in (measured: bytes(8_000_000)[-1] +4 KB)
  return vm.s.smallInt(byteAt(content, i));
}

/** A bytes-like operand of ==, <, ... (bytes, a subclass, bytearray); else NotImplemented. */
const isBytesLike = (vm: Vm, h: number): boolean => {
  const type = vm.table.type[h];
  return type === T.Bytes || type === T.ByteArray || (vm.types[type].flags & TpFlags.BytesSubclass) !== 0;
};

/** memcmp over [0, n): the first index where a and b differ, n when none (also how far it read). */
function firstDifference(a: ByteContent, b: ByteContent, n: number): number {
  if (typeof a === 'string' && typeof b === 'string') {
    for (let i = 0; i < n; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) return i;
    return n;
  }
  if (isUniform(a) && isUniform(b)) return (a as { fill: number }).fill === (b as { fill: number }).fill ? n : 0;
  if (n > 64 << 20) throw new NotSupported('comparing bytes over 64 MiB');
  for (let i = 0; i < n; i++) if (byteAt(a, i) !== byteAt(b, i)) return i;
  return n;
}

/**
 * bytes_richcompare / bytearray_richcompare: the same object is equal without a read (bytes only);
 * == and != of different lengths read nothing; else memcmp reads both up to the first difference,
 * and those pages fault in (bytes(n) == bytes(n): +2 × n real, measured).
 */
export function bytesRichcompare(vm: Vm, a: number, b: number, op: Cmp): number {
  if (!isBytesLike(vm, a) || !isBytesLike(vm, b) || (vm.table.type[b] !== T.Bytes && vm.table.type[a] === T.Bytes))
    return vm.s.NotImplemented;
  const t = vm.table;
  const na = t.n[a];
  const nb = t.n[b];
  if (a === b && t.type[a] === T.Bytes) return vm.s.bool(cmpResult(0, op));
  if (na !== nb && (op === Cmp.EQ || op === Cmp.NE)) return vm.s.bool(op === Cmp.NE);
  const n = Math.min(na, nb);
  const ca = t.side[a] as ByteContent;
  const cb = t.side[b] as ByteContent;
  const d = firstDifference(ca, cb, n);
  readBytes(vm, a, 0, Math.min(n, d + 1));
  readBytes(vm, b, 0, Math.min(n, d + 1));
  const c = d < n ? byteAt(ca, d) - byteAt(cb, d) : na - nb;
  return vm.s.bool(cmpResult(c < 0 ? -1 : c > 0 ? 1 : 0, op));
}

export const BytesType = (): TypeSlots =>
  defineType({
    id: T.Bytes,
    name: 'bytes',
    basicsize: BYTES_HEADER,
    itemsize: 1,
    flags: TpFlags.BaseType | TpFlags.BytesSubclass,
    dealloc: (vm, h) => vm.objectFree(h),
    // bytes_sizeof: tp_basicsize + ob_size × tp_itemsize of the object's own type
    sizeof: (vm, h) => vm.typeOf(h).basicsize + vm.table.n[h],
    reprText: (vm, h) => bytesRepr(bytesContent(vm, h)),
    hash: (vm, h) => {
      const s = byteString(vm.table.side[h] as ByteContent);
      return s === null ? `\u0000b#${h}` : '\u0000b' + s;
    },
    richcompare: bytesRichcompare,
    number: numberSlots({ [NB.Remainder]: bytesRemainder }),
    methods: BYTES_METHODS,
    sequence: { length: (vm, h) => vm.table.n[h], concat: bytesConcat, repeat: bytesRepeat, contains: bytesContains },
    mapping: { length: (vm, h) => vm.table.n[h], subscript: bytesSubscript },
    iter: bytesIterNew,
    new: bytesTypeNew,
  });
