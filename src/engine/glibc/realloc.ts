import { PAGE_SIZE } from '../kernel/constants';
import { ChunkState } from './chunkStore';
import { MINSIZE, SIZE_SZ, alignUp } from './constants';
import { intFree } from './intFree';
import { intMalloc } from './intMalloc';
import type { Arena } from './arena';
import type { Tcache } from './tcache';

/**
 * _int_realloc(av, oldp, oldsize, nb): shrink in place (the remainder goes through _int_free), grow
 * into top, grow into a free next chunk, or else _int_malloc + copy + _int_free. Returns the user
 * pointer or 0.
 */
export function intRealloc(av: Arena, oldp: number, nb: number, tc: Tcache | null): number {
  const st = av.store;
  const oldSize = av.size(oldp);
  const next = st.nextPhys[oldp];
  const nextSize = av.size(next);

  if (oldSize < nb) {
    if (next === av.top && oldSize + nextSize >= nb + MINSIZE) {
      // Expand into top: oldp takes nb, top starts right after it.
      const nbG = nb / 16;
      const topG = st.gran[oldp] + nbG;
      const restG = st.sizeG[oldp] + st.sizeG[next] - nbG;
      st.unlinkAndRelease(next);
      const top = st.alloc(topG, restG, ChunkState.Top, true);
      st.linkAfter(oldp, top);
      st.sizeG[oldp] = nbG;
      av.top = top;
      av.w(oldp, 8);
      av.w(top, 8);
      return av.mem(oldp);
    } else if (next !== av.top && !av.inuse(next) && oldSize + nextSize >= nb) {
      av.unlinkChunk(next);
      st.sizeG[oldp] = st.sizeG[oldp] + st.sizeG[next];
      st.unlinkAndRelease(next);
    } else {
      const newmem = intMalloc(av, nb, tc);
      if (newmem === 0) return 0;
      // newp == next: _int_malloc handed back the very next chunk (from a fastbin, by address):
      // merge instead of copying.
      if (newmem === av.chunk(oldp) + oldSize + 16) {
        const n = st.nextPhys[oldp];
        st.sizeG[oldp] = st.sizeG[oldp] + st.sizeG[n];
        st.unlinkAndRelease(n);
      } else {
        av.kernel.touch(newmem, oldSize - SIZE_SZ); // memcpy of the old usable bytes
        intFree(av, oldp, tc);
        return newmem;
      }
    }
  }

  // Whatever path got here, the chunk still starts at oldp (grown in place or merged with next).
  const newSizeG = st.sizeG[oldp];
  const nbG = nb / 16;
  if ((newSizeG - nbG) * 16 < MINSIZE) {
    av.w(oldp, 8);
    av.setInuseBitAfter(oldp);
  } else {
    const rem = st.alloc(st.gran[oldp] + nbG, newSizeG - nbG, ChunkState.InUse, true);
    st.linkAfter(oldp, rem);
    st.sizeG[oldp] = nbG;
    av.w(oldp, 8);
    av.w(rem, 8);
    av.setInuseBitAfter(rem);
    intFree(av, rem, tc);
  }
  return av.mem(oldp);
}

/**
 * mremap_chunk: an mmapped chunk always stays mmapped; same page count → unchanged, else
 * mremap(MREMAP_MAYMOVE). Returns the new chunk address, or 0 when mremap fails.
 */
export function mremapChunk(av: Arena, chunk: number, nb: number): number {
  const mp = av.mp;
  const size = mp.mmapped.get(chunk)!;
  const newSize = alignUp(nb + SIZE_SZ, PAGE_SIZE);
  if (newSize === size) return chunk;
  const moved = av.kernel.mremap(chunk, size, newSize);
  if (moved < 0) return 0;
  mp.mmapped.delete(chunk);
  mp.mmapped.set(moved, newSize);
  av.kernel.touch(moved + 8, 8);
  mp.mmappedMem += newSize - size;
  if (mp.mmappedMem > mp.maxMmappedMem) mp.maxMmappedMem = mp.mmappedMem;
  return moved;
}
