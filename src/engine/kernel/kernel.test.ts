import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PAGE_SIZE } from './constants';
import { Kernel } from './kernel';
import { ModelLimit, OomKilled } from './limits';
import { PageBits } from './pageBits';
import { Syscall } from './syscalls';

describe('Kernel: brk', () => {
  it('grows in pages without making them resident, and drops pages when it shrinks', () => {
    const k = new Kernel();
    expect(k.sbrk(135168)).toBe(k.heapStart);
    expect(k.heapSize).toBe(135168);
    expect(k.rss).toBe(0); // fresh brk memory reads as zero without being resident
    k.touch(k.heapStart + 100, 8);
    k.touch(k.heapStart + 8 * PAGE_SIZE, 3 * PAGE_SIZE);
    expect(k.rss).toBe(4 * PAGE_SIZE);
    k.sbrk(-(135168 - 8 * PAGE_SIZE - PAGE_SIZE)); // keep 9 pages: page 8 stays
    expect(k.rss).toBe(2 * PAGE_SIZE);
    expect(k.peakRss).toBe(4 * PAGE_SIZE);
    const ev = k.log.at(k.log.length - 1);
    expect(ev.kind).toBe(Syscall.Brk);
    expect(ev.residentDelta).toBe(-2);
  });

  it("ends the process when its resident pages pass the machine's RAM (the OOM killer), not before", () => {
    // overcommit mode 0 lets every 1 MiB request through; the pages written are what run out
    const k = new Kernel({ ram: 64 * PAGE_SIZE, baselineRss: 8 * PAGE_SIZE });
    const a = k.mmap(1 << 20, 'glibc-mmap');
    expect(a).toBeGreaterThan(0);
    k.touch(a, 56 * PAGE_SIZE); // 56 + 8 = 64 pages: exactly the RAM
    expect(k.rss).toBe(64 * PAGE_SIZE);
    expect(() => k.touch(a + 56 * PAGE_SIZE, 1)).toThrow(OomKilled);
  });

  it('says the brk heap past 32 GiB is beyond the model instead of naming pages wrongly', () => {
    const k = new Kernel({ commitLimit: 2 ** 40 });
    expect(k.sbrk(2 ** 34)).toBe(k.heapStart);
    expect(() => k.sbrk(2 ** 34 + PAGE_SIZE)).toThrow(ModelLimit);
  });

  it('refuses growth past the commit limit', () => {
    const k = new Kernel({ commitLimit: 1 << 20 });
    expect(k.sbrk(2 << 20)).toBe(-1);
    expect(k.heapSize).toBe(0);
  });
});

describe('Kernel: mmap', () => {
  it('places mappings top-down, each just below the lowest, and reuses holes', () => {
    const k = new Kernel();
    const a = k.mmap(1 << 20, 'pymalloc-arena');
    const b = k.mmap(8192, 'glibc-mmap');
    const c = k.mmap(1 << 20, 'pymalloc-arena');
    expect(a).toBe(k.mmapBase - (1 << 20));
    expect(b).toBe(a - 8192);
    expect(c).toBe(b - (1 << 20));
    k.munmap(a, 1 << 20);
    expect(k.mmap(4096, 'glibc-mmap')).toBe(k.mmapBase - 4096); // the highest hole that fits
    expect(k.mmap(2 << 20, 'other')).toBe(c - (2 << 20)); // too big for the hole: below everything
  });

  it('counts written pages only, and munmap drops them', () => {
    const k = new Kernel();
    const a = k.mmap(10 * PAGE_SIZE, 'glibc-mmap');
    k.touch(a, 16);
    expect(k.rss).toBe(PAGE_SIZE);
    k.touch(a + PAGE_SIZE - 1, 2);
    expect(k.rss).toBe(2 * PAGE_SIZE);
    k.munmap(a, 10 * PAGE_SIZE);
    expect(k.rss).toBe(0);
    expect(k.anonMmapBytes).toBe(0);
  });

  it('fails a mapping larger than RAM + swap (overcommit heuristic)', () => {
    const k = new Kernel();
    expect(k.mmap(10 ** 15, 'glibc-mmap')).toBe(-1);
  });

  it('mremap shrinks in place and moves a growing mapping that has no room above, keeping residency', () => {
    const k = new Kernel();
    const a = k.mmap(4 * PAGE_SIZE, 'glibc-mmap');
    k.mmap(PAGE_SIZE, 'other'); // blocks growth? no: it lies below a; a's room above is the base
    const b = k.mmap(4 * PAGE_SIZE, 'glibc-mmap'); // directly below the other
    k.touch(b, 4 * PAGE_SIZE);
    const moved = k.mremap(b, 4 * PAGE_SIZE, 8 * PAGE_SIZE);
    expect(moved).not.toBe(b);
    expect(k.rss).toBe(4 * PAGE_SIZE);
    expect(k.mremap(moved, 8 * PAGE_SIZE, 2 * PAGE_SIZE)).toBe(moved);
    expect(k.rss).toBe(2 * PAGE_SIZE);
    expect(k.mremap(a, 4 * PAGE_SIZE, 6 * PAGE_SIZE)).not.toBe(a); // a sits right under mmap_base
  });

  it('MADV_DONTNEED drops pages but keeps the mapping; a later write faults a zero page in', () => {
    const k = new Kernel();
    const a = k.mmap(4 * PAGE_SIZE, 'glibc-mmap');
    k.touch(a, 4 * PAGE_SIZE);
    k.madviseDontneed(a + PAGE_SIZE, 2 * PAGE_SIZE);
    expect(k.rss).toBe(2 * PAGE_SIZE);
    expect(k.anonMmapBytes).toBe(4 * PAGE_SIZE);
    k.touch(a + PAGE_SIZE, 1);
    expect(k.rss).toBe(3 * PAGE_SIZE);
  });
});

