/**
 * User-timing marks of the page's requests, read by the page bench (bench/page.ts) and visible in
 * Chromium's performance panel: `hw:views` from a run or a landing asked for to its snapshot
 * arriving, `hw:sentences` to its sentences. Each name keeps its last measure only (a long session
 * steps thousands of times; the timeline buffer is never cleared otherwise).
 */
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
