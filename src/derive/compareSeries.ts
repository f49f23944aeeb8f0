import type { TimelineColumns } from '../protocol/messages';
import { sampleAt } from './timelineModel';

/**
 * The comparison's overlaid timeline: each run's RSS on one x axis counted in statements (runs in
 * different environments make different numbers of allocator events for the same statement, so
 * only statements line up). Statement k occupies [k − 1, k]; the events inside it are spread evenly
 * across it, so a peak during a statement shows where it happened.
 */
export interface RunOutline {
  timeline: TimelineColumns;
  statementEnd: Float64Array;
  loadEvents: number;
}

/** Events done after k statements (k = 0: the interpreter's start-up). */
export const eventAtStatement = (r: RunOutline, k: number): number =>
  k <= 0 ? r.loadEvents : r.statementEnd[Math.min(k, r.statementEnd.length) - 1];

/** RSS once k statements are done. */
export function rssAtStatement(r: RunOutline, k: number): number {
  const t = r.timeline;
  return t.count === 0 ? 0 : t.rss[sampleAt(t, eventAtStatement(r, k))];
}

/**
 * The RSS line as points (x in statements, y in bytes), at most `perStatement` points per
 * statement, each bucket keeping its minimum and maximum so a spike is never lost.
 */
export function rssLine(r: RunOutline, perStatement = 200): { x: number[]; y: number[] } {
  const x: number[] = [0];
  const y: number[] = [rssAtStatement(r, 0)];
  const t = r.timeline;
  if (t.count === 0) return { x, y };
  for (let k = 1; k <= r.statementEnd.length; k++) {
    const from = eventAtStatement(r, k - 1);
    const to = eventAtStatement(r, k);
    const span = Math.max(1, to - from);
    let s = sampleAt(t, from);
    const buckets = Math.min(perStatement, span);
    for (let b = 0; b < buckets; b++) {
      const end = from + ((b + 1) * span) / buckets;
      let lo = t.rss[s];
      let hi = lo;
      let loAt = s;
      let hiAt = s;
      while (s + 1 < t.count && t.event[s + 1] <= end) {
        s++;
        const v = t.rss[s];
        if (v < lo) [lo, loAt] = [v, s];
        if (v > hi) [hi, hiAt] = [v, s];
      }
      const mid = k - 1 + (b + 0.5) / buckets;
      const x1 = k - 1 + (b + 1) / buckets;
      // Both extremes, in the order they came, then the value where the bucket ends.
      if (hi !== lo) {
        x.push(mid, mid);
        y.push(...(loAt < hiAt ? [lo, hi] : [hi, lo]));
      }
      x.push(x1);
      y.push(t.rss[s]);
    }
  }
  return { x, y };
}
