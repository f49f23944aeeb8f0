import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Clock } from '../kernel/clock';
import { Kernel } from '../kernel/kernel';
import { checkMimalloc } from './check';
import { MimallocMalloc } from './mimalloc';
import { parseMimallocEnv } from './options';

type Op =
  | { k: 'malloc'; n: number; size: number }
  | { k: 'free'; n: number; seed: number }
  | { k: 'realloc'; pick: number; size: number }
  | { k: 'calloc'; size: number }
  | { k: 'sleep'; ms: number }
  | { k: 'collect' }
  | { k: 'thread'; tid: number };

// Small (≤ 8 KiB pages), medium (≤ 128 KiB), large (own page, ≤ 16 MiB) and huge (own segment).
const size = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 1024 }) },
  { weight: 3, arbitrary: fc.integer({ min: 1025, max: 200_000 }) },
  { weight: 1, arbitrary: fc.integer({ min: 200_001, max: 20_000_000 }) },
);
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ k: fc.constant('malloc' as const), n: fc.integer({ min: 1, max: 300 }), size }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      k: fc.constant('free' as const),
      n: fc.integer({ min: 1, max: 400 }),
      seed: fc.nat(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('realloc' as const), pick: fc.nat(), size }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('calloc' as const), size }) },
  {
    weight: 1,
    arbitrary: fc.record({ k: fc.constant('sleep' as const), ms: fc.integer({ min: 1, max: 1000 }) }),
  },
  { weight: 1, arbitrary: fc.constant({ k: 'collect' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({ k: fc.constant('thread' as const), tid: fc.integer({ min: 0, max: 2 }) }),
  },
);

function run(ops: Op[], env: Record<string, string>): void {
  const clock = new Clock();
  const mi = new MimallocMalloc(new Kernel(), clock, parseMimallocEnv(env).options);
  const held = new Set<number>();
  const live: number[] = [];
  const take = (p: number): void => {
    if (p === 0) return;
    expect(held.has(p)).toBe(false);
    held.add(p);
    live.push(p);
  };
  for (const o of ops) {
    if (o.k === 'malloc') for (let i = 0; i < o.n; i++) take(mi.malloc(o.size));
    else if (o.k === 'calloc') take(mi.calloc(1, o.size));
    else if (o.k === 'free') {
      let r = o.seed;
      for (let i = 0; i < o.n && live.length > 0; i++) {
        r = (r * 1103515245 + 12345) >>> 0;
        const j = r % live.length;
        const p = live[j];
        live[j] = live[live.length - 1];
        live.pop();
        held.delete(p);
        mi.free(p);
      }
    } else if (o.k === 'realloc' && live.length > 0) {
      const j = o.pick % live.length;
      const p = live[j];
      held.delete(p);
      live[j] = live[live.length - 1];
      live.pop();
      const q = mi.realloc(p, o.size);
      expect(q).not.toBe(0);
      expect(mi.usableSize(q)).toBeGreaterThanOrEqual(o.size);
      take(q);
    } else if (o.k === 'sleep') clock.sleep(o.ms * 1e6);
    else if (o.k === 'collect') mi.trim(0);
    else if (o.k === 'thread') mi.setThread(o.tid);
    const errs = checkMimalloc(mi, held);
    expect(errs.slice(0, 5)).toEqual([]);
  }
}

describe('mimalloc model invariants (fast-check)', () => {
  const settings: Record<string, string>[] = [
    {},
    { MIMALLOC_DECOMMIT_DELAY: '0' },
    { MIMALLOC_PAGE_RESET: '1', MIMALLOC_SEGMENT_DECOMMIT_DELAY: '0' },
  ];
  for (const env of settings) {
    it(`blocks, slices and commit masks stay consistent ${JSON.stringify(env)}`, () => {
      fc.assert(
        fc.property(fc.array(op, { minLength: 1, maxLength: 30 }), (ops) => run(ops, env)),
        { numRuns: 25 },
      );
    });
  }
});
