import {
  DUMMY_SIZE_IDX,
  NUMBLOCKS,
  POOL_OVERHEAD,
  POOL_SIZE,
  SMALL_REQUEST_THRESHOLD,
  index2size,
} from './constants';
import { newArena } from './arenas';
import { IN_USE, NIL, type ObmallocState, poolId } from './state';

/**
 * pymalloc_alloc(nbytes): a block from the head pool of usedpools[class], else from a new pool.
 * Returns the block's address, or 0 when pymalloc does not serve the request (0 or > 512 bytes)
 * or cannot get an arena; the caller then falls back to PyMem_RawMalloc.
 */
export function pymallocAlloc(st: ObmallocState, nbytes: number): number {
  if (nbytes === 0 || nbytes > SMALL_REQUEST_THRESHOLD) return 0;
  const size = (nbytes - 1) >> 4;
  const pool = st.nextpool[size]; // usedpools[size + size]: the first pool, or the sentinel itself
  if (pool !== size) {
    st.ref[pool]++;
    const bp = st.freeblock[pool];
    const links = st.links[pool]!;
    const next = links[bp];
    links[bp] = IN_USE;
    st.freeblock[pool] = next;
    if (next === NIL) poolExtend(st, pool, size); // reached the end of the free list
    return st.poolAddress(pool) + POOL_OVERHEAD + bp * index2size(size);
  }
  return allocateFromNewPool(st, size);
}

/**
 * pymalloc_pool_extend: the free list is exhausted; carve the next virgin block (writing its NULL
 * link), or, if there is none, the pool is full and is unlinked from usedpools at once.
 */
function poolExtend(st: ObmallocState, pool: number, size: number): void {
  const off = st.nextoffset[pool];
  if (off <= st.maxnextoffset[pool]) {
    const bs = index2size(size);
    const b = (off - POOL_OVERHEAD) / bs;
    st.freeblock[pool] = b;
    st.nextoffset[pool] = off + bs;
    st.links[pool]![b] = NIL;
    st.writePool(pool, off);
    return;
  }
  const next = st.nextpool[pool];
  const prev = st.prevpool[pool];
  st.prevpool[next] = prev;
  st.nextpool[prev] = next;
}

/**
 * allocate_from_new_pool(size): take the head arena of usable_arenas (making a new arena if there
 * is none), keep nfp2lasta right, take its freepools head or carve a pool at pool_address, link the
 * pool at the front of usedpools[size], and hand out a block: from the kept free list when the pool
 * last held the same class, else from a freshly initialised header (block 0 out, block 1 free).
 */
function allocateFromNewPool(st: ObmallocState, size: number): number {
  if (st.usableArenas === NIL) {
    const a = newArena(st);
    if (a === NIL) return 0;
    st.usableArenas = a;
    st.nextarena[a] = NIL;
    st.prevarena[a] = NIL;
    st.nfp2lasta[st.nfreepools[a]] = a;
  }
  const ua = st.usableArenas;
  const nfp = st.nfreepools[ua];
  if (st.nfp2lasta[nfp] === ua) st.nfp2lasta[nfp] = NIL; // it was the last with that count
  if (nfp > 1) st.nfp2lasta[nfp - 1] = ua; // it will be the new smallest

  let pool = st.freepools[ua];
  if (pool !== NIL) {
    st.freepools[ua] = st.nextpool[pool];
    st.nfreepools[ua]--;
  } else {
    pool = poolId(ua, st.carved[ua]);
    st.szidx[pool] = DUMMY_SIZE_IDX; // pool->arenaindex and szidx: header writes
    st.writePool(pool, 0);
    st.carved[ua]++;
    st.nfreepools[ua]--;
  }
  if (st.nfreepools[ua] === 0) {
    // Wholly allocated: unlink it from usable_arenas.
    st.usableArenas = st.nextarena[ua];
    if (st.usableArenas !== NIL) st.prevarena[st.usableArenas] = NIL;
  }

  // Frontlink to used pools.
  const next = st.nextpool[size];
  st.nextpool[pool] = next;
  st.prevpool[pool] = next;
  st.nextpool[next] = pool;
  st.prevpool[next] = pool;
  st.ref[pool] = 1;
  if (st.szidx[pool] === size) {
    // It last held this class: its header and free list are already set up.
    const links = st.links[pool]!;
    const bp = st.freeblock[pool];
    st.freeblock[pool] = links[bp];
    links[bp] = IN_USE;
    return st.poolAddress(pool) + POOL_OVERHEAD + bp * index2size(size);
  }
  // Initialise the header; the free list holds just the second block; return the first.
  st.szidx[pool] = size;
  const bs = index2size(size);
  st.nextoffset[pool] = POOL_OVERHEAD + 2 * bs;
  st.maxnextoffset[pool] = POOL_SIZE - bs;
  st.freeblock[pool] = 1;
  const links = st.linksFor(pool, NUMBLOCKS[size]);
  links[0] = IN_USE;
  links[1] = NIL;
  st.writePool(pool, 0);
  st.writePool(pool, POOL_OVERHEAD + bs);
  return st.poolAddress(pool) + POOL_OVERHEAD;
}
