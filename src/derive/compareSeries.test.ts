import { describe, expect, it } from 'vitest';
import type { TimelineColumns } from '../protocol/messages';
import { eventAtStatement, rssAtStatement, rssLine } from './compareSeries';

/** A run of 3 statements: start-up to event 10, then statements ending at 20, 120 and 130. */
function run(): { timeline: TimelineColumns; statementEnd: Float64Array; loadEvents: number } {
  const event = [0, 10, 15, 20, 60, 70, 120, 125, 130];
  const rss = [5, 10, 40, 20, 100, 300, 50, 60, 55];
  return {
    timeline: {
      count: event.length,
      event: Float64Array.from(event),
      rss: Float64Array.from(rss),
      heap: new Float64Array(event.length),
      mmap: new Float64Array(event.length),
      arena: new Float64Array(event.length),
    },
    statementEnd: Float64Array.from([20, 120, 130]),
    loadEvents: 10,
  };
}

describe('the comparison’s timeline', () => {
  it('reads RSS at each statement’s end, the start-up at statement 0', () => {
    const r = run();
    expect([0, 1, 2, 3].map((k) => eventAtStatement(r, k))).toEqual([10, 20, 120, 130]);
    expect([0, 1, 2, 3].map((k) => rssAtStatement(r, k))).toEqual([10, 20, 50, 55]);
  });

  it('keeps a peak inside a statement, at its place between the statement’s ends', () => {
    const r = run();
    const l = rssLine(r, 4);
    expect(l.x[0]).toBe(0);
    expect(Math.max(...l.y)).toBe(300);
    const at = l.x[l.y.indexOf(300)];
    // Statement 2 spans events 20 to 120; the 300 at event 70 sits halfway through it.
    expect(at).toBeGreaterThan(1.25);
    expect(at).toBeLessThan(1.75);
    // x never goes back, and every statement ends at its own whole number with its end value.
    for (let i = 1; i < l.x.length; i++) expect(l.x[i]).toBeGreaterThanOrEqual(l.x[i - 1]);
    for (const k of [1, 2, 3]) expect(l.y[l.x.lastIndexOf(k)]).toBe(rssAtStatement(r, k));
  });
});
