import type { Vm } from '../runtime/vm';
import { isOpaqueKey, keysMatch } from './keyeq';
import { setData, type SetData } from './set';
import { computeEntryHash, entryHash } from './sethash';
import { LINEAR_PROBES } from './settable';
import type { HashKey } from './types';

/**
 * Membership in a set. A set whose members and key are all built-in values (keyeq.ts) answers
 * from its index (HashKey → member), which decides the same as set_lookkey would and runs no
 * Python code. A key or a member with an opaque HashKey (its class's own `__hash__`) takes
 * set_lookkey's walk over the slot table instead: from hash & mask, the LINEAR_PROBES slots after
 * it, then `perturb >>= 5; i = (i * 5 + 1 + perturb) & mask`; each live entry with the same
 * 64-bit hash is compared by identity then `__eq__` (keyeq.ts keysMatch), and when that call
 * changed the table (another table, or the slot no longer holding the key compared) the walk
 * starts again, as set_lookkey's restart does. So `__eq__` runs as often as in CPython.
 */

/** The HashKey the slot of the member found by the last setFind holds (valid right after it). */
export let foundHk: HashKey = 0;

/** An opaque member's entry in the index: one per member, since equal hashes are not equal keys. */
export const indexKeyOf = (hk: HashKey, member: number): HashKey =>
  isOpaqueKey(hk) ? `${hk}#${member}` : hk;

/** The member of set h equal to key (whose HashKey is hk), or 0. */
export function setFind(vm: Vm, h: number, key: number, hk: HashKey): number {
  const s = setData(vm, h);
  if (s.opaque === 0 && !isOpaqueKey(hk)) {
    foundHk = hk;
    return s.index.get(hk) ?? 0;
  }
  computeEntryHash(vm, key, hk);
  const hi = entryHash.hi;
  const lo = entryHash.lo;
  for (;;) {
    const r = lookKey(vm, h, setData(vm, h), key, hk, hi, lo);
    if (r !== -1) return r;
  }
}

/** One set_lookkey walk: the member, 0 when absent, -1 when the table changed (start again). */
function lookKey(vm: Vm, h: number, s: SetData, key: number, hk: HashKey, hi: number, lo: number): number {
  const { slots, mask } = s;
  const size = mask + 1;
  let ph = hi >>> 0;
  let pl = lo >>> 0;
  let i = pl & mask;
  for (;;) {
    const last = i + LINEAR_PROBES <= mask ? i + LINEAR_PROBES : i;
    for (let j = i; j <= last; j++) {
      const m = slots[j];
      if (m === 0) return 0;
      if (m < 0 || slots[size + j] !== hi || slots[2 * size + j] !== lo) continue;
      const mhk = s.hks[j];
      if (m === key || keysMatch(vm, m, mhk, key, hk)) {
        if (setData(vm, h) !== s || s.slots !== slots || slots[j] !== m) return -1;
        foundHk = mhk;
        return m;
      }
      if (setData(vm, h) !== s || s.slots !== slots || slots[j] !== m) return -1;
    }
    pl = ((pl >>> 5) | (ph << 27)) >>> 0;
    ph >>>= 5;
    i = (i * 5 + 1 + pl) & mask;
  }
}
