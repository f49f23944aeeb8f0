import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * CPython's answers for a batch of programs, from tools/parser/cpython_ast.py run once on the
 * whole batch (node only: tests and the fuzz script). `python` defaults to `python3`, which must
 * be CPython 3.11 (the script refuses anything else).
 */
export interface ReferenceError {
  type: string;
  msg: string;
  lineno: number | null;
  offset: number | null;
  endLineno: number | null;
  endOffset: number | null;
  text: string | null;
}
export type Reference =
  | { ok: true; ast: unknown; compile: ReferenceError | null; note?: string }
  | { ok: false; stage: 'parse'; error: ReferenceError };

const SCRIPT = fileURLToPath(new URL('../../../../../tools/parser/cpython_ast.py', import.meta.url));

export function cpythonReference(
  programs: readonly string[],
  python = process.env.HW_PYTHON ?? 'python3',
): Reference[] {
  const input = programs.map((src) => JSON.stringify({ src })).join('\n') + '\n';
  const out = execFileSync(python, [SCRIPT], { input, maxBuffer: 1 << 30, encoding: 'utf8' });
  const lines = out.split('\n').filter((l) => l.length > 0);
  if (lines.length !== programs.length)
    throw new Error(`cpython_ast.py answered ${lines.length} of ${programs.length}`);
  return lines.map((l) => JSON.parse(l) as Reference);
}

/** `python3 FILE`'s answer: the file compiled (nothing ran), or the exception compiling it raised. */
export type FileModeReference = { ok: true } | (ReferenceError & { ok?: undefined });

const FILE_MODE = fileURLToPath(new URL('../../../../../tools/parser/cpython_file_mode.py', import.meta.url));

/** tools/parser/cpython_file_mode.py on the batch: one python3 process per program (slow). */
export function cpythonFileMode(
  programs: readonly string[],
  python = process.env.HW_PYTHON ?? 'python3',
): FileModeReference[] {
  const input = programs.map((src) => JSON.stringify({ src })).join('\n') + '\n';
  const out = execFileSync(python, [FILE_MODE], { input, maxBuffer: 1 << 30, encoding: 'utf8' });
  const lines = out.split('\n').filter((l) => l.length > 0);
  if (lines.length !== programs.length)
    throw new Error(`cpython_file_mode.py answered ${lines.length} of ${programs.length}`);
  return lines.map((l) => JSON.parse(l) as FileModeReference);
}
