import { lookupSpecial } from '../abstract/attr';
import { call } from '../abstract/call';
import { raiseString, typeError, valueError } from '../abstract/errors';
import { floatFormatText } from '../abstract/format';
import { index as pyIndex } from '../abstract/number';
import { typeName } from '../abstract/object';
import { NotSupported } from '../errors';
import type { Vm } from '../runtime/vm';
import { bufferString, getBuffer, hasBuffer, releaseBuffer } from './buffer';
import { bytesCopy, bytesNew, byteString, type ByteContent } from './bytes';
import { BytesWriter } from './byteswriter';
import { E } from './exctypes';
import { floatBufSize } from './float';
import { intValue } from './int';
import { numberLong } from './intnew';
import { checkIntStrDigits, longBytes, ndigits, type IntValue } from './intsize';
import { isMemoryview, memoryviewBuffer } from './memoryview';
import { strValue } from './str';
import { asciiOf, asDouble, floatDigits, formatLong } from './strformat';
import { T, TpFlags } from './types';

/**
 * The conversions of bytes % (_PyBytes_FormatEx's switch, Objects/bytesobject.c, 3.11) and the
 * padding that follows them; bytesformat.ts parses the format and drives the writer.
 */

export const F_LJUST = 1;
export const F_SIGN = 2;
export const F_BLANK = 4;
export const F_ALT = 8;
export const F_ZERO = 16;

/** The text a conversion made and the temporary object holding it (0 when nothing was made). */
interface Piece {
  text: string;
  temp: number;
  numeric: boolean;
}

/** format_obj: bytes/bytearray as they are, `__bytes__`'s result, or a buffer copied to bytes. */
function formatObj(vm: Vm, v: number): Piece {
  const t = vm.table.type[v];
  if (t === T.Bytes || t === T.ByteArray || vm.typeOf(v).flags & TpFlags.BytesSubclass) {
    vm.incref(v);
    return { text: text(vm, v), temp: v, numeric: false };
  }
  const f = lookupSpecial(vm, v, '__bytes__');
  if (f !== 0) {
    let r: number;
    try {
      r = call(vm, f, [], null);
    } finally {
      vm.decref(f);
    }
    if (vm.table.type[r] !== T.Bytes && !(vm.typeOf(r).flags & TpFlags.BytesSubclass)) {
      const name = typeName(vm, r);
      vm.decref(r);
      throw typeError(vm, '__bytes__ returned non-bytes (type %.200s)', name);
    }
    return { text: text(vm, r), temp: r, numeric: false };
  }
  if (hasBuffer(vm, v) || isMemoryview(vm, v)) {
    // _PyBytes_FromBuffer: the view's bytes copied into a new bytes object
    const view = isMemoryview(vm, v) ? memoryviewBuffer(vm, v) : getBuffer(vm, v);
    try {
      const s = bufferString(vm, view);
      return { text: s, temp: bytesCopy(vm, s), numeric: false };
    } finally {
      if (!isMemoryview(vm, v)) releaseBuffer(vm, view);
    }
  }
  throw typeError(
    vm,
    "%%b requires a bytes-like object, or an object that implements __bytes__, not '%.100s'",
    typeName(vm, v),
  );
}

function text(vm: Vm, h: number): string {
  const s = byteString(vm.table.side[h] as ByteContent);
  if (s === null) throw new NotSupported('%-formatting with bytes over 64 MiB');
  return s;
}

/** byte_converter: a 1-byte bytes/bytearray, or an int in range(256). */
function byteConverter(vm: Vm, v: number): string {
  const t = vm.table.type[v];
  if ((t === T.Bytes || t === T.ByteArray) && vm.table.n[v] === 1) return text(vm, v);
  const nb = vm.typeOf(v).number;
  if (!vm.typeOf(v).mro.includes(T.Int) && !nb?.index)
    throw raiseString(vm, E.TypeError, '%c requires an integer in range(256) or a single byte');
  const i = vm.typeOf(v).mro.includes(T.Int) ? intValue(vm, v) : indexValue(vm, v);
  if (i < 0 || i > 255) throw raiseString(vm, E.OverflowError, '%c arg not in range(256)');
  return String.fromCharCode(Number(i));
}

function indexValue(vm: Vm, v: number): IntValue {
  const i = pyIndex(vm, v);
  const x = intValue(vm, i);
  vm.decref(i);
  return x;
}

/** _PyLong_FormatBytesWriter: base 10 through the scratch digits; 8 and 16 written straight in. */
function longIntoWriter(vm: Vm, w: BytesWriter, v: IntValue, base: number, alt: boolean): void {
  w.minSize -= 2; // the "%d" reserved
  if (base === 10) {
    const sizeA = ndigits(v);
    const scratchBytes = longBytes(1 + sizeA + Math.floor(sizeA / 99));
    checkIntStrDigits(vm, v, sizeA, () => vm.objectFree(vm.newObject(T.Int, scratchBytes)));
    const scratch = vm.newObject(T.Int, scratchBytes);
    const s = v.toString();
    try {
      w.prepare(s.length);
      w.write(s);
    } finally {
      vm.objectFree(scratch);
    }
    return;
  }
  const neg = v < 0;
  const digits = (neg ? -BigInt(v) : BigInt(v)).toString(base);
  const s = (neg ? '-' : '') + (alt ? (base === 16 ? '0x' : '0o') : '') + digits;
  w.prepare(s.length);
  w.write(s);
}

