import { ChunkState, FIRST_CHUNK_SLOT } from './chunkStore';
import { NFASTBINS, TCACHE_MAX_BINS, binIndex, fastbinIndex, csize2tidx, inSmallbinRange } from './constants';
import type { GlibcMalloc, Mallinfo2 } from './malloc';

/**
 * A full consistency check of the heap, like glibc's do_check_malloc_state but stricter: the chunks
 * tile [heap start, break) exactly, boundary tags agree (a free chunk's successor has PREV_INUSE
 * clear, every other chunk's successor has it set), every free chunk sits in exactly one bin of its
 * size, no two free chunks touch, large bins are sorted with a consistent nextsize list, and the
 * running mallinfo2 totals equal a walk of the bins. Returns the problems found (empty = sound).
 */
export function checkHeap(g: GlibcMalloc): string[] {
  const av = g.av;
  const st = av.store;
  const errs: string[] = [];
  if (av.top < 0) return errs;

  // Membership: which list each slot is on, from the lists themselves.
  const where = new Map<number, string>();
  const claim = (s: number, list: string): void => {
    if (where.has(s)) errs.push(`chunk ${s} is on ${where.get(s)} and ${list}`);
    where.set(s, list);
  };
  for (let i = 0; i < TCACHE_MAX_BINS; i++) {
    let n = 0;
    for (let s = av.tcacheHead[i]; s >= 0; s = st.fd[s]) {
      claim(s, `tcache ${i}`);
      if (csize2tidx(av.size(s)) !== i) errs.push(`tcache ${i} holds size ${av.size(s)}`);
      n++;
    }
    if (n !== av.tcacheCounts[i]) errs.push(`tcache ${i} count ${av.tcacheCounts[i]} but ${n} entries`);
  }
  let fastN = 0;
  let fastB = 0;
  for (let i = 0; i < NFASTBINS; i++) {
    for (let s = av.fastHead[i]; s >= 0; s = st.fd[s]) {
      claim(s, `fastbin ${i}`);
      if (fastbinIndex(av.size(s)) !== i) errs.push(`fastbin ${i} holds size ${av.size(s)}`);
      fastN++;
      fastB += av.size(s);
    }
  }
  let binN = 0;
  let binB = 0;
  for (let i = 1; i < 128; i++) {
    let prevSize = Infinity;
    for (let s = st.fd[i], prev = i; s !== i; prev = s, s = st.fd[s]) {
      if (s < FIRST_CHUNK_SLOT) {
        errs.push(`bin ${i} links into bin head ${s}`);
        break;
      }
      if (st.bk[s] !== prev) errs.push(`bin ${i}: bk of ${s} is ${st.bk[s]}, expected ${prev}`);
      claim(s, `bin ${i}`);
      const size = av.size(s);
      binN++;
      binB += size;
      if (i > 1 && binIndex(size) !== i) errs.push(`bin ${i} holds size ${size}`);
      if (i >= 64) {
        if (size > prevSize) errs.push(`large bin ${i} not sorted`);
        const leader = size !== prevSize;
        if (leader !== av.fdNext.has(s)) errs.push(`large bin ${i}: chunk ${s} leader=${leader} but nextsize set=${av.fdNext.has(s)}`);
        prevSize = size;
      } else if (i === 1 && !inSmallbinRange(size) && av.fdNext.has(s)) errs.push(`unsorted chunk ${s} has nextsize links`);
    }
  }

  // Tiling and boundary tags, walking the address order.
  let g0 = 0;
  let prevFree = false;
  let count = 0;
  for (let s = firstChunk(g); s >= 0; s = st.nextPhys[s]) {
    count++;
    if (st.gran[s] !== g0) errs.push(`gap or overlap at granule ${g0} (chunk ${s} starts at ${st.gran[s]})`);
    if (st.find(st.gran[s]) !== s) errs.push(`chunk ${s} not found by address`);
    const state = st.state(s);
    const free = state === ChunkState.Unsorted || state === ChunkState.Smallbin || state === ChunkState.Largebin;
    if (st.prevInuse(s) === prevFree) errs.push(`chunk ${s}: PREV_INUSE=${st.prevInuse(s)} but previous free=${prevFree}`);
    if (free && prevFree) errs.push(`two free chunks touch at ${s}`);
    if (free !== (where.has(s) && where.get(s)!.startsWith('bin'))) errs.push(`chunk ${s} state ${state} vs lists ${where.get(s)}`);
    if (state === ChunkState.Tcache || state === ChunkState.Fastbin) {
      if (!where.has(s)) errs.push(`cached chunk ${s} on no list`);
    }
    if (state === ChunkState.Top && s !== av.top) errs.push(`stray top ${s}`);
    g0 += st.sizeG[s];
    prevFree = free;
    if (st.nextPhys[s] < 0 && s !== av.top) errs.push(`last chunk ${s} is not top`);
  }
  if (g0 * 16 !== g.heapSize) errs.push(`chunks cover ${g0 * 16} bytes, heap is ${g.heapSize}`);
  if (count !== st.liveSlots) errs.push(`${count} chunks in address order, ${st.liveSlots} live slots`);

  const mi = g.mallinfo2();
  const walked: Partial<Mallinfo2> = {
    ordblks: 1 + binN,
    smblks: fastN,
    fsmblks: fastB,
    fordblks: av.size(av.top) + fastB + binB,
  };
  for (const [k, v] of Object.entries(walked)) {
    if (mi[k as keyof Mallinfo2] !== v) errs.push(`mallinfo2.${k} ${mi[k as keyof Mallinfo2]} but a walk gives ${v}`);
  }
  if (mi.uordblks + mi.fordblks !== mi.arena) errs.push('uordblks + fordblks != arena');
  let mm = 0;
  for (const size of av.mmapped.values()) mm += size;
  if (mm !== mi.hblkhd || av.mmapped.size !== mi.hblks) errs.push('hblks/hblkhd disagree with the mmapped chunks');
  return errs;
}

function firstChunk(g: GlibcMalloc): number {
  let s = g.av.top;
  while (g.av.store.prevPhys[s] >= 0) s = g.av.store.prevPhys[s];
  return s;
}
