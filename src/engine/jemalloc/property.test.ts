import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Clock } from '../kernel/clock';
import { Kernel } from '../kernel/kernel';
import { checkJemalloc } from './check';
import { JemallocMalloc } from './jemalloc';
import { parseMallocConf } from './options';

type Op =
  | { k: 'malloc'; n: number; size: number }
  | { k: 'free'; n: number; seed: number }
  | { k: 'realloc'; pick: number; size: number }
  | { k: 'calloc'; size: number }
  | { k: 'sleep'; ms: number }
  | { k: 'trim' };

// Small classes (slabs, thread cache), large ones (own extents, cached up to 32 KiB) and a few huge.
const size = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 1024 }) },
  { weight: 3, arbitrary: fc.integer({ min: 1025, max: 120_000 }) },
  { weight: 1, arbitrary: fc.integer({ min: 120_001, max: 12_000_000 }) },
);
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ k: fc.constant('malloc' as const), n: fc.integer({ min: 1, max: 400 }), size }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      k: fc.constant('free' as const),
      n: fc.integer({ min: 1, max: 500 }),
      seed: fc.nat(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('realloc' as const), pick: fc.nat(), size }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('calloc' as const), size }) },
  {
    weight: 1,
    arbitrary: fc.record({ k: fc.constant('sleep' as const), ms: fc.integer({ min: 1, max: 20_000 }) }),
  },
  { weight: 1, arbitrary: fc.constant({ k: 'trim' as const }) },
);

function run(ops: Op[], conf: string): void {
  const clock = new Clock();
  const je = new JemallocMalloc(new Kernel(), clock, parseMallocConf(conf).options);
  const held = new Set<number>(je.startupPointers);
  const live: number[] = [];
  const take = (p: number): void => {
    if (p === 0) return;
    expect(held.has(p)).toBe(false);
    held.add(p);
    live.push(p);
  };
  for (const o of ops) {
    if (o.k === 'malloc') for (let i = 0; i < o.n; i++) take(je.malloc(o.size));
    else if (o.k === 'calloc') take(je.calloc(1, o.size));
    else if (o.k === 'free') {
      let r = o.seed;
      for (let i = 0; i < o.n && live.length > 0; i++) {
        r = (r * 1103515245 + 12345) >>> 0;
        const j = r % live.length;
        const p = live[j];
        live[j] = live[live.length - 1];
        live.pop();
        held.delete(p);
        je.free(p);
      }
    } else if (o.k === 'realloc' && live.length > 0) {
      const j = o.pick % live.length;
      const p = live[j];
      held.delete(p);
      live[j] = live[live.length - 1];
      live.pop();
      const q = je.realloc(p, o.size);
      if (o.size > 0) {
        expect(q).not.toBe(0);
        expect(je.usableSize(q)).toBeGreaterThanOrEqual(o.size);
        take(q);
      }
    } else if (o.k === 'sleep') clock.sleep(o.ms * 1e6);
    else if (o.k === 'trim') je.trim(0);
    const errs = checkJemalloc(je, held);
    expect(errs.slice(0, 5)).toEqual([]);
  }
}

describe('jemalloc model invariants (fast-check)', () => {
  for (const conf of [
    '',
    'dirty_decay_ms:0',
    'muzzy_decay_ms:5000',
    'tcache:false,narenas:1',
    'oversize_threshold:1048576',
  ]) {
    it(`regions, extents and page states stay consistent${conf ? ` (${conf})` : ''}`, () => {
      fc.assert(
        fc.property(fc.array(op, { minLength: 1, maxLength: 40 }), (ops) => run(ops, conf)),
        { numRuns: 25 },
      );
    });
  }
});
