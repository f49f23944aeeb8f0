import type { Arena } from './arena';
import type { Arenas, MallocThread } from './arenaGet';
import { ChunkState } from './chunkStore';
import { TCACHE_STRUCT_SIZE, request2size } from './constants';
import { intFree } from './intFree';
import { intMalloc } from './intMalloc';
import { Tcache } from './tcache';

/**
 * arena_get_retry: after a failure in a thread arena, the main arena (thread_arena unchanged);
 * after one in the main arena, another arena from arena_get2.
 */
export function arenaGetRetry(arenas: Arenas, t: MallocThread, av: Arena, bytes: number): Arena | null {
  if (!av.main) return arenas.main;
  return arenas.arenaGet2(t, bytes);
}

/**
 * tcache_init: the 640-byte tcache_perthread_struct from the thread's arena (arena_get: a new
 * thread gets one here), zeroed. On failure the thread tries again at its next call.
 */
export function tcacheInit(arenas: Arenas, t: MallocThread): void {
  const nb = request2size(TCACHE_STRUCT_SIZE);
  let av = t.arena ?? arenas.arenaGet2(t, TCACHE_STRUCT_SIZE);
  let mem = av === null ? 0 : intMalloc(av, nb, null);
  if (mem === 0 && av !== null) {
    av = arenaGetRetry(arenas, t, av, TCACHE_STRUCT_SIZE);
    mem = av === null ? 0 : intMalloc(av, nb, null);
  }
  if (mem === 0 || av === null) return;
  arenas.kernel.touch(mem, TCACHE_STRUCT_SIZE);
  t.tcache = new Tcache(arenas.all, av, mem);
}

/**
 * tcache_thread_shutdown: the tcache is switched off for good, each bin's chunks are freed from
 * the head (as __libc_free does, to each chunk's own arena, no tcache now), then the struct with
 * `free` (__libc_free).
 */
export function tcacheThreadShutdown(t: MallocThread, free: (mem: number) => void): void {
  t.shuttingDown = true;
  const tc = t.tcache;
  if (tc === null) return;
  t.tcache = null;
  for (let i = 0; i < tc.counts.length; i++) {
    for (let j = tc.counts[i] - 1; j >= 0; j--) {
      const av = tc.entryArena(i, j);
      const s = tc.entrySlot(i, j);
      tc.counts[i] = j;
      av.store.setState(s, ChunkState.InUse); // e->key = 0 (a page tcache_put wrote: resident)
      intFree(av, s, null);
    }
  }
  free(tc.mem);
}
