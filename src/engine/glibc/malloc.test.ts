import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Kernel } from '../kernel/kernel';
import { checkHeap } from './check';
import { GlibcAbort, GlibcMalloc } from './malloc';
import { runMallocTrace } from '../libc/traceReport';

const fresh = (t = {}) => new GlibcMalloc(new Kernel(), t);

describe('glibc malloc: facts measured on this machine (shared/docs/glibc-malloc.md)', () => {
  it('puts the 656-byte tcache struct first and the first malloc(24) at heap+672, after a 135,168-byte sbrk', () => {
    const g = fresh();
    const p = g.malloc(24);
    expect(p - g.kernel.heapStart).toBe(672);
    expect(g.heapSize).toBe(135168);
  });

  it('maps request sizes to chunk/usable sizes as measured (t_init.c)', () => {
    const g = fresh();
    const table: [number, number, number][] = [
      [0, 32, 24],
      [24, 32, 24],
      [25, 48, 40],
      [40, 48, 40],
      [56, 64, 56],
      [100, 112, 104],
      [800, 816, 808],
      [1000, 1008, 1000],
      [1032, 1040, 1032],
      [1033, 1056, 1048],
      [4096, 4112, 4104],
      [80000, 80016, 80008],
    ];
    for (const [req, chunk, usable] of table) {
      const p = g.malloc(req);
      expect(g.chunkSize(p)).toBe(chunk);
      expect(g.usableSize(p)).toBe(usable);
    }
  });

  it('frees 7 chunks to tcache and 3 to fastbins (t_bins3.c)', () => {
    const g = fresh();
    const ps = Array.from({ length: 10 }, () => g.malloc(100));
    const before = g.mallinfo2().uordblks;
    for (const p of ps) g.free(p);
    const mi = g.mallinfo2();
    expect(mi.smblks).toBe(3);
    expect(mi.fsmblks).toBe(336);
    expect(before - mi.uordblks).toBe(336); // tcache'd chunks still count as in use
    expect(checkHeap(g)).toEqual([]);
  });

  it('mmaps malloc(200000) as 200,704 bytes and raises the threshold when it is freed (t_mmap.c)', () => {
    const g = fresh();
    const p = g.malloc(200000);
    expect(g.isMmapped(p)).toBe(true);
    expect(g.chunkSize(p)).toBe(200704);
    g.free(p);
    expect(g.mp.mmapThreshold).toBe(200704);
    expect(g.mp.trimThreshold).toBe(401408);
    expect(g.isMmapped(g.malloc(200000))).toBe(false);
    expect(g.isMmapped(g.malloc(200700))).toBe(true);
    expect(g.isMmapped(g.malloc(200680))).toBe(false);
  });

  it('leaves the threshold alone after freeing a 40 MiB chunk, or when a tunable is set', () => {
    const g = fresh();
    g.free(g.malloc(40 * 1024 * 1024));
    expect(g.isMmapped(g.malloc(300000))).toBe(true);
    const h = fresh({ topPad: 131072 });
    h.free(h.malloc(200000));
    expect(h.isMmapped(h.malloc(200000))).toBe(true);
  });

  it('keeps a realloc of an mmapped chunk mmapped even when it shrinks to 100 bytes', () => {
    const g = fresh();
    const p = g.realloc(g.malloc(4 << 20), 100);
    expect(g.isMmapped(p)).toBe(true);
    expect(g.chunkSize(p)).toBe(4096);
  });

  it('grows a realloc into top in place (1,000 → 50,000)', () => {
    const g = fresh();
    const p = g.malloc(1000);
    expect(g.realloc(p, 50000)).toBe(p);
  });

  it('keeps the heap when 7 tcache chunks sit at the top, and trims with tcache_count=0 (t_rev)', () => {
    const run = (t: object) => {
      const g = fresh(t);
      const ps = Array.from({ length: 20000 }, () => g.malloc(800));
      for (let i = ps.length - 1; i >= 0; i--) g.free(ps[i]);
      return g;
    };
    const kept = run({});
    expect(kept.heapSize).toBeGreaterThan(16_000_000);
    expect(kept.mallinfo2().ordblks).toBe(2);
    const trimmed = run({ tcacheCount: 0 });
    expect(trimmed.heapSize).toBeLessThan(140_000);
  });

  it('malloc_trim(0) madvises whole free pages in the middle and returns 1', () => {
    const g = fresh();
    const a = g.malloc(100000);
    g.kernel.touch(a, 100000);
    const pin = g.malloc(100);
    const rssBefore = g.kernel.rss;
    g.free(a);
    expect(g.kernel.rss).toBe(rssBefore); // free() never gives pages back
    expect(g.trim(0)).toBe(1);
    expect(rssBefore - g.kernel.rss).toBeGreaterThanOrEqual(23 * 4096);
    expect(g.isMmapped(pin)).toBe(false);
    expect(checkHeap(g)).toEqual([]);
  });

  it('calloc clears only the old top: fresh sbrk memory and mmaps stay untouched', () => {
    const g = fresh();
    g.malloc(10);
    const rss0 = g.kernel.rss;
    const big = g.calloc(50 << 20, 1);
    expect(g.isMmapped(big)).toBe(true);
    expect(g.kernel.rss - rss0).toBe(4096);
  });
});

