import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GlibcMalloc } from '../glibc/malloc';
import { Kernel } from '../kernel/kernel';
import type { Libc } from '../libc/libc';
import { NpyAlloc } from './alloc';
import { HUGE_PAGE, NBUCKETS, NCACHE } from './constants';

/** A libc that hands out distinct fake pointers and logs the calls. */
function fakeLibc(kernel: Kernel): Libc & { log: string[]; live: Set<number> } {
  let next = kernel.mmap(64 << 20, 'other', 'fake libc');
  const live = new Set<number>();
  const log: string[] = [];
  const take = (op: string, n: number): number => {
    const p = (next += 0x8000);
    live.add(p);
    log.push(`${op}${n}`);
    return p;
  };
  const drop = (p: number): void => {
    expect(live.has(p)).toBe(true);
    live.delete(p);
    log.push('f');
  };
  return {
    log,
    live,
    kind: 'glibc',
    version: 'fake',
    malloc: (n) => take('m', n),
    calloc: (a, b) => take('c', a * b),
    realloc: () => expect.fail('NumPy never reallocs here'),
    free: drop,
    usableSize: () => 0,
    trim: () => 0,
    setThread: () => undefined,
    threadExit: () => undefined,
    sink: null,
  };
}

describe('NpyAlloc: the data and dims caches (alloc.c)', () => {
  it('caches data blocks below 1024 bytes by exact size, 7 a bucket, LIFO', () => {
    const kernel = new Kernel();
    const libc = fakeLibc(kernel);
    const a = new NpyAlloc(libc, kernel);
    const ps = Array.from({ length: 9 }, () => a.dataMalloc(80));
    expect(libc.log.filter((l) => l === 'm80')).toHaveLength(9);
    for (const p of ps) a.dataFree(p, 80);
    expect(a.datacache[80]).toEqual(ps.slice(0, NCACHE));
    expect(libc.log.filter((l) => l === 'f')).toHaveLength(2);
    expect(a.dataMalloc(80)).toBe(ps[NCACHE - 1]);
    expect(a.dataMalloc(81)).not.toBe(ps[0]); // another bucket
    const big = a.dataMalloc(1024);
    a.dataFree(big, 1024);
    expect(a.datacache.every((b) => !b.includes(big))).toBe(true);
  });

  it('zeroed data below 1024 bytes comes from the cache and is memset; above, calloc', () => {
    const kernel = new Kernel();
    const libc = fakeLibc(kernel);
    const a = new NpyAlloc(libc, kernel);
    const p = a.dataMalloc(16);
    a.dataFree(p, 16);
    expect(a.dataCalloc(16)).toBe(p);
    a.dataCalloc(4096);
    expect(libc.log).toEqual(['m16', 'c4096']);
  });

  it('dims blocks are at least two npy_intp and cached below 16', () => {
    const kernel = new Kernel();
    const libc = fakeLibc(kernel);
    const a = new NpyAlloc(libc, kernel);
    const p = a.dimMalloc(1);
    expect(libc.log).toEqual(['m16']);
    a.dimFree(p, 1);
    expect(a.dimcache[2]).toEqual([p]);
    const q = a.dimMalloc(16);
    a.dimFree(q, 16);
    expect(libc.log).toEqual(['m16', 'm128', 'f']);
  });

  it('never holds more than NCACHE pointers a bucket, nor one that is in use (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ size: fc.integer({ min: 0, max: 1500 }), free: fc.boolean(), dims: fc.boolean() }),
          { maxLength: 300 },
        ),
        (ops) => {
          const kernel = new Kernel();
          const libc = fakeLibc(kernel);
          const a = new NpyAlloc(libc, kernel);
          const held: { p: number; n: number; dims: boolean }[] = [];
          for (const op of ops) {
            if (op.free && held.length) {
              const h = held.splice(op.size % held.length, 1)[0];
              if (h.dims) a.dimFree(h.p, h.n);
              else a.dataFree(h.p, h.n);
            } else {
              const n = op.dims ? op.size % 20 : Math.max(op.size, 1);
              const p = op.dims ? a.dimMalloc(n) : a.dataMalloc(n);
              expect(held.some((h) => h.p === p)).toBe(false);
              held.push({ p, n, dims: op.dims });
            }
          }
          const cached = [...a.datacache.flat(), ...a.dimcache.flat()];
          expect(
            a.datacache.every((b) => b.length <= NCACHE) && a.dimcache.every((b) => b.length <= NCACHE),
          ).toBe(true);
          expect(a.datacache.slice(NBUCKETS).length).toBe(0);
          expect(new Set(cached).size).toBe(cached.length);
          // every pointer is either held by an array, cached, or back with libc
          for (const p of cached) expect(libc.live.has(p)).toBe(true);
          expect(libc.live.size).toBe(cached.length + held.length);
        },
      ),
    );
  });
});

describe('NpyAlloc: MADV_HUGEPAGE and the writes into advised memory', () => {
  const setup = () => {
    const kernel = new Kernel();
    return { kernel, alloc: new NpyAlloc(new GlibcMalloc(kernel), kernel) };
  };

  it('advises [p rounded up past the page, p + nbytes) after a malloc of at least 4 MiB only', () => {
    const { kernel, alloc } = setup();
    alloc.dataMalloc((1 << 22) - 8);
    alloc.dataCalloc(8_000_000);
    expect(kernel.mappings.every((m) => m.hugepageAdvised === 0)).toBe(true);
    const p = alloc.dataMalloc(8_000_000);
    const m = kernel.mappingAt(p)!;
    expect(p % 4096).toBe(16); // glibc's mmapped chunk: user pointer = base + 16
    // madvise(p + 4080, 8_000_000 - 4080): the kernel rounds the length to a page
    expect(m.hugepageAdvised).toBe(8_000_000 - 4080);
  });

  it('a write in the middle of an advised array makes a whole 2 MiB page resident, elsewhere 4 KiB', () => {
    const { kernel, alloc } = setup();
    const e = alloc.dataMalloc(80_000_000);
    const z = alloc.dataCalloc(80_000_000);
    const r0 = kernel.rss;
    alloc.write(e + 40_000_000, 80);
    expect(kernel.rss - r0).toBe(HUGE_PAGE);
    alloc.write(z + 40_000_000, 80);
    expect(kernel.rss - r0).toBe(HUGE_PAGE + 4096);
    alloc.writeStrided(e, 10_000, 8, 8000); // every 8000 bytes: every page of 80 MB
    expect(kernel.rss - r0).toBeGreaterThan(75 * 2 ** 20);
  });
});
