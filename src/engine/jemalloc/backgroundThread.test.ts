import { describe, expect, it } from 'vitest';
import { Clock } from '../kernel/clock';
import { Kernel } from '../kernel/kernel';
import { MIN_INTERVAL_NS } from './backgroundThread';
import { checkJemalloc } from './check';
import { JemallocMalloc } from './jemalloc';

const MiB = 1024 * 1024;
const S = 1e9;

/** 2,000 blocks of 64 KiB (large: past tcache_max, straight to the arena), then all freed. */
function freedLarge(backgroundThread: boolean) {
  const kernel = new Kernel();
  const clock = new Clock();
  const je = new JemallocMalloc(kernel, clock, { backgroundThread });
  const ptrs: number[] = [];
  for (let i = 0; i < 2000; i++) ptrs.push(je.malloc(65536));
  for (const p of ptrs) kernel.touch(p, 65536); // the program writes its blocks
  for (const p of ptrs) je.free(p);
  return { kernel, clock, je };
}

const dirtyMiB = (je: JemallocMalloc): number => (je.readStats().pdirty * 4096) / MiB;

describe('jemalloc background_thread:true (background_thread.c on the simulated clock)', () => {
  it('purges while the program sleeps, along the 10 s decay curve; without it nothing moves', () => {
    const off = freedLarge(false);
    const before = dirtyMiB(off.je);
    expect(before).toBeGreaterThan(40); // the rest went at once: coalesced extents of 8 MiB or more are purged eagerly
    off.clock.sleep(20 * S);
    expect(dirtyMiB(off.je)).toBe(before);

    const on = freedLarge(true);
    expect(dirtyMiB(on.je)).toBeCloseTo(before, 0);
    const rss0 = on.kernel.rss;
    // No epoch passed while the pages were freed (no time went by), so the backlog has not heard of
    // them: the thread's first turn finds nothing to purge soon and sleeps the whole curve (10 s).
    on.clock.sleep(5 * S);
    expect(dirtyMiB(on.je)).toBe(before);
    // At 10 s its turn advances 200 epochs: the pages enter the backlog at full weight, then leave
    // along smootherstep, one turn at a time (about 50 % by 15 s), all of them by 20 s.
    on.clock.sleep(10 * S);
    const at15 = dirtyMiB(on.je);
    expect(at15).toBeLessThan(0.7 * before);
    expect(at15).toBeGreaterThan(0.3 * before);
    expect(on.je.background?.infos[0].runs).toBeGreaterThan(4);
    on.clock.sleep(10 * S);
    expect(dirtyMiB(on.je)).toBe(0);
    // the purges are MADV_DONTNEED of resident pages: RSS follows
    expect(rss0 - on.kernel.rss).toBeGreaterThan((before - 1) * MiB);
    expect(checkJemalloc(on.je, new Set(on.je.startupPointers))).toEqual([]);
  });

  it('wakes from its indefinite sleep when pages are freed, then sleeps at least 100 ms a turn', () => {
    const kernel = new Kernel();
    const clock = new Clock();
    const je = new JemallocMalloc(kernel, clock, { backgroundThread: true });
    const bg = je.background;
    if (!bg) throw new Error('no background threads');
    clock.advance(1000);
    // thread 0 serves arena 0; nothing dirty: it sleeps for good after its first turn
    expect(bg.running).toBe(1);
    expect(bg.infos[0].wakeupNs).toBe(Infinity);
    const p = je.malloc(4 * MiB);
    je.free(p);
    // the free signalled it; its first turn after an indefinite sleep does no work, only picks a time
    const dirty = je.readStats().pdirty;
    clock.advance(1000);
    expect(je.readStats().pdirty).toBe(dirty);
    const { wakeupNs, runs } = bg.infos[0];
    expect(wakeupNs - clock.now()).toBeGreaterThanOrEqual(MIN_INTERVAL_NS - 2000);
    expect(wakeupNs).toBeLessThan(Infinity);
    clock.sleep(wakeupNs - clock.now() + 1);
    expect(bg.infos[0].runs).toBe(runs + 1);
    expect(bg.infos[0].wakeupNs).toBeGreaterThan(wakeupNs);
  });

  it('leaves the purging to the thread: application calls after the curve purge nothing themselves', () => {
    const { je, clock } = freedLarge(true);
    const bg = je.background;
    if (!bg) throw new Error('no background threads');
    // stop the thread's turns from running: the application's ticks alone (PAC_PURGE_NEVER) keep every page
    bg.infos[0].started = false;
    const before = je.readStats().pdirty;
    clock.sleep(20 * S);
    for (let i = 0; i < 5000; i++) je.free(je.malloc(64));
    expect(je.readStats().pdirty).toBe(before);
  });
});
