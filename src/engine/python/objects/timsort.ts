import type { Vm } from '../runtime/vm';

/** MERGESTATE_TEMP_SIZE: the merge state's array on the C stack (256 slots). */
export const MERGESTATE_TEMP_SIZE = 256;

/** One pending run on the merge stack (struct s_slice): its start, length and powersort power. */
interface Run {
  base: number;
  len: number;
  power: number;
}

/**
 * Timsort as CPython 3.11's listobject.c runs it, for what it allocates: the order of the runs
 * (count_run, binarysort up to minrun), the powersort merge policy (found_new_run/powerloop, new
 * in 3.11), merge_force_collapse, and in merge_at the trims that decide how much temp memory a
 * merge needs (gallop_right of B's first key into A, gallop_left of A's last key into B). The
 * merge state keeps its 256-slot array on the C stack; a merge that needs more calls
 * merge_getmem, which frees the old heap block and PyMem_Mallocs a new one (no realloc), twice
 * as wide when the sort has values (a key function). The items end sorted: the result is the
 * stable order any correct merge gives, so the merges here do not gallop (only comparisons a
 * user's __lt__ would see differ, not the allocations).
 *
 * `order` holds the sort's positions (indices into `keys`) and is sorted in place; `lt` is
 * ISLT on two keys. Returns nothing: temp memory is freed by `freeMem` at list_sort_impl's exit.
 */
export class MergeState {
  /** ms->alloced: slots the current temp area holds. */
  private alloced: number;
  /** ms->a.keys when it is not the stack's temparray (a PyMem block), else 0. */
  private block = 0;
  private readonly multiplier: number;
  private readonly pending: Run[] = [];

  constructor(
    private readonly vm: Vm,
    private readonly keys: readonly number[],
    private readonly order: number[],
    private readonly lt: (a: number, b: number) => boolean,
    hasValues: boolean,
  ) {
    const n = order.length;
    // merge_init: with a key function the stack array is shared between keys and values
    this.alloced = hasValues ? Math.min((n + 1) >> 1, MERGESTATE_TEMP_SIZE / 2) : MERGESTATE_TEMP_SIZE;
    this.multiplier = hasValues ? 2 : 1;
  }

  /** list_sort_impl's main loop: runs found, extended, pushed and merged; then the final collapse. */
  sort(): void {
    const n = this.order.length;
    if (n < 2) return;
    const minrun = computeMinrun(n);
    let lo = 0;
    let remaining = n;
    while (remaining > 0) {
      let run = this.countRun(lo, lo + remaining);
      if (run < 0) {
        run = -run;
        reverse(this.order, lo, lo + run);
      }
      if (run < minrun) {
        const force = remaining <= minrun ? remaining : minrun;
        this.binarySort(lo, lo + force, lo + run);
        run = force;
      }
      this.foundNewRun(run);
      this.pending.push({ base: lo, len: run, power: 0 });
      lo += run;
      remaining -= run;
    }
    // merge_force_collapse
    const p = this.pending;
    while (p.length > 1) {
      let i = p.length - 2;
      if (i > 0 && p[i - 1].len < p[i + 1].len) i--;
      this.mergeAt(i);
    }
  }

  /** merge_freemem at list_sort_impl's exit. */
  freeMem(): void {
    if (this.block) this.vm.mem.free(this.block);
    this.block = 0;
  }

  private less(i: number, j: number): boolean {
    return this.lt(this.keys[this.order[i]], this.keys[this.order[j]]);
  }

  /** count_run: the run's length, negative when it is strictly descending (reversed by the caller). */
  private countRun(lo: number, hi: number): number {
    if (lo + 1 === hi) return 1;
    let n = 2;
    if (this.less(lo + 1, lo)) {
      for (let i = lo + 2; i < hi && this.less(i, i - 1); i++) n++;
      return -n;
    }
    for (let i = lo + 2; i < hi && !this.less(i, i - 1); i++) n++;
    return n;
  }

