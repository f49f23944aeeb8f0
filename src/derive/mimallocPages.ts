import type { MimallocSection } from '../engine/libc/section';
import { memoByObject } from './memo';

/** One block size as the pages list shows it. */
export interface MiBinRow {
  blockSize: number;
  pages: number;
  used: number;
  capacity: number;
  reserved: number;
  free: number;
  localFree: number;
  threadFree: number;
  /** Bytes of the pages' slices. */
  bytes: number;
  /** Page indexes, by address. */
  pages_: number[];
}

/** What waits to be given back, and from when (ms of the simulated clock). */
export interface MiPending {
  /** Live segments' slices marked for decommit (decommit_delay). */
  bytes: number;
  segments: number;
  /** The earliest decommit_expire among them (the first may go at the next call after it), or null. */
  firstExpireMs: number | null;
  /** Cached segments: committed bytes they keep, and the earliest expiry. */
  cachedBytes: number;
  cachedFirstExpireMs: number | null;
}

function build(m: MimallocSection): { rows: MiBinRow[]; pending: MiPending } {
  const rows = new Map<number, MiBinRow>();
  const p = m.pages;
  for (let i = 0; i < p.address.length; i++) {
    const b = p.blockSize[i];
    let r = rows.get(b);
    if (!r) {
      r = {
        blockSize: b,
        pages: 0,
        used: 0,
        capacity: 0,
        reserved: 0,
        free: 0,
        localFree: 0,
        threadFree: 0,
        bytes: 0,
        pages_: [],
      };
      rows.set(b, r);
    }
    r.pages++;
    r.used += p.used[i];
    r.capacity += p.capacity[i];
    r.reserved += p.reserved[i];
    r.free += p.free[i];
    r.localFree += p.localFree[i];
    r.threadFree += p.threadFree[i];
    r.bytes += p.size[i];
    r.pages_.push(i);
  }
  const s = m.segments;
  const pending: MiPending = {
    bytes: 0,
    segments: 0,
    firstExpireMs: null,
    cachedBytes: 0,
    cachedFirstExpireMs: null,
  };
  for (let i = 0; i < s.address.length; i++) {
    if (s.cached[i]) {
      pending.cachedBytes += s.committed[i];
      if (s.committed[i] > 0 && s.decommitExpireMs[i] > 0)
        pending.cachedFirstExpireMs = Math.min(
          pending.cachedFirstExpireMs ?? Infinity,
          s.decommitExpireMs[i],
        );
    } else if (s.decommitPending[i] > 0) {
      pending.bytes += s.decommitPending[i];
      pending.segments++;
      pending.firstExpireMs = Math.min(pending.firstExpireMs ?? Infinity, s.decommitExpireMs[i]);
    }
  }
  return { rows: [...rows.values()].sort((a, b) => b.bytes - a.bytes || a.blockSize - b.blockSize), pending };
}

/** Pages per block size, most bytes first, and what waits for decommit. */
export const mimallocPages = memoByObject((m: MimallocSection, _k: 0) => build(m));

/** Index of the page holding `addr` (pages are not sorted: a linear scan of at most a few thousand), or −1. */
export function pageAt(m: MimallocSection, addr: number): number {
  const p = m.pages;
  for (let i = 0; i < p.address.length; i++) {
    const start = p.address[i] - (p.address[i] % 65536);
    if (addr >= start && addr < start + p.size[i]) return i;
  }
  return -1;
}
