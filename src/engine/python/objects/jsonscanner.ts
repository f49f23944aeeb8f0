import * as libm from '../../libm';
import { call } from '../abstract/call';
import { raiseString, valueError } from '../abstract/errors';
import { PyError } from '../errors';
import type { Vm } from '../runtime/vm';
import { BYTES_HEADER } from './bytes';
import { dictClear, dictGetItem, dictNew, dictSetItem } from './dict';
import { dictData } from './dictkeys';
import { E } from './exctypes';
import { fromDouble } from './float';
import { fromSsize, norm } from './int';
import { longBytes } from './intsize';
import { listAppend, listNew } from './list';
import { withRecursionCheck } from './recursion';
import { intern, strKind, strNew, strResult, strValue, type StrKind } from './str';
import { tupleFromItems } from './tuple';
import { T } from './types';
import { UnicodeWriter } from './unicodewriter';

/**
 * The JSON decoder's C accelerator (Modules/_json.c, 3.11: c_make_scanner, `_json.Scanner`).
 * scan_once(string, idx) parses one JSON value and returns (value, end); its `memo` dict (kept in
 * the scanner in 3.11) makes equal object keys one str while a document is read and is cleared
 * after each call. What parsing allocates, in order:
 * - strings: without escapes one PyUnicode_Substring (a 1-character latin-1 one is the cached
 *   singleton); with escapes a _PyUnicodeWriter with over-allocation (unicodewriter.ts);
 * - numbers: the digits copied into a bytes object (33 + n), then PyLong_FromString (an int of
 *   digits × log(10)/log(2³⁰) + 1 digits, freed again for a small int) or PyFloat_FromString,
 *   then the bytes freed; with parse_int/parse_float, a str of the digits passed to the hook;
 * - arrays: PyList_New(0) and list appends; objects: PyDict_New and PyDict_SetItem, or a list of
 *   (key, value) tuples for object_pairs_hook; the hooks are called with the result;
 * - the errors: StopIteration(idx) for "Expecting value" (raw_decode turns it into a
 *   JSONDecodeError), else a JSONDecodeError made by raise_errmsg.
 * Positions are code points; the document is a str (its JS text and kind).
 */
export interface ScannerState {
  strict: boolean;
  objectHook: number;
  objectPairsHook: number;
  parseFloat: number;
  parseInt: number;
  parseConstant: number;
  memo: number;
}

/** sizeof(PyScannerObject) in 3.11: the header, a char (padded to 8) and six pointers (the memo dict among them). */
export const SCANNER_BASIC = 72;

/** A JSON syntax error: the JSONDecodeError raise_errmsg makes (json/module.ts supplies it). */
export type RaiseErrmsg = (vm: Vm, msg: string, doc: number, pos: number) => PyError;

interface Doc {
  h: number;
  /** The text as code points (charCodeAt for BMP-only documents). */
  cps: number[];
  kind: StrKind;
  text: string;
}

const isWhitespace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/** The document's code points (a UCS-4 string's astral characters count one each). */
export function docOf(vm: Vm, h: number): Doc {
  const text = strValue(vm, h);
  const kind = strKind(vm, h);
  const cps: number[] = new Array(vm.table.n[h]);
  if (kind === 4) {
    let i = 0;
    for (const ch of text) cps[i++] = ch.codePointAt(0)!;
  } else for (let i = 0; i < text.length; i++) cps[i] = text.charCodeAt(i);
  return { h, cps, kind, text };
}

/** The text of code points [a, b). */
const slice = (d: Doc, a: number, b: number): string =>
  d.kind === 4 ? String.fromCodePoint(...d.cps.slice(a, b)) : d.text.slice(a, b);

/** PyUnicode_Substring: '' and 1-character latin-1 results are singletons; else a new str of the piece's own kind. */
function substring(vm: Vm, d: Doc, a: number, b: number): number {
  if (b <= a) return vm.s.emptyStr;
  if (a === 0 && b === d.cps.length) {
    vm.incref(d.h);
    return d.h;
  }
  return strResult(vm, slice(d, a, b));
}

/** raise_stop_iteration: StopIteration(idx) (the Python layer reads err.value as the position). */
function stopIteration(vm: Vm, idx: number): PyError {
  const err = raiseString(vm, E.StopIteration, '');
  vm.decref(err.value);
  err.value = fromSsize(vm, idx);
  (err as PyError & { jsonPos?: number }).jsonPos = idx;
  return err;
}

