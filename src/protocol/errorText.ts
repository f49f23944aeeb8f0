import type { ScriptError } from './messages';

/** The error as one line, as CPython's last traceback line prints it ("MemoryError", no colon, when empty). */
export function errorLine(e: ScriptError): string {
  if (e.kind === 'unsupported' || e.kind === 'engine' || e.kind === 'cancelled') return e.message;
  return e.message ? `${e.pyType}: ${e.message}` : e.pyType;
}

/**
 * The error as CPython prints it at the top level: the engine's whole text when it gave one (every
 * frame, the chain, notes, a group's box), else a traceback naming the line and its code, then the
 * error line.
 * Our own messages (unsupported, internal) are said plainly, with the line.
 */
export function tracebackText(e: ScriptError, lineText: (line: number) => string | null): string {
  if (e.kind === 'unsupported' || e.kind === 'engine' || e.kind === 'cancelled') return `${e.message} (line ${e.line})`;
  const code = lineText(e.line)?.trim() ?? '';
  if (e.kind === 'syntax') {
    const caret =
      e.col !== null && code
        ? `\n    ${' '.repeat(Math.max(0, e.col - 1 - indentOf(lineText(e.line) ?? '')))}^`
        : '';
    return `  File "<script>", line ${e.line}\n    ${code}${caret}\n${errorLine(e)}`;
  }
  if (e.text) return e.text;
  return `Traceback (most recent call last):\n  File "<script>", line ${e.line}, in <module>\n    ${code}\n${errorLine(e)}`;
}

const indentOf = (s: string): number => s.length - s.trimStart().length;
