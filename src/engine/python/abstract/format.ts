import { NotSupported } from '../errors';
import { E } from '../objects/exctypes';
import { floatRepr } from '../objects/float';
import { intToStr, intValue, longBytes, ndigits } from '../objects/int';
import { strBytes, strKindOf, strNew } from '../objects/str';
import { T } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { lookupSpecial } from './attr';
import { call } from './call';
import { raiseFormat, valueError } from './errors';
import { str } from './repr';

/**
 * format() and f-strings (Objects/abstract.c PyObject_Format, Python/formatter_unicode.c): the
 * format-spec mini-language for int, float and str, with the allocations 3.11 makes: the bound
 * __format__ method, the temporary digits (an int's str with its scratch, a float's
 * PyOS_double_to_string buffer and str), and the result made by a _PyUnicodeWriter sized
 * exactly; a result equal to the input is the input itself.
 */

export interface FormatSpec {
  fill: string;
  align: '<' | '>' | '=' | '^' | '';
  sign: '+' | '-' | ' ' | '';
  alternate: boolean;
  zero: boolean;
  width: number;
  grouping: ',' | '_' | '';
  precision: number;
  type: string;
}

/** parse_internal_render_format_spec. */
export function parseSpec(
  vm: Vm,
  spec: string,
  defaultType: string,
  defaultAlign: FormatSpec['align'],
): FormatSpec {
  const m = /^(?:(.)?([<>=^]))?([+\- ])?(z)?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([a-zA-Z%])?$/su.exec(spec);
  if (!m) {
    if (/\.(?!\d)/.test(spec)) throw valueError(vm, 'Format specifier missing precision');
    throw valueError(vm, 'Invalid format specifier');
  }
  const [, fill, align, sign, z, alt, zero, width, grouping, precision, type] = m;
  if (z) throw new NotSupported("the 'z' format option");
  return {
    fill: fill ?? (zero && !align ? '0' : ' '),
    align: (align as FormatSpec['align']) ?? (zero ? '=' : defaultAlign),
    sign: (sign as FormatSpec['sign']) ?? '',
    alternate: !!alt,
    zero: !!zero,
    width: width ? Number(width) : -1,
    grouping: (grouping as FormatSpec['grouping']) ?? '',
    precision: precision !== undefined ? Number(precision) : -1,
    type: type ?? defaultType,
  };
}

/** Pad `body` (after `prefix`, the sign and base prefix) to the spec's width and alignment. */
function pad(f: FormatSpec, prefix: string, body: string): string {
  const len = prefix.length + body.length;
  if (f.width <= len) return prefix + body;
  const n = f.width - len;
  switch (f.align) {
    case '<':
      return prefix + body + f.fill.repeat(n);
    case '^':
      return f.fill.repeat(n >> 1) + prefix + body + f.fill.repeat(n - (n >> 1));
    case '=':
      return prefix + f.fill.repeat(n) + body;
    default:
      return f.fill.repeat(n) + prefix + body;
  }
}

function group(digits: string, sep: string, every: number): string {
  if (!sep) return digits;
  const [int, frac] = digits.split('.');
  let out = '';
  for (let i = int.length; i > 0; i -= every)
    out = int.slice(Math.max(0, i - every), i) + (out ? sep + out : '');
  return frac !== undefined ? `${out}.${frac}` : out;
}

const signOf = (neg: boolean, f: FormatSpec): string =>
  neg ? '-' : f.sign === '+' ? '+' : f.sign === ' ' ? ' ' : '';

