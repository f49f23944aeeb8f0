import { expect } from 'vitest';
import { sentenceText } from '../../engine/explain/types';
import { DEFAULT_ENV } from '../../protocol/environment';
import type { FromWorker } from '../../protocol/messages';
import { Session } from '../../worker/session';
import { scenarioById } from '../index';

/**
 * What each library scenario's steps must say: its story's lesson, as text the explain panel shows
 * after that step (the same Session the page's worker runs). `step` counts statements done; every
 * pattern must match some sentence of that step, every `not` none of them. `first` must match the
 * step's second sentence: the cause, said right after what RSS did.
 */
export interface Lesson {
  step: number;
  says: RegExp[];
  not?: RegExp[];
  first?: RegExp;
}

/** The sentences after each step of a scenario (index k: after k statements). */
export function stepsOf(id: string): string[][] {
  const sc = scenarioById(id);
  if (!sc) throw new Error(`no scenario ${id}`);
  const snaps: string[][] = [];
  let n = 0;
  let last: string[] = [];
  const s = new Session((m: FromWorker) => {
    if (m.type === 'snapshot') last = m.snapshot.explain.map(sentenceText);
    if (m.type === 'runDone') n = m.statementEnd.length;
  });
  s.start(1, sc.source, { tunables: sc.tunables ?? {}, env: sc.env ?? DEFAULT_ENV }, { statement: 0, event: null });
  for (let k = 0; k <= n; k++) {
    s.goto(1, k + 1, { statement: k, event: null });
    snaps.push(last);
  }
  return snaps;
}

export function checkLessons(id: string, lessons: Lesson[]): void {
  const steps = stepsOf(id);
  for (const l of lessons) {
    const said = steps[l.step];
    expect(said, `${id}: step ${l.step} exists`).toBeDefined();
    const text = said.join('\n');
    for (const re of l.says) expect(text, `${id} step ${l.step} says ${re}`).toMatch(re);
    for (const re of l.not ?? []) expect(text, `${id} step ${l.step} never says ${re}`).not.toMatch(re);
    if (l.first) expect(said[1] ?? '', `${id} step ${l.step}: the cause comes first`).toMatch(l.first);
  }
  // Everywhere: one unit convention (MiB/KiB), and no "0.0x MB".
  for (const said of steps) for (const t of said) expect(t).not.toMatch(/\d MB\b|0\.0\d MiB/);
}
