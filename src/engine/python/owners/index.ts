import type { Owner, OwnerAnswer, OwnerLookup, Unbound } from '../../explain/owners';
import { F_FREELISTED } from '../objects/table';
import type { PythonProcess } from '../process';
import {
  allocationRef,
  describeObject,
  eachBuffer,
  isStatic,
  objectNoun,
  type OwnerContext,
} from './describe';
import { findHolders, moduleNames } from './holders';
import { interpreterOwners } from './interpreter';
import { cyclicGarbage } from './cycles';
import { forEachAllocation } from './scan';
import { providersByType } from './providers';
import { arenaResidents } from './residents';

export { registerOwnerProvider, type OwnerProvider } from './providers';

/** One module-level name and the object it was bound to (handle, type and address identify it). */
export interface GlobalBinding {
  name: string;
  h: number;
  type: number;
  addr: number;
}

/** The module's names now: kept by the worker after each statement, to see what the next one unbinds. */
export function globalBindings(p: PythonProcess): GlobalBinding[] {
  const ctx = contextOf(p);
  const t = p.vm.table;
  const out: GlobalBinding[] = [];
  for (const [h, names] of moduleNames(ctx).byObject)
    for (const name of names) out.push({ name, h, type: t.type[h], addr: t.addr[h] });
  return out;
}

const contextOf = (p: PythonProcess): OwnerContext => ({ p, vm: p.vm, byType: providersByType(p.vm) });

/**
 * The objects and buffers whose memory starts in [from, to), at most `max`, in address order,
 * labelled as the sentences name them ("the data buffer of an ndarray of 10,000,000 int64").
 */
export function allocationsIn(
  p: PythonProcess,
  from: number,
  to: number,
  max = 64,
): { address: number; label: string }[] {
  const ctx = contextOf(p);
  const out: { address: number; label: string }[] = [];
  forEachAllocation(
    ctx,
    from,
    to,
    () => out.length < max,
    (ptr, h, role) => {
      const what = describeObject(ctx, h);
      out.push({ address: ptr, label: role ? `the ${role} of ${what}` : what });
    },
  );
  return out.sort((x, y) => x.address - y.address);
}

/**
 * The owner lookup explain/ asks once per explanation: Python objects and their buffers, the
 * interpreter's own structures, the residents of arenas, and the names the step let go of whose
 * objects live on. `before` is the module's names before the step (null: not known).
 */
export function pythonOwnerLookup(p: PythonProcess, before: readonly GlobalBinding[] | null): OwnerLookup {
  return (q) => {
    const ctx = contextOf(p);
    const t = p.vm.table;
    const names = moduleNames(ctx);

    // Which object (and which of its buffers) each asked pointer is: one pass over the table.
    const asked = new Set(q.pointers);
    const found = new Map<number, { h: number; role: string | null }>();
    if (asked.size > 0) {
      // A handful of pointers against millions of handles: a sorted scan beats hashing doubles.
      const ptrs = Float64Array.from(asked).sort();
      const wanted = (ptr: number): boolean => {
        for (let i = 0; i < ptrs.length && ptrs[i] <= ptr; i++) if (ptrs[i] === ptr) return true;
        return false;
      };
      const hit = (ptr: number, h: number, role: string | null): void => void found.set(ptr, { h, role });
      forEachAllocation(ctx, ptrs[0], ptrs[ptrs.length - 1] + 1, wanted, hit);
    }

    const unbound = unboundNames(ctx, before);
    const targets = new Set<number>();
    for (const { h } of found.values()) if (!(t.flags[h] & F_FREELISTED)) targets.add(h);
    for (const u of unbound) targets.add(u.h);
    const holders = findHolders(ctx, names, [...targets]);

    const owners = new Map<number, Owner>();
    for (const [ptr, { h, role }] of found) {
      const what = describeObject(ctx, h);
      owners.set(ptr, {
        what: role ? `the ${role} of ${what}` : what,
        object: allocationRef(p, t.addr[h])?.ref,
        holders: holders.get(h) ?? [],
      });
    }
    interpreterOwners(ctx, asked, owners);

    const answer: OwnerAnswer = {
      owners,
      arenas: arenaResidents(ctx, names, q.arenas),
      unbound: unbound.map((u) => describeUnbound(ctx, u, holders.get(u.h) ?? [])),
      cycles: cyclicGarbage(ctx),
    };
    return answer;
  };
}

/** Names deleted or rebound since `before` whose objects are still alive (same handle, type and address). */
function unboundNames(
  ctx: OwnerContext,
  before: readonly GlobalBinding[] | null,
): (GlobalBinding & { rebound: boolean })[] {
  if (!before) return [];
  const t = ctx.vm.table;
  const now = new Map(globalBindings(ctx.p).map((b) => [b.name, b]));
  const out: (GlobalBinding & { rebound: boolean })[] = [];
  for (const b of before) {
    const cur = now.get(b.name);
    if (cur && cur.h === b.h && cur.addr === b.addr) continue;
    const alive = t.type[b.h] === b.type && t.addr[b.h] === b.addr && !(t.flags[b.h] & F_FREELISTED);
    if (alive && !isStatic(ctx.vm, b.h)) out.push({ ...b, rebound: cur !== undefined });
  }
  return out;
}

/** An unbound name's object: what it is, its biggest allocation, who holds it now. */
function describeUnbound(
  ctx: OwnerContext,
  u: GlobalBinding & { rebound: boolean },
  holders: Unbound['holders'],
): Unbound {
  const t = ctx.vm.table;
  const own = allocationRef(ctx.p, u.addr);
  let memory: Unbound['memory'] = own
    ? { role: `${objectNoun(ctx, u.h)} object`, bytes: own.bytes, ref: own.ref }
    : null;
  eachBuffer(ctx, u.h, (ptr, role) => {
    const r = allocationRef(ctx.p, ptr);
    if (r && (!memory || r.bytes > memory.bytes)) memory = { role, bytes: r.bytes, ref: r.ref };
  });
  return {
    name: u.name,
    rebound: u.rebound,
    what: describeObject(ctx, u.h),
    object: own?.ref ?? null,
    memory,
    holders,
    refcnt: t.refcnt[u.h],
  };
}
