import { glibcOf, type HeapColumns, type Snapshot } from '../engine/trace/snapshot';

/**
 * What changed between two snapshots, for every view: heap bytes newly in use, freed, and
 * released (given back to the kernel: the break moved down or pages dropped), mappings made or
 * unmapped, arenas and pools that filled or emptied. Without allocation ids a chunk freed and
 * another allocated at the same place and size reads as unchanged.
 */
export const enum Change {
  New = 1,
  Freed = 2,
  Released = 3,
}

export interface Ranges {
  from: number[];
  to: number[];
  kind: Change[];
}

export interface Changes {
  /** Heap offsets (bytes from heapStart of the newer snapshot). */
  heap: Ranges;
  /** Mappings made (New) or unmapped (Released), by address; resident pages dropped inside kept ones (Released). */
  regions: { start: number; length: number; kind: Change; label: string }[];
  /** Arena and pool addresses whose use rose (New) or fell (Freed); arenas unmapped (Released). */
  arenas: Map<number, Change>;
  pools: Map<number, Change>;
  /**
   * The C library's own units by address (jemalloc extents, mimalloc pages and segments): more in
   * use (New), less (Freed), pages given back to the kernel (Released).
   */
  units: Map<number, Change>;
  bytes: { allocated: number; freed: number; released: number };
}

/** In-use byte intervals of a heap (state 1), merged, in offsets. */
function inUse(h: HeapColumns): [number[], number[]] {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < h.count; i++) {
    if (h.state[i] !== 1) continue;
    const s = h.gran[i] * 16;
    const e = s + h.sizeG[i] * 16;
    if (b.length && b[b.length - 1] === s) b[b.length - 1] = e;
    else {
      a.push(s);
      b.push(e);
    }
  }
  return [a, b];
}

/** x − y over sorted disjoint intervals, appended to `out` as `kind`. */
function subtract(x: [number[], number[]], y: [number[], number[]], kind: Change, out: Ranges): number {
  let j = 0;
  let bytes = 0;
  for (let i = 0; i < x[0].length; i++) {
    let s = x[0][i];
    const e = x[1][i];
    while (j < y[0].length && y[1][j] <= s) j++;
    let k = j;
    while (s < e) {
      if (k >= y[0].length || y[0][k] >= e) {
        push(out, s, e, kind);
        bytes += e - s;
        break;
      }
      if (y[0][k] > s) {
        push(out, s, y[0][k], kind);
        bytes += y[0][k] - s;
      }
      s = Math.max(s, y[1][k]);
      k++;
    }
  }
  return bytes;
}

function push(r: Ranges, from: number, to: number, kind: Change): void {
  const n = r.from.length;
  if (n && r.kind[n - 1] === kind && r.to[n - 1] === from) r.to[n - 1] = to;
  else {
    r.from.push(from);
    r.to.push(to);
    r.kind.push(kind);
  }
}

const bit = (w: Uint32Array, p: number): boolean =>
  p >>> 5 < w.length && ((w[p >>> 5] >>> (p & 31)) & 1) === 1;

