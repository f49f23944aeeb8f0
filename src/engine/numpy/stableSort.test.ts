import { describe, expect, it } from 'vitest';
import type { Libc } from '../libc/libc';
import { stableArgsort } from './stableSort';

/** A libc that hands out distinct fake pointers, with the size of each live block. */
function sizedLibc(): Libc & { sizes: Map<number, number> } {
  let next = 0x100000;
  const sizes = new Map<number, number>();
  const take = (n: number): number => {
    const p = (next += 0x1000000);
    sizes.set(p, n);
    return p;
  };
  return {
    sizes,
    malloc: take,
    realloc: (p: number, n: number) => {
      sizes.delete(p);
      return take(n);
    },
    free: (p: number) => {
      expect(sizes.has(p)).toBe(true);
      sizes.delete(p);
    },
  } as unknown as Libc & { sizes: Map<number, number> };
}

function run(v: number[], itemsize: number) {
  const libc = sizedLibc();
  const writes: [number, number][] = [];
  const order = v.map((_, i) => i);
  stableArgsort(libc, v, order, itemsize, (p, len) => {
    // every store lands inside a block that is live and big enough
    expect(libc.sizes.get(p)).toBeGreaterThanOrEqual(len);
    writes.push([p, len]);
  });
  expect(libc.sizes.size).toBe(0); // the work buffers are freed
  return { order, writes };
}

describe('stable argsort: what its work buffers are written with', () => {
  it('aradixsort (2-byte keys) writes its whole num·8 work array; already sorted input allocates nothing', () => {
    const v = Array.from({ length: 5000 }, (_, i) => (i * 7919) % 100);
    const { order, writes } = run(v, 2);
    expect(writes).toEqual([[expect.any(Number), 5000 * 8]]);
    for (let i = 1; i < order.length; i++) expect(v[order[i - 1]] <= v[order[i]]).toBe(true);
    expect(run([1, 2, 3], 2).writes).toEqual([]);
  });

  it('atimsort: each merge memcpys the shorter run (after galloping) into the buffer', () => {
    // two ascending runs, 60,000 then 40,000: one merge, every item of run 2 below run 1's last
    const v = [
      ...Array.from({ length: 60000 }, (_, i) => 40000 + i),
      ...Array.from({ length: 40000 }, (_, i) => i),
    ];
    const { order, writes } = run(v, 8);
    expect(writes.map((w) => w[1])).toEqual([40000 * 8]);
    expect(order.slice(0, 3)).toEqual([60000, 60001, 60002]);
  });

  it('atimsort on random int64 keys: a stable order, and the last merge writes the most, about half of n items', () => {
    const n = 200000;
    let x = 12345;
    const v = Array.from({ length: n }, () => ((x = (x * 1103515245 + 12345) % 2 ** 31), x % 5000));
    const { order, writes } = run(v, 8);
    for (let i = 1; i < n; i++) {
      const a = v[order[i - 1]];
      const b = v[order[i]];
      expect(a < b || (a === b && order[i - 1] < order[i])).toBe(true);
    }
    const biggest = Math.max(...writes.map((w) => w[1]));
    expect(writes[writes.length - 1][1]).toBe(biggest);
    // the final merge of two halves moves about n/2 items: 0.35–0.5 of n (n·8 bytes)
    expect(biggest).toBeGreaterThan(0.35 * n * 8);
    expect(biggest).toBeLessThanOrEqual(0.5 * n * 8);
  });
});
