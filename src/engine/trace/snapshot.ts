import type { PymallocArenaColumns } from '../pymalloc/views';
import type { Kernel } from '../kernel/kernel';
import type { MappingTag } from '../kernel/mapping';
import type { GlibcMalloc, Mallinfo2 } from '../glibc/malloc';
import type { Sentence } from '../explain/types';

/**
 * A compact picture of the whole process at one position, built for postMessage: every column is
 * a typed array whose buffer goes in the transfer list (see `snapshotBuffers`), so a million heap
 * chunks cost 9 bytes each and no structured-clone walk. Pure: no DOM, no worker, no UI.
 *
 * Coordinate space: heap chunks are in granules of 16 bytes from `heapStart` (the store's own
 * unit, an Int32 up to 32 GiB); everything else is in bytes of address.
 */

export const MAPPING_TAGS: readonly MappingTag[] = [
  'heap',
  'glibc-mmap',
  'pymalloc-arena',
  'interpreter',
  'numpy',
  'other',
];

/** Pool states as the pymalloc view draws them. */
export const enum PoolState {
  Uncarved = 0,
  Empty = 1,
  Used = 2,
  Full = 3,
}

export interface HeapColumns {
  /** Chunks in address order, top included (last). */
  count: number;
  gran: Int32Array;
  sizeG: Int32Array;
  /** ChunkState per chunk. */
  state: Uint8Array;
  /** Residency of the heap's pages, one bit a page from heapStart. */
  residentWords: Uint32Array;
  /**
   * Level of detail, precomputed here so the page never walks a million chunks on its main thread:
   * bytes of each ChunkState (8 columns) in every BUCKET_BYTES of heap.
   */
  buckets: Float32Array;
}

/** 64 KiB: an 800 MB heap makes 12,800 buckets (400 KB), finer than a pixel at full view. */
export const BUCKET_BYTES = 65536;
export const BUCKET_STATES = 8;

function bucketColumns(gran: Int32Array, sizeG: Int32Array, state: Uint8Array, n: number): Float32Array {
  const bucketG = BUCKET_BYTES / 16;
  const endG = n > 0 ? gran[n - 1] + sizeG[n - 1] : 0;
  const out = new Float32Array(Math.max(1, Math.ceil(endG / bucketG)) * BUCKET_STATES);
  for (let i = 0; i < n; i++) {
    let g = gran[i];
    const end = g + sizeG[i];
    const st = state[i];
    let b = (g / bucketG) | 0;
    if ((((end - 1) / bucketG) | 0) === b) {
      out[b * BUCKET_STATES + st] += (end - g) * 16;
      continue;
    }
    while (g < end) {
      b = (g / bucketG) | 0;
      const stop = Math.min(end, (b + 1) * bucketG);
      out[b * BUCKET_STATES + st] += (stop - g) * 16;
      g = stop;
    }
  }
  return out;
}

export interface MappingColumns {
  count: number;
  start: Float64Array;
  length: Float64Array;
  /** Index into MAPPING_TAGS. */
  tag: Uint8Array;
  residentPages: Float64Array;
  /** Residency bits of every mapping, concatenated; mapping i starts at word bitsOffset[i]. */
  bitsOffset: Uint32Array;
  bits: Uint32Array;
  labels: string[];
}

/** The arena and pool columns a snapshot carries (pymalloc's views.ts documents each). */
export type ArenaColumns = Pick<
  PymallocArenaColumns,
  'count' | 'address' | 'firstPool' | 'poolCount' | 'poolClass' | 'poolUsed' | 'poolState'
>;

/** What a pymalloc model can tell the snapshot (structural, so the engine's class needs no adapter base). */
export interface ArenaSource {
  arenaColumns(): ArenaColumns;
  statsRecord(): Record<string, number>;
}

export interface SnapshotScalars {
  rss: number;
  peakRss: number;
  baselineRss: number;
  heapStart: number;
  brk: number;
  anonMmap: number;
  pymallocArenaBytes: number;
  mmapThreshold: number;
  trimThreshold: number;
  topPad: number;
  tcacheCount: number;
}

export interface Snapshot {
  /** Statements completed (0..N) and events recorded so far. */
  statement: number;
  event: number;
  scalars: SnapshotScalars;
  mallinfo: Mallinfo2;
  heap: HeapColumns;
  tcacheCounts: Uint16Array;
  mappings: MappingColumns;
  mmappedChunks: { address: Float64Array; size: Float64Array };
  arenas: ArenaColumns | null;
  pymallocStats: Record<string, number> | null;
  explain: Sentence[];
}