export function diffSnapshots(before: Snapshot, after: Snapshot): Changes {
  const heap: Ranges = { from: [], to: [], kind: [] };
  const hs = after.scalars.heapStart;
  const shift = before.scalars.heapStart - hs;
  const g0 = glibcOf(before);
  const g1 = glibcOf(after);
  const empty: [number[], number[]] = [[], []];
  const prev = g0 ? inUse(g0.heap) : empty;
  if (shift !== 0) for (const side of prev) for (let i = 0; i < side.length; i++) side[i] += shift;
  const cur = g1 ? inUse(g1.heap) : empty;
  const allocated = subtract(cur, prev, Change.New, heap);
  const freed = subtract(prev, cur, Change.Freed, heap);
  // Pages of the heap resident before and not now (the break moved down, or free() trimmed).
  let released = 0;
  const pagesBefore = Math.ceil((before.scalars.brk - before.scalars.heapStart) / 4096);
  let runStart = -1;
  for (let p = 0; p <= pagesBefore; p++) {
    const gone = p < pagesBefore && bit(before.brkResidentWords, p) && !bit(after.brkResidentWords, p);
    if (gone && runStart < 0) runStart = p;
    if (!gone && runStart >= 0) {
      push(heap, runStart * 4096, p * 4096, Change.Released);
      released += (p - runStart) * 4096;
      runStart = -1;
    }
  }
  // Keep the ranges in address order (the strip draws them left to right).
  const order = heap.from.map((_, i) => i).sort((a, b) => heap.from[a] - heap.from[b]);
  const sorted: Ranges = {
    from: order.map((i) => heap.from[i]),
    to: order.map((i) => heap.to[i]),
    kind: order.map((i) => heap.kind[i]),
  };

  const regions: Changes['regions'] = [];
  const m0 = before.mappings;
  const m1 = after.mappings;
  const starts1 = new Map<number, number>();
  for (let i = 0; i < m1.count; i++) starts1.set(m1.start[i], i);
  const starts0 = new Set<number>();
  for (let i = 0; i < m0.count; i++) {
    starts0.add(m0.start[i]);
    const j = starts1.get(m0.start[i]);
    if (j === undefined) {
      regions.push({
        start: m0.start[i],
        length: m0.length[i],
        kind: Change.Released,
        label: m0.labels[i] ?? m0.tags[m0.tag[i]],
      });
      released += m0.residentPages[i] * 4096;
    } else if (m1.residentPages[j] < m0.residentPages[i]) {
      released += (m0.residentPages[i] - m1.residentPages[j]) * 4096;
    }
  }
  for (let i = 0; i < m1.count; i++)
    if (!starts0.has(m1.start[i]))
      regions.push({
        start: m1.start[i],
        length: m1.length[i],
        kind: Change.New,
        label: m1.labels[i] ?? m1.tags[m1.tag[i]],
      });

  const arenas = new Map<number, Change>();
  const pools = new Map<number, Change>();
  const a0 = before.arenas;
  const a1 = after.arenas;
  if (a0 && a1) {
    const used0 = new Map<number, number>();
    const rows0 = new Map<number, number>();
    for (let r = 0; r < a0.count; r++) {
      rows0.set(a0.address[r], r);
      for (let c = 0; c < a0.poolCount[r]; c++)
        used0.set(a0.firstPool[r] + c * 16384, a0.poolUsed[r * 64 + c]);
    }
    for (let r = 0; r < a1.count; r++) {
      const before0 = rows0.get(a1.address[r]);
      if (before0 === undefined) arenas.set(a1.address[r], Change.New);
      rows0.delete(a1.address[r]);
      for (let c = 0; c < a1.poolCount[r]; c++) {
        const addr = a1.firstPool[r] + c * 16384;
        const u0 = used0.get(addr) ?? 0;
        const u1 = a1.poolUsed[r * 64 + c];
        if (u1 > u0) pools.set(addr, Change.New);
        else if (u1 < u0) pools.set(addr, Change.Freed);
      }
    }
    for (const addr of rows0.keys()) arenas.set(addr, Change.Released);
  }
  return {
    heap: sorted,
    regions,
    arenas,
    pools,
    units: unitChanges(before, after),
    bytes: { allocated, freed, released },
  };
}

/** jemalloc extents and mimalloc pages and segments whose use or residency changed, by address. */
function unitChanges(before: Snapshot, after: Snapshot): Map<number, Change> {
  const out = new Map<number, Change>();
  const l0 = before.libc;
  const l1 = after.libc;
  if (l0.kind === 'jemalloc' && l1.kind === 'jemalloc') {
    const was = new Map<number, [number, number]>();
    const e0 = l0.extents;
    for (let i = 0; i < e0.address.length; i++) was.set(e0.address[i], [e0.state[i], e0.used[i]]);
    const e = l1.extents;
    for (let i = 0; i < e.address.length; i++) {
      const w = was.get(e.address[i]);
      const st = e.state[i];
      const active = st <= 1;
      if (active && (!w || w[0] > 1 || e.used[i] > w[1])) out.set(e.address[i], Change.New);
      else if (active && w && e.used[i] < w[1]) out.set(e.address[i], Change.Freed);
      else if (st === 2 && (!w || w[0] <= 1)) out.set(e.address[i], Change.Freed);
      else if (st >= 3 && w && w[0] <= 2) out.set(e.address[i], Change.Released);
    }
  } else if (l0.kind === 'mimalloc' && l1.kind === 'mimalloc') {
    const used0 = new Map<number, number>();
    for (let i = 0; i < l0.pages.address.length; i++) used0.set(l0.pages.address[i], l0.pages.used[i]);
    const p = l1.pages;
    for (let i = 0; i < p.address.length; i++) {
      const u = used0.get(p.address[i]) ?? 0;
      if (p.used[i] > u) out.set(p.address[i], Change.New);
      else if (p.used[i] < u) out.set(p.address[i], Change.Freed);
    }
    const committed0 = new Map<number, number>();
    const s0 = l0.segments;
    for (let i = 0; i < s0.address.length; i++) committed0.set(s0.address[i], s0.committed[i]);
    const s = l1.segments;
    for (let i = 0; i < s.address.length; i++)
      if (s.committed[i] < (committed0.get(s.address[i]) ?? 0)) out.set(s.address[i], Change.Released);
  }
  return out;
}
