import type { Holder, HolderRole } from '../../explain/owners';
import { dictEntries } from '../objects/dict';
import { strValue } from '../objects/str';
import { F_FREELISTED } from '../objects/table';
import { T } from '../objects/types';
import { allocationRef, describeObject, objectNoun, type OwnerContext } from './describe';

/** The module's names by the object they are bound to (dunder names left out). */
export interface ModuleNames {
  dict: number;
  byObject: Map<number, string[]>;
}

export function moduleNames(ctx: OwnerContext): ModuleNames {
  const it = ctx.p.interpreter;
  const byObject = new Map<number, string[]>();
  if (!it) return { dict: 0, byObject };
  const vm = ctx.vm;
  for (const [k, v] of dictEntries(vm, it.globals)) {
    if (vm.table.type[k] !== T.Str) continue;
    const name = strValue(vm, k);
    if (name.startsWith('__') && name.endsWith('__')) continue;
    const list = byObject.get(v);
    if (list) list.push(name);
    else byObject.set(v, [name]);
  }
  return { dict: it.globals, byObject };
}

/**
 * References followed per scan before giving up (a few hundred milliseconds at most): a process of
 * big non-repeated lists can hold far more, and a sentence without its holder is better than a
 * stalled page.
 */
const VISIT_BUDGET = 40_000_000;

/**
 * Every reference held by an object (tp_traverse, plus the ones a layer reports, like a view's
 * base) whose target is marked, as (holder, target, role). The module dict is left out: its
 * references are the names. Returns false when the budget ran out before the end.
 */
export function scanReferrers(
  ctx: OwnerContext,
  names: ModuleNames,
  marked: Uint8Array,
  found: (holder: number, target: number, role: HolderRole) => void,
): boolean {
  const vm = ctx.vm;
  const t = vm.table;
  const end = t.end;
  let visits = 0;
  let holder = 0;
  const visit = (ref: number): void => {
    visits++;
    if (ref > 0 && ref < marked.length && marked[ref]) found(holder, ref, 'item');
  };
  const layerVisit = (ref: number, role: HolderRole): void => {
    visits++;
    if (ref > 0 && ref < marked.length && marked[ref]) found(holder, ref, role);
  };
  // Imports read in the loop become locals (see scan.ts).
  const freelisted = F_FREELISTED;
  const byType = ctx.byType;
  const { type: types, flags, refcnt } = t;
  const skip = names.dict;
  for (let h = 1; h < end; h++) {
    const type = types[h];
    // refcnt 0: the object is being torn down (the fine mode can stop inside its dealloc, after
    // its contents are freed and before its own block is): it holds nothing any more.
    if (type === 0 || h === skip || flags[h] & freelisted || refcnt[h] <= 0) continue;
    holder = h;
    byType[type]?.references?.(h, layerVisit);
    if (vm.isGcType(type)) vm.traverse(h, visit);
    if (visits > VISIT_BUDGET) return false;
  }
  return true;
}

/** A holder object as a sentence names it: "the list keep" when a name is bound to it, else "a list of 10 items". */
export function holderText(ctx: OwnerContext, names: ModuleNames, h: number): string {
  const bound = names.byObject.get(h);
  return bound ? `the ${objectNoun(ctx, h)} ${bound[0]}` : describeObject(ctx, h);
}

const objectRef = (ctx: OwnerContext, h: number) => allocationRef(ctx.p, ctx.vm.table.addr[h])?.ref;

/**
 * Who keeps each target alive: the names bound to it, then the objects that refer to it. Objects
 * are searched (one pass over the table) only for targets with no name, or when a layer reports
 * references (a view's base is worth naming even when the array has a name too).
 */
export function findHolders(
  ctx: OwnerContext,
  names: ModuleNames,
  targets: readonly number[],
  maxPer = 3,
): Map<number, Holder[]> {
  const out = new Map<number, Holder[]>();
  let searchObjects = false;
  for (const h of targets) {
    const list: Holder[] = [];
    for (const name of names.byObject.get(h) ?? [])
      list.push({ role: 'name', text: name, ref: objectRef(ctx, h) });
    out.set(h, list);
    const type = ctx.vm.table.type[h];
    if (list.length === 0 || (ctx.byType[type] !== undefined && ctx.byType.some((p) => p?.references)))
      searchObjects = true;
  }
  if (!searchObjects || targets.length === 0) return out;
  const marked = new Uint8Array(ctx.vm.table.end);
  for (const h of targets) marked[h] = 1;
  const seen = new Set<string>();
  scanReferrers(ctx, names, marked, (holder, target, role) => {
    const list = out.get(target)!;
    const key = `${holder}:${target}`;
    if (list.length >= maxPer || seen.has(key)) return;
    seen.add(key);
    list.push({ role, text: holderText(ctx, names, holder), ref: objectRef(ctx, holder) });
  });
  return out;
}
