import type { ConstValue } from './ast';

/** Thrown with a message; the parser adds the position. */
export class LiteralError extends Error {}

/** A Number token: int (any base, underscores), float, or an error for complex literals. */
export function parseNumber(text: string): ConstValue {
  const s = text.replace(/_/g, '');
  if (/[jJ]$/.test(s)) throw new LiteralError('complex numbers');
  const lower = s.toLowerCase();
  if (/^0[xob]/.test(lower)) return { t: 'int', v: BigInt(lower) };
  if (/^[0-9]+$/.test(s)) {
    if (/^0+[0-9]/.test(s) && /[1-9]/.test(s))
      throw new LiteralError('leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers');
    return { t: 'int', v: BigInt(s) };
  }
  const v = Number(s);
  if (Number.isNaN(v)) throw new LiteralError(`invalid number literal ${text}`);
  return { t: 'float', v };
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '\n': '',
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

/** One String token (prefix, quotes, escapes) → str or bytes constant. f-strings are refused. */
export function parseString(token: string): ConstValue {
  const m = /^([a-zA-Z]*)('''|"""|'|")/.exec(token);
  if (!m) throw new LiteralError(`bad string literal ${token}`);
  const prefix = m[1].toLowerCase();
  if (prefix.includes('f')) throw new LiteralError('f-strings');
  const isBytes = prefix.includes('b');
  const raw = prefix.includes('r');
  const q = m[2];
  const body = token.slice(m[0].length, token.length - q.length);
  const v = raw ? body : unescape(body, isBytes);
  if (isBytes) {
    for (let i = 0; i < v.length; i++) {
      if (v.charCodeAt(i) > 255) throw new LiteralError('bytes can only contain ASCII literal characters');
    }
    return { t: 'bytes', v };
  }
  return { t: 'str', v };
}

function unescape(body: string, isBytes: boolean): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[++i];
    if (e === undefined) break;
    if (e === '\r') {
      if (body[i + 1] === '\n') i++;
      continue;
    }
    if (e in SIMPLE_ESCAPES) {
      out += SIMPLE_ESCAPES[e];
    } else if (e >= '0' && e <= '7') {
      let digits = e;
      while (digits.length < 3 && body[i + 1] >= '0' && body[i + 1] <= '7') digits += body[++i];
      out += String.fromCharCode(parseInt(digits, 8));
    } else if (e === 'x') {
      const hex = body.slice(i + 1, i + 3);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) throw new LiteralError(`truncated \\xXX escape`);
      out += String.fromCharCode(parseInt(hex, 16));
      i += 2;
    } else if (!isBytes && (e === 'u' || e === 'U')) {
      const n = e === 'u' ? 4 : 8;
      const hex = body.slice(i + 1, i + 1 + n);
      if (hex.length !== n || !/^[0-9a-fA-F]+$/.test(hex)) throw new LiteralError(`truncated \\${e} escape`);
      out += String.fromCodePoint(parseInt(hex, 16));
      i += n;
    } else if (!isBytes && e === 'N') {
      throw new LiteralError('\\N{...} escapes');
    } else {
      out += '\\' + e; // unknown escapes stay as they are (with a DeprecationWarning in CPython)
    }
  }
  return out;
}
