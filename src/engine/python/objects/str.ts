import { NotSupported, memoryError } from '../errors';
import type { Vm } from '../runtime/vm';
import { raiseString, typeError } from '../abstract/errors';
import { strFormat } from '../abstract/format';
import { asSsize, hasIndex } from '../abstract/number';
import { typeName } from '../abstract/object';
import { E } from './exctypes';
import { BIG_STR, sizeWords } from '../runtime/hostmem';
import { JOIN_ITEM_NS } from '../runtime/cwork';
import { sliceIndices } from './slice';
import { STR_METHODS } from './strmethods';
import { unicodeFormat } from './strformat';
import { STR_BYTES_MAX } from './strbytes';
import { F_HASHED, F_IMMORTAL } from './table';
import { Cmp, T, TpFlags, defineType, numberSlots, NB, type TypeSlots } from './types';
import { cmpResult } from '../abstract/compare';
import { strIterNew } from './iter';
import { str as pyStr } from '../abstract/repr';
import { tupleItem, tupleItems } from './tuple';
import { encodingArgs } from './codecerrors';
import { BYTES_METHODS } from './bytesmethods';
import { dictKwargs } from '../abstract/kwargs';
import { genericAlloc } from './object';

/**
 * str objects (Objects/unicodeobject.c, compact form only): PyUnicode_New(size, maxchar)
 * asks PyObject_Malloc for sizeof(PyASCIIObject) + (size + 1) bytes when every character
 * is ASCII, else sizeof(PyCompactUnicodeObject) + (size + 1) × 1, 2 or 4 (the version's:
 * 48 and 72 in 3.11, 40 and 56 from 3.12).
 * Columns: n = length in code points, cap = kind (0 ASCII, 1 latin-1, 2 UCS-2, 4 UCS-4), num =
 * the hash once computed (strHash), and the characters (read them with strValue):
 *   side       a JS string: static and interned strs, UCS-2/UCS-4 ones, and anything over 64
 *              characters (also whatever other code stored there: it wins);
 *   else bytes latin-1 code units, in the str's own `ptr` column when there are at most 8
 *              (ref = 0), else in vm.strBytes from granule `ref` (objects/strbytes.ts).
 * A million `str(i)` keep no JS object each: their characters live in the columns.
 */
export type StrKind = 0 | 1 | 2 | 4;

export function strKindOf(s: string): StrKind {
  // native scans first: a 20 MB ASCII text is one regex test, not 20 million charCodeAt calls
  if (s.length > 64) {
    if (!NON_ASCII.test(s)) return 0;
    if (!NON_LATIN1.test(s)) return 1;
    return HIGH_SURROGATE.test(s) ? 4 : 2;
  }
  let kind: StrKind = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) continue;
    if (c >= 0xd800 && c < 0xdc00) return 4;
    if (c >= 256) kind = 2;
    else if (kind === 0) kind = 1;
  }
  return kind;
}

const NON_ASCII = /[\u0080-\uffff]/;
const NON_LATIN1 = /[\u0100-\uffff]/;
const HIGH_SURROGATE = /[\ud800-\udbff]/;

export const maxKind = (a: StrKind, b: StrKind): StrKind => (a > b ? a : b);

/** Bytes PyUnicode_New asks for. */
export function strBytes(vm: Vm, len: number, kind: StrKind): number {
  const z = vm.py.sizes;
  return kind === 0 ? z.strAscii + len + 1 : z.strCompact + (len + 1) * kind;
}

