import {
  adjusted,
  fin,
  inf,
  Kind,
  ndigits,
  pow10,
  qnan,
  shiftRound,
  type Dec,
  type Rounding,
} from './decimalnum';

/**
 * Decimal's text forms: mpd_qset_string (the constructor's syntax, after numeric_as_ascii has
 * stripped whitespace and dropped underscores), mpd_to_sci / mpd_to_eng (str() and
 * to_eng_string()), and mpd_qformat_spec (format() and f-strings).
 */

const NUMBER = /^([+-])?(?:(\d+)(?:\.(\d*))?|\.(\d+))(?:[eE]([+-]?\d+))?$/;
const SPECIAL = /^([+-])?(?:(inf|infinity)|(s)?nan(\d*))$/i;

/** The value a string spells, or null (ConversionSyntax). */
export function parseDecimal(text: string): Dec | null {
  // numeric_as_ascii: Unicode decimal digits become ASCII, surrounding white space goes, '_' is dropped
  const s = Array.from(text.trim())
    .map((ch) => {
      const cp = ch.codePointAt(0)!;
      if (cp < 128 || !/\p{Nd}/u.test(ch)) return ch;
      // Unicode's decimal digit runs are ten consecutive code points: find the run's zero
      let z = cp;
      while (z > cp - 9 && /\p{Nd}/u.test(String.fromCodePoint(z - 1))) z--;
      return String((cp - z) % 10);
    })
    .join('')
    .replace(/_/g, '');
  const m = NUMBER.exec(s);
  if (m !== null) {
    const sign = m[1] === '-' ? 1 : 0;
    const intPart = m[2] ?? '';
    const frac = m[3] ?? m[4] ?? '';
    const e = m[5] === undefined ? 0 : Number(m[5]);
    if (!Number.isSafeInteger(e)) return null;
    return fin(sign, BigInt(intPart + frac || '0'), e - frac.length);
  }
  const sp = SPECIAL.exec(s);
  if (sp === null) return null;
  const sign = sp[1] === '-' ? 1 : 0;
  if (sp[2] !== undefined) return inf(sign);
  const payload = BigInt(sp[4] || '0');
  const d = qnan(sign, payload);
  return sp[3] !== undefined ? { ...d, kind: Kind.SNaN } : d;
}

function specialText(d: Dec): string {
  const sign = d.sign ? '-' : '';
  if (d.kind === Kind.Inf) return `${sign}Infinity`;
  const payload = d.coeff === 0n ? '' : d.coeff.toString();
  return `${sign}${d.kind === Kind.SNaN ? 's' : ''}NaN${payload}`;
}

/** mpd_to_sci (eng = false) / mpd_to_eng: plain notation when exp ≤ 0 and adjusted ≥ -6. */
export function toSci(d: Dec, capitals = true, eng = false): string {
  if (d.kind !== Kind.Finite) return specialText(d);
  const sign = d.sign ? '-' : '';
  const digits = d.coeff.toString();
  const n = digits.length;
  const adj = d.exp + n - 1;
  if (d.exp <= 0 && adj >= -6) {
    if (d.exp === 0) return sign + digits;
    const point = n + d.exp;
    if (point > 0) return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
    return `${sign}0.${'0'.repeat(-point)}${digits}`;
  }
  let dot = 1;
  let e = adj;
  let body = digits;
  if (eng) {
    if (d.coeff === 0n) {
      // zero: the exponent is the next multiple of three up, the digits after the point zeros
      dot = 1;
      const r = ((adj % 3) + 3) % 3;
      if (r !== 0) {
        e = adj + (3 - r);
        dot = 1 - (3 - r);
      }
    } else {
      const r = ((adj % 3) + 3) % 3;
      dot += r;
      e -= r;
    }
    if (dot > n) body = digits + '0'.repeat(dot - n);
  }
  let text: string;
  if (dot <= 0) text = `0.${'0'.repeat(-dot)}${body}`;
  else if (dot < body.length) text = `${body.slice(0, dot)}.${body.slice(dot)}`;
  else text = body;
  const ex = e === 0 && eng ? '' : `${capitals ? 'E' : 'e'}${e >= 0 ? '+' : ''}${e}`;
  return sign + text + ex;
}

export interface FormatSpec {
  fill: string;
  align: string | null;
  sign: string;
  noNegZero: boolean;
  alt: boolean;
  zeropad: boolean;
  width: number;
  sep: string;
  precision: number | null;
  type: string | null;
}

const SPEC = /^(?:([\s\S])?([<>=^]))?([-+ ])?(z)?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([eEfFgG%])?$/u;

/** The spec, or null when invalid ("Invalid format string"). */
export function parseSpec(spec: string): FormatSpec | null {
  const m = SPEC.exec(spec);
  if (m === null) return null;
  if (m[2] === undefined && m[1] !== undefined) return null;
  return {
    fill: m[1] ?? (m[6] && m[2] === undefined ? '0' : ' '),
    align: m[2] ?? (m[6] ? '=' : null),
    sign: m[3] ?? '-',
    noNegZero: m[4] !== undefined,
    alt: m[5] !== undefined,
    zeropad: m[6] !== undefined,
    width: m[7] === undefined ? 0 : Number(m[7]),
    sep: m[8] ?? '',
    precision: m[9] === undefined ? null : Number(m[9]),
    type: m[10] ?? null,
  };
}

