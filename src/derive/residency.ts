import type { MappingColumns } from '../engine/trace/snapshot';

/** Index of the last mapping starting at or below `addr` (mappings are in address order), or −1. */
export function mappingAtOrBefore(m: MappingColumns, addr: number): number {
  let lo = 0;
  let hi = m.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (m.start[mid] <= addr) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * The share of resident pages in [from, to) of the address space, read from the mappings'
 * residency bits (one a page). Reads at most `samples` pages, evenly spread: a pixel over 1 GiB of
 * extents costs no more than one over a page. Unmapped addresses count as not resident.
 */
export function residentFraction(m: MappingColumns, from: number, to: number, samples = 64): number {
  const p0 = Math.floor(from / 4096);
  const p1 = Math.max(p0 + 1, Math.ceil(to / 4096));
  const step = p1 - p0 > samples ? (p1 - p0) / samples : 1;
  let n = 0;
  let seen = 0;
  let i = -1;
  for (let f = p0; f < p1; f += step) {
    const page = Math.floor(f);
    const addr = page * 4096;
    seen++;
    if (i < 0 || addr < m.start[i] || addr >= m.start[i] + m.length[i]) i = mappingAtOrBefore(m, addr);
    if (i < 0 || addr >= m.start[i] + m.length[i]) continue;
    const bit = m.bitsOffset[i] * 32 + (addr - m.start[i]) / 4096;
    if ((m.bits[bit >>> 5] >>> (bit & 31)) & 1) n++;
  }
  return seen > 0 ? n / seen : 0;
}
