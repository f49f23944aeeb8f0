/**
 * CPython's per-type free lists: dead objects whose memory is kept for the next object of the
 * same type, so no allocator call happens at all (and for GC types, no gen-0 count change).
 * All are LIFO. Their limits are the version's (`vm.py.freelists`, python/versions/; 3.11–3.13:
 * PyList_MAXFREELIST 80, PyDict_MAXFREELIST 80 (objects and 8-slot unicode keys tables),
 * PyFloat_MAXFREELIST 100, PyTuple_MAXSAVESIZE 20 × PyTuple_MAXFREELIST 2000), sliceobject.c: one slice.
 */
/** The most tuple sizes any supported version keeps (PyTuple_MAXSAVESIZE). */
const TUPLE_SIZES = 20;

export class FreeLists {
  /** Handles of dead list objects (their 56-byte blocks). */
  readonly lists: number[] = [];
  readonly dicts: number[] = [];
  /** Addresses of dead 8-slot unicode keys objects (120-byte blocks). */
  readonly dictKeys: number[] = [];
  readonly floats: number[] = [];
  /** tuples[n-1]: dead tuples of n items, n = 1..20. */
  readonly tuples: number[][] = Array.from({ length: TUPLE_SIZES }, () => []);
  /** interp->slice_cache: one dead slice, or 0. */
  slice = 0;
  /**
   * Objects a replayed import left on a real free list (by the recorder's name of the list,
   * "PyListObjects", "2-sized PyTupleObjects") that the model holds no handle for: their blocks are
   * the footprint's live blocks (importWalks.ts). Negative where the import took modelled ones.
   * clear_freelists empties them with the rest.
   */
  readonly imported = new Map<string, number>();

  /** What sys._debugmallocstats prints in its free-list section (recorder's "free_lists"). */
  counts(): Record<string, number> {
    const out: Record<string, number> = {
      PyDictObjects: this.dicts.length,
      PyFloatObjects: this.floats.length,
      PyListObjects: this.lists.length,
    };
    this.tuples.forEach((t, i) => (out[`${i + 1}-sized PyTupleObjects`] = t.length));
    for (const [name, n] of this.imported) if (name in out) out[name] = Math.max(0, out[name] + n);
    return out;
  }
}
