import { describe, expect, it } from 'vitest';
import { GlibcMalloc } from '../glibc/malloc';
import { Kernel } from '../kernel/kernel';
import { EventKind, type EventSink } from '../trace/events';
import type { ArenaSource } from '../trace/snapshot';
import { checkObmalloc } from './check';
import { NUMBLOCKS, POOL_SIZE } from './constants';
import { Pymalloc, POOL_UNCARVED, POOL_USED } from './index';

/** A Kernel whose first mmap lands 1 MiB below a 1 MiB-aligned mmap_base (so the first arena is aligned). */
const ALIGNED_BASE = 0x7f00_0000_0000;
const setup = (mmapBase = ALIGNED_BASE) => {
  const kernel = new Kernel({ mmapBase });
  const glibc = new GlibcMalloc(kernel);
  return { kernel, glibc, pm: new Pymalloc(kernel, glibc) };
};
const ok = (pm: Pymalloc) => expect(checkObmalloc(pm.st)).toEqual([]);

class Recorder implements EventSink {
  readonly events: [EventKind, number, number, number][] = [];
  record(kind: EventKind, addr: number, size: number, aux: number): void {
    this.events.push([kind, addr, size, aux]);
  }
}

describe('arenas (new_arena, insert_to_freepool)', () => {
  it('gets 64 pools from a 16 KiB-aligned arena and 63 from a misaligned one, from the real address', () => {
    const a = setup(ALIGNED_BASE);
    a.pm.malloc(8);
    expect(a.pm.st.address[0]).toBe(ALIGNED_BASE - (1 << 20));
    expect(a.pm.st.ntotalpools[0]).toBe(64);
    const b = setup(ALIGNED_BASE + 0x1000);
    const p = b.pm.malloc(8);
    expect(b.pm.st.ntotalpools[0]).toBe(63);
    expect(p).toBe(ALIGNED_BASE - (1 << 20) + 0x1000 + 0x3000 + 48);
    expect(b.pm.statsDetail().bytes_lost_to_arena_alignment).toBe(POOL_SIZE);
    expect(b.pm.owns(ALIGNED_BASE + 0x1000 - 1)).toBe(true); // the arena's last byte, in the next ideal MiB
    expect(b.pm.owns(ALIGNED_BASE + 0x1000)).toBe(false);
    expect(b.pm.owns(ALIGNED_BASE - (1 << 20) + 0x1000 - 1)).toBe(false);
  });

  it('carves pools in address order and takes new pools from the fullest usable arena', () => {
    const { pm } = setup();
    const pools = new Set<number>();
    for (let i = 0; i < 64 * 31; i++) pools.add(Math.floor(pm.malloc(512) / POOL_SIZE));
    expect(pools.size).toBe(64);
    expect(pm.stats().arenas_allocated_current).toBe(1);
    const next = pm.malloc(512);
    expect(pm.stats().arenas_allocated_current).toBe(2);
    expect(pm.owns(next)).toBe(true);
    ok(pm);
  });

  it('frees a wholly empty arena unless it is the last usable one (bpo-37257)', () => {
    const { pm, kernel } = setup();
    const rec = new Recorder();
    pm.sink = rec;
    const blocks: number[] = [];
    while (pm.st.narenasCurrentlyAllocated < 4) blocks.push(pm.malloc(512));
    const arenasBefore = kernel.mappings.filter((m) => m.tag === 'pymalloc-arena').length;
    expect(arenasBefore).toBe(4);
    for (const p of blocks) pm.free(p);
    const s = pm.stats();
    expect(s.arenas_allocated_current).toBe(1);
    expect(s.arenas_reclaimed).toBe(3);
    expect(s.arenas_highwater_mark).toBe(4);
    expect(rec.events.filter((e) => e[0] === EventKind.ArenaFree)).toHaveLength(3);
    expect(kernel.mappings.filter((m) => m.tag === 'pymalloc-arena')).toHaveLength(1);
    expect(pm.arenaBytes).toBe(1 << 20);
    ok(pm);
    // The kept arena is reused: no new mmap.
    pm.malloc(512);
    expect(pm.stats().arenas_allocated_total).toBe(4);
  });

  it('grows arenas[] with realloc to 768, 1536, 3072, 6144 bytes at the 1st, 17th, 33rd and 65th live arena', () => {
    const { pm, glibc } = setup();
    const reallocs: [number, number][] = [];
    glibc.sink = {
      record: (k, _addr, size) =>
        void (k === EventKind.Realloc && reallocs.push([pm.stats().arenas_allocated_current, size])),
    };
    while (pm.st.narenasCurrentlyAllocated < 66) pm.malloc(512);
    expect(reallocs).toEqual([
      [0, 768],
      [16, 1536],
      [32, 3072],
      [64, 6144],
    ]);
    expect(pm.st.maxarenas).toBe(128);
    expect(glibc.usableSize(pm.st.vectorPtr)).toBeGreaterThanOrEqual(6144);
  });

  it('reuses freed arena objects (unused_arena_objects is LIFO) before growing the vector', () => {
    const { pm, glibc } = setup();
    let reallocs = 0;
    glibc.sink = { record: (k) => void (k === EventKind.Realloc && reallocs++) };
    let blocks: number[] = [];
    while (pm.st.narenasCurrentlyAllocated < 16) blocks.push(pm.malloc(512));
    const inArena = (slot: number) => (p: number) =>
      p >= pm.st.address[slot] && p < pm.st.address[slot] + (1 << 20);
    // The newest arena empties while it is the only usable one: it is kept.
    for (const p of blocks.filter(inArena(15))) pm.free(p);
    blocks = blocks.filter((p) => !inArena(15)(p));
    expect(pm.stats().arenas_allocated_current).toBe(16);
    // Arena 0 then empties with the kept one after it in usable_arenas: it is unmapped.
    for (const p of blocks.filter(inArena(0))) pm.free(p);
    expect(pm.stats().arenas_allocated_current).toBe(15);
    expect(pm.st.address[0]).toBe(0);
    expect(pm.st.unusedArenaObjects).toBe(0);
    while (pm.st.narenasCurrentlyAllocated < 16) blocks.push(pm.malloc(512));
    expect(pm.st.address[0]).not.toBe(0);
    expect(reallocs).toBe(1);
    ok(pm);
  });

  it('keeps an emptied arena that slid to the tail of usable_arenas (the list is sorted by free pools)', () => {
    const { pm } = setup();
    const blocks: number[] = [];
    while (pm.st.narenasCurrentlyAllocated < 3) blocks.push(pm.malloc(512));
    // Arena 0 (64 pools) empties: it overtakes arena 2 (one pool used) and ends up last, so it stays.
    for (const p of blocks) if (p < pm.st.address[0] + (1 << 20) && p >= pm.st.address[0]) pm.free(p);
    expect(pm.stats().arenas_allocated_current).toBe(3);
    expect(pm.st.nfreepools[0]).toBe(64);
    ok(pm);
  });

  it('callocs one 256 KiB mid node and one 128 KiB bottom node, once', () => {
    const { pm, glibc } = setup();
    const callocs: number[] = [];
    glibc.sink = { record: (k, _a, size) => void (k === EventKind.Calloc && callocs.push(size)) };
    while (pm.st.narenasCurrentlyAllocated < 20) pm.malloc(512);
    expect(callocs).toEqual([262144, 131072]);
    const d = pm.statsDetail();
    expect([d.arena_map_mid_nodes, d.arena_map_bot_nodes]).toEqual([1, 1]);
  });

  it('records arenas and blocks as events, in the order they happen', () => {
    const { pm } = setup();
    const rec = new Recorder();
    pm.sink = rec;
    const p = pm.malloc(56);
    pm.free(p);
    expect(rec.events).toEqual([
      [EventKind.ArenaNew, ALIGNED_BASE - (1 << 20), 1 << 20, 64],
      [EventKind.PyAlloc, p, 56, 64],
      [EventKind.PyFree, p, 64, 64],
    ]);
  });
});

