import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IntMap } from './intMap';

describe('IntMap', () => {
  it('behaves like a Map under random set/delete/get (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.constantFrom('set', 'delete', 'get'), fc.integer({ min: 0, max: 200 }), fc.nat(1000)),
          {
            maxLength: 500,
          },
        ),
        (ops) => {
          const m = new IntMap(8);
          const ref = new Map<number, number>();
          for (const [op, k, v] of ops) {
            if (op === 'set') {
              m.set(k, v);
              ref.set(k, v);
            } else if (op === 'delete') {
              m.delete(k);
              ref.delete(k);
            }
            expect(m.get(k)).toBe(ref.has(k) ? ref.get(k) : -1);
            expect(m.size).toBe(ref.size);
          }
          for (const [k, v] of ref) expect(m.get(k)).toBe(v);
        },
      ),
      { numRuns: 300 },
    );
  });
});
