import type { Expr, Pattern, Pos, Stmt } from '../ast';
import { ParserMemoryError, PythonSyntaxError, type SyntaxErrorType } from '../errors';
import { fileLineText, type PreparedSource } from '../source';
import * as T from '../tokens';
import { E_DEDENT, E_EOF, E_LINECONT, E_TABSPACE, E_TOODEEP, Tokenizer } from '../tokenizer';

/** Parser/pegen.h: MAXSTACK (release builds) and the CURRENT_POS marker of the error helpers. */
export const MAXSTACK = 6000;
export const CURRENT_POS = -5;

/** A node type without its position (what an action builds before EXTRA is added). */
type NoPos<T> = T extends unknown ? Omit<T, keyof Pos> : never;

/**
 * One frame of the binary-operator machine (expressions.ts binLevel). A LEVEL frame is a rule (its
 * mark, seed and seed end); a RAW frame is its raw rule (mark, the alternative being tried, the
 * left operand).
 */
export interface BinFrame {
  raw: boolean;
  i: number;
  mark: number;
  seed: Expr | null;
  resmark: number;
  k: number;
  left: Expr | null;
}

/** Thrown to unwind the parse once an error is set (pegen's p->error_indicator). */
export class ParseAbort {
  constructor(readonly error: PythonSyntaxError | ParserMemoryError) {}
}

/**
 * The state of one PEG parse, as Parser/pegen.c keeps it: the tokens fetched so far (`fill`),
 * the position (`mark`), the per-token memo, the rule depth (`level`, capped at MAXSTACK as 3.11
 * does) and whether the second pass's invalid_* rules are on. Tokens live in typed arrays.
 */
/**
 * An observer of what Parser/pegen.c allocates as it parses (python/compiler/cheap/parseCost.ts
 * turns it into glibc calls). Set around one parse; null otherwise.
 */
export interface ParseProbe {
  /** _PyPegen_fill_token: the token array holds one more; initialize_token's bytes object (n bytes) joins the arena. */
  token(bytes: number): void;
  /** _PyPegen_insert_memo: a Memo in the arena. */
  memo(): void;
  /** _PyPegen_new_identifier (or a constant): a PyObject joins the arena's a_objects list. */
  object(): void;
  /** fstring_compile_expr's own tokenizer and parser (open), freed after its parse (close). */
  subParser(open: boolean, exprBytes: number): void;
}

export class Parser {
  /** The active ParseProbe (every parser of one parse reports to it). */
  static probe: ParseProbe | null = null;
  readonly tok: Tokenizer;
  fill = 0;
  mark = 0;
  level = 0;
  callInvalidRules = false;
  /** For f-string sub-parsers (fstring_compile_expr): where "(expr)" sits in the file. */
  startingLineno = 0;
  startingColOffset = 0;
  isFstring = false;

  type = new Int32Array(1024);
  lineno = new Int32Array(1024);
  col = new Int32Array(1024);
  endLineno = new Int32Array(1024);
  endCol = new Int32Array(1024);
  tokLevel = new Int32Array(1024);
  start = new Int32Array(1024);
  end = new Int32Array(1024);
  /**
   * The memo (pegen keeps a linked list on each token): entry lists per token in flat arrays.
   * `memoNode` holds the node of the last hit. Entries before the current top-level statement
   * are released once no entry lies beyond it (they can never be asked for again in this pass).
   */
  private memoHead = new Int32Array(1024).fill(-1);
  /** Per token, a bit per memo type present (rule ids are < 32): a miss costs one test. */
  private memoBits = new Int32Array(1024);
  private mType = new Int32Array(4096);
  private mEnd = new Int32Array(4096);
  private mNext = new Int32Array(4096);
  private mNode: unknown[] = [];
  private mLen = 0;
  private memoMaxPos = -1;
  private memoFloor = 0;
  memoNode: unknown = null;
  /**
   * The binary-operator machine's frames (expressions.ts binLevel), reused: nested calls work above
   * the caller's top. Allocating two per level per operand was a quarter of the parse in GC.
   */
  readonly binFrames: BinFrame[] = [];
  binTop = 0;

  constructor(
    readonly src: PreparedSource,
    tok?: Tokenizer,
  ) {
    this.tok = tok ?? new Tokenizer(src);
  }

