import type { Kernel } from '../kernel/kernel';
import {
  BUCKET_BYTES,
  BUCKET_STATES,
  type GlibcArenaSection,
  type GlibcSection,
  type HeapColumns,
} from '../libc/section';
import type { Arena } from './arena';
import type { HeapInfo } from './heap';
import type { GlibcMalloc } from './malloc';

/**
 * glibc's part of a snapshot: the brk heap's chunks as columns, every thread arena's heaps the
 * same way, the tcaches, the mmapped chunks, mp_.
 */
export function glibcSection(g: GlibcMalloc): GlibcSection {
  const mp = g.mp;
  const mm = [...mp.mmapped.entries()].sort((a, b) => a[0] - b[0]);
  const mainTcache = g.mainTcache();
  const arenas: GlibcArenaSection[] = [];
  for (const av of g.arenas.all) {
    if (av.main) continue;
    arenas.push({
      index: av.index,
      systemMem: av.systemMem,
      attachedThreads: av.attachedThreads,
      heaps: av.heapChain.map((h) => ({
        start: h.addr,
        size: h.size,
        mprotectSize: h.mprotectSize,
        columns: threadHeapColumns(av, h, g.kernel),
      })),
    });
  }
  return {
    kind: 'glibc',
    version: g.version,
    mallinfo: g.mallinfo2(),
    mp: {
      mmapThreshold: mp.mmapThreshold,
      trimThreshold: mp.trimThreshold,
      topPad: mp.topPad,
      tcacheCount: mp.tcacheCount,
    },
    heap: brkHeapColumns(g.av, g.kernel),
    tcacheCounts: mainTcache ? mainTcache.counts.slice() : new Uint16Array(64),
    mmappedChunks: { address: Float64Array.from(mm, (e) => e[0]), size: Float64Array.from(mm, (e) => e[1]) },
    arenas,
    threads: [...g.threadStates()].map((t) => ({
      tid: t.tid,
      arena: t.arena ? t.arena.index : -1,
      tcacheCounts: t.tcache ? t.tcache.counts.slice() : null,
    })),
  };
}

/** The brk heap in address order, from its lowest chunk (the index's block 0 names it). */
function brkHeapColumns(av: Arena, kernel: Kernel): HeapColumns {
  const st = av.store;
  let first = -1;
  if (av.top >= 0) {
    first = st.first;
    if (first < 0) for (first = av.top; st.prevPhys[first] >= 0;) first = st.prevPhys[first];
  }
  const pages = Math.ceil((kernel.brk - kernel.heapStart) / 4096);
  return columns(av, first, 0, kernel.heapPages.raw.slice(0, Math.ceil(pages / 32)));
}

/** One thread heap, from its first chunk (after heap_info, and the malloc_state in the first heap). */
function threadHeapColumns(av: Arena, h: HeapInfo, kernel: Kernel): HeapColumns {
  const st = av.store;
  let first = -1;
  for (let g = h.g0; g < h.g0 + h.size / 16 && first < 0; g++) first = st.find(g);
  const m = kernel.mappingAt(h.addr);
  const words = Math.ceil(Math.ceil(h.size / 4096) / 32);
  const resident = m && m.start === h.addr ? m.resident.raw.slice(0, words) : new Uint32Array(words);
  return columns(av, first, h.g0, resident);
}

function columns(av: Arena, first: number, g0: number, residentWords: Uint32Array): HeapColumns {
  const st = av.store;
  let n = 0;
  for (let s = first; s >= 0; s = st.nextPhys[s]) n++;
  const gran = new Int32Array(n);
  const sizeG = new Int32Array(n);
  const state = new Uint8Array(n);
  let i = 0;
  for (let s = first; s >= 0 && i < n; s = st.nextPhys[s], i++) {
    gran[i] = st.gran[s] - g0;
    sizeG[i] = st.sizeG[s];
    state[i] = st.state(s);
  }
  return { count: n, gran, sizeG, state, residentWords, buckets: bucketColumns(gran, sizeG, state, n) };
}

/** Bytes of each chunk state in every BUCKET_BYTES of heap (the page's level of detail). */
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
