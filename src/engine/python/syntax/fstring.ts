import type { Expr } from './ast';
import { ParserMemoryError, PythonSyntaxError } from './errors';
import { ParseAbort, Parser, utf8Length } from './parser/core';
import { runParser } from './parser/run';
import { starExpressions } from './parser/expressions';
import { prepareSource } from './source';
import { concatAndDel, decodeUnicodeEscapes, strNode, type StringPiece } from './strings';
import { Tokenizer } from './tokenizer';

/** FstringParser: the pending literal text and the values made so far. */
export interface FstringState {
  lastStr: string | null;
  exprList: Expr[];
  fmode: boolean;
}

const MAXLEVEL = 200;

/**
 * _PyPegen_FstringParser_ConcatFstring: parse one f-string token's body (or a nested format spec)
 * into `state`. `first`/`last` are the whole run of tokens (the position 3.11 gives every
 * FormattedValue and Constant), `t` the token the text is in. Returns the index reached.
 */
export function fstringConcat(
  p: Parser,
  state: FstringState,
  piece: StringPiece,
  recurseLvl: number,
  first: number,
  t: number,
  last: number,
  from = piece.bodyStart,
): number {
  state.fmode = true;
  const end = piece.bodyEnd;
  let i = from;
  for (;;) {
    // fstring_find_literal
    const lit = findLiteral(p, piece, i, end, recurseLvl);
    i = lit.at;
    if (lit.literal !== null) concatAndDel(state, lit.literal);
    if (lit.doubled) continue;
    if (i >= end || piece.text[i] === '}') break;
    // fstring_find_expr
    const r = findExpr(p, piece, i, end, recurseLvl, first, t, last);
    i = r.at;
    if (r.exprText !== null) concatAndDel(state, r.exprText);
    if (state.lastStr !== null) state.exprList.push(strNode(p, state, first, last));
    state.exprList.push(r.value);
  }
  if (recurseLvl === 0 && i < end - 1) throw p.raise('SyntaxError', 'f-string: unexpected end of string');
  if (recurseLvl !== 0 && piece.text[i] !== '}') throw p.raise('SyntaxError', "f-string: expecting '}'");
  return i;
}

/**
 * fstring_find_literal: text up to an undoubled '{' (or '}' in a format spec). A doubled brace
 * ends the literal early (`doubled`), skipping the second brace. `\N{...}` braces are not
 * expression braces.
 */
function findLiteral(
  p: Parser,
  piece: StringPiece,
  from: number,
  end: number,
  recurseLvl: number,
): { literal: string | null; at: number; doubled: boolean } {
  const s = piece.text;
  let i = from;
  let doubled = false;
  let stop = -1;
  while (i < end) {
    let ch = s[i++];
    if (!piece.raw && ch === '\\' && i < end) {
      ch = s[i++];
      if (ch === 'N') {
        if (i < end && s[i++] === '{') {
          while (i < end && s[i++] !== '}') {
            /* skip the name */
          }
        }
        continue;
      }
    }
    if (ch === '{' || ch === '}') {
      if (recurseLvl === 0) {
        if (i < end && s[i] === ch) {
          stop = i;
          doubled = true;
          i++;
          break;
        }
        if (ch === '}') throw p.raise('SyntaxError', "f-string: single '}' is not allowed");
      }
      i--;
      break;
    }
  }
  const litEnd = doubled ? stop : i;
  let literal: string | null = null;
  if (litEnd !== from) {
    const raw = s.slice(from, litEnd);
    literal = piece.raw ? raw : decodeUnicodeEscapes(p, raw);
  }
  return { literal, at: i, doubled };
}

