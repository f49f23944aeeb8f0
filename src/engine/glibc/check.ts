import type { Arena } from './arena';
import { ChunkState, FIRST_CHUNK_SLOT } from './chunkStore';
import { NFASTBINS, TCACHE_MAX_BINS, binIndex, fastbinIndex, csize2tidx, inSmallbinRange } from './constants';
import { HEAP_INFO_SIZE, MALLOC_STATE_SIZE } from './heap';
import type { GlibcMalloc, Mallinfo2 } from './malloc';

/**
 * A full consistency check of every arena, like glibc's do_check_malloc_state but stricter: the
 * chunks tile each heap exactly (the brk heap from its start to the break; a thread heap from
 * after its heap_info, and the first one's malloc_state, to h->size), boundary tags agree (a free
 * chunk's successor has PREV_INUSE clear, every other chunk's successor has it set), every free
 * chunk sits in exactly one bin of its size and every cached chunk in one tcache bin or fastbin,
 * no two free chunks touch, large bins are sorted with a consistent nextsize list, and the running
 * mallinfo2 totals equal a walk of the bins. Returns the problems found (empty = sound).
 */
export function checkHeap(g: GlibcMalloc): string[] {
  const errs: string[] = [];
  const claims = new Map<Arena, Map<number, string>>();
  const claimsOf = (av: Arena): Map<number, string> => {
    let m = claims.get(av);
    if (m === undefined) claims.set(av, (m = new Map()));
    return m;
  };
  for (const [tid, tc] of g.tcaches()) {
    for (let i = 0; i < TCACHE_MAX_BINS; i++) {
      for (let j = 0; j < tc.counts[i]; j++) {
        const av = tc.entryArena(i, j);
        const s = tc.entrySlot(i, j);
        claim(claimsOf(av), s, `thread ${tid} tcache ${i}`, errs);
        if (csize2tidx(av.size(s)) !== i) errs.push(`tcache ${i} holds size ${av.size(s)}`);
        if (av.store.state(s) !== ChunkState.Tcache)
          errs.push(`tcache ${i} holds a chunk in state ${av.store.state(s)}`);
      }
    }
  }
  const walked = { ordblks: 0, smblks: 0, fsmblks: 0, fordblks: 0 };
  for (const av of g.arenas.walk()) checkArena(g, av, claimsOf(av), walked, errs);

  const mi = g.mallinfo2();
  for (const [k, v] of Object.entries(walked)) {
    if (mi[k as keyof Mallinfo2] !== v)
      errs.push(`mallinfo2.${k} ${mi[k as keyof Mallinfo2]} but a walk gives ${v}`);
  }
  if (mi.uordblks + mi.fordblks !== mi.arena) errs.push('uordblks + fordblks != arena');
  let mm = 0;
  for (const size of g.mp.mmapped.values()) mm += size;
  if (mm !== mi.hblkhd || g.mp.mmapped.size !== mi.hblks)
    errs.push('hblks/hblkhd disagree with the mmapped chunks');
  return errs;
}

function claim(where: Map<number, string>, s: number, list: string, errs: string[]): void {
  if (where.has(s)) errs.push(`chunk ${s} is on ${where.get(s)} and ${list}`);
  where.set(s, list);
}