/** Length in code points (differs from JS length only with astral characters). */
export function codePoints(s: string, kind: StrKind): number {
  if (kind !== 4) return s.length;
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** The characters of a str as a JS string (made from its bytes when it keeps them as bytes). */
export function strValue(vm: Vm, h: number): string {
  const s = vm.table.side[h];
  return s !== undefined ? (s as string) : strFromBytes(vm, h);
}

function strFromBytes(vm: Vm, h: number): string {
  const t = vm.table;
  const n = t.n[h];
  const r = t.ref[h];
  const bytes = r === 0 ? t.ptrBytes : vm.strBytes.data;
  const o = r === 0 ? h * 8 : r * 8;
  // up to 8 characters (a str in its own ptr column: str(i) of every i below 10**8) without a
  // subarray view made per call
  if (n <= 4) {
    if (n === 1) return String.fromCharCode(bytes[o]);
    if (n === 2) return String.fromCharCode(bytes[o], bytes[o + 1]);
    if (n === 3) return String.fromCharCode(bytes[o], bytes[o + 1], bytes[o + 2]);
    return String.fromCharCode(bytes[o], bytes[o + 1], bytes[o + 2], bytes[o + 3]);
  }
  if (n <= 8) {
    const head = String.fromCharCode(bytes[o], bytes[o + 1], bytes[o + 2], bytes[o + 3]);
    if (n === 5) return head + String.fromCharCode(bytes[o + 4]);
    if (n === 6) return head + String.fromCharCode(bytes[o + 4], bytes[o + 5]);
    if (n === 7) return head + String.fromCharCode(bytes[o + 4], bytes[o + 5], bytes[o + 6]);
    return head + String.fromCharCode(bytes[o + 4], bytes[o + 5], bytes[o + 6], bytes[o + 7]);
  }
  return String.fromCharCode.apply(null, bytes.subarray(o, o + n) as unknown as number[]);
}

/** The code unit at i (0 ≤ i < n) without making a JS string of the whole str. */
export function strCodeAt(vm: Vm, h: number, i: number): number {
  const t = vm.table;
  const s = t.side[h];
  if (s !== undefined) return (s as string).charCodeAt(i);
  const r = t.ref[h];
  return r === 0 ? t.ptrBytes[h * 8 + i] : vm.strBytes.data[r * 8 + i];
}

/**
 * Store a new str's characters (its n and cap already say how many and of which kind): latin-1
 * text of up to 64 characters as bytes, anything else as the JS string.
 */
function storeChars(vm: Vm, h: number, s: string, kind: StrKind): void {
  const t = vm.table;
  const n = s.length;
  if (kind > 1 || n > STR_BYTES_MAX) {
    t.side[h] = s;
    return;
  }
  let bytes = t.ptrBytes;
  let o = h * 8;
  if (n > 8) {
    const g = vm.strBytes.alloc(n);
    t.ref[h] = g;
    bytes = vm.strBytes.data;
    o = g * 8;
  }
  for (let i = 0; i < n; i++) bytes[o + i] = s.charCodeAt(i);
}

/** Give back a str's byte storage (its characters are about to change or the str is freed). */
function dropChars(vm: Vm, h: number): void {
  const t = vm.table;
  if (t.side[h] !== undefined) t.side[h] = undefined;
  else if (t.ref[h] !== 0) vm.strBytes.release(t.ref[h], t.n[h]);
  t.ref[h] = 0;
}

/** unicode_dealloc of a str that is not static: its byte storage, then PyObject_Free. */
function strDealloc(vm: Vm, h: number): void {
  vm.hostMem.release(h);
  dropChars(vm, h);
  if (vm.table.type[h] !== T.Str) {
    // a subclass's str is not compact: its characters are a block of their own
    const data = subtypeData.get(vm)?.get(h);
    if (data !== undefined) {
      subtypeData.get(vm)!.delete(h);
      vm.mem.free(data);
    }
  }
  vm.objectFree(h);
}

/** Where each str-subclass instance's characters are (unicode_subtype_new's data block). */
const subtypeData = new WeakMap<Vm, Map<number, number>>();

/**
 * unicode_subtype_new: tp_alloc(type, 0), then the characters of the exact str `tmp` copied into
 * a PyObject_Malloc((length + 1) × char_size) block: a non-compact str.
 */
function strSubtypeNew(vm: Vm, type: TypeSlots, tmp: number): number {
  const h = genericAlloc(vm, type, 0);
  const t = vm.table;
  const kind = t.cap[tmp] as StrKind;
  const s = strValue(vm, tmp);
  const bytes = (t.n[tmp] + 1) * (kind <= 1 ? 1 : kind);
  const data = vm.mem.malloc(bytes);
  if (data === 0) {
    vm.decref(h);
    throw memoryError();
  }
  vm.mem.touch(data, bytes);
  let m = subtypeData.get(vm);
  if (m === undefined) subtypeData.set(vm, (m = new Map()));
  m.set(h, data);
  t.n[h] = t.n[tmp];
  if (kind !== 0) t.cap[h] = kind;
  storeChars(vm, h, s, kind);
  return h;
}

/** FNV-1a over the UTF-16 code units (a latin-1 str's bytes are its code units: the same hash either way). */
export function stringHash(s: string): number {
  let x = 0x811c9dc5 | 0;
  for (let i = 0; i < s.length; i++) x = Math.imul(x ^ s.charCodeAt(i), 0x01000193);
  return x;
}

/** stringHash of a str's characters, read where they are. */
function charsHash(vm: Vm, h: number): number {
  const t = vm.table;
  const s = t.side[h];
  if (s !== undefined) return stringHash(s as string);
  const r = t.ref[h];
  const bytes = r === 0 ? t.ptrBytes : vm.strBytes.data;
  const o = r === 0 ? h * 8 : r * 8;
  let x = 0x811c9dc5 | 0;
  for (let i = o, end = o + t.n[h]; i < end; i++) x = Math.imul(x ^ bytes[i], 0x01000193);
  return x;
}

/**
 * The str's hash as dicts and sets use it (objects/dictindex.ts), cached in the `num` column as
 * ob_shash caches it (0 = not computed yet). Computing it marks the str hashed (F_HASHED): it can
 * no longer be resized in place, so the cache stays right.
 */
export function strHash(vm: Vm, h: number): number {
  const t = vm.table;
  t.flags[h] |= F_HASHED;
  let x = t.num[h];
  if (x === 0) {
    x = charsHash(vm, h);
    t.num[h] = x;
  }
  return x;
}

/** Two strs with the same characters (unicode_eq). */
export function strEquals(vm: Vm, a: number, b: number): boolean {
  if (a === b) return true;
  const t = vm.table;
  const n = t.n[a];
  if (n !== t.n[b]) return false;
  if (t.side[a] !== undefined || t.side[b] !== undefined) return strValue(vm, a) === strValue(vm, b);
  const ra = t.ref[a];
  const rb = t.ref[b];
  const da = ra === 0 ? t.ptrBytes : vm.strBytes.data;
  const db = rb === 0 ? t.ptrBytes : vm.strBytes.data;
  const oa = ra === 0 ? a * 8 : ra * 8;
  const ob = rb === 0 ? b * 8 : rb * 8;
  for (let i = 0; i < n; i++) if (da[oa + i] !== db[ob + i]) return false;
  return true;
}

export function strKind(vm: Vm, h: number): StrKind {
  return vm.table.cap[h] as StrKind;
}

/** PyUnicode_New + copy: always a new object (empty → the singleton). */
export function strNew(vm: Vm, s: string, kind: StrKind = strKindOf(s)): number {
  return strMake(vm, s, kind, jsBytes(s.length, kind));
}

/** strNew whose JS string data costs `data` bytes (a rope costs its unit: runtime/hostmem.ts). */
function strMake(vm: Vm, s: string, kind: StrKind, data: number): number {
  if (s.length === 0) return vm.s.emptyStr;
  const len = codePoints(s, kind);
  if (data >= BIG_STR) vm.hostMem.reserve(vm.table, vm.pool, data, `a ${sizeWords(data)} str`);
  const h = vm.newObject(T.Str, strBytes(vm, len, kind));
  const t = vm.table;
  t.n[h] = len;
  if (kind !== 0) t.cap[h] = kind;
  storeChars(vm, h, s, kind);
  if (data >= BIG_STR) vm.hostMem.keep(h, data);
  return h;
}

/** Bytes V8 keeps for a flat string of `length` code units: one-byte for latin-1 text, else two. */
const jsBytes = (length: number, kind: StrKind): number => (kind >= 2 ? 2 * length : length);

/** The longest string V8 makes (String::kMaxLength on 64-bit hosts): 2**29 − 24 code units. */
export const JS_MAX_STRING = 2 ** 29 - 24;

/** A str the simulated process could make but the JS engine cannot hold. */
export function tooLongForJs(length: number): NotSupported {
  return new NotSupported(
    `strs of more than ${JS_MAX_STRING.toLocaleString('en-US')} characters (the JS engine's limit; this one has ${length.toLocaleString('en-US')})`,
  );
}

/** unicode_result / _PyUnicode_FromUCS1: one latin-1 character is the cached singleton. */
export function strResult(vm: Vm, s: string, kind?: StrKind): number {
  if (s.length === 1 && s.charCodeAt(0) < 256) return vm.s.char(s.charCodeAt(0));
  return strNew(vm, s, kind);
}

/** PyUnicode_Concat: an empty operand gives the other one back. */
export function strConcat(vm: Vm, a: number, b: number): number {
  const t = vm.table;
  if (t.n[a] === 0) {
    vm.incref(b);
    return b;
  }
  if (t.n[b] === 0) {
    vm.incref(a);
    return a;
  }
  return strNew(vm, strValue(vm, a) + strValue(vm, b), maxKind(strKind(vm, a), strKind(vm, b)));
}

/** unicode_repeat: n ≤ 0 → '', n == 1 → the same object. */
export function strRepeat(vm: Vm, a: number, n: number): number {
  if (n <= 0 || vm.table.n[a] === 0) return vm.s.emptyStr;
  if (n === 1) {
    vm.incref(a);
    return a;
  }
  const unit = strValue(vm, a);
  const kind = strKind(vm, a);
  const len = vm.table.n[a] * n;
  // unicode_repeat: the size check, then PyUnicode_New (a failed malloc is CPython's MemoryError)
  if (BigInt(vm.table.n[a]) * BigInt(n) > 2n ** 63n - 1n)
    throw raiseString(vm, E.OverflowError, 'repeated string is too long');
  if (unit.length * n > JS_MAX_STRING) {
    if (len > 2 ** 53) throw memoryError();
    vm.objectFree(vm.newObject(T.Str, strBytes(vm, len, kind)));
    throw tooLongForJs(len);
  }
  // V8's repeat is a rope of a few dozen nodes until read: charged as its unit (runtime/hostmem.ts)
  return strMake(vm, unit.repeat(n), kind, jsBytes(unit.length, kind));
}

/** _PyUnicode_JoinArray: no items → '', one exact str → itself, else one new string. */
export function strJoin(vm: Vm, sep: number, items: ArrayLike<number>): number {
  const n = items.length;
  if (n === 0) return vm.s.emptyStr;
  if (n === 1) {
    vm.incref(items[0]);
    return items[0];
  }
  vm.mem.spend(n * JOIN_ITEM_NS);
  const parts: string[] = [];
  let kind = strKind(vm, sep);
  for (let i = 0; i < n; i++) {
    parts.push(strValue(vm, items[i]));
    kind = maxKind(kind, strKind(vm, items[i]));
  }
  return strNew(vm, parts.join(strValue(vm, sep)), kind);
}

/**
 * PyUnicode_Append when CPython may extend `left` in place (BINARY_OP_INPLACE_ADD_UNICODE: a
 * local `s += t` in quickened code): only an exact, unshared, never-hashed string whose kind can
 * hold the new characters, resized with PyObject_Realloc (resize_compact). Returns false when
 * the ordinary concatenation must run instead.
 */
export function strAppendInPlace(vm: Vm, left: number, right: number): boolean {
  const t = vm.table;
  if (t.refcnt[left] !== 1 || t.flags[left] & (F_HASHED | F_IMMORTAL)) return false;
  const kl = strKind(vm, left);
  const kr = strKind(vm, right);
  if (kr > kl || (kl === 0 && kr !== 0)) return false;
  const len = t.n[left] + t.n[right];
  const size = strBytes(vm, len, kl);
  const p = vm.mem.realloc(t.addr[left], size);
  if (p === 0) return false;
  vm.mem.touch(p + size - (t.n[right] + 1) * Math.max(1, kl), (t.n[right] + 1) * Math.max(1, kl));
  t.addr[left] = p;
  const s = strValue(vm, left) + strValue(vm, right);
  dropChars(vm, left);
  t.n[left] = len;
  storeChars(vm, left, s, kl);
  if (s.length >= BIG_STR) vm.hostMem.keep(left, jsBytes(s.length, kl));
  return true;
}

const NON_PRINTABLE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]$/u;

