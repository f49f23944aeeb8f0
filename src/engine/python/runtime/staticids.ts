import recorded from './staticids.json';
import { TpFlags } from '../objects/types';
import type { Vm } from './vm';

interface StaticIds {
  objects: Record<string, number>;
  types: Record<string, number>;
}

const BY_PROFILE = recorded as Record<string, StaticIds | undefined>;

/**
 * Give the static objects the addresses they have in the real binary (staticids.json, recorded by
 * tools/builtins/record_static_ids.py with ASLR off, as the recorder runs its children): None,
 * Ellipsis, NotImplemented, True, False and the static types found there by tp_name. id() shows
 * them, and _Py_HashPointer hashes them (hash(None) on 3.11, hash(Ellipsis), a type's hash), so a
 * set or dict of them iterates and prints in the real order. With ASLR on, pyenv's 3.11.7 moves
 * libpython and hash(None) changes run to run (measured: 8758701874110, 8794084891582, …); Debian's
 * python3 is not PIE and keeps 612812. A profile without a record keeps the simulator's own
 * addresses (the binary's .data, STATIC_BASE).
 */
export function placeStaticObjects(vm: Vm, profile: string): void {
  const rec = BY_PROFILE[profile];
  if (rec === undefined) return;
  const s = vm.s;
  const objects: Record<string, number> = {
    None: s.None,
    Ellipsis: s.Ellipsis,
    NotImplemented: s.NotImplemented,
    True: s.True,
    False: s.False,
  };
  for (const [name, h] of Object.entries(objects)) {
    const addr = rec.objects[name];
    if (addr !== undefined) vm.table.addr[h] = addr;
  }
  for (const tp of vm.types) {
    if (tp === undefined || tp.flags & TpFlags.HeapType || tp.typeObject <= 0) continue;
    const addr = rec.types[tp.name];
    if (addr !== undefined) vm.table.addr[tp.typeObject] = addr;
  }
}