describe('calloc and realloc (_PyObject_Calloc, pymalloc_realloc)', () => {
  it('memsets a pymalloc calloc and sends calloc(0, n) to calloc(1, 1)', () => {
    const { pm, kernel, glibc } = setup();
    for (let i = 0; i < 400; i++) pm.malloc(512); // 13 pools: page 0 of the next pools untouched
    const p = pm.calloc(1, 8);
    expect(kernel.isResident(p)).toBe(true);
    const q = pm.calloc(0, 8);
    expect(pm.owns(q)).toBe(false);
    expect(glibc.usableSize(q)).toBe(24);
  });

  it('keeps the block when the new size is within it and above 3/4 of it; moves otherwise', () => {
    const { pm } = setup();
    const p = pm.malloc(64);
    expect(pm.realloc(p, 64)).toBe(p);
    expect(pm.realloc(p, 49)).toBe(p); // 196 > 192
    const q = pm.realloc(p, 48); // 192 = 192: shrink to the 48 class
    expect(q).not.toBe(p);
    expect(pm.blockSize(q)).toBe(48);
    const r = pm.realloc(q, 100);
    expect(pm.blockSize(r)).toBe(112);
    const big = pm.realloc(r, 600);
    expect(pm.owns(big)).toBe(false);
    expect(pm.realloc(big, 16)).not.toBe(0);
    expect(pm.owns(pm.realloc(big, 16))).toBe(false); // libc keeps a libc block, however small
    ok(pm);
  });

  it('takes the new block before freeing the old one', () => {
    const { pm } = setup();
    const a = pm.malloc(32);
    const b = pm.realloc(a, 200);
    expect(pm.malloc(32)).toBe(a); // the old block heads its free list
    expect(pm.blockSize(b)).toBe(208);
    const c = pm.realloc(pm.malloc(64), 0); // 0 bytes: PyMem_RawMalloc(0), a libc block
    expect(pm.owns(c)).toBe(false);
  });
});

