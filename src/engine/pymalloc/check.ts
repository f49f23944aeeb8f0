import { MAX_POOLS_IN_ARENA, NB_SMALL_SIZE_CLASSES, NUMBLOCKS } from './constants';
import { IN_USE, NIL, type ObmallocState, poolId, poolSlot } from './state';
import { carvedBlocks } from './views';

/**
 * Walk every obmalloc structure and list what breaks its invariants (empty when sound): each carved
 * block is either handed out or on its pool's free list exactly once; used pools are in their class's
 * usedpools list, full ones in none, empty ones in their arena's freepools; usable_arenas is sorted
 * by nfreepools, nfp2lasta points at the rightmost arena of each count; unused_arena_objects holds
 * exactly the unassociated slots. For tests and debugging: O(blocks).
 */
export function checkObmalloc(st: ObmallocState): string[] {
  const errs: string[] = [];
  const inUsed = new Set<number>();
  for (let c = 0; c < NB_SMALL_SIZE_CLASSES; c++) {
    let n = 0;
    for (let p = st.nextpool[c]; p !== c; p = st.nextpool[p]) {
      if (st.prevpool[st.nextpool[p]] !== p) errs.push(`usedpools[${c}]: broken prev link at pool ${p}`);
      if (inUsed.has(p)) errs.push(`pool ${p} is in usedpools twice`);
      inUsed.add(p);
      if (st.szidx[p] !== c) errs.push(`pool ${p} of class ${st.szidx[p]} in usedpools[${c}]`);
      if (st.ref[p] <= 0 || st.ref[p] >= NUMBLOCKS[c])
        errs.push(`pool ${p} in usedpools with ref ${st.ref[p]}`);
      if (++n > st.ref.length) {
        errs.push(`usedpools[${c}] does not come back to its head`);
        break;
      }
    }
  }
  const live = new Set<number>();
  for (let a = 0; a < st.maxarenas; a++) {
    if (st.address[a] === 0) continue;
    live.add(a);
    const inFree = new Set<number>();
    for (let p = st.freepools[a]; p !== NIL; p = st.nextpool[p]) {
      if (inFree.has(p) || poolSlot(p) !== a) {
        errs.push(`arena ${a}: bad freepools list at ${p}`);
        break;
      }
      inFree.add(p);
      if (st.ref[p] !== 0) errs.push(`arena ${a}: pool ${p} in freepools with ref ${st.ref[p]}`);
    }
    const carved = st.carved[a];
    if (carved > st.ntotalpools[a]) errs.push(`arena ${a}: carved ${carved} > ${st.ntotalpools[a]} pools`);
    if (st.nfreepools[a] !== st.ntotalpools[a] - carved + inFree.size)
      errs.push(
        `arena ${a}: nfreepools ${st.nfreepools[a]} but ${st.ntotalpools[a] - carved} uncarved + ${inFree.size} empty`,
      );
    for (let k = 0; k < carved; k++) {
      const p = poolId(a, k);
      const ref = st.ref[p];
      if (ref === 0 && !inFree.has(p)) errs.push(`pool ${p} is empty but not in freepools`);
      if (ref > 0) {
        const full = ref === NUMBLOCKS[st.szidx[p]];
        if (full === inUsed.has(p))
          errs.push(`pool ${p} (ref ${ref}) ${full ? 'full but in' : 'used but not in'} usedpools`);
      }
      errs.push(...checkPoolBlocks(st, p));
    }
  }
  errs.push(...checkArenaLists(st, live));
  return errs;
}

function checkPoolBlocks(st: ObmallocState, p: number): string[] {
  const errs: string[] = [];
  const links = st.links[p]!;
  const carved = carvedBlocks(st, p);
  let inUse = 0;
  for (let b = 0; b < carved; b++) if (links[b] === IN_USE) inUse++;
  if (inUse !== st.ref[p]) errs.push(`pool ${p}: ref ${st.ref[p]} but ${inUse} blocks handed out`);
  const seen = new Set<number>();
  for (let b = st.freeblock[p]; b !== NIL; b = links[b]) {
    if (b < 0 || b >= carved || seen.has(b) || links[b] === IN_USE) {
      errs.push(`pool ${p}: free list broken at block ${b}`);
      return errs;
    }
    seen.add(b);
  }
  if (seen.size !== carved - inUse)
    errs.push(`pool ${p}: ${seen.size} blocks on the free list, ${carved - inUse} free`);
  if (st.ref[p] > 0 && st.ref[p] < NUMBLOCKS[st.szidx[p]] && st.freeblock[p] === NIL)
    errs.push(`pool ${p}: used with no free block`);
  return errs;
}

function checkArenaLists(st: ObmallocState, live: Set<number>): string[] {
  const errs: string[] = [];
  const usable: number[] = [];
  let prev = NIL;
  for (let a = st.usableArenas; a !== NIL; a = st.nextarena[a]) {
    if (st.prevarena[a] !== prev)
      errs.push(`usable_arenas: arena ${a} has prevarena ${st.prevarena[a]}, expected ${prev}`);
    if (!live.has(a)) errs.push(`usable_arenas: arena ${a} is not allocated`);
    if (usable.length > 0 && st.nfreepools[usable[usable.length - 1]] > st.nfreepools[a])
      errs.push(`usable_arenas: not sorted at arena ${a}`);
    usable.push(a);
    prev = a;
    if (usable.length > st.maxarenas) {
      errs.push('usable_arenas: cycle');
      break;
    }
  }
  for (const a of live)
    if (st.nfreepools[a] > 0 !== usable.includes(a))
      errs.push(
        `arena ${a} (nfreepools ${st.nfreepools[a]}) wrongly ${st.nfreepools[a] > 0 ? 'missing from' : 'in'} usable_arenas`,
      );
  for (let nf = 0; nf <= MAX_POOLS_IN_ARENA; nf++) {
    let rightmost = NIL;
    for (const a of usable) if (st.nfreepools[a] === nf) rightmost = a;
    if (st.nfp2lasta[nf] !== rightmost)
      errs.push(`nfp2lasta[${nf}] = ${st.nfp2lasta[nf]}, rightmost is ${rightmost}`);
  }
  const unused = new Set<number>();
  for (let a = st.unusedArenaObjects; a !== NIL; a = st.nextarena[a]) {
    if (unused.has(a) || live.has(a)) {
      errs.push(`unused_arena_objects: bad entry ${a}`);
      break;
    }
    unused.add(a);
  }
  if (unused.size + live.size !== st.maxarenas)
    errs.push(`${unused.size} unused + ${live.size} live arena objects != ${st.maxarenas}`);
  if (live.size !== st.narenasCurrentlyAllocated)
    errs.push(`narenas_currently_allocated ${st.narenasCurrentlyAllocated}, ${live.size} live`);
  return errs;
}