/** fstring_find_expr: one `{expr[=][!c][:spec]}` as a FormattedValue. */
function findExpr(
  p: Parser,
  piece: StringPiece,
  from: number,
  end: number,
  recurseLvl: number,
  first: number,
  t: number,
  last: number,
): { value: Expr; exprText: string | null; at: number } {
  const s = piece.text;
  if (recurseLvl >= 2) throw p.raise('SyntaxError', 'f-string: expressions nested too deeply');
  let i = from + 1;
  const exprStart = i;
  let quote = '';
  let stringType = 0;
  const parens: string[] = [];
  for (; i < end; i++) {
    const ch = s[i];
    if (ch === '\\') throw p.raise('SyntaxError', 'f-string expression part cannot include a backslash');
    if (quote) {
      if (ch === quote) {
        if (stringType === 3) {
          if (i + 2 < end && s[i + 1] === ch && s[i + 2] === ch) {
            i += 2;
            stringType = 0;
            quote = '';
          }
        } else {
          stringType = 0;
          quote = '';
        }
      }
    } else if (ch === "'" || ch === '"') {
      if (i + 2 < end && s[i + 1] === ch && s[i + 2] === ch) {
        stringType = 3;
        i += 2;
      } else stringType = 1;
      quote = ch;
    } else if (ch === '[' || ch === '{' || ch === '(') {
      if (parens.length >= MAXLEVEL) throw p.raise('SyntaxError', 'f-string: too many nested parenthesis');
      parens.push(ch);
    } else if (ch === '#') {
      throw p.raise('SyntaxError', "f-string expression part cannot include '#'");
    } else if (
      parens.length === 0 &&
      (ch === '!' || ch === ':' || ch === '}' || ch === '=' || ch === '>' || ch === '<')
    ) {
      if (i + 1 < end) {
        const next = s[i + 1];
        if ((ch === '!' || ch === '=' || ch === '<' || ch === '>') && next === '=') {
          i++;
          continue;
        }
      }
      if (ch === '>' || ch === '<') continue;
      break;
    } else if (ch === ']' || ch === '}' || ch === ')') {
      if (!parens.length) throw p.raise('SyntaxError', `f-string: unmatched '${ch}'`);
      const opening = parens.pop()!;
      if (!(
        (opening === '(' && ch === ')') ||
        (opening === '[' && ch === ']') ||
        (opening === '{' && ch === '}')
      ))
        throw p.raise(
          'SyntaxError',
          `f-string: closing parenthesis '${ch}' does not match opening parenthesis '${opening}'`,
        );
    }
  }
  const exprEnd = i;
  if (quote) throw p.raise('SyntaxError', 'f-string: unterminated string');
  if (parens.length) throw p.raise('SyntaxError', `f-string: unmatched '${parens[parens.length - 1]}'`);
  if (i >= end) throw p.raise('SyntaxError', "f-string: expecting '}'");
  const value = compileExpr(p, piece, exprStart, exprEnd, t);
  let exprText: string | null = null;
  if (s[i] === '=') {
    i++;
    while (i < end && isSpace(s.charCodeAt(i))) i++;
    if (i >= end) throw p.raise('SyntaxError', "f-string: expecting '}'");
    exprText = s.slice(exprStart, i);
  }
  let conversion = -1;
  if (s[i] === '!') {
    i++;
    if (i >= end) throw p.raise('SyntaxError', "f-string: expecting '}'");
    conversion = s.charCodeAt(i);
    i++;
    if (conversion !== 115 && conversion !== 114 && conversion !== 97)
      throw p.raise('SyntaxError', "f-string: invalid conversion character: expected 's', 'r', or 'a'");
  }
  let formatSpec: Expr | null = null;
  if (i < end && s[i] === ':') {
    i++;
    if (i >= end) throw p.raise('SyntaxError', "f-string: expecting '}'");
    // fstring_parse: the spec's own JoinedStr; its trailing text and itself take token t's position.
    const sub: FstringState = { lastStr: null, exprList: [], fmode: false };
    i = fstringConcat(p, sub, piece, recurseLvl + 1, first, t, last, i);
    if (sub.lastStr !== null) sub.exprList.push(strNode(p, sub, t, t));
    formatSpec = { k: 'JoinedStr', values: sub.exprList, ...tokPos(p, t, t) };
  }
  if (i >= end || s[i] !== '}') throw p.raise('SyntaxError', "f-string: expecting '}'");
  i++;
  if (exprText !== null && formatSpec === null && conversion === -1) conversion = 114;
  return {
    value: { k: 'FormattedValue', value, conversion, formatSpec, ...tokPos(p, first, last) },
    exprText,
    at: i,
  };
}

function tokPos(p: Parser, first: number, last: number) {
  return { line: p.lineno[first], col: p.col[first], endLine: p.endLineno[last], endCol: p.endCol[last] };
}

/** Py_ISSPACE */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/**
 * fstring_compile_expr: parse "(expr)" with a parser of its own (start rule `fstring`), its
 * tokens shifted to where the expression sits in the file (fstring_find_expr_location).
 */
function compileExpr(p: Parser, piece: StringPiece, exprStart: number, exprEnd: number, t: number): Expr {
  const s = piece.text;
  let k = exprStart;
  while (k < exprEnd && (s[k] === ' ' || s[k] === '\t' || s[k] === '\n' || s[k] === '\f')) k++;
  if (k === exprEnd) {
    const c = s[exprEnd];
    if (c === '!' || c === ':' || c === '=')
      throw p.raise('SyntaxError', `f-string: expression required before '${c}'`);
    throw p.raise('SyntaxError', 'f-string: empty expression not allowed');
  }
  // fstring_find_expr_location: lines before the '{' in the token, and its byte column.
  const brace = exprStart - 1;
  let newlineAfterBrace = true;
  for (let j = exprStart; j < s.length && s[j] !== '}' && s[j] !== '\n'; j++) {
    if (s[j] !== ' ' && s[j] !== '\t' && s[j] !== '\f') {
      newlineAfterBrace = false;
      break;
    }
  }
  let cols = 0;
  if (!newlineAfterBrace) {
    let st = brace;
    while (st > 0 && s[st] !== '\n') st--;
    cols = utf8Length(s, st, brace);
    if (s[st] === '\n') cols -= 1;
  }
  let lines = 0;
  for (let j = 0; j < brace; j++) if (s[j] === '\n') lines++;
  const src = prepareSource('(' + s.slice(exprStart, exprEnd) + ')', {
    filename: p.src.filename,
    mode: 'string',
  });
  src.charOffsets = false;
  const tok = new Tokenizer(src);
  tok.lineno = p.lineno[t] + lines - 1;
  const sub = new Parser(src, tok);
  sub.isFstring = true;
  sub.startingLineno = p.lineno[t] + lines;
  sub.startingColOffset = lines !== 0 ? cols : p.col[t] + cols;
  const probe = Parser.probe;
  probe?.subParser(true, utf8Length(s, exprStart, exprEnd) + 2);
  try {
    return runParser(sub, fstringRule);
  } catch (e) {
    // The sub-parser's error becomes the outer parser's (its error_indicator is set).
    if (e instanceof PythonSyntaxError || e instanceof ParserMemoryError) throw new ParseAbort(e);
    throw e;
  } finally {
    probe?.subParser(false, 0);
  }
}

/** fstring: star_expressions (the start rule of an f-string's expression parser) */
function fstringRule(p: Parser): Expr | null {
  p.enter();
  return p.leave(starExpressions(p));
}
