import { NotSupported } from '../python/errors';
import { listItem } from '../python/objects/list';
import { tupleItems } from '../python/objects/tuple';
import { T } from '../python/objects/types';
import { OBJECT } from './dtypes';
import { forEachValue } from './elements';
import type { Arrays } from './ndarray';
import { itemHandles, storeItems } from './objectItems';
import { numberObject } from './objects';

/** The coercion cache as FromList keeps it (its 32-byte entries and the 5 it keeps for reuse). */
export interface CoercionCache {
  entryNew(): number;
  entryFree(p: number): void;
}

/** A leaf (stored as it is) or an array whose dimensions discovery descended into. */
type Leaf = { kind: 'object'; h: number } | { kind: 'array'; h: number };

/**
 * np.array(seq, dtype=object) (array_coercion.c, 1.24.2): discovery descends lists, tuples and
 * arrays while their lengths agree; where they stop agreeing (or a non-sequence appears) the
 * shape ends, and what sits at that depth is stored as it is: `[[1, 2], [3]]` is a 1-d array
 * of two lists, `[np.zeros(2), np.zeros(3)]` a 1-d array of the two arrays. Strings are not
 * sequences here. Each sequence descended is one coercion-cache entry; the array is calloc'd
 * (NPY_NEEDS_INIT) and every leaf stored with a reference (OBJECT_setitem); the elements of an
 * array descended into become Python objects (float64 → float, int64 → int).
 */
export function objectArrayFromSequence(A: Arrays, cache: CoercionCache, h: number, ndmin = 0): number {
  const vm = A.vm;
  const seqItems = (x: number): number[] | null => {
    const t = vm.table.type[x];
    if (t === T.List) return Array.from({ length: vm.table.n[x] }, (_, i) => listItem(vm, x, i));
    if (t === T.Tuple) return Array.from(tupleItems(vm, x));
    return null;
  };
  const shape: number[] = [];
  let maxDepth = Infinity;
  const seen: number[] = [];
  // dimension `len` met at `depth`: false (and the shape ends here) when it disagrees
  const agree = (depth: number, len: number): boolean => {
    if (depth >= maxDepth) return false;
    if (depth === shape.length) shape.push(len);
    if (shape[depth] !== len) {
      maxDepth = depth;
      return false;
    }
    return true;
  };
  const discover = (x: number, depth: number): void => {
    if (depth >= maxDepth) return;
    if (A.isArray(x)) {
      const s = A.shape(x);
      let i = 0;
      while (i < s.length && agree(depth + i, s[i])) i++;
      if (i === s.length) maxDepth = Math.min(maxDepth, depth + i);
      seen.push(x);
      return;
    }
    const items = seqItems(x);
    if (items === null) {
      maxDepth = Math.min(maxDepth, depth);
      return;
    }
    if (!agree(depth, items.length)) return;
    seen.push(x);
    for (const it of items) discover(it, depth + 1);
  };
  discover(h, 0);
  const nd = Math.min(shape.length, maxDepth);
  const dims = shape.slice(0, nd);
  const entries = seen.map(() => cache.entryNew());
  // the leaves in C order: what sits at depth nd, or an array ending exactly there
  const leaves: Leaf[] = [];
  const collect = (x: number, depth: number): void => {
    if (depth === nd) return void leaves.push({ kind: 'object', h: x });
    if (A.isArray(x)) {
      if (depth + A.nd(x) !== nd)
        throw new NotSupported('np.array(..., dtype=object) of arrays whose shapes only partly agree');
      return void leaves.push({ kind: 'array', h: x });
    }
    for (const it of seqItems(x)!) collect(it, depth + 1);
  };
  try {
    collect(h, 0);
  } catch (e) {
    for (const p of entries) cache.entryFree(p);
    throw e;
  }
  const r = A.newArray(OBJECT, [...new Array<number>(Math.max(0, ndmin - nd)).fill(1), ...dims]);
  const flat: number[] = [];
  const made: number[] = [];
  for (const leaf of leaves) {
    if (leaf.kind === 'object') flat.push(leaf.h);
    else if (A.dtype(leaf.h) === OBJECT) for (const o of itemHandles(A, leaf.h)) flat.push(o || vm.s.None);
    else {
      const d = A.dtype(leaf.h);
      forEachValue(A, leaf.h, (v) => {
        const o = numberObject(vm, d, v);
        made.push(o);
        flat.push(o);
      });
    }
  }
  storeItems(A, r, (k) => flat[k]);
  for (const o of made) vm.decref(o);
  for (const p of entries) cache.entryFree(p);
  return r;
}
