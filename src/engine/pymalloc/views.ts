import { MAX_POOLS_IN_ARENA, NUMBLOCKS, POOL_OVERHEAD, POOL_SIZE, index2size } from './constants';
import { IN_USE, NIL, type ObmallocState, poolId } from './state';

/** Pool states as the views draw them (the values of trace/snapshot's PoolState). */
export const POOL_UNCARVED = 0;
export const POOL_EMPTY = 1;
export const POOL_USED = 2;
export const POOL_FULL = 3;

/** Block states for one pool's detail view. */
export const BLOCK_NEVER_CARVED = 0;
export const BLOCK_FREE = 1;
export const BLOCK_IN_USE = 2;

/** The per-arena and per-pool columns of a snapshot (trace/snapshot ArenaColumns), arenas in address order. */
export interface PymallocArenaColumns {
  count: number;
  address: Float64Array;
  firstPool: Float64Array;
  poolCount: Uint8Array;
  /** Arena × 64: size class index, 255 when the pool never held one (uncarved). */
  poolClass: Uint8Array;
  /** Arena × 64: blocks in use (ref.count). */
  poolUsed: Uint16Array;
  /** Arena × 64: POOL_UNCARVED / EMPTY / USED / FULL. */
  poolState: Uint8Array;
  /** Per arena: nfreepools (empty + never carved pools). */
  nfreepools: Uint8Array;
  /** Arena × 64: nextoffset − 48 over the block size, i.e. blocks carved so far. */
  poolCarved: Uint16Array;
}

/** Live arena slots, sorted by address. */
export function liveSlots(st: ObmallocState): number[] {
  const slots: number[] = [];
  for (let a = 0; a < st.maxarenas; a++) if (st.address[a] !== 0) slots.push(a);
  return slots.sort((x, y) => st.address[x] - st.address[y]);
}

/** The state of one pool as the views see it. */
export function poolState(st: ObmallocState, slot: number, k: number): number {
  if (k >= st.carved[slot]) return POOL_UNCARVED;
  const pool = poolId(slot, k);
  const ref = st.ref[pool];
  if (ref === 0) return POOL_EMPTY;
  return ref === NUMBLOCKS[st.szidx[pool]] ? POOL_FULL : POOL_USED;
}

/** Blocks carved so far in a carved pool: (nextoffset − 48) / size. */
export function carvedBlocks(st: ObmallocState, pool: number): number {
  return (st.nextoffset[pool] - POOL_OVERHEAD) / index2size(st.szidx[pool]);
}

export function arenaColumns(st: ObmallocState): PymallocArenaColumns {
  const slots = liveSlots(st);
  const n = slots.length;
  const cols: PymallocArenaColumns = {
    count: n,
    address: new Float64Array(n),
    firstPool: new Float64Array(n),
    poolCount: new Uint8Array(n),
    poolClass: new Uint8Array(n * MAX_POOLS_IN_ARENA).fill(255),
    poolUsed: new Uint16Array(n * MAX_POOLS_IN_ARENA),
    poolState: new Uint8Array(n * MAX_POOLS_IN_ARENA),
    nfreepools: new Uint8Array(n),
    poolCarved: new Uint16Array(n * MAX_POOLS_IN_ARENA),
  };
  for (let i = 0; i < n; i++) {
    const a = slots[i];
    cols.address[i] = st.address[a];
    cols.firstPool[i] = st.firstPool[a];
    cols.poolCount[i] = st.ntotalpools[a];
    cols.nfreepools[i] = st.nfreepools[a];
    for (let k = 0; k < st.carved[a]; k++) {
      const pool = poolId(a, k);
      const j = i * MAX_POOLS_IN_ARENA + k;
      cols.poolClass[j] = st.szidx[pool];
      cols.poolUsed[j] = st.ref[pool];
      cols.poolState[j] = poolState(st, a, k);
      cols.poolCarved[j] = carvedBlocks(st, pool);
    }
  }
  return cols;
}

export interface PoolInfo {
  address: number;
  arenaAddress: number;
  /** Index of the arena_object in arenas[] (pool->arenaindex). */
  arenaIndex: number;
  sizeClass: number;
  blockSize: number;
  /** ref.count. */
  used: number;
  nblocks: number;
  carved: number;
  nextoffset: number;
  maxnextoffset: number;
  state: number;
  /** Address of the free-list head, 0 when the pool is full. */
  freeblock: number;
}

/** The header of the pool at `poolAddress` (any address inside the pool), or null if it is not a carved pool. */
export function poolInfo(st: ObmallocState, address: number): PoolInfo | null {
  const slot = st.radix.slotOf(address);
  if (slot < 0) return null;
  const k = Math.floor((address - st.firstPool[slot]) / POOL_SIZE);
  if (k < 0 || k >= st.carved[slot]) return null;
  const pool = poolId(slot, k);
  const sz = st.szidx[pool];
  const bs = index2size(sz);
  const fb = st.freeblock[pool];
  return {
    address: st.poolAddress(pool),
    arenaAddress: st.address[slot],
    arenaIndex: slot,
    sizeClass: sz,
    blockSize: bs,
    used: st.ref[pool],
    nblocks: NUMBLOCKS[sz],
    carved: carvedBlocks(st, pool),
    nextoffset: st.nextoffset[pool],
    maxnextoffset: st.maxnextoffset[pool],
    state: poolState(st, slot, k),
    freeblock: fb === NIL ? 0 : st.blockAddress(pool, fb, sz),
  };
}

/**
 * Per block of the pool holding `address`: BLOCK_IN_USE, BLOCK_FREE (on the free list) or
 * BLOCK_NEVER_CARVED. `order`, when asked for, lists the free blocks in free-list order (the next
 * one handed out first).
 */
export function blockStates(
  st: ObmallocState,
  address: number,
): { states: Uint8Array; freeOrder: Int16Array } | null {
  const info = poolInfo(st, address);
  if (!info) return null;
  const pool = poolId(
    info.arenaIndex,
    Math.floor((info.address - st.firstPool[info.arenaIndex]) / POOL_SIZE),
  );
  const states = new Uint8Array(info.nblocks);
  const links = st.links[pool]!;
  for (let b = 0; b < info.carved; b++) states[b] = links[b] === IN_USE ? BLOCK_IN_USE : BLOCK_FREE;
  const order: number[] = [];
  for (let b = st.freeblock[pool]; b !== NIL; b = links[b]) order.push(b);
  return { states, freeOrder: Int16Array.from(order) };
}
