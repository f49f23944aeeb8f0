import { PAGE_SIZE, pageUp } from './constants';
import { Mapping } from './mapping';

/**
 * The process's mappings as a sorted list, the way the kernel keeps its VMAs: find, split at an
 * address, merge alike neighbours, place a new one (top-down, or at a hint).
 */

export const hex = (n: number): string => '0x' + n.toString(16);

/**
 * Whole pages in a page-aligned byte count. Byte offsets pass 2^31 (a 2.1 GiB heap), so never a
 * 32-bit shift here: `>> 12` on 2^31 gives a negative page number.
 */
export const pagesIn = (bytes: number): number => bytes / PAGE_SIZE;

/** Index of the mapping containing addr (binary search), or -1 / an error when `required`. */
export function indexOf(ms: Mapping[], addr: number, required: boolean): number {
  let lo = 0;
  let hi = ms.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = ms[mid];
    if (addr < m.start) hi = mid - 1;
    else if (addr >= m.start + m.length) lo = mid + 1;
    else return mid;
  }
  if (required) throw new Error(`segfault: ${hex(addr)} is not mapped`);
  return -1;
}

/** Split the mapping that `addr` falls strictly inside into two at `addr` (residency bits follow). */
export function splitAt(ms: Mapping[], addr: number): void {
  const i = indexOf(ms, addr, false);
  if (i < 0) return;
  const m = ms[i];
  if (m.start === addr) return;
  const cut = pagesIn(addr - m.start);
  const total = pagesIn(m.length);
  const upper = new Mapping(addr, m.end - addr, m.tag, m.label, m.resident.slice(cut, total), m.prot);
  m.resident.clearRange(cut, total);
  m.length = addr - m.start;
  ms.splice(i + 1, 0, upper);
}

/** Merge the mappings touching [from, to) with their neighbours when they are alike and adjacent. */
export function mergeAround(ms: Mapping[], from: number, to: number): void {
  let i = Math.max(0, firstAtOrAbove(ms, from) - 1);
  while (i + 1 < ms.length && ms[i].start < to) {
    const a = ms[i];
    const b = ms[i + 1];
    if (a.end === b.start && a.prot === b.prot && a.tag === b.tag && a.label === b.label) {
      const pa = pagesIn(a.length);
      a.resident.ensure(pa + pagesIn(b.length));
      if (b.resident.count > 0)
        for (let p = 0; p < pagesIn(b.length); p++) if (b.resident.isSet(p)) a.resident.setOne(pa + p);
      a.length += b.length;
      a.hugepageAdvised += b.hugepageAdvised;
      ms.splice(i + 1, 1);
    } else i++;
  }
}

/** Index of the first mapping starting at or above addr. */
export function firstAtOrAbove(ms: Mapping[], addr: number): number {
  let lo = 0;
  let hi = ms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ms[mid].start < addr) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Address ranges the model does not hold but the process has mapped (the loader's objects, the
 * locale archive, [vdso]: kernel.ts `reserveLoaded`), sorted by start and disjoint: placement
 * steps around them as vm_unmapped_area steps around every VMA.
 */
export interface Span {
  start: number;
  end: number;
}

const NO_SPANS: readonly Span[] = [];

/** Is [addr, addr + len) below mmap_base and clear of every mapping and loaded span? */
export function isFree(
  ms: Mapping[],
  mmapBase: number,
  addr: number,
  len: number,
  loaded: readonly Span[] = NO_SPANS,
): boolean {
  if (addr + len > mmapBase) return false;
  const i = firstAtOrAbove(ms, addr);
  const above = ms[i];
  const below = ms[i - 1];
  if (above !== undefined && above.start < addr + len) return false;
  if (below !== undefined && below.end > addr) return false;
  for (const s of loaded) if (s.start < addr + len && addr < s.end) return false;
  return true;
}

/**
 * Top-down placement: the highest gap of `len` bytes below mmap_base (vm_unmapped_area), the
 * mappings and the loaded spans walked together from the top.
 */
export function findGap(
  ms: Mapping[],
  mmapBase: number,
  low: number,
  len: number,
  loaded: readonly Span[] = NO_SPANS,
): number {
  let hi = mmapBase;
  let i = ms.length - 1;
  let j = loaded.length - 1;
  while (i >= 0 || j >= 0) {
    // the next occupied range down: whichever of the two lists starts higher
    const takeMapping = j < 0 || (i >= 0 && ms[i].start >= loaded[j].start);
    const start = takeMapping ? ms[i].start : loaded[j].start;
    const end = takeMapping ? ms[i].end : loaded[j].end;
    if (takeMapping) i--;
    else j--;
    if (start >= hi) continue;
    if (hi - end >= len) return hi - len;
    hi = start;
  }
  return hi - low >= len ? hi - len : -1;
}

/** The lowest start of a mapping or loaded span above `addr` (mremap's room to grow in place). */
export function nextOccupied(
  ms: Mapping[],
  i: number,
  addr: number,
  ceiling: number,
  loaded: readonly Span[],
): number {
  let next = ms[i + 1] ? ms[i + 1].start : ceiling;
  for (const s of loaded) if (s.start > addr && s.start < next) next = s.start;
  return next;
}

export function insertMapping(ms: Mapping[], m: Mapping): void {
  let lo = 0;
  let hi = ms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ms[mid].start < m.start) lo = mid + 1;
    else hi = mid;
  }
  ms.splice(lo, 0, m);
}

/** Does [from, to) reach into the lowest mapping (the heap may not grow into it)? */
export function collides(ms: Mapping[], from: number, to: number): boolean {
  const first = ms[0];
  return first !== undefined && first.start < pageUp(to) && from < first.end;
}