  // ---- tokens ---------------------------------------------------------------------------

  /** _PyPegen_fill_token + initialize_token: fetch one more token. */
  fillToken(): void {
    const tok = this.tok;
    let type = tok.get();
    const i = this.fill;
    if (i === this.type.length) this.grow();
    const s = tok.tokStart;
    const e = tok.tokEnd;
    if (type === T.NAME) type = T.keywordOrName(tok.text.slice(s, e));
    const lineStart = type === T.STRING ? tok.multiLineStart : tok.lineStart;
    let col = s >= 0 && s >= lineStart ? tok.byteCol(lineStart, s) : -1;
    let endCol = e >= 0 && e >= tok.lineStart ? tok.byteCol(tok.lineStart, e) : -1;
    if (tok.lineno === this.startingLineno) {
      col += this.startingColOffset;
      endCol += this.startingColOffset;
    }
    this.type[i] = type;
    this.lineno[i] = type === T.STRING ? tok.firstLineno : tok.lineno;
    this.col[i] = col;
    this.endLineno[i] = tok.lineno;
    this.endCol[i] = endCol;
    this.tokLevel[i] = tok.level;
    this.start[i] = s;
    this.end[i] = e;
    this.fill = i + 1;
    if (Parser.probe) Parser.probe.token(s >= 0 && e > s ? utf8Bytes(tok.text, s, e) : 0);
    if (type === T.ERRORTOKEN) this.tokenizerError();
  }

