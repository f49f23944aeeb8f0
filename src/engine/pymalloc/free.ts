import { MAX_BLOCKS_PER_POOL, NB_SMALL_SIZE_CLASSES, POOL_BITS, POOL_OVERHEAD, POOL_SIZE, index2size } from './constants';
import { freeArena } from './arenas';
import { IN_USE, NIL, type ObmallocState, poolId, poolSlot } from './state';

/** A free or realloc of a pointer that pymalloc would silently corrupt its lists with: the simulation stops. */
export class PymallocError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PymallocError';
  }
}

/**
 * The block a pymalloc pointer names, as `pool * MAX_BLOCKS_PER_POOL + block number` (split it with
 * blockPool / blockNumber), or -1 when p is not inside a live arena (address_in_range is false).
 * Pointers inside an arena that are not a handed-out block throw. (A number, not a {pool, b}
 * object, and the messages built out of line: this runs on every free, small enough to be
 * inlined there.)
 */
export function locateBlock(st: ObmallocState, p: number, fn: string): number {
  const slot = st.radix.slotOf(p);
  if (slot < 0) return -1;
  // Offsets inside an arena are below 2^20: int32 arithmetic from here on.
  const inArena = p - st.firstPool[slot];
  const k = inArena >> POOL_BITS;
  const pool = poolId(slot, k);
  const off = (inArena & (POOL_SIZE - 1)) - POOL_OVERHEAD;
  const size = st.szidx[pool];
  const b = Math.floor(off * BLOCK_MAGIC[size] * 2 ** -32); // off / block size (see BLOCK_MAGIC)
  // In order: a carved pool, in use, a block boundary below the carved end, not on the free list.
  if (
    k < 0 ||
    k >= st.carved[slot] ||
    st.ref[pool] === 0 ||
    off < 0 ||
    b * index2size(size) !== off ||
    off >= st.nextoffset[pool] - POOL_OVERHEAD ||
    st.links[pool]![b] !== IN_USE
  )
    throw notABlock(st, p, fn, k < 0 || k >= st.carved[slot], b);
  return pool * MAX_BLOCKS_PER_POOL + b;
}

/** Why locateBlock refused p (the checks were made in its order). */
function notABlock(st: ObmallocState, p: number, fn: string, uncarved: boolean, b: number): PymallocError {
  if (uncarved) return new PymallocError(`${fn}: ${hex(p)} is in an arena but in no carved pool`);
  const slot = st.radix.slotOf(p);
  const pool = poolId(slot, (p - st.firstPool[slot]) >> POOL_BITS);
  const off = ((p - st.firstPool[slot]) & (POOL_SIZE - 1)) - POOL_OVERHEAD;
  if (st.ref[pool] === 0 || off < 0 || b * index2size(st.szidx[pool]) !== off || off >= st.nextoffset[pool] - POOL_OVERHEAD)
    return new PymallocError(`${fn}: ${hex(p)} is not a block pymalloc handed out`);
  return new PymallocError(`${fn}: ${hex(p)} is already free (double free)`);
}

/**
 * floor(off / INDEX2SIZE(size)) for 0 ≤ off < POOL_SIZE is floor(off × BLOCK_MAGIC[size] / 2^32):
 * BLOCK_MAGIC[size] is ceil(2^32 / block size), and the error it adds stays below 2^-18, less than
 * the 1/512 by which a non-multiple falls short of the next integer. (A float division there cost
 * the allocator layers 30 of their 450 ms on the seed.)
 */
const BLOCK_MAGIC = Float64Array.from({ length: NB_SMALL_SIZE_CLASSES }, (_, i) => Math.ceil(2 ** 32 / index2size(i)));

// Block ids stay below 2^32 (at most 2^21 pools of 2^10 blocks): shifts and masks split them.
/** The pool of a block id from locateBlock. */
export const blockPool = (block: number): number => block >>> 10;
/** The block number (in its pool) of a block id from locateBlock. */
export const blockNumber = (block: number): number => block & (MAX_BLOCKS_PER_POOL - 1);

