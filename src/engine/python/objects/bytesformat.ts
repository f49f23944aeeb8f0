import { raiseString } from '../abstract/errors';
import { getItem } from '../abstract/item';
import type { Vm } from '../runtime/vm';
import { bytesNew, byteString, type ByteContent } from './bytes';
import { convert, F_ALT, F_BLANK, F_LJUST, F_SIGN, F_ZERO } from './bytesconvert';
import { BytesWriter } from './byteswriter';
import { E } from './exctypes';
import { intValue } from './int';
import { tupleItem } from './tuple';
import { T, TpFlags } from './types';

/**
 * bytes % args and bytearray % args (_PyBytes_FormatEx, Objects/bytesobject.c, 3.11). A
 * _PyBytesWriter reserves the format's length (each conversion reserves its own width − 2 more;
 * bytes over-allocate, bytearray does not), and the conversions make what 3.11 makes: %d/%x/%o
 * of an exact int straight into the writer (base 10 through long_to_decimal_string's scratch
 * digits), %f likewise through PyOS_double_to_string's buffer; with a width, precision or sign
 * flag the digits become a temporary str (_PyUnicode_FormatLong) or bytes; %s/%b take a bytes or
 * bytearray as is, else `__bytes__`, else a buffer copied into a temporary bytes; %r/%a a str
 * (PyObject_ASCII); %c one byte. Temporaries die after each conversion.
 */

/** bytes_mod / bytearray_mod: NotImplemented unless the left operand is the format. */
export function bytesRemainder(vm: Vm, a: number, b: number): number {
  const t = vm.table.type[a];
  const isBytes = t === T.Bytes || (vm.typeOf(a).flags & TpFlags.BytesSubclass) !== 0;
  if (!isBytes && t !== T.ByteArray) return vm.s.NotImplemented;
  const fmt = byteString(vm.table.side[a] as ByteContent);
  if (fmt === null) return vm.s.NotImplemented;
  return bytesFormat(vm, fmt, b, t === T.ByteArray);
}

/** _PyBytes_FormatEx. */
export function bytesFormat(vm: Vm, s: string, args: number, useBytearray: boolean): number {
  const w = new BytesWriter(vm, useBytearray);
  w.alloc(s.length);
  if (!useBytearray) w.overallocate = true;
  const at = vm.table.type[args];
  const isTuple = at === T.Tuple || vm.typeOf(args).mro.includes(T.Tuple);
  let arglen = isTuple ? vm.table.n[args] : -1;
  let argidx = isTuple ? 0 : -2;
  const isText = at === T.Str || (vm.typeOf(args).flags & TpFlags.UnicodeSubclass) !== 0;
  const isBytesLike =
    at === T.Bytes || at === T.ByteArray || (vm.typeOf(args).flags & TpFlags.BytesSubclass) !== 0;
  const dict =
    vm.typeOf(args).mapping?.subscript !== undefined && !isTuple && !isText && !isBytesLike ? args : 0;
  let cur = args;
  let owned = false;
  const nextArg = (): number => {
    if (argidx < arglen) {
      const i = argidx++;
      return arglen < 0 ? cur : tupleItem(vm, cur, i);
    }
    throw raiseString(vm, E.TypeError, 'not enough arguments for format string');
  };
  const n = s.length;
  let pos = 0;
  try {
    while (pos < n) {
      if (s[pos] !== '%') {
        const next = s.indexOf('%', pos + 1);
        const end = next < 0 ? n : next;
        w.write(s.slice(pos, end)); // reserved by the first Prepare
        pos = end;
        continue;
      }
      pos++;
      if (s[pos] === '%') {
        w.write('%');
        pos++;
        continue;
      }
      if (s[pos] === '(') {
        if (dict === 0) throw raiseString(vm, E.TypeError, 'format requires a mapping');
        const keyStart = ++pos;
        let depth = 1;
        while (depth > 0 && pos < n) {
          if (s[pos] === ')') depth--;
          else if (s[pos] === '(') depth++;
          pos++;
        }
        if (depth > 0) throw raiseString(vm, E.ValueError, 'incomplete format key');
        const key = bytesNew(vm, s.slice(keyStart, pos - 1)); // PyBytes_FromStringAndSize
        let value: number;
        try {
          value = getItem(vm, dict, key);
        } finally {
          vm.decref(key);
        }
        if (owned) vm.decref(cur);
        cur = value;
        owned = true;
        arglen = -1;
        argidx = -2;
      }
      let flags = 0;
      for (; pos < n; pos++) {
        const f = '-+ #0'.indexOf(s[pos]);
        if (f < 0) break;
        flags |= [F_LJUST, F_SIGN, F_BLANK, F_ALT, F_ZERO][f];
      }
      let width = -1;
      let prec = -1;
      const starArg = (what: string): number => {
        const v = nextArg();
        if (!vm.typeOf(v).mro.includes(T.Int)) throw raiseString(vm, E.TypeError, '* wants int');
        const x = Number(intValue(vm, v));
        if (what === 'width' && x < 0) {
          flags |= F_LJUST;
          return -x;
        }
        return Math.max(x, 0);
      };
      const digits = (): number => {
        let x = 0;
        while (pos < n && s[pos] >= '0' && s[pos] <= '9') x = x * 10 + (s.charCodeAt(pos++) - 48);
        return x;
      };
      if (s[pos] === '*') {
        pos++;
        width = starArg('width');
      } else if (s[pos] >= '0' && s[pos] <= '9') width = digits();
      if (s[pos] === '.') {
        pos++;
        if (s[pos] === '*') {
          pos++;
          prec = starArg('prec');
        } else prec = digits();
      }
      while (pos < n && 'hlL'.includes(s[pos])) pos++;
      if (pos >= n) throw raiseString(vm, E.ValueError, 'incomplete format');
      const c = s[pos++];
      if (pos >= n) w.overallocate = false; // the last write
      convert(vm, w, c, c === '%' ? 0 : nextArg(), flags, width, prec, pos - 1);
      if (dict !== 0 && argidx < arglen)
        throw raiseString(vm, E.TypeError, 'not all arguments converted during bytes formatting');
    }
    if (argidx < arglen && dict === 0)
      throw raiseString(vm, E.TypeError, 'not all arguments converted during bytes formatting');
  } catch (e) {
    w.dealloc();
    if (owned) vm.decref(cur);
    throw e;
  }
  if (owned) vm.decref(cur);
  return w.finish();
}
