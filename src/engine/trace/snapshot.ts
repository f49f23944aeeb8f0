import type { PymallocArenaColumns } from '../pymalloc/views';
import type { Kernel } from '../kernel/kernel';
import type { LibcModel } from '../libc/libc';
import { glibcSection, type GlibcSection, type LibcSection } from '../libc/section';
import type { Sentence } from '../explain/types';

/**
 * A compact picture of the whole process at one position, built for postMessage: every column is
 * a typed array whose buffer goes in the transfer list (see `snapshotBuffers`), so a million heap
 * chunks cost 9 bytes each and no structured-clone walk. Pure: no DOM, no worker, no UI.
 *
 * The C library's part is its own section (libc/section.ts), one variant per implementation.
 * Everything else is in bytes of address.
 */

export {
  BUCKET_BYTES,
  BUCKET_STATES,
  glibcSection,
  type GlibcSection,
  type HeapColumns,
  type LibcSection,
} from '../libc/section';

/** Pool states as the pymalloc view draws them. */
export const enum PoolState {
  Uncarved = 0,
  Empty = 1,
  Used = 2,
  Full = 3,
}

export interface MappingColumns {
  count: number;
  start: Float64Array;
  length: Float64Array;
  /** Index into `tags`. */
  tag: Uint8Array;
  residentPages: Float64Array;
  /** The tags the mappings use (the kernel's tags are strings the caller chose: 'glibc-mmap', 'pymalloc-arena', …). */
  tags: string[];
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
}

export interface Snapshot {
  /** Statements completed (0..N) and events recorded so far. */
  statement: number;
  event: number;
  scalars: SnapshotScalars;
  /** Residency of the brk heap's pages, one bit a page from heapStart (whoever uses the heap). */
  brkResidentWords: Uint32Array;
  /** The C library's memory, as its implementation describes it. */
  libc: LibcSection;
  mappings: MappingColumns;
  arenas: ArenaColumns | null;
  pymallocStats: Record<string, number> | null;
  explain: Sentence[];
}

export interface SnapshotSource {
  kernel: Kernel;
  libc: LibcModel;
  pymalloc?: ArenaSource | null;
}

/** The snapshot's glibc section, or null when the process runs on another allocator. */
export const glibcOf = (s: Snapshot): GlibcSection | null => glibcSection(s.libc);

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
  const tags: string[] = [];
  for (let i = 0; i < n; i++) {
    const m = ms[i];
    start[i] = m.start;
    length[i] = m.length;
    let t = tags.indexOf(m.tag);
    if (t < 0) t = tags.push(m.tag) - 1;
    tag[i] = t;
    residentPages[i] = m.resident.count;
    bits.set(m.resident.raw.subarray(0, bitsOffset[i + 1] - bitsOffset[i]), bitsOffset[i]);
    labels.push(m.label);
  }
  return { count: n, start, length, tag, residentPages, tags, bitsOffset, bits, labels };
}

/** Build the snapshot of the process as it stands now. */
export function buildSnapshot(
  src: SnapshotSource,
  statement: number,
  event: number,
  explain: Sentence[],
): Snapshot {
  const { kernel, libc } = src;
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
    },
    brkResidentWords: kernel.heapPages.raw.slice(
      0,
      Math.ceil(Math.ceil((kernel.brk - kernel.heapStart) / 4096) / 32),
    ),
    libc: libc.snapshot(),
    mappings: mappingColumns(kernel),
    arenas,
    pymallocStats: src.pymalloc ? src.pymalloc.statsRecord() : null,
    explain,
  };
}
