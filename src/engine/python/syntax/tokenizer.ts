import { PythonSyntaxError } from './errors';
import type { PreparedSource } from './source';
import * as T from './tokens';
import { isPrintable, lexNumber, verifyIdentifier } from './lexhelpers';

/** tok->done codes (Include/errcode.h) that the parser turns into errors (tokenizer_error). */
export const E_OK = 10;
export const E_EOF = 11;
export const E_TOKEN = 13;
export const E_TABSPACE = 18;
export const E_TOODEEP = 20;
export const E_DEDENT = 21;
export const E_LINECONT = 25;
export const E_ERROR = 17;

export const EOF = -1;
const MAXINDENT = 100;
const MAXLEVEL = 200;
const TABSIZE = 8;

/**
 * CPython 3.11's tokenizer (Parser/tokenizer.c, tok_get), on the decoded text. Positions inside
 * are UTF-16 indices; `byteCol` gives the UTF-8 columns CPython's tokens carry. Lines are read one
 * at a time as tok_nextc does, so errors tied to reading a line (a NUL, a bad byte) fire only when
 * the parser asks for a token on that line, and `buf` keeps the start of the first line of a
 * multi-line token as tok->buf does (tokenizer_error's column for E_LINECONT counts from it).
 */
export class Tokenizer {
  readonly text: string;
  private readonly n: number;
  cur = 0;
  inp = 0;
  lineStart = 0;
  buf = 0;
  /** tok->start; -1 is NULL. */
  start = -1;
  multiLineStart = 0;
  firstLineno = 0;
  lineno = 0;
  done = E_OK;
  /** The exception syntaxerror() set (PyErr_Occurred), if any. */
  error: PythonSyntaxError | null = null;
  level = 0;
  readonly parenStack: number[] = [];
  readonly parenLineno: number[] = [];
  /** Byte column of each open bracket. */
  readonly parenCol: number[] = [];
  private readonly indstack: number[] = [0];
  private readonly altindstack: number[] = [0];
  private indent = 0;
  private pendin = 0;
  private atbol = true;
  contLine = false;
  /** Token bounds from the last get(); -1 for NULL (INDENT, DEDENT, ENDMARKER, errors). */
  tokStart = -1;
  tokEnd = -1;
  /** Warnings the tokenizer would print (parser_warn), e.g. `1if x else 2`. */
  readonly warnings: { msg: string; lineno: number }[] = [];

  constructor(readonly src: PreparedSource) {
    this.text = src.text;
    this.n = src.text.length;
  }

  /** tok_nextc: the next character, reading the next line when the current one is used up. */
  nextc(): number {
    if (this.cur !== this.inp) return this.text.charCodeAt(this.cur++);
    if (this.done !== E_OK) return EOF;
    if (this.inp >= this.n) {
      // tok_underflow_file empties its buffer before trying to read (tok_underflow_string does not).
      if (this.src.mode === 'file' && this.start < 0) this.buf = this.cur;
      this.done = E_EOF;
      this.cur = this.inp;
      return EOF;
    }
    let end = this.text.indexOf('\n', this.inp);
    end = end < 0 ? this.n : end + 1;
    if (this.start < 0) this.buf = this.cur;
    this.lineStart = this.cur;
    this.lineno++;
    this.inp = end;
    if (this.lineno === this.src.badLine && this.src.badLineError) {
      // The file reader refuses this line (tok_underflow_file / the NUL check in tok_nextc).
      this.error = this.src.badLineError();
      this.done = E_ERROR;
      this.cur = this.inp;
      return EOF;
    }
    return this.text.charCodeAt(this.cur++);
  }

  /** tok_backup */
  backup(c: number): void {
    if (c !== EOF) this.cur--;
  }

  /**
   * syntaxerror() / _syntaxerror_range(): offsets count characters from line_start; -1 means the
   * character count up to tok->cur. The text is the current line without its newline.
   */
  syntaxError(msg: string, col = -1, endCol = -1): number {
    const upTo = codePoints(this.text, this.lineStart, this.cur);
    const c = col === -1 ? upTo : col;
    const e = endCol === -1 ? c : endCol;
    let lineEnd = this.text.indexOf('\n', this.lineStart);
    if (lineEnd < 0) lineEnd = this.n;
    const nul = this.text.indexOf('\0', this.lineStart);
    if (nul >= 0 && nul < lineEnd) lineEnd = nul;
    const text = this.text.slice(this.lineStart, lineEnd);
    this.error = new PythonSyntaxError('SyntaxError', msg, this.lineno, c, this.lineno, e, text);
    this.done = E_ERROR;
    return T.ERRORTOKEN;
  }