/** formatlong: an int (or int(x), or x.__index__() for o/x/X) as _PyUnicode_FormatLong's str. */
function formatLongPiece(vm: Vm, v: number, flags: number, prec: number, c: string): Piece {
  const binary = c === 'o' || c === 'x' || c === 'X';
  const isInt = vm.typeOf(v).mro.includes(T.Int);
  const nb = vm.typeOf(v).number;
  if (!isInt && !(nb?.index || nb?.int || nb?.float))
    throw typeError(
      vm,
      '%%%c format: %s is required, not %.200s',
      c.charCodeAt(0),
      binary ? 'an integer' : 'a real number',
      typeName(vm, v),
    );
  const iobj = isInt ? (vm.incref(v), v) : binary ? pyIndex(vm, v) : numberLong(vm, v);
  try {
    const base = c === 'o' ? 8 : binary ? 16 : 10;
    const s = formatLong(vm, intValue(vm, iobj), (flags & F_ALT) !== 0, prec, c, base);
    return { text: strValue(vm, s), temp: s, numeric: true };
  } finally {
    vm.decref(iobj);
  }
}

/** formatfloat: PyOS_double_to_string's PyMem_Malloc'd text, into the writer or into a bytes. */
function floatText(vm: Vm, v: number, flags: number, prec: number, c: string): [string, number] {
  const x = asDouble(vm, v);
  const s = floatFormatText(vm, x, {
    fill: ' ',
    align: '>',
    sign: '',
    alternate: (flags & F_ALT) !== 0,
    zero: false,
    width: -1,
    grouping: '',
    precision: prec < 0 ? 6 : prec,
    type: c,
  });
  const buf = vm.mem.malloc(floatBufSize(floatDigits(s)));
  vm.mem.touch(buf, s.length + 1);
  return [s, buf];
}

/** One conversion: the fast paths write into the writer; the rest make a piece padded into it. */
export function convert(
  vm: Vm,
  w: BytesWriter,
  c: string,
  v: number,
  flags: number,
  width: number,
  prec: number,
  at: number,
): void {
  let piece: Piece;
  switch (c) {
    case '%':
      piece = { text: '%', temp: 0, numeric: false };
      break;
    case 'r':
    case 'a': {
      const r = asciiOf(vm, v);
      piece = { text: strValue(vm, r), temp: r, numeric: false };
      if (prec >= 0 && piece.text.length > prec) piece.text = piece.text.slice(0, prec);
      break;
    }
    case 's':
    case 'b':
      piece = formatObj(vm, v);
      if (prec >= 0 && piece.text.length > prec) piece.text = piece.text.slice(0, prec);
      break;
    case 'i':
    case 'd':
    case 'u':
    case 'o':
    case 'x':
    case 'X':
      if (
        vm.table.type[v] === T.Int &&
        width === -1 &&
        prec === -1 &&
        !(flags & (F_SIGN | F_BLANK)) &&
        c !== 'X'
      )
        return longIntoWriter(
          vm,
          w,
          intValue(vm, v),
          c === 'o' ? 8 : c === 'x' ? 16 : 10,
          (flags & F_ALT) !== 0,
        );
      piece = formatLongPiece(vm, v, flags, prec, c);
      break;
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G': {
      const [t, buf] = floatText(vm, v, flags, prec, c);
      if (width === -1 && prec === -1 && !(flags & (F_SIGN | F_BLANK))) {
        w.minSize -= 2;
        w.prepare(t.length);
        w.write(t);
        vm.mem.free(buf);
        return;
      }
      const temp = bytesNew(vm, t); // PyBytes_FromStringAndSize(p, len)
      vm.mem.free(buf);
      piece = { text: t, temp, numeric: true };
      break;
    }
    case 'c': {
      const ch = byteConverter(vm, v);
      if (width === -1) return w.write(ch);
      piece = { text: ch, temp: 0, numeric: false };
      break;
    }
    default: {
      const code = c.charCodeAt(0);
      throw valueError(vm, "unsupported format character '%c' (0x%x) at index %zd", code, code, at);
    }
  }
  try {
    w.write(padded(w, piece, c, flags, width));
  } finally {
    if (piece.temp) vm.decref(piece.temp);
  }
}

/** The sign, fill, 0x prefix and padding around a piece, after one Prepare of width − 2. */
function padded(w: BytesWriter, piece: Piece, c: string, flags: number, width: number): string {
  let body = piece.text;
  let sign = '';
  if (piece.numeric) {
    if (body[0] === '-' || body[0] === '+') {
      sign = body[0];
      body = body.slice(1);
    } else if (flags & F_SIGN) sign = '+';
    else if (flags & F_BLANK) sign = ' ';
  }
  const fill = piece.numeric && flags & F_ZERO ? '0' : ' ';
  let len = body.length;
  if (width < len) width = len;
  let alloc = width;
  if (sign && len === width) alloc++;
  if (alloc > 2) w.prepare(alloc - 2);
  let out = '';
  if (sign) {
    if (fill !== ' ') out += sign;
    if (width > len) width--;
  }
  let prefix = '';
  if (flags & F_ALT && (c === 'o' || c === 'x' || c === 'X')) {
    prefix = body.slice(0, 2);
    body = body.slice(2);
    if (fill !== ' ') out += prefix;
    width = Math.max(0, width - 2);
    len -= 2;
  }
  if (width > len && !(flags & F_LJUST)) {
    out += fill.repeat(width - len);
    width = len;
  }
  if (fill === ' ') out += sign + prefix;
  out += body;
  if (width > len) out += ' '.repeat(width - len);
  return out;
}
