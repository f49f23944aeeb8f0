import * as libm from '../../libm';
import { PyError } from '../errors';
import { byteString, bytesContent, bytesCopy } from './bytes';
import { dictEntries } from './dict';
import { typeError, valueError } from '../abstract/errors';
import { typeName } from '../abstract/object';
import type { Vm } from '../runtime/vm';
import { strNew, strValue } from './str';
import { F_BIG } from './table';
import { tupleItem } from './tuple';
import { genericAlloc } from './object';
import { T, TpFlags, type TypeSlots } from './types';
import { callPylong, pylongFromStr } from './intpylong';
import { norm, intValue, longNew, setValue, big } from './int';
import { ndigits, checkStrIntDigits, longBytes } from './intsize';

/**
 * int() (Objects/longobject.c, 3.11): a str, bytes or bytearray parsed in a base (PyLong_FromString,
 * big literals through _pylong), the constructor and its subtype path (long_new_impl), and
 * PyNumber_Long's __int__ / __index__ fallbacks.
 */
/** "invalid literal": a bytearray is shown as the bytes _PyLong_FromBytes copies it into for the message. */
function literalError(vm: Vm, a: number, base: number): PyError {
  if (vm.table.type[a] !== T.ByteArray)
    return valueError(vm, 'invalid literal for int() with base %d: %.200R', base, a);
  const shown = bytesCopy(vm, bytesContent(vm, a));
  try {
    return valueError(vm, 'invalid literal for int() with base %d: %.200R', base, shown);
  } finally {
    vm.decref(shown);
  }
}

/**
 * _PyUnicode_TransformDecimalAndSpaceToASCII: any Unicode decimal digit (category Nd) reads as
 * its ASCII digit. Nd digits come in runs of ten, 0 to 9, so a digit's value is its distance
 * from the start of its run, mod 10.
 */
function asciiDigits(text: string): string {
  return text.replace(/\p{Nd}/gu, (ch) => {
    let cp = ch.codePointAt(0)!;
    if (cp < 0x80) return ch;
    const start = cp;
    while (/\p{Nd}/u.test(String.fromCodePoint(cp - 1))) cp--;
    return String((start - cp) % 10);
  });
}

/** int(x) of a str: PyLong_FromString's digits; an invalid literal is PyErr_Format'd twice (see exceptions). */
export function intFromStr(vm: Vm, a: number, base: number): number {
  const type = vm.table.type[a];
  // _PyLong_FromBytes for bytes and bytearray: the same parse of the raw bytes (no Unicode digits)
  const text =
    type === T.Bytes || type === T.ByteArray ? (byteString(bytesContent(vm, a)) ?? '') : strValue(vm, a);
  const trimmed = asciiDigits(text.trim());
  if (base !== 10) return intFromStrBase(vm, a, trimmed, base);
  // an underscore only between two digits (PyLong_FromString's prev == '_' checks)
  const s = /^[+-]?\d+(?:_\d+)*$/.test(trimmed) ? trimmed.replace(/_/g, '') : '';
  if (!/^[+-]?\d+$/.test(s)) {
    // PyLong_FromString: the digit array it started (_PyLong_New), freed; its own error …
    // (sized for the run of digits it scanned: long_from_non_binary_base)
    // (3.12 checks the digits before it allocates: no array)
    if (vm.py.intParseScratch) {
      const scanned = /^[+-]?([\d_]*)/.exec(text.trim())![1].length;
      const z = vm.newObject(T.Int, longBytes(Math.floor((scanned * libm.log(10)) / libm.log(2 ** 30)) + 1));
      vm.objectFree(z);
    }
    const first = literalError(vm, a, base);
    // … which PyLong_FromUnicodeObject replaces (PyErr_Format clears the current error first).
    vm.decref(first.value);
    first.value = 0;
    throw literalError(vm, a, base);
  }
  checkStrIntDigits(vm, s.replace(/^[+-]/, '').length);
  if (pylongFromStr(vm, s.replace(/^[+-]/, '').length)) return intFromPylong(vm, text, s.startsWith('-'));
  const v = BigInt(s);
  if (v >= -5n && v <= 256n) return vm.s.smallInt(Number(v));
  // PyLong_FromString: digits × log(10)/log(2**30) + 1 digits, normalized in place
  const digits = s.replace(/^[+-]/, '').length;
  return longNew(vm, norm(v), Math.floor((digits * libm.log(10)) / libm.log(2 ** 30)) + 1);
}

/**
 * pylong_int_from_string: the digits after the sign up to the last digit or underscore as a str
 * (PyUnicode_FromStringAndSize), _pylong.int_from_string(s), the str freed; a minus sign negates
 * the result in place (_PyLong_Negate of the only reference).
 */
function intFromPylong(vm: Vm, text: string, negative: boolean): number {
  const body = /^\s*[+-]?\s*([\d_]*\d)/.exec(asciiDigits(text))![1];
  const s = strNew(vm, body, 0);
  let h: number;
  try {
    h = callPylong(vm, 'int_from_string', [s]);
  } finally {
    vm.decref(s);
  }
  if (negative) {
    const v = intValue(vm, h);
    if (vm.table.flags[h] & F_BIG) vm.hostMem.release(h);
    setValue(vm, h, norm(-big(v)));
  }
  return h;
}

