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