/** format(int, spec) as text. */
export function intFormatText(vm: Vm, v: number | bigint, f: FormatSpec): string {
  if ('eEfFgG%'.includes(f.type)) return floatFormatText(vm, Number(v), f);
  if (f.precision >= 0) throw valueError(vm, 'Precision not allowed in integer format specifier');
  const neg = v < 0;
  const abs = neg ? -BigInt(v) : BigInt(v);
  let digits: string;
  let prefix = '';
  switch (f.type) {
    case 'd':
    case 'n':
      digits = group(abs.toString(), f.grouping, 3);
      break;
    case 'b':
    case 'o':
    case 'x':
    case 'X': {
      const base = f.type === 'b' ? 2 : f.type === 'o' ? 8 : 16;
      digits = group(abs.toString(base), f.grouping, 4);
      if (f.type === 'X') digits = digits.toUpperCase();
      if (f.alternate) prefix = f.type === 'X' ? '0X' : `0${f.type}`;
      break;
    }
    case 'c':
      if (f.sign) throw valueError(vm, "Sign not allowed with integer format specifier 'c'");
      return pad(f, '', String.fromCodePoint(Number(v)));
    default:
      throw raiseFormat(
        vm,
        E.ValueError,
        "Unknown format code '%c' for object of type '%.200s'",
        f.type.codePointAt(0)!,
        'int',
      );
  }
  return pad(f, signOf(neg, f) + prefix, digits);
}

/** Python's exponent: at least two digits ("1e+05"). */
const pyExp = (s: string): string => s.replace(/e([+-])(\d)$/, 'e$10$2');

/** format(float, spec) as text (format_float_internal over PyOS_double_to_string). */
export function floatFormatText(vm: Vm, x: number, f: FormatSpec): string {
  const neg = x < 0 || Object.is(x, -0);
  const a = Math.abs(x);
  let type = f.type;
  let body: string;
  if (!Number.isFinite(a)) {
    body = Number.isNaN(a) ? 'nan' : 'inf';
    if (type === 'E' || type === 'F' || type === 'G') body = body.toUpperCase();
    if (type === '%') body += '%';
  } else {
    if (type === 'n') type = 'g';
    const p = f.precision;
    switch (type) {
      case 'f':
      case 'F':
        body = a.toFixed(p < 0 ? 6 : p);
        if (f.alternate && !body.includes('.')) body += '.';
        break;
      case '%':
        body = (a * 100).toFixed(p < 0 ? 6 : p) + '%';
        break;
      case 'e':
      case 'E':
        body = pyExp(a.toExponential(p < 0 ? 6 : p));
        if (type === 'E') body = body.toUpperCase();
        break;
      case 'g':
      case 'G':
      case '':
        body = general(a, p, type, f.alternate);
        break;
      default:
        throw raiseFormat(
          vm,
          E.ValueError,
          "Unknown format code '%c' for object of type '%.200s'",
          type.codePointAt(0)!,
          'float',
        );
    }
  }
  let digits = body;
  const m = f.grouping ? /^(\d+)(.*)$/s.exec(body) : null;
  if (m) digits = group(m[1], f.grouping, 3) + m[2];
  return pad(f, signOf(neg && !Number.isNaN(x), f), digits);
}

/** 'g' (and the no-type form: repr when no precision, else like 'g' with a digit after the point). */
function general(a: number, p: number, type: string, alternate: boolean): string {
  if (type === '' && p < 0) return floatRepr(a);
  const prec = p < 0 ? 6 : p === 0 ? 1 : p;
  const e = Number(a.toExponential(prec - 1).split('e')[1]);
  let out: string;
  if (e >= -4 && e < prec) {
    out = a.toFixed(Math.max(0, prec - 1 - e));
    if (!alternate && out.includes('.')) out = out.replace(/0+$/, '').replace(/\.$/, type === '' ? '.0' : '');
  } else {
    out = a.toExponential(prec - 1);
    if (!alternate) out = out.replace(/\.?0+e/, 'e');
    out = pyExp(out);
  }
  return type === 'G' ? out.toUpperCase() : out;
}

// ---- the __format__ slots: allocations ---------------------------------------------------------

/** A str result written by a _PyUnicodeWriter prepared for exactly its length (no over-allocation). */
function exactStr(vm: Vm, text: string): number {
  return strNew(vm, text, strKindOf(text));
}

