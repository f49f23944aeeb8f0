import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PageBits } from './pageBits';

/**
 * The run operations (a partial first word, whole words, a partial last word) against a plain
 * array of booleans, on random sequences of sets, clears and counts over 300 pages (ten words and
 * a part: every head/body/tail case, runs inside one word, runs that end on a word boundary).
 */
describe('PageBits runs of pages', () => {
  it('setRange, clearRange and countRange agree with one boolean a page', () => {
    const PAGES = 300;
    const op = fc.record({
      kind: fc.constantFrom('set', 'clear', 'count', 'one'),
      from: fc.integer({ min: 0, max: PAGES }),
      len: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: PAGES })),
    });
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 60 }), (ops) => {
        const bits = new PageBits(PAGES);
        const ref = new Array<boolean>(bits.capacityPages).fill(false);
        for (const { kind, from, len } of ops) {
          const to = Math.min(from + len, PAGES);
          const before = ref.slice(from, to).filter(Boolean).length;
          if (kind === 'set') {
            expect(bits.setRange(from, to)).toBe(to - from - before);
            ref.fill(true, from, to);
          } else if (kind === 'clear') {
            expect(bits.clearRange(from, to)).toBe(before);
            ref.fill(false, from, to);
          } else if (kind === 'one') {
            if (from >= PAGES) continue;
            expect(bits.setOne(from)).toBe(!ref[from]);
            ref[from] = true;
          } else expect(bits.countRange(from, to)).toBe(before);
          expect(bits.count).toBe(ref.filter(Boolean).length);
        }
        for (let p = 0; p < PAGES; p++) expect(bits.isSet(p)).toBe(ref[p]);
      }),
      { numRuns: 400 },
    );
  });

  it('a run past the bitmap is refused; a clear or count past it stops at its end', () => {
    const bits = new PageBits(64);
    expect(() => bits.setRange(60, 65)).toThrow(RangeError);
    expect(bits.setRange(0, 64)).toBe(64);
    expect(bits.countRange(32, 1000)).toBe(32);
    expect(bits.clearRange(63, 1000)).toBe(1);
    expect(bits.count).toBe(63);
  });
});
