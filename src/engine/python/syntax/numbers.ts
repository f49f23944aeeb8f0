import type { ConstValue, Expr } from './ast';
import type { Parser } from './parser/core';

/** sys.get_int_max_str_digits() default (CPython 3.11.7, PEP 651's follow-up gh-95778). */
export const INT_MAX_STR_DIGITS = 4300;

/**
 * _PyPegen_number_token + parsenumber: the value of a NUMBER token (underscores dropped).
 * Decimal literals longer than 4300 digits are refused as 3.11 refuses them.
 */
export function numberToken(p: Parser, i: number): Expr {
  p.noteObject();
  const text = p.text(i);
  const raw = text.indexOf('_') >= 0 ? text.replace(/_/g, '') : text;
  const value = parseNumber(raw);
  if (value === null) {
    const digits = raw.replace(/^0+(?=\d)/, '').length;
    throw p.knownLocation(
      'SyntaxError',
      p.lineno[i],
      -1,
      p.endLineno[i],
      -1,
      `Exceeds the limit (${INT_MAX_STR_DIGITS} digits) for integer string conversion: value has ${digits} digits; ` +
        'use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals ' +
        'to avoid decimal conversion limits.',
    );
  }
  return { k: 'Constant', value, kind: null, ...p.tokPos(i) };
}

/** parsenumber_raw: int (any base), float, or imaginary; null past the decimal digit limit. */
export function parseNumber(s: string): ConstValue | null {
  if (s.length < 16 && isDigits(s)) return { t: 'int', v: BigInt(Number(s)) };
  const last = s.charCodeAt(s.length - 1);
  if (last === 106 || last === 74) return { t: 'complex', re: 0, im: Number(s.slice(0, -1)) };
  const c1 = s.charCodeAt(1) | 0x20;
  if (s.charCodeAt(0) === 48 && (c1 === 0x78 || c1 === 0x6f || c1 === 0x62))
    return { t: 'int', v: BigInt(s) };
  if (/^\d+$/.test(s)) {
    if (s.length > INT_MAX_STR_DIGITS && s.replace(/^0+(?=\d)/, '').length > INT_MAX_STR_DIGITS) return null;
    return { t: 'int', v: BigInt(s) };
  }
  return { t: 'float', v: Number(s) };
}

function isDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
