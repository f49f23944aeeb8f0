import { floatRepr } from '../python/objects/float';
import { BOOL, FLOAT32, FLOAT64, INT64, isStringKind, type DType } from './dtypes';
import { float32Repr } from './scalars';
import { structuredText } from './recordRows';

/**
 * NumPy 1.24's array printing (numpy/core/arrayprint.py, default options: precision 8,
 * threshold 1000, edgeitems 3, linewidth 75, floatmode 'maxprec', sign '-'), written for the
 * simulator from its documented behaviour and checked against Debian's python3-numpy:
 * str(a), repr(a), and the element formats (booleans padded to ' True', integers right-aligned
 * to the widest, floats through the Dragon4 rules: shortest digits, at most 8 after the point,
 * a common width, scientific notation when the largest |x| ≥ 1e8 or the ratio of the largest
 * to the smallest nonzero |x| exceeds 1000 or the smallest is below 1e-4).
 */

/** The exact decimal digits of a double: value = digits · 10^exp10 (digits without leading zeros). */
function exactDecimal(x: number): { digits: string; exp10: number } {
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, Math.abs(x));
  const bits = buf.getBigUint64(0);
  const e = Number((bits >> 52n) & 0x7ffn);
  let m = bits & ((1n << 52n) - 1n);
  let exp2: number;
  if (e === 0) exp2 = -1074;
  else {
    m |= 1n << 52n;
    exp2 = e - 1075;
  }
  if (m === 0n) return { digits: '0', exp10: 0 };
  if (exp2 >= 0) return { digits: (m << BigInt(exp2)).toString(), exp10: 0 };
  // m / 2^k = m · 5^k / 10^k
  const k = -exp2;
  return { digits: (m * 5n ** BigInt(k)).toString(), exp10: -k };
}

/**
 * |x| rounded to `frac` digits after the point, half to even on the exact binary value (as
 * Dragon4 rounds at a cutoff): the integer part and fraction digits.
 */
function roundFixed(x: number, frac: number): { int: string; frac: string } {
  const { digits, exp10 } = exactDecimal(x);
  // value = digits · 10^exp10; want round(value · 10^frac)
  const shift = exp10 + frac;
  let n: bigint;
  if (shift >= 0) n = BigInt(digits) * 10n ** BigInt(shift);
  else {
    const div = 10n ** BigInt(-shift);
    const big = BigInt(digits);
    n = big / div;
    const rem = big % div;
    const twice = rem * 2n;
    if (twice > div || (twice === div && n % 2n === 1n)) n += 1n;
  }
  const s = n.toString().padStart(frac + 1, '0');
  return { int: s.slice(0, s.length - frac) || '0', frac: frac ? s.slice(s.length - frac) : '' };
}

/** The shortest digits that read back as x (float32: as a float32), as integer + fraction parts. */
function shortestFixed(x: number, dtype: DType): { int: string; frac: string } {
  const text = dtype === FLOAT32 ? float32Repr(Math.abs(x)) : String(Math.abs(x));
  const [mant, exp] = text.split('e');
  let [i, f = ''] = mant.split('.');
  if (f === '0' && !mant.includes('.0') && dtype !== FLOAT32) f = '';
  if (dtype === FLOAT32 && f === '0') f = '';
  if (exp !== undefined) {
    const e = Number(exp);
    const all = i + f;
    const point = i.length + e;
    if (point <= 0) {
      i = '0';
      f = '0'.repeat(-point) + all;
    } else if (point >= all.length) {
      i = all + '0'.repeat(point - all.length);
      f = '';
    } else {
      i = all.slice(0, point);
      f = all.slice(point);
    }
  }
  i = i.replace(/^0+(?=\d)/, '');
  f = f.replace(/0+$/, '');
  return { int: i, frac: f };
}

/** dragon4_positional(x, precision, unique=True, fractional=True, trim, min_digits, pad_left, pad_right). */
export function positional(
  x: number,
  dtype: DType,
  precision: number,
  trim: '.' | 'k',
  minDigits = 0,
  padLeft = 0,
  padRight = 0,
): string {
  const neg = x < 0 || Object.is(x, -0);
  let { int, frac } = shortestFixed(x, dtype);
  if (frac.length > precision) ({ int, frac } = roundFixed(Math.abs(x), precision));
  if (trim === '.') frac = frac.replace(/0+$/, '');
  if (frac.length < minDigits) frac = frac.padEnd(minDigits, '0');
  const left = (neg ? '-' : '') + int;
  return left.padStart(padLeft, ' ') + '.' + frac.padEnd(padRight, ' ');
}

