import { describe, expect, it } from 'vitest';
import { Clock } from '../kernel/clock';
import { Kernel } from '../kernel/kernel';
import { MimallocMalloc } from '../mimalloc/mimalloc';
import { checkMimalloc } from '../mimalloc/check';
import { checkJemalloc } from './check';
import { JemallocMalloc } from './jemalloc';

describe('threads (not cross-checked: the native replayer is single-threaded)', () => {
  it('jemalloc: a new thread gets its own arena and cache; its cache goes back to the arenas at exit', () => {
    const je = new JemallocMalloc(new Kernel(), new Clock());
    const held = new Set<number>(je.startupPointers);
    je.setThread(1);
    for (const p of je.startupPointers) held.add(p);
    const ps = Array.from({ length: 500 }, () => je.malloc(100));
    expect(je.threads.get(1)?.arena.index).toBe(1); // arena_choose_hard: the next uninitialised arena
    for (const p of ps.slice(0, 250)) je.free(p);
    for (const p of ps.slice(250)) held.add(p);
    je.setThread(0);
    for (const p of ps.slice(250, 300)) {
      je.free(p); // freed by another thread: into thread 0's cache, flushed to arena 1 later
      held.delete(p);
    }
    je.threadExit(1);
    expect(checkJemalloc(je, held)).toEqual([]);
    expect(je.threads.get(0)?.tcache?.bins.some((b) => b.ncached > 0)).toBe(true);
  });
  it('mimalloc: per-thread heaps; a free from another thread waits on the page until its owner collects', () => {
    const mi = new MimallocMalloc(new Kernel(), new Clock());
    mi.setThread(1);
    const ps = Array.from({ length: 100 }, () => mi.malloc(64));
    mi.setThread(0);
    for (const p of ps.slice(0, 50)) mi.free(p);
    const held = new Set(ps.slice(50));
    expect(checkMimalloc(mi, held)).toEqual([]);
    mi.setThread(1);
    for (const p of ps.slice(50)) mi.free(p);
    mi.threadExit(1);
    expect(checkMimalloc(mi, new Set())).toEqual([]);
  });
});