describe('PageBits', () => {
  it('agrees with a Set of pages under random set/clear ranges (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.nat(300), fc.nat(80)), { maxLength: 60 }), (ops) => {
        const bits = new PageBits(400);
        const ref = new Set<number>();
        for (const [set, from, len] of ops) {
          const to = Math.min(400, from + len);
          const n = set ? bits.setRange(from, to) : bits.clearRange(from, to);
          let expected = 0;
          for (let p = from; p < to; p++) {
            if (set !== ref.has(p)) {
              if (set) ref.add(p);
              else ref.delete(p);
              expected++;
            }
          }
          expect(n).toBe(expected);
          expect(bits.count).toBe(ref.size);
        }
        expect(bits.countRange(0, 400)).toBe(ref.size);
      }),
    );
  });
});

describe('Kernel: past 2 GiB (byte offsets beyond 2^31, up to the 47-bit address space)', () => {
  const GiB = 1024 ** 3;

  it('counts a 2.1 GiB heap page by page: each page once, dropped when the break comes down', () => {
    const k = new Kernel();
    const size = 2.1 * GiB - ((2.1 * GiB) % PAGE_SIZE);
    expect(k.sbrk(size)).toBe(k.heapStart);
    const far = k.heapStart + 2.05 * GiB;
    for (let i = 0; i < 3; i++) k.touch(far, 8);
    k.touch(k.heapStart + 2 * GiB - 8, 16); // straddles the 2 GiB page boundary: two pages
    expect(k.rss).toBe(3 * PAGE_SIZE);
    expect(k.residentBytes(k.heapStart + 2 * GiB - PAGE_SIZE, 0.1 * GiB)).toBe(3 * PAGE_SIZE);
    k.sbrk(-(0.09 * GiB - ((0.09 * GiB) % PAGE_SIZE)));
    expect(k.rss).toBe(2 * PAGE_SIZE);
    k.sbrk(-(k.heapSize - PAGE_SIZE));
    expect(k.rss).toBe(0);
    expect(k.peakRss).toBe(3 * PAGE_SIZE);
  });

  it('counts a 3 GiB mapping through touch, madvise, mremap and munmap of its tail', () => {
    const k = new Kernel();
    const a = k.mmap(3 * GiB, 'glibc-mmap');
    expect(a).toBeGreaterThan(2 ** 46); // near the top of the 47-bit user address space
    k.touch(a, 1);
    k.touch(a + 2.5 * GiB, 1);
    k.touch(a + 3 * GiB - 1, 1);
    k.touch(a + 3 * GiB - 1, 1);
    expect(k.rss).toBe(3 * PAGE_SIZE);
    k.madviseDontneed(a + 2.25 * GiB, 0.5 * GiB);
    expect(k.rss).toBe(2 * PAGE_SIZE);
    k.touch(a + 2.5 * GiB, 1);
    expect(k.rss).toBe(3 * PAGE_SIZE);
    k.munmap(a + 2.75 * GiB, 0.25 * GiB);
    expect(k.rss).toBe(2 * PAGE_SIZE);
    const b = k.mremap(a, 2.75 * GiB, 2.2 * GiB - ((2.2 * GiB) % PAGE_SIZE));
    expect(b).toBe(a);
    expect(k.rss).toBe(PAGE_SIZE);
    k.munmap(a, 2.2 * GiB);
    expect(k.rss).toBe(0);
    expect(k.mappings).toHaveLength(0);
  });

  it('refuses to count a page outside a bitmap instead of counting it on every write', () => {
    const bits = new PageBits(64);
    expect(() => bits.setOne(64)).toThrow(RangeError);
    expect(() => bits.setRange(60, 65)).toThrow(RangeError);
    expect(bits.count).toBe(0);
  });
});
