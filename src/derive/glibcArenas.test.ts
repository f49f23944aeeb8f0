import { describe, expect, it } from 'vitest';
import { Kernel } from '../engine/kernel/kernel';
import { createLibc } from '../engine/libc/create';
import { parseLibcEnv } from '../engine/libc/env';
import type { GlibcSection } from '../engine/libc/section';
import { arenaRows } from './glibcArenas';

describe('glibc’s thread arenas as the view lists them', () => {
  it('a second thread gets an arena of its own, with a 64 MiB heap, its chunks and its tcache', () => {
    const libc = createLibc(new Kernel(), parseLibcEnv({}).env);
    libc.malloc(100);
    libc.setThread(1);
    const kept = Array.from({ length: 1000 }, () => libc.malloc(800));
    for (const p of kept.slice(0, 500)) libc.free(p);
    const g = libc.snapshot() as GlibcSection;
    const rows = arenaRows(g);
    expect(rows).toHaveLength(1);
    const [a] = rows;
    expect(a.index).toBe(1);
    expect(a.threads.map((t) => t.tid)).toEqual([1]);
    // tcache_count 7: the last seven 816-byte chunks freed stay in the thread's tcache.
    expect(a.threads[0].cached).toBe(7);
    expect(a.heaps).toHaveLength(1);
    const h = a.heaps[0];
    expect(h.start % (64 * 1048576)).toBe(0);
    expect(h.tcache).toBe(7 * 816);
    expect(h.inUse).toBeGreaterThanOrEqual(500 * 816);
    expect(h.inUse + h.free + h.tcache + h.top).toBeLessThanOrEqual(h.size);
  });

  it('a process with one thread has none', () => {
    const libc = createLibc(new Kernel(), parseLibcEnv({}).env);
    libc.malloc(100);
    expect(arenaRows(libc.snapshot() as GlibcSection)).toEqual([]);
  });
});
