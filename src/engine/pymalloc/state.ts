import type { Libc } from '../libc/libc';
import type { Kernel } from '../kernel/kernel';
import type { EventSink } from '../trace/events';
import { MAX_POOLS_IN_ARENA, NB_SMALL_SIZE_CLASSES, POOL_OVERHEAD, POOL_SIZE, index2size } from './constants';
import { ArenaMap } from './radix';

/** A pool's free-list link value for a block that is handed out (its first word belongs to the caller). */
export const IN_USE = -2;
/** NULL: the end of a free list (or of the singly-linked freepools / unused_arena_objects lists). */
export const NIL = -1;
/** Pool ids 0..31 are the usedpools[] sentinels (the PTA(x) pseudo-headers); real pools follow. */
export const FIRST_POOL = NB_SMALL_SIZE_CLASSES;

/** Pool id of pool k (0-based from the arena's first pool-aligned address) of arena slot `slot`. */
export const poolId = (slot: number, k: number): number => FIRST_POOL + slot * MAX_POOLS_IN_ARENA + k;
export const poolSlot = (pool: number): number => (pool - FIRST_POOL) >> 6;
export const poolIndex = (pool: number): number => (pool - FIRST_POOL) & (MAX_POOLS_IN_ARENA - 1);

/**
 * Every static of obmalloc.c, as typed arrays (no object per block, none per pool but its free-list
 * table). Arena objects are indexed by their slot in the `arenas` vector (arenaindex); pools by an id
 * derived from (slot, pool number), so a pool header's `arenaindex` is implicit in its id.
 *
 * Block lists: a pool's free list is stored as block numbers ((offset − 48) / size) in `links[pool]`:
 * links[b] is the next free block, NIL at the end, IN_USE for a handed-out block. The C code keeps
 * the same link in the block's first 8 bytes, so reuse order (LIFO) is exactly the same.
 */
export class ObmallocState {
  // --- struct arena_object arenas[maxarenas] (the C vector is a C-library block at vectorPtr) ---
  maxarenas = 0;
  /** `arenas` itself: the PyMem_RawRealloc'd vector's address (0 before the first arena). */
  vectorPtr = 0;
  /** arena_object.address: the mmap result, 0 when the slot is not associated with an arena. */
  address = new Float64Array(0);
  /** The first pool-aligned address of the arena (address rounded up to POOL_SIZE). */
  firstPool = new Float64Array(0);
  /** (pool_address − firstPool) / POOL_SIZE: pools carved so far (the high-water mark). */
  carved = new Int32Array(0);
  nfreepools = new Int32Array(0);
  ntotalpools = new Int32Array(0);
  /** Head pool id of the arena's singly-linked freepools list, NIL when empty. */
  freepools = new Int32Array(0);
  /** Slot links of usable_arenas (doubly linked) or unused_arena_objects (nextarena only). */
  nextarena = new Int32Array(0);
  prevarena = new Int32Array(0);

  // --- globals ---
  unusedArenaObjects = NIL;
  usableArenas = NIL;
  /** nfp2lasta[nfp]: the rightmost arena in usable_arenas with nfp free pools. */
  readonly nfp2lasta = new Int32Array(MAX_POOLS_IN_ARENA + 1).fill(NIL);
  narenasCurrentlyAllocated = 0;
  ntimesArenaAllocated = 0;
  narenasHighwater = 0;
  /** Live blocks that _PyObject_Malloc/Calloc sent to PyMem_Raw* (for sys.getallocatedblocks()). */
  rawAllocatedBlocks = 0;

