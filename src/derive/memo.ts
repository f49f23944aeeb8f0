import type { Snapshot } from '../engine/trace/snapshot';

/**
 * Memoize a pure function of (object, key): one cached result per object, recomputed when the key
 * changes. Snapshots are immutable once received, so object identity is the version.
 */
export function memoByObject<O extends object, K, R>(
  f: (o: O, k: K) => R,
  same: (a: K, b: K) => boolean = Object.is,
): (o: O, k: K) => R {
  const cache = new WeakMap<O, { k: K; r: R }>();
  return (o, k) => {
    const hit = cache.get(o);
    if (hit && same(hit.k, k)) return hit.r;
    const r = f(o, k);
    cache.set(o, { k, r });
    return r;
  };
}

/**
 * Memoize a pure function of a snapshot's layers (chunks, bins, mappings: not its sentences), keyed
 * on its `scalars` object. The page's copy of a snapshot made when its sentences arrive (views first:
 * engineClient's `explained`) shares the layers and `scalars` with the one drawn, so it does not
 * redo a million chunks' derivations (each landing's bins and address layout were computed twice).
 */
export function memoByLayers<R>(f: (s: Snapshot) => R): (s: Snapshot, _k: 0) => R {
  const cache = new WeakMap<object, { r: R }>();
  return (s) => {
    let hit = cache.get(s.scalars);
    if (!hit) {
      hit = { r: f(s) };
      cache.set(s.scalars, hit);
    }
    return hit.r;
  };
}