/**
 * pymalloc_free(p): push the block on the front of its pool's free list (writing the link into the
 * block), then: a pool that was full goes to the front of usedpools; a pool that became empty goes
 * to its arena's freepools (insert_to_freepool). Returns the block size, or 0 (C: returns 0) when
 * p is not pymalloc's.
 */
export function pymallocFree(st: ObmallocState, p: number): number {
  const block = locateBlock(st, p, 'free');
  if (block < 0) return 0;
  const pool = blockPool(block);
  const b = blockNumber(block);
  const bs = index2size(st.szidx[pool]);
  const lastfree = st.freeblock[pool];
  st.links[pool]![b] = lastfree;
  st.writePool(pool, POOL_OVERHEAD + b * bs);
  st.freeblock[pool] = b;
  st.ref[pool]--;
  if (lastfree === NIL) {
    insertToUsedpool(st, pool); // it was full
    return bs;
  }
  if (st.ref[pool] !== 0) return bs;
  insertToFreepool(st, pool);
  return bs;
}

/** insert_to_usedpool: link a pool that was full in front of usedpools[szidx]. */
function insertToUsedpool(st: ObmallocState, pool: number): void {
  const next = st.nextpool[st.szidx[pool]];
  const prev = st.prevpool[next];
  st.nextpool[pool] = next;
  st.prevpool[pool] = prev;
  st.prevpool[next] = pool;
  st.nextpool[prev] = pool;
}

/**
 * insert_to_freepool: unlink an empty pool from usedpools, push it on its arena's freepools, and
 * keep usable_arenas sorted by nfreepools in O(1) with nfp2lasta. Four cases: the arena is wholly
 * free and not last in the list (unmap it: bpo-37257 keeps one); it just became usable (push it at
 * the head); it must slide right past the arenas with its old count; or nothing to do.
 */
function insertToFreepool(st: ObmallocState, pool: number): void {
  const next = st.nextpool[pool];
  const prev = st.prevpool[pool];
  st.prevpool[next] = prev;
  st.nextpool[prev] = next;

  const ao = poolSlot(pool); // pool->arenaindex
  st.nextpool[pool] = st.freepools[ao];
  st.freepools[ao] = pool;
  let nf = st.nfreepools[ao];
  const lastnf = nf > 0 ? st.nfp2lasta[nf] : NIL;
  if (lastnf === ao) {
    const p = st.prevarena[ao];
    st.nfp2lasta[nf] = p !== NIL && st.nfreepools[p] === nf ? p : NIL;
  }
  st.nfreepools[ao] = ++nf;

  // Case 1: wholly free, and another arena follows it: give it back to the system.
  if (nf === st.ntotalpools[ao] && st.nextarena[ao] !== NIL) {
    freeArena(st, ao);
    return;
  }
  // Case 2: its first free pool: push it at the head of usable_arenas.
  if (nf === 1) {
    st.nextarena[ao] = st.usableArenas;
    st.prevarena[ao] = NIL;
    if (st.usableArenas !== NIL) st.prevarena[st.usableArenas] = ao;
    st.usableArenas = ao;
    if (st.nfp2lasta[1] === NIL) st.nfp2lasta[1] = ao;
    return;
  }
  if (st.nfp2lasta[nf] === NIL) st.nfp2lasta[nf] = ao;
  // Case 4: it was the rightmost with the old count, so the order still holds.
  if (ao === lastnf) return;
  // Case 3: slide it right, to just after lastnf.
  const pa = st.prevarena[ao];
  const na = st.nextarena[ao];
  if (pa !== NIL) st.nextarena[pa] = na;
  else st.usableArenas = na;
  st.prevarena[na] = pa;
  st.prevarena[ao] = lastnf;
  st.nextarena[ao] = st.nextarena[lastnf];
  if (st.nextarena[ao] !== NIL) st.prevarena[st.nextarena[ao]] = ao;
  st.nextarena[lastnf] = ao;
}

const hex = (n: number): string => '0x' + n.toString(16);