  private grow(): void {
    const g = (a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.type = g(this.type);
    this.lineno = g(this.lineno);
    this.col = g(this.col);
    this.endLineno = g(this.endLineno);
    this.endCol = g(this.endCol);
    this.tokLevel = g(this.tokLevel);
    this.start = g(this.start);
    this.end = g(this.end);
    const h = new Int32Array(this.memoHead.length * 2).fill(-1);
    h.set(this.memoHead);
    this.memoHead = h;
    this.memoBits = g(this.memoBits);
  }

  /** The token at `mark`, fetched if needed (what every generated rule does before EXTRA). */
  ensure(): void {
    if (this.mark === this.fill) this.fillToken();
  }

  /** Text of token `i` (its bytes, decoded). */
  text(i: number): string {
    return this.tok.text.slice(this.start[i], this.end[i]);
  }

  /** _PyPegen_expect_token: the token index, or -1. */
  expect(type: number): number {
    if (this.mark === this.fill) this.fillToken();
    if (this.type[this.mark] !== type) return -1;
    return this.mark++;
  }

  /** Positive lookahead on a token type. */
  peek(type: number): boolean {
    if (this.mark === this.fill) this.fillToken();
    return this.type[this.mark] === type;
  }

  /** _PyPegen_expect_forced_token (`&&'x'`): a mismatch is an error even in the first pass. */
  expectForced(type: number, expected: string): number {
    if (this.mark === this.fill) this.fillToken();
    const i = this.mark;
    if (this.type[i] !== type) throw this.errorAtToken(i, `expected '${expected}'`);
    this.mark++;
    return i;
  }

  /** _PyPegen_expect_soft_keyword: a NAME spelled `kw`; returns its Name node. */
  expectSoftKeyword(kw: string): Expr | null {
    if (this.mark === this.fill) this.fillToken();
    const i = this.mark;
    if (this.type[i] !== T.NAME || this.text(i) !== kw) return null;
    this.mark++;
    return this.nameNode(i);
  }

  /**
   * _PyPegen_soft_keyword_token: a NAME whose text is a prefix of a soft keyword ("match",
   * "case", "_"): the C code compares with strncmp over the token's length.
   */
  softKeywordToken(): number {
    const i = this.expect(T.NAME);
    if (i < 0) return -1;
    const s = this.text(i);
    if ('match'.startsWith(s) || 'case'.startsWith(s) || '_'.startsWith(s)) return i;
    return -1;
  }

  /** _PyPegen_name_token: a NAME as a Name node (Load). */
  name(): Expr | null {
    const i = this.expect(T.NAME);
    return i < 0 ? null : this.nameNode(i);
  }

  nameNode(i: number): Expr {
    Parser.probe?.object();
    return {
      k: 'Name',
      id: newIdentifier(this.text(i)),
      ctx: 'load',
      line: this.lineno[i],
      col: this.col[i],
      endLine: this.endLineno[i],
      endCol: this.endCol[i],
    };
  }

  /** A constant's object joins the arena (ParseProbe.object). */
  noteObject(): void {
    Parser.probe?.object();
  }

  /** A NAME token's identifier (NFKC-normalised). */
  identifier(i: number): string {
    Parser.probe?.object();
    return newIdentifier(this.text(i));
  }

  tokPos(i: number): Pos {
    return { line: this.lineno[i], col: this.col[i], endLine: this.endLineno[i], endCol: this.endCol[i] };
  }

  /** _PyPegen_get_last_nonnwhitespace_token: the last token before mark that is not NEWLINE..DEDENT or ENDMARKER. */
  lastToken(): number {
    let m = this.mark - 1;
    for (; m >= 0; m--) {
      const t = this.type[m];
      if (t !== T.ENDMARKER && (t < T.NEWLINE || t > T.DEDENT)) break;
    }
    return m < 0 ? 0 : m;
  }

  /** Complete a node's position (EXTRA): start at token `mark`, end at the last non-whitespace token. */
  pos(mark: number): Pos {
    const t = this.lastToken();
    return {
      line: this.lineno[mark],
      col: this.col[mark],
      endLine: this.endLineno[t],
      endCol: this.endCol[t],
    };
  }

  /** Add EXTRA's position to a node an action built (the fields in one order, for V8's shapes). */
  at<T extends object>(n: T, mark: number): T & Pos {
    const o = n as T & Pos;
    const t = this.lastToken();
    o.line = this.lineno[mark];
    o.col = this.col[mark];
    o.endLine = this.endLineno[t];
    o.endCol = this.endCol[t];
    return o;
  }
  ex(n: NoPos<Expr>, mark: number): Expr {
    return this.at(n, mark) as Expr;
  }
  st(n: NoPos<Stmt>, mark: number): Stmt {
    return this.at(n, mark) as Stmt;
  }
  pat(n: NoPos<Pattern>, mark: number): Pattern {
    return this.at(n, mark) as Pattern;
  }

  // ---- rule bookkeeping -----------------------------------------------------------------

  /** Every rule's entry: `if (p->level++ == MAXSTACK)` → MemoryError. */
  enter(): void {
    if (this.level++ === MAXSTACK) throw new ParseAbort(new ParserMemoryError());
  }

  /** Every rule's exit; returns its argument so rules can `return p.leave(x)`. */
  leave<R>(r: R): R {
    this.level--;
    return r;
  }

  /** _PyPegen_is_memoized (fetches the token at mark): on a hit, moves to its end and sets memoNode. */
  memoized(type: number): boolean {
    if (this.mark === this.fill) this.fillToken();
    if ((this.memoBits[this.mark] & (1 << type)) === 0) return false;
    for (let e = this.memoHead[this.mark]; e >= 0; e = this.mNext[e]) {
      if (this.mType[e] === type) {
        this.mark = this.mEnd[e];
        this.memoNode = this.mNode[e];
        return true;
      }
    }
    return false;
  }

  /** _PyPegen_insert_memo at `mark` with the current position as its end. */
  insertMemo(mark: number, type: number, node: unknown): void {
    Parser.probe?.memo();
    const e = this.mLen++;
    if (e === this.mType.length) {
      const g = (a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.mType = g(this.mType);
      this.mEnd = g(this.mEnd);
      this.mNext = g(this.mNext);
    }
    this.mType[e] = type;
    this.mEnd[e] = this.mark;
    this.mNode[e] = node;
    this.mNext[e] = this.memoHead[mark];
    this.memoHead[mark] = e;
    this.memoBits[mark] |= 1 << type;
    if (mark > this.memoMaxPos) this.memoMaxPos = mark;
  }

  /** _PyPegen_update_memo */
  updateMemo(mark: number, type: number, node: unknown): void {
    if ((this.memoBits[mark] & (1 << type)) !== 0)
      for (let e = this.memoHead[mark]; e >= 0; e = this.mNext[e]) {
        if (this.mType[e] === type) {
          this.mNode[e] = node;
          this.mEnd[e] = this.mark;
          return;
        }
      }
    this.insertMemo(mark, type, node);
  }

  /**
   * A top-level statement ended at `upTo`: no rule of this pass will start before it again. When
   * no memo entry lies at or beyond it, all entries go (memory stays bounded by one statement).
   */
  releaseMemo(upTo: number): void {
    if (this.memoMaxPos >= upTo) return;
    this.memoHead.fill(-1, this.memoFloor, upTo);
    this.memoBits.fill(0, this.memoFloor, upTo);
    this.memoFloor = upTo;
    this.mLen = 0;
    this.mNode.length = 0;
  }

  /** reset_parser_state_for_error_pass */
  resetForErrorPass(): void {
    this.memoHead.fill(-1);
    this.memoBits.fill(0);
    this.mLen = 0;
    this.mNode.length = 0;
    this.memoMaxPos = -1;
    this.memoFloor = 0;
    this.mark = 0;
    this.level = 0;
    this.binTop = 0;
    this.callInvalidRules = true;
  }

  // ---- errors ---------------------------------------------------------------------------

  /** tokenizer_error: turn the tokenizer's failure into the exception 3.11 raises. */
  tokenizerError(): never {
    const tok = this.tok;
    if (tok.error) throw new ParseAbort(tok.error);
    switch (tok.done) {
      case E_EOF:
        if (tok.level) throw this.unclosedParen();
        throw this.raise('SyntaxError', 'unexpected EOF while parsing');
      case E_DEDENT:
        throw this.raise('IndentationError', 'unindent does not match any outer indentation level');
      case E_TABSPACE:
        throw this.knownLocation(
          'TabError',
          tok.lineno,
          0,
          tok.lineno,
          -1,
          'inconsistent use of tabs and spaces in indentation',
        );
      case E_TOODEEP:
        throw this.knownLocation(
          'IndentationError',
          tok.lineno,
          0,
          tok.lineno,
          -1,
          'too many levels of indentation',
        );
      case E_LINECONT: {
        const col = utf8Length(tok.text, tok.buf, tok.cur) - 1;
        throw this.knownLocation(
          'SyntaxError',
          tok.lineno,
          col >= 0 ? col : 0,
          tok.lineno,
          -1,
          'unexpected character after line continuation character',
        );
      }
    }
    throw this.knownLocation('SyntaxError', tok.lineno, 0, tok.lineno, -1, 'unknown parsing error');
  }

  /** raise_unclosed_parentheses_error */
  unclosedParen(): ParseAbort {
    const tok = this.tok;
    const l = tok.level - 1;
    const line = tok.parenLineno[l];
    return this.knownLocation(
      'SyntaxError',
      line,
      tok.parenCol[l],
      line,
      -1,
      `'${String.fromCharCode(tok.parenStack[l])}' was never closed`,
    );
  }

  /** _PyPegen_raise_error: located at the last token fetched (or at `mark` when useMark). */
  raise(type: SyntaxErrorType, msg: string, useMark = false): ParseAbort {
    if (this.fill === 0) return this.rawError(type, 0, 0, 0, -1, msg);
    if (useMark && this.mark === this.fill) this.fillToken();
    const t = useMark ? this.mark : this.fill - 1;
    let col: number;
    const tok = this.tok;
    if (this.col[t] === -1) {
      col = tok.cur === tok.buf ? 0 : utf8Length(tok.text, tok.lineStart, tok.cur);
    } else col = this.col[t] + 1;
    const endCol = this.endCol[t] !== -1 ? this.endCol[t] + 1 : -1;
    return this.rawError(type, this.lineno[t], col, this.endLineno[t], endCol, msg);
  }

  /** RAISE_ERROR_KNOWN_LOCATION: 0-based columns made 1-based, unless CURRENT_POS. */
  knownLocation(
    type: SyntaxErrorType,
    line: number,
    col: number,
    endLine: number,
    endCol: number,
    msg: string,
  ): ParseAbort {
    const c = col === CURRENT_POS ? CURRENT_POS : col + 1;
    const e = endCol === CURRENT_POS ? CURRENT_POS : endCol + 1;
    return this.rawError(type, line, c, endLine, e, msg);
  }

  /** RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, msg) for a node or token position. */
  errorAt(a: Pos, msg: string, type: SyntaxErrorType = 'SyntaxError'): ParseAbort {
    return this.knownLocation(type, a.line, a.col, a.endLine, a.endCol, msg);
  }

  errorAtToken(i: number, msg: string): ParseAbort {
    return this.errorAt(this.tokPos(i), msg);
  }

  /** RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b, msg) */
  errorRange(a: Pos, b: Pos, msg: string): ParseAbort {
    return this.knownLocation('SyntaxError', a.line, a.col, b.endLine, b.endCol, msg);
  }

  /** RAISE_SYNTAX_ERROR_STARTING_FROM(a, msg) */
  errorFrom(a: Pos, msg: string): ParseAbort {
    return this.knownLocation('SyntaxError', a.line, a.col, CURRENT_POS, CURRENT_POS, msg);
  }

  /** _PyPegen_raise_error_known_location: resolve CURRENT_POS, find the line, convert columns. */
  rawError(
    type: SyntaxErrorType,
    line: number,
    col: number,
    endLine: number,
    endCol: number,
    msg: string,
  ): ParseAbort {
    const tok = this.tok;
    if (endLine === CURRENT_POS) endLine = tok.lineno;
    if (endCol === CURRENT_POS) endCol = utf8Length(tok.text, tok.lineStart, tok.cur);
    if (col === CURRENT_POS) col = utf8Length(tok.text, tok.lineStart, tok.cur);
    if (this.isFstring) msg = `f-string: ${msg}`;
    const text = this.errorLine(line);
    if (this.isFstring) {
      col -= this.startingColOffset;
      endCol -= this.startingColOffset;
    }
    if (this.src.charOffsets && !this.isFstring) {
      col = byteOffsetToCharOffset(text, col);
      if (endCol > 0) endCol = byteOffsetToCharOffset(text, endCol);
    }
    return new ParseAbort(new PythonSyntaxError(type, msg, line, col, endLine, endCol, text));
  }

  /** The `text` of an error on `line`: the file's line in file mode, else the tokenizer's buffers. */
  errorLine(line: number): string {
    const tok = this.tok;
    const t = tok.text;
    if (this.src.mode === 'file' && !this.isFstring) {
      const s = lineStartOf(t, line);
      if (s >= 0 && s < t.length) {
        const e = t.indexOf('\n', s);
        const whole =
          e < 0
            ? t.slice(s)
            : this.src.noFinalNewline && e === t.length - 1
              ? t.slice(s, e)
              : t.slice(s, e + 1);
        const text = fileLineText(whole);
        if (text !== null) return text;
      }
    }
    if (tok.lineno <= line && tok.inp > tok.buf) return t.slice(tok.buf, tok.inp);
    const rel = this.startingLineno ? line - this.startingLineno + 1 : line;
    let s = 0;
    for (let i = 0; i < rel - 1; i++) {
      const nl = t.indexOf('\n', s);
      if (nl < 0 || nl + 1 > tok.inp) break;
      s = nl + 1;
    }
    const e = t.indexOf('\n', s);
    return e < 0 ? t.slice(s) : t.slice(s, e);
  }
}

/** _PyPegen_new_identifier: non-ASCII names are NFKC-normalised (PEP 3131). */
/** UTF-8 length of text[a, b). */
function utf8Bytes(text: string, a: number, b: number): number {
  let n = 0;
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : (c & 0xfc00) === 0xd800 ? (i++, 4) : 3;
  }
  return n;
}

export function newIdentifier(s: string): string {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return s.normalize('NFKC');
  return s;
}

/** UTF-8 length of s[a, b). */
export function utf8Length(s: string, a: number, b: number): number {
  let n = 0;
  for (let i = a; i < b; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < b && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** _PyPegen_byte_offset_to_character_offset: characters in the first `col` bytes of the line. */
export function byteOffsetToCharOffset(line: string, col: number): number {
  const bytes = new TextEncoder().encode(line);
  if (col > bytes.length + 1) col = bytes.length + 1;
  if (col < 0) col = 0;
  const text = new TextDecoder().decode(bytes.subarray(0, col));
  let n = 0;
  for (const _ of text) n++;
  return n;
}

function lineStartOf(t: string, line: number): number {
  if (line < 1) return -1;
  let s = 0;
  for (let i = 1; i < line; i++) {
    const nl = t.indexOf('\n', s);
    if (nl < 0) return -1;
    s = nl + 1;
  }
  return s;
}