/** int.__format__: empty spec is str(self); else the digits (_PyLong_Format: a scratch int and a str) then the result. */
export function intFormat(vm: Vm, h: number, spec: string): number {
  if (spec === '') return str(vm, h);
  const f = parseSpec(vm, spec, 'd', '>');
  const v = intValue(vm, h);
  const text = intFormatText(vm, v, f);
  if ('eEfFgG%'.includes(f.type)) return floatResult(vm, text);
  // format_long_internal: tmp = _PyLong_Format(value, base), the writer's result, then tmp released
  const sizeA = ndigits(v);
  const scratch = vm.mem.malloc(longBytes(1 + sizeA + Math.floor(sizeA / 99)));
  const digits = (typeof v === 'bigint' ? (v < 0n ? -v : v) : Math.abs(v)).toString();
  const tmp = vm.mem.malloc(strBytes(digits.length + (v < 0 ? 1 : 0), 0));
  vm.mem.free(scratch);
  const r = exactStr(vm, text);
  vm.mem.free(tmp);
  return r;
}

/** float.__format__: empty spec is str(self) (format_obj); else PyOS_double_to_string's buffer, a str of its digits, the result. */
export function floatFormat(vm: Vm, h: number, spec: string): number {
  if (spec === '') return str(vm, h);
  const f = parseSpec(vm, spec, '', '>');
  const x = vm.table.num[h];
  return floatResult(vm, floatFormatText(vm, x, f));
}

function floatResult(vm: Vm, text: string): number {
  const digits = text
    .trim()
    .replace(/^[+\- ]/, '')
    .replace(/[,_]/g, '');
  const buf = vm.mem.malloc(digits.length + 8);
  vm.mem.touch(buf, digits.length + 1);
  const tmp = vm.mem.malloc(strBytes(digits.length, 0));
  const r = exactStr(vm, text);
  vm.mem.free(buf);
  vm.mem.free(tmp);
  return r;
}

/** str.__format__: the same str when nothing changes, else the padded or cut copy. */
export function strFormat(vm: Vm, h: number, spec: string): number {
  const s = vm.table.side[h] as string;
  const f = parseSpec(vm, spec, 's', '<');
  if (f.type !== 's')
    throw raiseFormat(
      vm,
      E.ValueError,
      "Unknown format code '%c' for object of type '%.200s'",
      f.type.codePointAt(0)!,
      'str',
    );
  if (f.sign) throw valueError(vm, 'Sign not allowed in string format specifier');
  if (f.align === '=') throw valueError(vm, "'=' alignment not allowed in string format specifier");
  const cut = f.precision >= 0 ? [...s].slice(0, f.precision).join('') : s;
  if (cut === s && (f.width < 0 || f.width <= s.length) && vm.table.type[h] === T.Str) {
    vm.incref(h);
    return h;
  }
  return exactStr(vm, pad(f, '', cut));
}

/**
 * PyObject_Format (format(), FORMAT_VALUE with a spec): an exact str or int with no spec is
 * itself / its str(); anything else calls its __format__, looked up as a bound method.
 */
export function format(vm: Vm, obj: number, spec: number): number {
  const t = vm.table;
  const empty = spec === 0 || t.n[spec] === 0;
  if (empty) {
    if (t.type[obj] === T.Str) {
      vm.incref(obj);
      return obj;
    }
    if (t.type[obj] === T.Int) return intToStr(vm, intValue(vm, obj));
  }
  const meth = lookupSpecial(vm, obj, '__format__');
  if (meth === 0) throw new NotSupported(`format() of a ${vm.typeOf(obj).name}`);
  try {
    const r = call(vm, meth, [spec === 0 ? vm.s.emptyStr : spec], null);
    if (t.type[r] !== T.Str) {
      const name = vm.typeOf(r).name;
      vm.decref(r);
      throw raiseFormat(vm, E.TypeError, '__format__ must return a str, not %.200s', name);
    }
    return r;
  } finally {
    vm.decref(meth);
  }
}
