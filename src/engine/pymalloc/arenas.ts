import {
  ARENA_OBJECT_SIZE,
  ARENA_SIZE,
  INITIAL_ARENA_OBJECTS,
  MAX_POOLS_IN_ARENA,
  POOL_SIZE,
} from './constants';
import { EventKind } from '../trace/events';
import { NIL, type ObmallocState, poolId } from './state';

/**
 * new_arena(): take an arena_object off unused_arena_objects, growing the `arenas` vector with
 * PyMem_RawRealloc when that list is empty (16 entries first, then doubling: 768 → 1536 → 3072 …
 * bytes), mmap 1 MiB, mark it in the radix tree, and work out how many whole pools fit. Returns the
 * slot, or -1 (NULL) when the vector, the mmap or a radix node cannot be had.
 */
export function newArena(st: ObmallocState): number {
  if (st.unusedArenaObjects === NIL) {
    const old = st.maxarenas;
    const numarenas = old ? old * 2 : INITIAL_ARENA_OBJECTS;
    const nbytes = numarenas * ARENA_OBJECT_SIZE;
    // PyMem_RawRealloc(arenas, nbytes): realloc(NULL, 768) the first time, i.e. a malloc.
    const vec = st.libc.realloc(st.vectorPtr, nbytes);
    if (vec === 0) return NIL;
    st.vectorPtr = vec;
    st.growArenas(numarenas);
    // "Put the new arenas on the unused_arena_objects list": writes address and nextarena of each.
    st.kernel.touch(vec + old * ARENA_OBJECT_SIZE, (numarenas - old) * ARENA_OBJECT_SIZE);
    for (let i = old; i < numarenas; i++) {
      st.address[i] = 0;
      st.nextarena[i] = i < numarenas - 1 ? i + 1 : NIL;
    }
    st.unusedArenaObjects = old;
    st.maxarenas = numarenas;
  }

  const slot = st.unusedArenaObjects;
  st.unusedArenaObjects = st.nextarena[slot];
  // _PyObject_Arena.alloc = _PyObject_ArenaMmap: mmap(NULL, ARENA_SIZE, RW, PRIVATE|ANONYMOUS).
  let address = st.kernel.mmap(ARENA_SIZE, 'pymalloc-arena', 'pymalloc arena');
  if (address < 0) address = 0;
  if (address !== 0 && !st.radix.markUsed(address, true, slot)) {
    st.kernel.munmap(address, ARENA_SIZE);
    address = 0;
  }
  if (address === 0) {
    st.nextarena[slot] = st.unusedArenaObjects;
    st.unusedArenaObjects = slot;
    return NIL;
  }
  st.address[slot] = address;
  st.narenasCurrentlyAllocated++;
  st.ntimesArenaAllocated++;
  if (st.narenasCurrentlyAllocated > st.narenasHighwater) st.narenasHighwater = st.narenasCurrentlyAllocated;
  st.freepools[slot] = NIL;
  // pool_address <- first pool-aligned address; a misaligned base loses one pool.
  const excess = address % POOL_SIZE;
  st.nfreepools[slot] = excess !== 0 ? MAX_POOLS_IN_ARENA - 1 : MAX_POOLS_IN_ARENA;
  st.firstPool[slot] = excess !== 0 ? address + POOL_SIZE - excess : address;
  st.carved[slot] = 0;
  st.ntotalpools[slot] = st.nfreepools[slot];
  // The pages of a fresh mapping are untouched: forget what the slot's previous arena had.
  const p0 = poolId(slot, 0);
  st.pageMask.fill(0, p0, p0 + MAX_POOLS_IN_ARENA);
  st.ref.fill(0, p0, p0 + MAX_POOLS_IN_ARENA);
  if (st.sink) st.sink.record(EventKind.ArenaNew, address, ARENA_SIZE, st.ntotalpools[slot]);
  return slot;
}

/**
 * insert_to_freepool, case 1: a wholly free arena that is not the last of usable_arenas is unlinked,
 * its arena_object goes back on unused_arena_objects, the radix tree forgets it and it is munmapped.
 */
export function freeArena(st: ObmallocState, ao: number): void {
  const prev = st.prevarena[ao];
  const next = st.nextarena[ao];
  if (prev === NIL) st.usableArenas = next;
  else st.nextarena[prev] = next;
  if (next !== NIL) st.prevarena[next] = prev;
  st.nextarena[ao] = st.unusedArenaObjects;
  st.unusedArenaObjects = ao;
  const address = st.address[ao];
  st.radix.markUsed(address, false, ao);
  st.kernel.munmap(address, ARENA_SIZE);
  st.address[ao] = 0;
  st.narenasCurrentlyAllocated--;
  if (st.sink) st.sink.record(EventKind.ArenaFree, address, ARENA_SIZE, st.ntotalpools[ao]);
}
