import type { ArenaResidents, Holder, HolderRole, NounCount } from '../../explain/owners';
import type { MemoryRef } from '../../explain/types';
import { ARENA_SIZE } from '../../pymalloc/constants';
import { typeName } from '../abstract/object';
import { F_FREELISTED } from '../objects/table';
import { allocationRef, type OwnerContext } from './describe';
import { forEachAllocation } from './scan';
import { holderText, scanReferrers, type ModuleNames } from './holders';

type Group = { one: string; many: string; count: number };

const plural = (noun: string): string => (noun === 'bytes' ? 'bytes objects' : `${noun}s`);

/**
 * The live blocks of some arenas as Python objects: which objects (and buffers) they are, which of
 * them are referenced from outside those arenas, and by whom. That is what keeps a sparse arena
 * mapped: pymalloc frees an arena only once every pool in it is empty.
 */
export function arenaResidents(
  ctx: OwnerContext,
  names: ModuleNames,
  arenas: readonly number[],
): ArenaResidents | null {
  if (arenas.length === 0) return null;
  const st = ctx.p.pymalloc.st;
  const radix = st.radix;
  const askedSlot = new Uint8Array(st.maxarenas);
  let lo = Infinity;
  let hi = -Infinity;
  for (const base of arenas) {
    const slot = radix.slotOf(base);
    if (slot < 0) continue;
    askedSlot[slot] = 1;
    lo = Math.min(lo, base);
    hi = Math.max(hi, base + ARENA_SIZE);
  }
  const inAsked = (a: number): boolean => {
    const slot = radix.slotOf(a);
    return slot >= 0 && askedSlot[slot] === 1;
  };

  const vm = ctx.vm;
  const t = vm.table;
  const end = t.end;
  const resident = new Uint8Array(end);
  const groups = new Map<string, Group>();
  const add = (one: string, many: string): void => {
    const g = groups.get(one);
    if (g) g.count++;
    else groups.set(one, { one, many, count: 1 });
  };
  let example: MemoryRef | null = null;
  forEachAllocation(ctx, lo, hi, inAsked, (ptr, h, role) => {
    // An object whose buffer is in the arena keeps the arena as much as one living there.
    resident[h] = 1;
    const name = typeName(vm, h);
    if (role !== null) add(`${name} ${role}`, `${name} ${role}s`);
    else if (t.flags[h] & F_FREELISTED)
      add(
        `dead ${name} kept on CPython's ${name} free list`,
        `dead ${plural(name)} kept on CPython's ${name} free list`,
      );
    else add(name === 'bytes' ? 'bytes object' : name, plural(name));
    example ??= { kind: 'block', address: ptr, size: ctx.p.pymalloc.blockSize(ptr) };
  });
  const sorted = [...groups.values()].sort(
    (x, y) => y.count - x.count || (x.many < y.many ? -1 : x.many > y.many ? 1 : 0),
  );
  const blocks = sorted.reduce((s, g) => s + g.count, 0);
  if (blocks === 0) return { groups: [], blocks: 0, roots: null, holders: [], example: null };

  // Roots: residents a name or an object outside the arenas refers to.
  const rootKinds = new Map<string, Group>();
  const isRoot = new Uint8Array(end);
  const holderCount = new Map<number, { n: number; role: HolderRole }>();
  const names0: Holder[] = [];
  let rootExample: MemoryRef | null = null;
  const root = (h: number): void => {
    if (isRoot[h]) return;
    isRoot[h] = 1;
    rootExample ??= allocationRef(ctx.p, t.addr[h])?.ref ?? null;
    const n = typeName(vm, h);
    const g = rootKinds.get(n);
    if (g) g.count++;
    else rootKinds.set(n, { one: n, many: plural(n), count: 1 });
  };
  for (const [h, bound] of names.byObject)
    if (h < end && resident[h]) {
      root(h);
      if (names0.length < 3)
        names0.push({ role: 'name', text: bound[0], ref: allocationRef(ctx.p, t.addr[h])?.ref });
    }
  scanReferrers(ctx, names, resident, (holder, target, role) => {
    if (resident[holder]) return;
    root(target);
    const c = holderCount.get(holder);
    if (c) c.n++;
    else holderCount.set(holder, { n: 1, role });
  });
  const topHolders = [...holderCount.entries()].sort((x, y) => y[1].n - x[1].n).slice(0, 3);
  const holders: Holder[] = [
    ...names0,
    ...topHolders.map(([h, { role }]): Holder => ({
      role,
      text: holderText(ctx, names, h),
      ref: allocationRef(ctx.p, t.addr[h])?.ref,
    })),
  ];
  const roots: NounCount | null = [...rootKinds.values()].sort((x, y) => y.count - x.count)[0] ?? null;
  return { groups: sorted, blocks, roots, holders, example: rootExample ?? example };
}