  // --- struct pool_header, per pool id (ids < FIRST_POOL are the usedpools sentinels) ---
  ref = new Int32Array(FIRST_POOL);
  /** Block number of the free-list head, NIL when the pool is full. */
  freeblock = new Int32Array(FIRST_POOL);
  nextpool = new Int32Array(FIRST_POOL);
  prevpool = new Int32Array(FIRST_POOL);
  szidx = new Int32Array(FIRST_POOL);
  nextoffset = new Int32Array(FIRST_POOL);
  maxnextoffset = new Int32Array(FIRST_POOL);
  /** The pool's 4 pages that pymalloc knows are resident (so a link write need not ask the kernel). */
  pageMask = new Uint8Array(FIRST_POOL);
  /** Per pool, the free-list link of every block (see IN_USE / NIL); sized for the largest class it held. */
  links: (Int16Array | null)[] = [];

  readonly radix: ArenaMap;
  /** Receives ArenaNew / ArenaFree as they happen (the Pymalloc facade records the rest). */
  sink: EventSink | null = null;

  constructor(
    readonly kernel: Kernel,
    readonly libc: Libc,
  ) {
    this.radix = new ArenaMap(kernel, libc);
    // usedpools[] = { PT(0), PT(1), ... }: every list starts empty, pointing at itself.
    for (let i = 0; i < FIRST_POOL; i++) {
      this.nextpool[i] = i;
      this.prevpool[i] = i;
    }
  }

  /** Address of a pool (its header). */
  poolAddress(pool: number): number {
    return this.firstPool[poolSlot(pool)] + poolIndex(pool) * POOL_SIZE;
  }

  /** Address of block b of a pool of size class `size`. */
  blockAddress(pool: number, b: number, size: number): number {
    return this.poolAddress(pool) + POOL_OVERHEAD + b * index2size(size);
  }

  /** The free-list table of a pool, big enough for `nblocks` blocks. */
  linksFor(pool: number, nblocks: number): Int16Array {
    let l = this.links[pool];
    if (!l || l.length < nblocks) {
      l = new Int16Array(nblocks);
      this.links[pool] = l;
    }
    return l;
  }

  /** An 8-byte write at byte `off` of a pool (a pool header field or a block's free-list link). */
  writePool(pool: number, off: number): void {
    const bit = 1 << (off >> 12);
    if ((this.pageMask[pool] & bit) === 0) {
      this.pageMask[pool] |= bit;
      this.kernel.touch(this.poolAddress(pool) + off, 8);
    }
  }

  /** Grow the per-slot and per-pool columns to `numarenas` arena objects (contents kept). */
  growArenas(numarenas: number): void {
    const f64 = (a: Float64Array) => {
      const b = new Float64Array(numarenas);
      b.set(a);
      return b;
    };
    const i32 = (a: Int32Array, n: number) => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    this.address = f64(this.address);
    this.firstPool = f64(this.firstPool);
    this.carved = i32(this.carved, numarenas);
    this.nfreepools = i32(this.nfreepools, numarenas);
    this.ntotalpools = i32(this.ntotalpools, numarenas);
    this.freepools = i32(this.freepools, numarenas);
    this.nextarena = i32(this.nextarena, numarenas);
    this.prevarena = i32(this.prevarena, numarenas);
    const npools = FIRST_POOL + numarenas * MAX_POOLS_IN_ARENA;
    this.ref = i32(this.ref, npools);
    this.freeblock = i32(this.freeblock, npools);
    this.nextpool = i32(this.nextpool, npools);
    this.prevpool = i32(this.prevpool, npools);
    this.szidx = i32(this.szidx, npools);
    this.nextoffset = i32(this.nextoffset, npools);
    this.maxnextoffset = i32(this.maxnextoffset, npools);
    const mask = new Uint8Array(npools);
    mask.set(this.pageMask);
    this.pageMask = mask;
    while (this.links.length < npools) this.links.push(null);
  }

  /** The pool holding address p, if p is inside a live arena (address_in_range) and a pool of it; else -1. */
  poolOf(p: number): number {
    const slot = this.radix.slotOf(p);
    if (slot < 0) return -1;
    const k = Math.floor((p - this.firstPool[slot]) / POOL_SIZE);
    if (k < 0 || k >= this.ntotalpools[slot]) return -1;
    return poolId(slot, k);
  }
}
