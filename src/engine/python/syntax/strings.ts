import type { Expr } from './ast';
import { fstringConcat, type FstringState } from './fstring';
import type { Parser } from './parser/core';
import { lookupUnicodeName } from './unicodeNames';

/** One STRING token taken apart (_PyPegen_parsestr). */
export interface StringPiece {
  bytes: boolean;
  raw: boolean;
  fmode: boolean;
  /** The token's text, prefix and quotes included. */
  text: string;
  /** The body: text[bodyStart, bodyEnd). */
  bodyStart: number;
  bodyEnd: number;
}

export function splitStringToken(text: string): StringPiece {
  let i = 0;
  let bytes = false;
  let raw = false;
  let fmode = false;
  for (;;) {
    const c = text.charCodeAt(i) | 0x20;
    if (c === 0x62) bytes = true;
    else if (c === 0x72) raw = true;
    else if (c === 0x66) fmode = true;
    else if (c !== 0x75) break;
    i++;
  }
  const q = text.charCodeAt(i);
  const triple = text.length - i >= 6 && text.charCodeAt(i + 1) === q && text.charCodeAt(i + 2) === q;
  const n = triple ? 3 : 1;
  return { bytes, raw, fmode, text, bodyStart: i + n, bodyEnd: text.length - n };
}

/**
 * _PyPegen_concatenate_strings: adjacent STRING tokens as one Constant (str or bytes) or, when any
 * is an f-string, one JoinedStr. Constants inside a JoinedStr take the position of the whole run of
 * tokens, as 3.11 gives them.
 */
export function concatenateStrings(p: Parser, toks: number[]): Expr {
  p.noteObject();
  const first = toks[0];
  const last = toks[toks.length - 1];
  let bytesmode = false;
  let bytesValue = '';
  const state: FstringState = { lastStr: null, exprList: [], fmode: false };
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k];
    const piece = splitStringToken(p.text(t));
    if (k !== 0 && bytesmode !== piece.bytes)
      throw p.raise('SyntaxError', 'cannot mix bytes and nonbytes literals');
    bytesmode = piece.bytes;
    const body = piece.text.slice(piece.bodyStart, piece.bodyEnd);
    if (piece.fmode) {
      fstringConcat(p, state, piece, 0, first, t, last);
      continue;
    }
    const raw = piece.raw || body.indexOf('\\') < 0;
    if (piece.bytes) {
      // The C loop runs to the end of the token's text, quotes included.
      for (let i = piece.bodyStart; i < piece.text.length; i++)
        if (piece.text.charCodeAt(i) >= 0x80)
          throw p.errorAtToken(t, 'bytes can only contain ASCII literal characters');
      bytesValue += raw ? body : decodeBytesEscapes(p, body);
    } else {
      concatAndDel(state, raw ? body : decodeUnicodeEscapes(p, body));
    }
  }
  const pos = {
    line: p.lineno[first],
    col: p.col[first],
    endLine: p.endLineno[last],
    endCol: p.endCol[last],
  };
  if (bytesmode) return { k: 'Constant', value: { t: 'bytes', v: bytesValue }, kind: null, ...pos };
  if (!state.fmode) {
    return { k: 'Constant', value: { t: 'str', v: state.lastStr ?? '' }, kind: kindOf(p, first), ...pos };
  }
  if (state.lastStr !== null) state.exprList.push(strNode(p, state, first, last));
  return { k: 'JoinedStr', values: state.exprList, ...pos };
}

/** _PyPegen_FstringParser_ConcatAndDel: empty strings are dropped. */
export function concatAndDel(state: FstringState, s: string): void {
  if (s.length === 0) return;
  state.lastStr = state.lastStr === null ? s : state.lastStr + s;
}

/** make_str_node_and_del: kind 'u' only when the first token starts with a lowercase u. */
export function strNode(p: Parser, state: FstringState, first: number, last: number): Expr {
  const v = state.lastStr ?? '';
  state.lastStr = null;
  return {
    k: 'Constant',
    value: { t: 'str', v },
    kind: kindOf(p, first),
    line: p.lineno[first],
    col: p.col[first],
    endLine: p.endLineno[last],
    endCol: p.endCol[last],
  };
}

function kindOf(p: Parser, first: number): 'u' | null {
  return p.tok.text.charCodeAt(p.start[first]) === 0x75 ? 'u' : null;
}

/**
 * decode_unicode_with_escapes: non-ASCII characters become \UXXXXXXXX first (and a backslash before
 * one, or at the end, becomes \u005c), then the unicode-escape codec runs; its error positions
 * count in that rewritten buffer, as CPython's messages do.
 */
export function decodeUnicodeEscapes(p: Parser, s: string): string {
  let buf = '';
  for (let i = 0; i < s.length;) {
    if (s.charCodeAt(i) === 0x5c) {
      // The backslash is copied with the character after it (so "\\\\" stays one escape).
      buf += '\\';
      i++;
      if (i >= s.length || s.charCodeAt(i) >= 0x80) {
        buf += 'u005c';
        if (i >= s.length) break;
      }
    }
    const cp = s.codePointAt(i)!;
    if (cp >= 0x80) {
      buf += '\\U' + cp.toString(16).padStart(8, '0');
      i += cp > 0xffff ? 2 : 1;
    } else {
      buf += s[i];
      i++;
    }
  }
  return unicodeEscape(p, buf);
}