export interface SnapshotSource {
  kernel: Kernel;
  glibc: GlibcMalloc;
  pymalloc?: ArenaSource | null;
}

/** Walk the heap in address order (from the lowest chunk along nextPhys) into three columns. */
export function heapColumns(glibc: GlibcMalloc, kernel: Kernel): HeapColumns {
  const st = glibc.av.store;
  let n = 0;
  let first = -1;
  if (glibc.av.top >= 0) {
    // The lowest chunk is the one with no lower neighbour: follow prevPhys down from top.
    // pageFirst[0] is always it (the heap starts page aligned), which avoids a million-step walk.
    first = st.pageFirst.length > 0 ? st.pageFirst[0] : -1;
    if (first < 0) for (first = glibc.av.top; st.prevPhys[first] >= 0;) first = st.prevPhys[first];
    for (let s = first; s >= 0; s = st.nextPhys[s]) n++;
  }
  const gran = new Int32Array(n);
  const sizeG = new Int32Array(n);
  const state = new Uint8Array(n);
  let i = 0;
  for (let s = first; s >= 0 && i < n; s = st.nextPhys[s], i++) {
    gran[i] = st.gran[s];
    sizeG[i] = st.sizeG[s];
    state[i] = st.state(s);
  }
  const pages = Math.ceil((kernel.brk - kernel.heapStart) / 4096);
  const residentWords = kernel.heapPages.raw.slice(0, Math.ceil(pages / 32));
  return { count: n, gran, sizeG, state, residentWords, buckets: bucketColumns(gran, sizeG, state, n) };
}

export function mappingColumns(kernel: Kernel): MappingColumns {
  const ms = kernel.mappings;
  const n = ms.length;
  const start = new Float64Array(n);
  const length = new Float64Array(n);
  const tag = new Uint8Array(n);
  const residentPages = new Float64Array(n);
  const bitsOffset = new Uint32Array(n + 1);
  let words = 0;
  for (let i = 0; i < n; i++) {
    bitsOffset[i] = words;
    words += Math.ceil(ms[i].length / 4096 / 32);
  }
  bitsOffset[n] = words;
  const bits = new Uint32Array(words);
  const labels: string[] = [];
  for (let i = 0; i < n; i++) {
    const m = ms[i];
    start[i] = m.start;
    length[i] = m.length;
    tag[i] = Math.max(0, MAPPING_TAGS.indexOf(m.tag));
    residentPages[i] = m.resident.count;
    bits.set(m.resident.raw.subarray(0, bitsOffset[i + 1] - bitsOffset[i]), bitsOffset[i]);
    labels.push(m.label);
  }
  return { count: n, start, length, tag, residentPages, bitsOffset, bits, labels };
}

/** Build the snapshot of the process as it stands now. */
export function buildSnapshot(
  src: SnapshotSource,
  statement: number,
  event: number,
  explain: Sentence[],
): Snapshot {
  const { kernel, glibc } = src;
  const av = glibc.av;
  const mm = [...av.mmapped.entries()].sort((a, b) => a[0] - b[0]);
  const arenas = src.pymalloc ? src.pymalloc.arenaColumns() : null;
  let arenaBytes = 0;
  for (const m of kernel.mappings) if (m.tag === 'pymalloc-arena') arenaBytes += m.length;
  return {
    statement,
    event,
    scalars: {
      rss: kernel.rss,
      peakRss: kernel.peakRss,
      baselineRss: kernel.baselineRss,
      heapStart: kernel.heapStart,
      brk: kernel.brk,
      anonMmap: kernel.anonMmapBytes,
      pymallocArenaBytes: arenaBytes,
      mmapThreshold: av.mmapThreshold,
      trimThreshold: av.trimThreshold,
      topPad: av.topPad,
      tcacheCount: av.tcacheCount,
    },
    mallinfo: glibc.mallinfo2(),
    heap: heapColumns(glibc, kernel),
    tcacheCounts: av.tcacheCounts.slice(),
    mappings: mappingColumns(kernel),
    mmappedChunks: { address: Float64Array.from(mm, (e) => e[0]), size: Float64Array.from(mm, (e) => e[1]) },
    arenas,
    pymallocStats: src.pymalloc ? src.pymalloc.statsRecord() : null,
    explain,
  };
}
