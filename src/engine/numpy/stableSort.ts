import type { Libc } from '../libc/libc';
import { strValue } from '../python/objects/str';
import { T } from '../python/objects/types';
import type { Vm } from '../python/runtime/vm';

/** argsort's `kind`: 'stable' and 'mergesort' select the stable sort (PyArray_SortkindConverter). */
export function isStableKind(vm: Vm, h: number | undefined): boolean {
  if (h === undefined || vm.table.type[h] !== T.Str) return false;
  const k = strValue(vm, h).toLowerCase();
  return k.startsWith('s') || k.startsWith('m');
}

/** NumPy's LT for floats: NaN sorts after every number (npysort_common.h). */
function lt(a: number, b: number): boolean {
  return a < b || (b !== b && a === a);
}

/** compute_min_run (timsort.cpp): the top 6 bits of n, plus one if any lower bit is set. */
function minRun(num: number): number {
  let r = 0;
  while (num > 64) {
    r |= num & 1;
    num = Math.floor(num / 2);
  }
  return num + r;
}

/**
 * NumPy 1.24's stable argsort (kind='stable'/'mergesort'), what `argsort[NPY_STABLESORT]` runs:
 * `aradixsort` for 1- and 2-byte types (bool, int8/uint8, int16/uint16): nothing when already in
 * order, else one `malloc(num * 8)` work array; `atimsort` for the others, whose merge buffer is
 * the only allocation: `resize_buffer_intp` mallocs then reallocs it to the shorter side of each
 * merge after galloping (`amerge_at`), freed at the end — so its calls follow the data's runs.
 * The runs, the stack's collapse rule (`atry_collapse`, `aforce_collapse`) and the gallop
 * trimming are followed as timsort.cpp does them; `tosort` (the current order) is sorted in place.
 * `write` is the C code's stores into those buffers: aradixsort fills its whole work array;
 * amerge_left/amerge_right memcpy the shorter run into the merge buffer (its first
 * min(l1, l2) · 8 bytes), so a 1,000,000-element argsort's last merge writes 4 MB of it: measured
 * on 1.24.2, argsort(kind='stable') of 10^6 int64 labels in 0..4999 adds 11.5 MiB of RSS, the
 * 7.6 MiB result and ~3.9 MiB of that buffer (freed to the heap's top, below the trim threshold).
 */
export function stableArgsort(
  libc: Libc,
  v: ArrayLike<number>,
  tosort: number[],
  itemsize: number,
  write: (addr: number, len: number) => void,
): void {
  const num = tosort.length;
  if (itemsize <= 2) {
    if (num < 2) return;
    let sorted = true;
    for (let i = 1; i < num && sorted; i++) if (v[tosort[i]] < v[tosort[i - 1]]) sorted = false;
    if (sorted) return;
    const aux = libc.malloc(num * 8);
    if (aux) write(aux, num * 8);
    stableSortRange(v, tosort, 0, num);
    libc.free(aux);
    return;
  }
  let buf = 0;
  let bufSize = 0;
  const resize = (n: number): void => {
    if (n <= bufSize) return;
    buf = buf === 0 ? libc.malloc(n * 8) : libc.realloc(buf, n * 8);
    bufSize = n;
  };
  const min = minRun(num);
  const countRun = (l: number): number => {
    if (num - l === 1) return 1;
    let pi = l + 1;
    if (!lt(v[tosort[l + 1]], v[tosort[l]])) {
      while (pi < num - 1 && !lt(v[tosort[pi + 1]], v[tosort[pi]])) pi++;
    } else {
      while (pi < num - 1 && lt(v[tosort[pi + 1]], v[tosort[pi]])) pi++;
      for (let a = l, b = pi; a < b; a++, b--) [tosort[a], tosort[b]] = [tosort[b], tosort[a]];
    }
    let sz = pi + 1 - l;
    if (sz < min) {
      sz = l + min < num ? min : num - l;
      stableSortRange(v, tosort, l, l + sz); // the insertion sort: stable
    }
    return sz;
  };
  const stack: { s: number; l: number }[] = [];
  const mergeAt = (at: number): void => {
    const s1 = stack[at].s;
    let l1 = stack[at].l;
    const s2 = stack[at + 1].s;
    const l2full = stack[at + 1].l;
    // agallop_right: where tosort[s2] belongs in run 1 (after the items not greater)
    const key = v[tosort[s2]];
    let k = 0;
    while (k < l1 && !lt(key, v[tosort[s1 + k]])) k++;
    if (k === l1) return;
    l1 -= k;
    // agallop_left: where tosort[s2 - 1] belongs in run 2 (before the items not smaller)
    const key2 = v[tosort[s2 - 1]];
    let l2 = 0;
    while (l2 < l2full && lt(v[tosort[s2 + l2]], key2)) l2++;
    const shorter = l2 < l1 ? l2 : l1;
    resize(shorter);
    if (buf) write(buf, shorter * 8);
    mergeRuns(v, tosort, s1 + k, s2, s2 + l2);
  };
  for (let l = 0; l < num;) {
    const n = countRun(l);
    stack.push({ s: l, l: n });
    // atry_collapse
    while (stack.length > 1) {
      const top = stack.length;
      const B = stack[top - 2].l;
      const C = stack[top - 1].l;
      if ((top > 2 && stack[top - 3].l <= B + C) || (top > 3 && stack[top - 4].l <= stack[top - 3].l + B)) {
        if (stack[top - 3].l <= C) {
          mergeAt(top - 3);
          stack[top - 3].l += B;
          stack.splice(top - 2, 1);
        } else {
          mergeAt(top - 2);
          stack[top - 2].l += C;
          stack.pop();
        }
      } else if (B <= C) {
        mergeAt(top - 2);
        stack[top - 2].l += C;
        stack.pop();
      } else break;
    }
    l += n;
  }
  // aforce_collapse
  while (stack.length > 2) {
    const top = stack.length;
    if (stack[top - 3].l <= stack[top - 1].l) {
      mergeAt(top - 3);
      stack[top - 3].l += stack[top - 2].l;
      stack.splice(top - 2, 1);
    } else {
      mergeAt(top - 2);
      stack[top - 2].l += stack[top - 1].l;
      stack.pop();
    }
  }
  if (stack.length > 1) mergeAt(stack.length - 2);
  if (buf) libc.free(buf);
}

/** A stable sort of tosort[from, to) by value. */
function stableSortRange(v: ArrayLike<number>, tosort: number[], from: number, to: number): void {
  const part = tosort.slice(from, to);
  part.sort((a, b) => (lt(v[a], v[b]) ? -1 : lt(v[b], v[a]) ? 1 : 0));
  for (let i = 0; i < part.length; i++) tosort[from + i] = part[i];
}

/** Merge the sorted runs tosort[a, m) and tosort[m, e) (run 1 first among equals). */
function mergeRuns(v: ArrayLike<number>, tosort: number[], a: number, m: number, e: number): void {
  const left = tosort.slice(a, m);
  let i = 0;
  let j = m;
  let o = a;
  while (i < left.length && j < e) tosort[o++] = lt(v[tosort[j]], v[left[i]]) ? tosort[j++] : left[i++];
  while (i < left.length) tosort[o++] = left[i++];
}