const SIMPLE: Record<string, string> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  b: '\b',
  f: '\f',
  t: '\t',
  n: '\n',
  r: '\r',
  v: '\v',
  a: '\x07',
};

function isOct(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '7';
}

/** _PyUnicode_DecodeUnicodeEscapeInternal on an ASCII buffer. */
function unicodeEscape(p: Parser, b: string): string {
  const out: string[] = [];
  const end = b.length;
  let s = 0;
  while (s < end) {
    const c = b[s++];
    if (c !== '\\') {
      out.push(c);
      continue;
    }
    const startinpos = s - 1;
    let message: string;
    if (s >= end) {
      message = '\\ at end of string';
    } else {
      const e = b[s++];
      if (e === '\n') continue;
      const simple = SIMPLE[e];
      if (simple !== undefined) {
        out.push(simple);
        continue;
      }
      if (isOct(e)) {
        let ch = e.charCodeAt(0) - 48;
        if (s < end && isOct(b[s])) {
          ch = (ch << 3) + b.charCodeAt(s++) - 48;
          if (s < end && isOct(b[s])) ch = (ch << 3) + b.charCodeAt(s++) - 48;
        }
        out.push(String.fromCodePoint(ch));
        continue;
      }
      let count: number;
      if (e === 'x') {
        count = 2;
        message = 'truncated \\xXX escape';
      } else if (e === 'u') {
        count = 4;
        message = 'truncated \\uXXXX escape';
      } else if (e === 'U') {
        count = 8;
        message = 'truncated \\UXXXXXXXX escape';
      } else if (e === 'N') {
        message = 'malformed \\N character escape';
        if (s < end && b[s] === '{') {
          const start = ++s;
          while (s < end && b[s] !== '}') s++;
          if (s < end && s > start) {
            const name = b.slice(start, s);
            s++;
            const cp = lookupUnicodeName(name);
            if (cp !== null) {
              out.push(String.fromCodePoint(cp));
              continue;
            }
            message = 'unknown Unicode character name';
          }
        }
        throw unicodeError(p, b, startinpos, s, message);
      } else {
        out.push('\\', e);
        continue;
      }
      let ch = 0;
      for (; count; s++, count--) {
        if (s >= end) throw unicodeError(p, b, startinpos, s, message);
        const d = parseInt(b[s], 16);
        if (Number.isNaN(d)) throw unicodeError(p, b, startinpos, s, message);
        ch = ch * 16 + d;
      }
      if (ch > 0x10ffff) throw unicodeError(p, b, startinpos, s, 'illegal Unicode character');
      out.push(String.fromCodePoint(ch));
      continue;
    }
    throw unicodeError(p, b, startinpos, s, message);
  }
  return out.join('');
}

/** The UnicodeDecodeError, as the parser reports it ("(unicode error) ..."), at the last token. */
function unicodeError(p: Parser, b: string, start: number, end: number, message: string) {
  const where =
    end - start === 1
      ? `byte 0x${b.charCodeAt(start).toString(16).padStart(2, '0')} in position ${start}`
      : `bytes in position ${start}-${end - 1}`;
  return p.raise('SyntaxError', `(unicode error) 'unicodeescape' codec can't decode ${where}: ${message}`);
}

const HEX = /^[0-9a-fA-F]$/;

/** _PyBytes_DecodeEscape: the result as a latin-1 string. */
function decodeBytesEscapes(p: Parser, s: string): string {
  let out = '';
  const end = s.length;
  let i = 0;
  while (i < end) {
    if (s[i] !== '\\') {
      out += s[i++];
      continue;
    }
    i++;
    if (i >= end) throw p.raise('SyntaxError', '(value error) Trailing \\ in string');
    const e = s[i++];
    if (e === '\n') continue;
    const simple = SIMPLE[e];
    if (simple !== undefined) {
      out += simple;
      continue;
    }
    if (isOct(e)) {
      let c = e.charCodeAt(0) - 48;
      if (i < end && isOct(s[i])) {
        c = (c << 3) + s.charCodeAt(i++) - 48;
        if (i < end && isOct(s[i])) c = (c << 3) + s.charCodeAt(i++) - 48;
      }
      out += String.fromCharCode(c & 0xff);
      continue;
    }
    if (e === 'x') {
      if (i + 1 < end && HEX.test(s[i]) && HEX.test(s[i + 1])) {
        out += String.fromCharCode(parseInt(s.slice(i, i + 2), 16));
        i += 2;
        continue;
      }
      throw p.raise('SyntaxError', `(value error) invalid \\x escape at position ${i - 2}`);
    }
    out += '\\' + e;
  }
  return out;
}
