import type { OutputReader } from '../engine/python/outputReader';
import type { StderrWrite } from '../protocol/messages';
import type { SimProcess } from './process';

/** A reader of what the script writes (the interpreter's buffers, when the process has them). */
export function outputReader(p: SimProcess): OutputReader | null {
  return (p as SimProcess & { outputReader?: () => OutputReader }).outputReader?.() ?? null;
}

/**
 * A statement's stderr writes at offsets into its own stdout text (`before`: the stdout length
 * before the statement); print() writes its items and its end one by one, so writes with no
 * stdout between them are joined.
 */
export function statementWrites(writes: readonly StderrWrite[], before: number): StderrWrite[] {
  const out: StderrWrite[] = [];
  for (const w of writes) {
    const at = w.at - before;
    const last = out[out.length - 1];
    if (last !== undefined && last.at === at) last.text += w.text;
    else out.push({ at, text: w.text });
  }
  return out;
}
