import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GlibcMalloc } from '../glibc/malloc';
import { Kernel } from '../kernel/kernel';
import { EventKind } from '../trace/events';
import { checkObmalloc } from './check';
import { ARENA_SIZE, NUMBLOCKS } from './constants';
import { Pymalloc } from './pymalloc';
import { ReferenceObmalloc } from './referenceModel';

type Op =
  | { k: 'alloc'; n: number; size: number }
  | { k: 'free'; n: number; order: 'lifo' | 'fifo' | 'scatter'; seed: number }
  | { k: 'realloc'; pick: number; size: number }
  | { k: 'calloc'; nelem: number; elsize: number };

// Sizes skewed to the big classes (few blocks a pool), so arenas fill and empty within a few thousand calls.
const size = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 385, max: 512 }) },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 512 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, 513, 600, 4000) },
);
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ k: fc.constant('alloc' as const), n: fc.integer({ min: 1, max: 4000 }), size }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      k: fc.constant('free' as const),
      n: fc.integer({ min: 1, max: 5000 }),
      order: fc.constantFrom('lifo' as const, 'fifo' as const, 'scatter' as const),
      seed: fc.nat(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('realloc' as const), pick: fc.nat(), size }) },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant('calloc' as const),
      nelem: fc.integer({ min: 0, max: 40 }),
      elsize: fc.integer({ min: 0, max: 24 }),
    }),
  },
);

/** Run the ops on the model and on the naive reference, on twin kernels; compare every address. */
function run(ops: Op[]): { reclaimed: number; total: number } {
  const k1 = new Kernel();
  const pm = new Pymalloc(k1, new GlibcMalloc(k1));
  const k2 = new Kernel();
  const ref = new ReferenceObmalloc(k2, new GlibcMalloc(k2));
  const live: number[] = [];
  const freedArenas: number[] = [];
  pm.sink = { record: (kind, addr) => void (kind === EventKind.ArenaFree && freedArenas.push(addr)) };
  const freeAt = (i: number): void => {
    const p = live[i];
    live.splice(i, 1);
    freedArenas.length = 0;
    pm.free(p);
    ref.free(p);
    for (const a of freedArenas) {
      // An arena goes back to the system only when no block in it is alive.
      expect(live.some((q) => q >= a && q < a + ARENA_SIZE)).toBe(false);
    }
  };
  for (const o of ops) {
    if (o.k === 'alloc') {
      for (let i = 0; i < o.n; i++) {
        const p = pm.malloc(o.size);
        expect(ref.malloc(o.size)).toBe(p);
        live.push(p);
      }
    } else if (o.k === 'calloc') {
      const p = pm.calloc(o.nelem, o.elsize);
      expect(ref.calloc(o.nelem, o.elsize)).toBe(p);
      live.push(p);
    } else if (o.k === 'realloc') {
      if (live.length === 0) continue;
      const i = o.pick % live.length;
      const p = pm.realloc(live[i], o.size);
      expect(ref.realloc(live[i], o.size)).toBe(p);
      live[i] = p;
    } else {
      for (let j = 0; j < o.n && live.length > 0; j++) {
        const i =
          o.order === 'lifo'
            ? live.length - 1
            : o.order === 'fifo'
              ? 0
              : (o.seed * 7919 + j * 104729) % live.length;
        freeAt(i);
      }
    }
  }
  expect(checkObmalloc(pm.st)).toEqual([]);
  const s = pm.stats();
  expect(s).toEqual(ref.stats());
  expect(pm.st.narenasCurrentlyAllocated).toBe(ref.arenaAddresses().length);
  // Stats agree with the blocks the test holds.
  const small = live.filter((p) => pm.owns(p));
  let inUse = 0;
  for (const [bs, c] of Object.entries(s.classes)) {
    inUse += c.blocks_in_use;
    expect(c.avail).toBe(c.pools * NUMBLOCKS[Number(bs) / 16 - 1] - c.blocks_in_use);
  }
  expect(inUse).toBe(small.length);
  expect(pm.allocatedBlocks()).toBe(live.length);
  expect(s.arenas_allocated_total - s.arenas_reclaimed).toBe(s.arenas_allocated_current);
  // Every wholly empty arena is the last of usable_arenas (bpo-37257 keeps at most that one).
  const st = pm.st;
  let empties = 0;
  for (let a = 0; a < st.maxarenas; a++) {
    if (st.address[a] === 0 || st.nfreepools[a] !== st.ntotalpools[a]) continue;
    empties++;
    expect(st.nextarena[a]).toBe(-1);
  }
  expect(empties).toBeLessThanOrEqual(1);
  return { reclaimed: s.arenas_reclaimed, total: s.arenas_allocated_total };
}

describe('pymalloc against a naive reference model (fast-check)', () => {
  it('hands out the same addresses and keeps every invariant over random malloc/free/realloc runs', () => {
    let reclaimed = 0;
    let runsWithSeveralArenas = 0;
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 60 }), (ops) => {
        const r = run(ops);
        reclaimed += r.reclaimed;
        if (r.total > 2) runsWithSeveralArenas++;
      }),
      { numRuns: 80 },
    );
    // The runs did exercise arena creation and unmapping (typically dozens of each; the fixed run below is certain).
    expect(runsWithSeveralArenas).toBeGreaterThan(0);
    expect(reclaimed).toBeGreaterThan(0);
  });

  it('survives a run that builds and tears down many arenas in mixed orders', () => {
    const ops: Op[] = [];
    for (let r = 0; r < 6; r++) {
      ops.push({ k: 'alloc', n: 9000, size: 500 - r * 7 });
      ops.push({ k: 'alloc', n: 3000, size: 40 + r });
      ops.push({ k: 'free', n: 7000, order: r % 2 ? 'fifo' : 'scatter', seed: r });
      ops.push({ k: 'free', n: 1000, order: 'lifo', seed: 0 });
    }
    ops.push({ k: 'free', n: 1e9, order: 'scatter', seed: 3 });
    const r = run(ops);
    expect(r.total).toBeGreaterThanOrEqual(20);
    expect(r.total - r.reclaimed).toBe(1);
  });
});
