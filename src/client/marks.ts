/**
 * User-timing marks of the page's requests, read by the page bench (bench/page.ts) and visible in
 * Chromium's performance panel: `hw:views` from a run or a landing asked for to its snapshot
 * arriving, `hw:sentences` to its sentences. Each name keeps its last measure only (a long session
 * steps thousands of times; the timeline buffer is never cleared otherwise).
 */
import type { RunPhases } from '../protocol/messages';

export type AskKind = 'run' | 'goto';

const START = 'hw:asked';

export function markAsked(kind: AskKind): void {
  if (typeof performance === 'undefined' || !performance.mark) return;
  performance.clearMarks(START);
  performance.mark(START, { detail: kind });
}

export function measureAnswered(what: 'views' | 'sentences'): void {
  if (typeof performance === 'undefined' || !performance.measure) return;
  if (performance.getEntriesByName(START, 'mark').length === 0) return;
  const name = `hw:${what}`;
  performance.clearMeasures(name);
  performance.measure(name, START);
}

/**
 * The first run's parts (the worker's wall-clock stamps, RunPhases) as measures on the page's
 * timeline, read by the page bench: `hw:run:waited` from the run asked to the worker taking it (its
 * module loading, a run before it), `hw:run:boot` the process made, `hw:run:compile` the script
 * compiled, `hw:run:statements` the statements run, `hw:run:views` the final views built and their
 * message arrived. Called when the run's figures arrive.
 */
export function measureRunPhases(p: RunPhases): void {
  if (typeof performance === 'undefined' || !performance.measure) return;
  const at = (wall: number): number => Math.max(0, wall - performance.timeOrigin);
  const now = performance.now();
  const asked = performance.getEntriesByName(START, 'mark')[0]?.startTime ?? at(p.started);
  const parts: [string, number, number][] = [
    ['hw:run:waited', asked, at(p.started)],
    ['hw:run:boot', at(p.started), at(p.booted)],
    ['hw:run:compile', at(p.booted), at(p.loaded)],
    ['hw:run:statements', at(p.loaded), at(p.ran)],
    ['hw:run:views', at(p.ran), now],
  ];
  for (const [name, start, end] of parts) {
    performance.clearMeasures(name);
    performance.measure(name, { start, end: Math.max(start, end) });
  }
}
