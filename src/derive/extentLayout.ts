import { BIN_INFO } from '../engine/jemalloc/sizeClasses';
import type { JemallocExtents } from '../engine/libc/section';
import { memoByObject } from './memo';

/**
 * jemalloc's extents on one axis. Spaces: "address" = bytes of virtual address; "layout" = bytes
 * of extent, in address order, with each gap between runs of adjacent extents shrunk to `gap`
 * layout units (jemalloc maps 2 MiB, 4 MiB, … regions wherever mmap puts them; the gaps between
 * them are no memory at all). Inside a run, layout is linear in address.
 */
export interface ExtentLayout {
  /** Layout offset of each extent's start. */
  u: Float64Array;
  total: number;
  gap: number;
  /** Extents that start a run (the previous one does not end where they begin). */
  runStarts: number[];
}

/** Category index per state (EXTENT_CATEGORIES): 0/1 slab used/free, 2 large, 3 dirty, 4 muzzy, 5 retained. */
export const EXTENT_CATS = 6;
const STATE_CAT = [0, 2, 3, 4, 5];

function build(e: JemallocExtents): ExtentLayout {
  const n = e.address.length;
  let bytes = 0;
  let runs = 0;
  for (let i = 0; i < n; i++) {
    bytes += e.size[i];
    if (i === 0 || e.address[i - 1] + e.size[i - 1] !== e.address[i]) runs++;
  }
  // Gaps together take at most a tenth of the axis, and each at most 1% of it.
  const gap = runs > 1 ? Math.min(bytes * 0.01, (bytes * 0.1) / (runs - 1)) : 0;
  const u = new Float64Array(n);
  const runStarts: number[] = [];
  let x = 0;
  for (let i = 0; i < n; i++) {
    if (i > 0 && e.address[i - 1] + e.size[i - 1] !== e.address[i]) {
      x += gap;
      runStarts.push(i);
    } else if (i === 0) runStarts.push(0);
    u[i] = x;
    x += e.size[i];
  }
  return { u, total: Math.max(1, x), gap, runStarts };
}

export const extentLayout = memoByObject((e: JemallocExtents, _k: 0) => build(e));

/** Index of the first extent ending after layout offset `u` (binary search). */
export function extentAtLayout(e: JemallocExtents, l: ExtentLayout, u: number): number {
  let lo = 0;
  let hi = e.address.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (l.u[mid] + e.size[mid] <= u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the extent holding `addr`, or −1. */
export function extentAt(e: JemallocExtents, addr: number): number {
  let lo = 0;
  let hi = e.address.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (e.address[mid] + e.size[mid] <= addr) lo = mid + 1;
    else hi = mid;
  }
  return lo < e.address.length && e.address[lo] <= addr ? lo : -1;
}

/** The layout offset of an address (the start of the next extent when it falls in a gap). */
export function layoutOf(e: JemallocExtents, l: ExtentLayout, addr: number): number {
  const i = extentAt(e, addr);
  if (i >= 0) return l.u[i] + (addr - e.address[i]);
  let lo = 0;
  let hi = e.address.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (e.address[mid] < addr) lo = mid + 1;
    else hi = mid;
  }
  return lo < e.address.length ? l.u[lo] : l.total;
}

/**
 * Bytes of each category (EXTENT_CATS) in the layout range [u0, u1), added into `out`. A slab's
 * bytes split into its regions in use and free ones by its count.
 */
export function categoryBytesIn(
  e: JemallocExtents,
  l: ExtentLayout,
  u0: number,
  u1: number,
  out: Float64Array,
  from = extentAtLayout(e, l, u0),
): number {
  out.fill(0);
  let i = from;
  for (; i < e.address.length && l.u[i] < u1; i++) {
    const a = Math.max(u0, l.u[i]);
    const b = Math.min(u1, l.u[i] + e.size[i]);
    if (b <= a) continue;
    const st = e.state[i];
    if (st === 0) {
      const info = BIN_INFO[e.bin[i]];
      const used = info ? (e.used[i] * info.regSize) / e.size[i] : 0;
      out[0] += (b - a) * used;
      out[1] += (b - a) * (1 - used);
    } else out[STATE_CAT[st] ?? 5] += b - a;
  }
  return i;
}

/** One extent in words: "slab of 896-byte regions, 30 of 32 in use (arena 0)". */
export function extentText(e: JemallocExtents, i: number): string {
  const mib = (n: number): string =>
    n >= 1048576 ? `${(n / 1048576).toFixed(1)} MiB` : `${(n / 1024).toFixed(n < 10240 ? 1 : 0)} KiB`;
  const at = `0x${e.address[i].toString(16)}`;
  switch (e.state[i]) {
    case 0: {
      const info = BIN_INFO[e.bin[i]];
      return `slab at ${at} (${mib(e.size[i])}) of ${info.regSize.toLocaleString('en-US')}-byte regions, ${e.used[i]} of ${info.nregs} in use (arena ${e.arena[i]})`;
    }
    case 1:
      return `large block at ${at}: ${mib(e.size[i])} extent for ${e.used[i].toLocaleString('en-US')} usable bytes (arena ${e.arena[i]})`;
    case 2:
      return `dirty extent at ${at}: ${mib(e.size[i])} free but resident, waiting for decay (arena ${e.arena[i]})`;
    case 3:
      return `muzzy extent at ${at}: ${mib(e.size[i])} given to the kernel with MADV_FREE (arena ${e.arena[i]})`;
    default:
      return `retained extent at ${at}: ${mib(e.size[i])} of address space, purged (arena ${e.arena[i]})`;
  }
}
