import { describe, expect, it } from 'vitest';
import { Clock } from '../kernel/clock';
import { Kernel } from '../kernel/kernel';
import { checkMimalloc } from './check';
import { BIN_BLOCK_SIZE, bin, goodAllocSize, sliceBin } from './constants';
import { MimallocMalloc } from './mimalloc';
import { parseMimallocEnv } from './options';

describe('mimalloc 2.0.9 bins (page-queue.c mi_bin)', () => {
  it('rounds as the real one reports usable sizes', () => {
    expect(BIN_BLOCK_SIZE[bin(100)]).toBe(112);
    expect(BIN_BLOCK_SIZE[bin(800)]).toBe(896);
    expect(BIN_BLOCK_SIZE[bin(8000)]).toBe(8192);
    expect(BIN_BLOCK_SIZE[bin(9000)]).toBe(10240);
    expect(bin(200_000)).toBe(73); // huge queue: a page of its own
    expect(goodAllocSize(15_000_000)).toBe(15 * 1024 * 1024);
    expect([1, 2, 5, 8, 9, 511].map(sliceBin)).toEqual([1, 2, 5, 8, 8, 31]);
  });
});

describe('MIMALLOC_* options (options.c mi_option_init)', () => {
  it('reads the 2.0.9 names, booleans and numbers', () => {
    const { options, warnings, shown } = parseMimallocEnv({
      MIMALLOC_DECOMMIT_DELAY: '0',
      MIMALLOC_PAGE_RESET: 'on',
    });
    expect(options.decommitDelay).toBe(0);
    expect(options.pageReset).toBe(1);
    expect(options.segmentDecommitDelay).toBe(500);
    expect(warnings).toEqual([]);
    expect(shown).toBe(false);
  });
  it('accepts the deprecated alias with the warning 2.0.9 prints (under MIMALLOC_VERBOSE=1)', () => {
    const r = parseMimallocEnv({
      MIMALLOC_RESET_DELAY: '0',
      MIMALLOC_SEGMENT_DECOMMIT_DELAY: 'x',
      MIMALLOC_VERBOSE: '1',
    });
    expect(r.options.decommitDelay).toBe(0);
    expect(r.options.segmentDecommitDelay).toBe(500);
    expect(r.shown).toBe(true);
    expect(r.warnings).toEqual([
      'mimalloc: warning: environment option "mimalloc_reset_delay" is deprecated -- use "mimalloc_decommit_delay" instead.',
      'mimalloc: warning: environment option mimalloc_segment_decommit_delay has an invalid value.',
    ]);
  });
  it('ignores MIMALLOC_PURGE_DELAY, a 2.1 name (the review: 2.0.9 still shows decommit_delay 25)', () => {
    expect(parseMimallocEnv({ MIMALLOC_PURGE_DELAY: '0' }).options.decommitDelay).toBe(25);
  });
});

describe('what mimalloc 2.0.9 gives back (allocators-threads-versions.md A.5 item 6)', () => {
  const make = (env: Record<string, string> = {}) => {
    const kernel = new Kernel();
    const clock = new Clock();
    return { kernel, clock, mi: new MimallocMalloc(kernel, clock, parseMimallocEnv(env).options) };
  };
  it('calloc touches every page of a block; malloc does not', () => {
    const a = make();
    const before = a.kernel.rss;
    a.mi.calloc(1, 800_000);
    expect(a.kernel.rss - before).toBeGreaterThan(780_000);
    const b = make();
    b.mi.malloc(800_000);
    expect(b.kernel.rss).toBeLessThan(20_000);
  });
  it('decommits freed pages only when a later call looks after the delay, never by time alone', () => {
    // The ops of tests/native/alloc-traces/mimalloc-decommit.trace (the real library does the same).
    const { mi, clock, kernel } = make();
    const ps = Array.from({ length: 3000 }, () => mi.malloc(1000));
    for (const p of ps) kernel.touch(p, 1000);
    for (const p of ps) mi.free(p);
    const rss = kernel.rss;
    clock.sleep(5e9);
    expect(kernel.rss).toBe(rss); // idle time changes nothing
    mi.malloc(1000);
    clock.sleep(30e6);
    for (let i = 0; i < 200; i++) mi.malloc(200);
    expect(kernel.rss).toBeGreaterThan(rss - 100_000);
    clock.sleep(30e6);
    mi.malloc(100_000); // a page allocated in the segment after the delay: mi_segment_delayed_decommit
    expect(kernel.rss).toBeLessThan(rss - 1_500_000);
  });
  it('with MIMALLOC_DECOMMIT_DELAY=0 gives freed pages back at once', () => {
    const { mi, kernel } = make({ MIMALLOC_DECOMMIT_DELAY: '0' });
    const ps = Array.from({ length: 3000 }, () => mi.malloc(1000));
    for (const p of ps) kernel.touch(p, 1000);
    const rss = kernel.rss;
    for (const p of ps) mi.free(p);
    expect(kernel.rss).toBeLessThan(rss - 2_000_000);
  });
  it("unmaps a huge block's segment at free", () => {
    const { mi, kernel } = make();
    const p = mi.malloc(20_000_000);
    const maps = kernel.mappings.length;
    mi.free(p);
    expect(kernel.mappings.length).toBe(maps - 1);
  });
});

describe('the invariant checker', () => {
  it('reports a block the program claims but mimalloc has free, and one it lost', () => {
    const mi = new MimallocMalloc(new Kernel(), new Clock());
    const p = mi.malloc(100);
    expect(checkMimalloc(mi, new Set([p]))).toEqual([]);
    expect(checkMimalloc(mi, new Set()).length).toBeGreaterThan(0);
    expect(checkMimalloc(mi, new Set([p, p + 112])).length).toBeGreaterThan(0);
  });
});