export class Scanner {
  constructor(
    private readonly vm: Vm,
    private readonly s: ScannerState,
    private readonly d: Doc,
    private readonly errmsg: RaiseErrmsg,
  ) {}

  private err(msg: string, pos: number): PyError {
    return this.errmsg(this.vm, msg, this.d.h, pos);
  }

  /** scanstring_unicode: `end` is the index after the opening quote. Returns [str, index after the closing quote]. */
  scanstring(end: number, strict: boolean): [number, number] {
    const vm = this.vm;
    const d = this.d;
    const cps = d.cps;
    const len = cps.length;
    const begin = end - 1;
    if (end < 0 || len < end) throw raiseString(vm, E.ValueError, 'end is out of bounds');
    const w = new UnicodeWriter(vm, true);
    try {
      for (;;) {
        let next = end;
        let c = 0;
        for (; next < len; next++) {
          c = cps[next];
          if (c === 0x22 || c === 0x5c) break;
          if (c <= 0x1f && strict) throw this.err('Invalid control character at', next);
        }
        if (next === len) throw this.err('Unterminated string starting at', begin);
        // the fast path: no escape met, the string is one substring
        if (c === 0x22 && w.addr === 0) return [substring(vm, d, end, next), next + 1];
        if (next !== end) w.writeSubstring(d.text, d.kind, end, next);
        next++;
        if (c === 0x22) {
          end = next;
          break;
        }
        if (next === len) throw this.err('Unterminated string starting at', begin);
        c = cps[next];
        if (c !== 0x75 /* u */) {
          end = next + 1;
          const esc: Record<number, number> = {
            0x22: 0x22,
            0x5c: 0x5c,
            0x2f: 0x2f,
            0x62: 8,
            0x66: 12,
            0x6e: 10,
            0x72: 13,
            0x74: 9,
          };
          const v = esc[c];
          if (v === undefined) throw this.err('Invalid \\escape', end - 2);
          c = v;
        } else {
          next++;
          end = next + 4;
          if (end >= len) throw this.err('Invalid \\uXXXX escape', next - 1);
          c = this.hex4(next, end);
          next = end;
          // a surrogate pair: \uD8xx\uDCxx
          if (c >= 0xd800 && c <= 0xdbff && end + 6 < len && cps[next] === 0x5c && cps[next + 1] === 0x75) {
            const c2 = this.hex4(next + 2, next + 6);
            if (c2 >= 0xdc00 && c2 <= 0xdfff) {
              c = 0x10000 + (((c - 0xd800) << 10) | (c2 - 0xdc00));
              end += 6;
            }
          }
        }
        w.writeChar(c);
      }
      return [w.finish(), end];
    } catch (e) {
      w.dealloc();
      throw e;
    }
  }

  private hex4(a: number, b: number): number {
    let c = 0;
    for (let i = a; i < b; i++) {
      const digit = this.d.cps[i];
      const v =
        digit >= 0x30 && digit <= 0x39
          ? digit - 0x30
          : digit >= 0x61 && digit <= 0x66
            ? digit - 0x57
            : digit >= 0x41 && digit <= 0x46
              ? digit - 0x37
              : -1;
      if (v < 0) throw this.err('Invalid \\uXXXX escape', b - 5);
      c = (c << 4) | v;
    }
    return c;
  }

  /** scan_once_unicode: [value, next index]. */
  scanOnce(idx: number): [number, number] {
    const vm = this.vm;
    const cps = this.d.cps;
    const length = cps.length;
    if (idx < 0) throw raiseString(vm, E.ValueError, 'idx cannot be negative');
    if (idx >= length) throw stopIteration(vm, idx);
    const c = cps[idx];
    const word = (w: string): boolean => {
      if (idx + w.length - 1 >= length) return false;
      for (let i = 1; i < w.length; i++) if (cps[idx + i] !== w.charCodeAt(i)) return false;
      return true;
    };
    switch (c) {
      case 0x22:
        return this.scanstring(idx + 1, this.s.strict);
      case 0x7b:
        return withRecursionCheck(vm, ' while decoding a JSON object from a unicode string', () =>
          this.parseObject(idx + 1),
        );
      case 0x5b:
        return withRecursionCheck(vm, ' while decoding a JSON array from a unicode string', () =>
          this.parseArray(idx + 1),
        );
      case 0x6e:
        if (word('null')) return [vm.s.None, idx + 4];
        break;
      case 0x74:
        if (word('true')) return [vm.s.True, idx + 4];
        break;
      case 0x66:
        if (word('false')) return [vm.s.False, idx + 5];
        break;
      case 0x4e:
        if (word('NaN')) return this.constant('NaN', idx);
        break;
      case 0x49:
        if (word('Infinity')) return this.constant('Infinity', idx);
        break;
      case 0x2d:
        if (idx + 8 < length + 0 && slice(this.d, idx, idx + 9) === '-Infinity')
          return this.constant('-Infinity', idx);
        break;
    }
    return this.matchNumber(idx);
  }

