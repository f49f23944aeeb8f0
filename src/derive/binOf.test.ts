import { describe, expect, it } from 'vitest';
import type { BinRow } from './bins';
import { binKeyOf, orderBins } from './binOf';

const row = (bin: BinRow['bin'], index: number, count: number, bytes: number): BinRow => ({
  bin,
  index,
  label: `${bin} ${index}`,
  count,
  bytes,
});

describe('bins panel order', () => {
  it('lists the bins the script changed first, each group by bytes', () => {
    const start = [row('tcache', 1, 3, 96), row('tcache', 49, 0, 0), row('smallbin', 40, 1, 640)];
    const now = [
      row('tcache', 1, 3, 96),
      row('tcache', 49, 7, 5712),
      row('unsorted', 1, 5, 815_000_000),
      row('smallbin', 40, 1, 640),
    ];
    const o = orderBins(now, start);
    expect(o.map((x) => [x.row.bin, x.mine])).toEqual([
      ['unsorted', true],
      ['tcache', true],
      ['smallbin', false],
      ['tcache', false],
    ]);
  });
  it('names the bin of a chunk as the rows do', () => {
    expect(binKeyOf(2, 816)).toBe('tcache:49');
    expect(binKeyOf(4, 1000)).toBe('unsorted:1');
    expect(binKeyOf(1, 816)).toBeNull();
  });
});
