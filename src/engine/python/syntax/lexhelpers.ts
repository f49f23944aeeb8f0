import * as T from './tokens';
import { isIdentChar, type Tokenizer } from './tokenizer';

const XID_START = /[\p{XID_Start}_]/u;
const XID_CONTINUE = /\p{XID_Continue}/u;
const NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

/** Py_UNICODE_ISPRINTABLE: every category but Cc, Cf, Cs, Co, Cn, Zl, Zp and Zs (space excepted). */
export function isPrintable(cp: number): boolean {
  if (cp === 32) return true;
  if (cp < 0x7f) return cp > 0x1f;
  return !NOT_PRINTABLE.test(String.fromCodePoint(cp));
}

/**
 * verify_identifier: a name with non-ASCII characters must be XID_Start XID_Continue*. On the
 * first bad character, tok->cur moves just past it and the error names it.
 */
export function verifyIdentifier(tok: Tokenizer): boolean {
  const s = tok.text.slice(tok.start, tok.cur);
  let i = 0;
  let first = true;
  for (const ch of s) {
    const ok = first ? XID_START.test(ch) : XID_CONTINUE.test(ch);
    first = false;
    if (!ok) {
      const cp = ch.codePointAt(0)!;
      if (i + ch.length < s.length) tok.cur = tok.start + i + ch.length;
      const hex = cp.toString(16).toUpperCase().padStart(4, '0');
      if (isPrintable(cp)) tok.syntaxError(`invalid character '${ch}' (U+${hex})`);
      else tok.syntaxError(`invalid non-printable character U+${hex}`);
      return false;
    }
    i += ch.length;
  }
  return true;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isXDigit = (c: number): boolean => isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);

/** lookahead(): the next characters are `test` and no identifier character follows them. */
function lookahead(tok: Tokenizer, test: string): boolean {
  let i = 0;
  let res = false;
  for (;;) {
    const c = tok.nextc();
    if (i === test.length) res = !isIdentChar(c);
    else if (c === test.charCodeAt(i)) {
      i++;
      continue;
    }
    tok.backup(c);
    while (i > 0) {
      tok.backup(test.charCodeAt(--i));
    }
    return res;
  }
}

/**
 * verify_end_of_number: a number directly followed by `and`, `else`, `for`, `if`, `in`, `is`, `not`
 * or `or` only warns (3.11: SyntaxWarning "invalid decimal literal"); any other identifier
 * character is an error.
 */
function verifyEndOfNumber(tok: Tokenizer, c: number, kind: string): boolean {
  let r = false;
  if (c === 97) r = lookahead(tok, 'nd');
  else if (c === 101) r = lookahead(tok, 'lse');
  else if (c === 102) r = lookahead(tok, 'or');
  else if (c === 105) {
    const c2 = tok.nextc();
    if (c2 === 102 || c2 === 110 || c2 === 115) r = true;
    tok.backup(c2);
  } else if (c === 111) r = lookahead(tok, 'r');
  else if (c === 110) r = lookahead(tok, 'ot');
  if (r) {
    tok.backup(c);
    tok.warnings.push({ msg: `invalid ${kind} literal`, lineno: tok.lineno });
    tok.nextc();
  } else if (c < 128 && isIdentChar(c)) {
    // A non-ASCII character after a number is left to the next token ("invalid character").
    tok.backup(c);
    tok.syntaxError(`invalid ${kind} literal`);
    return false;
  }
  return true;
}

const FAIL = -3;

/** tok_decimal_tail: digits with single underscores between them. */
function decimalTail(tok: Tokenizer): number {
  let c: number;
  for (;;) {
    do c = tok.nextc();
    while (isDigit(c));
    if (c !== 95) break;
    c = tok.nextc();
    if (!isDigit(c)) {
      tok.backup(c);
      tok.syntaxError('invalid decimal literal');
      return FAIL;
    }
  }
  return c;
}

function done(tok: Tokenizer, c: number): number {
  tok.backup(c);
  tok.tokStart = tok.start;
  tok.tokEnd = tok.cur;
  return T.NUMBER;
}

