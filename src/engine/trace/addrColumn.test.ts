import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AddrColumn } from './addrColumn';
import { EventLog } from './eventLog';
import { EventKind } from './events';

// What an event's address is: 16-aligned pointers in the brk heap and under the stack, page-aligned
// mappings, pointers past 2^32 and in windows at 2 GiB boundaries, NULL, and values a caller might
// pass that are no pointer (unaligned, negative, fractions, NaN, beyond 2^53).
const aligned = (min: number, max: number) => fc.integer({ min: min / 16, max: max / 16 }).map((g) => g * 16);
const value = fc.oneof(
  aligned(0x5555_5555_0000, 0x5555_9555_0000),
  aligned(0x7fff_0000_0000, 0x7fff_ffff_f000),
  fc.integer({ min: 0, max: 40 }).map((w) => w * 2 ** 31 + 16 * (w % 3)),
  aligned(0x7fff_fff0, 0x8000_0010),
  fc.integer({ min: 0, max: 2 ** 47 }),
  fc.constantFrom(
    0,
    8,
    2 ** 31 - 16,
    2 ** 31,
    2 ** 47,
    2 ** 53,
    2 ** 53 + 2,
    -16,
    -1,
    -5.30498948e-315,
    0.5,
    NaN,
    Infinity,
    -Infinity,
  ),
  fc.double(),
);

describe('AddrColumn', () => {
  it('reads back every address it was given, in order, whatever the windows', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 400 }), (values) => {
        const col = new AddrColumn(new Uint32Array(values.length));
        values.forEach((v, i) => col.set(i, v));
        const want = values.map((v) => (v === 0 ? 0 : v)); // -0 reads back as 0
        for (let i = 0; i < values.length; i++) expect(col.get(i)).toEqual(want[i]);
        expect(Array.from(col.slice(0, values.length))).toEqual(want);
      }),
      { numRuns: 500 },
    );
  });

  it('packs 16-aligned pointers of up to 16 windows, and keeps the rest beside it', () => {
    const col = new AddrColumn(new Uint32Array(21));
    col.set(0, 0x5555_5555_9010); // window 0
    col.set(1, 0x7fff_f7a0_0000); // window 1
    col.set(2, 0x5555_5555_9020); // window 0 again
    col.set(3, 0x5555_5555_9018); // 8-aligned only: beside
    for (let w = 0; w < 16; w++) col.set(4 + w, 2 ** 40 + w * 2 ** 31); // 14 more windows fit, then beside
    col.set(20, 0);
    expect(col.packed[0]).toBe((0x5555_5555_9010 % 2 ** 31) / 16);
    expect(col.packed[1] >>> 27).toBe(1);
    expect(col.packed[2]).toBe(col.packed[0] + 1);
    expect(col.packed[3]).toBe(2 ** 31);
    expect(col.packed[4 + 13] >>> 27).toBe(15);
    expect(col.packed[4 + 14]).toBe(2 ** 31 + 1);
    expect(col.wideEntries).toBe(4); // the unaligned one, two past the 16th window, and NULL (its window 0–2 GiB is a 17th)
    expect(col.get(20)).toBe(0);
  });
});

describe('EventLog with a packed address column', () => {
  it('returns every address as recorded across its growth (past the first 65,536 entries)', () => {
    const log = new EventLog();
    const n = 200_000;
    const addrOf = (i: number): number =>
      i % 3 === 0
        ? 0x7fff_0000_0000 + i * 4096
        : i % 1001 === 0
          ? 0x5555_0000_0000 + i * 8 + 8
          : 0x5555_0000_0000 + i * 16;
    for (let i = 0; i < n; i++) log.record(EventKind.Malloc, addrOf(i), 32, 0);
    for (let i = 0; i < n; i += 97) expect(log.addr.get(i)).toBe(addrOf(i));
    expect(log.addr.get(n - 1)).toBe(addrOf(n - 1));
  });
});