  /** binarysort: [lo, start) is sorted; insert each later item after the equal ones. */
  private binarySort(lo: number, hi: number, start: number): void {
    const o = this.order;
    for (let s = start; s < hi; s++) {
      const pivot = o[s];
      const pk = this.keys[pivot];
      let l = lo;
      let r = s;
      while (l < r) {
        const m = l + ((r - l) >> 1);
        if (this.lt(pk, this.keys[o[m]])) r = m;
        else l = m + 1;
      }
      for (let i = s; i > l; i--) o[i] = o[i - 1];
      o[l] = pivot;
    }
  }

  /** found_new_run: merge while the run below the top has a higher power than the new boundary. */
  private foundNewRun(n2: number): void {
    const p = this.pending;
    if (p.length === 0) return;
    const top = p[p.length - 1];
    const power = powerloop(top.base, top.len, n2, this.order.length);
    while (p.length > 1 && p[p.length - 2].power > power) this.mergeAt(p.length - 2);
    p[p.length - 1].power = power;
  }

  /** merge_at: runs i and i+1 become one; the gallops trim what actually needs merging. */
  private mergeAt(i: number): void {
    const p = this.pending;
    const a = p[i];
    const b = p[i + 1];
    const bBase = b.base;
    let nb = b.len;
    a.len += nb;
    p.splice(i + 1, 1);
    const keys = this.keys;
    const o = this.order;
    // gallop_right(*ssb.keys, ssa.keys, na, 0): A's items <= B's first stay where they are
    const bFirst = keys[o[bBase]];
    let l = a.base;
    let r = bBase;
    while (l < r) {
      const m = l + ((r - l) >> 1);
      if (this.lt(bFirst, keys[o[m]])) r = m;
      else l = m + 1;
    }
    const aStart = l;
    const na = bBase - aStart;
    if (na === 0) return;
    // gallop_left(ssa.keys[na-1], ssb.keys, nb, nb-1): B's items >= A's last stay where they are
    const aLast = keys[o[bBase - 1]];
    l = bBase;
    r = bBase + nb;
    while (l < r) {
      const m = l + ((r - l) >> 1);
      if (this.lt(keys[o[m]], aLast)) l = m + 1;
      else r = m;
    }
    nb = l - bBase;
    if (nb === 0) return;
    // merge_lo copies A aside, merge_hi copies B: the smaller one
    this.getMem(Math.min(na, nb));
    this.merge(aStart, na, nb);
  }

  /** MERGE_GETMEM / merge_getmem: a bigger area replaces the old one (free, then malloc). */
  private getMem(need: number): void {
    const mem = this.vm.mem;
    if (need > this.alloced) {
      if (this.block) mem.free(this.block);
      this.block = mem.malloc(this.multiplier * need * 8);
      this.alloced = need;
    }
    if (this.block) {
      // the run copied aside: its keys, and its values at a.values = a.keys + alloced
      mem.touch(this.block, need * 8);
      if (this.multiplier === 2) mem.touch(this.block + this.alloced * 8, need * 8);
    }
  }

  /** A stable merge of [start, start+na) and [start+na, start+na+nb) in place. */
  private merge(start: number, na: number, nb: number): void {
    const o = this.order;
    const keys = this.keys;
    const left = o.slice(start, start + na);
    let i = 0;
    let j = start + na;
    const end = j + nb;
    let k = start;
    while (i < na && j < end) {
      if (this.lt(keys[o[j]], keys[left[i]])) o[k++] = o[j++];
      else o[k++] = left[i++];
    }
    while (i < na) o[k++] = left[i++];
  }
}

/** merge_compute_minrun: n's top 6 bits, plus 1 if any lower bit is set. */
function computeMinrun(n: number): number {
  let r = 0;
  while (n >= 64) {
    r |= n & 1;
    n >>= 1;
  }
  return n + r;
}

/** powerloop: the level of the boundary between runs [s1, s1+n1) and [s1+n1, s1+n1+n2) of n. */
function powerloop(s1: number, n1: number, n2: number, n: number): number {
  let result = 0;
  let a = 2 * s1 + n1;
  let b = a + n1 + n2;
  for (;;) {
    result++;
    if (a >= n) {
      a -= n;
      b -= n;
    } else if (b >= n) break;
    a *= 2;
    b *= 2;
  }
  return result;
}

function reverse(o: number[], lo: number, hi: number): void {
  for (hi--; lo < hi; lo++, hi--) {
    const t = o[lo];
    o[lo] = o[hi];
    o[hi] = t;
  }
}