/** dragon4_scientific(x, precision, unique=True, trim, min_digits, pad_left, exp_digits). */
export function scientific(
  x: number,
  dtype: DType,
  precision: number,
  trim: '.' | 'k',
  minDigits = 0,
  padLeft = 0,
  expDigits = 2,
): string {
  const neg = x < 0 || Object.is(x, -0);
  const a = Math.abs(x);
  let digits: string;
  let exp: number;
  if (a === 0) {
    digits = '0';
    exp = 0;
  } else {
    const text = dtype === FLOAT32 ? Number(float32Repr(a)).toExponential() : a.toExponential();
    const [m, e] = text.split('e');
    digits = m.replace('.', '');
    exp = Number(e);
    if (digits.length - 1 > precision) {
      // round the exact value to precision + 1 significant digits, half to even
      const exact = exactDecimal(a).digits;
      const keep = precision + 1;
      let head = BigInt(exact.slice(0, keep));
      const rest = exact.slice(keep);
      const half = '5' + '0'.repeat(Math.max(0, rest.length - 1));
      const cmp = rest.length === 0 ? -1 : rest > half ? 1 : rest === half ? 0 : -1;
      if (cmp > 0 || (cmp === 0 && head % 2n === 1n)) head += 1n;
      let h = head.toString();
      if (h.length > keep) {
        h = h.slice(0, keep);
        exp += 1;
      }
      // the exponent of the rounded value is that of the exact value's first digit
      digits = h;
    }
  }
  let frac = digits.slice(1);
  if (trim === '.') frac = frac.replace(/0+$/, '');
  if (frac.length < minDigits) frac = frac.padEnd(minDigits, '0');
  const es = String(Math.abs(exp)).padStart(expDigits, '0');
  const left = (neg ? '-' : '') + digits[0];
  return `${left.padStart(padLeft, ' ')}.${frac}e${exp < 0 ? '-' : '+'}${es}`;
}

type Formatter = (x: number) => string;

/** FloatingFormat: one format for every element of `data` (the printed, possibly summarized, values). */
function floatFormatter(data: Float64Array, dtype: DType): Formatter {
  const finite = Array.from(data).filter(Number.isFinite);
  const nonzero = finite.filter((v) => v !== 0).map(Math.abs);
  let exp = false;
  if (nonzero.length) {
    const max = Math.max(...nonzero);
    const min = Math.min(...nonzero);
    exp = max >= 1e8 || min < 0.0001 || max / min > 1000;
  }
  let padLeft = 0;
  let padRight = 0;
  let precision = 8;
  let minDigits = 0;
  let trim: '.' | 'k' = '.';
  let expSize = -1;
  if (finite.length === 0) {
    padLeft = 0;
    padRight = 0;
  } else if (exp) {
    const strs = finite.map((v) => scientific(v, dtype, 8, '.'));
    const parts = strs.map((s) => {
      const [mant, e] = s.split('e');
      const [i, f] = mant.split('.');
      return { i, f, e };
    });
    expSize = Math.max(...parts.map((p) => p.e.length)) - 1;
    trim = 'k';
    precision = Math.max(...parts.map((p) => p.f.length));
    minDigits = precision;
    padLeft = Math.max(...parts.map((p) => p.i.length));
    padRight = expSize + 2 + precision;
  } else {
    const strs = finite.map((v) => positional(v, dtype, 8, '.'));
    const parts = strs.map((s) => s.split('.'));
    padLeft = Math.max(...parts.map((p) => p[0].length));
    padRight = Math.max(...parts.map((p) => p[1].length));
  }
  if (finite.length !== data.length) {
    const neginf = Array.from(data).some((v) => v === -Infinity);
    const offset = padRight + 1;
    padLeft = Math.max(padLeft, 3 - offset, 3 + (neginf ? 1 : 0) - offset);
  }
  return (x) => {
    if (!Number.isFinite(x)) {
      const ret = Number.isNaN(x) ? 'nan' : x < 0 ? '-inf' : 'inf';
      return ' '.repeat(Math.max(0, padLeft + padRight + 1 - ret.length)) + ret;
    }
    return exp
      ? scientific(x, dtype, precision, trim, minDigits, padLeft, expSize)
      : positional(x, dtype, precision, trim, minDigits, padLeft, padRight);
  };
}