/** The number part of tok_get. `c` is the first digit, or the digit after a leading '.'. */
export function lexNumber(tok: Tokenizer, c: number, afterDot: boolean): number {
  if (afterDot) return fraction(tok, c);
  if (c !== 48) {
    c = decimalTail(tok);
    if (c === FAIL) return T.ERRORTOKEN;
    if (c === 46) return fraction(tok, tok.nextc());
    return exponentPart(tok, c);
  }
  c = tok.nextc();
  if (c === 120 || c === 88) return radix(tok, 'hexadecimal', isXDigit);
  if (c === 111 || c === 79) return radix(tok, 'octal', (d) => d >= 48 && d < 56);
  if (c === 98 || c === 66) return radix(tok, 'binary', (d) => d === 48 || d === 49);
  // Maybe old-style octal; '0' itself, '0_0', '00' are fine.
  let nonzero = false;
  for (;;) {
    if (c === 95) {
      c = tok.nextc();
      if (!isDigit(c)) {
        tok.backup(c);
        tok.syntaxError('invalid decimal literal');
        return T.ERRORTOKEN;
      }
    }
    if (c !== 48) break;
    c = tok.nextc();
  }
  const zerosEnd = tok.cur;
  if (isDigit(c)) {
    nonzero = true;
    c = decimalTail(tok);
    if (c === FAIL) return T.ERRORTOKEN;
  }
  if (c === 46) return fraction(tok, tok.nextc());
  if (c === 101 || c === 69) return exponent(tok, c);
  if (c === 106 || c === 74) return imaginary(tok);
  if (nonzero) {
    tok.backup(c);
    // syntaxerror_known_range with byte columns, as the C code passes them.
    tok.syntaxError(
      'leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers',
      tok.byteCol(tok.lineStart, tok.start) + 1,
      tok.byteCol(tok.lineStart, zerosEnd),
    );
    return T.ERRORTOKEN;
  }
  if (!verifyEndOfNumber(tok, c, 'decimal')) return T.ERRORTOKEN;
  return done(tok, c);
}

function radix(tok: Tokenizer, kind: string, ok: (c: number) => boolean): number {
  let c = tok.nextc();
  const named = kind !== 'hexadecimal';
  do {
    if (c === 95) c = tok.nextc();
    if (!ok(c)) {
      if (named && isDigit(c)) {
        tok.syntaxError(`invalid digit '${String.fromCharCode(c)}' in ${kind} literal`);
        return T.ERRORTOKEN;
      }
      tok.backup(c);
      tok.syntaxError(`invalid ${kind} literal`);
      return T.ERRORTOKEN;
    }
    do c = tok.nextc();
    while (ok(c));
  } while (c === 95);
  if (named && isDigit(c)) {
    tok.syntaxError(`invalid digit '${String.fromCharCode(c)}' in ${kind} literal`);
    return T.ERRORTOKEN;
  }
  if (!verifyEndOfNumber(tok, c, kind)) return T.ERRORTOKEN;
  return done(tok, c);
}

function fraction(tok: Tokenizer, c: number): number {
  if (isDigit(c)) {
    c = decimalTail(tok);
    if (c === FAIL) return T.ERRORTOKEN;
  }
  return exponentPart(tok, c);
}

function exponentPart(tok: Tokenizer, c: number): number {
  if (c === 101 || c === 69) return exponent(tok, c);
  if (c === 106 || c === 74) return imaginary(tok);
  if (!verifyEndOfNumber(tok, c, 'decimal')) return T.ERRORTOKEN;
  return done(tok, c);
}

function exponent(tok: Tokenizer, e: number): number {
  let c = tok.nextc();
  if (c === 43 || c === 45) {
    c = tok.nextc();
    if (!isDigit(c)) {
      tok.backup(c);
      tok.syntaxError('invalid decimal literal');
      return T.ERRORTOKEN;
    }
  } else if (!isDigit(c)) {
    tok.backup(c);
    if (!verifyEndOfNumber(tok, e, 'decimal')) return T.ERRORTOKEN;
    tok.backup(e);
    tok.tokStart = tok.start;
    tok.tokEnd = tok.cur;
    return T.NUMBER;
  }
  c = decimalTail(tok);
  if (c === FAIL) return T.ERRORTOKEN;
  if (c === 106 || c === 74) return imaginary(tok);
  if (!verifyEndOfNumber(tok, c, 'decimal')) return T.ERRORTOKEN;
  return done(tok, c);
}

function imaginary(tok: Tokenizer): number {
  const c = tok.nextc();
  if (!verifyEndOfNumber(tok, c, 'imaginary')) return T.ERRORTOKEN;
  return done(tok, c);
}
