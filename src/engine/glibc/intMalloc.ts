import { ChunkState } from './chunkStore';
import {
  MAX_ITERS,
  MINSIZE,
  csize2tidx,
  fastbinIndex,
  inSmallbinRange,
  largebinIndex,
  smallbinIndex,
} from './constants';
import { mallocConsolidate } from './intFree';
import type { Arena } from './arena';
import type { Tcache } from './tcache';
import { sysmalloc } from './sysmalloc';

/**
 * _int_malloc(av, nb) for a normalized chunk size nb: fastbin, smallbin, the unsorted scan (exact
 * fits to tcache, last_remainder, sorting into bins), large-bin best fit, the binmap scan, top, and
 * last sysmalloc. Returns the user pointer, or 0 for NULL.
 */
export function intMalloc(av: Arena, nb: number, tc: Tcache | null): number {
  const st = av.store;
  const mp = av.mp;
  let idx: number;

  if (nb <= mp.maxFast) {
    idx = fastbinIndex(nb);
    if (av.fastHead[idx] >= 0) {
      const victim = av.fastPop(idx);
      if (tc !== null) {
        // Stash the rest of this fastbin in the tcache while there is room.
        const tcIdx = csize2tidx(nb);
        if (tcIdx < mp.tcacheBins) {
          while (tc.counts[tcIdx] < mp.tcacheCount && av.fastHead[idx] >= 0)
            tc.put(av, av.fastPop(idx), tcIdx);
        }
      }
      return av.mem(victim);
    }
  }

  if (inSmallbinRange(nb)) {
    idx = smallbinIndex(nb);
    const victim = st.bk[idx];
    if (victim !== idx) {
      takeFromSmallbin(av, victim, idx, nb);
      if (tc !== null) {
        const tcIdx = csize2tidx(nb);
        if (tcIdx < mp.tcacheBins) {
          let tv: number;
          while (tc.counts[tcIdx] < mp.tcacheCount && (tv = st.bk[idx]) !== idx) {
            takeFromSmallbin(av, tv, idx, nb);
            tc.put(av, tv, tcIdx);
          }
        }
      }
      return av.mem(victim);
    }
  } else {
    idx = largebinIndex(nb);
    if (av.haveFastchunks) mallocConsolidate(av);
  }

  const tcIdx = csize2tidx(nb);
  const tcacheNb = tc !== null && tcIdx < mp.tcacheBins ? nb : 0;
  let returnCached = false;
  let unsortedCount = 0;

  for (;;) {
    let iters = 0;
    let victim: number;
    while ((victim = st.bk[1]) !== 1) {
      const bck = st.bk[victim];
      const size = av.size(victim);

      // A small request takes a split of last_remainder when it is the only unsorted chunk.
      if (inSmallbinRange(nb) && bck === 1 && st.gran[victim] === av.lastRemainder && size > nb + MINSIZE) {
        const rem = splitOff(av, victim, nb);
        st.fd[1] = rem;
        st.bk[1] = rem;
        st.fd[rem] = 1;
        st.bk[rem] = 1;
        av.lastRemainder = st.gran[rem];
        st.setState(rem, ChunkState.Unsorted);
        av.w(rem, 16);
        if (!inSmallbinRange(size - nb)) av.clearNextsize(rem);
        av.binBytes -= nb;
        st.setState(victim, ChunkState.InUse);
        return av.mem(victim);
      }

      // Remove from the unsorted list (from its tail: FIFO).
      st.bk[1] = bck;
      st.fd[bck] = 1;
      av.binChunks--;
      av.binBytes -= size;

      if (size === nb) {
        av.setInuseBitAfter(victim);
        if (tcacheNb && tc!.counts[tcIdx] < mp.tcacheCount) {
          // Fill the cache first; one of these is returned after the scan.
          tc!.put(av, victim, tcIdx);
          returnCached = true;
          continue;
        }
        st.setState(victim, ChunkState.InUse);
        return av.mem(victim);
      }

      const vIndex = inSmallbinRange(size) ? smallbinIndex(size) : largebinIndex(size);
      av.placeInBin(victim, size, vIndex);

      // tcache_unsorted_limit: after that many sorted chunks, hand out one of those cached so far.
      unsortedCount++;
      if (returnCached && mp.tcacheUnsortedLimit > 0 && unsortedCount > mp.tcacheUnsortedLimit)
        return tc!.get(tcIdx);

      if (++iters >= MAX_ITERS) break;
    }

    if (returnCached) return tc!.get(tcIdx);

    if (!inSmallbinRange(nb)) {
      const first = st.fd[idx];
      if (first !== idx && av.size(first) >= nb) {
        // Best fit: walk the size groups from the smallest up (bk_nextsize).
        let v = av.bkNext.get(first);
        let size: number;
        while ((size = av.size(v)) < nb) v = av.bkNext.get(v);
        // Take the second chunk of the group so the skip list need not be rerouted.
        if (v !== st.bk[idx] && av.size(st.fd[v]) === size) v = st.fd[v];
        av.unlinkChunk(v);
        takeSplit(av, v, size, nb, false);
        return av.mem(v);
      }
    }

    // Binmap scan: the smallest chunk of the next non-empty bin above idx.
    const found = scanBinmap(av, idx + 1);
    if (found >= 0) {
      const size = av.size(found);
      av.unlinkChunk(found);
      takeSplit(av, found, size, nb, inSmallbinRange(nb));
      return av.mem(found);
    }

    // use_top
    const top = av.top;
    const topSize = top >= 0 ? av.size(top) : 0;
    if (top >= 0 && topSize >= nb + MINSIZE) return av.mem(splitTop(av, nb));
    if (av.haveFastchunks) {
      mallocConsolidate(av);
      idx = inSmallbinRange(nb) ? smallbinIndex(nb) : largebinIndex(nb);
      continue;
    }
    return sysmalloc(av, nb, tc);
  }
}