function intText(v: number): string {
  return Number.isSafeInteger(v) ? String(v) : BigInt(Math.trunc(v)).toString();
}

/** _get_format_function: bools, integers (right-aligned to the widest of min and max), floats. */
function formatterFor(data: Float64Array, dtype: DType, is0d: boolean, text?: Formatter): Formatter {
  if (text) return text;
  if (dtype === BOOL) return (v) => (v ? (is0d ? 'True' : ' True') : 'False');
  if (dtype.kind === 'f') return floatFormatter(data, dtype);
  let width = 0;
  if (data.length) {
    let max = -Infinity;
    let min = Infinity;
    for (const v of data) {
      if (v > max) max = v;
      if (v < min) min = v;
    }
    width = Math.max(intText(max).length, intText(min).length);
  }
  return (v) => intText(v).padStart(width, ' ');
}

/** One field of a structured scalar as StructuredVoidFormat prints it: the field's 0-d format ('0.75', '0.', '3'). */
export function fieldText(dtype: DType, v: number): string {
  return formatterFor(Float64Array.of(v), dtype, true)(v);
}

/** The format of one field's column in a structured array's printout. */
export function fieldFormatter(values: Float64Array, dtype: DType): Formatter {
  return formatterFor(values, dtype, false);
}

const LINEWIDTH = 75;
const THRESHOLD = 1000;
const EDGEITEMS = 3;

/** The values array2string shows: all of them, or the edge items of every axis when summarizing. */
function leadingTrailing(values: Float64Array, shape: readonly number[], summarize: boolean): Float64Array {
  if (!summarize) return values;
  const out: number[] = [];
  const nd = shape.length;
  const strides = shape.map((_, i) => shape.slice(i + 1).reduce((a, b) => a * b, 1));
  const walk = (axis: number, offset: number): void => {
    if (axis === nd) {
      out.push(values[offset]);
      return;
    }
    const n = shape[axis];
    const idx =
      2 * EDGEITEMS < n
        ? [...Array(EDGEITEMS).keys(), ...Array.from({ length: EDGEITEMS }, (_, i) => n - EDGEITEMS + i)]
        : [...Array(n).keys()];
    for (const i of idx) walk(axis + 1, offset + i * strides[axis]);
  };
  walk(0, 0);
  return Float64Array.from(out);
}

/** _extendLine: wrap before a word that would pass the width, unless the line holds only the indent. */
function extendLine(state: { s: string; line: string }, word: string, width: number, indent: string): void {
  if (word.includes('\n')) return extendLinePretty(state, word, width, indent);
  let wrap = state.line.length + word.length > width;
  if (state.line.length <= indent.length) wrap = false;
  if (wrap) {
    state.s += state.line.replace(/\s+$/, '') + '\n';
    state.line = indent;
  }
  state.line += word;
}

/**
 * _extendLine_pretty: a word of several lines (an array inside an object array) starts on a
 * new line when its widest line would not fit, and its other lines are indented under its first.
 */
function extendLinePretty(
  state: { s: string; line: string },
  word: string,
  width: number,
  indent: string,
): void {
  const words = word.split('\n');
  const widest = Math.max(...words.map((w) => w.length));
  let pad: string;
  if (state.line.length + widest > width && state.line.length > indent.length) {
    state.s += state.line.replace(/\s+$/, '') + '\n';
    state.line = indent + words[0];
    pad = indent;
  } else {
    pad = ' '.repeat(state.line.length);
    state.line += words[0];
  }
  for (const w of words.slice(1)) {
    state.s += state.line.replace(/\s+$/, '') + '\n';
    state.line = pad + w;
  }
  state.line += ' '.repeat(widest - words[words.length - 1].length);
}

