import { LibcAbort } from '../libc/trace';
import { ChunkState } from './chunkStore';
import { FASTBIN_CONSOLIDATION_THRESHOLD, NFASTBINS, csize2tidx, fastbinIndex } from './constants';
import type { Arena } from './arena';
import type { Tcache } from './tcache';
import { systrim } from './sysmalloc';

/** Raised where glibc would print a message and abort() (malloc_printerr). */
export class GlibcAbort extends LibcAbort {
  constructor(message: string) {
    super(message);
    this.name = 'GlibcAbort';
  }
}

/**
 * _int_free(av, p) for a heap chunk slot in use: tcache (count < tcache_count), then a fastbin
 * (size ≤ max_fast), else coalesce backward and forward into the unsorted head or into top, and for
 * a merged size ≥ 64 KiB consolidate fastbins and trim top when it reached trim_threshold.
 */
export function intFree(av: Arena, p: number, tc: Tcache | null): void {
  const st = av.store;
  const size = av.size(p);
  const mp = av.mp;

  if (tc !== null) {
    const tcIdx = csize2tidx(size);
    if (tcIdx < mp.tcacheBins) {
      if (st.state(p) === ChunkState.Tcache) {
        // e->key matches: glibc walks this thread's bin; another thread's tcache it cannot see.
        if (tc.holds(av, p, tcIdx)) throw new GlibcAbort('free(): double free detected in tcache 2');
        throw new GlibcAbort(UNDETECTED_DOUBLE_FREE);
      }
      if (tc.counts[tcIdx] < mp.tcacheCount) {
        tc.put(av, p, tcIdx);
        return;
      }
    }
  }

  if (size <= mp.maxFast) {
    // TRIM_FASTBINS is 0: even a chunk bordering top goes to its fastbin.
    const idx = fastbinIndex(size);
    av.haveFastchunks = true;
    if (av.fastHead[idx] === p) throw new GlibcAbort('double free or corruption (fasttop)');
    av.fastPush(p, idx);
    return;
  }

  if (p === av.top) throw new GlibcAbort('double free or corruption (top)');
  const next = st.nextPhys[p];
  if (!st.prevInuse(next)) throw new GlibcAbort('double free or corruption (!prev)');

  const merged = coalesce(av, p);
  if (merged >= FASTBIN_CONSOLIDATION_THRESHOLD) {
    if (av.haveFastchunks) mallocConsolidate(av);
    if (av.main) {
      if (av.size(av.top) >= mp.trimThreshold) systrim(av, mp.topPad);
    } else {
      // Always try heap_trim(), even if the top chunk is not large: its heap might go away.
      av.heaps.heapTrim(av.heapOf(st.gran[av.top]), mp.topPad);
    }
  }
}

/** What the simulator says where glibc would not notice a double free (it would corrupt its lists). */
export const UNDETECTED_DOUBLE_FREE =
  'free(): double free that glibc 2.36 does not detect (it would corrupt its free lists)';

/**
 * The consolidation shared by _int_free and malloc_consolidate: merge p with a free lower
 * neighbour (unlink it) and a free upper neighbour (unlink it), then put the result at the head of
 * the unsorted bin, or make it top when the upper neighbour is top. Returns the merged size.
 */
function coalesce(av: Arena, p: number): number {
  const st = av.store;
  const next = st.nextPhys[p];

  if (!st.prevInuse(p)) {
    const prev = st.prevPhys[p];
    av.unlinkChunk(prev);
    st.sizeG[prev] = st.sizeG[prev] + st.sizeG[p];
    st.unlinkAndRelease(p);
    p = prev;
  }

  if (next !== av.top) {
    const nextInuse = st.prevInuse(st.nextPhys[next]);
    if (!nextInuse) {
      av.unlinkChunk(next);
      st.sizeG[p] = st.sizeG[p] + st.sizeG[next];
      st.unlinkAndRelease(next);
    } else {
      st.setPrevInuse(next, false);
    }
    // set_head and set_foot write existing chunks' headers: resident pages (Arena.w).
    st.setPrevInuse(p, true);
    av.insertUnsortedHead(p);
    return av.size(p);
  }

  st.sizeG[p] = st.sizeG[p] + st.sizeG[next];
  st.unlinkAndRelease(next);
  st.setPrevInuse(p, true);
  st.setState(p, ChunkState.Top);
  av.top = p;
  return av.size(p);
}

/** malloc_consolidate: empty every fastbin (0..9, each from its head) through coalesce. */
export function mallocConsolidate(av: Arena): void {
  av.haveFastchunks = false;
  for (let idx = 0; idx < NFASTBINS; idx++) {
    let p = av.fastHead[idx];
    av.fastHead[idx] = -1;
    while (p >= 0) {
      const nextp = av.store.fd[p];
      av.fastChunks--;
      av.fastBytes -= av.size(p);
      coalesce(av, p);
      p = nextp;
    }
  }
}

/**
 * What glibc says when free() gets a chunk that is not in use, following _int_free's own checks in
 * order; where glibc would not notice (it would corrupt its lists) the simulation stops all the same.
 */
export function doubleFreeMessage(av: Arena, p: number, tc: Tcache | null): string {
  const st = av.store;
  const mp = av.mp;
  const size = av.size(p);
  const tcIdx = csize2tidx(size);
  if (tc !== null && tcIdx < mp.tcacheBins) {
    if (st.state(p) === ChunkState.Tcache && tc.holds(av, p, tcIdx))
      return 'free(): double free detected in tcache 2';
    if (tc.counts[tcIdx] < mp.tcacheCount) return UNDETECTED_DOUBLE_FREE;
  }
  if (size <= mp.maxFast)
    return av.fastHead[(size >> 4) - 2] === p
      ? 'double free or corruption (fasttop)'
      : UNDETECTED_DOUBLE_FREE;
  if (p === av.top) return 'double free or corruption (top)';
  if (!st.prevInuse(st.nextPhys[p])) return 'double free or corruption (!prev)';
  return UNDETECTED_DOUBLE_FREE;
}
