import { entryHash } from './sethash';
import type { HashKey } from './types';

/**
 * A set's slot table as Objects/setobject.c (3.11) lays it out, kept beside the membership index:
 * which slot each member sits in decides the order iteration, repr, pop and set_dealloc see. One
 * Int32Array of 3 × size: the member handle per slot (0 = unused, -1 = dummy, a removed key that
 * still counts in `fill`), then the high and the low 32 bits of each entry's hash.
 *
 * Probing (set_add_entry, set_insert_clean, set_lookkey): start at hash & mask; look at that slot
 * and, when the 9 after it fit below the end of the table (LINEAR_PROBES), at those too; then
 * `perturb >>= 5; i = (i * 5 + 1 + perturb) & mask`, with perturb the hash as an unsigned 64-bit
 * number. A new key goes to the first unused slot on that path (3.11 does not reuse dummies).
 * `hks` holds each slot's membership key (HashKey), so the set operations can walk one set in slot
 * order with the stored hashes, as CPython's do, without hashing (or calling __hash__) again.
 */
export const LINEAR_PROBES = 9;
export const DUMMY = -1;

export function newSlots(size: number): Int32Array {
  return new Int32Array(3 * size);
}

/** The first slot on hash's path that satisfies `stop` (set_insert_clean's walk). */
function probe(slots: Int32Array, mask: number, hi: number, lo: number, want: number): number {
  let ph = hi >>> 0;
  let pl = lo >>> 0;
  let i = pl & mask;
  for (;;) {
    if (slots[i] === want) return i;
    if (i + LINEAR_PROBES <= mask) {
      for (let j = 1; j <= LINEAR_PROBES; j++) if (slots[i + j] === want) return i + j;
    }
    pl = ((pl >>> 5) | (ph << 27)) >>> 0;
    ph >>>= 5;
    // (i * 5 + 1 + perturb) & mask: only perturb's low bits reach a mask below 2**31
    i = (i * 5 + 1 + pl) & mask;
  }
}

/** set_insert_clean / set_add_entry's found_unused: `member` with entryHash into its slot. */
export function slotInsert(
  slots: Int32Array,
  hks: HashKey[],
  mask: number,
  member: number,
  hk: HashKey,
): number {
  const size = mask + 1;
  const i = probe(slots, mask, entryHash.hi, entryHash.lo, 0);
  slots[i] = member;
  hks[i] = hk;
  slots[size + i] = entryHash.hi;
  slots[2 * size + i] = entryHash.lo;
  return i;
}

/** set_discard_entry: the member's slot (found on its hash's path) becomes a dummy. */
export function slotRemove(slots: Int32Array, hks: HashKey[], mask: number, member: number): void {
  const size = mask + 1;
  const i = probe(slots, mask, entryHash.hi, entryHash.lo, member);
  slots[i] = DUMMY;
  hks[i] = 0;
  slots[size + i] = -1; // a dummy's hash is -1
  slots[2 * size + i] = -1;
}

/** set_table_resize's copy: every live entry, in slot order, set_insert_clean'ed into `to`. */
export function slotsRehash(
  from: Int32Array,
  fromHks: HashKey[],
  fromSize: number,
  to: Int32Array,
  toHks: HashKey[],
  toMask: number,
): void {
  const toSize = toMask + 1;
  for (let i = 0; i < fromSize; i++) {
    const m = from[i];
    if (m <= 0) continue;
    const j = probe(to, toMask, from[fromSize + i], from[2 * fromSize + i], 0);
    to[j] = m;
    toHks[j] = fromHks[i];
    to[toSize + j] = from[fromSize + i];
    to[2 * toSize + j] = from[2 * fromSize + i];
  }
}

/** The live members in slot order (set_next). */
export function slotMembers(slots: Int32Array, size: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < size; i++) if (slots[i] > 0) out.push(slots[i]);
  return out;
}

/** Load slot i's stored hash into entryHash (set_add_entry(result, entry->key, entry->hash)). */
export function loadSlotHash(slots: Int32Array, size: number, i: number): void {
  entryHash.hi = slots[size + i];
  entryHash.lo = slots[2 * size + i];
}
