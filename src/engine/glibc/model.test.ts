import { describe, expect, it } from 'vitest';
import { Kernel } from '../kernel/kernel';
import { GLIBC_CHUNK_STATE } from '../libc/section';
import { ChunkState } from './chunkStore';
import { GlibcMalloc } from './malloc';

describe('GlibcMalloc as the engine reads it (LibcModel)', () => {
  it('snapshots with the chunk-state numbers the page reads', () => {
    expect(GLIBC_CHUNK_STATE).toEqual({
      InUse: ChunkState.InUse,
      Tcache: ChunkState.Tcache,
      Fastbin: ChunkState.Fastbin,
      Unsorted: ChunkState.Unsorted,
      Smallbin: ChunkState.Smallbin,
      Largebin: ChunkState.Largebin,
      Top: ChunkState.Top,
    });
  });

  it('counts what it holds: in use + free = mapped, the mmapped chunks apart', () => {
    const kernel = new Kernel();
    const g = new GlibcMalloc(kernel);
    const ps = Array.from({ length: 100 }, (_, i) => g.malloc(100 + i * 40));
    const big = g.malloc(1 << 20);
    for (const p of ps.slice(0, 50)) g.free(p);
    const c = g.counters();
    const mi = g.mallinfo2();
    expect(c.mappedBytes).toBe(mi.arena + mi.hblkhd);
    expect(c.inUseBytes + c.freeBytes).toBe(c.mappedBytes);
    expect(c.freeBytes).toBe(mi.fordblks);
    expect(c.largeMappedBytes).toBe(mi.hblkhd);
    expect(c.brkHeapBytes).toBe(kernel.brk - kernel.heapStart);
    const into = g.counters();
    expect(g.counters(into)).toBe(into);
    expect(g.stats().find((s) => s.name === 'mallinfo2.uordblks')?.value).toBe(mi.uordblks);

    expect(g.allocationAt(ps[60])).toEqual({ start: ps[60] - 16, size: 2512, kind: 'heap' });
    expect(g.allocationAt(big)).toEqual({ start: big - 16, size: 1052672, kind: 'mapped' });
    // A chunk in tcache still reads as in use (malloc_usable_size says so too); one in a bin does not.
    expect(g.allocationAt(ps[0])).toEqual({ start: ps[0] - 16, size: 112, kind: 'heap' });
    expect(g.allocationAt(ps[40])).toBeNull();
    expect(g.allocationAt(ps[60] + 8)).toBeNull();
  });

  it('describes its heap as columns that tile it exactly, top last', () => {
    const kernel = new Kernel();
    const g = new GlibcMalloc(kernel);
    for (let i = 0; i < 30; i++) g.malloc(1000);
    const s = g.snapshot();
    expect(s.kind).toBe('glibc');
    let end = 0;
    for (let i = 0; i < s.heap.count; i++) {
      expect(s.heap.gran[i]).toBe(end);
      end += s.heap.sizeG[i];
    }
    expect(end * 16).toBe(kernel.brk - kernel.heapStart);
    expect(s.heap.state[s.heap.count - 1]).toBe(GLIBC_CHUNK_STATE.Top);
    expect(s.mp.mmapThreshold).toBe(131072);
  });
});

describe('a brk heap past 2 GiB', () => {
  it('keeps RSS within the heap and gives it all back (2,200 chunks of 1 MiB from the heap)', () => {
    const kernel = new Kernel();
    const g = new GlibcMalloc(kernel, { mmapThreshold: 32 << 20 });
    const ps: number[] = [];
    for (let i = 0; i < 2200; i++) {
      const p = g.malloc(1 << 20);
      kernel.touch(p, 1 << 20);
      ps.push(p);
    }
    const heap = kernel.brk - kernel.heapStart;
    expect(heap).toBeGreaterThan(2.1 * 1024 ** 3);
    // Every page from the first chunk to the end of the last one is written once, and only once.
    const written = Math.ceil((ps[2199] + (1 << 20) - kernel.heapStart) / 4096) * 4096;
    expect(kernel.rss).toBe(written);
    expect(kernel.residentBytes(kernel.heapStart, heap)).toBe(written);
    for (let i = 2199; i >= 0; i--) g.free(ps[i]);
    expect(kernel.brk - kernel.heapStart).toBeLessThan(1 << 20);
    expect(kernel.rss).toBeLessThanOrEqual(kernel.brk - kernel.heapStart);
    expect(kernel.peakRss).toBe(written);
  });
});
