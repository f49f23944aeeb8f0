import { NB_SMALL_SIZE_CLASSES, NUMBLOCKS, index2size } from './constants';
import type { Pymalloc } from './pymalloc';
import type { AdoptedRadixNode } from './radix';
import { NIL } from './state';
import type { PymallocStats } from './stats';

/** A recorded start-up state, as sys._debugmallocstats() shows it. */
export interface CalibrationTarget {
  /** Per block size ("16" … "512"): blocks in use, and the pools holding them (default: as few as fit). */
  classes: Record<string, { blocks: number; pools?: number }>;
  /** arenas_allocated_current to reach (default: whatever the pools need). Empty pools pad the arenas. */
  arenas?: number;
  /** arenas_allocated_total to reach, by mapping and unmapping arenas first (best effort). */
  arenasTotal?: number;
  /** Write every block handed out whole, as the objects in it were written (default true). */
  touchBlocks?: boolean;
}

export interface CalibrationResult {
  stats: PymallocStats;
  /** The blocks left in use (the start-up's live objects), in allocation order. */
  liveBlocks: Float64Array;
}

/** An arenas[] vector and radix nodes that a replayed start-up already allocated (see Pymalloc.adoptBookkeeping). */
export interface BookkeepingAdoption {
  /** The glibc pointer the start-up's PyMem_RawRealloc(arenas, …) returned last. */
  arenasVector: number;
  /** maxarenas: entries in that vector (its size / 48). */
  arenasCount: number;
  /** The 256 KiB mid and 128 KiB bottom nodes the start-up PyMem_RawCalloc'd, in order. */
  radixNodes?: AdoptedRadixNode[];
}

/** Take over bookkeeping allocated by someone else; only before the first arena exists. */
export function adoptBookkeeping(pm: Pymalloc, a: BookkeepingAdoption): void {
  const st = pm.st;
  if (st.maxarenas !== 0 || st.radix.midCount !== 0)
    throw new Error('adoptBookkeeping: pymalloc already has arenas');
  if (a.arenasVector !== 0) {
    if (!(a.arenasCount > 0)) throw new Error('adoptBookkeeping: arenasCount must be > 0');
    st.vectorPtr = a.arenasVector;
    st.growArenas(a.arenasCount);
    for (let i = 0; i < a.arenasCount; i++) {
      st.address[i] = 0;
      st.nextarena[i] = i < a.arenasCount - 1 ? i + 1 : NIL;
    }
    st.unusedArenaObjects = 0;
    st.maxarenas = a.arenasCount;
  }
  st.radix.adopted = [...(a.radixNodes ?? [])];
}

/**
 * Reach a recorded state with real allocations, so every later step starts from a true pymalloc:
 * 1. (arenasTotal) cycles of filler pools that make a new arena and free it again;
 * 2. the target pools, one full pool at a time, classes round-robin, with filler pools between
 *    them so that they spread over `arenas` arenas;
 * 3. the filler blocks are freed (their pools become empty pools of live arenas);
 * 4. each class frees its surplus blocks evenly over its pools, never emptying one.
 */
export function calibrate(pm: Pymalloc, t: CalibrationTarget): CalibrationResult {
  const st = pm.st;
  const touch = t.touchBlocks ?? true;
  const plan: { cls: number; pools: number; blocks: number }[] = [];
  for (const [key, v] of Object.entries(t.classes)) {
    const size = Number(key);
    if (!(size >= 16 && size <= 512 && size % 16 === 0)) throw new Error(`calibrate: no size class ${key}`);
    if (v.blocks <= 0) continue;
    const cls = size / 16 - 1;
    const nb = NUMBLOCKS[cls];
    const pools = Math.min(v.blocks, Math.max(v.pools ?? 0, Math.ceil(v.blocks / nb)));
    plan.push({ cls, pools, blocks: v.blocks });
  }
  const used = new Set(plan.map((p) => p.cls));
  // Filler: the biggest class nobody asked for (31 blocks a pool is cheap), else 512 all the same:
  // filler always completes its pool, so it never shares a pool with target blocks.
  let filler = NB_SMALL_SIZE_CLASSES - 1;
  while (filler > 0 && used.has(filler)) filler--;
  if (used.has(filler)) filler = NB_SMALL_SIZE_CLASSES - 1;
  const filled: number[] = [];
  const alloc = (cls: number): number => {
    const p = pm.malloc(index2size(cls));
    if (p === 0) throw new Error('calibrate: out of memory');
    if (touch) pm.kernel.touch(p, index2size(cls));
    return p;
  };
  const fillUntil = (arenas: number): void => {
    while (st.narenasCurrentlyAllocated < arenas || st.nextpool[filler] !== filler)
      filled.push(alloc(filler));
  };
  const freeFiller = (fifo: boolean): void => {
    if (fifo) for (const p of filled) pm.free(p);
    else for (let i = filled.length - 1; i >= 0; i--) pm.free(filled[i]);
    filled.length = 0;
  };

  // 1. Arenas mapped and given back before the recorded moment.
  const totalPools = plan.reduce((s, p) => s + p.pools, 0);
  const arenas = Math.min(t.arenas ?? 0, totalPools);
  if (t.arenasTotal !== undefined) {
    const want = t.arenasTotal - Math.max(arenas, 1);
    for (
      let guard = 0;
      guard < 4 * want + 4 && st.ntimesArenaAllocated - st.narenasCurrentlyAllocated < want;
      guard++
    ) {
      fillUntil(st.narenasCurrentlyAllocated + 1);
      freeFiller(true);
    }
  }

  // 2. Whole pools, round-robin over the classes, spread over the arenas with filler pools.
  const order: number[] = [];
  const maxPools = plan.reduce((m, p) => Math.max(m, p.pools), 0);
  for (let r = 0; r < maxPools; r++) for (const p of plan) if (r < p.pools) order.push(p.cls);
  const blocksOf = new Map<number, number[][]>(plan.map((p) => [p.cls, []]));
  order.forEach((cls, i) => {
    if (arenas > 0) fillUntil(Math.ceil(((i + 1) * arenas) / order.length));
    const pool: number[] = [];
    for (let j = 0; j < NUMBLOCKS[cls]; j++) pool.push(alloc(cls));
    blocksOf.get(cls)!.push(pool);
  });

  // 3. The padding goes: its pools become empty pools inside live arenas.
  freeFiller(false);

  // 4. Surplus blocks, spread evenly over each class's pools.
  const live: number[] = [];
  for (const p of plan) {
    const pools = blocksOf.get(p.cls)!;
    const nb = NUMBLOCKS[p.cls];
    const surplus = p.pools * nb - p.blocks;
    const q = Math.floor(surplus / p.pools);
    const r = surplus % p.pools;
    pools.forEach((blocks, j) => {
      const k = q + (j < r ? 1 : 0);
      const drop = new Set<number>();
      for (let m = 0; m < k; m++) drop.add(Math.floor(((m + 0.5) * nb) / k));
      blocks.forEach((addr, b) => (drop.has(b) ? pm.free(addr) : live.push(addr)));
    });
  }
  return { stats: pm.stats(), liveBlocks: Float64Array.from(live) };
}
