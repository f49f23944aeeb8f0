import { NotSupported } from '../errors';
import type { Vm } from '../runtime/vm';
import { raiseString, typeError } from '../abstract/errors';
import { strFormat } from '../abstract/format';
import { asSsize, hasIndex } from '../abstract/number';
import { typeName } from '../abstract/object';
import { E } from './exctypes';
import { longBytes, ndigits, type IntValue } from './int';
import { sliceIndices } from './slice';
import { STR_METHODS } from './strmethods';
import { unicodeFormat } from './strformat';
import { F_HASHED, F_IMMORTAL } from './table';
import { Cmp, T, TpFlags, defineType, numberSlots, NB, type TypeSlots } from './types';
import { cmpResult } from '../abstract/compare';
import { strIterNew } from './iter';
import { str as pyStr } from '../abstract/repr';
import { tupleItem } from './tuple';

/**
 * str objects (Objects/unicodeobject.c, 3.11, compact form only): PyUnicode_New(size, maxchar)
 * asks PyObject_Malloc for sizeof(PyASCIIObject) = 48 + (size + 1) bytes when every character
 * is ASCII, else sizeof(PyCompactUnicodeObject) = 72 + (size + 1) × 1, 2 or 4.
 * Columns: side = the JS string, n = length in code points, cap = kind (0 ASCII, 1 latin-1,
 * 2 UCS-2, 4 UCS-4).
 */
export type StrKind = 0 | 1 | 2 | 4;

export function strKindOf(s: string): StrKind {
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

export const maxKind = (a: StrKind, b: StrKind): StrKind => (a > b ? a : b);

/** Bytes PyUnicode_New asks for. */
export function strBytes(len: number, kind: StrKind): number {
  return kind === 0 ? 48 + len + 1 : 72 + (len + 1) * kind;
}

/** Length in code points (differs from JS length only with astral characters). */
export function codePoints(s: string, kind: StrKind): number {
  if (kind !== 4) return s.length;
  let n = 0;
  for (const _ of s) n++;
  return n;
}

export function strValue(vm: Vm, h: number): string {
  return vm.table.side[h] as string;
}

export function strKind(vm: Vm, h: number): StrKind {
  return vm.table.cap[h] as StrKind;
}

/** PyUnicode_New + copy: always a new object (empty → the singleton). */
export function strNew(vm: Vm, s: string, kind: StrKind = strKindOf(s)): number {
  if (s.length === 0) return vm.s.emptyStr;
  const len = codePoints(s, kind);
  const h = vm.newObject(T.Str, strBytes(len, kind));
  const t = vm.table;
  t.side[h] = s;
  t.n[h] = len;
  t.cap[h] = kind;
  return h;
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
  if (vm.table.n[a] * n > 2 ** 31) throw new Error('repeat too long for the simulator');
  return strNew(vm, strValue(vm, a).repeat(n), strKind(vm, a));
}

/**
 * str(int) (long_to_decimal_string): a scratch int of 1 + size_a + size_a/99 digits is allocated
 * for the base-10**9 conversion, then the ASCII result, then the scratch is freed.
 */
export function intToStr(vm: Vm, v: IntValue): number {
  const sizeA = ndigits(v);
  const scratch = vm.newObject(T.Int, longBytes(1 + sizeA + Math.floor(sizeA / 99)));
  const s = strNew(vm, v.toString(), 0);
  vm.objectFree(scratch);
  return s;
}

/** _PyUnicode_JoinArray: no items → '', one exact str → itself, else one new string. */
export function strJoin(vm: Vm, sep: number, items: ArrayLike<number>): number {
  const n = items.length;
  if (n === 0) return vm.s.emptyStr;
  if (n === 1) {
    vm.incref(items[0]);
    return items[0];
  }
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
  const size = strBytes(len, kl);
  const p = vm.mem.realloc(t.addr[left], size);
  if (p === 0) return false;
  vm.mem.touch(p + size - (t.n[right] + 1) * Math.max(1, kl), (t.n[right] + 1) * Math.max(1, kl));
  t.addr[left] = p;
  t.side[left] = strValue(vm, left) + strValue(vm, right);
  t.n[left] = len;
  return true;
}

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
    else if (c < 32 || c === 127) out += '\\x' + c.toString(16).padStart(2, '0');
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
  if (!hasIndex(vm, key)) throw typeError(vm, 'string indices must be integers, not \'%.200s\'', typeName(vm, key));
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
function strTypeNew(vm: Vm, _type: TypeSlots, args: number, kwargs: number): number {
  const n = vm.table.n[args];
  if (kwargs !== 0 || n > 1) throw new NotSupported('str() with an encoding');
  return n === 0 ? vm.s.emptyStr : pyStr(vm, tupleItem(vm, args, 0));
}

export const StrType = (): TypeSlots =>
  defineType({
    id: T.Str,
    name: 'str',
    basicsize: 80,
    flags: TpFlags.BaseType | TpFlags.UnicodeSubclass,
    dealloc: (vm, h) => vm.objectFree(h),
    sizeof: (vm, h) => strBytes(vm.table.n[h], vm.table.cap[h] as StrKind),
    repr: (vm, h) => strNew(vm, strRepr(strValue(vm, h))),
    reprText: (vm, h) => strRepr(strValue(vm, h)),
    format: (vm, h, spec) => strFormat(vm, h, spec),
    hash: (vm, h) => {
      vm.table.flags[h] |= F_HASHED;
      return strValue(vm, h);
    },
    richcompare: strRichcompare,
    number: numberSlots({
      // unicode_mod
      [NB.Remainder]: (vm, a, b) => {
        if (vm.table.type[a] !== T.Str && !(vm.typeOf(a).flags & TpFlags.UnicodeSubclass)) return vm.s.NotImplemented;
        return unicodeFormat(vm, a, b);
      },
    }),
    sequence: {
      length: (vm, h) => vm.table.n[h],
      concat: strConcatSlot,
      repeat: strRepeat,
      contains: strContains,
    },
    mapping: { length: (vm, h) => vm.table.n[h], subscript: strSubscript },
    iter: strIterNew,
    new: strTypeNew,
    methods: STR_METHODS,
  });