/** `digits` significant digits, padded or rounded (decimal's _round: rescaled to adjusted + 1 - digits, twice on a carry). */
function roundDigits(d: Dec, digits: number, mode: Rounding): Dec {
  if (d.coeff === 0n) return d;
  const r = rescale(d, adjusted(d) + 1 - digits, mode);
  return adjusted(r) === adjusted(d) ? r : rescale(r, adjusted(r) + 1 - digits, mode);
}

function rescale(d: Dec, exp: number, mode: Rounding): Dec {
  if (d.exp >= exp) return fin(d.sign, d.coeff * pow10(d.exp - exp), exp);
  return fin(d.sign, shiftRound(d.coeff, exp - d.exp, d.sign, mode).c, exp);
}

function group(intpart: string, sep: string, minWidth: number): string {
  if (sep === '') return intpart.padStart(Math.max(minWidth, 1), '0');
  const groups: string[] = [];
  let digits = intpart;
  let width = minWidth;
  for (;;) {
    const l = Math.min(Math.max(digits.length, width, 1), 3);
    groups.push(digits.slice(Math.max(0, digits.length - l)).padStart(l, '0'));
    digits = digits.slice(0, Math.max(0, digits.length - l));
    width -= l;
    if (digits === '' && width <= 0) break;
    width -= sep.length;
  }
  return groups.reverse().join(sep);
}

function align(sign: string, body: string, s: FormatSpec): string {
  const pad = s.width - sign.length - [...body].length;
  if (pad <= 0) return sign + body;
  const fill = s.fill.repeat(pad);
  switch (s.align ?? '>') {
    case '<':
      return sign + body + fill;
    case '=':
      return sign + fill + body;
    case '^': {
      const left = Math.floor(pad / 2);
      return s.fill.repeat(left) + sign + body + s.fill.repeat(pad - left);
    }
    default:
      return fill + sign + body;
  }
}

/** Decimal.__format__ (mpd_qformat_spec with the C locale's '.' and no grouping unless asked). */
export function formatDecimal(d0: Dec, s: FormatSpec, mode: Rounding, capitals: boolean): FormatResult {
  let d = d0;
  const type = s.type ?? (capitals ? 'G' : 'g');
  const signText = (neg: boolean): string => (neg ? '-' : s.sign === '-' ? '' : s.sign);
  if (d.kind !== Kind.Finite) {
    const body = toSci({ ...d, sign: 0 }) + (type === '%' ? '%' : '');
    // zero padding does not apply to NaN and Infinity: spaces, right-aligned
    const plain = s.zeropad && s.fill === '0' && s.align === '=' ? { ...s, fill: ' ', align: '>' } : s;
    const text = align(signText(d.sign === 1), body, plain);
    const core = signText(d.sign === 1) + body;
    return { text, mem: 11, copies: text !== core ? [new TextEncoder().encode(text).length + 1] : [] };
  }
  if (type === '%') d = { ...d, exp: d.exp + 2 };
  const p = s.precision;
  if (p !== null) {
    if (type === 'e' || type === 'E') d = roundDigits(d, p + 1, mode);
    else if ('fF%'.includes(type)) d = rescale(d, -p, mode);
    else if (ndigits(d.coeff) > p) d = roundDigits(d, Math.max(p, 1), mode);
  }
  if (d.coeff === 0n && d.exp > 0 && 'fF%'.includes(type)) d = rescale(d, 0, mode);
  if (d.coeff === 0n && s.noNegZero) d = { ...d, sign: 0 };
  const digits = d.coeff.toString();
  const left = d.exp + digits.length;
  let dot: number;
  if (type === 'e' || type === 'E') dot = d.coeff === 0n && p !== null ? 1 - p : 1;
  else if ('fF%'.includes(type)) dot = left;
  else dot = d.exp <= 0 && left > -6 ? left : 1;
  let intpart: string;
  let frac: string;
  if (dot < 0) {
    intpart = '0';
    frac = '0'.repeat(-dot) + digits;
  } else if (dot > digits.length) {
    intpart = digits + '0'.repeat(dot - digits.length);
    frac = '';
  } else {
    intpart = digits.slice(0, dot) || '0';
    frac = digits.slice(dot);
  }
  const exp = left - dot;
  if (frac !== '' || s.alt) frac = '.' + frac;
  if (exp !== 0 || type === 'e' || type === 'E') {
    const echar = type === 'E' || type === 'G' ? 'E' : 'e';
    frac += `${echar}${exp >= 0 ? '+' : '-'}${Math.abs(exp)}`;
  }
  if (type === '%') frac += '%';
  const sign = signText(d.sign === 1);
  const minWidth = s.zeropad && s.fill === '0' && s.align === '=' ? s.width - frac.length - sign.length : 0;
  // _mpd_to_string's buffer for these digits and this decimal point (io.c: MPD_EXPDIGITS + 7 spare)
  const mem = (dot <= 0 ? -dot + digits.length + 2 : dot >= digits.length ? dot : digits.length) + 26;
  const core = sign + group(intpart, s.sep, minWidth) + frac;
  const text = align(sign, group(intpart, s.sep, minWidth) + frac, s);
  // _mpd_apply_lconv copies the string to add the separators, _mpd_add_pad to pad it: each a new block
  const copies: number[] = [];
  if (s.sep !== '') copies.push(core.length + 1);
  if (text !== core) copies.push(new TextEncoder().encode(text).length + 1);
  return { text, mem, copies };
}

export interface FormatResult {
  text: string;
  /** The size of the C string mpd_qformat_spec first writes. */
  mem: number;
  /** The sizes of the copies made from it (separators, then padding), each replacing the last. */
  copies: number[];
}
