import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAxis, placeLabels } from './timelineAxis';

const st = (code: string) => ({ code, line: 1, endLine: 1 });

describe('timeline axis', () => {
  const ends = [1_000_000, 1_000_010, 1_000_020];
  const statements = [st('import numpy as np'), st('a = np.zeros(10)'), st('del a')];

  it('gives every statement the same width by statement, the start-up half', () => {
    const a = buildAxis('statement', ends, 100, 1_000_020, statements, false);
    expect(a.segments.map((s) => s.u1 - s.u0)).toEqual([0.5, 1, 1, 1]);
    // The 10-event statement 2 spans as much axis as the million-event import.
    expect(a.toU(1_000_005)).toBeCloseTo(2, 6);
    expect(a.toEvent(2)).toBeCloseTo(1_000_005, 6);
  });

  it('collapses imports to a sliver in both modes', () => {
    const byStmt = buildAxis('statement', ends, 100, 1_000_020, statements, true);
    expect(byStmt.segments[1].u1 - byStmt.segments[1].u0).toBe(0.25);
    const byEvents = buildAxis('events', ends, 100, 1_000_020, statements, true);
    const imp = byEvents.segments[1];
    expect(imp.u1 - imp.u0).toBeCloseTo(10_000.2, 1);
    // The start-up (100 events here) is collapsed with the imports.
    expect(byEvents.segments[0].u1).toBeLessThanOrEqual(100);
    expect(byEvents.total).toBeLessThan(20_200);
  });

  it('maps events to axis units and back, monotonically, in both modes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 12 }),
        fc.constantFrom('statement' as const, 'events' as const),
        fc.boolean(),
        (gaps, mode, collapse) => {
          const e: number[] = [];
          let x = 50;
          for (const g of gaps) e.push((x += g));
          const a = buildAxis(
            mode,
            e,
            50,
            x,
            e.map((_, i) => st(i % 3 === 0 ? 'import gc' : 'x = 1')),
            collapse,
          );
          let last = -1;
          for (let ev = 0; ev <= x; ev += Math.max(1, Math.floor(x / 50))) {
            const u = a.toU(ev);
            expect(u).toBeGreaterThanOrEqual(last - 1e-9);
            last = u;
            // Inside a non-empty segment the inverse gives the event back.
            const seg = a.segments.find((s) => s.e0 < ev && ev < s.e1);
            if (seg) expect(a.toEvent(u)).toBeCloseTo(ev, 6);
          }
        },
      ),
    );
  });
});

describe('labels', () => {
  it('never overlap: a label that would run into the last kept one is dropped', () => {
    const kept = placeLabels([
      { x: 0, width: 10 },
      { x: 8, width: 10 },
      { x: 15, width: 10 },
      { x: 40, width: 10 },
    ]);
    expect(kept.map((l) => l.x)).toEqual([0, 15, 40]);
    fc.assert(
      fc.property(
        fc.array(fc.record({ x: fc.integer({ min: 0, max: 500 }), width: fc.integer({ min: 1, max: 40 }) })),
        (ls) => {
          const k = placeLabels([...ls].sort((p, q) => p.x - q.x));
          for (let i = 1; i < k.length; i++)
            expect(k[i].x).toBeGreaterThanOrEqual(k[i - 1].x + k[i - 1].width + 4);
        },
      ),
    );
  });
});
