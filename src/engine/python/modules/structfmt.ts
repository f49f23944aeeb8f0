/**
 * struct's format strings as Modules/_struct.c (3.11) reads them (prepare_s): the byte order
 * and alignment prefix, then codes with optional counts. Each code with a count is one
 * formatcode (its `repeat`), except 's' and 'p' (one item of `count` bytes) and 'x' (padding,
 * no formatcode). `items` is s_len (the values pack takes), `codes` the number of formatcodes
 * (what PyMem_Malloc((codes + 1) × 32) holds).
 */
export interface FormatCode {
  code: string;
  offset: number;
  size: number;
  repeat: number;
}

export interface ParsedFormat {
  size: number;
  items: number;
  codes: FormatCode[];
  little: boolean;
  native: boolean;
}

/** Native sizes and alignments on x86-64 Linux (nativetable); standard sizes (lilendian_table). */
const NATIVE: Record<string, number> = {
  x: 1,
  c: 1,
  b: 1,
  B: 1,
  '?': 1,
  h: 2,
  H: 2,
  i: 4,
  I: 4,
  l: 8,
  L: 8,
  q: 8,
  Q: 8,
  n: 8,
  N: 8,
  e: 2,
  f: 4,
  d: 8,
  s: 1,
  p: 1,
  P: 8,
};
const STANDARD: Record<string, number> = {
  x: 1,
  c: 1,
  b: 1,
  B: 1,
  '?': 1,
  h: 2,
  H: 2,
  i: 4,
  I: 4,
  l: 4,
  L: 4,
  q: 8,
  Q: 8,
  e: 2,
  f: 4,
  d: 8,
  s: 1,
  p: 1,
};

export class StructFormatError extends Error {}

export function parseFormat(fmt: string): ParsedFormat {
  let i = 0;
  let native = true;
  let little = true;
  const first = fmt[0];
  if (first === '<' || first === '>' || first === '!' || first === '=' || first === '@') {
    native = first === '@';
    little = first === '<' || first === '=' || first === '@';
    i = 1;
  }
  const table = native ? NATIVE : STANDARD;
  const codes: FormatCode[] = [];
  let size = 0;
  let items = 0;
  while (i < fmt.length) {
    let c = fmt[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\v' || c === '\f') {
      i++;
      continue;
    }
    let num = 1;
    if (c >= '0' && c <= '9') {
      let j = i;
      while (j < fmt.length && fmt[j] >= '0' && fmt[j] <= '9') j++;
      num = Number(fmt.slice(i, j));
      if (!Number.isSafeInteger(num)) throw new StructFormatError('total struct size too long');
      i = j;
      if (i >= fmt.length) throw new StructFormatError('repeat count given without format specifier');
      c = fmt[i];
    }
    const itemSize = table[c];
    if (itemSize === undefined) throw new StructFormatError('bad char in struct format');
    // native alignment: each code starts at a multiple of its size (align())
    if (native && c !== 's' && c !== 'p' && c !== 'x' && num > 0)
      size = Math.ceil(size / itemSize) * itemSize;
    if (c === 's' || c === 'p') {
      codes.push({ code: c, offset: size, size: num, repeat: 1 });
      items++;
      size += num;
    } else if (c === 'x') size += num;
    else {
      if (num > 0) codes.push({ code: c, offset: size, size: itemSize, repeat: num });
      items += num;
      size += num * itemSize;
    }
    i++;
  }
  return { size, items, codes, little, native };
}

/** One item's bytes (latin-1 chars) for pack; `value` already converted by the caller. */
export function encodeItem(
  code: string,
  size: number,
  little: boolean,
  value: number | bigint | boolean | string,
): string {
  const buf = new DataView(new ArrayBuffer(8));
  switch (code) {
    case 'c':
    case 's':
    case 'p':
      return value as string;
    case '?':
      return value ? '\x01' : '\x00';
    case 'e':
      return halfBytes(value as number, little);
    case 'f':
      buf.setFloat32(0, value as number, little);
      break;
    case 'd':
      buf.setFloat64(0, value as number, little);
      break;
    default: {
      const v = BigInt.asUintN(size * 8, BigInt(value as number | bigint));
      buf.setBigUint64(0, little ? v : v << BigInt(64 - size * 8), little);
    }
  }
  let s = '';
  for (let k = 0; k < size; k++) s += String.fromCharCode(buf.getUint8(k));
  return s;
}

/** One item read back (unpack): a number, a bigint past 2**53, a bool or bytes as latin-1. */
export function decodeItem(
  code: string,
  size: number,
  little: boolean,
  bytes: string,
): number | bigint | boolean | string {
  const buf = new DataView(new ArrayBuffer(8));
  for (let k = 0; k < size && k < 8; k++) buf.setUint8(k, bytes.charCodeAt(k));
  switch (code) {
    case 'c':
    case 's':
      return bytes;
    case 'p': {
      const n = Math.min(bytes.charCodeAt(0), size - 1);
      return bytes.slice(1, 1 + n);
    }
    case '?':
      return bytes.split('').some((ch) => ch !== '\x00');
    case 'e':
      return halfValue(bytes, little);
    case 'f':
      return buf.getFloat32(0, little);
    case 'd':
      return buf.getFloat64(0, little);
  }
  let v = 0n;
  for (let k = 0; k < size; k++) {
    const b = BigInt(bytes.charCodeAt(little ? k : size - 1 - k));
    v |= b << BigInt(8 * k);
  }
  const signed = code === 'b' || code === 'h' || code === 'i' || code === 'l' || code === 'q' || code === 'n';
  if (signed) v = BigInt.asIntN(size * 8, v);
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
}

/** The range a code's integers take (for "argument out of range"). */
export function intRange(code: string, size: number): [bigint, bigint] {
  const bits = BigInt(size * 8);
  const signed = code === 'b' || code === 'h' || code === 'i' || code === 'l' || code === 'q' || code === 'n';
  return signed ? [-(1n << (bits - 1n)), (1n << (bits - 1n)) - 1n] : [0n, (1n << bits) - 1n];
}

function halfBytes(x: number, little: boolean): string {
  const f = new DataView(new ArrayBuffer(4));
  f.setFloat32(0, x);
  const bits = f.getUint32(0);
  const sign = (bits >>> 16) & 0x8000;
  const exp = ((bits >>> 23) & 0xff) - 127 + 15;
  let mant = bits & 0x7fffff;
  let h: number;
  if (Number.isNaN(x)) h = sign | 0x7e00;
  else if (exp >= 31) {
    if (Number.isFinite(x)) throw new RangeError('float too large to pack with e format');
    h = sign | 0x7c00;
  } else if (exp <= 0) {
    mant = (mant | 0x800000) >> (1 - exp);
    h = sign | Math.round(mant / 8192);
  } else h = sign | (exp << 10) | Math.round(mant / 8192);
  return little ? String.fromCharCode(h & 0xff, h >> 8) : String.fromCharCode(h >> 8, h & 0xff);
}

function halfValue(bytes: string, little: boolean): number {
  const h = little
    ? bytes.charCodeAt(0) | (bytes.charCodeAt(1) << 8)
    : (bytes.charCodeAt(0) << 8) | bytes.charCodeAt(1);
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const mant = h & 0x3ff;
  if (exp === 0) return sign * mant * 2 ** -24;
  if (exp === 31) return mant ? NaN : sign * Infinity;
  return sign * (1 + mant / 1024) * 2 ** (exp - 15);
}
