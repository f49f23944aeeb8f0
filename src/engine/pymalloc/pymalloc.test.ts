import { describe, expect, it } from 'vitest';
import { GlibcMalloc } from '../glibc/malloc';
import { Kernel } from '../kernel/kernel';
import { checkObmalloc } from './check';
import { POOL_SIZE, index2size, numBlocks, sizeClass } from './constants';
import { Pymalloc, PymallocError, POOL_EMPTY, POOL_FULL, POOL_USED } from './index';

/** A Kernel whose first mmap lands 1 MiB below a 1 MiB-aligned mmap_base (so the first arena is aligned). */
const ALIGNED_BASE = 0x7f00_0000_0000;
const setup = (mmapBase = ALIGNED_BASE) => {
  const kernel = new Kernel({ mmapBase });
  const glibc = new GlibcMalloc(kernel);
  return { kernel, glibc, pm: new Pymalloc(kernel, glibc) };
};
const ok = (pm: Pymalloc) => expect(checkObmalloc(pm.st)).toEqual([]);

describe('size classes (pymalloc_alloc, NUMBLOCKS)', () => {
  it('maps 1..512 to 32 classes of 16-byte steps', () => {
    expect(sizeClass(1)).toBe(0);
    expect(sizeClass(16)).toBe(0);
    expect(sizeClass(17)).toBe(1);
    expect(sizeClass(56)).toBe(3);
    expect(index2size(sizeClass(56))).toBe(64);
    expect(sizeClass(512)).toBe(31);
    expect(index2size(31)).toBe(512);
  });

  it('fits (16384 - 48) / size blocks in a pool', () => {
    const table: Record<number, number> = {
      16: 1021,
      32: 510,
      48: 340,
      64: 255,
      80: 204,
      96: 170,
      112: 145,
      128: 127,
      144: 113,
      160: 102,
      192: 85,
      256: 63,
      320: 51,
      416: 39,
      512: 31,
    };
    for (const [size, n] of Object.entries(table)) expect(numBlocks(Number(size) / 16 - 1)).toBe(n);
  });

  it('serves 0 and > 512 bytes from glibc (PyMem_RawMalloc(0) = malloc(1))', () => {
    const { pm, glibc } = setup();
    const a = pm.malloc(0);
    const b = pm.malloc(513);
    expect(pm.owns(a)).toBe(false);
    expect(glibc.usableSize(a)).toBe(24);
    expect(glibc.chunkSize(b)).toBe(528);
    expect(pm.blockSize(a)).toBe(0);
    expect(pm.stats().arenas_allocated_current).toBe(0);
    expect(pm.allocatedBlocks()).toBe(2);
    pm.free(a);
    pm.free(b);
    expect(pm.allocatedBlocks()).toBe(0);
    const c = pm.malloc(512);
    expect(pm.owns(c)).toBe(true);
    expect(pm.blockSize(c)).toBe(512);
  });
});

describe('pools: lazy carving, LIFO free lists, used / full / empty', () => {
  it('carves blocks in address order from offset 48, one at a time', () => {
    const { pm } = setup();
    const ps = Array.from({ length: 5 }, () => pm.malloc(24));
    const pool = ps[0] - 48;
    expect(pool % POOL_SIZE).toBe(0);
    expect(ps.map((p) => p - pool)).toEqual([48, 80, 112, 144, 176]);
    const info = pm.poolInfo(pool)!;
    expect(info.nextoffset).toBe(48 + 6 * 32); // the 6th block is carved: it heads the free list
    expect(info.carved).toBe(6);
    expect(info.maxnextoffset).toBe(POOL_SIZE - 32);
    expect(info.freeblock).toBe(pool + 48 + 5 * 32);
    ok(pm);
  });

  it('reuses freed blocks last-in first-out', () => {
    const { pm } = setup();
    const ps = Array.from({ length: 10 }, () => pm.malloc(64));
    pm.free(ps[2]);
    pm.free(ps[7]);
    pm.free(ps[4]);
    expect(pm.malloc(64)).toBe(ps[4]);
    expect(pm.malloc(64)).toBe(ps[7]);
    expect(pm.malloc(64)).toBe(ps[2]);
    expect(pm.malloc(64)).toBe(ps[9] + 64); // then the next virgin block
    ok(pm);
  });

  it('unlinks a pool the moment its last block is handed out, and relinks it at the front when one is freed', () => {
    const { pm } = setup();
    const first = Array.from({ length: 31 }, () => pm.malloc(512));
    const pool1 = first[0] - 48;
    expect(pm.poolInfo(pool1)!.state).toBe(POOL_FULL);
    expect(pm.poolInfo(pool1)!.freeblock).toBe(0);
    const next = pm.malloc(512);
    expect(next - 48).toBe(pool1 + POOL_SIZE);
    expect(pm.poolInfo(next)!.state).toBe(POOL_USED);
    pm.free(first[10]);
    expect(pm.poolInfo(pool1)!.state).toBe(POOL_USED);
    expect(pm.malloc(512)).toBe(first[10]); // pool1 is now at the front of usedpools
    ok(pm);
  });

  it('moves an emptied pool to its arena freepools and reuses it first, keeping its free list for the same class', () => {
    const { pm } = setup();
    const a = Array.from({ length: 3 }, () => pm.malloc(100));
    const pool = a[0] - 48;
    pm.free(a[1]);
    pm.free(a[0]);
    pm.free(a[2]);
    const info = pm.poolInfo(pool)!;
    expect(info.state).toBe(POOL_EMPTY);
    expect(pm.stats().classes).toEqual({});
    expect(pm.st.nfreepools[0]).toBe(64);
    expect(pm.malloc(100)).toBe(a[2]); // same class: the old free list, LIFO
    expect(pm.malloc(100)).toBe(a[0]);
    ok(pm);
  });

  it('reinitialises a recycled pool for another class', () => {
    const { pm } = setup();
    const p = pm.malloc(16);
    pm.free(p);
    const q = pm.malloc(256);
    expect(q).toBe(p);
    expect(pm.poolInfo(q)!.blockSize).toBe(256);
    expect(pm.poolInfo(q)!.nextoffset).toBe(48 + 512);
    ok(pm);
  });

  it('shows per-block states: in use, free list (in order), never carved', () => {
    const { pm } = setup();
    const ps = Array.from({ length: 4 }, () => pm.malloc(512));
    pm.free(ps[1]);
    pm.free(ps[3]);
    const bs = pm.blockStates(ps[0])!;
    expect(Array.from(bs.states.slice(0, 7))).toEqual([2, 1, 2, 1, 1, 0, 0]);
    expect(Array.from(bs.freeOrder)).toEqual([3, 1, 4]);
  });

  it('stops on a double free or a pointer that is no block', () => {
    const { pm } = setup();
    const p = pm.malloc(32);
    pm.malloc(32);
    pm.free(p);
    expect(() => pm.free(p)).toThrow(PymallocError);
    expect(() => pm.free(p + 8)).toThrow(PymallocError);
    expect(() => pm.free(p + 5 * POOL_SIZE)).toThrow(PymallocError); // an uncarved pool
  });
});