/** Python's repr of a str (for messages and print of containers). */
export function strRepr(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = q;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === q || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x7f && c >= 32) out += ch;
    // unicode_repr: a character Py_UNICODE_ISPRINTABLE refuses (Cc Cf Cs Co Cn Zl Zp, Zs but ' ')
    else if (NON_PRINTABLE.test(ch))
      out +=
        c < 0x100
          ? '\\x' + c.toString(16).padStart(2, '0')
          : c < 0x10000
            ? '\\u' + c.toString(16).padStart(4, '0')
            : '\\U' + c.toString(16).padStart(8, '0');
    else out += ch;
  }
  return out + q;
}

/** An interned identifier (made when the code was compiled: a static str). */
export function intern(vm: Vm, s: string): number {
  let h = vm.interned.get(s);
  if (h === undefined) {
    h = vm.newStatic(T.Str);
    vm.table.side[h] = s;
    vm.table.n[h] = codePoints(s, strKindOf(s));
    vm.table.cap[h] = strKindOf(s);
    vm.interned.set(s, h);
  }
  return h;
}

/** unicode_subscript: an index (a 1-character result is the cached singleton) or a slice. */
function strSubscript(vm: Vm, c: number, key: number): number {
  const s = strValue(vm, c);
  if (vm.table.type[key] === T.Slice) {
    const sl = sliceIndices(vm, key, s.length);
    if (sl.step === 1 && sl.length === s.length && vm.table.type[c] === T.Str) {
      vm.incref(c);
      return c;
    }
    let out = '';
    for (let k = 0, p = sl.start; k < sl.length; k++, p += sl.step) out += s[p];
    return out.length === 1 ? strResult(vm, out) : strNew(vm, out, strKind(vm, c));
  }
  if (!hasIndex(vm, key))
    throw typeError(vm, "string indices must be integers, not '%.200s'", typeName(vm, key));
  let i = asSsize(vm, key, E.IndexError);
  if (i < 0) i += s.length;
  if (i < 0 || i >= s.length) throw raiseString(vm, E.IndexError, 'string index out of range');
  return strResult(vm, s[i]);
}