/**
 * PyLong_FromString with another base (0 reads the prefix): a power-of-two base goes through
 * long_from_binary_base (_PyLong_New of exactly the digits its characters need, then
 * maybe_small_long frees it for a cached small int); any other base as base 10 does.
 */
function intFromStrBase(vm: Vm, a: number, s: string, base: number): number {
  if (base !== 0 && (base < 2 || base > 36)) throw valueError(vm, 'int() base must be >= 2 and <= 36, or 0');
  // a 0x/0o/0b prefix counts only for its own base (or base 0), and may be followed by one '_';
  // elsewhere an underscore stands only between two digits
  const m = /^([+-]?)(0[xob](?=_?[0-9a-z]))?(_?[0-9a-z]+(?:_[0-9a-z]+)*)$/i.exec(s);
  let b = base;
  let body = '';
  let ok = m !== null;
  if (m !== null) {
    let prefix = (m[2] ?? '').toLowerCase();
    const fromPrefix = prefix === '0x' ? 16 : prefix === '0o' ? 8 : prefix === '0b' ? 2 : 0;
    if (b === 0) b = fromPrefix || 10;
    body = m[3];
    if (prefix && fromPrefix !== b) {
      if (base === 0) ok = false;
      body = prefix + body; // "0b1" in base 16 is three hex digits
      prefix = '';
    }
    if (!prefix && body.startsWith('_')) ok = false;
    body = body.replace(/_/g, '').toLowerCase();
    if (base === 0 && !prefix && body.length > 1 && body[0] === '0' && /[^0]/.test(body)) ok = false;
    for (const ch of body) if (parseInt(ch, 36) >= b) ok = false;
  }
  if (!ok || m === null) throw literalError(vm, a, base);
  let v = 0n;
  for (const ch of body) v = v * BigInt(b) + BigInt(parseInt(ch, 36));
  if (m[1] === '-') v = -v;
  if ((b & (b - 1)) === 0) {
    const bits = Math.log2(b);
    const z = longNew(vm, norm(v), Math.max(1, Math.ceil((body.length * bits) / 30)));
    if (v >= -5n && v <= 256n) {
      vm.decref(z);
      return vm.s.smallInt(Number(v));
    }
    return z;
  }
  if (v >= -5n && v <= 256n) return vm.s.smallInt(Number(v));
  return longNew(vm, norm(v), Math.floor((body.length * libm.log(b)) / libm.log(2 ** 30)) + 1);
}

/** long_new_impl (tp_new, through type_call: int(x) packs an argument tuple). */
export function intTypeNew(vm: Vm, type: TypeSlots, args: number, kwargs: number): number {
  if (type.id === T.Int) return intExactNew(vm, args, kwargs);
  // long_subtype_new: the exact int first, then tp_alloc(type, n) with at least one digit, copied
  const tmp = intExactNew(vm, args, kwargs);
  try {
    const v = intValue(vm, tmp);
    const h = genericAlloc(vm, type, Math.max(1, ndigits(v)));
    setValue(vm, h, v);
    return h;
  } finally {
    vm.decref(tmp);
  }
}

/** long_new_impl(&PyLong_Type, x, base). */
function intExactNew(vm: Vm, args: number, kwargs: number): number {
  let n = vm.table.n[args];
  // long_new's clinic parser: int(x=0, /, base=10): only base by keyword
  let baseArg = n === 2 ? tupleItem(vm, args, 1) : 0;
  if (kwargs !== 0)
    for (const [k, v] of dictEntries(vm, kwargs)) {
      const name = vm.table.type[k] === T.Str ? strValue(vm, k) : '';
      if (name !== 'base') throw typeError(vm, "'%s' is an invalid keyword argument for int()", name);
      if (n >= 2) throw typeError(vm, "argument for int() given by name ('base') and position (2)");
      baseArg = v;
      n = 2;
    }
  if (n === 0) return vm.s.smallInt(0);
  if (n > 2) throw typeError(vm, 'int() takes at most 2 arguments (%zd given)', n);
  if (vm.table.n[args] === 0) throw typeError(vm, 'int() missing string argument');
  const a = tupleItem(vm, args, 0);
  if (n === 2) {
    const base = Number(intValue(vm, baseArg));
    const type = vm.table.type[a];
    if (
      type !== T.Str &&
      type !== T.Bytes &&
      type !== T.ByteArray &&
      !(vm.typeOf(a).flags & TpFlags.UnicodeSubclass)
    )
      throw typeError(vm, "int() can't convert non-string with explicit base");
    return intFromStr(vm, a, base);
  }
  return numberLong(vm, a);
}

/** PyNumber_Long of one argument: a str parsed in base 10, else __int__ / __index__. */
export function numberLong(vm: Vm, a: number): number {
  const type = vm.table.type[a];
  if (type === T.Str) return intFromStr(vm, a, 10);
  const nb = vm.types[type].number;
  if (nb?.int) return nb.int(vm, a);
  if (nb?.index) return nb.index(vm, a);
  if (type === T.Bytes || type === T.ByteArray) return intFromStr(vm, a, 10);
  throw typeError(
    vm,
    "int() argument must be a string, a bytes-like object or a real number, not '%.200s'",
    typeName(vm, a),
  );
}
