import type { MemoryRef } from '../engine/explain/types';
import {
  allocationRef,
  describeObject,
  eachBuffer,
  type OwnerContext,
} from '../engine/python/owners/describe';
import { providersByType } from '../engine/python/owners/providers';
import { forEachAllocation } from '../engine/python/owners/scan';
import { F_FREELISTED } from '../engine/python/objects/table';
import type { PythonProcess } from '../engine/python/process';
import type { ObjectInfo, OwnerText } from '../protocol/messages';
import type { SimProcess } from './process';

/**
 * The Python objects whose memory (own block or a buffer) starts in [from, to), each with all its
 * parts across the layers: a list's header in a pymalloc block and its item buffer on the glibc
 * heap, an ndarray's header and its mmapped data. At most `max` objects.
 */
export function objectsWithParts(p: PythonProcess, from: number, to: number, max = 24): ObjectInfo[] {
  const ctx: OwnerContext = { p, vm: p.vm, byType: providersByType(p.vm) };
  const t = p.vm.table;
  const seen = new Map<number, ObjectInfo>();
  forEachAllocation(
    ctx,
    from,
    to,
    () => seen.size < max,
    (ptr, h, role) => {
      // Parked on a free list, or being torn down (the fine mode stops inside deallocations): not an object any more.
      if (seen.has(h) || t.flags[h] & F_FREELISTED || t.refcnt[h] <= 0 || !p.vm.types[t.type[h]]) return;
      const what = describeObject(ctx, h);
      const parts: { ref: MemoryRef; role: string; bytes: number }[] = [];
      const head = allocationRef(p, t.addr[h]);
      if (head) parts.push({ ...head, role: 'object' });
      eachBuffer(ctx, h, (b, r) => {
        const ref = allocationRef(p, b);
        if (ref) parts.push({ ...ref, role: r });
      });
      seen.set(h, { address: ptr, label: role ? `the ${role} of ${what}` : what, parts });
    },
  );
  return [...seen.values()].sort((x, y) => x.address - y.address);
}

/** The owner of the allocation at `from`, in words (a block's pointer is its address, a chunk's is 16 above). */
export function ownerAt(live: SimProcess, from: number): OwnerText | null {
  const answer = live.owners(null)({ pointers: [from, from + 16], arenas: [] });
  const o = answer.owners.get(from) ?? answer.owners.get(from + 16);
  if (!o) return null;
  return {
    what: o.what,
    note: o.note ?? null,
    kept: o.kept ?? null,
    holders: o.holders.map((h) => (h.role === 'name' ? `the name ${h.text}` : h.text)),
  };
}