/** PyUnicode_Concat as sq_concat: the right operand must be a str. */
function strConcatSlot(vm: Vm, a: number, b: number): number {
  if (!vm.typeOf(b).mro.includes(T.Str))
    throw typeError(vm, 'can only concatenate str (not "%.200s") to str', typeName(vm, b));
  return strConcat(vm, a, b);
}

/** unicode_richcompare: strs with strs; anything else is NotImplemented. */
function strRichcompare(vm: Vm, a: number, b: number, op: Cmp): number {
  if (!vm.typeOf(b).mro.includes(T.Str)) return vm.s.NotImplemented;
  const x = strValue(vm, a);
  const y = strValue(vm, b);
  return vm.s.bool(cmpResult(x < y ? -1 : x > y ? 1 : 0, op));
}

/** PyUnicode_Contains: `x in s` needs a str on the left. */
function strContains(vm: Vm, c: number, x: number): boolean {
  if (!vm.typeOf(x).mro.includes(T.Str))
    throw typeError(vm, "'in <string>' requires string as left operand, not %.100s", typeName(vm, x));
  return strValue(vm, c).includes(strValue(vm, x));
}

/** unicode_new: str() is '', str(x) is PyObject_Str(x); decoding bytes is not modelled. */
function strTypeNew(vm: Vm, type: TypeSlots, args: number, kwargs: number): number {
  const n = vm.table.n[args];
  let tmp: number;
  if (kwargs !== 0 || n > 1) {
    // unicode_new_impl with an encoding: PyUnicode_FromEncodedObject, bytes.decode's path
    const e = encodingArgs(
      vm,
      Array.from(tupleItems(vm, args)),
      kwargs ? dictKwargs(vm, kwargs) : null,
      'object',
    );
    if (e === null) throw typeError(vm, 'str() takes at most 3 arguments (%zd given)', n);
    const t = vm.table.type[e.x];
    if (vm.typeOf(e.x).mro.includes(T.Str)) throw typeError(vm, 'decoding str is not supported');
    if (t !== T.Bytes && t !== T.ByteArray)
      throw typeError(vm, 'decoding to str: need a bytes-like object, %.80s found', typeName(vm, e.x));
    tmp = BYTES_METHODS.decode.impl(vm, e.x, e.args, e.kw, 0);
  } else tmp = n === 0 ? vm.s.emptyStr : pyStr(vm, tupleItem(vm, args, 0));
  if (type.id === T.Str) return tmp;
  try {
    return strSubtypeNew(vm, type, tmp);
  } finally {
    vm.decref(tmp);
  }
}

