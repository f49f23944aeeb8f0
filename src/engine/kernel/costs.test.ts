import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PAGE_SIZE } from './constants';
import { PAGE_DROP_NS, PAGE_FAULT_NS, WRITE_BYTE_NS } from './costs';
import { Kernel } from './kernel';

/** A kernel whose work is summed as the process's clock would be charged (Kernel.onWork). */
function timedKernel(): { k: Kernel; charged: () => number } {
  const k = new Kernel();
  let ns = 0;
  k.onWork = (w) => {
    expect(w).toBeGreaterThan(0);
    ns += w;
  };
  return { k, charged: () => ns };
}

describe('Kernel.onWork: the kernel charges its work as it happens (costs.ts)', () => {
  it('a fault per page made resident, a drop per page given back, bytes for a write across pages', () => {
    const { k, charged } = timedKernel();
    const a = k.mmap(64 * PAGE_SIZE, 'glibc-mmap');
    expect(charged()).toBe(0); // mmap itself makes nothing resident
    k.touch(a + 10, 8); // one page: a fault, the write is object set-up
    expect(charged()).toBe(PAGE_FAULT_NS);
    k.touch(a + 20, 8); // resident already, inside one page: nothing
    expect(charged()).toBe(PAGE_FAULT_NS);
    k.touch(a, 4 * PAGE_SIZE); // 3 new pages, and a memset of 16 KiB
    expect(charged()).toBeCloseTo(4 * PAGE_FAULT_NS + 4 * PAGE_SIZE * WRITE_BYTE_NS, 6);
    const before = charged();
    k.touch(a, 4 * PAGE_SIZE); // all resident: the write alone
    expect(charged() - before).toBeCloseTo(4 * PAGE_SIZE * WRITE_BYTE_NS, 6);
    const before2 = charged();
    k.madviseDontneed(a, 2 * PAGE_SIZE);
    expect(charged() - before2).toBe(2 * PAGE_DROP_NS);
    const before3 = charged();
    k.munmap(a, 64 * PAGE_SIZE); // the 2 still resident
    expect(charged() - before3).toBe(2 * PAGE_DROP_NS);
  });

  it('charges exactly faults × PAGE_FAULT_NS + drops × PAGE_DROP_NS + multi-page bytes × WRITE_BYTE_NS', () => {
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('touch' as const),
        page: fc.nat(63),
        offset: fc.nat(PAGE_SIZE - 1),
        len: fc.integer({ min: 1, max: 6 * PAGE_SIZE }),
      }),
      fc.record({
        kind: fc.constant('dontneed' as const),
        page: fc.nat(63),
        pages: fc.integer({ min: 1, max: 8 }),
      }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const { k, charged } = timedKernel();
        const size = 72 * PAGE_SIZE;
        const a = k.mmap(size, 'glibc-mmap');
        let bulk = 0;
        let drops = 0;
        for (const o of ops) {
          if (o.kind === 'touch') {
            const addr = a + o.page * PAGE_SIZE + o.offset;
            const len = Math.min(o.len, a + size - addr);
            const first = Math.floor((addr - a) / PAGE_SIZE);
            const last = Math.floor((addr + len - 1 - a) / PAGE_SIZE);
            if (last > first) bulk += len;
            k.touch(addr, len);
          } else {
            const rss = k.rss;
            k.madviseDontneed(a + o.page * PAGE_SIZE, o.pages * PAGE_SIZE);
            drops += (rss - k.rss) / PAGE_SIZE;
          }
        }
        const expected = k.faults * PAGE_FAULT_NS + drops * PAGE_DROP_NS + bulk * WRITE_BYTE_NS;
        expect(Math.abs(charged() - expected)).toBeLessThan(1e-6 * Math.max(1, expected));
        expect(k.faults - drops).toBe(k.rss / PAGE_SIZE);
      }),
    );
  });
});
