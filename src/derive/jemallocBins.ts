import { BIN_INFO } from '../engine/jemalloc/sizeClasses';
import type { JemallocSection } from '../engine/libc/section';
import { memoByObject } from './memo';

/** One small size class as the bins list shows it: its slabs, regions and the thread cache's share. */
export interface JemallocBinRow {
  bin: number;
  regSize: number;
  slabs: number;
  /** Regions allocated (thread-cached ones included: jemalloc counts them allocated). */
  used: number;
  regions: number;
  /** Regions the main thread's cache holds. */
  cached: number;
  /** Slab bytes (whole slabs, used or not). */
  bytes: number;
  /** The slabs of this class by address, as extent indexes. */
  extents: number[];
}

function build(j: JemallocSection): { rows: JemallocBinRow[]; large: { count: number; bytes: number } } {
  const rows = new Map<number, JemallocBinRow>();
  const e = j.extents;
  let largeCount = 0;
  let largeBytes = 0;
  for (let i = 0; i < e.address.length; i++) {
    if (e.state[i] === 1) {
      largeCount++;
      largeBytes += e.size[i];
    }
    if (e.state[i] !== 0) continue;
    const b = e.bin[i];
    let r = rows.get(b);
    if (!r) {
      const info = BIN_INFO[b];
      r = { bin: b, regSize: info.regSize, slabs: 0, used: 0, regions: 0, cached: 0, bytes: 0, extents: [] };
      rows.set(b, r);
    }
    r.slabs++;
    r.used += e.used[i];
    r.regions += BIN_INFO[b].nregs;
    r.bytes += e.size[i];
    r.extents.push(i);
  }
  for (const r of rows.values()) r.cached = j.tcacheCounts[r.bin] ?? 0;
  return {
    rows: [...rows.values()].sort((a, b) => b.bytes - a.bytes || a.bin - b.bin),
    large: { count: largeCount, bytes: largeBytes },
  };
}

/** The slab bins with their slabs, most bytes first, and the large blocks' count and bytes. */
export const jemallocBins = memoByObject((j: JemallocSection, _k: 0) => build(j));
