import { POOL_OVERHEAD, POOL_SIZE, index2size } from './constants';
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
 * The pool and block number of a pymalloc pointer, or null when p is not inside a live arena
 * (address_in_range is false). Pointers inside an arena that are not a handed-out block throw.
 */
export function locateBlock(st: ObmallocState, p: number, fn: string): { pool: number; b: number } | null {
  const slot = st.radix.slotOf(p);
  if (slot < 0) return null;
  const k = Math.floor((p - st.firstPool[slot]) / POOL_SIZE);
  if (k < 0 || k >= st.carved[slot])
    throw new PymallocError(`${fn}: ${hex(p)} is in an arena but in no carved pool`);
  const pool = poolId(slot, k);
  const off = p - st.poolAddress(pool) - POOL_OVERHEAD;
  const bs = index2size(st.szidx[pool]);
  const b = off / bs;
  if (st.ref[pool] === 0 || off < 0 || !Number.isInteger(b) || off >= st.nextoffset[pool] - POOL_OVERHEAD)
    throw new PymallocError(`${fn}: ${hex(p)} is not a block pymalloc handed out`);
  if (st.links[pool]![b] !== IN_USE)
    throw new PymallocError(`${fn}: ${hex(p)} is already free (double free)`);
  return { pool, b };
}

/**
 * pymalloc_free(p): push the block on the front of its pool's free list (writing the link into the
 * block), then: a pool that was full goes to the front of usedpools; a pool that became empty goes
 * to its arena's freepools (insert_to_freepool). Returns the block size, or 0 (C: returns 0) when
 * p is not pymalloc's.
 */
export function pymallocFree(st: ObmallocState, p: number): number {
  const loc = locateBlock(st, p, 'free');
  if (loc === null) return 0;
  const { pool, b } = loc;
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
