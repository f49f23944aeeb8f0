import { describe, expect, it } from 'vitest';
import { Clock } from '../kernel/clock';
import { Kernel } from '../kernel/kernel';
import { SEGMENT_SIZE } from './constants';
import { MimallocMalloc } from './mimalloc';

const MiB = 1024 * 1024;

/** Bytes of every mapping, reservations (PROT_NONE) included. */
const mapped = (kernel: Kernel): number => kernel.mappings.reduce((n, m) => n + m.length, 0);

/** Thread `tid` mallocs `n` blocks of `size` and keeps one in `keepEvery`; returns the kept ones. */
function buildAndKeep(mi: MimallocMalloc, tid: number, n: number, size: number, keepEvery: number): number[] {
  mi.setThread(tid);
  const all: number[] = [];
  for (let i = 0; i < n; i++) all.push(mi.malloc(size));
  const kept = all.filter((_, i) => i % keepEvery === 0);
  for (let i = 0; i < n; i++) if (i % keepEvery !== 0) mi.free(all[i]);
  return kept;
}

describe('mimalloc 2.0.9 per-thread segments', () => {
  it("a thread's first segment, while other threads run, is reserved and committed page by page (eager_commit_delay)", () => {
    const kernel = new Kernel();
    const mi = new MimallocMalloc(kernel, new Clock());
    mi.setThread(0);
    mi.free(mi.malloc(100)); // the main thread's segment: eager, 32 MiB read-write
    const mainOnly = kernel.anonMmapBytes;
    expect(mainOnly).toBeGreaterThanOrEqual(SEGMENT_SIZE);
    buildAndKeep(mi, 1, 20_000, 100, 100); // ~2.2 MiB of 112-byte blocks in thread 1's segment
    const grown = kernel.anonMmapBytes - mainOnly;
    // measured (two workers counting words under LD_PRELOAD=libmimalloc.so.2): ~11 MiB read-write
    // for both workers' segments, not 2 × 32 MiB
    expect(grown).toBeGreaterThan(2 * MiB);
    expect(grown).toBeLessThan(8 * MiB);
    // a second segment of the same thread is eager again
    buildAndKeep(mi, 1, 400_000, 100, 1);
    expect(kernel.anonMmapBytes - mainOnly).toBeGreaterThan(SEGMENT_SIZE);
  });

  it('a thread that needs a segment reclaims one an exited thread abandoned (mi_segment_try_reclaim)', () => {
    const kernel = new Kernel();
    const mi = new MimallocMalloc(kernel, new Clock());
    mi.setThread(0);
    mi.free(mi.malloc(100));
    buildAndKeep(mi, 1, 50_000, 100, 100);
    mi.setThread(0);
    mi.threadExit(1);
    const before = mapped(kernel);
    const kept2 = buildAndKeep(mi, 2, 50_000, 100, 100);
    // no new segment: thread 2 carves its pages out of thread 1's (measured: 64 MiB reserved
    // after the second of four threads started one after another's join, as after the first)
    expect(mapped(kernel) - before).toBeLessThan(SEGMENT_SIZE);
    // the blocks thread 1 kept stay where they were; thread 2's frees of its own go to its pages
    for (const p of kept2) mi.free(p);
    mi.setThread(0);
    mi.threadExit(2);
    expect(mi.readStats().segments).toBe(1); // only the main thread's is a live heap's now
  });
});
