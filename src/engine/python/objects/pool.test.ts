import { describe, expect, it } from 'vitest';
import { ItemPool } from './pool';

describe('the item pool (list and tuple storage)', () => {
  it('grows the block at the top where it is, and moves any other, keeping the items', () => {
    const pool = new ItemPool(16);
    const a = pool.alloc(4);
    pool.data.set([1, 2, 3, 4], a);
    const b = pool.alloc(2);
    pool.data.set([9, 9], b);
    // b is at the top: it grows in place, past the array's first size
    expect(pool.grow(b, 2, 2, 64)).toBe(b);
    expect(Array.from(pool.data.subarray(b, b + 2))).toEqual([9, 9]);
    // a is not: it moves above b, and its old block is reused by the next 4-slot block
    const a2 = pool.grow(a, 4, 4, 8);
    expect(a2).toBe(b + 64);
    expect(Array.from(pool.data.subarray(a2, a2 + 4))).toEqual([1, 2, 3, 4]);
    expect(pool.alloc(4)).toBe(a);
    expect(pool.used).toBe(64 + 8 + 4);
  });

  it('keeps a list of a million appends in 2^20 slots', () => {
    const pool = new ItemPool();
    let off = pool.alloc(2);
    let cap = 2;
    for (let n = 0; n < 1_000_000; n++) {
      if (n === cap) {
        off = pool.grow(off, cap, n, cap * 2);
        cap *= 2;
      }
      pool.data[off + n] = n;
    }
    expect(pool.data.length).toBe(1 << 20);
    expect(pool.data[off + 999_999]).toBe(999_999);
  });
});