  /** _parse_constant: PyUnicode_InternFromString (the name is interned by json.decoder already: made and freed) and parse_constant called. */
  private constant(name: string, idx: number): [number, number] {
    const vm = this.vm;
    const tmp = strNew(vm, name, 0);
    vm.decref(tmp);
    const cstr = intern(vm, name);
    const rval = call(vm, this.s.parseConstant, [cstr], null);
    return [rval, idx + name.length];
  }

  /** _parse_object_unicode. */
  private parseObject(idx: number): [number, number] {
    const vm = this.vm;
    const s = this.s;
    const cps = this.d.cps;
    const endIdx = cps.length - 1;
    const hasPairsHook = s.objectPairsHook !== vm.s.None;
    const rval = hasPairsHook ? listNew(vm, 0) : dictNew(vm);
    try {
      while (idx <= endIdx && isWhitespace(cps[idx])) idx++;
      if (idx > endIdx || cps[idx] !== 0x7d) {
        for (;;) {
          if (idx > endIdx || cps[idx] !== 0x22)
            throw this.err('Expecting property name enclosed in double quotes', idx);
          const [key0, afterKey] = this.scanstring(idx + 1, s.strict);
          // PyDict_SetDefault(memo, key, key): an equal key read before is used instead
          let key = dictGetItem(vm, s.memo, key0);
          if (key === 0) {
            dictSetItem(vm, s.memo, key0, key0);
            key = key0;
          }
          vm.incref(key);
          vm.decref(key0);
          idx = afterKey;
          let val = 0;
          try {
            while (idx <= endIdx && isWhitespace(cps[idx])) idx++;
            if (idx > endIdx || cps[idx] !== 0x3a) throw this.err("Expecting ':' delimiter", idx);
            idx++;
            while (idx <= endIdx && isWhitespace(cps[idx])) idx++;
            const [v, next] = this.scanOnce(idx);
            val = v;
            if (hasPairsHook) {
              vm.incref(key);
              vm.incref(val);
              listAppend(vm, rval, tupleFromItems(vm, [key, val]));
            } else dictSetItem(vm, rval, key, val);
            idx = next;
          } finally {
            vm.decref(key);
            if (val) vm.decref(val);
          }
          while (idx <= endIdx && isWhitespace(cps[idx])) idx++;
          if (idx <= endIdx && cps[idx] === 0x7d) break;
          if (idx > endIdx || cps[idx] !== 0x2c) throw this.err("Expecting ',' delimiter", idx);
          const comma = idx;
          idx++;
          while (idx <= endIdx && isWhitespace(cps[idx])) idx++;
          // _parse_object_unicode: 3.11 and 3.12 report the next key's position (after the
          // whitespace); 3.13 names a trailing comma before '}' at the comma
          if (idx <= endIdx && cps[idx] === 0x7d && vm.py.name === '3.13')
            throw this.err('Illegal trailing comma before end of object', comma);
          if (idx > endIdx || cps[idx] !== 0x22)
            throw this.err('Expecting property name enclosed in double quotes', idx);
        }
      }
    } catch (e) {
      vm.decref(rval);
      throw e;
    }
    const next = idx + 1;
    if (hasPairsHook) {
      try {
        return [call(vm, s.objectPairsHook, [rval], null), next];
      } finally {
        vm.decref(rval);
      }
    }
    if (s.objectHook !== vm.s.None) {
      try {
        return [call(vm, s.objectHook, [rval], null), next];
      } finally {
        vm.decref(rval);
      }
    }
    return [rval, next];
  }

  /** _parse_array_unicode. */
  private parseArray(idx: number): [number, number] {
    const vm = this.vm;
    const cps = this.d.cps;
    const endIdx = cps.length - 1;
    const rval = listNew(vm, 0);
    try {
      while (idx <= endIdx && isWhitespace(cps[idx])) idx++;
      if (idx > endIdx || cps[idx] !== 0x5d) {
        for (;;) {
          const [val, next] = this.scanOnce(idx);
          listAppend(vm, rval, val);
          idx = next;
          vm.eval.tick();
          while (idx <= endIdx && isWhitespace(cps[idx])) idx++;
          if (idx <= endIdx && cps[idx] === 0x5d) break;
          if (idx > endIdx || cps[idx] !== 0x2c) throw this.err("Expecting ',' delimiter", idx);
          idx++;
          while (idx <= endIdx && isWhitespace(cps[idx])) idx++;
        }
      }
      if (idx > endIdx || cps[idx] !== 0x5d) throw this.err('Expecting value', endIdx);
    } catch (e) {
      vm.decref(rval);
      throw e;
    }
    return [rval, idx + 1];
  }

