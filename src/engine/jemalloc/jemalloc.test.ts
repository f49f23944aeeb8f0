import { describe, expect, it } from 'vitest';
import { Clock } from '../kernel/clock';
import { Kernel } from '../kernel/kernel';
import { checkJemalloc } from './check';
import { H_STEPS } from './decay';
import { JemallocMalloc } from './jemalloc';
import { parseMallocConf } from './options';
import { BIN_INFO, NBINS, SMALL_MAXCLASS, sizeToUsable } from './sizeClasses';

describe('jemalloc 5.3.0 size classes (sc.c, as malloc_stats_print reports them)', () => {
  it('has 36 bin classes up to 14 KiB, 4 per doubling', () => {
    expect(NBINS).toBe(36);
    expect(SMALL_MAXCLASS).toBe(14336);
    expect(BIN_INFO.slice(0, 10).map((b) => b.regSize)).toEqual([8, 16, 32, 48, 64, 80, 96, 112, 128, 160]);
  });
  it('sizes slabs as the least common multiple of page and region', () => {
    const by = (size: number) => BIN_INFO.find((b) => b.regSize === size);
    expect(by(896)).toEqual({ regSize: 896, slabSize: 28672, nregs: 32 });
    expect(by(112)).toEqual({ regSize: 112, slabSize: 28672, nregs: 256 });
    expect(by(4096)).toEqual({ regSize: 4096, slabSize: 4096, nregs: 1 });
  });
  it('rounds requests as the review measured (800 → 896, 80,000 → 81,920)', () => {
    expect(sizeToUsable(800)).toBe(896);
    expect(sizeToUsable(80_000)).toBe(81_920);
    expect(sizeToUsable(72_704)).toBe(81_920);
    expect(sizeToUsable(0)).toBe(8);
  });
});

describe('MALLOC_CONF', () => {
  it('parses the options people set and keeps the defaults otherwise', () => {
    const { options, warnings } = parseMallocConf(
      'dirty_decay_ms:0,muzzy_decay_ms:0,background_thread:true,narenas:2',
    );
    expect(warnings).toEqual([]);
    expect(options).toMatchObject({
      dirtyDecayMs: 0,
      muzzyDecayMs: 0,
      backgroundThread: true,
      narenas: 2,
      retain: true,
    });
    expect(parseMallocConf('').options).toMatchObject({
      dirtyDecayMs: 10_000,
      muzzyDecayMs: 0,
      narenas: 8,
      tcacheMax: 32768,
    });
    expect(parseMallocConf('lg_tcache_max:16').options.tcacheMax).toBe(65536);
  });
  it('skips bad pairs with the warnings jemalloc prints, as the real library does', () => {
    const { options, warnings } = parseMallocConf('dirty_decay_ms:soon,bogus:1');
    expect(options.dirtyDecayMs).toBe(10_000);
    expect(warnings).toEqual([
      '<jemalloc>: Invalid conf value: dirty_decay_ms:soon',
      '<jemalloc>: Invalid conf pair: bogus:1',
    ]);
  });
});

describe('decay curve (smoothstep.h, "smoother" variant, 24-bit fixed point)', () => {
  it('matches the table jemalloc ships', () => {
    expect(H_STEPS.length).toBe(200);
    expect(H_STEPS[0]).toBe(0x14);
    expect(H_STEPS[1]).toBe(0xa5);
    expect(H_STEPS[9]).toBe(0x4be6);
    expect(H_STEPS[99]).toBe(0x800000);
    expect(H_STEPS[199]).toBe(0x1000000);
  });
});

/** The first seed's C-level pattern: N lists' 800-B item arrays, then freed last to first. */
function seedPattern(
  conf: string,
  n: number,
): { je: JemallocMalloc; clock: Clock; kernel: Kernel; ptrs: number[] } {
  const kernel = new Kernel();
  const clock = new Clock();
  const je = new JemallocMalloc(kernel, clock, parseMallocConf(conf).options);
  const ptrs: number[] = [];
  for (let i = 0; i < n; i++) {
    const p = je.malloc(800);
    kernel.touch(p, 800);
    ptrs.push(p);
  }
  for (let i = n - 1; i >= 0; i--) je.free(ptrs[i]);
  return { je, clock, kernel, ptrs };
}

describe('what jemalloc gives back (allocators-threads-versions.md A.5)', () => {
  it('keeps freed slabs dirty while no time passes, purges them with arena.<i>.purge', () => {
    const { je, kernel } = seedPattern('', 100_000);
    const st = je.readStats();
    expect(st.allocated).toBeLessThan(200_000);
    // 100,000 × 896 B = 87.5 MB of slabs: everything that did not reach 8 MiB in one extent stays dirty.
    expect(st.pdirty * 4096).toBeGreaterThan(10_000_000);
    const rssBefore = kernel.rss;
    expect(je.trim(0)).toBe(1);
    expect(je.readStats().pdirty).toBe(0);
    expect(kernel.rss).toBeLessThan(rssBefore - 10_000_000);
  });
  it('purges everything at once with dirty_decay_ms:0', () => {
    const { je } = seedPattern('dirty_decay_ms:0,muzzy_decay_ms:0', 50_000);
    expect(je.readStats().pdirty).toBe(0);
  });
  it('decays dirty pages only when an arena call ticks after the time has passed', () => {
    const { je, clock } = seedPattern('', 50_000);
    const dirty = je.readStats().pdirty;
    clock.sleep(30e9);
    expect(je.readStats().pdirty).toBe(dirty); // idle time alone changes nothing
    const tick = (): void => {
      for (let i = 0; i < 4000; i++) je.free(je.malloc(100_000));
    };
    tick(); // the first epoch advance finds every page new: nothing purged yet
    clock.sleep(30e9);
    tick();
    expect(je.readStats().pdirty).toBeLessThan(dirty / 10);
  });
});

describe('the invariant checker', () => {
  it('reports a held pointer jemalloc does not know, and a lost one', () => {
    const je = new JemallocMalloc(new Kernel(), new Clock());
    const held = new Set<number>(je.startupPointers);
    const p = je.malloc(100);
    expect(checkJemalloc(je, held).some((e) => e.includes('neither held nor cached'))).toBe(true);
    held.add(p);
    expect(checkJemalloc(je, held)).toEqual([]);
    held.add(p + 8);
    expect(checkJemalloc(je, held).length).toBeGreaterThan(0);
  });
});