/** array2string(a, separator, prefix): the nested brackets, wrapped lines, "..." when summarizing. */
export function array2string(
  values: Float64Array,
  shape: readonly number[],
  dtype: DType,
  separator: string,
  prefix: string,
  suffix = '',
  text?: Formatter,
): string {
  const n = values.length;
  // an array with a zero in its shape prints as "[]" whatever its dimensions
  if (n === 0 && shape.length > 0) return '[]';
  const summarize = n > THRESHOLD;
  const fmt = formatterFor(leadingTrailing(values, shape, summarize), dtype, shape.length === 0, text);
  if (shape.length === 0) return fmt(values[0]);
  const lineWidth = LINEWIDTH - suffix.length;
  const strides = shape.map((_, i) => shape.slice(i + 1).reduce((a, b) => a * b, 1));
  const nd = shape.length;
  const sepTrim = separator.replace(/\s+$/, '');
  const recurse = (axis: number, offset: number, indent: string, width: number): string => {
    const left = nd - axis;
    const nextIndent = indent + ' ';
    const nextWidth = width - 1;
    const len = shape[axis];
    const summary = summarize && 2 * EDGEITEMS < len;
    const lead = summary ? EDGEITEMS : 0;
    const trail = summary ? EDGEITEMS : len;
    const item = (i: number): string =>
      left === 1
        ? fmt(values[offset + i * strides[axis]])
        : recurse(axis + 1, offset + i * strides[axis], nextIndent, nextWidth);
    let s = '';
    if (left === 1) {
      const elemWidth = width - Math.max(sepTrim.length, 1);
      const st = { s: '', line: indent };
      for (let i = 0; i < lead; i++) {
        extendLine(st, item(i), elemWidth, indent);
        st.line += separator;
      }
      if (summary) {
        extendLine(st, '...', elemWidth, indent);
        st.line += separator;
      }
      for (let i = trail; i > 1; i--) {
        extendLine(st, item(len - i), elemWidth, indent);
        st.line += separator;
      }
      extendLine(st, item(len - 1), elemWidth, indent);
      s = st.s + st.line;
    } else {
      const lineSep = sepTrim + '\n'.repeat(left - 1);
      for (let i = 0; i < lead; i++) s += indent + item(i) + lineSep;
      if (summary) s += indent + '...' + lineSep;
      for (let i = trail; i > 1; i--) s += indent + item(len - i) + lineSep;
      s += indent + item(len - 1);
    }
    return '[' + s.slice(indent.length) + ']';
  };
  return recurse(0, 0, ' ' + ' '.repeat(prefix.length), lineWidth);
}

/** The dtypes repr() leaves implied: float64, the default integer (int64) and bool. */
const IMPLIED = new Set<DType>([FLOAT64, INT64, BOOL]);

/** str(a): array2string with ' ' (a 0-d array prints its element). */
export function arrayStr(
  values: Float64Array,
  shape: readonly number[],
  dtype: DType,
  text?: Formatter,
): string {
  // _array_str_implementation: a 0-d number array prints str(a[()]), its scalar (6.0, not 6.)
  if (shape.length === 0 && text === undefined && (dtype.kind === 'f' || dtype.kind === 'i' || dtype.kind === 'u'))
    return dtype === FLOAT32 ? float32Repr(values[0]) : dtype.kind === 'f' ? floatRepr(values[0]) : String(values[0]);
  if (shape.length === 0 && text === undefined && dtype.kind === 'b') return values[0] ? 'True' : 'False';
  return array2string(values, shape, dtype, ' ', '', '', text);
}

/** repr(a): array(...), with ", dtype=…" unless implied, on a new line when it would not fit. */
export function arrayRepr(
  values: Float64Array,
  shape: readonly number[],
  dtype: DType,
  itemText?: Formatter,
  className = 'array',
): string {
  const size = values.length;
  const skip = IMPLIED.has(dtype) && size > 0;
  // array_repr: type(a).__name__ (a subclass prints its own name)
  const prefix = `${className}(`;
  const suffix = skip ? ')' : ',';
  let body: string;
  if (size > 0 || (shape.length === 1 && shape[0] === 0))
    body = array2string(values, shape, dtype, ', ', prefix, suffix, itemText);
  else body = `[], shape=(${shape.join(', ')}${shape.length === 1 ? ',' : ''})`;
  const text = prefix + body + suffix;
  if (skip) return text;
  const dtypeText = `dtype=${
    isStringKind(dtype) ? `'${dtype.typestr}'` : dtype.kind === 'V' ? structuredText(dtype) : dtype.name
  })`;
  const lastLine = text.length - (text.lastIndexOf('\n') + 1);
  const spacer = lastLine + dtypeText.length + 1 > LINEWIDTH ? '\n' + ' '.repeat(prefix.length) : ' ';
  return text + spacer + dtypeText;
}
