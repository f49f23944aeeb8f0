import type { CycleGarbage } from '../../explain/owners';
import { F_FREELISTED, F_TRACKED } from '../objects/table';
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
  const tracked = (h: number): boolean =>
    h > 0 && h < end && (flags[h] & F_TRACKED) !== 0 && (flags[h] & F_FREELISTED) === 0;
  const gcRefs = new Int32Array(end);
  let n = 0;
  for (let h = 1; h < end; h++)
    if (tracked(h) && refcnt[h] > 0) {
      gcRefs[h] = refcnt[h];
      n++;
    }
  if (n === 0) return null;
  for (let h = 1; h < end; h++) {
    if (!tracked(h) || refcnt[h] <= 0) continue;
    vm.traverse(h, (r, times = 1) => {
      if (tracked(r)) gcRefs[r] -= times;
    });
  }
  // Mark from the objects referenced from outside.
  const reached = new Uint8Array(end);
  const stack: number[] = [];
  for (let h = 1; h < end; h++) if (tracked(h) && refcnt[h] > 0 && gcRefs[h] > 0) stack.push(h);
  while (stack.length > 0) {
    const h = stack.pop()!;
    if (reached[h]) continue;
    reached[h] = 1;
    vm.traverse(h, (r) => {
      if (tracked(r) && !reached[r]) stack.push(r);
    });
  }
  const counts = new Map<string, number>();
  let objects = 0;
  let bytes = 0;
  let example: CycleGarbage['example'] = null;
  for (let h = 1; h < end; h++) {
    if (!tracked(h) || refcnt[h] <= 0 || reached[h]) continue;
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
