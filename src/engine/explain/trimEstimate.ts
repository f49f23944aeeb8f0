import type { Kernel } from '../kernel/kernel';
import { ChunkState } from '../glibc/chunkStore';
import { MALLOC_CHUNK_STRUCT, MINSIZE, PAGE, alignDown, alignUp } from '../glibc/constants';
import type { GlibcMalloc } from '../glibc/malloc';

/**
 * How many resident bytes malloc_trim(0) would give back now, summed exactly as mtrim does
 * (src/engine/glibc/malloc.ts): for every free chunk in the unsorted or a large bin, the whole
 * pages past its first 48 bytes (sizeof(struct malloc_chunk)) are MADV_DONTNEED'd, and systrim(0)
 * then moves the break down to keep only MINSIZE + 1 bytes of top. Only resident pages count,
 * because that is what RSS loses. Fastbin chunks would first be consolidated; they are left out
 * here (they are at most 128 B each, so they add little).
 */
export function trimWouldRelease(glibc: GlibcMalloc, kernel: Kernel): { madvised: number; trimmed: number } {
  const av = glibc.av;
  if (av.top < 0) return { madvised: 0, trimmed: 0 };
  const st = av.store;
  let madvised = 0;
  for (let s = av.top; s >= 0; s = st.prevPhys[s]) {
    const state = st.state(s);
    if (state !== ChunkState.Unsorted && state !== ChunkState.Largebin && state !== ChunkState.Smallbin)
      continue;
    const size = av.size(s);
    if (size <= PAGE - 1 + MALLOC_CHUNK_STRUCT) continue;
    const chunkAddr = av.heapStart + st.gran[s] * 16;
    const aligned = alignUp(chunkAddr + MALLOC_CHUNK_STRUCT, PAGE);
    const rest = size - (aligned - chunkAddr);
    if (rest > PAGE - 1) madvised += kernel.residentBytes(aligned, alignDown(rest, PAGE));
  }
  const topArea = av.size(av.top) - MINSIZE - 1;
  const extra = topArea > 0 ? alignDown(topArea, PAGE) : 0;
  const trimmed = extra > 0 ? kernel.residentBytes(kernel.brk - extra, extra) : 0;
  return { madvised, trimmed };
}
