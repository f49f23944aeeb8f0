/**
 * CPython 3.11 Objects/obmalloc.c constants for 64-bit Linux (SIZEOF_VOID_P 8, radix tree on, so
 * USE_LARGE_ARENAS and USE_LARGE_POOLS are both defined).
 */

/** ALIGNMENT / ALIGNMENT_SHIFT: 16 bytes when SIZEOF_VOID_P > 4. */
export const ALIGNMENT = 16;
export const ALIGNMENT_SHIFT = 4;
/** SMALL_REQUEST_THRESHOLD: larger requests (and 0) go to PyMem_RawMalloc. */
export const SMALL_REQUEST_THRESHOLD = 512;
/** NB_SMALL_SIZE_CLASSES = 512 / 16. */
export const NB_SMALL_SIZE_CLASSES = SMALL_REQUEST_THRESHOLD / ALIGNMENT;

/** ARENA_BITS 20 (USE_LARGE_ARENAS): 1 MiB arenas, mmapped directly. */
export const ARENA_BITS = 20;
export const ARENA_SIZE = 1 << ARENA_BITS;
/** POOL_BITS 14 (USE_LARGE_POOLS): 16 KiB pools. */
export const POOL_BITS = 14;
export const POOL_SIZE = 1 << POOL_BITS;
/** MAX_POOLS_IN_ARENA = ARENA_SIZE / POOL_SIZE. */
export const MAX_POOLS_IN_ARENA = ARENA_SIZE / POOL_SIZE;
/** POOL_OVERHEAD = sizeof(struct pool_header) (4 pointers + 4 uints = 48) rounded up to ALIGNMENT. */
export const POOL_OVERHEAD = 48;
/** DUMMY_SIZE_IDX: szidx of a freshly carved pool before it is initialised. */
export const DUMMY_SIZE_IDX = 0xffff;
/** sizeof(struct arena_object): address, pool_address, 2 uints, freepools, nextarena, prevarena. */
export const ARENA_OBJECT_SIZE = 48;
/** INITIAL_ARENA_OBJECTS: the arenas[] vector starts with 16 entries and doubles. */
export const INITIAL_ARENA_OBJECTS = 16;

/** Radix tree (3.11: POINTER_BITS 64, IGNORE_BITS 0, USE_INTERIOR_NODES). */
export const ADDRESS_BITS = 64;
/** INTERIOR_BITS = (ADDRESS_BITS - ARENA_BITS + 2) / 3 = 15 (integer division). */
export const INTERIOR_BITS = Math.floor((ADDRESS_BITS - ARENA_BITS + 2) / 3);
export const MAP_MID_BITS = INTERIOR_BITS;
export const MAP_TOP_BITS = INTERIOR_BITS;
/** MAP_BOT_BITS = 64 - 20 - 30 = 14. */
export const MAP_BOT_BITS = ADDRESS_BITS - ARENA_BITS - 2 * INTERIOR_BITS;
export const MAP_BOT_SHIFT = ARENA_BITS;
export const MAP_MID_SHIFT = MAP_BOT_BITS + MAP_BOT_SHIFT;
export const MAP_TOP_SHIFT = MAP_MID_BITS + MAP_MID_SHIFT;
/** sizeof(arena_map_top_t) = 2^15 pointers: static (BSS), never allocated. */
export const MAP_ROOT_BYTES = (1 << MAP_TOP_BITS) * 8;
/** sizeof(arena_map_mid_t) = 2^15 pointers = 256 KiB, PyMem_RawCalloc'd. */
export const MAP_MID_BYTES = (1 << MAP_MID_BITS) * 8;
/** sizeof(arena_map_bot_t) = 2^14 × {int32 tail_hi, int32 tail_lo} = 128 KiB, PyMem_RawCalloc'd. */
export const MAP_BOT_BYTES = (1 << MAP_BOT_BITS) * 8;

/** INDEX2SIZE(I) = (I + 1) << ALIGNMENT_SHIFT. */
export const index2size = (i: number): number => (i + 1) << ALIGNMENT_SHIFT;
/** The size class of a request of 1..512 bytes: (nbytes - 1) >> ALIGNMENT_SHIFT (pymalloc_alloc). */
export const sizeClass = (nbytes: number): number => (nbytes - 1) >> ALIGNMENT_SHIFT;
/** NUMBLOCKS(I) = (POOL_SIZE - POOL_OVERHEAD) / INDEX2SIZE(I): 1021 for 16 bytes … 31 for 512. */
export const numBlocks = (i: number): number => Math.floor((POOL_SIZE - POOL_OVERHEAD) / index2size(i));
/** NUMBLOCKS for every class, for the hot paths. */
export const NUMBLOCKS: Int32Array = Int32Array.from({ length: NB_SMALL_SIZE_CLASSES }, (_, i) =>
  numBlocks(i),
);
/** Most blocks any pool can hold (class 0): the stride of the per-pool free-list link table. */
export const MAX_BLOCKS_PER_POOL = 1024;