function takeFromSmallbin(av: Arena, victim: number, bin: number, nb: number): void {
  const st = av.store;
  const bck = st.bk[victim];
  av.setInuseBitAfter(victim);
  st.bk[bin] = bck;
  st.fd[bck] = bin;
  av.binChunks--;
  av.binBytes -= nb;
  st.setState(victim, ChunkState.InUse);
}

/** Split nb bytes off the low end of free chunk `victim` (already unlinked): returns the remainder's slot. */
function splitOff(av: Arena, victim: number, nb: number): number {
  const st = av.store;
  const nbG = nb / 16;
  const remSizeG = st.sizeG[victim] - nbG;
  const rem = st.alloc(st.gran[victim] + nbG, remSizeG, ChunkState.Unsorted, true);
  st.linkAfter(victim, rem);
  st.sizeG[victim] = nbG;
  av.w(rem, 8); // set_head(remainder): a new header (the victim's and the footer's pages are resident)
  return rem;
}

/**
 * After unlinking a bin chunk of `size` for nb: exhaust it (remainder < MINSIZE) or split and put
 * the remainder at the unsorted head; a small request's remainder becomes last_remainder when
 * `advertise` (binmap path only).
 */
function takeSplit(av: Arena, v: number, size: number, nb: number, advertise: boolean): void {
  const st = av.store;
  if (size - nb < MINSIZE) {
    av.setInuseBitAfter(v);
  } else {
    const rem = splitOff(av, v, nb);
    av.insertUnsortedHead(rem);
    if (advertise) av.lastRemainder = st.gran[rem];
  }
  st.setState(v, ChunkState.InUse);
}

/** Carve nb bytes from the low end of top; returns the victim's slot. */
export function splitTop(av: Arena, nb: number): number {
  const st = av.store;
  const victim = av.top;
  const nbG = nb / 16;
  const rem = st.alloc(st.gran[victim] + nbG, st.sizeG[victim] - nbG, ChunkState.Top, true);
  st.linkAfter(victim, rem);
  st.sizeG[victim] = nbG;
  st.setState(victim, ChunkState.InUse);
  av.top = rem;
  av.w(rem, 8);
  return victim;
}

/** The binmap walk from bin `start`: returns the tail chunk of the first non-empty bin, clearing stale bits. */
function scanBinmap(av: Arena, start: number): number {
  const st = av.store;
  const map = av.binmap;
  for (let i = start; i < 128;) {
    const block = i >> 5;
    const bits = map[block] >>> (i & 31);
    if (bits === 0) {
      i = (block + 1) << 5;
      continue;
    }
    i += 31 - Math.clz32(bits & -bits);
    const last = st.bk[i];
    if (last !== i) return last;
    map[block] &= ~(1 << (i & 31));
    i++;
  }
  return -1;
}