describe('glibc malloc: aborts where glibc aborts', () => {
  it('reports a tcache double free as glibc words it', () => {
    expect(() => runMallocTrace('m 1 24\nf 1\nf 1\n')).toThrow(
      /line 3.*free\(\): double free detected in tcache 2/,
    );
  });
  it('reports a free of an unknown id as an invalid pointer', () => {
    expect(() => runMallocTrace('m 1 24\nf 2\n')).toThrow(/line 2.*free\(\): invalid pointer/);
  });
  it('reports a double free of a binned chunk as (!prev)', () => {
    expect(() => runMallocTrace('m 1 2000\nm 2 24\nf 1\nf 1\n')).toThrow(
      /double free or corruption \(!prev\)/,
    );
  });
  it('names the line of a malformed op', () => {
    expect(() => runMallocTrace('m 1 24\nx 3\n')).toThrow(/line 2.*unknown op "x"/);
    expect(() => runMallocTrace('m 1\n')).toThrow(/line 1.*takes 2 number/);
    expect(() => runMallocTrace('m 1 -5\n')).toThrow(/line 1.*not a non-negative integer/);
  });
  it('throws GlibcAbort for a pointer glibc never handed out', () => {
    const g = fresh();
    g.malloc(10);
    expect(() => g.free(g.kernel.heapStart + 12345 * 16)).toThrow(GlibcAbort);
  });
});

type Op = { k: 'm' | 'c' | 'f' | 'r' | 't'; size: number; pick: number };
const sizeArb = fc.oneof(
  fc.integer({ min: 0, max: 120 }),
  fc.integer({ min: 0, max: 1032 }),
  fc.integer({ min: 1000, max: 70000 }),
  fc.integer({ min: 100000, max: 600000 }),
);
const opArb: fc.Arbitrary<Op> = fc.record({
  k: fc.constantFrom('m', 'm', 'm', 'c', 'f', 'f', 'f', 'r', 't'),
  size: sizeArb,
  pick: fc.nat(),
});

describe('checkHeap finds damage', () => {
  it('reports a chunk whose size no longer tiles the heap, and a bin count that lies', () => {
    const g = fresh();
    const a = g.malloc(2000);
    g.malloc(24);
    g.free(a);
    expect(checkHeap(g)).toEqual([]);
    g.av.binBytes += 16;
    expect(checkHeap(g).join()).toMatch(/fordblks/);
    g.av.binBytes -= 16;
    const s = g.av.store.find((a - 16 - g.kernel.heapStart) / 16);
    g.av.store.sizeG[s] = g.av.store.sizeG[s] + 1;
    expect(checkHeap(g).join()).toMatch(/gap or overlap/);
  });
});

describe('glibc malloc: invariants after any op sequence (fast-check)', () => {
  for (const tunables of [{}, { tcacheCount: 0 }, { topPad: 0, trimThreshold: 65536 }]) {
    it(`tiles the heap, keeps boundary tags, bins and mallinfo2 consistent ${JSON.stringify(tunables)}`, () => {
      fc.assert(
        fc.property(fc.array(opArb, { minLength: 1, maxLength: 300 }), (ops) => {
          const g = fresh(tunables);
          const live: number[] = [];
          for (const op of ops) {
            if (op.k === 'm') live.push(g.malloc(op.size));
            else if (op.k === 'c') live.push(g.calloc(1, op.size));
            else if (op.k === 't') g.trim(op.size % 3 === 0 ? 0 : op.size);
            else if (live.length > 0) {
              const i = op.pick % live.length;
              if (op.k === 'f') g.free(live.splice(i, 1)[0]);
              else {
                const q = g.realloc(live[i], op.size);
                if (q === 0 && op.size === 0)
                  live.splice(i, 1); // realloc(p, 0) frees p
                else if (q !== 0) live[i] = q;
              }
            }
          }
          expect(checkHeap(g)).toEqual([]);
        }),
        { numRuns: 150 },
      );
    });
  }
});
