import type { Position, ScriptError, StatementInfo } from '../protocol/messages';

/**
 * The interpreter's exceptions, read by shape (PySyntaxError has line and column, PyError has
 * pyType and line, NotSupported has pyType 'NotSupported'), so this file needs no import from the
 * interpreter. Anything else is a failure of Highwater itself, said as such.
 */
export function toScriptError(e: unknown, statement: number | null, fallbackLine: number): ScriptError {
  const err = (typeof e === 'object' && e !== null ? e : {}) as {
    name?: string;
    message?: string;
    line?: number;
    col?: number;
    column?: number;
    pyType?: string;
    /** CPython's text for it (PythonProcess.errorReport, through the adapter). */
    text?: string;
  };
  const message = String(err.message ?? e);
  const line = typeof err.line === 'number' && err.line > 0 ? err.line : fallbackLine;
  // The engine's SyntaxError names its column `column` (1-based, as CPython's offset).
  const col = typeof err.column === 'number' ? err.column : typeof err.col === 'number' ? err.col : null;
  if (err.name === 'PySyntaxError' || err.name === 'SyntaxError' || err.pyType === 'SyntaxError')
    return { kind: 'syntax', pyType: 'SyntaxError', message, line, col, statement };
  // The environment: the real process would refuse it, or Highwater does not model it (libc/env.ts).
  if (err.name === 'EnvError')
    return { kind: 'environment', pyType: 'EnvError', message, line: 1, col: null, statement: null };
  if (err.pyType === 'NotSupported')
    return { kind: 'unsupported', pyType: 'NotSupported', message, line, col: null, statement };
  // The engine's own failure, described by errorReport as an internal error, is ours, not Python's.
  if (err.pyType === 'InternalError')
    return { kind: 'engine', pyType: 'InternalError', message, line, col: null, statement };
  if (typeof err.pyType === 'string') {
    const text = typeof err.text === 'string' && err.text ? { text: err.text.replace(/\n+$/, '') } : {};
    return { kind: 'runtime', pyType: err.pyType, message, line, col: null, statement, ...text };
  }
  return {
    kind: 'engine',
    pyType: 'InternalError',
    message: `internal error in Highwater: ${err.name ?? 'Error'}: ${message}`,
    line,
    col: null,
    statement,
  };
}

/**
 * A failure of ours while showing one position (Session.goto): said for that position, with the
 * line of the statement shown — the one that ended (a statement position) or is under way (an event).
 */
export function seekError(
  e: unknown,
  statements: readonly StatementInfo[],
  target: Position,
  want: { statement: number; event: number },
): ScriptError {
  const err = e as Error;
  const idx = Math.max(
    0,
    Math.min(target.event === null ? want.statement - 1 : want.statement, statements.length - 1),
  );
  const line = statements[idx]?.line ?? 1;
  const where =
    target.event === null ? `step ${want.statement}` : `event ${want.event.toLocaleString('en-US')}`;
  return {
    kind: 'engine',
    pyType: 'InternalError',
    message: `internal error in Highwater while showing ${where} (line ${line}): ${err?.name ?? 'Error'}: ${err?.message ?? String(e)}`,
    line,
    col: null,
    statement: want.statement,
  };
}

/**
 * The run the page's Cancel asked for ended before `statement` (0-based), the one that was running
 * when the user cancelled: the statements before it ran and stay on screen.
 */
export function cancelledError(statement: number, line: number): ScriptError {
  return {
    kind: 'cancelled',
    pyType: 'Cancelled',
    message: `cancelled during statement ${statement + 1} (line ${line}): the views show the ${statement === 0 ? 'interpreter as it started' : 'statements before it'}`,
    line,
    col: null,
    statement,
  };
}
