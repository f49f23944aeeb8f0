import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentBytes, contentCopy, storeFromString, writeContent, type ByteContent } from './bytestore';

/** The store against a plain Uint8Array: any writes, then any range read, give the same bytes. */
const write = fc.record({ at: fc.nat(20_000), bytes: fc.uint8Array({ maxLength: 9000 }) });

describe('the paged byte store', () => {
  it('reads back what was written, wherever writes cross pages', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30_000 }),
        fc.integer({ min: 0, max: 255 }),
        fc.boolean(),
        fc.array(write, { maxLength: 12 }),
        fc.nat(),
        fc.nat(),
        (length, fill, fromString, writes, a, b) => {
          const model = new Uint8Array(length).fill(fill);
          let c: ByteContent = fromString
            ? String.fromCharCode(fill).repeat(length)
            : { fill, length };
          for (const w of writes) {
            const at = w.at % length;
            const bytes = w.bytes.subarray(0, length - at);
            model.set(bytes, at);
            c = writeContent(c, at, bytes);
          }
          const lo = a % (length + 1);
          const hi = lo + (b % (length - lo + 1));
          // Buffer.equals: vitest's deep equality walks 30,000 bytes one by one
          expect(Buffer.from(contentBytes(c, lo, hi)).equals(model.subarray(lo, hi))).toBe(true);
          expect(Buffer.from(contentBytes(c, 0, length)).equals(model)).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('copies are independent of later writes', () => {
    const s = storeFromString('x'.repeat(5000));
    const copy = contentCopy(s);
    writeContent(s, 4095, Uint8Array.of(1, 2));
    expect(contentBytes(copy, 4094, 4098)).toEqual(Uint8Array.of(120, 120, 120, 120));
    expect(contentBytes(s, 4094, 4098)).toEqual(Uint8Array.of(120, 1, 2, 120));
  });

  it('a write into a long string content makes a store; a short one stays a string', () => {
    expect(typeof writeContent('abc', 1, Uint8Array.of(90))).toBe('string');
    expect(writeContent('abc', 1, Uint8Array.of(90))).toBe('aZc');
    const big = writeContent('q'.repeat(300), 299, Uint8Array.of(33));
    expect(typeof big).toBe('object');
    expect(contentBytes(big, 297, 300)).toEqual(Uint8Array.of(113, 113, 33));
  });
});