describe('sys._debugmallocstats', () => {
  it('counts used and full pools, blocks in use and avail (never-carved blocks included)', () => {
    const { pm } = setup();
    const ps = Array.from({ length: 300 }, () => pm.malloc(56));
    for (let i = 0; i < 255; i++) pm.free(ps[i]); // the first pool empties: not counted
    expect(pm.stats().classes).toEqual({ '64': { pools: 1, blocks_in_use: 45, avail: 210 } });
    const text = pm.debugMallocStats();
    expect(text).toContain('    3     64           1              45           210\n');
    expect(text).toContain('# arenas allocated current         =                    1\n');
    expect(text).toContain('63 unused pools * 16384 bytes      =            1,032,192\n');
    expect(text).toContain('Total                              =            1,048,576\n');
    expect(text).toContain('# bytes lost to arena map mid      =              262,144\n');
    expect(pm.statsRecord().pools_64).toBe(1);
  });

  it('reports columns of every live arena in address order', () => {
    const { pm } = setup();
    const source: ArenaSource = pm; // what trace/snapshot reads
    expect(source.arenaColumns().count).toBe(0);
    for (let i = 0; i < 64 * 31 + 1; i++) pm.malloc(512);
    const c = pm.arenaColumns();
    expect(c.count).toBe(2);
    expect(c.address[0]).toBeLessThan(c.address[1]);
    const newer = c.address[0] < pm.st.address[0] ? 0 : 1;
    expect(c.poolState[newer * 64]).toBe(POOL_USED);
    expect(c.poolState[newer * 64 + 1]).toBe(POOL_UNCARVED);
    expect(c.poolClass[newer * 64 + 1]).toBe(255);
    expect(c.poolUsed[(1 - newer) * 64 + 5]).toBe(31);
    expect(NUMBLOCKS[31]).toBe(31);
  });
});

describe('page residency: pymalloc writes only pool headers and free-list links', () => {
  it('touches the header page at pool init and a block page when it carves or frees a block there', () => {
    const { pm, kernel } = setup();
    const base = kernel.rss;
    const p = pm.malloc(512);
    const arena = pm.st.address[0];
    const m = kernel.mappingAt(arena)!;
    expect(m.resident.count).toBe(1); // header + the link of block 1
    const blocks = [p];
    for (let i = 0; i < 7; i++) blocks.push(pm.malloc(512)); // carves up to block 8 (offset 48 + 8*512 = 4144: page 1)
    expect(m.resident.count).toBe(2);
    expect(kernel.rss - base).toBeGreaterThan(0);
  });
});
