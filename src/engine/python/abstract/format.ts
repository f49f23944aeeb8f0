import { NotSupported } from '../errors';
import { E } from '../objects/exctypes';
import { floatBufSize, floatRepr } from '../objects/float';
import { intToStr, intValue } from '../objects/int';
import { checkIntStrDigits } from '../objects/intsize';
import { strKindOf, strNew, strValue } from '../objects/str';
import { T } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { lookupSpecial } from './attr';
import { call } from './call';
import { raiseFormat, valueError } from './errors';
import { str } from './repr';
import { methodFunc, methodSelf } from '../objects/classobject';
import { DEFERRED, deferrer, takeDefer } from '../runtime/deferred';

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
  const presentation = type ?? defaultType;
  // parse_internal_render_format_spec: ',' only with d e f g E G % F or no type; '_' also with b o x X
  if (
    grouping &&
    !'defgEG%F'.includes(presentation) &&
    !(grouping === '_' && 'boxX'.includes(presentation))
  ) {
    const c = presentation.codePointAt(0) ?? 0;
    throw c > 32 && c < 128
      ? valueError(vm, "Cannot specify '%c' with '%c'.", grouping.codePointAt(0)!, c)
      : valueError(vm, "Cannot specify '%c' with '\\x%x'.", grouping.codePointAt(0)!, c);
  }
  // parse_internal_render_format_spec's 0-padding: a '0' before the width makes '0' the fill
  // whenever no fill was given, even with an explicit align (format(5, '>06b') is '000101'); it
  // makes '=' the align only when none was given and the default is '>' (numbers; 'ab' with '05'
  // is 'ab000')
  return {
    fill: fill ?? (zero ? '0' : ' '),
    align: (align as FormatSpec['align']) ?? (zero && defaultAlign === '>' ? '=' : defaultAlign),
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
export function pad(f: FormatSpec, prefix: string, body: string): string {
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
      checkIntStrDigits(vm, v); // _PyLong_FormatWriter → long_to_decimal_string_internal's limit
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
      if (f.alternate)
        throw valueError(vm, "Alternate form (#) not allowed with integer format specifier 'c'");
      if (v < 0 || v > 0x10ffff) throw raiseFormat(vm, E.OverflowError, '%%c arg not in range(0x110000)');
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

/** A finite double's exact value as num / den (den a power of two). */
function exactRatio(a: number): [bigint, bigint] {
  const dv = new DataView(new ArrayBuffer(8));
  dv.setFloat64(0, a);
  const hi = dv.getUint32(0);
  const lo = dv.getUint32(4);
  const bexp = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (bexp !== 0) mant |= 1n << 52n;
  const e2 = (bexp === 0 ? 1 : bexp) - 1075;
  return e2 >= 0 ? [mant << BigInt(e2), 1n] : [mant, 1n << BigInt(-e2)];
}

/** num / den rounded half to even (dtoa's correct rounding of the exact value). */
function roundHalfEven(num: bigint, den: bigint): bigint {
  const q = num / den;
  const r2 = 2n * (num % den);
  return r2 > den || (r2 === den && q % 2n === 1n) ? q + 1n : q;
}

/** |a| with p digits after the point, correctly rounded ('f'), as PyOS_double_to_string makes it. */
function toFixedExact(a: number, p: number): string {
  const [num, den] = exactRatio(a);
  const digits = roundHalfEven(num * 10n ** BigInt(p), den)
    .toString()
    .padStart(p + 1, '0');
  return p === 0 ? digits : `${digits.slice(0, -p)}.${digits.slice(-p)}`;
}

/** |a| in scientific notation with p digits after the point, correctly rounded ('e'). */
function toExponentialExact(a: number, p: number): string {
  if (a === 0) return `${(0).toFixed(p)}e+00`;
  const [num, den] = exactRatio(a);
  let e = Math.floor(Math.log10(a));
  // make sure 10**e <= a < 10**(e+1) exactly
  while (num < (den * 10n ** BigInt(Math.max(e, 0))) / 10n ** BigInt(Math.max(-e, 0))) e--;
  while (num * 10n ** BigInt(Math.max(-(e + 1), 0)) >= den * 10n ** BigInt(Math.max(e + 1, 0))) e++;
  let n: bigint;
  if (p - e >= 0) n = roundHalfEven(num * 10n ** BigInt(p - e), den);
  else n = roundHalfEven(num, den * 10n ** BigInt(e - p));
  if (n >= 10n ** BigInt(p + 1)) {
    n /= 10n;
    e++;
  }
  const d = n.toString();
  const mant = p === 0 ? d : `${d[0]}.${d.slice(1)}`;
  return pyExp(`${mant}e${e < 0 ? '-' : '+'}${Math.abs(e)}`);
}

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
        body = toFixedExact(a, p < 0 ? 6 : p);
        if (f.alternate && !body.includes('.')) body += '.';
        break;
      case '%':
        body = toFixedExact(a * 100, p < 0 ? 6 : p) + '%';
        break;
      case 'e':
      case 'E':
        body = toExponentialExact(a, p < 0 ? 6 : p);
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

/**
 * 'g', and the no-type form: repr() when there is no precision, else like 'g' but with a digit
 * after the point in fixed notation and the switch to exponents one digit earlier.
 */
function general(a: number, p: number, type: string, alternate: boolean): string {
  if (type === '' && p < 0) return floatRepr(a);
  const prec = p < 0 ? 6 : p === 0 ? 1 : p;
  const sci = toExponentialExact(a, prec - 1);
  const e = Number(sci.split('e')[1]);
  let out: string;
  if (e >= -4 && e < (type === '' ? prec - 1 : prec)) {
    out = toFixedExact(a, Math.max(0, prec - 1 - e));
    if (!alternate && out.includes('.')) out = out.replace(/0+$/, '').replace(/\.$/, type === '' ? '.0' : '');
    else if (type === '' && !out.includes('.')) out += '.0';
  } else {
    out = sci;
    if (!alternate) out = out.replace(/\.?0+e/, 'e');
  }
  return type === 'G' ? out.toUpperCase() : out;
}

// ---- the __format__ slots: allocations ---------------------------------------------------------

/** A str result written by a _PyUnicodeWriter prepared for exactly its length (no over-allocation). */
function exactStr(vm: Vm, text: string): number {
  return strNew(vm, text, strKindOf(text));
}

/**
 * int.__format__: an empty spec is str(self). Else format_long_internal: the digits first
 * (_PyLong_Format: in base 10 through a scratch int, in a power-of-two base straight into a
 * str), and when the result is exactly those digits the writer hands that str back; otherwise
 * the result is written into a str of its exact size and the digits released.
 */
export function intFormat(vm: Vm, h: number, spec: string): number {
  if (spec === '') return str(vm, h);
  const f = parseSpec(vm, spec, 'd', '>');
  const v = intValue(vm, h);
  const text = intFormatText(vm, v, f);
  if ('eEfFgG%'.includes(f.type)) return floatResult(vm, text);
  if (f.type === 'c') return exactStr(vm, text);
  const base = f.type === 'b' ? 2 : f.type === 'o' ? 8 : f.type === 'x' || f.type === 'X' ? 16 : 10;
  const digits = base === 10 ? v.toString() : (typeof v === 'bigint' ? v : BigInt(v)).toString(base);
  let tmp: number;
  if (base === 10) tmp = intToStr(vm, v, h);
  else tmp = strNew(vm, digits, 0);
  if (text === digits) return tmp;
  const r = exactStr(vm, text);
  vm.decref(tmp);
  return r;
}

/** float.__format__: an empty spec is str(self) (format_obj); else PyOS_double_to_string's buffer, then the result. */
export function floatFormat(vm: Vm, h: number, spec: string): number {
  if (spec === '') return str(vm, h);
  const f = parseSpec(vm, spec, '', '>');
  return floatResult(vm, floatFormatText(vm, vm.table.num[h], f));
}

/** format_float_internal: the digits in a PyMem buffer (PyOS_double_to_string), the result written, the buffer freed. */
function floatResult(vm: Vm, text: string): number {
  const digits = text
    .trim()
    .replace(/^[+\- ]/, '')
    .replace(/[,_%]/g, '');
  const buf = vm.mem.malloc(floatBufSize(digits));
  vm.mem.touch(buf, digits.length + 1);
  const r = exactStr(vm, text);
  vm.mem.free(buf);
  return r;
}

/** str.__format__: the same str when nothing changes, else the padded or cut copy. */
export function strFormat(vm: Vm, h: number, spec: string): number {
  const s = strValue(vm, h);
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
 * itself / its str(); anything else calls its __format__, looked up as a bound method. When the
 * caller allows it (runtime/deferred.ts) a class's Python __format__, or the __str__ that
 * object.__format__ calls, runs in the calling loop: the result checked after it returns
 * (a tree formatted recursively: real 3.11.7 990 levels through format(), 333 through f-strings).
 */
export function format(vm: Vm, obj: number, spec: number): number {
  const defer = takeDefer(vm);
  const t = vm.table;
  const empty = spec === 0 || t.n[spec] === 0;
  if (empty) {
    if (t.type[obj] === T.Str) {
      vm.incref(obj);
      return obj;
    }
    if (t.type[obj] === T.Int) return intToStr(vm, intValue(vm, obj), obj);
  }
  const meth = lookupSpecial(vm, obj, '__format__');
  if (meth === 0) throw new NotSupported(`format() of a ${vm.typeOf(obj).name}`);
  const arg = spec === 0 ? vm.s.emptyStr : spec;
  let r: number;
  try {
    if (defer && t.type[meth] === T.Method) {
      // method_vectorcall: the function with self first, no check of its own
      r = deferrer(vm)!.deferCall(methodFunc(vm, meth), [methodSelf(vm, meth), arg], null);
    } else {
      // object.__format__ (a bound built-in: callCFunction takes the permission)
      if (defer && t.type[meth] === T.Builtin) deferrer(vm)!.armDefer();
      r = call(vm, meth, [arg], null);
    }
  } catch (e) {
    vm.decref(meth);
    throw e;
  }
  if (r === DEFERRED) {
    deferrer(vm)!.continueWith({
      done: (vm2, res) => {
        vm2.decref(meth);
        return formatChecked(vm2, res);
      },
      fail: (vm2) => vm2.decref(meth),
    });
    return DEFERRED;
  }
  vm.decref(meth);
  return formatChecked(vm, r);
}

/** PyObject_Format's check of what __format__ returned. */
function formatChecked(vm: Vm, r: number): number {
  if (vm.table.type[r] !== T.Str) {
    const name = vm.typeOf(r).name;
    vm.decref(r);
    throw raiseFormat(vm, E.TypeError, '__format__ must return a str, not %.200s', name);
  }
  return r;
}
