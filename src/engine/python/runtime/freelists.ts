/**
 * CPython 3.11's per-type free lists: dead objects whose memory is kept for the next object of the
 * same type, so no allocator call happens at all (and for GC types, no gen-0 count change).
 * All are LIFO. Limits: listobject.c PyList_MAXFREELIST 80, dictobject.c PyDict_MAXFREELIST 80
 * (objects and 8-slot unicode keys tables), floatobject.c PyFloat_MAXFREELIST 100,
 * pycore_tuple.h PyTuple_MAXSAVESIZE 20 × PyTuple_MAXFREELIST 2000, sliceobject.c: one slice.
 */
export const LIST_MAXFREELIST = 80;
export const DICT_MAXFREELIST = 80;
export const FLOAT_MAXFREELIST = 100;
export const TUPLE_MAXSAVESIZE = 20;
export const TUPLE_MAXFREELIST = 2000;

export class FreeLists {
  /** Handles of dead list objects (their 56-byte blocks). */
  readonly lists: number[] = [];
  readonly dicts: number[] = [];
  /** Addresses of dead 8-slot unicode keys objects (120-byte blocks). */
  readonly dictKeys: number[] = [];
  readonly floats: number[] = [];
  /** tuples[n-1]: dead tuples of n items, n = 1..20. */
  readonly tuples: number[][] = Array.from({ length: TUPLE_MAXSAVESIZE }, () => []);
  /** interp->slice_cache: one dead slice, or 0. */
  slice = 0;

  /** What sys._debugmallocstats prints in its free-list section (recorder's "free_lists"). */
  counts(): Record<string, number> {
    const out: Record<string, number> = {
      PyDictObjects: this.dicts.length,
      PyFloatObjects: this.floats.length,
      PyListObjects: this.lists.length,
    };
    this.tuples.forEach((t, i) => (out[`${i + 1}-sized PyTupleObjects`] = t.length));
    return out;
  }
}
