import { mmapAnon } from '../kernel/anonMmap';
import type { Kernel } from '../kernel/kernel';
import { COMMIT_MASK_BITS, SEGMENT_SIZE, alignUp, goodAllocSize } from './constants';

/** The system calls mimalloc makes, as the real one makes them (for the cross-check and the event log). */
export type MiOsCall = 'mmap' | 'munmap' | 'dontneed' | 'mprotect' | 'free';
export type MiOsListener = (call: MiOsCall, addr: number, length: number) => void;

/** One OS mapping mimalloc made, numbered in order (the cross-check names addresses by it). */
export interface MiMapping {
  addr: number;
  size: number;
  ordinal: number;
}

/**
 * mimalloc 2.0.9's OS layer on Linux (os.c): aligned allocation through an address hint in the 2–30 TiB
 * area (so segments sit side by side, in increasing order, from a random start), commit = mprotect
 * RW of memory that stays mapped, decommit = MADV_DONTNEED, free = munmap; plus the committed-bytes
 * statistic (_mi_stats_main.committed) exactly as those functions count it.
 *
 * The simulated kernel has no hints: mappings are placed top-down and aligned by over-allocation (the
 * ends unmapped again). Where they land does not matter to RSS; the cross-check names every address by
 * its mapping's ordinal.
 */
export class MiOs {
  /** _mi_stats_main.committed: current and peak. */
  committed = 0;
  peakCommitted = 0;
  private nextOrdinal = 0;
  readonly mappings = new Map<number, MiMapping>();

  constructor(
    readonly kernel: Kernel,
    private readonly listener: MiOsListener | null,
  ) {}

  stat(delta: number): void {
    this.committed += delta;
    if (this.committed > this.peakCommitted) this.peakCommitted = this.committed;
  }

  /**
   * _mi_os_alloc_aligned(size, alignment, commit): the size is rounded by _mi_os_good_alloc_size; the
   * mapping is read-write (committed) or PROT_NONE.
   */
  allocAligned(size: number, alignment: number, commit: boolean): MiMapping | null {
    size = goodAllocSize(size);
    const k = this.kernel;
    // mi_os_mem_alloc: PROT_READ|PROT_WRITE when committed, else a PROT_NONE reservation (not in
    // anon_mmap, not resident) that commit opens up part by part
    const prot = commit ? 'rw' : 'none';
    let addr = mmapAnon(k, size, 'mimalloc-segment', 'mimalloc segment', { prot });
    if (addr < 0) return null;
    if (addr % alignment !== 0) {
      // mi_os_mem_alloc_aligned's fallback: over-allocate by the alignment, keep the aligned middle and
      // munmap both ends (Linux can), so only `size` stays mapped: the process's anon_mmap grows by one
      // segment's 32 MiB per segment, as measured (seed_small_lists: +927 MiB real, +1,726 before this
      // when the ends stayed mapped).
      k.munmap(addr, size);
      const padded = size + alignment;
      const raw = k.mmap(padded, 'mimalloc-segment', 'mimalloc segment', { prot });
      if (raw < 0) return null;
      addr = alignUp(raw, alignment);
      if (addr > raw) k.munmap(raw, addr - raw);
      const tail = raw + padded - (addr + size);
      if (tail > 0) k.munmap(addr + size, tail);
    }
    const m: MiMapping = { addr, size, ordinal: this.nextOrdinal++ };
    this.mappings.set(addr, m);
    if (this.listener) this.listener('mmap', addr, size);
    if (commit) this.stat(size);
    return m;
  }

  /** _mi_os_free_ex: munmap; the committed statistic drops only if the caller says it was committed. */
  free(addr: number, size: number, wasCommitted: boolean): void {
    size = goodAllocSize(size);
    if (this.listener) this.listener('munmap', addr, size);
    this.kernel.munmap(addr, size);
    this.mappings.delete(addr);
    if (wasCommitted) this.stat(-size);
  }

  /** _mi_os_commit: mprotect(PROT_READ|PROT_WRITE) of the whole pages; counts `size` committed. */
  commit(addr: number, size: number): void {
    this.stat(size);
    const start = Math.floor(addr / 4096) * 4096;
    const end = alignUp(addr + size, 4096);
    if (end <= start) return;
    // a segment mapped PROT_NONE (a thread's first, eager_commit_delay) becomes read-write here;
    // on one mapped read-write the call changes nothing (the kernel merges the pieces back)
    this.kernel.mprotect(start, end - start, 'rw');
    if (this.listener) this.listener('mprotect', start, end - start);
  }

  /**
   * _mi_os_reset (page_reset): MADV_FREE of the whole pages inside. The kernel takes such pages only
   * under memory pressure, which never comes here: they stay resident.
   */
  reset(addr: number, size: number): void {
    const start = alignUp(addr, 4096);
    const end = Math.floor((addr + size) / 4096) * 4096;
    if (end > start && this.listener) this.listener('free', start, end - start);
  }

  /** _mi_os_decommit: MADV_DONTNEED of the whole pages inside (conservative); counts `size` decommitted. */
  decommit(addr: number, size: number): void {
    this.stat(-size);
    const start = alignUp(addr, 4096);
    const end = Math.floor((addr + size) / 4096) * 4096;
    if (end <= start) return;
    this.kernel.madviseDontneed(start, end - start);
    if (this.listener) this.listener('dontneed', start, end - start);
  }
}

/** A segment's memory waiting in the cache (segment-cache.c mi_cache_slot_t). */
export interface CacheSlot {
  mapping: MiMapping;
  commit: Uint8Array;
  decommit: Uint8Array;
  /** ms when its committed memory is decommitted, 0 for none pending. */
  expire: number;
}

/** splitmix64 (_mi_random_shuffle), on 64-bit values. */
export function randomShuffle(x: bigint): bigint {
  if (x === 0n) x = 17n;
  x = BigInt.asUintN(64, x ^ (x >> 30n));
  x = BigInt.asUintN(64, x * 0xbf58476d1ce4e5b9n);
  x = BigInt.asUintN(64, x ^ (x >> 27n));
  x = BigInt.asUintN(64, x * 0x94d049bb133111ebn);
  return BigInt.asUintN(64, x ^ (x >> 31n));
}

/** Decommit each run of set bits in a commit mask over a segment at `base` (mi_commit_mask_decommit). */
export function decommitMask(os: MiOs, mask: Uint8Array, base: number): void {
  const part = SEGMENT_SIZE / COMMIT_MASK_BITS;
  let i = 0;
  while (i < COMMIT_MASK_BITS) {
    if (!mask[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j < COMMIT_MASK_BITS && mask[j]) j++;
    os.decommit(base + i * part, (j - i) * part);
    i = j;
  }
  mask.fill(0);
}

export const maskCount = (mask: Uint8Array): number => {
  let n = 0;
  for (let i = 0; i < mask.length; i++) n += mask[i];
  return n;
};
