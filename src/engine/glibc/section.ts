import type { Kernel } from '../kernel/kernel';
import { BUCKET_BYTES, BUCKET_STATES, type GlibcSection, type HeapColumns } from '../libc/section';
import type { GlibcMalloc } from './malloc';
import type { Arena } from './arena';

/** glibc's part of a snapshot: the heap's chunks as columns, the tcache, the mmapped chunks, mp_. */
export function glibcSection(g: GlibcMalloc): GlibcSection {
  const av = g.av;
  const mp = g.mp;
  const mm = [...mp.mmapped.entries()].sort((a, b) => a[0] - b[0]);
  const mainTcache = g.mainTcache();
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
    heap: heapColumns(av, g.kernel),
    tcacheCounts: mainTcache ? mainTcache.counts.slice() : new Uint16Array(64),
    mmappedChunks: { address: Float64Array.from(mm, (e) => e[0]), size: Float64Array.from(mm, (e) => e[1]) },
  };
}

/** Walk the heap in address order (from the lowest chunk along nextPhys) into columns. */
function heapColumns(av: Arena, kernel: Kernel): HeapColumns {
  const st = av.store;
  let n = 0;
  let first = -1;
  if (av.top >= 0) {
    // The lowest chunk is the one with no lower neighbour. The index's block 0 is always it (the heap
    // starts page aligned), which avoids a million-step walk down prevPhys.
    first = st.first;
    if (first < 0) for (first = av.top; st.prevPhys[first] >= 0;) first = st.prevPhys[first];
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