  /** The UTF-8 byte column of text index `at` on the line starting at `lineStart`. */
  byteCol(lineStart: number, at: number): number {
    if (lineStart !== this.bcLine || at < this.bcAt) {
      this.bcLine = lineStart;
      this.bcAt = lineStart;
      this.bcVal = 0;
    }
    let i = this.bcAt;
    let v = this.bcVal;
    const s = this.text;
    while (i < at) {
      const c = s.charCodeAt(i);
      if (c < 0x80) v += 1;
      else if (c < 0x800) v += 2;
      else if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        v += 4;
        i++;
      } else v += 3;
      i++;
    }
    this.bcAt = i;
    this.bcVal = v;
    return v;
  }
  private bcLine = -1;
  private bcAt = 0;
  private bcVal = 0;

  private indentError(): number {
    this.done = E_TABSPACE;
    this.cur = this.inp;
    return T.ERRORTOKEN;
  }

  /** tok_continuation_line: a backslash must end its line, and the file must go on. */
  private continuationLine(): number {
    let c = this.nextc();
    if (c !== 10) {
      this.done = E_LINECONT;
      return -2;
    }
    c = this.nextc();
    if (c === EOF) {
      this.done = E_EOF;
      this.cur = this.inp;
      return -2;
    }
    this.backup(c);
    return c;
  }

  /** tok_get: the next token's type; its bounds are in tokStart/tokEnd. */
  get(): number {
    this.tokStart = this.tokEnd = -1;
    let c: number;
    let blankline: boolean;
    for (;;) {
      // nextline:
      this.start = -1;
      blankline = false;
      if (this.atbol) {
        const r = this.indentation();
        if (r === -2) blankline = true;
        else if (r !== -1) return r;
      }
      this.start = this.cur;
      if (this.pendin !== 0) {
        if (this.pendin < 0) {
          this.pendin++;
          return T.DEDENT;
        }
        this.pendin--;
        return T.INDENT;
      }
      // again:
      for (;;) {
        this.start = -1;
        do c = this.nextc();
        while (c === 32 || c === 9 || c === 12);
        this.start = this.cur - 1;
        if (c === 35 /* # */) while (c !== EOF && c !== 10) c = this.nextc();
        if (c === EOF) {
          if (this.level) return T.ERRORTOKEN;
          return this.done === E_EOF ? T.ENDMARKER : T.ERRORTOKEN;
        }
        if (c === 92 /* \ */) {
          if (this.continuationLine() === -2) return T.ERRORTOKEN;
          this.contLine = true;
          continue;
        }
        break;
      }
      if (c === 10) {
        this.atbol = true;
        if (blankline || this.level > 0) continue;
        this.tokStart = this.start;
        this.tokEnd = this.cur - 1;
        this.contLine = false;
        return T.NEWLINE;
      }
      return this.token(c);
    }
  }

  /**
   * The indentation at the beginning of a line. Returns -1 when nothing is to be returned yet,
   * -2 for a blank or comment-only line, or an ERRORTOKEN.
   */
  private indentation(): number {
    let col = 0;
    let altcol = 0;
    let contLineCol = 0;
    this.atbol = false;
    let c: number;
    for (;;) {
      c = this.nextc();
      if (c === 32) {
        col++;
        altcol++;
      } else if (c === 9) {
        col = (Math.trunc(col / TABSIZE) + 1) * TABSIZE;
        altcol = altcol + 1;
      } else if (c === 12) {
        col = altcol = 0; // form feed: for Emacs users
      } else if (c === 92) {
        // The first backslash met fixes the indentation of what comes next.
        contLineCol = contLineCol || col;
        if (this.continuationLine() === -2) return T.ERRORTOKEN;
      } else break;
    }
    this.backup(c);
    const blank = c === 35 || c === 10;
    if (!blank && this.level === 0) {
      col = contLineCol || col;
      altcol = contLineCol || altcol;
      const top = this.indstack[this.indent];
      if (col === top) {
        if (altcol !== this.altindstack[this.indent]) return this.indentError();
      } else if (col > top) {
        if (this.indent + 1 >= MAXINDENT) {
          this.done = E_TOODEEP;
          this.cur = this.inp;
          return T.ERRORTOKEN;
        }
        if (altcol <= this.altindstack[this.indent]) return this.indentError();
        this.pendin++;
        this.indstack[++this.indent] = col;
        this.altindstack[this.indent] = altcol;
      } else {
        while (this.indent > 0 && col < this.indstack[this.indent]) {
          this.pendin--;
          this.indent--;
        }
        if (col !== this.indstack[this.indent]) {
          this.done = E_DEDENT;
          this.cur = this.inp;
          return T.ERRORTOKEN;
        }
        if (altcol !== this.altindstack[this.indent]) return this.indentError();
      }
    }
    return blank ? -2 : -1;
  }

  /** Everything after the spaces: names, numbers, strings, operators. */
  private token(c: number): number {
    if (isIdentStart(c)) {
      // String prefixes: any case of b, r, u, f, and br/rb/fr/rf in either order.
      let sawB = false;
      let sawR = false;
      let sawU = false;
      let sawF = false;
      for (;;) {
        if (!(sawB || sawU || sawF) && (c === 98 || c === 66)) sawB = true;
        else if (!(sawB || sawU || sawR || sawF) && (c === 117 || c === 85)) sawU = true;
        else if (!(sawR || sawU) && (c === 114 || c === 82)) sawR = true;
        else if (!(sawF || sawB || sawU) && (c === 102 || c === 70)) sawF = true;
        else break;
        c = this.nextc();
        if (c === 34 || c === 39) return this.string(c);
      }
      let nonascii = false;
      while (isIdentChar(c)) {
        if (c >= 128) nonascii = true;
        c = this.nextc();
      }
      this.backup(c);
      if (nonascii && !verifyIdentifier(this)) return T.ERRORTOKEN;
      this.tokStart = this.start;
      this.tokEnd = this.cur;
      const len = this.cur - this.start;
      if (len === 5 && this.text.charCodeAt(this.start) === 97) {
        const w = this.text.slice(this.start, this.cur);
        if (w === 'async') return T.ASYNC;
        if (w === 'await') return T.AWAIT;
      }
      return T.NAME;
    }
    if (c === 46 /* . */) {
      c = this.nextc();
      if (c >= 48 && c <= 57) return lexNumber(this, c, true);
      if (c === 46) {
        c = this.nextc();
        if (c === 46) {
          this.tokStart = this.start;
          this.tokEnd = this.cur;
          return T.ELLIPSIS;
        }
        this.backup(c);
        this.backup(46);
      } else this.backup(c);
      this.tokStart = this.start;
      this.tokEnd = this.cur;
      return T.DOT;
    }
    if (c >= 48 && c <= 57) return lexNumber(this, c, false);
    if (c === 34 || c === 39) return this.string(c);
    // Two- and three-character operators.
    const c2 = this.nextc();
    let type = T.twoChars(c, c2);
    if (type !== T.OP) {
      const c3 = this.nextc();
      const t3 = T.threeChars(c, c2, c3);
      if (t3 !== T.OP) type = t3;
      else this.backup(c3);
      this.tokStart = this.start;
      this.tokEnd = this.cur;
      return type;
    }
    this.backup(c2);
    if (c === 40 || c === 91 || c === 123) {
      if (this.level >= MAXLEVEL) return this.syntaxError('too many nested parentheses');
      this.parenStack[this.level] = c;
      this.parenLineno[this.level] = this.lineno;
      this.parenCol[this.level] = this.byteCol(this.lineStart, this.start);
      this.level++;
    } else if (c === 41 || c === 93 || c === 125) {
      if (!this.level) return this.syntaxError(`unmatched '${String.fromCharCode(c)}'`);
      this.level--;
      const opening = this.parenStack[this.level];
      if (!((opening === 40 && c === 41) || (opening === 91 && c === 93) || (opening === 123 && c === 125))) {
        const o = String.fromCharCode(opening);
        const k = String.fromCharCode(c);
        if (this.parenLineno[this.level] !== this.lineno)
          return this.syntaxError(
            `closing parenthesis '${k}' does not match opening parenthesis '${o}' on line ${this.parenLineno[this.level]}`,
          );
        return this.syntaxError(`closing parenthesis '${k}' does not match opening parenthesis '${o}'`);
      }
    }
    if (!isPrintable(c)) {
      return this.syntaxError(
        `invalid non-printable character U+${c.toString(16).toUpperCase().padStart(4, '0')}`,
      );
    }
    this.tokStart = this.start;
    this.tokEnd = this.cur;
    return T.oneChar(c);
  }

  /** A string literal from its opening quote; the prefix, if any, is already read. */
  private string(quote: number): number {
    let quoteSize = 1;
    let endQuoteSize = 0;
    this.firstLineno = this.lineno;
    this.multiLineStart = this.lineStart;
    let c = this.nextc();
    if (c === quote) {
      c = this.nextc();
      if (c === quote) quoteSize = 3;
      else endQuoteSize = 1; // the empty string
    }
    if (c !== quote) this.backup(c);
    while (endQuoteSize !== quoteSize) {
      c = this.nextc();
      if (this.error) return T.ERRORTOKEN;
      if (c === EOF || (quoteSize === 1 && c === 10)) {
        // Report from the opening quote, on the line the string starts.
        this.cur = this.start + 1;
        this.lineStart = this.multiLineStart;
        const detected = this.lineno;
        this.lineno = this.firstLineno;
        if (quoteSize === 3)
          return this.syntaxError(`unterminated triple-quoted string literal (detected at line ${detected})`);
        return this.syntaxError(`unterminated string literal (detected at line ${detected})`);
      }
      if (c === quote) endQuoteSize += 1;
      else {
        endQuoteSize = 0;
        if (c === 92) this.nextc();
      }
    }
    this.tokStart = this.start;
    this.tokEnd = this.cur;
    return T.STRING;
  }
}

function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c >= 128;
}

export function isIdentChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c >= 128;
}

/** Python's character count (code points) of text[a, b). */
export function codePoints(s: string, a: number, b: number): number {
  let n = 0;
  for (let i = a; i < b; i++) if ((s.charCodeAt(i) & 0xfc00) !== 0xdc00 || i === a) n++;
  return n;
}
