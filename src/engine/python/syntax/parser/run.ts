import { ParserMemoryError, PythonSyntaxError } from '../errors';
import * as T from '../tokens';
import { E_OK } from '../tokenizer';
import { ParseAbort, type Parser } from './core';

/**
 * _PyPegen_run_parser: a first pass without the invalid_* rules; on failure a second pass with
 * them (for the specialised messages), then _Pypegen_set_syntax_error picks the error to report,
 * and the rest of the file is tokenized so that a tokenizer error further on takes precedence
 * (_PyPegen_tokenize_full_source_to_check_for_errors), as 3.11 does.
 */
export function runParser<R>(p: Parser, start: (p: Parser) => R | null): R {
  let res: R | null = null;
  let err: ParseAbort | null = null;
  try {
    res = start(p);
  } catch (e) {
    if (!(e instanceof ParseAbort)) throw e;
    err = e;
  }
  if (res !== null && err === null) return res;
  if (err && err.error instanceof ParserMemoryError) throw err.error;
  const lastToken = p.fill - 1;
  if (err === null) {
    // Second pass. (When the first pass raised, pegen's error_indicator stays set and this
    // pass returns at once: nothing to do.)
    p.resetForErrorPass();
    try {
      start(p);
    } catch (e) {
      if (!(e instanceof ParseAbort)) throw e;
      err = e;
    }
  }
  throw setSyntaxError(p, lastToken, err);
}

/** _Pypegen_set_syntax_error */
function setSyntaxError(p: Parser, lastToken: number, err: ParseAbort | null): Error {
  if (err) {
    if (err.error instanceof ParserMemoryError) return err.error;
    if (p.tok.done === E_OK) return fullSourceCheck(p, err.error);
    return err.error;
  }
  if (p.fill === 0) return p.raise('SyntaxError', 'error at start before reading any input').error;
  const t = p.type[lastToken];
  if (t === T.INDENT || t === T.DEDENT)
    return p.raise('IndentationError', t === T.INDENT ? 'unexpected indent' : 'unexpected unindent').error;
  const generic = p.errorAtToken(lastToken, 'invalid syntax').error;
  return fullSourceCheck(p, generic);
}

/**
 * _PyPegen_tokenize_full_source_to_check_for_errors: tokenize to the end; a tokenizer error wins
 * over the parser's, and so does a bracket left open on a line before the error's line.
 */
function fullSourceCheck(
  p: Parser,
  current: PythonSyntaxError | ParserMemoryError,
): PythonSyntaxError | ParserMemoryError {
  const tok = p.tok;
  const line = p.lineno[p.fill - 1];
  for (;;) {
    const type = tok.get();
    if (type === T.ERRORTOKEN) {
      if (tok.error) return tok.error;
      if (tok.level !== 0 && line > tok.parenLineno[tok.level - 1]) return p.unclosedParen().error;
      break;
    }
    if (type === T.ENDMARKER) break;
  }
  return current;
}
