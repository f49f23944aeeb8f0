import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventLog } from './eventLog';
import { EventKind } from './events';
import { WideColumn } from './wideColumn';

// What events carry: small requests, block sizes, 47-bit addresses (realloc's old pointer, brk and
// mmap results), requests at and past 2^31 and 2^32, and odd values a caller might pass.
const value = fc.oneof(
  fc.integer({ min: 0, max: 4096 }),
  fc.integer({ min: 0x7fff_fff0, max: 0x1_0000_0010 }),
  fc.integer({ min: 0x5555_5555_0000, max: 0x7fff_ffff_f000 }),
  fc.constantFrom(0, 2 ** 31 - 1, 2 ** 31, 2 ** 32 - 1, 2 ** 32, 2 ** 47, -1, -4096, 0.5, NaN, Infinity),
  fc.double(),
);

describe('WideColumn', () => {
  it('reads back every value it was given, in order', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 300 }), (values) => {
        const col = new WideColumn(new Uint32Array(values.length));
        values.forEach((v, i) => col.set(i, v));
        for (let i = 0; i < values.length; i++) expect(col.get(i)).toEqual(values[i] === 0 ? 0 : values[i]);
        expect(Array.from(col.slice(0, values.length))).toEqual(values.map((v) => (v === 0 ? 0 : v)));
      }),
    );
  });

  it('keeps whole numbers under 2^31 in the packed entry and the rest beside it', () => {
    const col = new WideColumn(new Uint32Array(4));
    col.set(0, 800);
    col.set(1, 2 ** 31 - 1);
    col.set(2, 2 ** 31);
    col.set(3, 0x7f12_3456_7000);
    expect(Array.from(col.packed)).toEqual([800, 2 ** 31 - 1, 2 ** 31, 2 ** 31 + 1]);
    expect(col.wideEntries).toBe(2);
  });
});

describe('EventLog with packed size and aux', () => {
  it('returns every event as recorded across its growth (past the first 65,536 entries)', () => {
    const log = new EventLog();
    const n = 200_000;
    const sizeOf = (i: number): number => (i % 7 === 0 ? 2 ** 32 + i : i % 1000);
    const auxOf = (i: number): number => (i % 5 === 0 ? 0x7f00_0000_0000 + i * 16 : i & 511);
    for (let i = 0; i < n; i++) log.record(EventKind.Realloc, 0x5555_0000_0000 + i * 16, sizeOf(i), auxOf(i));
    expect(log.length).toBe(n);
    for (let i = 0; i < n; i += 997) {
      expect(log.addr.get(i)).toBe(0x5555_0000_0000 + i * 16);
      expect(log.size.get(i)).toBe(sizeOf(i));
      expect(log.aux.get(i)).toBe(auxOf(i));
    }
    expect(log.size.get(n - 1)).toBe(sizeOf(n - 1));
    expect(log.aux.get(n - 1)).toBe(auxOf(n - 1));
  });
});
