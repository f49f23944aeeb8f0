import type { Snapshot } from '../engine/trace/snapshot';
import { memoByLayers } from './memo';

/**
 * The address-space map on one axis. Spaces: "address" = bytes of virtual address; "layout" =
 * abstract units along the axis. Regions keep address order, but each region's width is the
 * square root of its size (an 800 MB heap and a 1 MiB arena must both be visible at zoom 1), and
 * the vast unmapped gaps between them shrink to a fixed break. Inside a region, layout is linear in
 * address, so residency and selections map exactly.
 */
export interface LayoutRegion {
  kind: string;
  label: string;
  start: number;
  length: number;
  residentBytes: number;
  /** Residency bits (one a page) and where this region's bits start in them, or null (all resident). */
  bits: Uint32Array | null;
  bitsOffset: number;
  x: number;
  w: number;
  /** Regions that touch the previous one (adjacent arenas merge into one VMA). */
  joined: boolean;
}

export interface AddressLayout {
  regions: LayoutRegion[];
  total: number;
}

const GAP = 40;
const widthOf = (bytes: number): number => Math.max(6, Math.sqrt(bytes / 1024));

function build(s: Snapshot): AddressLayout {
  const regions: LayoutRegion[] = [];
  const sc = s.scalars;
  // The interpreter's own pages (binary, libraries, stack): resident, outside the model; drawn first.
  if (sc.baselineRss > 0)
    regions.push({
      kind: 'interpreter',
      label: 'interpreter (binary, libs, stack)',
      start: 0,
      length: sc.baselineRss,
      residentBytes: sc.baselineRss,
      bits: null,
      bitsOffset: 0,
      x: 0,
      w: 0,
      joined: false,
    });
  const heapLen = sc.brk - sc.heapStart;
  regions.push({
    kind: 'heap',
    label: '[heap] (brk)',
    start: sc.heapStart,
    length: heapLen,
    residentBytes: countBits(s.brkResidentWords) * 4096,
    bits: s.brkResidentWords,
    bitsOffset: 0,
    x: 0,
    w: 0,
    joined: false,
  });
  const m = s.mappings;
  for (let i = 0; i < m.count; i++) {
    const kind = m.tags[m.tag[i]] ?? 'other';
    regions.push({
      kind,
      label: m.labels[i] || kind,
      start: m.start[i],
      length: m.length[i],
      residentBytes: m.residentPages[i] * 4096,
      bits: m.bits,
      bitsOffset: m.bitsOffset[i],
      x: 0,
      w: 0,
      joined: false,
    });
  }
  let x = 0;
  for (let i = 0; i < regions.length; i++) {
    const r = regions[i];
    const prev = regions[i - 1];
    r.joined = prev !== undefined && prev.kind !== 'interpreter' && prev.start + prev.length === r.start;
    if (i > 0 && !r.joined) x += GAP;
    r.x = x;
    r.w = widthOf(r.length);
    x += r.w;
  }
  return { regions, total: x };
}

export const addressLayout = memoByLayers(build);

function countBits(words: Uint32Array): number {
  let n = 0;
  for (let i = 0; i < words.length; i++) {
    let x = words[i];
    x = x - ((x >>> 1) & 0x55555555);
    x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
    n += (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }
  return n;
}

/** Fraction of resident pages of region r within [fromByte, toByte) of its own offsets. */
export function residentFraction(r: LayoutRegion, fromByte: number, toByte: number): number {
  if (!r.bits) return 1;
  const p0 = Math.floor(fromByte / 4096);
  const p1 = Math.max(p0 + 1, Math.ceil(toByte / 4096));
  let n = 0;
  for (let p = p0; p < p1; p++) {
    const bit = r.bitsOffset * 32 + p;
    if ((r.bits[bit >>> 5] >>> (bit & 31)) & 1) n++;
  }
  return n / (p1 - p0);
}
