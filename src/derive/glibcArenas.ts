import { GLIBC_CHUNK_STATE, type GlibcSection, type HeapColumns } from '../engine/libc/section';

/** One heap of a thread arena, summed from its chunks. */
export interface ArenaHeapRow {
  start: number;
  /** h->size: the part in use (the rest of the read-write part went back with MADV_DONTNEED). */
  size: number;
  mprotectSize: number;
  inUse: number;
  /** Free chunks in bins (tcache ones count as in use for glibc, but they are free to the script). */
  free: number;
  tcache: number;
  top: number;
  chunks: number;
  columns: HeapColumns;
}

export interface ArenaRow {
  index: number;
  systemMem: number;
  attachedThreads: number;
  /** Live threads whose arena it is, with the chunks their tcache holds. */
  threads: { tid: number; cached: number }[];
  heaps: ArenaHeapRow[];
}

function sumHeap(c: HeapColumns): Pick<ArenaHeapRow, 'inUse' | 'free' | 'tcache' | 'top' | 'chunks'> {
  let inUse = 0;
  let free = 0;
  let tcache = 0;
  let top = 0;
  for (let i = 0; i < c.count; i++) {
    const b = c.sizeG[i] * 16;
    const s = c.state[i];
    if (s === GLIBC_CHUNK_STATE.InUse) inUse += b;
    else if (s === GLIBC_CHUNK_STATE.Tcache) tcache += b;
    else if (s === GLIBC_CHUNK_STATE.Top) top += b;
    else free += b;
  }
  return { inUse, free, tcache, top, chunks: c.count };
}

/** glibc's thread arenas as the view lists them: heaps summed, threads attached (main arena apart). */
export function arenaRows(g: GlibcSection): ArenaRow[] {
  return (g.arenas ?? []).map((a) => ({
    index: a.index,
    systemMem: a.systemMem,
    attachedThreads: a.attachedThreads,
    threads: (g.threads ?? [])
      .filter((t) => t.arena === a.index)
      .map((t) => ({ tid: t.tid, cached: t.tcacheCounts ? t.tcacheCounts.reduce((n, x) => n + x, 0) : 0 })),
    heaps: a.heaps.map((h) => ({
      start: h.start,
      size: h.size,
      mprotectSize: h.mprotectSize,
      columns: h.columns,
      ...sumHeap(h.columns),
    })),
  }));
}
