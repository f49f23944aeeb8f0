/**
 * What jemalloc 5.3.0 (Debian's build) allocates for itself before the program's first call, and the
 * constants of its bookkeeping that the model needs: measured on this machine where they depend on the
 * build (struct sizes), read from the sources otherwise.
 */
/**
 * Bytes of base b0, after base_t, that jemalloc 5.3.0 uses for itself before any allocation (the ctl
 * tables, tcache_bin_info, …) plus a part per arena slot (narenas + the huge arena: arena 0's arena_t and
 * bins, each slot's ctl_arena_t). Fitted on Debian's build from stats.metadata at the replayer's start
 * under MALLOC_CONF narenas 1, 2, 8, 16 with and without the huge arena: 2,327,696 + 37,856 × slots,
 * exactly linear; less the 2 MiB rtree leaf, two block headers, three edata_t and base_t.
 */
export const B0_BOOT_BYTES = 196_208;
export const B0_BYTES_PER_ARENA = 37_856;
/** Pages of b0 resident after boot (mincore at the replayer's start): 49 + one per arena slot. */
export const B0_BOOT_RESIDENT_PAGES = 49;
/** base_t rounded to a cache line, first in every base (part of B0_BOOT_BYTES for b0). */
export const BASE_STRUCT = 4_992;
/** arena_t + its bins for a new arena (measured: stats.metadata grows by it when the huge arena appears). */
export const ARENA_STRUCT = 86_016;
/** rtree leaves: 2^18 entries of 8 bytes, one per 1 GiB of address space (rtree.h, LG_VADDR 48). */
export const RTREE_LEAF_BYTES = (1 << 18) * 8;
export const TICKS_PER_UPDATE = 1000;
export const STDCXX_EMERGENCY_POOL = 72_704;
/** OVERSIZE_THRESHOLD_DEFAULT (arena_types.h). */
export const DEFAULT_OVERSIZE = 8 * 1024 * 1024;
/** ticker.c's geometric table (ticker_geom_table) and its multiplier. */
export const TICKER_GEOM_TABLE = [
  254, 211, 187, 169, 156, 144, 135, 127, 120, 113, 107, 102, 97, 93, 89, 85, 81, 77, 74, 71, 68, 65, 62, 60,
  57, 55, 53, 50, 48, 46, 44, 42, 40, 39, 37, 35, 33, 32, 30, 29, 27, 26, 24, 23, 21, 20, 19, 18, 16, 15, 14,
  13, 12, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0,
];