function checkArena(
  g: GlibcMalloc,
  av: Arena,
  where: Map<number, string>,
  walked: { ordblks: number; smblks: number; fsmblks: number; fordblks: number },
  errs: string[],
): void {
  const st = av.store;
  const name = `arena ${av.index}`;
  walked.ordblks += 1;
  if (av.top < 0) return;
  walked.fordblks += av.size(av.top);
  for (let i = 0; i < NFASTBINS; i++) {
    for (let s = av.fastHead[i]; s >= 0; s = st.fd[s]) {
      claim(where, s, `${name} fastbin ${i}`, errs);
      if (fastbinIndex(av.size(s)) !== i) errs.push(`${name} fastbin ${i} holds size ${av.size(s)}`);
      walked.smblks++;
      walked.fsmblks += av.size(s);
      walked.fordblks += av.size(s);
    }
  }
  for (let i = 1; i < 128; i++) {
    let prevSize = Infinity;
    for (let s = st.fd[i], prev = i; s !== i; prev = s, s = st.fd[s]) {
      if (s < FIRST_CHUNK_SLOT) {
        errs.push(`${name} bin ${i} links into bin head ${s}`);
        break;
      }
      if (st.bk[s] !== prev) errs.push(`${name} bin ${i}: bk of ${s} is ${st.bk[s]}, expected ${prev}`);
      claim(where, s, `bin ${i}`, errs);
      const size = av.size(s);
      walked.ordblks++;
      walked.fordblks += size;
      if (i > 1 && binIndex(size) !== i) errs.push(`${name} bin ${i} holds size ${size}`);
      if (i >= 64) {
        if (size > prevSize) errs.push(`${name} large bin ${i} not sorted`);
        const leader = size !== prevSize;
        if (leader !== av.fdNext.has(s))
          errs.push(
            `${name} large bin ${i}: chunk ${s} leader=${leader} but nextsize set=${av.fdNext.has(s)}`,
          );
        prevSize = size;
      } else if (i === 1 && !inSmallbinRange(size) && av.fdNext.has(s))
        errs.push(`${name} unsorted chunk ${s} has nextsize links`);
    }
  }

  // Tiling and boundary tags, heap by heap in address order.
  const spans: [number, number][] = av.main
    ? [[0, g.heapSize / 16]]
    : av.heapChain.map((h, k) => [
        h.g0 + (k === 0 ? (HEAP_INFO_SIZE + MALLOC_STATE_SIZE + 8) / 16 : HEAP_INFO_SIZE / 16),
        h.g0 + h.size / 16,
      ]);
  let count = 0;
  for (const [from, to] of spans) {
    let g0 = from;
    let prevFree = false;
    let s = st.find(from);
    if (s < 0) errs.push(`${name}: no chunk at granule ${from}`);
    else if (st.prevPhys[s] >= 0) errs.push(`${name}: chunk ${s} at a heap's start has a lower neighbour`);
    for (; s >= 0; s = st.nextPhys[s]) {
      count++;
      if (st.gran[s] !== g0)
        errs.push(`${name}: gap or overlap at granule ${g0} (chunk ${s} starts at ${st.gran[s]})`);
      if (st.find(st.gran[s]) !== s) errs.push(`${name}: chunk ${s} not found by address`);
      const state = st.state(s);
      const free =
        state === ChunkState.Unsorted || state === ChunkState.Smallbin || state === ChunkState.Largebin;
      if (st.prevInuse(s) === prevFree)
        errs.push(`${name}: chunk ${s}: PREV_INUSE=${st.prevInuse(s)} but previous free=${prevFree}`);
      if (free && prevFree) errs.push(`${name}: two free chunks touch at ${s}`);
      if (free !== (where.has(s) && where.get(s)!.startsWith('bin')))
        errs.push(`${name}: chunk ${s} state ${state} vs lists ${where.get(s)}`);
      if ((state === ChunkState.Tcache || state === ChunkState.Fastbin) && !where.has(s))
        errs.push(`${name}: cached chunk ${s} on no list`);
      if (state === ChunkState.Top && s !== av.top) errs.push(`${name}: stray top ${s}`);
      g0 += st.sizeG[s];
      prevFree = free;
    }
    if (g0 !== to) errs.push(`${name}: chunks end at granule ${g0}, the heap at ${to}`);
  }
  if (count !== st.liveSlots)
    errs.push(`${name}: ${count} chunks in address order, ${st.liveSlots} live slots`);
  if (st.nextPhys[av.top] >= 0) errs.push(`${name}: top is not the last chunk of its heap`);
}