  /** _match_number_unicode. */
  private matchNumber(start: number): [number, number] {
    const vm = this.vm;
    const s = this.s;
    const cps = this.d.cps;
    const endIdx = cps.length - 1;
    const digit = (i: number): boolean => cps[i] >= 0x30 && cps[i] <= 0x39;
    let idx = start;
    let isFloat = false;
    if (cps[idx] === 0x2d) {
      idx++;
      if (idx > endIdx) throw stopIteration(vm, start);
    }
    if (cps[idx] >= 0x31 && cps[idx] <= 0x39) {
      idx++;
      while (idx <= endIdx && digit(idx)) idx++;
    } else if (cps[idx] === 0x30) idx++;
    else throw stopIteration(vm, start);
    if (idx < endIdx && cps[idx] === 0x2e && digit(idx + 1)) {
      isFloat = true;
      idx += 2;
      while (idx <= endIdx && digit(idx)) idx++;
    }
    if (idx < endIdx && (cps[idx] === 0x65 || cps[idx] === 0x45)) {
      const eStart = idx;
      idx++;
      if (idx < endIdx && (cps[idx] === 0x2d || cps[idx] === 0x2b)) idx++;
      while (idx <= endIdx && digit(idx)) idx++;
      if (digit(idx - 1)) isFloat = true;
      else idx = eStart;
    }
    const text = slice(this.d, start, idx);
    const custom = isFloat
      ? s.parseFloat !== vm.types[T.Float].typeObject
        ? s.parseFloat
        : 0
      : s.parseInt !== vm.types[T.Int].typeObject
        ? s.parseInt
        : 0;
    if (custom !== 0) {
      const numstr = strNew(vm, text, 0);
      try {
        return [call(vm, custom, [numstr], null), idx];
      } finally {
        vm.decref(numstr);
      }
    }
    // PyBytes_FromStringAndSize(NULL, n): always a new object (no 1-byte singleton without data)
    const numstr = vm.newObject(T.Bytes, BYTES_HEADER + text.length);
    vm.table.n[numstr] = text.length;
    vm.table.side[numstr] = text;
    try {
      return [isFloat ? fromDouble(vm, Number(text)) : longFromDecimal(vm, text), idx];
    } finally {
      vm.decref(numstr);
    }
  }
}

/** sys.int_info.default_max_str_digits (3.11.7). */
export const MAX_STR_DIGITS = 4300;

/**
 * PyLong_FromString(text, NULL, 10) of an optional '-' and decimal digits
 * (long_from_non_binary_base): _PyLong_New(digits × log(10)/log(2³⁰) + 1), normalized in place,
 * and freed for the cached object when the value is a small int.
 */
export function longFromDecimal(vm: Vm, text: string): number {
  const digits = text.replace(/^[-+]/, '').length;
  if (digits > MAX_STR_DIGITS)
    throw valueError(
      vm,
      'Exceeds the limit (%d digits) for integer string conversion: value has %zd digits; use sys.set_int_max_str_digits() to increase the limit',
      MAX_STR_DIGITS,
      digits,
    );
  const v = norm(BigInt(text));
  const sizeZ = Math.floor(digits * LOG_BASE_10) + 1;
  const h = vm.newObject(T.Int, longBytes(sizeZ));
  if (typeof v === 'bigint') {
    vm.table.flags[h] |= 64; // F_BIG
    vm.table.side[h] = v;
  } else vm.table.num[h] = v;
  if (typeof v === 'number' && v >= -5 && v <= 256) {
    vm.objectFree(h);
    return vm.s.smallInt(v);
  }
  return h;
}

/** log_base_BASE[10] of longobject.c: log(10) / log(2³⁰). */
const LOG_BASE_10 = libm.log(10) / libm.log(2 ** 30);

/** Clears the memo after a call (scanner_call's PyDict_Clear). */
export function clearMemo(vm: Vm, memo: number): void {
  if (dictData(vm, memo).keysAddr !== 0) dictClear(vm, memo);
}
