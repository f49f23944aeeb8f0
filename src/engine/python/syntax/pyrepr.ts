import type { ConstValue } from './ast';
import { isPrintable } from './lexhelpers';

/** repr() of a constant, as compile-time messages show it (%R). */
export function constRepr(v: ConstValue): string {
  switch (v.t) {
    case 'int':
      return v.v.toString();
    case 'float':
      return floatRepr(v.v);
    case 'complex': {
      const im = `${floatReprShort(v.im)}j`;
      if (v.re === 0 && !Object.is(v.re, -0)) return im;
      return `(${floatReprShort(v.re)}${v.im < 0 || Object.is(v.im, -0) ? '' : '+'}${im})`;
    }
    case 'str':
      return strRepr(v.v);
    case 'bytes':
      return bytesRepr(v.v);
    case 'none':
      return 'None';
    case 'bool':
      return v.v ? 'True' : 'False';
    case 'ellipsis':
      return 'Ellipsis';
    case 'tuple':
      return v.items.length === 1 ? `(${constRepr(v.items[0])},)` : `(${v.items.map(constRepr).join(', ')})`;
    case 'frozenset':
      return v.items.length ? `frozenset({${v.items.map(constRepr).join(', ')}})` : 'frozenset()';
  }
}

/** float.__repr__: the shortest round-trip digits, Python's exponent rules. */
export function floatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const s = floatReprShort(x);
  return /[.e]|inf|nan/.test(s) ? s : s + '.0';
}

/** repr's digits without forcing '.0' (complex parts print "1j", not "1.0j"). */
function floatReprShort(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const [mant, expStr] = x.toExponential().split('e');
  const exp = Number(expStr);
  const digits = mant.replace('-', '').replace('.', '');
  const sign = x < 0 ? '-' : '';
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  if (digits.length <= exp + 1) return `${sign}${digits}${'0'.repeat(exp + 1 - digits.length)}`;
  return `${sign}${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
}

/** str.__repr__ */
export function strRepr(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = q;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === q || ch === '\\') out += '\\' + ch;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (cp < 0x20 || cp === 0x7f) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (cp < 0x7f || isPrintable(cp)) out += ch;
    else if (cp <= 0xff) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (cp <= 0xffff) out += '\\u' + cp.toString(16).padStart(4, '0');
    else out += '\\U' + cp.toString(16).padStart(8, '0');
  }
  return out + q;
}

/** bytes.__repr__ (the value as a latin-1 string) */
export function bytesRepr(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = 'b' + q;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i];
    if (ch === q || ch === '\\') out += '\\' + ch;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c >= 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + q;
}

/**
 * A key equal for values Python's == and hash() make equal (1 == 1.0 == True, 0 == -0.0 ==
 * False, 1+0j == 1), for duplicate detection among constants.
 */
export function constKey(v: ConstValue): string {
  switch (v.t) {
    case 'int':
      return 'n' + v.v.toString();
    case 'bool':
      return v.v ? 'n1' : 'n0';
    case 'float':
      return numKey(v.v);
    case 'complex':
      return v.im === 0 ? numKey(v.re) : `c${v.re},${v.im}`;
    case 'str':
      return 's' + v.v;
    case 'bytes':
      return 'b' + v.v;
    default:
      return v.t;
  }
}

function numKey(x: number): string {
  if (Number.isInteger(x)) return 'n' + BigInt(x).toString();
  return Number.isNaN(x) ? `nan${Math.random()}` : 'f' + String(x);
}