export const StrType = (): TypeSlots =>
  defineType({
    id: T.Str,
    name: 'str',
    basicsize: 80,
    flags: TpFlags.BaseType | TpFlags.UnicodeSubclass,
    dealloc: strDealloc,
    // unicode___sizeof__: a class's instance is a two-block (non-compact) str: sizeof(PyUnicodeObject)
    // plus its data block (St('abc') is 84 on 3.11.7, 68 on 3.12.1/3.13.0)
    sizeof: (vm, h) =>
      vm.table.type[h] === T.Str
        ? strBytes(vm, vm.table.n[h], vm.table.cap[h] as StrKind)
        : vm.types[T.Str].basicsize + (vm.table.n[h] + 1) * Math.max(1, vm.table.cap[h]),
    repr: (vm, h) => strNew(vm, strRepr(strValue(vm, h))),
    reprText: (vm, h) => strRepr(strValue(vm, h)),
    // unicode_str (unicode_result_unchanged): an exact str is itself, a subclass's is copied
    str: (vm, h) => {
      if (vm.table.type[h] === T.Str) {
        vm.incref(h);
        return h;
      }
      return strNew(vm, strValue(vm, h));
    },
    format: (vm, h, spec) => strFormat(vm, h, spec),
    hash: (vm, h) => {
      vm.table.flags[h] |= F_HASHED;
      return strValue(vm, h);
    },
    richcompare: strRichcompare,
    number: numberSlots({
      // unicode_mod
      [NB.Remainder]: (vm, a, b) => {
        if (vm.table.type[a] !== T.Str && !(vm.typeOf(a).flags & TpFlags.UnicodeSubclass))
          return vm.s.NotImplemented;
        return unicodeFormat(vm, a, b);
      },
    }),
    sequence: {
      length: (vm, h) => vm.table.n[h],
      // unicode_getitem (sq_item): what reversed() and PySequence_GetItem index
      item: (vm, h, i) => {
        const s = strValue(vm, h);
        if (i < 0 || i >= s.length) throw raiseString(vm, E.IndexError, 'string index out of range');
        return strResult(vm, s[i]);
      },
      concat: strConcatSlot,
      repeat: strRepeat,
      contains: strContains,
    },
    mapping: { length: (vm, h) => vm.table.n[h], subscript: strSubscript },
    iter: strIterNew,
    new: strTypeNew,
    methods: STR_METHODS,
  });
