import type { CycleGarbage } from '../../explain/owners';
import { F_FREELISTED, F_RLE, F_TRACKED } from '../objects/table';
import { T } from '../objects/types';
import { allocationRef, eachBuffer, objectNoun, type OwnerContext } from './describe';

/**
 * Objects alive only through reference cycles (what the cycle collector would free now), found
 * without collecting: gc_refs = refcount − references from other tracked objects (update_refs +
 * subtract_refs of gcmodule.c, over every generation at once); what has gc_refs > 0 is referenced
 * from outside and, with everything reachable from it, stays; the rest is cyclic garbage. Nothing
 * in the table is changed.
 */
export function cyclicGarbage(ctx: OwnerContext): CycleGarbage | null {
  const vm = ctx.vm;
  const t = vm.table;
  const end = t.end;
  const { flags, refcnt } = t;
  // Cost: this runs after every statement over every tracked object (a million lists after the
  // seed's first line), so the visitors are made once, not one closure per object, and the mark
  // stack is a typed array.
  const LIVE_TRACKED = F_TRACKED | F_FREELISTED;
  const tracked = (h: number): boolean => h > 0 && h < end && (flags[h] & LIVE_TRACKED) === F_TRACKED;
  // gc_refs in one pass: each live tracked object adds its refcount and takes one from every tracked
  // object it refers to (the sum is the same in any order, so update_refs and subtract_refs share it).
  const gcRefs = new Int32Array(end);
  // Objects referring to a tracked object: the mark below walks only those (the seed's million inner
  // lists hold small ints only, a list of a million str none: their second walk is skipped).
  const walk = new Uint8Array(end);
  let n = 0;
  let sawTracked: 0 | 1;
  const subtract = (r: number, times = 1): void => {
    if (tracked(r)) {
      gcRefs[r] -= times;
      sawTracked = 1;
    }
  };
  const { type, ref, n: len } = t;
  const data = vm.pool.data;
  for (let h = 1; h < end; h++) {
    if ((flags[h] & LIVE_TRACKED) !== F_TRACKED || refcnt[h] <= 0) continue;
    gcRefs[h] += refcnt[h];
    n++;
    if (type[h] === T.List && flags[h] & F_RLE) {
      // n copies of one item (vm.traverse's list case, inline: the seed's [0] * 100 lists)
      const r = ref[h];
      if (len[h] > 0 && r !== 0 && tracked(r)) {
        gcRefs[r] -= len[h];
        walk[h] = 1;
      }
      continue;
    }
    if (type[h] !== T.List) {
      sawTracked = 0;
      vm.traverse(h, subtract);
      walk[h] = sawTracked;
      continue;
    }
    // A list's items inline, as the collector walks them (the seed's outer list holds a million lists).
    for (let i = ref[h], stop = i + len[h]; i < stop; i++) {
      const r = data[i];
      if (r !== 0 && (flags[r] & LIVE_TRACKED) === F_TRACKED) {
        gcRefs[r]--;
        walk[h] = 1;
      }
    }
  }
  if (n === 0) return null;
  // Mark from the objects referenced from outside, over the objects that refer to something tracked
  // only (walk = 1: "inner" below). An object that refers to nothing tracked (a leaf: the seed's
  // million inner lists) leads nowhere, and every reference to it comes from an inner object, so
  // when every inner object is reached, every leaf with a reference is too (gc_refs 0: all its
  // references are from inner objects; gc_refs > 0: a root): no garbage, found without touching a
  // leaf. Only when some inner object is left are the leaves marked, for the last pass's count.
  const reached = new Uint8Array(end);
  let stack = new Int32Array(1024);
  let top = 0;
  let inner = 0;
  let innerReached = 0;
  const stackInner = (r: number): void => {
    if (!walk[r] || reached[r]) return;
    if (top === stack.length) {
      const grown = new Int32Array(stack.length * 2);
      grown.set(stack);
      stack = grown;
    }
    stack[top++] = r;
  };
  for (let h = 1; h < end; h++) {
    if (!walk[h]) continue;
    inner++;
    if (reached[h] || gcRefs[h] <= 0) continue;
    stackInner(h);
    while (top > 0) {
      const x = stack[--top];
      if (reached[x]) continue;
      reached[x] = 1;
      innerReached++;
      if (type[x] !== T.List || flags[x] & F_RLE) {
        vm.traverse(x, stackInner);
        continue;
      }
      // a list's items inline (the seed's outer list: a million leaves, each skipped on one byte)
      for (let i = ref[x], stop = i + len[x]; i < stop; i++) {
        const r = data[i];
        if (walk[r] && !reached[r]) stackInner(r);
      }
    }
  }
  if (innerReached === inner) return null;
  // Some inner object is garbage: the leaves reached are the roots among them and those a reached
  // inner object refers to.
  const reachLeaf = (r: number): void => {
    if (tracked(r) && !walk[r]) reached[r] = 1;
  };
  for (let h = 1; h < end; h++) {
    if ((flags[h] & LIVE_TRACKED) !== F_TRACKED || refcnt[h] <= 0) continue;
    if (!walk[h]) {
      if (gcRefs[h] > 0) reached[h] = 1;
    } else if (reached[h]) vm.traverse(h, reachLeaf);
  }
  const counts = new Map<string, number>();
  let objects = 0;
  let bytes = 0;
  let example: CycleGarbage['example'] = null;
  for (let h = 1; h < end; h++) {
    if ((flags[h] & LIVE_TRACKED) !== F_TRACKED || refcnt[h] <= 0 || reached[h]) continue;
    objects++;
    const noun = objectNoun(ctx, h);
    counts.set(noun, (counts.get(noun) ?? 0) + 1);
    const own = allocationRef(ctx.p, t.addr[h]);
    if (own) {
      bytes += own.bytes;
      example ??= own.ref;
    }
    eachBuffer(ctx, h, (ptr) => {
      bytes += allocationRef(ctx.p, ptr)?.bytes ?? 0;
    });
  }
  if (objects === 0) return null;
  const [noun, count] = [...counts].sort((a, b) => b[1] - a[1])[0];
  return { objects, noun, nounCount: count, bytes, gcEnabled: vm.gc.enabled, example };
}
