import type { ScriptError } from '../protocol/messages';

/**
 * The interpreter's exceptions, read by shape (PySyntaxError has line/col, PyError has pyType and
 * line), so this file needs no import from the interpreter.
 */
export function toScriptError(e: unknown, statement: number | null, fallbackLine: number): ScriptError {
  const err = e as {
    name?: string;
    message?: string;
    line?: number;
    col?: number;
    column?: number;
    pyType?: string;
  };
  const message = String(err?.message ?? e);
  if (
    err &&
    (err.name === 'PySyntaxError' || err.name === 'SyntaxError' || err.pyType === 'SyntaxError') &&
    statement === null
  )
    return {
      kind: 'syntax',
      pyType: 'SyntaxError',
      message,
      line: err.line ?? 1,
      col: err.col ?? null,
      statement: null,
    };
  if (err && typeof err.pyType === 'string')
    return {
      kind: 'runtime',
      pyType: err.pyType,
      message,
      line: err.line ?? fallbackLine,
      col: null,
      statement,
    };
  return { kind: 'engine', pyType: err?.name ?? 'Error', message, line: fallbackLine, col: null, statement };
}
