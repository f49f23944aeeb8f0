import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CallJournal } from './callJournal';

/** A layer whose journaled entry points note what they were given (the journal names them). */
class Noting {
  calls: unknown[][] = [];
  malloc(a: unknown): void {
    this.calls.push(['malloc', a]);
  }
  touch(a: unknown, b: unknown): void {
    this.calls.push(['touch', a, b]);
  }
  work(a: unknown): void {
    this.calls.push(['work', a]);
  }
  mmap(a: unknown, b: unknown, c: unknown, d: unknown): void {
    this.calls.push(['mmap', a, b, c, d]);
  }
  free(a: unknown): void {
    if (a === 13) throw new RangeError('bad free');
    this.calls.push(['free', a]);
  }
}

type Call = [keyof Noting & string, ...unknown[]];

const value = fc.oneof(
  fc.integer({ min: 0, max: 1 << 20 }),
  fc.maxSafeInteger(),
  fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }),
  fc.double(),
  fc.constantFrom(0, -0, NaN, Infinity, -Infinity, 2 ** 53, 2 ** 60, 0x7f0000001000, 1.5),
  fc.constantFrom('heap', null, undefined, { tag: 'x' }),
);

const call: fc.Arbitrary<Call> = fc.oneof(
  fc.tuple(fc.constant('malloc' as const), value),
  fc.tuple(fc.constant('touch' as const), value, value),
  fc.tuple(fc.constant('work' as const), value),
  fc.tuple(fc.constant('mmap' as const), value, value, value, value),
  fc.tuple(fc.constant('free' as const), fc.constantFrom(13, 14)),
);

/** Make the calls on a journaled layer (a check after every third), then replay them on a fresh one. */
function roundTrip(calls: Call[], from = 0): { made: unknown[][]; replayed: unknown[][]; checks: number[] } {
  const layer = new Noting();
  const j = new CallJournal();
  j.install([layer], []);
  let at = CallJournal.start();
  calls.forEach((c, i) => {
    if (i === from) at = j.position;
    const [name, ...args] = c;
    try {
      (layer[name] as (...a: unknown[]) => void)(...args);
    } catch {
      // the first run's caller handled it (a replay must neither throw nor call it twice)
    }
    if (i % 3 === 2) j.check();
  });
  const copy = new Noting();
  const checks: number[] = [];
  j.replay(
    [copy],
    at,
    (entry, check) => {
      if (check) checks.push(entry);
      return false;
    },
    () => {},
  );
  return { made: layer.calls.slice(from === 0 ? 0 : countBefore(calls, from)), replayed: copy.calls, checks };
}

const countBefore = (calls: Call[], from: number): number =>
  calls.slice(0, from).filter((c) => !(c[0] === 'free' && c[1] === 13)).length;

describe('CallJournal (packed entries)', () => {
  it('replays every argument exactly as given (integers, −0, NaN, huge, fractional, non-numeric)', () => {
    fc.assert(
      fc.property(fc.array(call, { maxLength: 60 }), (calls) => {
        const { made, replayed, checks } = roundTrip(calls);
        expect(replayed.length).toBe(made.length);
        replayed.forEach((r, i) => r.forEach((v, k) => expect(Object.is(v, made[i][k])).toBe(true)));
        expect(checks).toEqual(calls.map((_c, i) => i).filter((i) => i % 3 === 2));
      }),
      { numRuns: 300 },
    );
  });

  it('replays from a place in the middle with the deltas as they stood there', () => {
    fc.assert(
      fc.property(fc.array(call, { minLength: 2, maxLength: 40 }), fc.nat(), (calls, k) => {
        const from = k % calls.length;
        const { made, replayed } = roundTrip(calls, from);
        expect(replayed.length).toBe(made.length);
        replayed.forEach((r, i) => r.forEach((v, n) => expect(Object.is(v, made[i][n])).toBe(true)));
      }),
      { numRuns: 200 },
    );
  });

  it('packs a walk up the heap in a few bytes an entry', () => {
    const layer = new Noting();
    const j = new CallJournal();
    j.install([layer], []);
    for (let i = 0; i < 10_000; i++) {
      layer.touch(0x555555560000 + i * 4096, 4096);
      layer.malloc(32 + (i % 7) * 16);
    }
    // Float64 arguments and a Uint16 op and Uint8 count were 17 and 11 bytes
    expect(j.bytes - new CallJournal().bytes).toBeLessThan(20_000 * 4);
  });
});

describe('CallJournal (more ops and argument counts than header codes)', () => {
  it('writes the op out after the header past 31 (op, count) pairs, and replays them', () => {
    const names = ['sbrk', 'mmap', 'munmap', 'touch', 'malloc', 'calloc', 'realloc', 'free', 'rawMalloc'];
    class Many {
      calls: unknown[][] = [];
    }
    for (const name of names)
      Object.defineProperty(Many.prototype, name, {
        value: function (this: Many, ...args: unknown[]) {
          this.calls.push([name, ...args]);
        },
      });
    const layer = new Many();
    const j = new CallJournal();
    j.install([layer], []);
    const made: unknown[][] = [];
    for (let round = 0; round < 3; round++)
      for (const name of names)
        for (let n = 0; n <= 4; n++) {
          const args = [1, 2.5, -3, 4e20].slice(0, n).map((v) => v * (round + 1));
          (layer as unknown as Record<string, (...a: unknown[]) => void>)[name](...args);
          made.push([name, ...args]);
        }
    const copy = new Many();
    j.replay(
      [copy],
      CallJournal.start(),
      () => false,
      () => {},
    );
    expect(copy.calls).toEqual(made);
    expect(made.length).toBeGreaterThan(31 * 3);
  });
});
